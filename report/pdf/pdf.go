// Package pdf writes laid-out pages as a PDF file.
//
// It knows nothing of templates or meeting files: it draws the text and
// lines that layout placed, embeds each face cut down to the characters
// the document uses, and stamps the document information, language and
// outline. Identical input gives identical bytes: the dates and the file
// identifier come from the document, never the clock.
//
// The file is written here rather than through a PDF library: with fpdf
// every document paid about 10 ms only to register its four faces, more
// than a whole document now takes, and gopdf spends as long formatting
// glyphs one by one (the README has the figures). What is drawn is little
// — text at a point, justified lines, rules — and poppler and qpdf check
// every file the tests write.
package pdf

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/report/layout"
)

// ptPerMM converts layout's millimetres to PDF points.
const ptPerMM = 72 / 25.4

// Write draws r with the faces of fs into w. creator is the producing
// program, "hoinghi v1.0.0"; the creation and modification date is
// r.Meta.Date, which comes from the document, so that two runs give the
// same bytes.
func Write(w io.Writer, r *layout.Result, fs *fonts.Set, creator string) error {
	faces, err := cut(r, fs)
	if err != nil {
		return err
	}
	f := newFile()
	catalog, pages, resources := f.reserve(), f.reserve(), f.reserve()
	var fontDict strings.Builder
	for _, fc := range faces {
		if fc != nil {
			fc.obj = f.reserve()
			fmt.Fprintf(&fontDict, "/%s %d 0 R ", fc.resource, fc.obj)
		}
	}
	f.object(resources, fmt.Appendf(nil, "<< /Font << %s>> >>", fontDict.String()))

	pageObjs := make([]int, len(r.Pages))
	for i := range pageObjs {
		pageObjs[i] = f.reserve()
	}
	var content []byte
	for i, p := range r.Pages {
		content = draw(content[:0], p, faces)
		c := f.reserve()
		f.stream(c, "", content)
		piece := pieceInfo(r.Places, i, faces, date(r.Meta.Date))
		f.object(pageObjs[i], fmt.Appendf(nil, "<< /Type /Page /Parent %d 0 R /Resources %d 0 R /Contents %d 0 R%s >>", pages, resources, c, piece))
	}
	var kids strings.Builder
	for _, p := range pageObjs {
		fmt.Fprintf(&kids, "%d 0 R ", p)
	}
	f.object(pages, fmt.Appendf(nil, "<< /Type /Pages /Kids [%s] /Count %d /MediaBox [0 0 %s %s] >>",
		kids.String(), len(pageObjs), num(layout.PageW*ptPerMM), num(layout.PageH*ptPerMM)))

	for _, fc := range faces {
		if fc != nil {
			embed(f, fc, fs)
		}
	}

	cat := fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R /Lang (vi-VN)", pages)
	if outlines := writeOutline(f, r.Outline, pageObjs); outlines != 0 {
		cat += fmt.Sprintf(" /Outlines %d 0 R /PageMode /UseOutlines", outlines)
	}
	f.object(catalog, []byte(cat+" >>"))

	info := f.reserve()
	d := date(r.Meta.Date)
	f.object(info, fmt.Appendf(nil, "<< /Title %s /Author %s /Subject %s /Keywords %s /Creator %s /Producer %s /CreationDate %s /ModDate %s >>",
		text(r.Meta.Title), text(r.Meta.Author), text(r.Meta.Subject), text(r.Meta.Keywords), text(creator), text(creator), d, d))

	if _, err := w.Write(f.finish(catalog, info)); err != nil {
		return fmt.Errorf("writing the PDF: %w", err)
	}
	return nil
}

// cut finds the faces and characters r draws and cuts each face down to
// its characters.
func cut(r *layout.Result, fs *fonts.Set) ([]*face, error) {
	faces := make([]*face, len(fonts.Styles))
	use := func(st fonts.Style, s string) {
		if faces[st] == nil {
			faces[st] = &face{style: st, runes: map[rune]bool{}}
		}
		for _, c := range s {
			faces[st].runes[c] = true
		}
	}
	for _, p := range r.Pages {
		for _, it := range p.Items {
			if t, ok := it.(*layout.Text); ok {
				use(t.Style, t.Text)
			}
		}
	}
	for _, p := range r.Places {
		if p.Size > 0 {
			use(p.Style, p.Chars)
		}
	}
	n := 0
	for _, fc := range faces {
		if fc == nil {
			continue
		}
		n++
		fc.resource = "F" + strconv.Itoa(n)
		sub, err := fs.Faces[fc.style].Subset(slices.Sorted(maps.Keys(fc.runes)))
		if err != nil {
			return nil, err
		}
		fc.sub = sub
	}
	return faces, nil
}

// draw appends the content stream of p to dst. Positions are converted
// from layout's millimetres down from the top-left corner to the PDF's
// points up from the bottom-left one; a font is selected only when it
// changes.
func draw(dst []byte, p layout.Page, faces []*face) []byte {
	var (
		current   *face
		size      float64
		lineWidth = -1.0
	)
	show := func(t *layout.Text) {
		fc := faces[t.Style]
		if fc != current || t.Size != size {
			dst = fmt.Appendf(dst, "/%s %s Tf\n", fc.resource, num(t.Size))
			current, size = fc, t.Size
		}
		dst = fmt.Appendf(dst, "BT %s %s Td ", num(t.X*ptPerMM), num((layout.PageH-t.Y)*ptPerMM))
		s := t.Text
		if t.Gap == 0 || !strings.Contains(s, " ") {
			dst = append(dst, '(')
			dst = fc.glyphs(dst, s)
			dst = append(dst, ") Tj ET\n"...)
			return
		}
		// Justified: every space is widened by layout's gap, given in
		// thousandths of the font size after it.
		adjust := num(-t.Gap / (t.Size / ptPerMM) * 1000)
		dst = append(dst, "[("...)
		for i, word := range strings.Split(s, " ") {
			if i > 0 {
				dst = fc.glyphs(dst, " ")
				dst = append(dst, ')')
				dst = append(dst, adjust...)
				dst = append(dst, '(')
			}
			dst = fc.glyphs(dst, word)
		}
		dst = append(dst, ")] TJ ET\n"...)
	}
	for _, it := range p.Items {
		switch it := it.(type) {
		case *layout.Text:
			show(it)
		case *layout.Rule:
			if it.Width != lineWidth {
				dst = fmt.Appendf(dst, "%s w\n", num(it.Width*ptPerMM))
				lineWidth = it.Width
			}
			dst = fmt.Appendf(dst, "%s %s m %s %s l S\n", num(it.X1*ptPerMM), num((layout.PageH-it.Y1)*ptPerMM), num(it.X2*ptPerMM), num((layout.PageH-it.Y2)*ptPerMM))
		}
	}
	return dst
}
