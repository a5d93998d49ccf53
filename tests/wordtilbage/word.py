"""Editing an editable document the way Word writes its edits, with lxml.

Word never writes a text as one run: it splits at every edit session (``w:rsidR``), around spelling marks
(``w:proofErr``), at bookmarks (``_GoBack``); it keeps tracked changes as ``w:ins``/``w:del`` with an
author and date, a deleted paragraph mark in the mark's ``w:rPr``. The helpers here write exactly those
shapes, so the update import is tested against what it will meet, not against uddprog's own tidy XML.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
DATO = "2026-12-01T10:00:00Z"


def _el(tag: str, **attrs) -> etree._Element:
    return etree.Element(W + tag, {W + k: v for k, v in attrs.items()})


def _t(tekst: str, tag: str = "t") -> etree._Element:
    t = _el(tag)
    t.text = tekst
    t.set(XML_SPACE, "preserve")
    return t


class Worddokument:
    """A .docx whose document.xml is edited in place; ``gem()`` gives the bytes again."""

    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            self.navne = zf.namelist()
            self.dele = {n: zf.read(n) for n in self.navne}
        self.rod = etree.fromstring(self.dele["word/document.xml"])
        self.krop = self.rod.find(W + "body")
        self._rsid = 0x00A1B2C0
        self._id = 7000

    # -- finding
    def kontrol(self, titel: str) -> etree._Element:
        for s in self.krop.iter(W + "sdt"):
            for navn in ("alias", "tag"):
                el = s.find(f"{W}sdtPr/{W}{navn}")
                if el is not None and el.get(W + "val") == titel:
                    return s
        raise KeyError(titel)

    def indhold(self, titel: str) -> etree._Element:
        return self.kontrol(titel).find(W + "sdtContent")

    def afsnit(self, titel: str) -> list[etree._Element]:
        return [p for p in self.indhold(titel) if p.tag == W + "p"]

    # -- Word's runs
    def _rsid_næste(self) -> str:
        self._rsid += 1
        return f"{self._rsid:08X}"

    def løb(self, tekst: str, fed: bool = False) -> list[etree._Element]:
        """Runs as Word writes a typed text: a few words per run, each run with its edit session, a
        spelling mark around one word."""
        ord_ = re.findall(r"\S+\s*|\s+", tekst)
        ud: list[etree._Element] = []
        for i in range(0, len(ord_), 3):
            r = _el("r", rsidR=self._rsid_næste(), rsidRPr=self._rsid_næste())
            rpr = etree.SubElement(r, W + "rPr")
            if fed:
                etree.SubElement(rpr, W + "b")
            etree.SubElement(rpr, W + "lang", {W + "val": "da-DK"})
            r.append(_t("".join(ord_[i:i + 3])))
            if i == 3:
                ud.append(_el("proofErr", type="spellStart"))
                ud.append(r)
                ud.append(_el("proofErr", type="spellEnd"))
            else:
                ud.append(r)
        return ud

    def nyt_afsnit(self, tekst: str, forbillede: etree._Element | None = None) -> etree._Element:
        p = _el("p", rsidR=self._rsid_næste(), rsidRDefault=self._rsid_næste(), rsidP=self._rsid_næste())
        ppr = forbillede.find(W + "pPr") if forbillede is not None else None
        if ppr is not None:
            p.append(copy.deepcopy(ppr))
        p.extend(self.løb(tekst))
        return p

    # -- edits of a field
    def skriv(self, titel: str, *afsnit: str) -> None:
        """Replace a field's text with ``afsnit`` (paragraphs), typed in Word."""
        s = self.kontrol(titel)
        indhold = s.find(W + "sdtContent")
        if s.getparent().tag == W + "p" or indhold.find(W + "p") is None:  # an inline control
            for c in list(indhold):
                indhold.remove(c)
            indhold.extend(self.løb(" ".join(afsnit)))
            return
        gamle = [p for p in indhold if p.tag == W + "p"]
        forbillede = gamle[0]
        for c in list(indhold):
            indhold.remove(c)
        for tekst in afsnit:
            indhold.append(self.nyt_afsnit(tekst, forbillede))
        _go_back(indhold)

    def erstat(self, titel: str, gammel: str, ny: str) -> None:
        """Replace a phrase inside one run-split paragraph of a field, as Word does when you retype it."""
        for p in self.indhold(titel).iter(W + "p"):
            tekst = "".join(t.text or "" for t in p.iter(W + "t"))
            if gammel in tekst:
                _erstat_i_afsnit(self, p, gammel, ny)
                return
        raise KeyError(gammel)

    def tilføj_afsnit(self, titel: str, tekst: str) -> None:
        afsnit = self.afsnit(titel)
        afsnit[-1].addnext(self.nyt_afsnit(tekst, afsnit[-1]))

    def fed(self, titel: str, ord_: str) -> None:
        """Make a word bold: Word splits the run around it and gives the middle ``w:b``."""
        for p in self.indhold(titel).iter(W + "p"):
            tekst = "".join(t.text or "" for t in p.iter(W + "t"))
            if ord_ in tekst:
                _erstat_i_afsnit(self, p, ord_, ord_, fed=True)
                return
        raise KeyError(ord_)

    def spor_indsæt(self, titel: str, tekst: str, forfatter: str = "Karen Fiktivsen") -> None:
        """A tracked insertion at the end of a field's first paragraph."""
        p = self.afsnit(titel)[0]
        ins = _el("ins", id=str(self._næste_id()), author=forfatter, date=DATO)
        ins.extend(self.løb(tekst))
        p.append(ins)

    def spor_slet(self, titel: str, ord_: str, forfatter: str = "Karen Fiktivsen") -> None:
        """A tracked deletion of a phrase (its runs wrapped in ``w:del``, ``w:t`` become ``w:delText``)."""
        for p in self.indhold(titel).iter(W + "p"):
            tekst = "".join(t.text or "" for t in p.iter(W + "t"))
            if ord_ in tekst:
                _erstat_i_afsnit(self, p, ord_, ord_, slet=forfatter)
                return
        raise KeyError(ord_)

    def spor_nyt_afsnit(self, titel: str, tekst: str, forfatter: str = "Karen Fiktivsen") -> None:
        """A tracked new paragraph after the field's first: Word marks the first paragraph's mark inserted."""
        p = self.afsnit(titel)[0]
        ppr = p.find(W + "pPr")
        if ppr is None:
            ppr = _el("pPr")
            p.insert(0, ppr)
        rpr = ppr.find(W + "rPr")
        if rpr is None:
            rpr = etree.SubElement(ppr, W + "rPr")
        rpr.append(_el("ins", id=str(self._næste_id()), author=forfatter, date=DATO))
        ny = _el("p", rsidR=self._rsid_næste())
        if p.find(W + "pPr") is not None:
            ppr2 = copy.deepcopy(p.find(W + "pPr"))
            r2 = ppr2.find(W + "rPr")
            if r2 is not None:
                ppr2.remove(r2)
            ny.append(ppr2)
        ins = _el("ins", id=str(self._næste_id()), author=forfatter, date=DATO)
        ins.extend(self.løb(tekst))
        ny.append(ins)
        p.addnext(ny)

    def slet_kontrol(self, titel: str) -> None:
        s = self.kontrol(titel)
        s.getparent().remove(s)

    def skriv_udenfor(self, tekst: str) -> None:
        """A paragraph typed between two fields, in no control (after the first heading)."""
        for p in self.krop.iter(W + "p"):
            stil = p.find(f"{W}pPr/{W}pStyle")
            if stil is not None and stil.get(W + "val") == "Heading1":
                p.addnext(self.nyt_afsnit(tekst))
                return

    def vælg(self, titel: str, vist: str) -> None:
        """Choose in a drop-down: Word writes the chosen item's name as the content."""
        self._kort(titel, vist)

    def dato(self, titel: str, iso: str, vist: str) -> None:
        """Pick a date: Word sets ``w:fullDate`` and writes the date in the control's format."""
        s = self.kontrol(titel)
        s.find(f"{W}sdtPr/{W}date").set(W + "fullDate", f"{iso}T00:00:00Z")
        self._kort(titel, vist)

    def _kort(self, titel: str, tekst: str) -> None:
        indhold = self.indhold(titel)
        for c in list(indhold):
            indhold.remove(c)
        indhold.extend(self.løb(tekst))

    def uden_tags(self) -> None:
        """What LibreOffice does to every control: no ``w:tag``, no ``w:lock``."""
        for navn in ("tag", "lock"):
            for el in list(self.krop.iter(W + navn)):
                if el.getparent().tag == W + "sdtPr":
                    el.getparent().remove(el)

    def _næste_id(self) -> int:
        self._id += 1
        return self._id

    def gem(self) -> bytes:
        self.dele["word/document.xml"] = etree.tostring(self.rod, xml_declaration=True, encoding="UTF-8",
                                                        standalone=True)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for n in self.navne:
                zf.writestr(n, self.dele[n])
        return buf.getvalue()


def _go_back(forælder) -> None:
    """Word leaves a ``_GoBack`` bookmark where the cursor was."""
    p = [x for x in forælder.iter(W + "p")][-1]
    p.append(_el("bookmarkStart", id="0", name="_GoBack"))
    p.append(_el("bookmarkEnd", id="0"))


def _erstat_i_afsnit(dok: Worddokument, p, gammel: str, ny: str, fed: bool = False, slet: str | None = None) -> None:
    """Rewrite paragraph ``p`` with ``gammel`` replaced: the text before and after keeps each character's
    run formatting (split into Word's small runs), the replaced part is typed anew (bold, or tracked deleted).
    The paragraph is written anew, so edits that keep their own marks (tracked ones) come after this one."""
    tegn: list[tuple[str, etree._Element | None]] = []  # (character, its run's rPr)
    for r in p.iter(W + "r"):
        rpr = r.find(W + "rPr")
        for t in r.iter(W + "t"):
            tegn += [(c, rpr) for c in (t.text or "")]
    tekst = "".join(c for c, _ in tegn)
    i = tekst.index(gammel)
    for c in [c for c in p if c.tag != W + "pPr"]:
        p.remove(c)

    def stykker(fra: int, til: int, forælder=p):
        start = fra
        while start < til:
            rpr = tegn[start][1]
            slut = start
            while slut < til and tegn[slut][1] is rpr:
                slut += 1
            for delrun in dok.løb(tekst[start:slut]):
                if delrun.tag == W + "r":
                    gammel_rpr = delrun.find(W + "rPr")
                    delrun.remove(gammel_rpr)
                    delrun.insert(0, copy.deepcopy(rpr) if rpr is not None else _el("rPr"))
                forælder.append(delrun)
            start = slut

    stykker(0, i)
    if slet:  # the deleted runs keep their formatting, their text becomes w:delText
        d = _el("del", id=str(dok._næste_id()), author=slet, date=DATO)
        stykker(i, i + len(gammel), d)
        for t in d.iter(W + "t"):
            t.tag = W + "delText"
        p.append(d)
    else:
        p.extend(dok.løb(ny, fed=fed))
    stykker(i + len(gammel), len(tegn))
