// Package guard bounds each input of a fuzz target in size, time and
// memory, so that a hang or a blow-up is reported as a finding with its
// input rather than stalling or killing the fuzzing process.
//
// It is apart from package testtool, which imports the packages under
// test: their own fuzz targets could not import it.
package guard

import (
	"fmt"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"testing"
	"time"
)

const (
	// MaxInput is the largest input a target is run on; a larger one
	// passes untried. The loaders' own limits are tested elsewhere.
	MaxInput = 1 << 20
	// Time is how long one input may run. It is below the 10 s after which
	// go test's fuzzing worker panics with no message of its own.
	Time = 5 * time.Second
	// Heap is how much live heap one input may hold.
	Heap = 1 << 30
)

const heapMetric = "/memory/classes/heap/objects:bytes"

var setLimit sync.Once

// Input runs body on data unless data is over MaxInput, and fails t with
// body's error, its panic and stack, or the input's run time or heap when
// it is over Time or Heap. The process's memory limit is set to Heap, so
// that the collector keeps garbage below it and only live data trips it.
func Input(t *testing.T, data []byte, body func() error) {
	t.Helper()
	if len(data) > MaxInput {
		return
	}
	setLimit.Do(func() { debug.SetMemoryLimit(Heap) })
	done := make(chan error, 1)
	go func() {
		var err error
		// The send comes last: the fuzzing engine reads the coverage of
		// the input once Input returns, and code still running then would
		// make it differ from one run of the input to the next.
		defer func() {
			if v := recover(); v != nil {
				err = fmt.Errorf("panic: %v\n%s", v, debug.Stack())
			}
			done <- err
		}()
		err = body()
	}()
	deadline := time.NewTimer(Time)
	defer deadline.Stop()
	tick := time.NewTicker(Time / 50)
	defer tick.Stop()
	sample := []metrics.Sample{{Name: heapMetric}}
	for {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
			return
		case <-deadline.C:
			t.Fatalf("an input of %d bytes still runs after %v", len(data), Time)
		case <-tick.C:
			metrics.Read(sample)
			if heap := sample[0].Value.Uint64(); heap > Heap {
				t.Fatalf("an input of %d bytes holds %d MiB of heap, over %d MiB", len(data), heap>>20, Heap>>20)
			}
		}
	}
}
