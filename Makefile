# hoinghi — see README.md.
#
#   make samples   render every sample into out/
#   make test      install the readers the tests need, then vet and test
#   make bench     run the benchmarks (compare runs with benchstat)
#   make fuzz      run each fuzz target for FUZZTIME (60s), one after the other
#   make previews  redraw the pictures of docs/ from the samples
#   make dist      build the six archives of a release and SHA256SUMS into dist/

GO      ?= go
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all build samples test deps lint bench fuzz previews dist clean

all: build

build:
	$(GO) build -o hoinghi ./cmd/hoinghi

samples:
	$(GO) run ./cmd/hoinghi render -o out samples/*.yaml

# The tests read every output back with independent readers, each from
# a Debian package, listed here as package=what-the-tests-run (a command,
# or a file for a package that has no command of its own):
#   poppler and qpdf for PDFs, pdfsig for their signatures;
#   LibreOffice Calc and Writer for workbooks and Word documents,
#   python-docx (Debian's, for Debian's python3) and xmllint for the parts
#   of a .docx, and the Open XML SDK's validator (@ooxml-tools/validate,
#   built to WebAssembly, run by Node, from npm) for their schema;
#   Chromium, headless, with its Vietnamese locale, for the web page;
#   unzip for bundles and release archives; bash-completion for the
#   completion script; SoftHSM2 as the PKCS#11 token of the signing tests,
#   OpenSC's pkcs11-tool to store certificates on it, NSS's certutil for
#   the database pdfsig trusts the tests' CA through, and openssl;
#   the font folders they load, and DejaVu Serif, a wider font than Times;
#   MinGW-w64, the C compiler of the Windows program, which make dist
#   builds with cgo for USB tokens, and its objdump.
# Only the missing packages are installed.
LO   := /usr/lib/libreoffice/program
DEBS := poppler-utils=pdftotext qpdf=qpdf \
	libreoffice-calc-nogui=$(LO)/libsclo.so libreoffice-writer-nogui=$(LO)/libmswordlo.so \
	python3-docx=/usr/lib/python3/dist-packages/docx/__init__.py libxml2-utils=xmllint nodejs=node npm=npm \
	chromium=/usr/bin/chromium chromium-l10n=/usr/lib/chromium/locales/vi.pak \
	unzip=unzip bash-completion=/usr/share/bash-completion/bash_completion \
	softhsm2=softhsm2-util opensc=pkcs11-tool libnss3-tools=certutil openssl=openssl \
	fonts-liberation2=/usr/share/fonts/truetype/liberation2 fonts-dejavu-core=/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf \
	fonts-dejavu-extra=/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf \
	gcc-mingw-w64-x86-64-win32=x86_64-w64-mingw32-gcc
OOXML_VALIDATE := @ooxml-tools/validate@0.4.6
deps:
	@missing=; for d in $(DEBS); do pkg=$${d%%=*}; need=$${d#*=}; \
		case $$need in /*) [ -e $$need ] ;; *) command -v $$need >/dev/null ;; esac || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing for the tests:$$missing"; \
		$(SUDO) apt-get update -q && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	fi
	@if [ ! -f "$$(npm root -g 2>/dev/null)/@ooxml-tools/validate/package.json" ]; then \
		echo "installing the Open XML SDK validator ($(OOXML_VALIDATE)) for the tests"; \
		$(SUDO) npm install -g --no-fund --no-audit $(OOXML_VALIDATE); \
	fi

# The Windows and macOS programs are built and vetted too, so that a
# change that breaks them is known before a release.
lint:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt would change: $$out"; exit 1; fi
	$(GO) vet ./...
	GOOS=windows $(GO) vet ./...
	GOOS=darwin $(GO) vet ./...
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) build -o /dev/null ./cmd/hoinghi
	CGO_ENABLED=0 GOOS=darwin GOARCH=arm64 $(GO) build -o /dev/null ./cmd/hoinghi

# The race detector runs over every test: batches render in parallel.
# The Windows program of a release, built with cgo, is checked after
# them, on its own (internal/dist/windows_test.go).
test: deps lint
	$(GO) test -race ./...
	$(GO) test -tags release -run TestWindowsProgram ./internal/dist

bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 6 ./... | tee bench.txt

# Each fuzz target runs for FUZZTIME in turn, and its count of executions
# is printed; its log is out/fuzz-<target>.log, and an input that fails is
# saved under its package's testdata/fuzz/ to be kept as a regression
# seed. New inputs are not minimized: that took most of the time, up to a
# minute an input (FuzzRender ran 746 inputs in 4 minutes, FuzzLoad 8,211
# in 15 s instead of 654,764). FUZZ=report:FuzzRender runs one target.
FUZZTIME ?= 60s
FUZZ     ?= report/meeting:FuzzParse report/workbook:FuzzRead report/profile:FuzzProfile report/profile:FuzzEncode fonts:FuzzLoad templates:FuzzTemplate report:FuzzRender report/sign:FuzzSign
fuzz:
	@mkdir -p out; failed=; for t in $(FUZZ); do \
		pkg=$${t%%:*}; name=$${t#*:}; log=out/fuzz-$$name.log; \
		if $(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 0 -timeout 0 ./$$pkg >$$log 2>&1; then \
			echo "$$name: $$(grep -o 'execs: [0-9]*' $$log | tail -1 | cut -d' ' -f2) executions in $(FUZZTIME), no finding"; \
		else \
			cat $$log; echo "$$name: FAILED (see $$log)"; failed=1; \
		fi; \
	done; [ -z "$$failed" ]

# The README shows the first page of each document and of the workbook of
# the seed, and the thông báo of two other kinds of meeting: a commune's
# monthly session and a Party committee's; and the seed's thông báo as
# LibreOffice opens its .docx. docs/previews.sha256 records
# the outputs they were drawn from; a test fails when the samples,
# templates or layout change and they are stale.
PREVIEW := out/previews
SEED    := $(PREVIEW)/cum-thi-dua-2023
XA      := $(PREVIEW)/01-xa-phien-hop-thuong-ky
DANG    := $(PREVIEW)/09-ban-thuong-vu-huyen-uy
DOCX    := $(PREVIEW)/docx
EFORM   := $(PREVIEW)/dien-tu
previews: deps
	rm -rf $(PREVIEW) docs/dien-tu && mkdir -p $(SEED) $(XA) $(DANG) $(DOCX) $(EFORM) docs/dien-tu
	$(GO) run -buildvcs=false ./cmd/hoinghi render -o $(SEED) samples/cum-thi-dua-2023.yaml
	$(GO) run -buildvcs=false ./cmd/hoinghi render --kind thong-bao --format pdf -o $(XA) samples/corpus/01-xa-phien-hop-thuong-ky.yaml
	$(GO) run -buildvcs=false ./cmd/hoinghi render --kind thong-bao --format pdf -o $(DANG) samples/corpus/09-ban-thuong-vu-huyen-uy.yaml
	$(GO) run -buildvcs=false ./cmd/hoinghi render --kind thong-bao --format docx -o $(DOCX) samples/cum-thi-dua-2023.yaml
	for kind in thong-bao bao-cao bien-ban; do \
		pdftoppm -r 60 -f 1 -l 1 -png -singlefile $(SEED)/$$kind-*.pdf docs/$$kind || exit 1; \
	done
	pdftoppm -r 60 -f 1 -l 1 -png -singlefile $(XA)/thong-bao-*.pdf docs/xa-thong-bao
	pdftoppm -r 60 -f 1 -l 1 -png -singlefile $(DANG)/thong-bao-*.pdf docs/dang-thong-bao
	soffice -env:UserInstallation=file://$(abspath $(PREVIEW))/lo --headless --convert-to pdf --outdir $(PREVIEW)/lo $(SEED)/danh-sach-dai-bieu-*.xlsx $(DOCX)/thong-bao-*.docx >/dev/null
	pdftoppm -r 60 -f 1 -l 1 -png -singlefile $(PREVIEW)/lo/danh-sach-dai-bieu-*.pdf docs/danh-sach-dai-bieu
	pdftoppm -r 60 -f 1 -l 1 -png -singlefile $(PREVIEW)/lo/thong-bao-*.pdf docs/docx-thong-bao
	# Each sample's documents in the e-document form, page 1 and the page
	# the signature block is on, beside their paper form's page 1.
	for s in cum-thi-dua-2023 lon; do \
		$(GO) run -buildvcs=false ./cmd/hoinghi render --electronic --format pdf -o $(EFORM)/$$s samples/$$s.yaml || exit 1; \
		$(GO) run -buildvcs=false ./cmd/hoinghi render --format pdf -o $(PREVIEW)/giay/$$s samples/$$s.yaml || exit 1; \
		for kind in thong-bao bao-cao bien-ban; do \
			pdf=$$(ls $(EFORM)/$$s/$$kind-*.pdf) && \
			pdftoppm -r 40 -gray -f 1 -l 1 -png -singlefile $$pdf docs/dien-tu/$$s-$$kind && \
			pdftoppm -r 40 -gray -f 1 -l 1 -png -singlefile $(PREVIEW)/giay/$$s/$$kind-*.pdf docs/dien-tu/$$s-$$kind-giay && \
			n=$$(pdfinfo $$pdf | awk '/^Pages:/ {print $$2}') && \
			while [ $$n -gt 1 ] && ! pdftotext -f $$n -l $$n $$pdf - | grep -q "Nơi nhận"; do n=$$((n-1)); done && \
			pdftoppm -r 40 -gray -f $$n -l $$n -png -singlefile $$pdf docs/dien-tu/$$s-$$kind-ky || exit 1; \
		done; \
	done
	cd $(PREVIEW) && sha256sum cum-thi-dua-2023/* 0*/*.pdf docx/*.docx dien-tu/*/*.pdf > ../../docs/previews.sha256

# The archives to download: hoinghi for Windows, macOS and Linux, stamped
# with the tag or v0.x.y-dev+COMMIT, with the README and the guide, and
# their SHA256SUMS (see internal/dist). The same bytes on every run of a
# commit; .goreleaser.yaml makes the same archives from a tag.
dist: deps
	rm -rf dist
	$(GO) run ./internal/dist -o dist

clean:
	rm -rf hoinghi out dist bench.txt
