"""`uddprog site`: contents, links, determinism, incremental builds and the output folder's safety."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import kopier_checkout, kør
from uddprog.site import MANIFEST, Sitebygger, SiteFejl, build

from .conftest import DATO, ODENSE, eksempler


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        for k in ("href", "src"):
            if a.get(k):
                self.links.append(a[k])


def _læs_html(fil: Path) -> _Links:
    p = _Links()
    p.feed(fil.read_text(encoding="utf-8"))
    return p


def test_front_page_lists_every_programme_with_its_status(bygget, checkout_kopi_delt):
    res, out = bygget
    html = (out / "index.html").read_text(encoding="utf-8")
    rækker = re.findall(r'<tr id="(p-[^"]+)" data-region="([^"]*)"[^>]*data-status="([^"]+)"', html)
    assert sorted(r[0] for r in rækker) == sorted(f"p-{f.parent.name}-{f.stem}" for f in eksempler(checkout_kopi_delt))
    status = {r[0]: r[2] for r in rækker}
    assert status["p-syd-neurologi-hoveduddannelse-odense-forloeb-2"] == "overskredet"
    assert sum(1 for s in status.values() if s == "gaeldende") == len(rækker) - 1  # all the others current
    assert {r[1] for r in rækker} == {"Nord", "Syd", "Øst"}
    assert res.ok


def test_no_broken_internal_link_anywhere(bygget):
    """Crawl from the front page: every relative href/src names a file of the site, every #anchor an id."""
    _, out = bygget
    set_, kø, sider = set(), [out / "index.html"], {}
    while kø:
        side = kø.pop()
        if side in set_:
            continue
        set_.add(side)
        if side.suffix != ".html":
            continue
        sider[side] = p = _læs_html(side)
        for link in p.links:
            dele = urlsplit(link)
            if dele.scheme in ("http", "https", "mailto", "tel"):
                continue
            assert not dele.scheme and not dele.netloc, f"{side}: absolute link {link}"
            mål = (side.parent / unquote(dele.path)).resolve() if dele.path else side
            assert mål.is_file(), f"{side.relative_to(out)}: broken link {link}"
            assert mål.is_relative_to(out.resolve()), f"{side}: link out of the site {link}"
            if dele.fragment:
                kø.append(mål)  # parsed below for its ids
            kø.append(mål)
    for side, p in sider.items():
        for link in p.links:
            dele = urlsplit(link)
            if dele.fragment and not dele.scheme:
                mål = (side.parent / unquote(dele.path)).resolve() if dele.path else side
                assert dele.fragment in sider[mål].ids, f"{side}: no #{dele.fragment} in {mål}"
    besøgt = {p.relative_to(out.resolve()).as_posix() if p.is_absolute() else p for p in map(Path.resolve, set_)}
    # Every page of the site is reachable (the hidden manifests are not pages).
    alle = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and not p.name.startswith(".")}
    assert alle <= besøgt, f"unreachable: {sorted(alle - besøgt)}"


def test_programme_page_shows_its_findings_with_place(bygget):
    _, out = bygget
    html = (out / "programmer/syd/neurologi-hoveduddannelse-odense-forloeb-2.html").read_text(encoding="utf-8")
    fund = html.index('id="fund"')
    assert fund < html.index('id="hent-h"')  # findings come first
    assert f"{ODENSE}:8:12" in html and f"{ODENSE}:28:19" in html
    for check in ("P021", "P022", "P023"):
        assert f"<code>{check}</code>" in html
    assert "0 fejl, 3 advarsler" in html
    assert 'href="../../filer/syd/neurologi-hoveduddannelse-odense-vejle-forloeb-2.docx" download' in html
    assert "Frist overskredet" in html


def test_specialty_page_has_versions_and_the_diff_report(bygget, checkout_kopi_delt):
    _, out = bygget
    html = (out / "specialer/neurologi.html").read_text(encoding="utf-8")
    assert "1. september 2011" in html and "1. september 2015" in html
    assert 'href="../specialer/neurologi/hoveduddannelse-2011-2015.html"' in html
    rapport = (out / "specialer/neurologi/hoveduddannelse-2011-2015.html").read_text(encoding="utf-8")
    assert "version 2011 → 2015" in rapport and "D00" in rapport
    assert re.search(r'<td class="sted">\d+:\d+</td>', rapport)  # where in the Odense programme (on 2011)
    skabelon = (out / "skabeloner/hoveduddannelse.html").read_text(encoding="utf-8")
    assert "Revision efter ny målbeskrivelse" in skabelon and "<h3>" in skabelon
    oversigt = (out / "oversigt.html").read_text(encoding="utf-8")
    syd = len([f for f in eksempler(checkout_kopi_delt) if f.parent.name == "syd"])  # published: not the draft
    assert re.search(rf'<th scope="row"><a href="regioner/syd.html">Syd</a></th><td class="tal">{syd - 1}</td>'
                     r'<td class="tal">0</td><td class="tal">0</td><td class="tal">1</td>', oversigt)  # Odense overdue,
    # the rest current; columns: gældende, udkast, nyere målbeskrivelse, overskredet


def test_two_builds_are_byte_identical_and_a_rebuild_writes_nothing(checkout_kopi_delt, tmp_path):
    a = build([checkout_kopi_delt / "examples"], tmp_path / "a", rod=checkout_kopi_delt, dato=DATO, pdf=False, jobs=1)
    b = build([checkout_kopi_delt / "examples"], tmp_path / "b", rod=checkout_kopi_delt, dato=DATO, pdf=False, jobs=1)
    assert a.filer == b.filer and len(a.filer) > 30
    for f in a.filer + [MANIFEST]:
        assert (tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes(), f
    igen = build([checkout_kopi_delt / "examples"], tmp_path / "a", rod=checkout_kopi_delt, dato=DATO, pdf=False, jobs=1)
    assert igen.ændrede == [] and igen.fjernede == []


def test_broken_yaml_shows_its_error_removes_stale_files_and_recovers(tmp_path):
    repo = kopier_checkout(tmp_path / "repo")
    fil = repo / "examples/nord/kbu-aalborg-forloeb-3.yaml"
    original = fil.read_bytes()
    b = Sitebygger(tmp_path / "site", [repo / "examples"], repo, DATO, pdf=False, jobs=1)
    b.byg()
    side = tmp_path / "site/programmer/nord/kbu-aalborg-forloeb-3.html"
    docx = tmp_path / "site/filer/nord/kbu-aalborg-forloeb-3.docx"
    assert docx.is_file()
    fil.write_bytes(original + b"titel: [\n")
    res = b.byg([fil])
    html = side.read_text(encoding="utf-8")
    # the flow sequence opened on the appended line is still open at the end: the line after it, column 1
    linje = len(original.splitlines()) + 2
    assert f"examples/nord/kbu-aalborg-forloeb-3.yaml:{linje}:1" in html and "L002" in html
    assert not docx.exists() and "filer/nord/kbu-aalborg-forloeb-3.docx" in res.fjernede
    assert "Kan ikke læses" in (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert not res.ok
    fil.write_bytes(original)
    res = b.byg([fil])
    assert docx.is_file() and "L002" not in side.read_text(encoding="utf-8") and res.ok


def test_an_unchanged_programme_is_not_validated_or_rendered_again(tmp_path, monkeypatch):
    repo = kopier_checkout(tmp_path / "repo")
    b = Sitebygger(tmp_path / "site", [repo / "examples"], repo, DATO, pdf=False, jobs=1)
    b.byg()
    import uddprog.checks as checks

    kaldt = []
    ægte = checks.valider_fil
    monkeypatch.setattr(checks, "valider_fil", lambda f, *a, **k: (kaldt.append(Path(f).name), ægte(f, *a, **k))[1])
    fil = repo / "examples/oest/neurologi-introduktion-glostrup.yaml"
    fil.write_text(fil.read_text(encoding="utf-8").replace("Glostrup", "Glostrup (ny)", 1), encoding="utf-8")
    res = b.byg([fil])
    # Validated once (by the renderer, whose findings the page shows); no other programme is touched.
    assert kaldt == [fil.name]
    assert "filer/oest/neurologi-introduktion-glostrup.html" in res.ændrede
    assert not any("nord/" in f for f in res.ændrede)


def test_refuses_a_folder_that_is_not_an_earlier_site(checkout_kopi_delt, tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "vigtig.txt").write_text("behold mig")
    with pytest.raises(SiteFejl, match="ikke tom"):
        build([checkout_kopi_delt / "examples"], tmp_path / "mine", rod=checkout_kopi_delt, dato=DATO, pdf=False)
    assert (tmp_path / "mine" / "vigtig.txt").read_text() == "behold mig"
    with pytest.raises(SiteFejl, match="projektmappen"):
        build([checkout_kopi_delt / "examples"], checkout_kopi_delt.parent, rod=checkout_kopi_delt, dato=DATO, pdf=False)


def test_cli_site_and_its_exit_codes(checkout_kopi_delt, tmp_path):
    repo = checkout_kopi_delt
    r = kør("site", repo / "examples", "--out", tmp_path / "s", "--no-pdf", "--rod", repo, "--dato", "2026-11-23",
            "-j", "1")
    assert r.exit_code == 0, r.output
    assert f"{len(eksempler(repo))} programmer" in r.output and (tmp_path / "s" / "index.html").is_file()
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "a").write_text("")
    r = kør("site", repo / "examples", "--out", tmp_path / "x", "--no-pdf", "--rod", repo)
    assert r.exit_code == 2 and "Fejl:" in r.output
    r = kør("site", repo / "findes-ikke", "--out", tmp_path / "y", "--rod", repo)
    assert r.exit_code == 2 and "findes-ikke findes ikke" in r.output and not (tmp_path / "y").exists()


def test_pdf_is_offered_when_libreoffice_is_there(checkout_kopi_delt, tmp_path):
    from tests.render.conftest import need_tool

    need_tool("soffice", "libreoffice")
    repo = checkout_kopi_delt
    res = build([repo / "examples/syd/anaestesiologi-introduktion-kolding.yaml"], tmp_path / "s", rod=repo,
                dato=DATO, pdf=True, jobs=1)
    (p,) = res.programmer
    assert p.filer["pdf"].endswith(".pdf") and (tmp_path / "s" / p.filer["pdf"]).read_bytes()[:5] == b"%PDF-"
    assert 'download>Hent som PDF</a>' in (tmp_path / "s" / p.side).read_text(encoding="utf-8")


def test_a_new_målbeskrivelse_version_touches_only_its_specialty_and_phase(tmp_path, monkeypatch):
    """The catalog is read again; only the programmes of that specialty and phase are validated again,
    and the compiled templates are kept."""
    repo = kopier_checkout(tmp_path / "repo")
    b = Sitebygger(tmp_path / "site", [repo / "examples"], repo, DATO, pdf=False, jobs=1)
    før = {p.side: p.status for p in b.byg().programmer}
    b.forvarm()
    renderer = b._renderer
    import uddprog.checks as checks

    kaldt = []
    ægte = checks.valider_fil
    monkeypatch.setattr(checks, "valider_fil", lambda f, *a, **k: (kaldt.append(Path(f).name), ægte(f, *a, **k))[1])
    glostrup = "programmer/oest/neurologi-introduktion-glostrup.html"
    assert før[glostrup] == "gaeldende"
    gammel = repo / "målbeskrivelser/neurologi/introduktion-2015.yaml"
    ny = gammel.with_name("introduktion-2026.yaml")
    tekst = gammel.read_text(encoding="utf-8").replace('version: "2015"', 'version: "2026"', 1)
    ny.write_text(tekst.replace("gyldig_fra: 2015-09-01", "gyldig_fra: 2026-09-01", 1), encoding="utf-8")
    efter = {p.side: p.status for p in b.byg([ny]).programmer}
    assert efter[glostrup] == "nyere"
    assert {s for s, v in efter.items() if v != før[s]} == {glostrup}
    assert set(kaldt) == {"neurologi-introduktion-glostrup.yaml"} and b._renderer is renderer
    assert (tmp_path / "site/specialer/neurologi/introduktion-2015-2026.html").is_file()
    ny.write_text("speciale: [\n", encoding="utf-8")  # broken mid-edit: it was about neurologi, introduktion
    kaldt.clear()
    b.byg([ny])
    assert set(kaldt) == {"neurologi-introduktion-glostrup.yaml"}
    ukendt = ny.with_name("hoveduddannelse-2030.yaml")
    ukendt.write_text("speciale: [\n", encoding="utf-8")  # new and broken: nobody can tell, so everything
    kaldt.clear()
    b.byg([ukendt])
    assert set(kaldt) == {f.name for f in eksempler(repo)}
    assert not (tmp_path / "site/specialer/neurologi/introduktion-2015-2026.html").exists()  # its report is gone


def test_text_from_yaml_stays_text_on_every_page_and_in_the_search_index(tmp_path):
    import json

    repo = kopier_checkout(tmp_path / "repo")
    fil = repo / "examples/oest/neurologi-introduktion-glostrup.yaml"
    ond = '</script><script>alert(1)</script><img src=x onerror=alert(2)> & "x"'
    tekst = fil.read_text(encoding="utf-8")
    fil.write_text(tekst.replace("forløb: ", f"forløb: '{ond}' #", 1), encoding="utf-8")
    res = build([repo / "examples"], tmp_path / "site", rod=repo, dato=DATO, pdf=False, jobs=1)
    assert any(p.forløb == ond for p in res.programmer)
    for side in (tmp_path / "site").rglob("*.html"):
        html = side.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html, side
    js = (tmp_path / "site/assets/soegeindeks.js").read_text(encoding="utf-8")
    indeks = re.fullmatch(r"window\.uddprogSoegeindeks = (\{.*\});\n", js, re.S)[1]
    assert "<" not in indeks  # escaped: the index can never end a script or open a tag
    # It parses whole and keeps the words.
    assert any("</script<scriptalert(1)" in t and "onerror=alert(2)" in t for t in json.loads(indeks).values())


def test_a_programme_with_errors_has_its_page_with_the_errors_and_no_downloads(tmp_path):
    repo = kopier_checkout(tmp_path / "repo")
    fil = repo / "examples/syd/anaestesiologi-introduktion-kolding.yaml"
    tekst = fil.read_text(encoding="utf-8")
    fil.write_text(re.sub(r"(?m)^forløb: .*\n", "", tekst, count=1), encoding="utf-8")  # a required key removed
    res = build([repo / "examples"], tmp_path / "site", rod=repo, dato=DATO, pdf=False, jobs=1)
    (p,) = [p for p in res.programmer if p.kilde.name == fil.name]
    assert p.fejl >= 1 and not p.filer and not res.ok
    html = (tmp_path / "site" / p.side).read_text(encoding="utf-8")
    assert "S001" in html and "fordi valideringen fandt fejl" in html and "download" not in html


def test_the_pages_show_the_findings_after_the_repository_config(tmp_path):
    """Severities and ignores of uddprog.toml apply, as in `uddprog validate`; config mistakes are on the overview."""
    repo = kopier_checkout(tmp_path / "repo")
    (repo / "uddprog.toml").write_text(
        'programmer = "examples"\n[checks]\nP023 = "none"\nP999 = "error"\n[[ignorer]]\ncheck = "P021"\n'
        'sti = "examples/syd/*.yaml"\nbegrundelse = "Revideres på UGUP-mødet i marts"\n', encoding="utf-8")
    res = build([], tmp_path / "site", rod=repo, dato=DATO, pdf=False, jobs=1)
    (odense,) = [p for p in res.programmer if p.kilde.name == "neurologi-hoveduddannelse-odense-forloeb-2.yaml"]
    assert [f.check for f in odense.fund] == ["P022"]
    assert odense.side == "programmer/syd/neurologi-hoveduddannelse-odense-forloeb-2.html"
    assert "C004" in (tmp_path / "site/oversigt.html").read_text(encoding="utf-8")



def test_a_config_change_applies_at_the_next_build(tmp_path):
    repo = kopier_checkout(tmp_path / "repo")
    b = Sitebygger(tmp_path / "site", [repo / "examples"], repo, DATO, pdf=False, jobs=1)
    odense = lambda res: [f.check for p in res.programmer if "neurologi-hoveduddannelse-odense" in p.side for f in p.fund]  # noqa: E731
    assert odense(b.byg()) == ["P021", "P022", "P023"]
    toml = repo / "uddprog.toml"
    toml.write_text('[checks]\nP023 = "none"\n', encoding="utf-8")
    assert odense(b.byg([toml])) == ["P021", "P022"]


def test_a_programme_not_rendered_because_of_errors_is_not_shown_as_overdue(tmp_path):
    """Issue 20: the front page showed such a programme as "Frist overskredet"; it has errors and no documents."""
    repo = kopier_checkout(tmp_path / "repo")
    fil = repo / ODENSE  # its revision deadline has passed on DATO
    tekst = fil.read_text(encoding="utf-8")
    fil.write_text(tekst.replace("sted: Odense Universitetshospital", "sted: UDFYLD", 1), encoding="utf-8")
    res = build([repo / "examples"], tmp_path / "site", rod=repo, dato=DATO, pdf=False, jobs=1)
    (p,) = [p for p in res.programmer if p.kilde.name == fil.name]
    assert p.linje.frist_overskredet and p.fejl and not p.filer  # overdue, with errors, not rendered
    assert p.status == "fejl" and p.status_tekst == "Har fejl – ikke dannet"
    forside = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    række = re.search(rf'<tr id="{p.række_id}"[^>]*data-status="(\w+)".*?</tr>', forside, re.S)
    assert række[1] == "fejl" and "Har fejl – ikke dannet" in række[0] and "Frist overskredet" not in række[0]
    oversigt = (tmp_path / "site" / "oversigt.html").read_text(encoding="utf-8")
    assert p.titel.split(" – ")[0] in oversigt.split('id="handling-h"', 1)[1]  # among those to act on
