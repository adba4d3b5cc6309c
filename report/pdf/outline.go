package pdf

import (
	"fmt"
	"slices"

	"github.com/hoinghi/hoinghi/report/layout"
)

// writeOutline writes marks as the document outline (bookmarks), nested
// by level and all open, and returns the number of its root object, or 0
// when there are none.
func writeOutline(f *file, marks []layout.Mark, pageObjs []int) int {
	if len(marks) == 0 {
		return 0
	}
	root := len(marks) // the index that stands for the outline's root
	obj := make([]int, len(marks)+1)
	obj[root] = f.reserve()
	for i := range marks {
		obj[i] = f.reserve()
	}
	// Each entry sits under the nearest entry before it of a lower level;
	// the levels rise by at most one from entry to entry.
	parent := make([]int, len(marks))
	kids := make([][]int, len(marks)+1)
	for i, m := range marks {
		parent[i] = root
		for j := i - 1; j >= 0; j-- {
			if marks[j].Level < m.Level {
				parent[i] = j
				break
			}
		}
		kids[parent[i]] = append(kids[parent[i]], i)
	}
	// below counts the entries under i, all of them shown: the outline
	// opens whole.
	var below func(i int) int
	below = func(i int) int {
		n := len(kids[i])
		for _, k := range kids[i] {
			n += below(k)
		}
		return n
	}
	children := func(i int) string {
		if len(kids[i]) == 0 {
			return ""
		}
		return fmt.Sprintf(" /First %d 0 R /Last %d 0 R /Count %d", obj[kids[i][0]], obj[kids[i][len(kids[i])-1]], below(i))
	}
	for i, m := range marks {
		siblings := kids[parent[i]]
		j := slices.Index(siblings, i)
		d := fmt.Sprintf("<< /Title %s /Parent %d 0 R /Dest [%d 0 R /XYZ null %s null]", text(m.Title), obj[parent[i]], pageObjs[m.Page], num((layout.PageH-m.Y)*ptPerMM))
		if j > 0 {
			d += fmt.Sprintf(" /Prev %d 0 R", obj[siblings[j-1]])
		}
		if j < len(siblings)-1 {
			d += fmt.Sprintf(" /Next %d 0 R", obj[siblings[j+1]])
		}
		f.object(obj[i], []byte(d+children(i)+" >>"))
	}
	f.object(obj[root], []byte("<< /Type /Outlines"+children(root)+" >>"))
	return obj[root]
}
