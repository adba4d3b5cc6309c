// Package excel holds what hoinghi's two workbooks — the attendance list
// it writes (report/xlsx) and the input workbook a clerk fills in
// (report/workbook) — need from excelize beyond its own API: a default
// font that Excel really shows, an archive with the same bytes for the
// same input, and row heights estimated from the text, since neither Excel
// nor LibreOffice fits a row it did not lay out itself.
package excel

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf16"

	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/xuri/excelize/v2"
)

// SetDefaultFont makes name at size the Normal style, so that cells a
// clerk adds look like the others and column widths count in that font's
// digits. excelize's SetDefaultFont changes the name only and keeps
// scheme="minor", which makes Excel draw the theme's Calibri whatever the
// name says; both are fixed here, with the size.
func SetDefaultFont(f *excelize.File, name string, size float64) error {
	if err := f.SetDefaultFont(name); err != nil {
		return fmt.Errorf("setting the default font: %w", err)
	}
	if f.Styles == nil || f.Styles.Fonts == nil || len(f.Styles.Fonts.Font) == 0 || f.Styles.Fonts.Font[0].Sz == nil {
		return errors.New("setting the default font: the style sheet has no default font")
	}
	font := f.Styles.Fonts.Font[0]
	font.Scheme = nil
	font.Sz.Val = &size
	return nil
}

// contentTypes goes first in the archive, as Office writes it, because
// some readers sniff the first entry to recognize an OOXML package.
const contentTypes = "[Content_Types].xml"

// flaters keeps compressors between workbooks: a new one costs more than
// compressing a list. The fastest level makes a workbook a little larger
// and a fifth quicker to write.
var flaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed) // fails only for a bad level
	return w
}}

// Zip is the zip writer handed to excelize (excelize.Options.ZipWriter).
// It holds every part until Close and then stores them content types
// first and the rest in name order, each stamped with one time: excelize
// writes streamed sheets in Go map order, which changes from run to run,
// and the same meeting must give the same bytes.
type Zip struct {
	w     io.Writer
	stamp time.Time
	parts map[string]*bytes.Buffer
	// Rewrite, when set, may change a part before it is stored.
	Rewrite func(name string, data []byte) []byte
}

// NewZip returns a Zip writing to w with every entry stamped stamp.
func NewZip(w io.Writer, stamp time.Time) *Zip {
	return &Zip{w: w, stamp: stamp, parts: map[string]*bytes.Buffer{}}
}

// Create returns a writer for the part name.
func (z *Zip) Create(name string) (io.Writer, error) {
	if _, dup := z.parts[name]; dup {
		return nil, fmt.Errorf("part %s written twice", name)
	}
	b := new(bytes.Buffer)
	z.parts[name] = b
	return b, nil
}

// AddFS is part of excelize.ZipWriter; excelize calls it only for files
// opened from disk with parts it does not know, which a new workbook never
// has.
func (z *Zip) AddFS(fs.FS) error {
	return errors.New("adding a file system to the workbook is not supported")
}

// Close writes the archive.
func (z *Zip) Close() error {
	names := make([]string, 0, len(z.parts))
	for name := range z.parts {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool {
		if (names[i] == contentTypes) != (names[j] == contentTypes) {
			return names[i] == contentTypes
		}
		return names[i] < names[j]
	})
	zw := zip.NewWriter(z.w)
	fw := flaters.Get().(*flate.Writer)
	defer flaters.Put(fw)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		fw.Reset(w)
		return fw, nil
	})
	for _, name := range names {
		data := z.parts[name].Bytes()
		if z.Rewrite != nil {
			data = z.Rewrite(name, data)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: z.stamp})
		if err == nil {
			_, err = w.Write(data)
		}
		if err != nil {
			return fmt.Errorf("zipping %s: %w", name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("closing the archive: %w", err)
	}
	return nil
}

// Lines estimates how many lines text takes when wrapped in a column of
// width digits of the default font, less padding for the cell's own
// margins, with letters scale times as wide as the default font's. It
// counts Times New Roman widths generously, so that it errs towards a
// taller row: a clipped name on a printed list is lost.
func Lines(text string, width, padding, scale float64) int {
	room := width - padding
	n := 0
	for _, para := range strings.Split(text, "\n") {
		n++
		used := 0.0
		for i, word := range strings.Fields(para) {
			w := wordWidth(word) * scale
			space := 0.0
			if i > 0 {
				space = 0.5 * scale
			}
			switch {
			case used == 0 && w <= room:
				used = w
			case used+space+w <= room:
				used += space + w
			case w <= room:
				n++
				used = w
			default:
				// A word wider than the column breaks between letters.
				if used > 0 {
					n++
				}
				n += int(math.Ceil(w/room)) - 1
				used = math.Mod(w, room)
			}
		}
	}
	return max(n, 1)
}

// wordWidth is the width of a word in digits of Times New Roman.
func wordWidth(word string) float64 {
	w := 0.0
	for _, r := range word {
		switch {
		case unicode.IsUpper(r):
			w += 1.35
		case unicode.IsDigit(r):
			w += 1
		case unicode.IsLetter(r):
			w += 0.92
		default:
			w += 0.7
		}
	}
	return w
}

// excelEpoch is day 0 of Excel's 1900 date system, as it counts after
// February 1900.
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// Serial is the Excel date of t to the minute: whole days, and the time of
// day as a fraction. A whole day is written as an integer, as Excel writes
// it. A time of day has no exact binary or decimal fraction, and
// LibreOffice truncates what it shows: a number a hair below 11:30 shows
// 11:29. So a time is written a hair above it, by a tenth of a millionth
// of a day (9 µs), which every reader rounds back to the minute.
func Serial(t time.Time) any {
	const day = 24 * 60
	minutes := int64(t.Sub(excelEpoch) / time.Minute)
	if minutes%day == 0 {
		return int(minutes / day)
	}
	return float64(minutes)/day + 1e-10
}

// MaxCellText is the most a cell of Excel holds, in UTF-16 units, as Excel
// counts characters; excelize cuts a longer text without a word.
const MaxCellText = excelize.TotalCellChars

// CellLength is the length of s as Excel counts it against MaxCellText.
func CellLength(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// TooLong is the message for s when it is longer than a cell holds, which
// both workbooks give at the field rather than let excelize cut the text.
func TooLong(s string) (lang.Message, bool) {
	n := CellLength(s)
	return lang.M("the text has %d characters, more than the %d a cell of Excel holds: shorten it", n, MaxCellText), n > MaxCellText
}

func init() {
	lang.Register(map[string]string{
		"the text has %d characters, more than the %d a cell of Excel holds: shorten it": "văn bản dài %d ký tự, nhiều hơn %d ký tự một ô Excel chứa được: rút gọn văn bản",
	})
}
