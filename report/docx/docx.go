// Package docx writes a document as a Word file (.docx, Office Open XML
// WordprocessingML) in the Decree 30 layout, for a clerk to correct
// before it is signed.
//
// It knows nothing of templates or meeting files: it reads the same
// *content.Document the PDF is laid out from, and takes from layout the
// decisions that need measuring — the header's lines and rules, the
// abstract's lines, the table columns, the signature block's columns —
// so that the two never disagree. Everything else it leaves to the word
// processor: paragraphs in real styles ("Nội dung", "heading 1–3") that
// reflow as they are edited, borderless tables for the header and the
// signature block, never a frame or a positioned box. Identical input
// gives identical bytes: the parts are written in one order, and their
// dates are the document's, never the clock.
//
// The parts are written here with encoding/xml's escaping and
// archive/zip: the Go modules that write .docx are either under the AGPL
// (fumiama/go-docx) or pre-1.0 without header parts, fields or fixed
// zip times (gomutex/godocx), and what a document needs is ten small
// parts.
package docx

import (
	"archive/zip"
	"fmt"
	"io"
	"time"

	"github.com/hoinghi/hoinghi/report/content"
	"github.com/hoinghi/hoinghi/report/layout"
)

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRel     = "http://schemas.openxmlformats.org/package/2006/relationships"
	relDoc    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
)

// Write writes doc as a .docx into w. m measures text as the PDF's fonts
// do, for layout's decisions; creator is the producing program, "hoinghi
// v1.0.0"; the creation and modification date is doc.Meta.Date, which
// comes from the document, so that two runs give the same bytes.
func Write(w io.Writer, doc *content.Document, m layout.Metrics, creator string) error {
	parts := []struct {
		name string
		data []byte
	}{
		{"[Content_Types].xml", []byte(contentTypes)},
		{"_rels/.rels", []byte(rootRels)},
		{"docProps/core.xml", core(doc.Meta)},
		{"docProps/app.xml", app(creator)},
		{"word/document.xml", document(doc, m)},
		{"word/_rels/document.xml.rels", []byte(documentRels)},
		{"word/styles.xml", []byte(styles)},
		{"word/settings.xml", []byte(settings)},
		{"word/header1.xml", pageNumber()},
		{"word/header2.xml", []byte(xmlHeader + `<w:hdr xmlns:w="` + nsW + `"><w:p/></w:hdr>`)},
	}
	z := zip.NewWriter(w)
	for _, p := range parts {
		f, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: doc.Meta.Date.UTC()})
		if err != nil {
			return fmt.Errorf("writing the DOCX: %w", err)
		}
		if _, err := f.Write(p.data); err != nil {
			return fmt.Errorf("writing the DOCX: %w", err)
		}
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("writing the DOCX: %w", err)
	}
	return nil
}

const contentTypes = xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
	`<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
	`</Types>`

const rootRels = xmlHeader + `<Relationships xmlns="` + nsRel + `">` +
	`<Relationship Id="rId1" Type="` + relDoc + `officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + relDoc + `extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const documentRels = xmlHeader + `<Relationships xmlns="` + nsRel + `">` +
	`<Relationship Id="rIdStyles" Type="` + relDoc + `styles" Target="styles.xml"/>` +
	`<Relationship Id="rIdSettings" Type="` + relDoc + `settings" Target="settings.xml"/>` +
	`<Relationship Id="rIdHeader" Type="` + relDoc + `header" Target="header1.xml"/>` +
	`<Relationship Id="rIdFirst" Type="` + relDoc + `header" Target="header2.xml"/>` +
	`</Relationships>`

// core is docProps/core.xml: the title, author, subject and keywords the
// PDF carries, the language, and its date.
func core(m content.Meta) []byte {
	var p part
	p.raw(xmlHeader, `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	for _, e := range []struct{ tag, v string }{
		{"dc:title", m.Title}, {"dc:subject", m.Subject}, {"dc:creator", m.Author}, {"cp:keywords", m.Keywords}, {"dc:language", "vi-VN"},
	} {
		p.raw("<", e.tag, ">")
		p.text(e.v)
		p.raw("</", e.tag, ">")
	}
	d := m.Date.UTC().Format(time.RFC3339)
	p.raw(`<dcterms:created xsi:type="dcterms:W3CDTF">`, d, `</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">`, d, `</dcterms:modified></cp:coreProperties>`)
	return p.Bytes()
}

// app is docProps/app.xml: the producing program.
func app(creator string) []byte {
	var p part
	p.raw(xmlHeader, `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>`)
	p.text(creator)
	p.raw(`</Application><DocSecurity>0</DocSecurity></Properties>`)
	return p.Bytes()
}

// pageNumber is the header of every page but the first of a section:
// its number, centred, as the PDF's.
func pageNumber() []byte {
	var p part
	p.raw(xmlHeader, `<w:hdr xmlns:w="`, nsW, `">`)
	q := newPara("")
	q.align, q.before, q.after = "center", 0, 0
	q.runs = []run{{lines: []string{"2"}, size: layout.NumberSize, field: "PAGE"}}
	p.para(q)
	p.raw("</w:hdr>")
	return p.Bytes()
}

const settings = xmlHeader + `<w:settings xmlns:w="` + nsW + `">` +
	`<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`<w:themeFontLang w:val="vi-VN"/></w:settings>`
