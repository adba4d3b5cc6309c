package templates_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/hoinghi/hoinghi/internal/testtool/guard"
	"github.com/hoinghi/hoinghi/report/content"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/meeting"
	"github.com/hoinghi/hoinghi/templates"
)

// fuzzTime is the context each input fills its template under; the
// guard fails an input that has not stopped long after it.
const fuzzTime = 100 * time.Millisecond

// FuzzTemplate parses a template file, compiles it and fills it in for a
// sample meeting: whatever the file, parsing fails with a diag.Problem or
// succeeds, and filling in stops, within the limits of templates.Execute,
// without a panic. The seed corpus in testdata/fuzz/FuzzTemplate holds the
// shipped templates and hostile ones.
func FuzzTemplate(f *testing.F) {
	m := sample(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		guard.Input(t, data, func() error {
			ctx, cancel := context.WithTimeout(context.Background(), fuzzTime)
			defer cancel()
			return fill(ctx, m, data)
		})
	})
}

func fill(ctx context.Context, m *meeting.Meeting, data []byte) error {
	src, err := templates.Parse("fuzz.md", data)
	if err != nil {
		if !errors.As(err, new(diag.Problem)) {
			return fmt.Errorf("Parse: %v (%T), want a diag.Problem", err, err)
		}
		return nil
	}
	k, err := content.Compile(src)
	if err != nil {
		return nil
	}
	k.Text(ctx, m, meeting.Document{Kind: src.Kind})
	return nil
}
