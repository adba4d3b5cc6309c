package workbook

import "strings"

// rules are the general rules of the guide: a term, and what to know.
var rules = [][2]string{
	{"Sổ tính này", "Sổ tính này là đầu vào của hoinghi. Điền thông tin hội nghị vào các trang tính, lưu lại dạng .xlsx " +
		"(bằng Excel hoặc LibreOffice), rồi dùng hoinghi để lập THÔNG BÁO kết luận, BÁO CÁO, BIÊN BẢN hội nghị theo " +
		"Nghị định 30/2020/NĐ-CP và danh sách đại biểu."},
	{"Mục bắt buộc", "Chỉ bắt buộc những gì văn bản không thể thiếu: tên cơ quan ban hành, tên hội nghị, loại của mỗi " +
		"văn bản, họ và tên đại biểu, nội dung phát biểu, nội dung kết luận, nội dung nhiệm vụ. Tên các mục, các cột " +
		"bắt buộc tô màu cam. Mục khác có thể để trống: văn bản in dấu chấm (……) để điền tay."},
	{"Dòng và cột", "Dòng 1 của mỗi trang là tên các cột: không sửa, không xóa. Mỗi dòng bên dưới là một mục, theo " +
		"thứ tự sẽ in (thứ tự nghi thức); dòng để trống được bỏ qua. Cột STT chỉ để tiện theo dõi, hoinghi không đọc. " +
		"Có thể thêm cột hoặc trang tính riêng để ghi chú: hoinghi bỏ qua."},
	{"Trang Thông tin", "Cột A là tên mục, cột B là nội dung, cột C là cách ghi. Không sửa tên mục ở cột A."},
	{"Nhiều mục trong một ô", "Kính gửi, Nơi nhận, quyền hạn và chức vụ người ký, điểm cầu trực tuyến, đơn vị phối " +
		"hợp: mỗi mục một dòng trong ô, không ghi gạch đầu dòng, dấu chấm phẩy. Xuống dòng trong ô: Alt+Enter trong " +
		"Excel, Ctrl+Enter trong LibreOffice."},
	{"Ngày", "Ghi ngày/tháng/năm, như 28/07/2023; ô ngày đã định dạng sẵn dd/mm/yyyy. Cũng có thể ghi 2023-07-28."},
	{"Ngày giờ", "Bắt đầu và Kết thúc: ngày/tháng/năm giờ:phút, như 28/07/2023 08:00 (giờ từ 0 đến 23). Chưa biết giờ " +
		"thì chỉ ghi ngày."},
	{"Kỳ", "2023-H1 (6 tháng đầu năm), 2023-H2 (6 tháng cuối năm), 2023-Q3 (quý III), 2023-07 (tháng 7), 2023-9M " +
		"(9 tháng), 2023 (cả năm), 2023-2024 (năm học)."},
	{"Số văn bản", "Để trống khi văn thư chưa cấp số: văn bản in \"Số:      /TB-CTĐ\" để điền số bằng tay sau khi ký."},
	{"Chữ đậm, nghiêng, danh sách", "Trong các ô nội dung: **chữ đậm** viết giữa hai cặp dấu sao, *chữ nghiêng* giữa " +
		"hai dấu sao; danh sách: mỗi ý một dòng trong ô, bắt đầu bằng \"- \"."},
	{"Danh sách chọn", "Ô có mũi tên cho chọn trong danh sách: loại văn bản, đơn vị của đại biểu (lấy từ trang Đơn vị), " +
		"Có mặt hoặc Vắng, kèm phụ lục, trạng thái nhiệm vụ. Loại văn bản và đơn vị ghi tay được giá trị ngoài danh sách."},
	{"Khi có lỗi", "hoinghi báo mọi lỗi một lần, mỗi lỗi kèm trang tính và ô, tên trường và điều cần sửa, như: " +
		"hop.xlsx: Đại biểu!B14: meeting.attendees[12].name: thiếu họ và tên đại biểu."},
}

// sheetHelp says what each sheet holds, for the guide's list of sheets.
func sheetHelp() [][2]string {
	out := [][2]string{{sheetInfo, "Cơ quan ban hành, tên, thời gian, địa điểm, kỳ của hội nghị, thư ký; tình hình, " +
		"ưu điểm, hạn chế của kỳ."}}
	for _, t := range tables {
		out = append(out, [2]string{t.sheet, t.help})
		if t.sheet == sheetAttendees {
			out = append(out, [2]string{sheetResults, "Bảng số liệu của báo cáo, cột do bạn đặt."})
		}
	}
	return out
}

// guide writes the Hướng dẫn sheet from the rules and from the help of
// every field and column, so that it describes what Read reads.
func (w *writer) guide() {
	const sheet = sheetGuide
	w.column(sheet, 1, 30, w.st.term)
	w.column(sheet, 2, 100, w.st.prose)
	row := 1
	line := func(term, text string) {
		w.set(sheet, 1, row, nilIfBlank(term), w.st.term)
		w.set(sheet, 2, row, nilIfBlank(text), w.st.prose)
		row++
	}
	heading := func(title string) {
		row++ // a blank line before
		w.set(sheet, 1, row, title, w.st.section)
		w.set(sheet, 2, row, nil, w.st.section)
		row++
	}
	w.set(sheet, 1, row, "HƯỚNG DẪN ĐIỀN THÔNG TIN HỘI NGHỊ", w.st.title)
	row++

	heading("CÁCH GHI")
	for _, r := range rules {
		line(r[0], r[1])
	}
	heading("CÁC TRANG TÍNH")
	for _, s := range sheetHelp() {
		line(s[0], s[1])
	}
	heading("TRANG " + strings.ToUpper(sheetInfo))
	for _, s := range sections {
		for _, fl := range s.fields {
			line(fl.label, requiredText(fl.required)+fl.help)
		}
	}
	for _, t := range tables {
		heading("TRANG " + strings.ToUpper(t.sheet))
		line("", t.help)
		for _, c := range t.columns {
			line(c.header, requiredText(c.required)+c.help)
		}
		if t.sheet == sheetAttendees {
			heading("TRANG " + strings.ToUpper(sheetResults))
			line("", resultsHelp)
		}
	}
	w.page(sheet)
}

func requiredText(required bool) string {
	if required {
		return "Bắt buộc. "
	}
	return ""
}
