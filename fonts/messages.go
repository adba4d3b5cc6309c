package fonts

import "github.com/hoinghi/hoinghi/report/lang"

func init() {
	lang.Register(map[string]string{
		"cannot read the font folder %s: %s": "không đọc được thư mục phông chữ %s: %s",
		"cannot read the font: %s":           "không đọc được phông chữ: %s",
		"the font file":                      "tệp phông chữ",
		"not a font file: %d bytes":          "không phải tệp phông chữ: %d byte",
		"not a TrueType font file":           "không phải tệp phông TrueType",
		"not a usable TrueType font: %s":     "phông TrueType không dùng được: %s",
		"a font collection (.ttc): use the single font files (.ttf) of the family":                                                                            "một bộ sưu tập phông (.ttc): hãy dùng các tệp phông riêng (.ttf) của họ phông",
		"an OpenType font with CFF (PostScript) outlines: only TrueType outlines (a glyf table) can be embedded; use the TrueType (.ttf) version of the font": "phông OpenType có đường nét CFF (PostScript): chỉ nhúng được đường nét TrueType (bảng glyf); hãy dùng bản TrueType (.ttf) của phông",
		"the table directory is truncated: %d tables, %d bytes":                                                                                               "danh mục bảng bị cắt cụt: %d bảng, %d byte",
		"the %s table lies outside the file (offset %d, length %d, file %d bytes)":                                                                            "bảng %s nằm ngoài tệp (vị trí %d, độ dài %d, tệp %d byte)",
		"the font has no %s table":                                                                                                         "phông không có bảng %s",
		"the %s table is empty":                                                                                                            "bảng %s rỗng",
		"the %s table is truncated: %d bytes, at least %d expected":                                                                        "bảng %s bị cắt cụt: %d byte, cần ít nhất %d",
		"the font has no glyphs":                                                                                                           "phông không có ký tự nào",
		"the hhea table counts %d horizontal metrics for %d glyphs":                                                                        "bảng hhea ghi %d số đo ngang cho %d ký tự",
		"the head table gives an unknown loca format %d":                                                                                   "bảng head ghi định dạng loca không biết %d",
		"glyph %s lies outside the glyf table (bytes %d to %d of %d)":                                                                      "ký tự %s nằm ngoài bảng glyf (byte %d đến %d trong %d)",
		"glyph %s is truncated or damaged":                                                                                                 "ký tự %s bị cắt cụt hoặc hỏng",
		"glyph %s is built from glyph %s, which the font lacks (it has %d)":                                                                "ký tự %s được ghép từ ký tự %s, mà phông không có (phông có %d ký tự)",
		"glyph %s is built from itself":                                                                                                    "ký tự %s được ghép từ chính nó",
		"glyphs %s are built from each other in a loop":                                                                                    "các ký tự %s được ghép từ nhau thành vòng lặp",
		"glyph %s nests composite glyphs more than %d levels deep":                                                                         "ký tự %s lồng các ký tự ghép sâu hơn %d mức",
		"the font has no Latin letters":                                                                                                    "phông không có chữ cái Latinh",
		"the font names no family (name IDs 16 and 1 are empty)":                                                                           "phông không ghi tên họ phông (tên số 16 và 1 đều rỗng)",
		"the face %s %s is not Regular, Bold, Italic or Bold Italic":                                                                       "kiểu %s %s không phải Regular, Bold, Italic hay Bold Italic",
		"the face %s %s has the width class %d (condensed or expanded): only faces of normal width (5) are used":                           "kiểu %s %s có độ rộng hạng %d (hẹp hoặc rộng): chỉ dùng các kiểu có độ rộng thường (5)",
		"the face %s %s has the weight %d: Regular and Italic need a weight near 400, Bold and Bold Italic near 700":                       "kiểu %s %s có độ đậm %d: Regular và Italic cần độ đậm gần 400, Bold và Bold Italic gần 700",
		"no font family %s in the folder: it holds no usable TrueType font":                                                                "thư mục không có họ phông %s: không có phông TrueType nào dùng được",
		"no font family %s in the folder: it holds %s":                                                                                     "thư mục không có họ phông %s: chỉ có %s",
		"the folder holds several serif families (%s) and no Times New Roman: choose one with --font-family NAME":                          "thư mục có nhiều họ phông có chân (%s) và không có Times New Roman: hãy chọn một họ bằng --font-family TÊN",
		"the folder holds several serif families (%s), none with all four faces: Regular, Bold, Italic and Bold Italic are needed":         "thư mục có nhiều họ phông có chân (%s), không họ nào đủ bốn kiểu: cần Regular, Bold, Italic và Bold Italic",
		"no usable TrueType font in the folder: expected the four Times New Roman files (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf)": "thư mục không có phông TrueType dùng được: cần bốn tệp Times New Roman (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf)",
		"the folder holds no Times New Roman and no other serif family, only %s: Decree 30 documents are set in Times New Roman; to use one of these anyway, name it with --font-family NAME": "thư mục không có Times New Roman hay họ phông có chân nào khác, chỉ có %s: văn bản theo Nghị định 30 dùng phông Times New Roman; nếu vẫn muốn dùng một họ trong số này, hãy ghi tên họ bằng --font-family TÊN",
		"the font %s lacks the faces %s: all four are needed":                                        "phông %s thiếu các kiểu %s: cần đủ bốn kiểu",
		"the font folder %s holds %d families (%s): took %s; choose another with --font-family NAME": "thư mục phông %s có %d họ phông (%s): đã dùng %s; chọn họ khác bằng --font-family TÊN",
	})
}
