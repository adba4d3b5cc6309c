package meeting

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/goccy/go-yaml/ast"
)

// The scalar types below keep the text as written and parse it on demand.
// Decoding never fails on them, so that validation can report every bad
// date of a file at once, each with its own position, instead of stopping
// at the first.

// Date is a calendar date written as 2023-07-28 or 28/07/2023. The zero
// value is a date not yet known.
type Date struct{ Raw string }

// DateTime is a date with an optional time of day, written as
// 2023-07-28 08:00, 2023-07-28T08:00 or 28/07/2023 08:00.
type DateTime struct{ Raw string }

// Period is a reporting period: 2023-07 (a month), 2023-Q3 (a quarter),
// 2023-H1 or 2023-H2 (six months), 2023-9M (nine months), 2023 (a year),
// or 2023-2024 (a school year).
type Period struct{ Raw string }

// Cell is one table cell: any scalar, kept as the text written.
type Cell struct{ Raw string }

// DocNumber is a document number as written: 010 stays "010", where a
// YAML decoder would read an octal 8.
type DocNumber string

// scalarText returns a scalar as it was written: a plain 1.230 stays
// "1.230" and 010 stays "010", where a YAML decoder would make them 1.23
// and 8. Quoted and block scalars come unquoted; null is blank. The shape
// check of Parse has already rejected lists and mappings here; the node
// is read directly, which is also much cheaper than decoding it.
func scalarText(n ast.Node) (string, error) {
	switch v := n.(type) {
	case nil, *ast.NullNode:
		return "", nil
	case *ast.StringNode:
		return v.Value, nil
	case *ast.LiteralNode:
		return v.Value.Value, nil
	case *ast.AnchorNode:
		return scalarText(v.Value)
	case *ast.TagNode:
		return scalarText(v.Value)
	case *ast.MappingNode, *ast.SequenceNode:
		return "", fmt.Errorf("expected a single value")
	}
	if tk := n.GetToken(); tk != nil {
		return tk.Value, nil
	}
	return "", nil
}

// UnmarshalYAML implements yaml.NodeUnmarshaler.
func (d *Date) UnmarshalYAML(n ast.Node) (err error) {
	d.Raw, err = scalarText(n)
	return err
}

// UnmarshalYAML implements yaml.NodeUnmarshaler.
func (d *DateTime) UnmarshalYAML(n ast.Node) (err error) {
	d.Raw, err = scalarText(n)
	return err
}

// UnmarshalYAML implements yaml.NodeUnmarshaler.
func (p *Period) UnmarshalYAML(n ast.Node) (err error) {
	p.Raw, err = scalarText(n)
	return err
}

// UnmarshalYAML implements yaml.NodeUnmarshaler.
func (d *DocNumber) UnmarshalYAML(n ast.Node) error {
	s, err := scalarText(n)
	*d = DocNumber(s)
	return err
}

// UnmarshalYAML implements yaml.NodeUnmarshaler.
func (c *Cell) UnmarshalYAML(n ast.Node) (err error) {
	c.Raw, err = scalarText(n)
	return err
}

// MarshalYAML implements yaml.InterfaceMarshaler.
func (d Date) MarshalYAML() (any, error) { return d.Raw, nil }

// MarshalYAML implements yaml.InterfaceMarshaler.
func (d DateTime) MarshalYAML() (any, error) { return d.Raw, nil }

// MarshalYAML implements yaml.InterfaceMarshaler.
func (p Period) MarshalYAML() (any, error) { return p.Raw, nil }

// MarshalYAML implements yaml.InterfaceMarshaler.
func (c Cell) MarshalYAML() (any, error) { return c.Raw, nil }

// IsZero reports whether the date is not known.
func (d Date) IsZero() bool { return strings.TrimSpace(d.Raw) == "" }

// IsZero reports whether the date and time are not known.
func (d DateTime) IsZero() bool { return strings.TrimSpace(d.Raw) == "" }

// IsZero reports whether the period is not given.
func (p Period) IsZero() bool { return strings.TrimSpace(p.Raw) == "" }

// Time returns the date at midnight UTC; ok is false when the date is
// blank or invalid.
func (d Date) Time() (t time.Time, ok bool) {
	t, err := parseDate(strings.TrimSpace(d.Raw))
	return t, err == nil && !d.IsZero()
}

func parseDate(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "2/1/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("invalid date %q", s)
}

// Time returns the moment in UTC; hasClock tells whether a time of day was
// given; ok is false when the value is blank or invalid.
func (d DateTime) Time() (t time.Time, hasClock, ok bool) {
	s := strings.TrimSpace(d.Raw)
	if s == "" {
		return time.Time{}, false, false
	}
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2/1/2006 15:04", "15:04 2/1/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true, true
		}
	}
	if t, err := parseDate(s); err == nil {
		return t, false, true
	}
	return time.Time{}, false, false
}

// PeriodKind says what span a Period covers.
type PeriodKind int

// The kinds of period a meeting reviews.
const (
	Month PeriodKind = iota + 1
	Quarter
	Half
	NineMonths
	Year
	SchoolYear
)

// Parsed is a Period taken apart. Index is the month (1–12), the quarter
// (1–4) or the half (1–2); Year is the calendar year or, for a school year,
// its first year.
type Parsed struct {
	Kind  PeriodKind
	Year  int
	Index int
}

// Parse takes the period apart; ok is false when it is blank or invalid.
func (p Period) Parse() (Parsed, bool) {
	s := strings.ToUpper(strings.TrimSpace(p.Raw))
	year, rest, found := strings.Cut(s, "-")
	y, err := strconv.Atoi(year)
	if err != nil || len(year) != 4 {
		return Parsed{}, false
	}
	if !found {
		return Parsed{Kind: Year, Year: y}, true
	}
	switch {
	case rest == "9M":
		return Parsed{Kind: NineMonths, Year: y}, true
	case rest == "H1" || rest == "H2":
		return Parsed{Kind: Half, Year: y, Index: int(rest[1] - '0')}, true
	case len(rest) == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4':
		return Parsed{Kind: Quarter, Year: y, Index: int(rest[1] - '0')}, true
	case len(rest) == 4:
		if y2, err := strconv.Atoi(rest); err == nil && y2 == y+1 {
			return Parsed{Kind: SchoolYear, Year: y}, true
		}
	case len(rest) == 2:
		if m, err := strconv.Atoi(rest); err == nil && m >= 1 && m <= 12 {
			return Parsed{Kind: Month, Year: y, Index: m}, true
		}
	}
	return Parsed{}, false
}

// Following returns the period that comes after p: the next month, the
// next quarter, the second half after the first, the last quarter after
// nine months, the next year or school year.
func (p Parsed) Following() Parsed {
	switch p.Kind {
	case Month:
		if p.Index == 12 {
			return Parsed{Kind: Month, Year: p.Year + 1, Index: 1}
		}
		return Parsed{Kind: Month, Year: p.Year, Index: p.Index + 1}
	case Quarter:
		if p.Index == 4 {
			return Parsed{Kind: Quarter, Year: p.Year + 1, Index: 1}
		}
		return Parsed{Kind: Quarter, Year: p.Year, Index: p.Index + 1}
	case Half:
		if p.Index == 2 {
			return Parsed{Kind: Half, Year: p.Year + 1, Index: 1}
		}
		return Parsed{Kind: Half, Year: p.Year, Index: 2}
	case NineMonths:
		return Parsed{Kind: Quarter, Year: p.Year, Index: 4}
	default:
		return Parsed{Kind: p.Kind, Year: p.Year + 1}
	}
}
