package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/report/lang"
)

// TestMessagesTranslated reads every message of the source — the English
// text given to lang.M, lang.Errorf, say and the help's t — and checks
// that Vietnamese, the default language, has its own translation.
// verbs are the formatting verbs of a message key.
var verbs = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

func TestMessagesTranslated(t *testing.T) {
	calls := map[string]bool{"M": true, "Errorf": true, "say": true, "t": true}
	fset := token.NewFileSet()
	n := 0
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(node ast.Node) bool {
			call, ok := node.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			var name string
			switch fn := call.Fun.(type) {
			case *ast.Ident:
				name = fn.Name
			case *ast.SelectorExpr:
				name = fn.Sel.Name
				if x, ok := fn.X.(*ast.Ident); ok && name != "say" && x.Name != "lang" {
					return true
				}
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !calls[name] || !ok || lit.Kind != token.STRING {
				return true
			}
			key, err := strconv.Unquote(lit.Value)
			// A key already in Vietnamese ("Mẫu %s"), or with no word
			// besides its verbs ("%s: %s"), needs no translation.
			if err != nil || !strings.ContainsAny(verbs.ReplaceAllString(key, ""), "abcdefghijklmnopqrstuvwxyz") || strings.ContainsFunc(key, func(r rune) bool { return r > 0x7f && r != '…' && r != '⇄' }) {
				return true
			}
			n++
			if lang.M(key).In(lang.Vietnamese) == lang.M(key).In(lang.English) {
				t.Errorf("%s: %q has no Vietnamese translation", fset.Position(lit.Pos()), key)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 50 {
		t.Fatalf("found only %d messages: the walk does not read the source", n)
	}
}
