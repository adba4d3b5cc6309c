package content

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkTidy sets one paragraph of 1,000, 10,000 and 100,000 lines,
// each a run of its own that tidy merges: ns/op grows tenfold with each
// size, as the text does.
func BenchmarkTidy(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		var runs []Run
		for i := range n {
			runs = append(runs, Run{Text: "Nội dung dòng\n"}, Run{Text: fmt.Sprint(i), Bold: i%50 == 0})
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				tidy(runs)
			}
		})
	}
}

// TestTidy merges runs of one style across empty ones, collapses white
// space inside and between runs, and trims the paragraph's ends.
func TestTidy(t *testing.T) {
	got := tidy([]Run{
		{Text: "  \n"}, {Text: " Một\n  hai ", Bold: true}, {Text: ""}, {Text: "\tba", Bold: true},
		{Text: " "}, {Text: "bốn\u00a0 năm", Italic: true}, {Text: "  \n"},
	})
	want := []Run{{Text: "Một hai ba", Bold: true}, {Text: " "}, {Text: "bốn\u00a0 năm", Italic: true}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("tidy = %+v, want %+v", got, want)
	}
	long := tidy([]Run{{Text: strings.Repeat("a\n", 100_000)}})
	if len(long) != 1 || len(long[0].Text) != 2*100_000-1 {
		t.Errorf("tidy of 100,000 lines kept %d runs", len(long))
	}
}
