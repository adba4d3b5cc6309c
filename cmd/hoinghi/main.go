// Command hoinghi turns meeting files into the official documents of a
// Vietnamese meeting: Decree 30 PDFs (thông báo kết luận, báo cáo, biên
// bản) and an Excel attendance workbook.
//
// Exit codes: 0 success; 1 a document could not be rendered or written,
// or the inputs need more memory than the process may take (GOMEMLIMIT,
// 4 GiB by default); 2 invalid input or usage. Only a document asked for with -o - ever goes
// to standard output, besides the output of schema, init, version and
// help; every message goes to standard error.
package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/hoinghi/hoinghi/report/batch"
	"github.com/hoinghi/hoinghi/report/lang"
	"golang.org/x/text/language"
)

// Exit codes, documented in the README.
const (
	exitOK     = 0
	exitRender = 1
	exitInput  = 2
)

// exitError carries an exit code; its message has already been printed.
type exitError struct{ code int }

func (e exitError) Error() string { return "exit " + strconv.Itoa(e.code) }

func main() {
	restore := utf8Console()
	alone := ownConsole()
	tag, _ := chooseLanguage(os.Args)
	isCommand := func(name string) bool { return newApp(tag, io.Discard, io.Discard).Command(name) != nil }
	args, wait := launch(os.Args, alone, isCommand)
	guardMemory(os.Stderr, tag)
	code := run(context.Background(), args, os.Stdout, os.Stderr)
	if wait {
		pause(os.Stdin, os.Stderr, tag)
	}
	restore()
	os.Exit(code)
}

// launch is the command line that args mean, and whether the window
// waits for Enter at the end. Started with no arguments in a console of
// its own — double-clicked in Explorer — hoinghi serves its page; a lone
// argument that is a meeting file and not a command — a file dropped on
// hoinghi.exe, or "hoinghi hop.xlsx" — serves the page with that file.
// Anything else is left as it is: no arguments in a terminal print the
// help. The console Explorer opened waits, so that the last message can
// be read, even of a file dropped that is no meeting file; a scheduled
// task that runs a command in a console of its own does not.
func launch(args []string, alone bool, isCommand func(string) bool) (run []string, wait bool) {
	wait = alone && len(args) <= 2
	switch {
	case len(args) == 1 && alone:
		return []string{args[0], "serve"}, wait
	case len(args) == 2 && isMeetingFile(args[1]) && !isCommand(args[1]):
		return []string{args[0], "serve", args[1]}, wait
	}
	return args, wait
}

// isMeetingFile reports whether path is an existing file with the
// extension of a meeting file.
func isMeetingFile(path string) bool {
	if !batch.IsMeeting(path) {
		return false
	}
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// pause keeps a console window that closes with hoinghi open until the
// user presses Enter, so that the last message can be read.
func pause(stdin io.Reader, stderr io.Writer, tag language.Tag) {
	fmt.Fprintln(stderr, lang.M("Press Enter to close this window.").In(tag))
	bufio.NewReader(stdin).ReadString('\n')
}

// run is main without the process: it returns the exit code, so that
// tests drive the whole CLI in-process.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	tag, err := chooseLanguage(args)
	if err != nil {
		fmt.Fprintf(stderr, "hoinghi: %s\n", err)
		return exitInput
	}
	app := newApp(tag, stdout, stderr)
	err = app.Run(ctx, args)
	var ee exitError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ee):
		return ee.code
	}
	fmt.Fprintf(stderr, "hoinghi: %s\n", err)
	return exitInput
}

// chooseLanguage reads --lang before the command line is parsed, because
// the help texts of every command depend on it; HOINGHI_LANG is the
// default.
func chooseLanguage(args []string) (language.Tag, error) {
	value := os.Getenv("HOINGHI_LANG")
	for i, a := range args {
		switch {
		case a == "--lang" || a == "-lang":
			if i+1 < len(args) {
				value = args[i+1]
			}
		case strings.HasPrefix(a, "--lang="), strings.HasPrefix(a, "-lang="):
			value = a[strings.Index(a, "=")+1:]
		}
	}
	return lang.Parse(value)
}

// stamp is the version make dist and goreleaser stamp with
// -ldflags "-X main.stamp=v0.3.0": the tag, or v0.x.y-dev+COMMIT between
// tags.
var stamp string

// version is the stamped version, else what the Go toolchain recorded.
func version() string {
	info, _ := debug.ReadBuildInfo()
	return versionOf(stamp, info)
}

// versionOf is the version of a binary stamped with stamp and built as
// info says: the stamp; else the module version, of go install …@v0.3.0
// or of a go build in a clone on a clean tag; else v0.0.0-dev+COMMIT
// (.dirty with changes not committed) of a go build in a clone; else
// "(devel)", as go run gives.
func versionOf(stamp string, info *debug.BuildInfo) string {
	if stamp != "" {
		return stamp
	}
	if info == nil {
		return "(devel)"
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	// A build in a clone on a clean tag has that tag as its version, and
	// a pseudo-version between tags.
	tagged := rev == "" || !strings.ContainsAny(info.Main.Version, "-+")
	switch v := info.Main.Version; {
	case v != "" && v != "(devel)" && tagged:
		return v
	case rev != "":
		v := "v0.0.0-dev+" + rev[:min(len(rev), 7)]
		if modified == "true" {
			v += ".dirty"
		}
		return v
	}
	return "(devel)"
}

// sourceDate reads SOURCE_DATE_EPOCH, the reproducible-builds convention
// for a fixed timestamp: whole seconds since 1970, up to the last second
// of 9999, the last year a PDF date can hold.
func sourceDate() (*time.Time, error) {
	s := strings.TrimSpace(os.Getenv("SOURCE_DATE_EPOCH"))
	if s == "" {
		return nil, nil
	}
	const last = 253402300799 // 9999-12-31 23:59:59 UTC
	sec, err := strconv.ParseInt(s, 10, 64)
	if err != nil || sec < 0 || sec > last || strings.Trim(s, "0123456789") != "" {
		return nil, lang.Errorf("SOURCE_DATE_EPOCH=%q: expected whole seconds since 1970, from 0 to %s", s, strconv.FormatInt(last, 10))
	}
	t := time.Unix(sec, 0).UTC()
	return &t, nil
}

func init() {
	lang.Register(map[string]string{
		"Press Enter to close this window.": "Nhấn Enter để đóng cửa sổ này.",
	})
}
