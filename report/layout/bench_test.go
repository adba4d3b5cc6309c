package layout

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/fonts"
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
