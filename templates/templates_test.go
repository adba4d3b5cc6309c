package templates

import (
	"errors"
	"github.com/hoinghi/hoinghi/report/diag"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/report/lang"
)

func TestBuiltin(t *testing.T) {
	srcs, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if got := Kinds(srcs); !slices.Equal(got, []string{"bao-cao", "bien-ban", "thong-bao"}) {
		t.Errorf("kinds %q, want the three built-in ones without README", got)
	}
	for _, s := range srcs {
		if !s.Builtin {
			t.Errorf("%s: not marked built-in", s.Kind)
		}
		// The body starts on the line after the closing ---.
		lines := strings.Split(s.Text, "\n")
		if lines[s.BodyLine-2] != "---" || !strings.HasPrefix(s.Body, lines[s.BodyLine-1]) {
			t.Errorf("%s: BodyLine %d is not the line after the front matter", s.Kind, s.BodyLine)
		}
		checkPlaced(t, s.Kind+" abstract", s.Text, s.AbstractText())
		checkPlaced(t, s.Kind+" body", s.Text, s.BodyText())
	}
}

// checkPlaced checks that every character of placed that is not white
// space stands at the same line and column in file, so that text/template
// positions in placed are positions in the file.
func checkPlaced(t *testing.T, what, file, placed string) {
	t.Helper()
	fileLines := strings.Split(file, "\n")
	for i, line := range strings.Split(placed, "\n") {
		for j := range len(line) {
			if line[j] == ' ' {
				continue
			}
			if i >= len(fileLines) || j >= len(fileLines[i]) || fileLines[i][j] != line[j] {
				t.Errorf("%s: line %d byte %d is %q in the template text, not where the file has it", what, i+1, j+1, line[j:])
				return
			}
		}
	}
}

func TestAbstractPlacement(t *testing.T) {
	for _, tc := range []struct {
		name, front string
		placed      bool // false: quoted, placed as decoded at the quote
		line, col   int
	}{
		{"folded", "abstract: >-\n  Kết luận tại\n  {{.Meeting.Title}}\n", true, 6, 1},
		{"literal", "abstract: |\n    Kết luận {{.Period}}\n", true, 6, 1},
		{"plain", "abstract: Kết luận {{.Period}}\n", true, 5, 11},
		{"plain on two lines", "abstract: Kết luận\n  {{.Period}}\n", true, 5, 11},
		{"quoted", "abstract: \"Kết luận \\\"{{.Period}}\\\"\"\n", false, 5, 11},
	} {
		text := "---\nframe: \"1.4\"\nname: THÔNG BÁO\ncode: TB\n" + tc.front + "---\nThân.\n"
		s, err := Parse("thong-bao.md", []byte(text))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if s.abstractLine != tc.line || s.abstractCol != tc.col {
			t.Errorf("%s: abstract at %d:%d, want %d:%d", tc.name, s.abstractLine, s.abstractCol, tc.line, tc.col)
		}
		got := strings.Join(strings.Fields(s.AbstractText()), " ")
		if want := strings.Join(strings.Fields(s.Front.Abstract), " "); got != want {
			t.Errorf("%s: abstract text %q, want the decoded %q up to white space", tc.name, got, want)
		}
		if tc.placed {
			checkPlaced(t, tc.name, text, s.AbstractText())
		}
	}
}

func TestParseErrors(t *testing.T) {
	const good = "frame: \"1.4\"\nname: KẾ HOẠCH\ncode: KH\n"
	for _, tc := range []struct{ name, file, text, want string }{
		{"bad key", "mau/ke-hoach.md", "---\nframe: \"1.4\"\nname: KẾ HOẠCH\ncodee: KH\n---\nThân.\n",
			"mau/ke-hoach.md:4:1: front matter: unknown field codee: expected frame, name, code, abstract or description"},
		{"YAML syntax", "ke-hoach.md", "---\nframe: \"1.4\"\nname: KẾ HOẠCH\ncode: [KH\n---\n",
			"ke-hoach.md:4:7: front matter: sequence end token ']' not found"},
		{"frame 1.5", "ke-hoach.md", "---\nname: KẾ HOẠCH\ncode: KH\nframe: \"1.5\"\n---\n",
			`ke-hoach.md:4:8: frame must be "1.4" for a document with a type name (Mẫu 1.4) or "1.9" for minutes (Mẫu 1.9), got 1.5`},
		{"frame missing", "ke-hoach.md", "---\nname: KẾ HOẠCH\ncode: KH\n---\n",
			`ke-hoach.md:1:1: the front matter lacks frame: "1.4" for a document with a type name (Mẫu 1.4) or "1.9" for minutes (Mẫu 1.9)`},
		{"name missing", "ke-hoach.md", "---\nframe: \"1.4\"\ncode: KH\n---\n",
			"ke-hoach.md:1:1: the front matter lacks name: the type name, such as THÔNG BÁO"},
		{"code missing", "ke-hoach.md", "---\nframe: \"1.4\"\nname: KẾ HOẠCH\ncode: \" \"\n---\n",
			"ke-hoach.md:1:1: the front matter lacks code: the abbreviation of the type name in the document's number, such as TB"},
		{"code not letters", "ke-hoach.md", "---\nframe: \"1.4\"\nname: KẾ HOẠCH\ncode: K-H\n---\n",
			"ke-hoach.md:4:7: code takes only letters, as in TB or TTr, got K-H"},
		{"no front matter", "ke-hoach.md", "Thân.\n",
			"ke-hoach.md:1:1: expected a front matter between --- lines first"},
		{"no closing line", "ke-hoach.md", "---\n" + good + "Thân.\n",
			"ke-hoach.md:1:1: the front matter has no closing --- line"},
		{"file name", "mau/Kế hoạch.md", "---\n" + good + "---\n",
			"mau/Kế hoạch.md: the file name is the kind's name in meeting files and commands, so it takes only lower-case letters without accents, digits and hyphens: rename it ke-hoach.md"},
		{"not UTF-8", "ke-hoach.md", "---\n" + good + "---\nK\xea ho\xb9ch\n",
			"ke-hoach.md:6:2: the file is not UTF-8 text: save it with the encoding UTF-8"},
	} {
		_, err := Parse(tc.file, []byte(tc.text))
		var te diag.Problem
		if !errors.As(err, &te) {
			t.Errorf("%s: error %v, want a diag.Problem", tc.name, err)
			continue
		}
		if err.Error() != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, err, tc.want)
		}
	}
}

func TestErrorInVietnamese(t *testing.T) {
	_, err := Parse("ke-hoach.md", []byte("---\nframe: \"1.4\"\nname: KẾ HOẠCH\ncodee: KH\n---\n"))
	want := "ke-hoach.md:4:1: phần khai báo (front matter): không có trường codee: chỉ dùng frame, name, code, abstract, description"
	if got := err.(diag.Problem).In(lang.Vietnamese); got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
	// Braces in a message are text, not catalog syntax.
	e := diag.Problem{File: "ke-hoach.md", Line: 9, Msg: lang.M("{{end}} closes no {{if}}, {{range}} or {{with}}")}
	if got, want := e.In(lang.Vietnamese), "ke-hoach.md:9: {{end}} không đóng {{if}}, {{range}} hay {{with}} nào"; got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
}

// A file saved by Windows Notepad, with a byte order mark and CRLF line
// ends, reads as the same template.
func TestParseWindowsFile(t *testing.T) {
	text := "---\nframe: \"1.4\"\nname: KẾ HOẠCH\ncode: KH\n---\nDòng một.\n\nDòng hai.\n"
	want, err := Parse("ke-hoach.md", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Parse("ke-hoach.md", []byte("\uFEFF"+strings.ReplaceAll(text, "\n", "\r\n")))
	if err != nil {
		t.Fatal(err)
	}
	if got.Front != want.Front || got.Body != want.Body || got.BodyLine != want.BodyLine {
		t.Errorf("Windows file: %+v, want %+v", got, want)
	}
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const keHoach = "---\nframe: \"1.4\"\nname: KẾ HOẠCH\ncode: KH\n---\nThân.\n"

func TestLoadDir(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"ke-hoach.md":  keHoach,
		"thong-bao.md": strings.Replace(keHoach, "KẾ HOẠCH\ncode: KH", "THÔNG BÁO\ncode: TB", 1),
		"README.md":    "# Hướng dẫn\n",
		"ghi-chu.txt":  "không phải mẫu",
	})
	if err := os.Mkdir(filepath.Join(dir, "cu.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	srcs, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := Kinds(srcs); !slices.Equal(got, []string{"ke-hoach", "thong-bao"}) {
		t.Errorf("kinds %q", got)
	}
	if srcs[0].File != filepath.Join(dir, "ke-hoach.md") || srcs[0].Builtin || srcs[0].Text != keHoach {
		t.Errorf("source %+v: want the file's path and text, not built-in", srcs[0])
	}

	if _, err := LoadDir(t.TempDir()); err == nil || !strings.Contains(err.Error(), "no template") {
		t.Errorf("empty folder: error %v", err)
	}
	missing := filepath.Join(dir, "khong-co")
	if _, err := LoadDir(missing); err == nil || !strings.HasPrefix(err.Error(), missing+": cannot read the template folder") {
		t.Errorf("missing folder: error %v", err)
	}
	writeFiles(t, dir, map[string]string{"giay-moi.md": "---\nframe: 1.5\n---\n"})
	if _, err := LoadDir(dir); err == nil || !strings.HasPrefix(err.Error(), filepath.Join(dir, "giay-moi.md")+":2:8: frame must be") {
		t.Errorf("bad template: error %v", err)
	}
}

func TestMerge(t *testing.T) {
	builtin, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	own := []Source{{Kind: "thong-bao", File: "mau/thong-bao.md"}, {Kind: "ke-hoach", File: "mau/ke-hoach.md"}, {Kind: "ke-hoach", File: "mau/thua.md"}}
	got := Merge(builtin, own)
	if kinds := Kinds(got); !slices.Equal(kinds, []string{"bao-cao", "bien-ban", "ke-hoach", "thong-bao"}) {
		t.Fatalf("kinds %q", kinds)
	}
	if got[2].File != "mau/ke-hoach.md" || got[3].File != "mau/thong-bao.md" || !got[0].Builtin {
		t.Errorf("merged %q: the office's first template of a kind should win", []string{got[0].File, got[1].File, got[2].File, got[3].File})
	}
	if kinds := Kinds(Merge(builtin, nil)); !slices.Equal(kinds, Kinds(builtin)) {
		t.Errorf("merge without own templates: %q", kinds)
	}
}

func TestLookup(t *testing.T) {
	srcs, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"bien-ban", "bien-ban.md"} {
		if s, err := Lookup(srcs, name); err != nil || s.Kind != "bien-ban" || !strings.Contains(s.Text, "BIÊN BẢN") {
			t.Errorf("Lookup(%q) = %s, %v", name, s.Kind, err)
		}
	}
	_, err = Lookup(srcs, "ke-hoach")
	if want := "no template of kind ke-hoach: expected one of bao-cao, bien-ban, thong-bao"; err == nil || err.Error() != want {
		t.Errorf("unknown kind: %v, want %s", err, want)
	}
}

func TestExport(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mau")
	if err := Export(dir); err != nil {
		t.Fatal(err)
	}
	names, err := fs.Glob(builtin, "*.md")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(names, "README.md") {
		t.Errorf("README.md is not embedded: %q", names)
	}
	for _, name := range names {
		want, _ := fs.ReadFile(builtin, name)
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || string(got) != string(want) {
			t.Errorf("%s: exported %d bytes, %v; want the embedded file", name, len(got), err)
		}
	}
	// The exported templates are the built-in ones, read from disk.
	own, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	builtins, _ := Builtin()
	for i, s := range own {
		b := builtins[i]
		if s.Kind != b.Kind || s.Front != b.Front || s.Body != b.Body || s.AbstractText() != b.AbstractText() {
			t.Errorf("%s: exported template reads differently from the built-in one", s.Kind)
		}
	}

	// A second export overwrites nothing and writes nothing.
	edited := filepath.Join(dir, "thong-bao.md")
	if err := os.WriteFile(edited, []byte("sửa rồi"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "bao-cao.md")); err != nil {
		t.Fatal(err)
	}
	err = Export(dir)
	var te diag.Problem
	if !errors.As(err, &te) || te.File != filepath.Join(dir, "README.md") || !strings.Contains(err.Error(), "never overwrites") {
		t.Errorf("export over existing files: %v, want an error naming the first existing file", err)
	}
	if data, _ := os.ReadFile(edited); string(data) != "sửa rồi" {
		t.Errorf("export overwrote an edited template")
	}
	if _, err := os.Stat(filepath.Join(dir, "bao-cao.md")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a refused export wrote bao-cao.md: %v", err)
	}
}
