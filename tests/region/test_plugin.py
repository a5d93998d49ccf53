"""uddprog's pytest plugin on a temporary region repository (pytester): record, pass, and a readable diff
when the region edits its Word layout."""

from __future__ import annotations

import shutil
from importlib.metadata import entry_points

from uddprog.init import skriv

from .conftest import GAMMELT
from .test_layers import egen_docx

pytest_plugins = ["pytester"]

# Once uddprog is installed with its entry point, pytest loads the plugin by itself; before that
# (a checkout whose editable install predates the entry point) name it.
INSTALLERET = any(e.value == "uddprog.pytest_plugin" for e in entry_points(group="pytest11"))
PLUGIN = ["-p", "no:benchmark"] + ([] if INSTALLERET else ["-p", "uddprog.pytest_plugin"])


def _region(pytester):
    skriv(pytester.path, "Syd")
    (pytester.path / "programmer/syd").mkdir(parents=True)
    shutil.copy(GAMMELT, pytester.path / "programmer/syd/odense.yaml")


def test_generated_snapshot_tests_record_pass_and_show_a_readable_diff(pytester):
    _region(pytester)
    optaget = pytester.runpytest(*PLUGIN, "--snapshot-update", "-p", "no:cacheprovider")
    optaget.assert_outcomes(passed=2)
    snapshots = sorted(p.name for p in (pytester.path / "tests/__snapshots__/test_skabeloner").iterdir())
    assert snapshots == ["test_html[odense].html", "test_word[odense].docx.xml"]
    xml = (pytester.path / "tests/__snapshots__/test_skabeloner/test_word[odense].docx.xml").read_text(encoding="utf-8")
    assert '<part name="word/document.xml">' in xml and "Indholdsfortegnelse" in xml and "\n    <" in xml

    pytester.runpytest(*PLUGIN, "-p", "no:cacheprovider").assert_outcomes(passed=2)

    # The region restyles its Word layout: the Word test fails and shows the changed line, HTML still passes.
    egen_docx(pytester.path / "templates/national/hoveduddannelse/program.docx", "Indhold for Region Syd")
    ændret = pytester.runpytest(*PLUGIN, "-p", "no:cacheprovider", "-vv")
    ændret.assert_outcomes(passed=1, failed=1)
    tekst = ændret.stdout.str()
    assert "Indhold for Region Syd" in tekst and "Indholdsfortegnelse" in tekst
    assert "test_word[odense] FAILED" in tekst or "test_word[odense] - " in tekst


def test_a_programme_with_errors_fails_with_the_reason(pytester):
    _region(pytester)
    fil = pytester.path / "programmer/syd/odense.yaml"
    fil.write_text(fil.read_text(encoding="utf-8").replace("skabelon: hoveduddannelse", "skabelon: ukendt"),
                   encoding="utf-8")
    r = pytester.runpytest(*PLUGIN, "--snapshot-update", "-p", "no:cacheprovider")
    r.assert_outcomes(failed=2)
    assert "P002" in r.stdout.str() and "Traceback" not in r.stdout.str()
