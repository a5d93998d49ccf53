"""Any damaged or odd document gives a draft or a Danish ImportFejl, never another exception."""

from __future__ import annotations

import io
import zipfile

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
    yaml.safe_load(imp.yaml)  # whatever came in, the draft is YAML


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
    from uddprog.render.writer import zip_bytes

    _importer(zip_bytes([(n, bytes(x) if n == navn else v) for n, v in DELE.items()]), katalog)


_ATTR = st.sampled_from(['', ' w:val="0"', ' w:val="x"', ' w:val="-1"', ' w:val="99999999999"', ' w:val="3"'])
_TEKST = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=12).map(
    lambda t: t.replace("&", "&amp;").replace("<", "&lt;"))


def _løb():
    return st.tuples(st.sampled_from(["", "<w:b/>", "<w:i/>", '<w:rFonts w:ascii="Consolas"/>']), _TEKST,
                     st.sampled_from(["", "<w:br/>", "<w:tab/>", '<w:fldChar w:fldCharType="begin"/>',
                                      '<w:fldChar w:fldCharType="end"/>', '<w:commentReference w:id="7"/>'])).map(
        lambda t: f'<w:r><w:rPr>{t[0]}</w:rPr><w:t xml:space="preserve">{t[1]}</w:t>{t[2]}</w:r>')


def _afsnit():
    ppr = st.tuples(st.sampled_from(["", "Heading1", "Heading9", "Overskrift2", "Titel", "TOC1", "ukendt"]),
                    _ATTR, _ATTR, _ATTR).map(
        lambda t: f'<w:pPr><w:pStyle w:val="{t[0]}"/><w:numPr><w:ilvl{t[1]}/><w:numId{t[2]}/></w:numPr>'
                  f"<w:outlineLvl{t[3]}/></w:pPr>")
    indhold = st.lists(st.one_of(_løb(), _løb().map(lambda r: f"<w:ins>{r}</w:ins>"),
                                 _løb().map(lambda r: f'<w:hyperlink r:id="nej">{r}</w:hyperlink>'),
                                 _løb().map(lambda r: f"<w:del>{r}</w:del>")), max_size=5)
    return st.tuples(ppr, indhold).map(lambda t: f"<w:p>{t[0]}{''.join(t[1])}</w:p>")


_BLOK = st.recursive(
    _afsnit(),
    lambda indre: st.lists(st.lists(st.tuples(_ATTR, st.sampled_from(["", "<w:vMerge/>", '<w:vMerge w:val="restart"/>']),
                                              st.lists(indre, min_size=1, max_size=2)), min_size=1, max_size=3),
                           min_size=1, max_size=3).map(
        lambda rækker: "<w:tbl>" + "".join(
            "<w:tr>" + "".join(f"<w:tc><w:tcPr><w:gridSpan{a}/>{v}</w:tcPr>{''.join(b)}</w:tc>" for a, v, b in r)
            + "</w:tr>" for r in rækker) + "</w:tbl>"),
    max_leaves=12)


@INDSTILLINGER
@given(st.lists(_BLOK, max_size=12))
def test_mærkelig_men_gyldig_wordml(katalog, blokke):
    xml = (f'<w:document {W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
           f"<w:body>{''.join(blokke)}</w:body></w:document>")
    _importer(docx(xml, ("word/_rels/document.xml.rels", STYLES_REL.encode()),
                   ("word/styles.xml", f"<w:styles {W}/>".encode())), katalog)
