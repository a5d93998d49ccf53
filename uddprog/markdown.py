"""uddprog's Markdown dialect: the parser, what it does not support, and safe HTML.

Every text field of a programme is Markdown of this dialect. HTML (here) and WordprocessingML
(``render.wordml``) both come from one markdown-it token stream (CommonMark plus GFM
tables and strikethrough), so the two formats agree on what the text means.
What uddprog does not support is recognised by the parser and then made
harmless in that same stream (``_neutraliser``): raw HTML, images and links
that are not http, https or mailto stay visible as the text the author wrote
(nothing is embedded or fetched, no script can run). Each such place is
marked, so ``ustøttet`` can tell ``uddprog validate`` what an author's text
loses (P030–P034).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html import unescape

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token

from .markdowntegn import MULIGT_USTØTTET

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


#: What uddprog does not render, by the kind ``ustøttet`` reports.
HTML, BILLEDE, LINK, FODNOTE, PUNKTTEGN = "html", "billede", "link", "fodnote", "punkttegn"
# Bullets pasted from Word or e-mail: not a Markdown list, so the lines would run together.
_PUNKTTEGN = re.compile("[\u2022\u25e6\u25aa\u2023\u00b7\u2043\uf0b7]\\s")
_FODNOTE = re.compile(r"\[\^[^\]\s]+\]")
_BR = re.compile(r"<br\s*/?>$", re.IGNORECASE)


@dataclass(frozen=True)
class Ustøttet:
    """Markdown that uddprog shows as plain text: what it is, the line in the text (0-based) and the source."""

    art: str
    linje: int
    uddrag: str


def _mark(tok: Token, art: str, uddrag: str) -> None:
    tok.meta = {**(tok.meta or {}), "ustøttet": (art, uddrag)}


def _neutraliser(state) -> None:
    """Core rule after parsing: unsupported tokens become text (marked), so no renderer meets them.

    The parser recognises raw HTML, images and every link, so that they can be found; a
    renderer only ever sees text, supported inline markup and the links we allow.
    """
    for tok in state.tokens:
        if tok.type == "html_block":
            _mark(tok, HTML, tok.content.strip())
            continue
        if tok.type != "inline" or not tok.children:
            continue
        linje = tok.map[0] if tok.map else 0
        lukning: str | None = None  # the text that closes a link shown as written
        punkttegn = False
        børn = tok.children
        for i, c in enumerate(børn):
            if (c.type == "link_open" and i + 2 < len(børn) and børn[i + 2].type == "link_close"
                    and børn[i + 1].content.startswith("^")):
                # "[^1]" that matched a "[^1]: x" line (read as a link definition): a footnote
                c.type, c.attrs, c.content = "text", {}, f"[{børn[i + 1].content}]"
                børn[i + 1].content, børn[i + 2].type = "", "text"
                _mark(c, FODNOTE, c.content)
            elif c.type in ("softbreak", "hardbreak"):
                linje += 1
                næste = børn[i + 1] if i + 1 < len(børn) else None
                if næste is not None and næste.type == "text" and _PUNKTTEGN.match(næste.content):
                    # "• a" lines pasted from Word: keep each on its own line; report once per paragraph
                    c.type = "hardbreak"
                    if not punkttegn:
                        _mark(c, PUNKTTEGN, næste.content[:1])
                        punkttegn = True
            elif c.type == "html_inline" and _BR.match(c.content):
                c.type, c.content = "hardbreak", ""  # <br>: the one tag authors need (line breaks in a table cell)
            elif c.type == "html_inline":
                c.type = "text"
                _mark(c, HTML, c.content)
            elif c.type == "image":
                src = str(c.attrs.get("src", ""))
                c.type, c.content, c.children, c.attrs = "text", f"![{c.content}]({src})", None, {}
                _mark(c, BILLEDE, c.content)
            elif c.type == "link_open" and not _link_allowed(str(c.attrs.get("href", ""))):
                href = str(c.attrs["href"])
                auto = c.markup == "autolink"
                c.type, c.attrs, c.content = "text", {}, "<" if auto else "["
                lukning = ">" if auto else f"]({href})"
                _mark(c, LINK, href)
            elif c.type == "link_close" and lukning is not None:
                c.type, c.content, lukning = "text", lukning, None
            elif c.type == "text" and "[^" in c.content and (m := _FODNOTE.search(c.content)):
                _mark(c, FODNOTE, m.group(0))
            if c.meta and "ustøttet" in c.meta:
                c.meta["linje"] = linje
        # html_block keeps its type; both renderers show its text
    noter = [(k, v) for k, v in (state.env.get("references") or {}).items() if k.startswith("^")]
    if noter:  # footnote definitions the parser took for link definitions would vanish: show them
        for label, ref in noter:
            tekst = Token("text", "", 0, content=f"[{label}]: {ref.get('href', '')}")
            _mark(tekst, FODNOTE, f"[{label}]:")
            inline = Token("inline", "", 0, content=tekst.content, children=[tekst], map=[0, 1])
            state.tokens += [Token("paragraph_open", "p", 1, block=True), inline,
                             Token("paragraph_close", "p", -1, block=True)]


def _make_parser() -> MarkdownIt:
    # Raw HTML, images and all links are parsed so that _neutraliser can find them and make them text.
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.validateLink = lambda url: True
    md.core.ruler.push("uddprog_neutraliser", _neutraliser)
    return md


_MD = _make_parser()


@lru_cache(maxsize=256)
def parse(source: str) -> tuple[Token, ...]:
    """Parse once; programmes share much text, so the cache pays off in batches.

    Token trees are large (tens of KB for a long text), and the Word XML made from them is cached by
    ``_cached_wordml`` anyway, so this cache is small: memory stays flat over thousands of programmes.
    """
    return tuple(_MD.parse(strip_forbidden(source)))


def ustøttet(source: str) -> list[Ustøttet]:
    """Everything in ``source`` that the documents show as plain text instead of as the author meant."""
    if not MULIGT_USTØTTET.search(source):  # most texts: nothing to parse
        return []
    ud = []
    for tok in parse(source):
        if tok.type == "html_block":
            ud.append(Ustøttet(HTML, tok.map[0] if tok.map else 0, tok.content.strip()))
        for c in tok.children or ():
            if c.meta and "ustøttet" in c.meta:
                art, uddrag = c.meta["ustøttet"]
                ud.append(Ustøttet(art, c.meta.get("linje", 0), uddrag))
    return ud


# ---------------------------------------------------------------- HTML


def _html_heading(self, tokens, idx, options, env):
    level = min(int(tokens[idx].tag[1]) + HEADING_OFFSET, 6)
    return f"<h{level}>" if tokens[idx].nesting == 1 else f"</h{level}>\n"


def _html_as_text(self, tokens, idx, options, env):
    """Raw HTML (already marked unsupported) is shown as the text the author wrote."""
    tok = tokens[idx]
    text = escapeHtml(tok.content)
    return f"<p>{text.rstrip()}</p>\n" if tok.block else text


def _html_th(self, tokens, idx, options, env):
    # Header cells of a Markdown table name their column, for screen readers.
    tok = tokens[idx]
    align = tok.attrs.get("style", "")
    style = f' style="{escapeHtml(str(align))}"' if align else ""
    return f'<th scope="col"{style}>'


def _make_html_renderer() -> MarkdownIt:
    md = _make_parser()
    md.add_render_rule("heading_open", _html_heading)
    md.add_render_rule("heading_close", _html_heading)
    md.add_render_rule("html_block", _html_as_text)
    md.add_render_rule("html_inline", _html_as_text)
    md.add_render_rule("th_open", _html_th)
    return md


_MD_HTML = _make_html_renderer()


@lru_cache(maxsize=2048)  # bounded so that memory stays flat in the corpus size
def to_html(source: str) -> str:
    """Markdown -> HTML fragment; everything not Markdown is escaped."""
    return _MD_HTML.renderer.render(list(parse(source)), _MD_HTML.options, {})


def som_tekst(source: str) -> str:
    """Markdown as one line of plain text (emphasis marks and link targets gone), for calendars and table cells."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", to_html(source))).split())
