package workbook

import (
	"archive/zip"
	"bytes"
	"cmp"
	"encoding/binary"
	"io"
	"slices"

	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
)

// The limits of a workbook Read takes. A clerk's workbook is a few
// hundred kilobytes, a meeting of thousands of attendees a few
// megabytes; past these a file is hostile or broken, and Read refuses it
// before excelize unpacks it, so that a small file cannot take the memory,
// the disk or the time of the machine.
const (
	// maxEntries is the number of files a workbook's zip may hold; Write
	// makes about twenty.
	maxEntries = 1000
	// maxEntrySize is the uncompressed size of one file of the zip.
	maxEntrySize = 64 << 20
	// maxTotalSize is the uncompressed size of all of them.
	maxTotalSize = 256 << 20
	// maxRatio is how many times its compressed size a file of over
	// ratioFloor bytes may grow to when unpacked; the sheets of a
	// thousand attendees, as Write and LibreOffice save them, grow 8 to
	// 12 times.
	maxRatio   = 200
	ratioFloor = 1 << 20
	// maxRows and maxCells are the rows and the written cells a sheet may
	// have.
	maxRows  = 20000
	maxCells = 200000
)

// checkZip refuses a workbook whose zip would unpack to more than the
// limits allow, or whose files overlap one another or the central
// directory, as a zip bomb's do, naming the file and the entry.
func checkZip(name string, data []byte) diag.List {
	bad := func(key string, args ...any) diag.List {
		return diag.List{{File: name, Msg: lang.M(key, args...)}}
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return bad("not an Excel workbook (.xlsx): %s", err.Error())
	}
	if len(z.File) > maxEntries {
		return bad("the workbook holds %d files, more than the %d a workbook may have: it is not a workbook of hoinghi", len(z.File), maxEntries)
	}
	type span struct {
		start, end int64
		entry      string
	}
	spans := make([]span, 0, len(z.File))
	var total uint64
	for _, f := range z.File {
		if f.UncompressedSize64 > maxEntrySize {
			return bad("the part %s of the workbook unpacks to %d bytes, more than %d: save the workbook again with Excel or LibreOffice", f.Name, f.UncompressedSize64, maxEntrySize)
		}
		if total += f.UncompressedSize64; total > maxTotalSize {
			return bad("the workbook unpacks to more than %d bytes: save it again with Excel or LibreOffice", maxTotalSize)
		}
		if f.UncompressedSize64 > ratioFloor && f.UncompressedSize64 > maxRatio*f.CompressedSize64 {
			return bad("the part %s of the workbook unpacks to %d times its size, more than %d: it is not a workbook of Excel or LibreOffice", f.Name, f.UncompressedSize64/max(f.CompressedSize64, 1), maxRatio)
		}
		at, err := f.DataOffset()
		if err != nil {
			return bad("the part %s of the workbook cannot be read: %s", f.Name, err.Error())
		}
		spans = append(spans, span{at - localHeader - int64(len(f.Name)), at + int64(f.CompressedSize64), f.Name})
	}
	slices.SortFunc(spans, func(a, b span) int { return cmp.Compare(a.start, b.start) })
	for i := 1; i < len(spans); i++ {
		if spans[i].start < spans[i-1].end {
			return bad("the parts %s and %s of the workbook overlap: it is not a workbook of Excel or LibreOffice", spans[i-1].entry, spans[i].entry)
		}
	}
	if dir, ok := directoryStart(data); ok && len(spans) > 0 && spans[len(spans)-1].end > dir {
		return bad("the part %s of the workbook overlaps its table of contents: it is not a workbook of Excel or LibreOffice", spans[len(spans)-1].entry)
	}
	for _, f := range z.File {
		if err := unpacks(f); err != nil {
			return bad("the part %s of the workbook cannot be read: %s", f.Name, err.Error())
		}
	}
	return nil
}

// localHeader is the fixed part of a zip's local file header, before the
// file's name.
const localHeader = 30

// directoryStart returns where the central directory of a zip begins, as
// its end record says; ok is false for a zip64 file, whose end record
// points elsewhere, and for a zip without one.
func directoryStart(data []byte) (int64, bool) {
	const endSize = 22
	from := max(0, len(data)-endSize-0xffff)
	i := bytes.LastIndex(data[from:], []byte("PK\x05\x06"))
	if i < 0 || from+i+endSize > len(data) {
		return 0, false
	}
	off := binary.LittleEndian.Uint32(data[from+i+16:])
	if off == 0xffffffff {
		return 0, false
	}
	return int64(off), true
}

// unpacks reads a zip file to its end, which archive/zip checks against
// the size the zip declares and the checksum, stopping one byte past the
// declared size.
func unpacks(f *zip.File) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	_, err = io.Copy(io.Discard, io.LimitReader(rc, int64(f.UncompressedSize64)+1))
	return err
}
