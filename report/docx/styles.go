package docx

import (
	"strconv"

	"github.com/hoinghi/hoinghi/report/content"
	"github.com/hoinghi/hoinghi/report/layout"
)

// styles is word/styles.xml: Times New Roman at 14 pt in Vietnamese for
// everything; "Nội dung", the body text as layout sets it (justified, a
// first-line indent of 1 cm, 6 pt before), and its list and heading
// styles; the headings are Word's own "heading 1–3", with their outline
// levels, so that the navigation pane lists the mục, khoản and điểm;
// the text of tables at 12 pt, and the grid of a table, whose cells'
// padding leaves room for their borders, which the PDF draws on the
// cells' edges and a word processor inside them.
var styles = func() string {
	var p part
	// The font, its size and the language, in the defaults and again in
	// the styles a clerk sees, so that each says them.
	var font part
	font.raw(`<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>`)
	size(&font, layout.BodySize)
	font.raw(`<w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr>`)
	p.raw(xmlHeader, `<w:styles xmlns:w="`, nsW, `">`, `<w:docDefaults><w:rPrDefault>`, font.String(), `</w:rPrDefault>`,
		`<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`)
	p.raw(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl/></w:pPr>`, font.String(), `</w:style>`)
	p.raw(`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>`)
	p.raw(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>`,
		`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	body := `<w:spacing w:before="` + strconv.Itoa(tw(layout.ParaBefore)) + `"/><w:ind w:firstLine="` + strconv.Itoa(tw(content.BodyIndent)) + `"/><w:jc w:val="both"/>`
	p.raw(`<w:style w:type="paragraph" w:customStyle="1" w:styleId="NoiDung"><w:name w:val="Nội dung"/><w:basedOn w:val="Normal"/><w:next w:val="NoiDung"/><w:qFormat/><w:pPr>`, body, `</w:pPr>`, font.String(), `</w:style>`)
	p.raw(`<w:style w:type="paragraph" w:customStyle="1" w:styleId="GachDauDong"><w:name w:val="Gạch đầu dòng"/><w:basedOn w:val="NoiDung"/><w:next w:val="GachDauDong"/><w:qFormat/></w:style>`)
	for level := 1; level <= 3; level++ {
		n := strconv.Itoa(level)
		p.raw(`<w:style w:type="paragraph" w:styleId="Heading`, n, `"><w:name w:val="heading `, n, `"/><w:basedOn w:val="NoiDung"/><w:next w:val="NoiDung"/><w:uiPriority w:val="9"/><w:qFormat/>`,
			`<w:pPr><w:keepNext/><w:keepLines/><w:outlineLvl w:val="`, strconv.Itoa(level-1), `"/></w:pPr>`)
		if level < 3 {
			p.raw(`<w:rPr><w:b/><w:bCs/></w:rPr>`)
		}
		p.raw(`</w:style>`)
	}
	p.raw(`<w:style w:type="paragraph" w:customStyle="1" w:styleId="ChuTrongBang"><w:name w:val="Chữ trong bảng"/><w:basedOn w:val="Normal"/><w:qFormat/><w:rPr>`)
	size(&p, layout.TableSize)
	p.raw(`</w:rPr></w:style>`)
	pad := func(side string, mm float64) string {
		return `<w:` + side + ` w:w="` + strconv.Itoa(tw(mm)) + `" w:type="dxa"/>`
	}
	p.raw(`<w:style w:type="table" w:customStyle="1" w:styleId="LuoiBang"><w:name w:val="Lưới bảng"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		p.raw(`<w:`, side, ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
	}
	p.raw(`</w:tblBorders><w:tblCellMar>`, pad("top", layout.PadY), pad("left", layout.PadX-layout.RuleWidth), pad("bottom", layout.PadY), pad("right", layout.PadX-layout.RuleWidth), `</w:tblCellMar></w:tblPr></w:style>`)
	p.raw(`</w:styles>`)
	return p.String()
}()
