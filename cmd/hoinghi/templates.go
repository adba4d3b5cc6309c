package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"text/tabwriter"

	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/profile"
	"github.com/hoinghi/hoinghi/templates"
	"github.com/urfave/cli/v3"
)

// templatesList prints each kind: its name, type, code, frame and where its
// template comes from.
func (e *env) templatesList(ctx context.Context, cmd *cli.Command) error {
	srcs, err := kinds(cmd, officeTemplates())
	if err != nil {
		e.sayErr(err)
		return exitError{exitInput}
	}
	w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, lang.M("KIND\tNAME\tCODE\tFORM\tSOURCE\tDESCRIPTION").In(e.tag))
	for _, s := range srcs {
		from := s.File
		if s.Builtin {
			from = lang.M("built in").In(e.tag)
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", s.Kind, s.Front.Name, s.Front.Code, lang.M("Mẫu %s", s.Front.Frame).In(e.tag), from, s.Front.Description)
	}
	return w.Flush()
}

// officeTemplates is the templates folder of the office profile that a
// meeting file in the current folder would get, so that templates list and
// show see what render uses.
func officeTemplates() string {
	path, err := profile.Find(filepath.Join(".", "hop.yaml"))
	if err != nil || path == "" {
		return ""
	}
	prof, err := profile.Load(path)
	if err != nil {
		return ""
	}
	return prof.Render().Templates
}

// templatesShow prints one kind's template as it is written.
func (e *env) templatesShow(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() != 1 {
		e.say("templates show: expected one kind, such as thong-bao")
		return exitError{exitInput}
	}
	srcs, err := kinds(cmd, officeTemplates())
	if err != nil {
		e.sayErr(err)
		return exitError{exitInput}
	}
	s, err := templates.Lookup(srcs, cmd.Args().First())
	if err != nil {
		e.sayErr(err)
		return exitError{exitInput}
	}
	_, err = fmt.Fprint(e.stdout, s.Text)
	return err
}

// templatesExport writes the built-in templates and their guide into a
// folder, for an office to edit and use with --templates.
func (e *env) templatesExport(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() != 1 {
		e.say("templates export: expected one folder")
		return exitError{exitInput}
	}
	dir := cmd.Args().First()
	if err := templates.Export(dir); err != nil {
		e.sayErr(err)
		if errors.Is(err, templates.ErrExists) {
			return exitError{exitInput}
		}
		return exitError{exitRender}
	}
	e.say("wrote the built-in templates and their guide into %s", dir)
	return nil
}

func init() {
	lang.Register(map[string]string{
		"KIND\tNAME\tCODE\tFORM\tSOURCE\tDESCRIPTION": "LOẠI\tTÊN LOẠI\tKÝ HIỆU\tMẪU\tNGUỒN\tMÔ TẢ",
		"built in": "có sẵn",
		"Mẫu %s":   "Mẫu %s",
		"templates show: expected one kind, such as thong-bao": "templates show: cần một loại văn bản, như thong-bao",
		"templates export: expected one folder":                "templates export: cần một thư mục",
		"wrote the built-in templates and their guide into %s": "đã ghi các mẫu có sẵn và hướng dẫn vào %s",
	})
}
