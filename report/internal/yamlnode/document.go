package yamlnode

import (
	"bytes"
	"errors"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
	"golang.org/x/text/unicode/norm"
)

// Document reads the one YAML (or JSON, the YAML subset it is) document
// of a file, as every loader of hoinghi's YAML files must: text that is
// not UTF-8 is refused where it stops being so; a byte order mark, which
// Notepad writes, is dropped; the text is normalized to NFC, and every key
// and value with it, so that no decomposed text reaches a document; a
// second document is refused with the message second; nesting deeper than
// MaxDepth and aliases that repeat more than MaxAliasText are refused. The body is nil
// for a file with nothing in it. Problems have no file name: the caller
// adds it.
func Document(data []byte, second lang.Message) (ast.Node, *diag.Problem) {
	if p := notUTF8(data); p != nil {
		return nil, p
	}
	data = norm.NFC.Bytes(bytes.TrimPrefix(data, []byte("\uFEFF")))
	tokens := lexer.Tokenize(string(data))
	if p := tooDeep(tokens); p != nil {
		return nil, p
	}
	f, err := parser.Parse(tokens, 0)
	if err != nil {
		p := syntaxProblem(err)
		return nil, &p
	}
	switch {
	case len(f.Docs) == 0:
		return nil, nil
	case len(f.Docs) > 1:
		return nil, &diag.Problem{Line: DocumentLine(f.Docs[1]), Col: 1, Msg: second}
	}
	if body := f.Docs[0].Body; body != nil {
		if p := aliasBomb(body); p != nil {
			return nil, p
		}
	}
	return f.Docs[0].Body, nil
}

// notUTF8 reports text that is not UTF-8 — a file saved as UTF-16 or in
// a legacy Vietnamese code page (TCVN3, VNI, cp1258) — at the first byte
// that is not, so that the clerk is told to save it again as UTF-8
// instead of reading a puzzle about YAML or missing characters.
func notUTF8(data []byte) *diag.Problem {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return &diag.Problem{Line: 1, Col: 1, Msg: lang.M("the file is saved as UTF-16: save it again with the UTF-8 encoding")}
	}
	line, col := 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		switch {
		case r == utf8.RuneError && size <= 1:
			return &diag.Problem{Line: line, Col: col, Msg: lang.M("the file is not UTF-8 text: save it again with the UTF-8 encoding")}
		case r == '\n':
			line, col = line+1, 1
		default:
			col++
		}
		data = data[size:]
	}
	return nil
}

// syntaxProblem turns an error of the YAML parser into a diag.Problem at the
// parser's line and column, for every loader of YAML files.
func syntaxProblem(err error) diag.Problem {
	p := diag.Problem{Msg: lang.M("not valid YAML or JSON: %s", err.Error())}
	var ye yaml.Error
	if errors.As(err, &ye) {
		p.Msg = lang.M("not valid YAML or JSON: %s", ye.GetMessage())
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			p.Line, p.Col = tk.Position.Line, tk.Position.Column
		}
	}
	return p
}

func init() {
	lang.Register(map[string]string{
		"the file is saved as UTF-16: save it again with the UTF-8 encoding": "tệp được lưu dạng UTF-16: hãy lưu lại với bảng mã UTF-8",
		"the file is not UTF-8 text: save it again with the UTF-8 encoding":  "tệp không phải văn bản UTF-8: hãy lưu lại với bảng mã UTF-8",
		"not valid YAML or JSON: %s":                                         "không phải YAML hoặc JSON hợp lệ: %s",
	})
}
