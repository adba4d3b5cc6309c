package web_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/internal/testtool"
	"github.com/hoinghi/hoinghi/internal/testtool/browser"
	"github.com/hoinghi/hoinghi/internal/web"
	"github.com/hoinghi/hoinghi/report"
	"github.com/hoinghi/hoinghi/report/batch"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/meeting"
	"github.com/hoinghi/hoinghi/report/profile"
	"github.com/hoinghi/hoinghi/report/workbook"
	"github.com/hoinghi/hoinghi/templates"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"
)

var update = flag.Bool("update", false, "save the screenshots of the clerk's guide into docs/img")

// shot saves the top of the tab's page, 1280×800, as name: into docs/img with
// -update, for the clerk's guide, else into a folder of the test's.
func shot(t *testing.T, tab *browser.Tab, name string) {
	t.Helper()
	dir := t.TempDir()
	if *update {
		dir = filepath.Join("..", "..", "docs", "img")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	tab.Do(chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
	tab.View(filepath.Join(dir, name))
}

// setup makes the renderer of the meetings of the office profile at path,
// with the embedded fonts and the built-in templates, both formats unless
// the profile chooses, as `hoinghi serve` does without flags.
func setup(path string) (batch.Setup, error) {
	var set batch.Setup
	srcs, err := templates.Builtin()
	if err != nil {
		return set, err
	}
	r, err := report.New(fonts.Default(), srcs, "hoinghi test")
	if err != nil {
		return set, err
	}
	set.Renderer, set.Formats = r, []string{"pdf", "xlsx"}
	if path == "" {
		return set, nil
	}
	p, err := profile.Load(path)
	if err != nil {
		return set, err
	}
	r.Adopt(p)
	d := p.Render()
	if len(d.Formats) > 0 {
		set.Formats = d.Formats
	}
	set.SortByName = d.Sort == "ten"
	return set, nil
}

// serve starts a server of the working folder dir in tag's language, on a
// free loopback port, until the test ends. The user's config folder, where
// the office profile form writes, is a folder of the test's, and dir is
// the home folder, where the search for a meeting's profile stops.
func serve(t *testing.T, dir string, tag language.Tag) *web.Server {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("HOME", dir)
	s, err := web.New(web.Options{Path: dir, Tag: tag, Setup: setup})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := s.Listen()
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		stop()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	return s
}

const seed = "../../samples/cum-thi-dua-2023.yaml"

// workbooks returns the seed meeting as an input workbook, and the same
// workbook with two mistakes: a missing attendee's name and an impossible
// date; name is the attendee's.
func workbooks(t *testing.T) (good, bad []byte, name string) {
	t.Helper()
	m, err := meeting.Load(seed, meeting.Options{})
	if err != nil {
		t.Fatal(err)
	}
	good, err = workbook.Write(m)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if name, err = f.GetCellValue("Đại biểu", "B14"); err != nil || name == "" {
		t.Fatalf("Đại biểu!B14 of the seed's workbook holds %q (%v), not an attendee's name", name, err)
	}
	for _, c := range []struct {
		sheet, cell string
		v           any
	}{{"Đại biểu", "B14", nil}, {"Văn bản", "C2", "30/02/2023"}} {
		if err := f.SetCellValue(c.sheet, c.cell, c.v); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return good, b.Bytes(), name
}

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// problem is one row of the page's table of problems.
type problem struct{ Where, Field, Message string }

func problems(tab *browser.Tab) []problem {
	return browser.Run(tab, chromedp.Evaluate[[]problem](`[...document.querySelectorAll("[data-test=problem]")].map(tr => ({
		Where: tr.querySelector("[data-test=where]").innerText.trim(),
		Field: tr.querySelector("[data-test=field]").innerText.trim(),
		Message: tr.querySelector("[data-test=message]").innerText.trim(),
	}))`))
}

// wantProblems fails the test unless the page lists a problem at each
// cell of want, of its field, whose message holds its text.
func wantProblems(t *testing.T, tab *browser.Tab, want []problem) {
	t.Helper()
	got := problems(tab)
	for _, w := range want {
		if !slices.ContainsFunc(got, func(p problem) bool {
			return p.Where == w.Where && p.Field == w.Field && strings.Contains(p.Message, w.Message)
		}) {
			t.Errorf("no problem %q at %s (%s) on the page; it lists %q", w.Message, w.Where, w.Field, got)
		}
	}
}

// text is what pdftotext reads of a PDF, its words separated by single
// spaces; pdfinfo must find every page A4.
func text(t *testing.T, pdf string) string {
	t.Helper()
	info := string(testtool.Run(t, "pdfinfo", "-f", "1", "-l", "100", pdf))
	for line := range strings.Lines(info) {
		if strings.HasPrefix(line, "Page") && strings.Contains(line, "size:") && !strings.Contains(line, "(A4)") {
			t.Errorf("%s: %s, not A4", pdf, strings.TrimSpace(line))
		}
	}
	return strings.Join(strings.Fields(string(testtool.Run(t, "pdftotext", pdf, "-"))), " ")
}

// attrs returns the attribute attr of every element sel matches.
func attrs(tab *browser.Tab, sel, attr string) []string {
	return browser.Run(tab, chromedp.Evaluate[[]string](fmt.Sprintf(
		`[...document.querySelectorAll(%q)].map(e => e.getAttribute(%q))`, sel, attr)))
}

// check sets the checkboxes sel matches to be checked exactly when their
// value is in values.
func check(tab *browser.Tab, sel string, values ...string) {
	js := fmt.Sprintf(`{ const want = %s; for (const c of document.querySelectorAll(%q)) c.checked = want.includes(c.value); }`,
		jsList(values), sel)
	tab.Do(chromedp.Evaluate[chromedp.Void](js))
}

func jsList(vs []string) string {
	q := make([]string, len(vs))
	for i, v := range vs {
		q[i] = fmt.Sprintf("%q", v)
	}
	return "[" + strings.Join(q, ",") + "]"
}

// TestBrowser drives the page in a real Chromium as a clerk would.
func TestBrowser(t *testing.T) {
	b := browser.Start(t, "vi")

	// A clerk picks a workbook of the working folder, sees its mistakes at
	// their cells, fixes it in Excel, checks again, renders and downloads.
	t.Run("workbook", func(t *testing.T) {
		good, bad, name := workbooks(t)
		dir := filepath.Join(t.TempDir(), "Văn phòng", "Tháng 7")
		path := filepath.Join(dir, "hop-thang-7.xlsx")
		write(t, path, bad)
		s := serve(t, dir, lang.Vietnamese)
		tab := b.Tab(t)

		tab.Do(chromedp.Navigate(s.URL()), browser.Shown("#files"))
		shot(t, tab, "web-trang-chu.png")
		tab.Do(
			browser.Click(`button[data-test=pick][value="hop-thang-7.xlsx"]`),
			browser.Shown("#problems"),
		)
		wantProblems(t, tab, []problem{
			{"Đại biểu!B14", "meeting.attendees[12].name", "thiếu họ và tên đại biểu"},
			{"Văn bản!C2", "documents[0].date", "nhận được 30/02/2023"},
		})
		shot(t, tab, "web-loi.png")

		write(t, path, good)
		tab.Do(browser.Click("#check-again"), browser.Shown("#valid"))
		if got := problems(tab); len(got) > 0 {
			t.Errorf("the fixed workbook still has problems: %q", got)
		}
		shot(t, tab, "web-hop-le.png")
		check(tab, "input[data-test=kind]", "thong-bao", "bao-cao", "bien-ban")
		check(tab, "input[data-test=format]", "pdf", "xlsx")
		tab.Do(browser.Click("#render"), browser.Shown("#results"))
		names := attrs(tab, "a[data-test=download]", "data-name")
		previews := attrs(tab, "iframe[data-test=preview]", "data-name")
		if len(previews) != 3 {
			t.Fatalf("previews of %q, want the three PDFs", previews)
		}
		for _, n := range append(previews[1:], previews[0]) {
			tab.WaitPDF(fmt.Sprintf(`iframe[data-test=preview][data-name=%q]`, n))
		}
		shot(t, tab, "web-ket-qua.png")

		wantIn := map[string][]string{
			"thong-bao": {"THÔNG BÁO", "Phạm Duy Hưng", "Bắc Kạn, ngày 31 tháng 7 năm 2023"},
			"bao-cao":   {"BÁO CÁO", "Phạm Duy Hưng"},
			"bien-ban":  {"BIÊN BẢN", "Phạm Duy Hưng"},
		}
		var pdfs, xlsx int
		for _, n := range names {
			d := tab.Download(browser.Click(fmt.Sprintf(`a[data-test=download][data-name=%q]`, n)))
			if d.Name != n {
				t.Errorf("%s downloads as %s", n, d.Name)
			}
			switch filepath.Ext(n) {
			case ".pdf":
				pdfs++
				var want []string
				for kind, ws := range wantIn {
					if strings.HasPrefix(n, kind+"-") {
						want = ws
					}
				}
				if want == nil {
					t.Errorf("%s is a PDF of no kind that was asked for", n)
				}
				txt := text(t, d.Path)
				for _, w := range want {
					if !strings.Contains(txt, w) {
						t.Errorf("%s: pdftotext finds no %q in:\n%s", n, w, txt)
					}
				}
			case ".xlsx":
				xlsx++
				csv := t.TempDir()
				testtool.Soffice(t, t.TempDir(), csv, "csv:Text - txt - csv (StarCalc):44,34,76", d.Path)
				got, err := os.ReadFile(filepath.Join(csv, strings.TrimSuffix(filepath.Base(d.Path), filepath.Ext(d.Path))+".csv"))
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(string(got), name) {
					t.Errorf("%s: LibreOffice finds no %s, the name put back, in:\n%s", n, name, got)
				}
			}
		}
		if pdfs != 3 || xlsx != 1 {
			t.Errorf("the page offers %q, want three PDFs and a workbook", names)
		}

		zip := tab.Download(browser.Click("#zip"))
		listing := string(testtool.Run(t, "unzip", "-l", zip.Path))
		for _, n := range names {
			if !strings.Contains(listing, n) {
				t.Errorf("the ZIP %s has no %s:\n%s", zip.Name, n, listing)
			}
		}
	})

	// A workbook from elsewhere is dropped onto the page, which sends it;
	// after a fix it is chosen again and checked.
	t.Run("upload", func(t *testing.T) {
		good, bad, _ := workbooks(t)
		elsewhere := t.TempDir()
		write(t, filepath.Join(elsewhere, "sai", "hop.xlsx"), bad)
		write(t, filepath.Join(elsewhere, "dung", "hop.xlsx"), good)
		s := serve(t, t.TempDir(), lang.Vietnamese)
		tab := b.Tab(t)
		tab.Do(
			chromedp.Navigate(s.URL()),
			browser.Drop("#drop", filepath.Join(elsewhere, "sai", "hop.xlsx")),
			browser.Shown("#problems"),
		)
		wantProblems(t, tab, []problem{{"Đại biểu!B14", "meeting.attendees[12].name", "thiếu họ và tên đại biểu"}})
		tab.Do(
			chromedp.SetUploadFiles(chromedp.ID("file"), []string{filepath.Join(elsewhere, "dung", "hop.xlsx")}),
			browser.Click("#check-again"),
			browser.Shown("#valid"),
		)
	})

	// Without JavaScript the forms work as they are: a file is chosen,
	// opened and rendered.
	t.Run("no-script", func(t *testing.T) {
		good, _, _ := workbooks(t)
		file := filepath.Join(t.TempDir(), "hop.xlsx")
		write(t, file, good)
		s := serve(t, t.TempDir(), lang.Vietnamese)
		tab := b.Tab(t)
		tab.Do(
			chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
				_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
				return err
			}),
			chromedp.Navigate(s.URL()),
			chromedp.SetUploadFiles(chromedp.ID("file"), []string{file}),
			browser.Click("#open"),
			// Shown would wait for scripts to run, here in vain.
			chromedp.WaitVisible(chromedp.ID("valid")),
			browser.Click("#render"),
			chromedp.WaitVisible(chromedp.ID("results")),
		)
		if names := attrs(tab, "a[data-test=download]", "data-name"); len(names) != 4 {
			t.Errorf("the page offers %q, want three PDFs and a workbook", names)
		}
	})

	// The blank workbook of a new meeting is a workbook LibreOffice
	// opens, with the guide's sheet first.
	t.Run("blank", func(t *testing.T) {
		s := serve(t, t.TempDir(), lang.Vietnamese)
		tab := b.Tab(t)
		tab.Do(chromedp.Navigate(s.URL()))
		d := tab.Download(browser.Click("#blank"))
		if filepath.Ext(d.Name) != ".xlsx" {
			t.Errorf("the blank workbook downloads as %s", d.Name)
		}
		sheets := string(testtool.Run(t, "unzip", "-p", d.Path, "xl/workbook.xml"))
		for _, want := range []string{"Hướng dẫn", "Thông tin", "Đại biểu"} {
			if !strings.Contains(sheets, `name="`+want+`"`) {
				t.Errorf("the blank workbook has no sheet %s:\n%s", want, sheets)
			}
		}
	})

	// A folder of the month is rendered: the page shows its progress, the
	// meetings that failed with their problems, and the bundles.
	t.Run("folder", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "Văn phòng")
		for _, n := range []string{"01-xa-phien-hop-thuong-ky.yaml", "09-ban-thuong-vu-huyen-uy.yaml"} {
			data, err := os.ReadFile(filepath.Join("..", "..", "samples", "corpus", n))
			if err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(dir, "thang-7", n), data)
		}
		write(t, filepath.Join(dir, "thang-7", "sai-ngay.yaml"), []byte(broken))
		s := serve(t, dir, lang.Vietnamese)
		tab := b.Tab(t)
		tab.Do(
			chromedp.Navigate(s.URL()),
			chromedp.SetValue(chromedp.ID("folder"), "thang-7"),
			browser.Click("#folder-render"),
			browser.Shown(`#batch-status[data-state=done]`),
		)
		if got := browser.Run(tab, chromedp.Text(chromedp.ID("batch-progress"))); got != "3/3" {
			t.Errorf("progress %q, want 3/3", got)
		}
		// What the page polls for its progress.
		type progress struct {
			State               string
			Done, Total, Failed int
		}
		got := browser.Run(tab, chromedp.Evaluate[progress](`fetch(location.pathname + ".json").then(r => r.json())`, chromedp.EvalAwaitPromise))
		if want := (progress{"done", 3, 3, 1}); got != want {
			t.Errorf("the progress of the folder render is %+v, want %+v", got, want)
		}
		status := map[string]string{}
		paths := attrs(tab, "tr[data-test=batch-entry]", "data-path")
		for i, st := range attrs(tab, "tr[data-test=batch-entry]", "data-status") {
			status[filepath.Base(paths[i])] = st
		}
		want := map[string]string{"01-xa-phien-hop-thuong-ky.yaml": "ok", "09-ban-thuong-vu-huyen-uy.yaml": "ok", "sai-ngay.yaml": "failed"}
		if fmt.Sprint(status) != fmt.Sprint(want) {
			t.Errorf("the page lists %v, want %v", status, want)
		}
		wantProblems(t, tab, []problem{{"2:37", "documents[0].date", "nhận được 2025-02-30"}})
		shot(t, tab, "web-thu-muc.png")

		bundles := attrs(tab, "a[data-test=bundle]", "href")
		if len(bundles) != 2 {
			t.Fatalf("bundles %q, want one for each meeting that succeeded", bundles)
		}
		d := tab.Download(browser.Click("a[data-test=bundle]"))
		listing := string(testtool.Run(t, "unzip", "-l", d.Path))
		if !strings.Contains(listing, "thong-bao-") || !strings.Contains(listing, ".pdf") {
			t.Errorf("the bundle %s holds no thông báo:\n%s", d.Name, listing)
		}
	})

	// The page in English: every text of its own in English, the
	// problems too.
	t.Run("english", func(t *testing.T) {
		_, bad, _ := workbooks(t)
		dir := t.TempDir()
		write(t, filepath.Join(dir, "hop.xlsx"), bad)
		en := serve(t, dir, lang.English)
		vi := serve(t, dir, lang.Vietnamese)
		tab := b.Tab(t)
		// Each page, in English and in Vietnamese.
		pages := []struct {
			name string
			open func(s *web.Server) chromedp.Action[chromedp.Void]
		}{
			{"home", func(s *web.Server) chromedp.Action[chromedp.Void] {
				return chromedp.Steps(chromedp.Navigate(s.URL()), browser.Shown("#files"))
			}},
			{"problems", func(s *web.Server) chromedp.Action[chromedp.Void] {
				return chromedp.Steps(chromedp.Navigate(s.URL()), browser.Click(`button[data-test=pick][value="hop.xlsx"]`), browser.Shown("#problems"))
			}},
			{"profile", func(s *web.Server) chromedp.Action[chromedp.Void] {
				return chromedp.Steps(chromedp.Navigate(s.URL()+"profile"), browser.Shown("#profile-form"))
			}},
		}
		for _, p := range pages {
			tab.Do(p.open(en))
			if l := browser.Run(tab, chromedp.Evaluate[string](`document.documentElement.lang`)); l != "en" {
				t.Errorf("%s: <html lang=%q>, want en", p.name, l)
			}
			english := texts(tab)
			if p.name == "problems" {
				wantProblems(t, tab, []problem{{"Đại biểu!B14", "meeting.attendees[12].name", "missing the attendee's name"}})
			} else if v := vietnamese(english); len(v) > 0 {
				t.Errorf("%s: the English page has Vietnamese text: %q", p.name, v)
			}
			tab.Do(p.open(vi))
			if same := untranslated(english, texts(tab)); len(same) > 0 {
				t.Errorf("%s: the Vietnamese page has English text: %q", p.name, same)
			}
		}
	})

	// The office profile is filled in once, in a form; a meeting file
	// that leaves the agency and the signer out takes them from it.
	t.Run("profile", func(t *testing.T) {
		dir := t.TempDir()
		write(t, filepath.Join(dir, "phien-hop-thang-7.yaml"), []byte(short))
		s := serve(t, dir, lang.Vietnamese)
		tab := b.Tab(t)
		tab.Do(
			chromedp.Navigate(s.URL()),
			browser.Click("#profile-link"),
			browser.Shown("#profile-form"),
			chromedp.SendKeys(chromedp.ID("issuer-parent"), "UBND HUYỆN CHỢ ĐỒN"),
			chromedp.SendKeys(chromedp.ID("issuer-name"), "ỦY BAN NHÂN DÂN XÃ TÂN AN"),
			chromedp.SendKeys(chromedp.ID("issuer-code"), "UBND"),
			chromedp.SendKeys(chromedp.ID("issuer-place"), "Tân An"),
			chromedp.SetValue(chromedp.ID("thong-bao-titles"), "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"),
			// A zero-width space pasted with the name is refused at its field.
			chromedp.SetValue(chromedp.ID("thong-bao-name"), "Nguyễn Thị\u200bLan"),
			chromedp.SetValue(chromedp.ID("thong-bao-recipients"), "Thường trực Đảng ủy xã;\nCác thôn, bản;"),
			chromedp.SendKeys(chromedp.ID("thong-bao-archive"), "VT, VP"),
			browser.Click("#profile-save"),
			browser.Shown("#problems"),
		)
		wantProblems(t, tab, []problem{{"", "documents.thong-bao.signer.name", "U+200B"}})
		user := filepath.Join(os.Getenv("XDG_CONFIG_HOME"), "hoinghi", "hoinghi.yaml")
		if _, err := os.Stat(user); !os.IsNotExist(err) {
			t.Errorf("a profile with a problem was written (%v)", err)
		}
		tab.Do(
			chromedp.SetValue(chromedp.ID("thong-bao-name"), "Nguyễn Thị Lan"),
			browser.Click("#profile-save"),
			browser.Shown("#profile-saved"),
		)
		if got := browser.Run(tab, chromedp.Text(chromedp.ID("profile-saved"))); !strings.Contains(got, user) {
			t.Errorf("the page says %q, not where the profile is: %s", got, user)
		}
		shot(t, tab, "web-ho-so.png")

		tab.Do(chromedp.Navigate(s.URL()+"profile"), browser.Shown("#profile-form"))
		if got := browser.Run(tab, chromedp.Value(chromedp.ID("issuer-name"))); got != "ỦY BAN NHÂN DÂN XÃ TÂN AN" {
			t.Errorf("the form shows the saved agency as %q", got)
		}

		tab.Do(
			chromedp.Navigate(s.URL()),
			browser.Click(`button[data-test=pick][value="phien-hop-thang-7.yaml"]`),
			browser.Shown("#valid"),
		)
		sources := browser.Run(tab, chromedp.Text(chromedp.ID("sources")))
		for _, want := range []string{"issuer.name", "ỦY BAN NHÂN DÂN XÃ TÂN AN", "Nguyễn Thị Lan"} {
			if !strings.Contains(sources, want) {
				t.Errorf("the values from the profile do not show %s:\n%s", want, sources)
			}
		}
		check(tab, "input[data-test=kind]", "thong-bao")
		check(tab, "input[data-test=format]", "pdf")
		tab.Do(browser.Click("#render"), browser.Shown("#results"))
		d := tab.Download(browser.Click("a[data-test=download]"))
		txt := text(t, d.Path)
		for _, want := range []string{"UBND HUYỆN CHỢ ĐỒN", "ỦY BAN NHÂN DÂN XÃ TÂN AN", "/TB-UBND", "Tân An, ngày 30 tháng 7 năm 2025",
			"TM. ỦY BAN NHÂN DÂN CHỦ TỊCH", "Nguyễn Thị Lan", "Thường trực Đảng ủy xã;", "Lưu: VT, VP."} {
			if !strings.Contains(txt, want) {
				t.Errorf("%s: pdftotext finds no %q in:\n%s", d.Name, want, txt)
			}
		}
	})

	// A page of another site cannot drive the application through the
	// clerk's browser, even knowing its address and token.
	t.Run("cross-origin", func(t *testing.T) {
		dir := t.TempDir()
		data, err := os.ReadFile(seed)
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dir, "hop.yaml"), data)
		s := serve(t, dir, lang.Vietnamese)
		evil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, `<!doctype html><form id="f" method="post" action="%sbatch"><input type="hidden" name="dir" value="."><button id="go">go</button></form>`, s.URL())
		}))
		defer evil.Close()
		tab := b.Tab(t)
		got := browser.Run(tab, chromedp.WaitEvent(network.ResponseReceived, func(ev network.EventResponseReceived) bool {
			return strings.HasPrefix(ev.Response.URL, s.URL())
		}, chromedp.Steps(chromedp.Navigate(evil.URL), browser.Click("#go"))))
		if got.Response.URL != s.URL()+"batch" || got.Response.Status != http.StatusForbidden {
			t.Errorf("a form of %s posted to the application: %s answered %d %s, want batch refused with 403",
				evil.URL, got.Response.URL, got.Response.Status, got.Response.StatusText)
		}
		if _, err := os.Stat(filepath.Join(dir, "hoinghi-ket-qua")); !os.IsNotExist(err) {
			t.Errorf("the other site's request rendered the folder (%v)", err)
		}
	})
}

// short is a meeting file without the agency and signer, which the
// office profile gives.
const short = `documents: [{kind: thong-bao, date: 2025-07-30}]
meeting:
  title: Phiên họp thường kỳ tháng 7 năm 2025 của UBND xã Tân An
  start: 2025-07-28 08:00
  attendees: [{name: Trần Văn Bình, position: Phó Chủ tịch UBND xã}]
conclusions: [Giao Văn phòng UBND xã hoàn thiện báo cáo 6 tháng.]
`

// broken is a meeting file with an impossible date, at line 2, column 37.
const broken = `issuer: {name: UBND XÃ TÂN AN}
documents: [{kind: thong-bao, date: 2025-02-30}]
meeting: {title: Phiên họp thường kỳ tháng 2 năm 2025 của UBND xã Tân An}
`

// texts returns the page's own texts: its text nodes and placeholders,
// but not the cells, fields and values of the data it shows (a sheet's
// name, a field's path), nor the kinds of issuing body, which are named
// in Vietnamese in either language.
func texts(tab *browser.Tab) []string {
	return browser.Run(tab, chromedp.Evaluate[[]string](`(() => {
		const data = "[data-test=where], [data-test=field], code, #issuer-type";
		const out = [];
		const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		while (w.nextNode()) {
			const t = w.currentNode.textContent.trim();
			if (t && !w.currentNode.parentElement.closest(data)) out.push(t);
		}
		for (const e of document.querySelectorAll("[placeholder]")) out.push(e.placeholder);
		return out;
	})()`))
}

// gloss is a Vietnamese term in brackets after its English name, as in
// "Minutes (biên bản)".
var gloss = regexp.MustCompile(`\([^)]*\)`)

// vietnamese returns the texts that hold a Vietnamese letter — a letter
// with a diacritic, or đ — outside a gloss.
func vietnamese(texts []string) []string {
	var vi []string
	for _, t := range texts {
		if strings.ContainsFunc(gloss.ReplaceAllString(t, ""), func(r rune) bool { return r >= 0xC0 && r <= 0x1EF9 && unicode.IsLetter(r) }) {
			vi = append(vi, t)
		}
	}
	return vi
}

// untranslated returns the texts of two or more words that the English
// page and the Vietnamese page both show: words of the page's own left
// in English. Names of files and fields are one word.
func untranslated(english, vietnamese []string) []string {
	var same []string
	for _, t := range english {
		if len(strings.Fields(t)) > 1 && slices.Contains(vietnamese, t) {
			same = append(same, t)
		}
	}
	return same
}
