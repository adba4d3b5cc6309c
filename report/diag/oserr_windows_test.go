package diag_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestWindowsErrors: a workbook open in Excel — another program holding
// it without sharing — and the codes of a full or write-protected disk.
func TestWindowsErrors(t *testing.T) {
	file := filepath.Join(t.TempDir(), "hop.xlsx")
	name, err := syscall.UTF16PtrFromString(file)
	if err != nil {
		t.Fatal(err)
	}
	// Excel opens a workbook sharing it with nobody.
	h, err := syscall.CreateFile(name, syscall.GENERIC_READ|syscall.GENERIC_WRITE, 0, nil, syscall.CREATE_ALWAYS, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.CloseHandle(h)
	inUseVi := "tệp " + file + " đang được chương trình khác mở, thường là Excel — đóng tệp trong Excel rồi thử lại"
	inUseEn := file + " is open in another program, typically Excel — close the file in Excel and try again"
	_, err = os.ReadFile(file)
	checkOS(t, "sharing violation", err, inUseVi, inUseEn)
	checkOS(t, "lock violation", &fs.PathError{Op: "write", Path: file, Err: syscall.Errno(33)}, inUseVi, inUseEn)
	for _, code := range []syscall.Errno{112, 39} {
		checkOS(t, code.Error(), &fs.PathError{Op: "write", Path: file, Err: code},
			file+": ổ đĩa đã đầy — hãy giải phóng bớt dung lượng hoặc chọn ổ đĩa khác",
			file+": the disk is full — free some space on it, or choose another disk")
	}
	checkOS(t, "write protect", &fs.PathError{Op: "open", Path: file, Err: syscall.Errno(19)},
		file+": ổ đĩa chỉ cho phép đọc — hãy chọn thư mục trên ổ đĩa khác",
		file+": the disk can only be read — choose a folder on another disk")
}
