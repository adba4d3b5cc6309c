package profile

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hoinghi/hoinghi/report/meeting"
)

// Source is where one value of a meeting comes from once a profile is
// applied.
type Source struct {
	// Path is the field in the meeting: issuer.name,
	// documents[0].signer.titles.
	Path string
	// Value is the value as Lines prints it; a list is written [a, b] as
	// in a YAML file.
	Value string
	// File is the meeting file or the profile.
	File string
	// Line and Col are where the profile writes the value; 0 for a value
	// of the meeting file, whose positions stay inside its loader.
	Line, Col int
}

// Sources lists, for each field a profile can supply that has a value,
// which file the value comes from: issuer first, then each document in
// order with its fields in the order of a meeting file.
type Sources []Source

// Lines formats the sources one per line, as "file:line:col: field: value"
// like a problem, so that an editor can jump to the profile line.
func (s Sources) Lines() []string {
	lines := make([]string, len(s))
	for i, src := range s {
		lines[i] = src.String()
	}
	return lines
}

// String is the source as one line of Lines.
func (s Source) String() string {
	loc := s.File
	if s.Line > 0 {
		loc += fmt.Sprintf(":%d:%d", s.Line, s.Col)
	}
	return loc + ": " + s.Path + ": " + s.Value
}

// Apply fills what meeting m, read from the file name, leaves blank with
// what the profile gives, and says where each value came from. The
// meeting's own value wins, field by field: a meeting that names only its
// signer keeps the titles of the profile. Issuer fields come from the
// profile's issuer; each document's from the profile's defaults for its
// kind. A meeting that lists no documents gets one per kind of the
// profile's render.kinds, when it names any; otherwise the renderer's
// built-in choice stands and should start each document from Document.
//
// Apply runs before the meeting is validated, so that a field the
// meeting loader requires, such as issuer.name, may come from the
// profile. Lists are copied, so that no meeting shares one with the
// profile or with another meeting. A nil profile applies nothing and only
// reports the meeting's values.
func (p *Profile) Apply(name string, m *meeting.Meeting) Sources {
	mg := &merger{p: p, meeting: name}
	var is meeting.Issuer
	// A meeting that names another issuing agency is issued by it: none
	// of the office's parent agency, code or place belongs to it.
	if p != nil && (strings.TrimSpace(m.Issuer.Name) == "" || sameText(m.Issuer.Name, p.data.Issuer.Name)) {
		is = p.data.Issuer
	}
	mg.text("issuer.parent", &m.Issuer.Parent, is.Parent, "issuer.parent")
	mg.text("issuer.name", &m.Issuer.Name, is.Name, "issuer.name")
	mg.text("issuer.code", &m.Issuer.Code, is.Code, "issuer.code")
	mg.text("issuer.place", &m.Issuer.Place, is.Place, "issuer.place")
	mg.text("issuer.type", &m.Issuer.Type, is.Type, "issuer.type")

	fromProfile := len(m.Documents) == 0 && p != nil && len(p.data.Render.Kinds) > 0
	if fromProfile {
		for _, k := range p.data.Render.Kinds {
			m.Documents = append(m.Documents, meeting.Document{Kind: k})
		}
	}
	for i := range m.Documents {
		d := &m.Documents[i]
		kind := fmt.Sprintf("documents[%d].kind", i)
		switch {
		case fromProfile:
			mg.profile(kind, d.Kind, fmt.Sprintf("render.kinds[%d]", i))
		case strings.TrimSpace(d.Kind) != "":
			mg.fromMeeting(kind, d.Kind)
		}
		mg.document(fmt.Sprintf("documents[%d].", i), d)
	}
	return mg.sources
}

// merger fills a meeting from a profile and records the sources.
type merger struct {
	p       *Profile
	meeting string
	sources Sources
}

// document fills d, whose fields are at prefix in the meeting, from the
// profile's defaults for its kind.
func (mg *merger) document(prefix string, d *meeting.Document) {
	var def Document
	if mg.p != nil {
		def = mg.p.data.Documents[d.Kind]
	}
	at := "documents." + d.Kind + "."
	mg.list(prefix+"to", &d.To, def.To, at+"to")
	mg.list(prefix+"recipients", &d.Recipients, def.Recipients, at+"recipients")
	mg.text(prefix+"archive", &d.Archive, def.Archive, at+"archive")
	mg.signer(prefix+"signer", &d.Signer, def.Signer, at+"signer")
	mg.signer(prefix+"secretary", &d.Secretary, def.Secretary, at+"secretary")
	// A meeting cannot say annex: false against a profile's true: its
	// false is indistinguishable from leaving the key out.
	switch {
	case d.Annex:
		mg.fromMeeting(prefix+"annex", "true")
	case def.Annex:
		d.Annex = true
		mg.profile(prefix+"annex", "true", at+"annex")
	}
}

// signer fills a signature stack. A meeting that writes the titles writes
// who signs — a deputy signing "KT." instead of the head — so the
// profile's name does not belong under them; a meeting that writes only
// the name keeps the office's titles for the new holder of the post.
func (mg *merger) signer(path string, s *meeting.Signer, def meeting.Signer, at string) {
	if len(s.Titles) > 0 {
		def = meeting.Signer{}
	}
	mg.list(path+".titles", &s.Titles, def.Titles, at+".titles")
	mg.text(path+".name", &s.Name, def.Name, at+".name")
}

// sameText compares two names as a clerk would: case and spacing aside.
func sameText(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// text fills a blank *v with def, which the profile writes at at. Blank
// text counts as not given, as everywhere in a meeting file.
func (mg *merger) text(path string, v *string, def, at string) {
	switch {
	case strings.TrimSpace(*v) != "":
		mg.fromMeeting(path, *v)
	case strings.TrimSpace(def) != "":
		*v = def
		mg.profile(path, def, at)
	}
}

// list fills an empty *v with a copy of def, which the profile writes at
// at.
func (mg *merger) list(path string, v *[]string, def []string, at string) {
	switch {
	case len(*v) > 0:
		mg.fromMeeting(path, flow(*v))
	case len(def) > 0:
		*v = slices.Clone(def)
		mg.profile(path, flow(def), at)
	}
}

func (mg *merger) fromMeeting(path, value string) {
	mg.sources = append(mg.sources, Source{Path: path, Value: value, File: mg.meeting})
}

func (mg *merger) profile(path, value, at string) {
	pos := mg.p.pos[at]
	mg.sources = append(mg.sources, Source{Path: path, Value: value, File: mg.p.Path, Line: pos.Line, Col: pos.Col})
}

// flow writes a list as YAML's flow style does, as a clerk wrote it.
func flow(items []string) string {
	return "[" + strings.Join(items, ", ") + "]"
}
