package meeting

import (
	"fmt"
	"strings"

	"github.com/hoinghi/hoinghi/report/lang"
	"golang.org/x/text/language"
)

// Problem is one thing wrong with a meeting file: where it is, which field,
// and what was expected.
type Problem struct {
	File string
	Line int // 1-based; 0 when the position is not known
	Col  int // 1-based
	// Cell is the place in a workbook, "Đại biểu!B14", for input that has
	// no lines; it is printed where a text file has its line and column.
	Cell string
	// Path is the field, as keys and indexes from the top of the file:
	// meeting.attendees[3].name.
	Path string
	Msg  lang.Message
}

// In formats the problem as file:line:column: field: message, in tag.
func (p Problem) In(tag language.Tag) string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", p.Line, p.Col)
	}
	b.WriteString(": ")
	if p.Cell != "" {
		b.WriteString(p.Cell)
		b.WriteString(": ")
	}
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	b.WriteString(p.Msg.In(tag))
	return b.String()
}

// Problems is every problem found in one file. It is the error that Load
// returns for invalid input.
type Problems []Problem

// Error reports the problems in English, one per line.
func (ps Problems) Error() string { return ps.In(lang.English) }

// In reports the problems in tag, one per line.
func (ps Problems) In(tag language.Tag) string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.In(tag)
	}
	return strings.Join(lines, "\n")
}
