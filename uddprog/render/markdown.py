"""Markdown from YAML text fields -> safe HTML and WordprocessingML.

Both outputs come from one markdown-it token stream (CommonMark, raw HTML
disabled), so the two formats agree on what the text means. Raw HTML in the
source is shown as text, never passed through; links are kept only for
http, https and mailto. The Word side is a plain string builder: it runs for
every text field of every programme, so it avoids building XML trees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

# XML 1.0 forbids C0 controls except tab/newline/CR, lone surrogates and U+FFFE/U+FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ALLOWED_SCHEMES = ("http://", "https://", "mailto:")

# Markdown headings sit below the document's own section headings.
HEADING_OFFSET = 3


def strip_forbidden(text: str) -> str:
    """Remove characters that XML 1.0 cannot carry (Word would refuse the file)."""
    return _FORBIDDEN.sub("", text)


def xml_escape(text: str) -> str:
    """Escape text for an XML text node or attribute and drop forbidden characters."""
    text = _FORBIDDEN.sub("", text)
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )


def _link_allowed(url: str) -> bool:
    return url.strip().lower().startswith(_ALLOWED_SCHEMES)


def _make_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False})
    # Images would make the documents depend on remote files; links must be web or mail.
    md.disable("image")
    md.validateLink = _link_allowed
    return md


_MD = _make_parser()


@lru_cache(maxsize=256)
def parse(source: str) -> tuple[Token, ...]:
    """Parse once; programmes share much text, so the cache pays off in batches.

    Token trees are large (tens of KB for a long text), and the Word XML made from them is cached by
    ``_cached_wordml`` anyway, so this cache is small: memory stays flat over thousands of programmes.
    """
    return tuple(_MD.parse(strip_forbidden(source)))


# ---------------------------------------------------------------- HTML


def _html_heading(self, tokens, idx, options, env):
    level = min(int(tokens[idx].tag[1]) + HEADING_OFFSET, 6)
    return f"<h{level}>" if tokens[idx].nesting == 1 else f"</h{level}>\n"


def _make_html_renderer() -> MarkdownIt:
    md = _make_parser()
    md.add_render_rule("heading_open", _html_heading)
    md.add_render_rule("heading_close", _html_heading)
    return md


_MD_HTML = _make_html_renderer()


@lru_cache(maxsize=2048)  # bounded so that memory stays flat in the corpus size
def to_html(source: str) -> str:
    """Markdown -> HTML fragment; everything not Markdown is escaped."""
    tokens = _MD_HTML.parse(strip_forbidden(source))
    return _MD_HTML.renderer.render(tokens, _MD_HTML.options, {})


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


_DEFAULT_STYLES = WordStyles()
_INDENT = 720  # twips per list level
_HANGING = 360


def _run(text: str, rpr: str) -> str:
    text = xml_escape(text)
    if "\t" in text:
        text = text.replace("\t", '</w:t><w:tab/><w:t xml:space="preserve">')
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _rpr(bold: int, italic: int, code: int, link: bool, styles: WordStyles) -> str:
    if not (bold or italic or code or link):
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
    return "<w:rPr>" + "".join(parts) + "</w:rPr>"


def _inline(children: Sequence[Token], refs: WordRefs, styles: WordStyles) -> str:
    out: list[str] = []
    bold = italic = 0
    link_rid: str | None = None
    link_runs: list[str] = []
    target = out
    for tok in children:
        kind = tok.type
        if kind == "text":
            if tok.content:
                target.append(_run(tok.content, _rpr(bold, italic, 0, link_rid is not None, styles)))
        elif kind == "code_inline":
            target.append(_run(tok.content, _rpr(bold, italic, 1, link_rid is not None, styles)))
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


def _ppr(style: str, num: tuple[int, int] | None = None, indent_level: int | None = None) -> str:
    parts = []
    if style:
        parts.append(f'<w:pStyle w:val="{style}"/>')
    if num is not None:
        parts.append(f'<w:numPr><w:ilvl w:val="{num[0]}"/><w:numId w:val="{num[1]}"/></w:numPr>')
    if indent_level is not None:
        parts.append(f'<w:ind w:left="{_INDENT * (indent_level + 1)}"/>')
    return "<w:pPr>" + "".join(parts) + "</w:pPr>" if parts else ""


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
    for tok in tokens:
        kind = tok.type
        if kind == "bullet_list_open":
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
                    ppr = _ppr(styles.list_paragraph, (level, num_id))
                    lists[-1][1] = False
                else:  # later paragraphs of an item align with its text, unnumbered
                    ppr = _ppr(styles.list_paragraph, indent_level=level)
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
