package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"

	"github.com/hoinghi/hoinghi/report/lang"
)

// hintTables are the TrueType tables that serve only the hinting of
// glyphs at low screen resolutions: the font program, the control value
// program and table, and the device metrics caches. PDF viewers and
// printers rasterize outlines at their own resolution; half of a
// Liberation glyph's bytes are instructions nobody runs there.
var hintTables = map[string]bool{"fpgm": true, "prep": true, "cvt ": true, "hdmx": true, "LTSH": true, "VDMX": true}

// Slim returns a copy of a TrueType font made for embedding: without
// hinting (the hinting tables dropped and every glyph's instructions
// removed), and with only the Windows naming records that identify the
// font and carry its copyright and license. Outlines, metrics and
// character maps are unchanged, so text looks and measures the same;
// embedded subsets are about half the size.
func Slim(ttf []byte) ([]byte, error) {
	tables, err := readTables(ttf)
	if err != nil {
		return nil, err
	}
	head, loca, glyf, maxp := tables["head"], tables["loca"], tables["glyf"], tables["maxp"]
	if head == nil || loca == nil || glyf == nil || maxp == nil || len(head) < 54 || len(maxp) < 6 {
		return nil, errors.New("not a TrueType font with glyf outlines")
	}
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	long := binary.BigEndian.Uint16(head[50:]) == 1
	offset := func(i int) int {
		if long {
			return int(binary.BigEndian.Uint32(loca[4*i:]))
		}
		return 2 * int(binary.BigEndian.Uint16(loca[2*i:]))
	}
	if need := (numGlyphs + 1) * map[bool]int{true: 4, false: 2}[long]; len(loca) < need {
		return nil, errors.New("the loca table is too short")
	}

	var newGlyf []byte
	newLoca := make([]byte, 4*(numGlyphs+1))
	for i := range numGlyphs {
		binary.BigEndian.PutUint32(newLoca[4*i:], uint32(len(newGlyf)))
		start, end := offset(i), offset(i+1)
		if end < start || end > len(glyf) {
			return nil, fmt.Errorf("glyph %d lies outside the glyf table", i)
		}
		g, err := stripGlyph(glyf[start:end])
		if err != nil {
			return nil, fmt.Errorf("glyph %d: %w", i, err)
		}
		newGlyf = append(newGlyf, g...)
		for len(newGlyf)%4 != 0 {
			newGlyf = append(newGlyf, 0)
		}
	}
	binary.BigEndian.PutUint32(newLoca[4*numGlyphs:], uint32(len(newGlyf)))

	head = append([]byte(nil), head...)
	binary.BigEndian.PutUint16(head[50:], 1) // long loca offsets
	if len(maxp) >= 28 {
		maxp = append([]byte(nil), maxp...)
		binary.BigEndian.PutUint16(maxp[26:], 0) // maxSizeOfInstructions
	}
	tables["head"], tables["loca"], tables["glyf"], tables["maxp"] = head, newLoca, newGlyf, maxp
	for tag := range hintTables {
		delete(tables, tag)
	}
	if name, ok := tables["name"]; ok {
		tables["name"] = trimNames(name)
	}
	return writeTables(ttf[:4], tables), nil
}

// keptNames are the name IDs an embedded font keeps: copyright, family,
// subfamily, unique ID, full name, version, PostScript name, trademark,
// license and license URL. Designer, vendor and description records, and
// the Macintosh copies of every record, are of no use inside a document.
var keptNames = map[uint16]bool{0: true, 1: true, 2: true, 3: true, 4: true, 5: true, 6: true, 7: true, 13: true, 14: true}

// trimNames rebuilds a format 0 name table with the Windows records of
// keptNames only; another table is returned as it is.
func trimNames(name []byte) []byte {
	if len(name) < 6 || binary.BigEndian.Uint16(name) != 0 {
		return name
	}
	count, strings := int(binary.BigEndian.Uint16(name[2:])), int(binary.BigEndian.Uint16(name[4:]))
	if len(name) < 6+12*count || strings > len(name) {
		return name
	}
	var records, data []byte
	kept := 0
	for i := range count {
		rec := name[6+12*i : 18+12*i]
		platform, id := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[6:])
		length, offset := int(binary.BigEndian.Uint16(rec[8:])), int(binary.BigEndian.Uint16(rec[10:]))
		if platform != 3 || !keptNames[id] || strings+offset+length > len(name) {
			continue
		}
		out := append([]byte(nil), rec...)
		binary.BigEndian.PutUint16(out[10:], uint16(len(data)))
		records = append(records, out...)
		data = append(data, name[strings+offset:strings+offset+length]...)
		kept++
	}
	head := make([]byte, 6)
	binary.BigEndian.PutUint16(head[2:], uint16(kept))
	binary.BigEndian.PutUint16(head[4:], uint16(6+len(records)))
	return append(append(head, records...), data...)
}

// stripGlyph removes the instructions of one glyph description.
func stripGlyph(g []byte) ([]byte, error) {
	if len(g) == 0 {
		return nil, nil
	}
	if len(g) < 10 {
		return nil, errors.New("truncated header")
	}
	contours := int(int16(binary.BigEndian.Uint16(g)))
	if contours >= 0 {
		at := 10 + 2*contours
		if len(g) < at+2 {
			return nil, errors.New("truncated contours")
		}
		n := int(binary.BigEndian.Uint16(g[at:]))
		if len(g) < at+2+n {
			return nil, errors.New("truncated instructions")
		}
		out := append([]byte(nil), g[:at]...)
		out = append(out, 0, 0)
		return append(out, g[at+2+n:]...), nil
	}
	// A composite glyph: clear WE_HAVE_INSTRUCTIONS on every component
	// and cut what follows the last one.
	const haveInstructs = 0x0100
	out := append([]byte(nil), g...)
	end, err := eachComponent(out, func(at int, flags uint16) {
		binary.BigEndian.PutUint16(out[at:], flags&^haveInstructs)
	})
	if err != nil {
		return nil, err
	}
	return out[:end], nil
}

// eachComponent calls fn with the offset and flags of every component
// record of a composite glyph, and returns where the last one ends.
func eachComponent(g []byte, fn func(at int, flags uint16)) (int, error) {
	const (
		argWords     = 0x0001
		haveScale    = 0x0008
		moreComps    = 0x0020
		haveXYScale  = 0x0040
		haveTwoByTwo = 0x0080
	)
	at := 10
	for {
		if len(g) < at+4 {
			return 0, errors.New("truncated component")
		}
		flags := binary.BigEndian.Uint16(g[at:])
		fn(at, flags)
		at += 4
		if flags&argWords != 0 {
			at += 4
		} else {
			at += 2
		}
		switch {
		case flags&haveScale != 0:
			at += 2
		case flags&haveXYScale != 0:
			at += 4
		case flags&haveTwoByTwo != 0:
			at += 8
		}
		if flags&moreComps == 0 {
			break
		}
	}
	if at > len(g) {
		return 0, errors.New("truncated component")
	}
	return at, nil
}

// readTables splits a font file into its tables by tag; a damaged
// directory is a *lang.Error saying where.
func readTables(ttf []byte) (map[string][]byte, error) {
	if len(ttf) < 12 {
		return nil, lang.Errorf("not a font file: %d bytes", len(ttf))
	}
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	if len(ttf) < 12+16*n {
		return nil, lang.Errorf("the table directory is truncated: %d tables, %d bytes", n, len(ttf))
	}
	tables := make(map[string][]byte, n)
	for i := range n {
		rec := ttf[12+16*i:]
		off, length := uint64(binary.BigEndian.Uint32(rec[8:])), uint64(binary.BigEndian.Uint32(rec[12:]))
		if off+length > uint64(len(ttf)) {
			return nil, lang.Errorf("the %s table lies outside the file (offset %d, length %d, file %d bytes)", quoteTag(rec[:4]), off, length, len(ttf))
		}
		tables[string(rec[:4])] = ttf[off : off+length]
	}
	return tables, nil
}

// writeTables assembles a font file from its tables, with the directory
// sorted by tag, tables aligned on four bytes, and every checksum —
// including head's whole-file adjustment — computed anew.
func writeTables(version []byte, tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for tag := range tables {
		tags = append(tags, tag)
	}
	sort.Strings(tags)
	n := len(tags)
	entrySelector := 0
	for 1<<(entrySelector+1) <= n {
		entrySelector++
	}
	searchRange := (1 << entrySelector) * 16

	out := make([]byte, 12+16*n)
	copy(out, version)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(searchRange))
	binary.BigEndian.PutUint16(out[8:], uint16(entrySelector))
	binary.BigEndian.PutUint16(out[10:], uint16(n*16-searchRange))
	headAt := -1
	for i, tag := range tags {
		data := tables[tag]
		if tag == "head" {
			data = append([]byte(nil), data...)
			binary.BigEndian.PutUint32(data[8:], 0)
			headAt = len(out)
		}
		rec := out[12+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(data))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(data)))
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if headAt >= 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var word [4]byte
		copy(word[:], b[i:])
		sum += binary.BigEndian.Uint32(word[:])
	}
	return sum
}
