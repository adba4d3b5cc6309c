//go:build unix

package profile

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
)

// otherUID is a user that is neither the one running the tests nor root.
const otherUID = 12345

// chownOther gives path to otherUID, which only root can do.
func chownOther(t *testing.T, path string) {
	t.Helper()
	if os.Getuid() != 0 {
		t.Skip("only root can give a file to another user")
	}
	if err := os.Lchown(path, otherUID, otherUID); err != nil {
		t.Fatal(err)
	}
}

// loadProblem loads the profile at path and returns its one problem in
// English and in Vietnamese.
func loadProblem(t *testing.T, path string) (en, vi string) {
	t.Helper()
	p, err := Load(path)
	var ps diag.List
	if !errors.As(err, &ps) || p != nil || len(ps) != 1 {
		t.Fatalf("Load(%s) = %v, %v (%T); want one problem", path, p, err, err)
	}
	return ps.In(lang.English), ps.In(lang.Vietnamese)
}

// TestLoadRefusesUntrusted: a profile, or a folder of templates or fonts
// it names, that another user owns or could change is refused with a
// message naming it and HOINGHI_TRUST; listing it there, or a folder
// above it, makes it load.
func TestLoadRefusesUntrusted(t *testing.T) {
	profileCases := []struct {
		name string
		// plant lays out the profile in dir and returns its path and the
		// file or folder the message must blame.
		plant func(t *testing.T, dir string) (path, blamed string)
		why   string // the reason, in English, with <blamed>
		vi    string // the reason, in Vietnamese
	}{
		{
			name: "writable by everyone",
			plant: func(t *testing.T, dir string) (string, string) {
				path := filepath.Join(dir, FileName)
				writeFile(t, path, "issuer: {name: SỞ NỘI VỤ}\n")
				chmod(t, path, 0o666)
				return path, path
			},
			why: "other users can change <blamed> (mode -rw-rw-rw-): remove their right to write with chmod go-w <blamed>",
			vi:  "người dùng khác có thể sửa <blamed> (quyền -rw-rw-rw-)",
		},
		{
			name: "writable by its group",
			plant: func(t *testing.T, dir string) (string, string) {
				path := filepath.Join(dir, FileName)
				writeFile(t, path, "")
				chmod(t, path, 0o664)
				return path, path
			},
			why: "other users can change <blamed> (mode -rw-rw-r--)",
			vi:  "người dùng khác có thể sửa <blamed>",
		},
		{
			name: "in a folder everyone can write to",
			plant: func(t *testing.T, dir string) (string, string) {
				shared := filepath.Join(dir, "chung")
				path := filepath.Join(shared, FileName)
				writeFile(t, path, "")
				chmod(t, shared, 0o777)
				return path, shared
			},
			why: "other users can change <blamed> (mode drwxrwxrwx)",
			vi:  "người dùng khác có thể sửa <blamed> (quyền drwxrwxrwx)",
		},
		{
			name: "a link to a file in a folder everyone can write to",
			plant: func(t *testing.T, dir string) (string, string) {
				shared := filepath.Join(dir, "chung")
				writeFile(t, filepath.Join(shared, "that.yaml"), "")
				chmod(t, shared, 0o777)
				path := filepath.Join(dir, "cq", FileName)
				if err := os.Mkdir(filepath.Join(dir, "cq"), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.Symlink(filepath.Join(shared, "that.yaml"), path); err != nil {
					t.Fatal(err)
				}
				return path, shared
			},
			why: "other users can change <blamed> (mode drwxrwxrwx)",
			vi:  "người dùng khác có thể sửa <blamed>",
		},
		{
			name: "owned by another user",
			plant: func(t *testing.T, dir string) (string, string) {
				path := filepath.Join(dir, FileName)
				writeFile(t, path, "issuer: {name: SỞ NỘI VỤ}\n")
				chownOther(t, path)
				return path, path
			},
			why: "<blamed> belongs to another user (uid 12345)",
			vi:  "<blamed> thuộc về người dùng khác (uid 12345)",
		},
	}
	for _, tc := range profileCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(TrustVar, "")
			dir := t.TempDir()
			path, blamed := tc.plant(t, dir)
			r := strings.NewReplacer("<blamed>", blamed)
			en, vi := loadProblem(t, path)
			want := path + ": this office profile is not trusted: " + r.Replace(tc.why)
			if !strings.HasPrefix(en, want) || !strings.HasSuffix(en, ". If you trust it, list it in HOINGHI_TRUST (as HOINGHI_TRUST="+path+")") {
				t.Errorf("got  %s\nwant %s…", en, want)
			}
			if !strings.Contains(vi, "không tin dùng hồ sơ cơ quan này: "+r.Replace(tc.vi)) || !strings.Contains(vi, "HOINGHI_TRUST="+path) {
				t.Errorf("in Vietnamese: %s", vi)
			}
			for _, trust := range []string{path, dir, "/khong-co" + string(filepath.ListSeparator) + dir + "/"} {
				t.Setenv(TrustVar, trust)
				if _, err := Load(path); err != nil {
					t.Errorf("with %s=%s: %v", TrustVar, trust, err)
				}
			}
			t.Setenv(TrustVar, path+"x")
			if _, err := Load(path); err == nil {
				t.Errorf("%s=%sx trusts %s", TrustVar, path, path)
			}
		})
	}

	t.Run("a folder with the sticky bit, as /tmp", func(t *testing.T) {
		t.Setenv(TrustVar, "")
		shared := filepath.Join(t.TempDir(), "tmp")
		path := filepath.Join(shared, FileName)
		writeFile(t, path, "")
		chmod(t, shared, 0o777|os.ModeSticky)
		if _, err := Load(path); err != nil {
			t.Error(err)
		}
	})

	for _, tc := range []struct {
		name  string
		field string
		col   int
		// plant spoils the folder (made with a file in it) and returns
		// what the message must blame.
		plant func(t *testing.T, folder, file string) string
		why   string
	}{
		{"templates writable by everyone", "templates", 14, func(t *testing.T, folder, _ string) string {
			chmod(t, folder, 0o777)
			return folder
		}, "other users can change <blamed> (mode drwxrwxrwx): remove their right to write with chmod go-w <blamed>"},
		{"a template writable by everyone", "templates", 14, func(t *testing.T, _, file string) string {
			chmod(t, file, 0o666)
			return file
		}, "other users can change <blamed> (mode -rw-rw-rw-): remove their right to write with chmod go-w <blamed>"},
		{"fonts owned by another user", "fonts", 10, func(t *testing.T, folder, _ string) string {
			chownOther(t, folder)
			return folder
		}, "<blamed> belongs to another user (uid 12345)"},
		{"a font owned by another user", "fonts", 10, func(t *testing.T, _, file string) string {
			chownOther(t, file)
			return file
		}, "<blamed> belongs to another user (uid 12345)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(TrustVar, "")
			dir := t.TempDir()
			folder := filepath.Join(dir, "chung")
			file := filepath.Join(folder, "thong-bao.md")
			writeFile(t, file, "")
			path := filepath.Join(dir, FileName)
			writeFile(t, path, src("render:", "  "+tc.field+": chung"))
			if _, err := Load(path); err != nil {
				t.Fatalf("before it is spoilt: %v", err)
			}
			blamed := tc.plant(t, folder, file)
			en, vi := loadProblem(t, path)
			want := path + ":2:" + strconv.Itoa(tc.col) + ": render." + tc.field + ": the folder " + folder + " is not trusted: " +
				strings.ReplaceAll(tc.why, "<blamed>", blamed) + ". If you trust it, list it in HOINGHI_TRUST (as HOINGHI_TRUST=" + folder + ")"
			if en != want {
				t.Errorf("got  %s\nwant %s", en, want)
			}
			if !strings.Contains(vi, "không tin dùng thư mục "+folder) {
				t.Errorf("in Vietnamese: %s", vi)
			}
			t.Setenv(TrustVar, folder)
			if _, err := Load(path); err != nil {
				t.Errorf("with %s=%s: %v", TrustVar, folder, err)
			}
		})
	}
}

func chmod(t *testing.T, path string, mode os.FileMode) {
	t.Helper()
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

// TestLoadOnlyRegularFiles: a named pipe, a device, a folder and a file
// over MaxSize are refused before anything is read from them — a pipe
// with no writer would block Load for ever, a device never end.
func TestLoadOnlyRegularFiles(t *testing.T) {
	t.Setenv(TrustVar, "")
	for _, tc := range []struct {
		name  string
		plant func(t *testing.T, path string)
		want  string
		vi    string
	}{
		{"a named pipe", func(t *testing.T, path string) {
			if err := syscall.Mkfifo(path, 0o600); err != nil {
				t.Fatal(err)
			}
		}, "the office profile must be an ordinary file, not a named pipe (FIFO)", "hồ sơ cơ quan phải là một tệp thông thường, không phải ống có tên (FIFO)"},
		{"a link to /dev/zero", func(t *testing.T, path string) {
			if err := os.Symlink("/dev/zero", path); err != nil {
				t.Fatal(err)
			}
		}, "the office profile must be an ordinary file, not a device", "hồ sơ cơ quan phải là một tệp thông thường, không phải thiết bị"},
		{"a folder", func(t *testing.T, path string) {
			if err := os.Mkdir(path, 0o755); err != nil {
				t.Fatal(err)
			}
		}, "the office profile must be an ordinary file, not a folder", "hồ sơ cơ quan phải là một tệp thông thường, không phải thư mục"},
		{"one byte too many", func(t *testing.T, path string) {
			writeFile(t, path, "#"+strings.Repeat(" ", MaxSize))
		}, "the office profile holds 1,048,577 bytes or more, more than the 1,048,576 allowed: is this the right file?", "hồ sơ cơ quan có từ 1.048.577 byte trở lên, quá 1.048.576 byte cho phép"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), FileName)
			tc.plant(t, path)
			en, vi := loadProblem(t, path)
			if want := path + ": " + tc.want; en != want {
				t.Errorf("got  %s\nwant %s", en, want)
			}
			if !strings.Contains(vi, tc.vi) {
				t.Errorf("in Vietnamese: %s", vi)
			}
		})
	}
	t.Run("exactly MaxSize", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), FileName)
		writeFile(t, path, "#"+strings.Repeat(" ", MaxSize-1))
		if _, err := Load(path); err != nil {
			t.Error(err)
		}
	})
}

// TestFindStopsAtHome: the search looks in the home folder but not above
// it, so a hoinghi.yaml planted in /home is never found.
func TestFindStopsAtHome(t *testing.T) {
	root := t.TempDir()
	home := filepath.Join(root, "home", "van")
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv(EnvVar, "")
	meetingFile := filepath.Join(home, "cq", "hop.yaml")
	writeFile(t, meetingFile, "")
	planted := filepath.Join(root, "home", FileName)
	writeFile(t, planted, "")
	if got, err := Find(meetingFile); err != nil || got != "" {
		t.Errorf("with a profile above home: Find = %q, %v; want none", got, err)
	}
	t.Setenv("HOME", filepath.Join(root, "home"))
	if got, err := Find(meetingFile); err != nil || got != planted {
		t.Errorf("with the profile in home itself: Find = %q, %v; want %s", got, err, planted)
	}
}
