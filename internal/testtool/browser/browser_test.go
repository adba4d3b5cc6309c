package browser

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
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
<div id="drop" style="position:absolute;top:400px;width:300px;height:100px">Thả tệp vào đây</div>
<script>
const drop = document.getElementById("drop");
drop.addEventListener("dragover", e => e.preventDefault());
drop.addEventListener("drop", e => {
	e.preventDefault();
	document.getElementById("file").files = e.dataTransfer.files;
	document.getElementById("form").submit();
});
</script>
<a id="get" href="/file" download style="position:absolute;top:300px">Tải về</a>
<div style="height:2000px"></div>
</body></html>`

// download is what /file serves, with a Vietnamese file name.
var download = []byte("Thông báo kết luận\n")

// onePage is a PDF of one A4 page with a line of text.
func onePage() []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>",
	}
	text := "BT /F1 24 Tf 72 760 Td (THONG BAO) Tj ET"
	objs = append(objs, fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(text), text))
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

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
	mux.HandleFunc("GET /preview", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `<!doctype html>`)
		for i := range 3 {
			fmt.Fprintf(w, `<p><a id="get%d" href="/file">Tải về</a></p><iframe id="pdf%d" src="/a.pdf" style="display:block;width:900px;height:600px"></iframe>`, i, i)
		}
	})
	mux.HandleFunc("GET /a.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write(onePage())
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
	b := Start(t, "vi")
	s := server(t)

	t.Run("upload", func(t *testing.T) {
		tab := b.Tab(t)
		tab.Do(chromedp.Navigate(s.URL))
		// The browser speaks the language it was started in.
		if got := Run(tab, chromedp.Evaluate[string](`navigator.language`)); !strings.HasPrefix(got, "vi") {
			t.Errorf("navigator.language = %q, want Vietnamese", got)
		}
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

	t.Run("drop", func(t *testing.T) {
		tab := b.Tab(t)
		file := filepath.Join(t.TempDir(), "hop-thang-8.yaml")
		if err := os.WriteFile(file, []byte("kéo thả"), 0o644); err != nil {
			t.Fatal(err)
		}
		tab.Do(
			chromedp.Navigate(s.URL),
			Drop("#drop", file),
			chromedp.WaitVisible(chromedp.ID("got")),
		)
		got := Run(tab, chromedp.Text(chromedp.ID("got")))
		if want := `hop-thang-8.yaml "kéo thả"`; got != want {
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
		if filepath.Base(d.Path) != d.Name {
			t.Errorf("saved as %s, not under the suggested name", d.Path)
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

	t.Run("pdf", func(t *testing.T) {
		tab := b.Tab(t)
		tab.Do(chromedp.Navigate(s.URL + "/preview"))
		for i := range 3 {
			tab.WaitPDF(fmt.Sprintf("#pdf%d", i))
		}
		// Scrolled to a link between the viewers, the mouse lands on the
		// viewer that was there unless the page is drawn again.
		for _, sel := range []string{"#get0", "#get1", "#get2"} {
			if d := tab.Download(Click(sel)); d.Name != "thông-báo.txt" {
				t.Errorf("%s downloads %s", sel, d.Name)
			}
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
		path = filepath.Join(t.TempDir(), "view.png")
		tab.View(path)
		if size := pngSize(t, path); size.X != Width || size.Y != Height {
			t.Errorf("the view is %v, want %dx%d", size, Width, Height)
		}
		red := color.RGBAModel.Convert(img.At(50, 50)).(color.RGBA)
		white := color.RGBAModel.Convert(img.At(50, 1500)).(color.RGBA)
		if red != (color.RGBA{255, 0, 0, 255}) || white != (color.RGBA{255, 255, 255, 255}) {
			t.Errorf("pixels %v and %v, want red in the square and white below", red, white)
		}
	})
}

func TestPaper(t *testing.T) {
	grey := color.RGBA{0x52, 0x56, 0x59, 255} // the PDF viewer's background
	for _, c := range []struct {
		name  string
		paper int // columns of white from the right
		want  bool
	}{{"grey", 0, false}, {"a tenth white", 10, false}, {"half white", 50, true}} {
		img := image.NewRGBA(image.Rect(0, 0, 100, 10))
		for x := range 100 {
			for y := range 10 {
				img.Set(x, y, grey)
				if x >= 100-c.paper {
					img.Set(x, y, color.White)
				}
			}
		}
		var b bytes.Buffer
		if err := png.Encode(&b, img); err != nil {
			t.Fatal(err)
		}
		if got := paper(b.Bytes()); got != c.want {
			t.Errorf("%s: paper = %v, want %v", c.name, got, c.want)
		}
	}
}

func pngSize(t *testing.T, path string) image.Point {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil {
		t.Fatal(err)
	}
	return image.Point{cfg.Width, cfg.Height}
}
