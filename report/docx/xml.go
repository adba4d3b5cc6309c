package docx

import (
	"bytes"
	"encoding/xml"
	"math"
	"strconv"

	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/report/layout"
)

// tw converts millimetres to twentieths of a point, WordprocessingML's
// unit of length.
func tw(mm float64) int { return int(math.Round(mm * 1440 / 25.4)) }

// hp converts points to half-points, its unit of font size.
func hp(pt float64) int { return int(math.Round(pt * 2)) }

// part is the text of one XML part being written.
type part struct{ bytes.Buffer }

func (p *part) raw(s ...string) {
	for _, x := range s {
		p.WriteString(x)
	}
}

// text writes s escaped for an attribute or element.
func (p *part) text(s string) {
	// xml.EscapeText fails only when its writer does, and a
	// bytes.Buffer never does.
	_ = xml.EscapeText(p, []byte(s))
}

// attr writes name="v".
func (p *part) attr(name string, v int) {
	p.raw(" ", name, `="`, strconv.Itoa(v), `"`)
}

// run is text in one style within a paragraph. Size 0 takes the
// paragraph style's size; Lines are set one under the other, with line
// breaks between them.
type run struct {
	lines                   []string
	bold, italic, underline bool
	size                    float64
	// field, when set, is a field code ("PAGE") whose current result is
	// the text.
	field string
}

// styled is a run of text that layout sets in one style at size
// points, with its no-break spaces (layout.NoBreak).
func styled(s string, st fonts.Style, size float64) run {
	return run{lines: []string{layout.NoBreak(s)}, bold: st == fonts.Bold || st == fonts.BoldItalic, italic: st == fonts.Italic || st == fonts.BoldItalic, size: size}
}

// para is one paragraph: its style, what it sets apart from the style,
// and its runs. Lengths are in millimetres; a negative one is the
// style's.
type para struct {
	style         string
	keepNext      bool
	before, after float64
	// exact, when positive, is the exact height of every line, mm.
	exact float64
	// left, right are the indents; first the first-line indent, hanging
	// when negative; indent says they are given.
	left, right, first float64
	indent             bool
	// rule draws a 0.5 pt line along the paragraph's bottom, from its
	// left indent to its right one.
	rule  bool
	align string
	// mark is the size of the paragraph mark, pt, when not the style's.
	mark float64
	// outline, when positive, is the paragraph's outline level plus
	// one, for a heading set apart from the heading styles.
	outline int
	runs    []run
	// sect closes a section with this paragraph: its properties.
	sect string
}

func newPara(style string) para { return para{style: style, before: -1, after: -1} }

func (p *part) para(q para) {
	p.raw("<w:p>")
	var pr part
	if q.style != "" {
		pr.raw(`<w:pStyle w:val="`, q.style, `"/>`)
	}
	if q.keepNext {
		pr.raw("<w:keepNext/>")
	}
	if q.rule {
		pr.raw(`<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:pBdr>`)
	}
	if q.before >= 0 || q.after >= 0 || q.exact > 0 {
		pr.raw("<w:spacing")
		if q.before >= 0 {
			pr.attr("w:before", tw(q.before))
		}
		if q.after >= 0 {
			pr.attr("w:after", tw(q.after))
		}
		if q.exact > 0 {
			pr.attr("w:line", tw(q.exact))
			pr.raw(` w:lineRule="exact"`)
		}
		pr.raw("/>")
	}
	if q.indent {
		pr.raw("<w:ind")
		pr.attr("w:left", tw(q.left))
		pr.attr("w:right", tw(q.right))
		switch {
		case q.first > 0:
			pr.attr("w:firstLine", tw(q.first))
		case q.first < 0:
			pr.attr("w:hanging", tw(-q.first))
		default:
			pr.attr("w:firstLine", 0)
		}
		pr.raw("/>")
	}
	if q.align != "" {
		pr.raw(`<w:jc w:val="`, q.align, `"/>`)
	}
	if q.outline > 0 {
		pr.raw(`<w:outlineLvl w:val="`, strconv.Itoa(q.outline-1), `"/>`)
	}
	if q.mark > 0 {
		pr.raw("<w:rPr>")
		size(&pr, q.mark)
		pr.raw("</w:rPr>")
	}
	pr.raw(q.sect)
	if pr.Len() > 0 {
		p.raw("<w:pPr>", pr.String(), "</w:pPr>")
	}
	for _, r := range q.runs {
		p.run(r)
	}
	p.raw("</w:p>")
}

func size(p *part, pt float64) {
	p.raw("<w:sz")
	p.attr("w:val", hp(pt))
	p.raw("/><w:szCs")
	p.attr("w:val", hp(pt))
	p.raw("/>")
}

func (p *part) run(r run) {
	var pr part
	if r.bold {
		pr.raw("<w:b/><w:bCs/>")
	}
	if r.italic {
		pr.raw("<w:i/><w:iCs/>")
	}
	if r.size > 0 {
		size(&pr, r.size)
	}
	if r.underline {
		pr.raw(`<w:u w:val="single"/>`)
	}
	props := ""
	if pr.Len() > 0 {
		props = "<w:rPr>" + pr.String() + "</w:rPr>"
	}
	if r.field != "" {
		p.raw("<w:r>", props, `<w:fldChar w:fldCharType="begin"/></w:r>`)
		p.raw("<w:r>", props, `<w:instrText xml:space="preserve"> `, r.field, ` </w:instrText></w:r>`)
		p.raw("<w:r>", props, `<w:fldChar w:fldCharType="separate"/></w:r>`)
	}
	p.raw("<w:r>", props)
	for i, s := range r.lines {
		if i > 0 {
			p.raw("<w:br/>")
		}
		p.raw(`<w:t xml:space="preserve">`)
		p.text(s)
		p.raw("</w:t>")
	}
	p.raw("</w:r>")
	if r.field != "" {
		p.raw("<w:r>", props, `<w:fldChar w:fldCharType="end"/></w:r>`)
	}
}

// cell is one table cell: the columns it spans, one when 0, and its
// paragraphs.
type cell struct {
	span  int
	paras []para
}

// row is one table row; header repeats it at the top of every page the
// table reaches. No row is split across pages.
type row struct {
	header bool
	cells  []cell
}

// table writes a table of the columns widths (mm) at the left margin;
// grid draws its borders with the table style, and pads its cells.
func (p *part) table(widths []float64, grid bool, rows []row) {
	twips := edges(widths)
	total := twips[len(twips)-1]
	p.raw("<w:tbl><w:tblPr>")
	if grid {
		p.raw(`<w:tblStyle w:val="LuoiBang"/>`)
	}
	p.raw(`<w:tblW w:type="dxa"`)
	p.attr("w:w", total)
	p.raw(`/><w:tblInd w:w="0" w:type="dxa"/>`)
	if !grid {
		p.raw(`<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>`)
	}
	p.raw(`<w:tblLayout w:type="fixed"/>`)
	if !grid {
		p.raw(`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>`)
	}
	// No conditional formatting, as a bitmask (no banding): the form
	// every Word reads, from Word 2007 on.
	p.raw(`<w:tblLook w:val="0600"/></w:tblPr><w:tblGrid>`)
	for i := 1; i < len(twips); i++ {
		p.raw("<w:gridCol")
		p.attr("w:w", twips[i]-twips[i-1])
		p.raw("/>")
	}
	p.raw("</w:tblGrid>")
	for _, r := range rows {
		p.raw("<w:tr><w:trPr><w:cantSplit/>")
		if r.header {
			p.raw("<w:tblHeader/>")
		}
		p.raw("</w:trPr>")
		col := 0
		for _, c := range r.cells {
			span := max(c.span, 1)
			p.raw(`<w:tc><w:tcPr><w:tcW w:type="dxa"`)
			p.attr("w:w", twips[col+span]-twips[col])
			p.raw("/>")
			if span > 1 {
				p.raw("<w:gridSpan")
				p.attr("w:val", span)
				p.raw("/>")
			}
			p.raw("</w:tcPr>")
			if len(c.paras) == 0 {
				p.raw("<w:p/>")
			}
			for _, q := range c.paras {
				p.para(q)
			}
			p.raw("</w:tc>")
			col += span
		}
		p.raw("</w:tr>")
	}
	p.raw("</w:tbl>")
}

// edges gives where each column starts, and the last ends, in twips,
// each rounded from its distance in millimetres, so that the columns
// add up to the table's width.
func edges(widths []float64) []int {
	out := make([]int, len(widths)+1)
	x := 0.0
	for i, w := range widths {
		x += w
		out[i+1] = tw(x)
	}
	return out
}
