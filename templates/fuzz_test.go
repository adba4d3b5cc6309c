package templates_test

import (
	"context"
	"errors"
	"fmt"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/hoinghi/hoinghi/report/content"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/meeting"
	"github.com/hoinghi/hoinghi/templates"
)

// Per input, FuzzTemplate parses, compiles and fills in the template
// under a context of fuzzTime, fails when it has not stopped within
// fuzzStop, and fails when the live heap grows past fuzzHeap meanwhile.
const (
	fuzzTime = 100 * time.Millisecond
	fuzzStop = 10 * time.Second
	fuzzHeap = 512 << 20
)

// FuzzTemplate parses a template file, compiles it and fills it in for a
// sample meeting: whatever the file, parsing fails with a diag.Problem or
// succeeds, and filling in stops, within the limits of templates.Execute,
// without a panic. The seed corpus in testdata/fuzz/FuzzTemplate holds the
// shipped templates and hostile ones.
func FuzzTemplate(f *testing.F) {
	m := sample(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), fuzzTime)
		defer cancel()
		done := make(chan error, 1)
		go func() { done <- fill(ctx, m, data) }()
		peak := uint64(0)
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		stop := time.After(fuzzStop)
		for {
			select {
			case err := <-done:
				if err != nil {
					t.Fatal(err)
				}
				return
			case <-stop:
				t.Fatalf("the template did not stop within %s, under a context of %s", fuzzStop, fuzzTime)
			case <-tick.C:
				metrics.Read(sample)
				if peak = max(peak, sample[0].Value.Uint64()); peak > fuzzHeap {
					t.Fatalf("the heap grew to %d MB while the template ran", peak>>20)
				}
			}
		}
	})
}

// fill parses, compiles and fills in a template file for m. It returns an
// error only for a failure of the fuzz target's checks.
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
