"""Snapshots of the text, Markdown and HTML reports; escaping; the HTML in a real headless Chromium."""

from __future__ import annotations

import html.parser
import json
import os
import shutil
import subprocess

import pytest

from uddprog.diff.html import som_html
from uddprog.diff.rapport import som_json
from uddprog.diff.tekst import som_markdown, som_tekst

from .conftest import rapport


def test_text_report(snapshot, testologi_repo):
    assert som_tekst(rapport()) == snapshot


def test_markdown_report(snapshot, testologi_repo):
    assert som_markdown(rapport()) == snapshot


def test_html_report(snapshot, testologi_repo):
    assert som_html(rapport()) == snapshot


def test_json_report(snapshot, testologi_repo):
    assert json.dumps(som_json(rapport()), ensure_ascii=False, indent=2) == snapshot


def test_programmes_of_another_målbeskrivelse_are_counted_not_listed(testologi_repo):
    # In a region's repository nearly every programme is of another specialty: the human reports count them,
    # the JSON (for machines) still lists each.
    r = rapport()
    andre = [p for p in r.programmer if p.status == "anden-målbeskrivelse"]
    assert andre and not any(p.fund for p in andre)
    for tekst in (som_tekst(r), som_markdown(r), som_html(r)):
        assert "1 program bygger på en anden målbeskrivelse" in tekst
        assert not any(p.fil.name in tekst for p in andre)
        assert "testologi-forloeb-2-ny.yaml" in tekst  # already on the new version: still named
    assert {p["fil"].rsplit("/", 1)[-1] for p in som_json(r)["programmer"]} >= {p.fil.name for p in andre}


def test_colour_only_when_asked(testologi_repo):
    assert "\x1b[" not in som_tekst(rapport())
    assert "\x1b[" in som_tekst(rapport(), farve=True)


class _Elementer(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def test_yaml_text_cannot_inject_markup(testologi_repo):
    # The fixture's competency 20 has '<script>' in its title and '<b>' in its text.
    ud = som_html(rapport())
    p = _Elementer()
    p.feed(ud)
    assert "script" not in p.tags and "b" not in p.tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in ud
    md = som_markdown(rapport())
    assert "<script>" not in md and r"\<script\>" in md


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def test_html_report_in_headless_chromium(tmp_path, testologi_repo):
    browser = _chromium()
    if browser is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium mangler, men CI er sat: installér chromium (apt-get install chromium).")
        pytest.skip("chromium er ikke installeret")
    side = tmp_path / "rapport.html"
    side.write_text(som_html(rapport()), encoding="utf-8")
    kørsel = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profil'}",
         "--dump-dom", side.as_uri()],
        capture_output=True, text=True, timeout=90,
    )
    assert kørsel.returncode == 0, kørsel.stderr[-2000:]
    dom = kørsel.stdout
    # The browser parsed the whole document: the last section is there, and the redline survived.
    assert "Målbeskrivelse for Testologi, hoveduddannelse: version 2011 → 2015" in dom
    assert "Upåvirkede programmer" in dom
    assert "<del>diagnosticere </del>" in dom and "<ins>diagnosticere, udrede </ins>" in dom
    assert "<script" not in dom and "&lt;script&gt;" in dom


def test_a_single_month_is_not_written_as_a_range(testologi_repo, tmp_path):
    """'måned 14', never 'måned 14–14': the HTML report's ansættelse column and the texts of every format."""
    from uddprog.diff import Diffrapport, påvirkning, sammenlign
    from uddprog.loading import indlæs

    from .conftest import DATO, GAMMEL, NY, PROGRAM

    kilde = PROGRAM.read_text(encoding="utf-8")
    linje = '{kompetence: "3", ansættelse: goedstrup, fra_måned: 13, til_måned: 24,'
    assert linje in kilde
    fil = tmp_path / "en-maaned.yaml"
    fil.write_text(kilde.replace(linje, '{kompetence: "3", ansættelse: goedstrup, fra_måned: 14, til_måned: 14,'),
                   encoding="utf-8")
    sæt = sammenlign(indlæs(GAMMEL), indlæs(NY))
    r = Diffrapport(sæt, tuple(påvirkning(sæt, [indlæs(fil)], None, DATO)), DATO, tmp_path)
    (t,) = [t for t in r.påvirkede[0].træf if t.ændring.id == "D001" and "Kompetence 3 " in t.handling]
    assert t.måneder == (14, 14) and t.ansættelsessted
    ud = som_html(r)
    assert f"<td>{t.ansættelsessted}, måned 14</td>" in ud
    for tekst in (ud, som_tekst(r), som_markdown(r)):
        assert "måned 14–14" not in tekst and "måned 14" in tekst
