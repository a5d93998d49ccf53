"""Any damaged or odd document gives a draft or a Danish ImportFejl, never another exception."""

from __future__ import annotations

import io
import zipfile

import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from tests.hostile import importkorpus
from uddprog.importer import ImportFejl, importer_bytes

from .conftest import KORPUS
from .test_dele import STYLES_REL, W, docx

ORIGINAL = (KORPUS / "nord-overskriftstypografier.docx").read_bytes()
with zipfile.ZipFile(io.BytesIO(ORIGINAL)) as _zf:
    DELE = {n: _zf.read(n) for n in _zf.namelist()}

INDSTILLINGER = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _importer(data: bytes, katalog):
    mb = katalog.slå_op("neurologi/hoveduddannelse@2015").model
    try:
        imp = importer_bytes(data, "fuzz.docx", mb, katalog.skabelon("hoveduddannelse").model, "Nord")
    except ImportFejl as e:
        assert str(e).startswith("fuzz.docx: ")
        return
    yaml.load(imp.yaml, Loader=yaml.CSafeLoader)  # whatever came in, the draft is YAML


@INDSTILLINGER
@given(data=st.data())
def test_beskadigede_bytes(katalog, data):
    b = bytearray(ORIGINAL)
    for _ in range(data.draw(st.integers(1, 8))):
        b[data.draw(st.integers(0, len(b) - 1))] = data.draw(st.integers(0, 255))
    _importer(bytes(b), katalog)


@INDSTILLINGER
@given(data=st.data())
def test_beskadiget_xml_i_en_del(katalog, data):
    navn = data.draw(st.sampled_from(sorted(DELE)))
    x = bytearray(DELE[navn])
    start = data.draw(st.integers(0, max(0, len(x) - 1)))
    x[start:start + data.draw(st.integers(0, 40))] = data.draw(st.binary(max_size=40))
    from uddprog.skriv import zip_bytes

    _importer(zip_bytes([(n, bytes(x) if n == navn else v) for n, v in DELE.items()]), katalog)


# Pieces of WordprocessingML, valid XML with odd values; drawn from lists so that generation stays cheap.
_LØB = [f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{t}</w:t>{efter}</w:r>'
        for rpr, t, efter in [("", "Indledning", ""), ("<w:b/>", "1. Indledning", ""), ("<w:i/>", " *_[x]&amp;", ""),
                              ('<w:rFonts w:ascii="Consolas"/>', "`kode`", ""), ("", "æøå \u00a0\u00ad", "<w:br/>"),
                              ("", "tekst", '<w:fldChar w:fldCharType="begin"/>'),
                              ("", "slut", '<w:fldChar w:fldCharType="end"/>'),
                              ("<w:b/>", "Kompetence", '<w:commentReference w:id="7"/>'), ("", "", "<w:tab/>"),
                              ("", "Mini-CEX, CbD", ""), ("", "måned 1–6", ""), ("", "Ansættelsessted", ""),
                              ("", "felt", '<w:instrText> HYPERLINK "https://x.dk" </w:instrText>'),
                              ("", "", '<w:fldChar w:fldCharType="separate"/>'), ("", "SOL1 i måned 8", "")]]
_INDHOLD = st.sampled_from(_LØB + [f"<w:ins>{r}</w:ins>" for r in _LØB[:3]] + [f"<w:del>{r}</w:del>" for r in _LØB[:3]]
                           + [f'<w:hyperlink r:id="nej">{_LØB[0]}</w:hyperlink>'])
_VÆRDI = ['', ' w:val="0"', ' w:val="x"', ' w:val="-1"', ' w:val="99999999999"', ' w:val="3"']
_PPR = st.sampled_from([f'<w:pPr><w:pStyle w:val="{stil}"/><w:numPr><w:ilvl{a}/><w:numId{b}/></w:numPr>'
                        f"<w:outlineLvl{c}/></w:pPr>"
                        for stil, a, b, c in [("", "", "", ""), ("Heading1", _VÆRDI[5], _VÆRDI[2], _VÆRDI[4]),
                                              ("Heading9", _VÆRDI[4], _VÆRDI[3], _VÆRDI[1]),
                                              ("Overskrift2", _VÆRDI[1], _VÆRDI[5], _VÆRDI[3]),
                                              ("Titel", "", "", _VÆRDI[2]), ("TOC1", "", "", ""),
                                              ("ukendt", _VÆRDI[5], _VÆRDI[5], _VÆRDI[5])]])
_AFSNIT = st.tuples(_PPR, st.lists(_INDHOLD, max_size=4)).map(lambda t: f"<w:p>{t[0]}{''.join(t[1])}</w:p>")
_TCPR = st.sampled_from([f"<w:tcPr><w:gridSpan{a}/>{v}</w:tcPr>" for a in _VÆRDI
                         for v in ("", "<w:vMerge/>", '<w:vMerge w:val="restart"/>')])
_BLOK = st.recursive(
    _AFSNIT,
    lambda indre: st.lists(st.lists(st.tuples(_TCPR, indre), min_size=1, max_size=3), min_size=1, max_size=3).map(
        lambda rækker: "<w:tbl>" + "".join(
            "<w:tr>" + "".join(f"<w:tc>{tcpr}{b}</w:tc>" for tcpr, b in r) + "</w:tr>" for r in rækker)
        + "</w:tbl>"),
    max_leaves=8)


@INDSTILLINGER
@given(st.lists(_BLOK, max_size=12))
def test_mærkelig_men_gyldig_wordml(katalog, blokke):
    xml = (f'<w:document {W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
           f"<w:body>{''.join(blokke)}</w:body></w:document>")
    _importer(docx(xml, ("word/_rels/document.xml.rels", STYLES_REL.encode()),
                   ("word/styles.xml", f"<w:styles {W}/>".encode())), katalog)


# Any text in any cell, heading or paragraph (every character XML allows): the draft is YAML that loads as a
# programme or fails with findings; never a traceback (issue 20, item 6).

_XML_TEGN = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufffe\uffff"
                          + "".join(chr(c) for c in range(0x20) if c not in (9, 10, 13)))
_PLAUSIBEL = st.sampled_from(["1", "Neurologisk anamnese", "Viborg", "Begge steder", "måned 1–6", "Mini-CEX, CbD",
                              "Klinisk arbejde", "Neuroradiologi", "Planlagt", "Teoridel", "måned 13–40", "12",
                              "01.09.2024 – 31.08.2025", "Udarbejdet af", "Signe Prøvelund, UAO", "Godkendt af", ""])
_TEKST = st.one_of(_PLAUSIBEL, st.text(_XML_TEGN, max_size=30),
                   st.tuples(_PLAUSIBEL, st.sampled_from(list(importkorpus.KONTROLTEGN.values())), _PLAUSIBEL).map(
                       "".join))
_HOVEDER = [["Nr.", "Kompetence", "Hvor", "Læringsmetoder", "Vurderingsmetoder", "Bemærkning"],
            ["Kursus", "Tidspunkt", "Bemærkning"], ["Sted", "Ansættelse", "Hvornår", "Varighed", "Formål", "Kompetencer"],
            ["Planlagt", "måned 13–40"], ["Ansættelsessted", "Afdeling", "Periode", "Måneder"],
            ["Udarbejdet af", "Signe Prøvelund"], ["Samtale", "Hvornår", "Karrierevejledning", "Bemærkning"]]


@st.composite
def _tabel(draw) -> str:
    hoved = draw(st.sampled_from(_HOVEDER))
    rækker = draw(st.lists(st.lists(_TEKST, max_size=len(hoved) + 1), min_size=1, max_size=4))
    return importkorpus.tabel(hoved, *rækker)


_KROP = st.lists(st.one_of(_tabel(), _TEKST.map(importkorpus.p), _TEKST.map(lambda t: importkorpus.p(t, fed=True)),
                           st.sampled_from(["1. Indledning", "2. Uddannelsesforløbet", "4. Kurser",
                                            "5. Forskningstræning"]).map(lambda t: importkorpus.p(t, fed=True))),
                 min_size=1, max_size=8)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(krop=_KROP, mærke=st.booleans(), filnavn=_TEKST)
def test_al_tekst_i_alle_celler_giver_yaml(katalog, krop, mærke, filnavn):
    data = importkorpus.docx((importkorpus.p(importkorpus.UDDPROG_MÆRKE) if mærke else "") + "".join(krop))
    case = importkorpus.Importcase("egenskab", "hypothesis", data, f"{filnavn.replace('/', '')}.docx")
    mb = katalog.slå_op(importkorpus.MB).model
    try:
        imp = importer_bytes(data, case.filnavn, mb, katalog.skabelon("hoveduddannelse").model, importkorpus.REGION)
    except ImportFejl:
        return
    assert importkorpus.problemer_med_udkast(case, imp.yaml) == []


_DATOAGTIG = st.lists(st.one_of(st.sampled_from(["01.09.2024", "31/12-9999", "29.02.2023", "1. februar", "december",
                                                  "9999", "0000", "2199", "vinter", "foråret", "1. halvår", "4. kvartal",
                                                  "primo", " – ", "-", "/", ".", "2.–3. år", "første år", "måned 7"]),
                                 st.integers(0, 99999).map(str), st.text(_XML_TEGN, max_size=5)), max_size=8).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(tekst=_DATOAGTIG, start=st.dates())
def test_perioder_tåler_enhver_tekst(tekst, start):
    """The period readers answer or say None; never an exception, whatever the year or day."""
    from uddprog.importer.lighed import lighed, steder
    from uddprog.importer.perioder import datoer, kalenderperiode, måned_i_forløbet, måneder_mellem, træningsår

    k = kalenderperiode(tekst)
    if k is not None:
        assert k.fra <= k.til
        måneder_mellem(k.fra, k.til)
        måned_i_forløbet(k.fra, start)
    datoer(tekst)
    træningsår(tekst)
    assert 0.0 <= lighed(tekst, "Akut apopleksi og trombolyse") <= 1.0
    steder(tekst, ["Aalborg Universitetshospital", "Regionshospitalet Viborg"])
