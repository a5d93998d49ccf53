"""uddprog.toml / .uddprog.yaml: found upwards, CLI wins, severities, ignores, inline suppression, C001–C007."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.conftest import kør
from uddprog.checks.anvendelse import anvend
from uddprog.config import find, læs

from .conftest import DATO

PROGRAM = "programmer/syd/odense.yaml"  # P021 and P022 at 8:12, P023 at 28:19 on DATO


def _fund(r) -> list[tuple[str, str, int]]:
    return [(f["check"], f["severity"], f["linje"]) for f in json.loads(r.output)["fund"]]


def _konfig(region, tekst: str):
    (region / "uddprog.toml").write_text('programmer = "programmer"\n' + tekst, encoding="utf-8")


def test_the_config_is_found_upwards_and_its_fail_on_applies(region_repo):
    _konfig(region_repo, 'fail_on = "warning"\n')
    (region_repo / "programmer/syd/under").mkdir()
    import os

    os.chdir(region_repo / "programmer/syd/under")
    assert find().fil.resolve() == (region_repo / "uddprog.toml").resolve()
    os.chdir(region_repo)
    assert kør("validate", "--dato", DATO).exit_code == 1
    assert kør("validate", "--dato", DATO, "--fail-on", "error").exit_code == 0  # the CLI wins


def test_severity_override_and_none(region_repo):
    _konfig(region_repo, '[checks]\nP023 = "none"\nP021 = "error"\n')
    r = kør("validate", "--format", "json", "--dato", DATO)
    assert _fund(r) == [("P021", "error", 8), ("P022", "warning", 8)]
    assert r.exit_code == 1


def test_ignore_by_glob_with_reason(region_repo):
    _konfig(region_repo, '[[ignorer]]\ncheck = "P021"\nsti = "programmer/syd/*.yaml"\n'
                    'begrundelse = "Revideres på UGUP-mødet i marts"\n')
    r = kør("validate", "--format", "json", "--dato", DATO)
    assert [f[0] for f in _fund(r)] == ["P022", "P023"]


def test_a_star_in_an_ignore_stays_inside_one_folder(region_repo):
    """`*` matches within one folder, as in .gitignore: an ignore of programmer/syd/*.yaml does not silence the
    same finding in a programme one folder further down (it did: fnmatch's `*` crossed folders)."""
    import shutil

    (region_repo / "programmer/syd/arkiv").mkdir()
    shutil.copy(region_repo / PROGRAM, region_repo / "programmer/syd/arkiv/odense-2014.yaml")
    _konfig(region_repo, '[[ignorer]]\ncheck = "P021"\nsti = "programmer/syd/*.yaml"\n'
                    'begrundelse = "Revideres på UGUP-mødet i marts"\n')
    fund = json.loads(kør("validate", "--format", "json", "--dato", DATO).output)["fund"]
    p021 = [f["fil"] for f in fund if f["check"] == "P021"]
    assert p021 == ["programmer/syd/arkiv/odense-2014.yaml"], fund
    _konfig(region_repo, '[[ignorer]]\ncheck = "P021"\nsti = "programmer/syd/**/*.yaml"\nbegrundelse = "Alle"\n')
    fund = json.loads(kør("validate", "--format", "json", "--dato", DATO).output)["fund"]
    assert not [f for f in fund if f["check"] in ("P021", "C005")], fund


def test_an_ignore_that_silences_nothing_is_reported(region_repo):
    _konfig(region_repo, '\n[[ignorer]]\ncheck = "P014"\nsti = "programmer/**"\nbegrundelse = "Gammel"\n')
    fund = json.loads(kør("validate", "--format", "json", "--dato", DATO).output)["fund"]
    (c005,) = [f for f in fund if f["check"] == "C005"]
    assert c005["fil"] == "uddprog.toml" and c005["linje"] == 4 and c005["kolonne"] == 1
    assert "P014" in c005["besked"]


def test_an_ignore_of_a_check_only_stats_makes_is_not_called_unused_by_validate(region_repo):
    _konfig(region_repo,
            '[[ignorer]]\ncheck = "R010"\nsti = "rekruttering/**"\nbegrundelse = "To filer for én runde"\n')
    fund = json.loads(kør("validate", "--format", "json", "--dato", DATO).output)["fund"]
    assert not [f for f in fund if f["check"].startswith("C")]


def test_an_expired_ignore_stops_applying_and_says_so(region_repo):
    _konfig(region_repo, '[[ignorer]]\ncheck = "P023"\nsti = "programmer/**"\nbegrundelse = "Midlertidigt"\n'
                    'indtil = 2026-01-01\n')
    r = kør("validate", "--format", "json", "--dato", DATO)
    checks = [f[0] for f in _fund(r)]
    assert "P023" in checks and "C006" in checks
    besked = next(f["besked"] for f in json.loads(r.output)["fund"] if f["check"] == "C006")
    assert "1. januar 2026" in besked


def test_inline_suppression_on_the_offending_line(region_repo):
    fil = region_repo / PROGRAM
    linjer = fil.read_text(encoding="utf-8").splitlines(keepends=True)
    linjer[7] = linjer[7].rstrip("\n") + "  # uddprog: ignorer P021, P022 – revideres til 2015-versionen i marts\n"
    linjer[27] = linjer[27].rstrip("\n") + "  # uddprog: ignorer P014 – ingen grund\n"
    linjer[2] = linjer[2].rstrip("\n") + "  # uddprog: ignorer X123 – stavefejl i id'et\n"
    fil.write_text("".join(linjer), encoding="utf-8")
    fund = _fund(kør("validate", "--format", "json", "--dato", DATO))
    # P014 silenced nothing on line 28; X123 is no check at all.
    assert fund == [("C004", "warning", 3), ("P023", "warning", 28), ("C005", "warning", 28)]


def test_inline_suppression_needs_a_reason(region_repo):
    fil = region_repo / PROGRAM
    linjer = fil.read_text(encoding="utf-8").splitlines(keepends=True)
    linjer[7] = linjer[7].rstrip("\n") + "  # uddprog: ignorer P021\n"
    fil.write_text("".join(linjer), encoding="utf-8")
    r = kør("validate", "--format", "json", "--dato", DATO)
    assert ("C007", "error", 8) in _fund(r) and ("P021", "warning", 8) in _fund(r)
    assert r.exit_code == 2


def test_checks_lists_the_severity_in_force_and_marks_what_the_config_changed(region_repo):
    _konfig(region_repo,
            '[checks]\nP023 = "none"\nP021 = "error"\n[[ignorer]]\ncheck = "P022"\nsti = "programmer/syd/*.yaml"\n'
                    'begrundelse = "Revideres på UGUP-mødet i marts"\nindtil = 2027-03-01\n')
    r = kør("checks")
    assert r.exit_code == 0, r.output
    linjer = r.output.splitlines()

    def post(cid: str) -> list[str]:
        i = next(n for n, linje in enumerate(linjer) if linje.startswith(cid + " "))
        return [linjer[i]] + [linje for linje in linjer[i + 1:] if linje.startswith(" ")][:3]

    assert post("P021")[0].split()[1] == "fejl*"
    assert "standard: advarsel; ændret i uddprog.toml:4:1" in post("P021")[1]
    assert post("P023")[0].split()[1] == "fra*"
    assert "standard: advarsel; slået fra i uddprog.toml:3:1" in post("P023")[1]
    assert post("P022")[0].split()[1] == "advarsel"  # its severity is unchanged, but an ignore applies
    assert any("undtaget i programmer/syd/*.yaml indtil 1. marts 2027" in linje for linje in post("P022"))
    assert post("P024")[0].split()[1] == "advarsel" and "*" not in post("P024")[0]
    data = {c["id"]: c for c in json.loads(kør("checks", "--format", "json").output)}
    assert (data["P021"]["severity"], data["P021"]["severity_i_kraft"], data["P021"]["ændret"]) == ("warning", "error", True)
    assert (data["P023"]["severity_i_kraft"], data["P023"]["konfiguration"]) == ("none", "uddprog.toml:3:1")
    assert data["P022"]["undtagelser"][0]["indtil"] == "2027-03-01" and not data["P022"]["ændret"]
    assert (data["P024"]["severity_i_kraft"], data["P024"]["ændret"], data["P024"]["konfiguration"]) == ("warning", False, None)
    # A broken config is reported and the defaults are listed, exit 2 (as validate)
    _konfig(region_repo, '[checks]\nP014 = "kritisk"\n')
    r = kør("checks")
    assert r.exit_code == 2 and "C003" in r.output


def test_ignore_words_inside_a_text_block_are_text_not_a_comment(region_repo):
    """A Markdown section (a ``|`` block) that shows '# uddprog: ignorer …' silences nothing and is no
    unused ignore either; a real comment after the block's indicator still counts."""
    fil = region_repo / PROGRAM
    tekst = fil.read_text(encoding="utf-8")
    blok = "  indledning: |\n    Dette program"
    assert blok in tekst
    fil.write_text(tekst.replace(blok, "  indledning: |\n    Se <b>dette</b> # uddprog: ignorer P030 – står i teksten\n\n"
                                       "    Dette program"), encoding="utf-8")
    fund = json.loads(kør("validate", "--format", "json", "--dato", DATO).output)["fund"]
    linjer = {f["linje"] for f in fund if f["check"] == "P030"}
    assert len(linjer) == 1  # reported on the line whose text has the words
    assert "<b>dette</b> # uddprog: ignorer P030" in fil.read_text(encoding="utf-8").splitlines()[linjer.pop() - 1]
    assert not [f for f in fund if f["check"].startswith("C")]
    # A quoted text, and a real comment after a folded block's indicator, on the same finding's line:
    tekst = fil.read_text(encoding="utf-8")
    fil.write_text(tekst.replace("  indledning: |\n    Se <b>dette</b> # uddprog: ignorer P030 – står i teksten\n",
                                 "  indledning: >  # uddprog: ignorer P030 – HTML-eksemplet er med vilje\n"
                                 "    Se <b>dette</b>\n"), encoding="utf-8")
    fund = json.loads(kør("validate", "--format", "json", "--dato", DATO).output)["fund"]
    assert not [f for f in fund if f["check"] == "P030" or f["check"].startswith("C")], fund


def test_ignore_words_in_a_quoted_text_before_a_real_comment(tmp_path):
    from uddprog.checks.anvendelse import _kommentardirektiver

    tekst = ('a: "x # uddprog: ignorer P014 – i teksten"  # uddprog: ignorer P021 – rigtig\n'
             "b: 'c # uddprog: ignorer P014 – tekst'\n"
             "c: |\n  # uddprog: ignorer P014 – tekst\n"
             "d: 1  # uddprog: ignorer P023 – rigtig\n"
             "e: >-  # uddprog: ignorer P024 – rigtig\n  tekst\n")
    fundne = {nr: m["ids"] for nr, m in _kommentardirektiver(tekst).items()}
    assert fundne == {1: "P021", 5: "P023", 6: "P024"}


@pytest.mark.parametrize("tekst, check, linje, kolonne, ord_", [
    ('fail_on = "warning"\nfail_on = \n', "C001", 3, 11, "TOML-syntaksfejl"),
    ('fail-on = "warning"\n', "C002", 2, 1, "Mente du 'fail_on'?"),
    ('fail_on = "alt"\n', "C003", 2, 1, "error, warning eller info"),
    ('[checks]\nL002 = "none"\n', "C003", 3, 1, "kan ikke ændres"),
    ('[checks]\nP014 = "kritisk"\n', "C003", 3, 1, "'kritisk'"),
    ('[checks]\nP014 = ["error"]\n', "C003", 3, 1, "error, warning, info eller none"),
    ('[checks]\nP999 = "none"\n', "C004", 3, 1, "P999"),
    ('[[ignorer]]\ncheck = "P021"\n', "C007", 2, 1, "begrundelse"),
    ('[[ignorer]]\ncheck = "P021"\nbegrundelse = "x"\nindtil = "snart"\n', "C003", 5, 1, "dato"),
    ('[render]\nud = "build"\n', "C002", 3, 1, "[render]"),
    ('[render]\nformat = "docx,exe"\n', "C003", 3, 1, "ukendt format exe"),
    ('[regioner.Vest]\ngodkendes_af = "x"\n', "C002", 2, 1, "Ukendt videreuddannelsesregion 'Vest'"),
    ('[regioner.Syd]\nrevisionsfrist = "tolv"\n', "C003", 3, 1, "antal måneder"),
    ('[regioner."Øst"]\ngodkendt_af = "x"\n', "C002", 3, 1, "Mente du 'godkendes_af'?"),
    ('[regioner.Syd]\ndelforloeb = ["kbu", "speciallæge"]\n', "C003", 3, 1, "liste af faser"),
    ('[udkast]\nalvor = "fejl"\n', "C003", 3, 1, "error, warning eller info"),
])
def test_config_errors_are_findings_with_their_place(region_repo, tekst, check, linje, kolonne, ord_):
    _konfig(region_repo, tekst)
    r = kør("validate", "--format", "json", "--dato", DATO)
    fund = [f for f in json.loads(r.output)["fund"] if f["check"].startswith("C")]
    assert [(f["check"], f["fil"], f["linje"], f["kolonne"]) for f in fund] == [(check, "uddprog.toml", linje, kolonne)]
    assert ord_ in fund[0]["besked"]
    assert r.exit_code == (0 if check == "C004" else 2)  # an unknown id is a warning, bad config stops the run


def test_the_format_list_matches_the_renderer():
    from uddprog.config import RENDERFORMATER
    from uddprog.render import FORMATER

    assert RENDERFORMATER == FORMATER


def test_yaml_config_has_positions_too(tmp_path):
    fil = tmp_path / ".uddprog.yaml"
    fil.write_text("programmer: programmer\nchecks:\n  P014: kritisk\n", encoding="utf-8")
    k = læs(fil)
    (f,) = k.fund
    assert (f.check, f.sted.linje) == ("C003", 3)


def test_anvend_is_one_pure_pass(tmp_path):
    from uddprog.findings import Finding, Location, Severity

    (tmp_path / "uddprog.toml").write_text('[checks]\nP023 = "info"\n', encoding="utf-8")
    k = læs(tmp_path / "uddprog.toml")
    f = Finding("P023", Severity.WARNING, "x.", Location(tmp_path / "a.yaml", 1, 1))
    (ud,) = anvend([f], [tmp_path / "a.yaml"], k, date(2026, 1, 1))
    assert ud.severity == Severity.INFO and ud.besked == f.besked


def test_render_follows_the_configured_severities(region_repo):
    """An error the region has turned off (with reason in its config) does not stop rendering."""
    fil = region_repo / PROGRAM
    assert kør("render", "--dato", DATO).exit_code == 0
    tekst = fil.read_text(encoding="utf-8")
    fil.write_text(tekst.replace("  indledning: |\n", "  indledning: ''\n  gammel_indledning: |\n"), encoding="utf-8")
    r = kør("validate", "--format", "json", "--dato", DATO)
    fejl = sorted({f["check"] for f in json.loads(r.output)["fund"] if f["severity"] == "error"})
    assert fejl and r.exit_code == 1
    _konfig(region_repo, "[checks]\n" + "".join(f'{c} = "warning"\n' for c in fejl))
    assert kør("validate", "--dato", DATO).exit_code == 0
    r = kør("render", "--dato", DATO, "--force")
    assert r.exit_code == 0, r.output
    _konfig(region_repo, "")
    r = kør("render", "--dato", DATO, "--force")
    assert r.exit_code == 1 and fejl[0] in r.output


def test_inline_scan_never_opens_a_named_pipe(region_repo):
    """Looking for '# uddprog: ignorer' reads only regular files (a pipe would block the run)."""
    import os

    os.mkfifo(region_repo / "programmer/syd/rør.yaml")
    r = kør("validate", "programmer/syd/rør.yaml", PROGRAM, "--format", "json", "--dato", DATO)
    assert r.exit_code == 2 and "L001" in {f["check"] for f in json.loads(r.output)["fund"]}


def test_ny_takes_the_region_and_diff_its_fail_on_from_the_config(region_repo):
    r = kør("ny", "neurologi/hoveduddannelse@2015")
    assert r.exit_code == 0 and "videreuddannelsesregion: Syd" in r.output
    assert kør("ny", "neurologi/hoveduddannelse@2015", "--region", "Nord").output.count("videreuddannelsesregion: Nord") == 1
    args = ["diff", "neurologi/hoveduddannelse@2011", "neurologi/hoveduddannelse@2015", "--dato", DATO]
    assert kør(*args).exit_code == 1
    _konfig(region_repo, '[diff]\nfail_on = "none"\n')
    assert kør(*args).exit_code == 0
    assert kør(*args, "--fail-on", "error").exit_code == 1  # the CLI wins
    _konfig(region_repo, '[diff]\nfail_on = "alt"\n')
    r = kør(*args)
    assert r.exit_code == 2 and "uddprog.toml:3:1" in r.output and "C003" in r.output
    (region_repo / "uddprog.toml").write_text('programmer = "programmer"\n', encoding="utf-8")
    r = kør("ny", "neurologi/hoveduddannelse@2015")
    assert r.exit_code == 2 and "--region" in r.output


def test_the_regions_settings_are_read(tmp_path):
    fil = tmp_path / "uddprog.toml"
    fil.write_text('[regioner.Nord]\ngodkendes_af = "UGUP"\nindstilles_af = "PKL"\nrevisionsfrist = 9\n'
                   '[regioner."Øst"]\ndelforloeb = ["kbu"]\n[udkast]\nalvor = "warning"\n', encoding="utf-8")
    k = læs(fil)
    assert not k.fund
    nord = k.regionsopsætning("Nord")
    assert (nord.godkendes_af, nord.indstilles_af, nord.revisionsfrist) == ("UGUP", "PKL", 9)
    assert k.regionsopsætning("Øst").delforløb == ("kbu",) and k.regionsopsætning("Syd").godkendes_af is None
    assert k.udkast_alvor == "warning"


def test_init_writes_the_regions_approving_body_with_its_source(tmp_path):
    from uddprog.init import filer

    nord = filer("Nord")["uddprog.toml"]
    assert "[regioner.Nord]" in nord and 'godkendes_af = "Udvalg for godkendelse' in nord and "Kilde:" in nord
    syd = filer("Syd")["uddprog.toml"]
    assert 'delforloeb = ["kbu"]' in syd
    øst = filer("Øst")["uddprog.toml"]
    assert '[regioner."Øst"]' in øst and '# godkendes_af = "…"' in øst  # not found in public sources
    fil = tmp_path / "uddprog.toml"
    for tekst in (nord, syd, øst):
        fil.write_text(tekst, encoding="utf-8")
        assert not læs(fil).fund
