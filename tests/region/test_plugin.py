"""uddprog's pytest plugin on a temporary region repository (pytester): record, pass, and a readable diff
when the region edits its Word layout."""

from __future__ import annotations

import shutil
import zipfile
from importlib.metadata import entry_points

from lxml import etree

from uddprog.init import skriv

from .conftest import GAMMELT
from .test_layers import SHIPPED_DOCX, egen_docx

pytest_plugins = ["pytester"]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

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


def test_a_restyled_word_layout_fails_the_word_snapshot_and_shows_the_style(pytester):
    """Fails when the snapshot leaves out styles.xml: a region that makes Heading 1 green and 20 pt in its own
    program.docx changes no document.xml, so its snapshot test used to pass."""
    _region(pytester)
    pytester.runpytest(*PLUGIN, "--snapshot-update", "-p", "no:cacheprovider").assert_outcomes(passed=2)
    xml = (pytester.path / "tests/__snapshots__/test_skabeloner/test_word[odense].docx.xml").read_text(encoding="utf-8")
    assert '<part name="word/styles.xml">' in xml and 'w:styleId="Heading1"' in xml
    stil = xml[xml.index('<part name="word/styles.xml">'):]
    stil = stil[:stil.index("</part>")]
    assert "w:rsid" not in stil and "latentStyles" not in stil  # Word's edit marks and the latent list are noise

    mål = pytester.path / "templates/national/hoveduddannelse/program.docx"
    mål.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(SHIPPED_DOCX) as ind, zipfile.ZipFile(mål, "w", zipfile.ZIP_DEFLATED) as ud:
        for info in ind.infolist():
            data = ind.read(info.filename)
            if info.filename == "word/styles.xml":
                styles = etree.fromstring(data)
                h1 = styles.find(f'{W}style[@{W}styleId="Heading1"]')
                h1.find(f"{W}rPr/{W}color").set(f"{W}val", "00B050")
                h1.find(f"{W}rPr/{W}sz").set(f"{W}val", "40")
                data = etree.tostring(styles, xml_declaration=True, encoding="UTF-8", standalone=True)
            ud.writestr(info, data)
    ændret = pytester.runpytest(*PLUGIN, "-p", "no:cacheprovider", "-vv")
    ændret.assert_outcomes(passed=1, failed=1)
    tekst = ændret.stdout.str()
    assert '00B050' in tekst and 'w:val="40"' in tekst, tekst[-3000:]

    # Recorded again, it passes, and the same programme gives the same snapshot (deterministic).
    pytester.runpytest(*PLUGIN, "--snapshot-update", "-p", "no:cacheprovider").assert_outcomes(passed=2)
    første = (pytester.path / "tests/__snapshots__/test_skabeloner/test_word[odense].docx.xml").read_bytes()
    pytester.runpytest(*PLUGIN, "-p", "no:cacheprovider").assert_outcomes(passed=2)
    assert (pytester.path / "tests/__snapshots__/test_skabeloner/test_word[odense].docx.xml").read_bytes() == første
