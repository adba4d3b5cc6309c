package web

import (
	"context"
	"encoding/json"
	"github.com/hoinghi/hoinghi/internal/input"
	"net/http"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/hoinghi/hoinghi/report/batch"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
)

// outFolder is the folder of the working folder a folder render writes
// into, mirroring the folder rendered.
const outFolder = "hoinghi-ket-qua"

// maxJobs is how many folder renders the server remembers.
const maxJobs = 16

// job is one folder render.
type job struct {
	id, dir, out string

	mu      sync.Mutex
	total   int
	entries []batch.Entry
	done    bool
	err     error
	// outputs are the files written, relative to out.
	outputs []string
}

// jobs are the folder renders, at most one running at a time.
type jobs struct {
	running sync.Mutex
	mu      sync.Mutex
	byID    map[string]*job
	order   []string
}

func (js *jobs) add(j *job) {
	js.mu.Lock()
	defer js.mu.Unlock()
	js.byID[j.id] = j
	js.order = append(js.order, j.id)
	if len(js.order) > maxJobs {
		delete(js.byID, js.order[0])
		js.order = js.order[1:]
	}
}

func (js *jobs) get(id string) *job {
	js.mu.Lock()
	defer js.mu.Unlock()
	return js.byID[id]
}

// batchStart renders a folder of the working folder, each meeting into
// one ZIP bundle below outFolder, and answers with the page of its
// progress.
func (s *Server) batchStart(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, http.StatusBadRequest, lang.M("the request cannot be read: %s", err.Error()))
		return
	}
	rel := filepath.FromSlash(r.PostForm.Get("dir"))
	if rel == "" {
		rel = "."
	}
	info, err := s.root.Lstat(rel)
	if !filepath.IsLocal(rel) && rel != "." || err != nil || !info.IsDir() || filepath.Base(rel) == outFolder {
		s.fail(w, http.StatusBadRequest, lang.M("%s is not a folder of the working folder", r.PostForm.Get("dir")))
		return
	}
	outRel := filepath.Join(outFolder, rel)
	if err := s.root.MkdirAll(outRel, 0o755); err != nil {
		s.fail(w, http.StatusInternalServerError, lang.M("cannot create the output folder %s: %s", outRel, diag.Text(err, s.opt.Tag)))
		return
	}
	if !s.jobs.running.TryLock() {
		s.fail(w, http.StatusConflict, lang.M("a folder is being rendered already: wait until it is done"))
		return
	}
	j := &job{id: newID(), dir: rel, out: filepath.Join(s.dir, outRel)}
	inputs, err := batch.Collect([]string{filepath.Join(s.dir, rel)}, j.out)
	if err != nil {
		s.jobs.running.Unlock()
		s.fail(w, http.StatusUnprocessableEntity, lang.M("this folder cannot be rendered: %s", diag.Text(err, s.opt.Tag)))
		return
	}
	j.total = len(inputs)
	s.jobs.add(j)
	go func() {
		defer s.jobs.running.Unlock()
		s.runJob(s.ctx, j, inputs)
	}()
	http.Redirect(w, r, "/"+s.token+"/batch/"+j.id, http.StatusSeeOther)
}

// runJob renders a folder as `hoinghi batch --bundle` does: each meeting
// with its own office profile's setup, a manifest in the output folder.
func (s *Server) runJob(ctx context.Context, j *job, inputs []batch.Input) {
	finish := func(err error) {
		j.mu.Lock()
		j.done, j.err = true, err
		j.mu.Unlock()
	}
	unlock, err := batch.Lock(j.out)
	if err != nil {
		finish(err)
		return
	}
	defer unlock()
	if err := batch.RemoveTemps(j.out); err != nil {
		finish(err)
		return
	}
	opt := batch.Options{Out: j.out, Jobs: runtime.NumCPU(), Bundle: true}
	setupOf := func(file string) (*batch.Setup, error) {
		path, err := s.profileFor(file)
		if err != nil {
			return &batch.Setup{Err: err}, nil
		}
		set, err := s.setup(path)
		if err != nil {
			return &batch.Setup{Err: err}, nil
		}
		return &set, nil
	}
	if opt.Setup, err = batch.Assign(inputs, setupOf, func() (batch.Setup, error) { return s.setup("") }); err != nil {
		finish(err)
		return
	}
	opt.Done = func(e batch.Entry) {
		j.mu.Lock()
		j.entries = append(j.entries, e)
		for _, o := range e.Outputs {
			j.outputs = append(j.outputs, filepath.ToSlash(o.Path))
		}
		j.mu.Unlock()
	}
	m := batch.Run(ctx, inputs, opt)
	finish(m.Write(filepath.Join(j.out, "manifest.json")))
}

// jobData is the page of a folder render.
type jobData struct {
	ID, Dir, Out string
	Done         bool
	Count, Total int
	Failed       int
	Error        string
	Entries      []jobEntry
}

type jobEntry struct {
	Path, Status string
	Problems     []problemRow
	Error        string
	Outputs      []string
}

// status is what the page and the JSON of a job show.
func (s *Server) status(j *job) jobData {
	j.mu.Lock()
	defer j.mu.Unlock()
	d := jobData{ID: j.id, Dir: filepath.ToSlash(j.dir), Out: j.out, Done: j.done, Count: len(j.entries), Total: j.total}
	if j.err != nil {
		d.Error = diag.Text(j.err, s.opt.Tag)
	}
	for _, e := range j.entries {
		rel, err := filepath.Rel(s.dir, filepath.FromSlash(e.Path))
		if err != nil {
			rel = e.Path
		}
		je := jobEntry{Path: filepath.ToSlash(rel), Status: e.Status}
		if e.Status == batch.StatusFailed {
			d.Failed++
			if je.Problems = s.problems(filepath.FromSlash(e.Path), e.Cause()); je.Problems == nil {
				je.Error = diag.Text(e.Cause(), s.opt.Tag)
			}
		}
		for _, o := range e.Outputs {
			je.Outputs = append(je.Outputs, filepath.ToSlash(o.Path))
		}
		d.Entries = append(d.Entries, je)
	}
	slices.SortFunc(d.Entries, func(a, b jobEntry) int {
		switch {
		case a.Path < b.Path:
			return -1
		case a.Path > b.Path:
			return 1
		}
		return 0
	})
	return d
}

func (s *Server) batchPage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	asJSON := false
	if stem, ok := strings.CutSuffix(id, ".json"); ok {
		id, asJSON = stem, true
	}
	j := s.jobs.get(id)
	if j == nil {
		s.fail(w, http.StatusNotFound, lang.M("this folder render is no longer kept: start it again"))
		return
	}
	d := s.status(j)
	if asJSON {
		state := "running"
		if d.Done {
			state = "done"
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"state": state, "done": d.Count, "total": d.Total, "failed": d.Failed})
		return
	}
	s.show(w, http.StatusOK, "batch", lang.M("Rendering the folder %s", d.Dir).In(s.opt.Tag), d)
}

// batchFile serves one file a folder render wrote, read through the
// working folder's os.Root.
func (s *Server) batchFile(w http.ResponseWriter, r *http.Request) {
	j := s.jobs.get(r.PathValue("id"))
	want := r.URL.Query().Get("path")
	if j == nil {
		s.fail(w, http.StatusNotFound, lang.M("this folder render is no longer kept: start it again"))
		return
	}
	j.mu.Lock()
	ok := slices.Contains(j.outputs, want)
	j.mu.Unlock()
	if !ok {
		s.fail(w, http.StatusNotFound, lang.M("%s is not a file of this folder render", want))
		return
	}
	rel, err := filepath.Rel(s.dir, filepath.Join(j.out, filepath.FromSlash(want)))
	if err == nil {
		var data []byte
		if data, err = input.ReadIn(s.root, rel, lang.M("the output file"), 1<<30); err == nil {
			serveBytes(w, filepath.Base(rel), data, false)
			return
		}
	}
	if isNotExist(err) {
		s.fail(w, http.StatusNotFound, lang.M("%s is not a file of this folder render", want))
		return
	}
	s.fail(w, http.StatusInternalServerError, lang.M("%s cannot be read: %s", want, diag.Text(err, s.opt.Tag)))
}
