"""`uddprog import DOC.docx --opdater PROGRAM.yaml`: a clinician's edits in the editable Word document back
into the programme's YAML, as surgical edits of exactly the fields that changed.

The document is the one ``render --format redigerbar`` made (``render.redigerbar``): every field in a content
control, and a custom XML part recording the file and version it came from and every field's value then.
The update, in stages:

1. **Read** the package (``pakke``: bounded, no DTDs), find the custom XML part, and settle Word's tracked
   changes on a copy (``sporede``: accepted, or all refused).
2. **Find the controls** by tag, then title (LibreOffice drops tags), then data binding (LibreOffice drops a
   date or drop-down's title too). A rich-text control that LibreOffice made inline covers its paragraph and
   the paragraphs after it up to the next control or generated paragraph. Text outside every control that
   uddprog did not write (its fingerprint is not recorded) is reported, never applied.
3. **Read each field**: rich text through the import's own reader and Markdown converter (``laeser``,
   ``markdown``), short values as text, dates in Danish, choices by their Danish names.
4. **Compare** with the field's recorded value as the same reader reads it (its *canonical* form: rendered
   to WordprocessingML and read back), so a field nobody touched is never a change, whatever Markdown spelled
   it. A changed field is a three-way merge: applied when the YAML still holds the recorded value, skipped
   when it already holds the new one, a conflict (nothing overwritten) when both changed.
5. **Write** each change through the one YAML editor (``yamlredigering``): in a changed Markdown text only
   the top-level blocks that changed are replaced, the others keep their bytes. Everything else in the file
   stays byte for byte. The result is validated; with new errors nothing is written.
"""

from __future__ import annotations

import copy
import difflib
import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from lxml import etree

from .. import sporede
from ..catalog import Katalog
from ..checks import valider_dokument, valider_program
from ..datoer import læs_dansk_dato
from ..fejl import UddprogFejl
from ..findings import Finding, Severity
from ..loading import LoadError, indlæs
from ..markdown import HEADING_OFFSET, parse
from ..render.felter import (
    DANNET_ALIAS,
    DANNET_TAG,
    JA_NEJ,
    Felt,
    Kilde,
    Kildedel,
    afsnit_uden_felter,
    find_sti,
    fingeraftryk_af,
    læs_kildedel,
    normaliser,
    som_tekst,
    værdi_ved,
)
from ..render.wordml import WordRefs, WordStyles, to_wordml
from ..skriv import write_atomic
from ..yamlredigering import RedigeringsFejl, YamlRedigering
from .laeser import læs_dokument
from .markdown import til_markdown
from .model import Afsnit
from .pakke import NS, Pakke, læs_pakke

W_NS = NS["w"]
W = "{%s}" % W_NS
BOM = "\ufeff"
_SKILLE = "\ue010"  # separates the fields in the one document the reader reads
_BINDING = re.compile(r"u:felt\[(\d+)\]")
_HYPERLINK = re.compile(r'\s*HYPERLINK\s+"[^"]*"\s*(\\[a-z]\s*("[^"]*")?\s*)*')
_SKABELONOVERSKRIFT = re.compile(r"^(heading|overskrift)\s*[1-3]$", re.I)  # Markdown's start at 4
_INDHOLDSFORTEGNELSE = re.compile(r"^(toc|contents|indholdsfortegnelse)\s*\d", re.I)


class OpdateringsFejl(UddprogFejl):
    """The document or the programme cannot be used for an update (Danish message; nothing is written)."""


@dataclass(frozen=True)
class Ændring:
    felt: Felt
    sti: tuple           # in the YAML as it is now
    før: str
    efter: str
    linje: int = 0       # where it stands in the new text


@dataclass(frozen=True)
class Konflikt:
    felt: Felt
    grund: str


@dataclass
class Opdatering:
    """What an update found and would do; ``ny_tekst`` is the file's new text (written by :func:`skriv`)."""

    fil: Path
    kilde: Kilde
    gammel_tekst: str
    ny_tekst: str
    ændret_siden: bool                                   # the YAML changed since the document was made
    ændringer: list[Ændring] = field(default_factory=list)
    konflikter: list[Konflikt] = field(default_factory=list)
    fund: list[str] = field(default_factory=list)        # needs a look: deleted controls, text outside them …
    noter: list[str] = field(default_factory=list)       # for information: tracked changes, Word comments
    valideringsfejl: list[Finding] = field(default_factory=list)  # new errors: then nothing is written
    i_word: list[Felt] = field(default_factory=list)     # fields whose text in Word differs from the record

    @property
    def skrives(self) -> bool:
        return self.ny_tekst != self.gammel_tekst and not self.valideringsfejl

    @property
    def exitkode(self) -> int:
        return 1 if self.konflikter or self.fund or self.valideringsfejl else 0


# ---------------------------------------------------------------- reading the document


@dataclass
class _Forekomst:
    felt: Felt
    sdt: etree._Element
    blokke: list = field(default_factory=list)  # rich text: its paragraphs and tables
    flad: bool = False                          # a rich-text control LibreOffice made inline
    tekst: str = ""                             # a short field's text


def _val(pr, navn: str) -> str | None:
    el = pr.find(W + navn) if pr is not None else None
    return None if el is None else el.get(W + "val")


class _Dokumentlæser:
    """The returned document's fields, and the text typed outside them."""

    def __init__(self, pakke: Pakke, kd: Kildedel) -> None:
        self.pakke, self.kd = pakke, kd
        self.stilnavne = _stilnavne(pakke.styles)
        self.krop = pakke.dokument.find(W + "body")
        if self.krop is None:
            raise OpdateringsFejl(f"{pakke.navn}: dokumentet har ingen brødtekst.")
        ved_tag = {f.tag: f for f in kd.felter}
        ved_alias = {f.alias: f for f in kd.felter}
        ved_plads = {i + 1: f for i, f in enumerate(kd.felter)}
        self.forekomster: dict[int, list[_Forekomst]] = {}
        # Sets of elements (lxml keeps one proxy per element while it is referenced, so they stay valid).
        self.egne: set = set()      # every control uddprog wrote (fields and locks)
        self.felt_sdt: set = set()  # the fields' controls
        for s in self.krop.iter(W + "sdt"):
            pr = s.find(W + "sdtPr")
            tag, alias = _val(pr, "tag"), _val(pr, "alias")
            if tag == DANNET_TAG or (alias or "").startswith(DANNET_ALIAS):
                self.egne.add(s)
                continue
            felt = ved_tag.get(tag or "") or ved_alias.get(alias or "")
            binding = pr.find(W + "dataBinding") if pr is not None else None
            if felt is None and binding is not None and (m := _BINDING.search(binding.get(W + "xpath") or "")):
                felt = ved_plads.get(int(m.group(1)))
            if felt is None:
                continue
            self.egne.add(s)
            self.felt_sdt.add(s)
            self.forekomster.setdefault(felt.nr, []).append(_Forekomst(felt, s))
        self.område: set = set()  # paragraphs and tables read as a field's content
        for liste in self.forekomster.values():
            for f in liste:
                self._indhold(f)

    def _indhold(self, f: _Forekomst) -> None:
        indhold = f.sdt.find(W + "sdtContent")
        indhold = indhold if indhold is not None else etree.Element(W + "sdtContent")
        if f.felt.art != "rig":
            f.tekst = _tekst(indhold)
            return
        forælder = f.sdt.getparent()
        if forælder is not None and forælder.tag == W + "p":
            # LibreOffice keeps only an inline control in the first paragraph; the rest follows it.
            f.flad = True
            f.blokke = [forælder]
            for søster in forælder.itersiblings():
                if self._stopper(søster, self.kd.slut.get(f.felt.nr)):
                    break
                f.blokke.append(søster)
        else:
            f.blokke = [b for b in indhold if b.tag in (W + "p", W + "tbl")]
        self.område.update(f.blokke)

    def _stopper(self, el, anker: str | None) -> bool:
        """Whether ``el`` ends a field LibreOffice made inline: a control (a generated table has one), the
        generated paragraph that followed the field, a heading of the template, a section break."""
        if el.tag not in (W + "p", W + "tbl"):
            return True
        if any(s in self.egne or s.find(f"{W}sdtPr/{W}docPartObj") is not None for s in el.iter(W + "sdt")):
            return True
        if el.tag == W + "p":
            ppr = el.find(W + "pPr")
            if ppr is not None and ppr.find(W + "sectPr") is not None:
                return True
            stil = _val(ppr, "pStyle") or ""
            if _SKABELONOVERSKRIFT.match(stil) or _SKABELONOVERSKRIFT.match(self.stilnavne.get(stil, "")):
                return True
            tekst = normaliser(afsnit_uden_felter(el, self._er_felt))
            return bool(tekst) and fingeraftryk_af(tekst) == anker
        return False

    def _er_felt(self, s) -> bool:
        return s in self.felt_sdt

    def udenfor(self) -> list[str]:
        """Paragraphs outside every field that uddprog did not write: text typed outside the controls."""
        ud = []
        for p in self.krop.iter(W + "p"):
            if p in self.område or any(a in self.område or a in self.felt_sdt for a in p.iterancestors()):
                continue
            if _i_indholdsfortegnelse(p, self.stilnavne):
                continue
            tekst = normaliser(afsnit_uden_felter(p, self._er_felt))
            if tekst and fingeraftryk_af(tekst) not in self.kd.dannet:
                ud.append(tekst)
        return ud


def _stilnavne(styles) -> dict[str, str]:
    if styles is None:
        return {}
    return {s.get(W + "styleId", ""): (_val(s, "name") or "") for s in styles.iterfind(W + "style")}


def _i_indholdsfortegnelse(p, stilnavne: dict[str, str]) -> bool:
    """A table-of-contents line (Word and LibreOffice rewrite them with page numbers)."""
    stil = _val(p.find(W + "pPr"), "pStyle") or ""
    if _INDHOLDSFORTEGNELSE.match(stil) or _INDHOLDSFORTEGNELSE.match(stilnavne.get(stil, "")):
        return True
    if any(re.match(r"\s*(TOC|PAGEREF)\b", i.text or "") for i in p.iter(W + "instrText")):
        return True
    return any(s.find(f"{W}sdtPr/{W}docPartObj") is not None for s in p.iterancestors(W + "sdt"))


def _tekst(el) -> str:
    dele = []
    for e in el.iter(W + "t", W + "tab", W + "br", W + "cr", W + "p"):
        if e.tag == W + "t":
            dele.append(e.text or "")
        elif e.tag == W + "p":
            if dele:
                dele.append("\n")
        else:
            dele.append("\n" if e.tag in (W + "br", W + "cr") else " ")
    return "".join(dele)


# ---------------------------------------------------------------- Markdown, read the way the document reads


class _Læsning:
    """Reads many fields' paragraphs in one pass of the import's reader (one document, fields separated)."""

    def __init__(self, pakke: Pakke) -> None:
        self.pakke = pakke
        self.krop = etree.Element(W + "body")
        self.antal = 0
        self.advarsler: list[str] = []  # the reader's warnings (a picture it cannot keep …)

    def tilføj(self, blokke: list) -> int:
        nr = self.antal
        self.antal += 1
        p = etree.SubElement(self.krop, W + "p")
        etree.SubElement(etree.SubElement(p, W + "r"), W + "t").text = f"{_SKILLE}{nr}"
        for b in blokke:
            self.krop.append(copy.deepcopy(b))
        return nr

    def læs(self) -> list[list]:
        """The neutral blocks of each field added, in order."""
        dok = etree.Element(W + "document", nsmap={"w": W_NS, "r": NS["r"]})
        dok.append(self.krop)
        pakke = replace(self.pakke, dokument=dok, comments=None, footnotes=None, endnotes=None, core=None,
                        headers=[], footers=[], kundedata=[])
        ud: list[list] = []
        læst = læs_dokument(pakke)
        self.advarsler = [b.tekst for b in læst.beskeder if b.niveau == "advarsel"]
        for b in læst.værdi.blokke:
            if isinstance(b, Afsnit) and b.tekst.startswith(_SKILLE) and b.tekst[1:].isdigit():
                ud.append([])
            elif ud:
                ud[-1].append(b)
        return ud


def _markdown(blokke: list) -> str:
    return til_markdown(blokke, HEADING_OFFSET)


class _Kanon:
    """Markdown as the editable document shows it and the reader reads it back (its canonical form)."""

    def __init__(self) -> None:
        self.refs = WordRefs(first_num_id=2, bullet_num_id=1, rid_prefix="rIdK")
        # The reader tells bullets from numbers by the list's format: num 1 is bullets, any other a number.
        niveauer = "".join(f'<w:lvl w:ilvl="{i}"><w:numFmt w:val="bullet"/></w:lvl>' for i in range(9))
        numbering = etree.fromstring(
            f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0">{niveauer}</w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
        self.pakke = Pakke(navn="<kanonisk>", dokument=etree.Element(W + "document"), numbering=numbering)
        self.læsning = _Læsning(self.pakke)
        self.numre: dict[str, int] = {}

    def tilføj(self, md: str) -> int:
        if md in self.numre:
            return self.numre[md]
        xml = to_wordml(md, self.refs, WordStyles()) if md.strip() else ""
        ramme = etree.fromstring(f'<w:x xmlns:w="{W_NS}" xmlns:r="{NS["r"]}">{xml}</w:x>')
        self.numre[md] = self.læsning.tilføj(list(ramme))
        return self.numre[md]

    def læs(self) -> tuple[dict[str, list], dict[str, str]]:
        """(blocks, canonical Markdown) of every text added."""
        self.pakke.links.update(dict(self.refs.links))
        blokke = self.læsning.læs()
        return ({md: blokke[nr] for md, nr in self.numre.items()},
                {md: _markdown(blokke[nr]) for md, nr in self.numre.items()})


def kanonisk(tekster: list[str]) -> dict[str, str]:
    """Each Markdown text as the update import compares it (for tests and tools)."""
    k = _Kanon()
    for t in tekster:
        k.tilføj(t)
    return k.læs()[1]


def _stykker(md: str) -> list[tuple[int, int, str]]:
    """The top-level blocks of a Markdown text (a paragraph, a whole list, a table): (start, end, kind)."""
    starter = [0]
    for linje in md.splitlines(keepends=True):
        starter.append(starter[-1] + len(linje))
    ud = []
    for tok in parse(md):
        if tok.level == 0 and tok.nesting >= 0 and tok.map and not tok.type.endswith("_close"):
            a, b = tok.map
            start, slut = starter[min(a, len(starter) - 1)], starter[min(b, len(starter) - 1)]
            while slut > start and md[slut - 1] in "\r\n":
                slut -= 1
            ud.append((start, slut, tok.type))
    return ud


_BLOKSTART = re.compile(r"^([-+*>#|=]|\d{1,9}[.)])(\s|$)")


def _bredde(md: str, stykker) -> int | None:
    """The width the author wraps paragraphs at (the longest line that is followed by another line of the
    same paragraph), or None when the paragraphs are not wrapped."""
    bredder = [len(l) for a, b, art in stykker if art == "paragraph_open"
               for l in md[a:b].split("\n")[:-1] if not l.endswith("\\")]
    return max(bredder) if bredder else None


def _ombryd(afsnit: str, bredde: int) -> str:
    """A paragraph wrapped at spaces to ``bredde`` (no line may begin like a list, heading or quote)."""
    ud = []
    for linje in afsnit.split("\n"):
        if "`" in linje or "  " in linje:
            ud.append(linje)
            continue
        nu = ""
        for o in linje.split(" "):
            if nu and len(nu) + 1 + len(o) > bredde and not _BLOKSTART.match(o):
                ud.append(nu)
                nu = o
            else:
                nu = f"{nu} {o}" if nu else o
        ud.append(nu)
    return "\n".join(ud)


def flet_markdown(vores: str, deres: str, kanon) -> str:
    """``deres`` (Markdown read from Word) written into ``vores`` (the YAML's text, which means the same as
    the recorded value): blocks that did not change keep their bytes from ``vores``, and new paragraphs are
    wrapped as the author wraps them. ``kanon(list) -> dict`` gives texts' canonical forms. Falls back to
    ``deres`` whenever the merge would not read as ``deres``."""
    s_v, s_d = _stykker(vores), _stykker(deres)
    t_v, t_d = [vores[a:b] for a, b, _ in s_v], [deres[a:b] for a, b, _ in s_d]
    bredde = _bredde(vores, s_v)
    ombrudt = {t: _ombryd(t, bredde) for (_, _, art), t in zip(s_d, t_d) if bredde and art == "paragraph_open"}
    k = kanon(t_v + t_d + [deres] + list(ombrudt.values()))
    hale = vores[s_v[-1][1]:] if s_v else "\n" if vores.endswith("\n") else ""
    if not s_v or not s_d:
        return deres + hale
    dele: list[tuple[str, int | None]] = []  # (text, index in vores when kept)
    matcher = difflib.SequenceMatcher(None, [k[t] for t in t_v], [k[t] for t in t_d], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            dele += [(t_v[i], i) for i in range(i1, i2)]
        else:
            dele += [(ombrudt[t] if t in ombrudt and k[ombrudt[t]] == k[t] else t, None) for t in t_d[j1:j2]]
    ud = vores[:s_v[0][0]]
    for n, (tekst, i) in enumerate(dele):
        if n:
            forrige = dele[n - 1][1]
            ud += vores[s_v[forrige][1]:s_v[i][0]] if i is not None and forrige == i - 1 else "\n\n"
        ud += tekst
    ud += hale
    if kanon([ud])[ud] != k[deres]:
        return deres + hale
    return ud


# ---------------------------------------------------------------- the update


def _kildedel(pakke: Pakke) -> Kildedel:
    for rod in pakke.kundedata:
        kd = læs_kildedel(rod)
        if kd is not None:
            if kd.format != "1":
                raise OpdateringsFejl(f"{pakke.navn}: dokumentet er dannet af en anden version af uddprog "
                                      f"(format {kd.format}); dan det igen med 'uddprog render --format redigerbar'.")
            return kd
    raise OpdateringsFejl(f"{pakke.navn}: dokumentet er ikke en redigerbar udgave fra uddprog (oplysningerne om, "
                          "hvilken fil det er dannet fra, mangler). Dan en med 'uddprog render --format redigerbar', "
                          "eller importér et andet Word-dokument som nyt udkast med 'uddprog import --mb'.")


def kilde_i(data: bytes, navn: str) -> Kilde | None:
    """The source an editable document was made from, or None for any other Word document (or none)."""
    try:
        pakke = læs_pakke(data, navn)
    except UddprogFejl:
        return None
    return next((kd.kilde for kd in map(læs_kildedel, pakke.kundedata) if kd is not None), None)


def _kort(tekst: str, n: int = 70) -> str:
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= n else tekst[: n - 1] + "…"


def _fra_word(f: Felt, tekst: str) -> tuple[str | None, str | None]:
    """A short field's text from Word as its YAML text: (value, None), or (None, why it cannot be used)."""
    tekst = " ".join(tekst.split())
    if f.art == "dato":
        if not tekst:
            return "", None
        d = læs_dansk_dato(tekst)
        return (d.isoformat(), None) if d else (None, f"«{_kort(tekst)}» er ikke en dato")
    if f.art == "valg":
        if not tekst:
            return "", None
        for værdi, navn in f.valg:
            if tekst.casefold() in (navn.casefold(), værdi.casefold()):
                return værdi, None
        return None, f"«{_kort(tekst)}» er ikke et af valgene ({', '.join(n for _, n in f.valg)})"
    return tekst, None


_VÆRTSLINK = re.compile(r"\]\(((?:https?|ftp)://[^/\s()]+)/\)")


def _sammenlignelig(md: str) -> str:
    """Canonical Markdown as compared: a link to a bare host is the same with or without its final '/'
    (LibreOffice adds it)."""
    return _VÆRTSLINK.sub(r"](\1)", md)


def _kanoner(tekster: list[str]) -> dict[str, str]:
    return {t: _sammenlignelig(k) for t, k in kanonisk(tekster).items()}


def _normal(f: Felt, værdi: str) -> str:
    """A field's value as compared: short texts with whitespace collapsed, canonical Markdown as above."""
    if f.art in ("tekst", "note"):
        return " ".join(værdi.split())
    return _sammenlignelig(værdi) if f.art == "rig" else værdi


def _yaml_værdi(f: Felt, tekst: str):
    if f.art == "valg" and f.valg == JA_NEJ:
        return tekst == "true"
    return tekst


def opdater(docx: bytes, navn: str, fil: Path, katalog: Katalog, afvis_sporede: bool = False,
            dato: date | None = None) -> Opdatering:
    """Read the editable document ``docx`` (called ``navn`` in messages) and work out the update of the
    programme file ``fil``; nothing is written (:func:`skriv` does). Raises OpdateringsFejl or ImportFejl."""
    pakke = læs_pakke(docx, navn)
    kd = _kildedel(pakke)
    fil = Path(fil)
    tekst, dok, ændret_siden = _programmet(fil, navn, kd)
    ud = Opdatering(fil, kd.kilde, tekst, tekst, ændret_siden)

    rod = copy.deepcopy(pakke.dokument)
    n_sporede = sporede.antal(rod)
    sporede.afgør(rod, accepter=not afvis_sporede)
    if n_sporede:
        ud.noter.append(f"{n_sporede} sporede ændringer i Word er {'afvist' if afvis_sporede else 'godkendt'}"
                        + ("" if afvis_sporede else " (--afvis-sporede: brug teksten fra før ændringerne)") + ".")
    pakke = replace(pakke, dokument=rod)
    læser = _Dokumentlæser(pakke, kd)
    deres, base = _værdier(læser, pakke, kd, ud)
    ændrede = [f for f in kd.felter if f.nr in deres and _normal(f, deres[f.nr]) != base[f.nr]]
    ud.i_word = ændrede
    planlagt = _flet(ændrede, deres, base, dok, ud)
    red = YamlRedigering(tekst.removeprefix(BOM))
    _planlæg(red, planlagt, ud)
    if planlagt:
        _anvend(red, planlagt, ud, tekst.startswith(BOM))

    for t in læser.udenfor():
        ud.fund.append(f"Tekst uden for felterne er ikke overført: «{_kort(t, 90)}»")
    for k in (pakke.comments.iterfind(W + "comment") if pakke.comments is not None else ()):
        ud.noter.append(f"Kommentar i Word fra {k.get(W + 'author') or 'ukendt'}: «{_kort(_tekst(k), 90)}» "
                        "(ikke overført; svar i dokumentet eller i YAML-filen).")
    if ud.ny_tekst != ud.gammel_tekst:
        ud.valideringsfejl = _nye_fejl(fil, ud.gammel_tekst, ud.ny_tekst, katalog, dato)
    return ud


def _programmet(fil: Path, navn: str, kd: Kildedel):
    """The programme file as it is now: (text, loaded document, whether it changed since the document was made)."""
    try:
        råt = fil.read_bytes()
    except OSError as e:
        raise OpdateringsFejl(f"{fil}: filen kan ikke læses ({e.strerror or e}).") from None
    try:
        tekst = råt.decode("utf-8")
    except UnicodeDecodeError:
        raise OpdateringsFejl(f"{fil}: filen er ikke gemt som UTF-8.") from None
    ændret_siden = hashlib.sha256(råt).hexdigest() != kd.kilde.sha256
    if ændret_siden and Path(kd.kilde.fil).name != fil.name:
        raise OpdateringsFejl(f"{navn} er dannet fra {kd.kilde.fil}, ikke fra {fil}. Angiv den fil, dokumentet er "
                              "dannet fra.")
    try:
        dok = indlæs(fil, tekst=tekst.removeprefix(BOM))
    except LoadError as e:
        raise OpdateringsFejl(f"{fil} kan ikke læses; ret fejlene først:\n" + "\n".join(f"  {x}" for x in e.fund)) \
            from None
    if dok.type != "uddannelsesprogram":
        raise OpdateringsFejl(f"{fil} er ikke et uddannelsesprogram.")
    return tekst, dok, ændret_siden


def _værdier(læser: _Dokumentlæser, pakke: Pakke, kd: Kildedel, ud: Opdatering) -> tuple[dict, dict]:
    """What each field holds in Word ({nr: value}), and its recorded value as compared ({nr: value})."""
    kanon = _Kanon()
    for f in kd.felter:
        if f.art == "rig":
            kanon.tilføj(f.værdi)
    dokumentets = _Læsning(pakke)
    numre: dict[tuple[int, int], int] = {}
    for nr, liste in læser.forekomster.items():
        for i, fk in enumerate(liste):
            if fk.felt.art == "rig":
                numre[(nr, i)] = dokumentets.tilføj(_uden_hyperlinkkode(fk) if fk.flad else fk.blokke)
    base_blokke, base_md = kanon.læs()
    læst = dokumentets.læs() if numre else []
    ud.fund += [f"I felterne: {b}" for b in dokumentets.advarsler]

    deres: dict[int, str] = {}
    for f in kd.felter:
        liste = læser.forekomster.get(f.nr, [])
        if not liste:
            ud.fund.append(f"Feltet «{f.alias}» er slettet i Word; {f.tag} er uændret i YAML-filen.")
            continue
        værdier = []
        for i, fk in enumerate(liste):
            if f.art == "rig":
                blokke = læst[numre[(f.nr, i)]]
                if fk.flad:
                    blokke = _flad_første(blokke, base_blokke[f.værdi])
                værdier.append(_markdown(blokke))
            else:
                v, fejl = _fra_word(f, fk.tekst)
                if fejl:
                    ud.fund.append(f"Feltet «{f.alias}»: {fejl}; {f.tag} er uændret.")
                    break
                værdier.append(v)
        else:
            if len(set(værdier)) > 1:
                ud.fund.append(f"Feltet «{f.alias}» står {len(værdier)} gange i dokumentet med forskellig tekst; "
                               f"{f.tag} er uændret.")
            else:
                deres[f.nr] = værdier[0]
    base = {f.nr: _normal(f, base_md[f.værdi] if f.art == "rig" else f.værdi) for f in kd.felter}
    return deres, base


def _flet(ændrede: list[Felt], deres: dict, base: dict, dok, ud: Opdatering) -> list[tuple]:
    """The three-way merge of the fields changed in Word with the YAML as it is now: the edits to make
    (field, path now, value now, new value); conflicts and refusals go to ``ud``."""
    nu: dict[int, tuple[tuple, str]] = {}
    for f in ændrede:
        sti = find_sti(dok.model, f)
        if sti is None:
            ud.konflikter.append(Konflikt(f, "feltet findes ikke længere i YAML-filen (ændret efter at dokumentet "
                                             "blev dannet)"))
            continue
        nu[f.nr] = (sti, som_tekst(værdi_ved(dok.model, sti)))
    kanon = _Kanon()
    for f in ændrede:
        if f.nr in nu and f.art == "rig":
            kanon.tilføj(nu[f.nr][1])
    _, nu_md = kanon.læs()
    planlagt = []
    for f in ændrede:
        if f.nr not in nu:
            continue
        sti, vores = nu[f.nr]
        vores_kanon = _normal(f, nu_md[vores] if f.art == "rig" else vores)
        if vores_kanon == _normal(f, deres[f.nr]):
            continue  # the YAML already says so
        if vores_kanon != base[f.nr]:
            ud.konflikter.append(Konflikt(f, "ændret både i YAML-filen og i Word; YAML-filens tekst er bevaret"))
            continue
        ny = deres[f.nr]
        if f.art == "rig" and ny.strip() and vores.strip():
            ny = flet_markdown(vores, ny, _kanoner)
        elif f.art == "rig" and ny.strip() and vores.endswith("\n"):
            ny += "\n"
        if not ny.strip() and f.påkrævet:
            ud.fund.append(f"Feltet «{f.alias}» er tømt i Word, men {f.tag} skal udfyldes; det er uændret.")
            continue
        planlagt.append((f, sti, vores, ny))
    return planlagt


def _uden_hyperlinkkode(fk: _Forekomst) -> list:
    """LibreOffice writes a link at the start of an inline control as text ('HYPERLINK "…"Tekst'): not text."""
    ud = []
    for b in fk.blokke:
        if b is fk.blokke[0]:
            b = copy.deepcopy(b)
            for t in b.iter(W + "t"):
                if t.text and "HYPERLINK" in t.text:
                    t.text = _HYPERLINK.sub(lambda m: " " if m.group(0)[:1].isspace() else "", t.text)
        ud.append(b)
    return ud


def _flad_første(blokke: list, base: list) -> list:
    """LibreOffice keeps an inline control's text but not its formatting: a first paragraph whose words are the
    recorded first paragraph's is that paragraph (with its bold, italics and links)."""
    if not blokke or not base or not isinstance(blokke[0], Afsnit) or not isinstance(base[0], Afsnit):
        return blokke
    a, b = blokke[0], base[0]
    if normaliser(a.tekst) == normaliser(b.tekst) and (a.liste, a.overskrift) == (b.liste, b.overskrift):
        return [b, *blokke[1:]]
    return blokke


def _planlæg(red: YamlRedigering, planlagt: list, ud: Opdatering) -> None:
    """Each change as an edit; one the editor cannot make safely is a finding, and the others still go."""
    for f, sti, vores, ny in list(planlagt):
        try:
            _rediger(red, f, sti, ny)
        except RedigeringsFejl as e:
            planlagt.remove((f, sti, vores, ny))
            ud.fund.append(f"Feltet «{f.alias}» kan ikke rettes automatisk ({e}); ret {f.tag} i hånden.")


def _rediger(red: YamlRedigering, f: Felt, sti: tuple, ny: str) -> None:
    værdi = _yaml_værdi(f, ny)
    tom = not ny.strip()
    if red.findes(sti):
        if tom and f.valgfri:
            red.slet(sti, mærke=f.nr)  # an optional field emptied: the key goes
        else:
            red.sæt(sti, værdi, mærke=f.nr)
    elif not tom:
        if red.findes(sti[:-1]):
            red.sæt_nøgle(sti[:-1], sti[-1], værdi, mærke=f.nr)
        elif len(sti) == 2:  # the first section of a programme without 'sektioner:'
            red.sæt_nøgle((), sti[0], {sti[1]: værdi}, mærke=f.nr)
        else:
            raise RedigeringsFejl(f"{'.'.join(map(str, sti[:-1]))} findes ikke i filen")


def _anvend(red: YamlRedigering, planlagt: list, ud: Opdatering, bom: bool) -> None:
    try:
        res = red.anvend()
    except RedigeringsFejl as e:
        for f, _, _, _ in planlagt:
            ud.fund.append(f"Feltet «{f.alias}» kan ikke rettes automatisk ({e}); ret {f.tag} i hånden.")
        return
    linjer = {m: res.linje(i) for m, i in res.steder}
    for f, sti, vores, ny in planlagt:
        ud.ændringer.append(Ændring(f, sti, vores, ny, linjer.get(f.nr, 0)))
    ud.ny_tekst = (BOM if bom else "") + res.tekst


def _nye_fejl(fil: Path, gammel: str, ny: str, katalog: Katalog, dato: date | None) -> list[Finding]:
    """Errors the update would bring: the new text's errors that the file does not already have."""
    try:
        dok = indlæs(fil, tekst=ny.removeprefix(BOM))
    except LoadError as e:
        return list(e.fund)

    def fejl(d) -> list[Finding]:
        fund = valider_dokument(d, katalog) + valider_program(d, katalog, dato)
        return [x for x in fund if x.severity == Severity.ERROR]

    før = {(x.check, x.besked) for x in fejl(indlæs(fil, tekst=gammel.removeprefix(BOM)))}
    return [x for x in fejl(dok) if (x.check, x.besked) not in før]


def skriv(o: Opdatering) -> bool:
    """Write the new text (atomically) when there is one and it brings no new errors; True when written.
    Refuses when the file changed since it was read."""
    if not o.skrives:
        return False
    try:
        nu = o.fil.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise OpdateringsFejl(f"{o.fil}: filen kan ikke læses igen ({e}).") from None
    if nu != o.gammel_tekst:
        raise OpdateringsFejl(f"{o.fil} er ændret, mens opdateringen blev lavet; intet er skrevet. Kør den igen.")
    try:
        write_atomic(o.fil, o.ny_tekst)
    except OSError as e:
        raise OpdateringsFejl(f"{o.fil} kan ikke skrives ({e.strerror or e}).") from None
    return True
