//go:build unix

// Package fifo makes the named pipes that tests check readers refuse.
package fifo

import (
	"syscall"
	"testing"
)

// Make makes a named pipe at path, for the tests that a reader refuses
// one.
func Make(t testing.TB, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Fatal(err)
	}
}
