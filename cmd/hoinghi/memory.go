package main

import (
	"fmt"
	"io"
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"

	"github.com/hoinghi/hoinghi/report/lang"
	"golang.org/x/text/language"
)

// defaultMemory is the memory the process may hold when GOMEMLIMIT sets
// none: far above what any batch of real meetings needs (a thousand
// attendees render in tens of megabytes), far below what a machine that
// runs hoinghi has.
const defaultMemory = 4 << 30

// exitMemory is the exit code of a process stopped by guardMemory: the
// inputs are too big to render here, not invalid.
const exitMemory = exitRender

// guardMemory sets the soft memory limit of the runtime — GOMEMLIMIT, or
// defaultMemory — and stops the process with a message and exitMemory
// when the live heap, after a collection, passes it anyway, so that Go's
// own out-of-memory crash, which exits 2 as invalid input does and writes
// a goroutine dump instead of a message, never happens.
func guardMemory(stderr io.Writer, tag language.Tag) {
	limit := debug.SetMemoryLimit(-1)
	if limit == math.MaxInt64 {
		limit = defaultMemory
		debug.SetMemoryLimit(limit)
	}
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	go func() {
		for range time.Tick(50 * time.Millisecond) {
			metrics.Read(sample)
			if live := sample[0].Value.Uint64(); live > uint64(limit) {
				fmt.Fprintln(stderr, "hoinghi: "+lang.M("stopped: the inputs need more than %d MB of memory (GOMEMLIMIT raises the limit)", limit>>20).In(tag))
				os.Exit(exitMemory)
			}
		}
	}()
}

func init() {
	lang.Register(map[string]string{
		"stopped: the inputs need more than %d MB of memory (GOMEMLIMIT raises the limit)": "đã dừng: dữ liệu vào cần hơn %d MB bộ nhớ (đặt GOMEMLIMIT để nâng giới hạn)",
	})
}
