"""A changed konkretisering keeps its paragraphs and lists in every report (not one run-on line)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lxml import html as lxml_html
from markdown_it import MarkdownIt

from uddprog.diff import Diffrapport, sammenlign
from uddprog.diff.html import som_html
from uddprog.diff.tekst import som_markdown, som_tekst
from uddprog.diff.tekstdiff import Blok, blokke, ordforskel
from uddprog.loading import indlæs

ROOT = Path(__file__).resolve().parents[2]
NEUROLOGI = ROOT / "målbeskrivelser" / "neurologi"

# Kompetence 2, neurologi 2011 -> 2015: one paragraph became a paragraph and a list of three.
PUNKTER = ["udvælge patienter med okklusion", "organisere akut billeddiagnostik", "informere patient og pårørende"]


def _rapport() -> Diffrapport:
    sæt = sammenlign(indlæs(NEUROLOGI / "hoveduddannelse-2011.yaml"), indlæs(NEUROLOGI / "hoveduddannelse-2015.yaml"))
    return Diffrapport(sæt, (), date(2026, 11, 23))


def test_blocks_follow_the_markdown_of_the_text():
    gammel = "Lægen kan:\n\n- se\n- gøre\n  det hele\n"
    ny = "Lægen kan:\n\n- se\n- gøre det\n  hele igen\n\n1. først\n2. sidst\n\nTil slut en\nlinje."
    b = blokke(ordforskel(gammel, ny))
    assert [(x.art, x.nummer) for x in b] == [("p", None), ("ul", None), ("ul", None), ("ol", 1), ("ol", 2),
                                              ("p", None)]
    assert b[2] == Blok("ul", (("=", "gøre det hele "), ("+", "igen")))
    assert b[-1].stykker == (("+", "Til slut en linje."),)
    # The words of the new text are all there, in order (markers and line breaks are structure).
    assert " ".join("".join(t for op, t in x.stykker if op != "-") for x in b).split() == \
        ny.replace("- ", "").replace("1. ", "").replace("2. ", "").split()


def test_text_report_puts_each_list_item_on_its_own_line():
    linjer = som_tekst(_rapport()).splitlines()
    i = next(n for n, t in enumerate(linjer) if "Kompetence 2: konkretiseringen er ændret" in t)
    punkter = linjer[i + 2:i + 5]
    assert all(t.lstrip().startswith("• ") for t in punkter), punkter
    assert [p for p in PUNKTER if any(p in t for t in punkter)] == PUNKTER
    assert "Lægen kan:" in linjer[i + 1] and "•" not in linjer[i + 1]


def test_markdown_report_nests_the_list_under_its_competency():
    md = som_markdown(_rapport())
    dom = lxml_html.fromstring(MarkdownIt("commonmark").enable("strikethrough").render(md))
    (punkt,) = [li for li in dom.iter("li") if li.text_content().strip().startswith("Kompetence 2 (D012)")]
    under = punkt.findall(".//ul/li")
    assert len(under) == 3
    assert [p for p, li in zip(PUNKTER, under) if p in li.text_content()] == PUNKTER


def test_html_report_shows_lists_in_the_redline_and_both_versions():
    dom = lxml_html.fromstring(som_html(_rapport()))
    side = next(s for s in dom.iter("section") if "2. Akut apopleksi og trombolyse" in s.text_content())
    ny = side.findall("div")[-1]
    redline = ny.find(".//dd")
    assert [li.text_content()[:len(p)] for li, p in zip(redline.findall("ul/li"), PUNKTER)] == PUNKTER
    assert redline.find("ul/li/ins") is not None and redline.find("p/del") is not None
    gammel = side.findall("div")[1].find(".//dd")
    assert gammel.find("p") is not None and "- " not in gammel.text_content()
