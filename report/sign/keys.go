package sign

import (
	"crypto"
	"errors"
	"os"

	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
	"software.sslmate.com/src/go-pkcs12"
)

// OpenPKCS12 reads the key and certificates of a PKCS#12 file (.p12,
// .pfx) protected by pin.
func OpenPKCS12(path, pin string) (*Key, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &ReadError{err}
	}
	key, cert, chain, err := pkcs12.DecodeChain(data, pin)
	switch {
	case errors.Is(err, pkcs12.ErrIncorrectPassword):
		return nil, diag.List{{File: path, Msg: lang.M("wrong PIN for this PKCS#12 file: give the password the file was exported with")}}
	case err != nil:
		return nil, diag.List{{File: path, Msg: lang.M("cannot read this PKCS#12 file (%s): export the certificate with its private key as .p12 or .pfx", err.Error())}}
	}
	signer, ok := key.(crypto.Signer)
	if !ok || cert == nil {
		return nil, diag.List{{File: path, Msg: lang.M("this PKCS#12 file holds no private key for signing: export the certificate with its private key")}}
	}
	return &Key{Signer: signer, Cert: cert, Chain: chain, Source: path}, nil
}

// Source says where a key is: a PKCS#12 file, or a PKCS#11 module with
// the token's label and the key's, each empty when there is only one.
type Source struct {
	P12      string
	PKCS11   string
	Token    string
	KeyLabel string
}

// Open opens the key of s with pin.
func Open(s Source, pin string) (*Key, error) {
	switch {
	case (s.P12 == "") == (s.PKCS11 == ""):
		return nil, diag.List{{Path: "--p12, --pkcs11", Msg: lang.M("expected the key in a PKCS#12 file (--p12 FILE) or on a token (--pkcs11 MODULE), one of the two")}}
	case s.P12 != "":
		return OpenPKCS12(s.P12, pin)
	}
	return OpenPKCS11(s.PKCS11, s.Token, s.KeyLabel, pin)
}
