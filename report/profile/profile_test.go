package profile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/meeting"
	"golang.org/x/text/unicode/norm"
)

// src joins lines into a file, so that each case reads with its line
// numbers: the first line is line 1.
func src(lines ...string) string { return strings.Join(lines, "\n") + "\n" }

// office is the profile most tests apply. Positions asserted below count
// its lines from 1 and its columns in characters.
var office = src(
	"issuer:", // 1
	"  parent: UBND TỈNH BẮC KẠN",
	"  name: CỤM THI ĐUA CÁC TỈNH TRUNG DU VÀ MIỀN NÚI PHÍA BẮC",
	"  code: CTĐ",
	"  place: Bắc Kạn", // 5
	"documents:",
	"  thong-bao:",
	"    recipients: [Ban Thi đua - Khen thưởng Trung ương (b/c), Các tỉnh trong Cụm]",
	"    archive: VT, CTĐ",
	"    signer:", // 10
	"      titles: [TM. CỤM THI ĐUA, CỤM TRƯỞNG]",
	"      name: Phạm Duy Hưng",
	"  bien-ban:",
	"    annex: true",
	"    secretary: {titles: [THƯ KÝ], name: Hoàng Huế}", // 15
	"render:",
	"  kinds: [thong-bao, bien-ban]",
	"  formats: [pdf]",
	"  sort: ten",
	"  fonts: phong", // 20
	"  templates: ../mau",
)

// writeFile writes data to path, making its folders.
func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// officeFolder lays out an office folder as a clerk would: the profile
// beside its fonts, the templates one folder up. It returns the profile's
// path.
func officeFolder(t *testing.T, profile string) string {
	t.Helper()
	root := t.TempDir()
	for _, dir := range []string{"van-phong/phong", "mau"} {
		if err := os.MkdirAll(filepath.Join(root, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(root, "van-phong", FileName)
	writeFile(t, path, profile)
	return path
}

func loadOffice(t *testing.T) *Profile {
	t.Helper()
	p, err := Load(officeFolder(t, office))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// decode reads a meeting as meeting.Parse does before it validates, so
// that Apply can be tested on meetings the loader would still refuse.
func decode(t *testing.T, data string) *meeting.Meeting {
	t.Helper()
	var m meeting.Meeting
	if err := yaml.Unmarshal([]byte(data), &m); err != nil {
		t.Fatal(err)
	}
	return &m
}

func TestApplyPrecedence(t *testing.T) {
	p := loadOffice(t)
	from := func(path, value string, line, col int) Source {
		return Source{Path: path, Value: value, File: p.Path, Line: line, Col: col}
	}
	here := func(path, value string) Source { return Source{Path: path, Value: value, File: "hop.yaml"} }
	officeIssuer := meeting.Issuer{Parent: "UBND TỈNH BẮC KẠN", Name: "CỤM THI ĐUA CÁC TỈNH TRUNG DU VÀ MIỀN NÚI PHÍA BẮC", Code: "CTĐ", Place: "Bắc Kạn"}
	officeIssuerSources := Sources{
		from("issuer.parent", "UBND TỈNH BẮC KẠN", 2, 11),
		from("issuer.name", "CỤM THI ĐUA CÁC TỈNH TRUNG DU VÀ MIỀN NÚI PHÍA BẮC", 3, 9),
		from("issuer.code", "CTĐ", 4, 9),
		from("issuer.place", "Bắc Kạn", 5, 10),
	}
	officeSigner := meeting.Signer{Titles: []string{"TM. CỤM THI ĐUA", "CỤM TRƯỞNG"}, Name: "Phạm Duy Hưng"}
	officeRecipients := []string{"Ban Thi đua - Khen thưởng Trung ương (b/c)", "Các tỉnh trong Cụm"}

	for _, tc := range []struct {
		name     string
		profile  *Profile
		meeting  string
		wantIss  meeting.Issuer
		wantDocs []meeting.Document
		want     Sources
	}{
		{
			name:    "the meeting gives everything: the profile changes nothing",
			profile: p,
			meeting: src(
				"issuer: {parent: UBND TỈNH TUYÊN QUANG, name: SỞ NỘI VỤ, code: SNV, place: Tuyên Quang}",
				"documents:",
				"  - kind: thong-bao",
				"    recipients: [Như trên]",
				"    archive: VT, SNV",
				"    signer: {titles: [GIÁM ĐỐC], name: Nguyễn Văn An}",
			),
			wantIss: meeting.Issuer{Parent: "UBND TỈNH TUYÊN QUANG", Name: "SỞ NỘI VỤ", Code: "SNV", Place: "Tuyên Quang"},
			wantDocs: []meeting.Document{{Kind: "thong-bao", Recipients: []string{"Như trên"}, Archive: "VT, SNV",
				Signer: meeting.Signer{Titles: []string{"GIÁM ĐỐC"}, Name: "Nguyễn Văn An"}}},
			want: Sources{
				here("issuer.parent", "UBND TỈNH TUYÊN QUANG"),
				here("issuer.name", "SỞ NỘI VỤ"),
				here("issuer.code", "SNV"),
				here("issuer.place", "Tuyên Quang"),
				here("documents[0].kind", "thong-bao"),
				here("documents[0].recipients", "[Như trên]"),
				here("documents[0].archive", "VT, SNV"),
				here("documents[0].signer.titles", "[GIÁM ĐỐC]"),
				here("documents[0].signer.name", "Nguyễn Văn An"),
			},
		},
		{
			name:    "field by field: the meeting's values win, the profile fills the blanks",
			profile: p,
			meeting: src(
				"issuer:",
				"  code: CTĐ-BK",
				"  place: \"  \"",
				"documents:",
				"  - kind: thong-bao",
				"    number: 5",
				"    signer: {name: Nguyễn Văn An}",
				"  - kind: bien-ban",
				"    secretary: {titles: [THƯ KÝ HỘI NGHỊ]}",
				"  - kind: bao-cao",
				"    to: [Ban Thi đua - Khen thưởng Trung ương]",
			),
			wantIss: meeting.Issuer{Parent: officeIssuer.Parent, Name: officeIssuer.Name, Code: "CTĐ-BK", Place: "Bắc Kạn"},
			wantDocs: []meeting.Document{
				{Kind: "thong-bao", Number: "5", Recipients: officeRecipients, Archive: "VT, CTĐ",
					Signer: meeting.Signer{Titles: officeSigner.Titles, Name: "Nguyễn Văn An"}},
				// Titles written in the meeting say who signs: the
				// profile's name does not go under them.
				{Kind: "bien-ban", Annex: true, Secretary: meeting.Signer{Titles: []string{"THƯ KÝ HỘI NGHỊ"}}},
				// No defaults for bao-cao: the built-in blanks stay.
				{Kind: "bao-cao", To: []string{"Ban Thi đua - Khen thưởng Trung ương"}},
			},
			want: Sources{
				from("issuer.parent", "UBND TỈNH BẮC KẠN", 2, 11),
				from("issuer.name", "CỤM THI ĐUA CÁC TỈNH TRUNG DU VÀ MIỀN NÚI PHÍA BẮC", 3, 9),
				here("issuer.code", "CTĐ-BK"),
				from("issuer.place", "Bắc Kạn", 5, 10),
				here("documents[0].kind", "thong-bao"),
				from("documents[0].recipients", "[Ban Thi đua - Khen thưởng Trung ương (b/c), Các tỉnh trong Cụm]", 8, 17),
				from("documents[0].archive", "VT, CTĐ", 9, 14),
				from("documents[0].signer.titles", "[TM. CỤM THI ĐUA, CỤM TRƯỞNG]", 11, 15),
				here("documents[0].signer.name", "Nguyễn Văn An"),
				here("documents[1].kind", "bien-ban"),
				here("documents[1].secretary.titles", "[THƯ KÝ HỘI NGHỊ]"),
				from("documents[1].annex", "true", 14, 12),
				here("documents[2].kind", "bao-cao"),
				here("documents[2].to", "[Ban Thi đua - Khen thưởng Trung ương]"),
			},
		},
		{
			name:    "no documents: one of each kind of render.kinds, with the profile's defaults",
			profile: p,
			meeting: src("meeting: {title: Hội nghị sơ kết}"),
			wantIss: officeIssuer,
			wantDocs: []meeting.Document{
				{Kind: "thong-bao", Recipients: officeRecipients, Archive: "VT, CTĐ", Signer: officeSigner},
				{Kind: "bien-ban", Annex: true, Secretary: meeting.Signer{Titles: []string{"THƯ KÝ"}, Name: "Hoàng Huế"}},
			},
			want: append(slices.Clone(officeIssuerSources),
				from("documents[0].kind", "thong-bao", 17, 11),
				from("documents[0].recipients", "[Ban Thi đua - Khen thưởng Trung ương (b/c), Các tỉnh trong Cụm]", 8, 17),
				from("documents[0].archive", "VT, CTĐ", 9, 14),
				from("documents[0].signer.titles", "[TM. CỤM THI ĐUA, CỤM TRƯỞNG]", 11, 15),
				from("documents[0].signer.name", "Phạm Duy Hưng", 12, 13),
				from("documents[1].kind", "bien-ban", 17, 22),
				from("documents[1].secretary.titles", "[THƯ KÝ]", 15, 25),
				from("documents[1].secretary.name", "Hoàng Huế", 15, 41),
				from("documents[1].annex", "true", 14, 12),
			),
		},
		{
			name:    "no documents and no render.kinds: the renderer's built-in choice stands",
			profile: mustParse(t, "hoinghi.yaml", src("issuer: {name: SỞ NỘI VỤ}")),
			meeting: src("meeting: {title: Hội nghị sơ kết}"),
			wantIss: meeting.Issuer{Name: "SỞ NỘI VỤ"},
			want:    Sources{{Path: "issuer.name", Value: "SỞ NỘI VỤ", File: "hoinghi.yaml", Line: 1, Col: 16}},
		},
		{
			name:    "no profile: the meeting's values and the built-in blanks",
			meeting: src("issuer: {name: SỞ NỘI VỤ}", "documents: [{kind: bao-cao}]"),
			wantIss: meeting.Issuer{Name: "SỞ NỘI VỤ"},
			wantDocs: []meeting.Document{
				{Kind: "bao-cao"},
			},
			want: Sources{here("issuer.name", "SỞ NỘI VỤ"), here("documents[0].kind", "bao-cao")},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := decode(t, tc.meeting)
			got := tc.profile.Apply("hop.yaml", m)
			if !reflect.DeepEqual(m.Issuer, tc.wantIss) {
				t.Errorf("issuer:\n got %+v\nwant %+v", m.Issuer, tc.wantIss)
			}
			if !reflect.DeepEqual(m.Documents, tc.wantDocs) {
				t.Errorf("documents:\n got %+v\nwant %+v", m.Documents, tc.wantDocs)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("sources:\n got %s\nwant %s", strings.Join(got.Lines(), "\n     "), strings.Join(tc.want.Lines(), "\n     "))
			}
		})
	}
}

func mustParse(t *testing.T, name, data string) *Profile {
	t.Helper()
	p, ps := parse(name, []byte(data))
	if len(ps) > 0 {
		t.Fatal(sorted(name, ps))
	}
	return p
}

// TestApplyBeforeValidation plays the loader's hook: decode, apply, then
// validate. A meeting without issuer.name, which the loader refuses on
// its own, is valid once the profile supplies the name.
func TestApplyBeforeValidation(t *testing.T) {
	p := loadOffice(t)
	data := src(
		"issuer: {code: CTĐ}",
		"meeting: {title: Hội nghị sơ kết công tác thi đua}",
	)
	if _, err := meeting.Parse("hop.yaml", []byte(data), meeting.Options{}); err == nil {
		t.Fatal("the loader accepts a meeting without issuer.name: the profile is not needed for it")
	}
	m := decode(t, data)
	p.Apply("hop.yaml", m)
	merged, err := yaml.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	got, err := meeting.Parse("hop.yaml", merged, meeting.Options{Kinds: []string{"thong-bao", "bao-cao", "bien-ban"}})
	if err != nil {
		t.Fatalf("the merged meeting does not validate:\n%v", err)
	}
	if got.Issuer.Name != "CỤM THI ĐUA CÁC TỈNH TRUNG DU VÀ MIỀN NÚI PHÍA BẮC" || len(got.Documents) != 2 {
		t.Errorf("merged meeting: issuer %+v, %d documents", got.Issuer, len(got.Documents))
	}

	// A meeting that validates on its own keeps its values; naming the
	// office's own agency, it gets the rest of the office's issuer.
	full, err := meeting.Parse("hop.yaml", []byte(src(
		"issuer: {name: cụm thi đua các tỉnh trung du và miền núi phía bắc}",
		"meeting: {title: Hội nghị}",
		"documents: [{kind: thong-bao, archive: VT}]",
	)), meeting.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p.Apply("hop.yaml", full)
	if full.Issuer.Name != "cụm thi đua các tỉnh trung du và miền núi phía bắc" || full.Issuer.Code != "CTĐ" || full.Documents[0].Archive != "VT" || full.Documents[0].Signer.Name != "Phạm Duy Hưng" {
		t.Errorf("applied to a parsed meeting: %+v %+v", full.Issuer, full.Documents[0])
	}

	// A meeting issued by another agency takes nothing of the office's
	// issuer: not its parent agency, code or place.
	other := decode(t, src("issuer: {name: SỞ NỘI VỤ}", "meeting: {title: Hội nghị}"))
	p.Apply("hop.yaml", other)
	if other.Issuer != (meeting.Issuer{Name: "SỞ NỘI VỤ"}) {
		t.Errorf("another agency's meeting got the office's issuer: %+v", other.Issuer)
	}
}

// TestApplyCopies changes one meeting after applying the profile and
// expects the next meeting to get the profile as it was written.
func TestApplyCopies(t *testing.T) {
	p := loadOffice(t)
	first := decode(t, src("documents: [{kind: thong-bao}]"))
	p.Apply("a.yaml", first)
	first.Documents[0].Recipients[0] = "đã sửa"
	first.Documents[0].Signer.Titles[0] = "đã sửa"

	second := decode(t, src("documents: [{kind: thong-bao}]"))
	p.Apply("b.yaml", second)
	if d := second.Documents[0]; d.Recipients[0] == "đã sửa" || d.Signer.Titles[0] == "đã sửa" {
		t.Errorf("a meeting shares its lists with the profile: %+v", d)
	}
	if d := p.Document("thong-bao"); d.Recipients[0] == "đã sửa" {
		t.Errorf("Document shares its lists with the profile: %+v", d)
	}
}

func TestDocument(t *testing.T) {
	p := loadOffice(t)
	want := meeting.Document{Kind: "thong-bao", Archive: "VT, CTĐ",
		Recipients: []string{"Ban Thi đua - Khen thưởng Trung ương (b/c)", "Các tỉnh trong Cụm"},
		Signer:     meeting.Signer{Titles: []string{"TM. CỤM THI ĐUA", "CỤM TRƯỞNG"}, Name: "Phạm Duy Hưng"}}
	if got := p.Document("thong-bao"); !reflect.DeepEqual(got, want) {
		t.Errorf("Document(thong-bao):\n got %+v\nwant %+v", got, want)
	}
	for _, c := range []struct {
		p    *Profile
		kind string
	}{{p, "bao-cao"}, {nil, "thong-bao"}} {
		if got := c.p.Document(c.kind); !reflect.DeepEqual(got, meeting.Document{Kind: c.kind}) {
			t.Errorf("Document(%s) with no defaults: %+v", c.kind, got)
		}
	}
}

func TestSourcesLines(t *testing.T) {
	s := Sources{
		{Path: "issuer.name", Value: "SỞ NỘI VỤ", File: "hop.yaml"},
		{Path: "documents[0].signer.titles", Value: "[GIÁM ĐỐC]", File: "/cq/hoinghi.yaml", Line: 11, Col: 15},
	}
	want := []string{
		"hop.yaml: issuer.name: SỞ NỘI VỤ",
		"/cq/hoinghi.yaml:11:15: documents[0].signer.titles: [GIÁM ĐỐC]",
	}
	if got := s.Lines(); !reflect.DeepEqual(got, want) {
		t.Errorf("Lines:\n got %q\nwant %q", got, want)
	}
}

func TestLoad(t *testing.T) {
	path := officeFolder(t, office)
	root := filepath.Dir(filepath.Dir(path))
	want := RenderDefaults{
		Kinds:     []string{"thong-bao", "bien-ban"},
		Formats:   []string{"pdf"},
		Sort:      "ten",
		Fonts:     filepath.Join(root, "van-phong", "phong"),
		Templates: filepath.Join(root, "mau"),
	}

	t.Run("relative folders resolve against the profile's folder", func(t *testing.T) {
		// Load from elsewhere, by a relative path, as a command run in
		// another folder would.
		t.Chdir(filepath.Join(root, "mau"))
		p, err := Load(filepath.Join("..", "van-phong", FileName))
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Render(); !reflect.DeepEqual(got, want) {
			t.Errorf("Render:\n got %+v\nwant %+v", got, want)
		}
		if p.Path != filepath.Join("..", "van-phong", FileName) {
			t.Errorf("Path = %s, want it as given", p.Path)
		}
	})

	t.Run("absolute folders stay", func(t *testing.T) {
		fonts := t.TempDir()
		p, err := Load(officeFolder(t, src("render: {fonts: "+fonts+"}")))
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Render().Fonts; got != fonts {
			t.Errorf("fonts = %s, want %s", got, fonts)
		}
	})

	t.Run("Render returns copies", func(t *testing.T) {
		p, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		p.Render().Kinds[0] = "đã sửa"
		if got := p.Render(); !reflect.DeepEqual(got, want) {
			t.Errorf("Render after a caller changed its result: %+v", got)
		}
	})

	t.Run("decomposed text becomes NFC", func(t *testing.T) {
		nfd := norm.NFD.String(office)
		if nfd == office {
			t.Fatal("the profile has no letter that decomposes")
		}
		p, err := Load(officeFolder(t, nfd))
		if err != nil {
			t.Fatal(err)
		}
		m := decode(t, src("meeting: {title: Hội nghị}"))
		for _, s := range p.Apply("hop.yaml", m) {
			if !norm.NFC.IsNormalString(s.Value) {
				t.Errorf("%s is not NFC: %+q", s.Path, s.Value)
			}
		}
		if m.Issuer.Place != "Bắc Kạn" {
			t.Errorf("issuer.place = %+q", m.Issuer.Place)
		}
	})

	t.Run("an alias stands for its anchor", func(t *testing.T) {
		p, err := Load(officeFolder(t, src(
			"documents:",
			"  thong-bao: {signer: &ky {titles: [GIÁM ĐỐC], name: Nguyễn Văn An}}",
			"  bao-cao: {signer: *ky}",
		)))
		if err != nil {
			t.Fatal(err)
		}
		want := meeting.Signer{Titles: []string{"GIÁM ĐỐC"}, Name: "Nguyễn Văn An"}
		if got := p.Document("bao-cao").Signer; !reflect.DeepEqual(got, want) {
			t.Errorf("bao-cao signer = %+v, want %+v", got, want)
		}
	})

	t.Run("an empty file is an empty profile", func(t *testing.T) {
		p, err := Load(officeFolder(t, "# hồ sơ cơ quan, chưa điền\n"))
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Render(); !reflect.DeepEqual(got, RenderDefaults{}) {
			t.Errorf("Render = %+v", got)
		}
		m := decode(t, src("issuer: {name: SỞ NỘI VỤ}"))
		p.Apply("hop.yaml", m)
		if !reflect.DeepEqual(m.Issuer, meeting.Issuer{Name: "SỞ NỘI VỤ"}) || m.Documents != nil {
			t.Errorf("an empty profile changed the meeting: %+v", m)
		}
	})

	t.Run("a missing file", func(t *testing.T) {
		_, err := Load(filepath.Join(root, "khong-co.yaml"))
		if !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), "khong-co.yaml") {
			t.Errorf("got %v, want a not-exist error naming the file", err)
		}
	})

	t.Run("nil profile", func(t *testing.T) {
		var p *Profile
		if got := p.Render(); !reflect.DeepEqual(got, RenderDefaults{}) {
			t.Errorf("Render = %+v", got)
		}
		if err := p.Check(meeting.Options{Kinds: []string{"bao-cao"}}); err != nil {
			t.Error(err)
		}
	})
}

// want is one expected problem, in both languages.
type want struct {
	line, col int
	path      string
	en, vi    string
}

func TestLoadProblems(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		want []want
	}{
		{
			name: "unknown keys, each at its position",
			src: src(
				"issuer:",
				"  name: SỞ NỘI VỤ",
				"  dia_danh: Tuyên Quang",
				"documents:",
				"  thong-bao:",
				"    number: 5",
				"render: {sort: ten, font: ./phong}",
				"signer: {name: Nguyễn Văn An}",
			),
			want: []want{
				{3, 3, "issuer.dia_danh",
					"unknown field dia_danh: expected one of code, name, parent, place, type",
					"trường dia_danh không có trong định dạng: cần một trong các trường code, name, parent, place, type"},
				{6, 5, "documents.thong-bao.number",
					"unknown field number: expected one of annex, archive, recipients, secretary, signer, to",
					"trường number không có trong định dạng: cần một trong các trường annex, archive, recipients, secretary, signer, to"},
				{7, 21, "render.font",
					"unknown field font: expected one of electronic, fonts, formats, kinds, sort, templates",
					"trường font không có trong định dạng: cần một trong các trường electronic, fonts, formats, kinds, sort, templates"},
				{8, 1, "signer",
					"unknown field signer: expected one of documents, issuer, render",
					"trường signer không có trong định dạng: cần một trong các trường documents, issuer, render"},
			},
		},
		{
			name: "values of the wrong type",
			src: src(
				"issuer:",
				"  - SỞ NỘI VỤ",
				"documents:",
				"  bien-ban:",
				"    annex: có",
				"    signer:",
				"      titles: CHỦ TỌA",
				"      name: [Nguyễn Văn An]",
				"  thong-bao: [VT]",
				"render:",
				"  kinds: thong-bao",
			),
			want: []want{
				{2, 3, "issuer", "expected a group of fields (key: value)", "cần một nhóm trường (khóa: giá trị)"},
				{5, 12, "documents.bien-ban.annex", "expected true or false", "cần true hoặc false"},
				{7, 15, "documents.bien-ban.signer.titles", "expected a list", "cần một danh sách"},
				{8, 13, "documents.bien-ban.signer.name", "expected text", "cần văn bản"},
				{9, 14, "documents.thong-bao", "expected a group of fields (key: value)", "cần một nhóm trường (khóa: giá trị)"},
				{11, 10, "render.kinds", "expected a list", "cần một danh sách"},
			},
		},
		{
			name: "an unknown kind of body",
			src:  src("issuer:", "  type: so"),
			want: []want{
				{2, 9, "issuer.type",
					"unknown value so: expected one of cum-thi-dua, khoi-thi-dua, ubnd, hdnd, truong, dang, doan-the, hoi-dong, co-quan",
					"không có giá trị so: cần một trong các giá trị cum-thi-dua, khoi-thi-dua, ubnd, hdnd, truong, dang, doan-the, hoi-dong, co-quan"},
			},
		},
		{
			name: "bad render values",
			src: src(
				"render:",
				"  sort: tên",
				"  formats: [pdf, html, pdf]",
				"  kinds: [thong-bao, \"\", thong-bao]",
			),
			want: []want{
				{2, 9, "render.sort",
					"unknown sort order tên: expected ten, or a blank for the order of the file",
					"không có thứ tự tên: cần ten, hoặc để trống để giữ thứ tự trong tệp"},
				{3, 18, "render.formats[1]", "unknown format html: expected one of pdf, docx, xlsx", "không có định dạng html: cần một trong các định dạng pdf, docx, xlsx"},
				{3, 24, "render.formats[2]", "pdf is listed twice", "pdf có hai lần trong danh sách"},
				{4, 22, "render.kinds[1]", "missing the kind of document", "thiếu loại văn bản"},
				{4, 26, "render.kinds[2]", "thong-bao is listed twice", "thong-bao có hai lần trong danh sách"},
			},
		},
		{
			name: "folders that are not there",
			src: src(
				"render:",
				"  fonts: ./khong-co",
				"  templates: hoinghi.yaml",
			),
			want: []want{
				{2, 10, "render.fonts", "the folder <dir>/khong-co does not exist", "không có thư mục <dir>/khong-co"},
				{3, 14, "render.templates", "<dir>/hoinghi.yaml is not a folder", "<dir>/hoinghi.yaml không phải là thư mục"},
			},
		},
		{
			name: "a blank kind",
			src:  src("documents:", "  \"\": {archive: VT}"),
			want: []want{{2, 3, "documents", "missing the kind of document", "thiếu loại văn bản"}},
		},
		{
			name: "malformed YAML",
			src:  src("issuer:", "\tname: SỞ NỘI VỤ"),
			want: []want{{2, 1, "", "not valid YAML or JSON: ", "không phải YAML hoặc JSON hợp lệ: "}},
		},
		{
			name: "two offices in one file",
			src:  src("issuer: {name: SỞ NỘI VỤ}", "---", "issuer: {name: SỞ TƯ PHÁP}"),
			want: []want{{3, 1, "", "a profile holds one office: found a second YAML document", "mỗi tệp hồ sơ chứa thông tin một cơ quan: tìm thấy tài liệu YAML thứ hai"}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName)
			writeFile(t, path, tc.src)
			p, err := Load(path)
			var ps diag.List
			if !errors.As(err, &ps) {
				t.Fatalf("got %v (%T), want Problems", err, err)
			}
			if p != nil {
				t.Error("a profile was returned with problems")
			}
			if len(ps) != len(tc.want) {
				t.Errorf("got %d problems, want %d:\n%v", len(ps), len(tc.want), ps)
			}
			checkProblems(t, ps, tc.want, path, strings.NewReplacer("<dir>", dir))
		})
	}
}

// checkProblems compares the problems as the command prints them, in both
// languages, line by line. A message that ends with ": " is a prefix, for
// the parser's own words follow it.
func checkProblems(t *testing.T, ps diag.List, ws []want, file string, r *strings.Replacer) {
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
			line := fmt.Sprintf("%s:%d:%d: ", file, w.line, w.col)
			if w.path != "" {
				line += w.path + ": "
			}
			line += r.Replace(l.msg(w))
			if got := l.lines[i]; got != line && !(strings.HasSuffix(line, ": ") && strings.HasPrefix(got, line)) {
				t.Errorf("%s:\n got %s\nwant %s", l.tag, got, line)
			}
		}
	}
}

func TestCheck(t *testing.T) {
	path := officeFolder(t, src(
		"issuer:",
		"  name: SỞ NỘI VỤ 🏛",
		"documents:",
		"  thong-bao: {archive: VT}",
		"  cong-van: {archive: VT}",
		"render:",
		"  kinds: [bien-ban, ke-hoach]",
		"  fonts: phong",
	))
	p, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	// The fonts of the test draw Latin with the Vietnamese letters; the
	// folder names of render are never drawn.
	covers := func(r rune) bool { return r < 0x0250 || r >= 0x1E00 && r <= 0x1EFF }
	err = p.Check(meeting.Options{Kinds: []string{"thong-bao", "bao-cao", "bien-ban"}, Covers: covers})
	var ps diag.List
	if !errors.As(err, &ps) {
		t.Fatalf("got %v (%T), want Problems", err, err)
	}
	ws := []want{
		{2, 9, "issuer.name", "the font cannot draw the character '🏛' (U+1F3DB)", "phông chữ không có ký tự '🏛' (U+1F3DB)"},
		{5, 3, "documents.cong-van",
			"unknown kind cong-van: expected one of thong-bao, bao-cao, bien-ban",
			"không có loại văn bản cong-van: cần một trong các loại thong-bao, bao-cao, bien-ban"},
		{7, 21, "render.kinds[1]",
			"unknown kind ke-hoach: expected one of thong-bao, bao-cao, bien-ban",
			"không có loại văn bản ke-hoach: cần một trong các loại thong-bao, bao-cao, bien-ban"},
	}
	if len(ps) != len(ws) {
		t.Errorf("got %d problems, want %d:\n%v", len(ps), len(ws), ps)
	}
	checkProblems(t, ps, ws, path, strings.NewReplacer())

	if err := p.Check(meeting.Options{}); err != nil {
		t.Errorf("with nothing to check against: %v", err)
	}
}

func TestFind(t *testing.T) {
	// Each case builds its own folder tree, with the user's config folder
	// inside it, so that no profile of the machine's takes part.
	for _, tc := range []struct {
		name    string
		files   []string // profiles to create, relative to the tree
		env     string   // HOINGHI_PROFILE, relative to the tree
		want    string   // relative to the tree; "" for none
		wantErr string   // the problem, in English, with <root> for the tree
	}{
		{name: "beside the meeting", files: []string{"cq/hop/hoinghi.yaml", "cq/hoinghi.yaml"}, want: "cq/hop/hoinghi.yaml"},
		{name: "in a parent folder", files: []string{"cq/hoinghi.yaml", "config/hoinghi/hoinghi.yaml"}, want: "cq/hoinghi.yaml"},
		{name: "a folder named hoinghi.yaml is passed by", files: []string{"cq/hop/hoinghi.yaml/", "cq/hoinghi.yaml"}, want: "cq/hoinghi.yaml"},
		{name: "the user's config folder", files: []string{"config/hoinghi/hoinghi.yaml"}, want: "config/hoinghi/hoinghi.yaml"},
		{name: "HOINGHI_PROFILE wins", files: []string{"cq/hop/hoinghi.yaml", "chung.yaml"}, env: "chung.yaml", want: "chung.yaml"},
		{name: "none found"},
		{name: "HOINGHI_PROFILE names a missing file", files: []string{"cq/hop/hoinghi.yaml"}, env: "khong-co.yaml",
			wantErr: "<root>/khong-co.yaml: the office profile named by HOINGHI_PROFILE does not exist"},
		{name: "HOINGHI_PROFILE names a folder", files: []string{"cq/"}, env: "cq",
			wantErr: "<root>/cq: the office profile named by HOINGHI_PROFILE is a folder, not a file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			t.Setenv("HOME", filepath.Join(root, "home"))
			t.Setenv("XDG_CONFIG_HOME", filepath.Join(root, "config"))
			t.Setenv("AppData", filepath.Join(root, "config"))
			cfg, err := os.UserConfigDir()
			if err != nil || cfg != filepath.Join(root, "config") {
				t.Skipf("the user's config folder is %s (%v), not one a test can set", cfg, err)
			}
			for dir := root; ; dir = filepath.Dir(dir) {
				if _, err := os.Stat(filepath.Join(dir, FileName)); err == nil {
					t.Skipf("%s has a %s of its own", dir, FileName)
				}
				if filepath.Dir(dir) == dir {
					break
				}
			}
			t.Setenv(EnvVar, "")
			if tc.env != "" {
				t.Setenv(EnvVar, filepath.Join(root, tc.env))
			}
			for _, f := range tc.files {
				if strings.HasSuffix(f, "/") {
					if err := os.MkdirAll(filepath.Join(root, f), 0o755); err != nil {
						t.Fatal(err)
					}
					continue
				}
				writeFile(t, filepath.Join(root, f), "issuer: {name: SỞ NỘI VỤ}\n")
			}
			meetingFile := filepath.Join(root, "cq", "hop", "hop.yaml")
			writeFile(t, meetingFile, "meeting: {title: Hội nghị}\n")

			got, err := Find(meetingFile)
			if tc.wantErr != "" {
				var ps diag.List
				if !errors.As(err, &ps) {
					t.Fatalf("got %q, %v (%T), want Problems", got, err, err)
				}
				if want := strings.ReplaceAll(tc.wantErr, "<root>", root); ps.Error() != want {
					t.Errorf("got %s\nwant %s", ps.Error(), want)
				}
				if vi := ps.In(lang.Vietnamese); !strings.Contains(vi, "HOINGHI_PROFILE") || strings.Contains(vi, "office profile") {
					t.Errorf("in Vietnamese: %s", vi)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := ""
			if tc.want != "" {
				want = filepath.Join(root, tc.want)
			}
			if got != want {
				t.Errorf("Find = %q, want %q", got, want)
			}
		})
	}

	t.Run("from a relative meeting path", func(t *testing.T) {
		root := t.TempDir()
		t.Setenv(EnvVar, "")
		t.Setenv("XDG_CONFIG_HOME", filepath.Join(root, "config"))
		writeFile(t, filepath.Join(root, FileName), "")
		t.Chdir(root)
		got, err := Find("hop.yaml")
		if err != nil || got != filepath.Join(root, FileName) {
			t.Errorf("Find(hop.yaml) = %q, %v", got, err)
		}
	})
}

// TestBlame: a font or template folder the profile names that fails to
// load is reported at the profile's field that names it, followed by the
// problems in the folder's own files; with no profile the error stays as
// it is.
func TestBlame(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "mau", "thong-bao.md"), "")
	path := filepath.Join(dir, FileName)
	writeFile(t, path, src("render:", "  fonts: mau", "  templates: mau"))
	p, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := filepath.Join(dir, "mau", "thong-bao.md")
	for _, tc := range []struct {
		field string
		err   error
		want  string
	}{
		{"render.fonts", lang.Errorf("%s is not a folder", "x"), path + ":2:10: render.fonts: x is not a folder"},
		{"render.templates", diag.Problem{File: tmpl, Line: 1, Col: 1, Msg: lang.M("%s is not a folder", "y")},
			path + ":3:14: render.templates: the folder named here has problems, listed below\n" + tmpl + ":1:1: y is not a folder"},
		{"render.templates", diag.List{{File: tmpl, Line: 2, Msg: lang.M("%s is not a folder", "z")}},
			path + ":3:14: render.templates: the folder named here has problems, listed below\n" + tmpl + ":2: z is not a folder"},
		{"render.fonts", os.ErrPermission, path + ":2:10: render.fonts: cannot use the folder: permission denied"},
	} {
		got := p.Blame(tc.field, tc.err)
		if got.Error() != tc.want {
			t.Errorf("Blame(%s, %v):\ngot  %s\nwant %s", tc.field, tc.err, got, tc.want)
		}
		if vi := diag.Text(got, lang.Vietnamese); strings.Contains(vi, "named here") {
			t.Errorf("in Vietnamese: %s", vi)
		}
	}
	err = lang.Errorf("%s is not a folder", "x")
	if got := (*Profile)(nil).Blame("render.fonts", err); got != err {
		t.Errorf("a nil profile changed the error to %v", got)
	}
}
