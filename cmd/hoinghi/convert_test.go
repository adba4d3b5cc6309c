package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestConvertLongText: a text over the 32,767 characters a cell of Excel
// holds is refused with its field and cell, exit 2, and no workbook is
// written; excelize would have cut it.
func TestConvertLongText(t *testing.T) {
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	title := regexp.MustCompile(`(?m)^  title: >-\n(    .*\n)+`)
	long := title.ReplaceAllString(string(data), `  title: "`+strings.Repeat("ạ", 40000)+"\"\n")
	if long == string(data) {
		t.Fatal("the title of the sample was not found")
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "hop.yaml"), filepath.Join(dir, "hop.xlsx")
	write(t, dir, "hop.yaml", long)
	code, _, stderr := hoinghi(t, "convert", in, out)
	if code != 2 || !strings.Contains(stderr, "Thông tin!B9: meeting.title: văn bản dài 40.000 ký tự, nhiều hơn 32.767 ký tự một ô Excel chứa được") {
		t.Errorf("exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a workbook was written")
	}
}
