package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hoinghi/hoinghi/internal/testtool"
	"github.com/hoinghi/hoinghi/report/batch"
)

// TestMain lets a test run the command as a separate process — the test
// binary itself, through main — to send it real signals or limit its
// memory; it removes the documents the .docx tests share.
func TestMain(m *testing.M) {
	if os.Getenv("HOINGHI_TEST_MAIN") == "1" {
		main()
	}
	code := m.Run()
	if docxDir != "" {
		os.RemoveAll(docxDir)
	}
	os.Exit(code)
}

// sampleTree writes n synthetic meetings into dir/a and dir/b/c.
func sampleTree(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	if code, _, stderr := hoinghi(t, "sample", "-n", strconv.Itoa(n), "-o", filepath.Join(dir, "a")); code != 0 {
		t.Fatalf("sample: %s", stderr)
	}
	if err := os.MkdirAll(filepath.Join(dir, "b", "c"), 0o755); err != nil {
		t.Fatal(err)
	}
	// Move half into a deeper folder, so that the output mirrors a tree.
	files, _ := filepath.Glob(filepath.Join(dir, "a", "*.yaml"))
	for _, f := range files[:len(files)/2] {
		if err := os.Rename(f, filepath.Join(dir, "b", "c", filepath.Base(f))); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func readManifest(t *testing.T, path string) batch.Manifest {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m batch.Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func noTemporaryFiles(t *testing.T, root string) {
	t.Helper()
	filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".tmp") {
			t.Errorf("a temporary file was left: %s", path)
		}
		return nil
	})
}

// TestBatchBrokenAmongGood: the good files are rendered, the broken ones
// reported with line and column, exit 1, the manifest complete.
func TestBatchBrokenAmongGood(t *testing.T) {
	in := sampleTree(t, 6)
	write(t, filepath.Join(in, "a"), "hong.yaml", "issuer:\n  name: X\nmeeting:\n  title: T\n  start: 2023-02-30\n")
	write(t, filepath.Join(in, "b"), "vo.yaml", "issuer: [a\n")
	out := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := hoinghi(t, "--lang", "en", "batch", "--kind", "thong-bao", "-o", out, in)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	if stdout != "" {
		t.Errorf("batch wrote to stdout: %q", stdout)
	}
	for _, want := range []string{filepath.Join(in, "a", "hong.yaml") + ":5:10: meeting.start: expected a date with a time", filepath.Join(in, "b", "vo.yaml") + ":1:"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if !strings.Contains(stderr, "8 of 8 meetings done, 2 failed") {
		t.Errorf("no summary line:\n%s", stderr)
	}
	m := readManifest(t, filepath.Join(out, "manifest.json"))
	if len(m.Inputs) != 8 || m.Failed() != 2 || !strings.HasPrefix(m.Tool, "hoinghi ") {
		t.Fatalf("manifest: %d inputs, %d failed, tool %q", len(m.Inputs), m.Failed(), m.Tool)
	}
	for _, e := range m.Inputs {
		switch {
		case e.Status == batch.StatusFailed && e.Error == "":
			t.Errorf("%s failed without an error", e.Path)
		case e.Status == batch.StatusOK:
			if len(e.Outputs) != 2 {
				t.Errorf("%s: outputs %v, want a PDF and a workbook", e.Path, e.Outputs)
			}
			for _, o := range e.Outputs {
				st, err := os.Stat(filepath.Join(out, o.Path))
				if err != nil || st.Size() != o.Size || len(o.SHA256) != 64 {
					t.Errorf("%s: output %s not as recorded", e.Path, o.Path)
				}
				if !strings.HasPrefix(o.Path, "a/hop-") && !strings.HasPrefix(o.Path, "b/c/hop-") {
					t.Errorf("output %s does not mirror the input tree", o.Path)
				}
			}
		}
	}
	hong := m.Inputs[0]
	for _, e := range m.Inputs {
		if strings.HasSuffix(e.Path, "hong.yaml") {
			hong = e
		}
	}
	if len(hong.Problems) != 1 || hong.Problems[0].Line != 5 || hong.Problems[0].Column != 10 || hong.Problems[0].Field != "meeting.start" {
		t.Errorf("manifest problems of hong.yaml: %+v", hong.Problems)
	}
}

// TestBatchProfileProblem: a problem in the office profile is printed and
// recorded at the profile's line, not blamed on the meeting file, and in
// the language asked for.
func TestBatchProfileProblem(t *testing.T) {
	in := t.TempDir()
	for _, d := range []string{"a", "b"} {
		if err := os.Mkdir(filepath.Join(in, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(t, filepath.Join(in, "a"), "hop.yaml", "issuer:\n  name: X\nmeeting:\n  title: T\n")
	profile := write(t, filepath.Join(in, "b"), "hoinghi.yaml", "issuer:\n  type: so\n")
	write(t, filepath.Join(in, "b"), "hop.yaml", "issuer:\n  name: X\nmeeting:\n  title: T\n")
	out := filepath.Join(t.TempDir(), "out")
	code, _, stderr := hoinghi(t, "batch", "--kind", "thong-bao", "-o", out, in)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	if want := profile + ":2:9: issuer.type: không có giá trị so"; !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}
	m := readManifest(t, filepath.Join(out, "manifest.json"))
	if len(m.Inputs) != 2 || len(m.Inputs[1].Problems) != 1 || m.Inputs[1].Problems[0].File != filepath.ToSlash(profile) {
		t.Errorf("manifest: %+v", m.Inputs)
	}
}

// TestBatchDeterministic: --jobs 1 and --jobs 8 give the same bytes, and
// the manifest validates against its schema's required fields.
func TestBatchDeterministic(t *testing.T) {
	in := sampleTree(t, 8)
	outs := []string{filepath.Join(t.TempDir(), "j1"), filepath.Join(t.TempDir(), "j8")}
	for i, jobs := range []string{"1", "8"} {
		if code, _, stderr := hoinghi(t, "batch", "--jobs", jobs, "-o", outs[i], in); code != 0 {
			t.Fatalf("--jobs %s: exit %d\n%s", jobs, code, stderr)
		}
	}
	var n int
	filepath.WalkDir(outs[0], func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(outs[0], path)
		a, _ := os.ReadFile(path)
		b, err := os.ReadFile(filepath.Join(outs[1], rel))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between --jobs 1 and --jobs 8", rel)
		}
		n++
		return nil
	})
	if n != 8*2+1 {
		t.Errorf("%d files, want the thông báo and the workbook of each of 8 meetings, and a manifest", n)
	}
}

// TestBatchSkipUnchanged: a second run renders nothing; a changed input
// and a deleted output are rendered again.
func TestBatchSkipUnchanged(t *testing.T) {
	in := sampleTree(t, 4)
	out := filepath.Join(t.TempDir(), "out")
	args := []string{"batch", "--kind", "thong-bao", "--skip-unchanged", "-o", out, in}
	if code, _, stderr := hoinghi(t, args...); code != 0 {
		t.Fatalf("first run: %s", stderr)
	}
	first := readManifest(t, filepath.Join(out, "manifest.json"))
	if code, _, stderr := hoinghi(t, args...); code != 0 {
		t.Fatalf("second run: %s", stderr)
	}
	for _, e := range readManifest(t, filepath.Join(out, "manifest.json")).Inputs {
		if e.Status != batch.StatusUnchanged {
			t.Errorf("second run: %s is %s, want unchanged", e.Path, e.Status)
		}
	}
	changed := first.Inputs[0]
	f, _ := os.OpenFile(changed.Path, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("# sửa\n")
	f.Close()
	deleted := first.Inputs[1]
	os.Remove(filepath.Join(out, deleted.Outputs[0].Path))
	if code, _, stderr := hoinghi(t, args...); code != 0 {
		t.Fatalf("third run: %s", stderr)
	}
	for _, e := range readManifest(t, filepath.Join(out, "manifest.json")).Inputs {
		want := batch.StatusUnchanged
		if e.Path == changed.Path || e.Path == deleted.Path {
			want = batch.StatusOK
		}
		if e.Status != want {
			t.Errorf("third run: %s is %s, want %s", e.Path, e.Status, want)
		}
	}
	if _, err := os.Stat(filepath.Join(out, deleted.Outputs[0].Path)); err != nil {
		t.Errorf("the deleted output was not rendered again: %v", err)
	}

	// A new office profile, or other templates, render everything again.
	write(t, in, "hoinghi.yaml", "documents:\n  thong-bao:\n    archive: VT, VP\n")
	templatesDir := filepath.Join(t.TempDir(), "mau")
	hoinghi(t, "templates", "export", templatesDir)
	tb, _ := os.ReadFile(filepath.Join(templatesDir, "thong-bao.md"))
	write(t, templatesDir, "thong-bao.md", string(tb)+"\nĐề nghị các đơn vị báo cáo kết quả.\n")
	for _, extra := range [][]string{nil, {"--templates", templatesDir}} {
		if code, _, stderr := hoinghi(t, append(args[:1:1], append(extra, args[1:]...)...)...); code != 0 {
			t.Fatalf("run with %v: %s", extra, stderr)
		}
		for _, e := range readManifest(t, filepath.Join(out, "manifest.json")).Inputs {
			if e.Status != batch.StatusOK {
				t.Errorf("after %v: %s is %s, want it rendered again", extra, e.Path, e.Status)
			}
		}
	}
}

// TestBatchInterrupted sends SIGINT to a running batch: it exits 130,
// leaves no partial file, and its manifest lists every meeting, those
// not done as cancelled, and exactly the outputs that exist.
func TestBatchInterrupted(t *testing.T) {
	in := sampleTree(t, 300)
	out := filepath.Join(t.TempDir(), "out")
	cmd := exec.Command(os.Args[0], "batch", "--jobs", "2", "-o", out, in)
	cmd.Env = append(os.Environ(), "HOINGHI_TEST_MAIN=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait for the first outputs, then interrupt.
	deadline := time.Now().Add(60 * time.Second)
	for {
		if ms, _ := filepath.Glob(filepath.Join(out, "*", "*", "hop-*", "*.pdf")); len(ms) > 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGINT)
	err := cmd.Wait()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 130 {
		t.Fatalf("exit %v, want 130\n%s", err, stderr.String())
	}
	m := readManifest(t, filepath.Join(out, "manifest.json"))
	if len(m.Inputs) != 300 || m.Done() == 0 || m.Done() >= 300 {
		t.Fatalf("the manifest lists %d of 300 meetings, %d done; want all, those done before the signal done", len(m.Inputs), m.Done())
	}
	listed := map[string]bool{}
	for _, e := range m.Inputs {
		if e.Status == batch.StatusCancelled && len(e.Outputs) > 0 {
			t.Errorf("%s is cancelled but lists outputs", e.Path)
		}
		for _, o := range e.Outputs {
			listed[filepath.FromSlash(o.Path)] = true
			if _, err := os.Stat(filepath.Join(out, o.Path)); err != nil {
				t.Errorf("the manifest lists %s, which is missing", o.Path)
			}
		}
	}
	filepath.WalkDir(out, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Base(path) == "manifest.json" {
			return err
		}
		rel, _ := filepath.Rel(out, path)
		if !listed[rel] {
			t.Errorf("%s exists but the manifest does not list it", rel)
		}
		return nil
	})
	noTemporaryFiles(t, out)
}

// TestBatchUnwritable: an output that cannot be written fails its meeting
// with a message naming it; the other meetings and earlier outputs stay.
func TestBatchUnwritable(t *testing.T) {
	in := sampleTree(t, 4)
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := hoinghi(t, "batch", "--kind", "thong-bao", "--format", "pdf", "-o", out, in); code != 0 {
		t.Fatalf("first run: %s", stderr)
	}
	first := readManifest(t, filepath.Join(out, "manifest.json"))
	victim := first.Inputs[0].Outputs[0].Path
	good, _ := os.ReadFile(filepath.Join(out, first.Inputs[1].Outputs[0].Path))
	// A folder where the PDF belongs cannot be replaced by a file.
	os.Remove(filepath.Join(out, victim))
	os.Mkdir(filepath.Join(out, victim), 0o755)
	write(t, filepath.Join(out, victim), "x", "keep")
	code, _, stderr := hoinghi(t, "--lang", "en", "batch", "--kind", "thong-bao", "--format", "pdf", "-o", out, in)
	if code != 1 || !strings.Contains(stderr, filepath.Base(victim)) {
		t.Errorf("exit %d, stderr %q; want 1 and the file named", code, stderr)
	}
	if now, _ := os.ReadFile(filepath.Join(out, first.Inputs[1].Outputs[0].Path)); !bytes.Equal(now, good) {
		t.Error("another meeting's output changed")
	}
	noTemporaryFiles(t, out)

	// An output root that cannot be made is a clean failure too.
	file := write(t, t.TempDir(), "file", "x")
	if code, _, stderr := hoinghi(t, "--lang", "en", "batch", "-o", filepath.Join(file, "out"), in); code != 1 || !strings.Contains(stderr, "cannot create the output folder") {
		t.Errorf("output under a file: exit %d, %q", code, stderr)
	}
}

// TestBatchBundle: one ZIP per meeting, named in ASCII, holding its files.
func TestBatchBundle(t *testing.T) {
	in := t.TempDir()
	data, _ := os.ReadFile(seed)
	write(t, in, "Cụm thi đua 2023.yaml", string(data))
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := hoinghi(t, "batch", "--bundle", "-o", out, in); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	zr, err := zip.OpenReader(filepath.Join(out, "cum-thi-dua-2023.zip"))
	if err != nil {
		t.Fatalf("no ASCII-named bundle: %v", err)
	}
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	want := "thong-bao-2023-07-31.pdf bao-cao-12-2023-07-28.pdf bien-ban-03-2023-07-28.pdf danh-sach-dai-bieu-2023-07-28.xlsx"
	if strings.Join(names, " ") != want {
		t.Errorf("bundle holds %v, want %s", names, want)
	}
	m := readManifest(t, filepath.Join(out, "manifest.json"))
	if len(m.Inputs) != 1 || len(m.Inputs[0].Outputs) != 1 || m.Inputs[0].Outputs[0].Path != "cum-thi-dua-2023.zip" {
		t.Errorf("manifest: %+v", m.Inputs)
	}
}

// stuckTemplates writes, into dir, a thông báo template whose body, within
// the templates' limits, takes until MaxTime stops it: a million copies of
// a megabyte of text. It returns dir.
func stuckTemplates(t *testing.T, dir string) string {
	t.Helper()
	code, stdout, stderr := hoinghi(t, "templates", "show", "thong-bao")
	if code != 0 {
		t.Fatalf("templates show: %s", stderr)
	}
	end := strings.Index(stdout[4:], "\n---\n") + 4 + len("\n---\n")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	slow := `{{$v0 := printf "%100d" 1}}`
	for i := 1; i <= 4; i++ {
		slow += fmt.Sprintf(`{{$v%d := printf "%s"%s}}`, i, strings.Repeat("%s", 10), strings.Repeat(fmt.Sprintf(" $v%d", i-1), 10))
	}
	slow += `{{range 1000}}{{range 999}}{{$x := printf "%s" $v4}}{{end}}{{end}}`
	write(t, dir, "thong-bao.md", stdout[:end]+slow+"\n")
	return dir
}

// TestBatchTerminatedStuck: a folder whose own office profile names a
// template that never ends holds one meeting; the meetings of the other
// folder are written, a second batch into the same output folder is
// refused while the first runs, and SIGTERM stops the first after the
// grace period: exit 143, the stuck meeting listed as cancelled (or
// failed, when template limits stop it first), the lock given back.
func TestBatchTerminatedStuck(t *testing.T) {
	in := sampleTree(t, 4)
	stuck := filepath.Join(in, "ket")
	stuckTemplates(t, filepath.Join(stuck, "mau"))
	write(t, stuck, "hoinghi.yaml", "render:\n  templates: mau\n")
	write(t, stuck, "hop.yaml", "issuer:\n  name: X\nmeeting:\n  title: T\n")
	out := filepath.Join(t.TempDir(), "out")
	cmd := exec.Command(os.Args[0], "--lang", "en", "batch", "--jobs", "2", "--kind", "thong-bao", "--format", "pdf", "-o", out, in)
	cmd.Env = append(os.Environ(), "HOINGHI_TEST_MAIN=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	// Wait until the four good meetings are written: the batch is then
	// left with the stuck one.
	deadline := time.Now().Add(60 * time.Second)
	for {
		ms, _ := filepath.Glob(filepath.Join(out, "*", "*", "hop-*", "*.pdf"))
		more, _ := filepath.Glob(filepath.Join(out, "*", "hop-*", "*.pdf"))
		if len(ms)+len(more) == 4 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the good meetings were not written: %d\n%s", len(ms)+len(more), stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	code, _, second := hoinghi(t, "--lang", "en", "batch", "-o", out, in)
	if code != exitBusy || !strings.Contains(second, "another batch (process "+strconv.Itoa(cmd.Process.Pid)+") is writing to "+out) {
		t.Errorf("a second batch into the same folder: exit %d, %q; want %d and the first one named", code, second, exitBusy)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	err := cmd.Wait()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitTerminated {
		t.Fatalf("exit %v, want %d\n%s", err, exitTerminated, stderr.String())
	}
	m := readManifest(t, filepath.Join(out, "manifest.json"))
	if len(m.Inputs) != 5 {
		t.Fatalf("the manifest lists %d meetings, want 5: %+v", len(m.Inputs), m.Inputs)
	}
	for _, e := range m.Inputs {
		switch {
		case strings.Contains(e.Path, "/ket/"):
			if (e.Status != batch.StatusCancelled && e.Status != batch.StatusFailed) || len(e.Outputs) != 0 {
				t.Errorf("the stuck meeting: %+v; want cancelled, no outputs", e)
			}
		case e.Status != batch.StatusOK || len(e.Outputs) != 1:
			t.Errorf("%s: %+v; want it written", e.Path, e)
		}
	}
	if _, err := os.Stat(filepath.Join(out, batch.LockName)); !os.IsNotExist(err) {
		t.Errorf("the lock is left behind: %v", err)
	}
	noTemporaryFiles(t, out)
}

// TestBatchOwnProfile: each folder takes its own office profile's render
// settings, fonts and templates, exactly as render does: the bytes of a
// batch's PDF equal render's, and a profile that is broken later fails
// its meetings under --skip-unchanged, naming the profile.
func TestBatchOwnProfile(t *testing.T) {
	in := sampleTree(t, 2)
	own := filepath.Join(in, "rieng")
	hoinghi(t, "templates", "export", filepath.Join(own, "mau"))
	tb, _ := os.ReadFile(filepath.Join(own, "mau", "thong-bao.md"))
	write(t, filepath.Join(own, "mau"), "thong-bao.md", string(tb)+"\nĐề nghị các đơn vị báo cáo kết quả trước ngày 15.\n")
	prof := write(t, own, "hoinghi.yaml", "render:\n  formats: [pdf]\n  templates: mau\n")
	meetingFile := write(t, own, "hop.yaml", "issuer:\n  name: X\nmeeting:\n  title: T\n")
	out := filepath.Join(t.TempDir(), "out")
	args := []string{"--lang", "en", "batch", "--kind", "thong-bao", "--skip-unchanged", "-o", out, in}
	if code, _, stderr := hoinghi(t, args...); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	m := readManifest(t, filepath.Join(out, "manifest.json"))
	var ownEntry batch.Entry
	for _, e := range m.Inputs {
		want := 2 // a PDF and a workbook, the built-in default
		if e.Path == filepath.ToSlash(meetingFile) {
			ownEntry, want = e, 1 // the profile's formats: [pdf]
		}
		if len(e.Outputs) != want {
			t.Errorf("%s: outputs %v, want %d", e.Path, e.Outputs, want)
		}
	}
	if len(ownEntry.Outputs) != 1 {
		t.Fatalf("no entry for %s: %+v", meetingFile, m.Inputs)
	}
	rendered := t.TempDir()
	if code, _, stderr := hoinghi(t, "render", "--kind", "thong-bao", "-o", rendered, meetingFile); code != 0 {
		t.Fatalf("render: %s", stderr)
	}
	byRender, err := os.ReadFile(filepath.Join(rendered, filepath.Base(ownEntry.Outputs[0].Path)))
	if err != nil {
		t.Fatal(err)
	}
	byBatch, _ := os.ReadFile(filepath.Join(out, ownEntry.Outputs[0].Path))
	if !bytes.Equal(byBatch, byRender) {
		t.Errorf("batch and render wrote different PDFs for a folder with its own profile")
	}
	if text := strings.Join(strings.Fields(string(testtool.Run(t, "pdftotext", filepath.Join(out, ownEntry.Outputs[0].Path), "-"))), " "); !strings.Contains(text, "trước ngày 15") {
		t.Errorf("the folder's own template was not used:\n%s", text)
	}

	write(t, own, "hoinghi.yaml", "render:\n  formats: [pdf]\n  templates: mau\nissuer:\n  type: so\n")
	code, _, stderr := hoinghi(t, args...)
	if code != 1 || !strings.Contains(stderr, prof+":5:9: issuer.type") {
		t.Errorf("a broken profile under --skip-unchanged: exit %d, %q; want 1 and the profile named", code, stderr)
	}
	for _, e := range readManifest(t, filepath.Join(out, "manifest.json")).Inputs {
		want := batch.StatusUnchanged
		if e.Path == filepath.ToSlash(meetingFile) {
			want = batch.StatusFailed
			if len(e.Problems) != 1 || e.Problems[0].File != filepath.ToSlash(prof) {
				t.Errorf("the failed meeting's problems %+v do not name the profile", e.Problems)
			}
		}
		if e.Status != want {
			t.Errorf("%s is %s, want %s", e.Path, e.Status, want)
		}
	}
}

// TestBatchHostileNames: meeting files named as Windows devices, made of
// dots, or 250 bytes long get output names every system takes, within
// 255 bytes with --bundle; a linked private file is skipped with a
// warning and its contents appear nowhere.
func TestBatchHostileNames(t *testing.T) {
	in := t.TempDir()
	meetingText := "issuer:\n  name: X\nmeeting:\n  title: T\n"
	long := strings.Repeat("hoi-nghi-", 30)[:250] + ".yaml"
	for _, name := range []string{"CON.yaml", "...yaml", long} {
		write(t, in, name, meetingText)
	}
	private := write(t, t.TempDir(), "secret.yaml", "mật khẩu: 1234\n")
	os.Chmod(private, 0o600)
	if err := os.Symlink(private, filepath.Join(in, "link.yaml")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	code, _, stderr := hoinghi(t, "--lang", "en", "batch", "--bundle", "--kind", "thong-bao", "-o", out, in)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "link.yaml is a symbolic link: skipped") || strings.Contains(stderr, "1234") {
		t.Errorf("stderr: %q; want a warning for the link and nothing of its target", stderr)
	}
	m := readManifest(t, filepath.Join(out, "manifest.json"))
	if len(m.Inputs) != 4 || m.Skipped() != 1 || m.Done() != 3 {
		t.Fatalf("manifest %+v", m.Inputs)
	}
	data, _ := os.ReadFile(filepath.Join(out, "manifest.json"))
	if bytes.Contains(data, []byte("1234")) {
		t.Error("the private file's contents are in the manifest")
	}
	for _, e := range m.Inputs {
		if e.Status == batch.StatusSkipped {
			continue
		}
		if len(e.Outputs) != 1 {
			t.Fatalf("%s: %+v", e.Path, e)
		}
		name := e.Outputs[0].Path
		stem := strings.ToUpper(strings.TrimSuffix(name, ".zip"))
		if strings.Contains(name, "/") || stem == "CON" || strings.Trim(stem, ".") == "" || len(name) > 255-len(".4294967295.tmp")-1 || strings.HasSuffix(e.Path, long) && len(name) < 200 {
			t.Errorf("%s wrote %q", e.Path, name)
		}
		list, err := exec.Command("unzip", "-Z1", filepath.Join(out, name)).Output()
		if err != nil || !strings.HasPrefix(string(list), "thong-bao") {
			t.Errorf("unzip -Z1 %s: %v, %q", name, err, list)
		}
	}
}
