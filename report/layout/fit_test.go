package layout

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/hoinghi/hoinghi/fonts"
)

// parts splits s, set in 12 pt, for lines w mm wide and checks what
// holds of every split: the parts put back together are s, each in its
// style; only the first has no joined flag; none but a part of a single
// character is wider than w; and no part starts with a combining mark or
// beside a zero-width joiner.
func parts(t *testing.T, wd word, w float64) []string {
	t.Helper()
	l := &layouter{m: fonts.Default()}
	ps := l.split(wd, w, 12)
	// styled writes each character of pieces after its style's number.
	styled := func(b *strings.Builder, pieces []piece) {
		for _, p := range pieces {
			for _, r := range p.text {
				b.WriteByte(byte('0' + p.style))
				b.WriteRune(r)
			}
		}
	}
	var got, whole strings.Builder
	var out []string
	styled(&whole, wd.pieces)
	for i, p := range ps {
		s := p.text()
		out = append(out, s)
		if p.joined != (i > 0) {
			t.Errorf("part %d %q: joined = %v", i, s, p.joined)
		}
		if p.w > w+0.01 && utf8.RuneCountInString(strings.TrimFunc(s, func(r rune) bool { return unicode.In(r, unicode.M) })) > 1 {
			t.Errorf("part %d %q is %.2f mm wide, wider than %.2f", i, s, p.w, w)
		}
		first, _ := utf8.DecodeRuneInString(s)
		last, _ := utf8.DecodeLastRuneInString(s)
		if i > 0 && (unicode.In(first, unicode.M) || first == zwj) || i < len(ps)-1 && last == zwj {
			t.Errorf("part %d %q parts a character from its sequence", i, s)
		}
		styled(&got, p.pieces)
	}
	if got.String() != whole.String() {
		t.Errorf("parts %q do not make up the word %q", out, wd.text())
	}
	return out
}

func plainWord(s string) word {
	l := &layouter{m: fonts.Default()}
	return l.plain(s, fonts.Regular, 12, false)[0]
}

func TestSplit(t *testing.T) {
	t.Run("address", func(t *testing.T) {
		got := parts(t, plainWord("https://thiduakhenthuong.backan.gov.vn/tai-lieu/so-ket-6-thang/bao-cao.pdf"), 60)
		if len(got) < 2 {
			t.Fatalf("split into %q", got)
		}
		for _, s := range got[:len(got)-1] {
			if !strings.ContainsAny(s[len(s)-1:], "/-.") {
				t.Errorf("part %q does not end after a / - or .", s)
			}
		}
	})
	t.Run("unbroken", func(t *testing.T) {
		got := parts(t, plainWord(strings.Repeat("Nguyễn", 40)), 30)
		if len(got) < 5 {
			t.Errorf("split into %q", got)
		}
	})
	t.Run("combining", func(t *testing.T) {
		parts(t, plainWord(strings.Repeat("e\u0302\u0301", 200)), 10)
	})
	t.Run("joiner", func(t *testing.T) {
		parts(t, plainWord(strings.Repeat("a\u200db", 100)), 8)
	})
	t.Run("narrower than a letter", func(t *testing.T) {
		if got := parts(t, plainWord("WWWe\u0301"), 0.5); strings.Join(got, "|") != "W|W|W|e\u0301" {
			t.Errorf("split into %q", got)
		}
	})
	t.Run("styles", func(t *testing.T) {
		l := &layouter{m: fonts.Default()}
		bold := l.plain(strings.Repeat("đ", 30), fonts.Bold, 12, false)[0]
		regular := plainWord(strings.Repeat("ư", 30))
		wd := word{pieces: []piece{bold.pieces[0], regular.pieces[0]}, w: bold.w + regular.w}
		if got := parts(t, wd, 20); len(got) < 3 {
			t.Errorf("split into %q", got)
		}
	})
}

func TestNoBreak(t *testing.T) {
	for in, want := range map[string]string{
		"năm học 2024 - 2025":    "năm học 2024\u00a0-\u00a02025",
		"Thi đua - Khen thưởng":  "Thi đua\u00a0- Khen thưởng",
		"- Hoàn chỉnh":           "-\u00a0Hoàn chỉnh",
		"không có gạch":          "không có gạch",
		"kết thúc - ":            "kết thúc\u00a0- ",
		" - 2025":                " - 2025",
		"2021 – 2025, giai đoạn": "2021\u00a0–\u00a02025, giai đoạn",
	} {
		if got := NoBreak(in); got != want {
			t.Errorf("NoBreak(%q) = %q, want %q", in, got, want)
		}
	}
}
