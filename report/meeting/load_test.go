package meeting

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
	"golang.org/x/text/unicode/norm"
)

// builtinKinds are the templates hoinghi ships, as the command passes them
// in Options.Kinds.
var builtinKinds = []string{"thong-bao", "bao-cao", "bien-ban"}

// covers stands in for the fonts: Latin with every Vietnamese letter and
// the general punctuation (… “ ” –), as Liberation Serif draws them, and
// nothing from other scripts or emoji.
func covers(r rune) bool {
	return r < 0x0250 || r >= 0x1E00 && r <= 0x1EFF || r >= 0x2000 && r <= 0x206F
}

// src joins lines into a file, so that each case reads with its line
// numbers: the first line is line 1.
func src(lines ...string) string { return strings.Join(lines, "\n") + "\n" }

// TestShippedFilesLoad loads the samples and the starter as the command
// does, with the built-in kinds and the font check, and expects no problem.
func TestShippedFilesLoad(t *testing.T) {
	for name, data := range meetingFiles(t) {
		m, err := Parse(name, data, Options{Kinds: builtinKinds, Covers: covers})
		if err != nil {
			t.Errorf("%s:\n%v", name, err)
			continue
		}
		if len(m.Documents) != len(builtinKinds) {
			t.Errorf("%s: %d documents, want one of each kind", name, len(m.Documents))
		}
		if p, err := m.Info.Period.Value(); err != nil || len(p.Parts) == 0 {
			t.Errorf("%s: no period", name)
		}
	}
}

// TestLargeSample keeps lon.yaml as large as the layout tests need it.
func TestLargeSample(t *testing.T) {
	m, err := Load("../../samples/lon.yaml", Options{Kinds: builtinKinds, Covers: covers})
	if err != nil {
		t.Fatal(err)
	}
	units := map[string]bool{}
	for _, a := range m.Info.Attendees {
		units[a.Unit] = true
	}
	for _, c := range []struct {
		what      string
		got, want int
	}{
		{"attendees", len(m.Info.Attendees), 150},
		{"units of attendees", len(units), 15},
		{"table rows", len(m.Results.Table.Rows), 40},
		{"tasks", len(m.Tasks), 12},
		{"signer lines", len(m.Documents[0].Signer.Titles), 4},
	} {
		if c.got < c.want {
			t.Errorf("%d %s, want at least %d", c.got, c.what, c.want)
		}
	}
}

// TestJSONLoadsLikeYAML converts each sample to JSON and expects the same
// meeting, since Parse reads JSON as the YAML subset it is.
func TestJSONLoadsLikeYAML(t *testing.T) {
	for name, data := range meetingFiles(t) {
		fromYAML, err := Parse(name, data, Options{})
		if err != nil {
			t.Fatal(err)
		}
		js, err := yaml.YAMLToJSON(data)
		if err != nil {
			t.Fatal(err)
		}
		fromJSON, err := Parse(name+".json", js, Options{})
		if err != nil {
			t.Fatalf("%s as JSON:\n%v", name, err)
		}
		if !reflect.DeepEqual(fromYAML, fromJSON) {
			t.Errorf("%s: the JSON form loads differently", name)
		}
	}
}

// TestNFDBecomesNFC feeds a sample decomposed (as some Mac and web tools
// save Vietnamese) and expects exactly the meeting of the composed file,
// with no string left decomposed.
func TestNFDBecomesNFC(t *testing.T) {
	data := meetingFiles(t)["../../samples/cum-thi-dua-2023.yaml"]
	nfd := norm.NFD.Bytes(data)
	if string(nfd) == string(data) {
		t.Fatal("the sample has no letter that decomposes")
	}
	want, err := Parse("nfc.yaml", data, Options{Covers: covers})
	if err != nil {
		t.Fatal(err)
	}
	got, err := Parse("nfd.yaml", nfd, Options{Covers: covers})
	if err != nil {
		t.Fatalf("the decomposed file does not load (the font check sees combining marks?):\n%v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("the decomposed file loads differently from the composed one")
	}
	eachString(reflect.ValueOf(got).Elem(), "", func(path string, s reflect.Value) {
		if !norm.NFC.IsNormalString(s.String()) {
			t.Errorf("%s is not NFC: %+q", path, s.String())
		}
	})
	if got.Issuer.Parent != "UBND TỈNH BẮC KẠN" {
		t.Errorf("issuer.parent = %+q", got.Issuer.Parent)
	}
}

// want is one expected problem. For syntax errors the parser's own words
// follow ours, so en and vi are then compared as prefixes.
type want struct {
	line, col int
	path      string
	en, vi    string
	prefix    bool
}

func TestParseProblems(t *testing.T) {
	head := []string{
		"issuer:",
		"  name: UBND TỈNH BẮC KẠN",
		"meeting:",
		"  title: Hội nghị sơ kết công tác thi đua, khen thưởng",
	}
	with := func(lines ...string) string { return src(append(head[:len(head):len(head)], lines...)...) }

	for _, tc := range []struct {
		name string
		src  string
		opt  Options
		want []want
	}{
		{
			name: "malformed YAML: a list left open",
			src:  with("  units: [Bắc Kạn, Tuyên Quang"),
			want: []want{{5, 10, "", "not valid YAML or JSON: ", "không phải YAML hoặc JSON hợp lệ: ", true}},
		},
		{
			name: "malformed YAML: a tab for indentation",
			src:  with("\tvenue: Tuyên Quang"),
			want: []want{{5, 1, "", "not valid YAML or JSON: ", "không phải YAML hoặc JSON hợp lệ: ", true}},
		},
		{
			// The parser places a block mapping at its first key's colon.
			name: "a mapping where a list is expected",
			src: with(
				"  attendees:",
				"    name: Phạm Duy Hưng",
				"    position: Phó Chủ tịch UBND tỉnh Bắc Kạn",
			),
			want: []want{{6, 9, "meeting.attendees", "expected a list", "cần một danh sách", false}},
		},
		{
			name: "a flow mapping where a list is expected",
			src:  with("  chairs: {name: Phạm Duy Hưng}"),
			want: []want{{5, 11, "meeting.chairs", "expected a list", "cần một danh sách", false}},
		},
		{
			name: "a name where an attendee is expected",
			src: with(
				"  attendees:",
				"    - Phạm Duy Hưng",
			),
			want: []want{{6, 7, "meeting.attendees[0]", "expected a group of fields (key: value)", "cần một nhóm trường (khóa: giá trị)", false}},
		},
		{
			name: "unknown field",
			src: with(
				"  chairs:",
				"    - name: Phạm Duy Hưng",
				"      chuc_vu: Phó Chủ tịch UBND tỉnh",
			),
			want: []want{{7, 7, "meeting.chairs[0].chuc_vu",
				"unknown field chuc_vu: expected one of honorific, name, position, role, unit",
				"trường chuc_vu không có trong định dạng: cần một trong các trường honorific, name, position, role, unit", false}},
		},
		{
			name: "missing issuer.name and meeting.title",
			src: src(
				"issuer:",
				"  code: CTĐ",
				"meeting:",
				"  venue: Tuyên Quang",
			),
			// A missing field points where it would be written: among its
			// parent's fields.
			want: []want{
				{2, 3, "issuer.name", "missing the name of the issuing agency", "thiếu tên cơ quan ban hành", false},
				{4, 3, "meeting.title", "missing the title of the meeting", "thiếu tên hội nghị", false},
			},
		},
		{
			name: "blank required fields",
			src: src(
				"issuer:",
				"  name: \"  \"",
				"meeting:",
				"  title:",
				"tasks:",
				"  - lead: UBND tỉnh Bắc Kạn",
			),
			want: []want{
				{2, 9, "issuer.name", "missing the name of the issuing agency", "thiếu tên cơ quan ban hành", false},
				// A key with no value points just after its colon, where the
				// value goes.
				{4, 9, "meeting.title", "missing the title of the meeting", "thiếu tên hội nghị", false},
				{6, 5, "tasks[0].content", "missing the content of the task", "thiếu nội dung nhiệm vụ", false},
			},
		},
		{
			name: "unknown kind",
			src: with(
				"documents:",
				"  - kind: cong-van",
			),
			opt: Options{Kinds: builtinKinds},
			want: []want{{6, 11, "documents[0].kind",
				"unknown kind cong-van: expected one of thong-bao, bao-cao, bien-ban",
				"không có loại văn bản cong-van: cần một trong các loại thong-bao, bao-cao, bien-ban", false}},
		},
		{
			name: "any kind when the templates are not known",
			src: with(
				"documents:",
				"  - kind: cong-van",
			),
		},
		{
			name: "impossible dates",
			src: with(
				"documents:",
				"  - kind: bao-cao",
				"    date: 2023-02-30",
				"tasks:",
				"  - content: Hoàn thiện báo cáo",
				"    deadline: 31/9/2023",
			),
			want: []want{
				{7, 11, "documents[0].date",
					"expected a date that exists, such as 2023-07-28 or 28/07/2023 (or a month, 2023-07), got 2023-02-30",
					"cần một ngày có thật, như 2023-07-28 hoặc 28/07/2023 (hoặc một tháng, 2023-07), nhận được 2023-02-30", false},
				{10, 15, "tasks[0].deadline",
					"expected a date that exists, such as 2023-07-28 or 28/07/2023 (or a month, 2023-07), got 31/9/2023",
					"cần một ngày có thật, như 2023-07-28 hoặc 28/07/2023 (hoặc một tháng, 2023-07), nhận được 31/9/2023", false},
			},
		},
		{
			name: "bad period",
			src:  with("  period: 2023-H3"),
			want: []want{{5, 11, "meeting.period",
				"expected a period such as 2023-H1, 2023-Q3, 2023-07, 2023-9M, 2023, 2023-2024 (a school year), 2021-2025 (a phase), 2024-05-01/2024-08-31, or words such as quý II năm 2025, got 2023-H3",
				"cần một kỳ như 2023-H1, 2023-Q3, 2023-07, 2023-9M, 2023, 2023-2024 (năm học), 2021-2025 (giai đoạn), 2024-05-01/2024-08-31, hoặc bằng chữ như quý II năm 2025, nhận được 2023-H3", false}},
		},
		{
			name: "a time without a date, a year before 1900, counts that do not add up",
			src:  with("  start: \"8:30\"", "  end: 1899-12-30", "  attendance: {invited: 40, present: 37, absent: 5}", "  type: so-ke"),
			want: []want{
				{5, 10, "meeting.start",
					"a time of day without a date: write the date too, such as 2023-07-28 08:00 or 28/07/2023 08:00",
					"có giờ mà không có ngày: hãy ghi cả ngày, như 2023-07-28 08:00 hoặc 28/07/2023 08:00", false},
				{6, 8, "meeting.end",
					"the year of 1899-12-30 is before 1900: write the year in full, such as 2023",
					"năm của 1899-12-30 trước năm 1900: hãy ghi đủ bốn chữ số của năm, như 2023", false},
				{7, 50, "meeting.attendance.absent",
					"present (37) and absent (5) do not add up to the invited (40)",
					"số có mặt (37) cộng số vắng (5) không bằng số được mời (40)", false},
				{8, 9, "meeting.type",
					"unknown meeting type so-ke: expected one of so-ket, tong-ket, phien-hop-thuong-ky, phien-hop-thuong-truc, giao-ban, chuyen-de, toa-dam, hoi-thao, binh-xet, hop-chi-bo, hop-dang-uy, hop-ban-thuong-vu, hop-ban-chap-hanh, hop-lien-nganh, hop-dot-xuat, or the name of the type in words",
					"không có loại cuộc họp so-ke: cần một trong các loại so-ket, tong-ket, phien-hop-thuong-ky, phien-hop-thuong-truc, giao-ban, chuyen-de, toa-dam, hoi-thao, binh-xet, hop-chi-bo, hop-dang-uy, hop-ban-thuong-vu, hop-ban-chap-hanh, hop-lien-nganh, hop-dot-xuat, hoặc ghi tên loại bằng chữ", false},
			},
		},
		{
			name: "wrong cell count",
			src: with(
				"results:",
				"  table:",
				"    columns: [STT, Đơn vị, Tập thể được khen]",
				"    rows:",
				"      - [1, UBND tỉnh Bắc Kạn, 186]",
				"      - [2, UBND tỉnh Tuyên Quang]",
				"      - [3, UBND tỉnh Phú Thọ, 412, 1586]",
			),
			want: []want{
				{10, 9, "results.table.rows[1]", "expected 3 cells, one per column, got 2", "cần 3 ô, mỗi cột một ô, nhận được 2", false},
				{11, 9, "results.table.rows[2]", "expected 3 cells, one per column, got 4", "cần 3 ô, mỗi cột một ô, nhận được 4", false},
			},
		},
		{
			name: "invisible characters and controls",
			src: with(
				"  venue: \"Hội trường \u202Eạgn ốs\"",
				"  attendees:",
				"    - name: \"Nông\u200BThị Hà\"",
				"    - name: \"Lò Văn \\e[31mA\\a\"",
			),
			want: []want{
				{5, 10, "meeting.venue", "character 12 is U+202E (RIGHT-TO-LEFT OVERRIDE), which is invisible or turns text around: delete it (retype the text around it if you cannot see it)", "ký tự thứ 12 là U+202E (RIGHT-TO-LEFT OVERRIDE), một ký tự ẩn hoặc đảo chiều văn bản: hãy xoá nó (gõ lại đoạn quanh nó nếu không thấy)", false},
				{7, 13, "meeting.attendees[0].name", "character 5 is U+200B (ZERO WIDTH SPACE), which is invisible or turns text around: delete it (retype the text around it if you cannot see it)", "ký tự thứ 5 là U+200B (ZERO WIDTH SPACE), một ký tự ẩn hoặc đảo chiều văn bản: hãy xoá nó (gõ lại đoạn quanh nó nếu không thấy)", false},
				{8, 13, "meeting.attendees[1].name", "character 8 is U+001B, which is invisible or turns text around: delete it (retype the text around it if you cannot see it)", "ký tự thứ 8 là U+001B, một ký tự ẩn hoặc đảo chiều văn bản: hãy xoá nó (gõ lại đoạn quanh nó nếu không thấy)", false},
			},
		},
		{
			name: "text in a legacy encoding",
			src: src(
				"issuer:",
				"  name: UBND TỈNH BẮC KẠN",
				"meeting:",
				"  title: Héi nghÞ s¬ kÕt c«ng t¸c thi ®ua",
				"  chairs:",
				"    - name: Nguyeãn Thò Hoàng",
			),
			want: []want{
				{4, 10, "meeting.title", "this text looks typed in the TCVN3 (ABC) encoding and pasted as Unicode (\"Héi nghÞ s¬ kÕt c«ng t¸c thi ®…\"): retype it, or turn the file into Unicode with hoinghi convert --from tcvn3", "văn bản này có vẻ được gõ bằng bảng mã TCVN3 (ABC) rồi dán vào tệp Unicode (\"Héi nghÞ s¬ kÕt c«ng t¸c thi ®…\"): hãy gõ lại, hoặc chuyển tệp sang Unicode bằng lệnh hoinghi convert --from tcvn3", false},
				{6, 13, "meeting.chairs[0].name", "this text looks typed in the VNI encoding and pasted as Unicode (\"Nguyeãn Thò Hoàng\"): retype it, or turn the file into Unicode with hoinghi convert --from vni", "văn bản này có vẻ được gõ bằng bảng mã VNI rồi dán vào tệp Unicode (\"Nguyeãn Thò Hoàng\"): hãy gõ lại, hoặc chuyển tệp sang Unicode bằng lệnh hoinghi convert --from vni", false},
			},
		},
		{
			name: "a document number with a sign",
			src: with(
				"documents:",
				"  - kind: thong-bao",
				"    number: \"+5\"",
			),
			want: []want{
				{7, 13, "documents[0].number", "expected a positive whole number or a blank, got +5", "cần một số nguyên dương hoặc để trống, nhận được +5", false},
			},
		},
		{
			name: "lists nested past the limit",
			src:  with("  units: " + strings.Repeat("[", 100) + strings.Repeat("]", 100)),
			want: []want{{5, 72, "", "lists and groups of fields nest more than 64 deep here: no meeting or office needs so many levels", "danh sách và nhóm trường lồng nhau quá 64 cấp ở đây: không cuộc họp hay cơ quan nào cần nhiều cấp như vậy", false}},
		},
		{
			name: "aliases that repeat a billion laughs",
			src:  src(billionLaughs()...),
			want: []want{{6, 15, "", "the aliases (*name) of this file repeat more than 1 MB of text: write the values out, or use fewer aliases", "các bí danh (*tên) của tệp này lặp lại hơn 1 MB văn bản: hãy viết thẳng giá trị, hoặc dùng ít bí danh hơn", false}},
		},
		{
			name: "characters the fonts cannot draw",
			src: with(
				"  venue: Hội trường 会议室",
				"  attendees:",
				"    - name: Nông Thị Thu Hà 🌸",
			),
			opt: Options{Covers: covers},
			want: []want{
				{5, 10, "meeting.venue", "the font cannot draw the character '会' (U+4F1A)", "phông chữ không có ký tự '会' (U+4F1A)", false},
				{7, 13, "meeting.attendees[0].name", "the font cannot draw the character '🌸' (U+1F338)", "phông chữ không có ký tự '🌸' (U+1F338)", false},
			},
		},
		{
			name: "JSON with positions",
			src: src(
				`{`,
				`  "issuer": {"name": "UBND TỈNH BẮC KẠN"},`,
				`  "meeting": {`,
				`    "title": "Hội nghị sơ kết",`,
				`    "start": "2023-07-28 08:00",`,
				`    "end": "2023-07-28 07:30"`,
				`  },`,
				`  "documents": [{"kind": "bao-cao", "numbr": 12}]`,
				`}`,
			),
			want: []want{
				{6, 12, "meeting.end", "the meeting ends before it starts (2023-07-28 08:00)", "thời gian kết thúc trước thời gian bắt đầu (2023-07-28 08:00)", false},
				{8, 37, "documents[0].numbr",
					"unknown field numbr: expected one of abstract, annex, archive, date, kind, number, recipients, secretary, signer, to",
					"trường numbr không có trong định dạng: cần một trong các trường abstract, annex, archive, date, kind, number, recipients, secretary, signer, to", false},
			},
		},
		{
			name: "several problems at once, in line order",
			src: src(
				"tasks:",
				"  - content: \"\"",
				"    status: Xong",
				"meeting:",
				"  title: \"\"",
				"  period: 2023-H3",
				"  chairs:",
				"    - name: Phạm Duy Hưng",
				"      tittle: Phó Chủ tịch",
				"issuer:",
				"  name: \"\"",
				"documents:",
				"  - kind: bien-ban",
				"    number: số 3",
				"    date: 2023-02-30",
			),
			want: []want{
				{2, 14, "tasks[0].content", "missing the content of the task", "thiếu nội dung nhiệm vụ", false},
				{3, 13, "tasks[0].status",
					"unknown status Xong: expected one of Chưa thực hiện, Đang thực hiện, Đã hoàn thành, Quá hạn",
					"không có trạng thái Xong: cần một trong các trạng thái Chưa thực hiện, Đang thực hiện, Đã hoàn thành, Quá hạn", false},
				{5, 10, "meeting.title", "missing the title of the meeting", "thiếu tên hội nghị", false},
				{6, 11, "meeting.period",
					"expected a period such as 2023-H1, 2023-Q3, 2023-07, 2023-9M, 2023, 2023-2024 (a school year), 2021-2025 (a phase), 2024-05-01/2024-08-31, or words such as quý II năm 2025, got 2023-H3",
					"cần một kỳ như 2023-H1, 2023-Q3, 2023-07, 2023-9M, 2023, 2023-2024 (năm học), 2021-2025 (giai đoạn), 2024-05-01/2024-08-31, hoặc bằng chữ như quý II năm 2025, nhận được 2023-H3", false},
				{9, 7, "meeting.chairs[0].tittle",
					"unknown field tittle: expected one of honorific, name, position, role, unit",
					"trường tittle không có trong định dạng: cần một trong các trường honorific, name, position, role, unit", false},
				{11, 9, "issuer.name", "missing the name of the issuing agency", "thiếu tên cơ quan ban hành", false},
				{14, 13, "documents[0].number", "expected a positive whole number or a blank, got số 3", "cần một số nguyên dương hoặc để trống, nhận được số 3", false},
				{15, 11, "documents[0].date",
					"expected a date that exists, such as 2023-07-28 or 28/07/2023 (or a month, 2023-07), got 2023-02-30",
					"cần một ngày có thật, như 2023-07-28 hoặc 28/07/2023 (hoặc một tháng, 2023-07), nhận được 2023-02-30", false},
			},
		},
		{
			name: "two documents with one number",
			src: with(
				"documents:",
				"  - kind: thong-bao",
				"    number: 5",
				"  - kind: thong-bao",
				"    number: \"05\"",
			),
			want: []want{{8, 5, "documents[1]",
				"the same kind and number as documents[0]: each document needs its own number",
				"trùng loại và số với documents[0]: mỗi văn bản cần một số riêng", false}},
		},
		{
			name: "two meetings in one file",
			src:  with("---", "issuer: {name: UBND TỈNH TUYÊN QUANG}"),
			want: []want{{6, 1, "", "a file holds one meeting: found a second YAML document", "mỗi tệp chứa một cuộc họp: tìm thấy tài liệu YAML thứ hai", false}},
		},
		{
			name: "an empty file",
			src:  src("# chỉ có chú thích"),
			want: []want{{0, 0, "", "the file is empty: expected a meeting", "tệp rỗng: cần thông tin một cuộc họp", false}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Parse("hop.yaml", []byte(tc.src), tc.opt)
			if len(tc.want) == 0 {
				if err != nil {
					t.Fatalf("unexpected problems:\n%v", err)
				}
				if m == nil {
					t.Fatal("no meeting and no error")
				}
				return
			}
			var ps diag.List
			if !errors.As(err, &ps) {
				t.Fatalf("got %v (%T), want diag.List", err, err)
			}
			if m != nil {
				t.Error("a meeting was returned with problems")
			}
			for i, p := range ps {
				if i >= len(tc.want) {
					t.Errorf("unexpected problem %s", p.In(lang.English))
					continue
				}
				w := tc.want[i]
				if p.File != "hop.yaml" || p.Line != w.line || p.Col != w.col || p.Path != w.path {
					t.Errorf("problem %d at %s:%d:%d %q, want %d:%d %q", i, p.File, p.Line, p.Col, p.Path, w.line, w.col, w.path)
				}
			}
			if len(ps) < len(tc.want) {
				t.Errorf("got %d problems, want %d:\n%v", len(ps), len(tc.want), ps)
			}
			checkText(t, ps, tc.want)
		})
	}
}

// checkText compares the problems as the command prints them, in both
// languages, line by line.
func checkText(t *testing.T, ps diag.List, ws []want) {
	t.Helper()
	for _, l := range []struct {
		tag   string
		lines []string
		msg   func(want) string
	}{
		{"en", strings.Split(ps.In(lang.English), "\n"), func(w want) string { return w.en }},
		{"vi", strings.Split(ps.In(lang.Vietnamese), "\n"), func(w want) string { return w.vi }},
	} {
		for i, w := range ws {
			if i >= len(l.lines) {
				break
			}
			line := "hop.yaml"
			if w.line > 0 {
				line += fmt.Sprintf(":%d:%d", w.line, w.col)
			}
			line += ": "
			if w.path != "" {
				line += w.path + ": "
			}
			line += l.msg(w)
			if got := l.lines[i]; got != line && !(w.prefix && strings.HasPrefix(got, line)) {
				t.Errorf("%s:\n got %s\nwant %s", l.tag, got, line)
			}
		}
	}
}

// billionLaughs is a meeting whose aliases stand for 10⁹ copies of one
// word, in eight lines.
func billionLaughs() []string {
	lines := []string{"x: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"}
	for i := 1; i < 9; i++ {
		lines = append(lines, fmt.Sprintf("x%d: &a%d [%s]", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 10), ", ")))
	}
	return append(lines, "conclusions: *a8")
}
