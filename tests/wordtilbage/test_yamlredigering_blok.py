"""The YAML editor rewrites a block scalar (a Markdown text) keeping its style, indentation, header comment
and the blank lines after it; several lines in a plain scalar become a literal block; a new key with several
lines is written as one. Under libyaml and the pure-Python loader, with LF and CRLF."""

from __future__ import annotations

import pytest
import yaml

from uddprog.loading.yamlfil import Loader
from uddprog.yamlredigering import YamlRedigering

TEKST = """\
a:
  b: |  # forfatterens tekst
    linje 1

    linje 2


  c: >-
    foldet
    tekst
  d: kort   # kommentar
  e: "citeret"
f: |+
  behold

g: slut
"""

LOADERS = [Loader, yaml.SafeLoader]


@pytest.fixture(params=LOADERS, ids=["libyaml", "python"])
def loader(request):
    return request.param


@pytest.mark.parametrize("linjeskift", ["\n", "\r\n"])
def test_bloktekst_bevarer_stil_indrykning_kommentar_og_blanke_linjer(loader, linjeskift):
    tekst = TEKST.replace("\n", linjeskift)
    r = YamlRedigering(tekst, loader)
    r.sæt(("a", "b"), "ny 1\n\n**ny 2**\n- x\n- y\n")
    ny = r.anvend().tekst
    forventet = TEKST.replace("    linje 1\n\n    linje 2\n", "    ny 1\n\n    **ny 2**\n    - x\n    - y\n")
    assert ny == forventet.replace("\n", linjeskift)


def test_foldet_tekst_forbliver_foldet(loader):
    r = YamlRedigering(TEKST, loader)
    r.sæt(("a", "c"), "et to\ntre\n\nfire")
    ny = r.anvend()
    assert "  c: >-\n    et to\n\n    tre\n\n\n    fire\n  d: kort" in ny.tekst
    assert ny.data["a"]["c"] == "et to\ntre\n\nfire"


def test_foldet_tekst_med_indrykkede_linjer_bliver_bogstavelig(loader):
    r = YamlRedigering(TEKST, loader)
    r.sæt(("a", "c"), "- a\n   fortsat\n- b")
    ny = r.anvend()
    assert "  c: |-\n" in ny.tekst and ny.data["a"]["c"] == "- a\n   fortsat\n- b"


def test_afsluttende_linjeskift_vælger_chomp(loader):
    for værdi, hoved in (("uden", "|-"), ("et\n", "|"), ("to\n\n", "|+")):
        r = YamlRedigering(TEKST, loader)
        r.sæt(("a", "b"), værdi)
        ny = r.anvend()
        assert f"  b: {hoved}  # forfatterens tekst\n" in ny.tekst and ny.data["a"]["b"] == værdi
        assert ny.tekst.endswith("g: slut\n")


def test_flere_linjer_i_en_almindelig_værdi_bliver_en_blok(loader):
    r = YamlRedigering(TEKST, loader)
    r.sæt(("a", "e"), "første\n\nandet")
    ny = r.anvend()
    assert '  e: |-\n    første\n\n    andet\nf: |+' in ny.tekst


def test_kommentar_efter_værdien_giver_citeret_tekst(loader):
    r = YamlRedigering(TEKST, loader)
    r.sæt(("a", "d"), "to\nlinjer")
    assert '  d: "to\\nlinjer"   # kommentar' in r.anvend().tekst


def test_ny_nøgle_med_flere_linjer(loader):
    r = YamlRedigering(TEKST, loader)
    r.sæt_nøgle(("a",), "ny", "p1\n\np2\n")
    ny = r.anvend()
    assert "  e: \"citeret\"\n  ny: |\n    p1\n\n    p2\nf: |+" in ny.tekst and ny.data["a"]["ny"] == "p1\n\np2\n"


def test_almindelig_værdi_forbliver_almindelig_uden_for_flow(loader):
    r = YamlRedigering("a: x\nl: [x]\n", loader)
    r.sæt(("a",), "Overlæge, ph.d.")
    r.sæt(("l", 0), "Overlæge, ph.d.")
    assert r.anvend().tekst == 'a: Overlæge, ph.d.\nl: ["Overlæge, ph.d."]\n'
