package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/report/lang"
)

// TestLaunch: no arguments in a console of its own (Explorer) serve the
// page, in a terminal print the help; a lone existing meeting file, as
// Explorer passes a file dropped on hoinghi.exe, serves the page with it;
// anything else is run as typed. The window Explorer opened waits for
// Enter; a terminal, or a command in a console of its own, does not.
func TestLaunch(t *testing.T) {
	dir := t.TempDir()
	xlsx := write(t, dir, "Họp tháng 7.xlsx", "x")
	upper := write(t, dir, "HOP.YAML", minimal)
	yml := write(t, dir, "hop.yml", minimal)
	json := write(t, dir, "hop.json", "{}")
	text := write(t, dir, "hop.txt", minimal)
	folder := filepath.Join(dir, "thang-7.yaml")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	write(t, dir, "version.json", "{}")
	isCommand := func(name string) bool { return newApp(lang.Vietnamese, io.Discard, io.Discard).Command(name) != nil }
	for _, tc := range []struct {
		args  []string
		alone bool
		want  []string
		wait  bool
	}{
		{[]string{"hoinghi.exe"}, true, []string{"hoinghi.exe", "serve"}, true},
		{[]string{"hoinghi"}, false, []string{"hoinghi"}, false},
		{[]string{"hoinghi.exe", xlsx}, true, []string{"hoinghi.exe", "serve", xlsx}, true},
		{[]string{"hoinghi", xlsx}, false, []string{"hoinghi", "serve", xlsx}, false},
		{[]string{"hoinghi", upper}, false, []string{"hoinghi", "serve", upper}, false},
		{[]string{"hoinghi", yml}, false, []string{"hoinghi", "serve", yml}, false},
		{[]string{"hoinghi", json}, false, []string{"hoinghi", "serve", json}, false},
		{[]string{"hoinghi", "version.json"}, false, []string{"hoinghi", "serve", "version.json"}, false},
		{[]string{"hoinghi", text}, true, []string{"hoinghi", text}, true},
		{[]string{"hoinghi", folder}, false, []string{"hoinghi", folder}, false},
		{[]string{"hoinghi", filepath.Join(dir, "missing.xlsx")}, false, []string{"hoinghi", filepath.Join(dir, "missing.xlsx")}, false},
		{[]string{"hoinghi", "version"}, true, []string{"hoinghi", "version"}, true},
		{[]string{"hoinghi", "render", xlsx}, false, []string{"hoinghi", "render", xlsx}, false},
		{[]string{"hoinghi", xlsx, yml}, true, []string{"hoinghi", xlsx, yml}, false},
		{[]string{"hoinghi", "--lang", "en"}, true, []string{"hoinghi", "--lang", "en"}, false},
		{[]string{"hoinghi.exe", "batch", "-o", "ket-qua", "thang-7"}, true, []string{"hoinghi.exe", "batch", "-o", "ket-qua", "thang-7"}, false},
	} {
		if got, wait := launch(tc.args, tc.alone, isCommand); !slices.Equal(got, tc.want) || wait != tc.wait {
			t.Errorf("launch(%q, alone %v) = %q, wait %v; want %q, wait %v", tc.args, tc.alone, got, wait, tc.want, tc.wait)
		}
	}
	// A meeting file named as a command is the command.
	if got, _ := launch([]string{"hoinghi", "version.json"}, false, func(string) bool { return true }); !slices.Equal(got, []string{"hoinghi", "version.json"}) {
		t.Errorf("a file named as a command: %q", got)
	}
}

// TestPause: the window Explorer opened waits, with the message in the
// chosen language, until Enter is pressed.
func TestPause(t *testing.T) {
	for _, tc := range []struct {
		tag  string
		want string
	}{{"vi", "Nhấn Enter để đóng cửa sổ này.\n"}, {"en", "Press Enter to close this window.\n"}} {
		tag, err := lang.Parse(tc.tag)
		if err != nil {
			t.Fatal(err)
		}
		var stderr bytes.Buffer
		pause(strings.NewReader("\n"), &stderr, tag)
		if stderr.String() != tc.want {
			t.Errorf("--lang %s: %q, want %q", tc.tag, stderr.String(), tc.want)
		}
	}
}

// TestVersionOf: the stamp of make dist wins; go install …@TAG gives the
// module version, a go build in a clone the commit, go run "(devel)".
func TestVersionOf(t *testing.T) {
	vcs := func(version, rev, modified string) *debug.BuildInfo {
		info := &debug.BuildInfo{Main: debug.Module{Path: "github.com/hoinghi/hoinghi", Version: version}}
		info.Settings = []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
		return info
	}
	const rev = "61367c69b4be0c5b0c4c5a2f3e1d9a8b7c6d5e4f"
	for _, tc := range []struct {
		name  string
		stamp string
		info  *debug.BuildInfo
		want  string
	}{
		{"stamped with a tag", "v0.3.0", vcs("(devel)", rev, "false"), "v0.3.0"},
		{"stamped between tags", "v0.3.0-dev+61367c6", nil, "v0.3.0-dev+61367c6"},
		{"go install @v0.3.0", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.3.0"}}, "v0.3.0"},
		{"go build on a clean tag", "", vcs("v0.3.0", rev, "false"), "v0.3.0"},
		{"go build between tags", "", vcs("v0.3.1-0.20261202001451-61367c69b4be", rev, "false"), "v0.0.0-dev+61367c6"},
		{"go build with changes", "", vcs("v0.3.0+dirty", rev, "true"), "v0.0.0-dev+61367c6.dirty"},
		{"go build -buildvcs=false", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "(devel)"},
		{"go run", "", &debug.BuildInfo{}, "(devel)"},
		{"no build information", "", nil, "(devel)"},
	} {
		if got := versionOf(tc.stamp, tc.info); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
