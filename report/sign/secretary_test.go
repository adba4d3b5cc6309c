package sign_test

import (
	"context"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool"
	"github.com/hoinghi/hoinghi/report/sign"
)

// TestSecretary: on the e-document form of a Biên bản the secretary and
// the signer (the chair) sign in either order, each once; the agency
// signs after the signer, with or without the secretary, and no one
// after it. --role secretary needs the Secretary place.
func TestSecretary(t *testing.T) {
	p := newPKI(t)
	key := p12Key(t, p, p.signer)
	bb := seed(t, "bien-ban", true)
	ctx := context.Background()
	im := mustImage(t, testtool.Scribble(t, 600, 200), "--image")
	must := func(pdf []byte, o sign.Options) []byte {
		t.Helper()
		out, sig, err := sign.Sign(ctx, pdf, key, o)
		if err != nil {
			t.Fatalf("sign as the %s: %v", o.Role, err)
		}
		if sig.Role != o.Role {
			t.Errorf("signed as the %s, described as the %s", o.Role, sig.Role)
		}
		return out
	}
	issue := sign.Options{Role: sign.Agency, Number: "3"}

	_, _, err := sign.Sign(ctx, bb, key, sign.Options{Role: sign.Secretary, Seal: im})
	wantProblem(t, err, "", "--seal là của cơ quan")
	secretary := must(bb, sign.Options{Role: sign.Secretary, Image: im})
	_, _, err = sign.Sign(ctx, secretary, key, sign.Options{Role: sign.Secretary})
	wantProblem(t, err, "", "thư ký đã ký số văn bản này")
	_, _, err = sign.Sign(ctx, secretary, key, issue)
	wantProblem(t, err, "", "người ký chưa ký số văn bản này")
	both := must(secretary, sign.Options{Role: sign.Signer, Image: im})
	issued := must(both, issue)
	_, _, err = sign.Sign(ctx, issued, key, sign.Options{Role: sign.Secretary})
	wantProblem(t, err, "", "cơ quan đã ký số văn bản này")

	// The chair first, then the secretary; or the agency without the
	// secretary.
	chair := must(bb, sign.Options{Role: sign.Signer})
	must(chair, sign.Options{Role: sign.Secretary, Image: im})
	must(chair, issue)

	out := string(testtool.Run(t, "pdfsig", "-nssdir", "sql:"+p.nssdir(t), write(t, "issued.pdf", issued)))
	sigs := pdfsigRe.FindAllStringSubmatch(out, -1)
	if len(sigs) != 3 {
		t.Fatalf("pdfsig found %d signatures, expected 3:\n%s", len(sigs), out)
	}
	for i, field := range []string{"ThuKy", "NguoiKy", "CoQuan"} {
		s := sigs[i][2]
		if !strings.Contains(s, "Signature Field Name: "+field) || !strings.Contains(s, "Signature Validation: Signature is Valid.") {
			t.Errorf("signature #%d is not a valid signature of %s:\n%s", i+1, field, s)
		}
	}
	if !strings.Contains(sigs[2][2], "Total document signed") {
		t.Errorf("the agency's signature does not cover the whole file:\n%s", sigs[2][2])
	}

	// A THÔNG BÁO has no secretary, nor has the paper form any place.
	for _, pdf := range [][]byte{seed(t, "thong-bao", true), seed(t, "thong-bao", false)} {
		_, _, err = sign.Sign(ctx, pdf, key, sign.Options{Role: sign.Secretary})
		wantProblem(t, err, "", "văn bản này không có chỗ ký của thư ký")
	}
	if r, err := sign.ParseRole("secretary"); err != nil || r != sign.Secretary || r.String() != "secretary" {
		t.Errorf("ParseRole(secretary) = %v, %v", r, err)
	}
}
