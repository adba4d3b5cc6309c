package meeting

import (
	_ "embed"
	"slices"
)

//go:embed starter.yaml
var starter []byte

// Starter returns the commented meeting file that `hoinghi init` writes:
// every field with an example value and a Vietnamese comment on what it is,
// whether it is required and how to write it, so that a clerk starts from a
// file that already loads and replaces values instead of learning the
// format first. Its first line points editors at hoinghi.schema.json beside
// it, a file `hoinghi schema` writes: a relative path works offline and
// always matches the binary in use, where a URL would need a network and
// could describe another version. A test checks that it loads without
// problems. Each call returns a fresh copy.
func Starter() []byte { return slices.Clone(starter) }
