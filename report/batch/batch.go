// Package batch renders many meeting files in one run, as the monthly
// scripts of an office do: in parallel, each meeting independent of the
// others, every output written atomically, and a manifest that says
// exactly what happened.
//
// The same inputs give the same outputs and the same manifest, byte for
// byte, whatever the number of workers and whatever order the files were
// found in: inputs are planned in sorted order before any work starts, and
// results are recorded by their place in that plan, not by when they end.
package batch

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"github.com/hoinghi/hoinghi/report/diag"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/hoinghi/hoinghi/report"
	"github.com/hoinghi/hoinghi/report/atomic"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/vn"
	"github.com/hoinghi/hoinghi/report/when"
)

// Input is one meeting file and where its outputs go.
type Input struct {
	// Path is the file as found.
	Path string
	// Dir is the folder of its outputs relative to the output root, which
	// mirrors the input tree: "thang-7/xa-tan-an".
	Dir string
}

// Options are what a batch renders and how.
type Options struct {
	Renderer *report.Renderer
	// Out is the output root.
	Out string
	// Kinds, Formats and SortByName are as for one render.
	Kinds      []string
	Formats    []string
	SortByName bool
	// Jobs is the number of meetings rendered at once.
	Jobs int
	// Bundle puts each meeting's outputs into one ZIP file.
	Bundle bool
	// Previous is the manifest of an earlier run; with it, an input whose
	// hash and tool match and whose outputs are intact is not rendered
	// again.
	Previous *Manifest
	// Done is called after each meeting, from one goroutine at a time.
	Done func(Entry)
}

// Run renders inputs and returns the manifest of what completed. When ctx
// is cancelled, no new meeting starts, those in flight finish, and the
// manifest lists exactly the meetings that completed.
func Run(ctx context.Context, inputs []Input, opt Options) *Manifest {
	m := &Manifest{Tool: opt.Renderer.Creator, Options: fingerprint(opt)}
	entries := make([]*Entry, len(inputs))
	b := &run{Options: opt, previous: map[string]Entry{}}
	if opt.Previous != nil && opt.Previous.Tool == m.Tool && opt.Previous.Options == m.Options {
		for _, e := range opt.Previous.Inputs {
			b.previous[e.Path] = e
		}
	}

	work := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	for range max(opt.Jobs, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				e := b.one(inputs[i])
				mu.Lock()
				entries[i] = &e
				if opt.Done != nil {
					opt.Done(e)
				}
				mu.Unlock()
			}
		}()
	}
feed:
	for i := range inputs {
		select {
		case <-ctx.Done():
			break feed
		case work <- i:
		}
	}
	close(work)
	wg.Wait()
	for _, e := range entries {
		if e != nil {
			m.Inputs = append(m.Inputs, *e)
		}
	}
	return m
}

// run is one batch at work: its options, and the entries of the run
// before it that an unchanged meeting keeps.
type run struct {
	Options
	previous map[string]Entry
}

// fingerprint is what a manifest records of opt, so that a run with
// other options renders everything again.
func fingerprint(opt Options) string {
	f := fmt.Sprintf("kinds=%s formats=%s sort=%t bundle=%t fonts+templates=%.16s", strings.Join(opt.Kinds, ","), strings.Join(opt.Formats, ","), opt.SortByName, opt.Bundle, opt.Renderer.Digest())
	if opt.Renderer.Epoch != nil {
		f += " epoch=" + opt.Renderer.Epoch.UTC().Format(time.RFC3339)
	}
	return f
}

// one renders one meeting.
func (b *run) one(in Input) Entry {
	e := Entry{Path: filepath.ToSlash(in.Path), Status: StatusOK}
	data, err := os.ReadFile(in.Path)
	if err != nil {
		return e.fail(err)
	}
	e.SHA256 = hash(data)
	l, err := b.Renderer.Parse(in.Path, data)
	if l != nil {
		e.Profile = l.ProfileDigest
	}
	if p, ok := b.previous[e.Path]; ok && p.SHA256 == e.SHA256 && p.Profile == e.Profile && p.Status != StatusFailed && b.intact(p.Outputs) {
		p.Status = StatusUnchanged
		return p
	}
	if err != nil {
		return e.fail(err)
	}
	files, err := b.render(l)
	if err != nil {
		return e.fail(err)
	}
	if b.Bundle {
		z, err := bundle(files, b.Renderer.Stamp(l.Meeting, when.Date{}))
		if err != nil {
			return e.fail(err)
		}
		files = []file{{name: in.Dir + ".zip", data: z}}
	} else {
		for i := range files {
			files[i].name = filepath.Join(in.Dir, files[i].name)
		}
	}
	for _, f := range files {
		path := filepath.Join(b.Out, f.name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return e.fail(err)
		}
		if err := atomic.WriteFile(path, f.data); err != nil {
			return e.fail(err)
		}
		e.Outputs = append(e.Outputs, Output{Path: filepath.ToSlash(f.name), Size: int64(len(f.data)), SHA256: hash(f.data)})
	}
	return e
}

type file struct {
	name string
	data []byte
}

// render makes a meeting's files in memory, in a fixed order.
func (b *run) render(l *report.Loaded) ([]file, error) {
	outs, err := b.Renderer.Plan(l, b.Kinds, b.Formats, b.SortByName)
	if err != nil {
		return nil, err
	}
	files := make([]file, len(outs))
	for i, o := range outs {
		var b bytes.Buffer
		if err := o.Write(context.Background(), &b); err != nil {
			return nil, fmt.Errorf("%s: %w", o.Name, err)
		}
		files[i] = file{o.Name, b.Bytes()}
	}
	return files, nil
}

// intact reports whether the outputs of an earlier run are all present
// with the recorded size and hash.
func (b *run) intact(outs []Output) bool {
	if len(outs) == 0 {
		return false
	}
	for _, o := range outs {
		data, err := os.ReadFile(filepath.Join(b.Out, filepath.FromSlash(o.Path)))
		if err != nil || int64(len(data)) != o.Size || hash(data) != o.SHA256 {
			return false
		}
	}
	return true
}

// bundle zips a meeting's files for one email attachment, with fixed
// times so that the archive is the same for the same input.
func bundle(files []file, stamp time.Time) ([]byte, error) {
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, f := range files {
		w, err := z.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: stamp.UTC()})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(f.data); err != nil {
			return nil, err
		}
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func hash(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Collect finds the meeting files of paths — files, folders searched
// recursively for .yaml, .yml and .json, or glob patterns — and gives each
// the output folder that mirrors its place — folders are searched for
// .yaml, .yml, .json and .xlsx input workbooks: a file named directly goes to
// the root, a file found in a folder keeps its path below that folder. The
// meeting's own name becomes an ASCII folder (or ZIP) name. Inputs are
// sorted, so the plan does not depend on the order files were found in;
// two inputs that would share an output folder are an error.
//
// Files below the output root, out, are left out, so that a batch never
// reads what it wrote.
func Collect(paths []string, out string) ([]Input, error) {
	inputs, err := collect(paths, out)
	if err != nil {
		return nil, err
	}
	dirs := map[string]string{}
	for _, in := range inputs {
		if other, dup := dirs[in.Dir]; dup {
			return nil, lang.Errorf("%s and %s would both write to %s: rename one of them", other, in.Path, in.Dir)
		}
		dirs[in.Dir] = in.Path
	}
	return inputs, nil
}

// Files finds the meeting files of paths as Collect does — files, folders
// searched recursively, globs — for commands that take them one by one.
func Files(paths []string) ([]string, error) {
	inputs, err := collect(paths, "")
	if err != nil {
		return nil, err
	}
	files := make([]string, len(inputs))
	for i, in := range inputs {
		files[i] = in.Path
	}
	return files, nil
}

func collect(paths []string, out string) ([]Input, error) {
	outAbs, _ := filepath.Abs(out)
	var inputs []Input
	add := func(path, rel string) {
		stem := vn.ASCII(strings.TrimSuffix(filepath.Base(rel), filepath.Ext(rel)))
		inputs = append(inputs, Input{Path: path, Dir: filepath.Join(filepath.Dir(rel), stem)})
	}
	for _, p := range paths {
		matches := []string{p}
		if strings.ContainsAny(p, "*?[") {
			var err error
			if matches, err = filepath.Glob(p); err != nil {
				return nil, fmt.Errorf("%s: %w", p, err)
			}
			if len(matches) == 0 {
				return nil, lang.Errorf("%s matches no file", p)
			}
		}
		for _, match := range matches {
			st, err := os.Stat(match)
			if err != nil {
				return nil, err
			}
			if !st.IsDir() {
				add(match, filepath.Base(match))
				continue
			}
			err = filepath.WalkDir(match, func(path string, d os.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if abs, _ := filepath.Abs(path); d.IsDir() && out != "" && abs == outAbs {
					return filepath.SkipDir
				}
				if !d.IsDir() && isMeeting(path) {
					rel, err := filepath.Rel(match, path)
					if err != nil {
						return err
					}
					add(path, rel)
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
	}
	sort.Slice(inputs, func(i, j int) bool { return inputs[i].Path < inputs[j].Path })
	inputs = slices.CompactFunc(inputs, func(a, b Input) bool { return a.Path == b.Path })
	if len(inputs) == 0 {
		return nil, lang.Errorf("no meeting file (.yaml, .yml, .json, .xlsx) found in %s", strings.Join(paths, ", "))
	}
	return inputs, nil
}

func isMeeting(path string) bool {
	base := filepath.Base(path)
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml", ".json":
		return base != "manifest.json" && base != "hoinghi.yaml"
	case ".xlsx":
		// Attendance workbooks are outputs, and "~$" files are Excel's
		// locks on a workbook being edited.
		return !strings.HasPrefix(base, report.WorkbookPrefix) && !strings.HasPrefix(base, "~$")
	}
	return false
}

// Statuses of a meeting in the manifest.
const (
	StatusOK        = "ok"
	StatusUnchanged = "unchanged"
	StatusFailed    = "failed"
)

func (e Entry) fail(err error) Entry {
	e.Status = StatusFailed
	e.Outputs = nil
	e.Error = err.Error()
	e.cause = err
	var ps diag.List
	if errors.As(err, &ps) {
		for _, p := range ps {
			mp := Problem{Line: p.Line, Column: p.Col, Cell: p.Cell, Field: p.Path, Message: p.Msg.String(), Diag: p}
			if filepath.ToSlash(p.File) != e.Path {
				mp.File = filepath.ToSlash(p.File)
			}
			e.Problems = append(e.Problems, mp)
		}
	}
	return e
}

func init() {
	lang.Register(map[string]string{
		"%s matches no file": "%s không khớp tệp nào",
		"%s and %s would both write to %s: rename one of them":    "%s và %s cùng ghi vào %s: hãy đổi tên một tệp",
		"no meeting file (.yaml, .yml, .json, .xlsx) found in %s": "không tìm thấy tệp cuộc họp (.yaml, .yml, .json, .xlsx) trong %s",
	})
}
