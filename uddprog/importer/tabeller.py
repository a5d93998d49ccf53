"""Word tables: what kind of data a table holds, which column is which, and the small parsers of cells.

A table is recognised by its header (words such as "Ansættelsessted" and "Periode", or "Kompetence"
and "Vurdering"); a header may take two rows (a merged cell over "Nr." and "Titel"). A table of
periods without any header ("1. februar 2025 | 31. januar 2026 | Afdeling …") is recognised by its
cells. Methods are read by their Danish display names, ids or the variants in ``varianter.py``.
"""

from __future__ import annotations

import difflib
import re

from ..models import Laeringsstrategi, Vurderingsmetode, visningsnavn
from ..navne import navngivet_rolle, slug
from .model import Celle, Tabel
from .perioder import datoer
from .varianter import FORSIDE_DANNET, FORSIDEFELTER, METODEVARIANTER

STREG = "[-–—]"
STREG_RE = re.compile(STREG)
_PERIODE = re.compile(rf"(\d{{1,3}})\.?\s*(?:(?:{STREG}|til)\s*(\d{{1,3}})\.?)?", re.I)
_FØRSTE = re.compile(r"^(?:de\s+)?første\s+(\d{1,3})\s+(?:måneder|mdr)", re.I)
#: "(mindst 3)" or "(mindst 3 i forløbet)": how uddprog writes the målbeskrivelse's minimum after the methods.
MINDST = re.compile(r"\s*\(mindst (\d+)(?: i forløbet)?\)")
#: "3 vurderinger" (as uddprog writes a plan entry's antal_vurderinger, on its own line) or "3 ×" / "x 3".
ANTAL = re.compile(r"(?:^|(?<=[\s,;(]))(?:(\d{1,3})\s+vurdering(?:er)?\b|(\d{1,2})\s*[x×](?=\s|$))", re.I)
STEDORD = re.compile(r"afdeling|sygehus|hospital|praksis|klinik|center|ansættelse|lægerne|lægehus|"
                     r"speciallæge|psykiatri", re.I)
#: A competency's number in any common scheme: "3", "3.", "K3", "Mål 3", "Kompetence 3", "Nr. 3", "1.2".
_NUMMER = re.compile(r"^\s*(?:[A-Za-zÆØÅæøå]{1,14}\.?\s*)?(\d{1,3}(?:\.\d{1,2})?)\s*[.:)]?\s*$")
#: A number in front of a title in the same cell: "Kompetence 3: Psykoser", "3. Psykoser", "K3 Psykoser".
_NUMMER_FORAN = re.compile(r"^\s*((?:[A-Za-zÆØÅæøå]{1,14}\.?\s*)?\d{1,3}(?:\.\d{1,2})?)\s*[.:)–-]\s+(\S.*)$"
                           r"|^\s*([A-Za-zÆØÅ]{0,3}\d{1,3})\s+(\S.*)$", re.S)


def periode(tekst: str) -> tuple[int, int] | None:
    """'måned 1–6', 'mdr. 7-12', '1.-6. måned', 'måned 3 til 8', 'måned 7', 'de første 6 måneder' -> months."""
    tekst = tekst.replace("\u00a0", " ").strip()
    if m := _FØRSTE.match(tekst):
        return (1, int(m.group(1))) if 1 <= int(m.group(1)) <= 120 else None
    m = _PERIODE.search(tekst)
    if not m:
        return None
    fra = int(m.group(1))
    til = int(m.group(2)) if m.group(2) else fra
    return (fra, til) if 1 <= fra <= til <= 120 else None


def nummer(tekst: str) -> str | None:
    """The number of a competency written in any common scheme ('K3', 'Mål 3', '3.') or None."""
    m = _NUMMER.match(tekst.replace("\u00a0", " "))
    return m.group(1) if m else None


def nummer_foran(tekst: str) -> tuple[str, str] | None:
    """(number, title) when a cell begins with a number: 'Kompetence 3: Psykoser' -> ('3', 'Psykoser')."""
    m = _NUMMER_FORAN.match(tekst.replace("\u00a0", " "))
    if not m:
        return None
    nr = nummer(m.group(1) or m.group(3) or "")
    return (nr, (m.group(2) or m.group(4)).strip()) if nr else None


class Metoder:
    """Names -> vocabulary ids for one vocabulary (assessment methods or learning strategies)."""

    def __init__(self, enum) -> None:
        self.navne: dict[str, str] = {}
        for v in enum:
            for navn in (visningsnavn(v), str(v), *METODEVARIANTER.get(str(v), [])):
                self.navne.setdefault(slug(navn), str(v))

    def _en(self, tekst: str) -> str | None:
        n = slug(re.sub(r"\([^)]*\)", "", tekst))
        if not n:
            return None
        if n in self.navne:
            return self.navne[n]
        bud = difflib.get_close_matches(n, list(self.navne), n=1, cutoff=0.86)
        return self.navne[bud[0]] if bud else None

    def find(self, tekst: str) -> tuple[list[str], list[str]]:
        """(ids found in order, pieces not recognised)."""
        ids: list[str] = []
        ukendt: list[str] = []
        tekst = ANTAL.sub("", MINDST.sub("", tekst))
        for del_ in re.split(r"[,;\n•]+", tekst):
            del_ = del_.strip(" .-–")
            if not del_:
                continue
            v = self._en(del_)
            if v is None and re.search(r"\s(?:og|samt)\s", del_):
                stykker = [self._en(x) for x in re.split(r"\s(?:og|samt)\s", del_)]
                if all(stykker):
                    for x in stykker:
                        if x not in ids:
                            ids.append(x)
                    continue
            if v is None:
                ukendt.append(del_)
            elif v not in ids:
                ids.append(v)
        return ids, ukendt


VURDERING = Metoder(Vurderingsmetode)
LÆRING = Metoder(Laeringsstrategi)


#: Column roles -> header words (slugs). A header matches a word exactly or starts with it followed by '-'
#: ("Kompetencevurderingsmetode (obligatorisk)", "Kompetence nr."), so the lists hold only the stems.
KOLONNER = {
    "nr": ["nr", "nummer", "mal-nr", "maal-nr", "kompetencenummer", "kompetence-nr", "maalnummer", "id"],
    "kompetence": ["kompetence", "kompetencer", "maal", "laeringsmaal", "kompetencemaal", "kompetencens-titel"],
    "roller": ["laegeroller", "roller", "laegerolle"],
    "hvor": ["hvor", "ansaettelse", "ansaettelsessted", "sted", "uddannelsessted", "afdeling", "under-ansaettelse",
             "hospital"],
    "hvornaar": ["hvornaar", "periode", "tidspunkt", "planlagt", "maaned", "maaneder", "tidsrum", "mdr"],
    "laering": ["laeringsmetoder", "laeringsstrategier", "laeringsmetode", "laeringsstrategi", "laering"],
    "vurdering": ["vurderingsmetoder", "kompetencevurdering", "kompetencevurderingsmetoder", "vurdering",
                  "vurderingsmetode", "kompetencevurderingsmetode", "vurderingsmetoder-og-antal"],
    "bemaerkning": ["bemaerkning", "bemaerkninger", "kommentar", "kommentarer", "note", "noter"],
    "kursus": ["kursus", "kurser", "kursets-navn", "kursusnavn"],
    "formaal": ["formaal"],
    "afdeling": ["afdeling", "afsnit"],
    "sted": ["ansaettelsessted", "sted", "hospital", "uddannelsessted", "sygehus"],
    "driftsregion": ["driftsregion", "region"],
    "universitetshospital": ["universitetshospital"],
    "maaneder": ["maaneder", "varighed", "mdr", "antal-maaneder", "laengde"],
    "periode": ["periode", "tidsrum", "hvornaar", "uddannelsesaar", "aar", "datoer", "dato", "tidspunkt"],
    "fra": ["fra", "fra-dato", "startdato", "start", "begynder", "ansat-fra"],
    "til": ["til", "til-dato", "slutdato", "slut", "slutter", "ansat-til"],
    "person": ["navn", "forfatter", "forfattere", "udarbejdet-af", "person", "personer"],
    "funktion": ["funktion", "stilling", "rolle", "titel", "stillingsbetegnelse", "funktion-i-uddannelsen"],
    "arbejdssted": ["arbejdssted", "arbejdsplads", "afdeling", "ansaettelsessted", "sted", "hospital"],
    "kursustid": ["planlagt", "tidspunkt", "hvornaar", "maaned", "periode", "dato", "aar", "uddannelsesaar",
                  "tid", "tidsrum"],
}
_ROLLENAVNE = {"medicinsk-ekspert", "kommunikator", "samarbejder", "leder", "professionel", "akademiker",
               "sundhedsfremmer"}


def hoved(t: Tabel) -> list[str]:
    """The header's column names as slugs. A header in two rows ("Kompetence" spanning "Nr." and "Titel")
    gives each column both names ("kompetence-nr", "kompetence-titel")."""
    return t.husk("hovedrækker", _hovedrækker)[0]


def er_kompetenceskema(t: Tabel) -> bool:
    """The målbeskrivelse checklist's own columns ("Mål nummer og kompetence", "Konkretisering af …")."""
    h = hoved(t)
    return bool(h) and h[0].startswith("maal-nummer") and any(k.startswith("konkretisering") for k in h)


def hovedrækker(t: Tabel) -> int:
    """How many rows at the top of the table are its header (0 for a table of periods without one)."""
    return 0 if tabelart(t) == "forløb" and t.husk("uden hoved", _uden_hoved) else t.husk("hovedrækker", _hovedrækker)[1]


def _spændt(t: Tabel, r: int, bredde: int) -> list[str]:
    """Row ``r`` with a horizontally spanned cell's text in every column it covers."""
    ud: list[str] = []
    for celle in t.rækker[r]:
        ud.extend([celle.tekst] * celle.spænd)
    return (ud + [""] * bredde)[:bredde]


def _hovedord(tekst: str) -> bool:
    s = slug(tekst)
    return any(passer(s, rolle) for rolle in KOLONNER) or s in ("titel", "navn", "beskrivelse")


def _hovedrækker(t: Tabel) -> tuple[list[str], int]:
    if not t.rækker:
        return [], 0
    g = t.gitter()
    første = [slug(c.replace("\u00ad", "")) for c in g[0]]
    # A second header row: the first row has a cell spanning columns, and each cell of the second row
    # continues a merged header cell, is empty, or is a header word itself.
    if len(g) > 2 and any(c.spænd > 1 for c in t.rækker[0]) and len(t.rækker[0]) > 1 and all(
            c.fortsat or not c.tekst.strip() or _hovedord(c.tekst) for c in t.rækker[1]):
        navne = []
        for øverst, nederst in zip(_spændt(t, 0, len(g[0])), g[1]):
            a, b = slug(øverst), slug(nederst)
            navne.append(a if not b or b == a else f"{a}-{b}" if a else b)
        return navne, 2
    return første, 1


def passer(h: str, rolle: str) -> bool:
    return any(h == k or h.startswith(k + "-") for k in KOLONNER[rolle])


def kol(hoved_: list[str], rolle: str, ikke: set[int] = frozenset()) -> int | None:
    """The first column of a role: exact header words first, then headers that start with one."""
    for præcis in (True, False):
        for i, h in enumerate(hoved_):
            if i not in ikke and (h in KOLONNER[rolle] if præcis else passer(h, rolle)):
                return i
    return None


def tabelart(t: Tabel) -> str:
    return t.husk("art", _tabelart)


def _uden_hoved(t: Tabel) -> bool:
    """A table of periods without a header: every row has two dates and a place."""
    g = t.gitter()
    if not g or len(g[0]) < 2:
        return False
    for rad in g:
        if len(datoer(" | ".join(rad))) < 2 or not any(STEDORD.search(c) and not datoer(c) for c in rad):
            return False
    return True


def _tabelart(t: Tabel) -> str:
    h = hoved(t)
    if not h:
        return "tekst"

    def har(*roller: str) -> bool:
        return any(kol(h, r) is not None for r in roller)
    if len(h) >= 3 and len(set(h) & _ROLLENAVNE) >= 3:
        return "rolledækning"
    if (har("laering", "vurdering") and har("kompetence", "nr")) or (har("kompetence") and har("hvor", "hvornaar")
                                                                     and not har("kursus", "formaal")):
        return "kompetencer"
    if har("kursus") and har("kursustid"):
        return "kurser"
    if "samtale" in h and "hvornaar" in h:
        return "samtaler"
    if har("formaal") and har("sted", "hvornaar"):
        return "ophold"
    if har("sted", "afdeling") and har("maaneder", "periode", "fra", "til"):
        return "forløb"
    if _forfattertabel(t, h):
        return "forfattere"
    if len(h) == 2:
        labels = {slug(r[0]) for r in t.gitter()}
        if labels & {"planlagt", "teoridel", "omfang"}:
            return "forskning"
        kendte = {slug(k) for k in FORSIDEFELTER} | {slug(k) for k in FORSIDE_DANNET}
        if len(labels & kendte) >= 2:
            return "forside"
    if t.husk("uden hoved", _uden_hoved):
        return "forløb"
    return "tekst"


def forfatterkolonner(t: Tabel) -> tuple[int, int, int | None]:
    """An author table's columns: (name, function, workplace or None)."""
    h = hoved(t)
    k_navn = kol(h, "person")
    k_fun = kol(h, "funktion", {k_navn})
    return k_navn, k_fun, kol(h, "arbejdssted", {k_navn, k_fun})


def _forfattertabel(t: Tabel, h: list[str]) -> bool:
    """People with their functions ("Navn | Funktion | Arbejdssted", "Forfatter | Stilling | Afdeling"): a name
    column, a function column, and a role of the model named in at least half of the functions."""
    k_navn = kol(h, "person")
    k_fun = kol(h, "funktion", {k_navn} if k_navn is not None else set())
    if k_navn is None or k_fun is None:
        return False
    rækker = [r for r in t.gitter()[1:] if r[k_navn].strip()]
    return bool(rækker) and 2 * sum(navngivet_rolle(r[k_fun]) is not None for r in rækker) >= len(rækker)


def forfattere_i_hovedet(t: Tabel) -> bool:
    """The name column says the people are the authors ("Forfatter", "Udarbejdet af"): read as authors wherever
    the table stands (a table of people elsewhere in the programme is text)."""
    h = hoved(t)
    k = kol(h, "person")
    return k is not None and h[k] in ("forfatter", "forfattere", "udarbejdet-af")


def celle_ved(række: list[Celle], kol_: int) -> Celle | None:
    """The cell of a raw row that starts at grid column ``kol_`` (None inside a span)."""
    i = 0
    for c in række:
        if i == kol_:
            return c
        i += c.spænd
        if i > kol_:
            return None
    return None


def gruppe(t: Tabel, ri: int) -> str | None:
    """The text of a group row ("Traumatologi" over the rows that follow): one cell with text, spanning the
    table or alone in its row."""
    række = t.rækker[ri]
    med_tekst = [c for c in række if c.tekst.strip() and not c.fortsat]
    if len(med_tekst) != 1 or any(c.fortsat for c in række):
        return None
    c = med_tekst[0]
    bredde = len(t.gitter()[0]) if t.gitter() else 1
    return " ".join(c.tekst.split()) if (c.spænd >= max(2, bredde - 1) or len(række) == 1) and bredde > 1 else None
