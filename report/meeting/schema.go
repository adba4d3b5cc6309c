package meeting

import (
	_ "embed"
	"slices"
)

//go:embed schema.json
var schema []byte

// Schema returns the JSON Schema (draft 2020-12) of the meeting file, with
// Vietnamese descriptions. `hoinghi schema` prints it, so that an editor can
// validate and complete a meeting file as the clerk types, long before Load
// sees it. The schema is embedded rather than served from a URL because
// offices often work offline and because the binary that reads a file must
// describe exactly the format it reads. A test keeps it equal to the Go
// types and to what validate requires. Each call returns a fresh copy, so
// that no caller can change what the next one prints.
func Schema() []byte { return slices.Clone(schema) }
