"""Word's tracked changes, settled: every change accepted (the text as it reads now) or every change refused
(the text as it was before the changes), as Word's "Accept all" and "Reject all" leave it.

The one way uddprog settles tracked changes (lxml only, below every engine): the update import settles a
clinician's document on a copy before reading it (the import's reader keeps insertions and leaves deletions
out, but reads paragraph by paragraph, so a tracked paragraph mark, two paragraphs joined or one split, would
be lost, and it cannot refuse), and the redline's law (accepting all gives the new text, rejecting all the
old) is checked with the same code. What each kind of mark means:

- ``w:ins``/``w:moveTo`` around runs: inserted text; ``w:del``/``w:moveFrom``: deleted text (``w:delText``).
- ``w:ins``/``w:del`` in a paragraph mark's ``w:pPr/w:rPr``: the paragraph mark itself was inserted or
  deleted. Where it goes, the paragraph joins the next one (Word keeps the next paragraph's properties).
- ``w:ins``/``w:del`` in ``w:trPr``: a table row inserted or deleted.
- ``w:rPrChange``/``w:pPrChange`` and the like hold the properties before a formatting change.
"""

from __future__ import annotations

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_EGENSKABSÆNDRINGER = ("rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange",
                       "tblGridChange", "tblPrExChange", "numberingChange")
_MÆRKER = ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
           "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart", "customXmlDelRangeEnd")


def antal(rod: etree._Element) -> int:
    """How many tracked changes (insertions, deletions, formatting changes) ``rod`` holds."""
    navne = {W + n for n in ("ins", "del", "moveFrom", "moveTo", *_EGENSKABSÆNDRINGER)}
    return sum(1 for el in rod.iter() if el.tag in navne)


def afgør(rod: etree._Element, accepter: bool = True) -> etree._Element:
    """Settle every tracked change in ``rod`` in place (accept, or refuse) and return it."""
    behold, fjern = (("ins", "moveTo"), ("del", "moveFrom")) if accepter else (("del", "moveFrom"), ("ins", "moveTo"))
    # Rows first: a row marked removed goes with everything in it.
    for tr in list(rod.iter(W + "tr")):
        trpr = tr.find(W + "trPr")
        if trpr is None:
            continue
        if any(trpr.find(W + n) is not None for n in fjern):
            tr.getparent().remove(tr)
        else:
            for n in behold:
                for x in trpr.findall(W + n):
                    trpr.remove(x)
    # Text: what goes is removed with its content, what stays loses its wrapper.
    for el in [el for el in rod.iter(*(W + n for n in fjern)) if el.getparent() is not None]:
        if el.getparent().tag not in (W + "rPr", W + "trPr"):
            el.getparent().remove(el)
    for el in list(rod.iter(*(W + n for n in behold))):
        forælder = el.getparent()
        if forælder is None or forælder.tag in (W + "rPr", W + "trPr"):
            continue
        i = forælder.index(el)
        for barn in reversed(list(el)):
            forælder.insert(i, barn)
        forælder.remove(el)
    for t in rod.iter(W + "delText"):
        t.tag = W + "t"
    for t in rod.iter(W + "delInstrText"):
        t.tag = W + "instrText"
    # Paragraph marks, from the end, once the text is settled (whether anything of a paragraph is left depends on
    # it): a chain of removed marks joins all those paragraphs into the last one.
    for p in reversed(list(rod.iter(W + "p"))):
        rpr = p.find(f"{W}pPr/{W}rPr")
        if rpr is None:
            continue
        væk = any(rpr.find(W + n) is not None for n in fjern)
        for n in behold + fjern:
            for x in rpr.findall(W + n):
                rpr.remove(x)
        if væk:
            _forbind(p)
    # Formatting changes: accepted, the record goes; refused, the old properties come back.
    for navn in _EGENSKABSÆNDRINGER:
        for ændring in list(rod.iter(W + navn)):
            ejer = ændring.getparent()
            if ejer is None:
                continue
            ejer.remove(ændring)
            if accepter:
                continue
            gammel = next(iter(ændring), None)  # the properties element as it was
            if gammel is None:
                continue
            bevar = [c for c in ejer if c.tag in (W + "rPr", W + "sectPr", W + "pPrChange")] \
                if ejer.tag == W + "pPr" else []
            for c in list(ejer):
                ejer.remove(c)
            for c in list(gammel):
                ejer.append(c)
            for c in bevar:
                ejer.append(c)
    for navn in _MÆRKER:
        for el in list(rod.iter(W + navn)):
            el.getparent().remove(el)
    for tbl in list(rod.iter(W + "tbl")):  # a table whose rows all went
        if tbl.find(W + "tr") is None and tbl.getparent() is not None:
            tbl.getparent().remove(tbl)
    return rod


def _forbind(p: etree._Element) -> None:
    """The paragraph mark of ``p`` is gone: its content joins the next paragraph (or it vanishes when empty)."""
    næste = p.getnext()
    while næste is not None and næste.tag not in (W + "p", W + "tbl", W + "sdt"):
        næste = næste.getnext()
    indhold = [c for c in p if c.tag != W + "pPr"]
    if næste is None or næste.tag != W + "p":
        forælder = p.getparent()
        sidste_i_celle = forælder.tag == W + "tc" and sum(1 for c in forælder if c.tag == W + "p") == 1
        if not any(True for _ in p.iter(W + "t", W + "delText")) and not sidste_i_celle:
            forælder.remove(p)  # nothing of it is left (a cell keeps its last paragraph: OOXML requires one)
        return  # before a table or at the end of its container: Word keeps the paragraph
    ppr = næste.find(W + "pPr")
    i = 1 if ppr is not None else 0
    for c in indhold:
        næste.insert(i, c)
        i += 1
    p.getparent().remove(p)
