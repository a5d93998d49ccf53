"""The editable Word document: the normal rendering, with every text the author writes in a content control.

Clinicians write programmes in Word. This document is the one they get to edit, and the one
``uddprog import DOC --opdater PROGRAM.yaml`` (``importer.opdatering``) reads back:

- **Free text** (sections, the presentation of each ansættelse, the remarks of the competency plan, the
  purpose of a focused stay, the research training) stands where the normal document shows it, in a
  rich-text content control (``w:sdt``) tagged with its YAML path (``w:tag``) and titled with its Danish
  label (``w:alias``). Notes that are plain text in the YAML (a vejledersamtale's or a course's remark) get a
  plain-text control in the same place. The controls are found through ``feltmarkoer``: the renderer is
  handed a programme whose texts carry invisible markers, so neither the context nor the templates know
  about controls.
- **Short values** (names, dates, vocabulary choices) are composed into generated lines in the normal
  document ("Udarbejdet af …; …", "12. maj 2026"), which cannot be read back. They get a form of their own at
  the end, "Programmets oplysninger", with plain-text, date and drop-down controls bound (``w:dataBinding``)
  to the custom XML part. A free text the templates do not show (a template changed) is put in the form too,
  so every field is editable exactly once.
- **Generated tables** are wrapped in locked controls (``w:lock``; a table with fields inside is a group
  control, whose only editable parts are its fields).
- A **custom XML part** records which file and which version of it the document was made from (path, the
  SHA-256 of its bytes, the git commit when the file is committed as it is), every field with its path, the
  identity of the list items on that path and its value then (the base of the three-way merge), and a
  fingerprint of every generated paragraph (so text typed outside the fields can be told from uddprog's own).

What Word and LibreOffice do with these shapes the format: Word cannot bind rich text to custom XML, so rich
text is read back from the control's content; LibreOffice keeps ``w:alias``, ``w:dataBinding`` and the custom
XML part but drops ``w:tag`` and ``w:lock`` and turns block controls into inline ones in their first paragraph
when it saves. So aliases are unique, and the reader finds a control by tag, then alias, then binding.
"""

from __future__ import annotations

import copy
import datetime
import hashlib
import io
import re
import subprocess
import uuid
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

from ..datoer import dansk_dato
from ..models import Uddannelsesprogram
from ..skriv import zip_bytes
from .docx import BULLET_NAME, NUMBER_NAME, XML_DECL
from .errors import RenderError
from .felter import (
    DANNET_ALIAS,
    DANNET_TAG,
    I_TEKSTEN,
    NS,
    Felt,
    Kilde,
    afsnit_uden_felter,
    er_felt,
    felter,
    fingeraftryk,
    fingeraftryk_af,
    i_felt,
    kildedel,
    normaliser,
)
from .feltmarkoer import ALLE, BLOK_SLUT, BLOK_START, MIDT, SLUT, START, Feltværdi
from .wordml import WordRefs, WordStyles, to_wordml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS
XML_NS = "{http://www.w3.org/XML/1998/namespace}"
FORMULAR_TITEL = "Programmets oplysninger"

REL_CUSTOMXML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
REL_CUSTOMXML_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
CT_CUSTOMXML_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"


# ---------------------------------------------------------------- the fields


def _erstat(model: Any, sti: tuple, værdi: Any) -> Any:
    """A copy of ``model`` with ``værdi`` at ``sti`` (models are frozen: copied along the path)."""
    if not sti:
        return værdi
    trin, rest = sti[0], sti[1:]
    if isinstance(model, dict):
        ny = dict(model)
        ny[trin] = _erstat(model.get(trin), rest, værdi)
        return ny
    if isinstance(model, list):
        ny = list(model)
        ny[trin] = _erstat(model[trin], rest, værdi)
        return ny
    return model.model_copy(update={trin: _erstat(getattr(model, trin), rest, værdi)})


def markeret(program: Uddannelsesprogram, alle: list[Felt]) -> Uddannelsesprogram:
    """The programme with each in-text field's value replaced by a :class:`Feltværdi` carrying its number."""
    for f in alle:
        if f.art in I_TEKSTEN:
            if any(c in f.værdi for c in ALLE):
                raise RenderError(f"{f.tag} indeholder tegn fra Unicodes private område (U+E000–U+E004), som "
                                  "uddprog bruger internt; fjern dem for at danne den redigerbare udgave")
            program = _erstat(program, f.sti, Feltværdi(f.værdi, f.nr))
    return program


# ---------------------------------------------------------------- the source


def kilde_for(fil: Path, rod: Path | None = None) -> Kilde:
    """The source record of a programme file: its path from the repository root, hash and git commit."""
    fil = Path(fil)
    data = fil.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    top, commit = _git(fil, data)
    base = top or (Path(rod).resolve() if rod else None)
    try:
        navn = fil.resolve().relative_to(base).as_posix() if base else fil.name
    except ValueError:
        navn = fil.name
    return Kilde(navn, sha, commit)


def _git(fil: Path, data: bytes) -> tuple[Path | None, str]:
    """(repository root, the last commit that changed the file if the file is unchanged since), else (None, '')."""
    def git(mappe: Path, *args: str) -> str | None:
        try:
            r = subprocess.run(["git", "-C", str(mappe), *args], capture_output=True, text=True, timeout=20)
        except (OSError, subprocess.SubprocessError):
            return None
        return r.stdout.strip() if r.returncode == 0 else None

    top = git(fil.resolve().parent, "rev-parse", "--show-toplevel")
    if not top:
        return None, ""
    rod = Path(top).resolve()
    rel = fil.resolve().relative_to(rod).as_posix()  # paths from the root, where git runs from here on
    commit = git(rod, "log", "-1", "--format=%H", "--", rel)
    if not commit:
        return rod, ""
    blob = git(rod, "rev-parse", f"{commit}:{rel}")
    egen = hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()
    return rod, commit if blob == egen else ""


# ---------------------------------------------------------------- the document


def efterbehandl(docx: bytes, alle: list[Felt], kilde: Kilde) -> bytes:
    """Turn a rendering of :func:`markeret`'s programme into the editable document (see the module docstring)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        navne = [i.filename for i in zf.infolist()]
        dele = {n: zf.read(n) for n in navne}
    dok = etree.fromstring(dele["word/document.xml"])
    krop = dok.find(W + "body")
    nr_felt = {f.nr: f for f in alle}
    placeret: set[int] = set()
    _inline(krop, nr_felt, placeret)
    _blokke(krop, nr_felt, placeret)
    _rens(krop)
    tilføj = _Tilføjelser(dele)
    rest = [f for f in alle if f.art not in I_TEKSTEN or f.nr not in placeret]
    _forside_note(krop, kilde)
    _formular(krop, rest, tilføj)
    _lås_tabeller(krop)
    dannet = fingeraftryk(krop)
    slut = ankre(krop)
    guid = "{" + str(uuid.UUID(hashlib.sha256(f"{kilde.fil}\0{kilde.sha256}".encode()).hexdigest()[:32])).upper() + "}"
    _bind(krop, alle, guid)
    dele["word/document.xml"] = XML_DECL.encode() + etree.tostring(dok, encoding="utf-8")
    for navn in navne:
        if navn.startswith("word/") and re.match(r"word/(header|footer)\d*\.xml$", navn):
            dele[navn] = _rens_tekst(dele[navn])
    tilføj.gem(dele)
    nye = _kundedata(dele, navne, kildedel(kilde, alle, dannet, slut), guid)
    return zip_bytes([(n, dele[n]) for n in navne + nye])


def _tekst(el) -> str:
    return "".join(t.text or "" for t in el.iter(W + "t"))


_INLINE = re.compile(f"{START}(\\d+){MIDT}(.*?){SLUT}", re.S)


def _inline(krop, nr_felt: dict[int, Felt], placeret: set[int]) -> None:
    for t in [t for t in krop.iter(W + "t") if t.text and START in t.text]:
        r = t.getparent()
        if r is None or r.tag != W + "r":
            t.text = _INLINE.sub(lambda m: m.group(2), t.text)
            continue
        rpr = r.find(W + "rPr")
        børn = [c for c in r if c is not rpr]
        i = børn.index(t)
        nye: list = []

        def løb(indhold: list) -> etree._Element:
            ny = etree.Element(W + "r")
            if rpr is not None:
                ny.append(copy.deepcopy(rpr))
            ny.extend(indhold)
            return ny

        def tekstløb(tekst: str) -> etree._Element:
            wt = etree.Element(W + "t")
            wt.text = tekst
            wt.set(XML_NS + "space", "preserve")
            return løb([wt])

        if børn[:i]:
            nye.append(løb(børn[:i]))
        pos = 0
        for m in _INLINE.finditer(t.text):
            if m.start() > pos:
                nye.append(tekstløb(t.text[pos:m.start()]))
            nr, tekst = int(m.group(1)), m.group(2)
            felt = nr_felt.get(nr)
            if felt is None or nr in placeret:
                if tekst:
                    nye.append(tekstløb(tekst))
            else:
                placeret.add(nr)
                nye.append(sdt(felt, [tekstløb(tekst)]))
            pos = m.end()
        if pos < len(t.text):
            nye.append(tekstløb(t.text[pos:]))
        if børn[i + 1:]:
            nye.append(løb(børn[i + 1:]))
        forælder = r.getparent()
        idx = forælder.index(r)
        forælder.remove(r)
        for k, el in enumerate(nye):
            forælder.insert(idx + k, el)


def _blokke(krop, nr_felt: dict[int, Felt], placeret: set[int]) -> None:
    starter = [p for p in krop.iter(W + "p") if _tekst(p).startswith(BLOK_START)]
    for p in starter:
        nr_tekst = _tekst(p)[1:]
        forælder = p.getparent()
        indhold, slut = [], None
        for søster in p.itersiblings():
            if søster.tag == W + "p" and _tekst(søster) == BLOK_SLUT + nr_tekst:
                slut = søster
                break
            indhold.append(søster)
        forælder.remove(p)
        if slut is None:  # cannot happen with feltmarkoer.blok; never leave a marker
            continue
        nr = int(nr_tekst) if nr_tekst.isdigit() else -1
        felt = nr_felt.get(nr)
        if felt is not None and nr not in placeret:
            placeret.add(nr)
            slut.addprevious(sdt(felt, indhold, blok=True))
        forælder.remove(slut)


_REST = re.compile(f"{START}\\d+{MIDT}|[{SLUT}{MIDT}]|[{BLOK_START}{BLOK_SLUT}]\\d*")


def _rens(krop) -> None:
    """Markers left where no control could stand (an attribute, a field shown twice): gone."""
    for t in krop.iter(W + "t"):
        if t.text and any(c in t.text for c in ALLE):
            t.text = _REST.sub("", t.text)


def _rens_tekst(data: bytes) -> bytes:
    tekst = data.decode("utf-8")
    return _REST.sub("", tekst).encode("utf-8") if any(c in tekst for c in ALLE) else data


def _w(tag: str, **attrs: str) -> etree._Element:
    return etree.Element(W + tag, {W + k: v for k, v in attrs.items()})


def _sub(forælder, tag: str, **attrs: str) -> etree._Element:
    el = _w(tag, **attrs)
    forælder.append(el)
    return el


def sdt(felt: Felt, indhold: list, blok: bool = False) -> etree._Element:
    """A content control for ``felt`` around ``indhold`` (runs, or with ``blok`` paragraphs and tables)."""
    el = _w("sdt")
    pr = _sub(el, "sdtPr")
    _sub(pr, "alias", val=felt.alias)
    _sub(pr, "tag", val=felt.tag)
    _sub(pr, "id", val=str(felt.nr))
    _sub(pr, "lock", val="sdtLocked")  # the control cannot be deleted by mistake; its text can be edited
    if felt.art == "note":
        _sub(pr, "text", multiLine="1")
    elif felt.art == "tekst":
        _sub(pr, "text")
    elif felt.art == "dato":
        d = _sub(pr, "date", **({"fullDate": f"{felt.værdi}T00:00:00Z"} if felt.værdi else {}))
        _sub(d, "dateFormat", val="d. MMMM yyyy")
        _sub(d, "lid", val="da-DK")
        _sub(d, "storeMappedDataAs", val="date")
        _sub(d, "calendar", val="gregorian")
    elif felt.art == "valg":
        d = _sub(pr, "dropDownList")
        for værdi, navn in felt.valg:
            _sub(d, "listItem", displayText=navn, value=værdi)
    indh = _sub(el, "sdtContent")
    indh.extend(indhold)
    if blok and not len(indh):
        indh.append(_w("p"))
    return el


def vist(felt: Felt) -> str:
    """What a short field's control shows: a Danish date, a vocabulary name, the text."""
    if felt.art == "dato" and felt.værdi:
        return dansk_dato(datetime.date.fromisoformat(felt.værdi))
    if felt.art == "valg":
        return dict(felt.valg).get(felt.værdi, felt.værdi)
    return felt.værdi


def _afsnit(tekst: str = "", stil: str = "", fed: bool = False) -> etree._Element:
    p = _w("p")
    if stil:
        _sub(_sub(p, "pPr"), "pStyle", val=stil)
    if tekst:
        r = _sub(p, "r")
        if fed:
            _sub(_sub(r, "rPr"), "b")
        t = _sub(r, "t")
        t.text = tekst
        t.set(XML_NS + "space", "preserve")
    return p


def _før_sektionsslut(krop, el) -> None:
    sectpr = krop.find(W + "sectPr")
    if sectpr is not None:
        sectpr.addprevious(el)
    else:
        krop.append(el)


def _forside_note(krop, kilde: Kilde) -> None:
    """A line above everything: what this document is and how to edit it."""
    note = _afsnit(f"Redigerbar udgave af {kilde.fil}. Skriv i felterne (de grå rammer med en titel); tekst "
                   f"uden for felterne overføres ikke til programmet. Navne, datoer og valg rettes i skemaet "
                   f"«{FORMULAR_TITEL}» sidst i dokumentet.")
    for r in note.iter(W + "r"):
        rpr = _w("rPr")
        _sub(rpr, "i")
        r.insert(0, rpr)  # a run's properties come first
    krop.insert(0, note)


def _formular(krop, rest: list[Felt], tilføj: "_Tilføjelser") -> None:
    """The form at the end: one row per field the document does not show in place, under its group."""
    _før_sektionsslut(krop, _afsnit(FORMULAR_TITEL, "Heading1"))
    _før_sektionsslut(krop, _afsnit("Ret oplysningerne i felterne i højre kolonne. Datoer vælges i kalenderen, "
                                    "og valg i listen."))
    tbl = _w("tbl")
    tblpr = _sub(tbl, "tblPr")
    _sub(tblpr, "tblStyle", val="Uddprogtabel")
    _sub(tblpr, "tblW", w="5000", type="pct")
    grid = _sub(tbl, "tblGrid")
    _sub(grid, "gridCol", w="3400")
    _sub(grid, "gridCol", w="6238")
    grupper: dict[str, list[Felt]] = {}
    for f in rest:
        grupper.setdefault(f.gruppe if f.art not in I_TEKSTEN else "Tekster, som dokumentet ikke viser andre steder",
                           []).append(f)
    for gruppe, fs in grupper.items():
        tr = _sub(tbl, "tr")
        tc = _sub(tr, "tc")
        _sub(_sub(tc, "tcPr"), "gridSpan", val="2")
        tc.append(_afsnit(gruppe, "Tabeloverskrift"))
        for f in fs:
            tr = _sub(tbl, "tr")
            _sub(tr, "tc").append(_afsnit(f.etiket, "Tabeltekst"))
            celle = _sub(tr, "tc")
            if f.art == "rig":
                celle.append(sdt(f, tilføj.wordml(f.værdi, "Tabeltekst"), blok=True))
            else:
                p = _afsnit("", "Tabeltekst")
                t = _w("t")
                t.text = vist(f)
                t.set(XML_NS + "space", "preserve")
                r = _w("r")
                r.append(t)
                p.append(sdt(f, [r]))
                celle.append(p)
    _før_sektionsslut(krop, tbl)
    _før_sektionsslut(krop, _afsnit())


def _lås_tabeller(krop) -> None:
    """Wrap each generated table in a locked control; a table with fields inside becomes a group control."""
    n = 0
    for tbl in list(krop.iter(W + "tbl")):
        if any(True for _ in tbl.iterancestors(W + "tbl")) or i_felt(tbl):
            continue
        n += 1
        med_felter = any(i_felt(x) for x in tbl.iter(W + "sdtContent"))
        el = _w("sdt")
        pr = _sub(el, "sdtPr")
        _sub(pr, "alias", val=f"{DANNET_ALIAS}: tabel {n}")
        _sub(pr, "tag", val=DANNET_TAG)
        _sub(pr, "id", val=str(100000 + n))
        _sub(pr, "lock", val="sdtLocked" if med_felter else "sdtContentLocked")
        if med_felter:
            _sub(pr, "group")
        tbl.addprevious(el)
        _sub(el, "sdtContent").append(tbl)


def ankre(krop) -> dict[int, str]:
    """For each rich-text field, the fingerprint of the first generated paragraph after it, where one follows
    in the same container: where the field ends when LibreOffice has made its control inline."""
    ud = {}
    for s in krop.iter(W + "sdt"):
        if not er_felt(s) or s.getparent().tag == W + "p" or s.find(f"{W}sdtPr/{W}text") is not None:
            continue
        for næste in s.itersiblings():
            if næste.tag != W + "p":
                break
            tekst = normaliser(afsnit_uden_felter(næste))
            if tekst:
                ud[int(s.find(f"{W}sdtPr/{W}id").get(W + "val"))] = fingeraftryk_af(tekst)
                break
    return ud


def _bind(krop, alle: list[Felt], guid: str) -> None:
    """Bind the form's short fields to their value in the custom XML part (Word keeps both in step)."""
    plads = {f.nr: i + 1 for i, f in enumerate(alle)}
    nr_felt = {f.nr: f for f in alle}
    for s in krop.iter(W + "sdt"):
        pr = s.find(W + "sdtPr")
        tag = pr.find(W + "tag")
        id_ = pr.find(W + "id")
        if tag is None or id_ is None or tag.get(W + "val") == DANNET_TAG:
            continue
        nr = int(id_.get(W + "val"))
        felt = nr_felt.get(nr)
        if felt is None or felt.art not in ("tekst", "dato", "valg"):
            continue
        binding = _w("dataBinding", prefixMappings=f"xmlns:u='{NS}'",
                     xpath=f"/u:uddprog[1]/u:felter[1]/u:felt[{plads[nr]}]/u:vaerdi[1]", storeItemID=guid)
        pr.find(W + "lock").addnext(binding)


class _Tilføjelser:
    """Lists and links of rich text the form adds after rendering: their w:num and relationships."""

    def __init__(self, dele: dict[str, bytes]) -> None:
        self.numbering = etree.fromstring(dele["word/numbering.xml"]) if "word/numbering.xml" in dele else None
        self.rels = etree.fromstring(dele["word/_rels/document.xml.rels"])
        self.refs: WordRefs | None = None
        if self.numbering is None:
            return
        navne = {}
        for a in self.numbering.iterfind(W + "abstractNum"):
            n = a.find(W + "name")
            if n is not None:
                navne[n.get(W + "val")] = a.get(W + "abstractNumId")
        nums = {n.get(W + "numId"): n.find(W + "abstractNumId").get(W + "val")
                for n in self.numbering.iterfind(W + "num")}
        punkt = next((int(k) for k, v in nums.items() if v == navne.get(BULLET_NAME)), None)
        self.tal = navne.get(NUMBER_NAME)
        if punkt is not None and self.tal is not None:
            self.refs = WordRefs(first_num_id=max(int(k) for k in nums) + 1, bullet_num_id=punkt,
                                 rid_prefix="rIdUdpRed")

    def wordml(self, md: str, stil: str) -> list:
        if not md.strip():
            return [_afsnit("", stil)]
        if self.refs is None:  # no list definitions: cannot happen with CompiledDocx, which adds them
            return [_afsnit(line, stil) for line in md.split("\n\n")]
        xml = to_wordml(md, self.refs, WordStyles(paragraph=stil))
        ramme = etree.fromstring(f'<w:x xmlns:w="{W_NS}" xmlns:r="http://schemas.openxmlformats.org/'
                                 f'officeDocument/2006/relationships">{xml}</w:x>')
        return list(ramme)

    def gem(self, dele: dict[str, bytes]) -> None:
        if self.refs is None or not (self.refs.numbered or self.refs.links):
            return
        for num_id, ilvl, start in self.refs.numbered:
            num = _sub(self.numbering, "num", numId=str(num_id))
            _sub(num, "abstractNumId", val=str(self.tal))
            _sub(_sub(num, "lvlOverride", ilvl=str(ilvl)), "startOverride", val=str(start))
        for rid, url in self.refs.links:
            etree.SubElement(self.rels, "{%s}Relationship" % _PKG_REL, Id=rid, TargetMode="External", Target=url,
                             Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink")
        dele["word/numbering.xml"] = XML_DECL.encode() + etree.tostring(self.numbering, encoding="utf-8")
        dele["word/_rels/document.xml.rels"] = XML_DECL.encode() + etree.tostring(self.rels, encoding="utf-8")


# ---------------------------------------------------------------- the custom XML part


def _kundedata(dele: dict[str, bytes], navne: list[str], xml: bytes, guid: str) -> list[str]:
    """Add the custom XML part (with its properties part) to the package; return the new part names."""
    n = 1
    while f"customXml/item{n}.xml" in dele:
        n += 1
    item, props, rels = f"customXml/item{n}.xml", f"customXml/itemProps{n}.xml", f"customXml/_rels/item{n}.xml.rels"
    dele[item] = xml
    dele[props] = (f'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{guid}" '
                   'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs>'
                   f'<ds:schemaRef ds:uri="{NS}"/></ds:schemaRefs></ds:datastoreItem>').encode("utf-8")
    dele[rels] = (f'{XML_DECL}<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" Type="{REL_CUSTOMXML_PROPS}" '
                  f'Target="itemProps{n}.xml"/></Relationships>').encode("utf-8")
    doc_rels = etree.fromstring(dele["word/_rels/document.xml.rels"])
    taget = {r.get("Id") for r in doc_rels}
    rid = "rIdUdpKilde"
    while rid in taget:
        rid += "x"
    etree.SubElement(doc_rels, "{%s}Relationship" % _PKG_REL, Id=rid, Type=REL_CUSTOMXML,
                     Target=f"../customXml/item{n}.xml")
    dele["word/_rels/document.xml.rels"] = XML_DECL.encode() + etree.tostring(doc_rels, encoding="utf-8")
    ct = etree.fromstring(dele["[Content_Types].xml"])
    if not any(d.get("Extension", "").lower() == "xml" for d in ct.iterfind("{%s}Default" % _CT)):
        etree.SubElement(ct, "{%s}Override" % _CT, PartName=f"/{item}", ContentType="application/xml")
    etree.SubElement(ct, "{%s}Override" % _CT, PartName=f"/{props}", ContentType=CT_CUSTOMXML_PROPS)
    dele["[Content_Types].xml"] = XML_DECL.encode() + etree.tostring(ct, encoding="utf-8")
    return [item, props, rels]


def redigerbar_docx(renderer, program: Uddannelsesprogram, kilde: Kilde, fælles: frozenset[str] = frozenset()) -> bytes:
    """The editable document of one loaded programme (``renderer``: a ``render.Renderer``); the sections in
    ``fælles`` come from shared parts and are printed, not editable."""
    k = renderer.katalog
    mb, skabelon = k.målbeskrivelse(program.målbeskrivelse), k.skabelon(program.skabelon)
    if mb is None or skabelon is None:
        raise RenderError("målbeskrivelsen eller den nationale skabelon findes ikke")
    alle = felter(program, mb.model, skabelon.model, fælles)
    return efterbehandl(renderer.docx(markeret(program, alle)), alle, kilde)
