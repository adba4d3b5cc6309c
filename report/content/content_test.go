package content

import (
	"context"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/report/meeting"
	"github.com/hoinghi/hoinghi/templates"
)

func runsText(runs []Run) string {
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

func TestMarkdownNumbering(t *testing.T) {
	blocks, err := markdown([]byte("# Kết quả\n\n## Một\n\n### x\n\n### y\n\n### z\n\n### w\n\n### v\n\n## Hai\n\n# Đánh giá\n\n## Ba\n\n- gạch\n  - cộng\n\nĐoạn *nghiêng* và **đậm**.\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range blocks {
		switch b := b.(type) {
		case *Heading:
			got = append(got, b.Label+" "+runsText(b.Runs))
		case *Paragraph:
			got = append(got, runsText(b.Runs))
		}
	}
	want := []string{"I. KẾT QUẢ", "1. Một", "a) x", "b) y", "c) z", "d) w", "đ) v", "2. Hai", "II. ĐÁNH GIÁ", "1. Ba", "- gạch", "+ cộng", "Đoạn nghiêng và đậm."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("blocks:\n got %q\nwant %q", got, want)
	}
	p := blocks[len(blocks)-1].(*Paragraph)
	if len(p.Runs) != 5 || !p.Runs[1].Italic || !p.Runs[3].Bold || p.Indent != BodyIndent || p.Align != Justify {
		t.Errorf("styled paragraph = %+v", p)
	}
}

func TestEndWithMark(t *testing.T) {
	for in, want := range map[string]string{
		"thực hiện.":   "thực hiện./.",
		"thực hiện":    "thực hiện./.",
		"thực hiện./.": "thực hiện./.",
		"thực hiện/.":  "thực hiện./.",
		"như sau:":     "như sau./.",
	} {
		body := []Block{&Paragraph{Runs: []Run{{Text: in}}}, &Table{}}
		endWithMark(body, false)
		if got := runsText(body[0].(*Paragraph).Runs); got != want {
			t.Errorf("endWithMark(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFrame(t *testing.T) {
	srcs, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]*Template{}
	for _, s := range srcs {
		if kinds[s.Kind], err = Compile(s); err != nil {
			t.Fatal(err)
		}
	}
	m := &meeting.Meeting{
		Issuer: meeting.Issuer{Name: "Sở Nội vụ", Code: "SNV", Place: "Tuyên Quang"},
		Info:   meeting.Info{Title: "Hội nghị giao ban", Chairs: []meeting.Person{{Name: "Lê Văn A"}}},
	}
	for _, tc := range []struct {
		doc                    meeting.Document
		number, date, archive  string
		recipients0, signTitle string
	}{
		{meeting.Document{Kind: "thong-bao", Number: "5", Date: meeting.Date{Raw: "2024-02-03"}}, "Số: 05/TB-SNV", "Tuyên Quang, ngày 03 tháng 02 năm 2024", "- Lưu: VT, SNV.", "- Lưu: VT, SNV.", "……"},
		{meeting.Document{Kind: "bao-cao", Number: "112", To: []string{"UBND tỉnh"}, Recipients: []string{"- Sở Tài chính;"}, Archive: "Lưu: VT, VP."}, "Số: 112/BC-SNV", "Tuyên Quang, ngày …… tháng …… năm ……", "- Lưu: VT, VP.", "- Như trên;", "……"},
		{meeting.Document{Kind: "bien-ban"}, "Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BB-SNV", "", "- Lưu: VT, Hồ sơ.", "- Lưu: VT, Hồ sơ.", "THƯ KÝ"},
	} {
		d, err := kinds[tc.doc.Kind].Build(context.Background(), m, tc.doc, Paper)
		if err != nil {
			t.Fatal(err)
		}
		last := d.Recipients[len(d.Recipients)-1]
		if d.Number != tc.number || d.DateLine != tc.date || last != tc.archive || d.Recipients[0] != tc.recipients0 || d.Signers[0].Titles[0] != tc.signTitle {
			t.Errorf("%s: number %q date %q recipients %q signer %q", tc.doc.Kind, d.Number, d.DateLine, d.Recipients, d.Signers[0].Titles)
		}
		if d.Agency != "SỞ NỘI VỤ" {
			t.Errorf("%s: agency %q, want upper case", tc.doc.Kind, d.Agency)
		}
	}
}
