"""The front matter (everything before the first section heading) -> title, authors, approval, contact.

Regions write the same few facts in many ways:

- **the title**: a Title style, a big or bold line, a subtitle under a generic "UDDANNELSESPROGRAM";
  a line that only says what kind of document it is, or names the region or the målbeskrivelse, is
  never the title;
- **authors**: "Label: værdi" paragraphs or label/value tables, a table of people with their functions
  ("Navn | Funktion | Arbejdssted"), several in one cell (lines,
  paragraphs or ";"), in one sentence ("Udarbejdet af A (…) og B (…)"), as a list under a label that
  ends with a colon, or in pandoc's Author paragraphs; each as "Navn, titel" or "Navn (titel)", the
  role read from the title's words;
- **approval**: "Godkendt: 2. juni 2021 af Videreuddannelsesudvalget", "Godkendt af UGUP den 5.
  november 2024", "Godkendt i Det Regionale Råd … | 14.03.2024", a version table with "Dato" and
  "Godkendt af" columns: the date and the approver both;
- **who is responsible** ("Ansvarlig for programmet: …", "Programansvarlig: …") -> ``kontakt``.

Lines read as data, and lines that name the målbeskrivelse or region, are kept as comments in the
draft; everything else stays text (``rest``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..datoer import læs_dansk_dato
from ..models import Ansvarsrolle, NationalSkabelon, visningsnavn
from ..navne import navngivet_rolle, slug
from .model import Afsnit, Blok, Stykke, Tabel
from .perioder import datoer
from .tabeller import forfatterkolonner, hovedrækker, tabelart
from .varianter import FORSIDE_DANNET, FORSIDEFELTER, GENERISKE_TITLER

_MB_LINJE = re.compile(r"målbeskrivelse", re.I)
_REGION_LINJE = re.compile(r"^(?:region\s+\w+|videreuddannelsesregion\s+\w+(?:\s+·.*)?)$", re.I)
#: A paragraph that begins with a front-page label and no colon: "Godkendt af UGUP den …", "Udarbejdet af …".
_LØS_ETIKET = re.compile(r"^(godkendt|udarbejdet af|revideres senest|næste revision)\b", re.I)
_GODKENDT_START = re.compile(r"^\s*godkend\w*\s*(?:(?:af|i|den|d\.|dato)\b\s*)?:?\s*", re.I)
_FORBINDER = re.compile(r"^(?:[,;:.\s]|\baf\b|\bi\b|\bden\b|\bd\.|\bdato\b|\bpå\b)+|(?:[,;:.\s]|\bden\b|\bd\.|\bpå\b)+$",
                        re.I)


@dataclass
class Forside:
    titel: str = ""
    forfattere: list[dict] = field(default_factory=list)
    godkendt_af: str = ""
    godkendt_dato: date | None = None
    næste_revision: date | None = None
    kontakt: str = ""
    forløb: str | list[str] = ""
    linjer: list[str] = field(default_factory=list)       # read as data or information: kept as comments
    mb_linjer: list[str] = field(default_factory=list)    # lines that name the målbeskrivelse
    rest: list[Blok] = field(default_factory=list)


def _en_linje(tekst: str) -> str:
    return " ".join(tekst.split())


def generisk_titel(tekst: str) -> bool:
    """A line that only says what the document is ("UDDANNELSESPROGRAM", "Uddannelsesprogram for")."""
    return slug(tekst) in GENERISKE_TITLER


def _titelagtig(b: Afsnit) -> bool:
    """A front-page line set apart as a title: a title style, or bold or larger than the body text."""
    tekst = _en_linje(b.tekst)
    if not tekst or len(tekst.split()) > 25 or tekst.endswith(".") or ":" in tekst:
        return False
    return b.overskrift == 0 or b.helt_fed or b.størrelse >= b.brødstørrelse + 2


def _info(tekst: str) -> bool:
    """A line naming the målbeskrivelse or the region: information uddprog has elsewhere, not the title."""
    return bool(_MB_LINJE.search(tekst)) or bool(_REGION_LINJE.match(tekst.strip()))


class ForsideLæser:
    """Reads front-page paragraphs and tables into one ``Forside``."""

    def __init__(self, skabelon: NationalSkabelon) -> None:
        self.skabelon = skabelon
        self.f = Forside()

    # -- one label and its value
    def felt(self, label: str, værdi: str) -> bool:
        """A label/value pair -> data; False when the label is unknown or the value unreadable."""
        nøgle = " ".join(label.lower().split()).rstrip(": ")
        værdi = værdi.strip()
        if nøgle in FORSIDE_DANNET:
            if værdi and ("målbeskrivelse" in nøgle or nøgle == "speciale"):
                self.f.mb_linjer.append(_en_linje(værdi))
            return True
        felt = FORSIDEFELTER.get(nøgle)
        if nøgle.startswith("godkend") and felt is None:
            return self.godkendelse(f"{label} {værdi}")        # "Godkendt i Det Regionale Råd …" | dato
        if felt is None or not værdi:
            return False
        if felt == "godkendt_af":
            return self.godkendelse(f"Godkendt af {værdi}")
        if felt == "godkendt_dato" and nøgle != "dato":
            return self.godkendelse(f"Godkendt {værdi}")      # "Godkendt: 2. juni 2024 af …": both
        if felt == "udarbejdet_af":
            nye = forfattere(værdi, self.skabelon)
            self.f.forfattere += nye
            return bool(nye)
        if felt in ("godkendt_dato", "næste_revision"):
            d = læs_dansk_dato(værdi)
            if d is None:
                return False
            if felt == "godkendt_dato" and nøgle == "dato" and self.f.godkendt_dato:
                return False                          # a second bare "Dato" is not the approval's
            setattr(self.f, felt, d)
            return True
        if felt == "forløb" and len(linjer := [_en_linje(x) for x in værdi.splitlines() if x.strip()]) > 1:
            self.f.forløb = linjer  # one programme for several forløb, one a line (as uddprog prints them)
            return True
        setattr(self.f, felt, _en_linje(værdi))
        return True

    def godkendelse(self, tekst: str) -> bool:
        """'Godkendt …' with a date and/or who approved: both become data."""
        rest = _GODKENDT_START.sub("", _en_linje(tekst), count=1)
        ds = datoer(rest)
        if ds:
            d = ds[0]
            if d.dag:
                self.f.godkendt_dato = self.f.godkendt_dato or d.dato
            rest = rest[:d.start] + " " + rest[d.slut:]
        elif (d2 := læs_dansk_dato(rest)) is not None:
            self.f.godkendt_dato = self.f.godkendt_dato or d2
        af = _en_linje(_FORBINDER.sub("", _en_linje(rest)))
        if af and not re.fullmatch(r"[\d\s./-]*", af):
            self.f.godkendt_af = self.f.godkendt_af or af
        return bool(af) or bool(ds)

    # -- paragraphs and tables
    def afsnit(self, b: Afsnit, næste_liste: list[Afsnit]) -> bool:
        """One front-page paragraph; returns whether it was used (the list items after it may be too)."""
        tekst = _en_linje(b.tekst)
        if (b.stilnavn or b.stil).lower() in ("author", "forfatter"):   # pandoc's (and others') Author paragraphs
            nye = forfattere(b.tekst, self.skabelon)
            self.f.forfattere += nye
            return bool(nye)
        label, kolon, værdi = tekst.partition(":")
        if kolon and len(label.split()) <= 5:
            if not værdi.strip() and næste_liste and FORSIDEFELTER.get(
                    " ".join(label.lower().split())) == "udarbejdet_af":
                nye = [a for li in næste_liste for a in forfattere(li.tekst, self.skabelon)]
                self.f.forfattere += nye
                return bool(nye)
            if self.felt(label, værdi):
                return True
        m = _LØS_ETIKET.match(tekst)
        if m:
            ord_ = m.group(1).lower()
            if ord_ == "godkendt":
                return self.godkendelse(tekst)
            if ord_ == "udarbejdet af":
                nye = forfattere(tekst[m.end():].strip().rstrip("."), self.skabelon)
                self.f.forfattere += nye
                return bool(nye)
            return self.felt(m.group(1), tekst[m.end():])
        return False

    def forfattertabel(self, t: Tabel) -> bool:
        """An author table (``tabeller.tabelart`` 'forfattere'): one author a row, its name, function and
        workplace read as 'Navn, funktion, arbejdssted'; the table's lines are kept as comments."""
        k_navn, k_fun, k_sted = forfatterkolonner(t)
        g = t.gitter()
        nye = []
        for r in g[hovedrækker(t):]:
            if _en_linje(r[k_navn]):
                nye.append(forfatter(", ".join(_en_linje(r[k]) for k in (k_navn, k_fun, k_sted)
                                               if k is not None and r[k].strip()), self.skabelon))
        if nye:
            self.f.forfattere += nye
            self.f.linjer += [" · ".join(_en_linje(c) for c in r if c.strip()) for r in g if any(c.strip() for c in r)]
        return bool(nye)

    def tabel(self, t: Tabel) -> list[str] | None:
        """A version table (its newest approval) or a label/value table (known labels become data): returns the
        rows not used, as 'label: værdi' lines, or None when the table is neither."""
        g = t.gitter()
        hoved = [slug(c) for c in g[0]] if g else []
        if len(g) >= 2 and ("godkendt-af" in hoved or "godkendt" in hoved) and any("dato" in h for h in hoved):
            ka = hoved.index("godkendt-af") if "godkendt-af" in hoved else hoved.index("godkendt")
            kd = next(i for i, h in enumerate(hoved) if "dato" in h)
            sidste = [r for r in g[1:] if r[ka].strip() or r[kd].strip()]   # the newest approval is the last row
            if sidste and self.godkendelse(f"Godkendt af {sidste[-1][ka]} {sidste[-1][kd]}"):
                self.f.linjer += [" · ".join(_en_linje(c) for c in r if c.strip()) for r in g if any(r)]
                return []
        if not g or len(g[0]) < 2:
            return None
        brugt, rest = 0, []
        for r in g:
            linje = f"{r[0]}: {' '.join(r[1:])}"
            if r[0].strip() and self.felt(r[0], "\n".join(x for x in r[1:] if x.strip())):
                self.f.linjer.append(_en_linje(linje))
                brugt += 1
            elif linje.strip(": "):
                rest.append(linje)
        return rest if brugt else None


def forfattere(tekst: str, skabelon: NationalSkabelon) -> list[dict]:
    """Authors in one text: lines, ';' or 'A (…) og B (…)' -> one entry each."""
    dele = [d for d in re.split(r"\n|;", tekst) if d.strip()]
    if len(dele) == 1:
        dele = _uden_for_parenteser(dele[0], r"\s+og\s+")
    ud = []
    for d in dele:
        d = d.strip(" .-•–")
        if d and re.match(r"^[A-ZÆØÅ]", d):
            ud.append(forfatter(d, skabelon))
    return ud


def _uden_for_parenteser(tekst: str, skille: str) -> list[str]:
    """Split at ``skille`` where it is not inside parentheses."""
    dele, start, dybde = [], 0, 0
    for m in re.finditer(rf"[()]|{skille}", tekst):
        if m.group() == "(":
            dybde += 1
        elif m.group() == ")":
            dybde = max(0, dybde - 1)
        elif dybde == 0:
            dele.append(tekst[start:m.start()])
            start = m.end()
    dele.append(tekst[start:])
    return [d for d in dele if d.strip()]


_TELEFON = re.compile(r"(?:tlf\.?|telefon:?)\s*(\+?[0-9][0-9 ]{6,}[0-9])", re.I)
_EMAIL = re.compile(r"[^@\s,;()]+@[^@\s,;()]+\.[^@\s,;()]+")


def forfatter(tekst: str, skabelon: NationalSkabelon) -> dict:
    """'Navn, titel, Rolle', 'Navn, titel med rolleord' or 'Navn (titel)' -> an author entry; a phone number
    and an e-mail after ' · ' (as uddprog prints the UAO's on the cover) become its telefon and email."""
    tekst = _en_linje(tekst)
    kontakt: dict[str, str] = {}
    if " · " in tekst:
        tekst, *resten = tekst.split(" · ")
        for r in resten:
            if (m := _TELEFON.fullmatch(r.strip())) and "telefon" not in kontakt:
                kontakt["telefon"] = m.group(1)
            elif _EMAIL.fullmatch(r.strip()) and "email" not in kontakt:
                kontakt["email"] = r.strip()
            else:
                tekst += " · " + r
    if "(" in tekst and tekst.index("(") < (tekst.index(",") if "," in tekst else len(tekst)):
        navn, _, rest_ = tekst.partition("(")
        dele = [navn.strip()] + [d.strip() for d in re.split(r"[,)]", rest_) if d.strip()]
    else:
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
    ud = {"navn": navn, "rolle": rolle, "titel": ", ".join(rest) or None, **kontakt}
    if rolle is None:
        ud["rolle"] = str(skabelon.påkrævede_forfatterroller[0]) if skabelon.påkrævede_forfatterroller else "pkl"
        ud["note"] = "rollen er gættet; ret den"
    return ud


def læs_forside(blokke: list[Blok], titler: list[str], skabelon: NationalSkabelon) -> tuple[Forside, ForsideLæser]:
    """The front matter's blocks (and the title lines the division found: a Title style, a heading above
    the sections, subtitles) -> what they say; unread blocks are returned in ``rest``. The reader is
    returned too: a front-page table found later in the document adds to the same result."""
    l = ForsideLæser(skabelon)
    f = l.f
    kandidater = [_en_linje(t) for t in titler if t.strip()]
    i = 0
    while i < len(blokke):
        b = blokke[i]
        if isinstance(b, Tabel):
            if tabelart(b) == "forfattere" and l.forfattertabel(b):
                i += 1
                continue
            rest = l.tabel(b) if tabelart(b) in ("forside", "tekst") else None
            if rest is None:
                f.rest.append(b)
            else:
                f.rest += [Afsnit([Stykke(r)]) for r in rest]
            i += 1
            continue
        tekst = _en_linje(b.tekst)
        liste: list[Afsnit] = []
        j = i + 1
        while j < len(blokke) and isinstance(blokke[j], Afsnit) and blokke[j].liste is not None:
            liste.append(blokke[j])
            j += 1
        if tekst.endswith(":") and liste and l.afsnit(b, liste):
            f.linjer += [tekst] + [_en_linje(li.tekst) for li in liste]
            i = j
            continue
        if l.afsnit(b, []):
            f.linjer.append(tekst)
        elif generisk_titel(tekst):
            f.linjer.append(tekst)   # "UDDANNELSESPROGRAM": says what the document is, never its title
        elif _info(tekst) and len(tekst.split()) <= 25:
            f.linjer.append(tekst)
            if _MB_LINJE.search(tekst):
                f.mb_linjer.append(tekst)
        elif _titelagtig(b) and not f.rest:
            kandidater.append(tekst)
        else:
            f.rest.append(b)
        i += 1
    ekstra: list[Blok] = []
    for k in kandidater:
        if generisk_titel(k) or _info(k):
            f.linjer.append(k)
            if _MB_LINJE.search(k):
                f.mb_linjer.append(k)
        elif not f.titel:
            f.titel = k
        else:
            ekstra.append(Afsnit([Stykke(k)]))
    f.rest[:0] = ekstra
    if not f.titel:    # only a generic line: better than nothing
        f.titel = next((k for k in kandidater if generisk_titel(k)), "")
    return f, l
