package workbook

import (
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/meeting"
)

// validate checks m as meeting.Parse checks a YAML file, so that a
// workbook and a YAML file are held to one set of rules; the problems keep
// their field paths, which Read turns back into cells.
func validate(m *meeting.Meeting, opt meeting.Options) []diag.Problem {
	return meeting.Validate(m, opt)
}
