package workbook

import (
	"fmt"
	"io"
	"reflect"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/excel"

	"github.com/hoinghi/hoinghi/report/meeting"
	"github.com/hoinghi/hoinghi/report/when"
	"github.com/xuri/excelize/v2"
)

// The font of Decree 30 documents, at a size that shows a long paragraph
// without scrolling.
const (
	fontName  = "Times New Roman"
	fontSize  = 12
	titleSize = 14
)

// lastRow is the last row of a sheet. Drop-down lists and prompts cover a
// column down to it, so that the rows a clerk adds have them too; a save
// by LibreOffice keeps them to a thousand rows below the last one filled.
const lastRow = 1048576

// Write returns the workbook of m as the bytes of an .xlsx file: the
// guide, the labelled fields and one sheet per list, filled from m. A nil
// or empty meeting gives the blank workbook a clerk starts from. The same
// meeting always gives the same bytes. A text longer than a cell of
// Excel holds (excel.MaxCellText) is not cut: Write returns a diag.List
// naming each such field and its cell, and no workbook.
func Write(m *meeting.Meeting) ([]byte, error) {
	if m == nil {
		m = &meeting.Meeting{}
	}
	start, _ := m.Info.Start.Known()
	stamp := when.Stamp(when.Date{}, start, nil)
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return newPartZip(w, stamp) })
	w := &writer{f: f, widths: map[string]map[int]float64{}, fits: fits{}}
	w.setup()
	mv := reflect.ValueOf(m).Elem()
	w.guide()
	w.info(mv)
	for _, t := range tables {
		w.table(t, fieldOf(mv, t.path))
	}
	w.results(m.Results.Table)
	w.props(m, stamp)
	w.heights()
	if w.long != nil {
		return nil, w.long
	}
	if w.err != nil {
		return nil, fmt.Errorf("workbook: %w", w.err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, fmt.Errorf("workbook: writing the workbook: %w", err)
	}
	return buf.Bytes(), nil
}

// writer fills one workbook. It keeps the first error and does nothing
// after it, so that the layout code reads as the layout.
type writer struct {
	f      *excelize.File
	st     styles
	widths map[string]map[int]float64 // sheet → column → width
	fits   fits
	long   diag.List // texts over what a cell holds, which excelize would cut
	err    error
}

// holds checks that the text of the field at path fits in its cell; one
// that does not is a problem at that cell, since excelize would cut it.
func (w *writer) holds(sheet string, col, row int, path, text string) {
	if msg, long := excel.TooLong(text); long {
		w.long = append(w.long, diag.Problem{Cell: place{sheet, col, row}.String(), Path: path, Msg: msg})
	}
}

func (w *writer) check(err error, what string, args ...any) {
	if err != nil && w.err == nil {
		w.err = fmt.Errorf("%s: %w", fmt.Sprintf(what, args...), err)
	}
}

// setup adds the sheets in order, the styles and the default font.
func (w *writer) setup() {
	w.check(w.f.SetSheetName("Sheet1", sheetOrder[0]), "naming the first sheet")
	for _, name := range sheetOrder[1:] {
		_, err := w.f.NewSheet(name)
		w.check(err, "adding sheet %s", name)
	}
	w.f.SetActiveSheet(0)
	w.check(excel.SetDefaultFont(w.f, fontName, fontSize), "setting the default font")
	if w.err == nil {
		w.st, w.err = newStyles(w.f)
	}
	// Every value of this workbook that looks like a number is text on
	// purpose ("05", "1.032"); Excel's green marks would only worry the
	// clerk.
	for _, name := range sheetOrder[1:] {
		w.check(w.f.AddIgnoredErrors(name, "A1:XFD1048576", excelize.IgnoredErrorsNumberStoredAsText), "sheet %s", name)
	}
}

// styles are the cell formats of the workbook.
type styles struct {
	header, requiredHeader int // table headers; orange for a required field
	text                   int // wrapped text
	plain                  int // short text kept as typed ("@")
	date, dateTime         int
	number                 int // STT
	label, requiredLabel   int // labels of Thông tin
	section                int // a group of labels
	hint                   int // how to fill a field
	title, term, prose     int // the guide
	looks                  map[int]look
}

const (
	colourHeader   = "DDEBF7" // light blue
	colourRequired = "FCE4D6" // light orange
	colourSection  = "EDEDED"
	colourBorder   = "BFBFBF"
	colourHint     = "595959"
)

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	border := []excelize.Border{
		{Type: "left", Color: colourBorder, Style: 1},
		{Type: "top", Color: colourBorder, Style: 1},
		{Type: "right", Color: colourBorder, Style: 1},
		{Type: "bottom", Color: colourBorder, Style: 1},
	}
	fill := func(colour string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}}
	}
	font := func(bold, italic bool, size float64, colour string) *excelize.Font {
		return &excelize.Font{Family: fontName, Size: size, Bold: bold, Italic: italic, Color: colour}
	}
	top := func(horizontal string) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: horizontal, Vertical: "top", WrapText: true}
	}
	dateFmt, dateTimeFmt := "dd/mm/yyyy", "dd/mm/yyyy hh:mm"
	const textFmt = 49 // "@"
	s.looks = map[int]look{}
	for _, sp := range []struct {
		dst   *int
		style excelize.Style
	}{
		{&s.header, excelize.Style{Font: font(true, false, fontSize, "000000"), Fill: fill(colourHeader), Border: border,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&s.requiredHeader, excelize.Style{Font: font(true, false, fontSize, "000000"), Fill: fill(colourRequired), Border: border,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&s.text, excelize.Style{Border: border, Alignment: top("left")}},
		{&s.plain, excelize.Style{Border: border, Alignment: top("left"), NumFmt: textFmt}},
		{&s.date, excelize.Style{Border: border, Alignment: top("left"), CustomNumFmt: &dateFmt}},
		{&s.dateTime, excelize.Style{Border: border, Alignment: top("left"), CustomNumFmt: &dateTimeFmt}},
		{&s.number, excelize.Style{Border: border, Alignment: top("center")}},
		{&s.label, excelize.Style{Font: font(true, false, fontSize, "000000"), Border: border, Alignment: top("left")}},
		{&s.requiredLabel, excelize.Style{Font: font(true, false, fontSize, "000000"), Fill: fill(colourRequired), Border: border, Alignment: top("left")}},
		// A section title runs on over the empty cells beside it.
		{&s.section, excelize.Style{Font: font(true, false, fontSize, "000000"), Fill: fill(colourSection), Border: border,
			Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&s.hint, excelize.Style{Font: font(false, true, fontSize-1, colourHint), Border: border, Alignment: top("left")}},
		{&s.title, excelize.Style{Font: font(true, false, titleSize, "000000"), Alignment: &excelize.Alignment{Vertical: "center"}}},
		{&s.term, excelize.Style{Font: font(true, false, fontSize, "000000"), Alignment: top("left")}},
		{&s.prose, excelize.Style{Alignment: top("left")}},
	} {
		id, err := f.NewStyle(&sp.style)
		if err != nil {
			return s, fmt.Errorf("adding a cell style: %w", err)
		}
		*sp.dst = id
		l := look{size: fontSize, wrap: sp.style.Alignment != nil && sp.style.Alignment.WrapText}
		if sp.style.Font != nil {
			l.size, l.bold = sp.style.Font.Size, sp.style.Font.Bold
		}
		s.looks[id] = l
	}
	return s, nil
}

// cell names the cell at a 1-based column and row.
func cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row) // both are in range here
	return name
}

// colName is the letter of a 1-based column.
func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col) // in range here
	return name
}

// set writes a value in a styled cell; a nil value styles the cell only.
func (w *writer) set(sheet string, col, row int, value any, style int) {
	if w.err != nil {
		return
	}
	ref := cell(col, row)
	switch v := value.(type) {
	case nil:
	case float64:
		// A time of day (serial): excelize would cut it to 15 digits,
		// below the minute.
		w.check(w.f.SetCellFloat(sheet, ref, v, 10, 64), "%s!%s", sheet, ref)
	default:
		w.check(w.f.SetCellValue(sheet, ref, value), "%s!%s", sheet, ref)
	}
	if text, ok := value.(string); ok {
		w.fits.note(sheet, row, text, w.widths[sheet][col], w.st.looks[style])
	}
	w.check(w.f.SetCellStyle(sheet, ref, ref, style), "%s!%s", sheet, ref)
}

// column sets the width and the style of a column; the style is what a
// clerk's new cells in it take.
func (w *writer) column(sheet string, col int, width float64, style int) {
	if w.err != nil {
		return
	}
	if w.widths[sheet] == nil {
		w.widths[sheet] = map[int]float64{}
	}
	w.widths[sheet][col] = width
	name := colName(col)
	w.check(w.f.SetColStyle(sheet, name, style), "styling column %s of %s", name, sheet)
	w.check(w.f.SetColWidth(sheet, name, name, width), "sizing column %s of %s", name, sheet)
}

// frame freezes the header row and prints the sheet on A4, as wide as
// the page, with the header row on every page.
func (w *writer) frame(sheet string) {
	if w.err != nil {
		return
	}
	w.check(w.f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}), "freezing the header of %s", sheet)
	w.page(sheet)
	w.check(w.f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: quoteSheet(sheet) + "!$1:$1", Scope: sheet,
	}), "repeating the header of %s", sheet)
}

// wideSheet is the width, in digits, over which a sheet prints across the
// page: a portrait page would shrink its text too much.
const wideSheet = 100

func (w *writer) page(sheet string) {
	total := 0.0
	for _, width := range w.widths[sheet] {
		total += width
	}
	landscape := total > wideSheet
	fit := true
	w.check(w.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}), "fitting %s to the page", sheet)
	size, orientation, wide, tall := 9, "portrait", 1, 0 // 9 is A4
	if landscape {
		orientation = "landscape"
	}
	w.check(w.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orientation, FitToWidth: &wide, FitToHeight: &tall,
	}), "laying out the page of %s", sheet)
}

// quoteSheet writes a sheet name as formulas refer to it.
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// styleOf is the style of a column's cells, from the type of its field.
func (w *writer) styleOf(t reflect.Type, c column) int {
	switch {
	case t == dateType:
		return w.st.date
	case t == dateTimeType:
		return w.st.dateTime
	case c.text || t == periodType || t == cellType || t == countType:
		return w.st.plain
	}
	return w.st.text
}

// value writes the field v into a cell of the given style: dates and
// times as real dates, so that the clerk's Excel shows and sorts them as
// such; lists one item per line; yes/no as the words of ch. A date that
// is not one stays the text it is, for Read to report.
func (w *writer) value(sheet string, col, row int, path string, v reflect.Value, style int, ch *choice) {
	var value any
	switch v.Type() {
	case dateType:
		d := v.Interface().(meeting.Date)
		switch t, ok := d.Known(); {
		case ok && t.HasDay():
			value = excel.Serial(t.Time())
		case ok:
			value = t.String()
		case !d.IsZero():
			value = d.Raw
		}
	case dateTimeType:
		d := v.Interface().(meeting.DateTime)
		switch t, ok := d.Known(); {
		case ok && t.Session == when.NoSession && t.HasDay():
			value = excel.Serial(t.Time())
			if !t.Clock {
				style = w.st.date
			}
		case ok:
			value = t.String()
		case !d.IsZero():
			value = d.Raw
		}
	case periodType, cellType, countType:
		value = v.Field(0).String()
	case listType:
		value = strings.Join(v.Interface().([]string), "\n")
	default:
		switch v.Kind() {
		case reflect.Bool:
			value = ch.no
			if v.Bool() {
				value = ch.yes
			}
		case reflect.String:
			value = v.String()
		default:
			panic("workbook: no cell for " + v.Type().String())
		}
	}
	if value == "" {
		value = nil
	}
	if text, ok := value.(string); ok {
		w.holds(sheet, col, row, path, text)
	}
	w.set(sheet, col, row, value, style)
}

// info writes the Thông tin sheet: label, value and hint of every field,
// grouped in sections; a list of paragraphs takes a row per paragraph and
// spare rows to add more.
func (w *writer) info(m reflect.Value) {
	const sheet = sheetInfo
	w.column(sheet, 1, 30, w.st.label)
	w.column(sheet, 2, 90, w.st.text)
	w.column(sheet, 3, 44, w.st.hint)
	for i, h := range []string{"Mục", "Nội dung", "Cách ghi"} {
		w.set(sheet, i+1, 1, h, w.st.header)
	}
	row := 2
	for _, s := range sections {
		for col := 1; col <= 3; col++ {
			var title any
			if col == 1 {
				title = s.title
			}
			w.set(sheet, col, row, title, w.st.section)
		}
		row++
		for _, fl := range s.fields {
			label := w.st.label
			if fl.required {
				label = w.st.requiredLabel
			}
			v := fieldOf(m, fl.path)
			if !fl.block {
				w.set(sheet, 1, row, fl.label, label)
				w.value(sheet, 2, row, fl.path, v, w.styleOf(v.Type(), column{}), fl.choice)
				w.offerField(sheet, row, fl)
				w.set(sheet, 3, row, nilIfBlank(requiredText(fl.required)+fl.hint), w.st.hint)
				row++
				continue
			}
			items := v.Interface().([]string)
			for k := range max(blockRows, len(items)+blockSpare) {
				var text, labelText, hint any
				if k < len(items) {
					text = nilIfBlank(items[k])
					w.holds(sheet, 2, row, fmt.Sprintf("%s[%d]", fl.path, k), items[k])
				}
				if k == 0 {
					labelText, hint = fl.label, nilIfBlank(fl.hint)
				}
				w.set(sheet, 1, row, labelText, label)
				w.set(sheet, 2, row, text, w.st.text)
				w.set(sheet, 3, row, hint, w.st.hint)
				row++
			}
		}
	}
	w.frame(sheet)
}

func nilIfBlank(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// table writes a table sheet: the header, then one row per item.
func (w *writer) table(t table, items reflect.Value) {
	first := 1
	if t.numbered {
		w.column(t.sheet, 1, 6, w.st.number)
		w.set(t.sheet, 1, 1, numberHeader, w.st.header)
		first = 2
	}
	elem := items.Type().Elem()
	for i, c := range t.columns {
		col := first + i
		w.column(t.sheet, col, c.width, w.styleOf(fieldOf(reflect.New(elem).Elem(), c.field).Type(), c))
		header := w.st.header
		if c.required {
			header = w.st.requiredHeader
		}
		w.set(t.sheet, col, 1, c.header, header)
	}
	for r := range items.Len() {
		item, row := items.Index(r), r+2
		path := fmt.Sprintf("%s[%d]", t.path, r)
		if t.numbered {
			w.set(t.sheet, 1, row, r+1, w.st.number)
		}
		for i, c := range t.columns {
			v, p := fieldOf(item, c.field), path
			if c.field != "" {
				p += "." + c.field
			}
			w.value(t.sheet, first+i, row, p, v, w.styleOf(v.Type(), c), c.choice)
		}
	}
	for i, c := range t.columns {
		w.offer(t.sheet, first+i, c)
	}
	if t.sheet == sheetUnits {
		// The attendees' drop-down offers the units listed, however many
		// the clerk adds: the range grows with the filled cells.
		ref := quoteSheet(sheetUnits) + "!$" + colName(first)
		w.check(w.f.SetDefinedName(&excelize.DefinedName{
			Name:     unitsName,
			RefersTo: fmt.Sprintf("OFFSET(%s$2,0,0,MAX(1,COUNTA(%s:$%s)-1),1)", ref, ref, colName(first)),
		}), "naming the list of units")
	}
	w.frame(t.sheet)
}

// offer adds a column's drop-down list and prompt, if any.
func (w *writer) offer(sheet string, col int, c column) {
	if w.err != nil || c.choice == nil && c.list == nil && c.listName == "" && c.prompt == "" {
		return
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("%s2:%s%d", colName(col), colName(col), lastRow)
	switch {
	case c.choice != nil:
		w.check(dv.SetDropList([]string{c.choice.no, c.choice.yes}), "listing %s", c.header)
		dv.SetError(excelize.DataValidationErrorStyleStop, c.header,
			fmt.Sprintf("Chọn %s hoặc %s; để trống là %s.", c.choice.no, c.choice.yes, c.choice.no))
	case c.list != nil:
		w.check(dv.SetDropList(c.list), "listing %s", c.header)
	case c.listName != "":
		dv.SetSqrefDropList(c.listName)
	}
	switch {
	case c.open:
		dv.SetError(excelize.DataValidationErrorStyleInformation, c.header, c.openNote)
	case c.list != nil:
		dv.SetError(excelize.DataValidationErrorStyleStop, c.header, "Chọn một giá trị trong danh sách: "+strings.Join(c.list, ", ")+".")
	}
	if c.prompt != "" {
		dv.SetInput(c.header, c.prompt)
	}
	w.check(w.f.AddDataValidation(sheet, dv), "adding the list of %s", c.header)
}

// offerField adds the drop-down of a field of the Thông tin sheet, if
// it has one: its choices, or its codes with their meanings in the hint.
func (w *writer) offerField(sheet string, row int, fl field) {
	if w.err != nil || fl.choice == nil && fl.list == nil {
		return
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("B%d", row)
	list := fl.list
	if fl.choice != nil {
		list = []string{fl.choice.no, fl.choice.yes}
	}
	w.check(dv.SetDropList(list), "listing %s", fl.label)
	if fl.open {
		dv.SetError(excelize.DataValidationErrorStyleInformation, fl.label, "Giá trị này không có trong danh sách: hoinghi dùng nó làm tên gọi riêng.")
	} else {
		dv.SetError(excelize.DataValidationErrorStyleStop, fl.label, "Chọn một giá trị trong danh sách: "+strings.Join(list, ", ")+".")
	}
	w.check(w.f.AddDataValidation(sheet, dv), "adding the list of %s", fl.label)
}

// results writes the Kết quả sheet: the clerk's column names in row 1,
// then the rows, every cell text as it should print.
func (w *writer) results(t meeting.Table) {
	const sheet = sheetResults
	cols := max(resultsColumns, len(t.Columns))
	for col := 1; col <= cols; col++ {
		width := 12.0
		if col <= len(t.Columns) {
			width = fitWidth(t, col-1)
		}
		w.column(sheet, col, width, w.st.plain)
		var name any
		if col <= len(t.Columns) {
			name = nilIfBlank(t.Columns[col-1])
			w.holds(sheet, col, 1, fmt.Sprintf("%s.columns[%d]", resultsPath, col-1), t.Columns[col-1])
		}
		w.set(sheet, col, 1, name, w.st.header)
	}
	for r, cells := range t.Rows {
		for c, v := range cells {
			w.holds(sheet, c+1, r+2, fmt.Sprintf("%s.rows[%d][%d]", resultsPath, r, c), v.Raw)
			w.set(sheet, c+1, r+2, nilIfBlank(v.Raw), w.st.plain)
		}
	}
	if w.err == nil {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("A1:%s1", colName(cols))
		dv.SetInput("Tên cột", "Dòng 1 ghi tên các cột của bảng, như STT, Đơn vị, Tập thể được khen. Mỗi dòng dưới là một hàng của bảng, in đúng như đã ghi.")
		w.check(w.f.AddDataValidation(sheet, dv), "adding the prompt of the column names")
	}
	w.frame(sheet)
}

// fitWidth is a width for a column of the results table: its longest
// line, within bounds that keep the table on a landscape page.
func fitWidth(t meeting.Table, col int) float64 {
	longest := func(s string) int {
		n := 0
		for _, line := range strings.Split(s, "\n") {
			n = max(n, utf8.RuneCountInString(line))
		}
		return n
	}
	n := longest(t.Columns[col]) * 11 / 10 // the header is bold
	for _, r := range t.Rows {
		if col < len(r) {
			n = max(n, longest(r[col].Raw))
		}
	}
	return float64(min(max(n+2, 8), 36))
}

// heights gives the rows taller than a line the height of their text.
func (w *writer) heights() {
	for _, sheet := range sheetOrder {
		rows, heights := w.fits.heights(sheet)
		for i, row := range rows {
			w.check(w.f.SetRowHeight(sheet, row, heights[i]), "setting the height of row %d of %s", row, sheet)
		}
	}
}

// props writes the document properties that file managers show, stamped
// with the meeting's start so that the bytes depend on the meeting alone.
func (w *writer) props(m *meeting.Meeting, stamp time.Time) {
	if w.err != nil {
		return
	}
	when := stamp.Format(time.RFC3339)
	title := "Thông tin hội nghị"
	if s := strings.TrimSpace(m.Info.Title); s != "" {
		title += " - " + s
	}
	w.check(w.f.SetDocProps(&excelize.DocProperties{
		Title: title, Subject: m.Info.Title, Creator: "hoinghi", LastModifiedBy: "hoinghi",
		Language: "vi-VN", Created: when, Modified: when,
	}), "setting the document properties")
	w.check(w.f.SetAppProps(&excelize.AppProperties{Application: "hoinghi", Company: m.Issuer.Name}), "setting the application properties")
}
