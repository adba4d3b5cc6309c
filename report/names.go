package report

import (
	"strings"
	"unicode/utf8"

	"github.com/hoinghi/hoinghi/report/atomic"
)

// maxName is the longest name of a file or folder most file systems
// allow, in bytes.
const maxName = 255

// SafeName makes name a file or folder name that every common system
// accepts, keeping room for an extension of extra bytes and the
// temporary name atomic writes under. Every name hoinghi makes from what
// a user typed — a kind, a file's or a folder's name — goes through it:
// a name Windows reserves (CON, PRN, AUX, NUL, COM1–9, LPT1–9 and
// COM¹²³, LPT¹²³, in any case, with any extension) and a name that
// starts with a dash, which a command would take for an option, or a
// dot, which hides it, get a leading "_"; trailing dots and spaces, which
// Windows drops, go; a name left empty becomes "_"; and a name too long
// is cut at a character boundary.
func SafeName(name string, extra int) string {
	name = strings.TrimRight(name, ". ")
	if limit := maxName - extra - atomic.TempExtra - len("_"); len(name) > limit {
		for limit > 0 && !utf8.RuneStart(name[limit]) {
			limit--
		}
		name = strings.TrimRight(name[:limit], ". ")
	}
	if name == "" {
		return "_"
	}
	if stem, _, _ := strings.Cut(name, "."); reserved(stem) || strings.HasPrefix(name, "-") || stem == "" {
		name = "_" + name
	}
	return name
}

// reserved reports whether stem, a name up to its first dot, is a device
// name of Windows.
func reserved(stem string) bool {
	s := strings.ToUpper(strings.TrimRight(stem, " "))
	switch s {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	port, ok := strings.CutPrefix(s, "COM")
	if !ok {
		port, ok = strings.CutPrefix(s, "LPT")
	}
	return ok && (len(port) == 1 && port[0] >= '1' && port[0] <= '9' || port == "¹" || port == "²" || port == "³")
}
