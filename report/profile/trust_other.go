//go:build !unix

package profile

import (
	"io/fs"
	"os"

	"github.com/hoinghi/hoinghi/report/lang"
)

// openFlags open a profile for reading. Outside Unix there is no
// O_NONBLOCK: the mode, looked at before and after opening, is the guard.
const openFlags = os.O_RDONLY

// unsafeInfo trusts every file: outside Unix, the mode Go reports does not
// say who else may write, and the owner is not in it.
func unsafeInfo(string, fs.FileInfo) (lang.Message, bool) { return lang.Message{}, false }

// sameDevice treats every folder as one file system.
func sameDevice(string, string) bool { return true }
