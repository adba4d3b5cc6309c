package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"

	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/urfave/cli/v3"
	"golang.org/x/text/language"
)

// The help pages, laid out as urfave/cli's own: of the program, of a
// command, of a command with commands of its own. Every word of the
// layout goes through t, into the language of the help, and every flag
// through flag; the parts shared by the three follow them.
const (
	rootHelp = `{{t "NAME:"}}
   {{template "hnName" .}}

{{t "USAGE:"}}
   {{.FullName}}{{if .VisibleFlags}} {{t "[global options]"}}{{end}}{{if .VisibleCommands}} {{t "[command [command options]]"}}{{end}}{{if .Version}}

{{t "VERSION:"}}
   {{.Version}}{{end}}{{template "hnDescription" .}}{{if .VisibleCommands}}

{{t "COMMANDS:"}}{{range .VisibleCategories}}{{template "hnCommands" .VisibleCommands}}{{end}}{{end}}{{if .VisibleFlags}}

{{t "GLOBAL OPTIONS:"}}{{template "hnFlags" .VisibleFlags}}{{end}}
`
	commandHelp = `{{t "NAME:"}}
   {{template "hnName" .}}

{{t "USAGE:"}}
   {{.FullName}}{{if .VisibleFlags}} {{t "[options]"}}{{end}}{{if .ArgsUsage}} {{.ArgsUsage}}{{end}}{{template "hnDescription" .}}{{if .VisibleFlags}}

{{t "OPTIONS:"}}{{template "hnFlags" .VisibleFlags}}{{end}}{{template "hnGlobal" .}}
`
	subcommandHelp = `{{t "NAME:"}}
   {{template "hnName" .}}

{{t "USAGE:"}}
   {{.FullName}}{{if .VisibleCommands}} {{t "[command [command options]]"}}{{end}}{{if .ArgsUsage}} {{.ArgsUsage}}{{end}}{{template "hnDescription" .}}{{if .VisibleCommands}}

{{t "COMMANDS:"}}{{template "hnCommands" .VisibleCommands}}{{end}}{{if .VisibleFlags}}

{{t "OPTIONS:"}}{{template "hnFlags" .VisibleFlags}}{{end}}{{template "hnGlobal" .}}
`
	helpParts = `{{define "hnName"}}{{.FullName}}{{if .Usage}} - {{.Usage}}{{end}}{{end}}
{{- define "hnDescription"}}{{if .Description}}

{{t "DESCRIPTION:"}}
   {{wrap .Description 3}}{{end}}{{end}}
{{- define "hnCommands"}}{{range .}}
   {{join .Names ", "}}{{"\t"}}{{.Usage}}{{end}}{{end}}
{{- define "hnFlags"}}{{range .}}
   {{flag .}}{{end}}{{end}}
{{- define "hnGlobal"}}{{if .VisiblePersistentFlags}}

{{t "GLOBAL OPTIONS:"}}{{template "hnFlags" .VisiblePersistentFlags}}{{end}}{{end}}`
)

// setHelp makes urfave/cli print the help, the version and the unknown
// commands of e's program in e's language. Its hooks are package
// variables, set for the one program a process runs.
func (e *env) setHelp() {
	t := func(key string, args ...any) string { return lang.M(key, args...).In(e.tag) }
	cli.RootCommandHelpTemplate = rootHelp + helpParts
	cli.CommandHelpTemplate = commandHelp + helpParts
	cli.SubcommandHelpTemplate = subcommandHelp + helpParts
	funcs := map[string]any{
		"t":    func(key string) string { return t(key) },
		"flag": func(f cli.Flag) string { return flagLine(f, e.tag) },
	}
	cli.HelpPrinter = func(w io.Writer, templ string, data any) { cli.HelpPrinterCustom(w, templ, data, funcs) }
	cli.HelpFlag = &cli.BoolFlag{Name: "help", Aliases: []string{"h"}, Usage: t("show help"), HideDefault: true, Local: true}
	cli.VersionFlag = &cli.BoolFlag{Name: "version", Aliases: []string{"v"}, Usage: t("print the version"), HideDefault: true, Local: true}
	cli.VersionPrinter = func(*cli.Command) { e.printVersion() }
	cli.UsageCommandHelp = t("Shows a list of commands or help for one command")
	cli.ArgsUsageCommandHelp = t("[command]")
	cli.ShowCommandHelp = e.showCommandHelp
}

// flagLine is the line of a flag in the help: its names, each with the
// placeholder of its value, then after a tab its usage, its default or
// that it is required, and the environment variable that sets it.
func flagLine(f cli.Flag, tag language.Tag) string {
	df, ok := f.(cli.DocGenerationFlag)
	if !ok {
		return ""
	}
	placeholder, usage := unquote(df.GetUsage())
	if df.TakesValue() && placeholder == "" {
		switch df.TypeName() {
		case "string":
			placeholder = lang.M("string").In(tag)
		case "int":
			placeholder = lang.M("int").In(tag)
		default:
			placeholder = lang.M("value").In(tag)
		}
	}
	names := make([]string, len(f.Names()))
	for i, n := range f.Names() {
		names[i] = dashed(n)
		if placeholder != "" {
			names[i] += " " + placeholder
		}
	}
	line := strings.Join(names, ", ")
	if mf, ok := f.(cli.DocGenerationMultiValueFlag); ok && mf.IsMultiValueFlag() {
		line += " [ " + line + " ]"
	}
	line += "\t" + usage
	rf, ok := f.(cli.RequiredFlag)
	switch {
	case ok && rf.IsRequired():
		line += " " + lang.M("(required)").In(tag)
	case !df.IsDefaultVisible():
	case df.GetDefaultText() != "":
		line += " " + lang.M("(default: %s)", df.GetDefaultText()).In(tag)
	case df.TakesValue() && df.GetValue() != "":
		line += " " + lang.M("(default: %s)", df.GetValue()).In(tag)
	}
	if env := df.GetEnvVars(); len(env) > 0 {
		// cmd.exe names a variable %NAME%, the other shells $NAME.
		if runtime.GOOS == "windows" && os.Getenv("PSHOME") == "" {
			line += " [%" + strings.Join(env, "%, %") + "%]"
		} else {
			line += " [$" + strings.Join(env, ", $") + "]"
		}
	}
	return line
}

// unquote is a flag's usage without the backquotes around the
// placeholder of its value, and that placeholder.
func unquote(usage string) (placeholder, text string) {
	before, rest, ok := strings.Cut(usage, "`")
	if !ok {
		return "", usage
	}
	name, after, ok := strings.Cut(rest, "`")
	if !ok {
		return "", usage
	}
	return name, before + name + after
}

// showCommandHelp prints the help of cmd's command name, or says that cmd
// has no such command, with the closest it has.
func (e *env) showCommandHelp(ctx context.Context, cmd *cli.Command, name string) error {
	if cmd.Command(name) != nil {
		return cli.DefaultShowCommandHelp(ctx, cmd, name)
	}
	msg := lang.M("%s: unknown command %s", cmd.FullName(), name)
	if s := cli.SuggestCommand(cmd.VisibleCommands(), name); s != "" {
		msg = lang.M("%s: unknown command %s. Did you mean %s?", cmd.FullName(), name, s)
	}
	fmt.Fprintln(e.stderr, msg.In(e.tag))
	fmt.Fprintln(e.stderr, lang.M("see the commands with %s --help", cmd.FullName()).In(e.tag))
	return exitError{exitInput}
}

// usageError says what is wrong with a command line in the user's
// language, with the flag meant when one was mistyped; exit 2.
func (e *env) usageError(_ context.Context, cmd *cli.Command, err error, _ bool) error {
	line := lang.Safe(err.Error())
	if msg, ok := usageMessage(cmd, err.Error()); ok {
		line = msg.In(e.tag)
	}
	fmt.Fprintln(e.stderr, "hoinghi: "+line)
	fmt.Fprintln(e.stderr, lang.M("see the flags with %s --help", cmd.FullName()).In(e.tag))
	return exitError{exitInput}
}

// usageMessage is the message of the usage error of cmd whose English
// text is text, if it is one of urfave/cli's: their texts are the only
// way to tell them apart.
func usageMessage(cmd *cli.Command, text string) (lang.Message, bool) {
	if name, ok := strings.CutPrefix(text, "flag provided but not defined: -"); ok {
		if s := cli.SuggestFlag(cmd.VisibleFlags(), name, false); s != "" {
			return lang.M("unknown flag %s. Did you mean %s?", dashed(name), s), true
		}
		return lang.M("unknown flag %s", dashed(name)), true
	}
	if name, ok := strings.CutPrefix(text, "flag needs an argument: "); ok {
		return lang.M("the flag %s needs a value", name), true
	}
	if name, ok := cutAround(text, `Required flag "`, `" not set`); ok {
		return lang.M("the flag %s is required", dashed(name)), true
	}
	if rest, ok := strings.CutPrefix(text, "invalid value "); ok {
		value, name, _ := strings.Cut(rest, " for flag -")
		name, _, _ = strings.Cut(name, ":")
		for _, f := range cmd.Flags {
			if df, ok := f.(cli.DocGenerationFlag); ok && slices.Contains(f.Names(), name) && df.TypeName() == "int" {
				return lang.M("%s is not a valid value of %s: expected a whole number", value, dashed(name)), true
			}
		}
		return lang.M("%s is not a valid value of %s", value, dashed(name)), true
	}
	return lang.Message{}, false
}

// dashed is a flag's name as it is typed: -o, --output.
func dashed(name string) string {
	if len([]rune(name)) == 1 {
		return "-" + name
	}
	return "--" + name
}

// cutAround is s without prefix and suffix, if it has both.
func cutAround(s, prefix, suffix string) (string, bool) {
	s, ok := strings.CutPrefix(s, prefix)
	if !ok {
		return "", false
	}
	return strings.CutSuffix(s, suffix)
}

// onUsageError gives every command of the tree under cmd the usage error
// handler h: urfave/cli gives it only the command that has one.
func onUsageError(cmd *cli.Command, h cli.OnUsageErrorFunc) {
	cmd.OnUsageError = h
	for _, c := range cmd.Commands {
		onUsageError(c, h)
	}
}

// builtins translates urfave/cli's completion command and its command
// for each shell. urfave/cli calls it once it has added its help and
// completion commands to the program, the moment to give them the usage
// error handler that every other command has.
func (e *env) builtins(cmd *cli.Command) {
	onUsageError(cmd.Root(), e.usageError)
	t := func(key string, args ...any) string { return lang.M(key, args...).In(e.tag) }
	cmd.Usage = t("Output shell completion script for bash, zsh, fish, or Powershell")
	cmd.Description = t("Load the script into the shell to complete commands and flags with Tab:\n" +
		"bash, in ~/.bashrc: source <(hoinghi completion bash)\n" +
		"zsh, in ~/.zshrc: source <(hoinghi completion zsh)\n" +
		"fish: hoinghi completion fish > ~/.config/fish/completions/hoinghi.fish\n" +
		"PowerShell: hoinghi completion pwsh > hoinghi.ps1, then run hoinghi.ps1 from the profile.")
	for _, c := range cmd.Commands {
		c.Usage = t("Output %s completion script", c.Name)
	}
}

func init() {
	lang.Register(map[string]string{
		"NAME:":                       "TÊN:",
		"USAGE:":                      "CÁCH DÙNG:",
		"VERSION:":                    "PHIÊN BẢN:",
		"DESCRIPTION:":                "MÔ TẢ:",
		"COMMANDS:":                   "LỆNH:",
		"OPTIONS:":                    "TÙY CHỌN:",
		"GLOBAL OPTIONS:":             "TÙY CHỌN CHUNG:",
		"[global options]":            "[tùy chọn chung]",
		"[command [command options]]": "[lệnh [tùy chọn của lệnh]]",
		"[options]":                   "[tùy chọn]",
		"string":                      "CHUỖI",
		"int":                         "SỐ",
		"value":                       "GIÁ_TRỊ",
		"(required)":                  "(bắt buộc)",
		"(default: %s)":               "(mặc định: %s)",
		"Shows a list of commands or help for one command": "hiện danh sách lệnh, hoặc trợ giúp của một lệnh",
		"[command]":              "[LỆNH]",
		"%s: unknown command %s": "%s: không có lệnh %s",
		"%s: unknown command %s. Did you mean %s?":                          "%s: không có lệnh %s. Có phải ý bạn là %s?",
		"see the commands with %s --help":                                   "xem các lệnh bằng %s --help",
		"see the flags with %s --help":                                      "xem các tùy chọn bằng %s --help",
		"unknown flag %s":                                                   "không có tùy chọn %s",
		"unknown flag %s. Did you mean %s?":                                 "không có tùy chọn %s. Có phải ý bạn là %s?",
		"the flag %s needs a value":                                         "tùy chọn %s cần một giá trị",
		"the flag %s is required":                                           "thiếu tùy chọn bắt buộc %s",
		"%s is not a valid value of %s":                                     "%s không phải giá trị hợp lệ của %s",
		"%s is not a valid value of %s: expected a whole number":            "%s không phải giá trị hợp lệ của %s: cần một số nguyên",
		"Output shell completion script for bash, zsh, fish, or Powershell": "in đoạn mã gợi ý lệnh (phím Tab) cho bash, zsh, fish hoặc PowerShell",
		"Load the script into the shell to complete commands and flags with Tab:\n" +
			"bash, in ~/.bashrc: source <(hoinghi completion bash)\n" +
			"zsh, in ~/.zshrc: source <(hoinghi completion zsh)\n" +
			"fish: hoinghi completion fish > ~/.config/fish/completions/hoinghi.fish\n" +
			"PowerShell: hoinghi completion pwsh > hoinghi.ps1, then run hoinghi.ps1 from the profile.": "Nạp đoạn mã vào trình lệnh để phím Tab gợi ý lệnh và tùy chọn:\n" +
			"bash, trong ~/.bashrc: source <(hoinghi completion bash)\n" +
			"zsh, trong ~/.zshrc: source <(hoinghi completion zsh)\n" +
			"fish: hoinghi completion fish > ~/.config/fish/completions/hoinghi.fish\n" +
			"PowerShell: hoinghi completion pwsh > hoinghi.ps1, rồi chạy hoinghi.ps1 trong tệp profile.",
		"Output %s completion script": "in đoạn mã gợi ý lệnh cho %s",
	})
}
