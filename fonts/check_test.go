package fonts

import (
	"encoding/binary"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/go-fonts/liberation/liberationserifregular"
	"github.com/hoinghi/hoinghi/report/diag"
	"golang.org/x/image/font/sfnt"
)

// record returns where the directory record of tag begins in ttf.
func record(t *testing.T, ttf []byte, tag string) int {
	t.Helper()
	for i := range int(binary.BigEndian.Uint16(ttf[4:])) {
		if at := 12 + 16*i; string(ttf[at:at+4]) == tag {
			return at
		}
	}
	t.Fatalf("no %s table", tag)
	return 0
}

// glyphAt returns where glyph g begins in ttf.
func glyphAt(t *testing.T, ttf []byte, g int) int {
	t.Helper()
	head := int(binary.BigEndian.Uint32(ttf[record(t, ttf, "head")+8:]))
	loca := int(binary.BigEndian.Uint32(ttf[record(t, ttf, "loca")+8:]))
	glyf := int(binary.BigEndian.Uint32(ttf[record(t, ttf, "glyf")+8:]))
	if binary.BigEndian.Uint16(ttf[head+50:]) == 1 {
		return glyf + int(binary.BigEndian.Uint32(ttf[loca+4*g:]))
	}
	return glyf + 2*int(binary.BigEndian.Uint16(ttf[loca+2*g:]))
}

// compositeGlyphs returns n composite glyphs of ttf, those of "ẬẶẤẦẨẪẮẰẲẴ…"
// — letters with two marks, built from other glyphs.
func compositeGlyphs(t *testing.T, ttf []byte, n int) []int {
	t.Helper()
	f := mustParse(t, ttf)
	var buf sfnt.Buffer
	var out []int
	for _, r := range "ẬẶẤẦẨẪẮẰẲẴậặấầẩẫắằẳẵ" {
		g, err := f.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			t.Fatalf("no glyph for %q", r)
		}
		if at := glyphAt(t, ttf, int(g)); int16(binary.BigEndian.Uint16(ttf[at:])) < 0 && len(out) < n {
			out = append(out, int(g))
		}
	}
	if len(out) < n {
		t.Fatalf("%d composite glyphs, %d wanted", len(out), n)
	}
	return out
}

// buildFrom makes glyph g's first component glyph part.
func buildFrom(t *testing.T, ttf []byte, g, part int) {
	t.Helper()
	binary.BigEndian.PutUint16(ttf[glyphAt(t, ttf, g)+12:], uint16(part))
}

// TestCheck: a face with a damaged table, a glyph outside its table or a
// composite glyph that is built from itself, from a loop or nested too
// deep is refused at load, with the file and the reason — the glyph's
// number when a glyph is at fault — and the shipped faces pass.
func TestCheck(t *testing.T) {
	for _, face := range Default().Faces {
		if why, ok := check(face.TTF); !ok {
			t.Errorf("%s: %s", face.Source, why)
		}
	}
	cases := []struct {
		name string
		edit func(t *testing.T, ttf []byte) []byte
		want string
	}{
		{"self-referencing composite", func(t *testing.T, ttf []byte) []byte {
			g := compositeGlyphs(t, ttf, 1)[0]
			buildFrom(t, ttf, g, g)
			return ttf
		}, "glyph %d is built from itself"},
		{"loop of composites", func(t *testing.T, ttf []byte) []byte {
			c := compositeGlyphs(t, ttf, 2)
			buildFrom(t, ttf, c[0], c[1])
			buildFrom(t, ttf, c[1], c[0])
			return ttf
		}, "glyphs %d → %d → %d are built from each other in a loop"},
		{"composites nested too deep", func(t *testing.T, ttf []byte) []byte {
			c := compositeGlyphs(t, ttf, maxComponentDepth+1)
			for i := range len(c) - 1 {
				buildFrom(t, ttf, c[i], c[i+1])
			}
			return ttf
		}, "glyph %d nests composite glyphs more than 8 levels deep"},
		{"component the font lacks", func(t *testing.T, ttf []byte) []byte {
			buildFrom(t, ttf, compositeGlyphs(t, ttf, 1)[0], 0xfff0)
			return ttf
		}, "glyph %d is built from glyph 65520, which the font lacks"},
		{"zero-length glyf", func(t *testing.T, ttf []byte) []byte {
			binary.BigEndian.PutUint32(ttf[record(t, ttf, "glyf")+12:], 0)
			return ttf
		}, "the glyf table is empty"},
		{"zero-length cmap", func(t *testing.T, ttf []byte) []byte {
			binary.BigEndian.PutUint32(ttf[record(t, ttf, "cmap")+12:], 0)
			return ttf
		}, "the cmap table is empty"},
		{"truncated hmtx", func(t *testing.T, ttf []byte) []byte {
			binary.BigEndian.PutUint32(ttf[record(t, ttf, "hmtx")+12:], 40)
			return ttf
		}, "the hmtx table is truncated: 40 bytes"},
		{"truncated loca", func(t *testing.T, ttf []byte) []byte {
			binary.BigEndian.PutUint32(ttf[record(t, ttf, "loca")+12:], 100)
			return ttf
		}, "the loca table is truncated: 100 bytes"},
		{"glyph outside glyf", func(t *testing.T, ttf []byte) []byte {
			at := record(t, ttf, "glyf")
			binary.BigEndian.PutUint32(ttf[at+12:], binary.BigEndian.Uint32(ttf[at+12:])/2)
			return ttf
		}, "lies outside the glyf table"},
		{"truncated glyph", func(t *testing.T, ttf []byte) []byte {
			// The first contour of "A" (glyph 36) ends at point 60000,
			// beyond the glyph's bytes.
			binary.BigEndian.PutUint16(ttf[glyphAt(t, ttf, 36)+10:], 60000)
			return ttf
		}, "glyph 36 is truncated or damaged"},
		{"table outside the file", func(t *testing.T, ttf []byte) []byte {
			binary.BigEndian.PutUint32(ttf[record(t, ttf, "post")+8:], uint32(len(ttf)))
			return ttf
		}, `the "post" table lies outside the file`},
		{"truncated file", func(t *testing.T, ttf []byte) []byte {
			return ttf[:len(ttf)/2]
		}, "lies outside the file"},
		{"truncated directory", func(t *testing.T, ttf []byte) []byte {
			return ttf[:40]
		}, "the table directory is truncated"},
		{"CFF outlines", func(t *testing.T, ttf []byte) []byte {
			copy(ttf, "OTTO")
			return ttf
		}, "CFF (PostScript) outlines"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ttf := tc.edit(t, append([]byte(nil), liberationserifregular.TTF...))
			want := tc.want
			if strings.Contains(want, "%d") {
				c := compositeGlyphs(t, liberationserifregular.TTF, 2)
				want = strings.NewReplacer("%d → %d → %d", strconv.Itoa(c[0])+" → "+strconv.Itoa(c[1])+" → "+strconv.Itoa(c[0]), "%d", strconv.Itoa(c[0])).Replace(want)
			}
			_, err := newFace(ttf, "hong.ttf")
			var p diag.Problem
			if !errors.As(err, &p) || p.File != "hong.ttf" || !strings.Contains(p.Msg.String(), want) {
				t.Fatalf("got %v, want a problem in hong.ttf saying %q", err, want)
			}
		})
	}
}
