package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool"
)

// TestSignSecretaryCommand: on a Biên bản the secretary and the chair
// sign, each with an image in a box of their own, in either order, each
// once; the agency then issues it with the seal. --role secretary on a
// document without the secretary's line is an input error.
func TestSignSecretaryCommand(t *testing.T) {
	dir := t.TempDir()
	in := renderSeed(t, dir, "bien-ban", true)
	secretary, chair, agency := p12File(t, dir, "Lê Thị Thu", "1234"), p12File(t, dir, "Phạm Duy Hưng", "1234"), p12File(t, dir, "Cụm thi đua", "1234")
	t.Setenv("HOINGHI_PIN", "1234")
	sig := write(t, dir, "chu-ky.png", string(testtool.Scribble(t, 600, 200)))
	seal := write(t, dir, "dau.png", string(testtool.WithDPI(testtool.Ring(t, 425), 300)))

	places := testtool.Places(t, in)
	box, chairBox := places["Secretary"], places["Signer"]
	if box.Rect == ([4]float64{}) || box.Page != chairBox.Page {
		t.Fatalf("the places of the Biên bản: %+v", places)
	}
	// Inside the text block, 30 mm from the left edge and 15 mm from the
	// right, and clear of the chair's box.
	if left, right := 30*72/25.4, (210-15)*72/25.4; box.Rect[0] < left || box.Rect[2] > right || box.Rect[2] > chairBox.Rect[0] {
		t.Errorf("the secretary's box %v is outside the text block or over the chair's %v", box.Rect, chairBox.Rect)
	}

	one := filepath.Join(dir, "thu-ky.pdf")
	if code, _, stderr := hoinghi(t, "sign", "--role", "secretary", "--p12", secretary, "--image", sig, in, one); code != 0 {
		t.Fatalf("sign as the secretary: %d\n%s", code, stderr)
	}
	before, _ := os.ReadFile(one)
	again := filepath.Join(dir, "lai.pdf")
	if code, _, stderr := hoinghi(t, "sign", "--role", "secretary", "--p12", secretary, one, again); code != 2 || !strings.Contains(stderr, "thư ký đã ký số văn bản này") {
		t.Errorf("the secretary signs twice: %d\n%s", code, stderr)
	}
	if _, err := os.Stat(again); err == nil {
		t.Errorf("signing twice wrote %s", again)
	}
	two := filepath.Join(dir, "chu-toa.pdf")
	if code, _, stderr := hoinghi(t, "sign", "--role", "signer", "--p12", chair, "--image", sig, one, two); code != 0 {
		t.Fatalf("sign as the chair: %d\n%s", code, stderr)
	}
	issued := filepath.Join(dir, "ban-hanh.pdf")
	if code, _, stderr := hoinghi(t, "sign", "--role", "agency", "--p12", agency, "--seal", seal, "--number", "12", two, issued); code != 0 {
		t.Fatalf("sign as the agency: %d\n%s", code, stderr)
	}
	if signed, _ := os.ReadFile(issued); !bytes.HasPrefix(signed, before) {
		t.Error("the chair or the agency changed the secretary's revision")
	}
	report, _ := exec.Command(testtool.Path(t, "pdfsig"), issued).CombinedOutput()
	if n := strings.Count(string(report), "Signature Validation: Signature is Valid."); n != 3 || !strings.Contains(string(report), "Signature Field Name: ThuKy") ||
		strings.LastIndex(string(report), "Total document signed") < strings.LastIndex(string(report), "Signature Field Name: CoQuan") {
		t.Errorf("pdfsig finds %d valid signatures, expected 3, the secretary's among them and the agency's of the whole file:\n%s", n, report)
	}

	page := box.Page + 1
	w, h, px := pixels(t, issued, page)
	for name, b := range map[string]testtool.Place{"the secretary's": box, "the chair's": chairBox} {
		if n := blueIn(w, h, px, b.Rect); n < 500 {
			t.Errorf("%s box %v shows %d blue pixels of the image", name, b.Rect, n)
		}
	}
	words := readBBox(t, issued)[page-1].Words
	if len(words) < 10 {
		t.Fatalf("pdftotext finds %d words on page %d", len(words), page)
	}
	for _, wd := range words {
		// pdftotext measures from the top, the places from the bottom.
		under := [4]float64{wd.XMin / ptMM, float64(h) - wd.YMax/ptMM, wd.XMax / ptMM, float64(h) - wd.YMin/ptMM}
		if n := blueIn(w, h, px, under); n > 0 {
			t.Errorf("%d blue pixels of an image over the word %q at %v", n, wd.Text, under)
		}
	}

	// The other order: the chair first, then the secretary.
	chairFirst := filepath.Join(dir, "chu-toa-truoc.pdf")
	if code, _, stderr := hoinghi(t, "sign", "--role", "signer", "--p12", chair, in, chairFirst); code != 0 {
		t.Fatalf("sign as the chair first: %d\n%s", code, stderr)
	}
	if code, _, stderr := hoinghi(t, "sign", "--role", "secretary", "--p12", secretary, "--image", sig, chairFirst); code != 0 {
		t.Fatalf("sign as the secretary after the chair: %d\n%s", code, stderr)
	}
	report, _ = exec.Command(testtool.Path(t, "pdfsig"), chairFirst).CombinedOutput()
	if n := strings.Count(string(report), "Signature Validation: Signature is Valid."); n != 2 {
		t.Errorf("pdfsig finds %d valid signatures, expected 2:\n%s", n, report)
	}

	// A THÔNG BÁO has one signer and no secretary's line.
	notice := renderSeed(t, filepath.Join(dir, "tb"), "thong-bao", true)
	unsigned, _ := os.ReadFile(notice)
	if code, _, stderr := hoinghi(t, "sign", "--role", "secretary", "--p12", secretary, "--image", sig, notice); code != 2 || !strings.Contains(stderr, "--role: văn bản này không có chỗ ký của thư ký") {
		t.Errorf("--role secretary on a THÔNG BÁO: %d\n%s", code, stderr)
	}
	if now, _ := os.ReadFile(notice); !bytes.Equal(now, unsigned) {
		t.Error("--role secretary changed the THÔNG BÁO")
	}
}

// pixels draws page (from 1) of pdf with pdftoppm at 72 dpi, a pixel a
// point, and returns its width, height and RGB samples.
func pixels(t *testing.T, pdf string, page int) (w, h int, px []byte) {
	t.Helper()
	dir := t.TempDir()
	n := strconv.Itoa(page)
	testtool.Run(t, "pdftoppm", "-r", "72", "-f", n, "-l", n, "-singlefile", pdf, filepath.Join(dir, "page"))
	return readPPM(t, filepath.Join(dir, "page.ppm"))
}

// readPPM reads a page pdftoppm drew: its width, height and RGB samples.
func readPPM(t *testing.T, path string) (w, h int, px []byte) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// A binary PPM: P6, the width, the height and the largest sample,
	// then the samples.
	f := strings.Fields(string(data[:min(len(data), 64)]))
	if len(f) < 4 || f[0] != "P6" {
		t.Fatalf("pdftoppm wrote no PPM: %q", data[:min(len(data), 64)])
	}
	w, _ = strconv.Atoi(f[1])
	h, _ = strconv.Atoi(f[2])
	if w < 0 || h < 0 || 3*w*h > len(data) {
		t.Fatalf("pdftoppm wrote a PPM of %d×%d pixels in %d bytes", w, h, len(data))
	}
	px = data[len(data)-3*w*h:]
	return w, h, px
}

// blueIn counts the blue pixels in r, points from the page's bottom-left
// corner, of a page of h rows of w pixels drawn at 72 dpi.
func blueIn(w, h int, px []byte, r [4]float64) int {
	blue := 0
	for y := max(int(float64(h)-r[3]), 0); y < min(int(float64(h)-r[1])+1, h); y++ {
		for x := max(int(r[0]), 0); x < min(int(r[2])+1, w); x++ {
			p := px[3*(y*w+x):]
			if p[2] > 150 && p[0] < 110 && p[1] < 130 {
				blue++
			}
		}
	}
	return blue
}
