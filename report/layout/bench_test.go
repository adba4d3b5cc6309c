package layout

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/report/content"
)

// BenchmarkAgencyLines breaks an agency name of 670 bytes, 6.7 KB and
// 67 KB for the header's left column: ns/op grows tenfold with each
// size, as the name does.
func BenchmarkAgencyLines(b *testing.B) {
	l := &layouter{m: fonts.Default()}
	const unit = "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH BÀ RỊA - VŨNG TÀU, "
	for _, n := range []int{10, 100, 1000} {
		name := strings.Repeat(unit, n)
		b.Run(fmt.Sprint(len(name)), func(b *testing.B) {
			for b.Loop() {
				l.agencyLines(name, fonts.Bold, 13, 63)
			}
		})
	}
}

// BenchmarkLongWord sets a paragraph of one unbroken word of 1,000,
// 10,000 and 100,000 characters, which split breaks into lines: ns/op
// grows tenfold with each size, as the word does.
func BenchmarkLongWord(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		runs := []content.Run{{Text: strings.Repeat("Nguyễn", n/6)}}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				l := &layouter{m: fonts.Default(), res: &Result{}}
				l.newPage()
				l.paragraph(runs, content.BodyIndent, content.Justify, BodySize)
			}
		})
	}
}
