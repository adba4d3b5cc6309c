package docx_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/internal/testtool"
	"github.com/hoinghi/hoinghi/report"
	"github.com/hoinghi/hoinghi/templates"
)

// meetings are rendered to every kind: the seed, in the frame of Decree
// 30, and a Party committee's, in the frame of Hướng dẫn 36.
var meetings = []string{
	"../../samples/cum-thi-dua-2023.yaml",
	"../../samples/corpus/09-ban-thuong-vu-huyen-uy.yaml",
}

func renderer(t testing.TB) *report.Renderer {
	t.Helper()
	srcs, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	r, err := report.New(fonts.Default(), srcs, "hoinghi test")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// output is one document of a meeting, as a Word file and as hoinghi's
// own PDF.
type output struct {
	name      string
	docx, pdf []byte
	date      time.Time
}

// render renders every kind of every meeting.
func render(t *testing.T) []output {
	t.Helper()
	r := renderer(t)
	var outs []output
	for _, file := range meetings {
		l, err := r.Load(file)
		if err != nil {
			t.Fatal(err)
		}
		docs, err := r.Documents(l, r.Kinds())
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			var w, p bytes.Buffer
			if err := r.DOCX(context.Background(), &w, l.Meeting, d); err != nil {
				t.Fatal(err)
			}
			if err := r.PDF(context.Background(), &p, l.Meeting, d); err != nil {
				t.Fatal(err)
			}
			c, err := r.Content(context.Background(), l.Meeting, d)
			if err != nil {
				t.Fatal(err)
			}
			name := strings.TrimSuffix(filepath.Base(file), ".yaml") + "-" + d.Kind
			outs = append(outs, output{name, w.Bytes(), p.Bytes(), c.Meta.Date})
		}
	}
	return outs
}

// parts are the parts every file holds, in the order they are written.
var parts = []string{
	"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
	"word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml",
	"word/settings.xml", "word/header1.xml", "word/header2.xml",
}

// TestParts reads each file back with archive/zip and xmllint: the parts
// in their order, each dated with the document's stamp and well-formed
// XML.
func TestParts(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for _, o := range render(t) {
		z, err := zip.NewReader(bytes.NewReader(o.docx), int64(len(o.docx)))
		if err != nil {
			t.Fatalf("%s: %v", o.name, err)
		}
		var names []string
		for i, f := range z.File {
			names = append(names, f.Name)
			if !f.Modified.Equal(o.date) {
				t.Errorf("%s: %s is dated %v, not %v", o.name, f.Name, f.Modified, o.date)
			}
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			data, err := io.ReadAll(rc)
			if err != nil {
				t.Fatalf("%s: %s: %v", o.name, f.Name, err)
			}
			path := filepath.Join(dir, o.name+"-"+string(rune('a'+i))+".xml")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			files = append(files, path)
		}
		if !slices.Equal(names, parts) {
			t.Errorf("%s: parts %v, want %v", o.name, names, parts)
		}
	}
	testtool.Run(t, "xmllint", append([]string{"--noout"}, files...)...)
}

// TestSameBytes renders every document twice.
func TestSameBytes(t *testing.T) {
	a, b := render(t), render(t)
	for i := range a {
		if !bytes.Equal(a[i].docx, b[i].docx) {
			t.Errorf("%s: two renders differ", a[i].name)
		}
	}
}

// TestLibreOffice converts every document with LibreOffice and reads
// the PDF it prints with poppler: A4, every word of hoinghi's own PDF of
// it as often and no other; no number on the first page, and the
// number 2 heading the second.
func TestLibreOffice(t *testing.T) {
	dir := t.TempDir()
	outs := render(t)
	var files []string
	for _, o := range outs {
		path := filepath.Join(dir, o.name+".docx")
		if err := os.WriteFile(path, o.docx, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, o.name+".hoinghi.pdf"), o.pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	lo := filepath.Join(dir, "lo")
	testtool.Soffice(t, filepath.Join(dir, "profile"), lo, "pdf", files...)
	for _, o := range outs {
		converted := filepath.Join(lo, o.name+".pdf")
		info := string(testtool.Run(t, "pdfinfo", converted))
		if !strings.Contains(info, "(A4)") {
			t.Errorf("%s: LibreOffice prints it on another paper than A4:\n%s", o.name, info)
		}
		got := words(string(testtool.Run(t, "pdftotext", converted, "-")))
		want := words(string(testtool.Run(t, "pdftotext", filepath.Join(dir, o.name+".hoinghi.pdf"), "-")))
		for w, n := range want {
			if got[w] < n {
				t.Errorf("%s: LibreOffice prints %q %d times, hoinghi's PDF %d", o.name, w, got[w], n)
			}
		}
		for w := range got {
			if want[w] == 0 {
				t.Errorf("%s: LibreOffice prints %q, which hoinghi's PDF does not", o.name, w)
			}
		}
		first := string(testtool.Run(t, "pdftotext", "-f", "1", "-l", "1", "-layout", converted, "-"))
		if lines := strings.Fields(first); len(lines) == 0 || isNumber(lines[0]) {
			t.Errorf("%s: the first page starts with %q, not the header", o.name, first[:min(len(first), 40)])
		}
		second := strings.Fields(string(testtool.Run(t, "pdftotext", "-f", "2", "-l", "2", converted, "-")))
		if len(second) == 0 || second[0] != "2" {
			t.Errorf("%s: the second page does not start with its number: %q", o.name, second[:min(len(second), 5)])
		}
	}
}

// words counts the words of a PDF's text, but not its page numbers:
// two files that break lines and pages apart set the header row of a
// table again on other pages, and their readers order text that stands
// side by side in other ways, but they print the same words. Hyphens and
// dashes do not count: pdftotext joins a line that ends in one to the
// next ("TT-" / "BGDĐT" gives "TTBGDĐT"), and the two break lines at
// other dashes.
func words(s string) map[string]int {
	out := map[string]int{}
	for _, w := range strings.Fields(s) {
		w = strings.Map(func(r rune) rune {
			if r == '-' || r == '–' || r == '—' {
				return -1
			}
			return r
		}, w)
		if w != "" && !isNumber(w) {
			out[w]++
		}
	}
	return out
}

func isNumber(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !unicode.IsDigit(r) }) < 0
}

// BenchmarkDOCX renders each document of the seed meeting as a Word
// file, as a batch would: fonts and templates are loaded once.
func BenchmarkDOCX(b *testing.B) {
	r := renderer(b)
	l, err := r.Load("../../samples/cum-thi-dua-2023.yaml")
	if err != nil {
		b.Fatal(err)
	}
	docs, err := r.Documents(l, nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range docs {
		b.Run(d.Kind, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := r.DOCX(context.Background(), io.Discard, l.Meeting, d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
