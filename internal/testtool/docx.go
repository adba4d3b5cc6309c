package testtool

import (
	"archive/zip"
	_ "embed"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The readers of Word documents: python-docx, the Open XML SDK's
// validator, xmllint, and LibreOffice Writer (through Soffice).

//go:embed docxread.py
var docxRead string

//go:embed validate.mjs
var validateScript string

// debianPython is the interpreter Debian's python3-docx is installed for:
// a pyenv or virtualenv python3 earlier on PATH does not see it.
const debianPython = "/usr/bin/python3"

// Docx is what python-docx reads of a Word document. Lengths are in
// millimetres, sizes and spacing in points; a style's values are those it
// has or inherits from the styles it is based on and the document
// defaults.
type Docx struct {
	Core struct {
		Title, Author, Subject, Keywords, Language string
		Created, Modified                          string
	}
	Defaults struct {
		Fonts map[string]string
		Lang  string
		Size  float64
	}
	Styles     []DocxStyle
	Sections   []DocxSection
	Paragraphs []DocxParagraph
	Tables     []DocxTable
}

// DocxStyle is a style with the values it has or inherits.
type DocxStyle struct {
	ID, Name, Type  string
	BasedOn         string `json:"based_on"`
	Fonts           map[string]string
	Lang            string
	Size            float64
	Bold            *bool
	Alignment       string
	FirstLineIndent *float64 `json:"first_line_indent"`
	SpaceBefore     *float64 `json:"space_before"`
	OutlineLevel    string   `json:"outline_level"`
	KeepNext        *bool    `json:"keep_next"`
}

// DocxSection is a section's page, margins and headers; a nil header is
// linked to the previous section's.
type DocxSection struct {
	PageWidth      float64 `json:"page_width"`
	PageHeight     float64 `json:"page_height"`
	Orientation    string
	Top, Bottom    float64
	Left, Right    float64
	HeaderDistance float64 `json:"header_distance"`
	StartType      string  `json:"start_type"`
	TitlePg        bool    `json:"title_pg"`
	PageStart      string  `json:"page_start"`
	Header         *DocxHeader
	FirstHeader    *DocxHeader `json:"first_header"`
}

// DocxHeader is a header part: its text, the codes of its fields
// ("PAGE"), its paragraphs' alignments and its count of tables.
type DocxHeader struct {
	Text       string
	Fields     []string
	Alignments []string
	Tables     int
}

// DocxParagraph is a paragraph of the body, outside tables.
type DocxParagraph struct {
	Text            string
	Style           string
	Alignment       string
	OutlineLevel    string `json:"outline_level"`
	KeepNext        *bool  `json:"keep_next"`
	PageBreakBefore *bool  `json:"page_break_before"`
}

// DocxTable is a table of the body: its style, its borders (side → w:val),
// its grid's column widths and its rows.
type DocxTable struct {
	Style   string
	Borders map[string]string
	Widths  []float64
	Rows    []struct {
		Cells     []string
		Header    bool
		CantSplit bool `json:"cant_split"`
	}
}

// Style returns the style named name, or fails the test.
func (d *Docx) Style(t testing.TB, name string) DocxStyle {
	t.Helper()
	for _, s := range d.Styles {
		if s.Name == name {
			return s
		}
	}
	t.Fatalf("no style %q", name)
	return DocxStyle{}
}

// ReadDocx reads each file with python-docx, in one run of Python.
func ReadDocx(t testing.TB, files ...string) map[string]*Docx {
	t.Helper()
	if _, err := os.Stat(debianPython); err != nil {
		t.Fatalf("%s not found: run `make test`, which installs python3-docx", debianPython)
	}
	cmd := exec.Command(debianPython, append([]string{"-c", docxRead}, files...)...)
	out, err := cmd.Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		if strings.Contains(msg, "No module named 'docx'") {
			t.Fatalf("python-docx not found: run `make test`, which installs python3-docx")
		}
		t.Fatalf("python-docx: %v\n%s", err, msg)
	}
	docs := map[string]*Docx{}
	if err := json.Unmarshal(out, &docs); err != nil {
		t.Fatalf("reading what python-docx printed: %v\n%s", err, out)
	}
	return docs
}

// SchemaProblem is what the Open XML SDK's validator says of a part.
type SchemaProblem struct {
	Description string
	ID          string
	Path        struct {
		XPath   string
		PartURI string `json:"partUri"`
	}
}

// ValidateDocx validates each file with the Open XML SDK's validator
// (the npm package @ooxml-tools/validate) against the schemas of Office
// version ("Office2007", "Microsoft365"), in one run of Node, and returns
// the problems of each file.
func ValidateDocx(t testing.TB, version string, files ...string) map[string][]SchemaProblem {
	t.Helper()
	node := Path(t, "node")
	root, err := exec.Command(Path(t, "npm"), "root", "-g").Output()
	if err != nil {
		t.Fatalf("npm root -g: %v", err)
	}
	module := filepath.Join(strings.TrimSpace(string(root)), "@ooxml-tools", "validate", "dist", "npm", "index.js")
	if _, err := os.Stat(module); err != nil {
		t.Fatalf("the Open XML SDK validator is not installed (%v): run `make test`, which installs @ooxml-tools/validate", err)
	}
	args := append([]string{"--input-type=module", "-e", validateScript, module, version}, files...)
	out, err := exec.Command(node, args...).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("validating %d documents: %v\n%s", len(files), err, msg)
	}
	problems := map[string][]SchemaProblem{}
	if err := json.Unmarshal(out, &problems); err != nil {
		t.Fatalf("reading what the validator printed: %v\n%s", err, out)
	}
	if len(problems) != len(files) {
		t.Fatalf("the validator answered for %d of %d documents", len(problems), len(files))
	}
	return problems
}

// Unzip extracts the parts of a .docx (or any ZIP package) into a new
// folder of the test's and returns it; a name that would leave the folder
// fails the test.
func Unzip(t testing.TB, file string) string {
	t.Helper()
	zr, err := zip.OpenReader(file)
	if err != nil {
		t.Fatalf("%s is not a ZIP package: %v", file, err)
	}
	defer zr.Close()
	dir := t.TempDir()
	for _, f := range zr.File {
		if !filepath.IsLocal(f.Name) {
			t.Fatalf("%s holds a part named %q, outside the package", file, f.Name)
		}
		if strings.HasSuffix(f.Name, "/") {
			continue
		}
		path := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		r, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %s: %v", file, f.Name, err)
		}
		data, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatalf("%s: %s: %v", file, f.Name, err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// ConvertDocx converts Word documents to format ("pdf", "odt") with
// LibreOffice Writer, in one run, into outDir, and returns the path of
// each result in the order of files; a document LibreOffice could not
// load fails the test.
func ConvertDocx(t testing.TB, outDir, format string, files ...string) []string {
	t.Helper()
	Soffice(t, filepath.Join(outDir, ".lo"), outDir, format, files...)
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = filepath.Join(outDir, strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))+"."+strings.SplitN(format, ":", 2)[0])
		if _, err := os.Stat(out[i]); err != nil {
			t.Fatalf("LibreOffice did not convert %s to %s: %v", f, format, err)
		}
	}
	return out
}
