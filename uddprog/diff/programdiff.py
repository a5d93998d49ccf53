"""What changed between two versions of one programme: for the committee that approves a revision.

Every part a reader meets is compared: the målbeskrivelse version, the ansættelser (by id), the
kompetenceplan, courses and fokuserede ophold (as lists, aligned with difflib so a renumbered or inserted
entry shows as what it is), forskningstræning, responsibility data and every text section (word diff).
Any other field of the model (a field added later) is compared as its value, so nothing changes unseen.
"""

from __future__ import annotations

import difflib
import html
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..datoer import måneder_tekst
from ..findings import Location
from ..loading import Dokument
from ..models import Uddannelsesprogram, visningsnavn
from .inputs import DiffFejl
from .rapport import vis_sti
from .tekst import ren
from .tekstdiff import Stykke, ordforskel, samme_ord, som_tekst as ord_som_tekst

JSON_FORMAT = "uddprog-programdiff"
JSON_VERSION = 1

#: Below this similarity a removed and an added list entry are shown as such, not as one changed entry.
LIGHED = 0.75

#: Sections of the report in reading order, with their Danish titles.
EMNER = {
    "målbeskrivelse": "Målbeskrivelse",
    "stamdata": "Stamdata",
    "ansvar": "Ansvar og godkendelse",
    "ansættelser": "Ansættelser",
    "kompetenceplan": "Kompetenceplan",
    "kurser": "Kurser",
    "fokuserede_ophold": "Fokuserede ophold",
    "forskningstræning": "Forskningstræning",
    "sektioner": "Tekstafsnit",
    "øvrigt": "Øvrige felter",
}


@dataclass(frozen=True)
class Programændring:
    emne: str
    art: str  # "tilføjet", "fjernet" or "ændret"
    besked: str
    før: str | None = None
    efter: str | None = None
    ordforskel: tuple[Stykke, ...] = ()
    sted: Location | None = None  # in the new file (the old one for a removal)


@dataclass(frozen=True)
class Programdiff:
    gammel: Dokument[Uddannelsesprogram]
    ny: Dokument[Uddannelsesprogram]
    gammel_navn: str  # how the old version is named in the report (a file, or "fil @ REV")
    ændringer: tuple[Programændring, ...]

    @property
    def exitkode(self) -> int:
        return 1 if self.ændringer else 0


def _metoder(v) -> str:
    return ", ".join(visningsnavn(x) for x in v) or "ingen"


def _plan(e) -> str:
    dele = [f"kompetence {e.kompetence} i {e.ansættelse}, {måneder_tekst(e.fra_måned, e.til_måned)}",
            f"læring: {_metoder(e.læringsmetoder)}", f"vurdering: {_metoder(e.vurderingsmetoder)}"]
    if e.antal_vurderinger:
        dele.append(f"{e.antal_vurderinger} vurderinger")
    if e.bemærkning:
        dele.append(f"bemærkning: {' '.join(e.bemærkning.split())}")
    return "; ".join(dele)


def _kursus(k) -> str:
    return f"{k.kursus} i måned {k.måned}" + (f" ({k.bemærkning})" if k.bemærkning else "")


def _ophold(o) -> str:
    return (f"{o.sted} under {o.ansættelse}, {måneder_tekst(o.fra_måned, o.til_måned)}, {o.varighed}; "
            f"kompetencer: {', '.join(o.kompetencer) or 'ingen'}; formål: {' '.join(o.formål.split())}")


def _vis(v: Any) -> str:
    if v is None:
        return "intet"
    if hasattr(v, "model_dump"):
        return json.dumps(v.model_dump(mode="json"), ensure_ascii=False)
    if isinstance(v, list):
        return "; ".join(_vis(x) for x in v) or "ingen"
    return str(v)


def sammenlign_programmer(gammel: Dokument[Uddannelsesprogram], ny: Dokument[Uddannelsesprogram],
                          gammel_navn: str | None = None) -> Programdiff:
    g, n = gammel.model, ny.model
    ud: list[Programændring] = []

    def felt(emne, navn, a, b, *sti, tekst=False):
        if a == b or (tekst and isinstance(a, str) and isinstance(b, str) and samme_ord(a, b)):
            return
        ord_ = tuple(ordforskel(a, b)) if tekst and isinstance(a, str) and isinstance(b, str) else ()
        art = "tilføjet" if a in (None, [], "") else "fjernet" if b in (None, [], "") else "ændret"
        sted = ny.sted(*sti) if art != "fjernet" else gammel.sted(*sti)
        ud.append(Programændring(emne, art, f"{navn} er {art}.", _vis(a), _vis(b), ord_, sted))

    def liste(emne, navn, gamle, nye, vis, sti):
        a, b = [vis(x) for x in gamle], [vis(x) for x in nye]
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if op == "equal":
                continue
            # In a changed block, pair each old entry with the most similar new one (a renumbered or edited
            # entry); what stays unpaired was removed or added.
            kandidater = sorted(((difflib.SequenceMatcher(None, a[i], b[j], autojunk=False).ratio(), i, j)
                                 for i in range(i1, i2) for j in range(j1, j2)), key=lambda t: (-t[0], t[1], t[2]))
            par: dict[int, int] = {}
            for lighed, i, j in kandidater:
                if lighed < LIGHED or i in par or j in par.values():
                    continue
                par[i] = j
            for i in range(i1, i2):
                if i not in par:
                    ud.append(Programændring(emne, "fjernet", f"{navn} fjernet.", a[i], None, (), gammel.sted(sti, i)))
            omvendt = {j: i for i, j in par.items()}
            for j in range(j1, j2):
                if j in omvendt:
                    i = omvendt[j]
                    ud.append(Programændring(emne, "ændret", f"{navn} ændret.", a[i], b[j],
                                             tuple(ordforskel(a[i], b[j])), ny.sted(sti, j)))
                else:
                    ud.append(Programændring(emne, "tilføjet", f"{navn} tilføjet.", None, b[j], (), ny.sted(sti, j)))

    gr, nr = g.målbeskrivelse, n.målbeskrivelse
    if gr != nr:
        ud.append(Programændring("målbeskrivelse", "ændret",
                                 f"Målbeskrivelsen er ændret fra {gr.speciale} version {gr.version} til "
                                 f"{nr.speciale} version {nr.version}.", f"{gr.speciale}/{gr.fase}@{gr.version}",
                                 f"{nr.speciale}/{nr.fase}@{nr.version}", (), ny.sted("målbeskrivelse", "version")))
    for navn, titel in (("titel", "Titlen"), ("skabelon", "Skabelonen"), ("videreuddannelsesregion", "Regionen"),
                        ("forløb", "Forløbet"), ("illustrativ", "Mærket 'illustrativ'")):
        felt("stamdata", titel, getattr(g, navn), getattr(n, navn), navn)
    for navn in type(g.ansvar).model_fields:
        a, b = getattr(g.ansvar, navn), getattr(n.ansvar, navn)
        if navn == "udarbejdet_af":
            liste("ansvar", "Forfatter", a, b, lambda f: f"{f.navn} ({visningsnavn(f.rolle)})"
                  + (f", {f.titel}" if f.titel else ""), ("ansvar", "udarbejdet_af"))
        else:
            felt("ansvar", f"ansvar.{navn}", a, b, "ansvar", navn)
    gi = {a.id: a for a in g.ansættelser}
    ni = {a.id: a for a in n.ansættelser}
    for i, a in enumerate(n.ansættelser):
        if a.id not in gi:
            ud.append(Programændring("ansættelser", "tilføjet", f"Ansættelsen {a.id} ({a.sted}) er tilføjet.", None,
                                     f"{a.sted}, {a.afdeling}, {a.måneder} måneder", (), ny.sted("ansættelser", i)))
            continue
        for navn in type(a).model_fields:
            felt("ansættelser", f"Ansættelsen {a.id}: {navn}", getattr(gi[a.id], navn), getattr(a, navn),
                 "ansættelser", i, navn, tekst=navn == "beskrivelse")
    for i, a in enumerate(g.ansættelser):
        if a.id not in ni:
            ud.append(Programændring("ansættelser", "fjernet", f"Ansættelsen {a.id} ({a.sted}) er fjernet.",
                                     f"{a.sted}, {a.afdeling}, {a.måneder} måneder", None, (),
                                     gammel.sted("ansættelser", i)))
    if [a.id for a in g.ansættelser if a.id in ni] != [a.id for a in n.ansættelser if a.id in gi]:
        ud.append(Programændring("ansættelser", "ændret", "Ansættelsernes rækkefølge er ændret.",
                                 ", ".join(a.id for a in g.ansættelser), ", ".join(a.id for a in n.ansættelser),
                                 (), ny.sted("ansættelser")))
    liste("kompetenceplan", "Planlægning", g.kompetenceplan, n.kompetenceplan, _plan, "kompetenceplan")
    liste("kurser", "Kursus", g.kurser, n.kurser, _kursus, "kurser")
    liste("fokuserede_ophold", "Fokuseret ophold", g.fokuserede_ophold, n.fokuserede_ophold, _ophold,
          "fokuserede_ophold")
    felt("forskningstræning", "Forskningstræningen", g.forskningstræning, n.forskningstræning, "forskningstræning")
    for sid in dict.fromkeys([*g.sektioner, *n.sektioner]):
        felt("sektioner", f"Afsnittet '{sid}'", g.sektioner.get(sid), n.sektioner.get(sid), "sektioner", sid,
             tekst=True)
    kendte = {"målbeskrivelse", "titel", "skabelon", "videreuddannelsesregion", "forløb", "illustrativ", "ansvar",
              "ansættelser", "kompetenceplan", "kurser", "fokuserede_ophold", "forskningstræning", "sektioner"}
    for navn in type(g).model_fields:
        if navn not in kendte:
            felt("øvrigt", f"Feltet '{navn}'", getattr(g, navn), getattr(n, navn), navn)
    orden = list(EMNER)
    ud.sort(key=lambda æ: orden.index(æ.emne))  # stable: within a topic, document order
    return Programdiff(gammel, ny, gammel_navn or str(gammel.fil), tuple(ud))


# --- reports -----------------------------------------------------------------------------------------

def _grupper(d: Programdiff):
    for emne, titel in EMNER.items():
        ændringer = [æ for æ in d.ændringer if æ.emne == emne]
        if ændringer:
            yield titel, ændringer


def som_tekst(d: Programdiff, markdown: bool = False) -> str:
    n = len(d.ændringer)
    linjer = [("# " if markdown else "") + f"Revision af {ren(d.ny.model.titel)}", "",
              f"{'- ' if markdown else '  '}gammel: {ren(d.gammel_navn)}",
              f"{'- ' if markdown else '  '}ny:     {ren(vis_sti(d.ny.fil))}", "",
              "Ingen ændringer." if not n else f"{n} ændring{'er' if n != 1 else ''}.", ""]
    for titel, ændringer in _grupper(d):
        linjer += [("## " if markdown else "") + titel, ""] if markdown else [titel]
        for æ in ændringer:
            sted = f" ({vis_sti(æ.sted.fil)}:{æ.sted.linje})" if æ.sted and æ.sted.linje else ""
            linjer.append(f"{'- ' if markdown else '  '}{ren(æ.besked)}{sted}")
            if æ.ordforskel:
                linjer.append(f"{'  ' if markdown else '      '}{ren(som_tekst_ord(æ.ordforskel))}")
            else:
                if æ.før is not None and æ.art != "tilføjet":
                    linjer.append(f"{'  ' if markdown else '      '}før:   {ren(æ.før)}")
                if æ.efter is not None and æ.art != "fjernet":
                    linjer.append(f"{'  ' if markdown else '      '}efter: {ren(æ.efter)}")
        linjer.append("")
    return "\n".join(linjer).rstrip("\n") + "\n"


def som_tekst_ord(stykker) -> str:
    return " ".join(ord_som_tekst(list(stykker)).split())


def som_json(d: Programdiff) -> dict:
    def sted(s):
        return None if s is None else {"fil": vis_sti(s.fil), "linje": s.linje, "kolonne": s.kolonne}

    return {
        "format": JSON_FORMAT, "formatversion": JSON_VERSION,
        "gammel": {"navn": d.gammel_navn, "titel": d.gammel.model.titel,
                   "målbeskrivelse": d.gammel.model.målbeskrivelse.version},
        "ny": {"fil": vis_sti(d.ny.fil), "titel": d.ny.model.titel, "målbeskrivelse": d.ny.model.målbeskrivelse.version},
        "antal": len(d.ændringer),
        "ændringer": [{"emne": æ.emne, "art": æ.art, "besked": æ.besked, "før": æ.før, "efter": æ.efter,
                       "ordforskel": [{"op": op, "tekst": t} for op, t in æ.ordforskel], "sted": sted(æ.sted)}
                      for æ in d.ændringer],
    }


def som_html(d: Programdiff) -> str:
    """A self-contained page; every text is escaped."""
    e = html.escape
    dele = [f"<h1>Revision af {e(d.ny.model.titel)}</h1>",
            f"<p>Gammel: {e(d.gammel_navn)}<br>Ny: {e(str(d.ny.fil))}</p>",
            f"<p>{len(d.ændringer)} ændring{'er' if len(d.ændringer) != 1 else ''}.</p>"]
    for titel, ændringer in _grupper(d):
        dele.append(f"<h2>{e(titel)}</h2><ul>")
        for æ in ændringer:
            dele.append(f"<li><p>{e(æ.besked)}</p>")
            if æ.ordforskel:
                dele.append("<p>" + "".join(e(t) if op == "=" else f"<del>{e(t)}</del>" if op == "-"
                                            else f"<ins>{e(t)}</ins>" for op, t in æ.ordforskel) + "</p>")
            else:
                if æ.før is not None and æ.art != "tilføjet":
                    dele.append(f"<p><del>{e(æ.før)}</del></p>")
                if æ.efter is not None and æ.art != "fjernet":
                    dele.append(f"<p><ins>{e(æ.efter)}</ins></p>")
            dele.append("</li>")
        dele.append("</ul>")
    return ("<!DOCTYPE html>\n<html lang=\"da\"><head><meta charset=\"utf-8\"><title>Revision af "
            f"{e(d.ny.model.titel)}</title><style>body{{font-family:sans-serif;max-width:60em;margin:2em auto}}"
            "del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:none}</style></head>"
            "<body>" + "\n".join(dele) + "</body></html>\n")


# --- the old version from git ----------------------------------------------------------------------------

def git_tekst(fil: Path, rev: str) -> str:
    """The text of ``fil`` at git revision ``rev``; DiffFejl in Danish for every way that can fail."""
    import subprocess

    fil = Path(fil).resolve()
    try:
        top = subprocess.run(["git", "-C", str(fil.parent), "rev-parse", "--show-toplevel"], capture_output=True,
                             text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        raise DiffFejl("git kan ikke køres; --siden kræver git.") from None
    if top.returncode != 0:
        raise DiffFejl(f"'{fil.parent}' er ikke en del af et git-repositorium; --siden kræver et.")
    rel = fil.relative_to(Path(top.stdout.strip()).resolve()).as_posix()
    vis = subprocess.run(["git", "-C", top.stdout.strip(), "show", f"{rev}:{rel}"], capture_output=True, timeout=30)
    if vis.returncode != 0:
        fejl = vis.stderr.decode("utf-8", "replace")
        if "unknown revision" in fejl or "bad revision" in fejl or "invalid object name" in fejl:
            raise DiffFejl(f"Revisionen '{rev}' findes ikke i git.")
        raise DiffFejl(f"'{rel}' fandtes ikke i revision '{rev}'.")
    try:
        return vis.stdout.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DiffFejl(f"'{rel}' i revision '{rev}' er ikke gemt som UTF-8.") from None
