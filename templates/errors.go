package templates

import (
	"errors"
	"github.com/hoinghi/hoinghi/report/diag"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hoinghi/hoinghi/report/lang"
)

// Locate turns an error of text/template about a template of s, named
// s.File and placed as AbstractText and BodyText place it, into a diag.Problem
// at the line and column of the file. text/template writes
// "template: FILE:LINE: …" for parse errors and "template: FILE:LINE:COL:
// executing … at <…>: …" for execution errors, with COL in bytes from 0;
// an editor counts characters from 1. Parse errors carry no column: for an
// unknown function or variable, the commonest typos, the column is where
// the name first appears in an action of the line. An execution error that
// breaks one of the limits of Execute says which. Other errors are
// returned unchanged.
func (s Source) Locate(err error) error {
	rest, ok := strings.CutPrefix(err.Error(), "template: "+s.File+":")
	if !ok {
		return err
	}
	pos, msg, ok := strings.Cut(rest, ": ")
	if !ok {
		return err
	}
	lineText, colText, hasCol := strings.Cut(pos, ":")
	line, lerr := strconv.Atoi(lineText)
	if lerr != nil {
		return err
	}
	e := diag.Problem{File: s.File, Line: line}
	text := s.line(line)
	if hasCol {
		byteCol, cerr := strconv.Atoi(colText)
		if cerr != nil {
			return err
		}
		e.Col = utf8.RuneCountInString(text[:min(byteCol, len(text))]) + 1
		var le *limitError
		if errors.As(err, &le) {
			e.Msg = le.msg
			return e
		}
		msg = strings.TrimPrefix(msg, "executing "+strconv.Quote(s.File)+" ")
		e.Msg = lang.M("cannot fill in the template %s", unguarded.Replace(msg))
		return e
	}
	var name string
	switch {
	case scan(msg, "function %q not defined", &name):
		e.Col = nameColumn(text, name)
		e.Msg = lang.M("unknown function %s: README.md lists the functions a template may use", name)
	case scan(msg, "undefined variable %q", &name):
		e.Col = nameColumn(text, name)
		e.Msg = lang.M("unknown variable %s", name)
	case strings.HasPrefix(msg, "unclosed action started at "+s.File+":"):
		started, serr := strconv.Atoi(strings.TrimPrefix(msg, "unclosed action started at "+s.File+":"))
		if serr != nil {
			return err
		}
		e.Line = started
		text = s.line(started)
		e.Col = utf8.RuneCountInString(text[:max(strings.LastIndex(text, "{{"), 0)]) + 1
		e.Msg = lang.M("{{ without its closing }}")
	case msg == "unexpected EOF":
		e.Msg = lang.M("the file ends inside an {{if}}, {{range}} or {{with}}: an {{end}} is missing")
	case msg == "unexpected {{end}}":
		e.Msg = lang.M("{{end}} closes no {{if}}, {{range}} or {{with}}")
	default:
		e.Msg = lang.M("template syntax: %s", msg)
	}
	return e
}

// unguarded removes from the text of the actions an error quotes what
// Compile put in them.
var unguarded = strings.NewReplacer("<"+rangeGuard+">", "<{{range}}>", " | "+rangeGuard, "", " | "+templateGuard, "", " "+templateGuard, "", "{{if "+repeatGuard+"}}{{end}}", "")

// scan reports whether msg is exactly format with one %q argument, and
// stores the argument in name.
func scan(msg, format string, name *string) bool {
	prefix, suffix, _ := strings.Cut(format, "%q")
	quoted, ok := strings.CutPrefix(msg, prefix)
	if !ok {
		return false
	}
	if quoted, ok = strings.CutSuffix(quoted, suffix); !ok {
		return false
	}
	s, err := strconv.Unquote(quoted)
	if err != nil {
		return false
	}
	*name = s
	return true
}

// line returns line n of the file (from 1), or "" when there is none.
func (s Source) line(n int) string {
	lines := strings.Split(s.Text, "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimSuffix(lines[n-1], "\r")
}

// nameColumn returns the column (from 1, in characters) where name
// appears as a whole word inside an action ({{ … }}) of line, or 0.
func nameColumn(line, name string) int {
	word := func(b byte) bool {
		return b == '_' || b == '$' || '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
	}
	for start := 0; ; {
		open := strings.Index(line[start:], "{{")
		if open < 0 {
			return 0
		}
		open += start
		end := len(line)
		if close := strings.Index(line[open:], "}}"); close >= 0 {
			end = open + close
		}
		for i := open + 2; i+len(name) <= end; i++ {
			if line[i:i+len(name)] == name && !word(line[i-1]) && (i+len(name) == len(line) || !word(line[i+len(name)])) {
				return utf8.RuneCountInString(line[:i]) + 1
			}
		}
		start = end
	}
}

func init() {
	lang.Register(map[string]string{
		"no template (.md file) in this folder: `hoinghi templates export %s` writes the built-in ones there to start from": "thư mục không có mẫu nào (tệp .md): lệnh `hoinghi templates export %s` chép các mẫu có sẵn vào đó để sửa",
		"cannot read the template folder: %s": "không đọc được thư mục mẫu: %s",
		"cannot read the template: %s":        "không đọc được tệp mẫu: %s",
		"the file name is the kind's name in meeting files and commands, so it takes only lower-case letters without accents, digits and hyphens: rename it %s": "tên tệp là tên loại văn bản dùng trong tệp hội nghị và câu lệnh, nên chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối: hãy đổi tên thành %s",
		"the file is not UTF-8 text: save it with the encoding UTF-8":                                                                                           "tệp không phải văn bản UTF-8: hãy lưu lại với bảng mã UTF-8",
		"expected a front matter between --- lines first":                                                                                                       "tệp phải bắt đầu bằng phần khai báo (front matter) nằm giữa hai dòng ---",
		"the front matter has no closing --- line":                                                                                                              "phần khai báo (front matter) thiếu dòng --- kết thúc",
		"front matter: %s": "phần khai báo (front matter): %s",
		"front matter: unknown field %s: expected frame, name, code, abstract or description":                                      "phần khai báo (front matter): không có trường %s: chỉ dùng frame, name, code, abstract, description",
		"the front matter lacks frame: \"1.4\" for a document with a type name (Mẫu 1.4) or \"1.9\" for minutes (Mẫu 1.9)":         "phần khai báo thiếu frame: \"1.4\" cho văn bản có tên loại (Mẫu 1.4) hoặc \"1.9\" cho biên bản (Mẫu 1.9)",
		"frame must be \"1.4\" for a document with a type name (Mẫu 1.4) or \"1.9\" for minutes (Mẫu 1.9), got %s":                 "frame phải là \"1.4\" cho văn bản có tên loại (Mẫu 1.4) hoặc \"1.9\" cho biên bản (Mẫu 1.9), nhận được %s",
		"the front matter lacks name: the type name, such as THÔNG BÁO":                                                            "phần khai báo thiếu name: tên loại văn bản, như THÔNG BÁO",
		"the front matter lacks code: the abbreviation of the type name in the document's number, such as TB":                      "phần khai báo thiếu code: chữ viết tắt tên loại văn bản trong số, ký hiệu, như TB",
		"code takes only letters, as in TB or TTr, got %s":                                                                         "code chỉ gồm chữ cái, như TB hoặc TTr, nhận được %s",
		"no template of kind %s: expected one of %s":                                                                               "không có mẫu của loại %s: cần một trong các loại %s",
		"the file exists already: export never overwrites a file, so it wrote nothing; choose a new folder, or move the file away": "tệp đã có: lệnh export không bao giờ ghi đè nên chưa ghi gì; hãy chọn thư mục mới hoặc chuyển tệp đi chỗ khác",
		"cannot create the folder: %s":                                                 "không tạo được thư mục: %s",
		"cannot write the file: %s":                                                    "không ghi được tệp: %s",
		"cannot fill in the template %s":                                               "không điền được dữ liệu vào mẫu %s",
		"unknown function %s: README.md lists the functions a template may use":        "không có hàm %s: README.md liệt kê các hàm mẫu được dùng",
		"unknown variable %s":                                                          "không có biến %s",
		"{{ without its closing }}":                                                    "mở {{ mà thiếu }} đóng",
		"the file ends inside an {{if}}, {{range}} or {{with}}: an {{end}} is missing": "tệp kết thúc khi {{if}}, {{range}} hoặc {{with}} chưa đóng: thiếu {{end}}",
		"{{end}} closes no {{if}}, {{range}} or {{with}}":                              "{{end}} không đóng {{if}}, {{range}} hay {{with}} nào",
		"template syntax: %s":                                                          "lỗi cú pháp mẫu: %s",
	})
}
