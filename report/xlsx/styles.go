package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// The font of Decree 30 documents, at the size practice uses for lists.
const (
	fontName  = "Times New Roman"
	fontSize  = 13
	titleSize = 14
)

// styles are the cell formats of the workbook, registered once.
type styles struct {
	parent   int // parent agency: upper case, regular, centred
	agency   int // issuing agency: upper case, bold, centred
	title    int // document title: 14 bold, centred
	subtitle int // meeting title: bold, centred
	line     int // time and place: italic, centred
	header   int // table header: bold, centred, bordered
	group    int // group row: bold, left, bordered
	text     int // table text: left, bordered
	center   int // STT, markers, numbers: centred, bordered
	date     int // deadline: dd/mm/yyyy, centred, bordered
	sum      int // total row of a table: bold, centred, bordered
	sumText  int // total row label: bold, left, bordered
	total    int // the "Tổng số" line under the list: bold, no border
}

func newStyles(f *excelize.File) (*styles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1},
		{Type: "right", Color: "000000", Style: 1},
		{Type: "bottom", Color: "000000", Style: 1},
	}
	dateFormat := "dd/mm/yyyy"
	type spec struct {
		dst          *int
		size         float64
		bold, italic bool
		align        string
		boxed        bool
		numFmt       *string
	}
	var s styles
	for _, sp := range []spec{
		{dst: &s.parent, align: "center"},
		{dst: &s.agency, bold: true, align: "center"},
		{dst: &s.title, size: titleSize, bold: true, align: "center"},
		{dst: &s.subtitle, bold: true, align: "center"},
		{dst: &s.line, italic: true, align: "center"},
		{dst: &s.header, bold: true, align: "center", boxed: true},
		{dst: &s.group, bold: true, align: "left", boxed: true},
		{dst: &s.text, align: "left", boxed: true},
		{dst: &s.center, align: "center", boxed: true},
		{dst: &s.date, align: "center", boxed: true, numFmt: &dateFormat},
		{dst: &s.sum, bold: true, align: "center", boxed: true},
		{dst: &s.sumText, bold: true, align: "left", boxed: true},
		{dst: &s.total, bold: true, align: "left"},
	} {
		size := sp.size
		if size == 0 {
			size = fontSize
		}
		st := &excelize.Style{
			Font:         &excelize.Font{Family: fontName, Size: size, Bold: sp.bold, Italic: sp.italic, Color: "000000"},
			Alignment:    &excelize.Alignment{Horizontal: sp.align, Vertical: "center", WrapText: true},
			CustomNumFmt: sp.numFmt,
		}
		if sp.boxed {
			st.Border = border
		}
		id, err := f.NewStyle(st)
		if err != nil {
			return nil, fmt.Errorf("xlsx: adding a cell style: %w", err)
		}
		*sp.dst = id
	}
	return &s, nil
}
