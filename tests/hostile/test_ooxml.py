"""Rendered DOCX files checked by an OOXML validator (openxml-audit: a pure-Python port of the Open XML
SDK's schema and semantic validation, no .NET needed).

The shipped Word templates are not clean themselves; their findings are recorded in
``ooxml_baseline.json``. A rendered document may have its template's findings and nothing more: a
new finding means rendering produced markup Word may refuse or repair. A template whose findings
change (new or gone) fails too, so the baseline always says what is true; rewrite it with
``UDDPROG_OPDATER_OOXML=1 python -m pytest tests/hostile/test_ooxml.py``.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from uddprog.render import Renderer
from uddprog.render.context import build_context
from uddprog.render.docx import CoreProperties

from .conftest import PROJEKT
from .corpus import DATO
from .strategies import repositorier
from .test_render_generated import _render

openxml_audit = pytest.importorskip("openxml_audit", reason="openxml-audit er ikke installeret (pip install openxml-audit)")

BASELINE = Path(__file__).with_name("ooxml_baseline.json")
SKABELONER = sorted(p.parent.name for p in (PROJEKT / "templates/national").glob("*/program.docx"))
#: One shipped programme per template: the validator takes about a second per document.
EKSEMPLER = {"hoveduddannelse": "examples/nord/neurologi-hoveduddannelse-holstebro-aarhus-forloeb-1.yaml",
             "introduktion": "examples/syd/anaestesiologi-introduktion-kolding.yaml",
             "kbu": "examples/oest/kbu-sjaelland-forloeb-12.yaml"}


@pytest.fixture(scope="module")
def validator():
    return openxml_audit.OpenXmlValidator(file_format=openxml_audit.FileFormat.OFFICE_2019, max_errors=1000)


def fund(validator, fil: Path) -> list[dict[str, str]]:
    """The findings of one file, without positions (they differ between documents), sorted."""
    r = validator.validate(fil)
    ud = {(e.error_type.name, e.part_uri or "", e.node or "", e.description) for e in r.errors}
    return [dict(zip(("type", "del", "node", "beskrivelse"), f)) for f in sorted(ud)]


def _baseline() -> dict:
    return json.loads(BASELINE.read_text("utf-8"))


def _nye(validator, fil: Path, skabelon: str) -> list[dict[str, str]]:
    kendte = _baseline()["skabeloner"][skabelon]
    return [f for f in fund(validator, fil) if f not in kendte]


def test_baseline_matches_the_shipped_templates(validator):
    nu = {s: fund(validator, PROJEKT / "templates/national" / s / "program.docx") for s in SKABELONER}
    data = {"værktøj": f"openxml-audit {openxml_audit.__version__}", "format": "Office2019", "skabeloner": nu}
    if os.environ.get("UDDPROG_OPDATER_OOXML"):
        BASELINE.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
    gemt = _baseline()
    assert gemt["værktøj"] == data["værktøj"], "baseline er lavet med en anden version af validatoren: opdatér den"
    for s in SKABELONER:
        nye = [f for f in nu[s] if f not in gemt["skabeloner"].get(s, [])]
        væk = [f for f in gemt["skabeloner"].get(s, []) if f not in nu[s]]
        assert nye == [], f"{s}/program.docx har nye OOXML-fund: {nye}"
        assert væk == [], f"{s}/program.docx: fund rettet, fjern dem fra {BASELINE.name}: {væk}"


def test_validator_is_not_blind(validator, tmp_path):
    """A document with elements in the wrong order and an undefined style is reported as new findings."""
    import zipfile

    ren = PROJEKT / "templates/national/kbu/program.docx"
    with zipfile.ZipFile(ren) as z:
        dele = {n: z.read(n) for n in z.namelist()}
    dele["word/document.xml"] = dele["word/document.xml"].replace(
        b"<w:body>", b'<w:body><w:p><w:r><w:t>x</w:t></w:r><w:pPr><w:pStyle w:val="Findesikke"/></w:pPr></w:p>', 1)
    fil = tmp_path / "forkert.docx"
    with zipfile.ZipFile(fil, "w") as z:
        for n, d in dele.items():
            z.writestr(n, d)
    nye = _nye(validator, fil, "kbu")
    assert any(f["del"] == "/word/document.xml" and f["node"] == "pPr" for f in nye), nye
    assert any("Findesikke" in f["beskrivelse"] for f in nye), nye


@pytest.mark.parametrize("skabelon", sorted(EKSEMPLER))
def test_rendered_examples_add_no_findings(validator, tmp_path, skabelon):
    u = Renderer(PROJEKT, DATO).render_fil(PROJEKT / EKSEMPLER[skabelon], ("docx",), tmp_path)
    assert u.ok, u.fejl
    assert _nye(validator, u.filer[0], skabelon) == []


def test_rich_and_hostile_markdown_adds_no_findings(validator, tmp_path):
    """Lists (numbered, nested, restarting), links, headings, quotes, code, tables (also inside a table
    cell), strikethrough, unsupported Markdown shown as text, and hostile characters."""
    from tests.render import fixtures

    tabel = "| Dag | Aktivitet | Timer |\n|:--|:-:|--:|\n| Mandag | **Stuegang** ~~ikke~~ | 3 |\n| Tirsdag |\n"
    tekst = (fixtures.RIG_TEKST + "\n\n# Overskrift\n\n> Citat med **fed**\n\n`kode` og [link](https://x.dk)\n\n"
             "- a\n  - b\n    - c\n\n" + tabel + "\n" + tabel + "\n~~streg~~ <b>x</b> ![b](https://x.dk/b.png) "
             "[j](javascript:x) [^1]\n\n<div>blok</div>\n\n"
             "A & B < C > \"D\" 'E' Ærø 😀 \x01 <w:p/> ]]> { DATE }")
    program = fixtures.program(tekst=tekst)
    plan = [program.kompetenceplan[0].model_copy(update={"bemærkning": tabel})] + list(program.kompetenceplan[1:])
    program = program.model_copy(update={"kompetenceplan": plan})
    ctx = build_context(program, fixtures.maalbeskrivelse(), fixtures.skabelon())
    data = Renderer(PROJEKT).docx_skabelon("hoveduddannelse").render(ctx, CoreProperties(title="T & <x>", author="A"))
    fil = tmp_path / "rig.docx"
    fil.write_bytes(data)
    assert _nye(validator, fil, "hoveduddannelse") == []


@settings(max_examples=3, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(repositorier(maks_ansættelser=4, maks_kompetencer=4))
def test_generated_programmes_add_no_findings(validator, g):
    with tempfile.TemporaryDirectory() as d:
        docx, _ = _render(g, Path(d))
        assert _nye(validator, docx, g.skabelon["fase"]) == []


@pytest.mark.parametrize("skabelon", sorted(EKSEMPLER))
def test_redigerbar_udgave_har_kun_skabelonens_fund(validator, skabelon, tmp_path):
    """The editable document (content controls, the form, locks, the custom XML part) is valid markup."""
    from uddprog.loading import indlæs

    fil = tmp_path / f"{skabelon}.redigerbar.docx"
    fil.write_bytes(Renderer(PROJEKT).redigerbar(indlæs(PROJEKT / EKSEMPLER[skabelon])))
    assert _nye(validator, fil, skabelon) == []
