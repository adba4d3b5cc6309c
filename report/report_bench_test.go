package report_test

import (
	"context"
	"io"
	"testing"

	"github.com/hoinghi/hoinghi/fonts"
	"github.com/hoinghi/hoinghi/report"
	"github.com/hoinghi/hoinghi/templates"
)

func newRenderer(b *testing.B) *report.Renderer {
	b.Helper()
	srcs, err := templates.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	r, err := report.New(fonts.Default(), srcs, "hoinghi bench")
	if err != nil {
		b.Fatal(err)
	}
	return r
}

// BenchmarkSeedPDF renders each document of the seed meeting, as a batch
// would: fonts and templates are loaded once, outside the loop.
func BenchmarkSeedPDF(b *testing.B) {
	r := newRenderer(b)
	m, err := r.Load("../samples/cum-thi-dua-2023.yaml")
	if err != nil {
		b.Fatal(err)
	}
	docs, err := r.Documents(m, nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range docs {
		b.Run(d.Kind, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := r.PDF(context.Background(), io.Discard, m.Meeting, d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLoad measures reading and validating the large sample.
func BenchmarkLoad(b *testing.B) {
	r := newRenderer(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Load("../samples/lon.yaml"); err != nil {
			b.Fatal(err)
		}
	}
}
