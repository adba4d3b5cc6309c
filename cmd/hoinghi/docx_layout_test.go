package main

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool"
)

// typeNames are the words that open each kind's type name, the last line
// of the header.
var typeNames = map[string]string{"thong-bao": "THÔNG BÁO", "bao-cao": "BÁO CÁO", "bien-ban": "BIÊN BẢN"}

// headerWords are the words of a first page from its top down to the
// line of the type name, included: the agency lines, the Quốc hiệu and
// Tiêu ngữ (or the Party's name), Số, the date line and the type name.
func headerWords(t *testing.T, p page, kind string) []word {
	t.Helper()
	at := p.find(typeNames[kind])
	if len(at) == 0 {
		t.Fatalf("page 1 has no %q", typeNames[kind])
	}
	bottom := p.Words[at[0]].YMax
	var ws []word
	for _, w := range p.Words {
		if w.YMax < bottom+0.3 {
			ws = append(ws, w)
		}
	}
	return ws
}

// nearest returns the word of ws with w's text nearest to (x, y), and its
// distance along each axis; ok is false when ws has no such word.
func nearest(ws []word, text string, x, y float64) (best word, dx, dy float64, ok bool) {
	d := math.Inf(1)
	for _, c := range ws {
		if c.Text != text {
			continue
		}
		if e := math.Hypot(c.XMin-x, c.YMin-y); e < d {
			d, best, ok = e, c, true
			dx, dy = math.Abs(c.XMin-x), math.Abs(c.YMin-y)
		}
	}
	return best, dx, dy, ok
}

// numbers returns the text of each page's top margin, where the page
// number is.
func numbers(pages []page) []string {
	out := make([]string, len(pages))
	for i, p := range pages {
		var top []string
		for _, w := range p.Words {
			if w.YMax < 20 {
				top = append(top, w.Text)
			}
		}
		out[i] = strings.Join(top, " ")
	}
	return out
}

// firstWords are the first n words of a page below its top margin.
func firstWords(p page, n int) string {
	var ws []string
	for _, w := range p.Words {
		if w.YMax >= 20 && len(ws) < n {
			ws = append(ws, w.Text)
		}
	}
	return strings.Join(ws, " ")
}

// pageOf returns the index of the last page where phrase is, or -1.
func pageOf(pages []page, phrase string) int {
	at := -1
	for i, p := range pages {
		if len(p.find(phrase)) > 0 {
			at = i
		}
	}
	return at
}

// lastMark returns the page of the last word ending with the end mark
// "./.", or -1.
func lastMark(pages []page) int {
	at := -1
	for i, p := range pages {
		for _, w := range p.Words {
			if strings.HasSuffix(w.Text, "./.") {
				at = i
			}
		}
	}
	return at
}

// fontBox returns the top and bottom of a word of LibreOffice's PDF as
// the font's ascent and descent bound it, as pdftotext bounds the words
// of hoinghi's. LibreOffice gives its fonts an ascent and descent of 0,
// so pdftotext takes the font's bounding box, from 0.981 em above the
// baseline to 0.303 below, where Liberation Serif's ascent is 0.891 em
// and its descent 0.216.
func fontBox(w word) (top, bottom float64) {
	em := (w.YMax - w.YMin) / (0.981 + 0.303)
	base := w.YMax - 0.303*em
	return base - 0.891*em, base + 0.216*em
}

var pageSize = regexp.MustCompile(`(?m)^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)$`)

// TestDocxLibreOffice: every sample and every meeting of the corpus, in
// every kind, renders to a .docx that LibreOffice opens and lays out as
// hoinghi lays out its PDF: A4 within the Decree 30 margins; the header's
// words and rules within 2 mm of where the PDF has them, Số and the date
// on one line; the end mark, Nơi nhận and the signature on one page when
// the PDF has them so, and the signature block's words where the PDF has
// them; page numbers centred at the top from page 2 only, restarting in
// the annex.
func TestDocxLibreOffice(t *testing.T) {
	for _, d := range renderDocx(t) {
		t.Run(d.Name, func(t *testing.T) {
			info := string(testtool.Run(t, "pdfinfo", d.LO))
			if !pageSize.MatchString(info) {
				t.Errorf("LibreOffice's PDF is not A4 portrait:\n%s", info)
			}
			lo, own := bbox(t, d.LO), bbox(t, d.PDF)
			for i, p := range lo {
				if math.Abs(p.W-210) > 0.5 || math.Abs(p.H-297) > 0.5 {
					t.Errorf("page %d: %.1f × %.1f mm, want A4", i+1, p.W, p.H)
				}
				for _, w := range p.Words {
					if w.YMax < 20 && digits.MatchString(w.Text) {
						continue
					}
					top, bottom := fontBox(w)
					if w.XMin < 30-0.3 || w.XMax > 195+0.3 || top < 20-0.5 || bottom > 277+0.3 {
						t.Errorf("page %d: %q at x %.1f–%.1f, y %.1f–%.1f mm is outside the margins", i+1, w.Text, w.XMin, w.XMax, w.YMin, w.YMax)
					}
				}
			}
			checkHeader(t, d.Kind, own[0], lo[0])
			checkRules(t, d.Kind, d.PDF, d.LO, own[0])
			checkSignature(t, own, lo)
			checkNumbers(t, own, lo)
			checkAnnexTitle(t, own, lo)
		})
	}
}

// checkHeader compares the header of LibreOffice's first page with
// hoinghi's, word by word.
func checkHeader(t *testing.T, kind string, own, lo page) {
	t.Helper()
	want, got := headerWords(t, own, kind), headerWords(t, lo, kind)
	var texts []string
	for _, w := range want {
		texts = append(texts, w.Text)
		c, dx, dy, ok := nearest(got, w.Text, w.XMin, w.YMin)
		switch {
		case !ok:
			t.Errorf("the header lacks %q (at x %.1f, y %.1f mm in the PDF)", w.Text, w.XMin, w.YMin)
		case dx > 2 || dy > 2:
			t.Errorf("the header's %q is at x %.1f, y %.1f mm, %.1f and %.1f mm from the PDF's (%.1f, %.1f)", w.Text, c.XMin, c.YMin, dx, dy, w.XMin, w.YMin)
		}
	}
	if len(got) != len(want) {
		var gs []string
		for _, w := range got {
			gs = append(gs, w.Text)
		}
		t.Errorf("the header has %d words, the PDF's %d:\n%s\n%s", len(got), len(want), strings.Join(gs, " "), strings.Join(texts, " "))
	}
	// Số ("Số:" in the State's frame) and the date line's "ngày" are on
	// one line, or as far apart as in the PDF when a long place name
	// wraps the date.
	wantSo, wantDate := numberAndDate(want)
	so, date := numberAndDate(got)
	switch {
	case so < 0:
		t.Error("the header has no Số")
	case (date < 0) != (wantDate < 0):
		t.Errorf("the header has a date line: %v; the PDF's: %v", date >= 0, wantDate >= 0)
	case date >= 0:
		if d, wd := got[date].YMax-got[so].YMax, want[wantDate].YMax-want[wantSo].YMax; math.Abs(d-wd) > 0.6 {
			t.Errorf("the date line's ngày is %.1f mm below Số, in the PDF %.1f mm", d, wd)
		}
	}
}

// numberAndDate returns the index among a header's words of Số and of
// the date line's first "ngày", or -1.
func numberAndDate(ws []word) (so, date int) {
	so, date = -1, -1
	for i, w := range ws {
		switch {
		case so < 0 && (w.Text == "Số:" || w.Text == "Số"):
			so = i
		case date < 0 && w.Text == "ngày" && w.XMin > 95:
			date = i
		}
	}
	return so, date
}

// checkSignature: the end mark, Nơi nhận and the signature are on one
// page when they are in the PDF; from Nơi nhận down, the words of the
// signature beside the list are where the PDF has them, measured from
// Nơi nhận, and so are the list's words, in the PDF's order, each item
// starting where the PDF's does: layout wraps an item as Word wraps a
// hanging indent.
func checkSignature(t *testing.T, own, lo []page) {
	t.Helper()
	on, ln := pageOf(own, "Nơi nhận:"), pageOf(lo, "Nơi nhận:")
	if on < 0 {
		return
	}
	if ln < 0 {
		t.Error("no Nơi nhận:")
		return
	}
	// The Party's documents end with no mark.
	om, lm := lastMark(own), lastMark(lo)
	if om >= 0 && lm < 0 {
		t.Error("no paragraph ends with ./.")
	}
	if om >= 0 && (om == on) != (lm == ln) {
		t.Errorf("the end mark is on page %d and Nơi nhận on page %d; the PDF has them on %d and %d", lm+1, ln+1, om+1, on+1)
	}
	oList, oSign, o0 := signatureBlock(own[on])
	lList, lSign, l0 := signatureBlock(lo[ln])
	if math.Abs(o0.XMin-l0.XMin) > 2 {
		t.Errorf("Nơi nhận: is at x %.1f mm, the PDF's at %.1f", l0.XMin, o0.XMin)
	}
	placedAlike(t, "the signature", oSign, lSign, o0, l0, ln+1)
	if a, b := lineWords(page{Words: oList}), lineWords(page{Words: lList}); !slices.Equal(a, b) {
		t.Errorf("the list under Nơi nhận reads\n%q\nthe PDF's\n%q", b, a)
	}
	oItems, lItems := itemStarts(oList), itemStarts(lList)
	if len(oItems) != len(lItems) {
		t.Errorf("the list under Nơi nhận has %d items, the PDF's %d", len(lItems), len(oItems))
		return
	}
	for i, w := range oItems {
		if math.Abs(lItems[i].XMin-w.XMin) > 2 {
			t.Errorf("item %d under Nơi nhận starts at x %.1f mm, the PDF's at %.1f", i+1, lItems[i].XMin, w.XMin)
		}
	}
	placedAlike(t, "the list under Nơi nhận", oList, lList, o0, l0, ln+1)
}

// placedAlike: each word of own, what in the PDF, is among lo, what as
// LibreOffice draws it on page (from 1), within 2 mm of where the PDF
// has it, measured from Nơi nhận: o0 in the PDF, l0 in LibreOffice's.
func placedAlike(t *testing.T, what string, own, lo []word, o0, l0 word, page int) {
	t.Helper()
	for _, w := range own {
		c, dx, dy, ok := nearest(lo, w.Text, w.XMin, w.YMin-o0.YMin+l0.YMin)
		switch {
		case !ok:
			t.Errorf("%s lacks %q (page %d)", what, w.Text, page)
		case dx > 2 || dy > 2:
			t.Errorf("%q of %s is at x %.1f, %.1f mm below Nơi nhận; the PDF has it at x %.1f, %.1f mm below", w.Text, what, c.XMin, c.YMin-l0.YMin, w.XMin, w.YMin-o0.YMin)
		}
	}
}

// signatureBlock splits the words of a page's signature block into the
// list under "Nơi nhận:" and the signatures. The list is in the left
// column with the signature beside it (Mẫu 1.4), or under the
// signatures (Mẫu 1.9), which are then the words between the end mark's
// line and the label.
func signatureBlock(p page) (list, sign []word, label word) {
	label = p.Words[p.find("Nơi nhận:")[0]]
	beside, mark := false, -1.0
	for _, w := range p.Words {
		beside = beside || w.XMin >= 95 && math.Abs(w.YMin-label.YMin) < 3
		if strings.HasSuffix(w.Text, "./.") && w.YMin < label.YMin {
			mark = w.YMax
		}
	}
	for _, w := range p.Words {
		switch {
		case math.Abs(w.YMin-label.YMin) < 0.5 && w.XMin < 95: // "Nơi nhận:"
		case w.YMin >= label.YMax-1 && (!beside || w.XMin < 95):
			list = append(list, w)
		case w.YMin >= label.YMin-1 || !beside && mark > 0 && w.YMin > mark:
			sign = append(sign, w)
		}
	}
	return list, sign, label
}

// itemStarts are the dashes that start the items of a list.
func itemStarts(list []word) []word {
	var starts []word
	for _, w := range list {
		if w.Text == "-" && w.XMin < 31 {
			starts = append(starts, w)
		}
	}
	return starts
}

// checkNumbers: LibreOffice numbers the pages as hoinghi does — none on
// the first page, the number centred at the top from page 2, none on an
// annex's first page and from 2 again after it.
func checkNumbers(t *testing.T, own, lo []page) {
	t.Helper()
	// The annex starts on the page of the PDF after page 1 that has no
	// number; its first words find it in LibreOffice's.
	annex := ""
	for i, n := range numbers(own) {
		if i > 0 && n == "" {
			annex = firstWords(own[i], 6)
		}
	}
	n, found := 0, false
	for i, p := range lo {
		n++
		if annex != "" && i > 0 && firstWords(p, 6) == annex {
			n, found = 1, true
		}
		want := fmt.Sprint(n)
		if n == 1 {
			want = ""
		}
		if got := numbers(lo)[i]; got != want {
			t.Errorf("page %d has %q in the top margin, want %q", i+1, got, want)
		}
	}
	if annex != "" && !found {
		t.Errorf("no page starts with the annex's %q", annex)
	}
	if len(lo) > 1 && len(own) > 1 {
		for _, w := range lo[1].Words {
			if w.YMax < 20 {
				c := (w.XMin + w.XMax) / 2
				var oc float64
				for _, x := range own[1].Words {
					if x.YMax < 20 {
						oc = (x.XMin + x.XMax) / 2
					}
				}
				if math.Abs(c-oc) > 2 || math.Abs(c-112.5) > 2 {
					t.Errorf("page 2's number is centred at x %.1f mm, the PDF's at %.1f, the text's centre at 112.5", c, oc)
				}
			}
		}
	}
}

// checkAnnexTitle: the annex's first page has its label, title and
// "(Kèm theo …)" lines where the PDF has them, each word within 2 mm,
// above its table's header row.
func checkAnnexTitle(t *testing.T, own, lo []page) {
	t.Helper()
	annex := -1
	for i, n := range numbers(own) {
		if i > 0 && n == "" {
			annex = i
		}
	}
	if annex < 0 {
		return
	}
	title := firstWords(own[annex], 6)
	at := -1
	for i, p := range lo {
		if i > 0 && firstWords(p, 6) == title {
			at = i
		}
	}
	if at < 0 {
		return // checkNumbers tells
	}
	above := func(p page) []word {
		stt := p.find("STT")
		if len(stt) == 0 {
			t.Fatalf("the annex's first page has no STT")
		}
		var ws []word
		for _, w := range p.Words {
			if w.YMax < p.Words[stt[0]].YMin {
				ws = append(ws, w)
			}
		}
		return ws
	}
	want, got := above(own[annex]), above(lo[at])
	for _, w := range want {
		c, dx, dy, ok := nearest(got, w.Text, w.XMin, w.YMin)
		switch {
		case !ok:
			t.Errorf("the annex's title lacks %q", w.Text)
		case dx > 2 || dy > 2:
			t.Errorf("the annex's %q is at x %.1f, y %.1f mm, %.1f and %.1f mm from the PDF's (%.1f, %.1f)", w.Text, c.XMin, c.YMin, dx, dy, w.XMin, w.YMin)
		}
	}
}
