"""Nothing is orphaned: every generated HTML page except 404.html is reached by following links from
the home page. The crawl reads the HTML as served (no script runs), so it also holds without JavaScript."""

import html.parser
import urllib.parse
import urllib.request

from conftest import html_pages


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag in ("a", "area"):
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def crawl(base_url):
    """Site path → the page it was first found on; follows links within the site to HTML pages and
    also records the data files they link to."""
    seen = {"/": None}
    queue = ["/"]
    files = set()
    while queue:
        path = queue.pop(0)
        with urllib.request.urlopen(base_url + path) as response:
            if "html" not in response.headers.get("Content-Type", ""):
                continue
            parser = Links()
            parser.feed(response.read().decode("utf-8"))
        for href in parser.hrefs:
            target = urllib.parse.urljoin(base_url + path, href)
            parts = urllib.parse.urlsplit(target)
            if not target.startswith(base_url) or parts.scheme not in ("http", "https"):
                continue
            found = urllib.parse.unquote(parts.path) or "/"
            if found.endswith((".json", ".xml", ".csv", ".txt", ".svg", ".css", ".js")):
                files.add(found)
                continue
            if found not in seen:
                seen[found] = path
                queue.append(found)
    return seen, files


def test_every_page_is_reachable_from_home(base_url, pages):
    reached, _ = crawl(base_url)
    orphans = [p for p in pages if p != "/404.html" and p not in reached]
    assert not orphans, (f"{len(orphans)} generated page(s) cannot be reached by following links from the home page "
                         f"(crawled {len(reached)}):\n" + "\n".join(orphans))


def test_every_page_of_a_generated_site_is_reachable(corpus):
    site, url = corpus
    pages = html_pages(site)
    assert any(p.startswith("/models/page/2/") for p in pages), "the corpus should have a second page of models"
    reached, _ = crawl(url)
    orphans = [p for p in pages if p != "/404.html" and p not in reached]
    assert not orphans, f"{len(orphans)} page(s) of a generated 60-review site cannot be reached from home:\n" + "\n".join(orphans[:30])


def test_data_downloads_are_linked(base_url, site_dir):
    _, files = crawl(base_url)
    downloads = ["/" + p.relative_to(site_dir).as_posix()
                 for pattern in ("api/*.json", "benchmarks/*.csv", "feed.*") for p in site_dir.glob(pattern)]
    assert downloads, "the sample site has no data downloads"
    missing = sorted(set(downloads) - files)
    assert not missing, "data files no page links to:\n" + "\n".join(missing)


def test_footer_carries_the_main_links(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + "/models/", wait_until="load")
    footer = page.locator("footer")
    hrefs = footer.locator("a").evaluate_all("els => els.map(a => new URL(a.href).pathname)")
    for wanted in ("/models/", "/benchmarks/leaderboard/", "/benchmarks/", "/compare/", "/data/", "/search/"):
        assert wanted in hrefs, f"the footer has no link to {wanted}; it links {hrefs}"
    page.close()


def test_benchmarks_page_lists_snapshots_with_top_three(browser, base_url, site_dir):
    snapshots = sorted(p.name[:-4] for p in site_dir.glob("benchmarks/*.csv"))
    page = browser.new_page()
    page.goto(base_url + "/benchmarks/", wait_until="load")
    entries = page.locator("main .snapshot-entry")
    assert entries.count() == len(snapshots), f"/benchmarks/ shows {entries.count()} snapshot entries for {len(snapshots)} snapshots"
    first = entries.first
    assert first.locator("time[datetime]").count() >= 1, "a snapshot entry has no <time datetime>"
    assert first.locator(".top-three li").count() == 3, "a snapshot entry does not list its top three"
    assert "models" in first.inner_text(), "a snapshot entry does not give its model count"
    page.close()
