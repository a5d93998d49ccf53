"""`uddprog diff` of two programme versions: what changed, in every format, and against git with --siden."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import kør_proces
from uddprog.diff.programdiff import sammenlign_programmer, som_html, som_json, som_tekst
from uddprog.loading import indlæs

REPO = Path(__file__).resolve().parents[2]
STALE = "examples/syd/neurologi-hoveduddannelse-odense-forloeb-2.yaml"


def _cli(*args, cwd):
    return kør_proces("diff", *args, cwd=cwd)


def _revidér(kopi: Path) -> tuple[Path, Path]:
    """The stale programme and its migrated revision, side by side."""
    from datetime import date

    from uddprog.catalog import Katalog
    from uddprog.migrate import migrér, skriv

    fil = kopi / STALE
    gammel = kopi / "examples/gammel.yaml"
    gammel.write_bytes(fil.read_bytes())
    skriv(migrér(fil, Katalog(kopi), dato=date(2026, 11, 23)))
    return gammel, fil


def test_a_migrated_programme_shows_what_the_migration_did(checkout_kopi):
    gammel, ny = _revidér(checkout_kopi)
    d = sammenlign_programmer(indlæs(gammel), indlæs(ny))
    emner = {æ.emne for æ in d.ændringer}
    assert {"målbeskrivelse", "ansvar", "kompetenceplan"} <= emner
    plan = [æ for æ in d.ændringer if æ.emne == "kompetenceplan"]
    assert any(æ.art == "fjernet" and "kompetence 25" in æ.før and "Audit" in æ.før for æ in plan)
    stykker = lambda æ: [(op, t.strip()) for op, t in æ.ordforskel]  # noqa: E731
    assert any(æ.art == "ændret" and ("-", "26") in stykker(æ) and ("+", "25") in stykker(æ) for æ in plan)
    assert sum(æ.art == "tilføjet" for æ in plan) == 3  # 28 from the split, 29 and 30 new
    assert d.exitkode == 1
    j = som_json(d)
    assert j["format"] == "uddprog-programdiff" and j["antal"] == len(d.ændringer)
    assert "Kompetenceplan" in som_tekst(d) and "## Kompetenceplan" in som_tekst(d, markdown=True)


def test_a_section_change_is_a_word_diff_and_text_stays_text(checkout_kopi):
    fil = checkout_kopi / "examples/nord/kbu-aalborg-forloeb-3.yaml"
    ny = checkout_kopi / "examples/ny.yaml"
    tekst = fil.read_text(encoding="utf-8")
    sid = next(iter(indlæs(fil).model.sektioner))
    data = indlæs(fil).model.sektioner[sid]
    første = data.split()[0]
    ny.write_text(tekst.replace(første, "<script>Nyt</script>", 1), encoding="utf-8")
    d = sammenlign_programmer(indlæs(fil), indlæs(ny))
    (æ,) = [æ for æ in d.ændringer if æ.emne in ("sektioner", "stamdata", "ansættelser")][:1]
    assert ("+", "<script>Nyt</script>") in [(op, t.strip()) for op, t in æ.ordforskel]
    side = som_html(d)
    assert "<script>" not in side and "&lt;script&gt;" in side


def test_identical_programmes_have_no_changes(checkout_kopi):
    fil = checkout_kopi / STALE
    assert sammenlign_programmer(indlæs(fil), indlæs(fil)).ændringer == ()


def test_cli_formats_and_docx(checkout_kopi):
    gammel, ny = _revidér(checkout_kopi)
    for fmt in ("text", "markdown", "html", "json"):
        p = _cli(str(gammel), str(ny), "--format", fmt, cwd=checkout_kopi)
        assert p.returncode == 1, p.stderr
    assert json.loads(_cli(str(gammel), str(ny), "--format", "json", cwd=checkout_kopi).stdout)["antal"] > 5
    p = _cli(str(gammel), str(ny), "--format", "docx", cwd=checkout_kopi)
    assert p.returncode == 2 and "--out" in p.stderr
    out = checkout_kopi / "revision.docx"
    p = _cli(str(gammel), str(ny), "--format", "docx", "--out", str(out), cwd=checkout_kopi)
    assert p.returncode == 1 and out.read_bytes()[:2] == b"PK"
    første = out.read_bytes()
    _cli(str(gammel), str(ny), "--format", "docx", "--out", str(out), cwd=checkout_kopi)
    assert out.read_bytes() == første  # deterministic


def test_siden_compares_with_the_file_at_a_git_revision(checkout_kopi):
    git = shutil.which("git")
    if git is None:
        pytest.skip("git er ikke installeret")
    git_ = lambda *a: subprocess.run([git, *a], cwd=checkout_kopi, check=True, capture_output=True)  # noqa: E731
    git_("init", "-q")
    git_("-c", "user.name=t", "-c", "user.email=t@t", "add", "-A")
    git_("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "godkendt")
    git_("tag", "godkendt-2014")
    p = _cli("--siden", "godkendt-2014", STALE, cwd=checkout_kopi)
    assert p.returncode == 0 and "Ingen ændringer" in p.stdout
    _revidér(checkout_kopi)
    p = _cli("--siden", "godkendt-2014", STALE, "--format", "markdown", cwd=checkout_kopi)
    assert p.returncode == 1 and "@ godkendt-2014" in p.stdout and "version 2015" in p.stdout
    for args in (["--siden", "findes-ikke", STALE], ["--siden", "HEAD", "examples/ny-fil.yaml"],
                 ["--siden", "HEAD", STALE, STALE]):
        p = _cli(*args, cwd=checkout_kopi)
        assert p.returncode == 2 and "Traceback" not in p.stderr, (args, p.stderr)
