package xlsx

import (
	"fmt"

	"github.com/hoinghi/hoinghi/report/meeting"
	"github.com/xuri/excelize/v2"
)

var (
	summaryHeader = []string{"STT", "Đơn vị", "Số được mời", "Có mặt", "Vắng"}
	summaryWidths = []float64{5, 40, 12, 10, 10}
)

// writeSummary writes the count of delegates per unit. Every count is a
// formula over the list, so that marking a delegate absent there, or adding
// one, updates the summary; each formula also carries the value it has for
// the meeting file, for viewers that show values without calculating.
func writeSummary(f *excelize.File, st *styles, m *meeting.Meeting, list listRange) error {
	t, err := newTable(f, sheetSummary, false, summaryWidths)
	if err != nil {
		return err
	}
	t.titled(st, "TỔNG HỢP ĐẠI BIỂU DỰ HỘI NGHỊ", m.Info.Title, summaryHeader)

	names, units, marks := list.ref("B"), list.ref("D"), list.ref("G")
	sumInvited, sumPresent := 0, 0
	for i, g := range list.groups {
		r := t.last() + 1
		// A delegate of no unit has a blank Đơn vị; so has a group row, but
		// it has no name.
		match := fmt.Sprintf("(%s=$B%d)", units, r)
		if g.Unit == "" {
			match = fmt.Sprintf(`(%s="")*(%s<>"")`, units, names)
		}
		invited, present := len(g.Attendees), 0
		for _, a := range g.Attendees {
			if !a.Absent {
				present++
			}
		}
		sumInvited += invited
		sumPresent += present
		t.add(t.fit(0, false, "", g.Label()),
			excelize.Cell{StyleID: st.center, Value: i + 1},
			excelize.Cell{StyleID: st.text, Value: g.Label()},
			excelize.Cell{StyleID: st.center, Formula: "SUMPRODUCT(" + match + "*1)", Value: invited},
			excelize.Cell{StyleID: st.center, Formula: fmt.Sprintf(`SUMPRODUCT(%s*(%s="%s"))`, match, marks, presentMark), Value: present},
			excelize.Cell{StyleID: st.center, Formula: fmt.Sprintf("C%d-D%d", r, r), Value: invited - present},
		)
	}
	first, last := t.header+1, t.last()
	sum := func(col string, v int) excelize.Cell {
		if last < first {
			return excelize.Cell{StyleID: st.sum, Value: 0}
		}
		return excelize.Cell{StyleID: st.sum, Formula: fmt.Sprintf("SUM(%s%d:%s%d)", col, first, col, last), Value: v}
	}
	t.span(2, excelize.Cell{StyleID: st.sumText, Value: "Tổng cộng"}, fontSize, true,
		sum("C", sumInvited),
		sum("D", sumPresent),
		sum("E", sumInvited-sumPresent),
	)
	return t.write()
}
