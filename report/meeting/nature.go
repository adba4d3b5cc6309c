package meeting

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/vn"
	"github.com/hoinghi/hoinghi/report/when"
)

// Choice is one value a field may take, with what it means to a clerk.
type Choice struct {
	Code string
	Text lang.Message
}

// Codes lists the codes of choices.
func Codes(cs []Choice) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Code
	}
	return out
}

// The kinds of body that issue documents or hold meetings.
const (
	Cluster    = "cum-thi-dua"
	Bloc       = "khoi-thi-dua"
	Committee  = "ubnd"
	Council    = "hdnd"
	School     = "truong"
	Party      = "dang"
	MassOrg    = "doan-the"
	Board      = "hoi-dong"
	AgencyBody = "co-quan"
)

// BodyTypes are the kinds of body, for issuer.type and
// meeting.organizer_type.
var BodyTypes = []Choice{
	{Cluster, lang.M("emulation cluster")},
	{Bloc, lang.M("emulation bloc")},
	{Committee, lang.M("people's committee")},
	{Council, lang.M("people's council, its standing committee")},
	{School, lang.M("school")},
	{Party, lang.M("Party organization: cell, Party committee, district or provincial committee, standing board")},
	{MassOrg, lang.M("mass organization, trade union, Fatherland Front")},
	{Board, lang.M("council: emulation and awards, review")},
	{AgencyBody, lang.M("other agency or unit")},
}

// The kinds of meeting the built-in templates word apart.
const (
	Review        = "so-ket"
	FinalReview   = "tong-ket"
	Session       = "phien-hop-thuong-ky"
	StandingHDND  = "phien-hop-thuong-truc"
	Briefing      = "giao-ban"
	Thematic      = "chuyen-de"
	RoundTable    = "toa-dam"
	Workshop      = "hoi-thao"
	AwardReview   = "binh-xet"
	CellMeeting   = "hop-chi-bo"
	PartyCommitte = "hop-dang-uy"
	StandingParty = "hop-ban-thuong-vu"
	Executive     = "hop-ban-chap-hanh"
	InterAgency   = "hop-lien-nganh"
	Urgent        = "hop-dot-xuat"
)

// MeetingTypes are the kinds of meeting, for meeting.type.
var MeetingTypes = []Choice{
	{Review, lang.M("interim review conference")},
	{FinalReview, lang.M("final review conference")},
	{Session, lang.M("regular session of the people's committee")},
	{StandingHDND, lang.M("session of the council's standing committee")},
	{Briefing, lang.M("briefing meeting")},
	{Thematic, lang.M("thematic conference")},
	{RoundTable, lang.M("round table")},
	{Workshop, lang.M("workshop")},
	{AwardReview, lang.M("meeting to review emulation and awards")},
	{CellMeeting, lang.M("Party cell meeting")},
	{PartyCommitte, lang.M("Party committee meeting")},
	{StandingParty, lang.M("standing board meeting")},
	{Executive, lang.M("executive board meeting of a mass organization or union")},
	{InterAgency, lang.M("inter-agency meeting")},
	{Urgent, lang.M("urgent meeting")},
}

// Modes are how a meeting is held, for meeting.mode.
var Modes = []Choice{
	{"truc-tiep", lang.M("in person")},
	{"truc-tuyen", lang.M("online")},
	{"ket-hop", lang.M("in person and online")},
}

// slug is the shape of a code: a value of that shape that names no code
// is a typing slip, not a label.
var slug = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Nature is what kind of meeting a file describes, as it says or as its
// title and names imply. Every document reads its wording from here, so
// that "Cụm", "sơ kết" or "đơn vị thành viên" appear only where true.
type Nature struct {
	// Type is a code of MeetingTypes, or "" for a meeting of no known
	// type; Label is the file's own label for it, if any.
	Type, Label string
	// Noun is what the documents call the meeting inside a sentence:
	// "Hội nghị", "Phiên họp", "Hội thảo", "Tọa đàm", "Kỳ họp" — names of
	// the one meeting, with a capital — or "cuộc họp".
	Noun string
	// Organizer is the organizer's name as written in a sentence, and
	// OrganizerType its kind; IssuerType is the issuing agency's kind and
	// IssuerText its name as written in a sentence ("Ủy ban nhân dân xã
	// Tân An", where the header has capitals).
	Organizer, OrganizerType string
	IssuerType, IssuerText   string
	// Subject is what a sơ kết or tổng kết reviews.
	Subject string
	// Period and Next are the periods reviewed and planned.
	Period, Next when.Period
	// Mode is a code of Modes, or "" when the file does not tell.
	Mode string
	// Inferred says what was taken from elsewhere than its own field.
	Inferred []Inference
}

// Inference is a value worked out from other fields, for validate
// --explain: the field, the value, and what it came from.
type Inference struct {
	Path, Value string
	From        lang.Message
}

// Reviews reports whether the meeting is a sơ kết or tổng kết.
func (n Nature) Reviews() bool { return n.Type == Review || n.Type == FinalReview }

// Infer works out the nature of m from what it states, and records
// every value it had to infer.
func Infer(m *Meeting) Nature {
	var n Nature
	info := &m.Info
	title := vn.Fold(info.Title)
	infer := func(path, value, from string) {
		if value != "" {
			n.Inferred = append(n.Inferred, Inference{path, value, lang.M(from)})
		}
	}

	n.IssuerType = strings.TrimSpace(m.Issuer.Type)
	if n.IssuerType == "" {
		n.IssuerType = bodyType(m.Issuer.Name)
		infer("issuer.type", n.IssuerType, "the name of the issuing agency")
	}
	n.IssuerText = issuerText(m)

	n.Organizer = strings.TrimSpace(info.Organizer)
	if n.Organizer == "" {
		n.Organizer = n.IssuerText
		infer("meeting.organizer", n.Organizer, "the issuing agency")
	}
	n.OrganizerType = strings.TrimSpace(info.OrganizerType)
	if n.OrganizerType == "" {
		n.OrganizerType = bodyType(n.Organizer)
		infer("meeting.organizer_type", n.OrganizerType, "the organizer's name")
	}

	switch t := strings.TrimSpace(info.Type); {
	case slices.Contains(Codes(MeetingTypes), t):
		n.Type = t
	case t != "":
		n.Label = t
		n.Type = meetingType(vn.Fold(t), n.OrganizerType)
	default:
		n.Type = meetingType(title, n.OrganizerType)
		infer("meeting.type", n.Type, "the title")
	}
	n.Noun = noun(title)
	if n.Noun == "" && n.Label != "" {
		n.Noun = noun(vn.Fold(n.Label))
	}
	if n.Noun == "" {
		n.Noun = typeNouns[n.Type]
	}

	review, next := when.Find(info.Title)
	n.Period, _ = info.Period.Value()
	if n.Period.IsZero() {
		n.Period = review
		infer("meeting.period", review.Words(), "the title")
	}
	n.Next, _ = info.Next.Value()
	if n.Next.IsZero() {
		n.Next = next
		infer("meeting.next", next.Words(), "the title")
	}

	n.Subject = strings.TrimSpace(info.Subject)
	if n.Subject == "" && n.Reviews() {
		n.Subject = subject(info.Title)
		infer("meeting.subject", n.Subject, "the title")
	}

	n.Mode = strings.TrimSpace(info.Mode)
	if n.Mode == "" {
		switch {
		case len(info.Online) > 0 && strings.TrimSpace(info.Venue) != "":
			n.Mode = "ket-hop"
		case len(info.Online) > 0:
			n.Mode = "truc-tuyen"
		case strings.Contains(title, "trực tuyến") && (strings.Contains(title, "kết hợp") || strings.Contains(title, "trực tiếp")):
			n.Mode = "ket-hop"
		case strings.Contains(title, "trực tuyến"):
			n.Mode = "truc-tuyen"
		}
		infer("meeting.mode", n.Mode, "the title, the venue and the online points")
	}
	return n
}

// typeNouns name a meeting of each type in the documents, when its title
// does not start with a noun of its own.
var typeNouns = map[string]string{
	Review: "Hội nghị", FinalReview: "Hội nghị", Thematic: "Hội nghị",
	Session: "Phiên họp", StandingHDND: "Phiên họp",
	RoundTable: "Tọa đàm", Workshop: "Hội thảo",
	StandingParty: "Hội nghị", Executive: "Hội nghị",
	"": "cuộc họp", Briefing: "cuộc họp", AwardReview: "cuộc họp", CellMeeting: "cuộc họp",
	PartyCommitte: "cuộc họp", InterAgency: "cuộc họp", Urgent: "cuộc họp",
}

// noun is the meeting noun a title starts with, if any.
func noun(title string) string {
	for _, p := range []struct{ prefix, noun string }{
		{"hội nghị", "Hội nghị"}, {"phiên họp", "Phiên họp"}, {"kỳ họp", "Kỳ họp"},
		{"cuộc họp", "cuộc họp"}, {"họp", "cuộc họp"}, {"hội thảo", "Hội thảo"},
		{"buổi tọa đàm", "Tọa đàm"}, {"tọa đàm", "Tọa đàm"}, {"giao ban", "cuộc họp"},
		{"buổi làm việc", "buổi làm việc"},
	} {
		if title == p.prefix || strings.HasPrefix(title, p.prefix+" ") {
			return p.noun
		}
	}
	return ""
}

// typeWords tell the type of a meeting from the words of its title, the
// more telling first: a Ban Chấp hành that holds its sơ kết is a sơ kết.
var typeWords = []struct {
	words []string
	code  string
}{
	{[]string{"sơ kết"}, Review},
	{[]string{"tổng kết"}, FinalReview},
	{[]string{"bình xét", "xét khen thưởng", "xét thi đua", "xét tặng", "xét danh hiệu", "xét duyệt khen thưởng", "đề nghị khen thưởng"}, AwardReview},
	{[]string{"tọa đàm"}, RoundTable},
	{[]string{"hội thảo"}, Workshop},
	{[]string{"giao ban"}, Briefing},
	{[]string{"chuyên đề"}, Thematic},
	{[]string{"thường trực hđnd", "thường trực hội đồng nhân dân"}, StandingHDND},
	{[]string{"đột xuất", "khẩn cấp"}, Urgent},
	{[]string{"liên ngành"}, InterAgency},
	{[]string{"ban thường vụ"}, StandingParty},
	{[]string{"chi bộ"}, CellMeeting},
	{[]string{"đảng ủy", "huyện ủy", "tỉnh ủy", "thành ủy", "quận ủy", "thị ủy", "cấp ủy"}, PartyCommitte},
	{[]string{"ban chấp hành"}, Executive},
	{[]string{"thường kỳ"}, Session},
}

func meetingType(title, organizer string) string {
	for _, t := range typeWords {
		for _, w := range t.words {
			if containsWords(title, w) {
				if t.code == Session && organizer != Committee {
					return ""
				}
				return t.code
			}
		}
	}
	return ""
}

// containsWords reports whether the words w stand in s as whole words.
func containsWords(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(w)
		if (start == 0 || s[start-1] == ' ' || s[start-1] == '(') && (end == len(s) || !isLetter(s[end:])) {
			return true
		}
		i = start + 1
	}
}

func isLetter(s string) bool {
	for _, r := range s {
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return false
}

// bodyWords tell the kind of a body from its name. The first match
// wins: "Ban Thường vụ Tỉnh đoàn" is a mass organization, "Chi bộ Trường
// THCS …" a Party body, "Văn phòng HĐND và UBND" an agency.
var bodyWords = []struct {
	prefix bool
	words  []string
	code   string
}{
	{false, []string{"cụm thi đua"}, Cluster},
	{false, []string{"khối thi đua"}, Bloc},
	{true, []string{"văn phòng", "sở", "phòng", "ban quản lý", "trung tâm", "bộ", "cục", "chi cục", "tổng cục", "vụ", "viện"}, AgencyBody},
	{false, []string{"công đoàn", "liên đoàn lao động", "đoàn thanh niên", "đoàn tncs", "tỉnh đoàn", "huyện đoàn", "thành đoàn", "quận đoàn", "đoàn xã", "hội liên hiệp phụ nữ", "hội lhpn", "hội phụ nữ", "hội nông dân", "hội cựu chiến binh", "mặt trận tổ quốc", "ủy ban mttq", "mttq", "hội chữ thập đỏ", "đoàn thể"}, MassOrg},
	{true, []string{"chi bộ", "đảng bộ", "đảng ủy", "đảng đoàn", "ban cán sự đảng", "ban thường vụ", "ban chấp hành đảng bộ"}, Party},
	{false, []string{"huyện ủy", "tỉnh ủy", "thành ủy", "quận ủy", "thị ủy", "đảng ủy"}, Party},
	{true, []string{"trường"}, School},
	{false, []string{"hội đồng nhân dân", "hđnd"}, Council},
	{false, []string{"ủy ban nhân dân", "ubnd"}, Committee},
	{true, []string{"hội đồng"}, Board},
}

// bodyType tells what kind of body a name names; AgencyBody when nothing
// tells, "" for no name.
func bodyType(name string) string {
	n := vn.Fold(name)
	if n == "" {
		return ""
	}
	for _, b := range bodyWords {
		for _, w := range b.words {
			if b.prefix && (n == w || strings.HasPrefix(n, w+" ")) || !b.prefix && containsWords(n, w) {
				return b.code
			}
		}
	}
	return AgencyBody
}

// subject is what a sơ kết or tổng kết title says it reviews: the words
// after "sơ kết" or "tổng kết" up to the period or to what comes next
// ("Hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm" →
// "công tác thi đua, khen thưởng").
func subject(title string) string {
	words := strings.Fields(title)
	folded := strings.Fields(vn.Fold(title))
	if len(folded) != len(words) {
		return ""
	}
	start := -1
	for i := 0; i+1 < len(folded); i++ {
		if (folded[i] == "sơ" || folded[i] == "tổng") && strings.TrimRight(folded[i+1], ",") == "kết" {
			start = i + 2
			break
		}
	}
	if start < 0 {
		return ""
	}
	end := start
	for ; end < len(words); end++ {
		if subjectStops.MatchString(strings.Join(folded[end:], " ")) {
			break
		}
	}
	return strings.TrimRight(strings.Join(words[start:end], " "), ",;:. ")
}

// subjectStops end a subject: a period, or the start of what the
// meeting plans or of its organizer.
var subjectStops = regexp.MustCompile(`^(năm |năm học|6 tháng|9 tháng|quý |tháng \d|giai đoạn|nhiệm kỳ|đợt|triển khai|phương hướng|và triển khai|của |tại |\d{4})`)

// issuerText is the issuing agency's name as a sentence writes it. A
// header writes it in capitals, from which the case of a proper name
// cannot be told: the file's own spelling in another field is taken
// when it names the same agency, and the name itself when the file
// writes it in ordinary case; only then are capitals turned into
// ordinary case by the rules of Phụ lục II, which may miss a name.
func issuerText(m *Meeting) string {
	name := strings.Join(strings.Fields(m.Issuer.Name), " ")
	if name == "" {
		return ""
	}
	if name != strings.ToUpper(name) {
		return name
	}
	key := vn.Fold(name)
	candidates := []string{m.Info.Organizer}
	candidates = append(candidates, m.Info.Units...)
	for _, c := range m.Info.Chairs {
		candidates = append(candidates, c.Unit)
	}
	for _, a := range m.Info.Attendees {
		candidates = append(candidates, a.Unit)
	}
	// The same agency, or named in full ("Hội đồng Thi đua - Khen thưởng
	// tỉnh Quảng Ngãi" for "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG").
	for _, c := range candidates {
		if c = strings.Join(strings.Fields(c), " "); vn.Fold(c) == key || strings.HasPrefix(vn.Fold(c), key+" ") {
			return c
		}
	}
	return vn.OrdinaryCase(name)
}

// Number is a count of people as far as it is known: Approx is the word
// of an approximate count ("khoảng"), blank for an exact one.
type Number struct {
	Approx string
	N      int
	Known  bool
}

// Exact reports whether the count is known exactly.
func (n Number) Exact() bool { return n.Known && n.Approx == "" }

// Words writes the count: "37", "khoảng 60".
func (n Number) Words() string {
	if n.Approx != "" {
		return n.Approx + " " + strconv.Itoa(n.N)
	}
	return strconv.Itoa(n.N)
}

func number(c Count) Number {
	approx, n, ok := c.Parse()
	return Number{approx, n, ok}
}

// Headcount is how many were invited, present and absent, as far as the
// file tells: counts it gives, else counts of an attendee list it says
// is complete, and a count that the two others give exactly. A list of
// only the people worth naming gives no count.
type Headcount struct{ Invited, Present, Absent Number }

// Headcount works out the headcount of the meeting.
func (i *Info) Headcount() Headcount {
	a := i.Attendance
	h := Headcount{number(a.Invited), number(a.Present), number(a.Absent)}
	if a.Complete && len(i.Attendees) > 0 {
		present := i.PresentCount()
		list := Headcount{
			Number{N: len(i.Attendees), Known: true},
			Number{N: present, Known: true},
			Number{N: len(i.Attendees) - present, Known: true},
		}
		for _, p := range []struct{ dst, src *Number }{{&h.Invited, &list.Invited}, {&h.Present, &list.Present}, {&h.Absent, &list.Absent}} {
			if !p.dst.Known {
				*p.dst = *p.src
			}
		}
	}
	switch {
	case !h.Absent.Known && h.Invited.Exact() && h.Present.Exact():
		h.Absent = Number{N: h.Invited.N - h.Present.N, Known: true}
	case !h.Present.Known && h.Invited.Exact() && h.Absent.Exact():
		h.Present = Number{N: h.Invited.N - h.Absent.N, Known: true}
	case !h.Invited.Known && h.Present.Exact() && h.Absent.Exact():
		h.Invited = Number{N: h.Present.N + h.Absent.N, Known: true}
	}
	return h
}
