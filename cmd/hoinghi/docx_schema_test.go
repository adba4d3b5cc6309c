package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool"
)

// TestDocxSchema: every part of every .docx is well-formed XML (xmllint)
// and valid against the schemas of Word 2007, the oldest Word a clerk
// may open it with, and so of every later one (the Open XML SDK's
// validator); docProps/core.xml, which that
// validator leaves to the package, keeps the rules of the Open Packaging
// Conventions (testdata/opc, with xmllint); nothing is a frame, a text
// box or a drawing anchored at a position, so that editing a paragraph
// reflows the page.
func TestDocxSchema(t *testing.T) {
	docs := renderDocx(t)
	files := make([]string, len(docs))
	for i, d := range docs {
		files[i] = d.Docx
	}
	problems := testtool.ValidateDocx(t, "Office2007", files...)
	var cores []string
	positioned := regexp.MustCompile(`<(w:framePr|w:txbxContent|wp:anchor|w:pict|v:textbox|v:shape|mc:AlternateContent)\b`)
	for _, d := range docs {
		for _, p := range problems[d.Docx] {
			t.Errorf("%s: %s %s: %s (%s)", d.Name, p.Path.PartURI, p.Path.XPath, p.Description, p.ID)
		}
		dir := testtool.Unzip(t, d.Docx)
		var parts []string
		err := filepath.WalkDir(dir, func(path string, e os.DirEntry, err error) error {
			if err == nil && !e.IsDir() && (strings.HasSuffix(path, ".xml") || strings.HasSuffix(path, ".rels")) {
				parts = append(parts, path)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/settings.xml", "docProps/core.xml", "docProps/app.xml"} {
			if _, err := os.Stat(filepath.Join(dir, want)); err != nil {
				t.Errorf("%s has no part %s", d.Name, want)
			}
		}
		testtool.Run(t, "xmllint", append([]string{"--noout", "--nonet"}, parts...)...)
		cores = append(cores, filepath.Join(dir, "docProps", "core.xml"))
		for _, part := range parts {
			data, err := os.ReadFile(part)
			if err != nil {
				t.Fatal(err)
			}
			if m := positioned.Find(data); m != nil {
				rel, _ := filepath.Rel(dir, part)
				t.Errorf("%s: %s has %s, text set apart from the flow", d.Name, rel, m)
			}
		}
	}
	testtool.Run(t, "xmllint", append([]string{"--noout", "--nonet", "--schema", "testdata/opc/core.xsd"}, cores...)...)
}

// TestDocxByteIdentical: the same meeting gives the same .docx bytes.
func TestDocxByteIdentical(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if code, _, stderr := hoinghi(t, "render", "--format", "docx", "-o", dir, seed, "../../samples/lon.yaml"); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	}
	files, _ := filepath.Glob(filepath.Join(a, "*.docx"))
	if len(files) != 6 {
		t.Fatalf("want 6 .docx files, got %v", files)
	}
	for _, f := range files {
		x, _ := os.ReadFile(f)
		y, err := os.ReadFile(filepath.Join(b, filepath.Base(f)))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two renders of the same input", filepath.Base(f))
		}
	}
}

// TestDocxRoundTrip: LibreOffice opens the samples' documents and saves
// them as Word documents again with their structure whole, as python-docx
// reads both: the same paragraphs with the same outline levels, the same
// tables cell for cell with the same header rows, the same sections with
// their different first page and page numbering.
func TestDocxRoundTrip(t *testing.T) {
	var files []string
	for _, d := range renderDocx(t) {
		if !strings.HasPrefix(d.Name, "corpus/") {
			files = append(files, d.Docx)
		}
	}
	dir := t.TempDir()
	var copies []string
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		c := filepath.Join(dir, "in", strconv.Itoa(i)+".docx")
		if err := os.MkdirAll(filepath.Dir(c), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(c, data, 0o644); err != nil {
			t.Fatal(err)
		}
		copies = append(copies, c)
	}
	saved := testtool.ConvertDocx(t, dir, "docx:MS Word 2007 XML", copies...)
	read := testtool.ReadDocx(t, append(copies, saved...)...)
	for i, f := range files {
		a, b := read[copies[i]], read[saved[i]]
		name := filepath.Base(filepath.Dir(f)) + "/" + filepath.Base(f)
		if pa, pb := paragraphs(a), paragraphs(b); !slices.Equal(pa, pb) {
			t.Errorf("%s: LibreOffice saves the paragraphs\n%q\nof\n%q", name, pb, pa)
		}
		if ta, tb := tables(a), tables(b); !slices.Equal(ta, tb) {
			t.Errorf("%s: LibreOffice saves the tables\n%q\nof\n%q", name, tb, ta)
		}
		if len(a.Sections) != len(b.Sections) {
			t.Errorf("%s: LibreOffice saves %d sections of %d", name, len(b.Sections), len(a.Sections))
			continue
		}
		for j := range a.Sections {
			sa, sb := a.Sections[j], b.Sections[j]
			if sa.TitlePg != sb.TitlePg || sa.PageStart != sb.PageStart || !near(sa.Top, sb.Top, 0.1) || !near(sa.Left, sb.Left, 0.1) {
				t.Errorf("%s: LibreOffice saves section %d as %+v of %+v", name, j+1, sb, sa)
			}
		}
	}
}

// paragraphs are a document's paragraphs with text, each with its outline
// level.
func paragraphs(x *testtool.Docx) []string {
	var out []string
	for _, p := range x.Paragraphs {
		if text := fields(p.Text); text != "" {
			out = append(out, p.OutlineLevel+"|"+text)
		}
	}
	return out
}

// tables are a document's tables' rows, each with whether it repeats on
// every page and whether it may split.
func tables(x *testtool.Docx) []string {
	var out []string
	for i, tb := range x.Tables {
		for _, r := range tb.Rows {
			out = append(out, fmt.Sprintf("%d|%v|%v|%s", i, r.Header, r.CantSplit, fields(strings.Join(r.Cells, " | "))))
		}
	}
	return out
}
