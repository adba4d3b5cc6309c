//go:build unix

package batch

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// TestCollectSkipsLinksAndFIFOs: a symbolic link to a private file and a
// FIFO in a folder are listed as skipped and never opened; a symbolic
// link to a folder is not followed.
func TestCollectSkipsLinksAndFIFOs(t *testing.T) {
	dir := t.TempDir()
	writeSynth(t, dir, 1)
	private := filepath.Join(t.TempDir(), "secret.yaml")
	if err := os.WriteFile(private, []byte("mật khẩu: 1234\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(private, filepath.Join(dir, "link.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Dir(private), filepath.Join(dir, "sub")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	inputs, err := Collect([]string{dir}, "")
	if err != nil {
		t.Fatal(err)
	}
	skipped := map[string]bool{}
	for _, in := range inputs {
		if strings.Contains(in.Path, "secret") {
			t.Errorf("the linked folder was followed: %s", in.Path)
		}
		if in.Skip != nil {
			skipped[filepath.Base(in.Path)] = true
		}
	}
	if len(inputs) != 3 || !skipped["link.yaml"] || !skipped["fifo.yaml"] {
		t.Fatalf("inputs %+v; want the meeting, and the link and the FIFO skipped", inputs)
	}
	// The FIFO is never opened: were it, the batch would wait for a writer
	// forever.
	m := Run(context.Background(), inputs, Options{Setup: Setup{Renderer: newRenderer(t), Formats: []string{"pdf"}}, Out: t.TempDir(), Jobs: 1})
	if m.Skipped() != 2 || m.Done() != 1 || m.Failed() != 0 {
		t.Fatalf("manifest %+v", m.Inputs)
	}
	for _, e := range m.Inputs {
		if strings.Contains(e.Error, "1234") {
			t.Errorf("the private file's contents are in the manifest: %q", e.Error)
		}
	}
}

// TestLock: a second batch cannot take a locked folder; a lock whose
// process has ended is taken over; unlocking removes it.
func TestLock(t *testing.T) {
	out := t.TempDir()
	unlock, err := Lock(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Lock(out); err == nil || !strings.Contains(err.Error(), "another batch (process "+strconv.Itoa(os.Getpid())+")") {
		t.Errorf("a second lock: %v; want a refusal naming this process", err)
	}
	unlock()
	if _, err := os.Stat(filepath.Join(out, LockName)); !os.IsNotExist(err) {
		t.Errorf("the lock file is left after unlocking: %v", err)
	}

	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, LockName), []byte(strconv.Itoa(dead.Process.Pid)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	unlock, err = Lock(out)
	if err != nil {
		t.Fatalf("the stale lock of process %d was not taken over: %v", dead.Process.Pid, err)
	}
	data, _ := os.ReadFile(filepath.Join(out, LockName))
	if strings.TrimSpace(string(data)) != strconv.Itoa(os.Getpid()) {
		t.Errorf("the lock holds %q, want this process", data)
	}
	unlock()
}
