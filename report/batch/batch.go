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
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/hoinghi/hoinghi/report"
	"github.com/hoinghi/hoinghi/report/atomic"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/meeting"
	"github.com/hoinghi/hoinghi/report/sign"
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
	// Setup, when set, is how this meeting is rendered — the fonts,
	// templates and settings of its own folder's office profile — instead
	// of the batch's.
	Setup *Setup
	// Skip, when set, is why the file is not read: a symbolic link, or not
	// a regular file. The manifest lists it as skipped.
	Skip error
}

// Setup is how meetings are rendered: with which renderer and settings.
type Setup struct {
	Renderer *report.Renderer
	// Kinds, Formats and SortByName are as for one render.
	Kinds      []string
	Formats    []string
	SortByName bool
	// Err, when set, is why the renderer could not be made — a broken
	// office profile, font or template — and fails every meeting of it.
	Err error
}

// Assign gives each input that is not skipped the setup setupOf makes
// for its meeting file, and returns the batch's own: the first setup
// that renders, else fallback's. An error from setupOf or fallback ends
// it; a setup that cannot render carries its Err instead.
func Assign(inputs []Input, setupOf func(meetingFile string) (*Setup, error), fallback func() (Setup, error)) (Setup, error) {
	var first *Setup
	for i, in := range inputs {
		if in.Skip != nil {
			continue
		}
		s, err := setupOf(in.Path)
		if err != nil {
			return Setup{}, err
		}
		inputs[i].Setup = s
		if first == nil && s.Renderer != nil {
			first = s
		}
	}
	if first != nil {
		return *first, nil
	}
	return fallback()
}

// Options are what a batch renders and how.
type Options struct {
	Setup
	// Out is the output root.
	Out string
	// Jobs is the number of meetings rendered at once.
	Jobs int
	// Bundle puts each meeting's outputs into one ZIP file.
	Bundle bool
	// Timeout is the longest one meeting may take to be read and
	// rendered; MeetingTimeout when zero.
	Timeout time.Duration
	// Previous is the manifest of an earlier run; with it, an input whose
	// hash, tool and options match and whose outputs are intact is not
	// rendered again.
	Previous *Manifest
	// Done is called after each meeting, from one goroutine at a time.
	Done func(Entry)
	// Sign, when not nil, signs every PDF of the batch as its signer
	// (người ký), with one key for all; a PDF that cannot be signed fails
	// its meeting only.
	Sign *Signing
}

// Signing is the key a batch signs with, its session opened once, and
// the options of every signature.
type Signing struct {
	Key     *sign.Key
	Options sign.Options
}

// Sign signs the PDF data as its signer, with the key and the options
// of s, and returns it with the signature as a manifest records it.
func (s *Signing) Sign(ctx context.Context, data []byte) ([]byte, Signature, error) {
	o := s.Options
	o.Role = sign.Signer
	signed, sig, err := sign.Sign(ctx, data, s.Key, o)
	if err != nil {
		return nil, Signature{}, err
	}
	return signed, Signature{Role: sig.Role.String(), Subject: sig.Subject, Time: sig.Time.Format(time.RFC3339), Certificate: sig.Fingerprint}, nil
}

// Grace is how long the meetings in flight may take to finish once a
// batch is cancelled; those still running then are abandoned and listed
// as cancelled.
const Grace = 5 * time.Second

// MeetingTimeout is the longest one meeting may take to be read and
// rendered unless Options say otherwise; a meeting that takes longer
// fails, and the others go on.
const MeetingTimeout = 2 * time.Minute

// Run renders inputs and returns the manifest, which lists every input.
// Each meeting is isolated: a crash or a timeout fails that meeting only.
// When ctx is cancelled, no new meeting starts, those in flight have
// Grace to finish, and every meeting not done is listed as cancelled.
func Run(ctx context.Context, inputs []Input, opt Options) *Manifest {
	m := &Manifest{Tool: opt.Renderer.Creator, Options: opt.fingerprint(&opt.Setup)}
	entries := make([]*Entry, len(inputs))
	b := &run{Options: opt, previous: map[string]Entry{}, stop: make(chan struct{})}
	if opt.Previous != nil && opt.Previous.Tool == m.Tool {
		for _, e := range opt.Previous.Inputs {
			if e.Options == "" {
				e.Options = opt.Previous.Options
			}
			b.previous[e.Path] = e
		}
	}
	defer context.AfterFunc(ctx, func() { time.AfterFunc(Grace, func() { close(b.stop) }) })()

	work := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	for range max(opt.Jobs, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				e := b.isolated(inputs[i])
				mu.Lock()
				entries[i] = &e
				if opt.Done != nil {
					opt.Done(e)
				}
				mu.Unlock()
			}
		}()
	}
	// A select with both cases ready picks one at random: a batch
	// stopped before it starts must start nothing.
feed:
	for i := range inputs {
		if ctx.Err() != nil {
			break
		}
		select {
		case <-ctx.Done():
			break feed
		case work <- i:
		}
	}
	close(work)
	wg.Wait()
	for i, e := range entries {
		if e == nil {
			e = &Entry{Path: filepath.ToSlash(inputs[i].Path), Status: StatusCancelled}
			if inputs[i].Skip != nil {
				*e = skipped(inputs[i])
			}
		}
		m.Inputs = append(m.Inputs, *e)
	}
	return m
}

// run is one batch at work: its options, the entries of the run before
// it that an unchanged meeting keeps, and stop, closed when the meetings
// in flight are to be abandoned.
type run struct {
	Options
	previous map[string]Entry
	stop     chan struct{}
}

// fingerprint is what a manifest records of the options a meeting is
// rendered with, so that a run with other options, fonts or templates
// renders it again.
func (opt *Options) fingerprint(s *Setup) string {
	if s.Renderer == nil {
		return ""
	}
	f := fmt.Sprintf("kinds=%s formats=%s sort=%t electronic=%t bundle=%t fonts+templates=%.16s", strings.Join(s.Kinds, ","), strings.Join(s.Formats, ","), s.SortByName, s.Renderer.Electronic, opt.Bundle, s.Renderer.Digest())
	if s.Renderer.Epoch != nil {
		f += " epoch=" + s.Renderer.Epoch.UTC().Format(time.RFC3339)
	}
	if opt.Sign != nil {
		f += fmt.Sprintf(" sign=%s tsa=%t", sign.Fingerprint(opt.Sign.Key.Cert), opt.Sign.Options.TSA != "")
		if im := opt.Sign.Options.Image; im != nil {
			f += " image=" + im.SHA256[:16]
		}
	}
	return f
}

// isolated does one meeting: it is read and rendered in a goroutine of
// its own, so that a crash fails that meeting only, and one that runs too
// long, or past the grace period of a cancelled batch, is abandoned. Only
// a meeting that finished is written, here, so an abandoned one never
// writes anything.
func (b *run) isolated(in Input) Entry {
	s := &b.Setup
	if in.Setup != nil {
		s = in.Setup
	}
	e := Entry{Path: filepath.ToSlash(in.Path), Status: StatusOK, Options: b.fingerprint(s)}
	if in.Skip != nil {
		return skipped(in)
	}
	if s.Err != nil {
		e.Options = ""
		return e.fail(s.Err)
	}
	type result struct {
		e     Entry
		files []file
	}
	// Ending the meeting's context stops its templates at their next step,
	// so that a meeting abandoned at the timeout or at a signal does not
	// go on computing.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan result, 1)
	go func() {
		defer func() {
			if v := recover(); v != nil {
				done <- result{e: e.fail(lang.Errorf("hoinghi crashed on this meeting (%v): please report it with the file", v))}
			}
		}()
		e, files := b.one(ctx, s, e, in)
		done <- result{e, files}
	}()
	limit := cmp.Or(b.Timeout, MeetingTimeout)
	timeout := time.NewTimer(limit)
	defer timeout.Stop()
	select {
	case r := <-done:
		if r.e.Status != StatusOK {
			return r.e
		}
		return b.write(r.e, r.files)
	case <-timeout.C:
		return e.fail(lang.Errorf("the meeting took longer than %s and was stopped: look for a template or table that never ends", limit))
	case <-b.stop:
		e.Status, e.Options = StatusCancelled, ""
		return e
	}
}

// skipped is the entry of a file not read.
func skipped(in Input) Entry {
	return Entry{Path: filepath.ToSlash(in.Path), Status: StatusSkipped, Error: in.Skip.Error(), cause: in.Skip}
}

// one reads and renders one meeting in memory: the entry so far, and the
// files to write unless the meeting failed or is unchanged.
func (b *run) one(ctx context.Context, s *Setup, e Entry, in Input) (Entry, []file) {
	data, err := meeting.ReadFile(in.Path)
	if err != nil {
		return e.fail(err), nil
	}
	e.SHA256 = hash(data)
	l, err := s.Renderer.Parse(in.Path, data)
	if err != nil {
		return e.fail(err), nil
	}
	e.Profile = l.ProfileDigest
	if p, ok := b.previous[e.Path]; ok && p.SHA256 == e.SHA256 && p.Profile == e.Profile && p.Options == e.Options && p.Status != StatusFailed && b.intact(p.Outputs) {
		p.Status = StatusUnchanged
		return p, nil
	}
	files, err := render(ctx, s, l)
	if err != nil {
		return e.fail(err), nil
	}
	if b.Sign != nil {
		if err := b.sign(ctx, files); err != nil {
			return e.fail(err), nil
		}
	}
	if b.Bundle {
		z, err := bundle(files, s.Renderer.Stamp(l.Meeting, when.Date{}))
		if err != nil {
			return e.fail(err), nil
		}
		var sigs []Signature
		for _, f := range files {
			for _, sig := range f.sigs {
				sig.File = f.name
				sigs = append(sigs, sig)
			}
		}
		return e, []file{{name: in.Dir + ".zip", data: z, sigs: sigs}}
	}
	for i := range files {
		files[i].name = filepath.Join(in.Dir, files[i].name)
	}
	return e, files
}

// write writes a meeting's files below the output root, never through a
// symbolic link.
func (b *run) write(e Entry, files []file) Entry {
	for _, f := range files {
		if err := noLink(b.Out, f.name); err != nil {
			return e.fail(err)
		}
		path := filepath.Join(b.Out, f.name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return e.fail(err)
		}
		if err := atomic.WriteFile(path, f.data); err != nil {
			return e.fail(err)
		}
		e.Outputs = append(e.Outputs, Output{Path: filepath.ToSlash(f.name), Size: int64(len(f.data)), SHA256: hash(f.data), Signatures: f.sigs})
	}
	return e
}

// noLink refuses an output whose path below root, rel, passes through a
// symbolic link or is one: writing there could land outside the root.
func noLink(root, rel string) error {
	path := root
	for _, part := range strings.Split(filepath.Clean(rel), string(filepath.Separator)) {
		path = filepath.Join(path, part)
		st, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		if st.Mode()&fs.ModeSymlink != 0 {
			return lang.Errorf("%s is a symbolic link: hoinghi writes nothing through a link; remove it or choose another output folder", path)
		}
	}
	return nil
}

type file struct {
	name string
	data []byte
	sigs []Signature
}

// sign signs each PDF of files as the signer.
func (b *run) sign(ctx context.Context, files []file) error {
	for i, f := range files {
		if filepath.Ext(f.name) != ".pdf" {
			continue
		}
		signed, sig, err := b.Sign.Sign(ctx, f.data)
		if err != nil {
			return err
		}
		files[i].data = signed
		files[i].sigs = append(files[i].sigs, sig)
	}
	return nil
}

// render makes a meeting's files in memory, in a fixed order.
func render(ctx context.Context, s *Setup, l *report.Loaded) ([]file, error) {
	outs, err := s.Renderer.Plan(l, s.Kinds, s.Formats, s.SortByName)
	if err != nil {
		return nil, err
	}
	files := make([]file, len(outs))
	for i, o := range outs {
		var b bytes.Buffer
		if err := o.Write(ctx, &b); err != nil {
			return nil, fmt.Errorf("%s: %w", o.Name, err)
		}
		files[i] = file{name: o.Name, data: b.Bytes()}
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
		if in.Skip != nil {
			continue
		}
		if other, dup := dirs[in.Dir]; dup {
			return nil, lang.Errorf("%s and %s would both write to %s: rename one of them", other, in.Path, in.Dir)
		}
		dirs[in.Dir] = in.Path
	}
	return inputs, nil
}

// Files finds the meeting files of paths as Collect does — files, folders
// searched recursively, globs — for commands that take them one by one;
// the files Collect would skip are left out.
func Files(paths []string) ([]string, error) {
	inputs, err := collect(paths, "")
	if err != nil {
		return nil, err
	}
	var files []string
	for _, in := range inputs {
		if in.Skip == nil {
			files = append(files, in.Path)
		}
	}
	return files, nil
}

func collect(paths []string, out string) ([]Input, error) {
	outAbs, _ := filepath.Abs(out)
	var inputs []Input
	add := func(path, rel string, mode fs.FileMode) {
		stem := vn.ASCII(strings.TrimSuffix(filepath.Base(rel), filepath.Ext(rel)))
		var parts []string
		if dir := filepath.Dir(rel); dir != "." {
			for _, part := range strings.Split(dir, string(filepath.Separator)) {
				parts = append(parts, report.SafeName(part, 0))
			}
		}
		parts = append(parts, report.SafeName(stem, len(".zip")))
		in := Input{Path: path, Dir: filepath.Join(parts...)}
		switch {
		case mode&fs.ModeSymlink != 0:
			in.Skip = lang.Errorf("%s is a symbolic link: skipped; name the file itself to render it", path)
		case !mode.IsRegular():
			in.Skip = lang.Errorf("%s is not a regular file: skipped", path)
		}
		inputs = append(inputs, in)
	}
	for _, p := range paths {
		matches := []string{p}
		// A name such as "Họp [2023].yaml" is a file before it is a pattern.
		if _, err := os.Lstat(p); err != nil && strings.ContainsAny(p, "*?[") {
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
				// A file named directly is read, or refused by the reader
				// with its reason (a FIFO, a device), as render would.
				add(match, filepath.Base(match), 0)
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
					add(path, rel, d.Type())
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
	if !slices.ContainsFunc(inputs, func(in Input) bool { return in.Skip == nil }) {
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
	// StatusCancelled is a meeting not done when the batch was stopped.
	StatusCancelled = "cancelled"
	// StatusSkipped is a file found in a folder that is not read: a
	// symbolic link, or not a regular file.
	StatusSkipped = "skipped"
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
		"the manifest":       "bảng kê",
		"%s and %s would both write to %s: rename one of them":                                                    "%s và %s cùng ghi vào %s: hãy đổi tên một tệp",
		"no meeting file (.yaml, .yml, .json, .xlsx) found in %s":                                                 "không tìm thấy tệp cuộc họp (.yaml, .yml, .json, .xlsx) trong %s",
		"%s is a symbolic link: skipped; name the file itself to render it":                                       "%s là liên kết tượng trưng: bỏ qua; hãy nêu chính tệp đó để xuất",
		"%s is not a regular file: skipped":                                                                       "%s không phải tệp thường: bỏ qua",
		"%s is a symbolic link: hoinghi writes nothing through a link; remove it or choose another output folder": "%s là liên kết tượng trưng: hoinghi không ghi qua liên kết; hãy xóa nó hoặc chọn thư mục xuất khác",
		"hoinghi crashed on this meeting (%v): please report it with the file":                                    "hoinghi gặp sự cố với cuộc họp này (%v): hãy báo lỗi kèm tệp",
		"the meeting took longer than %s and was stopped: look for a template or table that never ends":           "cuộc họp chạy quá %s nên bị dừng: hãy kiểm tra mẫu hoặc bảng không có điểm dừng",
	})
}
