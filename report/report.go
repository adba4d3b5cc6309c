// Package report turns meeting files into the official documents of a
// Vietnamese meeting: PDFs laid out as Decree 30/2020/NĐ-CP prescribes and
// an Excel attendance workbook.
//
// A meeting flows one way through the sub-packages, each with one job:
//
//	meeting  file → model (NFC, validated, problems with line and column)
//	workbook Excel input workbook ⇄ model (problems with sheet and cell)
//	profile  the office's constant details, completing each model
//	content  model + a kind's template → what the document says
//	layout   content → positioned text and lines on A4 pages
//	pdf      pages → PDF bytes
//	docx     content, with layout's decisions → Word file bytes
//	xlsx     model → attendance workbook bytes
//
// A Renderer holds what is the same for every document — parsed fonts and
// compiled templates — so that a batch pays for them once.
package report

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/report/content"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/docx"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/layout"
	"github.com/hoinghi/hoinghi/report/meeting"
	"github.com/hoinghi/hoinghi/report/pdf"
	"github.com/hoinghi/hoinghi/report/profile"
	"github.com/hoinghi/hoinghi/report/vn"
	"github.com/hoinghi/hoinghi/report/when"
	"github.com/hoinghi/hoinghi/report/workbook"
	"github.com/hoinghi/hoinghi/report/xlsx"
	"github.com/hoinghi/hoinghi/templates"
)

// Renderer renders meetings with one set of fonts and templates.
type Renderer struct {
	Fonts *fonts.Set
	// Creator stamps every output: "hoinghi v1.0.0".
	Creator string
	// Epoch, when set (from SOURCE_DATE_EPOCH), is the date stamped in
	// an output whose document and meeting tell none (when.Stamp).
	Epoch *time.Time

	// Profile, when set, is the office profile of every meeting;
	// otherwise each meeting file's own is found beside it or above it
	// (profile.Find).
	Profile string
	// Legacy, when set, reads meeting files typed in that legacy
	// Vietnamese encoding (hoinghi convert --from): a text file that is not
	// UTF-8 is taken as its 8-bit bytes, and every field decoded.
	Legacy vn.Legacy
	// Electronic renders the e-document form of Decree 30 (content.Electronic)
	// instead of the paper one.
	Electronic bool

	kinds    map[string]*content.Template
	order    []string
	builtin  []string // the kinds a meeting that lists none gets
	digest   string
	profiles sync.Map // path → *profileResult
}

type profileResult struct {
	once sync.Once
	p    *profile.Profile
	err  error
}

// Loaded is a meeting as read from its file, completed by the office
// profile; Sources says where each value the profile may give came from.
type Loaded struct {
	*meeting.Meeting
	// Path is the meeting file's name, as the caller gave it.
	Path    string
	Profile *profile.Profile
	Sources profile.Sources
	// ProfileDigest is the SHA-256 of the profile file, empty without one:
	// a batch renders a meeting again when its profile changed.
	ProfileDigest string
}

// New compiles the templates once for every document to come.
func New(fs *fonts.Set, srcs []templates.Source, creator string) (*Renderer, error) {
	r := &Renderer{Fonts: fs, Creator: creator, kinds: map[string]*content.Template{}}
	h := sha256.New()
	for _, face := range fs.Faces {
		h.Write(face.TTF)
	}
	for _, src := range srcs {
		fmt.Fprintf(h, "%s\x00%s\x00", src.Kind, src.Text)
		k, err := content.Compile(src)
		if err != nil {
			return nil, err
		}
		r.kinds[src.Kind] = k
		r.order = append(r.order, src.Kind)
		if src.Builtin {
			r.builtin = append(r.builtin, src.Kind)
		}
	}
	r.digest = hex.EncodeToString(h.Sum(nil))
	return r, nil
}

// Digest identifies what this renderer draws with — its fonts and
// templates — so that a batch can tell when outputs of an earlier run were
// made with other ones.
func (r *Renderer) Digest() string { return r.digest }

// Kinds lists the document kinds this renderer has templates for.
func (r *Renderer) Kinds() []string { return slices.Clone(r.order) }

// Load reads and validates a meeting file, completed by its office
// profile, rejecting kinds without a template and characters the fonts
// cannot draw.
func (r *Renderer) Load(path string) (*Loaded, error) {
	data, err := meeting.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return r.Parse(path, data)
}

// Parse is Load for a file already in memory.
func (r *Renderer) Parse(name string, data []byte) (*Loaded, error) {
	prof, digest, err := r.profileOf(name)
	if err != nil {
		return nil, err
	}
	if !IsWorkbook(name) && otherSpreadsheet(name) {
		return nil, diag.List{{File: name, Msg: lang.M("hoinghi reads Excel workbooks in the .xlsx format only: save this file as Excel Workbook (.xlsx)")}}
	}
	if r.Legacy != vn.Unicode && !IsWorkbook(name) && !utf8.Valid(data) {
		data = latin1(data)
	}
	l := &Loaded{Path: name, Profile: prof, ProfileDigest: digest}
	opt := r.options()
	opt.Defaults = func(m *meeting.Meeting) { l.Sources = prof.Apply(name, m) }
	if IsWorkbook(name) {
		l.Meeting, err = workbook.Read(name, data, opt)
	} else {
		l.Meeting, err = meeting.Parse(name, data, opt)
	}
	if err != nil {
		return nil, err
	}
	return l, nil
}

// latin1 is text saved in an 8-bit code page, each byte one character, as
// UTF-8: the form in which legacy Vietnamese text arrives when pasted.
func latin1(data []byte) []byte {
	rs := make([]rune, len(data))
	for i, b := range data {
		rs[i] = rune(b)
	}
	return []byte(string(rs))
}

// IsWorkbook reports whether a meeting file is an Excel input workbook
// (hoinghi init --xlsx) rather than YAML or JSON.
func IsWorkbook(name string) bool { return strings.EqualFold(filepath.Ext(name), ".xlsx") }

// otherSpreadsheet tells spreadsheets and documents that a clerk may save
// a workbook as by mistake.
func otherSpreadsheet(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".ods", ".xls", ".xlsm", ".csv", ".numbers", ".doc", ".docx":
		return true
	}
	return false
}

func init() {
	lang.Register(map[string]string{
		"hoinghi reads Excel workbooks in the .xlsx format only: save this file as Excel Workbook (.xlsx)": "hoinghi chỉ đọc bảng tính Excel dạng .xlsx: hãy lưu tệp này dạng Excel Workbook (.xlsx)",
		"two documents would be written to %s: give them different numbers":                                "hai văn bản cùng ghi ra %s: hãy cho chúng số khác nhau",
		"%s: %s (inferred from %s)": "%s: %s (suy ra từ %s)",
	})
}

// profileOf returns the office profile of a meeting file, loaded and
// checked once per process however many meetings share it.
func (r *Renderer) profileOf(file string) (*profile.Profile, string, error) {
	path := r.Profile
	if path == "" {
		var err error
		if path, err = profile.Find(file); err != nil || path == "" {
			return nil, "", err
		}
	}
	v, _ := r.profiles.LoadOrStore(path, &profileResult{})
	res := v.(*profileResult)
	res.once.Do(func() {
		res.p, res.err = profile.Load(path)
		if res.err == nil {
			res.err = res.p.Check(r.options())
		}
	})
	if res.err != nil {
		return nil, "", res.err
	}
	return res.p, res.p.Digest, nil
}

// Adopt makes p, loaded by the command to choose the fonts and templates
// of this renderer, the profile of the meetings that take it, so that
// the file is read once.
func (r *Renderer) Adopt(p *profile.Profile) {
	res := &profileResult{p: p}
	res.once.Do(func() { res.err = p.Check(r.options()) })
	r.profiles.Store(p.Path, res)
}

func (r *Renderer) options() meeting.Options {
	return meeting.Options{Kinds: r.Kinds(), Covers: r.Fonts.Covers, Legacy: r.Legacy}
}

// CheckKinds reports a kind that no template exists for.
func (r *Renderer) CheckKinds(kinds []string) error {
	for _, k := range kinds {
		if _, ok := r.kinds[k]; !ok {
			return &lang.Error{Msg: meeting.UnknownKind(k, r.order)}
		}
	}
	return nil
}

// Documents returns the documents of m to render. With no kinds asked
// for, that is every document the file lists, or one of each built-in
// kind — the meeting's own documents — when it lists none. A kind asked for that the file does not list is rendered
// from the meeting and the office profile, with a blank number and date.
func (r *Renderer) Documents(l *Loaded, kinds []string) ([]meeting.Document, error) {
	m := l.Meeting
	if err := r.CheckKinds(kinds); err != nil {
		return nil, err
	}
	if len(kinds) == 0 {
		if len(m.Documents) > 0 {
			return m.Documents, nil
		}
		kinds = r.builtin
	}
	var docs []meeting.Document
	for _, k := range kinds {
		found := false
		for _, d := range m.Documents {
			if d.Kind == k {
				docs = append(docs, d)
				found = true
			}
		}
		if !found {
			docs = append(docs, l.Profile.Document(k))
		}
	}
	return docs, nil
}

// Output is one file a meeting renders to: its name, and how to write it;
// writing stops when ctx ends.
type Output struct {
	Name  string
	Write func(ctx context.Context, w io.Writer) error
}

// Plan is what meeting l renders to in formats ("pdf", "docx", "xlsx"):
// a PDF and a Word file of each of its documents of kinds (see
// Documents), then the attendance workbook; every name once, or an error that says which two documents
// share one. Nothing is rendered until an Output is written, so that a
// command can refuse a plan before it writes anything.
func (r *Renderer) Plan(l *Loaded, kinds, formats []string, sortByName bool) ([]Output, error) {
	m := l.Meeting
	var outs []Output
	pdfs, docxs := slices.Contains(formats, "pdf"), slices.Contains(formats, "docx")
	if pdfs || docxs {
		docs, err := r.Documents(l, kinds)
		if err != nil {
			return nil, err
		}
		for _, d := range docs {
			// A document's PDF and Word file share one content and one
			// layout, made by whichever is written first.
			var (
				once  sync.Once
				doc   *content.Document
				res   *layout.Result
				fault error
			)
			laid := func(ctx context.Context) error {
				once.Do(func() { doc, res, fault = r.laidOut(ctx, m, d) })
				return fault
			}
			if pdfs {
				outs = append(outs, Output{FileName(d), func(ctx context.Context, w io.Writer) error {
					if err := laid(ctx); err != nil {
						return diag.InFile(l.Path, err)
					}
					return diag.InFile(l.Path, pdf.Write(w, res, r.Fonts, r.Creator))
				}})
			}
			if docxs {
				outs = append(outs, Output{DocxName(d), func(ctx context.Context, w io.Writer) error {
					if err := laid(ctx); err != nil {
						return diag.InFile(l.Path, err)
					}
					return diag.InFile(l.Path, docx.Write(w, doc, r.Fonts, r.Creator))
				}})
			}
		}
	}
	if slices.Contains(formats, "xlsx") {
		outs = append(outs, Output{WorkbookName(m), func(_ context.Context, w io.Writer) error { return diag.InFile(l.Path, r.XLSX(w, m, sortByName)) }})
	}
	seen := map[string]bool{}
	for _, o := range outs {
		if seen[o.Name] {
			return nil, lang.Errorf("two documents would be written to %s: give them different numbers", o.Name)
		}
		seen[o.Name] = true
	}
	return outs, nil
}

// Content builds what document d of m says, before layout, stamped with
// its date by the rule of when.Stamp.
func (r *Renderer) Content(ctx context.Context, m *meeting.Meeting, d meeting.Document) (*content.Document, error) {
	k, ok := r.kinds[d.Kind]
	if !ok {
		return nil, &lang.Error{Msg: meeting.UnknownKind(d.Kind, r.order)}
	}
	medium := content.Paper
	if r.Electronic {
		medium = content.Electronic
	}
	doc, err := k.Build(ctx, m, d, medium)
	if err != nil {
		return nil, err
	}
	date, _ := d.Date.Known()
	doc.Meta.Date = r.Stamp(m, date)
	return doc, nil
}

// Stamp is the date the outputs of m carry — of its document dated doc,
// or of none with a zero doc — by the rule of when.Stamp.
func (r *Renderer) Stamp(m *meeting.Meeting, doc when.Date) time.Time {
	start, _ := m.Info.Start.Known()
	return when.Stamp(doc, start, r.Epoch)
}

// laidOut builds document d of m and lays it out; a document with text
// that cannot fit the page is refused, for its PDF and its Word file
// alike, so that a meeting renders in every format or in none.
func (r *Renderer) laidOut(ctx context.Context, m *meeting.Meeting, d meeting.Document) (*content.Document, *layout.Result, error) {
	doc, err := r.Content(ctx, m, d)
	if err != nil {
		return nil, nil, err
	}
	res := layout.Layout(doc, r.Fonts)
	if len(res.Lost) > 0 {
		return nil, nil, res.Lost
	}
	return doc, res, nil
}

// PDF renders document d of m as a PDF into w.
func (r *Renderer) PDF(ctx context.Context, w io.Writer, m *meeting.Meeting, d meeting.Document) error {
	_, res, err := r.laidOut(ctx, m, d)
	if err != nil {
		return err
	}
	return pdf.Write(w, res, r.Fonts, r.Creator)
}

// DOCX renders document d of m as a Word file into w, laid out as the
// PDF is.
func (r *Renderer) DOCX(ctx context.Context, w io.Writer, m *meeting.Meeting, d meeting.Document) error {
	doc, _, err := r.laidOut(ctx, m, d)
	if err != nil {
		return err
	}
	return docx.Write(w, doc, r.Fonts, r.Creator)
}

// XLSX renders the attendance workbook of m into w.
func (r *Renderer) XLSX(w io.Writer, m *meeting.Meeting, sortByName bool) error {
	data, err := xlsx.Attendance(m, xlsx.Options{SortByName: sortByName, Creator: r.Creator, Date: r.Stamp(m, when.Date{})})
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// FileName is the output name of document d: ASCII only, so that it
// survives any file system and any mail program — the kind, the number
// and the date: "thong-bao-05-2023-07-31.pdf", and a safe name for a
// kind such as "con": "_con.pdf".
func FileName(d meeting.Document) string { return documentName(d, ".pdf") }

// DocxName is the output name of document d as a Word file: FileName's,
// ending in .docx.
func DocxName(d meeting.Document) string { return documentName(d, ".docx") }

func documentName(d meeting.Document, ext string) string {
	parts := []string{vn.ASCII(d.Kind)}
	if n := d.Number.Printed(); n != "" {
		parts = append(parts, n)
	}
	if t, ok := d.Date.Known(); ok {
		parts = append(parts, t.String())
	}
	return SafeName(strings.Join(parts, "-"), len(ext)) + ext
}

// WorkbookPrefix starts the name of every attendance workbook, which a
// batch therefore never takes for a meeting file.
const WorkbookPrefix = "danh-sach-dai-bieu"

// WorkbookName is the output name of the attendance workbook:
// "danh-sach-dai-bieu-2023-07-28.xlsx".
func WorkbookName(m *meeting.Meeting) string {
	name := WorkbookPrefix
	if t, ok := m.Info.Start.Known(); ok {
		name += "-" + t.Date.String()
	}
	return name + ".xlsx"
}
