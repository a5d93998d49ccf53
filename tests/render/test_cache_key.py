"""The render cache's key: a programme skipped as unchanged shows exactly what `uddprog validate` finds, and
renders again when anything its output depends on changed, whatever was rendered into the folder in between.

Each test changes one input the findings or the output of a programme depend on: the other versions of its
målbeskrivelse (P021/P022), which file its reference resolves to, a date where a check changes its answer
(P040, P049), an ignore in the config that expires, and the versions of the libraries that render it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import kør
from uddprog.batch import render_programmer
from uddprog.render import Renderer

from .conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.skipif(not EXAMPLES, reason="ingen programmer i examples/")

A = "examples/nord/neurologi-hoveduddannelse-holstebro-aarhus-forloeb-1.yaml"  # Neurologi 2015
B = "examples/nord/kbu-aalborg-forloeb-3.yaml"  # KBU: another specialty and phase
ODENSE = "examples/syd/neurologi-hoveduddannelse-odense-forloeb-2.yaml"  # on Neurologi 2011: P021, P022
NEURO_2015 = "målbeskrivelser/neurologi/hoveduddannelse-2015.yaml"
_FUND = re.compile(r"^\s+\S+:\d+:\d+: (advarsel|fejl) [A-Z]\d{3}: .*$", re.M)


def render(rod, out, *args, dato="2026-11-23"):
    return kør("render", "--rod", rod, "--out", out, "-j", "1", "--format", "html", "--dato", dato, *args,
               env={"CI": "1"})


def validate(fil, dato="2026-11-23") -> list[str]:
    """What `uddprog validate` finds in the programme (not in the config beside it)."""
    r = kør("validate", fil, "--dato", dato, env={"CI": "1"})
    assert r.exit_code in (0, 1), r.output
    return [f for f in fund(r.output) if f.startswith(f"{fil}:")]


def fund(output: str) -> list[str]:
    """The findings a run printed, one line each."""
    return sorted(m.group(0).strip() for m in _FUND.finditer(output))


def ny_version(rod, version: str, gyldig_fra: str) -> Path:
    """A newer version of Neurologi, hoveduddannelse, added to the repository."""
    tekst = (rod / NEURO_2015).read_text(encoding="utf-8")
    fil = rod / f"målbeskrivelser/neurologi/hoveduddannelse-{version}.yaml"
    fil.write_text(tekst.replace('version: "2015"', f'version: "{version}"')
                   .replace("gyldig_fra: 2015-09-01", f"gyldig_fra: {gyldig_fra}"), encoding="utf-8")
    return fil


def test_a_new_version_reaches_a_programme_after_another_programme_was_rendered_in_between(checkout_kopi, tmp_path):
    """The colleague's sequence: render A; add a newer version of A's målbeskrivelse; render only B into the
    same folder; render A again. A's stored warnings were taken as current because B's run refreshed one
    list of målbeskrivelser kept for the whole folder."""
    out = tmp_path / "build"
    assert render(checkout_kopi, out, checkout_kopi / A).exit_code == 0
    ny_version(checkout_kopi, "2031", "2031-01-01")
    assert render(checkout_kopi, out, checkout_kopi / B).exit_code == 0
    r = render(checkout_kopi, out, checkout_kopi / A)
    assert r.exit_code == 0, r.output
    forventet = validate(checkout_kopi / A)
    assert any(" advarsel P021: " in f for f in forventet)  # the new version applies: revise by …
    assert fund(r.output) == forventet


def test_an_edited_other_version_changes_the_warnings_it_gives(checkout_kopi, tmp_path):
    """P021/P022 of a programme on 2011 name 2015's date and the revision deadline 12 months later: editing
    2015, a file the programme does not render from, must reach its warnings."""
    out = tmp_path / "build"
    r = render(checkout_kopi, out, checkout_kopi / ODENSE)
    assert r.exit_code == 0 and "1. september 2016" in r.output
    fil = checkout_kopi / NEURO_2015
    fil.write_text(fil.read_text(encoding="utf-8").replace("gyldig_fra: 2015-09-01", "gyldig_fra: 2016-01-01"),
                   encoding="utf-8")
    r = render(checkout_kopi, out, checkout_kopi / ODENSE)
    assert "uændret" in r.output  # its document does not depend on other versions
    assert fund(r.output) == validate(checkout_kopi / ODENSE) and "1. januar 2017" in r.output


def test_a_reference_that_resolves_to_another_file_renders_again_after_another_run(checkout_kopi, tmp_path):
    """A region's own copy of a målbeskrivelse hides the shipped one: A renders from it from then on, even
    when another programme was rendered after the copy appeared."""
    (checkout_kopi / NEURO_2015).unlink()  # A resolves to the shipped file
    out = tmp_path / "build"
    assert render(checkout_kopi, out, checkout_kopi / A).exit_code == 0
    egen = (ROOT / NEURO_2015).read_text(encoding="utf-8")
    assert "titel: " in egen
    (checkout_kopi / NEURO_2015).write_text(egen.replace("titel: ", "titel: Regionens ", 1), encoding="utf-8")
    assert render(checkout_kopi, out, checkout_kopi / B).exit_code == 0
    r = render(checkout_kopi, out, checkout_kopi / A)
    assert r.exit_code == 0 and "dannet" in r.output and "uændret" not in r.output, r.output


def test_a_change_in_another_specialty_neither_renders_nor_validates_a_programme_again(checkout_kopi, tmp_path,
                                                                                        monkeypatch):
    """The key is per programme: KBU's målbeskrivelse edited and a new version of it leave Neurologi's
    programmes as they were (before, any file added made every programme be validated again)."""
    out = tmp_path / "build"
    dan = lambda: render_programmer([checkout_kopi / A], ("html",), out, jobs=1, rod=checkout_kopi)  # noqa: E731
    assert dan().ok
    kbu = checkout_kopi / "målbeskrivelser/kbu/kbu-2017.yaml"
    tekst = kbu.read_text(encoding="utf-8")
    kbu.write_text(tekst + "\n# ændret\n", encoding="utf-8")
    assert 'version: "2017"' in tekst and "gyldig_fra: 2017-08-01" in tekst
    (kbu.parent / "kbu-2031.yaml").write_text(tekst.replace('version: "2017"', 'version: "2031"')
                                             .replace("gyldig_fra: 2017-08-01", "gyldig_fra: 2031-08-01"),
                                             encoding="utf-8")

    def må_ikke(*a, **kw):
        raise AssertionError("validated again although nothing it depends on changed")

    monkeypatch.setattr(Renderer, "advarsler", må_ikke)
    monkeypatch.setattr(Renderer, "render_fil", må_ikke)
    assert dan().udfald[0].uændret


def test_phased_out_on_a_later_date_gives_p049(checkout_kopi, tmp_path):
    fil = checkout_kopi / NEURO_2015
    fil.write_text(fil.read_text(encoding="utf-8").replace("gyldig_fra: 2015-09-01",
                                                           "gyldig_fra: 2015-09-01\nudfaset: 2028-01-01"),
                   encoding="utf-8")
    out = tmp_path / "build"
    r = render(checkout_kopi, out, checkout_kopi / A)
    assert r.exit_code == 0 and "P049" not in r.output
    r = render(checkout_kopi, out, checkout_kopi / A, dato="2028-03-01")
    assert "uændret" in r.output
    assert fund(r.output) == validate(checkout_kopi / A, "2028-03-01") and " advarsel P049: " in r.output


def test_an_error_that_a_later_date_brings_stops_an_unchanged_programme(checkout_kopi, tmp_path):
    """P040 (an error) applies from round 2022-1: the KBU without almen praksis rendered on an earlier date is
    not rendered on a later one, and its outputs go, as for any programme that now has errors."""
    fil = checkout_kopi / B
    fil.write_text(fil.read_text(encoding="utf-8").replace("    type: almen-praksis\n", "    type: sygehusafdeling\n"),
                   encoding="utf-8")
    out = tmp_path / "build"
    r = render(checkout_kopi, out, fil, dato="2021-06-01")
    assert r.exit_code == 0 and list(out.rglob("*.html")), r.output
    r = render(checkout_kopi, out, fil)
    assert r.exit_code == 1, r.output
    assert "sprunget over" in r.output and "fejl P040" in r.output and "uændret" not in r.output
    assert not list(out.rglob("*.html"))


def test_an_expired_ignore_brings_its_finding_back(checkout_kopi, tmp_path):
    (checkout_kopi / "uddprog.toml").write_text(
        '[[ignorer]]\ncheck = "P021"\nsti = "examples/syd/*.yaml"\nbegrundelse = "Revideres i marts"\n'
        "indtil = 2027-03-01\n", encoding="utf-8")
    out = tmp_path / "build"
    r = render(checkout_kopi, out, checkout_kopi / ODENSE)
    assert r.exit_code == 0 and "P021" not in r.output and "P022" in r.output
    r = render(checkout_kopi, out, checkout_kopi / ODENSE, dato="2027-06-01")
    assert "uændret" in r.output
    assert fund(r.output) == validate(checkout_kopi / ODENSE, "2027-06-01") and " advarsel P021: " in r.output


def test_an_expired_ignore_of_an_error_stops_an_unchanged_programme(checkout_kopi, tmp_path):
    (checkout_kopi / "uddprog.toml").write_text(
        '[checks]\nP022 = "error"\n\n[[ignorer]]\ncheck = "P022"\nsti = "examples/syd/*.yaml"\n'
        'begrundelse = "Revideres i marts"\nindtil = 2027-03-01\n', encoding="utf-8")
    out = tmp_path / "build"
    assert render(checkout_kopi, out, checkout_kopi / ODENSE).exit_code == 0
    r = render(checkout_kopi, out, checkout_kopi / ODENSE, dato="2027-06-01")
    assert r.exit_code == 1 and "fejl P022" in r.output and "sprunget over" in r.output, r.output
    assert not list(out.rglob("*.html"))


def test_another_version_of_a_rendering_library_renders_again(checkout_kopi, tmp_path, monkeypatch):
    """The documents come from docxtpl, Jinja, markdown-it and the rest: a new version of one may change
    them, so it is part of the tool's fingerprint like uddprog's own source."""
    from uddprog import fingeraftryk as cache

    out = tmp_path / "build"
    assert render(checkout_kopi, out, checkout_kopi / A).exit_code == 0
    assert "uændret" in render(checkout_kopi, out, checkout_kopi / A).output
    monkeypatch.setattr(cache, "_VÆRKTØJ", None)
    ægte = cache._version
    monkeypatch.setattr(cache, "_version", lambda navn: "99.0" if navn == "Jinja2" else ægte(navn))
    r = render(checkout_kopi, out, checkout_kopi / A)
    assert "dannet" in r.output and "uændret" not in r.output


def test_every_check_that_reads_the_date_says_where_its_answer_changes():
    """A check comparing with ``k.dato`` must declare its ``datogrænser``; otherwise `uddprog render` keeps
    its stored answer on a date where it has changed."""
    import inspect

    from uddprog.checks import REGISTER

    mangler = [c.id for c in REGISTER.values() if c.område == "program" and c.funktion is not None
               and "k.dato" in inspect.getsource(c.funktion) and c.datogrænser is None]
    assert not mangler



def test_the_config_named_by_config_is_the_one_in_force_and_in_the_key(checkout_kopi, tmp_path):
    """`uddprog render --config FILE` validates with that file's severities, as `uddprog validate --config`
    does, and a programme skipped as unchanged was skipped under the same config."""
    anden = tmp_path / "anden.toml"
    anden.write_text('[checks]\nP022 = "error"\n', encoding="utf-8")
    out = tmp_path / "build"
    assert render(checkout_kopi, out, checkout_kopi / ODENSE).exit_code == 0  # the repository's config: none
    r = render(checkout_kopi, out, checkout_kopi / ODENSE, "--config", anden)
    assert r.exit_code == 1 and "fejl P022" in r.output and "uændret" not in r.output, r.output
    anden.write_text('[checks]\nP023 = "none"\n', encoding="utf-8")
    r = render(checkout_kopi, out, checkout_kopi / ODENSE, "--config", anden)
    assert r.exit_code == 0 and "dannet" in r.output and "P023" not in r.output, r.output
    assert "uændret" in render(checkout_kopi, out, checkout_kopi / ODENSE, "--config", anden).output
    r = render(checkout_kopi, out, checkout_kopi / ODENSE)  # back to the repository's: rendered again, with P023
    assert "dannet" in r.output and "advarsel P023" in r.output, r.output
