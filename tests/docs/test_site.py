"""The manual builds with `mkdocs build --strict`, and its generated references are complete.

The site is built once, by the real command, into a temporary folder. The command reference must hold every
click command with exactly its options and arguments, the check reference every registered check with its
title and source, and every link between the built pages must reach an existing page and anchor. Skips when
mkdocs is not installed (pip install -e '.[docs]'); in CI a skip is a failure (tests/conftest.py).
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import click
import pytest

from tests.conftest import kør
from uddprog.cli import cli

ROD = Path(__file__).resolve().parents[2]
#: Ids the manual names although no check has them any more: each page that names one says it is gone.
UDGÅEDE = {"R008"}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    pytest.importorskip("mkdocs", reason="mkdocs er ikke installeret (pip install -e '.[docs]')")
    ud = tmp_path_factory.mktemp("docs-site")
    miljø = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROD), os.environ.get("PYTHONPATH")]))}
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(ud)],
                       cwd=ROD, env=miljø, capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stdout + r.stderr
    return ud


class _Side(HTMLParser):
    """The ids, links and h2 sections of one built page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        for navn in ("href", "src"):
            if a.get(navn) is not None and not (tag == "link" and a.get("rel") == "canonical"):
                self.links.append(a[navn])


def _læs(fil: Path) -> _Side:
    side = _Side()
    side.feed(fil.read_text(encoding="utf-8"))
    return side


def _afsnit(fil: Path) -> dict[str, str]:
    """The HTML of each h2 section of a page, by the heading's id."""
    tekst = fil.read_text(encoding="utf-8").split("<footer", 1)[0]
    dele = re.split(r'<h2 id="([^"]+)"', tekst)
    return {dele[i]: dele[i + 1] for i in range(1, len(dele), 2)}


def _tilvalg_i(afsnit: str) -> set[str]:
    """The option names in the first column of a section's option table."""
    koder = re.findall(r"<tr>\s*<td><code>(.*?)</code></td>", afsnit, flags=re.S)
    return {t for k in koder for t in re.findall(r"(?<![\w-])--?[A-Za-z][\w-]*", html.unescape(k))}


def _kommandoer() -> dict[str, click.Command]:
    ctx = cli.make_context("uddprog", [], resilient_parsing=True)
    return {n: cli.get_command(ctx, n) for n in cli.list_commands(ctx)}


def test_every_command_with_exactly_its_options_and_arguments(site):
    afsnit = _afsnit(site / "opslag" / "kommandoer" / "index.html")
    kommandoer = _kommandoer()
    assert len(kommandoer) >= 15
    assert set(afsnit) == set(kommandoer)
    for navn, cmd in kommandoer.items():
        del_ = afsnit[navn]
        assert f"uddprog {navn} " in html.unescape(del_)  # the usage line
        forventet = {o for p in cmd.params if isinstance(p, click.Option) and not p.hidden
                     for o in (*p.opts, *p.secondary_opts)}
        forventet |= {"-h", "--help"}
        assert _tilvalg_i(del_) == forventet, navn
        for p in cmd.params:
            if isinstance(p, click.Option) and p.help and not p.hidden:  # the help text, as click wraps none of it
                assert " ".join(p.help.split())[:40] in " ".join(html.unescape(re.sub(r"<[^>]+>", "", del_)).split())
            if isinstance(p, click.Argument):
                assert p.human_readable_name in del_, (navn, p.name)


def test_the_group_options_are_listed(site):
    tekst = (site / "opslag" / "kommandoer" / "index.html").read_text(encoding="utf-8")
    forside = tekst.split('<h2 id="', 1)[0]
    assert _tilvalg_i(forside) == {"--version", "-h", "--help"}


def test_every_check_with_its_severity_title_and_source(site):
    r = kør("checks", "--format", "json")
    assert r.exit_code == 0, r.output
    kontroller = json.loads(r.stdout)
    assert len(kontroller) > 80
    tekst = (site / "opslag" / "kontroller" / "index.html").read_text(encoding="utf-8")
    rækker = {m.group(1): html.unescape(re.sub(r"<[^>]+>", "", m.group(0)))
              for m in re.finditer(r'<tr>\s*<td><span id="([A-Z]\d{3})"></span>.*?</tr>', tekst, flags=re.S)}
    assert set(rækker) == {k["id"] for k in kontroller}
    alvor = {"error": "fejl", "warning": "advarsel", "info": "info"}
    for k in kontroller:
        række = " ".join(rækker[k["id"]].split())
        assert k["titel"] in række and alvor[k["severity"]] in række, k["id"]
        if k["kilde"]:
            assert k["kilde"] in række, k["id"]
            assert ("sekundær kilde" in række) == k["sekundær_kilde"], k["id"]
            assert ("illustrativ" in række) == k["illustrativ"], k["id"]


def _modelfelter(model, sti: str = "") -> set[str]:
    """Every field path of a pydantic model, computed from the model itself (not from the schema the page uses)."""
    import typing

    from pydantic import BaseModel

    ud = set()
    for navn, felt in model.model_fields.items():
        ud.add(sti + navn)
        typer = [felt.annotation]
        while typer:
            t = typer.pop()
            if isinstance(t, type) and issubclass(t, BaseModel):
                led = "[]." if typing.get_origin(felt.annotation) is list or "list[" in str(felt.annotation) else "."
                ud |= _modelfelter(t, sti + navn + led) if sti.count(".") < 3 else set()
            else:
                typer += [a for a in typing.get_args(t) if a is not type(None)]
    return ud


def test_every_field_of_every_document_kind(site):
    """The field reference names each field of the models, shared parts and drafts included (issue 21)."""
    from uddprog.models import DOKUMENTTYPER

    tekst = html.unescape((site / "opslag" / "felter" / "index.html").read_text(encoding="utf-8"))
    stier = set(re.findall(r"<td><code>([^<]+)</code></td>", tekst))
    for art, model in DOKUMENTTYPER.items():
        mangler = {f for f in _modelfelter(model) if f.count(".") <= 3} - stier
        assert not mangler, (art, sorted(mangler)[:10])
    assert {"programdele[].fil", "status", "ansættelser[].speciale", "ansvar.godkendelser[].dato"} <= stier


def test_every_check_id_the_manual_names_exists(site):
    r = kør("checks", "--format", "json")
    kendte = {k["id"] for k in json.loads(r.stdout)}
    assert not UDGÅEDE & kendte
    nævnte = {}
    for fil in site.rglob("*.html"):
        tekst = html.unescape(re.sub(r"<[^>]+>", " ", fil.read_text(encoding="utf-8")))
        for id_ in re.findall(r"\b[CLMPRST]\d{3}\b", tekst):
            nævnte.setdefault(id_, fil.relative_to(site).as_posix())
    ukendte = {i: f for i, f in nævnte.items() if i not in kendte | UDGÅEDE}
    assert not ukendte, ukendte


def test_every_internal_link_and_anchor_resolves(site):
    sider = {fil: _læs(fil) for fil in site.rglob("*.html")}
    døde = []
    antal = 0
    for fil, side in sider.items():
        if fil.name == "404.html":  # served at any path, so its links are root-relative by design
            continue
        for link in side.links:
            dele = urlsplit(link)
            if dele.scheme or dele.netloc or link.startswith(("/", "mailto:")):
                continue
            antal += 1
            mål = (fil.parent / unquote(dele.path)).resolve() if dele.path else fil
            if mål.is_dir():
                mål = mål / "index.html"
            if not mål.is_file() or site.resolve() not in mål.parents:
                døde.append((fil.relative_to(site).as_posix(), link))
            elif dele.fragment and mål.suffix == ".html":
                ids = (sider.get(mål) or _læs(mål)).ids
                if unquote(dele.fragment) not in ids:
                    døde.append((fil.relative_to(site).as_posix(), link))
    assert antal > 500
    assert not døde, døde


def test_the_generated_pages_are_not_committed():
    assert not (ROD / "docs" / "opslag").exists()
