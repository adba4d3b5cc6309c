package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/report"
	"github.com/hoinghi/hoinghi/report/atomic"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/meeting"
	"github.com/hoinghi/hoinghi/templates"
	"github.com/urfave/cli/v3"
	"golang.org/x/text/language"
)

// env is what every command shares: the language and the streams.
type env struct {
	tag            language.Tag
	stdout, stderr io.Writer
}

// say prints a translated message to standard error.
func (e *env) say(key string, args ...any) {
	fmt.Fprintln(e.stderr, "hoinghi: "+lang.M(key, args...).In(e.tag))
}

// sayErr prints an error in the chosen language when it can be
// translated.
func (e *env) sayErr(err error) {
	var ps meeting.Problems
	var fe *fonts.Error
	switch {
	case errors.As(err, &ps):
		fmt.Fprintln(e.stderr, ps.In(e.tag))
	case errors.As(err, &fe):
		fmt.Fprintln(e.stderr, "hoinghi: "+fe.In(e.tag))
	default:
		fmt.Fprintln(e.stderr, "hoinghi: "+err.Error())
	}
}

// renderer loads the fonts (embedded, or from --font-dir) and compiles
// the templates, once per process.
func (e *env) renderer(cmd *cli.Command) (*report.Renderer, error) {
	fs := fonts.Default()
	if dir := cmd.String("font-dir"); dir != "" {
		var err error
		if fs, err = fonts.LoadDir(dir); err != nil {
			return nil, err
		}
	}
	srcs, err := templates.Builtin()
	if err != nil {
		return nil, err
	}
	r, err := report.New(fs, srcs, "hoinghi "+version())
	if err != nil {
		return nil, err
	}
	if r.Epoch, err = sourceDate(); err != nil {
		return nil, err
	}
	return r, nil
}

// output is one file a render produces.
type output struct {
	name  string
	write func(w io.Writer) error
}

func (e *env) render(ctx context.Context, cmd *cli.Command) error {
	files := cmd.Args().Slice()
	if len(files) == 0 {
		e.say("render: expected at least one meeting file")
		return exitError{exitInput}
	}
	formats := cmd.StringSlice("format")
	for _, f := range formats {
		if f != "pdf" && f != "xlsx" {
			e.say("unknown format %s: expected pdf or xlsx", f)
			return exitError{exitInput}
		}
	}
	sortMode := cmd.String("sort")
	if sortMode != "" && sortMode != "ten" {
		e.say("unknown sort order %s: expected ten or nothing", sortMode)
		return exitError{exitInput}
	}
	r, err := e.renderer(cmd)
	if err != nil {
		e.sayErr(err)
		return exitError{exitInput}
	}
	dir := cmd.String("output")
	toStdout := dir == "-"

	// Load and plan everything first, so that a usage problem (two
	// documents for one standard output, two documents with one name)
	// is found before anything is written.
	code := exitOK
	var plan []output
	seen := map[string]string{}
	for _, file := range files {
		m, err := r.Load(file)
		if err != nil {
			e.sayErr(err)
			code = max(code, exitInput)
			continue
		}
		var outs []output
		if slices.Contains(formats, "pdf") {
			docs, err := r.Documents(m, cmd.StringSlice("kind"))
			if err != nil {
				e.sayErr(err)
				return exitError{exitInput}
			}
			for _, d := range docs {
				outs = append(outs, output{report.FileName(d), func(w io.Writer) error { return r.PDF(w, m, d) }})
			}
		}
		if slices.Contains(formats, "xlsx") && !toStdout || slices.Equal(formats, []string{"xlsx"}) {
			outs = append(outs, output{report.WorkbookName(m), func(w io.Writer) error { return r.XLSX(w, m, sortMode == "ten") }})
		}
		for _, o := range outs {
			if other, dup := seen[o.name]; dup {
				e.say("%s and %s would both write %s: render them into different folders with -o", other, file, o.name)
				return exitError{exitInput}
			}
			seen[o.name] = file
		}
		plan = append(plan, outs...)
	}
	if toStdout && len(plan) != 1 {
		if code == exitOK {
			e.say("-o - writes one document to standard output, but %d would be produced: choose one with --kind and --format", len(plan))
		}
		return exitError{exitInput}
	}
	for _, o := range plan {
		var buf bytes.Buffer
		if err := o.write(&buf); err != nil {
			e.say("%s: cannot render: %s", o.name, err.Error())
			code = max(code, exitRender)
			continue
		}
		if toStdout {
			if _, err := e.stdout.Write(buf.Bytes()); err != nil {
				e.sayErr(err)
				code = max(code, exitRender)
			}
			continue
		}
		// The folder is made only when there is something to put in it.
		if err := os.MkdirAll(dir, 0o755); err != nil {
			e.say("cannot create the output folder %s: %s", dir, err.Error())
			return exitError{exitRender}
		}
		path := filepath.Join(dir, o.name)
		if err := atomic.WriteFile(path, buf.Bytes()); err != nil {
			e.say("%s: cannot write: %s", path, err.Error())
			code = max(code, exitRender)
			continue
		}
		e.say("wrote %s", path)
	}
	if code != exitOK {
		return exitError{code}
	}
	return nil
}

func (e *env) validate(ctx context.Context, cmd *cli.Command) error {
	files := cmd.Args().Slice()
	if len(files) == 0 {
		e.say("validate: expected at least one meeting file")
		return exitError{exitInput}
	}
	r, err := e.renderer(cmd)
	if err != nil {
		e.sayErr(err)
		return exitError{exitInput}
	}
	bad := 0
	for _, file := range files {
		if _, err := r.Load(file); err != nil {
			e.sayErr(err)
			bad++
			continue
		}
		e.say("%s: valid", file)
	}
	if bad > 0 {
		return exitError{exitInput}
	}
	return nil
}

func (e *env) init(ctx context.Context, cmd *cli.Command) error {
	switch cmd.Args().Len() {
	case 0:
		_, err := e.stdout.Write(meeting.Starter())
		return err
	case 1:
	default:
		e.say("init: expected at most one file name")
		return exitError{exitInput}
	}
	path := cmd.Args().First()
	if _, err := os.Stat(path); err == nil {
		e.say("%s already exists: init never overwrites a file", path)
		return exitError{exitInput}
	}
	if err := atomic.WriteFile(path, meeting.Starter()); err != nil {
		e.say("%s: cannot write: %s", path, err.Error())
		return exitError{exitRender}
	}
	e.say("wrote %s", path)
	return nil
}

func (e *env) schema(ctx context.Context, cmd *cli.Command) error {
	_, err := e.stdout.Write(meeting.Schema())
	return err
}

func (e *env) version(ctx context.Context, cmd *cli.Command) error {
	_, err := fmt.Fprintln(e.stdout, "hoinghi "+version())
	return err
}

func init() {
	lang.Register(map[string]string{
		"render: expected at least one meeting file":                                                                 "render: cần ít nhất một tệp cuộc họp",
		"validate: expected at least one meeting file":                                                               "validate: cần ít nhất một tệp cuộc họp",
		"unknown format %s: expected pdf or xlsx":                                                                    "không có định dạng %s: cần pdf hoặc xlsx",
		"unknown sort order %s: expected ten or nothing":                                                             "không có thứ tự %s: cần ten hoặc để trống",
		"the output folder %s does not exist":                                                                        "thư mục xuất %s không tồn tại",
		"%s and %s would both write %s: render them into different folders with -o":                                  "%s và %s cùng ghi ra %s: hãy xuất vào các thư mục khác nhau bằng -o",
		"-o - writes one document to standard output, but %d would be produced: choose one with --kind and --format": "-o - chỉ ghi một văn bản ra đầu ra chuẩn, nhưng có %d văn bản: hãy chọn một bằng --kind và --format",
		"%s: cannot render: %s":                                                                                      "%s: không xuất được: %s",
		"%s: cannot write: %s":                                                                                       "%s: không ghi được: %s",
		"wrote %s":                                                                                                   "đã ghi %s",
		"%s: valid":                                                                                                  "%s: hợp lệ",
		"init: expected at most one file name":                                                                       "init: chỉ nhận tối đa một tên tệp",
		"%s already exists: init never overwrites a file":                                                            "%s đã có: init không ghi đè tệp",
	})
}
