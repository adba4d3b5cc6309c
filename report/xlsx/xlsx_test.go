package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hoinghi/hoinghi/internal/testtool"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/excel"
	"github.com/hoinghi/hoinghi/report/meeting"
)

// The workbook is read back with archive/zip and encoding/xml, and with
// LibreOffice, never with excelize: a reader that shares the writer's
// mistakes would agree with them.

// Units of the test meeting, in protocol order.
const (
	unitTQ = "Sở Nội vụ tỉnh Tuyên Quang"
	unitHG = "Sở Nội vụ tỉnh Hà Giang"
	unitBK = "Sở Nội vụ tỉnh Bắc Kạn"
	unitX  = "Ban Thi đua - Khen thưởng tỉnh" // not a member unit
)

// testMeeting has every case the list must handle: a member unit nobody
// came from (Bắc Kạn), a unit not in the member list, delegates of no unit,
// absences with and without a note, a present delegate with a note, and
// given names whose Vietnamese order differs from their byte order.
func testMeeting() *meeting.Meeting {
	return &meeting.Meeting{
		Issuer: meeting.Issuer{Parent: "UBND tỉnh Tuyên Quang", Name: "Cụm thi đua các tỉnh miền núi phía Bắc"},
		Info: meeting.Info{
			Title: "Hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2023",
			Start: meeting.DateTime{Raw: "2023-07-28 08:00"},
			Venue: "Hội trường Sở Nội vụ tỉnh Tuyên Quang",
			Units: []string{unitTQ, unitHG, unitBK},
			Attendees: []meeting.Attendee{
				{Name: "Đặng Văn Đào", Position: "Phó Giám đốc Sở", Unit: unitTQ},
				{Name: "Vũ Văn Ưng", Position: "Giám đốc Sở", Unit: unitHG},
				{Name: "Nguyễn Thị Mai", Position: "Trưởng ban", Unit: unitX},
				{Name: "Lê Thị Ánh", Position: "Trưởng phòng", Unit: unitTQ, Absent: true},
				{Name: "Trần Thị Hà", Position: "Chuyên viên", Unit: unitTQ, Note: "Khách mời"},
				{Name: "Phạm Quốc Việt", Position: "Phó Trưởng ban Thi đua - Khen thưởng tỉnh"},
				{Name: "Bùi Văn Ăn", Position: "Chuyên viên", Unit: unitTQ, Absent: true, Note: "Vắng có lý do"},
				{Name: "Nguyễn Văn An", Position: "Giám đốc Sở", Unit: unitTQ},
				{Name: "Đỗ Thị An", Position: "Chuyên viên", Unit: unitTQ},
				{Name: "Hoàng Văn Bình", Position: "Phó Giám đốc Sở", Unit: unitHG, Absent: true},
			},
		},
		Tasks: []meeting.Task{
			{Content: "Tổ chức tổng kết công tác thi đua năm 2023", Lead: unitTQ, Support: []string{unitHG, unitBK}, Deadline: meeting.Date{Raw: "2023-12-15"}},
			{Content: "Gửi báo cáo sơ kết về Ban Thi đua - Khen thưởng", Lead: unitHG, Status: "Đang thực hiện"},
		},
	}
}

// The expected rows of the list, group by group.
var (
	protocolRows = []string{
		"I. " + unitTQ, "Đặng Văn Đào", "Lê Thị Ánh", "Trần Thị Hà", "Bùi Văn Ăn", "Nguyễn Văn An", "Đỗ Thị An",
		"II. " + unitHG, "Vũ Văn Ưng", "Hoàng Văn Bình",
		"III. " + unitX, "Nguyễn Thị Mai",
		"IV. Đại biểu khác", "Phạm Quốc Việt",
	}
	// By given name An < Ánh < Ăn < Đào < Hà, then family and middle
	// names (Đỗ Thị < Nguyễn Văn). Byte order would put Hà before Ánh and
	// Nguyễn before Đỗ.
	sortedRows = []string{
		"I. " + unitTQ, "Đỗ Thị An", "Nguyễn Văn An", "Lê Thị Ánh", "Bùi Văn Ăn", "Đặng Văn Đào", "Trần Thị Hà",
		"II. " + unitHG, "Hoàng Văn Bình", "Vũ Văn Ưng",
		"III. " + unitX, "Nguyễn Thị Mai",
		"IV. Đại biểu khác", "Phạm Quốc Việt",
	}
)

func render(t testing.TB, m *meeting.Meeting, opt Options) []byte {
	t.Helper()
	b, err := Attendance(m, opt)
	if err != nil {
		t.Fatalf("Attendance: %v", err)
	}
	return b
}

// --- an independent reader of the package ---

type book struct {
	parts  map[string][]byte
	sheets []string          // names in workbook order
	paths  map[string]string // sheet name → part name
	names  []definedName
	styles styleSheet
	shared []string
}

type definedName struct {
	Name  string `xml:"name,attr"`
	Local *int   `xml:"localSheetId,attr"`
	Value string `xml:",chardata"`
}

type styleSheet struct {
	NumFmts []struct {
		ID   int    `xml:"numFmtId,attr"`
		Code string `xml:"formatCode,attr"`
	} `xml:"numFmts>numFmt"`
	Fonts []struct {
		Name   attrVal  `xml:"name"`
		Size   attrVal  `xml:"sz"`
		Bold   *attrVal `xml:"b"`
		Italic *attrVal `xml:"i"`
		Scheme *attrVal `xml:"scheme"`
	} `xml:"fonts>font"`
	Borders []struct {
		Left   borderSide `xml:"left"`
		Right  borderSide `xml:"right"`
		Top    borderSide `xml:"top"`
		Bottom borderSide `xml:"bottom"`
	} `xml:"borders>border"`
	Xfs []struct {
		NumFmt int `xml:"numFmtId,attr"`
		Font   int `xml:"fontId,attr"`
		Border int `xml:"borderId,attr"`
		Align  struct {
			Horizontal string `xml:"horizontal,attr"`
			Wrap       string `xml:"wrapText,attr"`
		} `xml:"alignment"`
	} `xml:"cellXfs>xf"`
}

type attrVal struct {
	Val string `xml:"val,attr"`
}

type borderSide struct {
	Style string `xml:"style,attr"`
}

type worksheet struct {
	FitToPage struct {
		Value string `xml:"fitToPage,attr"`
	} `xml:"sheetPr>pageSetUpPr"`
	Pane struct {
		State   string `xml:"state,attr"`
		YSplit  int    `xml:"ySplit,attr"`
		TopLeft string `xml:"topLeftCell,attr"`
	} `xml:"sheetViews>sheetView>pane"`
	Cols []struct {
		Min   int     `xml:"min,attr"`
		Max   int     `xml:"max,attr"`
		Width float64 `xml:"width,attr"`
	} `xml:"cols>col"`
	Rows []struct {
		R      int     `xml:"r,attr"`
		Height float64 `xml:"ht,attr"`
		Cells  []cell  `xml:"c"`
	} `xml:"sheetData>row"`
	Merges []struct {
		Ref string `xml:"ref,attr"`
	} `xml:"mergeCells>mergeCell"`
	Margins struct {
		Left   float64 `xml:"left,attr"`
		Right  float64 `xml:"right,attr"`
		Top    float64 `xml:"top,attr"`
		Bottom float64 `xml:"bottom,attr"`
	} `xml:"pageMargins"`
	Page struct {
		Paper       string `xml:"paperSize,attr"`
		Orientation string `xml:"orientation,attr"`
		FitToWidth  string `xml:"fitToWidth,attr"`
		FitToHeight string `xml:"fitToHeight,attr"`
	} `xml:"pageSetup"`
	Footer      string `xml:"headerFooter>oddFooter"`
	Validations []struct {
		Type     string `xml:"type,attr"`
		Sqref    string `xml:"sqref,attr"`
		Formula1 string `xml:"formula1"`
	} `xml:"dataValidations>dataValidation"`
}

type cell struct {
	Ref     string `xml:"r,attr"`
	Style   int    `xml:"s,attr"`
	Type    string `xml:"t,attr"`
	Formula string `xml:"f"`
	Value   string `xml:"v"`
	Inline  string `xml:"is>t"`
}

func openBook(t testing.TB, b []byte) *book {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a zip archive: %v", err)
	}
	bk := &book{parts: map[string][]byte{}, paths: map[string]string{}}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("opening %s: %v", f.Name, err)
		}
		var buf bytes.Buffer
		if _, err := buf.ReadFrom(rc); err != nil {
			t.Fatalf("reading %s: %v", f.Name, err)
		}
		rc.Close()
		bk.parts[f.Name] = buf.Bytes()
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
		Names []definedName `xml:"definedNames>definedName"`
	}
	bk.decode(t, "xl/workbook.xml", &wb)
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	bk.decode(t, "xl/_rels/workbook.xml.rels", &rels)
	for _, s := range wb.Sheets {
		bk.sheets = append(bk.sheets, s.Name)
		for _, r := range rels.Rels {
			if r.ID == s.RID {
				bk.paths[s.Name] = "xl/" + strings.TrimPrefix(r.Target, "/xl/")
			}
		}
	}
	bk.names = wb.Names
	bk.decode(t, "xl/styles.xml", &bk.styles)
	if _, ok := bk.parts["xl/sharedStrings.xml"]; ok {
		var sst struct {
			SI []struct {
				T    string   `xml:"t"`
				Runs []string `xml:"r>t"`
			} `xml:"si"`
		}
		bk.decode(t, "xl/sharedStrings.xml", &sst)
		for _, si := range sst.SI {
			bk.shared = append(bk.shared, si.T+strings.Join(si.Runs, ""))
		}
	}
	return bk
}

func (bk *book) decode(t testing.TB, part string, v any) {
	t.Helper()
	data, ok := bk.parts[part]
	if !ok {
		t.Fatalf("the package has no part %s", part)
	}
	if err := xml.Unmarshal(data, v); err != nil {
		t.Fatalf("parsing %s: %v", part, err)
	}
}

func (bk *book) sheet(t testing.TB, name string) *worksheet {
	t.Helper()
	path, ok := bk.paths[name]
	if !ok {
		t.Fatalf("no sheet %q in %v", name, bk.sheets)
	}
	var ws worksheet
	bk.decode(t, path, &ws)
	return &ws
}

// text is what a cell shows as text: its inline or shared string, or its
// value.
func (bk *book) text(c cell) string {
	switch c.Type {
	case "inlineStr":
		return c.Inline
	case "s":
		i, err := strconv.Atoi(c.Value)
		if err == nil && i < len(bk.shared) {
			return bk.shared[i]
		}
	}
	return c.Value
}

// grid maps cell references to cells.
func (ws *worksheet) grid() map[string]cell {
	g := map[string]cell{}
	for _, r := range ws.Rows {
		for _, c := range r.Cells {
			g[c.Ref] = c
		}
	}
	return g
}

// rowHeight is the height of row r, 0 when not set.
func (ws *worksheet) rowHeight(r int) float64 {
	for _, row := range ws.Rows {
		if row.R == r {
			return row.Height
		}
	}
	return 0
}

// colWidth is the width of the 1-based column.
func (ws *worksheet) colWidth(col int) float64 {
	for _, c := range ws.Cols {
		if c.Min <= col && col <= c.Max {
			return c.Width
		}
	}
	return 0
}

// column returns the texts of column col (a letter) from row first to the
// last row, keyed by row.
func (bk *book) column(ws *worksheet, col string, first int) []string {
	var out []string
	g := ws.grid()
	last := 0
	for _, r := range ws.Rows {
		last = max(last, r.R)
	}
	for r := first; r <= last; r++ {
		out = append(out, bk.text(g[fmt.Sprintf("%s%d", col, r)]))
	}
	return out
}

// findRow is the first row whose column A reads text.
func (bk *book) findRow(t testing.TB, ws *worksheet, text string) int {
	t.Helper()
	for _, r := range ws.Rows {
		for _, c := range r.Cells {
			if strings.HasPrefix(c.Ref, "A") && bk.text(c) == text {
				return r.R
			}
		}
	}
	t.Fatalf("no row reads %q in column A", text)
	return 0
}

// --- the tests ---

func TestWorkbookLayout(t *testing.T) {
	bk := openBook(t, render(t, testMeeting(), Options{}))
	if want := []string{sheetList, sheetSummary, sheetTasks}; !slices.Equal(bk.sheets, want) {
		t.Fatalf("sheets = %v, want %v", bk.sheets, want)
	}
	ws := bk.sheet(t, sheetList)
	header := bk.findRow(t, ws, "STT")
	g := ws.grid()
	var heads []string
	for _, col := range "ABCDEF" {
		heads = append(heads, bk.text(g[fmt.Sprintf("%c%d", col, header)]))
	}
	if want := []string{"STT", "Họ và tên", "Chức vụ", "Đơn vị", "Ký tên", "Ghi chú"}; !slices.Equal(heads, want) {
		t.Errorf("header = %v, want %v", heads, want)
	}

	names := map[string]string{}
	for _, n := range bk.names {
		if n.Local == nil {
			t.Errorf("defined name %s has workbook scope, want the sheet's", n.Name)
			continue
		}
		names[fmt.Sprintf("%s@%d", n.Name, *n.Local)] = n.Value
	}
	for key, want := range map[string]string{
		"_xlnm.Print_Titles@0": fmt.Sprintf("'%s'!$1:$%d", sheetList, header),
		"_xlnm.Print_Area@0":   fmt.Sprintf("'%s'!$A$1:$F$%d", sheetList, len(ws.Rows)),
		"_xlnm.Print_Titles@1": fmt.Sprintf("'%s'!$1:$4", sheetSummary),
		"_xlnm.Print_Titles@2": fmt.Sprintf("'%s'!$1:$4", sheetTasks),
	} {
		if got := names[key]; got != want {
			t.Errorf("%s = %q, want %q", key, got, want)
		}
	}

	for _, tc := range []struct {
		sheet       string
		orientation string
	}{{sheetList, "portrait"}, {sheetSummary, "portrait"}, {sheetTasks, "landscape"}} {
		ws := bk.sheet(t, tc.sheet)
		p := ws.Page
		if p.Paper != "9" || p.Orientation != tc.orientation || p.FitToWidth != "1" || p.FitToHeight != "0" {
			t.Errorf("%s: pageSetup = %+v, want A4 (9) %s, 1 page wide, any number tall", tc.sheet, p, tc.orientation)
		}
		if ws.FitToPage.Value != "true" && ws.FitToPage.Value != "1" {
			t.Errorf("%s: fitToPage = %q, want true", tc.sheet, ws.FitToPage.Value)
		}
		mm := func(in float64) float64 { return math.Round(in * 25.4) }
		if got := [4]float64{mm(ws.Margins.Top), mm(ws.Margins.Bottom), mm(ws.Margins.Left), mm(ws.Margins.Right)}; got != [4]float64{15, 15, 20, 10} {
			t.Errorf("%s: margins T/B/L/R = %v mm, want 15/15/20/10", tc.sheet, got)
		}
		if !strings.Contains(ws.Footer, "Trang &P/&N") {
			t.Errorf("%s: footer = %q, want page numbers", tc.sheet, ws.Footer)
		}
	}

	if ws.Pane.State != "frozen" || ws.Pane.YSplit != header || ws.Pane.TopLeft != fmt.Sprintf("A%d", header+1) {
		t.Errorf("pane = %+v, want frozen below row %d", ws.Pane, header)
	}
	// Ký tên: at least 30 mm in Times New Roman 13, whose digit is 6.5 pt.
	if mm := ws.colWidth(5) * 6.5 / 72 * 25.4; mm < 30 {
		t.Errorf("Ký tên is %.1f mm wide, want at least 30", mm)
	}
	first := bk.findRow(t, ws, "I. "+unitTQ)
	for r := first + 1; r <= first+6; r++ {
		if h := ws.rowHeight(r); h < 28 {
			t.Errorf("row %d is %.1f pt tall, want room for a signature", r, h)
		}
	}
	merged := map[string]bool{}
	for _, m := range ws.Merges {
		merged[m.Ref] = true
	}
	for _, label := range []string{"I. " + unitTQ, "IV. Đại biểu khác"} {
		r := bk.findRow(t, ws, label)
		if !merged[fmt.Sprintf("A%d:F%d", r, r)] {
			t.Errorf("group row %q is not merged over A:F (merges %v)", label, ws.Merges)
		}
		st := bk.styles.Xfs[g[fmt.Sprintf("A%d", r)].Style]
		if bk.styles.Fonts[st.Font].Bold == nil || st.Align.Horizontal != "left" {
			t.Errorf("group row %q: want bold, left-aligned", label)
		}
	}
}

func TestFontsAndBorders(t *testing.T) {
	bk := openBook(t, render(t, testMeeting(), Options{}))
	def := bk.styles.Fonts[0]
	if def.Name.Val != "Times New Roman" || def.Size.Val != "13" || def.Scheme != nil {
		t.Errorf("default font = %s %s (scheme %v), want Times New Roman 13 without a theme scheme", def.Name.Val, def.Size.Val, def.Scheme)
	}
	for _, name := range bk.sheets {
		ws := bk.sheet(t, name)
		header := bk.findRow(t, ws, "STT")
		g := ws.grid()
		for _, r := range ws.Rows {
			// A merged row's text is in its column A.
			first := bk.text(g[fmt.Sprintf("A%d", r.R)])
			for _, c := range r.Cells {
				xf := bk.styles.Xfs[c.Style]
				font := bk.styles.Fonts[xf.Font]
				size := "13"
				if first == "DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ" || r.R == 1 && name != sheetList {
					size = "14"
				}
				if font.Name.Val != "Times New Roman" || font.Size.Val != size {
					t.Errorf("%s!%s: font %s %s, want Times New Roman %s", name, c.Ref, font.Name.Val, font.Size.Val, size)
				}
				if xf.Align.Wrap != "true" && xf.Align.Wrap != "1" {
					t.Errorf("%s!%s: text does not wrap", name, c.Ref)
				}
				if r.R < header || strings.HasPrefix(first, "Tổng số:") {
					continue
				}
				b := bk.styles.Borders[xf.Border]
				for _, side := range []string{b.Left.Style, b.Right.Style, b.Top.Style, b.Bottom.Style} {
					if side != "thin" {
						t.Errorf("%s!%s: borders %+v, want thin all round", name, c.Ref, b)
						break
					}
				}
			}
		}
	}
}

func TestListOrder(t *testing.T) {
	for _, tc := range []struct {
		name string
		opt  Options
		want []string
	}{
		{"protocol order", Options{}, protocolRows},
		{"by given name", Options{SortByName: true}, sortedRows},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := testMeeting()
			before := slices.Clone(m.Info.Attendees)
			bk := openBook(t, render(t, m, tc.opt))
			if !slices.Equal(before, m.Info.Attendees) {
				t.Error("Attendance reordered the meeting's attendees")
			}
			ws := bk.sheet(t, sheetList)
			first := bk.findRow(t, ws, "STT") + 1
			a, b := bk.column(ws, "A", first), bk.column(ws, "B", first)
			var got []string
			stt := 0
			for i := range a {
				switch {
				case strings.HasPrefix(a[i], "Tổng số:"):
				case b[i] == "":
					got = append(got, a[i])
				default:
					got = append(got, b[i])
					stt++
					if a[i] != strconv.Itoa(stt) {
						t.Errorf("%s has STT %q, want %d (continuous across groups)", b[i], a[i], stt)
					}
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("rows:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestPresenceAndNotes(t *testing.T) {
	bk := openBook(t, render(t, testMeeting(), Options{}))
	ws := bk.sheet(t, sheetList)
	g := ws.grid()
	byName := map[string]int{}
	for _, r := range ws.Rows {
		byName[bk.text(g[fmt.Sprintf("B%d", r.R)])] = r.R
	}
	for _, tc := range []struct {
		name, unit, note, mark string
	}{
		{"Lê Thị Ánh", unitTQ, "Vắng", ""},
		{"Bùi Văn Ăn", unitTQ, "Vắng có lý do", ""},
		{"Trần Thị Hà", unitTQ, "Khách mời", "x"},
		{"Nguyễn Văn An", unitTQ, "", "x"},
		{"Phạm Quốc Việt", "", "", "x"},
	} {
		r, ok := byName[tc.name]
		if !ok {
			t.Errorf("%s is not on the list", tc.name)
			continue
		}
		got := [3]string{bk.text(g[fmt.Sprintf("D%d", r)]), bk.text(g[fmt.Sprintf("F%d", r)]), bk.text(g[fmt.Sprintf("G%d", r)])}
		if want := [3]string{tc.unit, tc.note, tc.mark}; got != want {
			t.Errorf("%s: Đơn vị, Ghi chú, Có mặt = %q, want %q", tc.name, got, want)
		}
		if c := g[fmt.Sprintf("E%d", r)]; c.Value != "" || c.Inline != "" {
			t.Errorf("%s: Ký tên holds %q, want it empty", tc.name, bk.text(c))
		}
	}
	last := ws.Rows[len(ws.Rows)-1]
	total := g[fmt.Sprintf("A%d", last.R)]
	if want := "Tổng số: 10 đại biểu (có mặt 7, vắng 3)"; bk.text(total) != want {
		t.Errorf("total line = %q, want %q", bk.text(total), want)
	}
	if !strings.Contains(total.Formula, "COUNTA(") || !strings.Contains(total.Formula, `COUNTIF($G$`) {
		t.Errorf("total line formula = %q, want it to count the table", total.Formula)
	}
}

func TestSummaryFormulas(t *testing.T) {
	bk := openBook(t, render(t, testMeeting(), Options{}))
	list := bk.sheet(t, sheetList)
	first := bk.findRow(t, list, "STT") + 1
	last := list.Rows[len(list.Rows)-1].R - 1
	ws := bk.sheet(t, sheetSummary)
	g := ws.grid()
	header := bk.findRow(t, ws, "STT")
	ref := func(col string) string {
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sheetList, col, first, col, last)
	}
	rows := []struct {
		unit                   string
		invited, came, missing string
	}{
		{unitTQ, "6", "4", "2"},
		{unitHG, "2", "1", "1"},
		{unitX, "1", "1", "0"},
		{unitBK, "0", "0", "0"},
		{"Đại biểu khác", "1", "1", "0"},
	}
	for i, want := range rows {
		r := header + 1 + i
		at := func(col string) cell { return g[fmt.Sprintf("%s%d", col, r)] }
		if got := bk.text(at("B")); got != want.unit {
			t.Errorf("row %d: unit %q, want %q", r, got, want.unit)
		}
		for _, c := range []struct {
			col, value string
			refs       []string
		}{
			{"C", want.invited, []string{ref("D")}},
			{"D", want.came, []string{ref("D"), ref("G")}},
			{"E", want.missing, []string{fmt.Sprintf("C%d-D%d", r, r)}},
		} {
			x := at(c.col)
			if x.Value != c.value {
				t.Errorf("%s%d (%s): cached value %q, want %q", c.col, r, want.unit, x.Value, c.value)
			}
			for _, s := range c.refs {
				if !strings.Contains(x.Formula, s) {
					t.Errorf("%s%d (%s): formula %q does not refer to %s", c.col, r, want.unit, x.Formula, s)
				}
			}
		}
	}
	total := header + 1 + len(rows)
	if got := bk.text(g[fmt.Sprintf("A%d", total)]); got != "Tổng cộng" {
		t.Errorf("row %d reads %q, want the total", total, got)
	}
	for col, want := range map[string]string{"C": "10", "D": "7", "E": "3"} {
		c := g[fmt.Sprintf("%s%d", col, total)]
		if f := fmt.Sprintf("SUM(%s%d:%s%d)", col, header+1, col, total-1); c.Formula != f || c.Value != want {
			t.Errorf("%s%d = %q cached %q, want %q cached %q", col, total, c.Formula, c.Value, f, want)
		}
	}
}

func TestTasks(t *testing.T) {
	bk := openBook(t, render(t, testMeeting(), Options{}))
	ws := bk.sheet(t, sheetTasks)
	g := ws.grid()
	header := bk.findRow(t, ws, "STT")
	var heads []string
	for _, col := range "ABCDEF" {
		heads = append(heads, bk.text(g[fmt.Sprintf("%c%d", col, header)]))
	}
	if want := []string{"STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Trạng thái"}; !slices.Equal(heads, want) {
		t.Errorf("header = %v, want %v", heads, want)
	}
	// 2023-12-15 is day 45275 of Excel's 1900 system.
	due := g[fmt.Sprintf("E%d", header+1)]
	if due.Type != "" && due.Type != "n" || due.Value != "45275" {
		t.Errorf("deadline = type %q value %q, want the number 45275", due.Type, due.Value)
	}
	code := ""
	for _, nf := range bk.styles.NumFmts {
		if nf.ID == bk.styles.Xfs[due.Style].NumFmt {
			code = nf.Code
		}
	}
	if code != "dd/mm/yyyy" {
		t.Errorf("deadline format = %q, want dd/mm/yyyy", code)
	}
	if c := g[fmt.Sprintf("E%d", header+2)]; c.Value != "" || c.Inline != "" {
		t.Errorf("unknown deadline = %q, want an empty cell", bk.text(c))
	}
	for i, want := range []string{"Chưa thực hiện", "Đang thực hiện"} {
		if got := bk.text(g[fmt.Sprintf("F%d", header+1+i)]); got != want {
			t.Errorf("status of task %d = %q, want %q", i+1, got, want)
		}
	}
	if got := bk.text(g[fmt.Sprintf("D%d", header+1)]); got != unitHG+"\n"+unitBK {
		t.Errorf("supporting units = %q, want one a line", got)
	}
	if len(ws.Validations) != 1 {
		t.Fatalf("%d data validations, want 1", len(ws.Validations))
	}
	dv := ws.Validations[0]
	wantList := `"` + strings.Join(meeting.TaskStatuses, ",") + `"`
	if dv.Type != "list" || dv.Formula1 != wantList || dv.Sqref != fmt.Sprintf("F%d:F%d", header+1, header+2) {
		t.Errorf("validation = %+v, want a list %s over the status column", dv, wantList)
	}
}

func TestDocumentProperties(t *testing.T) {
	type core struct {
		Title    string `xml:"title"`
		Creator  string `xml:"creator"`
		Language string `xml:"language"`
		Created  string `xml:"created"`
		Modified string `xml:"modified"`
	}
	for _, tc := range []struct {
		name string
		opt  Options
		want core
	}{
		{"given", Options{Creator: "hoinghi v0.1.0", Date: time.Date(2023, 7, 28, 0, 0, 0, 0, time.UTC)},
			core{Creator: "hoinghi v0.1.0", Created: "2023-07-28T00:00:00Z", Modified: "2023-07-28T00:00:00Z"}},
		{"defaults", Options{},
			core{Creator: "hoinghi", Created: "2000-01-01T00:00:00Z", Modified: "2000-01-01T00:00:00Z"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := testMeeting()
			b := render(t, m, tc.opt)
			bk := openBook(t, b)
			var got core
			bk.decode(t, "docProps/core.xml", &got)
			tc.want.Title = "Danh sách đại biểu - " + m.Info.Title
			tc.want.Language = "vi-VN"
			if got != tc.want {
				t.Errorf("core properties:\n got %+v\nwant %+v", got, tc.want)
			}
			zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
			if err != nil {
				t.Fatal(err)
			}
			stamp, _ := time.Parse(time.RFC3339, tc.want.Created)
			for _, f := range zr.File {
				if !f.Modified.Equal(stamp) {
					t.Errorf("%s is stamped %v, want %v", f.Name, f.Modified, stamp)
				}
			}
			if zr.File[0].Name != "[Content_Types].xml" {
				t.Errorf("first entry is %s, want [Content_Types].xml", zr.File[0].Name)
			}
		})
	}
}

func TestSameInputSameBytes(t *testing.T) {
	m := testMeeting()
	opt := Options{SortByName: true, Creator: "hoinghi v0.1.0", Date: time.Date(2023, 7, 28, 0, 0, 0, 0, time.UTC)}
	first := render(t, m, opt)
	for i := range 5 {
		if again := render(t, m, opt); !bytes.Equal(first, again) {
			t.Fatalf("render %d differs from the first (%d and %d bytes)", i+2, len(first), len(again))
		}
	}
}

// TestUnknownValues renders a meeting that knows almost nothing: the
// blanks must show as dots for a clerk to fill, never as Go zero values.
func TestUnknownValues(t *testing.T) {
	m := &meeting.Meeting{
		Issuer: meeting.Issuer{Name: "Cụm thi đua số 1"},
		Info:   meeting.Info{Title: "Hội nghị giao ban"},
	}
	bk := openBook(t, render(t, m, Options{}))
	for name, data := range bk.parts {
		for _, bad := range []string{"<nil>", "null", "0001-01-01", "NaN"} {
			if bytes.Contains(data, []byte(bad)) {
				t.Errorf("%s contains %q", name, bad)
			}
		}
	}
	ws := bk.sheet(t, sheetList)
	var line string
	for _, c := range ws.grid() {
		if s := bk.text(c); strings.HasPrefix(s, "Thời gian:") {
			line = s
		}
	}
	if want := "Thời gian: …… giờ …… phút, ngày …… tháng …… năm ……; Địa điểm: ……"; line != want {
		t.Errorf("time and place = %q, want %q", line, want)
	}
	if got := bk.text(ws.grid()[fmt.Sprintf("A%d", len(ws.Rows))]); got != "Tổng số: 0 đại biểu (có mặt 0, vắng 0)" {
		t.Errorf("total line = %q", got)
	}
	if bk.findRow(t, ws, "CỤM THI ĐUA SỐ 1") != 1 {
		t.Error("without a parent agency the issuing agency should open the sheet")
	}
}

// --- LibreOffice ---

// readCSV reads a sheet LibreOffice exported.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("LibreOffice did not export the sheet: %v", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}
	return rows
}

// clerkEdit returns the workbook as a clerk would leave it after clearing
// the Có mặt mark of the present delegate named, with every cached value
// of the summary overwritten, so that only a recalculation shows the
// right counts.
func clerkEdit(t *testing.T, b []byte, name string) []byte {
	t.Helper()
	bk := openBook(t, b)
	ws := bk.sheet(t, sheetList)
	g := ws.grid()
	mark := ""
	for _, r := range ws.Rows {
		if bk.text(g[fmt.Sprintf("B%d", r.R)]) == name {
			mark = fmt.Sprintf("G%d", r.R)
		}
	}
	if mark == "" || bk.text(g[mark]) != "x" {
		t.Fatalf("%s has no Có mặt mark to clear", name)
	}
	cellRe := regexp.MustCompile(`<c r="` + mark + `"[^>]*>.*?</c>`)
	stale := regexp.MustCompile(`</f><v>[^<]*</v>`)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, part := range slices.Sorted(func(yield func(string) bool) {
		for p := range bk.parts {
			if !yield(p) {
				return
			}
		}
	}) {
		data := bk.parts[part]
		switch part {
		case bk.paths[sheetList]:
			data = cellRe.ReplaceAll(data, []byte(`<c r="`+mark+`"/>`))
		case bk.paths[sheetSummary]:
			data = stale.ReplaceAll(data, []byte(`</f><v>999</v>`))
		}
		w, err := zw.Create(part)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func TestLibreOffice(t *testing.T) {
	dir := t.TempDir()
	profile := filepath.Join(dir, "profile")
	m := testMeeting()
	files := map[string][]byte{
		"protocol.xlsx": render(t, m, Options{}),
		"sorted.xlsx":   render(t, m, Options{SortByName: true}),
	}
	files["edited.xlsx"] = clerkEdit(t, files["protocol.xlsx"], "Nguyễn Văn An")
	files["big.xlsx"] = render(t, benchMeeting(150, 15), Options{})
	files["empty.xlsx"] = render(t, &meeting.Meeting{
		Issuer: meeting.Issuer{Name: "Cụm thi đua số 1"},
		Info:   meeting.Info{Title: "Hội nghị giao ban"},
	}, Options{})
	var paths []string
	for name, b := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	slices.Sort(paths)
	// Token 9 exports values as shown (the date format); token 12, -1,
	// exports every sheet to its own file (LibreOffice 7.2 and later).
	testtool.Soffice(t, profile, dir, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", paths...)
	testtool.Soffice(t, profile, dir, "pdf", filepath.Join(dir, "sorted.xlsx"), filepath.Join(dir, "big.xlsx"))

	t.Run("no errors", func(t *testing.T) {
		csvs, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
		if len(csvs) != 3*len(files) {
			t.Errorf("LibreOffice exported %d sheets, want %d", len(csvs), 3*len(files))
		}
		for _, p := range csvs {
			for _, r := range readCSV(t, p) {
				for _, c := range r {
					if strings.HasPrefix(c, "Err:") || strings.HasPrefix(c, "#") {
						t.Errorf("%s: LibreOffice shows %q", filepath.Base(p), c)
					}
				}
			}
		}
		rows := readCSV(t, filepath.Join(dir, "empty-"+sheetList+".csv"))
		if last := rows[len(rows)-1][0]; last != "Tổng số: 0 đại biểu (có mặt 0, vắng 0)" {
			t.Errorf("empty list total = %q", last)
		}
	})

	t.Run("order", func(t *testing.T) {
		for file, want := range map[string][]string{"protocol": protocolRows, "sorted": sortedRows} {
			rows := readCSV(t, filepath.Join(dir, file+"-"+sheetList+".csv"))
			var got []string
			in := false
			for _, r := range rows {
				switch {
				case len(r) < 2:
				case r[0] == "STT":
					in = true
				case !in || strings.HasPrefix(r[0], "Tổng số:"):
				case r[1] == "":
					got = append(got, r[0])
				default:
					got = append(got, r[1])
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s, as LibreOffice reads it:\n got %q\nwant %q", file, got, want)
			}
		}
	})

	t.Run("formulas", func(t *testing.T) {
		for _, tc := range []struct {
			file  string
			rows  [][]string
			total string
		}{
			{"protocol", [][]string{
				{unitTQ, "6", "4", "2"}, {unitHG, "2", "1", "1"}, {unitX, "1", "1", "0"},
				{unitBK, "0", "0", "0"}, {"Đại biểu khác", "1", "1", "0"}, {"Tổng cộng", "10", "7", "3"},
			}, "Tổng số: 10 đại biểu (có mặt 7, vắng 3)"},
			// Nguyễn Văn An's mark cleared: Tuyên Quang has one more absent.
			{"edited", [][]string{
				{unitTQ, "6", "3", "3"}, {unitHG, "2", "1", "1"}, {unitX, "1", "1", "0"},
				{unitBK, "0", "0", "0"}, {"Đại biểu khác", "1", "1", "0"}, {"Tổng cộng", "10", "6", "4"},
			}, "Tổng số: 10 đại biểu (có mặt 6, vắng 4)"},
		} {
			rows := readCSV(t, filepath.Join(dir, tc.file+"-"+sheetSummary+".csv"))
			var got [][]string
			for _, r := range rows {
				if len(r) == 5 && (r[0] == "Tổng cộng" || regexp.MustCompile(`^\d+$`).MatchString(r[0])) {
					label := r[1]
					if r[0] == "Tổng cộng" {
						label = r[0]
					}
					got = append(got, []string{label, r[2], r[3], r[4]})
				}
			}
			if !slices.EqualFunc(got, tc.rows, slices.Equal) {
				t.Errorf("%s summary as LibreOffice computes it:\n got %q\nwant %q", tc.file, got, tc.rows)
			}
			list := readCSV(t, filepath.Join(dir, tc.file+"-"+sheetList+".csv"))
			if last := list[len(list)-1]; last[0] != tc.total {
				t.Errorf("%s total line = %q, want %q", tc.file, last[0], tc.total)
			}
		}
	})

	t.Run("dates", func(t *testing.T) {
		rows := readCSV(t, filepath.Join(dir, "protocol-"+sheetTasks+".csv"))
		found := false
		for _, r := range rows {
			if len(r) == 6 && r[0] == "1" {
				found = true
				if r[4] != "15/12/2023" || r[5] != "Chưa thực hiện" {
					t.Errorf("task 1 shows deadline %q and status %q, want 15/12/2023 and Chưa thực hiện", r[4], r[5])
				}
			}
		}
		if !found {
			t.Error("task 1 is missing from the exported sheet")
		}
	})

	t.Run("pdf", func(t *testing.T) {
		out := testtool.Run(t, "pdftotext", "-layout", filepath.Join(dir, "sorted.pdf"), "-")
		pages := strings.Split(string(out), "\f")
		text := string(out)
		for _, s := range append(slices.Clone(sortedRows),
			"UBND TỈNH TUYÊN QUANG", "DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ", "Tổng số: 10 đại biểu (có mặt 7, vắng 3)",
			"TỔNG HỢP ĐẠI BIỂU DỰ HỘI NGHỊ", "DANH MỤC NHIỆM VỤ SAU HỘI NGHỊ", "15/12/2023", "Trang 1/") {
			if !strings.Contains(text, s) {
				t.Errorf("the PDF does not show %q", s)
			}
		}
		// The list's first page prints Ghi chú but not the working Có mặt
		// column, which lies outside the print area.
		if !strings.Contains(pages[0], "Ghi chú") || strings.Contains(pages[0], "Có mặt") {
			t.Errorf("first page: want Ghi chú printed and Có mặt not:\n%s", pages[0])
		}
	})

	t.Run("pages", func(t *testing.T) {
		out := testtool.Run(t, "pdftotext", "-layout", filepath.Join(dir, "big.pdf"), "-")
		bk := openBook(t, files["big.xlsx"])
		breaks := bytes.Count(bk.parts[bk.paths[sheetList]], []byte("<brk "))
		var list []string
		for _, p := range strings.Split(string(out), "\f") {
			if strings.Contains(p, "DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ") {
				list = append(list, p)
			}
		}
		// The breaks leave room enough that LibreOffice adds none of its own.
		if len(list) != breaks+1 || breaks == 0 {
			t.Errorf("the list of 150 prints on %d pages, want %d (its page breaks, plus one)", len(list), breaks+1)
		}
		group := regexp.MustCompile(`^\s*[IVXLC]+\. `)
		for i, p := range list {
			lines := strings.Split(strings.TrimRight(p, "\n "), "\n")
			for _, want := range []string{"STT", "Họ và tên", "Ký tên", "Ghi chú", fmt.Sprintf("Trang %d/", i+1)} {
				if !strings.Contains(p, want) {
					t.Errorf("page %d does not show %q", i+1, want)
				}
			}
			var body []string
			for _, l := range lines {
				if strings.TrimSpace(l) != "" && !strings.Contains(l, "Trang ") {
					body = append(body, l)
				}
			}
			if last := body[len(body)-1]; group.MatchString(last) {
				t.Errorf("page %d ends on the heading %q", i+1, strings.TrimSpace(last))
			}
			if i == len(list)-1 && !strings.Contains(body[len(body)-1], "Tổng số: 150 đại biểu (có mặt 141, vắng 9)") {
				t.Errorf("the last page ends on %q, want the total", body[len(body)-1])
			}
		}
	})
}

// benchMeeting has n delegates spread over units member units.
func benchMeeting(n, units int) *meeting.Meeting {
	m := testMeeting()
	m.Info.Units = nil
	for u := range units {
		m.Info.Units = append(m.Info.Units, fmt.Sprintf("Sở Nội vụ tỉnh số %d", u+1))
	}
	given := []string{"An", "Ánh", "Ăn", "Bình", "Đào", "Hà", "Khai", "Lan", "Minh", "Ưng"}
	m.Info.Attendees = nil
	for i := range n {
		m.Info.Attendees = append(m.Info.Attendees, meeting.Attendee{
			Name:     "Nguyễn Thị " + given[i%len(given)],
			Position: "Phó Giám đốc Sở",
			Unit:     m.Info.Units[i%units],
			Absent:   i%17 == 0,
		})
	}
	return m
}

func BenchmarkAttendance150(b *testing.B) {
	m := benchMeeting(150, 15)
	opt := Options{SortByName: true, Creator: "hoinghi"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Attendance(m, opt); err != nil {
			b.Fatal(err)
		}
	}
}

func TestLines(t *testing.T) {
	for _, tc := range []struct {
		text  string
		width float64
		want  int
	}{
		{"", 10, 1},
		{"Nguyễn Văn An", 18, 1},
		{"Sở Nội vụ tỉnh Tuyên Quang", 16, 2},
		{"Phó Trưởng ban Thi đua - Khen thưởng tỉnh", 15, 3},
		{unitHG + "\n" + unitBK, 24, 2},
		{"Ủyquyềnchoôngtrưởngphòngnghiệpvụ", 10, 4},
	} {
		if got := lines(tc.text, tc.width, fontSize, false); got != tc.want {
			t.Errorf("lines(%q, %g) = %d, want %d", tc.text, tc.width, got, tc.want)
		}
	}
}

// TestLongText checks that a text over what a cell of Excel holds is an
// error naming its field, not a cut, and that one at the limit is written
// whole.
func TestLongText(t *testing.T) {
	m := testMeeting()
	m.Info.Attendees[1].Name = strings.Repeat("ạ", excel.MaxCellText+1)
	m.Info.Venue = strings.Repeat("ạ", excel.MaxCellText-5) // the line of time and place is longer
	m.Tasks[0].Content = strings.Repeat("ạ", excel.MaxCellText+1)
	_, err := Attendance(m, Options{})
	var ps diag.List
	if !errors.As(err, &ps) {
		t.Fatalf("want diag.List, got %T %v", err, err)
	}
	var paths []string
	for _, p := range ps {
		paths = append(paths, p.Path)
	}
	if want := []string{"meeting.venue", "meeting.attendees[1].name", "tasks[0].content"}; !slices.Equal(paths, want) {
		t.Errorf("problems at %q, want %q:\n%v", paths, want, ps)
	}

	m = testMeeting()
	at := strings.Repeat("ạ", excel.MaxCellText)
	m.Info.Attendees[1].Name = at
	bk := openBook(t, render(t, m, Options{}))
	ws := bk.sheet(t, sheetList)
	found := false
	for _, c := range ws.grid() {
		found = found || bk.text(c) == at
	}
	if !found {
		t.Errorf("the name of %d characters is not in the list whole", excel.MaxCellText)
	}
}
