// Package layout places a document's content on A4 pages as Decree
// 30/2020/NĐ-CP and its Phụ lục I and III prescribe: the two-column
// header, the centred title and abstract with their rules, the justified
// body, tables whose header repeats on every page, and the signature block
// kept whole beside or above the Nơi nhận list.
//
// Layout knows nothing of meeting files, templates or PDF: it reads a
// *content.Document, measures text through Metrics, and returns pages of
// positioned text and lines for an exporter to draw. Every length is in
// millimetres from the page's top-left corner; text is positioned by its
// baseline.
package layout

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/report/content"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
)

// Page geometry: A4 portrait with the default margins of the reference
// (top 20, bottom 20, left 30, right 15 mm), a 165 mm text block.
const (
	PageW, PageH = 210.0, 297.0
	Top, Bottom  = 20.0, 20.0
	Left, Right  = 30.0, 15.0
	TextW        = PageW - Left - Right
	bottomY      = PageH - Bottom

	// Header columns: 65 | 100 mm, wide enough on the right for the
	// Quốc hiệu at 13 pt bold (95.7 mm) on one line.
	LeftColW  = 65.0
	rightColX = Left + LeftColW
	RightColW = TextW - LeftColW
	// leftCX and rightCX are the centres of the header's columns.
	leftCX  = Left + LeftColW/2
	rightCX = rightColX + RightColW/2
	// headerGap is the least white between the agency block and the
	// Quốc hiệu beside it.
	headerGap = 4.0

	mmPerPt = 25.4 / 72
	// LineFactor is single line spacing for Times New Roman and its
	// metric twins: (ascender + descender + line gap) / em = 1.15.
	LineFactor = 1.15
	// ascent is the baseline's depth below a line box's top, as a
	// fraction of the font size.
	ascent = 0.905

	BodySize   = 14.0
	TableSize  = 12.0
	RuleWidth  = 0.5 * mmPerPt
	SignSpace  = 27.0 // room for signature and seal, 25–30 mm
	ParaBefore = 6 * mmPerPt
)

// Metrics measures text: the advance of r in style, in thousandths of the
// font size.
type Metrics interface {
	Width(style fonts.Style, r rune) float64
}

// Item is one thing drawn on a page: a *Text or a *Rule. Layout decides
// everything about it, so that an exporter draws it without measuring.
type Item interface{ item() }

// Text is text in one style, its baseline starting at (X, Y). Gap is the
// room added after each of its spaces, in millimetres: the stretch of a
// justified line, zero otherwise.
type Text struct {
	X, Y  float64
	Style fonts.Style
	Size  float64 // points
	Text  string
	Gap   float64
}

// Rule is a straight line from (X1, Y1) to (X2, Y2), Width thick.
type Rule struct {
	X1, Y1, X2, Y2 float64
	Width          float64
}

func (*Text) item() {}
func (*Rule) item() {}

// Page is one laid-out page; its number, from page 2 on, is its first
// item.
type Page struct {
	Items []Item
}

// Mark is an outline entry (PDF bookmark) for a heading. The levels of a
// Result's marks make a valid outline: the first is 0, and none is more
// than one below the mark before it.
type Mark struct {
	Title string
	Level int
	Page  int // 0-based
	Y     float64
}

// Result is a laid-out document.
type Result struct {
	Pages   []Page
	Outline []Mark
	Meta    content.Meta
	// Lost names each field some of whose text lies outside the page's
	// margins, because it cannot fit at all: a signature block or a table
	// row taller than a page, a letter wider than its column. A document
	// with any must not be written.
	Lost diag.List
	// Places are the places of an electronic document; none on paper.
	Places []Place
}

// Layout places doc on pages.
func Layout(doc *content.Document, m Metrics) *Result {
	l := &layouter{m: m, res: &Result{Meta: doc.Meta}}
	l.newPage()
	l.header(doc)
	l.field = "abstract"
	l.title(doc)
	l.field = "to"
	l.to(doc.To)
	l.field = "body"
	sign := l.signatureBlock(doc)
	l.body(doc.Body, signatureGap+sign.h)
	l.field = "signer"
	l.signatures(doc, sign)
	if doc.Electronic {
		l.attachmentPlace()
	}
	if doc.Annex != nil {
		l.field = "annex"
		l.annex(doc.Annex)
	}
	l.number()
	l.outline()
	return l.res
}

type layouter struct {
	m   Metrics
	res *Result
	y   float64 // top of the free space on the current page
	// annexStart is the index of the first page of the annex, whose pages
	// are numbered on their own.
	annexStart int
	// field names the part of the document being set, for Result.Lost.
	field string
}

func (l *layouter) page() *Page { return &l.res.Pages[len(l.res.Pages)-1] }

func (l *layouter) newPage() {
	l.res.Pages = append(l.res.Pages, Page{})
	l.y = Top
}

// Page numbers are 14 pt, centred on the text block in the top margin,
// their line box 10 mm from the top edge, as in the official samples.
const (
	NumberSize = 14.0
	NumberTop  = 10.0
)

// number writes the page numbers: from 2 on, and from 2 on again in the
// annex, as Decree 30 numbers each annex separately. Each is the first
// item of its page.
func (l *layouter) number() {
	for i := range l.res.Pages {
		n := i + 1
		if l.annexStart > 0 && i >= l.annexStart {
			n = i - l.annexStart + 1
		}
		if n > 1 {
			s := strconv.Itoa(n)
			x := Left + TextW/2 - l.width(s, fonts.Regular, NumberSize)/2
			num := &Text{X: x, Y: NumberTop + ascent*NumberSize*mmPerPt, Style: fonts.Regular, Size: NumberSize, Text: s}
			l.res.Pages[i].Items = append([]Item{num}, l.res.Pages[i].Items...)
		}
	}
}

// outline makes the marks' levels a valid outline: the shallowest
// heading used becomes level 0, and no mark is more than one level below
// the one before it.
func (l *layouter) outline() {
	marks := l.res.Outline
	if len(marks) == 0 {
		return
	}
	shallowest := marks[0].Level
	for _, m := range marks {
		shallowest = min(shallowest, m.Level)
	}
	prev := -1
	for i := range marks {
		marks[i].Level = min(marks[i].Level-shallowest, prev+1)
		prev = marks[i].Level
	}
}

// width measures s in style at size points, in millimetres.
func (l *layouter) width(s string, style fonts.Style, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += l.m.Width(style, r)
	}
	return w * size / 1000 * mmPerPt
}

func lineHeight(size float64) float64 { return size * LineFactor * mmPerPt }

// text sets s with the top of its line box at top.
func (l *layouter) text(x, top float64, s string, style fonts.Style, size float64) {
	l.baseline(x, top+ascent*size*mmPerPt, s, style, size)
}

// baseline sets s on the baseline y, and records its field as lost
// when its line box passes the margins.
func (l *layouter) baseline(x, y float64, s string, style fonts.Style, size float64) *Text {
	const slack = 0.5 // mm
	bottom := y - ascent*size*mmPerPt + lineHeight(size)
	if bottom > bottomY+slack || x < Left-slack || x+l.width(s, style, size) > Left+TextW+slack {
		l.lose()
	}
	t := &Text{X: x, Y: y, Style: style, Size: size, Text: s}
	l.page().Items = append(l.page().Items, t)
	return t
}

// lose records that text of the current field lies outside the margins,
// once for each field.
func (l *layouter) lose() {
	for _, p := range l.res.Lost {
		if p.Path == l.field {
			return
		}
	}
	l.res.Lost = append(l.res.Lost, diag.Problem{Path: l.field, Msg: lang.M("too long to fit inside the page margins, even broken into lines (page %d): shorten it", len(l.res.Pages))})
}

func (l *layouter) line(x1, y1, x2, y2 float64) {
	l.page().Items = append(l.page().Items, &Rule{X1: x1, Y1: y1, X2: x2, Y2: y2, Width: RuleWidth})
}

// centred writes lines centred on cx, one per line box from top; it
// returns the widest line's width and the bottom of the last box.
func (l *layouter) centred(lines []string, cx, top float64, style fonts.Style, size float64) (widest, bottom float64) {
	for _, s := range lines {
		w := l.width(s, style, size)
		widest = max(widest, w)
		l.text(cx-w/2, top, s, style, size)
		top += lineHeight(size)
	}
	return widest, top
}

// plain splits text in one style into measured words, glued as body
// text is, or strictly as the header is (see glue).
func (l *layouter) plain(s string, st fonts.Style, size float64, strict bool) []word {
	space := l.width(" ", st, size)
	fields := strings.Fields(s)
	ws, ps := make([]word, len(fields)), make([]piece, len(fields))
	for i, f := range fields {
		w := l.width(f, st, size)
		ps[i] = piece{text: f, style: st, w: w}
		ws[i] = word{pieces: ps[i : i+1 : i+1], w: w, space: space}
	}
	glue(ws, strict)
	return ws
}

// texts writes lines of words as strings.
func texts(lines [][]word) []string {
	out := make([]string, len(lines))
	for i, line := range lines {
		out[i] = joinWords(line)
	}
	return out
}

// wrap breaks plain text in one style into lines no wider than w.
func (l *layouter) wrap(s string, style fonts.Style, size, w float64) []string {
	return texts(breakLines(l.fit(l.plain(s, style, size, false), w, size), w, w))
}

// lines keeps s on one line when it fits in w, and wraps it otherwise.
func (l *layouter) lines(s string, style fonts.Style, size, w float64) []string {
	if l.width(s, style, size) <= w {
		return []string{s}
	}
	return l.wrap(s, style, size, w)
}

// commaWorth is what a break right after a comma, where a clerk likes
// to break a list, is worth to balanced: as much as two lines made
// commaWorth mm more even, about a syllable at 13–14 pt. It outweighs
// lines nearly as even, not lines much more even.
const commaWorth = 4.0

// flaws are what balanced minimises before evenness, in this order:
// breaks inside a compound first, because a split compound misreads the
// name ("BAN THI" / "ĐUA - KHEN THƯỞNG"), while a word alone on its line
// ("BAN" / "THI ĐUA - KHEN THƯỞNG") only looks uneven.
type flaws struct {
	inside int // breaks before a bound word (see bind)
	alone  int // lines of a single word
}

func (f flaws) worse(g flaws) bool {
	return f.inside > g.inside || f.inside == g.inside && f.alone > g.alone
}

func (f flaws) plus(g flaws) flaws { return flaws{f.inside + g.inside, f.alone + g.alone} }

// flawsOf counts the flaws of lines.
func flawsOf(lines [][]word) flaws {
	var f flaws
	for i, line := range lines {
		if i > 0 && line[0].bound {
			f.inside++
		}
		if len(line) == 1 {
			f.alone++
		}
	}
	return f
}

// cost is what balanced minimises, in this order: lines, flaws, and
// unevenness.
type cost struct {
	lines int
	flaws
	uneven float64
}

func (c cost) worse(d cost) bool {
	return c.lines > d.lines || c.lines == d.lines && (c.flaws.worse(d.flaws) || c.flaws == d.flaws && c.uneven > d.uneven+1e-9)
}

func (c cost) plus(d cost) cost {
	return cost{c.lines + d.lines, c.flaws.plus(d.flaws), c.uneven + d.uneven}
}

// liner measures the lines balanced may set from ws: its runs of words
// that no break falls inside, and where each starts.
type liner struct {
	ws []word
	at []int
	x  []float64 // x[i] is where word i starts on a line that starts with word 0
	w  float64
}

func newLiner(ws []word, w float64) liner {
	x := make([]float64, len(ws)+1)
	for i, wd := range ws {
		x[i+1] = x[i] + wd.w + wd.space
	}
	return liner{ws: ws, at: breaks(ws), x: x, w: w}
}

// runs is the number of runs.
func (ln liner) runs() int { return len(ln.at) - 1 }

// line costs the line of runs a to b-1, the last line when last, and
// tells whether it fits: a run wider than w may only stand alone.
func (ln liner) line(a, b int, last bool) (cost, bool) {
	ws, at := ln.ws, ln.at
	lw := ln.x[at[b]] - ln.x[at[a]] - ws[at[b]-1].space
	c := cost{lines: 1, uneven: lw * lw}
	if at[b]-at[a] == 1 {
		c.alone = 1
	}
	if !last {
		if ws[at[b]].bound {
			c.inside = 1
		}
		if strings.HasSuffix(ws[at[b]-1].text(), ",") {
			c.uneven -= 2 * commaWorth * commaWorth
		}
	}
	return c, b == a+1 || lw <= ln.w+0.01
}

// suffixes gives the cheapest cost of setting runs a… for every a.
func (ln liner) suffixes() []cost {
	m := ln.runs()
	best := make([]cost, m+1)
	for a := m - 1; a >= 0; a-- {
		for b := a + 1; b <= m; b++ {
			lc, fits := ln.line(a, b, b == m)
			if !fits {
				break
			}
			if c := lc.plus(best[b]); b == a+1 || best[a].worse(c) {
				best[a] = c
			}
		}
	}
	return best
}

// prefixes gives the cheapest cost of setting runs …b-1 alone for every
// b, as balanced would set ws[:at[b]].
func (ln liner) prefixes() []cost {
	m := ln.runs()
	open := make([]cost, m+1) // runs …b-1 on lines that are not the last
	whole := make([]cost, m+1)
	for b := 1; b <= m; b++ {
		for a := b - 1; a >= 0; a-- {
			last, fits := ln.line(a, b, true)
			if !fits {
				break
			}
			if c := last.plus(open[a]); a == b-1 || whole[b].worse(c) {
				whole[b] = c
			}
			if b == m {
				continue
			}
			lc, _ := ln.line(a, b, false)
			if c := lc.plus(open[a]); a == b-1 || open[b].worse(c) {
				open[b] = c
			}
		}
	}
	return whole
}

// balanced breaks centred text into as few lines no wider than w as
// breakLines would, with the fewest flaws, and then with lines of even
// length, so that a title never ends on a short line: the sum of the
// squares of their widths is least, less 2·commaWorth² for each break
// after a comma. The sum weighs every line, where the widest line alone
// would let a comma pull a break anywhere its line is not the widest.
// Each run is tried only with the runs that fit on its line, so that
// the time grows with the text, not with its square.
func balanced(ws []word, w float64) [][]word {
	if len(ws) == 0 {
		return nil
	}
	ln := newLiner(ws, w)
	m := ln.runs()
	best := ln.suffixes()
	if best[0].lines < 2 {
		return breakLines(ws, w, w)
	}
	// Each line takes as many words as the cheapest break leaves it, as
	// breakLines fills them.
	var lines [][]word
	for a := 0; a < m; {
		next := a + 1
		for b := a + 1; b <= m; b++ {
			lc, fits := ln.line(a, b, b == m)
			if !fits {
				break
			}
			if !lc.plus(best[b]).worse(best[a]) {
				next = b
			}
		}
		lines = append(lines, ws[ln.at[a]:ln.at[next]])
		a = next
	}
	return lines
}

// unitWords name the administrative units an agency's name ends with;
// Vietnamese headers break the line before them: "ỦY BAN NHÂN DÂN" /
// "XÃ TÂN AN", never "ỦY BAN NHÂN" / "DÂN XÃ TÂN AN".
var unitWords = []string{"XÃ", "PHƯỜNG", "THỊ TRẤN", "HUYỆN", "QUẬN", "THỊ XÃ", "THÀNH PHỐ", "TỈNH"}

// unitAt measures the administrative unit ws starts with, in words: 0
// when there is none, or when the unit's last word begins a compound:
// "XÃ HỘI" (society, as in "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI") and
// "HUYỆN ỦY" are none.
func unitAt(ws []word) int {
	s := ws[0].text() + " "
	if len(ws) > 1 {
		s += ws[1].text() + " "
	}
	for _, u := range unitWords {
		if strings.HasPrefix(s, u+" ") {
			n := strings.Count(u, " ") + 1
			if n < len(ws) && ws[n].bound {
				return 0
			}
			return n
		}
	}
	return 0
}

// agencyLines breaks an agency's name for a header column of width w: at
// the line breaks the clerk wrote, and each part as agencyPart does. No
// break falls at a dash: "BAN THI ĐUA - KHEN THƯỞNG" never starts a line
// with "-" nor ends one with it.
func (l *layouter) agencyLines(s string, st fonts.Style, size, w float64) []string {
	var lines []string
	for _, part := range strings.Split(s, "\n") {
		lines = append(lines, texts(agencyPart(bind(l.fit(l.plain(part, st, size, true), w, size)), w))...)
	}
	return lines
}

// agencyPart breaks a name that does not fit on one line into balanced
// lines, but before its administrative unit, or else after it, when that
// costs no extra line and no more flaws: the place stays whole, "ỦY BAN
// NHÂN DÂN" / "TỈNH BÀ RỊA - VŨNG TÀU", "UBND TỈNH" / "BÀ RỊA - VŨNG
// TÀU", never "UBND TỈNH BÀ" / "RỊA - VŨNG TÀU". A unit word bound to the
// word before it is plural, "CÁC TỈNH", and no place follows it.
//
// The cost of every split is read from the cheapest settings of every
// head and every tail of the name, found once, so that a long name
// takes time in proportion to its length.
func agencyPart(ws []word, w float64) [][]word {
	best := balanced(ws, w)
	if len(best) < 2 {
		return best
	}
	ln := newLiner(ws, w)
	heads, tails := ln.prefixes(), ln.suffixes()
	run := make(map[int]int, len(ln.at)) // the run each word of a break starts
	for k, i := range ln.at {
		run[i] = k
	}
	whole := flawsOf(best)
	for i := 1; i < len(ws); i++ {
		n := unitAt(ws[i:])
		if n == 0 || ws[i].glued || ws[i].bound {
			continue
		}
		for _, j := range []int{i, i + n} {
			if j == len(ws) || ws[j].glued {
				continue
			}
			k := run[j]
			if heads[k].lines+tails[k].lines == len(best) && !heads[k].flaws.plus(tails[k].flaws).worse(whole) {
				return append(balanced(ws[:j], w), balanced(ws[j:], w)...)
			}
		}
	}
	return best
}

// dateLines breaks the date line of ô 4 for the right column: whole when
// it fits, else only after the place's comma, the date itself never
// broken. A line whose place is blank ("……, ngày …… tháng …… năm ……")
// stays whole: the clerk fills it by hand.
func (l *layouter) dateLines(s string, size float64) []string {
	i := strings.LastIndex(s, ", ngày ")
	if i < 0 {
		return l.wrap(s, fonts.Italic, size, RightColW)
	}
	place, date := s[:i+1], s[i+2:]
	if l.width(s, fonts.Italic, size) <= RightColW || !strings.ContainsFunc(place, unicode.IsLetter) {
		return []string{s}
	}
	return append(l.wrap(place, fonts.Italic, size, RightColW), date)
}

// headerSizes gives the sizes of the Quốc hiệu qh and of the Tiêu ngữ
// tn and the date line under it: 13 and 14 pt, or 12 and 13 pt, as
// Decree 30 allows, when the font is so wide that either line would not
// fit its column at 13 and 14, and then half a point smaller at a time
// until both fit, so that no font pushes them into the margin.
func (l *layouter) headerSizes(qh, tn string) (float64, float64) {
	q, t := 13.0, 14.0
	for q > minHeaderSize && (l.width(qh, fonts.Bold, q) > RightColW || l.width(tn, fonts.Bold, t) > RightColW) {
		if q == 13 {
			q, t = 12, 13
		} else {
			q, t = q-0.5, t-0.5
		}
	}
	return q, t
}

// minHeaderSize is the least size headerSizes steps down to.
const minHeaderSize = 6.0

// partyTitleSize is the size of "ĐẢNG CỘNG SẢN VIỆT NAM": 15 pt, or half
// a point smaller at a time while the font sets it wider than its
// column.
func (l *layouter) partyTitleSize(title string) float64 {
	s := 15.0
	for s > minHeaderSize && l.width(title, fonts.Bold, s) > RightColW {
		s -= 0.5
	}
	return s
}

// to draws the Kính gửi block of ô 9a: the label indented 35 mm, the
// recipients after it, each on its own line when there are several.
func (l *layouter) to(recipients []string) {
	if len(recipients) == 0 {
		return
	}
	const size = 14.0
	label := "Kính gửi:"
	x := Left + 35
	if one := label + " " + recipients[0]; len(recipients) == 1 && l.width(one, fonts.Regular, size) <= Left+TextW-x {
		l.text(x, l.y, one, fonts.Regular, size)
		l.y += lineHeight(size) + ParaBefore
		return
	}
	// The label ends with its space, so that it copies out apart from
	// the recipient after it.
	l.text(x, l.y, label+" ", fonts.Regular, size)
	ix := x + l.width(label+" ", fonts.Regular, size)
	if len(recipients) == 1 {
		for _, s := range l.wrap(recipients[0], fonts.Regular, size, Left+TextW-ix) {
			l.text(ix, l.y, s, fonts.Regular, size)
			l.y += lineHeight(size)
		}
		l.y += ParaBefore
		return
	}
	dash := l.width("- ", fonts.Regular, size)
	for i, r := range recipients {
		end := ";"
		if i == len(recipients)-1 {
			end = "."
		}
		for j, s := range l.wrap(r+end, fonts.Regular, size, Left+TextW-ix-dash) {
			if j == 0 {
				l.text(ix, l.y, "- "+s, fonts.Regular, size)
			} else {
				l.text(ix+dash, l.y, s, fonts.Regular, size)
			}
			l.y += lineHeight(size)
		}
	}
	l.y += ParaBefore
}
