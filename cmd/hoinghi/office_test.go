package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool"
)

// TestOwnTemplates: an exported and edited template changes the output, a
// template with a syntax error fails with its file, line and column, and
// a new kind defined only by a template renders with its frame, name and
// code.
func TestOwnTemplates(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mau")
	if code, _, stderr := hoinghi(t, "templates", "export", dir); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	if code, _, _ := hoinghi(t, "templates", "export", dir); code == 0 {
		t.Error("export over existing templates succeeded")
	}
	tb := filepath.Join(dir, "thong-bao.md")
	data, _ := os.ReadFile(tb)
	edited := strings.Replace(string(data), "thông báo để {{.Audience}} biết, thực hiện", "thông báo để {{.Audience}} nghiêm túc triển khai", 1)
	if edited == string(data) {
		t.Fatal("the closing sentence of thong-bao.md was not found")
	}
	write(t, dir, "thong-bao.md", edited)
	write(t, dir, "ke-hoach.md", "---\nframe: \"1.4\"\nname: KẾ HOẠCH\ncode: KH\nabstract: Triển khai nhiệm vụ {{.Next}}\n---\n# Mục đích, yêu cầu\n\nTổ chức thực hiện các nhiệm vụ của {{.Meeting.Title}}.\n")
	out := t.TempDir()
	if code, _, stderr := hoinghi(t, "render", "--templates", dir, "--kind", "thong-bao,ke-hoach", "--format", "pdf", "-o", out, seed); code != 0 {
		t.Fatalf("render with own templates: exit %d: %s", code, stderr)
	}
	text := string(testtool.Run(t, "pdftotext", filepath.Join(out, "thong-bao-2023-07-31.pdf"), "-"))
	if !strings.Contains(strings.Join(strings.Fields(text), " "), "nghiêm túc triển khai./.") {
		t.Errorf("the edited sentence is not in the thông báo:\n%s", text)
	}
	kh := readBBox(t, filepath.Join(out, "ke-hoach.pdf"))[0]
	for _, want := range []string{"KẾ HOẠCH", "Triển khai nhiệm vụ 6 tháng cuối năm 2023", "Số: /KH-CTĐ", "Bắc Kạn, ngày …… tháng …… năm ……", "I. MỤC ĐÍCH, YÊU CẦU", "Nơi nhận:"} {
		if len(kh.find(want)) == 0 {
			t.Errorf("the kế hoạch lacks %q:\n%s", want, kh.Text())
		}
	}
	if code, stdout, _ := hoinghi(t, "templates", "list", "--templates", dir); code != 0 || !strings.Contains(stdout, "ke-hoach") || !strings.Contains(stdout, "KẾ HOẠCH") {
		t.Errorf("templates list does not show the new kind:\n%s", stdout)
	}
	if code, stdout, _ := hoinghi(t, "templates", "show", "bien-ban"); code != 0 || !strings.HasPrefix(stdout, "---\n") {
		t.Errorf("templates show: exit %d, %.40q", code, stdout)
	}

	write(t, dir, "bien-ban.md", "---\nframe: \"1.9\"\nname: BIÊN BẢN\ncode: BB\n---\nThời gian: {{.Start}\n")
	code, _, stderr := hoinghi(t, "--lang", "en", "render", "--templates", dir, "-o", out, seed)
	if code != 2 || !strings.Contains(stderr, filepath.Join(dir, "bien-ban.md")+":6:") {
		t.Errorf("a template syntax error: exit %d, %q; want 2 and file:line:column", code, stderr)
	}
}

// TestOfficeProfile: a profile in a parent folder completes the meeting;
// the meeting's own values win; --explain says where each came from.
func TestOfficeProfile(t *testing.T) {
	office := t.TempDir()
	write(t, office, "hoinghi.yaml", `issuer:
  parent: UBND HUYỆN NA RÌ
  name: ỦY BAN NHÂN DÂN XÃ CÔN MINH
  code: UBND
  place: Côn Minh
documents:
  thong-bao:
    signer: {titles: [TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH], name: Hà Văn Tuấn}
    archive: VT, VP
render:
  kinds: [thong-bao]
  formats: [pdf]
`)
	month := filepath.Join(office, "thang-7")
	os.Mkdir(month, 0o755)
	file := write(t, month, "giao-ban.yaml", "issuer:\n  place: Na Rì\nmeeting:\n  title: Hội nghị giao ban tháng 7\n")
	out := t.TempDir()
	if code, _, stderr := hoinghi(t, "render", "-o", out, file); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got := entries(t, out); strings.Join(got, " ") != "thong-bao.pdf" {
		t.Fatalf("the profile's kinds and formats were not used: %v", got)
	}
	p := readBBox(t, filepath.Join(out, "thong-bao.pdf"))
	first, last := p[0], p[len(p)-1]
	// The name breaks before the administrative unit, as headers do.
	if at := first.find("ỦY BAN NHÂN DÂN XÃ CÔN MINH"); len(at) == 0 || first.Words[at[0]+3].YMin != first.Words[at[0]].YMin || first.Words[at[0]+4].YMin <= first.Words[at[0]+3].YMin {
		t.Errorf("the agency's name does not break before XÃ:\n%s", first.Text())
	}
	for _, want := range []string{"UBND HUYỆN NA RÌ", "Số: /TB-UBND", "Na Rì, ngày"} {
		if len(first.find(want)) == 0 {
			t.Errorf("page 1 lacks %q", want)
		}
	}
	for _, want := range []string{"CHỦ TỊCH", "Hà Văn Tuấn", "- Lưu: VT, VP."} {
		if len(last.find(want)) == 0 {
			t.Errorf("the signature lacks %q", want)
		}
	}
	_, _, stderr := hoinghi(t, "--lang", "en", "validate", "--explain", file)
	for _, want := range []string{"issuer.place", file, "issuer.name", filepath.Join(office, "hoinghi.yaml") + ":3:",
		"meeting.type: giao-ban (inferred from the title)", "issuer.type: ubnd (inferred from the name of the issuing agency)"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("--explain lacks %q:\n%s", want, stderr)
		}
	}
}

// TestWorkbookInput: every sample converted to an input workbook and back
// renders byte-identical documents; a workbook renders like its YAML; a
// blank workbook's missing fields are reported at their cells, exit 2.
func TestWorkbookInput(t *testing.T) {
	samples, _ := filepath.Glob("../../samples/*.yaml")
	for _, s := range samples {
		dir := t.TempDir()
		xlsx, back := filepath.Join(dir, "hop.xlsx"), filepath.Join(dir, "hop.yaml")
		for _, args := range [][]string{{"convert", s, xlsx}, {"convert", xlsx, back}} {
			if code, _, stderr := hoinghi(t, args...); code != 0 {
				t.Fatalf("%v: exit %d: %s", args, code, stderr)
			}
		}
		outs := map[string]string{}
		for _, in := range []string{s, xlsx, back} {
			out := filepath.Join(dir, "out-"+filepath.Ext(in)[1:]+filepath.Base(filepath.Dir(in)))
			if in == back {
				out += "-back"
			}
			if code, _, stderr := hoinghi(t, "render", "--format", "pdf", "-o", out, in); code != 0 {
				t.Fatalf("render %s: exit %d: %s", in, code, stderr)
			}
			outs[in] = out
		}
		for _, name := range entries(t, outs[s]) {
			want, _ := os.ReadFile(filepath.Join(outs[s], name))
			for _, in := range []string{xlsx, back} {
				got, err := os.ReadFile(filepath.Join(outs[in], name))
				if err != nil || !bytes.Equal(got, want) {
					t.Errorf("%s: %s from %s differs from the original's", filepath.Base(s), name, filepath.Base(in))
				}
			}
		}
	}
	blank := filepath.Join(t.TempDir(), "trong.xlsx")
	if code, _, stderr := hoinghi(t, "init", "--xlsx", blank); code != 0 {
		t.Fatalf("init --xlsx: %s", stderr)
	}
	code, _, stderr := hoinghi(t, "validate", blank)
	if code != 2 || !strings.Contains(stderr, blank+": Thông tin!B4: issuer.name: thiếu tên cơ quan ban hành") {
		t.Errorf("a blank workbook: exit %d, %q", code, stderr)
	}
}
