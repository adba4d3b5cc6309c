package workbook

import (
	"math"
	"slices"

	"github.com/hoinghi/hoinghi/report/excel"
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
		lines = excel.Lines(text, width, 1, scale)
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
