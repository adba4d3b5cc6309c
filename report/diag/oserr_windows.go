//go:build windows

package diag

import "syscall"

// The codes of winerror.h.
var sysErrors = []sysError{
	{syscall.Errno(32), inUse},        // ERROR_SHARING_VIOLATION: Excel has the workbook open
	{syscall.Errno(33), inUse},        // ERROR_LOCK_VIOLATION
	{syscall.Errno(112), diskFull},    // ERROR_DISK_FULL
	{syscall.Errno(39), diskFull},     // ERROR_HANDLE_DISK_FULL
	{syscall.Errno(19), readOnly},     // ERROR_WRITE_PROTECT
	{syscall.Errno(206), nameTooLong}, // ERROR_FILENAME_EXCED_RANGE
	{syscall.EISDIR, isDir},           // Go's own, for a folder opened to be written
}
