"""Generated VALID programmes render through the library to DOCX and HTML that are whole, and every
generated text appears exactly as often as the templates place it.

Each text field of a generated repository carries a unique marker (``strategies.markør``). The
expected count of every marker is derived here from the generated data and the documented layout
(which block shows which field, how often, in which format), independently of the renderer:

- programme title: title page + running header/footer (2); forløb: subtitle + facts table (2);
- a section text: once; a sektion's blocks (forløb, uddannelsessteder, …) repeat wherever the national
  template lists them, so fields shown by a block count once per section that lists it;
- an ansættelse's place and department: the forløb table row, the heading of its department
  presentation and of its competency-plan group (each also a table-of-contents entry), the role
  matrix row (where a template asks for it), every course and the research-training row that fall inside it
  (a plan row no longer repeats the place: the group heading names it);
- a competency title: one plan row (every competency is planned once); a course title: one row;
- the målbeskrivelse's konkretisering and beskrivelse are not part of a programme document: 0.

A sample of generated documents is opened by real LibreOffice (one start for the batch).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

import docx as python_docx
from hypothesis import HealthCheck, Phase, given, settings, strategies as st
from lxml import etree, html as lhtml

from uddprog.render import Renderer
from uddprog.render.context import sidehoved, undertitel

from .conftest import PROJEKT, kræv_klient
from .corpus import DATO
from .strategies import Genereret, repositorier

MARKØR = re.compile(r"ꙮ(\d+)ꙮ")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
INDSTILLINGER = settings(max_examples=25, deadline=None, database=None,
                         suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _repo(g: Genereret, rod: Path) -> Path:
    """The generated repository plus the shipped Word and HTML templates of its phase."""
    g.skriv(rod)
    national = rod / "templates" / "national"
    shutil.copytree(PROJEKT / "templates/national/_felles", national / "_felles")
    kilde = PROJEKT / "templates/national" / g.skabelon["fase"]
    for navn in ("program.docx", "program.html.j2"):
        shutil.copy(kilde / navn, national / g.skabelon["id"] / navn)
    return rod / "examples/fuzz/program.yaml"


def _render(g: Genereret, rod: Path) -> tuple[Path, Path]:
    fil = _repo(g, rod)
    u = Renderer(rod, DATO).render_fil(fil, ("docx", "html"), rod / "build")
    assert u.ok, u.fejl
    (docx,) = [f for f in u.filer if f.suffix == ".docx"]
    (html,) = [f for f in u.filer if f.suffix == ".html"]
    return docx, html


# ------------------------------------------------------------------ expected counts


def forventet(g: Genereret) -> dict[str, tuple[int, int]]:
    """Marker -> (count in the HTML's visible text, count in the DOCX's visible text)."""
    p, mb = g.program, g.mb
    blok = Counter(b for s in g.skabelon["sektioner"] for b in s.get("blokke", []))
    perioder, start = [], 1
    for a in p["ansættelser"]:
        perioder.append((start, start + a["måneder"] - 1))
        start += a["måneder"]
    kurser_i = Counter(next(i for i, (fra, til) in enumerate(perioder) if fra <= k["måned"] <= til)
                       for k in p["kurser"])
    forskning = "forskningstræning" in p and "forskningstræning" in mb
    forskning_i = ({i for i, (fra, til) in enumerate(perioder)
                    if fra <= p["forskningstræning"]["til_måned"] and til >= p["forskningstræning"]["fra_måned"]}
                   if forskning else set())

    def antal(sti: str) -> tuple[int, int]:
        if sti == "titel":
            # HTML: the page title and the title page. Word: the title page and the running header, but the
            # header (i9b's one-line layout, render.context.sidehoved) shortens a long title in the middle, so
            # a marker in the dropped middle is only on the title page (and in docProps/core.xml, checked below).
            return 2, 1 + (mærke_i[sti] in sidehoved(p["titel"], str(mb["version"])))
        if sti == "forløb":
            # the key-data table, and the subtitle unless most of its words are already in the title
            n = 1 + bool(undertitel(p["titel"], [p["forløb"]]))
            return n, n
        if sti.startswith("sektioner."):
            return 1, 1
        if sti == "beskrivelse" or sti.endswith(".konkretisering"):
            return 0, 0  # målbeskrivelse text, not shown in a programme
        if m := re.fullmatch(r"kompetencer\[\d+\]\.titel", sti):
            return blok["kompetenceplan"], blok["kompetenceplan"]
        if re.fullmatch(r"kurser\[\d+\]\.titel", sti):
            return blok["kurser"], blok["kurser"]
        if re.fullmatch(r"kompetenceplan\[\d+\]\.bemærkning", sti):
            return blok["kompetenceplan"], blok["kompetenceplan"]  # under the competency's title in both
        m = re.fullmatch(r"ansættelser\[(\d+)\]\.(sted|afdeling|beskrivelse)", sti)
        assert m, f"ukendt markørsti {sti}"
        i, felt = int(m.group(1)), m.group(2)
        if felt == "beskrivelse":
            return blok["uddannelsessteder"], blok["uddannelsessteder"]
        n = (blok["forløb"] + 2 * blok["uddannelsessteder"] + 2 * blok["kompetenceplan"] + blok["rolledækning"]
             + kurser_i[i] * blok["kurser"] + (i in forskning_i) * blok["forskningstræning"])
        return n, n

    mærke_i = {sti: mk for mk, sti in g.markører.items()}
    return {mk: antal(sti) for mk, sti in g.markører.items()}


def _tæl(tekst: str) -> Counter:
    return Counter(f"ꙮ{n}ꙮ" for n in MARKØR.findall(tekst))


# ------------------------------------------------------------------ format checks


def html_tekst(fil: Path) -> str:
    """Visible text of the HTML page; fails if the page is not whole or puts text into attributes."""
    data = fil.read_bytes()
    assert data.rstrip().endswith(b"</html>"), "HTML-filen er ikke hel"
    træ = lhtml.document_fromstring(data)
    assert træ.find("body") is not None and træ.find("head/title") is not None
    i_attributter = [(el.tag, a, v) for el in træ.iter() if isinstance(el.tag, str)
                     for a, v in el.attrib.items() if MARKØR.search(v)]
    assert i_attributter == [], "tekst fra YAML endte i en attribut"
    return træ.find("body").text_content()


def docx_dele(fil: Path) -> dict[str, etree._Element]:
    """Every XML part of a DOCX, parsed; fails on a broken package."""
    data = fil.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        navne = z.namelist()
        assert navne[0] == "[Content_Types].xml" and len(set(navne)) == len(navne)
        dele = {n: etree.fromstring(z.read(n)) for n in navne if n.endswith((".xml", ".rels"))}
    typer = dele["[Content_Types].xml"]
    overrides = {o.get("PartName") for o in typer if o.tag.endswith("Override")}
    defaults = {d.get("Extension") for d in typer if d.tag.endswith("Default")}
    for n in navne:
        assert f"/{n}" in overrides or n.rsplit(".", 1)[-1] in defaults, f"{n} har ingen indholdstype"
    for relfil, rels in dele.items():
        if not relfil.endswith(".rels"):
            continue
        mappe = relfil.replace("_rels/", "").removesuffix(".rels").rpartition("/")[0]
        for r in rels.iter(PKG_REL + "Relationship"):
            if r.get("TargetMode") == "External":
                continue
            mål = r.get("Target").lstrip("/") if r.get("Target").startswith("/") else \
                "/".join(x for x in (mappe, r.get("Target")) if x)
            assert mål in navne, f"{relfil}: {r.get('Id')} peger på {mål}, som mangler"
    d = python_docx.Document(io.BytesIO(data))  # python-docx opens it
    assert d.paragraphs and d.tables
    return dele


def docx_tekst(dele: dict[str, etree._Element]) -> str:
    """Visible text (w:t only, not field instructions) of the body, headers and footers."""
    return "\n".join("".join(t.text or "" for t in rod.iter(W + "t")) for navn, rod in sorted(dele.items())
                     if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", navn))


# ------------------------------------------------------------------ tests


@INDSTILLINGER
@given(repositorier(maks_ansættelser=6, maks_kompetencer=6))
def test_generated_programme_renders_whole_with_every_text_where_expected(g):
    with tempfile.TemporaryDirectory() as d:
        docx, html = _render(g, Path(d))
        forv = forventet(g)
        i_html, dele = _tæl(html_tekst(html)), docx_dele(docx)
        i_docx = _tæl(docx_tekst(dele))
        assert {mk: i_html[mk] for mk in forv} == {mk: h for mk, (h, _) in forv.items()}, \
            {g.markører[mk]: (i_html[mk], h) for mk, (h, _) in forv.items() if i_html[mk] != h}
        assert {mk: i_docx[mk] for mk in forv} == {mk: w for mk, (_, w) in forv.items()}, \
            {g.markører[mk]: (i_docx[mk], w) for mk, (_, w) in forv.items() if i_docx[mk] != w}
        assert set(i_html) | set(i_docx) <= set(forv), "en markør dukkede op, som ingen tekst havde"
        # The title is the document title too; nothing else of the programme's text is metadata.
        kerne = etree.tostring(dele["docProps/core.xml"], encoding="unicode")
        titel = next(mk for mk, sti in g.markører.items() if sti == "titel")
        assert _tæl(kerne) == Counter({titel: 1})
        # No marker in any XML attribute (style ids, bookmarks, relationship targets).
        for navn, rod in dele.items():
            assert not [v for el in rod.iter() for v in el.attrib.values() if MARKØR.search(v)], navn


@settings(max_examples=8, deadline=None, database=None, phases=[Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(repositorier(maks_ansættelser=3, maks_kompetencer=3).filter(
    lambda g: any("kompetenceplan" in s.get("blokke", []) for s in g.skabelon["sektioner"])
    and any(k.endswith(".bemærkning") and k.startswith("kompetenceplan") for k in g.markører.values())))
def test_plan_remark_reaches_word(g):
    with tempfile.TemporaryDirectory() as d:
        docx, _ = _render(g, Path(d))
        i_docx = _tæl(docx_tekst(docx_dele(docx)))
        for mk, sti in g.markører.items():
            if sti.startswith("kompetenceplan") and sti.endswith(".bemærkning"):
                assert i_docx[mk] >= 1, f"{sti} mangler i Word-dokumentet"


@settings(max_examples=1, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(repositorier(maks_ansættelser=4, maks_kompetencer=4), min_size=3, max_size=3))
def test_sample_opens_in_libreoffice(tmp_path_factory, gs):
    soffice = kræv_klient("soffice")
    tmp = tmp_path_factory.mktemp("lo")
    ind, ud = tmp / "ind", tmp / "ud"
    ind.mkdir()
    titler = []
    for i, g in enumerate(gs):
        docx, _ = _render(g, tmp / f"r{i}")
        shutil.copy(docx, ind / f"prog{i}.docx")
        titler.append(next(mk for mk, sti in g.markører.items() if sti == "titel"))
    # Plain --convert-to (not uddprog's own macro): LibreOffice must open the files as they are.
    r = subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation={(tmp / 'profil').as_uri()}",
                        "--convert-to", "pdf", "--outdir", str(ud), *sorted(map(str, ind.glob("*.docx")))],
                       capture_output=True, text=True, timeout=150, stdin=subprocess.DEVNULL)
    assert r.returncode == 0, r.stderr[-800:]
    for i, titel in enumerate(titler):
        pdf = ud / f"prog{i}.pdf"
        assert pdf.is_file(), f"LibreOffice lavede ingen PDF af prog{i}.docx: {r.stdout[-400:]} {r.stderr[-400:]}"
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]
        if shutil.which("pdftotext"):
            tekst = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, timeout=60).stdout
            # The title page carries the title; its marker digits survive any font fallback.
            assert titel.strip("ꙮ") in tekst, f"prog{i}.pdf viser ikke programmets titel"
