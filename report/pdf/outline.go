package pdf

import (
	"fmt"

	"github.com/hoinghi/hoinghi/report/layout"
)

// writeOutline writes marks as the document outline (bookmarks), nested
// by level and all open, and returns the number of its root object, or 0
// when there are none.
func writeOutline(f *file, marks []layout.Mark, pageObjs []int) int {
	if len(marks) == 0 {
		return 0
	}
	root := f.reserve()
	obj := make([]int, len(marks))
	for i := range marks {
		obj[i] = f.reserve()
	}
	// parent[i] is the index of the entry i sits under, or -1 for the
	// root; the levels rise by at most one from entry to entry.
	parent := make([]int, len(marks))
	for i, m := range marks {
		parent[i] = -1
		for j := i - 1; j >= 0; j-- {
			if marks[j].Level < m.Level {
				parent[i] = j
				break
			}
		}
	}
	ref := func(i int) int {
		if i < 0 {
			return root
		}
		return obj[i]
	}
	// Siblings, children and the number of entries below each.
	prev, next := make([]int, len(marks)), make([]int, len(marks))
	first, last := make([]int, len(marks)+1), make([]int, len(marks)+1) // index len(marks) is the root
	count := make([]int, len(marks)+1)
	slot := func(i int) int {
		if i < 0 {
			return len(marks)
		}
		return i
	}
	for i := range marks {
		prev[i], next[i] = -1, -1
		p := slot(parent[i])
		if first[p] == 0 {
			first[p] = i + 1 // stored one up, so that 0 means none
		} else {
			prev[i] = last[p] - 1
			next[last[p]-1] = i
		}
		last[p] = i + 1
		for a := parent[i]; ; a = parent[a] {
			count[slot(a)]++
			if a < 0 {
				break
			}
		}
	}
	for i, m := range marks {
		d := fmt.Sprintf("<< /Title %s /Parent %d 0 R /Dest [%d 0 R /XYZ null %s null]", text(m.Title), ref(parent[i]), pageObjs[m.Page], num((layout.PageH-m.Y)*pt))
		if prev[i] >= 0 {
			d += fmt.Sprintf(" /Prev %d 0 R", obj[prev[i]])
		}
		if next[i] >= 0 {
			d += fmt.Sprintf(" /Next %d 0 R", obj[next[i]])
		}
		if first[i] != 0 {
			d += fmt.Sprintf(" /First %d 0 R /Last %d 0 R /Count %d", obj[first[i]-1], obj[last[i]-1], count[i])
		}
		f.object(obj[i], []byte(d+" >>"))
	}
	r := len(marks)
	f.object(root, fmt.Appendf(nil, "<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>", obj[first[r]-1], obj[last[r]-1], count[r]))
	return root
}

// outline makes the bookmark levels a valid PDF outline: the shallowest
// heading used becomes level 0 and no entry is more than one level below
// the one before it.
func outline(marks []layout.Mark) []layout.Mark {
	if len(marks) == 0 {
		return nil
	}
	shallowest := marks[0].Level
	for _, m := range marks {
		shallowest = min(shallowest, m.Level)
	}
	out := make([]layout.Mark, len(marks))
	prev := -1
	for i, m := range marks {
		m.Level = min(m.Level-shallowest, prev+1)
		out[i] = m
		prev = m.Level
	}
	return out
}
