package layout

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/report/content"
)

func style(r content.Run) fonts.Style {
	switch {
	case r.Bold && r.Italic:
		return fonts.BoldItalic
	case r.Bold:
		return fonts.Bold
	case r.Italic:
		return fonts.Italic
	}
	return fonts.Regular
}

// piece is text in one style; a word is one or more pieces with no space
// between them ("**Địa điểm:**" followed by nothing is one piece, "đ**ư**"
// three).
type piece struct {
	text  string
	style fonts.Style
	w     float64
}

type word struct {
	pieces []piece
	w      float64
	space  float64 // the width of the space after the word
	// glued words never start a line: they stay with the word before.
	glued bool
	// bound words start a line only when no other break does as well
	// (see bind and balanced).
	bound bool
	// joined words go on from the word before with no space between:
	// the parts of a word too wide for its line (see split).
	joined bool
}

func (wd word) text() string {
	if len(wd.pieces) == 1 {
		return wd.pieces[0].text
	}
	var b strings.Builder
	for _, p := range wd.pieces {
		b.WriteString(p.text)
	}
	return b.String()
}

// isDash tells a dash standing alone between spaces: "Thi đua - Khen
// thưởng", "2021 – 2025".
func isDash(s string) bool { return s == "-" || s == "–" || s == "—" }

// glue marks the words no line may start with. A dash standing alone
// stays with the word before it, so that no line starts with one; the
// word after a dash stays with it too when the dash opens a list item or
// joins two numbers ("năm học 2024 - 2025"), and always when strict, as
// in the header, where no break falls at a dash at all.
func glue(ws []word, strict bool) {
	for i := 1; i < len(ws); i++ {
		next := ws[i].text()
		switch {
		case isDash(next):
			ws[i].glued = true
		case isDash(ws[i-1].text()):
			ws[i].glued = strict || i == 1 || endsInDigit(ws[i-2].text()) && startsWithDigit(next)
		}
	}
}

// NoBreak is s, a run of body or table text, with a no-break space
// (U+00A0) for every space that glue lets no line break fall at: before
// a dash standing alone, and after one that joins two numbers ("năm
// học 2024 - 2025"), so that a word processor, which breaks the lines
// itself, breaks them as layout does.
func NoBreak(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	segs := strings.Split(s, " ")
	ws := make([]word, len(segs))
	for i, seg := range segs {
		ws[i] = word{pieces: []piece{{text: seg}}}
	}
	glue(ws, false)
	var b strings.Builder
	for i, seg := range segs {
		switch {
		case i > 0 && ws[i].glued && segs[i-1] != "" && seg != "":
			b.WriteRune('\u00a0')
		case i > 0:
			b.WriteByte(' ')
		}
		b.WriteString(seg)
	}
	return b.String()
}

func startsWithDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}

func endsInDigit(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsDigit(r)
}

// words splits runs into words, measuring each piece, glues them, and
// fits them to lines no narrower than w.
func (l *layouter) words(runs []content.Run, size, w float64) []word {
	var out []word
	var cur word
	flush := func() {
		if len(cur.pieces) > 0 {
			out = append(out, cur)
		}
		cur = word{}
	}
	for _, r := range runs {
		st := style(r)
		for i, seg := range strings.Split(r.Text, " ") {
			if i > 0 {
				cur.space = l.width(" ", st, size)
				flush()
			}
			if seg == "" {
				continue
			}
			w := l.width(seg, st, size)
			cur.pieces = append(cur.pieces, piece{text: seg, style: st, w: w})
			cur.w += w
		}
	}
	flush()
	glue(out, false)
	return l.fit(out, w, size)
}

// breaks lists the indices of the words a line may start with, then
// len(ws): between two of them lies a run of words no break falls inside.
func breaks(ws []word) []int {
	var at []int
	for i, wd := range ws {
		if i == 0 || !wd.glued {
			at = append(at, i)
		}
	}
	return append(at, len(ws))
}

// span is the width of ws set on one line with natural spacing.
func span(ws []word) float64 {
	w := 0.0
	for i, wd := range ws {
		w += wd.w
		if i < len(ws)-1 {
			w += wd.space
		}
	}
	return w
}

// breakLines fills lines greedily: the first is narrower by the indent.
func breakLines(ws []word, first, rest float64) [][]word {
	var lines [][]word
	var cur []word
	w, avail := 0.0, first
	at := breaks(ws)
	for k := 0; k+1 < len(at); k++ {
		run := ws[at[k]:at[k+1]]
		rw := span(run)
		if len(cur) > 0 && w+cur[len(cur)-1].space+rw > avail+0.01 {
			lines = append(lines, cur)
			cur, w, avail = nil, 0, rest
		}
		if len(cur) > 0 {
			w += cur[len(cur)-1].space
		}
		cur = append(cur, run...)
		w += rw
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

// setLine writes one line of words from x, in a box of width avail whose
// top is top, aligned as asked; justify stretches the spaces to fill it.
func (l *layouter) setLine(line []word, x, top, avail float64, align content.Align, justify bool, size float64) {
	natural := span(line)
	base := top + ascent*size*mmPerPt
	oneStyle := true
	gaps := 0 // the spaces that stretch: none before a joined word
	for i, wd := range line {
		if i > 0 && !wd.joined {
			gaps++
		}
		for _, p := range wd.pieces {
			oneStyle = oneStyle && p.style == line[0].pieces[0].style
		}
	}
	switch {
	case justify && gaps > 0 && oneStyle:
		// One item whose every space stretches by the same amount: far
		// smaller than a text object per word.
		t := l.baseline(x, base, joinWords(line), line[0].pieces[0].style, size)
		t.Gap = (avail - natural) / float64(gaps)
		return
	case align == content.Center:
		x += (avail - natural) / 2
	case align == content.Right:
		x += avail - natural
	}
	extra := 0.0
	if justify && gaps > 0 {
		extra = (avail - natural) / float64(gaps)
	}
	// Pieces of one style that follow each other with natural spacing
	// share one item.
	var run *Text // the item the next piece may join
	for i, wd := range line {
		for j, p := range wd.pieces {
			startsWord := j == 0 && i > 0 && !wd.joined
			if startsWord {
				// Every word boundary carries a real space, so that the
				// text copies out with it: the item before the word ends
				// with it, whether the word joins that item or starts its
				// own, placed where the stretched space ends.
				run.Text += " "
			}
			if run != nil && run.Style == p.style && (!startsWord || extra == 0) {
				run.Text += p.text
			} else {
				run = l.baseline(x, base, p.text, p.style, size)
			}
			x += p.w
		}
		if i+1 < len(line) && line[i+1].joined {
			x += wd.space
		} else {
			x += wd.space + extra
		}
	}
}

func joinWords(line []word) string {
	var b strings.Builder
	for i, wd := range line {
		if i > 0 && !wd.joined {
			b.WriteByte(' ')
		}
		for _, p := range wd.pieces {
			b.WriteString(p.text)
		}
	}
	return b.String()
}

// body lays out ô 6. The last paragraph keeps company with the signature
// block, of height sign: when both do not fit, the paragraph starts the
// next page, so that the signatures never stand on a page of their own.
func (l *layouter) body(blocks []content.Block, sign float64) {
	for i, b := range blocks {
		switch b := b.(type) {
		case *content.Paragraph:
			if i == len(blocks)-1 {
				lines := breakLines(l.words(b.Runs, BodySize, TextW-b.Indent), TextW-b.Indent, TextW)
				l.keepTogether(ParaBefore + float64(len(lines))*lineHeight(BodySize) + sign)
			}
			l.paragraph(b.Runs, b.Indent, b.Align, BodySize)
		case *content.Heading:
			l.heading(b, blocks[i+1:])
		case *content.Table:
			l.table(b)
		}
	}
}

// paragraph sets a paragraph 6 pt below the previous one, breaking pages
// between lines but never leaving a single line of it alone at the foot
// or the head of a page.
func (l *layouter) paragraph(runs []content.Run, indent float64, align content.Align, size float64) {
	lines := breakLines(l.words(runs, size, TextW-indent), TextW-indent, TextW)
	if len(lines) == 0 {
		return
	}
	lh := lineHeight(size)
	if l.y > Top {
		l.y += ParaBefore
	}
	for i := 0; i < len(lines); {
		fit := int((bottomY - l.y + 0.01) / lh)
		left := len(lines) - i
		switch {
		case fit >= left:
			fit = left
		case fit < 2 && l.y > Top:
			l.newPage()
			continue
		case left-fit == 1 && fit >= 3:
			fit--
		}
		for ; fit > 0; fit-- {
			x, avail := Left, TextW
			if i == 0 {
				x, avail = Left+indent, TextW-indent
			}
			last := i == len(lines)-1
			l.setLine(lines[i], x, l.y, avail, align, align == content.Justify && !last, size)
			l.y += lh
			i++
		}
		if i < len(lines) {
			l.newPage()
		}
	}
}

// heading sets a mục, khoản or điểm heading and keeps it on the page of
// the two lines that follow it.
func (l *layouter) heading(h *content.Heading, next []content.Block) {
	runs := append([]content.Run{{Text: h.Label + " ", Bold: h.Level < 3}}, h.Runs...)
	for i := range runs {
		runs[i].Bold = runs[i].Bold || h.Level < 3
	}
	lines := breakLines(l.words(runs, BodySize, TextW-content.BodyIndent), TextW-content.BodyIndent, TextW)
	need := ParaBefore + float64(len(lines))*lineHeight(BodySize)
	if len(next) > 0 {
		need += ParaBefore + 2*lineHeight(BodySize)
	}
	l.keepTogether(need)
	var title strings.Builder
	for _, r := range runs {
		title.WriteString(r.Text)
	}
	l.res.Outline = append(l.res.Outline, Mark{Title: strings.TrimSpace(title.String()), Level: h.Level - 1, Page: len(l.res.Pages) - 1, Y: l.y})
	l.paragraph(runs, content.BodyIndent, content.Justify, BodySize)
}
