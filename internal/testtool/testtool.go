// Package testtool runs the independent readers hoinghi's tests check
// outputs with: poppler and qpdf for PDFs, LibreOffice for workbooks and
// Word documents, python-docx and the Open XML SDK's validator for the
// parts of a Word document.
//
// A machine without one fails the test with the remedy rather than
// skipping it, because a skipped check passes unseen.
package testtool

import (
	"bytes"
	"time"

	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/report/layout"
	"github.com/hoinghi/hoinghi/report/pdf"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Path returns the path of the program name.
func Path(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s not found: run `make test`, which installs poppler-utils, qpdf, LibreOffice (libreoffice-calc-nogui, libreoffice-writer-nogui), xmllint (libxml2-utils) and the Open XML SDK validator", name)
	}
	return p
}

// Run runs name with args and returns what it writes on its standard
// output; a failure, or a warning that qpdf signals by its exit status,
// fails the test with what the program wrote on its standard error.
func Run(t testing.TB, name string, args ...string) []byte {
	t.Helper()
	out, err := exec.Command(Path(t, name), args...).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, msg)
	}
	return out
}

// recalc makes LibreOffice recalculate every formula on load: otherwise it
// shows the values cached in the file, and the checks are that the
// formulas compute them.
const recalc = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

// Soffice converts files with LibreOffice into outDir, to the filter
// convertTo ("pdf", "xlsx:Calc MS Excel 2007 XML", a CSV filter with its
// options). profile is a folder of the test's for LibreOffice's user
// profile, so that no setting of the machine's changes the result;
// conversions that share one start faster.
func Soffice(t testing.TB, profile, outDir, convertTo string, files ...string) {
	t.Helper()
	bin := Path(t, "soffice")
	user := filepath.Join(profile, "user")
	if err := os.MkdirAll(user, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(user, "registrymodifications.xcu"), []byte(recalc), 0o644); err != nil {
		t.Fatal(err)
	}
	args := append([]string{"-env:UserInstallation=file://" + profile, "--headless", "--norestore", "--convert-to", convertTo, "--outdir", outDir}, files...)
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice %s: %v\n%s", convertTo, err, out)
	}
}

// WritePDF writes r with the embedded fonts and a fixed date as a PDF file
// of the test's, has qpdf check it, and returns its path.
func WritePDF(t testing.TB, r *layout.Result) string {
	t.Helper()
	var b bytes.Buffer
	r.Meta.Date = time.Date(2023, 7, 31, 0, 0, 0, 0, time.UTC)
	if err := pdf.Write(&b, r, fonts.Default(), "hoinghi test"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	Run(t, "qpdf", "--check", path)
	return path
}
