package sign

import (
	"regexp"
	"strconv"
)

// rect is a rectangle in PDF points, x0 y0 x1 y1 from the page's
// bottom-left corner.
type rect [4]float64

func (r rect) width() float64  { return r[2] - r[0] }
func (r rect) height() float64 { return r[3] - r[1] }
func (r rect) empty() bool     { return r.width() <= 0 || r.height() <= 0 }

// String writes r as a PDF array.
func (r rect) String() string {
	return "[" + num(r[0]) + " " + num(r[1]) + " " + num(r[2]) + " " + num(r[3]) + "]"
}

// num writes a number of points as a PDF real, 123.45.
func num(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

// place is one place of the e-document form: where text goes, in which
// font (a resource name of page 1) and size, on which baseline; only
// the rectangle for the signer's image.
type place struct {
	rect     rect
	baseline float64
	font     string
	size     float64
}

// places are the places of the e-document form (hoinghi render
// --electronic) that its pages declare in their /PieceInfo — page 1 the
// number, the date and the attachment's text, the page of the signature
// block the signer's box and, on a Biên bản, the secretary's; nil for the paper form, which has none. The places of a document without them
// (a state Biên bản has no date line) are nil.
type places struct {
	number, day, month, year, attachment, signer, secretary *place
}

const reNumber = `(-?\d+(?:\.\d+)?)`

// reRect is a PDF array of four numbers, each a submatch.
const reRect = `\[` + reNumber + ` ` + reNumber + ` ` + reNumber + ` ` + reNumber + `\]`

// rectOf is the rectangle of the four numbers of m's first submatches,
// as reRect matches them.
func rectOf(m [][]byte) rect {
	var r rect
	for i := range r {
		r[i], _ = strconv.ParseFloat(string(m[i+1]), 64)
	}
	return r
}

// placeNames are the keys of the places in a page's /PieceInfo.
var placeNames = [...]string{"Number", "Day", "Month", "Year", "Attachment", "Signer", "Secretary"}

var (
	rePieceInfo = regexp.MustCompile(`/PieceInfo << /hoinghi <<`)
	rePlace     = map[string]*regexp.Regexp{}
	reMediaBox  = regexp.MustCompile(`/MediaBox ` + reRect)
)

func init() {
	for _, k := range placeNames {
		rePlace[k] = regexp.MustCompile(`/` + k + ` << /Rect ` + reRect + `(?: /Baseline ` + reNumber + ` /Font /(\w+) /Size ` + reNumber + `)? >>`)
	}
}

// readPlaces reads the places of a page dictionary into p, a new one
// when nil; nil for a page without places.
func readPlaces(page []byte, p *places) *places {
	if !rePieceInfo.Match(page) {
		return p
	}
	if p == nil {
		p = &places{}
	}
	// The fields, in the order of placeNames.
	dsts := [len(placeNames)]**place{&p.number, &p.day, &p.month, &p.year, &p.attachment, &p.signer, &p.secretary}
	for i, k := range placeNames {
		dst := dsts[i]
		m := rePlace[k].FindSubmatch(page)
		if m == nil {
			continue
		}
		pl := &place{rect: rectOf(m), font: string(m[6])}
		pl.baseline, _ = strconv.ParseFloat(string(m[5]), 64)
		pl.size, _ = strconv.ParseFloat(string(m[7]), 64)
		if pl.rect.empty() || (pl.font != "" && pl.size <= 0) {
			continue
		}
		*dst = pl
	}
	return p
}
