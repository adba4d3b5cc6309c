package diag

import "github.com/hoinghi/hoinghi/report/lang"

func init() {
	lang.Register(map[string]string{
		"folder %s not found — check its name and where it is":                                                         "không tìm thấy thư mục %s — kiểm tra tên và vị trí của thư mục",
		"file %s not found — check its name and folder":                                                                "không tìm thấy tệp %s — kiểm tra tên và thư mục",
		"%s: permission denied — close it if another program has it open, or ask for access, or choose another folder": "%s: không có quyền truy cập — đóng tệp nếu chương trình khác đang mở nó, hoặc xin quyền truy cập, hoặc chọn thư mục khác",
		"%s: the disk is full — free some space on it, or choose another disk":                                         "%s: ổ đĩa đã đầy — hãy giải phóng bớt dung lượng hoặc chọn ổ đĩa khác",
		"%s is open in another program, typically Excel — close the file in Excel and try again":                       "tệp %s đang được chương trình khác mở, thường là Excel — đóng tệp trong Excel rồi thử lại",
		"%s: the disk can only be read — choose a folder on another disk":                                              "%s: ổ đĩa chỉ cho phép đọc — hãy chọn thư mục trên ổ đĩa khác",
		"%s: the name is too long — choose a shorter name, or a folder nearer the top of the disk":                     "%s: tên quá dài — hãy đặt tên ngắn hơn, hoặc chọn thư mục gần gốc ổ đĩa hơn",
		"%s is a folder, not a file — give the name of a file":                                                         "%s là thư mục, không phải tệp — hãy ghi tên một tệp",
		"%s: a part of the path is a file, not a folder — check the path":                                              "%s: một phần của đường dẫn là tệp chứ không phải thư mục — kiểm tra lại đường dẫn",
	})
}
