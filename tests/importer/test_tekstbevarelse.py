"""Nothing lost: every word of a source document's body appears in the draft (as often, at least).

The body's words are read here straight from word/document.xml with lxml, independently of
the importer: all w:t text except deleted tracked changes and Word's VML fallback copies.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter

import pytest
from lxml import etree

from .conftest import KORPUS, KORPUSFILER

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_UDE = {W + "del", W + "moveFrom", MC + "Fallback"}


def ord_i(tekst: str) -> Counter:
    return Counter(re.findall(r"\w+", tekst.casefold()))


def _tegn(el) -> str:
    if el.tag == W + "t":
        return el.text or ""
    if el.tag == W + "noBreakHyphen":
        return "-"
    return " " if el.tag in (W + "tab", W + "br", W + "cr") else ""


def kroppens_ord(docx) -> Counter:
    """Words of the body, one paragraph at a time (a word may be split over runs). A table of contents
    (TOC styles) is navigation Word generates from the headings, not text: it is left out, as the importer
    leaves it out (and reports it)."""
    with zipfile.ZipFile(docx) as zf:
        rod = etree.fromstring(zf.read("word/document.xml"))
    tekst = []
    for p in rod.iter(W + "p"):
        if any(a.tag in _UDE for a in p.iterancestors()):
            continue
        stil = p.find(f"{W}pPr/{W}pStyle")
        if stil is not None and stil.get(W + "val", "").lower().startswith("toc"):
            continue
        tekst.append("".join(_tegn(el) for el in p.iter(W + "t", W + "noBreakHyphen", W + "tab", W + "br", W + "cr")
                             if not any(a.tag in _UDE for a in el.iterancestors())
                             and next(el.iterancestors(W + "p")) is p))
    return ord_i("\n".join(tekst))


@pytest.mark.parametrize("navn", sorted(KORPUSFILER))
def test_hvert_ord_i_kroppen_er_i_udkastet(navn, korpus):
    imp, _ = korpus[navn]
    krop = kroppens_ord(KORPUS / navn)
    assert sum(krop.values()) > 100               # the check has something to check
    mangler = krop - ord_i(imp.yaml)
    assert not mangler, f"ord fra dokumentet mangler i udkastet: {dict(mangler)}"


def test_slettet_tekst_tælles_ikke_med():
    """The independent reader agrees with the importer's decision: a tracked deletion is not body text."""
    assert "seks" not in kroppens_ord(KORPUS / "syd-danske-typografier.docx")
    assert kroppens_ord(KORPUS / "syd-danske-typografier.docx")["tolv"] >= 1


def test_kontrollen_ser_tabt_tekst(korpus):
    """Drop the text placed aside from a draft, and the check must name the lost words."""
    imp, _ = korpus["nord-overskriftstypografier.docx"]
    uden = imp.yaml.split("  ikke-placeret:")[0]
    mangler = kroppens_ord(KORPUS / "nord-overskriftstypografier.docx") - ord_i(uden)
    assert {"vagtplanen", "bilag"} <= set(mangler)
