package workbook

import (
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/hoinghi/hoinghi/report/excel"
)

// customHeight matches the mark excelize puts on every row given a
// height, which tells Excel and LibreOffice that the clerk chose it, so
// that neither refits the row as its text grows. The heights Write gives
// are its estimate of the text's, which Excel itself stores without the
// mark; LibreOffice 7 fits no row when the workbook opens, so a row needs
// the estimate to show its wrapped text at all.
var customHeight = regexp.MustCompile(`(<row [^>]*?) customHeight="(?:true|1)"`)

// newPartZip returns the zip writer handed to excelize: excel.Zip, for
// the same bytes from the same meeting, taking the customHeight marks out
// of the sheets.
func newPartZip(w io.Writer, stamp time.Time) *excel.Zip {
	z := excel.NewZip(w, stamp)
	z.Rewrite = func(name string, data []byte) []byte {
		if strings.HasPrefix(name, "xl/worksheets/") {
			return customHeight.ReplaceAll(data, []byte("$1"))
		}
		return data
	}
	return z
}
