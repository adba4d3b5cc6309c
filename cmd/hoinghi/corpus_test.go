package main

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool"
)

// expectation is what one corpus file says its documents must and must
// not contain, per kind ("all" for every kind).
type expectation struct {
	want, banned map[string][]string
}

// readExpect reads a NAME.expect file: "[kind]" sections of "+ phrase"
// (must appear) and "- phrase" (must not), "#" comments.
func readExpect(t *testing.T, path string) expectation {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	e := expectation{want: map[string][]string{}, banned: map[string][]string{}}
	kind := "all"
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			kind = strings.Trim(line, "[]")
		case strings.HasPrefix(line, "+ "):
			e.want[kind] = append(e.want[kind], strings.TrimSpace(line[2:]))
		case strings.HasPrefix(line, "- "):
			e.banned[kind] = append(e.banned[kind], strings.TrimSpace(line[2:]))
		default:
			t.Fatalf("%s:%d: expected [kind], + phrase, - phrase or # comment, got %q", path, n, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return e
}

// everywhere are phrases no document of any meeting may print: a
// sentence about someone whose name is missing, a count of nobody, a
// date the data never gave, a value the template could not find.
var everywhere = []string{
	"đồng chí ,", "Đồng chí ,", "đồng chí ……", "Đồng chí ……", "đồng chí .", "0/0 ",
	"năm 1899", "năm 0001", "<no value>", "null", "Nhiệm vụ trọng tâm ……", "công tác thi đua, khen thưởng ……",
	"kết quả sơ kết như sau", "của của",
}

// afterAsFollows is what a "như sau:" must lead to: a numbered heading
// or a list item, never the end of the text.
var afterAsFollows = regexp.MustCompile(`như sau:( [IVX]+\.| \d+\.| -| \+| [a-zđ]\))`)

// TestCorpus renders every meeting of samples/corpus — a commune's
// session, a Chi bộ, a school, a round-table, a Khối, an online meeting,
// a meeting with no date … — in every built-in kind, reads each PDF back
// with pdftotext, and checks the phrases its .expect file lists, and the
// phrases no document may print.
func TestCorpus(t *testing.T) {
	files, _ := filepath.Glob("../../samples/corpus/*.yaml")
	if len(files) < 20 {
		t.Fatalf("the corpus has %d meetings, want at least 20", len(files))
	}
	out := t.TempDir()
	if code, _, stderr := hoinghi(t, "batch", "--kind", "thong-bao,bao-cao,bien-ban", "--format", "pdf", "-o", out, "../../samples/corpus"); code != 0 {
		t.Fatalf("batch: exit %d\n%s", code, stderr)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".yaml")
		e := readExpect(t, strings.TrimSuffix(file, ".yaml")+".expect")
		rendered := map[string]bool{}
		for _, pdf := range pdfs(t, filepath.Join(out, name)) {
			base := filepath.Base(pdf)
			kind := ""
			for _, k := range []string{"thong-bao", "bao-cao", "bien-ban"} {
				if strings.HasPrefix(base, k) {
					kind = k
				}
			}
			rendered[kind] = true
			text := strings.Join(strings.Fields(string(testtool.Run(t, "pdftotext", pdf, "-"))), " ")
			where := name + "/" + base
			for _, p := range append(e.want["all"], e.want[kind]...) {
				if !strings.Contains(text, p) {
					t.Errorf("%s lacks %q", where, p)
				}
			}
			for _, p := range append(append(e.banned["all"], e.banned[kind]...), everywhere...) {
				if strings.Contains(text, p) {
					t.Errorf("%s says %q:\n%s", where, p, around(text, p))
				}
			}
			if n := strings.Count(text, "như sau:"); n != len(afterAsFollows.FindAllString(text, -1)) {
				t.Errorf("%s: a \"như sau:\" leads to no heading or list:\n%s", where, around(text, "như sau:"))
			}
		}
		for _, k := range []string{"thong-bao", "bao-cao", "bien-ban"} {
			if !rendered[k] {
				t.Errorf("%s: no %s rendered", name, k)
			}
		}
	}
}

// around is the text around the first p in s, for a message.
func around(s, p string) string {
	i := strings.Index(s, p)
	if i < 0 {
		return ""
	}
	from, to := max(0, i-120), min(len(s), i+len(p)+120)
	for from > 0 && s[from]&0xC0 == 0x80 {
		from--
	}
	for to < len(s) && s[to]&0xC0 == 0x80 {
		to++
	}
	return "…" + s[from:to] + "…"
}
