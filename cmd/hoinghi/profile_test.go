package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestProfileFolderErrors: fonts or templates that the office profile
// names and that fail to load are reported at the profile's line that
// names them, exit 2, no file; the same folder given by a flag is the
// flag's, not the profile's.
func TestProfileFolderErrors(t *testing.T) {
	t.Setenv("HOINGHI_PROFILE", "")
	office := t.TempDir()
	for _, d := range []string{"phong", "mau"} {
		if err := os.Mkdir(filepath.Join(office, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(t, filepath.Join(office, "mau"), "thong-bao.md", "---\nframe: \"1.9\"\n---\n{{.Start}\n")
	file := write(t, office, "hop.yaml", minimal)
	prof := filepath.Join(office, "hoinghi.yaml")
	out := t.TempDir()
	for _, tc := range []struct {
		profile, flag, want string
	}{
		{"render:\n  fonts: phong\n", "", prof + ":2:10: render.fonts: no TrueType font in " + filepath.Join(office, "phong")},
		{"render:\n  templates: mau\n", "", prof + ":2:14: render.templates: the folder named here has problems, listed below\n" + filepath.Join(office, "mau", "thong-bao.md") + ":"},
		{"render:\n  fonts: phong\n", "--font-dir=" + filepath.Join(office, "phong"), "hoinghi: no TrueType font in " + filepath.Join(office, "phong")},
	} {
		write(t, office, "hoinghi.yaml", tc.profile)
		args := []string{"--lang", "en", "render", "-o", out, file}
		if tc.flag != "" {
			args = append(args, tc.flag)
		}
		code, _, stderr := hoinghi(t, args...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q %s: exit %d, stderr:\n%s\nwant exit 2 and %q", tc.profile, tc.flag, code, stderr, tc.want)
		}
		if got := entries(t, out); len(got) != 0 {
			t.Errorf("%q wrote %v", tc.profile, got)
		}
	}
}
