package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"slices"
)

// glyphTables is a slimmed face taken apart for cutting subsets from it.
type glyphTables struct {
	version   []byte
	tables    map[string][]byte
	numGlyphs int
	offsets   []int       // where each glyph begins in glyf, and where the last ends
	metrics   [][2]uint16 // each glyph's advance and left side bearing
}

// tables slims the face and takes it apart, once.
func (f *Face) tables() (*glyphTables, error) {
	f.slim.once.Do(func() {
		f.slim.t, f.slim.err = parseGlyphTables(f.TTF)
		if f.slim.err != nil {
			f.slim.err = errors.New(f.Source + ": cannot be cut for embedding: " + f.slim.err.Error())
		}
	})
	return f.slim.t, f.slim.err
}

// parseGlyphTables takes a face apart, slimmed when Slim can read it; a
// face it cannot is cut with its hinting.
func parseGlyphTables(ttf []byte) (*glyphTables, error) {
	if slim, err := Slim(ttf); err == nil {
		ttf = slim
	}
	return takeApart(ttf)
}

func takeApart(ttf []byte) (*glyphTables, error) {
	tables, err := readTables(ttf)
	if err != nil {
		return nil, err
	}
	head, hhea, hmtx, loca, glyf, maxp := tables["head"], tables["hhea"], tables["hmtx"], tables["loca"], tables["glyf"], tables["maxp"]
	if len(head) < 54 || len(maxp) < 6 || glyf == nil {
		return nil, errors.New("not a TrueType font with glyf outlines")
	}
	if len(hhea) < 36 {
		return nil, errors.New("no usable hhea table")
	}
	t := &glyphTables{version: ttf[:4], tables: tables, numGlyphs: int(binary.BigEndian.Uint16(maxp[4:]))}
	metrics := int(binary.BigEndian.Uint16(hhea[34:]))
	if metrics == 0 || metrics > t.numGlyphs || len(hmtx) < 4*metrics+2*(t.numGlyphs-metrics) {
		return nil, errors.New("no usable hmtx table")
	}
	long := binary.BigEndian.Uint16(head[50:]) == 1 // Slim writes long offsets
	if need := (t.numGlyphs + 1) * map[bool]int{true: 4, false: 2}[long]; len(loca) < need {
		return nil, errors.New("the loca table is too short")
	}
	t.offsets = make([]int, t.numGlyphs+1)
	for i := range t.offsets {
		if long {
			t.offsets[i] = int(binary.BigEndian.Uint32(loca[4*i:]))
		} else {
			t.offsets[i] = 2 * int(binary.BigEndian.Uint16(loca[2*i:]))
		}
		if t.offsets[i] > len(glyf) || i > 0 && t.offsets[i] < t.offsets[i-1] {
			return nil, fmt.Errorf("glyph %d lies outside the glyf table", i)
		}
	}
	t.metrics = make([][2]uint16, t.numGlyphs)
	for i := range t.metrics {
		if i < metrics {
			t.metrics[i] = [2]uint16{binary.BigEndian.Uint16(hmtx[4*i:]), binary.BigEndian.Uint16(hmtx[4*i+2:])}
		} else {
			t.metrics[i] = [2]uint16{t.metrics[metrics-1][0], binary.BigEndian.Uint16(hmtx[4*metrics+2*(i-metrics):])}
		}
	}
	return t, nil
}

func (t *glyphTables) glyph(i int) []byte { return t.tables["glyf"][t.offsets[i]:t.offsets[i+1]] }

// subset writes a font of glyphs, the glyphs they are composed of and
// the missing-glyph box, and returns it with the number each glyph of the
// face has in it: the glyphs keep their order, numbered from 0, and the
// composite ones refer to their parts by the new numbers. The tables a
// PDF reader does not use (character map, names, PostScript and OS/2
// data) are dropped; the hinting tables stay when the face still has
// them.
func (t *glyphTables) subset(glyphs []uint16) ([]byte, map[uint16]uint16) {
	keep := map[uint16]bool{}
	for todo := append([]uint16{0}, glyphs...); len(todo) > 0; {
		g := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if !keep[g] && int(g) < t.numGlyphs {
			keep[g] = true
			todo = append(todo, components(t.glyph(int(g)))...)
		}
	}
	old := slices.Sorted(maps.Keys(keep))
	number := make(map[uint16]uint16, len(old))
	for i, g := range old {
		number[g] = uint16(i)
	}

	n := len(old)
	var glyf []byte
	loca, hmtx := make([]byte, 4*(n+1)), make([]byte, 4*n)
	for i, g := range old {
		binary.BigEndian.PutUint32(loca[4*i:], uint32(len(glyf)))
		at := len(glyf)
		glyf = append(glyf, t.glyph(int(g))...)
		if parts := glyf[at:]; composite(parts) {
			eachComponent(parts, func(c int, _ uint16) {
				binary.BigEndian.PutUint16(parts[c+2:], number[binary.BigEndian.Uint16(parts[c+2:])])
			})
		}
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
		binary.BigEndian.PutUint16(hmtx[4*i:], t.metrics[g][0])
		binary.BigEndian.PutUint16(hmtx[4*i+2:], t.metrics[g][1])
	}
	binary.BigEndian.PutUint32(loca[4*n:], uint32(len(glyf)))
	hhea := append([]byte(nil), t.tables["hhea"]...)
	binary.BigEndian.PutUint16(hhea[34:], uint16(n))
	maxp := append([]byte(nil), t.tables["maxp"]...)
	binary.BigEndian.PutUint16(maxp[4:], uint16(n))
	head := append([]byte(nil), t.tables["head"]...)
	binary.BigEndian.PutUint16(head[50:], 1) // long loca offsets
	out := map[string][]byte{"head": head, "hhea": hhea, "maxp": maxp, "hmtx": hmtx, "loca": loca, "glyf": glyf}
	for _, tag := range []string{"fpgm", "prep", "cvt "} { // hinting that does not count glyphs
		if data, ok := t.tables[tag]; ok {
			out[tag] = data
		}
	}
	return writeTables(t.version, out), number
}

// components lists the glyphs a composite glyph is built from; a simple
// glyph has none. Slim has checked every glyph's structure.
func components(g []byte) []uint16 {
	if !composite(g) {
		return nil
	}
	var out []uint16
	eachComponent(g, func(at int, _ uint16) {
		out = append(out, binary.BigEndian.Uint16(g[at+2:]))
	})
	return out
}

// composite reports whether g is a composite glyph: one with a negative
// number of contours.
func composite(g []byte) bool { return len(g) >= 10 && int16(binary.BigEndian.Uint16(g)) < 0 }
