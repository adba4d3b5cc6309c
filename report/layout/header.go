package layout

import (
	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/report/content"
)

// The white around the header's lines, mm.
const (
	// RuleDrop is how far a header rule lies under its text's line box.
	RuleDrop = 0.8
	// NumberDrop is the white between the lower rule and the line box of
	// Số and the date line.
	NumberDrop = 2.5
)

// HeaderPlan is what layout decides about ô 1–4, the header: the
// columns, the lines as layout breaks them, their sizes and the rules'
// lengths. An exporter that lets another program set the text
// (report/docx) takes it from here, and layout draws its own pages from
// the same plan, so that the two never disagree.
type HeaderPlan struct {
	// Party is the frame of Hướng dẫn 36: Nation is "ĐẢNG CỘNG SẢN VIỆT
	// NAM", Motto is empty, and a star stands under the agency instead
	// of a rule.
	Party bool
	// LeftW and RightW are the widths of the two columns, mm.
	LeftW, RightW float64
	// Size is the size of the agency block and the Số line, pt.
	Size float64
	// Parent (regular) and Agency (bold) are the lines of ô 1.
	Parent, Agency []string
	// AgencyRule is the length of the rule under the agency, mm; 0 in
	// the Party frame.
	AgencyRule float64
	// Nation is the Quốc hiệu, Motto the Tiêu ngữ, both bold.
	Nation, Motto         string
	NationSize, MottoSize float64
	// Rule is the length of the rule under the Tiêu ngữ, or under the
	// Party's name, mm.
	Rule float64
	// Number is the Số line of ô 3, wrapped for its column; Date is the
	// date line of ô 4 (none in Mẫu 1.9), broken only after the place,
	// in italic at DateSize.
	Number, Date []string
	DateSize     float64
	// NumberShift is how much lower the Số line's box stands than the
	// date line's, mm, so that the two share a baseline.
	NumberShift float64
	// Electronic says that the Số and date lines hold the room of an
	// electronic document, whose places layout records.
	Electronic bool
	// Alone says that the Số line stands NumberDrop under the agency's
	// rule whatever the right column holds, as in Mẫu 1.9, which has no
	// date line; otherwise it stands under the lower of the two rules.
	Alone bool
}

// Header plans the header of doc as Layout sets it with m.
func Header(doc *content.Document, m Metrics) HeaderPlan {
	l := &layouter{m: m}
	return l.headerPlan(doc)
}

func (l *layouter) headerPlan(doc *content.Document) HeaderPlan {
	p := HeaderPlan{Party: doc.Party, LeftW: LeftColW, RightW: RightColW, Alone: doc.Form == content.Minutes && !doc.Party, Electronic: doc.Electronic}
	var colW float64
	if doc.Party {
		p.Size = 14
		p.Nation = "ĐẢNG CỘNG SẢN VIỆT NAM"
		p.NationSize = l.partyTitleSize(p.Nation)
		p.DateSize = p.Size
		p.Rule = l.width(p.Nation, fonts.Bold, p.NationSize)
		colW = min(LeftColW-2, 2*(rightCX-p.Rule/2-headerGap-leftCX))
	} else {
		p.Size = 13
		p.Nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
		p.Motto = "Độc lập - Tự do - Hạnh phúc"
		p.NationSize, p.MottoSize = l.headerSizes(p.Nation, p.Motto)
		p.DateSize = p.MottoSize
		p.Rule = l.width(p.Motto, fonts.Bold, p.MottoSize)
		// The agency block keeps headerGap of white from the Quốc hiệu
		// and the Tiêu ngữ beside it: its lines are centred on leftCX,
		// so none may be wider than twice the room from there to the
		// nearer of their left edges; nor wider than its column, less a
		// millimetre on each side.
		nearest := rightCX - max(l.width(p.Nation, fonts.Bold, p.NationSize), p.Rule)/2
		colW = min(LeftColW-2, 2*(nearest-headerGap-leftCX))
	}
	if doc.Parent != "" {
		p.Parent = l.agencyLines(doc.Parent, fonts.Regular, p.Size, colW)
	}
	p.Agency = l.agencyLines(doc.Agency, fonts.Bold, p.Size, colW)
	if !doc.Party {
		// The agency rule: a third to a half of the name's longest line.
		p.AgencyRule = l.widest(p.Agency, fonts.Bold, p.Size) * 0.4
	}
	p.Number = l.lines(doc.Number, fonts.Regular, p.Size, LeftColW-2)
	p.NumberShift = ascent * (p.DateSize - p.Size) * mmPerPt
	if doc.DateLine != "" {
		p.Date = l.dateLines(doc.DateLine, p.DateSize)
	}
	return p
}

// header draws ô 1–4: the agency block on the left, the Quốc hiệu and
// Tiêu ngữ on the right, their rules, and the number beside the date line
// on one baseline.
func (l *layouter) header(doc *content.Document) {
	p := l.headerPlan(doc)
	if doc.Party {
		l.partyHeader(p)
		return
	}

	top := Top
	l.field = "issuer.parent"
	if len(p.Parent) > 0 {
		_, top = l.centred(p.Parent, leftCX, top, fonts.Regular, p.Size)
	}
	l.field = "issuer.name"
	_, leftBottom := l.centred(p.Agency, leftCX, top, fonts.Bold, p.Size)
	ruleY := leftBottom + RuleDrop
	half := p.AgencyRule / 2
	l.line(leftCX-half, ruleY, leftCX+half, ruleY)

	l.centred([]string{p.Nation}, rightCX, Top, fonts.Bold, p.NationSize)
	tnTop := Top + lineHeight(p.NationSize)
	_, rightBottom := l.centred([]string{p.Motto}, rightCX, tnTop, fonts.Bold, p.MottoSize)
	tnRule := rightBottom + RuleDrop
	l.line(rightCX-p.Rule/2, tnRule, rightCX+p.Rule/2, tnRule)

	// Số and the date share one baseline, about a line below the lower
	// of the two rules.
	lineTop := max(ruleY, tnRule) + NumberDrop
	if p.Alone {
		lineTop = ruleY + NumberDrop
	}
	l.y = lineTop + lineHeight(p.DateSize)
	if len(p.Date) > 0 {
		l.y = lineTop + float64(len(p.Date))*lineHeight(p.DateSize)
	}
	l.y = max(l.y, lineTop+l.numberAndDate(p, lineTop))
}

// numberAndDate writes the Số line in the left column and the date line
// in the right one from the line box top, and returns the height of the
// Số lines.
func (l *layouter) numberAndDate(p HeaderPlan, top float64) float64 {
	baseline := top + ascent*p.DateSize*mmPerPt
	var number, date []string
	if p.Electronic {
		number, date = []string{"Number"}, []string{"Day", "Month", "Year"}
	}
	l.field = "number"
	for i, s := range p.Number {
		w := l.width(s, fonts.Regular, p.Size)
		y := baseline + float64(i)*lineHeight(p.Size)
		l.baseline(leftCX-w/2, y, s, fonts.Regular, p.Size)
		number = l.blanks(leftCX-w/2, y, s, fonts.Regular, p.Size, number)
	}
	l.field = "date"
	for i, s := range p.Date {
		w := l.width(s, fonts.Italic, p.DateSize)
		y := baseline + float64(i)*lineHeight(p.DateSize)
		l.baseline(rightCX-w/2, y, s, fonts.Italic, p.DateSize)
		date = l.blanks(rightCX-w/2, y, s, fonts.Italic, p.DateSize, date)
	}
	return float64(len(p.Number)) * lineHeight(p.Size)
}

// partyHeader draws the header of a Party document, as Hướng dẫn
// 36-HD/VPTW lays it out (docs/hd36-layout.md §3): "ĐẢNG CỘNG SẢN VIỆT
// NAM" in 15 pt bold on the right with a rule as long as it; on the left
// the superior Party body in 14 pt, the issuing body in 14 pt bold and a
// star under it instead of a rule; then "Số 15-TB/HU" under the star and
// the date line under the rule, on one baseline.
func (l *layouter) partyHeader(p HeaderPlan) {
	_, rightBottom := l.centred([]string{p.Nation}, rightCX, Top, fonts.Bold, p.NationSize)
	rule := rightBottom + RuleDrop
	l.line(rightCX-p.Rule/2, rule, rightCX+p.Rule/2, rule)

	top := Top
	l.field = "issuer.parent"
	if len(p.Parent) > 0 {
		_, top = l.centred(p.Parent, leftCX, top, fonts.Regular, p.Size)
	}
	l.field = "issuer.name"
	_, top = l.centred(p.Agency, leftCX, top, fonts.Bold, p.Size)
	_, leftBottom := l.centred([]string{"*"}, leftCX, top, fonts.Regular, p.Size)

	lineTop := max(leftBottom, rule+NumberDrop)
	numbers := l.numberAndDate(p, lineTop)
	l.y = lineTop + max(float64(max(len(p.Date), 1))*lineHeight(p.Size), numbers)
}

// TitlePlan is what layout decides about ô 5a and ô 9a, the type name,
// the abstract and the Kính gửi block, as HeaderPlan is for the header.
type TitlePlan struct {
	// Gap is the white between the header and the type name, mm.
	Gap float64
	// Type is the type name's lines, bold at TypeSize; Abstract the
	// abstract's, balanced, bold at 14 pt.
	Type     []string
	TypeSize float64
	Abstract []string
	// Rule is the length of the rule RuleDrop under the abstract, mm; in
	// the Party frame it is 0 and a line of Dashes stands there instead.
	Rule     float64
	RuleDrop float64
	Dashes   string
	// After is the white under the rule or the dashes, mm.
	After float64
	// ToX is where "Kính gửi:" starts from the left margin, ToLabel the
	// width of "Kính gửi: ", ToDash that of "- " before each of several
	// recipients, mm.
	ToX, ToLabel, ToDash float64
}

// abstractW is the width the abstract is balanced in, mm.
const abstractW = 140

// Title plans ô 5a and ô 9a of doc as Layout sets them with m.
func Title(doc *content.Document, m Metrics) TitlePlan {
	l := &layouter{m: m}
	return l.titlePlan(doc)
}

func (l *layouter) titlePlan(doc *content.Document) TitlePlan {
	const size = 14.0
	p := TitlePlan{Gap: 10.5, TypeSize: size, RuleDrop: 1, After: 4, ToX: 35,
		ToLabel: l.width("Kính gửi: ", fonts.Regular, size), ToDash: l.width("- ", fonts.Regular, size)}
	if doc.Form == content.Minutes && !doc.Party {
		p.Gap = 14
	}
	if doc.Party {
		// Hướng dẫn 36: the type name in 15 pt, the abstract under it and
		// a line of five hyphens, not a drawn rule.
		p.TypeSize, p.Dashes, p.After = 15, "-----", 2
	}
	p.Type = l.lines(doc.TypeName, fonts.Bold, p.TypeSize, TextW)
	p.Abstract = texts(balanced(bind(l.fit(l.plain(doc.Abstract, fonts.Bold, size, false), abstractW, size)), abstractW))
	if !doc.Party {
		p.Rule = max(l.widest(p.Abstract, fonts.Bold, size)/3, 15)
	}
	return p
}

// title draws ô 5a: the type name and the abstract, centred, and the rule
// under the abstract.
func (l *layouter) title(doc *content.Document) {
	const size = 14.0
	p := l.titlePlan(doc)
	cx := Left + TextW/2
	_, top := l.centred(p.Type, cx, l.y+p.Gap, fonts.Bold, p.TypeSize)
	_, top = l.centred(p.Abstract, cx, top, fonts.Bold, size)
	if doc.Party {
		_, top = l.centred([]string{p.Dashes}, cx, top, fonts.Regular, size)
		l.y = top + p.After
		return
	}
	ruleY := top + p.RuleDrop
	l.line(cx-p.Rule/2, ruleY, cx+p.Rule/2, ruleY)
	l.y = ruleY + p.After
}

// widest is the width of the widest of lines.
func (l *layouter) widest(lines []string, style fonts.Style, size float64) float64 {
	w := 0.0
	for _, s := range lines {
		w = max(w, l.width(s, style, size))
	}
	return w
}
