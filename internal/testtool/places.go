package testtool

import (
	"encoding/json"
	"strings"
	"testing"
)

// Place is a place of the e-document form as qpdf reads it from a
// page's /PieceInfo: the page, from 0, its /Rect in PDF points from the
// page's bottom-left corner, and its /Baseline, /Font and /Size, zero
// when it has none.
type Place struct {
	Page     int
	Rect     [4]float64
	Baseline float64
	Font     string
	Size     float64
}

// Places reads the places of every page of the PDF at path with qpdf
// --json, by name: Number, Day, Signer, ….
func Places(t testing.TB, path string) map[string]Place {
	t.Helper()
	var doc struct {
		Pages []struct {
			Object string `json:"object"`
		} `json:"pages"`
		// QPDF is the header, then the objects.
		QPDF []json.RawMessage `json:"qpdf"`
	}
	var objects map[string]struct {
		Value struct {
			PieceInfo struct {
				Hoinghi struct {
					Private map[string]json.RawMessage `json:"/Private"`
				} `json:"/hoinghi"`
			} `json:"/PieceInfo"`
		} `json:"value"`
	}
	out := Run(t, "qpdf", "--json=2", "--json-key=pages", "--json-key=qpdf", path)
	if err := json.Unmarshal(out, &doc); err != nil || len(doc.QPDF) != 2 || json.Unmarshal(doc.QPDF[1], &objects) != nil {
		t.Fatalf("qpdf --json of %s: %v", path, err)
	}
	places := map[string]Place{}
	for i, pg := range doc.Pages {
		for name, raw := range objects["obj:"+pg.Object].Value.PieceInfo.Hoinghi.Private {
			var p struct {
				Rect     []float64 `json:"/Rect"`
				Baseline float64   `json:"/Baseline"`
				Font     string    `json:"/Font"`
				Size     float64   `json:"/Size"`
			}
			if json.Unmarshal(raw, &p) != nil || len(p.Rect) != 4 {
				continue
			}
			places[strings.TrimPrefix(name, "/")] = Place{Page: i, Rect: [4]float64(p.Rect), Baseline: p.Baseline, Font: p.Font, Size: p.Size}
		}
	}
	return places
}
