package sign_test

import (
	"crypto"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/digitorus/timestamp"
	"github.com/hoinghi/hoinghi/internal/testtool"
	"github.com/hoinghi/hoinghi/report/sign"
)

// newTSA starts an RFC 3161 timestamp server of the test authority and
// counts the tokens it gives.
func newTSA(t *testing.T, p *pki) (*httptest.Server, *int) {
	t.Helper()
	eku, err := asn1.Marshal([]asn1.ObjectIdentifier{{1, 3, 6, 1, 5, 5, 7, 3, 8}}) // id-kp-timeStamping
	if err != nil {
		t.Fatal(err)
	}
	key, err := rsaKey()
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(7), Subject: pkix.Name{CommonName: "hoinghi Test TSA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().AddDate(1, 0, 0),
		KeyUsage:              x509.KeyUsageDigitalSignature,
		CRLDistributionPoints: []string{crlURL},
		// RFC 3161 wants the extended key usage critical.
		ExtraExtensions: []pkix.Extension{{Id: asn1.ObjectIdentifier{2, 5, 29, 37}, Critical: true, Value: eku}},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, p.ca, &key.PublicKey, p.caKey)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	tokens := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		req, err := timestamp.ParseRequest(body)
		if err != nil || r.Header.Get("Content-Type") != "application/timestamp-query" {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		ts := timestamp.Timestamp{HashAlgorithm: req.HashAlgorithm, HashedMessage: req.HashedMessage, Nonce: req.Nonce,
			Time: time.Now(), Policy: asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 99999, 1}, AddTSACertificate: req.Certificates}
		resp, err := ts.CreateResponseWithOpts(cert, key, crypto.SHA256)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		tokens++
		w.Header().Set("Content-Type", "application/timestamp-reply")
		w.Write(resp)
	}))
	t.Cleanup(srv.Close)
	return srv, &tokens
}

// TestSignTimestamp: with a timestamp server each signature carries a
// token over its value (PAdES B-T), which pdfcpu and OpenSSL find.
func TestSignTimestamp(t *testing.T) {
	p := newPKI(t)
	srv, tokens := newTSA(t, p)
	first, signed := signBoth(t, p12Key(t, p, p.signer), p12Key(t, p, p.agency), sign.Options{TSA: srv.URL})
	if *tokens != 2 {
		t.Errorf("the server gave %d tokens, expected 2", *tokens)
	}
	checkPdfsig(t, p, first, signed, "Phạm Duy Hưng", "UBND TỈNH BẮC KẠN")
	checkPdfcpu(t, p, signed)
	checkReaders(t, signed)
	out := pdfcpuValidate(t, p, first)
	if !regexp.MustCompile(`Timestamp: +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d`).MatchString(out) {
		t.Errorf("pdfcpu finds no timestamp:\n%s", out)
	}
	cms := exec.Command(testtool.Path(t, "openssl"), "cms", "-cmsout", "-print", "-inform", "DER")
	cms.Stdin = strings.NewReader(string(contents(t, first)))
	printed, err := cms.CombinedOutput()
	// The token, an unsigned attribute, comes after the signed ones; it
	// has a signing time of its own.
	attrs, _, ok := strings.Cut(string(printed), "id-smime-aa-timeStampToken")
	if err != nil || !ok || strings.Contains(attrs, "signingTime") || !strings.Contains(attrs, "id-smime-aa-signingCertificateV2") {
		t.Errorf("openssl finds no timestamp token, or the signed attributes are not CAdES's (%v):\n%s", err, printed)
	}
}

// TestTimestampServerFails: a server that gives no token fails the
// signature, not silently downgrades it to B-B.
func TestTimestampServerFails(t *testing.T) {
	p := newPKI(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	_, _, err := sign.Sign(t.Context(), seed(t, "thong-bao", false), p12Key(t, p, p.signer), sign.Options{Role: sign.Signer, TSA: srv.URL})
	if err == nil || !strings.Contains(err.Error(), "gave no timestamp (503 Service Unavailable)") {
		t.Errorf("expected the server's failure, got %v", err)
	}
}
