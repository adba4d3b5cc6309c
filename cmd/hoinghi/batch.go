package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/hoinghi/hoinghi/report/batch"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/synth"
	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v3"
	"golang.org/x/term"
)

// Exit codes of a batch stopped by a signal, as shells report them.
const (
	exitInterrupted = 130 // SIGINT
	exitTerminated  = 143 // SIGTERM
)

// exitBusy is the exit code of a batch refused because another one is
// writing to its output folder (EX_TEMPFAIL: try again later).
const exitBusy = 75

// batchOptions is what `hoinghi batch` is asked to do, read from its
// flags once, so that running it is a function of them alone.
type batchOptions struct {
	Paths         []string
	Out, Manifest string
	Jobs          int
	SkipUnchanged bool
	Bundle        bool
}

func batchOptionsOf(cmd *cli.Command) batchOptions {
	o := batchOptions{
		Paths: cmd.Args().Slice(), Out: cmd.String("output"), Manifest: cmd.String("manifest"),
		Jobs: cmd.Int("jobs"), SkipUnchanged: cmd.Bool("skip-unchanged"), Bundle: cmd.Bool("bundle"),
	}
	if o.Manifest == "" && o.Out != "" {
		o.Manifest = filepath.Join(o.Out, "manifest.json")
	}
	return o
}

func (e *env) batch(ctx context.Context, cmd *cli.Command) error {
	o := batchOptionsOf(cmd)
	if len(o.Paths) == 0 || o.Out == "" {
		e.say("batch: expected meeting files or folders and -o OUT")
		return exitError{exitInput}
	}
	inputs, err := batch.Collect(o.Paths, o.Out)
	if err != nil {
		e.sayErr(err)
		return exitError{exitInput}
	}
	opt := batch.Options{Out: o.Out, Jobs: o.Jobs, Bundle: o.Bundle}
	setups := map[string]*batch.Setup{}
	said := map[string]bool{}
	// Without a profile, only the flags can be wrong: that ends the batch.
	flagsWrong := errors.New("the flags are wrong")
	setupOf := func(file string) (*batch.Setup, error) {
		path, err := profileOf(cmd, file)
		if err != nil {
			return &batch.Setup{Err: err}, nil
		}
		if s, ok := setups[path]; ok {
			return s, nil
		}
		r, set, err := e.setupWith(cmd, path)
		if err != nil && path == "" {
			e.sayErr(err)
			return nil, flagsWrong
		}
		if err == nil && path != "" {
			// Its meetings are those of this profile: found once, here.
			r.Profile = path
		}
		s := new(set.batchSetup(r))
		if err != nil {
			s = &batch.Setup{Err: profileProblem(path, err)}
		}
		setups[path] = s
		if s.Renderer != nil {
			e.sayProfile(said, set.profile)
		}
		return s, nil
	}
	fallback := func() (batch.Setup, error) {
		r, set, err := e.setupWith(cmd, "")
		if err != nil {
			e.sayErr(err)
			return batch.Setup{}, flagsWrong
		}
		return set.batchSetup(r), nil
	}
	if opt.Setup, err = batch.Assign(inputs, setupOf, fallback); err != nil {
		return exitError{exitInput}
	}
	signing, done, err := e.signing("batch", cmd)
	if err != nil {
		return err
	}
	defer done()
	opt.Sign = signing
	return e.runBatch(ctx, o, inputs, opt)
}

// profileProblem is err, met setting up the office profile at path, as a
// problem of that profile: a batch fails its meetings with it, naming the
// profile rather than each meeting file.
func profileProblem(path string, err error) error {
	if errors.As(err, new(diag.List)) {
		return diag.InFile(path, err)
	}
	var why any = err.Error()
	var le *lang.Error
	if errors.As(err, &le) {
		why = le.Msg
	}
	return diag.List{{File: path, Msg: lang.M("this office profile cannot be used: %s", why), Err: err}}
}

// runBatch renders inputs as o and opt say, writes the manifest, and
// returns the exit status. The output folder is locked while it runs,
// and temporary files a killed run left there are removed first. A
// signal stops it from starting new meetings, those in flight have
// batch.Grace to finish, and the manifest lists the others as cancelled.
func (e *env) runBatch(ctx context.Context, o batchOptions, inputs []batch.Input, opt batch.Options) error {
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		e.say("cannot create the output folder %s: %s", o.Out, diag.Text(err, e.tag))
		return exitError{exitRender}
	}
	unlock, err := batch.Lock(o.Out)
	if err != nil {
		e.sayErr(err)
		return exitError{exitBusy}
	}
	defer unlock()
	if err := batch.RemoveTemps(o.Out); err != nil {
		e.say("%s: cannot remove the temporary files of an earlier run: %s", o.Out, diag.Text(err, e.tag))
		return exitError{exitRender}
	}
	if o.SkipUnchanged {
		var err error
		if opt.Previous, err = batch.ReadManifest(o.Manifest); err != nil {
			e.sayErr(err)
			return exitError{exitInput}
		}
	}
	ctx, caught := stopOnSignal(ctx)
	bar := e.progress(len(inputs))
	failed := 0
	opt.Done = func(en batch.Entry) {
		if en.Status == batch.StatusSkipped {
			if bar != nil {
				bar.Clear()
			}
			e.say("warning: %s", diag.Text(en.Cause(), e.tag))
		}
		if en.Status == batch.StatusFailed {
			failed++
			if bar != nil {
				bar.Clear()
			}
			e.printFailure(en)
		}
		if bar != nil {
			bar.Describe(lang.M("failed: %d", failed).In(e.tag))
			bar.Add(1)
		}
	}
	tuneGC(opt.Jobs)
	start := time.Now()
	m := batch.Run(ctx, inputs, opt)
	if bar != nil {
		bar.Finish()
	}
	if err := m.Write(o.Manifest); err != nil {
		e.say("%s: cannot write: %s", o.Manifest, diag.Text(err, e.tag))
		return exitError{exitRender}
	}
	e.say("batch: %d of %d meetings done, %d failed, in %s; manifest %s", m.Done(), len(inputs)-m.Skipped(), m.Failed(), time.Since(start).Round(time.Millisecond), o.Manifest)
	switch caught() {
	case syscall.SIGINT:
		return exitError{exitInterrupted}
	case syscall.SIGTERM:
		return exitError{exitTerminated}
	}
	if m.Failed() > 0 {
		return exitError{exitRender}
	}
	return nil
}

// stopOnSignal returns a context that ends at SIGINT or SIGTERM, and a
// function that tells which of them came, if any, once the work is done.
func stopOnSignal(parent context.Context) (context.Context, func() os.Signal) {
	ctx, cancel := context.WithCancel(parent)
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)
	var got atomic.Value
	go func() {
		select {
		case s := <-signals:
			got.Store(s)
			cancel()
		case <-ctx.Done():
		}
	}()
	return ctx, func() os.Signal {
		signal.Stop(signals)
		cancel()
		s, _ := got.Load().(os.Signal)
		return s
	}
}

// progress is the progress bar of a batch on a terminal, nil elsewhere:
// scripts get plain lines.
func (e *env) progress(n int) *progressbar.ProgressBar {
	f, ok := e.stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return progressbar.NewOptions(n,
		progressbar.OptionSetWriter(e.stderr),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString(lang.M("meetings").In(e.tag)),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSetDescription(lang.M("failed: %d", 0).In(e.tag)),
		progressbar.OptionClearOnFinish(),
	)
}

// tuneGC sets the collector for a batch. A batch allocates and drops a
// document's worth of memory for every meeting: a lazier collector spends
// far less time collecting, within a ceiling — what every meeting shares
// (fonts, templates, the manifest) and a document in flight per worker —
// that keeps a batch of 10,000 meetings in the memory of one of 1,000,
// far under the 200 MB a batch may take. GOGC and GOMEMLIMIT still win
// when set.
func tuneGC(jobs int) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(int64(48+8*max(jobs, 1)) << 20)
	}
}

// printFailure prints one line per problem of a failed meeting —
// file:line:column: field: message, the file being the one the problem
// is in, the meeting's or its office profile's — or the meeting and its
// error.
func (e *env) printFailure(en batch.Entry) {
	if len(en.Problems) == 0 {
		fmt.Fprintf(e.stderr, "%s: %s\n", en.Path, diag.Text(en.Cause(), e.tag))
		return
	}
	for _, p := range en.Problems {
		fmt.Fprintln(e.stderr, p.Diag.In(e.tag))
	}
}

func (e *env) sample(ctx context.Context, cmd *cli.Command) error {
	out := cmd.String("output")
	n := cmd.Int("count")
	if out == "" || n <= 0 {
		e.say("sample: expected --count N and -o DIR")
		return exitError{exitInput}
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		e.say("cannot create the output folder %s: %s", out, diag.Text(err, e.tag))
		return exitError{exitRender}
	}
	for i, m := range synth.Meetings(uint64(cmd.Int("seed")), n) {
		data, err := synth.YAML(m)
		if err != nil {
			e.sayErr(err)
			return exitError{exitRender}
		}
		path := filepath.Join(out, fmt.Sprintf("hop-%05d.yaml", i+1))
		if err := os.WriteFile(path, data, 0o644); err != nil {
			e.say("%s: cannot write: %s", path, diag.Text(err, e.tag))
			return exitError{exitRender}
		}
	}
	e.say("wrote %d meetings in %s", n, out)
	return nil
}

var defaultJobs = runtime.NumCPU()

func init() {
	lang.Register(map[string]string{
		"batch: expected meeting files or folders and -o OUT": "batch: cần các tệp hoặc thư mục cuộc họp và -o THƯ_MỤC",
		"meetings":                               "cuộc họp",
		"this office profile cannot be used: %s": "không dùng được hồ sơ cơ quan này: %s",
		"warning: %s":                            "cảnh báo: %s",
		"%s: cannot remove the temporary files of an earlier run: %s": "%s: không xóa được các tệp tạm của lần chạy trước: %s",
		"failed: %d": "lỗi: %d",
		"batch: %d of %d meetings done, %d failed, in %s; manifest %s": "batch: xong %d/%d cuộc họp, %d lỗi, trong %s; bảng kê %s",
		"sample: expected --count N and -o DIR":                        "sample: cần --count N và -o THƯ_MỤC",
		"wrote %d meetings in %s":                                      "đã ghi %d cuộc họp vào %s",
	})
}
