package meeting

import (
	"errors"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/hoinghi/hoinghi/internal/input"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/internal/yamlnode"
	"github.com/hoinghi/hoinghi/report/vn"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
	"github.com/hoinghi/hoinghi/report/lang"
)

// Options says what the renderer can draw, so that Load rejects a file
// that would fail later.
type Options struct {
	// Kinds are the document kinds that templates exist for; nil accepts
	// any kind.
	Kinds []string
	// Covers reports whether the fonts can draw r; nil accepts any rune.
	Covers func(r rune) bool
	// Defaults fills what the file leaves blank — from an office profile —
	// after decoding and before validation, so that a required field such
	// as issuer.name may be written once for every meeting of an office.
	Defaults func(m *Meeting)
	// Legacy, when set, reads a file typed in that legacy encoding
	// (hoinghi convert --from): every field without a letter that only
	// Unicode Vietnamese has is decoded before validation.
	Legacy vn.Legacy
}

// Load reads, normalizes and validates one meeting file. A file that cannot
// be read gives a plain error; invalid content gives diag.List.
func Load(path string, opt Options) (*Meeting, error) {
	data, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data, opt)
}

// ReadFile reads a meeting file or input workbook: a regular file of at
// most input.MaxMeeting bytes.
func ReadFile(path string) ([]byte, error) {
	return input.Read(path, lang.M("the meeting file"), input.MaxMeeting)
}

// Parse decodes a meeting from YAML or JSON (JSON is read as the YAML
// subset it is), normalizes every string to NFC and validates the result.
// All problems found are returned at once as diag.List, each with its file,
// line, column and field.
func Parse(name string, data []byte, opt Options) (*Meeting, error) {
	body, p := yamlnode.Document(data, lang.M("a file holds one meeting: found a second YAML document"))
	switch {
	case p != nil:
		p.File = name
		return nil, diag.List{*p}
	case body == nil:
		return nil, diag.List{{File: name, Msg: lang.M("the file is empty: expected a meeting")}}
	}
	idx := newIndex(body)

	var m Meeting
	ps, wrongShape := shape(body, reflect.TypeOf(m), "", yamlnode.Anchors(body))
	if !wrongShape {
		if err := yaml.NodeToValue(body, &m); err != nil {
			ps = append(ps, decodeProblem(err, idx))
		} else {
			ps = append(ps, complete(&m, opt)...)
		}
	}
	if len(ps) == 0 {
		return &m, nil
	}
	for i := range ps {
		ps[i].File = name
		if ps[i].Line == 0 {
			ps[i].Line, ps[i].Col = idx.locate(ps[i].Path)
		}
	}
	list := diag.List(ps)
	list.Sort()
	return nil, list
}

func decodeProblem(err error, idx *index) diag.Problem {
	var (
		te *yaml.TypeError
		ue *yaml.UnexpectedNodeTypeError
		ye yaml.Error
	)
	switch {
	case errors.As(err, &ue):
		want := "a single value"
		switch ue.Expected {
		case ast.SequenceType:
			want = "a list"
		case ast.MappingType:
			want = "a group of fields (key: value)"
		}
		p := diag.Problem{Path: idx.pathAt(ue.Token), Msg: lang.M("expected %s", lang.M(want))}
		p.Line, p.Col = position(ue.Token)
		return p
	case errors.As(err, &te):
		p := diag.Problem{Path: idx.pathAt(te.Token), Msg: lang.M("expected %s", lang.M(describe(te.DstType)))}
		p.Line, p.Col = position(te.Token)
		return p
	case errors.As(err, &ye):
		p := diag.Problem{Path: idx.pathAt(ye.GetToken()), Msg: lang.M("cannot read this value: %s", ye.GetMessage())}
		p.Line, p.Col = position(ye.GetToken())
		return p
	}
	return diag.Problem{Msg: lang.M("cannot read this value: %s", err.Error())}
}

// describe names what a Go type expects, in words a clerk understands.
func describe(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Slice:
		return "a list"
	case reflect.Struct:
		switch t {
		case reflect.TypeOf(Date{}), reflect.TypeOf(DateTime{}), reflect.TypeOf(Period{}), reflect.TypeOf(Cell{}):
			return "a single value"
		}
		return "a group of fields (key: value)"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64:
		return "a whole number"
	}
	return "text"
}

func position(tk *token.Token) (line, col int) {
	p := yamlnode.PosOf(tk)
	return p.Line, p.Col
}

// shape reports everything in the file that the Go type t cannot take —
// keys that name no field, a list where a single value belongs, text
// where a list belongs — all of them, each with its position, where the
// decoder would stop at the first. Aliases are checked as what they stand
// for.
//
// Unknown keys do not stop decoding, which ignores them; a value of the
// wrong shape does, and wrongShape says so.
func shape(n ast.Node, t reflect.Type, path string, anchors map[string]ast.Node) (ps []diag.Problem, wrongShape bool) {
	n = yamlnode.Unwrap(n)
	at := n // a problem with an alias is reported where the alias is
	if a, ok := n.(*ast.AliasNode); ok {
		target, found := anchors[a.Value.String()]
		if !found {
			return nil, false // the decoder reports an unknown alias
		}
		n = yamlnode.Unwrap(target)
	}
	if _, null := n.(*ast.NullNode); null || n == nil {
		return nil, false
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	wrong := func() ([]diag.Problem, bool) {
		p := diag.Problem{Path: path, Msg: lang.M("expected %s", lang.M(describe(t)))}
		p.Line, p.Col = position(at.GetToken())
		return []diag.Problem{p}, true
	}
	fields := yamlFields(t)
	switch {
	case t.Kind() == reflect.Struct && fields != nil:
		m, ok := n.(*ast.MappingNode)
		if !ok {
			return wrong()
		}
		for _, mv := range m.Values {
			key := yamlnode.Key(mv.Key)
			f, ok := fields[key]
			if !ok {
				p := diag.Problem{Path: yamlnode.Join(path, key), Msg: lang.M("unknown field %s: expected one of %s", key, fieldList(t))}
				p.Line, p.Col = position(mv.Key.GetToken())
				ps = append(ps, p)
				continue
			}
			sub, w := shape(mv.Value, f.Type, yamlnode.Join(path, key), anchors)
			ps, wrongShape = append(ps, sub...), wrongShape || w
		}
	case t.Kind() == reflect.Slice:
		s, ok := n.(*ast.SequenceNode)
		if !ok {
			return wrong()
		}
		for i, v := range s.Values {
			sub, w := shape(v, t.Elem(), path+"["+strconv.Itoa(i)+"]", anchors)
			ps, wrongShape = append(ps, sub...), wrongShape || w
		}
	default:
		switch n.(type) {
		case *ast.MappingNode, *ast.SequenceNode:
			return wrong()
		}
		if t.Kind() == reflect.Bool {
			if _, ok := n.(*ast.BoolNode); !ok {
				return wrong()
			}
		}
	}
	return ps, wrongShape
}

// yamlFields maps the YAML keys of struct t to their fields. Structs that
// decode themselves (the scalar types) have no keys.
func yamlFields(t reflect.Type) map[string]reflect.StructField {
	if t.Kind() != reflect.Struct || reflect.PointerTo(t).Implements(reflect.TypeOf((*yaml.NodeUnmarshaler)(nil)).Elem()) {
		return nil
	}
	fields := map[string]reflect.StructField{}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name != "" && name != "-" {
			fields[name] = f
		}
	}
	return fields
}

func fieldList(t reflect.Type) string {
	names := make([]string, 0, t.NumField())
	for name := range yamlFields(t) {
		names = append(names, name)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// index maps each field path of the file to the position of its value, so
// that a problem found in the decoded model can name its line and column.
type index struct {
	pos map[string]yamlnode.Pos
	// inside is where each mapping's fields start: where a missing field
	// would be written.
	inside map[string]yamlnode.Pos
	byOffs map[int]string
}

func newIndex(root ast.Node) *index {
	idx := &index{pos: map[string]yamlnode.Pos{}, inside: map[string]yamlnode.Pos{}, byOffs: map[int]string{}}
	idx.walk(root, "")
	return idx
}

func (idx *index) add(path string, tk *token.Token) {
	if tk == nil || tk.Position == nil {
		return
	}
	if _, seen := idx.pos[path]; !seen {
		idx.pos[path] = yamlnode.PosOf(tk)
	}
	if _, seen := idx.byOffs[tk.Position.Offset]; !seen {
		idx.byOffs[tk.Position.Offset] = path
	}
}

func (idx *index) walk(n ast.Node, path string) {
	n = yamlnode.Unwrap(n)
	switch v := n.(type) {
	case *ast.MappingNode:
		if len(v.Values) > 0 {
			// A block mapping starts at its first key.
			idx.add(path, v.Values[0].Key.GetToken())
			if line, col := position(v.Values[0].Key.GetToken()); line > 0 {
				idx.inside[path] = yamlnode.Pos{Line: line, Col: col}
			}
		}
		for _, mv := range v.Values {
			p := yamlnode.Join(path, yamlnode.Key(mv.Key))
			idx.add(p, mv.Key.GetToken())
			idx.walkValue(mv.Value, p)
		}
	case *ast.SequenceNode:
		idx.add(path, v.GetToken())
		for i, e := range v.Values {
			idx.walkValue(e, path+"["+strconv.Itoa(i)+"]")
		}
	default:
		if n != nil {
			idx.add(path, n.GetToken())
		}
	}
}

// walkValue records a value's own position before its children's, so
// that a problem with the value points at the value and not at its key.
func (idx *index) walkValue(n ast.Node, path string) {
	if u := yamlnode.Unwrap(n); u != nil {
		if tk := u.GetToken(); tk != nil && tk.Position != nil {
			idx.byOffs[tk.Position.Offset] = path
			if _, isMap := u.(*ast.MappingNode); !isMap {
				idx.pos[path] = yamlnode.PosOf(tk)
			}
		}
	}
	idx.walk(n, path)
}

// locate returns the position of path or, when the field is missing,
// where it would go: among the fields of its nearest ancestor present.
func (idx *index) locate(path string) (line, col int) {
	if lc, ok := idx.pos[path]; ok {
		return lc.Line, lc.Col
	}
	for p := path; ; {
		if lc, ok := idx.inside[p]; ok {
			return lc.Line, lc.Col
		}
		if lc, ok := idx.pos[p]; ok {
			return lc.Line, lc.Col
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			if lc, ok := idx.pos[""]; ok {
				return lc.Line, lc.Col
			}
			return 1, 1
		}
		p = p[:i]
	}
}

func (idx *index) pathAt(tk *token.Token) string {
	if tk == nil || tk.Position == nil {
		return ""
	}
	return idx.byOffs[tk.Position.Offset]
}
