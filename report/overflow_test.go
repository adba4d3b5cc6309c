package report_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/internal/testtool"
	"github.com/hoinghi/hoinghi/report"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/templates"
)

// bboxWord is a word as poppler reads it back, in points.
type bboxWord struct {
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
	Text string  `xml:",chardata"`
}

// hostile is the seed meeting with strings no line holds: a web address
// in a conclusion, an agency name, a signer's name, a recipient and a
// table cell, each one word wider than its column.
var hostile = []struct{ old, new string }{
	{"name: CỤM THI ĐUA CÁC TỈNH TRUNG DU VÀ MIỀN NÚI PHÍA BẮC", "name: CỤM THI ĐUA " + strings.Repeat("CỤMTHIĐUA", 12)},
	{"tỉnh Bắc Kạn (Cụm trưởng) trình bày.", "tỉnh Bắc Kạn (Cụm trưởng) trình bày tại https://thiduakhenthuong.backan.gov.vn/" + strings.Repeat("tai-lieu/so-ket-6-thang-dau-nam-2023/", 6) + "bao-cao.pdf."},
	{"      name: Phạm Duy Hưng\n\n  - kind: bao-cao", "      name: Phạm " + strings.Repeat("Duyễ", 40) + " Hưng\n\n  - kind: bao-cao"},
	{"- Chủ tịch, các Phó Chủ tịch UBND tỉnh Bắc Kạn", "- Chủ tịch, các Phó Chủ tịch UBND tỉnh " + strings.Repeat("BắcKạn", 30)},
	{"- [1, UBND tỉnh Bắc Kạn, 186, 624, 41]", "- [1, UBND tỉnh " + strings.Repeat("BắcKạn", 30) + ", 186, 624, 41]"},
}

// dejaVuSerif is the folder of DejaVu Serif's four faces, a font wider
// than Times New Roman: at 13 pt bold it sets the Quốc hiệu 112 mm wide,
// in a column of 100.
const dejaVuSerif = "/usr/share/fonts/truetype/dejavu"

// TestNothingLost renders the hostile meeting's documents, in the
// default font and in DejaVu Serif, and reads them back with pdftotext:
// every long word is there whole, in order, and every word, the Quốc
// hiệu's too, lies inside Decree 30's margins (left 30, right 15, top
// and bottom 20 mm); only the page number stands in the top margin.
func TestNothingLost(t *testing.T) {
	t.Run("default", func(t *testing.T) { nothingLost(t, fonts.Default()) })
	t.Run("DejaVuSerif", func(t *testing.T) {
		dir := t.TempDir()
		for _, f := range []string{"DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf", "DejaVuSerif-BoldItalic.ttf"} {
			b, err := os.ReadFile(filepath.Join(dejaVuSerif, f))
			if err != nil {
				t.Fatalf("DejaVu Serif is not installed (make deps installs fonts-dejavu-core and fonts-dejavu-extra): %v", err)
			}
			if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		fs, _, err := fonts.LoadDir(dir, "")
		if err != nil {
			t.Fatal(err)
		}
		nothingLost(t, fs)
	})
}

func nothingLost(t *testing.T, fs *fonts.Set) {
	seed, err := os.ReadFile("../samples/cum-thi-dua-2023.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src := string(seed)
	var long []string
	for _, h := range hostile {
		if !strings.Contains(src, h.old) {
			t.Fatalf("the seed meeting no longer holds %q", h.old)
		}
		src = strings.Replace(src, h.old, h.new, 1)
		for _, f := range strings.Fields(h.new) {
			if len([]rune(f)) > 60 {
				long = append(long, strings.Trim(f, ".,"))
			}
		}
	}
	srcs, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	r, err := report.New(fs, srcs, "hoinghi test")
	if err != nil {
		t.Fatal(err)
	}
	l, err := r.Parse("hostile.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	docs, err := r.Documents(l, nil)
	if err != nil {
		t.Fatal(err)
	}
	const mm = 72 / 25.4
	var all strings.Builder
	for _, d := range docs {
		var b bytes.Buffer
		if err := r.PDF(context.Background(), &b, l.Meeting, d); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), d.Kind+".pdf")
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		var out struct {
			Pages []struct {
				Words []bboxWord `xml:"word"`
			} `xml:"body>doc>page"`
		}
		if err := xml.Unmarshal(testtool.Run(t, "pdftotext", "-bbox", path, "-"), &out); err != nil {
			t.Fatal(err)
		}
		for p, page := range out.Pages {
			for _, w := range page.Words {
				all.WriteString(w.Text)
				pageNumber := w.YMax < 20*mm && strings.Trim(w.Text, "0123456789") == ""
				if w.XMin < 30*mm-0.5 || w.XMax > (210-15)*mm+0.5 || w.YMax > (297-20)*mm+0.5 || w.YMin < 20*mm-0.5 && !pageNumber {
					t.Errorf("%s page %d: %q at x %.1f–%.1f mm, y %.1f–%.1f mm lies outside the margins", d.Kind, p+1, w.Text, w.XMin/mm, w.XMax/mm, w.YMin/mm, w.YMax/mm)
				}
			}
		}
	}
	for _, s := range long {
		if !strings.Contains(all.String(), s) {
			t.Errorf("%q is not in the documents whole", s)
		}
	}
}

// TestTooLongIsAnError renders a signer's name of 10,000 characters: it
// breaks into lines, but its signature block is taller than a page, so
// the document is refused with a problem that names the signer, in
// either language, and no PDF is written.
func TestTooLongIsAnError(t *testing.T) {
	seed, err := os.ReadFile("../samples/cum-thi-dua-2023.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const old = "      name: Phạm Duy Hưng\n\n  - kind: bao-cao"
	src := strings.Replace(string(seed), old, "      name: Phạm "+strings.Repeat("Duy", 3334)+" Hưng\n\n  - kind: bao-cao", 1)
	if src == string(seed) {
		t.Fatalf("the seed meeting no longer holds %q", old)
	}
	srcs, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	r, err := report.New(fonts.Default(), srcs, "hoinghi test")
	if err != nil {
		t.Fatal(err)
	}
	l, err := r.Parse("long.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	docs, err := r.Documents(l, []string{"thong-bao"})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	err = r.PDF(context.Background(), &b, l.Meeting, docs[0])
	var ps diag.List
	if !errors.As(err, &ps) || len(ps) != 1 || ps[0].Path != "signer" {
		t.Fatalf("PDF of a 10,000-character signer's name: %v, want one problem with the signer", err)
	}
	if b.Len() > 0 {
		t.Errorf("%d bytes written for a document refused", b.Len())
	}
	if vi := ps.In(lang.Vietnamese); !strings.Contains(vi, "signer: quá dài") {
		t.Errorf("in Vietnamese: %s", vi)
	}
	// Its Word file is refused alike: a meeting renders in every format
	// or in none.
	err = r.DOCX(context.Background(), &b, l.Meeting, docs[0])
	if !errors.As(err, &ps) || len(ps) != 1 || ps[0].Path != "signer" {
		t.Errorf("Word file of a 10,000-character signer's name: %v, want one problem with the signer", err)
	}
	if b.Len() > 0 {
		t.Errorf("%d bytes of a Word file written for a document refused", b.Len())
	}
}
