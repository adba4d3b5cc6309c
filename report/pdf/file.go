package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"fmt"
	"math"
	"strconv"
	"sync"
	"time"
	"unicode/utf16"
)

// file assembles a PDF: numbered objects, their cross-reference table and
// the trailer. Objects are numbered when reserved, so that a dictionary
// can refer to one written later, and are written in any order.
type file struct {
	buf     bytes.Buffer
	offsets []int // offsets[n-1] is where object n begins
	scratch bytes.Buffer
}

func newFile() *file {
	f := &file{}
	// The comment of high bytes tells file-transfer tools the file is
	// binary.
	f.buf.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	return f
}

// reserve numbers a new object.
func (f *file) reserve() int {
	f.offsets = append(f.offsets, 0)
	return len(f.offsets)
}

// object writes object n, a dictionary or any other value.
func (f *file) object(n int, value []byte) {
	f.offsets[n-1] = f.buf.Len()
	f.buf.WriteString(strconv.Itoa(n))
	f.buf.WriteString(" 0 obj\n")
	f.buf.Write(value)
	f.buf.WriteString("\nendobj\n")
}

// stream writes object n as a stream of data compressed with zlib. dict
// holds the entries beyond /Length and /Filter, or is empty.
func (f *file) stream(n int, dict string, data []byte) {
	f.scratch.Reset()
	deflate(&f.scratch, data)
	f.offsets[n-1] = f.buf.Len()
	fmt.Fprintf(&f.buf, "%d 0 obj\n<< /Length %d /Filter /FlateDecode %s>>\nstream\n", n, f.scratch.Len(), dict)
	f.buf.Write(f.scratch.Bytes())
	f.buf.WriteString("\nendstream\nendobj\n")
}

// finish writes the cross-reference table and the trailer. The file
// identifier is a digest of the file, so identical documents have
// identical identifiers.
func (f *file) finish(root, info int) []byte {
	id := sha256.Sum256(f.buf.Bytes())
	xref := f.buf.Len()
	fmt.Fprintf(&f.buf, "xref\n0 %d\n0000000000 65535 f \n", len(f.offsets)+1)
	for _, off := range f.offsets {
		fmt.Fprintf(&f.buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&f.buf, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%x> <%x>] >>\nstartxref\n%d\n%%%%EOF\n",
		len(f.offsets)+1, root, info, id[:16], id[:16], xref)
	return f.buf.Bytes()
}

// level is the compression of every stream. Page streams and font
// subsets are small and repetitive: level 2 makes the seed's THÔNG BÁO
// 35 KB in 5 ms; the default level 6 saves 1 KB for a third more time.
const level = 2

// zlibWriters keeps compressors between streams and documents: a new one
// allocates about a megabyte of tables.
var zlibWriters = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, level)
	return w
}}

func deflate(dst *bytes.Buffer, data []byte) {
	w := zlibWriters.Get().(*zlib.Writer)
	w.Reset(dst)
	w.Write(data) // writes to a bytes.Buffer do not fail
	w.Close()
	zlibWriters.Put(w)
}

// text is a PDF text string: UTF-16 with a byte-order mark, so that every
// Vietnamese letter survives, as a literal string — half the size of hex.
func text(s string) string {
	b := []byte("(")
	b = literal(b, 0xFEFF)
	for _, u := range utf16.Encode([]rune(s)) {
		b = literal(b, u)
	}
	return string(append(b, ')'))
}

// literal appends the two bytes of u, high first, to a literal string,
// escaping those a literal string cannot hold as they are: its
// delimiters, the backslash, and the line ends a reader would change.
func literal(dst []byte, u uint16) []byte {
	for _, b := range [2]byte{byte(u >> 8), byte(u)} {
		switch b {
		case '(', ')', '\\':
			dst = append(dst, '\\', b)
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\n':
			dst = append(dst, '\\', 'n')
		default:
			dst = append(dst, b)
		}
	}
	return dst
}

// date is a PDF date in UTC.
func date(t time.Time) string {
	return "(D:" + t.UTC().Format("20060102150405") + "Z)"
}

// num writes x with at most two decimals, as PDF numbers are written.
func num(x float64) string {
	r := math.Round(x*100) / 100
	if r == 0 {
		r = 0 // never "-0"
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}
