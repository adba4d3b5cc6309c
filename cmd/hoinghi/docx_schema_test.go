package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool"
)

// TestDocxSchema: every part of every .docx is well-formed XML (xmllint)
// and valid against the ISO 29500 transitional schemas as Word 2010 has
// them (the Open XML SDK's validator); nothing is a frame, a text
// box or a drawing anchored at a position, so that editing a paragraph
// reflows the page.
func TestDocxSchema(t *testing.T) {
	docs := renderDocx(t)
	files := make([]string, len(docs))
	for i, d := range docs {
		files[i] = d.Docx
	}
	problems := testtool.ValidateDocx(t, "Office2010", files...)
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
