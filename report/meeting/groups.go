package meeting

import "strings"

// OtherUnit heads the attendees who were given no unit.
const OtherUnit = "Đại biểu khác"

// Group is the attendees of one unit, in the order they were listed.
type Group struct {
	Unit      string
	Attendees []Attendee
}

// Groups returns the attendees grouped by unit in protocol order: the
// member units in the order of Units, then any other unit in the order it
// first appears, then those without a unit. Attendance lists and annexes
// share this order, so a clerk sees the same list everywhere.
func (i *Info) Groups() []Group {
	var groups []Group
	at := map[string]int{}
	add := func(unit string) int {
		key := strings.TrimSpace(unit)
		if g, ok := at[key]; ok {
			return g
		}
		at[key] = len(groups)
		groups = append(groups, Group{Unit: key})
		return at[key]
	}
	for _, u := range i.Units {
		add(u)
	}
	var others []Attendee
	for _, a := range i.Attendees {
		if strings.TrimSpace(a.Unit) == "" {
			others = append(others, a)
			continue
		}
		g := add(a.Unit)
		groups[g].Attendees = append(groups[g].Attendees, a)
	}
	if len(others) > 0 {
		groups = append(groups, Group{Unit: OtherUnit, Attendees: others})
	}
	kept := groups[:0]
	for _, g := range groups {
		if len(g.Attendees) > 0 {
			kept = append(kept, g)
		}
	}
	return kept
}
