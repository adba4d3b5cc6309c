package sign

import "github.com/hoinghi/hoinghi/report/lang"

func init() {
	lang.Register(map[string]string{
		"unknown role %s: expected signer or agency":                                                 "không có vai trò %s: cần signer (người ký) hoặc agency (cơ quan)",
		"this is not a PDF file: expected a document hoinghi rendered":                               "đây không phải tệp PDF: cần một văn bản do hoinghi xuất",
		"this PDF was not written by hoinghi: hoinghi signs only the documents it rendered":          "tệp PDF này không do hoinghi tạo: hoinghi chỉ ký các văn bản do nó xuất",
		"the PDF is damaged or was not written by hoinghi (%s): render it again with hoinghi render": "tệp PDF bị hỏng hoặc không do hoinghi tạo (%s): xuất lại bằng hoinghi render",
		"no startxref at the end":                      "cuối tệp không có startxref",
		"a cross-reference table out of place":         "bảng tham chiếu chéo sai vị trí",
		"a trailer without /Size, /Root, /Info or /ID": "phần trailer thiếu /Size, /Root, /Info hoặc /ID",
		"no xref where startxref points":               "không có bảng xref ở vị trí startxref chỉ tới",
		"a trailer without its end":                    "phần trailer không có phần kết",
		"a cross-reference table without its trailer":  "bảng tham chiếu chéo không có trailer",
		"a bad cross-reference subsection":             "một phần của bảng tham chiếu chéo bị sai",
		"a bad cross-reference entry":                  "một mục của bảng tham chiếu chéo bị sai",
		"object %d is missing":                         "thiếu đối tượng %d",
		"object %d has no end":                         "đối tượng %d không có phần kết",
		"a form without /Fields":                       "biểu mẫu không có /Fields",

		"wrong PIN for this PKCS#12 file: give the password the file was exported with":                         "sai mã PIN của tệp PKCS#12: nhập mật khẩu đã đặt khi xuất tệp",
		"cannot read this PKCS#12 file (%s): export the certificate with its private key as .p12 or .pfx":       "không đọc được tệp PKCS#12 (%s): xuất chứng thư số kèm khóa bí mật thành tệp .p12 hoặc .pfx",
		"this PKCS#12 file holds no private key for signing: export the certificate with its private key":       "tệp PKCS#12 không có khóa bí mật để ký: xuất chứng thư số kèm khóa bí mật",
		"the certificate of %s expired on %s: renew it with the certificate authority":                          "chứng thư số của %s đã hết hạn ngày %s: gia hạn với tổ chức cung cấp dịch vụ chứng thực",
		"the certificate of %s is valid only from %s: check the computer's clock":                               "chứng thư số của %s chỉ có hiệu lực từ ngày %s: kiểm tra đồng hồ của máy tính",
		"the certificate of %s is not meant for signatures: use a signing certificate":                          "chứng thư số của %s không dùng để ký: dùng chứng thư số ký số",
		"the certificate's key is neither RSA nor ECDSA: hoinghi signs with RSA or ECDSA keys":                  "khóa của chứng thư số không phải RSA hay ECDSA: hoinghi ký bằng khóa RSA hoặc ECDSA",
		"the key could not sign (%s): check that the token is plugged in, and try again":                        "khóa không ký được (%s): kiểm tra thiết bị ký số (token) đã cắm vào máy, rồi thử lại",
		"the signature takes %d bytes, more than the %d kept for it: the certificate chain is too long":         "chữ ký số chiếm %d byte, nhiều hơn %d byte dành cho nó: chuỗi chứng thư số quá dài",
		"the timestamp server %s gave no timestamp (%s): try again later, or sign without --tsa":                "máy chủ cấp dấu thời gian %s không trả dấu thời gian (%s): thử lại sau, hoặc ký không có --tsa",
		"expected the address of a timestamp server, http://… or https://…, got %s":                             "cần địa chỉ máy chủ cấp dấu thời gian, http://… hoặc https://…, nhận được %s",
		"no token is plugged in: plug in the USB token and try again":                                           "chưa cắm thiết bị ký số: cắm USB token vào máy rồi thử lại",
		"%d tokens are plugged in: choose one with --token, one of %s":                                          "đang cắm %d thiết bị ký số: chọn một bằng --token, một trong %s",
		"wrong PIN for the token %s: type the token's user PIN (after a few wrong PINs the token locks itself)": "sai mã PIN của thiết bị ký số %s: nhập mã PIN người dùng của token (nhập sai nhiều lần token sẽ tự khóa)",
		"the token %s is locked after too many wrong PINs: unlock it with the vendor's tool":                    "thiết bị ký số %s đã bị khóa do nhập sai mã PIN quá nhiều lần: mở khóa bằng phần mềm của nhà cung cấp",
		"no token %s: plug it in, or name another with --token":                                                 "không có thiết bị ký số %s: cắm thiết bị vào máy, hoặc chọn thiết bị khác bằng --token",
		"cannot open the PKCS#11 module (%s): give the module of the token's vendor with --pkcs11":              "không mở được thư viện PKCS#11 (%s): chọn thư viện của nhà cung cấp token bằng --pkcs11",
		"cannot load this PKCS#11 module: give the .so, .dylib or .dll of the token's vendor with --pkcs11":     "không nạp được thư viện PKCS#11 này: chọn tệp .so, .dylib hoặc .dll của nhà cung cấp token bằng --pkcs11",
		"no key labelled %s on the token: give the label of the signing key with --key-label":                   "token không có khóa mang nhãn %s: chọn nhãn của khóa ký bằng --key-label",
		"no certificate labelled %s on the token: the certificate must be stored beside its key":                "token không có chứng thư số mang nhãn %s: chứng thư số phải được lưu cùng khóa của nó",
		"cannot list the keys of the token (%s)":                                                                "không liệt kê được các khóa trên token (%s)",
		"the token holds no key with a certificate: import the signing certificate with the vendor's tool":      "token không có khóa nào kèm chứng thư số: nạp chứng thư số ký bằng phần mềm của nhà cung cấp",
		"the token holds %d keys with certificates: choose one with --key-label":                                "token có %d khóa kèm chứng thư số: chọn một bằng --key-label",
		"expected the key in a PKCS#12 file (--p12 FILE) or on a token (--pkcs11 MODULE), one of the two":       "cần khóa trong tệp PKCS#12 (--p12 TỆP) hoặc trên thiết bị ký số (--pkcs11 THƯ_VIỆN), một trong hai",
		"this build of hoinghi cannot use PKCS#11 tokens: sign with a .p12 file, or use a build made with cgo":  "bản hoinghi này không dùng được thiết bị ký số PKCS#11: ký bằng tệp .p12, hoặc dùng bản được dựng với cgo",
	})
}
