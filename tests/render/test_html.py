"""HTML rendering: escaping, no injection, well-formed and self-contained."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from uddprog.render.context import build_context
from uddprog.render.html import CompiledHtml

from . import fixtures
from .conftest import ROOT

XSS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
    "[klik](javascript:alert(1))",
    "<a href='javascript:alert(1)'>x</a>",
    "</title><script>alert(1)</script>",
    "<style>body{display:none}</style>",
    "<iframe src=//example.com>",
    "{{ 7*7 }} {% raw %}",
]


class Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(scope="module")
def compiled():
    return CompiledHtml(ROOT / "templates/national", "hoveduddannelse")


def render(compiled, **kw) -> str:
    return compiled.render(build_context(fixtures.program(**kw), fixtures.maalbeskrivelse(), fixtures.skabelon()))


def parse(html: str) -> Collector:
    c = Collector()
    c.feed(html)
    c.close()
    return c


def test_deterministic(compiled):
    assert render(compiled) == render(compiled)


def test_self_contained_and_accessible(compiled):
    html = render(compiled)
    c = parse(html)
    assert html.startswith("<!DOCTYPE html>")
    assert ("html", {"lang": "da"}) in c.tags
    tags = [t for t, _ in c.tags]
    assert tags.count("h1") == 1 and "nav" in tags and "main" in tags
    # nothing is loaded from elsewhere
    assert not [a for t, a in c.tags if t in ("link", "script", "img", "iframe")]
    # every table of data has a caption and column headers with scope
    assert tags.count("caption") == tags.count("table")
    # every TOC anchor exists
    ids = {a["id"] for _, a in c.tags if "id" in a}
    hrefs = [a["href"][1:] for t, a in c.tags if t == "a" and a.get("href", "").startswith("#")]
    assert hrefs and set(hrefs) <= ids


@pytest.mark.parametrize("payload", XSS)
def test_payload_stays_text(compiled, payload):
    html = render(compiled, tekst=payload, titel=payload, navn=payload)
    c = parse(html)
    assert not [t for t, _ in c.tags if t in ("script", "svg", "iframe", "img")]
    assert [t for t, _ in c.tags if t == "style"] == ["style"]  # only our own stylesheet
    assert not [a for _, a in c.tags for k in a if k.startswith("on")]
    assert not [a for t, a in c.tags if t == "a" and "javascript" in a.get("href", "")]
    text = "".join(c.text)
    assert payload in text


def test_special_characters_render_as_text(compiled):
    s = "A & B < C > \"D\" 'E' Ærø 😀"
    html = render(compiled, titel=s + "\x01")
    assert "<title>A &amp; B &lt; C &gt; &#34;D&#34; &#39;E&#39; Ærø 😀</title>" in html
    assert "\x01" not in html
