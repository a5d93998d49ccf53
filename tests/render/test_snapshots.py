"""Snapshots of every shipped programme: DOCX as pretty XML, and HTML.

A template or renderer change shows up as a readable diff; refresh with
``pytest tests/render --snapshot-update`` after checking the diff.
"""

from __future__ import annotations

import re

import pytest

from .conftest import EXAMPLES, ROOT

CSS = ROOT / "templates" / "national" / "_felles" / "program.css"


def _id(p):
    return str(p.relative_to(ROOT / "examples")).removesuffix(".yaml").replace("/", "-")


@pytest.fixture(scope="module")
def rendered(renderer, tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    return {f: renderer.render_fil(f, ("docx", "html"), out) for f in EXAMPLES}


@pytest.mark.skipif(not EXAMPLES, reason="ingen programmer i examples/")
@pytest.mark.parametrize("fil", EXAMPLES, ids=_id)
def test_docx_snapshot(rendered, fil, docx_snapshot):
    u = rendered[fil]
    assert u.ok, u.fejl
    docx = next(f for f in u.filer if f.suffix == ".docx")
    assert docx.read_bytes() == docx_snapshot


@pytest.mark.skipif(not EXAMPLES, reason="ingen programmer i examples/")
@pytest.mark.parametrize("fil", EXAMPLES, ids=_id)
def test_html_snapshot(rendered, fil, html_snapshot):
    u = rendered[fil]
    assert u.ok, u.fejl
    html = next(f for f in u.filer if f.suffix == ".html").read_text(encoding="utf-8")
    # The page embeds the shared stylesheet verbatim; check that once here instead of in seven snapshots.
    (css,) = re.findall(r"<style>\n(.*?)</style>", html, flags=re.S)
    assert css == CSS.read_text(encoding="utf-8")
    assert html.replace(css, f"/* {CSS.relative_to(ROOT)} */\n") == html_snapshot
