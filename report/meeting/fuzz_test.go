package meeting

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/hoinghi/hoinghi/internal/testtool/guard"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
)

// FuzzParse: whatever bytes a clerk's editor saves, Parse returns a
// meeting or problems — never a panic — and every problem names the file
// and says what was expected in both languages.
func FuzzParse(f *testing.F) {
	samples, _ := filepath.Glob("../../samples/*.yaml")
	for _, s := range samples {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"", "issuer: [a\n", "issuer:\n  name: X\nmeeting:\n  title: T\n  attendees: {a: 1}\n",
		"issuer: &a {name: X}\nmeeting: {title: T, organizer: *a}\n", "{\"issuer\": {\"name\": 5}}",
		"issuer:\n  name: X\nmeeting:\n  title: T\n  start: 2023-02-30\nresults:\n  table: {columns: [a], rows: [[1, 2]]}\n",
		"\xff\xfe", "---\n---\n", "meeting: !!binary aGVsbG8=\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		guard.Input(t, data, func() error { return parseInput(data) })
	})
}

// parseInput is one input of FuzzParse: nil, or what is wrong.
func parseInput(data []byte) error {
	m, err := Parse("hop.yaml", data, Options{Kinds: []string{"thong-bao"}, Covers: func(r rune) bool { return r < 0x2000 }})
	if err == nil {
		if m == nil {
			return errors.New("no meeting and no error")
		}
		return nil
	}
	var ps diag.List
	if !errors.As(err, &ps) || len(ps) == 0 {
		return fmt.Errorf("an invalid file gave %v, not problems", err)
	}
	for _, p := range ps {
		if p.File != "hop.yaml" || p.Msg.Key == "" {
			return fmt.Errorf("a problem without its file or message: %+v", p)
		}
		if s := p.In(lang.English) + p.In(lang.Vietnamese); !utf8.ValidString(s) && utf8.Valid(data) {
			return fmt.Errorf("the message of a UTF-8 file is not UTF-8: %q", s)
		}
	}
	return nil
}
