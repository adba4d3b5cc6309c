package xlsx

import (
	"fmt"
	"strings"

	"github.com/hoinghi/hoinghi/report/excel"
	"github.com/hoinghi/hoinghi/report/meeting"
	"github.com/xuri/excelize/v2"
)

var (
	tasksHeader = []string{"STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Trạng thái"}
	// Landscape: the content is the longest text of the sheet.
	tasksWidths = []float64{5, 40, 20, 22, 12, 16}
)

// writeTasks writes the tasks for follow-up: the deadline as a date a
// spreadsheet can sort and filter, the status from a drop-down list.
func writeTasks(f *excelize.File, st *styles, m *meeting.Meeting) error {
	t, err := newTable(f, sheetTasks, true, tasksWidths)
	if err != nil {
		return err
	}
	t.titled(st, "DANH MỤC NHIỆM VỤ SAU HỘI NGHỊ", m.Info.Title, tasksHeader)
	for i, task := range m.Tasks {
		support := strings.Join(task.Support, "\n")
		status := task.Status
		if status == "" {
			status = meeting.TaskStatuses[0]
		}
		deadline := excelize.Cell{StyleID: st.date}
		if d, ok := task.Deadline.Known(); ok && d.HasDay() {
			deadline.Value = excel.Serial(d.Time())
		} else if ok {
			deadline.Value = d.Numeric()
		}
		t.add(t.fit(0, false, "", task.Content, task.Lead, support, "", status),
			excelize.Cell{StyleID: st.center, Value: i + 1},
			excelize.Cell{StyleID: st.text, Value: task.Content},
			excelize.Cell{StyleID: st.text, Value: task.Lead},
			excelize.Cell{StyleID: st.text, Value: support},
			deadline,
			excelize.Cell{StyleID: st.center, Value: status},
		)
	}
	if len(m.Tasks) == 0 {
		// One empty line, with the drop-down, for tasks added by hand.
		blank := make([]any, len(tasksHeader))
		for i := range blank {
			blank[i] = excelize.Cell{StyleID: st.text}
		}
		blank[4] = excelize.Cell{StyleID: st.date}
		t.add(t.fit(0, false), blank...)
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("F%d:F%d", t.header+1, t.last())
	if err := dv.SetDropList(meeting.TaskStatuses); err != nil {
		return fmt.Errorf("listing the statuses: %w", err)
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, "Trạng thái", "Chọn một trạng thái trong danh sách.")
	if err := f.AddDataValidation(sheetTasks, dv); err != nil {
		return fmt.Errorf("adding the status list: %w", err)
	}
	return t.write()
}
