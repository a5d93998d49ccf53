"""A Word template compiled once and rendered many times.

docxtpl's way of writing tags in Word (``{{ }}``, ``{%p %}``, ``{%tr %}``,
``{{p }}`` ...) is kept, so a region can restyle ``program.docx`` in Word or
LibreOffice. But where docxtpl re-reads the template, re-patches its XML and
re-compiles Jinja for every document, we do that once per process: loading a
template gives a ``CompiledDocx`` whose ``render`` only renders strings,
adds list numbering and hyperlink relationships, and zips the result with
the unchanged parts compressed once.
"""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Mapping
from xml.parsers import expat

import jinja2
from lxml import etree
from markupsafe import Markup

from ..markdown import HEADING_OFFSET, xml_escape
from ..skriv import ZipEntry, zip_bytes
from .errors import TemplateFejl
from .feltmarkoer import Feltværdi, blok
from .toc import fill_toc
from .wordml import WordRefs, WordStyles, plain_wordml, to_wordml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
REL_HEADER = R_NS + "/header"
REL_FOOTER = R_NS + "/footer"
REL_NUMBERING = R_NS + "/numbering"
REL_HYPERLINK = R_NS + "/hyperlink"
CT_NUMBERING = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
CT_CORE = "application/vnd.openxmlformats-package.core-properties+xml"
REL_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"

XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_W = "{%s}" % W_NS

#: Twips a list in a styled Markdown field (a table cell) indents per level: 0.5 cm.
CELLE_LISTEINDRYK = 284

# Names of the list definitions uddprog looks for (and adds when missing).
BULLET_NAME = "uddprog-punktliste"
NUMBER_NAME = "uddprog-nummerliste"


class WordTemplateError(TemplateFejl):
    """A Word template that cannot be used; the message is Danish and names the file."""


@dataclass(frozen=True)
class CoreProperties:
    title: str
    author: str
    subject: str = ""
    keywords: str = ""
    created: date | datetime | None = None
    modified: date | datetime | None = None
    language: str = "da-DK"


# ---------------------------------------------------------------- compiling


def _patch(xml: str) -> str:
    """Apply docxtpl's tag clean-up (``{%p``, ``{%tr``, split runs ...) to raw part XML."""
    from docxtpl.template import DocxTemplate

    xml = DocxTemplate.patch_xml(None, xml)  # uses no instance state
    # One paragraph per line, so Jinja's line numbers point at a paragraph.
    # Whitespace between elements is insignificant in WordprocessingML.
    xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)
    # docxtpl's escapes for literal braces, resolved at compile time instead of per render.
    for esc, lit in (("{_{", "{{"), ("}_}", "}}"), ("{_%", "{%"), ("%_}", "%}")):
        xml = xml.replace(esc, "{{ %r }}" % lit)
    return xml


def _line_text(source: str, lineno: int | None) -> str:
    """The visible text of the template paragraph at a Jinja line number."""
    if not lineno:
        return ""
    lines = source.splitlines()
    if not 0 < lineno <= len(lines):
        return ""
    text = re.sub(r"<[^>]+>", "", lines[lineno - 1])
    # A paragraph-level tag ({%p if … %}) is left on the line of the paragraph before it: not its text.
    text = re.sub(r"\{%.*?%\}", "", text).strip()
    return text[:160]


def tom_for_none(value: Any) -> Any:
    """Jinja's ``finalize`` for every ``{{ }}`` output (Word and HTML): None prints as nothing. Forbidden XML characters are
    already gone (build_context cleans all text), and each rendered part is parsed
    before it is written, so a stray one would be an error, never a corrupt file."""
    return "" if value is None else value


@jinja2.pass_context
def _md_filter(ctx, source: Any, style: str = "") -> Markup:
    """``{{p tekst|md }}``: Markdown as Word paragraphs; ``md('Tabeltekst')`` sets their style, for list items
    too, which then indent by half a centimetre a level (the text of a table cell, not of the page)."""
    felt = isinstance(source, Feltværdi)
    if not felt and (source is None or source == ""):
        return Markup("")
    refs = ctx.get("_wordrefs")
    styles = WordStyles(paragraph=style, list_paragraph=style, list_indent=CELLE_LISTEINDRYK) if style else WordStyles()
    xml = to_wordml(str(source), refs, styles)
    if felt:  # an editable field (render.redigerbar): marked, and never without a paragraph to write in
        return Markup(blok(source.nr, xml if xml.strip() else plain_wordml("", style)))
    return Markup(xml)


def _plain_filter(text: Any, style: str = "") -> Markup:
    """Plain (non-Markdown) text as a whole paragraph, keeping its line breaks; a list gives one line each."""
    if isinstance(text, (list, tuple)):
        text = "\n".join(str(t) for t in text)
    xml = plain_wordml("" if text is None else str(text), style)
    return Markup(blok(text.nr, xml) if isinstance(text, Feltværdi) else xml)


def make_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        autoescape=True,  # all context text is escaped for XML; Markup passes through
        undefined=jinja2.StrictUndefined,
        finalize=tom_for_none,
        keep_trailing_newline=True,
    )
    env.filters["md"] = _md_filter
    env.filters["afsnit"] = _plain_filter
    return env


def _parse(data: bytes, name: str, path: Path) -> etree._Element:
    try:
        return etree.fromstring(data)
    except etree.XMLSyntaxError as exc:
        raise WordTemplateError(f"Word-skabelonen {path} har en ugyldig del {name}: {exc}") from None


def _bullet_abstract() -> str:
    glyphs = ["\u2022", "\u2013", "\u25e6"]
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
        f'<w:lvlText w:val="{glyphs[i % 3]}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{720 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
        for i in range(9)
    )
    return lvls


def _number_abstract() -> str:
    fmts = ["decimal", "lowerLetter", "lowerRoman"]
    return "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmts[i % 3]}"/>'
        f'<w:lvlText w:val="%{i + 1}."/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{720 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
        for i in range(9)
    )


def list_definitions(bullet_id: int, number_id: int) -> str:
    """The two abstract list definitions uddprog's Markdown lists use (also for the template tool)."""
    return (
        f'<w:abstractNum w:abstractNumId="{bullet_id}"><w:multiLevelType w:val="hybridMultilevel"/>'
        f'<w:name w:val="{BULLET_NAME}"/>{_bullet_abstract()}</w:abstractNum>'
        f'<w:abstractNum w:abstractNumId="{number_id}"><w:multiLevelType w:val="hybridMultilevel"/>'
        f'<w:name w:val="{NUMBER_NAME}"/>{_number_abstract()}</w:abstractNum>'
    )


@dataclass
class _Numbering:
    head: str  # numbering.xml up to (not including) </w:numbering>
    number_abstract: int
    bullet_num: int
    first_free_num: int


def _prepare_numbering(data: bytes | None, path: Path) -> _Numbering:
    """Make sure the uddprog list definitions exist; return the XML ready for per-render w:num."""
    if data is None:
        root = etree.fromstring(f'<w:numbering xmlns:w="{W_NS}"/>'.encode())
    else:
        root = _parse(data, "word/numbering.xml", path)
    abstract = {}
    for an in root.iterfind(_W + "abstractNum"):
        name = an.find(_W + "name")
        if name is not None:
            abstract[name.get(_W + "val")] = int(an.get(_W + "abstractNumId"))
    ids = [int(a.get(_W + "abstractNumId")) for a in root.iterfind(_W + "abstractNum")]
    if BULLET_NAME not in abstract or NUMBER_NAME not in abstract:
        nxt = max(ids, default=-1) + 1
        abstract[BULLET_NAME], abstract[NUMBER_NAME] = nxt, nxt + 1
        frag = etree.fromstring(f'<w:x xmlns:w="{W_NS}">{list_definitions(nxt, nxt + 1)}</w:x>')
        # abstractNum elements must precede every w:num (schema order).
        first_num = root.find(_W + "num")
        for el in list(frag):
            if first_num is not None:
                first_num.addprevious(el)
            else:
                root.append(el)
    nums = {int(n.get(_W + "numId")): n for n in root.iterfind(_W + "num")}
    bullet_num = next(
        (
            nid
            for nid, n in nums.items()
            if n.find(_W + "abstractNumId").get(_W + "val") == str(abstract[BULLET_NAME])
            and n.find(_W + "lvlOverride") is None
        ),
        None,
    )
    if bullet_num is None:
        bullet_num = max(nums, default=0) + 1
        el = etree.SubElement(root, _W + "num", {_W + "numId": str(bullet_num)})
        etree.SubElement(el, _W + "abstractNumId", {_W + "val": str(abstract[BULLET_NAME])})
        nums[bullet_num] = el
    xml = etree.tostring(root, encoding="unicode")
    head = xml[: xml.rindex("</w:numbering>")] if xml.endswith("</w:numbering>") else xml[:-2] + ">"
    return _Numbering(XML_DECL + head, abstract[NUMBER_NAME], bullet_num, max(nums) + 1)


def _new_nums(numbering: _Numbering, refs: WordRefs) -> str:
    return "".join(
        f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{numbering.number_abstract}"/>'
        f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>'
        for num_id, ilvl, start in refs.numbered
    )


def _hyperlink_rels(refs: WordRefs) -> str:
    return "".join(
        f'<Relationship Id="{rid}" Type="{REL_HYPERLINK}" Target="{xml_escape(url)}" TargetMode="External"/>'
        for rid, url in refs.links
    )


def _w3cdtf(value: date | datetime | None) -> str:
    if value is None:
        return "2000-01-01T00:00:00Z"
    if not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def core_xml(props: CoreProperties) -> bytes:
    """docProps/core.xml from the programme's data only (never the clock), for reproducible bytes."""
    e = xml_escape
    return (
        XML_DECL
        + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{e(props.title)}</dc:title><dc:subject>{e(props.subject)}</dc:subject>"
        f"<dc:creator>{e(props.author)}</dc:creator><cp:keywords>{e(props.keywords)}</cp:keywords>"
        f"<dc:language>{e(props.language)}</dc:language><cp:lastModifiedBy>{e(props.author)}</cp:lastModifiedBy>"
        "<cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{_w3cdtf(props.created)}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{_w3cdtf(props.modified or props.created)}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode("utf-8")


def _rels_targets(rels: etree._Element, reltype: str) -> list[str]:
    return [
        "word/" + r.get("Target").lstrip("/").removeprefix("word/")
        for r in rels
        if r.get("Type") == reltype and r.get("TargetMode") != "External"
    ]


def _ensure_override(ct: etree._Element, part: str, content_type: str) -> None:
    ns = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    for o in ct.iterfind(ns + "Override"):
        if o.get("PartName") == part:
            return
    etree.SubElement(ct, ns + "Override", PartName=part, ContentType=content_type)


@dataclass
class _Part:
    name: str
    source: str
    template: jinja2.Template


_STYLE_REFS = ("pStyle", "rStyle", "tblStyle")
_BORDERS = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>'
                   for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
#: Styles Markdown needs that a template edited in Word may lack. Word creates Hyperlink only once a
#: document has a link, and a region's own template need not have uddprog's table styles: rather
#: than refuse the template, uddprog adds these plain definitions (the shipped templates have their own).
_FALLBACK_STYLES = {
    "Hyperlink": (
        '<w:style xmlns:w="{ns}" w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>'
        '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        '<w:rPr><w:color w:val="0563C1" w:themeColor="hyperlink"/><w:u w:val="single"/></w:rPr></w:style>'),
    "Tabeltekst": (
        '<w:style xmlns:w="{ns}" w:type="paragraph" w:customStyle="1" w:styleId="Tabeltekst">'
        '<w:name w:val="Tabeltekst"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="240" '
        'w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr></w:style>'),
    "Tabeloverskrift": (
        '<w:style xmlns:w="{ns}" w:type="paragraph" w:customStyle="1" w:styleId="Tabeloverskrift">'
        '<w:name w:val="Tabeloverskrift"/><w:basedOn w:val="Tabeltekst"/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>'),
    "Uddprogtabel": (
        '<w:style xmlns:w="{ns}" w:type="table" w:customStyle="1" w:styleId="Uddprogtabel">'
        '<w:name w:val="Uddprog tabel"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>{borders}'
        '</w:tblBorders></w:tblPr></w:style>'),
}
_MD_STYLE_ARG = re.compile(r"""\b(?:md|afsnit)\(\s*['"]([^'"]+)['"]\s*\)""")


def _markdown_styles() -> set[str]:
    """Styles the Markdown renderer writes: lists, links, quotes, headings and tables."""
    s = WordStyles()
    headings = {s.heading.format(level=min(n + HEADING_OFFSET, 9)) for n in range(1, 7)}
    return {s.list_paragraph, s.hyperlink, s.quote, s.table, s.table_cell, s.table_head} | headings


def _check_styles(files: dict[str, bytes], parts: list["_Part"], path: Path) -> None:
    """Every style the template or our Markdown uses must be defined: Word would silently fall back to Normal."""
    if "word/styles.xml" not in files:
        raise WordTemplateError(f"Word-skabelonen {path} mangler word/styles.xml (typograferne)")
    styles = _parse(files["word/styles.xml"], "word/styles.xml", path)
    defined = {el.get(_W + "styleId") for el in styles.iterfind(_W + "style")}
    used: dict[str, str] = {}
    for part in parts:
        root = etree.fromstring(files[part.name])  # the stored XML; the patched source may hold raw tags
        for tag in _STYLE_REFS:
            for el in root.iter(_W + tag):
                used.setdefault(el.get(_W + "val"), part.name)
        for name in _MD_STYLE_ARG.findall(part.source):
            used.setdefault(name, part.name)
    # A fallback only for what the template's own text does not use: a style the template uses
    # but no longer defines (renamed or deleted in Word) is refused below. Hyperlink always.
    fallbacks = [n for n in _FALLBACK_STYLES if n not in defined and (n == "Hyperlink" or n not in used)]
    for name in fallbacks:
        styles.append(etree.fromstring(_FALLBACK_STYLES[name].format(ns=W_NS, borders=_BORDERS)))
        defined.add(name)
    if fallbacks:
        files["word/styles.xml"] = XML_DECL.encode() + etree.tostring(styles, encoding="utf-8")
    for name in sorted(_markdown_styles()):
        used.setdefault(name, "Markdown-tekst")
    missing = sorted(n for n in used if n and n not in defined)
    if missing:
        where = "; ".join(f"'{n}' (i {used[n]})" for n in missing)
        raise WordTemplateError(
            f"Word-skabelonen {path} bruger typografier, som den ikke definerer: {where}. "
            "Opret typografierne i Word (eller omdøb dem tilbage), ellers ville teksten stå i standardtypografien"
        )


class CompiledDocx:
    """A program.docx Word template, parsed and compiled once."""

    def __init__(self, path: str | Path, env: jinja2.Environment | None = None) -> None:
        import zipfile

        self.path = Path(path)
        self.env = env or make_environment()
        try:
            with zipfile.ZipFile(self.path) as zf:
                files = {i.filename: zf.read(i) for i in zf.infolist() if not i.is_dir()}
        except FileNotFoundError:
            raise WordTemplateError(f"Word-skabelonen {self.path} findes ikke") from None
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise WordTemplateError(f"Word-skabelonen {self.path} er ikke en DOCX-fil ({exc})") from None
        for required in ("[Content_Types].xml", "word/document.xml", "word/_rels/document.xml.rels"):
            if required not in files:
                raise WordTemplateError(f"Word-skabelonen {self.path} er ikke en DOCX-fil: {required} mangler")

        ct = _parse(files["[Content_Types].xml"], "[Content_Types].xml", self.path)
        rels = _parse(files["word/_rels/document.xml.rels"], "word/_rels/document.xml.rels", self.path)
        root_rels = _parse(files.get("_rels/.rels", b"<Relationships xmlns='%s'/>" % PKG_REL_NS.encode()),
                           "_rels/.rels", self.path)

        # Parts that hold template tags: body, headers, footers.
        tagged = ["word/document.xml"] + _rels_targets(rels, REL_HEADER) + _rels_targets(rels, REL_FOOTER)
        self.parts: list[_Part] = []
        for name in tagged:
            if name not in files:
                raise WordTemplateError(f"Word-skabelonen {self.path} henviser til {name}, som mangler")
            root = _parse(files[name], name, self.path)
            source = _patch(etree.tostring(root, encoding="unicode"))
            try:
                template = self.env.from_string(source)
            except jinja2.TemplateSyntaxError as exc:
                raise WordTemplateError(
                    f"Syntaksfejl i Word-skabelonen {self.path} ({name}): {exc.message}; "
                    f"i afsnittet «{_line_text(source, exc.lineno)}»"
                ) from None
            self.parts.append(_Part(name, source, template))

        _check_styles(files, self.parts, self.path)

        # Numbering: our list definitions must exist; new w:num are appended per document.
        if "word/numbering.xml" not in files:
            _ensure_override(ct, "/word/numbering.xml", CT_NUMBERING)
            rid_taken = {r.get("Id") for r in rels}
            n = 1
            while f"rId{n}" in rid_taken:
                n += 1
            etree.SubElement(rels, "{%s}Relationship" % PKG_REL_NS, Id=f"rId{n}", Type=REL_NUMBERING,
                             Target="numbering.xml")
        self.numbering = _prepare_numbering(files.get("word/numbering.xml"), self.path)

        # Hyperlink relationship ids must not collide with the template's own.
        prefix = "rIdUdp"
        while any((r.get("Id") or "").startswith(prefix) for r in rels):
            prefix += "x"
        self.rid_prefix = prefix
        rels_xml = XML_DECL + etree.tostring(rels, encoding="unicode")
        self.rels_head = rels_xml[: rels_xml.rindex("</Relationships>")]

        # Core properties are always rewritten from the programme.
        _ensure_override(ct, "/docProps/core.xml", CT_CORE)
        if not any(r.get("Type") == REL_CORE for r in root_rels):
            etree.SubElement(root_rels, "{%s}Relationship" % PKG_REL_NS, Id="rIdUdpCore", Type=REL_CORE,
                             Target="docProps/core.xml")
        files["_rels/.rels"] = (XML_DECL + etree.tostring(root_rels, encoding="unicode")).encode()
        files["[Content_Types].xml"] = (XML_DECL + etree.tostring(ct, encoding="unicode")).encode()

        dynamic = {p.name for p in self.parts} | {
            "word/numbering.xml", "word/_rels/document.xml.rels", "docProps/core.xml"}
        order = ["[Content_Types].xml"] + [n for n in files if n != "[Content_Types].xml"]
        for extra in ("word/numbering.xml", "docProps/core.xml"):
            if extra not in order:
                order.append(extra)
        # Unchanged parts are compressed now, once; the rest per document.
        self.layout: list[str | ZipEntry] = [
            name if name in dynamic else ZipEntry.of(name, files[name]) for name in order
        ]

    # ------------------------------------------------------------ rendering

    def render(self, context: Mapping[str, Any], core: CoreProperties) -> bytes:
        """Render one document to DOCX bytes. Raises WordTemplateError, never returns a broken package."""
        refs = WordRefs(
            first_num_id=self.numbering.first_free_num,
            bullet_num_id=self.numbering.bullet_num,
            rid_prefix=self.rid_prefix,
        )
        ctx = dict(context)
        ctx["_wordrefs"] = refs
        dynamic: dict[str, bytes] = {}
        for part in self.parts:
            xml = self._render_part(part, ctx)
            if part.name == "word/document.xml":
                xml = fill_toc(xml)
            data = (XML_DECL + xml).encode("utf-8")
            try:  # a cheap well-formedness check: a broken part must never reach a file
                expat.ParserCreate().Parse(data, True)
            except expat.ExpatError as exc:
                raise WordTemplateError(
                    f"Word-skabelonen {self.path} ({part.name}) gav ugyldig XML: {exc}. "
                    "Tjek at skabelonens tags står i hele afsnit eller rækker"
                ) from None
            dynamic[part.name] = data
        dynamic["word/numbering.xml"] = (
            self.numbering.head + _new_nums(self.numbering, refs) + "</w:numbering>").encode("utf-8")
        dynamic["word/_rels/document.xml.rels"] = (
            self.rels_head + _hyperlink_rels(refs) + "</Relationships>").encode("utf-8")
        dynamic["docProps/core.xml"] = core_xml(core)
        return zip_bytes(
            (entry, dynamic[entry]) if isinstance(entry, str) else entry for entry in self.layout
        )

    def _render_part(self, part: _Part, ctx: dict) -> str:
        try:
            return part.template.render(ctx)
        except jinja2.UndefinedError as exc:
            lineno = _template_lineno(exc)
            raise WordTemplateError(
                f"Ukendt variabel i Word-skabelonen {self.path} ({part.name}): {_danish_undefined(exc)}; "
                f"i afsnittet «{_line_text(part.source, lineno)}»"
            ) from None
        except jinja2.TemplateError as exc:
            lineno = _template_lineno(exc)
            raise WordTemplateError(
                f"Fejl i Word-skabelonen {self.path} ({part.name}): {exc}; "
                f"i afsnittet «{_line_text(part.source, lineno)}»"
            ) from None


def _template_lineno(exc: BaseException) -> int | None:
    """Jinja rewrites tracebacks so template frames carry template line numbers."""
    lineno = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == "<template>":
            lineno = frame.lineno
    return lineno


def _danish_undefined(exc: jinja2.UndefinedError) -> str:
    msg = str(exc.message or exc)
    m = re.match(r"'(.+)' is undefined", msg)
    if m:
        return f"'{m.group(1)}' findes ikke"
    m = re.match(r"'(.+)' has no attribute '(.+)'", msg)
    if m:  # "'uddprog.render.context.Felter object'" says nothing to a template author
        hvor = "" if m.group(1).endswith(" object") else f" ({m.group(1)})"
        return f"feltet '{m.group(2)}' findes ikke{hvor}"
    return msg


def load_docx_template(path: str | Path) -> CompiledDocx:
    return CompiledDocx(path)
