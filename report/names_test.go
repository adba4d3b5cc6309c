package report

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hoinghi/hoinghi/report/meeting"
)

// TestSafeName: names Windows reserves, names that start with a dash or
// a dot, names of dots and over-long names become names every system
// takes, with room for ".zip" and a temporary file's name.
func TestSafeName(t *testing.T) {
	long := strings.Repeat("a", 250)
	viet := strings.Repeat("ữ", 100) // 3 bytes each
	for _, c := range []struct{ in, want string }{
		{"CON", "_CON"}, {"con", "_con"}, {"Aux.bak", "_Aux.bak"}, {"nul", "_nul"}, {"PRN.tar.gz", "_PRN.tar.gz"},
		{"COM1", "_COM1"}, {"lpt9.x", "_lpt9.x"}, {"COM0", "COM0"}, {"CONSOLE", "CONSOLE"}, {"com10", "com10"},
		{"COM¹", "_COM¹"}, {"lpt².pdf", "_lpt².pdf"}, {"COM³", "_COM³"}, {"COM⁴", "COM⁴"}, {"nul .txt", "_nul .txt"},
		{"..", "_"}, {"...", "_"}, {"", "_"}, {"bien-ban.", "bien-ban"}, {"hop ", "hop"},
		{"-rf", "_-rf"}, {"--help", "_--help"}, {".hoinghi", "_.hoinghi"}, {". an", "_. an"}, {"a-", "a-"},
		{"xa-tan-an", "xa-tan-an"}, {"Tháng 7", "Tháng 7"},
	} {
		if got := SafeName(c.in, 0); got != c.want {
			t.Errorf("SafeName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, name := range []string{long, viet} {
		got := SafeName(name, len(".zip"))
		if n := len("." + got + ".zip.4294967295.tmp"); n > 255 {
			t.Errorf("SafeName of a %d-byte name gives a temporary name of %d bytes", len(name), n)
		}
		if !strings.HasPrefix(name, got) || !utf8.ValidString(got) {
			t.Errorf("SafeName cut %q badly: %q", name[:10], got)
		}
	}
}

// TestOutputNames: a document of a kind named as a Windows device, such
// as an office's own template con.md, without a number or a date, gets a
// name Windows takes; numbered and dated documents and the workbook keep
// their names.
func TestOutputNames(t *testing.T) {
	for _, c := range []struct {
		doc  meeting.Document
		want string
	}{
		{meeting.Document{Kind: "con"}, "_con.pdf"},
		{meeting.Document{Kind: "aux"}, "_aux.pdf"},
		{meeting.Document{Kind: "com1"}, "_com1.pdf"},
		{meeting.Document{Kind: "nul", Number: "5"}, "nul-05.pdf"},
		{meeting.Document{Kind: "thong-bao", Number: "05", Date: meeting.Date{Raw: "2023-07-31"}}, "thong-bao-05-2023-07-31.pdf"},
		{meeting.Document{Kind: "bien-ban"}, "bien-ban.pdf"},
	} {
		if got := FileName(c.doc); got != c.want {
			t.Errorf("FileName(%+v) = %q, want %q", c.doc, got, c.want)
		}
	}
	var m meeting.Meeting
	if got := WorkbookName(&m); got != "danh-sach-dai-bieu.xlsx" {
		t.Errorf("WorkbookName of an undated meeting: %q", got)
	}
	m.Info.Start = meeting.DateTime{Raw: "2023-07-28 08:00"}
	if got := WorkbookName(&m); got != "danh-sach-dai-bieu-2023-07-28.xlsx" {
		t.Errorf("WorkbookName: %q", got)
	}
}
