package batch

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"

	"github.com/hoinghi/hoinghi/internal/input"
	"github.com/hoinghi/hoinghi/report/atomic"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/lang"
)

// Manifest records a batch: for every input its hash and status, and for
// every output its path, size and hash, so that a script can check what
// happened, find the attachments and their sizes, and a later run can skip
// what has not changed. manifest.schema.json describes it.
type Manifest struct {
	// Tool is the program that wrote it: "hoinghi v1.0.0".
	Tool string `json:"tool"`
	// Options says what was rendered: kinds, formats, sort, bundle. A run
	// with other options renders everything again.
	Options string `json:"options"`
	// Inputs are the meetings, sorted by path: those done, and those a
	// stopped batch did not do, as cancelled.
	Inputs []Entry `json:"inputs"`
}

// Entry is one meeting of a batch.
type Entry struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256,omitempty"`
	// Profile is the SHA-256 of the office profile the meeting was
	// completed with, if any.
	Profile string `json:"profile_sha256,omitempty"`
	// Options are the options, fonts and templates the meeting was
	// rendered with, as Manifest.Options.
	Options  string    `json:"options,omitempty"`
	Status   string    `json:"status"`
	Error    string    `json:"error,omitempty"`
	Problems []Problem `json:"problems,omitempty"`
	Outputs  []Output  `json:"outputs,omitempty"`
	// cause is the error of a failed meeting, for printing in the user's
	// language.
	cause error
}

// Cause is the error a failed meeting failed with.
func (e Entry) Cause() error { return e.cause }

// Problem is one problem of an invalid meeting file, as the manifest
// records it.
type Problem struct {
	// File is where the problem is when it is not the meeting file: its
	// office profile, a template.
	File   string `json:"file,omitempty"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
	// Cell is the place in an input workbook: "Đại biểu!B14".
	Cell    string `json:"cell,omitempty"`
	Field   string `json:"field,omitempty"`
	Message string `json:"message"`
	// Diag is the problem itself, for printing in the user's language.
	Diag diag.Problem `json:"-"`
}

// Output is one file written, relative to the output root.
type Output struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
	// Signatures are the digital signatures of a PDF signed by the
	// batch, in the order they were made.
	Signatures []Signature `json:"signatures,omitempty"`
}

// Signature is one digital signature of an output.
type Signature struct {
	// File is the PDF signed, in a bundle; empty when the output is
	// the PDF.
	File string `json:"file,omitempty"`
	// Role is signer (người ký) or agency (cơ quan).
	Role string `json:"role"`
	// Subject is the distinguished name of the certificate.
	Subject string `json:"subject"`
	// Time is the signing time, RFC 3339 in the Vietnam time zone.
	Time string `json:"time"`
	// Certificate is the SHA-256 of the certificate, in hex.
	Certificate string `json:"certificate_sha256"`
}

//go:embed manifest.schema.json
var schema []byte

// Schema returns the JSON Schema of the manifest.
func Schema() []byte { return append([]byte(nil), schema...) }

// Failed counts the meetings that failed.
func (m *Manifest) Failed() int { return m.count(StatusFailed) }

// Skipped counts the files found but not read.
func (m *Manifest) Skipped() int { return m.count(StatusSkipped) }

// Done counts the meetings that were rendered, unchanged or failed: all
// but the cancelled and the skipped.
func (m *Manifest) Done() int {
	return len(m.Inputs) - m.count(StatusCancelled) - m.count(StatusSkipped)
}

func (m *Manifest) count(status string) int {
	n := 0
	for _, e := range m.Inputs {
		if e.Status == status {
			n++
		}
	}
	return n
}

// Write writes the manifest atomically, as stable, indented JSON.
func (m *Manifest) Write(path string) error {
	if m.Inputs == nil {
		m.Inputs = []Entry{}
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return atomic.WriteFile(path, append(data, '\n'))
}

// maxManifest is the largest earlier manifest read: some 400 bytes a
// meeting, for a million meetings.
const maxManifest = 512 << 20

// ReadManifest reads the manifest of an earlier run, a regular file; a
// missing file is no manifest, not an error.
func ReadManifest(path string) (*Manifest, error) {
	data, err := input.Read(path, lang.M("the manifest"), maxManifest)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s: not a hoinghi manifest: %w", path, err)
	}
	return &m, nil
}
