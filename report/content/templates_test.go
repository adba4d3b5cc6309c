package content

import (
	"context"
	"errors"
	"github.com/hoinghi/hoinghi/report/diag"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/report/meeting"
	"github.com/hoinghi/hoinghi/templates"
)

// smallMeeting is a meeting with a little of everything a template may
// use.
func smallMeeting() *meeting.Meeting {
	return &meeting.Meeting{
		Issuer: meeting.Issuer{Name: "Sở Nội vụ", Code: "SNV", Place: "Tuyên Quang"},
		Info: meeting.Info{
			Title:     "Hội nghị giao ban quý III năm 2024",
			Start:     meeting.DateTime{Raw: "2024-09-27 08:00"},
			Venue:     "Hội trường Sở Nội vụ",
			Organizer: "Sở Nội vụ",
			Period:    meeting.Period{Raw: "2024-Q3"},
			Chairs:    []meeting.Person{{Name: "Lê Văn An", Position: "Giám đốc Sở"}},
		},
		Tasks: []meeting.Task{{Content: "Rà soát hồ sơ thi đua.", Lead: "Phòng Thi đua"}},
	}
}

// bodyText is the body's paragraphs and headings, one per line.
func bodyText(doc *Document) string {
	var lines []string
	for _, b := range doc.Body {
		switch b := b.(type) {
		case *Paragraph:
			lines = append(lines, runsText(b.Runs))
		case *Heading:
			lines = append(lines, b.Label+" "+runsText(b.Runs))
		}
	}
	return strings.Join(lines, "\n")
}

// compileDir loads an office's templates from dir, merges them with the
// built-in ones and compiles every kind, as the command line does.
func compileDir(t *testing.T, dir string) map[string]*Template {
	t.Helper()
	builtin, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	own, err := templates.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]*Template{}
	for _, src := range templates.Merge(builtin, own) {
		if kinds[src.Kind], err = Compile(src); err != nil {
			t.Fatal(err)
		}
	}
	return kinds
}

func writeTemplate(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A kind defined only by a file in an office's folder renders with the
// frame, type name and code of its front matter and the wording of its
// body.
func TestOwnKind(t *testing.T) {
	dir := t.TempDir()
	writeTemplate(t, dir, "ke-hoach.md", `---
frame: "1.4"
name: KẾ HOẠCH
code: KH
description: Kế hoạch triển khai kết luận của hội nghị.
abstract: >-
  Triển khai kết luận tại
  {{.Meeting.Title}}
---
Thực hiện kết luận tại {{.Meeting.Title}}, {{.Meeting.Organizer}} ban hành Kế hoạch triển khai như sau.

# Mục đích, yêu cầu

Triển khai kịp thời các nhiệm vụ {{.Period}}.

# Nhiệm vụ

{{range .Tasks}}
- {{trim .Content}}; đơn vị chủ trì: {{.Lead}}.
{{end}}
`)
	writeTemplate(t, dir, "giay-moi.md", `---
frame: "1.4"
name: GIẤY MỜI
code: GM
abstract: Dự {{.Meeting.Title}}
---
{{.Meeting.Organizer}} trân trọng kính mời đại biểu tới dự {{.Meeting.Title}}.

Thời gian: {{.Start}}.

Địa điểm: {{blank .Meeting.Venue}}.
`)
	kinds := compileDir(t, dir)
	if len(kinds) != 5 {
		t.Errorf("%d kinds, want the 3 built-in ones and 2 new ones", len(kinds))
	}
	m := smallMeeting()
	for _, tc := range []struct {
		doc                        meeting.Document
		typeName, number, abstract string
		body                       []string
	}{
		{meeting.Document{Kind: "ke-hoach", Number: "7", Date: meeting.Date{Raw: "2024-10-01"}}, "KẾ HOẠCH", "Số: 07/KH-SNV",
			"Triển khai kết luận tại Hội nghị giao ban quý III năm 2024",
			[]string{
				"Thực hiện kết luận tại Hội nghị giao ban quý III năm 2024, Sở Nội vụ ban hành Kế hoạch triển khai như sau.",
				"I. MỤC ĐÍCH, YÊU CẦU",
				"Triển khai kịp thời các nhiệm vụ quý III năm 2024.",
				"II. NHIỆM VỤ",
				"- Rà soát hồ sơ thi đua; đơn vị chủ trì: Phòng Thi đua./.",
			}},
		{meeting.Document{Kind: "giay-moi"}, "GIẤY MỜI", "Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/GM-SNV",
			"Dự Hội nghị giao ban quý III năm 2024",
			[]string{
				"Sở Nội vụ trân trọng kính mời đại biểu tới dự Hội nghị giao ban quý III năm 2024.",
				"Thời gian: 08 giờ 00 phút, ngày 27 tháng 9 năm 2024.",
				"Địa điểm: Hội trường Sở Nội vụ./.",
			}},
	} {
		d, err := kinds[tc.doc.Kind].Build(context.Background(), m, tc.doc, Paper)
		if err != nil {
			t.Fatalf("%s: %v", tc.doc.Kind, err)
		}
		if d.Form != Named || d.TypeName != tc.typeName || d.Number != tc.number || d.Abstract != tc.abstract {
			t.Errorf("%s: frame %s, type %q, number %q, abstract %q", tc.doc.Kind, d.Form, d.TypeName, d.Number, d.Abstract)
		}
		if got, want := bodyText(d), strings.Join(tc.body, "\n"); got != want {
			t.Errorf("%s body:\n got %q\nwant %q", tc.doc.Kind, got, want)
		}
		if d.DateLine == "" || len(d.Signers) != 1 || d.Recipients[len(d.Recipients)-1] != "- Lưu: VT, SNV." {
			t.Errorf("%s: the Mẫu 1.4 frame is incomplete: date %q, signers %v, recipients %q", tc.doc.Kind, d.DateLine, d.Signers, d.Recipients)
		}
	}
}

// An office that exports the built-in templates and edits a sentence gets
// its sentence in the document.
func TestEditedBuiltin(t *testing.T) {
	dir := t.TempDir()
	if err := templates.Export(dir); err != nil {
		t.Fatal(err)
	}
	const old = "thông báo để {{.Audience}} biết, thực hiện./."
	const edited = "thông báo để các cơ quan, đơn vị biết, phối hợp thực hiện./."
	path := filepath.Join(dir, "thong-bao.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("thong-bao.md no longer says %q", old)
	}
	writeTemplate(t, dir, "thong-bao.md", strings.Replace(string(data), old, edited, 1))

	d, err := compileDir(t, dir)["thong-bao"].Build(context.Background(), smallMeeting(), meeting.Document{Kind: "thong-bao"}, Paper)
	if err != nil {
		t.Fatal(err)
	}
	body := bodyText(d)
	if !strings.HasSuffix(body, "Sở Nội vụ "+edited) || strings.Contains(body, "đơn vị thành viên biết") {
		t.Errorf("body does not end with the edited sentence:\n%s", body)
	}
}

// front is a front matter of 6 lines: the body starts on line 7.
const front = `---
frame: "1.4"
name: KẾ HOẠCH
code: KH
abstract: Kế hoạch {{.Period}}
---
`

func TestCompileErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ name, text, want string }{
		// The end of the file is on line 10, after the last line break.
		{"syntax error in the body", front + "Mở đầu.\n\nKết quả {{if .Tasks}}có nhiệm vụ{{else}}\n",
			"ke-hoach.md:10: the file ends inside an {{if}}, {{range}} or {{with}}: an {{end}} is missing"},
		{"stray end", front + "Mở đầu {{.Period}}.{{end}}\n",
			"ke-hoach.md:7: {{end}} closes no {{if}}, {{range}} or {{with}}"},
		{"unknown function", front + "Mở đầu.\n\nNgày họp: {{ngay .Meeting.Start}}, {{date .Document.Date}}.\n",
			"ke-hoach.md:9:13: unknown function ngay: README.md lists the functions a template may use"},
		{"unknown function on the first body line", front + "Hội nghị {{hoa .Meeting.Title}}.\n",
			"ke-hoach.md:7:12: unknown function hoa: README.md lists the functions a template may use"},
		{"unknown variable", front + "{{range .Tasks}}\n- {{$t.Content}}\n{{end}}\n",
			"ke-hoach.md:8:5: unknown variable $t"},
		{"unclosed action", front + "Đầu.\n\nCuối {{.Period}} và {{.Next\n",
			"ke-hoach.md:9:21: {{ without its closing }}"},
		{"other syntax error", front + "Đầu {{\"chưa đóng}}.\n",
			"ke-hoach.md:7: template syntax: unterminated quoted string"},
		{"unknown function in a folded abstract", strings.Replace(front, "abstract: Kế hoạch {{.Period}}", "abstract: >-\n  Kế hoạch thực hiện\n  kết luận {{viet .Period}}", 1) + "Thân.\n",
			"ke-hoach.md:7:14: unknown function viet: README.md lists the functions a template may use"},
	} {
		path := writeTemplate(t, dir, "ke-hoach.md", tc.text)
		src, err := templates.Parse(path, []byte(tc.text))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		_, err = Compile(src)
		var te diag.Problem
		if !errors.As(err, &te) {
			t.Errorf("%s: error %v, want a diag.Problem", tc.name, err)
			continue
		}
		if want := filepath.Join(dir, tc.want); err.Error() != want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, err, want)
		}
	}
}

// Errors found only when a document is built point into the file at the
// column an editor shows (text/template counts bytes; Build locates them).
func TestExecErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ name, text, want string }{
		{"unknown field in the body", front + "Mở đầu.\n\nHội nghị {{.Meeting.Titel}} đã họp.\n",
			// ".Titel", the field that fails, follows 19 characters
			// written in 23 bytes: "Hội nghị {{.Meeting".
			"ke-hoach.md:9:20: cannot fill in the template at <.Meeting.Titel>: can't evaluate field Titel in type meeting.Info"},
		{"unknown field in the abstract", strings.Replace(front, "abstract: Kế hoạch {{.Period}}", "abstract: >-\n  Kế hoạch\n  năm {{.Nam}}", 1) + "Thân.\n",
			"ke-hoach.md:7:9: cannot fill in the template at <.Nam>: can't evaluate field Nam in type content.Data"},
	} {
		path := writeTemplate(t, dir, "ke-hoach.md", tc.text)
		src, err := templates.Parse(path, []byte(tc.text))
		if err != nil {
			t.Fatal(err)
		}
		k, err := Compile(src)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		_, err = k.Build(context.Background(), smallMeeting(), meeting.Document{Kind: "ke-hoach"}, Paper)
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		if got, want := err.Error(), filepath.Join(dir, tc.want); got != want {
			t.Errorf("%s: located\n got %s\nwant %s", tc.name, got, want)
		}
	}
}

// The guide that Export gives an office documents every field of Data and
// every helper function, and its example templates work.
func TestTemplateGuide(t *testing.T) {
	data, err := os.ReadFile("../../templates/README.md")
	if err != nil {
		t.Fatal(err)
	}
	guide := string(data)
	fields := reflect.TypeFor[Data]()
	for i := range fields.NumField() {
		if name := fields.Field(i).Name; !strings.Contains(guide, "`."+name) {
			t.Errorf("README.md does not document .%s", name)
		}
	}
	for name := range funcs {
		if !strings.Contains(guide, "| `"+name+"` | `{{") {
			t.Errorf("README.md has no example of the function %s", name)
		}
	}

	m, err := meeting.Load("../../samples/cum-thi-dua-2023.yaml", meeting.Options{Kinds: []string{"thong-bao", "bao-cao", "bien-ban"}})
	if err != nil {
		t.Fatal(err)
	}
	examples := 0
	for _, match := range regexp.MustCompile("(?s)\n```\n(---\nframe:.*?)```\n").FindAllStringSubmatch(guide, -1) {
		block := match[1]
		examples++
		src, err := templates.Parse("vi-du.md", []byte(block))
		if err != nil {
			t.Fatalf("example %d: %v", examples, err)
		}
		k, err := Compile(src)
		if err != nil {
			t.Fatalf("example %d: %v", examples, err)
		}
		d, err := k.Build(context.Background(), m, meeting.Document{Kind: src.Kind}, Paper)
		if err != nil {
			t.Fatalf("example %d: %v", examples, err)
		}
		if !strings.HasSuffix(bodyText(d), "./.") || d.Abstract == "" {
			t.Errorf("example %d: abstract %q, body:\n%s", examples, d.Abstract, bodyText(d))
		}
	}
	if examples != 2 {
		t.Errorf("%d example templates in README.md, want 2", examples)
	}
}

// TestNoEmptyHeading builds every kind of every sample and corpus meeting
// and checks that no heading stands without text under it before the
// next heading of its level or above, or at the end.
func TestNoEmptyHeading(t *testing.T) {
	srcs, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../../samples/*.yaml")
	corpus, _ := filepath.Glob("../../samples/corpus/*.yaml")
	for _, file := range append(files, corpus...) {
		m, err := meeting.Load(file, meeting.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, src := range srcs {
			k, err := Compile(src)
			if err != nil {
				t.Fatal(err)
			}
			d, err := k.Build(context.Background(), m, meeting.Document{Kind: src.Kind}, Paper)
			if err != nil {
				t.Fatal(err)
			}
			for i, b := range d.Body {
				h, ok := b.(*Heading)
				if !ok {
					continue
				}
				next, isHeading := Block(nil), false
				if i+1 < len(d.Body) {
					next = d.Body[i+1]
					_, isHeading = next.(*Heading)
				}
				if next == nil || isHeading && next.(*Heading).Level <= h.Level {
					t.Errorf("%s %s: the heading %q has nothing under it", filepath.Base(file), src.Kind, h.Label+" "+runsText(h.Runs))
				}
			}
		}
	}
}
