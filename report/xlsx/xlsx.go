// Package xlsx writes the attendance workbook of a meeting: the sign-in list
// that delegates sign on paper, a per-unit summary whose counts follow a
// clerk's edits, and the tasks agreed at the meeting for follow-up.
//
// The workbook is meant to be printed as it comes (A4, Times New Roman 13,
// borders, repeated titles, page numbers) and edited afterwards in Excel or
// LibreOffice, so the counts are formulas rather than numbers, and the same
// meeting always gives the same bytes, so that a re-run changes nothing
// under version control or in a mail thread.
package xlsx

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/excel"

	"github.com/hoinghi/hoinghi/report/meeting"
	"github.com/hoinghi/hoinghi/report/when"
	"github.com/xuri/excelize/v2"
)

// Options chooses the row order and the workbook's stamp.
type Options struct {
	// SortByName orders each unit's delegates by given name, then family and
	// middle names, in Vietnamese collation (vn.SortByName). By default
	// the rows keep the protocol order of the meeting file.
	SortByName bool
	// Creator is the tool that made the workbook ("hoinghi v0.1.0"); blank
	// means "hoinghi".
	Creator string
	// Date is the document date, written as the workbook's creation and
	// modification time and as the time of every part in the archive. The
	// zero value means 2000-01-01 UTC: the clock is never read, so the
	// output depends on the input alone.
	Date time.Time
}

// The sheet names, in workbook order. The list comes first because it is
// what a clerk prints; the summary and the tasks follow the meeting.
const (
	sheetList    = "Danh sách đại biểu"
	sheetSummary = "Tổng hợp"
	sheetTasks   = "Nhiệm vụ"
)

// Attendance returns the attendance workbook of m as the bytes of an .xlsx
// file: the sheets "Danh sách đại biểu", "Tổng hợp" and "Nhiệm vụ".
func Attendance(m *meeting.Meeting, opt Options) ([]byte, error) {
	if m == nil {
		return nil, errors.New("xlsx: no meeting")
	}
	if ps := holds(m); ps != nil {
		return nil, ps
	}
	stamp := opt.Date.UTC()
	if opt.Date.IsZero() {
		stamp = when.Fixed
	}
	f := excelize.NewFile()
	defer f.Close()
	// excelize writes streamed sheets in map order; the sorted writer puts
	// every part in a fixed order with a fixed time.
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return excel.NewZip(w, stamp) })

	if err := setup(f); err != nil {
		return nil, err
	}
	st, err := newStyles(f)
	if err != nil {
		return nil, err
	}
	list, err := writeList(f, st, m, opt.SortByName)
	if err != nil {
		return nil, fmt.Errorf("xlsx: sheet %q: %w", sheetList, err)
	}
	if err := writeSummary(f, st, m, list); err != nil {
		return nil, fmt.Errorf("xlsx: sheet %q: %w", sheetSummary, err)
	}
	if err := writeTasks(f, st, m); err != nil {
		return nil, fmt.Errorf("xlsx: sheet %q: %w", sheetTasks, err)
	}
	if err := setProps(f, m, opt.Creator, stamp); err != nil {
		return nil, err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, fmt.Errorf("xlsx: writing the workbook: %w", err)
	}
	return buf.Bytes(), nil
}

// holds checks the texts of m that the workbook writes in a cell of
// their own against what a cell of Excel holds, which excelize would cut
// without a word; each one over is a problem naming its field.
func holds(m *meeting.Meeting) diag.List {
	var ps diag.List
	check := func(path, text string) {
		if msg, long := excel.TooLong(text); long {
			ps = append(ps, diag.Problem{Path: path, Msg: msg})
		}
	}
	check("issuer.parent", strings.ToUpper(strings.TrimSpace(m.Issuer.Parent)))
	check("issuer.name", strings.ToUpper(strings.TrimSpace(m.Issuer.Name)))
	check("meeting.title", m.Info.Title)
	check("meeting.venue", timePlace(m))
	for i, a := range m.Info.Attendees {
		p := fmt.Sprintf("meeting.attendees[%d]", i)
		check(p+".name", a.Name)
		check(p+".position", a.Position)
		check(p+".unit", a.Unit)
		check(p+".note", a.Note)
	}
	numeral := 0
	for _, g := range m.Info.Groups() {
		if len(g.Attendees) == 0 {
			continue
		}
		numeral++
		first := slices.IndexFunc(m.Info.Attendees, func(a meeting.Attendee) bool { return a.Unit == g.Unit })
		check(fmt.Sprintf("meeting.attendees[%d].unit", first), groupLabel(numeral, g))
	}
	for i, t := range m.Tasks {
		p := fmt.Sprintf("tasks[%d]", i)
		check(p+".content", t.Content)
		check(p+".lead", t.Lead)
		check(p+".support", strings.Join(t.Support, "\n"))
	}
	return ps
}

// setup names the sheets and makes Times New Roman 13 the workbook's normal
// font.
func setup(f *excelize.File) error {
	if err := f.SetSheetName("Sheet1", sheetList); err != nil {
		return fmt.Errorf("xlsx: naming the first sheet: %w", err)
	}
	for _, name := range []string{sheetSummary, sheetTasks} {
		if _, err := f.NewSheet(name); err != nil {
			return fmt.Errorf("xlsx: adding sheet %q: %w", name, err)
		}
	}
	f.SetActiveSheet(0)
	return excel.SetDefaultFont(f, fontName, fontSize)
}

// setProps writes the document properties that file managers and mail
// programs show.
func setProps(f *excelize.File, m *meeting.Meeting, creator string, stamp time.Time) error {
	if creator == "" {
		creator = "hoinghi"
	}
	when := stamp.Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          "Danh sách đại biểu - " + m.Info.Title,
		Subject:        m.Info.Title,
		Creator:        creator,
		LastModifiedBy: creator,
		Language:       "vi-VN",
		Created:        when,
		Modified:       when,
	}); err != nil {
		return fmt.Errorf("xlsx: setting the document properties: %w", err)
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: creator, Company: m.Issuer.Name}); err != nil {
		return fmt.Errorf("xlsx: setting the application properties: %w", err)
	}
	return nil
}
