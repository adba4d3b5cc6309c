package content

import (
	"strconv"
	"strings"
	"text/template"

	"github.com/hoinghi/hoinghi/report/meeting"
	"github.com/hoinghi/hoinghi/report/vn"
	"github.com/hoinghi/hoinghi/report/when"
	"github.com/hoinghi/hoinghi/templates"
)

// Data is what a template sees: the meeting as the file gave it, and the
// values every document writes the same way, already in Vietnamese words.
// Each phrase is empty when the file does not say what it would assert,
// so that a template writes a sentence only under {{if}} of its facts.
// templates/README.md documents each field for template authors.
type Data struct {
	Issuer      meeting.Issuer
	Document    meeting.Document
	Meeting     meeting.Info
	Results     meeting.Results
	Discussion  []meeting.Speech
	Conclusions []string
	Tasks       []meeting.Task

	// Name and Code are the kind's type name ("THÔNG BÁO") and code ("TB").
	Name, Code string
	// Number is the number and symbol: "05/TB-CTĐ".
	Number string
	// Abstract is the document's trích yếu, from the file or the kind's
	// default; the body may refer to it.
	Abstract string
	// Date is the document's date: "ngày 31 tháng 7 năm 2023".
	Date string
	// Day is the meeting's days: "ngày 28 tháng 7 năm 2023", "ngày 15 và
	// 16 tháng 10 năm 2024", "sáng ngày 12 tháng 3 năm 2025"; blanks when
	// not known.
	Day string
	// Start and End are the meeting's times: "08 giờ 00 phút, ngày 28
	// tháng 7 năm 2023"; blanks when not known.
	Start, End string
	// Period and Next are the periods reviewed and planned: "6 tháng đầu
	// năm 2023", "6 tháng cuối năm 2023"; empty when there is none.
	Period, Next string

	// Type is the kind of meeting (a code of meeting.MeetingTypes, or
	// empty); Noun what the documents call it: "Hội nghị", "Phiên họp",
	// "Cuộc họp", "Hội thảo", "Tọa đàm".
	Type, Noun string
	// Review is "sơ kết" or "tổng kết" for such a meeting, else empty;
	// Subject what it reviews ("công tác thi đua, khen thưởng"); Reviewed
	// the three with the period: "sơ kết công tác thi đua, khen thưởng 6
	// tháng đầu năm 2023".
	Review, Subject, Reviewed string
	// Organizer is who holds the meeting and IssuerName the issuing
	// agency, both as a sentence writes them.
	Organizer, IssuerName string
	// Held is the title as a sentence with the organizer as its subject
	// writes it: without the "của UBND xã Tân An" that would repeat the
	// organizer ("UBND xã Tân An tổ chức Phiên họp thường kỳ tháng 9"),
	// and with a common noun that starts it in lower case ("họp", "sinh
	// hoạt"); Title is the whole title with that noun in lower case.
	Held, Title string
	// Named tells that the title itself names the organizer ("Phiên họp
	// Thường trực HĐND huyện …"), so that a sentence says it was held
	// rather than who held it; SelfChaired that the organizer alone chairs
	// it ("Sở Nội vụ tổ chức và chủ trì …").
	Named, SelfChaired bool
	// Listed tells that the attendance list goes with the documents: the
	// file says it is complete, or the document attaches it.
	Listed bool
	// Before tells a document dated before the meeting: a report to be
	// presented to it, which cannot tell how it went.
	Before bool
	// Group is "Cụm" or "Khối" when a Cụm or Khối thi đua holds the
	// meeting, whose units are then its member units; else empty.
	Group string
	// Party tells that a Party body issues the documents.
	Party bool
	// Chairs are the chairs, each as a phrase: "đồng chí Phạm Duy Hưng,
	// Phó Chủ tịch UBND tỉnh Bắc Kạn", "đồng chí Chủ tịch UBND xã",
	// "Sở Nội vụ". Chair is who concludes: "đồng chí chủ trì", "các đồng
	// chí chủ trì", an organization, or "chủ trì Hội nghị".
	Chairs []string
	Chair  string
	// Attending is who attended, as a phrase: "đại diện 7 đơn vị thành
	// viên: …; trưởng các thôn, bản"; empty when the file names none.
	Attending string
	// Headcount is how many attended, "37/40 đại biểu" or "khoảng 60 đại
	// biểu", and Presence the minutes' sentence without its full stop,
	// "Có mặt 37/40 đại biểu, vắng 3"; both empty when the file does not
	// tell.
	Headcount, Presence string
	// Invited, Present and Absent are the counts as far as known ("37",
	// "khoảng 60"), empty when not.
	Invited, Present, Absent string
	// Heard is the report a sơ kết or tổng kết hears: "báo cáo sơ kết …";
	// empty for other meetings, of which the file tells what they heard
	// only through Agenda.
	Heard string
	// Agenda is the items of meeting.agenda joined as a sentence lists
	// them: "báo cáo tình hình …; kế hoạch …"; empty when none.
	Agenda string
	// HeldAs is "theo hình thức trực tuyến" (or "… trực tiếp kết hợp
	// trực tuyến") when the title does not already say it; else empty.
	HeldAs string
	// Mode is "trực tuyến" or "trực tiếp kết hợp trực tuyến" for such a
	// meeting; Points its online points joined: "Điểm cầu A, Điểm cầu B".
	Mode, Points string
	// Audience is who a notice is for: "các đơn vị thành viên", "các cơ
	// quan, đơn vị, cá nhân có liên quan".
	Audience string
}

func newData(m *meeting.Meeting, d meeting.Document, front templates.Front, medium Medium) Data {
	n := meeting.Infer(m)
	docDate, _ := d.Date.Known()
	start, _ := m.Info.Start.Known()
	end, _ := m.Info.End.Known()
	data := Data{
		Issuer: m.Issuer, Document: d, Meeting: m.Info, Results: m.Results,
		Discussion: m.Discussion, Conclusions: m.Conclusions, Tasks: m.Tasks,
		Name:       front.Name,
		Code:       front.Code,
		Number:     number(d, front.Code, m.Issuer.Code, n.IssuerType == meeting.Party, medium),
		Date:       docDate.Words(),
		Day:        when.Days(start, end),
		Start:      start.Words(),
		End:        end.Words(),
		Period:     n.Period.Words(),
		Next:       n.Next.Words(),
		Type:       n.Type,
		Noun:       n.Noun,
		Subject:    n.Subject,
		Organizer:  n.Organizer,
		IssuerName: n.IssuerText,
		Held:       held(m.Info.Title, n.Organizer),
		Title:      lowerNoun(collapse(m.Info.Title)),
		Party:      n.IssuerType == meeting.Party,
		Points:     strings.Join(trimAll(m.Info.Online), "; "),
		Listed:     len(m.Info.Attendees) > 0 && (m.Info.Attendance.Complete || d.Annex),
	}
	switch n.Type {
	case meeting.Review:
		data.Review = "sơ kết"
	case meeting.FinalReview:
		data.Review = "tổng kết"
	}
	switch n.OrganizerType {
	case meeting.Cluster:
		data.Group = "Cụm"
	case meeting.Bloc:
		data.Group = "Khối"
	}
	switch n.Mode {
	case "truc-tuyen":
		data.Mode = "trực tuyến"
	case "ket-hop":
		data.Mode = "trực tiếp kết hợp trực tuyến"
	}
	switch {
	case data.Group != "":
		data.Audience = "các đơn vị thành viên"
	case data.Party:
		data.Audience = "các tổ chức đảng, đảng viên có liên quan"
	default:
		data.Audience = "các cơ quan, đơn vị, cá nhân có liên quan"
	}
	if data.Review != "" {
		data.Reviewed = collapse(data.Review + " " + data.Subject + " " + data.Period)
	}
	if hw, _ := expanded(data.Held); n.Organizer != "" {
		data.Named = names(hw, leading(n.Organizer))
	}
	if len(m.Info.Chairs) == 1 && !isPerson(m.Info.Chairs[0]) {
		data.SelfChaired = vn.Fold(m.Info.Chairs[0].Unit) == vn.Fold(n.Organizer)
	}
	if medium == Electronic {
		data.Date = when.RoomWords()
	}
	if docDate.HasDay() && start.HasDay() && docDate.Time().Before(start.Date.Time()) {
		data.Before = true
	}
	data.Chairs, data.Chair = chairs(m.Info.Chairs, n.Noun)
	data.Attending = attending(m.Info, data.Group != "")
	data.headcount(m.Info.Headcount(), n.Type)
	if data.Reviewed != "" {
		data.Heard = "báo cáo " + data.Reviewed
		if data.Next != "" {
			data.Heard += ", phương hướng, nhiệm vụ " + data.Next
		}
	}
	items := trimAll(m.Info.Agenda)
	for i := range items {
		items[i] = lowerFirst(items[i])
	}
	data.Agenda = strings.Join(items, "; ")
	if data.Mode != "" && !strings.Contains(vn.Fold(m.Info.Title), "trực tuyến") {
		data.HeldAs = "theo hình thức " + data.Mode
	}
	return data
}

// held is title without a last "của …" naming the organizer, in full
// or by the start of its name, and with its common noun in lower case.
func held(title, organizer string) string {
	title = lowerNoun(collapse(title))
	i := strings.LastIndex(title, " của ")
	if i < 0 || organizer == "" || !strings.HasPrefix(vn.Fold(organizer), vn.Fold(title[i+len(" của "):])) {
		return title
	}
	return strings.TrimRight(title[:i], ",")
}

// genericNouns start titles without naming the one meeting: inside a
// sentence they take no capital ("tổ chức họp Hội đồng …", "kết quả cuộc
// họp giao ban …"), unlike "Hội nghị" and "Phiên họp".
var genericNouns = []string{"họp", "cuộc họp", "sinh hoạt", "buổi làm việc", "buổi sinh hoạt"}

func lowerNoun(title string) string {
	f := vn.Fold(title)
	for _, n := range genericNouns {
		if strings.HasPrefix(f, n+" ") {
			for i, r := range title {
				return strings.ToLower(string(r)) + title[i+len(string(r)):]
			}
		}
	}
	return title
}

// leading is an organizer's name up to the administrative unit of its
// place ("UBND huyện" of "UBND huyện Lục Ngạn"), of at least two words,
// by which a title may name it.
func leading(organizer string) string {
	words := strings.Fields(organizer)
	for i := 1; i < len(words)-1; i++ {
		if placeStart(strings.Join(words[i:], " ")) {
			return strings.Join(words[:i+1], " ")
		}
	}
	return organizer
}

// placeStart tells a name that starts with an administrative unit: "tỉnh
// Quảng Ngãi", "huyện Hải Hậu".
func placeStart(s string) bool {
	f := vn.Fold(s)
	for _, w := range []string{"xã", "phường", "thị trấn", "huyện", "quận", "thị xã", "thành phố", "tỉnh"} {
		if strings.HasPrefix(f, w+" ") {
			return true
		}
	}
	return false
}

// chairs writes each chair as a phrase, and who concludes the meeting.
// Several chairs who are all comrades conclude as "các đồng chí chủ
// trì"; chairs among whom are an organization or a guest addressed
// otherwise are each named.
func chairs(ps []meeting.Person, noun string) (phrases []string, concluder string) {
	comrades := 0
	var one meeting.Person
	for _, p := range ps {
		if s := person(p); s != "" {
			phrases = append(phrases, s)
			one = p
			if isPerson(p) && honorific(p.Honorific) == "đồng chí" {
				comrades++
			}
		}
	}
	switch {
	case len(phrases) == 0:
		return nil, "chủ trì " + noun
	case len(phrases) == 1 && isPerson(one):
		return phrases, honorific(one.Honorific) + " chủ trì"
	case len(phrases) == 1:
		return phrases, phrases[0]
	case comrades == len(phrases):
		return phrases, "các đồng chí chủ trì"
	}
	return phrases, andList(phrases)
}

// isPerson tells a chair that is a person — named, or known by position
// — from one that is an organization (only its unit is given).
func isPerson(p meeting.Person) bool {
	return strings.TrimSpace(p.Name) != "" || strings.TrimSpace(p.Position) != ""
}

// attending writes who attended: the units — a cluster's as its member
// units — and the groups by role.
func attending(info meeting.Info, members bool) string {
	var parts []string
	units := trimAll(info.Units)
	switch {
	case len(units) > 0 && members:
		parts = append(parts, "đại diện "+strconv.Itoa(len(units))+" đơn vị thành viên: "+strings.Join(units, ", "))
	case len(units) == 1:
		parts = append(parts, "đại diện "+units[0])
	case len(units) > 1:
		parts = append(parts, "đại diện các đơn vị: "+strings.Join(units, ", "))
	}
	for _, g := range trimAll(info.Participants) {
		parts = append(parts, lowerFirst(g))
	}
	return strings.Join(parts, "; ")
}

// headcount writes the counts the file gives, in the word for those who
// attend a meeting of its type.
func (data *Data) headcount(h meeting.Headcount, typ string) {
	who := "đại biểu"
	if typ == meeting.CellMeeting {
		who = "đảng viên"
	}
	words := func(n meeting.Number) string {
		if n.Known {
			return n.Words()
		}
		return ""
	}
	data.Invited, data.Present, data.Absent = words(h.Invited), words(h.Present), words(h.Absent)
	switch {
	case h.Present.Exact() && h.Invited.Exact():
		data.Headcount = h.Present.Words() + "/" + h.Invited.Words() + " " + who
	case h.Present.Known:
		data.Headcount = h.Present.Words() + " " + who
	}
	var s []string
	switch {
	case data.Headcount != "":
		s = append(s, "Có mặt "+data.Headcount)
	case h.Invited.Known:
		s = append(s, "Số "+who+" được mời: "+h.Invited.Words())
	}
	if h.Absent.Known && (h.Absent.N > 0 || h.Absent.Approx != "") {
		s = append(s, "vắng "+h.Absent.Words())
	}
	if len(s) > 0 {
		data.Presence = vn.Capitalize(strings.Join(s, ", "))
	}
}

// commonNouns start the items a sentence takes in lower case: "nghe báo
// cáo …", "có trưởng các thôn, bản". A proper name keeps its capital.
// A position of a named office keeps its capital ("Chủ tịch Ủy ban MTTQ
// xã", Phụ lục II of Decree 30); only a plural one does not ("trưởng các
// thôn, bản").
var commonNouns = []string{
	"báo cáo", "tờ trình", "dự thảo", "dự kiến", "tổng hợp", "đề nghị", "kế hoạch", "đề án",
	"đánh giá", "phương hướng", "triển khai", "thông qua", "xem xét", "cho ý kiến", "thu, nộp",
	"tham luận", "đề dẫn", "nhiệm vụ", "thông tin", "thông báo", "chuyên đề", "trả lời", "kết luận",
	"nghệ nhân", "có mặt", "vắng", "số", "hoạt động", "sơ kết", "tổng kết",
	"chương trình", "tình hình", "kết quả",
	"danh sách", "phương án", "quy chế", "ý kiến", "công tác", "việc", "các", "những", "đại diện",
	"lãnh đạo", "cán bộ", "công chức", "viên chức", "giáo viên", "đảng viên", "đoàn viên", "hội viên",
	"thành viên", "người", "toàn thể", "nhân dân", "học sinh", "cử tri", "chuyên viên",
	"trưởng các", "phó trưởng các", "bí thư các", "chủ tịch các", "tổ trưởng các", "hiệu trưởng các",
}

// lowerFirst writes an item's first letter in lower case when it starts
// with a common noun, or with a position or a group of many ("Chủ tịch
// UBND các xã", "Tổ trưởng một số tổ"), so that it reads inside a
// sentence. A name of one body keeps its capital ("Ban Thường vụ Huyện
// ủy", "Sở Tư pháp").
func lowerFirst(s string) string {
	f := vn.Fold(s)
	lower := false
	for _, w := range commonNouns {
		if f == w || strings.HasPrefix(f, w+" ") || strings.HasPrefix(f, w+",") {
			lower = true
		}
	}
	words := strings.Fields(f)
	for i := 1; i < len(words) && i < 5 && !lower && !agencyStart(f); i++ {
		lower = words[i] == "các" || words[i] == "những" || words[i] == "một" && i+1 < len(words) && words[i+1] == "số"
	}
	if !lower {
		return s
	}
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// funcs are the helpers templates may call; templates/README.md documents
// each with an example.
var funcs = template.FuncMap{
	"upper": strings.ToUpper,
	"lower": strings.ToLower,
	"cap":   vn.Capitalize,
	"uncap": lowerFirst,
	"uncaps": func(list []string) []string {
		out := make([]string, len(list))
		for i, s := range list {
			out[i] = lowerFirst(s)
		}
		return out
	},
	"speaker": func(s meeting.Speech) string {
		return person(meeting.Person{Honorific: s.Honorific, Name: s.Speaker, Position: s.Position, Unit: s.Unit})
	},
	"unit": agencyStart,
	"blank": func(s string) string {
		if strings.TrimSpace(s) == "" {
			return vn.Blank
		}
		return strings.TrimSpace(s)
	},
	"join": func(sep string, list []string) (string, error) {
		size := len(sep) * max(len(list)-1, 0)
		for _, s := range list {
			size += len(s)
		}
		if err := templates.Fits("join", size); err != nil {
			return "", err
		}
		return strings.Join(list, sep), nil
	},
	"list": andList,
	"clock": func(d meeting.DateTime) string {
		m, _ := d.Known()
		return m.ClockWords()
	},
	"date": func(d meeting.Date) string {
		v, _ := d.Known()
		return v.Words()
	},
	"deadline": func(d meeting.Date) string {
		v, _ := d.Known()
		return v.Numeric()
	},
	"person":  person,
	"persons": func(ps []meeting.Person) string { return andList(mapPersons(ps)) },
	"roman":   func(n int) (string, error) { return numbered("roman", n, vn.Roman) },
	"letter":  func(i int) (string, error) { return numbered("letter", i, vn.Letter) },
	"inc":     func(i int) int { return i + 1 },
	"table":   markdownTable,
	"trim":    func(s string) string { return strings.TrimRight(strings.TrimSpace(s), ".;") },
}

// numbered is f(n) for the function fn, when n is a number a template
// may count to: a huge one would make a huge text.
func numbered(fn string, n int, f func(int) string) (string, error) {
	if err := templates.Counts(fn, n); err != nil {
		return "", err
	}
	return f(n), nil
}

// person writes a person as a sentence names them, leaving out what is
// not known: "đồng chí Phạm Duy Hưng, Phó Chủ tịch UBND tỉnh Bắc Kạn"; one
// known only by position, "đồng chí Chủ tịch UBND xã Tân An"; an
// organization, of which only the unit is given, by its name; nothing,
// "".
func person(p meeting.Person) string {
	name, pos, unit := collapse(p.Name), collapse(p.Position), collapse(p.Unit)
	switch {
	case name == "" && pos == "":
		return unit
	case name == "" && representative(pos):
		// "Đại diện hộ dân khu phố 3" speaks for others: not a comrade.
		return withUnit(pos, unit)
	}
	s := honorific(p.Honorific) + " "
	switch {
	case name != "" && pos != "":
		s += name + ", " + withUnit(pos, unit)
	case name != "" && unit != "":
		s += name + ", " + unit
	case name != "":
		s += name
	default:
		s += withUnit(pos, unit)
	}
	if r := collapse(p.Role); r != "" {
		s += " (" + r + ")"
	}
	return s
}

// representative tells a position that is no office but someone
// speaking for others: "Đại diện hộ dân", "Người dân khu phố 3".
func representative(pos string) bool {
	f := vn.Fold(pos)
	for _, w := range []string{"đại diện", "người", "hộ", "nhân dân", "cử tri", "các", "một"} {
		if strings.HasPrefix(f, w+" ") {
			return true
		}
	}
	return false
}

// honorific is how a sentence addresses a person: "đồng chí" unless the
// file says otherwise ("ông", "bà").
func honorific(h string) string {
	if h = collapse(h); h != "" {
		return strings.ToLower(h)
	}
	return "đồng chí"
}

// abbreviated are the abbreviations a position or a unit may use for the
// same words, compared as their full form.
var abbreviated = map[string][]string{
	"ubnd": {"ủy", "ban", "nhân", "dân"}, "hđnd": {"hội", "đồng", "nhân", "dân"},
	"mttq": {"mặt", "trận", "tổ", "quốc"},
}

// expanded is a text's words for comparison, each with the index of the
// word of the text it comes from.
func expanded(s string) (words []string, from []int) {
	for i, w := range strings.Fields(vn.Fold(s)) {
		w = strings.Trim(w, ",;.")
		if full, ok := abbreviated[w]; ok {
			for _, f := range full {
				words, from = append(words, f), append(from, i)
			}
			continue
		}
		words, from = append(words, w), append(from, i)
	}
	return words, from
}

// withUnit writes a position with its unit, saying the unit once: a
// position that names it already stands alone ("Phó Chủ tịch UBND tỉnh
// Bắc Kạn"); a part of it that ends with the unit's beginning is
// completed ("Chủ tịch UBND xã" of "UBND xã Tân An" → "Chủ tịch UBND xã
// Tân An"); a bare title takes the unit after it ("Hiệu trưởng Trường
// THCS Lê Lợi"); any other position is followed by it ("Phó Trưởng đoàn,
// Thành phố Gimhae").
func withUnit(pos, unit string) string {
	if unit == "" {
		return pos
	}
	pw, _ := expanded(pos)
	if names(pw, unit) {
		return pos
	}
	if open := strings.Index(unit, " ("); open > 0 && strings.HasSuffix(unit, ")") && names(pw, unit[:open]) {
		// "Thành phố Gimhae (Hàn Quốc)" is named by "thành phố Gimhae".
		return pos
	}
	parts := strings.Split(pos, ", ")
	uw, from := expanded(unit)
	for i, part := range parts {
		sw, _ := expanded(part)
		for k := min(len(sw), len(uw)-1); k >= 1; k-- {
			if strings.Join(sw[len(sw)-k:], " ") == strings.Join(uw[:k], " ") && from[k] != from[k-1] {
				parts[i] = part + " " + strings.Join(strings.Fields(unit)[from[k]:], " ")
				return strings.Join(parts, ", ")
			}
		}
	}
	if len(strings.Fields(parts[0])) <= 3 && agencyStart(unit) {
		parts[0] += " " + unit
		return strings.Join(parts, ", ")
	}
	return pos + ", " + unit
}

// names reports whether the words w of a position name the unit.
func names(w []string, unit string) bool {
	uw, _ := expanded(unit)
	return strings.Contains(" "+strings.Join(w, " ")+" ", " "+strings.Join(uw, " ")+" ")
}

// agencyHeads start the names of agencies that a title precedes without
// a comma: "Giám đốc Sở Tài chính", "Chuyên viên Văn phòng UBND tỉnh".
var agencyHeads = []string{
	"sở", "phòng", "ban", "bộ", "vụ", "cục", "chi cục", "văn phòng", "trường", "trung tâm", "viện",
	"ubnd", "ủy ban", "hđnd", "hội đồng", "công đoàn", "liên đoàn", "đảng ủy", "chi bộ", "huyện ủy",
	"tỉnh ủy", "thành ủy", "công an", "bệnh viện", "đài", "báo", "kho bạc", "chi nhánh",
}

func agencyStart(unit string) bool {
	f := vn.Fold(unit)
	for _, h := range agencyHeads {
		if strings.HasPrefix(f, h+" ") {
			return true
		}
	}
	return false
}

func mapPersons(ps []meeting.Person) []string {
	var out []string
	for _, p := range ps {
		if s := person(p); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// andList joins items as Vietnamese prose does: "A", "A và B", "A; B và
// C".
func andList(items []string) string {
	switch len(items) {
	case 0:
		return vn.Blank
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], "; ") + " và " + items[len(items)-1]
}

// markdownTable writes a results table as a Markdown table, with a cell's
// pipes escaped so that they stay text.
func markdownTable(t meeting.Table) string {
	if len(t.Columns) == 0 {
		return ""
	}
	var b strings.Builder
	row := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + strings.ReplaceAll(collapse(c), "|", `\|`) + " |")
		}
		b.WriteString("\n")
	}
	row(t.Columns)
	sep := make([]string, len(t.Columns))
	for i := range sep {
		sep[i] = "---"
	}
	row(sep)
	for _, r := range t.Rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = c.Raw
		}
		row(cells)
	}
	return b.String()
}
