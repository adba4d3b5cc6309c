package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"github.com/hoinghi/hoinghi/internal/testtool"
)

// TestFontFamily: of a font folder holding a sans and a serif family,
// --font-dir takes the serif one, whatever the files are named, and says
// so with how to choose; --font-family takes the other, as pdffonts reads
// the PDF; a family the folder lacks, or --font-family without
// --font-dir, is refused with exit 2 and no file.
func TestFontFamily(t *testing.T) {
	dir := t.TempDir()
	for name, ttf := range map[string][]byte{
		"a.ttf": liberationsansregular.TTF, "b.ttf": liberationsansbold.TTF,
		"c.ttf": liberationsansitalic.TTF, "d.ttf": liberationsansbolditalic.TTF,
		"e.ttf": liberationserifregular.TTF, "f.ttf": liberationserifbold.TTF,
		"g.ttf": liberationserifitalic.TTF, "h.ttf": liberationserifbolditalic.TTF,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), ttf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		family, font, note string
	}{
		{"", "LiberationSerif", "took Liberation Serif; choose another with --font-family NAME"},
		{"Liberation Sans", "LiberationSans", ""},
	} {
		out := t.TempDir()
		args := []string{"--lang", "en", "render", "--font-dir", dir, "--kind", "thong-bao", "--format", "pdf", "-o", out, seed}
		if tc.family != "" {
			args = append(args, "--font-family", tc.family)
		}
		code, _, stderr := hoinghi(t, args...)
		if code != 0 {
			t.Fatalf("--font-family %q: exit %d: %s", tc.family, code, stderr)
		}
		if tc.note == "" && strings.Contains(stderr, "--font-family") || !strings.Contains(stderr, tc.note) {
			t.Errorf("--font-family %q: stderr %q, want %q", tc.family, stderr, tc.note)
		}
		pdfs, _ := filepath.Glob(filepath.Join(out, "*.pdf"))
		if len(pdfs) != 1 {
			t.Fatalf("--font-family %q: %d PDFs written", tc.family, len(pdfs))
		}
		fonts := string(testtool.Run(t, "pdffonts", pdfs[0]))
		other := map[string]string{"LiberationSerif": "LiberationSans-", "LiberationSans": "LiberationSerif"}[tc.font]
		if !strings.Contains(fonts, "+"+tc.font) || strings.Contains(fonts, other) {
			t.Errorf("--font-family %q: the PDF's fonts are\n%s\nwant %s only", tc.family, fonts, tc.font)
		}
	}
	for _, args := range [][]string{
		{"--font-dir", dir, "--font-family", "Times New Roman"},
		{"--font-family", "Times New Roman"},
	} {
		out := t.TempDir()
		code, _, stderr := hoinghi(t, append([]string{"--lang", "en", "render", "-o", out}, append(args, seed)...)...)
		if code != 2 || !strings.Contains(stderr, "Times New Roman") || len(entries(t, out)) != 0 {
			t.Errorf("%v: exit %d, %d files, %q; want 2, no file and the family named", args, code, len(entries(t, out)), stderr)
		}
	}
}
