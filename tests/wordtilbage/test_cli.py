"""`uddprog render --format redigerbar` and `uddprog import DOC --opdater PROGRAM.yaml` on the command line."""

from __future__ import annotations

import zipfile

import yaml
from lxml import etree

from tests.conftest import kør
from uddprog.render.redline import W, accepter_alle, afsnit, afvis_alle

from .conftest import ROOT, afsnitsfelter, midterste_afsnit
from .word import Worddokument


def _render(k, tmp_path):
    r = kør("render", str(k.fil), "--format", "redigerbar", "--out", str(tmp_path / "ud"), "--rod", str(ROOT))
    assert r.exit_code == 0, r.output
    [docx] = (tmp_path / "ud").rglob("*.redigerbar.docx")
    return docx


def test_render_danner_den_redigerbare_udgave(kopi, tmp_path):
    k = kopi()
    docx = _render(k, tmp_path)
    assert docx.read_bytes() == k.docx
    with zipfile.ZipFile(docx) as zf:
        assert "word/document.xml" in zf.namelist()


def test_opdater_uden_rettelser(kopi, tmp_path):
    k = kopi()
    docx = _render(k, tmp_path)
    r = kør("import", str(docx), "--opdater", str(k.fil), "--rod", str(ROOT))
    assert r.exit_code == 0, r.output
    assert "intet at opdatere" in r.stdout and k.fil.read_bytes() == k.bytes


def test_opdater_skriver_viser_diff_og_redline(kopi, tmp_path):
    k = kopi()
    kontakt = yaml.safe_load(k.bytes)["ansvar"]["kontakt"]
    dok = Worddokument(k.docx)
    dok.skriv("Kontakt", "Uddannelsessekretariatet i Aarhus")
    retur = tmp_path / "retur.docx"
    retur.write_bytes(dok.gem())
    vis = kør("import", str(retur), "--opdater", str(k.fil), "--vis", "--rod", str(ROOT))
    assert vis.exit_code == 0, vis.output
    assert "+  kontakt: Uddannelsessekretariatet i Aarhus" in vis.stdout and "vist, ikke skrevet" in vis.stdout
    assert k.fil.read_bytes() == k.bytes
    redline = tmp_path / "revision.docx"
    r = kør("import", str(retur), "--opdater", str(k.fil), "--redline", str(redline), "--rod", str(ROOT))
    assert r.exit_code == 0, r.output
    assert "1 felt opdateret" in r.stdout and "ændret «Kontakt» (ansvar.kontakt)" in r.stdout
    assert "kontakt: Uddannelsessekretariatet i Aarhus" in k.fil.read_text(encoding="utf-8")
    with zipfile.ZipFile(redline) as zf:
        xml = zf.read("word/document.xml").decode()
    # The table cell is diffed word by word: the new value is read where Word shows it, after "accept all".
    dok = etree.fromstring(xml.encode())
    indsat = " ".join(t.text or "" for ins in dok.iter(W + "ins") for t in ins.iter(W + "t")).split()
    assert set("Uddannelsessekretariatet i Aarhus".split()) <= set(indsat)
    accepteret, afvist = " ".join(afsnit(accepter_alle(dok))), " ".join(afsnit(afvis_alle(dok)))
    assert "Uddannelsessekretariatet i Aarhus" in accepteret and "Uddannelsessekretariatet" not in afvist
    assert kontakt in afvist and kontakt not in accepteret


def test_konflikter_og_fund_giver_exitkode_1(kopi, tmp_path):
    k = kopi()
    titel = afsnitsfelter(k.docx)[midterste_afsnit(k)]
    dok = Worddokument(k.docx)
    dok.slet_kontrol(titel)
    retur = tmp_path / "retur.docx"
    retur.write_bytes(dok.gem())
    r = kør("import", str(retur), "--opdater", str(k.fil), "--rod", str(ROOT))
    assert r.exit_code == 1 and f"fund: Feltet «{titel}» er slettet i Word" in r.stdout


def test_forkert_brug(kopi, tmp_path):
    k = kopi()
    retur = tmp_path / "retur.docx"
    retur.write_bytes(k.docx)
    r = kør("import", str(retur), str(retur), "--opdater", str(k.fil))
    assert r.exit_code == 2 and "ét Word-dokument" in r.stderr
    r = kør("import", str(retur), "--opdater", str(k.fil), "--mb", "neurologi/hoveduddannelse@2015")
    assert r.exit_code == 2 and "--mb" in r.stderr
    r = kør("import", str(retur), "--vis")
    assert r.exit_code == 2 and "hører til --opdater" in r.stderr
    r = kør("import", str(retur))   # without --mb the målbeskrivelse is read from the document; the region is not
    assert r.exit_code == 2 and "--region" in r.stderr
    (tmp_path / "tom.docx").write_bytes(b"PK\x05\x06" + b"\0" * 18)
    r = kør("import", str(tmp_path / "tom.docx"), "--opdater", str(k.fil), "--rod", str(ROOT))
    assert r.exit_code == 2 and "Traceback" not in r.output


def test_almindelig_import_af_en_redigerbar_udgave_peger_på_opdater(kopi, tmp_path):
    k = kopi()
    retur = tmp_path / "retur.docx"
    retur.write_bytes(k.docx)
    r = kør("import", str(retur), "--mb", "neurologi/hoveduddannelse@2015", "--region", "Nord", "--rod", str(ROOT),
            "--out", str(tmp_path / "udkast.yaml"))
    assert r.exit_code == 0, r.output
    assert f"--opdater {k.fil.name}" in r.stderr
