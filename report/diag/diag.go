// Package diag is hoinghi's one shape for a problem with an input — a
// meeting file, an input workbook, an office profile, a template — as
// go/scanner's Error and ErrorList are Go's: where it is, which field,
// what was expected, and one printer in either language.
package diag

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/hoinghi/hoinghi/report/lang"
	"golang.org/x/text/language"
)

// Problem is one thing wrong with an input.
type Problem struct {
	// File is the input the problem is in.
	File string
	// Line and Col count from 1 (Col in characters); 0 when not known.
	Line, Col int
	// Cell is the place in a workbook, "Đại biểu!B14", for input that has
	// no lines; it is printed where a text file has its line and column.
	Cell string
	// Path is the field, as keys and indexes from the top of the file:
	// meeting.attendees[3].name.
	Path string
	Msg  lang.Message
	// Err is the underlying cause, if any, for errors.Is.
	Err error
}

// In formats the problem as file:line:column: field: message, in tag.
func (p Problem) In(tag language.Tag) string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(lang.Safe(p.File))
		if p.Line > 0 {
			fmt.Fprintf(&b, ":%d", p.Line)
			if p.Col > 0 {
				fmt.Fprintf(&b, ":%d", p.Col)
			}
		}
		b.WriteString(": ")
	}
	if p.Cell != "" {
		b.WriteString(lang.Safe(p.Cell) + ": ")
	}
	if p.Path != "" {
		b.WriteString(lang.Safe(p.Path) + ": ")
	}
	b.WriteString(p.Msg.In(tag))
	return b.String()
}

// Error reports the problem in English.
func (p Problem) Error() string { return p.In(lang.English) }

// Unwrap returns the underlying cause.
func (p Problem) Unwrap() error { return p.Err }

// List is every problem found in one input. It is the error the loaders
// return for invalid input.
type List []Problem

// Sort orders the problems by file, then line and column, keeping the
// order of problems at one place, so that they read top to bottom.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		switch {
		case a.File != b.File:
			return a.File < b.File
		case a.Line != b.Line:
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// Error reports the problems in English, one per line.
func (l List) Error() string { return l.In(lang.English) }

// In reports the problems in tag, one per line.
func (l List) In(tag language.Tag) string {
	lines := make([]string, len(l))
	for i, p := range l {
		lines[i] = p.In(tag)
	}
	return strings.Join(lines, "\n")
}

// InFile is err with every problem of its List that names no file put in
// file — problems met while rendering or setting up a meeting, which the
// stage that found them could not place; any other error is returned as
// it is.
func InFile(file string, err error) error {
	var ps List
	if !errors.As(err, &ps) {
		return err
	}
	ps = slices.Clone(ps)
	for i := range ps {
		if ps[i].File == "" {
			ps[i].File = file
		}
	}
	return ps
}

// Text is err as a user reads it in tag: the problems of a List or a
// Problem, the message of a lang.Error, a failure of the operating system
// on a file with its remedy (osMessage), else the error's own text made
// lang.Safe, as it may quote a file name.
func Text(err error, tag language.Tag) string {
	var l List
	var p Problem
	var le *lang.Error
	switch {
	case errors.As(err, &l):
		return l.In(tag)
	case errors.As(err, &p):
		return p.In(tag)
	case errors.As(err, &le):
		return le.In(tag)
	}
	if m, ok := osMessage(err); ok {
		return m.In(tag)
	}
	return lang.Safe(err.Error())
}
