package sign_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool"
	"github.com/hoinghi/hoinghi/report/sign"
)

// Colours of the test images: the signature blue, the seal red.
var (
	blue = color.NRGBA{0x10, 0x30, 0xd0, 0xff}
	red  = color.NRGBA{0xe0, 0x10, 0x10, 0xff}
)

// scribble is a PNG of a blue handwritten signature, a wave across a
// transparent background.
func scribble(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		cy := float64(h)/2 + float64(h)/4*math.Sin(float64(x)/float64(w)*4*math.Pi)
		for y := range h {
			if math.Abs(float64(y)-cy) < float64(h)/20+1 {
				img.SetNRGBA(x, y, blue)
			}
		}
	}
	return encodePNG(t, img)
}

// ring is a PNG of a red round seal of d pixels, a thick ring with a
// star, on a transparent background.
func ring(t testing.TB, d int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, d, d))
	c := float64(d) / 2
	for y := range d {
		for x := range d {
			r := math.Hypot(float64(x)+0.5-c, float64(y)+0.5-c)
			if (r < c && r > c*0.85) || r < c*0.2 {
				img.SetNRGBA(x, y, red)
			}
		}
	}
	return encodePNG(t, img)
}

func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// withDPI is a PNG with a pHYs chunk saying dpi pixels per inch, put
// after its IHDR chunk as ISO/IEC 15948 wants, which image/png does not
// write.
func withDPI(data []byte, dpi float64) []byte {
	ppm := uint32(math.Round(dpi / 0.0254))
	body := binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32([]byte("pHYs"), ppm), ppm)
	body = append(body, 1)
	chunk := binary.BigEndian.AppendUint32(nil, 9)
	chunk = append(chunk, body...)
	chunk = binary.BigEndian.AppendUint32(chunk, crc32.ChecksumIEEE(body))
	ihdrEnd := 8 + 4 + 4 + 13 + 4
	return append(append(bytes.Clone(data[:ihdrEnd]), chunk...), data[ihdrEnd:]...)
}

// hugeHeader is a PNG whose header says it is of w × h pixels, with
// nothing after it: a decoder that trusts it would take w × h × 4 bytes.
func hugeHeader(w, h uint32) []byte {
	body := append([]byte("IHDR"), binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(nil, w), h)...)
	body = append(body, 8, 6, 0, 0, 0)
	out := append([]byte("\x89PNG\r\n\x1a\n"), binary.BigEndian.AppendUint32(nil, 13)...)
	out = append(out, body...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(body))
}

// TestSealSize: the physical size of a seal is that of its pHYs chunk.
func TestSealSize(t *testing.T) {
	for _, c := range []struct {
		px  int
		dpi float64
		mm  float64
	}{{425, 300, 35.98}, {496, 350, 36.0}, {992, 600, 41.99}} {
		im, err := sign.ParseImage(withDPI(ring(t, c.px), c.dpi), "--seal")
		if err != nil {
			t.Fatal(err)
		}
		w, h, ok := im.SizeMM()
		if !ok || math.Abs(w-c.mm) > 0.02 || math.Abs(h-c.mm) > 0.02 {
			t.Errorf("%d px at %g dpi: %.2f × %.2f mm (%t), expected %.2f mm", c.px, c.dpi, w, h, ok, c.mm)
		}
	}
	im, err := sign.ParseImage(ring(t, 100), "--seal")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, ok := im.SizeMM(); ok {
		t.Error("a PNG without pHYs has a size")
	}
}

// TestImageProblems: a file that is not a PNG, or one too large, is a
// problem of its flag and file, read no further.
func TestImageProblems(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		data []byte
		msg  string
	}{
		{[]byte("GIF89a not a png"), "đây không phải ảnh PNG"},
		{hugeHeader(100000, 100000), "ảnh có 100.000 × 100.000 điểm ảnh: hoinghi chỉ nhận ảnh mỗi chiều tối đa 4.096 điểm ảnh"},
		{hugeHeader(4000, 4000), "ảnh có 4.000 × 4.000 điểm ảnh"},
		{ring(t, 50)[:200], "đây không phải ảnh PNG"},
	} {
		path := filepath.Join(dir, "anh.png")
		if err := os.WriteFile(path, c.data, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := sign.LoadImage(path, "--seal")
		wantProblem(t, err, path, c.msg)
	}
}

// TestFace: the codes and widths sign writes text with are those of the
// page's own text, as qpdf and pdftotext read them: the Số line of
// today's THÔNG BÁO, in its regular face at 13 pt.
func TestFace(t *testing.T) {
	pdf := sample(t)
	path := write(t, "in.pdf", pdf)
	qdf := filepath.Join(t.TempDir(), "qdf.pdf")
	testtool.Run(t, "qpdf", "--qdf", "--object-streams=disable", path, qdf)
	plain, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	words := string(testtool.Run(t, "pdftotext", "-bbox", "-f", "1", "-l", "1", path, "-"))
	for _, word := range []string{"Số:", "UBND", "BẮC", "KẠN"} {
		hex, width, err := sign.Encode(pdf, "F1", word, 13)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(strings.ToLower(string(plain)), strings.ToLower(strings.Trim(hex, "<>"))) {
			t.Errorf("%s is %s, which the page's content does not hold", word, hex)
		}
		m := regexp.MustCompile(`xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">` + regexp.QuoteMeta(word) + `<`).FindStringSubmatch(words)
		if m == nil {
			t.Fatalf("pdftotext finds no %s on page 1", word)
		}
		x0, _ := strconv.ParseFloat(m[1], 64)
		x1, _ := strconv.ParseFloat(m[2], 64)
		if math.Abs(x1-x0-width) > 0.05 {
			t.Errorf("%s is %.2f pt wide, pdftotext says %.2f", word, width, x1-x0)
		}
	}
}

// TestPaperForm: the images, the number and the date need the places of
// the e-document form; the paper form has none.
func TestPaperForm(t *testing.T) {
	p := newPKI(t)
	key := p12Key(t, p, p.signer)
	im, err := sign.ParseImage(scribble(t, 300, 100), "--image")
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = sign.Sign(context.Background(), sample(t), key, sign.Options{Role: sign.Signer, Image: im})
	wantProblem(t, err, "", "tệp PDF này là văn bản giấy")
	first, _, err := sign.Sign(context.Background(), sample(t), key, sign.Options{Role: sign.Signer})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range []sign.Options{{Number: "12"}, {Seal: im, SealWidth: 36}, {Attachment: true, Number: "12/TB-UBND"}} {
		o.Role = sign.Agency
		_, _, err = sign.Sign(context.Background(), first, key, o)
		wantProblem(t, err, "", "tệp PDF này là văn bản giấy")
	}
}
