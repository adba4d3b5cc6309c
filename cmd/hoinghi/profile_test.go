package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/hoinghi/hoinghi/internal/testtool"
	"github.com/hoinghi/hoinghi/report/meeting"
	"github.com/hoinghi/hoinghi/report/profile"
)

// TestProfileFolderErrors: fonts or templates that the office profile
// names and that fail to load are reported at the profile's line that
// names them, exit 2, no file; the same folder given by a flag is the
// flag's, not the profile's.
func TestProfileFolderErrors(t *testing.T) {
	t.Setenv("HOINGHI_PROFILE", "")
	office := t.TempDir()
	for _, d := range []string{"phong", "mau"} {
		if err := os.Mkdir(filepath.Join(office, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(t, filepath.Join(office, "mau"), "thong-bao.md", "---\nframe: \"1.9\"\n---\n{{.Start}\n")
	file := write(t, office, "hop.yaml", minimal)
	prof := filepath.Join(office, "hoinghi.yaml")
	out := t.TempDir()
	for _, tc := range []struct {
		profile, flag, want string
	}{
		{"render:\n  fonts: phong\n", "", prof + ":2:10: render.fonts: the folder named here has problems, listed below\n" + filepath.Join(office, "phong") + ": no usable TrueType font in the folder"},
		{"render:\n  templates: mau\n", "", prof + ":2:14: render.templates: the folder named here has problems, listed below\n" + filepath.Join(office, "mau", "thong-bao.md") + ":"},
		{"render:\n  fonts: phong\n", "--font-dir=" + filepath.Join(office, "phong"), filepath.Join(office, "phong") + ": no usable TrueType font in the folder"},
	} {
		write(t, office, "hoinghi.yaml", tc.profile)
		args := []string{"--lang", "en", "render", "-o", out, file}
		if tc.flag != "" {
			args = append(args, tc.flag)
		}
		code, _, stderr := hoinghi(t, args...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q %s: exit %d, stderr:\n%s\nwant exit 2 and %q", tc.profile, tc.flag, code, stderr, tc.want)
		}
		if got := entries(t, out); len(got) != 0 {
			t.Errorf("%q wrote %v", tc.profile, got)
		}
	}
}

// TestSavedProfile: an office profile with every field, written by
// profile.Save as the office form does, is taken by validate --explain
// and render --profile: the documents carry its agency, signers,
// recipients and archive lines, in its fonts, with its own kind, sorted
// by name.
func TestSavedProfile(t *testing.T) {
	t.Setenv("HOINGHI_PROFILE", "")
	office := t.TempDir()
	fontDir := filepath.Join(office, "phong")
	if err := os.Mkdir(fontDir, 0o700); err != nil {
		t.Fatal(err)
	}
	// Another family than the embedded Liberation Serif, to tell them
	// apart, chosen with --font-family since it is not a serif.
	for name, ttf := range map[string][]byte{
		"a.ttf": liberationsansregular.TTF, "b.ttf": liberationsansbold.TTF,
		"c.ttf": liberationsansitalic.TTF, "d.ttf": liberationsansbolditalic.TTF,
	} {
		write(t, fontDir, name, string(ttf))
	}
	templateDir := filepath.Join(office, "mau")
	if err := os.Mkdir(templateDir, 0o700); err != nil {
		t.Fatal(err)
	}
	write(t, templateDir, "ke-hoach.md", "---\nframe: \"1.4\"\nname: KẾ HOẠCH\ncode: KH\nabstract: Triển khai nhiệm vụ tháng 8\n---\n# Mục đích, yêu cầu\n\nTổ chức thực hiện các nhiệm vụ của {{.Meeting.Title}}.\n")
	path := filepath.Join(office, "cau-hinh", "hoinghi.yaml")
	form := profile.Form{
		Issuer: meeting.Issuer{Parent: "UBND HUYỆN NA RÌ", Name: " ỦY BAN NHÂN DÂN XÃ CÔN MINH ", Code: "UBND", Place: "Côn Minh", Type: "ubnd"},
		Documents: map[string]profile.Document{
			"thong-bao": {
				Recipients: []string{"Thường trực Đảng ủy xã (b/c)", "", "Các thôn, bản"},
				Archive:    "VT, VP",
				Signer:     meeting.Signer{Titles: []string{"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"}, Name: "Hà Văn Tuấn"},
			},
			"bao-cao": {To: []string{"UBND huyện Na Rì"}, Annex: true},
			"bien-ban": {
				Signer:    meeting.Signer{Titles: []string{"CHỦ TỌA"}, Name: "Hà Văn Tuấn"},
				Secretary: meeting.Signer{Titles: []string{"THƯ KÝ"}, Name: "Lương Thị Mai"},
				Annex:     true,
			},
			"ke-hoach": {Archive: "VT, KH", Signer: meeting.Signer{Titles: []string{"KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"}, Name: "Nông Văn Dũng"}},
		},
		Render: profile.RenderDefaults{Kinds: []string{"thong-bao", "bien-ban", "ke-hoach"}, Formats: []string{"pdf", "xlsx"}, Sort: "ten", Fonts: fontDir, Templates: templateDir},
	}
	if _, err := profile.Save(path, form); err != nil {
		t.Fatal(err)
	}
	meetingDir := t.TempDir()
	file := write(t, meetingDir, "giao-ban.yaml", `meeting:
  title: Hội nghị giao ban tháng 7 năm 2024
  start: 2024-07-26 08:00
  attendees:
    - {name: Trần Văn Bình, position: Trưởng thôn}
    - {name: Nguyễn Thị An, position: Công chức Văn phòng - Thống kê}
`)

	code, _, stderr := hoinghi(t, "--lang", "en", "validate", "--explain", "--profile", path, "--font-family", "Liberation Sans", file)
	if code != 0 {
		t.Fatalf("validate: exit %d\n%s", code, stderr)
	}
	for _, want := range []string{
		"hoinghi: office profile: " + path + "\n",
		path + ":", ": issuer.name: ỦY BAN NHÂN DÂN XÃ CÔN MINH\n",
		": documents[0].kind: thong-bao\n", ": documents[0].signer.name: Hà Văn Tuấn\n",
		": documents[1].secretary.name: Lương Thị Mai\n", ": documents[2].signer.titles: [KT. CHỦ TỊCH, PHÓ CHỦ TỊCH]\n",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("validate --explain lacks %q:\n%s", want, stderr)
		}
	}

	out := t.TempDir()
	if code, _, stderr := hoinghi(t, "render", "--profile", path, "--font-family", "Liberation Sans", "-o", out, file); code != 0 {
		t.Fatalf("render: exit %d\n%s", code, stderr)
	}
	if got := strings.Join(entries(t, out), " "); got != "bien-ban.pdf danh-sach-dai-bieu-2024-07-26.xlsx ke-hoach.pdf thong-bao.pdf" {
		t.Fatalf("the profile's kinds and formats were not used: %s", got)
	}
	text := func(name string) string {
		return strings.Join(strings.Fields(string(testtool.Run(t, "pdftotext", filepath.Join(out, name), "-"))), " ")
	}
	for name, wants := range map[string][]string{
		"thong-bao.pdf": {"UBND HUYỆN NA RÌ", "ỦY BAN NHÂN DÂN XÃ CÔN MINH", "Côn Minh, ngày", "/TB-UBND", "- Thường trực Đảng ủy xã (b/c);", "- Các thôn, bản;", "- Lưu: VT, VP.", "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH", "Hà Văn Tuấn"},
		"bien-ban.pdf":  {"ỦY BAN NHÂN DÂN XÃ CÔN MINH", "CHỦ TỌA", "THƯ KÝ", "Lương Thị Mai", "Nguyễn Thị An Công chức Văn phòng - Thống kê", "Trần Văn Bình"},
		"ke-hoach.pdf":  {"KẾ HOẠCH", "/KH-UBND", "- Lưu: VT, KH.", "KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Nông Văn Dũng"},
	} {
		got := text(name)
		for _, want := range wants {
			if !strings.Contains(got, want) {
				t.Errorf("%s lacks %q:\n%s", name, want, got)
			}
		}
	}
	// The attendance workbook is sorted by given name: An before Bình.
	csvDir := t.TempDir()
	testtool.Soffice(t, t.TempDir(), csvDir, "csv:Text - txt - csv (StarCalc):44,34,76,1", filepath.Join(out, "danh-sach-dai-bieu-2024-07-26.xlsx"))
	csv, err := os.ReadFile(filepath.Join(csvDir, "danh-sach-dai-bieu-2024-07-26.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if an, binh := strings.Index(string(csv), "Nguyễn Thị An"), strings.Index(string(csv), "Trần Văn Bình"); an < 0 || binh < 0 || an > binh {
		t.Errorf("the attendance list is not sorted by given name:\n%s", csv)
	}
	if fonts := string(testtool.Run(t, "pdffonts", filepath.Join(out, "thong-bao.pdf"))); !strings.Contains(fonts, "+LiberationSans-") || strings.Contains(fonts, "LiberationSerif") {
		t.Errorf("the profile's fonts were not used:\n%s", fonts)
	}
}
