package batch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/report"
	"github.com/hoinghi/hoinghi/report/synth"
	"github.com/hoinghi/hoinghi/templates"
)

// writeSynth writes n synthetic meetings into dir.
func writeSynth(t testing.TB, dir string, n int) []Input {
	t.Helper()
	for i, m := range synth.Meetings(7, n) {
		data, err := synth.YAML(m)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("hop-%04d.yaml", i)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	inputs, err := Collect([]string{dir}, "")
	if err != nil {
		t.Fatal(err)
	}
	return inputs
}

func newRenderer(t testing.TB) *report.Renderer {
	t.Helper()
	srcs, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	r, err := report.New(fonts.Default(), srcs, "hoinghi test")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// BenchmarkBatch renders 50 synthetic meetings, a thông báo and a
// workbook each, on every core; ns/op is for the 50.
func BenchmarkBatch(b *testing.B) {
	inputs := writeSynth(b, b.TempDir(), 50)
	r := newRenderer(b)
	out := b.TempDir()
	b.ReportAllocs()
	for b.Loop() {
		m := Run(context.Background(), inputs, Options{Setup: Setup{Renderer: r, Kinds: []string{"thong-bao"}, Formats: []string{"pdf", "xlsx"}}, Out: out, Jobs: 2})
		if m.Failed() > 0 {
			b.Fatal(m.Inputs)
		}
	}
}
