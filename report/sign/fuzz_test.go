package sign_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool"
	"github.com/hoinghi/hoinghi/report/sign"
)

// FuzzSign: any bytes given as a PDF are signed or refused, never a
// crash, and a signed result begins with them; visible signs with the
// signer's image, or the seal and a number.
func FuzzSign(f *testing.F) {
	p := newPKI(f)
	k := p12Key(f, p, p.signer)
	im := mustImage(f, testtool.Scribble(f, 120, 40), "--image")
	seal := mustImage(f, testtool.WithDPI(testtool.Ring(f, 100), 75), "--seal")
	in, eform := seed(f, "thong-bao", false), seed(f, "thong-bao", true)
	signed, _, err := sign.Sign(context.Background(), in, k, sign.Options{Role: sign.Signer})
	if err != nil {
		f.Fatal(err)
	}
	signedEform, _, err := sign.Sign(context.Background(), eform, k, sign.Options{Role: sign.Signer, Image: im})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(in, false, false)
	f.Add(signed, true, false)
	f.Add(in[:len(in)-300], false, false)
	f.Add(eform, false, true)
	f.Add(signedEform, true, true)
	f.Fuzz(func(t *testing.T, data []byte, agency, visible bool) {
		o := sign.Options{Role: sign.Signer}
		switch {
		case agency && visible:
			o = sign.Options{Role: sign.Agency, Seal: seal, Number: "12"}
		case agency:
			o.Role = sign.Agency
		case visible:
			o.Image = im
		}
		out, _, err := sign.Sign(context.Background(), data, k, o)
		if err == nil && !bytes.HasPrefix(out, data) {
			t.Error("the signed file does not begin with the original")
		}
	})
}
