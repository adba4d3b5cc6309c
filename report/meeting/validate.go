package meeting

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/when"
)

// Validate checks a meeting built by other means than Parse — read from a
// workbook — as Parse checks a file, after filling its blanks with
// opt.Defaults. The problems carry their field paths but no position: the
// caller knows where each field came from.
func Validate(m *Meeting, opt Options) diag.List {
	return complete(m, opt)
}

// complete is what follows decoding, for a file and a workbook alike:
// legacy text decoded, blanks filled with opt.Defaults, then validate.
func complete(m *Meeting, opt Options) []diag.Problem {
	fromLegacy(m, opt.Legacy)
	if opt.Defaults != nil {
		opt.Defaults(m)
	}
	return validate(m, opt)
}

// validate checks what decoding cannot: required fields, dates that exist,
// periods, numbers, table shapes and characters the fonts can draw. Only
// what a document cannot exist without is required.
func validate(m *Meeting, opt Options) []diag.Problem {
	var ps []diag.Problem
	bad := func(path string, key string, args ...any) {
		ps = append(ps, diag.Problem{Path: path, Msg: lang.M(key, args...)})
	}
	required := func(path, value, what string) {
		if strings.TrimSpace(value) == "" {
			bad(path, "missing %s", lang.M(what))
		}
	}

	required("issuer.name", m.Issuer.Name, "the name of the issuing agency")
	required("meeting.title", m.Info.Title, "the title of the meeting")

	seen := map[string]int{}
	for i, d := range m.Documents {
		p := fmt.Sprintf("documents[%d]", i)
		switch {
		case strings.TrimSpace(d.Kind) == "":
			bad(p+".kind", "missing %s", lang.M("the kind of document"))
		case opt.Kinds != nil && !slices.Contains(opt.Kinds, d.Kind):
			ps = append(ps, diag.Problem{Path: p + ".kind", Msg: UnknownKind(d.Kind, opt.Kinds)})
		}
		// Blank numbers are assigned after signing, so only given ones clash.
		if n := d.Number.Bare(); n != "" {
			key := d.Kind + "/" + n
			if j, dup := seen[key]; dup {
				bad(p, "the same kind and number as documents[%d]: each document needs its own number", j)
			}
			seen[key] = i
		}
		if n := strings.TrimSpace(string(d.Number)); n != "" {
			// Only digits: Atoi would take "+5" and "-0".
			if v, err := strconv.Atoi(n); err != nil || v <= 0 || strings.Trim(n, "0123456789") != "" {
				bad(p+".number", "expected a positive whole number or a blank, got %s", n)
			}
		}
		checkDate(&ps, p+".date", d.Date)
	}

	start := checkMoment(&ps, "meeting.start", m.Info.Start)
	end := checkMoment(&ps, "meeting.end", m.Info.End)
	if !start.IsZero() && !end.IsZero() {
		// A date without a time of day ends with that day.
		if e, st := end.Time(), start.Time(); e.Before(st) && start.Clock && end.Clock || e.Before(start.Date.Time()) {
			bad("meeting.end", "the meeting ends before it starts (%s)", m.Info.Start.Raw)
		}
	}
	for _, f := range []struct {
		path string
		p    Period
	}{{"meeting.period", m.Info.Period}, {"meeting.next", m.Info.Next}} {
		if _, err := f.p.Value(); err != nil {
			ps = append(ps, diag.Problem{Path: f.path, Msg: message(err)})
		}
	}
	choose := func(path, value string, from []Choice) {
		if v := strings.TrimSpace(value); v != "" && !slices.Contains(Codes(from), v) {
			bad(path, "unknown value %s: expected one of %s", v, strings.Join(Codes(from), ", "))
		}
	}
	choose("issuer.type", m.Issuer.Type, BodyTypes)
	choose("meeting.organizer_type", m.Info.OrganizerType, BodyTypes)
	choose("meeting.mode", m.Info.Mode, Modes)
	// A code of the wrong spelling would silently become a label.
	if t := strings.TrimSpace(m.Info.Type); slug.MatchString(t) && !slices.Contains(Codes(MeetingTypes), t) {
		bad("meeting.type", "unknown meeting type %s: expected one of %s, or the name of the type in words", t, strings.Join(Codes(MeetingTypes), ", "))
	}
	ps = append(ps, checkAttendance(m.Info.Attendance)...)
	for i, a := range m.Info.Attendees {
		required(fmt.Sprintf("meeting.attendees[%d].name", i), a.Name, "the attendee's name")
	}
	t := m.Results.Table
	if len(t.Rows) > 0 && len(t.Columns) == 0 {
		bad("results.table.columns", "missing %s", lang.M("the column names of the table"))
	}
	for i, r := range t.Rows {
		if len(t.Columns) > 0 && len(r) != len(t.Columns) {
			bad(fmt.Sprintf("results.table.rows[%d]", i), "expected %d cells, one per column, got %d", len(t.Columns), len(r))
		}
	}
	for i, s := range m.Discussion {
		required(fmt.Sprintf("discussion[%d].content", i), s.Content, "what was said")
	}
	for i, c := range m.Conclusions {
		required(fmt.Sprintf("conclusions[%d]", i), c, "the text of the conclusion")
	}
	for i, tk := range m.Tasks {
		p := fmt.Sprintf("tasks[%d]", i)
		required(p+".content", tk.Content, "the content of the task")
		checkDate(&ps, p+".deadline", tk.Deadline)
		if tk.Status != "" && !slices.Contains(TaskStatuses, tk.Status) {
			bad(p+".status", "unknown status %s: expected one of %s", tk.Status, strings.Join(TaskStatuses, ", "))
		}
	}
	eachString(reflect.ValueOf(m).Elem(), "", func(path string, s reflect.Value) {
		ps = append(ps, TextProblems(path, s.String(), opt.Covers)...)
	})
	return ps
}

// UnknownKind is the message for a kind of document no template exists
// for, wherever it is named.
func UnknownKind(kind string, kinds []string) lang.Message {
	return lang.M("unknown kind %s: expected one of %s", kind, strings.Join(kinds, ", "))
}

// CharName names a character as messages about fonts name it: "'🏛'
// (U+1F3DB)", or only its code when it cannot be shown.
func CharName(r rune) string {
	if unicode.IsPrint(r) {
		return fmt.Sprintf("%q (U+%04X)", r, r)
	}
	return fmt.Sprintf("U+%04X", r)
}

func checkDate(ps *[]diag.Problem, path string, d Date) {
	if _, err := d.Value(); err != nil {
		*ps = append(*ps, diag.Problem{Path: path, Msg: message(err)})
	}
}

func checkMoment(ps *[]diag.Problem, path string, d DateTime) when.Moment {
	v, err := d.Value()
	if err != nil {
		*ps = append(*ps, diag.Problem{Path: path, Msg: message(err)})
	}
	return v
}

// message is the message of an error of package when.
func message(err error) lang.Message {
	var le *lang.Error
	if errors.As(err, &le) {
		return le.Msg
	}
	return lang.M(err.Error())
}

// checkAttendance checks the headcount: counts a clerk can write, and
// that agree with one another when they are exact.
func checkAttendance(a Attendance) []diag.Problem {
	var ps []diag.Problem
	exact := map[string]int{}
	for _, c := range []struct {
		path string
		c    Count
	}{{"invited", a.Invited}, {"present", a.Present}, {"absent", a.Absent}} {
		if c.c.IsZero() {
			continue
		}
		approx, n, ok := c.c.Parse()
		switch {
		case !ok:
			ps = append(ps, diag.Problem{Path: "meeting.attendance." + c.path, Msg: lang.M("expected a number of people, such as 37, or an approximate one, such as khoảng 60 or hơn 40, got %s", c.c.Raw)})
		case approx == "":
			exact[c.path] = n
		}
	}
	inv, okI := exact["invited"]
	pre, okP := exact["present"]
	abs, okA := exact["absent"]
	switch {
	case okI && okP && pre > inv:
		ps = append(ps, diag.Problem{Path: "meeting.attendance.present", Msg: lang.M("more present (%d) than invited (%d)", pre, inv)})
	case okI && okP && okA && pre+abs != inv:
		ps = append(ps, diag.Problem{Path: "meeting.attendance.absent", Msg: lang.M("present (%d) and absent (%d) do not add up to the invited (%d)", pre, abs, inv)})
	case okI && okA && abs > inv:
		ps = append(ps, diag.Problem{Path: "meeting.attendance.absent", Msg: lang.M("more absent (%d) than invited (%d)", abs, inv)})
	}
	return ps
}
