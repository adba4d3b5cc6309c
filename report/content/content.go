// Package content builds what a document says — its Decree 30 form filled
// from the meeting, and its body from a kind's template — without deciding
// where anything goes on the page. Layout takes a *Document from here and
// knows nothing of meeting files or templates.
package content

import "time"

// Form is the Decree 30 sample form a document follows.
type Form string

// The forms of Phụ lục III that meeting documents use.
const (
	// Named is Mẫu 1.4, a document with a type name (thông báo, báo cáo):
	// place and date beside the number, one signer beside Nơi nhận.
	Named Form = "1.4"
	// Minutes is Mẫu 1.9, the biên bản: no date line in the header, the
	// secretary and the chair sign side by side, Nơi nhận below them.
	Minutes Form = "1.9"
)

// Document is everything one document says, in reading order.
type Document struct {
	Form Form
	// Party tells a document of a Party body, laid out as Hướng dẫn
	// 36-HD/VPTW prescribes: "ĐẢNG CỘNG SẢN VIỆT NAM" in place of the
	// Quốc hiệu and Tiêu ngữ.
	Party bool
	// Electronic tells the e-document form (Decree 30, Phụ lục I, Phần I,
	// Mục II, items 7–8): the number and the date of issue are left as
	// room for the document system to write in at issuance, and the
	// signature block has room for the signer's image and the seal.
	Electronic bool
	// Header, ô 1–4: the parent agency (may be empty), the issuing agency,
	// "Số: 05/TB-CTĐ" and, in Mẫu 1.4, the place and date line. The
	// agency lines keep the line breaks the clerk wrote.
	Parent, Agency, Number, DateLine string
	// TypeName ("THÔNG BÁO") and Abstract (trích yếu), ô 5a.
	TypeName, Abstract string
	// To is the "Kính gửi" block, ô 9a; empty for most documents.
	To []string
	// Body is ô 6. Its last paragraph ends with "./.".
	Body []Block
	// Signers are ô 7: one in Mẫu 1.4; the secretary then the chair in 1.9.
	Signers []Signer
	// Recipients is ô 9b, each item complete with its "- " and its final
	// ";" or ".".
	Recipients []string
	// Annex is an optional Phụ lục on pages of its own.
	Annex *Annex
	Meta  Meta
}

// Medium is the form a document is issued in: on paper, or as an
// electronic document signed digitally.
type Medium int

const (
	// Paper is the paper form: signed by hand, sealed, numbered and
	// dated by the văn thư.
	Paper Medium = iota
	// Electronic is the e-document form, signed digitally, numbered
	// and dated by the document system at issuance (Document.Electronic).
	Electronic
)

// NumberDigits is the most digits a document number has: the room an
// electronic document leaves for it.
const NumberDigits = 5

// Signer is one signature stack: authority and position lines, the space
// for signature and seal, and the name.
type Signer struct {
	Titles []string
	Name   string
}

// Meta is the PDF's document information.
type Meta struct {
	Title, Author, Subject, Keywords string
	// Date stamps the file, by the rule of when.Stamp: the renderer sets
	// it, since SOURCE_DATE_EPOCH is its option.
	Date time.Time
}

// Annex is a Phụ lục: label, title, the "(Kèm theo …)" line and a table.
type Annex struct {
	Label, Title, Note string
	Table              *Table
}

// Block is a body element: *Paragraph, *Heading or *Table.
type Block interface{ block() }

// Align is a paragraph's or a cell's horizontal alignment.
type Align int

// Alignments.
const (
	Justify Align = iota
	Left
	Center
	Right
)

// Run is text in one style.
type Run struct {
	Text         string
	Bold, Italic bool
}

// Paragraph is a body paragraph. Indent is the first-line indent in
// millimetres (10 for body text; 0 for a centred line).
type Paragraph struct {
	Runs   []Run
	Indent float64
	Align  Align
}

// Heading is a mục (level 1, "I. …", upper case bold), a khoản (level 2,
// "1. …", bold) or a điểm (level 3, "a) …"). Label is its number, already
// in Vietnamese order.
type Heading struct {
	Level int
	Label string
	Runs  []Run
}

// Table is a table with a header row repeated on every page. A row whose
// Group is set is a full-width group caption instead of cells.
type Table struct {
	Header []string
	Align  []Align // per column; missing columns are left-aligned
	Rows   []Row
	// Widths are relative column widths; nil lets layout size the columns
	// from their content.
	Widths []float64
}

// Row is a table row: cells, or a group caption.
type Row struct {
	Cells []string
	Group string
}

func (*Paragraph) block() {}
func (*Heading) block()   {}
func (*Table) block()     {}
