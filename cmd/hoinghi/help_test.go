package main

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/urfave/cli/v3"
)

// commandPaths is every command of the program, hidden ones included,
// as the words that name it: [render], [templates show], [completion bash].
func commandPaths(t *testing.T) [][]string {
	t.Helper()
	app := newApp(lang.English, io.Discard, io.Discard)
	// The help and completion commands are added when the program runs.
	if err := app.Run(context.Background(), []string{"hoinghi", "--help"}); err != nil {
		t.Fatal(err)
	}
	var paths [][]string
	var walk func(prefix []string, cmds []*cli.Command)
	walk = func(prefix []string, cmds []*cli.Command) {
		for _, c := range cmds {
			// Each command has urfave/cli's help command, hoinghi help
			// the one to read.
			if c.Name == "help" && prefix != nil {
				continue
			}
			p := append(slices.Clone(prefix), c.Name)
			paths = append(paths, p)
			walk(p, c.Commands)
		}
	}
	walk(nil, app.Commands)
	if len(paths) < 15 {
		t.Fatalf("found only %d commands: %v", len(paths), paths)
	}
	return paths
}

// urfaveWords are the English words of urfave/cli's own help, which the
// Vietnamese help must not show.
var urfaveWords = regexp.MustCompile(`\b(Shows|show help|help for|NAME|USAGE|VERSION|DESCRIPTION|COMMANDS?|OPTIONS|GLOBAL|options?|default|required|string|int|value|arguments|Output|output|script|print|command)\b`)

// names are the names of flags and environment variables, which stay as
// they are typed in either language.
var names = regexp.MustCompile(`--?[a-z][a-z0-9-]*|\$[A-Z_]+`)

// TestHelpAllVietnamese reads the help of every command in Vietnamese,
// the default, through --help and through the help command, and finds
// none of urfave/cli's English words; in English it is all English.
func TestHelpAllVietnamese(t *testing.T) {
	for _, p := range append(commandPaths(t), nil) {
		ways := [][]string{append(slices.Clone(p), "--help"), append([]string{"help"}, p...)}
		if len(p) > 1 {
			ways = ways[:1] // hoinghi help names a command, not a command of one
		}
		if slices.Equal(p, []string{"help"}) {
			ways = ways[1:] // the help command has no --help
		}
		for _, args := range ways {
			code, vi, stderr := hoinghi(t, args...)
			if code != 0 || stderr != "" {
				t.Errorf("hoinghi %s: exit %d, stderr %q", strings.Join(args, " "), code, stderr)
			}
			if !strings.Contains(vi, "CÁCH DÙNG:") {
				t.Errorf("hoinghi %s is not the help:\n%s", strings.Join(args, " "), vi)
			}
			if w := urfaveWords.FindAllString(names.ReplaceAllString(vi, ""), -1); len(w) > 0 {
				t.Errorf("hoinghi %s shows English words %q:\n%s", strings.Join(args, " "), w, vi)
			}
			_, en, _ := hoinghi(t, append([]string{"--lang", "en"}, args...)...)
			for _, want := range []string{"NAME:", "USAGE:", "OPTIONS:"} {
				if !strings.Contains(en, want) {
					t.Errorf("hoinghi --lang en %s lacks %q:\n%s", strings.Join(args, " "), want, en)
				}
			}
			if strings.ContainsFunc(en, func(r rune) bool { return r > 0x7f && r != '…' }) {
				t.Errorf("hoinghi --lang en %s is not all English:\n%s", strings.Join(args, " "), en)
			}
		}
	}
}

// TestHelpShowsDefaultsAndRequired: a flag's default and its being
// required read in the help's language.
func TestHelpShowsDefaultsAndRequired(t *testing.T) {
	_, vi, _ := hoinghi(t, "batch", "--help")
	_, en, _ := hoinghi(t, "--lang", "en", "batch", "--help")
	for _, tc := range []struct{ help, want string }{
		{vi, "--output THƯ_MỤC, -o THƯ_MỤC"},
		{vi, "theo cấu trúc thư mục đầu vào (bắt buộc)"},
		{vi, "--jobs SỐ, -j SỐ"},
		{vi, "(mặc định: \"pdf\", \"xlsx\")"},
		{en, "--output OUT, -o OUT"},
		{en, "mirroring the input folders (required)"},
		{en, "--jobs int, -j int"},
		{en, `(default: "pdf", "xlsx")`},
	} {
		if !strings.Contains(tc.help, tc.want) {
			t.Errorf("the help lacks %q:\n%s", tc.want, tc.help)
		}
	}
	for _, lng := range []string{"vi", "en"} {
		code, _, stderr := hoinghi(t, "--lang", lng, "batch", seed)
		want := map[string]string{"vi": "thiếu tùy chọn bắt buộc --output", "en": "the flag --output is required"}[lng]
		if code != 2 || !strings.Contains(stderr, want) {
			t.Errorf("--lang %s batch without -o: exit %d, %q; want 2 and %q", lng, code, stderr, want)
		}
	}
}

// TestDidYouMean: a mistyped command or flag is named with the closest
// one, in either language, with exit 2.
func TestDidYouMean(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		vi, en string
	}{
		{[]string{"rendr", "hop.yaml"}, "không có lệnh rendr. Có phải ý bạn là render?", "unknown command rendr. Did you mean render?"},
		{[]string{"help", "rendr"}, "Có phải ý bạn là render?", "Did you mean render?"},
		{[]string{"templates", "shw"}, "hoinghi templates: không có lệnh shw. Có phải ý bạn là show?", "Did you mean show?"},
		{[]string{"render", "--kin", "thong-bao", seed}, "không có tùy chọn --kin. Có phải ý bạn là --kind?", "unknown flag --kin. Did you mean --kind?"},
		{[]string{"batch", "--jbos", "2", "-o", "x", seed}, "Có phải ý bạn là --jobs?", "Did you mean --jobs?"},
		{[]string{"batch", "--jobs", "hai", "-o", "x", seed}, `"hai" không phải giá trị hợp lệ của --jobs: cần một số nguyên`, `"hai" is not a valid value of --jobs: expected a whole number`},
		{[]string{"render", "-o"}, "tùy chọn -o cần một giá trị", "the flag -o needs a value"},
	} {
		for _, lng := range []string{"vi", "en"} {
			code, stdout, stderr := hoinghi(t, append([]string{"--lang", lng}, tc.args...)...)
			want := tc.vi
			if lng == "en" {
				want = tc.en
			}
			if code != 2 || !strings.Contains(stderr, want) || stdout != "" {
				t.Errorf("--lang %s %s: exit %d, stdout %q, stderr %q; want 2 and %q", lng, strings.Join(tc.args, " "), code, stdout, stderr, want)
			}
		}
	}
}

func TestVersionFlag(t *testing.T) {
	_, want, _ := hoinghi(t, "version")
	if !strings.HasPrefix(want, "hoinghi ") {
		t.Fatalf("version prints %q", want)
	}
	for _, flag := range []string{"--version", "-v"} {
		if code, got, stderr := hoinghi(t, flag); code != 0 || got != want {
			t.Errorf("%s: exit %d, %q (%s); want what version prints, %q", flag, code, got, stderr, want)
		}
	}
}

// TestCompletion: the bash script that `completion bash` prints is one
// bash reads, and with it bash completes `hoinghi ren` to render and
// `hoinghi render --ki` to --kind, asking the program itself.
func TestCompletion(t *testing.T) {
	code, script, stderr := hoinghi(t, "completion", "bash")
	if code != 0 || !strings.Contains(script, "complete ") {
		t.Fatalf("completion bash: exit %d, %q", code, stderr)
	}
	dir := t.TempDir()
	file := write(t, dir, "hoinghi.bash", script)
	if out, err := exec.Command(testtool.Path(t, "bash"), "-n", file).CombinedOutput(); err != nil {
		t.Fatalf("bash -n: %v\n%s", err, out)
	}
	for shell, want := range map[string]string{"zsh": "compdef _hoinghi hoinghi", "fish": "complete -c hoinghi", "pwsh": "Register-ArgumentCompleter"} {
		if code, out, _ := hoinghi(t, "completion", shell); code != 0 || !strings.Contains(out, want) {
			t.Errorf("completion %s: exit %d, %.80q; want %q in it", shell, code, out, want)
		}
	}

	// The script runs the program on the PATH: this test's binary as main.
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := t.TempDir()
	write(t, bin, "hoinghi", "#!/bin/sh\nHOINGHI_TEST_MAIN=1 exec "+self+" \"$@\"\n")
	if err := os.Chmod(filepath.Join(bin, "hoinghi"), 0o755); err != nil {
		t.Fatal(err)
	}
	const bashCompletion = "/usr/share/bash-completion/bash_completion"
	if _, err := os.Stat(bashCompletion); err != nil {
		t.Fatalf("%v: run `make deps`, which installs bash-completion", err)
	}
	for line, want := range map[string]string{"hoinghi ren": "render", "hoinghi render --ki": "--kind", "hoinghi templates sh": "show"} {
		cmd := exec.Command(testtool.Path(t, "bash"), "-c", `source `+bashCompletion+` && source `+file+` &&
COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}; read -ra COMP_WORDS <<< "$COMP_LINE"; COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
__hoinghi_bash_autocomplete && printf '%s\n' "${COMPREPLY[@]}"`, "bash", line)
		cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
		out, err := cmd.CombinedOutput()
		if err != nil || strings.TrimSpace(string(out)) != want {
			t.Errorf("completing %q: %v, %q; want %q", line, err, out, want)
		}
	}
}
