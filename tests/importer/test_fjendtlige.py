"""Hostile documents: a clear Danish error naming the file, bounded time and memory, no output,
and no file read outside the document."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from tests.conftest import kør, kør_proces
from uddprog.importer import ImportFejl, importer_bytes, pakke
from uddprog.skriv import ZipEntry, zip_bytes

from .conftest import KORPUS, ROOT

CT = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
      'wordprocessingml.document.main+xml"/></Types>')
RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>')
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(dokument: str | bytes, *ekstra: tuple[str, bytes]) -> bytes:
    dok = dokument.encode() if isinstance(dokument, str) else dokument
    return zip_bytes([("[Content_Types].xml", CT.encode()), ("_rels/.rels", RELS.encode()),
                      ("word/document.xml", dok), *ekstra])


def krop(tekst: str) -> str:
    return f'<w:document {W}><w:body><w:p><w:r><w:t>{tekst}</w:t></w:r></w:p></w:body></w:document>'


def _krypteret_flag(data: bytes) -> bytes:
    """Set the 'encrypted' bit on every member (local and central headers)."""
    b = bytearray(data)
    i = 0
    while (i := b.find(b"PK\x03\x04", i)) >= 0:
        b[i + 6] |= 1
        i += 4
    i = 0
    while (i := b.find(b"PK\x01\x02", i)) >= 0:
        b[i + 8] |= 1
        i += 4
    return bytes(b)


def _løgnagtig_størrelse() -> bytes:
    """A member whose directory says 1 KB but which inflates to 40 MB."""
    indhold = b"<w:document " + W.encode() + b"><w:body>" + b" " * (40 * 1024 * 1024) + b"</w:body></w:document>"
    e = ZipEntry.of("word/document.xml", indhold, level=1)
    e = ZipEntry(e.name, e.crc, 1024, e.data)
    return zip_bytes([("[Content_Types].xml", CT.encode()), ("_rels/.rels", RELS.encode()), e])


def _mange_dele() -> bytes:
    return docx(krop("x"), *[(f"word/media/x{i}.xml", b"<a/>") for i in range(pakke.MAKS_DELE + 1)])


XXE = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY hemmelig SYSTEM "file://{{sti}}">]>'
       f'<w:document {W}><w:body><w:p><w:r><w:t>&hemmelig;</w:t></w:r></w:p></w:body></w:document>')
LATTER = ('<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
          + f']><w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')

SAGER = {
    "ikke-zip": (lambda s: b"Dette er bare tekst, ikke Word.\n", "ikke et Word-dokument"),
    "tom": (lambda s: b"", "ikke et Word-dokument"),
    "zip-uden-word": (lambda s: zip_bytes([("hej.txt", b"hej")]), "zip-fil, men ikke et Word-dokument"),
    "regneark": (lambda s: zip_bytes([("[Content_Types].xml", CT.replace("wordprocessingml.document.main",
                                                                         "spreadsheetml.sheet.main").encode()),
                                      ("_rels/.rels", RELS.encode()), ("word/document.xml", b"<a/>")]),
                 "ikke et Word-dokument"),
    "beskadiget-zip": (lambda s: docx(krop("x"))[:-30], "beskadiget zip-fil"),
    "krypteret-ole": (lambda s: pakke.OLE_MAGI + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 512,
                      "krypteret"),
    "krypteret-zip": (lambda s: _krypteret_flag(docx(krop("x"))), "krypteret"),
    "ikke-xml": (lambda s: docx("<w:document><w:body>"), "ikke gyldig XML"),
    "zipbombe": (lambda s: docx(b"<w:document " + W.encode() + b">" + b" " * (20 * 1024 * 1024) + b"</w:document>"),
                 "zip-bombe"),
    "løgnagtig-størrelse": (lambda s: _løgnagtig_størrelse(), "kan ikke pakkes ud"),
    "mange-dele": (lambda s: _mange_dele(), "dele"),
    "xxe": (lambda s: docx(XXE.format(sti=s)), "DTD"),
    "entitetsbombe": (lambda s: docx(LATTER), "DTD"),
}


@pytest.fixture
def hemmelig(tmp_path) -> Path:
    f = tmp_path / "hemmelig.txt"
    f.write_text("HEMMELIGT-INDHOLD-42", encoding="utf-8")
    return f


@pytest.mark.parametrize("sag", sorted(SAGER))
def test_fjendtligt_dokument(sag, tmp_path, hemmelig):
    lav, besked = SAGER[sag]
    fil = tmp_path / f"{sag}.docx"
    fil.write_bytes(lav(hemmelig))
    ud = tmp_path / "ud"
    start = time.perf_counter()
    r = kør("import", fil, "--mb", "neurologi/hoveduddannelse@2015", "--region", "Nord", "--out-dir", ud,
            "--rod", ROOT)
    assert time.perf_counter() - start < 10
    assert r.exit_code == 2, r.output
    assert r.exception is None or isinstance(r.exception, SystemExit)
    fejl = r.stderr if hasattr(r, "stderr") else r.output
    assert f"Fejl: {fil}:" in fejl and besked in fejl
    assert "Traceback" not in r.output and "HEMMELIGT" not in r.output
    assert not ud.exists() or not any(ud.iterdir())


def test_for_stor_fil_læses_ikke(tmp_path):
    fil = tmp_path / "kæmpe.docx"
    with open(fil, "wb") as f:
        f.write(b"PK\x03\x04")
        f.truncate(pakke.MAKS_FIL + 1)      # sparse: costs no disk
    with pytest.raises(ImportFejl, match="for stor"):
        pakke.læs_fil(fil)


def test_for_mange_elementer(monkeypatch):
    monkeypatch.setattr(pakke, "MAKS_ELEMENTER", 1000)
    xml = f'<w:document {W}><w:body>' + "<w:p/>" * 2000 + "</w:body></w:document>"
    with pytest.raises(ImportFejl, match="for stort"):
        pakke.læs_pakke(docx(xml), "stort.docx")


def test_intet_læses_uden_for_dokumentet(katalog, hemmelig):
    """Relationships that point outside the package (external, '../', absolute) are never opened."""
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships">'
            f'<Relationship Id="h1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            f'header" Target="file://{hemmelig}" TargetMode="External"/>'
            f'<Relationship Id="h2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            f'header" Target="../../../../../..{hemmelig}"/>'
            f'<Relationship Id="h3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            f'styles" Target="{hemmelig}"/></Relationships>')
    data = docx(krop("Indledning"), ("word/_rels/document.xml.rels", rels.encode()))
    åbnet: list[str] = []

    def vagt(hændelse, args):
        if hændelse == "open" and vagt.aktiv:
            åbnet.append(str(args[0]))
    vagt.aktiv = False
    sys.addaudithook(vagt)
    mb = katalog.slå_op("neurologi/hoveduddannelse@2015").model
    sk = katalog.skabelon("hoveduddannelse").model
    vagt.aktiv = True
    try:
        imp = importer_bytes(data, "relationer.docx", mb, sk, "Nord")
    finally:
        vagt.aktiv = False
    assert åbnet == []
    assert "HEMMELIGT" not in imp.yaml and "Indledning" in imp.yaml
    assert any("2 henvisninger ud af dokumentet er ikke fulgt" in r for r in imp.rapport)


def test_hukommelse_og_tid_er_begrænset(tmp_path, hemmelig):
    """The worst cases in one real process with its address space capped at 1 GB."""
    filer = []
    for sag in ("zipbombe", "løgnagtig-størrelse", "entitetsbombe", "xxe"):
        f = tmp_path / f"{sag}.docx"
        f.write_bytes(SAGER[sag][0](hemmelig))
        filer.append(str(f))
    filer.append(str(KORPUS / "nord-overskriftstypografier.docx"))  # a good one is still imported
    start = time.perf_counter()
    r = kør_proces("import", *filer, "--mb", "neurologi/hoveduddannelse@2015", "--region", "Nord",
                   "--out-dir", tmp_path / "ud", "--rod", ROOT, hukommelse=1024 ** 3, timeout=60)
    assert time.perf_counter() - start < 30
    assert r.returncode == 2, r.stderr
    assert r.stderr.count("Fejl: ") == 4 and "Traceback" not in r.stderr and "HEMMELIGT" not in r.stderr
    assert sorted(p.name for p in (tmp_path / "ud").iterdir()) == ["nord-overskriftstypografier.yaml"]


def test_kæmpe_kolonnespænd_og_for_mange_celler(monkeypatch):
    from uddprog.importer import laeser
    from uddprog.importer.laeser import læs_dokument

    celle = '<w:tc><w:tcPr><w:gridSpan w:val="99999999999"/></w:tcPr><w:p/></w:tc>'
    xml = f'<w:document {W}><w:body><w:tbl><w:tr>{celle}</w:tr></w:tbl></w:body></w:document>'
    (t,) = læs_dokument(pakke.læs_pakke(docx(xml), "span.docx")).værdi.blokke
    assert len(t.gitter()[0]) == laeser.MAKS_KOLONNER          # capped, not 10^11 empty cells
    monkeypatch.setattr(laeser, "MAKS_CELLER", 500)
    mange = f'<w:document {W}><w:body><w:tbl>' + f"<w:tr>{celle}</w:tr>" * 10 + "</w:tbl></w:body></w:document>"
    with pytest.raises(ImportFejl, match="tabelceller"):
        læs_dokument(pakke.læs_pakke(docx(mange), "celler.docx"))
