package xlsx

import (
	"fmt"
	"math"
	"strings"

	"github.com/hoinghi/hoinghi/report/excel"

	"github.com/xuri/excelize/v2"
)

// Page margins of a list in millimetres (§8 of the layout reference): the
// decree's 30 mm binding margin is not required for an attendance list.
const (
	marginTop    = 15
	marginBottom = 15
	marginLeft   = 20
	marginRight  = 10
	marginHF     = 7 // header and footer distance from the edge
	mmPerInch    = 25.4
)

// paperA4 is the paperSize code of A4 in SpreadsheetML.
const paperA4 = 9

// pageFooter numbers the printed pages in the document font: "Trang 2/5".
// Printing one sheet numbers its own pages; printing the whole workbook
// numbers all of them in one run, in Excel as in LibreOffice, so that the
// page and the total agree either way.
const pageFooter = `&C&"` + fontName + `,Regular"&13Trang &P/&N`

// Row heights in points. A delegate's row leaves room for a signature;
// spacer rows separate the title block from the table.
const (
	signRowHeight = 30
	spacerHeight  = 6
	cellPadding   = 4
)

// setupPage prints the sheet on A4, all columns on one page width, with
// page numbers in the footer. The stream that writes the sheet takes these
// settings from the sheet as it stands, so they come first.
func setupPage(f *excelize.File, sheet string, landscape bool) error {
	fit, rowHeight := true, height(1, fontSize)
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit, DefaultRowHeight: &rowHeight}); err != nil {
		return fmt.Errorf("fitting to the page: %w", err)
	}
	size, orientation, wide, tall := paperA4, "portrait", 1, 0
	if landscape {
		orientation = "landscape"
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orientation, FitToWidth: &wide, FitToHeight: &tall,
	}); err != nil {
		return fmt.Errorf("setting the page layout: %w", err)
	}
	inch := func(mm float64) *float64 { v := mm / mmPerInch; return &v }
	centred := true
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Top: inch(marginTop), Bottom: inch(marginBottom), Left: inch(marginLeft), Right: inch(marginRight),
		Header: inch(marginHF), Footer: inch(marginHF), Horizontally: &centred,
	}); err != nil {
		return fmt.Errorf("setting the margins: %w", err)
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: pageFooter}); err != nil {
		return fmt.Errorf("setting the footer: %w", err)
	}
	return nil
}

// printTitles repeats rows 1 to last at the top of every printed page.
func printTitles(f *excelize.File, sheet string, last int) error {
	if err := f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("%s!$1:$%d", quoteSheet(sheet), last),
		Scope:    sheet,
	}); err != nil {
		return fmt.Errorf("repeating the title rows: %w", err)
	}
	return nil
}

// quoteSheet writes a sheet name as formulas refer to it.
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// A4 in millimetres, and the share of a page the list fills: row heights
// are whole screen pixels already, and the rest is for printers that round
// differently.
const (
	paperLong  = 297
	paperShort = 210
	pageFill   = 0.98
)

// pageHeight is the height in points between the top and bottom margins.
func pageHeight(landscape bool) float64 {
	long := paperLong
	if landscape {
		long = paperShort
	}
	return float64(long-marginTop-marginBottom) / mmPerInch * 72
}

// row is one row of a sheet, held until the sheet is written.
type row struct {
	cells  []any
	height float64 // points
	merge  int     // the first cell spans this many columns, if over 1
	keep   bool    // print on the same page as the next row
}

// table collects the rows of one sheet and then streams them: a stream
// writes a formula and its value into one cell, which the cell-by-cell API
// cannot, but it wants the panes and page breaks before the rows, which
// are known only once every row is.
type table struct {
	f         *excelize.File
	sheet     string
	landscape bool
	widths    []float64 // column widths in digits of the default font
	rows      []row
	header    int  // the table's header row, 0 until written
	freeze    bool // keep the title block and header on screen
	paginate  bool // break pages so that no kept row ends a page
}

// newTable starts a sheet whose columns have the given widths.
func newTable(f *excelize.File, sheet string, landscape bool, widths []float64) (*table, error) {
	if err := setupPage(f, sheet, landscape); err != nil {
		return nil, err
	}
	return &table{f: f, sheet: sheet, landscape: landscape, widths: widths}, nil
}

// add appends a row of the given height in points. A blank text becomes an
// empty cell, as a clerk's empty cell is: an empty string is still text,
// which COUNTA counts.
func (t *table) add(height float64, cells ...any) {
	for i, c := range cells {
		if c, ok := c.(excelize.Cell); ok && c.Formula == "" && c.Value == "" {
			c.Value = nil
			cells[i] = c
		}
	}
	t.rows = append(t.rows, row{cells: cells, height: height})
}

// span appends a row whose first cell is merged over the first cols
// columns, tall enough for its text at size points; the other cells get the
// style too, so that a bordered span is bordered all round. Extra cells
// follow the span, unmerged.
func (t *table) span(cols int, c excelize.Cell, size float64, bold bool, extra ...any) {
	cells := make([]any, 0, cols+len(extra))
	cells = append(cells, c)
	for range cols - 1 {
		cells = append(cells, excelize.Cell{StyleID: c.StyleID})
	}
	text, _ := c.Value.(string)
	t.add(height(lines(text, t.width(cols), size, bold), size), append(cells, extra...)...)
	t.rows[len(t.rows)-1].merge = cols
}

// titled opens a sheet of its own with its title and the meeting's, a
// spacer, and the header row.
func (t *table) titled(st *styles, title, meeting string, header []string) {
	t.span(len(header), excelize.Cell{StyleID: st.title, Value: title}, titleSize, true)
	t.span(len(header), excelize.Cell{StyleID: st.subtitle, Value: meeting}, fontSize, true)
	t.add(spacerHeight)
	t.head(st.header, header)
}

// head appends the table's header row, which is repeated on every printed
// page below the title block.
func (t *table) head(style int, names []string) {
	cells := make([]any, len(names))
	for i, h := range names {
		cells[i] = excelize.Cell{StyleID: style, Value: h}
	}
	t.add(t.fit(0, true, names...), cells...)
	t.header = len(t.rows)
}

// keep keeps the last row on the page of the row that follows it.
func (t *table) keep() { t.rows[len(t.rows)-1].keep = true }

// last is the number of the last row added.
func (t *table) last() int { return len(t.rows) }

// write streams the sheet.
func (t *table) write() error {
	sw, err := t.f.NewStreamWriter(t.sheet)
	if err != nil {
		return fmt.Errorf("starting the sheet: %w", err)
	}
	for i, w := range t.widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return fmt.Errorf("setting the width of column %d: %w", i+1, err)
		}
	}
	if t.freeze {
		below := fmt.Sprintf("A%d", t.header+1)
		if err := sw.SetPanes(&excelize.Panes{
			Freeze: true, YSplit: t.header, TopLeftCell: below, ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: below, ActiveCell: below, Pane: "bottomLeft"}},
		}); err != nil {
			return fmt.Errorf("freezing the header: %w", err)
		}
	}
	for i, r := range t.rows {
		ref := fmt.Sprintf("A%d", i+1)
		if err := sw.SetRow(ref, r.cells, excelize.RowOpts{Height: r.height}); err != nil {
			return fmt.Errorf("writing row %d: %w", i+1, err)
		}
		if r.merge > 1 {
			end, err := excelize.CoordinatesToCellName(r.merge, i+1)
			if err != nil {
				return err
			}
			if err := sw.MergeCell(ref, end); err != nil {
				return fmt.Errorf("merging %s:%s: %w", ref, end, err)
			}
		}
	}
	if t.paginate {
		for _, b := range t.breaks() {
			if err := sw.InsertPageBreak(fmt.Sprintf("A%d", b)); err != nil {
				return fmt.Errorf("breaking the page before row %d: %w", b, err)
			}
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("finishing the sheet: %w", err)
	}
	if t.header == 0 {
		return nil
	}
	return printTitles(t.f, t.sheet, t.header)
}

// breaks returns the rows that start a new printed page, counting the
// title block and header that repeat on each: a row kept with the next one
// (a unit's heading, the last delegate before the total) moves to the next
// page with it rather than end a page alone.
func (t *table) breaks() []int {
	room := pageHeight(t.landscape) * pageFill
	for _, r := range t.rows[:t.header] {
		room -= r.height
	}
	var out []int
	used := 0.0
	for i := t.header; i < len(t.rows); i++ {
		need := 0.0
		for _, r := range t.rows[i:] {
			need += r.height
			if !r.keep {
				break
			}
		}
		if used > 0 && used+need > room {
			out = append(out, i+1)
			used = 0
		}
		used += t.rows[i].height
	}
	return out
}

// width is the total width of the first cols columns.
func (t *table) width(cols int) float64 {
	w := 0.0
	for _, x := range t.widths[:cols] {
		w += x
	}
	return w
}

// fit returns the height of a row whose cells hold texts, one per column
// from the first, at the body size: the tallest wrapped cell, and at least
// minHeight.
func (t *table) fit(minHeight float64, bold bool, texts ...string) float64 {
	n := 1
	for i, s := range texts {
		n = max(n, lines(s, t.widths[i], fontSize, bold))
	}
	return max(minHeight, height(n, fontSize))
}

// maxRowHeight is the tallest row Excel allows, in points. A cell with
// more text than that shows its start; the full text stays in the cell.
const maxRowHeight = 409

// height is the height in points of n lines of text at size points, in
// whole pixels of a 96 dpi screen (0.75 pt), as Excel rounds row heights:
// the page breaks count the heights Excel prints.
func height(n int, size float64) float64 {
	return min(maxRowHeight, math.Ceil((float64(n)*size*1.25+cellPadding)/0.75)*0.75)
}

// lines estimates how many lines text takes in a column width (in digits
// of the 13 pt default font) at size points.
func lines(text string, width, size float64, bold bool) int {
	scale := size / fontSize
	if bold {
		scale *= 1.1
	}
	return excel.Lines(text, width, 0.8, scale)
}
