// Package workbook is the Excel form of a meeting file: a workbook a clerk
// fills in with Excel or LibreOffice instead of writing YAML, and its
// reading back into a meeting.Meeting.
//
// Write makes the workbook, blank or filled from a meeting; Read takes it
// back, reporting every problem at once with the sheet and cell it is in,
// and validates the result as meeting.Parse validates a YAML file. One
// description of the sheets (this file) drives both, so that what Write
// lays out is exactly what Read expects, and the field paths of problems
// are those of the YAML file.
package workbook

import (
	"reflect"
	"strings"

	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/meeting"
)

// The sheets, in workbook order. The guide comes first because it is what
// a clerk who opens the workbook for the first time needs.
const (
	sheetGuide       = "Hướng dẫn"
	sheetInfo        = "Thông tin"
	sheetDocuments   = "Văn bản"
	sheetChairs      = "Chủ trì"
	sheetUnits       = "Đơn vị"
	sheetAttendees   = "Đại biểu"
	sheetResults     = "Kết quả"
	sheetDiscussion  = "Thảo luận"
	sheetConclusions = "Kết luận"
	sheetTasks       = "Nhiệm vụ"
)

// sheetOrder is every sheet in workbook order; problems are sorted by it.
var sheetOrder = []string{
	sheetGuide, sheetInfo, sheetDocuments, sheetChairs, sheetUnits,
	sheetAttendees, sheetResults, sheetDiscussion, sheetConclusions, sheetTasks,
}

// Header of the numbering column. Write numbers the rows; Read ignores
// the column, since the order of the rows is the order of the items.
const numberHeader = "STT"

// choice is how a yes/no field is written in a cell: a word a clerk picks
// from a drop-down list, where true and false would mean nothing to them.
type choice struct {
	yes, no string
	// more are other spellings Read accepts for yes.
	more []string
}

var (
	absentChoice   = &choice{yes: "Vắng", no: "Có mặt", more: []string{"Vắng mặt"}}
	annexChoice    = &choice{yes: "Có", no: "Không"}
	completeChoice = &choice{yes: "Đủ", no: "Chưa đủ", more: []string{"Có", "Đầy đủ"}}
)

// codes describes the codes of a choice list for the guide: "so-ket (hội
// nghị sơ kết), …".
func codes(cs []meeting.Choice) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.Code + " (" + c.Text.In(lang.Vietnamese) + ")"
	}
	return strings.Join(parts, ", ")
}

// column is one column of a table sheet, bound to a field of the items of
// the sheet's list.
type column struct {
	header string
	// field is the YAML path of the value inside one item ("signer.name");
	// blank when the items are themselves text (units, conclusions).
	field    string
	width    float64 // in characters of the default font
	required bool    // the header is coloured so that the clerk sees it
	// text keeps what is typed as text, so that Excel does not turn "05"
	// into 5 or "2023-07" into a date. Only for short values: Excel shows
	// #### for a text-formatted cell of over 255 characters.
	text   bool
	choice *choice
	// list offers values in a drop-down: the given ones, or those of the
	// named range listName. An open list also accepts other values, with
	// openNote as the notice, for what an office may add (a kind of its
	// own, a guest's unit); a closed one refuses them.
	list     []string
	listName string
	open     bool
	openNote string
	// prompt is shown when a cell of the column is selected.
	prompt string
	help   string // the column's line in the guide
}

// table is a sheet holding a list of the meeting, one item per row below
// a header row.
type table struct {
	sheet string
	// path is the YAML path of the list ("meeting.attendees").
	path     string
	numbered bool // a STT column comes first
	help     string
	columns  []column
}

// builtinKinds are the kinds of document hoinghi has templates for.
var builtinKinds = []string{"thong-bao", "bao-cao", "bien-ban"}

// unitsName names the list of units on the Đơn vị sheet, which the unit
// of an attendee is picked from.
const unitsName = "DanhSachDonVi"

const honorificHelp = "Cách gọi người này trong câu: để trống là đồng chí; ghi ông hoặc bà cho khách không phải cán bộ, như đại biểu nước ngoài."

const onePerLine = "Mỗi mục một dòng trong ô: xuống dòng bằng Alt+Enter (Excel) hoặc Ctrl+Enter (LibreOffice)."

// tables are the table sheets, in workbook order, the results table aside:
// its columns are the clerk's. The help of each column is its line in the
// guide.
var tables = []table{
	{sheet: sheetDocuments, path: "documents",
		help: "Các văn bản cần lập từ hội nghị, mỗi dòng một văn bản với số, ngày, nơi nhận và người ký riêng. Để trống cả trang thì hoinghi lập đủ ba loại thong-bao, bao-cao, bien-ban, số và ngày để trống.",
		columns: []column{
			{header: "Loại văn bản", field: "kind", width: 14, required: true, text: true,
				list: builtinKinds, open: true, openNote: "Loại này không có sẵn: hoinghi cần mẫu riêng của cơ quan cho loại này.",
				help: "Chọn trong danh sách: thong-bao (THÔNG BÁO kết luận), bao-cao (BÁO CÁO), bien-ban (BIÊN BẢN). Cơ quan có mẫu riêng thì ghi tên mẫu đó."},
			{header: "Số", field: "number", width: 7, text: true,
				prompt: "Để trống khi văn thư chưa cấp số: văn bản in \"Số:      /TB-…\" để điền tay.",
				help:   "Số văn bản, số nguyên dương như 5 hoặc 05 (số dưới 10 được in thêm số 0). Để trống khi văn thư chưa cấp số: văn bản in \"Số:      /TB-CTĐ\" (ký hiệu loại văn bản và chữ viết tắt tên cơ quan) để điền tay sau khi ký. Hai văn bản cùng loại không được trùng số."},
			{header: "Ngày ban hành", field: "date", width: 13,
				help: "Ngày ký ban hành, như 31/07/2023. Để trống khi chưa biết: văn bản in dấu chấm để điền tay."},
			{header: "Trích yếu", field: "abstract", width: 44,
				help: "Trích yếu nội dung văn bản. Để trống thì dùng trích yếu mặc định theo loại văn bản và tên hội nghị."},
			{header: "Kính gửi", field: "to", width: 34, prompt: onePerLine,
				help: "Các nơi \"Kính gửi\" của báo cáo gửi cấp trên, mỗi nơi một dòng trong ô."},
			{header: "Nơi nhận", field: "recipients", width: 44, prompt: onePerLine,
				help: "Danh sách \"Nơi nhận\", mỗi nơi một dòng trong ô, không ghi gạch đầu dòng và dấu chấm phẩy: hoinghi tự thêm. Có Kính gửi thì \"Như trên\" được thêm ở đầu."},
			{header: "Lưu", field: "archive", width: 16,
				help: "Phần sau \"Lưu: \" ở dòng cuối Nơi nhận, như VT, CTĐ."},
			{header: "Người ký: quyền hạn, chức vụ", field: "signer.titles", width: 36, prompt: onePerLine,
				help: "Các dòng quyền hạn, chức vụ của người ký, chữ in hoa, mỗi dòng một mục trong ô, như TM. CỤM THI ĐUA / CỤM TRƯỞNG. Trong biên bản là chủ tọa."},
			{header: "Người ký: họ và tên", field: "signer.name", width: 22,
				help: "Họ và tên người ký, không ghi học hàm, học vị."},
			{header: "Thư ký: chức danh", field: "secretary.titles", width: 18, prompt: onePerLine,
				help: "Chỉ dùng cho biên bản: dòng chức danh của thư ký ký bên cạnh chủ tọa, như THƯ KÝ."},
			{header: "Thư ký: họ và tên", field: "secretary.name", width: 22,
				help: "Chỉ dùng cho biên bản: họ và tên thư ký."},
			{header: "Kèm phụ lục danh sách đại biểu", field: "annex", width: 14, choice: annexChoice,
				help: "Chọn Có để kèm danh sách đại biểu thành Phụ lục của văn bản; để trống là Không."},
		}},
	{sheet: sheetChairs, path: "meeting.chairs", numbered: true,
		help: "Người chủ trì hội nghị theo thứ tự nghi thức; nhiều người là đồng chủ trì.",
		columns: []column{
			{header: "Họ và tên", field: "name", width: 26, help: "Họ và tên người chủ trì. Chủ trì là một cơ quan thì chỉ ghi cột Đơn vị."},
			{header: "Chức vụ", field: "position", width: 44, help: "Chức vụ, như Phó Chủ tịch UBND tỉnh Bắc Kạn."},
			{header: "Đơn vị", field: "unit", width: 34, help: "Đơn vị công tác."},
			{header: "Vai trò", field: "role", width: 18, help: "Vai trò trong hội nghị hoặc trong cụm, khối thi đua, như Cụm trưởng."},
			{header: "Cách gọi", field: "honorific", width: 11, help: honorificHelp},
		}},
	{sheet: sheetUnits, path: "meeting.units", numbered: true,
		help: "Các đơn vị dự họp (của cụm, khối thi đua: các đơn vị thành viên) theo thứ tự nghi thức. Danh sách đại biểu nhóm theo đơn vị; cột Đơn vị của trang Đại biểu chọn trong danh sách này.",
		columns: []column{
			{header: "Tên đơn vị", width: 70, help: "Tên đơn vị, ghi một lần, đúng như sẽ in."},
		}},
	{sheet: sheetAttendees, path: "meeting.attendees", numbered: true,
		help: "Đại biểu được mời theo thứ tự nghi thức (khách mời cấp trên trước), cả người vắng mặt.",
		columns: []column{
			{header: "Họ và tên", field: "name", width: 26, required: true, help: "Họ và tên đại biểu."},
			{header: "Chức vụ", field: "position", width: 44, help: "Chức vụ của đại biểu."},
			{header: "Đơn vị", field: "unit", width: 36, listName: unitsName, open: true,
				openNote: "Đơn vị này không có ở trang Đơn vị: đại biểu vẫn được ghi, nhóm riêng theo đơn vị này.",
				help:     "Chọn trong danh sách lấy từ trang Đơn vị, để đại biểu được nhóm đúng đơn vị; đơn vị khác (khách mời) thì ghi tay. Để trống thì đại biểu vào nhóm Đại biểu khác."},
			{header: "Tham dự", field: "absent", width: 11, choice: absentChoice,
				help: "Chọn Có mặt hoặc Vắng; để trống là Có mặt."},
			{header: "Ghi chú", field: "note", width: 24, help: "Ghi chú, như Vắng có lý do, Khách mời."},
		}},
	{sheet: sheetDiscussion, path: "discussion", numbered: true,
		help: "Các ý kiến phát biểu theo thứ tự, ghi vào biên bản.",
		columns: []column{
			{header: "Người phát biểu", field: "speaker", width: 24, help: "Họ và tên người phát biểu."},
			{header: "Chức vụ", field: "position", width: 40, help: "Chức vụ, ghi đủ như khi đọc trong biên bản."},
			{header: "Đơn vị", field: "unit", width: 28, help: "Đơn vị công tác."},
			{header: "Nội dung phát biểu", field: "content", width: 80, required: true, help: "Nội dung ý kiến."},
			{header: "Cách gọi", field: "honorific", width: 11, help: honorificHelp},
		}},
	{sheet: sheetConclusions, path: "conclusions", numbered: true,
		help: "Kết luận của chủ trì hội nghị, mỗi dòng một đoạn, in vào thông báo kết luận.",
		columns: []column{
			{header: "Nội dung kết luận", width: 120, required: true, help: "Một đoạn kết luận."},
		}},
	{sheet: sheetTasks, path: "tasks", numbered: true,
		help: "Các nhiệm vụ được giao cho kỳ tới, để theo dõi thực hiện.",
		columns: []column{
			{header: "Nội dung nhiệm vụ", field: "content", width: 64, required: true, help: "Nội dung nhiệm vụ."},
			{header: "Đơn vị chủ trì", field: "lead", width: 30, help: "Đơn vị chủ trì thực hiện."},
			{header: "Đơn vị phối hợp", field: "support", width: 30, prompt: onePerLine,
				help: "Các đơn vị phối hợp, mỗi đơn vị một dòng trong ô."},
			{header: "Thời hạn", field: "deadline", width: 13, help: "Hạn hoàn thành, như 04/08/2023."},
			{header: "Trạng thái", field: "status", width: 18, list: meeting.TaskStatuses,
				help: "Chọn trong danh sách: " + strings.Join(meeting.TaskStatuses, ", ") + ". Để trống là nhiệm vụ mới giao."},
		}},
}

// The results table: the clerk names its columns in row 1. Write prepares
// this many columns of a blank workbook; a clerk may use more.
const (
	resultsPath    = "results.table"
	resultsColumns = 8
)

const resultsHelp = "Bảng số liệu của báo cáo. Dòng 1 ghi tên các cột do bạn đặt, như STT, Đơn vị, Tập thể được khen, Cá nhân được khen; mỗi dòng bên dưới là một hàng của bảng. Mọi ô được in đúng như đã ghi: số có dấu chấm phân cách hàng nghìn như 1.032, số thập phân như 95,5. Tên bảng ghi ở trang Thông tin."

// field is one labelled field of the Thông tin sheet: its label in column
// A, its value in column B.
type field struct {
	label string
	path  string // YAML path from the top of the file
	// block fields are lists written one item per row, from the label's
	// row down to the next label.
	block    bool
	required bool
	hint     string // column C: how to fill the field
	help     string // the field's line in the guide, before the hint
	// choice is the words of a yes/no field; list the values a drop-down
	// offers, which an open field extends with a label of its own.
	choice *choice
	list   []string
	open   bool
}

// section heads a group of fields on the Thông tin sheet.
type section struct {
	title  string
	fields []field
}

const (
	dateTimeHint = "Ngày/tháng/năm giờ:phút, như 28/07/2023 08:00."
	blockHint    = "Mỗi dòng một đoạn; cần thêm thì chèn dòng (Insert) trong khối này."
)

var sections = []section{
	{"CƠ QUAN BAN HÀNH VĂN BẢN", []field{
		{label: "Cơ quan chủ quản", path: "issuer.parent", hint: "Chữ in hoa, như UBND TỈNH BẮC KẠN.",
			help: "Cơ quan chủ quản trực tiếp, nếu có, in trên tên cơ quan ban hành."},
		{label: "Tên cơ quan ban hành", path: "issuer.name", required: true, hint: "Chữ in hoa, như CỤM THI ĐUA CÁC TỈNH …",
			help: "Tên cơ quan ban hành văn bản, dùng chung cho mọi văn bản của hội nghị; tên dài tự xuống dòng."},
		{label: "Chữ viết tắt tên cơ quan", path: "issuer.code", hint: "Như CTĐ trong Số: 05/TB-CTĐ.",
			help: "Chữ viết tắt tên cơ quan trong ký hiệu văn bản."},
		{label: "Địa danh", path: "issuer.place", hint: "Như Bắc Kạn.",
			help: "Địa danh ở dòng ngày tháng: Bắc Kạn, ngày … tháng … năm …"},
		{label: "Loại cơ quan ban hành", path: "issuer.type", hint: "Để trống thì hoinghi suy ra từ tên cơ quan.", list: meeting.Codes(meeting.BodyTypes),
			help: "Loại cơ quan: " + codes(meeting.BodyTypes) + ". Tổ chức Đảng (dang) ban hành văn bản theo thể thức của Đảng."},
	}},
	{"HỘI NGHỊ", []field{
		{label: "Tên hội nghị", path: "meeting.title", required: true, hint: "Như Hội nghị sơ kết công tác …",
			help: "Tên đầy đủ của hội nghị."},
		{label: "Loại cuộc họp", path: "meeting.type", hint: "Để trống thì hoinghi suy ra từ tên hội nghị.", list: meeting.Codes(meeting.MeetingTypes), open: true,
			help: "Loại cuộc họp: " + codes(meeting.MeetingTypes) + "; loại khác thì ghi tên gọi bằng chữ."},
		{label: "Bắt đầu", path: "meeting.start", hint: dateTimeHint,
			help: "Thời gian bắt đầu. Chỉ ghi ngày khi chưa biết giờ."},
		{label: "Kết thúc", path: "meeting.end", hint: dateTimeHint,
			help: "Thời gian kết thúc; hội nghị có thể kéo dài sang ngày sau."},
		{label: "Địa điểm", path: "meeting.venue", help: "Địa điểm họp."},
		{label: "Điểm cầu trực tuyến", path: "meeting.online", hint: onePerLine,
			help: "Các điểm cầu trực tuyến, nếu có."},
		{label: "Hình thức", path: "meeting.mode", hint: "Để trống thì suy ra từ địa điểm và điểm cầu.", list: meeting.Codes(meeting.Modes),
			help: "Hình thức tổ chức: " + codes(meeting.Modes) + "."},
		{label: "Đơn vị tổ chức", path: "meeting.organizer", hint: "Chữ thường như trong câu, như UBND xã Tân An.",
			help: "Đơn vị tổ chức hội nghị, viết như trong câu văn. Để trống là cơ quan ban hành."},
		{label: "Loại đơn vị tổ chức", path: "meeting.organizer_type", hint: "Để trống thì suy ra từ tên đơn vị.", list: meeting.Codes(meeting.BodyTypes),
			help: "Loại đơn vị tổ chức, như loại cơ quan ban hành. Chỉ cụm, khối thi đua có \"đơn vị thành viên\"."},
		{label: "Nội dung sơ kết, tổng kết", path: "meeting.subject", hint: "Như công tác thi đua, khen thưởng.",
			help: "Lĩnh vực được sơ kết, tổng kết. Để trống thì lấy từ tên hội nghị."},
		{label: "Kỳ sơ kết, tổng kết", path: "meeting.period", hint: "Như 2023-H1.",
			help: "Kỳ được sơ kết, tổng kết hoặc kỳ cuộc họp bàn đến: 2023-H1 (6 tháng đầu năm), 2023-H2 (6 tháng cuối năm), 2023-Q3 (quý III), 2023-07 (tháng 7), 2023-9M (9 tháng), 2023 (cả năm), 2023-2024 (năm học), 2021-2025 (giai đoạn), 2024-05-01/2024-08-31 (một đợt), hoặc ghi bằng chữ như quý II năm 2025; hai kỳ cách nhau bằng dấu chấm phẩy. Để trống thì lấy từ tên hội nghị."},
		{label: "Kỳ triển khai tiếp theo", path: "meeting.next", hint: "Để trống thì lấy từ tên hội nghị; không có thì ghi không.",
			help: "Kỳ triển khai nhiệm vụ, ghi như kỳ sơ kết. Để trống thì lấy từ tên hội nghị (\"…, triển khai nhiệm vụ năm 2025\"); hoinghi không tự đặt ra kỳ tiếp theo. Ghi không khi cuộc họp không đặt kỳ tiếp theo."},
	}},
	{"THÀNH PHẦN", []field{
		{label: "Thành phần theo chức danh", path: "meeting.participants", hint: onePerLine,
			help: "Những nhóm dự họp theo chức danh, không phải đơn vị, như Trưởng các thôn, bản; mỗi nhóm một dòng trong ô."},
		{label: "Số người được mời", path: "meeting.attendance.invited", hint: "Như 40, hoặc khoảng 60, hơn 40.",
			help: "Tổng số người được mời hoặc triệu tập, đúng hoặc ước chừng (khoảng, gần, hơn, trên)."},
		{label: "Số người có mặt", path: "meeting.attendance.present", hint: "Như 37.",
			help: "Số người có mặt."},
		{label: "Số người vắng", path: "meeting.attendance.absent", hint: "Như 3.",
			help: "Số người vắng mặt. Biết hai trong ba số thì số còn lại được tính ra."},
		{label: "Danh sách đại biểu đã đủ", path: "meeting.attendance.complete", choice: completeChoice, hint: "Chọn Đủ khi trang Đại biểu ghi đủ mọi người được mời.",
			help: "Chọn Đủ khi trang Đại biểu ghi đủ mọi người được mời: khi đó số có mặt, vắng mặt được đếm từ danh sách. Danh sách chỉ ghi một số người thì để Chưa đủ: văn bản không tự đếm."},
		{label: "Nội dung chương trình", path: "meeting.agenda", block: true, hint: blockHint,
			help: "Những nội dung cuộc họp nghe và thảo luận, mỗi nội dung một dòng, như Báo cáo tình hình kinh tế - xã hội tháng 9."},
	}},
	{"THƯ KÝ HỘI NGHỊ", []field{
		{label: "Thư ký: họ và tên", path: "meeting.secretary.name", help: "Họ và tên thư ký, người ghi biên bản."},
		{label: "Thư ký: chức vụ", path: "meeting.secretary.position", help: "Chức vụ của thư ký."},
		{label: "Thư ký: đơn vị", path: "meeting.secretary.unit", help: "Đơn vị công tác của thư ký."},
		{label: "Thư ký: vai trò", path: "meeting.secretary.role", hint: "Thường để trống.",
			help: "Vai trò của thư ký trong cụm, khối thi đua, nếu cần ghi."},
		{label: "Thư ký: cách gọi", path: "meeting.secretary.honorific", hint: "Thường để trống (đồng chí).", help: honorificHelp},
	}},
	{"KẾT QUẢ", []field{
		{label: "Tên bảng số liệu", path: "results.table.title", hint: "Bảng ở trang Kết quả.",
			help: "Tên của bảng số liệu ở trang Kết quả."},
		{label: "Tình hình, kết quả", path: "results.summary", block: true, hint: blockHint,
			help: "Tình hình, kết quả chung của kỳ, mỗi đoạn một dòng (ô ở cột Nội dung)."},
		{label: "Ưu điểm", path: "results.strengths", block: true, hint: blockHint,
			help: "Các ưu điểm, mỗi đoạn một dòng."},
		{label: "Tồn tại, hạn chế", path: "results.limitations", block: true, hint: blockHint,
			help: "Các tồn tại, hạn chế, mỗi đoạn một dòng."},
	}},
}

// Rows a block of a blank workbook offers, and the empty rows a filled
// block keeps for additions.
const (
	blockRows  = 5
	blockSpare = 2
)

// fieldOf returns the field of v at the YAML path, such as "signer.name";
// a blank path is v itself.
func fieldOf(v reflect.Value, path string) reflect.Value {
	if path == "" {
		return v
	}
	for _, key := range strings.Split(path, ".") {
		t := v.Type()
		found := false
		for i := range t.NumField() {
			if name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); name == key {
				v, found = v.Field(i), true
				break
			}
		}
		if !found {
			// The tables above name fields of the model; a test reads
			// and writes every one.
			panic("workbook: no field " + key + " in " + t.String())
		}
	}
	return v
}

// The scalar types of the model, which a cell holds as a date, a date
// and time, or text.
var (
	dateType     = reflect.TypeOf(meeting.Date{})
	dateTimeType = reflect.TypeOf(meeting.DateTime{})
	periodType   = reflect.TypeOf(meeting.Period{})
	cellType     = reflect.TypeOf(meeting.Cell{})
	countType    = reflect.TypeOf(meeting.Count{})
	listType     = reflect.TypeOf([]string(nil))
)

// normalize folds a label or header for comparison: NFC, single spaces,
// lower case, so that a retyped label still matches.
func normalize(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(nfc(s)), " "))
}
