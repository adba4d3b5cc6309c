package profile

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hoinghi/hoinghi/report/meeting"
	"golang.org/x/text/unicode/norm"
)

// header opens every profile Encode writes: what the file is, for the
// clerk who opens it in Notepad.
const header = `# HỒ SƠ CƠ QUAN
#
# Những gì giống nhau ở mọi cuộc họp của cơ quan: cơ quan ban hành, người ký,
# nơi nhận của từng loại văn bản và cách xuất văn bản. Giá trị ghi trong tệp
# cuộc họp được dùng trước giá trị ở đây. Sửa tệp này trên trang Hồ sơ cơ
# quan của "hoinghi serve", hoặc bằng tay: thụt đầu dòng bằng dấu cách.
`

// builtinKinds are the built-in kinds in the order Encode writes them; an
// office's own kinds follow in alphabetical order. kindNames are the
// comments naming them.
var (
	builtinKinds = []string{"thong-bao", "bao-cao", "bien-ban"}
	kindNames    = map[string]string{"thong-bao": "THÔNG BÁO kết luận.", "bao-cao": "BÁO CÁO.", "bien-ban": "BIÊN BẢN."}
)

// Encode writes f as hoinghi.yaml: the blocks and keys in the order of
// the package's example, each under a short Vietnamese comment, only the
// keys that have a value, lists one item a line, and text NFC. Text that
// YAML would read as something else — a number, yes or no, a leading dash
// or space, a colon or a # — is quoted. The same form gives the same
// bytes, and Load reads them back as the same form. Text that is not
// UTF-8 is written with U+FFFD in place of the bytes that are not.
func Encode(f Form) []byte {
	e := &encoder{}
	e.b.WriteString(header)
	is := f.Issuer
	if is != (meeting.Issuer{}) {
		e.block(0, "Cơ quan ban hành văn bản (ô 2 và ô 3 theo Nghị định 30/2020/NĐ-CP).", "issuer")
		e.text(1, "Cơ quan chủ quản trực tiếp.", "parent", is.Parent)
		e.text(1, "Tên cơ quan ban hành.", "name", is.Name)
		e.text(1, "Chữ viết tắt trong ký hiệu văn bản (TB-CTĐ).", "code", is.Code)
		e.text(1, "Địa danh ở dòng ngày tháng.", "place", is.Place)
		e.text(1, "Loại cơ quan; để trống thì suy ra từ tên.", "type", is.Type)
	}
	if len(f.Documents) > 0 {
		e.block(0, "Mặc định của từng loại văn bản.", "documents")
		for _, k := range kinds(f.Documents) {
			e.document(k, f.Documents[k])
		}
	}
	r := f.Render
	if len(r.Kinds)+len(r.Formats) > 0 || r.Sort+r.Fonts+r.Templates != "" || r.Electronic {
		e.block(0, "Cách xuất văn bản.", "render")
		e.list(1, "Loại văn bản lập khi tệp cuộc họp không ghi.", "kinds", r.Kinds)
		e.list(1, "Định dạng: pdf, docx, xlsx.", "formats", r.Formats)
		e.text(1, "Thứ tự danh sách đại biểu: ten (theo tên), để trống thì theo tệp.", "sort", r.Sort)
		if r.Electronic {
			e.comment(1, "Ban hành văn bản điện tử: để trống số, ngày và chỗ cho hình ảnh chữ ký số.")
			e.line(1, "electronic: true")
		}
		e.text(1, "Thư mục phông chữ.", "fonts", r.Fonts)
		e.text(1, "Thư mục mẫu văn bản riêng của cơ quan.", "templates", r.Templates)
	}
	return e.b.Bytes()
}

// kinds are the keys of documents in the order Encode writes them.
func kinds(docs map[string]Document) []string {
	var ks, own []string
	for _, k := range builtinKinds {
		if _, ok := docs[k]; ok {
			ks = append(ks, k)
		}
	}
	for k := range docs {
		if !slices.Contains(builtinKinds, k) {
			own = append(own, k)
		}
	}
	slices.Sort(own)
	return append(ks, own...)
}

type encoder struct{ b bytes.Buffer }

func (e *encoder) document(kind string, d Document) {
	name, ok := kindNames[kind]
	if !ok {
		name = "Mẫu riêng của cơ quan."
	}
	if empty(d) {
		e.comment(1, name)
		e.line(1, scalar(kind)+": {}")
		return
	}
	e.block(1, name, scalar(kind))
	e.list(2, "Kính gửi.", "to", d.To)
	e.signer(2, "Người ký: các dòng chức danh và họ tên.", "signer", d.Signer)
	e.signer(2, "Thư ký ký biên bản.", "secretary", d.Secretary)
	e.list(2, "Nơi nhận.", "recipients", d.Recipients)
	e.text(2, "Dòng \"Lưu:\".", "archive", d.Archive)
	if d.Annex {
		e.comment(2, "Kèm danh sách đại biểu làm phụ lục.")
		e.line(2, "annex: true")
	}
}

func empty(d Document) bool {
	return len(d.To)+len(d.Recipients)+len(d.Signer.Titles)+len(d.Secretary.Titles) == 0 &&
		d.Archive+d.Signer.Name+d.Secretary.Name == "" && !d.Annex
}

func (e *encoder) signer(depth int, comment, key string, s meeting.Signer) {
	if len(s.Titles) == 0 && s.Name == "" {
		return
	}
	e.block(depth, comment, key)
	e.list(depth+1, "", "titles", s.Titles)
	e.text(depth+1, "", "name", s.Name)
}

// block starts a group of keys under its comment; a blank line sets
// each top-level group apart.
func (e *encoder) block(depth int, comment, key string) {
	if depth == 0 {
		e.b.WriteByte('\n')
	}
	e.comment(depth, comment)
	e.line(depth, key+":")
}

func (e *encoder) text(depth int, comment, key, value string) {
	if value == "" {
		return
	}
	e.comment(depth, comment)
	e.line(depth, key+": "+scalar(value))
}

func (e *encoder) list(depth int, comment, key string, items []string) {
	if len(items) == 0 {
		return
	}
	e.comment(depth, comment)
	e.line(depth, key+":")
	for _, it := range items {
		e.line(depth+1, "- "+scalar(it))
	}
}

func (e *encoder) comment(depth int, text string) {
	if text != "" {
		e.line(depth, "# "+text)
	}
}

func (e *encoder) line(depth int, s string) {
	e.b.WriteString(strings.Repeat("  ", depth))
	e.b.WriteString(s)
	e.b.WriteByte('\n')
}

// scalar writes s as YAML text: as it is when every YAML reader takes it
// for that text, else in single quotes, or in double quotes with escapes
// when it holds a character that cannot be written as it is.
func scalar(s string) string {
	s = norm.NFC.String(strings.ToValidUTF8(s, "\uFFFD"))
	if plain(s) {
		return s
	}
	if !strings.ContainsFunc(s, unprintable) {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case unicode.IsPrint(r):
			b.WriteRune(r)
		case r <= 0xFFFF:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			fmt.Fprintf(&b, `\U%08X`, r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// reserved are the plain words that YAML 1.1 or 1.2 reads as a null or a
// boolean, in any case.
var reserved = []string{"~", "null", "true", "false", "yes", "no", "on", "off", "y", "n"}

// plain reports whether s can be written without quotes, in a block: it
// starts with a letter or a character no reader takes for an indicator,
// a number or a date, holds none of the characters that end or nest a
// value (: # [ ] { }), has no space at either end, and every character
// of it is printable.
func plain(s string) bool {
	if s == "" || strings.TrimSpace(s) != s || slices.Contains(reserved, strings.ToLower(s)) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`<=~.+\\", first) || unicode.IsDigit(first) {
		return false
	}
	return !strings.ContainsAny(s, ":#[]{}") && !strings.ContainsFunc(s, unprintable)
}

// unprintable reports a character that is not shown as itself: a
// control, a format character, a space other than U+0020.
func unprintable(r rune) bool { return !unicode.IsPrint(r) }
