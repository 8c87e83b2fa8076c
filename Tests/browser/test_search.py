"""Search: the header box on every page and the /search/ page, from /search-index.json, offline,
by keyboard, and without JavaScript."""

import pathlib
import re
import shutil
import tempfile
import urllib.parse

import pytest

from conftest import ROOT, build_site, page_errors


def open_page(browser, base_url, path, **options):
    context = browser.new_context(**options)
    page = context.new_page()
    outside = []
    page.on("request", lambda request: None if request.url.startswith(base_url) or request.url.startswith("data:")
            else outside.append(request.url))
    errors = page_errors(page)
    page.goto(base_url + path, wait_until="load")
    return context, page, outside, errors


def header_box(page):
    box = page.locator("header form[role=search] input[type=search]")
    assert box.count() == 1, "the page header has no search box (form[role=search] input[type=search])"
    return box


def option_links(page):
    listbox_id = header_box(page).get_attribute("aria-controls")
    assert listbox_id, "the search box has no aria-controls pointing at its results"
    return page.locator(f"#{listbox_id} [role=option] a").evaluate_all("as => as.map(a => new URL(a.href).pathname)")


def typed(page, text):
    box = header_box(page)
    box.fill("")
    box.press_sequentially(text, delay=20)
    page.wait_for_function("id => { const l = document.getElementById(id); return l && !l.hidden && l.querySelector('[role=option]') }",
                           arg=box.get_attribute("aria-controls"), timeout=5_000)
    return option_links(page)


@pytest.mark.parametrize("query, expected", [
    ("nano", "/models/gpt-4-1-nano/"),                       # review title
    ("gpt-4.1-mini-2025", "/models/gpt-4-1-mini/"),          # model id
    ("meta-llama/llama-3.1", "/models/llama-3-1-8b/"),       # alias (the review's `aliases`)
    ("anthropic", "/models/claude-3-5-haiku/"),              # vendor
    ("customer", "/usecases/customer-service/"),             # use case
    ("extraction", "/capabilities/extraction/"),             # capability
    ("qwen", "/benchmarks/leaderboard/"),                    # a model of the newest snapshot with no review
])
def test_header_search_finds_as_you_type(browser, base_url, query, expected):
    context, page, outside, errors = open_page(browser, base_url, "/about/")
    found = typed(page, query)
    assert expected in found, f"typing {query!r} in the header box listed {found}, not {expected}"
    assert not outside, f"search loaded from outside the site: {outside}"
    assert not errors, f"script errors: {errors}"
    context.close()


def test_search_by_keyboard_and_screen_reader(browser, base_url):
    context, page, _, errors = open_page(browser, base_url, "/")
    box = header_box(page)
    assert box.get_attribute("role") == "combobox", "the search box is not an ARIA combobox"
    assert box.get_attribute("aria-expanded") == "false", "the closed search box should say aria-expanded=false"
    found = typed(page, "haiku")
    assert found, "no results for haiku"
    assert box.get_attribute("aria-expanded") == "true"
    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    assert listbox.get_attribute("role") == "listbox"
    live = page.locator("header [aria-live]")
    assert live.count() >= 1 and re.search(r"\d+ result", live.first.inner_text()), \
        "no live region announces the number of results"
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert active and page.locator(f"#{active}").get_attribute("aria-selected") == "true", \
        "ArrowDown did not make the first result the active descendant"
    target = page.locator(f"#{active} a").evaluate("a => new URL(a.href).pathname")
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false" and listbox.is_hidden(), "Escape did not close the results"
    typed(page, "haiku")
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url(re.compile(re.escape(target) + "$"), timeout=5_000)
    assert not errors, f"script errors: {errors}"
    context.close()


def test_search_page_works_alone(browser, base_url):
    context, page, outside, errors = open_page(browser, base_url, "/search/?q=" + urllib.parse.quote("mistral"))
    results = page.locator("main [data-search-results] a").evaluate_all("as => as.map(a => new URL(a.href).pathname)")
    assert "/models/mistral-small/" in results, f"/search/?q=mistral lists {results}"
    field = page.locator("main input[type=search]")
    assert field.input_value() == "mistral", "the search page does not show the query it was opened with"
    field.fill("llama")
    page.wait_for_function("() => Array.from(document.querySelectorAll('main [data-search-results] a'))"
                           ".some(a => a.href.includes('/models/llama-3-1-8b/'))", timeout=5_000)
    assert not outside, f"the search page loaded from outside the site: {outside}"
    assert not errors, f"script errors: {errors}"
    context.close()


def test_without_javascript_the_box_leads_to_models(browser, base_url):
    context, page, _, _ = open_page(browser, base_url, "/about/", java_script_enabled=False)
    form = page.locator("header form[role=search]")
    assert form.count() == 1, "no search form in the header without JavaScript"
    action = form.evaluate("f => new URL(f.action).pathname")
    assert action == "/models/", f"without JavaScript the search form goes to {action}, not /models/"
    context.close()


def test_search_under_a_base_url_path(browser):
    """A site published at https://x.org/desk/ searches from /desk/search-index.json and links under /desk/."""
    import functools
    import http.server
    import threading
    from conftest import QuietHandler
    work = pathlib.Path(tempfile.mkdtemp(prefix="verdict-desk-"))
    try:
        content = work / "Content"
        shutil.copytree(ROOT / "Content", content)
        config = (content / "site.yml").read_text(encoding="utf-8")
        (content / "site.yml").write_text(re.sub(r"^baseURL: .*$", "baseURL: https://verdict.example.org/desk/", config, flags=re.M),
                                          encoding="utf-8")
        build_site(content, work / "root" / "desk")
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(work / "root")))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        context, page, outside, errors = open_page(browser, base, "/desk/models/")
        found = typed(page, "gemini")
        assert "/desk/models/gemini-2-0-flash/" in found, f"under /desk/ the search listed {found}"
        assert not outside and not errors, f"outside requests {outside}, script errors {errors}"
        context.close()
        server.shutdown()
        server.server_close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
