package batch

// IsMeeting reports whether a batch takes the file at path, found in a
// folder, for a meeting file: a YAML or JSON file or an input workbook,
// not an office profile, a manifest, an attendance workbook or Excel's
// lock file.
func IsMeeting(path string) bool { return isMeeting(path) }
