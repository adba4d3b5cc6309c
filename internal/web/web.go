// Package web is hoinghi's clerk's desk: a local web application, served
// by `hoinghi serve` to the browser every office computer has, on which a
// clerk opens a meeting file, sees its problems at their cells, renders
// and downloads the documents, starts a new meeting from a blank workbook,
// fills in the office profile and renders a whole folder.
//
// It is built to be safe on a shared machine: it listens on the loopback
// address unless a password is set, every URL carries a random token, the
// Host header must name the server (against DNS rebinding), requests from
// other origins are refused, bodies are limited, renders queue on a
// semaphore with a deadline, and no file is written outside the working
// folder chosen at start — opened as an os.Root, so never through a
// symbolic link out of it — and the user's config folder.
package web

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"html/template"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hoinghi/hoinghi/internal/input"
	"github.com/hoinghi/hoinghi/report"
	"github.com/hoinghi/hoinghi/report/batch"
	"github.com/hoinghi/hoinghi/report/lang"
	"golang.org/x/text/language"
)

// Options say what a Server serves and how.
type Options struct {
	// Path is the meeting file or folder the clerk started with: a file's
	// folder, or the folder, is the working folder; the current folder
	// when empty. A file is opened on the start page.
	Path string
	// Tag is the language of the page and its messages, Vietnamese when
	// unset.
	Tag language.Tag
	// Listen is the address to listen on, 127.0.0.1:0 (a free port) when
	// empty. Any address other than a loopback one needs a Password.
	Listen string
	// Password, when set, is asked of every request (HTTP basic auth).
	Password []byte
	// Profile, when set, is the office profile of every meeting, as
	// --profile; otherwise each meeting's is found by profile.Find.
	Profile string
	// Setup makes the renderer and settings of the meetings of the
	// office profile at path (none when empty), as the command's flags
	// and the profile say; no formats means PDF and XLSX. It is called once for
	// each state of a profile file, one call at a time.
	Setup func(profile string) (batch.Setup, error)
}

// Limits of a Server.
const (
	// RenderTimeout is the longest one render request may take, waiting
	// for its turn included.
	RenderTimeout = 2 * time.Minute
	// MaxForm is the largest request body other than an upload.
	MaxForm = 1 << 20
	// MaxKept and MaxKeptBytes bound what is kept in memory — uploads and
	// rendered files — the oldest being dropped first.
	MaxKept      = 64
	MaxKeptBytes = 256 << 20
)

// Server is one clerk's desk.
type Server struct {
	opt   Options
	dir   string // the working folder, absolute
	file  string // the meeting file to open first, relative to dir
	root  *os.Root
	token string
	addr  string // the address listened on, set by Listen
	pages *template.Template

	// sem queues renders: one per CPU at a time.
	sem chan struct{}
	// inFlight counts the renders running, peak the most at once.
	inFlight, peak atomic.Int64
	// write writes one output; tests replace it to make a render fail.
	write func(ctx context.Context, o report.Output, w io.Writer) error
	// timeout is the deadline of a render request, RenderTimeout.
	timeout time.Duration

	kept *store

	setupMu sync.Mutex
	setups  map[string]setupResult

	jobs *jobs
	// ctx ends when the server stops, and with it a folder render.
	ctx context.Context
}

type setupResult struct {
	stamp string // what the profile file was when set up
	setup batch.Setup
	err   error
}

// New makes a Server of opt; nothing listens yet.
func New(opt Options) (*Server, error) {
	if opt.Setup == nil {
		return nil, errors.New("web: Options.Setup is required")
	}
	if opt.Listen == "" {
		opt.Listen = "127.0.0.1:0"
	}
	if opt.Tag == language.Und {
		opt.Tag = lang.Vietnamese
	}
	s := &Server{opt: opt, sem: make(chan struct{}, runtime.NumCPU()), setups: map[string]setupResult{},
		kept: newStore(MaxKept, MaxKeptBytes), jobs: &jobs{byID: map[string]*job{}}, ctx: context.Background(), timeout: RenderTimeout}
	s.write = func(ctx context.Context, o report.Output, w io.Writer) error { return o.Write(ctx, w) }
	path := opt.Path
	if path == "" {
		path = "."
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	info, err := os.Stat(abs)
	if err != nil {
		return nil, err
	}
	s.dir = abs
	if !info.IsDir() {
		s.dir, s.file = filepath.Dir(abs), filepath.Base(abs)
	}
	if s.root, err = os.OpenRoot(s.dir); err != nil {
		return nil, err
	}
	var b [16]byte
	rand.Read(b[:])
	s.token = hex.EncodeToString(b[:])
	if s.pages, err = parsePages(opt.Tag); err != nil {
		return nil, err
	}
	return s, nil
}

// Dir is the working folder.
func (s *Server) Dir() string { return s.dir }

// Listen opens the listening socket, refusing an address other than a
// loopback one without a password.
func (s *Server) Listen() (net.Listener, error) {
	host, _, err := net.SplitHostPort(s.opt.Listen)
	if err != nil {
		return nil, lang.Errorf("--listen %s: expected an address such as 127.0.0.1:8080", s.opt.Listen)
	}
	if !loopback(host) && len(s.opt.Password) == 0 {
		return nil, lang.Errorf("--listen %s would let other computers use this page: give a password with --password-file FILE, or listen on 127.0.0.1", s.opt.Listen)
	}
	ln, err := net.Listen("tcp", s.opt.Listen)
	if err != nil {
		return nil, err
	}
	s.addr = ln.Addr().String()
	return ln, nil
}

// loopback reports whether host is a loopback address or localhost.
func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// URL is the address of the page, token included, once Listen is done;
// with a meeting file to start from, the page that opens it.
func (s *Server) URL() string {
	u := "http://" + s.addr + "/" + s.token + "/"
	if s.file != "" {
		u += "check?file=" + url.QueryEscape(filepath.ToSlash(s.file))
	}
	return u
}

// Serve answers requests on ln until ctx ends, then shuts down, once a
// folder render in progress has stopped and written its manifest.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	s.ctx = ctx
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       5 * time.Minute,
		WriteTimeout:      RenderTimeout + time.Minute,
		IdleTimeout:       2 * time.Minute,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	stop := context.AfterFunc(ctx, func() {
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shut)
	})
	defer stop()
	err := srv.Serve(ln)
	// A folder render holds running until it has written its bundles
	// and manifest: taking it waits for that before Serve returns.
	s.jobs.running.Lock()
	defer s.jobs.running.Unlock()
	if !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// Handler is the whole application: security headers, the Host check,
// the password, the token, cross-origin protection and body limits
// around the pages.
func (s *Server) Handler() http.Handler {
	pages := http.NewCrossOriginProtection().Handler(s.routes())
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "SAMEORIGIN")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-store")
		if len(s.opt.Password) == 0 && !s.knownHost(r.Host) {
			http.Error(w, lang.M("this page answers only at its own address").In(s.opt.Tag), http.StatusForbidden)
			return
		}
		if len(s.opt.Password) > 0 && !s.authorized(r) {
			h.Set("WWW-Authenticate", `Basic realm="hoinghi", charset="UTF-8"`)
			http.Error(w, lang.M("the password is needed").In(s.opt.Tag), http.StatusUnauthorized)
			return
		}
		rest, ok := strings.CutPrefix(r.URL.Path, "/")
		tok, rest, _ := strings.Cut(rest, "/")
		if !ok || subtle.ConstantTimeCompare([]byte(tok), []byte(s.token)) != 1 {
			http.NotFound(w, r)
			return
		}
		r2 := r.Clone(r.Context())
		r2.URL.Path = "/" + rest
		r2.URL.RawPath = ""
		limit := int64(MaxForm)
		if r2.URL.Path == "/open" {
			limit = input.MaxMeeting + MaxForm
		}
		r2.Body = http.MaxBytesReader(w, r.Body, limit)
		pages.ServeHTTP(w, r2)
	})
}

// knownHost reports whether host, a request's Host header, names this
// server: its address, or localhost at its port.
func (s *Server) knownHost(host string) bool {
	if host == s.addr {
		return true
	}
	_, port, err := net.SplitHostPort(s.addr)
	if err != nil {
		return false
	}
	return host == "localhost:"+port || host == "127.0.0.1:"+port || host == "[::1]:"+port
}

// authorized reports whether r gives the password, compared in constant
// time whatever its length.
func (s *Server) authorized(r *http.Request) bool {
	_, pass, ok := r.BasicAuth()
	want := sha256.Sum256(s.opt.Password)
	got := sha256.Sum256([]byte(pass))
	return ok && subtle.ConstantTimeCompare(want[:], got[:]) == 1
}

// ReadPassword reads a password file: its first line, without the line's
// end and surrounding spaces.
func ReadPassword(path string) ([]byte, error) {
	data, err := input.Read(path, lang.M("the password file"), 4096)
	if err != nil {
		return nil, err
	}
	line, _, _ := strings.Cut(string(data), "\n")
	line = strings.TrimSpace(line)
	if line == "" {
		return nil, lang.Errorf("%s is empty: write the password on its first line", path)
	}
	return []byte(line), nil
}
