package main

import (
	"bytes"
	"fmt"
	"math"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool"
)

// rule is a horizontal line drawn on a page, in millimetres from the
// page's top-left corner.
type rule struct{ X0, X1, Y float64 }

func (r rule) String() string { return fmt.Sprintf("%.1f–%.1f at y %.1f", r.X0, r.X1, r.Y) }

// rulesDPI is the resolution the first page is drawn at to find its
// rules: a pixel is 0.17 mm.
const rulesDPI = 150

// rules returns the horizontal lines of at least 8 mm that poppler draws
// on the first page of pdf above y mm: the rules under the agency, the
// Tiêu ngữ and the abstract. No stroke of a letter is that long.
func rules(t *testing.T, pdf string, above float64) []rule {
	t.Helper()
	img := testtool.Run(t, "pdftoppm", "-r", fmt.Sprint(rulesDPI), "-f", "1", "-l", "1", "-gray", pdf)
	var w, h, maxv int
	n, err := fmt.Fscanf(bytes.NewReader(img), "P5\n%d %d\n%d\n", &w, &h, &maxv)
	if err != nil || n != 3 {
		t.Fatalf("pdftoppm drew no PGM image of %s: %v", pdf, err)
	}
	header := fmt.Sprintf("P5\n%d %d\n%d\n", w, h, maxv)
	pix := img[len(header):]
	if len(pix) < w*h {
		t.Fatalf("pdftoppm drew %d bytes for %d × %d pixels", len(pix), w, h)
	}
	mm := 25.4 / rulesDPI
	minRun := int(math.Ceil(8 / mm))
	var found []rule
	for y := 0; y < min(h, int(above/mm)); y++ {
		row := pix[y*w : (y+1)*w]
		for x := 0; x < w; {
			if row[x] >= 128 {
				x++
				continue
			}
			start := x
			for x < w && row[x] < 128 {
				x++
			}
			if x-start < minRun {
				continue
			}
			r := rule{X0: float64(start) * mm, X1: float64(x) * mm, Y: float64(y) * mm}
			if !thicker(found, r) {
				found = append(found, r)
			}
		}
	}
	return found
}

// thicker reports whether r is a row of a rule already found: a rule a
// few pixels thick is one rule.
func thicker(found []rule, r rule) bool {
	for _, f := range found {
		if math.Abs(f.X0-r.X0) < 0.5 && math.Abs(f.X1-r.X1) < 0.5 && r.Y-f.Y < 1 {
			return true
		}
	}
	return false
}

// checkRules: the rules LibreOffice draws on the first page of a .docx
// — under the agency, the Tiêu ngữ and the abstract — are those of
// hoinghi's PDF, each end within 2 mm; the search stops 45 mm below the
// type name, above any table of the body.
func checkRules(t *testing.T, kind, own, lo string, ownPage page) {
	t.Helper()
	at := ownPage.find(typeNames[kind])
	if len(at) == 0 {
		t.Fatalf("page 1 has no %q", typeNames[kind])
	}
	above := ownPage.Words[at[0]].YMax + 45
	want, got := rules(t, own, above), rules(t, lo, above)
	if len(want) == 0 {
		t.Fatalf("no rule found in hoinghi's PDF above y %.1f mm", above)
	}
	if len(got) != len(want) {
		t.Errorf("LibreOffice draws %d rules on page 1 (%v), the PDF %d (%v)", len(got), got, len(want), want)
		return
	}
	for i, w := range want {
		g := got[i]
		if math.Abs(g.X0-w.X0) > 2 || math.Abs(g.X1-w.X1) > 2 || math.Abs(g.Y-w.Y) > 2 {
			t.Errorf("rule %d is %v, the PDF's %v", i+1, g, w)
		}
	}
}
