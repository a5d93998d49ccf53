"""`uddprog stats` end to end: formats, determinism, filters and every kind of bad input."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from tests.conftest import kør

from .conftest import AFTALE, RUNDE, runde_data

ROD = Path(__file__).resolve().parents[2]


def _yaml(mappe: str) -> list[Path]:
    return sorted((ROD / mappe).rglob("*.yaml"))


def _programmer() -> list[dict]:
    import yaml

    return [yaml.safe_load(f.read_text(encoding="utf-8")) for f in _yaml("examples")]


def stats(*args, rod: Path = ROD):
    return kør("stats", *args, "--rod", rod)


@pytest.mark.parametrize("fmt", ["text", "csv", "json", "html"])
def test_every_format_is_written_atomically_and_byte_identically(tmp_path, fmt):
    a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    assert stats("--format", fmt, "--out", str(a)).exit_code == 0
    assert stats("--format", fmt, "--out", str(b)).exit_code == 0
    assert a.read_bytes() == b.read_bytes() and a.stat().st_size > 500
    assert [p.name for p in tmp_path.iterdir()] == sorted([a.name, b.name]) or len(list(tmp_path.iterdir())) == 2


def test_text_output_shows_the_figures_a_secretariat_asks_for():
    r = stats()
    assert r.exit_code == 0, r.stderr
    ud = r.stdout
    programmer, runder, aftaler = _yaml("examples"), len(_yaml("rekruttering")), len(_yaml("aftaler"))
    data = [yaml.safe_load(f.read_text(encoding="utf-8")) for f in programmer]
    # a programme for several forløb counts each of them; a draft (status: udkast) is not counted (issue 21)
    forløb = sum(len(d["forløb"]) if isinstance(d["forløb"], list) else 1 for d in data if d.get("status") != "udkast")
    udkast = sum(1 for d in data if d.get("status") == "udkast")
    assert (f"{forløb} forløb, {runder} rekrutteringsrunder og {aftaler} aftaler "
            f"({len(programmer) + runder + aftaler} filer læst; {udkast} udkast er ikke talt med)") in ud
    # the figures themselves are checked against the files in test_tal; here: the row is months, årsværk, share
    (i_alt,) = re.findall(r"^Hele landet\s+\d+\s+(\d+)\s", ud, re.M)
    syd = re.search(r"^Region Syddanmark\s+(\d+)\s+(\d+,\d)\s+(\d+,\d) %", ud, re.M)
    måneder = int(syd[1])
    assert måneder > 0 and syd[2] == f"{Decimal(måneder) / 12:.1f}".replace(".", ",")
    assert abs(Decimal(syd[3].replace(",", ".")) - Decimal(100 * måneder) / int(i_alt)) <= Decimal("0.1")
    assert "Anæstesiologi: ikke opfyldt – Region Sjælland 50,0 % / Region Hovedstaden 50,0 %" in ud
    assert re.search(r"2025-2\s+1,0\s+2\s+0\s+2\s+1\s+1\s+2\s+100,0 %", ud)  # Syd's round states no dimensioning
    assert re.search(r"Region Sjælland\s+0,5\s+0,0\s+0,5", ud) and re.search(r"Region Syddanmark\s+1,0\s+0,0\s+1,0", ud)


def test_filters_narrow_the_figures():
    r = stats("--region", "oest", "--fase", "hoveduddannelse", "--format", "json")
    data = json.loads(r.stdout)
    assert data["udvælgelse"] == {"videreuddannelsesregion": "Øst", "specialer": [], "faser": ["hoveduddannelse"]}
    forventet = sorted({p["målbeskrivelse"]["speciale"] for p in _programmer()
                        if p["videreuddannelsesregion"] == "Øst" and p["målbeskrivelse"]["fase"] == "hoveduddannelse"})
    assert "Anæstesiologi" in forventet and len(forventet) > 1
    assert [(c["speciale"], c["forløb"]) for c in data["celler"]] == [(sp, 1) for sp in forventet]
    assert {x["runde"] for x in data["runder"]} == {"2025-2", "2026-1"}
    r = stats("--speciale", "neurologi", "--format", "json")
    assert {c["speciale"] for c in json.loads(r.stdout)["celler"]} == {"Neurologi"}


def test_json_is_versioned_and_every_key_is_documented():
    data = json.loads(stats("--format", "json").stdout)
    assert (data["format"], data["formatversion"]) == ("uddprog-stats", 1)
    doc = (ROD / "docs" / "stats-json.md").read_text(encoding="utf-8")
    nøgler = set(data) | set(data["national"]) | set(data["runder"][0]) | set(data["aftaler"][0]) \
        | set(data["aftaler"][0]["målinger"][0])
    for n in nøgler:
        assert f"`{n}`" in doc, f"'{n}' mangler i docs/stats-json.md"


def test_csv_is_one_long_table_whose_shares_add_to_100():
    r = stats("--format", "csv")
    rækker = list(csv.DictReader(io.StringIO(r.stdout)))
    assert rækker and set(rækker[0]) == {"tabel", "videreuddannelsesregion", "speciale", "fase", "runde", "nøgle",
                                         "værdi", "andel_pct"}
    summer = defaultdict(Decimal)
    for x in rækker:
        if x["andel_pct"] and x["tabel"].startswith("måneder-"):
            summer[(x["tabel"], x["videreuddannelsesregion"], x["speciale"], x["fase"])] += Decimal(x["andel_pct"])
    assert summer and set(summer.values()) == {Decimal("100.0")}
    (national,) = [x for x in rækker if x["tabel"] == "forløb" and x["videreuddannelsesregion"] == "alle"]
    assert national["værdi"] == str(len(_yaml("examples")))


def test_empty_selection_is_a_clear_danish_answer_and_writes_nothing(tmp_path):
    ud = tmp_path / "s.html"
    r = stats("--region", "Nord", "--fase", "introduktion", "--format", "html", "--out", str(ud))
    assert r.exit_code == 2
    assert "Ingen forløb passer til udvælgelsen (region Nord, fase introduktion)" in r.stderr
    assert not ud.exists() and list(tmp_path.iterdir()) == []


def test_unknown_specialty_and_region_suggest_the_right_name():
    r = stats("--speciale", "Neurolog")
    assert r.exit_code == 2 and "Mente du 'Neurologi'?" in r.stderr
    r = stats("--region", "Øs")
    assert r.exit_code == 2 and "Ukendt videreuddannelsesregion 'Øs'" in r.stderr
    r = stats("--region", "Region Sjælland")
    assert r.exit_code == 2
    assert "Region Sjælland er en driftsregion i Videreuddannelsesregion Øst; brug --region Øst." in r.stderr


def test_nothing_to_count(tmp_path):
    (tmp_path / "tom").mkdir()
    r = stats(str(tmp_path / "tom"), rod=tmp_path)
    assert r.exit_code == 2
    assert "Der er ingen uddannelsesprogrammer at tælle" in r.stderr and "L007" in r.stderr


def test_a_programme_with_errors_is_left_out_with_its_position(statistikrepo):
    ansættelse = dict(statistikrepo.program["ansættelser"][0], måneder="tre")
    statistikrepo.ekstra["examples/nord/fejl.yaml"] = dict(statistikrepo.program, forløb="Andet forløb",
                                                           ansættelser=[ansættelse])
    statistikrepo.skriv()
    r = stats(rod=statistikrepo.rod)
    assert r.exit_code == 1
    assert re.search(r"examples/nord/fejl\.yaml:\d+:\d+: fejl S003: 'ansættelser\[(0|nr\. 1)\]\.måneder' skal være et helt tal",
                     r.stderr), r.stderr
    assert "1 fil med fejl er ikke talt med" in r.stderr
    assert "1 forløb, 1 rekrutteringsrunde og 1 aftale (4 filer læst; 1 fil med fejl er ikke talt med)." in r.stdout


def test_a_round_that_refers_to_an_unknown_forløb_is_not_counted(statistikrepo):
    statistikrepo.ekstra[RUNDE]["forløb"][0]["forløb"] = "Holstebro–Aarhus, forløb 7"
    statistikrepo.skriv()
    r = stats("--format", "json", rod=statistikrepo.rod)
    assert r.exit_code == 1
    assert re.search(r"2026-1-neurologi\.yaml:\d+:\d+: fejl R001: Forløbet 'Holstebro–Aarhus, forløb 7' findes ikke", r.stderr)
    assert "Mente du 'Holstebro–Aarhus, forløb 1'?" in r.stderr
    assert json.loads(r.stdout)["runder"] == []


def test_the_same_round_twice_and_the_same_target_twice(statistikrepo):
    statistikrepo.ekstra["rekruttering/nord/kopi.yaml"] = runde_data()
    statistikrepo.ekstra["aftaler/kopi.yaml"] = dict(statistikrepo.ekstra[AFTALE])
    statistikrepo.skriv()
    r = stats("--format", "json", rod=statistikrepo.rod)
    assert r.exit_code == 1
    assert "fejl R010: Runden 2026-1 for Neurologi (hoveduddannelse) i Videreuddannelsesregion Nord står også i" in r.stderr
    assert "fejl R015: Aftalen 'test' står også i" in r.stderr
    data = json.loads(r.stdout)
    assert len(data["runder"]) == 1 and len(data["aftaler"]) == 1
    assert data["national"]["besættelse"]["ubesat"] == 1  # counted once


def test_an_unwritable_out_is_exit_2_without_traceback(tmp_path):
    (tmp_path / "fil").write_text("x")
    r = stats("--out", str(tmp_path / "fil" / "x.txt"))  # a file where a folder should be
    assert r.exit_code == 2 and r.stderr.startswith("Fejl: Kan ikke skrive")


def test_the_manual_example_is_real_output():
    side = (ROD / "docs" / "vejledning" / "stats.md").read_text(encoding="utf-8")
    blok = side.split("$ uddprog stats --region Øst --fase hoveduddannelse\n", 1)[1].split("```", 1)[0]
    ud = stats("--region", "Øst", "--fase", "hoveduddannelse").stdout.splitlines()
    linjer = [l for l in blok.splitlines() if l.strip()]
    assert len(linjer) > 10
    for linje in linjer:
        assert linje in ud, linje


def test_the_repository_root_as_path_and_a_file_named_twice_count_once(tmp_path):
    import shutil

    for mappe in ("examples", "programdele", "rekruttering", "aftaler", "målbeskrivelser", "templates"):
        shutil.copytree(ROD / mappe, tmp_path / mappe)
    a = json.loads(stats("--format", "json").stdout)
    r = stats(str(tmp_path), str(tmp_path / "aftaler"),
            str(tmp_path / "rekruttering" / ".." / "aftaler" / "oest-fordeling.yaml"), "--format", "json", rod=tmp_path)
    assert r.exit_code == 0, r.stderr
    b = json.loads(r.stdout)
    assert b["national"] == a["national"] and len(b["aftaler"]) == len(a["aftaler"]) == 3
    # målbeskrivelser and templates read, not counted
    assert b["filer"]["læst"] == a["filer"]["læst"] + len(_yaml("målbeskrivelser")) + len(_yaml("templates")) \
        + len(_yaml("programdele"))  # shared parts are read, not counted


def test_outside_a_repository_says_so(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = kør("stats")
    assert r.exit_code == 2 and "Der er intet at tælle her" in r.stderr and "uddprog init" in r.stderr


# ------------------------------------------------------------------ the configuration (as in validate)

def _konfig(repo, data: dict) -> None:
    repo.ekstra[".uddprog.yaml"] = {"programmer": "examples", **data}


def test_the_configured_severity_decides_what_is_counted(statistikrepo):
    """R002 (outcomes not adding up) lowered to a warning: reported as one, and the round is counted."""
    statistikrepo.ekstra[RUNDE]["forløb"][0]["ubesat"] = 0
    statistikrepo.ekstra[RUNDE].pop("i_alt")
    statistikrepo.skriv()
    r = stats("--format", "json", rod=statistikrepo.rod)
    assert r.exit_code == 1 and "fejl R002" in r.stderr and json.loads(r.stdout)["runder"] == []
    _konfig(statistikrepo, {"checks": {"R002": "warning"}})
    statistikrepo.skriv()
    r = stats("--format", "json", rod=statistikrepo.rod)
    assert r.exit_code == 0, r.stderr
    assert "advarsel R002" in r.stderr and "fejl" not in r.stderr
    assert len(json.loads(r.stdout)["runder"]) == 1


def test_ignores_in_the_config_and_inline_apply_to_stats(statistikrepo):
    statistikrepo.ekstra[RUNDE]["forløb"][0]["ubesat"] = 0
    statistikrepo.ekstra[RUNDE].pop("i_alt")
    _konfig(statistikrepo, {"ignorer": [
        {"check": "R002", "sti": "rekruttering/**", "begrundelse": "Tælles om i januar"},
        {"check": "R011", "sti": "aftaler/**", "begrundelse": "Gammel"},
        {"check": "P014", "sti": "examples/**", "begrundelse": "Kun validate kører den"}]})
    statistikrepo.skriv()
    r = stats("--format", "json", rod=statistikrepo.rod)
    assert r.exit_code == 0, r.stderr
    assert "R002" not in r.stderr and len(json.loads(r.stdout)["runder"]) == 1
    # the R011 ignore silenced nothing stats checks; P014 is not stats' to judge
    (c005,) = [linje for linje in r.stderr.splitlines() if "C005" in linje]
    assert "R011" in c005 and ".uddprog.yaml:" in c005
    # inline, on the offending line, as a real comment
    statistikrepo.ekstra.pop(".uddprog.yaml")
    statistikrepo.skriv()
    (statistikrepo.rod / ".uddprog.yaml").unlink()
    runde = statistikrepo.rod / RUNDE
    linjer = runde.read_text(encoding="utf-8").splitlines()
    nr = next(i for i, linje in enumerate(linjer) if linje.lstrip().startswith("opslået:"))
    linjer[nr] += "  # uddprog: ignorer R002 – tælles om i januar"
    runde.write_text("\n".join(linjer) + "\n", encoding="utf-8")
    r = stats("--format", "json", rod=statistikrepo.rod)
    assert r.exit_code == 0, r.stderr
    assert "R002" not in r.stderr and len(json.loads(r.stdout)["runder"]) == 1


def test_a_round_stats_cannot_place_is_left_out_even_when_its_check_is_off(statistikrepo):
    """R001 off: no finding, but posts of a forløb no programme has cannot be spread, so the round is not
    counted, and stats names the file."""
    statistikrepo.ekstra[RUNDE]["forløb"][0]["forløb"] = "Holstebro–Aarhus, forløb 7"
    _konfig(statistikrepo, {"checks": {"R001": "none"}})
    statistikrepo.skriv()
    r = stats("--format", "json", rod=statistikrepo.rod)
    assert "R001" not in r.stderr
    assert json.loads(r.stdout)["runder"] == [] and json.loads(r.stdout)["filer"]["ikke_talt"] == 1
    assert "1 fil med fejl er ikke talt med (" in r.stderr and "2026-1-neurologi.yaml" in r.stderr
    assert r.exit_code == 1


def test_a_broken_config_stops_stats_like_validate(statistikrepo):
    _konfig(statistikrepo, {"checks": {"R002": "kritisk"}})
    statistikrepo.skriv()
    r = stats(rod=statistikrepo.rod)
    assert r.exit_code == 2 and "C003" in r.stderr


def test_a_copied_programme_is_p028_at_both_and_counted_as_render_renders(statistikrepo):
    """The copy has the original's forløb name: P028 at the copy and at the original (not R008 at the round),
    and both are left out as render leaves both out."""
    statistikrepo.ekstra["examples/nord/kopi.yaml"] = dict(statistikrepo.program, titel="Kopi")
    statistikrepo.skriv()
    r = stats("--format", "json", rod=statistikrepo.rod)
    # the only forløb were those two
    assert "Ingen af de 2 uddannelsesprogrammer kan tælles" in r.stderr and "P028" in r.stderr and r.exit_code == 2
    _konfig(statistikrepo, {"checks": {"P028": "none"}})  # the region says both are real: both counted
    statistikrepo.skriv()
    r = stats("--format", "json", rod=statistikrepo.rod)
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["national"]["forløb"] == 2 and len(data["runder"]) == 1


def test_a_config_naming_the_retired_r008_is_told_to_use_p028(statistikrepo):
    _konfig(statistikrepo, {"checks": {"R008": "none"}})
    statistikrepo.skriv()
    r = stats(rod=statistikrepo.rod)
    assert "C004" in r.stderr and "R008 findes ikke længere: P028 melder nu det samme" in r.stderr


# ------------------------------------------------------------------ programmes with errors in what is counted
# Issue 20, item 3: an imported draft's placeholder ansættelse with a guessed driftsregion was counted as
# "Region Midtjylland 48 måneder" in a Nord corpus, exit 0, nothing on stderr.

def _importeret_udkast(statistikrepo, navn: str = "examples/nord/udkast.yaml") -> Path:
    """A real import of a Word document without an ansættelse table: one placeholder ansættelse (UDFYLD) with
    a guessed driftsregion, universitetshospital and months."""
    import docx

    statistikrepo.skriv()
    dokument = statistikrepo.rod / "aalborg.docx"
    d = docx.Document()
    d.add_heading("Uddannelsesprogram for hoveduddannelse i neurologi – Aalborg, forløb 7", 0)
    d.add_heading("Indledning", 1)
    d.add_paragraph("Forløbet består af ansættelser på to afdelinger.")
    d.save(dokument)
    r = kør("import", dokument, "--mb", statistikrepo.rod / "målbeskrivelser/neurologi/hoveduddannelse-2015.yaml",
            "--region", "Nord", "--out", statistikrepo.rod / navn, "--rod", statistikrepo.rod)
    assert r.exit_code == 0, r.stderr
    tekst = (statistikrepo.rod / navn).read_text(encoding="utf-8")
    assert "sted: \"UDFYLD\"" in tekst and "driftsregion: Midtjylland  # gæt:" in tekst
    return statistikrepo.rod / navn


def test_an_imported_draft_with_a_placeholder_ansættelse_is_left_out_and_reported(statistikrepo):
    før = json.loads(stats("--format", "json", rod=statistikrepo.skriv()).stdout)
    udkast = _importeret_udkast(statistikrepo)
    # An import is a draft (status: udkast): left out as one, its errors not in the way (issue 21).
    r = stats("--format", "json", rod=statistikrepo.rod)
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["national"] == før["national"] and data["filer"]["udkast"] == 1 and data["filer"]["ikke_talt"] == 0
    # Asked to count drafts too, its placeholder ansættelse is an error in what is counted: left out, reported.
    r = stats("--format", "json", "--med-udkast", rod=statistikrepo.rod)
    assert r.exit_code == 1  # as validate: errors
    data = json.loads(r.stdout)
    assert data["national"] == før["national"] and data["celler"] == før["celler"]  # the draft adds nothing
    assert data["filer"]["ikke_talt"] == 1
    (udeladt,) = data["ikke_talt"]
    assert udeladt["fil"].endswith("examples/nord/udkast.yaml")
    checks = {(f["check"], f["besked"].split("'")[1]) for f in udeladt["fund"]}
    assert ("P026", "ansættelser[nr. 1].sted") in checks and ("P029", "ansættelser[nr. 1].driftsregion") in checks
    assert re.search(r"udkast\.yaml:\d+:\d+: fejl P026: 'ansættelser\[nr\. 1\]\.sted' indeholder stadig", r.stderr)
    assert re.search(r"udkast\.yaml:\d+:\d+: fejl P029: 'ansættelser\[nr\. 1\]\.driftsregion' er et gæt", r.stderr)
    assert "1 fil med fejl er ikke talt med" in r.stderr
    # validate says the same of the draft (and more: the parts stats does not read)
    v = kør("validate", udkast, "--rod", statistikrepo.rod)
    assert v.exit_code == r.exit_code == 1
    assert "P029" in v.stdout and "P026" in v.stdout


def test_a_guessed_driftsregion_alone_leaves_a_programme_out_until_the_guess_is_checked(statistikrepo):
    tekst = yaml.safe_dump(dict(statistikrepo.program, forløb="Aalborg, forløb 7"), allow_unicode=True, sort_keys=False)
    gættet = tekst.replace("driftsregion: Midtjylland\n", "driftsregion: Midtjylland  # gæt: Midtjylland eller Nordjylland\n", 1)
    assert gættet != tekst
    fil = statistikrepo.skriv() / "examples/nord/gaettet.yaml"
    fil.write_text(gættet, encoding="utf-8")
    r = stats("--format", "json", rod=statistikrepo.rod)
    assert r.exit_code == 1 and json.loads(r.stdout)["national"]["forløb"] == 1
    assert "gaettet.yaml" in r.stderr and "fejl P029" in r.stderr
    fil.write_text(gættet.replace("  # gæt: Midtjylland eller Nordjylland", ""), encoding="utf-8")  # checked
    r = stats("--format", "json", rod=statistikrepo.rod)
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["national"]["forløb"] == 2


def test_a_guess_in_a_part_stats_does_not_count_is_validates_alone(statistikrepo):
    tekst = yaml.safe_dump(dict(statistikrepo.program, forløb="Aalborg, forløb 7"), allow_unicode=True, sort_keys=False)
    gættet = tekst.replace("- kursus: SOL1\n", "# gæt: måneden er læst af en løbende tekst\n- kursus: SOL1\n", 1)
    assert gættet != tekst
    (statistikrepo.skriv() / "examples/nord/gaettet.yaml").write_text(gættet, encoding="utf-8")
    r = stats("--format", "json", rod=statistikrepo.rod)
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["national"]["forløb"] == 2
    v = kør("validate", statistikrepo.rod / "examples/nord/gaettet.yaml", "--rod", statistikrepo.rod)
    assert "P029: 'kurser' er et gæt fra 'uddprog import' (måneden er læst af en løbende tekst)" in v.stdout


def test_the_configured_severity_of_a_guess_decides_as_for_any_check(statistikrepo):
    _konfig(statistikrepo, {"checks": {"P029": "warning"}})  # a region that counts guesses as they stand
    tekst = yaml.safe_dump(dict(statistikrepo.program, forløb="Aalborg, forløb 7"), allow_unicode=True, sort_keys=False)
    (statistikrepo.skriv() / "examples/nord/gaettet.yaml").write_text(
        tekst.replace("måneder: 24\n", "måneder: 24  # gæt: antal måneder ikke fundet i dokumentet\n", 1), encoding="utf-8")
    r = stats("--format", "json", rod=statistikrepo.rod)
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["national"]["forløb"] == 2 and "P029" not in r.stderr


def test_months_that_do_not_add_up_are_not_counted(statistikrepo):
    statistikrepo.ekstra["examples/nord/kort.yaml"] = dict(
        statistikrepo.program, forløb="Kort forløb", ansættelser=[dict(a, måneder=12) for a in statistikrepo.program["ansættelser"]])
    statistikrepo.skriv()
    r = stats("--format", "json", rod=statistikrepo.rod)
    assert r.exit_code == 1 and json.loads(r.stdout)["national"]["måneder"] == 48
    assert re.search(r"kort\.yaml:\d+:\d+: fejl P004: Ansættelserne varer 12 \+ 12 = 24 måneder", r.stderr), r.stderr


def test_when_every_programme_has_errors_nothing_is_counted_and_the_errors_are_named(statistikrepo):
    statistikrepo.program["ansættelser"][0]["sted"] = "UDFYLD"
    statistikrepo.ekstra.clear()
    statistikrepo.skriv()
    r = stats(rod=statistikrepo.rod)
    assert r.exit_code == 2 and r.stdout == ""
    assert "Ingen af de 1 uddannelsesprogrammer kan tælles" not in r.stderr  # one programme: singular
    assert "Det ene uddannelsesprogram kan ikke tælles" in r.stderr and "fejl P026" in r.stderr


def test_an_unreadable_file_gives_exit_2_as_in_validate(statistikrepo):
    statistikrepo.skriv()
    (statistikrepo.rod / "examples/nord/ødelagt.yaml").write_text("titel: [\n", encoding="utf-8")
    r = stats(rod=statistikrepo.rod)
    v = kør("validate", "--rod", statistikrepo.rod)
    assert "L002" in r.stderr and r.exit_code == v.exit_code == 2
