package fonts

import (
	"encoding/binary"
	"errors"
	"strconv"
	"strings"

	"github.com/hoinghi/hoinghi/report/lang"
)

// maxComponentDepth bounds how deep composite glyphs may nest. A letter
// with two tone marks is two levels deep; fonts in use stay below four.
const maxComponentDepth = 8

// check reads the tables a face is measured, slimmed and cut from, and
// refuses at load what would otherwise fail at render or be embedded
// broken: a table outside the file, a missing, empty or truncated glyf,
// loca, hmtx or cmap, a glyph outside glyf or cut short, and composite
// glyphs built from a missing glyph, from themselves or from each other
// in a loop, or nested deeper than maxComponentDepth. ok is false with
// the reason when the font cannot be used.
func check(ttf []byte) (reason lang.Message, ok bool) {
	if len(ttf) < 12 {
		return lang.M("not a font file: %d bytes", len(ttf)), false
	}
	switch string(ttf[:4]) {
	case "\x00\x01\x00\x00", "true":
	case "OTTO":
		return lang.M("an OpenType font with CFF (PostScript) outlines: only TrueType outlines (a glyf table) can be embedded; use the TrueType (.ttf) version of the font"), false
	case "ttcf":
		return lang.M("a font collection (.ttc): use the single font files (.ttf) of the family"), false
	default:
		return lang.M("not a TrueType font file"), false
	}
	tables, err := readTables(ttf)
	if err != nil {
		var le *lang.Error
		errors.As(err, &le)
		return le.Msg, false
	}
	if tables["glyf"] == nil && (tables["CFF "] != nil || tables["CFF2"] != nil) {
		return lang.M("an OpenType font with CFF (PostScript) outlines: only TrueType outlines (a glyf table) can be embedded; use the TrueType (.ttf) version of the font"), false
	}
	for _, tc := range []struct {
		tag  string
		size int
	}{{"head", 54}, {"hhea", 36}, {"maxp", 6}, {"cmap", 4}, {"hmtx", 4}, {"loca", 4}, {"glyf", 10}} {
		t, found := tables[tc.tag]
		switch {
		case !found:
			return lang.M("the font has no %s table", tc.tag), false
		case len(t) == 0:
			return lang.M("the %s table is empty", tc.tag), false
		case len(t) < tc.size:
			return lang.M("the %s table is truncated: %d bytes, at least %d expected", tc.tag, len(t), tc.size), false
		}
	}
	head, hhea, maxp, hmtx, loca, glyf := tables["head"], tables["hhea"], tables["maxp"], tables["hmtx"], tables["loca"], tables["glyf"]
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	if numGlyphs == 0 {
		return lang.M("the font has no glyphs"), false
	}
	metrics := int(binary.BigEndian.Uint16(hhea[34:]))
	if metrics == 0 || metrics > numGlyphs {
		return lang.M("the hhea table counts %d horizontal metrics for %d glyphs", metrics, numGlyphs), false
	}
	if need := 4*metrics + 2*(numGlyphs-metrics); len(hmtx) < need {
		return lang.M("the %s table is truncated: %d bytes, at least %d expected", "hmtx", len(hmtx), need), false
	}
	format := binary.BigEndian.Uint16(head[50:])
	if format > 1 {
		return lang.M("the head table gives an unknown loca format %d", format), false
	}
	offset := func(i int) int {
		if format == 1 {
			return int(binary.BigEndian.Uint32(loca[4*i:]))
		}
		return 2 * int(binary.BigEndian.Uint16(loca[2*i:]))
	}
	if need := (numGlyphs + 1) * (2 + 2*int(format)); len(loca) < need {
		return lang.M("the %s table is truncated: %d bytes, at least %d expected", "loca", len(loca), need), false
	}
	parts := make([][]uint16, numGlyphs)
	for i := range numGlyphs {
		start, end := offset(i), offset(i+1)
		if start > end || end > len(glyf) {
			return lang.M("glyph %s lies outside the glyf table (bytes %d to %d of %d)", strconv.Itoa(i), start, end, len(glyf)), false
		}
		g := glyf[start:end]
		if !wellFormed(g) {
			return lang.M("glyph %s is truncated or damaged", strconv.Itoa(i)), false
		}
		parts[i] = components(g)
		for _, p := range parts[i] {
			if int(p) >= numGlyphs {
				return lang.M("glyph %s is built from glyph %s, which the font lacks (it has %d)", strconv.Itoa(i), strconv.Itoa(int(p)), numGlyphs), false
			}
		}
	}
	return checkComposites(parts)
}

// checkComposites walks the composite glyphs depth first, refusing a
// glyph built from itself, a loop of glyphs and nesting deeper than
// maxComponentDepth. Every glyph is walked once.
func checkComposites(parts [][]uint16) (lang.Message, bool) {
	const (
		unseen = iota
		onPath
		done
	)
	state := make([]byte, len(parts))
	height := make([]int, len(parts)) // levels of nesting below a done glyph
	var path []int
	var walk func(g int) (lang.Message, bool)
	walk = func(g int) (lang.Message, bool) {
		state[g] = onPath
		path = append(path, g)
		for _, p := range parts[g] {
			c := int(p)
			switch state[c] {
			case onPath:
				if c == g {
					return lang.M("glyph %s is built from itself", strconv.Itoa(g)), false
				}
				return lang.M("glyphs %s are built from each other in a loop", loop(path, c)), false
			case unseen:
				if len(path) > maxComponentDepth {
					return lang.M("glyph %s nests composite glyphs more than %d levels deep", strconv.Itoa(path[0]), maxComponentDepth), false
				}
				if m, ok := walk(c); !ok {
					return m, ok
				}
			}
			height[g] = max(height[g], height[c]+1)
			if len(path)-1+height[g] > maxComponentDepth {
				return lang.M("glyph %s nests composite glyphs more than %d levels deep", strconv.Itoa(path[0]), maxComponentDepth), false
			}
		}
		state[g] = done
		path = path[:len(path)-1]
		return lang.Message{}, true
	}
	for g := range parts {
		if state[g] == unseen && len(parts[g]) > 0 {
			if m, ok := walk(g); !ok {
				return m, ok
			}
		}
	}
	return lang.Message{}, true
}

// loop names the glyphs of path from from on, and from again: "5 → 7 → 5".
func loop(path []int, from int) string {
	var b strings.Builder
	for i, g := range path {
		if g == from {
			for _, h := range path[i:] {
				b.WriteString(strconv.Itoa(h) + " → ")
			}
			break
		}
	}
	return b.String() + strconv.Itoa(from)
}

// wellFormed reports whether a glyph description fits in its bytes: an
// empty glyph; a simple glyph whose contour ends rise, and whose
// instructions, flags and coordinates fit; or a composite glyph whose
// component records fit.
func wellFormed(g []byte) bool {
	if len(g) == 0 {
		return true
	}
	if len(g) < 10 {
		return false
	}
	contours := int(int16(binary.BigEndian.Uint16(g)))
	if contours < 0 {
		_, err := eachComponent(g, func(int, uint16) {})
		return err == nil
	}
	at := 10 + 2*contours
	if len(g) < at+2 {
		return false
	}
	points := 0
	for i := range contours {
		end := int(binary.BigEndian.Uint16(g[10+2*i:])) + 1
		if end <= points && i > 0 {
			return false
		}
		points = end
	}
	at += 2 + int(binary.BigEndian.Uint16(g[at:]))
	const (
		xShort, yShort = 0x02, 0x04
		repeat         = 0x08
		xSame, ySame   = 0x10, 0x20
	)
	coords := 0
	for p := 0; p < points; {
		if at >= len(g) {
			return false
		}
		flag := g[at]
		at++
		count := 1
		if flag&repeat != 0 {
			if at >= len(g) {
				return false
			}
			count += int(g[at])
			at++
		}
		size := 0
		for _, axis := range [2][2]byte{{xShort, xSame}, {yShort, ySame}} {
			switch {
			case flag&axis[0] != 0:
				size++
			case flag&axis[1] == 0:
				size += 2
			}
		}
		coords += size * min(count, points-p)
		p += count
	}
	return at+coords <= len(g)
}

// quoteTag prints a table tag for a message, its bytes escaped when they
// are not printable.
func quoteTag(tag []byte) string { return strconv.QuoteToASCII(string(tag)) }
