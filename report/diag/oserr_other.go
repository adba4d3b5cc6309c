//go:build !windows

package diag

import "syscall"

var sysErrors = []sysError{
	{syscall.ENOSPC, diskFull},
	{syscall.EDQUOT, diskFull},
	{syscall.EROFS, readOnly},
	{syscall.ENAMETOOLONG, nameTooLong},
	{syscall.EISDIR, isDir},
	{syscall.ENOTDIR, notDir},
}
