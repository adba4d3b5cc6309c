package report

import (
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/meeting"
	"github.com/hoinghi/hoinghi/report/profile"
	"golang.org/x/text/language"
)

// Origin is where one value of a loaded meeting comes from: the meeting
// file or the office profile that writes it, or, when From is set, the
// fields it was inferred from, File then being "".
type Origin struct {
	profile.Source
	// From says what an inferred value was worked out from: "the title".
	From lang.Message
}

// Inferred reports whether the value was worked out from other fields
// rather than written.
func (o Origin) Inferred() bool { return o.From.Key != "" }

// In is the origin as validate --explain prints it: "file:line:col:
// field: value" for a value written, as a problem is placed, and "field:
// value (inferred from …)" for one inferred, in tag.
func (o Origin) In(tag language.Tag) string {
	if o.Inferred() {
		return lang.M("%s: %s (inferred from %s)", o.Path, o.Value, o.From).In(tag)
	}
	return o.String()
}

// Explain says where the values of l come from, for validate --explain
// and the page of hoinghi serve: first each field the office profile can
// give, in the order of a meeting file, from the meeting or the profile;
// then each value inferred from other fields, as meeting.Infer works them
// out.
func (l *Loaded) Explain() []Origin {
	var out []Origin
	for _, s := range l.Sources {
		out = append(out, Origin{Source: s})
	}
	for _, in := range meeting.Infer(l.Meeting).Inferred {
		out = append(out, Origin{Source: profile.Source{Path: in.Path, Value: in.Value}, From: in.From})
	}
	return out
}
