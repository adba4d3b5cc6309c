package sign_test

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool"
	"github.com/hoinghi/hoinghi/report/sign"
	"github.com/hoinghi/hoinghi/report/when"
)

var reTrailer = regexp.MustCompile(`(?s)trailer\n<<(.*?)>>\nstartxref\n(\d+)\n%%EOF\n$`)

// amend is pdf with an incremental update after it that replaces the
// objects of bodies, by number: how a hostile file is made from one
// hoinghi rendered.
func amend(t *testing.T, pdf []byte, bodies map[int]string) []byte {
	t.Helper()
	m := reTrailer.FindSubmatch(pdf)
	if m == nil {
		t.Fatal("the PDF ends without a trailer")
	}
	var b bytes.Buffer
	b.Write(pdf)
	offsets := map[int]int{}
	var nums []int
	for n, body := range bodies {
		offsets[n] = b.Len()
		nums = append(nums, n)
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", n, body)
	}
	slices.Sort(nums)
	xref := b.Len()
	b.WriteString("xref\n")
	for _, n := range nums {
		fmt.Fprintf(&b, "%d 1\n%010d 00000 n \n", n, offsets[n])
	}
	dict := regexp.MustCompile(` /Prev \d+`).ReplaceAllString(string(m[1]), "")
	fmt.Fprintf(&b, "trailer\n<<%s /Prev %s >>\nstartxref\n%d\n%%%%EOF\n", strings.TrimRight(dict, " "), m[2], xref)
	return b.Bytes()
}

// object is the number and the body of the first object of pdf whose
// body starts with prefix.
func object(t *testing.T, pdf []byte, prefix string) (int, string) {
	t.Helper()
	m := regexp.MustCompile(`(?m)^(\d+) 0 obj\n(` + regexp.QuoteMeta(prefix) + `[^\n]*)`).FindSubmatch(pdf)
	if m == nil {
		t.Fatalf("no object %s", prefix)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n, string(m[2])
}

// TestHostileWidths: a /W array whose ranges cover the codes many times
// over, 20,000 times "0 65535 500", is refused as damaged rather than
// expanded range by range.
func TestHostileWidths(t *testing.T) {
	pdf := seed(t, "thong-bao", true)
	n, body := object(t, pdf, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /CUDPBI+LiberationSerif-Regular")
	hostile := regexp.MustCompile(`/W \[.*\]\] >>$`).ReplaceAllString(body, "/W ["+strings.Repeat("0 65535 500 ", 20000)+"] >>")
	if hostile == body {
		t.Fatal("the font's /W array is not where the test looks for it")
	}
	_, _, err := sign.Encode(amend(t, pdf, map[int]string{n: hostile}), "F1", "05", 13)
	wantProblem(t, err, "", "có mảng /W bị sai")
	// One range over all the codes is still read.
	whole := regexp.MustCompile(`/W \[.*\]\] >>$`).ReplaceAllString(body, "/W [0 65535 500] >>")
	if _, width, err := sign.Encode(amend(t, pdf, map[int]string{n: whole}), "F1", "05", 10); err != nil || width != 10 {
		t.Errorf("with every code 500 wide, 05 at 10 pt is %.2f pt wide (%v), expected 10", width, err)
	}
}

// TestRepeatedPages: a page tree that lists one padded page 10,000
// times, none with the signer's box, is read once; a document whose
// page 1 has the places but no page the signer's box is damaged, not the
// paper form.
func TestRepeatedPages(t *testing.T) {
	p := newPKI(t)
	pdf := seed(t, "thong-bao", true)
	pages, tree := object(t, pdf, "<< /Type /Pages")
	page, body := object(t, pdf, "<< /Type /Page /Parent")
	m := regexp.MustCompile(`(?m)^(\d+) 0 obj\n(<< /Type /Page [^\n]*/Signer <<[^\n]*)`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no page declares the signer's box")
	}
	n, _ := strconv.Atoi(string(m[1]))
	signer := string(m[2])
	if n == page {
		t.Fatal("the signer's box is on page 1")
	}
	padded := regexp.MustCompile(` /LastModified .*$`).ReplaceAllString(signer, " /Pad ("+strings.Repeat("x", 100<<10)+") >>")
	kids := fmt.Sprintf("/Kids [%d 0 R %s]", page, strings.Repeat(fmt.Sprintf("%d 0 R ", n), 10000))
	hostile := amend(t, pdf, map[int]string{pages: regexp.MustCompile(`/Kids \[[^\]]*\]`).ReplaceAllString(tree, kids), n: padded})
	if !strings.Contains(body, "/Number <<") {
		t.Fatal("page 1 declares no places")
	}
	im := mustImage(t, testtool.Scribble(t, 300, 100), "--image")
	_, _, err := sign.Sign(context.Background(), hostile, p12Key(t, p, p.signer), sign.Options{Role: sign.Signer, Image: im})
	wantProblem(t, err, "", "không trang nào có chỗ /Signer")
}

// TestNoDateLine: on a document without a date line, as a state Biên
// bản, --date is a problem of its own; without it the number is filled
// in alone.
func TestNoDateLine(t *testing.T) {
	p := newPKI(t)
	pdf := seed(t, "thong-bao", true)
	page, body := object(t, pdf, "<< /Type /Page /Parent")
	undated := regexp.MustCompile(` /(Day|Month|Year) << [^>]* >>`).ReplaceAllString(body, "")
	if undated == body || strings.Contains(undated, "/Day") {
		t.Fatal("page 1 declares no date places to take out")
	}
	first, _, err := sign.Sign(context.Background(), amend(t, pdf, map[int]string{page: undated}), p12Key(t, p, p.signer), sign.Options{Role: sign.Signer})
	if err != nil {
		t.Fatal(err)
	}
	agency := p12Key(t, p, p.agency)
	_, _, err = sign.Sign(context.Background(), first, agency, sign.Options{Role: sign.Agency, Number: "7", Date: when.Date{Year: 2026, Month: 12, Day: 2}})
	wantProblem(t, err, "", "văn bản này không có dòng ngày tháng")
	signed, _, err := sign.Sign(context.Background(), first, agency, sign.Options{Role: sign.Agency, Number: "7"})
	if err != nil {
		t.Fatal(err)
	}
	if text := string(testtool.Run(t, "pdftotext", "-f", "1", "-l", "1", "-layout", write(t, "issued.pdf", signed), "-")); !regexp.MustCompile(`Số: *07/TB-`).MatchString(text) {
		t.Errorf("the Số line does not read 07:\n%s", text)
	}
}
