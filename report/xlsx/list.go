package xlsx

import (
	"fmt"
	"strings"

	"github.com/hoinghi/hoinghi/report/meeting"
	"github.com/hoinghi/hoinghi/report/vn"
	"github.com/xuri/excelize/v2"
)

// The columns of the list. Có mặt is a working column for the clerk: the
// summary counts its "x" marks, and it is left out of the printed page,
// which carries Ghi chú instead.
var listHeader = []string{"STT", "Họ và tên", "Chức vụ", "Đơn vị", "Ký tên", "Ghi chú", "Có mặt"}

// listWidths are in digits of Times New Roman 13 (about 2.3 mm each): the
// first six fill the 180 mm between the margins, with Ký tên over 30 mm so
// that a signature fits.
var listWidths = []float64{5, 18, 15, 16, 15, 10, 8}

const (
	listPrinted = 6   // columns A to F are printed
	presentMark = "x" // the Có mặt mark of a delegate who came
)

// groups splits the delegates by unit in protocol order
// (meeting.Info.Groups), each group in Vietnamese name order when byName.
func groups(info *meeting.Info, byName bool) []meeting.Group {
	gs := info.Groups()
	if byName {
		for _, g := range gs {
			vn.SortByName(g.Attendees, func(a meeting.Attendee) string { return a.Name })
		}
	}
	return gs
}

// listRange locates the delegates on the list for the summary's formulas.
type listRange struct {
	first, last int // the table body, group rows included
	groups      []meeting.Group
}

// ref is the absolute reference of column col over the table body, as
// another sheet's formula writes it.
func (r listRange) ref(col string) string {
	return fmt.Sprintf("%s!$%s$%d:$%s$%d", quoteSheet(sheetList), col, r.first, col, r.last)
}

// writeList writes the sign-in list.
func writeList(f *excelize.File, st *styles, m *meeting.Meeting, byName bool) (listRange, error) {
	t, err := newTable(f, sheetList, false, listWidths)
	if err != nil {
		return listRange{}, err
	}
	t.freeze, t.paginate = true, true
	listTitle(t, st, m)
	t.head(st.header, listHeader)

	gs := groups(&m.Info, byName)
	n, present, numeral := 0, 0, 0
	for _, g := range gs {
		if len(g.Attendees) == 0 {
			continue
		}
		numeral++
		label := excelize.Cell{StyleID: st.group, Value: groupLabel(numeral, g)}
		t.span(listPrinted, label, fontSize, true, excelize.Cell{StyleID: st.center})
		t.keep()
		for _, a := range g.Attendees {
			n++
			note, mark := a.Note, presentMark
			if a.Absent {
				mark = ""
				if strings.TrimSpace(note) == "" {
					note = "Vắng"
				}
			} else {
				present++
			}
			t.add(t.fit(signRowHeight, false, "", a.Name, a.Position, g.Unit, "", note),
				excelize.Cell{StyleID: st.center, Value: n},
				excelize.Cell{StyleID: st.text, Value: a.Name},
				excelize.Cell{StyleID: st.text, Value: a.Position},
				excelize.Cell{StyleID: st.text, Value: g.Unit},
				excelize.Cell{StyleID: st.text},
				excelize.Cell{StyleID: st.text, Value: note},
				excelize.Cell{StyleID: st.center, Value: mark},
			)
		}
	}
	if n == 0 {
		// An empty line to sign on keeps the formulas' ranges inside the
		// table.
		blank := make([]any, len(listHeader))
		for i := range blank {
			blank[i] = excelize.Cell{StyleID: st.text}
		}
		t.add(signRowHeight, blank...)
	}
	t.keep()
	r := listRange{first: t.header + 1, last: t.last(), groups: gs}

	// The total counts the table, not the meeting file, so that it follows
	// a clerk who adds a delegate or clears a mark.
	count := fmt.Sprintf("COUNTA($B$%d:$B$%d)", r.first, r.last)
	came := fmt.Sprintf(`COUNTIF($G$%d:$G$%d,"%s")`, r.first, r.last, presentMark)
	t.span(listPrinted, excelize.Cell{
		StyleID: st.total,
		Formula: `"Tổng số: "&` + count + `&" đại biểu (có mặt "&` + came + `&", vắng "&(` + count + `-` + came + `)&")"`,
		Value:   fmt.Sprintf("Tổng số: %d đại biểu (có mặt %d, vắng %d)", n, present, n-present),
	}, fontSize, true)

	if err := t.write(); err != nil {
		return listRange{}, err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Area",
		RefersTo: fmt.Sprintf("%s!$A$1:$F$%d", quoteSheet(sheetList), t.last()),
		Scope:    sheetList,
	}); err != nil {
		return listRange{}, fmt.Errorf("setting the print area: %w", err)
	}
	return r, nil
}

// listTitle writes the title block: the issuing agency on the left as in
// ô 2 of Decree 30, then the title, the meeting and its time and place.
func listTitle(t *table, st *styles, m *meeting.Meeting) {
	const agencyCols = 3 // STT, Họ và tên, Chức vụ: about 90 mm
	if p := strings.TrimSpace(m.Issuer.Parent); p != "" {
		t.span(agencyCols, excelize.Cell{StyleID: st.parent, Value: strings.ToUpper(p)}, fontSize, false)
	}
	name := strings.ToUpper(strings.TrimSpace(m.Issuer.Name))
	t.span(agencyCols, excelize.Cell{StyleID: st.agency, Value: name}, fontSize, true)
	t.add(spacerHeight)
	noun := meeting.Infer(m).Noun
	t.span(listPrinted, excelize.Cell{StyleID: st.title, Value: "DANH SÁCH ĐẠI BIỂU DỰ " + strings.ToUpper(noun)}, titleSize, true)
	t.span(listPrinted, excelize.Cell{StyleID: st.subtitle, Value: m.Info.Title}, fontSize, true)
	t.span(listPrinted, excelize.Cell{StyleID: st.line, Value: timePlace(m)}, fontSize, false)
	t.add(spacerHeight)
}

// groupLabel heads the numeral-th group of the list: "II. Sở Nội vụ".
func groupLabel(numeral int, g meeting.Group) string {
	return vn.Roman(numeral) + ". " + g.Label()
}

// timePlace is the line of the title block that says when and where.
func timePlace(m *meeting.Meeting) string {
	venue := strings.TrimSpace(m.Info.Venue)
	if venue == "" {
		venue = vn.Blank
	}
	start, _ := m.Info.Start.Known()
	return "Thời gian: " + start.Words() + "; Địa điểm: " + venue
}
