"""What a reader of a programme sees (issue 20 "What readers see", issue 21 items 6–7), checked on the Word XML
and the HTML of every shipped programme: tables a reader can scan, a title page that says each thing once, and
nothing uddprog invented printed as if it were practice.
"""

from __future__ import annotations

import io
import re
import zipfile
from html import unescape

import pytest
from lxml import etree

from uddprog.catalog import Katalog
from uddprog.datoer import læs_tidspunkt_i_ansættelse, måneder_tekst
from uddprog.loading import indlæs
from uddprog.navne import slug
from uddprog.render.context import build_context
from uddprog.render.docx import CoreProperties
from uddprog.render.html import CompiledHtml

from .conftest import EXAMPLES, ROOT

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
FASER = ("kbu", "introduktion", "hoveduddannelse")
NEUROLOGI = "neurologi-hoveduddannelse-holstebro-aarhus-forloeb-1"


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def _part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return etree.fromstring(zf.read(name))


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def _parts(fil, **ændringer):
    katalog = Katalog(ROOT)
    p = indlæs(fil).model
    if ændringer:
        p = p.model_copy(update=ændringer)
    return p, katalog.målbeskrivelse(p.målbeskrivelse).model, katalog.skabelon(p.skabelon).model


def _docx(renderer, program, mb, skabelon) -> bytes:
    ctx = build_context(program, mb, skabelon)
    return renderer.docx_skabelon(program.skabelon).render(ctx, CoreProperties(title=program.titel, author="test"))


def _html(program, mb, skabelon) -> str:
    return CompiledHtml(ROOT / "templates/national", program.skabelon).render(build_context(program, mb, skabelon))


@pytest.fixture(scope="module")
def programmer():
    return {f.stem: _parts(f) for f in EXAMPLES}


@pytest.fixture(scope="module")
def rendered(renderer, programmer):
    return {navn: _docx(renderer, *dele) for navn, dele in programmer.items()}


@pytest.fixture(scope="module")
def sider(programmer):
    return {navn: _html(*dele) for navn, dele in programmer.items()}


def _body(data: bytes) -> etree._Element:
    return _part(data, "word/document.xml").find("w:body", NS)


def _header(tbl) -> list[str]:
    return [_text(tc) for tc in tbl.find("w:tr", NS).iterfind("w:tc", NS)]


def _plan_tables(body) -> list[etree._Element]:
    return [t for t in body.iter(_w("tbl")) if _header(t)[:1] == ["Nr."] and "Vurderingsmetoder" in _header(t)]


def _text_width(body) -> int:
    side = body.find(".//w:sectPr", NS)
    return int(side.find("w:pgSz", NS).get(_w("w"))) - sum(
        int(side.find("w:pgMar", NS).get(_w(k))) for k in ("left", "right"))


# ---------------------------------------------------------------- the kompetenceplan table


def test_the_plan_table_has_five_columns_as_wide_as_the_text(rendered):
    """Seven narrow columns became five: no "Hvor" (the heading above names the ansættelse), no roles."""
    for navn, data in rendered.items():
        body = _body(data)
        tabeller = _plan_tables(body)
        assert tabeller, navn
        for t in tabeller:
            hoved = _header(t)
            assert hoved in (["Nr.", "Kompetence", "Hvornår", "Læringsmetoder", "Vurderingsmetoder"],
                             ["Nr.", "Læringsmål", "Hvornår", "Læringsmetoder", "Vurderingsmetoder"]), (navn, hoved)
            grid = [int(c.get(_w("w"))) for c in t.iterfind("w:tblGrid/w:gridCol", NS)]
            assert 0 <= _text_width(body) - sum(grid) < len(grid), navn  # as wide as the text, to the twip
            # Every text column holds its longest word ("Kompetencevurdering", 19 letters) whole: ≥ 3 cm.
            assert min(grid[1:]) >= 1200, (navn, grid)  # 1200 twips = 2.1 cm: "måned 10–18" on one line
            assert sorted(grid[1:])[1] >= 2100, (navn, grid)


@pytest.mark.parametrize("fase", FASER)
def test_no_table_cell_and_no_body_text_is_hyphenated(fase):
    """"Regionshospi-tal", "diskus-sion": automatic hyphenation is off, and every style a table cell uses
    suppresses it, so a region that turns hyphenation on for its body text keeps its tables whole."""
    data = (ROOT / f"templates/national/{fase}/program.docx").read_bytes()
    settings = _part(data, "word/settings.xml")
    assert settings.find("w:autoHyphenation", NS) is None
    styles = {s.get(_w("styleId")): s for s in _part(data, "word/styles.xml").iterfind("w:style", NS)}

    def unhyphenated(sid: str) -> bool:
        while sid:
            s = styles[sid]
            if s.find("w:pPr/w:suppressAutoHyphens", NS) is not None:
                return True
            based = s.find("w:basedOn", NS)
            sid = based.get(_w("val")) if based is not None else ""
        return False

    body = _body(data)
    brugte = {p.find("w:pPr/w:pStyle", NS).get(_w("val")) for tc in body.iter(_w("tc")) for p in tc.iter(_w("p"))
              if p.find("w:pPr/w:pStyle", NS) is not None}
    brugte |= {"Tabeltekst", "Tabeloverskrift", "Bemaerkning", "Forsidetekst"}
    assert all(unhyphenated(sid) for sid in brugte), sorted(s for s in brugte if not unhyphenated(s))


def _plan_ids(tbl) -> list[str]:
    return [_text(tr.find("w:tc", NS)) for tr in tbl.findall("w:tr", NS)[1:]]


def test_plan_rows_follow_the_maalbeskrivelse_order_within_an_ansaettelse(rendered, sider, programmer):
    """Finding competency 9 means reading down the numbers, not scanning start months."""
    skiftede = 0
    for navn, data in rendered.items():
        program, mb, _ = programmer[navn]
        orden = {k.id: i for i, k in enumerate(mb.kompetencer)}
        for t in _plan_tables(_body(data)):
            ids = _plan_ids(t)
            assert [orden[i] for i in ids] == sorted(orden[i] for i in ids), (navn, ids)
        # the HTML too, table by table
        for tabel in re.findall(r'<table class="data plan">(.*?)</table>', sider[navn], flags=re.S):
            ids = re.findall(r'<tr><td class="nowrap">([^<]+)</td>', tabel)
            assert ids and [orden[i] for i in ids] == sorted(orden[i] for i in ids), (navn, ids)
        # The shipped programmes do plan competencies out of the målbeskrivelse's order in time.
        pr_ans: dict[str, list] = {}
        for p in program.kompetenceplan:
            pr_ans.setdefault(p.ansættelse, []).append(p)
        skiftede += any(sorted(ps, key=lambda p: p.fra_måned) != sorted(ps, key=lambda p: orden[p.kompetence])
                        for ps in pr_ans.values())
    assert skiftede >= 3


# ---------------------------------------------------------------- the title page


def test_the_key_data_table_has_no_header_row(rendered):
    """Its first row ("Speciale | Neurologi") is data: LibreOffice reads tblLook's bit mask, where 0x20 is the
    table style's first-row formatting (bold on a blue ground)."""
    for navn, data in rendered.items():
        forside = _body(data).find("w:tbl", NS)
        assert _header(forside)[0] == "Speciale", navn
        look = forside.find("w:tblPr/w:tblLook", NS)
        assert look.get(_w("firstRow")) == "0" and not int(look.get(_w("val")), 16) & 0x0020, navn
        første = forside.find("w:tr", NS)
        assert første.find("w:trPr/w:tblHeader", NS) is None
        assert not første.xpath(".//w:b", namespaces=NS)
        assert not [s for s in første.xpath(".//w:shd/@w:fill", namespaces=NS) if s == "DCE6F1"]


def test_the_subtitle_does_not_repeat_the_title(rendered, sider, programmer):
    for navn, data in rendered.items():
        program = programmer[navn][0]
        titel = f" {slug(program.titel).replace('-', ' ')} "
        undertitler = [_text(p) for p in _body(data).iterfind("w:p", NS)
                       if p.find("w:pPr/w:pStyle[@w:val='Subtitle']", NS) is not None]
        html = re.findall(r'<p class="(?:under|over)titel">([^<]*)</p>', sider[navn])
        for u in undertitler + [unescape(h) for h in html]:
            for del_ in u.split(" · "):
                assert f" {slug(del_).replace('-', ' ')} " not in titel, (navn, u)
        assert undertitler == [unescape(h) for h in html]
    # what the title does not say stays: the region
    assert [_text(p) for p in _body(rendered[NEUROLOGI]).iterfind("w:p", NS)
            if p.find("w:pPr/w:pStyle[@w:val='Subtitle']", NS) is not None] == ["Videreuddannelsesregion Nord"]


def _udarbejdet_af(data: bytes) -> list[str]:
    forside = _body(data).find("w:tbl", NS)
    række = next(tr for tr in forside.iterfind("w:tr", NS) if _text(tr).startswith("Udarbejdet af"))
    return _linjer(række.findall("w:tc", NS)[1])


def _linjer(celle) -> list[str]:
    """A cell's lines: its text split at line breaks."""
    linjer, aktuel = [], []
    for el in celle.iter(_w("t"), _w("br")):
        if el.tag == _w("br"):
            linjer.append("".join(aktuel))
            aktuel = []
        else:
            aktuel.append(el.text or "")
    return [*linjer, "".join(aktuel)]


def test_udarbejdet_af_has_one_author_a_line_and_names_each_role_once(rendered, programmer):
    assert any(f.telefon for p, *_ in programmer.values() for f in p.ansvar.udarbejdet_af), "an example has a phone"
    for navn, data in rendered.items():
        linjer = _udarbejdet_af(data)
        forfattere = programmer[navn][0].ansvar.udarbejdet_af
        assert len(linjer) == len(forfattere), (navn, linjer)
        for linje, f in zip(linjer, forfattere):
            assert linje.startswith(f.navn), (navn, linje)
            for ord_ in ("Postgraduat klinisk lektor", "Uddannelsesansvarlig overlæge", "Tutorlæge"):
                assert linje.lower().count(ord_.lower()) <= 1, (navn, linje)
            # the UAO's phone and e-mail, as real programmes print them on the cover (issue 21)
            assert (f"tlf. {f.telefon}" in " ".join(linje.split())) == bool(f.telefon), (navn, linje)
            assert not f.telefon or "tlf.\u00a0" in linje  # the number stays on one line
            assert (f.email in linje) if f.email else "@" not in linje, (navn, linje)
    assert _udarbejdet_af(rendered[NEUROLOGI])[0] == (
        "Karen Fiktivsen, Postgraduat klinisk lektor i neurologi, Videreuddannelsesregion Nord (fiktiv)")


# ---------------------------------------------------------------- what uddprog invented


def test_the_forloeb_table_has_no_statistics_columns(rendered, sider):
    """Driftsregion and universitetshospital are data for `uddprog stats`, not columns real programmes print."""
    for navn, data in rendered.items():
        forløb = next(t for t in _body(data).iter(_w("tbl")) if "Ansættelsessted" in _header(t))
        assert _header(forløb) == ["Nr.", "Ansættelsessted", "Afdeling", "Måneder", "Periode"], navn
        hoved = re.search(r"<caption>Forløbets ansættelser</caption>\s*<thead>(.*?)</thead>", sider[navn], re.S)
        assert "Driftsregion" not in hoved.group(1) and "Universitetshospital" not in hoved.group(1), navn


def _alt(data: bytes, html: str) -> tuple[str, str]:
    tekst = _text(_body(data))
    side = " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
    return tekst, side


def test_an_approved_programme_on_the_shipped_catalogue_carries_no_stamp(renderer):
    """The shipped målbeskrivelser are illustrative; a region's approved programme rendered on them must not say
    it is an example, let alone "ikke et godkendt uddannelsesprogram". The colophon says once that the
    målbeskrivelse's data are illustrative."""
    program, mb, skabelon = _parts(ROOT / "examples/nord" / f"{NEUROLOGI}.yaml", illustrativ=False)
    assert mb.illustrativ and program.ansvar.godkendt_dato
    for tekst in _alt(_docx(renderer, program, mb, skabelon), _html(program, mb, skabelon)):
        assert "ikke et godkendt" not in tekst and "Illustrativt eksempel" not in tekst
        assert tekst.count("Målbeskrivelsens data er illustrative") == 1


def test_an_example_says_so_without_claiming_it_is_not_approved(rendered, sider):
    for navn, data in rendered.items():
        for tekst in _alt(data, sider[navn]):
            assert "ikke et godkendt" not in tekst, navn
            assert tekst.count("Illustrativt eksempel") == 1, navn


def test_a_maalbeskrivelse_that_is_not_illustrative_gets_no_note(renderer):
    program, mb, skabelon = _parts(ROOT / "examples/nord" / f"{NEUROLOGI}.yaml", illustrativ=False)
    mb = mb.model_copy(update={"illustrativ": False})
    for tekst in _alt(_docx(renderer, program, mb, skabelon), _html(program, mb, skabelon)):
        assert "Målbeskrivelsens data er illustrative" not in tekst


def test_vejledersamtaler_are_stated_as_the_rule_not_to_the_day(rendered, sider, programmer):
    """"Senest dag 526" became "i ansættelsens sidste måned"."""
    for navn, data in rendered.items():
        program = programmer[navn][0]
        for tekst in _alt(data, sider[navn]):
            assert not re.search(r"\bdag\s+\d", tekst), (navn, re.search(r".{40}\bdag\s+\d.{20}", tekst))
        body = _body(data)
        tabeller = [t for t in body.iter(_w("tbl")) if _header(t)[:2] == ["Samtale", "Hvornår"]]
        assert len(tabeller) == sum(1 for a in program.ansættelser if a.vejledersamtaler), navn
        for t, a in zip(tabeller, [a for a in program.ansættelser if a.vejledersamtaler]):
            assert _header(t) == ["Samtale", "Hvornår", "Indhold"]
            når = [_text(tr.findall("w:tc", NS)[1]) for tr in t.findall("w:tr", NS)[1:]]
            assert all(læs_tidspunkt_i_ansættelse(n, a.måneder) for n in når), (navn, når)


def test_the_shipped_programmes_have_no_role_coverage_table(rendered, sider):
    for navn, data in rendered.items():
        for tekst in _alt(data, sider[navn]):
            assert "Dækning af de syv lægeroller" not in tekst and "Hele forløbet" not in tekst, navn


# ---------------------------------------------------------------- annexes (bilag)


def _med_bilag(skabelon):
    """The template with the annexes real programmes carry (the shipped templates get them as data)."""
    from uddprog.models import Sektion

    bilag = [Sektion(id="kompetenceskema", titel="Kompetenceskema", påkrævet=False, bilag=True,
                     vejledning="Dannes af kompetenceplanen.", blokke=["kompetenceskema"]),
             Sektion(id="kursusoversigt", titel="Kursusoversigt", påkrævet=False, bilag=True,
                     vejledning="Dannes af kurser.", blokke=["kurser"])]
    # the course table moves to its annex; an annex listed first still comes after the sections
    sektioner = [x.model_copy(update={"blokke": [b for b in x.blokke if b != "kurser"]}) for x in skabelon.sektioner
                 if x.id not in ("kompetenceskema", "kursusoversigt")]
    return skabelon.model_copy(update={"sektioner": [bilag[0], *sektioner, bilag[1]]})


@pytest.fixture(scope="module")
def med_bilag(renderer):
    program, mb, skabelon = _parts(ROOT / "examples/nord" / f"{NEUROLOGI}.yaml")
    skabelon = _med_bilag(skabelon)
    return program, mb, skabelon, _docx(renderer, program, mb, skabelon), _html(program, mb, skabelon)


def test_annexes_follow_the_sections_unnumbered_each_on_a_page_of_its_own(med_bilag):
    program, mb, skabelon, data, html = med_bilag
    h1 = [p for p in _body(data).iterfind("w:p", NS) if p.find("w:pPr/w:pStyle[@w:val='Heading1']", NS) is not None]
    titler = [_text(p) for p in h1]
    bilag = [f"Bilag {i}: {x.titel}" for i, x in enumerate(
        (x for x in skabelon.sektioner if x.bilag and (x.blokke or program.sektioner.get(x.id))), start=1)]
    n = len(bilag)
    assert bilag[0] == "Bilag 1: Kompetenceskema" and titler[-n:] == bilag, titler
    assert [t.split(".")[0] for t in titler[:-n]] == [str(i) for i in range(1, len(titler) - n + 1)]
    assert all(p.find("w:pPr/w:pageBreakBefore", NS) is not None for p in h1[-n:])
    assert all(p.find("w:pPr/w:pageBreakBefore", NS) is None for p in h1[:-n])
    assert re.findall(r'<section id="[^"]+" aria-labelledby="[^"]+" class="bilag">\s*<h2[^>]*>([^<]+)</h2>',
                      html) == bilag


def test_the_kompetenceskema_has_the_checklist_columns_and_every_competency(med_bilag):
    program, mb, skabelon, data, html = med_bilag
    body = _body(data)
    (skema,) = [t for t in body.iter(_w("tbl")) if _header(t)[:1] == ["Mål nummer og kompetence"]]
    assert [h.replace("\u00ad", "") for h in _header(skema)] == [
        "Mål nummer og kompetence", "Konkretisering af kompetence", "Kompetencevurderingsmetode (obligatorisk)",
        "Læringsstrategi (anbefalet)", "Periode i forløbet"]
    rækker = skema.findall("w:tr", NS)[1:]
    assert [_text(r.find("w:tc", NS)) for r in rækker] == [f"{k.id} {k.titel}" for k in mb.kompetencer]
    planlagt: dict[str, set] = {}
    for p in program.kompetenceplan:
        planlagt.setdefault(p.kompetence, set()).add(måneder_tekst(p.fra_måned, p.til_måned))
    for r, k in zip(rækker, mb.kompetencer):
        linjer = [" ".join(x.split()) for x in _linjer(r.findall("w:tc", NS)[4])]
        assert set(linjer) == planlagt.get(k.id, {"Ikke planlagt"}), (k.id, linjer)
    grid = [int(c.get(_w("w"))) for c in skema.iterfind("w:tblGrid/w:gridCol", NS)]
    assert 0 <= _text_width(body) - sum(grid) < len(grid)
    assert html.count("<td>1 Neurologisk anamnese og objektiv neurologisk undersøgelse</td>") == 1


def test_a_programme_with_annexes_imports_back_to_the_same_data(med_bilag):
    """uddprog's own annex is generated: the import neither reads it as plan entries nor sets it aside."""
    import yaml

    from tests.importer.rundtur import sammenlign, sammenlign_øvrige
    from uddprog.importer import importer_bytes

    program, mb, skabelon, data, _ = med_bilag
    imp = importer_bytes(data, "bilag.docx", mb, skabelon, program.videreuddannelsesregion)
    draft = yaml.safe_load(imp.yaml)
    assert sammenlign(program, draft) == [] and sammenlign_øvrige(program, draft) == []
    assert "ikke-placeret" not in (draft.get("sektioner") or {})
