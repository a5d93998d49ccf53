"""The HTML report: static SVG charts with names and tables, no script, and no WCAG 2.1 AA violations in Chromium."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from uddprog.stats import beregn
from uddprog.stats.html import som_html

from tests.browser import axe_violations


class _Elementer(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _side() -> str:
    statistik, _ = beregn()
    return som_html(statistik)


def test_charts_are_named_images_with_a_table_after_each():
    html = _side()
    p = _Elementer()
    p.feed(html)
    tags = [t for t, _ in p.tags]
    assert "script" not in tags and "link" not in tags and "img" not in tags  # nothing from elsewhere
    svgs = [a for t, a in p.tags if t == "svg"]
    assert len(svgs) == 5  # three targets, universitetshospital, rounds
    for a in svgs:
        assert a["role"] == "img"
        titel, beskrivelse = a["aria-labelledby"].split()
        assert f'<title id="{titel}">' in html and f'<desc id="{beskrivelse}">' in html
    # every chart is followed by a table with the same numbers
    for m in re.finditer(r"</svg>", html):
        assert html[m.end():].lstrip().startswith("<table>")
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in html


def test_the_page_is_deterministic():
    assert _side() == _side()


def test_text_from_the_yaml_is_escaped(statistikrepo):
    from uddprog.catalog import Katalog

    statistikrepo.program["målbeskrivelse"]["speciale"] = "Neurologi <script>alert(1)</script>"
    statistikrepo.ekstra.clear()
    statistikrepo.skriv()
    statistik, _ = beregn(None, Katalog(statistikrepo.rod))
    html = som_html(statistik)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_axe_finds_no_wcag_aa_violations_in_chromium(browser, tmp_path):
    fil = tmp_path / "stats.html"
    fil.write_text(_side(), encoding="utf-8")
    side = browser.new_page(viewport={"width": 1000, "height": 900})
    try:
        side.goto(fil.as_uri())
        assert axe_violations(side) == []
        # the charts are drawn: every SVG has a visible size and bars
        mål = side.eval_on_selector_all("svg.diagram", "els => els.map(e => [e.getBoundingClientRect().width, "
                                        "e.getBoundingClientRect().height, e.querySelectorAll('rect').length])")
        assert len(mål) == 5 and all(b > 300 and h > 50 and n >= 2 for b, h, n in mål)
        assert side.evaluate("document.documentElement.scrollWidth") <= 1000  # no sideways scrolling
    finally:
        side.close()
