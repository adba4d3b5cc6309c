package diag_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/hoinghi/hoinghi/report/atomic"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
)

// checkOS checks that err reads in Vietnamese and in English as the
// failure of the system it is, with its remedy.
func checkOS(t *testing.T, name string, err error, vi, en string) {
	t.Helper()
	if err == nil {
		t.Fatalf("%s: no error", name)
	}
	if got := diag.Text(err, lang.Vietnamese); got != vi {
		t.Errorf("%s (%v): Vietnamese\n%s\nwant\n%s", name, err, got, vi)
	}
	if got := diag.Text(err, lang.English); got != en {
		t.Errorf("%s (%v): English\n%s\nwant\n%s", name, err, got, en)
	}
}

// TestOSErrors makes each failure for real where a test can — a missing
// file or folder, a full disk (/dev/full), a name too long, a folder for a
// file and a file for a folder — and builds the rest as the system
// returns them: permission denied when the test runs as root, a
// read-only disk.
func TestOSErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "hop.yaml")
	_, err := os.Open(missing)
	checkOS(t, "missing file", err,
		"không tìm thấy tệp "+missing+" — kiểm tra tên và thư mục",
		"file "+missing+" not found — check its name and folder")

	nodir := filepath.Join(dir, "thang-7")
	checkOS(t, "missing folder", atomic.WriteFile(filepath.Join(nodir, "hop.pdf"), []byte("x")),
		"không tìm thấy thư mục "+nodir+" — kiểm tra tên và vị trí của thư mục",
		"folder "+nodir+" not found — check its name and where it is")

	checkOS(t, "/dev/full", os.WriteFile("/dev/full", []byte("x"), 0o644),
		"/dev/full: ổ đĩa đã đầy — hãy giải phóng bớt dung lượng hoặc chọn ổ đĩa khác",
		"/dev/full: the disk is full — free some space on it, or choose another disk")
	// A full disk met writing a temporary file names the file it was for.
	tmp := &fs.PathError{Op: "write", Path: filepath.Join("out", ".hop.pdf.1234567.tmp"), Err: syscall.ENOSPC}
	checkOS(t, "full disk under a temporary file", fmt.Errorf("writing out/hop.pdf: %w", tmp),
		filepath.Join("out", "hop.pdf")+": ổ đĩa đã đầy — hãy giải phóng bớt dung lượng hoặc chọn ổ đĩa khác",
		filepath.Join("out", "hop.pdf")+": the disk is full — free some space on it, or choose another disk")

	long := filepath.Join(dir, strings.Repeat("a", 300)+".yaml")
	_, err = os.Stat(long)
	checkOS(t, "long name", err,
		long+": tên quá dài — hãy đặt tên ngắn hơn, hoặc chọn thư mục gần gốc ổ đĩa hơn",
		long+": the name is too long — choose a shorter name, or a folder nearer the top of the disk")

	checkOS(t, "folder for a file", os.WriteFile(dir, []byte("x"), 0o644),
		dir+" là thư mục, không phải tệp — hãy ghi tên một tệp",
		dir+" is a folder, not a file — give the name of a file")
	sub := filepath.Join(dir, "bien-ban.pdf")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	checkOS(t, "a folder where the output goes", atomic.WriteFile(sub, []byte("x")),
		sub+" là thư mục, không phải tệp — hãy ghi tên một tệp",
		sub+" is a folder, not a file — give the name of a file")

	file := filepath.Join(dir, "hop.xlsx")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	under := filepath.Join(file, "out")
	checkOS(t, "file for a folder", os.Mkdir(under, 0o755),
		under+": một phần của đường dẫn là tệp chứ không phải thư mục — kiểm tra lại đường dẫn",
		under+": a part of the path is a file, not a folder — check the path")

	deniedVi := file + ": không có quyền truy cập — đóng tệp nếu chương trình khác đang mở nó, hoặc xin quyền truy cập, hoặc chọn thư mục khác"
	deniedEn := file + ": permission denied — close it if another program has it open, or ask for access, or choose another folder"
	if os.Geteuid() != 0 {
		if err := os.Chmod(file, 0); err != nil {
			t.Fatal(err)
		}
		_, err := os.ReadFile(file)
		checkOS(t, "chmod 000", err, deniedVi, deniedEn)
	}
	for _, errno := range []syscall.Errno{syscall.EACCES, syscall.EPERM} {
		checkOS(t, errno.Error(), &fs.PathError{Op: "open", Path: file, Err: errno}, deniedVi, deniedEn)
	}
	checkOS(t, "read-only", &fs.PathError{Op: "open", Path: file, Err: syscall.EROFS},
		file+": ổ đĩa chỉ cho phép đọc — hãy chọn thư mục trên ổ đĩa khác",
		file+": the disk can only be read — choose a folder on another disk")

	// Anything else keeps its own text.
	other := &fs.PathError{Op: "read", Path: file, Err: syscall.EIO}
	checkOS(t, "other", other, other.Error(), other.Error())
	checkOS(t, "not of the system", errors.New("boom"), "boom", "boom")
}
