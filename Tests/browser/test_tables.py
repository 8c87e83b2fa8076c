"""Leaderboard sorting and filtering (Themes/default/static/js/tables.js) in a real browser."""

from conftest import page_errors


def column(page, index):
    return page.locator("table.board tbody tr:not([hidden])").evaluate_all(
        f"rows => rows.map(r => r.cells[{index}].textContent.trim())")


def header_index(page, text):
    names = page.locator("table.board thead th").evaluate_all("ths => ths.map(th => th.textContent.trim())")
    for i, name in enumerate(names):
        if name.startswith(text):
            return i
    raise AssertionError(f"the leaderboard has no column starting {text!r}; columns: {names}")


def numbers(values):
    return [float(v.replace("$", "").split()[0]) for v in values if v not in ("", "—")]


def test_sorting_by_a_column(browser, base_url):
    page = browser.new_page()
    errors = page_errors(page)
    page.goto(base_url + "/benchmarks/leaderboard/", wait_until="load")
    buttons = page.locator("table.board thead button.sort")
    assert buttons.count() > 3, "tables.js did not turn the leaderboard's headers into sort buttons"
    model = header_index(page, "Model")
    page.locator("table.board thead th").nth(model).locator("button").click()
    names = column(page, model)
    assert names == sorted(names, key=str.lower), f"Model ascending gave {names}"
    assert page.locator("table.board thead th").nth(model).get_attribute("aria-sort") == "ascending"
    page.locator("table.board thead th").nth(model).locator("button").click()
    assert column(page, model) == sorted(names, key=str.lower, reverse=True), "a second click did not reverse the order"
    rank = header_index(page, "Rank")
    page.locator("table.board thead th").nth(rank).locator("button").click()
    ranks = numbers(column(page, rank))
    assert ranks == sorted(ranks), f"Rank ascending gave {ranks}"
    metric = page.locator("table.board thead th.rank-by").first
    index = page.locator("table.board thead th").evaluate_all("ths => ths.findIndex(th => th.classList.contains('rank-by'))")
    metric.locator("button").click()
    values = numbers(column(page, index))
    assert values == sorted(values), f"ranking metric ascending gave {values}"
    assert not errors, f"script errors: {errors}"
    page.close()


def test_filtering_by_vendor(browser, base_url):
    page = browser.new_page()
    errors = page_errors(page)
    page.goto(base_url + "/benchmarks/leaderboard/", wait_until="load")
    select = page.locator(".table-filters label", has_text="Vendor").locator("select")
    assert select.count() == 1, "tables.js added no Vendor filter above the leaderboard"
    options = [o for o in select.locator("option").evaluate_all("os => os.map(o => o.value)") if o]
    assert len(options) >= 2, f"the Vendor filter offers {options}"
    total = page.locator("table.board tbody tr").count()
    vendor_column = header_index(page, "Vendor")
    select.select_option(options[0])
    shown = column(page, vendor_column)
    assert shown and all(v == options[0] for v in shown), f"filtering on {options[0]} shows vendors {shown}"
    assert len(shown) < total, "the filter hid no rows"
    select.select_option("")
    assert page.locator("table.board tbody tr:not([hidden])").count() == total, "choosing All did not bring every row back"
    assert not errors, f"script errors: {errors}"
    page.close()
