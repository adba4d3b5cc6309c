// Package templates holds hoinghi's document kinds, one file per kind: the
// built-in ones, embedded in the binary, and an office's own.
//
// A kind is its template: a front matter names the Decree 30 frame, the
// type name and code, and the default abstract; the rest is the body, in
// Markdown with Go text/template actions. Adding a kind — a KẾ HOẠCH, a
// GIẤY MỜI — is adding a file, not code, and an office changes the wording
// of its documents by editing a copy of a built-in file (Export, then
// LoadDir and Merge). The frame itself (header, signatures, recipients) is
// drawn from the meeting data by code, so a template can change the
// wording but not break the layout Decree 30 prescribes. README.md, which
// Export copies next to the templates, explains all this to the clerk who
// edits them.
package templates

import (
	"bytes"
	"embed"
	"errors"
	"github.com/hoinghi/hoinghi/internal/input"
	"github.com/hoinghi/hoinghi/report/diag"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/vn"
)

//go:embed *.md
var builtin embed.FS

// Source is one kind's template, split into front matter and body.
type Source struct {
	// Kind is the file name without ".md": thong-bao, bao-cao, bien-ban.
	Kind string
	// File is where the template came from, for messages: the name of a
	// built-in file, or the path of an office's file on disk.
	File string
	// Builtin tells a kind embedded in hoinghi from an office's own, for
	// listings.
	Builtin bool
	// Text is the whole file as it was read, for showing it.
	Text string
	// Front is the front matter.
	Front Front
	// Body is the Markdown body with template actions; BodyLine is the
	// line of the file it starts on, so that errors point into the file.
	Body     string
	BodyLine int

	// abstract is Front.Abstract as the file writes it, line breaks and
	// indentation included, starting at abstractLine and abstractCol.
	abstract                  string
	abstractLine, abstractCol int
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
	// Abstract is the default trích yếu, itself a template. It is one
	// line: its line breaks and runs of spaces count as single spaces.
	Abstract string `yaml:"abstract"`
	// Description says what the kind is for, in a sentence.
	Description string `yaml:"description"`
}

// Builtin returns the embedded kinds, sorted by kind.
func Builtin() ([]Source, error) {
	srcs, err := Load(builtin)
	for i := range srcs {
		srcs[i].Builtin = true
	}
	return srcs, err
}

// Load reads every *.md file at the top of fsys as a kind, except
// README.md, the guide that Export puts beside the templates.
func Load(fsys fs.FS) ([]Source, error) { return load(fsys, "") }

// LoadDir reads an office's templates: every *.md file of dir, named by
// their paths under dir in messages. A folder without a template is an
// error, since it is more likely a mistyped folder than an intent to use
// the built-in kinds.
func LoadDir(dir string) ([]Source, error) {
	srcs, err := load(os.DirFS(dir), dir)
	if err == nil && len(srcs) == 0 {
		err = diag.Problem{File: dir, Msg: lang.M("no template (.md file) in this folder: `hoinghi templates export %s` writes the built-in ones there to start from", dir)}
	}
	return srcs, err
}

// load reads the templates of fsys, naming each file by its path under
// dir ("" for a file system of its own, such as the embedded one).
func load(fsys fs.FS, dir string) ([]Source, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, diag.Problem{File: dir, Msg: lang.M("cannot read the template folder: %s", cause(err))}
	}
	var out []Source
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".md") || strings.EqualFold(name, "README.md") {
			continue
		}
		file := name
		if dir != "" {
			file = filepath.Join(dir, name)
		}
		data, err := readFile(fsys, name, file, dir == "")
		if err != nil {
			return nil, err
		}
		src, err := Parse(file, data)
		if err != nil {
			return nil, err
		}
		out = append(out, src)
	}
	return out, nil
}

// readFile reads the template name of fsys, named file in messages: an
// embedded one as it is, an office's through input.Read, a regular file of
// at most MaxFile bytes, since a FIFO would block and a device or a huge
// file exhaust the memory.
func readFile(fsys fs.FS, name, file string, embedded bool) ([]byte, error) {
	if embedded {
		return fs.ReadFile(fsys, name)
	}
	data, err := input.Read(file, lang.M("the template"), MaxFile)
	var ps diag.List
	if err != nil && !errors.As(err, &ps) {
		return nil, diag.Problem{File: file, Msg: lang.M("cannot read the template: %s", cause(err))}
	}
	return data, err
}

// cause is the reason of a file system error without the operation and
// path, which the message gives in its own words.
func cause(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// kindName is what a file name must be: the kind is typed in meeting
// files and on the command line, and becomes part of output file names.
var kindName = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Parse splits a template file into its front matter and body and checks
// the front matter. Errors are diag.Problem, at the line and column of the file.
func Parse(file string, data []byte) (Source, error) {
	src := Source{Kind: strings.TrimSuffix(filepath.Base(file), ".md"), File: file, Text: string(data)}
	fail := func(line, col int, msg lang.Message) (Source, error) {
		return src, diag.Problem{File: file, Line: line, Col: col, Msg: msg}
	}
	if !kindName.MatchString(src.Kind) {
		return src, diag.Problem{File: file, Msg: lang.M("the file name is the kind's name in meeting files and commands, so it takes only lower-case letters without accents, digits and hyphens: rename it %s", vn.ASCII(src.Kind)+".md")}
	}
	// Notepad may save UTF-8 with a byte order mark, which is not text.
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		line, col := invalidUTF8(data)
		return fail(line, col, lang.M("the file is not UTF-8 text: save it with the encoding UTF-8"))
	}
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	if strings.TrimRight(lines[0], " \t") != "---" {
		return fail(1, 1, lang.M("expected a front matter between --- lines first"))
	}
	end := slices.IndexFunc(lines[1:], func(l string) bool { return strings.TrimRight(l, " \t") == "---" }) + 1
	if end == 0 {
		return fail(1, 1, lang.M("the front matter has no closing --- line"))
	}
	// The front matter starts on line 2 of the file: a YAML position is
	// one line further down in the file.
	front := []byte(strings.Join(lines[1:end], "\n") + "\n")
	if err := yaml.UnmarshalWithOptions(front, &src.Front, yaml.DisallowUnknownField()); err != nil {
		line, col, msg := 2, 1, lang.M("front matter: %s", err.Error())
		var ye yaml.Error
		if errors.As(err, &ye) {
			if tk := ye.GetToken(); tk != nil && tk.Position != nil {
				line, col = tk.Position.Line+1, tk.Position.Column
			}
			msg = lang.M("front matter: %s", ye.GetMessage())
			var unknown *yaml.UnknownFieldError
			if errors.As(err, &unknown) {
				msg = lang.M("front matter: unknown field %s: expected frame, name, code, abstract or description", unknown.Token.Value)
			}
		}
		return fail(line, col, msg)
	}
	src.Body = strings.Join(lines[end+1:], "\n")
	src.BodyLine = end + 2

	values := frontValues(front)
	at := func(key string) (int, int) {
		if v, ok := values[key]; ok {
			return v.GetToken().Position.Line + 1, v.GetToken().Position.Column
		}
		return 1, 1
	}
	f := src.Front
	switch {
	case strings.TrimSpace(f.Frame) == "":
		return fail(1, 1, lang.M("the front matter lacks frame: \"1.4\" for a document with a type name (Mẫu 1.4) or \"1.9\" for minutes (Mẫu 1.9)"))
	case f.Frame != "1.4" && f.Frame != "1.9":
		line, col := at("frame")
		return fail(line, col, lang.M("frame must be \"1.4\" for a document with a type name (Mẫu 1.4) or \"1.9\" for minutes (Mẫu 1.9), got %s", f.Frame))
	case strings.TrimSpace(f.Name) == "":
		return fail(1, 1, lang.M("the front matter lacks name: the type name, such as THÔNG BÁO"))
	case strings.TrimSpace(f.Code) == "":
		return fail(1, 1, lang.M("the front matter lacks code: the abbreviation of the type name in the document's number, such as TB"))
	case strings.IndexFunc(f.Code, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0:
		line, col := at("code")
		return fail(line, col, lang.M("code takes only letters, as in TB or TTr, got %s", f.Code))
	}
	src.abstract, src.abstractLine, src.abstractCol = placeAbstract(f.Abstract, values["abstract"])
	return src, nil
}

// frontValues returns the top-level values of a front matter that has
// already decoded without error, for their positions.
func frontValues(front []byte) map[string]ast.Node {
	values := map[string]ast.Node{}
	file, err := parser.ParseBytes(front, 0)
	if err != nil || len(file.Docs) == 0 {
		return values
	}
	var pairs []*ast.MappingValueNode
	switch n := file.Docs[0].Body.(type) {
	case *ast.MappingNode:
		pairs = n.Values
	case *ast.MappingValueNode:
		pairs = []*ast.MappingValueNode{n}
	}
	for _, mv := range pairs {
		if tk := mv.Value.GetToken(); tk != nil && tk.Position != nil {
			values[mv.Key.GetToken().Value] = mv.Value
		}
	}
	return values
}

// placeAbstract finds the abstract as the file writes it, and the line
// and column of the file where that text starts, so that errors in it
// point into the file. A block (>- or |) or plain value is taken as
// written, line breaks and indentation included: it differs from the
// decoded value only in white space, which an abstract collapses anyway.
// A quoted value, whose escapes make the written text differ, is placed
// as decoded, at its opening quote. Without a value, the abstract is
// placed at the start of the file.
func placeAbstract(value string, n ast.Node) (text string, line, col int) {
	if n == nil {
		return value, 1, 1
	}
	// YAML positions count from the front matter's first line, line 2 of
	// the file.
	tk := n.GetToken()
	line, col = tk.Position.Line+1, tk.Position.Column
	written := strings.TrimLeft(tk.Origin, " \t\n")
	if block, ok := n.(*ast.LiteralNode); ok {
		// tk is the > or | indicator; the text starts on the next line,
		// indentation included.
		line, col = line+1, 1
		written = block.Value.GetToken().Origin
	}
	if strings.Join(strings.Fields(written), " ") != strings.Join(strings.Fields(value), " ") {
		return value, line, col
	}
	return written, line, col
}

// AbstractText returns the abstract's template text placed where the file
// writes it: after as many line breaks and spaces as come before it in the
// file, so that text/template reports the file's own line and column. The
// extra white space is harmless, as an abstract's white space collapses.
func (s Source) AbstractText() string {
	if s.abstractLine == 0 {
		return s.Front.Abstract
	}
	return strings.Repeat("\n", s.abstractLine-1) + strings.Repeat(" ", s.abstractCol-1) + s.abstract
}

// BodyText returns the body's template text after as many line breaks as
// the front matter takes, so that text/template counts lines as the file
// does. Blank lines before Markdown change nothing.
func (s Source) BodyText() string {
	return strings.Repeat("\n", max(s.BodyLine-1, 0)) + s.Body
}

// invalidUTF8 returns the line and column of the first byte of data that
// is not UTF-8.
func invalidUTF8(data []byte) (line, col int) {
	line, col = 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		switch {
		case r == utf8.RuneError && size <= 1:
			return line, col
		case r == '\n':
			line, col = line+1, 1
		default:
			col++
		}
		data = data[size:]
	}
	return line, col
}

// Merge puts an office's own templates in front of the built-in ones: an
// own template of a built-in kind replaces it, one of a new kind is added.
// Of several templates of one kind the first wins. The result is sorted
// by kind, so that listings and the documents rendered by default do not
// depend on where a kind came from.
func Merge(builtin, own []Source) []Source {
	var out []Source
	seen := map[string]bool{}
	for _, s := range slices.Concat(own, builtin) {
		if !seen[s.Kind] {
			seen[s.Kind] = true
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(a, b Source) int { return strings.Compare(a.Kind, b.Kind) })
	return out
}

// Kinds lists the kinds of srcs.
func Kinds(srcs []Source) []string {
	kinds := make([]string, len(srcs))
	for i, s := range srcs {
		kinds[i] = s.Kind
	}
	return kinds
}

// Lookup returns the template of kind among srcs, for showing it; a file
// name (ke-hoach.md) names its kind too.
func Lookup(srcs []Source, kind string) (Source, error) {
	kind = strings.TrimSuffix(strings.TrimSpace(kind), ".md")
	for _, s := range srcs {
		if s.Kind == kind {
			return s, nil
		}
	}
	return Source{}, diag.Problem{Msg: lang.M("no template of kind %s: expected one of %s", kind, strings.Join(Kinds(srcs), ", "))}
}

// ErrExists is wrapped by the error of Export when a file it would write
// exists already.
var ErrExists = fs.ErrExist

// Export writes the built-in templates and README.md into dir, creating
// it, for an office to edit. It never overwrites a file — an office's
// edited templates are its own work — and writes nothing when one of the
// files exists already.
func Export(dir string) error {
	entries, err := fs.ReadDir(builtin, ".")
	if err != nil {
		return err
	}
	for _, e := range entries {
		path := filepath.Join(dir, e.Name())
		if _, err := os.Lstat(path); err == nil {
			return diag.Problem{File: path, Msg: lang.M("the file exists already: export never overwrites a file, so it wrote nothing; choose a new folder, or move the file away"), Err: ErrExists}
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return diag.Problem{File: dir, Msg: lang.M("cannot create the folder: %s", cause(err))}
	}
	for _, e := range entries {
		data, err := fs.ReadFile(builtin, e.Name())
		if err != nil {
			return err
		}
		if err := create(filepath.Join(dir, e.Name()), data); err != nil {
			return err
		}
	}
	return nil
}

// create writes a new file, failing if it exists, and removes what it
// wrote when the write fails, so that no half file is left to be loaded.
func create(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return diag.Problem{File: path, Msg: lang.M("cannot write the file: %s", cause(err))}
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return diag.Problem{File: path, Msg: lang.M("cannot write the file: %s", cause(err))}
	}
	return nil
}
