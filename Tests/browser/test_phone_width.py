"""Every page of the sample site fits a 360 px screen, light and dark; wide tables keep the model and
the ranking value on the first screen and say they scroll; charts scale with legible labels."""

import pytest

from conftest import PHONE, html_pages

# Each page kind the site generates, so a sample site that lost one fails here instead of passing vacuously.
PAGE_KINDS = {
    "home": "/", "models list": "/models/", "review": "/models/", "use cases": "/usecases/",
    "use case": "/usecases/", "capabilities": "/capabilities/", "capability": "/capabilities/",
    "snapshots": "/benchmarks/", "leaderboard": "/benchmarks/leaderboard/", "snapshot": "/benchmarks/20",
    "changes": "/benchmarks/changes/", "compare index": "/compare/", "compare": "/compare/",
    "data": "/data/", "search": "/search/", "free page": "/about/", "not found": "/404.html",
}

# Elements sticking out past the right edge that no scrolling ancestor contains: what makes a page wide.
OVERFLOWING = """
() => {
  const limit = document.documentElement.clientWidth + 0.5;
  // An absolutely placed element is clipped only by scrolling boxes at or above its containing block.
  const scrolls = el => { const from = getComputedStyle(el).position === 'absolute' ? el.offsetParent : el.parentElement;
    for (let p = from; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; }
    return false; };
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > limit && !scrolls(el)) out.push(name(el) + ' right=' + Math.round(r.right));
    if (out.length >= 5) break;
  }
  return out;
}
"""


def test_sample_site_has_every_page_kind(pages):
    missing = [kind for kind, prefix in PAGE_KINDS.items() if not any(p.startswith(prefix) for p in pages)]
    assert not missing, f"the built sample site has no page of these kinds: {missing}"
    for prefix in ("/models/", "/usecases/", "/capabilities/", "/compare/"):
        assert sum(p.startswith(prefix) for p in pages) >= 2, f"expected an index and detail pages under {prefix}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_fits_360px(browser, base_url, pages, scheme):
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    too_wide = []
    for path in pages:
        page.goto(base_url + path, wait_until="load")
        dark = page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
        assert dark == (scheme == "dark"), f"{path}: the {scheme} colour scheme was not applied"
        width, inner = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        if width > inner:
            too_wide.append(f"{path}: {width} px wide in a {inner} px viewport; sticking out: {page.evaluate(OVERFLOWING)}")
    context.close()
    assert not too_wide, f"{len(too_wide)} page(s) wider than 360 px in {scheme} mode:\n" + "\n".join(too_wide)


def test_a_generated_site_fits_360px(browser, corpus):
    """One page of each kind of a generated site (long model ids, many metrics, 40 models per snapshot)."""
    site, url = corpus
    seen, sample = set(), []
    for path in html_pages(site):
        kind = "/".join(path.split("/")[:2]) + ("/detail" if path.count("/") > 2 else "")
        if kind not in seen:
            seen.add(kind)
            sample.append(path)
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    too_wide = []
    for path in sample:
        page.goto(url + path, wait_until="load")
        width, inner = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        if width > inner:
            too_wide.append(f"{path}: {width} px wide; sticking out: {page.evaluate(OVERFLOWING)}")
    context.close()
    assert len(sample) >= 10, f"expected at least ten kinds of page in the corpus, sampled {sample}"
    assert not too_wide, "pages of a generated site wider than 360 px:\n" + "\n".join(too_wide)


@pytest.mark.parametrize("path", ["/benchmarks/leaderboard/", "/models/", "/"])
def test_wide_tables_show_model_and_ranking_value_first(browser, base_url, path):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + path, wait_until="load")
    table = page.locator("main table").first
    row = table.locator("tbody tr").first
    model = row.locator("th[scope=row]")
    assert model.count() == 1, f"{path}: the first table has no row header with the model"
    ranked = row.locator(".rank-by, [data-ranked]")
    assert ranked.count() >= 1, f"{path}: no cell of the ranking value (class rank-by or data-ranked) in the first row"
    for what, cell in (("model", model), ("ranking value", ranked.first if ranked.count() else None)):
        if cell is None:
            continue
        box = cell.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + min(box["width"], 40) <= PHONE["width"], \
            f"{path}: the {what} cell starts off screen at 360 px ({box})"
    wrapper = table.locator("xpath=ancestor::div[contains(@class,'table-scroll')][1]")
    scrolls = wrapper.evaluate("el => el.scrollWidth > el.clientWidth") if wrapper.count() else False
    if scrolls:
        hint = page.locator(".scroll-hint").first
        assert hint.count() and hint.is_visible(), f"{path}: the table scrolls sideways at 360 px but nothing says so (.scroll-hint)"
    context.close()


def test_scroll_hint_without_javascript_and_once_with_it(browser, base_url):
    for scripts in (False, True):
        context = browser.new_context(viewport=PHONE, java_script_enabled=scripts)
        page = context.new_page()
        page.goto(base_url + "/benchmarks/leaderboard/", wait_until="load")
        hints = page.locator("main .scroll-hint")
        visible = [hints.nth(i).is_visible() for i in range(hints.count())]
        assert visible.count(True) == 1, \
            f"{'with' if scripts else 'without'} JavaScript the leaderboard at 360 px shows {visible.count(True)} scroll lines (want 1)"
        context.close()
    context = browser.new_context(viewport={"width": 1600, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/models/", wait_until="load")
    assert not page.locator("main .scroll-hint").first.is_visible(), "without JavaScript a wide screen shows the phone's scroll line"
    context.close()


def test_charts_scale_to_the_width_with_legible_labels(browser, base_url, pages):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    checked, problems = 0, []
    for path in pages:
        if not (path.startswith("/benchmarks/") or path.startswith("/models/")):
            continue
        page.goto(base_url + path, wait_until="load")
        # Only the drawings shown at this width (the theme hides the desktop drawing on a phone).
        for chart in page.evaluate("""() => Array.from(document.querySelectorAll('figure.chart svg'))
            .filter(svg => svg.getBoundingClientRect().width > 0).map(svg => {
            const box = svg.getBoundingClientRect(), vb = svg.viewBox.baseVal;
            const scale = vb && vb.width ? box.width / vb.width : 0;
            const sizes = Array.from(svg.querySelectorAll('text')).map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
            return {id: svg.id || svg.getAttribute('aria-labelledby'), viewBox: !!(vb && vb.width), right: box.right,
                    smallest: sizes.length ? Math.min(...sizes) : 99}; })"""):
            checked += 1
            if not chart["viewBox"]:
                problems.append(f"{path}: chart {chart['id']} has no viewBox")
            if chart["right"] > PHONE["width"] + 0.5:
                problems.append(f"{path}: chart {chart['id']} runs to {chart['right']:.0f} px, past the screen")
            if chart["smallest"] < 9:
                problems.append(f"{path}: chart {chart['id']} has text drawn at {chart['smallest']:.1f} px (under 9 px)")
    context.close()
    assert checked >= 3, f"expected charts on the leaderboard and review pages, found {checked}"
    assert not problems, "charts at 360 px:\n" + "\n".join(problems)
