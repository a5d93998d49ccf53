"""Word tracked changes: accepting all gives the new rendering's text, rejecting all the old one's; real LibreOffice
opens the result and shows both."""

from __future__ import annotations

import io
import random
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from uddprog.render import Renderer
from uddprog.render.context import build_context
from uddprog.render.redline import W, accepter_alle, afsnit, afvis_alle, redline_docx

from . import fixtures
from .conftest import need_tool

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").rglob("*.yaml"))


@pytest.fixture(scope="module")
def renderer():
    return Renderer(ROOT)


def _dok(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read("word/document.xml"))


def _tjek(gammel: bytes, ny: bytes) -> bytes:
    red = redline_docx(gammel, ny)
    r = _dok(red)
    assert afsnit(accepter_alle(r)) == afsnit(_dok(ny))
    assert afsnit(afvis_alle(r)) == afsnit(_dok(gammel))
    assert redline_docx(gammel, ny) == red  # deterministic
    for mærke in r.iter(W + "ins", W + "del"):
        assert mærke.get(W + "author") == "uddprog" and mærke.get(W + "date")
    ids = [m.get(W + "id") for m in r.iter(W + "ins", W + "del")]
    assert len(ids) == len(set(ids))
    return red


def _rediger(p, rng: random.Random):
    """A revision as an author makes one: words changed in sections, plan entries dropped and moved, a title."""
    data = p.model_dump(mode="json")
    for sid in list(data["sektioner"]):
        ord_ = data["sektioner"][sid].split(" ")
        for _ in range(rng.randint(0, 4)):
            i = rng.randrange(len(ord_))
            valg = rng.random()
            if valg < 0.4:
                ord_.insert(i, rng.choice(["nyt", "ændret", "**fed**", "æøå", "vigtigt"]))
            elif valg < 0.7 and len(ord_) > 3:
                del ord_[i]
            else:
                ord_[i] = ord_[i].upper()
        data["sektioner"][sid] = " ".join(ord_)
    plan = data["kompetenceplan"]
    for _ in range(rng.randint(0, 3)):
        plan.pop(rng.randrange(len(plan)))
    if rng.random() < 0.5:
        plan[0]["læringsmetoder"] = ["selvstudium"]
    if rng.random() < 0.5:
        data["titel"] += " (revideret)"
    if rng.random() < 0.5:
        data["kurser"][0]["måned"] += 1
    return type(p).model_validate(data)


@pytest.mark.parametrize("seed", range(6))
def test_generated_pairs_accept_all_is_new_reject_all_is_old(renderer, seed):
    rng = random.Random(seed)
    mb, sk = fixtures.maalbeskrivelse(), fixtures.skabelon()
    gammel = fixtures.program(n_kompetencer=rng.randint(6, 24))
    ny = _rediger(gammel, rng)
    skabelon = renderer.docx_skabelon("hoveduddannelse")
    from uddprog.render.docx import CoreProperties
    core = CoreProperties(title="t", author="a")
    _tjek(skabelon.render(build_context(gammel, mb, sk), core), skabelon.render(build_context(ny, mb, sk), core))


@pytest.mark.parametrize("fil", EXAMPLES, ids=lambda f: f.stem)
def test_shipped_pairs_accept_all_is_new_reject_all_is_old(renderer, fil):
    from uddprog.loading import indlæs

    gammel = indlæs(fil).model
    ny = _rediger(gammel, random.Random(fil.stem))
    _tjek(renderer.docx(gammel), renderer.docx(ny))


def test_identical_renderings_give_no_marks(renderer):
    from uddprog.loading import indlæs

    data = renderer.docx(indlæs(EXAMPLES[0]).model)
    r = _dok(redline_docx(data, data))
    assert not list(r.iter(W + "ins", W + "del"))


def test_libreoffice_opens_the_redline_and_shows_both_texts(renderer, tmp_path):
    need_tool("soffice", "libreoffice")
    pdftotext = need_tool("pdftotext")
    from uddprog.loading import indlæs
    from uddprog.render.pdf import docx_to_pdf

    gammel = indlæs(EXAMPLES[0]).model
    data = gammel.model_dump(mode="json")
    data["sektioner"]["indledning"] = "Helt gammel indledning om forløbet."
    gammel = type(gammel).model_validate(data)
    data["sektioner"]["indledning"] = "Splinterny indledning om forløbet."
    ny = type(gammel).model_validate(data)
    red = _tjek(renderer.docx(gammel), renderer.docx(ny))
    pdf = docx_to_pdf(red, tmp_path / "redline.pdf")
    tekst = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    tekst = re.sub(r"\s+", " ", tekst)
    assert "Helt gammel" in tekst and "Splinterny" in tekst  # the deletion is shown struck out, not dropped


@pytest.mark.parametrize("par", [("neurologi/hoveduddannelse-2011.yaml", "neurologi/hoveduddannelse-2015.yaml")])
def test_maalbeskrivelse_versions_as_a_redline(par, tmp_path):
    from uddprog.loading import indlæs
    from uddprog.render.maalbeskrivelse_docx import mb_docx

    g, n = (mb_docx(indlæs(ROOT / "målbeskrivelser" / f).model) for f in par)
    red = _tjek(g, n)
    r = _dok(red)
    slettet = " ".join(t.text for t in r.iter(W + "delText"))
    indsat = " ".join(t.text for t in r.iter(W + "t") if t.getparent().getparent().tag == W + "ins")
    assert "Mini-CEX" in slettet and "Søvnsygdomme" in indsat  # 8 loses Mini-CEX; 29 is new


def test_cli_maalbeskrivelse_docx(tmp_path):
    import os
    import sys

    out = tmp_path / "mb.docx"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    p = subprocess.run([sys.executable, "-m", "uddprog", "diff", "neurologi/hoveduddannelse@2011",
                        "neurologi/hoveduddannelse@2015", "--format", "docx", "--out", str(out)],
                       cwd=ROOT, env=env, capture_output=True, text=True)
    assert p.returncode in (0, 1) and out.read_bytes()[:2] == b"PK", p.stderr
    p = subprocess.run([sys.executable, "-m", "uddprog", "diff", "neurologi/hoveduddannelse@2011",
                        "neurologi/hoveduddannelse@2015", "--format", "docx"], cwd=ROOT, env=env,
                       capture_output=True, text=True)
    assert p.returncode == 2 and "--out" in p.stderr


def test_redlines_are_valid_ooxml(renderer, tmp_path):
    """No finding beyond the template's own (tests/hostile/ooxml_baseline.json): old hyperlinks, bookmarks and
    list references are not carried into the new package, and row marks follow the schema."""
    import json

    openxml_audit = pytest.importorskip("openxml_audit", reason="openxml-audit er ikke installeret")
    from uddprog.loading import indlæs

    validator = openxml_audit.OpenXmlValidator(file_format=openxml_audit.FileFormat.OFFICE_2019, max_errors=1000)
    baseline = json.loads((ROOT / "tests/hostile/ooxml_baseline.json").read_text("utf-8"))["skabeloner"]
    for fil in EXAMPLES[:3]:
        gammel = indlæs(fil).model
        data = gammel.model_dump(mode="json")
        data["sektioner"] = {k: "Ny tekst med [et link](https://example.org/ny)." for k in data["sektioner"]}
        data["kompetenceplan"] = data["kompetenceplan"][1:]
        ny = type(gammel).model_validate(data)
        ud = tmp_path / f"{fil.stem}.docx"
        ud.write_bytes(_tjek(renderer.docx(gammel), renderer.docx(ny)))
        kendte = baseline[gammel.skabelon]
        fund = {(e.error_type.name, e.part_uri or "", e.node or "", e.description)
                for e in validator.validate(ud).errors}
        nye = [f for f in fund if dict(zip(("type", "del", "node", "beskrivelse"), f)) not in kendte]
        assert not nye, (fil.name, nye[:5])
