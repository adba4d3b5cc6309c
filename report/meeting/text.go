package meeting

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/internal/yamlnode"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/vn"
	"golang.org/x/text/unicode/runenames"
)

// eachString calls f with every string field held in v, settable when v
// is, and its field path.
func eachString(v reflect.Value, path string, f func(path string, s reflect.Value)) {
	switch v.Kind() {
	case reflect.String:
		f(path, v)
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			if !t.Field(i).IsExported() {
				continue
			}
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
			if name == "" {
				// The scalar types keep their text in an untagged field.
				eachString(v.Field(i), path, f)
				continue
			}
			eachString(v.Field(i), yamlnode.Join(path, name), f)
		}
	case reflect.Slice:
		for i := range v.Len() {
			eachString(v.Index(i), path+"["+strconv.Itoa(i)+"]", f)
		}
	}
}

// TextProblems reports what no document may carry in the text s of the
// field at path, once each: characters that are invisible or reorder text
// (a right-to-left override turns "nội dung" around on the page and hides
// what it says), control characters, text typed in a legacy Vietnamese
// encoding, and characters the fonts cannot draw (covers nil accepts them
// all), so that no document shows a box, a silent gap or garbled words in
// their place. The office profile checks its own text with it.
func TextProblems(path, s string, covers func(rune) bool) []diag.Problem {
	var ps []diag.Problem
	bad := func(msg lang.Message) { ps = append(ps, diag.Problem{Path: path, Msg: msg}) }
	hidden, drawn := false, false
	for i, r := range []rune(s) {
		switch {
		case r == '\n' || r == '\t':
		case lang.Hidden(r):
			if !hidden {
				bad(lang.M("character %d is %s, which is invisible or turns text around: delete it (retype the text around it if you cannot see it)", i+1, runeName(r)))
			}
			hidden = true
		case covers != nil && !covers(r):
			if !drawn {
				bad(lang.M("the font cannot draw the character %s", CharName(r)))
			}
			drawn = true
		}
	}
	if enc := vn.Guess(s); enc != vn.Unicode {
		bad(lang.M("this text looks typed in the %s encoding and pasted as Unicode (%s): retype it, or turn the file into Unicode with hoinghi convert --from %s", enc.String(), preview(s), enc.Code()))
	}
	return ps
}

// runeName names a character by its Unicode name: U+202E
// (RIGHT-TO-LEFT OVERRIDE).
func runeName(r rune) string {
	if n := runenames.Name(r); n != "" && !strings.HasPrefix(n, "<") {
		return fmt.Sprintf("U+%04X (%s)", r, n)
	}
	return fmt.Sprintf("U+%04X", r)
}

// preview is the start of s, for a message to quote.
func preview(s string) string {
	const most = 30
	if rs := []rune(s); len(rs) > most {
		return strconv.Quote(string(rs[:most]) + "…")
	}
	return strconv.Quote(s)
}

// fromLegacy decodes the fields of m that are in the legacy encoding l,
// leaving those already in Unicode: a field with a letter only Unicode
// Vietnamese has, such as ơ or ộ.
func fromLegacy(m *Meeting, l vn.Legacy) {
	if l == vn.Unicode {
		return
	}
	eachString(reflect.ValueOf(m).Elem(), "", func(_ string, v reflect.Value) {
		if s := v.String(); !vn.HasUnicodeLetters(s) {
			v.SetString(vn.Decode(s, l))
		}
	})
}
