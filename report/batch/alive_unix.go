//go:build unix

package batch

import (
	"errors"
	"syscall"
)

// alive reports whether the process pid runs.
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
