package fonts

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/go-fonts/liberation/liberationmonobold"
	"github.com/go-fonts/liberation/liberationmonobolditalic"
	"github.com/go-fonts/liberation/liberationmonoitalic"
	"github.com/go-fonts/liberation/liberationmonoregular"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"github.com/hoinghi/hoinghi/internal/testtool/fifo"
	"github.com/hoinghi/hoinghi/report/diag"
)

// The shipped families, each as its four files, in the order of Styles.
var (
	serif = [4][]byte{liberationserifregular.TTF, liberationserifbold.TTF, liberationserifitalic.TTF, liberationserifbolditalic.TTF}
	sans  = [4][]byte{liberationsansregular.TTF, liberationsansbold.TTF, liberationsansitalic.TTF, liberationsansbolditalic.TTF}
	mono  = [4][]byte{liberationmonoregular.TTF, liberationmonobold.TTF, liberationmonoitalic.TTF, liberationmonobolditalic.TTF}
)

// renamed returns a copy of ttf whose names say family instead of from,
// in the Macintosh (one byte) and Windows (UTF-16) records alike; family
// is padded with spaces to the length of from, which names do not keep.
func renamed(t *testing.T, ttf []byte, from, family string) []byte {
	t.Helper()
	family += strings.Repeat(" ", len(from)-len(family))
	utf16be := func(s string) []byte {
		var b []byte
		for _, u := range utf16.Encode([]rune(s)) {
			b = binary.BigEndian.AppendUint16(b, u)
		}
		return b
	}
	out := bytes.ReplaceAll(ttf, []byte(from), []byte(family))
	out = bytes.ReplaceAll(out, utf16be(from), utf16be(family))
	if bytes.Equal(out, ttf) {
		t.Fatalf("no name %q", from)
	}
	return out
}

// os2Set returns a copy of ttf whose OS/2 table has v at offset at: 4 for
// the weight class, 6 for the width class.
func os2Set(t *testing.T, ttf []byte, at int, v uint16) []byte {
	t.Helper()
	out := append([]byte(nil), ttf...)
	os2 := int(binary.BigEndian.Uint32(out[record(t, out, "OS/2")+8:]))
	binary.BigEndian.PutUint16(out[os2+at:], v)
	return out
}

// folder writes files into a new folder and returns it.
func folder(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// family adds the four files of a family to files, named prefix-0.ttf to
// prefix-3.ttf.
func family(files map[string][]byte, prefix string, faces [4][]byte) map[string][]byte {
	for i, ttf := range faces {
		files[prefix+"-"+string(rune('0'+i))+".ttf"] = ttf
	}
	return files
}

// TestLoadDirChooses: LoadDir takes Times New Roman, else the one serif
// family, and never the first family by alphabet; it says which it took
// among several, and --font-family takes another.
func TestLoadDirChooses(t *testing.T) {
	var times [4][]byte
	for i, ttf := range serif {
		times[i] = renamed(t, ttf, "Liberation Serif", "Times New Roman")
	}
	cases := []struct {
		name, family string
		files        map[string][]byte
		want         string // the family taken
		note         string // in the note, "" for none
	}{
		{"the serif family among mono and sans", "", family(family(family(map[string][]byte{}, "a", mono), "b", sans), "c", serif), "Liberation Serif", "holds 3 families (Liberation Mono, Liberation Sans, Liberation Serif): took Liberation Serif; choose another with --font-family NAME"},
		{"Times New Roman before another serif", "", family(family(family(map[string][]byte{}, "a", sans), "b", serif), "c", times), "Times New Roman", "took Times New Roman"},
		{"one family", "", family(map[string][]byte{}, "a", serif), "Liberation Serif", ""},
		{"a family by name", "liberation sans", family(family(map[string][]byte{}, "a", mono), "b", sans), "Liberation Sans", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			set, note, err := LoadDir(folder(t, tc.files), tc.family)
			if err != nil {
				t.Fatal(err)
			}
			if set.Family != tc.want {
				t.Errorf("took %s, want %s", set.Family, tc.want)
			}
			for i, f := range set.Faces {
				if got, _, _, _ := identify(f); got != tc.want {
					t.Errorf("%s face from %s of %s", Styles[i], f.Source, got)
				}
			}
			switch {
			case tc.note == "" && note != nil:
				t.Errorf("note %q, want none", note.String())
			case tc.note != "" && (note == nil || !strings.Contains(note.String(), tc.note)):
				t.Errorf("note %v, want one saying %q", note, tc.note)
			}
		})
	}
}

// TestLoadDirRefuses: a folder LoadDir cannot take a family from is a
// list of problems that says why, then names each font file not used
// and its reason: a CFF font, a damaged glyph, a condensed or semibold
// face, a FIFO or a link to /dev/zero (neither read, so nothing hangs
// or fills the memory), a file over maxFontSize.
func TestLoadDirRefuses(t *testing.T) {
	selfRef := append([]byte(nil), liberationserifbold.TTF...)
	g := compositeGlyphs(t, selfRef, 1)[0]
	buildFrom(t, selfRef, g, g)
	cff := append([]byte("OTTO"), liberationserifbold.TTF[4:]...)
	cases := []struct {
		name, family string
		files        map[string][]byte
		setup        func(t *testing.T, dir string) // more files, made in dir
		want         []string                       // each problem, in part
	}{
		{"no font", "", map[string][]byte{"readme.txt": []byte("x")}, nil, []string{"no usable TrueType font in the folder: expected the four Times New Roman files"}},
		{"a corrupt bold", "", map[string][]byte{"r.ttf": serif[0], "b.ttf": selfRef, "i.ttf": serif[2], "bi.ttf": serif[3]}, nil, []string{
			"the font Liberation Serif lacks the faces Bold", "b.ttf: glyph " + strconv.Itoa(g) + " is built from itself"}},
		{"a CFF bold", "", map[string][]byte{"r.ttf": serif[0], "b.otf": cff, "i.ttf": serif[2], "bi.ttf": serif[3]}, nil, []string{
			"lacks the faces Bold", "b.otf: an OpenType font with CFF (PostScript) outlines"}},
		{"condensed and semibold faces are not Bold", "", map[string][]byte{
			"r.ttf": serif[0], "i.ttf": serif[2], "bi.ttf": serif[3],
			"a-condensed.ttf": os2Set(t, serif[1], 6, 3), "a-semibold.ttf": os2Set(t, serif[1], 4, 600),
			"a-light.ttf": os2Set(t, serif[0], 4, 300), "a-medium.ttf": os2Set(t, serif[0], 4, 500)}, nil,
			[]string{"lacks the faces Bold", "a-condensed.ttf: the face Liberation Serif Bold has the width class 3",
				"a-light.ttf: the face Liberation Serif Regular has the weight 300", "a-medium.ttf: the face Liberation Serif Regular has the weight 500",
				"a-semibold.ttf: the face Liberation Serif Bold has the weight 600"}},
		{"a FIFO", "", map[string][]byte{"r.ttf": serif[0], "i.ttf": serif[2], "bi.ttf": serif[3]}, func(t *testing.T, dir string) {
			fifo.Make(t, filepath.Join(dir, "b.ttf"))
		}, []string{"lacks the faces Bold", "b.ttf: the font file must be an ordinary file, not a named pipe (FIFO)"}},
		{"a link to /dev/zero and a huge file", "", map[string][]byte{"r.ttf": serif[0], "i.ttf": serif[2], "bi.ttf": serif[3]}, func(t *testing.T, dir string) {
			if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.ttf")); err != nil {
				t.Fatal(err)
			}
			// A sparse file, which takes no room on the disk.
			f, err := os.Create(filepath.Join(dir, "huge.ttf"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := f.Truncate(maxFontSize + 1); err != nil {
				t.Fatal(err)
			}
		}, []string{"lacks the faces Bold",
			"huge.ttf: the font file holds 67,108,865 bytes or more, more than the 67,108,864 allowed", "zero.ttf: the font file must be an ordinary file, not a device"}},
		{"several serif families", "", family(family(map[string][]byte{}, "a", serif), "b", renamedAll(t, serif, "Liberation Serif", "Other Serif")), nil, []string{
			"the folder holds several serif families (Liberation Serif, Other Serif) and no Times New Roman: choose one with --font-family NAME"}},
		{"no serif family", "", family(family(map[string][]byte{}, "a", mono), "b", sans), nil, []string{
			"no Times New Roman and no other serif family, only Liberation Mono, Liberation Sans: Decree 30 documents are set in Times New Roman; to use one of these anyway, name it with --font-family NAME"}},
		{"an unknown family", "Times New Roman", family(map[string][]byte{}, "a", serif), nil, []string{"no font family Times New Roman in the folder: it holds Liberation Serif"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := folder(t, tc.files)
			if tc.setup != nil {
				tc.setup(t, dir)
			}
			_, _, err := LoadDir(dir, tc.family)
			var l diag.List
			if !errors.As(err, &l) {
				t.Fatalf("got %v, want a list of problems", err)
			}
			if l[0].File != dir {
				t.Errorf("first problem in %s, want the folder %s", l[0].File, dir)
			}
			text := l.Error()
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("got\n%s\nwant a line with %q", text, w)
				}
			}
			if len(l) != len(tc.want) {
				t.Errorf("got %d problems, want %d:\n%s", len(l), len(tc.want), text)
			}
		})
	}
}

func renamedAll(t *testing.T, faces [4][]byte, from, to string) [4][]byte {
	for i, ttf := range faces {
		faces[i] = renamed(t, ttf, from, to)
	}
	return faces
}

// TestLoadDirSystem: the font folders of Debian's fonts-liberation2 and
// fonts-dejavu-core give their serif family, whose regular and bold are
// never the condensed, light or monospaced faces beside them (make deps
// installs both packages).
func TestLoadDirSystem(t *testing.T) {
	for dir, want := range map[string]string{
		"/usr/share/fonts/truetype/liberation2": "Liberation Serif",
		"/usr/share/fonts/truetype/dejavu":      "DejaVu Serif",
	} {
		if _, err := os.Stat(dir); err != nil {
			t.Fatalf("%s: %v: make deps installs fonts-liberation2 and fonts-dejavu-core", dir, err)
		}
		set, note, err := LoadDir(dir, "")
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		if set.Family != want || note == nil {
			t.Errorf("%s: took %s (note %v), want %s and a note", dir, set.Family, note, want)
		}
		for i, f := range set.Faces {
			if base := filepath.Base(f.Source); strings.Contains(base, "Condensed") || strings.Contains(base, "Light") || strings.Contains(base, "Mono") {
				t.Errorf("%s: %s is %s", dir, Styles[i], base)
			}
		}
	}
}
