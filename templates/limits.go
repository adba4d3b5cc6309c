package templates

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"text/template"
	"text/template/parse"
	"time"
	"unicode/utf8"

	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
)

// An office's template is input like a meeting file: one that repeats or
// grows without end must fail with a message naming its file and the
// limit, never hang hoinghi or exhaust its memory. These are the limits of
// filling in one template (an abstract or a body) once.
const (
	// MaxOutput is the most text a template may write, in bytes, and the
	// longest text any of its functions may make: some two thousand pages.
	MaxOutput = 4 << 20
	// MaxRepeats is how many times, in all, the {{range}}s of a template
	// may run their body and its {{template}}s may be called.
	MaxRepeats = 1_000_000
	// MaxWidth is the widest width or precision printf may take.
	MaxWidth = 100
	// MaxTime is how long filling in a template may take.
	MaxTime = 10 * time.Second
	// MaxFile is the longest template file read, in bytes; the built-in
	// ones are some 5 KB.
	MaxFile = 1 << 20
)

// The functions Compile puts into a template's parse tree, which only
// Execute defines: they count and check the {{range}}s and {{template}}s.
const (
	rangeGuard    = "_range"
	repeatGuard   = "_repeat"
	templateGuard = "_template"
)

// limitError is a template breaking one of the limits.
type limitError struct{ msg lang.Message }

func (e *limitError) Error() string { return e.msg.String() }

// errTooLong is the cause of the context of an execution past MaxTime.
var errTooLong = errors.New("template time limit")

// Fits returns an error when the function fn would make a text of size
// bytes, more than MaxOutput; a template's own functions check with it
// before they build a text whose size its arguments choose.
func Fits(fn string, size int) error {
	if size > MaxOutput || size < 0 {
		return &limitError{lang.M("%s would make a text longer than the limit of %d MB", fn, MaxOutput>>20)}
	}
	return nil
}

// Counts returns an error when the function fn is asked to number item
// n, outside 0 to MaxRepeats: no template repeats more.
func Counts(fn string, n int) error {
	if n < 0 || n > MaxRepeats {
		return &limitError{lang.M("%s takes a number from 0 to %d, got %d", fn, MaxRepeats, n)}
	}
	return nil
}

// bounded replaces the built-in functions of text/template that make a
// text longer than their arguments: repeated in a variable, they would
// double it without writing a byte.
var bounded = template.FuncMap{
	"print":    func(args ...any) (string, error) { return within("print", args, fmt.Sprint) },
	"println":  func(args ...any) (string, error) { return within("println", args, fmt.Sprintln) },
	"html":     func(args ...any) (string, error) { return within("html", args, template.HTMLEscaper) },
	"js":       func(args ...any) (string, error) { return within("js", args, template.JSEscaper) },
	"urlquery": func(args ...any) (string, error) { return within("urlquery", args, template.URLQueryEscaper) },
	"printf": func(format string, args ...any) (string, error) {
		if err := checkFormat(format); err != nil {
			return "", err
		}
		return within("printf", append([]any{format}, args...), func(a ...any) string { return fmt.Sprintf(format, a[1:]...) })
	},
}

// within calls f with args when their texts together fit MaxOutput, and
// returns its result when it fits too.
func within(fn string, args []any, f func(...any) string) (string, error) {
	size := 0
	for _, a := range args {
		if s, ok := a.(string); ok {
			size += len(s)
		}
	}
	if err := Fits(fn, size); err != nil {
		return "", err
	}
	s := f(args...)
	if err := Fits(fn, len(s)); err != nil {
		return "", err
	}
	return s, nil
}

// checkFormat refuses a printf format with a width or precision above
// MaxWidth, or one taken from an argument (*), which could be any.
func checkFormat(format string) error {
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
	spec:
		for i++; i < len(format); i++ {
			switch c := format[i]; {
			case c == '*':
				return &limitError{lang.M("printf takes a width or precision written in its format, not from an argument (*): write the number, at most %d", MaxWidth)}
			case '1' <= c && c <= '9':
				j := i
				for j < len(format) && '0' <= format[j] && format[j] <= '9' {
					j++
				}
				if n, err := strconv.Atoi(format[i:j]); err != nil || n > MaxWidth {
					return &limitError{lang.M("printf asks for a width or precision of %s: at most %d", format[i:j], MaxWidth)}
				}
				i = j - 1
			case c == '[':
				// An argument index, [2], is no width.
				end := strings.IndexByte(format[i:], ']')
				if end < 0 {
					break spec
				}
				i += end
			case strings.IndexByte("+-# 0.", c) < 0:
				break spec
			}
		}
	}
	return nil
}

// Compile parses text, a template of s placed as AbstractText or
// BodyText place it, with funcs. It refuses, at their line and column, a
// {{range}} over a number above MaxRepeats and a printf format beyond
// MaxWidth, and makes every {{range}} and {{template}} count and check
// the limits as it runs, so that the template runs only through Execute.
func (s Source) Compile(text string, funcs template.FuncMap) (*template.Template, error) {
	t, err := template.New(s.File).Funcs(funcs).Funcs(bounded).Option("missingkey=error").Parse(text)
	if err != nil {
		return nil, s.Locate(err)
	}
	for _, d := range t.Templates() {
		if d.Tree == nil {
			continue
		}
		if err := s.guard(d.Tree, d.Tree.Root); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// guard checks and instruments the nodes under n.
func (s Source) guard(tree *parse.Tree, n parse.Node) error {
	var branch *parse.BranchNode
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return nil
		}
		for _, c := range n.Nodes {
			if err := s.guard(tree, c); err != nil {
				return err
			}
		}
		return nil
	case *parse.ActionNode:
		return s.checkPipe(tree, n.Pipe)
	case *parse.IfNode:
		branch = &n.BranchNode
	case *parse.WithNode:
		branch = &n.BranchNode
	case *parse.RangeNode:
		branch = &n.BranchNode
		if cmds := n.Pipe.Cmds; len(cmds) == 1 && len(cmds[0].Args) == 1 {
			if num, ok := cmds[0].Args[0].(*parse.NumberNode); ok && num.IsInt && num.Int64 > MaxRepeats {
				return s.at(tree, num, lang.M("{{range %s}} repeats more than the limit of %d times", num.Text, MaxRepeats))
			}
		}
		if err := s.checkPipe(tree, n.Pipe); err != nil {
			return err
		}
		n.Pipe.Cmds = append(n.Pipe.Cmds, call(tree, n.Pos, rangeGuard))
		// {{if _repeat}}{{end}} counts a run of the body, and writes nothing.
		repeat := &parse.IfNode{BranchNode: parse.BranchNode{NodeType: parse.NodeIf, Pos: n.Pos, Line: n.Line,
			Pipe: &parse.PipeNode{NodeType: parse.NodePipe, Pos: n.Pos, Line: n.Line, Cmds: []*parse.CommandNode{call(tree, n.Pos, repeatGuard)}},
			List: &parse.ListNode{NodeType: parse.NodeList, Pos: n.Pos}}}
		n.List.Nodes = append([]parse.Node{repeat}, n.List.Nodes...)
	case *parse.TemplateNode:
		if err := s.checkPipe(tree, n.Pipe); err != nil {
			return err
		}
		if n.Pipe == nil {
			n.Pipe = &parse.PipeNode{NodeType: parse.NodePipe, Pos: n.Pos, Line: n.Line}
		}
		n.Pipe.Cmds = append(n.Pipe.Cmds, call(tree, n.Pos, templateGuard))
		return nil
	default:
		return nil
	}
	if err := s.checkPipe(tree, branch.Pipe); err != nil {
		return err
	}
	if err := s.guard(tree, branch.List); err != nil {
		return err
	}
	return s.guard(tree, branch.ElseList)
}

// call is a command that calls the function name, at pos.
func call(tree *parse.Tree, pos parse.Pos, name string) *parse.CommandNode {
	return &parse.CommandNode{NodeType: parse.NodeCommand, Pos: pos, Args: []parse.Node{parse.NewIdentifier(name).SetTree(tree).SetPos(pos)}}
}

// checkPipe refuses a printf of pipe, or of a pipeline inside it, whose
// format is written in the template and breaks checkFormat.
func (s Source) checkPipe(tree *parse.Tree, pipe *parse.PipeNode) error {
	if pipe == nil {
		return nil
	}
	for _, cmd := range pipe.Cmds {
		if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok && id.Ident == "printf" && len(cmd.Args) > 1 {
			if f, ok := cmd.Args[1].(*parse.StringNode); ok {
				var le *limitError
				if err := checkFormat(f.Text); errors.As(err, &le) {
					return s.at(tree, f, le.msg)
				}
			}
		}
		for _, arg := range cmd.Args {
			if chain, ok := arg.(*parse.ChainNode); ok {
				arg = chain.Node
			}
			if p, ok := arg.(*parse.PipeNode); ok {
				if err := s.checkPipe(tree, p); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// at is a problem at node n of tree, at the line and column of the file.
func (s Source) at(tree *parse.Tree, n parse.Node, msg lang.Message) diag.Problem {
	location, _ := tree.ErrorContext(n)
	e := diag.Problem{File: s.File, Msg: msg}
	// location is FILE:LINE:COL, with COL in bytes from 0.
	rest, colText, _ := cutLast(location)
	_, lineText, _ := cutLast(rest)
	e.Line, _ = strconv.Atoi(lineText)
	if col, err := strconv.Atoi(colText); err == nil {
		text := s.line(e.Line)
		e.Col = utf8.RuneCountInString(text[:min(col, len(text))]) + 1
	}
	return e
}

func cutLast(s string) (before, after string, found bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+1:], true
}

// execution is one filling in of a template: what it wrote and how many
// times it repeated.
type execution struct {
	ctx     context.Context
	out     bytes.Buffer
	repeats int64
}

// Execute fills in t, compiled by Compile, with data, and returns the
// text. It fails, with a diag.Problem that names the template file, when
// the template writes more than MaxOutput, repeats more than MaxRepeats
// times or takes longer than MaxTime; it stops when ctx ends, and then
// returns ctx's cause.
func (s Source) Execute(ctx context.Context, t *template.Template, data any) ([]byte, error) {
	ctx, cancel := context.WithTimeoutCause(ctx, MaxTime, errTooLong)
	defer cancel()
	x := &execution{ctx: ctx}
	c, err := t.Clone()
	if err != nil {
		return nil, err
	}
	c.Funcs(template.FuncMap{rangeGuard: x.ranged, repeatGuard: x.repeat, templateGuard: x.template})
	if err := c.Execute(x, data); err != nil {
		var le *limitError
		switch {
		case errors.As(err, &le):
			if e, ok := s.Locate(err).(diag.Problem); ok {
				return nil, e
			}
			return nil, diag.Problem{File: s.File, Msg: le.msg}
		case ctx.Err() != nil:
			return nil, fmt.Errorf("%s: %w", s.File, context.Cause(ctx))
		}
		return nil, s.Locate(err)
	}
	return x.out.Bytes(), nil
}

// check returns an error when the execution is to stop.
func (x *execution) check() error {
	if x.ctx.Err() == nil {
		return nil
	}
	if cause := context.Cause(x.ctx); cause != errTooLong {
		return cause
	}
	return &limitError{lang.M("filling in the template took longer than the limit of %d seconds: look for {{range}}s inside {{range}}s", int(MaxTime/time.Second))}
}

// Write keeps p unless the execution is to stop or p would take it past
// MaxOutput: text/template stops at the error.
func (x *execution) Write(p []byte) (int, error) {
	if err := x.check(); err != nil {
		return 0, err
	}
	if x.out.Len()+len(p) > MaxOutput {
		return 0, &limitError{lang.M("the template writes more than the limit of %d MB: look for a {{range}} that repeats too often", MaxOutput>>20)}
	}
	return x.out.Write(p)
}

// ranged checks what a {{range}} goes over before it starts: a number or
// the length of a list that would take the execution past MaxRepeats.
func (x *execution) ranged(v reflect.Value) (reflect.Value, error) {
	w := v
	for w.IsValid() && (w.Kind() == reflect.Pointer || w.Kind() == reflect.Interface) && !w.IsNil() {
		w = w.Elem()
	}
	var n uint64
	switch w.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n = uint64(max(w.Int(), 0))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		n = w.Uint()
	case reflect.Array, reflect.Slice, reflect.Map:
		n = uint64(w.Len())
	}
	if n > uint64(MaxRepeats-x.repeats) {
		return v, x.tooMany()
	}
	return v, x.check()
}

// repeat counts one run of a {{range}}'s body.
func (x *execution) repeat() (bool, error) {
	if x.repeats++; x.repeats > MaxRepeats {
		return false, x.tooMany()
	}
	return false, x.check()
}

// template counts one {{template}} call, passing on its argument.
func (x *execution) template(v ...reflect.Value) (reflect.Value, error) {
	var dot reflect.Value
	if len(v) > 0 {
		dot = v[0]
	}
	_, err := x.repeat()
	return dot, err
}

func (x *execution) tooMany() error {
	return &limitError{lang.M("the template repeats its {{range}}s and {{template}}s more than the limit of %d times in all", MaxRepeats)}
}

func init() {
	lang.Register(map[string]string{
		"%s would make a text longer than the limit of %d MB": "hàm %s sẽ tạo ra một đoạn văn bản dài quá giới hạn %d MB",
		"the template":                           "tệp mẫu",
		"%s takes a number from 0 to %d, got %d": "hàm %s nhận một số từ 0 đến %d, nhận được %d",
		"printf takes a width or precision written in its format, not from an argument (*): write the number, at most %d": "printf chỉ nhận độ rộng hoặc độ chính xác viết sẵn trong chuỗi định dạng, không lấy từ tham số (*): hãy viết số đó, tối đa %d",
		"printf asks for a width or precision of %s: at most %d":                                                          "printf yêu cầu độ rộng hoặc độ chính xác %s: tối đa là %d",
		"{{range %s}} repeats more than the limit of %d times":                                                            "{{range %s}} lặp lại quá giới hạn %d lần",
		"filling in the template took longer than the limit of %d seconds: look for {{range}}s inside {{range}}s":         "điền dữ liệu vào mẫu lâu quá giới hạn %d giây: hãy xem lại các {{range}} lồng trong {{range}}",
		"the template writes more than the limit of %d MB: look for a {{range}} that repeats too often":                   "mẫu viết ra quá giới hạn %d MB: hãy xem lại {{range}} lặp lại quá nhiều lần",
		"the template repeats its {{range}}s and {{template}}s more than the limit of %d times in all":                    "mẫu lặp lại các {{range}} và {{template}} quá giới hạn tổng cộng %d lần",
	})
}
