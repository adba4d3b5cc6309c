package sign_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/internal/testtool"
	"github.com/hoinghi/hoinghi/report"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/sign"
	"github.com/hoinghi/hoinghi/templates"
	"software.sslmate.com/src/go-pkcs12"
)

// pki is a throwaway certificate authority made for one test run, with
// the certificates of a signer and of an agency.
type pki struct {
	dir            string
	ca             *x509.Certificate
	caKey          *rsa.PrivateKey
	signer, agency identity
}

type identity struct {
	cert *x509.Certificate
	key  *rsa.PrivateKey
}

var (
	crlURL  string
	pkiOnce sync.Once
	thePKI  *pki
	pkiErr  error
)

// newPKI makes the authority and the two certificates once per run,
// in a folder that outlives the tests that share it.
func newPKI(t testing.TB) *pki {
	t.Helper()
	pkiOnce.Do(func() {
		dir, err := os.MkdirTemp("", "hoinghi-sign-")
		if err != nil {
			pkiErr = err
			return
		}
		p := &pki{dir: dir}
		// pdfcpu finds a signature valid only when it can check that the
		// certificate is not revoked: the authority publishes an empty
		// CRL on a local server.
		var crl []byte
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(crl) }))
		crlURL = srv.URL + "/ca.crl"
		p.caKey, p.ca, err = makeCert(nil, nil, pkix.Name{CommonName: "hoinghi Test CA", Organization: []string{"hoinghi"}}, true, time.Now().Add(-time.Hour), time.Now().AddDate(1, 0, 0))
		if err != nil {
			pkiErr = err
			return
		}
		crl, err = x509.CreateRevocationList(rand.Reader, &x509.RevocationList{Number: big.NewInt(1), ThisUpdate: time.Now().Add(-time.Hour), NextUpdate: time.Now().AddDate(0, 1, 0)}, p.ca, p.caKey)
		if err != nil {
			pkiErr = err
			return
		}
		p.signer.key, p.signer.cert, err = makeCert(p.ca, p.caKey, pkix.Name{CommonName: "Phạm Duy Hưng", Organization: []string{"UBND tỉnh Bắc Kạn"}, Country: []string{"VN"}}, false, time.Now().Add(-time.Hour), time.Now().AddDate(1, 0, 0))
		if err != nil {
			pkiErr = err
			return
		}
		p.agency.key, p.agency.cert, err = makeCert(p.ca, p.caKey, pkix.Name{CommonName: "UBND TỈNH BẮC KẠN", Country: []string{"VN"}}, false, time.Now().Add(-time.Hour), time.Now().AddDate(1, 0, 0))
		pkiErr = err
		thePKI = p
	})
	if pkiErr != nil {
		t.Fatal(pkiErr)
	}
	return thePKI
}

// TestMain removes the folders the tests share once they are done.
func TestMain(m *testing.M) {
	code := m.Run()
	if thePKI != nil {
		os.RemoveAll(thePKI.dir)
	}
	if pdfcpuBin != "" {
		os.RemoveAll(filepath.Dir(pdfcpuBin))
	}
	os.Exit(code)
}

// makeCert makes an RSA key and its certificate, issued by parent (self
// signed when nil).
func makeCert(parent *x509.Certificate, parentKey *rsa.PrivateKey, name pkix.Name, ca bool, from, to time.Time) (*rsa.PrivateKey, *x509.Certificate, error) {
	key, err := rsaKey()
	if err != nil {
		return nil, nil, err
	}
	serial, err := rand.Int(rand.Reader, big.NewInt(1<<62))
	if err != nil {
		return nil, nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial, Subject: name, NotBefore: from, NotAfter: to,
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
	}
	if parent != nil {
		tmpl.CRLDistributionPoints = []string{crlURL}
	}
	if ca {
		tmpl.IsCA, tmpl.BasicConstraintsValid = true, true
		tmpl.KeyUsage = x509.KeyUsageCertSign | x509.KeyUsageCRLSign
	}
	if parent == nil {
		parent, parentKey = tmpl, key
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, &key.PublicKey, parentKey)
	if err != nil {
		return nil, nil, err
	}
	cert, err := x509.ParseCertificate(der)
	return key, cert, err
}

func rsaKey() (*rsa.PrivateKey, error) { return rsa.GenerateKey(rand.Reader, 2048) }

// p12 writes id as a PKCS#12 file with pin and the authority's
// certificate, and returns its path.
func (p *pki) p12(t testing.TB, id identity, pin string) string {
	t.Helper()
	data, err := pkcs12.Modern.Encode(id.key, id.cert, []*x509.Certificate{p.ca}, pin)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "key.p12")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// caPEM writes the authority's certificate as PEM and returns its path.
func (p *pki) caPEM(t testing.TB) string {
	t.Helper()
	ca := filepath.Join(p.dir, "ca.pem")
	if err := os.WriteFile(ca, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: p.ca.Raw}), 0o644); err != nil {
		t.Fatal(err)
	}
	return ca
}

// nssdir is an NSS database, for pdfsig, that trusts the authority.
func (p *pki) nssdir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(p.dir, "nss")
	if _, err := os.Stat(filepath.Join(dir, "cert9.db")); err == nil {
		return dir
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	ca := p.caPEM(t)
	testtool.Run(t, "certutil", "-N", "-d", "sql:"+dir, "--empty-password")
	testtool.Run(t, "certutil", "-A", "-d", "sql:"+dir, "-n", "hoinghi-test-ca", "-t", "CT,C,C", "-i", ca)
	return dir
}

// seedKey is a document of the seed meeting: its kind, and whether in
// the e-document form.
type seedKey struct {
	kind       string
	electronic bool
}

// seedPDF is a document of the seed meeting, rendered once.
type seedPDF struct {
	once sync.Once
	pdf  []byte
	err  error
}

// seedPDFs are the documents of the seed meeting rendered so far.
var seedPDFs sync.Map // seedKey → *seedPDF

// seed is the document kind of the seed meeting as hoinghi renders it,
// in the e-document form (hoinghi render --electronic) when electronic.
func seed(t testing.TB, kind string, electronic bool) []byte {
	t.Helper()
	v, _ := seedPDFs.LoadOrStore(seedKey{kind, electronic}, new(seedPDF))
	d := v.(*seedPDF)
	d.once.Do(func() { d.pdf, d.err = render(kind, electronic) })
	if d.err != nil {
		t.Fatal(d.err)
	}
	return d.pdf
}

// mustImage is sign.ParseImage of data given as flag, failing the test
// on an error.
func mustImage(t testing.TB, data []byte, flag string) *sign.Image {
	t.Helper()
	im, err := sign.ParseImage(data, flag)
	if err != nil {
		t.Fatal(err)
	}
	return im
}

// render renders the document kind of the seed meeting, in the
// e-document form when electronic.
func render(kind string, electronic bool) ([]byte, error) {
	srcs, err := templates.Builtin()
	if err != nil {
		return nil, err
	}
	r, err := report.New(fonts.Default(), srcs, "hoinghi test")
	if err != nil {
		return nil, err
	}
	r.Electronic = electronic
	l, err := r.Load("../../samples/cum-thi-dua-2023.yaml")
	if err != nil {
		return nil, err
	}
	docs, err := r.Documents(l, []string{kind})
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err = r.PDF(context.Background(), &b, l.Meeting, docs[0])
	return b.Bytes(), err
}

func p12Key(t testing.TB, p *pki, id identity) *sign.Key {
	t.Helper()
	k, err := sign.OpenPKCS12(p.p12(t, id, "1234"), "1234")
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func write(t testing.TB, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// signBoth signs the sample as the signer, then as the agency, and
// checks that each update leaves the bytes before it as they were.
func signBoth(t *testing.T, signer, agency *sign.Key, o sign.Options) (first, second []byte) {
	t.Helper()
	in := seed(t, "thong-bao", false)
	o.Role = sign.Signer
	first, sig, err := sign.Sign(context.Background(), in, signer, o)
	if err != nil {
		t.Fatal(err)
	}
	if sig.Subject != signer.Cert.Subject.String() || len(sig.Fingerprint) != 64 {
		t.Errorf("signature described as %+v", sig)
	}
	o.Role = sign.Agency
	second, _, err = sign.Sign(context.Background(), first, agency, o)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(first, in) || !bytes.HasPrefix(second, first) {
		t.Fatal("an incremental update changed the bytes it follows")
	}
	return first, second
}

// pdfsigRe picks each signature's lines out of pdfsig's report.
var pdfsigRe = regexp.MustCompile(`(?m)^Signature #(\d):\n((?:  .*\n)*)`)

// checkPdfsig has pdfsig validate both signatures of signed, trusting
// the test authority, and returns its report.
func checkPdfsig(t *testing.T, p *pki, first, signed []byte, signer, agency string) string {
	t.Helper()
	path := write(t, "signed.pdf", signed)
	out := string(testtool.Run(t, "pdfsig", "-nssdir", "sql:"+p.nssdir(t), path))
	sigs := pdfsigRe.FindAllStringSubmatch(out, -1)
	if len(sigs) != 2 {
		t.Fatalf("pdfsig found %d signatures, expected 2:\n%s", len(sigs), out)
	}
	for i, want := range []struct {
		cn, field, covers string
		end               int
	}{
		{signer, "NguoiKy", "Not total document signed", len(first)},
		{agency, "CoQuan", "Total document signed", len(signed)},
	} {
		s := sigs[i][2]
		// Each signature covers its revision: its ranges end where the
		// file did when it was made.
		if !regexp.MustCompile(`Signed Ranges: \[0 - \d+\], \[\d+ - ` + strconv.Itoa(want.end) + `\]`).MatchString(s) {
			t.Errorf("signature #%d does not cover the %d bytes of its revision:\n%s", i+1, want.end, s)
		}
		for _, line := range []string{
			"Signer Certificate Common Name: " + want.cn,
			"Signature Field Name: " + want.field,
			"Signature Type: ETSI.CAdES.detached",
			"Signature Validation: Signature is Valid.",
			"Certificate Validation: Certificate is Trusted.",
			want.covers,
		} {
			if !strings.Contains(s, line) {
				t.Errorf("signature #%d: pdfsig does not say %q:\n%s", i+1, line, s)
			}
		}
		if !regexp.MustCompile(`Signing Time: \w{3} \d\d \d{4} \d\d:\d\d:\d\d`).MatchString(s) {
			t.Errorf("signature #%d: no signing time:\n%s", i+1, s)
		}
	}
	return out
}

// pdfcpu is pdfcpu's command, built once per run.
var (
	pdfcpuOnce sync.Once
	pdfcpuBin  string
	pdfcpuErr  error
)

func pdfcpu(t *testing.T, args ...string) string {
	t.Helper()
	pdfcpuOnce.Do(func() {
		dir, err := os.MkdirTemp("", "hoinghi-pdfcpu-")
		if err != nil {
			pdfcpuErr = err
			return
		}
		cmd := exec.Command("go", "install", "github.com/pdfcpu/pdfcpu/cmd/pdfcpu@v0.15.0")
		cmd.Env = append(os.Environ(), "GOBIN="+dir, "GOFLAGS=")
		if out, err := cmd.CombinedOutput(); err != nil {
			pdfcpuErr = errors.New(string(out))
			return
		}
		pdfcpuBin = filepath.Join(dir, "pdfcpu")
	})
	if pdfcpuErr != nil {
		t.Fatalf("building pdfcpu: %v", pdfcpuErr)
	}
	out, err := exec.Command(pdfcpuBin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfcpu %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// checkPdfcpu has pdfcpu find both signatures of signed valid.
func checkPdfcpu(t *testing.T, p *pki, signed []byte) {
	t.Helper()
	out := pdfcpuValidate(t, p, signed)
	if n := strings.Count(out, "Status: signature is valid"); n != 2 {
		t.Errorf("pdfcpu finds %d valid signatures, expected 2:\n%s", n, out)
	}
	// pdfcpu's conclusion is at most B-B: it checks the CAdES baseline
	// profile (the signing-certificate-v2 attribute, no signing time).
	if n := strings.Count(out, "PAdES:          B-B"); n != 2 {
		t.Errorf("pdfcpu finds %d PAdES B-B signatures, expected 2:\n%s", n, out)
	}
}

// pdfcpuValidate has pdfcpu validate every signature of signed, with a
// configuration of its own whose certificate store trusts the authority,
// and returns its report.
func pdfcpuValidate(t *testing.T, p *pki, signed []byte) string {
	t.Helper()
	conf := t.TempDir()
	pdfcpu(t, "-c", conf, "certificates", "import", p.caPEM(t))
	// pdfcpu fetches no CRL from a local address unless told to.
	yml := filepath.Join(conf, "pdfcpu", "config.yml")
	data, err := os.ReadFile(yml)
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte("allowedRevocationHosts: []"), []byte("allowedRevocationHosts: [127.0.0.1]"), 1)
	if err := os.WriteFile(yml, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return pdfcpu(t, "-c", conf, "signatures", "validate", "-a", "-f", write(t, "signed.pdf", signed))
}

// contents is the CMS signature of the first signature of signed, the
// DER in its /Contents without the padding after it.
func contents(t *testing.T, signed []byte) []byte {
	t.Helper()
	m := regexp.MustCompile(`/Contents <([0-9a-f]+)>`).FindSubmatch(signed)
	if m == nil {
		t.Fatal("no /Contents")
	}
	der, err := hex.DecodeString(string(m[1]))
	if err != nil {
		t.Fatal(err)
	}
	var v asn1.RawValue
	if _, err := asn1.Unmarshal(der, &v); err != nil {
		t.Fatal(err)
	}
	return v.FullBytes
}

// checkReaders checks that the signed file passes qpdf and reads as the
// unsigned one does: its pages, its fonts and its text.
func checkReaders(t *testing.T, signed []byte) {
	t.Helper()
	in, out := write(t, "in.pdf", seed(t, "thong-bao", false)), write(t, "signed.pdf", signed)
	testtool.Run(t, "qpdf", "--check", out)
	pages := regexp.MustCompile(`(?m)^Pages: +\d+$`)
	if a, b := pages.Find(testtool.Run(t, "pdfinfo", in)), pages.Find(testtool.Run(t, "pdfinfo", out)); a == nil || !bytes.Equal(a, b) {
		t.Errorf("pdfinfo counts %q pages in the signed file, %q in the unsigned one", b, a)
	}
	if a, b := testtool.Run(t, "pdffonts", in), testtool.Run(t, "pdffonts", out); !bytes.Equal(a, b) {
		t.Errorf("the signed file has other fonts:\n%s\n---\n%s", a, b)
	}
	if a, b := testtool.Run(t, "pdftotext", in, "-"), testtool.Run(t, "pdftotext", out, "-"); !bytes.Equal(a, b) || len(a) < 500 {
		t.Errorf("the signed file reads differently:\n%s\n---\n%s", a, b)
	}
}

func TestSignPKCS12(t *testing.T) {
	p := newPKI(t)
	first, signed := signBoth(t, p12Key(t, p, p.signer), p12Key(t, p, p.agency), sign.Options{})
	checkPdfsig(t, p, first, signed, "Phạm Duy Hưng", "UBND TỈNH BẮC KẠN")
	checkPdfcpu(t, p, signed)
	checkReaders(t, signed)
}

// TestSignedTime: the signing time is in /M, in the Vietnam time zone,
// and pdfsig reads it as the same instant.
func TestSignedTime(t *testing.T) {
	p := newPKI(t)
	at := time.Now().UTC().Truncate(time.Second)
	signed, sig, err := sign.Sign(context.Background(), seed(t, "thong-bao", false), p12Key(t, p, p.signer), sign.Options{Role: sign.Signer, Time: at})
	if err != nil {
		t.Fatal(err)
	}
	vn := at.Add(7 * time.Hour)
	if m := "/M (D:" + vn.Format("20060102150405") + "+07'00')"; !bytes.Contains(signed, []byte(m)) || !sig.Time.Equal(at) {
		t.Errorf("no %s in the signature dictionary, or a time of %v", m, sig.Time)
	}
	out := string(testtool.Run(t, "pdfsig", "-nssdir", "sql:"+p.nssdir(t), write(t, "signed.pdf", signed)))
	// pdfsig prints the time in the machine's zone, UTC here.
	if want := "Signing Time: " + at.In(time.Local).Format("Jan 02 2006 15:04:05"); !strings.Contains(out, want) {
		t.Errorf("pdfsig does not say %q:\n%s", want, out)
	}
}

// TestChangedAfterSigning: a byte changed in the signed range makes
// pdfsig report the signature invalid.
func TestChangedAfterSigning(t *testing.T) {
	p := newPKI(t)
	signed, _, err := sign.Sign(context.Background(), seed(t, "thong-bao", false), p12Key(t, p, p.signer), sign.Options{Role: sign.Signer})
	if err != nil {
		t.Fatal(err)
	}
	changed := bytes.Clone(signed)
	i := bytes.Index(changed, []byte("/Lang (vi-VN)"))
	changed[i+7] = 'e' // (ve-VN)
	out, _ := exec.Command(testtool.Path(t, "pdfsig"), "-nssdir", "sql:"+p.nssdir(t), write(t, "changed.pdf", changed)).CombinedOutput()
	if !strings.Contains(string(out), "Signature Validation: Digest Mismatch.") {
		t.Errorf("pdfsig does not see the change:\n%s", out)
	}
}

func TestProblems(t *testing.T) {
	p := newPKI(t)
	key := p12Key(t, p, p.signer)
	path := p.p12(t, p.signer, "1234")
	_, err := sign.OpenPKCS12(path, "0000")
	wantProblem(t, err, path, "sai mã PIN của tệp PKCS#12")

	_, _, err = sign.Sign(context.Background(), []byte("%PDF-1.7\nnot hoinghi's\n%%EOF\n"), key, sign.Options{Role: sign.Signer})
	wantProblem(t, err, "", "tệp PDF bị hỏng hoặc không do hoinghi tạo")
	other := bytes.Replace(seed(t, "thong-bao", false), []byte("\x00h\x00o\x00i\x00n\x00g\x00h\x00i"), []byte("\x00x\x00x\x00x\x00x\x00x\x00x\x00x"), -1)
	_, _, err = sign.Sign(context.Background(), other, key, sign.Options{Role: sign.Signer})
	wantProblem(t, err, "", "tệp PDF này không do hoinghi tạo")
	cut := seed(t, "thong-bao", false)[:len(seed(t, "thong-bao", false))/2]
	_, _, err = sign.Sign(context.Background(), cut, key, sign.Options{Role: sign.Signer})
	wantProblem(t, err, "", "tệp PDF bị hỏng")

	// Each role signs once, the signer first.
	_, _, err = sign.Sign(context.Background(), seed(t, "thong-bao", false), key, sign.Options{Role: sign.Agency})
	wantProblem(t, err, "", "người ký chưa ký số văn bản này")
	first, _, err := sign.Sign(context.Background(), seed(t, "thong-bao", false), key, sign.Options{Role: sign.Signer})
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = sign.Sign(context.Background(), first, key, sign.Options{Role: sign.Signer})
	wantProblem(t, err, "", "người ký đã ký số văn bản này")
	second, _, err := sign.Sign(context.Background(), first, key, sign.Options{Role: sign.Agency})
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = sign.Sign(context.Background(), second, key, sign.Options{Role: sign.Agency})
	wantProblem(t, err, "", "cơ quan đã ký số văn bản này")

	expiredKey, expiredCert, err := makeCert(p.ca, p.caKey, pkix.Name{CommonName: "Hoàng Huế"}, false, time.Now().AddDate(-2, 0, 0), time.Now().AddDate(-1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	expired := p.p12(t, identity{expiredCert, expiredKey}, "1234")
	k, err := sign.OpenPKCS12(expired, "1234")
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = sign.Sign(context.Background(), seed(t, "thong-bao", false), k, sign.Options{Role: sign.Signer})
	wantProblem(t, err, expired, "chứng thư số của Hoàng Huế đã hết hạn")
}

// wantProblem checks that err is a problem of file whose Vietnamese text
// holds msg, and that it reads in English too.
func wantProblem(t *testing.T, err error, file, msg string) {
	t.Helper()
	var l diag.List
	if !errors.As(err, &l) || len(l) != 1 {
		t.Fatalf("expected one problem, got %v", err)
	}
	vi := l.In(lang.Vietnamese)
	if l[0].File != file || !strings.Contains(vi, msg) {
		t.Errorf("problem %q in %q, expected %q in %q", vi, l[0].File, msg, file)
	}
	if en := l.In(lang.English); en == vi || strings.ContainsAny(en, "ạảấầậđ") {
		t.Errorf("the problem is not in English: %s", en)
	}
}

func BenchmarkSignPKCS12(b *testing.B) {
	p := newPKI(b)
	k := p12Key(b, p, p.signer)
	in := seed(b, "thong-bao", false)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := sign.Sign(context.Background(), in, k, sign.Options{Role: sign.Signer}); err != nil {
			b.Fatal(err)
		}
	}
}
