package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHostileTemplate: an office template that would repeat or grow
// without end fails through the command line with its file, the limit,
// exit 2 and no file written, whether the text shows it or only filling
// it in does.
func TestHostileTemplate(t *testing.T) {
	for _, tc := range []struct{ name, body, en, vi string }{
		{"range over a huge number", "{{range 1000000000000}}x{{end}}\n",
			":6:9: {{range 1000000000000}} repeats more than the limit of 1,000,000 times",
			":6:9: {{range 1000000000000}} lặp lại quá giới hạn 1.000.000 lần"},
		{"printf width", "Thân {{printf \"%0900000d\" 1}}.\n",
			":6:15: printf asks for a width or precision of 900000: at most 100",
			":6:15: printf yêu cầu độ rộng hoặc độ chính xác 900000: tối đa là 100"},
		{"nested ranges", "{{range .Tasks}}{{range $.Tasks}}{{range 1000}}{{range 1000}}{{end}}{{end}}{{end}}{{end}}\n",
			"the template repeats its {{range}}s and {{template}}s more than the limit of 1,000,000 times in all",
			"mẫu lặp lại các {{range}} và {{template}} quá giới hạn tổng cộng 1.000.000 lần"},
		{"output too long", "{{range 1000000}}Hội nghị {{end}}\n",
			": the template writes more than the limit of 4 MB",
			": mẫu viết ra quá giới hạn 4 MB"},
	} {
		dir := t.TempDir()
		file := write(t, dir, "thong-bao.md", "---\nframe: \"1.4\"\nname: THÔNG BÁO\ncode: TB\n---\n"+tc.body)
		for _, lang := range []struct{ tag, want string }{{"en", tc.en}, {"vi", tc.vi}} {
			out := filepath.Join(t.TempDir(), "out")
			code, _, stderr := hoinghi(t, "--lang", lang.tag, "render", "--templates", dir, "--kind", "thong-bao", "--format", "pdf", "-o", out, seed)
			if code != 2 || !strings.Contains(stderr, file) || !strings.Contains(stderr, lang.want) && !(strings.Contains(tc.en, "1,000,000 times") && late(stderr)) {
				t.Errorf("%s, %s: exit %d, %q; want 2 and %s: …%s", tc.name, lang.tag, code, stderr, file, lang.want)
			}
			if files, err := os.ReadDir(out); err == nil && len(files) > 0 {
				t.Errorf("%s, %s: wrote %s", tc.name, lang.tag, files[0].Name())
			}
		}
	}
}

// late tells a template stopped by its time limit: under the race
// detector on a busy machine a million repeats may take longer than it,
// and the time limit then stops them before the limit of repeats does.
func late(stderr string) bool {
	return strings.Contains(stderr, "took longer than the limit of 10 seconds") || strings.Contains(stderr, "lâu quá giới hạn 10 giây")
}

// TestBatchHostileTemplate: a batch whose template breaks a limit fails
// each meeting with the limit and finishes with its manifest, instead of
// hanging.
func TestBatchHostileTemplate(t *testing.T) {
	in := sampleTree(t, 2)
	dir := t.TempDir()
	write(t, dir, "thong-bao.md", "---\nframe: \"1.4\"\nname: THÔNG BÁO\ncode: TB\n---\n{{range 1000}}{{range 1000}}{{range 1000}}{{end}}{{end}}{{end}}\n")
	out := filepath.Join(t.TempDir(), "out")
	code, _, stderr := hoinghi(t, "--lang", "en", "batch", "--templates", dir, "--kind", "thong-bao", "--format", "pdf", "-o", out, in)
	if code != 1 || strings.Count(stderr, "more than the limit of 1,000,000 times in all")+strings.Count(stderr, "took longer than the limit of 10 seconds") != 2 {
		t.Errorf("exit %d, want 1 and the limit for each of 2 meetings:\n%s", code, stderr)
	}
	if m := readManifest(t, filepath.Join(out, "manifest.json")); len(m.Inputs) != 2 || m.Failed() != 2 {
		t.Errorf("manifest: %d inputs, %d failed; want 2 and 2", len(m.Inputs), m.Failed())
	}
}
