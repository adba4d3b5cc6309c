package main

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool"
)

// word is one word of pdftotext -bbox output, in millimetres from the
// page's top-left corner.
type word struct {
	Text                   string
	XMin, YMin, XMax, YMax float64
}

type page struct {
	W, H  float64 // mm
	Words []word
}

// Text returns the page's words joined by single spaces.
func (p page) Text() string {
	ws := make([]string, len(p.Words))
	for i, w := range p.Words {
		ws[i] = w.Text
	}
	return strings.Join(ws, " ")
}

const ptMM = 25.4 / 72

// readBBox runs pdftotext -bbox and parses its XHTML.
func readBBox(t *testing.T, pdf string) []page {
	t.Helper()
	out := string(testtool.Run(t, "pdftotext", "-bbox", pdf, "-"))
	var doc struct {
		Pages []struct {
			W     string `xml:"width,attr"`
			H     string `xml:"height,attr"`
			Words []struct {
				XMin string `xml:"xMin,attr"`
				YMin string `xml:"yMin,attr"`
				XMax string `xml:"xMax,attr"`
				YMax string `xml:"yMax,attr"`
				Text string `xml:",chardata"`
			} `xml:"word"`
		} `xml:"body>doc>page"`
	}
	dec := xml.NewDecoder(bytes.NewReader([]byte(out)))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("parsing pdftotext -bbox output of %s: %v", pdf, err)
	}
	f := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("bad number %q in pdftotext output", s)
		}
		return v * ptMM
	}
	var pages []page
	for _, p := range doc.Pages {
		pg := page{W: f(p.W), H: f(p.H)}
		for _, w := range p.Words {
			pg.Words = append(pg.Words, word{Text: w.Text, XMin: f(w.XMin), YMin: f(w.YMin), XMax: f(w.XMax), YMax: f(w.YMax)})
		}
		pages = append(pages, pg)
	}
	if len(pages) == 0 {
		t.Fatalf("pdftotext found no page in %s", pdf)
	}
	return pages
}

// find returns the words of p that start the word sequence phrase, with
// the index of each match's first word.
func (p page) find(phrase string) []int {
	want := strings.Fields(phrase)
	var at []int
	for i := 0; i+len(want) <= len(p.Words); i++ {
		ok := true
		for j, w := range want {
			if p.Words[i+j].Text != w {
				ok = false
				break
			}
		}
		if ok {
			at = append(at, i)
		}
	}
	return at
}
