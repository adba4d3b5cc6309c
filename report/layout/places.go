package layout

import (
	"strings"

	"github.com/hoinghi/hoinghi/fonts"
)

// Place is where, on an electronic document, the document system writes
// what is assigned at issuance, or a signature shows itself (Decree 30, Điều 15.3; Phụ lục I, Phần I, Mục II, items 7–8):
//
//   - Number, Day, Month, Year: the room left on the Số and date lines;
//   - Signer: the box of the signer's image, between the signer's title
//     lines and name;
//   - Secretary: on a Biên bản that the secretary and the chair sign
//     (Mẫu 1.9), the box of the secretary's image, the same on the
//     secretary's stack, on the page of the Signer place;
//   - Attachment: the top right of the page, where the agency's
//     signature is written as text on an attachment sent as a file of
//     its own.
//
// The places depend only on the header's and the signature block's
// lines, so that for one office they stand in the same place on every
// document of one kind.
type Place struct {
	// Name is one of Number, Day, Month, Year, Signer, Secretary and
	// Attachment.
	Name string
	// Page is the page of the place, from 0: the first for all but the
	// signer's and the secretary's, which are on the page of the
	// signature block.
	Page int
	// X, Y, W, H are the place's box, mm from the page's top-left
	// corner.
	X, Y, W, H float64
	// Baseline is the baseline of the text written there, mm from the
	// top (of its first line, for Attachment), in Style at Size, pt,
	// which hold Chars; zero for Signer and Secretary.
	Baseline float64
	Style    fonts.Style
	Size     float64
	Chars    string
	// After is what follows the Number place on its line: the symbol,
	// "/TB-UBND".
	After string
}

// The size of the places of the signature block, mm. The signer's image
// stands in a box of SignerW × SignerH in the middle of ElectronicSpace,
// the room between the titles and the name; a round seal of up to
// SealMax across, centred on it, then keeps clear of the name.
const (
	ElectronicSpace = 46.0
	SignerW         = 50.0
	SignerH         = 26.0
	SealMax         = 42.0
)

// digits are what the document system writes in the number and date
// places; attachmentChars what the agency's text on an attachment may
// hold: the number and symbol, and the time in ISO 8601.
const (
	digits          = "0123456789"
	attachmentChars = digits + "/-:+ABCDEFGHIJKLMNOPQRSTUVWXYZĐ"
	attachmentSize  = 10.0
	attachmentW     = 70.0
	attachmentTop   = 6.0
)

// blanks records the runs of no-break spaces of s, set on baseline y from
// x in style at size, as the places names, in order; it returns the names
// left over.
func (l *layouter) blanks(x, y float64, s string, style fonts.Style, size float64, names []string) []string {
	rest := s
	for len(names) > 0 {
		i := strings.IndexRune(rest, '\u00a0')
		if i < 0 {
			break
		}
		j := i + strings.IndexFunc(rest[i:], func(r rune) bool { return r != '\u00a0' })
		if j < i {
			j = len(rest)
		}
		before := s[:len(s)-len(rest)+i]
		x0 := x + l.width(before, style, size)
		w := l.width(rest[i:j], style, size)
		top := y - ascent*size*mmPerPt
		p := Place{Name: names[0], X: x0, Y: top, W: w, H: lineHeight(size), Baseline: y, Style: style, Size: size, Chars: digits}
		if p.Name == "Number" {
			p.After = rest[j:]
		}
		l.res.Places = append(l.res.Places, p)
		names, rest = names[1:], rest[j:]
	}
	return names
}

// signerPlace records the place name, Signer or Secretary, the box of
// the image of the stack s, whose titles end at top and whose name
// starts at nameTop.
func (l *layouter) signerPlace(name string, s stack, top, nameTop float64) {
	mid := (top + nameTop) / 2
	l.res.Places = append(l.res.Places, Place{Name: name, Page: len(l.res.Pages) - 1, X: s.cx - SignerW/2, Y: mid - SignerH/2, W: SignerW, H: SignerH})
}

// attachmentPlace records the place of the agency's text on an
// attachment: two lines at 10 pt, set flush right in the top margin.
func (l *layouter) attachmentPlace() {
	size := attachmentSize
	l.res.Places = append(l.res.Places, Place{Name: "Attachment", X: PageW - Right - attachmentW, Y: attachmentTop,
		W: attachmentW, H: 2 * lineHeight(size), Baseline: attachmentTop + ascent*size*mmPerPt,
		Style: fonts.Regular, Size: size, Chars: attachmentChars})
}
