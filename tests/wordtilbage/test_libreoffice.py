"""The round trip through real LibreOffice, which keeps a control's title, data binding and the custom XML
part but drops tags and locks, makes block controls inline in their first paragraph and flattens that
paragraph's formatting: saved unedited, every shipped programme comes back unchanged; edited by a macro,
exactly the edited fields change."""

from __future__ import annotations

from uddprog.importer.opdatering import skriv

from .conftest import PROGRAMMER
from .libreoffice import gem_med_libreoffice
from .test_rundtur import _delsekvens, _linjer_for


def test_gemt_af_libreoffice_uden_rettelser_er_filerne_uændrede(kopi, soffice):
    kopier = [kopi(program) for program in PROGRAMMER]  # the file names differ: one folder holds them all
    gemte = gem_med_libreoffice(soffice, [k.docx for k in kopier])
    for k, data in zip(kopier, gemte):
        o = k.opdater(data)
        assert o.i_word == [] and o.ændringer == [] and o.fund == [] and o.konflikter == [], (k.fil.name, o.fund)
        assert o.ny_tekst == o.gammel_tekst and k.fil.read_bytes() == k.bytes


def test_rettet_i_libreoffice_ændres_præcis_de_rettede_felter(kopi, soffice):
    k = kopi()
    erstat = [
        ("cirka tre måneder", "omkring tre måneder"),  # a later paragraph of a presentation
        ("Uddannelsesplanen lægges; du medbringer din karriereplan.",  # the first samtale of both ansættelser
         "Uddannelsesplanen lægges ved første samtale."),
        ("To ugers fokuseret ophold i klinisk neurofysiologi.",  # a remark in the competency plan
         "Tre ugers fokuseret ophold i klinisk neurofysiologi."),
    ]
    [data] = gem_med_libreoffice(soffice, [k.docx], erstat)
    o = k.opdater(data)
    assert o.fund == [] and o.konflikter == [], o.fund
    assert {æ.felt.tag for æ in o.ændringer} == {
        "ansættelser[0].beskrivelse", "ansættelser[0].vejledersamtaler[0].bemærkning",
        "ansættelser[1].vejledersamtaler[0].bemærkning", "kompetenceplan[18].bemærkning"}
    assert skriv(o)
    tekst = k.fil.read_text(encoding="utf-8")
    assert "omkring tre måneder" in " ".join(tekst.split()) and "Tre ugers fokuseret ophold" in tekst
    assert tekst.count("Uddannelsesplanen lægges ved første samtale.") == 2
    # Nothing else: every line of the old file outside the four values is still there, in order.
    gammel = k.bytes.decode("utf-8")
    rørt = _linjer_for(gammel, [æ.sti for æ in o.ændringer])
    assert _delsekvens([l for i, l in enumerate(gammel.splitlines(), 1) if i not in rørt], tekst.splitlines())

