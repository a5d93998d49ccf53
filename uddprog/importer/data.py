"""Sections and tables -> the programme's data: ansættelser, kompetenceplan, courses, focused stays,
research training and responsibility; the remaining text -> Markdown per template section.

Tables are recognised by their header row (words such as "Ansættelsessted" and "Måneder",
or "Kompetence" and "Vurderingsmetoder"), competencies by number or title in the
målbeskrivelse, methods by their Danish display names, ids or the variants in
``varianter.py``. What is guessed is said in a comment next to the value; what is not
recognised stays text, so nothing is lost.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date

from .. import regler
from ..datoer import læs_dansk_dato, læs_tidspunkt_i_ansættelse, måneder_tekst
from ..markdown import HEADING_OFFSET
from ..models import (
    Ansvarsrolle,
    Driftsregion,
    Laeringsstrategi,
    Maalbeskrivelse,
    NationalSkabelon,
    Videreuddannelsesregion,
    Vurderingsmetode,
    visningsnavn,
)
from ..models.vocab import Samtaletype
from ..navne import navngivet_rolle, slug
from .markdown import til_markdown
from .model import Afsnit, Blok, Stykke, Tabel
from .opdeling import Del, Opdeling
from .resultat import Trinresultat, antal
from .titler import normaliser
from .varianter import DANNEDE_OVERSKRIFTER, FORSIDE_DANNET, FORSIDEFELTER, METODEVARIANTER

_STREG = "[-–—]"
_PERIODE = re.compile(rf"(\d{{1,3}})\.?\s*(?:(?:{_STREG}|til)\s*(\d{{1,3}})\.?)?", re.I)
_FØRSTE = re.compile(r"^(?:de\s+)?første\s+(\d{1,3})\s+(?:måneder|mdr)", re.I)
_FAKTA = re.compile(rf"^Måned\s+(\d+)(?:{_STREG}(\d+))? · (\d+) måneder? · (Region [^·]+?)(?: · (?!Universitetshospital)([^·]+?))?(?: · (Universitetshospital))?$")
#: uddprog's caption over an ansættelse's vejledersamtaler table, and the line under it.
_SAMTALER_OVERSKRIFT = re.compile(r"^Vejledersamtaler i ansættelse (\d+): ")
_UDDANNELSESPLAN = re.compile(r"^Den individuelle uddannelsesplan (?:foreligger senest dag (\d+)|lægges (.+))\.$")
#: Written in uddprog's samtale table under a samtale without career guidance (the rule says it is in the others).
_UDEN_KARRIERE = "Karrierevejledning indgår ikke i denne samtale."
_SENEST_DAG = re.compile(r"dag\s*(\d+)", re.I)
_ANSÆTTELSE_OVERSKRIFT = re.compile(r"^Ansættelse\s+(\d+)\s*[:.–-]\s*(.*?)(?:\s*\(måned[^)]*\))?$", re.I)
#: "(mindst 3)" or "(mindst 3 i forløbet)": how uddprog writes the målbeskrivelse's minimum after the methods.
_MINDST = re.compile(r"\s*\(mindst (\d+)(?: i forløbet)?\)")
#: "3 vurderinger" (as uddprog writes a plan entry's antal_vurderinger, on its own line) or "3 ×" / "x 3".
_ANTAL = re.compile(r"(?:^|(?<=[\s,;(]))(?:(\d{1,3})\s+vurdering(?:er)?\b|(\d{1,2})\s*[x×](?=\s|$))", re.I)
_STEDORD = re.compile(r"afdeling|sygehus|hospital|praksis|klinik|center|ansættelse|lægerne|lægehus|"
                      r"speciallæge|psykiatri", re.I)
_KRAV = re.compile(r"^(?:Tidligst måned \d+(?:, senest måned \d+)?|Senest måned \d+)(?:\.\s*|$)")


@dataclass
class Udkast:
    """Everything the YAML writer needs; ``noter`` are comments placed next to a value (key -> text)."""

    titel: str = ""
    forløb: str = ""
    forløb_gættet: bool = False
    overskrifter: set[str] = field(default_factory=set)     # sections whose heading was found
    originaltitler: dict[str, list[str]] = field(default_factory=dict)  # section id -> the document's headings
    forsidelinjer: list[str] = field(default_factory=list)  # front-page lines read as data
    illustrativ: bool = False
    udarbejdet_af: list[dict] = field(default_factory=list)
    godkendt_af: str = ""
    godkendt_dato: date | None = None
    næste_revision: date | None = None
    kontakt: str = ""
    ansættelser: list[dict] = field(default_factory=list)
    kompetenceplan: list[dict] = field(default_factory=list)
    kurser: list[dict] = field(default_factory=list)
    fokuserede_ophold: list[dict] = field(default_factory=list)
    forskningstræning: dict | None = None
    sektioner: dict[str, str] = field(default_factory=dict)
    ikke_placeret: list[str] = field(default_factory=list)
    kommentarer: list[str] = field(default_factory=list)   # Word comments, headers, footers, footnotes
    #: list key -> source lines of the Word tables it was read from (header rows, skipped rows)
    tabelkilder: dict[str, list[str]] = field(default_factory=dict)
    fundet: dict[str, int] = field(default_factory=dict)    # for the report


# ------------------------------------------------------------------ small parsers

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
        tekst = _ANTAL.sub("", _MINDST.sub("", tekst))
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


_VURDERING = Metoder(Vurderingsmetode)
_LÆRING = Metoder(Laeringsstrategi)


# ------------------------------------------------------------------ table classification

#: Column roles -> header words (slugs). A header matches a word exactly or starts with it followed by '-'
#: ("Kompetencevurderingsmetode (obligatorisk)", "Kompetence nr."), so the lists hold only the stems.
_KOLONNER = {
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
    "periode": ["periode", "tidsrum", "hvornaar"],
}
_ROLLENAVNE = {"medicinsk-ekspert", "kommunikator", "samarbejder", "leder", "professionel", "akademiker",
               "sundhedsfremmer"}


def _hoved(t: Tabel) -> list[str]:
    return [slug(c.replace("\u00ad", "")) for c in t.gitter()[0]] if t.rækker else []


def _passer(h: str, rolle: str) -> bool:
    return any(h == k or h.startswith(k + "-") for k in _KOLONNER[rolle])


def _kol(hoved: list[str], rolle: str, ikke: set[int] = frozenset()) -> int | None:
    """The first column of a role: exact header words first, then headers that start with one."""
    for præcis in (True, False):
        for i, h in enumerate(hoved):
            if i not in ikke and (h in _KOLONNER[rolle] if præcis else _passer(h, rolle)):
                return i
    return None


def _er_kompetenceskema(t: Tabel) -> bool:
    """The målbeskrivelse checklist's own columns ("Mål nummer og kompetence", "Konkretisering af …")."""
    h = _hoved(t)
    return bool(h) and h[0].startswith("maal-nummer") and any(k.startswith("konkretisering") for k in h)


def tabelart(t: Tabel) -> str:
    return t.husk("art", _tabelart)


def _tabelart(t: Tabel) -> str:
    h = _hoved(t)
    if not h:
        return "tekst"

    def har(*roller: str) -> bool:
        return any(_kol(h, r) is not None for r in roller)
    if len(h) >= 3 and len(set(h) & _ROLLENAVNE) >= 3:
        return "rolledækning"
    if har("laering", "vurdering") and har("kompetence", "nr"):
        return "kompetencer"
    if har("kursus") and any(x in ("planlagt", "tidspunkt", "hvornaar", "maaned") for x in h):
        return "kurser"
    if "samtale" in h and "hvornaar" in h:
        return "samtaler"
    if har("formaal") and har("sted", "hvornaar"):
        return "ophold"
    if har("sted", "afdeling") and har("maaneder", "periode"):
        return "forløb"
    if len(h) == 2:
        labels = {slug(r[0]) for r in t.gitter()}
        if labels & {"planlagt", "teoridel", "omfang"}:
            return "forskning"
        kendte = {slug(k) for k in FORSIDEFELTER} | {slug(k) for k in FORSIDE_DANNET}
        if len(labels & kendte) >= 2:
            return "forside"
    return "tekst"


# ------------------------------------------------------------------ extraction

class _Udtræk:
    def __init__(self, op: Opdeling, mb: Maalbeskrivelse, skabelon: NationalSkabelon,
                 region: Videreuddannelsesregion, res: Trinresultat) -> None:
        self.op, self.mb, self.skabelon, self.region, self.res = op, mb, skabelon, region, res
        self.u = Udkast(illustrativ=op.illustrativ)
        self.mb_titler = {normaliser(k.titel): k.id for k in mb.kompetencer}
        self.mb_ids = {k.id for k in mb.kompetencer}
        self.kurser = {k.id: k for k in mb.kurser}
        # uddprog's own output puts Markdown's '#' at Heading 4 (markdown.HEADING_OFFSET); elsewhere a
        # heading one level below the section's is '#'.
        self.md_grund = HEADING_OFFSET if op.uddprog else op.niveau

    def _kilde(self, nøgle: str, linje: str) -> None:
        """Keep a table line read as data as a comment (not for uddprog's own output, which is regenerated)."""
        if not self.op.uddprog and linje.strip():
            self.u.tabelkilder.setdefault(nøgle, []).append(linje)

    def _rækketekst(self, rad: list[str]) -> str | None:
        return None if self.op.uddprog else " · ".join(" ".join(x.split()) for x in rad if x.strip())

    # -- ansættelser
    def _ny_ansættelse(self, sted: str, afdeling: str) -> dict:
        a = {"sted": sted.strip() or "UDFYLD", "afdeling": afdeling.strip() or "UDFYLD", "driftsregion": None,
             "universitetshospital": None, "måneder": None, "beskrivelse": None, "noter": [],
             "vejledersamtaler": [], "uddannelsesplan_senest_dag": None}
        self.u.ansættelser.append(a)
        return a

    def forløbstabel(self, t: Tabel) -> None:
        g = t.gitter()
        h = _hoved(t)
        k_sted = _kol(h, "sted")
        k_afd = _kol(h, "afdeling", {k_sted} if k_sted is not None else set())
        k_reg = _kol(h, "driftsregion")
        k_uni = _kol(h, "universitetshospital")
        k_mdr = _kol(h, "maaneder")
        k_per = _kol(h, "periode", {k_mdr} if k_mdr is not None else set())
        self._kilde("ansættelser", "Tabel i Word: " + " · ".join(x for x in g[0] if x.strip()))
        for rad in g[1:]:
            def c(k):
                return " ".join(rad[k].split()) if k is not None and k < len(rad) else ""
            if not (c(k_sted) or c(k_afd)) or any(slug(x) in ("i-alt", "ialt", "total") for x in rad):
                self._kilde("ansættelser", "Række ikke brugt (sum eller tom): "
                            + " · ".join(" ".join(x.split()) for x in rad if x.strip()))
                continue
            sted, afd = c(k_sted), c(k_afd)
            if k_afd is None and ", " in sted:
                afd, sted = sted.split(", ", 1)
            a = self._ny_ansættelse(sted, afd)
            a["kilde"] = self._rækketekst(rad)
            a["driftsregion"] = _driftsregion(c(k_reg)) or _driftsregion(sted)
            uni = slug(c(k_uni))
            a["universitetshospital"] = True if uni in ("ja", "x", "yes") else False if uni in ("nej", "no") else None
            mdr = re.search(r"\d+", c(k_mdr)) if k_mdr is not None else None
            if mdr and k_mdr is not None and not _STREG_RE.search(c(k_mdr)):
                a["måneder"] = int(mdr.group())
            elif (p := periode(c(k_per) or c(k_mdr))):
                a["måneder"] = p[1] - p[0] + 1
        self.res.info(f"Forløbstabellen gav {antal(len(self.u.ansættelser), 'ansættelse', 'ansættelser')}.")

    def _ansættelse_for(self, titel: str) -> dict | None:
        m = _ANSÆTTELSE_OVERSKRIFT.match(titel)
        if m and 1 <= int(m.group(1)) <= len(self.u.ansættelser):
            return self.u.ansættelser[int(m.group(1)) - 1]
        n = normaliser(titel)
        bedste = None
        for a in self.u.ansættelser:
            navn = normaliser(f"{a['afdeling']} {a['sted']}")
            if n == navn or (normaliser(a["sted"]) in n and normaliser(a["afdeling"]) in n):
                if bedste is None:
                    bedste = a
                else:
                    return None  # ambiguous
        return bedste

    def præsentationer(self, d: Del) -> list[Blok]:
        """Subheadings of a presentation section that name an ansættelse: their text is its beskrivelse."""
        rest: list[Blok] = []
        aktuel: dict | None = None
        under = self.op.niveau + 1
        lav_nye = not self.u.ansættelser
        for b in d.blokke:
            if isinstance(b, Afsnit) and b.overskrift is not None and b.overskrift >= 1:
                if b.overskrift <= under:
                    titel = " ".join(b.tekst.split())
                    aktuel = self._ansættelse_for(titel)
                    if aktuel is None and lav_nye and b.overskrift == under and _STEDORD.search(titel):
                        m = _ANSÆTTELSE_OVERSKRIFT.match(titel)
                        navn = m.group(2) if m else titel
                        afd, _, sted = navn.partition(", ")
                        aktuel = self._ny_ansættelse(sted or afd, afd if sted else "")
                        aktuel["driftsregion"] = _driftsregion(navn)
                        aktuel["noter"].append("fundet ud fra en overskrift; tjek sted og afdeling")
                    if aktuel is not None:
                        if "_blokke" in aktuel:  # a second heading for the same place: keep it inside
                            aktuel["_blokke"].append(b)
                        else:
                            aktuel["_blokke"] = []
                            aktuel["overskrift"] = titel
                        continue
            if aktuel is not None:
                if self.op.uddprog and isinstance(b, Afsnit) and not aktuel["_blokke"] \
                        and (m := _FAKTA.match(" ".join(b.tekst.split()))):
                    aktuel["måneder"] = aktuel["måneder"] or int(m.group(3))
                    aktuel["driftsregion"] = aktuel["driftsregion"] or _driftsregion(m.group(4))
                    if aktuel["universitetshospital"] is None:
                        aktuel["universitetshospital"] = bool(m.group(6))
                    if m.group(5):
                        aktuel["type_tekst"] = m.group(5).strip()
                    continue
                aktuel["_blokke"].append(b)
            else:
                rest.append(b)
        for a in self.u.ansættelser:
            if "_blokke" in a:
                md = til_markdown(a.pop("_blokke"), HEADING_OFFSET if self.op.uddprog else under)
                a["beskrivelse"] = md if not a["beskrivelse"] else a["beskrivelse"] + "\n\n" + md
        return rest

    # -- competency tables
    def _kompetence(self, nr: str, titel: str) -> str | None:
        nr = re.sub(r"^(?:mål|kompetence|læringsmål|nr)\.?\s*", "", nr.strip(), flags=re.I).rstrip(".")
        if nr in self.mb_ids:
            # A number column may count rows rather than name competencies: a title that is exactly
            # another competency's wins (and the row's comment shows the number).
            ved_titel = self.mb_titler.get(normaliser(titel))
            return ved_titel if ved_titel and ved_titel != nr else nr
        m = re.match(r"^\s*([0-9A-Za-z][0-9A-Za-z._-]*)[.:)]?\s+(.*)$", titel)
        if m and m.group(1).rstrip(".") in self.mb_ids and (
                not m.group(2) or normaliser(m.group(2)) in self.mb_titler):
            return m.group(1).rstrip(".")
        n = normaliser(titel)
        if n in self.mb_titler:
            return self.mb_titler[n]
        if m and m.group(1).rstrip(".") in self.mb_ids:
            return m.group(1).rstrip(".")
        bud = difflib.get_close_matches(n, list(self.mb_titler), n=1, cutoff=0.85)
        return self.mb_titler[bud[0]] if bud else None

    def _perioder(self) -> list[tuple[int, int]]:
        start, ud = 1, []
        for a in self.u.ansættelser:
            mdr = a["måneder"] or 1
            ud.append((start, start + mdr - 1))
            start += mdr
        return ud

    def kompetencetabel(self, t: Tabel, kontekst: dict | None) -> list[str]:
        """Rows -> kompetenceplan entries; returns the text of rows that could not be placed."""
        h = _hoved(t)
        k_nr = _kol(h, "nr")
        k_komp = _kol(h, "kompetence", {k_nr} if k_nr is not None else set())
        k_hvor = _kol(h, "hvor")
        k_når = _kol(h, "hvornaar", {k_hvor} if k_hvor is not None else set())
        k_lær = _kol(h, "laering")
        k_vur = _kol(h, "vurdering")
        k_bem = _kol(h, "bemaerkning")
        g = t.gitter()
        tilbage = []
        self._kilde("kompetenceplan", "Tabel i Word: " + " · ".join(x for x in g[0] if x.strip()))
        for ri, rad in enumerate(g[1:], start=1):
            if [slug(x) for x in rad] == h:
                continue  # a repeated header row
            def c(k):
                return rad[k].strip() if k is not None and k < len(rad) else ""
            kompcelle = ""
            celle, afsnit = None, []
            bemærkning = c(k_bem)
            if k_komp is not None:
                række = t.rækker[ri]
                celle = _celle_ved(række, k_komp)
                afsnit = [b for b in (celle.blokke if celle else []) if isinstance(b, Afsnit) and b.tekst.strip()]
                kompcelle = " ".join(afsnit[0].tekst.split()) if afsnit else c(k_komp)
            kid = self._kompetence(c(k_nr), kompcelle)
            if kid is None:
                if any(x.strip() for x in rad):
                    tilbage.append(" · ".join(x for x in rad if x.strip()))
                continue
            k = self.mb.kompetence(kid)
            if len(afsnit) > 1 and not bemærkning:
                bemærkning = til_markdown(afsnit[1:])
            ans = kontekst or self._ansættelse_i(c(k_hvor))
            per = periode(c(k_når)) if c(k_når) else None
            if ans is None and per is not None:
                for a, (fra, til) in zip(self.u.ansættelser, self._perioder()):
                    if fra <= per[0] <= til:
                        ans = a
                        break
            if ans is None and len(self.u.ansættelser) == 1:
                ans = self.u.ansættelser[0]
            noter = []
            if ans is None:
                ans = self.u.ansættelser[0] if self.u.ansættelser else self._ny_ansættelse("UDFYLD", "UDFYLD")
                noter.append("ansættelsen kunne ikke findes; tjek den")
            if per is None:
                i = self.u.ansættelser.index(ans)
                per = self._perioder()[i]
                noter.append("perioden er hele ansættelsen; ret den")
            lær, ukendt_l = _LÆRING.find(c(k_lær))
            vur_tekst = _uden_kort(c(k_vur), k) if self.op.uddprog else c(k_vur)
            vur, ukendt_v = _VURDERING.find(vur_tekst)
            if not lær:
                lær = [str(x) for x in k.læringsstrategier]
                noter.append("læringsmetoderne er målbeskrivelsens anbefalede")
            if ukendt_l or ukendt_v:
                noter.append("ikke genkendt: " + "; ".join(ukendt_l + ukendt_v))
            self.u.kompetenceplan.append({"kompetence": kid, "ansættelse": ans, "fra_måned": per[0],
                                          "til_måned": per[1], "læringsmetoder": lær, "vurderingsmetoder": vur,
                                          "bemærkning": bemærkning or None, "noter": noter,
                                          "antal_vurderinger": _antal_vurderinger(vur_tekst, self.op.uddprog),
                                          "kilde": self._rækketekst(rad)})
        return tilbage

    def _ansættelse_i(self, tekst: str, måned: int | None = None) -> dict | None:
        if not tekst:
            return None
        if (m := re.fullmatch(r"(?:ansættelse\s*)?(\d{1,2})\.?", tekst.strip(), re.I)) \
                and 1 <= int(m.group(1)) <= len(self.u.ansættelser):
            return self.u.ansættelser[int(m.group(1)) - 1]
        n = normaliser(tekst)
        træf = [a for a in self.u.ansættelser if n in (normaliser(a["sted"]), normaliser(f"{a['afdeling']} {a['sted']}"),
                                                     normaliser(a["afdeling"]))]
        if len(træf) > 1 and måned is not None:  # the same place twice in the forløb: the month decides
            perioder = self._perioder()
            træf = [a for a in træf if (i := self.u.ansættelser.index(a)) < len(perioder)
                    and perioder[i][0] <= måned <= perioder[i][1]]
        return træf[0] if len(træf) == 1 else None

    # -- courses, stays, research, front page
    def kursustabel(self, t: Tabel) -> list[str]:
        h = _hoved(t)
        k_k = _kol(h, "kursus")
        k_når = next((i for i, x in enumerate(h) if x in ("planlagt", "tidspunkt", "hvornaar", "maaned")), None)
        k_bem = next((i for i, x in enumerate(h) if x in ("krav-og-bemaerkning", "bemaerkning", "bemaerkninger")),
                     None)
        tilbage = []
        titler = {normaliser(k.titel): k.id for k in self.mb.kurser}
        ids = {slug(k.id): k.id for k in self.mb.kurser}
        for rad in t.gitter()[1:]:
            navn = rad[k_k].strip() if k_k is not None else ""
            kid = titler.get(normaliser(navn)) or ids.get(slug(navn)) or ids.get(slug(navn.split(" ")[0]) if navn else "")
            per = periode(rad[k_når]) if k_når is not None else None
            if kid is None or per is None:
                if any(x.strip() for x in rad):
                    tilbage.append(" · ".join(x for x in rad if x.strip()))
                continue
            bem = _uden_krav(rad[k_bem].strip(), self.mb.kursus(kid) if hasattr(self.mb, "kursus") else
                             next((k for k in self.mb.kurser if k.id == kid), None),
                             self.mb.varighed_måneder) if k_bem is not None else ""
            self.u.kurser.append({"kursus": kid, "måned": per[0], "bemærkning": bem or None,
                                  "kilde": self._rækketekst(rad)})
        return tilbage

    def opholdstabel(self, t: Tabel) -> list[str]:
        h = _hoved(t)
        g = t.gitter()
        k_sted, k_ans = h.index("sted") if "sted" in h else None, _kol(h, "hvor", {h.index("sted")} if "sted" in h else set())
        k_når = h.index("hvornaar") if "hvornaar" in h else None
        k_var = h.index("varighed") if "varighed" in h else None
        k_for = h.index("formaal") if "formaal" in h else None
        k_komp = h.index("kompetencer") if "kompetencer" in h else None
        tilbage = []
        for ri, rad in enumerate(g[1:], start=1):
            per = periode(rad[k_når]) if k_når is not None else None
            ans = self._ansættelse_i(rad[k_ans], per[0] if per else None) if k_ans is not None else None
            if per is None or ans is None or k_sted is None:
                if any(x.strip() for x in rad):
                    tilbage.append(" · ".join(x for x in rad if x.strip()))
                continue
            celle = _celle_ved(t.rækker[ri], k_for) if k_for is not None else None
            formål = til_markdown(celle.blokke) if celle else ""
            komp_tekst = rad[k_komp] if k_komp is not None else ""
            komp = [k.id for k in self.mb.kompetencer if f"{k.id} {k.titel}" in komp_tekst]
            komp.sort(key=lambda kid: komp_tekst.index(f"{kid} {self.mb.kompetence(kid).titel}"))
            self.u.fokuserede_ophold.append({
                "sted": " ".join(rad[k_sted].split()), "ansættelse": ans, "fra_måned": per[0], "til_måned": per[1],
                **_opholdsvarighed(" ".join(rad[k_var].split()) if k_var is not None else "UDFYLD"),
                "formål": formål or "UDFYLD", "kompetencer": komp, "kilde": self._rækketekst(rad)})
        return tilbage

    def samtaletabel(self, t: Tabel, ans: dict | None) -> list[str]:
        """uddprog's vejledersamtaler table of one ansættelse: type, when ("inden for den første måned", or
        "senest dag 30" from earlier versions), content (a note when career guidance is not part of it)."""
        h = _hoved(t)
        g = t.gitter()
        k_type, k_når = h.index("samtale"), h.index("hvornaar")
        k_kar = h.index("karrierevejledning") if "karrierevejledning" in h else None
        k_bem = next((h.index(k) for k in ("indhold", "bemaerkning") if k in h), None)
        typer = {slug(visningsnavn(v)): v.value for v in Samtaletype}
        tilbage = []
        for ri, rad in enumerate(g[1:], start=1):
            typ = typer.get(slug(rad[k_type]))
            når = rad[k_når] if k_når < len(rad) else ""
            dag = (int(m.group(1)) if (m := _SENEST_DAG.search(når))
                   else læs_tidspunkt_i_ansættelse(når, (ans or {}).get("måneder") or 1))
            if ans is None or typ is None or dag is None:
                if any(x.strip() for x in rad):
                    tilbage.append(" · ".join(x for x in rad if x.strip()))
                continue
            s = {"type": typ, "senest_dag": dag}
            if k_kar is not None:
                s["karrierevejledning"] = slug(rad[k_kar]) != "nej"
            celle = _celle_ved(t.rækker[ri], k_bem) if k_bem is not None else None
            blokke = celle.blokke if celle else []
            if any(isinstance(b, Afsnit) and " ".join(b.tekst.split()) == _UDEN_KARRIERE for b in blokke):
                s["karrierevejledning"] = False
                blokke = [b for b in blokke if not (isinstance(b, Afsnit) and " ".join(b.tekst.split()) == _UDEN_KARRIERE)]
            bem = til_markdown(blokke) if blokke else ""
            if bem:
                s["bemærkning"] = bem
            ans["vejledersamtaler"].append(s)
        return tilbage

    def forskningstabel(self, t: Tabel) -> None:
        plan: dict = {}
        for rad in t.gitter():
            self._kilde("forskningstræning", "Word: " + " · ".join(x for x in rad if x.strip()))
            label = slug(rad[0])
            if label == "planlagt" and (p := periode(rad[1])):
                plan["fra_måned"], plan["til_måned"] = p
            elif label == "teoridel" and (p := periode(rad[1])):
                plan["teori_til_måned"] = p[1]
        if plan:
            self.u.forskningstræning = plan

    def forsidefelt(self, label: str, værdi: str, blok: Blok | None = None) -> bool:
        felt = FORSIDEFELTER.get(" ".join(label.lower().split()).rstrip(":"))
        linjer = [" ".join(linje.split()) for linje in værdi.splitlines()]  # one author a line, as uddprog writes
        værdi = " ".join(værdi.split())
        if " ".join(label.lower().split()) in FORSIDE_DANNET:
            return True
        if felt is None or not værdi:
            return False
        if felt == "udarbejdet_af":
            for navn in (n for linje in linjer for n in linje.split(";")):
                if navn.strip():
                    self.u.udarbejdet_af.append(_forfatter(navn.strip(), self.skabelon))
        elif felt in ("godkendt_dato", "næste_revision"):
            d = læs_dansk_dato(værdi)
            if d is None:
                return False
            setattr(self.u, felt, d)
        else:
            setattr(self.u, felt, værdi)
        return True


_STREG_RE = re.compile(_STREG)


def _antal_vurderinger(tekst: str, uddprog: bool) -> int | None:
    """The planned number of assessments in an assessment cell: "3 vurderinger" or "3 ×"; in another
    region's document also "(mindst 3)". In uddprog's own output "(mindst 3 i forløbet)" is the
    målbeskrivelse's minimum, not the plan's number, so it is not read as one."""
    m = _ANTAL.search(tekst)
    if m:
        return int(m.group(1) or m.group(2))
    m = None if uddprog else _MINDST.search(tekst)
    return int(m.group(1)) if m else None


def _uden_kort(tekst: str, k) -> str:
    """An assessment cell without the 'Kompetencekort: …' line uddprog generates from the målbeskrivelse."""
    kort = getattr(k, "kompetencekort", None) if k is not None else None
    if not kort:
        return tekst
    dannet = " ".join(("Kompetencekort: " + "; ".join(f"{c.id} – {c.titel}" for c in kort)).split())
    norm = " ".join(tekst.split())
    return norm[: -len(dannet)].strip() if norm.endswith(dannet) else tekst


def _uden_krav(tekst: str, kursus, varighed: int) -> str:
    """A course's remark without the requirement uddprog writes first (from the målbeskrivelse's window)."""
    if kursus is not None:
        krav = regler.kursuskrav(kursus, varighed)
        krav = " ".join((krav[:1].upper() + krav[1:]).split())
        norm = " ".join(tekst.split())
        if krav and norm.startswith(krav):
            return re.sub(r"^[.\s]+", "", norm[len(krav):])
    return _KRAV.sub("", tekst)
_DAGE = re.compile(r"^(\d+) dage(?:, (.*))?$")


def _opholdsvarighed(tekst: str) -> dict:
    """uddprog writes an ophold's duration as 'N dage, <varighed>': days become `dage`, the rest `varighed`."""
    m = _DAGE.match(tekst)
    if not m:
        return {"varighed": tekst}
    return {"dage": int(m.group(1)), "varighed": m.group(2)}


def _celle_ved(række, kol: int):
    i = 0
    for c in række:
        if i == kol:
            return c
        i += c.spænd
        if i > kol:
            return None
    return None


def _driftsregion(tekst: str) -> str | None:
    n = slug(tekst)
    for d in Driftsregion:
        if slug(d.value) in n.split("-") or slug(visningsnavn(d)) in n:
            return d.value
    return None


def _forfatter(tekst: str, skabelon: NationalSkabelon) -> dict:
    """'Navn, titel, Rolle' (as uddprog writes it) or 'Navn, titel med rolleord' -> an author entry."""
    dele = [d.strip() for d in tekst.split(",") if d.strip()]
    navn, rest = (dele[0], dele[1:]) if dele else (tekst, [])
    rolle = None
    if rest:
        sidste = slug(rest[-1])
        rolle = next((str(r) for r in Ansvarsrolle if sidste in (slug(visningsnavn(r)), str(r))), None)
        if rolle:
            rest = rest[:-1]
    if rolle is None:
        rolle = next((r for d in rest if (r := navngivet_rolle(d))), None)
    ud = {"navn": navn, "rolle": rolle, "titel": ", ".join(rest) or None}
    if rolle is None:
        ud["rolle"] = str(skabelon.påkrævede_forfatterroller[0]) if skabelon.påkrævede_forfatterroller else "pkl"
        ud["note"] = "rollen er gættet; ret den"
    return ud


def udtræk(op: Opdeling, mb: Maalbeskrivelse, skabelon: NationalSkabelon,
           region: Videreuddannelsesregion) -> Trinresultat[Udkast]:
    """Sections and front matter -> the draft's data and texts (see the module docstring)."""
    res: Trinresultat[Udkast] = Trinresultat(None)  # type: ignore[arg-type]
    x = _Udtræk(op, mb, skabelon, region, res)
    u = x.u
    u.titel = op.titel
    for s in op.undertitler:  # uddprog's own subtitle: "Videreuddannelsesregion Nord · <forløb>"
        if " · " in s and s.split(" · ")[0].startswith("Videreuddannelsesregion"):
            u.forløb = s.split(" · ", 1)[1]
    u.overskrifter = {d.sektion for d in op.dele if d.sektion}
    for d in op.dele:
        if d.sektion:
            u.originaltitler.setdefault(d.sektion, []).append(d.titel)

    sektioner, tilside = _fordel(x, _forside(x))
    alle = [*sektioner.values(), *(b for _, b in tilside)]
    # The forløb table first: it defines the ansættelser every other table and heading refers to.
    for blokke in alle:
        for b in list(blokke):
            if isinstance(b, Tabel) and tabelart(b) == "forløb" and not u.ansættelser:
                x.forløbstabel(b)
                blokke.remove(b)
    # Presentations sit in the section(s) the template gives the uddannelsessteder block; a document without
    # such a section may have them in any other section but the competency plan's.
    steder = [s.id for s in skabelon.sektioner if "uddannelsessteder" in s.blokke and s.id in sektioner]
    if not steder:
        plan = {s.id for s in skabelon.sektioner if "kompetenceplan" in s.blokke}
        steder = [sid for sid in sektioner if sid not in plan]
    for sid in steder:
        sektioner[sid][:] = x.præsentationer(Del("", op.niveau, sektioner[sid]))
    if not u.ansættelser:
        res.advarsel("Ingen ansættelser fundet (hverken en forløbstabel eller overskrifter pr. ansættelse); "
                     "udkastet har én ansættelse med UDFYLD.")
        x._ny_ansættelse("UDFYLD", "UDFYLD")
    for blokke in alle:
        blokke[:] = _datatabeller(x, blokke)
    # Prose guesses only in other documents: uddprog's own output has all its data in tables.
    if not u.kurser and not op.uddprog:
        _kurser_i_teksten(x, [b for sid in _sektioner_med(skabelon, "kurser") for b in sektioner.get(sid, [])])
    if u.forskningstræning is None and mb.forskningstræning is not None and not op.uddprog:
        _forskning_i_teksten(x, [b for sid in _sektioner_med(skabelon, "forskningstræning") for b in sektioner.get(sid, [])])

    for s in skabelon.sektioner:
        if s.id in sektioner:
            u.sektioner[s.id] = til_markdown(sektioner[s.id], x.md_grund)
    foran = []
    for titel, blokke in tilside:
        md = til_markdown(blokke, op.niveau)
        foran.append(f"## {titel}" + (f"\n\n{md}" if md else ""))
    u.ikke_placeret = foran + u.ikke_placeret

    if not u.forløb and " – " in u.titel:
        u.forløb, u.forløb_gættet = u.titel.rsplit(" – ", 1)[1].strip(), True
    u.fundet = {"afsnit": len(u.sektioner), "ansættelser": len(u.ansættelser),
                "kompetencer": len(u.kompetenceplan), "kurser": len(u.kurser),
                "fokuserede ophold": len(u.fokuserede_ophold), "forskningstræning": int(bool(u.forskningstræning)),
                "forfattere": len(u.udarbejdet_af)}
    res.værdi = u
    return res


def _sektioner_med(skabelon: NationalSkabelon, blok: str) -> list[str]:
    return [s.id for s in skabelon.sektioner if blok in s.blokke]


_MÅNEDSPERIODE = re.compile(rf"måned(?:erne)?\s+(\d{{1,3}})\.?\s*(?:{_STREG}|til)\s*(\d{{1,3}})", re.I)


def _forskning_i_teksten(x: _Udtræk, blokke: list[Blok]) -> None:
    """One period named in the research section's text ("i måned 20–40") is taken as the plan, as a guess."""
    tekst = " ".join(b.tekst for b in blokke if isinstance(b, Afsnit))
    fundne = {(int(a), int(b)) for a, b in _MÅNEDSPERIODE.findall(tekst)}
    if len(fundne) == 1:
        fra, til = fundne.pop()
        if 1 <= fra <= til <= 120:
            x.u.forskningstræning = {"fra_måned": fra, "til_måned": til,
                                     "note": f"perioden er læst i teksten ({måneder_tekst(fra, til)}); tjek den"}


_ÉN_MÅNED = re.compile(r"måned\s+(\d{1,3})(?!\d)(?!\.?\s*(?:[-–—]|til)\s*\d)", re.I)


def _kurser_i_teksten(x: _Udtræk, blokke: list[Blok]) -> None:
    """A paragraph or list item naming one course of the målbeskrivelse (by id or title) and one month
    ("SOL1 i måned 8") plans that course, as a guess."""
    for b in blokke:
        if not isinstance(b, Afsnit):
            continue
        tekst = " ".join(b.tekst.split())
        n = normaliser(tekst)
        kurser = [k for k in x.mb.kurser
                  if re.search(rf"(?<![\w-]){re.escape(k.id)}(?![\w-])", tekst, re.I) or normaliser(k.titel) in n]
        måneder = {int(m) for m in _ÉN_MÅNED.findall(tekst)}
        if len(kurser) == 1 and len(måneder) == 1 and 1 <= (m := måneder.pop()) <= 120 \
                and all(k["kursus"] != kurser[0].id for k in x.u.kurser):
            x.u.kurser.append({"kursus": kurser[0].id, "måned": m, "bemærkning": None,
                               "note": f"læst i teksten: \"{tekst[:60]}\"; tjek måneden"})


def _forsidetabel(x: _Udtræk, t: Tabel) -> list[str]:
    """A label/value table: known labels become data (their lines kept as comments); returns the other lines."""
    rest = []
    for rad in t.gitter():
        if len(rad) < 2:
            continue
        linje = f"{rad[0]}: {rad[1]}"
        if x.forsidefelt(rad[0], rad[1]):
            x.u.forsidelinjer.append(" ".join(linje.split()))
        elif linje.strip(": "):
            rest.append(linje)
    return rest


def _forside(x: _Udtræk) -> list[Blok]:
    """Front matter: a label/value table and "Label: værdi" paragraphs become data; returns the rest."""
    rest: list[Blok] = []
    for b in x.op.forside:
        if isinstance(b, Tabel) and tabelart(b) == "forside":
            rest += [_tekstafsnit(linje) for linje in _forsidetabel(x, b)]
            continue
        if isinstance(b, Afsnit) and ":" in b.tekst:
            label, _, værdi = b.tekst.partition(":")
            if len(label.split()) <= 4 and x.forsidefelt(label, værdi):
                x.u.forsidelinjer.append(" ".join(b.tekst.split()))
                continue
        rest.append(b)
    return rest


def _fordel(x: _Udtræk, forside_rest: list[Blok]) -> tuple[dict[str, list[Blok]], list[tuple[str, list[Blok]]]]:
    """Parts to the template's section ids; unmatched parts (and the front matter's rest) are placed aside."""
    sektioner: dict[str, list[Blok]] = {}
    tilside: list[tuple[str, list[Blok]]] = []
    if forside_rest:
        tilside.append(("Tekst før første overskrift", forside_rest))
    for d in x.op.dele:
        if d.sektion is None:
            tilside.append((d.titel, d.blokke))
        elif d.sektion in sektioner:
            sektioner[d.sektion] += [Afsnit([Stykke(d.titel)], overskrift=d.niveau + 1)] + d.blokke
            x.res.advarsel(f"To overskrifter passer til afsnittet '{d.sektion}'; teksten er lagt sammen under "
                           f"den første, med '{d.titel}' som underoverskrift.")
        else:
            sektioner[d.sektion] = list(d.blokke)
    return sektioner, tilside


def _datatabeller(x: _Udtræk, blokke: list[Blok]) -> list[Blok]:
    """Data tables anywhere become data; returns the blocks that stay text. The heading right before a
    competency table names its ansættelse; after uddprog's research table, the målbeskrivelse's own text
    is skipped and the rest is the plan's description."""
    op, u = x.op, x.u
    mb_forskning = _tekstnøgle(x.mb.forskningstræning.beskrivelse or "") if x.mb.forskningstræning else None
    ny: list[Blok] = []
    kontekst = None
    efter_forskning = False
    plan_tekst: list[Blok] = []
    samtale_ans = None
    for i, b in enumerate(blokke):
        nxt = blokke[i + 1] if i + 1 < len(blokke) else None
        if op.uddprog and isinstance(b, Afsnit) and not b.overskrift:
            linje = " ".join(b.tekst.split())
            if (m := _SAMTALER_OVERSKRIFT.match(linje)) and 1 <= int(m.group(1)) <= len(u.ansættelser):
                samtale_ans = u.ansættelser[int(m.group(1)) - 1]
                continue
            if samtale_ans is not None and (m := _UDDANNELSESPLAN.match(linje)):
                dag = int(m.group(1)) if m.group(1) else læs_tidspunkt_i_ansættelse(
                    m.group(2), samtale_ans.get("måneder") or 1)
                if dag:
                    samtale_ans["uddannelsesplan_senest_dag"] = dag
                    continue
        if isinstance(b, Afsnit) and b.overskrift:
            titel = " ".join(b.tekst.split())
            if op.uddprog and titel in DANNEDE_OVERSKRIFTER:
                continue
            a = x._ansættelse_for(titel)
            if a is not None and isinstance(nxt, Tabel) and tabelart(nxt) == "kompetencer":
                kontekst = a
                if not op.uddprog:
                    x._kilde("kompetenceplan", f"Overskrift i Word: {titel}")
                continue
            kontekst = None
        if isinstance(b, Tabel):
            art = tabelart(b)
            tilbage: list[str] = []
            if art == "samtaler" and not (op.uddprog and samtale_ans is not None):
                ny.append(b)  # another document's table of conversations is text
                continue
            if art == "kompetencer" and op.uddprog and _er_kompetenceskema(b):
                pass  # uddprog's annex: the målbeskrivelse's checklist with the plan's periods, both known
            elif art == "kompetencer":
                tilbage = x.kompetencetabel(b, kontekst)
            elif art == "kurser":
                tilbage = x.kursustabel(b)
            elif art == "ophold":
                tilbage = x.opholdstabel(b)
            elif art == "samtaler" and op.uddprog and samtale_ans is not None:
                tilbage = x.samtaletabel(b, samtale_ans)
                samtale_ans = None if tilbage else samtale_ans
            elif art == "forskning":
                x.forskningstabel(b)
                efter_forskning = op.uddprog
            elif art == "rolledækning" and op.uddprog:
                pass  # generated from the kompetenceplan
            elif art == "forside":
                tilbage = _forsidetabel(x, b)
            else:
                ny.append(b)
                continue
            if tilbage:
                u.ikke_placeret.append("Rækker fra en tabel, som ikke kunne læses som data:\n\n"
                                       + "\n".join(f"- {r}" for r in tilbage))
            kontekst = None
            continue
        if efter_forskning and isinstance(b, Afsnit):
            if mb_forskning and _tekstnøgle(b.tekst) and _tekstnøgle(b.tekst) in mb_forskning:
                continue  # the målbeskrivelse's own text, generated by uddprog
            plan_tekst.append(b)
            continue
        ny.append(b)
    if plan_tekst and u.forskningstræning is not None:
        u.forskningstræning["beskrivelse"] = til_markdown(plan_tekst, x.md_grund)
    return ny


def _tekstafsnit(tekst: str) -> Afsnit:
    return Afsnit([Stykke(tekst)])


def _tekstnøgle(tekst: str) -> str:
    return " ".join(re.sub(r"[*_\[\]()`\\]", "", tekst).split()).lower()
