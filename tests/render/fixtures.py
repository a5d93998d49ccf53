"""Programme data built in code, so tests can vary any text field.

Shaped like a real hoveduddannelse: four ansættelser, 24 competencies over
the seven roles, courses and research training. Content is illustrative.
"""

from __future__ import annotations

from datetime import date

from uddprog.models import Maalbeskrivelse, NationalSkabelon, Uddannelsesprogram

ROLLER = ["medicinsk-ekspert", "kommunikator", "samarbejder", "leder-administrator-organisator",
          "sundhedsfremmer", "akademiker", "professionel"]
METODER = ["struktureret-observation", "mini-cex", "case-baseret-diskussion", "360-graders-feedback",
           "audit-af-journaler", "struktureret-vejledersamtale"]
STRATEGIER = ["klinisk-arbejde", "selvstudium", "kursus", "fokuseret-ophold", "undervisning", "supervision"]

RIG_TEKST = """Programmet beskriver **hele forløbet** for den *uddannelsessøgende* læge.

1. Læs målbeskrivelsen.
2. Lav en uddannelsesplan:
   - ved introduktionssamtalen
   - ved justeringssamtalen
3. Evaluer på [evaluer.dk](https://www.evaluer.dk).

Spørgsmål sendes til [sekretariatet](mailto:sekretariat@example.dk).

1. En ny liste
2. starter forfra
"""


def maalbeskrivelse(n_kompetencer: int = 24, tekst: str = "Konkretisering af kompetencen.") -> Maalbeskrivelse:
    return Maalbeskrivelse.model_validate({
        "speciale": "Neurologi",
        "fase": "hoveduddannelse",
        "version": "2015",
        "versionsdato": date(2015, 5, 1),
        "gyldig_fra": date(2015, 9, 1),
        "udarbejdet_af": "Dansk Neurologisk Selskab",
        "godkendt_af": "Sundhedsstyrelsen",
        "kilde": "Illustrativ testmålbeskrivelse",
        "illustrativ": True,
        "varighed_måneder": 48,
        "kompetencer": [
            {
                "id": f"N{i}",
                "titel": f"Kompetence {i}: udredning og behandling af tilstand {i}",
                "konkretisering": tekst,
                "roller": [ROLLER[i % 7], ROLLER[(i * 3 + 1) % 7]] if i % 3 else [ROLLER[i % 7]],
                "læringsstrategier": [STRATEGIER[i % 6], STRATEGIER[(i + 2) % 6]],
                "vurderingsmetoder": [METODER[i % 6]],
                "min_vurderinger": 2 if i % 5 == 0 else None,
            }
            for i in range(1, n_kompetencer + 1)
        ],
        "kurser": [
            {"id": "SOL1", "titel": "SOL1 – Sundhedsvæsenets organisation og ledelse", "type": "generel",
             "varighed": "2 dage", "senest_måned": 12},
            {"id": "SOL2", "titel": "SOL2 – Sundhedsstyrelsens kursus", "type": "generel", "varighed": "3 dage"},
            {"id": "HU1", "titel": "Neurologisk HU-kursus i epilepsi", "type": "specialespecifik",
             "varighed": "3 dage"},
        ],
        "forskningstræning": {"dage": 20, "teori_dage": 10, "projekt_dage": 10, "start_senest_måned": 24,
                              "slut_senest_måneder_før_slut": 6, "beskrivelse": "Teori og **projekt**."},
    })


def skabelon() -> NationalSkabelon:
    from pathlib import Path

    from uddprog.loading import indlæs

    root = Path(__file__).resolve().parents[2]
    return indlæs(root / "templates/national/hoveduddannelse/skabelon.yaml", "skabelon").model


def program(tekst: str = RIG_TEKST, titel: str = "Uddannelsesprogram for hoveduddannelse i neurologi",
            n_kompetencer: int = 24, navn: str = "Aarhus Universitetshospital") -> Uddannelsesprogram:
    ans = [
        ("a1", "Regionshospitalet Gødstrup", "Neurologisk afdeling", "Midtjylland", False, 12),
        ("a2", navn, "Neurologi", "Midtjylland", True, 18),
        ("a3", "Aalborg Universitetshospital", "Neurologisk afdeling", "Nordjylland", True, 12),
        ("a4", "Regionshospitalet Viborg", "Neurologisk afdeling", "Midtjylland", False, 6),
    ]
    start = {"a1": 1, "a2": 13, "a3": 31, "a4": 43}
    return Uddannelsesprogram.model_validate({
        "titel": titel,
        "skabelon": "hoveduddannelse",
        "målbeskrivelse": {"speciale": "Neurologi", "fase": "hoveduddannelse", "version": "2015"},
        "videreuddannelsesregion": "Nord",
        "forløb": "Gødstrup–Aarhus, forløb 1",
        "illustrativ": True,
        "ansvar": {
            "udarbejdet_af": [{"navn": "Anne Østergaard", "rolle": "pkl", "titel": "Overlæge"},
                              {"navn": "Bo Ærø", "rolle": "uao"}],
            "godkendt_af": "UGUP, Videreuddannelsesregion Nord",
            "godkendt_dato": date(2016, 5, 12),
            "næste_revision": date(2019, 5, 12),
            "kontakt": "sekretariat@example.dk",
        },
        "ansættelser": [
            {"id": i, "sted": s, "afdeling": af, "driftsregion": d, "universitetshospital": u, "måneder": m,
             "beskrivelse": tekst}
            for i, s, af, d, u, m in ans
        ],
        "kompetenceplan": [
            {"kompetence": f"N{k}", "ansættelse": ans[k % 4][0], "fra_måned": start[ans[k % 4][0]],
             "til_måned": start[ans[k % 4][0]] + ans[k % 4][5] - 1,
             "læringsmetoder": [STRATEGIER[k % 6]], "vurderingsmetoder": [METODER[(k + 1) % 6]] if k % 2 else []}
            for k in range(1, n_kompetencer + 1)
        ],
        "kurser": [{"kursus": "SOL1", "måned": 8}, {"kursus": "HU1", "måned": 20, "bemærkning": "Afholdes i Odense"},
                   {"kursus": "SOL2", "måned": 40}],
        "forskningstræning": {"fra_måned": 13, "til_måned": 30, "beskrivelse": tekst},
        "sektioner": {s: tekst for s in ["indledning", "uddannelsesforloebet", "uddannelsesstederne",
                                         "kompetenceudvikling", "kurser", "forskningstraening", "vejledning",
                                         "evaluering", "nyttige-links"]},
    })
