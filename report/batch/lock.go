package batch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/hoinghi/hoinghi/report/atomic"
	"github.com/hoinghi/hoinghi/report/lang"
)

// LockName is the file a batch holds in its output folder while it
// writes there, holding its process id.
const LockName = ".hoinghi.lock"

// Lock takes the output folder out for one batch, so that two batches
// never write one folder and its manifest at once, and returns the
// function that gives it back. A lock left by a process that no longer
// runs is taken over.
func Lock(out string) (unlock func(), err error) {
	path := filepath.Join(out, LockName)
	for range 2 {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, err = fmt.Fprintf(f, "%d\n", os.Getpid())
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				os.Remove(path)
				return nil, err
			}
			return func() { os.Remove(path) }, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
		st, err := os.Lstat(path)
		if err != nil {
			return nil, err
		}
		if !st.Mode().IsRegular() {
			return nil, lang.Errorf("%s is not a lock file hoinghi wrote: remove it", path)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		pid, err := strconv.Atoi(strings.TrimSpace(string(data)))
		if err != nil || pid <= 0 {
			return nil, lang.Errorf("%s holds no process id: if no batch is writing to %s, remove it", path, out)
		}
		if alive(pid) {
			return nil, lang.Errorf("another batch (process %s) is writing to %s: wait for it to end, or choose another output folder", strconv.Itoa(pid), out)
		}
		if err := os.Remove(path); err != nil {
			return nil, err
		}
	}
	return nil, lang.Errorf("another batch is writing to %s: wait for it to end, or choose another output folder", out)
}

// RemoveTemps removes the temporary files that a killed run left below
// out: regular files named as atomic names them, never through a
// symbolic link. A folder below out that cannot be read is left alone.
func RemoveTemps(out string) error {
	return filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == out {
				return err
			}
			return filepath.SkipDir
		}
		if d.Type().IsRegular() && atomic.IsTemp(d.Name()) {
			return os.Remove(path)
		}
		return nil
	})
}

func init() {
	lang.Register(map[string]string{
		"%s is not a lock file hoinghi wrote: remove it":                                                   "%s không phải tệp khóa do hoinghi ghi: hãy xóa nó",
		"%s holds no process id: if no batch is writing to %s, remove it":                                  "%s không chứa mã tiến trình: nếu không có batch nào đang ghi vào %s, hãy xóa nó",
		"another batch (process %s) is writing to %s: wait for it to end, or choose another output folder": "một batch khác (tiến trình %s) đang ghi vào %s: hãy chờ nó xong hoặc chọn thư mục xuất khác",
		"another batch is writing to %s: wait for it to end, or choose another output folder":              "một batch khác đang ghi vào %s: hãy chờ nó xong hoặc chọn thư mục xuất khác",
	})
}
