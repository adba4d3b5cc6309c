package profile

import (
	"errors"
	"maps"
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
// form of hoinghi serve, and returns the profile as Load would read it back.
//
// The form is first made what a clerk meant: text NFC and without spaces
// at either end, blank lines of every list dropped, kinds with nothing in
// them left out. It is then checked as Load checks a file — by decoding
// Encode's bytes as Load decodes a file's — and as the renderer checks a
// profile (Check): each kind it names must have a template, built in or
// in its render.templates folder, and its text must be fit for a
// document. Every problem comes back at once in a diag.List, each naming
// the file and the profile field it is about (issuer.type,
// documents.thong-bao.signer.name, render.sort) but no line, since
// nothing was written. A folder that is missing is created, readable by
// the user only; the file is written atomically, so that a failed save
// leaves an earlier profile as it was.
func Save(path string, f Form) (*Profile, error) {
	data := Encode(normalized(f))
	if len(data) > MaxSize {
		return nil, diag.List{{File: path, Msg: lang.M("the office profile would hold %d bytes, more than the %d allowed: shorten its longest texts", len(data), MaxSize)}}
	}
	p, err := decodeFile(path, data, renderable)
	if err != nil {
		return nil, unplaced(path, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, cannotSave(path, err)
	}
	if why, bad := untrusted(path); bad {
		return nil, diag.List{{File: path, Msg: distrust(path, "", why)}}
	}
	if err := atomic.WriteFile(path, data); err != nil {
		return nil, cannotSave(path, err)
	}
	return p, nil
}

func cannotSave(path string, err error) error {
	return diag.List{{File: path, Msg: lang.M("cannot save the office profile: %s", err.Error()), Err: err}}
}

// renderable is what Check finds in p, for Save: a kind without a
// template, and text unfit for a document. The fonts are the renderer's
// to check, so any character they might draw is allowed.
func renderable(p *Profile, found []diag.Problem) []diag.Problem {
	kinds, ps := templateKinds(p, found)
	var more diag.List
	errors.As(p.Check(meeting.Options{Kinds: kinds}), &more)
	return append(ps, more...)
}

// templateKinds are the kinds p may name: those of the built-in templates
// and of the office's templates folder, merged as the renderer merges
// them. They are nil, and Check takes any kind, when they cannot be
// known: the templates folder has a problem already found, or has one
// now, which is returned.
func templateKinds(p *Profile, found []diag.Problem) ([]string, []diag.Problem) {
	srcs, err := templates.Builtin()
	if err != nil {
		return nil, nil
	}
	if dir := p.data.Render.Templates; dir != "" {
		if slices.ContainsFunc(found, func(q diag.Problem) bool { return q.Path == "render.templates" }) {
			return nil, nil
		}
		own, err := templates.LoadDir(dir)
		if err != nil {
			var ps diag.List
			errors.As(p.Blame("render.templates", err), &ps)
			return nil, ps
		}
		srcs = templates.Merge(srcs, own)
	}
	kinds := make([]string, len(srcs))
	for i, s := range srcs {
		kinds[i] = s.Kind
	}
	return kinds, nil
}

// unplaced drops the lines and columns of the problems in err that are
// in the profile at path: they are places in bytes that were never
// written. Those problems come first, in the order of the file, and the
// problems of other files that they introduce follow — those of a
// template in the folder render.templates names, at their own lines.
func unplaced(path string, err error) error {
	var ps diag.List
	if !errors.As(err, &ps) {
		return err
	}
	out := make(diag.List, 0, len(ps))
	for _, q := range ps {
		if q.File == path {
			q.Line, q.Col = 0, 0
			out = append(out, q)
		}
	}
	for _, q := range ps {
		if q.File != path {
			out = append(out, q)
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
	for _, k := range slices.Sorted(maps.Keys(docs)) {
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
