"""The HTML report: static SVG charts with names and tables, no script, and no WCAG 2.1 AA violations in Chromium."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from tests.browser import axe_violations
from uddprog.stats import beregn
from uddprog.stats.html import som_html


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
    assert len(svgs) == 6  # three targets, universitetshospital, rounds, driftsregioner
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
        assert len(mål) == 6 and all(b > 300 and h > 50 and n >= 2 for b, h, n in mål)
        assert side.evaluate("document.documentElement.scrollWidth") <= 1000  # no sideways scrolling
    finally:
        side.close()


# --- issue 20, "What readers see" ---------------------------------------------------------------------------

def _søjler(html: str, id_: str) -> list[str]:
    """The row labels of a bar chart, in order."""
    svg = html.split(f'<title id="{id_}-t">', 1)[1].split("</svg>", 1)[0]
    return re.findall(r'text-anchor="end" fill="#1a1a1a">([^<]+)</text>', svg)


def test_one_region_has_one_bar_not_the_same_bar_twice():
    statistik, _ = beregn(region="Nord")
    html = som_html(statistik)
    assert _søjler(html, "uh") == ["Nord"]
    alle = som_html(beregn()[0])
    assert _søjler(alle, "uh") == ["Nord", "Syd", "Øst", "Hele landet"]


def test_a_chart_shows_the_months_per_driftsregion():
    statistik, _ = beregn()
    html = som_html(statistik)
    måneder = statistik.national.fordeling("driftsregion")
    med = [d for d, m in måneder.items() if m]
    assert len(med) >= 2
    assert sorted(_søjler(html, "driftsregion")) == sorted(f"Region {d}" for d in med)
    svg = html.split('<title id="driftsregion-t">', 1)[1].split("</svg>", 1)[0]
    assert len(re.findall(r"<rect [^>]*><title>", svg)) == len(med)  # one bar each
    assert html.split('id="driftsregion-t"', 1)[1].split("</svg>", 1)[1].lstrip().startswith("<table>")  # its table


def test_a_per_cent_never_breaks_from_its_number():
    html = _side()
    assert re.search(r"\d %", html) is None and "\u00a0%" in html


def test_the_page_uses_the_window_and_keeps_numbers_whole_in_chromium(browser, tmp_path):
    fil = tmp_path / "stats.html"
    statistik, _ = beregn(region="Nord")
    fil.write_text(som_html(statistik), encoding="utf-8")
    for bredde in (1600, 420):
        side = browser.new_page(viewport={"width": bredde, "height": 900})
        try:
            side.goto(fil.as_uri())
            indhold = side.evaluate("document.querySelector('main').getBoundingClientRect().width")
            assert indhold >= 0.9 * bredde - 70, (bredde, indhold)  # all but the page's padding
            # every "38,5 %" on the page is on one line: the number and its sign together
            brudt = side.evaluate("""() => {
                const ud = [], gå = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
                for (let n = gå.nextNode(); n; n = gå.nextNode()) {
                    for (const m of n.textContent.matchAll(/\\d+(,\\d+)?\\s%/g)) {
                        const r = document.createRange();
                        r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);
                        if (new Set([...r.getClientRects()].map(x => Math.round(x.top))).size > 1) ud.push(m[0]);
                    }
                }
                return ud; }""")
            assert brudt == [], (bredde, brudt)
        finally:
            side.close()
