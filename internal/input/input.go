// Package input reads the files a user hands hoinghi — meeting files,
// workbooks, office profiles, fonts — so that none can hang or exhaust it:
// only regular files are read (a named pipe would block forever, /dev/zero
// never ends), and none larger than its limit.
package input

import (
	"io"
	"io/fs"
	"os"

	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
)

// MaxMeeting is the largest meeting file or input workbook hoinghi reads:
// one with a thousand attendees takes under a megabyte.
const MaxMeeting = 16 << 20

// Read returns the contents of the file at path, which messages call
// what ("the office profile"). A path that is not a regular file (a
// folder, a named pipe, a device, a socket) or that holds more than limit
// bytes is refused with a diag.List naming the file. It is checked before
// it is opened, opened without waiting for a writer, and checked again,
// so that what is read is what was checked.
func Read(path string, what lang.Message, limit int64) ([]byte, error) {
	return read(path, os.Stat, os.OpenFile, what, limit)
}

// ReadIn is Read for the file name of root, never through a link out of
// it.
func ReadIn(root *os.Root, name string, what lang.Message, limit int64) ([]byte, error) {
	return read(name, root.Stat, root.OpenFile, what, limit)
}

// read is Read with the stat and open of the file system path is in.
func read(path string, stat func(string) (fs.FileInfo, error), open func(string, int, fs.FileMode) (*os.File, error), what lang.Message, limit int64) ([]byte, error) {
	info, err := stat(path)
	if err != nil {
		return nil, err
	}
	if err := usable(path, what, limit, info); err != nil {
		return nil, err
	}
	f, err := open(path, openFlags, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := usable(path, what, limit, info); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(path, what, int64(len(data)), limit)
	}
	return data, nil
}

// usable refuses a file that info describes as not regular or larger
// than limit.
func usable(path string, what lang.Message, limit int64, info fs.FileInfo) error {
	switch {
	case !info.Mode().IsRegular():
		return diag.List{{File: path, Msg: lang.M("%s must be an ordinary file, not %s", what, Kind(info.Mode()))}}
	case info.Size() > limit:
		return tooLarge(path, what, info.Size(), limit)
	}
	return nil
}

func tooLarge(path string, what lang.Message, size, limit int64) error {
	return diag.List{{File: path, Msg: lang.M("%s holds %d bytes or more, more than the %d allowed: is this the right file?", what, size, limit)}}
}

// Kind names what a file that is not a regular one is.
func Kind(m fs.FileMode) lang.Message {
	switch {
	case m.IsDir():
		return lang.M("a folder")
	case m&fs.ModeNamedPipe != 0:
		return lang.M("a named pipe (FIFO)")
	case m&fs.ModeSocket != 0:
		return lang.M("a socket")
	case m&fs.ModeDevice != 0:
		return lang.M("a device")
	}
	return lang.M("a special file")
}

func init() {
	lang.Register(map[string]string{
		"%s must be an ordinary file, not %s":                                          "%s phải là một tệp thông thường, không phải %s",
		"%s holds %d bytes or more, more than the %d allowed: is this the right file?": "%s có từ %d byte trở lên, quá %d byte cho phép: có đúng tệp không?",
		"a folder":            "thư mục",
		"a named pipe (FIFO)": "ống có tên (FIFO)",
		"a socket":            "socket",
		"a device":            "thiết bị",
		"a special file":      "tệp đặc biệt",
	})
}
