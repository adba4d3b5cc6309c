package fonts

import (
	"errors"
	"fmt"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool/guard"
	"github.com/hoinghi/hoinghi/report/diag"
)

// FuzzLoad loads a font and cuts a subset of every character it has below
// U+0250: a font is either refused with a diag.Problem or loaded, and a
// loaded one is cut without a panic into a subset that reads back. The
// seed corpus in testdata/fuzz/FuzzLoad holds a small font — Liberation
// Serif cut down to the glyphs of "aẬ", with a character map — whole,
// truncated, with an empty glyf table and with its composite glyph built
// from itself.
func FuzzLoad(f *testing.F) {
	f.Fuzz(func(t *testing.T, ttf []byte) {
		guard.Input(t, ttf, func() error { return loadInput(ttf) })
	})
}

// loadInput is one input of FuzzLoad: nil, or what is wrong.
func loadInput(ttf []byte) error {
	face, err := newFace(ttf, "fuzz.ttf")
	if err != nil {
		var p diag.Problem
		if !errors.As(err, &p) || p.File != "fuzz.ttf" {
			return fmt.Errorf("refused with %T %v, want a diag.Problem", err, err)
		}
		return nil
	}
	var runes []rune
	for r := range rune(0x250) {
		if face.Width(r) >= 0 {
			runes = append(runes, r)
		}
	}
	sub, err := face.Subset(runes)
	if err != nil {
		return nil
	}
	if _, err := takeApart(sub.TTF); err != nil {
		return fmt.Errorf("the subset does not read back: %v", err)
	}
	return nil
}
