"""From a change set and a programme to edits: what a machine can decide, and what is left for the author.

Pure: reads the programme model and the two målbeskrivelser, tells a :class:`~uddprog.yamlredigering.YamlRedigering`
what to change (every edit tagged with the change id of `uddprog diff` it carries out), and returns the
decisions and review notes it leaves. Paths are the programme's data paths in the text being edited.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .. import regler
from ..checks.program import PLADSHOLDER
from ..diff.changes import Ændringssæt, vis_vindue
from ..diff.impact import planlægningssted
from ..models import Kompetence, Maalbeskrivelse, Uddannelsesprogram, visningsnavn
from ..yamlredigering import Sti, YamlRedigering


@dataclass(frozen=True)
class Mærke:
    """What an edit or a note is about: the diff change id and one Danish sentence."""

    id: str
    tekst: str
    sti: Sti = ()  # where it stands in the *old* text (for notes that change nothing)


@dataclass
class Plan:
    rettelser: list[Mærke]
    beslutninger: list[Mærke]  # left for the author; `validate` or the report names each
    noter: list[Mærke]  # changes to review, nothing to decide mechanically


def _id_værdi(gammel, ny: str):
    """An id written like the old one: a bare number stays a number (``kompetence: 12``)."""
    return int(ny) if isinstance(gammel, int) and ny.isdigit() and not (len(ny) > 1 and ny[0] == "0") else ny


def _metoder(værdier) -> str:
    return ", ".join(visningsnavn(v) for v in værdier)


def planlæg(red: YamlRedigering, p: Uddannelsesprogram, sæt: Ændringssæt) -> Plan:
    """Queue the edits of one version step in ``red`` and return what was done and what is left."""
    g, n = sæt.gammel.model, sæt.ny.model
    plan = Plan([], [], [])
    data = red.data

    def ret(sti: Sti, id: str, tekst: str, handling, *args) -> None:
        m = Mærke(id, tekst, sti)
        handling(*args, mærke=m)
        plan.rettelser.append(m)

    # Lineage: each old id → the new ids and the kind of change
    efterfølgere: dict[str, tuple[str, tuple[str, ...]]] = {}
    for gr in sæt.slægt.grupper:
        for gid in gr.gamle:
            art = gr.art
            nye = tuple(b for a, b in sæt.slægt.links if a == gid) if art != "fjernet" else ()
            nye = tuple(sorted(nye, key=lambda b: gr.nye.index(b)))
            efterfølgere[gid] = (art, nye)
    art_id = {"omnummereret": "D003", "delt": "D004", "sammenlagt": "D005", "fjernet": "D001"}

    # --- the målbeskrivelse reference
    if g.version != n.version:
        sti = ("målbeskrivelse", "version")
        ret(sti, "D040", f"Målbeskrivelsens version er rettet fra {g.version} til {n.version}.",
            red.sæt, sti, _id_værdi(data["målbeskrivelse"]["version"], n.version))

    # --- kompetenceplan
    plan_data = data.get("kompetenceplan", [])
    resultat: dict[str, list[int]] = defaultdict(list)  # new id → old entry indexes that end up planning it
    nye_poster: dict[str, int] = defaultdict(int)  # new id → entries written as copies (split)
    i_ny = {k.id for k in n.kompetencer}
    for i, e in enumerate(p.kompetenceplan):
        if e.kompetence not in efterfølgere:
            if e.kompetence in i_ny:
                resultat[e.kompetence].append(i)
            continue
        art, nye = efterfølgere[e.kompetence]
        sti = ("kompetenceplan", i, "kompetence")
        gammel_værdi = plan_data[i]["kompetence"]
        if art == "fjernet":
            ret(("kompetenceplan", i), "D001", f"Kompetence {e.kompetence} er fjernet: planlægningen "
                f"{planlægningssted(p, e)} er slettet.", red.slet, ("kompetenceplan", i))
            continue
        if art == "omstruktureret":
            plan.beslutninger.append(Mærke("D004", f"Kompetence {e.kompetence} indgår i en omstrukturering "
                                           f"({', '.join(nye)}); ret planlægningen {planlægningssted(p, e)}.", sti))
            continue
        if nye[0] != e.kompetence:
            tekst = {"omnummereret": f"Kompetence {e.kompetence} har nu nummer {nye[0]}.",
                     "delt": f"Kompetence {e.kompetence} er delt i {' og '.join(nye)}: planlægningen "
                             f"{planlægningssted(p, e)} gælder nu {nye[0]}.",
                     "sammenlagt": f"Kompetence {e.kompetence} er lagt sammen i {nye[0]}."}.get(art, "")
            ret(sti, art_id.get(art, "D003"), tekst, red.sæt, sti, _id_værdi(gammel_værdi, nye[0]))
        resultat[nye[0]].append(i)
        if art == "delt" and len(nye) > 1:
            kopier = []
            for b in nye[1:]:
                kopier.append(_kopi(plan_data[i], b, n.kompetence(b), gammel_værdi))
                nye_poster[b] += 1
            ret(("kompetenceplan", i), "D004", f"Kompetence {e.kompetence} er delt: {' og '.join(nye[1:])} er "
                f"planlagt i samme ansættelse og måneder ({planlægningssted(p, e)}).",
                red.indsæt, ("kompetenceplan", i), kopier)

    # --- assessment methods and their number, per entry that goes on planning a competency
    for ny_id, poster in resultat.items():
        nk = n.kompetence(ny_id)
        if nk is None:
            continue
        forgængere = {p.kompetenceplan[i].kompetence for i in poster}
        gamle_metoder = {m for gid in forgængere if (gk := g.kompetence(gid)) for m in gk.vurderingsmetoder}
        nye_metoder = [m for m in nk.vurderingsmetoder if m not in gamle_metoder]
        eksplicitte = [i for i in poster if p.kompetenceplan[i].vurderingsmetoder]
        for i in eksplicitte:
            e = p.kompetenceplan[i]
            mangler = [m for m in nye_metoder if m not in e.vurderingsmetoder]
            if mangler:
                sti = ("kompetenceplan", i, "vurderingsmetoder")
                ret(sti, "D007", f"Kompetence {ny_id} vurderes nu også med {_metoder(mangler)} ({planlægningssted(p, e)}).",
                    red.tilføj, sti, [str(m) for m in mangler])
            ikke_tilladt = [m for m in e.vurderingsmetoder if m not in nk.vurderingsmetoder]
            if ikke_tilladt:
                # The new version no longer lists the method, so validate reports it as not allowed (P009).
                plan.beslutninger.append(Mærke("D008", f"{_metoder(ikke_tilladt)} hører ikke længere til "
                                               f"kompetence {ny_id} i målbeskrivelsen: fjern metoden, eller erstat den "
                                               f"med en som målbeskrivelsen nævner ({_metoder(nk.vurderingsmetoder)}); "
                                               f"indtil da melder validate P009 ({planlægningssted(p, e)}).",
                                               ("kompetenceplan", i, "vurderingsmetoder")))
        if nk.min_vurderinger:
            antal = sum(p.kompetenceplan[i].antal_vurderinger or 1 for i in eksplicitte)
            antal += nye_poster.get(ny_id, 0) * nk.min_vurderinger
            if eksplicitte and antal < nk.min_vurderinger:
                i = eksplicitte[-1]
                e = p.kompetenceplan[i]
                nyt = (e.antal_vurderinger or 1) + nk.min_vurderinger - antal
                if "antal_vurderinger" in plan_data[i]:
                    handling, args = red.sæt, (("kompetenceplan", i, "antal_vurderinger"), nyt)
                else:
                    handling, args = red.sæt_nøgle, (("kompetenceplan", i), "antal_vurderinger", nyt)
                ret(("kompetenceplan", i), "D013", f"Kompetence {ny_id} kræver mindst {nk.min_vurderinger} "
                    f"vurderinger: antal_vurderinger er sat til {nyt} ({planlægningssted(p, e)}).", handling, *args)

    # --- new competencies: a plan entry for the author to place
    nye_ids = [k.id for k in n.kompetencer if k.id not in resultat and k.id not in nye_poster
               and any(gr.art == "tilføjet" and k.id in gr.nye for gr in sæt.slægt.grupper)]
    if nye_ids and p.ansættelser:
        a = p.ansættelser[0]
        fra, til = p.perioder()[a.id]
        for kid in nye_ids:
            k = n.kompetence(kid)
            post = {"kompetence": kid, "ansættelse": a.id, "fra_måned": fra, "til_måned": til,
                    "læringsmetoder": [str(x) for x in k.læringsstrategier],
                    "vurderingsmetoder": [str(x) for x in k.vurderingsmetoder]}
            if k.min_vurderinger:
                post["antal_vurderinger"] = k.min_vurderinger
            post["bemærkning"] = (f"{PLADSHOLDER}: ny kompetence i version {n.version} ({k.titel}); vælg "
                                  "ansættelse og måneder, og skriv bemærkningen.")
            m = Mærke("D002", f"Ny kompetence {kid} »{k.titel}«: planlagt foreløbigt på {a.sted} med "
                      f"{PLADSHOLDER}; vælg ansættelse og måneder.", ("kompetenceplan",))
            red.tilføj(("kompetenceplan",), [post], mærke=m)
            plan.beslutninger.append(m)

    # --- fokuserede ophold: each competency named by its successors, each only once
    for i, o in enumerate(p.fokuserede_ophold):
        brugt: set[str] = set()
        for j, kid in enumerate(o.kompetencer):
            sti = ("fokuserede_ophold", i, "kompetencer", j)
            art, nye = efterfølgere.get(kid, ("bevaret", (kid,)))
            nye = tuple(x for x in nye if x not in brugt)
            brugt.update(nye)
            gammel_værdi = data["fokuserede_ophold"][i]["kompetencer"][j]
            if not nye and art == "bevaret":
                continue  # the author named it twice; not this migration's business
            if not nye:
                hvad = "er fjernet" if art == "fjernet" else f"er lagt sammen i {efterfølgere[kid][1][0]}"
                ret(sti, art_id.get(art, "D005"), f"Kompetence {kid} {hvad}: den er slettet fra det fokuserede "
                    f"ophold på {o.sted}.", red.slet, sti)
                continue
            if nye[0] != kid:
                ret(sti, art_id.get(art, "D003"), f"Det fokuserede ophold på {o.sted} træner nu kompetence "
                    f"{nye[0]} (før {kid}).", red.sæt, sti, _id_værdi(gammel_værdi, nye[0]))
            if len(nye) > 1:
                ret(sti, "D004", f"Det fokuserede ophold på {o.sted} træner nu også kompetence "
                    f"{' og '.join(nye[1:])} (delt fra {kid}).", red.indsæt, sti,
                    [_id_værdi(gammel_værdi, x) for x in nye[1:]])

    # --- courses
    planlagte = defaultdict(list)
    for i, pk in enumerate(p.kurser):
        planlagte[pk.kursus].append(i)
    nye_kurser = []
    for æ in sæt.ændringer:
        if æ.id == "D022":
            for i in planlagte.get(æ.gamle[0], ()):
                ret(("kurser", i), "D022", f"Kurset {æ.gamle[0]} er fjernet fra kursusplanen.", red.slet, ("kurser", i))
        elif æ.id == "D021" and æ.nye[0] not in planlagte:
            kursus = next(k for k in n.kurser if k.id == æ.nye[0])
            fra, til = kursus.tidligst_måned, kursus.senest_måned
            måned = min(fra or 1, til or fra or 1, p.varighed_måneder)
            post = {"kursus": kursus.id, "måned": måned}
            if fra is None and til is None:
                post["bemærkning"] = f"{PLADSHOLDER}: nyt kursus i version {n.version}; vælg måneden."
            nye_kurser.append((post, kursus))
        elif æ.id == "D023":
            fra, til = æ.efter
            for i in planlagte.get(æ.gamle[0], ()):
                m = p.kurser[i].måned
                if (fra and m < fra) or (til and m > til):
                    plan.beslutninger.append(Mærke("D023", f"Kurset {æ.gamle[0]} skal nu tages i "
                                                   f"{vis_vindue((fra, til))}, men er planlagt i måned {m}: flyt det.",
                                                   ("kurser", i, "måned")))
        elif æ.id == "D025" and æ.gamle[0] in planlagte:
            plan.noter.append(Mærke("D025", æ.besked, ("kurser", planlagte[æ.gamle[0]][0])))
    har_kurser = isinstance(data.get("kurser"), list) and bool(data["kurser"])
    if nye_kurser and not har_kurser:
        m = Mærke("D021", "Nye kurser planlagt: " + ", ".join(f"{k.id} i måned {post['måned']}"
                                                                for post, k in nye_kurser) + ".", ("kurser",))
        red.sæt_nøgle((), "kurser", [post for post, _ in nye_kurser], mærke=m)
        (plan.beslutninger if any("bemærkning" in post for post, _ in nye_kurser) else plan.rettelser).append(m)
    else:
        for post, kursus in nye_kurser:
            beslutning = "bemærkning" in post
            m = Mærke("D021", f"Nyt kursus {kursus.id} »{kursus.titel}« planlagt i måned {post['måned']}"
                      + (f" med {PLADSHOLDER}: det har intet tidsvindue; vælg måneden." if beslutning
                         else f", inden for sit tidsvindue ({vis_vindue((kursus.tidligst_måned, kursus.senest_måned))})."),
                      ("kurser",))
            red.tilføj(("kurser",), [post], mærke=m)
            (plan.beslutninger if beslutning else plan.rettelser).append(m)

    # --- everything a machine cannot decide
    for æ in sæt.ændringer:
        if æ.id == "D020" and p.varighed_måneder != n.varighed_måneder:
            plan.beslutninger.append(Mærke("D020", f"Forløbet varer {p.varighed_måneder} måneder, men version "
                                           f"{n.version} kræver {n.varighed_måneder}: tilpas ansættelserne.",
                                           ("ansættelser",)))
        elif æ.id == "D026" and n.ansættelsesmønster and not regler.følger_mønster(n, p.ansættelser):
            plan.beslutninger.append(Mærke("D026", f"{æ.besked} Tilpas ansættelsernes type, speciale og måneder til "
                                           f"version {n.version}; indtil da melder validate P041.", ("ansættelser",)))
        elif æ.id == "D030" and p.forskningstræning is None:
            plan.beslutninger.append(Mærke("D030", "Forskningstræning er nu et krav: planlæg den.", ()))
        elif æ.id == "D031" and p.forskningstræning is not None:
            plan.noter.append(Mærke("D031", "Forskningstræning er ikke længere et krav: overvej at fjerne planlægningen.",
                                    ("forskningstræning",)))
        elif æ.id == "D032" and p.forskningstræning is not None:
            brud = _forskningsbrud(p, n)
            (plan.beslutninger if brud else plan.noter).append(
                Mærke("D032", f"{æ.besked}" + (f" Forskningstræningen {' og '.join(brud)}: flyt den." if brud else
                                              " Planlægningen overholder de nye krav; gennemgå beskrivelsen."),
                      ("forskningstræning",)))
        elif æ.id == "D006" and any(e.kompetence == æ.gamle[0] for e in p.kompetenceplan):
            plan.beslutninger.append(Mærke("D006", æ.besked, ("kompetenceplan",)))
        elif æ.id in ("D009", "D010", "D011", "D012", "D014") and any(e.kompetence in æ.gamle for e in p.kompetenceplan):
            i = next(i for i, e in enumerate(p.kompetenceplan) if e.kompetence in æ.gamle)
            plan.noter.append(Mærke(æ.id, æ.besked, ("kompetenceplan", i)))
    return plan


def _kopi(post: dict, ny_id: str, nk: Kompetence | None, gammel_værdi) -> dict:
    """A plan entry for a split's further successor: same place and months, the successor's methods."""
    ud = {}
    for nøgle, værdi in post.items():
        if nøgle == "kompetence":
            ud[nøgle] = _id_værdi(gammel_værdi, ny_id)
        elif nøgle == "vurderingsmetoder" and nk is not None:
            ud[nøgle] = [str(m) for m in nk.vurderingsmetoder]
        elif nøgle == "antal_vurderinger" and nk is not None and nk.min_vurderinger:
            ud[nøgle] = max(værdi, nk.min_vurderinger) if isinstance(værdi, int) else nk.min_vurderinger
        else:
            ud[nøgle] = værdi
    if nk is not None and "vurderingsmetoder" not in ud and nk.vurderingsmetoder:
        ud["vurderingsmetoder"] = [str(m) for m in nk.vurderingsmetoder]
    return ud


def _forskningsbrud(p: Uddannelsesprogram, n: Maalbeskrivelse) -> list[str]:
    plan, krav = p.forskningstræning, n.forskningstræning
    brud = []
    if krav is None or plan is None:
        return brud
    if krav.start_senest_måned and plan.fra_måned > krav.start_senest_måned:
        brud.append(f"skal begynde senest i måned {krav.start_senest_måned}")
    if krav.slut_senest_måneder_før_slut is not None:
        senest = n.varighed_måneder - krav.slut_senest_måneder_før_slut
        if plan.til_måned > senest:
            brud.append(f"skal være afsluttet senest i måned {senest}")
    if krav.teori_inden_måneder and plan.teori_til_måned is not None \
            and plan.teori_til_måned - plan.fra_måned + 1 > krav.teori_inden_måneder:
        brud.append(f"skal have teoridelen afsluttet inden for {krav.teori_inden_måneder} måneder")
    elif krav.teori_inden_måneder and plan.teori_til_måned is None:
        brud.append("skal angive 'teori_til_måned'")
    return brud
