# The two commands in the README: `make site` builds the sample site, `make test` runs every test
# (Swift tests, then the browser tests in Tests/browser against the built sample site).
# Both install what is missing first (libcmark-dev; for the tests also chromium and Playwright), so they
# work on a fresh machine.

SWIFT ?= swift
CONTENT ?= Content
OUTPUT ?= Public

.PHONY: site test browser-test deps release check clean

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
	$(MAKE) browser-test

# Debian's chromium driven by Playwright for Python; builds the sample site itself with the debug binary.
browser-test:
	@bash .ci/install-deps --browser
	$(SWIFT) build --product verdict
	VERDICT=.build/debug/verdict python3 -m pytest -q -p no:cacheprovider Tests/browser

# The caches live beside the output folder: .Public.verdict-cache and .Public.verdict-reviews for Public
# (see BuildCache, ReviewCache).
clean:
	rm -rf .build $(OUTPUT)/* $(OUTPUT)/.verdict-output $(dir $(OUTPUT)).$(notdir $(OUTPUT)).verdict-cache \
		$(dir $(OUTPUT)).$(notdir $(OUTPUT)).verdict-reviews
