package batch

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestManifestSchema: the manifest of a batch with a good and a broken
// meeting validates against the schema hoinghi publishes for it.
func TestManifestSchema(t *testing.T) {
	dir := t.TempDir()
	writeSynth(t, dir, 2)
	if err := os.WriteFile(filepath.Join(dir, "vo.yaml"), []byte("issuer:\n  name: X\nmeeting:\n  title: T\n  period: 2023-H3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	inputs, err := Collect([]string{dir}, "")
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	m := Run(context.Background(), inputs, Options{Setup: Setup{Renderer: newRenderer(t), Formats: []string{"pdf"}}, Out: out, Jobs: 2})
	if len(m.Inputs) != 3 || m.Failed() != 1 {
		t.Fatalf("%d inputs, %d failed; want 3 and 1", len(m.Inputs), m.Failed())
	}
	path := filepath.Join(out, "manifest.json")
	if err := m.Write(path); err != nil {
		t.Fatal(err)
	}
	validate(t, path)

	// A stopped batch's cancelled meetings, a skipped file and each
	// entry's options validate too.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	inputs = append(inputs, Input{Path: filepath.Join(dir, "lien-ket.yaml"), Skip: errors.New("a link")})
	stopped := Run(ctx, inputs, Options{Setup: Setup{Renderer: newRenderer(t), Formats: []string{"pdf"}}, Out: out, Jobs: 1})
	if stopped.count(StatusCancelled) != 3 || stopped.Skipped() != 1 {
		t.Fatalf("stopped batch: %+v", stopped.Inputs)
	}
	stoppedPath := filepath.Join(out, "stopped.json")
	if err := stopped.Write(stoppedPath); err != nil {
		t.Fatal(err)
	}
	validate(t, stoppedPath)
	data, _ := os.ReadFile(path)
	if !bytes.Contains(data, []byte(`"options": "kinds=`)) {
		t.Errorf("entries do not record their options:\n%s", data)
	}

	again, err := ReadManifest(path)
	if err != nil || len(again.Inputs) != 3 {
		t.Errorf("ReadManifest: %v, %+v", err, again)
	}
}

// validate checks the manifest at path against the schema hoinghi
// publishes for it.
func validate(t *testing.T, path string) {
	t.Helper()
	data, _ := os.ReadFile(path)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("manifest.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("manifest.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("the manifest does not match its schema: %v\n%s", err, data)
	}
}

// TestCollect: folders are searched recursively, globs expand, the plan
// is sorted, and two inputs with one output folder are refused.
func TestCollect(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"b/Xã Tân An.yaml", "a/z.json", "a/y.yml", "a/notes.txt", "a/hoinghi.yaml"} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(f)), 0o755)
		os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644)
	}
	inputs, err := Collect([]string{filepath.Join(dir, "b"), filepath.Join(dir, "a", "*.json"), filepath.Join(dir, "a")}, "")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, in := range inputs {
		got = append(got, filepath.ToSlash(in.Dir))
	}
	want := []string{"y", "z", "xa-tan-an"}
	if len(got) != len(want) {
		t.Fatalf("dirs %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("dirs %v, want %v", got, want)
			break
		}
	}
	os.WriteFile(filepath.Join(dir, "b", "xa-tan-an.yaml"), []byte("x"), 0o644)
	if _, err := Collect([]string{filepath.Join(dir, "b")}, ""); err == nil {
		t.Error("two inputs with one output folder were accepted")
	}
}
