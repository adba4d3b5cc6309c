// Package atomic writes files so that readers see either the old content
// or the complete new one, never a partial file: the content goes to a
// temporary file in the same folder, is synced, and is renamed over the
// target only when everything succeeded.
package atomic

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// TempExtra is how many bytes longer than its target's name a temporary
// file's name may be: a dot in front, and a dot, up to ten digits and
// ".tmp" after.
const TempExtra = len(".") + len(".4294967295.tmp")

// IsTemp reports whether name, a file's base name, is one of the
// temporary files WriteFile makes: ".NAME.DIGITS.tmp". A run killed while
// writing leaves them behind.
func IsTemp(name string) bool {
	rest, ok := strings.CutSuffix(name, ".tmp")
	if !ok || !strings.HasPrefix(rest, ".") {
		return false
	}
	i := strings.LastIndexByte(rest, '.')
	digits := rest[i+1:]
	if i <= 1 || digits == "" {
		return false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// WriteFile writes data to path atomically with permissions 0644. On any
// failure the temporary file is removed and an earlier file at path is
// left as it was.
func WriteFile(path string, data []byte) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return os.Rename(tmp.Name(), path)
}
