"""The round-trip law: editable document → update import with no edits → the YAML byte for byte; N edits
made in Word → exactly N changed fields, and every other byte of the file as it was. For every shipped
programme, with edits written the way Word writes them (split runs, edit sessions, spelling marks)."""

from __future__ import annotations

import datetime
import re

import pytest
import yaml

from uddprog.importer.opdatering import skriv
from uddprog.importer.pakke import læs_pakke
from uddprog.render.felter import læs_kildedel

from .conftest import PROGRAMMER, ROOT
from .word import Worddokument


def _navn(p):
    return p.relative_to(ROOT / "examples").as_posix()


@pytest.mark.parametrize("program", PROGRAMMER, ids=_navn)
def test_uden_rettelser_er_filen_byte_identisk(kopi, program):
    k = kopi(program)
    o = k.opdater(k.docx)
    assert o.i_word == [] and o.ændringer == [] and o.konflikter == [] and o.fund == [], (o.fund, o.konflikter)
    assert o.ny_tekst == o.gammel_tekst and not skriv(o)
    assert k.fil.read_bytes() == k.bytes


def test_a_section_from_a_shared_part_is_no_field(kopi):
    """A section joined from a shared part (programdele) is printed, not editable: an edit in Word would copy the
    shared text into the programme, which would then print it twice."""
    from uddprog.loading import indlæs

    k = kopi(ROOT / "examples/oest/kbu-sjaelland-forloeb-12.yaml")
    dok = indlæs(k.fil)
    fælles = {sti[1] for sti, dele in dok.dele.items() if any(d.fil != dok.fil for d in dele)}
    assert fælles, "the example includes a shared part"
    sektioner = {f.sti[1] for f in _felter(k.docx) if f.sti[0] == "sektioner"}
    assert sektioner and not sektioner & fælles


def _blade(data, sti=()):
    """Every leaf of YAML data with its path."""
    if isinstance(data, dict):
        for n, v in data.items():
            yield from _blade(v, sti + (n,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _blade(v, sti + (i,))
    else:
        yield sti, data


def _felter(docx: bytes):
    return next(læs_kildedel(r) for r in læs_pakke(docx, "x").kundedata).felter


def _ord_i(tekst: str) -> str:
    """A word of at least six letters from a Markdown paragraph with no link or markup."""
    for afsnit in tekst.split("\n\n"):
        if any(c in afsnit for c in "[]*_`|#") or afsnit.lstrip()[:2] in ("- ", "1."):
            continue
        for o in re.findall(r"\b[a-zæøå]{6,}\b", afsnit):
            return o
    return ""


def _ret(dok: Worddokument, felter) -> dict[tuple, str]:
    """Edits of every kind in different fields; {data path: what was done}."""
    ud = {}
    ved = {f.tag: f for f in felter}
    afsnit = [f for f in felter if f.sti[0] == "sektioner" and _ord_i(f.værdi)]
    if afsnit:  # a word retyped in a section
        f = afsnit[0]
        dok.erstat(f.alias, _ord_i(f.værdi), "omskrevet")
        ud[f.sti] = "ord erstattet"
    if len(afsnit) > 1:  # a word made bold in another
        f = afsnit[1]
        dok.fed(f.alias, _ord_i(f.værdi))
        ud[f.sti] = "fed"
    f = ved.get("ansættelser[0].beskrivelse")
    if f is not None and f.værdi.strip():
        dok.tilføj_afsnit(f.alias, "Et nyt afsnit, skrevet i Word af den uddannelsesansvarlige overlæge.")
        ud[f.sti] = "nyt afsnit"
    tomme = [f for f in felter if f.sti[0] == "kompetenceplan" and not f.værdi]
    if tomme:  # an empty remark filled in
        dok.skriv(tomme[0].alias, "Planlægges sammen med vejlederen ved introduktionssamtalen.")
        ud[tomme[0].sti] = "bemærkning udfyldt"
    noter = [f for f in felter if f.art == "note" and f.værdi]
    if noter:
        dok.skriv(noter[0].alias, "Samtalen holdes i afdelingens mødelokale.")
        ud[noter[0].sti] = "note"
    dok.skriv("Kontakt", "Sekretariatet for Lægelig Videreuddannelse, ny adresse")
    ud[("ansvar", "kontakt")] = "kontakt"
    f = ved.get("ansvar.næste_revision")
    if f is not None and f.værdi:
        d = datetime.date.fromisoformat(f.værdi) - datetime.timedelta(days=31)
        dok.dato(f.alias, d.isoformat(), f"{d.day}. {['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'][d.month - 1]} {d.year}")  # noqa: E501
        ud[f.sti] = "dato"
    f = ved.get("ansættelser[0].driftsregion")
    andre = {"Nordjylland": "Region Midtjylland", "Midtjylland": "Region Nordjylland",
             "Sjælland": "Region Hovedstaden", "Hovedstaden": "Region Sjælland"}
    if f is not None and f.værdi in andre:
        dok.vælg(f.alias, andre[f.værdi])
        ud[f.sti] = "valg"
    f = ved.get("ansvar.udarbejdet_af[0].titel")
    if f is not None:
        dok.skriv(f.alias, "Overlæge, ph.d.")
        ud[f.sti] = "titel"
    return ud


@pytest.mark.parametrize("program", PROGRAMMER, ids=_navn)
def test_n_rettelser_giver_n_ændrede_felter(kopi, program):
    k = kopi(program)
    dok = Worddokument(k.docx)
    rettet = _ret(dok, _felter(k.docx))
    assert len(rettet) >= 5
    o = k.opdater(dok.gem())
    assert o.fund == [] and o.konflikter == [] and o.valideringsfejl == [], (o.fund, o.konflikter, o.valideringsfejl)
    assert {æ.felt.sti for æ in o.ændringer} == set(rettet)
    assert skriv(o)
    før = dict(_blade(yaml.safe_load(k.bytes.decode("utf-8"))))
    efter = dict(_blade(yaml.safe_load(k.fil.read_text(encoding="utf-8"))))
    ændret = {s for s in før.keys() | efter.keys() if før.get(s) != efter.get(s)}
    assert ændret == set(rettet)
    # Every line of the old file outside the changed fields' values is still there, in order.
    gammel, ny = k.bytes.decode("utf-8").splitlines(), k.fil.read_text(encoding="utf-8").splitlines()
    rørt = _linjer_for(k.bytes.decode("utf-8"), rettet)
    bevaret = [l for i, l in enumerate(gammel, 1) if i not in rørt]
    assert _delsekvens(bevaret, ny)


def _linjer_for(tekst: str, stier) -> set[int]:
    """The lines (1-based) the values at ``stier`` (or, for a new key, its mapping's last line) stand on."""
    rod = yaml.compose(tekst)
    ud = set()
    for sti in stier:
        node, forælder = rod, None
        for trin in sti:
            forælder = node
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if k.value == trin), None)
            else:
                node = node.value[trin]
            if node is None:
                break
        if node is None:  # a new key: the line it is added after may change (a flow mapping on one line)
            ud.add(forælder.end_mark.line + 1 if forælder.flow_style else forælder.end_mark.line)
            ud.add(forælder.start_mark.line + 1)
            continue
        ud.update(range(node.start_mark.line + 1, node.end_mark.line + 2))
    return ud


def _delsekvens(a: list[str], b: list[str]) -> bool:
    it = iter(b)
    return all(any(x == y for y in it) for x in a)


@pytest.mark.parametrize("program", PROGRAMMER, ids=_navn)
def test_fritekst_står_hvor_den_plejer_og_korte_værdier_i_skemaet(renderer, program):
    """Each free text is a control where the normal document shows it (the templates and the context carried
    its marker through); short values are in the form at the end; every field has exactly one control."""
    from lxml import etree

    from uddprog.loading import indlæs

    dok = indlæs(program)
    docx = renderer.redigerbar(dok)
    felter = _felter(docx)
    blokke = {s.id: s.blokke for s in renderer.katalog.skabelon(dok.model.skabelon).model.sektioner}
    import io
    import zipfile
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        krop = etree.fromstring(zf.read("word/document.xml"))
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    formular = [t for t in krop.iter(W + "tbl")][-1]
    i_formular = {s.find(f"{W}sdtPr/{W}tag").get(W + "val") for s in formular.iter(W + "sdt")}
    alle = [s.find(f"{W}sdtPr/{W}tag").get(W + "val") for s in krop.iter(W + "sdt")]
    for f in felter:
        assert alle.count(f.tag) == 1, f.tag
        skal_i_formular = f.art not in ("rig", "note") or (  # a section the template shows only with text
            f.sti[0] == "sektioner" and not f.værdi.strip() and not blokke[f.sti[1]])
        assert (f.tag in i_formular) == skal_i_formular, f.tag
