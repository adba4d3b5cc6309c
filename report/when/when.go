// Package when is hoinghi's one home for dates, times of day and
// reporting periods: it parses them as clerks write them — 2023-07-28,
// 28/07/2023, "sáng 12/3/2025", 2023-H1, "quý II năm 2025" — and writes
// them as Vietnamese administrative documents do: "ngày 28 tháng 7 năm
// 2023", "08 giờ 00 phút", "6 tháng đầu năm 2023".
//
// Every other package reads and writes dates through here, as Go programs
// do through package time, so that a date is never parsed one way in
// validation and another way in the PDF or the workbook.
package when

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/vn"
)

// Blank is what a document shows for what is not known.
const Blank = vn.Blank

// Earliest is the first year a date may have: nothing a meeting file
// describes happened before it, and a year before it is a typing slip or
// a spreadsheet's day zero (30 December 1899).
const Earliest = 1900

// Date is a calendar date. Day is 0 when only the month and year are
// known, as for a document whose day of issue is assigned at signing.
// The zero Date is a date not known at all.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// IsZero reports whether nothing of the date is known.
func (d Date) IsZero() bool { return d.Year == 0 }

// HasDay reports whether the day of the month is known.
func (d Date) HasDay() bool { return d.Day > 0 }

// Time is the date at midnight UTC, on the first of the month when the
// day is not known.
func (d Date) Time() time.Time {
	return time.Date(d.Year, d.Month, max(d.Day, 1), 0, 0, 0, 0, time.UTC)
}

// String writes the date in the form files and file names use:
// "2023-07-28", or "2024-11" when the day is not known.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case !d.HasDay():
		return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month))
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Numeric writes the date as tables do: "04/08/2023", or "11/2024".
func (d Date) Numeric() string {
	switch {
	case d.IsZero():
		return ""
	case !d.HasDay():
		return fmt.Sprintf("%02d/%d", int(d.Month), d.Year)
	}
	return fmt.Sprintf("%02d/%02d/%d", d.Day, int(d.Month), d.Year)
}

// DayText writes a day of the month with the leading zero Decree 30 requires
// below 10: "05", "28".
func DayText(d int) string { return fmt.Sprintf("%02d", d) }

// MonthText writes a month with a leading zero only for January and February,
// as Decree 30 requires: "01", "02", "3" … "12".
func MonthText(m time.Month) string {
	if m <= 2 {
		return fmt.Sprintf("%02d", int(m))
	}
	return strconv.Itoa(int(m))
}

// Words writes "ngày 28 tháng 7 năm 2023"; what is not known is written
// with blanks: "ngày …… tháng 11 năm 2024", "ngày …… tháng …… năm ……".
func (d Date) Words() string {
	if d.IsZero() {
		return "ngày " + Blank + " tháng " + Blank + " năm " + Blank
	}
	day := Blank
	if d.HasDay() {
		day = DayText(d.Day)
	}
	return "ngày " + day + " tháng " + MonthText(d.Month) + " năm " + strconv.Itoa(d.Year)
}

// RoomWords writes the date of issue of an electronic document, which
// the document system writes in at issuance: "ngày", "tháng" and "năm"
// with room for two, two and four digits (vn.Room) after them.
func RoomWords() string {
	return "ngày " + vn.Room(2) + " tháng " + vn.Room(2) + " năm " + vn.Room(4)
}

// RoomDateLine is the date line of ô 4 of an electronic document: the
// place and RoomWords.
func RoomDateLine(place string) string { return placed(place, RoomWords()) }

// DateLine writes the địa danh and date line of ô 4:
// "Tuyên Quang, ngày 28 tháng 7 năm 2023".
func DateLine(place string, d Date) string { return placed(place, d.Words()) }

// placed writes a date line: the place, or a blank for it, and the date.
func placed(place, date string) string {
	if strings.TrimSpace(place) == "" {
		place = Blank
	}
	return strings.TrimSpace(place) + ", " + date
}

// ParseDate reads a date written 2023-07-28 or 28/07/2023 (28/7/2023), or
// a month written 2024-11 or 11/2024. A blank is the zero Date.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	d, ok := parseDate(s)
	if !ok {
		if _, _, clock := parseClock(s); clock {
			return Date{}, lang.Errorf("a time of day without a date: write the date, such as 2023-07-28 or 28/07/2023")
		}
		return Date{}, lang.Errorf("expected a date that exists, such as 2023-07-28 or 28/07/2023 (or a month, 2023-07), got %s", s)
	}
	return d, checkYear(d, s)
}

func checkYear(d Date, s string) error {
	if d.Year < Earliest {
		return lang.Errorf("the year of %s is before %s: write the year in full, such as 2023", s, strconv.Itoa(Earliest))
	}
	return nil
}

// parseDate reads the date forms of ParseDate, checking that the day
// exists.
func parseDate(s string) (Date, bool) {
	var parts []string
	var y, m, d int
	switch {
	case strings.Count(s, "-") == 2:
		parts = strings.Split(s, "-")
		y, m, d = atoi(parts[0]), atoi(parts[1]), atoi(parts[2])
		if len(parts[0]) != 4 {
			return Date{}, false
		}
	case strings.Count(s, "/") == 2:
		parts = strings.Split(s, "/")
		d, m, y = atoi(parts[0]), atoi(parts[1]), atoi(parts[2])
		if len(parts[2]) != 4 {
			return Date{}, false
		}
	case strings.Count(s, "-") == 1 && len(s) == 7:
		parts = strings.Split(s, "-")
		y, m = atoi(parts[0]), atoi(parts[1])
		return Date{y, time.Month(m), 0}, y > 0 && m >= 1 && m <= 12 && len(parts[0]) == 4
	case strings.Count(s, "/") == 1:
		parts = strings.Split(s, "/")
		m, y = atoi(parts[0]), atoi(parts[1])
		return Date{y, time.Month(m), 0}, y > 0 && m >= 1 && m <= 12 && len(parts[1]) == 4
	default:
		return Date{}, false
	}
	if y <= 0 || m < 1 || m > 12 || d < 1 {
		return Date{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return Date{}, false // 30 February
	}
	return Date{y, time.Month(m), d}, true
}

// atoi reads digits only: a sign, a space or a letter makes it -1.
func atoi(s string) int {
	if s == "" || len(s) > 4 {
		return -1
	}
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}
