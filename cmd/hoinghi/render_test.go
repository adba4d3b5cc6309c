package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool"
	"github.com/hoinghi/hoinghi/report/meeting"
	"golang.org/x/text/unicode/norm"
)

// hoinghi runs the CLI in-process and returns its exit code and streams.
func hoinghi(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), append([]string{"hoinghi"}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

const seed = "../../samples/cum-thi-dua-2023.yaml"

var (
	renderOnce sync.Once
	renderDir  string
)

// renderSamples renders every sample once for all the tests that read the
// results.
func renderSamples(t *testing.T) string {
	t.Helper()
	renderOnce.Do(func() {
		dir, err := os.MkdirTemp("", "hoinghi-samples-")
		if err != nil {
			t.Fatal(err)
		}
		samples, _ := filepath.Glob("../../samples/*.yaml")
		for _, s := range samples {
			out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(s), ".yaml"))
			if err := os.Mkdir(out, 0o755); err != nil {
				t.Fatal(err)
			}
			if code, _, stderr := hoinghi(t, "render", "-o", out, s); code != 0 {
				t.Fatalf("render %s: exit %d\n%s", s, code, stderr)
			}
		}
		renderDir = dir
	})
	if renderDir == "" {
		t.Fatal("rendering the samples failed in an earlier test")
	}
	return renderDir
}

func pdfs(t *testing.T, dir string) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if len(files) == 0 {
		t.Fatalf("no PDF in %s", dir)
	}
	return files
}

var digits = regexp.MustCompile(`^\d+$`)

// metadata is the document information every PDF carries: the issuing
// agency as author, the meeting as subject, the type and abstract as
// title, hoinghi as creator.
var metadata = []*regexp.Regexp{
	regexp.MustCompile(`(?m)^Title:\s+(THÔNG BÁO|BÁO CÁO|BIÊN BẢN) \S`),
	regexp.MustCompile(`(?m)^Author:\s+(CỤM|KHỐI) THI ĐUA`),
	regexp.MustCompile(`(?m)^Subject:\s+Hội nghị `),
	regexp.MustCompile(`(?m)^Creator:\s+hoinghi `),
}

func TestSamplesRenderEveryKind(t *testing.T) {
	dir := renderSamples(t)
	for _, sample := range []string{"cum-thi-dua-2023", "lon"} {
		var kinds []string
		for _, f := range pdfs(t, filepath.Join(dir, sample)) {
			kinds = append(kinds, strings.SplitN(filepath.Base(f), "-", 3)[0])
		}
		if strings.Join(kinds, ",") != "bao,bien,thong" {
			t.Errorf("%s: rendered %v, want one PDF each of bao-cao, bien-ban, thong-bao", sample, kinds)
		}
		if _, err := os.Stat(filepath.Join(dir, sample, "danh-sach-dai-bieu-2023-07-28.xlsx")); sample == "cum-thi-dua-2023" && err != nil {
			t.Errorf("%s: no attendance workbook: %v", sample, err)
		}
	}
}

// TestPageSetupAndFonts checks §10 items 1–2: A4 portrait, fonts
// embedded, every word inside the Decree 30 margins.
func TestPageSetupAndFonts(t *testing.T) {
	dir := renderSamples(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.pdf"))
	for _, f := range files {
		info := string(testtool.Run(t, "pdfinfo", f))
		if !strings.Contains(info, "Page size:       595.28 x 841.89 pts (A4)") {
			t.Errorf("%s: not A4 portrait:\n%s", f, info)
		}
		for _, want := range metadata {
			if !want.MatchString(info) {
				t.Errorf("%s: pdfinfo lacks %s:\n%s", f, want, info)
			}
		}
		fonts := strings.Split(strings.TrimSpace(string(testtool.Run(t, "pdffonts", f))), "\n")[2:]
		if len(fonts) == 0 {
			t.Errorf("%s: no font", f)
		}
		for _, line := range fonts {
			fields := strings.Fields(line)
			if len(fields) < 7 || fields[len(fields)-5] != "yes" {
				t.Errorf("%s: font not embedded: %s", f, line)
			}
		}
		for i, p := range readBBox(t, f) {
			if math.Abs(p.W-210) > 0.5 || math.Abs(p.H-297) > 0.5 {
				t.Errorf("%s page %d: %.1f × %.1f mm, want A4", f, i+1, p.W, p.H)
			}
			for _, w := range p.Words {
				if w.YMax < 20 && digits.MatchString(w.Text) {
					continue
				}
				if w.XMin < 30-0.3 || w.XMax > 195+0.3 || w.YMin < 20-0.5 || w.YMax > 277+0.3 {
					t.Errorf("%s page %d: %q at x %.1f–%.1f, y %.1f–%.1f mm is outside the margins", f, i+1, w.Text, w.XMin, w.XMax, w.YMin, w.YMax)
				}
			}
		}
	}
}

// TestHeader checks §10 items 3–6 on the seed sample: the header lines,
// the number and the date on one baseline, the date's leading-zero rule.
func TestHeader(t *testing.T) {
	dir := filepath.Join(renderSamples(t), "cum-thi-dua-2023")
	for _, tc := range []struct {
		file, number, date, title string
	}{
		{"thong-bao-2023-07-31.pdf", "Số: /TB-CTĐ", "Bắc Kạn, ngày 31 tháng 7 năm 2023", "THÔNG BÁO"},
		{"bao-cao-12-2023-07-28.pdf", "Số: 12/BC-CTĐ", "Bắc Kạn, ngày 28 tháng 7 năm 2023", "BÁO CÁO"},
		{"bien-ban-03-2023-07-28.pdf", "Số: 03/BB-CTĐ", "", "BIÊN BẢN"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			p := readBBox(t, filepath.Join(dir, tc.file))[0]
			for _, s := range []string{"UBND TỈNH BẮC KẠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", tc.number, tc.title} {
				if len(p.find(s)) == 0 {
					t.Errorf("page 1 lacks %q", s)
				}
			}
			qh := p.Words[p.find("CỘNG HÒA")[0]]
			if qh.XMin < 95 {
				t.Errorf("Quốc hiệu starts at x %.1f mm, inside the agency column", qh.XMin)
			}
			so := p.Words[p.find(tc.number)[0]]
			title := p.Words[p.find(tc.title)[0]]
			if c := (title.XMin + p.Words[p.find(tc.title)[0]+len(strings.Fields(tc.title))-1].XMax) / 2; math.Abs(c-112.5) > 1 {
				t.Errorf("%s is centred at %.1f mm, want 112.5", tc.title, c)
			}
			if tc.date == "" {
				// Mẫu 1.9 has no date line: nothing between the number
				// and the title says "ngày".
				for _, w := range p.Words {
					if w.YMin < title.YMin && w.Text == "ngày" {
						t.Errorf("the minutes' header has a date (%q at y %.1f)", w.Text, w.YMin)
					}
				}
				return
			}
			at := p.find(tc.date)
			if len(at) == 0 {
				t.Fatalf("page 1 lacks the date line %q", tc.date)
			}
			date := p.Words[at[0]]
			// Same baseline: 13 pt and 14 pt boxes differ by less than
			// 0.3 mm at the bottom.
			if math.Abs(date.YMax-so.YMax) > 0.4 {
				t.Errorf("Số (y %.2f) and the date (y %.2f) are not on one baseline", so.YMax, date.YMax)
			}
			if so.XMax > 95 || date.XMin < 95 {
				t.Errorf("Số ends at %.1f and the date starts at %.1f: not in the two columns", so.XMax, date.XMin)
			}
		})
	}
}

// TestBodyAndSignature checks §10 items 7–11: the end mark, Nơi nhận and
// the signature stack kept together, the minutes' two signatures, page
// numbers from page 2 only, times in words.
func TestBodyAndSignature(t *testing.T) {
	dir := filepath.Join(renderSamples(t), "cum-thi-dua-2023")
	for _, f := range pdfs(t, dir) {
		pages := readBBox(t, f)
		sig := -1
		for i, p := range pages {
			if len(p.find("Nơi nhận:")) > 0 {
				sig = i
			}
		}
		if sig < 0 {
			t.Errorf("%s: no Nơi nhận", f)
			continue
		}
		p := pages[sig]
		if len(p.find("Phạm Duy Hưng")) == 0 {
			t.Errorf("%s: the signer's name is not on the page of Nơi nhận (page %d)", f, sig+1)
		}
		if len(p.find("- Lưu:")) == 0 {
			t.Errorf("%s: Nơi nhận has no Lưu line", f)
		}
		mark := false
		for _, p := range pages[:sig+1] {
			for _, w := range p.Words {
				mark = mark || strings.HasSuffix(w.Text, "./.")
			}
		}
		if !mark {
			t.Errorf("%s: no paragraph ends with ./.", f)
		}
		if strings.Contains(filepath.Base(f), "bien-ban") {
			tk, ct := p.find("THƯ KÝ"), p.find("CHỦ TỌA")
			if len(tk) == 0 || len(ct) == 0 {
				t.Fatalf("%s: the minutes lack THƯ KÝ or CHỦ TỌA", f)
			}
			a, b := p.Words[tk[0]], p.Words[ct[0]]
			if math.Abs(a.YMin-b.YMin) > 0.3 || a.XMax > b.XMin {
				t.Errorf("%s: THƯ KÝ (%.1f, %.1f) and CHỦ TỌA (%.1f, %.1f) are not side by side", f, a.XMin, a.YMin, b.XMin, b.YMin)
			}
			text := ""
			for _, p := range pages {
				text += p.Text() + " "
			}
			if !strings.Contains(text, "Thời gian bắt đầu: 08 giờ 00 phút, ngày 28 tháng 7 năm 2023") {
				t.Errorf("%s: the start time is not written in words", f)
			}
			if strings.Contains(text, "08:00") {
				t.Errorf("%s: a time is written as 08:00", f)
			}
		}
		// Pages are numbered from 2; an annex is numbered on its own, so
		// its first page has no number either.
		n := 0
		for i, p := range pages {
			n++
			if len(p.find("DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ")) > 0 {
				n = 1
			}
			var top []string
			for _, w := range p.Words {
				if w.YMax < 20 {
					top = append(top, w.Text)
				}
			}
			want := []string{strconv.Itoa(n)}
			if n == 1 {
				want = nil
			}
			if strings.Join(top, " ") != strings.Join(want, " ") {
				t.Errorf("%s: page %d has %v in the top margin, want %v", f, i+1, top, want)
			}
		}
	}
}

// TestAnnexTable checks the attendance annex: its header row on every
// page, numbered from 1 again, no row split across pages.
func TestAnnexTable(t *testing.T) {
	m, err := meeting.Load("../../samples/lon.yaml", meeting.Options{})
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(renderSamples(t), "lon", "bao-cao-*.pdf"))
	if len(files) != 1 {
		t.Fatalf("want one báo cáo of the large sample, got %v", files)
	}
	pages := readBBox(t, files[0])
	start := -1
	for i, p := range pages {
		if len(p.find("DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ")) > 0 {
			start = i
		}
	}
	if start < 0 {
		t.Fatal("the báo cáo has no annex")
	}
	annex := pages[start:]
	if len(annex) < 3 {
		t.Fatalf("the annex of %d attendees takes %d pages, want several", len(m.Info.Attendees), len(annex))
	}
	for i, p := range annex {
		if !p.row(0, "STT", "Họ", "và", "tên", "Chức", "vụ", "Ghi", "chú") {
			t.Errorf("annex page %d lacks the header row", i+1)
		}
		if i > 0 && len(p.find(strconv.Itoa(i+1))) == 0 {
			t.Errorf("annex page %d is not numbered %d", i+1, i+1)
		}
	}
	// Every attendee's row is whole on one page: the number in the STT
	// column, and every word of the name and position beside or below it
	// within the row.
	n := 0
	for _, g := range m.Info.Groups() {
		for _, a := range g.Attendees {
			n++
			words := append([]string{strconv.Itoa(n)}, strings.Fields(a.Name+" "+a.Position)...)
			found := false
			for _, p := range annex {
				found = found || p.row(45, words...)
			}
			if !found {
				t.Errorf("attendee %d %q is not whole in one row of one annex page", n, a.Name)
			}
		}
	}
}

// row reports whether p has words[0] in the table's first column and every
// other word at most depth mm below its top, as the cells of one row.
func (p page) row(depth float64, words ...string) bool {
	for _, first := range p.Words {
		if first.Text != words[0] || first.XMin > 45 {
			continue
		}
		all := true
		for _, w := range words[1:] {
			ok := false
			for _, x := range p.Words {
				ok = ok || x.Text == w && x.YMin > first.YMin-1 && x.YMin < first.YMin+max(depth, 1)
			}
			all = all && ok
		}
		if all {
			return true
		}
	}
	return false
}

// plain strips the Markdown a clerk may write in prose, for comparing
// with the text read back from the PDF.
func plain(s string) string {
	s = strings.NewReplacer("**", "", "*", "").Replace(s)
	return strings.Join(strings.Fields(norm.NFC.String(s)), " ")
}

// TestEverythingAppears: every name, title, result and task of the seed
// meeting appears in its documents, in NFC.
func TestEverythingAppears(t *testing.T) {
	m, err := meeting.Load(seed, meeting.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	var words = map[string]bool{}
	for _, f := range pdfs(t, filepath.Join(renderSamples(t), "cum-thi-dua-2023")) {
		for _, p := range readBBox(t, f) {
			for _, w := range p.Words {
				if w.YMax < 20 {
					continue // the page number
				}
				text.WriteString(w.Text + " ")
				words[w.Text] = true
			}
		}
	}
	all := text.String()
	if !norm.NFC.IsNormalString(all) {
		t.Error("the PDF text is not NFC")
	}
	prose := []string{m.Info.Title}
	for _, c := range m.Info.Chairs {
		prose = append(prose, c.Name, c.Position)
	}
	prose = append(prose, m.Results.Summary...)
	prose = append(prose, m.Results.Strengths...)
	prose = append(prose, m.Results.Limitations...)
	prose = append(prose, m.Conclusions...)
	for _, tk := range m.Tasks {
		prose = append(prose, strings.TrimRight(tk.Content, "."), tk.Lead)
	}
	for _, s := range m.Discussion {
		prose = append(prose, s.Speaker, s.Content)
	}
	for _, s := range prose {
		if s = plain(s); s != "" && !strings.Contains(all, s) {
			t.Errorf("missing from the PDFs: %q", s)
		}
	}
	// Table cells and attendees are set in columns, where a long cell
	// wraps: each of their words must appear.
	var cells []string
	for _, r := range m.Results.Table.Rows {
		for _, c := range r {
			cells = append(cells, c.Raw)
		}
	}
	for _, a := range m.Info.Attendees {
		cells = append(cells, a.Name, a.Position)
	}
	for _, c := range cells {
		for _, w := range strings.Fields(plain(c)) {
			if !words[w] {
				t.Errorf("word %q of %q missing from the PDFs", w, c)
			}
		}
	}
}

func TestByteIdentical(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if code, _, stderr := hoinghi(t, "render", "-o", dir, seed); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	}
	files, _ := filepath.Glob(filepath.Join(a, "*"))
	if len(files) != 4 {
		t.Fatalf("want 3 PDFs and a workbook, got %v", files)
	}
	for _, f := range files {
		x, _ := os.ReadFile(f)
		y, err := os.ReadFile(filepath.Join(b, filepath.Base(f)))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two renders of the same input", filepath.Base(f))
		}
	}
}

// TestSubsetFontsAndBookmarks reads the PDF's objects with qpdf: every
// embedded font is a subset (far smaller than the 370 KB faces), and the
// headings are bookmarks whose titles read as Vietnamese.
func TestSubsetFontsAndBookmarks(t *testing.T) {
	f := filepath.Join(renderSamples(t), "cum-thi-dua-2023", "bao-cao-12-2023-07-28.pdf")
	objects := string(testtool.Run(t, "qpdf", "--json", "--json-key=qpdf", f))
	sizes := regexp.MustCompile(`"/Length1": (\d+)`).FindAllStringSubmatch(objects, -1)
	if len(sizes) == 0 {
		t.Fatal("no embedded TrueType font found")
	}
	for _, m := range sizes {
		if n, _ := strconv.Atoi(m[1]); n > 100_000 {
			t.Errorf("an embedded font is %d bytes: not a subset", n)
		}
	}
	var doc struct {
		Outlines []outline `json:"outlines"`
	}
	if err := json.Unmarshal(testtool.Run(t, "qpdf", "--json", "--json-key=outlines", f), &doc); err != nil {
		t.Fatal(err)
	}
	var titles []string
	var walk func([]outline)
	walk = func(os []outline) {
		for _, o := range os {
			titles = append(titles, o.Title)
			walk(o.Kids)
		}
	}
	walk(doc.Outlines)
	all := strings.Join(titles, "\n")
	for _, want := range []string{"I. KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG 6 THÁNG ĐẦU NĂM 2023", "1. Ưu điểm", "Phụ lục: DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ"} {
		if !strings.Contains(all, want) {
			t.Errorf("no bookmark %q among:\n%s", want, all)
		}
	}
}

// TestEmailSize: the seed's THÔNG BÁO fits the 40 KB the batch issue sets
// for a document attached to an email (maroto makes the same article
// 90 KB, headless Chromium 95 KB); a change that stops subsetting or
// compressing fails here.
func TestEmailSize(t *testing.T) {
	fi, err := os.Stat(filepath.Join(renderSamples(t), "cum-thi-dua-2023", "thong-bao-2023-07-31.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if fi.Size() > 40_000 {
		t.Errorf("the seed's THÔNG BÁO is %d bytes, over 40 KB", fi.Size())
	}
}

type outline struct {
	Title string    `json:"title"`
	Kids  []outline `json:"kids"`
}

// TestPreviewsCurrent: the pictures in docs/ were drawn from what the
// seed sample and two corpus meetings render to now, the seed's THÔNG BÁO
// as a .docx too, and both samples in the e-document form; after a change to the samples, templates, layout or
// the .docx writer, `make previews` draws them again.
func TestPreviewsCurrent(t *testing.T) {
	want, err := os.ReadFile("../../docs/previews.sha256")
	if err != nil {
		t.Fatal(err)
	}
	corpus := t.TempDir()
	for _, name := range []string{"01-xa-phien-hop-thuong-ky", "09-ban-thuong-vu-huyen-uy"} {
		out := filepath.Join(corpus, name)
		if code, _, stderr := hoinghi(t, "render", "--kind", "thong-bao", "--format", "pdf", "-o", out, "../../samples/corpus/"+name+".yaml"); code != 0 {
			t.Fatalf("render %s: exit %d\n%s", name, code, stderr)
		}
	}
	if code, _, stderr := hoinghi(t, "render", "--kind", "thong-bao", "--format", "docx", "-o", filepath.Join(corpus, "docx"), seed); code != 0 {
		t.Fatalf("render the seed's .docx: exit %d\n%s", code, stderr)
	}
	for _, name := range []string{"cum-thi-dua-2023", "lon"} {
		if code, _, stderr := hoinghi(t, "render", "--electronic", "--format", "pdf", "-o", filepath.Join(corpus, "dien-tu", name), "../../samples/"+name+".yaml"); code != 0 {
			t.Fatalf("render %s in the e-document form: exit %d\n%s", name, code, stderr)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(string(want)), "\n") {
		sum, name, _ := strings.Cut(line, "  ")
		dir := renderSamples(t)
		if !strings.HasPrefix(name, "cum-thi-dua-2023/") {
			dir = corpus
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("the previews come from %s, which the seed no longer renders: run `make previews`", name)
			continue
		}
		if got := fmt.Sprintf("%x", sha256.Sum256(data)); got != sum {
			t.Errorf("docs/ shows an older %s: run `make previews`", name)
		}
	}
}
