"""A repository with two målbeskrivelse versions that between them make every kind of change migrate handles,
and a hand-written programme on the old one (comments, flow and block style, mixed quoting)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.syntetisk import mb_data, skabelon_data


def _k(id, titel, metoder, **kw):
    roller = kw.pop("roller", ["medicinsk-ekspert", "kommunikator", "samarbejder", "leder-administrator-organisator",
                               "sundhedsfremmer", "akademiker", "professionel"])
    return {"id": id, "titel": titel, "konkretisering": f"Lægen kan håndtere {titel.lower()}.", "roller": roller,
            "læringsstrategier": ["klinisk-arbejde"], "vurderingsmetoder": metoder, **kw}


def mb_2011() -> dict:
    mb = mb_data() | {"version": "2011", "gyldig_fra": "2011-09-01"}
    mb["kompetencer"] = [
        _k("1", "Akut apopleksi", ["struktureret-observation", "mini-cex"]),
        _k("2", "Samtale med pårørende", ["360-graders-feedback"]),
        _k("3", "Ledelse af vagtteam", ["struktureret-vejledersamtale", "refleksiv-rapport"]),
        _k("4", "Epilepsi", ["case-baseret-diskussion"]),
        _k("5", "Neuromuskulære og perifere nervesygdomme", ["mini-cex"]),
        _k("6", "Hovedpine", ["case-baseret-diskussion"]),
        _k("8", "Svimmelhed", ["case-baseret-diskussion"]),
        _k("9", "Demens", ["case-baseret-diskussion"]),
    ]
    mb["kurser"] = [
        {"id": "SOL1", "titel": "SOL 1", "type": "generel", "senest_måned": 12},
        {"id": "SOL2", "titel": "SOL 2", "type": "generel", "tidligst_måned": 24},
        {"id": "HU-gammel", "titel": "Et kursus der udgår", "type": "specialespecifik"},
    ]
    mb["forskningstræning"] = {"dage": 20, "start_senest_måned": 24, "slut_senest_måneder_før_slut": 6}
    return mb


def mb_2015() -> dict:
    mb = mb_data() | {"version": "2015", "gyldig_fra": "2015-09-01"}
    mb["kompetencer"] = [
        _k("1", "Akut apopleksi", ["struktureret-observation", "mini-cex", "case-baseret-diskussion"]),
        _k("2", "Samtale med pårørende", ["360-graders-feedback"], min_vurderinger=3),
        _k("3", "Ledelse af vagtteam", ["struktureret-vejledersamtale"]),
        _k("5", "Neuromuskulære sygdomme", ["mini-cex"], erstatter=["5"]),
        _k("7", "Perifere nervesygdomme", ["struktureret-observation"], erstatter=["5"]),
        _k("6", "Hovedpine og svimmelhed", ["case-baseret-diskussion"], erstatter=["6", "8"]),
        _k("10", "Demens", ["case-baseret-diskussion"], erstatter=["9"]),
        _k("11", "Søvnsygdomme", ["case-baseret-diskussion"]),
    ]
    mb["kurser"] = [
        {"id": "SOL1", "titel": "SOL 1", "type": "generel", "senest_måned": 12},
        {"id": "SOL2", "titel": "SOL 2", "type": "generel", "tidligst_måned": 30},
        {"id": "HU-ny", "titel": "Et nyt kursus", "type": "specialespecifik", "tidligst_måned": 6, "senest_måned": 18},
        {"id": "HU-fri", "titel": "Et kursus uden tidsvindue", "type": "specialespecifik"},
    ]
    mb["forskningstræning"] = {"dage": 20, "start_senest_måned": 12, "slut_senest_måneder_før_slut": 6}
    return mb


PROGRAM = """\
# Et håndskrevet program: kommentarer, blandet stil og citering skal overleve revisionen.
titel: Hoveduddannelse i neurologi, forløb 7
skabelon: hoveduddannelse
målbeskrivelse: {speciale: Neurologi, fase: hoveduddannelse, version: '2011'}   # den gamle
videreuddannelsesregion: Nord
forløb: "Holstebro–Aarhus, forløb 7"
ansvar:
  udarbejdet_af: [{navn: Test Testesen, rolle: pkl}]
  godkendt_af: UGUP
  godkendt_dato: 2025-05-12
  næste_revision: 2028-05-01
ansættelser:
  - id: goedstrup
    sted: Regionshospitalet Gødstrup
    afdeling: Neurologi
    driftsregion: Midtjylland
    universitetshospital: false
    måneder: 24
    beskrivelse: >
      En afdeling med
      foldet tekst.
    vejledersamtaler:   # samme plan som eksemplerne: intro først, slut sidst, mindst tre pr. halve år
      - {type: introduktionssamtale, senest_dag: 30}
      - type: justeringssamtale
        senest_dag: 144
      - {type: justeringssamtale, senest_dag: 288}
      - {type: justeringssamtale, senest_dag: 432}
      - {type: justeringssamtale, senest_dag: 576}
      - {type: slutsamtale, senest_dag: 706}
  - {id: auh, sted: Aarhus Universitetshospital, afdeling: "Hjerne- og Rygsygdomme", driftsregion: Midtjylland,
     universitetshospital: true, måneder: 24, beskrivelse: 'En anden, med komma.',
     vejledersamtaler: [{type: introduktionssamtale, senest_dag: 30}, {type: justeringssamtale, senest_dag: 144},
                        {type: justeringssamtale, senest_dag: 288}, {type: justeringssamtale, senest_dag: 432},
                        {type: justeringssamtale, senest_dag: 576}, {type: slutsamtale, senest_dag: 706}]}
kompetenceplan:
  # 1 Akut apopleksi
  - {kompetence: "1", ansættelse: goedstrup, fra_måned: 1, til_måned: 12, læringsmetoder: [klinisk-arbejde], vurderingsmetoder: [struktureret-observation, mini-cex]}
  - kompetence: '2'   # blokform
    ansættelse: goedstrup
    fra_måned: 13
    til_måned: 24
    læringsmetoder: [klinisk-arbejde]
    vurderingsmetoder:
      - 360-graders-feedback
  - {kompetence: "3", ansættelse: auh, fra_måned: 37, til_måned: 48, læringsmetoder: [klinisk-arbejde],
     vurderingsmetoder: [struktureret-vejledersamtale, refleksiv-rapport]}
  - {kompetence: "4", ansættelse: goedstrup, fra_måned: 1, til_måned: 24, læringsmetoder: [klinisk-arbejde], vurderingsmetoder: [case-baseret-diskussion], bemærkning: "Udgår."}
  - {kompetence: 5, ansættelse: auh, fra_måned: 25, til_måned: 36, læringsmetoder: [klinisk-arbejde], vurderingsmetoder: [mini-cex]}  # tal uden citat
  - {kompetence: "6", ansættelse: auh, fra_måned: 25, til_måned: 30, læringsmetoder: [klinisk-arbejde], vurderingsmetoder: [case-baseret-diskussion]}
  - {kompetence: "8", ansættelse: auh, fra_måned: 31, til_måned: 36, læringsmetoder: [klinisk-arbejde], vurderingsmetoder: [case-baseret-diskussion]}
  - {kompetence: "9", ansættelse: auh, fra_måned: 37, til_måned: 48, læringsmetoder: [klinisk-arbejde], vurderingsmetoder: [case-baseret-diskussion]}

kurser:
  - {kursus: SOL1, måned: 6}
  - {kursus: SOL2, måned: 26}
  - {kursus: HU-gammel, måned: 20}
fokuserede_ophold:
  - sted: Neurofysiologisk Afdeling
    ansættelse: auh
    fra_måned: 30
    til_måned: 30
    varighed: 2 uger
    dage: 14
    formål: EEG og EMG.
    kompetencer: ["4", "5", "9", "6", "8"]
forskningstræning: {fra_måned: 13, til_måned: 36}
sektioner:
  indledning: |
    Velkommen til **forløbet**.
  vejledning: Vejleder følger dig.
"""


def skriv_repo(rod: Path, program: str = PROGRAM, navn: str = "program.yaml") -> Path:
    filer = {
        "målbeskrivelser/neurologi/hoveduddannelse-2011.yaml": mb_2011(),
        "målbeskrivelser/neurologi/hoveduddannelse-2015.yaml": mb_2015(),
        "templates/national/hoveduddannelse/skabelon.yaml": skabelon_data(),
    }
    for sti, data in filer.items():
        fil = rod / sti
        fil.parent.mkdir(parents=True, exist_ok=True)
        fil.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    fil = rod / "examples" / "nord" / navn
    fil.parent.mkdir(parents=True, exist_ok=True)
    fil.write_bytes(program.encode("utf-8"))
    return fil


@pytest.fixture
def migreringsprogram(tmp_path) -> Path:
    """The hand-written PROGRAM on Neurologi 2011, at examples/nord/program.yaml in a repository in ``tmp_path``
    that also has 2015 (the migration's target)."""
    return skriv_repo(tmp_path)
