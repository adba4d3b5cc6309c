package pdf

import (
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/hoinghi/hoinghi/fonts"
)

// BenchmarkRegisterFaces measures what every PDF pays to fpdf before it
// draws anything: registering the four faces a Decree 30 document uses,
// already slimmed and cut once per process. fpdf computes each face's id
// by serializing its whole width table, so this is the floor of a
// document's time.
func BenchmarkRegisterFaces(b *testing.B) {
	fs := fonts.Default()
	for _, face := range fs.Faces {
		face.Embedded(false)
	}
	b.ReportAllocs()
	for b.Loop() {
		f := fpdf.New("P", "mm", "A4", "")
		for _, st := range fonts.Styles {
			f.AddUTF8FontFromBytes(family, st.String(), fs.Faces[st].Embedded(false))
		}
		if f.Err() {
			b.Fatal(f.Error())
		}
	}
}
