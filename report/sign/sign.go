// Package sign signs the PDFs hoinghi renders with PAdES baseline
// signatures (ETSI EN 319 142-1): B-B always, B-T when a timestamp
// server is given. Each signature is an incremental update after the
// bytes it signs, which it leaves untouched, so that the signer signs
// first and the agency after, as Decree 30/2020/NĐ-CP has them. The key
// is a crypto.Signer: from a PKCS#12 file, or on a PKCS#11 token it never
// leaves.
//
// The signatures are invisible: a signature field with an empty /Rect
// on page 1. The signer's image and the seal (Decree 30, Phụ lục I,
// items 7–8) will be the widget's appearance, written in the same
// update.
package sign

import (
	"bytes"
	"context"
	"crypto"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/digitorus/timestamp"
	"github.com/hoinghi/hoinghi/report/atomic"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
)

// Role is who signs: the signer (người ký) or the agency (cơ quan,
// whose signature stands for the seal).
type Role int

const (
	Signer Role = iota + 1
	Agency
)

// ParseRole reads a --role value: signer or agency.
func ParseRole(s string) (Role, error) {
	switch s {
	case "signer":
		return Signer, nil
	case "agency":
		return Agency, nil
	}
	return 0, lang.Errorf("unknown role %s: expected signer or agency", s)
}

func (r Role) String() string {
	if r == Agency {
		return "agency"
	}
	return "signer"
}

// field is the name of the role's signature field.
func (r Role) field() string {
	if r == Agency {
		return "CoQuan"
	}
	return "NguoiKy"
}

// Key is a signing key and its certificate.
type Key struct {
	Signer crypto.Signer
	Cert   *x509.Certificate
	// Chain is the certificates above Cert, the issuer first, put into
	// the signature so that a reader can build the path to its root.
	Chain []*x509.Certificate
	// Source is where the key is, named in its problems: the PKCS#12
	// file, or the PKCS#11 module.
	Source string
	// close ends the token session, nil for a file.
	close func() error
}

// Close ends the key's token session, if any.
func (k *Key) Close() error {
	if k.close == nil {
		return nil
	}
	return k.close()
}

// Options are the choices of one signature.
type Options struct {
	Role Role
	// TSA is the address of an RFC 3161 timestamp server; empty for B-B.
	TSA string
	// Time is the claimed time of signing, written in the Vietnam time
	// zone; the zero time means now.
	Time time.Time
}

// Signature describes a signature made, for a manifest or a message.
type Signature struct {
	Role    Role
	Subject string
	Time    time.Time
	// Fingerprint is the SHA-256 of the signer's certificate, in hex.
	Fingerprint string
}

// vietnam is UTC+07:00, the time zone of the signing time.
var vietnam = time.FixedZone("ICT", 7*60*60)

// contentsSize is the room left for the CMS signature, in bytes, beyond
// its certificates; a timestamp token takes about tokenSize more.
const (
	contentsSize = 4096
	tokenSize    = 16384
)

// Sign returns pdf, a document hoinghi rendered (or signed), with a
// signature of k added in an incremental update. pdf itself is not
// changed and is a prefix of the result.
func Sign(ctx context.Context, pdf []byte, k *Key, o Options) ([]byte, Signature, error) {
	if o.Role != Signer && o.Role != Agency {
		return nil, Signature{}, fmt.Errorf("sign: no role")
	}
	when := o.Time
	if when.IsZero() {
		when = time.Now()
	}
	when = when.In(vietnam).Truncate(time.Second)
	sig := Signature{Role: o.Role, Subject: k.Cert.Subject.String(), Time: when, Fingerprint: Fingerprint(k.Cert)}
	if err := Usable(k.Cert, when); err != nil {
		return nil, sig, diag.InFile(k.Source, err)
	}
	d, err := parse(pdf)
	if err != nil {
		return nil, sig, err
	}
	catalog, err := d.object(d.root)
	if err != nil {
		return nil, sig, err
	}
	fields, err := d.fields(catalog)
	if err != nil {
		return nil, sig, err
	}
	if err := order(d, fields, o.Role); err != nil {
		return nil, sig, err
	}
	pages, err := d.object(atoi(rePages, catalog))
	if err != nil {
		return nil, sig, err
	}
	page := atoi(reFirstKid, pages)
	pageDict, err := d.object(page)
	if err != nil {
		return nil, sig, err
	}

	room := contentsSize + len(k.Cert.Raw)
	for _, c := range k.Chain {
		room += len(c.Raw)
	}
	if o.TSA != "" {
		room += tokenSize
	}
	u := newUpdate(d)
	sigObj, fieldObj, formObj := d.size, d.size+1, d.size+2
	u.object(sigObj, "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange "+byteRangeHole+
		" /Contents <"+strings.Repeat("0", 2*room)+"> /M "+pdfDate(when)+" /Prop_Build << /App << /Name /hoinghi >> >> >>")
	u.object(fieldObj, fmt.Sprintf("<< /Type /Annot /Subtype /Widget /FT /Sig /T (%s) /V %d 0 R /F 132 /P %d 0 R /Rect [0 0 0 0] >>",
		o.Role.field(), sigObj, page))
	fields = append(fields, fmt.Sprintf("%d 0 R", fieldObj))
	u.object(formObj, fmt.Sprintf("<< /Fields [%s] /SigFlags 3 >>", strings.Join(fields, " ")))
	u.object(d.root, strings.TrimSuffix(reAcroForm.ReplaceAllString(string(catalog), ""), " >>")+fmt.Sprintf(" /AcroForm %d 0 R >>", formObj))
	u.object(page, withAnnot(string(pageDict), fieldObj))
	u.finish(d, d.size+3)

	out := u.buf.Bytes()
	at := u.offsets[sigObj]
	hole := at + bytes.Index(out[at:], []byte(byteRangeHole))
	start := at + bytes.Index(out[at:], []byte("/Contents <")) + len("/Contents ")
	end := start + 2*room + 2
	br := fmt.Sprintf("[0 %d %d %d]", start, end, len(out)-end)
	copy(out[hole:], br+strings.Repeat(" ", len(byteRangeHole)-len(br)))
	h := sha256.New()
	h.Write(out[:start])
	h.Write(out[end:])
	var stamp func([]byte) ([]byte, error)
	if o.TSA != "" {
		stamp = func(value []byte) ([]byte, error) { return timestampToken(ctx, o, value) }
	}
	der, err := cms(h.Sum(nil), k, stamp)
	if err != nil {
		return nil, sig, err
	}
	if len(der) > room {
		return nil, sig, lang.Errorf("the signature takes %d bytes, more than the %d kept for it: the certificate chain is too long", len(der), room)
	}
	hex.Encode(out[start+1:], der)
	return out, sig, nil
}

// order checks that role signs in its turn: the signer an unsigned
// document, the agency one the signer signed, each once.
func order(d *doc, fields []string, role Role) error {
	signed := map[string]bool{}
	for _, f := range fields {
		n, _ := strconv.Atoi(strings.Fields(f)[0])
		body, err := d.object(n)
		if err != nil {
			return err
		}
		if m := reFieldName.FindSubmatch(body); m != nil {
			signed[string(m[1])] = true
		}
	}
	switch {
	case signed[Agency.field()]:
		return diag.List{{Msg: lang.M("the agency has signed this document already: it is issued, and is not signed again")}}
	case role == Signer && signed[Signer.field()]:
		return diag.List{{Msg: lang.M("the signer has signed this document already: the agency signs next, with --role agency")}}
	case role == Agency && !signed[Signer.field()]:
		return diag.List{{Msg: lang.M("the signer has not signed this document yet: the signer signs first, with --role signer")}}
	}
	return nil
}

// byteRangeHole is where /ByteRange is written once the offsets are
// known: room for four numbers of ten digits.
var byteRangeHole = "[" + strings.Repeat(" ", 44) + "]"

// withAnnot is a page dictionary with the annotation n added to its
// /Annots.
func withAnnot(page string, n int) string {
	ref := strconv.Itoa(n) + " 0 R"
	if m := reAnnots.FindStringSubmatchIndex(page); m != nil {
		return page[:m[3]] + " " + ref + page[m[3]:]
	}
	return strings.TrimSuffix(page, " >>") + " /Annots [" + ref + "] >>"
}

// pdfDate writes t as a PDF date with its offset from UTC,
// D:20260202083000+07'00'.
func pdfDate(t time.Time) string {
	return "(D:" + t.Format("20060102150405-07'00'") + ")"
}

// Fingerprint is the SHA-256 of a certificate, in hex.
func Fingerprint(c *x509.Certificate) string {
	sum := sha256.Sum256(c.Raw)
	return hex.EncodeToString(sum[:])
}

// Usable checks that c may sign at t: within its validity and meant for
// signatures.
func Usable(c *x509.Certificate, t time.Time) error {
	var m lang.Message
	switch {
	case t.After(c.NotAfter):
		m = lang.M("the certificate of %s expired on %s: renew it with the certificate authority", c.Subject.CommonName, c.NotAfter.In(vietnam).Format("02/01/2006"))
	case t.Before(c.NotBefore):
		m = lang.M("the certificate of %s is valid only from %s: check the computer's clock", c.Subject.CommonName, c.NotBefore.In(vietnam).Format("02/01/2006"))
	case c.KeyUsage != 0 && c.KeyUsage&(x509.KeyUsageDigitalSignature|x509.KeyUsageContentCommitment) == 0:
		m = lang.M("the certificate of %s is not meant for signatures: use a signing certificate", c.Subject.CommonName)
	default:
		return nil
	}
	return diag.List{{Msg: m}}
}

// timestampToken asks o.TSA for an RFC 3161 token over value and checks
// that it is for value.
func timestampToken(ctx context.Context, o Options, value []byte) ([]byte, error) {
	req, err := timestamp.CreateRequest(bytes.NewReader(value), &timestamp.RequestOptions{Certificates: true})
	if err != nil {
		return nil, err
	}
	client := &http.Client{Timeout: time.Minute}
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, o.TSA, bytes.NewReader(req))
	if err != nil {
		return nil, tsaFailed(o.TSA, err)
	}
	hr.Header.Set("Content-Type", "application/timestamp-query")
	resp, err := client.Do(hr)
	if err != nil {
		return nil, tsaFailed(o.TSA, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err == nil && resp.StatusCode != http.StatusOK {
		err = errors.New(resp.Status)
	}
	if err != nil {
		return nil, tsaFailed(o.TSA, err)
	}
	ts, err := timestamp.ParseResponse(body)
	if err != nil {
		return nil, tsaFailed(o.TSA, err)
	}
	want := sha256.Sum256(value)
	if !bytes.Equal(ts.HashedMessage, want[:]) {
		return nil, tsaFailed(o.TSA, errors.New("the token is for other data"))
	}
	return ts.RawToken, nil
}

// CheckTSA checks that addr is the address of a timestamp server.
func CheckTSA(addr string) error {
	if u, err := url.Parse(addr); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return diag.List{{Path: "--tsa", Msg: lang.M("expected the address of a timestamp server, http://… or https://…, got %s", addr)}}
	}
	return nil
}

// tsaFailed is a timestamp server that gave no token.
func tsaFailed(url string, err error) error {
	return lang.Errorf("the timestamp server %s gave no timestamp (%s): try again later, or sign without --tsa", url, err.Error())
}

// ReadError is an input that could not be read: the PDF, or the key's
// file.
type ReadError struct{ Err error }

func (e *ReadError) Error() string { return e.Err.Error() }
func (e *ReadError) Unwrap() error { return e.Err }

// SignFile signs the PDF in and writes the result to out (which may be
// in) atomically: on any failure out is left as it was.
func SignFile(ctx context.Context, in, out string, k *Key, o Options) (Signature, error) {
	data, err := os.ReadFile(in)
	if err != nil {
		return Signature{}, &ReadError{err}
	}
	signed, sig, err := Sign(ctx, data, k, o)
	if err != nil {
		return sig, diag.InFile(in, err)
	}
	return sig, atomic.WriteFile(out, signed)
}
