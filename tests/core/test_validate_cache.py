"""`uddprog validate` keeps each file's findings with the render cache's key (fingeraftryk.Kildenøgle):
an unchanged file is not read again, and the findings are exactly those of a run without the cache, whatever
changed in between (a programme, a målbeskrivelse version, the date, the config, an inline ignore, a duplicate
output name, a recruitment round's programmes, a broken catalogue file, a corrupt cache)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from uddprog import checks
from uddprog.checks.cache import cachefil

from ..conftest import kør

PROJEKT = Path(__file__).resolve().parents[2]
DATO = "2026-11-23"
NEURO = Path("examples/nord/neurologi-hoveduddannelse-holstebro-aarhus-forloeb-1.yaml")


@pytest.fixture
def rod(tmp_path, monkeypatch) -> Path:
    """A copy of the shipped repository (programmes and their shared parts, målbeskrivelser, templates, rounds,
    agreements)."""
    rod = tmp_path / "rod"
    for d in ("målbeskrivelser", "templates", "programdele", "examples", "rekruttering", "aftaler"):
        shutil.copytree(PROJEKT / d, rod / d)
    monkeypatch.chdir(rod)
    return rod


def validate(*args: str) -> tuple[int, str]:
    r = kør("validate", "--format", "json", "--dato", DATO, "--jobs", "1", *args)
    return r.exit_code, r.stdout


def begge(dato: str = DATO) -> tuple[int, str]:
    """The run with the cache and the same run without it: the same exit code and the same report."""
    med = validate("--dato", dato)
    uden = validate("--dato", dato, "--no-cache")
    assert med == uden
    return med


@pytest.fixture
def læste(monkeypatch) -> list[str]:
    """The files validation loaded and checked in this process (with --jobs 1)."""
    læst: list[str] = []
    ægte = checks._valider_fil

    def tæl(fil, *a, **k):
        læst.append(Path(fil).as_posix())
        return ægte(fil, *a, **k)

    monkeypatch.setattr(checks, "_valider_fil", tæl)
    return læst


def test_an_unchanged_repository_is_not_read_again(rod, læste):
    """Fails without a validation cache: every file was loaded and checked on every run."""
    først = validate()
    assert len(læste) == len(json.loads(først[1])["filer"]) > 30  # every file, as the report counts them
    læste.clear()
    assert validate() == først
    assert læste == []
    (rod / NEURO).write_text((rod / NEURO).read_text("utf-8").replace("Holstebro", "Herning"), "utf-8")
    læste.clear()
    validate()
    # the changed programme, and the rounds: their programmes' forløb changed
    assert sorted(læste) == sorted([NEURO.as_posix(), *(p.relative_to(rod).as_posix()
                                                       for p in sorted((rod / "rekruttering").rglob("*.yaml")))])


def test_no_cache_neither_reads_nor_writes_it(rod, læste, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    validate("--no-cache")
    assert not (tmp_path / "cache").exists()
    validate()
    assert cachefil(rod) == tmp_path / "cache/uddprog/validate" / cachefil(rod).name and cachefil(rod).is_file()
    læste.clear()
    _, rapport = validate("--no-cache")
    assert len(læste) == len(json.loads(rapport)["filer"]) > 30


def _ret(fil: Path, funktion) -> None:
    data = yaml.safe_load(fil.read_text("utf-8"))
    funktion(data)
    fil.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def test_findings_are_those_of_a_run_without_the_cache_whatever_changed(rod):
    kode, rapport = begge()
    assert kode == 0
    begge()  # all from the cache

    # A programme gets an error.
    _ret(rod / NEURO, lambda d: d["kompetenceplan"][0].update(vurderingsmetoder=["findes-ikke"]))
    assert begge()[0] == 1

    # A new version of its målbeskrivelse: P021 (a newer version) appears though the programme is unchanged.
    ny = rod / "målbeskrivelser/psykiatri/hoveduddannelse-2030.yaml"
    shutil.copy(rod / "målbeskrivelser/psykiatri/hoveduddannelse-2016.yaml", ny)
    _ret(ny, lambda d: d.update(version="2030", gyldig_fra="2026-09-01"))
    _, rapport = begge()
    assert "P021" in rapport

    # The date crosses a boundary of a date-dependent check, and back.
    begge("2031-01-01")
    begge()

    # The config: a severity changed, an ignore, an expiring ignore and an unknown id (C-findings).
    (rod / "uddprog.toml").write_text(
        'programmer = "examples"\n\n[checks]\nP022 = "error"\nX999 = "warning"\n\n'
        '[[ignorer]]\ncheck = "P023"\nsti = "examples/syd/*.yaml"\nbegrundelse = "Revideres i foråret."\n\n'
        '[[ignorer]]\ncheck = "P021"\nsti = "examples/**"\nbegrundelse = "Kendt."\nindtil = 2026-01-01\n', "utf-8")
    kode, rapport = begge()
    assert "C004" in rapport and "C006" in rapport and kode == 1

    # An inline ignore in a programme whose findings are cached.
    syd = rod / "examples/syd/neurologi-hoveduddannelse-odense-forloeb-2.yaml"
    linjer = syd.read_text("utf-8").splitlines()
    nr = next(i for i, linje in enumerate(linjer) if linje.startswith("  næste_revision:"))  # P022's line
    linjer[nr] += "  # uddprog: ignorer P023 – afventer udvalget"
    syd.write_text("\n".join(linjer) + "\n", "utf-8")
    begge()

    # A copy of a programme: both get the same output name (P028).
    shutil.copy(rod / "examples/oest/anaestesiologi-hoveduddannelse-forloeb-4.yaml",
                rod / "examples/oest/kopi.yaml")
    _, rapport = begge()
    assert "P028" in rapport, rapport

    # A round's programme renames its forløb: the unchanged round now names a forløb that does not exist.
    _ret(rod / NEURO, lambda d: d.update(forløb="Et andet navn"))
    _, rapport = begge()
    assert "R001" in rapport

    # A målbeskrivelse breaks: the catalogue's own finding, and P001 for the programmes that use it.
    (rod / "målbeskrivelser/kbu/kbu-2017.yaml").write_text("kompetencer: [\n", "utf-8")
    _, rapport = begge()
    assert "L002" in rapport and "P001" in rapport
    begge()


@pytest.mark.parametrize("indhold", [b"{", b"\x00\xff" * 50, b'{"hoved": 1, "poster": []}', b"[]",
                                     b'{"hoved": {}, "poster": {"x": 1}}'])
def test_a_corrupt_cache_is_as_no_cache(rod, indhold):
    _, rapport = begge()
    fil = cachefil(rod)
    gammel = json.loads(fil.read_bytes())
    fil.write_bytes(indhold)
    assert begge() == (0, rapport)
    # A readable cache whose entries are of the wrong shape is no different.
    for post in gammel["poster"].values():
        post["fund"] = "ikke en liste"
        post["navn"] = 7
    fil.write_text(json.dumps(gammel), "utf-8")
    assert begge() == (0, rapport)


def test_the_cache_is_kept_outside_the_repository_and_per_working_folder(rod, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    subprocess.run(["git", "init", "-q"], cwd=rod, check=True)
    subprocess.run(["git", "add", "-A"], cwd=rod, check=True)
    r = validate()
    os.chdir(rod / "examples")  # paths in messages are relative to the working folder: not from the cache
    fra_examples = validate("--rod", "..")
    assert fra_examples == validate("--rod", "..", "--no-cache") != r
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all", "--ignored"], cwd=rod,
                            capture_output=True, text=True, check=True).stdout
    assert [linje for linje in status.splitlines() if not linje.startswith("A  ")] == []  # nothing new in it
    assert [p.name for p in (tmp_path / "cache/uddprog/validate").iterdir()] == [cachefil(rod).name]
    # Unwritable cache folder: no cache, same findings.
    monkeypatch.setenv("XDG_CACHE_HOME", "/proc/uddprog-findes-ikke")
    os.chdir(rod)
    assert begge() == r


def test_concurrent_runs_give_the_right_findings_and_a_whole_cache(rod):
    env = {**os.environ, "PYTHONPATH": str(PROJEKT)}
    kommando = [sys.executable, "-m", "uddprog", "validate", "--format", "json", "--dato", DATO]
    forventet = subprocess.run(kommando + ["--no-cache"], cwd=rod, env=env, capture_output=True, text=True).stdout
    for _ in range(2):
        _ret(rod / NEURO, lambda d: d.update(titel=d["titel"] + " (ny)"))
        forventet = subprocess.run(kommando + ["--no-cache"], cwd=rod, env=env, capture_output=True, text=True).stdout
        kørsler = [subprocess.Popen(kommando, cwd=rod, env=env, stdout=subprocess.PIPE, text=True) for _ in range(4)]
        assert [p.communicate()[0] for p in kørsler] == [forventet] * 4
        json.loads(cachefil(rod).read_bytes())
        assert [p.name for p in cachefil(rod).parent.iterdir() if p.name.endswith(".tmp")] == []
    assert subprocess.run(kommando, cwd=rod, env=env, capture_output=True, text=True).stdout == forventet


def test_a_changed_shared_part_reads_the_programmes_that_include_it_again(rod, læste):
    """A programme's findings depend on the shared parts (programdele) joined into it, not only on its own bytes."""
    validate()
    del_ = rod / "programdele/oest/kbu-oest.yaml"
    brugere = sorted(p.relative_to(rod).as_posix() for p in (rod / "examples").rglob("*.yaml")
                     if "programdele/oest/kbu-oest.yaml" in p.read_text("utf-8"))
    assert len(brugere) == 2
    del_.write_text(del_.read_text("utf-8") + "\n# ændret\n", "utf-8")
    læste.clear()
    validate()
    assert sorted(set(læste) - {del_.relative_to(rod).as_posix()}) == brugere


@pytest.mark.parametrize("med_cache", [True, False])
def test_files_validated_in_the_run_are_not_read_again_for_inline_suppressions(rod, med_cache, tmp_path, monkeypatch):
    """The files a first run validated tell whether they hold '# uddprog:'; only those that do are read again
    when the findings are applied (3,000 programmes were read twice, in one process, after the workers)."""
    from uddprog.catalog import Katalog
    from uddprog.checks.cache import Valideringscache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for fil in (rod / "examples").rglob("*.yaml"):  # the shipped header comment names uddprog: drop it
        fil.write_text("".join(t for t in fil.read_text("utf-8").splitlines(True) if "uddprog:" not in t), "utf-8")
    linjer = (rod / NEURO).read_text("utf-8").splitlines()
    nr = next(i for i, t in enumerate(linjer) if t.startswith("titel:"))
    linjer[nr] += "  # uddprog: ignorer P023 – afventer udvalget"
    (rod / NEURO).write_text("\n".join(linjer) + "\n", "utf-8")
    katalog = Katalog(rod)
    cache = Valideringscache.for_katalog(katalog) if med_cache else None
    resultat = checks.valider(None, katalog, jobs=1, cache=cache)
    programmer = sorted((rod / "examples").rglob("*.yaml"))
    uden = {p for p in programmer if "uddprog:" not in p.read_text("utf-8")}
    assert (rod / NEURO) not in uden and len(uden) == len(programmer) - 1
    assert {p.resolve() for p in resultat.uden_direktiver if p.resolve().is_relative_to(rod / "examples")} == uden
