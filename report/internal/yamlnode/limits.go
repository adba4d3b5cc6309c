package yamlnode

import (
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
)

// Limits of a YAML file that hoinghi reads, far above what any meeting or
// office needs, so that a small hostile file cannot make the parser or
// the decoder build a huge tree.
const (
	// MaxDepth is how deeply lists and groups of fields may nest; a
	// meeting nests five deep.
	MaxDepth = 64
	// MaxAliasText is how much text aliases (*name) may repeat in all: a
	// few names written once and used again are far below it, "billion
	// laughs" are far above.
	MaxAliasText = 1 << 20
)

// tooDeep reports the first token at which lists and groups of fields nest
// more than MaxDepth deep, before the parser, which descends once per
// level, sees them. Flow collections ([ ], { }) count by their brackets,
// block ones by their indentation and by "- " entries on one line.
func tooDeep(tokens token.Tokens) *diag.Problem {
	var (
		flow   int
		indent []int
		line   int
	)
	for _, tk := range tokens {
		if tk.Position == nil || tk.Type == token.CommentType {
			continue
		}
		switch tk.Type {
		case token.SequenceStartType, token.MappingStartType:
			flow++
		case token.SequenceEndType, token.MappingEndType:
			flow = max(flow-1, 0)
		}
		first := tk.Position.Line != line
		line = tk.Position.Line
		if flow == 0 && (first || tk.Type == token.SequenceEntryType) {
			col := tk.Position.Column
			for len(indent) > 0 && indent[len(indent)-1] > col {
				indent = indent[:len(indent)-1]
			}
			if len(indent) == 0 || indent[len(indent)-1] < col {
				indent = append(indent, col)
			}
		}
		if flow+len(indent) > MaxDepth {
			return &diag.Problem{Line: tk.Position.Line, Col: tk.Position.Column,
				Msg: lang.M("lists and groups of fields nest more than %d deep here: no meeting or office needs so many levels", MaxDepth)}
		}
	}
	return nil
}

// aliasBomb reports the alias at which the text that aliases repeat passes
// MaxAliasText, counting an alias as all it stands for, aliases within it
// included.
func aliasBomb(root ast.Node) *diag.Problem {
	anchors := Anchors(root)
	sizes := map[string]int{}
	var size func(n ast.Node, open map[string]bool) int
	size = func(n ast.Node, open map[string]bool) int {
		total := 0
		ast.Walk(visitor(func(n ast.Node) {
			switch v := n.(type) {
			case *ast.AliasNode:
				name := v.Value.String()
				s, ok := sizes[name]
				if !ok && !open[name] && anchors[name] != nil {
					open[name] = true
					s = size(anchors[name], open)
					delete(open, name)
					sizes[name] = s
				}
				total = min(total+s, MaxAliasText+1)
			default:
				if tk := n.GetToken(); tk != nil {
					total = min(total+len(tk.Value)+1, MaxAliasText+1)
				}
			}
		}), n)
		return total
	}
	var p *diag.Problem
	repeated := 0
	ast.Walk(visitor(func(n ast.Node) {
		a, ok := n.(*ast.AliasNode)
		if !ok || p != nil {
			return
		}
		repeated = min(repeated+size(a, map[string]bool{}), MaxAliasText+1)
		if repeated > MaxAliasText {
			pos := PosOf(a.GetToken())
			p = &diag.Problem{Line: pos.Line, Col: pos.Col,
				Msg: lang.M("the aliases (*name) of this file repeat more than %d MB of text: write the values out, or use fewer aliases", MaxAliasText>>20)}
		}
	}), root)
	return p
}

func init() {
	lang.Register(map[string]string{
		"lists and groups of fields nest more than %d deep here: no meeting or office needs so many levels":           "danh sách và nhóm trường lồng nhau quá %d cấp ở đây: không cuộc họp hay cơ quan nào cần nhiều cấp như vậy",
		"the aliases (*name) of this file repeat more than %d MB of text: write the values out, or use fewer aliases": "các bí danh (*tên) của tệp này lặp lại hơn %d MB văn bản: hãy viết thẳng giá trị, hoặc dùng ít bí danh hơn",
	})
}
