package pdf

import (
	"fmt"
	"strings"
	"unicode/utf16"

	"github.com/hoinghi/hoinghi/report/layout"
)

// pieceInfo is the page-piece dictionary (PDF 32000-1, §14.5) of page
// (from 0) of an electronic document, from its page dictionary's leading
// space, or nothing for a page without places: hoinghi's private data
// holds the page's places of layout.Place, each a box
// in points up from the page's bottom-left corner and, for text, its
// baseline, face and size, so that a signing tool finds where the number,
// the date and the signatures go.
//
//	/PieceInfo << /hoinghi << /LastModified (D:…) /Private <<
//	  /Number << /Rect [x0 y0 x1 y1] /Baseline y /Font /F1 /Size 13 >>
//	  /Symbol <FEFF…> /Signer << /Rect [x0 y0 x1 y1] >> … >> >> >>
//
// A Secretary place, the box of the secretary's image of a Biên bản, is
// written as Signer is.
func pieceInfo(places []layout.Place, page int, faces []*face, modified string) string {
	var b strings.Builder
	for _, p := range places {
		if p.Page != page {
			continue
		}
		if b.Len() == 0 {
			fmt.Fprintf(&b, " /LastModified %s /PieceInfo << /hoinghi << /LastModified %s /Private <<", modified, modified)
		}
		x0, x1 := p.X*ptPerMM, (p.X+p.W)*ptPerMM
		y0, y1 := (layout.PageH-p.Y-p.H)*ptPerMM, (layout.PageH-p.Y)*ptPerMM
		fmt.Fprintf(&b, " /%s << /Rect [%s %s %s %s]", p.Name, num(x0), num(y0), num(x1), num(y1))
		if p.Size > 0 {
			fmt.Fprintf(&b, " /Baseline %s /Font /%s /Size %s", num((layout.PageH-p.Baseline)*ptPerMM), faces[p.Style].resource, num(p.Size))
		}
		b.WriteString(" >>")
		if p.Name == "Number" {
			fmt.Fprintf(&b, " /Symbol %s", hexText(p.After))
		}
	}
	if b.Len() > 0 {
		b.WriteString(" >> >> >>")
	}
	return b.String()
}

// hexText writes s as a text string in UTF-16BE, in hex: <FEFF…>.
func hexText(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteByte('>')
	return b.String()
}
