"""Hypothesis strategies for VALID målbeskrivelser, national templates and programmes.

One draw gives a whole repository (``Genereret``): one målbeskrivelse, its phase's
national template and a programme that plans every competency with every obligatory
assessment method, inside its ansættelse, with every required section and
responsibility field filled. Validation of such a repository must find no errors
(warnings are allowed: e.g. an unusual phase length is a warning by design).

Text is any Unicode the YAML dumper can write (no surrogates), mixed with a pool of
hostile-but-legal strings: Danish letters, emoji, HTML/XML metacharacters, Jinja and
Word field syntax, Markdown, very long strings. Every text field also carries a
unique *marker* (``ꙮ<n>ꙮ``) so render tests can find each field's text in the output
exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from hypothesis import strategies as st

from uddprog.checks.program import PLADSHOLDER

ROLLER = ["medicinsk-ekspert", "kommunikator", "samarbejder", "leder-administrator-organisator",
          "sundhedsfremmer", "akademiker", "professionel"]
METODER = ["struktureret-vejledersamtale", "struktureret-observation", "mini-cex", "case-baseret-diskussion",
           "360-graders-feedback", "osats", "notss", "ants", "audit-af-journaler", "refleksiv-rapport",
           "kompetencekort", "kollegial-kompetencevurdering", "cusum", "helhedsvurdering"]
STRATEGIER = ["klinisk-arbejde", "selvstudium", "kursus", "fokuseret-ophold", "undervisning", "undervise-andre",
              "relevante-opgaver", "portefoelje", "konference", "simulation", "e-laering", "supervision"]
REGIONER = {"Nord": ["Nordjylland", "Midtjylland"], "Syd": ["Syddanmark"], "Øst": ["Sjælland", "Hovedstaden"]}
ANSVARSROLLER = ["puf", "pkl", "uao", "uko", "vejleder", "uddannelsesudvalg", "sekretariat", "drrlv"]
FASER = {"kbu": 12, "introduktion": 12, "hoveduddannelse": 48}
ANSÆTTELSESTYPER = ["sygehusafdeling", "almen-praksis", "speciallaegepraksis", "psykiatrisk-afdeling", "kommunal"]

#: Legal text that tends to break renderers, escapers and YAML round trips.
GIFTIGE = [
    "Æbleø på Ærø – åbent", "ÆØÅ æøå é ü ß", "👩‍⚕️🩺🏥 🇩🇰", "a & b < c > d \" e ' f", "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>", "]]><![CDATA[", "</w:t></w:r><w:r><w:t>inject", "{{ 7*7 }}", "{% raw %}",
    "{# kommentar #}", "{ MERGEFIELD navn }", "\\u0000", "%s %d %(x)s", "null", "~", "yes", "no", "0x10", "1e3",
    "2015-09-01", "- liste", "# ikke en kommentar", "key: value", "*alias", "&anker", "!tag", "| blok", "> foldet",
    "@ `backtick`", "[link](javascript:alert(1))", "**fed** _kursiv_", "\u200b\u200d\ufeff", "\u202eomvendt",
    "tab\tinde", "linje 1\nlinje 2", "  mellemrum  ", "x" * 3000, "ord " * 400,
]

_TEGN = st.characters(blacklist_categories=("Cs",))
_MARKØR_NR = iter(range(10**9))


def markør() -> str:
    """A token no generated text contains by chance: render tests look for it."""
    return f"ꙮ{next(_MARKØR_NR)}ꙮ"


def tekst(min_size: int = 1) -> st.SearchStrategy[str]:
    """Any text with something visible in it (required texts are stripped and must not be empty)."""
    rå = st.one_of(st.text(_TEGN, max_size=60), st.sampled_from(GIFTIGE),
                   st.lists(st.sampled_from(GIFTIGE), max_size=4).map(" ".join))
    if min_size:
        rå = rå.map(lambda s: s + " x" if not any(c.isalnum() for c in s) else s)
    # Hypothesis also draws string constants from the code under test; `uddprog ny`'s placeholder is an error
    # (P026) by design, so a valid repository cannot contain it.
    return rå.map(lambda s: s.replace(PLADSHOLDER, PLADSHOLDER.lower()))


_ID_FØRST = "0123456789ABCXYZabcxyzÆØÅæøå"
ID = st.builds(lambda a, b: a + b, st.sampled_from(_ID_FØRST), st.text(_ID_FØRST + "._-", max_size=12))
"""Ids as the models allow them: letters (incl. æøå), digits, '.', '_' and '-'."""


@st.composite
def _dato(draw, fra: int = 1, til: int = 9999) -> str:
    år = draw(st.integers(fra, til))
    return f"{år:04d}-{draw(st.integers(1, 12)):02d}-{draw(st.integers(1, 28)):02d}"



def dump(data) -> str:
    """YAML as an author's editor would save it (libyaml's emitter: fast and exact)."""
    return yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=80)


@dataclass
class Genereret:
    mb: dict
    skabelon: dict
    program: dict
    markører: dict[str, str] = field(default_factory=dict)  # marker -> data path, for render tests

    def skriv(self, rod: Path) -> Path:
        filer = {
            f"målbeskrivelser/fuzz/{self.mb['fase']}-{self.mb['version']}.yaml": self.mb,
            f"templates/national/{self.skabelon['id']}/skabelon.yaml": self.skabelon,
            "examples/fuzz/program.yaml": self.program,
        }
        for navn, data in filer.items():
            fil = rod / navn
            fil.parent.mkdir(parents=True, exist_ok=True)
            fil.write_text(dump(data), encoding="utf-8")
        return rod


@st.composite
def repositorier(draw, maks_ansættelser: int = 12, maks_kompetencer: int = 8) -> Genereret:
    markører: dict[str, str] = {}

    def m(sti: str) -> str:
        s, mk = draw(tekst()), markør()
        markører[mk] = sti
        return f"{s} {mk} {s}" if draw(st.booleans()) else f"{mk} {s}"

    fase = draw(st.sampled_from(sorted(FASER)))
    varighed = FASER[fase] if fase != "hoveduddannelse" else draw(st.integers(48, 60))
    version = draw(ID)
    komp_ids = draw(st.lists(ID, min_size=1, max_size=maks_kompetencer, unique_by=str.casefold))
    kompetencer = []
    for i, kid in enumerate(komp_ids):
        kompetencer.append({
            "id": kid,
            "titel": m(f"kompetencer[{i}].titel"),
            "konkretisering": m(f"kompetencer[{i}].konkretisering"),
            "roller": draw(st.lists(st.sampled_from(ROLLER), min_size=1, max_size=3, unique=True)),
            "læringsstrategier": draw(st.lists(st.sampled_from(STRATEGIER), min_size=1, max_size=3, unique=True)),
            "vurderingsmetoder": draw(st.lists(st.sampled_from(METODER), min_size=1, max_size=3, unique=True)),
        })
    kurser = []
    for i, kid in enumerate(draw(st.lists(ID, max_size=3, unique_by=str.casefold))):
        tidligst = draw(st.integers(1, varighed))
        kurser.append({"id": kid, "titel": m(f"kurser[{i}].titel"), "type": draw(st.sampled_from(["generel", "specialespecifik"])),
                       "tidligst_måned": tidligst, "senest_måned": draw(st.integers(tidligst, varighed))})
    mb = {
        "speciale": draw(tekst()),
        "fase": fase,
        "version": version,
        "gyldig_fra": draw(_dato()),
        "udarbejdet_af": draw(tekst()),
        "godkendt_af": draw(tekst()),
        "kilde": draw(tekst()),
        "illustrativ": True,
        "varighed_måneder": varighed,
        "kompetencer": kompetencer,
        "kurser": kurser,
    }
    if draw(st.booleans()):
        mb["beskrivelse"] = m("beskrivelse")
    forskning = fase == "hoveduddannelse" and draw(st.booleans())
    if forskning:
        mb["forskningstræning"] = {"dage": 20, "teori_dage": 10, "projekt_dage": 10, "start_senest_måned": 24,
                                   "slut_senest_måneder_før_slut": 6}

    sektion_ids = draw(st.lists(ID, min_size=1, max_size=6, unique_by=str.casefold))
    blokke = ["forløb", "uddannelsessteder", "kompetenceplan", "rolledækning", "kurser", "forskningstræning"]
    sektioner = []
    for i, sid in enumerate(sektion_ids):
        s = {"id": sid, "titel": draw(tekst()), "påkrævet": draw(st.booleans()), "vejledning": draw(tekst())}
        if draw(st.booleans()):
            s["blokke"] = draw(st.lists(st.sampled_from(blokke), max_size=3, unique=True))
        sektioner.append(s)
    if not any(b for s in sektioner for b in s.get("blokke", [])):
        sektioner[0]["blokke"] = blokke  # every generated table appears somewhere
    skabelon = {
        "id": fase, "navn": draw(tekst()), "fase": fase, "version": draw(ID), "gyldig_fra": draw(_dato()),
        "udgivet_af": draw(tekst()), "revision_måneder": draw(st.integers(0, 60)),
        "revisionsinterval_måneder": draw(st.one_of(st.none(), st.integers(1, 120))),
        "ansvarsfelter": ["udarbejdet_af", "godkendt_af", "godkendt_dato", "næste_revision", "kontakt"],
        "påkrævede_forfatterroller": draw(st.lists(st.sampled_from(ANSVARSROLLER), max_size=3, unique=True)),
        "sektioner": sektioner,
    }
    if skabelon["revisionsinterval_måneder"] is None:
        del skabelon["revisionsinterval_måneder"]

    # Ansættelser: months split into n parts that sum to the phase.
    # A KBU ends in six months of almen praksis (P040), so its cuts fall in the first six months.
    kbu = fase == "kbu"
    n = draw(st.integers(2 if kbu else 1, min(maks_ansættelser, 7 if kbu else varighed)))
    sidste_snit = 6 if kbu else varighed - 1
    snit = sorted(draw(st.lists(st.integers(1, sidste_snit), min_size=n - 1, max_size=n - 1, unique=True))) if n > 1 else []
    grænser = [0, *snit, varighed]
    region = draw(st.sampled_from(sorted(REGIONER)))
    ans_ids = draw(st.lists(ID, min_size=n, max_size=n, unique_by=str.casefold))
    ansættelser, perioder = [], []
    for i, aid in enumerate(ans_ids):
        måneder = grænser[i + 1] - grænser[i]
        perioder.append((grænser[i] + 1, grænser[i + 1]))
        ansættelser.append({"id": aid, "sted": m(f"ansættelser[{i}].sted"), "afdeling": m(f"ansættelser[{i}].afdeling"),
                            "driftsregion": draw(st.sampled_from(REGIONER[region])),
                            "universitetshospital": draw(st.booleans()), "måneder": måneder,
                            "beskrivelse": m(f"ansættelser[{i}].beskrivelse")})
        if kbu and i == n - 1:
            ansættelser[-1]["type"] = "almen-praksis"
        elif draw(st.booleans()):
            ansættelser[-1]["type"] = draw(st.sampled_from(ANSÆTTELSESTYPER))
    plan = []
    for komp in kompetencer:
        j = draw(st.integers(0, n - 1))
        fra, til = perioder[j]
        a = draw(st.integers(fra, til))
        b = draw(st.integers(a, til))
        p = {"kompetence": komp["id"], "ansættelse": ans_ids[j], "fra_måned": a, "til_måned": b,
             "læringsmetoder": draw(st.lists(st.sampled_from(STRATEGIER), min_size=1, max_size=2, unique=True)),
             "vurderingsmetoder": komp["vurderingsmetoder"]}
        if draw(st.booleans()):
            p["bemærkning"] = m(f"kompetenceplan[{len(plan)}].bemærkning")
        plan.append(p)
    roller = draw(st.lists(st.sampled_from(ANSVARSROLLER), max_size=2))
    forfattere = [{"navn": draw(tekst()), "rolle": r} for r in [*skabelon["påkrævede_forfatterroller"], *roller]]
    if not forfattere:
        forfattere = [{"navn": draw(tekst()), "rolle": "pkl"}]
    program = {
        "titel": m("titel"),
        "skabelon": fase,
        "målbeskrivelse": {"speciale": mb["speciale"], "fase": fase, "version": version},
        "videreuddannelsesregion": region,
        "forløb": m("forløb"),
        "illustrativ": True,
        "ansvar": {"udarbejdet_af": forfattere, "godkendt_af": draw(tekst()), "godkendt_dato": draw(_dato()),
                   "næste_revision": draw(_dato()), "kontakt": draw(tekst())},
        "ansættelser": ansættelser,
        "kompetenceplan": plan,
        "kurser": [{"kursus": k["id"], "måned": draw(st.integers(k["tidligst_måned"], k["senest_måned"]))} for k in kurser],
        "sektioner": {s["id"]: m(f"sektioner.{s['id']}") for s in sektioner
                      if s["påkrævet"] or draw(st.booleans())},
    }
    if forskning:
        program["forskningstræning"] = {"fra_måned": 1, "til_måned": 12}
    return Genereret(mb, skabelon, program, markører)
