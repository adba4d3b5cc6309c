package sign

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/layout"
)

// appearance is what a signature's widget shows (Decree 30, Phụ lục I,
// Phần I, Mục II, items 7–8): where on page 1, and the operators of its
// appearance stream, in the widget's own space, with the font or the
// image they draw.
type appearance struct {
	// page is the page object the widget is on.
	page  int
	rect  rect
	ops   string
	font  *face
	image *Image
}

// on is a, its widget on the page object page.
func (a *appearance) on(page int) *appearance {
	if a != nil {
		a.page = page
	}
	return a
}

// ptPerMM is how many PDF points make a millimetre.
const ptPerMM = 72 / 25.4

// drawImage is the appearance of im filling r.
func drawImage(r rect, im *Image) *appearance {
	return &appearance{rect: r, image: im, ops: fmt.Sprintf("q %s 0 0 %s 0 0 cm /Im1 Do Q\n", num(r.width()), num(r.height()))}
}

// signerAppearance is the handwritten signature of role, the signer or
// the secretary, im, scaled to fit the role's box keeping its
// proportions, centred in it.
func signerAppearance(pl *places, role Role, im *Image) (*appearance, error) {
	if err := pl.hasSigner("--image"); err != nil {
		return nil, err
	}
	box := pl.signer.rect
	if role == Secretary {
		box = pl.secretary.rect
	}
	scale := min(box.width()/float64(im.Width), box.height()/float64(im.Height))
	w, h := float64(im.Width)*scale, float64(im.Height)*scale
	x, y := box[0]+(box.width()-w)/2, box[1]+(box.height()-h)/2
	return drawImage(rect{x, y, x + w, y + h}, im), nil
}

// paperForm is the problem of a flag that needs the e-document form on
// a PDF of the paper form.
func paperForm(flag string) error {
	return diag.List{{Path: flag, Msg: lang.M("this PDF is the paper form, which has no places for the e-document's signatures, number and date: render it with hoinghi render --electronic")}}
}

// hasSigner checks that the document, which flag shows an image on, has
// the signer's box: the paper form has no places, and an e-document form
// without the box is damaged.
func (pl *places) hasSigner(flag string) error {
	switch {
	case pl == nil:
		return paperForm(flag)
	case pl.signer == nil:
		return damaged(lang.M("page 1 has the e-document form's places, but no page has its /Signer place"))
	}
	return nil
}

var reWidgetRect = regexp.MustCompile(`/Rect ` + reRect)

// signerRect is where the signer's image is on page 1, empty when the
// signer's signature is invisible; fields are the bodies of the
// document's signature fields.
func signerRect(fields [][]byte) rect {
	for _, body := range fields {
		if m := reFieldName.FindSubmatch(body); m == nil || string(m[1]) != Signer.field() {
			continue
		}
		if m := reWidgetRect.FindSubmatch(body); m != nil {
			return rectOf(m)
		}
		return rect{}
	}
	return rect{}
}

// sealAppearance is the seal, at its real size, centred vertically on
// the signer's image (on the signer's box when the signer's signature is
// invisible), its right edge a third of the way across the image: it
// covers about a third of the image, on its left.
func sealAppearance(pl *places, o Options, signer rect, page rect) (*appearance, error) {
	if err := pl.hasSigner("--seal"); err != nil {
		return nil, err
	}
	im := o.Seal
	var w, h float64
	switch wmm, hmm, ok := im.SizeMM(); {
	case o.SealWidth > 0:
		w = o.SealWidth * ptPerMM
		h = w * float64(im.Height) / float64(im.Width)
	case ok:
		w, h = wmm*ptPerMM, hmm*ptPerMM
	default:
		return nil, diag.List{{Path: "--seal-width", Msg: lang.M("the seal's image does not say its size (no pHYs chunk): give its real width with --seal-width MM, such as --seal-width 36")}}
	}
	box := pl.signer.rect
	on := signer
	if on.empty() {
		on = box
	}
	cy := (on[1] + on[3]) / 2
	right := on[0] + on.width()/3
	r := rect{right - w, cy - h/2, right, cy + h/2}
	// The lowest the seal may reach: as low as the largest round seal
	// the e-document form keeps room for (layout.SealMax) centred on the
	// box, and never below the box's own bottom.
	floor := min(box[1], (box[1]+box[3])/2-layout.SealMax*ptPerMM/2)
	// The largest scale of the seal that stays clear of the name and
	// within the page.
	fit := min((cy-floor)/(h/2), (right-page[0])/w, (page[3]-cy)/(h/2))
	if fit >= 1-1e-9 {
		return drawImage(r, im), nil
	}
	m := lang.M("the seal, %.1f × %.1f mm, would run off the page: at most %.1f × %.1f mm fits; give a smaller --seal-width", mm(w), mm(h), mm(w*fit), mm(h*fit))
	if r[1] < floor {
		m = lang.M("the seal, %.1f × %.1f mm, would overlap the signer's name: at most %.1f × %.1f mm fits; give a smaller --seal-width", mm(w), mm(h), mm(w*fit), mm(h*fit))
	}
	return nil, diag.List{{Path: "--seal", Msg: m}}
}

// mm is a length of points in millimetres.
func mm(pt float64) float64 { return pt / ptPerMM }

// attachmentAppearance is the agency's signature on a separate
// attachment: at the top right of page 1, no image, two lines of text in
// the place's face, right-aligned: the number and symbol of the document
// it is attached to, and the signing time.
func (d *doc) attachmentAppearance(page []byte, pl *places, number string, at time.Time) (*appearance, error) {
	if pl == nil || pl.attachment == nil {
		return nil, paperForm("--attachment")
	}
	a := pl.attachment
	f, err := d.face(page, a.font)
	if err != nil {
		return nil, err
	}
	var ops strings.Builder
	ops.WriteString("BT 0 g /" + f.name + " " + num(a.size) + " Tf\n")
	for i, line := range []string{attachedNumber(number), at.Format(time.RFC3339)} {
		text, width, missing, ok := f.encode(line, a.size)
		if !ok {
			return nil, diag.List{{Path: "--number", Msg: lang.M("the font of the attachment's text has no %q, in %s: write the number and symbol with digits, capital letters and / -", string(missing), line)}}
		}
		if width > a.rect.width()+0.005 {
			return nil, diag.List{{Path: "--number", Msg: lang.M("the attachment's text %s is %.1f mm wide, more than the %.1f mm of its place at the top right of page 1: shorten the number and symbol", line, mm(width), mm(a.rect.width()))}}
		}
		x := a.rect.width() - width
		y := a.baseline - a.rect[1] - float64(i)*a.size*layout.LineFactor
		fmt.Fprintf(&ops, "1 0 0 1 %s %s Tm %s Tj\n", num(x), num(y), text)
	}
	ops.WriteString("ET\n")
	return &appearance{rect: a.rect, ops: ops.String(), font: f}, nil
}

// write writes the appearance as a Form XObject, n, and its image, n+1
// and n+2, into u, and returns the entries of its widget: /Rect, /AP and
// the flag that prints it; the empty /Rect of an invisible signature
// when a is nil.
func (a *appearance) write(u *update, n int) string {
	if a == nil {
		return "/F 132 /Rect [0 0 0 0]"
	}
	var res []string
	if a.font != nil {
		res = append(res, fmt.Sprintf("/Font << /%s %d 0 R >>", a.font.name, a.font.ref))
	}
	if a.image != nil {
		res = append(res, fmt.Sprintf("/XObject << /Im1 %d 0 R >>", n+1))
		u.image(n+1, a.image)
	}
	u.stream(n, fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 %s %s] /Resources << %s >>", num(a.rect.width()), num(a.rect.height()), strings.Join(res, " ")), []byte(a.ops))
	return fmt.Sprintf("/F 4 /Rect %s /AP << /N %d 0 R >>", a.rect, n)
}
