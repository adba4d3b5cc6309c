package templates_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool/fifo"
	"github.com/hoinghi/hoinghi/report/content"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/meeting"
	"github.com/hoinghi/hoinghi/templates"
)

// front is the front matter of a test template; its body starts on line 6.
const front = "---\nframe: \"1.4\"\nname: KẾ HOẠCH\ncode: KH\n---\n"

func sample(t testing.TB) *meeting.Meeting {
	t.Helper()
	m, err := meeting.Load("../samples/cum-thi-dua-2023.yaml", meeting.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// build compiles body as the template mau/ke-hoach.md and builds a
// document of m with it.
func build(ctx context.Context, m *meeting.Meeting, body string) error {
	src, err := templates.Parse("mau/ke-hoach.md", []byte(front+body))
	if err != nil {
		return err
	}
	k, err := content.Compile(src)
	if err != nil {
		return err
	}
	_, err = k.Build(ctx, m, meeting.Document{Kind: "ke-hoach"}, content.Paper)
	return err
}

// TestHostileTemplates: each template that would hang hoinghi or exhaust
// its memory fails with a diag.Problem naming the file, where it can, the
// line and column, and the limit it breaks; those that can be told from
// the text fail when they are compiled.
func TestHostileTemplates(t *testing.T) {
	// big is a text of exactly MaxOutput bytes, made within the limits.
	const big = `{{$x := "0123456789abcdef"}}{{range 18}}{{$x = print $x $x}}{{end}}`
	m := sample(t)
	for _, tc := range []struct{ name, body, want string }{
		{"range over a huge number", "Thân.\n\n{{range 1000000000000}}x{{end}}\n",
			"mau/ke-hoach.md:8:9: {{range 1000000000000}} repeats more than the limit of 1,000,000 times"},
		{"range over a computed number", "{{range inc 999999999999}}{{end}}",
			"mau/ke-hoach.md:6:9: the template repeats its {{range}}s and {{template}}s more than the limit of 1,000,000 times in all"},
		{"nested ranges", "{{range 1000}}{{range 1000}}{{range 1000}}{{end}}{{end}}{{end}}",
			"mau/ke-hoach.md:6:23: the template repeats its {{range}}s and {{template}}s more than the limit of 1,000,000 times in all"},
		{"ranges over the meeting's lists", "{{range .Tasks}}{{range $.Tasks}}{{range $.Tasks}}{{range $.Tasks}}{{range $.Tasks}}{{range $.Tasks}}{{range $.Tasks}}{{range $.Tasks}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}{{end}}",
			"the template repeats its {{range}}s and {{template}}s more than the limit of 1,000,000 times in all"},
		{"recursive template calls", `{{define "t"}}{{if lt . 40}}{{template "t" inc .}}{{template "t" inc .}}{{end}}{{end}}{{template "t" 0}}`,
			"the template repeats its {{range}}s and {{template}}s more than the limit of 1,000,000 times in all"},
		{"printf width", "Thân {{printf \"%0900000d\" 1}}.\n",
			"mau/ke-hoach.md:6:15: printf asks for a width or precision of 900000: at most 100"},
		{"printf precision in a pipeline", "Thân {{(printf \"%.5000f\" 1.0) | upper}}.\n",
			"mau/ke-hoach.md:6:16: printf asks for a width or precision of 5000: at most 100"},
		{"printf width from an argument", "Thân {{printf \"%*d\" 900000 1}}.\n",
			"mau/ke-hoach.md:6:15: printf takes a width or precision written in its format, not from an argument (*): write the number, at most 100"},
		{"printf width from a variable", "{{$f := \"%0900000d\"}}Thân {{printf $f 1}}.\n",
			"mau/ke-hoach.md:6:29: printf asks for a width or precision of 900000: at most 100"},
		{"output too long", `{{range 1000000}}0123456789{{end}}`,
			"mau/ke-hoach.md: the template writes more than the limit of 4 MB: look for a {{range}} that repeats too often"},
		{"a text doubled in a variable", `{{$x := "ab"}}{{range 40}}{{$x = print $x $x}}{{end}}`,
			"mau/ke-hoach.md:6:34: print would make a text longer than the limit of 4 MB"},
		{"doubled by html", `{{$x := "<>"}}{{range 40}}{{$x = html $x $x}}{{end}}`,
			"html would make a text longer than the limit of 4 MB"},
		{"join with a huge separator", big + `{{join $x .Conclusions}}`,
			"join would make a text longer than the limit of 4 MB"},
		{"a huge roman numeral", "{{roman 1000000000000}}",
			"mau/ke-hoach.md:6:3: roman takes a number from 0 to 1,000,000, got 1,000,000,000,000"},
		{"a negative letter", "{{letter -1}}",
			"mau/ke-hoach.md:6:3: letter takes a number from 0 to 1,000,000, got -1"},
	} {
		err := build(context.Background(), m, tc.body)
		var p diag.Problem
		if !errors.As(err, &p) {
			t.Errorf("%s: error %v, want a diag.Problem", tc.name, err)
			continue
		}
		// A million repeats take seconds under the race detector on a busy
		// machine: MaxTime may stop them before MaxRepeats does, and either
		// stops the template with its message.
		late := strings.Contains(tc.want, "more than the limit of 1,000,000 times") && strings.Contains(err.Error(), "took longer than the limit of 10 seconds")
		if !strings.HasPrefix(err.Error(), "mau/ke-hoach.md:") || !strings.HasSuffix(err.Error(), tc.want) && !late {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, err, tc.want)
		}
		if vi := p.In(lang.Vietnamese); vi == p.In(lang.English) {
			t.Errorf("%s: no Vietnamese message: %s", tc.name, vi)
		}
	}
}

// TestTemplateWithinLimits: a template that repeats and writes up to the
// limits builds; the limits count, they do not guess.
func TestTemplateWithinLimits(t *testing.T) {
	m := sample(t)
	for _, body := range []string{
		"{{range 1000}}{{range 999}}{{end}}{{end}}Thân.\n",
		`{{$x := "0123456789abcdef"}}{{range 18}}{{$x = print $x $x}}{{end}}{{len $x}}` + "\n",
		"{{printf \"%0100d\" 1}} {{printf \"%[1]d %[1]v\" 1}} {{roman 1000000}}\n",
	} {
		if err := build(context.Background(), m, body); err != nil {
			t.Errorf("%q: %v", body, err)
		}
	}
}

// TestTemplateCancelled: a template run under a context that ends stops
// with the context's cause, which is no problem of the input.
func TestTemplateCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := build(ctx, sample(t), "{{range 1000000}}{{end}}")
	var p diag.Problem
	if !errors.Is(err, context.Canceled) || errors.As(err, &p) || !strings.HasPrefix(err.Error(), "mau/ke-hoach.md: ") {
		t.Errorf("cancelled: error %v, want context.Canceled after the file name", err)
	}
}

// TestGuardsOnlyThroughExecute: a compiled template cannot be run around
// its limits.
func TestGuardsOnlyThroughExecute(t *testing.T) {
	src, err := templates.Parse("ke-hoach.md", []byte(front+"{{range 3}}x{{end}}"))
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := src.Compile(src.BodyText(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := tmpl.Execute(&b, nil); err == nil {
		t.Errorf("executed without its guards: %q", b.String())
	}
	text, err := src.Execute(context.Background(), tmpl, nil)
	if err != nil || strings.TrimSpace(string(text)) != "xxx" {
		t.Errorf("Execute: %q, %v", text, err)
	}
}

// TestTemplateFiles: a folder's template that is no regular file, or is
// longer than MaxFile, is refused by name before it is read.
func TestTemplateFiles(t *testing.T) {
	dir := t.TempDir()
	pipe := filepath.Join(dir, "ke-hoach.md")
	fifo.Make(t, pipe)
	if _, err := templates.LoadDir(dir); err == nil || err.Error() != pipe+": the template must be an ordinary file, not a named pipe (FIFO)" {
		t.Errorf("a FIFO: error %v", err)
	}
	// A folder named "." gives the same names as the embedded templates.
	t.Chdir(dir)
	if _, err := templates.LoadDir("."); err == nil || err.Error() != "ke-hoach.md: the template must be an ordinary file, not a named pipe (FIFO)" {
		t.Errorf("a FIFO in the current folder: error %v", err)
	}
	os.Remove(pipe)
	if err := os.WriteFile(pipe, []byte(front+strings.Repeat("Thân.\n", templates.MaxFile/6)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := templates.LoadDir(dir); err == nil || !strings.HasSuffix(err.Error(), "bytes or more, more than the 1,048,576 allowed: is this the right file?") {
		t.Errorf("a long file: error %v", err)
	}
}

// TestErrorsHideGuards: an error of a template quotes its actions as the
// file writes them, without the guards Compile put in.
func TestErrorsHideGuards(t *testing.T) {
	m := sample(t)
	for _, tc := range []struct{ body, want string }{
		{`{{define "t"}}{{template "t" inc .}}{{end}}{{template "t" 1}}`,
			`mau/ke-hoach.md:6:26: cannot fill in the template executing "t" at <{{template "t" inc .}}>: exceeded maximum template depth (100000)`},
		{"{{range $i, $e := 5}}{{end}}",
			"mau/ke-hoach.md:6:9: cannot fill in the template at <{{range}}>: can't use 5 to iterate over more than one variable"},
	} {
		if err := build(context.Background(), m, tc.body); err == nil || err.Error() != tc.want {
			t.Errorf("%s:\n got %v\nwant %s", tc.body, err, tc.want)
		}
	}
}

// BenchmarkRange fills in a template that repeats 1,000, 10,000 and
// 100,000 times: the guards cost the same for each repeat.
func BenchmarkRange(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			src, err := templates.Parse("ke-hoach.md", fmt.Appendf(nil, "%s{{range %d}}{{.}}{{end}}", front, n))
			if err != nil {
				b.Fatal(err)
			}
			tmpl, err := src.Compile(src.BodyText(), nil)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := src.Execute(context.Background(), tmpl, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
