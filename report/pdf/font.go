package pdf

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"fmt"
	"slices"
	"strings"
	"unicode/utf16"

	"github.com/hoinghi/hoinghi/fonts"
)

// face is one face as a document embeds it: cut down to the characters
// the document draws, each written as the two-byte number of its glyph
// (the Identity-H encoding).
type face struct {
	style    fonts.Style
	resource string // its name in page streams: /F1…
	obj      int    // its Type0 font object
	runes    map[rune]bool
	sub      *fonts.Subset
}

// glyphs appends the glyph numbers of s to a literal string, two bytes
// each.
func (fc *face) glyphs(dst []byte, s string) []byte {
	for _, r := range s {
		dst = literal(dst, fc.sub.Glyphs[r])
	}
	return dst
}

// embed writes the font objects of fc: the Type0 font, its CID font with
// the glyph widths, the descriptor, the font file and the map back to
// Unicode that makes the text searchable and copyable.
func embed(f *file, fc *face, fs *fonts.Set) {
	name := fontName(fs.Family, fc.style, fc.sub.TTF)
	cid, desc, file, toUnicode := f.reserve(), f.reserve(), f.reserve(), f.reserve()
	f.object(fc.obj, fmt.Appendf(nil, "<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>",
		name, cid, toUnicode))

	// Each glyph with the character it draws; where two characters
	// share a glyph, the first in code order speaks for it.
	type glyph struct {
		id uint16
		r  rune
	}
	glyphs := make([]glyph, 0, len(fc.runes))
	for r := range fc.runes {
		glyphs = append(glyphs, glyph{fc.sub.Glyphs[r], r})
	}
	slices.SortFunc(glyphs, func(a, b glyph) int { return cmp.Or(cmp.Compare(a.id, b.id), cmp.Compare(a.r, b.r)) })
	glyphs = slices.CompactFunc(glyphs, func(a, b glyph) bool { return a.id == b.id })

	// Widths in runs of consecutive glyphs: "3 [250 333] 17 [500]".
	var w bytes.Buffer
	for i, g := range glyphs {
		if i == 0 || g.id != glyphs[i-1].id+1 {
			if i > 0 {
				w.WriteString("] ")
			}
			fmt.Fprintf(&w, "%d [", g.id)
		} else {
			w.WriteByte(' ')
		}
		w.WriteString(num(fs.Width(fc.style, g.r)))
	}
	if len(glyphs) > 0 {
		w.WriteByte(']')
	}
	f.object(cid, fmt.Appendf(nil, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /CIDToGIDMap /Identity /W [%s] >>",
		name, desc, w.Bytes()))

	d := fs.Faces[fc.style].Descriptor()
	flags := 32 // non-symbolic: Latin letters
	if d.ItalicAngle != 0 {
		flags |= 64
	}
	f.object(desc, fmt.Appendf(nil, "<< /Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%s %s %s %s] /ItalicAngle %s /Ascent %s /Descent %s /CapHeight %s /StemV 80 /FontFile2 %d 0 R >>",
		name, flags, num(d.BBox[0]), num(d.BBox[1]), num(d.BBox[2]), num(d.BBox[3]), num(d.ItalicAngle), num(d.Ascent), num(d.Descent), num(d.CapHeight), file))
	f.stream(file, fmt.Sprintf("/Length1 %d ", len(fc.sub.TTF)), fc.sub.TTF)

	var cmap bytes.Buffer
	cmap.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for chunk := range slices.Chunk(glyphs, 100) {
		fmt.Fprintf(&cmap, "%d beginbfchar\n", len(chunk))
		for _, g := range chunk {
			fmt.Fprintf(&cmap, "<%04X> <", g.id)
			for _, u := range utf16.Encode([]rune{g.r}) {
				fmt.Fprintf(&cmap, "%04X", u)
			}
			cmap.WriteString(">\n")
		}
		cmap.WriteString("endbfchar\n")
	}
	cmap.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	f.stream(toUnicode, "", cmap.Bytes())
}

// fontName is the name a face is embedded under: a subset tag of six
// capital letters taken from the subset's bytes (so that two subsets
// never share one), then the family without spaces and the style, as
// PostScript names are written: "KQWZPA+LiberationSerif-Bold".
func fontName(family string, st fonts.Style, ttf []byte) string {
	sum := sha256.Sum256(ttf)
	var b strings.Builder
	for _, c := range sum[:6] {
		b.WriteByte('A' + c%26)
	}
	b.WriteByte('+')
	for _, r := range family {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	b.WriteString("-" + st.String())
	return b.String()
}
