// Command dist builds the downloads of a release into a folder (dist/ by
// default, as make dist runs it): hoinghi cross-compiled for Windows, macOS
// and Linux on amd64 and arm64, stamped with its version,
// each packed with the README, the clerk's guide and its pictures as
// hoinghi_VERSION_OS_ARCH.zip (Windows) or .tar.gz, and SHA256SUMS beside
// them. The version is the tag of the commit, else v0.x.y-dev+COMMIT
// after the last tag (v0.0.0 when there is none), .dirty with changes not
// committed. Every file in an archive has the commit's date, in a fixed
// order, so two runs give the same bytes. .goreleaser.yaml makes the same
// archives from a tag.
package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hoinghi/hoinghi/report/atomic"
)

// targets are the systems a release is built for, as GOOS/GOARCH.
var targets = []string{"windows/amd64", "windows/arm64", "darwin/arm64", "darwin/amd64", "linux/amd64", "linux/arm64"}

// compilers are the C cross-compilers of the targets built with cgo, so
// that their hoinghi can sign with a USB token (report/sign's PKCS#11
// needs cgo): Windows on amd64, the clerks' computers, with Debian's
// MinGW-w64, which links its C runtime in and leaves the program needing
// only Windows' own DLLs. Every other target is built without cgo and
// signs with .p12 files: there is no Debian cross-compiler for macOS or
// Windows on arm64, and a Linux program built with cgo would need the C
// library of the machine that built it.
var compilers = map[string]string{"windows/amd64": "x86_64-w64-mingw32-gcc"}

// docs are the files every archive holds besides the program, as globs
// relative to the repository; .goreleaser.yaml lists the same.
var docs = []string{"README.md", "LICENSE*", "docs/huong-dan.md", "docs/*.png", "docs/img/*.png", "docs/dien-tu/*.png"}

func main() {
	out := flag.String("o", "dist", "write the archives and SHA256SUMS into `DIR`")
	only := flag.String("targets", strings.Join(targets, ","), "build only these GOOS/GOARCH, comma-separated")
	flag.Parse()
	if err := run(*out, strings.Split(*only, ",")); err != nil {
		fmt.Fprintln(os.Stderr, "dist:", err)
		os.Exit(1)
	}
}

func run(out string, targets []string) error {
	root, err := git(".", "rev-parse", "--show-toplevel")
	if err != nil {
		return err
	}
	rel, err := release(root)
	if err != nil {
		return err
	}
	files, err := docFiles(root)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "hoinghi-dist-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	var sums []string
	for _, t := range targets {
		goos, goarch, _ := strings.Cut(t, "/")
		exe := filepath.Join(tmp, goos+"-"+goarch, "hoinghi")
		if goos == "windows" {
			exe += ".exe"
		}
		if err := build(root, rel.version, goos, goarch, exe); err != nil {
			return err
		}
		name, data, err := pack(root, rel, goos, goarch, exe, files)
		if err != nil {
			return err
		}
		if err := atomic.WriteFile(filepath.Join(out, name), data); err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		sums = append(sums, hex.EncodeToString(sum[:])+"  "+name+"\n")
		fmt.Fprintln(os.Stderr, "dist: wrote", filepath.Join(out, name))
	}
	slices.SortFunc(sums, func(a, b string) int { return strings.Compare(a[65:], b[65:]) })
	return atomic.WriteFile(filepath.Join(out, "SHA256SUMS"), []byte(strings.Join(sums, "")))
}

// A releaseInfo is what names and dates the archives of a commit.
type releaseInfo struct {
	version string
	date    time.Time
}

// release reads the version and the commit's date from git.
func release(root string) (releaseInfo, error) {
	var r releaseInfo
	commit, err := git(root, "rev-parse", "--short=7", "HEAD")
	if err != nil {
		return r, err
	}
	stamp, err := git(root, "log", "-1", "--format=%ct", "HEAD")
	if err != nil {
		return r, err
	}
	sec, err := strconv.ParseInt(stamp, 10, 64)
	if err != nil {
		return r, fmt.Errorf("commit date %q: %w", stamp, err)
	}
	r.date = time.Unix(sec, 0).UTC()
	status, err := git(root, "status", "--porcelain")
	if err != nil {
		return r, err
	}
	if tag, err := git(root, "describe", "--tags", "--exact-match", "--match", "v*", "HEAD"); err == nil && status == "" {
		r.version = tag
		return r, nil
	}
	base := "v0.0.0"
	if tag, err := git(root, "describe", "--tags", "--abbrev=0", "--match", "v*", "HEAD"); err == nil {
		base = tag
	}
	r.version = base + "-dev+" + commit
	if status != "" {
		r.version += ".dirty"
	}
	return r, nil
}

// build cross-compiles hoinghi for goos/goarch into exe, stamped with
// version.
func build(root, version, goos, goarch, exe string) error {
	cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=false", "-ldflags", "-s -w -X main.stamp="+version, "-o", exe, "./cmd/hoinghi")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+goos, "GOARCH="+goarch)
	if cc, ok := compilers[goos+"/"+goarch]; ok {
		cmd.Env = append(cmd.Env, "CGO_ENABLED=1", "CC="+cc)
	}
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build for %s/%s: %w", goos, goarch, err)
	}
	return nil
}

// docFiles are the files of docs in root, sorted, as slash paths.
func docFiles(root string) ([]string, error) {
	var files []string
	for _, pattern := range docs {
		matches, err := fs.Glob(os.DirFS(root), pattern)
		if err != nil {
			return nil, err
		}
		files = append(files, matches...)
	}
	slices.Sort(files)
	return files, nil
}

// An entry is one file of an archive.
type entry struct {
	name string
	mode fs.FileMode
	data []byte
}

// pack packs the program exe and files (relative to root) into a
// folder named as the archive, and returns the archive's name and bytes.
func pack(root string, r releaseInfo, goos, goarch, exe string, files []string) (string, []byte, error) {
	dir := "hoinghi_" + r.version + "_" + goos + "_" + goarch
	data, err := os.ReadFile(exe)
	if err != nil {
		return "", nil, err
	}
	entries := []entry{{path.Join(dir, filepath.Base(exe)), 0o755, data}}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f)))
		if err != nil {
			return "", nil, err
		}
		entries = append(entries, entry{path.Join(dir, f), 0o644, data})
	}
	slices.SortFunc(entries, func(a, b entry) int { return strings.Compare(a.name, b.name) })
	if goos == "windows" {
		data, err := zipOf(entries, r.date)
		return dir + ".zip", data, err
	}
	data, err = tarGzOf(entries, r.date)
	return dir + ".tar.gz", data, err
}

func zipOf(entries []entry, date time.Time) ([]byte, error) {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: date}
		h.SetMode(e.mode)
		f, err := w.CreateHeader(h)
		if err != nil {
			return nil, err
		}
		if _, err := f.Write(e.data); err != nil {
			return nil, err
		}
	}
	err := w.Close()
	return b.Bytes(), err
}

func tarGzOf(entries []entry, date time.Time) ([]byte, error) {
	var b bytes.Buffer
	z := gzip.NewWriter(&b)
	w := tar.NewWriter(z)
	for _, e := range entries {
		h := &tar.Header{Name: e.name, Mode: int64(e.mode), Size: int64(len(e.data)), ModTime: date, Typeflag: tar.TypeReg, Format: tar.FormatPAX}
		if err := w.WriteHeader(h); err != nil {
			return nil, err
		}
		if _, err := w.Write(e.data); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	err := z.Close()
	return b.Bytes(), err
}

// git runs git in dir and returns its output without the final newline.
func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("git %s: %w: %s", strings.Join(args, " "), err, bytes.TrimSpace(stderr.Bytes()))
	}
	return strings.TrimSpace(string(out)), nil
}
