package layout

import (
	"slices"

	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/report/content"
)

const SignSize = 14.0

// recipientForm is how a frame sets the Nơi nhận list: Decree 30's label
// in 12 pt bold italic and items in 11 pt; Hướng dẫn 36's label in 14 pt
// regular, underlined, and items in 12 pt.
type recipientForm struct {
	label     fonts.Style
	labelSize float64
	underline bool
	itemSize  float64
}

var (
	stateRecipients = recipientForm{fonts.BoldItalic, 12, false, 11}
	partyRecipients = recipientForm{fonts.Regular, 14, true, 12}
)

func recipientsOf(doc *content.Document) recipientForm {
	if doc.Party {
		return partyRecipients
	}
	return stateRecipients
}

// stack is a signature stack measured before it is drawn, so that the
// whole block can move to the next page rather than split.
type stack struct {
	titles [][]string // each title line, wrapped
	styles []fonts.Style
	name   []string // the signer's name, wrapped
	cx     float64
}

// newStack measures a signer's stack, its title lines in styles: every
// line is bold in Decree 30; in a Party document only the authority line
// is, the positions under it are not (docs/hd36-layout.md §5.2).
func (l *layouter) newStack(s content.Signer, cx, w float64, styles []fonts.Style) stack {
	st := stack{name: l.lines(s.Name, fonts.Bold, SignSize, w), cx: cx, styles: styles}
	for i, t := range s.Titles {
		st.titles = append(st.titles, l.wrap(t, styles[i], SignSize, w))
	}
	return st
}

func (s stack) titleHeight() float64 {
	n := 0
	for _, t := range s.titles {
		n += len(t)
	}
	return float64(n) * lineHeight(SignSize)
}

// nameHeight is the height of the name's lines, one when there is none.
func (s stack) nameHeight() float64 {
	return float64(max(len(s.name), 1)) * lineHeight(SignSize)
}

// drawStack writes the titles from top and the name at nameTop.
func (l *layouter) drawStack(s stack, top, nameTop float64) {
	for i, t := range s.titles {
		_, top = l.centred(t, s.cx, top, s.styles[i], SignSize)
	}
	if len(s.name) > 0 && s.name[0] != "" {
		l.centred(s.name, s.cx, nameTop, fonts.Bold, SignSize)
	}
}

// indented is a line of text set in from the column's edge.
type indented struct {
	text   string
	indent float64
}

// recipientLines measures the Nơi nhận list in a column of width w: each
// item wrapped with its continuation lines under the text, not the dash.
func (l *layouter) recipientLines(items []string, w float64, f recipientForm) (lines []indented, h float64) {
	dash := l.width("- ", fonts.Regular, f.itemSize)
	for _, it := range items {
		// The first line, dash and all, runs the list's width; the lines
		// after it stand under the text, a dash in.
		ws := l.plain(it, fonts.Regular, f.itemSize, false)
		for j, s := range texts(breakLines(l.fit(ws, w-dash, f.itemSize), w, w-dash)) {
			indent := 0.0
			if j > 0 {
				indent = dash
			}
			lines = append(lines, indented{s, indent})
		}
	}
	return lines, lineHeight(f.labelSize) + float64(len(lines))*lineHeight(f.itemSize)
}

func (l *layouter) drawRecipients(lines []indented, top float64, f recipientForm) {
	const label = "Nơi nhận:"
	l.text(Left, top, label, f.label, f.labelSize)
	if f.underline {
		// Under the words, not the colon.
		y := top + (ascent+0.12)*f.labelSize*mmPerPt
		l.line(Left, y, Left+l.width("Nơi nhận", f.label, f.labelSize), y)
	}
	top += lineHeight(f.labelSize)
	for _, ln := range lines {
		l.text(Left+ln.indent, top, ln.text, fonts.Regular, f.itemSize)
		top += lineHeight(f.itemSize)
	}
}

// signatureGap is the space between the body and the signature block,
// about one empty line.
var signatureGap = lineHeight(BodySize) * 0.7

// signatureBlock measures ô 7 and ô 9b for doc: the stacks, the
// recipient lines, and the block's height.
type signatureBlock struct {
	plan   SignPlan
	stacks []stack
	lines  []indented
	titles float64 // height of the tallest title stack
	names  float64 // height of the tallest name
	h      float64
}

// SignPlan is what layout decides about ô 7 and ô 9b, the signature
// block and the Nơi nhận list, as HeaderPlan is for the header.
type SignPlan struct {
	// Columns are the widths of the block's columns, mm, which fill the
	// text block: 65 | 100 in Mẫu 1.4, the list in the first and the
	// signer in the second; 60 | 7.5 | 97.5 in Mẫu 1.9 with two signers,
	// the secretary in the first, the chair in the third, and the list
	// under them (Below).
	Columns []float64
	Below   bool
	// Signers says, for each of the document's signers that are set,
	// the column of its stack, the width its lines are wrapped to, mm,
	// and the style of each title line.
	Signers []SignerPlan
	// Gap is the white above the block, BelowGap the white between the
	// names and a list under them, mm; LabelDrop is how much lower than
	// the stack's first line a list beside it starts, so that the two
	// lines are centred on each other.
	Gap, BelowGap, LabelDrop float64
	// Size is the size of the stacks, pt; Space is the room for the
	// signature and the seal under the titles, mm: SignSpace on paper,
	// ElectronicSpace for the images of an electronic document.
	Size, Space float64
	// The list: its width, mm; "Nơi nhận:" in Label at LabelSize, its
	// words underlined when Underline; the items at ItemSize, each
	// continuation line Dash (the width of "- ") in, under the text.
	ListW          float64
	Label          fonts.Style
	LabelSize      float64
	Underline      bool
	ItemSize, Dash float64
}

// SignerPlan places one signature stack of a SignPlan.
type SignerPlan struct {
	Column int
	Wrap   float64
	Styles []fonts.Style
	// NameGap is the white between the stack's last title line and its
	// name, mm: the room for signature and seal, and the lines by which
	// a stack beside it is taller, so that two names stand level.
	NameGap float64
}

// Signature plans ô 7 and ô 9b of doc as Layout sets them with m.
func Signature(doc *content.Document, m Metrics) SignPlan {
	l := &layouter{m: m}
	return l.signPlan(doc)
}

func (l *layouter) signPlan(doc *content.Document) SignPlan {
	f := recipientsOf(doc)
	p := SignPlan{Gap: signatureGap, BelowGap: 3, LabelDrop: (lineHeight(SignSize) - lineHeight(f.labelSize)) / 2, Size: SignSize, Space: SignSpace,
		Label: f.label, LabelSize: f.labelSize, Underline: f.underline, ItemSize: f.itemSize,
		Dash: l.width("- ", fonts.Regular, f.itemSize)}
	var lines []int // of each stack's titles, wrapped
	stack := func(s content.Signer, col int, w float64) SignerPlan {
		sp := SignerPlan{Column: col, Wrap: w}
		n := 0
		for i, t := range s.Titles {
			style := fonts.Bold
			if doc.Party && i > 0 {
				style = fonts.Regular
			}
			sp.Styles = append(sp.Styles, style)
			n += len(l.wrap(t, style, SignSize, w))
		}
		lines = append(lines, n)
		return sp
	}
	if doc.Form == content.Minutes && len(doc.Signers) == 2 {
		p.Columns, p.Below, p.ListW = []float64{60, 7.5, 97.5}, true, 90
		p.Signers = []SignerPlan{stack(doc.Signers[0], 0, 58), stack(doc.Signers[1], 2, 95)}
	} else {
		p.Columns, p.ListW = []float64{LeftColW, RightColW}, LeftColW-2
		p.Signers = []SignerPlan{stack(doc.Signers[0], 1, RightColW-2)}
	}
	if doc.Electronic {
		p.Space = ElectronicSpace
	}
	most := slices.Max(lines)
	for i := range p.Signers {
		p.Signers[i].NameGap = p.Space + float64(most-lines[i])*lineHeight(SignSize)
	}
	return p
}

func (l *layouter) signatureBlock(doc *content.Document) signatureBlock {
	p := l.signPlan(doc)
	b := signatureBlock{plan: p}
	f := recipientsOf(doc)
	for i, sp := range p.Signers {
		cx := Left + p.Columns[sp.Column]/2
		for _, w := range p.Columns[:sp.Column] {
			cx += w
		}
		st := l.newStack(doc.Signers[i], cx, sp.Wrap, sp.Styles)
		b.stacks = append(b.stacks, st)
		b.titles = max(b.titles, st.titleHeight())
		b.names = max(b.names, st.nameHeight())
	}
	var rh float64
	b.lines, rh = l.recipientLines(doc.Recipients, p.ListW, f)
	if p.Below {
		b.h = b.titles + p.Space + b.names + p.BelowGap + rh
	} else {
		b.h = max(b.titles+p.Space+b.names, rh)
	}
	return b
}

// signatures draws ô 7 and ô 9b. In Mẫu 1.4 the signer's stack sits in
// the right column with "Nơi nhận:" level with its first line on the left;
// in Mẫu 1.9 the secretary (left) and the chair (right) sign side by side
// and Nơi nhận follows below. Either way the block is kept whole: if it
// does not fit, it starts the next page. b is the block as
// signatureBlock measured it.
func (l *layouter) signatures(doc *content.Document, b signatureBlock) {
	l.keep(signatureGap, b.h)
	top := l.y
	nameTop := top + b.titles + b.plan.Space
	for _, s := range b.stacks {
		l.drawStack(s, top, nameTop)
	}
	if doc.Electronic {
		// The signer who signs for the agency: the only one, or the
		// chair, whose stack is the last; in Mẫu 1.9 the secretary's
		// stack, the first, has a box of its own.
		s := b.stacks[len(b.stacks)-1]
		l.signerPlace("Signer", s, top+s.titleHeight(), nameTop)
		if len(b.stacks) == 2 {
			s := b.stacks[0]
			l.signerPlace("Secretary", s, top+s.titleHeight(), nameTop)
		}
	}
	f := recipientsOf(doc)
	l.field = "recipients"
	if b.plan.Below {
		l.drawRecipients(b.lines, nameTop+b.names+b.plan.BelowGap, f)
	} else {
		l.drawRecipients(b.lines, top+b.plan.LabelDrop, f)
	}
	l.y = top + b.h
}

// keepTogether starts a new page when what comes next, of height h with
// whatever gap it opens with, does not fit whole on this one — unless
// this page is still empty. It reports whether it did.
func (l *layouter) keepTogether(h float64) bool {
	if l.y+h > bottomY && l.y > Top {
		l.newPage()
		return true
	}
	return false
}

// keep makes room for a block of height h after a gap, starting a new
// page when the block would not fit whole on this one.
func (l *layouter) keep(gap, h float64) {
	if l.keepTogether(gap + h) {
		return
	}
	l.y += gap
}

// AnnexPlan is what layout decides about the head of a Phụ lục, as
// HeaderPlan is for the header: its label, title and "(Kèm theo …)"
// lines, centred at 14 pt, and the short rule RuleDrop under them, with
// After of white before the table.
type AnnexPlan struct {
	Label, Title, Note    []string
	Rule, RuleDrop, After float64
}

// Annex plans the head of a as Layout sets it with m.
func Annex(a *content.Annex, m Metrics) AnnexPlan {
	l := &layouter{m: m}
	return l.annexPlan(a)
}

func (l *layouter) annexPlan(a *content.Annex) AnnexPlan {
	return AnnexPlan{
		Label: l.lines(a.Label, fonts.Bold, 14, TextW),
		Title: l.wrap(a.Title, fonts.Bold, 14, TextW),
		Note:  l.wrap(a.Note, fonts.Italic, 14, TextW),
		Rule:  18, RuleDrop: 1, After: 2,
	}
}

// annex sets a Phụ lục on pages of its own, numbered on their own: the
// label, the title, the "(Kèm theo …)" line, a short rule and the table.
func (l *layouter) annex(a *content.Annex) {
	l.newPage()
	l.annexStart = len(l.res.Pages) - 1
	cx := Left + TextW/2
	l.res.Outline = append(l.res.Outline, Mark{Title: a.Label + ": " + a.Title, Level: 0, Page: l.annexStart, Y: Top})
	p := l.annexPlan(a)
	_, top := l.centred(p.Label, cx, Top, fonts.Bold, 14)
	_, top = l.centred(p.Title, cx, top, fonts.Bold, 14)
	_, top = l.centred(p.Note, cx, top, fonts.Italic, 14)
	l.line(cx-p.Rule/2, top+p.RuleDrop, cx+p.Rule/2, top+p.RuleDrop)
	l.y = top + (p.RuleDrop + p.After)
	l.table(a.Table)
}
