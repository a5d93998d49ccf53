"""Month ranges as a reader sees them: one helper (uddprog.datoer.måneder_tekst) writes every one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from uddprog import regler
from uddprog.datoer import måneder_tekst
from uddprog.diff.changes import vis_vindue
from uddprog.models import Kursus
from uddprog.render.context import periode

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("fra", "til", "tekst"), [
    (12, 12, "måned 12"), (12, 14, "måned 12–14"), (1, 48, "måned 1–48"), (13, 12, "måned 13–12"),
])
def test_one_month_is_a_month_and_a_range_has_an_en_dash(fra, til, tekst):
    assert måneder_tekst(fra, til) == tekst
    # Documents keep "måned" with its number (a no-break space), the text is otherwise the same.
    assert måneder_tekst(fra, til, fast=True) == tekst.replace(" ", "\u00a0")
    assert periode(fra, til) == måneder_tekst(fra, til, fast=True)


def test_course_windows_of_one_month_too():
    kursus = Kursus(id="K", titel="Kursus", type="generel", tidligst_måned=7, senest_måned=7)
    assert regler.vis_kursusvindue(kursus, 48) == "måned 7"
    assert vis_vindue((7, 7)) == "måned 7" and vis_vindue((None, 12)) == "måned 1–12"
    assert vis_vindue((5, None)) == "måned 5–fasens slut"


#: "måned {a}–{b}" written by hand: an f-string or a Jinja expression on each side of a dash.
_HÅNDSKREVET = re.compile(r"måned(?:\s|\\u00a0|\u00a0)+\{\{?[^{}]+\}\}?\s*(?:–|\\u2013|-)\s*\{")


def test_no_module_or_template_writes_a_month_range_itself():
    filer = [f for f in (ROOT / "uddprog").rglob("*") if f.suffix in {".py", ".j2", ".html"}]
    filer += list((ROOT / "templates").rglob("*.j2")) + [ROOT / "benchmarks" / "corpus.py"]
    fund = [f"{f.relative_to(ROOT)}:{n}" for f in filer if f.name != "datoer.py"
            for n, linje in enumerate(f.read_text(encoding="utf-8").splitlines(), 1) if _HÅNDSKREVET.search(linje)]
    assert fund == []
    assert _HÅNDSKREVET.search('f"måned {e.fra_måned}–{e.til_måned}"')  # the pattern sees what it must
    assert _HÅNDSKREVET.search("måned {{ t.måneder[0] }}–{{ t.måneder[1] }}")
