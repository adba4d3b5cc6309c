package pdf_test

import (
	"bytes"
	"cmp"
	"encoding/json"
	"encoding/xml"
	"image"
	"image/png"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/internal/testtool"
	"github.com/hoinghi/hoinghi/report/content"
	"github.com/hoinghi/hoinghi/report/layout"
	"golang.org/x/text/unicode/norm"
)

// write writes r to a file of the test's and returns its path.
func write(t *testing.T, r *layout.Result) string { return testtool.WritePDF(t, r) }

func text(x, y float64, st fonts.Style, size float64, s string) *layout.Text {
	return &layout.Text{X: x, Y: y, Style: st, Size: size, Text: s}
}

// TestToneMarksAreDrawn rasterizes every Vietnamese vowel with each tone
// mark beside the bare vowel, in every face: each marked letter must look
// different from the bare one. Most of these letters are composite glyphs
// — the vowel and its marks — so a subset that lost the glyphs a letter
// is built from would draw the bare vowel in its place, though the text
// would still extract correctly.
func TestToneMarksAreDrawn(t *testing.T) {
	const size, dpi = 24.0, 200
	const mmPerPx = 25.4 / dpi
	vowels := []rune("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")
	tones := []string{"", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"}
	type cell struct {
		letter string
		x, y   float64
	}
	// One page per face, a row per vowel: lower case on the left, capitals
	// on the right, rows far enough apart that stacked marks stay in their
	// own row. Every letter starts on a whole pixel, so that two identical
	// glyphs rasterize identically.
	var rows [][]cell
	var pages []layout.Page
	for _, st := range []fonts.Style{fonts.Regular, fonts.Bold, fonts.Italic, fonts.BoldItalic} {
		var items []layout.Item
		for i, v := range vowels {
			var row []cell
			for j, tone := range tones {
				c := cell{norm.NFC.String(string(v) + tone), mmPerPx * float64(80+110*j+960*(i/12)), mmPerPx * float64(240+166*(i%12))}
				row = append(row, c)
				items = append(items, text(c.x, c.y, st, size, c.letter))
			}
			rows = append(rows, row)
		}
		pages = append(pages, layout.Page{Items: items})
	}
	path := write(t, &layout.Result{Pages: pages})
	prefix := strings.TrimSuffix(path, ".pdf")
	testtool.Run(t, "pdftoppm", "-r", strconv.Itoa(dpi), "-gray", "-png", path, prefix)
	perPage := len(vowels)
	for p := range pages {
		f, err := os.Open(prefix + "-" + strconv.Itoa(p+1) + ".png")
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		// dark lists the dark pixels of a letter's box, from above the
		// tallest stacked mark to below the dot, relative to its origin.
		dark := func(c cell) map[image.Point]bool {
			x0, y0 := int(math.Round(c.x/mmPerPx)), int(math.Round(c.y/mmPerPx))
			m := map[image.Point]bool{}
			for y := -104; y < 40; y++ {
				for x := -16; x < 96; x++ {
					if r, _, _, _ := img.At(x0+x, y0+y).RGBA(); r < 0x8000 {
						m[image.Point{x, y}] = true
					}
				}
			}
			return m
		}
		for _, row := range rows[p*perPage : (p+1)*perPage] {
			bare := dark(row[0])
			if len(bare) == 0 {
				t.Errorf("page %d, %s: no ink at all", p+1, row[0].letter)
			}
			for _, c := range row[1:] {
				marked, differ := dark(c), 0
				for pt := range marked {
					if !bare[pt] {
						differ++
					}
				}
				for pt := range bare {
					if !marked[pt] {
						differ++
					}
				}
				if differ < 20 {
					t.Errorf("page %d: %s is drawn like %s (%d pixels differ): its mark is missing", p+1, c.letter, row[0].letter, differ)
				}
			}
		}
	}
}

type bboxWord struct {
	YMin float64 `xml:"yMin,attr"`
	XMin float64 `xml:"xMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	Text string  `xml:",chardata"`
}

func words(t *testing.T, path string) []bboxWord {
	t.Helper()
	var doc struct {
		Words []bboxWord `xml:"body>doc>page>word"`
	}
	if err := xml.Unmarshal(testtool.Run(t, "pdftotext", "-bbox", path, "-"), &doc); err != nil {
		t.Fatal(err)
	}
	// In the order of lines, then of position on the line: poppler
	// reads a widely spaced line as two columns.
	slices.SortStableFunc(doc.Words, func(a, b bboxWord) int { return cmp.Or(cmp.Compare(a.YMin, b.YMin), cmp.Compare(a.XMin, b.XMin)) })
	return doc.Words
}

// TestJustified: a justified line starts at its x and ends exactly where
// layout asked, its spaces all widened alike; a line that is not
// justified keeps its natural spacing.
func TestJustified(t *testing.T) {
	const x, width = 30.0, 150.0
	line := "Một hai ba bốn năm sáu bảy tám"
	j := text(x, 50, fonts.Regular, 14, line)
	natural := 0.0
	for _, r := range line {
		natural += fonts.Default().Width(fonts.Regular, r)
	}
	j.Gap = (width - natural*14/1000*25.4/72) / float64(strings.Count(line, " "))
	path := write(t, &layout.Result{Pages: []layout.Page{{Items: []layout.Item{j, text(x, 70, fonts.Regular, 14, line)}}}})
	ws := words(t, path)
	n := len(strings.Fields(line))
	if len(ws) != 2*n {
		t.Fatalf("got %d words, want %d: %v", len(ws), 2*n, ws)
	}
	const mm = 72 / 25.4
	justified, plain := ws[:n], ws[n:]
	if math.Abs(justified[0].XMin-x*mm) > 0.05 || math.Abs(justified[n-1].XMax-(x+width)*mm) > 0.05 {
		t.Errorf("the justified line spans %.2f–%.2f pt, want %.2f–%.2f", justified[0].XMin, justified[n-1].XMax, x*mm, (x+width)*mm)
	}
	gap := justified[1].XMin - justified[0].XMax
	for i := 1; i < n; i++ {
		if g := justified[i].XMin - justified[i-1].XMax; math.Abs(g-gap) > 0.05 {
			t.Errorf("space %d is %.2f pt, space 1 is %.2f", i, g, gap)
		}
		if g := plain[i].XMin - plain[i-1].XMax; g >= gap || g < 3 {
			t.Errorf("unjustified space %d is %.2f pt (justified %.2f)", i, g, gap)
		}
	}
	for i := range n {
		if justified[i].Text != plain[i].Text || justified[i].Text != norm.NFC.String(justified[i].Text) {
			t.Errorf("word %d reads %q and %q", i, justified[i].Text, plain[i].Text)
		}
	}
}

// TestOutlineAndCatalog: headings become a nested, open outline in
// reading order, the catalog says the document is Vietnamese, and text
// strings read back whole — among them characters whose UTF-16 bytes are
// a parenthesis (Ĩ, ĩ), a backslash (Ŝ) or a line end (Ċ, č).
func TestOutlineAndCatalog(t *testing.T) {
	marks := []layout.Mark{
		{Title: "I. Kết quả (Ĩ, ĩ)", Level: 0},
		{Title: "1. Ưu điểm", Level: 1},
		{Title: "2. Hạn chế", Level: 1, Page: 1, Y: 100},
		{Title: "II. Nhiệm vụ", Level: 0, Page: 1, Y: 150},
		{Title: "1. Trọng tâm", Level: 1, Page: 1, Y: 200},
	}
	pages := []layout.Page{{Items: []layout.Item{text(30, 30, fonts.Bold, 14, "I. Kết quả")}}, {Items: []layout.Item{text(110, 20, fonts.Regular, 14, "2")}}}
	const title = `BÁO CÁO (Kết quả) \ Ĩĩ Ŝ Ċč`
	path := write(t, &layout.Result{Pages: pages, Outline: marks, Meta: content.Meta{Title: title, Author: "UBND TỈNH BẮC KẠN"}})
	info := string(testtool.Run(t, "pdfinfo", path))
	for _, want := range []string{"Title:           " + title + "\n", "Author:          UBND TỈNH BẮC KẠN\n"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}

	type node struct {
		Title string `json:"title"`
		Open  bool   `json:"open"`
		Page  int    `json:"destpageposfrom1"`
		Kids  []node `json:"kids"`
	}
	var doc struct {
		Outlines []node `json:"outlines"`
	}
	if err := json.Unmarshal(testtool.Run(t, "qpdf", "--json", "--json-key=outlines", path), &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	var walk func([]node, string)
	walk = func(ns []node, indent string) {
		for _, n := range ns {
			got = append(got, indent+n.Title)
			walk(n.Kids, indent+"  ")
		}
	}
	walk(doc.Outlines, "")
	want := []string{"I. Kết quả (Ĩ, ĩ)", "  1. Ưu điểm", "  2. Hạn chế", "II. Nhiệm vụ", "  1. Trọng tâm"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(doc.Outlines) == 2 && (doc.Outlines[1].Page != 2 || !doc.Outlines[0].Open) {
		t.Errorf("II. goes to page %d (want 2), I. open: %v", doc.Outlines[1].Page, doc.Outlines[0].Open)
	}

	root := regexp.MustCompile(`/Root (\d+) 0 R`).FindSubmatch(testtool.Run(t, "qpdf", "--show-object=trailer", path))
	if root == nil {
		t.Fatal("no /Root in the trailer")
	}
	if catalog := string(testtool.Run(t, "qpdf", "--show-object="+string(root[1]), path)); !strings.Contains(catalog, "/Lang (vi-VN)") {
		t.Errorf("the catalog does not give the language vi-VN: %s", catalog)
	}
}

// TestDeterministic: the same pages give the same bytes.
func TestDeterministic(t *testing.T) {
	r := &layout.Result{Pages: []layout.Page{{Items: []layout.Item{text(30, 30, fonts.Italic, 14, "Bắc Kạn, ngày 31 tháng 7 năm 2023")}}}}
	a, b := write(t, r), write(t, r)
	x, _ := os.ReadFile(a)
	y, _ := os.ReadFile(b)
	if !bytes.Equal(x, y) {
		t.Error("two writes of the same pages differ")
	}
}
