// Package vn writes numbering and names the way Vietnamese administrative
// documents write them, and sorts names in Vietnamese order. Dates, times
// and periods are package when's.
package vn

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Blank is what a document shows for a value not yet known: dots, as the
// official templates print them, for a clerk to fill by hand.
const Blank = "……"

// Room is the blank an electronic document leaves for n digits that the
// document system writes in at issuance (Decree 30, Điều 15.3): no-break
// spaces, two a digit, since a space is half a digit wide in Times New
// Roman and its metric twins. Nothing is printed there for a signing tool
// to cover.
func Room(digits int) string { return strings.Repeat("\u00a0", 2*digits) }

// Roman writes n (1–3999) in Roman numerals, for mục headings: I, II, IV.
func Roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// letters is the Vietnamese alphabet order used for điểm: a, b, c, d, đ, e
// … with no f, j, w or z.
var letters = []string{"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"}

// Letter returns the i-th (0-based) điểm letter: a, b, c, d, đ, e, g …;
// past y it doubles the letter (aa, bb …) as long lists in practice do.
func Letter(i int) string {
	return strings.Repeat(letters[i%len(letters)], i/len(letters)+1)
}

// ASCII removes diacritics (đ becomes d) and keeps letters and digits,
// joining the rest with single hyphens, for file names that survive any
// file system and any mail program: "Thông báo 05" → "thong-bao-05".
func ASCII(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case unicode.Is(unicode.Mn, r):
			continue
		}
		r = unicode.ToLower(r)
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}

// collators are not safe for concurrent use; a pool gives each goroutine
// its own.
var collators = sync.Pool{New: func() any { return collate.New(language.Vietnamese) }}

// NameKey splits a Vietnamese full name into the keys lists sort by: the
// given name (the last word) first, then the family and middle names.
func NameKey(full string) (given, rest string) {
	words := strings.Fields(full)
	if len(words) == 0 {
		return "", ""
	}
	return words[len(words)-1], strings.Join(words[:len(words)-1], " ")
}

// SortByName sorts s stably as Vietnamese lists order people: by given
// name, then family and middle names, with Vietnamese collation (a < ă <
// â, d < đ, tones after letters) — never byte order, which puts Đ after Z.
// Each name's collation keys are made once, not at every comparison.
func SortByName[T any](s []T, name func(T) string) {
	c := collators.Get().(*collate.Collator)
	defer collators.Put(c)
	type keyed struct {
		given, rest []byte
		v           T
	}
	var buf collate.Buffer
	ks := make([]keyed, len(s))
	for i, v := range s {
		given, rest := NameKey(name(v))
		ks[i] = keyed{c.KeyFromString(&buf, given), c.KeyFromString(&buf, rest), v}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		return cmp.Or(bytes.Compare(a.given, b.given), bytes.Compare(a.rest, b.rest))
	})
	for i, k := range ks {
		s[i] = k.v
	}
}

// oldTones maps the old placement of a tone mark at the end of a word
// ("hoà", "uỷ", "thuý") to the placement most offices now use ("hòa",
// "ủy", "thúy"), so that both spellings compare equal. Only an open
// syllable differs: "hoàn" and "quý" are spelt so either way.
var oldTones = map[string]string{
	"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
	"oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
	"uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}

// Fold makes text comparable as Vietnamese readers compare it: NFC, lower
// case, single spaces, tone marks placed the new way. It is for matching
// only; documents print the text as written.
func Fold(s string) string {
	words := strings.Fields(strings.ToLower(norm.NFC.String(s)))
	for i, w := range words {
		core := strings.TrimRightFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
		rs := []rune(core)
		if len(rs) < 2 {
			continue
		}
		end := string(rs[len(rs)-2:])
		if to, ok := oldTones[end]; ok && !(len(rs) >= 3 && rs[len(rs)-3] == 'q') {
			words[i] = string(rs[:len(rs)-2]) + to + w[len(core):]
		}
	}
	return strings.Join(words, " ")
}

// placeWords are the administrative units whose proper name follows
// them: "xã Tân An", "tỉnh Bắc Kạn". After "các" they are plural and no
// name follows.
var placeWords = map[string]bool{
	"xã": true, "phường": true, "thị trấn": true, "huyện": true, "quận": true, "thị xã": true,
	"thành phố": true, "tỉnh": true, "thôn": true, "bản": true, "ấp": true, "tổ dân phố": true,
}

// partyCommittees are capitalized and, like a place word, followed by a
// proper name: "Huyện ủy Chợ Đồn".
var partyCommittees = map[string]bool{"huyện ủy": true, "tỉnh ủy": true, "thành ủy": true, "quận ủy": true, "thị ủy": true}

// heads name a kind of agency; Phụ lục II of Decree 30 capitalizes the
// first word of the function that follows ("Sở Tài nguyên và Môi
// trường", "Ban Thi đua - Khen thưởng").
var heads = map[string]bool{
	"sở": true, "ban": true, "bộ": true, "vụ": true, "cục": true, "phòng": true, "hội đồng": true,
	"văn phòng": true, "trung tâm": true, "chi cục": true, "tổng cục": true, "viện": true,
	"ban thường vụ": true, "ban chấp hành": true, "thường trực": true, "trường": true,
}

// fixed are compound words written with a capital inside them, or as
// one name with no capital after the first word.
var fixed = map[string]string{
	"ban thường vụ": "Ban Thường vụ", "ban chấp hành": "Ban Chấp hành", "thường trực": "Thường trực",
	"ủy ban nhân dân": "ủy ban nhân dân", "hội đồng nhân dân": "hội đồng nhân dân",
}

// abbreviations keep their capitals in ordinary case. A word of capitals
// without a vowel is one too.
var abbreviations = map[string]bool{
	"UBND": true, "HĐND": true, "MTTQ": true, "TNCS": true, "THCS": true, "THPT": true, "UB": true,
	"BCH": true, "BTV": true, "LHPN": true, "HTX": true, "CCB": true, "TW": true, "TƯ": true, "KT-XH": true,
}

// OrdinaryCase writes an agency's name given in capitals ("ỦY BAN NHÂN
// DÂN XÃ TÂN AN") as a sentence writes it ("Ủy ban nhân dân xã Tân An"),
// by the rules of Phụ lục II of Decree 30: the first word, the function
// after a kind of agency ("Sở Tài nguyên và Môi trường"), proper names
// after an administrative unit, and abbreviations (UBND, THCS) keep
// capitals. It cannot know every proper name, so a file's own spelling
// is always preferred to it.
func OrdinaryCase(caps string) string {
	words := strings.Fields(caps)
	lower := make([]string, len(words))
	for i, w := range words {
		lower[i] = strings.ToLower(w)
	}
	// span returns the longest known compound at i, and its length.
	span := func(i int) (string, int) {
		for n := 4; n >= 2; n-- {
			if i+n <= len(lower) {
				c := strings.Join(lower[i:i+n], " ")
				if placeWords[c] || heads[c] || partyCommittees[c] || fixed[c] != "" {
					return c, n
				}
			}
		}
		return lower[i], 1
	}
	var out []string
	name, capNext, function := false, true, false
	for i := 0; i < len(words); {
		w := lower[i]
		switch {
		case isAbbreviation(words[i]):
			out = append(out, words[i])
			// "Trường THCS" is followed by the school's name.
			name = name || i > 0 && lower[i-1] == "trường"
			capNext = false
			i++
			continue
		case w == "-" || w == "–" || w == "và":
			out = append(out, w)
			capNext = function && !name
			i++
			continue
		}
		sp, n := span(i)
		text := sp
		if f, ok := fixed[sp]; ok {
			text = f
		}
		if capNext || name || partyCommittees[sp] || len(out) == 0 {
			text = Capitalize(text)
		}
		out = append(out, strings.Fields(text)...)
		plural := i > 0 && (lower[i-1] == "các" || lower[i-1] == "những")
		i += n
		switch {
		case placeWords[sp] && !plural || partyCommittees[sp]:
			name, capNext, function = true, false, false
		case heads[sp]:
			capNext, function = true, true
		default:
			capNext = false
			if sp == "các" || sp == "của" {
				function = false
			}
		}
	}
	return strings.Join(out, " ")
}

// isAbbreviation tells an abbreviation such as UBND, HĐND, THCS.
func isAbbreviation(w string) bool {
	if abbreviations[w] {
		return true
	}
	if len([]rune(w)) < 2 || strings.ToUpper(w) != w {
		return false
	}
	for _, r := range norm.NFD.String(strings.ToLower(w)) {
		if strings.ContainsRune("aeiouy", r) {
			return false
		}
	}
	return true
}

// Capitalize writes the first letter of s in upper case, to open a
// sentence: "ngày 28 tháng 7" → "Ngày 28 tháng 7".
func Capitalize(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}
