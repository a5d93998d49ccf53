"""A new programme's skeleton, written from its målbeskrivelse and national template.

Authors today start from a blank Word file. The skeleton already has every competency
planned with the målbeskrivelse's obligatory assessment methods and recommended learning
strategies, every course inside its window, the research training inside its rules and
every template section with its guidance as a comment. What only the author can know is
left empty or marked ``UDFYLD``; `uddprog validate` then lists exactly that (P013, P016,
P026) until it is written.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterator

from .models import DRIFTSREGIONER, Fase, Maalbeskrivelse, NationalSkabelon, Videreuddannelsesregion, visningsnavn
from .models import PLADSHOLDER as UDFYLD  # P026 finds any that is left


def _q(tekst: str) -> str:
    """Any text as a YAML scalar: a JSON string is a valid double-quoted YAML string."""
    return json.dumps(tekst, ensure_ascii=False)


def _liste(værdier) -> str:
    return "[" + ", ".join(str(v) for v in værdier) + "]"


def _kommentar(tekst: str, indrykning: str) -> Iterator[str]:
    for linje in textwrap.wrap(" ".join(tekst.split()), width=100):
        yield f"{indrykning}{linje}"


def skelet(mb: Maalbeskrivelse, skabelon: NationalSkabelon, region: Videreuddannelsesregion) -> str:
    """The YAML text of a new programme; pure, so the same inputs give the same text."""
    fase = visningsnavn(mb.fase).lower()
    titel = (f"Uddannelsesprogram for {fase}" if mb.fase == Fase.KBU
             else f"Uddannelsesprogram for {fase} i {mb.speciale.lower()}")
    ansættelse = "ansaettelse-1"
    driftsregioner = sorted(DRIFTSREGIONER[region])
    ud = [
        "# yaml-language-server: $schema=../../schemas/uddannelsesprogram.schema.json",
        f"# Skelet dannet af 'uddprog ny' ud fra {mb.speciale}, {fase}, version {mb.version}, og den nationale",
        f"# skabelon '{skabelon.id}'. Udfyld alt, der står {UDFYLD} eller er tomt, og kør 'uddprog validate':",
        "# den viser præcis, hvad der mangler.",
        f"titel: {_q(f'{titel} – {UDFYLD}')}",
        f"skabelon: {skabelon.id}",
        f"målbeskrivelse: {{speciale: {_q(mb.speciale)}, fase: {mb.fase}, version: {_q(mb.version)}}}",
        f"videreuddannelsesregion: {region}",
        f"forløb: {_q(UDFYLD)}",
        "ansvar:",
        "  udarbejdet_af:",
    ]
    roller = skabelon.påkrævede_forfatterroller or ["pkl"]
    ud += [f"    - {{navn: {_q(UDFYLD)}, rolle: {r}}}  # {visningsnavn(r)}" for r in roller]
    ud += [
        f"  godkendt_af: {_q(UDFYLD)}",
        "  godkendt_dato:      # ÅÅÅÅ-MM-DD",
        "  næste_revision:     # ÅÅÅÅ-MM-DD"
        + (f", senest {skabelon.revisionsinterval_måneder} måneder efter godkendelsen"
           if skabelon.revisionsinterval_måneder else ""),
        "ansættelser:  # i forløbets rækkefølge; månederne skal give "
        f"{mb.varighed_måneder} i alt",
        f"  - id: {ansættelse}",
        f"    sted: {_q(UDFYLD)}",
        f"    afdeling: {_q(UDFYLD)}",
        # Only one driftsregion (Syd) is a fact; with two the author must choose.
        f"    driftsregion: {driftsregioner[0] if len(driftsregioner) == 1 else UDFYLD}  # {' eller '.join(driftsregioner)}",
        f"    universitetshospital: {UDFYLD}  # true eller false",
        f"    måneder: {mb.varighed_måneder}",
        f"    beskrivelse: {_q(UDFYLD)}",
        "kompetenceplan:  # måneder tælles fra forløbets start",
    ]
    for k in mb.kompetencer:
        felter = [
            f"kompetence: {_q(k.id)}", f"ansættelse: {ansættelse}",
            "fra_måned: 1", f"til_måned: {mb.varighed_måneder}",
            f"læringsmetoder: {_liste(k.læringsstrategier)}",
            f"vurderingsmetoder: {_liste(k.vurderingsmetoder)}",
        ]
        if k.min_vurderinger:
            felter.append(f"antal_vurderinger: {k.min_vurderinger}")
        ud.append(f"  # {k.id} {' '.join(k.titel.split())}")
        ud.append("  - {" + ", ".join(felter) + "}")
    if mb.kurser:
        ud.append("kurser:")
        for c in mb.kurser:
            måned = c.tidligst_måned or min(c.senest_måned or 1, mb.varighed_måneder)
            vindue = ", ".join(x for x in (f"tidligst måned {c.tidligst_måned}" if c.tidligst_måned else "",
                                           f"senest måned {c.senest_måned}" if c.senest_måned else "") if x)
            ud.append(f"  - {{kursus: {_q(c.id)}, måned: {måned}}}  # {' '.join(c.titel.split())}"
                      + (f" ({vindue})" if vindue else ""))
    if mb.forskningstræning:
        f = mb.forskningstræning
        start = min(13, f.start_senest_måned or 13, mb.varighed_måneder)
        slut = mb.varighed_måneder - (f.slut_senest_måneder_før_slut or 0)
        felter = [f"fra_måned: {start}", f"til_måned: {max(start, slut)}"]
        if f.teori_inden_måneder:
            felter.append(f"teori_til_måned: {min(start + f.teori_inden_måneder - 1, max(start, slut))}")
        ud.append("forskningstræning: {" + ", ".join(felter) + "}")
    ud.append("sektioner:")
    for s in skabelon.sektioner:
        krav = "påkrævet" if s.påkrævet else "valgfri"
        omfang = f", højst {s.maks_ord} ord" if s.maks_ord else ""
        ud.append(f"  # {s.titel} ({krav}{omfang}):")
        ud += list(_kommentar(s.vejledning, "  #   "))
        ud.append(f"  {s.id}: \"\"")
    return "\n".join(ud) + "\n"
