package profile

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/quick"

	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/meeting"
	"golang.org/x/text/unicode/norm"
)

// full is a form with every field: two built-in kinds and an office's
// own, the folders given by the caller.
func full(fonts, templates string) Form {
	return Form{
		Issuer: meeting.Issuer{Parent: "UBND TỈNH BẮC KẠN", Name: "CỤM THI ĐUA CÁC TỈNH TRUNG DU VÀ MIỀN NÚI PHÍA BẮC", Code: "CTĐ", Place: "Bắc Kạn", Type: "cum-thi-dua"},
		Documents: map[string]Document{
			"thong-bao": {
				Recipients: []string{"Ban Thi đua - Khen thưởng Trung ương (b/c)", "Các tỉnh trong Cụm"},
				Archive:    "VT, CTĐ",
				Signer:     meeting.Signer{Titles: []string{"TM. CỤM THI ĐUA", "CỤM TRƯỞNG"}, Name: "Phạm Duy Hưng"},
			},
			"bao-cao": {To: []string{"Ban Thi đua - Khen thưởng Trung ương"}, Annex: true},
			"bien-ban": {
				Signer:    meeting.Signer{Titles: []string{"CHỦ TỌA"}, Name: "Phạm Duy Hưng"},
				Secretary: meeting.Signer{Titles: []string{"THƯ KÝ"}, Name: "Hoàng Huế"},
				Annex:     true,
			},
			"cong-van": {Archive: "VT"},
		},
		Render: RenderDefaults{Kinds: []string{"thong-bao", "bien-ban"}, Formats: []string{"pdf", "xlsx"}, Sort: "ten", Fonts: fonts, Templates: templates},
	}
}

// canonical is f as Load gives it back: NFC text, and no empty list or
// map, which a file cannot tell from a missing one.
func canonical(f Form) Form {
	text := func(s string) string { return norm.NFC.String(strings.ToValidUTF8(s, "\uFFFD")) }
	list := func(items []string) []string {
		if len(items) == 0 {
			return nil
		}
		out := make([]string, len(items))
		for i, it := range items {
			out[i] = text(it)
		}
		return out
	}
	is := &f.Issuer
	for _, s := range []*string{&is.Parent, &is.Name, &is.Code, &is.Place, &is.Type} {
		*s = text(*s)
	}
	docs := f.Documents
	f.Documents = nil
	for k, d := range docs {
		d.To, d.Recipients = list(d.To), list(d.Recipients)
		d.Archive = text(d.Archive)
		for _, s := range []*meeting.Signer{&d.Signer, &d.Secretary} {
			s.Titles, s.Name = list(s.Titles), text(s.Name)
		}
		if f.Documents == nil {
			f.Documents = map[string]Document{}
		}
		f.Documents[text(k)] = d
	}
	r := &f.Render
	r.Kinds, r.Formats = list(r.Kinds), list(r.Formats)
	return f
}

// roundTrip writes Encode(f) as the profile at path, loads it, and
// reports where the form Load gives back differs from f.
func roundTrip(t *testing.T, path string, f Form) {
	t.Helper()
	data := Encode(f)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	p, err := Load(path)
	if err != nil {
		t.Fatalf("Load refuses what Encode wrote: %v\n%s", err, data)
	}
	if got, want := p.Form(), canonical(f); !reflect.DeepEqual(got, want) {
		t.Fatalf("Load(Encode(f)):\n got %#v\nwant %#v\n%s", got, want, data)
	}
	if again := Encode(p.Form()); !bytes.Equal(again, data) {
		t.Fatalf("Encode of the loaded form differs:\n%s\nfirst:\n%s", again, data)
	}
}

// tricky are strings that YAML reads as something else when written
// as they are.
var tricky = []string{
	"- Lưu", "Số: 05/TB-CTĐ", "a: b", "a:b", "VT:", "#1", "VT #1", "VT#1", " Bắc Kạn", "Bắc Kạn ", " ",
	"yes", "No", "ON", "off", "y", "N", "true", "False", "null", "Null", "~", "010", "2023", "1.5", "-1", "+5",
	"0x1F", "1e3", ".inf", ".NaN", "2023-07-28", "08:00", "'", "\"", "''", "it's", "\"Ban\"", "\\", "C:\\Fonts",
	"a\\nb", "[Ban]", "{a: b}", "a, b", "&a", "*a", "!tag", "|", ">", "%TAG", "@x", "`x`", "?", "? x", ",",
	"<<", "=", "---", "...", "a\tb", "dòng 1\ndòng 2", "\r", "\x00", "\x7f", "\u00a0Sở\u00a0Nội vụ", "Hội\u200Btrường",
	"\u2028", "\u0085", "\uFEFFSở", "\U0001F3DB", "e\u0302\u0301", "Nguye\u0302\u0303n", "\xff\xfe",
	"Ban Thi đua - Khen thưởng Trung ương (b/c)", "TM. ỦY BAN NHÂN DÂN", "Hoàng Huế", "ngày 15/7",
}

func TestEncodeRoundTrip(t *testing.T) {
	dir := t.TempDir()
	fonts, templates := t.TempDir(), t.TempDir()
	path := filepath.Join(dir, FileName)
	t.Run("every field", func(t *testing.T) { roundTrip(t, path, full(fonts, templates)) })
	t.Run("folders relative to the profile's", func(t *testing.T) {
		for _, d := range []string{"phong", "mau riêng"} {
			if err := os.Mkdir(filepath.Join(dir, d), 0o700); err != nil {
				t.Fatal(err)
			}
		}
		roundTrip(t, path, full("phong", "./mau riêng"))
	})
	t.Run("empty", func(t *testing.T) {
		roundTrip(t, path, Form{})
		roundTrip(t, path, Form{Documents: map[string]Document{"thong-bao": {}}})
	})
	for _, s := range tricky {
		t.Run(strings.ToValidUTF8(s, "?"), func(t *testing.T) {
			roundTrip(t, path, textForm(s, s, s, true))
		})
	}
	t.Run("random", func(t *testing.T) {
		err := quick.Check(func(seed uint64) bool {
			r := rand.New(rand.NewPCG(seed, 1))
			roundTrip(t, path, randomForm(r))
			return !t.Failed()
		}, &quick.Config{MaxCount: 500})
		if err != nil {
			t.Error(err)
		}
	})
}

// FuzzEncode checks the round trip of forms whose text is the fuzzer's:
// Load of Encode's bytes gives back the same form, and encodes to the
// same bytes.
func FuzzEncode(f *testing.F) {
	for i, s := range tricky {
		f.Add(s, tricky[(i+1)%len(tricky)], tricky[(i+7)%len(tricky)], i%2 == 0)
	}
	path := filepath.Join(f.TempDir(), FileName)
	f.Fuzz(func(t *testing.T, a, b, kind string, annex bool) {
		roundTrip(t, path, textForm(a, b, kind, annex))
	})
}

// textForm puts a and b in every text field whose value Load does not
// check, and kind as the key of a document when it is not blank.
func textForm(a, b, kind string, annex bool) Form {
	d := Document{
		To:         []string{a},
		Recipients: []string{a, b, ""},
		Archive:    b,
		Signer:     meeting.Signer{Titles: []string{b, a}, Name: a},
		Secretary:  meeting.Signer{Titles: []string{a}, Name: b},
		Annex:      annex,
	}
	if strings.TrimSpace(kind) == "" {
		kind = "thong-bao"
	}
	f := Form{
		Issuer:    meeting.Issuer{Parent: a, Name: b, Code: a, Place: b},
		Documents: map[string]Document{kind: d, "bien-ban": {Archive: a}},
	}
	if k := norm.NFC.String(strings.ToValidUTF8(kind, "\uFFFD")); strings.TrimSpace(k) != "" && k != "bien-ban" {
		f.Render.Kinds = []string{k}
	}
	return f
}

// randomForm is a form of random shape whose text is made of tricky
// pieces.
func randomForm(r *rand.Rand) Form {
	text := func() string {
		var b strings.Builder
		for range r.IntN(4) {
			b.WriteString(tricky[r.IntN(len(tricky))])
		}
		return b.String()
	}
	list := func() []string {
		var l []string
		for range r.IntN(4) {
			l = append(l, text())
		}
		return l
	}
	signer := func() meeting.Signer { return meeting.Signer{Titles: list(), Name: text()} }
	f := Form{Issuer: meeting.Issuer{Parent: text(), Name: text(), Code: text(), Place: text()}}
	for _, k := range []string{"thong-bao", "bao-cao", "bien-ban", "cong-van", "010", "mẫu riêng"} {
		if r.IntN(2) == 0 {
			continue
		}
		if f.Documents == nil {
			f.Documents = map[string]Document{}
		}
		f.Documents[k] = Document{To: list(), Recipients: list(), Archive: text(), Signer: signer(), Secretary: signer(), Annex: r.IntN(2) == 0}
	}
	if r.IntN(2) == 0 {
		f.Issuer.Type = meeting.Codes(meeting.BodyTypes)[r.IntN(len(meeting.BodyTypes))]
	}
	for _, k := range []string{"thong-bao", "bien-ban", "bao-cao"} {
		if r.IntN(2) == 0 {
			f.Render.Kinds = append(f.Render.Kinds, k)
		}
	}
	for _, x := range []string{"xlsx", "pdf"} {
		if r.IntN(2) == 0 {
			f.Render.Formats = append(f.Render.Formats, x)
		}
	}
	if r.IntN(2) == 0 {
		f.Render.Sort = "ten"
	}
	return f
}

// TestEncodeLayout: the blocks come in the order of the package's
// example, each under its comment, and only keys with a value are
// written.
func TestEncodeLayout(t *testing.T) {
	got := string(Encode(full("/cq/phong", "/cq/mau")))
	var keys []string
	for _, line := range strings.Split(got, "\n") {
		text := strings.TrimLeft(line, " ")
		if strings.HasPrefix(text, "#") || strings.HasPrefix(text, "- ") {
			continue
		}
		if k, _, ok := strings.Cut(text, ":"); ok {
			keys = append(keys, line[:len(line)-len(text)]+k)
		}
	}
	want := []string{
		"issuer", "  parent", "  name", "  code", "  place", "  type",
		"documents",
		"  thong-bao", "    signer", "      titles", "      name", "    recipients", "    archive",
		"  bao-cao", "    to", "    annex",
		"  bien-ban", "    signer", "      titles", "      name", "    secretary", "      titles", "      name", "    annex",
		"  cong-van", "    archive",
		"render", "  kinds", "  formats", "  sort", "  fonts", "  templates",
	}
	if !slices.Equal(keys, want) {
		t.Errorf("keys:\n got %q\nwant %q\n%s", keys, want, got)
	}
	for _, c := range []string{"# Cơ quan ban hành văn bản", "# THÔNG BÁO kết luận.", "# BÁO CÁO.", "# BIÊN BẢN.", "# Mẫu riêng của cơ quan.", "# Người ký", "# Thư ký", "# Nơi nhận.", "# Kính gửi.", "# Cách xuất văn bản."} {
		if !strings.Contains(got, "\n"+c) && !strings.Contains(got, "  "+c) {
			t.Errorf("no comment %q:\n%s", c, got)
		}
	}
	if !norm.NFC.IsNormalString(got) {
		t.Error("the profile is not NFC")
	}
	if got := string(Encode(Form{Issuer: meeting.Issuer{Name: "SỞ NỘI VỤ"}})); strings.Contains(got, "documents") || strings.Contains(got, "render") || strings.Contains(got, "parent") {
		t.Errorf("keys without a value are written:\n%s", got)
	}
}

// problemsOf is err's problems, failing the test when it is not a
// diag.List.
func problemsOf(t *testing.T, err error) diag.List {
	t.Helper()
	var ps diag.List
	if !errors.As(err, &ps) {
		t.Fatalf("got %T %v, want a diag.List", err, err)
	}
	return ps
}

func TestSaveRefuses(t *testing.T) {
	sharedTemplates := t.TempDir()
	if err := os.Chmod(sharedTemplates, 0o777); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		change func(f *Form)
		path   string
		en, vi string
	}{
		{"issuer type", func(f *Form) { f.Issuer.Type = "so-ban-nganh" }, "issuer.type", "unknown value so-ban-nganh: expected one of cum-thi-dua", "không có giá trị so-ban-nganh: cần một trong các giá trị cum-thi-dua"},
		{"sort", func(f *Form) { f.Render.Sort = "ho" }, "render.sort", "unknown sort order ho: expected ten, or a blank for the order of the file", "không có thứ tự ho: cần ten, hoặc để trống để giữ thứ tự trong tệp"},
		{"format", func(f *Form) { f.Render.Formats = []string{"pdf", "html"} }, "render.formats[1]", "unknown format html: expected one of pdf, docx, xlsx", "không có định dạng html: cần một trong các định dạng pdf, docx, xlsx"},
		{"format twice", func(f *Form) { f.Render.Formats = []string{"pdf", " pdf "} }, "render.formats[1]", "pdf is listed twice", "pdf có hai lần trong danh sách"},
		{"fonts folder", func(f *Form) { f.Render.Fonts = "/khong/co/phong" }, "render.fonts", "the folder /khong/co/phong does not exist", "không có thư mục /khong/co/phong"},
		{"templates folder of others", func(f *Form) { f.Render.Templates = sharedTemplates }, "render.templates", "the folder " + sharedTemplates + " is not trusted: other users can change", "không tin dùng thư mục " + sharedTemplates + ": người dùng khác có thể sửa"},
		{"document kind", func(f *Form) { f.Documents["quyet-dinh"] = Document{Archive: "VT"} }, "documents.quyet-dinh", "unknown kind quyet-dinh: expected one of bao-cao, bien-ban, thong-bao", "không có loại văn bản quyet-dinh: cần một trong các loại bao-cao, bien-ban, thong-bao"},
		{"render kind", func(f *Form) { f.Render.Kinds = []string{"thong-bao", "quyet-dinh"} }, "render.kinds[1]", "unknown kind quyet-dinh", "không có loại văn bản quyet-dinh"},
		{"hidden character", func(f *Form) {
			d := f.Documents["thong-bao"]
			d.Signer.Name = "Phạm\u200BDuy Hưng"
			f.Documents["thong-bao"] = d
		}, "documents.thong-bao.signer.name", "character 5 is U+200B (ZERO WIDTH SPACE), which is invisible", "ký tự thứ 5 là U+200B (ZERO WIDTH SPACE), một ký tự ẩn"},
		{"legacy encoding", func(f *Form) { f.Issuer.Name = "UBND X· T©n An" }, "issuer.name", "this text looks typed in the TCVN3 (ABC) encoding", "bảng mã TCVN3 (ABC)"},
		{"too long", func(f *Form) { f.Issuer.Name = strings.Repeat("SỞ NỘI VỤ ", MaxSize/10) }, "", "the office profile would hold 1", "hồ sơ cơ quan sẽ có 1"},
		{"blank kind", func(f *Form) { f.Documents[" "] = Document{Archive: "VT"} }, "documents", "missing the kind of document", "thiếu loại văn bản"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "hoinghi", FileName)
			f := full("", "")
			delete(f.Documents, "cong-van")
			tc.change(&f)
			p, err := Save(path, f)
			if p != nil {
				t.Fatalf("Save accepted it:\n%s", Encode(f))
			}
			ps := problemsOf(t, err)
			if len(ps) != 1 {
				t.Fatalf("%d problems, want 1:\n%v", len(ps), ps)
			}
			got := ps[0]
			if got.File != path || got.Path != tc.path || got.Line != 0 || got.Col != 0 {
				t.Errorf("problem at %s:%d:%d %s, want %s, no line, %s", got.File, got.Line, got.Col, got.Path, path, tc.path)
			}
			for _, l := range []struct {
				tag  string
				want string
			}{{"en", tc.en}, {"vi", tc.vi}} {
				tag, _ := lang.Parse(l.tag)
				if msg := got.Msg.In(tag); !strings.Contains(msg, l.want) {
					t.Errorf("%s: %q, want %q", l.tag, msg, l.want)
				}
			}
			if _, err := os.Stat(filepath.Dir(path)); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("a refused save created its folder: %v", err)
			}
		})
	}
}

func TestSaveKeepsGoodProfile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	good := full("", "")
	delete(good.Documents, "cong-van")
	if _, err := Save(path, good); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	bad := good
	bad.Render.Sort = "ho"
	if _, err := Save(path, bad); err == nil {
		t.Fatal("Save accepted a bad sort order")
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Errorf("a failed save changed the profile:\n%s", after)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a failed save left files: %v", entries)
	}

}

func TestSaveCreatesFolder(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	path, err := UserFile()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(home, ".config", "hoinghi", FileName); path != want {
		t.Fatalf("UserFile = %s, want %s", path, want)
	}
	f := full("", "")
	delete(f.Documents, "cong-van")
	f.Issuer.Name = "  Cụm thi đua  "
	f.Documents["thong-bao"] = Document{Recipients: []string{"", "  Sở Nội vụ ", " "}, Signer: meeting.Signer{Titles: []string{"CỤM TRƯỞNG", ""}, Name: "Nguye\u0302\u0303n Văn An"}}
	f.Documents["bao-cao"] = Document{Recipients: []string{" ", ""}}
	p, err := Save(path, f)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(filepath.Dir(path))
	if err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("the folder is %v (%v), want 0700", info.Mode(), err)
	}
	got := p.Form()
	if got.Issuer.Name != "Cụm thi đua" {
		t.Errorf("issuer.name %q, want it trimmed", got.Issuer.Name)
	}
	tb := got.Documents["thong-bao"]
	if !slices.Equal(tb.Recipients, []string{"Sở Nội vụ"}) || !slices.Equal(tb.Signer.Titles, []string{"CỤM TRƯỞNG"}) || tb.Signer.Name != "Nguyễn Văn An" {
		t.Errorf("thong-bao: %+v, want blank lines dropped and text NFC", tb)
	}
	if _, ok := got.Documents["bao-cao"]; ok {
		t.Errorf("a kind with nothing in it was kept: %+v", got.Documents)
	}
	// Find takes the user's profile for a meeting with none above it.
	meetingDir := t.TempDir()
	t.Setenv(EnvVar, "")
	if found, err := Find(filepath.Join(meetingDir, "hop.yaml")); err != nil || found != path {
		t.Errorf("Find = %q, %v, want %s", found, err, path)
	}
	loaded, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(loaded.Form(), got) || loaded.Digest != p.Digest {
		t.Errorf("Load gives another profile than Save returned")
	}
}

// TestFormCopies: a form may be edited without changing the profile it
// came from.
func TestFormCopies(t *testing.T) {
	p := loadOffice(t)
	f := p.Form()
	f.Documents["thong-bao"].Signer.Titles[0] = "KT. CỤM TRƯỞNG"
	f.Render.Kinds[0] = "bao-cao"
	delete(f.Documents, "bien-ban")
	again := p.Form()
	if again.Documents["thong-bao"].Signer.Titles[0] != "TM. CỤM THI ĐUA" || again.Render.Kinds[0] != "thong-bao" || len(again.Documents) != 2 {
		t.Errorf("editing the form changed the profile: %+v", again)
	}
	if got := (*Profile)(nil).Form(); !reflect.DeepEqual(got, Form{}) {
		t.Errorf("a nil profile's form: %+v", got)
	}
}

// TestSaveEveryProblem: every problem of a form comes back at once, in
// the order of the file; a templates folder is read for its kinds, with
// a relative folder found beside the profile, and a template it cannot
// read is reported at its own line.
func TestSaveEveryProblem(t *testing.T) {
	office := t.TempDir()
	path := filepath.Join(office, FileName)
	f := full("", "")
	delete(f.Documents, "cong-van")
	f.Render.Sort = "ho"
	f.Issuer.Name = "SỞ\u202ENỘI VỤ"
	f.Documents["ke-hoach"] = Document{Archive: "VT"}
	_, err := Save(path, f)
	var paths []string
	for _, p := range problemsOf(t, err) {
		paths = append(paths, p.Path)
	}
	if want := []string{"issuer.name", "documents.ke-hoach", "render.sort"}; !slices.Equal(paths, want) {
		t.Errorf("problems at %q, want %q", paths, want)
	}

	mau := filepath.Join(office, "mau")
	if err := os.Mkdir(mau, 0o700); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(mau, "ke-hoach.md"), "---\nframe: \"1.4\"\nname: KẾ HOẠCH\ncode: KH\n---\nTổ chức thực hiện.\n")
	f.Render.Sort, f.Issuer.Name, f.Render.Templates = "ten", "SỞ NỘI VỤ", "mau"
	p, err := Save(path, f)
	if err != nil {
		t.Fatalf("an own kind with its template: %v", err)
	}
	if got := p.Render().Templates; got != mau {
		t.Errorf("templates %s, want %s", got, mau)
	}

	writeFile(t, filepath.Join(mau, "ke-hoach.md"), "---\nframe: [\n---\nx\n")
	f.Issuer.Code = "SNV"
	_, err = Save(path, f)
	ps := problemsOf(t, err)
	if len(ps) < 2 || ps[0].Path != "render.templates" || ps[0].Line != 0 || ps[1].File != filepath.Join(mau, "ke-hoach.md") || ps[1].Line == 0 {
		t.Errorf("a broken template: %v, want render.templates then the template's file and line", ps)
	}
	if got, _ := Load(path); got.Form().Issuer.Code != "CTĐ" {
		t.Errorf("a refused save changed the profile: %+v", got.Form().Issuer)
	}
}
