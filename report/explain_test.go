package report_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/report"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/templates"
)

// TestExplain: the origins of a meeting's values name the profile, with
// its line, for what it gave, the meeting for what it wrote, and what the
// rest was inferred from, in either language.
func TestExplain(t *testing.T) {
	dir := t.TempDir()
	prof := filepath.Join(dir, "hoinghi.yaml")
	file := filepath.Join(dir, "hop.yaml")
	for path, data := range map[string]string{
		prof: "issuer:\n  name: ỦY BAN NHÂN DÂN XÃ CÔN MINH\ndocuments:\n  thong-bao:\n    signer: {titles: [CHỦ TỊCH], name: Hà Văn Tuấn}\n",
		file: "issuer:\n  place: Na Rì\ndocuments:\n  - kind: thong-bao\nmeeting:\n  title: Hội nghị giao ban tháng 7\n",
	} {
		if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	srcs, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	r, err := report.New(fonts.Default(), srcs, "hoinghi test")
	if err != nil {
		t.Fatal(err)
	}
	r.Profile = prof
	l, err := r.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	var en, vi []string
	for _, o := range l.Explain() {
		en = append(en, o.In(lang.English))
		vi = append(vi, o.In(lang.Vietnamese))
	}
	// A value written is placed as a problem is, in either language.
	for _, list := range [][]string{en, vi} {
		for _, line := range []string{
			prof + ":2:9: issuer.name: ỦY BAN NHÂN DÂN XÃ CÔN MINH",
			file + ": issuer.place: Na Rì",
			file + ": documents[0].kind: thong-bao",
			prof + ":5:40: documents[0].signer.name: Hà Văn Tuấn",
		} {
			if !slices.Contains(list, line) {
				t.Errorf("no %q in\n%q", line, list)
			}
		}
	}
	if !slices.Contains(en, "meeting.type: giao-ban (inferred from the title)") || !slices.Contains(vi, "meeting.type: giao-ban (suy ra từ tên hội nghị)") {
		t.Errorf("the inferred meeting type is missing:\n%q\n%q", en, vi)
	}
	for _, o := range l.Explain() {
		if o.Inferred() != (o.File == "") {
			t.Errorf("%+v: inferred %v but file %q", o, o.Inferred(), o.File)
		}
	}
}
