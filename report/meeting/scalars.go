package meeting

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/hoinghi/hoinghi/report/when"
)

// The scalar types below keep the text as written and parse it on demand.
// Decoding never fails on them, so that validation can report every bad
// date of a file at once, each with its own position, instead of stopping
// at the first.

// Date is a calendar date written as 2023-07-28 or 28/07/2023, or a
// month, 2024-11. The zero value is a date not yet known.
type Date struct{ Raw string }

// DateTime is a date with an optional time of day or session, written as
// 2023-07-28 08:00, 28/07/2023 08:00 or 2025-03-12 sáng (see
// when.ParseMoment).
type DateTime struct{ Raw string }

// Period is a reporting period, in the forms of when.ParsePeriod: 2023-07
// (a month), 2023-Q3, 2023-H1, 2023-9M, 2023, 2023-2024 (a school year),
// 2021-2025 (a phase), dates, words, several separated by ";", or
// "không" for none.
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

// Bare is the number without spaces and leading zeros: "5" for "05",
// "" for a number not yet assigned.
func (d DocNumber) Bare() string { return strings.TrimLeft(strings.TrimSpace(string(d)), "0") }

// Printed is the number as documents print it, with the leading zero
// Decree 30 requires below 10: "05", "12"; "" when not yet assigned.
func (d DocNumber) Printed() string {
	n := d.Bare()
	if len(n) == 1 {
		return "0" + n
	}
	return n
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

// Value parses the date; a blank is the zero when.Date.
func (d Date) Value() (when.Date, error) { return when.ParseDate(d.Raw) }

// Known returns the date when it is valid and at least its month is
// known; ok is false otherwise.
func (d Date) Known() (when.Date, bool) {
	v, err := d.Value()
	return v, err == nil && !v.IsZero()
}

// Value parses the moment; a blank is the zero when.Moment.
func (d DateTime) Value() (when.Moment, error) { return when.ParseMoment(d.Raw) }

// Known returns the moment when it is valid and given.
func (d DateTime) Known() (when.Moment, bool) {
	v, err := d.Value()
	return v, err == nil && !v.IsZero()
}

// Value parses the period; a blank is the zero when.Period.
func (p Period) Value() (when.Period, error) { return when.ParsePeriod(p.Raw) }

// Count is a number of people as a clerk knows it: exact ("37") or
// approximate ("khoảng 60", "hơn 40").
type Count struct{ Raw string }

// UnmarshalYAML implements yaml.NodeUnmarshaler.
func (c *Count) UnmarshalYAML(n ast.Node) (err error) {
	c.Raw, err = scalarText(n)
	return err
}

// MarshalYAML implements yaml.InterfaceMarshaler.
func (c Count) MarshalYAML() (any, error) { return c.Raw, nil }

// IsZero reports whether the count is not given.
func (c Count) IsZero() bool { return strings.TrimSpace(c.Raw) == "" }

// Approximations are the words that make a count approximate, as
// documents write them before the number.
var Approximations = []string{"khoảng", "gần", "hơn", "trên", "chừng"}

// Parse reads the count: its approximating word, if any ("khoảng"), and
// the number; ok is false when it is blank or not a count.
func (c Count) Parse() (approx string, n int, ok bool) {
	f := strings.Fields(strings.ToLower(strings.TrimSpace(c.Raw)))
	if len(f) == 2 && slices.Contains(Approximations, f[0]) {
		approx, f = f[0], f[1:]
	}
	if len(f) != 1 {
		return "", 0, false
	}
	n, err := strconv.Atoi(f[0])
	if err != nil || n < 0 || strings.HasPrefix(f[0], "+") {
		return "", 0, false
	}
	return approx, n, true
}
