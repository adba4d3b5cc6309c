package web

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/meeting"
)

// fieldLabels name, for the clerk, the fields of a meeting and of the
// office profile that the page shows; a document's fields by their path
// inside the document. The office form labels its fields with them.
var fieldLabels = map[string]lang.Message{
	"issuer.parent":          lang.M("Parent agency"),
	"issuer.name":            lang.M("Name of the agency"),
	"issuer.code":            lang.M("Code in the document number"),
	"issuer.place":           lang.M("Place name of the date line"),
	"issuer.type":            lang.M("Kind of body"),
	"meeting.organizer":      lang.M("Organizer"),
	"meeting.organizer_type": lang.M("Kind of organizer"),
	"meeting.type":           lang.M("Kind of meeting"),
	"meeting.period":         lang.M("Period reviewed"),
	"meeting.next":           lang.M("Next period"),
	"meeting.subject":        lang.M("Subject reviewed"),
	"meeting.mode":           lang.M("How the meeting is held"),
	"render.formats":         lang.M("Formats"),
	"render.sort":            lang.M("Order of the attendance list"),
	"render.electronic":      lang.M("Electronic documents"),
	"render.fonts":           lang.M("Fonts folder (Times New Roman files), blank for the built-in fonts"),
	"kind":                   lang.M("Kind of document"),
	"to":                     lang.M("Addressees (Kính gửi)"),
	"recipients":             lang.M("Recipients"),
	"archive":                lang.M("Archive line (Lưu)"),
	"annex":                  lang.M("Annex"),
	"signer.titles":          lang.M("Signer's titles"),
	"signer.name":            lang.M("Signer's name"),
	"secretary.titles":       lang.M("Secretary's titles"),
	"secretary.name":         lang.M("Secretary's name"),
}

// fieldChoices are the fields whose values are codes, with the names of
// the codes.
var fieldChoices = map[string][]meeting.Choice{
	"issuer.type":            meeting.BodyTypes,
	"meeting.organizer_type": meeting.BodyTypes,
	"meeting.type":           meeting.MeetingTypes,
	"meeting.mode":           meeting.Modes,
}

// documentField splits a path into a document's fields — documents[0].X
// of a meeting, documents.thong-bao.X of the office profile — into the
// document's index or kind and X.
var documentField = regexp.MustCompile(`^documents(?:\[(\d+)\]|\.([a-z0-9-]+))\.([a-z_.]+)$`)

// listItem is the index that ends the path of an item of a list, which
// the page names as the list.
var listItem = regexp.MustCompile(`\[\d+\]$`)

// field is what the page says of the field at path: its label, and the
// document kind it belongs to, if any. kinds are the kinds of a meeting's
// documents, by index.
func field(path string, kinds []string) (label lang.Message, kind string, ok bool) {
	path = listItem.ReplaceAllString(path, "")
	if m := documentField.FindStringSubmatch(path); m != nil {
		kind = m[2]
		if i, err := strconv.Atoi(m[1]); err == nil && i < len(kinds) {
			kind = kinds[i]
		}
		label, ok = fieldLabels[m[3]]
		return label, kind, ok
	}
	label, ok = fieldLabels[path]
	return label, "", ok
}

// fieldName is the field at path as the page names it, "" when it has no
// label: the kind of document first for a document's field.
func fieldName(path string, kinds []string) lang.Message {
	label, kind, ok := field(path, kinds)
	switch {
	case !ok:
		return lang.Message{}
	case kind != "":
		return lang.M("%s: %s", kindLabel(kind), label)
	}
	return label
}

// valueName is the readable name of a coded value of the field at path,
// "" for a value that is not a code.
func valueName(path, value string) lang.Message {
	if m := documentField.FindStringSubmatch(path); m != nil && m[3] == "kind" {
		return kindLabel(value)
	}
	for _, c := range fieldChoices[path] {
		if c.Code == value {
			return c.Text
		}
	}
	return lang.Message{}
}

// formID is the id of the office form's input of a profile field, ""
// when the form has none.
func formID(path string) string {
	path = listItem.ReplaceAllString(path, "")
	if m := documentField.FindStringSubmatch(path); m != nil && m[2] != "" {
		switch f := m[3]; f {
		case "signer.titles":
			return m[2] + "-titles"
		case "signer.name":
			return m[2] + "-name"
		case "secretary.titles", "secretary.name", "recipients", "archive":
			return m[2] + "-" + strings.ReplaceAll(f, ".", "-")
		}
		return ""
	}
	switch path {
	case "issuer.parent", "issuer.name", "issuer.code", "issuer.place", "issuer.type", "render.sort", "render.fonts":
		return strings.ReplaceAll(path, ".", "-")
	case "render.formats":
		return "render-pdf"
	}
	return ""
}
