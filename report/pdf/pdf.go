// Package pdf draws laid-out pages into a PDF with codeberg.org/go-pdf/fpdf.
//
// It knows nothing of templates or meeting files: it draws the text and
// lines that layout placed, embeds the fonts subset to the characters
// used, and stamps the document information. Identical input gives
// identical bytes: catalogs are sorted and both dates are fixed from the
// document, never the clock.
package pdf

import (
	"fmt"
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/report/layout"
)

// Options stamps the file.
type Options struct {
	// Creator is the producing program: "hoinghi v1.0.0".
	Creator string
	// Date is the creation and modification date. It comes from the
	// document (or SOURCE_DATE_EPOCH), so two runs give the same bytes.
	Date time.Time
}

const family = "serif"

// pageNumberSize and pageNumberTop place the page number: 14 pt, centred
// in the top margin, its line box 10 mm from the top edge, as in the
// official samples.
const (
	pageNumberSize = 14.0
	pageNumberTop  = 10.0
)

// Write draws r with the faces of fs into w.
func Write(w io.Writer, r *layout.Result, fs *fonts.Set, opt Options) error {
	f := fpdf.NewCustom(&fpdf.InitType{
		UnitStr:        "mm",
		OrientationStr: "P",
		Size:           fpdf.SizeType{Wd: layout.PageW, Ht: layout.PageH},
	})
	f.SetMargins(0, 0, 0)
	f.SetCellMargin(0)
	f.SetAutoPageBreak(false, 0)
	f.SetCompression(true)
	f.SetCatalogSort(true)
	date := opt.Date.UTC()
	f.SetCreationDate(date)
	f.SetModificationDate(date)
	f.SetTitle(r.Meta.Title, true)
	f.SetAuthor(r.Meta.Author, true)
	f.SetSubject(r.Meta.Subject, true)
	f.SetKeywords(r.Meta.Keywords, true)
	f.SetCreator(opt.Creator, true)
	f.SetProducer(opt.Creator, true)
	f.SetLang("vi-VN")

	// Register only the faces the document draws: each registered face
	// is parsed and embedded.
	used := map[fonts.Style]bool{}
	whole := false // a character outside the repertoire needs whole faces
	for _, p := range r.Pages {
		if p.Number != "" {
			used[fonts.Regular] = true
		}
		for _, it := range p.Items {
			if it.Kind != layout.TextItem {
				continue
			}
			used[it.Style] = true
			for _, c := range it.Text {
				whole = whole || !fonts.InRepertoire(c)
			}
		}
	}
	anyStyle := fonts.Regular
	for _, st := range fonts.Styles {
		if used[st] {
			f.AddUTF8FontFromBytes(family, st.String(), fs.Faces[st].Embedded(whole))
			anyStyle = st
		}
	}
	if err := f.Error(); err != nil {
		return fmt.Errorf("font %s: %w", fs.Family, err)
	}

	// fpdf writes a font selection for every SetFont; selecting only on
	// a change keeps the page streams small.
	type face struct {
		style fonts.Style
		size  float64
	}
	var current face
	use := func(st fonts.Style, size float64) {
		if (face{st, size}) != current {
			f.SetFont(family, st.String(), size)
			current = face{st, size}
		}
	}
	marks := outline(r.Outline)
	for i, p := range r.Pages {
		f.AddPage()
		current = face{size: -1} // a new page starts with no font selected
		if p.Number != "" {
			use(fonts.Regular, pageNumberSize)
			w := f.GetStringWidth(p.Number)
			f.Text(layout.Left+layout.TextW/2-w/2, pageNumberTop+0.905*pageNumberSize*25.4/72, p.Number)
		}
		// fpdf encodes a bookmark's title as UTF-16 only while a UTF-8
		// font is current.
		use(anyStyle, pageNumberSize)
		for _, m := range marks {
			if m.Page == i {
				f.Bookmark(m.Title, m.Level, m.Y)
			}
		}
		for _, it := range p.Items {
			switch it.Kind {
			case layout.TextItem:
				use(it.Style, it.Size)
				if it.Justify > 0 {
					// fpdf stretches the spaces of a "J" cell to its
					// width; its text sits 0.3 em below the cell's top.
					f.SetXY(it.X, it.Y-0.3*it.Size*25.4/72)
					f.CellFormat(it.Justify, 0, it.Text, "", 0, "J", false, 0, "")
				} else {
					f.Text(it.X, it.Y, it.Text)
				}
			case layout.LineItem:
				f.SetLineWidth(it.Width)
				f.Line(it.X, it.Y, it.X2, it.Y2)
			}
		}
	}
	if err := f.Output(w); err != nil {
		return fmt.Errorf("writing the PDF: %w", err)
	}
	return nil
}

// outline makes the bookmark levels a valid PDF outline: the shallowest
// heading used becomes level 0 and no entry is more than one level below
// the one before it.
func outline(marks []layout.Mark) []layout.Mark {
	if len(marks) == 0 {
		return nil
	}
	shallowest := marks[0].Level
	for _, m := range marks {
		shallowest = min(shallowest, m.Level)
	}
	out := make([]layout.Mark, len(marks))
	prev := -1
	for i, m := range marks {
		m.Level = min(m.Level-shallowest, prev+1)
		out[i] = m
		prev = m.Level
	}
	return out
}
