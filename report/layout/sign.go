package layout

import (
	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/report/content"
)

const signSize = 14.0

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

// newStack measures a signer's stack. Every line is bold in Decree 30;
// in a Party document only the authority line is, the positions under
// it are not (docs/hd36-layout.md §5.2).
func (l *layouter) newStack(s content.Signer, cx, w float64, party bool) stack {
	st := stack{name: l.lines(s.Name, fonts.Bold, signSize, w), cx: cx}
	for i, t := range s.Titles {
		style := fonts.Bold
		if party && i > 0 {
			style = fonts.Regular
		}
		st.titles = append(st.titles, l.wrap(t, style, signSize, w))
		st.styles = append(st.styles, style)
	}
	return st
}

func (s stack) titleHeight() float64 {
	n := 0
	for _, t := range s.titles {
		n += len(t)
	}
	return float64(n) * lineHeight(signSize)
}

// nameHeight is the height of the name's lines, one when there is none.
func (s stack) nameHeight() float64 {
	return float64(max(len(s.name), 1)) * lineHeight(signSize)
}

// drawStack writes the titles from top and the name at nameTop.
func (l *layouter) drawStack(s stack, top, nameTop float64) {
	for i, t := range s.titles {
		_, top = l.centred(t, s.cx, top, s.styles[i], signSize)
	}
	if len(s.name) > 0 && s.name[0] != "" {
		l.centred(s.name, s.cx, nameTop, fonts.Bold, signSize)
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
		for j, s := range l.wrap(it, fonts.Regular, f.itemSize, w-dash) {
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
var signatureGap = lineHeight(bodySize) * 0.7

// signatureBlock measures ô 7 and ô 9b for doc: the stacks, the
// recipient lines, and the block's height.
type signatureBlock struct {
	stacks []stack
	lines  []indented
	titles float64 // height of the tallest title stack
	names  float64 // height of the tallest name
	h      float64
}

func (l *layouter) signatureBlock(doc *content.Document) signatureBlock {
	var b signatureBlock
	f := recipientsOf(doc)
	if doc.Form == content.Minutes && len(doc.Signers) == 2 {
		// Mẫu 1.9: 60 | 7.5 | 97.5 mm.
		b.stacks = []stack{l.newStack(doc.Signers[0], Left+30, 58, doc.Party), l.newStack(doc.Signers[1], Left+67.5+97.5/2, 95, doc.Party)}
		b.titles = max(b.stacks[0].titleHeight(), b.stacks[1].titleHeight())
		b.names = max(b.stacks[0].nameHeight(), b.stacks[1].nameHeight())
		var rh float64
		b.lines, rh = l.recipientLines(doc.Recipients, 90, f)
		b.h = b.titles + signSpace + b.names + 3 + rh
		return b
	}
	b.stacks = []stack{l.newStack(doc.Signers[0], rightColX+rightColW/2, rightColW-2, doc.Party)}
	b.titles = b.stacks[0].titleHeight()
	b.names = b.stacks[0].nameHeight()
	var rh float64
	b.lines, rh = l.recipientLines(doc.Recipients, leftColW-2, f)
	b.h = max(b.titles+signSpace+b.names, rh)
	return b
}

func (l *layouter) signatureHeight(doc *content.Document) float64 {
	return signatureGap + l.signatureBlock(doc).h
}

// signatures draws ô 7 and ô 9b. In Mẫu 1.4 the signer's stack sits in
// the right column with "Nơi nhận:" level with its first line on the left;
// in Mẫu 1.9 the secretary (left) and the chair (right) sign side by side
// and Nơi nhận follows below. Either way the block is kept whole: if it
// does not fit, it starts the next page.
func (l *layouter) signatures(doc *content.Document) {
	b := l.signatureBlock(doc)
	l.keep(signatureGap, b.h)
	top := l.y
	nameTop := top + b.titles + signSpace
	for _, s := range b.stacks {
		l.drawStack(s, top, nameTop)
	}
	f := recipientsOf(doc)
	l.field = "recipients"
	if len(b.stacks) == 2 {
		l.drawRecipients(b.lines, nameTop+b.names+3, f)
	} else {
		l.drawRecipients(b.lines, top+(lineHeight(signSize)-lineHeight(f.labelSize))/2, f)
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

// annex sets a Phụ lục on pages of its own, numbered on their own: the
// label, the title, the "(Kèm theo …)" line, a short rule and the table.
func (l *layouter) annex(a *content.Annex) {
	l.newPage()
	l.annexStart = len(l.res.Pages) - 1
	cx := Left + TextW/2
	l.res.Outline = append(l.res.Outline, Mark{Title: a.Label + ": " + a.Title, Level: 0, Page: l.annexStart, Y: Top})
	_, top := l.centred(l.lines(a.Label, fonts.Bold, 14, TextW), cx, Top, fonts.Bold, 14)
	_, top = l.centred(l.wrap(a.Title, fonts.Bold, 14, TextW), cx, top, fonts.Bold, 14)
	_, top = l.centred(l.wrap(a.Note, fonts.Italic, 14, TextW), cx, top, fonts.Italic, 14)
	l.line(cx-9, top+1, cx+9, top+1)
	l.y = top + 3
	l.table(a.Table)
}
