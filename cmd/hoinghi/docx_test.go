package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool"
)

// The .docx tests read hoinghi's Word documents back with readers of
// their own — LibreOffice Writer, python-docx, the Open XML SDK's
// validator — and compare what they read with hoinghi's PDF of the same
// document, which the other tests check.

// docxDoc is one document rendered as a .docx and as a PDF, with
// LibreOffice's PDF of the .docx.
type docxDoc struct {
	Meeting string // the meeting file
	Name    string // "cum-thi-dua-2023/thong-bao-2023-07-31"
	Kind    string // thong-bao, bao-cao, bien-ban
	Docx    string
	PDF     string // hoinghi's
	LO      string // LibreOffice's, of Docx
}

var (
	docxOnce sync.Once
	docxDir  string // removed by TestMain
	docxAll  []docxDoc
)

// kindOf is the kind of an output file's name.
func kindOf(name string) string {
	for _, k := range []string{"thong-bao", "bao-cao", "bien-ban"} {
		if strings.HasPrefix(filepath.Base(name), k) {
			return k
		}
	}
	return ""
}

// renderDocx renders every sample and every meeting of the corpus in
// every kind, as .docx and PDF through the command line, once for all the
// tests, and converts all the .docx files to PDF with LibreOffice in one
// run.
func renderDocx(t *testing.T) []docxDoc {
	t.Helper()
	docxOnce.Do(func() {
		dir, err := os.MkdirTemp("", "hoinghi-docx-")
		if err != nil {
			t.Fatal(err)
		}
		docxDir = dir
		meetings := map[string]string{} // output folder → meeting file
		samples, _ := filepath.Glob("../../samples/*.yaml")
		for _, s := range samples {
			out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(s), ".yaml"))
			if code, _, stderr := hoinghi(t, "render", "--kind", "thong-bao,bao-cao,bien-ban", "--format", "docx,pdf", "-o", out, s); code != 0 {
				t.Fatalf("render %s: exit %d\n%s", s, code, stderr)
			}
			meetings[out] = s
		}
		corpus := filepath.Join(dir, "corpus")
		if code, _, stderr := hoinghi(t, "batch", "--kind", "thong-bao,bao-cao,bien-ban", "--format", "docx,pdf", "-o", corpus, "../../samples/corpus"); code != 0 {
			t.Fatalf("batch: exit %d\n%s", code, stderr)
		}
		files, _ := filepath.Glob("../../samples/corpus/*.yaml")
		for _, f := range files {
			meetings[filepath.Join(corpus, strings.TrimSuffix(filepath.Base(f), ".yaml"))] = f
		}
		// LibreOffice writes NAME.pdf into one folder: the documents
		// go there under names of their own.
		flat := filepath.Join(dir, "lo")
		if err := os.Mkdir(flat, 0o755); err != nil {
			t.Fatal(err)
		}
		var docs []docxDoc
		for out, m := range meetings {
			found, _ := filepath.Glob(filepath.Join(out, "*.docx"))
			if len(found) != 3 {
				t.Fatalf("%s: want a .docx of each kind, got %v", out, found)
			}
			for _, f := range found {
				rel, _ := filepath.Rel(dir, strings.TrimSuffix(f, ".docx"))
				copied := filepath.Join(flat, strings.ReplaceAll(rel, string(filepath.Separator), "__")+".docx")
				data, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(copied, data, 0o644); err != nil {
					t.Fatal(err)
				}
				docs = append(docs, docxDoc{Meeting: m, Name: rel, Kind: kindOf(f), Docx: f, PDF: strings.TrimSuffix(f, ".docx") + ".pdf", LO: copied})
			}
		}
		slices.SortFunc(docs, func(a, b docxDoc) int { return strings.Compare(a.Name, b.Name) })
		inputs := make([]string, len(docs))
		for i, d := range docs {
			inputs[i] = d.LO
		}
		for i, pdf := range testtool.ConvertDocx(t, flat, "pdf", inputs...) {
			docs[i].LO = pdf
		}
		docxAll = docs
	})
	if docxAll == nil {
		t.Fatal("rendering the .docx documents failed in an earlier test")
	}
	return docxAll
}

// docxOf returns the documents of the meeting file named name (its base
// name without .yaml).
func docxOf(t *testing.T, name string) []docxDoc {
	t.Helper()
	var docs []docxDoc
	for _, d := range renderDocx(t) {
		if strings.TrimSuffix(filepath.Base(d.Meeting), ".yaml") == name {
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		t.Fatalf("no document of %s", name)
	}
	return docs
}

var (
	bboxMu    sync.Mutex
	bboxCache = map[string][]page{}
)

// bbox is readBBox of a PDF the .docx tests share, read once.
func bbox(t *testing.T, pdf string) []page {
	t.Helper()
	bboxMu.Lock()
	defer bboxMu.Unlock()
	if p, ok := bboxCache[pdf]; ok {
		return p
	}
	p := readBBox(t, pdf)
	bboxCache[pdf] = p
	return p
}
