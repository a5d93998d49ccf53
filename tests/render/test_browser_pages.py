"""Every HTML page uddprog writes, in real Chromium: accessible (axe-core) and laid out as a reader expects.

Public bodies must publish accessible pages, so the programme pages and the `diff --format html`
report are checked against WCAG 2.1 AA and axe's best practices (one main landmark, all content
in landmarks, heading order, no empty table header).
"""

from __future__ import annotations

import pytest

from tests.browser import WCAG_AA, axe_violations
from tests.conftest import kør_proces

from .conftest import EXAMPLES, ROOT

REGLER = WCAG_AA + ["best-practice"]


@pytest.fixture(scope="module")
def sider(renderer, tmp_path_factory):
    """Every shipped programme as HTML, and the diff report of the shipped neurologi 2011 → 2015 pair."""
    out = tmp_path_factory.mktemp("html")
    udfald = [renderer.render_fil(f, ("html",), out) for f in EXAMPLES]
    assert all(u.ok for u in udfald), [u.fejl for u in udfald if not u.ok]
    rapport = out / "diff.html"
    kørsel = kør_proces("diff", "neurologi/hoveduddannelse@2011", "neurologi/hoveduddannelse@2015",
                        "--format", "html", "--out", rapport, "--dato", "2026-11-23", cwd=ROOT)
    assert kørsel.returncode in (0, 1) and rapport.is_file(), kørsel.stderr
    return sorted(out.rglob("*.html"))


@pytest.fixture
def side(browser):
    # The diff report forbids every script by its Content-Security-Policy; axe is injected past it.
    kontekst = browser.new_context(bypass_csp=True)
    page = kontekst.new_page()
    yield page
    kontekst.close()


def test_every_page_uddprog_writes_passes_axe(sider, side):
    assert len(sider) == len(EXAMPLES) + 1
    fund = {}
    for fil in sider:
        side.goto(fil.as_uri())
        if v := axe_violations(side, REGLER):
            fund[fil.name] = v
    assert fund == {}


def test_axe_with_these_rules_fails_the_old_diff_report(side, tmp_path):
    """The rules catch what the diff report lacked (no main landmark, empty header, heading jump)."""
    gammel = tmp_path / "gammel.html"
    gammel.write_text('<!DOCTYPE html><html lang="da"><head><title>Rapport</title></head><body><h1>Rapport</h1>'
                      "<table><tr><th></th><th>Fil</th></tr><tr><th>Gammel</th><td>a.yaml</td></tr></table>"
                      "<h2>Ændringer</h2><h4>1. Apopleksi</h4></body></html>", encoding="utf-8")
    side.goto(gammel.as_uri())
    ids = {v["id"] for v in axe_violations(side, REGLER)}
    assert {"landmark-one-main", "region", "empty-table-header", "heading-order"} <= ids


def _første_linje(side, caption: str) -> list[list[int]]:
    """For each body row of the table with this caption: the top of the first line of text in each cell."""
    return side.evaluate("""caption => [...document.querySelectorAll('table')]
        .filter(t => t.caption && t.caption.textContent.includes(caption))
        .flatMap(t => [...t.tBodies[0].rows].map(r => [...r.cells].map(c => {
            const walk = document.createTreeWalker(c, NodeFilter.SHOW_TEXT, n => n.data.trim() ? 1 : 3);
            const range = document.createRange();
            range.selectNodeContents(walk.nextNode());
            return Math.round(range.getClientRects()[0].top);
        })))""", caption)


def test_the_purpose_of_a_focused_stay_starts_level_with_its_neighbours(sider, side):
    fil = next(f for f in sider if f.name.startswith("neurologi-hoveduddannelse-holstebro"))
    side.goto(fil.as_uri())
    rækker = _første_linje(side, "Fokuserede ophold")
    assert len(rækker) == 2
    for celler in rækker:
        assert max(celler) - min(celler) <= 1, celler  # "Formål" is Markdown (a <p>) in a plain row
