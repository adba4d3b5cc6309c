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
	"fmt"
	"strings"

	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/report/content"
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
	leftColW  = 65.0
	rightColX = Left + leftColW
	rightColW = TextW - leftColW

	pt = 25.4 / 72 // one point in millimetres
	// lineFactor is single line spacing for Times New Roman and its
	// metric twins: (ascender + descender + line gap) / em = 1.15.
	lineFactor = 1.15
	// ascent is the baseline's depth below a line box's top, as a
	// fraction of the font size.
	ascent = 0.905

	bodySize   = 14.0
	tableSize  = 12.0
	ruleWidth  = 0.5 * pt
	signSpace  = 27.0 // room for signature and seal, 25–30 mm
	paraBefore = 6 * pt
)

// Metrics measures text: the advance of r in style, in thousandths of the
// font size.
type Metrics interface {
	Width(style fonts.Style, r rune) float64
}

// ItemKind tells text from lines.
type ItemKind int

// Kinds of item.
const (
	TextItem ItemKind = iota
	LineItem
)

// Item is one thing drawn on a page. Text sits on its baseline at (X, Y);
// when Justify is set, the exporter stretches the text's spaces so that
// it spans exactly Justify millimetres. A line runs from (X, Y) to (X2, Y2).
type Item struct {
	Kind    ItemKind
	X, Y    float64
	Style   fonts.Style
	Size    float64 // points
	Text    string
	Justify float64
	X2, Y2  float64
	Width   float64 // line thickness, mm
}

// Page is one laid-out page. Number is what to print centred in the top
// margin; it is empty on the first page of the document and of an annex.
type Page struct {
	Items  []Item
	Number string
}

// Mark is an outline entry (PDF bookmark) for a heading.
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
}

// Layout places doc on pages.
func Layout(doc *content.Document, m Metrics) *Result {
	l := &layouter{m: m, res: &Result{Meta: doc.Meta}}
	l.newPage()
	l.header(doc)
	l.title(doc)
	l.to(doc.To)
	l.body(doc.Body, l.signatureHeight(doc))
	l.signatures(doc)
	if doc.Annex != nil {
		l.annex(doc.Annex)
	}
	l.number()
	return l.res
}

type layouter struct {
	m   Metrics
	res *Result
	y   float64 // top of the free space on the current page
	// annexStart is the index of the first page of the annex, whose pages
	// are numbered on their own.
	annexStart int
}

func (l *layouter) page() *Page { return &l.res.Pages[len(l.res.Pages)-1] }

func (l *layouter) newPage() {
	l.res.Pages = append(l.res.Pages, Page{})
	l.y = Top
}

// number writes the page numbers: from 2 on, and from 2 on again in the
// annex, as Decree 30 numbers each annex separately.
func (l *layouter) number() {
	for i := range l.res.Pages {
		n := i + 1
		if l.annexStart > 0 && i >= l.annexStart {
			n = i - l.annexStart + 1
		}
		if n > 1 {
			l.res.Pages[i].Number = fmt.Sprint(n)
		}
	}
}

// width measures s in style at size points, in millimetres.
func (l *layouter) width(s string, style fonts.Style, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += l.m.Width(style, r)
	}
	return w * size / 1000 * pt
}

func lineHeight(size float64) float64 { return size * lineFactor * pt }

func (l *layouter) text(x, top float64, s string, style fonts.Style, size float64) {
	l.page().Items = append(l.page().Items, Item{Kind: TextItem, X: x, Y: top + ascent*size*pt, Style: style, Size: size, Text: s})
}

func (l *layouter) line(x1, y1, x2, y2 float64) {
	l.page().Items = append(l.page().Items, Item{Kind: LineItem, X: x1, Y: y1, X2: x2, Y2: y2, Width: ruleWidth})
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

// wrap breaks plain text in one style into lines no wider than w.
func (l *layouter) wrap(s string, style fonts.Style, size, w float64) []string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return nil
	}
	space := l.width(" ", style, size)
	var lines []string
	cur, curW := "", 0.0
	for _, word := range words {
		ww := l.width(word, style, size)
		if cur != "" && curW+space+ww > w+0.01 {
			lines = append(lines, cur)
			cur, curW = "", 0
		}
		if cur != "" {
			cur += " "
			curW += space
		}
		cur += word
		curW += ww
	}
	return append(lines, cur)
}

// balanced wraps centred text into as few lines as wrap would, but with
// lines of even length, so that a title never ends on a lone word.
func (l *layouter) balanced(s string, st fonts.Style, size, w float64) []string {
	lines := l.wrap(s, st, size, w)
	if len(lines) < 2 {
		return lines
	}
	lo, hi := w/float64(len(lines)), w
	for hi-lo > 0.5 {
		mid := (lo + hi) / 2
		if len(l.wrap(s, st, size, mid)) > len(lines) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return l.wrap(s, st, size, hi)
}

// unitWords name the administrative units an agency's name ends with;
// Vietnamese headers break the line before them: "ỦY BAN NHÂN DÂN" /
// "XÃ TÂN AN", never "ỦY BAN NHÂN" / "DÂN XÃ TÂN AN".
var unitWords = []string{"XÃ", "PHƯỜNG", "THỊ TRẤN", "HUYỆN", "QUẬN", "THỊ XÃ", "THÀNH PHỐ", "TỈNH"}

// agencyLines breaks an agency's name for a header column of width w: at
// the line breaks the clerk wrote; else, when it does not fit on one line,
// before the administrative unit if both parts then fit; else into
// balanced lines.
func (l *layouter) agencyLines(s string, st fonts.Style, size, w float64) []string {
	var lines []string
	for _, part := range strings.Split(s, "\n") {
		part = strings.Join(strings.Fields(part), " ")
		if part == "" {
			continue
		}
		if l.width(part, st, size) <= w {
			lines = append(lines, part)
			continue
		}
		words := strings.Fields(part)
		split := false
		for i := 1; i < len(words) && !split; i++ {
			for _, u := range unitWords {
				if strings.HasPrefix(strings.Join(words[i:], " ")+" ", u+" ") {
					head, tail := strings.Join(words[:i], " "), strings.Join(words[i:], " ")
					if l.width(head, st, size) <= w && l.width(tail, st, size) <= w {
						lines = append(lines, head, tail)
						split = true
						break
					}
				}
			}
		}
		if !split {
			lines = append(lines, l.balanced(part, st, size, w)...)
		}
	}
	return lines
}

// header draws ô 1–4: the agency block on the left, the Quốc hiệu and
// Tiêu ngữ on the right, their rules, and the number beside the date line
// on one baseline.
func (l *layouter) header(doc *content.Document) {
	const size = 13.0
	leftCX := Left + leftColW/2
	rightCX := rightColX + rightColW/2
	colW := leftColW - 2 // keep a millimetre of air on each side

	top := Top
	if doc.Parent != "" {
		_, top = l.centred(l.agencyLines(doc.Parent, fonts.Regular, size, colW), leftCX, top, fonts.Regular, size)
	}
	agency, leftBottom := l.centred(l.agencyLines(doc.Agency, fonts.Bold, size, colW), leftCX, top, fonts.Bold, size)
	// The agency rule: a third to a half of the name's longest line.
	ruleY := leftBottom + 0.8
	half := agency * 0.4 / 2
	l.line(leftCX-half, ruleY, leftCX+half, ruleY)

	qh := "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	tn := "Độc lập - Tự do - Hạnh phúc"
	l.centred([]string{qh}, rightCX, Top, fonts.Bold, size)
	tnTop := Top + lineHeight(size)
	tnW, rightBottom := l.centred([]string{tn}, rightCX, tnTop, fonts.Bold, 14)
	tnRule := rightBottom + 0.8
	l.line(rightCX-tnW/2, tnRule, rightCX+tnW/2, tnRule)

	// Số and the date share one baseline, about a line below the lower
	// of the two rules.
	lineTop := max(ruleY, tnRule) + 2.5
	if doc.Frame == content.Minutes {
		lineTop = ruleY + 2.5
	}
	baseline := lineTop + ascent*14*pt
	numW := l.width(doc.Number, fonts.Regular, size)
	l.page().Items = append(l.page().Items, Item{Kind: TextItem, X: leftCX - numW/2, Y: baseline, Style: fonts.Regular, Size: size, Text: doc.Number})
	l.y = lineTop + lineHeight(14)
	if doc.DateLine != "" {
		lines := l.wrap(doc.DateLine, fonts.Italic, 14, rightColW)
		for i, s := range lines {
			w := l.width(s, fonts.Italic, 14)
			l.page().Items = append(l.page().Items, Item{Kind: TextItem, X: rightCX - w/2, Y: baseline + float64(i)*lineHeight(14), Style: fonts.Italic, Size: 14, Text: s})
		}
		l.y = lineTop + float64(len(lines))*lineHeight(14)
	}
}

// title draws ô 5a: the type name and the abstract, centred, and the rule
// under the abstract.
func (l *layouter) title(doc *content.Document) {
	const size = 14.0
	gap := 10.5 // about two empty lines below the header
	if doc.Frame == content.Minutes {
		gap = 14
	}
	top := l.y + gap
	_, top = l.centred([]string{doc.TypeName}, Left+TextW/2, top, fonts.Bold, size)
	abstract, bottom := l.centred(l.balanced(doc.Abstract, fonts.Bold, size, 140), Left+TextW/2, top, fonts.Bold, size)
	ruleY := bottom + 1
	half := max(abstract/3, 15) / 2
	l.line(Left+TextW/2-half, ruleY, Left+TextW/2+half, ruleY)
	l.y = ruleY + 4
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
		l.y += lineHeight(size) + paraBefore
		return
	}
	l.text(x, l.y, label, fonts.Regular, size)
	ix := x + l.width(label+" ", fonts.Regular, size)
	if len(recipients) == 1 {
		for _, s := range l.wrap(recipients[0], fonts.Regular, size, Left+TextW-ix) {
			l.text(ix, l.y, s, fonts.Regular, size)
			l.y += lineHeight(size)
		}
		l.y += paraBefore
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
	l.y += paraBefore
}
