package main

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool"
	"github.com/hoinghi/hoinghi/report/meeting"
)

var (
	paragraphXML = regexp.MustCompile(`(?s)<w:p[ >].*?</w:p>`)
	textXML      = regexp.MustCompile(`(?s)<w:t(?: [^>]*)?>(.*?)</w:t>`)
)

// lengthen rewrites word/document.xml of a .docx as a clerk's edit would:
// the first paragraph whose text contains phrase says its text three
// times. It returns the new document's path and the paragraph's text.
func lengthen(t *testing.T, docx, phrase, out string) string {
	t.Helper()
	zr, err := zip.OpenReader(docx)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	text := ""
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == "word/document.xml" {
			data, text = tripled(t, data, phrase)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: f.Method, Modified: f.Modified})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if text == "" {
		t.Fatalf("%s has no word/document.xml", docx)
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return text
}

// tripled is document with the paragraph of phrase saying its text three
// times, its last run carrying the two repeats.
func tripled(t *testing.T, document []byte, phrase string) ([]byte, string) {
	t.Helper()
	for _, loc := range paragraphXML.FindAllIndex(document, -1) {
		p := document[loc[0]:loc[1]]
		runs := textXML.FindAllSubmatchIndex(p, -1)
		var text strings.Builder
		for _, r := range runs {
			var s string
			if err := xml.Unmarshal([]byte("<t>"+string(p[r[2]:r[3]])+"</t>"), &s); err != nil {
				t.Fatal(err)
			}
			text.WriteString(s)
		}
		if !strings.Contains(text.String(), phrase) {
			continue
		}
		var esc bytes.Buffer
		xml.EscapeText(&esc, []byte(" "+text.String()+" "+text.String()))
		last := runs[len(runs)-1]
		edited := string(p[:last[0]]) + `<w:t xml:space="preserve">` + string(p[last[2]:last[3]]) + esc.String() + "</w:t>" + string(p[last[1]:])
		return append(append(append([]byte{}, document[:loc[0]]...), edited...), document[loc[1]:]...), text.String()
	}
	t.Fatalf("no paragraph of word/document.xml says %q", phrase)
	return nil, ""
}

// flow is where the first phrase is in the document's flow, in mm of
// text from the top of page 1's text area.
func flow(t *testing.T, pages []page, phrase string) float64 {
	t.Helper()
	for i, p := range pages {
		if at := p.find(phrase); len(at) > 0 {
			return float64(i)*257 + p.Words[at[0]].YMin - 20
		}
	}
	t.Fatalf("no %q", phrase)
	return 0
}

// TestDocxReflow edits the seed's THÔNG BÁO as a clerk would in Word —
// one body paragraph becomes three times as long — and has LibreOffice
// lay it out again: the header stays where it was, the text below moves
// down by the lines added, and the end mark, Nơi nhận, the signature and
// the page numbers are laid out as before.
func TestDocxReflow(t *testing.T) {
	m, err := meeting.Load(seed, meeting.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var doc docxDoc
	for _, d := range docxOf(t, "cum-thi-dua-2023") {
		if d.Kind == "thong-bao" {
			doc = d
		}
	}
	phrase := strings.Join(strings.Fields(plain(m.Conclusions[0]))[:8], " ")
	dir := t.TempDir()
	edited := filepath.Join(dir, "edited.docx")
	text := lengthen(t, doc.Docx, phrase, edited)
	pdf := testtool.ConvertDocx(t, dir, "pdf", edited)[0]
	before, after := bbox(t, doc.LO), readBBox(t, pdf)

	if n := strings.Count(strings.Join(strings.Fields(pageText(after)), " "), strings.Join(strings.Fields(text), " ")); n != 3 {
		t.Errorf("the edited paragraph's text is read %d times, want 3", n)
	}
	checkHeader(t, doc.Kind, before[0], after[0])
	// The paragraph of three lines or more says it three times: six
	// lines more at least, and the paragraph after it moves down.
	if n, m := lines(before), lines(after); m-n < 6 {
		t.Errorf("the text has %d lines, %d before the paragraph tripled: it did not reflow", m, n)
	}
	next := strings.Join(strings.Fields(plain(m.Conclusions[1]))[:6], " ")
	if grown := flow(t, after, next) - flow(t, before, next); grown < 2*5.6 {
		t.Errorf("the next paragraph moved %.1f mm down after the paragraph tripled: the text did not reflow", grown)
	}
	checkSignature(t, before, after)
	checkNumbers(t, before, after)
	if len(after) < len(before) {
		t.Errorf("the edited document has %d pages, fewer than the %d before", len(after), len(before))
	}
}

// lines counts the lines of text below the top margins.
func lines(pages []page) int {
	n := 0
	for _, p := range pages {
		var ys []float64
		for _, w := range p.Words {
			if w.YMax >= 20 {
				ys = append(ys, w.YMax)
			}
		}
		slices.Sort(ys)
		for i, y := range ys {
			if i == 0 || y-ys[i-1] > 1 {
				n++
			}
		}
	}
	return n
}

// pageText is the words of every page below the top margin.
func pageText(pages []page) string {
	var b strings.Builder
	for _, p := range pages {
		for _, w := range p.Words {
			if w.YMax >= 20 {
				b.WriteString(w.Text + " ")
			}
		}
	}
	return b.String()
}
