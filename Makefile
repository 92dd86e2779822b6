# Poise: two commands on a fresh Debian/Ubuntu machine.
#   make run    installs missing system packages, builds, starts the app
#   make test   everything CI runs (.ci/run calls it)
#
# Fyne is built "migrated" to its 2.6+ threading model (FyneApp.toml's
# [Migrations] fyneDo), so every build and test passes this tag.
TAGS  := migrated_fynedo
GO    ?= go
BIN   := poise
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
# FyneApp.toml holds the one version number; the binary reports it.
VERSION := $(shell sed -n 's/^ *Version = "\(.*\)"/\1/p' FyneApp.toml)

.PHONY: run build deps test-deps test fmt-check vet staticcheck unit domain-nocgo fuzz smoke package bench clean

run: build
	./$(BIN)

build: deps
	@echo "Building $(BIN). The first build compiles Fyne's C parts: about 3 minutes on 2 cores, later builds take seconds."
	$(GO) build -tags $(TAGS) -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/poise

deps:
	@scripts/system-deps.sh build

test-deps:
	@scripts/system-deps.sh test

test: test-deps fmt-check vet staticcheck unit third-party domain-nocgo fuzz smoke
	@echo "make test: all checks passed"

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change these files (run gofmt -w):"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet -tags $(TAGS) ./...

staticcheck:
	$(GO) run $(STATICCHECK) -tags $(TAGS) ./...

unit:
	$(GO) test -tags $(TAGS) -race -timeout 25m ./...

# The patched copies of dependencies (third_party/*, each its own module,
# so ./... above does not reach them) run their own tests: the checks of
# each patch that live beside it, such as vellum's concurrent first use.
third-party:
	@for m in third_party/*/go.mod; do d=$$(dirname $$m); echo "go test $$d"; \
	  (cd $$d && $(GO) test -short -race -count=1 ./...) || exit 1; done

# The domain must build and test without cgo or X11 headers, and never
# depend on Fyne: only app/ and cmd/ need Fyne's native parts.
domain-nocgo:
	@if $(GO) list -deps ./kb/... ./journal/... | grep '^fyne.io/'; then echo "kb/ or journal/ depends on Fyne"; exit 1; fi
	@if $(GO) list -deps ./journal/... | grep '^github.com/yuin/goldmark'; then echo "journal/ depends on goldmark: keep markdown in kb/ or internal/"; exit 1; fi
	CGO_ENABLED=0 $(GO) test -count=1 ./kb/... ./journal/...

fuzz:
	@FUZZTIME=$${FUZZTIME:-8s} scripts/fuzz.sh

smoke: build
	@mkdir -p .shots
	scripts/smoke.sh ./$(BIN) .shots/smoke.png

bench:
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem ./...

# A Linux release archive (Poise.tar.xz) from the top-level FyneApp.toml:
# we build cmd/poise ourselves (fyne package only builds its own folder) and
# hand the binary over with --exe.
package: build
	$(GO) run fyne.io/tools/cmd/fyne@v1.7.4 package -os linux --exe $(BIN) --release

clean:
	rm -f $(BIN) Poise.tar.xz
	rm -rf .shots
