package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool"
)

// TestDeviceKindName: an office's own kind named as a Windows device,
// con, renders to _con.pdf, which Windows can open, not to con.pdf.
func TestDeviceKindName(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mau")
	if code, _, stderr := hoinghi(t, "templates", "export", dir); code != 0 {
		t.Fatal(stderr)
	}
	tb, err := os.ReadFile(filepath.Join(dir, "thong-bao.md"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir, "con.md", string(tb))
	in := write(t, t.TempDir(), "hop.yaml", minimal+"documents:\n  - kind: con\n")
	out := t.TempDir()
	if code, _, stderr := hoinghi(t, "render", "--templates", dir, "--format", "pdf", "-o", out, in); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got := entries(t, out); !slices.Equal(got, []string{"_con.pdf"}) {
		t.Fatalf("wrote %q, want _con.pdf", got)
	}
	if info := testtool.Run(t, "pdfinfo", filepath.Join(out, "_con.pdf")); !strings.Contains(string(info), "Pages:") {
		t.Errorf("pdfinfo _con.pdf: %s", info)
	}
}
