package sign_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/hoinghi/hoinghi/report/sign"
)

// FuzzSign: any bytes given as a PDF are signed or refused, never a
// crash, and a signed result begins with them.
func FuzzSign(f *testing.F) {
	p := newPKI(f)
	k := p12Key(f, p, p.signer)
	in := sample(f)
	signed, _, err := sign.Sign(context.Background(), in, k, sign.Options{Role: sign.Signer})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(in, false)
	f.Add(signed, true)
	f.Add(in[:len(in)-300], false)
	f.Fuzz(func(t *testing.T, data []byte, agency bool) {
		role := sign.Signer
		if agency {
			role = sign.Agency
		}
		out, _, err := sign.Sign(context.Background(), data, k, sign.Options{Role: role})
		if err == nil && !bytes.HasPrefix(out, data) {
			t.Error("the signed file does not begin with the original")
		}
	})
}
