package fonts

import (
	"encoding/binary"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hoinghi/hoinghi/internal/input"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
	"golang.org/x/image/font/sfnt"
)

// Preferred is the family LoadDir takes when a folder holds it.
const Preferred = "Times New Roman"

// maxFontSize bounds a font file LoadDir reads. Times New Roman is under
// a megabyte a face; the largest Vietnamese-capable families are a few
// tens.
const maxFontSize = 64 << 20

// LoadDir loads a family of four faces from the TrueType files of dir —
// typically a clerk's copy of Times New Roman (times.ttf, timesbd.ttf,
// timesi.ttf, timesbi.ttf) — identifying each face by the names inside
// the file (the typographic family and subfamily, name IDs 16 and 17,
// else IDs 1 and 2) and its OS/2 weight and width, never by its file
// name. Condensed, light, semibold, black and other faces are never
// taken for the four.
//
// family, when not empty, names the family to take. Otherwise Times New
// Roman is taken when dir holds it, else the one serif family there
// (monospaced ones do not count); several serif families, or none, are
// an error that lists them and says how to choose. note, when not nil,
// says which family was taken among several and how to choose another.
//
// A refusal is a diag.List: why no family could be taken, then each font
// file that was not used and why (a CFF font, a damaged table, a face
// that is not one of the four).
func LoadDir(dir, family string) (set *Set, note *lang.Message, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, lang.Errorf("cannot read the font folder %s: %s", dir, err.Error())
	}
	families := map[string]*Set{}
	var unused diag.List
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if e.IsDir() || (ext != ".ttf" && ext != ".otf") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		face, why, ok := readFace(path)
		if !ok {
			unused = append(unused, diag.Problem{File: path, Msg: why})
			continue
		}
		name, style, why, ok := identify(face)
		if !ok {
			unused = append(unused, diag.Problem{File: path, Msg: why})
			continue
		}
		s := families[name]
		if s == nil {
			s = &Set{Family: name}
			families[name] = s
		}
		if s.Faces[style] == nil {
			s.Faces[style] = face
		}
	}
	refuse := func(why lang.Message) (*Set, *lang.Message, error) {
		return nil, nil, append(diag.List{{File: dir, Msg: why}}, unused...)
	}
	names := slices.Sorted(maps.Keys(families))
	var full []string
	for _, name := range names {
		if complete(families[name]) {
			full = append(full, name)
		}
	}
	switch {
	case family != "":
		for _, name := range names {
			if strings.EqualFold(name, family) {
				set = families[name]
			}
		}
		if set == nil && len(names) == 0 {
			return refuse(lang.M("no font family %s in the folder: it holds no usable TrueType font", family))
		}
		if set == nil {
			return refuse(lang.M("no font family %s in the folder: it holds %s", family, strings.Join(names, ", ")))
		}
	case families[Preferred] != nil:
		set = families[Preferred]
	default:
		var serif, fullSerif []*Set
		for _, name := range names {
			if s := families[name]; isSerif(s) {
				serif = append(serif, s)
				if complete(s) {
					fullSerif = append(fullSerif, s)
				}
			}
		}
		switch {
		case len(fullSerif) == 1:
			set = fullSerif[0]
		case len(fullSerif) > 1:
			return refuse(lang.M("the folder holds several serif families (%s) and no Times New Roman: choose one with --font-family NAME", familyNames(fullSerif)))
		case len(serif) == 1:
			set = serif[0]
		case len(serif) > 1:
			return refuse(lang.M("the folder holds several serif families (%s), none with all four faces: Regular, Bold, Italic and Bold Italic are needed", familyNames(serif)))
		case len(names) == 0:
			return refuse(lang.M("no usable TrueType font in the folder: expected the four Times New Roman files (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf)"))
		default:
			return refuse(lang.M("the folder holds no Times New Roman and no other serif family, only %s: Decree 30 documents are set in Times New Roman; to use one of these anyway, name it with --font-family NAME", strings.Join(names, ", ")))
		}
	}
	if !complete(set) {
		var missing []string
		for _, s := range Styles {
			if set.Faces[s] == nil {
				missing = append(missing, [...]string{"Regular", "Bold", "Italic", "Bold Italic"}[s])
			}
		}
		return refuse(lang.M("the font %s lacks the faces %s: all four are needed", set.Family, strings.Join(missing, ", ")))
	}
	if family == "" && len(full) > 1 {
		m := lang.M("the font folder %s holds %d families (%s): took %s; choose another with --font-family NAME", dir, len(full), strings.Join(full, ", "), set.Family)
		note = &m
	}
	return set, note, nil
}

// readFace reads and loads the font file at path: a regular file (a
// link to one will do) of at most maxFontSize bytes.
func readFace(path string) (face *Face, why lang.Message, ok bool) {
	ttf, err := input.Read(path, lang.M("the font file"), maxFontSize)
	var ps diag.List
	switch {
	case errors.As(err, &ps):
		return nil, ps[0].Msg, false
	case err != nil:
		return nil, lang.M("cannot read the font: %s", err.Error()), false
	}
	face, err = newFace(ttf, path)
	var p diag.Problem
	if errors.As(err, &p) {
		return nil, p.Msg, false
	}
	return face, lang.Message{}, true
}

func complete(s *Set) bool {
	for _, f := range s.Faces {
		if f == nil {
			return false
		}
	}
	return true
}

func familyNames(sets []*Set) string {
	names := make([]string, len(sets))
	for i, s := range sets {
		names[i] = s.Family
	}
	return strings.Join(names, ", ")
}

// faceWords are the words a subfamily of one of the four faces is made
// of; any other word (Condensed, Light, SemiBold, Medium, Black, Narrow,
// …) makes a face that is not one of them.
var faceWords = map[string]bool{"regular": true, "normal": true, "roman": true, "book": true, "bold": true, "italic": true, "oblique": true}

// identify reads the family and style of a face from its name table,
// preferring the typographic names (IDs 16, 17) that group all the faces
// of a family under one name, and checks them against the OS/2 weight and
// width: Regular and Italic near 400, Bold and Bold Italic near 700, all
// of normal width. why says why a face is not one of the four.
func identify(face *Face) (family string, style Style, why lang.Message, ok bool) {
	var buf sfnt.Buffer
	name := func(ids ...sfnt.NameID) string {
		for _, id := range ids {
			if s, err := face.font.Name(&buf, id); err == nil && strings.TrimSpace(s) != "" {
				return strings.TrimSpace(s)
			}
		}
		return ""
	}
	family = name(sfnt.NameIDTypographicFamily, sfnt.NameIDFamily)
	sub := name(sfnt.NameIDTypographicSubfamily, sfnt.NameIDSubfamily)
	if family == "" {
		return "", 0, lang.M("the font names no family (name IDs 16 and 1 are empty)"), false
	}
	var bold, italic bool
	for _, w := range strings.FieldsFunc(strings.ToLower(sub), func(r rune) bool { return r == ' ' || r == '-' || r == '_' }) {
		if !faceWords[w] {
			return "", 0, lang.M("the face %s %s is not Regular, Bold, Italic or Bold Italic", family, sub), false
		}
		bold = bold || w == "bold"
		italic = italic || w == "italic" || w == "oblique"
	}
	style = Regular
	switch {
	case bold && italic:
		style = BoldItalic
	case bold:
		style = Bold
	case italic:
		style = Italic
	}
	if weight, width, found := face.os2(); found {
		if width != 0 && width != 5 {
			return "", 0, lang.M("the face %s %s has the width class %d (condensed or expanded): only faces of normal width (5) are used", family, sub, width), false
		}
		near := uint16(400)
		if bold {
			near = 700
		}
		if weight <= near-100 || weight >= near+100 {
			return "", 0, lang.M("the face %s %s has the weight %d: Regular and Italic need a weight near 400, Bold and Bold Italic near 700", family, sub, weight), false
		}
	}
	return family, style, lang.Message{}, true
}

// os2 reads a face's weight and width classes from its OS/2 table.
func (f *Face) os2() (weight, width uint16, ok bool) {
	tables, err := readTables(f.TTF)
	if os2 := tables["OS/2"]; err == nil && len(os2) >= 8 {
		return binary.BigEndian.Uint16(os2[4:]), binary.BigEndian.Uint16(os2[6:]), true
	}
	return 0, 0, false
}

// isSerif reports whether a family is a proportional serif one, as the
// PANOSE classification of its regular face (or of its first face) says
// — Latin text with a serif style from cove to triangle, not monospaced —
// or, when PANOSE leaves it open, its IBM family class (an oldstyle,
// transitional, modern, clarendon, slab or freeform serif).
func isSerif(s *Set) bool {
	var face *Face
	for _, f := range s.Faces {
		if f != nil {
			face = f
			break
		}
	}
	if post := face.font.PostTable(); post != nil && post.IsFixedPitch {
		return false
	}
	tables, err := readTables(face.TTF)
	os2 := tables["OS/2"]
	if err != nil || len(os2) < 42 {
		return false
	}
	panose := os2[32:42]
	if panose[0] == 2 && panose[1] >= 2 {
		return panose[1] <= 10 && panose[3] != 9
	}
	switch os2[30] {
	case 1, 2, 3, 4, 5, 7:
		return true
	}
	return false
}
