package profile

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/hoinghi/hoinghi/report/lang"
)

// TrustVar lists, separated as PATH is, the profiles and the folders that
// the user trusts although another user owns them or could change them, as
// git's safe.directory does for a repository: a folder trusts everything
// below it.
const TrustVar = "HOINGHI_TRUST"

// MaxSize is the most bytes a profile may hold. A real one is a few
// kilobytes; a larger file is not a profile and is not read.
const MaxSize = 1 << 20

// untrusted says why hoinghi may not follow path, a profile or a folder or
// file it names: another user owns it, or could change or replace it — it
// or the folder it is in, before and after following a symbolic link. A
// path listed in HOINGHI_TRUST is trusted whatever its owner and mode. A
// path that cannot be looked at is left to its reader to report.
func untrusted(path string) (lang.Message, bool) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return lang.Message{}, false
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		real = abs
	}
	if trusted(abs) || trusted(real) {
		return lang.Message{}, false
	}
	for _, p := range []string{abs, filepath.Dir(abs), real, filepath.Dir(real)} {
		info, err := os.Stat(p)
		if err != nil {
			continue
		}
		if why, bad := unsafeInfo(p, info); bad {
			return why, true
		}
	}
	return lang.Message{}, false
}

// trusted reports whether HOINGHI_TRUST lists the absolute path abs or a
// folder above it.
func trusted(abs string) bool {
	for _, t := range filepath.SplitList(os.Getenv(TrustVar)) {
		if t == "" {
			continue
		}
		t, err := filepath.Abs(t)
		if err != nil {
			continue
		}
		if abs == t || strings.HasPrefix(abs, strings.TrimSuffix(t, string(filepath.Separator))+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// distrust is the problem of a profile, or of a folder it names (dir is
// "" for the profile itself), that untrusted refuses.
func distrust(path, dir string, why lang.Message) lang.Message {
	if dir == "" {
		return lang.M("this office profile is not trusted: %s. If you trust it, list it in %s (as %s=%s)", why, TrustVar, TrustVar, absPath(path))
	}
	return lang.M("the folder %s is not trusted: %s. If you trust it, list it in %s (as %s=%s)", dir, why, TrustVar, TrustVar, absPath(dir))
}

// absPath is path made absolute, or as it is when it cannot be.
func absPath(path string) string {
	if a, err := filepath.Abs(path); err == nil {
		return a
	}
	return path
}
