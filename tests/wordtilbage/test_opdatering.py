"""The update import's decisions: tracked changes, the three-way merge, deleted controls, text outside the
fields, controls found without their tag, short values, emptied fields, bad input."""

from __future__ import annotations

import io
import zipfile

import pytest
import yaml

from uddprog.importer.opdatering import OpdateringsFejl, kanonisk, skriv
from uddprog.importer.pakke import ImportFejl

from .conftest import afsnitsfelter, midterste_afsnit
from .word import Worddokument

INDLEDNING = "Afsnit: Indledning"


def _data(k):
    return yaml.safe_load(k.fil.read_text(encoding="utf-8"))


def test_sporede_ændringer_godkendes_som_standard(kopi):
    k = kopi()
    dok = Worddokument(k.docx)
    dok.spor_slet(INDLEDNING, "Holstebro–Aarhus, forløb 1")  # rewrites the paragraph: first
    dok.spor_indsæt(INDLEDNING, " Programmet er drøftet med de uddannelsessøgende.")
    o = k.opdater(dok.gem())
    assert [æ.felt.tag for æ in o.ændringer] == ["sektioner.indledning"]
    assert any("sporede ændringer" in n and "godkendt" in n for n in o.noter)
    tekst = " ".join(o.ændringer[0].efter.split())
    assert "Programmet er drøftet med de uddannelsessøgende." in tekst
    assert "Holstebro–Aarhus, forløb 1" not in tekst.split("\n\n")[0]


def test_afviste_sporede_ændringer_giver_den_gamle_tekst(kopi):
    k = kopi()
    dok = Worddokument(k.docx)
    dok.spor_slet(INDLEDNING, "Holstebro–Aarhus, forløb 1")
    dok.spor_indsæt(INDLEDNING, " Programmet er drøftet med de uddannelsessøgende.")
    dok.spor_nyt_afsnit(INDLEDNING, "Et helt nyt afsnit.")
    o = k.opdater(dok.gem(), afvis_sporede=True)
    assert o.i_word == [] and o.ændringer == [] and o.ny_tekst == o.gammel_tekst


def test_et_sporet_nyt_afsnit_bliver_et_afsnit(kopi):
    k = kopi()
    dok = Worddokument(k.docx)
    dok.spor_nyt_afsnit(INDLEDNING, "Et helt nyt afsnit om forløbet.")
    o = k.opdater(dok.gem())
    gamle = [" ".join(a.split()) for a in _data(k)["sektioner"]["indledning"].split("\n\n")]
    afsnit = [" ".join(a.split()) for a in o.ændringer[0].efter.split("\n\n")]
    assert afsnit == [gamle[0], "Et helt nyt afsnit om forløbet.", *gamle[1:]]


def test_trevejsfletning_anvender_ordets_ændring_og_bevarer_yamlens(kopi):
    k = kopi()
    # After the document was made, the secretariat edits the YAML: one field Word also changes, one it does not.
    tekst = k.fil.read_text(encoding="utf-8")
    tekst = tekst.replace("kontakt: Sekretariatet for Lægelig Videreuddannelse, Videreuddannelsesregion Nord",
                          "kontakt: Sekretariatet, Videreuddannelsesregion Nord")
    tekst = tekst.replace("godkendt_dato: 2026-05-12", "godkendt_dato: 2026-05-19")
    k.fil.write_text(tekst, encoding="utf-8")
    dok = Worddokument(k.docx)
    dok.skriv("Kontakt", "Uddannelsessekretariatet i Aarhus")                # both changed: a conflict
    dok.erstat("Ansættelse 1: præsentation af stedet", "døgnet rundt", "hele døgnet")  # only Word: applied
    o = k.opdater(dok.gem())
    assert o.ændret_siden
    assert [k_.felt.tag for k_ in o.konflikter] == ["ansvar.kontakt"]
    assert [æ.felt.tag for æ in o.ændringer] == ["ansættelser[0].beskrivelse"]
    assert o.exitkode == 1
    assert skriv(o)
    data = _data(k)
    assert data["ansvar"]["kontakt"] == "Sekretariatet, Videreuddannelsesregion Nord"  # nothing overwritten
    assert str(data["ansvar"]["godkendt_dato"]) == "2026-05-19"
    assert "hele døgnet" in data["ansættelser"][0]["beskrivelse"]


def test_trevejsfletning_følger_listeelementer_der_er_flyttet(kopi):
    k = kopi()
    # The last ansættelse moved to the front in the YAML: the document's last one is now ansættelser[0].
    ansættelser = _data(k)["ansættelser"]
    n = len(ansættelser) - 1
    assert n >= 1
    første_linje = ansættelser[n]["beskrivelse"].split("\n")[0]
    ord_ = next(o for o in første_linje.split() if o.isalpha() and len(o) >= 6)
    dok = Worddokument(k.docx)
    dok.erstat(f"Ansættelse {n + 1}: præsentation af stedet", ord_, f"hele {ord_}")
    tekst = k.fil.read_text(encoding="utf-8")
    start = tekst.index(f"  - id: {ansættelser[0]['id']}\n")
    midt = tekst.index(f"  - id: {ansættelser[n]['id']}\n")
    slut = tekst.index("\nkompetenceplan:") + 1
    k.fil.write_text(tekst[:start] + tekst[midt:slut] + tekst[start:midt] + tekst[slut:], encoding="utf-8")
    assert [a["id"] for a in _data(k)["ansættelser"]] == [ansættelser[n]["id"]] + [a["id"] for a in ansættelser[:n]]
    o = k.opdater(dok.gem())
    assert [(æ.felt.tag, æ.sti) for æ in o.ændringer] == [(f"ansættelser[{n}].beskrivelse",
                                                           ("ansættelser", 0, "beskrivelse"))]
    assert " ".join(første_linje.replace(ord_, f"hele {ord_}", 1).split()) in " ".join(o.ny_tekst.split())


def test_slettet_kontrol_er_et_fund_og_feltet_bliver(kopi):
    k = kopi()
    titel = afsnitsfelter(k.docx)[midterste_afsnit(k)]
    dok = Worddokument(k.docx)
    dok.slet_kontrol(titel)
    o = k.opdater(dok.gem())
    assert o.ændringer == [] and o.ny_tekst == o.gammel_tekst
    assert any(titel in f and "slettet" in f for f in o.fund)
    assert o.exitkode == 1


def test_tekst_uden_for_felterne_rapporteres_og_overføres_ikke(kopi):
    k = kopi()
    dok = Worddokument(k.docx)
    dok.skriv_udenfor("Husk at opdatere kontaktoplysningerne inden mødet.")
    o = k.opdater(dok.gem())
    assert o.ændringer == [] and o.ny_tekst == o.gammel_tekst
    assert any("uden for felterne" in f and "Husk at opdatere kontaktoplysningerne" in f for f in o.fund)


def test_kontroller_findes_uden_tag_ved_titel_og_binding(kopi):
    k = kopi()
    dok = Worddokument(k.docx)
    dok.erstat("Afsnit: Evaluering af uddannelsen", "evaluerer", "vurderer")
    dok.dato("Godkendt den", "2026-06-02", "2. juni 2026")
    dok.uden_tags()
    # LibreOffice also drops the title of a date or drop-down control; its data binding is left.
    dato = dok.kontrol("Godkendt den").find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sdtPr")
    dato.remove(dato.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}alias"))
    o = k.opdater(dok.gem())
    assert {æ.felt.tag for æ in o.ændringer} == {"sektioner.evaluering", "ansvar.godkendt_dato"}
    assert o.fund == []
    assert "godkendt_dato: 2026-06-02" in o.ny_tekst


def test_korte_værdier_får_yamls_typer(kopi):
    k = kopi()
    dok = Worddokument(k.docx)
    dok.vælg("Ansættelse 1: universitetshospital", "Ja")
    dok.vælg("Forfatter 2: rolle", "Vejleder")
    o = k.opdater(dok.gem())
    assert skriv(o), (o.fund, o.valideringsfejl)
    data = _data(k)
    assert data["ansættelser"][0]["universitetshospital"] is True
    assert data["ansvar"]["udarbejdet_af"][1]["rolle"] == "vejleder"


def test_ugyldige_korte_værdier_er_fund(kopi):
    k = kopi()
    dok = Worddokument(k.docx)
    dok.dato("Næste revision senest", "2029-05-01", "engang i 2029")
    dok.vælg("Ansættelse 1: driftsregion", "Region Skåne")
    o = k.opdater(dok.gem())
    assert o.ændringer == []
    assert any("er ikke en dato" in f for f in o.fund) and any("er ikke et af valgene" in f for f in o.fund)


def test_tømt_valgfrit_felt_fjernes_og_tømt_påkrævet_felt_bliver(kopi):
    k = kopi()
    dok = Worddokument(k.docx)
    dok.skriv("Kontakt", "")
    dok.skriv("Kompetenceplan, række 2 (kompetence 2): bemærkning", "")
    dok.skriv("Programmets titel", "")
    o = k.opdater(dok.gem())
    assert {æ.felt.tag for æ in o.ændringer} == {"ansvar.kontakt", "kompetenceplan[1].bemærkning"}
    assert any("Programmets titel" in f and "skal udfyldes" in f for f in o.fund)
    assert "kontakt:" not in o.ny_tekst and "Trombolysevagten" not in o.ny_tekst


def test_nye_valideringsfejl_forhindrer_skrivning(kopi):
    k = kopi()
    dok = Worddokument(k.docx)
    dok.skriv("Kontakt", "UDFYLD")  # the placeholder is an error (P026)
    o = k.opdater(dok.gem())
    assert [f.check for f in o.valideringsfejl] == ["P026"] and not o.skrives and not skriv(o)
    assert k.fil.read_bytes() == k.bytes


def test_word_kommentarer_nævnes(kopi):
    k = kopi()
    dok = Worddokument(k.docx)
    dok.dele["word/comments.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="http://schemas.openxmlformats.'
        'org/wordprocessingml/2006/main"><w:comment w:id="1" w:author="Jens"><w:p><w:r><w:t>Er datoen rigtig?</w:t>'
        "</w:r></w:p></w:comment></w:comments>").encode()
    dok.navne.append("word/comments.xml")
    rels = dok.dele["word/_rels/document.xml.rels"].decode()
    dok.dele["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>", '<Relationship Id="rIdKom" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/comments" Target="comments.xml"/></Relationships>').encode()
    o = k.opdater(dok.gem())
    assert any("Jens" in n and "Er datoen rigtig?" in n for n in o.noter)


def test_et_andet_dokument_afvises(kopi, renderer):
    k = kopi()
    # The plain rendering of the same programme: no record of its source.
    with pytest.raises(OpdateringsFejl, match="ikke en redigerbar udgave"):
        k.opdater(renderer.docx(__import__("uddprog.loading", fromlist=["indlæs"]).indlæs(k.fil).model))
    with pytest.raises(ImportFejl):
        k.opdater(b"ikke en zip")


def test_dokumentet_passer_ikke_til_filen(kopi, tmp_path):
    k = kopi()
    anden = tmp_path / "andet-program.yaml"
    anden.write_text(k.fil.read_text(encoding="utf-8").replace("forløb 1", "forløb 9"), encoding="utf-8")
    from uddprog.importer.opdatering import opdater
    with pytest.raises(OpdateringsFejl, match="er dannet fra"):
        opdater(k.docx, "retur.docx", anden, k.renderer.katalog)


def test_filen_ændret_under_opdateringen_skrives_ikke(kopi):
    k = kopi()
    dok = Worddokument(k.docx)
    dok.skriv("Kontakt", "Et nyt sekretariat")
    o = k.opdater(dok.gem())
    k.fil.write_text(k.fil.read_text(encoding="utf-8") + "# en kommentar\n", encoding="utf-8")
    with pytest.raises(OpdateringsFejl, match="ændret, mens"):
        skriv(o)


def test_kanonisk_form_er_den_læste_markdown():
    k = kanonisk(["Et *kursivt* og **fedt** ord.", "- a\n- b", "1. x\n2. y", "# Overskrift\n\nTekst"])
    assert k["Et *kursivt* og **fedt** ord."] == "Et *kursivt* og **fedt** ord."
    assert k["- a\n- b"] == "- a\n- b" and k["1. x\n2. y"] == "1. x\n2. y"
    assert k["# Overskrift\n\nTekst"] == "# Overskrift\n\nTekst"


def test_redigerbar_udgave_er_deterministisk(renderer, kopi):
    k = kopi()
    from uddprog.loading import indlæs
    assert renderer.redigerbar(indlæs(k.fil)) == k.docx
    with zipfile.ZipFile(io.BytesIO(k.docx)) as zf:
        assert any(n.startswith("customXml/item") for n in zf.namelist())


def test_uddprogs_egne_linjer_og_tabeller_læses_aldrig_som_data(kopi):
    from uddprog.render.context import STEMPEL

    k = kopi()
    sted = _data(k)["ansættelser"][0]["sted"]
    dok = Worddokument(k.docx)
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    rettet = []
    felter = [s for s in dok.krop.iter(W + "sdt") if s.find(f"{W}sdtPr/{W}tag").get(W + "val") != "uddprog:dannet"]
    i_felt = {t for s in felter for t in s.iter(W + "t")}
    for t in dok.krop.iter(W + "t"):
        if t not in i_felt and t.text in (STEMPEL, sted):
            rettet.append(t.text)
            t.text = "Godkendt program" if t.text == STEMPEL else "Gødstrup Sygehus"
    assert STEMPEL in rettet and sted in rettet  # the stamp and a generated table's cell
    o = k.opdater(dok.gem())
    assert o.ændringer == [] and o.ny_tekst == o.gammel_tekst
    assert any("Godkendt program" in f for f in o.fund) and any("Gødstrup Sygehus" in f for f in o.fund)


def test_en_værdi_på_én_linje_bliver_en_blok_med_flere_afsnit(kopi):
    k = kopi()
    dok = Worddokument(k.docx)
    dok.tilføj_afsnit("Forskningstræning: beskrivelse", "Vejlederen aftales i måned 18.")
    o = k.opdater(dok.gem())
    assert "  beskrivelse: |-\n    Teorikurset i Aarhus" in o.ny_tekst and "\n\n    Vejlederen aftales i måned 18." \
        in o.ny_tekst
    assert skriv(o)


def test_et_afsnit_uden_tekst_udfyldes_i_skemaet(kopi, tmp_path, renderer):
    k = kopi()
    sektion = midterste_afsnit(k)
    titel = afsnitsfelter(k.docx)[sektion]
    sektioner = list(_data(k)["sektioner"])
    tekst = k.fil.read_text(encoding="utf-8")
    blok = tekst.index("\nsektioner:\n")
    start = tekst.index(f"\n  {sektion}: ", blok) + 1
    slut = tekst.index(f"\n  {sektioner[sektioner.index(sektion) + 1]}: ", blok) + 1
    k.fil.write_text(tekst[:start] + tekst[slut:], encoding="utf-8")
    assert sektion not in _data(k)["sektioner"]
    from uddprog.loading import indlæs
    docx = renderer.redigerbar(indlæs(k.fil))
    dok = Worddokument(docx)
    dok.skriv(titel, "Afsnittet følger vejledersamtalerne.")
    o = k.opdater(dok.gem())
    assert [æ.felt.tag for æ in o.ændringer] == [f"sektioner.{sektion}"]
    assert f"  {sektion}: Afsnittet følger vejledersamtalerne.\n" in o.ny_tekst


def test_kilden_nævner_commit_når_filen_er_committet(tmp_path):
    import hashlib
    import shutil
    import subprocess

    from uddprog.render.redigerbar import kilde_for

    from .conftest import NEUROLOGI

    def git(*a):
        return subprocess.run(["git", "-C", str(tmp_path), *a], check=True, capture_output=True, text=True).stdout

    git("init", "-q")
    git("config", "user.email", "t@example.org")
    git("config", "user.name", "T")
    (tmp_path / "nord").mkdir()
    fil = tmp_path / "nord" / NEUROLOGI.name
    shutil.copyfile(NEUROLOGI, fil)
    git("add", ".")
    git("commit", "-qm", "program")
    k = kilde_for(fil)
    assert k.fil == f"nord/{NEUROLOGI.name}" and k.commit == git("rev-parse", "HEAD").strip()
    assert k.sha256 == hashlib.sha256(fil.read_bytes()).hexdigest()
    fil.write_text(fil.read_text(encoding="utf-8") + "# ny\n", encoding="utf-8")
    assert kilde_for(fil).commit == ""  # the file is not the committed one


def test_en_forfatters_telefon_og_email_rettes_i_word(kopi):
    """The cover prints each UAO's phone and e-mail (issue 21): they are fields a clinician can correct."""
    k = kopi()
    før = _data(k)["ansvar"]["udarbejdet_af"][1]
    assert før["telefon"] and før["email"]
    dok = Worddokument(k.docx)
    dok.skriv("Forfatter 2: telefon", før["telefon"][:-5] + "99 99")
    dok.skriv("Forfatter 2: e-mail", før["email"].replace("@eksempel.invalid", "@rm.eksempel.invalid"))
    o = k.opdater(dok.gem())
    assert {æ.felt.tag for æ in o.ændringer} == {"ansvar.udarbejdet_af[1].telefon", "ansvar.udarbejdet_af[1].email"}
    assert skriv(o), (o.fund, o.valideringsfejl)
    efter = _data(k)["ansvar"]["udarbejdet_af"][1]
    assert efter["telefon"] == før["telefon"][:-5] + "99 99" and efter["email"].endswith("@rm.eksempel.invalid")
