package when

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/hoinghi/hoinghi/report/lang"
)

// Session is a part of the day, for a meeting known as "sáng ngày 12/3"
// rather than by its clock time.
type Session int

// The sessions of a day.
const (
	NoSession Session = iota
	Morning
	Afternoon
	Evening
)

var sessionWords = [...]string{"", "sáng", "chiều", "tối"}

// String is the session's word: "sáng", "chiều", "tối".
func (s Session) String() string { return sessionWords[s] }

func parseSession(s string) Session {
	for i, w := range sessionWords {
		if i > 0 && strings.EqualFold(s, w) {
			return Session(i)
		}
	}
	return NoSession
}

// Moment is when a meeting starts or ends: a date with, when known, a
// clock time or a session of the day. The zero Moment is not known.
type Moment struct {
	Date
	// Clock tells whether Hour and Minute were given.
	Clock        bool
	Hour, Minute int
	Session      Session
}

// Time is the moment in UTC (midnight when no clock time is known).
func (m Moment) Time() time.Time {
	return m.Date.Time().Add(time.Duration(m.Hour)*time.Hour + time.Duration(m.Minute)*time.Minute)
}

// Of is the moment a spreadsheet's date cell shows: t's date, its day
// only when day is set, its time of day only when clock is. A time on a
// day before Earliest — a spreadsheet's day zero — is a time alone.
func Of(t time.Time, clock, day bool) Moment {
	var m Moment
	if t.Year() >= Earliest {
		m.Date = Date{t.Year(), t.Month(), t.Day()}
		if !day {
			m.Day = 0
		}
	}
	if clock || m.IsZero() {
		m.Clock, m.Hour, m.Minute = true, t.Hour(), t.Minute()
	}
	return m
}

// Numeric writes the moment as a cell shows it: "28/07/2023 08:00",
// "28/07/2023", "08:30" for a time alone.
func (m Moment) Numeric() string {
	return strings.TrimSpace(m.Date.Numeric() + " " + m.clockDigits())
}

func (m Moment) clockDigits() string {
	if !m.Clock {
		return ""
	}
	return fmt.Sprintf("%02d:%02d", m.Hour, m.Minute)
}

// String writes the moment as files do: "2023-07-28 08:00", "2025-03-12
// sáng", "2023-07-28", and "08:30" for a time alone, which ParseMoment
// refuses.
func (m Moment) String() string {
	switch {
	case m.Clock && m.IsZero():
		return m.clockDigits()
	case m.Clock:
		return fmt.Sprintf("%s %02d:%02d", m.Date, m.Hour, m.Minute)
	case m.Session != NoSession:
		return m.Date.String() + " " + m.Session.String()
	}
	return m.Date.String()
}

// ClockWords writes the time of day as documents do, "08 giờ 00 phút",
// never "08:00"; blanks when it is not known.
func (m Moment) ClockWords() string {
	if !m.Clock {
		return Blank + " giờ " + Blank + " phút"
	}
	return fmt.Sprintf("%02d giờ %02d phút", m.Hour, m.Minute)
}

// Words writes "08 giờ 00 phút, ngày 28 tháng 7 năm 2023", "sáng ngày 12
// tháng 3 năm 2025" or "ngày 28 tháng 7 năm 2023", as much as is known;
// a moment not known at all is blanks for the clerk to fill.
func (m Moment) Words() string {
	switch {
	case m.IsZero(), m.Clock:
		return m.ClockWords() + ", " + m.Date.Words()
	case m.Session != NoSession:
		return m.Session.String() + " " + m.Date.Words()
	}
	return m.Date.Words()
}

// ParseMoment reads a start or end as clerks write it: a date (see
// ParseDate) with a clock time before or after it ("2023-07-28 08:00",
// "28/07/2023 8:30", "08h00 28/7/2023", "2023-07-28T08:00") or a session
// of the day ("2025-03-12 sáng", "sáng 12/3/2025", "chiều ngày
// 12/3/2025"). A time without a date is refused: the document would have
// to invent the day.
func ParseMoment(s string) (Moment, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Moment{}, nil
	}
	var (
		m              Moment
		fields         = strings.Fields(isoT.ReplaceAllString(s, "$1 $2"))
		clocks, dates  int
		sessions, junk int
	)
	for _, f := range fields {
		if strings.EqualFold(f, "ngày") || strings.EqualFold(f, "lúc") || f == "," {
			continue
		}
		f = strings.Trim(f, ",")
		if d, ok := parseDate(f); ok {
			m.Date = d
			dates++
			continue
		}
		if h, min, ok := parseClock(f); ok {
			m.Hour, m.Minute, m.Clock = h, min, true
			clocks++
			continue
		}
		if se := parseSession(f); se != NoSession {
			m.Session = se
			sessions++
			continue
		}
		junk++
	}
	bad := junk > 0 || dates > 1 || clocks > 1 || sessions > 1 || clocks+sessions > 1
	switch {
	case !bad && dates == 0 && clocks+sessions > 0:
		return Moment{}, lang.Errorf("a time of day without a date: write the date too, such as 2023-07-28 08:00 or 28/07/2023 08:00")
	case bad || dates == 0:
		return Moment{}, lang.Errorf("expected a date with a time, such as 2023-07-28 08:00, a session, such as 2025-03-12 sáng, or a date alone, got %s", s)
	case m.Clock && !m.HasDay(), m.Session != NoSession && !m.HasDay():
		return Moment{}, lang.Errorf("a time of day needs the day too, got %s", s)
	}
	return m, checkYear(m.Date, s)
}

// isoT is the T between the date and the time of 2023-07-28T08:00.
var isoT = regexp.MustCompile(`(\d)T(\d)`)

// parseClock reads 08:00, 8:30, 08:00:00, 8h30 or 8h.
func parseClock(s string) (hour, minute int, ok bool) {
	s = strings.ToLower(s)
	sep := strings.IndexAny(s, ":h")
	if sep <= 0 {
		return 0, 0, false
	}
	h, rest := s[:sep], s[sep+1:]
	if s[sep] == ':' && strings.Count(rest, ":") == 1 {
		var secs string
		rest, secs, _ = strings.Cut(rest, ":")
		if len(secs) != 2 || atoi(secs) < 0 || atoi(secs) > 59 {
			return 0, 0, false
		}
	}
	if rest == "" && s[sep] != ':' {
		rest = "0"
	}
	hh, mm := atoi(h), atoi(rest)
	if len(h) > 2 || len(rest) > 2 || hh < 0 || hh > 23 || mm < 0 || mm > 59 {
		return 0, 0, false
	}
	return hh, mm, true
}

// Days writes the days a meeting takes, from start to end: "ngày 28
// tháng 7 năm 2023"; "ngày 15 và 16 tháng 10 năm 2024"; "từ ngày 15 đến
// ngày 17 tháng 10 năm 2024"; "ngày 31 tháng 10 và ngày 01 tháng 11 năm
// 2024"; a one-day meeting known by its session, "sáng ngày 12 tháng 3
// năm 2025". An end not known, or on the start's day, is one day.
func Days(start, end Moment) string {
	if start.IsZero() || !start.HasDay() {
		return start.Date.Words()
	}
	first := start.Date.Time()
	last := end.Date.Time()
	if end.IsZero() || !end.HasDay() || !last.After(first) {
		if start.Session != NoSession {
			return start.Session.String() + " " + start.Date.Words()
		}
		return start.Date.Words()
	}
	s, e := start.Date, end.Date
	next := first.AddDate(0, 0, 1).Equal(last)
	join := func(a, b string) string {
		if next {
			return a + " và " + b
		}
		return "từ " + a + " đến " + b
	}
	year := " năm " + strconv.Itoa(e.Year)
	switch {
	case s.Year != e.Year:
		return join(s.Words(), e.Words())
	case s.Month != e.Month:
		return join("ngày "+DayText(s.Day)+" tháng "+MonthText(s.Month), "ngày "+DayText(e.Day)+" tháng "+MonthText(e.Month)) + year
	case next:
		return "ngày " + DayText(s.Day) + " và " + DayText(e.Day) + " tháng " + MonthText(e.Month) + year
	}
	return "từ ngày " + DayText(s.Day) + " đến ngày " + DayText(e.Day) + " tháng " + MonthText(e.Month) + year
}
