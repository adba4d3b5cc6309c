package batch

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/report"
	"github.com/hoinghi/hoinghi/templates"
)

// TestMeetingCrashIsolated: a meeting whose rendering panics — here one
// given a renderer without fonts — fails alone, with its entry in the
// manifest; the meetings around it are written.
func TestMeetingCrashIsolated(t *testing.T) {
	inputs := writeSynth(t, t.TempDir(), 3)
	inputs[1].Setup = &Setup{Renderer: &report.Renderer{Creator: "hoinghi test"}, Formats: []string{"pdf"}}
	out := t.TempDir()
	m := Run(context.Background(), inputs, Options{Setup: Setup{Renderer: newRenderer(t), Formats: []string{"pdf"}}, Out: out, Jobs: 2})
	if len(m.Inputs) != 3 || m.Failed() != 1 || m.Inputs[1].Status != StatusFailed {
		t.Fatalf("manifest %+v; want the second meeting failed, the others ok", m.Inputs)
	}
	if !strings.Contains(m.Inputs[1].Error, "crashed") {
		t.Errorf("the crashed meeting's error: %q", m.Inputs[1].Error)
	}
	for _, i := range []int{0, 2} {
		e := m.Inputs[i]
		if e.Status != StatusOK || len(e.Outputs) != 1 {
			t.Fatalf("%s: %+v", e.Path, e)
		}
		st, err := os.Stat(filepath.Join(out, e.Outputs[0].Path))
		if err != nil || st.Size() != e.Outputs[0].Size {
			t.Errorf("%s: output %s not written as recorded: %v", e.Path, e.Outputs[0].Path, err)
		}
	}
}

// TestMeetingTimeout: a meeting that takes longer than its time — here a
// template of a million steps, within the templates' own limits, against
// a millisecond — fails with its entry in the manifest and writes nothing.
func TestMeetingTimeout(t *testing.T) {
	builtin, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, src := range builtin {
		if src.Kind == "thong-bao" {
			end := strings.Index(src.Text[4:], "\n---\n") + 4 + len("\n---\n")
			slow := `{{range 1000}}{{range 999}}{{$x := printf "%99d" 1}}{{end}}{{end}}`
			if err := os.WriteFile(filepath.Join(dir, "thong-bao.md"), []byte(src.Text[:end]+slow+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	own, err := templates.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	slow, err := report.New(fonts.Default(), templates.Merge(builtin, own), "hoinghi test")
	if err != nil {
		t.Fatal(err)
	}
	inputs := writeSynth(t, t.TempDir(), 1)
	out := t.TempDir()
	opt := Options{Setup: Setup{Renderer: slow, Kinds: []string{"thong-bao"}, Formats: []string{"pdf"}}, Out: out, Jobs: 1, Timeout: time.Millisecond}
	m := Run(context.Background(), inputs, opt)
	e := m.Inputs[0]
	if e.Status != StatusFailed || len(e.Outputs) != 0 || !strings.Contains(e.Error, "took longer than 1ms") {
		t.Errorf("the slow meeting: %+v; want it failed at its time, no outputs", e)
	}
	if dirs, _ := os.ReadDir(out); len(dirs) != 0 {
		t.Errorf("output folder holds %v, want nothing", dirs)
	}
}

// TestCancelledListed: a batch cancelled before it starts lists every
// meeting as cancelled and writes nothing.
func TestCancelledListed(t *testing.T) {
	inputs := writeSynth(t, t.TempDir(), 3)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out := t.TempDir()
	m := Run(ctx, inputs, Options{Setup: Setup{Renderer: newRenderer(t), Formats: []string{"pdf"}}, Out: out, Jobs: 1})
	if len(m.Inputs) != 3 || m.Done() != 0 {
		t.Fatalf("manifest %+v; want three cancelled meetings", m.Inputs)
	}
	for _, e := range m.Inputs {
		if e.Status != StatusCancelled || len(e.Outputs) != 0 {
			t.Errorf("%s: %+v", e.Path, e)
		}
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("a cancelled batch wrote %v", entries)
	}
}

// TestMirroredNames: the folders and files of a batch's inputs named as
// Windows devices, starting with a dash or a dot, or ending with a dot
// give output folders and bundles of names every system takes.
func TestMirroredNames(t *testing.T) {
	in := t.TempDir()
	for _, dir := range []string{"CON", "-nhap", ".an", "COM¹", "lpt3.x", "Tháng 7."} {
		if err := os.Mkdir(filepath.Join(in, dir), 0o755); err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"aux.yaml", "-1.yaml", "hop.yaml"} {
			if err := os.WriteFile(filepath.Join(in, dir, name), []byte("issuer: {name: X}\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	inputs, err := Collect([]string{in}, "")
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, input := range inputs {
		dirs = append(dirs, filepath.ToSlash(input.Dir))
	}
	want := []string{
		"_-nhap/1", "_-nhap/_aux", "_-nhap/hop",
		"_.an/1", "_.an/_aux", "_.an/hop",
		"_CON/1", "_CON/_aux", "_CON/hop",
		"_COM¹/1", "_COM¹/_aux", "_COM¹/hop",
		"Tháng 7/1", "Tháng 7/_aux", "Tháng 7/hop",
		"_lpt3.x/1", "_lpt3.x/_aux", "_lpt3.x/hop",
	}
	slices.Sort(dirs)
	slices.Sort(want)
	if !slices.Equal(dirs, want) {
		t.Errorf("mirrored names %q, want %q", dirs, want)
	}
}

// TestNoWriteThroughLink: an output folder holding a symbolic link where
// a meeting's outputs go fails that meeting, and nothing is written
// where the link points.
func TestNoWriteThroughLink(t *testing.T) {
	inputs := writeSynth(t, t.TempDir(), 2)
	out, elsewhere := t.TempDir(), t.TempDir()
	if err := os.Symlink(elsewhere, filepath.Join(out, inputs[0].Dir)); err != nil {
		t.Fatal(err)
	}
	m := Run(context.Background(), inputs, Options{Setup: Setup{Renderer: newRenderer(t), Formats: []string{"pdf"}}, Out: out, Jobs: 1})
	if m.Inputs[0].Status != StatusFailed || !strings.Contains(m.Inputs[0].Error, "symbolic link") || m.Inputs[1].Status != StatusOK {
		t.Fatalf("manifest %+v; want the first meeting refused, the second written", m.Inputs)
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) != 0 {
		t.Errorf("written through the link: %v", entries)
	}
}

// TestRemoveTemps: only regular files named as atomic names its
// temporary files go; other .tmp files, and links of that name, stay.
func TestRemoveTemps(t *testing.T) {
	out, elsewhere := t.TempDir(), t.TempDir()
	os.MkdirAll(filepath.Join(out, "a"), 0o755)
	target := filepath.Join(elsewhere, ".x.pdf.1.tmp")
	files := map[string]bool{ // path → removed
		"a/.hop.pdf.123456.tmp": true,
		".manifest.json.9.tmp":  true,
		"a/ghi-chu.tmp":         false,
		"a/.hop.pdf.abc.tmp":    false,
		"a/hop.pdf":             false,
	}
	for f := range files {
		if err := os.WriteFile(filepath.Join(out, f), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(target, []byte("x"), 0o644)
	if err := os.Symlink(target, filepath.Join(out, ".link.pdf.7.tmp")); err != nil {
		t.Fatal(err)
	}
	if err := RemoveTemps(out); err != nil {
		t.Fatal(err)
	}
	for f, removed := range files {
		if _, err := os.Stat(filepath.Join(out, f)); os.IsNotExist(err) != removed {
			t.Errorf("%s: removed %t, want %t", f, os.IsNotExist(err), removed)
		}
	}
	if _, err := os.Lstat(filepath.Join(out, ".link.pdf.7.tmp")); err != nil {
		t.Errorf("a link named as a temporary file was removed")
	}
	if _, err := os.Stat(target); err != nil {
		t.Errorf("the file a link points to was removed")
	}
}
