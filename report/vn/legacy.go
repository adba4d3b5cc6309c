package vn

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Legacy is a Vietnamese encoding from before Unicode whose text, typed
// in a font such as .VnTime or VNI-Times and pasted into a UTF-8 file,
// arrives as Latin-1 letters: "Héi nghÞ" for TCVN3, "Hoäi nghò" for VNI.
type Legacy int

// The legacy encodings hoinghi recognizes.
const (
	Unicode Legacy = iota
	TCVN3          // TCVN 5712:1993 (ABC), the .Vn fonts
	VNI            // VNI Windows, the VNI- fonts
)

// String names the encoding as clerks know it.
func (l Legacy) String() string {
	switch l {
	case TCVN3:
		return "TCVN3 (ABC)"
	case VNI:
		return "VNI"
	}
	return "Unicode"
}

// Code is the encoding's name on the command line: tcvn3 or vni.
func (l Legacy) Code() string {
	switch l {
	case TCVN3:
		return "tcvn3"
	case VNI:
		return "vni"
	}
	return "unicode"
}

// ParseLegacy reads the name of a legacy encoding: tcvn3 (or abc) or vni.
func ParseLegacy(s string) (Legacy, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "tcvn3", "tcvn", "abc":
		return TCVN3, true
	case "vni":
		return VNI, true
	}
	return Unicode, false
}

// tcvn3 maps the bytes of TCVN3, read as Latin-1, to the letters they
// stand for. Its capitals with tone marks live in separate fonts that
// reuse these codes, so they decode as small letters.
var tcvn3 = map[rune]rune{
	0xA1: 'Ă', 0xA2: 'Â', 0xA3: 'Ê', 0xA4: 'Ô', 0xA5: 'Ơ', 0xA6: 'Ư', 0xA7: 'Đ',
	0xA8: 'ă', 0xA9: 'â', 0xAA: 'ê', 0xAB: 'ô', 0xAC: 'ơ', 0xAD: 'ư', 0xAE: 'đ',
	0xB5: 'à', 0xB6: 'ả', 0xB7: 'ã', 0xB8: 'á', 0xB9: 'ạ',
	0xBB: 'ằ', 0xBC: 'ẳ', 0xBD: 'ẵ', 0xBE: 'ắ', 0xC6: 'ặ',
	0xC7: 'ầ', 0xC8: 'ẩ', 0xC9: 'ẫ', 0xCA: 'ấ', 0xCB: 'ậ',
	0xCC: 'è', 0xCE: 'ẻ', 0xCF: 'ẽ', 0xD0: 'é', 0xD1: 'ẹ',
	0xD2: 'ề', 0xD3: 'ể', 0xD4: 'ễ', 0xD5: 'ế', 0xD6: 'ệ',
	0xD7: 'ì', 0xD8: 'ỉ', 0xDC: 'ĩ', 0xDD: 'í', 0xDE: 'ị',
	0xDF: 'ò', 0xE1: 'ỏ', 0xE2: 'õ', 0xE3: 'ó', 0xE4: 'ọ',
	0xE5: 'ồ', 0xE6: 'ổ', 0xE7: 'ỗ', 0xE8: 'ố', 0xE9: 'ộ',
	0xEA: 'ờ', 0xEB: 'ở', 0xEC: 'ỡ', 0xED: 'ớ', 0xEE: 'ợ',
	0xEF: 'ù', 0xF1: 'ủ', 0xF2: 'ũ', 0xF3: 'ú', 0xF4: 'ụ',
	0xF5: 'ừ', 0xF6: 'ử', 0xF7: 'ữ', 0xF8: 'ứ', 0xF9: 'ự',
	0xFA: 'ỳ', 0xFB: 'ỷ', 0xFC: 'ỹ', 0xFD: 'ý', 0xFE: 'ỵ',
}

// VNI writes most letters as a base vowel followed by a code for its
// marks: these are the marks, by code, small and capital.
var vniMarks = map[rune]string{
	'ù': "\u0301", 'ø': "\u0300", 'û': "\u0309", 'õ': "\u0303", 'ï': "\u0323",
	'â': "\u0302", 'ê': "\u0306",
	'á': "\u0302\u0301", 'à': "\u0302\u0300", 'å': "\u0302\u0309", 'ã': "\u0302\u0303", 'ä': "\u0302\u0323",
	'é': "\u0306\u0301", 'è': "\u0306\u0300", 'ú': "\u0306\u0309", 'ü': "\u0306\u0303", 'ë': "\u0306\u0323",
}

// vniLetters are VNI's codes for whole letters.
var vniLetters = map[rune]rune{
	'ô': 'ơ', 'Ô': 'Ơ', 'ö': 'ư', 'Ö': 'Ư', 'ñ': 'đ', 'Ñ': 'Đ',
	'æ': 'ỉ', 'Æ': 'Ỉ', 'ó': 'ĩ', 'Ó': 'Ĩ', 'ò': 'ị', 'Ò': 'Ị', 'î': 'ỵ', 'Î': 'Ỵ',
}

// vniMark is the combining marks of r as a VNI mark code, small or capital.
func vniMark(r rune) (string, bool) {
	m, ok := vniMarks[unicode.ToLower(r)]
	return m, ok
}

// Decode turns text of a legacy encoding, as it arrives in a UTF-8 file,
// into Unicode (NFC). Characters the encoding does not use pass through.
func Decode(s string, l Legacy) string {
	out, _ := decode(s, l)
	return out
}

// decode is Decode, also counting the letters that only the legacy
// reading explains: characters that are not Vietnamese letters made into
// ones, and base-and-mark pairs made into one letter.
func decode(s string, l Legacy) (string, int) {
	var b strings.Builder
	n := 0
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch l {
		case TCVN3:
			if v, ok := tcvn3[r]; ok {
				if !IsLetter(r) {
					n++
				}
				r = v
			}
			b.WriteRune(r)
		case VNI:
			if v, ok := vniLetters[r]; ok {
				if !IsLetter(r) || isSpecific(v) {
					n++
				}
				r = v
			}
			letter := string(r)
			for i+1 < len(rs) && isVowel(r) {
				m, ok := vniMark(rs[i+1])
				if !ok {
					break
				}
				composed := []rune(norm.NFC.String(letter + m))
				if len(composed) > 1 {
					break
				}
				if !IsLetter(rs[i+1]) || isSpecific(composed[0]) {
					n++
				}
				i++
				r = composed[0]
				letter = string(r)
			}
			b.WriteString(letter)
		default:
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String()), n
}

// Guess tells whether s looks like legacy-encoded Vietnamese, and which
// encoding: text with none of the letters only Vietnamese uses (ơ, ư, ă,
// đ, ĩ, ũ and the letters with a tone under or over a mark), a character
// only the legacy reading explains — one of ¡…¿ but the guillemets for
// TCVN3; for VNI a mark code after a vowel that Unicode Vietnamese never
// writes there, such as "aù", "oä" or "eá" — and at least two letters that
// the reading turns into Vietnamese ones.
func Guess(s string) Legacy {
	marks := map[Legacy]int{}
	rs := []rune(s)
	if HasUnicodeLetters(s) {
		return Unicode
	}
	for i, r := range rs {
		if _, ok := tcvn3[r]; ok && r >= 0xA1 && r <= 0xBF && r != '«' && r != '»' {
			marks[TCVN3]++
		}
		if _, ok := vniMark(r); ok && i > 0 && isVowel(rs[i-1]) && !unicodePair(rs[i-1], r) {
			marks[VNI]++
		}
	}
	best, most := Unicode, 1
	for _, l := range []Legacy{TCVN3, VNI} {
		if marks[l] == 0 {
			continue
		}
		if _, n := decode(s, l); n > most {
			best, most = l, n
		}
	}
	return best
}

// HasUnicodeLetters reports whether s has a letter that only Unicode
// Vietnamese writes (ơ, ư, ă, đ, ĩ, ũ, ộ, …), which no legacy reading gives.
func HasUnicodeLetters(s string) bool { return strings.ContainsFunc(s, isSpecific) }

// IsLetter reports whether r is a letter of Vietnamese written in Unicode,
// with or without marks.
func IsLetter(r rune) bool {
	if r < 0x80 {
		return unicode.IsLetter(r)
	}
	return strings.ContainsRune("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ", r) || isSpecific(r)
}

// isSpecific reports whether r is a letter that only Vietnamese uses.
func isSpecific(r rune) bool {
	return r >= 0x1EA0 && r <= 0x1EF9 || strings.ContainsRune("ăĂđĐĩĨũŨơƠưƯ", r)
}

// unicodePair reports whether a vowel followed by a letter that is also
// a VNI mark code is a pair of Unicode Vietnamese: hoá, khoẻ, quà, xuân,
// thuê, tiên, chuyên.
func unicodePair(v, r rune) bool {
	follow := map[rune]string{'o': "áàéè", 'u': "áàãâê", 'i': "ê", 'y': "ê"}
	return strings.ContainsRune(follow[unicode.ToLower(v)], unicode.ToLower(r))
}

// isVowel reports whether r can carry a VNI mark code.
func isVowel(r rune) bool {
	return strings.ContainsRune("aeiouyAEIOUYơưƠƯ", r)
}
