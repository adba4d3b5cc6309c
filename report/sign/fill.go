package sign

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/hoinghi/hoinghi/report/content"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/meeting"
	"github.com/hoinghi/hoinghi/report/when"
)

// numberText checks a document's number as --number gives it, a
// positive integer of at most content.NumberDigits digits, and writes it
// as Decree 30 wants: with a leading zero below 10, "05".
func numberText(s string) (string, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 || len(s) > content.NumberDigits || strings.TrimLeft(s, "0123456789") != "" {
		return "", diag.List{{Path: "--number", Msg: lang.M("expected the document's number, a positive whole number of at most %d digits such as 12, got %s", content.NumberDigits, s)}}
	}
	return meeting.DocNumber(s).Printed(), nil
}

// attachedNumber is the number and symbol of the document an attachment
// goes with, as --number gives them, its number written as Decree 30
// wants: "5/TB-UBND" is "05/TB-UBND".
func attachedNumber(s string) string {
	end := strings.IndexAny(s, "/-")
	if end <= 0 || strings.TrimLeft(s[:end], "0123456789") != "" || meeting.DocNumber(s[:end]).Bare() == "" {
		return s
	}
	return meeting.DocNumber(s[:end]).Printed() + s[end:]
}

// ParseDate reads the date of issue as --date gives it, a day:
// 2026-12-02 or 02/12/2026.
func ParseDate(s string) (when.Date, error) {
	d, err := when.ParseDate(s)
	if err != nil || !d.HasDay() {
		return when.Date{}, diag.List{{Path: "--date", Msg: lang.M("expected the date of issue, such as 2026-12-02 or 02/12/2026, got %s", s)}}
	}
	return d, nil
}

var reContents = regexp.MustCompile(`/Contents (?:(\d+ 0 R)|\[([^\]]*)\])`)

// fill writes the number and the date of issue into their places on page
// 1, as an incremental update of its own: a content stream after the
// page's own, which draws each in the place's face and size on its
// baseline, the number against the symbol that follows it and each part
// of the date centred. The page's own content is put between q and Q,
// so that it leaves the graphics state as it found it. The update is
// applied to d; fill returns the page's new dictionary.
func (d *doc) fill(pageNum int, page []byte, pl *places, number string, date when.Date) ([]byte, error) {
	var ops strings.Builder
	ops.WriteString("Q\nBT 0 g\n")
	type part struct {
		p      *place
		text   string
		center bool
	}
	parts := []part{{pl.number, number, false}}
	if pl.day != nil && pl.month != nil && pl.year != nil {
		parts = append(parts, part{pl.day, when.DayText(date.Day), true}, part{pl.month, when.MonthText(date.Month), true}, part{pl.year, strconv.Itoa(date.Year), true})
	}
	faces := map[string]*face{}
	for _, pt := range parts {
		f, ok := faces[pt.p.font]
		if !ok {
			var err error
			if f, err = d.face(page, pt.p.font); err != nil {
				return nil, err
			}
			faces[pt.p.font] = f
		}
		text, width, missing, ok := f.encode(pt.text, pt.p.size)
		if !ok {
			return nil, damaged(lang.M("the font %s has no %q", f.name, string(missing)))
		}
		x := pt.p.rect[2] - width
		if pt.center {
			x = (pt.p.rect[0]+pt.p.rect[2])/2 - width/2
		}
		fmt.Fprintf(&ops, "/%s %s Tf 1 0 0 1 %s %s Tm %s Tj\n", f.name, num(pt.p.size), num(x), num(pt.p.baseline), text)
	}
	ops.WriteString("ET\n")

	m := reContents.FindSubmatchIndex(page)
	if m == nil {
		return nil, damaged(lang.M("page 1 has no /Contents"))
	}
	own := ""
	if m[2] >= 0 {
		own = string(page[m[2]:m[3]])
	} else {
		own = string(page[m[4]:m[5]])
	}
	u := newUpdate(d)
	before, after := d.size, d.size+1
	u.stream(before, "", []byte("q\n"))
	u.stream(after, "", []byte(ops.String()))
	contents := fmt.Sprintf("/Contents [%d 0 R %s %d 0 R]", before, strings.TrimSpace(own), after)
	filled := string(page[:m[0]]) + contents + string(page[m[1]:])
	u.object(pageNum, filled)
	xref, size := u.finish(d)
	d.data, d.xref, d.size = u.buf.Bytes(), xref, size
	for n, at := range u.offsets {
		d.offsets[n] = at
	}
	return []byte(filled), nil
}
