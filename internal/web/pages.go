package web

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime/multipart"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/hoinghi/hoinghi/internal/input"
	"github.com/hoinghi/hoinghi/report"
	"github.com/hoinghi/hoinghi/report/batch"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/meeting"
	"github.com/hoinghi/hoinghi/report/profile"
	"github.com/hoinghi/hoinghi/report/when"
	"github.com/hoinghi/hoinghi/report/workbook"
)

// MaxListed is how many meeting files of the working folder the start
// page lists, from the folder and its folders MaxDepth deep.
const (
	MaxListed = 200
	MaxDepth  = 3
)

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET /{$}", s.home)
	mux.HandleFunc("POST /open", s.open)
	mux.HandleFunc("GET /check", s.check)
	mux.HandleFunc("POST /check", s.check)
	mux.HandleFunc("POST /render", s.render)
	mux.HandleFunc("GET /result/{id}", s.result)
	mux.HandleFunc("GET /result/{id}/all.zip", s.resultZip)
	mux.HandleFunc("GET /result/{id}/{name}", s.resultFile)
	mux.HandleFunc("GET /blank.xlsx", s.blank)
	mux.HandleFunc("GET /profile", s.profilePage)
	mux.HandleFunc("POST /profile", s.profileSave)
	mux.HandleFunc("POST /batch", s.batchStart)
	mux.HandleFunc("GET /batch/{id}", s.batchPage)
	mux.HandleFunc("GET /batch/{id}/file", s.batchFile)
	return mux
}

// page is what every page template gets.
type page struct {
	// Base is the path every link starts with: /token/.
	Base  string
	Title string
	Lang  string
	// Refresh asks the browser to load the page again soon: a folder
	// render in progress.
	Refresh bool
	Data    any
}

// show writes the page named name with data, answering status.
func (s *Server) show(w http.ResponseWriter, status int, name, title string, data any) {
	var buf bytes.Buffer
	p := page{Base: "/" + s.token + "/", Title: title, Lang: s.opt.Tag.String(), Data: data}
	if j, ok := data.(jobData); ok {
		p.Refresh = !j.Done
	}
	if err := s.pages.ExecuteTemplate(&buf, name, p); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// fail answers a request that cannot be served with a page saying why.
func (s *Server) fail(w http.ResponseWriter, status int, msg lang.Message) {
	s.show(w, status, "error", lang.M("Something went wrong").In(s.opt.Tag), msg.In(s.opt.Tag))
}

// homeData is the start page.
type homeData struct {
	Files   []string
	More    bool
	Folders []string
	Dir     string
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	d := homeData{Dir: s.dir, Folders: []string{"."}}
	d.Files, d.More = s.meetingFiles()
	for _, f := range d.Files {
		for dir := path.Dir(f); dir != "." && !slices.Contains(d.Folders, dir); dir = path.Dir(dir) {
			d.Folders = append(d.Folders, dir)
		}
	}
	slices.Sort(d.Folders)
	s.show(w, http.StatusOK, "home", lang.M("The clerk's desk").In(s.opt.Tag), d)
}

// meetingFiles lists the meeting files of the working folder and of its
// folders MaxDepth deep, at most MaxListed of them, and whether there are
// more: a working folder may be a whole disk. The folder of outputs,
// hidden folders and symbolic links are left out.
func (s *Server) meetingFiles() (files []string, more bool) {
	fs.WalkDir(s.root.FS(), ".", func(p string, e fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case e.IsDir():
			if p != "." && (p == outFolder || strings.HasPrefix(e.Name(), ".") || strings.Count(p, "/") >= MaxDepth-1) {
				return fs.SkipDir
			}
		case e.Type().IsRegular() && batch.IsMeeting(p):
			if len(files) == MaxListed {
				more = true
				return fs.SkipAll
			}
			files = append(files, p)
		}
		return nil
	})
	return files, more
}

// source is the meeting a request is about: a file of the working folder
// (its slash path relative to it) or an upload kept in memory.
type source struct {
	File   string
	Upload string
}

// read returns the name and contents of src's meeting file. A working
// folder's file is read again from disk, through the folder's os.Root.
func (s *Server) read(src source) (string, []byte, error) {
	if src.Upload != "" {
		k := s.kept.get(src.Upload)
		if k == nil || len(k.files) != 1 {
			return "", nil, lang.Errorf("this uploaded file is no longer kept: choose it again")
		}
		return filepath.Join(s.dir, k.files[0].Name), k.files[0].Data, nil
	}
	rel := filepath.FromSlash(src.File)
	if src.File == "" || !filepath.IsLocal(rel) {
		return "", nil, lang.Errorf("%s is not a file of the working folder", src.File)
	}
	data, err := input.ReadIn(s.root, rel, lang.M("the meeting file"), input.MaxMeeting)
	if err != nil {
		return "", nil, err
	}
	return filepath.Join(s.dir, rel), data, nil
}

// profileFor is the office profile of the meeting file name: --profile,
// else the one found for it.
func (s *Server) profileFor(name string) (string, error) {
	if s.opt.Profile != "" {
		return s.opt.Profile, nil
	}
	return profile.Find(name)
}

// setup returns how the meetings of the office profile at path are
// rendered, made once for each state of the profile file, so that a
// profile saved or edited is taken up at the next request.
func (s *Server) setup(path string) (batch.Setup, error) {
	stamp := ""
	if path != "" {
		if info, err := os.Stat(path); err == nil {
			stamp = fmt.Sprint(info.ModTime().UnixNano(), info.Size())
		}
	}
	s.setupMu.Lock()
	defer s.setupMu.Unlock()
	if res, ok := s.setups[path]; ok && res.stamp == stamp {
		return res.setup, res.err
	}
	set, err := s.opt.Setup(path)
	if err == nil && path != "" {
		set.Renderer.Profile = path
	}
	if len(set.Formats) == 0 {
		set.Formats = defaultFormats
	}
	if err != nil && path != "" {
		err = diag.InFile(path, err)
	}
	s.setups[path] = setupResult{stamp, set, err}
	return set, err
}

// load reads and checks src's meeting with its office profile.
func (s *Server) load(src source) (*report.Loaded, batch.Setup, error) {
	name, data, err := s.read(src)
	if err != nil {
		return nil, batch.Setup{}, err
	}
	path, err := s.profileFor(name)
	if err != nil {
		return nil, batch.Setup{}, err
	}
	set, err := s.setup(path)
	if err != nil {
		return nil, set, err
	}
	l, err := set.Renderer.Parse(name, data)
	return l, set, err
}

// checkData is the page of one meeting file: its problems, or what it
// renders to.
type checkData struct {
	Name     string
	Source   source
	Problems []problemRow
	Error    string
	Valid    bool
	Kinds    []choice
	Formats  []choice
	Sources  []sourceRow
	Profile  string
}

// problemRow is one problem: where it is, its field and what to do; a
// problem of the office form has the Label and ID of the form's field.
type problemRow struct{ Where, Field, Message, Label, ID string }

// sourceRow is one value taken from elsewhere than the meeting file: its
// field, named by Label when it has one, its value, with the name of a
// coded value, and where it comes from.
type sourceRow struct{ Field, Label, Value, Name, From string }

type choice struct {
	Value, Label string
	Checked      bool
}

// problems is err as rows of the problem table, nil when it is not a
// list of problems; a problem in another file than name (the office
// profile) names that file.
func (s *Server) problems(name string, err error) []problemRow {
	var ps diag.List
	var p diag.Problem
	switch {
	case errors.As(err, &ps):
	case errors.As(err, &p):
		ps = diag.List{p}
	default:
		return nil
	}
	rows := make([]problemRow, len(ps))
	for i, p := range ps {
		var where []string
		if p.File != "" && p.File != name {
			where = append(where, filepath.Base(p.File))
		}
		switch {
		case p.Cell != "":
			where = append(where, p.Cell)
		case p.Line > 0 && p.Col > 0:
			where = append(where, lang.M("line %d, column %d", p.Line, p.Col).In(s.opt.Tag))
		case p.Line > 0:
			where = append(where, lang.M("line %d", p.Line).In(s.opt.Tag))
		}
		rows[i] = problemRow{Where: strings.Join(where, " "), Field: p.Path, Message: p.Msg.In(s.opt.Tag)}
	}
	return rows
}

// checkPage shows what src's meeting is: its problems or its choices.
func (s *Server) checkPage(w http.ResponseWriter, src source, name string) {
	tag := s.opt.Tag
	d := checkData{Name: name, Source: src}
	l, set, err := s.load(src)
	status := http.StatusOK
	if err != nil {
		status = http.StatusUnprocessableEntity
		full := filepath.Join(s.dir, filepath.FromSlash(src.File))
		if src.Upload != "" {
			full = filepath.Join(s.dir, name)
		}
		if d.Problems = s.problems(full, err); d.Problems == nil {
			d.Error = diag.Text(err, tag)
		}
		s.show(w, status, "check", name, d)
		return
	}
	d.Valid = true
	// What a render of the command line would make is checked.
	docs, _ := set.Renderer.Documents(l, set.Kinds)
	for _, k := range inOrder(set.Renderer.Kinds()) {
		checked := slices.ContainsFunc(docs, func(d meeting.Document) bool { return d.Kind == k })
		d.Kinds = append(d.Kinds, choice{k, kindLabel(k).In(tag), checked})
	}
	for _, f := range formats {
		d.Formats = append(d.Formats, choice{f, strings.ToUpper(f), slices.Contains(set.Formats, f)})
	}
	if l.Profile != nil {
		d.Profile = l.Profile.Path
	}
	kinds := make([]string, len(l.Meeting.Documents))
	for i, doc := range l.Meeting.Documents {
		kinds[i] = doc.Kind
	}
	for _, o := range l.Explain() {
		row := sourceRow{Field: o.Path, Label: fieldName(o.Path, kinds).In(tag), Value: o.Value, Name: valueName(o.Path, o.Value).In(tag)}
		switch {
		case o.Inferred():
			row.From = lang.M("inferred from %s", o.From).In(tag)
		case o.File != l.Path:
			row.From = filepath.Base(o.File)
			if o.Line > 0 {
				row.From += fmt.Sprintf(":%d:%d", o.Line, o.Col)
			}
		default:
			continue
		}
		d.Sources = append(d.Sources, row)
	}
	s.show(w, status, "check", name, d)
}

// kindLabel names a kind of document for the page.
func kindLabel(kind string) lang.Message {
	switch kind {
	case "thong-bao":
		return lang.M("Notice of conclusions (thông báo)")
	case "bao-cao":
		return lang.M("Report (báo cáo)")
	case "bien-ban":
		return lang.M("Minutes (biên bản)")
	}
	return lang.M("%s (the office's template)", kind)
}

func (s *Server) check(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, http.StatusBadRequest, lang.M("the request cannot be read: %s", err.Error()))
		return
	}
	rel := r.Form.Get("file")
	s.checkPage(w, source{File: rel}, rel)
}

// open reads an uploaded meeting file into memory, streaming the
// multipart body so that nothing is written to a temporary file.
func (s *Server) open(w http.ResponseWriter, r *http.Request) {
	mr, err := r.MultipartReader()
	if err != nil {
		s.fail(w, http.StatusBadRequest, lang.M("the request cannot be read: %s", err.Error()))
		return
	}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			s.uploadFailed(w, err)
			return
		}
		if part.FormName() != "file" || part.FileName() == "" {
			continue
		}
		s.upload(w, part)
		return
	}
	s.fail(w, http.StatusBadRequest, lang.M("no file was chosen: choose a meeting workbook (.xlsx) or a YAML or JSON file"))
}

func (s *Server) upload(w http.ResponseWriter, part *multipart.Part) {
	// Only the name counts, never a folder an old browser sends with it.
	name := filepath.Base(filepath.FromSlash(strings.ReplaceAll(part.FileName(), `\`, "/")))
	if !filepath.IsLocal(name) {
		name = "upload"
	}
	data, err := io.ReadAll(io.LimitReader(part, input.MaxMeeting+1))
	if err != nil {
		s.uploadFailed(w, err)
		return
	}
	if len(data) > input.MaxMeeting {
		s.fail(w, http.StatusRequestEntityTooLarge, lang.M("%s holds %d bytes or more, more than the %d allowed: is this the right file?", name, int64(len(data)), int64(input.MaxMeeting)))
		return
	}
	id := s.kept.put(name, []file{{name, data}}, time.Time{})
	s.checkPage(w, source{Upload: id}, name)
}

func (s *Server) uploadFailed(w http.ResponseWriter, err error) {
	if errors.As(err, new(*http.MaxBytesError)) {
		s.fail(w, http.StatusRequestEntityTooLarge, lang.M("the file is larger than the %d bytes allowed: is this the right file?", int64(input.MaxMeeting)))
		return
	}
	s.fail(w, http.StatusBadRequest, lang.M("the request cannot be read: %s", err.Error()))
}

// renderData is the page of a failed render.
type renderData struct {
	Name     string
	Source   source
	Problems []problemRow
	Error    string
}

func (s *Server) render(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, http.StatusBadRequest, lang.M("the request cannot be read: %s", err.Error()))
		return
	}
	src := source{File: r.PostForm.Get("file"), Upload: r.PostForm.Get("upload")}
	ctx, cancel := context.WithTimeout(r.Context(), s.timeout)
	defer cancel()
	name, files, stamp, err := s.renderFiles(ctx, src, r.PostForm["kind"], r.PostForm["format"])
	if err != nil {
		d := renderData{Name: name, Source: src}
		if d.Problems = s.problems("", err); d.Problems == nil {
			d.Error = diag.Text(err, s.opt.Tag)
		}
		s.show(w, http.StatusUnprocessableEntity, "failed", lang.M("The documents could not be made").In(s.opt.Tag), d)
		return
	}
	id := s.kept.put(name, files, stamp)
	http.Redirect(w, r, "/"+s.token+"/result/"+id, http.StatusSeeOther)
}

// renderFiles renders src's meeting into memory when its turn comes on
// the semaphore, answering a panic as an error: one failed render never
// takes the server down. It returns the meeting's name, the files and
// the date they carry.
func (s *Server) renderFiles(ctx context.Context, src source, kinds, formats []string) (name string, files []file, stamp time.Time, err error) {
	name = src.File
	if k := s.kept.get(src.Upload); k != nil {
		name = k.meeting
	}
	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		return name, nil, stamp, lang.Errorf("the server is busy: try again in a moment")
	}
	defer func() { <-s.sem }()
	n := s.inFlight.Add(1)
	defer s.inFlight.Add(-1)
	for {
		p := s.peak.Load()
		if n <= p || s.peak.CompareAndSwap(p, n) {
			break
		}
	}
	defer func() {
		if v := recover(); v != nil {
			files, err = nil, lang.Errorf("the documents could not be made because of a fault in hoinghi (%s): please report it", fmt.Sprint(v))
		}
	}()
	l, set, err := s.load(src)
	if err != nil {
		return name, nil, stamp, err
	}
	name = filepath.Base(l.Path)
	if len(formats) == 0 {
		return name, nil, stamp, lang.Errorf("choose at least one format: PDF, DOCX or XLSX")
	}
	outs, err := set.Renderer.Plan(l, kinds, formats, set.SortByName)
	if err != nil {
		return name, nil, stamp, err
	}
	for _, o := range outs {
		var buf bytes.Buffer
		if err := s.write(ctx, o, &buf); err != nil {
			if ctx.Err() != nil {
				return name, nil, stamp, lang.Errorf("the documents took longer than %s to make: try fewer at once", s.timeout.String())
			}
			return name, nil, stamp, err
		}
		files = append(files, file{o.Name, buf.Bytes()})
	}
	return name, files, set.Renderer.Stamp(l.Meeting, when.Date{}), nil
}

// resultData is the page of rendered files.
type resultData struct {
	ID    string
	Name  string
	Files []resultFile
}

// resultFile is one rendered file; the preview of the first PDF is open.
type resultFile struct {
	Name      string
	PDF, Open bool
	Size      int
}

func (s *Server) result(w http.ResponseWriter, r *http.Request) {
	k := s.kept.get(r.PathValue("id"))
	if k == nil || k.files == nil {
		s.fail(w, http.StatusNotFound, lang.M("these documents are no longer kept: render them again"))
		return
	}
	d := resultData{ID: k.id, Name: k.meeting}
	for _, f := range k.files {
		pdf := strings.HasSuffix(f.Name, ".pdf")
		open := pdf && !slices.ContainsFunc(d.Files, func(f resultFile) bool { return f.PDF })
		d.Files = append(d.Files, resultFile{f.Name, pdf, open, len(f.Data)})
	}
	s.show(w, http.StatusOK, "result", lang.M("The documents of %s", k.meeting).In(s.opt.Tag), d)
}

func (s *Server) resultFile(w http.ResponseWriter, r *http.Request) {
	k := s.kept.get(r.PathValue("id"))
	name := r.PathValue("name")
	if k != nil {
		for _, f := range k.files {
			if f.Name == name {
				serveBytes(w, f.Name, f.Data, r.URL.Query().Get("view") == "1" && strings.HasSuffix(name, ".pdf"))
				return
			}
		}
	}
	s.fail(w, http.StatusNotFound, lang.M("these documents are no longer kept: render them again"))
}

func (s *Server) resultZip(w http.ResponseWriter, r *http.Request) {
	k := s.kept.get(r.PathValue("id"))
	if k == nil {
		s.fail(w, http.StatusNotFound, lang.M("these documents are no longer kept: render them again"))
		return
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range k.files {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: k.stamp.UTC()})
		if err == nil {
			_, err = fw.Write(f.Data)
		}
		if err != nil {
			s.fail(w, http.StatusInternalServerError, lang.M("the ZIP file cannot be made: %s", err.Error()))
			return
		}
	}
	if err := zw.Close(); err != nil {
		s.fail(w, http.StatusInternalServerError, lang.M("the ZIP file cannot be made: %s", err.Error()))
		return
	}
	stem := strings.TrimSuffix(k.meeting, filepath.Ext(k.meeting))
	serveBytes(w, stem+".zip", buf.Bytes(), false)
}

func (s *Server) blank(w http.ResponseWriter, r *http.Request) {
	data, err := workbook.Write(nil)
	if err != nil {
		s.fail(w, http.StatusInternalServerError, lang.M("the blank workbook cannot be made: %s", diag.Text(err, s.opt.Tag)))
		return
	}
	serveBytes(w, lang.M("new-meeting.xlsx").In(s.opt.Tag), data, false)
}

// The formats the page offers, and those a profile that names none
// renders, as the command does.
var (
	formats        = profile.Formats
	defaultFormats = []string{"pdf", "xlsx"}
)

// contentTypes are the types of the files the page serves.
var contentTypes = map[string]string{
	".pdf":  "application/pdf",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".zip":  "application/zip",
	".json": "application/json",
}

// serveBytes answers with a file, shown in the browser (a PDF in its own
// viewer) when inline, else downloaded under its name.
func serveBytes(w http.ResponseWriter, name string, data []byte, inline bool) {
	ct, ok := contentTypes[strings.ToLower(filepath.Ext(name))]
	if !ok {
		ct = "application/octet-stream"
	}
	h := w.Header()
	h.Set("Content-Type", ct)
	h.Set("Content-Disposition", disposition(inline, name))
	h.Set("Content-Length", fmt.Sprint(len(data)))
	w.Write(data)
}

// disposition is a Content-Disposition for name: an ASCII filename for
// old browsers, and the name itself as RFC 5987's filename*.
func disposition(inline bool, name string) string {
	kind := "attachment"
	if inline {
		kind = "inline"
	}
	var ascii, ext strings.Builder
	for _, r := range name {
		switch {
		case r < 0x20 || r == 0x7f || r == '"' || r == '\\':
			ascii.WriteByte('_')
		case r < 0x80:
			ascii.WriteRune(r)
		default:
			ascii.WriteByte('_')
		}
	}
	for _, b := range []byte(name) {
		if attrChar(b) {
			ext.WriteByte(b)
		} else {
			fmt.Fprintf(&ext, "%%%02X", b)
		}
	}
	return fmt.Sprintf("%s; filename=\"%s\"; filename*=UTF-8''%s", kind, ascii.String(), ext.String())
}

// attrChar reports whether b may stand for itself in an RFC 5987 value.
func attrChar(b byte) bool {
	switch {
	case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z', '0' <= b && b <= '9':
		return true
	}
	return strings.IndexByte("!#$&+-.^_`|~", b) >= 0
}

// isNotExist reports a file that is missing, for a 404.
func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
