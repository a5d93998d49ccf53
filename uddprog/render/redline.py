"""Word tracked changes between two renderings of a document: the new one, with the old one's text marked deleted.

The approval committee reads the revised programme as the real Word document and accepts or rejects
each change. Input: two DOCX packages rendered through the same template. Output: the new package whose
``word/document.xml`` carries ``w:ins``/``w:del`` against the old, with one fixed author and date so the
same pair always gives the same bytes.

Alignment follows how a reader compares: the body's paragraphs and tables are matched with difflib on
their text; a changed paragraph pair is diffed word by word, each word keeping its own run formatting.
Tables are compared row by row: a row that only moved is marked moved (``w:moveFrom`` where it was,
``w:moveTo`` where it is), a changed row is paired with the old row it resembles most (at least half of its
cells the same) and diffed cell by cell, so a one-cell change shows inside that cell; the rest is deleted
or inserted whole, and tables of another shape are replaced whole. Paragraphs with fields, drawings or other
non-text content change as a whole. Accepting every change gives exactly the new text, rejecting every
change exactly the old.
"""

from __future__ import annotations

import copy
import difflib
import io
import re
import zipfile

from lxml import etree

from .. import sporede
from ..skriv import zip_bytes

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS
FORFATTER = "uddprog"
STANDARDDATO = "2000-01-01T00:00:00Z"

_TEKST_I_RUN = {W + "t", W + "tab", W + "br", W + "rPr", W + "cr", W + "noBreakHyphen", W + "softHyphen"}
_ORD = re.compile(r"\s+|[^\s]+")


def tekst(el: etree._Element) -> str:
    """The visible text of a paragraph, row or table (tabs and breaks as characters)."""
    dele = []
    for e in el.iter(W + "t", W + "delText", W + "tab", W + "br", W + "p"):
        if e.tag == W + "p" and e is not el:
            dele.append("\n")
        elif e.tag in (W + "t", W + "delText"):
            dele.append(e.text or "")
        elif e.tag == W + "tab":
            dele.append("\t")
        elif e.tag == W + "br":
            dele.append("\n")
    return "".join(dele)


class _Mærker:
    """Fresh ids and the fixed author and date for every change mark."""

    def __init__(self, dato: str):
        self.dato = dato
        self.næste = 90000  # above the template's own bookmark and field ids

    def lav(self, art: str) -> etree._Element:
        self.næste += 1
        return etree.Element(W + art, {W + "id": str(self.næste), W + "author": FORFATTER, W + "date": self.dato})

    def flytning(self) -> tuple[str, str]:
        """(id, name) of one move's pair of ranges: where the content was and where it is now."""
        self.næste += 1
        return str(self.næste), f"flyt{self.næste}"


def _marker_afsnitstegn(p: etree._Element, art: str, m: _Mærker) -> None:
    ppr = p.find(W + "pPr")
    if ppr is None:
        ppr = etree.SubElement(p, W + "pPr")
        p.remove(ppr)
        p.insert(0, ppr)
    rpr = ppr.find(W + "rPr")
    if rpr is None:
        rpr = etree.SubElement(ppr, W + "rPr")
    rpr.insert(0, m.lav(art))


def _som_slettet(run: etree._Element) -> None:
    for t in run.iter(W + "t"):
        t.tag = W + "delText"
    for t in run.iter(W + "instrText"):
        t.tag = W + "delInstrText"


_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def _rens_gammel(el: etree._Element, numre: set[str]) -> None:
    """Old content carried into the new document: no bookmarks (their names exist in the new one), no
    hyperlinks (their relationship ids belong to the old package; the text stays) and no references to
    list numbering the new package does not define."""
    for b in list(el.iter(W + "bookmarkStart", W + "bookmarkEnd")):
        b.getparent().remove(b)
    for h in list(el.iter(W + "hyperlink")):
        forælder = h.getparent()
        i = forælder.index(h)
        for barn in reversed(list(h)):
            forælder.insert(i, barn)
        forælder.remove(h)
    for e in el.iter():
        for navn in [a for a in e.attrib if a.startswith(_R)]:
            del e.attrib[navn]  # any other reference into the old package's relationships
    for num in list(el.iter(W + "numPr")):
        nid = num.find(W + "numId")
        if nid is None or nid.get(W + "val") not in numre:
            num.getparent().remove(num)


def _pak_runs(el: etree._Element, art: str, m: _Mærker) -> None:
    """Wrap every run below ``el`` in w:ins or w:del (turning text into deleted text for w:del)."""
    for run in list(el.iter(W + "r")):
        forælder = run.getparent()
        if etree.QName(forælder).localname in ("ins", "del", "moveFrom", "moveTo"):
            continue
        if art in ("del", "moveFrom"):
            _som_slettet(run)
        omslag = m.lav(art)
        forælder.replace(run, omslag)
        omslag.append(run)


def _helt(el: etree._Element, art: str, m: _Mærker, numre: set[str]) -> etree._Element:
    """A whole paragraph or table marked inserted or deleted."""
    el = copy.deepcopy(el)
    if art == "del":
        _rens_gammel(el, numre)
    _pak_runs(el, art, m)
    if el.tag == W + "p":
        _marker_afsnitstegn(el, art, m)
    else:
        for p in el.iter(W + "p"):
            _marker_afsnitstegn(p, art, m)
        for tr in el.iter(W + "tr"):
            _marker_række(tr, art, m)
    return el


_RÆKKEEGENSKABER = {W + n for n in ("cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter",
                                     "cantSplit", "trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden")}


def _marker_række(tr: etree._Element, art: str, m: _Mærker) -> None:
    trpr = tr.find(W + "trPr")
    if trpr is None:
        trpr = etree.Element(W + "trPr")
        tblpr = tr.find(W + "tblPrEx")
        tr.insert(1 if tblpr is not None else 0, trpr)
    if not any(barn.tag in _RÆKKEEGENSKABER for barn in trpr):
        # the schema wants one row property before the change mark; "may split" is Word's default anyway
        etree.SubElement(trpr, W + "cantSplit", {W + "val": "off"})
    trpr.append(m.lav(art))


def _enkel(p: etree._Element) -> bool:
    """A paragraph of plain runs only (text, tabs, breaks): those are diffed word by word."""
    for barn in p:
        if barn.tag == W + "pPr":
            continue
        if barn.tag != W + "r" or any(e.tag not in _TEKST_I_RUN for e in barn):
            return False
    return True


def _tokens(p: etree._Element) -> list[tuple[str, etree._Element | None]]:
    """Words and spaces of a plain paragraph, each with the run properties it is written in."""
    ud = []
    for run in p.findall(W + "r"):
        rpr = run.find(W + "rPr")
        for e in run:
            if e.tag == W + "t":
                ud += [(x, rpr) for x in _ORD.findall(e.text or "")]
            elif e.tag == W + "tab":
                ud.append(("\t", rpr))
            elif e.tag in (W + "br", W + "cr"):
                ud.append(("\n", rpr))
    return ud


def _run(tekst: str, rpr, slettet: bool) -> etree._Element:
    r = etree.Element(W + "r")
    if rpr is not None:
        r.append(copy.deepcopy(rpr))
    for del_ in re.split(r"([\t\n])", tekst):
        if del_ == "\t":
            etree.SubElement(r, W + "tab")
        elif del_ == "\n":
            etree.SubElement(r, W + "br")
        elif del_:
            t = etree.SubElement(r, W + ("delText" if slettet else "t"))
            t.text = del_
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return r


def _samlet(koder: list[tuple], ny: list[tuple[str, object]]) -> list[tuple]:
    """Opcodes where changes separated only by unchanged spaces are one change: a replaced text reads as one
    deletion and one insertion, not as alternating words with the spaces between them kept."""
    ud: list[tuple] = []
    for k in koder:
        if k[0] != "equal" and len(ud) >= 2 and ud[-2][0] != "equal" and ud[-1][0] == "equal" \
                and all(not t.strip() for t, _ in ny[ud[-1][3]:ud[-1][4]]):
            ud.pop()  # the spaces between two changes
            før = ud.pop()
            k = ("replace", før[1], k[2], før[3], k[4])
        ud.append(k)
    return ud


def _ordvis(gammel: etree._Element, ny: etree._Element, m: _Mærker) -> etree._Element:
    """The new paragraph with word-level marks against the old one (both plain)."""
    g, n = _tokens(gammel), _tokens(ny)
    ud = etree.Element(W + "p", ny.attrib)
    ppr = ny.find(W + "pPr")
    if ppr is not None:
        ud.append(copy.deepcopy(ppr))

    def skriv(tokens, art: str | None):
        # consecutive tokens with the same run properties go into one run
        grupper: list[tuple[object, list[str]]] = []
        for t, rpr in tokens:
            if grupper and grupper[-1][0] is rpr:
                grupper[-1][1].append(t)
            else:
                grupper.append((rpr, [t]))
        for rpr, dele in grupper:
            r = _run("".join(dele), rpr, art == "del")
            if art is None:
                ud.append(r)
            else:
                omslag = m.lav(art)
                omslag.append(r)
                ud.append(omslag)

    sm = difflib.SequenceMatcher(None, [t for t, _ in g], [t for t, _ in n], autojunk=False)
    for op, i1, i2, j1, j2 in _samlet(sm.get_opcodes(), n):
        if op == "equal":
            skriv(n[j1:j2], None)
        else:
            if i2 > i1:
                skriv(g[i1:i2], "del")
            if j2 > j1:
                skriv(n[j1:j2], "ins")
    return ud


def _tabel(gammel: etree._Element, ny: etree._Element, m: _Mærker, numre: set[str]) -> list[etree._Element]:
    """A changed table, row by row when both have the same columns, else old deleted and new inserted.

    Rows are aligned on their text; of the rows that differ, one deleted in one place and inserted unchanged
    in another is a move, and the rest are paired (monotonically, most cells in common first) and diffed cell
    by cell. What is left is deleted or inserted whole."""
    def kolonner(t):
        return [c.get(W + "w") for c in t.iter(W + "gridCol")]
    if kolonner(gammel) != kolonner(ny):
        return [_helt(gammel, "del", m, numre), _helt(ny, "ins", m, numre)]
    ud = copy.deepcopy(ny)
    for tr in ud.findall(W + "tr"):
        ud.remove(tr)
    gr, nr = gammel.findall(W + "tr"), ny.findall(W + "tr")
    gn, nn = [_række_nøgle(r) for r in gr], [_række_nøgle(r) for r in nr]
    koder = difflib.SequenceMatcher(None, gn, nn, autojunk=False).get_opcodes()
    # moves: an old row gone from one block whose exact text is new in another place
    væk = [i for op, i1, i2, _, _ in koder if op != "equal" for i in range(i1, i2)]
    kom = [j for op, _, _, j1, j2 in koder if op != "equal" for j in range(j1, j2)]
    ledige: dict[str, list[int]] = {}
    for j in kom:
        ledige.setdefault(nn[j], []).append(j)
    flyt: dict[int, int] = {}
    for i in væk:
        if ledige.get(gn[i]):
            flyt[i] = ledige[gn[i]].pop(0)
    flyttet_til = set(flyt.values())
    navne: dict[int, tuple[str, str]] = {i: m.flytning() for i in flyt}  # old row → its move's id and name
    navn_til = {j: navne[i] for i, j in flyt.items()}
    for op, i1, i2, j1, j2 in koder:
        if op == "equal":
            ud.extend(copy.deepcopy(r) for r in nr[j1:j2])
            continue
        gamle = [i for i in range(i1, i2) if i not in flyt]
        nye = [j for j in range(j1, j2) if j not in flyttet_til]
        par = _rækkepar(gamle, nye, gr, nr)
        a, b = i1, j1  # all rows of the block, moved ones included, are written in order
        for pi, pj in [*par, (i2, j2)]:
            for i in range(a, pi):
                ud.append(_flyttet_række(gr[i], "moveFrom", navne[i], m, numre) if i in flyt
                          else _helt_række(gr[i], "del", m, numre))
            for j in range(b, pj):
                ud.append(_flyttet_række(nr[j], "moveTo", navn_til[j], m, numre) if j in flyttet_til
                          else _helt_række(nr[j], "ins", m, numre))
            if pi < i2:
                ud.append(_række(gr[pi], nr[pj], m, numre))
            a, b = pi + 1, pj + 1
    return [ud]


def _celler_ens(a, b) -> float:
    """The share of cells two rows have in common (0 when their cells do not line up)."""
    ca, cb = a.findall(W + "tc"), b.findall(W + "tc")
    if len(ca) != len(cb) or not ca:
        return 0.0
    return sum(tekst(x) == tekst(y) for x, y in zip(ca, cb)) / len(ca)


def _rækkepar(gamle: list[int], nye: list[int], gr, nr) -> list[tuple[int, int]]:
    """Old and new rows paired in order, most cells in common overall, each pair with at least half its cells
    the same (a dynamic programme over the block; blocks are small)."""
    lighed = [[_celler_ens(gr[i], nr[j]) for j in nye] for i in gamle]
    bedst = [[0.0] * (len(nye) + 1) for _ in range(len(gamle) + 1)]
    for x in range(len(gamle) - 1, -1, -1):
        for y in range(len(nye) - 1, -1, -1):
            bedst[x][y] = max(bedst[x + 1][y], bedst[x][y + 1],
                              bedst[x + 1][y + 1] + lighed[x][y] if lighed[x][y] >= 0.5 else 0.0)
    par, x, y = [], 0, 0
    while x < len(gamle) and y < len(nye):
        if lighed[x][y] >= 0.5 and bedst[x][y] == bedst[x + 1][y + 1] + lighed[x][y]:
            par.append((gamle[x], nye[y]))
            x, y = x + 1, y + 1
        elif bedst[x][y] == bedst[x + 1][y]:
            x += 1
        else:
            y += 1
    return par


def _række(gammel, ny, m: _Mærker, numre: set[str]) -> etree._Element:
    """The new row with each changed cell diffed against the old row's cell in the same place."""
    ud = copy.deepcopy(ny)
    for gtc, tc in zip(gammel.findall(W + "tc"), ud.findall(W + "tc")):
        if tekst(gtc) == tekst(tc):
            continue
        blokke = [e for e in tc if e.tag != W + "tcPr"]
        for e in blokke:
            tc.remove(e)
        tc.extend(_blokke([e for e in gtc if e.tag != W + "tcPr"], blokke, m, numre))
    return ud


def _række_nøgle(tr) -> str:
    return "\x1f".join(tekst(tc) for tc in tr.findall(W + "tc"))


def _helt_række(tr, art: str, m: _Mærker, numre: set[str]):
    tr = copy.deepcopy(tr)
    if art == "del":
        _rens_gammel(tr, numre)
    _pak_runs(tr, art, m)
    for p in tr.iter(W + "p"):
        _marker_afsnitstegn(p, art, m)
    _marker_række(tr, art, m)
    return tr


def _flyttet_række(tr, art: str, flytning: tuple[str, str], m: _Mærker, numre: set[str]):
    """A row that moved unchanged: its text in a move range (``moveFrom`` where it was, ``moveTo`` where it
    is), the row itself deleted or inserted, as Word has no move for a row."""
    tr = copy.deepcopy(tr)
    if art == "moveFrom":
        _rens_gammel(tr, numre)
    _pak_runs(tr, art, m)
    afsnit_ = list(tr.iter(W + "p"))
    for p in afsnit_:
        _marker_afsnitstegn(p, art, m)
    id_, navn = flytning
    start = etree.Element(W + f"{art}RangeStart", {W + "id": id_, W + "name": navn, W + "author": FORFATTER,
                                                    W + "date": m.dato})
    ppr = afsnit_[0].find(W + "pPr")
    afsnit_[0].insert(0 if ppr is None else afsnit_[0].index(ppr) + 1, start)
    afsnit_[-1].append(etree.Element(W + f"{art}RangeEnd", {W + "id": id_}))
    _marker_række(tr, "del" if art == "moveFrom" else "ins", m)
    return tr


def _nøgle(el) -> tuple[str, str]:
    return (etree.QName(el).localname, tekst(el))


def _blokke(g: list, n: list, m: _Mærker, numre: set[str]) -> list[etree._Element]:
    """Tracked changes between two sequences of paragraphs and tables (a body, or a table cell)."""
    ud: list[etree._Element] = []
    sm = difflib.SequenceMatcher(None, [_nøgle(e) for e in g], [_nøgle(e) for e in n], autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            ud.extend(copy.deepcopy(e) for e in n[j1:j2])
            continue
        gamle, nye = g[i1:i2], n[j1:j2]
        # pair changed elements of the same kind in order; the rest is deleted or inserted whole
        while gamle and nye and gamle[0].tag == nye[0].tag:
            a, b = gamle.pop(0), nye.pop(0)
            if a.tag == W + "p" and _enkel(a) and _enkel(b):
                ud.append(_ordvis(a, b, m))
            elif a.tag == W + "tbl":
                ud.extend(_tabel(a, b, m, numre))
            else:
                ud.append(_helt(a, "del", m, numre))
                ud.append(_helt(b, "ins", m, numre))
        ud.extend(_helt(e, "del", m, numre) for e in gamle)
        ud.extend(_helt(e, "ins", m, numre) for e in nye)
    return ud


def redline_krop(gammel: etree._Element, ny: etree._Element, dato: str = STANDARDDATO,
                 numre: set[str] | None = None) -> etree._Element:
    """The new document element with tracked changes against the old one (both ``w:document``)."""
    m = _Mærker(dato)
    numre = numre or set()
    ud = copy.deepcopy(ny)
    krop_g, krop_n, krop = gammel.find(W + "body"), ny.find(W + "body"), ud.find(W + "body")
    for barn in list(krop):
        krop.remove(barn)
    sect = krop_n.find(W + "sectPr")
    krop.extend(_blokke([e for e in krop_g if e.tag != W + "sectPr"], [e for e in krop_n if e.tag != W + "sectPr"],
                        m, numre))
    if sect is not None:
        krop.append(copy.deepcopy(sect))
    return ud


def _numre(numbering: bytes | None) -> set[str]:
    if not numbering:
        return set()
    rod = etree.fromstring(numbering)
    return {n.get(W + "numId") for n in rod.findall(W + "num")}


def redline_docx(gammel: bytes, ny: bytes, dato: str = STANDARDDATO) -> bytes:
    """The new DOCX package with tracked changes against the old one; deterministic."""

    with zipfile.ZipFile(io.BytesIO(gammel)) as zg, zipfile.ZipFile(io.BytesIO(ny)) as zn:
        dok_g = etree.fromstring(zg.read("word/document.xml"))
        navne = zn.namelist()
        dele = {navn: zn.read(navn) for navn in navne}
    numre = _numre(dele.get("word/numbering.xml"))
    dok = redline_krop(dok_g, etree.fromstring(dele["word/document.xml"]), dato, numre)
    dele["word/document.xml"] = etree.tostring(dok, xml_declaration=True, encoding="UTF-8", standalone=True)
    return zip_bytes([(navn, dele[navn]) for navn in navne])


# --- what Word does on "accept all" and "reject all" (for tests and checks) ------------------------------------

def accepter_alle(dok: etree._Element) -> etree._Element:
    """A copy of ``dok`` with every tracked change accepted (``uddprog.sporede``, as the import settles them)."""
    return sporede.afgør(copy.deepcopy(dok), accepter=True)


def afvis_alle(dok: etree._Element) -> etree._Element:
    """A copy of ``dok`` with every tracked change refused."""
    return sporede.afgør(copy.deepcopy(dok), accepter=False)


def afsnit(dok: etree._Element) -> list[str]:
    """The text of every paragraph in document order (inside tables too): what a reader sees."""
    return [tekst(p) for p in dok.iter(W + "p")]
