package profile

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hoinghi/hoinghi/report/atomic"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/meeting"
	"github.com/hoinghi/hoinghi/templates"
	"golang.org/x/text/unicode/norm"
)

// Save writes the form f as the office profile at path, for the office
// form of hoinghi serve, and returns the profile as Load reads it back.
//
// The form is first made what a clerk meant: text NFC and without spaces
// at either end, blank lines of every list dropped, kinds with nothing in
// them left out. It is then checked as Load checks a file — by decoding
// Encode's bytes as Load decodes a file's — and each kind it names must
// have a template, built in or in its render.templates folder. Problems
// come back as diag.List, each naming the file and the profile field it
// is about (issuer.type, documents.thong-bao.signer.name, render.sort) but
// no line, since nothing was written. A folder that is missing is created,
// readable by the user only; the file is written atomically, so that a
// failed save leaves an earlier profile as it was.
func Save(path string, f Form) (*Profile, error) {
	data := Encode(normalized(f))
	p, err := decodeFile(path, data)
	if err == nil {
		err = knownKinds(p)
	}
	if err != nil {
		return nil, unplaced(path, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, diag.Problem{File: path, Msg: lang.M("cannot save the office profile: %s", err.Error()), Err: err}
	}
	if why, bad := untrusted(path); bad {
		return nil, diag.List{{File: path, Msg: distrust(path, "", why)}}
	}
	if err := atomic.WriteFile(path, data); err != nil {
		return nil, diag.Problem{File: path, Msg: lang.M("cannot save the office profile: %s", err.Error()), Err: err}
	}
	return Load(path)
}

// knownKinds reports a kind of p that has no template: the built-in
// ones and those of the office's templates folder, as the renderer
// merges them.
func knownKinds(p *Profile) error {
	srcs, err := templates.Builtin()
	if err != nil {
		return err
	}
	if dir := p.data.Render.Templates; dir != "" {
		own, err := templates.LoadDir(dir)
		if err != nil {
			return p.Blame("render.templates", err)
		}
		srcs = templates.Merge(srcs, own)
	}
	kinds := make([]string, len(srcs))
	for i, s := range srcs {
		kinds[i] = s.Kind
	}
	return p.Check(meeting.Options{Kinds: kinds})
}

// unplaced drops the lines and columns of the problems in err that are
// in the profile at path: they are places in bytes that were never
// written. A problem in a template keeps its place in that file.
func unplaced(path string, err error) error {
	var ps diag.List
	if !errors.As(err, &ps) {
		return err
	}
	out := slices.Clone(ps)
	for i := range out {
		if out[i].File == path {
			out[i].Line, out[i].Col = 0, 0
		}
	}
	return out
}

// normalized is f as a clerk meant it.
func normalized(f Form) Form {
	is := &f.Issuer
	for _, s := range []*string{&is.Parent, &is.Name, &is.Code, &is.Place, &is.Type} {
		*s = clean(*s)
	}
	docs := f.Documents
	f.Documents = nil
	for _, k := range sortedKeys(docs) {
		d := docs[k]
		d.To = lines(d.To)
		d.Recipients = lines(d.Recipients)
		d.Archive = clean(d.Archive)
		for _, s := range []*meeting.Signer{&d.Signer, &d.Secretary} {
			s.Titles = lines(s.Titles)
			s.Name = clean(s.Name)
		}
		if empty(d) {
			continue
		}
		if f.Documents == nil {
			f.Documents = map[string]Document{}
		}
		f.Documents[clean(k)] = d
	}
	r := &f.Render
	r.Kinds = lines(r.Kinds)
	r.Formats = lines(r.Formats)
	for _, s := range []*string{&r.Sort, &r.Fonts, &r.Templates} {
		*s = clean(*s)
	}
	return f
}

func sortedKeys(m map[string]Document) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// clean is s in NFC without spaces at either end.
func clean(s string) string { return strings.TrimSpace(norm.NFC.String(s)) }

// lines are the items of a list as cleaned, blank ones dropped; nil when
// none is left.
func lines(items []string) []string {
	var out []string
	for _, it := range items {
		if it = clean(it); it != "" {
			out = append(out, it)
		}
	}
	return out
}
