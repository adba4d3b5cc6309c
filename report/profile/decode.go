package profile

import (
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/internal/yamlnode"

	"github.com/goccy/go-yaml/ast"
	"github.com/hoinghi/hoinghi/report/lang"
)

type text struct {
	path, value string
}

// parse decodes a profile from YAML (or JSON, the YAML subset). It walks
// the syntax tree itself rather than handing it to yaml.NodeToValue: the
// walk knows every value's position, so it reports all unknown keys and
// wrong shapes at once, where the decoder would stop at the first, and it
// records where each field is written for Sources and Check. Problems are
// returned unsorted and without the file name; sorted adds both.
func parse(name string, data []byte) (*Profile, []diag.Problem) {
	body, bad := yamlnode.Document(data, lang.M("a profile holds one office: found a second YAML document"))
	if bad != nil {
		return nil, []diag.Problem{*bad}
	}
	p := &Profile{Path: name, pos: map[string]yamlnode.Pos{}}
	if body == nil {
		return p, nil
	}
	d := &decoder{p: p}
	d.anchors = yamlnode.Anchors(body)
	d.decode(body, reflect.ValueOf(&p.data).Elem(), "")
	if len(d.problems) > 0 {
		return nil, d.problems
	}
	return p, nil
}

// sorted names the file in every problem that names none and orders them
// as they appear in it, as the meeting loader does.
func sorted(name string, ps []diag.Problem) diag.List {
	for i := range ps {
		if ps[i].File == "" {
			ps[i].File = name
		}
	}
	list := diag.List(ps)
	list.Sort()
	return list
}

type decoder struct {
	p        *Profile
	anchors  map[string]ast.Node
	problems []diag.Problem
}

// decode sets v from node n, found at path. The profile's types hold only
// structs, string-keyed maps, lists, text and booleans.
func (d *decoder) decode(n ast.Node, v reflect.Value, path string) {
	n = yamlnode.Unwrap(n)
	at := n // a problem with an alias is reported where the alias is
	if a, ok := n.(*ast.AliasNode); ok {
		// The parser has already refused an alias with no anchor.
		n = yamlnode.Unwrap(d.anchors[a.Value.String()])
	}
	if _, null := n.(*ast.NullNode); null || n == nil {
		return // a blank value leaves the field unset
	}
	if _, isMap := n.(*ast.MappingNode); !isMap {
		// A group's position is its key's, recorded by the caller; any
		// other value is found where it is written.
		d.p.pos[path] = where(at)
	}
	switch v.Kind() {
	case reflect.Struct, reflect.Map:
		m, ok := n.(*ast.MappingNode)
		if !ok {
			d.wrong(at, path, v.Type())
			return
		}
		if v.Kind() == reflect.Map && v.IsNil() {
			v.Set(reflect.MakeMap(v.Type()))
		}
		for _, mv := range m.Values {
			key := yamlnode.Key(mv.Key)
			if v.Kind() == reflect.Map && strings.TrimSpace(key) == "" {
				// The only map of a profile is documents, keyed by kind.
				d.problem(mv.Key, path, lang.M("missing %s", lang.M("the kind of document")))
				continue
			}
			sub := yamlnode.Join(path, key)
			d.p.pos[sub] = where(mv.Key)
			if v.Kind() == reflect.Map {
				e := reflect.New(v.Type().Elem()).Elem()
				d.decode(mv.Value, e, sub)
				v.SetMapIndex(reflect.ValueOf(key), e)
				continue
			}
			i := fieldIndex(v.Type(), key)
			if i < 0 {
				d.problem(mv.Key, sub, lang.M("unknown field %s: expected one of %s", key, strings.Join(fieldNames(v.Type()), ", ")))
				continue
			}
			d.decode(mv.Value, v.Field(i), sub)
		}
	case reflect.Slice:
		s, ok := n.(*ast.SequenceNode)
		if !ok {
			d.wrong(at, path, v.Type())
			return
		}
		list := reflect.MakeSlice(v.Type(), len(s.Values), len(s.Values))
		for i, e := range s.Values {
			d.decode(e, list.Index(i), path+"["+strconv.Itoa(i)+"]")
		}
		v.Set(list)
	case reflect.Bool:
		b, ok := n.(*ast.BoolNode)
		if !ok {
			d.wrong(at, path, v.Type())
			return
		}
		v.SetBool(b.Value)
	case reflect.String:
		s, ok := scalarText(n)
		if !ok {
			d.wrong(at, path, v.Type())
			return
		}
		v.SetString(s)
		d.p.texts = append(d.p.texts, text{path, s})
	}
}

func (d *decoder) problem(n ast.Node, path string, msg lang.Message) {
	at := where(n)
	d.problems = append(d.problems, diag.Problem{Line: at.Line, Col: at.Col, Path: path, Msg: msg})
}

// wrong reports a value of the wrong shape in the words the meeting loader
// uses, so that a clerk reads the same message for both files.
func (d *decoder) wrong(n ast.Node, path string, t reflect.Type) {
	want := "text"
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		want = "a group of fields (key: value)"
	case reflect.Slice:
		want = "a list"
	case reflect.Bool:
		want = "true or false"
	}
	d.problem(n, path, lang.M("expected %s", lang.M(want)))
}

// scalarText returns a scalar as written: an agency code 010 stays "010"
// and not the number 8. Lists and groups are not text.
func scalarText(n ast.Node) (string, bool) {
	switch v := n.(type) {
	case *ast.StringNode:
		return v.Value, true
	case *ast.LiteralNode:
		return v.Value.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return v.GetToken().Value, true
	}
	return "", false
}

// where is the position of a node: a block group is placed at its first
// key, where a clerk sees it start.
func where(n ast.Node) yamlnode.Pos {
	if m, ok := n.(*ast.MappingNode); ok && len(m.Values) > 0 {
		return where(m.Values[0].Key)
	}
	return yamlnode.PosOf(n.GetToken())
}

// fieldIndex returns the index of the field of struct t with the YAML key,
// or -1.
func fieldIndex(t reflect.Type, key string) int {
	for i := range t.NumField() {
		if tagName(t.Field(i)) == key {
			return i
		}
	}
	return -1
}

func fieldNames(t reflect.Type) []string {
	names := make([]string, 0, t.NumField())
	for i := range t.NumField() {
		names = append(names, tagName(t.Field(i)))
	}
	slices.Sort(names)
	return names
}

func tagName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	return name
}
