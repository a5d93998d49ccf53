"""The layered catalogue: a region's own files over the national catalogue shipped with uddprog."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import yaml

from tests.conftest import kør
from uddprog.catalog import Katalog, indbygget_rod

from .conftest import PROJEKT

SHIPPED_DOCX = PROJEKT / "templates/national/hoveduddannelse/program.docx"


def egen_docx(mål: Path, tekst: str = "Regionens egen indholdsfortegnelse") -> Path:
    """The shipped Word layout with one visible change, as a region would make in Word."""
    mål.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(SHIPPED_DOCX) as ind, zipfile.ZipFile(mål, "w", zipfile.ZIP_DEFLATED) as ud:
        for info in ind.infolist():
            data = ind.read(info.filename)
            if info.filename == "word/document.xml":
                assert b"Indholdsfortegnelse" in data
                data = data.replace(b"Indholdsfortegnelse", tekst.encode())
            ud.writestr(info, data)
    return mål


def _dokumenttekst(docx: Path) -> str:
    with zipfile.ZipFile(docx) as z:
        return z.read("word/document.xml").decode("utf-8")


def test_the_shipped_catalogue_is_underneath_a_region(region_repo):
    k = Katalog.find()
    assert [p.resolve() for p in k.lag] == [region_repo.resolve(), indbygget_rod().resolve()]
    assert {d.model.speciale for d in k.målbeskrivelser} >= {"Neurologi", "Anæstesiologi"}
    assert k.oprindelse(k.skabelon("hoveduddannelse").fil) == "uddprog"


def test_a_regions_own_word_layout_wins_and_the_rest_is_inherited(region_repo):
    egen = egen_docx(region_repo / "templates/national/hoveduddannelse/program.docx")
    k = Katalog.find()
    assert k.skabelonfil("hoveduddannelse", "program.docx") == egen.relative_to(region_repo)
    assert k.oprindelse(k.skabelonfil("hoveduddannelse", "program.html.j2")) == "uddprog"
    assert k.skabelon("hoveduddannelse").model.id == "hoveduddannelse"  # skabelon.yaml still the shipped one
    r = kør("render", "--out", "build", "--dato", "2026-11-23")
    assert r.exit_code == 0, r.output
    (docx,) = (region_repo / "build").rglob("*.docx")
    assert "Regionens egen indholdsfortegnelse" in _dokumenttekst(docx)
    # Remove the region's layout: the programme renders again (the cache hashes the layout in force),
    # now through the shipped one.
    egen.unlink()
    r = kør("render", "--out", "build", "--dato", "2026-11-23")
    assert "dannet" in r.output and "uændret" not in r.output
    assert "Regionens egen" not in _dokumenttekst(docx) and "Indholdsfortegnelse" in _dokumenttekst(docx)


def test_a_regions_own_målbeskrivelse_overrides_the_shipped_one_of_the_same_version(region_repo):
    shipped = PROJEKT / "målbeskrivelser/neurologi/hoveduddannelse-2011.yaml"
    data = yaml.safe_load(shipped.read_text(encoding="utf-8"))
    data["udarbejdet_af"] = "Regionens rettede udgave"
    egen = region_repo / "målbeskrivelser/neurologi-rettet/hb-2011.yaml"  # another path, same version
    egen.parent.mkdir(parents=True)
    egen.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    k = Katalog.find()
    versioner = k.versioner("Neurologi", "hoveduddannelse")
    assert [d.model.version for d in versioner] == ["2011", "2015"]
    assert versioner[0].model.udarbejdet_af == "Regionens rettede udgave" and k.oprindelse(versioner[0].fil) == "repository"
    assert [(a.name, b.name) for a, b in k.skjulte] == [("hoveduddannelse-2011.yaml", "hb-2011.yaml")]


def test_a_broken_own_file_still_hides_the_shipped_one_of_the_same_path(region_repo):
    egen = region_repo / "målbeskrivelser/neurologi/hoveduddannelse-2011.yaml"
    egen.parent.mkdir(parents=True)
    egen.write_text("titel: [ødelagt\n", encoding="utf-8")
    r = kør("validate", "--format", "json", "--dato", "2026-11-23")
    checks = {f["check"] for f in json.loads(r.output)["fund"]}
    assert {"L002", "P001"} <= checks and r.exit_code == 2


def test_katalog_lists_what_is_in_force_and_where_it_comes_from(region_repo):
    egen_docx(region_repo / "templates/national/kbu/program.docx")
    data = json.loads(kør("katalog", "--format", "json").output)
    kbu = {Path(s["fil"]).name: s["kilde"] for s in data["skabeloner"] if s["skabelon"] == "kbu"}
    assert kbu["program.docx"] == "repository" and kbu["skabelon.yaml"] == "uddprog"
    assert ("Neurologi", "2015", "uddprog") in {(m["speciale"], m["version"], m["kilde"]) for m in data["målbeskrivelser"]}
    tekst = kør("katalog").output
    assert "Lag (højeste først)" in tekst and "repositoriet" in tekst  # the text table says it in Danish
    # the shipped catalogue's illustrative entries are marked (issue 21)
    assert all(m["illustrativ"] for m in data["målbeskrivelser"] if m["kilde"] == "uddprog")
    assert "illustrativ" in tekst and "ikke den officielle tekst" in tekst


def test_in_this_checkout_there_is_one_layer():
    k = Katalog(PROJEKT)
    assert len(k.lag) == 1 and not k.skjulte
    assert len(k.målbeskrivelser) == len(list((PROJEKT / "målbeskrivelser").rglob("*.yaml")))
