package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a buffer written by the command and read by the test.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestServe(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	path := write(t, dir, "hop.yaml", string(data))
	ctx, cancel := context.WithCancel(context.Background())
	var stderr lockedBuffer
	code := make(chan int)
	go func() { code <- run(ctx, []string{"hoinghi", "serve", "--no-browser", path}, io.Discard, &stderr) }()
	address := regexp.MustCompile(`http://127\.0\.0\.1:\d+/[0-9a-f]{32}/check\?file=hop\.yaml`)
	for !address.MatchString(stderr.String()) {
		select {
		case c := <-code:
			t.Fatalf("serve ended with %d:\n%s", c, stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	if !strings.Contains(stderr.String(), "bàn làm việc của văn thư đã mở tại") {
		t.Errorf("the address is not said in Vietnamese:\n%s", stderr.String())
	}
	res, err := http.Get(address.FindString(stderr.String()))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.Contains(string(body), `id="valid"`) {
		t.Errorf("status %d:\n%s", res.StatusCode, body)
	}
	cancel()
	if c := <-code; c != exitOK {
		t.Errorf("exit %d after the context ended:\n%s", c, stderr.String())
	}
}

func TestServeOtherAddressNeedsPassword(t *testing.T) {
	code, _, stderr := hoinghi(t, "serve", "--no-browser", "--listen", "0.0.0.0:0", t.TempDir())
	if code != exitInput || !strings.Contains(stderr, "--password-file") || !strings.Contains(stderr, "mật khẩu") {
		t.Errorf("exit %d:\n%s", code, stderr)
	}
	pw := filepath.Join(t.TempDir(), "pw")
	os.WriteFile(pw, []byte("\n"), 0o600)
	code, _, stderr = hoinghi(t, "--lang", "en", "serve", "--no-browser", "--listen", "0.0.0.0:0", "--password-file", pw, t.TempDir())
	if code != exitInput || !strings.Contains(stderr, "is empty: write the password on its first line") {
		t.Errorf("an empty password file: exit %d:\n%s", code, stderr)
	}
}
