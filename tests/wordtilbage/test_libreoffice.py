"""The round trip through real LibreOffice, which keeps a control's title, data binding and the custom XML
part but drops tags and locks, makes block controls inline in their first paragraph and flattens that
paragraph's formatting: saved unedited, every shipped programme comes back unchanged; edited by a macro,
exactly the edited fields change."""

from __future__ import annotations

import yaml

from uddprog.importer.opdatering import skriv

from .conftest import PROGRAMMER
from .libreoffice import gem_med_libreoffice
from .test_rundtur import _delsekvens, _linjer_for
from .word import Worddokument


def test_gemt_af_libreoffice_uden_rettelser_er_filerne_uændrede(kopi, soffice):
    kopier = [kopi(program) for program in PROGRAMMER]  # the file names differ: one folder holds them all
    gemte = gem_med_libreoffice(soffice, [k.docx for k in kopier])
    for k, data in zip(kopier, gemte):
        o = k.opdater(data)
        assert o.i_word == [] and o.ændringer == [] and o.fund == [] and o.konflikter == [], (k.fil.name, o.fund)
        assert o.ny_tekst == o.gammel_tekst and k.fil.read_bytes() == k.bytes


def test_rettet_i_libreoffice_ændres_præcis_de_rettede_felter(kopi, soffice):
    k = kopi()
    data = yaml.safe_load(k.bytes)
    # What LibreOffice's Find & Replace searches (ignoring case): the document's text, paragraph by paragraph.
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    afsnit = ["".join(t.text or "" for t in p.iter(W + "t")) for p in Worddokument(k.docx).krop.iter(W + "p")]

    def gange(tekst: str) -> int:
        return sum(a.lower().count(tekst.lower()) for a in afsnit)

    # A later paragraph of the first presentation: a word of it that stands nowhere else.
    ord_ = max((o for o in data["ansættelser"][0]["beskrivelse"].split("\n\n")[1].split()
                if o.isalpha() and gange(o) == 1), key=len)
    # A samtale remark that several ansættelser share: each of them changes.
    samtale = data["ansættelser"][0]["vejledersamtaler"][0]["bemærkning"]
    samtaler = {f"ansættelser[{i}].vejledersamtaler[{j}].bemærkning" for i, a in enumerate(data["ansættelser"])
                for j, v in enumerate(a["vejledersamtaler"]) if v.get("bemærkning") == samtale}
    assert len(samtaler) >= 2 and gange(samtale) == len(samtaler)
    # A remark in the competency plan that stands nowhere else.
    række, bemærkning = next((i, r["bemærkning"]) for i, r in enumerate(data["kompetenceplan"])
                             if r.get("bemærkning") and gange(r["bemærkning"]) == 1)
    erstat = [
        (ord_, f"{ord_} (rettet)"),
        (samtale, "Uddannelsesplanen lægges ved første samtale."),
        (bemærkning, f"Rettet: {bemærkning}"),
    ]
    [docx] = gem_med_libreoffice(soffice, [k.docx], erstat)
    o = k.opdater(docx)
    assert o.fund == [] and o.konflikter == [], o.fund
    assert {æ.felt.tag for æ in o.ændringer} == {
        "ansættelser[0].beskrivelse", *samtaler, f"kompetenceplan[{række}].bemærkning"}
    assert skriv(o)
    tekst = k.fil.read_text(encoding="utf-8")
    flad = " ".join(tekst.split())
    assert f"{ord_} (rettet)" in flad and f"Rettet: {bemærkning}" in flad
    assert tekst.count("Uddannelsesplanen lægges ved første samtale.") == len(samtaler)
    # Nothing else: every line of the old file outside the changed values is still there, in order.
    gammel = k.bytes.decode("utf-8")
    rørt = _linjer_for(gammel, [æ.sti for æ in o.ændringer])
    assert _delsekvens([l for i, l in enumerate(gammel.splitlines(), 1) if i not in rørt], tekst.splitlines())
