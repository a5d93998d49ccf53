"""Programme + målbeskrivelse + national template -> the context both templates read.

A pure function of its inputs: no clock, no files. Everything a reader sees is
prepared here in Danish (labels, dates as "12. maj 2016", display names of
roles and methods, "måned 1–24"), so the Word and HTML templates only place
values. Markdown stays Markdown; each template renders it with its own
``md`` filter (WordprocessingML or safe HTML). Characters XML forbids are
removed here (``Felter``), so both formats get clean text.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from .. import regler
from ..datoer import MÅNEDSNAVNE, antal_måneder, dansk_dato, måneder_tekst, tidspunkt_i_ansættelse
from ..markdown import strip_forbidden
from ..models import (
    Ansaettelsestype,
    Ansvarsrolle,
    Maalbeskrivelse,
    NationalSkabelon,
    Rolle,
    Uddannelsesprogram,
    visningsnavn,
)
from ..navne import Filnavn, filnavn, navngivet_rolle, slug  # noqa: F401  (output names live with the other name rules)

#: Short role names for the coverage matrix's column heads (full names in its legend).
ROLLE_KORT = {
    Rolle.MEDICINSK_EKSPERT: "Medicinsk ekspert",
    Rolle.KOMMUNIKATOR: "Kommunikator",
    Rolle.SAMARBEJDER: "Samarbejder",
    Rolle.LEDER: "Leder",
    Rolle.SUNDHEDSFREMMER: "Sundheds\u00adfremmer",
    Rolle.AKADEMIKER: "Akademiker",
    Rolle.PROFESSIONEL: "Professionel",
}

BLOK_TITLER = {
    "forløb": "Forløbet",
    "uddannelsessteder": "Uddannelsesstederne",
    "kompetenceplan": "Kompetenceplan",
    "rolledækning": "Dækning af de syv lægeroller",
    "kurser": "Kurser",
    "fokuserede-ophold": "Fokuserede ophold",
    "forskningstræning": "Forskningstræning",
    "vejledersamtaler": "Vejledersamtaler",
}


def periode(fra: int, til: int) -> str:
    """'måned 1–24' or 'måned 7', with a no-break space (the shared helper, as documents need it)."""
    return måneder_tekst(fra, til, fast=True)


def antal_vurderinger(n: int | None) -> str:
    """'3 vurderinger', '1 vurdering': a plan entry's planned number of assessments; '' when not set."""
    if not n:
        return ""
    return f"{n} vurdering" if n == 1 else f"{n} vurderinger"


def maaned_aar(d: date | None) -> str:
    """'maj 2015' — how målbeskrivelser state their version date."""
    return f"{MÅNEDSNAVNE[d.month - 1]} {d.year}" if d else ""


def dato(d: date | None) -> str:
    return dansk_dato(d) if d else ""


def _kursusvarighed(kursus) -> str:
    if kursus is None:
        return ""
    if kursus.varighed:
        return kursus.varighed
    return f"{kursus.timer} timer" if kursus.timer else ""


def _navne(values) -> str:
    return ", ".join(visningsnavn(v) for v in values)


#: Characters that fit one line of the Word header (9 pt Calibri on an A4 text width holds about 120).
SIDEHOVED_MAKS = 105


def sidehoved(titel: str, version: str, maks: int = SIDEHOVED_MAKS) -> str:
    """The running header: title and målbeskrivelse version on one line, never wrapped.

    Every page is a page of an uddannelsesprogram, so a leading "Uddannelsesprogram for" is
    dropped. A title still too long is shortened in the middle at word boundaries (' … '),
    keeping its start (what the programme is) and its end (which forløb), like the output file
    names. The full title stands on the title page and in the document properties.
    """
    hale = f" · Målbeskrivelse {version}"
    kort = re.sub(r"^uddannelsesprogram(?: for|:)?\s+", "", titel.strip(), flags=re.IGNORECASE)
    kort = (kort[:1].upper() + kort[1:]) if kort else titel
    return forkort_midt(kort, maks - len(hale)) + hale


def forkort_midt(tekst: str, maks: int) -> str:
    if len(tekst) <= maks:
        return tekst
    ord_ = tekst.split()
    slut: list[str] = []
    while ord_ and len(" ".join(ord_[-1:] + slut)) <= maks * 2 // 5:
        slut.insert(0, ord_.pop())
    start: list[str] = []
    for o in ord_:
        if len(" ".join(start + [o])) + len(" ".join(slut)) + 3 > maks:
            break
        start.append(o)
    if not start:  # one very long word: cut it
        return tekst[: maks - 1] + "…"
    return " ".join(start).rstrip(",;:–- ") + " … " + " ".join(slut)


def uden_gentagelser(dele: list[str]) -> list[str]:
    """Parts in order, each only once (case ignored): KBU's speciale and fase are the same name."""
    set_: set[str] = set()
    ud = []
    for d in dele:
        if d and d.casefold() not in set_:
            set_.add(d.casefold())
            ud.append(d)
    return ud


#: The title page's note on a programme that is an example itself (the shipped ones). It must never read
#: as a verdict on approval: a region's approved programme may be rendered from the shipped catalogue.
STEMPEL = "Illustrativt eksempel: forløb, afdelinger og personer er opdigtet til uddprog."

#: The title page's note on a draft (status: udkast): what it is, never whether an earlier version was approved.
UDKAST_STEMPEL = "Udkast: dette program er under udarbejdelse."

#: The colophon's note when the målbeskrivelse comes from uddprog's illustrative catalogue.
MB_ILLUSTRATIV = ("Målbeskrivelsens data er illustrative: målbeskrivelserne i uddprogs katalog følger "
                  "opbygningen i offentlige kilder, men kompetencer og tekster er skrevet til uddprog. "
                  "Den gældende målbeskrivelse er den, Sundhedsstyrelsen har godkendt.")


#: Under a vejledersamtale without career guidance: it is part of every other (P046), so only this is written.
UDEN_KARRIERE = "Karrierevejledning indgår ikke i denne samtale."


def undertitel(titel: str, dele: list[str]) -> str:
    """The title page's subtitle: the parts (fase, speciale, region, forløb) the title does not already say,
    a part being said when most of its words are in the title ("KBU Esbjerg, forløb 14 (Akutafdelingen – almen
    praksis)" under "… Sydvestjysk Sygehus og almen praksis, forløb 14")."""
    i_titel = set(slug(titel).split("-"))

    def sagt(del_: str) -> bool:
        ord_ = slug(del_).split("-")
        return sum(o in i_titel for o in ord_) * 2 > len(ord_)
    return " · ".join(d for d in uden_gentagelser(dele) if not sagt(d))


def forfatterlinje(f) -> str:
    """'Navn, titel', with the role only where the title does not already name it as the Word import reads it
    (the first role word of the title, unless its last part is a role name, which the import takes as the role)."""
    dele = [d.strip() for d in (f.titel or "").split(",") if d.strip()]
    navngivet = next((r for d in dele if (r := navngivet_rolle(d))), None)
    sidste_er_rolle = bool(dele) and any(slug(dele[-1]) in (slug(visningsnavn(r)), str(r)) for r in Ansvarsrolle)
    rolle = [] if navngivet == str(f.rolle) and not sidste_er_rolle else [visningsnavn(f.rolle)]
    # the UAO's phone and e-mail, as real programmes print them on the cover; the number never breaks
    kontakt = (["tlf.\u00a0" + "\u00a0".join(f.telefon.split())] if f.telefon else []) + ([f.email] if f.email else [])
    return " · ".join([", ".join([f.navn, *([f.titel] if f.titel else []), *rolle]), *kontakt])


def build_context(
    program: Uddannelsesprogram, mb: Maalbeskrivelse, skabelon: NationalSkabelon
) -> dict[str, Any]:
    """The template context for one programme. Pure: same input, same output."""
    perioder = program.perioder()
    ans_by_id = {a.id: a for a in program.ansættelser}
    fase = visningsnavn(program.målbeskrivelse.fase)
    mb_navn = f"{mb.speciale}, {fase.lower()}, version {mb.version}"

    ansaettelser = []
    for nr, a in enumerate(program.ansættelser, start=1):
        fra, til = perioder[a.id]
        ansaettelser.append(Felter({
            "nr": nr,
            "id": a.id,
            "sted": a.sted,
            "afdeling": a.afdeling,
            "navn": f"{a.afdeling}, {a.sted}",
            "driftsregion": visningsnavn(a.driftsregion),
            "universitetshospital": "Ja" if a.universitetshospital else "Nej",
            "maaneder": a.måneder,
            "varighed": antal_måneder(a.måneder),
            "periode": periode(fra, til),
            "overskrift": f"Ansættelse {nr}: {a.afdeling}, {a.sted}",
            "fakta": " · ".join(
                [periode(fra, til).capitalize(), antal_måneder(a.måneder), visningsnavn(a.driftsregion)]
                + ([visningsnavn(a.type)] if a.type != Ansaettelsestype.SYGEHUSAFDELING else [])
                + ([f"Sideuddannelse i {a.speciale.lower()}"] if _sideuddannelse(a, mb) else [])
                + (["Universitetshospital"] if a.universitetshospital else [])
            ),
            "anker": f"ansaettelse-{nr}",
            "beskrivelse": a.beskrivelse,
            "type": visningsnavn(a.type),
            # the specialty of a side ansættelse (sideuddannelse), else "" (the forløb's own)
            "speciale": a.speciale if _sideuddannelse(a, mb) else "",
            "samtaler": _samtaler(a),
            "uddannelsesplan": (
                f"Den individuelle uddannelsesplan lægges "
                f"{tidspunkt_i_ansættelse(a.uddannelsesplan_senest_dag, a.måneder)}."
                if a.uddannelsesplan_senest_dag else ""),
        }))
    ans_ctx = {a["id"]: a for a in ansaettelser}

    # Competency plan grouped by ansættelse (in forløb order), rows in the målbeskrivelse's order (a reader
    # looks a competency up by its number), a competency planned twice in one ansættelse by start month.
    mb_orden = {k.id: i for i, k in enumerate(mb.kompetencer)}
    mb_komp = {k.id: k for k in mb.kompetencer}
    grupper: dict[str, list] = {a.id: [] for a in program.ansættelser}
    roller_pr_ans: dict[str, dict[Rolle, int]] = {a.id: {r: 0 for r in Rolle} for a in program.ansættelser}
    for p in sorted(program.kompetenceplan, key=lambda p: (mb_orden.get(p.kompetence, 10**6), p.kompetence, p.fra_måned)):
        k = mb_komp.get(p.kompetence)
        a = ans_by_id.get(p.ansættelse)
        if a is None:
            continue  # validation reports it; the document just leaves it out
        metoder = p.vurderingsmetoder or (k.vurderingsmetoder if k else [])
        vurdering = _navne(metoder)
        if k and k.min_vurderinger:
            # The målbeskrivelse's minimum holds for the whole forløb (P024 adds up the entries); the
            # entry's own number is a line of its own, so the two are not read as one.
            vurdering += f" (mindst {k.min_vurderinger} i forløbet)"
        if k:
            for r in k.roller:
                roller_pr_ans[a.id][r] += 1
        grupper[a.id].append(Felter({
            "nummer": p.kompetence,
            "titel": k.titel if k else "(ukendt kompetence)",
            "roller": _navne(k.roller) if k else "",
            "hvor": a.sted,  # the group heading already names the department
            "hvornaar": periode(p.fra_måned, p.til_måned),
            "laeringsmetoder": _navne(p.læringsmetoder),
            "vurderingsmetoder": vurdering,
            "antal": antal_vurderinger(p.antal_vurderinger),
            "kort": _kort(k) if k else "",
            "bemaerkning": p.bemærkning or "",
        }))
    kompetenceplan = [
        Felter({"ansaettelse": ans_ctx[aid], "overskrift": f"{ans_ctx[aid]['overskrift']} ({ans_ctx[aid]['periode']})",
         "rader": rader, "antal": len(rader)})
        for aid, rader in grupper.items()
    ]
    planlagt = {p.kompetence for p in program.kompetenceplan}
    ikke_planlagt = [f"{k.id} {k.titel}" for k in mb.kompetencer if k.id not in planlagt]

    total = {r: sum(roller_pr_ans[a][r] for a in roller_pr_ans) for r in Rolle}
    rolledaekning = Felter({
        "roller": [ROLLE_KORT[r] for r in Rolle],
        "forklaring": "; ".join(
            f"{ROLLE_KORT[r].replace(chr(0xAD), '')} = {visningsnavn(r)}" for r in Rolle
            if ROLLE_KORT[r].replace(chr(0xAD), "") != visningsnavn(r)
        ),
        "rader": [
            Felter({"ansaettelse": f"{ans_ctx[aid]['nr']}. {ans_ctx[aid]['navn']}",
             "celler": [str(n) if n else "–" for n in tal.values()]})
            for aid, tal in roller_pr_ans.items()
        ],
        "total": [str(total[r]) if total[r] else "–" for r in Rolle],
        "udaekkede": [visningsnavn(r) for r in Rolle if not total[r]],
    })

    mb_kurser = {k.id: k for k in mb.kurser}
    kurser = []
    for pk in sorted(program.kurser, key=lambda k: (k.måned, k.kursus)):
        k = mb_kurser.get(pk.kursus)
        i_ans = next((ans_ctx[aid]["navn"] for aid, (fra, til) in perioder.items() if fra <= pk.måned <= til), "")
        krav = regler.kursuskrav(k, program.varighed_måneder) if k else ""
        kurser.append(Felter({
            "titel": k.titel if k else pk.kursus,
            "type": visningsnavn(k.type) if k else "",
            "varighed": _kursusvarighed(k),
            "tidspunkt": periode(pk.måned, pk.måned),
            "ansaettelse": i_ans,
            "krav": (krav[0].upper() + krav[1:]) if krav else "",
            "bemaerkning": pk.bemærkning or "",
        }))

    ophold = [
        Felter({
            "sted": o.sted,
            "ansaettelse": ans_ctx[o.ansættelse]["navn"] if o.ansættelse in ans_ctx else o.ansættelse,
            "tidspunkt": periode(o.fra_måned, o.til_måned),
            "varighed": ", ".join(x for x in (f"{o.dage} dage" if o.dage else "", o.varighed or "") if x),
            "formaal": o.formål,
            "kompetencer": ", ".join(f"{kid} {mb_komp[kid].titel}" if kid in mb_komp else kid for kid in o.kompetencer),
        })
        for o in sorted(program.fokuserede_ophold, key=lambda o: (o.fra_måned, o.sted))
    ]

    forskning = _forskning(program, mb, perioder, ans_ctx)

    ansvar = program.ansvar
    ansvarsrader: list[tuple[str, list[str]]] = []
    if ansvar.udarbejdet_af:
        ansvarsrader.append(("Udarbejdet af", [forfatterlinje(f) for f in ansvar.udarbejdet_af]))
    ansvarsrader += [
        (label, [value]) for label, value in (
            ("Godkendt af", ansvar.godkendt_af or ""),
            ("Godkendt den", dato(ansvar.godkendt_dato)),
            ("Næste revision senest", dato(ansvar.næste_revision)),
            ("Kontakt", ansvar.kontakt or ""),
        ) if value
    ]
    region = visningsnavn(program.videreuddannelsesregion)
    forsideinfo = [(label, [value]) for label, value in (
        ("Speciale", mb.speciale),
        ("Uddannelsesfase", fase),
        ("Videreuddannelsesregion", region),
    )] + [("Forløb", list(program.forløbsnavne))] + [(label, [value]) for label, value in (  # one forløb a line
        ("Varighed", antal_måneder(program.varighed_måneder)),
        ("Målbeskrivelse", f"{mb.speciale}, {fase.lower()}, version {mb.version}"
                           + (f" ({maaned_aar(mb.versionsdato)})" if mb.versionsdato else "")),
        ("Målbeskrivelsen gælder for", f"{visningsnavn(mb.gælder_for).capitalize()} fra {dato(mb.gyldig_fra)}"
                                       + (f"; udfases {dato(mb.udfaset)}" if mb.udfaset else "")),
        ("National skabelon", f"{skabelon.navn}, version {skabelon.version}"),
    )] + ansvarsrader

    # The template's sections in its order, numbered 1, 2, …; annexes (bilag) after them as "Bilag 1: …", each
    # on a page of its own.
    sektioner = []
    for s in [*(s for s in skabelon.sektioner if not s.bilag), *(s for s in skabelon.sektioner if s.bilag)]:
        tekst = program.sektioner.get(s.id, "")
        if not tekst.strip() and not s.blokke:
            continue
        nummer = sum(1 for x in sektioner if x["bilag"] == s.bilag) + 1
        sektioner.append(Felter({
            "id": s.id,
            "nummer": nummer,
            "titel": s.titel,
            "overskrift": f"Bilag {nummer}: {s.titel}" if s.bilag else f"{nummer}. {s.titel}",
            "bilag": s.bilag,
            "anker": f"sektion-{slug(s.id)}",
            "tekst": tekst,
            "blokke": list(s.blokke),
            "under": _underpunkter(s.blokke, ansaettelser),
        }))

    return Felter({
        "program": Felter({
            "titel": program.titel,
            "speciale": mb.speciale,
            "fase": fase,
            "region": region,
            "forloeb": program.forløbsbetegnelse,
            "varighed": antal_måneder(program.varighed_måneder),
            # Only a programme that is itself an example says so on its title page; an approved programme
            # on the shipped (illustrative) målbeskrivelser says that once, in the colophon ('mb.illustrativ').
            "illustrativ": program.illustrativ,
            "stempler": [UDKAST_STEMPEL] * program.udkast + [STEMPEL] * program.illustrativ,
            "undertitel": undertitel(program.titel, [fase, mb.speciale, region, program.forløbsbetegnelse]),
            "emne": f"Uddannelsesprogram for {fase.lower() if program.målbeskrivelse.fase == 'kbu' else mb.speciale + ', ' + fase.lower()}, {region}",
        }),
        "mb": Felter({
            "navn": mb_navn,
            "version": mb.version,
            "versionsdato": maaned_aar(mb.versionsdato),
            "gyldig_fra": dato(mb.gyldig_fra),
            "udarbejdet_af": mb.udarbejdet_af,
            "godkendt_af": mb.godkendt_af,
            "kilde": mb.kilde,
            "antal_kompetencer": len(mb.kompetencer),
            "illustrativ": mb.illustrativ,
            "illustrativ_note": MB_ILLUSTRATIV if mb.illustrativ else "",
        }),
        "skabelon": Felter({"navn": skabelon.navn, "version": skabelon.version, "udgivet_af": skabelon.udgivet_af,
                            "regelkilde": skabelon.regelkilde or ""}),
        # One row per fact; a fact of several lines (the authors) has them in 'linjer', one per line.
        "forside": [Felter({"label": label, "vaerdi": "; ".join(linjer), "linjer": linjer})
                    for label, linjer in forsideinfo],
        "sidehoved": sidehoved(program.titel, mb.version),
        "sidefod": " · ".join(uden_gentagelser([mb.speciale, fase, region])),
        "ansaettelser": ansaettelser,
        "forloeb_i_alt": Felter({"maaneder": program.varighed_måneder,
                          "periode": periode(1, program.varighed_måneder)}),
        "kompetenceplan": kompetenceplan,
        "kompetenceskema": kompetenceskema(program, mb),
        "ikke_planlagt": ikke_planlagt,
        "rolledaekning": rolledaekning,
        "kurser": kurser,
        "fokuserede_ophold": ophold,
        "vejledersamtaler": [Felter({"ansaettelse": a, "overskrift": f"Vejledersamtaler i ansættelse {a['nr']}: "
                                                                      f"{a['navn']} ({a['periode']})"})
                             for a in ansaettelser],
        "forskning": forskning,
        "sektioner": sektioner,
        "blok_titler": BLOK_TITLER,
    })


class Felter(dict):
    """A dict whose keys are also attributes.

    Templates write ``a.sted``; for a plain dict Jinja first tries the
    attribute, fails, then indexes. Making the dict its own ``__dict__``
    lets the first try succeed, which matters for thousands of look-ups.
    """

    def __init__(self, values: dict) -> None:
        # Every text that reaches a template passes through here once, so this is where
        # characters XML 1.0 forbids are dropped (text pasted from Word or e-mail has some).
        super().__init__({k: _ren(v) for k, v in values.items()})
        self.__dict__ = self


def _ren(value):
    if value.__class__ is str:
        # isprintable() is a fast C check that passes almost all text; the rest
        # (line breaks, no-break spaces, controls) takes the exact, slower path.
        return value if value.isprintable() else strip_forbidden(value)
    if value.__class__ is list:
        return [_ren(v) for v in value]
    return value


def _sideuddannelse(a, mb) -> bool:
    """An ansættelse in another specialty than the forløb's (``speciale`` set and not the målbeskrivelse's own)."""
    return bool(a.speciale) and slug(a.speciale) != slug(mb.speciale)


def _samtaler(a) -> list[dict]:
    """One row per planned vejledersamtale: its name, when in the ansættelse (as the rule is stated, never
    "dag 526"), and what it is about; career guidance is part of every samtale unless it says otherwise."""
    return [Felter({
        "samtale": visningsnavn(s.type),
        "senest": tidspunkt_i_ansættelse(s.senest_dag, a.måneder).capitalize(),
        "karriere": "Ja" if s.karrierevejledning else "Nej",
        "karrierevejledning": s.karrierevejledning,
        "karrierenote": "" if s.karrierevejledning else UDEN_KARRIERE,
        "bemaerkning": s.bemærkning or "",
    }) for s in a.vejledersamtaler]


def kompetenceskema(program: Uddannelsesprogram, mb: Maalbeskrivelse) -> list[dict]:
    """The målbeskrivelse's checklist in its own columns, every competency in its order, with the periods of the
    forløb the plan gives it (the annex real programmes carry; the plan table per ansættelse stays compact)."""
    perioder: dict[str, list[tuple[int, int]]] = {}
    for p in program.kompetenceplan:
        perioder.setdefault(p.kompetence, []).append((p.fra_måned, p.til_måned))
    return [Felter({
        "nummer": k.id,
        "titel": k.titel,
        "konkretisering": k.konkretisering,
        "vurderingsmetoder": _navne(k.vurderingsmetoder)
                             + (f" (mindst {k.min_vurderinger} i forløbet)" if k.min_vurderinger else ""),
        "kort": _kort(k),
        "laeringsstrategier": _navne(k.læringsstrategier),
        "perioder": [periode(fra, til) for fra, til in sorted(set(perioder.get(k.id, [])))] or ["Ikke planlagt"],
    }) for k in mb.kompetencer]


def _kort(k) -> str:
    """The competency's assessment cards as Markdown ('Kompetencekort: [KV-kort 3 …](…)'), linked when known."""
    if not k.kompetencekort:
        return ""
    navne = [f"[{_md_tekst(c.id + ' – ' + c.titel)}]({c.link})" if c.link else _md_tekst(f"{c.id} – {c.titel}")
             for c in k.kompetencekort]
    return "Kompetencekort: " + "; ".join(navne)


def _md_tekst(tekst: str) -> str:
    """Plain text inside generated Markdown: its punctuation must not become markup."""
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", tekst)


def _underpunkter(blokke, ansaettelser) -> list[dict]:
    """Sub-entries a section's blocks add to the HTML table of contents (anchors match the template)."""
    ud = []
    for b in blokke:
        if b == "uddannelsessteder":
            ud += [Felter({"anker": a["anker"], "tekst": a["overskrift"]}) for a in ansaettelser]
        elif b == "kompetenceplan":
            ud += [Felter({"anker": "plan-" + a["anker"], "tekst": f"{a['overskrift']} ({a['periode']})"})
                   for a in ansaettelser]
        elif b == "rolledækning":
            ud.append(Felter({"anker": "rolledaekning", "tekst": BLOK_TITLER["rolledækning"]}))
    return ud


def _forskning(program, mb, perioder, ans_ctx) -> dict | None:
    krav_mb = mb.forskningstræning
    plan = program.forskningstræning
    if krav_mb is None and plan is None:
        return None
    rader = []
    if krav_mb:
        omfang = f"{krav_mb.dage} dage"
        dele = []
        if krav_mb.teori_dage:
            dele.append(f"{krav_mb.teori_dage} dages teori")
        if krav_mb.projekt_dage:
            dele.append(f"{krav_mb.projekt_dage} dages projekt")
        if dele:
            omfang += ": " + " og ".join(dele)
        rader.append(("Omfang", omfang))
        placering = regler.forskningsplacering(krav_mb)
        if placering:
            rader.append(("Krav til placering", "; ".join(placering).capitalize()))
    if plan:
        i_ans = [ans_ctx[aid]["navn"] for aid, (fra, til) in perioder.items()
                 if fra <= plan.til_måned and til >= plan.fra_måned]
        rader.append(("Planlagt", periode(plan.fra_måned, plan.til_måned)
                      + (f" ({'; '.join(i_ans)})" if i_ans else "")))
        if plan.teori_til_måned:
            rader.append(("Teoridel", periode(plan.fra_måned, plan.teori_til_måned)))
    return Felter({
        "rader": [Felter({"label": label, "vaerdi": value}) for label, value in rader],
        "krav": (krav_mb.beskrivelse or "") if krav_mb else "",
        "beskrivelse": (plan.beskrivelse or "") if plan else "",
    })
