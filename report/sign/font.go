package sign

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/hoinghi/hoinghi/report/lang"
)

// face is an embedded Type0 font of the page (Identity-H), as text
// written with it needs: the two-byte code of each character, from the
// font's /ToUnicode, and the width of each code, from its CID font's /W.
type face struct {
	name   string // the resource name, F1
	ref    int    // the font object
	codes  map[rune]uint16
	widths map[uint16]float64 // thousandths of the size
	dw     float64
}

var (
	reResources   = regexp.MustCompile(`/Resources (\d+) 0 R`)
	reFontDict    = regexp.MustCompile(`/Font <<([^>]*)>>`)
	reFontEntry   = regexp.MustCompile(`/(\w+) (\d+) 0 R`)
	reToUnicode   = regexp.MustCompile(`/ToUnicode (\d+) 0 R`)
	reDescendant  = regexp.MustCompile(`/DescendantFonts \[(\d+) 0 R\]`)
	reDW          = regexp.MustCompile(`/DW (\d+(?:\.\d+)?)`)
	reBfchar      = regexp.MustCompile(`<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4})>`)
	reBfcharBlock = regexp.MustCompile(`(?s)beginbfchar(.*?)endbfchar`)
)

// resources is the /Resources dictionary of a page: its own, or the
// object it refers to.
func (d *doc) resources(page []byte) ([]byte, error) {
	if n := atoi(reResources, page); n != 0 {
		return d.object(n)
	}
	return page, nil
}

// fontRef is the object of the font named name in the font dictionary
// fonts, 0 when it has none.
func fontRef(fonts []byte, name string) int {
	for _, m := range reFontEntry.FindAllSubmatch(fonts, -1) {
		if string(m[1]) == name {
			n, _ := strconv.Atoi(string(m[2]))
			return n
		}
	}
	return 0
}

// face reads the font named name in the page's resources.
func (d *doc) face(page []byte, name string) (*face, error) {
	res, err := d.resources(page)
	if err != nil {
		return nil, err
	}
	fonts := reFontDict.FindSubmatch(res)
	if fonts == nil {
		return nil, damaged(lang.M("no font %s on page 1", name))
	}
	ref := fontRef(fonts[1], name)
	if ref == 0 {
		return nil, damaged(lang.M("no font %s on page 1", name))
	}
	font, err := d.object(ref)
	if err != nil {
		return nil, err
	}
	tu, cid := atoi(reToUnicode, font), atoi(reDescendant, font)
	if tu == 0 || cid == 0 || !bytes.Contains(font, []byte("/Identity-H")) {
		return nil, damaged(lang.M("the font %s is not an embedded Identity-H font with /ToUnicode", name))
	}
	cmap, err := d.stream(tu)
	if err != nil {
		return nil, err
	}
	cidFont, err := d.object(cid)
	if err != nil {
		return nil, err
	}
	f := &face{name: name, ref: ref, codes: map[rune]uint16{}, widths: map[uint16]float64{}, dw: 1000}
	for _, block := range reBfcharBlock.FindAllSubmatch(cmap, -1) {
		for _, m := range reBfchar.FindAllSubmatch(block[1], -1) {
			code, _ := strconv.ParseUint(string(m[1]), 16, 16)
			u, _ := strconv.ParseUint(string(m[2]), 16, 16)
			if r := rune(u); !utf16.IsSurrogate(r) {
				if _, seen := f.codes[r]; !seen {
					f.codes[r] = uint16(code)
				}
			}
		}
	}
	if m := reDW.FindSubmatch(cidFont); m != nil {
		f.dw, _ = strconv.ParseFloat(string(m[1]), 64)
	}
	if err := f.readW(cidFont); err != nil {
		return nil, err
	}
	return f, nil
}

// maxCodes is how many codes a two-byte encoding has: the most the
// ranges of a /W array may cover together.
const maxCodes = 1 << 16

// readW reads a CID font's /W array (PDF 32000-1 §9.7.4.3): "c [w1 w2 …]"
// gives the widths of c, c+1, …; "first last w" one width for a range.
// Ranges that cover more codes together than there are are refused, so
// that a hostile array cannot make the work unbounded.
func (f *face) readW(cidFont []byte) error {
	i := bytes.Index(cidFont, []byte("/W ["))
	if i < 0 {
		return nil
	}
	bad := damaged(lang.M("the font %s has a bad /W array", f.name))
	rest := string(cidFont[i+len("/W ["):])
	end := -1
	for j, depth := 0, 0; j < len(rest); j++ {
		if rest[j] == '[' {
			depth++
		} else if rest[j] == ']' {
			if depth == 0 {
				end = j
				break
			}
			depth--
		}
	}
	if end < 0 {
		return bad
	}
	toks := strings.Fields(strings.NewReplacer("[", " [ ", "]", " ] ").Replace(rest[:end]))
	num := func(s string) (float64, bool) {
		v, err := strconv.ParseFloat(s, 64)
		return v, err == nil && v >= 0 && v <= 0xFFFF*2
	}
	ranged := 0.0
	for len(toks) > 0 {
		first, ok := num(toks[0])
		if !ok || len(toks) < 2 {
			return bad
		}
		if toks[1] == "[" {
			j := 2
			for c := first; j < len(toks) && toks[j] != "]"; j, c = j+1, c+1 {
				w, ok := num(toks[j])
				if !ok || c > 0xFFFF {
					return bad
				}
				f.widths[uint16(c)] = w
			}
			if j == len(toks) {
				return bad
			}
			toks = toks[j+1:]
			continue
		}
		last, ok1 := num(toks[1])
		if len(toks) < 3 {
			return bad
		}
		w, ok2 := num(toks[2])
		ranged += last - first + 1
		if !ok1 || !ok2 || last < first || last > 0xFFFF || ranged > maxCodes {
			return bad
		}
		for c := first; c <= last; c++ {
			f.widths[uint16(c)] = w
		}
		toks = toks[3:]
	}
	return nil
}

// encode writes s as the hex string of its codes in the face, and its
// width at size; missing is the first character the face lacks.
func (f *face) encode(s string, size float64) (hex string, width float64, missing rune, ok bool) {
	var b strings.Builder
	b.WriteByte('<')
	for _, r := range s {
		c, found := f.codes[r]
		if !found {
			return "", 0, r, false
		}
		fmt.Fprintf(&b, "%04X", c)
		w, known := f.widths[c]
		if !known {
			w = f.dw
		}
		width += w * size / 1000
	}
	b.WriteByte('>')
	return b.String(), width, 0, true
}
