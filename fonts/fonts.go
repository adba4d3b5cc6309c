// Package fonts provides the four faces a Decree 30 document is set in —
// regular, bold, italic and bold italic — and their metrics.
//
// Decree 30 prescribes Times New Roman, which is proprietary. The default
// faces are Liberation Serif, metric-compatible with it (a line breaks at
// the same word as in a clerk's Word) and covering Vietnamese, embedded in
// the binary through github.com/go-fonts/liberation. A clerk who has the
// real Times New Roman files can use them with LoadDir, which tells the
// faces of a folder apart by the names and classes inside the files.
//
// Fonts are parsed and checked once, when loaded: a file that is not a
// usable TrueType font — a CFF font, a table outside the file, an empty
// or truncated glyf, loca, hmtx or cmap, a damaged glyph, composite
// glyphs in a loop or nested too deep — is an error here, naming the file
// and the glyph, instead of a failure deep inside PDF generation or a
// broken embedded font. For embedding, a face is slimmed of
// its hinting once (Slim) and then cut down to each document's glyphs
// (Face.Subset).
package fonts

import (
	"sync"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Style is one of the four faces of a family.
type Style int

// The four faces, in the order of Set.Faces.
const (
	Regular Style = iota
	Bold
	Italic
	BoldItalic
)

// Styles lists every style, for loops over the faces.
var Styles = [...]Style{Regular, Bold, Italic, BoldItalic}

// String returns the style as PostScript font names end:
// "Regular", "Bold", "Italic", "BoldItalic".
func (s Style) String() string { return [...]string{"Regular", "Bold", "Italic", "BoldItalic"}[s] }

// Face is one parsed TrueType face.
type Face struct {
	// TTF is the font file, as given to the PDF writer.
	TTF    []byte
	Source string // where the face came from, for messages
	font   *sfnt.Font
	upem   float64

	// low and lowGlyphs hold the advances and glyph numbers of the runes
	// below lowRunes — Latin, Vietnamese, punctuation, currency — read
	// once when the face is loaded, so that layout, validation and
	// embedding read them without locking.
	low       [lowRunes]float32
	lowGlyphs [lowRunes]uint16

	mu     sync.Mutex
	buf    sfnt.Buffer
	widths map[rune]float64 // advance per 1000 em above lowRunes; -1 when missing
	desc   Descriptor

	// slim is the face made ready for embedding, on first use.
	slim struct {
		once sync.Once
		t    *glyphTables
		err  error
	}
}

// lowRunes bounds the runes measured when a face is loaded: up to U+2200
// it takes in every letter and sign Vietnamese documents use.
const lowRunes = 0x2200

// newFace parses and checks a face; its error is a diag.Problem that
// names source and says why the font cannot be used.
func newFace(ttf []byte, source string) (*Face, error) {
	refuse := func(m lang.Message) (*Face, error) { return nil, diag.Problem{File: source, Msg: m} }
	if why, ok := check(ttf); !ok {
		return refuse(why)
	}
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return refuse(lang.M("not a usable TrueType font: %s", err.Error()))
	}
	desc, err := describe(f)
	if err != nil {
		return refuse(lang.M("not a usable TrueType font: %s", err.Error()))
	}
	face := &Face{TTF: ttf, Source: source, font: f, upem: float64(f.UnitsPerEm()), widths: map[rune]float64{}, desc: desc}
	for r := range rune(lowRunes) {
		g, w := face.measure(r)
		face.lowGlyphs[r], face.low[r] = uint16(g), float32(w)
	}
	if w := face.Width('a'); w <= 0 {
		return refuse(lang.M("the font has no Latin letters"))
	}
	return face, nil
}

// Width returns the advance width of r in thousandths of the font size, or
// -1 when the face has no glyph for r.
func (f *Face) Width(r rune) float64 {
	if r >= 0 && r < lowRunes {
		return float64(f.low[r])
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if w, ok := f.widths[r]; ok {
		return w
	}
	_, w := f.measure(r)
	f.widths[r] = w
	return w
}

// glyph returns the number of r's glyph, 0 when the face has none.
func (f *Face) glyph(r rune) sfnt.GlyphIndex {
	if r >= 0 && r < lowRunes {
		return sfnt.GlyphIndex(f.lowGlyphs[r])
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	g, _ := f.measure(r)
	return g
}

// measure reads the glyph of r and its advance from the font: glyph 0
// and advance -1 when the face has none. The caller holds mu or owns the
// face.
func (f *Face) measure(r rune) (sfnt.GlyphIndex, float64) {
	gi, err := f.font.GlyphIndex(&f.buf, r)
	if err != nil || gi == 0 {
		return 0, -1
	}
	ppem := fixed.Int26_6(f.upem * 64)
	adv, err := f.font.GlyphAdvance(&f.buf, gi, ppem, font.HintingNone)
	if err != nil {
		return 0, -1
	}
	return gi, float64(adv) / 64 * 1000 / f.upem
}

// Set is a family of four faces.
type Set struct {
	Family string
	Faces  [4]*Face
}

// Width returns the advance of r in style, in thousandths of the font size;
// a rune the face lacks measures as nothing, since validation has already
// rejected text that contains one.
func (s *Set) Width(style Style, r rune) float64 {
	return max(s.Faces[style].Width(r), 0)
}

// Covers reports whether every face can draw r, so that text may switch
// to bold or italic without losing a character.
func (s *Set) Covers(r rune) bool {
	if r == ' ' || r == '\u00a0' {
		return true
	}
	for _, f := range s.Faces {
		if f.Width(r) < 0 {
			return false
		}
	}
	return true
}

var (
	defaultOnce sync.Once
	defaultSet  *Set
)

// Default returns the embedded Liberation Serif family, parsed once per
// process.
func Default() *Set {
	defaultOnce.Do(func() {
		defaultSet = &Set{Family: "Liberation Serif"}
		for i, ttf := range [][]byte{liberationserifregular.TTF, liberationserifbold.TTF, liberationserifitalic.TTF, liberationserifbolditalic.TTF} {
			face, err := newFace(ttf, "Liberation Serif "+Styles[i].String())
			if err != nil {
				panic(err) // the embedded fonts are part of the binary
			}
			defaultSet.Faces[i] = face
		}
	})
	return defaultSet
}
