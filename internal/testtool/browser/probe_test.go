package browser

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestProbeTwo(t *testing.T) {
	b := Start(t)
	s := server(t)
	tab := b.Tab(t)
	tab.Do(chromedp.Navigate(s.URL))
	fmt.Println(tab.Download(chromedp.Click(chromedp.ID("get"))))
	fmt.Println(tab.Download(chromedp.Click(chromedp.ID("get"))))
}
