//go:build !cgo

package sign

import (
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
)

// OpenPKCS11 needs cgo to load the token's module: this build has none.
func OpenPKCS11(module, token, keyLabel, pin string) (*Key, error) {
	return nil, diag.List{{File: module, Msg: lang.M("this build of hoinghi cannot use PKCS#11 tokens: sign with a .p12 file, or use a build made with cgo")}}
}
