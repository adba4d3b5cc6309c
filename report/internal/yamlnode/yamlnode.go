// Package yamlnode holds the small walks over goccy/go-yaml syntax trees
// that the meeting and profile loaders share, so that both name fields
// and read keys the same way.
package yamlnode

import (
	"fmt"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// Pos is where a token of a YAML file is: its line and column, from 1.
type Pos struct{ Line, Col int }

// PosOf is the position of tk, or the zero Pos when it has none.
func PosOf(tk *token.Token) Pos {
	if tk == nil || tk.Position == nil {
		return Pos{}
	}
	return Pos{tk.Position.Line, tk.Position.Column}
}

// Join appends key to a field path: "meeting" + "title" is
// "meeting.title".
func Join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// Unwrap returns the value under anchors and tags; an alias is returned as
// it is, for the caller to resolve.
func Unwrap(n ast.Node) ast.Node {
	for {
		switch v := n.(type) {
		case *ast.AnchorNode:
			n = v.Value
		case *ast.TagNode:
			n = v.Value
		default:
			return n
		}
	}
}

// Key returns a mapping key as text.
func Key(k ast.MapKeyNode) string {
	if s, ok := k.(*ast.StringNode); ok {
		return s.Value
	}
	return strings.TrimSpace(fmt.Sprint(k))
}

// DocumentLine is the line a document of a YAML stream starts on: its
// first value, else its "---"; 1 when it has neither.
func DocumentLine(d *ast.DocumentNode) int {
	switch {
	case d == nil:
		return 1
	case d.Body != nil && d.Body.GetToken() != nil && d.Body.GetToken().Position != nil:
		return d.Body.GetToken().Position.Line
	case d.Start != nil && d.Start.Position != nil:
		return d.Start.Position.Line
	}
	return 1
}

// Anchors collects the anchors of a document by name, so that an alias can
// be checked as what it stands for.
func Anchors(root ast.Node) map[string]ast.Node {
	anchors := map[string]ast.Node{}
	ast.Walk(visitor(func(n ast.Node) {
		if a, ok := n.(*ast.AnchorNode); ok {
			anchors[a.Name.String()] = a.Value
		}
	}), root)
	return anchors
}

type visitor func(ast.Node)

func (v visitor) Visit(n ast.Node) ast.Visitor {
	v(n)
	return v
}
