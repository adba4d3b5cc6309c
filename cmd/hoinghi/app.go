package main

import (
	"context"
	"io"

	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/urfave/cli/v3"
	"golang.org/x/text/language"
)

// newApp builds the command tree with its texts in tag.
func newApp(tag language.Tag, stdout, stderr io.Writer) *cli.Command {
	t := func(key string, args ...any) string { return lang.M(key, args...).In(tag) }
	e := &env{tag: tag, stdout: stdout, stderr: stderr}
	e.setHelp()
	fontDir := &cli.StringFlag{Name: "font-dir", Usage: t("use the Times New Roman files of `DIR` instead of the embedded fonts"), Sources: cli.EnvVars("HOINGHI_FONT_DIR")}
	fontFamily := &cli.StringFlag{Name: "font-family", Usage: t("take the font family `NAME` from --font-dir when it holds several"), Sources: cli.EnvVars("HOINGHI_FONT_FAMILY")}
	kind := &cli.StringSliceFlag{Name: "kind", Aliases: []string{"k"}, Usage: t("render only these kinds (thong-bao, bao-cao, bien-ban, …)")}
	format := &cli.StringSliceFlag{Name: "format", Aliases: []string{"f"}, Value: []string{"pdf", "xlsx"}, Usage: t("output formats: pdf, docx, xlsx")}
	templatesFlag := &cli.StringFlag{Name: "templates", Usage: t("put the templates of `DIR` in front of the built-in ones"), Sources: cli.EnvVars("HOINGHI_TEMPLATES")}
	profileFlag := &cli.StringFlag{Name: "profile", Usage: t("use the office profile `FILE` instead of the hoinghi.yaml found beside the meeting files"), Sources: cli.EnvVars("HOINGHI_PROFILE")}
	sortFlag := &cli.StringFlag{Name: "sort", Usage: t("order of the attendance list: empty for protocol order, ten for Vietnamese order by given name")}
	electronic := &cli.BoolFlag{Name: "electronic", Usage: t("render the e-document form, to be signed digitally: the number and date left for the document system, room for the signature images")}
	app := &cli.Command{
		Name:                            "hoinghi",
		Usage:                           t("Decree 30 meeting documents and attendance workbooks from meeting files"),
		Version:                         version(),
		Writer:                          stdout,
		ErrWriter:                       stderr,
		EnableShellCompletion:           true,
		ConfigureShellCompletionCommand: e.builtins,
		ExitErrHandler:                  func(context.Context, *cli.Command, error) {},
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "lang", Value: "vi", Usage: t("language of messages and help: vi or en"), Sources: cli.EnvVars("HOINGHI_LANG")},
		},
		Commands: []*cli.Command{
			{
				Name:      "render",
				Usage:     t("render meeting files into PDF documents and an attendance workbook"),
				ArgsUsage: t("PATH…"),
				Description: t("Each meeting file gives the documents it lists (or one of each kind) as PDF, or as Word files with --format docx, and the attendance list as XLSX.\n" +
					"Exit codes: 0 success, 1 a document could not be rendered or written, 2 invalid input or usage."),
				Flags: append([]cli.Flag{
					kind,
					format,
					&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Value: ".", Usage: t("write into `DIR`; - writes the one document to standard output")},
					sortFlag,
					electronic,
					fontDir,
					fontFamily,
					templatesFlag,
					profileFlag,
				}, signerFlags(t)...),
				Action: e.render,
			},
			{
				Name:      "batch",
				Usage:     t("render many meeting files in parallel into a mirrored folder tree, with a manifest"),
				ArgsUsage: t("PATH…"),
				Description: t("Each PATH is a meeting file, a folder (searched for .yaml, .yml, .json, .xlsx) or a glob. A file that fails is reported and skipped; the others complete.\n" +
					"Exit codes: 0 all succeeded, 1 some failed, 2 usage, 75 another batch is writing to OUT, 130/143 stopped by SIGINT/SIGTERM (the manifest lists the meetings not done as cancelled)."),
				Flags: append([]cli.Flag{
					kind,
					format,
					&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Required: true, Usage: t("write into `OUT`, mirroring the input folders")},
					sortFlag,
					electronic,
					fontDir,
					fontFamily,
					templatesFlag,
					profileFlag,
					&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Value: defaultJobs, Usage: t("meetings rendered at once")},
					&cli.StringFlag{Name: "manifest", Usage: t("write the manifest to `FILE` (default OUT/manifest.json)")},
					&cli.BoolFlag{Name: "skip-unchanged", Usage: t("do not render again an input whose hash and tool match the previous manifest and whose outputs are intact")},
					&cli.BoolFlag{Name: "bundle", Usage: t("put each meeting's outputs into one ZIP file")},
				}, signerFlags(t)...),
				Action: e.batch,
			},
			{
				Name:  "sample",
				Usage: t("write synthetic meetings, for trying batches and benchmarks"),
				Flags: []cli.Flag{
					&cli.IntFlag{Name: "count", Aliases: []string{"n"}, Value: 10, Usage: t("how many meetings")},
					&cli.IntFlag{Name: "seed", Value: 1, Usage: t("the same seed gives the same meetings")},
					&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Required: true, Usage: t("write into `DIR`")},
				},
				Action: e.sample,
			},
			{
				Name:      "validate",
				Usage:     t("check meeting files and report every problem with its line and column"),
				ArgsUsage: t("PATH…"),
				Flags: []cli.Flag{fontDir, fontFamily, templatesFlag, profileFlag,
					&cli.BoolFlag{Name: "explain", Usage: t("show which file each value of the issuer and the documents came from, and what was inferred")}},
				Action: e.validate,
			},
			{
				Name:      "init",
				Usage:     t("write a commented starter meeting file"),
				ArgsUsage: t("[FILE]"),
				Flags:     []cli.Flag{&cli.StringFlag{Name: "xlsx", Usage: t("write a blank Excel workbook `FILE` for a clerk to fill in instead")}},
				Action:    e.init,
				Description: t("The extension of FILE decides what is written: .yaml or .yml the commented meeting file, .json the same meeting in JSON, .xlsx a blank workbook for a clerk to fill in.\n" +
					"Without FILE the commented meeting file goes to standard output. An existing file is never overwritten."),
			},
			{
				Name:      "convert",
				Usage:     t("turn a YAML or JSON meeting file into an Excel workbook, or a workbook into YAML or JSON"),
				ArgsUsage: t("IN OUT"),
				Flags: []cli.Flag{&cli.BoolFlag{Name: "force", Usage: t("replace OUT if it exists")},
					&cli.StringFlag{Name: "from", Usage: t("read IN as text typed in a legacy Vietnamese encoding, tcvn3 (ABC, the .Vn fonts) or vni (the VNI- fonts), and write it in Unicode")},
					profileFlag, fontDir, fontFamily, templatesFlag},
				Action: e.convert,
			},
			{
				Name:  "templates",
				Usage: t("list, show or export the document templates"),
				Commands: []*cli.Command{
					{Name: "list", Usage: t("list the kinds of document and where their templates come from"), Flags: []cli.Flag{templatesFlag}, Action: e.templatesList},
					{Name: "show", Usage: t("print the template of a kind"), ArgsUsage: t("KIND"), Flags: []cli.Flag{templatesFlag}, Action: e.templatesShow},
					{Name: "export", Usage: t("write the built-in templates and their guide into a folder, to edit"), ArgsUsage: t("DIR"), Action: e.templatesExport},
				},
			},
			{
				Name:   "schema",
				Usage:  t("print the JSON Schema of meeting files"),
				Flags:  []cli.Flag{&cli.BoolFlag{Name: "manifest", Usage: t("print the JSON Schema of batch manifests instead")}},
				Action: e.schema,
			},
			{
				Name:      "serve",
				Usage:     t("open the clerk's desk, a page in the browser to check, render and download meetings"),
				ArgsUsage: t("[FILE|DIR]"),
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "listen", Value: "127.0.0.1:0", Usage: t("listen on `ADDR`; an address other than 127.0.0.1 needs --password-file")},
					&cli.StringFlag{Name: "password-file", Usage: t("ask for the password on the first line of `FILE`")},
					&cli.BoolFlag{Name: "no-browser", Usage: t("do not open the browser, only print the address")},
					fontDir, fontFamily, templatesFlag, profileFlag,
				},
				Action: e.serve,
			},
			{
				Name:      "sign",
				Usage:     t("sign a PDF hoinghi rendered, as the signer, the secretary or the agency (PAdES)"),
				ArgsUsage: t("IN.pdf [OUT.pdf]"),
				Description: t("The PDF is signed in an incremental update that leaves its earlier bytes untouched; OUT.pdf defaults to IN.pdf, replaced only when signing succeeded.\n" +
					"Exit codes: 0 signed, 1 the token or the timestamp server failed, or the file could not be written, 2 invalid input (the PDF, the key, the PIN) or usage."),
				Flags:  signFlags(t),
				Action: e.sign,
			},
			{
				Name:   "version",
				Usage:  t("print the version"),
				Action: e.version,
			},
		},
	}
	onUsageError(app, e.usageError)
	return app
}

func init() {
	lang.Register(map[string]string{
		"show help": "hiện trợ giúp",
		"SOURCE_DATE_EPOCH=%q: expected whole seconds since 1970, from 0 to %s":   "SOURCE_DATE_EPOCH=%q: cần số giây nguyên tính từ năm 1970, từ 0 đến %s",
		"use the Times New Roman files of `DIR` instead of the embedded fonts":    "dùng các tệp Times New Roman trong `THƯ_MỤC` thay cho phông chữ có sẵn",
		"take the font family `NAME` from --font-dir when it holds several":       "dùng họ phông `TÊN` trong --font-dir khi thư mục có nhiều họ phông",
		"render only these kinds (thong-bao, bao-cao, bien-ban, …)":               "chỉ xuất các loại văn bản này (thong-bao, bao-cao, bien-ban, …)",
		"Decree 30 meeting documents and attendance workbooks from meeting files": "văn bản hội nghị theo Nghị định 30 và danh sách đại biểu từ tệp thông tin cuộc họp",
		"language of messages and help: vi or en":                                 "ngôn ngữ của thông báo và trợ giúp: vi hoặc en",
		"render meeting files into PDF documents and an attendance workbook":      "xuất tệp cuộc họp thành văn bản PDF và danh sách đại biểu Excel",
		"FILE…":  "TỆP…",
		"[FILE]": "[TỆP]",
		"Each meeting file gives the documents it lists (or one of each kind) as PDF, or as Word files with --format docx, and the attendance list as XLSX.\nExit codes: 0 success, 1 a document could not be rendered or written, 2 invalid input or usage.": "Mỗi tệp cuộc họp cho ra các văn bản nó liệt kê (hoặc mỗi loại một văn bản) dạng PDF, hoặc dạng Word với --format docx, và danh sách đại biểu dạng XLSX.\nMã thoát: 0 thành công, 1 có văn bản không xuất hoặc không ghi được, 2 dữ liệu vào hoặc cách dùng không hợp lệ.",
		"output formats: pdf, docx, xlsx":                                                                                                     "định dạng xuất: pdf, docx, xlsx",
		"write into `DIR`; - writes the one document to standard output":                                                                      "ghi vào `THƯ_MỤC`; - ghi văn bản duy nhất ra đầu ra chuẩn",
		"order of the attendance list: empty for protocol order, ten for Vietnamese order by given name":                                      "thứ tự danh sách đại biểu: để trống theo thứ tự nghi thức, ten theo tên (thứ tự tiếng Việt)",
		"render the e-document form, to be signed digitally: the number and date left for the document system, room for the signature images": "xuất văn bản điện tử để ký số: để trống số và ngày cho hệ thống quản lý văn bản, chừa chỗ cho hình ảnh chữ ký",
		"check meeting files and report every problem with its line and column":                                                               "kiểm tra tệp cuộc họp, báo mọi lỗi kèm dòng và cột",
		"write a commented starter meeting file":                                                                                              "tạo tệp cuộc họp mẫu có chú thích",
		"print the JSON Schema of meeting files":                                                                                              "in JSON Schema của tệp cuộc họp",
		"print the version":                                                                                                                   "in phiên bản",
	})
}

func init() {
	lang.Register(map[string]string{
		"put the templates of `DIR` in front of the built-in ones":                                 "dùng các mẫu trong `THƯ_MỤC` trước các mẫu có sẵn",
		"use the office profile `FILE` instead of the hoinghi.yaml found beside the meeting files": "dùng hồ sơ cơ quan `TỆP` thay cho hoinghi.yaml đặt cạnh tệp cuộc họp",
		"PATH…": "ĐƯỜNG_DẪN…",
		"render many meeting files in parallel into a mirrored folder tree, with a manifest": "xuất nhiều tệp cuộc họp song song vào cây thư mục tương ứng, kèm bảng kê",
		"Each PATH is a meeting file, a folder (searched for .yaml, .yml, .json, .xlsx) or a glob. A file that fails is reported and skipped; the others complete.\nExit codes: 0 all succeeded, 1 some failed, 2 usage, 75 another batch is writing to OUT, 130/143 stopped by SIGINT/SIGTERM (the manifest lists the meetings not done as cancelled).": "Mỗi ĐƯỜNG_DẪN là một tệp cuộc họp, một thư mục (tìm các tệp .yaml, .yml, .json, .xlsx) hoặc một mẫu glob. Tệp lỗi được báo và bỏ qua; các tệp khác vẫn được xuất.\nMã thoát: 0 tất cả thành công, 1 có tệp lỗi, 2 cách dùng sai, 75 một batch khác đang ghi vào THƯ_MỤC, 130/143 bị dừng bởi SIGINT/SIGTERM (bảng kê ghi các cuộc họp chưa xong là cancelled).",
		"write into `OUT`, mirroring the input folders":            "ghi vào `THƯ_MỤC`, theo cấu trúc thư mục đầu vào",
		"meetings rendered at once":                                "số cuộc họp xuất cùng lúc",
		"write the manifest to `FILE` (default OUT/manifest.json)": "ghi bảng kê vào `TỆP` (mặc định THƯ_MỤC/manifest.json)",
		"do not render again an input whose hash and tool match the previous manifest and whose outputs are intact": "không xuất lại tệp có mã băm và phiên bản trùng bảng kê trước và các tệp kết quả còn nguyên",
		"put each meeting's outputs into one ZIP file":                                                              "gói các tệp kết quả của mỗi cuộc họp vào một tệp ZIP",
		"write synthetic meetings, for trying batches and benchmarks":                                               "tạo các cuộc họp giả lập, để thử batch và đo hiệu năng",
		"how many meetings":                     "số cuộc họp",
		"the same seed gives the same meetings": "cùng hạt giống cho cùng các cuộc họp",
		"write into `DIR`":                      "ghi vào `THƯ_MỤC`",
		"show which file each value of the issuer and the documents came from, and what was inferred": "cho biết mỗi giá trị của cơ quan ban hành và văn bản lấy từ tệp nào, và những gì được suy ra",
		"write a blank Excel workbook `FILE` for a clerk to fill in instead":                          "tạo bảng tính Excel trống `TỆP` để văn thư điền",
		"turn a YAML or JSON meeting file into an Excel workbook, or a workbook into YAML or JSON":    "chuyển tệp cuộc họp YAML hoặc JSON thành bảng tính Excel, hoặc ngược lại",
		"IN OUT":                   "TỆP_VÀO TỆP_RA",
		"replace OUT if it exists": "ghi đè TỆP_RA nếu đã có",
		"read IN as text typed in a legacy Vietnamese encoding, tcvn3 (ABC, the .Vn fonts) or vni (the VNI- fonts), and write it in Unicode": "đọc TỆP_VÀO là văn bản gõ bằng bảng mã tiếng Việt cũ, tcvn3 (ABC, phông .Vn) hoặc vni (phông VNI-), và ghi ra bằng Unicode",
		"list, show or export the document templates":                    "liệt kê, xem hoặc xuất các mẫu văn bản",
		"list the kinds of document and where their templates come from": "liệt kê các loại văn bản và nguồn của mẫu",
		"print the template of a kind":                                   "in mẫu của một loại văn bản",
		"KIND":                                                           "LOẠI",
		"write the built-in templates and their guide into a folder, to edit": "ghi các mẫu có sẵn và hướng dẫn vào một thư mục để sửa",
		"DIR": "THƯ_MỤC",
		"print the JSON Schema of batch manifests instead": "in JSON Schema của bảng kê batch",
	})
}
