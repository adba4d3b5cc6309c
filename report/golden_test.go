package report

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/report/content"
	"github.com/hoinghi/hoinghi/report/layout"
	"github.com/hoinghi/hoinghi/templates"
)

// update rewrites the golden files from what the code makes now, as
// go/printer's tests do: `go test ./report -run Golden -update`, then read
// the diff before committing it.
var update = flag.Bool("update", false, "rewrite the golden files of testdata/")

// goldenMeetings are the meetings whose content and layout are kept as
// golden files: the seed, a commune's session, a Party committee's, and a
// meeting with no date and only a unit for chair.
var goldenMeetings = []string{
	"../samples/cum-thi-dua-2023.yaml",
	"../samples/corpus/01-xa-phien-hop-thuong-ky.yaml",
	"../samples/corpus/09-ban-thuong-vu-huyen-uy.yaml",
	"../samples/corpus/17-khong-co-ngay.yaml",
	"../samples/corpus/18-chi-co-don-vi.yaml",
}

// TestGolden dumps what each middle stage makes of every kind of the
// golden meetings — the content a template fills in, then the pages
// layout sets — one line per block or item, and compares them with
// testdata/. A change to wording or layout shows there as a readable
// diff; the end-to-end tests read the PDFs themselves with poppler.
func TestGolden(t *testing.T) {
	goldenDumps(t, goldenMeetings, false)
}

// TestGoldenElectronic dumps the e-document form of the seed's and the
// Party committee's documents, places and all.
func TestGoldenElectronic(t *testing.T) {
	goldenDumps(t, []string{goldenMeetings[0], goldenMeetings[2]}, true)
}

// goldenDumps compares the content and layout of every kind of document
// of files, in the e-document form when electronic, with their golden
// files.
func goldenDumps(t *testing.T, files []string, electronic bool) {
	srcs, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(fonts.Default(), srcs, "hoinghi test")
	if err != nil {
		t.Fatal(err)
	}
	r.Electronic = electronic
	for _, file := range files {
		l, err := r.Load(file)
		if err != nil {
			t.Fatal(err)
		}
		docs, err := r.Documents(l, r.Kinds())
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			doc, err := r.Content(context.Background(), l.Meeting, d)
			if err != nil {
				t.Fatal(err)
			}
			name := strings.TrimSuffix(filepath.Base(file), ".yaml") + "." + d.Kind
			if electronic {
				name += ".electronic"
			}
			golden(t, name+".content", dumpContent(doc))
			golden(t, name+".layout", dumpLayout(layout.Layout(doc, r.Fonts)))
		}
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v: run `go test ./report -run Golden -update` to write it", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < max(len(gl), len(wl)); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Errorf("%s differs from line %d:\n got %s\nwant %s\n(`go test ./report -run Golden -update` rewrites it)", path, i+1, g, w)
				return
			}
		}
	}
}

// runs writes runs with their styles marked as Markdown does.
func runs(rs []content.Run) string {
	var b strings.Builder
	for _, r := range rs {
		mark := ""
		switch {
		case r.Bold && r.Italic:
			mark = "***"
		case r.Bold:
			mark = "**"
		case r.Italic:
			mark = "*"
		}
		b.WriteString(mark + r.Text + mark)
	}
	return b.String()
}

func dumpContent(d *content.Document) []byte {
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	p("frame %s party=%t", d.Form, d.Party)
	p("parent %q", d.Parent)
	p("agency %q", d.Agency)
	if d.Electronic {
		p("electronic")
	}
	p("number %q", d.Number)
	p("dateline %q", d.DateLine)
	p("type %q", d.TypeName)
	p("abstract %q", d.Abstract)
	for _, to := range d.To {
		p("to %q", to)
	}
	for _, blk := range d.Body {
		switch blk := blk.(type) {
		case *content.Paragraph:
			p("P indent=%g align=%d %s", blk.Indent, blk.Align, runs(blk.Runs))
		case *content.Heading:
			p("H%d %s %s", blk.Level, blk.Label, runs(blk.Runs))
		case *content.Table:
			p("T %s", strings.Join(blk.Header, " | "))
			for _, r := range blk.Rows {
				if r.Group != "" {
					p("  group %s", r.Group)
					continue
				}
				p("  %s", strings.Join(r.Cells, " | "))
			}
		}
	}
	for _, s := range d.Signers {
		p("signer %s / %s", strings.Join(s.Titles, " / "), s.Name)
	}
	for _, r := range d.Recipients {
		p("recipient %s", r)
	}
	if a := d.Annex; a != nil {
		p("annex %s / %s / %s, %d rows", a.Label, a.Title, a.Note, len(a.Table.Rows))
	}
	p("meta %q %q %q %q %s", d.Meta.Title, d.Meta.Author, d.Meta.Subject, d.Meta.Keywords, d.Meta.Date.Format("2006-01-02T15:04"))
	return b.Bytes()
}

func dumpLayout(r *layout.Result) []byte {
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	for i, pg := range r.Pages {
		p("page %d", i+1)
		for _, it := range pg.Items {
			switch it := it.(type) {
			case *layout.Text:
				p("  text %.2f %.2f %d %g gap=%.3f %s", it.X, it.Y, it.Style, it.Size, it.Gap, it.Text)
			case *layout.Rule:
				p("  rule %.2f %.2f %.2f %.2f w=%.3f", it.X1, it.Y1, it.X2, it.Y2, it.Width)
			}
		}
	}
	for _, m := range r.Outline {
		p("mark %d page %d %.2f %s", m.Level, m.Page+1, m.Y, m.Title)
	}
	for _, pl := range r.Places {
		p("place %s page %d %.2f %.2f %.2f %.2f base=%.2f %d %g after=%q", pl.Name, pl.Page+1, pl.X, pl.Y, pl.W, pl.H, pl.Baseline, pl.Style, pl.Size, pl.After)
	}
	return b.Bytes()
}
