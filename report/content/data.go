package content

import (
	"strings"
	"text/template"

	"github.com/hoinghi/hoinghi/report/meeting"
	"github.com/hoinghi/hoinghi/report/vn"
	"github.com/hoinghi/hoinghi/templates"
)

// Data is what a template sees: the meeting as the file gave it, and the
// values every document writes the same way, already in Vietnamese words.
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
	// Date is the document's date: "ngày 31 tháng 7 năm 2023".
	Date string
	// Day is the meeting's day: "ngày 28 tháng 7 năm 2023".
	Day string
	// Start and End are the meeting's times: "08 giờ 00 phút, ngày 28
	// tháng 7 năm 2023".
	Start, End string
	// Period and Next are the periods reviewed and planned: "6 tháng đầu
	// năm 2023", "6 tháng cuối năm 2023".
	Period, Next string
	// Invited, Present and Absent count the attendees.
	Invited, Present, Absent int
}

func newData(m *meeting.Meeting, d meeting.Document, front templates.Front) Data {
	docDate, docOK := d.Date.Time()
	start, _, startOK := m.Meeting.Start.Time()
	data := Data{
		Issuer: m.Issuer, Document: d, Meeting: m.Meeting, Results: m.Results,
		Discussion: m.Discussion, Conclusions: m.Conclusions, Tasks: m.Tasks,
		Name:    front.Name,
		Code:    front.Code,
		Number:  number(d, front.Code, m.Issuer.Code),
		Date:    vn.Date(docDate, docOK),
		Day:     vn.Date(start, startOK),
		Start:   vn.Moment(m.Meeting.Start),
		End:     vn.Moment(m.Meeting.End),
		Period:  vn.Blank,
		Next:    vn.Blank,
		Invited: len(m.Meeting.Attendees),
		Present: m.Meeting.PresentCount(),
	}
	data.Absent = data.Invited - data.Present
	if p, ok := m.Meeting.Period.Parse(); ok {
		data.Period = vn.Period(p)
		data.Next = vn.Period(p.Following())
	}
	if p, ok := m.Meeting.Next.Parse(); ok {
		data.Next = vn.Period(p)
	}
	return data
}

// funcs are the helpers templates may call; templates/README.md documents
// each with an example.
var funcs = template.FuncMap{
	"upper": strings.ToUpper,
	"lower": strings.ToLower,
	"cap":   capitalize,
	"blank": func(s string) string {
		if strings.TrimSpace(s) == "" {
			return vn.Blank
		}
		return strings.TrimSpace(s)
	},
	"join": func(sep string, list []string) string { return strings.Join(list, sep) },
	"list": andList,
	"clock": func(d meeting.DateTime) string {
		if t, clock, ok := d.Time(); ok && clock {
			return vn.Clock(t)
		}
		return vn.Blank + " giờ " + vn.Blank
	},
	"date": func(d meeting.Date) string {
		t, ok := d.Time()
		return vn.Date(t, ok)
	},
	"deadline": func(d meeting.Date) string {
		if t, ok := d.Time(); ok {
			return vn.Day(t.Day()) + "/" + vn.Day(int(t.Month())) + "/" + t.Format("2006")
		}
		return ""
	},
	"person":  person,
	"persons": func(ps []meeting.Person) string { return andList(mapPersons(ps)) },
	"roman":   vn.Roman,
	"letter":  vn.Letter,
	"inc":     func(i int) int { return i + 1 },
	"table":   markdownTable,
	"trim":    func(s string) string { return strings.TrimRight(strings.TrimSpace(s), ".;") },
}

// person writes "đồng chí Phạm Duy Hưng, Phó Chủ tịch UBND tỉnh Bắc Kạn",
// leaving out what is not known.
func person(p meeting.Person) string {
	name := strings.TrimSpace(p.Name)
	if name == "" {
		name = vn.Blank
	}
	s := "đồng chí " + name
	if pos := strings.TrimSpace(p.Position); pos != "" {
		s += ", " + pos
	}
	if u := strings.TrimSpace(p.Unit); u != "" && !strings.Contains(strings.ToLower(p.Position), strings.ToLower(u)) {
		s += ", " + u
	}
	if r := strings.TrimSpace(p.Role); r != "" {
		s += " (" + r + ")"
	}
	return s
}

func mapPersons(ps []meeting.Person) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = person(p)
	}
	return out
}

// andList joins items as Vietnamese prose does: "A", "A và B", "A, B và C".
func andList(items []string) string {
	switch len(items) {
	case 0:
		return vn.Blank
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], "; ") + " và " + items[len(items)-1]
}

func capitalize(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
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
