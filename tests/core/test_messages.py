"""Messages a new user meets: Danish help, grammar, places and paths (issue 9, "Confusing messages")."""

from __future__ import annotations

import re
import shutil
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


# --- issue 20, "Messages a secretariat reads" -----------------------------------------------------------

def test_p060_names_the_command_that_records_the_approval(syntetisk_repo):
    syntetisk_repo.program["ansvar"]["revision"] = {"fra_version": "2011", "til_version": "2015", "dato": "2026-11-23",
                                          "status": "afventer-godkendelse"}
    (fund,) = [f for f in syntetisk_repo.valider().fund if f.check == "P060"]
    assert "'uddprog godkend " in fund.besked and "--dato ÅÅÅÅ-MM-DD --af UDVALG'" in fund.besked
    assert str(fund.sted.fil) in fund.besked and "sæt 'status: godkendt'" not in fund.besked


def test_p026_is_not_only_uddprog_ny_s_placeholder():
    from uddprog.checks import REGISTER

    # import and migrate write UDFYLD too
    assert "uddprog ny" not in REGISTER["P026"].titel and "UDFYLD" in REGISTER["P026"].titel


def test_p042_names_an_ansættelse_without_a_place_by_its_id(syntetisk_repo):
    syntetisk_repo.program["ansættelser"][0].update(sted="UDFYLD", vejledersamtaler=[])
    fund = [f.besked for f in syntetisk_repo.valider().fund if f.check in ("P042", "P043", "P046")]
    assert any(b.startswith("Ansættelsen 'goedstrup' (24 måneder) har 0 planlagte") for b in fund), fund
    assert not any("på UDFYLD" in b for b in fund), fund


def test_p018_without_a_course_list_points_at_the_målbeskrivelse_not_the_title(syntetisk_repo):
    syntetisk_repo.program.pop("kurser")
    rod = syntetisk_repo.skriv()
    fund = [f for f in syntetisk_repo.valider().fund if f.check == "P018"]
    linjer = (rod / "examples/nord/program.yaml").read_text(encoding="utf-8").splitlines()
    assert fund and all(linjer[f.sted.linje - 1].startswith("målbeskrivelse:") for f in fund)
    assert "programmet har ingen 'kurser' endnu" in fund[0].besked


def test_top_level_help_is_danish():
    tekst = kør("--help").output
    assert "KOMMANDO [ARGUMENTER]..." in tekst and "COMMAND" not in tekst and "ARGS" not in tekst


def test_diff_of_two_versions_in_the_wrong_order_speaks_danish():
    r = uddprog("diff", "neurologi/hoveduddannelse@2015", "neurologi/hoveduddannelse@2011")
    assert r.returncode == 2
    assert ("GAMMEL (version 2015, gyldig fra 1. september 2015) er nyere end NY (version 2011, gyldig fra "
            "1. september 2011)") in r.stderr
    assert "OLD" not in r.stderr and "2015-09-01" not in r.stderr
    assert "GAMMEL" in hjælp("diff") and "OLD" not in hjælp("diff")


def test_ny_with_a_specialty_alone_proposes_the_reference_and_lists_the_versions():
    r = uddprog("ny", "neurologi")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "Mente du neurologi/hoveduddannelse@2015?" in r.stderr
    assert "neurologi/hoveduddannelse@2011, neurologi/hoveduddannelse@2015" in r.stderr
    assert "L001" not in r.stderr
    r = uddprog("ny", "neurologi/hoveduddannelse")
    assert "Mente du neurologi/hoveduddannelse@2015?" in r.stderr and "introduktion" not in r.stderr
    r = uddprog("ny", "nevrologi")
    assert "Mente du 'Neurologi'?" in r.stderr and "uddprog katalog" in r.stderr


def test_ny_out_with_spaces_suggests_a_command_that_works_in_a_shell(tmp_path):
    import shlex

    ud = tmp_path / "Ålborg forløb 7.yaml"
    r = uddprog("ny", "neurologi/hoveduddannelse@2015", "--region", "Nord", "--out", str(ud))
    assert r.returncode == 0, r.stderr
    forslag = r.stderr.split("kør: ", 1)[1].strip()
    assert shlex.split(forslag) == ["uddprog", "validate", str(ud)]


def _region(tmp_path):
    rod = tmp_path / "region"
    assert kør("init", rod, "--region", "Nord").exit_code == 0
    return rod


def test_import_onto_an_approved_programme_says_what_is_there(tmp_path):
    rod = _region(tmp_path)
    program = rod / "programmer" / "forloeb-1.yaml"
    shutil.copy(ROD / "examples/nord/neurologi-hoveduddannelse-holstebro-aarhus-forloeb-1.yaml", program)
    før = program.read_bytes()
    r = uddprog("import", str(ROD / "tests/importer/korpus/nord-overskriftstypografier.docx"),
                "--mb", "neurologi/hoveduddannelse@2015", "--out", str(program), cwd=rod)
    assert r.returncode == 2 and program.read_bytes() == før
    assert "er et uddannelsesprogram, godkendt " in r.stderr and "udkast. Slet det" not in r.stderr


@pytest.mark.parametrize("indhold, ord", [(b"%PDF-1.7\n%\xe2\xe3\n", "Den er en PDF"),
                                          (b"{\\rtf1\\ansi hej}", "Den er en RTF-fil")])
def test_import_of_a_pdf_or_rtf_says_how_to_get_a_docx(tmp_path, indhold, ord):
    fil = tmp_path / "program.pdf"
    fil.write_bytes(indhold)
    r = uddprog("import", str(fil), "--mb", "neurologi/hoveduddannelse@2015", "--region", "Nord")
    assert r.returncode == 2 and ord in r.stderr and ".docx" in r.stderr and "Traceback" not in r.stderr


def test_p001_in_a_region_repository_names_the_catalogue_not_the_repository_folder(tmp_path):
    rod = _region(tmp_path)
    tekst = (ROD / "examples/nord/neurologi-hoveduddannelse-holstebro-aarhus-forloeb-1.yaml").read_text(encoding="utf-8")
    (rod / "programmer" / "p.yaml").write_text(tekst.replace('version: "2015"', 'version: "2019"', 1), encoding="utf-8")
    r = uddprog("validate", "programmer/p.yaml", cwd=rod)
    (linje,) = [l for l in r.stdout.splitlines() if "P001" in l]
    assert "findes ikke i kataloget (repositoriets målbeskrivelser/ og dem, der følger med uddprog" in linje
    assert "Kendte versioner af Neurologi (hoveduddannelse): 2011, 2015." in linje


def test_diff_of_shipped_målbeskrivelser_shows_no_installation_paths(tmp_path):
    rod = _region(tmp_path)
    r = uddprog("diff", "neurologi/hoveduddannelse@2011", "neurologi/hoveduddannelse@2015", cwd=rod)
    assert "gammel: uddprog:målbeskrivelser/neurologi/hoveduddannelse-2011.yaml" in r.stdout
    assert str(ROD) not in r.stdout and "site-packages" not in r.stdout


def test_katalog_is_an_aligned_table(tmp_path):
    r = kør("katalog", "--rod", _region(tmp_path))
    blok = r.output.split("Målbeskrivelser\n", 1)[1].split("\n\n", 1)[0].splitlines()
    hoved, streg, *rækker = blok
    assert hoved.split() == ["Speciale", "Fase", "Version", "Fra", "Illustrativ", "Fil"] and set(streg.strip()) <= {"-", " "}
    kolonner = [m.start() for m in re.finditer(r"(?<=  )\S", streg)][1:]  # where each column after the first begins
    assert len(kolonner) == 5
    klinisk = next(r for r in rækker if "Klinisk basisuddannelse" in r)  # the longest specialty name
    for række in rækker:
        for k in kolonner:
            assert række[k - 1] == " " and række[k] != " ", (række, k)
    assert "kbu" in klinisk
