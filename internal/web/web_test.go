package web

import (
	"bytes"
	"context"
	"encoding/json"
	"github.com/hoinghi/hoinghi/internal/testtool/fifo"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/internal/testtool"
	"github.com/hoinghi/hoinghi/report"
	"github.com/hoinghi/hoinghi/report/batch"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/profile"
	"github.com/hoinghi/hoinghi/report/workbook"
	"github.com/hoinghi/hoinghi/templates"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"
)

// testSetup is the setup of `hoinghi serve` without flags: the embedded
// fonts, the built-in templates, and the office profile at path.
func testSetup(path string) (batch.Setup, error) {
	srcs, err := templates.Builtin()
	if err != nil {
		return batch.Setup{}, err
	}
	r, err := report.New(fonts.Default(), srcs, "hoinghi test")
	if err != nil {
		return batch.Setup{}, err
	}
	if path != "" {
		p, err := profile.Load(path)
		if err != nil {
			return batch.Setup{}, err
		}
		r.Adopt(p)
		r.Electronic = p.Render().Electronic
	}
	return batch.Setup{Renderer: r}, nil
}

// desk is a server of a test, listening on a free loopback port.
type desk struct {
	*Server
	base   string // http://127.0.0.1:PORT/TOKEN/
	client *http.Client
}

// start serves opt (Setup and Path filled in when empty) until the test
// ends.
func start(t testing.TB, opt Options) *desk {
	t.Helper()
	if opt.Setup == nil {
		opt.Setup = testSetup
	}
	if opt.Path == "" {
		opt.Path = t.TempDir()
	}
	s, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := s.Listen()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	return &desk{s, "http://" + s.addr + "/" + s.token + "/", &http.Client{
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

// do sends a request and returns the response and its body.
func (d *desk) do(t testing.TB, req *http.Request) (*http.Response, string) {
	t.Helper()
	res, err := d.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(body)
}

func (d *desk) get(t testing.TB, path string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest("GET", d.url(path), nil)
	if err != nil {
		t.Fatal(err)
	}
	return d.do(t, req)
}

func (d *desk) post(t testing.TB, path string, form url.Values) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest("POST", d.url(path), strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return d.do(t, req)
}

// url is path below the token, or path itself when it starts with /.
func (d *desk) url(path string) string {
	if strings.HasPrefix(path, "/") {
		u, _ := url.Parse(d.base)
		return u.Scheme + "://" + u.Host + path
	}
	return d.base + path
}

// upload posts a file to the open form.
func (d *desk) upload(t testing.TB, name string, data []byte) (*http.Response, string) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	req, err := http.NewRequest("POST", d.url("open"), &body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return d.do(t, req)
}

// sample is the seed meeting file.
func sample(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile("../../samples/cum-thi-dua-2023.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// brokenWorkbook is the seed meeting as an input workbook with its title
// and its first attendee's name erased, and the cells they were in.
func brokenWorkbook(t testing.TB) (data []byte, cells []string) {
	t.Helper()
	set, err := testSetup("")
	if err != nil {
		t.Fatal(err)
	}
	l, err := set.Renderer.Parse(filepath.Join(t.TempDir(), "hop.yaml"), sample(t))
	if err != nil {
		t.Fatal(err)
	}
	wb, err := workbook.Write(l.Meeting)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(wb))
	if err != nil {
		t.Fatal(err)
	}
	for _, erase := range []struct{ sheet, value string }{
		{"Thông tin", l.Meeting.Info.Title},
		{"Đại biểu", l.Meeting.Info.Attendees[0].Name},
	} {
		rows, err := f.GetRows(erase.sheet)
		if err != nil {
			t.Fatal(err)
		}
		found := ""
		for r, row := range rows {
			for c, v := range row {
				if v == erase.value && found == "" {
					found, _ = excelize.CoordinatesToCellName(c+1, r+1)
				}
			}
		}
		if found == "" {
			t.Fatalf("%s: no cell holds %q", erase.sheet, erase.value)
		}
		if err := f.SetCellValue(erase.sheet, found, ""); err != nil {
			t.Fatal(err)
		}
		cells = append(cells, erase.sheet+"!"+found)
	}
	var out bytes.Buffer
	if err := f.Write(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes(), cells
}

// rows are the problem rows of a page: where, field and message.
func rows(page string) [][3]string {
	re := regexp.MustCompile(`(?s)<tr data-test="problem"><td data-test="where">(.*?)</td><td data-test="field"><code>(.*?)</code></td><td data-test="message">(.*?)</td></tr>`)
	var out [][3]string
	for _, m := range re.FindAllStringSubmatch(page, -1) {
		out = append(out, [3]string{m[1], m[2], m[3]})
	}
	return out
}

func TestUploadShowsCellProblems(t *testing.T) {
	d := start(t, Options{})
	data, cells := brokenWorkbook(t)
	res, page := d.upload(t, "Họp tháng 7.xlsx", data)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422:\n%s", res.StatusCode, page)
	}
	got := rows(page)
	want := map[string]string{cells[0]: "meeting.title", cells[1]: "meeting.attendees[0].name"}
	for where, field := range want {
		found := false
		for _, r := range got {
			if r[0] == where && r[1] == field && strings.HasPrefix(r[2], "thiếu") {
				found = true
			}
		}
		if !found {
			t.Errorf("no problem at %s (%s) in %q", where, field, got)
		}
	}
	// An upload is checked again by choosing it again.
	if !strings.Contains(page, `id="check-again"`) || !strings.Contains(page, `id="file"`) {
		t.Errorf("no way to check again:\n%s", page)
	}
}

func TestCheckAgainReadsTheFileAgain(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "hop.yaml")
	good := sample(t)
	bad := bytes.Replace(good, []byte("date: 2023-07-31"), []byte("date: 2023-02-30"), 1)
	if bytes.Equal(bad, good) {
		t.Fatal("the sample has no date to break")
	}
	if err := os.WriteFile(path, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	d := start(t, Options{Path: dir})
	_, home := d.get(t, "")
	if !strings.Contains(home, `value="hop.yaml" data-test="pick"`) {
		t.Fatalf("the working folder's file is not listed:\n%s", home)
	}
	res, page := d.post(t, "check", url.Values{"file": {"hop.yaml"}})
	got := rows(page)
	if res.StatusCode != http.StatusUnprocessableEntity || len(got) != 1 || got[0][1] != "documents[0].date" || !regexp.MustCompile(`^dòng \d+, cột \d+$`).MatchString(got[0][0]) {
		t.Fatalf("status %d, problems %q", res.StatusCode, got)
	}
	if err := os.WriteFile(path, good, 0o644); err != nil {
		t.Fatal(err)
	}
	res, page = d.post(t, "check", url.Values{"file": {"hop.yaml"}})
	if res.StatusCode != http.StatusOK || !strings.Contains(page, `id="valid"`) || len(rows(page)) != 0 {
		t.Fatalf("status %d after the fix:\n%s", res.StatusCode, page)
	}
}

// render renders the working folder's hop.yaml as form says and returns
// the result page's path.
func (d *desk) render(t testing.TB, form url.Values) string {
	t.Helper()
	res, page := d.post(t, "render", form)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("render: status %d:\n%s", res.StatusCode, page)
	}
	return res.Header.Get("Location")
}

// noUserProfile gives the test a home of its own, empty, with no office
// profile, and returns it.
func noUserProfile(t testing.TB) string {
	t.Helper()
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv(profile.EnvVar, "")
	return home
}

// saveTemp writes data into a file of the test's named name.
func saveTemp(t testing.TB, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestRenderDocx offers the Word file, unchosen by default, and serves
// it as a Word document that LibreOffice opens.
func TestRenderDocx(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "hop.yaml"), sample(t), 0o644); err != nil {
		t.Fatal(err)
	}
	d := start(t, Options{Path: dir})
	_, page := d.post(t, "check", url.Values{"file": {"hop.yaml"}})
	if !strings.Contains(page, `value="docx" data-test="format">`) {
		t.Errorf("no unchecked DOCX in the check page:\n%s", page)
	}
	result := d.render(t, url.Values{"file": {"hop.yaml"}, "kind": {"thong-bao"}, "format": {"docx"}})
	name := "thong-bao-2023-07-31.docx"
	res, body := d.get(t, result+"/"+name)
	if ct := res.Header.Get("Content-Type"); ct != "application/vnd.openxmlformats-officedocument.wordprocessingml.document" {
		t.Errorf("Word file: Content-Type %q", ct)
	}
	out := t.TempDir()
	testtool.Soffice(t, filepath.Join(out, "profile"), out, "pdf", saveTemp(t, name, []byte(body)))
	text := string(testtool.Run(t, "pdftotext", filepath.Join(out, "thong-bao-2023-07-31.pdf"), "-"))
	for _, want := range []string{"THÔNG BÁO", "CỤM THI ĐUA", "Phạm Duy Hưng"} {
		if !strings.Contains(text, want) {
			t.Errorf("the Word file does not say %q:\n%s", want, text)
		}
	}
}

func TestRenderPreviewAndDownload(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "hop.yaml"), sample(t), 0o644); err != nil {
		t.Fatal(err)
	}
	d := start(t, Options{Path: dir})
	_, page := d.post(t, "check", url.Values{"file": {"hop.yaml"}})
	for _, want := range []string{`value="thong-bao" data-test="kind" checked`, `value="pdf" data-test="format" checked`, `value="xlsx" data-test="format" checked`, `id="render"`} {
		if !strings.Contains(page, want) {
			t.Errorf("no %s in the check page", want)
		}
	}
	result := d.render(t, url.Values{"file": {"hop.yaml"}, "kind": {"thong-bao"}, "format": {"pdf", "xlsx"}})
	_, page = d.get(t, result)
	pdfName, xlsxName := "thong-bao-2023-07-31.pdf", "danh-sach-dai-bieu-2023-07-28.xlsx"
	for _, want := range []string{`data-name="` + pdfName + `"`, `data-test="preview"`, `data-name="` + xlsxName + `"`, `id="zip"`} {
		if !strings.Contains(page, want) {
			t.Errorf("no %s in the result page:\n%s", want, page)
		}
	}
	if strings.Contains(page, "bao-cao") {
		t.Error("a kind not chosen was rendered")
	}

	res, body := d.get(t, result+"/"+pdfName+"?view=1")
	if ct, cd := res.Header.Get("Content-Type"), res.Header.Get("Content-Disposition"); ct != "application/pdf" || !strings.HasPrefix(cd, "inline;") {
		t.Errorf("preview: Content-Type %q, Content-Disposition %q", ct, cd)
	}
	pdf := saveTemp(t, pdfName, []byte(body))
	text := string(testtool.Run(t, "pdftotext", pdf, "-"))
	for _, want := range []string{"THÔNG BÁO", "CỤM THI ĐUA", "Phạm Duy Hưng"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF does not say %q:\n%s", want, text)
		}
	}
	if info := string(testtool.Run(t, "pdfinfo", pdf)); !strings.Contains(info, "(A4)") {
		t.Errorf("not A4:\n%s", info)
	}

	res, _ = d.get(t, result+"/"+pdfName)
	if cd := res.Header.Get("Content-Disposition"); cd != `attachment; filename="`+pdfName+`"; filename*=UTF-8''`+pdfName {
		t.Errorf("download: Content-Disposition %q", cd)
	}
	res, body = d.get(t, result+"/"+xlsxName)
	if ct := res.Header.Get("Content-Type"); !strings.Contains(ct, "spreadsheetml") {
		t.Errorf("workbook: Content-Type %q", ct)
	}
	xlsx := saveTemp(t, xlsxName, []byte(body))
	sheet := string(testtool.Run(t, "unzip", "-p", xlsx, "xl/worksheets/sheet1.xml"))
	for _, want := range []string{"DANH SÁCH ĐẠI BIỂU", "Hoàng Huế"} {
		if !strings.Contains(sheet, want) {
			t.Errorf("the workbook does not say %q", want)
		}
	}

	res, body = d.get(t, result+"/all.zip")
	if cd := res.Header.Get("Content-Disposition"); !strings.Contains(cd, `filename="hop.zip"`) {
		t.Errorf("ZIP: Content-Disposition %q", cd)
	}
	list := string(testtool.Run(t, "unzip", "-l", saveTemp(t, "all.zip", []byte(body))))
	if !strings.Contains(list, pdfName) || !strings.Contains(list, xlsxName) {
		t.Errorf("the ZIP holds:\n%s", list)
	}
	again := d.render(t, url.Values{"file": {"hop.yaml"}, "kind": {"thong-bao"}, "format": {"pdf", "xlsx"}})
	if _, zip := d.get(t, again+"/all.zip"); zip != body {
		t.Error("the same meeting gave two different ZIP files")
	}
}

func TestBlankWorkbook(t *testing.T) {
	d := start(t, Options{})
	_, home := d.get(t, "")
	if !strings.Contains(home, `id="blank"`) {
		t.Fatal("no link to a blank workbook")
	}
	res, body := d.get(t, "blank.xlsx")
	if cd := res.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") {
		t.Errorf("Content-Disposition %q", cd)
	}
	sheets := string(testtool.Run(t, "unzip", "-p", saveTemp(t, "blank.xlsx", []byte(body)), "xl/workbook.xml"))
	for _, want := range []string{"Hướng dẫn", "Thông tin", "Đại biểu"} {
		if !strings.Contains(sheets, want) {
			t.Errorf("no sheet %s in %s", want, sheets)
		}
	}
}

func TestDisposition(t *testing.T) {
	got := disposition(false, `Họp "tháng 7".zip`)
	want := `attachment; filename="H_p _th_ng 7_.zip"; filename*=UTF-8''H%E1%BB%8Dp%20%22th%C3%A1ng%207%22.zip`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestToken(t *testing.T) {
	d := start(t, Options{})
	for _, path := range []string{"/", "/favicon.ico", "/" + strings.Repeat("0", 32) + "/", "/" + d.token[:31] + "/", "/" + d.token + "x/"} {
		if res, _ := d.get(t, path); res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", path, res.StatusCode)
		}
	}
	if res, _ := d.get(t, ""); res.StatusCode != http.StatusOK {
		t.Errorf("GET with the token: status %d", res.StatusCode)
	}
	if len(d.token) != 32 {
		t.Errorf("token %q is not 128 bits in hex", d.token)
	}
}

func TestHostChecked(t *testing.T) {
	d := start(t, Options{})
	_, port, _ := strings.Cut(d.addr, ":")
	for host, want := range map[string]int{
		d.addr:                 http.StatusOK,
		"localhost:" + port:    http.StatusOK,
		"evil.example:" + port: http.StatusForbidden,
		"evil.example":         http.StatusForbidden,
		"127.0.0.1:1":          http.StatusForbidden,
	} {
		req, _ := http.NewRequest("GET", d.base, nil)
		req.Host = host
		if res, _ := d.do(t, req); res.StatusCode != want {
			t.Errorf("Host %s: status %d, want %d", host, res.StatusCode, want)
		}
	}
}

func TestCrossOriginRefused(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "hop.yaml"), sample(t), 0o644)
	d := start(t, Options{Path: dir})
	form := url.Values{"file": {"hop.yaml"}, "format": {"pdf"}}
	for _, h := range []map[string]string{
		{"Sec-Fetch-Site": "cross-site"},
		{"Origin": "http://evil.example"},
		{"Sec-Fetch-Site": "same-site", "Origin": "http://other." + d.addr},
	} {
		req, _ := http.NewRequest("POST", d.url("render"), strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		for k, v := range h {
			req.Header.Set(k, v)
		}
		if res, _ := d.do(t, req); res.StatusCode != http.StatusForbidden {
			t.Errorf("%v: status %d, want 403", h, res.StatusCode)
		}
	}
	req, _ := http.NewRequest("POST", d.url("render"), strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.Header.Set("Origin", "http://"+d.addr)
	if res, body := d.do(t, req); res.StatusCode != http.StatusSeeOther {
		t.Errorf("same origin: status %d:\n%s", res.StatusCode, body)
	}
}

func TestSecurityHeaders(t *testing.T) {
	d := start(t, Options{})
	res, _ := d.get(t, "")
	for k, want := range map[string]string{
		"Content-Security-Policy": "default-src 'self'",
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "no-referrer",
	} {
		if got := res.Header.Get(k); !strings.Contains(got, want) {
			t.Errorf("%s: %q, want %q", k, got, want)
		}
	}
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'self'") {
		t.Errorf("CSP %q lets other pages frame this one", csp)
	}
}

func TestSizeLimits(t *testing.T) {
	d := start(t, Options{})
	res, page := d.upload(t, "lon.yaml", bytes.Repeat([]byte("#"), 16<<20+1))
	if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(page, "byte cho phép") {
		t.Errorf("a file over the limit: status %d:\n%s", res.StatusCode, page)
	}
	res, _ = d.post(t, "check", url.Values{"file": {strings.Repeat("x", MaxForm)}})
	if res.StatusCode != http.StatusBadRequest {
		t.Errorf("a form over the limit: status %d", res.StatusCode)
	}
}

func TestPassword(t *testing.T) {
	d := start(t, Options{Password: []byte("mật khẩu")})
	for pass, want := range map[string]int{"": http.StatusUnauthorized, "sai": http.StatusUnauthorized, "mật khẩu": http.StatusOK} {
		req, _ := http.NewRequest("GET", d.base, nil)
		if pass != "" {
			req.SetBasicAuth("van-thu", pass)
		}
		if res, _ := d.do(t, req); res.StatusCode != want {
			t.Errorf("password %q: status %d, want %d", pass, res.StatusCode, want)
		}
	}
	path := filepath.Join(t.TempDir(), "pw")
	os.WriteFile(path, []byte("  bí mật \nrest\n"), 0o600)
	if pw, err := ReadPassword(path); err != nil || string(pw) != "bí mật" {
		t.Errorf("ReadPassword: %q, %v", pw, err)
	}
}

func TestOtherAddressNeedsPassword(t *testing.T) {
	s, err := New(Options{Path: t.TempDir(), Setup: testSetup, Listen: "0.0.0.0:0"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Listen()
	le, ok := err.(*lang.Error)
	if !ok || !strings.Contains(le.In(lang.Vietnamese), "--password-file") {
		t.Fatalf("listening on every address without a password: %v", err)
	}
}

func TestFailedRenderAnswersAndServes(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "hop.yaml"), sample(t), 0o644)
	d := start(t, Options{Path: dir})
	real := d.write
	form := url.Values{"file": {"hop.yaml"}, "format": {"pdf"}}
	d.write = func(context.Context, report.Output, io.Writer) error { panic("a bug") }
	res, page := d.post(t, "render", form)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, `id="render-error"`) || !strings.Contains(page, "a bug") {
		t.Errorf("a panicking render: status %d:\n%s", res.StatusCode, page)
	}
	d.write = func(context.Context, report.Output, io.Writer) error { return lang.Errorf("the disk is full") }
	res, page = d.post(t, "render", form)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "the disk is full") {
		t.Errorf("a failed render: status %d:\n%s", res.StatusCode, page)
	}
	d.write = real
	d.render(t, form)
	if n := len(d.sem); n != 0 {
		t.Errorf("%d renders still hold the semaphore", n)
	}
}

func TestKeptIsBounded(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "hop.yaml"), sample(t), 0o644)
	d := start(t, Options{Path: dir})
	d.kept = newStore(3, 100<<10)
	form := url.Values{"file": {"hop.yaml"}, "kind": {"thong-bao"}, "format": {"pdf"}}
	var results []string
	for range 6 {
		results = append(results, d.render(t, form))
	}
	if n, size := len(d.kept.order), d.kept.bytes(); n > 3 || size > 100<<10 {
		t.Errorf("%d results of %d bytes kept", n, size)
	}
	if res, _ := d.get(t, results[0]); res.StatusCode != http.StatusNotFound {
		t.Errorf("the oldest result: status %d, want 404", res.StatusCode)
	}
	if res, _ := d.get(t, results[5]); res.StatusCode != http.StatusOK {
		t.Errorf("the newest result: status %d", res.StatusCode)
	}
}

func TestManyRendersQueue(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "hop.yaml"), sample(t), 0o644)
	d := start(t, Options{Path: dir})
	// Every render waits in write until released, so that the renders
	// in flight pile up to what the semaphore lets through.
	release := make(chan struct{})
	var mu sync.Mutex
	writing, most := 0, 0
	real := d.write
	d.write = func(ctx context.Context, o report.Output, w io.Writer) error {
		mu.Lock()
		writing++
		most = max(most, writing)
		mu.Unlock()
		<-release
		defer func() { mu.Lock(); writing--; mu.Unlock() }()
		return real(ctx, o, w)
	}
	const clients = 50
	form := url.Values{"file": {"hop.yaml"}, "kind": {"thong-bao"}, "format": {"pdf"}}
	var wg sync.WaitGroup
	codes := make(chan int, clients)
	for range clients {
		wg.Go(func() {
			req, _ := http.NewRequest("POST", d.url("render"), strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			res, err := d.client.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			res.Body.Close()
			codes <- res.StatusCode
		})
	}
	for {
		mu.Lock()
		n := writing
		mu.Unlock()
		if n == cap(d.sem) {
			break
		}
		time.Sleep(time.Millisecond)
	}
	// While they wait, the server answers.
	if res, _ := d.get(t, ""); res.StatusCode != http.StatusOK {
		t.Errorf("the start page during the renders: status %d", res.StatusCode)
	}
	mu.Lock()
	piled := most
	mu.Unlock()
	close(release)
	wg.Wait()
	close(codes)
	for c := range codes {
		if c != http.StatusSeeOther {
			t.Errorf("a render answered %d", c)
		}
	}
	if piled != cap(d.sem) || d.peak.Load() != int64(cap(d.sem)) {
		t.Errorf("%d renders in flight at once (peak %d), want the semaphore's %d", piled, d.peak.Load(), cap(d.sem))
	}
}

func TestPathsStayInTheWorkingFolder(t *testing.T) {
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "hop.yaml"), sample(t), 0o644)
	dir := t.TempDir()
	if err := os.Symlink(filepath.Join(outside, "hop.yaml"), filepath.Join(dir, "link.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "thang-7")); err != nil {
		t.Fatal(err)
	}
	d := start(t, Options{Path: dir})
	for _, name := range []string{"link.yaml", "../" + filepath.Base(outside) + "/hop.yaml", filepath.Join(outside, "hop.yaml"), "thang-7/hop.yaml"} {
		res, page := d.post(t, "check", url.Values{"file": {name}})
		if res.StatusCode != http.StatusUnprocessableEntity || strings.Contains(page, `id="valid"`) {
			t.Errorf("%s: status %d, read", name, res.StatusCode)
		}
	}
	for _, dir := range []string{"thang-7", "..", outside, "hoinghi-ket-qua"} {
		if res, _ := d.post(t, "batch", url.Values{"dir": {dir}}); res.StatusCode != http.StatusBadRequest {
			t.Errorf("folder %s: status %d, want 400", dir, res.StatusCode)
		}
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 1 {
		t.Errorf("the folder outside holds %d files", len(entries))
	}
}

// TestNamedPipeRefused: a named pipe in the working folder is refused as
// not a file before it is opened; opening it would wait for a writer.
func TestNamedPipeRefused(t *testing.T) {
	dir := t.TempDir()
	fifo.Make(t, filepath.Join(dir, "ong.yaml"))
	d := start(t, Options{Path: dir})
	res, page := d.post(t, "check", url.Values{"file": {"ong.yaml"}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "FIFO") {
		t.Errorf("status %d:\n%s", res.StatusCode, page)
	}
}

func TestPageInEnglish(t *testing.T) {
	d := start(t, Options{Tag: language.English})
	_, page := d.get(t, "")
	if !strings.Contains(page, "Open a meeting file") || !strings.Contains(page, `lang="en"`) {
		t.Errorf("not in English:\n%s", page)
	}
	d = start(t, Options{Tag: language.Vietnamese})
	_, page = d.get(t, "")
	text := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(page, " ")
	for _, english := range []string{"Open", "Render", "Drop", "folder", "file", "meeting"} {
		if strings.Contains(text, english) {
			t.Errorf("%q left in the Vietnamese page", english)
		}
	}
}

// TestPageTextsTranslated checks that every text of the page templates
// has a Vietnamese translation.
func TestPageTextsTranslated(t *testing.T) {
	data, err := assets.ReadFile("assets/pages.html")
	if err != nil {
		t.Fatal(err)
	}
	keys := regexp.MustCompile(`\{\{t "([^"]+)"`).FindAllStringSubmatch(string(data), -1)
	if len(keys) < 20 {
		t.Fatalf("only %d texts found", len(keys))
	}
	for _, k := range keys {
		args := make([]any, strings.Count(k[1], "%"))
		for i := range args {
			args[i] = "X"
		}
		if vi, en := lang.M(k[1], args...).In(lang.Vietnamese), lang.M(k[1], args...).In(lang.English); vi == en {
			t.Errorf("no Vietnamese for %q", k[1])
		}
	}
}

func BenchmarkRender(b *testing.B) {
	dir := b.TempDir()
	os.WriteFile(filepath.Join(dir, "hop.yaml"), sample(b), 0o644)
	d := start(b, Options{Path: dir})
	form := url.Values{"file": {"hop.yaml"}, "format": {"pdf", "xlsx"}}
	b.ReportAllocs()
	for b.Loop() {
		d.render(b, form)
	}
}

func TestFolderRender(t *testing.T) {
	dir := t.TempDir()
	month := filepath.Join(dir, "thang-7")
	os.MkdirAll(month, 0o755)
	for _, name := range []string{"01-xa-phien-hop-thuong-ky.yaml", "13-toa-dam.yaml"} {
		data, err := os.ReadFile(filepath.Join("../../samples/corpus", name))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(month, name), data, 0o644)
	}
	os.WriteFile(filepath.Join(month, "hong.yaml"), []byte("meeting:\n  title: \"\"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "khac.yaml"), sample(t), 0o644)
	d := start(t, Options{Path: dir})
	_, home := d.get(t, "")
	if !strings.Contains(home, `<option value="thang-7">`) {
		t.Fatalf("the subfolder is not offered:\n%s", home)
	}
	res, page := d.post(t, "batch", url.Values{"dir": {"thang-7"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("status %d:\n%s", res.StatusCode, page)
	}
	job := res.Header.Get("Location")
	var status struct {
		State               string
		Done, Total, Failed int
	}
	for status.State != "done" {
		res, body := d.get(t, job+".json")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d:\n%s", res.StatusCode, body)
		}
		if err := json.Unmarshal([]byte(body), &status); err != nil {
			t.Fatal(err)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if status.Done != 3 || status.Total != 3 || status.Failed != 1 {
		t.Errorf("status %+v, want 3 of 3 done, 1 failed", status)
	}
	_, page = d.get(t, job)
	if !strings.Contains(page, `data-state="done"`) || strings.Contains(page, `http-equiv="refresh"`) {
		t.Errorf("the page of a finished render:\n%s", page)
	}
	if !strings.Contains(page, `data-status="failed" data-path="thang-7/hong.yaml"`) || !strings.Contains(page, "meeting.title") {
		t.Errorf("the failed meeting and its problem are not shown:\n%s", page)
	}
	links := regexp.MustCompile(`data-test="bundle" href="([^"]+)"`).FindAllStringSubmatch(page, -1)
	if len(links) != 2 {
		t.Fatalf("%d bundles listed, want 2:\n%s", len(links), page)
	}
	res, body := d.get(t, strings.ReplaceAll(links[0][1], "&amp;", "&"))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("bundle: status %d:\n%s", res.StatusCode, body)
	}
	list := string(testtool.Run(t, "unzip", "-l", saveTemp(t, "bundle.zip", []byte(body))))
	if !strings.Contains(list, "thong-bao") || !strings.Contains(list, ".pdf") || !strings.Contains(list, ".xlsx") {
		t.Errorf("the bundle holds:\n%s", list)
	}
	// Written inside the working folder, the other meeting left alone.
	if _, err := os.Stat(filepath.Join(dir, "hoinghi-ket-qua", "thang-7", "manifest.json")); err != nil {
		t.Error(err)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "hoinghi-ket-qua", "thang-7"))
	for _, e := range entries {
		if strings.Contains(e.Name(), "khac") {
			t.Errorf("%s rendered from outside the folder chosen", e.Name())
		}
	}
	if res, _ := d.get(t, job+"/file?path=../../khac.yaml"); res.StatusCode != http.StatusNotFound {
		t.Errorf("a file not of the render: status %d", res.StatusCode)
	}
}

func TestStartWithAFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "Họp tháng 7.yaml")
	os.WriteFile(path, sample(t), 0o644)
	d := start(t, Options{Path: path})
	if d.Dir() != dir {
		t.Errorf("working folder %s, want %s", d.Dir(), dir)
	}
	u := d.URL()
	if !strings.HasPrefix(u, d.base+"check?file=") {
		t.Fatalf("URL %s does not open the file", u)
	}
	res, page := d.get(t, strings.TrimPrefix(u, d.base))
	if res.StatusCode != http.StatusOK || !strings.Contains(page, `id="valid"`) || !strings.Contains(page, "Họp tháng 7.yaml") {
		t.Errorf("status %d:\n%s", res.StatusCode, page)
	}
}

func TestProfileForm(t *testing.T) {
	home := noUserProfile(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "hop.yaml"), []byte("meeting:\n  title: Hội nghị giao ban tháng 7 năm 2025\n  start: 2025-07-10 08:00\n"), 0o644)
	d := start(t, Options{Path: dir})

	_, page := d.get(t, "profile")
	if !strings.Contains(page, "Hồ sơ cơ quan sẽ được lưu vào") || strings.Contains(page, "Đã lưu") {
		t.Errorf("before any save, the page does not say where the profile will be saved, or says it is saved:\n%s", page)
	}
	for _, id := range []string{"issuer-parent", "issuer-name", "issuer-code", "issuer-place", "issuer-type", "thong-bao-titles", "thong-bao-name",
		"thong-bao-recipients", "thong-bao-archive", "bien-ban-secretary-titles", "bien-ban-secretary-name", "render-pdf", "render-xlsx", "render-sort", "render-electronic", "render-fonts", "profile-save"} {
		if !strings.Contains(page, `id="`+id+`"`) {
			t.Errorf("no #%s in the form", id)
		}
	}
	form := url.Values{
		"issuer.parent": {"UBND TỈNH BẮC KẠN"}, "issuer.name": {"SỞ NỘI VỤ"}, "issuer.code": {"SNV"}, "issuer.place": {"Bắc Kạn"}, "issuer.type": {""},
		"documents.thong-bao.signer.titles": {"KT. GIÁM ĐỐC\r\nPHÓ GIÁM ĐỐC\r\n"}, "documents.thong-bao.signer.name": {"Lường Văn Thanh"},
		"documents.thong-bao.recipients": {"Các phòng thuộc Sở\r\n\r\nLưu: VT"}, "documents.thong-bao.archive": {"VT, VP"},
		"render.formats": {"pdf", "xlsx"}, "render.sort": {"ten"}, "render.electronic": {"true"}, "render.fonts": {""},
	}
	res, page := d.post(t, "profile", form)
	if res.StatusCode != http.StatusOK || !strings.Contains(page, `id="profile-saved"`) {
		t.Fatalf("save: status %d:\n%s", res.StatusCode, page)
	}
	user := filepath.Join(home, ".config", "hoinghi", "hoinghi.yaml")
	saved, err := os.ReadFile(user)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"SỞ NỘI VỤ", "Lường Văn Thanh", "PHÓ GIÁM ĐỐC", "ten", "electronic: true"} {
		if !strings.Contains(string(saved), want) {
			t.Errorf("the saved profile lacks %q:\n%s", want, saved)
		}
	}
	if _, page = d.get(t, "profile"); !strings.Contains(page, `value="Lường Văn Thanh"`) || !strings.Contains(page, "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC</textarea>") {
		t.Errorf("the form does not show the saved profile:\n%s", page)
	}

	// The meeting takes the profile's values, and the page says which.
	_, page = d.post(t, "check", url.Values{"file": {"hop.yaml"}})
	if !regexp.MustCompile(`<td>Tên cơ quan<br><code class="path">issuer.name</code></td><td>SỞ NỘI VỤ</td><td>hoinghi.yaml:\d+:\d+</td>`).MatchString(page) {
		t.Errorf("the check page does not say the agency's name comes from the profile:\n%s", page)
	}
	// A code is named as the clerk knows it.
	if !strings.Contains(page, `<td>Loại cuộc họp<br><code class="path">meeting.type</code></td><td>họp giao ban <code class="path">giao-ban</code></td>`) {
		t.Errorf("the check page does not name the kind of meeting:\n%s", page)
	}
	result := d.render(t, url.Values{"file": {"hop.yaml"}, "kind": {"thong-bao"}, "format": {"pdf"}})
	_, page = d.get(t, result)
	name := regexp.MustCompile(`data-name="(thong-bao[^"]*\.pdf)"`).FindStringSubmatch(page)
	if name == nil {
		t.Fatalf("no PDF:\n%s", page)
	}
	_, body := d.get(t, result+"/"+name[1])
	text := string(testtool.Run(t, "pdftotext", saveTemp(t, "tb.pdf", []byte(body)), "-"))
	for _, want := range []string{"SỞ NỘI VỤ", "Lường Văn Thanh", "PHÓ GIÁM ĐỐC"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF does not say %q:\n%s", want, text)
		}
	}
	// The profile issues electronically: the date the meeting file does
	// not give is room for the document system, not dots for a pen.
	if !strings.Contains(text, "Bắc Kạn, ngày") || strings.Contains(text, "ngày …… tháng") {
		t.Errorf("the PDF is not in the e-document form the profile asks for:\n%s", text)
	}

	// A wrong value is refused at its field; the good profile stays.
	form.Set("issuer.type", "khong-co")
	res, page = d.post(t, "profile", form)
	got := rows(page)
	if res.StatusCode != http.StatusUnprocessableEntity || len(got) != 1 || got[0][1] != "issuer.type" {
		t.Errorf("a wrong kind of body: status %d, problems %q", res.StatusCode, got)
	}
	// The problem names the form's field and links to it, which is marked
	// with the message beside it.
	if len(got) == 1 && got[0][0] != `<a href="#issuer-type">Loại cơ quan</a>` {
		t.Errorf("the problem is placed at %q, not at the form's field", got[0][0])
	}
	if !regexp.MustCompile(`<select id="issuer-type" name="issuer.type" aria-invalid="true">.*?</select><span class="field-problem" data-test="field-problem">[^<]*khong-co`).MatchString(page) {
		t.Errorf("the field of the problem is not marked:\n%s", page)
	}
	if strings.Count(page, `aria-invalid`) != 1 {
		t.Errorf("fields without a problem are marked:\n%s", page)
	}
	if again, _ := os.ReadFile(user); !bytes.Equal(again, saved) {
		t.Error("a refused save changed the profile")
	}
}

func TestListing(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.yaml", "b.xlsx", "hoinghi.yaml", "danh-sach-dai-bieu-2025-07-10.xlsx", "~$b.xlsx", "ghi-chu.txt",
		"hoinghi-ket-qua/x.yaml", ".git/y.yaml", "thang-7/xa/ok.yaml", "thang-7/xa/sau/deep.yaml"} {
		path := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(path), 0o755)
		os.WriteFile(path, []byte("meeting: {}\n"), 0o644)
	}
	d := start(t, Options{Path: dir})
	_, page := d.get(t, "")
	var got []string
	for _, m := range regexp.MustCompile(`value="([^"]+)" data-test="pick"`).FindAllStringSubmatch(page, -1) {
		got = append(got, m[1])
	}
	if want := []string{"a.yaml", "b.xlsx", "thang-7/xa/ok.yaml"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("listed %q, want %q", got, want)
	}
	for _, folder := range []string{".", "thang-7", "thang-7/xa"} {
		if !strings.Contains(page, `<option value="`+folder+`">`) {
			t.Errorf("the folder %s is not offered", folder)
		}
	}
}

func TestRenderAnUpload(t *testing.T) {
	d := start(t, Options{})
	res, page := d.upload(t, "hop.yaml", sample(t))
	id := regexp.MustCompile(`name="upload" value="([0-9a-f]+)"`).FindStringSubmatch(page)
	if res.StatusCode != http.StatusOK || id == nil {
		t.Fatalf("status %d:\n%s", res.StatusCode, page)
	}
	result := d.render(t, url.Values{"upload": {id[1]}, "kind": {"bien-ban"}, "format": {"pdf"}})
	if _, page = d.get(t, result); !strings.Contains(page, `data-name="bien-ban-03-2023-07-28.pdf"`) {
		t.Errorf("the result page:\n%s", page)
	}
	res, page = d.post(t, "render", url.Values{"upload": {"0123"}, "format": {"pdf"}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "hãy chọn lại tệp") {
		t.Errorf("an upload no longer kept: status %d:\n%s", res.StatusCode, page)
	}
}

func TestFolderRenderNeverWritesThroughALink(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(dir, "hop.yaml"), sample(t), 0o644)
	if err := os.Symlink(outside, filepath.Join(dir, outFolder)); err != nil {
		t.Fatal(err)
	}
	d := start(t, Options{Path: dir})
	if res, page := d.post(t, "batch", url.Values{"dir": {"."}}); res.StatusCode != http.StatusInternalServerError {
		t.Errorf("status %d:\n%s", res.StatusCode, page)
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("%d files written outside the working folder", len(entries))
	}
}

func TestRenderDeadline(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "hop.yaml"), sample(t), 0o644)
	d := start(t, Options{Path: dir})
	d.timeout = 50 * time.Millisecond
	// A render that never ends by itself ends at the deadline.
	d.write = func(ctx context.Context, _ report.Output, _ io.Writer) error {
		<-ctx.Done()
		return ctx.Err()
	}
	res, page := d.post(t, "render", url.Values{"file": {"hop.yaml"}, "format": {"pdf"}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "tạo văn bản quá 50ms") {
		t.Errorf("status %d:\n%s", res.StatusCode, page)
	}
}

func TestUploadNameIsOnlyAName(t *testing.T) {
	d := start(t, Options{})
	for name, want := range map[string]string{`C:\Users\van-thu\Họp.yaml`: "Họp.yaml", "../../etc/hop.yaml": "hop.yaml", "..": "upload"} {
		res, page := d.upload(t, name, sample(t))
		if res.StatusCode != http.StatusOK || !strings.Contains(page, "<h1>"+want+"</h1>") {
			t.Errorf("%s: status %d, want the name %s:\n%.300s", name, res.StatusCode, want, page)
		}
	}
}

func TestProblemsInEnglish(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "hop.yaml"), bytes.Replace(sample(t), []byte("date: 2023-07-31"), []byte("date: 2023-02-30"), 1), 0o644)
	d := start(t, Options{Path: dir, Tag: language.English})
	_, page := d.post(t, "check", url.Values{"file": {"hop.yaml"}})
	got := rows(page)
	if len(got) != 1 || !strings.HasPrefix(got[0][2], "expected a date that exists") || !strings.Contains(page, "Check again") {
		t.Errorf("problems %q:\n%s", got, page)
	}
	if len(got) == 1 && !regexp.MustCompile(`^line \d+, column \d+$`).MatchString(got[0][0]) {
		t.Errorf("the problem is placed at %q, not at a line and column in words", got[0][0])
	}
}

// TestLabelsInEnglish checks that the English page names fields and
// coded values in English: the kinds of body of the office form, the
// fields and kinds of meeting of the values taken from elsewhere.
func TestLabelsInEnglish(t *testing.T) {
	noUserProfile(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "hop.yaml"), []byte("issuer: {name: UBND XÃ TÂN AN}\nmeeting:\n  title: Hội nghị giao ban tháng 7 năm 2025\n  start: 2025-07-10 08:00\n"), 0o644)
	d := start(t, Options{Path: dir, Tag: language.English})
	_, page := d.get(t, "profile")
	for _, want := range []string{`<option value="cum-thi-dua">emulation cluster (cum-thi-dua)</option>`, "The office profile will be saved to"} {
		if !strings.Contains(page, want) {
			t.Errorf("the English office form has no %s:\n%s", want, page)
		}
	}
	_, page = d.post(t, "check", url.Values{"file": {"hop.yaml"}})
	for _, want := range []string{
		`<td>Kind of body<br><code class="path">issuer.type</code></td><td>people&#39;s committee <code class="path">ubnd</code></td>`,
		`<td>Kind of meeting<br><code class="path">meeting.type</code></td><td>briefing meeting <code class="path">giao-ban</code></td>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the English check page has no %s:\n%s", want, page)
		}
	}
}
