package meeting

import "github.com/hoinghi/hoinghi/report/lang"

func init() {
	lang.Register(map[string]string{
		"the file is saved as UTF-16: save it again with the UTF-8 encoding": "tệp được lưu dạng UTF-16: hãy lưu lại với bảng mã UTF-8",
		"the file is not UTF-8 text: save it again with the UTF-8 encoding":  "tệp không phải văn bản UTF-8: hãy lưu lại với bảng mã UTF-8",
		"the file is empty: expected a meeting":                              "tệp rỗng: cần thông tin một cuộc họp",
		"a file holds one meeting: found a second YAML document":             "mỗi tệp chứa một cuộc họp: tìm thấy tài liệu YAML thứ hai",
		"not valid YAML or JSON: %s":                                         "không phải YAML hoặc JSON hợp lệ: %s",
		"expected %s":                                                        "cần %s",
		"cannot read this value: %s":                                         "không đọc được giá trị này: %s",
		"a list":                                                             "một danh sách",
		"a single value":                                                     "một giá trị đơn",
		"a group of fields (key: value)":                                     "một nhóm trường (khóa: giá trị)",
		"true or false":                                                      "true hoặc false",
		"a whole number":                                                     "một số nguyên",
		"text":                                                               "văn bản",
		"unknown field %s: expected one of %s":                               "trường %s không có trong định dạng: cần một trong các trường %s",
		"missing %s":                                                         "thiếu %s",
		"the name of the issuing agency":                                     "tên cơ quan ban hành",
		"the title of the meeting":                                           "tên hội nghị",
		"the kind of document":                                               "loại văn bản",
		"unknown kind %s: expected one of %s":                                "không có loại văn bản %s: cần một trong các loại %s",
		"the same kind and number as documents[%d]: each document needs its own number":           "trùng loại và số với documents[%d]: mỗi văn bản cần một số riêng",
		"expected a positive whole number or a blank, got %s":                                     "cần một số nguyên dương hoặc để trống, nhận được %s",
		"the meeting ends before it starts (%s)":                                                  "thời gian kết thúc trước thời gian bắt đầu (%s)",
		"expected a period such as 2023-H1, 2023-Q3, 2023-07, 2023-9M, 2023 or 2023-2024, got %s": "cần một kỳ như 2023-H1, 2023-Q3, 2023-07, 2023-9M, 2023 hoặc 2023-2024, nhận được %s",
		"the attendee's name":                       "họ và tên đại biểu",
		"the column names of the table":             "tên các cột của bảng",
		"expected %d cells, one per column, got %d": "cần %d ô, mỗi cột một ô, nhận được %d",
		"what was said":                             "nội dung phát biểu",
		"the text of the conclusion":                "nội dung kết luận",
		"the content of the task":                   "nội dung nhiệm vụ",
		"unknown status %s: expected one of %s":     "không có trạng thái %s: cần một trong các trạng thái %s",
		"expected a date that exists, such as 2023-07-28 or 28/07/2023, got %s": "cần một ngày có thật, như 2023-07-28 hoặc 28/07/2023, nhận được %s",
		"expected a date and time that exist, such as 2023-07-28 08:00, got %s": "cần ngày giờ có thật, như 2023-07-28 08:00, nhận được %s",
		"the font cannot draw the character %s":                                 "phông chữ không có ký tự %s",
	})
}
