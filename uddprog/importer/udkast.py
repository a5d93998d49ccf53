"""The draft as YAML text, written the way `uddprog ny` writes a skeleton.

What the document did not say is ``UDFYLD`` (P026) or left empty (P013, P016), and every
guess carries a ``# gæt:`` comment, so `uddprog validate` and a reader both see what to
finish. Text that fitted no section is kept under ``sektioner: ikke-placeret``, which
validation reports (P015) until the author has moved it. Pure: same input, same text.
"""

from __future__ import annotations

import re
import textwrap

from ..datoer import antal_måneder
from ..models import DRIFTSREGIONER, Maalbeskrivelse, NationalSkabelon, Videreuddannelsesregion
from ..models.vocab import Ansaettelsestype, visningsnavn
from ..navne import slug
from ..skelet import UDFYLD
from ..yamlredigering import blok, kommentar, skalar
from .data import Udkast
from .titler import Titelmatcher

IKKE_PLACERET = "ikke-placeret"

# Every value and every comment of the draft goes through yamlredigering's writer (skalar, blok,
# kommentar): a document's text can hold characters YAML may not have raw, or a line separator that
# would end a comment and make the rest of the cell YAML.


def _q(tekst) -> str:
    """A value as a double-quoted scalar."""
    return skalar(str(tekst), '"')


def _blok(tekst: str, indryk: str) -> str:
    """A literal block scalar when the text allows one (readable), else a quoted string."""
    return blok(tekst, indryk)


def _speciale(tekst: str, mb) -> str:
    """A specialty as the documents print it in lower case ('klinisk neurofysiologi'), written with a capital as
    målbeskrivelser and programmes spell specialties."""
    return tekst[:1].upper() + tekst[1:]


def _kommentar(tekst: str, indryk: str = "# ") -> list[str]:
    """Comment lines for a text, wrapped at 100 columns."""
    linjer = textwrap.wrap(kommentar(tekst), width=100 - len(indryk)) or [""]
    return [f"{indryk}{l}".rstrip() for l in linjer]


def _efter(tekst: str) -> str:
    """A comment after a value on its line."""
    return "  # " + kommentar(tekst)


def _kilder(u: Udkast, nøgle: str, indryk: str = "  # ") -> list[str]:
    ud = []
    for linje in u.tabelkilder.get(nøgle, []):
        ud += _kommentar(linje, indryk)
    return ud


def _liste(v) -> str:
    return "[" + ", ".join(str(x) for x in v) + "]"


def _ids(u: Udkast) -> None:
    brugt: set[str] = set()
    for nr, a in enumerate(u.ansættelser, start=1):
        grund = slug(a["sted"])[:40].rstrip("-") if a["sted"] != UDFYLD else ""
        kandidat = grund or f"ansaettelse-{nr}"
        if kandidat in brugt or not re.match(r"^[0-9a-z]", kandidat):
            kandidat = f"{grund}-{nr}" if grund else f"ansaettelse-{nr}"
        brugt.add(kandidat)
        a["id"] = kandidat


def skriv(u: Udkast, kilde: str, mb: Maalbeskrivelse, skabelon: NationalSkabelon,
          region: Videreuddannelsesregion, skema: str | None = None) -> str:
    """``skema``: the link to the programme schema from where the draft will be (none written without it)."""
    _ids(u)
    drift = sorted(DRIFTSREGIONER[region])
    ud = [
        *([f"# yaml-language-server: $schema={skema}"] if skema else []),
        *_kommentar(f"Udkast dannet af 'uddprog import' fra {kilde} ud fra {mb.speciale}, {mb.fase}, version "
                    f"{mb.version}, og den nationale skabelon '{skabelon.id}'. Ret alt, der står {UDFYLD}, er tomt "
                    "eller har en kommentar med 'gæt:', og kør 'uddprog validate': den viser, hvad der mangler."),
    ]
    for k in u.kommentarer:
        ud += _kommentar(k)
    ud += [
        f"titel: {_q(u.titel or f'Uddannelsesprogram – {UDFYLD}')}",
        f"skabelon: {skalar(skabelon.id)}",
        f"målbeskrivelse: {{speciale: {_q(mb.speciale)}, fase: {mb.fase}, version: {_q(mb.version)}}}",
        f"videreuddannelsesregion: {region}",
        (f"forløb: [{', '.join(_q(f) for f in u.forløb)}]" if isinstance(u.forløb, list) else
         f"forløb: {_q(u.forløb or UDFYLD)}" + (_efter("gæt: taget fra titlen") if u.forløb_gættet else "")),
        "status: udkast  # slet linjen, når udkastet er gennemgået ('uddprog godkend' gør det ved godkendelsen)",
    ]
    if u.illustrativ:
        ud.append("illustrativ: true")
    ud.append("ansvar:")
    if u.forsidelinjer:
        ud.append("  # Fra Word-dokumentet:")
        for linje in u.forsidelinjer:
            ud += _kommentar(linje, "  #   ")
    ud.append("  udarbejdet_af:")
    if u.udarbejdet_af:
        for f in u.udarbejdet_af:
            felter = [f"navn: {_q(f['navn'])}", f"rolle: {f['rolle']}"] + [
                f"{k}: {_q(f[k])}" for k in ("titel", "telefon", "email") if f.get(k)]
            ud.append("    - {" + ", ".join(felter) + "}" + (_efter(f"gæt: {f['note']}") if f.get("note") else ""))
    else:
        for r in skabelon.påkrævede_forfatterroller or ["pkl"]:
            ud.append(f"    - {{navn: {_q(UDFYLD)}, rolle: {r}}}")
    # The draft is not approved yet: what the document says about its approval is kept, the rest is written by
    # 'uddprog godkend' (a draft needs none of it, P016).
    if u.godkendt_af:
        ud.append(f"  godkendt_af: {_q(u.godkendt_af)}")
    if u.godkendt_dato:
        ud.append(f"  godkendt_dato: {u.godkendt_dato.isoformat()}")
    if u.næste_revision:
        ud.append(f"  næste_revision: {u.næste_revision.isoformat()}")
    if not (u.godkendt_af and u.godkendt_dato):
        ud.append("  # godkendt_af, godkendt_dato og næste_revision skriver 'uddprog godkend' ved godkendelsen")
    if u.kontakt:
        ud.append(f"  kontakt: {_q(u.kontakt)}")

    kendte = sum(a["måneder"] or 0 for a in u.ansættelser)
    ukendte = [a for a in u.ansættelser if not a["måneder"]]
    ud.append(f"ansættelser:  # i forløbets rækkefølge; månederne skal give {mb.varighed_måneder} i alt")
    ud += _kilder(u, "ansættelser")
    for a in u.ansættelser:
        noter = list(a["noter"])
        if a.get("kilde"):
            ud += _kommentar(f"Word: {a['kilde']}", "  # ")
        if a.get("overskrift"):
            ud += _kommentar(f"Overskrift i Word: {a['overskrift']}", "  # ")
        if a.get("periode") is not None:
            ud += _kommentar(f"Periode i Word: {a['periode'].tekst()} ({antal_måneder(a['måneder'])})", "  # ")
        ud.append(f"  - id: {a['id']}")
        typer = {slug(visningsnavn(t)): t.value for t in Ansaettelsestype}
        if a.get("type_tekst") and slug(a["type_tekst"]) in typer:
            ud.append(f"    type: {typer[slug(a['type_tekst'])]}")  # uddprog's own fact line names it
        elif "praksis" in slug(a["sted"]).split("-") or "praksis" in slug(a["afdeling"]).split("-"):
            ud.append("    type: almen-praksis  # gæt: stedet er en praksis")
        if a.get("speciale_tekst"):
            ud.append(f"    speciale: {_q(_speciale(a['speciale_tekst'], mb))}  # sideuddannelse")
        ud.append(f"    sted: {_q(a['sted'])}")
        ud.append(f"    afdeling: {_q(a['afdeling'])}")
        if a["driftsregion"]:
            ud.append(f"    driftsregion: {a['driftsregion']}")
        elif len(drift) == 1:
            ud.append(f"    driftsregion: {drift[0]}")  # the videreuddannelsesregion has only this one
        else:
            ud.append(f"    driftsregion: {drift[0]}" + _efter(f"gæt: {' eller '.join(drift)}"))
        if a["universitetshospital"] is None:
            gæt = "universitetshospital" in slug(a["sted"])
            ud.append(f"    universitetshospital: {str(gæt).lower()}  # gæt: ud fra stedets navn")
        else:
            ud.append(f"    universitetshospital: {str(a['universitetshospital']).lower()}")
        if a["måneder"]:
            ud.append(f"    måneder: {a['måneder']}")
        else:
            rest = max(1, (mb.varighed_måneder - kendte) // max(1, len(ukendte)))
            ud.append(f"    måneder: {rest}  # gæt: antal måneder ikke fundet i dokumentet")
        ud.append(f"    beskrivelse: {_blok(a['beskrivelse'] or UDFYLD, '      ')}")
        for n in noter:
            ud[len(ud) - 1:len(ud) - 1] = _kommentar(f"gæt: {n}", "    # ")
        if a.get("uddannelsesplan_senest_dag"):
            ud.append(f"    uddannelsesplan_senest_dag: {a['uddannelsesplan_senest_dag']}")
        if a.get("vejledersamtaler"):
            ud.append("    vejledersamtaler:")
            for s in a["vejledersamtaler"]:
                ud.append(f"      - type: {s['type']}")
                ud.append(f"        senest_dag: {s['senest_dag']}")
                if "karrierevejledning" in s:
                    ud.append(f"        karrierevejledning: {str(s['karrierevejledning']).lower()}")
                if s.get("bemærkning"):
                    ud.append(f"        bemærkning: {_blok(s['bemærkning'], '          ')}")

    ud.append("kompetenceplan:  # måneder tælles fra forløbets start")
    ud += _kilder(u, "kompetenceplan")
    if u.kompetenceplan:
        for p in u.kompetenceplan:
            felter = [f"kompetence: {_q(p['kompetence'])}", f"ansættelse: {p['ansættelse']['id']}",
                      f"fra_måned: {p['fra_måned']}", f"til_måned: {p['til_måned']}",
                      f"læringsmetoder: {_liste(p['læringsmetoder'])}",
                      f"vurderingsmetoder: {_liste(p['vurderingsmetoder'])}"]
            if p.get("antal_vurderinger"):
                felter.append(f"antal_vurderinger: {p['antal_vurderinger']}")
            if p.get("bemærkning"):
                felter.append(f"bemærkning: {_q(p['bemærkning'])}")
            k = mb.kompetence(p["kompetence"])
            ud += _kommentar(f"{p['kompetence']} {k.titel if k else ''}".rstrip()
                             + (f" – gæt: {'; '.join(p['noter'])}" if p["noter"] else ""), "  # ")
            if p.get("kilde"):
                ud += _kommentar(f"Word: {p['kilde']}", "  #   ")
            ud.append("  - {" + ", ".join(felter) + "}")
    else:
        # As 'uddprog ny' plans: every competency in the first ansættelse, with the målbeskrivelse's methods
        # and its minimum number of assessments (P024), inside the ansættelse's months (P011).
        første = u.ansættelser[0]
        slut = første["måneder"] or (mb.varighed_måneder if len(u.ansættelser) == 1 else 1)
        ud += _kommentar("gæt: ingen kompetencetabel fundet i dokumentet; alle kompetencer er planlagt i den første "
                         "ansættelse som i 'uddprog ny'", "  # ")
        for k in mb.kompetencer:
            felter = [f"kompetence: {_q(k.id)}", f"ansættelse: {første['id']}", "fra_måned: 1", f"til_måned: {slut}",
                      f"læringsmetoder: {_liste(k.læringsstrategier)}", f"vurderingsmetoder: {_liste(k.vurderingsmetoder)}"]
            if k.min_vurderinger:
                felter.append(f"antal_vurderinger: {k.min_vurderinger}")
            ud.append("  - {" + ", ".join(felter) + "}")
    if u.kurser:
        ud.append("kurser:")
        ud += _kilder(u, "kurser")
        for c in u.kurser:
            felter = [f"kursus: {_q(c['kursus'])}", f"måned: {c['måned']}"]
            if c.get("bemærkning"):
                felter.append(f"bemærkning: {_q(c['bemærkning'])}")
            if c.get("kilde"):
                ud += _kommentar(f"Word: {c['kilde']}", "  # ")
            if c.get("note"):
                ud += _kommentar(f"gæt: {c['note']}", "  # ")
            ud.append("  - {" + ", ".join(felter) + "}")
    if u.fokuserede_ophold:
        ud.append("fokuserede_ophold:")
        for o in u.fokuserede_ophold:
            if o.get("kilde"):
                ud += _kommentar(f"Word: {o['kilde']}", "  # ")
            ud.append(f"  - sted: {_q(o['sted'])}")
            ud.append(f"    ansættelse: {o['ansættelse']['id']}")
            ud.append(f"    fra_måned: {o['fra_måned']}")
            ud.append(f"    til_måned: {o['til_måned']}")
            if o.get("dage"):
                ud.append(f"    dage: {o['dage']}")
            if o.get("varighed"):
                ud.append(f"    varighed: {_q(o['varighed'])}")
            ud.append(f"    formål: {_blok(o['formål'], '      ')}")
            ud.append(f"    kompetencer: {_liste(_q(k) for k in o['kompetencer'])}")
    if u.forskningstræning:
        f = u.forskningstræning
        felter = [f"fra_måned: {f['fra_måned']}", f"til_måned: {f['til_måned']}"]
        if f.get("teori_til_måned"):
            felter.append(f"teori_til_måned: {f['teori_til_måned']}")
        ud += _kilder(u, "forskningstræning", "# ")
        if f.get("note"):
            ud += _kommentar(f"gæt: {f['note']}")
        if f.get("beskrivelse"):
            ud.append("forskningstræning:")
            ud += [f"  {x}" for x in felter]
            ud.append(f"  beskrivelse: {_blok(f['beskrivelse'], '    ')}")
        else:
            ud.append("forskningstræning: {" + ", ".join(felter) + "}")
    elif mb.forskningstræning:
        # Placed as 'uddprog ny' places it: inside the målbeskrivelse's window, with the theory deadline (P020).
        r = mb.forskningstræning
        start = min(13, r.start_senest_måned or 13, mb.varighed_måneder)
        slut = max(start, mb.varighed_måneder - (r.slut_senest_måneder_før_slut or 0))
        felter = [f"fra_måned: {start}", f"til_måned: {slut}"]
        if r.teori_inden_måneder:
            felter.append(f"teori_til_måned: {min(start + r.teori_inden_måneder - 1, slut)}")
        ud.append("forskningstræning: {" + ", ".join(felter) + "}"
                  + _efter("gæt: ikke fundet i dokumentet; placeret efter målbeskrivelsens regler"))

    ud.append("sektioner:")
    titler = Titelmatcher(skabelon)
    navne = {s.id: s.titel for s in skabelon.sektioner}
    for s in skabelon.sektioner:
        tekst = u.sektioner.get(s.id, "")
        for titel in u.originaltitler.get(s.id, []):
            ud += _kommentar(f"Overskrift i Word: {titel}", "  # ")
            for andet in titler.sektioner(titel)[1:]:  # a heading that joins sections: its text is all here
                ud += _kommentar(f"Overskriften samler også afsnittet '{navne[andet]}' ({andet}): flyt den del "
                                 f"af teksten, der hører dertil.", "  # ")
        if not tekst.strip():
            krav = "påkrævet" if s.påkrævet else "valgfri"
            hvad = ("overskriften fandtes, men dens indhold blev til data (tabeller, ansættelser)"
                    if s.id in u.overskrifter else "ikke fundet i dokumentet")
            ud += _kommentar(f"{s.titel} ({krav}): {hvad}.", "  # ")
            ud += _kommentar(s.vejledning, "  #   ")
        ud.append(f"  {s.id}: {_blok(tekst, '    ')}")
    if u.ikke_placeret:
        ud += _kommentar("Tekst fra dokumentet, som ikke passede til noget afsnit i skabelonen. Flyt den til det "
                         "rette afsnit (eller slet den), og fjern så 'ikke-placeret'.", "  # ")
        ud.append(f"  {IKKE_PLACERET}: {_blok(chr(10).join(['', '', '']).join(u.ikke_placeret), '    ')}")
    return "\n".join(ud) + "\n"
