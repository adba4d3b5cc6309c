package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool"
)

// TestInitByExtension: the name given to init decides what it writes —
// a workbook for .xlsx, the one --xlsx writes; the commented YAML for
// .yaml and .yml; the same meeting in JSON for .json — and any other name
// is refused, writing nothing.
func TestInitByExtension(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "hop.xlsx")
	if code, _, stderr := hoinghi(t, "init", book); code != 0 {
		t.Fatalf("init hop.xlsx: exit %d: %s", code, stderr)
	}
	flagged := filepath.Join(dir, "trong.xlsx")
	if code, _, stderr := hoinghi(t, "init", "--xlsx", flagged); code != 0 {
		t.Fatalf("init --xlsx: exit %d: %s", code, stderr)
	}
	a, _ := os.ReadFile(book)
	b, _ := os.ReadFile(flagged)
	if !bytes.Equal(a, b) {
		t.Error("init hop.xlsx and init --xlsx write different workbooks")
	}
	// LibreOffice reads it as a workbook, with the sheets a clerk fills.
	csv := filepath.Join(dir, "csv")
	testtool.Soffice(t, filepath.Join(dir, "lo"), csv, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", book)
	for _, sheet := range []string{"Thông tin", "Đại biểu"} {
		if _, err := os.Stat(filepath.Join(csv, "hop-"+sheet+".csv")); err != nil {
			t.Errorf("LibreOffice finds no sheet %s in hop.xlsx: %v", sheet, err)
		}
	}
	if code, _, stderr := hoinghi(t, "validate", book); code != 2 || !strings.Contains(stderr, "Thông tin!B4: issuer.name") {
		t.Errorf("validate of the blank workbook: exit %d, %q; want its blank cells named", code, stderr)
	}

	for _, name := range []string{"hop.yaml", "hop.yml", "hop.json"} {
		file := filepath.Join(dir, name)
		if code, _, stderr := hoinghi(t, "init", file); code != 0 {
			t.Fatalf("init %s: exit %d: %s", name, code, stderr)
		}
		if code, _, stderr := hoinghi(t, "validate", file); code != 0 {
			t.Errorf("the starter %s is not valid: %s", name, stderr)
		}
		data, _ := os.ReadFile(file)
		isJSON := json.Valid(data)
		if isJSON != (name == "hop.json") || name != "hop.json" && !bytes.HasPrefix(data, []byte("# ")) {
			t.Errorf("init %s wrote %.60q", name, data)
		}
	}

	for _, lng := range []string{"vi", "en"} {
		file := filepath.Join(dir, "hop.txt")
		code, _, stderr := hoinghi(t, "--lang", lng, "init", file)
		want := map[string]string{"vi": "tên tệp cần có đuôi .yaml, .yml, .json hoặc .xlsx", "en": "expected a name ending in .yaml, .yml, .json or .xlsx"}[lng]
		if code != 2 || !strings.Contains(stderr, want) {
			t.Errorf("--lang %s init hop.txt: exit %d, %q; want 2 and %q", lng, code, stderr, want)
		}
		if _, err := os.Stat(file); err == nil {
			t.Error("init hop.txt wrote a file")
		}
	}
}

// TestSystemErrors: a missing input, a missing output folder, a file
// where a folder belongs: said in the user's language, with the remedy.
func TestSystemErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "hop-thang-7.xlsx")
	nodir := filepath.Join(dir, "thang-7")
	for _, tc := range []struct {
		args   []string
		code   int
		vi, en string
	}{
		{[]string{"validate", missing}, 2, "không tìm thấy tệp " + missing + " — kiểm tra tên và thư mục", "file " + missing + " not found — check its name and folder"},
		{[]string{"init", filepath.Join(nodir, "hop.yaml")}, 1, "không tìm thấy thư mục " + nodir + " — kiểm tra tên và vị trí", "folder " + nodir + " not found"},
		{[]string{"render", "--kind", "thong-bao", "--format", "pdf", "-o", filepath.Join(seed, "out"), seed}, 1, "một phần của đường dẫn là tệp chứ không phải thư mục", "a part of the path is a file, not a folder"},
	} {
		for _, lng := range []string{"vi", "en"} {
			code, _, stderr := hoinghi(t, append([]string{"--lang", lng}, tc.args...)...)
			want := tc.vi
			if lng == "en" {
				want = tc.en
			}
			if code != tc.code || !strings.Contains(stderr, want) {
				t.Errorf("--lang %s %s: exit %d, %q; want %d and %q", lng, strings.Join(tc.args, " "), code, stderr, tc.code, want)
			}
		}
	}
}
