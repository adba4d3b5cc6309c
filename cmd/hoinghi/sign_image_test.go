package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool"
)

// renderSeed renders the seed's document of kind into dir, as the
// e-document form when electronic, and returns its path.
func renderSeed(t *testing.T, dir, kind string, electronic bool) string {
	t.Helper()
	args := []string{"render", "--kind", kind, "--format", "pdf", "-o", dir, seed}
	if electronic {
		args = append(args, "--electronic")
	}
	if code, _, stderr := hoinghi(t, args...); code != 0 {
		t.Fatalf("render: %d\n%s", code, stderr)
	}
	pdfs, _ := filepath.Glob(filepath.Join(dir, kind+"-*.pdf"))
	if len(pdfs) != 1 {
		t.Fatalf("rendered %v", pdfs)
	}
	return pdfs[0]
}

// TestSignImageCommand: the signer signs with --image, the agency issues
// with --seal and --number; every bad image, seal or number is an input
// error that leaves the output as it was.
func TestSignImageCommand(t *testing.T) {
	dir := t.TempDir()
	in := renderSeed(t, dir, "thong-bao", true)
	paper := renderSeed(t, filepath.Join(dir, "giay"), "thong-bao", false)
	signer, agency := p12File(t, dir, "Phạm Duy Hưng", "1234"), p12File(t, dir, "UBND tỉnh Bắc Kạn", "1234")
	t.Setenv("HOINGHI_PIN", "1234")
	sig := write(t, dir, "chu-ky.png", string(testtool.Scribble(t, 600, 200)))
	seal := write(t, dir, "dau.png", string(testtool.WithDPI(testtool.Ring(t, 425), 300)))
	bare := write(t, dir, "dau-khong-kich-thuoc.png", string(testtool.Ring(t, 300)))
	notPNG := write(t, dir, "chu-ky.jpg", "\xff\xd8\xff\xe0 a JPEG")
	huge := write(t, dir, "lon.png", string(testtool.HugeHeader(60000, 60000)))

	out := filepath.Join(dir, "nguoi-ky.pdf")
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"--role", "signer", "--p12", signer, "--image", notPNG}, "--image: đây không phải ảnh PNG"},
		{[]string{"--role", "signer", "--p12", signer, "--image", huge}, "--image: ảnh có 60.000 × 60.000 điểm ảnh"},
		{[]string{"--role", "agency", "--p12", agency, "--image", sig}, "--image: hình ảnh chữ ký là của người ký"},
		{[]string{"--role", "signer", "--p12", signer, "--number", "12"}, "--number: --number là của cơ quan"},
	} {
		code, _, stderr := hoinghi(t, append(append([]string{"sign"}, c.args...), in, out)...)
		if code != 2 || !strings.Contains(stderr, c.msg) {
			t.Errorf("sign %v: %d, expected 2 and %q:\n%s", c.args, code, c.msg, stderr)
		}
		if _, err := os.Stat(out); err == nil {
			t.Fatalf("sign %v wrote %s", c.args, out)
		}
	}
	if code, _, stderr := hoinghi(t, "sign", "--role", "signer", "--p12", signer, "--image", sig, in, out); code != 0 {
		t.Fatalf("sign as the signer: %d\n%s", code, stderr)
	}
	first, _ := os.ReadFile(out)

	issued := filepath.Join(dir, "ban-hanh.pdf")
	for _, c := range []struct {
		in   string
		args []string
		msg  string
	}{
		{out, []string{"--seal", bare, "--number", "12"}, "--seal-width: ảnh con dấu không ghi kích thước thật"},
		{out, []string{"--seal", seal, "--seal-width", "60", "--number", "12"}, "--seal: con dấu 60,0 × 60,0 mm sẽ"},
		{out, []string{"--seal", seal}, "--number: cơ quan ban hành văn bản, văn bản cần có số"},
		{out, []string{"--seal", seal, "--number", "1/TB"}, "--number: cần số của văn bản"},
		{out, []string{"--seal", seal, "--number", "12", "--date", "31/02/2026"}, "--date:"},
		{out, []string{"--seal", notPNG, "--number", "12"}, "--seal: đây không phải ảnh PNG"},
		{paper, []string{"--number", "12"}, "--number: tệp PDF này là văn bản giấy"},
		{in, []string{"--attachment", "--number", "12/TB-ƯBND"}, `--number: phông chữ của dòng chữ trên văn bản kèm theo không có "Ư"`},
	} {
		before, _ := os.ReadFile(c.in)
		if c.in == paper {
			if code, _, stderr := hoinghi(t, "sign", "--role", "signer", "--p12", signer, paper); code != 0 {
				t.Fatalf("sign the paper form: %d\n%s", code, stderr)
			}
			before, _ = os.ReadFile(paper)
		}
		code, _, stderr := hoinghi(t, append(append([]string{"sign", "--role", "agency", "--p12", agency}, c.args...), c.in, issued)...)
		if code != 2 || !strings.Contains(stderr, c.msg) {
			t.Errorf("sign %v: %d, expected 2 and %q:\n%s", c.args, code, c.msg, stderr)
		}
		if _, err := os.Stat(issued); err == nil {
			t.Fatalf("sign %v wrote %s", c.args, issued)
		}
		if now, _ := os.ReadFile(c.in); !bytes.Equal(now, before) {
			t.Fatalf("sign %v changed %s", c.args, c.in)
		}
	}
	if code, _, stderr := hoinghi(t, "sign", "--role", "agency", "--p12", agency, "--seal", seal, "--number", "12", "--date", "02/12/2026", out, issued); code != 0 {
		t.Fatalf("sign as the agency: %d\n%s", code, stderr)
	}
	signed, _ := os.ReadFile(issued)
	if !bytes.HasPrefix(signed, first) {
		t.Fatal("issuing changed the signer's revision")
	}
	report, _ := exec.Command(testtool.Path(t, "pdfsig"), issued).CombinedOutput()
	if n := strings.Count(string(report), "Signature Validation: Signature is Valid."); n != 2 || !strings.Contains(string(report), "Total document signed") {
		t.Errorf("pdfsig finds %d valid signatures, expected 2, the last of the whole file:\n%s", n, report)
	}
	text := string(testtool.Run(t, "pdftotext", "-f", "1", "-l", "1", "-layout", issued, "-"))
	if !strings.Contains(text, "12/TB-") || !strings.Contains(text, "ngày 02 tháng 12 năm 2026") {
		t.Errorf("the number or the date is not on page 1:\n%s", text)
	}
}

// TestSignFlagsBeforePIN: a flag that does not fit the role or the
// others is an input error before the PIN is read, here from a PIN file
// that does not exist.
func TestSignFlagsBeforePIN(t *testing.T) {
	dir := t.TempDir()
	in := renderSeed(t, dir, "thong-bao", true)
	key := p12File(t, dir, "UBND tỉnh Bắc Kạn", "1234")
	seal := write(t, dir, "dau.png", string(testtool.WithDPI(testtool.Ring(t, 425), 300)))
	noPIN := filepath.Join(dir, "khong-co-ma-pin.txt")
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"--role", "signer", "--seal", seal}, "--seal: --seal là của cơ quan"},
		{[]string{"--role", "agency", "--seal", seal, "--seal-width", "200", "--number", "12"}, "--seal-width: cần chiều rộng con dấu"},
		{[]string{"--role", "agency", "--attachment", "--number", "12/TB-UBND", "--seal", seal}, "--seal: chữ ký số của cơ quan trên văn bản kèm theo là tệp riêng không thể hiện hình ảnh"},
		{[]string{"--role", "agency", "--attachment", "--number", "12/TB-UBND", "--date", "02/12/2026"}, "--date: văn bản kèm theo ghi thời gian ký"},
		{[]string{"--role", "agency", "--number", "12", "--date", "2023-07"}, "--date: cần ngày ban hành, ví dụ 2026-12-02 hoặc 02/12/2026, nhận được 2023-07"},
	} {
		out := filepath.Join(dir, "ra.pdf")
		code, _, stderr := hoinghi(t, append(append([]string{"sign", "--p12", key, "--pin-file", noPIN}, c.args...), in, out)...)
		if code != 2 || !strings.Contains(stderr, c.msg) || strings.Contains(stderr, noPIN) {
			t.Errorf("sign %v: %d, expected 2 and %q before the PIN is read:\n%s", c.args, code, c.msg, stderr)
		}
	}
}

// TestRenderSignCommand: render --sign and batch --sign sign each PDF as
// its signer, showing --image on the e-document form; --image without
// --sign is a usage error.
func TestRenderSignCommand(t *testing.T) {
	dir := t.TempDir()
	key := p12File(t, dir, "Phạm Duy Hưng", "1234")
	t.Setenv("HOINGHI_PIN", "1234")
	sig := write(t, dir, "chu-ky.png", string(testtool.Scribble(t, 600, 200)))
	if code, _, stderr := hoinghi(t, "render", "--electronic", "--kind", "thong-bao", "--format", "pdf", "--image", sig, "-o", dir, seed); code != 2 || !strings.Contains(stderr, "thêm --sign để ký") {
		t.Errorf("--image without --sign: %d\n%s", code, stderr)
	}
	out := filepath.Join(dir, "render")
	if code, _, stderr := hoinghi(t, "render", "--electronic", "--kind", "thong-bao", "--format", "pdf", "--sign", "--p12", key, "--image", sig, "-o", out, seed); code != 0 {
		t.Fatalf("render --sign: %d\n%s", code, stderr)
	}
	batchOut := filepath.Join(dir, "batch")
	if code, _, stderr := hoinghi(t, "batch", "--electronic", "--kind", "thong-bao", "--format", "pdf", "--sign", "--p12", key, "--image", sig, "-o", batchOut, seed); code != 0 {
		t.Fatalf("batch --sign: %d\n%s", code, stderr)
	}
	rendered, _ := filepath.Glob(filepath.Join(out, "thong-bao-*.pdf"))
	batched, _ := filepath.Glob(filepath.Join(batchOut, "*", "thong-bao-*.pdf"))
	if len(rendered) != 1 || len(batched) != 1 {
		t.Fatalf("wrote %v and %v", rendered, batched)
	}
	for _, pdf := range []string{rendered[0], batched[0]} {
		report, _ := exec.Command(testtool.Path(t, "pdfsig"), pdf).CombinedOutput()
		if !strings.Contains(string(report), "Signature Validation: Signature is Valid.") || !strings.Contains(string(report), "Signature Field Name: NguoiKy") {
			t.Errorf("pdfsig does not find %s signed by the signer:\n%s", pdf, report)
		}
		if blue := bluePixels(t, pdf); blue < 500 {
			t.Errorf("%s shows %d blue pixels of the signer's image", pdf, blue)
		}
	}
	// The paper form has no place for the image: the meeting fails.
	paper := filepath.Join(dir, "giay")
	if code, _, stderr := hoinghi(t, "render", "--kind", "thong-bao", "--format", "pdf", "--sign", "--p12", key, "--image", sig, "-o", paper, seed); code != 2 || !strings.Contains(stderr, "không ký được") || !strings.Contains(stderr, "--electronic") {
		t.Errorf("render --sign --image of the paper form: %d\n%s", code, stderr)
	}
	if pdfs, _ := filepath.Glob(filepath.Join(paper, "*.pdf")); len(pdfs) != 0 {
		t.Errorf("wrote %v", pdfs)
	}
}

// bluePixels counts the blue pixels of the pages of pdf as pdftoppm
// draws them.
func bluePixels(t *testing.T, pdf string) int {
	t.Helper()
	dir := t.TempDir()
	testtool.Run(t, "pdftoppm", "-r", "72", pdf, filepath.Join(dir, "page"))
	pages, _ := filepath.Glob(filepath.Join(dir, "page-*.ppm"))
	blue := 0
	for _, page := range pages {
		w, h, px := readPPM(t, page)
		blue += blueIn(w, h, px, [4]float64{0, 0, float64(w), float64(h)})
	}
	return blue
}
