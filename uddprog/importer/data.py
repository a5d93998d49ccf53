"""Sections and tables -> the programme's data: ansættelser, kompetenceplan, courses, focused stays,
research training and responsibility; the remaining text -> Markdown per template section.

Tables are classified in ``tabeller.py``. Periods are read in any form a document writes them
(``perioder.py``: calendar dates become months, and the dates are kept as information);
competencies by their number in any common scheme or by a title alike enough to the
målbeskrivelse's (``lighed.py``), places by their words ("Aalborg", "Esbjerg og Middelfart",
"Begge steder" for each). What is guessed is said in a ``gæt:`` comment next to the value,
what is not recognised stays text, so nothing is lost; the report says per table how many
rows became data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .. import regler
from ..datoer import dansk_dato, læs_tidspunkt_i_ansættelse, måneder_tekst
from ..markdown import HEADING_OFFSET
from ..models import Driftsregion, Maalbeskrivelse, NationalSkabelon, Videreuddannelsesregion, visningsnavn
from ..models.vocab import Samtaletype
from ..navne import slug
from .forside import ForsideLæser, læs_forside
from .lighed import bedste, steder
from .markdown import til_markdown
from .model import Afsnit, Blok, Stykke, Tabel
from .opdeling import Del, Opdeling
from .perioder import kalenderperiode, måned_i_forløbet, måneder_mellem, træningsår
from .resultat import Trinresultat, antal
from .tabeller import (
    ANTAL,
    LÆRING,
    MINDST,
    STEDORD,
    STREG,
    VURDERING,
    Metoder,
    celle_ved,
    er_kompetenceskema,
    forfattere_i_hovedet,
    gruppe,
    hoved,
    hovedrækker,
    kol,
    nummer,
    nummer_foran,
    periode,
    tabelart,
)
from .titler import normaliser
from .varianter import DANNEDE_OVERSKRIFTER, FORSIDEFELTER

__all__ = ["Metoder", "Udkast", "periode", "tabelart", "udtræk"]

_FAKTA = re.compile(rf"^Måned\s+(\d+)(?:{STREG}(\d+))? · (\d+) måneder? · (Region [^·]+?)"
                   r"(?: · (?!Universitetshospital|Sideuddannelse i )([^·]+?))?(?: · Sideuddannelse i ([^·]+?))?"
                   r"(?: · (Universitetshospital))?$")
#: uddprog's caption over an ansættelse's vejledersamtaler table, and the line under it.
_SAMTALER_OVERSKRIFT = re.compile(r"^Vejledersamtaler i ansættelse (\d+): ")
_UDDANNELSESPLAN = re.compile(r"^Den individuelle uddannelsesplan (?:foreligger senest dag (\d+)|lægges (.+))\.$")
#: Written in uddprog's samtale table under a samtale without career guidance (the rule says it is in the others).
_UDEN_KARRIERE = "Karrierevejledning indgår ikke i denne samtale."
_SENEST_DAG = re.compile(r"dag\s*(\d+)", re.I)
_ANSÆTTELSE_OVERSKRIFT = re.compile(r"^Ansættelse\s+(\d+)\s*[:.–-]\s*(.*?)(?:\s*\(måned[^)]*\))?$", re.I)
_KRAV = re.compile(r"^(?:Tidligst måned \d+(?:, senest måned \d+)?|Senest måned \d+)(?:\.\s*|$)")
#: Words that make a part of a place's name its department ("Medicinsk Afdeling, Sydvestjysk Sygehus").
_AFDELINGSORD = re.compile(r"afdeling|afsnit|klinik|center|centret|enhed|sektion|ambulatori|almen praksis",
                           re.I)
#: A cell that names a month of the forløb ("måned 14", "mdr. 3–6", "3.–6. måned") rather than a date.
_MÅNEDSORD = re.compile(r"\bm(?:åned|aaned|dr)|^\s*\d{1,3}\s*(?:[-–—]\s*\d{1,3}\s*)?$", re.I)
#: The importer's own words around the text it sets aside (not counted as the document's words set aside).
FØR_OVERSKRIFT = "Tekst før første overskrift"
RÆKKER_TILBAGE = "Rækker fra en tabel, som ikke kunne læses som data:"
TABELHOVED = "(tabellens overskrift)"
INDPAKNING = re.compile(rf"^## {FØR_OVERSKRIFT}$|^{re.escape(RÆKKER_TILBAGE)}$|^- {re.escape(TABELHOVED)}", re.M)

#: Competency titles and course titles must be at least this alike (lighed.lighed) to be matched.
TITELTÆRSKEL = 0.6


@dataclass
class Udkast:
    """Everything the YAML writer needs; ``noter`` are comments placed next to a value (key -> text)."""

    illustrativ: bool = False
    titel: str = ""
    forløb: str | list[str] = ""
    forløb_gættet: bool = False
    overskrifter: set[str] = field(default_factory=set)     # sections whose heading was found
    originaltitler: dict[str, list[str]] = field(default_factory=dict)  # section id -> the document's headings
    forsidelinjer: list[str] = field(default_factory=list)  # front-page lines read as data
    udarbejdet_af: list[dict] = field(default_factory=list)
    godkendt_af: str = ""
    godkendt_dato: date | None = None
    næste_revision: date | None = None
    kontakt: str = ""
    start: date | None = None                                 # the forløb's first day, when the document dates it
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
    #: per data table: (kind, header, rows, rows that became data)
    tabeller: list[tuple[str, str, int, int]] = field(default_factory=list)
    fundet: dict[str, int] = field(default_factory=dict)    # for the report


# ------------------------------------------------------------------ extraction

class _Udtræk:
    def __init__(self, op: Opdeling, mb: Maalbeskrivelse, skabelon: NationalSkabelon,
                 region: Videreuddannelsesregion, res: Trinresultat, forside: ForsideLæser) -> None:
        self.op, self.mb, self.skabelon, self.region, self.res = op, mb, skabelon, region, res
        self.forside = forside
        self.u = Udkast(illustrativ=op.illustrativ)
        self.mb_titler = {normaliser(k.titel): k.id for k in mb.kompetencer}
        self.mb_ids = {k.id for k in mb.kompetencer}
        # uddprog's own output puts Markdown's '#' at Heading 4 (markdown.HEADING_OFFSET); elsewhere a
        # heading one level below the section's is '#'.
        self.md_grund = HEADING_OFFSET if op.uddprog else op.niveau

    def _kilde(self, nøgle: str, linje: str) -> None:
        """Keep a table line read as data as a comment (not for uddprog's own output, which is regenerated)."""
        if not self.op.uddprog and linje.strip():
            self.u.tabelkilder.setdefault(nøgle, []).append(linje)

    def _rækketekst(self, rad: list[str]) -> str | None:
        return None if self.op.uddprog else " · ".join(" ".join(x.split()) for x in rad if x.strip())

    # -- months
    def _måneder(self, tekst: str) -> tuple[int, int, str | None] | None:
        """A period of the forløb written in a cell: (from, to, a guess note or None). Months of the
        forløb ("måned 3–6"), training years ("2. år"), or calendar time converted with the forløb's start
        date ("november 2024", "foråret 2025")."""
        tekst = " ".join(tekst.split())
        if not tekst:
            return None
        kal = kalenderperiode(tekst) if not _MÅNEDSORD.search(tekst) else None
        if kal is not None:
            if self.u.start is None:
                return None
            fra = måned_i_forløbet(kal.fra, self.u.start)
            til = måned_i_forløbet(kal.til, self.u.start)
            if til < 1 or fra > self.mb.varighed_måneder:
                return None
            fra, til = max(1, fra), min(self.mb.varighed_måneder, til)
            note = None if kal.præcis else (f"'{tekst}' er {måneder_tekst(fra, til)} regnet fra forløbets start "
                                            f"{dansk_dato(self.u.start)}")
            return fra, til, note
        if (år := træningsår(tekst)) is not None:
            return år[0], min(år[1], self.mb.varighed_måneder), f"'{tekst}' er {måneder_tekst(*år)}"
        if (p := periode(tekst)) is not None:
            return p[0], p[1], None
        return None

    # -- ansættelser
    def _ny_ansættelse(self, sted: str, afdeling: str) -> dict:
        a = {"sted": sted.strip() or "UDFYLD", "afdeling": afdeling.strip() or "UDFYLD", "driftsregion": None,
             "universitetshospital": None, "måneder": None, "beskrivelse": None, "noter": [],
             "vejledersamtaler": [], "uddannelsesplan_senest_dag": None}
        self.u.ansættelser.append(a)
        return a

    def forløbstabel(self, t: Tabel) -> tuple[list[str], int]:
        g = t.gitter()
        n0 = hovedrækker(t)
        h = hoved(t) if n0 else [""] * len(g[0])
        k_sted = kol(h, "sted")
        k_afd = kol(h, "afdeling", {k_sted} if k_sted is not None else set())
        k_reg = kol(h, "driftsregion")
        k_uni = kol(h, "universitetshospital")
        k_mdr = kol(h, "maaneder")
        k_per = kol(h, "periode", {k for k in (k_mdr, k_sted, k_afd) if k is not None})
        k_fra, k_til = kol(h, "fra"), kol(h, "til")
        if n0:
            self._kilde("ansættelser", "Tabel i Word: " + _hovedtekst(t))
        tilbage, brugt = [], 0
        for rad in g[n0:]:
            def c(k):
                return " ".join(rad[k].split()) if k is not None and k < len(rad) else ""
            if not n0:   # a table of periods without a header: the cell without dates is the place
                k_sted = next((i for i, x in enumerate(rad) if STEDORD.search(x) and not kalenderperiode(x)), None)
            if not (c(k_sted) or c(k_afd)) or any(slug(x) in ("i-alt", "ialt", "total") for x in rad):
                if any(x.strip() for x in rad):
                    self._kilde("ansættelser", "Række ikke brugt (sum eller tom): "
                                + " · ".join(" ".join(x.split()) for x in rad if x.strip()))
                continue
            sted, afd = c(k_sted), c(k_afd)
            if not afd or not sted:
                sted, afd = _sted_og_afdeling(sted or afd)
            a = self._ny_ansættelse(sted, afd)
            brugt += 1
            a["kilde"] = self._rækketekst(rad)
            a["driftsregion"] = _driftsregion(c(k_reg)) or _driftsregion(sted)
            uni = slug(c(k_uni))
            a["universitetshospital"] = True if uni in ("ja", "x", "yes") else False if uni in ("nej", "no") else None
            tid = c(k_per) or (f"{c(k_fra)} – {c(k_til)}" if c(k_fra) and c(k_til) else "")
            if not n0:
                tid = " – ".join(x for i, x in enumerate(rad) if i != k_sted and x.strip())
            self._ansættelsens_måneder(a, c(k_mdr), tid)
        self.res.info(f"Forløbstabellen gav {antal(len(self.u.ansættelser), 'ansættelse', 'ansættelser')}.")
        return tilbage, brugt

    def _ansættelsens_måneder(self, a: dict, mdr: str, tid: str) -> None:
        """An ansættelse's months from a months cell ("12", "12 mdr.") or its period: calendar dates (the
        dates are kept and the forløb's start remembered), training years or months of the forløb."""
        if (m := re.search(r"\d+", mdr)) and not re.search(STREG, mdr):
            a["måneder"] = int(m.group())
        kal = kalenderperiode(tid) if tid and not _MÅNEDSORD.search(tid) else None
        if kal is not None and kal.præcis and kal.fra != kal.til:
            a["periode"] = kal
            if self.u.start is None and a is self.u.ansættelser[0]:
                self.u.start = kal.fra
            if a["måneder"] is None:
                a["måneder"], hele = måneder_mellem(kal.fra, kal.til)
                if not hele:
                    a["noter"].append(f"{kal.tekst()} er ikke hele måneder; {a['måneder']} er rundet")
        elif a["måneder"] is None and (år := træningsår(tid)) is not None:
            a["måneder"] = år[1] - år[0] + 1
        elif a["måneder"] is None and (p := periode(tid or mdr)) is not None:
            a["måneder"] = p[1] - p[0] + 1

    def _stednavne(self) -> list[str]:
        return [" ".join(x for x in (a["sted"], a["afdeling"]) if x != "UDFYLD") for a in self.u.ansættelser]

    def _ansættelser_i(self, tekst: str, måned: int | None = None) -> tuple[list[dict], bool]:
        """The ansættelser a cell or heading names, and whether that is ambiguous: by number ("2",
        "Ansættelse 2"), by its words ("Aalborg", "Esbjerg og Middelfart") or all ("Begge steder",
        "Alle afdelinger"). A place that occurs twice in the forløb is told apart by ``måned``."""
        tekst = " ".join(tekst.split())
        if not tekst:
            return [], False
        if (m := re.fullmatch(r"(?:ansættelse\s*)?(\d{1,2})\.?", tekst, re.I)) \
                and 1 <= int(m.group(1)) <= len(self.u.ansættelser):
            return [self.u.ansættelser[int(m.group(1)) - 1]], False
        for kandidat in (tekst, tekst.split(":", 1)[-1]):     # "Fase 1: Lægerne i Ribe"
            træf = steder(kandidat, self._stednavne())
            if træf:
                fundne = [self.u.ansættelser[j] for j in træf.indeks]
                if træf.flertydig and måned is not None:
                    ved_måned = [a for a, (fra, til) in zip(self.u.ansættelser, self._perioder())
                                 if a in fundne and fra <= måned <= til]
                    if ved_måned:
                        return ved_måned, False
                return fundne, træf.flertydig
        return [], False

    def _ansættelse_for(self, titel: str) -> dict | None:
        """The one ansættelse a heading names ("Ansættelse 2: …", "3.2 Aalborg Universitetshospital")."""
        m = _ANSÆTTELSE_OVERSKRIFT.match(titel)
        if m and 1 <= int(m.group(1)) <= len(self.u.ansættelser):
            return self.u.ansættelser[int(m.group(1)) - 1]
        fundne, flertydig = self._ansættelser_i(normaliser_overskrift(titel))
        return fundne[0] if len(fundne) == 1 and not flertydig else None

    def præsentationer(self, d: Del) -> list[Blok]:
        """Subheadings of a presentation section that name an ansættelse (a heading, or a short bold line,
        equal in words to its place): their text is its beskrivelse."""
        rest: list[Blok] = []
        aktuel: dict | None = None
        under = self.op.niveau + 1
        lav_nye = not self.u.ansættelser
        for b in d.blokke:
            er_overskrift = isinstance(b, Afsnit) and b.overskrift is not None and 1 <= b.overskrift <= under
            fed_linje = (isinstance(b, Afsnit) and not er_overskrift and b.overskrift is None and b.helt_fed
                         and b.liste is None and len(b.tekst.split()) <= 10 and not b.tekst.strip().endswith("."))
            titel = " ".join(b.tekst.split()) if er_overskrift or fed_linje else ""
            ny = self._ansættelse_for(titel) if titel and self.u.ansættelser else None
            if er_overskrift or (fed_linje and ny is not None):   # a bold line naming no place is text
                aktuel = ny
                if aktuel is None and lav_nye and b.overskrift == under and STEDORD.search(titel):
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
                        aktuel["universitetshospital"] = bool(m.group(7))
                    if m.group(5):
                        aktuel["type_tekst"] = m.group(5).strip()
                    if m.group(6):  # a side ansættelse: uddprog's fact line names its specialty
                        aktuel["speciale_tekst"] = m.group(6).strip()
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
    def _kompetence(self, nr: str, titel: str) -> tuple[str | None, str | None]:
        """(competency id, a guess note) for a row's number and title cells."""
        n = nummer(nr) if nr.strip() else None
        if n is None and (foran := nummer_foran(titel)) and foran[0] in self.mb_ids:
            n, titel = foran                                        # "Kompetence 3: Psykoser", "K3 Psykoser"
        if n is not None and n in self.mb_ids:
            # A number column may count rows rather than name competencies: a title that is exactly
            # another competency's wins (and the row's comment shows the number).
            ved_titel = self.mb_titler.get(normaliser(titel))
            return (ved_titel if ved_titel and ved_titel != n else n), None
        nt = normaliser(titel)
        if nt in self.mb_titler:
            return self.mb_titler[nt], None
        træf = bedste(titel, [(k.titel, k.id) for k in self.mb.kompetencer], TITELTÆRSKEL)
        if træf is None:
            return None, None
        return træf.værdi, (f"titlen '{' '.join(titel.split())}' ligner målbeskrivelsens '{træf.navn}' "
                            f"(lighed {_decimal(træf.score)})")

    def _perioder(self) -> list[tuple[int, int]]:
        start, ud = 1, []
        for a in self.u.ansættelser:
            mdr = a["måneder"] or 1
            ud.append((start, start + mdr - 1))
            start += mdr
        return ud

    def kompetencetabel(self, t: Tabel, kontekst: dict | None) -> tuple[list[str], int]:
        """Rows -> kompetenceplan entries (one per ansættelse the row names); returns the text of rows that
        could not be placed and how many rows became data."""
        h = hoved(t)
        n0 = hovedrækker(t)
        g = t.gitter()
        k_nr, k_komp = self._nummer_og_titel(t, h, n0)
        k_hvor = kol(h, "hvor", {k for k in (k_nr, k_komp) if k is not None})
        k_når = kol(h, "hvornaar", {k for k in (k_hvor, k_nr, k_komp) if k is not None})
        k_lær = kol(h, "laering")
        k_vur = kol(h, "vurdering")
        k_bem = kol(h, "bemaerkning")
        tilbage, brugt = [], 0
        self._kilde("kompetenceplan", "Tabel i Word: " + _hovedtekst(t))
        for ri in range(n0, len(g)):
            rad = g[ri]
            if [slug(x) for x in rad] == [slug(x) for x in g[0]]:
                continue  # a repeated header row
            if (grp := gruppe(t, ri)) is not None:   # structure, not a row of data: kept as a comment
                self._kilde("kompetenceplan", f"Gruppe i Word: {grp}")
                continue

            def c(k):
                return rad[k].strip() if k is not None and k < len(rad) else ""
            kompcelle = ""
            celle, afsnit = None, []
            bemærkning = c(k_bem)
            if k_komp is not None:
                celle = celle_ved(t.rækker[ri], k_komp)
                afsnit = [b for b in (celle.blokke if celle else []) if isinstance(b, Afsnit) and b.tekst.strip()]
                kompcelle = " ".join(afsnit[0].tekst.split()) if afsnit else c(k_komp)
            kid, titelnote = self._kompetence(c(k_nr), kompcelle)
            if kid is None:
                if any(x.strip() for x in rad):
                    tilbage.append(" · ".join(x for x in rad if x.strip()))
                continue
            brugt += 1
            k = self.mb.kompetence(kid)
            if len(afsnit) > 1 and not bemærkning:
                bemærkning = til_markdown(afsnit[1:])
            tid = self._måneder(c(k_når)) if c(k_når) else None
            per = (tid[0], tid[1]) if tid else None
            ansættelser, flertydig = ([kontekst], False) if kontekst else self._ansættelser_i(
                c(k_hvor), per[0] if per else None)
            fælles = [titelnote] if titelnote else []
            if flertydig:
                fælles.append(f"'{c(k_hvor)}' passer til flere ansættelser; tjek dem")
            if tid and tid[2]:
                fælles.append(tid[2])
            if not ansættelser and per is not None:
                ansættelser = [a for a, (fra, til) in zip(self.u.ansættelser, self._perioder()) if fra <= per[0] <= til]
            if not ansættelser and len(self.u.ansættelser) == 1:
                ansættelser = [self.u.ansættelser[0]]
            ukendt_sted = not ansættelser
            if ukendt_sted:
                ansættelser = [self.u.ansættelser[0] if self.u.ansættelser else self._ny_ansættelse("UDFYLD", "UDFYLD")]
            lær, ukendt_l = LÆRING.find(c(k_lær))
            vur_tekst = _uden_kort(c(k_vur), k) if self.op.uddprog else c(k_vur)
            vur, ukendt_v = VURDERING.find(vur_tekst)
            for ans in ansættelser:
                noter = list(fælles)
                if ukendt_sted:
                    noter.append(f"ansættelsen kunne ikke findes ud fra '{c(k_hvor)}'; tjek den" if c(k_hvor)
                                 else "ansættelsen kunne ikke findes; tjek den")
                i = self.u.ansættelser.index(ans)
                a_fra, a_til = self._perioder()[i]
                if per is not None and per[0] <= a_til and per[1] >= a_fra:
                    fra, til = max(per[0], a_fra), min(per[1], a_til)
                    if (fra, til) != per:
                        noter.append(f"perioden er {måneder_tekst(*per)} skåret til ansættelsens")
                else:
                    fra, til = a_fra, a_til
                    noter.append("perioden er hele ansættelsen; ret den")
                if not lær:
                    noter.append("læringsmetoderne er målbeskrivelsens anbefalede")
                if ukendt_l or ukendt_v:
                    noter.append("ikke genkendt: " + "; ".join(ukendt_l + ukendt_v))
                self.u.kompetenceplan.append({
                    "kompetence": kid, "ansættelse": ans, "fra_måned": fra, "til_måned": til,
                    "læringsmetoder": lær or [str(x) for x in k.læringsstrategier], "vurderingsmetoder": vur,
                    "bemærkning": bemærkning or None, "noter": noter,
                    "antal_vurderinger": _antal_vurderinger(vur_tekst, self.op.uddprog),
                    "kilde": self._rækketekst(rad)})
        return tilbage, brugt

    def _nummer_og_titel(self, t: Tabel, h: list[str], n0: int) -> tuple[int | None, int | None]:
        """The number column and the title column: among the columns whose header names either, the one
        whose cells are mostly numbers in some scheme ("K3", "Mål 3") is the number column."""
        g = t.gitter()[n0:]
        kandidater = [i for i, x in enumerate(h) if kol([x], "nr") is not None or kol([x], "kompetence") is not None]

        def tal(i: int) -> float:
            celler = [r[i] for r in g if r[i].strip()]
            return sum(1 for x in celler if nummer(x)) / len(celler) if celler else 0.0
        k_nr = next((i for i in kandidater if tal(i) >= 0.6), None)
        k_komp = next((i for i in kandidater if i != k_nr and tal(i) < 0.6), None)
        if k_nr is None and k_komp is None:
            k_nr = kol(h, "nr")
            k_komp = kol(h, "kompetence", {k_nr} if k_nr is not None else set())
        return k_nr, k_komp

    # -- courses, stays, research
    def _kursus(self, navn: str):
        """(course, guess note) for a course cell: its id ("SOL1", "SOL 1"), its title, or a title alike."""
        navn = " ".join(navn.split())
        if not navn:
            return None, None
        kompakt = re.sub(r"[\s._-]", "", navn.lower())
        første = re.sub(r"[\s._-]", "", re.split(r"\s[–—-]\s|:", navn)[0].lower())
        for k in self.mb.kurser:
            if re.sub(r"[\s._-]", "", k.id.lower()) in (kompakt, første) or normaliser(k.titel) == normaliser(navn):
                return k, None
        træf = bedste(navn, [(k.titel, k.id) for k in self.mb.kurser], TITELTÆRSKEL)
        if træf is None:
            return None, None
        k = next(x for x in self.mb.kurser if x.id == træf.værdi)
        return k, (f"titlen '{navn}' ligner målbeskrivelsens '{træf.navn}' "
                   f"(lighed {_decimal(træf.score)})")

    def _kursusmåned(self, tekst: str, kursus) -> tuple[int, str | None]:
        """The month a course is planned in: the month the document gives; a period's month inside the
        målbeskrivelse's window for the course when the document gives a season, a year or a training year
        (said as a guess); the window's month when the document gives none it can be read from."""
        vindue = regler.kursusvindue(kursus, self.mb.varighed_måneder)
        tid = self._måneder(tekst) if tekst.strip() else None
        if tid is not None:
            fra, til, note = tid
            if fra == til:
                return fra, note
            a, b = max(fra, vindue[0]), min(til, vindue[1])
            måned = (a + b) // 2 if a <= b else (fra + til) // 2
            return måned, f"'{' '.join(tekst.split())}' er {måneder_tekst(fra, til)}; måned {måned} er valgt" + (
                " inden for målbeskrivelsens vindue" if a <= b else "")
        grund = ("forløbets startdato står ikke i dokumentet" if tekst.strip() and kalenderperiode(tekst)
                 else f"tidspunktet '{' '.join(tekst.split())}' kunne ikke læses" if tekst.strip()
                 else "intet tidspunkt i dokumentet")
        return vindue[0], f"{grund}; måned {vindue[0]} er den første i målbeskrivelsens vindue"

    def kursustabel(self, t: Tabel) -> tuple[list[str], int]:
        h = hoved(t)
        n0 = hovedrækker(t)
        k_k = kol(h, "kursus")
        k_når = kol(h, "kursustid", {k_k} if k_k is not None else set())
        k_bem = next((i for i, x in enumerate(h) if x in ("krav-og-bemaerkning", "bemaerkning", "bemaerkninger")),
                     None)
        self._kilde("kurser", "Tabel i Word: " + _hovedtekst(t))
        tilbage, brugt = [], 0
        for rad in t.gitter()[n0:]:
            kursus, note = self._kursus(rad[k_k] if k_k is not None else "")
            if kursus is None:
                if any(x.strip() for x in rad):
                    tilbage.append(" · ".join(x for x in rad if x.strip()))
                continue
            brugt += 1
            måned, mnote = self._kursusmåned(rad[k_når] if k_når is not None else "", kursus)
            bem = _uden_krav(rad[k_bem].strip(), kursus, self.mb.varighed_måneder) if k_bem is not None else ""
            noter = [n for n in (note, mnote) if n]
            self.u.kurser.append({"kursus": kursus.id, "måned": måned, "bemærkning": bem or None,
                                  "note": "; ".join(noter) or None, "kilde": self._rækketekst(rad)})
        return tilbage, brugt

    def opholdstabel(self, t: Tabel) -> tuple[list[str], int]:
        h = hoved(t)
        g = t.gitter()
        k_sted, k_ans = h.index("sted") if "sted" in h else None, kol(h, "hvor", {h.index("sted")} if "sted" in h else set())
        k_når = h.index("hvornaar") if "hvornaar" in h else None
        k_var = h.index("varighed") if "varighed" in h else None
        k_for = h.index("formaal") if "formaal" in h else None
        k_komp = h.index("kompetencer") if "kompetencer" in h else None
        tilbage, brugt = [], 0
        for ri, rad in enumerate(g[1:], start=1):
            per = periode(rad[k_når]) if k_når is not None else None
            fundne, _ = self._ansættelser_i(rad[k_ans], per[0] if per else None) if k_ans is not None else ([], False)
            ans = fundne[0] if len(fundne) == 1 else None
            if per is None or ans is None or k_sted is None:
                if any(x.strip() for x in rad):
                    tilbage.append(" · ".join(x for x in rad if x.strip()))
                continue
            brugt += 1
            celle = celle_ved(t.rækker[ri], k_for) if k_for is not None else None
            formål = til_markdown(celle.blokke) if celle else ""
            komp_tekst = rad[k_komp] if k_komp is not None else ""
            komp = [k.id for k in self.mb.kompetencer if f"{k.id} {k.titel}" in komp_tekst]
            komp.sort(key=lambda kid: komp_tekst.index(f"{kid} {self.mb.kompetence(kid).titel}"))
            self.u.fokuserede_ophold.append({
                "sted": " ".join(rad[k_sted].split()), "ansættelse": ans, "fra_måned": per[0], "til_måned": per[1],
                **_opholdsvarighed(" ".join(rad[k_var].split()) if k_var is not None else "UDFYLD"),
                "formål": formål or "UDFYLD", "kompetencer": komp, "kilde": self._rækketekst(rad)})
        return tilbage, brugt

    def samtaletabel(self, t: Tabel, ans: dict | None) -> tuple[list[str], int]:
        """uddprog's vejledersamtaler table of one ansættelse: type, when ("inden for den første måned", or
        "senest dag 30" from earlier versions), content (a note when career guidance is not part of it)."""
        h = hoved(t)
        g = t.gitter()
        k_type, k_når = h.index("samtale"), h.index("hvornaar")
        k_kar = h.index("karrierevejledning") if "karrierevejledning" in h else None
        k_bem = next((h.index(k) for k in ("indhold", "bemaerkning") if k in h), None)
        typer = {slug(visningsnavn(v)): v.value for v in Samtaletype}
        tilbage, brugt = [], 0
        for ri, rad in enumerate(g[1:], start=1):
            typ = typer.get(slug(rad[k_type]))
            når = rad[k_når] if k_når < len(rad) else ""
            dag = (int(m.group(1)) if (m := _SENEST_DAG.search(når))
                   else læs_tidspunkt_i_ansættelse(når, (ans or {}).get("måneder") or 1))
            if ans is None or typ is None or dag is None:
                if any(x.strip() for x in rad):
                    tilbage.append(" · ".join(x for x in rad if x.strip()))
                continue
            brugt += 1
            s = {"type": typ, "senest_dag": dag}
            if k_kar is not None:
                s["karrierevejledning"] = slug(rad[k_kar]) != "nej"
            celle = celle_ved(t.rækker[ri], k_bem) if k_bem is not None else None
            blokke = celle.blokke if celle else []
            if any(isinstance(b, Afsnit) and " ".join(b.tekst.split()) == _UDEN_KARRIERE for b in blokke):
                s["karrierevejledning"] = False
                blokke = [b for b in blokke if not (isinstance(b, Afsnit) and " ".join(b.tekst.split()) == _UDEN_KARRIERE)]
            bem = til_markdown(blokke) if blokke else ""
            if bem:
                s["bemærkning"] = bem
            ans["vejledersamtaler"].append(s)
        return tilbage, brugt

    def forskningstabel(self, t: Tabel) -> tuple[list[str], int]:
        """The research plan from a label/value table; without a readable planned period there is no plan
        (a theory deadline alone is not one), and the rows are returned to stay text."""
        plan: dict = {}
        rækker = [" · ".join(x for x in rad if x.strip()) for rad in t.gitter()]
        for rad in t.gitter():
            label = slug(rad[0])
            if label == "planlagt" and (p := periode(rad[1])):
                plan["fra_måned"], plan["til_måned"] = p
            elif label == "teoridel" and (p := periode(rad[1])):
                plan["teori_til_måned"] = p[1]
        if "fra_måned" not in plan:
            return [r for r in rækker if r], 0
        for r in rækker:
            self._kilde("forskningstræning", "Word: " + r)
        self.u.forskningstræning = plan
        return [], len(rækker)


def _decimal(x: float) -> str:
    """0.83 -> '0,83' (Danish decimal comma)."""
    return f"{x:.2f}".replace(".", ",")


def normaliser_overskrift(titel: str) -> str:
    """A heading without its number ("3.2 ", "IX. ") for matching against places."""
    return re.sub(r"^\s*(?:(?:\d+[.)]?)+\d*|[IVXLC]+\.)\s+", "", titel)


def _sted_og_afdeling(tekst: str) -> tuple[str, str]:
    """'Medicinsk Afdeling, Sydvestjysk Sygehus, Esbjerg' -> (sted, afdeling): the part with a department word
    is the afdeling, the rest the place; 'Lægerne i Ribe (almen praksis)' has its afdeling in parentheses."""
    tekst = " ".join(tekst.split())
    parentes = ""
    if m := re.fullmatch(r"(.*?)\s*\(([^()]+)\)", tekst):
        tekst, parentes = m.group(1), m.group(2)
    dele = [d.strip() for d in tekst.split(", ") if d.strip()]
    if len(dele) >= 2:
        afd = next((d for d in dele if _AFDELINGSORD.search(d)), None)
        if afd is not None:
            return ", ".join(d for d in dele if d is not afd), afd
    return tekst, parentes[:1].upper() + parentes[1:] if parentes else ""


def _antal_vurderinger(tekst: str, uddprog: bool) -> int | None:
    """The planned number of assessments in an assessment cell: "3 vurderinger" or "3 ×"; in another
    region's document also "(mindst 3)". In uddprog's own output "(mindst 3 i forløbet)" is the
    målbeskrivelse's minimum, not the plan's number, so it is not read as one."""
    m = ANTAL.search(tekst)
    if m:
        return int(m.group(1) or m.group(2))
    m = None if uddprog else MINDST.search(tekst)
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


def _driftsregion(tekst: str) -> str | None:
    n = slug(tekst)
    for d in Driftsregion:
        if slug(d.value) in n.split("-") or slug(visningsnavn(d)) in n:
            return d.value
    return None


def _titler(op: Opdeling) -> list[str]:
    return [t for t in (op.titel, *op.undertitler) if t]


def udtræk(op: Opdeling, mb: Maalbeskrivelse, skabelon: NationalSkabelon,
           region: Videreuddannelsesregion) -> Trinresultat[Udkast]:
    """Sections and front matter -> the draft's data and texts (see the module docstring)."""
    res: Trinresultat[Udkast] = Trinresultat(None)  # type: ignore[arg-type]
    forside, læser = læs_forside(op.forside, _titler(op), skabelon)
    x = _Udtræk(op, mb, skabelon, region, res, læser)
    u = x.u
    for s in op.undertitler:  # uddprog's own subtitle: "Videreuddannelsesregion Nord · <forløb>"
        if " · " in s and s.split(" · ")[0].startswith("Videreuddannelsesregion"):
            u.forløb = s.split(" · ", 1)[1]
    u.overskrifter = {d.sektion for d in op.dele if d.sektion}
    for d in op.dele:
        if d.sektion:
            u.originaltitler.setdefault(d.sektion, []).append(d.titel)

    sektioner, tilside = _fordel(x, forside.rest)
    alle = [*sektioner.values(), *(b for _, b in tilside)]
    # The forløb table first: it defines the ansættelser every other table and heading refers to.
    for blokke in alle:
        for b in list(blokke):
            if isinstance(b, Tabel) and tabelart(b) == "forløb" and not u.ansættelser:
                tilbage, brugt = x.forløbstabel(b)
                _tæl(u, "forløb", b, brugt, tilbage)
                blokke.remove(b)
    _forfatterafsnit(x, tilside)
    _præsentationsafsnit(x, sektioner, tilside)
    alle = [*sektioner.values(), *(b for _, b in tilside)]
    # Presentations sit in the section(s) the template gives the uddannelsessteder block; a document without
    # such a section may have them in any other section but the competency plan's.
    stedsektioner = [s.id for s in skabelon.sektioner if "uddannelsessteder" in s.blokke and s.id in sektioner]
    if not stedsektioner:
        plan = {s.id for s in skabelon.sektioner if "kompetenceplan" in s.blokke}
        stedsektioner = [sid for sid in sektioner if sid not in plan]
    for sid in stedsektioner:
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

    f = læser.f
    u.titel = f.titel or op.dokumenttitel
    u.forsidelinjer = f.linjer
    u.udarbejdet_af = f.forfattere
    u.godkendt_af, u.godkendt_dato, u.næste_revision, u.kontakt = (f.godkendt_af, f.godkendt_dato,
                                                                    f.næste_revision, f.kontakt)
    if f.forløb and (not u.forløb or isinstance(f.forløb, list)):
        u.forløb = f.forløb
    if not u.forløb and " – " in u.titel:
        u.forløb, u.forløb_gættet = u.titel.rsplit(" – ", 1)[1].strip(), True
    u.fundet = {"afsnit": len(u.sektioner), "ansættelser": len(u.ansættelser),
                "kompetencer": len(u.kompetenceplan), "kurser": len(u.kurser),
                "fokuserede ophold": len(u.fokuserede_ophold), "forskningstræning": int(bool(u.forskningstræning)),
                "forfattere": len(u.udarbejdet_af)}
    res.værdi = u
    return res


def _forfatterafsnit(x: _Udtræk, tilside: list[tuple[str, list[Blok]]]) -> None:
    """A section of its own holding only author tables ("Forfattere", "Udarbejdet af"): the tables give the
    authors and its heading is kept with the front page's lines, so nothing of it is set aside."""
    for del_ in list(tilside):
        titel, blokke = del_
        etiket = FORSIDEFELTER.get(" ".join(normaliser_overskrift(titel).lower().split()).rstrip(": "))
        if titel == FØR_OVERSKRIFT or not blokke or not (etiket == "udarbejdet_af" or "forfatter" in slug(titel)):
            continue
        if all(isinstance(b, Tabel) and tabelart(b) == "forfattere" for b in blokke) \
                and all(x.forside.forfattertabel(b) for b in blokke):
            x.forside.f.linjer.insert(0, f"Overskrift i Word: {titel}")
            tilside.remove(del_)


def _præsentationsafsnit(x: _Udtræk, sektioner: dict[str, list[Blok]], tilside: list[tuple[str, list[Blok]]]) -> None:
    """A section the template does not know, whose sub-headings mostly name ansættelser ("Afdelingerne", "Dine
    to arbejdspladser"), presents them: it joins the section that holds the presentations (its heading is kept
    as the section's Word heading), where each presentation becomes its ansættelse's beskrivelse."""
    mål = next((s.id for s in x.skabelon.sektioner if "uddannelsessteder" in s.blokke), None)
    if mål is None or not x.u.ansættelser:
        return
    under = x.op.niveau + 1
    for del_ in list(tilside):
        titel, blokke = del_
        if titel == FØR_OVERSKRIFT:
            continue
        overskrifter = [" ".join(b.tekst.split()) for b in blokke
                        if isinstance(b, Afsnit) and b.overskrift == under and b.tekst.strip()]
        navngivne = [o for o in overskrifter if x._ansættelse_for(o) is not None]
        if navngivne and 2 * len(navngivne) >= len(overskrifter):
            tilside.remove(del_)
            sektioner.setdefault(mål, []).extend(blokke)
            x.u.overskrifter.add(mål)
            x.u.originaltitler.setdefault(mål, []).append(titel)


def _hovedtekst(t: Tabel) -> str:
    """The header row(s) of a table as one line: each cell once."""
    rækker = t.gitter(udfyld=False)[:max(1, hovedrækker(t))] if t.rækker else []
    return " · ".join(" ".join(x.split()) for r in rækker for x in r if x.strip())


def _tæl(u: Udkast, art: str, t: Tabel, brugt: int, tilbage: list[str]) -> None:
    """Record how many of a data table's rows became data (for the report)."""
    u.tabeller.append((art, _hovedtekst(t).replace(" · ", " | ")[:60], brugt + len(tilbage), brugt))


def _sektioner_med(skabelon: NationalSkabelon, blok: str) -> list[str]:
    return [s.id for s in skabelon.sektioner if blok in s.blokke]


_MÅNEDSPERIODE = re.compile(rf"måned(?:erne)?\s+(\d{{1,3}})\.?\s*(?:{STREG}|til)\s*(\d{{1,3}})", re.I)


def _forskning_i_teksten(x: _Udtræk, blokke: list[Blok]) -> None:
    """One period named in the research section's text ("i måned 20–40") is taken as the plan, as a guess
    that keeps the målbeskrivelse's theory deadline."""
    tekst = " ".join(b.tekst for b in blokke if isinstance(b, Afsnit))
    fundne = {(int(a), int(b)) for a, b in _MÅNEDSPERIODE.findall(tekst)}
    if len(fundne) == 1:
        fra, til = fundne.pop()
        if 1 <= fra <= til <= 120:
            plan = {"fra_måned": fra, "til_måned": til,
                    "note": f"perioden er læst i teksten ({måneder_tekst(fra, til)}); tjek den"}
            krav = x.mb.forskningstræning
            if krav is not None and krav.teori_inden_måneder:
                plan["teori_til_måned"] = min(fra + krav.teori_inden_måneder - 1, til)
                plan["note"] += "; teoridelens slutmåned er målbeskrivelsens frist"
            x.u.forskningstræning = plan


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


def _fordel(x: _Udtræk, forside_rest: list[Blok]) -> tuple[dict[str, list[Blok]], list[tuple[str, list[Blok]]]]:
    """Parts to the template's section ids; unmatched parts (and the front matter's rest) are placed aside."""
    sektioner: dict[str, list[Blok]] = {}
    tilside: list[tuple[str, list[Blok]]] = []
    if forside_rest:
        tilside.append((FØR_OVERSKRIFT, forside_rest))
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
    is skipped and the rest is the plan's description. A data table none of whose rows became data stays
    where it is, as a table; rows left over from a table that did give data are set aside with its header."""
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
        if isinstance(b, Afsnit) and (b.overskrift or (b.helt_fed and len(b.tekst.split()) <= 12)) and b.tekst.strip():
            titel = " ".join(b.tekst.split())
            if op.uddprog and titel in DANNEDE_OVERSKRIFTER:
                continue
            if isinstance(nxt, Tabel) and tabelart(nxt) == "kompetencer" and (a := x._ansættelse_for(titel)):
                kontekst = a
                if not op.uddprog:
                    x._kilde("kompetenceplan", f"Overskrift i Word: {titel}")
                continue
            kontekst = None
        if isinstance(b, Tabel):
            art = tabelart(b)
            tilbage: list[str] = []
            brugt = 0
            if art == "samtaler" and not (op.uddprog and samtale_ans is not None):
                ny.append(b)  # another document's table of conversations is text
                continue
            if art == "kompetencer" and op.uddprog and er_kompetenceskema(b):
                kontekst = None
                continue  # uddprog's annex: the målbeskrivelse's checklist with the plan's periods, both known
            if art == "kompetencer":
                tilbage, brugt = x.kompetencetabel(b, kontekst)
            elif art == "kurser":
                tilbage, brugt = x.kursustabel(b)
            elif art == "ophold":
                tilbage, brugt = x.opholdstabel(b)
            elif art == "samtaler" and op.uddprog and samtale_ans is not None:
                tilbage, brugt = x.samtaletabel(b, samtale_ans)
                samtale_ans = None if tilbage else samtale_ans
            elif art == "forskning":
                tilbage, brugt = x.forskningstabel(b)
                efter_forskning = op.uddprog and not tilbage
            elif art == "rolledækning" and op.uddprog:
                kontekst = None
                continue  # generated from the kompetenceplan
            elif art == "forfattere":
                if not forfattere_i_hovedet(b) or not x.forside.forfattertabel(b):
                    ny.append(b)     # a table of people that does not say they wrote the programme is text
                    continue
                brugt = len(b.rækker) - hovedrækker(b)
            elif art == "forside":
                rest = x.forside.tabel(b)
                tilbage, brugt = (rest, 1) if rest is not None else ([], 0)
                if rest is None:
                    ny.append(b)
                    continue
            else:
                ny.append(b)
                continue
            _tæl(u, art, b, brugt, tilbage)
            if not brugt and not op.uddprog:
                ny.append(b)         # nothing became data: the table stays text where it is
            elif tilbage:
                hoved_ = [] if art == "forside" else [f"{TABELHOVED} {_hovedtekst(b)}"]   # label/value: no header
                u.ikke_placeret.append(f"{RÆKKER_TILBAGE}\n\n" + "\n".join(f"- {r}" for r in [*hoved_, *tilbage]))
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


def _tekstnøgle(tekst: str) -> str:
    return " ".join(re.sub(r"[*_\[\]()`\\]", "", tekst).split()).lower()

