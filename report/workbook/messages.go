package workbook

import "github.com/hoinghi/hoinghi/report/lang"

func init() {
	lang.Register(map[string]string{
		"not an Excel workbook (.xlsx): %s":                                                                                    "không phải sổ tính Excel (.xlsx): %s",
		"missing sheet %s: keep the sheets of the blank workbook and their names":                                              "thiếu trang tính %s: giữ đủ các trang tính của sổ tính mẫu và tên của chúng",
		"missing column %s in row 1: keep the columns of the blank workbook":                                                   "thiếu cột %s ở dòng 1: giữ đủ các cột của sổ tính mẫu",
		"unknown label %s: column A holds the labels of the blank workbook":                                                    "không có mục %s: cột A ghi tên các mục như sổ tính mẫu",
		"the label %s is written twice: keep one":                                                                              "mục %s được ghi hai lần: chỉ giữ một",
		"a value without a label: write the label of its field in column A":                                                    "giá trị không có tên mục: ghi tên mục ở cột A",
		"expected %s or %s, got %s":                                                                                            "cần %s hoặc %s, nhận được %s",
		"a cell outside the table: give its column a name in row 1":                                                            "ô nằm ngoài bảng: đặt tên cho cột này ở dòng 1",
		"the workbook holds %d files, more than the %d a workbook may have: it is not a workbook of hoinghi":                   "sổ tính chứa %d tệp, nhiều hơn %d tệp một sổ tính được có: đây không phải sổ tính của hoinghi",
		"the part %s of the workbook unpacks to %d bytes, more than %d: save the workbook again with Excel or LibreOffice":     "phần %s của sổ tính giải nén ra %d byte, nhiều hơn %d: lưu lại sổ tính bằng Excel hoặc LibreOffice",
		"the workbook unpacks to more than %d bytes: save it again with Excel or LibreOffice":                                  "sổ tính giải nén ra nhiều hơn %d byte: lưu lại sổ tính bằng Excel hoặc LibreOffice",
		"the part %s of the workbook unpacks to %d times its size, more than %d: it is not a workbook of Excel or LibreOffice": "phần %s của sổ tính giải nén ra gấp %d lần kích thước, nhiều hơn %d lần: đây không phải sổ tính của Excel hoặc LibreOffice",
		"the part %s of the workbook cannot be read: %s":                                                                       "không đọc được phần %s của sổ tính: %s",
		"the parts %s and %s of the workbook overlap: it is not a workbook of Excel or LibreOffice":                            "hai phần %s và %s của sổ tính chồng lên nhau: đây không phải sổ tính của Excel hoặc LibreOffice",
		"the part %s of the workbook overlaps its table of contents: it is not a workbook of Excel or LibreOffice":             "phần %s của sổ tính chồng lên mục lục của tệp: đây không phải sổ tính của Excel hoặc LibreOffice",
		"the sheet %s has more than %d rows: a workbook of hoinghi holds at most %d rows a sheet":                              "trang tính %s có hơn %d dòng: sổ tính của hoinghi chứa tối đa %d dòng mỗi trang",
		"the sheet %s has more than %d cells: a workbook of hoinghi holds at most %d cells a sheet":                            "trang tính %s có hơn %d ô: sổ tính của hoinghi chứa tối đa %d ô mỗi trang",
		"the sheet %s is damaged (%s): open the workbook in Excel or LibreOffice and save it again":                            "trang tính %s bị hỏng (%s): mở sổ tính bằng Excel hoặc LibreOffice rồi lưu lại",
	})
}
