package workbook

import (
	"math"
	"slices"
	"strings"
	"unicode"
)

// Neither Excel nor LibreOffice 7 fits a row to its text when a workbook
// opens, so that a wrapped paragraph would show its first line only; Write
// gives each row the height of its tallest cell, estimated here from the
// widths of Times New Roman, generously, so that it errs towards a taller
// row.

// look is what the height of a cell's text depends on besides the text.
type look struct {
	size float64 // in points
	bold bool
	wrap bool
}

// fits collects, per sheet, the height of the tallest cell of each row.
type fits map[string]map[int]float64

// note records a cell's text, in a column of the given width (in digits
// of the default font).
func (f fits) note(sheet string, row int, text string, width float64, l look) {
	lines := 1
	if l.wrap {
		scale := l.size / fontSize
		if l.bold {
			scale *= 1.1
		}
		lines = lineCount(text, width, scale)
	}
	if f[sheet] == nil {
		f[sheet] = map[int]float64{}
	}
	f[sheet][row] = max(f[sheet][row], float64(lines)*l.size*1.25)
}

// defaultHeight is the height of a row of one line of the default font;
// maxHeight is the tallest row Excel allows, which shows the start of a
// longer text and keeps the whole of it in the cell.
const (
	defaultHeight = 15
	maxHeight     = 409
)

// heights returns the rows of sheet taller than a line of the default
// font, in order, with their heights in points, in whole pixels (0.75
// point) as the programs round them.
func (f fits) heights(sheet string) (rows []int, heights []float64) {
	for row, h := range f[sheet] {
		if h > defaultHeight {
			rows = append(rows, row)
		}
	}
	slices.Sort(rows)
	for _, row := range rows {
		heights = append(heights, min(maxHeight, math.Ceil((f[sheet][row]+3)/0.75)*0.75))
	}
	return rows, heights
}

// lineCount estimates how many lines text takes when wrapped in a column
// width (in digits of the default font), at scale times the default
// font's width.
func lineCount(text string, width, scale float64) int {
	room := width - 1 // the cell's own padding
	n := 0
	for _, para := range strings.Split(text, "\n") {
		n++
		used := 0.0
		for i, word := range strings.Fields(para) {
			w := runesWidth(word) * scale
			space := 0.0
			if i > 0 {
				space = 0.5 * scale
			}
			switch {
			case used == 0 && w <= room:
				used = w
			case used+space+w <= room:
				used += space + w
			case w <= room:
				n++
				used = w
			default:
				// A word wider than the column breaks between letters.
				if used > 0 {
					n++
				}
				n += int(math.Ceil(w/room)) - 1
				used = math.Mod(w, room)
			}
		}
	}
	return max(n, 1)
}

// runesWidth is the width of a word in digits of Times New Roman.
func runesWidth(word string) float64 {
	w := 0.0
	for _, r := range word {
		switch {
		case unicode.IsUpper(r):
			w += 1.35
		case unicode.IsDigit(r):
			w += 1
		case unicode.IsLetter(r):
			w += 0.92
		default:
			w += 0.7
		}
	}
	return w
}
