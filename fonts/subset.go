package fonts

import (
	"encoding/binary"
	"errors"
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

func parseGlyphTables(ttf []byte) (*glyphTables, error) {
	slim, err := Slim(ttf)
	if err != nil {
		return nil, err
	}
	tables, err := readTables(slim)
	if err != nil {
		return nil, err
	}
	hhea, hmtx, loca := tables["hhea"], tables["hmtx"], tables["loca"]
	maxp := tables["maxp"] // Slim has checked head, loca, glyf and maxp
	if len(hhea) < 36 {
		return nil, errors.New("no usable hhea table")
	}
	t := &glyphTables{version: slim[:4], tables: tables, numGlyphs: int(binary.BigEndian.Uint16(maxp[4:]))}
	long := int(binary.BigEndian.Uint16(hhea[34:]))
	if long == 0 || long > t.numGlyphs || len(hmtx) < 4*long+2*(t.numGlyphs-long) {
		return nil, errors.New("no usable hmtx table")
	}
	t.offsets = make([]int, t.numGlyphs+1)
	for i := range t.offsets {
		t.offsets[i] = int(binary.BigEndian.Uint32(loca[4*i:])) // Slim writes long offsets
	}
	t.metrics = make([][2]uint16, t.numGlyphs)
	for i := range t.metrics {
		if i < long {
			t.metrics[i] = [2]uint16{binary.BigEndian.Uint16(hmtx[4*i:]), binary.BigEndian.Uint16(hmtx[4*i+2:])}
		} else {
			t.metrics[i] = [2]uint16{t.metrics[long-1][0], binary.BigEndian.Uint16(hmtx[4*long+2*(i-long):])}
		}
	}
	return t, nil
}

func (t *glyphTables) glyph(i int) []byte { return t.tables["glyf"][t.offsets[i]:t.offsets[i+1]] }

// subset writes a font of the glyphs in keep, each at its own number;
// the glyphs between them are left empty, and the tables a PDF reader
// does not use (character map, names, PostScript and OS/2 data) are
// dropped.
func (t *glyphTables) subset(keep map[uint16]bool) []byte {
	n := 0
	for g := range keep {
		n = max(n, int(g)+1)
	}
	var glyf []byte
	loca, hmtx := make([]byte, 4*(n+1)), make([]byte, 4*n)
	for i := range n {
		binary.BigEndian.PutUint32(loca[4*i:], uint32(len(glyf)))
		if keep[uint16(i)] {
			glyf = append(glyf, t.glyph(i)...) // Slim keeps glyphs four-byte aligned
			binary.BigEndian.PutUint16(hmtx[4*i:], t.metrics[i][0])
			binary.BigEndian.PutUint16(hmtx[4*i+2:], t.metrics[i][1])
		}
	}
	binary.BigEndian.PutUint32(loca[4*n:], uint32(len(glyf)))
	hhea := append([]byte(nil), t.tables["hhea"]...)
	binary.BigEndian.PutUint16(hhea[34:], uint16(n))
	maxp := append([]byte(nil), t.tables["maxp"]...)
	binary.BigEndian.PutUint16(maxp[4:], uint16(n))
	return writeTables(t.version, map[string][]byte{
		"head": t.tables["head"], "hhea": hhea, "maxp": maxp, "hmtx": hmtx, "loca": loca, "glyf": glyf,
	})
}

// components lists the glyphs a composite glyph is built from; a simple
// glyph has none. Slim has checked every glyph's structure.
func components(g []byte) []uint16 {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return nil
	}
	var out []uint16
	eachComponent(g, func(at int, _ uint16) {
		out = append(out, binary.BigEndian.Uint16(g[at+2:]))
	})
	return out
}
