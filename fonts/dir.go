package fonts

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hoinghi/hoinghi/report/lang"
	"golang.org/x/image/font/sfnt"
)

// Preferred is the family LoadDir picks when a folder holds several.
const Preferred = "Times New Roman"

// LoadDir loads a family of four faces from the TrueType files of dir —
// typically a clerk's copy of Times New Roman (times.ttf, timesbd.ttf,
// timesi.ttf, timesbi.ttf) — identifying each face by the names inside
// the file rather than by its file name. When dir holds several complete
// families, Times New Roman wins.
func LoadDir(dir string) (*Set, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, lang.Errorf("cannot read the font folder %s: %s", dir, err.Error())
	}
	families := map[string]*Set{}
	var skipped []string
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if e.IsDir() || (ext != ".ttf" && ext != ".otf") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		ttf, err := os.ReadFile(path)
		if err != nil {
			return nil, lang.Errorf("cannot read the font %s: %s", path, err.Error())
		}
		face, err := newFace(ttf, path)
		if err != nil {
			skipped = append(skipped, err.Error())
			continue
		}
		family, style, ok := identify(face.font)
		if !ok {
			continue
		}
		set := families[family]
		if set == nil {
			set = &Set{Family: family}
			families[family] = set
		}
		if set.Faces[style] == nil {
			set.Faces[style] = face
		}
	}
	if set := families[Preferred]; set != nil && complete(set) {
		return set, nil
	}
	names := make([]string, 0, len(families))
	for name := range families {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if complete(families[name]) {
			return families[name], nil
		}
	}
	if len(names) == 0 {
		msg := lang.M("no TrueType font in %s: expected the four Times New Roman files (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf)", dir)
		if len(skipped) > 0 {
			return nil, errors.Join(&lang.Error{Msg: msg}, errors.New(strings.Join(skipped, "\n")))
		}
		return nil, &lang.Error{Msg: msg}
	}
	set := families[names[0]]
	if families[Preferred] != nil {
		set = families[Preferred]
	}
	var missing []string
	for _, s := range Styles {
		if set.Faces[s] == nil {
			missing = append(missing, [...]string{"Regular", "Bold", "Italic", "Bold Italic"}[s])
		}
	}
	return nil, lang.Errorf("the font %s in %s lacks the faces %s: all four are needed", set.Family, dir, strings.Join(missing, ", "))
}

func complete(s *Set) bool {
	for _, f := range s.Faces {
		if f == nil {
			return false
		}
	}
	return true
}

// identify reads the family and style from the font's name table,
// preferring the typographic names (IDs 16, 17) that group all four faces
// of a family under one name.
func identify(f *sfnt.Font) (family string, style Style, ok bool) {
	var buf sfnt.Buffer
	name := func(ids ...sfnt.NameID) string {
		for _, id := range ids {
			if s, err := f.Name(&buf, id); err == nil && s != "" {
				return s
			}
		}
		return ""
	}
	family = name(sfnt.NameIDTypographicFamily, sfnt.NameIDFamily)
	sub := strings.ToLower(name(sfnt.NameIDTypographicSubfamily, sfnt.NameIDSubfamily))
	if family == "" {
		return "", 0, false
	}
	bold := strings.Contains(sub, "bold")
	italic := strings.Contains(sub, "italic") || strings.Contains(sub, "oblique")
	switch {
	case bold && italic:
		style = BoldItalic
	case bold:
		style = Bold
	case italic:
		style = Italic
	case sub == "regular" || sub == "normal" || sub == "roman" || sub == "book":
		style = Regular
	default:
		// Light, condensed and other faces are not part of the four.
		return "", 0, false
	}
	return family, style, true
}

func init() {
	lang.Register(map[string]string{
		"cannot read the font folder %s: %s": "không đọc được thư mục phông chữ %s: %s",
		"cannot read the font %s: %s":        "không đọc được phông chữ %s: %s",
		"no TrueType font in %s: expected the four Times New Roman files (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf)": "không có phông TrueType trong %s: cần bốn tệp Times New Roman (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf)",
		"the font %s in %s lacks the faces %s: all four are needed":                                                         "phông %s trong %s thiếu các kiểu %s: cần đủ bốn kiểu",
	})
}
