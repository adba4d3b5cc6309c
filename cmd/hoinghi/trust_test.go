//go:build unix

package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool"
)

// TestUntrustedProfile: render, validate and batch refuse an office
// profile that every user can write to, or one that is not a regular
// file, naming it (and how to trust it), with exit 2 and no file written;
// trusted, the profile is used and each command (convert too, which
// writes the profile's values into its output) says so on standard error,
// leaving standard output to the documents.
func TestUntrustedProfile(t *testing.T) {
	t.Setenv("HOINGHI_TRUST", "")
	t.Setenv("HOINGHI_PROFILE", "")
	office := t.TempDir()
	prof := write(t, office, "hoinghi.yaml", "issuer:\n  name: UBND XÃ TÂN AN\nrender:\n  kinds: [thong-bao]\n  formats: [pdf]\n")
	if err := os.Chmod(prof, 0o666); err != nil {
		t.Fatal(err)
	}
	file := write(t, office, "hop.yaml", "meeting:\n  title: Hội nghị giao ban tháng 7\n")
	fifo := filepath.Join(t.TempDir(), "hoinghi.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"render", "-o", out, file}, prof + ": this office profile is not trusted: other users can change " + prof},
		{[]string{"validate", file}, prof + ": this office profile is not trusted"},
		{[]string{"render", "--profile", fifo, "-o", out, file}, fifo + ": the office profile must be an ordinary file, not a named pipe (FIFO)"},
	} {
		code, stdout, stderr := hoinghi(t, append([]string{"--lang", "en"}, tc.args...)...)
		if code != 2 || !strings.Contains(stderr, tc.want) || stdout != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr:\n%s\nwant exit 2 and %q", tc.args, code, stdout, stderr, tc.want)
		}
		if got := entries(t, out); len(got) != 0 {
			t.Errorf("%v wrote %v", tc.args, got)
		}
	}
	// A batch fails the meetings of that profile only, and still writes
	// its manifest.
	code, _, stderr := hoinghi(t, "--lang", "en", "batch", "-o", out, file)
	if code != 1 || !strings.Contains(stderr, prof+": this office profile is not trusted") {
		t.Errorf("batch: exit %d, stderr:\n%s\nwant exit 1 and the refusal", code, stderr)
	}
	if got := entries(t, out); !slices.Equal(got, []string{"manifest.json"}) {
		t.Errorf("batch wrote %v, want only the manifest", got)
	}
	os.Remove(filepath.Join(out, "manifest.json"))
	if _, _, stderr := hoinghi(t, "--lang", "en", "render", "-o", out, file); !strings.Contains(stderr, "HOINGHI_TRUST="+prof) {
		t.Errorf("the refusal does not say how to trust the profile:\n%s", stderr)
	}

	t.Setenv("HOINGHI_TRUST", office)
	said := "hoinghi: hồ sơ cơ quan: " + prof + "\n"
	code, stdout, stderr := hoinghi(t, "render", "-o", out, file)
	if code != 0 || strings.Count(stderr, said) != 1 || stdout != "" {
		t.Fatalf("render of a trusted profile: exit %d, stdout %q, stderr:\n%s\nwant one %q", code, stdout, stderr, said)
	}
	text := string(testtool.Run(t, "pdftotext", filepath.Join(out, "thong-bao.pdf"), "-"))
	if !strings.Contains(text, "UBND XÃ TÂN AN") {
		t.Errorf("the profile's issuer is not in the thông báo:\n%s", text)
	}
	code, stdout, stderr = hoinghi(t, "render", "--kind", "thong-bao", "--format", "pdf", "-o", "-", file)
	if code != 0 || !strings.HasPrefix(stdout, "%PDF-") || !strings.Contains(stderr, said) {
		t.Errorf("render -o -: exit %d, stdout %.10q, stderr:\n%s", code, stdout, stderr)
	}
	if _, _, stderr := hoinghi(t, "validate", file); strings.Contains(stderr, "hồ sơ cơ quan:") {
		t.Errorf("validate without --explain names the profile:\n%s", stderr)
	}
	if _, _, stderr := hoinghi(t, "--lang", "en", "validate", "--explain", file); !strings.Contains(stderr, "hoinghi: office profile: "+prof+"\n") {
		t.Errorf("validate --explain does not name the profile:\n%s", stderr)
	}
	if code, _, stderr := hoinghi(t, "batch", "-o", t.TempDir(), file); code != 0 || strings.Count(stderr, said) != 1 {
		t.Errorf("batch: exit %d, stderr:\n%s\nwant one %q", code, stderr, said)
	}

	converted := filepath.Join(t.TempDir(), "hop.yaml")
	if code, _, stderr := hoinghi(t, "convert", file, converted); code != 0 || strings.Count(stderr, said) != 1 {
		t.Errorf("convert: exit %d, stderr:\n%s\nwant one %q", code, stderr, said)
	}

	alone := write(t, t.TempDir(), "hop.yaml", minimal)
	if code, _, stderr := hoinghi(t, "render", "-o", t.TempDir(), alone); code != 0 || strings.Contains(stderr, "hồ sơ cơ quan:") {
		t.Errorf("without a profile: exit %d, stderr:\n%s", code, stderr)
	}
}
