# The two commands in the README: `make site` builds the sample site, `make test` runs every test.
# Both install what is missing first (libcmark-dev), so they work on a fresh machine.

SWIFT ?= swift
CONTENT ?= Content
OUTPUT ?= Public

.PHONY: site test deps release check clean

deps:
	@bash .ci/install-deps

release: deps
	$(SWIFT) build -c release --product verdict

site: release
	.build/release/verdict build --content $(CONTENT) --output $(OUTPUT)

check: release
	.build/release/verdict check --content $(CONTENT) --strict

test: deps
	$(SWIFT) test

# The build cache lives beside the output folder: .Public.verdict-cache for Public (see BuildCache).
clean:
	rm -rf .build $(OUTPUT)/* $(OUTPUT)/.verdict-output $(dir $(OUTPUT)).$(notdir $(OUTPUT)).verdict-cache
