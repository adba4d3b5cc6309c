package content

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/hoinghi/hoinghi/report/vn"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// md parses CommonMark with GFM tables; it is safe for concurrent use.
var md = goldmark.New(goldmark.WithExtensions(extension.Table))

// BodyIndent is the first-line indent of body paragraphs, in millimetres
// (Decree 30: 1 cm or 1.27 cm; the official samples use 1 cm).
const BodyIndent = 10

// markdown turns a rendered template into body blocks. Headings are
// numbered here, in Decree 30 order — "I." for #, "1." for ##, "a)" for
// ### — so that a template never numbers by hand and a section left out
// leaves no gap in the numbering.
func markdown(src []byte) ([]Block, error) {
	c := converter{src: src}
	root := md.Parser().Parse(text.NewReader(src))
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if err := c.block(n, 0); err != nil {
			return nil, err
		}
	}
	return c.out, nil
}

type converter struct {
	src     []byte
	out     []Block
	numbers [3]int
}

func (c *converter) block(n ast.Node, depth int) error {
	switch n := n.(type) {
	case *ast.Heading:
		level := min(n.Level, 3)
		c.numbers[level-1]++
		for i := level; i < 3; i++ {
			c.numbers[i] = 0
		}
		h := &Heading{Level: level, Runs: c.inline(n, Run{})}
		switch level {
		case 1:
			h.Label = vn.Roman(c.numbers[0]) + "."
			for i := range h.Runs {
				h.Runs[i].Text = strings.ToUpper(h.Runs[i].Text)
			}
		case 2:
			h.Label = fmt.Sprintf("%d.", c.numbers[1])
		case 3:
			h.Label = vn.Letter(c.numbers[2]-1) + ")"
		}
		c.out = append(c.out, h)
	case *ast.Paragraph, *ast.TextBlock:
		c.paragraph(c.inline(n, Run{}), "")
	case *ast.List:
		i := n.Start
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			marker := "-"
			switch {
			case n.IsOrdered():
				marker = fmt.Sprintf("%d.", i)
				i++
			case depth > 0:
				marker = "+"
			}
			first := true
			for b := item.FirstChild(); b != nil; b = b.NextSibling() {
				switch b.(type) {
				case *ast.Paragraph, *ast.TextBlock:
					m := ""
					if first {
						m = marker
					}
					c.paragraph(c.inline(b, Run{}), m)
					first = false
				default:
					if err := c.block(b, depth+1); err != nil {
						return err
					}
				}
			}
		}
	case *east.Table:
		c.out = append(c.out, c.table(n))
	case *ast.Blockquote:
		for b := n.FirstChild(); b != nil; b = b.NextSibling() {
			if err := c.block(b, depth); err != nil {
				return err
			}
		}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			if s := strings.TrimSpace(string(seg.Value(c.src))); s != "" {
				c.paragraph([]Run{{Text: s}}, "")
			}
		}
	case *ast.ThematicBreak, *ast.HTMLBlock:
		// Neither has a place in an administrative document.
	default:
		return fmt.Errorf("unsupported Markdown element %s", n.Kind())
	}
	return nil
}

// paragraph adds a body paragraph; a list item's marker ("-", "+", "1.")
// starts it at the first-line indent, as Vietnamese documents set lists.
func (c *converter) paragraph(runs []Run, marker string) {
	runs = tidy(runs)
	if len(runs) == 0 {
		return
	}
	if marker != "" {
		runs = append([]Run{{Text: marker + " "}}, runs...)
	}
	c.out = append(c.out, &Paragraph{Runs: runs, Indent: BodyIndent, Align: Justify})
}

// inline flattens n's inline children into styled runs.
func (c *converter) inline(n ast.Node, style Run) []Run {
	var runs []Run
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch := ch.(type) {
		case *ast.Text:
			runs = append(runs, Run{Text: string(ch.Value(c.src)), Bold: style.Bold, Italic: style.Italic})
			if ch.SoftLineBreak() || ch.HardLineBreak() {
				runs = append(runs, Run{Text: " ", Bold: style.Bold, Italic: style.Italic})
			}
		case *ast.String:
			runs = append(runs, Run{Text: string(ch.Value), Bold: style.Bold, Italic: style.Italic})
		case *ast.Emphasis:
			s := style
			if ch.Level >= 2 {
				s.Bold = true
			} else {
				s.Italic = true
			}
			runs = append(runs, c.inline(ch, s)...)
		case *ast.CodeSpan, *ast.Link, *ast.AutoLink:
			runs = append(runs, c.inline(ch, style)...)
			if al, ok := ch.(*ast.AutoLink); ok {
				runs = append(runs, Run{Text: string(al.URL(c.src)), Bold: style.Bold, Italic: style.Italic})
			}
		case *ast.RawHTML:
			// Markup has no meaning on paper.
		default:
			runs = append(runs, c.inline(ch, style)...)
		}
	}
	return runs
}

// tidy collapses white space and merges runs of one style, so that
// layout sees words, not the line breaks of a template. Each merged
// run's text grows in a builder, so that tidying takes time in
// proportion to the text, however many runs it merges.
func tidy(runs []Run) []Run {
	var out []Run
	var cur Run // the run being merged, its text in b
	var b strings.Builder
	space := true         // the last character kept is a space, or there is none yet
	var t strings.Builder // one run's text, tidied
	for _, r := range runs {
		t.Reset()
		for _, ch := range r.Text {
			if unicode.IsSpace(ch) && ch != '\u00a0' {
				if !space {
					t.WriteByte(' ')
				}
				space = true
				continue
			}
			t.WriteRune(ch)
			space = false
		}
		if t.Len() == 0 {
			continue
		}
		if b.Len() > 0 && (cur.Bold != r.Bold || cur.Italic != r.Italic) {
			cur.Text = b.String()
			out = append(out, cur)
			b.Reset()
		}
		if b.Len() == 0 {
			cur = r
		}
		b.WriteString(t.String())
	}
	if s := strings.TrimRight(b.String(), " "); s != "" {
		cur.Text = s
		out = append(out, cur)
	}
	return out
}

func (c *converter) table(n *east.Table) *Table {
	t := &Table{}
	for _, a := range n.Alignments {
		switch a {
		case east.AlignCenter:
			t.Align = append(t.Align, Center)
		case east.AlignRight:
			t.Align = append(t.Align, Right)
		default:
			t.Align = append(t.Align, Left)
		}
	}
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []string
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			var b strings.Builder
			for _, r := range c.inline(cell, Run{}) {
				b.WriteString(r.Text)
			}
			cells = append(cells, collapse(b.String()))
		}
		if _, header := row.(*east.TableHeader); header {
			t.Header = cells
			continue
		}
		t.Rows = append(t.Rows, Row{Cells: cells})
	}
	return t
}
