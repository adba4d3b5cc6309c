package main

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hoinghi/hoinghi/internal/testtool"
	"software.sslmate.com/src/go-pkcs12"
)

// p12File writes a PKCS#12 file of a new self-signed certificate of cn,
// protected by pin.
func p12File(t *testing.T, dir, cn, pin string) string {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: cn},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().AddDate(1, 0, 0), KeyUsage: x509.KeyUsageDigitalSignature}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	data, err := pkcs12.Modern.Encode(key, cert, nil, pin)
	if err != nil {
		t.Fatal(err)
	}
	return write(t, dir, cn+".p12", string(data))
}

// TestSignCommand: hoinghi sign replaces IN with the signed file, or
// writes OUT, and leaves every file as it was when it fails.
func TestSignCommand(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := hoinghi(t, "render", "--kind", "thong-bao", "--format", "pdf", "-o", dir, seed); code != 0 {
		t.Fatalf("render: %d\n%s", code, stderr)
	}
	pdfs, _ := filepath.Glob(filepath.Join(dir, "thong-bao-*.pdf"))
	if len(pdfs) != 1 {
		t.Fatalf("rendered %v", pdfs)
	}
	in := pdfs[0]
	unsigned, _ := os.ReadFile(in)
	signer, agency := p12File(t, dir, "Phạm Duy Hưng", "1234"), p12File(t, dir, "Cơ quan", "5678")
	pinFile := write(t, dir, "pin.txt", "1234\n")

	code, _, stderr := hoinghi(t, "sign", "--role", "signer", "--p12", signer, "--pin-file", pinFile, in)
	if code != 0 || !strings.Contains(stderr, "đã ký số "+in+" với vai trò người ký: CN=Phạm Duy Hưng") {
		t.Fatalf("sign: %d\n%s", code, stderr)
	}
	first, _ := os.ReadFile(in)
	if !bytes.HasPrefix(first, unsigned) || len(first) == len(unsigned) {
		t.Fatal("IN was not replaced by its signed self")
	}

	out := filepath.Join(dir, "ban-hanh.pdf")
	t.Setenv("HOINGHI_PIN", "5678")
	if code, _, stderr := hoinghi(t, "--lang", "en", "sign", "--role", "agency", "--p12", agency, in, out); code != 0 || !strings.Contains(stderr, "signed "+out+" as the agency: CN=") {
		t.Fatalf("sign as the agency: %d\n%s", code, stderr)
	}
	report, _ := exec.Command(testtool.Path(t, "pdfsig"), out).CombinedOutput()
	if n := strings.Count(string(report), "Signature Validation: Signature is Valid."); n != 2 {
		t.Errorf("pdfsig finds %d valid signatures in OUT, expected 2:\n%s", n, report)
	}
	if now, _ := os.ReadFile(in); !bytes.Equal(now, first) {
		t.Error("signing into OUT changed IN")
	}

	for _, tc := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"wrong PIN", []string{"--role", "agency", "--p12", signer, in}, 2, signer + ": sai mã PIN của tệp PKCS#12"},
		{"no key", []string{"--role", "agency", in}, 2, "--p12, --pkcs11: cần khóa trong tệp PKCS#12"},
		{"two keys", []string{"--role", "agency", "--p12", signer, "--pkcs11", "/x.so", in}, 2, "--p12, --pkcs11: cần khóa trong tệp PKCS#12"},
		{"bad role", []string{"--role", "van-thu", "--p12", signer, in}, 2, "không có vai trò van-thu"},
		{"bad tsa", []string{"--role", "agency", "--p12", agency, "--tsa", "tsa.example", in}, 2, "--tsa: cần địa chỉ máy chủ cấp dấu thời gian"},
		{"no PDF", []string{"--role", "agency", "--p12", agency, filepath.Join(dir, "khong-co.pdf")}, 2, "không tìm thấy tệp " + filepath.Join(dir, "khong-co.pdf")},
		{"no key file", []string{"--role", "agency", "--p12", filepath.Join(dir, "khong-co.p12"), in}, 2, "không tìm thấy tệp " + filepath.Join(dir, "khong-co.p12")},
		{"not hoinghi's", []string{"--role", "agency", "--p12", agency, pinFile}, 2, pinFile + ": đây không phải tệp PDF"},
		{"tsa down", []string{"--role", "agency", "--p12", agency, "--tsa", "http://127.0.0.1:1/", in}, 1, "máy chủ cấp dấu thời gian http://127.0.0.1:1/ không trả dấu thời gian"},
	} {
		code, _, stderr := hoinghi(t, append([]string{"sign"}, tc.args...)...)
		if code != tc.code || !strings.Contains(stderr, tc.msg) {
			t.Errorf("%s: exit %d, expected %d with %q:\n%s", tc.name, code, tc.code, tc.msg, stderr)
		}
		if now, _ := os.ReadFile(in); !bytes.Equal(now, first) {
			t.Fatalf("%s: a failed signature changed IN", tc.name)
		}
	}
	if names := entries(t, dir); len(names) != 5 {
		t.Errorf("a failed signature left a file behind: %v", names)
	}
}

// TestBatchSignCommand: batch --sign signs every PDF with one key and
// records the signatures in the manifest; a key flag without --sign is
// refused.
func TestBatchSignCommand(t *testing.T) {
	dir := t.TempDir()
	key := p12File(t, dir, "Phạm Duy Hưng", "1234")
	t.Setenv("HOINGHI_PIN", "1234")
	out := filepath.Join(dir, "out")
	if code, _, stderr := hoinghi(t, "batch", "--kind", "thong-bao", "--format", "pdf", "--p12", key, "-o", out, seed); code != 2 || !strings.Contains(stderr, "thêm --sign để ký") {
		t.Errorf("--p12 without --sign: %d\n%s", code, stderr)
	}
	if code, _, stderr := hoinghi(t, "batch", "--kind", "thong-bao", "--format", "pdf", "--sign", "--p12", key, "-o", out, seed); code != 0 {
		t.Fatalf("batch --sign: %d\n%s", code, stderr)
	}
	manifest, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil || !strings.Contains(string(manifest), `"role": "signer"`) || !strings.Contains(string(manifest), `"subject": "CN=Phạm Duy Hưng"`) {
		t.Fatalf("the manifest records no signature (%v):\n%s", err, manifest)
	}
	pdfs, _ := filepath.Glob(filepath.Join(out, "*", "thong-bao-*.pdf"))
	if len(pdfs) != 1 {
		t.Fatalf("batch wrote %v", pdfs)
	}
	report, _ := exec.Command(testtool.Path(t, "pdfsig"), pdfs[0]).CombinedOutput()
	if !strings.Contains(string(report), "Signature Validation: Signature is Valid.") {
		t.Errorf("pdfsig does not find the batch's PDF signed:\n%s", report)
	}
}
