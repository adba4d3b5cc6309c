package workbook

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/meeting"
	"github.com/hoinghi/hoinghi/report/when"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

// Read reads a workbook made by Write, as a clerk filled it in with Excel
// or LibreOffice, into a meeting, and validates the meeting as
// meeting.Parse validates a YAML file with opt. Invalid content gives
// diag.List, every one at once, each naming the sheet and cell it is
// in, the field path of the YAML file, and what was expected.
//
// Text is normalized to NFC and trimmed. Dates may be date cells or text
// (28/07/2023, 2023-07-28) and are returned as 2023-07-28, date and times
// as 2023-07-28 08:00. A number typed as text stays as written; a number
// cell is written as a Vietnamese document prints it (1.032, 95,5).
// Sheets and columns a clerk adds are ignored; rows left blank are
// skipped.
func Read(name string, data []byte, opt meeting.Options) (*meeting.Meeting, error) {
	if ps := checkZip(name, data); ps != nil {
		return nil, ps
	}
	// Every part stays in memory, within the limits checkZip enforced,
	// so that excelize writes no temporary file.
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxTotalSize, UnzipXMLSizeLimit: maxTotalSize})
	if err != nil {
		return nil, diag.List{{File: name, Msg: lang.M("not an Excel workbook (.xlsx): %s", err.Error())}}
	}
	defer f.Close()
	r := &reader{f: f, formats: map[int]string{}, cells: map[string]place{}}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		r.date1904 = *props.Date1904
	}

	var m meeting.Meeting
	mv := reflect.ValueOf(&m).Elem()
	r.info(mv)
	for _, t := range tables {
		r.table(t, mv)
	}
	r.results(&m.Results.Table)
	if !r.broken {
		for _, p := range validate(&m, opt) {
			r.problems = append(r.problems, located{at: r.locate(p.Path), p: p})
		}
	}
	if len(r.problems) == 0 {
		return &m, nil
	}
	slices.SortStableFunc(r.problems, func(a, b located) int { return a.at.compare(b.at) })
	ps := make(diag.List, len(r.problems))
	for i, l := range r.problems {
		ps[i] = l.problem(name)
	}
	return nil, ps
}

// place is a cell of the workbook, or a whole sheet when row is 0.
type place struct {
	sheet    string
	col, row int
}

// String names the place as a spreadsheet does: Đại biểu!C14.
func (p place) String() string {
	if p.row == 0 {
		return p.sheet
	}
	return p.sheet + "!" + cell(p.col, p.row)
}

// compare orders places as a clerk goes through the workbook: sheet by
// sheet, row by row.
func (p place) compare(q place) int {
	if c := slices.Index(sheetOrder, p.sheet) - slices.Index(sheetOrder, q.sheet); c != 0 {
		return c
	}
	if p.row != q.row {
		return p.row - q.row
	}
	return p.col - q.col
}

// located is a problem and the place it is at.
type located struct {
	at place
	p  diag.Problem
}

// problem returns the problem with its file and cell, as the CLI prints
// it:
//
//	hop.xlsx: Đại biểu!B14: meeting.attendees[12].name: thiếu họ và tên đại biểu
func (l located) problem(file string) diag.Problem {
	p := l.p
	p.File, p.Cell = file, l.at.String()
	return p
}

// reader reads one workbook, collecting problems and the place of every
// field path it fills.
type reader struct {
	f        *excelize.File
	date1904 bool
	formats  map[int]string // number format code by style
	problems []located
	cells    map[string]place
	broken   bool // a sheet could not be read: the meeting is not whole
}

func (r *reader) bad(at place, path string, key string, args ...any) {
	r.problems = append(r.problems, located{at: at, p: diag.Problem{Path: path, Msg: lang.M(key, args...)}})
}

// at records where the field at path is.
func (r *reader) at(path string, p place) {
	if _, seen := r.cells[path]; !seen {
		r.cells[path] = p
	}
}

// locate returns the place of a field path or, for a field with no cell
// (a line of a list in one cell, a label the clerk deleted), the place of
// its nearest ancestor that has one.
func (r *reader) locate(path string) place {
	for p := path; ; {
		if at, ok := r.cells[p]; ok {
			return at
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			return place{sheet: sheetInfo}
		}
		p = p[:i]
	}
}

// rows returns the raw text of a sheet's cells, row by row, reading the
// sheet once; ok is false when the sheet is missing, damaged or over the
// limits, which is reported at path.
func (r *reader) rows(sheet, path string) (rows [][]string, ok bool) {
	it, err := r.f.Rows(sheet)
	var missing excelize.ErrSheetNotExist
	switch {
	case errors.As(err, &missing):
		r.bad(place{sheet: sheet}, path, "missing sheet %s: keep the sheets of the blank workbook and their names", sheet)
		return nil, false
	case err != nil:
		r.damaged(sheet, path, err)
		return nil, false
	}
	defer it.Close()
	written, cells := 0, 0
	for it.Next() {
		if len(rows) == maxRows {
			r.broken = true
			r.bad(place{sheet: sheet}, path, "the sheet %s has more than %d rows: a workbook of hoinghi holds at most %d rows a sheet", sheet, maxRows, maxRows)
			return nil, false
		}
		row, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			r.damaged(sheet, path, err)
			return nil, false
		}
		if cells += len(row); cells > maxCells {
			r.broken = true
			r.bad(place{sheet: sheet}, path, "the sheet %s has more than %d cells: a workbook of hoinghi holds at most %d cells a sheet", sheet, maxCells, maxCells)
			return nil, false
		}
		rows = append(rows, row)
		if len(row) > 0 {
			written = len(rows)
		}
	}
	if err := it.Error(); err != nil {
		r.damaged(sheet, path, err)
		return nil, false
	}
	// The types and styles of the cells come from the sheet decoded
	// whole, once here, and kept by excelize for every cell after.
	if _, err := r.f.GetCellType(sheet, "A1"); err != nil {
		r.damaged(sheet, path, err)
		return nil, false
	}
	return rows[:written], true
}

// damaged reports a sheet that excelize cannot decode.
func (r *reader) damaged(sheet, path string, err error) {
	r.broken = true
	r.bad(place{sheet: sheet}, path, "the sheet %s is damaged (%s): open the workbook in Excel or LibreOffice and save it again", sheet, err.Error())
}

// value is what a cell holds: text, a number with its number format, or
// a moment (a number in a date format, or an ISO date cell).
type value struct {
	text   string
	number *float64
	format string
	moment *time.Time
	clock  bool // the moment's format shows the time of day
	day    bool // the moment's format shows the day, not only the month
}

func (v value) blank() bool { return v.text == "" && v.number == nil && v.moment == nil }

// when is what a moment cell shows.
func (v value) when() when.Moment { return when.Of(*v.moment, v.clock, v.day) }

// asText is the value as text: a number written as a Vietnamese document
// prints it, a moment as dd/mm/yyyy.
func (v value) asText() string {
	switch {
	case v.moment != nil:
		return v.when().Numeric()
	case v.number != nil:
		return numberText(*v.number, v.format)
	}
	return v.text
}

// get reads the cell at col and row (1-based) of a sheet read by rows.
func (r *reader) get(sheet string, rows [][]string, col, row int) value {
	if row > len(rows) || col > len(rows[row-1]) {
		return value{}
	}
	raw := rows[row-1][col-1]
	if raw == "" {
		return value{}
	}
	ref := cell(col, row)
	typ, err := r.f.GetCellType(sheet, ref)
	if err != nil {
		return value{text: clean(raw)}
	}
	switch typ {
	case excelize.CellTypeNumber, excelize.CellTypeUnset:
		n, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
		if err != nil {
			return value{text: clean(raw)}
		}
		format := r.format(sheet, ref)
		if code := sansLiterals(format); strings.ContainsAny(code, "dyh") {
			if t, err := excelize.ExcelDateToTime(n, r.date1904); err == nil {
				t = t.Round(time.Minute)
				return value{moment: &t, clock: strings.Contains(code, "h"), day: strings.Contains(code, "d")}
			}
		}
		return value{number: &n, format: format}
	case excelize.CellTypeDate:
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
			if t, err := time.Parse(layout, strings.TrimSpace(raw)); err == nil {
				t = t.Round(time.Minute)
				return value{moment: &t, clock: t.Hour() != 0 || t.Minute() != 0, day: true}
			}
		}
	case excelize.CellTypeBool:
		if raw == "1" {
			return value{text: "TRUE"}
		}
		return value{text: "FALSE"}
	}
	return value{text: clean(raw)}
}

// clean normalizes a cell's text: NFC, line ends as "\n", no surrounding
// space.
func clean(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(nfc(s), "\r\n", "\n"))
}

func nfc(s string) string { return norm.NFC.String(s) }

// builtinFormats are the codes of the built-in number formats that change
// how a number reads: grouping, decimals, percent, dates and times.
// Excel shows 14 in the system's short date form; any date form will do
// here, since only the presence of a date matters.
var builtinFormats = map[int]string{
	1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
	14: "dd/mm/yyyy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy",
	18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "dd/mm/yyyy hh:mm",
	37: "#,##0", 38: "#,##0", 39: "#,##0.00", 40: "#,##0.00",
	45: "mm:ss", 46: "[h]:mm:ss", 47: "mm:ss.0",
}

// format returns the number format code of a cell.
func (r *reader) format(sheet, ref string) string {
	id, err := r.f.GetCellStyle(sheet, ref)
	if err != nil {
		return ""
	}
	if code, ok := r.formats[id]; ok {
		return code
	}
	code := ""
	if st, err := r.f.GetStyle(id); err == nil {
		switch {
		case st.CustomNumFmt != nil:
			code = *st.CustomNumFmt
		case st.NumFmt >= 27 && st.NumFmt <= 36 || st.NumFmt >= 50 && st.NumFmt <= 58:
			code = "yyyy-mm-dd" // the East Asian date formats
		default:
			code = builtinFormats[st.NumFmt]
		}
	}
	r.formats[id] = code
	return code
}

// sansLiterals returns the first section of a number format, lower case,
// without its quoted text, escaped characters and bracketed colours or
// locales, so that what remains tells what it shows: "d" or "y" for a
// date, "h" for a time of day. An elapsed time ([h]:mm) is no date.
func sansLiterals(code string) string {
	var b strings.Builder
	quoted, bracket := false, false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case quoted:
			quoted = c != '"'
		case bracket:
			bracket = c != ']'
		case c == '"':
			quoted = true
		case c == '[':
			bracket = true
		case c == '\\' || c == '_' || c == '*':
			i++ // the next character is shown as it is, or is padding
		case c == ';':
			return b.String()
		default:
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
		}
	}
	return b.String()
}

// numberText writes a number cell as a Vietnamese document prints it: a
// decimal comma, a dot between thousands when the cell's format groups
// them, the format's decimals and percent sign. Reading the number as
// Excel shows it would follow the clerk's system locale, which the file
// does not record.
func numberText(n float64, format string) string {
	code := sansLiterals(format)
	percent := strings.Contains(code, "%")
	if percent {
		n *= 100
	}
	decimals := -1
	if i := strings.IndexByte(code, '.'); i >= 0 {
		decimals = 0
		for _, c := range code[i+1:] {
			if c != '0' && c != '#' && c != '?' {
				break
			}
			decimals++
		}
	}
	var s string
	if decimals < 0 {
		// Excel keeps 15 significant digits; more are noise of binary
		// fractions, as in 0.1+0.2.
		n, _ = strconv.ParseFloat(strconv.FormatFloat(n, 'g', 15, 64), 64)
		s = strconv.FormatFloat(n, 'f', -1, 64)
	} else {
		s = strconv.FormatFloat(n, 'f', decimals, 64)
	}
	whole, frac, _ := strings.Cut(s, ".")
	if strings.Contains(code, "#,#") || strings.Contains(code, "0,0") {
		whole = group(whole)
	}
	if frac != "" {
		whole += "," + frac
	}
	if percent {
		whole += "%"
	}
	return whole
}

// group puts a dot between thousands: 1234567 is 1.234.567.
func group(digits string) string {
	sign := ""
	if strings.HasPrefix(digits, "-") {
		sign, digits = "-", digits[1:]
	}
	var b strings.Builder
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return sign + b.String()
}

// into stores a cell's value in the field v of the model, converted to
// the field's type, at path; what cannot be stored is reported at p.
func (r *reader) into(v reflect.Value, c value, path string, p place, ch *choice) {
	switch v.Type() {
	case dateType:
		v.Set(reflect.ValueOf(meeting.Date{Raw: dateText(c, false)}))
	case dateTimeType:
		v.Set(reflect.ValueOf(meeting.DateTime{Raw: dateText(c, true)}))
	case periodType:
		raw := c.asText()
		if c.moment != nil {
			// Excel takes a typed 2023-07 for July 2023.
			raw = when.Of(*c.moment, false, false).Date.String()
		}
		v.Set(reflect.ValueOf(meeting.Period{Raw: raw}))
	case cellType:
		v.Set(reflect.ValueOf(meeting.Cell{Raw: c.asText()}))
	case countType:
		v.Set(reflect.ValueOf(meeting.Count{Raw: c.asText()}))
	case listType:
		v.Set(reflect.ValueOf(lines(c.asText())))
	default:
		switch v.Kind() {
		case reflect.Bool:
			yes, ok := ch.read(c.asText())
			if !ok {
				r.bad(p, path, "expected %s or %s, got %s", ch.no, ch.yes, c.asText())
			}
			v.SetBool(yes)
		case reflect.String:
			v.SetString(c.asText())
		default:
			panic("workbook: no cell for " + v.Type().String())
		}
	}
}

// read returns what a cell's word means; a blank is no.
func (ch *choice) read(s string) (yes, ok bool) {
	switch k := normalize(s); {
	case k == "" || k == normalize(ch.no):
		return false, true
	case k == normalize(ch.yes):
		return true, true
	default:
		for _, m := range ch.more {
			if k == normalize(m) {
				return true, true
			}
		}
	}
	return false, false
}

// dateText is a date cell as the model keeps it: the form package when
// writes of a date cell or of a text that is a date; any other text as
// written, for validation to report with its cell. A cell of a time
// alone (Excel's day zero, 30 December 1899) is kept as the time, which
// validation refuses for want of a date rather than print a day of 1899.
func dateText(c value, withClock bool) string {
	if c.moment != nil {
		m := c.when()
		if withClock || m.IsZero() {
			return m.String()
		}
		return m.Date.String()
	}
	raw := c.asText()
	if withClock {
		if m, err := when.ParseMoment(raw); err == nil {
			return m.String()
		}
		return raw
	}
	if d, err := when.ParseDate(raw); err == nil {
		return d.String()
	}
	return raw
}

// lines splits a cell holding one item per line; nil when it has none.
func lines(s string) []string {
	var items []string
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			items = append(items, line)
		}
	}
	return items
}

// info reads the Thông tin sheet: a label in column A names the field
// whose value is in column B; a list field takes the rows below its label
// down to the next label.
func (r *reader) info(m reflect.Value) {
	const sheet = sheetInfo
	rows, ok := r.rows(sheet, "")
	if !ok {
		return
	}
	labels, titles := map[string]*field{}, map[string]bool{}
	for _, s := range sections {
		titles[normalize(s.title)] = true
		for i := range s.fields {
			labels[normalize(s.fields[i].label)] = &s.fields[i]
		}
	}
	seen := map[*field]bool{}
	var block *field // the list field being read, if any
	var items []string
	for row := 2; row <= len(rows); row++ {
		label, v := r.get(sheet, rows, 1, row), r.get(sheet, rows, 2, row)
		if !label.blank() {
			block = nil
			key := normalize(label.asText())
			if titles[key] {
				continue
			}
			fl, known := labels[key]
			switch {
			case !known:
				r.bad(place{sheet, 1, row}, "", "unknown label %s: column A holds the labels of the blank workbook", label.asText())
				continue
			case seen[fl]:
				r.bad(place{sheet, 1, row}, fl.path, "the label %s is written twice: keep one", fl.label)
				continue
			}
			seen[fl] = true
			r.at(fl.path, place{sheet, 2, row})
			if !fl.block {
				r.into(fieldOf(m, fl.path), v, fl.path, place{sheet, 2, row}, fl.choice)
				continue
			}
			block, items = fl, nil
		}
		if v.blank() {
			continue
		}
		if block == nil {
			r.bad(place{sheet, 2, row}, "", "a value without a label: write the label of its field in column A")
			continue
		}
		r.at(fmt.Sprintf("%s[%d]", block.path, len(items)), place{sheet, 2, row})
		items = append(items, v.asText())
		fieldOf(m, block.path).Set(reflect.ValueOf(items))
	}
}

// table reads a table sheet: its header row locates the columns, so that a
// clerk may reorder them or add their own; each row with a value in a
// known column is an item.
func (r *reader) table(t table, m reflect.Value) {
	r.at(t.path, place{t.sheet, 1, 1})
	rows, ok := r.rows(t.sheet, t.path)
	if !ok {
		return
	}
	index := map[string]int{}
	if len(rows) > 0 {
		for i, h := range rows[0] {
			if k := normalize(h); k != "" {
				if _, dup := index[k]; !dup {
					index[k] = i + 1
				}
			}
		}
	}
	cols := make([]int, len(t.columns)) // 0: the column is missing
	for i, c := range t.columns {
		if cols[i] = index[normalize(c.header)]; cols[i] == 0 {
			r.bad(place{t.sheet, 1, 1}, t.path, "missing column %s in row 1: keep the columns of the blank workbook", c.header)
		}
	}
	list := fieldOf(m, t.path)
	for row := 2; row <= len(rows); row++ {
		values := make([]value, len(cols))
		blank := true
		for i, col := range cols {
			if col > 0 {
				values[i] = r.get(t.sheet, rows, col, row)
				blank = blank && values[i].blank()
			}
		}
		if blank {
			continue
		}
		item := reflect.New(list.Type().Elem()).Elem()
		path := fmt.Sprintf("%s[%d]", t.path, list.Len())
		r.at(path, place{t.sheet, max(cols[0], 1), row})
		for i, c := range t.columns {
			if cols[i] == 0 {
				continue
			}
			p, at := path, place{t.sheet, cols[i], row}
			if c.field != "" {
				p += "." + c.field
			}
			r.at(p, at)
			r.into(fieldOf(item, c.field), values[i], p, at, c.choice)
		}
		list.Set(reflect.Append(list, item))
	}
}

// results reads the Kết quả sheet: the column names in row 1, up to the
// last one written, and a row of cells per row below.
func (r *reader) results(t *meeting.Table) {
	const sheet = sheetResults
	r.at(resultsPath, place{sheet, 1, 1})
	rows, ok := r.rows(sheet, resultsPath)
	if !ok {
		return
	}
	// texts returns the texts of a row up to its last written cell.
	texts := func(row int) []string {
		var out []string
		if row <= len(rows) {
			for col := range rows[row-1] {
				out = append(out, r.get(sheet, rows, col+1, row).asText())
			}
		}
		for len(out) > 0 && out[len(out)-1] == "" {
			out = out[:len(out)-1]
		}
		return out
	}
	if names := texts(1); len(names) > 0 {
		t.Columns = names
	}
	for row := 2; row <= len(rows); row++ {
		cells := texts(row)
		if len(cells) == 0 {
			continue
		}
		if n := len(t.Columns); n > 0 && len(cells) > n {
			for col := n + 1; col <= len(cells); col++ {
				if cells[col-1] != "" {
					r.bad(place{sheet, col, row}, fmt.Sprintf("%s.rows[%d]", resultsPath, len(t.Rows)),
						"a cell outside the table: give its column a name in row 1")
				}
			}
			cells = cells[:n]
		}
		path := fmt.Sprintf("%s.rows[%d]", resultsPath, len(t.Rows))
		r.at(path, place{sheet, 1, row})
		out := make([]meeting.Cell, max(len(t.Columns), len(cells)))
		for i, s := range cells {
			out[i] = meeting.Cell{Raw: s}
			r.at(fmt.Sprintf("%s[%d]", path, i), place{sheet, i + 1, row})
		}
		t.Rows = append(t.Rows, out)
	}
	r.at(resultsPath+".columns", place{sheet, 1, 1})
}
