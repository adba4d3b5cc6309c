//go:build unix

package profile

import (
	"io/fs"
	"os"
	"strconv"
	"syscall"

	"github.com/hoinghi/hoinghi/report/lang"
)

// unsafeInfo says why the file or folder at path, described by info, is
// not safe to follow: a user other than the current one and root owns it,
// or its group or every user may write to it. A folder with the sticky bit
// (as /tmp) is safe to be in: others may add files there, which are then
// theirs, but not replace ours.
func unsafeInfo(path string, info fs.FileInfo) (lang.Message, bool) {
	if st, ok := info.Sys().(*syscall.Stat_t); ok && st.Uid != 0 && int(st.Uid) != os.Getuid() {
		return lang.M("%s belongs to another user (uid %s)", path, strconv.FormatUint(uint64(st.Uid), 10)), true
	}
	sticky := info.IsDir() && info.Mode()&fs.ModeSticky != 0
	if info.Mode().Perm()&0o022 != 0 && !sticky {
		return lang.M("other users can change %s (mode %s): remove their right to write with chmod go-w %s", path, info.Mode().String(), path), true
	}
	return lang.Message{}, false
}

// sameDevice reports whether the folders a and b are on one file system,
// so that the search for a profile does not cross into another one.
func sameDevice(a, b string) bool {
	ia, err := os.Stat(a)
	if err != nil {
		return false
	}
	ib, err := os.Stat(b)
	if err != nil {
		return false
	}
	sa, ok := ia.Sys().(*syscall.Stat_t)
	sb, okb := ib.Sys().(*syscall.Stat_t)
	return ok && okb && sa.Dev == sb.Dev
}
