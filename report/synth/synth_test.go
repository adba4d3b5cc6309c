package synth

import (
	"bytes"
	"testing"

	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/report/meeting"
)

// TestMeetingsLoad: every generated meeting is a valid meeting file, the
// same seed gives the same files, and the names use every vowel and tone.
func TestMeetingsLoad(t *testing.T) {
	var all bytes.Buffer
	for i, m := range Meetings(1, 40) {
		data, err := YAML(m)
		if err != nil {
			t.Fatal(err)
		}
		again, _ := YAML(Meetings(1, 40)[i])
		if !bytes.Equal(data, again) {
			t.Fatalf("meeting %d differs between two runs of one seed", i)
		}
		if _, err := meeting.Parse("synth.yaml", data, meeting.Options{Kinds: []string{"thong-bao"}, Covers: fonts.Default().Covers}); err != nil {
			t.Fatalf("meeting %d is not valid: %v\n%s", i, err, data)
		}
		all.Write(data)
	}
	for _, r := range "ăâêôơưđĐàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ" {
		if !bytes.ContainsRune(all.Bytes(), r) && !bytes.ContainsRune(bytes.ToLower(all.Bytes()), r) {
			t.Errorf("no %q in the generated meetings", r)
		}
	}
}
