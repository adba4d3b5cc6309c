package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"github.com/hoinghi/hoinghi/internal/testtool"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/urfave/cli/v3"
)

// minimal is the least a meeting file needs.
const minimal = `issuer:
  name: UBND XÃ TÂN AN
meeting:
  title: Hội nghị giao ban tháng 7
`

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// TestBadInput: each kind of bad input gets its message with file, line,
// column and field, in Vietnamese by default and in English with --lang
// en, exit 2, and no file.
func TestBadInput(t *testing.T) {
	for _, tc := range []struct {
		name, input string
		where       string // file:line:column and field
		vi, en      string
	}{
		{"malformed", "issuer:\n  name: [a, b\n", ":2:", "không phải YAML hoặc JSON hợp lệ", "not valid YAML or JSON"},
		{"wrong type", minimal + "  attendees:\n    name: An\n", ":6:9: meeting.attendees", "cần một danh sách", "expected a list"},
		{"missing field", "issuer:\n  code: X\nmeeting:\n  title: T\n", ":2:3: issuer.name", "thiếu tên cơ quan ban hành", "missing the name of the issuing agency"},
		{"unknown field", minimal + "  venu: Hội trường\n", ":5:3: meeting.venu", "trường venu không có", "unknown field venu"},
		{"unknown kind", minimal + "documents:\n  - kind: cong-van\n", ":6:11: documents[0].kind", "không có loại văn bản cong-van", "unknown kind cong-van"},
		{"impossible date", minimal + "documents:\n  - kind: thong-bao\n    date: 2023-02-30\n", ":7:11: documents[0].date", "cần một ngày có thật", "expected a date that exists"},
		{"not UTF-8", "issuer:\n  name: UBND X\xe3 T\xe2n An\n", ":2:15: ", "tệp không phải văn bản UTF-8", "the file is not UTF-8 text"},
		{"UTF-16", "\xff\xfei\x00s\x00", ":1:1: ", "tệp được lưu dạng UTF-16", "the file is saved as UTF-16"},
		{"bidi override", "issuer:\n  name: \"UBND X\u202EÃ TÂN AN\"\n" + minimal[strings.Index(minimal, "meeting:"):], ":2:9: issuer.name", "ký tự thứ 7 là U+202E (RIGHT-TO-LEFT OVERRIDE)", "character 7 is U+202E (RIGHT-TO-LEFT OVERRIDE)"},
		{"zero-width space", minimal + "  venue: \"Hội\u200Btrường\"\n", ":5:10: meeting.venue", "ký tự thứ 4 là U+200B (ZERO WIDTH SPACE)", "character 4 is U+200B (ZERO WIDTH SPACE)"},
		{"TCVN3 pasted", "issuer:\n  name: UBND X· T©n An\nmeeting:\n  title: Héi nghÞ giao ban th¸ng 7\n", ":2:9: issuer.name", "bảng mã TCVN3 (ABC)", "the TCVN3 (ABC) encoding"},
		{"VNI pasted", minimal + "  chairs:\n    - name: Nguyeãn Vaên Ñoâng\n", ":6:13: meeting.chairs[0].name", "bảng mã VNI", "the VNI encoding"},
		{"signed number", minimal + "documents:\n  - kind: thong-bao\n    number: +5\n", ":7:13: documents[0].number", "nhận được +5", "got +5"},
		{"nesting", minimal + "  units: " + strings.Repeat("[", 1e5) + strings.Repeat("]", 1e5) + "\n", ":5:", "lồng nhau quá 64 cấp", "nest more than 64 deep"},
		{"billion laughs", "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n" + minimal + "conclusions: *f\n", ":", "lặp lại hơn 1 MB văn bản", "repeat more than 1 MB of text"},
		{"outside the font", "issuer:\n  name: UBND XÃ TÂN AN\nmeeting:\n  title: Hội nghị 漢字\n", ":4:10: meeting.title", "phông chữ không có ký tự '漢'", "the font cannot draw the character '漢'"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			out := t.TempDir()
			file := write(t, dir, "hop.yaml", tc.input)
			for _, lang := range []string{"vi", "en"} {
				code, stdout, stderr := hoinghi(t, "--lang", lang, "render", "-o", out, file)
				if code != 2 {
					t.Errorf("--lang %s: exit %d, want 2\n%s", lang, code, stderr)
				}
				want := tc.vi
				if lang == "en" {
					want = tc.en
				}
				if !strings.Contains(stderr, file+tc.where) || !strings.Contains(stderr, want) {
					t.Errorf("--lang %s: stderr %q\nwant %q and %q", lang, stderr, file+tc.where, want)
				}
				if stdout != "" {
					t.Errorf("--lang %s: wrote %q to stdout", lang, stdout)
				}
			}
			if got := entries(t, out); len(got) > 0 {
				t.Errorf("an invalid input left files: %v", got)
			}
			if code, _, _ := hoinghi(t, "validate", file); code != 2 {
				t.Errorf("validate: exit %d, want 2", code)
			}
		})
	}
}

func TestEveryProblemAtOnce(t *testing.T) {
	file := write(t, t.TempDir(), "hop.yaml", `issuer:
  code: X
meeting:
  title: ""
  start: 2023-13-01 08:00
documents:
  - kind: thong-bao
    number: abc
`)
	code, _, stderr := hoinghi(t, "validate", file)
	if code != 2 {
		t.Fatalf("exit %d, want 2", code)
	}
	for _, want := range []string{":2:3: issuer.name", ":4:10: meeting.title", ":5:10: meeting.start", ":8:13: documents[0].number"} {
		if !strings.Contains(stderr, file+want) {
			t.Errorf("stderr lacks %s%s:\n%s", file, want, stderr)
		}
	}
}

func TestMinimalMeetingShowsBlanks(t *testing.T) {
	dir := t.TempDir()
	file := write(t, dir, "hop.yaml", minimal)
	code, _, stderr := hoinghi(t, "render", "-o", dir, file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, f := range []string{"thong-bao.pdf", "bao-cao.pdf", "bien-ban.pdf", "danh-sach-dai-bieu.xlsx"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Fatalf("%s not written: %v", f, err)
		}
	}
	text := string(testtool.Run(t, "pdftotext", filepath.Join(dir, "thong-bao.pdf"), "-"))
	for _, bad := range []string{"null", "<no value>", "0001", "<nil>"} {
		if strings.Contains(text, bad) {
			t.Errorf("the document shows %q for missing information", bad)
		}
	}
	if !strings.Contains(text, "ngày …… tháng …… năm ……") {
		t.Errorf("an unknown date is not left blank for the clerk:\n%s", text)
	}
}

func TestStdoutOnlyForOneDocument(t *testing.T) {
	code, stdout, stderr := hoinghi(t, "render", "--kind", "thong-bao", "--format", "pdf", "-o", "-", seed)
	if code != 0 || !strings.HasPrefix(stdout, "%PDF-") {
		t.Fatalf("exit %d, stdout starts %q: %s", code, stdout[:min(len(stdout), 8)], stderr)
	}
	if code, stdout, _ := hoinghi(t, "render", "-o", "-", seed); code != 2 || stdout != "" {
		t.Errorf("several documents to stdout: exit %d, %d bytes on stdout; want 2 and nothing", code, len(stdout))
	}
	if code, _, _ := hoinghi(t, "render", "--kind", "ke-hoach", "-o", t.TempDir(), seed); code != 2 {
		t.Errorf("unknown --kind: exit %d, want 2", code)
	}
}

// TestFailureKeepsEarlierOutput: a run that fails never replaces a good
// earlier output and leaves no temporary file.
func TestFailureKeepsEarlierOutput(t *testing.T) {
	dir := t.TempDir()
	out := t.TempDir()
	file := write(t, dir, "hop.yaml", minimal)
	if code, _, stderr := hoinghi(t, "render", "--format", "pdf", "-o", out, file); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	good, _ := os.ReadFile(filepath.Join(out, "thong-bao.pdf"))

	write(t, dir, "hop.yaml", minimal+"  start: 2023-02-30\n")
	if code, _, _ := hoinghi(t, "render", "--format", "pdf", "-o", out, file); code != 2 {
		t.Fatalf("invalid input: exit %d, want 2", code)
	}
	if now, _ := os.ReadFile(filepath.Join(out, "thong-bao.pdf")); !bytes.Equal(now, good) {
		t.Error("a failed run replaced a good earlier output")
	}
	// A folder where the bien-ban belongs makes its write fail.
	write(t, dir, "hop.yaml", minimal+"  venue: Hội trường xã\n")
	os.Remove(filepath.Join(out, "bien-ban.pdf"))
	if err := os.Mkdir(filepath.Join(out, "bien-ban.pdf"), 0o755); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := hoinghi(t, "--lang", "en", "render", "--format", "pdf", "-o", out, file)
	if code != 1 || !strings.Contains(stderr, "bien-ban.pdf: cannot write") {
		t.Errorf("unwritable output: exit %d, stderr %q; want 1 and the file named", code, stderr)
	}
	now, _ := os.ReadFile(filepath.Join(out, "bao-cao.pdf"))
	if len(now) == 0 {
		t.Error("the other documents were not written")
	}
	for _, e := range entries(t, out) {
		if strings.HasSuffix(e, ".tmp") {
			t.Errorf("a temporary file was left: %s", e)
		}
	}
}

func TestFontDir(t *testing.T) {
	dir := t.TempDir()
	for name, ttf := range map[string][]byte{
		"a.ttf": liberationserifregular.TTF, "b.ttf": liberationserifbold.TTF,
		"c.ttf": liberationserifitalic.TTF, "d.ttf": liberationserifbolditalic.TTF,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), ttf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := t.TempDir()
	if code, _, stderr := hoinghi(t, "render", "--font-dir", dir, "--kind", "thong-bao", "--format", "pdf", "-o", out, seed); code != 0 {
		t.Fatalf("--font-dir with a complete family: exit %d: %s", code, stderr)
	}
	os.Remove(filepath.Join(dir, "b.ttf"))
	code, _, stderr := hoinghi(t, "--lang", "en", "render", "--font-dir", dir, "-o", out, seed)
	if code != 2 || !strings.Contains(stderr, "lacks the faces Bold") {
		t.Errorf("--font-dir without bold: exit %d, %q; want 2 and the missing face named", code, stderr)
	}
	t.Setenv("HOINGHI_FONT_DIR", t.TempDir())
	if code, _, stderr := hoinghi(t, "validate", seed); code != 2 || !strings.Contains(stderr, "Times New Roman") {
		t.Errorf("HOINGHI_FONT_DIR of an empty folder: exit %d, %q", code, stderr)
	}
}

func TestInitSchemaVersionHelp(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "hop.yaml")
	if code, _, stderr := hoinghi(t, "init", file); code != 0 {
		t.Fatalf("init: exit %d: %s", code, stderr)
	}
	if code, _, stderr := hoinghi(t, "validate", file); code != 0 {
		t.Errorf("the starter file is not valid: %s", stderr)
	}
	if code, _, _ := hoinghi(t, "init", file); code != 2 {
		t.Errorf("init over an existing file: exit %d, want 2", code)
	}
	code, stdout, _ := hoinghi(t, "schema")
	if code != 0 || !strings.Contains(stdout, `"$schema"`) {
		t.Errorf("schema: exit %d, %.60q", code, stdout)
	}
	if code, stdout, _ := hoinghi(t, "version"); code != 0 || !strings.HasPrefix(stdout, "hoinghi ") {
		t.Errorf("version: exit %d, %q", code, stdout)
	}
	_, vi, _ := hoinghi(t, "--help")
	_, en, _ := hoinghi(t, "--lang", "en", "--help")
	if !strings.Contains(vi, "CÁCH DÙNG:") || !strings.Contains(vi, "xuất tệp cuộc họp") {
		t.Errorf("help is not in Vietnamese:\n%s", vi)
	}
	if !strings.Contains(en, "USAGE:") || !strings.Contains(en, "render meeting files") {
		t.Errorf("help is not in English with --lang en:\n%s", en)
	}
	if code, _, _ := hoinghi(t, "render", "--no-such-flag", seed); code != 2 {
		t.Errorf("an unknown flag: exit %d, want 2", code)
	}
}

// TestHelpTranslated: every command and flag of the command line has its
// help text in Vietnamese, the default, and in English with --lang en.
func TestHelpTranslated(t *testing.T) {
	vi := newApp(lang.Vietnamese, io.Discard, io.Discard)
	en := newApp(lang.English, io.Discard, io.Discard)
	type usager interface{ GetUsage() string }
	var walk func(path string, v, e *cli.Command)
	walk = func(path string, v, e *cli.Command) {
		if v.Usage == e.Usage && v.Usage != "" {
			t.Errorf("%s: the usage %q is not translated", path, v.Usage)
		}
		if v.Description == e.Description && v.Description != "" {
			t.Errorf("%s: the description is not translated", path)
		}
		for i, f := range v.Flags {
			fv, ok1 := f.(usager)
			fe, ok2 := e.Flags[i].(usager)
			if ok1 && ok2 && fv.GetUsage() == fe.GetUsage() {
				t.Errorf("%s --%s: the usage %q is not translated", path, f.Names()[0], fv.GetUsage())
			}
		}
		for i, c := range v.Commands {
			walk(path+" "+c.Name, c, e.Commands[i])
		}
	}
	walk("hoinghi", vi, en)
}
