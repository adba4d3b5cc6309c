package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/hoinghi/hoinghi/report/batch"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/sign"
	"github.com/urfave/cli/v3"
	"golang.org/x/term"
)

// signOptions is what `hoinghi sign` is asked to do.
type signOptions struct {
	Role    string
	Key     sign.Source
	PINFile string
	TSA     string
	In, Out string
	// Image and Seal are the PNG files of the signer's handwritten
	// signature and of the agency's seal, SealWidth the seal's width in
	// millimetres (0 when not given).
	Image, Seal string
	SealWidth   float64
	// Number and Date are the document's number and date of issue, as
	// given (Date empty for the signing day).
	Number, Date string
	Attachment   bool
}

func signOptionsOf(cmd *cli.Command) signOptions {
	o := signOptions{Role: cmd.String("role"), Key: keyOf(cmd), PINFile: cmd.String("pin-file"), TSA: cmd.String("tsa"),
		In: cmd.Args().Get(0), Out: cmd.Args().Get(1),
		Image: cmd.String("image"), Seal: cmd.String("seal"), SealWidth: cmd.Float("seal-width"),
		Number: cmd.String("number"), Date: cmd.String("date"), Attachment: cmd.Bool("attachment")}
	if o.Out == "" {
		o.Out = o.In
	}
	return o
}

// signFlags are the flags of `hoinghi sign`.
func signFlags(t func(string, ...any) string) []cli.Flag {
	return append(append([]cli.Flag{&cli.StringFlag{Name: "role", Required: true, Usage: t("`ROLE`: signer; secretary, on minutes the secretary signs beside the chair (before or after the signer); or agency once the signer has signed (not waiting for the secretary, who may have signed on paper)")}}, keyFlags(t)...),
		imageFlag(t),
		&cli.StringFlag{Name: "seal", Usage: t("as the agency, show the seal, the PNG image `FILE` with a transparent background, at its real size over the left third of the signer's image")},
		&cli.FloatFlag{Name: "seal-width", HideDefault: true, Usage: t("the seal's real width in `MM`, when its PNG does not say its size (a pHYs chunk) or says it wrong")},
		&cli.StringFlag{Name: "number", Usage: t("as the agency, fill in the document's number `N` before signing (the number and symbol, 12/TB-UBND, of the document an --attachment goes with)")},
		&cli.StringFlag{Name: "date", Usage: t("as the agency, fill in the date of issue `DATE` (2026-12-02 or 02/12/2026); the signing day by default")},
		&cli.BoolFlag{Name: "attachment", Usage: t("as the agency, sign a separate attachment, which the signer does not sign: its number and the signing time go at the top right of page 1")},
	)
}

// imageFlag is the flag of the signer's handwritten signature.
func imageFlag(t func(string, ...any) string) cli.Flag {
	return &cli.StringFlag{Name: "image", Usage: t("as the signer or the secretary, show the handwritten signature, the PNG image `FILE` with a transparent background, between the title and the name (PDFs rendered with --electronic)")}
}

// signerFlags are the flags `hoinghi render` and `hoinghi batch` sign
// with.
func signerFlags(t func(string, ...any) string) []cli.Flag {
	return append(append([]cli.Flag{&cli.BoolFlag{Name: "sign", Usage: t("sign every PDF as its signer, with the key of --p12 or --pkcs11")}}, keyFlags(t)...), imageFlag(t))
}

// signing is what a render or a batch signs its PDFs with, nil without
// --sign: the key, opened once, and the signer's image, as cmd's
// signerFlags say. done ends the key's session.
func (e *env) signing(command string, cmd *cli.Command) (s *batch.Signing, done func(), err error) {
	key, tsa, image := keyOf(cmd), cmd.String("tsa"), cmd.String("image")
	if !cmd.Bool("sign") {
		if (key != sign.Source{}) || tsa != "" || image != "" {
			e.say("%s: --p12, --pkcs11, --tsa and --image are for --sign: add --sign to sign the PDFs", command)
			return nil, nil, exitError{exitInput}
		}
		return nil, func() {}, nil
	}
	var o sign.Options
	if image != "" {
		if o.Image, err = sign.LoadImage(image, "--image"); err != nil {
			e.sayErr(err)
			return nil, nil, exitError{exitInput}
		}
	}
	// One key, one token session and one PIN for all the PDFs.
	k, err := e.openKey(key, cmd.String("pin-file"), tsa)
	if err != nil {
		return nil, nil, err
	}
	o.TSA = tsa
	return &batch.Signing{Key: k, Options: o}, func() { k.Close() }, nil
}

// keyFlags say where the key is, its PIN and the timestamp server.
func keyFlags(t func(string, ...any) string) []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "p12", Usage: t("the key and certificate in the PKCS#12 file `FILE` (.p12, .pfx)")},
		&cli.StringFlag{Name: "pkcs11", Usage: t("the key on a token, through its vendor's PKCS#11 module `MODULE` (.so, .dylib, .dll)")},
		&cli.StringFlag{Name: "token", Usage: t("the token labelled `LABEL`, when several are plugged in")},
		&cli.StringFlag{Name: "key-label", Usage: t("the key labelled `LABEL`, when the token holds several")},
		&cli.StringFlag{Name: "pin-file", Usage: t("read the PIN from the first line of `FILE` instead of asking for it (or set HOINGHI_PIN)")},
		&cli.StringFlag{Name: "tsa", Usage: t("add a timestamp from the RFC 3161 server at `URL` (PAdES B-T)")},
	}
}

// keyOf is the key source of a command's flags.
func keyOf(cmd *cli.Command) sign.Source {
	return sign.Source{P12: cmd.String("p12"), PKCS11: cmd.String("pkcs11"), Token: cmd.String("token"), KeyLabel: cmd.String("key-label")}
}

// openKey checks the timestamp server's address, reads the PIN and
// opens the key, saying what went wrong with the exit code to return.
func (e *env) openKey(src sign.Source, pinFile, tsa string) (*sign.Key, error) {
	if tsa != "" {
		if err := sign.CheckTSA(tsa); err != nil {
			e.sayErr(err)
			return nil, exitError{exitInput}
		}
	}
	pin, err := e.pin(pinFile)
	if err != nil {
		e.sayErr(err)
		return nil, exitError{exitInput}
	}
	key, err := sign.Open(src, pin)
	if err != nil {
		e.sayErr(err)
		return nil, exitError{signExit(err)}
	}
	return key, nil
}

func (e *env) sign(ctx context.Context, cmd *cli.Command) error {
	o := signOptionsOf(cmd)
	if n := cmd.Args().Len(); n < 1 || n > 2 {
		e.say("sign: expected IN.pdf and, if it is not to be replaced, OUT.pdf")
		return exitError{exitInput}
	}
	role, err := sign.ParseRole(o.Role)
	if err != nil {
		e.sayErr(err)
		return exitError{exitInput}
	}
	so, err := o.options(role)
	if err != nil {
		e.sayErr(err)
		return exitError{exitInput}
	}
	key, err := e.openKey(o.Key, o.PINFile, o.TSA)
	if err != nil {
		return err
	}
	defer key.Close()
	sig, err := sign.SignFile(ctx, o.In, o.Out, key, so)
	if err != nil {
		e.sayErr(err)
		return exitError{signExit(err)}
	}
	at := sig.Time.Format("2006-01-02T15:04:05-07:00")
	switch role {
	case sign.Agency:
		e.say("signed %s as the agency: %s, %s", o.Out, sig.Subject, at)
	case sign.Secretary:
		e.say("signed %s as the secretary: %s, %s", o.Out, sig.Subject, at)
	default:
		e.say("signed %s as the signer: %s, %s", o.Out, sig.Subject, at)
	}
	return nil
}

// options reads the images and checks the flags, the number and the
// date, before the PIN is asked for.
func (o signOptions) options(role sign.Role) (sign.Options, error) {
	so := sign.Options{Role: role, TSA: o.TSA, SealWidth: o.SealWidth, Number: o.Number, Attachment: o.Attachment}
	var err error
	if o.Image != "" {
		if so.Image, err = sign.LoadImage(o.Image, "--image"); err != nil {
			return so, err
		}
	}
	if o.Seal != "" {
		if so.Seal, err = sign.LoadImage(o.Seal, "--seal"); err != nil {
			return so, err
		}
	}
	if o.Date != "" {
		if so.Date, err = sign.ParseDate(o.Date); err != nil {
			return so, err
		}
	}
	return so, so.Check()
}

// signExit is the exit code of a failure to sign: 2 for an input (the
// PDF, the key, the PIN) that is wrong or cannot be read, 1 for anything
// else.
func signExit(err error) int {
	if errors.As(err, new(diag.List)) || errors.As(err, new(*sign.ReadError)) {
		return exitInput
	}
	return exitRender
}

// pin is the PIN of the key: the first line of file, else $HOINGHI_PIN,
// else typed at the terminal without echo. It is never a flag's value,
// which other users could read in the list of processes.
func (e *env) pin(file string) (string, error) {
	if file != "" {
		f, err := os.Open(file)
		if err != nil {
			return "", err
		}
		defer f.Close()
		line, err := bufio.NewReader(f).ReadString('\n')
		if err != nil && line == "" {
			return "", diag.List{{File: file, Msg: lang.M("the PIN file is empty: write the PIN on its first line")}}
		}
		return strings.TrimRight(line, "\r\n"), nil
	}
	if pin, ok := os.LookupEnv("HOINGHI_PIN"); ok {
		return pin, nil
	}
	if !term.IsTerminal(int(os.Stdin.Fd())) {
		return "", lang.Errorf("no PIN: type it at a terminal, or give --pin-file FILE or HOINGHI_PIN")
	}
	fmt.Fprint(e.stderr, lang.M("PIN of the key: ").In(e.tag))
	b, err := term.ReadPassword(int(os.Stdin.Fd()))
	fmt.Fprintln(e.stderr)
	return string(b), err
}

func init() {
	lang.Register(map[string]string{
		"sign a PDF hoinghi rendered, as the signer, the secretary or the agency (PAdES)": "ký số văn bản PDF do hoinghi xuất, với vai trò người ký, thư ký hoặc cơ quan (PAdES)",
		"IN.pdf [OUT.pdf]": "TỆP_VÀO.pdf [TỆP_RA.pdf]",
		"sign every PDF as its signer, with the key of --p12 or --pkcs11":                                                                                                                                             "ký số mọi tệp PDF với vai trò người ký, bằng khóa của --p12 hoặc --pkcs11",
		"%s: --p12, --pkcs11, --tsa and --image are for --sign: add --sign to sign the PDFs":                                                                                                                          "%s: --p12, --pkcs11, --tsa và --image dùng cho --sign: thêm --sign để ký các tệp PDF",
		"as the agency, show the seal, the PNG image `FILE` with a transparent background, at its real size over the left third of the signer's image":                                                                "với vai trò cơ quan, thể hiện con dấu, ảnh PNG `TỆP` có nền trong suốt, đúng kích thước thật, trùm lên khoảng 1/3 hình ảnh chữ ký của người ký về phía bên trái",
		"the seal's real width in `MM`, when its PNG does not say its size (a pHYs chunk) or says it wrong":                                                                                                           "chiều rộng thật của con dấu tính bằng `MM`, khi ảnh PNG không ghi kích thước (khối pHYs) hoặc ghi sai",
		"as the agency, fill in the document's number `N` before signing (the number and symbol, 12/TB-UBND, of the document an --attachment goes with)":                                                              "với vai trò cơ quan, điền số văn bản `N` trước khi ký (với --attachment: số và ký hiệu, 12/TB-UBND, của văn bản mà văn bản kèm theo đi cùng)",
		"as the agency, fill in the date of issue `DATE` (2026-12-02 or 02/12/2026); the signing day by default":                                                                                                      "với vai trò cơ quan, điền ngày ban hành `NGÀY` (2026-12-02 hoặc 02/12/2026); mặc định là ngày ký",
		"as the agency, sign a separate attachment, which the signer does not sign: its number and the signing time go at the top right of page 1":                                                                    "với vai trò cơ quan, ký văn bản kèm theo là tệp riêng, người ký không ký: số văn bản và thời gian ký được ghi ở góc trên bên phải trang 1",
		"as the signer or the secretary, show the handwritten signature, the PNG image `FILE` with a transparent background, between the title and the name (PDFs rendered with --electronic)":                        "với vai trò người ký hoặc thư ký, thể hiện hình ảnh chữ ký, ảnh PNG `TỆP` có nền trong suốt, giữa chức vụ và họ tên (tệp PDF xuất với --electronic)",
		"`ROLE`: signer; secretary, on minutes the secretary signs beside the chair (before or after the signer); or agency once the signer has signed (not waiting for the secretary, who may have signed on paper)": "`VAI_TRÒ`: signer (người ký); secretary (thư ký), trên biên bản thư ký ký cùng chủ tọa (trước hoặc sau người ký); hoặc agency (cơ quan) sau khi người ký đã ký (không cần chờ thư ký, người có thể đã ký trên bản giấy)",
		"the key and certificate in the PKCS#12 file `FILE` (.p12, .pfx)":                                                                                                                                             "khóa và chứng thư số trong tệp PKCS#12 `TỆP` (.p12, .pfx)",
		"the key on a token, through its vendor's PKCS#11 module `MODULE` (.so, .dylib, .dll)":                                                                                                                        "khóa trên thiết bị ký số (token), qua thư viện PKCS#11 `THƯ_VIỆN` của nhà cung cấp (.so, .dylib, .dll)",
		"the token labelled `LABEL`, when several are plugged in":                                                                                                                                                     "thiết bị ký số mang nhãn `NHÃN`, khi cắm nhiều thiết bị",
		"the key labelled `LABEL`, when the token holds several":                                                                                                                                                      "khóa mang nhãn `NHÃN`, khi token có nhiều khóa",
		"read the PIN from the first line of `FILE` instead of asking for it (or set HOINGHI_PIN)":                                                                                                                    "đọc mã PIN ở dòng đầu của `TỆP` thay vì hỏi (hoặc đặt HOINGHI_PIN)",
		"add a timestamp from the RFC 3161 server at `URL` (PAdES B-T)":                                                                                                                                               "thêm dấu thời gian từ máy chủ RFC 3161 tại `URL` (PAdES B-T)",
		"sign: expected IN.pdf and, if it is not to be replaced, OUT.pdf":                                                                                                                                             "sign: cần TỆP_VÀO.pdf và, nếu không ghi đè lên nó, TỆP_RA.pdf",
		"signed %s as the agency: %s, %s":                                       "đã ký số %s với vai trò cơ quan: %s, %s",
		"signed %s as the signer: %s, %s":                                       "đã ký số %s với vai trò người ký: %s, %s",
		"signed %s as the secretary: %s, %s":                                    "đã ký số %s với vai trò thư ký: %s, %s",
		"the PIN file is empty: write the PIN on its first line":                "tệp mã PIN rỗng: ghi mã PIN ở dòng đầu",
		"no PIN: type it at a terminal, or give --pin-file FILE or HOINGHI_PIN": "chưa có mã PIN: nhập tại cửa sổ lệnh, hoặc dùng --pin-file TỆP hay HOINGHI_PIN",
		"PIN of the key: ":                                                      "Mã PIN của khóa: ",
		"The PDF is signed in an incremental update that leaves its earlier bytes untouched; OUT.pdf defaults to IN.pdf, replaced only when signing succeeded.\nExit codes: 0 signed, 1 the token or the timestamp server failed, or the file could not be written, 2 invalid input (the PDF, the key, the PIN) or usage.": "Chữ ký được thêm bằng một lần cập nhật tăng dần, giữ nguyên các byte trước đó; TỆP_RA.pdf mặc định là TỆP_VÀO.pdf, chỉ được thay khi ký thành công.\nMã thoát: 0 đã ký, 1 thiết bị ký số hoặc máy chủ dấu thời gian lỗi, hoặc không ghi được tệp, 2 dữ liệu vào (tệp PDF, khóa, mã PIN) hoặc cách dùng không hợp lệ.",
	})
}
