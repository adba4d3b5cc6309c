package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/report"
	"github.com/hoinghi/hoinghi/report/atomic"
	"github.com/hoinghi/hoinghi/report/batch"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/meeting"
	"github.com/hoinghi/hoinghi/report/profile"
	"github.com/hoinghi/hoinghi/report/workbook"
	"github.com/hoinghi/hoinghi/templates"
	"github.com/urfave/cli/v3"
	"golang.org/x/text/language"
)

// env is what every command shares: the language and the streams.
type env struct {
	tag            language.Tag
	stdout, stderr io.Writer
	// fontDirs are the font folders loaded, by folder and family, so that
	// a batch whose profiles name one folder checks its fonts once.
	fontDirs map[[2]string]fontDir
}

// fontDir is a font folder as fonts.LoadDir read it.
type fontDir struct {
	fs  *fonts.Set
	err error
}

// say prints a translated message to standard error.
func (e *env) say(key string, args ...any) {
	fmt.Fprintln(e.stderr, "hoinghi: "+lang.M(key, args...).In(e.tag))
}

// sayErr prints an error in the chosen language when it can be
// translated: a list of problems one per line, as a compiler prints
// them; anything else after the program's name.
func (e *env) sayErr(err error) {
	var ps diag.List
	if errors.As(err, &ps) {
		fmt.Fprintln(e.stderr, ps.In(e.tag))
		return
	}
	fmt.Fprintln(e.stderr, "hoinghi: "+diag.Text(err, e.tag))
}

// sayProfile says on standard error which office profile a command used,
// once per profile (seen holds those said), so that a user sees whose
// values went into the documents; nothing without one. Standard output
// stays for the documents and for scripts.
func (e *env) sayProfile(seen map[string]bool, p *profile.Profile) {
	if p == nil || seen[p.Path] {
		return
	}
	seen[p.Path] = true
	e.say("office profile: %s", p.Path)
}

// settings are what a command renders: each flag when given, else the
// office profile's render defaults, else the built-in ones.
type settings struct {
	kinds      []string
	formats    []string
	sortByName bool
	// profile is the office profile setup read, nil without one.
	profile *profile.Profile
}

// batchSetup is what a batch renders each meeting with: r and s.
func (s settings) batchSetup(r *report.Renderer) batch.Setup {
	return batch.Setup{Renderer: r, Kinds: s.kinds, Formats: s.formats, SortByName: s.sortByName}
}

// setup loads the fonts and compiles the templates once per process, from
// the flags and the office profile of the first meeting file (or the one
// given with --profile), and resolves the render settings.
func (e *env) setup(cmd *cli.Command, first string) (*report.Renderer, settings, error) {
	path, err := profileOf(cmd, first)
	if err != nil {
		return nil, settings{}, err
	}
	return e.setupWith(cmd, path)
}

// profileOf is the office profile of a meeting file: the one given with
// --profile, else the one found beside it or above it, if any.
func profileOf(cmd *cli.Command, file string) (string, error) {
	if path := cmd.String("profile"); path != "" {
		return path, nil
	}
	return profile.Find(file)
}

// loadFonts loads the font folder dir once per process, saying which
// family it took when it holds several.
func (e *env) loadFonts(dir, family string) (*fonts.Set, error) {
	key := [2]string{dir, family}
	if d, ok := e.fontDirs[key]; ok {
		return d.fs, d.err
	}
	fs, note, err := fonts.LoadDir(dir, family)
	if note != nil {
		fmt.Fprintln(e.stderr, "hoinghi: "+note.In(e.tag))
	}
	if e.fontDirs == nil {
		e.fontDirs = map[[2]string]fontDir{}
	}
	e.fontDirs[key] = fontDir{fs, err}
	return fs, err
}

// setupWith is setup with the office profile at path, none when path is
// empty.
func (e *env) setupWith(cmd *cli.Command, path string) (*report.Renderer, settings, error) {
	var set settings
	var defaults profile.RenderDefaults
	var prof *profile.Profile
	if path != "" {
		var err error
		if prof, err = profile.Load(path); err != nil {
			return nil, set, err
		}
		defaults = prof.Render()
		set.profile = prof
	}

	fs := fonts.Default()
	dir := cmd.String("font-dir")
	if dir == "" {
		dir = defaults.Fonts
	}
	family := cmd.String("font-family")
	switch {
	case dir != "":
		d, err := e.loadFonts(dir, family)
		if err != nil {
			if !cmd.IsSet("font-dir") {
				err = prof.Blame("render.fonts", err)
			}
			return nil, set, err
		}
		fs = d
	case family != "" && family != fs.Family:
		return nil, set, lang.Errorf("--font-family %s needs --font-dir, the folder that holds it: the embedded family is %s", family, fs.Family)
	}
	srcs, err := kinds(cmd, defaults.Templates)
	if err != nil {
		if !cmd.IsSet("templates") {
			err = prof.Blame("render.templates", err)
		}
		return nil, set, err
	}
	r, err := report.New(fs, srcs, "hoinghi "+version())
	if err != nil {
		return nil, set, err
	}
	r.Profile = cmd.String("profile")
	if prof != nil {
		r.Adopt(prof)
	}
	if r.Epoch, err = sourceDate(); err != nil {
		return nil, set, err
	}

	set.kinds = cmd.StringSlice("kind")
	if err := r.CheckKinds(set.kinds); err != nil {
		return nil, set, err
	}
	set.formats = cmd.StringSlice("format")
	if !cmd.IsSet("format") && len(defaults.Formats) > 0 {
		set.formats = defaults.Formats
	}
	for _, f := range set.formats {
		if !slices.Contains(profile.Formats, f) {
			return nil, set, lang.Errorf("unknown format %s: expected pdf, docx or xlsx", f)
		}
	}
	r.Electronic = cmd.Bool("electronic")
	if !cmd.IsSet("electronic") {
		r.Electronic = defaults.Electronic
	}
	order := cmd.String("sort")
	if !cmd.IsSet("sort") {
		order = defaults.Sort
	}
	switch order {
	case "":
	case "ten":
		set.sortByName = true
	default:
		return nil, set, lang.Errorf("unknown sort order %s: expected ten or nothing", order)
	}
	return r, set, nil
}

// kinds returns the built-in templates with the office's own in front of
// them: those of --templates, else those of the profile.
func kinds(cmd *cli.Command, profileDir string) ([]templates.Source, error) {
	srcs, err := templates.Builtin()
	if err != nil {
		return nil, err
	}
	dir := cmd.String("templates")
	if dir == "" {
		dir = profileDir
	}
	if dir == "" {
		return srcs, nil
	}
	own, err := templates.LoadDir(dir)
	if err != nil {
		return nil, err
	}
	return templates.Merge(srcs, own), nil
}

// meetingFiles finds the meeting files a command names and sets up their
// rendering; missing is what to say when it names none.
func (e *env) meetingFiles(cmd *cli.Command, missing string) ([]string, *report.Renderer, settings, error) {
	if cmd.Args().Len() == 0 {
		e.say(missing)
		return nil, nil, settings{}, exitError{exitInput}
	}
	files, err := batch.Files(cmd.Args().Slice())
	if err != nil {
		e.sayErr(err)
		return nil, nil, settings{}, exitError{exitInput}
	}
	r, set, err := e.setup(cmd, files[0])
	if err != nil {
		e.sayErr(err)
		return nil, nil, settings{}, exitError{exitInput}
	}
	return files, r, set, nil
}

func (e *env) render(ctx context.Context, cmd *cli.Command) error {
	files, r, set, err := e.meetingFiles(cmd, "render: expected at least one meeting file")
	if err != nil {
		return err
	}
	signing, done, err := e.signing("render", cmd)
	if err != nil {
		return err
	}
	defer done()
	return e.runRender(ctx, files, r, set, cmd.String("output"), signing)
}

// runRender renders files with r as set says into the folder dir, or
// the one document asked for to standard output when dir is "-"; with
// signing, it signs each PDF as its signer before it is written.
func (e *env) runRender(ctx context.Context, files []string, r *report.Renderer, set settings, dir string, signing *batch.Signing) error {
	formats, sortByName := set.formats, set.sortByName
	toStdout := dir == "-"

	// Load and plan everything first, so that a usage problem (two
	// documents for one standard output, two documents with one name)
	// is found before anything is written.
	code := exitOK
	var plan []report.Output
	var from []string // the meeting file of each output
	seen := map[string]string{}
	said := map[string]bool{}
	for _, file := range files {
		l, err := r.Load(file)
		if err != nil {
			e.sayErr(err)
			code = max(code, exitInput)
			continue
		}
		e.sayProfile(said, l.Profile)
		// On standard output the workbook goes only when asked for alone.
		fs := formats
		if toStdout && !slices.Equal(formats, []string{"xlsx"}) {
			fs = slices.DeleteFunc(slices.Clone(formats), func(f string) bool { return f == "xlsx" })
		}
		outs, err := r.Plan(l, set.kinds, fs, sortByName)
		if err != nil {
			e.sayErr(err)
			return exitError{exitInput}
		}
		for _, o := range outs {
			if other, dup := seen[o.Name]; dup {
				e.say("%s and %s would both write %s: render them into different folders with -o", other, file, o.Name)
				return exitError{exitInput}
			}
			seen[o.Name] = file
		}
		plan = append(plan, outs...)
		for range outs {
			from = append(from, file)
		}
	}
	if toStdout && len(plan) != 1 {
		if code == exitOK {
			e.say("-o - writes one document to standard output, but %d would be produced: choose one with --kind and --format", len(plan))
		}
		return exitError{exitInput}
	}
	// Render everything before writing, so that a meeting one of whose
	// documents fails writes none of them.
	bufs := make([][]byte, len(plan))
	failed := map[string]bool{}
	for i, o := range plan {
		var buf bytes.Buffer
		if err := o.Write(ctx, &buf); err != nil {
			failed[from[i]] = true
			// Text that cannot fit is a problem of the input, at its field.
			if errors.As(err, new(diag.List)) {
				e.say("%s: cannot render:", o.Name)
				e.sayErr(err)
			} else {
				e.say("%s: cannot render: %s", o.Name, diag.Text(err, e.tag))
			}
			code = max(code, renderExit(err))
			continue
		}
		bufs[i] = buf.Bytes()
		if signing == nil || filepath.Ext(o.Name) != ".pdf" {
			continue
		}
		// A PDF that cannot be signed fails its meeting only.
		signed, _, err := signing.Sign(ctx, bufs[i])
		if err != nil {
			failed[from[i]] = true
			e.say("%s: cannot sign:", o.Name)
			e.sayErr(err)
			code = max(code, signExit(err))
			continue
		}
		bufs[i] = signed
	}
	for i, o := range plan {
		if failed[from[i]] {
			continue
		}
		if toStdout {
			if _, err := e.stdout.Write(bufs[i]); err != nil {
				e.sayErr(err)
				code = max(code, exitRender)
			}
			continue
		}
		// The folder is made only when there is something to put in it.
		if err := os.MkdirAll(dir, 0o755); err != nil {
			e.say("cannot create the output folder %s: %s", dir, diag.Text(err, e.tag))
			return exitError{exitRender}
		}
		if e.writeFile(filepath.Join(dir, o.Name), bufs[i]) != nil {
			code = max(code, exitRender)
		}
	}
	if code != exitOK {
		return exitError{code}
	}
	return nil
}

// renderExit is the exit code of a failed output: a problem with an
// input — a template that breaks a limit — is one of the input, anything
// else one of the rendering.
func renderExit(err error) int {
	var p diag.Problem
	var ps diag.List
	if errors.As(err, &p) || errors.As(err, &ps) {
		return exitInput
	}
	return exitRender
}

func (e *env) validate(ctx context.Context, cmd *cli.Command) error {
	files, r, _, err := e.meetingFiles(cmd, "validate: expected at least one meeting file")
	if err != nil {
		return err
	}
	bad := 0
	said := map[string]bool{}
	for _, file := range files {
		l, err := r.Load(file)
		if err != nil {
			e.sayErr(err)
			bad++
			continue
		}
		e.say("%s: valid", file)
		if cmd.Bool("explain") {
			e.sayProfile(said, l.Profile)
			for _, o := range l.Explain() {
				fmt.Fprintln(e.stderr, "  "+o.In(e.tag))
			}
		}
	}
	if bad > 0 {
		return exitError{exitInput}
	}
	return nil
}

func (e *env) init(ctx context.Context, cmd *cli.Command) error {
	if path := cmd.String("xlsx"); path != "" {
		return e.initWorkbook(path)
	}
	switch cmd.Args().Len() {
	case 0:
		_, err := e.stdout.Write(meeting.Starter())
		return err
	case 1:
	default:
		e.say("init: expected at most one file name")
		return exitError{exitInput}
	}
	// The extension decides what to write.
	path := cmd.Args().First()
	var data []byte
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx":
		return e.initWorkbook(path)
	case ".yaml", ".yml":
		data = meeting.Starter()
	case ".json":
		var err error
		if data, err = starterJSON(); err != nil {
			e.sayErr(err)
			return exitError{exitRender}
		}
	default:
		e.say("init: cannot write %s: expected a name ending in .yaml, .yml, .json or .xlsx", path)
		return exitError{exitInput}
	}
	if _, err := os.Stat(path); err == nil {
		e.say("%s already exists: init never overwrites a file", path)
		return exitError{exitInput}
	}
	return e.writeFile(path, data)
}

// starterJSON is the starter meeting in JSON, which has no comments: the
// same meeting, as convert writes it, one field a line.
func starterJSON() ([]byte, error) {
	m, err := meeting.Parse("starter.yaml", meeting.Starter(), meeting.Options{})
	if err != nil {
		return nil, err
	}
	data, err := yaml.MarshalWithOptions(m, yaml.JSON())
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := json.Indent(&b, data, "", "  "); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// initWorkbook writes a blank input workbook for a clerk to fill in.
func (e *env) initWorkbook(path string) error {
	if _, err := os.Stat(path); err == nil {
		e.say("%s already exists: init never overwrites a file", path)
		return exitError{exitInput}
	}
	data, err := workbook.Write(nil)
	if err != nil {
		e.sayErr(err)
		return exitError{exitRender}
	}
	return e.writeFile(path, data)
}

// writeFile writes data to path atomically and says so, or says why not
// and returns the exit status of a failed render.
func (e *env) writeFile(path string, data []byte) error {
	if err := atomic.WriteFile(path, data); err != nil {
		e.say("%s: cannot write: %s", path, diag.Text(err, e.tag))
		return exitError{exitRender}
	}
	e.say("wrote %s", path)
	return nil
}

func (e *env) schema(ctx context.Context, cmd *cli.Command) error {
	schema := meeting.Schema()
	if cmd.Bool("manifest") {
		schema = batch.Schema()
	}
	_, err := e.stdout.Write(schema)
	return err
}

func (e *env) version(ctx context.Context, cmd *cli.Command) error {
	return e.printVersion()
}

// printVersion prints the version, for the version command and --version.
func (e *env) printVersion() error {
	_, err := fmt.Fprintln(e.stdout, "hoinghi "+version())
	return err
}

func init() {
	lang.Register(map[string]string{
		"render: expected at least one meeting file":                                                                 "render: cần ít nhất một tệp cuộc họp",
		"validate: expected at least one meeting file":                                                               "validate: cần ít nhất một tệp cuộc họp",
		"--font-family %s needs --font-dir, the folder that holds it: the embedded family is %s":                     "--font-family %s cần --font-dir, thư mục chứa họ phông đó: họ phông có sẵn là %s",
		"unknown format %s: expected pdf, docx or xlsx":                                                              "không có định dạng %s: cần pdf, docx hoặc xlsx",
		"unknown sort order %s: expected ten or nothing":                                                             "không có thứ tự %s: cần ten hoặc để trống",
		"%s and %s would both write %s: render them into different folders with -o":                                  "%s và %s cùng ghi ra %s: hãy xuất vào các thư mục khác nhau bằng -o",
		"-o - writes one document to standard output, but %d would be produced: choose one with --kind and --format": "-o - chỉ ghi một văn bản ra đầu ra chuẩn, nhưng có %d văn bản: hãy chọn một bằng --kind và --format",
		"%s: cannot render: %s":                           "%s: không xuất được: %s",
		"%s: cannot render:":                              "%s: không xuất được:",
		"%s: cannot sign:":                                "%s: không ký được:",
		"%s: cannot write: %s":                            "%s: không ghi được: %s",
		"wrote %s":                                        "đã ghi %s",
		"cannot create the output folder %s: %s":          "không tạo được thư mục xuất %s: %s",
		"office profile: %s":                              "hồ sơ cơ quan: %s",
		"%s: valid":                                       "%s: hợp lệ",
		"init: expected at most one file name":            "init: chỉ nhận tối đa một tên tệp",
		"%s already exists: init never overwrites a file": "%s đã có: init không ghi đè tệp",
		"The extension of FILE decides what is written: .yaml or .yml the commented meeting file, .json the same meeting in JSON, .xlsx a blank workbook for a clerk to fill in.\n" +
			"Without FILE the commented meeting file goes to standard output. An existing file is never overwritten.": "Đuôi của TỆP quyết định nội dung được ghi: .yaml hoặc .yml là tệp cuộc họp mẫu có chú thích, .json là cuộc họp đó dạng JSON, .xlsx là bảng tính trống để văn thư điền.\n" +
			"Không có TỆP thì tệp cuộc họp mẫu được in ra đầu ra chuẩn. Tệp đã có không bao giờ bị ghi đè.",
		"init: cannot write %s: expected a name ending in .yaml, .yml, .json or .xlsx": "init: không tạo được %s: tên tệp cần có đuôi .yaml, .yml, .json hoặc .xlsx",
	})
}
