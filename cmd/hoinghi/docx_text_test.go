package main

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/report/meeting"
	"golang.org/x/text/unicode/norm"
)

// bodyWords counts the words of pages below the top margin, where the
// page number is. A word broken after its hyphen at the end of a line
// ("22/2021/TT-" "BGDĐT)") counts whole: LibreOffice, as Word, may break
// a line there, where hoinghi does not.
func bodyWords(pages []page) map[string]int {
	n := map[string]int{}
	for _, p := range pages {
		ws := lineWords(p)
		for i := 0; i < len(ws); i++ {
			w := ws[i]
			for len(w) > 1 && strings.HasSuffix(w, "-") && i+1 < len(ws) {
				i++
				w += ws[i]
			}
			n[w]++
		}
	}
	return n
}

// lineWords are the words of a page below its top margin, line by line
// from the top and each line from the left: pdftotext's own reading order
// takes a list item's last short line for a column of its own.
func lineWords(p page) []string {
	var ws []word
	for _, w := range p.Words {
		if w.YMax >= 20 {
			ws = append(ws, w)
		}
	}
	slices.SortStableFunc(ws, func(a, b word) int { return cmp.Compare(a.YMax, b.YMax) })
	var texts []string
	for len(ws) > 0 {
		n := 1
		for n < len(ws) && ws[n].YMax-ws[0].YMax < 1 {
			n++
		}
		line := ws[:n]
		slices.SortStableFunc(line, func(a, b word) int { return cmp.Compare(a.XMin, b.XMin) })
		for _, w := range line {
			texts = append(texts, w.Text)
		}
		ws = ws[n:]
	}
	return texts
}

// lineText is the text of a page below its top margin, in lineWords'
// order.
func lineText(p page) string { return strings.Join(lineWords(p), " ") }

// wordDiff lists the words a has more often than b, with how many more.
func wordDiff(a, b map[string]int) []string {
	var out []string
	for w, n := range a {
		if n > b[w] {
			out = append(out, fmt.Sprintf("%q×%d", w, n-b[w]))
		}
	}
	slices.Sort(out)
	return out
}

// TestDocxWords: LibreOffice's PDF of each .docx has the words of
// hoinghi's PDF of the same document, each as often, and no other.
func TestDocxWords(t *testing.T) {
	for _, d := range renderDocx(t) {
		lo, own := bodyWords(bbox(t, d.LO)), bodyWords(bbox(t, d.PDF))
		if missing := wordDiff(own, lo); len(missing) > 0 {
			t.Errorf("%s: the .docx lacks words of the PDF: %s", d.Name, strings.Join(missing, " "))
		}
		if extra := wordDiff(lo, own); len(extra) > 0 {
			t.Errorf("%s: the .docx has words the PDF has not: %s", d.Name, strings.Join(extra, " "))
		}
	}
}

// TestDocxEverythingAppears: every name, position, result, conclusion,
// speech and task of each meeting that its PDFs print (the PDF tests
// check that they print them) appears in LibreOffice's reading of its
// .docx documents, in NFC; so does each word of its table cells and
// attendees, which are set in columns.
func TestDocxEverythingAppears(t *testing.T) {
	byMeeting := map[string][]docxDoc{}
	for _, d := range renderDocx(t) {
		byMeeting[d.Meeting] = append(byMeeting[d.Meeting], d)
	}
	for file, docs := range byMeeting {
		t.Run(filepath.Base(file), func(t *testing.T) {
			m, err := meeting.Load(file, meeting.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var lo, own strings.Builder
			loWords, ownWords := map[string]bool{}, map[string]bool{}
			for _, d := range docs {
				for _, p := range bbox(t, d.LO) {
					lo.WriteString(lineText(p) + " ")
					for _, w := range p.Words {
						loWords[w.Text] = true
					}
				}
				for _, p := range bbox(t, d.PDF) {
					own.WriteString(lineText(p) + " ")
					for _, w := range p.Words {
						ownWords[w.Text] = true
					}
				}
			}
			if !norm.NFC.IsNormalString(lo.String()) {
				t.Error("LibreOffice reads text that is not NFC")
			}
			var prose []string
			for _, c := range m.Info.Chairs {
				prose = append(prose, c.Name, c.Position)
			}
			prose = append(prose, m.Info.Secretary.Name)
			prose = append(prose, m.Results.Summary...)
			prose = append(prose, m.Results.Strengths...)
			prose = append(prose, m.Results.Limitations...)
			prose = append(prose, m.Conclusions...)
			for _, tk := range m.Tasks {
				prose = append(prose, strings.TrimRight(tk.Content, "."), tk.Lead)
			}
			for _, s := range m.Discussion {
				prose = append(prose, s.Speaker, s.Content)
			}
			checked := 0
			for _, s := range prose {
				s = plain(s)
				if s == "" || !strings.Contains(own.String(), s) {
					continue
				}
				checked++
				if !strings.Contains(lo.String(), s) {
					t.Errorf("missing from the .docx documents: %q", s)
				}
			}
			var cells []string
			for _, r := range m.Results.Table.Rows {
				for _, c := range r {
					cells = append(cells, c.Raw)
				}
			}
			for _, a := range m.Info.Attendees {
				cells = append(cells, a.Name, a.Position)
			}
			for _, c := range cells {
				for _, w := range strings.Fields(plain(c)) {
					if !ownWords[w] {
						continue
					}
					checked++
					if !loWords[w] {
						t.Errorf("word %q of %q missing from the .docx documents", w, c)
					}
				}
			}
			if checked == 0 {
				t.Error("nothing of the meeting was found to check")
			}
		})
	}
}
