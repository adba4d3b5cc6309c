package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"time"
)

// contentTypes goes first in the archive, as Office writes it, because some
// readers sniff the first entry to recognize an OOXML package.
const contentTypes = "[Content_Types].xml"

// customHeight matches the mark excelize puts on every row given a
// height, which tells Excel and LibreOffice that the clerk chose it, so
// that neither refits the row as its text grows. The heights Write gives
// are its estimate of the text's, which Excel itself stores without the
// mark; LibreOffice 7 fits no row when the workbook opens, so a row needs
// the estimate to show its wrapped text at all.
var customHeight = regexp.MustCompile(`(<row [^>]*?) customHeight="(?:true|1)"`)

// partZip is the zip writer handed to excelize. It holds every part until
// Close, then stores them content types first and the rest in name order,
// each stamped with the same time, so that the same meeting gives the
// same bytes; and it takes the customHeight marks out of the sheets.
type partZip struct {
	w     io.Writer
	stamp time.Time
	parts map[string]*bytes.Buffer
}

func newPartZip(w io.Writer, stamp time.Time) *partZip {
	return &partZip{w: w, stamp: stamp, parts: map[string]*bytes.Buffer{}}
}

// Create returns a writer for the part name.
func (z *partZip) Create(name string) (io.Writer, error) {
	if _, dup := z.parts[name]; dup {
		return nil, fmt.Errorf("part %s written twice", name)
	}
	b := new(bytes.Buffer)
	z.parts[name] = b
	return b, nil
}

// AddFS is part of excelize.ZipWriter; excelize calls it only for files
// opened from disk with parts it does not know, which a new workbook
// never has.
func (z *partZip) AddFS(fs.FS) error {
	return errors.New("adding a file system to the workbook is not supported")
}

// Close writes the archive.
func (z *partZip) Close() error {
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
	for _, name := range names {
		data := z.parts[name].Bytes()
		if strings.HasPrefix(name, "xl/worksheets/") {
			data = customHeight.ReplaceAll(data, []byte("$1"))
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: z.stamp})
		if err == nil {
			_, err = w.Write(data)
		}
		if err != nil {
			return fmt.Errorf("zipping %s: %w", name, err)
		}
	}
	return zw.Close()
}
