package browser

import (
	"bytes"
	"fmt"
	"image/color"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// page is a form that uploads a file, a link to a download and a red
// square above a page 2,000 pixels high.
const page = `<!doctype html>
<html><body style="margin:0">
<div style="position:absolute;left:0;top:0;width:100px;height:100px;background:#f00"></div>
<form id="form" method="post" action="/upload" enctype="multipart/form-data" style="position:absolute;top:200px">
<input type="file" id="file" name="file"><button id="send">Gửi</button>
</form>
<a id="get" href="/file" style="position:absolute;top:300px">Tải về</a>
<div style="height:2000px"></div>
</body></html>`

// download is what /file serves, with a Vietnamese file name.
var download = []byte("Thông báo kết luận\n")

func server(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, page)
	})
	mux.HandleFunc("POST /upload", func(w http.ResponseWriter, r *http.Request) {
		f, h, err := r.FormFile("file")
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		defer f.Close()
		b, err := io.ReadAll(f)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		fmt.Fprintf(w, `<!doctype html><p id="got">%s %q</p>`, h.Filename, b)
	})
	mux.HandleFunc("GET /file", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="thong-bao.txt"; filename*=UTF-8''th%C3%B4ng-b%C3%A1o.txt`)
		w.Write(download)
	})
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func TestBrowser(t *testing.T) {
	b := Start(t)
	s := server(t)

	t.Run("upload", func(t *testing.T) {
		tab := b.Tab(t)
		file := filepath.Join(t.TempDir(), "hop-thang-7.xlsx")
		if err := os.WriteFile(file, []byte("nội dung"), 0o644); err != nil {
			t.Fatal(err)
		}
		tab.Do(
			chromedp.Navigate(s.URL),
			chromedp.SetUploadFiles(chromedp.ID("file"), []string{file}),
			chromedp.Click(chromedp.ID("send")),
			chromedp.WaitVisible(chromedp.ID("got")),
		)
		got := Run(tab, chromedp.Text(chromedp.ID("got")))
		if want := `hop-thang-7.xlsx "nội dung"`; got != want {
			t.Errorf("the server received %s, want %s", got, want)
		}
	})

	t.Run("download", func(t *testing.T) {
		tab := b.Tab(t)
		tab.Do(chromedp.Navigate(s.URL))
		d := tab.Download(chromedp.Click(chromedp.ID("get")))
		if d.Name != "thông-báo.txt" {
			t.Errorf("suggested name %q, want %q", d.Name, "thông-báo.txt")
		}
		if d.URL != s.URL+"/file" {
			t.Errorf("downloaded from %s, want %s/file", d.URL, s.URL)
		}
		got, err := os.ReadFile(d.Path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, download) {
			t.Errorf("downloaded %q, want %q", got, download)
		}
	})

	t.Run("screenshot", func(t *testing.T) {
		tab := b.Tab(t)
		tab.Do(chromedp.Navigate(s.URL))
		path := filepath.Join(t.TempDir(), "page.png")
		tab.Screenshot(path)
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		img, err := png.Decode(f)
		if err != nil {
			t.Fatal(err)
		}
		if size := img.Bounds().Size(); size.X != Width || size.Y != 2000 {
			t.Errorf("the screenshot is %v, want %dx2000, the whole page", size, Width)
		}
		red := color.RGBAModel.Convert(img.At(50, 50)).(color.RGBA)
		white := color.RGBAModel.Convert(img.At(50, 1500)).(color.RGBA)
		if red != (color.RGBA{255, 0, 0, 255}) || white != (color.RGBA{255, 255, 255, 255}) {
			t.Errorf("pixels %v and %v, want red in the square and white below", red, white)
		}
	})
}
