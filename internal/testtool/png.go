package testtool

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"math"
	"testing"
)

// Colours of the test images: a signature's blue, a seal's red.
var (
	blue = color.NRGBA{0x10, 0x30, 0xd0, 0xff}
	red  = color.NRGBA{0xe0, 0x10, 0x10, 0xff}
)

// Scribble is a PNG of w × h pixels of a blue handwritten signature, a
// wave across a transparent background.
func Scribble(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		cy := float64(h)/2 + float64(h)/4*math.Sin(float64(x)/float64(w)*4*math.Pi)
		for y := range h {
			if math.Abs(float64(y)-cy) < float64(h)/20+1 {
				img.SetNRGBA(x, y, blue)
			}
		}
	}
	return encodePNG(t, img)
}

// Ring is a PNG of a red round seal d pixels across, a thick ring round
// a disc, on a transparent background.
func Ring(t testing.TB, d int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, d, d))
	c := float64(d) / 2
	for y := range d {
		for x := range d {
			r := math.Hypot(float64(x)+0.5-c, float64(y)+0.5-c)
			if (r < c && r > c*0.85) || r < c*0.2 {
				img.SetNRGBA(x, y, red)
			}
		}
	}
	return encodePNG(t, img)
}

func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// WithDPI is the PNG data with a pHYs chunk saying dpi pixels per inch
// (in pixels per metre), put after its IHDR chunk as ISO/IEC 15948
// wants: image/png writes none.
func WithDPI(data []byte, dpi float64) []byte {
	ppm := uint32(math.Round(dpi / 0.0254))
	body := binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32([]byte("pHYs"), ppm), ppm)
	body = append(body, 1)
	chunk := binary.BigEndian.AppendUint32(nil, 9)
	chunk = append(chunk, body...)
	chunk = binary.BigEndian.AppendUint32(chunk, crc32.ChecksumIEEE(body))
	ihdrEnd := 8 + 4 + 4 + 13 + 4
	return append(append(bytes.Clone(data[:ihdrEnd]), chunk...), data[ihdrEnd:]...)
}

// HugeHeader is a PNG whose header says it is of w × h pixels, with
// nothing after it: a decoder that trusted it would take w × h × 4
// bytes.
func HugeHeader(w, h uint32) []byte {
	body := append([]byte("IHDR"), binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(nil, w), h)...)
	body = append(body, 8, 6, 0, 0, 0)
	out := append([]byte("\x89PNG\r\n\x1a\n"), binary.BigEndian.AppendUint32(nil, 13)...)
	out = append(out, body...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(body))
}
