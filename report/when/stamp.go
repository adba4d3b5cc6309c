package when

import "time"

// Fixed is the date an output carries when nothing tells another.
var Fixed = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Stamp is the date an output carries as its creation and modification
// date, the one rule for every PDF, workbook and bundle: the document's
// date of issue, else the meeting's start, else epoch (SOURCE_DATE_EPOCH)
// when it is set, else Fixed. No clock is read, so that the same input
// gives the same bytes.
func Stamp(doc Date, meeting Moment, epoch *time.Time) time.Time {
	switch {
	case !doc.IsZero():
		return doc.Time()
	case !meeting.IsZero():
		return meeting.Time()
	case epoch != nil:
		return epoch.UTC()
	}
	return Fixed
}
