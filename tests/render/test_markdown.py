"""Markdown from YAML: safe HTML and native Word paragraphs, lists and links."""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st
from lxml import etree

from uddprog.markdown import strip_forbidden, to_html, ustøttet
from uddprog.render.wordml import WordRefs, to_wordml

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def wordml(source: str, refs: WordRefs | None = None) -> etree._Element:
    refs = refs or WordRefs(first_num_id=100, bullet_num_id=7)
    xml = to_wordml(source, refs)
    return etree.fromstring(
        f'<w:body xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"{xml}</w:body>")


def texts(body) -> list[str]:
    return ["".join(p.itertext()) for p in body.iterfind("w:p", NS)]


# ---------------------------------------------------------------- HTML


def test_html_escapes_raw_html_and_keeps_markdown():
    out = to_html('Hej <script>alert(1)</script> **fed** og <b onclick="x">b</b>')
    assert "<script>" not in out and "<b " not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "<strong>fed</strong>" in out


def test_html_links_only_web_and_mail():
    out = to_html("[a](https://dr.dk) [b](mailto:x@y.dk) [c](javascript:alert(1)) [d](data:text/html,x) "
                  "[e](file:///etc/passwd) <javascript:alert(2)> [f](vbscript:x)")
    assert re.findall(r'href="([^"]*)"', out) == ["https://dr.dk", "mailto:x@y.dk"]


def test_html_images_are_not_embedded():
    assert "<img" not in to_html("![alt](https://example.com/x.png)")


def test_html_headings_sit_below_document_headings():
    assert "<h4>Titel</h4>" in to_html("# Titel")


# ---------------------------------------------------------------- Word


def test_word_paragraphs_bold_italic():
    body = wordml("Første *kursiv* og **fed**.\n\nAndet afsnit")
    assert texts(body) == ["Første kursiv og fed.", "Andet afsnit"]
    runs = body.findall(".//w:r", NS)
    bold = [r for r in runs if r.find("w:rPr/w:b", NS) is not None]
    italic = [r for r in runs if r.find("w:rPr/w:i", NS) is not None]
    assert ["".join(r.itertext()) for r in bold] == ["fed"]
    assert ["".join(r.itertext()) for r in italic] == ["kursiv"]


def test_word_numbered_lists_restart_and_nest():
    refs = WordRefs(first_num_id=100, bullet_num_id=7)
    body = wordml("1. a\n2. b\n   - b1\n   - b2\n3. c\n\nTekst\n\n1. x\n2. y\n", refs)
    nums = [(p.find(".//w:ilvl", NS).get(f"{{{W}}}val"), p.find(".//w:numId", NS).get(f"{{{W}}}val"),
             "".join(p.itertext())) for p in body.iterfind("w:p", NS) if p.find(".//w:numPr", NS) is not None]
    assert nums == [("0", "100", "a"), ("0", "100", "b"), ("1", "7", "b1"), ("1", "7", "b2"),
                    ("0", "100", "c"), ("0", "101", "x"), ("0", "101", "y")]
    # Each numbered list got its own w:num, which restarts it (startOverride 1).
    assert refs.numbered == [(100, 0, 1), (101, 0, 1)]


def test_word_ordered_list_keeps_its_start_number():
    refs = WordRefs(first_num_id=5, bullet_num_id=1)
    wordml("3. tre\n4. fire", refs)
    assert refs.numbered == [(5, 0, 3)]


def test_word_links_are_hyperlinks_with_relationships():
    refs = WordRefs(first_num_id=1, bullet_num_id=1)
    body = wordml("Se [evaluer.dk](https://www.evaluer.dk?a=1&b=2) og [igen](https://www.evaluer.dk?a=1&b=2) "
                  "og [skidt](javascript:alert(1))", refs)
    links = body.findall(".//w:hyperlink", NS)
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    assert [link.get(rid) for link in links] == ["rIdUdp1", "rIdUdp1"]
    assert refs.links == [("rIdUdp1", "https://www.evaluer.dk?a=1&b=2")]
    assert "[skidt](javascript:alert(1))" in texts(body)[0]


def test_word_escapes_markup_and_field_codes_stay_text():
    body = wordml('A & B < C > D "E" \'F\' <w:fldSimple w:instr="PAGE"/> { PAGE } æøå 😀')
    assert texts(body) == ['A & B < C > D "E" \'F\' <w:fldSimple w:instr="PAGE"/> { PAGE } æøå 😀']
    assert body.find(".//w:fldSimple", NS) is None


def test_word_same_text_twice_gets_fresh_ids():
    """The XML is cached per text; ids must still be allocated per occurrence."""
    refs = WordRefs(first_num_id=10, bullet_num_id=2)
    wordml("1. a\n2. b", refs)
    wordml("1. a\n2. b", refs)
    assert [n for n, _, _ in refs.numbered] == [10, 11]


def test_control_characters_are_removed():
    assert strip_forbidden("a\x00b\x01c\x0bd\x1fe\tf\ng\ufffe") == "abcde\tf\ng"
    assert texts(wordml("før\x07efter\x1b")) == ["førefter"]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_gives_wellformed_word_xml_and_html(text):
    body = wordml(text)  # raises if not well-formed
    assert body is not None
    html = to_html(text)
    assert "<script" not in html.lower()


# ---------------------------------------------------------------- tables, strikethrough, unsupported

SKEMA = "Ugeskema:\n\n| Dag | Aktivitet | Timer |\n|:--|---|--:|\n| Mandag | **Konference** | 1 |\n| Tirsdag | |\n"


def test_html_table_has_column_headers_and_alignment():
    out = to_html(SKEMA)
    assert "|" not in out
    assert '<th scope="col" style="text-align:left">Dag</th>' in out and '<th scope="col" style="text-align:right">Timer</th>' in out
    assert "<td><strong>Konference</strong></td>" in out
    assert out.count("<tr>") == 3


def test_word_table_is_a_real_table_with_a_repeating_head_row():
    body = wordml(SKEMA)
    (tbl,) = body.findall("w:tbl", NS)
    rows = tbl.findall("w:tr", NS)
    cells = [["".join(tc.itertext()) for tc in tr.findall("w:tc", NS)] for tr in rows]
    assert cells == [["Dag", "Aktivitet", "Timer"], ["Mandag", "Konference", "1"], ["Tirsdag", "", ""]]
    assert len(tbl.findall("w:tblGrid/w:gridCol", NS)) == 3
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    assert all(tr.find("w:trPr/w:cantSplit", NS) is not None for tr in rows)
    val = f"{{{W}}}val"
    assert {p.find("w:pPr/w:pStyle", NS).get(val) for p in rows[0].iter(f"{{{W}}}p")} == {"Tabeloverskrift"}
    assert {p.find("w:pPr/w:pStyle", NS).get(val) for p in rows[1].iter(f"{{{W}}}p")} == {"Tabeltekst"}
    assert rows[1].findall(".//w:jc", NS)[-1].get(val) == "right"
    assert rows[1].find(".//w:b", NS) is not None
    # Every cell holds a paragraph, and a paragraph follows the table (a table cell must end with one).
    assert all(tc.find("w:p", NS) is not None for tr in rows for tc in tr.findall("w:tc", NS))
    assert etree.QName(tbl.getnext()).localname == "p"
    # Widths follow the text: "Aktivitet"/"Konference" is wider than "Timer"; the cells fill the width.
    grid = [int(c.get(f"{{{W}}}w")) for c in tbl.findall("w:tblGrid/w:gridCol", NS)]
    assert grid[1] > grid[2] and grid[0] >= grid[2]
    pct = [int(tc.find("w:tcPr/w:tcW", NS).get(f"{{{W}}}w")) for tc in rows[1].findall("w:tc", NS)]
    assert 4990 <= sum(pct) <= 5000


def test_strikethrough_in_both_formats():
    assert "<s>gammel</s>" in to_html("~~gammel~~ ny")
    runs = wordml("~~gammel~~ ny").findall(".//w:r", NS)
    assert ["".join(r.itertext()) for r in runs if r.find("w:rPr/w:strike", NS) is not None] == ["gammel"]


def test_unsupported_markdown_is_shown_as_written_and_reported():
    kilde = ("Se <span>x</span> ![kort](https://x.dk/k.png) [intra](intranet/a.html) "
             "[ok](https://dr.dk) <ftp://x.dk>[^1]\n\n<div>blok</div>\n")
    html = to_html(kilde)
    assert "<img" not in html and "<span" not in html and "<div" not in html
    assert re.findall(r'href="([^"]*)"', html) == ["https://dr.dk"]
    assert "![kort](https://x.dk/k.png)" in html and "[intra](intranet/a.html)" in html
    assert "&lt;ftp://x.dk&gt;" in html and "&lt;div&gt;blok&lt;/div&gt;" in html
    assert "![kort](https://x.dk/k.png)" in "".join(texts(wordml(kilde)))
    assert [(u.art, u.linje, u.uddrag) for u in ustøttet(kilde)] == [
        ("html", 0, "<span>"), ("html", 0, "</span>"), ("billede", 0, "![kort](https://x.dk/k.png)"),
        ("link", 0, "intranet/a.html"), ("link", 0, "ftp://x.dk"), ("fodnote", 0, "[^1]"),
        ("html", 2, "<div>blok</div>")]
    assert ustøttet(SKEMA + "\n~~x~~ [a](mailto:a@b.dk) <https://x.dk>") == []


def test_a_footnote_definition_read_as_a_link_definition_does_not_vanish():
    kilde = "Tekst.[^1]\n\n[^1]: Noten."
    assert "Noten." in to_html(kilde) and "<a" not in to_html(kilde)
    assert {u.art for u in ustøttet(kilde)} == {"fodnote"}


def test_a_br_tag_is_a_line_break_in_both_formats_and_not_reported():
    kilde = "| Dag | Opgave |\n|---|---|\n| Mandag | Stuegang<br>Konference<BR/>Vagt |\n"
    assert "Stuegang<br />\nKonference<br />\nVagt" in to_html(kilde)
    (celle,) = [tc for tc in wordml(kilde).iter(f"{{{W}}}tc") if "Stuegang" in "".join(tc.itertext())]
    assert len(celle.findall(".//w:br", NS)) == 2
    assert ustøttet(kilde) == []


def test_bullets_pasted_from_word_keep_their_lines_and_are_reported_once_per_paragraph():
    kilde = "Du får:\n• vejledning\n• kurser\n\nTekst med · midt i og\nen ny linje."
    assert "Du får:<br />\n• vejledning<br />\n• kurser</p>" in to_html(kilde)
    body = wordml(kilde)
    assert len(body.findall("w:p", NS)[0].findall(".//w:br", NS)) == 2
    assert [(u.art, u.linje) for u in ustøttet(kilde)] == [("punkttegn", 1)]
