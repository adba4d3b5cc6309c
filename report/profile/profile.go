// Package profile reads an office profile: the one file, hoinghi.yaml, in
// which a clerk writes once what is the same for every meeting of the
// office — the issuing agency, each kind's signer, recipients and archive
// line, and how to render — so that a meeting file holds only what changes.
//
// A value in the meeting file wins over the profile, which wins over the
// built-in defaults. Two blocks are taken whole, so that two agencies or
// two signers are never mixed: a meeting naming another issuing agency
// gets none of the office's issuer, and a meeting writing a signer's
// titles gets no name from the profile. The profile is read with the same care as a meeting
// file: NFC text, unknown keys refused, and every problem reported at once
// as diag.List with its file, line, column and field.
//
// A profile decides what the documents say and which templates and fonts
// make them, so it is obeyed only when it is the user's: Load refuses a
// profile — and the templates and fonts folders it names, and the files
// in them — that a user other than the current one and root owns, or
// that others could change (group- or world-writable, or in such a folder
// without the sticky bit), unless HOINGHI_TRUST lists it, as git refuses a
// repository owned by someone else unless safe.directory lists it. Only a
// regular file of at most MaxSize bytes is read.
//
// A clerk need not type the file: the office form of hoinghi serve edits
// a Form, and Save checks it as Load would and writes it, with Encode, as
// a commented hoinghi.yaml — by default the user's own, UserFile.
//
// Every key may be left out; those of issuer and of each kind under
// documents are the meeting file's own:
//
//	issuer: {parent: UBND TỈNH BẮC KẠN, name: CỤM THI ĐUA …, code: CTĐ, place: Bắc Kạn}
//	documents:
//	  thong-bao:
//	    signer: {titles: [TM. CỤM THI ĐUA, CỤM TRƯỞNG], name: Phạm Duy Hưng}
//	    recipients: [Ban Thi đua - Khen thưởng Trung ương (b/c)]
//	    archive: VT, CTĐ
//	  bien-ban: {secretary: {titles: [THƯ KÝ], name: Hoàng Huế}, annex: true}
//	render: {kinds: [thong-bao, bien-ban], formats: [pdf, xlsx], sort: ten, electronic: true, fonts: ./fonts, templates: ./mau}
package profile

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hoinghi/hoinghi/internal/input"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/internal/yamlnode"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/meeting"
)

// FileName is the name Find looks for beside the meeting file, in each
// folder above it and in the user's config folder.
const FileName = "hoinghi.yaml"

// EnvVar names a profile explicitly, for a clerk who keeps the office's
// profile outside the meeting folders or a script that must not pick up a
// stray hoinghi.yaml.
const EnvVar = "HOINGHI_PROFILE"

// Profile is an office profile as loaded: its text NFC, its folders
// absolute. The zero value and a nil *Profile are an empty profile, so
// that a command applies "no profile" the same way as a found one.
type Profile struct {
	// Path is the file the profile was read from, as given to Load; every
	// Source and Problem names it.
	Path string
	// Digest is the SHA-256 of the file, in hex: a batch renders a meeting
	// again when its profile changed.
	Digest string

	data Form
	// pos is where each field of the file is written, by its path in the
	// profile (documents.thong-bao.signer.titles), for Sources and Check.
	pos map[string]yamlnode.Pos
	// texts are the profile's strings in file order, for the font check.
	texts []text
	// fonts and templates are the folders as the file writes them, for
	// Form; data holds them absolute.
	fonts, templates string
}

// Form is the layout of hoinghi.yaml: what the file holds and what the
// office form of hoinghi serve edits. Encode writes it and Save checks and
// writes it; Load reads it back.
type Form struct {
	// Issuer has the keys of a meeting file's issuer.
	Issuer meeting.Issuer `yaml:"issuer"`
	// Documents are the defaults of each kind, keyed by kind.
	Documents map[string]Document `yaml:"documents"`
	Render    RenderDefaults      `yaml:"render"`
}

// Document is what a profile gives every document of one kind. Its keys
// are those of a meeting file's documents[] entry that stay the same from
// one meeting to the next; the number, date and abstract belong to each
// meeting and the kind is the key the defaults are listed under.
type Document struct {
	To         []string       `yaml:"to"`
	Recipients []string       `yaml:"recipients"`
	Archive    string         `yaml:"archive"`
	Signer     meeting.Signer `yaml:"signer"`
	Secretary  meeting.Signer `yaml:"secretary"`
	Annex      bool           `yaml:"annex"`
}

// RenderDefaults are the profile's defaults for the command's flags. A
// blank field or an empty list means the profile does not say, and the
// command's own default applies.
type RenderDefaults struct {
	// Kinds are the kinds to produce when a meeting lists no documents
	// (the default of --kind).
	Kinds []string `yaml:"kinds"`
	// Formats are the default of --format: pdf, docx, xlsx.
	Formats []string `yaml:"formats"`
	// Sort is the default of --sort: "" (protocol order) or "ten".
	Sort string `yaml:"sort"`
	// Electronic is the default of --electronic: the office issues its
	// documents electronically, in the e-document form of Decree 30.
	Electronic bool `yaml:"electronic"`
	// Fonts is the default of --font-dir. Load makes it absolute, resolving
	// a relative folder against the profile's own folder so that an office
	// folder can be moved or copied with its fonts.
	Fonts string `yaml:"fonts"`
	// Templates is the folder of the office's own templates, resolved as
	// Fonts is.
	Templates string `yaml:"templates"`
}

// Sort orders and formats a profile may name; the command accepts the
// same.
var (
	sorts = []string{"", "ten"}
	// Formats are the output formats a command and a profile may name.
	Formats = []string{"pdf", "docx", "xlsx"}
)

// Find returns the profile that applies to meetingFile, or "" when there
// is none. The first found wins:
//
//  1. the file named by HOINGHI_PROFILE, which must exist since it was
//     asked for;
//  2. hoinghi.yaml in the meeting file's folder, then in each folder above
//     it, so that one profile serves every meeting kept below an office
//     folder; the search ends at the user's home folder (which is
//     searched) and does not cross into another file system, so that a
//     file planted in /home or on the disk a share is mounted from is
//     never found;
//  3. hoinghi.yaml in the user's config folder (hoinghi/hoinghi.yaml under
//     os.UserConfigDir), for a clerk who works for one office only.
//
// A --profile flag names a file directly and does not call Find. Load,
// not Find, refuses a profile that another user owns or could change.
func Find(meetingFile string) (string, error) {
	if p := os.Getenv(EnvVar); p != "" {
		info, err := os.Stat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return "", diag.List{{File: p, Msg: lang.M("the office profile named by %s does not exist", EnvVar)}}
		case err != nil:
			return "", fmt.Errorf("the office profile named by %s: %w", EnvVar, err)
		case info.IsDir():
			return "", diag.List{{File: p, Msg: lang.M("the office profile named by %s is a folder, not a file", EnvVar)}}
		}
		return p, nil
	}
	abs, err := filepath.Abs(meetingFile)
	if err != nil {
		return "", fmt.Errorf("looking for the office profile of %s: %w", meetingFile, err)
	}
	// Without a home folder (no HOME) the search ends at the root.
	home, err := os.UserHomeDir()
	if err == nil {
		home = filepath.Clean(home)
	}
	dir := filepath.Dir(abs)
	for {
		if got, err := existing(filepath.Join(dir, FileName)); got != "" || err != nil {
			return got, err
		}
		parent := filepath.Dir(dir)
		if dir == home || parent == dir || !sameDevice(dir, parent) {
			break
		}
		dir = parent
	}
	// Without a config folder (no HOME) there is simply no profile there.
	if user, err := UserFile(); err == nil {
		if got, err := existing(user); got != "" || err != nil {
			return got, err
		}
	}
	return "", nil
}

// UserFile is the user's own office profile, the last place Find looks:
// hoinghi/hoinghi.yaml under os.UserConfigDir (~/.config on Linux,
// %AppData% on Windows, ~/Library/Application Support on macOS). It
// fails only when the system names no config folder, as without HOME.
func UserFile() (string, error) {
	cfg, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(cfg, "hoinghi", FileName), nil
}

// existing returns p when a profile is there and "" when none is. A
// folder of that name is not a profile and the search goes on; an error
// other than "not there" is returned, since skipping an unreadable profile
// would silently render without it.
func existing(p string) (string, error) {
	info, err := os.Stat(p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", nil
	case err != nil:
		return "", fmt.Errorf("looking for the office profile: %w", err)
	case info.IsDir():
		return "", nil
	}
	return p, nil
}

// Load reads and checks the profile at path. A file that cannot be read
// gives a plain error; invalid content gives diag.List. An empty
// file is an empty profile: a clerk may create it before filling it in.
func Load(path string) (*Profile, error) {
	data, err := read(path)
	if err != nil {
		return nil, err
	}
	return decodeFile(path, data, nil)
}

// decodeFile decodes and checks data, the content of the profile at path,
// as Load does once it has read the file, and as Save does before it
// writes one. Save's further checks, also, when not nil, see the decoded
// profile and the problems found so far, and return more.
func decodeFile(path string, data []byte, also func(*Profile, []diag.Problem) []diag.Problem) (*Profile, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("reading the office profile %s: %w", path, err)
	}
	p, ps := parse(path, data)
	if p != nil {
		ps = append(ps, p.check(filepath.Dir(abs))...)
		if also != nil {
			ps = append(ps, also(p, ps)...)
		}
	}
	if len(ps) > 0 {
		return nil, sorted(path, ps)
	}
	sum := sha256.Sum256(data)
	p.Digest = hex.EncodeToString(sum[:])
	return p, nil
}

// read returns the bytes of the profile at path, once it is known to be
// a regular file of at most MaxSize bytes that no other user can change.
func read(path string) ([]byte, error) {
	data, err := input.Read(path, lang.M("the office profile"), MaxSize)
	var ps diag.List
	switch {
	case errors.As(err, &ps):
		return nil, err
	case err != nil:
		return nil, fmt.Errorf("reading the office profile: %w", err)
	}
	if why, bad := untrusted(path); bad {
		return nil, diag.List{{File: path, Msg: distrust(path, "", why)}}
	}
	return data, nil
}

// check validates what decoding cannot — the kind of body, sort order,
// formats, kinds listed twice — and makes the folders absolute, reporting a folder that
// is not there where it is written rather than when the fonts fail to
// load.
func (p *Profile) check(dir string) []diag.Problem {
	var ps []diag.Problem
	bad := func(path string, key string, args ...any) {
		ps = append(ps, p.problem(path, lang.M(key, args...)))
	}
	if t := strings.TrimSpace(p.data.Issuer.Type); t != "" && !slices.Contains(meeting.Codes(meeting.BodyTypes), t) {
		bad("issuer.type", "unknown value %s: expected one of %s", t, strings.Join(meeting.Codes(meeting.BodyTypes), ", "))
	}
	r := &p.data.Render
	p.fonts, p.templates = r.Fonts, r.Templates
	if !slices.Contains(sorts, r.Sort) {
		bad("render.sort", "unknown sort order %s: expected ten, or a blank for the order of the file", r.Sort)
	}
	for i, f := range r.Formats {
		path := fmt.Sprintf("render.formats[%d]", i)
		switch {
		case !slices.Contains(Formats, f):
			bad(path, "unknown format %s: expected one of %s", f, strings.Join(Formats, ", "))
		case slices.Index(r.Formats, f) < i:
			bad(path, "%s is listed twice", f)
		}
	}
	for i, k := range r.Kinds {
		path := fmt.Sprintf("render.kinds[%d]", i)
		switch {
		case strings.TrimSpace(k) == "":
			bad(path, "missing %s", lang.M("the kind of document"))
		case slices.Index(r.Kinds, k) < i:
			bad(path, "%s is listed twice", k)
		}
	}
	for _, f := range []struct {
		path string
		dir  *string
	}{{"render.fonts", &r.Fonts}, {"render.templates", &r.Templates}} {
		if *f.dir == "" {
			continue
		}
		if !filepath.IsAbs(*f.dir) {
			*f.dir = filepath.Join(dir, *f.dir)
		}
		info, err := os.Stat(*f.dir)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			bad(f.path, "the folder %s does not exist", *f.dir)
		case err != nil:
			bad(f.path, "cannot use the folder: %s", err.Error())
		case !info.IsDir():
			bad(f.path, "%s is not a folder", *f.dir)
		default:
			if why, bad := untrustedFolder(*f.dir); bad {
				ps = append(ps, p.problem(f.path, distrust(p.Path, *f.dir, why)))
			}
		}
	}
	return ps
}

// untrustedFolder says why the templates or fonts in dir may not be
// used: untrusted refuses the folder or a file in it. Their loaders read
// the files directly in the folder, not below it.
func untrustedFolder(dir string) (lang.Message, bool) {
	if why, bad := untrusted(dir); bad {
		return why, true
	}
	// A folder that cannot be listed is reported by its loader.
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if why, bad := untrusted(filepath.Join(dir, e.Name())); bad {
			return why, true
		}
	}
	return lang.Message{}, false
}

// Check reports what the renderer of opt could not use: a kind with no
// template (a key of documents or an item of render.kinds; opt.Kinds nil
// takes any), a character its fonts cannot draw (opt.Covers nil draws
// all), and what no document may carry, as the meeting loader refuses it
// in a meeting's text (meeting.TextProblems): an invisible character,
// text typed in a legacy encoding. It points into the profile, where the
// clerk can fix the value, instead of at the meeting file that the value
// would otherwise be reported in once applied. The command calls it once
// the fonts and templates — which the profile itself may choose — are
// loaded.
func (p *Profile) Check(opt meeting.Options) error {
	if p == nil {
		return nil
	}
	var ps []diag.Problem
	if opt.Kinds != nil {
		unknown := func(path, kind string) {
			if !slices.Contains(opt.Kinds, kind) {
				ps = append(ps, p.problem(path, meeting.UnknownKind(kind, opt.Kinds)))
			}
		}
		for k := range p.data.Documents {
			unknown("documents."+k, k)
		}
		for i, k := range p.data.Render.Kinds {
			unknown(fmt.Sprintf("render.kinds[%d]", i), k)
		}
	}
	for _, t := range p.texts {
		// The render section holds folders and names, never drawn.
		if strings.HasPrefix(t.path, "render.") {
			continue
		}
		for _, q := range meeting.TextProblems(t.path, t.value, opt.Covers) {
			ps = append(ps, p.problem(t.path, q.Msg))
		}
	}
	if len(ps) > 0 {
		return sorted(p.Path, ps)
	}
	return nil
}

// Form returns what the profile says, as the office form edits it and
// Save writes it: the folders as the file writes them, so that a folder
// relative to the profile's stays so when the form is saved again (Render
// gives them absolute). A nil profile gives the zero Form. Nothing of it
// is shared with the profile.
func (p *Profile) Form() Form {
	if p == nil {
		return Form{}
	}
	f := Form{Issuer: p.data.Issuer, Render: p.Render()}
	f.Render.Fonts, f.Render.Templates = p.fonts, p.templates
	if p.data.Documents != nil {
		f.Documents = make(map[string]Document, len(p.data.Documents))
		for k, d := range p.data.Documents {
			d.To = slices.Clone(d.To)
			d.Recipients = slices.Clone(d.Recipients)
			d.Signer.Titles = slices.Clone(d.Signer.Titles)
			d.Secretary.Titles = slices.Clone(d.Secretary.Titles)
			f.Documents[k] = d
		}
	}
	return f
}

// Render returns the profile's defaults for the command's flags, with the
// folders absolute.
func (p *Profile) Render() RenderDefaults {
	if p == nil {
		return RenderDefaults{}
	}
	r := p.data.Render
	r.Kinds = slices.Clone(r.Kinds)
	r.Formats = slices.Clone(r.Formats)
	return r
}

// Document returns a document of kind with the profile's defaults for it:
// what a renderer should start from when it produces a kind the meeting
// file does not list, so that the office's signer and recipients apply to
// it too.
func (p *Profile) Document(kind string) meeting.Document {
	d := meeting.Document{Kind: kind}
	(&merger{p: p}).document("", &d)
	return d
}

// Blame returns err, a failure to load the fonts or templates of the
// folder the profile names at field (render.fonts or render.templates),
// as problems that start at that field, so that the user sees which
// profile chose the folder. A problem inside the folder, such as a
// template's syntax error, follows with its own file and line, where it
// is fixed. A nil profile returns err as it is.
func (p *Profile) Blame(field string, err error) error {
	if p == nil || err == nil {
		return err
	}
	var ps diag.List
	var one diag.Problem
	var le *lang.Error
	switch {
	case errors.As(err, &ps):
	case errors.As(err, &one):
		ps = diag.List{one}
	case errors.As(err, &le):
		at := p.problem(field, le.Msg)
		at.Err = err
		return diag.List{at}
	default:
		at := p.problem(field, lang.M("cannot use the folder: %s", err.Error()))
		at.Err = err
		return diag.List{at}
	}
	at := p.problem(field, lang.M("the folder named here has problems, listed below"))
	at.Err = err
	return append(diag.List{at}, ps...)
}

func (p *Profile) problem(path string, msg lang.Message) diag.Problem {
	at := p.pos[path]
	return diag.Problem{File: p.Path, Line: at.Line, Col: at.Col, Path: path, Msg: msg}
}
