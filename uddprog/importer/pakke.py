"""Reading a Word package safely: bounded zip, XML without DTDs or entities, parts only from inside.

A .docx is a zip of XML parts. Everything here assumes the file is hostile: sizes are
checked as declared in the zip directory and again while inflating (a zip bomb can
lie about both), XML is parsed by lxml with entities and network off and any DTD is
refused before parsing (Word never writes one), and parts are looked up by name
inside the zip only: relationships that point outside it (``TargetMode="External"``,
``../``) are never opened, so no file outside the document is read.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .resultat import ImportFejl

MAKS_FIL = 50 * 1024 * 1024          # a programme with pictures is a few MB
MAKS_DEL = 25 * 1024 * 1024          # one XML part, inflated
MAKS_I_ALT = 60 * 1024 * 1024        # all parts read, inflated
MAKS_DELE = 5000                     # zip entries
MAKS_FORHOLD = 150                   # inflated / compressed for a large part (XML compresses 5–20×)
MAKS_ELEMENTER = 2_000_000           # XML elements in the main part

OLE_MAGI = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}
_OFFICE_DOC = "/officeDocument"
_WORD_TYPER = ("wordprocessingml.document.main", "wordprocessingml.template.main",
               "ms-word.document.macroEnabled.main", "ms-word.template.macroEnabledTemplate.main")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_pis=True, collect_ids=False)


@dataclass
class Pakke:
    """The parts of one Word document, read and parsed (``None`` where a part is absent)."""

    navn: str
    dokument: etree._Element
    styles: etree._Element | None = None
    numbering: etree._Element | None = None
    comments: etree._Element | None = None
    footnotes: etree._Element | None = None
    endnotes: etree._Element | None = None
    core: etree._Element | None = None
    headers: list[etree._Element] = field(default_factory=list)
    footers: list[etree._Element] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)  # rId -> external URL (text only, never opened)
    ikke_fulgt: list[str] = field(default_factory=list)  # other references out of the package, never opened
    kundedata: list[etree._Element] = field(default_factory=list)  # custom XML parts (the update import's source)


def art(data: bytes) -> str:
    """'zip', 'ole-krypteret' (an encrypted OOXML file), 'ole-doc' (old binary Word), 'ole' or 'ukendt'."""
    if data[:4] == b"PK\x03\x04" or data[:4] == b"PK\x05\x06":
        return "zip"
    if data[:8] == OLE_MAGI:
        if "EncryptedPackage".encode("utf-16-le") in data:
            return "ole-krypteret"
        if "WordDocument".encode("utf-16-le") in data:
            return "ole-doc"
        return "ole"
    return "ukendt"


class _Læser:
    def __init__(self, navn: str, zf: zipfile.ZipFile) -> None:
        self.navn, self.zf = navn, zf
        self.læst = 0
        self.infos = {i.filename: i for i in zf.infolist()}

    def fejl(self, tekst: str) -> ImportFejl:
        return ImportFejl(f"{self.navn}: {tekst}")

    def rå(self, del_: str) -> bytes | None:
        info = self.infos.get(del_)
        if info is None:
            return None
        if info.flag_bits & 0x1:
            raise self.fejl("dokumentet er krypteret (beskyttet med adgangskode). Gem det uden adgangskode i Word, "
                            "og importér det igen.")
        if info.file_size > MAKS_DEL or (info.file_size > 1024 * 1024
                                         and info.file_size > MAKS_FORHOLD * max(info.compress_size, 1)):
            raise self.fejl(f"delen '{del_}' er for stor ({info.file_size:,} byte udpakket) – "
                            "filen ligner en zip-bombe og importeres ikke.".replace(",", "."))
        try:
            with self.zf.open(info) as f:
                data = f.read(MAKS_DEL + 1)  # the declared size may lie: never inflate more than the limit
        except Exception as e:  # a damaged member: zipfile and zlib raise many kinds (zlib.error, struct.error …)
            raise self.fejl(f"delen '{del_}' kan ikke pakkes ud ({type(e).__name__}: {e}).") from None
        if len(data) > MAKS_DEL:
            raise self.fejl(f"delen '{del_}' er større end oplyst – filen ligner en zip-bombe og importeres ikke.")
        self.læst += len(data)
        if self.læst > MAKS_I_ALT:
            raise self.fejl("dokumentet fylder for meget udpakket – filen ligner en zip-bombe og importeres ikke.")
        return data

    def xml(self, del_: str) -> etree._Element | None:
        data = self.rå(del_)
        if data is None:
            return None
        # Word never writes a DTD; one here can only be an entity attack (XXE, "billion laughs").
        hoved = data[:4096].lower()
        if b"<!doctype" in hoved or b"<!entity" in data.lower():
            raise self.fejl(f"delen '{del_}' indeholder en DTD eller entiteter, som Word aldrig skriver; "
                            "filen importeres ikke.")
        try:
            rod = etree.fromstring(data, _parser())
        except etree.XMLSyntaxError as e:
            raise self.fejl(f"delen '{del_}' er ikke gyldig XML ({e.msg}).") from None
        return rod

    def relationer(self, del_: str) -> list[tuple[str, str, str, bool]]:
        """(id, type, target part or URL, external) for a part's relationships."""
        mappe, fil = posixpath.split(del_)
        rels = self.xml(posixpath.join(mappe, "_rels", fil + ".rels"))
        ud = []
        for r in rels.iterfind("pr:Relationship", NS) if rels is not None else ():
            mål = r.get("Target") or ""
            ekstern = r.get("TargetMode") == "External"
            if not ekstern:
                inde = posixpath.normpath(posixpath.join(mappe, mål)) if not mål.startswith("/") else mål.lstrip("/")
                if inde.startswith("../") or inde == "..":
                    ekstern = True  # outside the package: never followed, reported like an external target
                else:
                    mål = inde
            ud.append((r.get("Id") or "", r.get("Type") or "", mål, ekstern))
        return ud


def læs_pakke(data: bytes, navn: str) -> Pakke:
    """Open a .docx held in memory; raises ImportFejl with a Danish message naming the file."""
    if len(data) > MAKS_FIL:
        raise ImportFejl(f"{navn}: filen er for stor ({len(data) // (1024 * 1024)} MB; højst "
                         f"{MAKS_FIL // (1024 * 1024)} MB).")
    slags = art(data)
    if slags == "ole-krypteret":
        raise ImportFejl(f"{navn}: dokumentet er krypteret (beskyttet med adgangskode). Gem det uden adgangskode "
                         "i Word (Filer › Oplysninger › Beskyt dokument), og importér det igen.")
    if slags == "ole-doc":  # importer() converts these first; bytes given directly cannot be
        raise ImportFejl(f"{navn}: filen er et gammelt Word-dokument (.doc); gem det som .docx i Word, eller "
                         "importér filen med 'uddprog import', som konverterer den med LibreOffice.")
    if slags != "zip":
        raise ImportFejl(f"{navn}: filen er ikke et Word-dokument (.docx).")
    import io

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except Exception as e:  # damaged directories raise BadZipFile, but also struct.error, UnicodeDecodeError …
        raise ImportFejl(f"{navn}: filen er en beskadiget zip-fil og kan ikke læses som Word-dokument ({e}).") from None
    with zf:
        if len(zf.infolist()) > MAKS_DELE:
            raise ImportFejl(f"{navn}: filen har {len(zf.infolist())} dele (højst {MAKS_DELE}); den importeres ikke.")
        l = _Læser(navn, zf)
        typer = l.xml("[Content_Types].xml")
        hoved = next((mål for _, typ, mål, ekstern in l.relationer("") if typ.endswith(_OFFICE_DOC) and not ekstern),
                     None) if "_rels/.rels" in l.infos else None
        if typer is None or hoved is None or hoved not in l.infos:
            raise ImportFejl(f"{navn}: filen er en zip-fil, men ikke et Word-dokument (intet hoveddokument).")
        indhold = {o.get("PartName", "").lstrip("/"): o.get("ContentType", "")
                   for o in typer.iterfind("ct:Override", NS)}
        if not any(t in indhold.get(hoved, "") for t in _WORD_TYPER):
            raise ImportFejl(f"{navn}: filen er en zip-fil, men ikke et Word-dokument "
                             f"(hoveddelen er '{indhold.get(hoved) or 'ukendt'}').")
        dok = l.xml(hoved)
        if sum(1 for _ in dok.iter()) > MAKS_ELEMENTER:
            raise ImportFejl(f"{navn}: dokumentet er for stort (over {MAKS_ELEMENTER:,} XML-elementer).".replace(",", "."))
        p = Pakke(navn=navn, dokument=dok)
        for rid, typ, mål, ekstern in l.relationer(hoved):
            kind = typ.rsplit("/", 1)[-1]
            if ekstern:
                if kind == "hyperlink":
                    p.links[rid] = mål
                else:
                    p.ikke_fulgt.append(f"{kind} → {mål}")
                continue
            if kind in ("styles", "numbering", "comments", "footnotes", "endnotes"):
                setattr(p, kind, l.xml(mål))
            elif kind == "customXml":
                el = l.xml(mål)
                if el is not None:
                    p.kundedata.append(el)
            elif kind in ("header", "footer"):
                el = l.xml(mål)
                if el is not None:
                    (p.headers if kind == "header" else p.footers).append(el)
        for _, typ, mål, ekstern in l.relationer(""):
            if typ.endswith("/core-properties") and not ekstern:
                p.core = l.xml(mål)
        return p


def læs_fil(sti: Path) -> bytes:
    """A document's bytes, refusing what is not a regular file or too large (checked before reading)."""
    try:
        if not sti.is_file():
            raise ImportFejl(f"{sti}: {'findes ikke' if not sti.exists() else 'er ikke en almindelig fil'}.")
        if sti.stat().st_size > MAKS_FIL:
            raise ImportFejl(f"{sti}: filen er for stor ({sti.stat().st_size // (1024 * 1024)} MB; højst "
                             f"{MAKS_FIL // (1024 * 1024)} MB).")
        with open(sti, "rb") as f:
            return f.read(MAKS_FIL + 1)
    except OSError as e:
        raise ImportFejl(f"{sti}: filen kan ikke læses ({e.strerror}).") from None
