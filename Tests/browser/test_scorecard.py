"""The figures come first: on every review page the scorecard sits under the title and subtitle, before
the intro, and starts on the first screen at phone and desktop widths; a model in no snapshot says
"Not benchmarked yet" in the same place."""

import pathlib
import shutil
import tempfile

import pytest

from conftest import DESKTOP, PHONE, ROOT, build_site, serve

# Where the scorecard stands relative to the title, subtitle and intro, in document order, and where it starts.
PLACE = """
() => {
  const card = document.querySelector('.review-head section.scorecard#scorecard');
  if (!card) return null;
  const before = (a, b) => !!(a && b && (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING));
  const h1 = document.querySelector('.review h1'), subtitle = document.querySelector('.review .subtitle');
  const intro = document.querySelector('.review .intro');
  return {
    afterTitle: before(h1, card), afterSubtitle: before(subtitle, card),
    beforeIntro: intro ? before(card, intro) : null,
    top: card.getBoundingClientRect().top + window.scrollY,
    empty: card.classList.contains('scorecard-empty'),
    text: card.innerText,
  };
}
"""


def review_paths(pages):
    return [p for p in pages if p.startswith("/models/") and p.count("/") == 3 and "/page/" not in p]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
def test_scorecard_comes_before_the_intro_on_every_review(browser, base_url, pages, viewport):
    reviews = review_paths(pages)
    assert reviews, "the sample site has no review pages"
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    problems = []
    for path in reviews:
        page.goto(base_url + path)
        place = page.evaluate(PLACE)
        if place is None:
            problems.append(f"{path}: no scorecard")
            continue
        if not (place["afterTitle"] and place["afterSubtitle"]):
            problems.append(f"{path}: scorecard not under the title and subtitle")
        if place["beforeIntro"] is False:
            problems.append(f"{path}: scorecard after the intro")
        if place["top"] > viewport["height"]:
            problems.append(f"{path}: scorecard starts at {place['top']:.0f} px, below the first screen")
        if not place["empty"] and (" of " not in place["text"] or "From " not in place["text"]):
            problems.append(f"{path}: scorecard without a rank or its snapshot: {place['text']!r}")
    context.close()
    assert not problems, "\n".join(problems)


def test_a_model_in_no_snapshot_is_not_benchmarked_yet(browser):
    work = pathlib.Path(tempfile.mkdtemp(prefix="verdict-scorecard-"))
    try:
        shutil.copytree(ROOT / "Content", work / "Content")
        (work / "Content" / "reviews" / "unbenchmarked.md").write_text(
            "---\ntitle: Unbenchmarked One\nmodel: unbenchmarked-one\nvendor: Nobody\nreviewed: 2026-06-01\n---\n"
            "An introduction.\n\n## Verdict\n\nNot measured yet.\n")
        build_site(work / "Content", work / "site")
        url, server = serve(work / "site")
        try:
            context = browser.new_context(viewport=PHONE)
            page = context.new_page()
            page.goto(url + "/models/unbenchmarked/")
            place = page.evaluate(PLACE)
            context.close()
        finally:
            server.shutdown()
            server.server_close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    assert place is not None and place["empty"], "no empty scorecard"
    assert place["beforeIntro"] is True
    assert "Not benchmarked yet" in place["text"]
