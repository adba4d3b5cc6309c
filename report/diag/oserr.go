package diag

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/hoinghi/hoinghi/report/atomic"
	"github.com/hoinghi/hoinghi/report/lang"
)

// osKind is a failure of the operating system that a user can remedy.
type osKind int

const (
	notFound osKind = iota + 1
	denied
	diskFull
	inUse
	readOnly
	nameTooLong
	isDir
	notDir
)

// sysError is an error number of the system and what kind of failure it
// is; each system lists its own in sysErrors (oserr_windows.go,
// oserr_other.go), besides fs.ErrNotExist and fs.ErrPermission, which
// errors.Is knows on every system.
type sysError struct {
	err  error
	kind osKind
}

// osKindOf is the kind of failure err is, 0 when none; op is the
// operation that failed.
func osKindOf(err error, op string) osKind {
	for _, s := range sysErrors {
		if errors.Is(err, s.err) {
			return s.kind
		}
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return notFound
	case errors.Is(err, fs.ErrPermission):
		return denied
	case op == "rename" && errors.Is(err, fs.ErrExist):
		// os.Rename's answer for a folder at the new name.
		return isDir
	}
	return 0
}

// osMessage is the message of a failure of the operating system on a
// file, with its remedy, when err is one: a file not found, permission
// denied, a full disk, a file in use, a read-only disk, a name too long,
// a folder where a file was expected or a file where a folder was.
func osMessage(err error) (lang.Message, bool) {
	path, op, temp := osFile(err)
	kind := osKindOf(err, op)
	if kind == 0 || path == "" {
		return lang.Message{}, false
	}
	switch kind {
	case notFound:
		// A temporary file is created in the output's folder.
		if temp {
			return lang.M("folder %s not found — check its name and where it is", filepath.Dir(path)), true
		}
		return lang.M("file %s not found — check its name and folder", path), true
	case denied:
		return lang.M("%s: permission denied — close it if another program has it open, or ask for access, or choose another folder", path), true
	case diskFull:
		return lang.M("%s: the disk is full — free some space on it, or choose another disk", path), true
	case inUse:
		return lang.M("%s is open in another program, typically Excel — close the file in Excel and try again", path), true
	case readOnly:
		return lang.M("%s: the disk can only be read — choose a folder on another disk", path), true
	case nameTooLong:
		return lang.M("%s: the name is too long — choose a shorter name, or a folder nearer the top of the disk", path), true
	case isDir:
		return lang.M("%s is a folder, not a file — give the name of a file", path), true
	default:
		return lang.M("%s: a part of the path is a file, not a folder — check the path", path), true
	}
}

// osFile is the file an error of the operating system is about and the
// operation that failed on it. A temporary file of report/atomic is
// named by the file it was to become, the one the user knows, and temp
// says so.
func osFile(err error) (path, op string, temp bool) {
	var le *os.LinkError
	var pe *fs.PathError
	switch {
	case errors.As(err, &le):
		return le.New, le.Op, false
	case errors.As(err, &pe):
		path, op = pe.Path, pe.Op
	default:
		return "", "", false
	}
	dir, base := filepath.Split(path)
	if atomic.IsTemp(base) { // ".NAME.DIGITS.tmp"
		name := strings.TrimSuffix(base, ".tmp")
		return dir + name[1:strings.LastIndexByte(name, '.')], op, true
	}
	return path, op, false
}
