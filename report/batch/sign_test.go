package batch

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"math/big"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hoinghi/hoinghi/internal/testtool"
	"github.com/hoinghi/hoinghi/report/sign"
)

// flaky is a key that fails its first signature, as a token pulled out
// in the middle of a batch would.
type flaky struct {
	crypto.Signer
	calls atomic.Int32
}

func (f *flaky) Sign(r io.Reader, digest []byte, o crypto.SignerOpts) ([]byte, error) {
	if f.calls.Add(1) == 1 {
		return nil, errors.New("CKR_DEVICE_REMOVED")
	}
	return f.Signer.Sign(r, digest, o)
}

// TestBatchSign: every PDF of a batch is signed with one key, and the
// manifest records each signature; the meeting whose PDF could not be
// signed fails alone, and writes nothing.
func TestBatchSign(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "Nguyễn Văn An"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().AddDate(1, 0, 0), KeyUsage: x509.KeyUsageDigitalSignature}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	k := &sign.Key{Signer: &flaky{Signer: key}, Cert: cert}

	inputs := writeSynth(t, t.TempDir(), 3)
	out := t.TempDir()
	m := Run(context.Background(), inputs, Options{Setup: Setup{Renderer: newRenderer(t), Formats: []string{"pdf", "xlsx"}}, Out: out, Jobs: 1,
		Sign: &Signing{Key: k}})
	if m.Failed() != 1 || m.Inputs[0].Status != StatusFailed || !strings.Contains(m.Inputs[0].Error, "CKR_DEVICE_REMOVED") || len(m.Inputs[0].Outputs) != 0 {
		t.Fatalf("expected the first meeting alone to fail: %+v", m.Inputs)
	}
	signed := 0
	for _, e := range m.Inputs[1:] {
		if !strings.Contains(e.Options, "sign="+sign.Fingerprint(cert)) {
			t.Errorf("%s: the options do not record the key: %s", e.Path, e.Options)
		}
		for _, o := range e.Outputs {
			if filepath.Ext(o.Path) != ".pdf" {
				if len(o.Signatures) != 0 {
					t.Errorf("%s is signed", o.Path)
				}
				continue
			}
			if len(o.Signatures) != 1 {
				t.Fatalf("%s: %d signatures in the manifest", o.Path, len(o.Signatures))
			}
			s := o.Signatures[0]
			if s.Role != "signer" || s.Subject != "CN=Nguyễn Văn An" || s.Certificate != sign.Fingerprint(cert) || !strings.HasSuffix(s.Time, "+07:00") {
				t.Errorf("%s: signature recorded as %+v", o.Path, s)
			}
			report, _ := exec.Command(testtool.Path(t, "pdfsig"), filepath.Join(out, o.Path)).CombinedOutput()
			if !strings.Contains(string(report), "Signature Validation: Signature is Valid.") || !strings.Contains(string(report), "Total document signed") {
				t.Errorf("pdfsig does not find %s signed:\n%s", o.Path, report)
			}
			signed++
		}
	}
	if signed < 2 {
		t.Errorf("%d PDFs signed, expected those of two meetings", signed)
	}
	path := filepath.Join(out, "manifest.json")
	if err := m.Write(path); err != nil {
		t.Fatal(err)
	}
	validate(t, path)
}
