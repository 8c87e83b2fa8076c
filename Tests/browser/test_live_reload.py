"""`verdict serve`: an open page reloads by itself after its review file is saved."""

import pathlib
import re
import shutil
import subprocess
import tempfile
import threading
import time

import pytest

from conftest import ROOT, verdict_binary


@pytest.fixture
def served_site():
    """`verdict serve` on a free port over a copy of the sample content; yields (url, content folder)."""
    work = pathlib.Path(tempfile.mkdtemp(prefix="verdict-serve-"))
    content = work / "Content"
    shutil.copytree(ROOT / "Content", content)
    process = subprocess.Popen([verdict_binary(), "serve", "--content", str(content), "--themes", str(ROOT / "Themes"),
                                "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines, found = [], {}

    def read():
        for line in process.stdout:
            lines.append(line.rstrip())
            match = re.search(r"Serving (http://\S+)", line)
            if match and "url" not in found:
                found["url"] = match.group(1)

    threading.Thread(target=read, daemon=True).start()
    deadline = time.monotonic() + 120
    while "url" not in found and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    if "url" not in found:
        process.kill()
        pytest.fail("verdict serve did not print its URL within 120 s:\n" + "\n".join(lines))
    try:
        yield found["url"].rstrip("/"), content
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(work, ignore_errors=True)


def test_saving_a_review_reloads_its_open_page(browser, served_site):
    url, content = served_site
    review = sorted((content / "reviews").glob("*.md"))[0]
    page = browser.new_page()
    # Count the page's EventSource connections, so the test knows the reload stream is open before the save.
    page.add_init_script("window.EventSource && (window.EventSource = class extends window.EventSource {"
                         " constructor(...a) { super(...a); (window.__streams = window.__streams || []).push(this); } });")
    page.goto(f"{url}/models/{review.stem}/", wait_until="load")
    assert page.locator("script[src*='__verdict']").count() == 1, "verdict serve did not add its live-reload script to the page"
    page.wait_for_function("() => (window.__streams || []).some(s => s.readyState === 1)", timeout=10_000)
    page.evaluate("window.__beforeEdit = true")
    text = review.read_text(encoding="utf-8")
    edited = re.sub(r"^title: .*$", "title: Reloaded By The Browser Test", text, count=1, flags=re.M)
    assert edited != text, f"{review} has no title line to edit"
    review.write_text(edited, encoding="utf-8")
    try:
        page.wait_for_function("() => window.__beforeEdit !== true && document.querySelector('h1') &&"
                               " document.querySelector('h1').textContent.includes('Reloaded By The Browser Test')",
                               timeout=20_000)
    except Exception as error:  # Playwright's TimeoutError: say what the page shows instead
        heading = page.locator("h1").first.inner_text()
        still = page.evaluate("window.__beforeEdit === true")
        pytest.fail(f"the page did not reload within 20 s after {review.name} was saved "
                    f"(same document: {still}; h1: {heading!r}): {error}")
    page.close()
