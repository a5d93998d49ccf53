"""The department pages and the quality page on the site: content from the YAML, search in Chromium, axe."""

from __future__ import annotations

import re
from datetime import date

import pytest
import yaml

from tests.browser import axe_violations
from uddprog.navne import slug
from uddprog.site import build

from .conftest import EKSEMPLER, ROD

DATO = date(2026, 12, 6)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "site"
    build([EKSEMPLER], out, rod=ROD, dato=DATO, pdf=False, jobs=1)
    return out


def _steder() -> dict[str, set]:
    """Department slug → programme titles, from the YAML; drafts are not published."""
    ud: dict[str, set] = {}
    for f in EKSEMPLER.rglob("*.yaml"):
        p = yaml.safe_load(f.read_text(encoding="utf-8"))
        if p.get("status") == "udkast":
            continue
        for a in p["ansættelser"]:
            ud.setdefault(slug(f"{a['afdeling']} {a['sted']}"), set()).add(p["titel"])
    return ud


def test_en_side_pr_afdeling(site):
    steder = _steder()
    sider = {p.stem for p in (site / "afdelinger").glob("*.html")} - {"index"}
    assert sider == set(steder)
    liste = (site / "afdelinger" / "index.html").read_text(encoding="utf-8")
    assert liste.count('<tr data-soeg="') == len(steder)
    side = (site / "afdelinger" / f"{slug('Neurologi Aarhus Universitetshospital')}.html").read_text(encoding="utf-8")
    rå = yaml.safe_load((EKSEMPLER / "nord" / "neurologi-hoveduddannelse-holstebro-aarhus-forloeb-1.yaml")
                        .read_text(encoding="utf-8"))
    # every competency planned there by any programme: neurologi's own and psykiatri's side ansættelse
    planlagt = []
    for f in EKSEMPLER.rglob("*.yaml"):
        p = yaml.safe_load(f.read_text(encoding="utf-8"))
        her = {a["id"] for a in p["ansættelser"]
               if (a["afdeling"], a["sted"]) == ("Neurologi", "Aarhus Universitetshospital")}
        planlagt += sorted({str(k["kompetence"]) for k in p["kompetenceplan"] if k["ansættelse"] in her})
    assert {str(k["kompetence"]) for k in rå["kompetenceplan"] if k["ansættelse"] == "auh"} <= set(planlagt)
    rækker = re.findall(r'<th scope="row">(\S+) ', side)
    assert sorted(rækker) == sorted(planlagt)
    assert "Mette Modelby" in side and "12. maj 2026" in side and "måned 31–48" in side
    assert '<a href="../programmer/nord/neurologi-hoveduddannelse-holstebro-aarhus-forloeb-1.html">' in side
    assert (site / "assets" / "afdelinger.js").is_file()


def test_kvalitetssiden(site):
    side = (site / "kvalitet.html").read_text(encoding="utf-8")
    assert side.count("<svg") == 1 and "Kvalitetsoverblik" in side
    # Odense's programme is on the 2011 version and overdue: it is named with its department.
    assert "Neurologisk Afdeling N, Odense Universitetshospital" in side
    assert 'href="programmer/syd/neurologi-hoveduddannelse-odense-forloeb-2.html"' in side
    forside = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="afdelinger/index.html"' in forside and 'href="kvalitet.html"' in forside


def test_soegning_i_afdelingslisten(site, browser):
    side = browser.new_page()
    try:
        side.goto((site / "afdelinger" / "index.html").as_uri())
        alle = side.eval_on_selector_all("#afdelinger tbody tr:not([hidden])", "rs => rs.length")
        assert alle == len(_steder()) and side.is_visible("#afdelingsfiltre")
        side.fill("#a-q", "neurokirurgi aarhus")
        synlige = side.eval_on_selector_all("#afdelinger tbody tr:not([hidden]) a", "as => as.map(a => a.textContent)")
        assert synlige == ["Neurokirurgi"]
        side.fill("#a-q", "neurologi aarhus")  # the departments neurologi's forløb pass through match too
        synlige = side.eval_on_selector_all("#afdelinger tbody tr:not([hidden]) a", "as => as.map(a => a.textContent)")
        assert "Neurologi" in synlige and "Neurokirurgi" in synlige
        side.fill("#a-q", "odense")
        odense = [s for s in _steder() if "odense" in s]
        assert side.eval_on_selector_all("#afdelinger tbody tr:not([hidden])", "rs => rs.length") == len(odense) >= 2
        side.fill("#a-q", "")
        side.select_option("#a-region", "Øst")
        øst = side.eval_on_selector_all("#afdelinger tbody tr:not([hidden])", "rs => rs.length")
        forventet = {slug(f"{a['afdeling']} {a['sted']}") for f in (EKSEMPLER / "oest").glob("*.yaml")
                     for a in yaml.safe_load(f.read_text(encoding="utf-8"))["ansættelser"]}
        assert øst == len(forventet)
        assert side.text_content("#antal") == f"Viser {øst} af {alle} afdelinger."
    finally:
        side.close()


@pytest.mark.parametrize("sti", ["afdelinger/index.html", "afdelinger/neurologi-aarhus-universitetshospital.html",
                                 "afdelinger/neurologisk-afdeling-n-odense-universitetshospital.html",
                                 "kvalitet.html"])
def test_axe(site, browser, sti):
    side = browser.new_page()
    try:
        side.goto((site / sti).as_uri())
        assert axe_violations(side) == []
    finally:
        side.close()


def test_axe_paa_kvalitetsoverblikkets_egen_side(browser, tmp_path):
    """`uddprog stats --kvalitet --format html` is a page of its own, outside the site."""
    from .conftest import kør

    ud = tmp_path / "kvalitet.html"
    assert kør("stats", "--kvalitet", "--format", "html", "--out", ud, "--dato", "2026-12-06", "--rod", ROD).exit_code == 0
    side = browser.new_page()
    try:
        side.goto(ud.as_uri())
        assert side.locator("svg[role=img] title").count() >= 1
        assert axe_violations(side) == []
    finally:
        side.close()
