package workbook

import (
	"errors"
	"fmt"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool/guard"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/meeting"
)

// FuzzRead reads arbitrary bytes as a clerk's workbook. The seeds in
// testdata/fuzz/FuzzRead are the workbooks of the first sample, blank,
// with a damaged sheet, and stored without compression so that changes
// reach the sheets. Whatever the bytes, Read returns a meeting or a
// diag.List, never another error or a panic, and a meeting it accepts
// writes again as a workbook.
func FuzzRead(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		guard.Input(t, data, func() error { return readInput(data) })
	})
}

// readInput is one input of FuzzRead: nil, or what is wrong.
func readInput(data []byte) error {
	m, err := Read("hop.xlsx", data, meeting.Options{})
	if err != nil {
		if !errors.As(err, new(diag.List)) {
			return fmt.Errorf("Read returned %T, want diag.List: %v", err, err)
		}
		return nil
	}
	if _, err := Write(m); err != nil {
		return fmt.Errorf("a meeting Read accepted does not write: %v", err)
	}
	return nil
}
