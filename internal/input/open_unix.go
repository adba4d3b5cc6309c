//go:build unix

package input

import (
	"os"
	"syscall"
)

// openFlags open a file for reading without waiting for a writer, in case
// a named pipe took its place after it was looked at.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK
