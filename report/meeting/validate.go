package meeting

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/hoinghi/hoinghi/report/internal/yamlnode"
	"github.com/hoinghi/hoinghi/report/lang"
)

// Validate checks a meeting built by other means than Parse — read from a
// workbook — as Parse checks a file, after filling its blanks with
// opt.Defaults. The problems carry their field paths but no position: the
// caller knows where each field came from.
func Validate(m *Meeting, opt Options) Problems {
	if opt.Defaults != nil {
		opt.Defaults(m)
	}
	return validate(m, opt)
}

// validate checks what decoding cannot: required fields, dates that exist,
// periods, numbers, table shapes and characters the fonts can draw. Only
// what a document cannot exist without is required.
func validate(m *Meeting, opt Options) []Problem {
	var ps []Problem
	bad := func(path string, key string, args ...any) {
		ps = append(ps, Problem{Path: path, Msg: lang.M(key, args...)})
	}
	required := func(path, value, what string) {
		if strings.TrimSpace(value) == "" {
			bad(path, "missing %s", lang.M(what))
		}
	}

	required("issuer.name", m.Issuer.Name, "the name of the issuing agency")
	required("meeting.title", m.Meeting.Title, "the title of the meeting")

	seen := map[string]int{}
	for i, d := range m.Documents {
		p := fmt.Sprintf("documents[%d]", i)
		switch {
		case strings.TrimSpace(d.Kind) == "":
			bad(p+".kind", "missing %s", lang.M("the kind of document"))
		case opt.Kinds != nil && !slices.Contains(opt.Kinds, d.Kind):
			bad(p+".kind", "unknown kind %s: expected one of %s", d.Kind, strings.Join(opt.Kinds, ", "))
		}
		// Blank numbers are assigned after signing, so only given ones clash.
		if n := strings.TrimLeft(strings.TrimSpace(string(d.Number)), "0"); n != "" {
			key := d.Kind + "/" + n
			if j, dup := seen[key]; dup {
				bad(p, "the same kind and number as documents[%d]: each document needs its own number", j)
			}
			seen[key] = i
		}
		if n := strings.TrimSpace(string(d.Number)); n != "" {
			if v, err := strconv.Atoi(n); err != nil || v <= 0 {
				bad(p+".number", "expected a positive whole number or a blank, got %s", n)
			}
		}
		checkDate(&ps, p+".date", d.Date)
	}

	checkDateTime(&ps, "meeting.start", m.Meeting.Start)
	checkDateTime(&ps, "meeting.end", m.Meeting.End)
	if s, sc, ok := m.Meeting.Start.Time(); ok {
		// A date without a time of day ends with that day.
		if e, ec, ok := m.Meeting.End.Time(); ok && (e.Before(s) && sc && ec || e.Before(s.Truncate(24*time.Hour))) {
			bad("meeting.end", "the meeting ends before it starts (%s)", m.Meeting.Start.Raw)
		}
	}
	for _, f := range []struct {
		path string
		p    Period
	}{{"meeting.period", m.Meeting.Period}, {"meeting.next", m.Meeting.Next}} {
		if !f.p.IsZero() {
			if _, ok := f.p.Parse(); !ok {
				bad(f.path, "expected a period such as 2023-H1, 2023-Q3, 2023-07, 2023-9M, 2023 or 2023-2024, got %s", f.p.Raw)
			}
		}
	}
	for i, a := range m.Meeting.Attendees {
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
	if opt.Covers != nil {
		ps = append(ps, uncovered(reflect.ValueOf(m).Elem(), "", opt.Covers)...)
	}
	return ps
}

func checkDate(ps *[]Problem, path string, d Date) {
	if d.IsZero() {
		return
	}
	if _, ok := d.Time(); !ok {
		*ps = append(*ps, Problem{Path: path, Msg: lang.M("expected a date that exists, such as 2023-07-28 or 28/07/2023, got %s", d.Raw)})
	}
}

func checkDateTime(ps *[]Problem, path string, d DateTime) {
	if d.IsZero() {
		return
	}
	if _, _, ok := d.Time(); !ok {
		*ps = append(*ps, Problem{Path: path, Msg: lang.M("expected a date and time that exist, such as 2023-07-28 08:00, got %s", d.Raw)})
	}
}

// uncovered walks every string of v and reports the characters that the
// fonts cannot draw, naming the character and the field, so that no
// document ever shows a box or a silent gap in their place.
func uncovered(v reflect.Value, path string, covers func(rune) bool) []Problem {
	var ps []Problem
	switch v.Kind() {
	case reflect.String:
		for _, r := range v.String() {
			if r == '\n' || r == '\t' || covers(r) {
				continue
			}
			name := fmt.Sprintf("U+%04X", r)
			if unicode.IsPrint(r) {
				name = fmt.Sprintf("%q (U+%04X)", r, r)
			}
			ps = append(ps, Problem{Path: path, Msg: lang.M("the font cannot draw the character %s", name)})
			break
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
			if name == "" {
				// The scalar types keep their text in an untagged field.
				ps = append(ps, uncovered(v.Field(i), path, covers)...)
				continue
			}
			ps = append(ps, uncovered(v.Field(i), yamlnode.Join(path, name), covers)...)
		}
	case reflect.Slice:
		for i := range v.Len() {
			ps = append(ps, uncovered(v.Index(i), path+"["+strconv.Itoa(i)+"]", covers)...)
		}
	}
	return ps
}
