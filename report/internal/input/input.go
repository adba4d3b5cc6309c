// Package input reads the files a user hands hoinghi — meeting files,
// workbooks — so that none can hang or exhaust it: only regular files are
// read (a FIFO would block forever, /dev/zero never ends), and none larger
// than MaxSize.
package input

import (
	"errors"
	"io"
	"io/fs"
	"os"

	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
)

// MaxSize is the largest input file hoinghi reads: a meeting with a
// thousand attendees takes under a megabyte as YAML or as a workbook.
const MaxSize = 16 << 20

// ErrNotRegular and ErrTooLarge are the causes of Read's refusals.
var (
	ErrNotRegular = errors.New("not a regular file")
	ErrTooLarge   = errors.New("file too large")
)

// Read returns the contents of the file at path. A path that is not a
// regular file (a folder, a FIFO, a device, a socket) or that is larger
// than MaxSize is refused with a diag.Problem naming the file; it is
// checked before it is opened, so that opening cannot block, and again
// after, so that what is read is what was checked.
func Read(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := check(path, st); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st2, err := f.Stat(); err != nil {
		return nil, err
	} else if !os.SameFile(st, st2) {
		return nil, diag.Problem{File: path, Msg: lang.M("the file changed while it was being opened: try again"), Err: ErrNotRegular}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxSize {
		return nil, tooLarge(path)
	}
	return data, nil
}

func check(path string, st fs.FileInfo) error {
	switch {
	case !st.Mode().IsRegular():
		return diag.Problem{File: path, Msg: lang.M("not a file that hoinghi can read (%s): expected a meeting file", kind(st.Mode())), Err: ErrNotRegular}
	case st.Size() > MaxSize:
		return tooLarge(path)
	}
	return nil
}

func tooLarge(path string) error {
	return diag.Problem{File: path, Msg: lang.M("the file is larger than %d MB, far more than any meeting needs: check that it is the right file", MaxSize>>20), Err: ErrTooLarge}
}

// kind names what a path is when it is not a regular file.
func kind(m fs.FileMode) lang.Message {
	switch {
	case m.IsDir():
		return lang.M("a folder")
	case m&fs.ModeNamedPipe != 0:
		return lang.M("a named pipe")
	case m&fs.ModeSocket != 0:
		return lang.M("a socket")
	case m&fs.ModeDevice != 0 || m&fs.ModeCharDevice != 0:
		return lang.M("a device")
	}
	return lang.M("not a regular file")
}

func init() {
	lang.Register(map[string]string{
		"the file changed while it was being opened: try again":                                           "tệp thay đổi trong lúc được mở: hãy thử lại",
		"not a file that hoinghi can read (%s): expected a meeting file":                                  "không phải tệp hoinghi đọc được (%s): cần một tệp thông tin cuộc họp",
		"the file is larger than %d MB, far more than any meeting needs: check that it is the right file": "tệp lớn hơn %d MB, quá nhiều so với mọi cuộc họp: hãy xem lại có đúng tệp không",
		"a folder":           "một thư mục",
		"a named pipe":       "một đường ống FIFO",
		"a socket":           "một socket",
		"a device":           "một thiết bị",
		"not a regular file": "không phải tệp thường",
	})
}
