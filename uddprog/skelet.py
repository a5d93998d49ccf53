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

from . import regler
from .models import (
    DRIFTSREGIONER,
    PLADSHOLDER as UDFYLD,  # P026 finds any that is left
    Ansaettelsestype,
    Ansvarsrolle,
    Driftsregion,
    Fase,
    Maalbeskrivelse,
    NationalSkabelon,
    Programdel,
    Videreuddannelsesregion,
    visningsnavn,
)
from .navne import slug


def _q(tekst: str) -> str:
    """Any text as a YAML scalar: a JSON string is a valid double-quoted YAML string."""
    return json.dumps(tekst, ensure_ascii=False)


def _liste(værdier) -> str:
    return "[" + ", ".join(str(v) for v in værdier) + "]"


def _kommentar(tekst: str, indrykning: str) -> Iterator[str]:
    for linje in textwrap.wrap(" ".join(tekst.split()), width=100):
        yield f"{indrykning}{linje}"


def skelet(mb: Maalbeskrivelse, skabelon: NationalSkabelon, region: Videreuddannelsesregion,
           programdele: list[tuple[str, Programdel]] = (), skema: str | None = None) -> str:
    """The YAML text of a new programme; pure, so the same inputs give the same text.

    ``programdele`` are the shared parts it builds on (the path as written in the programme, and the part):
    their sections are already written, so the skeleton only says so. ``skema`` is the link to the programme
    schema from where the file will be (``rod.skemalink``); without it, no link is written."""
    fase = visningsnavn(mb.fase).lower()
    titel = (f"Uddannelsesprogram for {fase}" if mb.fase == Fase.KBU
             else f"Uddannelsesprogram for {fase} i {mb.speciale.lower()}")
    driftsregioner = sorted(DRIFTSREGIONER[region])
    # Only one driftsregion (Syd) is a fact; with two the author must choose, except that an Øst
    # hoveduddannelse starts and ends in Region Sjælland where the specialty is offered (P050).
    driftsregion = driftsregioner[0] if len(driftsregioner) == 1 else UDFYLD
    if (Driftsregion.SJAELLAND in driftsregioner and mb.fase == Fase.HOVEDUDDANNELSE
            and slug(mb.speciale) not in regler.IKKE_I_REGION_SJÆLLAND):
        driftsregion = Driftsregion.SJAELLAND
    mønster = regler.ansættelsesmønster(mb)
    ansættelse, første_slut = "ansaettelse-1", mønster[0].måneder
    ud = [
        *([f"# yaml-language-server: $schema={skema}"] if skema else []),
        f"# Skelet dannet af 'uddprog ny' ud fra {mb.speciale}, {fase}, version {mb.version}, og den nationale",
        f"# skabelon '{skabelon.id}'. Udfyld alt, der står {UDFYLD} eller er tomt, og kør 'uddprog validate':",
        "# den viser præcis, hvad der mangler.",
        f"titel: {_q(f'{titel} – {UDFYLD}')}",
        f"skabelon: {skabelon.id}",
        f"målbeskrivelse: {{speciale: {_q(mb.speciale)}, fase: {mb.fase}, version: {_q(mb.version)}}}",
        f"videreuddannelsesregion: {region}",
        f"forløb: {_q(UDFYLD)}  # et navn, eller en liste af navne når programmet gælder flere forløb",
        "status: udkast  # slet linjen, når programmet er færdigt ('uddprog godkend' gør det ved godkendelsen)",
    ]
    if programdele:
        ud.append("programdele:  # fælles afsnit; programmets egen tekst kommer efter dem")
        ud += [f"  - {_q(sti)}  # {' '.join(d.programdel.split())}" for sti, d in programdele]
    ud += [
        "ansvar:",
        "  udarbejdet_af:",
    ]
    roller = list(skabelon.påkrævede_forfatterroller or ["pkl"])
    if mb.fase != Fase.KBU and any(d.type == Ansaettelsestype.ALMEN_PRAKSIS for d in mønster):
        roller.append(Ansvarsrolle.TUTORLAEGE)  # the praksisbeskrivelse is the tutorlæge's
    ud += [f"    - {{navn: {_q(UDFYLD)}, rolle: {r}}}  # {visningsnavn(r)}"
           + ("; tilføj telefon og email, de står på forsiden" if r == Ansvarsrolle.UAO else "") for r in roller]
    ud += [
        "  # godkendt_af, godkendt_dato og næste_revision skriver 'uddprog godkend', når programmet er godkendt"
        + (f" (næste revision {skabelon.revisionsinterval_måneder} måneder efter)" if skabelon.revisionsinterval_måneder
           else ""),
        "ansættelser:  # i forløbets rækkefølge; månederne skal give "
        f"{mb.varighed_måneder} i alt",
    ]
    nr_for_id = {d.id: nr for nr, d in enumerate(mønster, start=1) if d.id}
    for nr, del_ in enumerate(mønster, start=1):
        praksis = del_.type == Ansaettelsestype.ALMEN_PRAKSIS
        sted_note = (f"  # samme sted som ansaettelse-{nr_for_id[del_.samme_sted_som]}" if del_.samme_sted_som in nr_for_id
                     else f"  # et andet sted end ansaettelse-{nr_for_id[del_.andet_sted_end]}"
                     if del_.andet_sted_end in nr_for_id else "")
        ud += [
            f"  - id: ansaettelse-{nr}" + (f"  # {' '.join(del_.betegnelse.split())}" if del_.betegnelse else ""),
            f"    type: {del_.type}",
        ]
        if del_.speciale and slug(del_.speciale) != slug(mb.speciale):
            ud.append(f"    speciale: {_q(del_.speciale)}  # sideuddannelse")
        ud += [
            f"    sted: {_q(UDFYLD)}{sted_note}",
            f"    afdeling: {_q('Almen praksis' if praksis else UDFYLD)}",
            f"    driftsregion: {driftsregion}  # {' eller '.join(driftsregioner)}",
            f"    universitetshospital: {'false' if praksis else UDFYLD}  # true eller false",
            f"    måneder: {del_.måneder}",
            f"    beskrivelse: {_q(UDFYLD)}" + ("  # praksisbeskrivelsen" if praksis else ""),
        ]
        if mb.fase == Fase.KBU:
            ud.append(f"    uddannelsesplan_senest_dag: {regler.UDDANNELSESPLAN_KBU_DAGE}")
        ud.append(f"    vejledersamtaler:  # dag 1 er første arbejdsdag; mindst {regler.mindste_antal_samtaler(del_.måneder)}, "
                  f"den første inden for {regler.første_samtale_senest(mb.fase)} dage ({regler.KILDE_SAMTALER.tekst.split(',')[0]}, "
                  "sekundær kilde)")
        ud += [f"      - {{type: {t}, senest_dag: {dag}}}" for t, dag in regler.samtaleplan(del_.måneder, mb.fase)]
    ud.append("kompetenceplan:  # måneder tælles fra forløbets start")
    for k in mb.kompetencer:
        felter = [
            f"kompetence: {_q(k.id)}", f"ansættelse: {ansættelse}",
            "fra_måned: 1", f"til_måned: {første_slut}",
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
            måned, _ = regler.kursusvindue(c, mb.varighed_måneder)
            vindue = regler.vinduesregel(c)
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
    start = len(ud)
    fælles = {sid: d for _, d in programdele for sid in d.sektioner}
    for s in skabelon.sektioner:
        krav = "påkrævet" if s.påkrævet else "valgfri"
        omfang = f", højst {s.maks_ord} ord" if s.maks_ord else ""
        ud.append(f"  # {s.titel} ({krav}{omfang}):")
        if s.id in fælles:
            ud += list(_kommentar(f"Skrevet i programdelen '{fælles[s.id].programdel}'. Skriv '{s.id}: |' med "
                                  "programmets egen tekst for at tilføje til den.", "  #   "))
            continue
        ud += list(_kommentar(s.vejledning, "  #   "))
        ud.append(f"  {s.id}: \"\"")
    if not any(linje.startswith("  ") and not linje.lstrip().startswith("#") for linje in ud[start:]):
        ud[start - 1] = "sektioner: {}  # alle afsnit står i programdelene"
    return "\n".join(ud) + "\n"
