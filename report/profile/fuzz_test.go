package profile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool/guard"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/meeting"
)

// fuzzMeeting is the meeting each fuzzed profile completes: it names no
// issuer and lists no documents, so that the profile gives both.
const fuzzMeeting = "meeting:\n  title: Hội nghị sơ kết công tác thi đua\n  start: 2023-07-28 08:00\n  venue: Bắc Kạn\n"

// FuzzProfile loads arbitrary bytes as the office profile hoinghi.yaml of
// an office folder laid out as officeFolder does, then completes a
// meeting with it as the renderer does. The seeds in
// testdata/fuzz/FuzzProfile are profiles taken from the samples, in YAML
// and in JSON, and hostile ones: alias bombs, deep nesting, invisible and
// control characters, TCVN3 text, several documents. Whatever the bytes,
// Load returns a profile or a diag.List whose every problem names the
// file and has a message, never another error or a panic, and a loaded
// profile applies, checks and completes the meeting with problems only.
func FuzzProfile(f *testing.F) {
	root := f.TempDir()
	for _, dir := range []string{"van-phong/phong", "mau"} {
		if err := os.MkdirAll(filepath.Join(root, dir), 0o755); err != nil {
			f.Fatal(err)
		}
	}
	path := filepath.Join(root, "van-phong", FileName)
	f.Fuzz(func(t *testing.T, data []byte) {
		guard.Input(t, data, func() error { return loadInput(path, data) })
	})
}

// loadInput is one input of FuzzProfile, written to path: nil, or what is
// wrong.
func loadInput(path string, data []byte) error {
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return err
	}
	p, err := Load(path)
	if err != nil {
		return problems(path, err)
	}
	opt := meeting.Options{Kinds: []string{"thong-bao", "bao-cao", "bien-ban"}, Covers: func(r rune) bool { return r < 0x2000 }}
	if err := p.Check(opt); err != nil {
		return problems(path, err)
	}
	p.Render()
	p.Document("thong-bao")
	opt.Defaults = func(m *meeting.Meeting) { p.Apply("hop.yaml", m) }
	if _, err := meeting.Parse("hop.yaml", []byte(fuzzMeeting), opt); err != nil && !errors.As(err, new(diag.List)) {
		return fmt.Errorf("the meeting completed by the profile gave %T, want diag.List: %v", err, err)
	}
	return nil
}

// problems checks that err is a diag.List whose every problem names file
// and has a message.
func problems(file string, err error) error {
	var ps diag.List
	if !errors.As(err, &ps) || len(ps) == 0 {
		return fmt.Errorf("refused with %T %v, want a diag.List", err, err)
	}
	for _, p := range ps {
		if p.File != file || p.Msg.Key == "" {
			return fmt.Errorf("a problem without its file or message: %+v", p)
		}
	}
	return nil
}
