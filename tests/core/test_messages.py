"""Messages a new user meets: Danish help, grammar, places and paths (issue 9, "Confusing messages")."""

from __future__ import annotations

import re
from unittest import mock

import pytest

from tests.conftest import PROJEKT as ROD, kør, kør_proces as uddprog
from uddprog.loading import LoadError, indlæs

from .test_loading import PROGRAM_TEKST

def _kommandoer() -> list[str]:
    from uddprog.cli import _KOMMANDOER

    return sorted(_KOMMANDOER)


KOMMANDOER = _kommandoer()


def hjælp(*args) -> str:
    from uddprog.cli import cli

    with mock.patch.dict(cli.context_settings, terminal_width=200):  # wide enough that no option line wraps
        r = kør(*args, "--help")
    assert r.exit_code == 0, r.output
    return r.output


@pytest.mark.parametrize("kommando", KOMMANDOER)
def test_help_has_no_english_from_click(kommando):
    tekst = hjælp(kommando)
    for engelsk in ("[default:", "[required]", "x>=", "TEXT", "INTEGER", "%Y", "[OPTIONS]", "DIRECTORY", "PATH"):
        assert engelsk not in tekst, f"{engelsk!r} i hjælpen til {kommando}:\n{tekst}"
    assert "[TILVALG]" in tekst


def test_help_names_defaults_ranges_and_required_in_danish():
    assert "[standard: error]" in hjælp("render") and "[mindst 1]" in hjælp("render")
    assert "--dato ÅÅÅÅ-MM-DD" in hjælp("render")
    assert "[påkrævet]" in hjælp("init") and "--region TEKST" in hjælp("ny")


def test_impossible_date_is_danish_without_strftime_pattern():
    r = uddprog("validate", "--dato", "2026-02-31")
    assert r.returncode == 2
    assert "'2026-02-31' er ikke en gyldig dato på formen ÅÅÅÅ-MM-DD" in r.stderr and "%" not in r.stderr


def _fund(tmp_path, tekst):
    fil = tmp_path / "p.yaml"
    fil.write_text(tekst, encoding="utf-8")
    with pytest.raises(LoadError) as e:
        indlæs(fil)
    return e.value.fund


def test_empty_text_and_empty_value_read_as_danish(tmp_path):
    (tom,) = _fund(tmp_path, PROGRAM_TEKST.replace("afdeling: En afdeling", 'afdeling: ""')
                   .replace("observaton", "observation"))
    assert tom.besked == "'ansættelser[nr. 1].afdeling' skal udfyldes; fik en tom tekst."
    (ingen,) = _fund(tmp_path, PROGRAM_TEKST.replace("sted: Et sted", "sted:").replace("observaton", "observation"))
    assert "None" not in ingen.besked and ingen.besked.endswith("feltet står tomt.")


def test_p016_for_an_empty_key_points_at_the_key(syntetisk_repo):
    syntetisk_repo.program["ansvar"]["godkendt_dato"] = None  # `godkendt_dato:` with nothing after it
    rod = syntetisk_repo.skriv()
    (fund,) = [f for f in syntetisk_repo.valider().fund if f.check == "P016"]
    linjer = (rod / "examples/nord/program.yaml").read_text(encoding="utf-8").splitlines()
    assert linjer[fund.sted.linje - 1].strip().startswith("godkendt_dato:")


def test_month_ranges_of_one_month_are_one_month(syntetisk_repo):
    syntetisk_repo.program["fokuserede_ophold"][0].update(fra_måned=20, til_måned=20)
    (fund,) = [f for f in syntetisk_repo.valider().fund if f.check == "P025"]
    assert "planlagt i måned 20, men" in fund.besked and "25–48" in fund.besked


def test_no_lowercase_fejl_prefix_in_cli_sources():
    kilder = "\n".join(p.read_text(encoding="utf-8") for p in (ROD / "uddprog" / "cli").glob("*.py"))
    assert not re.search(r"""f?["']fejl: """, kilder)


def test_status_and_diff_accept_a_programme_file():
    fil = "examples/syd/neurologi-hoveduddannelse-odense-forloeb-2.yaml"
    r = uddprog("status", fil, "--dato", "2026-11-23")
    assert r.returncode == 0 and "Neurologi/hoveduddannelse@2011" in r.stdout and "findes ikke" not in r.stderr
    r = uddprog("diff", "neurologi/hoveduddannelse@2011", "neurologi/hoveduddannelse@2015", "--programmes", fil,
                "--dato", "2026-11-23")
    assert r.returncode == 1 and "1 program bygger på den gamle version" in r.stdout


@pytest.mark.parametrize("args", [["diff", "neurologi/hoveduddannelse@2011", "neurologi/hoveduddannelse@2015",
                                   "--programmes", "/"], ["status", "/"], ["render", "/", "--out", "{tmp}"]])
def test_the_file_system_root_is_refused_not_searched(args, tmp_path):
    r = uddprog(*[a.format(tmp=tmp_path) for a in args])
    assert r.returncode == 2 and "filsystemets rod" in r.stderr


def test_render_of_a_folder_skips_maalbeskrivelser_and_templates_and_lists_each_error(checkout_kopi, tmp_path):
    rod = checkout_kopi
    fil = rod / "examples/nord/kbu-aalborg-forloeb-3.yaml"
    tekst = re.sub(r"^forløb: .*$", 'forløb: ""', fil.read_text(encoding="utf-8"), count=1, flags=re.M)
    fil.write_text(re.sub(r"^titel: .*$", 'titel: ""', tekst, count=1, flags=re.M), encoding="utf-8")
    r = kør("render", "--rod", rod, "--out", tmp_path / "b", "-j", "1", rod, env={"CI": "1"})
    assert r.exit_code == 1
    assert "målbeskrivelse" not in "".join(l for l in r.output.splitlines() if l.startswith(("sprunget over", "fejl ")))
    assert r.output.count("sprunget over") == 1 and "1 ikke dannet" in r.output
    linje = next(i for i, l in enumerate(r.output.splitlines()) if l.startswith("sprunget over"))
    efter = r.output.splitlines()[linje + 1:linje + 3]
    assert all(l.startswith("  ") and ": fejl S00" in l for l in efter), r.output  # one finding a line
