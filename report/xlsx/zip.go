package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"sync"
	"time"
)

// contentTypes goes first in the archive, as Office writes it, because some
// readers sniff the first entry to recognize an OOXML package.
const contentTypes = "[Content_Types].xml"

// flaters keeps compressors between workbooks: a new one costs more than
// compressing a list. The fastest level makes the workbook a little larger
// and a fifth quicker to write.
var flaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed) // fails only for a bad level
	return w
}}

// sortedZip is the zip writer handed to excelize. It holds every part until
// Close and then stores them in name order, each stamped with the document
// date: excelize writes streamed sheets in Go map order, which changes from
// run to run, and the same meeting must give the same bytes.
type sortedZip struct {
	w     io.Writer
	stamp time.Time
	parts map[string]*bytes.Buffer
}

func newSortedZip(w io.Writer, stamp time.Time) *sortedZip {
	return &sortedZip{w: w, stamp: stamp, parts: map[string]*bytes.Buffer{}}
}

// Create returns a writer for the part name.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	if _, dup := z.parts[name]; dup {
		return nil, fmt.Errorf("xlsx: part %s written twice", name)
	}
	b := new(bytes.Buffer)
	z.parts[name] = b
	return b, nil
}

// AddFS is part of excelize.ZipWriter; excelize calls it only for files
// opened from disk with unknown parts, which a new workbook never has.
func (z *sortedZip) AddFS(fs.FS) error {
	return errors.New("xlsx: adding a file system to the workbook is not supported")
}

// Close writes the archive.
func (z *sortedZip) Close() error {
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
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: z.stamp})
		if err != nil {
			return fmt.Errorf("xlsx: zipping %s: %w", name, err)
		}
		if _, err := w.Write(z.parts[name].Bytes()); err != nil {
			return fmt.Errorf("xlsx: zipping %s: %w", name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("xlsx: closing the archive: %w", err)
	}
	return nil
}
