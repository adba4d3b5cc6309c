package profile

import "github.com/hoinghi/hoinghi/report/lang"

// The words a profile shares with a meeting file — "expected %s", "unknown
// field %s: expected one of %s", "missing %s", "unknown kind %s: expected
// one of %s", "the font cannot draw the character %s", "not valid YAML or
// JSON: %s" — are registered by package meeting, so that both files speak
// alike. Only what is a profile's own is registered here.
func init() {
	lang.Register(map[string]string{
		"a profile holds one office: found a second YAML document":                                    "mỗi tệp hồ sơ chứa thông tin một cơ quan: tìm thấy tài liệu YAML thứ hai",
		"unknown sort order %s: expected ten, or a blank for the order of the file":                   "không có thứ tự %s: cần ten, hoặc để trống để giữ thứ tự trong tệp",
		"unknown format %s: expected one of %s":                                                       "không có định dạng %s: cần một trong các định dạng %s",
		"%s is listed twice":                                                                          "%s có hai lần trong danh sách",
		"the folder %s does not exist":                                                                "không có thư mục %s",
		"cannot use the folder: %s":                                                                   "không dùng được thư mục: %s",
		"%s is not a folder":                                                                          "%s không phải là thư mục",
		"the office profile named by %s does not exist":                                               "không có tệp hồ sơ cơ quan mà %s chỉ tới",
		"the office profile named by %s is a folder, not a file":                                      "%s chỉ tới một thư mục, không phải tệp hồ sơ cơ quan",
		"this office profile is not trusted: %s. If you trust it, list it in %s (as %s=%s)":           "không tin dùng hồ sơ cơ quan này: %s. Nếu tin tưởng tệp này, hãy ghi nó vào %s (như %s=%s)",
		"the folder %s is not trusted: %s. If you trust it, list it in %s (as %s=%s)":                 "không tin dùng thư mục %s: %s. Nếu tin tưởng thư mục này, hãy ghi nó vào %s (như %s=%s)",
		"%s belongs to another user (uid %s)":                                                         "%s thuộc về người dùng khác (uid %s)",
		"other users can change %s (mode %s): remove their right to write with chmod go-w %s":         "người dùng khác có thể sửa %s (quyền %s): hãy bỏ quyền ghi của họ bằng chmod go-w %s",
		"the office profile":                                                                          "hồ sơ cơ quan",
		"the folder named here has problems, listed below":                                            "thư mục ghi ở đây có lỗi, liệt kê dưới đây",
		"cannot save the office profile: %s":                                                          "không lưu được hồ sơ cơ quan: %s",
		"the office profile would hold %d bytes, more than the %d allowed: shorten its longest texts": "hồ sơ cơ quan sẽ có %d byte, quá mức %d byte cho phép: hãy rút ngắn các đoạn văn bản dài nhất",
	})
}
