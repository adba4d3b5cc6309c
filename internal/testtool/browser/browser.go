// Package browser drives Debian's Chromium, headless, for the tests of
// hoinghi's web page, through chromedp: it opens tabs at a fixed size,
// clicks, drops files, waits for downloads and for the PDF viewer, and
// takes screenshots.
//
// A test binary starts one browser and opens a tab for each subtest. A
// machine without Chromium fails the test with the remedy rather than
// skipping it, because a skipped check passes unseen.
package browser

import (
	"bytes"
	"context"
	"fmt"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// Path is where Debian's chromium package installs the browser.
const Path = "/usr/bin/chromium"

// Width and Height are the size of every tab's view, in CSS pixels: the
// screenshots of the clerk's guide are this size.
const (
	Width  = 1280
	Height = 800
)

// Wait is how long one step of a test — an action, or a download — may
// take before the test fails with what it waited for, rather than hanging
// until go test's own timeout.
const Wait = 60 * time.Second

// Browser is a running Chromium.
type Browser struct {
	ctx context.Context
	log *output
}

// output keeps what Chromium writes, for the message of a failure.
type output struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (o *output) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.Write(p)
}

func (o *output) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.String()
}

// Start starts Chromium, headless, with a new empty profile folder of t's,
// its own words — the file input's "Chọn tệp", its messages — in the
// language lang ("vi", "en_US"), and stops it when t ends. It fails t when
// Chromium is not installed.
func Start(t *testing.T, lang string) *Browser {
	t.Helper()
	if _, err := os.Stat(Path); err != nil {
		t.Fatalf("%s not found: run `make deps` (or `make test`), which installs Debian's chromium and chromium-l10n packages", Path)
	}
	log := &output{}
	alloc, stopAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(Path),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		// A screenshot is of the page alone, Width wide, with no scroll bar.
		chromedp.Flag("hide-scrollbars", true),
		// Chromium on Linux takes its language from the environment.
		chromedp.Env("LANGUAGE="+lang),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.CombinedOutput(log),
	)
	ctx, stop := chromedp.NewContext(alloc)
	t.Cleanup(func() {
		stop()
		stopAlloc()
	})
	// The browser lives as long as the context of its first action: that
	// one has no deadline.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v\n%s", Path, err, log)
	}
	return &Browser{ctx: ctx, log: log}
}

// Tab is a browser tab of one test.
type Tab struct {
	t         testing.TB
	b         *Browser
	ctx       context.Context
	downloads string
}

// Tab opens a tab of Width×Height whose downloads go into a folder of t's,
// and closes it when t ends.
func (b *Browser) Tab(t testing.TB) *Tab {
	t.Helper()
	ctx, closeTab := chromedp.NewContext(b.ctx)
	t.Cleanup(closeTab)
	tab := &Tab{t: t, b: b, ctx: ctx, downloads: t.TempDir()}
	// The first action opens the tab, which lives as long as its context.
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(Width, Height),
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
				Behavior:      cdpbrowser.SetDownloadBehaviorBehaviorAllowAndName,
				DownloadPath:  tab.downloads,
				EventsEnabled: new(true),
			})
			return err
		}),
	); err != nil {
		t.Fatalf("browser: opening a tab: %v\n%s", err, b.log)
	}
	return tab
}

// Do runs the actions in order and fails the test at the first error.
func (tab *Tab) Do(actions ...chromedp.Action[chromedp.Void]) {
	tab.t.Helper()
	ctx, cancel := context.WithTimeout(tab.ctx, Wait)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		tab.t.Fatalf("browser: %v\n%s", err, tab.b.log)
	}
}

// Run runs the action on the tab and returns its value; an error fails
// the test.
func Run[T any](tab *Tab, action chromedp.Action[T]) T {
	tab.t.Helper()
	ctx, cancel := context.WithTimeout(tab.ctx, Wait)
	defer cancel()
	v, err := chromedp.Run(ctx, action)
	if err != nil {
		tab.t.Fatalf("browser: %v\n%s", err, tab.b.log)
	}
	return v
}

// A Download is a file the browser saved.
type Download struct {
	// Name is the file name the server suggested (Content-Disposition).
	Name string
	// Path is where the file is, under that name.
	Path string
	// URL is where it came from.
	URL string
}

// Download runs trigger — a click on a link, the submission of a form —
// and waits for the download it starts to complete. A download that the
// browser cancels, or none within Wait, fails the test.
func (tab *Tab) Download(trigger ...chromedp.Action[chromedp.Void]) Download {
	tab.t.Helper()
	ctx, cancel := context.WithTimeout(tab.ctx, Wait)
	defer cancel()
	begin := chromedp.Events(ctx, cdpbrowser.DownloadWillBegin)
	progress := chromedp.Events(ctx, cdpbrowser.DownloadProgress)
	if err := chromedp.Do(ctx, trigger...); err != nil {
		tab.t.Fatalf("browser: %v\n%s", err, tab.b.log)
	}
	var d Download
	for ev, err := range begin {
		if err != nil {
			tab.t.Fatalf("browser: no download began: %v", err)
		}
		d = Download{Name: ev.SuggestedFilename, Path: filepath.Join(tab.downloads, ev.GUID), URL: ev.URL}
		break
	}
	for ev, err := range progress {
		if err != nil {
			tab.t.Fatalf("browser: the download of %s did not complete: %v", d.URL, err)
		}
		if ev.GUID != filepath.Base(d.Path) {
			continue
		}
		if ev.State == cdpbrowser.DownloadProgressStateCompleted {
			// The browser saved the file under its GUID: it moves into a
			// folder of that name, under the name the server gave it.
			dir := filepath.Join(tab.downloads, "saved", ev.GUID)
			path := filepath.Join(dir, filepath.Base(d.Name))
			if err := os.MkdirAll(dir, 0o755); err != nil {
				tab.t.Fatal(err)
			}
			if err := os.Rename(d.Path, path); err != nil {
				tab.t.Fatal(err)
			}
			d.Path = path
			return d
		}
		if ev.State == cdpbrowser.DownloadProgressStateCanceled {
			break
		}
	}
	tab.t.Fatalf("browser: the download of %s was cancelled", d.URL)
	return d
}

// Click clicks the first element the CSS selector sel matches, as
// chromedp.Click does, on a page that embeds other frames too, such as
// the PDF viewer's: after scrolling the element into view, the browser
// draws the page, without which a headless one still routes the mouse to
// the frame that was under it before.
func Click(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.ScrollIntoView(chromedp.CSS(sel)),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.CaptureScreenshot()(ctx, t)
			return err
		}),
		chromedp.Click(chromedp.CSS(sel)),
	)
}

// Shown waits until the first element the CSS selector sel matches is
// visible and its page has loaded: a page that a form led to shows its
// elements while it is read, before its scripts run and listen to them.
func Shown(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.WaitVisible(chromedp.CSS(sel)),
		chromedp.Poll[chromedp.Void](`document.readyState === "complete"`),
	)
}

// Drop drops files, as from the file manager, onto the middle of the
// first element the CSS selector sel matches.
func Drop(sel string, files ...string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		if _, err := chromedp.ScrollIntoView(chromedp.CSS(sel))(ctx, t); err != nil {
			return chromedp.Void{}, err
		}
		at, err := chromedp.Evaluate[[2]float64](fmt.Sprintf(
			`(() => { const r = document.querySelector(%q).getBoundingClientRect(); return [r.x + r.width/2, r.y + r.height/2]; })()`, sel))(ctx, t)
		if err != nil {
			return chromedp.Void{}, err
		}
		data := &input.DragData{Items: []*input.DragDataItem{}, Files: files, DragOperationsMask: 1}
		for _, typ := range []input.DispatchDragEventType{input.DispatchDragEventTypeDragEnter, input.DispatchDragEventTypeDragOver, input.DispatchDragEventTypeDrop} {
			if _, err := cdp.Call(ctx, t, input.DispatchDragEvent, input.DispatchDragEventParams{Type: typ, X: at[0], Y: at[1], Data: data}); err != nil {
				return chromedp.Void{}, err
			}
		}
		return chromedp.Void{}, nil
	}
}

// WaitPDF scrolls the frame sel matches (the first, when it matches
// several) into view and waits until the browser's PDF viewer has drawn a
// page in it: until the right half of the frame — the page, beside the
// viewer's thumbnails — is at least a quarter paper white, and two
// pictures of it in a row are the same.
func (tab *Tab) WaitPDF(sel string) {
	tab.t.Helper()
	ctx, cancel := context.WithTimeout(tab.ctx, Wait)
	defer cancel()
	// The browser draws no frame out of view.
	if err := chromedp.Do(ctx, chromedp.ScrollIntoView(chromedp.CSS(sel))); err != nil {
		tab.t.Fatalf("browser: %v", err)
	}
	var last []byte
	for {
		pic, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(sel)))
		if err != nil {
			tab.t.Fatalf("browser: no PDF drawn in %s: %v", sel, err)
		}
		if bytes.Equal(pic, last) && paper(pic) {
			return
		}
		last = pic
		select {
		case <-ctx.Done():
			tab.t.Fatalf("browser: no PDF drawn in %s within %v", sel, Wait)
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// paper reports whether at least a quarter of the right half of the PNG
// pic is white.
func paper(pic []byte) bool {
	img, err := png.Decode(bytes.NewReader(pic))
	if err != nil {
		return false
	}
	r := img.Bounds()
	white, all := 0, 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := (r.Min.X + r.Max.X) / 2; x < r.Max.X; x++ {
			c := color.GrayModel.Convert(img.At(x, y)).(color.Gray)
			if c.Y >= 250 {
				white++
			}
			all++
		}
	}
	return all > 0 && white*4 >= all
}

// View saves a PNG of what the tab shows, Width×Height, at path.
func (tab *Tab) View(path string) {
	tab.t.Helper()
	png := Run(tab, chromedp.CaptureScreenshot())
	if err := os.WriteFile(path, png, 0o644); err != nil {
		tab.t.Fatal(err)
	}
}

// Screenshot saves a PNG of the whole page, Width wide and as high as the
// page, at path.
func (tab *Tab) Screenshot(path string) {
	tab.t.Helper()
	png := Run(tab, chromedp.FullScreenshot(100))
	if err := os.WriteFile(path, png, 0o644); err != nil {
		tab.t.Fatal(err)
	}
}
