"""The hostile import corpus (importkorpus.py) through the real command, and uddprog's own documents imported
against the wrong målbeskrivelse (issue 20, item 6): exit 0 with a draft that is YAML or exit 2 with a Danish
message; never a traceback, never a changed input."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
import yaml

from uddprog.importer import ImportFejl, importer_bytes
from uddprog.loading import indlæs

from . import importkorpus
from .conftest import PROJEKT, træhash, uddprog


def _stikprøve() -> list[importkorpus.Importcase]:
    """Every family and placement, one character each (the in-process test runs them all)."""
    set_: set[tuple[str, str]] = set()
    ud = []
    for c in importkorpus.alle():
        nøgle = (c.familie, c.navn.split("-", 2)[-1] if c.familie == "kontroltegn" else c.navn)
        if nøgle not in set_:
            set_.add(nøgle)
            ud.append(c)
    return ud


def test_fjendtlige_importdokumenter_gennem_kommandoen(tmp_path: Path):
    cases = _stikprøve()
    ind = tmp_path / "ind"
    ind.mkdir()
    filer = []
    for i, c in enumerate(cases):
        f = ind / f"{i:03d}-{c.filnavn}"
        f.write_bytes(c.data)
        filer.append(f)
    før = træhash(ind)
    ud = tmp_path / "ud"
    r = uddprog("import", *map(str, filer), "--mb", importkorpus.MB, "--region", importkorpus.REGION,
                "--out-dir", str(ud), "--rod", str(PROJEKT), cwd=tmp_path, timeout=300)
    assert r.returncode in (0, 2), r.stderr[-2000:]
    assert "Traceback" not in r.stderr + r.stdout and "Intern fejl" not in r.stderr
    assert træhash(ind) == før
    problemer = []
    for c, f in zip(cases, filer):
        udkast = ud / f"{f.stem}.yaml"
        if not udkast.exists():
            assert f"Fejl: {f}" in r.stderr, c.navn
            continue
        problemer += [f"{c.familie} {c.navn}: {p}" for p in
                      importkorpus.problemer_med_udkast(c, udkast.read_text(encoding="utf-8"))]
    assert not problemer, "\n".join(problemer)
    assert len(cases) >= 40


@functools.cache
def _dannede() -> dict[str, tuple[bytes, object]]:
    from tests.importer.rundtur import render_docx
    from uddprog.render import Renderer

    renderer = Renderer(PROJEKT)
    ud = {}
    for f in sorted((PROJEKT / "examples").rglob("*.yaml")):
        program = indlæs(f).model
        ud[f.stem] = (render_docx(renderer, program), program)
    return ud


@pytest.mark.parametrize("eksempel", sorted(p.stem for p in (PROJEKT / "examples").rglob("*.yaml")))
def test_dannet_program_med_forkert_målbeskrivelse(eksempel, katalog_projekt):
    """A rendered shipped programme imported with every målbeskrivelse of the catalogue (all but one wrong,
    a plausible mistake): a draft that is YAML and loads or fails with findings."""
    data, program = _dannede()[eksempel]
    case = importkorpus.Importcase("forkert-mb", eksempel, data, f"{eksempel}.docx")
    for mb in katalog_projekt.målbeskrivelser:
        skabelon = next(s for s in katalog_projekt.skabeloner.values() if s.model.fase == mb.model.fase)
        try:
            imp = importer_bytes(data, case.filnavn, mb.model, skabelon.model, program.videreuddannelsesregion)
        except ImportFejl as e:   # pragma: no cover - a rendered document is always readable
            pytest.fail(f"{mb.model.speciale} {mb.model.version}: {e}")
        assert importkorpus.problemer_med_udkast(case, imp.yaml) == [], mb.fil
        assert isinstance(yaml.safe_load(imp.yaml), dict)


@pytest.fixture(scope="module")
def katalog_projekt():
    from uddprog.catalog import Katalog

    return Katalog(PROJEKT)
