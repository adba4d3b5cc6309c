package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"html"
	"io"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/excel"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/meeting"
	"github.com/xuri/excelize/v2"
)

// samples are the meeting files of the repository.
func samples(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob("../../samples/*.yaml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no samples: %v", err)
	}
	return paths
}

func load(t *testing.T, path string) *meeting.Meeting {
	t.Helper()
	m, err := meeting.Load(path, meeting.Options{})
	if err != nil {
		t.Fatalf("loading %s: %v", path, err)
	}
	return m
}

func write(t *testing.T, m *meeting.Meeting) []byte {
	t.Helper()
	b, err := Write(m)
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	return b
}

func read(t *testing.T, name string, b []byte) *meeting.Meeting {
	t.Helper()
	m, err := Read(name, b, meeting.Options{})
	if err != nil {
		t.Fatalf("Read %s:\n%v", name, err)
	}
	return m
}

// canonical rewrites the dates of m as Read returns them: a workbook holds
// a date, not the way it was typed, so 19/12/2024 comes back 2024-12-19.
// A text that is no date stays as written, as Read keeps it.
func canonical(m *meeting.Meeting) *meeting.Meeting {
	date := func(d *meeting.Date) {
		if t, ok := d.Known(); ok {
			d.Raw = t.String()
		}
	}
	dateTime := func(d *meeting.DateTime) {
		if t, ok := d.Known(); ok {
			d.Raw = t.String()
		}
	}
	for i := range m.Documents {
		date(&m.Documents[i].Date)
	}
	for i := range m.Tasks {
		date(&m.Tasks[i].Deadline)
	}
	dateTime(&m.Info.Start)
	dateTime(&m.Info.End)
	return m
}

// difference names the first field where got and want differ, for a
// failure that says where to look.
func difference(got, want reflect.Value, path string) string {
	switch got.Kind() {
	case reflect.Struct:
		for i := range got.NumField() {
			name, _, _ := strings.Cut(got.Type().Field(i).Tag.Get("yaml"), ",")
			if d := difference(got.Field(i), want.Field(i), strings.TrimPrefix(path+"."+name, ".")); d != "" {
				return d
			}
		}
		return ""
	case reflect.Slice:
		if got.IsNil() != want.IsNil() {
			return fmt.Sprintf("%s: nil %v, want nil %v", path, got.IsNil(), want.IsNil())
		}
		for i := range min(got.Len(), want.Len()) {
			if d := difference(got.Index(i), want.Index(i), fmt.Sprintf("%s[%d]", path, i)); d != "" {
				return d
			}
		}
		if got.Len() != want.Len() {
			return fmt.Sprintf("%s: %d items, want %d", path, got.Len(), want.Len())
		}
		return ""
	}
	if !reflect.DeepEqual(got.Interface(), want.Interface()) {
		return fmt.Sprintf("%s: %#v, want %#v", path, got.Interface(), want.Interface())
	}
	return ""
}

func sameMeeting(t *testing.T, got, want *meeting.Meeting) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the meeting read back differs: %s", difference(reflect.ValueOf(*got), reflect.ValueOf(*want), ""))
	}
}

// full is a meeting with every field of the model set, in the forms a
// clerk writes: dates of both kinds, a start without a time of day, lists
// in cells, Markdown over several lines, a number with a leading zero,
// cells that look like numbers and dates, and characters that need care
// in XML.
func full() *meeting.Meeting {
	return &meeting.Meeting{
		Issuer: meeting.Issuer{Parent: "UBND TỈNH TUYÊN QUANG", Name: "SỞ NỘI VỤ", Code: "SNV", Place: "Tuyên Quang"},
		Documents: []meeting.Document{
			{Kind: "bao-cao", Number: "05", Date: meeting.Date{Raw: "05/01/2024"}, Abstract: "Kết quả <năm> & \"kế hoạch\"",
				To: []string{"UBND tỉnh", "Bộ Nội vụ"}, Recipients: []string{"Như trên", "Lưu trữ"}, Archive: "VT, SNV",
				Signer:    meeting.Signer{Titles: []string{"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"}, Name: "Đặng Văn Đào"},
				Secretary: meeting.Signer{Titles: []string{"THƯ KÝ"}, Name: "Lê Thị Ánh"}, Annex: true},
			{Kind: "cong-van-rieng"},
		},
		Info: meeting.Info{
			Title: "Hội nghị giao ban", Start: meeting.DateTime{Raw: "2024-01-05"}, End: meeting.DateTime{Raw: "06/01/2024 17:45"},
			Venue: "Hội trường", Online: []string{"Điểm cầu Hà Giang", "Điểm cầu Bắc Kạn"},
			Period: meeting.Period{Raw: "2023"}, Next: meeting.Period{Raw: "2024-Q1"}, Organizer: "Sở Nội vụ",
			Chairs:    []meeting.Person{{Name: "Vũ Văn Ưng", Position: "Giám đốc", Unit: "Sở Nội vụ", Role: "Chủ trì"}},
			Secretary: meeting.Person{Name: "Lê Thị Ánh", Position: "Chuyên viên", Unit: "Văn phòng", Role: "Thư ký"},
			Units:     []string{"Sở Nội vụ", "Sở Tài chính"},
			Attendees: []meeting.Attendee{
				{Name: "Trần Thị Hà", Position: "Trưởng phòng", Unit: "Sở Tài chính", Absent: true, Note: "Vắng có lý do"},
				{Name: "Phạm Quốc Việt"},
			},
		},
		Results: meeting.Results{
			Summary:     []string{"Đoạn **một**.", "Đoạn hai có danh sách:\n- ý một;\n- ý hai."},
			Strengths:   []string{"Ưu điểm."},
			Limitations: []string{"Hạn chế."},
			Table: meeting.Table{Title: "Bảng", Columns: []string{"STT", "Đơn vị", "Số", "Tỷ lệ"},
				Rows: [][]meeting.Cell{{{Raw: "01"}, {Raw: "Sở Nội vụ"}, {Raw: "1.032"}, {Raw: "95,5"}}, {{}, {Raw: "Cộng"}, {Raw: "28/07/2023"}, {}}}},
		},
		Discussion:  []meeting.Speech{{Speaker: "Vũ Văn Ưng", Position: "Giám đốc", Unit: "Sở Nội vụ", Content: "Ý kiến."}},
		Conclusions: []string{"Kết luận một.", "Kết luận hai."},
		Tasks: []meeting.Task{{Content: "Việc", Lead: "Sở Nội vụ", Support: []string{"Sở Tài chính"},
			Deadline: meeting.Date{Raw: "2024-02-29"}, Status: meeting.TaskStatuses[1]}},
	}
}

func TestRoundTrip(t *testing.T) {
	for _, path := range samples(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			b := write(t, load(t, path))
			sameMeeting(t, read(t, "hop.xlsx", b), canonical(load(t, path)))
			if !bytes.Equal(write(t, canonical(load(t, path))), b) {
				t.Error("the same dates written another way give other bytes")
			}
		})
	}
	t.Run("every field", func(t *testing.T) {
		sameMeeting(t, read(t, "hop.xlsx", write(t, full())), canonical(full()))
	})
}

// TestEveryField checks that every field of the model has a place in the
// workbook, so that converting a meeting file loses nothing when the model
// grows.
func TestEveryField(t *testing.T) {
	placed := map[string]bool{resultsPath + ".columns": true, resultsPath + ".rows": true}
	for _, s := range sections {
		for _, f := range s.fields {
			placed[f.path] = true
		}
	}
	for _, tb := range tables {
		for _, c := range tb.columns {
			placed[strings.TrimSuffix(tb.path+"."+c.field, ".")] = true
		}
	}
	var walk func(reflect.Type, string)
	walk = func(ty reflect.Type, path string) {
		if path != "" && placed[path] {
			return
		}
		switch {
		case ty.Kind() == reflect.Slice:
			walk(ty.Elem(), path)
		case ty.Kind() == reflect.Struct && ty != dateType && ty != dateTimeType && ty != periodType && ty != cellType:
			for i := range ty.NumField() {
				name, _, _ := strings.Cut(ty.Field(i).Tag.Get("yaml"), ",")
				walk(ty.Field(i).Type, strings.TrimPrefix(path+"."+name, "."))
			}
		default:
			t.Errorf("%s has no place in the workbook", path)
		}
	}
	walk(reflect.TypeOf(meeting.Meeting{}), "")
}

func TestSameBytes(t *testing.T) {
	for _, m := range []*meeting.Meeting{nil, full(), load(t, samples(t)[0])} {
		first := write(t, m)
		for range 5 {
			if !bytes.Equal(write(t, m), first) {
				t.Fatal("the same meeting gave other bytes")
			}
		}
	}
	if !bytes.Equal(write(t, nil), write(t, &meeting.Meeting{})) {
		t.Error("Write(nil) differs from Write of an empty meeting")
	}
}

// TestBlank reads the blank workbook: it has nothing but the two things a
// document cannot exist without, each reported at its cell.
func TestBlank(t *testing.T) {
	_, err := Read("hop.xlsx", write(t, nil), meeting.Options{})
	want := "hop.xlsx: Thông tin!B4: issuer.name: thiếu tên cơ quan ban hành\n" +
		"hop.xlsx: Thông tin!" + infoCell(t, "meeting.title") + ": meeting.title: thiếu tên hội nghị"
	if got := problems(t, err).In(lang.Vietnamese); got != want {
		t.Errorf("problems of the blank workbook:\n%s\nwant:\n%s", got, want)
	}
}

func problems(t *testing.T, err error) diag.List {
	t.Helper()
	ps, ok := err.(diag.List)
	if !ok {
		t.Fatalf("want diag.List, got %T %v", err, err)
	}
	return ps
}

// edit opens a workbook, lets change edit it as a clerk would, and saves
// it.
func edit(t *testing.T, b []byte, change func(f *excelize.File)) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	change(f)
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// infoCell is the value cell of a field of the Thông tin sheet that comes
// before the first block of paragraphs, as Write lays them out.
func infoCell(t *testing.T, path string) string {
	t.Helper()
	row := 2
	for _, s := range sections {
		row++
		for _, fl := range s.fields {
			switch {
			case fl.path == path:
				return fmt.Sprintf("B%d", row)
			case fl.block:
				t.Fatalf("%s comes after the block %s", path, fl.path)
			}
			row++
		}
	}
	t.Fatalf("no field %s", path)
	return ""
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestWrongCells checks that every wrong cell is reported at once, at its
// sheet and cell, with its field and what was expected, in workbook order.
func TestWrongCells(t *testing.T) {
	sample := samples(t)[0] // cum-thi-dua-2023.yaml
	m := load(t, sample)
	b := edit(t, write(t, m), func(f *excelize.File) {
		must(t, f.SetCellValue(sheetAttendees, "B14", nil))                              // a missing name
		must(t, f.SetCellValue(sheetAttendees, "E3", "x"))                               // neither Có mặt nor Vắng
		must(t, f.SetCellValue(sheetDocuments, "C2", "30/02/2023"))                      // an impossible date
		must(t, f.SetCellValue(sheetInfo, infoCell(t, "meeting.start"), "sáng thứ Sáu")) // a text that is no date
		must(t, f.SetCellValue(sheetTasks, "F3", "Xong"))                                // an unknown status
		must(t, f.SetCellValue(sheetResults, "G4", "lạc"))                               // outside the table
		must(t, f.SetCellValue(sheetInfo, "A200", "Ghi chú của tôi"))                    // an unknown label
		must(t, f.SetCellValue(sheetDocuments, "B3", "12a"))                             // not a number
		must(t, f.SetCellValue(sheetConclusions, "B3", "   "))                           // a blank row: skipped
		must(t, f.SetCellValue(sheetInfo, infoCell(t, "meeting.period"), "2023-H3"))     // not a period
		must(t, f.SetCellValue(sheetDiscussion, "A8", 7))                                // a numbered row without content: skipped
		must(t, f.SetCellValue(sheetDiscussion, "C9", "Phó Giám đốc Sở"))                // a speech without content
	})
	_, err := Read("hop.xlsx", b, meeting.Options{Kinds: []string{"thong-bao", "bao-cao"}})
	want := []string{
		"hop.xlsx: Thông tin!" + infoCell(t, "meeting.start") + ": meeting.start: cần ngày giờ như 2023-07-28 08:00, buổi trong ngày như 2025-03-12 sáng, hoặc chỉ ngày, nhận được sáng thứ Sáu",
		"hop.xlsx: Thông tin!" + infoCell(t, "meeting.period") + ": meeting.period: cần một kỳ như 2023-H1, 2023-Q3, 2023-07, 2023-9M, 2023, 2023-2024 (năm học), 2021-2025 (giai đoạn), 2024-05-01/2024-08-31, hoặc bằng chữ như quý II năm 2025, nhận được 2023-H3",
		"hop.xlsx: Thông tin!A200: không có mục Ghi chú của tôi: cột A ghi tên các mục như sổ tính mẫu",
		"hop.xlsx: Văn bản!C2: documents[0].date: cần một ngày có thật, như 2023-07-28 hoặc 28/07/2023 (hoặc một tháng, 2023-07), nhận được 30/02/2023",
		"hop.xlsx: Văn bản!B3: documents[1].number: cần một số nguyên dương hoặc để trống, nhận được 12a",
		"hop.xlsx: Văn bản!A4: documents[2].kind: không có loại văn bản bien-ban: cần một trong các loại thong-bao, bao-cao",
		"hop.xlsx: Đại biểu!E3: meeting.attendees[1].absent: cần Có mặt hoặc Vắng, nhận được x",
		"hop.xlsx: Đại biểu!B14: meeting.attendees[12].name: thiếu họ và tên đại biểu",
		"hop.xlsx: Kết quả!G4: results.table.rows[2]: ô nằm ngoài bảng: đặt tên cho cột này ở dòng 1",
		"hop.xlsx: Thảo luận!E9: discussion[6].content: thiếu nội dung phát biểu",
		"hop.xlsx: Nhiệm vụ!F3: tasks[1].status: không có trạng thái Xong: cần một trong các trạng thái Chưa thực hiện, Đang thực hiện, Đã hoàn thành, Quá hạn",
	}
	ps := problems(t, err)
	if got := ps.In(lang.Vietnamese); got != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	if got, want := ps[7].In(lang.English), "hop.xlsx: Đại biểu!B14: meeting.attendees[12].name: missing the attendee's name"; got != want {
		t.Errorf("in English:\n%s\nwant:\n%s", got, want)
	}
}

// TestClerkValues reads cells as a clerk types them, in Excel's own types:
// numbers, dates as text, a date where a period belongs, a number format
// with grouping and decimals, text in another normalization form, extra
// spaces and lines.
func TestClerkValues(t *testing.T) {
	m := full()
	b := edit(t, write(t, m), func(f *excelize.File) {
		grouped, err := f.NewStyle(&excelize.Style{NumFmt: 3}) // #,##0
		must(t, err)
		decimal, err := f.NewStyle(&excelize.Style{NumFmt: 2}) // 0.00
		must(t, err)
		month, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("mmm-yy")})
		must(t, err)
		longDate, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr(`[$-42A]dd" tháng "mm" năm "yyyy`)})
		must(t, err)
		must(t, f.SetCellValue(sheetDocuments, "B2", 7))                                                        // Số as a number
		must(t, f.SetCellValue(sheetTasks, "E2", " 04/08/2023 "))                                               // a date as text
		must(t, f.SetCellValue(sheetInfo, infoCell(t, "meeting.start"), "28/07/2023 8:05"))                     // a date and time as text
		must(t, f.SetCellValue(sheetInfo, infoCell(t, "meeting.end"), 45136))                                   // midnight in a date and time cell
		must(t, f.SetCellValue(sheetInfo, infoCell(t, "meeting.period"), 45108))                                // Excel took 2023-07 for a date
		must(t, f.SetCellStyle(sheetInfo, infoCell(t, "meeting.period"), infoCell(t, "meeting.period"), month)) //
		must(t, f.SetCellValue(sheetInfo, infoCell(t, "meeting.next"), 2024))                                   // a year as a number
		must(t, f.SetCellValue(sheetDocuments, "C3", 45135))                                                    // a date in a long format
		must(t, f.SetCellStyle(sheetDocuments, "C3", "C3", longDate))                                           //
		must(t, f.SetCellValue(sheetResults, "C2", 1234567))                                                    // a grouped number
		must(t, f.SetCellStyle(sheetResults, "C2", "C2", grouped))                                              //
		must(t, f.SetCellValue(sheetResults, "D2", 95.5))                                                       // two decimals
		must(t, f.SetCellStyle(sheetResults, "D2", "D2", decimal))                                              //
		must(t, f.SetCellValue(sheetResults, "D3", 0.1+0.2))                                                    // binary noise
		must(t, f.SetCellValue(sheetAttendees, "B3", "Pha\u0323m Quô\u0301c Viê\u0323t"))                       // NFD
		must(t, f.SetCellValue(sheetDocuments, "F2", "Như trên\r\n\n  Lưu trữ  \n"))                            // CR LF, blank lines
		must(t, f.SetCellValue(sheetDocuments, "L2", "có"))                                                     // lower case
		must(t, f.SetCellValue(sheetConclusions, "B5", "Kết luận ba."))                                         // after a blank row
		must(t, f.InsertCols(sheetAttendees, "C", 1))                                                           // a column of the clerk's
		must(t, f.SetCellValue(sheetAttendees, "C1", "Điện thoại"))                                             //
		must(t, f.SetCellValue(sheetAttendees, "C2", "0912 345 678"))                                           //
		must(t, f.SetCellValue(sheetAttendees, "H1", "Ghi chú"))                                                // headers moved
		must(t, f.SetCellValue(sheetAttendees, "G1", nil))                                                      //
		must(t, f.SetCellValue(sheetAttendees, "H2", "Vắng có lý do"))                                          //
		must(t, f.SetCellValue(sheetAttendees, "G2", nil))                                                      //
		must(t, f.SetCellValue(sheetAttendees, "F3", " vắng MẶT "))                                             // another spelling
		must(t, f.SetCellValue(sheetInfo, "A"+infoCell(t, "meeting.online")[1:], "  điểm CẦU   trực tuyến "))   // a label retyped
		must(t, f.SetSheetName(sheetGuide, "Ghi chú riêng"))                                                    // the guide is not read
		_, err = f.NewSheet("Nháp")                                                                             // a sheet of the clerk's
		must(t, err)
	})
	want := canonical(full())
	want.Documents[0].Number = "7"
	want.Documents[1].Date = meeting.Date{Raw: "2023-07-28"}
	want.Tasks[0].Deadline = meeting.Date{Raw: "2023-08-04"}
	want.Info.Start = meeting.DateTime{Raw: "2023-07-28 08:05"}
	want.Info.End = meeting.DateTime{Raw: "2023-07-29 00:00"}
	want.Info.Period = meeting.Period{Raw: "2023-07"}
	want.Info.Next = meeting.Period{Raw: "2024"}
	want.Results.Table.Rows[0][2] = meeting.Cell{Raw: "1.234.567"}
	want.Results.Table.Rows[0][3] = meeting.Cell{Raw: "95,50"}
	want.Results.Table.Rows[1][3] = meeting.Cell{Raw: "0,3"}
	want.Info.Attendees[1].Absent = true
	want.Conclusions = append(want.Conclusions, "Kết luận ba.")
	sameMeeting(t, read(t, "hop.xlsx", b), want)
}

func ptr[T any](v T) *T { return &v }

func TestMissingSheetsAndColumns(t *testing.T) {
	b := edit(t, write(t, full()), func(f *excelize.File) {
		must(t, f.DeleteSheet(sheetConclusions))
		must(t, f.SetCellValue(sheetAttendees, "C1", "Chức danh"))
	})
	_, err := Read("hop.xlsx", b, meeting.Options{})
	want := "hop.xlsx: Đại biểu!A1: meeting.attendees: thiếu cột Chức vụ ở dòng 1: giữ đủ các cột của sổ tính mẫu\n" +
		"hop.xlsx: Kết luận: conclusions: thiếu trang tính Kết luận: giữ đủ các trang tính của sổ tính mẫu và tên của chúng"
	if got := problems(t, err).In(lang.Vietnamese); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
	_, err = Read("hop.xlsx", []byte("issuer:\n  name: X\n"), meeting.Options{})
	if got := problems(t, err).In(lang.Vietnamese); !strings.HasPrefix(got, "hop.xlsx: không phải sổ tính Excel (.xlsx): ") {
		t.Errorf("a YAML file read as a workbook: %s", got)
	}
}

// TestSerial checks every minute of a day as a reader sees it: the number
// written, parsed, shows that minute whether it is rounded (Excel) or
// truncated (LibreOffice).
func TestSerial(t *testing.T) {
	day := time.Date(2023, 7, 28, 0, 0, 0, 0, time.UTC)
	if got := excel.Serial(day); got != 45135 {
		t.Errorf("serial of a whole day = %v, want 45135", got)
	}
	for minute := 1; minute < 24*60; minute++ {
		at := day.Add(time.Duration(minute) * time.Minute)
		v, _ := strconv.ParseFloat(strconv.FormatFloat(excel.Serial(at).(float64), 'f', 10, 64), 64)
		shown, err := excelize.ExcelDateToTime(v, false)
		if err != nil {
			t.Fatal(err)
		}
		if !shown.Round(time.Minute).Equal(at) || !shown.Truncate(time.Minute).Equal(at) {
			t.Fatalf("%s is written %v, shown %s", at.Format("15:04"), v, shown.Format("15:04:05.000000"))
		}
	}
}

func TestNumberText(t *testing.T) {
	for _, c := range []struct {
		n      float64
		format string
		want   string
	}{
		{186, "", "186"},
		{1032, "#,##0", "1.032"},
		{-1234567.891, "#,##0.00", "-1.234.567,89"},
		{95.5, "", "95,5"},
		{0.1 + 0.2, "", "0,3"},
		{0.125, "0.0%", "12,5%"},
		{7, `"Số "0`, "7"},
		{2024, "General", "2024"},
	} {
		if got := numberText(c.n, c.format); got != c.want {
			t.Errorf("numberText(%v, %q) = %q, want %q", c.n, c.format, got, c.want)
		}
	}
}

func TestSansLiterals(t *testing.T) {
	for format, want := range map[string]string{
		"dd/mm/yyyy hh:mm":              "dd/mm/yyyyhh:mm",
		`[$-42A]dd" tháng "mm`:          "ddmm",
		`#,##0;[Red]\-#,##0`:            "#,##0",
		`[h]:mm:ss`:                     ":mm:ss",
		`_(* #,##0_);_(* (#,##0);_(@_)`: "#,##0",
		"General":                       "general",
	} {
		if got := sansLiterals(format); strings.ReplaceAll(got, " ", "") != want {
			t.Errorf("sansLiterals(%q) = %q, want %q", format, got, want)
		}
	}
}

// --- the workbook as its XML says, read without excelize ---

// parts returns the parts of a workbook by name, their XML unescaped, so
// that a check reads the same text whichever escapes the writer chose.
func parts(t *testing.T, b []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = html.UnescapeString(string(data))
	}
	return out
}

// sheetXML returns the XML of the named sheet.
func sheetXML(t *testing.T, p map[string]string, name string) string {
	t.Helper()
	for i, s := range sheetOrder {
		if s == name {
			return p[fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)]
		}
	}
	t.Fatalf("no sheet %s", name)
	return ""
}

func TestLayout(t *testing.T) {
	b := write(t, full())
	if zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b))); err != nil || zr.File[0].Name != "[Content_Types].xml" {
		t.Errorf("the first part is not [Content_Types].xml (%v)", err)
	}
	p := parts(t, b)
	wb := p["xl/workbook.xml"]
	for i, name := range sheetOrder {
		if !strings.Contains(wb, fmt.Sprintf(`<sheet name="%s" sheetId="%d"`, name, i+1)) {
			t.Errorf("workbook.xml has no sheet %d named %s", i+1, name)
		}
	}
	if !strings.Contains(wb, `<definedName name="DanhSachDonVi">OFFSET('Đơn vị'!$B$2,0,0,MAX(1,COUNTA('Đơn vị'!$B:$B)-1),1)</definedName>`) {
		t.Errorf("the list of units is not named as expected:\n%s", wb)
	}
	st := p["xl/styles.xml"]
	if !regexp.MustCompile(`<fonts[^>]*><font><sz val="12"></sz><color[^>]*></color><name val="Times New Roman"></name>`).MatchString(st) {
		t.Errorf("the default font is not Times New Roman 12:\n%.600s", st)
	}
	for _, code := range []string{"dd/mm/yyyy", "dd/mm/yyyy hh:mm"} {
		if !strings.Contains(st, `formatCode="`+code+`"`) {
			t.Errorf("no number format %s", code)
		}
	}
	for _, name := range sheetOrder[1:] {
		if x := sheetXML(t, p, name); !strings.Contains(x, `<pane activePane="bottomLeft" state="frozen" topLeftCell="A2" ySplit="1"></pane>`) {
			t.Errorf("%s: the header row is not frozen", name)
		}
	}
	if x := sheetXML(t, p, sheetGuide); strings.Contains(x, "<pane") {
		t.Error("the guide has frozen rows")
	}
	lists := []struct {
		sheet, sqref, style, formula string
	}{
		{sheetDocuments, "A2:A1048576", "information", `"thong-bao,bao-cao,bien-ban"`},
		{sheetDocuments, "L2:L1048576", "stop", `"Không,Có"`},
		{sheetAttendees, "D2:D1048576", "information", "DanhSachDonVi"},
		{sheetAttendees, "E2:E1048576", "stop", `"Có mặt,Vắng"`},
		{sheetTasks, "F2:F1048576", "stop", `"` + strings.Join(meeting.TaskStatuses, ",") + `"`},
	}
	for _, l := range lists {
		x := sheetXML(t, p, l.sheet)
		re := regexp.MustCompile(`<dataValidation [^>]*errorStyle="` + l.style + `"[^>]*sqref="` + l.sqref + `"[^>]*type="list"[^>]*><formula1>` +
			regexp.QuoteMeta(l.formula) + `</formula1>`)
		if !re.MatchString(x) {
			t.Errorf("%s!%s: no %s list %s in\n%s", l.sheet, l.sqref, l.style, l.formula, regexp.MustCompile(`<dataValidations.*</dataValidations>`).FindString(x))
		}
	}
	// Dates are date cells in the date formats: documents[0].date is
	// 05/01/2024, the task's deadline 29/02/2024, the end 06/01/2024 17:45.
	for _, c := range []struct{ sheet, cell, value string }{
		{sheetDocuments, "C2", "45296"},
		{sheetTasks, "E2", "45351"},
		{sheetInfo, infoCell(t, "meeting.end"), "45297.7395833334"},
		{sheetInfo, infoCell(t, "meeting.start"), "45296"},
	} {
		re := regexp.MustCompile(`<c r="` + c.cell + `" s="(\d+)"><v>` + regexp.QuoteMeta(c.value) + `</v></c>`)
		if !re.MatchString(sheetXML(t, p, c.sheet)) {
			t.Errorf("%s!%s is not the date cell %s", c.sheet, c.cell, c.value)
		}
	}
	// Rows tall with text keep no customHeight, so that the programs
	// refit them as the clerk types.
	x := sheetXML(t, p, sheetGuide)
	if !regexp.MustCompile(`<row r="\d+" ht="\d+(\.\d+)?">`).MatchString(x) || strings.Contains(x, "customHeight") {
		t.Error("the guide's rows have no heights of their own, or keep customHeight")
	}
}

// TestGuide checks that the guide says what a clerk must know and
// describes every field and column, as the workbook has them.
func TestGuide(t *testing.T) {
	f, err := excelize.OpenReader(bytes.NewReader(write(t, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheetGuide)
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	terms := map[string]bool{}
	for _, r := range rows {
		if len(r) > 0 {
			terms[r[0]] = true
		}
		text.WriteString(strings.Join(r, " ") + "\n")
	}
	for _, s := range []string{"Alt+Enter", "Ctrl+Enter", "28/07/2023", "2023-07-28", "28/07/2023 08:00", "2023-H1", "2023-9M",
		"2023-2024", `"Số:      /TB-CTĐ"`, "Bắt buộc.", "màu cam", "Có mặt hoặc Vắng"} {
		if !strings.Contains(text.String(), s) {
			t.Errorf("the guide does not say %q", s)
		}
	}
	for _, s := range sheetOrder[1:] {
		if !terms[s] {
			t.Errorf("the guide does not describe sheet %s", s)
		}
	}
	for _, s := range sections {
		for _, fl := range s.fields {
			if !terms[fl.label] || fl.help == "" {
				t.Errorf("the guide does not describe %s", fl.label)
			}
		}
	}
	for _, tb := range tables {
		for _, c := range tb.columns {
			if !terms[c.header] || c.help == "" {
				t.Errorf("the guide does not describe column %s of %s", c.header, tb.sheet)
			}
		}
	}
}

// TestTimeWithoutDate: a start cell holding only a time of day — Excel's
// day zero, 30 December 1899 — and a time typed as text are refused at
// their cells, where printing "ngày 30 tháng 12 năm 1899" would be a lie;
// a document date shown as a month is read as a month.
func TestTimeWithoutDate(t *testing.T) {
	b := edit(t, write(t, full()), func(f *excelize.File) {
		clock, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("h:mm")})
		must(t, err)
		month, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("mm/yyyy")})
		must(t, err)
		start, end := infoCell(t, "meeting.start"), infoCell(t, "meeting.end")
		must(t, f.SetCellValue(sheetInfo, start, 8.5/24))
		must(t, f.SetCellStyle(sheetInfo, start, start, clock))
		must(t, f.SetCellValue(sheetInfo, end, "11:30"))
		must(t, f.SetCellValue(sheetDocuments, "C2", 45597))
		must(t, f.SetCellStyle(sheetDocuments, "C2", "C2", month))
	})
	_, err := Read("hop.xlsx", b, meeting.Options{})
	want := []string{
		"hop.xlsx: Thông tin!" + infoCell(t, "meeting.start") + ": meeting.start: có giờ mà không có ngày: hãy ghi cả ngày, như 2023-07-28 08:00 hoặc 28/07/2023 08:00",
		"hop.xlsx: Thông tin!" + infoCell(t, "meeting.end") + ": meeting.end: có giờ mà không có ngày: hãy ghi cả ngày, như 2023-07-28 08:00 hoặc 28/07/2023 08:00",
	}
	var ps diag.List
	if !errors.As(err, &ps) || ps.In(lang.Vietnamese) != strings.Join(want, "\n") {
		t.Fatalf("problems:\n%v\nwant:\n%s", err, strings.Join(want, "\n"))
	}
	b = edit(t, write(t, full()), func(f *excelize.File) {
		month, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("mm/yyyy")})
		must(t, err)
		must(t, f.SetCellValue(sheetDocuments, "C2", 45597))
		must(t, f.SetCellStyle(sheetDocuments, "C2", "C2", month))
	})
	if m := read(t, "hop.xlsx", b); m.Documents[0].Date.Raw != "2024-11" {
		t.Errorf("a date cell shown as a month reads %q, want 2024-11", m.Documents[0].Date.Raw)
	}
}
