package testtool

import (
	"archive/zip"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	// body is an A4 page with the Decree 30 margins and one paragraph
	// of properties PPR.
	body = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:pPr>PPR</w:pPr><w:r><w:t>Độc lập - Tự do - Hạnh phúc</w:t></w:r></w:p><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/><w:titlePg/></w:sectPr></w:body></w:document>`
)

// writeDocx writes a one-paragraph Word document whose paragraph has the
// properties ppr.
func writeDocx(t *testing.T, name, ppr string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for _, part := range []struct{ name, text string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rels},
		{"word/document.xml", strings.Replace(body, "PPR", ppr, 1)},
	} {
		w, err := zw.Create(part.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(part.text)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestReaders: the readers the .docx tests rely on see what a document
// says, and the validator finds what breaks the schema — properties out
// of their order, a value the schema does not list — so that a test that
// asks them can fail.
func TestReaders(t *testing.T) {
	good := writeDocx(t, "good.docx", `<w:spacing w:before="120"/><w:jc w:val="both"/>`)
	bad := writeDocx(t, "bad.docx", `<w:jc w:val="justify"/><w:spacing w:before="120"/>`)
	problems := ValidateDocx(t, "Office2007", good, bad)
	if len(problems[good]) != 0 {
		t.Errorf("the validator finds problems in a valid document: %+v", problems[good])
	}
	var ids []string
	for _, p := range problems[bad] {
		ids = append(ids, p.ID)
		if p.Path.PartURI != "/word/document.xml" {
			t.Errorf("a problem is in %q, want /word/document.xml", p.Path.PartURI)
		}
	}
	if got := strings.Join(ids, " "); !strings.Contains(got, "Sch_UnexpectedElementContentExpectingComplex") || !strings.Contains(got, "Sch_AttributeValueDataTypeDetailed") {
		t.Errorf("the validator finds %q in a document with misordered properties and a bad value", got)
	}

	d := ReadDocx(t, good)[good]
	if len(d.Sections) != 1 || len(d.Paragraphs) != 1 {
		t.Fatalf("python-docx reads %d sections and %d paragraphs, want 1 and 1", len(d.Sections), len(d.Paragraphs))
	}
	s, p := d.Sections[0], d.Paragraphs[0]
	near := func(a, b float64) bool { return math.Abs(a-b) < 0.05 }
	if !near(s.PageWidth, 210) || !near(s.PageHeight, 297) || !near(s.Top, 20) || !near(s.Left, 30) || !near(s.Right, 15) || !s.TitlePg {
		t.Errorf("python-docx reads the section as %+v", s)
	}
	if p.Text != "Độc lập - Tự do - Hạnh phúc" || p.Alignment != "JUSTIFY" {
		t.Errorf("python-docx reads the paragraph as %+v", p)
	}

	pdf := ConvertDocx(t, t.TempDir(), "pdf", good)[0]
	if text := string(Run(t, "pdftotext", pdf, "-")); !strings.Contains(text, "Độc lập - Tự do - Hạnh phúc") {
		t.Errorf("LibreOffice's PDF of the document reads %q", text)
	}
}
