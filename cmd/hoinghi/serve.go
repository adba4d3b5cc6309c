package main

import (
	"context"

	"github.com/hoinghi/hoinghi/internal/web"
	"github.com/hoinghi/hoinghi/report/batch"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/urfave/cli/v3"
)

// serveOptions is what `hoinghi serve` is asked to do.
type serveOptions struct {
	Path         string
	Listen       string
	PasswordFile string
	NoBrowser    bool
	Profile      string
}

func serveOptionsOf(cmd *cli.Command) serveOptions {
	return serveOptions{Path: cmd.Args().First(), Listen: cmd.String("listen"), PasswordFile: cmd.String("password-file"),
		NoBrowser: cmd.Bool("no-browser"), Profile: cmd.String("profile")}
}

func (e *env) serve(ctx context.Context, cmd *cli.Command) error {
	o := serveOptionsOf(cmd)
	if cmd.Args().Len() > 1 {
		e.say("serve: expected at most one meeting file or folder")
		return exitError{exitInput}
	}
	opt := web.Options{Path: o.Path, Tag: e.tag, Listen: o.Listen, Profile: o.Profile,
		Setup: func(path string) (batch.Setup, error) {
			r, set, err := e.setupWith(cmd, path)
			if err != nil {
				return batch.Setup{}, err
			}
			return set.batchSetup(r), nil
		}}
	if o.PasswordFile != "" {
		var err error
		if opt.Password, err = web.ReadPassword(o.PasswordFile); err != nil {
			e.sayErr(err)
			return exitError{exitInput}
		}
	}
	s, err := web.New(opt)
	if err != nil {
		e.sayErr(err)
		return exitError{exitInput}
	}
	ln, err := s.Listen()
	if err != nil {
		e.sayErr(err)
		return exitError{exitInput}
	}
	e.say("the clerk's desk is open at %s (working folder %s); press Ctrl+C to stop", s.URL(), s.Dir())
	if !o.NoBrowser {
		if err := web.OpenBrowser(s.URL()); err != nil {
			e.say("cannot open the browser (%s): open the address above in it", diag.Text(err, e.tag))
		}
	}
	ctx, caught := stopOnSignal(ctx)
	defer caught()
	if err := s.Serve(ctx, ln); err != nil {
		e.sayErr(err)
		return exitError{exitRender}
	}
	return nil
}

func init() {
	lang.Register(map[string]string{
		"serve: expected at most one meeting file or folder":                                  "serve: chỉ nhận tối đa một tệp hoặc thư mục cuộc họp",
		"the clerk's desk is open at %s (working folder %s); press Ctrl+C to stop":            "bàn làm việc của văn thư đã mở tại %s (thư mục làm việc %s); nhấn Ctrl+C để dừng",
		"cannot open the browser (%s): open the address above in it":                          "không mở được trình duyệt (%s): hãy mở địa chỉ trên trong trình duyệt",
		"open the clerk's desk, a page in the browser to check, render and download meetings": "mở bàn làm việc của văn thư, một trang trong trình duyệt để kiểm tra, xuất và tải văn bản",
		"[FILE|DIR]": "[TỆP|THƯ_MỤC]",
		"listen on `ADDR`; an address other than 127.0.0.1 needs --password-file": "nghe tại `ĐỊA_CHỈ`; địa chỉ khác 127.0.0.1 cần --password-file",
		"ask for the password on the first line of `FILE`":                        "yêu cầu mật khẩu ghi ở dòng đầu của `TỆP`",
		"do not open the browser, only print the address":                         "không mở trình duyệt, chỉ in địa chỉ",
	})
}
