package workbook

import "github.com/hoinghi/hoinghi/report/lang"

func init() {
	lang.Register(map[string]string{
		"not an Excel workbook (.xlsx): %s":                                       "không phải sổ tính Excel (.xlsx): %s",
		"cannot read the workbook: %s":                                            "không đọc được sổ tính: %s",
		"missing sheet %s: keep the sheets of the blank workbook and their names": "thiếu trang tính %s: giữ đủ các trang tính của sổ tính mẫu và tên của chúng",
		"missing column %s in row 1: keep the columns of the blank workbook":      "thiếu cột %s ở dòng 1: giữ đủ các cột của sổ tính mẫu",
		"unknown label %s: column A holds the labels of the blank workbook":       "không có mục %s: cột A ghi tên các mục như sổ tính mẫu",
		"the label %s is written twice: keep one":                                 "mục %s được ghi hai lần: chỉ giữ một",
		"a value without a label: write the label of its field in column A":       "giá trị không có tên mục: ghi tên mục ở cột A",
		"expected %s or %s, got %s":                                               "cần %s hoặc %s, nhận được %s",
		"a cell outside the table: give its column a name in row 1":               "ô nằm ngoài bảng: đặt tên cho cột này ở dòng 1",
	})
}
