package fonts

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/norm"
)

// vietnamese holds every Vietnamese letter with every tone mark, and the
// signs documents use.
var vietnamese = func() string {
	var b strings.Builder
	for _, v := range "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY" {
		for _, tone := range []string{"", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"} {
			b.WriteString(norm.NFC.String(string(v) + tone))
		}
	}
	return b.String() + "đĐbcdghklmnpqrstvxBCDGHKLMNPQRSTVX0123456789 .,;:!?()-–“”…/"
}()

// TestSlim: the slimmed faces parse, and every Vietnamese letter has the
// same advance and the same outline as in the
// original, so documents look and measure the same.
func TestSlim(t *testing.T) {
	for _, face := range Default().Faces {
		out, err := Slim(face.TTF)
		if err != nil {
			t.Fatalf("%s: %v", face.Source, err)
		}
		if len(out) > len(face.TTF)*3/4 {
			t.Errorf("%s: %d bytes slimmed from %d: the hinting was not removed", face.Source, len(out), len(face.TTF))
		}
		a, b := face.font, mustParse(t, out)
		var ba, bb sfnt.Buffer
		ppem := fixed.I(1000)
		for _, r := range vietnamese {
			ga, _ := a.GlyphIndex(&ba, r)
			gb, _ := b.GlyphIndex(&bb, r)
			if ga != gb {
				t.Fatalf("%s %q: glyph %d became %d", face.Source, r, ga, gb)
			}
			wa, _ := a.GlyphAdvance(&ba, ga, ppem, font.HintingNone)
			wb, _ := b.GlyphAdvance(&bb, gb, ppem, font.HintingNone)
			sa, errA := a.LoadGlyph(&ba, ga, ppem, nil)
			sb, errB := b.LoadGlyph(&bb, gb, ppem, nil)
			if wa != wb || (errA == nil) != (errB == nil) || len(sa) != len(sb) {
				t.Fatalf("%s %q: advance %v→%v, %d→%d segments (%v, %v)", face.Source, r, wa, wb, len(sa), len(sb), errA, errB)
			}
			for i := range sa {
				if sa[i] != sb[i] {
					t.Fatalf("%s %q: segment %d changed", face.Source, r, i)
				}
			}
		}
	}
}

func mustParse(t *testing.T, ttf []byte) *sfnt.Font {
	t.Helper()
	f, err := sfnt.Parse(ttf)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestSubset: a subset holds the glyphs of its characters and of the
// glyphs they are composed of, renumbered in the order of the face, each
// byte for byte as in the face but for the numbers its parts go by; it
// keeps only the tables a PDF reader needs. A face Slim cannot read is
// cut with its hinting, which must then come along.
func TestSubset(t *testing.T) {
	face := Default().Faces[Regular]
	slim, err := parseGlyphTables(face.TTF)
	if err != nil {
		t.Fatal(err)
	}
	hinted, err := takeApart(face.TTF)
	if err != nil {
		t.Fatal(err)
	}
	var glyphs []uint16
	var buf sfnt.Buffer
	for _, r := range "Nơi nhận: Ậ ậ ẫ" {
		g, err := face.font.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			t.Fatalf("no glyph for %q", r)
		}
		glyphs = append(glyphs, uint16(g))
	}
	for _, tc := range []struct {
		name   string
		from   *glyphTables
		tables string
	}{
		{"slimmed", slim, "glyf head hhea hmtx loca maxp"},
		{"hinted", hinted, "cvt  fpgm glyf head hhea hmtx loca maxp prep"},
	} {
		ttf, number := tc.from.subset(glyphs)
		tables, err := readTables(ttf)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		tags := slices.Sorted(maps.Keys(tables))
		if got := strings.Join(tags, " "); got != tc.tables {
			t.Errorf("%s: tables %q, want %q", tc.name, got, tc.tables)
		}
		got, err := takeApart(ttf)
		if err != nil {
			t.Fatalf("%s: the subset does not read back: %v", tc.name, err)
		}
		if got.numGlyphs != len(number) || number[0] != 0 {
			t.Fatalf("%s: %d glyphs, %d numbered, .notdef is %d", tc.name, got.numGlyphs, len(number), number[0])
		}
		composites := 0
		for old, g := range number {
			sub, orig := got.glyph(int(g)), tc.from.glyph(int(old))
			if got.metrics[g] != tc.from.metrics[old] {
				t.Errorf("%s: glyph %d→%d metrics %v, want %v", tc.name, old, g, got.metrics[g], tc.from.metrics[old])
			}
			parts := components(orig)
			if len(parts) == 0 {
				if !bytes.Equal(bytes.TrimRight(sub, "\x00"), bytes.TrimRight(orig, "\x00")) {
					t.Errorf("%s: glyph %d→%d changed", tc.name, old, g)
				}
				continue
			}
			composites++
			var want []uint16
			for _, p := range parts {
				n, ok := number[p]
				if !ok {
					t.Errorf("%s: glyph %d is built from %d, which the subset lacks", tc.name, old, p)
				}
				want = append(want, n)
			}
			if !slices.Equal(components(sub), want) {
				t.Errorf("%s: glyph %d→%d is built from %v, want %v", tc.name, old, g, components(sub), want)
			}
		}
		if composites == 0 {
			t.Errorf("%s: no composite glyph among %q: the test checks no renumbering", tc.name, "Ậ ậ ẫ")
		}
		if got.numGlyphs > 2*len(glyphs) {
			t.Errorf("%s: %d glyphs for %d characters", tc.name, got.numGlyphs, len(glyphs))
		}
	}
}
