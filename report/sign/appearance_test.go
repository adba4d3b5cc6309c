package sign_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hoinghi/hoinghi/internal/testtool"
	"github.com/hoinghi/hoinghi/report/sign"
	"github.com/hoinghi/hoinghi/report/when"
)

// box is a rectangle in PDF points from the page's bottom-left corner.
type box struct{ x0, y0, x1, y1 float64 }

func (b box) cx() float64 { return (b.x0 + b.x1) / 2 }
func (b box) cy() float64 { return (b.y0 + b.y1) / 2 }

const pageHeight = 841.89

// declared reads the place key of the e-document form that pdf
// declares, as qpdf reads it (the contract between render and sign),
// and its page, from 1.
func declared(t *testing.T, pdf []byte, key string) (box, int) {
	t.Helper()
	p, ok := testtool.Places(t, write(t, "declared.pdf", pdf))[key]
	if !ok {
		t.Fatalf("no page declares the /%s place", key)
	}
	return box{p.Rect[0], p.Rect[1], p.Rect[2], p.Rect[3]}, p.Page + 1
}

// word is a word pdftotext -bbox finds, in PDF points from the bottom.
type word struct {
	text string
	box
}

var reWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

// words are the words of a page of the PDF at path, as pdftotext reads
// them.
func words(t *testing.T, path string, page int) []word {
	t.Helper()
	var ws []word
	n := strconv.Itoa(page)
	for _, m := range reWord.FindAllStringSubmatch(string(testtool.Run(t, "pdftotext", "-bbox", "-f", n, "-l", n, path, "-")), -1) {
		var v [4]float64
		for i := range v {
			v[i], _ = strconv.ParseFloat(m[i+1], 64)
		}
		ws = append(ws, word{m[5], box{v[0], pageHeight - v[3], v[2], pageHeight - v[1]}})
	}
	return ws
}

// wordIn is the word text whose box lies in b, vertically within its
// height, failing the test when there is none.
func wordIn(t *testing.T, ws []word, text string, b box) word {
	t.Helper()
	for _, w := range ws {
		if w.text == text && w.cy() > b.y0-2 && w.cy() < b.y1+2 && w.x0 > b.x0-2 && w.x1 < b.x1+2 {
			return w
		}
	}
	t.Fatalf("pdftotext finds no %q in %+v", text, b)
	return word{}
}

// draw is a page of the PDF at path as pdftoppm draws it, one pixel a
// point.
func draw(t *testing.T, path string, page int) image.Image {
	t.Helper()
	out := filepath.Join(t.TempDir(), "page")
	n := strconv.Itoa(page)
	testtool.Run(t, "pdftoppm", "-r", "72", "-png", "-f", n, "-l", n, "-singlefile", path, out)
	f, err := os.ReadFile(out + ".png")
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(f))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// pixels are the points of img, in PDF points from the bottom, whose
// colour is like.
func pixels(img image.Image, like func(r, g, b uint32) bool) []box {
	var out []box
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if like(r>>8, g>>8, b>>8) {
				py := pageHeight - float64(y) - 0.5
				out = append(out, box{float64(x) + 0.5, py, float64(x) + 0.5, py})
			}
		}
	}
	return out
}

func isBlue(r, g, b uint32) bool { return b > 150 && r < 110 && g < 130 }
func isRed(r, g, b uint32) bool  { return r > 150 && g < 110 && b < 110 }

// extent is the smallest box holding ps.
func extent(ps []box) box {
	e := box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, p := range ps {
		e = box{min(e.x0, p.x0), min(e.y0, p.y0), max(e.x1, p.x1), max(e.y1, p.y1)}
	}
	return e
}

// issued is the e-document THÔNG BÁO signed by the signer with an image
// and issued by the agency with a seal of 36 mm (its pHYs), number 5,
// on 2 December 2026.
func issued(t *testing.T, p *pki) (eform, first, second []byte) {
	t.Helper()
	eform = seed(t, "thong-bao", true)
	im := mustImage(t, testtool.Scribble(t, 600, 200), "--image")
	seal := mustImage(t, testtool.WithDPI(testtool.Ring(t, 425), 300), "--seal")
	first, _, err := sign.Sign(context.Background(), eform, p12Key(t, p, p.signer), sign.Options{Role: sign.Signer, Image: im})
	if err != nil {
		t.Fatal(err)
	}
	second, _, err = sign.Sign(context.Background(), first, p12Key(t, p, p.agency), sign.Options{Role: sign.Agency, Seal: seal, Number: "5", Date: when.Date{Year: 2026, Month: 12, Day: 2}})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(first, eform) || !bytes.HasPrefix(second, first) {
		t.Fatal("an incremental update changed the bytes it follows")
	}
	return eform, first, second
}

// TestElectronic: on the e-document form the signer's image and the
// seal show where Decree 30 puts them, the number and the date of issue
// are filled in at their places, and both signatures verify.
func TestElectronic(t *testing.T) {
	p := newPKI(t)
	eform, first, signed := issued(t, p)
	path := write(t, "issued.pdf", signed)
	checkPdfsig(t, p, first, signed, "Phạm Duy Hưng", "UBND TỈNH BẮC KẠN")
	checkPdfcpu(t, p, signed)
	pdfcpu(t, "validate", path)
	testtool.Run(t, "qpdf", "--check", path)
	if fonts := string(testtool.Run(t, "pdffonts", path)); strings.Count(fonts, " yes ") < 4 || regexp.MustCompile(`(?m) no +(yes|no) +(yes|no) +\d+ +0$`).MatchString(fonts) {
		t.Errorf("pdffonts lists a font that is not embedded:\n%s", fonts)
	}

	// The number and the date, at the places the render declared.
	ws := words(t, path, 1)
	number, _ := declared(t, eform, "Number")
	if w := wordIn(t, ws, "05", number); math.Abs(w.x1-number.x1) > 0.5 {
		t.Errorf("the number ends at %.2f, its place at %.2f", w.x1, number.x1)
	}
	for key, text := range map[string]string{"Day": "02", "Month": "12", "Year": "2026"} {
		b, _ := declared(t, eform, key)
		if w := wordIn(t, ws, text, b); math.Abs(w.cx()-b.cx()) > 0.5 {
			t.Errorf("the %s is centred at %.2f, its place at %.2f", key, w.cx(), b.cx())
		}
	}
	text := string(testtool.Run(t, "pdftotext", "-f", "1", "-l", "1", "-layout", path, "-"))
	if !regexp.MustCompile(`Số: *05/TB-`).MatchString(text) || !regexp.MustCompile(`ngày 02 tháng 12 năm 2026`).MatchString(text) {
		t.Errorf("the Số line or the date line does not read whole:\n%s", text)
	}

	// The signer's image in its box, the seal over its left third, and
	// nothing red on the signer's name below.
	signer, page := declared(t, eform, "Signer")
	img := draw(t, path, page)
	ws = words(t, path, page)
	// The signer's image, whole before the seal covers part of it.
	blues, reds := pixels(draw(t, write(t, "first.pdf", first), page), isBlue), pixels(img, isRed)
	if len(blues) < 500 || len(reds) < 500 {
		t.Fatalf("page %d has %d blue and %d red pixels", page, len(blues), len(reds))
	}
	b := extent(blues)
	if b.x0 < signer.x0-1 || b.x1 > signer.x1+1 || b.y0 < signer.y0-1 || b.y1 > signer.y1+1 {
		t.Errorf("the signer's image, %+v, is not in its box %+v", b, signer)
	}
	r := extent(reds)
	if third := b.x0 + (b.x1-b.x0)/3; math.Abs(r.x1-third) > 72/25.4 {
		t.Errorf("the seal ends at %.1f, not a third of the way across the signer's image, %.1f", r.x1, third)
	}
	if d := (r.x1 - r.x0) / 72 * 25.4; math.Abs(d-36) > 0.5 {
		t.Errorf("the seal is %.1f mm wide, not its real 36 mm", d)
	}
	if math.Abs(r.cy()-signer.cy()) > 1 {
		t.Errorf("the seal is centred at %.1f, the signer's image at %.1f", r.cy(), signer.cy())
	}
	var name []word
	for _, w := range ws {
		if w.y1 < signer.y0 && w.y1 > signer.y0-40 && w.x0 > signer.x0-60 && w.x1 < signer.x1+60 {
			name = append(name, w)
		}
	}
	if len(name) == 0 {
		t.Fatal("pdftotext finds no name below the signer's box")
	}
	for _, w := range name {
		for _, p := range reds {
			if p.x0 > w.x0 && p.x0 < w.x1 && p.y0 > w.y0 && p.y0 < w.y1 {
				t.Fatalf("the seal is over the signer's name %q", w.text)
			}
		}
	}
	if !strings.Contains(string(testtool.Run(t, "pdftotext", write(t, "unsigned.pdf", eform), "-")), "THÔNG BÁO") {
		t.Error("the e-document form reads no THÔNG BÁO")
	}
}

// TestSealOnBox: when the signer's signature is invisible, the seal is
// centred on the signer's box, over its left third.
func TestSealOnBox(t *testing.T) {
	p := newPKI(t)
	eform := seed(t, "thong-bao", true)
	seal := mustImage(t, testtool.Ring(t, 300), "--seal")
	first, _, err := sign.Sign(context.Background(), eform, p12Key(t, p, p.signer), sign.Options{Role: sign.Signer})
	if err != nil {
		t.Fatal(err)
	}
	signed, _, err := sign.Sign(context.Background(), first, p12Key(t, p, p.agency), sign.Options{Role: sign.Agency, Seal: seal, SealWidth: 30, Number: "123"})
	if err != nil {
		t.Fatal(err)
	}
	path := write(t, "issued.pdf", signed)
	checkPdfsig(t, p, first, signed, "Phạm Duy Hưng", "UBND TỈNH BẮC KẠN")
	signer, page := declared(t, eform, "Signer")
	r := extent(pixels(draw(t, path, page), isRed))
	if math.Abs(r.x1-(signer.x0+(signer.x1-signer.x0)/3)) > 1 || math.Abs(r.cy()-signer.cy()) > 1 || math.Abs((r.x1-r.x0)/72*25.4-30) > 0.5 {
		t.Errorf("the seal is at %+v, expected 30 mm centred on %+v and ending a third of the way across it", r, signer)
	}
	number, _ := declared(t, eform, "Number")
	wordIn(t, words(t, path, 1), "123", number)
}

// TestAttachment: the agency signs a separate attachment alone; page 1
// shows the main document's number and the signing time at its top
// right, at 10 pt.
func TestAttachment(t *testing.T) {
	p := newPKI(t)
	eform := seed(t, "thong-bao", true)
	at := time.Now().Truncate(time.Second)
	signed, _, err := sign.Sign(context.Background(), eform, p12Key(t, p, p.agency), sign.Options{Role: sign.Agency, Attachment: true, Number: "5/TB-UBND", Time: at})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(signed, eform) {
		t.Fatal("the update changed the bytes it follows")
	}
	path := write(t, "phu-luc.pdf", signed)
	out := string(testtool.Run(t, "pdfsig", "-nssdir", "sql:"+p.nssdir(t), path))
	for _, line := range []string{"Signature Field Name: CoQuan", "Signature Validation: Signature is Valid.", "Total document signed"} {
		if !strings.Contains(out, line) {
			t.Errorf("pdfsig does not say %q:\n%s", line, out)
		}
	}
	testtool.Run(t, "qpdf", "--check", path)
	pdfcpu(t, "validate", path)
	place, _ := declared(t, eform, "Attachment")
	ws := words(t, path, 1)
	num := wordIn(t, ws, "05/TB-UBND", place)
	stamp := wordIn(t, ws, at.In(time.FixedZone("", 7*60*60)).Format("2006-01-02T15:04:05+07:00"), place)
	so := wordIn(t, ws, "Số:", box{0, 0, 595, pageHeight})
	// pdftotext's box is the font's ascent to descent: at 10 pt, 10/13
	// of that of the 13 pt Số line.
	for _, w := range []word{num, stamp} {
		if h, want := w.y1-w.y0, (so.y1-so.y0)*10/13; math.Abs(h-want) > 0.05 {
			t.Errorf("%s is %.2f pt high, expected %.2f at 10 pt", w.text, h, want)
		}
		if math.Abs(w.x1-place.x1) > 0.5 {
			t.Errorf("%s ends at %.2f, not at the right of its place, %.2f", w.text, w.x1, place.x1)
		}
	}
	// The same face and size: the tops of the boxes are their baselines'
	// distance apart, a line of 1.15 × 10 pt.
	if d := num.y1 - stamp.y1; math.Abs(d-11.5) > 0.3 {
		t.Errorf("the lines are %.2f pt apart, expected 11.5", d)
	}
}

// TestAppearanceProblems: a seal without a size, or too big for its
// room, a document without its number, and an attachment's text the
// face cannot write are each a problem of the flag, and nothing is
// signed.
func TestAppearanceProblems(t *testing.T) {
	p := newPKI(t)
	_, first, _ := issued(t, p)
	agency := p12Key(t, p, p.agency)
	big := mustImage(t, testtool.WithDPI(testtool.Ring(t, 600), 300), "--seal") // 50.8 mm
	bare := mustImage(t, testtool.Ring(t, 300), "--seal")
	for _, c := range []struct {
		o   sign.Options
		msg string
	}{
		{sign.Options{Seal: bare, Number: "5"}, "ảnh con dấu không ghi kích thước thật"},
		{sign.Options{Seal: big, Number: "5"}, "con dấu 50,8 × 50,8 mm sẽ đè lên họ tên người ký: chỉ vừa tối đa"},
		{sign.Options{Seal: bare, SealWidth: 60, Number: "5"}, "con dấu 60,0 × 60,0 mm sẽ"},
		{sign.Options{Seal: bare, SealWidth: 36}, "văn bản cần có số: nhập bằng --number"},
		{sign.Options{Number: "123456"}, "cần số của văn bản, một số nguyên dương không quá 5 chữ số"},
		{sign.Options{Number: "0"}, "cần số của văn bản"},
	} {
		c.o.Role = sign.Agency
		_, _, err := sign.Sign(context.Background(), first, agency, c.o)
		wantProblem(t, err, "", c.msg)
	}
	_, _, err := sign.Sign(context.Background(), seed(t, "thong-bao", true), agency, sign.Options{Role: sign.Agency, Attachment: true, Number: "12/TB-ƯBND"})
	wantProblem(t, err, "", `phông chữ của dòng chữ trên văn bản kèm theo không có "Ư"`)
	_, _, err = sign.Sign(context.Background(), seed(t, "thong-bao", true), agency, sign.Options{Role: sign.Agency, Attachment: true, Number: "12/" + strings.Repeat("UBND", 20)})
	wantProblem(t, err, "", "trên văn bản kèm theo rộng")
	_, _, err = sign.Sign(context.Background(), seed(t, "thong-bao", true), agency, sign.Options{Role: sign.Agency, Attachment: true, Number: "12/TB-UBND", Seal: bare, SealWidth: 36})
	wantProblem(t, err, "", "trên văn bản kèm theo là tệp riêng không thể hiện hình ảnh")
	_, _, err = sign.Sign(context.Background(), seed(t, "thong-bao", true), agency, sign.Options{Role: sign.Agency, Attachment: true, Number: "12/TB-UBND", Date: when.Date{Year: 2026, Month: 12, Day: 2}})
	wantProblem(t, err, "", "văn bản kèm theo ghi thời gian ký, không ghi ngày ban hành")
	for _, s := range []string{"2023-07", "31/02/2026", "hôm nay"} {
		_, err := sign.ParseDate(s)
		wantProblem(t, err, "", "cần ngày ban hành, ví dụ 2026-12-02 hoặc 02/12/2026, nhận được "+s)
	}
}

func BenchmarkSignImage(b *testing.B) {
	p := newPKI(b)
	k := p12Key(b, p, p.signer)
	in := seed(b, "thong-bao", true)
	im := mustImage(b, testtool.Scribble(b, 600, 200), "--image")
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := sign.Sign(context.Background(), in, k, sign.Options{Role: sign.Signer, Image: im}); err != nil {
			b.Fatal(err)
		}
	}
}
