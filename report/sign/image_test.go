package sign_test

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool"
	"github.com/hoinghi/hoinghi/report/sign"
)

// TestSealSize: the physical size of a seal is that of its pHYs chunk.
func TestSealSize(t *testing.T) {
	for _, c := range []struct {
		px  int
		dpi float64
		mm  float64
	}{{425, 300, 35.98}, {496, 350, 36.0}, {992, 600, 41.99}} {
		im := mustImage(t, testtool.WithDPI(testtool.Ring(t, c.px), c.dpi), "--seal")
		w, h, ok := im.SizeMM()
		if !ok || math.Abs(w-c.mm) > 0.02 || math.Abs(h-c.mm) > 0.02 {
			t.Errorf("%d px at %g dpi: %.2f × %.2f mm (%t), expected %.2f mm", c.px, c.dpi, w, h, ok, c.mm)
		}
	}
	im := mustImage(t, testtool.Ring(t, 100), "--seal")
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
		{testtool.HugeHeader(100000, 100000), "ảnh có 100.000 × 100.000 điểm ảnh: hoinghi chỉ nhận ảnh mỗi chiều tối đa 4.096 điểm ảnh"},
		{testtool.HugeHeader(4000, 4000), "ảnh có 4.000 × 4.000 điểm ảnh"},
		{testtool.Ring(t, 50)[:200], "đây không phải ảnh PNG"},
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
	pdf := seed(t, "thong-bao", false)
	path := write(t, "in.pdf", pdf)
	qdf := filepath.Join(t.TempDir(), "qdf.pdf")
	testtool.Run(t, "qpdf", "--qdf", "--object-streams=disable", path, qdf)
	plain, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	ws := words(t, path, 1)
	for _, text := range []string{"Số:", "UBND", "BẮC", "KẠN"} {
		hex, width, err := sign.Encode(pdf, "F1", text, 13)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(strings.ToLower(string(plain)), strings.ToLower(strings.Trim(hex, "<>"))) {
			t.Errorf("%s is %s, which the page's content does not hold", text, hex)
		}
		i := slices.IndexFunc(ws, func(w word) bool { return w.text == text })
		if i < 0 {
			t.Fatalf("pdftotext finds no %s on page 1", text)
		}
		if got := ws[i].x1 - ws[i].x0; math.Abs(got-width) > 0.05 {
			t.Errorf("%s is %.2f pt wide, pdftotext says %.2f", text, width, got)
		}
	}
}

// TestPaperForm: the images, the number and the date need the places of
// the e-document form; the paper form has none.
func TestPaperForm(t *testing.T) {
	p := newPKI(t)
	key := p12Key(t, p, p.signer)
	im := mustImage(t, testtool.Scribble(t, 300, 100), "--image")
	_, _, err := sign.Sign(context.Background(), seed(t, "thong-bao", false), key, sign.Options{Role: sign.Signer, Image: im})
	wantProblem(t, err, "", "tệp PDF này là văn bản giấy")
	first, _, err := sign.Sign(context.Background(), seed(t, "thong-bao", false), key, sign.Options{Role: sign.Signer})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range []sign.Options{{Number: "12"}, {Seal: im, SealWidth: 36}, {Attachment: true, Number: "12/TB-UBND"}} {
		o.Role = sign.Agency
		_, _, err = sign.Sign(context.Background(), first, key, o)
		wantProblem(t, err, "", "tệp PDF này là văn bản giấy")
	}
}
