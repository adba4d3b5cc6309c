//go:build cgo

package sign_test

import (
	"context"
	"crypto/x509"
	"encoding/pem"
	"os"
	"path/filepath"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool"
	"github.com/hoinghi/hoinghi/report/sign"
)

// softhsm is the module of SoftHSM2, the software token the tests use
// for a USB token.
const softhsm = "/usr/lib/softhsm/libsofthsm2.so"

// newToken makes a SoftHSM2 token labelled hoinghi, with user PIN 1234,
// holding the signer's key and certificate (labelled nguoi-ky) and the
// agency's (co-quan): the keys through softhsm2-util, the certificates
// through OpenSC's pkcs11-tool, as a vendor's tool stores them.
func newToken(t *testing.T, p *pki) {
	t.Helper()
	if _, err := os.Stat(softhsm); err != nil {
		t.Fatalf("%s not found: run `make test`, which installs softhsm2", softhsm)
	}
	dir := t.TempDir()
	conf := filepath.Join(dir, "softhsm2.conf")
	if err := os.Mkdir(filepath.Join(dir, "tokens"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(conf, []byte("directories.tokendir = "+filepath.Join(dir, "tokens")+"\nobjectstore.backend = file\nlog.level = ERROR\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("SOFTHSM2_CONF", conf)
	testtool.Run(t, "softhsm2-util", "--init-token", "--free", "--label", "hoinghi", "--pin", "1234", "--so-pin", "5678")
	for i, k := range []struct {
		label string
		id    identity
	}{{"nguoi-ky", p.signer}, {"co-quan", p.agency}} {
		der, err := x509.MarshalPKCS8PrivateKey(k.id.key)
		if err != nil {
			t.Fatal(err)
		}
		keyFile, certFile := filepath.Join(dir, k.label+".pem"), filepath.Join(dir, k.label+".der")
		if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(certFile, k.id.cert.Raw, 0o600); err != nil {
			t.Fatal(err)
		}
		id := []string{"01", "02"}[i]
		testtool.Run(t, "softhsm2-util", "--import", keyFile, "--token", "hoinghi", "--label", k.label, "--id", id, "--pin", "1234")
		testtool.Run(t, "pkcs11-tool", "--module", softhsm, "--token-label", "hoinghi", "--login", "--pin", "1234",
			"--write-object", certFile, "--type", "cert", "--id", id, "--label", k.label)
	}
}

func tokenKey(t *testing.T, label string) *sign.Key {
	t.Helper()
	k, err := sign.OpenPKCS11(softhsm, "", label, "1234")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { k.Close() })
	return k
}

// TestSignPKCS11: both roles signed with keys that stay on the token,
// valid for pdfsig and pdfcpu.
func TestSignPKCS11(t *testing.T) {
	p := newPKI(t)
	newToken(t, p)
	signer, agency := tokenKey(t, "nguoi-ky"), tokenKey(t, "co-quan")
	if signer.Cert.Subject.CommonName != "Phạm Duy Hưng" || agency.Cert.Subject.CommonName != "UBND TỈNH BẮC KẠN" {
		t.Fatalf("the token gave the certificates of %s and %s", signer.Cert.Subject, agency.Cert.Subject)
	}
	first, signed := signBoth(t, signer, agency, sign.Options{})
	checkPdfsig(t, p, first, signed, "Phạm Duy Hưng", "UBND TỈNH BẮC KẠN")
	checkPdfcpu(t, p, signed)
	checkReaders(t, signed)
}

// TestTokenProblems: a wrong PIN, a token that is not there, a key that
// is not there, and two keys where one is expected.
func TestTokenProblems(t *testing.T) {
	p := newPKI(t)
	newToken(t, p)
	for _, tc := range []struct {
		token, label, pin, msg string
	}{
		{"", "nguoi-ky", "0000", "sai mã PIN của thiết bị ký số hoinghi"},
		{"khac", "nguoi-ky", "1234", "không có thiết bị ký số khac"},
		{"", "khong-co", "1234", "token không có khóa mang nhãn khong-co"},
		{"", "", "1234", "token có 2 khóa kèm chứng thư số: chọn một bằng --key-label"},
	} {
		_, err := sign.OpenPKCS11(softhsm, tc.token, tc.label, tc.pin)
		wantProblem(t, err, softhsm, tc.msg)
	}
	// The token, named, still signs after those failures.
	k, err := sign.OpenPKCS11(softhsm, "hoinghi", "nguoi-ky", "1234")
	if err != nil {
		t.Fatal(err)
	}
	defer k.Close()
	if _, _, err := sign.Sign(context.Background(), seed(t, "thong-bao", false), k, sign.Options{Role: sign.Signer}); err != nil {
		t.Fatal(err)
	}
}
