package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/hoinghi/hoinghi/internal/testtool"
	"github.com/hoinghi/hoinghi/report/layout"
)

// place is a place of the e-document form as qpdf reads it from a page's
// /PieceInfo, in millimetres from the page's top-left corner.
type place struct {
	Page                   int
	XMin, YMin, XMax, YMax float64
	Font                   string
	Size                   float64
}

// readPlaces reads the places of every page of pdf with qpdf --json, in
// millimetres from the page's top-left corner.
func readPlaces(t *testing.T, pdf string) map[string]place {
	t.Helper()
	places := map[string]place{}
	for name, p := range testtool.Places(t, pdf) {
		h := layout.PageH
		places[name] = place{Page: p.Page, XMin: p.Rect[0] * ptMM, YMin: h - p.Rect[3]*ptMM,
			XMax: p.Rect[2] * ptMM, YMax: h - p.Rect[1]*ptMM, Font: p.Font, Size: p.Size}
	}
	return places
}

// overlaps tells whether w's box and p's, grown by d mm above and below
// (or shrunk on every side, for a d below zero), share any area.
func (p place) overlaps(w word, d float64) bool {
	x := min(d, 0)
	return w.XMin < p.XMax+x && w.XMax > p.XMin-x && w.YMin < p.YMax+d && w.YMax > p.YMin-d
}

// beside returns the words of pg on the line of p nearest to it on its
// left and on its right, an empty word where there is none.
func beside(pg page, p place) (left, right word) {
	mid := (p.YMin + p.YMax) / 2
	lx, rx := -1.0, pg.W
	for _, w := range pg.Words {
		if w.YMin > mid || w.YMax < mid {
			continue
		}
		if w.XMax <= p.XMin+0.3 && w.XMax > lx {
			left, lx = w, w.XMax
		}
		if w.XMin >= p.XMax-0.3 && w.XMin < rx {
			right, rx = w, w.XMin
		}
	}
	return left, right
}

// withoutDigits is the words of pages, in sorted order, with every digit
// and the dots of a blank taken out and the words left empty dropped:
// what the paper form and the e-document form share, the number, the
// date and page numbers aside, whatever the order pdftotext reads the
// header in.
func withoutDigits(pages []page) []string {
	var ws []string
	for _, p := range pages {
		for _, w := range p.Words {
			if s := strings.Map(func(r rune) rune {
				if unicode.IsDigit(r) || r == '…' {
					return -1
				}
				return r
			}, w.Text); s != "" {
				ws = append(ws, s)
			}
		}
	}
	slices.Sort(ws)
	return ws
}

// missing is the words of a, sorted, that b lacks, counting repeats.
func missing(a, b []string) []string {
	var out []string
	for i, j := 0, 0; i < len(a); i++ {
		for j < len(b) && b[j] < a[i] {
			j++
		}
		if j < len(b) && b[j] == a[i] {
			j++
			continue
		}
		out = append(out, a[i])
	}
	return out
}

// TestElectronicForm renders every sample and corpus meeting in the
// e-document form and in the paper form, and reads both back with
// pdftotext and qpdf: the e-document form leaves the number and the date
// blank at the places its page dictionary names, keeps the signer's
// box and a seal's reach clear of the text, and says everything else the
// paper form says.
func TestElectronicForm(t *testing.T) {
	paper, electronic := t.TempDir(), t.TempDir()
	for _, run := range [][]string{{"-o", paper}, {"--electronic", "-o", electronic}} {
		args := append([]string{"batch", "--kind", "thong-bao,bao-cao,bien-ban", "--format", "pdf"}, run...)
		if code, _, stderr := hoinghi(t, append(args, "../../samples")...); code != 0 {
			t.Fatalf("%v: exit %d\n%s", args, code, stderr)
		}
	}
	files := pdfsUnder(t, electronic)
	if len(files) < 78 {
		t.Fatalf("the e-document form of %d documents, want at least 78", len(files))
	}
	digit := regexp.MustCompile(`\d`)
	seal := (layout.SealMax - layout.SignerH) / 2
	for _, f := range files {
		rel, _ := filepath.Rel(electronic, f)
		pages := readBBox(t, f)
		places := readPlaces(t, f)
		first := pages[0]
		number, ok := places["Number"]
		if !ok {
			t.Errorf("%s: no Number place", rel)
			continue
		}
		// Five digits at 13 pt are 11.5 mm wide.
		if number.Page != 0 || number.XMax-number.XMin < 11.4 {
			t.Errorf("%s: the Number place %+v is not on page 1 or has no room for five digits", rel, number)
		}
		// The words of the Số and date lines stand either side of their
		// places, and nothing stands in a place.
		label, after := beside(first, number)
		if !strings.HasPrefix(label.Text, "Số") || !strings.ContainsAny(after.Text[:1], "/-") {
			t.Errorf("%s: the Number place %.1f–%.1f mm lies between %q and %q", rel, number.XMin, number.XMax, label.Text, after.Text)
		}
		for name, p := range places {
			for _, w := range pages[p.Page].Words {
				if p.overlaps(w, -0.3) {
					t.Errorf("%s: %q stands in the %s place", rel, w.Text, name)
				}
			}
		}
		if _, ok := places["Day"]; ok {
			for _, d := range []struct {
				name, before, after string
			}{{"Day", "ngày", "tháng"}, {"Month", "tháng", "năm"}, {"Year", "năm", ""}} {
				b, a := beside(first, places[d.name])
				if b.Text != d.before || a.Text != d.after {
					t.Errorf("%s: the %s place lies between %q and %q, want %q and %q", rel, d.name, b.Text, a.Text, d.before, d.after)
				}
			}
		}
		// The signer's box lies between the title lines and the name,
		// with the reach of a round seal of SealMax below it clear of
		// the name.
		signer, ok := places["Signer"]
		if !ok {
			t.Errorf("%s: no Signer place", rel)
			continue
		}
		for _, w := range pages[signer.Page].Words {
			if signer.overlaps(w, seal) && w.YMin > signer.YMax {
				t.Errorf("%s: %q (%.1f mm down) is within a seal's reach under the signer's box, which ends %.1f mm down", rel, w.Text, w.YMin, signer.YMax)
			}
		}
		if signer.YMin-seal < layout.Top-5 || signer.YMax+seal > layout.PageH-layout.Bottom {
			t.Errorf("%s: a seal on the signer's box %+v would run off the page", rel, signer)
		}
		att := places["Attachment"]
		if att.Page != 0 || att.XMax > layout.PageW-layout.Right+0.1 || att.YMax > layout.Top || att.Size != 10 {
			t.Errorf("%s: the attachment place %+v is not at the top right of page 1, at 10 pt", rel, att)
		}
		// No digit on the Số and date line, nor in the annex's
		// reference line before the issuer's name: they are assigned at
		// issuance.
		mid := (label.YMin + label.YMax) / 2
		for _, w := range first.Words {
			if c := (w.YMin + w.YMax) / 2; c > mid-1.5 && c < mid+1.5 && digit.MatchString(w.Text) {
				t.Errorf("%s: %q on the Số and date line of the e-document form", rel, w.Text)
			}
		}
		for _, p := range pages {
			for _, i := range p.find("(Kèm theo") {
				line := strings.Join(texts(p.Words[i:]), " ")
				line, _, _ = strings.Cut(line, " của ")
				if digit.MatchString(line) {
					t.Errorf("%s: the annex's reference line reads %q", rel, line)
				}
			}
		}
		was := readBBox(t, filepath.Join(paper, rel))
		if a, b := withoutDigits(was), withoutDigits(pages); !slices.Equal(a, b) {
			t.Errorf("%s: the e-document form says other than the paper form: only on paper %v, only electronic %v", rel, missing(a, b), missing(b, a))
		}
		if ps := readPlaces(t, filepath.Join(paper, rel)); len(ps) > 0 {
			t.Errorf("%s: the paper form has places %v", rel, ps)
		}
	}
}

func texts(ws []word) []string {
	s := make([]string, len(ws))
	for i, w := range ws {
		s[i] = w.Text
	}
	return s
}

// pdfsUnder lists the PDFs under dir, at any depth.
func pdfsUnder(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".pdf") {
			out = append(out, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestElectronicFromProfile: an office profile that issues electronically
// makes the e-document form the default, and --electronic=false the
// paper form for one run.
func TestElectronicFromProfile(t *testing.T) {
	t.Setenv("HOINGHI_PROFILE", "")
	office := t.TempDir()
	file := write(t, office, "hop.yaml", minimal)
	write(t, office, "hoinghi.yaml", "render:\n  electronic: true\n")
	for _, tc := range []struct {
		flag   string
		places bool
	}{{"", true}, {"--electronic=false", false}, {"--electronic", true}} {
		out := t.TempDir()
		args := []string{"render", "--kind", "thong-bao", "--format", "pdf", "-o", out, file}
		if tc.flag != "" {
			args = append(args, tc.flag)
		}
		if code, _, stderr := hoinghi(t, args...); code != 0 {
			t.Fatalf("%v: exit %d\n%s", args, code, stderr)
		}
		files := pdfsUnder(t, out)
		if len(files) != 1 {
			t.Fatalf("%v wrote %v", args, files)
		}
		if _, ok := readPlaces(t, files[0])["Number"]; ok != tc.places {
			t.Errorf("render %s with a profile that issues electronically: places %t, want %t", tc.flag, ok, tc.places)
		}
	}
}
