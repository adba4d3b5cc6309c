package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool"
	"github.com/hoinghi/hoinghi/internal/testtool/fifo"
)

// TestNotRegularOrTooLarge: a FIFO, a device, a link to a device and a
// file of more than 16 MB are refused before they are read, exit 2, with
// no file written; none hangs.
func TestNotRegularOrTooLarge(t *testing.T) {
	dir := t.TempDir()
	pipe := filepath.Join(dir, "fifo.yaml")
	fifo.Make(t, pipe)
	zero := filepath.Join(dir, "zero.yaml")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	big := write(t, dir, "big.yaml", minimal+"conclusions:\n  - "+strings.Repeat("a", 17<<20)+"\n")
	for _, tc := range []struct{ path, vi, en string }{
		{pipe, "tệp cuộc họp phải là một tệp thông thường, không phải ống có tên (FIFO)", "the meeting file must be an ordinary file, not a named pipe (FIFO)"},
		{"/dev/null", "không phải thiết bị", "not a device"},
		{zero, "không phải thiết bị", "not a device"},
		{big, "byte trở lên, quá 16.777.216 byte cho phép", "bytes or more, more than the 16,777,216 allowed"},
	} {
		for _, l := range []struct{ lang, want string }{{"vi", tc.vi}, {"en", tc.en}} {
			out := t.TempDir()
			code, _, stderr := hoinghi(t, "--lang", l.lang, "render", "-o", out, tc.path)
			if code != 2 || !strings.Contains(stderr, tc.path+": ") || !strings.Contains(stderr, l.want) {
				t.Errorf("%s --lang %s: exit %d, stderr %q; want 2 and %q", tc.path, l.lang, code, stderr, l.want)
			}
			if got := entries(t, out); len(got) > 0 {
				t.Errorf("%s: wrote %v", tc.path, got)
			}
		}
	}
}

// TestSourceDateEpochRange: SOURCE_DATE_EPOCH outside what a PDF date can
// hold, or not plain digits, is refused.
func TestSourceDateEpochRange(t *testing.T) {
	dir := t.TempDir()
	file := write(t, dir, "hop.yaml", minimal)
	for _, v := range []string{"-1", "+5", "1e9", "253402300800", "12 34"} {
		t.Setenv("SOURCE_DATE_EPOCH", v)
		out := t.TempDir()
		code, _, stderr := hoinghi(t, "render", "-o", out, file)
		if code != 2 || !strings.Contains(stderr, "SOURCE_DATE_EPOCH=") || !strings.Contains(stderr, "từ 0 đến 253402300799") {
			t.Errorf("SOURCE_DATE_EPOCH=%s: exit %d, %q", v, code, stderr)
		}
		if got := entries(t, out); len(got) > 0 {
			t.Errorf("SOURCE_DATE_EPOCH=%s: wrote %v", v, got)
		}
	}
	t.Setenv("SOURCE_DATE_EPOCH", "253402300799")
	out := t.TempDir()
	if code, _, stderr := hoinghi(t, "render", "--kind", "thong-bao", "--format", "pdf", "-o", out, file); code != 0 {
		t.Fatalf("the last second of 9999: exit %d, %s", code, stderr)
	}
	info := string(testtool.Run(t, "pdfinfo", filepath.Join(out, "thong-bao.pdf")))
	if !strings.Contains(info, "9999") {
		t.Errorf("pdfinfo does not read the year 9999:\n%s", info)
	}
}

// TestMessagesEscapeControls: ESC, BEL and a bidi override written in a
// file name, a key or a value never reach the terminal as they are.
func TestMessagesEscapeControls(t *testing.T) {
	dir := t.TempDir()
	file := write(t, dir, "hop\x1bc.yaml", "issuer:\n  name: \"A\\e[31mB\\a\"\n  \"x\\e]0;owned\\a\": 1\nmeeting:\n  title: \"T\\u202Eabc\"\n  type: \"\\e[5mhop\"\n")
	code, stdout, stderr := hoinghi(t, "validate", file)
	if code != 2 {
		t.Fatalf("exit %d, want 2: %s", code, stderr)
	}
	if strings.ContainsAny(stdout+stderr, "\x1b\a\u202e") {
		t.Errorf("a control character reached the terminal: %q", stderr)
	}
	for _, want := range []string{`hop\x1bc.yaml:3:3: issuer.x\x1b]0;owned\x07:`, `issuer.name: ký tự thứ 2 là U+001B`, `meeting.title: ký tự thứ 2 là U+202E`} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

// TestConvertFromLegacy: a meeting typed with a TCVN3 or VNI font, pasted
// into a UTF-8 file or saved as its 8-bit bytes, is refused by render and
// turned into Unicode by convert --from, after which its thông báo reads
// right in pdftotext.
func TestConvertFromLegacy(t *testing.T) {
	for _, tc := range []struct {
		name, enc string
		data      []byte
	}{
		{"tcvn3 pasted", "tcvn3", []byte("issuer:\n  name: UBND X· T©n An\nmeeting:\n  title: Héi nghÞ s¬ kÕt c«ng t¸c thi ®ua\n  chairs:\n    - name: NguyÔn V¨n §«ng\n")},
		{"tcvn3 bytes", "tcvn3", []byte("issuer:\n  name: UBND X\xb7 T\xa9n An\nmeeting:\n  title: H\xe9i ngh\xde s\xac k\xd5t c\xabng t\xb8c thi \xaeua\n  chairs:\n    - name: Nguy\xd4n V\xa8n \xa7\xabng\n")},
		{"vni pasted", "vni", []byte("issuer:\n  name: UBND Xaõ Taân An\nmeeting:\n  title: Hoäi nghò sô keát coâng taùc thi ñua\n  chairs:\n    - name: Nguyeãn Vaên Ñoâng\n")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join(dir, "cu.yaml")
			if err := os.WriteFile(in, tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			if code, _, _ := hoinghi(t, "render", "-o", t.TempDir(), in); code != 2 {
				t.Errorf("render of the legacy file: exit %d, want 2", code)
			}
			uni := filepath.Join(dir, "moi.yaml")
			if code, _, stderr := hoinghi(t, "convert", "--from", tc.enc, in, uni); code != 0 {
				t.Fatalf("convert --from %s: exit %d: %s", tc.enc, code, stderr)
			}
			out := t.TempDir()
			if code, _, stderr := hoinghi(t, "render", "--kind", "thong-bao", "--format", "pdf", "-o", out, uni); code != 0 {
				t.Fatalf("render of the converted file: exit %d: %s", code, stderr)
			}
			text := strings.Join(strings.Fields(string(testtool.Run(t, "pdftotext", filepath.Join(out, "thong-bao.pdf"), "-"))), " ")
			for _, want := range []string{"UBND XÃ TÂN AN", "sơ kết công tác thi đua", "Nguyễn Văn Đông"} {
				if !strings.Contains(text, want) {
					t.Errorf("the thông báo lacks %q:\n%s", want, text)
				}
			}
		})
	}
	if code, _, stderr := hoinghi(t, "convert", "--from", "cp1258", write(t, t.TempDir(), "a.yaml", minimal), filepath.Join(t.TempDir(), "b.yaml")); code != 2 || !strings.Contains(stderr, "cần tcvn3 hoặc vni") {
		t.Errorf("an unknown encoding: exit %d, %q", code, stderr)
	}
}

// TestTooLongRefused: a signer's name too long for any page, and an
// attendee's name longer than an Excel cell holds, fail their meeting
// with exit 2 and a message at the field; no output of that meeting is
// written, while the other meeting of the run is.
func TestTooLongRefused(t *testing.T) {
	dir := t.TempDir()
	long := write(t, dir, "dai.yaml", minimal+"  attendees:\n    - name: "+strings.Repeat("Nguyễn", 6000)+"\ndocuments:\n  - kind: thong-bao\n    signer:\n      name: Phạm "+strings.Repeat("Duy", 3334)+" Hưng\n")
	good := write(t, dir, "tot.yaml", minimal+"documents:\n  - kind: bao-cao\n")
	out := t.TempDir()
	code, _, stderr := hoinghi(t, "--lang", "en", "render", "--format", "pdf", "-o", out, long, good)
	if code != 2 {
		t.Errorf("exit %d, want 2:\n%s", code, stderr)
	}
	if !strings.Contains(stderr, long+": signer: too long to fit inside the page margins") {
		t.Errorf("stderr lacks the signer:\n%s", stderr)
	}
	if got := entries(t, out); !slices.Equal(got, []string{"bao-cao.pdf"}) {
		t.Errorf("wrote %v, want the báo cáo of tot.yaml only", got)
	}
	code, _, stderr = hoinghi(t, "--lang", "en", "render", "--format", "xlsx", "-o", t.TempDir(), long)
	if code != 2 {
		t.Errorf("exit %d, want 2:\n%s", code, stderr)
	}
	if !strings.Contains(stderr, long+": meeting.attendees[0].name") {
		t.Errorf("stderr lacks the attendee:\n%s", stderr)
	}
}

// TestMemoryGuard: a process that needs more memory than GOMEMLIMIT
// allows stops with a message and exit 1, not with Go's crash (exit 2 and
// a goroutine dump).
func TestMemoryGuard(t *testing.T) {
	cmd := exec.Command(os.Args[0], "--lang", "en", "render", "-o", t.TempDir(), "../../samples/lon.yaml")
	cmd.Env = append(os.Environ(), "HOINGHI_TEST_MAIN=1", "GOMEMLIMIT=2MiB")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("exit %v, want 1:\n%s", err, stderr.String())
	}
	if want := "hoinghi: stopped: the inputs need more than 2 MB of memory (GOMEMLIMIT raises the limit)\n"; stderr.String() != want {
		t.Errorf("stderr %q, want %q", stderr.String(), want)
	}
}
