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
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

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
	tag, _ := chooseLanguage(os.Args)
	guardMemory(os.Stderr, tag)
	os.Exit(run(context.Background(), os.Args, os.Stdout, os.Stderr))
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

// version is the module version stamped by the Go toolchain, "(devel)"
// for a local build.
func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
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
