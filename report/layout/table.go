package layout

import (
	"strings"
	"unicode"

	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/report/content"
)

const (
	PadX = 1.5 // cell padding, mm
	PadY = 1.0
)

// cell is a laid-out table cell: its lines and alignment.
type cell struct {
	lines []string
	align content.Align
	style fonts.Style
}

// table sets a table across the text block: the header row in bold on
// every page the table reaches, each row whole on one page.
func (l *layouter) table(t *content.Table) {
	cols := columnCount(t)
	if cols == 0 {
		return
	}
	widths := l.columnWidths(t, cols)
	aligns := columnAligns(t, cols)
	lh := lineHeight(TableSize)

	header := make([]cell, cols)
	for i := range header {
		text := ""
		if i < len(t.Header) {
			text = t.Header[i]
		}
		header[i] = cell{lines: l.wrap(text, fonts.Bold, TableSize, widths[i]-2*PadX), align: content.Center, style: fonts.Bold}
	}
	rows := make([][]cell, len(t.Rows))
	for r, row := range t.Rows {
		if row.Group != "" {
			rows[r] = []cell{{lines: l.wrap(row.Group, fonts.Bold, TableSize, TextW-2*PadX), align: content.Left, style: fonts.Bold}}
			continue
		}
		rows[r] = make([]cell, cols)
		for i := range cols {
			text := ""
			if i < len(row.Cells) {
				text = row.Cells[i]
			}
			rows[r][i] = cell{lines: l.wrap(text, fonts.Regular, TableSize, widths[i]-2*PadX), align: aligns[i], style: fonts.Regular}
		}
	}
	height := func(cs []cell) float64 {
		n := 1
		for _, c := range cs {
			n = max(n, len(c.lines))
		}
		return float64(n)*lh + 2*PadY
	}

	if l.y > Top {
		l.y += ParaBefore
	}
	headH := height(header)
	firstH := headH
	if len(rows) > 0 {
		firstH += height(rows[0])
	}
	l.keepTogether(firstH)
	l.row(header, widths, headH)
	for i, r := range rows {
		h := height(r)
		if len(r) == 1 && i+1 < len(rows) {
			// A group caption stays with its first row.
			h += height(rows[i+1])
		}
		if l.y+h > bottomY {
			l.newPage()
			l.row(header, widths, headH)
		}
		if len(r) == 1 && cols > 1 {
			l.row(r, []float64{TextW}, height(r))
		} else {
			l.row(r, widths, height(r))
		}
	}
}

// columnCount is the number of columns of t: of its header or its
// longest row.
func columnCount(t *content.Table) int {
	cols := len(t.Header)
	for _, r := range t.Rows {
		cols = max(cols, len(r.Cells))
	}
	return cols
}

// Columns plans the columns of t as Layout sets them with m: their
// widths, mm, which fill the text block, and their alignments; none for
// a table without cells.
func Columns(t *content.Table, m Metrics) ([]float64, []content.Align) {
	cols := columnCount(t)
	if cols == 0 {
		return nil, nil
	}
	l := &layouter{m: m}
	return l.columnWidths(t, cols), columnAligns(t, cols)
}

// row draws one row of cells with its borders, from l.y.
func (l *layouter) row(cells []cell, widths []float64, h float64) {
	top := l.y
	x := Left
	l.line(Left, top, Left+TextW, top)
	l.line(Left, top+h, Left+TextW, top+h)
	l.line(Left, top, Left, top+h)
	for i, c := range cells {
		w := widths[i]
		for j, s := range c.lines {
			lt := top + PadY + float64(j)*lineHeight(TableSize)
			sw := l.width(s, c.style, TableSize)
			switch c.align {
			case content.Center:
				l.text(x+(w-sw)/2, lt, s, c.style, TableSize)
			case content.Right:
				l.text(x+w-PadX-sw, lt, s, c.style, TableSize)
			default:
				l.text(x+PadX, lt, s, c.style, TableSize)
			}
		}
		x += w
		l.line(x, top, x, top+h)
	}
	l.y = top + h
}

// maxLeast is the most a column's widest word claims for itself: a
// word wider, such as a web address, breaks (see split) rather than
// squeeze the other columns.
const maxLeast = TextW / 3

// columnWidths gives each column its share of the text block: the
// table's own proportions when it has them, else room for each column's
// longest line when everything fits, and otherwise each column's widest
// run of words no line breaks inside (a word, or words a dash holds
// together) plus a share of what is left in proportion to its wish for
// more.
func (l *layouter) columnWidths(t *content.Table, cols int) []float64 {
	widths := make([]float64, cols)
	if len(t.Widths) == cols {
		sum := 0.0
		for _, w := range t.Widths {
			sum += w
		}
		for i, w := range t.Widths {
			widths[i] = w / sum * TextW
		}
		return widths
	}
	natural := make([]float64, cols)
	least := make([]float64, cols)
	measure := func(i int, s string, st fonts.Style) {
		natural[i] = max(natural[i], l.width(s, st, TableSize)+2*PadX)
		ws := l.plain(s, st, TableSize, false)
		at := breaks(ws)
		for k := 0; k+1 < len(at); k++ {
			least[i] = max(least[i], min(span(ws[at[k]:at[k+1]])+2*PadX, maxLeast))
		}
	}
	for i, h := range t.Header {
		measure(i, h, fonts.Bold)
	}
	for _, r := range t.Rows {
		for i, c := range r.Cells {
			if i < cols {
				measure(i, c, fonts.Regular)
			}
		}
	}
	sumNat, sumLeast := 0.0, 0.0
	for i := range cols {
		natural[i] = min(natural[i], TextW)
		sumNat += natural[i]
		sumLeast += least[i]
	}
	if sumNat <= TextW {
		for i := range cols {
			widths[i] = natural[i] * TextW / sumNat
		}
		return widths
	}
	if sumLeast >= TextW {
		for i := range cols {
			widths[i] = least[i] * TextW / sumLeast
		}
		return widths
	}
	wish := sumNat - sumLeast
	for i := range cols {
		widths[i] = least[i] + (TextW-sumLeast)*(natural[i]-least[i])/wish
	}
	return widths
}

// columnAligns keeps the table's alignment, but centres a column left at
// its default when every cell of it is a number, as figures are set in
// Vietnamese reports.
func columnAligns(t *content.Table, cols int) []content.Align {
	aligns := make([]content.Align, cols)
	for i := range cols {
		aligns[i] = content.Left
		if i < len(t.Align) {
			aligns[i] = t.Align[i]
		}
		if aligns[i] != content.Left {
			continue
		}
		numeric, any := true, false
		for _, r := range t.Rows {
			if r.Group != "" || i >= len(r.Cells) || strings.TrimSpace(r.Cells[i]) == "" {
				continue
			}
			any = true
			numeric = numeric && isNumber(r.Cells[i])
		}
		if numeric && any {
			aligns[i] = content.Center
		}
	}
	return aligns
}

func isNumber(s string) bool {
	digits := 0
	for _, r := range strings.TrimSpace(s) {
		switch {
		case unicode.IsDigit(r):
			digits++
		case strings.ContainsRune(".,%+-/ ", r):
		default:
			return false
		}
	}
	return digits > 0
}
