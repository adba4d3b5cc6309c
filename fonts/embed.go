package fonts

import (
	"fmt"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Descriptor is what a PDF font descriptor states of a face, in
// thousandths of the em, the PDF's glyph space.
type Descriptor struct {
	Ascent, Descent, CapHeight float64 // Descent is negative
	// BBox is the union of the glyphs' boxes: xMin, yMin, xMax, yMax.
	BBox        [4]float64
	ItalicAngle float64 // degrees, negative for a face leaning right
}

// Descriptor returns the face's metrics for a PDF font descriptor.
func (f *Face) Descriptor() Descriptor { return f.desc }

func describe(f *sfnt.Font) (Descriptor, error) {
	var buf sfnt.Buffer
	em := fixed.I(1000)
	m, err := f.Metrics(&buf, em, font.HintingNone)
	if err != nil {
		return Descriptor{}, err
	}
	b, err := f.Bounds(&buf, em, font.HintingNone)
	if err != nil {
		return Descriptor{}, err
	}
	num := func(x fixed.Int26_6) float64 { return float64(x) / 64 }
	// sfnt measures y downwards; a PDF measures it upwards.
	d := Descriptor{
		Ascent:    num(m.Ascent),
		Descent:   -num(m.Descent),
		CapHeight: num(m.CapHeight),
		BBox:      [4]float64{num(b.Min.X), -num(b.Max.Y), num(b.Max.X), -num(b.Min.Y)},
	}
	if post := f.PostTable(); post != nil {
		d.ItalicAngle = post.ItalicAngle
	}
	return d, nil
}

// Subset is a face cut down to the characters one document draws, as the
// document embeds it.
type Subset struct {
	// TTF holds the glyphs drawn and the glyphs they are composed of,
	// numbered anew from 1 (0 is the missing-glyph box) in the order of
	// the face. It has no character map: a PDF addresses glyphs by
	// number.
	TTF []byte
	// Glyphs gives the number in TTF of each character's glyph.
	Glyphs map[rune]uint16
}

// Subset cuts the face down to runes, from its slimmed form (see Slim).
// A document draws a few hundred glyphs of a face of thousands, and
// cutting it takes microseconds.
func (f *Face) Subset(runes []rune) (*Subset, error) {
	t, err := f.tables()
	if err != nil {
		return nil, err
	}
	glyphs := make([]uint16, len(runes))
	for i, r := range runes {
		g := f.glyph(r)
		if g == 0 || int(g) >= t.numGlyphs {
			return nil, fmt.Errorf("%s: no glyph for %q", f.Source, r)
		}
		glyphs[i] = uint16(g)
	}
	ttf, number := t.subset(glyphs)
	s := &Subset{TTF: ttf, Glyphs: make(map[rune]uint16, len(runes))}
	for i, r := range runes {
		s.Glyphs[r] = number[glyphs[i]]
	}
	return s, nil
}
