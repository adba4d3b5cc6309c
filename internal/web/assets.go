package web

import (
	"embed"
	"html/template"
	"io/fs"

	"github.com/hoinghi/hoinghi/report/batch"
	"github.com/hoinghi/hoinghi/report/lang"
	"golang.org/x/text/language"
)

//go:embed assets
var assets embed.FS

// static holds the style sheet, the script and the icon, served from the
// binary: the page needs nothing from the Internet.
var static, _ = fs.Sub(assets, "assets/static")

// parsePages compiles the page templates, whose texts are lang messages
// translated into tag.
func parsePages(tag language.Tag) (*template.Template, error) {
	return template.New("pages").Funcs(template.FuncMap{
		"t":      func(key string, args ...any) string { return lang.M(key, args...).In(tag) },
		"status": func(s string) string { return statusLabel(s).In(tag) },
		"lines":  lines,
		"label": func(path string) string {
			label, _, _ := field(path, nil)
			return label.In(tag)
		},
		"invalid": invalid,
	}).ParseFS(assets, "assets/pages.html")
}

// invalid marks the office form's field id when problems has one for it.
func invalid(problems map[string]string, id string) template.HTMLAttr {
	if _, ok := problems[id]; !ok {
		return ""
	}
	return ` aria-invalid="true"`
}

// statusLabel names the status of a meeting of a folder render.
func statusLabel(status string) lang.Message {
	switch status {
	case batch.StatusOK:
		return lang.M("done")
	case batch.StatusUnchanged:
		return lang.M("unchanged")
	case batch.StatusFailed:
		return lang.M("failed")
	case batch.StatusCancelled:
		return lang.M("cancelled")
	case batch.StatusSkipped:
		return lang.M("skipped")
	}
	return lang.M("status %s", status)
}
