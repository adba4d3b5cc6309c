// Package lang holds hoinghi's user-facing messages in Vietnamese and
// English.
//
// Messages are keyed by their English text and translated through a
// golang.org/x/text/message catalog, so that a message is written once in
// the code where it is raised and a missing translation falls back to
// English instead of to an opaque key.
package lang

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Tags accepted by --lang.
var (
	Vietnamese = language.Vietnamese
	English    = language.English
)

var cat = catalog.NewBuilder(catalog.Fallback(language.English))

// Register adds Vietnamese translations keyed by their English text. Each
// package that raises messages registers its own, next to the code.
func Register(pairs map[string]string) {
	for en, vi := range pairs {
		if err := cat.SetString(language.Vietnamese, en, vi); err != nil {
			panic(fmt.Sprintf("lang: bad translation of %q: %v", en, err))
		}
		if err := cat.SetString(language.English, en, en); err != nil {
			panic(fmt.Sprintf("lang: bad message %q: %v", en, err))
		}
	}
}

// Parse returns the language of a --lang value: "vi" (the default when
// empty) or "en".
func Parse(s string) (language.Tag, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "vi", "vi-vn":
		return Vietnamese, nil
	case "en", "en-us", "en-gb":
		return English, nil
	}
	return language.Und, fmt.Errorf("unsupported language %q: use vi or en", s)
}

// Printer returns a printer of messages in tag.
func Printer(tag language.Tag) *message.Printer {
	return message.NewPrinter(tag, message.Catalog(cat))
}

// Message is a user-facing message kept untranslated until it is printed,
// so that one error can be shown in either language.
type Message struct {
	Key  string
	Args []any
}

// M makes a Message from its English format and arguments.
func M(key string, args ...any) Message { return Message{Key: key, Args: args} }

// In renders the message in tag.
// Arguments that are themselves Messages are rendered in tag too; text
// arguments are made Safe.
func (m Message) In(tag language.Tag) string {
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		switch v := a.(type) {
		case Message:
			a = v.In(tag)
		case string:
			a = Safe(v)
		}
		args[i] = a
	}
	return Printer(tag).Sprintf(m.Key, args...)
}

// Safe escapes the characters of s that a terminal would obey or hide —
// controls such as ESC and BEL, bidi overrides, zero-width characters —
// as \x1b or \u202e, so that text from an input, quoted in a message,
// cannot recolour, rewrite or reorder what the user reads.
func Safe(s string) string {
	if !strings.ContainsFunc(s, unsafe) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !unsafe(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, "\\x%02x", r)
		default:
			fmt.Fprintf(&b, "\\u%04x", r)
		}
	}
	return b.String()
}

// Hidden reports whether r is a control character or one of the
// characters that draw nothing but change how text reads: zero-width
// spaces and joiners, marks of direction and their overrides and
// isolates, the byte order mark and the other format characters, the
// line and paragraph separators.
func Hidden(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029'
}

// unsafe reports whether Safe escapes r: a Hidden character, or bytes
// that are not UTF-8.
func unsafe(r rune) bool { return Hidden(r) || r == utf8.RuneError }

// String renders the message in English.
func (m Message) String() string { return m.In(English) }

// Error is an error whose message can be shown in either language.
type Error struct{ Msg Message }

// Errorf makes an Error from its English format and arguments.
func Errorf(key string, args ...any) error { return &Error{M(key, args...)} }

// Error renders the message in English.
func (e *Error) Error() string { return e.Msg.String() }

// In renders the message in tag.
func (e *Error) In(tag language.Tag) string { return e.Msg.In(tag) }
