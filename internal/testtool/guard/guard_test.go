package guard

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestInputChild is the test that TestInput runs in a process of its own,
// where it fails as GUARD_CASE asks.
func TestInputChild(t *testing.T) {
	switch os.Getenv("GUARD_CASE") {
	case "panic":
		Input(t, []byte("x"), func() error { panic("boom") })
	case "error":
		Input(t, []byte("x"), func() error { return errors.New("wrong") })
	case "":
		t.Skip("run by TestInput")
	}
}

func TestInput(t *testing.T) {
	ran := false
	Input(t, make([]byte, MaxInput+1), func() error { ran = true; return nil })
	if ran {
		t.Error("an input over MaxInput ran")
	}
	Input(t, []byte("x"), func() error { ran = true; return nil })
	if !ran {
		t.Error("an input did not run")
	}
	for c, want := range map[string]string{"panic": "panic: boom", "error": "wrong"} {
		cmd := exec.Command(os.Args[0], "-test.run", "^TestInputChild$")
		cmd.Env = append(os.Environ(), "GUARD_CASE="+c)
		out, err := cmd.CombinedOutput()
		if err == nil || !strings.Contains(string(out), want) || !strings.Contains(string(out), "--- FAIL: TestInputChild") {
			t.Errorf("%s: the test did not fail with %q: %v\n%s", c, want, err, out)
		}
	}
}
