package xlsx

import "github.com/hoinghi/hoinghi/report/lang"

func init() {
	lang.Register(map[string]string{
		"the text has %d characters, more than the %d a cell of Excel holds: shorten it": "văn bản dài %d ký tự, nhiều hơn %d ký tự một ô Excel chứa được: rút gọn văn bản",
	})
}
