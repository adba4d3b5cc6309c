package docx

import (
	"strings"

	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/report/content"
	"github.com/hoinghi/hoinghi/report/layout"
)

// rulePara is an empty paragraph whose bottom border is a rule of length
// w centred in a column of width col, drop under the paragraph before
// it, followed by after of white.
func rulePara(w, col, drop, after float64) para {
	q := newPara("")
	q.rule, q.exact, q.mark, q.after, q.before = true, drop, 1, after, 0
	q.indent, q.left, q.right = true, (col-w)/2, (col-w)/2
	return q
}

// centred is a centred paragraph of lines in one style.
func centred(lines []string, st fonts.Style, size float64) para {
	q := newPara("")
	q.align = "center"
	q.runs = []run{styled("", st, size)}
	q.runs[0].lines = make([]string, len(lines))
	for i, s := range lines {
		q.runs[0].lines[i] = layout.NoBreak(s)
	}
	return q
}

// document writes word/document.xml.
func document(doc *content.Document, m layout.Metrics) []byte {
	var p part
	p.raw(xmlHeader, `<w:document xmlns:w="`, nsW, `" xmlns:r="`, nsR, `"><w:body>`)
	header(&p, layout.Header(doc, m))
	title(&p, doc, layout.Title(doc, m))
	body(&p, doc.Body, m)
	signatures(&p, doc, layout.Signature(doc, m))
	if doc.Annex != nil {
		// The main section ends with the signature block; the annex
		// starts a page of its own, numbered from 1 again.
		q := endPara()
		q.sect = section(false)
		p.para(q)
		annex(&p, doc.Annex, m)
	} else {
		p.para(endPara())
	}
	p.raw(section(doc.Annex != nil), "</w:body></w:document>")
	return p.Bytes()
}

// endPara is the least paragraph Word wants after a table that ends the
// document or a section.
func endPara() para {
	q := newPara("")
	q.exact, q.mark, q.before, q.after = 0.35, 1, 0, 0
	return q
}

// section is the properties of a section: A4 with the Decree 30
// margins, the page number centred in the header from the second page
// on, and, for an annex, numbers from 1 again.
func section(annex bool) string {
	var p part
	p.raw(`<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:headerReference w:type="first" r:id="rIdFirst"/>`)
	if annex {
		p.raw(`<w:type w:val="nextPage"/>`)
	}
	p.raw("<w:pgSz")
	p.attr("w:w", tw(layout.PageW))
	p.attr("w:h", tw(layout.PageH))
	p.raw("/><w:pgMar")
	p.attr("w:top", tw(layout.Top))
	p.attr("w:right", tw(layout.Right))
	p.attr("w:bottom", tw(layout.Bottom))
	p.attr("w:left", tw(layout.Left))
	p.attr("w:header", tw(layout.NumberTop))
	p.attr("w:footer", tw(layout.Bottom/2))
	p.attr("w:gutter", 0)
	p.raw("/>")
	if annex {
		p.raw(`<w:pgNumType w:start="1"/>`)
	}
	p.raw(`<w:cols w:space="720"/><w:titlePg/></w:sectPr>`)
	return p.String()
}

// header writes ô 1–4 as a borderless table of two columns: the agency
// and its rule (or star) beside the Quốc hiệu, the Tiêu ngữ and its rule
// (or the Party's name and its rule), then Số beside the date line, or
// under the agency when there is none.
func header(p *part, h layout.HeaderPlan) {
	var left, right []para
	if len(h.Parent) > 0 {
		left = append(left, centred(h.Parent, fonts.Regular, h.Size))
	}
	left = append(left, centred(h.Agency, fonts.Bold, h.Size))
	if h.Party {
		left = append(left, centred([]string{"*"}, fonts.Regular, h.Size))
	} else {
		left = append(left, rulePara(h.AgencyRule, h.LeftW, layout.RuleDrop, layout.NumberDrop))
	}
	right = append(right, centred([]string{h.Nation}, fonts.Bold, h.NationSize))
	if h.Motto != "" {
		right = append(right, centred([]string{h.Motto}, fonts.Bold, h.MottoSize))
	}
	right = append(right, rulePara(h.Rule, h.RightW, layout.RuleDrop, layout.NumberDrop))
	number := centred(h.Number, fonts.Regular, h.Size)
	number.before = h.NumberShift
	if h.Alone {
		// Số follows the agency's rule in its own column.
		right[len(right)-1].after = 0
		p.table([]float64{h.LeftW, h.RightW}, false, []row{
			{cells: []cell{{paras: append(left, number)}, {paras: right}}},
		})
		return
	}
	date := centred(h.Date, fonts.Italic, h.DateSize)
	if len(h.Date) == 0 {
		date.runs = nil
	}
	p.table([]float64{h.LeftW, h.RightW}, false, []row{
		{cells: []cell{{paras: left}, {paras: right}}},
		{cells: []cell{{paras: []para{number}}, {paras: []para{date}}}},
	})
}

// title writes ô 5a — the type name, the abstract and its rule, or the
// Party's five hyphens — and the Kính gửi block of ô 9a. The white under
// them is the last paragraph's space after, with the body's space
// before its first paragraph, which itself has none: Word adds the
// space after one paragraph to the space before the next, LibreOffice
// takes the larger, and they agree when one of the two is nil.
func title(p *part, doc *content.Document, t layout.TitlePlan) {
	typ := wide(centred(t.Type, fonts.Bold, t.TypeSize))
	typ.before, typ.keepNext = t.Gap, true
	abstract := centred(t.Abstract, fonts.Bold, layout.BodySize)
	abstract.keepNext = true
	paras := []para{typ, abstract}
	if doc.Party {
		dashes := centred([]string{t.Dashes}, fonts.Regular, layout.BodySize)
		dashes.after = t.After
		paras = append(paras, dashes)
	} else {
		paras = append(paras, rulePara(t.Rule, layout.TextW, t.RuleDrop, t.After))
	}
	if to := to(doc.To, t); len(to) > 0 {
		to[len(to)-1].after = layout.ParaBefore
		paras = append(paras, to...)
	}
	paras[len(paras)-1].after += layout.ParaBefore
	for _, q := range paras {
		p.para(q)
	}
}

// to is the Kính gửi block: the label ToX in, one recipient after it, or
// several one under the other, each line of a recipient under its text.
func to(recipients []string, t layout.TitlePlan) []para {
	if len(recipients) == 0 {
		return nil
	}
	label := "Kính gửi: "
	text := t.ToX + t.ToLabel
	if len(recipients) == 1 {
		q := newPara("")
		q.indent, q.left, q.first = true, text, -t.ToLabel
		q.runs = []run{styled(label+recipients[0], fonts.Regular, 0)}
		return []para{q}
	}
	var out []para
	for i, r := range recipients {
		end := ";"
		if i == len(recipients)-1 {
			end = "."
		}
		q := newPara("")
		q.indent, q.left, q.first = true, text+t.ToDash, -t.ToDash
		s := "- " + r + end
		if i == 0 {
			q.first, s = -(t.ToLabel + t.ToDash), label+s
		}
		q.runs = []run{styled(s, fonts.Regular, 0)}
		out = append(out, q)
	}
	return out
}

// body writes ô 6 in the document's styles: a paragraph of text in
// "Nội dung", a list item in "Gạch đầu dòng", a mục, khoản or điểm in
// the heading style of its level, and tables. The first has no space
// before (see title); the last paragraph keeps with the signature block.
func body(p *part, blocks []content.Block, m layout.Metrics) {
	for i, b := range blocks {
		switch b := b.(type) {
		case *content.Paragraph:
			q := newPara("NoiDung")
			if len(b.Runs) > 0 && (strings.HasPrefix(b.Runs[0].Text, "- ") || strings.HasPrefix(b.Runs[0].Text, "+ ")) {
				q.style = "GachDauDong"
			}
			if b.Indent != content.BodyIndent {
				q.indent, q.first = true, b.Indent
			}
			if a := align(b.Align); b.Align != content.Justify {
				q.align = a
			}
			q.keepNext = i == len(blocks)-1
			q.runs = runs(b.Runs)
			if i == 0 {
				q.before = 0
			}
			q.after = beforeTable(blocks[i+1:])
			p.para(q)
		case *content.Heading:
			q := newPara("Heading" + string(rune('0'+min(max(b.Level, 1), 3))))
			q.runs = append([]run{{lines: []string{b.Label + " "}}}, runs(b.Runs)...)
			if i == 0 {
				q.before = 0
			}
			q.after = beforeTable(blocks[i+1:])
			p.para(q)
		case *content.Table:
			table(p, b, m)
		}
	}
}

// beforeTable is the space after a paragraph followed by next: the
// white layout leaves above a table, which has no space before of its
// own; else the style's.
func beforeTable(next []content.Block) float64 {
	if len(next) > 0 {
		if _, ok := next[0].(*content.Table); ok {
			return layout.ParaBefore
		}
	}
	return -1
}

func runs(rs []content.Run) []run {
	out := make([]run, len(rs))
	for i, r := range rs {
		out[i] = run{lines: []string{layout.NoBreak(r.Text)}, bold: r.Bold, italic: r.Italic}
	}
	return out
}

func align(a content.Align) string {
	switch a {
	case content.Left:
		return "left"
	case content.Center:
		return "center"
	case content.Right:
		return "right"
	}
	return "both"
}

// table writes a table with borders, its header row in bold repeated on
// every page, in the columns layout gives it; a group caption spans the
// row and keeps with the row under it.
func table(p *part, t *content.Table, m layout.Metrics) {
	widths, aligns := layout.Columns(t, m)
	if len(widths) == 0 {
		return
	}
	cellPara := func(s string, a string, bold bool) para {
		q := newPara("ChuTrongBang")
		q.align = a
		q.runs = []run{{lines: []string{layout.NoBreak(s)}, bold: bold}}
		return q
	}
	var rows []row
	if len(t.Header) > 0 {
		r := row{header: true}
		for i := range widths {
			s := ""
			if i < len(t.Header) {
				s = t.Header[i]
			}
			r.cells = append(r.cells, cell{paras: []para{cellPara(s, "center", true)}})
		}
		rows = append(rows, r)
	}
	for _, tr := range t.Rows {
		if tr.Group != "" {
			q := cellPara(tr.Group, "left", true)
			q.keepNext = true
			rows = append(rows, row{cells: []cell{{span: len(widths), paras: []para{q}}}})
			continue
		}
		var r row
		for i := range widths {
			s := ""
			if i < len(tr.Cells) {
				s = tr.Cells[i]
			}
			r.cells = append(r.cells, cell{paras: []para{cellPara(s, align(aligns[i]), false)}})
		}
		rows = append(rows, r)
	}
	p.table(widths, true, rows)
}

// signatures writes ô 7 and ô 9b as a borderless table kept whole and
// with the paragraph before it: in Mẫu 1.4 the Nơi nhận list beside the
// signer's stack, in Mẫu 1.9 the secretary and the chair side by side
// and the list under them.
func signatures(p *part, doc *content.Document, s layout.SignPlan) {
	cols := make([][]para, len(s.Columns))
	for i, sp := range s.Signers {
		signer := doc.Signers[i]
		var stack []para
		for j, t := range signer.Titles {
			q := centred([]string{t}, sp.Styles[j], s.Size)
			q.keepNext = true
			stack = append(stack, q)
		}
		name := centred([]string{signer.Name}, fonts.Bold, s.Size)
		name.before = sp.NameGap
		name.keepNext = s.Below
		if signer.Name == "" {
			name.runs = nil
		}
		stack = append(stack, name)
		stack[0].before = s.Gap
		// The stack's lines wrap as layout wraps them, in the middle of
		// their column.
		in := (s.Columns[sp.Column] - sp.Wrap) / 2
		for j := range stack {
			stack[j].indent, stack[j].left, stack[j].right = true, in, in
		}
		cols[sp.Column] = stack
	}
	list := recipients(doc.Recipients, s)
	if s.Below {
		list[0].before = s.BelowGap
	} else {
		list[0].before = s.Gap + s.LabelDrop
		for i := range list {
			list[i].keepNext = true
			list[i].indent, list[i].right = true, s.Columns[0]-s.ListW
		}
		cols[0] = list
	}
	var r row
	for i := range s.Columns {
		r.cells = append(r.cells, cell{paras: cols[i]})
	}
	p.table(s.Columns, false, []row{r})
	if s.Below {
		for i, q := range list {
			q.indent, q.right = true, layout.TextW-s.ListW
			q.keepNext = i < len(list)-1
			p.para(q)
		}
	}
}

// recipients is the Nơi nhận list: its label, then an item a paragraph,
// each line after its first under the text, not the dash. Layout wraps
// an item's first line, dash and all, to ListW and the lines after it to
// ListW less the dash, as a hanging indent does, so that the paragraphs
// break where the PDF's lines do.
func recipients(items []string, s layout.SignPlan) []para {
	label := newPara("")
	label.before, label.after = 0, 0
	words := styled("Nơi nhận", s.Label, s.LabelSize)
	words.underline = s.Underline
	label.runs = []run{words, styled(":", s.Label, s.LabelSize)}
	list := []para{label}
	for _, it := range items {
		q := newPara("")
		q.indent, q.left, q.first = true, s.Dash, -s.Dash
		q.runs = []run{styled(it, fonts.Regular, s.ItemSize)}
		list = append(list, q)
	}
	return list
}

// wide lets the lines of q, which layout broke for the text block, a
// millimetre into each margin: a word processor that measures a line a
// hair wider than layout does then does not break it again.
func wide(q para) para {
	q.indent, q.left, q.right = true, -1, -1
	return q
}

// annex writes a Phụ lục on its own pages: the label, the title, the
// "(Kèm theo …)" line, a short rule and the table.
func annex(p *part, a *content.Annex, m layout.Metrics) {
	h := layout.Annex(a, m)
	p.para(wide(centred(h.Label, fonts.Bold, layout.BodySize)))
	title := wide(centred(h.Title, fonts.Bold, layout.BodySize))
	title.outline = 1
	p.para(title)
	p.para(wide(centred(h.Note, fonts.Italic, layout.BodySize)))
	p.para(rulePara(h.Rule, layout.TextW, h.RuleDrop, h.After))
	if a.Table != nil {
		table(p, a.Table, m)
	}
	p.para(endPara())
}
