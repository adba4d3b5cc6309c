// Package meeting is the meeting model of hoinghi: the Go types that a
// meeting file (YAML or JSON) decodes into, their loading with positions,
// Unicode normalization, and validation.
//
// Every later stage — document content, layout, PDF and workbook — reads a
// *Meeting that Load has normalized to NFC and validated, so none of them
// needs to check the input again.
//
// Optional information may be missing: a date not yet known, a chair whose
// name nobody wrote down. The zero value of every optional field means
// "not known", and documents show a blank for a clerk to fill by hand.
package meeting

// Meeting is one meeting file: who issues the documents, which documents to
// produce, and what happened at the meeting.
type Meeting struct {
	// Issuer is the issuing agency, shared by every document of the meeting.
	Issuer Issuer `yaml:"issuer" json:"issuer"`
	// Documents lists the documents to produce, each with its own number,
	// date, recipients and signer. When empty, every built-in kind is
	// produced with blank numbers and dates.
	Documents []Document `yaml:"documents,omitempty" json:"documents,omitempty"`
	// Info is what happened: when, where, who.
	Info Info `yaml:"meeting" json:"meeting"`
	// Results is the period's outcome: narrative, strengths, limitations and
	// a table of figures per unit.
	Results Results `yaml:"results,omitempty" json:"results,omitempty"`
	// Discussion is the opinions voiced, in order (used by the minutes).
	Discussion []Speech `yaml:"discussion,omitempty" json:"discussion,omitempty"`
	// Conclusions are the chair's conclusions, one Markdown paragraph each.
	Conclusions []string `yaml:"conclusions,omitempty" json:"conclusions,omitempty"`
	// Tasks are the assignments agreed for the next period.
	Tasks []Task `yaml:"tasks,omitempty" json:"tasks,omitempty"`
}

// Issuer is ô 2 and ô 3 of Decree 30: the agency that issues the documents.
type Issuer struct {
	// Parent is the direct parent agency ("UBND TỈNH BẮC KẠN"), if any.
	Parent string `yaml:"parent,omitempty" json:"parent,omitempty"`
	// Name is the issuing agency ("CỤM THI ĐUA CÁC TỈNH ..."). Required.
	Name string `yaml:"name" json:"name"`
	// Code is the agency part of the document symbol ("CTĐ" in "TB-CTĐ").
	Code string `yaml:"code,omitempty" json:"code,omitempty"`
	// Place is the địa danh of the date line ("Tuyên Quang").
	Place string `yaml:"place,omitempty" json:"place,omitempty"`
	// Type is the kind of body, one of BodyTypes; inferred from Name when
	// blank. A Party body ("dang") issues its documents in the Party's
	// frame.
	Type string `yaml:"type,omitempty" json:"type,omitempty"`
}

// Document is one document to produce from the meeting.
type Document struct {
	// Kind names the document template: thong-bao, bao-cao, bien-ban or an
	// office's own. Required.
	Kind string `yaml:"kind" json:"kind"`
	// Number is the document number, blank until the văn thư assigns it
	// after signing.
	Number DocNumber `yaml:"number,omitempty" json:"number,omitempty"`
	// Date is the date of issue; blank when not yet known.
	Date Date `yaml:"date,omitempty" json:"date,omitempty"`
	// Abstract is the trích yếu; the template gives a default from the kind
	// and the meeting title.
	Abstract string `yaml:"abstract,omitempty" json:"abstract,omitempty"`
	// To lists the "Kính gửi" recipients of a report sent upward.
	To []string `yaml:"to,omitempty" json:"to,omitempty"`
	// Recipients is the "Nơi nhận" list, without the dash and semicolon.
	Recipients []string `yaml:"recipients,omitempty" json:"recipients,omitempty"`
	// Archive is the "Lưu" line after "Lưu: ", such as "VT, CTĐ".
	Archive string `yaml:"archive,omitempty" json:"archive,omitempty"`
	// Signer signs the document; in minutes, the chair (chủ tọa).
	Signer Signer `yaml:"signer,omitempty" json:"signer,omitempty"`
	// Secretary signs the minutes beside the chair (thư ký).
	Secretary Signer `yaml:"secretary,omitempty" json:"secretary,omitempty"`
	// Annex attaches the attendance list as a Phụ lục.
	Annex bool `yaml:"annex,omitempty" json:"annex,omitempty"`
}

// Signer is ô 7 of Decree 30: a stack of authority and position lines, one
// per line ("TM. CỤM THI ĐUA", "CỤM TRƯỞNG", ...), and the signer's name.
type Signer struct {
	Titles []string `yaml:"titles,omitempty" json:"titles,omitempty"`
	Name   string   `yaml:"name,omitempty" json:"name,omitempty"`
}

// Info describes the meeting itself.
type Info struct {
	// Title is the meeting's name ("Hội nghị sơ kết ..."). Required.
	Title string `yaml:"title" json:"title"`
	// Type is the kind of meeting, one of MeetingTypes, or a label of
	// its own; inferred from the title when blank.
	Type string `yaml:"type,omitempty" json:"type,omitempty"`
	// Start and End bound the meeting; a meeting may span two days.
	Start DateTime `yaml:"start,omitempty" json:"start,omitempty"`
	End   DateTime `yaml:"end,omitempty" json:"end,omitempty"`
	// Venue is the place of the meeting.
	Venue string `yaml:"venue,omitempty" json:"venue,omitempty"`
	// Online lists the online points (điểm cầu) connected, if any.
	Online []string `yaml:"online,omitempty" json:"online,omitempty"`
	// Mode is how the meeting is held, one of Modes; inferred from Online
	// and Venue when blank.
	Mode string `yaml:"mode,omitempty" json:"mode,omitempty"`
	// Period is the period the meeting reviews; Next the one it plans.
	// Either is taken from the title when blank; neither is invented.
	Period Period `yaml:"period,omitempty" json:"period,omitempty"`
	Next   Period `yaml:"next,omitempty" json:"next,omitempty"`
	// Subject is what a sơ kết or tổng kết reviews ("công tác thi đua,
	// khen thưởng"); taken from the title when blank.
	Subject string `yaml:"subject,omitempty" json:"subject,omitempty"`
	// Organizer is who holds the meeting ("Cụm thi đua ..."), written as
	// in a sentence; the issuing agency when blank.
	Organizer string `yaml:"organizer,omitempty" json:"organizer,omitempty"`
	// OrganizerType is the kind of body the organizer is, one of
	// BodyTypes; inferred from its name when blank.
	OrganizerType string `yaml:"organizer_type,omitempty" json:"organizer_type,omitempty"`
	// Chairs chair the meeting, in protocol order; several co-chair it.
	Chairs []Person `yaml:"chairs,omitempty" json:"chairs,omitempty"`
	// Secretary keeps the minutes.
	Secretary Person `yaml:"secretary,omitempty" json:"secretary,omitempty"`
	// Units are the units that attend (a cluster's member units), in
	// protocol order.
	Units []string `yaml:"units,omitempty" json:"units,omitempty"`
	// Participants are the groups that attend by role ("Trưởng các thôn,
	// bản"), which are not units.
	Participants []string `yaml:"participants,omitempty" json:"participants,omitempty"`
	// Attendance is how many were invited, present and absent.
	Attendance Attendance `yaml:"attendance,omitempty" json:"attendance,omitempty"`
	// Agenda is what the meeting heard and discussed, in order.
	Agenda []string `yaml:"agenda,omitempty" json:"agenda,omitempty"`
	// Attendees are the people invited, in protocol order.
	Attendees []Attendee `yaml:"attendees,omitempty" json:"attendees,omitempty"`
}

// Attendance is the headcount as the clerk knows it. Counts may be exact
// or approximate; a missing one is derived from the two others when both
// are exact. Complete says that Attendees is the whole list of those
// invited, so that it may be counted: a list of only the people worth
// naming never gives a count.
type Attendance struct {
	Invited  Count `yaml:"invited,omitempty" json:"invited,omitempty"`
	Present  Count `yaml:"present,omitempty" json:"present,omitempty"`
	Absent   Count `yaml:"absent,omitempty" json:"absent,omitempty"`
	Complete bool  `yaml:"complete,omitempty" json:"complete,omitempty"`
}

// Person is someone with a position in a unit.
type Person struct {
	// Honorific is how sentences address them: "đồng chí" when blank;
	// "ông", "bà" for a guest who is not a Party or State official, such
	// as a foreign delegate.
	Honorific string `yaml:"honorific,omitempty" json:"honorific,omitempty"`
	Name      string `yaml:"name,omitempty" json:"name,omitempty"`
	Position  string `yaml:"position,omitempty" json:"position,omitempty"`
	Unit      string `yaml:"unit,omitempty" json:"unit,omitempty"`
	// Role is the person's role in the meeting or the cluster ("Cụm trưởng").
	Role string `yaml:"role,omitempty" json:"role,omitempty"`
}

// Attendee is one person invited to the meeting.
type Attendee struct {
	Name     string `yaml:"name" json:"name"`
	Position string `yaml:"position,omitempty" json:"position,omitempty"`
	Unit     string `yaml:"unit,omitempty" json:"unit,omitempty"`
	// Absent marks an invited person who did not attend.
	Absent bool `yaml:"absent,omitempty" json:"absent,omitempty"`
	// Note is the Ghi chú ("Vắng có lý do", "Khách mời").
	Note string `yaml:"note,omitempty" json:"note,omitempty"`
}

// Results is the outcome of the period under review.
type Results struct {
	// Summary is the narrative, one Markdown paragraph each.
	Summary     []string `yaml:"summary,omitempty" json:"summary,omitempty"`
	Strengths   []string `yaml:"strengths,omitempty" json:"strengths,omitempty"`
	Limitations []string `yaml:"limitations,omitempty" json:"limitations,omitempty"`
	Table       Table    `yaml:"table,omitempty" json:"table,omitempty"`
}

// Table is a table of figures whose columns the file chooses.
type Table struct {
	Title   string   `yaml:"title,omitempty" json:"title,omitempty"`
	Columns []string `yaml:"columns,omitempty" json:"columns,omitempty"`
	// Rows hold one cell per column; numbers are written as they should
	// appear ("1.234", "95,5").
	Rows [][]Cell `yaml:"rows,omitempty" json:"rows,omitempty"`
}

// Speech is one opinion voiced in the discussion.
type Speech struct {
	// Honorific is as a Person's: "đồng chí" when blank.
	Honorific string `yaml:"honorific,omitempty" json:"honorific,omitempty"`
	Speaker   string `yaml:"speaker,omitempty" json:"speaker,omitempty"`
	Position  string `yaml:"position,omitempty" json:"position,omitempty"`
	Unit      string `yaml:"unit,omitempty" json:"unit,omitempty"`
	Content   string `yaml:"content" json:"content"`
}

// Task is one assignment agreed at the meeting.
type Task struct {
	Content  string   `yaml:"content" json:"content"`
	Lead     string   `yaml:"lead,omitempty" json:"lead,omitempty"`
	Support  []string `yaml:"support,omitempty" json:"support,omitempty"`
	Deadline Date     `yaml:"deadline,omitempty" json:"deadline,omitempty"`
	// Status is the follow-up state: one of TaskStatuses; blank means new.
	Status string `yaml:"status,omitempty" json:"status,omitempty"`
}

// TaskStatuses are the follow-up states a task can be in, as a clerk's
// drop-down shows them.
var TaskStatuses = []string{"Chưa thực hiện", "Đang thực hiện", "Đã hoàn thành", "Quá hạn"}

// PresentCount returns how many of the listed attendees were present.
func (i *Info) PresentCount() int {
	n := 0
	for _, a := range i.Attendees {
		if !a.Absent {
			n++
		}
	}
	return n
}
