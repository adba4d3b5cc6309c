package content

import (
	"context"
	"fmt"
	"strings"
	"text/template"

	"github.com/hoinghi/hoinghi/report/meeting"
	"github.com/hoinghi/hoinghi/report/vn"
	"github.com/hoinghi/hoinghi/report/when"
	"github.com/hoinghi/hoinghi/templates"
)

// Template is a kind's template compiled: parsed once per process, it
// builds many documents.
type Template struct {
	Source   templates.Source
	abstract *template.Template
	body     *template.Template
}

// Compile parses a kind's templates. Both are named after the template
// file and placed at their lines in it, so that text/template's own
// positions are the file's, and put under the limits of
// templates.Source.Compile; errors are diag.Problem, naming the file, the
// line and, where it can be found, the column.
func Compile(src templates.Source) (*Template, error) {
	k := &Template{Source: src}
	var err error
	if k.abstract, err = src.Compile(src.AbstractText(), funcs); err != nil {
		return nil, err
	}
	if k.body, err = src.Compile(src.BodyText(), funcs); err != nil {
		return nil, err
	}
	return k, nil
}

// Build makes the content of document d of meeting m. The templates run
// within the limits of templates.Execute, and stop when ctx ends.
func (k *Template) Build(ctx context.Context, m *meeting.Meeting, d meeting.Document, medium Medium) (*Document, error) {
	data := newData(m, d, k.Source.Front, medium)
	text, err := k.fill(ctx, &data, d)
	if err != nil {
		return nil, err
	}
	abstract := data.Abstract
	body, err := markdown(text)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", k.Source.File, err)
	}
	endWithMark(body, data.Party)

	frame := Form(k.Source.Front.Frame)
	doc := &Document{
		Form:       frame,
		Parent:     strings.ToUpper(strings.TrimSpace(m.Issuer.Parent)),
		Agency:     strings.ToUpper(strings.TrimSpace(m.Issuer.Name)),
		Number:     numberLine(data),
		TypeName:   strings.ToUpper(k.Source.Front.Name),
		Abstract:   abstract,
		To:         trimAll(d.To),
		Body:       body,
		Recipients: recipients(d, frame, m.Issuer.Code, data.Party, m.Issuer.Name),
		Meta: Meta{
			Title:    k.Source.Front.Name + " " + abstract,
			Author:   collapse(m.Issuer.Name),
			Subject:  strings.TrimSpace(m.Info.Title),
			Keywords: data.Number,
		},
	}
	doc.Party = data.Party
	doc.Electronic = medium == Electronic
	if frame == Named || data.Party {
		// A Party biên bản has its date line too (Hướng dẫn 16-HD/VPTW).
		date, _ := d.Date.Known()
		doc.DateLine = when.DateLine(m.Issuer.Place, date)
		if doc.Electronic {
			doc.DateLine = when.RoomDateLine(m.Issuer.Place)
		}
	}
	if frame == Named {
		doc.Signers = []Signer{signer(d.Signer.Titles, d.Signer.Name, nil)}
	} else {
		secretary := d.Secretary.Name
		if strings.TrimSpace(secretary) == "" {
			secretary = m.Info.Secretary.Name
		}
		chair := d.Signer.Name
		if strings.TrimSpace(chair) == "" && len(m.Info.Chairs) > 0 {
			chair = m.Info.Chairs[0].Name
		}
		chairTitle := "CHỦ TỌA"
		if data.Party {
			chairTitle = "CHỦ TRÌ"
		}
		doc.Signers = []Signer{
			signer(d.Secretary.Titles, secretary, []string{"THƯ KÝ"}),
			signer(d.Signer.Titles, chair, []string{chairTitle}),
		}
	}
	if d.Annex && len(m.Info.Attendees) > 0 {
		doc.Annex = attendanceAnnex(m, k.Source.Front.Name, data)
	}
	return doc, nil
}

// Text is what the templates write for document d of meeting m: the
// abstract, on one line, and the body, in Markdown still to be read.
func (k *Template) Text(ctx context.Context, m *meeting.Meeting, d meeting.Document) (abstract string, body []byte, err error) {
	data := newData(m, d, k.Source.Front, Paper)
	body, err = k.fill(ctx, &data, d)
	return data.Abstract, body, err
}

// fill sets data.Abstract, from d or the abstract's template, and returns
// what the body's template writes.
func (k *Template) fill(ctx context.Context, data *Data, d meeting.Document) ([]byte, error) {
	abstract := collapse(d.Abstract)
	if abstract == "" {
		text, err := k.Source.Execute(ctx, k.abstract, *data)
		if err != nil {
			return nil, err
		}
		abstract = collapse(string(text))
		if data.Party {
			// A Party abstract reads on from the type name: "THÔNG BÁO /
			// kết luận của Ban Thường vụ …" (Hướng dẫn 36-HD/VPTW).
			abstract = lowerFirst(abstract)
		}
	}
	data.Abstract = abstract
	return k.Source.Execute(ctx, k.body, *data)
}

// signer stacks the authority and position lines, one per line, in upper
// case, after the fixed line a frame requires — unless the titles start
// with it, with one that means the same (CHỦ TRÌ for CHỦ TỌA), or with an
// authority of their own, as a Party chi bộ's chair signs "T/M CHI BỘ".
func signer(titles []string, name string, fixed []string) Signer {
	if len(titles) > 0 {
		first := vn.Fold(titles[0])
		for _, r := range sameRole {
			if first == r || strings.HasPrefix(first, r+" ") {
				fixed = nil
			}
		}
		if authority(titles[0]) {
			fixed = nil
		}
	}
	s := Signer{Name: strings.TrimSpace(name), Titles: append([]string(nil), fixed...)}
	for _, t := range titles {
		if t = strings.ToUpper(strings.TrimSpace(t)); t != "" {
			s.Titles = append(s.Titles, t)
		}
	}
	if len(s.Titles) == 0 {
		s.Titles = []string{vn.Blank}
	}
	return s
}

// sameRole are the lines that head a signature of the minutes, folded: a
// file that starts a stack with one of them ("CHỦ TOẠ", "THƯ KÝ HỘI
// THẢO") has written the frame's line.
var sameRole = []string{"chủ tọa", "chủ trì", "thư ký", "người ghi biên bản"}

// authority tells a line that signs on behalf of someone: TM., KT., TL.,
// TUQ. in Decree 30; T/M, K/T, T/L in the Party's documents.
func authority(title string) bool {
	t := strings.ToUpper(strings.TrimSpace(title))
	for _, p := range []string{"TM.", "KT.", "TL.", "TUQ.", "T/M", "K/T", "T/L", "Q."} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// recipients completes the Nơi nhận list: "- Như trên;" first when the
// document has a Kính gửi block, every item "- …;", and the closing
// "- Lưu: VT, ….". A Party document files without the colon and the
// VT: "- Lưu Văn phòng Huyện ủy." (docs/hd36-layout.md §6).
func recipients(d meeting.Document, frame Form, code string, party bool, agency string) []string {
	var items []string
	list := trimAll(d.Recipients)
	if len(d.To) > 0 && (len(list) == 0 || !strings.EqualFold(list[0], "Như trên")) {
		items = append(items, "- Như trên;")
	}
	for _, r := range list {
		items = append(items, "- "+r+";")
	}
	archive := strings.TrimSpace(d.Archive)
	archive = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(archive, "Lưu:"), "Lưu "))
	archive = strings.TrimRight(archive, ".;")
	if party {
		if archive == "" {
			archive = partyArchive(agency)
		}
		return append(items, "- Lưu "+archive+".")
	}
	if archive == "" {
		switch {
		case frame == Minutes:
			archive = "VT, Hồ sơ"
		case strings.TrimSpace(code) != "":
			archive = "VT, " + strings.TrimSpace(code)
		default:
			archive = "VT"
		}
	}
	return append(items, "- Lưu: "+archive+".")
}

// partyArchive is where a Party body files its documents: "Văn phòng
// Huyện ủy", "Văn phòng Đảng ủy", "Chi bộ".
func partyArchive(agency string) string {
	name := vn.Fold(agency)
	for _, c := range []struct{ word, archive string }{
		{"chi bộ", "Chi bộ"}, {"huyện ủy", "Văn phòng Huyện ủy"}, {"tỉnh ủy", "Văn phòng Tỉnh ủy"},
		{"thành ủy", "Văn phòng Thành ủy"}, {"quận ủy", "Văn phòng Quận ủy"}, {"thị ủy", "Văn phòng Thị ủy"},
		{"đảng ủy", "Văn phòng Đảng ủy"},
	} {
		if strings.Contains(name, c.word) {
			return c.archive
		}
	}
	return "Văn phòng"
}

// trimAll trims each item of the dash, the final punctuation and the
// spaces a clerk may have typed, and drops empty ones.
func trimAll(list []string) []string {
	var out []string
	for _, s := range list {
		s = strings.TrimSpace(s)
		s = strings.TrimSpace(strings.TrimPrefix(s, "- "))
		s = strings.TrimRight(s, ";.")
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// number writes the number and symbol of ô 3: "05/TB-CTĐ", with a leading
// zero below 10, or "      /TB-CTĐ" when the văn thư has yet to assign it.
// A Party body writes the type after the number and its own code after a
// slash, as Hướng dẫn 36-HD/VPTW prescribes: "15-TB/HU". An electronic
// document leaves room for the five digits of the longest number, which
// the document system writes in at issuance.
func number(d meeting.Document, typeCode, agencyCode string, party bool, medium Medium) string {
	n := d.Number.Printed()
	switch {
	case medium == Electronic:
		n = vn.Room(NumberDigits)
	case n == "":
		n = "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0"
	}
	code := strings.TrimSpace(agencyCode)
	if party {
		if code != "" {
			return n + "-" + typeCode + "/" + code
		}
		return n + "-" + typeCode
	}
	if code != "" {
		return n + "/" + typeCode + "-" + code
	}
	return n + "/" + typeCode
}

// numberLine is ô 3 as printed: "Số: 05/TB-CTĐ"; a Party document writes
// "Số 15-TB/HU", without the colon.
func numberLine(data Data) string {
	if data.Party {
		return "Số " + data.Number
	}
	return "Số: " + data.Number
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// endWithMark makes the last paragraph end with "./.", the end-of-text
// mark of every Decree 30 document, whatever the template wrote; a Party
// document ends with a full stop (docs/hd36-layout.md §4).
func endWithMark(body []Block, party bool) {
	for i := len(body) - 1; i >= 0; i-- {
		p, ok := body[i].(*Paragraph)
		if !ok || len(p.Runs) == 0 {
			continue
		}
		last := &p.Runs[len(p.Runs)-1]
		text := strings.TrimRight(last.Text, " ")
		switch {
		case party:
			text = strings.TrimRight(strings.TrimSuffix(text, "/."), ".;:,") + "."
		case strings.HasSuffix(text, "./."):
		case strings.HasSuffix(text, "/."):
			text = strings.TrimSuffix(text, "/.") + "./."
		default:
			text = strings.TrimRight(text, ".;:,") + "./."
		}
		last.Text = text
		return
	}
}

// attendanceAnnex is the Phụ lục of §6: the attendance list grouped by
// unit, in protocol order.
func attendanceAnnex(m *meeting.Meeting, typeName string, data Data) *Annex {
	t := &Table{
		// The unit heads each group, so it needs no column of its own.
		Header: []string{"STT", "Họ và tên", "Chức vụ", "Ghi chú"},
		Align:  []Align{Center, Left, Left, Left},
		Widths: []float64{11, 50, 70, 34},
	}
	n := 0
	for _, g := range m.Info.Groups() {
		if len(g.Attendees) == 0 {
			continue
		}
		t.Rows = append(t.Rows, Row{Group: g.Label()})
		for _, a := range g.Attendees {
			n++
			note := a.Note
			if a.Absent && strings.TrimSpace(note) == "" {
				note = "Vắng"
			}
			t.Rows = append(t.Rows, Row{Cells: []string{fmt.Sprint(n), a.Name, a.Position, note}})
		}
	}
	kind := vn.Capitalize(strings.ToLower(strings.TrimSpace(typeName)))
	return &Annex{
		Label: "Phụ lục",
		Title: "DANH SÁCH ĐẠI BIỂU DỰ " + strings.ToUpper(data.Noun),
		Note:  fmt.Sprintf("(Kèm theo %s số %s %s của %s)", kind, data.Number, data.Date, data.IssuerName),
		Table: t,
	}
}
