package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool"
)

// TestArchive builds the archive of this machine's system as make dist
// does, and reads it back with tar and sha256sum: it holds the program,
// the README, the guide and every picture the guide and the README show,
// in a folder named as the archive, all dated as the commit; the program
// says the version the archive is named with; SHA256SUMS checks; packing
// again gives the same bytes, and the same files packed for Windows are
// a zip that unzip lists.
func TestArchive(t *testing.T) {
	host := runtime.GOOS + "/" + runtime.GOARCH
	out := t.TempDir()
	if err := run(out, []string{host}); err != nil {
		t.Fatal(err)
	}
	root, err := git(".", "rev-parse", "--show-toplevel")
	if err != nil {
		t.Fatal(err)
	}
	rel, err := release(root)
	if err != nil {
		t.Fatal(err)
	}
	dir := "hoinghi_" + rel.version + "_" + runtime.GOOS + "_" + runtime.GOARCH
	name := dir + ".tar.gz"
	if got := entries(t, out); !slices.Equal(got, []string{"SHA256SUMS", name}) {
		t.Fatalf("dist wrote %q, want SHA256SUMS and %s", got, name)
	}
	check := exec.Command("sha256sum", "--check", "--strict", "SHA256SUMS")
	check.Dir = out
	if msg, err := check.CombinedOutput(); err != nil || string(msg) != name+": OK\n" {
		t.Errorf("sha256sum --check: %v\n%s", err, msg)
	}

	archive := filepath.Join(out, name)
	list := strings.Fields(string(testtool.Run(t, "tar", "-tzf", archive)))
	want := []string{dir + "/hoinghi", dir + "/README.md", dir + "/docs/huong-dan.md"}
	for _, doc := range []string{"README.md", "docs/huong-dan.md"} {
		text, err := os.ReadFile(filepath.Join(root, doc))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range regexp.MustCompile(`!\[[^\]]*\]\(([^)]+)\)`).FindAllStringSubmatch(string(text), -1) {
			want = append(want, dir+"/"+filepath.ToSlash(filepath.Join(filepath.Dir(doc), m[1])))
		}
	}
	for _, w := range want {
		if !slices.Contains(list, w) {
			t.Errorf("tar -tzf %s: no %s in %q", name, w, list)
		}
	}
	if !slices.IsSorted(list) {
		t.Errorf("the entries are not sorted: %q", list)
	}
	verbose := exec.Command("tar", "--full-time", "-tvzf", archive)
	verbose.Env = append(os.Environ(), "TZ=UTC")
	long, err := verbose.Output()
	if err != nil {
		t.Fatal(err)
	}
	date := rel.date.Format("2006-01-02 15:04:05")
	for _, line := range strings.Split(strings.TrimSpace(string(long)), "\n") {
		if !strings.Contains(line, " 0/0 ") || !strings.Contains(line, date) {
			t.Errorf("tar -tv: %q, want owner 0/0 and the commit's date %s", line, date)
		}
	}

	unpacked := t.TempDir()
	testtool.Run(t, "tar", "-xzf", archive, "-C", unpacked)
	exe := filepath.Join(unpacked, dir, "hoinghi")
	if got := string(testtool.Run(t, exe, "version")); got != "hoinghi "+rel.version+"\n" {
		t.Errorf("%s version: %q, want hoinghi %s", name, got, rel.version)
	}

	files, err := docFiles(root)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	if _, again, err := pack(root, rel, runtime.GOOS, runtime.GOARCH, exe, files); err != nil || !bytes.Equal(again, data) {
		t.Errorf("packing again gives other bytes (%v)", err)
	}
	zipName, zipData, err := pack(root, rel, "windows", runtime.GOARCH, exe, files)
	if err != nil {
		t.Fatal(err)
	}
	if _, again, _ := pack(root, rel, "windows", runtime.GOARCH, exe, files); !bytes.Equal(again, zipData) {
		t.Error("packing a zip again gives other bytes")
	}
	zipPath := filepath.Join(t.TempDir(), zipName)
	if err := os.WriteFile(zipPath, zipData, 0o644); err != nil {
		t.Fatal(err)
	}
	zipDir := strings.TrimSuffix(zipName, ".zip")
	zipList := strings.Fields(string(testtool.Run(t, "unzip", "-Z1", zipPath)))
	for _, w := range want {
		if w = strings.Replace(w, dir, zipDir, 1); !slices.Contains(zipList, w) {
			t.Errorf("unzip -Z1 %s: no %s in %q", zipName, w, zipList)
		}
	}
	readme, _ := os.ReadFile(filepath.Join(root, "README.md"))
	if got := testtool.Run(t, "unzip", "-p", zipPath, zipDir+"/README.md"); !bytes.Equal(got, readme) {
		t.Errorf("unzip -p %s README.md: %d bytes, want the %d of README.md", zipName, len(got), len(readme))
	}
}

// TestRelease: the version of a commit is its tag, else the last tag
// with -dev+COMMIT, v0.0.0 before any tag, .dirty with changes.
func TestRelease(t *testing.T) {
	repo := t.TempDir()
	g := func(args ...string) string {
		t.Helper()
		out, err := git(repo, append([]string{"-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"}, args...)...)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	version := func() string {
		t.Helper()
		r, err := release(repo)
		if err != nil {
			t.Fatal(err)
		}
		return r.version
	}
	g("init", "-q")
	os.WriteFile(filepath.Join(repo, "a"), []byte("1"), 0o644)
	g("add", "a")
	g("commit", "-q", "-m", "one")
	if got, want := version(), "v0.0.0-dev+"+g("rev-parse", "--short=7", "HEAD"); got != want {
		t.Errorf("before any tag: %s, want %s", got, want)
	}
	g("tag", "v0.3.0")
	if got := version(); got != "v0.3.0" {
		t.Errorf("on the tag: %s, want v0.3.0", got)
	}
	os.WriteFile(filepath.Join(repo, "a"), []byte("2"), 0o644)
	if got, want := version(), "v0.3.0-dev+"+g("rev-parse", "--short=7", "HEAD")+".dirty"; got != want {
		t.Errorf("on the tag with a change: %s, want %s", got, want)
	}
	g("commit", "-q", "-am", "two")
	if got, want := version(), "v0.3.0-dev+"+g("rev-parse", "--short=7", "HEAD"); got != want {
		t.Errorf("after the tag: %s, want %s", got, want)
	}
}

func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}
