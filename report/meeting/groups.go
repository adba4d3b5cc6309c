package meeting

import "strings"

// OtherUnit heads the attendees who were given no unit.
const OtherUnit = "Đại biểu khác"

// Group is the attendees of one unit, in the order they were listed.
type Group struct {
	// Unit is blank for the attendees of no unit.
	Unit      string
	Attendees []Attendee
}

// Label is how lists name the group.
func (g Group) Label() string {
	if g.Unit == "" {
		return OtherUnit
	}
	return g.Unit
}

// Groups returns the attendees grouped by unit in protocol order: each
// unit where it first appears in the attendee list, which a clerk writes
// in protocol order (guests of higher rank first); then the member units
// no attendee came from, empty, so that a summary can show them; then the
// attendees of no unit. The attendance workbook and the annex share this
// order, so a clerk sees one list everywhere.
func (i *Info) Groups() []Group {
	var groups []Group
	at := map[string]int{}
	add := func(unit string) int {
		if g, ok := at[unit]; ok {
			return g
		}
		at[unit] = len(groups)
		groups = append(groups, Group{Unit: unit})
		return at[unit]
	}
	var others []Attendee
	for _, a := range i.Attendees {
		unit := strings.TrimSpace(a.Unit)
		if unit == "" {
			others = append(others, a)
			continue
		}
		g := add(unit)
		groups[g].Attendees = append(groups[g].Attendees, a)
	}
	for _, u := range i.Units {
		if u = strings.TrimSpace(u); u != "" {
			add(u)
		}
	}
	if len(others) > 0 {
		groups = append(groups, Group{Attendees: others})
	}
	return groups
}
