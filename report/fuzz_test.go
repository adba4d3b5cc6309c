package report

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/internal/testtool/guard"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/profile"
	"github.com/hoinghi/hoinghi/templates"
)

// FuzzRender renders arbitrary bytes as a meeting file, the whole way: it
// is read and validated, and every kind of document is rendered as a PDF
// and a Word file and the attendance workbook as an .xlsx, in memory, with the built-in
// templates and fonts and an empty office profile. The seeds in
// testdata/fuzz/FuzzRender are the samples and hostile meetings: alias
// bombs, deep nesting, invisible and control characters, TCVN3 text,
// unbreakable words, a start with no date. Whatever the bytes, there is
// no panic, and an error is problems or a message (diag.List,
// diag.Problem, lang.Error) that says something, never a bare Go error.
func FuzzRender(f *testing.F) {
	srcs, err := templates.Builtin()
	if err != nil {
		f.Fatal(err)
	}
	r, err := New(fonts.Default(), srcs, "hoinghi test")
	if err != nil {
		f.Fatal(err)
	}
	// An empty profile of the test's own, so that no hoinghi.yaml of the
	// machine's is found and read.
	r.Profile = filepath.Join(f.TempDir(), profile.FileName)
	if err := os.WriteFile(r.Profile, nil, 0o644); err != nil {
		f.Fatal(err)
	}
	epoch := time.Date(2023, 7, 31, 0, 0, 0, 0, time.UTC)
	r.Epoch = &epoch
	f.Fuzz(func(t *testing.T, data []byte) {
		guard.Input(t, data, func() error { return renderInput(r, data) })
	})
}

// renderInput is one input of FuzzRender: nil, or what is wrong.
func renderInput(r *Renderer, data []byte) error {
	l, err := r.Parse("hop.yaml", data)
	if err != nil {
		return explained("reading", err)
	}
	outs, err := r.Plan(l, r.Kinds(), []string{"pdf", "docx", "xlsx"}, false)
	if err != nil {
		return explained("planning", err)
	}
	for _, o := range outs {
		var b bytes.Buffer
		if err := o.Write(context.Background(), &b); err != nil {
			if bad := explained(o.Name, err); bad != nil {
				return bad
			}
			continue
		}
		if b.Len() == 0 {
			return fmt.Errorf("%s: written empty, with no error", o.Name)
		}
	}
	return nil
}

// explained returns nil when err, from step, is one a user is shown as
// it is: problems or a message, each with its text.
func explained(step string, err error) error {
	var ps diag.List
	var p diag.Problem
	var le *lang.Error
	switch {
	case errors.As(err, &ps):
	case errors.As(err, &p):
		ps = diag.List{p}
	case errors.As(err, &le):
		ps = diag.List{{Msg: le.Msg}}
	default:
		return fmt.Errorf("%s: %T is not a message: %v", step, err, err)
	}
	if len(ps) == 0 {
		return fmt.Errorf("%s: an empty list of problems", step)
	}
	for _, p := range ps {
		if p.Msg.Key == "" {
			return fmt.Errorf("%s: a problem without a message: %+v", step, p)
		}
	}
	return nil
}
