package when

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/vn"
)

// Kind says what span a reporting period covers.
type Kind int

// The kinds of period a meeting reviews or plans.
const (
	Month Kind = iota + 1
	Quarter
	Half
	NineMonths
	Year
	// SchoolYear runs from one year into the next: "năm học 2023 – 2024".
	SchoolYear
	// Phase is several years: "giai đoạn 2021 – 2025".
	Phase
	// Span is a đợt between two dates, with or without a label.
	Span
	// Label is a period known only by its name, printed as written.
	Label
)

// Part is one period. Year is the calendar year, or the first year of a
// school year or a phase, whose last year is End; Index is the month
// (1–12), the quarter (1–4) or the half (1–2). A Span runs From To; a
// Label is printed as written, followed by its span when it has one.
type Part struct {
	Kind     Kind
	Year     int
	Index    int
	End      int
	From, To Date
	Label    string
}

// Period is what a meeting reviews or plans: usually one Part, sometimes
// two ("năm 2024 và giai đoạn 2021 – 2025"). None says that the file
// states there is no such period (next: không), which is not the same as
// not saying.
type Period struct {
	Parts []Part
	None  bool
}

// IsZero reports whether no period is given.
func (p Period) IsZero() bool { return len(p.Parts) == 0 && !p.None }

// Words writes the period: "6 tháng đầu năm 2023", "quý II năm 2025",
// "năm 2024 và giai đoạn 2021 – 2025"; "" when there is none.
func (p Period) Words() string {
	words := make([]string, len(p.Parts))
	for i, part := range p.Parts {
		words[i] = part.Words()
	}
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " và " + words[len(words)-1]
}

// dash joins the two years of a range, as clerks type it in titles
// ("năm học 2023 - 2024"), so that a document writes every range alike;
// layout keeps the range on one line.
const dash = " - "

// Words writes one period.
func (p Part) Words() string {
	year := strconv.Itoa(p.Year)
	switch p.Kind {
	case Month:
		return "tháng " + strconv.Itoa(p.Index) + " năm " + year
	case Quarter:
		return "quý " + vn.Roman(p.Index) + " năm " + year
	case Half:
		if p.Index == 1 {
			return "6 tháng đầu năm " + year
		}
		return "6 tháng cuối năm " + year
	case NineMonths:
		return "9 tháng đầu năm " + year
	case Year:
		return "năm " + year
	case SchoolYear:
		return "năm học " + year + dash + strconv.Itoa(p.End)
	case Phase:
		return "giai đoạn " + year + dash + strconv.Itoa(p.End)
	case Span:
		return spanWords(p.From, p.To)
	case Label:
		if !p.From.IsZero() {
			return p.Label + " " + spanWords(p.From, p.To)
		}
		return p.Label
	}
	return ""
}

// spanWords writes "từ ngày 01 tháng 5 đến ngày 31 tháng 8 năm 2024",
// naming the year once when both dates share it.
func spanWords(from, to Date) string {
	if from.Year == to.Year && from.HasDay() && to.HasDay() {
		return "từ ngày " + DayText(from.Day) + " tháng " + MonthText(from.Month) + " đến " + to.Words()
	}
	return "từ " + from.Words() + " đến " + to.Words()
}

// noneWords are how a file says that there is no period.
var noneWords = []string{"không", "không có", "none", "-"}

// periodForms is the part of the message that lists the forms ParsePeriod reads.
const periodForms = "2023-H1, 2023-Q3, 2023-07, 2023-9M, 2023, 2023-2024 (a school year), 2021-2025 (a phase), 2024-05-01/2024-08-31, or words such as quý II năm 2025"

// ParsePeriod reads a period: the short forms 2023-07 (a month), 2023-Q3,
// 2023-H1 and 2023-H2, 2023-9M, 2023, 2023-2024 (a school year), 2021-2025
// (a phase of two years or more) and 2024-05-01/2024-08-31 (a đợt
// between two dates); or Vietnamese words, as a document writes them
// ("quý II năm 2025", "năm học 2024 - 2025"), any other words being a
// label printed as written, which may end with its dates ("đợt thi đua
// cao điểm từ 01/5/2024 đến 31/8/2024"). Several periods are separated by
// ";". "không" (or none) says there is no period.
func ParsePeriod(s string) (Period, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Period{}, nil
	}
	for _, w := range noneWords {
		if strings.EqualFold(s, w) {
			return Period{None: true}, nil
		}
	}
	var p Period
	for _, part := range strings.Split(s, ";") {
		part = strings.Join(strings.Fields(part), " ")
		if part == "" {
			continue
		}
		pt, err := parsePart(part)
		if err != nil {
			return Period{}, err
		}
		p.Parts = append(p.Parts, pt)
	}
	return p, nil
}

func parsePart(s string) (Part, error) {
	if p, ok := wordPart(s); ok {
		return p, nil
	}
	if s[0] >= '0' && s[0] <= '9' {
		if p, ok := shortPart(s); ok {
			return p, nil
		}
		return Part{}, lang.Errorf("expected a period such as %s, got %s", lang.M(periodForms), s)
	}
	p := Part{Kind: Label, Label: s}
	if m := labelSpan.FindStringSubmatch(s); m != nil {
		from, errF := ParseDate(m[2])
		to, errT := ParseDate(m[3])
		if errF == nil && errT == nil && from.HasDay() && to.HasDay() {
			p.Label, p.From, p.To = strings.TrimSpace(m[1]), from, to
		}
	}
	if p.Label == "" {
		p.Kind = Span
	}
	if p.Kind != Label || !p.From.IsZero() {
		if err := checkSpan(p.From, p.To, s); err != nil {
			return Part{}, err
		}
	}
	return p, nil
}

// labelSpan is a label ending with its dates: "… từ 01/5/2024 đến 31/8/2024".
var labelSpan = regexp.MustCompile(`^(.*?)\s*\(?từ (?:ngày )?(\S+) đến (?:ngày )?([^\s)]+)\)?$`)

func checkSpan(from, to Date, s string) error {
	if to.Time().Before(from.Time()) {
		return lang.Errorf("the period ends before it starts: %s", s)
	}
	return nil
}

// shortPart reads the short forms.
func shortPart(s string) (Part, bool) {
	if a, b, ok := strings.Cut(s, "/"); ok && strings.Count(a, "-") == 2 {
		from, okF := parseDate(a)
		to, okT := parseDate(b)
		if !okF || !okT || from.Year < Earliest || to.Time().Before(from.Time()) {
			return Part{}, false
		}
		return Part{Kind: Span, From: from, To: to}, true
	}
	year, rest, found := strings.Cut(strings.ToUpper(s), "-")
	y := atoi(year)
	if len(year) != 4 || y < Earliest {
		return Part{}, false
	}
	if !found {
		return Part{Kind: Year, Year: y}, true
	}
	switch {
	case rest == "9M":
		return Part{Kind: NineMonths, Year: y}, true
	case rest == "H1" || rest == "H2":
		return Part{Kind: Half, Year: y, Index: int(rest[1] - '0')}, true
	case len(rest) == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4':
		return Part{Kind: Quarter, Year: y, Index: int(rest[1] - '0')}, true
	case len(rest) == 4:
		switch y2 := atoi(rest); {
		case y2 == y+1:
			return Part{Kind: SchoolYear, Year: y, End: y2}, true
		case y2 > y+1:
			return Part{Kind: Phase, Year: y, End: y2}, true
		}
	case len(rest) == 2:
		if m := atoi(rest); m >= 1 && m <= 12 {
			return Part{Kind: Month, Year: y, Index: m}, true
		}
	}
	return Part{}, false
}

// The Vietnamese forms of a period, as documents write them. Dashes of
// ranges may be a hyphen or an en dash, with or without spaces.
var (
	rangeDash = `\s*[-–]\s*`
	yearRE    = `(\d{4})`
	wordForms = []struct {
		kind Kind
		re   *regexp.Regexp
	}{
		{SchoolYear, regexp.MustCompile(`năm học ` + yearRE + rangeDash + yearRE)},
		{Phase, regexp.MustCompile(`giai đoạn ` + yearRE + rangeDash + yearRE)},
		{Half, regexp.MustCompile(`6 tháng (đầu|cuối) năm(?: ` + yearRE + `)?`)},
		{NineMonths, regexp.MustCompile(`9 tháng(?: đầu)? năm(?: ` + yearRE + `)?`)},
		{Quarter, regexp.MustCompile(`quý (iv|iii|ii|i|[1-4])(?: năm ` + yearRE + `)?`)},
		{Month, regexp.MustCompile(`tháng (\d{1,2})(?:(?: năm |/)` + yearRE + `)?`)},
		{Year, regexp.MustCompile(`năm ` + yearRE)},
	}
)

// match is one period found in a text: its kind, where it is, and its
// submatches.
type match struct {
	kind       Kind
	start, end int
	sub        []string
}

// scan finds the periods written in words in s (lower case), the more
// specific forms first, none overlapping another.
func scan(s string) []match {
	var ms []match
	taken := make([]bool, len(s))
	for _, f := range wordForms {
		for _, loc := range f.re.FindAllStringSubmatchIndex(s, -1) {
			if taken[loc[0]] || taken[loc[1]-1] || !wordEdge(s, loc[0], loc[1]) ||
				f.kind == Month && dayBefore.MatchString(s[:loc[0]]) {
				continue
			}
			for i := loc[0]; i < loc[1]; i++ {
				taken[i] = true
			}
			sub := make([]string, len(loc)/2)
			for i := range sub {
				if loc[2*i] >= 0 {
					sub[i] = s[loc[2*i]:loc[2*i+1]]
				}
			}
			ms = append(ms, match{f.kind, loc[0], loc[1], sub})
		}
	}
	slices.SortStableFunc(ms, func(a, b match) int { return cmp.Compare(a.start, b.start) })
	return ms
}

// dayBefore tells the month of a date ("ngày 28 tháng 7") from a month
// reviewed.
var dayBefore = regexp.MustCompile(`ngày \d{1,2} $`)

func wordEdge(s string, start, end int) bool {
	letter := func(b byte) bool { return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80 }
	return (start == 0 || !letter(s[start-1])) && (end == len(s) || !letter(s[end]))
}

// part makes the Part of a match whose year is y when the text gave none
// ("6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2023").
func (m match) part(y int) (Part, bool) {
	year := func(i int) int {
		if i < len(m.sub) && m.sub[i] != "" {
			return atoi(m.sub[i])
		}
		return y
	}
	var p Part
	switch m.kind {
	case SchoolYear, Phase:
		p = Part{Kind: m.kind, Year: atoi(m.sub[1]), End: atoi(m.sub[2])}
		if p.Kind == SchoolYear && p.End != p.Year+1 || p.Kind == Phase && p.End <= p.Year {
			return Part{}, false
		}
	case Half:
		p = Part{Kind: Half, Year: year(2), Index: 1}
		if m.sub[1] == "cuối" {
			p.Index = 2
		}
	case NineMonths:
		p = Part{Kind: NineMonths, Year: year(1)}
	case Quarter:
		q := map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}[m.sub[1]]
		p = Part{Kind: Quarter, Year: year(2), Index: q}
	case Month:
		p = Part{Kind: Month, Year: year(2), Index: atoi(m.sub[1])}
		if p.Index < 1 || p.Index > 12 {
			return Part{}, false
		}
	case Year:
		p = Part{Kind: Year, Year: year(1)}
	}
	return p, p.Year >= Earliest
}

func (m match) yearGiven() int {
	for _, s := range m.sub[1:] {
		if len(s) == 4 {
			return atoi(s)
		}
	}
	return 0
}

// normalize folds text for matching (vn.Fold), with "quí" as "quý".
func normalize(s string) string { return strings.ReplaceAll(vn.Fold(s), "quí", "quý") }

// wordPart reads a period written wholly in words, such as "quý II năm
// 2025".
func wordPart(s string) (Part, bool) {
	n := normalize(s)
	ms := scan(n)
	if len(ms) != 1 || ms[0].start != 0 || ms[0].end != len(n) || ms[0].yearGiven() == 0 {
		return Part{}, false
	}
	return ms[0].part(0)
}

// nextMarkers start the part of a title that names what comes next:
// "…, triển khai nhiệm vụ 6 tháng cuối năm 2023".
var nextMarkers = regexp.MustCompile(`triển khai|phương hướng|kế hoạch|nhiệm vụ`)

// Find reads the periods a meeting's title names: the period it reviews,
// and the period it plans, which follows a word such as "triển khai" or
// "phương hướng, nhiệm vụ". A period whose year the title gives only
// later takes that year. Either may be zero.
func Find(title string) (review, next Period) {
	n := normalize(title)
	ms := scan(n)
	marker := len(n)
	if loc := nextMarkers.FindStringIndex(n); loc != nil {
		marker = loc[0]
	}
	for i, m := range ms {
		y := m.yearGiven()
		for j := i + 1; y == 0 && j < len(ms); j++ {
			y = ms[j].yearGiven()
		}
		p, ok := m.part(y)
		if !ok {
			continue
		}
		if m.start >= marker {
			next.Parts = append(next.Parts, p)
		} else {
			review.Parts = append(review.Parts, p)
		}
	}
	return review, next
}
