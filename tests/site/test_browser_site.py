"""The site in real Chromium from file://: search, filters and sorting narrow the table; axe finds nothing."""

from __future__ import annotations

import pytest

from tests.browser import axe_violations

from .conftest import eksempler


def _ider(repo, region: str | None = None) -> list[str]:
    """The row ids of the shipped programmes (of one region's folder), from the files."""
    return sorted(f"p-{f.parent.name}-{f.stem}" for f in eksempler(repo) if region in (None, f.parent.name))


@pytest.fixture
def side(browser):
    p = browser.new_page()
    yield p
    p.close()


def _synlige(page) -> list[str]:
    return page.eval_on_selector_all("#programmer tbody tr:not([hidden])", "rs => rs.map(r => r.id)")


def test_front_page_filters_search_and_sort_narrow_the_table(bygget, checkout_kopi_delt, side):
    _, out = bygget
    alle, syd = _ider(checkout_kopi_delt), _ider(checkout_kopi_delt, "syd")
    assert "p-syd-neurologi-hoveduddannelse-odense-forloeb-2" in syd and len(syd) < len(alle)
    side.goto((out / "index.html").as_uri())
    assert sorted(_synlige(side)) == alle
    assert side.is_visible("#filtre")  # shown only when JavaScript runs
    side.select_option("#f-region", "Syd")
    assert sorted(_synlige(side)) == syd
    assert side.text_content("#antal") == f"Viser {len(syd)} af {len(alle)} programmer."
    side.select_option("#f-status", "overskredet")
    assert _synlige(side) == ["p-syd-neurologi-hoveduddannelse-odense-forloeb-2"]
    side.select_option("#f-region", "")
    side.select_option("#f-status", "")
    # Search reaches the text of the programmes, not only titles: "trombektomi" is only in a section.
    side.fill("#f-q", "Trombektomi")
    assert _synlige(side) == ["p-nord-neurologi-hoveduddannelse-holstebro-aarhus-forloeb-1"]
    side.fill("#f-q", "glostrup neurologi")
    assert _synlige(side) == ["p-oest-neurologi-introduktion-glostrup"]
    side.fill("#f-q", "")
    side.select_option("#f-fase", "kbu")
    assert sorted(_synlige(side)) == [i for i in alle if "-kbu-" in i] and len(_synlige(side)) == 2
    side.select_option("#f-fase", "")
    # Sorting by approval date: ascending puts the 2014 programme first, a second click reverses.
    knap = side.locator("#programmer thead th", has_text="Godkendt").locator("button")
    knap.click()
    assert _synlige(side)[0] == "p-syd-neurologi-hoveduddannelse-odense-forloeb-2"
    assert side.get_attribute("#programmer thead th:nth-child(7)", "aria-sort") == "ascending"
    knap.click()
    assert _synlige(side)[-1] == "p-syd-neurologi-hoveduddannelse-odense-forloeb-2"


def test_without_javascript_the_table_is_complete_and_the_form_hidden(bygget, checkout_kopi_delt, browser):
    _, out = bygget
    ctx = browser.new_context(java_script_enabled=False)
    try:
        p = ctx.new_page()
        p.goto((out / "regioner" / "syd.html").as_uri())
        assert p.locator("tbody tr").count() == len(_ider(checkout_kopi_delt, "syd"))
        p.goto((out / "index.html").as_uri())
        rækker = p.locator("#programmer tbody tr").count()
        assert rækker == len(_ider(checkout_kopi_delt)) and not p.is_visible("#filtre")
    finally:
        ctx.close()


@pytest.mark.parametrize("sti", ["index.html", "programmer/syd/neurologi-hoveduddannelse-odense-forloeb-2.html",
                                 "regioner/syd.html", "specialer/neurologi.html", "skabeloner/kbu.html",
                                 "oversigt.html"])
def test_axe_passes(bygget, side, sti):
    _, out = bygget
    side.goto((out / sti).as_uri())
    assert axe_violations(side) == []
