"""OOXML parts -> the neutral model (``model.py``).

Decisions a reader must make, made here once:

- **Tracked changes** are read as accepted: inserted text is kept, deleted text left
  out, and both are counted so the report says how many there were.
- **Comments** are not document text; they are collected with the text they sit on
  and become YAML comments in the draft and lines in the report.
- **Text boxes** become ordinary blocks placed after the paragraph that anchors them
  (Word's VML fallback copy of the same box is skipped, so nothing appears twice).
- **Fields** keep their shown result (a page number, a cross-reference text), never
  their instruction code.
- Headers, footers and footnotes are collected as text for the draft's comments.
"""

from __future__ import annotations

import re

from .model import Afsnit, Blok, Celle, Dokument, Kommentar, Stykke, Tabel
from .pakke import Pakke
from .resultat import ImportFejl, Trinresultat, antal

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
DC = "{http://purl.org/dc/elements/1.1/}"

_LISTESTIL = re.compile(r"^(?:list bullet|list number|opstilling[^0-9]*|punktopstilling|nummereret liste)\s+([2-9])$")
MAKS_KOLONNER = 63
MAKS_CELLER = 200_000  # table cells on the grid, spans counted: bounds the memory of every table stage
_OVERSKRIFT_NAVN = re.compile(r"^(?:heading|overskrift|rubrik|titre|überschrift|kop)\s*([1-9])$")
_TITEL_NAVNE = {"title", "titel"}
#: A style named as a title ("Forsidetitel", "Dokumenttitel", "Report Title"), not a subtitle.
_TITELSTIL = re.compile(r"(?<!under)(?<!sub)(?<!under )(?<!sub )tit(?:el|le)$")
#: ... but a caption's style ("Tabeltitel", "Figure Title") is not the document's title.
_BILLEDTEKST = re.compile(r"tabel|table|figur|billede|diagram|caption")
_FRA = frozenset({"0", "false", "off", "none"})
_KODEFONTE = frozenset({"courier new", "courier", "consolas", "lucida console", "menlo", "monaco", "source code pro"})
# Elements whose content is document text at the same level (descend into them).
_GENNEM = {W + n for n in ("smartTag", "customXml", "fldSimple", "bdo", "dir", "sdtContent", "ins", "moveTo")}
_SLETTET = {W + "del", W + "moveFrom"}


def _val(el, navn: str) -> str | None:
    x = el.find(W + navn) if el is not None else None
    return None if x is None else x.get(W + "val", "")


def _til(el, navn: str) -> bool | None:
    v = _val(el, navn)
    return None if v is None else v.lower() not in _FRA


class _Stil:
    __slots__ = ("navn", "basis", "niveau", "num", "fed", "kursiv", "str")

    def __init__(self, el) -> None:
        self.navn = (_val(el, "name") or "").strip()
        self.basis = _val(el, "basedOn")
        ppr, rpr = el.find(W + "pPr"), el.find(W + "rPr")
        lvl = _val(ppr, "outlineLvl")
        self.niveau = int(lvl) + 1 if lvl and lvl.isdigit() and int(lvl) < 9 else None
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        self.num = (_val(numpr, "numId"), _val(numpr, "ilvl")) if numpr is not None else None
        self.fed, self.kursiv = _til(rpr, "b"), _til(rpr, "i")
        self.str = _halvpunkter(rpr)


def _halvpunkter(rpr) -> int | None:
    """A font size (w:sz, in half-points) when one is set."""
    v = _val(rpr, "sz")
    return int(v) if v and v.isdigit() and 0 < int(v) < 4000 else None


class _Læser:
    def __init__(self, pakke: Pakke, res: Trinresultat) -> None:
        self.p, self.res = pakke, res
        self.stile: dict[str, _Stil] = {}
        for el in (pakke.styles.iterfind(W + "style") if pakke.styles is not None else ()):
            sid = el.get(W + "styleId")
            if sid:
                self.stile[sid] = _Stil(el)
        self.formater = self._nummerering()
        standard = pakke.styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr") if pakke.styles is not None else None
        self.standardstørrelse = _halvpunkter(standard) or 22   # Word's default is 11 pt
        self._størrelse = 0
        self._cache: dict = {}
        self.indsat = self.slettet = self.billeder = self.celler = 0
        self.kommentar_ved: dict[str, str] = {}
        self._kommentarer: list[str] = []   # comment ids seen in the paragraph being read

    # -- styles and numbering
    def _kæde(self, sid: str | None):
        set_ = set()
        while sid and sid in self.stile and sid not in set_:
            set_.add(sid)
            yield self.stile[sid]
            sid = self.stile[sid].basis

    def _stilværdi(self, sid: str | None, attr: str):
        nøgle = (sid, attr)
        if nøgle not in self._cache:  # every paragraph and run asks; a document has few styles
            self._cache[nøgle] = next((getattr(s, attr) for s in self._kæde(sid) if getattr(s, attr) is not None), None)
        return self._cache[nøgle]

    def _nummerering(self) -> dict[str, dict[str, str]]:
        n = self.p.numbering
        if n is None:
            return {}
        abstrakte = {}
        for a in n.iterfind(W + "abstractNum"):
            abstrakte[a.get(W + "abstractNumId")] = {
                lvl.get(W + "ilvl"): (_val(lvl, "numFmt") or "decimal") for lvl in a.iterfind(W + "lvl")}
        return {num.get(W + "numId"): abstrakte.get(_val(num, "abstractNumId"), {}) for num in n.iterfind(W + "num")}

    def overskriftsniveau(self, sid: str, navn: str, ppr) -> int | None:
        lavet = navn.lower()
        if sid.lower() in _TITEL_NAVNE or lavet in _TITEL_NAVNE or (_TITELSTIL.search(lavet)
                                                                   and not _BILLEDTEKST.search(lavet)):
            return 0     # a regional title style ("Forsidetitel") is the title even with an outline level
        for kandidat in (lavet, sid.lower()):
            m = _OVERSKRIFT_NAVN.match(kandidat)
            if m:
                return int(m.group(1))
        lvl = _val(ppr, "outlineLvl")
        if lvl and lvl.isdigit():
            return int(lvl) + 1 if int(lvl) < 9 else None
        return self._stilværdi(sid, "niveau")

    # -- blocks
    def blokke(self, forælder, kilde: str = "brødtekst") -> list[Blok]:
        ud: list[Blok] = []
        for el in forælder:
            tag = el.tag
            if tag == W + "p":
                ud.extend(self.afsnit(el, kilde))
            elif tag == W + "tbl":
                ud.append(self.tabel(el, kilde))
            elif tag == W + "sdt":
                indhold = el.find(W + "sdtContent")
                if indhold is not None:
                    ud.extend(self.blokke(indhold, kilde))
            elif tag in _GENNEM:
                ud.extend(self.blokke(el, kilde))
            elif tag == MC + "AlternateContent":
                valg = el.find(MC + "Choice")
                if valg is not None:
                    ud.extend(self.blokke(valg, kilde))
        return ud

    def tabel(self, tbl, kilde: str) -> Tabel:
        rækker = []
        for tr in tbl.iter(W + "tr"):
            if tr.getparent() is not tbl and tr.getparent().tag != W + "sdtContent":
                continue  # rows of a nested table belong to that table
            celler = []
            for tc in tr.iter(W + "tc"):
                if tc.getparent() is not tr and tc.getparent().tag != W + "sdtContent":
                    continue
                tcpr = tc.find(W + "tcPr")
                spænd = _val(tcpr, "gridSpan")
                vm = tcpr.find(W + "vMerge") if tcpr is not None else None
                fortsat = vm is not None and vm.get(W + "val", "continue") == "continue"
                # Word allows 63 columns; a larger span is damage (or an attack on memory).
                n = min(int(spænd), MAKS_KOLONNER) if spænd and spænd.isdigit() and int(spænd) > 0 else 1
                self.celler += n
                if self.celler > MAKS_CELLER:
                    raise ImportFejl(f"{self.p.navn}: dokumentet har over {MAKS_CELLER:,} tabelceller og importeres "
                                     "ikke.".replace(",", "."))
                celler.append(Celle(self.blokke(tc, kilde), n, fortsat))
            rækker.append(celler)
        return Tabel(rækker)

    def afsnit(self, p, kilde: str) -> list[Blok]:
        ppr = p.find(W + "pPr")
        sid = _val(ppr, "pStyle") or ""
        stil = self.stile.get(sid)
        navn = stil.navn if stil else sid
        stykker: list[Stykke] = []
        ekstra: list[Blok] = []
        # A paragraph style's bold (every heading style has it) is the style's look, not emphasis in the text;
        # it only tells the fallback heading detection that the whole paragraph is bold.
        stil_fed = bool(self._stilværdi(sid, "fed"))
        self._felter: list[dict] = []  # open complex fields: {"instr": still in the code?, "kode", "link"}
        ydre, self._størrelse = self._størrelse, 0   # a text box's paragraphs are read inside this one
        self._inline(p, stykker, ekstra, None, False, False, kilde)
        størrelse = self._størrelse or self._stilværdi(sid, "str") or self.standardstørrelse
        self._størrelse = ydre
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        num = (_val(numpr, "numId"), _val(numpr, "ilvl")) if numpr is not None else self._stilværdi(sid, "num")
        liste = None
        if num and num[0] and num[0] != "0":
            ilvl = num[1] if num[1] and num[1].isdigit() else "0"
            fmt = self.formater.get(num[0], {}).get(ilvl, "decimal")
            niveau = int(ilvl)
            if numpr is None and (m := _LISTESTIL.match(navn.lower())):
                niveau = int(m.group(1)) - 1  # "List Bullet 2": the style's own list, its level in the name
            liste = (niveau, fmt not in ("bullet", "none"))
        afs = Afsnit(_flet(stykker), sid, navn, self.overskriftsniveau(sid, navn, ppr), liste, kilde, stil_fed,
                     størrelse / 2, self.standardstørrelse / 2)
        tekst = afs.tekst
        for cid in self._kommentarer:
            self.kommentar_ved[cid] = tekst
        self._kommentarer = []
        return [afs, *ekstra]

    def _inline(self, el, ud: list[Stykke], ekstra: list[Blok], link, fed, kursiv, kilde) -> None:
        for c in el:
            tag = c.tag
            if tag == W + "r":
                self._løb(c, ud, ekstra, link, fed, kursiv, kilde)
            elif tag == W + "hyperlink":
                self._inline(c, ud, ekstra, self.p.links.get(c.get(R_ID) or "", link), fed, kursiv, kilde)
            elif tag in _GENNEM:
                if tag == W + "ins":
                    self.indsat += 1
                felt = _feltlink(c.get(W + "instr") or "") if tag == W + "fldSimple" else None
                self._inline(c, ud, ekstra, felt or link, fed, kursiv, kilde)
            elif tag in _SLETTET:
                self.slettet += 1
            elif tag == W + "sdt":
                indhold = c.find(W + "sdtContent")
                if indhold is not None:
                    self._inline(indhold, ud, ekstra, link, fed, kursiv, kilde)
            elif tag == MC + "AlternateContent":
                valg = c.find(MC + "Choice")
                if valg is not None:
                    self._inline(valg, ud, ekstra, link, fed, kursiv, kilde)
            elif tag in (M + "oMath", M + "oMathPara"):
                ud.append(Stykke("".join(t.text or "" for t in c.iter(M + "t")), fed, kursiv, link))
            # Anything else (bookmarks, comment ranges, proofing marks, permissions) carries no text.

    def _løb(self, r, ud, ekstra, link, fed, kursiv, kilde) -> None:
        rpr = r.find(W + "rPr")
        rstil = _val(rpr, "rStyle")
        f = _til(rpr, "b")
        k = _til(rpr, "i")
        fed = f if f is not None else (self._stilværdi(rstil, "fed") or fed)
        kursiv = k if k is not None else (self._stilværdi(rstil, "kursiv") or kursiv)
        fonte = rpr.find(W + "rFonts") if rpr is not None else None
        if any(c.tag == W + "t" and (c.text or "").strip() for c in r):   # the largest text of the paragraph
            self._størrelse = max(self._størrelse, _halvpunkter(rpr) or self._stilværdi(rstil, "str") or 0)
        kode = fonte is not None and (fonte.get(W + "ascii") or "").lower() in _KODEFONTE
        for c in r:
            tag = c.tag
            if tag == W + "fldChar":
                typ = c.get(W + "fldCharType")
                if typ == "begin":
                    self._felter.append({"instr": True, "kode": "", "link": None})
                elif typ == "separate" and self._felter:
                    felt = self._felter[-1]
                    felt["instr"], felt["link"] = False, _feltlink(felt["kode"])
                elif typ == "end" and self._felter:
                    self._felter.pop()
                continue
            if any(f["instr"] for f in self._felter):
                if tag == W + "instrText" and self._felter:
                    self._felter[-1]["kode"] += c.text or ""
                continue  # inside a field's instruction
            link = next((f["link"] for f in reversed(self._felter) if f["link"]), link)  # a HYPERLINK field
            if tag == W + "t":
                ud.append(Stykke(c.text or "", fed, kursiv, link, kode))
            elif tag == W + "tab":
                ud.append(Stykke("\t", fed, kursiv, link))
            elif tag in (W + "br", W + "cr"):
                if c.get(W + "type") not in ("page", "column"):
                    ud.append(Stykke("\n", fed, kursiv, link))
            elif tag == W + "noBreakHyphen":
                ud.append(Stykke("-", fed, kursiv, link))
            elif tag == W + "commentReference":
                self._kommentarer = [*self._kommentarer, c.get(W + "id") or ""]
            elif tag in (W + "drawing", W + "pict", MC + "AlternateContent", W + "object"):
                bokse = _tekstbokse(c)
                for boks in bokse:
                    ekstra.extend(self.blokke(boks, "tekstboks"))
                if not bokse:
                    self.billeder += 1  # a picture, chart or embedded object: no text to keep

    def kommentarer(self) -> list[Kommentar]:
        c = self.p.comments
        if c is None:
            return []
        ud = []
        for k in c.iterfind(W + "comment"):
            cid = k.get(W + "id") or ""
            tekst = " ".join(b.tekst.strip() for b in self.blokke(k) if b.tekst.strip())
            ud.append(Kommentar(cid, k.get(W + "author") or "ukendt", tekst, self.kommentar_ved.get(cid, "")))
        return ud


_HYPERLINK = re.compile(r'^\s*HYPERLINK\s+"([^"]+)"', re.I)


def _feltlink(kode: str) -> str | None:
    """The target of a HYPERLINK field code, so the field's shown text keeps its link."""
    m = _HYPERLINK.match(kode)  # 'HYPERLINK \\l "bogmærke"' (inside the document) does not match
    return m.group(1) if m else None


def _tekstbokse(el):
    """The w:txbxContent elements under a drawing, skipping the VML fallback of an mc:AlternateContent."""
    if el.tag == MC + "AlternateContent":
        valg = el.find(MC + "Choice")
        return _tekstbokse(valg) if valg is not None else []
    ud = []
    for c in el:
        if c.tag == W + "txbxContent":
            ud.append(c)
        elif c.tag == MC + "Fallback":
            continue
        else:
            ud.extend(_tekstbokse(c))
    return ud


def _flet(stykker: list[Stykke]) -> list[Stykke]:
    """Join neighbouring runs of the same formatting (Word splits text into runs at random)."""
    ud: list[Stykke] = []
    for s in stykker:
        if not s.tekst:
            continue
        if ud and (ud[-1].fed, ud[-1].kursiv, ud[-1].link, ud[-1].kode) == (s.fed, s.kursiv, s.link, s.kode):
            ud[-1] = Stykke(ud[-1].tekst + s.tekst, s.fed, s.kursiv, s.link, s.kode)
        else:
            ud.append(s)
    return ud


def _deltekster(læser: _Læser, rødder) -> list[str]:
    ud = []
    for rod in rødder:
        tekst = " · ".join(" ".join(b.tekst.split()) for b in læser.blokke(rod) if b.tekst.strip())
        if tekst and tekst not in ud:
            ud.append(tekst)
    return ud


def læs_dokument(pakke: Pakke) -> Trinresultat[Dokument]:
    res: Trinresultat[Dokument] = Trinresultat(None)  # type: ignore[arg-type]
    l = _Læser(pakke, res)
    krop = pakke.dokument.find(W + "body")
    blokke = l.blokke(krop) if krop is not None else []
    dok = Dokument(blokke)
    dok.indsættelser, dok.sletninger = l.indsat, l.slettet
    dok.kommentarer = l.kommentarer()
    dok.sidehoveder = _deltekster(l, pakke.headers)
    dok.sidefødder = _deltekster(l, pakke.footers)
    noter = []
    for rod in (pakke.footnotes, pakke.endnotes):
        for n in (rod.iterfind(W + "footnote") if rod is not None else ()):
            if n.get(W + "type") in (None, "normal"):
                noter += _deltekster(l, [n])
        for n in (rod.iterfind(W + "endnote") if rod is not None else ()):
            if n.get(W + "type") in (None, "normal"):
                noter += _deltekster(l, [n])
    dok.fodnoter = noter
    if pakke.core is not None:
        t = pakke.core.find(DC + "title")
        dok.titel = " ".join((t.text or "").split()) if t is not None else ""
    if dok.indsættelser or dok.sletninger:
        res.info(f"Sporede ændringer er læst som godkendt: {antal(dok.indsættelser, 'indsættelse', 'indsættelser')} "
                 f"er taget med, {antal(dok.sletninger, 'sletning', 'sletninger')} er udeladt.")
    if dok.kommentarer:
        res.info(f"{antal(len(dok.kommentarer), 'kommentar', 'kommentarer')} fra Word står som YAML-kommentarer "
                 "øverst i udkastet.")
    if pakke.ikke_fulgt:
        vist = "; ".join(pakke.ikke_fulgt[:3]) + (" …" if len(pakke.ikke_fulgt) > 3 else "")
        res.advarsel(f"{antal(len(pakke.ikke_fulgt), 'henvisning', 'henvisninger')} ud af dokumentet er ikke fulgt "
                     f"(uddprog læser kun selve filen): {vist}")
    if l.billeder:
        res.advarsel(f"{antal(l.billeder, 'billede eller indlejret objekt er', 'billeder eller indlejrede objekter er')}"
                     " ikke taget med: tekstfelterne i et "
                     "program kan kun rumme tekst. Beskriv dem med ord, hvis de skal med.")
    bokse = sum(1 for b in _alle(blokke) if isinstance(b, Afsnit) and b.kilde == "tekstboks")
    if bokse:
        res.info(f"{bokse} afsnit fra tekstbokse er taget med der, hvor tekstboksen står.")  # 'afsnit' either way
    res.værdi = dok
    return res


def _alle(blokke):
    for b in blokke:
        yield b
        if isinstance(b, Tabel):
            for r in b.rækker:
                for c in r:
                    yield from _alle(c.blokke)
