//go:build !unix

package input

import "os"

// openFlags open a file for reading. Outside Unix there is no O_NONBLOCK:
// the mode, looked at before and after opening, is the guard.
const openFlags = os.O_RDONLY
