package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

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
}

func signOptionsOf(cmd *cli.Command) signOptions {
	o := signOptions{Role: cmd.String("role"), Key: keyOf(cmd), PINFile: cmd.String("pin-file"), TSA: cmd.String("tsa"),
		In: cmd.Args().Get(0), Out: cmd.Args().Get(1)}
	if o.Out == "" {
		o.Out = o.In
	}
	return o
}

// signFlags are the flags of `hoinghi sign`.
func signFlags(t func(string, ...any) string) []cli.Flag {
	return append([]cli.Flag{&cli.StringFlag{Name: "role", Required: true, Usage: t("`ROLE`: signer, or agency once the signer has signed")}}, keyFlags(t)...)
}

// batchSignFlags are the flags `hoinghi batch` signs with.
func batchSignFlags(t func(string, ...any) string) []cli.Flag {
	return append([]cli.Flag{&cli.BoolFlag{Name: "sign", Usage: t("sign every PDF as its signer, with the key of --p12 or --pkcs11")}}, keyFlags(t)...)
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
	key, err := e.openKey(o.Key, o.PINFile, o.TSA)
	if err != nil {
		return err
	}
	defer key.Close()
	sig, err := sign.SignFile(ctx, o.In, o.Out, key, sign.Options{Role: role, TSA: o.TSA})
	if err != nil {
		e.sayErr(err)
		return exitError{signExit(err)}
	}
	e.say("signed %s as %s: %s, %s", o.Out, role.String(), sig.Subject, sig.Time.Format("2006-01-02T15:04:05-07:00"))
	return nil
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
		"sign a PDF hoinghi rendered, as the signer or as the agency (PAdES)": "ký số văn bản PDF do hoinghi xuất, với vai trò người ký hoặc cơ quan (PAdES)",
		"IN.pdf [OUT.pdf]": "TỆP_VÀO.pdf [TỆP_RA.pdf]",
		"sign every PDF as its signer, with the key of --p12 or --pkcs11":                          "ký số mọi tệp PDF với vai trò người ký, bằng khóa của --p12 hoặc --pkcs11",
		"batch: --p12, --pkcs11 and --tsa are for --sign: add --sign to sign the PDFs":             "batch: --p12, --pkcs11 và --tsa dùng cho --sign: thêm --sign để ký các tệp PDF",
		"`ROLE`: signer, or agency once the signer has signed":                                     "`VAI_TRÒ`: signer (người ký), hoặc agency (cơ quan) sau khi người ký đã ký",
		"the key and certificate in the PKCS#12 file `FILE` (.p12, .pfx)":                          "khóa và chứng thư số trong tệp PKCS#12 `TỆP` (.p12, .pfx)",
		"the key on a token, through its vendor's PKCS#11 module `MODULE` (.so, .dylib, .dll)":     "khóa trên thiết bị ký số (token), qua thư viện PKCS#11 `THƯ_VIỆN` của nhà cung cấp (.so, .dylib, .dll)",
		"the token labelled `LABEL`, when several are plugged in":                                  "thiết bị ký số mang nhãn `NHÃN`, khi cắm nhiều thiết bị",
		"the key labelled `LABEL`, when the token holds several":                                   "khóa mang nhãn `NHÃN`, khi token có nhiều khóa",
		"read the PIN from the first line of `FILE` instead of asking for it (or set HOINGHI_PIN)": "đọc mã PIN ở dòng đầu của `TỆP` thay vì hỏi (hoặc đặt HOINGHI_PIN)",
		"add a timestamp from the RFC 3161 server at `URL` (PAdES B-T)":                            "thêm dấu thời gian từ máy chủ RFC 3161 tại `URL` (PAdES B-T)",
		"sign: expected IN.pdf and, if it is not to be replaced, OUT.pdf":                          "sign: cần TỆP_VÀO.pdf và, nếu không ghi đè lên nó, TỆP_RA.pdf",
		"signed %s as %s: %s, %s":                                               "đã ký %s với vai trò %s: %s, %s",
		"the PIN file is empty: write the PIN on its first line":                "tệp mã PIN rỗng: ghi mã PIN ở dòng đầu",
		"no PIN: type it at a terminal, or give --pin-file FILE or HOINGHI_PIN": "chưa có mã PIN: nhập tại cửa sổ lệnh, hoặc dùng --pin-file TỆP hay HOINGHI_PIN",
		"PIN of the key: ": "Mã PIN của khóa: ",
		"The PDF is signed in an incremental update that leaves its earlier bytes untouched; OUT.pdf defaults to IN.pdf, replaced only when signing succeeded.\nExit codes: 0 signed, 1 the token or the timestamp server failed, or the file could not be written, 2 invalid input (the PDF, the key, the PIN) or usage.": "Chữ ký được thêm bằng một lần cập nhật tăng dần, giữ nguyên các byte trước đó; TỆP_RA.pdf mặc định là TỆP_VÀO.pdf, chỉ được thay khi ký thành công.\nMã thoát: 0 đã ký, 1 thiết bị ký số hoặc máy chủ dấu thời gian lỗi, hoặc không ghi được tệp, 2 dữ liệu vào (tệp PDF, khóa, mã PIN) hoặc cách dùng không hợp lệ.",
	})
}
