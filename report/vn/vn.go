// Package vn writes dates, times, periods, numbering and names the way
// Vietnamese administrative documents write them, and sorts names in
// Vietnamese order.
package vn

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/hoinghi/hoinghi/report/meeting"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Blank is what a document shows for a value not yet known: dots, as the
// official templates print them, for a clerk to fill by hand.
const Blank = "……"

// Day writes a day of the month with the leading zero Decree 30 requires
// below 10: "05", "28".
func Day(d int) string { return fmt.Sprintf("%02d", d) }

// Month writes a month with a leading zero only for January and February,
// as Decree 30 requires: "01", "02", "3" … "12".
func Month(m time.Month) string {
	if m <= 2 {
		return fmt.Sprintf("%02d", int(m))
	}
	return fmt.Sprint(int(m))
}

// Date writes "ngày 28 tháng 7 năm 2023"; a date not known is written with
// blanks.
func Date(t time.Time, known bool) string {
	if !known {
		return "ngày " + Blank + " tháng " + Blank + " năm " + Blank
	}
	return "ngày " + Day(t.Day()) + " tháng " + Month(t.Month()) + " năm " + fmt.Sprint(t.Year())
}

// DateLine writes the địa danh and date line of ô 4:
// "Tuyên Quang, ngày 28 tháng 7 năm 2023".
func DateLine(place string, t time.Time, known bool) string {
	if strings.TrimSpace(place) == "" {
		place = Blank
	}
	return place + ", " + Date(t, known)
}

// Clock writes a time of day as documents do: "08 giờ 00 phút", never
// "08:00".
func Clock(t time.Time) string {
	return fmt.Sprintf("%02d giờ %02d phút", t.Hour(), t.Minute())
}

// Moment writes a meeting time: "08 giờ 00 phút, ngày 28 tháng 7 năm
// 2023", or only the date when no time of day was given.
func Moment(d meeting.DateTime) string {
	t, clock, ok := d.Time()
	switch {
	case !ok:
		return Blank + " giờ " + Blank + ", " + Date(t, false)
	case !clock:
		return Date(t, true)
	}
	return Clock(t) + ", " + Date(t, true)
}

// Period writes a reporting period: "tháng 7 năm 2023", "quý III năm
// 2023", "6 tháng đầu năm 2023", "9 tháng đầu năm 2023", "năm 2023",
// "năm học 2023 - 2024".
func Period(p meeting.Parsed) string {
	switch p.Kind {
	case meeting.Month:
		return fmt.Sprintf("tháng %d năm %d", p.Index, p.Year)
	case meeting.Quarter:
		return fmt.Sprintf("quý %s năm %d", Roman(p.Index), p.Year)
	case meeting.Half:
		if p.Index == 1 {
			return fmt.Sprintf("6 tháng đầu năm %d", p.Year)
		}
		return fmt.Sprintf("6 tháng cuối năm %d", p.Year)
	case meeting.NineMonths:
		return fmt.Sprintf("9 tháng đầu năm %d", p.Year)
	case meeting.Year:
		return fmt.Sprintf("năm %d", p.Year)
	case meeting.SchoolYear:
		return fmt.Sprintf("năm học %d - %d", p.Year, p.Year+1)
	}
	return Blank
}

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
