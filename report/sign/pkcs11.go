//go:build cgo

package sign

import (
	"crypto/x509"
	"errors"
	"slices"
	"strings"

	"github.com/ThalesGroup/crypto11"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/miekg/pkcs11"
)

// OpenPKCS11 opens a session on a token of the PKCS#11 module (the .so,
// .dylib or .dll of the token's vendor) and logs in with pin. token is
// the token's label, empty when the module has one token; keyLabel the
// key's label, empty when the token holds one key with its certificate.
// The key never leaves the token: Key.Signer asks the token to sign.
func OpenPKCS11(module, token, keyLabel, pin string) (*Key, error) {
	problem := func(m lang.Message) error { return diag.List{{File: module, Msg: m}} }
	labels, err := tokens(module)
	if err != nil {
		return nil, err
	}
	switch {
	case token != "" && !slices.Contains(labels, token):
		return nil, problem(lang.M("no token %s: plug it in, or name another with --token", token))
	case token != "":
	case len(labels) == 0:
		return nil, problem(lang.M("no token is plugged in: plug in the USB token and try again"))
	case len(labels) == 1:
		token = labels[0]
	default:
		return nil, problem(lang.M("%d tokens are plugged in: choose one with --token, one of %s", len(labels), strings.Join(labels, ", ")))
	}
	ctx, err := crypto11.Configure(&crypto11.Config{Path: module, TokenLabel: token, Pin: pin})
	var perr pkcs11.Error
	switch {
	case errors.As(err, &perr) && (perr == pkcs11.CKR_PIN_INCORRECT || perr == pkcs11.CKR_PIN_INVALID || perr == pkcs11.CKR_PIN_LEN_RANGE):
		return nil, problem(lang.M("wrong PIN for the token %s: type the token's user PIN (after a few wrong PINs the token locks itself)", token))
	case errors.As(err, &perr) && perr == pkcs11.CKR_PIN_LOCKED:
		return nil, problem(lang.M("the token %s is locked after too many wrong PINs: unlock it with the vendor's tool", token))
	case err != nil:
		return nil, problem(lang.M("cannot open the PKCS#11 module (%s): give the module of the token's vendor with --pkcs11", err.Error()))
	}
	k, err := pair(ctx, keyLabel)
	if err != nil {
		ctx.Close()
		return nil, diag.InFile(module, err)
	}
	k.Source, k.close = module, ctx.Close
	return k, nil
}

// pair finds the key labelled label and its certificate, or the token's
// only key with a certificate when label is empty; its problems name no
// file.
func pair(ctx *crypto11.Context, label string) (*Key, error) {
	if label != "" {
		signer, err := ctx.FindKeyPair(nil, []byte(label))
		if err != nil || signer == nil {
			return nil, diag.List{{Msg: lang.M("no key labelled %s on the token: give the label of the signing key with --key-label", label)}}
		}
		cert, err := ctx.FindCertificate(nil, []byte(label), nil)
		if err != nil || cert == nil {
			return nil, diag.List{{Msg: lang.M("no certificate labelled %s on the token: the certificate must be stored beside its key", label)}}
		}
		return &Key{Signer: signer, Cert: cert}, nil
	}
	pairs, err := ctx.FindAllPairedCertificates()
	if err != nil {
		return nil, diag.List{{Msg: lang.M("cannot list the keys of the token (%s)", err.Error())}}
	}
	var keys []*Key
	for _, p := range pairs {
		if p.Leaf == nil {
			continue
		}
		if signer, ok := p.PrivateKey.(crypto11.Signer); ok {
			keys = append(keys, &Key{Signer: signer, Cert: p.Leaf, Chain: parse509(p.Certificate[1:])})
		}
	}
	switch len(keys) {
	case 0:
		return nil, diag.List{{Msg: lang.M("the token holds no key with a certificate: import the signing certificate with the vendor's tool")}}
	case 1:
		return keys[0], nil
	}
	return nil, diag.List{{Msg: lang.M("the token holds %d keys with certificates: choose one with --key-label", len(keys))}}
}

func parse509(ders [][]byte) []*x509.Certificate {
	var out []*x509.Certificate
	for _, d := range ders {
		if c, err := x509.ParseCertificate(d); err == nil {
			out = append(out, c)
		}
	}
	return out
}

// tokens lists the labels of the tokens plugged in.
func tokens(module string) ([]string, error) {
	p := pkcs11.New(module)
	if p == nil {
		return nil, diag.List{{File: module, Msg: lang.M("cannot load this PKCS#11 module: give the .so, .dylib or .dll of the token's vendor with --pkcs11")}}
	}
	defer p.Destroy()
	// The module may be in use by another key of this process already;
	// it is then left initialized.
	switch err := p.Initialize(); {
	case errors.Is(err, pkcs11.Error(pkcs11.CKR_CRYPTOKI_ALREADY_INITIALIZED)):
	case err != nil:
		return nil, diag.List{{File: module, Msg: lang.M("cannot open the PKCS#11 module (%s): give the module of the token's vendor with --pkcs11", err.Error())}}
	default:
		defer p.Finalize()
	}
	slots, err := p.GetSlotList(true)
	if err != nil {
		return nil, err
	}
	var labels []string
	for _, s := range slots {
		// A slot may hold a token not yet initialized, as SoftHSM2's
		// last one is: it has no keys.
		if ti, err := p.GetTokenInfo(s); err == nil && ti.Flags&pkcs11.CKF_TOKEN_INITIALIZED != 0 {
			labels = append(labels, ti.Label)
		}
	}
	return labels, nil
}
