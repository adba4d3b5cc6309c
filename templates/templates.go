// Package templates holds hoinghi's built-in document kinds, one file per
// kind, embedded in the binary.
//
// A kind is its template: a front matter names the Decree 30 frame, the
// type name and code, and the default abstract; the rest is the body, in
// Markdown with Go text/template actions. Adding a kind — a KẾ HOẠCH, a
// GIẤY MỜI — is adding a file, not code. The frame itself (header,
// signatures, recipients) is drawn from the meeting data by code, so a
// template can change the wording but not break the layout Decree 30
// prescribes.
package templates

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
)

//go:embed *.md
var builtin embed.FS

// Source is one kind's template, split into front matter and body.
type Source struct {
	// Kind is the file name without ".md": thong-bao, bao-cao, bien-ban.
	Kind string
	// File is where the template came from, for messages.
	File string
	// Front is the front matter.
	Front Front
	// Body is the Markdown body with template actions; BodyLine is the
	// line of the file it starts on, so that errors point into the file.
	Body     string
	BodyLine int
}

// Front is a template's front matter.
type Front struct {
	// Frame is the Phụ lục III form: "1.4" (named document) or "1.9"
	// (minutes).
	Frame string `yaml:"frame"`
	// Name is the type name printed as the title: "THÔNG BÁO".
	Name string `yaml:"name"`
	// Code is the type's abbreviation in the symbol: "TB".
	Code string `yaml:"code"`
	// Abstract is the default trích yếu, itself a template.
	Abstract string `yaml:"abstract"`
	// Description says what the kind is for, in a sentence.
	Description string `yaml:"description"`
}

// Builtin returns the embedded kinds, sorted by kind.
func Builtin() ([]Source, error) { return Load(builtin) }

// Load reads every *.md file at the top of fsys as a kind.
func Load(fsys fs.FS) ([]Source, error) {
	names, err := fs.Glob(fsys, "*.md")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []Source
	for _, name := range names {
		if strings.EqualFold(name, "README.md") {
			continue
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		src, err := Parse(name, data)
		if err != nil {
			return nil, err
		}
		out = append(out, src)
	}
	return out, nil
}

// Parse splits a template file into its front matter and body and checks
// the front matter.
func Parse(file string, data []byte) (Source, error) {
	src := Source{Kind: strings.TrimSuffix(path.Base(file), ".md"), File: file}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	if !strings.HasPrefix(text, "---\n") {
		return src, fmt.Errorf("%s:1:1: expected a front matter between --- lines", file)
	}
	front, body, ok := strings.Cut(text[4:], "\n---\n")
	if !ok {
		return src, fmt.Errorf("%s:1:1: the front matter has no closing --- line", file)
	}
	if err := yaml.UnmarshalWithOptions([]byte(front), &src.Front, yaml.DisallowUnknownField()); err != nil {
		return src, fmt.Errorf("%s: front matter: %s", file, yaml.FormatError(err, false, false))
	}
	src.Body = body
	src.BodyLine = strings.Count(front, "\n") + 3
	switch {
	case src.Front.Frame != "1.4" && src.Front.Frame != "1.9":
		return src, fmt.Errorf("%s: front matter: frame must be \"1.4\" or \"1.9\", got %q", file, src.Front.Frame)
	case strings.TrimSpace(src.Front.Name) == "":
		return src, fmt.Errorf("%s: front matter: missing name (the type name, such as THÔNG BÁO)", file)
	case strings.TrimSpace(src.Front.Code) == "":
		return src, fmt.Errorf("%s: front matter: missing code (the type code, such as TB)", file)
	}
	return src, nil
}

// Kinds lists the kinds of srcs.
func Kinds(srcs []Source) []string {
	kinds := make([]string, len(srcs))
	for i, s := range srcs {
		kinds[i] = s.Kind
	}
	return kinds
}
