"""Fill the table-of-contents field with entries, so it is never empty.

Word refreshes a TOC field on opening (settings updateFields), but LibreOffice
and every viewer without a layout engine show the field's stored result.
So we store a real result: one entry per Heading 1–3 paragraph, each a link
to a bookmark on its heading with a PAGEREF field for the page number, which
is what Word itself writes. The page numbers are computed by the reader.
"""

from __future__ import annotations

import re

_TOC_INSTR = re.compile(r"<w:instrText[^>]*>\s*TOC\b[^<]*</w:instrText>")
_HEADING = re.compile(r'<w:pStyle w:val="Heading([1-3])"/>')
_FLDCHAR = re.compile(r'w:fldCharType="(begin|end)"')
_TAG = re.compile(r"<[^>]+>")
_PARA_START = re.compile(r"<w:p[ >]")
BOOKMARK_BASE = 90000


def _para_start(xml: str, pos: int) -> int:
    """Start of the <w:p> element that contains pos."""
    i = pos
    while True:
        i = xml.rfind("<w:p", 0, i)
        if i < 0 or xml[i + 4] in " >":
            return i


def _text_width(xml: str) -> int:
    size = re.search(r'<w:pgSz [^>]*w:w="(\d+)"', xml)
    left = re.search(r'<w:pgMar [^>]*w:left="(\d+)"', xml)
    right = re.search(r'<w:pgMar [^>]*w:right="(\d+)"', xml)
    if size and left and right:
        return int(size.group(1)) - int(left.group(1)) - int(right.group(1))
    return 9638


def fill_toc(xml: str) -> str:
    """Return document.xml with bookmarked headings and a filled TOC field (unchanged if no TOC)."""
    m = _TOC_INSTR.search(xml)
    if not m:
        return xml
    instr = m.group(0)
    start = _para_start(xml, m.start())
    # The field ends at the fldChar "end" that balances its "begin" (entries may hold nested fields).
    begin = xml.rfind('w:fldCharType="begin"', start, m.start())
    depth, pos = 0, begin
    for f in _FLDCHAR.finditer(xml, begin):
        depth += 1 if f.group(1) == "begin" else -1
        if depth == 0:
            pos = f.end()
            break
    else:
        return xml
    end = xml.find("</w:p>", pos) + len("</w:p>")

    # Bookmark every Heading 1-3 after the TOC; collect (level, name, text).
    entries = []
    out = [xml[:start], None]  # None: placeholder for the TOC paragraphs
    cursor = end
    for h in _HEADING.finditer(xml, end):
        p_start = _para_start(xml, h.start())
        if p_start < cursor:
            continue
        p_end = xml.find("</w:p>", h.end())
        ppr_end = xml.find("</w:pPr>", h.end(), p_end) + len("</w:pPr>")
        text = _TAG.sub("", xml[ppr_end:p_end]).strip()
        if not text:
            continue
        n = len(entries) + 1
        name = f"_TocUdp{n}"
        entries.append((int(h.group(1)), name, text))
        out.append(xml[cursor:ppr_end])
        out.append(f'<w:bookmarkStart w:id="{BOOKMARK_BASE + n}" w:name="{name}"/>'
                   f'<w:bookmarkEnd w:id="{BOOKMARK_BASE + n}"/>')
        cursor = ppr_end
    out.append(xml[cursor:])
    out[1] = _toc_paragraphs(entries, instr, _text_width(xml))
    return "".join(out)


def _toc_paragraphs(entries: list[tuple[int, str, str]], instr: str, width: int) -> str:
    begin = ('<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
             f"<w:r>{instr}</w:r>"
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>')
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    if not entries:
        return f"<w:p>{begin}{end}</w:p>"
    paras = []
    for i, (level, name, text) in enumerate(entries):
        ppr = (f'<w:pPr><w:pStyle w:val="TOC{level}"/><w:tabs>'
               f'<w:tab w:val="right" w:leader="dot" w:pos="{width}"/></w:tabs></w:pPr>')
        link = (f'<w:hyperlink w:anchor="{name}" w:history="1">'
                f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r><w:r><w:tab/></w:r>'
                '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                f'<w:r><w:instrText xml:space="preserve"> PAGEREF {name} \\h </w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t></w:t></w:r>'
                '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink>')
        paras.append(f"<w:p>{ppr}{begin if i == 0 else ''}{link}{end if i == len(entries) - 1 else ''}</w:p>")
    return "".join(paras)
