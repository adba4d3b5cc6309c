package main

import (
	"encoding/json"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hoinghi/hoinghi/internal/testtool"
	"github.com/hoinghi/hoinghi/report/meeting"
)

// fields normalises the spaces of s.
func fields(s string) string { return strings.Join(strings.Fields(s), " ") }

// pdfInfo returns the document information of a PDF that pdfinfo prints,
// field by field, dates in ISO 8601.
func pdfInfo(t *testing.T, pdf string) map[string]string {
	t.Helper()
	info := map[string]string{}
	for _, line := range strings.Split(string(testtool.Run(t, "pdfinfo", "-isodates", pdf)), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			info[k] = fields(v)
		}
	}
	return info
}

// outlines returns the titles of a PDF's bookmarks that qpdf reads, each
// with its depth.
func outlines(t *testing.T, pdf string) (titles []string, depths []int) {
	t.Helper()
	var doc struct {
		Outlines []outline `json:"outlines"`
	}
	if err := json.Unmarshal(testtool.Run(t, "qpdf", "--json", "--json-key=outlines", pdf), &doc); err != nil {
		t.Fatal(err)
	}
	var walk func([]outline, int)
	walk = func(os []outline, depth int) {
		for _, o := range os {
			titles, depths = append(titles, fields(o.Title)), append(depths, depth)
			walk(o.Kids, depth+1)
		}
	}
	walk(doc.Outlines, 0)
	return titles, depths
}

// hasAnnex reports whether hoinghi's PDF has an annex: a page after the
// first that has no number.
func hasAnnex(t *testing.T, pdf string) bool {
	t.Helper()
	for i, n := range numbers(bbox(t, pdf)) {
		if i > 0 && n == "" {
			return true
		}
	}
	return false
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// borderless reports whether a table has no borders, of its own or of
// its style, or only borders of none.
func borderless(tb testtool.DocxTable) bool {
	for _, v := range tb.Borders {
		if v != "nil" && v != "none" {
			return false
		}
	}
	return true
}

// TestDocxParts reads every .docx with python-docx: the styles (a body
// style of 14 pt Times New Roman in Vietnamese, justified, indented 1 cm,
// 6 pt before; the PDF's bookmarks as headings with outline levels), the
// sections (A4, the Decree 30 margins, a different first page, the
// annex's own section numbered from 1), the headers (a centred PAGE
// field from page 2, nothing on page 1), the tables (the header and the
// signature borderless; the others with a header row repeated on every
// page and rows that do not split) and the document properties (those of
// the PDF, in vi-VN).
func TestDocxParts(t *testing.T) {
	docs := renderDocx(t)
	files := make([]string, len(docs))
	for i, d := range docs {
		files[i] = d.Docx
	}
	read := testtool.ReadDocx(t, files...)
	for _, d := range docs {
		t.Run(d.Name, func(t *testing.T) {
			x := read[d.Docx]
			if x == nil {
				t.Fatal("python-docx read nothing")
			}
			checkProperties(t, x, pdfInfo(t, d.PDF))
			checkSections(t, x, hasAnnex(t, d.PDF))
			checkStyles(t, x)
			checkHeadings(t, x, d.PDF)
			checkTables(t, x)
		})
	}
}

func checkProperties(t *testing.T, x *testtool.Docx, info map[string]string) {
	t.Helper()
	for _, p := range []struct{ name, got, want string }{
		{"title", x.Core.Title, info["Title"]},
		{"author", x.Core.Author, info["Author"]},
		{"subject", x.Core.Subject, info["Subject"]},
		{"keywords", x.Core.Keywords, info["Keywords"]},
		{"language", x.Core.Language, "vi-VN"},
	} {
		if fields(p.got) != p.want || p.want == "" {
			t.Errorf("the document's %s is %q, want %q as in the PDF", p.name, p.got, p.want)
		}
	}
	for _, p := range []struct{ name, got, want string }{
		{"created", x.Core.Created, info["CreationDate"]},
		{"modified", x.Core.Modified, info["ModDate"]},
	} {
		// python-docx gives the time in UTC without its zone.
		got, err1 := time.Parse("2006-01-02T15:04:05", p.got)
		want, err2 := time.Parse(time.RFC3339, p.want)
		if err1 != nil || err2 != nil || !got.Equal(want) {
			t.Errorf("the document was %s %q, the PDF %q", p.name, p.got, p.want)
		}
	}
}

func checkSections(t *testing.T, x *testtool.Docx, annex bool) {
	t.Helper()
	want := 1
	if annex {
		want = 2
	}
	if len(x.Sections) != want {
		t.Fatalf("%d sections, want %d (annex: %v)", len(x.Sections), want, annex)
	}
	var header *testtool.DocxHeader
	for i, s := range x.Sections {
		if !near(s.PageWidth, 210, 0.1) || !near(s.PageHeight, 297, 0.1) || s.Orientation != "PORTRAIT" {
			t.Errorf("section %d: %.1f × %.1f mm %s, want A4 portrait", i+1, s.PageWidth, s.PageHeight, s.Orientation)
		}
		if !near(s.Top, 20, 0.1) || !near(s.Bottom, 20, 0.1) || !near(s.Left, 30, 0.1) || !near(s.Right, 15, 0.1) {
			t.Errorf("section %d: margins %.1f, %.1f, %.1f, %.1f mm (top, bottom, left, right), want 20, 20, 30, 15", i+1, s.Top, s.Bottom, s.Left, s.Right)
		}
		if s.HeaderDistance <= 0 || s.HeaderDistance >= s.Top {
			t.Errorf("section %d: the header is %.1f mm from the top, not within the top margin", i+1, s.HeaderDistance)
		}
		if !s.TitlePg {
			t.Errorf("section %d: no different first page (w:titlePg)", i+1)
		}
		if s.Header != nil {
			header = s.Header
		}
		if header == nil {
			t.Errorf("section %d has no header", i+1)
		} else if !strings.Contains(strings.Join(header.Fields, " "), "PAGE") || !slices.Contains(header.Alignments, "CENTER") {
			t.Errorf("section %d: the header has fields %q, alignments %q; want a centred PAGE field", i+1, header.Fields, header.Alignments)
		}
		if f := s.FirstHeader; f != nil && (strings.TrimSpace(f.Text) != "" || len(f.Fields) > 0) {
			t.Errorf("section %d: the first page's header has %q, fields %q; want nothing", i+1, f.Text, f.Fields)
		}
	}
	if annex {
		s := x.Sections[1]
		if s.PageStart != "1" || s.StartType != "NEW_PAGE" {
			t.Errorf("the annex's section starts %s, numbered from %q; want a new page numbered from 1", s.StartType, s.PageStart)
		}
	}
}

// bodyStyle is the style of most of the body's justified paragraphs that
// are not headings.
func bodyStyle(x *testtool.Docx) string {
	n := map[string]int{}
	best := ""
	for _, p := range x.Paragraphs {
		if len([]rune(p.Text)) < 80 || slices.ContainsFunc(markers, func(m *regexp.Regexp) bool { return m.MatchString(p.Text) }) || p.OutlineLevel != "" {
			continue
		}
		n[p.Style]++
		if n[p.Style] > n[best] {
			best = p.Style
		}
	}
	return best
}

func checkStyles(t *testing.T, x *testtool.Docx) {
	t.Helper()
	name := bodyStyle(x)
	if name == "" {
		t.Fatal("no body paragraph")
	}
	s := x.Style(t, name)
	if s.Size != 14 || s.Alignment != "JUSTIFY" || s.FirstLineIndent == nil || !near(*s.FirstLineIndent, 10, 0.1) || s.SpaceBefore == nil || !near(*s.SpaceBefore, 6, 0.1) {
		t.Errorf("the body style %q is %v pt, %s, first line %v mm, %v pt before; want 14 pt, justified, 10 mm, 6 pt", name, s.Size, s.Alignment, deref(s.FirstLineIndent), deref(s.SpaceBefore))
	}
	for _, st := range x.Styles {
		if st.Type != "PARAGRAPH" && st.Type != "CHARACTER" {
			continue
		}
		for _, k := range []string{"ascii", "hAnsi", "cs"} {
			if f := st.Fonts[k]; f != "Times New Roman" {
				t.Errorf("style %q: the %s font is %q, want Times New Roman", st.Name, k, f)
			}
		}
		if st.Lang != "vi-VN" {
			t.Errorf("style %q: language %q, want vi-VN", st.Name, st.Lang)
		}
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// markers are the kinds of heading number, from the outermost: "I.",
// "1.", "a)".
var markers = []*regexp.Regexp{regexp.MustCompile(`^[IVX]+\. `), regexp.MustCompile(`^\d+\. `), regexp.MustCompile(`^[a-zđ]\) `)}

// checkHeadings: each bookmark of hoinghi's PDF is a paragraph of the
// .docx, in the same order, with an outline level, which Word's
// navigation pane lists; the levels nest as the headings' numbers do
// ("I." above "1." above "a)"; a "1." that no "I." is above may be at
// Word's level 2, where the decree's "1." always is).
func checkHeadings(t *testing.T, x *testtool.Docx, pdf string) {
	t.Helper()
	titles, _ := outlines(t, pdf)
	levels := map[int]int{} // marker → outline level
	at := 0
	for _, title := range titles {
		_, annex, ok := strings.Cut(title, ": ")
		if !ok || !strings.HasPrefix(title, "Phụ lục") {
			annex = title
		}
		found := -1
		for j := at; j < len(x.Paragraphs); j++ {
			if text := fields(x.Paragraphs[j].Text); strings.HasPrefix(text, title) || strings.HasPrefix(text, annex) {
				found = j
				break
			}
		}
		if found < 0 {
			t.Errorf("no paragraph after the %d-th is the heading %q", at, title)
			continue
		}
		at = found + 1
		p := x.Paragraphs[found]
		level, err := strconv.Atoi(p.OutlineLevel)
		if err != nil {
			t.Errorf("the heading %q (style %q) has no outline level: Word's navigation pane does not list it", title, p.Style)
			continue
		}
		for k, m := range markers {
			if !m.MatchString(title) {
				continue
			}
			if l, ok := levels[k]; ok && l != level {
				t.Errorf("the heading %q (style %q) has outline level %d, another of its kind %d", title, p.Style, level, l)
			}
			levels[k] = level
			for outer := range k {
				if l, ok := levels[outer]; ok && l >= level {
					t.Errorf("the heading %q (style %q) has outline level %d, not below the %d of %s", title, p.Style, level, l, markers[outer])
				}
			}
		}
	}
}

func checkTables(t *testing.T, x *testtool.Docx) {
	t.Helper()
	if len(x.Tables) == 0 {
		t.Fatal("no table: the header is a table")
	}
	head := x.Tables[0]
	text := ""
	for _, r := range head.Rows {
		text += strings.Join(r.Cells, "\n") + "\n"
	}
	if !borderless(head) || !(strings.Contains(text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") || strings.Contains(text, "ĐẢNG CỘNG SẢN VIỆT NAM")) || len(head.Widths) != 2 {
		t.Errorf("the first table is not the borderless two-column header: borders %v, widths %v:\n%s", head.Borders, head.Widths, text)
	}
	for i, tb := range x.Tables[1:] {
		// The signature blocks are borderless; every other table holds
		// data.
		if borderless(tb) {
			continue
		}
		if !tb.Rows[0].Header {
			t.Errorf("table %d: the first row is not repeated on each page (w:tblHeader): %q", i+2, tb.Rows[0].Cells)
		}
		for j, r := range tb.Rows {
			if !r.CantSplit {
				t.Errorf("table %d, row %d may split across pages (no w:cantSplit): %q", i+2, j+1, r.Cells)
				break
			}
		}
	}
}

// TestDocxSeedTables: the seed's BÁO CÁO holds its results table cell for
// cell, under the header row, and the annex names every attendee in the
// order of the PDF, as python-docx reads them.
func TestDocxSeedTables(t *testing.T) {
	m, err := meeting.Load(seed, meeting.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var doc docxDoc
	for _, d := range docxOf(t, "cum-thi-dua-2023") {
		if d.Kind == "bao-cao" {
			doc = d
		}
	}
	x := testtool.ReadDocx(t, doc.Docx)[doc.Docx]
	want := [][]string{m.Results.Table.Columns}
	for _, r := range m.Results.Table.Rows {
		var cells []string
		for _, c := range r {
			cells = append(cells, plain(c.Raw))
		}
		want = append(want, cells)
	}
	var results, annex *testtool.DocxTable
	for i, tb := range x.Tables {
		switch {
		case slices.Equal(tb.Rows[0].Cells, m.Results.Table.Columns):
			results = &x.Tables[i]
		case len(tb.Rows[0].Cells) > 1 && tb.Rows[0].Cells[1] == "Họ và tên":
			annex = &x.Tables[i]
		}
	}
	if results == nil || annex == nil {
		t.Fatalf("no results table (%v) or no annex table (%v)", results != nil, annex != nil)
	}
	var got [][]string
	for _, r := range results.Rows {
		got = append(got, r.Cells)
	}
	if !slices.EqualFunc(got, want, slices.Equal[[]string]) {
		t.Errorf("the results table reads\n%q\nwant\n%q", got, want)
	}
	var names []string
	for _, r := range annex.Rows[1:] {
		if digits.MatchString(r.Cells[0]) {
			names = append(names, r.Cells[1])
		}
	}
	var attendees []string
	for _, g := range m.Info.Groups() {
		for _, a := range g.Attendees {
			attendees = append(attendees, a.Name)
		}
	}
	if !slices.Equal(names, attendees) {
		t.Errorf("the annex lists\n%q\nwant\n%q", names, attendees)
	}
}
