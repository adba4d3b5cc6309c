package sign

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"

	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
)

// Limits on an image a user gives: the file's size, each side and the
// pixels in all, so that a crafted header cannot make reading it take
// unbounded memory. At most it takes about 56 MB: the file's 8 MB, the
// decoded image's 8 bytes a pixel of a 16-bit RGBA PNG (32 MB), and the
// 4 bytes a pixel of its colour and alpha samples before they are
// compressed (16 MB).
const (
	maxImageFile   = 8 << 20
	maxImageSide   = 4096
	maxImagePixels = 4 << 20
)

// Image is a PNG with a transparent background, ready to be drawn in a
// widget's appearance: its colours and its alpha, each compressed as
// FlateDecode wants.
type Image struct {
	// Width and Height are in pixels.
	Width, Height int
	// PerMetreX and PerMetreY are the pixels per metre of the PNG's
	// pHYs chunk, 0 when the file does not say its physical size.
	PerMetreX, PerMetreY int
	// SHA256 is the hash of the file, in hex.
	SHA256 string
	rgb    []byte // DeviceRGB samples, zlib-compressed
	alpha  []byte // DeviceGray samples of the soft mask, zlib-compressed
}

// SizeMM is the image's physical size in millimetres, from its pHYs
// chunk; ok is false when the file does not say it.
func (im *Image) SizeMM() (w, h float64, ok bool) {
	if im.PerMetreX <= 0 || im.PerMetreY <= 0 {
		return 0, 0, false
	}
	return float64(im.Width) * 1000 / float64(im.PerMetreX), float64(im.Height) * 1000 / float64(im.PerMetreY), true
}

// LoadImage reads the PNG file path for the flag named flag (--image,
// --seal).
func LoadImage(path, flag string) (*Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &ReadError{err}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxImageFile+1))
	if err != nil {
		return nil, &ReadError{err}
	}
	im, err := ParseImage(data, flag)
	if err != nil {
		return nil, diag.InFile(path, err)
	}
	return im, nil
}

// ParseImage reads a PNG given with the flag named flag, within the
// limits on its size.
func ParseImage(data []byte, flag string) (*Image, error) {
	bad := func(m lang.Message) error { return diag.List{{Path: flag, Msg: m}} }
	if len(data) > maxImageFile {
		return nil, bad(lang.M("the image is larger than %d MB: save it smaller", maxImageFile>>20))
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, bad(lang.M("this is not a PNG image (%s): save the image as PNG with a transparent background", err.Error()))
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > maxImageSide || cfg.Height > maxImageSide || cfg.Width*cfg.Height > maxImagePixels {
		return nil, bad(lang.M("the image is %d × %d pixels: hoinghi takes at most %d pixels a side and %d million in all; save it smaller", cfg.Width, cfg.Height, maxImageSide, maxImagePixels>>20))
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, bad(lang.M("this is not a PNG image (%s): save the image as PNG with a transparent background", err.Error()))
	}
	b := img.Bounds()
	rgb := make([]byte, 0, 3*b.Dx()*b.Dy())
	alpha := make([]byte, 0, b.Dx()*b.Dy())
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			var c color.NRGBA
			if n, ok := img.(*image.NRGBA); ok {
				c = n.NRGBAAt(x, y)
			} else {
				c = color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			}
			rgb = append(rgb, c.R, c.G, c.B)
			alpha = append(alpha, c.A)
		}
	}
	sum := sha256.Sum256(data)
	im := &Image{Width: b.Dx(), Height: b.Dy(), SHA256: hex.EncodeToString(sum[:]), rgb: deflate(rgb), alpha: deflate(alpha)}
	im.PerMetreX, im.PerMetreY = physical(data)
	return im, nil
}

// physical reads the pixels per metre of a PNG's pHYs chunk (ISO/IEC
// 15948 §11.3.5.3), which image/png does not report; 0, 0 when there is
// none before the image data, or its unit is not the metre.
func physical(data []byte) (x, y int) {
	rest := data[8:] // the PNG signature, which DecodeConfig checked
	for len(rest) >= 12 {
		n := binary.BigEndian.Uint32(rest)
		kind := string(rest[4:8])
		if n > uint32(len(rest)-12) || kind == "IDAT" {
			return 0, 0
		}
		body := rest[8 : 8+n]
		if kind == "pHYs" {
			if n != 9 || body[8] != 1 {
				return 0, 0
			}
			px, py := binary.BigEndian.Uint32(body), binary.BigEndian.Uint32(body[4:])
			if px == 0 || py == 0 || px > 1<<30 || py > 1<<30 {
				return 0, 0
			}
			return int(px), int(py)
		}
		rest = rest[12+n:]
	}
	return 0, 0
}

// deflate compresses b for /FlateDecode.
func deflate(b []byte) []byte {
	var out bytes.Buffer
	w := zlib.NewWriter(&out)
	w.Write(b)
	w.Close()
	return out.Bytes()
}

// image writes im as an image XObject, n, with its soft mask,
// n+1, into u.
func (u *update) image(n int, im *Image) {
	u.stream(n+1, fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", im.Width, im.Height), im.alpha)
	u.stream(n, fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /SMask %d 0 R", im.Width, im.Height, n+1), im.rgb)
}
