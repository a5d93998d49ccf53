"""Re-rendering skips programmes whose inputs, template and tool are unchanged, and only those."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.conftest import kør
from uddprog.batch import render_programmer
from uddprog.udmappe import MANIFEST

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import corpus  # noqa: E402


@pytest.fixture()
def korpus(tmp_path):
    return corpus.generer(tmp_path / "k", 8, seed=11)


def _render(k, out, **kw):
    return render_programmer([k.rod / "examples"], ("docx", "html"), out, jobs=1, rod=k.rod, **kw)


def _uændrede(resultat) -> set[str]:
    return {u.kilde.name for u in resultat.udfald if u.uændret}


def test_second_render_does_nothing(korpus, tmp_path):
    out = tmp_path / "build"
    første = _render(korpus, out)
    assert første.ok and not _uændrede(første)
    indhold = {p: p.read_bytes() for p in out.rglob("*.docx")}
    anden = _render(korpus, out)
    assert anden.ok and len(_uændrede(anden)) == len(korpus.programmer)
    assert sorted(anden.filer) == sorted(første.filer)
    assert {p: p.read_bytes() for p in out.rglob("*.docx")} == indhold
    assert (out / MANIFEST).is_file()


def test_only_the_changed_programme_renders_again(korpus, tmp_path):
    out = tmp_path / "build"
    _render(korpus, out)
    ændret = korpus.programmer[3]
    ændret.write_text(ændret.read_text(encoding="utf-8").replace("titel: Uddannelsesprogram", "titel: Program", 1),
                      encoding="utf-8")
    r = _render(korpus, out)
    assert {u.kilde.name for u in r.udfald if not u.uændret} == {ændret.name}


def test_a_missing_output_or_a_changed_template_renders_again(korpus, tmp_path):
    out = tmp_path / "build"
    første = _render(korpus, out)
    første.filer[0].unlink()
    assert len(_uændrede(_render(korpus, out))) == len(korpus.programmer) - 1
    skabelon = korpus.rod / "templates" / "national" / "hoveduddannelse" / "skabelon.yaml"
    skabelon.write_text(skabelon.read_text(encoding="utf-8") + "\n# ændret\n", encoding="utf-8")
    r = _render(korpus, out)
    igen = {u.kilde.name for u in r.udfald if not u.uændret}
    assert igen == {u.kilde.name for u in r.udfald if "-hoveduddannelse-" in u.kilde.name}


def test_a_changed_maalbeskrivelse_renders_its_programmes_again(korpus, tmp_path):
    out = tmp_path / "build"
    _render(korpus, out)
    fil = korpus.programmer[0]
    from uddprog.catalog import Katalog
    from uddprog.loading import indlæs

    mb = Katalog(korpus.rod).målbeskrivelse(indlæs(fil).model.målbeskrivelse).fil
    mb.write_text(mb.read_text(encoding="utf-8") + "\n# ny kommentar\n", encoding="utf-8")
    r = _render(korpus, out)
    igen = {u.kilde for u in r.udfald if not u.uændret}
    assert fil in igen and len(igen) < len(korpus.programmer)


def test_genbrug_false_renders_everything(korpus, tmp_path):
    out = tmp_path / "build"
    _render(korpus, out)
    assert not _uændrede(_render(korpus, out, genbrug=False))


def test_cli_says_unchanged_and_force_renders_everything(korpus, tmp_path):
    out = tmp_path / "build"
    args = ["render", korpus.rod / "examples", "--rod", korpus.rod, "--out", out, "-j", "1"]
    første = kør(*args)
    assert første.exit_code == 0 and "uændret" not in første.output
    anden = kør(*args)
    assert anden.exit_code == 0
    assert f"{len(korpus.programmer)} uændrede siden sidst" in anden.output
    assert anden.output.count("\nuændret ") + anden.output.startswith("uændret ") == len(korpus.programmer)
    tredje = kør(*args, "--force")
    assert tredje.exit_code == 0 and "uændret" not in tredje.output
