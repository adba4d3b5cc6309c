package fonts

import (
	"strings"
	"sync"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/text/unicode/norm"
)

// Repertoire is the set of characters Vietnamese administrative documents
// use: ASCII, the Vietnamese letters with every tone mark, and common
// punctuation and signs. Each face is cut down to it once per process, so
// that a document registers and subsets a small font instead of the whole
// face — faster, and a smaller file. A document that needs a character
// outside it is set with the whole face.
var Repertoire = func() string {
	var b strings.Builder
	for r := rune(0x20); r <= 0x7e; r++ {
		b.WriteRune(r)
	}
	for _, v := range "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY" {
		b.WriteRune(v)
		for _, tone := range "\u0300\u0309\u0303\u0301\u0323" {
			b.WriteString(norm.NFC.String(string(v) + string(tone)))
		}
	}
	b.WriteString("đĐ–—‘’“”…•°±×÷§©®€₫№\u00a0«»·")
	return b.String()
}()

var repertoire = func() map[rune]bool {
	m := map[rune]bool{}
	for _, r := range Repertoire {
		m[r] = true
	}
	return m
}()

// InRepertoire reports whether r is in Repertoire.
func InRepertoire(r rune) bool { return repertoire[r] }

// embed holds the forms of a face made for embedding, on first use.
type embed struct {
	once        sync.Once
	whole, part []byte
}

// Embedded returns the face as documents embed it, made once per process:
// without hinting (see Slim), and cut down to Repertoire unless whole is
// asked for. A font that cannot be unhinted (one with CFF outlines) is
// embedded as it is.
func (f *Face) Embedded(whole bool) []byte {
	f.embed.once.Do(func() {
		ttf, err := Slim(f.TTF)
		if err != nil {
			ttf = f.TTF
		}
		f.embed.whole = ttf
		f.embed.part = fpdf.UTF8CutFont(ttf, Repertoire)
	})
	if whole {
		return f.embed.whole
	}
	return f.embed.part
}
