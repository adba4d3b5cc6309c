package main

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFormatDocx: --format docx writes a Word file of each document,
// named as its PDF, to a folder or alone to standard output, and into a
// batch's bundles; an unknown format names the three there are.
func TestFormatDocx(t *testing.T) {
	out := t.TempDir()
	if code, _, stderr := hoinghi(t, "render", "--format", "docx,pdf", "-o", out, seed); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, name := range []string{"thong-bao-2023-07-31", "bao-cao-12-2023-07-28", "bien-ban-03-2023-07-28"} {
		for _, ext := range []string{".pdf", ".docx"} {
			if _, err := os.Stat(filepath.Join(out, name+ext)); err != nil {
				t.Errorf("no %s%s: %v", name, ext, err)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(out, "danh-sach-dai-bieu-2023-07-28.xlsx")); err == nil {
		t.Error("a workbook was written though only pdf and docx were asked for")
	}

	code, stdout, stderr := hoinghi(t, "render", "--kind", "thong-bao", "--format", "docx", "-o", "-", seed)
	if code != 0 || !strings.HasPrefix(stdout, "PK\x03\x04") {
		t.Errorf("to standard output: exit %d, stdout starts %q: %s", code, stdout[:min(len(stdout), 8)], stderr)
	}

	code, _, stderr = hoinghi(t, "--lang", "en", "render", "--format", "odt", "-o", t.TempDir(), seed)
	if code != 2 || !strings.Contains(stderr, "unknown format odt: expected pdf, docx or xlsx") {
		t.Errorf("--format odt: exit %d, %q", code, stderr)
	}

	in := t.TempDir()
	data, _ := os.ReadFile(seed)
	write(t, in, "hop.yaml", string(data))
	bundles := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := hoinghi(t, "batch", "--bundle", "--kind", "thong-bao", "--format", "pdf,docx", "-o", bundles, in); code != 0 {
		t.Fatalf("batch: exit %d: %s", code, stderr)
	}
	zr, err := zip.OpenReader(filepath.Join(bundles, "hop.zip"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	if want := "thong-bao-2023-07-31.pdf thong-bao-2023-07-31.docx"; strings.Join(names, " ") != want {
		t.Errorf("bundle holds %v, want %s", names, want)
	}
}
