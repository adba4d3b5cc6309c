//go:build !unix

package fifo

import "testing"

// Make skips the test: named pipes in a folder exist only on Unix.
func Make(t testing.TB, path string) {
	t.Helper()
	t.Skipf("%s: no named pipes outside Unix", path)
}
