package layout_test

import (
	"math"
	"testing"

	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/report/content"
	"github.com/hoinghi/hoinghi/report/layout"
)

// TestPlansAreWhatLayoutDraws: the plans an exporter takes (Header,
// Title) hold the lines and the rules' lengths that Layout draws on the
// first page, for the frame of Decree 30, a biên bản and the Party's.
func TestPlansAreWhatLayoutDraws(t *testing.T) {
	named := document("ỦY BAN NHÂN DÂN TỈNH BẮC KẠN", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH BẮC KẠN",
		"Bắc Kạn, ngày 31 tháng 7 năm 2023", "Kết luận của đồng chí Giám đốc Sở tại Hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2023")
	minutes := document("", "CỤM THI ĐUA CÁC TỈNH TRUNG DU VÀ MIỀN NÚI PHÍA BẮC", "", "Hội nghị sơ kết")
	minutes.Form, minutes.TypeName = content.Minutes, "BIÊN BẢN"
	party := document("ĐẢNG BỘ TỈNH CAO BẰNG", "HUYỆN ỦY BẢO LÂM", "Bảo Lâm, ngày 22 tháng 8 năm 2024", "Kết luận của Ban Thường vụ Huyện ủy")
	party.Party, party.Number = true, "Số 284-TB/HU"
	for name, doc := range map[string]*content.Document{"named": named, "minutes": minutes, "party": party} {
		m := fonts.Default()
		h, ti := layout.Header(doc, m), layout.Title(doc, m)
		var drawn []string
		var rules []float64
		for _, it := range layout.Layout(doc, m).Pages[0].Items {
			switch it := it.(type) {
			case *layout.Text:
				drawn = append(drawn, it.Text)
			case *layout.Rule:
				rules = append(rules, math.Hypot(it.X2-it.X1, it.Y2-it.Y1))
			}
		}
		var want []string
		if doc.Party {
			want = append(append(append(want, h.Nation), h.Parent...), h.Agency...)
		} else {
			want = append(append(append(want, h.Parent...), h.Agency...), h.Nation, h.Motto)
		}
		want = append(append(append(append(want, h.Number...), h.Date...), ti.Type...), ti.Abstract...)
		if !inOrder(drawn, want) {
			t.Errorf("%s: Layout draws %q, the plans say %q", name, drawn, want)
		}
		wantRules := []float64{h.Rule}
		if !doc.Party {
			wantRules = []float64{h.AgencyRule, h.Rule, ti.Rule}
		}
		if len(rules) < len(wantRules) {
			t.Fatalf("%s: Layout draws %d rules, the plans %d", name, len(rules), len(wantRules))
		}
		for i, w := range wantRules {
			if math.Abs(rules[i]-w) > 1e-9 {
				t.Errorf("%s: rule %d is %.3f mm long, the plan says %.3f", name, i, rules[i], w)
			}
		}
	}
}

// inOrder tells whether want is drawn, in its order, among drawn.
func inOrder(drawn, want []string) bool {
	i := 0
	for _, s := range drawn {
		if i < len(want) && s == want[i] {
			i++
		}
	}
	return i == len(want)
}
