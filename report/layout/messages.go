package layout

import "github.com/hoinghi/hoinghi/report/lang"

func init() {
	lang.Register(map[string]string{
		"too long to fit inside the page margins, even broken into lines (page %d): shorten it": "quá dài, dù đã xuống dòng vẫn không nằm trong lề trang (trang %d): hãy rút ngắn",
	})
}
