package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/vn"
	"github.com/hoinghi/hoinghi/report/workbook"
	"github.com/urfave/cli/v3"
)

// convert turns a YAML or JSON meeting file into an input workbook and a
// workbook back into YAML or JSON, by the extensions of IN and OUT. The
// meeting is read as render reads it, completed by its office profile, so
// that a file that renders also converts. With --from tcvn3 or vni it
// also turns text typed in a legacy Vietnamese encoding into Unicode.
func (e *env) convert(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() != 2 {
		e.say("convert: expected IN and OUT, such as hop.yaml hop.xlsx")
		return exitError{exitInput}
	}
	in, out := cmd.Args().Get(0), cmd.Args().Get(1)
	r, _, err := e.setup(cmd, in)
	if err != nil {
		e.sayErr(err)
		return exitError{exitInput}
	}
	if from := cmd.String("from"); from != "" {
		enc, ok := vn.ParseLegacy(from)
		if !ok {
			e.say("convert: unknown encoding %s: expected tcvn3 or vni", from)
			return exitError{exitInput}
		}
		r.Legacy = enc
	}
	l, err := r.Load(in)
	if err != nil {
		e.sayErr(err)
		return exitError{exitInput}
	}
	// The profile's values go into OUT, so say whose they are.
	e.sayProfile(map[string]bool{}, l.Profile)
	m := l.Meeting
	var result []byte
	switch strings.ToLower(filepath.Ext(out)) {
	case ".xlsx":
		result, err = workbook.Write(m)
	case ".json":
		result, err = yaml.MarshalWithOptions(m, yaml.JSON())
	case ".yaml", ".yml":
		var body []byte
		body, err = yaml.MarshalWithOptions(m, yaml.UseLiteralStyleIfMultiline(true))
		result = append([]byte("# yaml-language-server: $schema=hoinghi.schema.json\n"), body...)
	default:
		e.say("convert: cannot write %s: expected .xlsx, .yaml, .yml or .json", out)
		return exitError{exitInput}
	}
	if err != nil {
		e.sayErr(err)
		return exitError{renderExit(err)} // a text the workbook cannot hold is input
	}
	if _, err := os.Stat(out); err == nil && !cmd.Bool("force") {
		e.say("%s already exists: give --force to replace it", out)
		return exitError{exitInput}
	}
	return e.writeFile(out, result)
}

func init() {
	lang.Register(map[string]string{
		"convert: expected IN and OUT, such as hop.yaml hop.xlsx":        "convert: cần TỆP_VÀO và TỆP_RA, như hop.yaml hop.xlsx",
		"convert: cannot write %s: expected .xlsx, .yaml, .yml or .json": "convert: không ghi được %s: cần đuôi .xlsx, .yaml, .yml hoặc .json",
		"%s already exists: give --force to replace it":                  "%s đã có: thêm --force để ghi đè",
		"convert: unknown encoding %s: expected tcvn3 or vni":            "convert: không có bảng mã %s: cần tcvn3 hoặc vni",
	})
}
