package sign

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"

	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
)

// doc is what an incremental update needs of a PDF hoinghi wrote, or
// hoinghi signed: where each object is, the trailer's entries, and the
// few dictionaries the update rewrites.
type doc struct {
	data    []byte
	offsets map[int]int // object number → offset of "N 0 obj"
	size    int         // the trailer's /Size
	root    int
	info    int
	id      string // the first part of /ID, in hex
	xref    int    // the last cross-reference table, for /Prev
}

var (
	reStartxref = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	reSize      = regexp.MustCompile(`/Size (\d+)`)
	reRoot      = regexp.MustCompile(`/Root (\d+) 0 R`)
	reInfo      = regexp.MustCompile(`/Info (\d+) 0 R`)
	reID        = regexp.MustCompile(`/ID \[<([0-9a-f]+)>`)
	rePrev      = regexp.MustCompile(`/Prev (\d+)`)
	rePages     = regexp.MustCompile(`/Pages (\d+) 0 R`)
	reFirstKid  = regexp.MustCompile(`/Kids \[(\d+) 0 R`)
	reAcroForm  = regexp.MustCompile(` /AcroForm (\d+) 0 R`)
	reFields    = regexp.MustCompile(`/Fields \[([^\]]*)\]`)
	reAnnots    = regexp.MustCompile(`/Annots \[([^\]]*)\]`)
	reFieldName = regexp.MustCompile(`/T \((\w+)\)`)
	reRef       = regexp.MustCompile(`(\d+) 0 R`)
)

// producer is how report/pdf writes the start of its /Producer, "hoinghi
// ", as a UTF-16 literal string.
var producer = []byte("/Producer (\xfe\xff\x00h\x00o\x00i\x00n\x00g\x00h\x00i\x00 ")

// damaged is the problem of a file that is not a whole PDF of hoinghi's.
func damaged(what lang.Message) error {
	return diag.List{{Msg: lang.M("the PDF is damaged or was not written by hoinghi (%s): render it again with hoinghi render", what)}}
}

// parse reads the cross-reference tables and trailers of data, newest
// first, and checks that hoinghi wrote it.
func parse(data []byte) (*doc, error) {
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return nil, diag.List{{Msg: lang.M("this is not a PDF file: expected a document hoinghi rendered")}}
	}
	m := reStartxref.FindSubmatch(data)
	if m == nil {
		return nil, damaged(lang.M("no startxref at the end"))
	}
	d := &doc{data: data, offsets: map[int]int{}}
	d.xref, _ = strconv.Atoi(string(m[1]))
	at := d.xref
	for seen := 0; ; seen++ {
		if seen > 64 || at <= 0 || at >= len(data) {
			return nil, damaged(lang.M("a cross-reference table out of place"))
		}
		trailer, err := d.section(at)
		if err != nil {
			return nil, err
		}
		if seen == 0 {
			d.size = atoi(reSize, trailer)
			d.root = atoi(reRoot, trailer)
			d.info = atoi(reInfo, trailer)
			if id := reID.FindSubmatch(trailer); id != nil {
				d.id = string(id[1])
			}
		}
		prev := rePrev.FindSubmatch(trailer)
		if prev == nil {
			break
		}
		at, _ = strconv.Atoi(string(prev[1]))
	}
	if d.size == 0 || d.root == 0 || d.info == 0 || d.id == "" {
		return nil, damaged(lang.M("a trailer without /Size, /Root, /Info or /ID"))
	}
	info, err := d.object(d.info)
	if err != nil {
		return nil, err
	}
	if !bytes.Contains(info, producer) {
		return nil, diag.List{{Msg: lang.M("this PDF was not written by hoinghi: hoinghi signs only the documents it rendered")}}
	}
	return d, nil
}

func atoi(re *regexp.Regexp, b []byte) int {
	m := re.FindSubmatch(b)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// section reads the cross-reference table at offset at into d.offsets,
// keeping the entries of newer tables, and returns its trailer.
func (d *doc) section(at int) ([]byte, error) {
	rest, ok := bytes.CutPrefix(d.data[at:], []byte("xref\n"))
	if !ok {
		return nil, damaged(lang.M("no xref where startxref points"))
	}
	for {
		if after, ok := bytes.CutPrefix(rest, []byte("trailer\n")); ok {
			end := bytes.Index(after, []byte("\nstartxref"))
			if end < 0 {
				return nil, damaged(lang.M("a trailer without its end"))
			}
			return after[:end], nil
		}
		line, tail, ok := bytes.Cut(rest, []byte("\n"))
		var first, count int
		if !ok {
			return nil, damaged(lang.M("a cross-reference table without its trailer"))
		}
		if _, err := fmt.Sscanf(string(line), "%d %d", &first, &count); err != nil || first < 0 || count < 0 || count > len(tail)/20 {
			return nil, damaged(lang.M("a bad cross-reference subsection"))
		}
		for i := range count {
			e := tail[i*20 : i*20+20]
			off, err := strconv.Atoi(string(e[:10]))
			if err != nil {
				return nil, damaged(lang.M("a bad cross-reference entry"))
			}
			if _, newer := d.offsets[first+i]; e[17] == 'n' && !newer {
				d.offsets[first+i] = off
			}
		}
		rest = tail[count*20:]
	}
}

// after returns the bytes of the file after object n's "N 0 obj" line.
func (d *doc) after(n int) ([]byte, error) {
	off, ok := d.offsets[n]
	head := []byte(strconv.Itoa(n) + " 0 obj\n")
	if !ok || off < 0 || off >= len(d.data) || !bytes.HasPrefix(d.data[off:], head) {
		return nil, damaged(lang.M("object %d is missing", n))
	}
	return d.data[off+len(head):], nil
}

// object returns the body of object n, between "N 0 obj" and "endobj".
func (d *doc) object(n int) ([]byte, error) {
	body, err := d.after(n)
	if err != nil {
		return nil, err
	}
	end := bytes.Index(body, []byte("\nendobj"))
	if end < 0 {
		return nil, damaged(lang.M("object %d has no end", n))
	}
	return body[:end], nil
}

// fields returns the objects of the signature fields of the document's
// form, none before the first signature.
func (d *doc) fields(catalog []byte) ([]int, error) {
	m := reAcroForm.FindSubmatch(catalog)
	if m == nil {
		return nil, nil
	}
	n, _ := strconv.Atoi(string(m[1]))
	form, err := d.object(n)
	if err != nil {
		return nil, err
	}
	f := reFields.FindSubmatch(form)
	if f == nil {
		return nil, damaged(lang.M("a form without /Fields"))
	}
	return refs(f[1]), nil
}

func newUpdate(d *doc) *update {
	u := &update{offsets: map[int]int{}}
	u.buf.Grow(len(d.data) + 64<<10)
	u.buf.Write(d.data)
	return u
}

// refs splits "4 0 R 9 0 R" into the objects it refers to, 4 and 9.
func refs(b []byte) []int {
	var out []int
	for _, m := range reRef.FindAllSubmatch(b, -1) {
		n, _ := strconv.Atoi(string(m[1]))
		out = append(out, n)
	}
	return out
}

// update is a document with an incremental update being written after
// its original bytes: the update's objects, then their cross-reference
// table and trailer.
type update struct {
	buf     bytes.Buffer
	offsets map[int]int
}

func (u *update) object(n int, body string) {
	u.offsets[n] = u.buf.Len()
	fmt.Fprintf(&u.buf, "%d 0 obj\n%s\nendobj\n", n, body)
}

// finish writes the cross-reference table of the update's objects, in
// subsections of consecutive numbers, and the trailer, and returns the
// table's offset and the trailer's /Size.
func (u *update) finish(d *doc) (xref, size int) {
	nums := make([]int, 0, len(u.offsets))
	for n := range u.offsets {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	size = max(d.size, nums[len(nums)-1]+1)
	xref = u.buf.Len()
	u.buf.WriteString("xref\n")
	for i := 0; i < len(nums); {
		j := i + 1
		for j < len(nums) && nums[j] == nums[j-1]+1 {
			j++
		}
		fmt.Fprintf(&u.buf, "%d %d\n", nums[i], j-i)
		for _, n := range nums[i:j] {
			fmt.Fprintf(&u.buf, "%010d 00000 n \n", u.offsets[n])
		}
		i = j
	}
	id := sha256.Sum256(u.buf.Bytes())
	fmt.Fprintf(&u.buf, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%x>] /Prev %d >>\nstartxref\n%d\n%%%%EOF\n",
		size, d.root, d.info, d.id, id[:16], d.xref, xref)
	return xref, size
}

var (
	reLength  = regexp.MustCompile(`/Length (\d+)`)
	reFlate   = regexp.MustCompile(`/Filter /FlateDecode`)
	streamTag = []byte(">>\nstream\n")
)

// maxStream is the most a stream of the PDF that sign reads (a font's
// /ToUnicode) may hold once decoded.
const maxStream = 1 << 20

// stream returns the data of stream object n, decoded when it is
// compressed.
func (d *doc) stream(n int) ([]byte, error) {
	rest, err := d.after(n)
	if err != nil {
		return nil, err
	}
	i := bytes.Index(rest[:min(len(rest), 4096)], streamTag)
	if i < 0 {
		return nil, damaged(lang.M("object %d is not a stream", n))
	}
	dict := rest[:i]
	length := atoi(reLength, dict)
	data := rest[i+len(streamTag):]
	if length <= 0 || length > len(data) {
		return nil, damaged(lang.M("object %d is not a stream", n))
	}
	data = data[:length]
	if !reFlate.Match(dict) {
		return data, nil
	}
	z, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, damaged(lang.M("object %d is not a stream", n))
	}
	out, err := io.ReadAll(io.LimitReader(z, maxStream+1))
	if err != nil || len(out) > maxStream {
		return nil, damaged(lang.M("object %d is not a stream", n))
	}
	return out, nil
}

// stream writes a stream object n of the dictionary entries dict (without
// /Length) and data.
func (u *update) stream(n int, dict string, data []byte) {
	u.offsets[n] = u.buf.Len()
	fmt.Fprintf(&u.buf, "%d 0 obj\n<< %s /Length %d >>\nstream\n", n, dict, len(data))
	u.buf.Write(data)
	u.buf.WriteString("\nendstream\nendobj\n")
}
