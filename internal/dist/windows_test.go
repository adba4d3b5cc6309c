//go:build release

package main

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool"
)

// TestWindowsProgram builds the Windows program of a release as make
// dist does and reads it with MinGW-w64's objdump and go version -m: it
// is built with cgo, so that it can sign with a USB token through
// crypto11, and it needs no DLL but Windows' own, so that a clerk's
// computer runs it as it comes. Building it takes a few minutes of both
// cores, so make test runs it after the other tests, with -tags release,
// rather than beside them, where it slowed the race detector's run of the
// template limits past their ten seconds.
func TestWindowsProgram(t *testing.T) {
	root, err := git(".", "rev-parse", "--show-toplevel")
	if err != nil {
		t.Fatal(err)
	}
	testtool.Path(t, compilers["windows/amd64"])
	exe := filepath.Join(t.TempDir(), "hoinghi.exe")
	if err := build(root, "v0.0.0-test", "windows", "amd64", exe); err != nil {
		t.Fatal(err)
	}
	var dlls []string
	for _, m := range regexp.MustCompile(`DLL Name: (\S+)`).FindAllSubmatch(testtool.Run(t, "x86_64-w64-mingw32-objdump", "-p", exe), -1) {
		dlls = append(dlls, strings.ToLower(string(m[1])))
	}
	// Windows' own: the kernel and the C runtime every Windows since XP
	// has in System32.
	own := []string{"kernel32.dll", "msvcrt.dll"}
	if len(dlls) == 0 {
		t.Error("objdump lists no DLL the program imports")
	}
	for _, d := range dlls {
		if !slices.Contains(own, d) {
			t.Errorf("the Windows program needs %s, which Windows does not have", d)
		}
	}
	info := string(testtool.Run(t, "go", "version", "-m", exe))
	for _, want := range []string{"CGO_ENABLED=1", "github.com/ThalesGroup/crypto11", "github.com/miekg/pkcs11"} {
		if !strings.Contains(info, want) {
			t.Errorf("go version -m of the Windows program does not say %s:\n%s", want, info)
		}
	}
}
