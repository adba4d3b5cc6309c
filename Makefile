# hoinghi — see README.md.
#
#   make samples   render every sample into out/
#   make test      install the readers the tests need, then vet and test
#   make bench     run the benchmarks (compare runs with benchstat)

GO      ?= go
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all build samples test deps lint bench clean

all: build

build:
	$(GO) build -o hoinghi ./cmd/hoinghi

samples:
	$(GO) run ./cmd/hoinghi render -o out samples/*.yaml

# The tests read every output back with independent readers: poppler and
# qpdf for PDFs, LibreOffice for workbooks. Install them when they are missing.
deps:
	@if ! command -v pdftotext >/dev/null || ! command -v qpdf >/dev/null || ! command -v soffice >/dev/null; then \
		echo "installing poppler-utils, qpdf and LibreOffice Calc for the tests"; \
		$(SUDO) apt-get update -q && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q poppler-utils qpdf libreoffice-calc-nogui; \
	fi

lint:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt would change: $$out"; exit 1; fi
	$(GO) vet ./...

test: deps lint
	$(GO) test ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 6 ./... | tee bench.txt

clean:
	rm -rf hoinghi out bench.txt
