"""Markdown of uddprog's dialect (``uddprog.markdown``) -> WordprocessingML.

A plain string builder over the dialect's token stream: it runs for every text field of every programme,
so it avoids building XML trees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from markdown_it.token import Token

from ..markdown import HEADING_OFFSET, parse, strip_forbidden, xml_escape

# ---------------------------------------------------------------- Word

W_HYPERLINK_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


@dataclass
class WordRefs:
    """Per-document allocator for what Markdown needs outside document.xml.

    Hyperlinks need relationships, numbered lists need a fresh w:num each so
    that every list restarts. Ids are sequential, so the same input always
    gives the same ids (and the same bytes).
    """

    first_num_id: int
    bullet_num_id: int
    rid_prefix: str = "rIdUdp"
    links: list[tuple[str, str]] = field(default_factory=list)  # (rId, url)
    numbered: list[tuple[int, int, int]] = field(default_factory=list)  # (numId, ilvl, start)
    _link_ids: dict[str, str] = field(default_factory=dict)

    def link(self, url: str) -> str:
        rid = self._link_ids.get(url)
        if rid is None:
            rid = f"{self.rid_prefix}{len(self.links) + 1}"
            self._link_ids[url] = rid
            self.links.append((rid, url))
        return rid

    def numbered_list(self, ilvl: int, start: int) -> int:
        num_id = self.first_num_id + len(self.numbered)
        self.numbered.append((num_id, ilvl, start))
        return num_id


@dataclass(frozen=True)
class WordStyles:
    """Style ids the Word template must define (python-docx/Word built-ins)."""

    paragraph: str = ""
    list_paragraph: str = "ListParagraph"
    heading: str = "Heading{level}"
    hyperlink: str = "Hyperlink"
    code: str = "Courier New"
    quote: str = "Quote"
    table: str = "Uddprogtabel"
    table_cell: str = "Tabeltekst"
    table_head: str = "Tabeloverskrift"
    list_indent: int = 720  # twips per list level; a table cell's lists step less (md('Tabeltekst'))


_DEFAULT_STYLES = WordStyles()
_INDENT = 720  # twips per list level
_HANGING = 360


def _run(text: str, rpr: str) -> str:
    text = xml_escape(text)
    if "\t" in text:
        text = text.replace("\t", '</w:t><w:tab/><w:t xml:space="preserve">')
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _rpr(bold: int, italic: int, code: int, link: bool, styles: WordStyles, strike: int = 0) -> str:
    if not (bold or italic or code or link or strike):
        return ""
    parts = []
    if link:
        parts.append(f'<w:rStyle w:val="{styles.hyperlink}"/>')
    if code:
        parts.append(f'<w:rFonts w:ascii="{styles.code}" w:hAnsi="{styles.code}" w:cs="{styles.code}"/>')
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if italic:
        parts.append("<w:i/><w:iCs/>")
    if strike:
        parts.append("<w:strike/>")
    return "<w:rPr>" + "".join(parts) + "</w:rPr>"


def _inline(children: Sequence[Token], refs: WordRefs, styles: WordStyles) -> str:
    out: list[str] = []
    bold = italic = strike = 0
    link_rid: str | None = None
    link_runs: list[str] = []
    target = out
    for tok in children:
        kind = tok.type
        if kind == "text":
            if tok.content:
                target.append(_run(tok.content, _rpr(bold, italic, 0, link_rid is not None, styles, strike)))
        elif kind == "code_inline":
            target.append(_run(tok.content, _rpr(bold, italic, 1, link_rid is not None, styles, strike)))
        elif kind == "softbreak":
            target.append(_run(" ", ""))
        elif kind == "hardbreak":
            target.append("<w:r><w:br/></w:r>")
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "s_open":
            strike += 1
        elif kind == "s_close":
            strike -= 1
        elif kind == "link_open":
            link_rid = refs.link(str(tok.attrs["href"]))
            link_runs = []
            target = link_runs
        elif kind == "link_close":
            out.append(f'<w:hyperlink r:id="{link_rid}" w:history="1">{"".join(link_runs)}</w:hyperlink>')
            link_rid = None
            target = out
        elif tok.content:  # anything else (e.g. html_inline if ever enabled) stays visible text
            target.append(_run(tok.content, ""))
    return "".join(out)


def _ppr(style: str, num: tuple[int, int] | None = None, indent_level: int | None = None,
         jc: str | None = None, keep_next: bool = False, step: int = _INDENT) -> str:
    parts = []  # in the schema's order: pStyle, keepNext, numPr, ind, jc
    if style:
        parts.append(f'<w:pStyle w:val="{style}"/>')
    if keep_next:
        parts.append("<w:keepNext/>")
    if num is not None:
        parts.append(f'<w:numPr><w:ilvl w:val="{num[0]}"/><w:numId w:val="{num[1]}"/></w:numPr>')
        if step != _INDENT:  # the list definition indents by _INDENT a level; a narrower step overrides it
            parts.append(f'<w:ind w:left="{step * (num[0] + 1)}" w:hanging="{min(_HANGING, step)}"/>')
    if indent_level is not None:
        parts.append(f'<w:ind w:left="{step * (indent_level + 1)}"/>')
    if jc:
        parts.append(f'<w:jc w:val="{jc}"/>')
    return "<w:pPr>" + "".join(parts) + "</w:pPr>" if parts else ""


# GFM alignment (markdown-it writes it as a style attribute) -> w:jc.
_JC = {"text-align:left": "left", "text-align:center": "center", "text-align:right": "right"}
_PCT = 5000  # table width in fiftieths of a percent: it fills the text width (or the cell it stands in)
_GRID = 9638  # twips of an A4 text width with 2 cm margins; Word needs a grid, widths come from _PCT
_HEAD_FILL = "DCE6F1"


_WIDTH = re.compile("\x00W(\\d+)\x00")  # a cell's width, known once the whole table is read


class _Tabel:
    """A Markdown table becoming a w:tbl, written whole at table_close (the grid needs the column count)."""

    def __init__(self) -> None:
        self.rows: list[list[str]] = []  # each row: its trPr, then one w:tc per cell (widths filled at the end)
        self.cells: list[tuple[str, str | None, int]] = []  # (runs, alignment, text length) of the current row
        self.cols = 0
        self.longest: list[int] = []  # per column, for widths in proportion to the text
        self.head = False

    def row(self, styles: WordStyles) -> None:
        if self.head:
            self.cols = max(self.cols, len(self.cells))
        style = styles.table_head if self.head else styles.table_cell
        shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{_HEAD_FILL}"/>' if self.head else ""
        # No row breaks across pages; the head row repeats on each page and stays with the first row.
        trpr = "<w:cantSplit/><w:tblHeader/>" if self.head else "<w:cantSplit/>"
        row = [f"<w:tr><w:trPr>{trpr}</w:trPr>"]
        for i, (runs, jc, length) in enumerate(self.cells):
            if i == len(self.longest):
                self.longest.append(0)
            self.longest[i] = max(self.longest[i], length)
            row.append(f'<w:tc><w:tcPr><w:tcW w:w="\x00W{i}\x00" w:type="pct"/>{shade}</w:tcPr>'
                       f"<w:p>{_ppr(style, jc=jc, keep_next=self.head)}{runs}</w:p></w:tc>")
        self.rows.append(row)
        self.cells = []

    def xml(self, styles: WordStyles) -> str:
        # Word and LibreOffice both need a grid; columns get width in proportion to their longest text
        # (within limits), so "Dag | Formiddag | Eftermiddag" does not get three equal columns.
        weights = [min(max(n, 8), 40) for n in self.longest] or [1]
        total = sum(weights)
        pct = [_PCT * w // total for w in weights]
        grid = "".join(f'<w:gridCol w:w="{_GRID * w // total}"/>' for w in weights)
        body = "".join(_WIDTH.sub(lambda m: str(pct[int(m.group(1))]), "".join(cells)) + "</w:tr>"
                       for cells in self.rows)
        return (
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{styles.table}"/><w:tblW w:w="{_PCT}" w:type="pct"/>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            'w:noHBand="1" w:noVBand="1"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"
            # A paragraph after every table: a cell must end with one, and two tables in a row would merge.
            f"<w:p>{_ppr(styles.paragraph)}</w:p>"
        )


def to_wordml(source: str, refs: WordRefs, styles: WordStyles = _DEFAULT_STYLES) -> str:
    """Markdown -> a sequence of <w:p> elements (prefixes w: and r: as in document.xml).

    The XML is cached per (source, styles) with placeholders for the ids that
    differ per document; only those are filled in per call.
    """
    xml, actions = _cached_wordml(source, styles)
    if not actions:
        return xml
    values = []
    for kind, a, b in actions:
        if kind == "link":
            values.append(refs.link(a))
        elif kind == "num":
            values.append(str(refs.numbered_list(a, b)))
        else:
            values.append(str(refs.bullet_num_id))
    return _PLACEHOLDER.sub(lambda m: values[int(m.group(1))], xml)


_PLACEHOLDER = re.compile("\x00(\\d+)\x00")  # NUL never survives strip_forbidden, so it cannot clash


class _Recorder:
    """Stands in for WordRefs while building cacheable XML: hands out placeholders, records requests."""

    def __init__(self) -> None:
        self.actions: list[tuple[str, object, object]] = []

    def _mark(self, kind, a=None, b=None) -> str:
        self.actions.append((kind, a, b))
        return f"\x00{len(self.actions) - 1}\x00"

    def link(self, url: str) -> str:
        return self._mark("link", url)

    def numbered_list(self, ilvl: int, start: int) -> str:
        return self._mark("num", ilvl, start)

    @property
    def bullet_num_id(self) -> str:
        return self._mark("bullet")


def glem() -> None:
    """Forget the Word XML made so far (a benchmark measures rendering from a cold start)."""
    _cached_wordml.cache_clear()


@lru_cache(maxsize=2048)  # bounded so that memory stays flat in the corpus size
def _cached_wordml(source: str, styles: WordStyles) -> tuple[str, tuple]:
    rec = _Recorder()
    xml = tokens_to_wordml(parse(source), rec, styles)  # type: ignore[arg-type]
    return xml, tuple(rec.actions)


def tokens_to_wordml(tokens: Sequence[Token], refs: WordRefs, styles: WordStyles = _DEFAULT_STYLES) -> str:
    out: list[str] = []
    # One entry per open list: (numId, first paragraph of current item still unnumbered?)
    lists: list[list] = []
    quote = 0
    pending_style = styles.paragraph
    heading_style: str | None = None
    tabel: _Tabel | None = None
    jc: str | None = None
    for tok in tokens:
        kind = tok.type
        if tabel is not None:
            if kind == "inline":
                length = sum(len(c.content) for c in tok.children or () if c.type in ("text", "code_inline"))
                tabel.cells.append((_inline(tok.children or (), refs, styles), jc, length))
            elif kind in ("th_open", "td_open"):
                jc = _JC.get(str(tok.attrs.get("style", "")))
            elif kind == "thead_open":
                tabel.head = True
            elif kind == "thead_close":
                tabel.head = False
            elif kind == "tr_close":
                tabel.row(styles)
            elif kind == "table_close":
                out.append(tabel.xml(styles))
                tabel = None
            continue
        if kind == "table_open":
            tabel = _Tabel()
        elif kind == "bullet_list_open":
            lists.append([refs.bullet_num_id, False])
        elif kind == "ordered_list_open":
            start = int(tok.attrs.get("start", 1))
            lists.append([refs.numbered_list(len(lists), start), False])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            lists[-1][1] = True
        elif kind == "blockquote_open":
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
        elif kind == "heading_open":
            level = min(int(tok.tag[1]) + HEADING_OFFSET, 9)
            heading_style = styles.heading.format(level=level)
        elif kind == "heading_close":
            heading_style = None
        elif kind == "inline":
            body = _inline(tok.children or (), refs, styles)
            if heading_style:
                ppr = _ppr(heading_style)
            elif lists:
                level = len(lists) - 1
                num_id, first = lists[-1]
                if first:
                    ppr = _ppr(styles.list_paragraph, (level, num_id), step=styles.list_indent)
                    lists[-1][1] = False
                else:  # later paragraphs of an item align with its text, unnumbered
                    ppr = _ppr(styles.list_paragraph, indent_level=level, step=styles.list_indent)
            elif quote:
                ppr = _ppr(styles.quote)
            else:
                ppr = _ppr(pending_style)
            out.append(f"<w:p>{ppr}{body}</w:p>")
        elif kind in ("code_block", "fence"):
            rpr = _rpr(0, 0, 1, False, styles)
            lines = tok.content.rstrip("\n").split("\n")
            indent = len(lists) - 1 if lists else None
            for line in lines:
                out.append(f"<w:p>{_ppr('', indent_level=indent)}{_run(line, rpr)}</w:p>")
        elif kind == "html_block":  # unsupported raw HTML: its text, line by line
            lines = tok.content.rstrip("\n").split("\n")
            runs = "<w:r><w:br/></w:r>".join(_run(line, "") for line in lines)
            out.append(f"<w:p>{_ppr(pending_style)}{runs}</w:p>")
        elif kind == "hr":
            out.append(
                '<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/>'
                "</w:pBdr></w:pPr></w:p>"
            )
    return "".join(out)


def plain_wordml(text: str, style: str = "") -> str:
    """Plain text (no Markdown) as one paragraph, lines kept as line breaks."""
    lines = strip_forbidden(text).split("\n")
    runs = "<w:r><w:br/></w:r>".join(_run(line, "") for line in lines)
    return f"<w:p>{_ppr(style)}{runs}</w:p>"
