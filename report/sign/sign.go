// Package sign signs the PDFs hoinghi renders with PAdES baseline
// signatures (ETSI EN 319 142-1): B-B always, B-T when a timestamp
// server is given. Each signature is an incremental update after the
// bytes it signs, which it leaves untouched, so that the signer signs
// first and the agency after, as Decree 30/2020/NĐ-CP has them. The key
// is a crypto.Signer: from a PKCS#12 file, or on a PKCS#11 token it never
// leaves.
//
// On the paper form the signatures are invisible: a signature field
// with an empty /Rect on page 1. On the e-document form (hoinghi render
// --electronic), whose pages declare its places in a /PieceInfo, the
// widget shows the handwritten signature of the signer (or, on a Biên
// bản, of the secretary, who signs beside the chair) or the seal (Decree
// 30, Phụ lục I, Phần I, Mục II, items 7–8) in its appearance, written
// in the same update, on the page of the signature block; and the
// agency, which issues the document, first fills in its number and date
// on page 1 in an update of their own. A separate attachment shows the
// agency's text at the top right of page 1.
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
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/digitorus/timestamp"
	"github.com/hoinghi/hoinghi/report/atomic"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/when"
)

// Role is who signs: the signer (người ký), the secretary (thư ký) of
// a Biên bản, who signs beside the chair, or the agency (cơ quan, whose
// signature stands for the seal).
type Role int

const (
	Signer Role = iota + 1
	Agency
	Secretary
)

// ParseRole reads a --role value: signer, secretary or agency.
func ParseRole(s string) (Role, error) {
	switch s {
	case "signer":
		return Signer, nil
	case "secretary":
		return Secretary, nil
	case "agency":
		return Agency, nil
	}
	return 0, lang.Errorf("unknown role %s: expected signer, secretary or agency", s)
}

func (r Role) String() string {
	switch r {
	case Agency:
		return "agency"
	case Secretary:
		return "secretary"
	}
	return "signer"
}

// field is the name of the role's signature field.
func (r Role) field() string {
	switch r {
	case Agency:
		return "CoQuan"
	case Secretary:
		return "ThuKy"
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
	// Image is the handwritten signature of the signer or the
	// secretary, shown in the box of the role (the Signer or the
	// Secretary place); without it the signature is invisible.
	Image *Image
	// Seal is the agency's seal, shown at its real size over the left
	// third of the signer's image: the size of its pHYs chunk, or
	// SealWidth millimetres wide when that is not 0.
	Seal      *Image
	SealWidth float64
	// Number is the document's number, which the agency fills in with
	// Date (the signing day when zero) before it signs; on an
	// Attachment, the number and symbol of the document it is attached
	// to, shown as text with the signing time.
	Number string
	Date   when.Date
	// Attachment is a separate attachment, which the agency signs
	// without the signer.
	Attachment bool
}

// Check checks the number, then that the options fit the role and each
// other, before the key is opened.
func (o Options) Check() error {
	if o.Number != "" && !o.Attachment {
		if _, err := numberText(o.Number); err != nil {
			return err
		}
	}
	var ps diag.List
	wrong := func(flag string, m lang.Message) { ps = append(ps, diag.Problem{Path: flag, Msg: m}) }
	if o.Role == Agency && o.Image != nil {
		wrong("--image", lang.M("the image of the handwritten signature is the signer's or the secretary's: sign with --role signer or --role secretary"))
	}
	if o.Role == Signer || o.Role == Secretary {
		for flag, set := range map[string]bool{"--seal": o.Seal != nil, "--seal-width": o.SealWidth != 0, "--number": o.Number != "", "--date": !o.Date.IsZero(), "--attachment": o.Attachment} {
			if set {
				wrong(flag, lang.M("%s is the agency's, which issues the document: sign with --role agency", flag))
			}
		}
	}
	if o.SealWidth < 0 || o.SealWidth > 100 {
		wrong("--seal-width", lang.M("expected the seal's width in millimetres, more than 0 and at most 100, got %s", strconv.FormatFloat(o.SealWidth, 'f', -1, 64)))
	}
	if o.Attachment && !o.Date.IsZero() {
		wrong("--date", lang.M("an attachment shows the signing time, not a date of issue: leave out --date"))
	}
	if o.Attachment && o.Seal != nil {
		wrong("--seal", lang.M("the agency's signature on a separate attachment shows no image (Decree 30): leave out --seal"))
	}
	if o.Attachment && o.Number == "" {
		wrong("--number", lang.M("an attachment shows the number and symbol of the document it is attached to: give them with --number, such as --number 12/TB-UBND"))
	}
	if len(ps) > 0 {
		ps.Sort()
		return ps
	}
	return nil
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
	if o.Role != Signer && o.Role != Agency && o.Role != Secretary {
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
	if err := o.Check(); err != nil {
		return nil, sig, err
	}
	d, err := parse(pdf)
	if err != nil {
		return nil, sig, err
	}
	p, err := d.first()
	if err != nil {
		return nil, sig, err
	}
	bodies, err := order(d, p.fields, o.Role, o.Attachment)
	if err != nil {
		return nil, sig, err
	}
	pl := p.places
	if o.Role == Secretary && (pl == nil || pl.secretary == nil) {
		return nil, sig, diag.List{{Path: "--role", Msg: lang.M("this document has no secretary's signature line: --role secretary signs minutes that a secretary and a chair sign, rendered with hoinghi render --electronic")}}
	}
	a, err := d.appearance(p, pl, bodies, o, when)
	if err != nil {
		return nil, sig, err
	}
	if o.Role == Agency && !o.Attachment && (pl != nil || o.Number != "" || !o.Date.IsZero()) {
		if p, err = d.issue(p, pl, o, when); err != nil {
			return nil, sig, err
		}
	}
	return d.sign(ctx, p, k, o, when, a, sig)
}

// page1 is what a signature changes of a document: its catalog, its
// signature fields, its first page, and the page that holds the signer's
// box of the e-document form (the signature block may be on a later
// page).
type page1 struct {
	catalog []byte
	fields  []int
	num     int
	dict    []byte
	// box is the page's /MediaBox.
	box rect
	// places are the e-document form's places, nil on the paper form;
	// signerNum and signerDict are the page of its /Signer place.
	places     *places
	signerNum  int
	signerDict []byte
}

var reKids = regexp.MustCompile(`/Kids \[([^\]]*)\]`)

// maxPages is the most pages sign looks through for the signer's box,
// and maxScan the most bytes of their dictionaries it reads: hoinghi's
// are a few hundred bytes each.
const (
	maxPages = 10000
	maxScan  = 4 << 20
)

// first reads the catalog, the form's fields, page 1 of d and the places
// of the e-document form.
func (d *doc) first() (page1, error) {
	var p page1
	var err error
	if p.catalog, err = d.object(d.root); err != nil {
		return p, err
	}
	if p.fields, err = d.fields(p.catalog); err != nil {
		return p, err
	}
	pages, err := d.object(atoi(rePages, p.catalog))
	if err != nil {
		return p, err
	}
	p.num = atoi(reFirstKid, pages)
	if p.dict, err = d.object(p.num); err != nil {
		return p, err
	}
	m := reMediaBox.FindSubmatch(p.dict)
	if m == nil {
		m = reMediaBox.FindSubmatch(pages)
	}
	if m == nil {
		return p, damaged(lang.M("page 1 has no /MediaBox"))
	}
	p.box = rectOf(m)
	p.places = readPlaces(p.dict, nil)
	if p.places == nil {
		return p, nil
	}
	p.signerNum, p.signerDict = p.num, p.dict
	kids := reKids.FindSubmatch(pages)
	if kids == nil {
		return p, nil
	}
	seen, scanned := map[int]bool{p.num: true}, len(p.dict)
	for _, n := range refs(kids[1]) {
		if p.places.signer != nil || len(seen) > maxPages || scanned > maxScan {
			break
		}
		if seen[n] {
			continue
		}
		seen[n] = true
		dict, err := d.object(n)
		if err != nil {
			return p, err
		}
		scanned += len(dict)
		if readPlaces(dict, p.places).signer != nil {
			p.signerNum, p.signerDict = n, dict
		}
	}
	return p, nil
}

// appearance is what the signature of o shows, nil when it is invisible;
// fields are the bodies of the document's signature fields.
func (d *doc) appearance(p page1, pl *places, fields [][]byte, o Options, at time.Time) (*appearance, error) {
	switch {
	case o.Image != nil:
		a, err := signerAppearance(pl, o.Role, o.Image)
		return a.on(p.signerNum), err
	case o.Attachment:
		a, err := d.attachmentAppearance(p.dict, pl, o.Number, at)
		return a.on(p.num), err
	case o.Seal != nil:
		a, err := sealAppearance(pl, o, signerRect(fields), p.box)
		return a.on(p.signerNum), err
	}
	return nil, nil
}

// issue fills in the number and the date of issue of the document, the
// signing day unless o says another, in an update applied to d, and
// returns p with the page dictionaries the update rewrote.
func (d *doc) issue(p page1, pl *places, o Options, at time.Time) (page1, error) {
	switch {
	case pl == nil && o.Number != "":
		return p, paperForm("--number")
	case pl == nil && !o.Date.IsZero():
		return p, paperForm("--date")
	case pl == nil:
		return p, nil
	case pl.number == nil:
		return p, damaged(lang.M("page 1 of the e-document form has no /Number place"))
	case o.Number == "":
		return p, diag.List{{Path: "--number", Msg: lang.M("the agency issues the document, which needs its number: give it with --number, such as --number 12")}}
	}
	number, err := numberText(o.Number)
	if err != nil {
		return p, err
	}
	if !o.Date.IsZero() && (pl.day == nil || pl.month == nil || pl.year == nil) {
		return p, diag.List{{Path: "--date", Msg: lang.M("this document has no date line (a state agency's minutes have none), so no date of issue is filled in: leave out --date")}}
	}
	date := o.Date
	if date.IsZero() {
		date = when.Date{Year: at.Year(), Month: at.Month(), Day: at.Day()}
	}
	filled, err := d.fill(p.num, p.dict, pl, number, date)
	if err != nil {
		return p, err
	}
	if p.signerNum == p.num {
		p.signerDict = filled
	}
	p.dict = filled
	return p, nil
}

// sign adds the signature of k, showing a, to d in an update.
func (d *doc) sign(ctx context.Context, p page1, k *Key, o Options, when time.Time, a *appearance, sig Signature) ([]byte, Signature, error) {
	room := contentsSize + len(k.Cert.Raw)
	for _, c := range k.Chain {
		room += len(c.Raw)
	}
	if o.TSA != "" {
		room += tokenSize
	}
	u := newUpdate(d)
	sigObj, fieldObj, formObj, apObj := d.size, d.size+1, d.size+2, d.size+3
	u.object(sigObj, "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange "+byteRangeHole+
		" /Contents <"+strings.Repeat("0", 2*room)+"> /M "+pdfDate(when)+" /Prop_Build << /App << /Name /hoinghi >> >> >>")
	widget := a.write(u, apObj)
	page, pageDict := p.num, p.dict
	if a != nil && a.page == p.signerNum {
		page, pageDict = p.signerNum, p.signerDict
	}
	u.object(fieldObj, fmt.Sprintf("<< /Type /Annot /Subtype /Widget /FT /Sig /T (%s) /V %d 0 R /P %d 0 R %s >>",
		o.Role.field(), sigObj, page, widget))
	var fields []string
	for _, n := range append(slices.Clone(p.fields), fieldObj) {
		fields = append(fields, fmt.Sprintf("%d 0 R", n))
	}
	u.object(formObj, fmt.Sprintf("<< /Fields [%s] /SigFlags 3 >>", strings.Join(fields, " ")))
	u.object(d.root, strings.TrimSuffix(reAcroForm.ReplaceAllString(string(p.catalog), ""), " >>")+fmt.Sprintf(" /AcroForm %d 0 R >>", formObj))
	u.object(page, withAnnot(string(pageDict), fieldObj))
	u.finish(d)

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

// order checks that role signs in its turn: the signer and the
// secretary, in either order, a document the agency has not signed, the
// agency one the signer signed, each once; the agency signs a separate
// attachment without the signer. The agency does not wait for the
// secretary, who may have signed the minutes on paper. It returns the
// bodies of the fields it read.
func order(d *doc, fields []int, role Role, attachment bool) ([][]byte, error) {
	signed := map[string]bool{}
	bodies := make([][]byte, 0, len(fields))
	for _, n := range fields {
		body, err := d.object(n)
		if err != nil {
			return nil, err
		}
		bodies = append(bodies, body)
		if m := reFieldName.FindSubmatch(body); m != nil {
			signed[string(m[1])] = true
		}
	}
	switch {
	case signed[Agency.field()]:
		return nil, diag.List{{Msg: lang.M("the agency has signed this document already: it is issued, and is not signed again")}}
	case role == Signer && signed[Signer.field()]:
		return nil, diag.List{{Msg: lang.M("the signer has signed this document already: the agency signs next, with --role agency")}}
	case role == Secretary && signed[Secretary.field()]:
		return nil, diag.List{{Msg: lang.M("the secretary has signed this document already: the secretary signs once")}}
	case role == Agency && !signed[Signer.field()] && !attachment:
		return nil, diag.List{{Msg: lang.M("the signer has not signed this document yet: the signer signs first, with --role signer")}}
	}
	return bodies, nil
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
