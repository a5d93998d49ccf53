"""A small, valid synthetic repository as editable data: tests mutate one thing and look for one check id.

The data builders (mb_data, skabelon_data, program_data) are shared by every test that needs a repository
written from dicts; ``SyntetiskRepo`` writes them to a folder. The `syntetisk_repo` fixture in
tests/conftest.py gives one in a temp folder."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

DATO = date(2026, 11, 23)

ALLE_ROLLER = ["medicinsk-ekspert", "kommunikator", "samarbejder", "leder-administrator-organisator",
               "sundhedsfremmer", "akademiker", "professionel"]


def mb_data() -> dict:
    return {
        "speciale": "Neurologi",
        "fase": "hoveduddannelse",
        "version": "2015",
        "gyldig_fra": "2015-09-01",
        "udarbejdet_af": "Dansk Neurologisk Selskab",
        "godkendt_af": "Sundhedsstyrelsen",
        "kilde": "testdata",
        "illustrativ": True,
        "varighed_måneder": 48,
        "kompetencer": [
            {"id": "1", "titel": "Akut apopleksi", "konkretisering": "Kan vurdere og behandle.",
             "roller": ["medicinsk-ekspert", "samarbejder"], "læringsstrategier": ["klinisk-arbejde"],
             "vurderingsmetoder": ["struktureret-observation", "mini-cex"]},
            {"id": "2", "titel": "Samtale med pårørende", "konkretisering": "Kan føre samtalen.",
             "roller": ["kommunikator", "professionel", "sundhedsfremmer"], "læringsstrategier": ["supervision"],
             "vurderingsmetoder": ["360-graders-feedback"]},
            {"id": "3", "titel": "Ledelse af vagtteam", "konkretisering": "Kan lede og undervise.",
             "roller": ["leder-administrator-organisator", "akademiker"], "læringsstrategier": ["relevante-opgaver"],
             "vurderingsmetoder": ["struktureret-vejledersamtale"]},
        ],
        "kurser": [
            {"id": "SOL1", "titel": "Sundhedsvæsenets organisation og ledelse 1", "type": "generel", "senest_måned": 12},
            {"id": "SOL2", "titel": "Sundhedsvæsenets organisation og ledelse 2", "type": "generel", "tidligst_måned": 24},
        ],
        "forskningstræning": {"dage": 20, "teori_dage": 10, "projekt_dage": 10, "start_senest_måned": 24,
                              "slut_senest_måneder_før_slut": 6},
    }


def skabelon_data(fase: str = "hoveduddannelse") -> dict:
    return {
        "id": fase,
        "navn": f"Skabelon {fase}",
        "fase": fase,
        "version": "1.0",
        "gyldig_fra": "2026-01-01",
        "udgivet_af": "test",
        "revision_måneder": 6,
        "revisionsinterval_måneder": 36,
        "regelkilde": "Illustrative regler til test.",
        "ansvarsfelter": ["udarbejdet_af", "godkendt_af", "godkendt_dato", "næste_revision"],
        "påkrævede_forfatterroller": ["pkl"],
        "sektioner": [
            {"id": "indledning", "titel": "Indledning", "vejledning": "Skriv en indledning."},
            {"id": "vejledning", "titel": "Vejledning", "vejledning": "Om vejledning.", "maks_ord": 50},
            {"id": "karrierevejledning", "titel": "Karrierevejledning", "vejledning": "Om karrieren.",
             "påkrævet": False},
            {"id": "nyttige-links", "titel": "Nyttige links", "vejledning": "Links.", "påkrævet": False, "maks_ord": 5},
        ],
    }


def samtaler(måneder: int, fase: str = "hoveduddannelse") -> list[dict]:
    """A plan of vejledersamtaler that meets the rules (intro first, slut last, enough of them)."""
    from uddprog.regler import samtaleplan

    return [{"type": t, "senest_dag": dag} for t, dag in samtaleplan(måneder, fase)]


def program_data() -> dict:
    return {
        "titel": "Hoveduddannelse i neurologi, forløb 1",
        "skabelon": "hoveduddannelse",
        "målbeskrivelse": {"speciale": "Neurologi", "fase": "hoveduddannelse", "version": "2015"},
        "videreuddannelsesregion": "Nord",
        "forløb": "Holstebro–Aarhus, forløb 1",
        "ansvar": {
            "udarbejdet_af": [{"navn": "Test Testesen", "rolle": "pkl"}],
            "godkendt_af": "UGUP",
            "godkendt_dato": "2025-05-12",
            "næste_revision": "2028-05-01",
        },
        "ansættelser": [
            {"id": "goedstrup", "sted": "Regionshospitalet Gødstrup", "afdeling": "Neurologi", "driftsregion": "Midtjylland",
             "universitetshospital": False, "måneder": 24, "beskrivelse": "En afdeling.", "vejledersamtaler": samtaler(24)},
            {"id": "auh", "sted": "Aarhus Universitetshospital", "afdeling": "Hjerne- og Rygsygdomme",
             "driftsregion": "Midtjylland", "universitetshospital": True, "måneder": 24, "beskrivelse": "En anden.",
             "vejledersamtaler": samtaler(24)},
        ],
        "kompetenceplan": [
            {"kompetence": "1", "ansættelse": "goedstrup", "fra_måned": 1, "til_måned": 12,
             "læringsmetoder": ["klinisk-arbejde"], "vurderingsmetoder": ["struktureret-observation"]},
            {"kompetence": "1", "ansættelse": "auh", "fra_måned": 25, "til_måned": 30,
             "læringsmetoder": ["klinisk-arbejde"], "vurderingsmetoder": ["mini-cex"]},
            {"kompetence": "2", "ansættelse": "goedstrup", "fra_måned": 13, "til_måned": 24,
             "læringsmetoder": ["supervision"], "vurderingsmetoder": ["360-graders-feedback"]},
            {"kompetence": "3", "ansættelse": "auh", "fra_måned": 37, "til_måned": 48,
             "læringsmetoder": ["relevante-opgaver"], "vurderingsmetoder": ["struktureret-vejledersamtale"]},
        ],
        "kurser": [{"kursus": "SOL1", "måned": 6}, {"kursus": "SOL2", "måned": 30}],
        "fokuserede_ophold": [{"sted": "Neurofysiologisk Afdeling", "ansættelse": "auh", "fra_måned": 30,
                               "til_måned": 30, "dage": 14, "formål": "EEG og EMG.", "kompetencer": ["1"]}],
        "forskningstræning": {"fra_måned": 13, "til_måned": 36},
        "sektioner": {"indledning": "Velkommen til **forløbet**.", "vejledning": "Vejleder følger dig."},
    }


@dataclass
class SyntetiskRepo:
    """A repository on disk: målbeskrivelser, templates and one programme, each kept as editable data."""

    rod: Path
    mb: dict
    skabelon: dict
    program: dict
    ekstra: dict  # relative path -> data (or text), for extra documents a test adds

    def skriv(self) -> Path:
        filer = {
            "målbeskrivelser/neurologi/hoveduddannelse-2015.yaml": self.mb,
            f"templates/national/{self.skabelon['id']}/skabelon.yaml": self.skabelon,
            "templates/national/introduktion/skabelon.yaml": skabelon_data("introduktion"),
            "examples/nord/program.yaml": self.program,
            **self.ekstra,
        }
        for navn, data in filer.items():
            fil = self.rod / navn
            fil.parent.mkdir(parents=True, exist_ok=True)
            tekst = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
            fil.write_text(tekst, encoding="utf-8")  # a str is a file's text as it stands (comments and all)
        return self.rod

    def valider(self, dato: date = DATO):
        from uddprog.catalog import Katalog
        from uddprog.checks import valider

        self.skriv()
        katalog = Katalog(self.rod)
        from uddprog.checks import standardstier

        return valider(standardstier(katalog), katalog, dato)

    @classmethod
    def standard(cls, rod: Path, ekstra: dict | None = None) -> SyntetiskRepo:
        """The valid repository: one målbeskrivelse, two templates, one programme, plus ``ekstra`` documents."""
        return cls(rod, mb_data(), skabelon_data(), program_data(), dict(ekstra or {}))


def kopi(data: dict) -> dict:
    return copy.deepcopy(data)


def udfyld(tekst: str) -> str:
    """What an author writes into the skeleton `uddprog ny` made: every placeholder, the facts only they know
    (the first driftsregion the skeleton's comment offers, so any region's skeleton is filled right), every
    section."""
    tekst = re.sub(r"driftsregion: UDFYLD  # (\w+).*", r"driftsregion: \1", tekst)
    tekst = tekst.replace("universitetshospital: UDFYLD", "universitetshospital: true")
    tekst = tekst.replace('"UDFYLD"', '"Tekst skrevet af forfatteren"').replace("UDFYLD", "Aalborg, forløb 7")
    return re.sub(r'^(  [a-z0-9-]+): ""$', r"\1: Afsnittet er skrevet af **uddannelsesudvalget**.", tekst, flags=re.M)


def udfyld_skelet(fil: Path) -> None:
    """``udfyld`` on a skeleton file, in place."""
    fil.write_text(udfyld(fil.read_text(encoding="utf-8")), encoding="utf-8")