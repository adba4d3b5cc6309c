package layout

import (
	"strings"
	"unicode"

	"github.com/hoinghi/hoinghi/fonts"
)

// zwj joins the characters on either side of it into one glyph: no
// break falls next to it.
const zwj = '\u200d'

// fit makes every run of ws, measured at size points, fit a line of
// width w, so that nothing is set past the margin: a run of words a dash
// holds together that is wider comes apart into its words, and a word
// that is wider still breaks into joined parts (see split). It returns
// ws when every run fits.
func (l *layouter) fit(ws []word, w, size float64) []word {
	at := breaks(ws)
	wide := false
	for k := 0; k+1 < len(at) && !wide; k++ {
		wide = span(ws[at[k]:at[k+1]]) > w+0.01
	}
	if !wide {
		return ws
	}
	out := make([]word, 0, len(ws))
	for k := 0; k+1 < len(at); k++ {
		run := ws[at[k]:at[k+1]]
		if span(run) <= w+0.01 {
			out = append(out, run...)
			continue
		}
		for i, wd := range run {
			if i > 0 {
				wd.glued = false
			}
			if wd.w <= w+0.01 {
				out = append(out, wd)
				continue
			}
			out = append(out, l.split(wd, w, size)...)
		}
	}
	return out
}

// glyph is one character of a word being split, with its style and
// width.
type glyph struct {
	r     rune
	style fonts.Style
	w     float64
}

// split breaks a word wider than w into parts no wider than w, the
// first as wide as it may be: after a "/", "-" or "." where there is
// one, as a path or a web address breaks, and else between any two
// characters, but never before a combining mark nor beside a zero-width
// joiner, which would part a letter from its accent or an emoji from
// its sequence. Every part after the first is joined: no space stands
// before it. Only a single character wider than w stands wider, alone.
func (l *layouter) split(wd word, w, size float64) []word {
	var gs []glyph
	for _, p := range wd.pieces {
		for _, r := range p.text {
			gs = append(gs, glyph{r, p.style, l.m.Width(p.style, r) * size / 1000 * mmPerPt})
		}
	}
	// x[i] is where glyph i starts.
	x := make([]float64, len(gs)+1)
	for i, g := range gs {
		x[i+1] = x[i] + g.w
	}
	canBreak := func(i int) bool {
		return i == len(gs) || !unicode.In(gs[i].r, unicode.M) && gs[i].r != zwj && gs[i-1].r != zwj
	}
	preferred := func(i int) bool {
		return strings.ContainsRune("/-.", gs[i-1].r) && !strings.ContainsRune("/-.", gs[i].r)
	}
	var cuts []int
	start, soft, pref := 0, 0, 0 // the last break allowed, and preferred, after start
	for i := 1; i <= len(gs); i++ {
		if x[i]-x[start] > w+0.01 {
			cut := pref
			if cut == 0 {
				cut = soft
			}
			if cut == 0 {
				// Not one character fits: the first stands alone.
				for cut = i; !canBreak(cut); cut++ {
				}
			}
			if cut == len(gs) {
				break
			}
			cuts = append(cuts, cut)
			start, soft, pref = cut, 0, 0
			i = cut
			continue
		}
		if i < len(gs) && canBreak(i) {
			soft = i
			if preferred(i) {
				pref = i
			}
		}
	}
	cuts = append(cuts, len(gs))
	parts := make([]word, len(cuts))
	from := 0
	for k, to := range cuts {
		var p word
		for a := from; a < to; {
			b := a + 1
			for b < to && gs[b].style == gs[a].style {
				b++
			}
			rs := make([]rune, b-a)
			for i := range rs {
				rs[i] = gs[a+i].r
			}
			p.pieces = append(p.pieces, piece{text: string(rs), style: gs[a].style, w: x[b] - x[a]})
			a = b
		}
		p.w = x[to] - x[from]
		p.joined = k > 0
		if k == 0 {
			p.glued, p.bound = wd.glued, wd.bound
		}
		if k == len(cuts)-1 {
			p.space = wd.space
		}
		parts[k] = p
		from = to
	}
	return parts
}
