"""The site's output folder through the one manifest (`uddprog.udmappe.Udmappe`): shared with
`uddprog render`, the list of an earlier version honoured once, user changes never deleted, and each
programme validated once per build."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import kopier_checkout
from uddprog.batch import render_programmer
from uddprog.site import GAMMEL_MARKØR, Sitebygger, SiteFejl, build
from uddprog.udmappe import MANIFEST, ejer

from .conftest import DATO, eksempler

KBU = "examples/nord/kbu-aalborg-forloeb-3.yaml"


def _byg(repo: Path, out: Path, **kw):
    return build([repo / "examples"], out, rod=repo, dato=DATO, pdf=False, jobs=1, **kw)


def _indhold(mappe: Path, uden: set[str] = frozenset()) -> dict[str, bytes]:
    return {p.relative_to(mappe).as_posix(): p.read_bytes() for p in mappe.rglob("*")
            if p.is_file() and p.relative_to(mappe).as_posix() not in uden}


def _manifest(out: Path) -> dict:
    return json.loads((out / MANIFEST).read_text(encoding="utf-8"))


def test_a_site_built_into_a_render_folder_keeps_every_render_output(tmp_path):
    repo = kopier_checkout(tmp_path / "repo")
    out = tmp_path / "ud"
    render_programmer([repo / "examples"], ("docx", "html"), out, jobs=1, dato=DATO, rod=repo)
    fra_render = _indhold(out, {MANIFEST})
    assert "nord/kbu-aalborg-forloeb-3.docx" in fra_render

    res = _byg(repo, out)
    assert res.ok and (out / "index.html").is_file() and res.fjernede == []
    assert {n: b for n, b in _indhold(out).items() if n in fra_render} == fra_render  # untouched
    arter = _manifest(out)["arter"]
    kbu = ejer(repo / KBU, out)  # relative to the folder: ../repo/examples/nord/…
    assert kbu == "../repo/" + str(KBU)
    assert set(arter["render"]["poster"][kbu]["filer"]) == {"nord/kbu-aalborg-forloeb-3.docx",
                                                            "nord/kbu-aalborg-forloeb-3.html"}
    assert set(arter["site"]["poster"][kbu]["filer"]) == {"filer/nord/kbu-aalborg-forloeb-3.docx",
                                                          "filer/nord/kbu-aalborg-forloeb-3.html"}
    assert "index.html" in arter["site"]["poster"]["sider"]["filer"]

    # The programme goes: the site removes its own files of it, not render's …
    (repo / KBU).unlink()
    res = _byg(repo, out)
    assert "filer/nord/kbu-aalborg-forloeb-3.docx" in res.fjernede
    assert "programmer/nord/kbu-aalborg-forloeb-3.html" in res.fjernede
    # (the pages of the departments only this programme had go too)
    assert not any(not f.startswith(("filer/", "programmer/", "afdelinger/")) for f in res.fjernede), res.fjernede
    assert "afdelinger/akutmodtagelsen-aalborg-universitetshospital.html" in res.fjernede
    assert (out / "nord/kbu-aalborg-forloeb-3.docx").read_bytes() == fra_render["nord/kbu-aalborg-forloeb-3.docx"]
    # … and render removes its own, not the site's.
    side = _indhold(out, {MANIFEST, *fra_render})
    r = render_programmer([repo / "examples"], ("docx", "html"), out, jobs=1, dato=DATO, rod=repo)
    assert sorted(p.relative_to(out).as_posix() for p in r.fjernet) == ["nord/kbu-aalborg-forloeb-3.docx",
                                                                       "nord/kbu-aalborg-forloeb-3.html"]
    assert _indhold(out, {MANIFEST, *fra_render}) == side


def test_render_into_a_site_folder_leaves_the_site_alone(tmp_path):
    repo = kopier_checkout(tmp_path / "repo")
    out = tmp_path / "site"
    _byg(repo, out)
    site = _indhold(out, {MANIFEST})
    r = render_programmer([repo / "examples"], ("html",), out, jobs=1, dato=DATO, rod=repo)
    assert r.ok and r.fjernet == []
    fra_render = {p.relative_to(out).as_posix() for p in r.filer}
    assert fra_render and not fra_render & set(site)
    assert {n: b for n, b in _indhold(out).items() if n in site} == site
    # The next site build is still accepted, writes nothing new and removes nothing of render's.
    res = _byg(repo, out)
    assert res.ændrede == [] and res.fjernede == []
    assert all((out / n).is_file() for n in fra_render)
    # Render with one format fewer removes only its own stale files.
    r = render_programmer([repo / "examples"], (), out, jobs=1, dato=DATO, rod=repo)
    assert {p.relative_to(out).as_posix() for p in r.fjernet} == fra_render
    assert _indhold(out, {MANIFEST}) == site


def test_a_render_folder_with_a_file_uddprog_did_not_write_is_refused(tmp_path):
    repo = kopier_checkout(tmp_path / "repo")
    out = tmp_path / "ud"
    render_programmer([repo / KBU], ("html",), out, jobs=1, dato=DATO, rod=repo)
    (out / "nord" / "noter.txt").write_text("mine noter", encoding="utf-8")
    før = _indhold(out)
    with pytest.raises(SiteFejl, match="som uddprog ikke har dannet .*nord/noter.txt"):
        _byg(repo, out)
    assert _indhold(out) == før


def test_the_list_of_an_earlier_version_is_honoured_once_and_replaced(tmp_path):
    """A site of the version before the shared manifest: `.uddprog-site.json` listing every file, the
    render manifest in filer/. Its stale pages go, a user's file stays, and the manifest replaces both."""
    repo = kopier_checkout(tmp_path / "repo")
    out = tmp_path / "site"
    res = _byg(repo, out)
    nu = _indhold(out, {MANIFEST})
    # Made into the earlier version's layout, with two files that version wrote for a programme since gone.
    (out / MANIFEST).unlink()
    (out / "filer" / MANIFEST).write_text('{"format":2,"programmer":{}}', encoding="utf-8")
    (out / "programmer/nord/gammel.html").write_text("<p>gammel</p>", encoding="utf-8")
    (out / "filer/nord/gammel.docx").write_bytes(b"PK gammel")
    (out / "noter.txt").write_text("mine noter", encoding="utf-8")  # not in the list: never uddprog's
    filer = res.filer + ["programmer/nord/gammel.html", "filer/nord/gammel.docx"]
    (out / GAMMEL_MARKØR).write_text(json.dumps({"format": "uddprog-site", "formatversion": 1, "filer": filer}),
                                     encoding="utf-8")

    res = _byg(repo, out)
    assert res.fjernede == ["filer/nord/gammel.docx", "programmer/nord/gammel.html"]
    assert not (out / GAMMEL_MARKØR).exists() and not (out / "filer" / MANIFEST).exists()
    assert (out / "noter.txt").read_text(encoding="utf-8") == "mine noter"
    assert _indhold(out, {MANIFEST, "noter.txt"}) == nu
    assert set(_manifest(out)["arter"]["site"]["poster"]["sider"]["filer"]) >= {"index.html", "oversigt.html"}
    # Replaced: the next build needs the list no more and keeps the user's file.
    igen = _byg(repo, out)
    assert igen.ændrede == [] and igen.fjernede == [] and (out / "noter.txt").is_file()


def test_a_page_or_document_changed_since_the_build_is_not_removed(tmp_path):
    repo = kopier_checkout(tmp_path / "repo")
    out = tmp_path / "site"
    _byg(repo, out)
    side = out / "programmer/nord/kbu-aalborg-forloeb-3.html"
    dokument = out / "filer/nord/kbu-aalborg-forloeb-3.html"
    for f in (side, dokument):
        f.write_text(f.read_text(encoding="utf-8") + "<!-- min rettelse -->", encoding="utf-8")
    (repo / KBU).unlink()
    res = _byg(repo, out)
    assert "filer/nord/kbu-aalborg-forloeb-3.docx" in res.fjernede  # unchanged: uddprog's, stale, removed
    assert side.read_text(encoding="utf-8").endswith("<!-- min rettelse -->")
    assert dokument.read_text(encoding="utf-8").endswith("<!-- min rettelse -->")
    assert not {"programmer/nord/kbu-aalborg-forloeb-3.html", "filer/nord/kbu-aalborg-forloeb-3.html"} & set(res.fjernede)


@pytest.fixture
def valideringer(monkeypatch):
    import uddprog.checks as checks

    kaldt: Counter[str] = Counter()
    ægte = checks.valider_fil

    def tæl(f, *a, **k):
        kaldt[Path(f).name] += 1
        return ægte(f, *a, **k)

    monkeypatch.setattr(checks, "valider_fil", tæl)
    return kaldt


def test_each_programme_is_validated_once_per_build(tmp_path, valideringer):
    repo = kopier_checkout(tmp_path / "repo")
    alle = Counter(f.name for f in eksempler(repo))
    b = Sitebygger(tmp_path / "site", [repo / "examples"], repo, DATO, pdf=False, jobs=1)
    res = b.byg()  # rendered as a batch: rendering validates, the site uses its findings
    assert valideringer == alle
    odense = [p for p in res.programmer if p.kilde.name == "neurologi-hoveduddannelse-odense-forloeb-2.yaml"]
    assert [f.check for f in odense[0].fund] == ["P021", "P022", "P023"]
    valideringer.clear()
    fil = repo / "examples/oest/neurologi-introduktion-glostrup.yaml"
    fil.write_text(fil.read_text(encoding="utf-8").replace("Glostrup", "Glostrup (ny)", 1), encoding="utf-8")
    b.byg([fil])  # one programme rendered on its own (serve)
    assert valideringer == Counter({fil.name: 1})
    valideringer.clear()
    _byg(repo, tmp_path / "site")  # a new build into the folder: render's cache skips, the site validates
    assert valideringer == alle


def test_a_config_change_that_makes_a_warning_an_error_stops_rendering_at_the_next_build(tmp_path):
    repo = kopier_checkout(tmp_path / "repo")
    b = Sitebygger(tmp_path / "site", [repo / "examples"], repo, DATO, pdf=False, jobs=1)
    navn = "neurologi-hoveduddannelse-odense-forloeb-2.yaml"
    (odense,) = [p for p in b.byg().programmer if p.kilde.name == navn]
    assert odense.filer
    toml = repo / "uddprog.toml"
    toml.write_text('[checks]\nP022 = "error"\n', encoding="utf-8")
    res = b.byg([toml])
    (odense,) = [p for p in res.programmer if p.kilde.name == navn]
    assert odense.fejl == 1 and not odense.filer and not res.ok
    assert "filer/syd/neurologi-hoveduddannelse-odense-vejle-forloeb-2.docx" in res.fjernede
