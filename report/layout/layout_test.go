package layout_test

import (
	"cmp"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"

	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/internal/testtool"
	"github.com/hoinghi/hoinghi/report/content"
	"github.com/hoinghi/hoinghi/report/layout"
)

// render lays out docs and writes the first page of each, or every page
// when there is one document, as one PDF of the test's; qpdf checks it.
func render(t *testing.T, docs ...*content.Document) string {
	t.Helper()
	r := &layout.Result{}
	for _, d := range docs {
		pages := layout.Layout(d, fonts.Default()).Pages
		if len(docs) > 1 {
			pages = pages[:1]
		}
		r.Pages = append(r.Pages, pages...)
	}
	return testtool.WritePDF(t, r)
}

// document is a Mẫu 1.4 document with the smallest frame around what a
// test sets.
func document(parent, agency, date, abstract string, body ...content.Block) *content.Document {
	if len(body) == 0 {
		body = []content.Block{&content.Paragraph{Runs: []content.Run{{Text: "Nội dung./."}}, Indent: content.BodyIndent}}
	}
	return &content.Document{
		Form: content.Named, Parent: parent, Agency: agency, Number: "Số: 05/TB-CTĐ", DateLine: date,
		TypeName: "THÔNG BÁO", Abstract: abstract, Body: body,
		Signers: []content.Signer{{Titles: []string{"CỤM TRƯỞNG"}, Name: "Phạm Duy Hưng"}},
	}
}

const mm = 25.4 / 72 // one point in millimetres

// word is a word as poppler reads it, in millimetres from the page's
// top-left corner.
type word struct {
	Text             string
	XMin, XMax, YMin float64
}

// pages reads the words of every page with pdftotext -bbox, each page's
// in lines top to bottom, each line's left to right. Words whose tops
// lie within a millimetre share a line.
func pages(t *testing.T, path string) [][][]word {
	t.Helper()
	var doc struct {
		Pages []struct {
			Words []struct {
				XMin float64 `xml:"xMin,attr"`
				XMax float64 `xml:"xMax,attr"`
				YMin float64 `xml:"yMin,attr"`
				Text string  `xml:",chardata"`
			} `xml:"word"`
		} `xml:"body>doc>page"`
	}
	if err := xml.Unmarshal(testtool.Run(t, "pdftotext", "-bbox", path, "-"), &doc); err != nil {
		t.Fatal(err)
	}
	var out [][][]word
	for _, p := range doc.Pages {
		var ws []word
		for _, w := range p.Words {
			ws = append(ws, word{w.Text, w.XMin * mm, w.XMax * mm, w.YMin * mm})
		}
		out = append(out, lines(ws))
	}
	return out
}

func lines(ws []word) [][]word {
	slices.SortStableFunc(ws, func(a, b word) int { return cmp.Compare(a.YMin, b.YMin) })
	var out [][]word
	for i, w := range ws {
		if i == 0 || w.YMin-out[len(out)-1][0].YMin > 1 {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], w)
	}
	for _, l := range out {
		slices.SortFunc(l, func(a, b word) int { return cmp.Compare(a.XMin, b.XMin) })
	}
	return out
}

// column keeps the words of lines that lie left (or right) of x.
func column(lines [][]word, x float64, left bool) [][]word {
	var out [][]word
	for _, l := range lines {
		var kept []word
		for _, w := range l {
			if (w.XMin < x) == left {
				kept = append(kept, w)
			}
		}
		if len(kept) > 0 {
			out = append(out, kept)
		}
	}
	return out
}

func text(line []word) string {
	s := make([]string, len(line))
	for i, w := range line {
		s[i] = w.Text
	}
	return strings.Join(s, " ")
}

func texts(lines [][]word) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = text(l)
	}
	return out
}

func isDash(s string) bool { return s == "-" || s == "–" }

func endsInDigit(s string) bool {
	r := []rune(s)
	return unicode.IsDigit(r[len(r)-1])
}

// dashBreaks lists where lines break at a dash: a line that starts with a
// standalone dash, a range of numbers ("2024 - 2025") split across lines,
// and, when strict, a line that ends with a dash.
func dashBreaks(lines [][]word, strict bool) []string {
	var bad []string
	for i, l := range lines {
		if isDash(l[0].Text) {
			bad = append(bad, fmt.Sprintf("a line starts with a dash: %q", text(l)))
		}
		if i+1 == len(lines) || !isDash(l[len(l)-1].Text) {
			continue
		}
		next := lines[i+1][0].Text
		digits := len(l) > 1 && endsInDigit(l[len(l)-2].Text) && unicode.IsDigit([]rune(next)[0])
		if strict || digits {
			bad = append(bad, fmt.Sprintf("a break after a dash: %q / %q", text(l), text(lines[i+1])))
		}
	}
	return bad
}

// agencies are the names of real offices, with the parent agency above
// them: long, with dashes, with and without the administrative unit.
var agencies = []struct{ parent, name string }{
	{"UBND TỈNH BÀ RỊA - VŨNG TÀU", "BAN THI ĐUA - KHEN THƯỞNG"},
	{"", "BAN THI ĐUA - KHEN THƯỞNG TỈNH BÀ RỊA - VŨNG TÀU"},
	{"UBND TỈNH BÀ RỊA - VŨNG TÀU", "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"},
	{"ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG THÀNH PHỐ HỒ CHÍ MINH"},
	{"UBND HUYỆN ĐỨC TRỌNG", "TRƯỜNG TRUNG HỌC CƠ SỞ NGUYỄN BỈNH KHIÊM"},
	{"", "VĂN PHÒNG HĐND VÀ UBND HUYỆN ĐỨC TRỌNG"},
	{"UBND TỈNH BẮC KẠN", "CỤM THI ĐUA CÁC TỈNH TRUNG DU VÀ MIỀN NÚI PHÍA BẮC"},
	{"", "ĐẠI HỌC QUỐC GIA HÀ NỘI"},
	{"ĐẠI HỌC QUỐC GIA HÀ NỘI", "TRƯỜNG ĐẠI HỌC KHOA HỌC XÃ HỘI VÀ NHÂN VĂN"},
	{"UBND HUYỆN ĐỨC TRỌNG", "BAN CHỈ HUY QUÂN SỰ HUYỆN"},
	{"UBND TỈNH BÀ RỊA - VŨNG TÀU", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"},
	{"ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", "KHỐI THI ĐUA CÁC SỞ, BAN, NGÀNH VĂN HÓA - XÃ HỘI VÀ CÁC ĐƠN VỊ SỰ NGHIỆP TRỰC THUỘC ỦY BAN NHÂN DÂN TỈNH"},
	{"ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", "KHỐI THI ĐUA CÁC SỞ, NGÀNH KINH TẾ - KỸ THUẬT"},
	{"SỞ GIÁO DỤC VÀ ĐÀO TẠO PHÚ THỌ", "TRƯỜNG TRUNG HỌC PHỔ THÔNG CHUYÊN HÙNG VƯƠNG"},
	{"BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "VIỆN KHOA HỌC THỦY LỢI VIỆT NAM"},
	{"VIỆN KHOA HỌC THỦY LỢI VIỆT NAM", "VIỆN KHOA HỌC THỦY LỢI MIỀN NAM"},
	{"LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HẢI PHÒNG", "LIÊN ĐOÀN LAO ĐỘNG HUYỆN VĨNH BẢO"},
	{"ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH"},
}

// places are the place names in agencies, which no line break splits.
var places = []string{"BÀ RỊA - VŨNG TÀU", "HỒ CHÍ MINH", "ĐỨC TRỌNG", "BẮC KẠN", "HÀ NỘI", "HẢI PHÒNG", "VĨNH BẢO"}

// compounds are the words of several syllables in agencies that a clerk
// never breaks a header line inside: "BAN THI" / "ĐUA - KHEN THƯỞNG"
// reads as an examination board.
var compounds = []string{
	"THI ĐUA", "KHEN THƯỞNG", "ỦY BAN", "NHÂN DÂN", "HỘI ĐỒNG", "TRUNG HỌC", "CƠ SỞ", "VĂN PHÒNG",
	"TRUNG DU", "MIỀN NÚI", "PHÍA BẮC", "ĐẠI HỌC", "QUỐC GIA", "KHOA HỌC", "XÃ HỘI", "NHÂN VĂN",
	"CHỈ HUY", "QUÂN SỰ", "LAO ĐỘNG", "THƯƠNG BINH", "VĂN HÓA", "ĐƠN VỊ", "SỰ NGHIỆP", "TRỰC THUỘC",
	"KINH TẾ", "KỸ THUẬT", "GIÁO DỤC", "ĐÀO TẠO", "PHỔ THÔNG", "NÔNG NGHIỆP", "PHÁT TRIỂN", "NÔNG THÔN",
	"THỦY LỢI", "VIỆT NAM", "MIỀN NAM", "LIÊN ĐOÀN", "THÀNH PHỐ", "ĐẢNG ỦY", "CƠ QUAN", "THANH NIÊN",
	"CỘNG SẢN", "HỒ CHÍ MINH", "ỦY BAN NHÂN DÂN",
}

// breakCost is what a clerk weighs in breaking a name into lines: first
// the breaks inside a compound, then the lines of a single word.
type breakCost struct{ inside, alone int }

func (c breakCost) less(d breakCost) bool {
	return c.inside < d.inside || c.inside == d.inside && c.alone < d.alone
}

// insideCompound tells, for each word, whether a break before it falls
// inside one of compounds.
func insideCompound(words []string) []bool {
	inside := make([]bool, len(words))
	for _, c := range compounds {
		cw := strings.Fields(c)
		for i := 0; i+len(cw) <= len(words); i++ {
			if slices.Equal(words[i:i+len(cw)], cw) {
				for j := i + 1; j < i+len(cw); j++ {
					inside[j] = true
				}
			}
		}
	}
	return inside
}

// costOf costs a layout, given the words of each of its lines.
func costOf(lines [][]string, inside []bool) breakCost {
	var c breakCost
	at := 0
	for _, l := range lines {
		if at > 0 && inside[at] {
			c.inside++
		}
		if len(l) == 1 {
			c.alone++
		}
		at += len(l)
	}
	return c
}

// cheapest breaks words, of the given widths, into lines no wider than w
// (a single word, or words a dash holds together, may be wider), breaking
// as the header's rules allow: never before or after a standalone dash.
// It returns the fewest lines any layout takes, and the cheapest layout
// on n lines, nil when there is none.
func cheapest(words []string, widths []float64, space, w float64, n int) (fewest int, best [][]string) {
	breakable := func(i int) bool { return i == len(words) || !isDash(words[i]) && !isDash(words[i-1]) }
	inside := insideCompound(words)
	type state struct {
		ok   bool
		cost breakCost
		next int
	}
	// f[k][i] sets words[i:] on k lines; lines[i] is the fewest lines
	// words[i:] takes.
	f := make([][]state, n+1)
	for k := range f {
		f[k] = make([]state, len(words)+1)
	}
	f[0][len(words)].ok = true
	lines := make([]int, len(words)+1)
	for i := len(words) - 1; i >= 0; i-- {
		lines[i] = math.MaxInt
		width, whole := -space, true
		for j := i + 1; j <= len(words); j++ {
			width += space + widths[j-1]
			if width > w && !whole {
				break
			}
			if j < len(words) && !breakable(j) {
				continue
			}
			whole = false
			if lines[j] < math.MaxInt {
				lines[i] = min(lines[i], lines[j]+1)
			}
			var c breakCost
			if j < len(words) && inside[j] {
				c.inside++
			}
			if j == i+1 {
				c.alone++
			}
			for k := 1; k <= n; k++ {
				if r := f[k-1][j]; r.ok {
					c := breakCost{c.inside + r.cost.inside, c.alone + r.cost.alone}
					if !f[k][i].ok || c.less(f[k][i].cost) {
						f[k][i] = state{true, c, j}
					}
				}
			}
		}
	}
	if !f[n][0].ok {
		return lines[0], nil
	}
	for i, k := 0, n; k > 0; k-- {
		j := f[k][i].next
		best = append(best, words[i:j])
		i = j
	}
	return lines[0], best
}

// checkBreaks checks the lines of one part of an agency block, set in
// style at 13 pt in a column of width w: they are as few as the name
// allows, and on as many lines no layout breaks inside fewer compounds,
// nor, breaking inside as few, leaves fewer words alone.
func checkBreaks(t *testing.T, block [][]word, style fonts.Style, w float64) {
	t.Helper()
	var words []string
	var got [][]string
	for _, l := range block {
		got = append(got, strings.Fields(text(l)))
		words = append(words, got[len(got)-1]...)
	}
	m := fonts.Default()
	width := func(s string) float64 {
		v := 0.0
		for _, r := range s {
			v += m.Width(style, r)
		}
		return v * 13 / 1000 * mm
	}
	widths := make([]float64, len(words))
	for i, s := range words {
		widths[i] = width(s)
	}
	// Lines within 0.05 mm of the measure may not fit as the layout
	// measures them: leave them out of the layouts to compare with.
	fewest, best := cheapest(words, widths, width(" "), w-0.05, len(got))
	if len(got) > fewest {
		t.Errorf("%s takes %d lines, but it fits on %d", show(got), len(got), fewest)
	}
	if best == nil {
		return
	}
	inside := insideCompound(words)
	if c, b := costOf(got, inside), costOf(best, inside); b.less(c) {
		t.Errorf("%s breaks inside %d compounds and leaves %d words alone; %s, on as many lines, %d and %d",
			show(got), c.inside, c.alone, show(best), b.inside, b.alone)
	}
}

// show writes lines of words as a clerk would quote them: "BAN" / "THI
// ĐUA - KHEN THƯỞNG".
func show(lines [][]string) string {
	s := make([]string, len(lines))
	for i, l := range lines {
		s[i] = strconv.Quote(strings.Join(l, " "))
	}
	return strings.Join(s, " / ")
}

// header finds on a page the Quốc hiệu and the agency block: the lines
// left of the right column, above Số.
func header(t *testing.T, page [][]word) (qh []word, block [][]word) {
	t.Helper()
	for _, l := range column(page, layout.Left+65, false) {
		if strings.HasPrefix(text(l), "CỘNG HÒA") {
			qh = l
		}
	}
	if qh == nil {
		t.Fatalf("no Quốc hiệu on the page: %q", texts(page))
	}
	for _, l := range column(page, layout.Left+65, true) {
		if l[0].Text == "Số:" {
			break
		}
		block = append(block, l)
	}
	return qh, block
}

// TestAgencyBlock: whatever the agency's name, its block reads the parent
// and the name whole, no line of it starts or ends at a dash, no place
// name is split, and at least 4 mm of white part it from the Quốc hiệu.
// The parent and the name each take as few lines as they can, and break
// inside a compound, or leave a word alone on a line, only where every
// layout on as many lines does as badly.
func TestAgencyBlock(t *testing.T) {
	var docs []*content.Document
	for _, a := range agencies {
		docs = append(docs, document(a.parent, a.name, "Bắc Kạn, ngày 31 tháng 7 năm 2023", "Kết luận"))
	}
	for i, page := range pages(t, render(t, docs...)) {
		a := agencies[i]
		qh, block := header(t, page)
		got := texts(block)
		if want := strings.Join(strings.Fields(a.parent+" "+a.name), " "); strings.Join(got, " ") != want {
			t.Errorf("the agency block reads %q, want %q", got, want)
		}
		for _, p := range places {
			if n := strings.Count(a.parent+" "+a.name, p); strings.Count(strings.Join(got, "\n"), p) != n {
				t.Errorf("%s: a line break splits %q (%q)", a.name, p, got)
			}
		}
		for _, bad := range dashBreaks(block, true) {
			t.Errorf("%s: %s (%q)", a.name, bad, got)
		}
		right := 0.0
		for _, l := range block {
			right = max(right, l[len(l)-1].XMax)
		}
		// The writer rounds positions to 0.01 pt, and lines may be as
		// much wider than their measure.
		if gap := qh[0].XMin - right; gap < 4-0.01 {
			t.Errorf("%s: the agency block ends %.2f mm before the Quốc hiệu, want at least 4 (%q)", a.name, gap, got)
		}
		// The measure: the column less a millimetre on each side, and
		// no wider than keeps 4 mm from the Quốc hiệu, centred.
		leftCX := layout.Left + 65.0/2
		w := min(65-2, 2*(qh[0].XMin-4-leftCX))
		parent := 0 // the lines of the parent agency
		for read := ""; read != strings.Join(strings.Fields(a.parent), " ") && parent < len(block); parent++ {
			read = strings.TrimSpace(read + " " + text(block[parent]))
		}
		if parent > 0 {
			checkBreaks(t, block[:parent], fonts.Regular, w)
		}
		checkBreaks(t, block[parent:], fonts.Bold, w)
	}
}

// TestClerkBreaks: a name breaks as a clerk breaks it, between its
// words of several syllables whatever the placement of their tone marks
// ("HOÁ" or "HÓA"), with a plural marker on the line of its noun, and
// before the administrative unit; so does an abstract, which also breaks
// after a comma rather than on lines only a little more even.
func TestClerkBreaks(t *testing.T) {
	names := []struct {
		name string
		want []string
	}{
		{"KHỐI THI ĐUA CÁC SỞ, NGÀNH KINH TẾ - KỸ THUẬT", []string{"KHỐI THI ĐUA", "CÁC SỞ, NGÀNH", "KINH TẾ - KỸ THUẬT"}},
		{"BAN THI ĐUA - KHEN THƯỞNG", []string{"BAN", "THI ĐUA - KHEN THƯỞNG"}},
		{"CỤM THI ĐUA CÁC TỈNH TRUNG DU VÀ MIỀN NÚI PHÍA BẮC", []string{"CỤM THI ĐUA", "CÁC TỈNH TRUNG DU", "VÀ MIỀN NÚI PHÍA BẮC"}},
		{"TRUNG TÂM VĂN HOÁ - THỂ THAO HUYỆN ĐỨC TRỌNG", []string{"TRUNG TÂM", "VĂN HOÁ - THỂ THAO", "HUYỆN ĐỨC TRỌNG"}},
		{"SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", []string{"SỞ VĂN HÓA,", "THỂ THAO VÀ DU LỊCH"}},
		{"ỦY BAN NHÂN DÂN XÃ TÂN AN", []string{"ỦY BAN NHÂN DÂN", "XÃ TÂN AN"}},
	}
	abstracts := []struct {
		abstract string
		want     []string
	}{
		{"Kế hoạch tổ chức các hoạt động văn hóa, thể thao chào mừng năm học 2024 - 2025 của Ban Thi đua - Khen thưởng",
			[]string{"Kế hoạch tổ chức các hoạt động văn hóa, thể thao chào mừng", "năm học 2024 - 2025 của Ban Thi đua - Khen thưởng"}},
		{"Về việc tổ chức các hoạt động văn hóa, thể thao năm học 2024 - 2025",
			[]string{"Về việc tổ chức các hoạt động văn hóa,", "thể thao năm học 2024 - 2025"}},
		{"Kết quả kiểm tra, chấm điểm, xếp hạng thi đua năm học 2024 - 2025",
			[]string{"Kết quả kiểm tra, chấm điểm,", "xếp hạng thi đua năm học 2024 - 2025"}},
	}
	var docs []*content.Document
	for _, n := range names {
		docs = append(docs, document("", n.name, "Bắc Kạn, ngày 31 tháng 7 năm 2023", "Kết luận"))
	}
	for _, a := range abstracts {
		docs = append(docs, document("", "UBND TỈNH BẮC KẠN", "Bắc Kạn, ngày 31 tháng 7 năm 2023", a.abstract))
	}
	for i, page := range pages(t, render(t, docs...)) {
		if i < len(names) {
			_, block := header(t, page)
			if got := texts(block); !slices.Equal(got, names[i].want) {
				t.Errorf("%q is set as %q, want %q", names[i].name, got, names[i].want)
			}
			continue
		}
		a := abstracts[i-len(names)]
		start := slices.IndexFunc(page, func(l []word) bool { return text(l) == "THÔNG BÁO" })
		end := slices.IndexFunc(page, func(l []word) bool { return strings.HasPrefix(text(l), "Nội dung") })
		if start < 0 || end < start {
			t.Fatalf("no type name and body on the page: %q", texts(page))
		}
		if got := texts(page[start+1 : end]); !slices.Equal(got, a.want) {
			t.Errorf("%q is set as %q, want %q", a.abstract, got, a.want)
		}
	}
}

// TestDateLine: the date line wraps only between the place and "ngày",
// and only when it must; a line of dots for the clerk never wraps.
func TestDateLine(t *testing.T) {
	cases := []struct {
		line string
		want []string
	}{
		{"Thành phố Hồ Chí Minh, ngày 28 tháng 12 năm 2023", []string{"Thành phố Hồ Chí Minh,", "ngày 28 tháng 12 năm 2023"}},
		{"Bà Rịa - Vũng Tàu, ngày 19 tháng 12 năm 2024", []string{"Bà Rịa - Vũng Tàu, ngày 19 tháng 12 năm 2024"}},
		{"……, ngày …… tháng …… năm ……", []string{"……, ngày …… tháng …… năm ……"}},
		{"……, ngày 28 tháng 12 năm 2023", []string{"……, ngày 28 tháng 12 năm 2023"}},
	}
	var docs []*content.Document
	for _, c := range cases {
		docs = append(docs, document("UBND TỈNH BẮC KẠN", "CỤM THI ĐUA CÁC TỈNH TRUNG DU VÀ MIỀN NÚI PHÍA BẮC", c.line, "Kết luận"))
	}
	for i, page := range pages(t, render(t, docs...)) {
		var got []string
		for _, l := range column(page, layout.Left+65, false) {
			if s := text(l); strings.HasPrefix(s, "THÔNG BÁO") {
				break
			} else if !strings.HasPrefix(s, "CỘNG HÒA") && !strings.HasPrefix(s, "Độc lập") {
				got = append(got, s)
			}
		}
		if !slices.Equal(got, cases[i].want) {
			t.Errorf("%q is set as %q, want %q", cases[i].line, got, cases[i].want)
		}
	}
}

// filler is ordinary body text to shift a range along the line.
var filler = strings.Fields("Công tác thi đua, khen thưởng của các tỉnh trong Cụm thi đua tiếp tục được quan tâm chỉ đạo, triển khai thực hiện đồng bộ, có hiệu quả trên các lĩnh vực của đời sống kinh tế, xã hội")

// TestRangesStayWhole: a range of years never breaks at its dash, and no
// line starts with a dash, wherever on the line they fall: in the body
// (bold or not, justified or not) and in the abstract.
func TestRangesStayWhole(t *testing.T) {
	var body []content.Block
	for i := range 2 * len(filler) {
		prefix := strings.Join(filler[:i%len(filler)], " ")
		align := content.Justify
		if i >= len(filler) {
			align = content.Left
		}
		body = append(body, &content.Paragraph{Indent: content.BodyIndent, Align: align, Runs: []content.Run{
			{Text: prefix + " trong năm học 2024 - 2025 và giai đoạn 2021 – 2025, Ban Thi đua - Khen thưởng "},
			{Text: "năm học 2025 - 2026", Bold: i%2 == 0},
			{Text: " và " + prefix + " các năm 2026 – 2030 - 2035./."},
		}})
	}
	path := render(t, document("UBND TỈNH BẮC KẠN", "BAN THI ĐUA - KHEN THƯỞNG", "Bắc Kạn, ngày 31 tháng 7 năm 2023", "Kết luận", body...))
	for p, page := range pages(t, path) {
		for _, bad := range dashBreaks(page, false) {
			t.Errorf("body, page %d: %s", p+1, bad)
		}
	}

	var docs []*content.Document
	for i := range len(filler) {
		docs = append(docs, document("", "UBND TỈNH BẮC KẠN", "Bắc Kạn, ngày 31 tháng 7 năm 2023",
			"Kế hoạch "+strings.Join(filler[:i], " ")+" năm học 2024 - 2025 của Ban Thi đua - Khen thưởng"))
	}
	for i, page := range pages(t, render(t, docs...)) {
		// The abstract: the lines between the type name and the body.
		start := slices.IndexFunc(page, func(l []word) bool { return text(l) == "THÔNG BÁO" })
		end := slices.IndexFunc(page, func(l []word) bool { return strings.HasPrefix(text(l), "Nội dung") })
		if start < 0 || end < start {
			t.Fatalf("abstract %d: no type name and body on its page: %q", i, texts(page))
		}
		for _, bad := range dashBreaks(page[start+1:end], false) {
			t.Errorf("abstract %d: %s", i, bad)
		}
	}
}

// TestCopyableText: text copies out with a space at every word boundary,
// also where a line changes style, justified or not: both as poppler
// reads it, and as the characters the content streams draw, which is
// what copies out of a reader that does not guess spaces from gaps.
func TestCopyableText(t *testing.T) {
	runs := []content.Run{
		{Text: "Năm 2023, công tác thi đua, khen thưởng "},
		{Text: "của các tỉnh", Bold: true},
		{Text: " trong Cụm "},
		{Text: "thi đua tiếp tục", Italic: true},
		{Text: " được quan tâm chỉ đạo, triển khai thực hiện đồng bộ, có hiệu quả trên các lĩnh vực; đ"},
		{Text: "ư", Bold: true},
		{Text: "ợc các đơn vị "},
		{Text: "hưởng ứng tích cực", Bold: true, Italic: true},
		{Text: " và đạt nhiều kết quả quan trọng, góp phần hoàn thành nhiệm vụ chính trị của địa phương."},
	}
	var body []content.Block
	for _, a := range []content.Align{content.Justify, content.Left, content.Center} {
		body = append(body, &content.Paragraph{Runs: runs, Indent: content.BodyIndent, Align: a})
	}
	doc := document("UBND TỈNH BẮC KẠN", "CỤM THI ĐUA CÁC TỈNH TRUNG DU VÀ MIỀN NÚI PHÍA BẮC", "Bắc Kạn, ngày 31 tháng 7 năm 2023", "Kết luận", body...)
	doc.To = []string{"Ban Thi đua - Khen thưởng Trung ương", "UBND tỉnh Bắc Kạn"}
	path := render(t, doc)

	var para strings.Builder
	for _, r := range runs {
		para.WriteString(r.Text)
	}
	drawn := strings.Join(drawnLines(t, path), " ")
	var read []string
	for _, page := range pages(t, path) {
		read = append(read, texts(page)...)
	}
	poppler := strings.Join(read, " ")
	for want, n := range map[string]int{para.String(): len(body), "Kính gửi: - Ban Thi đua - Khen thưởng Trung ương;": 1} {
		if got := strings.Count(drawn, want); got != n {
			t.Errorf("the content streams draw %q %d times, want %d, in:\n%s", want, got, n, drawn)
		}
		if got := strings.Count(poppler, want); got != n {
			t.Errorf("poppler reads %q %d times, want %d, in:\n%s", want, got, n, poppler)
		}
	}
}

// drawnLines reads the text the content streams of path draw, through
// qpdf and each font's ToUnicode map: page by page, the strings of the
// text objects that share a baseline, joined in the order they are drawn
// with nothing between them, a line per baseline.
func drawnLines(t *testing.T, path string) []string {
	t.Helper()
	type object struct {
		Value  map[string]any `json:"value"`
		Stream struct {
			Data string `json:"data"`
		} `json:"stream"`
	}
	var doc struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	objs := map[string]object{}
	if err := json.Unmarshal(testtool.Run(t, "qpdf", "--json", "--json-stream-data=inline", "--decode-level=generalized", path), &doc); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(doc.QPDF[1], &objs); err != nil {
		t.Fatal(err)
	}
	obj := func(ref any) object { return objs["obj:"+ref.(string)] }
	data := func(ref any) []byte {
		b, err := base64.StdEncoding.DecodeString(obj(ref).Stream.Data)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	pair := regexp.MustCompile(`<([0-9A-F]{4})> <([0-9A-F]+)>`)
	root := obj(objs["trailer"].Value["/Root"])
	var out []string
	for _, ref := range obj(root.Value["/Pages"]).Value["/Kids"].([]any) {
		page := obj(ref)
		fonts := map[string]map[uint16]string{}
		for name, ref := range obj(page.Value["/Resources"]).Value["/Font"].(map[string]any) {
			m := map[uint16]string{}
			for _, p := range pair.FindAllStringSubmatch(string(data(obj(ref).Value["/ToUnicode"])), -1) {
				g, _ := strconv.ParseUint(p[1], 16, 16)
				var u []uint16
				for i := 0; i+4 <= len(p[2]); i += 4 {
					v, _ := strconv.ParseUint(p[2][i:i+4], 16, 16)
					u = append(u, uint16(v))
				}
				m[uint16(g)] = string(utf16.Decode(u))
			}
			fonts[strings.TrimPrefix(name, "/")] = m
		}
		out = append(out, contentLines(data(page.Value["/Contents"]), fonts)...)
	}
	return out
}

// escapes are the escaped characters of a PDF literal string besides
// "\\", "\(" and "\)", which stand for themselves.
var escapes = map[byte]byte{'n': '\n', 'r': '\r', 't': '\t', 'b': '\b', 'f': '\f'}

// contentLines goes through a content stream as far as its text goes: Tf
// selects a font, Td a baseline, Tj and TJ show literal strings of
// two-byte glyph numbers, which fonts maps back to text.
func contentLines(b []byte, fonts map[string]map[uint16]string) []string {
	var (
		lines   []string
		current strings.Builder
		font    string
		y       = math.NaN()
		// the operands since the last operator
		strs  [][]byte
		nums  []float64
		names []string
	)
	for i := 0; i < len(b); {
		switch c := b[i]; {
		case strings.IndexByte(" \n\r\t[]", c) >= 0:
			i++
		case c == '(':
			var s []byte
			depth := 0
			for i++; depth > 0 || b[i] != ')'; i++ {
				switch b[i] {
				case '\\':
					i++
					if e, ok := escapes[b[i]]; ok {
						s = append(s, e)
						continue
					}
				case '(':
					depth++
				case ')':
					depth--
				}
				s = append(s, b[i])
			}
			i++ // the closing parenthesis
			strs = append(strs, s)
		default:
			j := i + 1
			for j < len(b) && strings.IndexByte(" \n\r\t[]()/", b[j]) < 0 {
				j++
			}
			tok := string(b[i:j])
			i = j
			if v, err := strconv.ParseFloat(tok, 64); err == nil {
				nums = append(nums, v)
				continue
			}
			if tok[0] == '/' {
				names = append(names, tok[1:])
				continue
			}
			switch tok {
			case "Tf":
				font = names[len(names)-1]
			case "Td":
				if ny := nums[len(nums)-1]; math.IsNaN(y) || math.Abs(ny-y) > 0.01 {
					if current.Len() > 0 {
						lines = append(lines, current.String())
						current.Reset()
					}
					y = ny
				}
			case "Tj", "TJ":
				for _, s := range strs {
					for k := 0; k+1 < len(s); k += 2 {
						current.WriteString(fonts[font][uint16(s[k])<<8|uint16(s[k+1])])
					}
				}
			}
			strs, nums, names = nil, nil, nil
		}
	}
	if current.Len() > 0 {
		lines = append(lines, current.String())
	}
	return lines
}

// TestOutlineAndPageNumbers: layout hands the exporter a valid outline —
// the shallowest heading at level 0, no level more than one below the one
// before — and page numbers as the first item of every page after the
// first, centred on the text block in the top margin.
func TestOutlineAndPageNumbers(t *testing.T) {
	para := func(s string) content.Block {
		return &content.Paragraph{Runs: []content.Run{{Text: s}}, Indent: content.BodyIndent}
	}
	long := strings.Repeat("Nội dung kết luận của hội nghị được trình bày ở đây. ", 40)
	body := []content.Block{
		&content.Heading{Level: 2, Label: "1.", Runs: []content.Run{{Text: "Một"}}}, para(long),
		&content.Heading{Level: 3, Label: "a)", Runs: []content.Run{{Text: "Điểm"}}}, para(long),
		&content.Heading{Level: 2, Label: "2.", Runs: []content.Run{{Text: "Hai"}}}, para(long + long),
	}
	r := layout.Layout(document("", "SỞ NỘI VỤ", "Bắc Kạn, ngày 31 tháng 7 năm 2023", "Kết luận", body...), fonts.Default())
	var levels []int
	for _, m := range r.Outline {
		levels = append(levels, m.Level)
	}
	if fmt.Sprint(levels) != "[0 1 0]" {
		t.Errorf("outline levels %v, want [0 1 0]", levels)
	}
	if len(r.Pages) < 3 {
		t.Fatalf("%d pages, want at least 3", len(r.Pages))
	}
	if n, ok := r.Pages[0].Items[0].(*layout.Text); ok && n.Text == "1" {
		t.Error("page 1 is numbered")
	}
	for i, p := range r.Pages[1:] {
		n, ok := p.Items[0].(*layout.Text)
		if !ok || n.Text != strconv.Itoa(i+2) || n.Size != 14 {
			t.Fatalf("page %d does not start with its number: %+v", i+2, p.Items[0])
		}
		w := 0.0
		for _, c := range n.Text {
			w += fonts.Default().Width(fonts.Regular, c)
		}
		if mid := n.X + w*14/1000*mm/2; math.Abs(mid-(layout.Left+layout.TextW/2)) > 0.01 || n.Y > layout.Top {
			t.Errorf("page %d's number is centred on %.2f mm at %.2f mm, want %.2f in the top margin", i+2, mid, n.Y, layout.Left+layout.TextW/2)
		}
	}
}
