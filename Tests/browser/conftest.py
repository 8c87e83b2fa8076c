"""Shared fixtures for the browser tests: the sample site built once into a temporary folder, a
static HTTP server for it (the way any static host serves it), and Debian's Chromium driven by
Playwright for Python. Nothing is downloaded: Playwright launches the system `chromium`.

Run with `make browser-test` (after `swift build --product verdict`) or `python3 -m pytest Tests/browser`.
`VERDICT=/path/to/verdict` picks the binary; otherwise the newest of .build/{debug,release}/verdict."""

import functools
import http.server
import os
import pathlib
import shutil
import subprocess
import tempfile
import threading

import pytest

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - reported as a test error with the fix
    sync_playwright = None

ROOT = pathlib.Path(__file__).resolve().parents[2]
PHONE = {"width": 360, "height": 800}
DESKTOP = {"width": 1280, "height": 900}


def verdict_binary() -> str:
    given = os.environ.get("VERDICT")
    if given:
        if not os.access(given, os.X_OK):
            pytest.fail(f"VERDICT={given} is not an executable file")
        return given
    built = [p for p in (ROOT / ".build" / "debug" / "verdict", ROOT / ".build" / "release" / "verdict") if p.exists()]
    if not built:
        pytest.fail("no verdict binary: run `swift build --product verdict` first (or set VERDICT=/path/to/verdict)")
    return str(max(built, key=lambda p: p.stat().st_mtime))


def build_site(content: pathlib.Path, output: pathlib.Path) -> None:
    run = subprocess.run([verdict_binary(), "build", "--content", str(content), "--output", str(output),
                          "--themes", str(ROOT / "Themes"), "--no-cache"],
                         capture_output=True, text=True, timeout=300)
    if run.returncode != 0:
        pytest.fail(f"verdict build failed (exit {run.returncode}):\n{run.stdout}\n{run.stderr}")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest's output readable
        pass


@pytest.fixture(scope="session")
def site_dir():
    """The sample site (Content/), built with the default theme into a fresh folder."""
    work = pathlib.Path(tempfile.mkdtemp(prefix="verdict-browser-"))
    output = work / "site"
    build_site(ROOT / "Content", output)
    yield output
    shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="session")
def base_url(site_dir):
    """A plain static server on a free port, as any static host would serve the folder."""
    url, server = serve(site_dir)
    yield url
    server.shutdown()
    server.server_close()


def serve(folder: pathlib.Path):
    """A plain static server for `folder` on a free port; returns (base URL, server)."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


@pytest.fixture(scope="session")
def corpus():
    """A generated site (`verdict generate-corpus`: 60 reviews, so lists have a second page), built and
    served: (site folder, base URL). What holds for the sample site must hold for any site."""
    work = pathlib.Path(tempfile.mkdtemp(prefix="verdict-corpus-"))
    run = subprocess.run([verdict_binary(), "generate-corpus", "--output", str(work / "Content"), "--reviews", "60",
                          "--snapshots", "3", "--models", "40"], capture_output=True, text=True, timeout=300)
    if run.returncode != 0:
        pytest.fail(f"verdict generate-corpus failed:\n{run.stdout}\n{run.stderr}")
    build_site(work / "Content", work / "site")
    url, server = serve(work / "site")
    yield work / "site", url
    server.shutdown()
    server.server_close()
    shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="session")
def browser():
    if sync_playwright is None:
        pytest.fail("Playwright for Python is missing: run `bash .ci/install-deps` (pip install playwright; no browser download)")
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.fail("Debian's chromium is missing: run `bash .ci/install-deps` (apt-get install chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        yield browser
        browser.close()


def html_pages(site_dir: pathlib.Path) -> list[str]:
    """Every generated HTML page as a site path (`/models/x/` for `models/x/index.html`), sorted."""
    paths = []
    for file in sorted(site_dir.rglob("*.html")):
        relative = file.relative_to(site_dir).as_posix()
        paths.append("/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative))
    return paths


@pytest.fixture(scope="session")
def pages(site_dir):
    return html_pages(site_dir)


def page_errors(page):
    """Collects uncaught script errors, so a broken script fails the test that loaded it."""
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors
