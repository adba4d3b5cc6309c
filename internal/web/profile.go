package web

import (
	"net/http"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/meeting"
	"github.com/hoinghi/hoinghi/report/profile"
)

// profileKinds are the kinds the office form always offers, in the order
// of hoinghi.yaml; a kind of the office's own that the profile already
// has follows them.
var profileKinds = []string{"thong-bao", "bao-cao", "bien-ban"}

// profileData is the office profile page.
type profileData struct {
	Path     string
	Form     profile.Form
	Kinds    []profileKind
	Types    []choice
	Formats  []choice
	Sorts    []choice
	Problems []problemRow
	Error    string
	Saved    bool
	// Exists is whether the profile file was there before this request.
	Exists bool
	// Invalid are the messages of the problems of the form's fields, by
	// the id of the field.
	Invalid map[string]string
	// Other is the profile the working folder's meetings take instead of
	// this one, found beside them or named by --profile.
	Other string
}

// profileKind is the part of the form about one kind of document.
type profileKind struct {
	Kind, Label string
	Doc         profile.Document
	Secretary   bool
}

// lines is a list as a textarea shows it, one item a line.
func lines(items []string) string { return strings.Join(items, "\n") }

func (s *Server) profilePage(w http.ResponseWriter, r *http.Request) {
	path, err := profile.UserFile()
	if err != nil {
		s.fail(w, http.StatusInternalServerError, lang.M("there is no user config folder to keep the office profile in: %s", err.Error()))
		return
	}
	d := profileData{Path: path}
	if p, err := profile.Load(path); err == nil {
		d.Form, d.Exists = p.Form(), true
	} else if !isNotExist(err) {
		d.Exists = true
		s.formProblems(&d, err)
	}
	s.showProfile(w, http.StatusOK, d)
}

func (s *Server) profileSave(w http.ResponseWriter, r *http.Request) {
	path, err := profile.UserFile()
	if err != nil {
		s.fail(w, http.StatusInternalServerError, lang.M("there is no user config folder to keep the office profile in: %s", err.Error()))
		return
	}
	if err := r.ParseForm(); err != nil {
		s.fail(w, http.StatusBadRequest, lang.M("the request cannot be read: %s", err.Error()))
		return
	}
	// What the form does not show — a report's addressees, an annex, the
	// kinds and templates to render — is kept as the profile has it.
	var f profile.Form
	p, err := profile.Load(path)
	if err == nil {
		f = p.Form()
	}
	exists := !isNotExist(err)
	v := r.PostForm
	f.Issuer = meeting.Issuer{Parent: v.Get("issuer.parent"), Name: v.Get("issuer.name"), Code: v.Get("issuer.code"),
		Place: v.Get("issuer.place"), Type: v.Get("issuer.type")}
	if f.Documents == nil {
		f.Documents = map[string]profile.Document{}
	}
	for _, k := range s.formKinds(f) {
		doc := f.Documents[k]
		key := "documents." + k + "."
		doc.Signer = meeting.Signer{Titles: split(v.Get(key + "signer.titles")), Name: v.Get(key + "signer.name")}
		if k == "bien-ban" {
			doc.Secretary = meeting.Signer{Titles: split(v.Get(key + "secretary.titles")), Name: v.Get(key + "secretary.name")}
		}
		doc.Recipients = split(v.Get(key + "recipients"))
		doc.Archive = v.Get(key + "archive")
		f.Documents[k] = doc
	}
	f.Render.Formats = v["render.formats"]
	f.Render.Sort = v.Get("render.sort")
	f.Render.Electronic = v.Get("render.electronic") == "true"
	f.Render.Fonts = v.Get("render.fonts")
	d := profileData{Path: path, Form: f, Exists: exists}
	if _, err := profile.Save(path, f); err != nil {
		s.formProblems(&d, err)
		s.showProfile(w, http.StatusUnprocessableEntity, d)
		return
	}
	d.Saved = true
	s.showProfile(w, http.StatusOK, d)
}

// formProblems shows err on the office form of d: each problem at the
// form's field, named by its label, with a link to it.
func (s *Server) formProblems(d *profileData, err error) {
	if d.Problems = s.problems(d.Path, err); d.Problems == nil {
		d.Error = diag.Text(err, s.opt.Tag)
		return
	}
	d.Invalid = map[string]string{}
	for i, p := range d.Problems {
		id := formID(p.Field)
		if id == "" {
			continue
		}
		d.Problems[i].ID, d.Problems[i].Label = id, fieldName(p.Field, nil).In(s.opt.Tag)
		if m := d.Invalid[id]; m != "" {
			d.Invalid[id] = m + " " + p.Message
		} else {
			d.Invalid[id] = p.Message
		}
	}
}

// split is the lines of a textarea, as Save drops the blank ones.
func split(text string) []string {
	return strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
}

// formKinds are the kinds the form shows for f: the built-in ones, and
// the office's own that f has.
func (s *Server) formKinds(f profile.Form) []string {
	kinds := slices.Clone(profileKinds)
	for k := range f.Documents {
		if !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
		}
	}
	return inOrder(kinds)
}

// inOrder sorts kinds as hoinghi.yaml lists them: the built-in kinds in
// the order of the Decree's forms, then the office's own by name.
func inOrder(kinds []string) []string {
	rank := func(k string) int {
		if i := slices.Index(profileKinds, k); i >= 0 {
			return i
		}
		return len(profileKinds)
	}
	kinds = slices.Clone(kinds)
	slices.SortStableFunc(kinds, func(a, b string) int {
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra - rb
		}
		return strings.Compare(a, b)
	})
	return kinds
}

func (s *Server) showProfile(w http.ResponseWriter, status int, d profileData) {
	tag := s.opt.Tag
	for _, k := range s.formKinds(d.Form) {
		d.Kinds = append(d.Kinds, profileKind{k, kindLabel(k).In(tag), d.Form.Documents[k], k == "bien-ban"})
	}
	d.Types = []choice{{"", lang.M("worked out from the name").In(tag), d.Form.Issuer.Type == ""}}
	for _, c := range meeting.BodyTypes {
		d.Types = append(d.Types, choice{c.Code, c.Text.In(tag) + " (" + c.Code + ")", d.Form.Issuer.Type == c.Code})
	}
	chosen := d.Form.Render.Formats
	if len(chosen) == 0 {
		chosen = defaultFormats
	}
	for _, f := range formats {
		d.Formats = append(d.Formats, choice{f, strings.ToUpper(f), slices.Contains(chosen, f)})
	}
	d.Sorts = []choice{
		{"", lang.M("protocol order, as listed").In(tag), d.Form.Render.Sort == ""},
		{"ten", lang.M("by given name, in Vietnamese order").In(tag), d.Form.Render.Sort == "ten"},
	}
	if other, err := s.profileFor(filepath.Join(s.dir, "hop.yaml")); err == nil && other != "" && other != d.Path {
		d.Other = other
	}
	s.show(w, status, "profile", lang.M("Office profile").In(tag), d)
}
