"""Settling Word's tracked changes: "Accept all" and "Reject all", including paragraph marks, rows and
formatting changes."""

from __future__ import annotations

from lxml import etree

from uddprog.sporede import afgør, antal

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS
MÆRKE = 'w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z"'


def _krop(xml: str):
    return etree.fromstring(f'<w:body xmlns:w="{W_NS}">{xml}</w:body>')


def _afsnit(krop) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(W + "t")) for p in krop.iter(W + "p")]


def _r(tekst: str, slettet: bool = False) -> str:
    return f'<w:r><w:{"delText" if slettet else "t"} xml:space="preserve">{tekst}</w:{"delText" if slettet else "t"}></w:r>'


INDSAT_OG_SLETTET = (f"<w:p>{_r('Et ')}<w:ins {MÆRKE}>{_r('nyt ')}</w:ins><w:del {MÆRKE}>{_r('gammelt ', True)}"
                     f"</w:del>{_r('ord.')}</w:p>")


def test_tekst_godkendt_og_afvist():
    assert _afsnit(afgør(_krop(INDSAT_OG_SLETTET))) == ["Et nyt ord."]
    assert _afsnit(afgør(_krop(INDSAT_OG_SLETTET), accepter=False)) == ["Et gammelt ord."]
    assert antal(_krop(INDSAT_OG_SLETTET)) == 2


def test_slettet_afsnitstegn_forbinder_afsnittene():
    # The user joined two paragraphs with tracking on: the first paragraph's mark is deleted.
    xml = (f'<w:p><w:pPr><w:rPr><w:del {MÆRKE}/></w:rPr></w:pPr>{_r("Første")}</w:p>'
           f'<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr>{_r(" og andet.")}</w:p>')
    assert _afsnit(afgør(_krop(xml))) == ["Første og andet."]
    assert _afsnit(afgør(_krop(xml), accepter=False)) == ["Første", " og andet."]


def test_indsat_afsnitstegn_afvist_forbinder_afsnittene():
    # Enter pressed after "Første" and a new paragraph typed: the first mark is inserted.
    xml = (f'<w:p><w:pPr><w:rPr><w:ins {MÆRKE}/></w:rPr></w:pPr>{_r("Første")}</w:p>'
           f'<w:p><w:ins {MÆRKE}>{_r("Nyt afsnit.")}</w:ins></w:p>')
    assert _afsnit(afgør(_krop(xml))) == ["Første", "Nyt afsnit."]
    assert _afsnit(afgør(_krop(xml), accepter=False)) == ["Første"]


def test_slettet_helt_afsnit_forsvinder():
    xml = (f'<w:p><w:pPr><w:rPr><w:del {MÆRKE}/></w:rPr></w:pPr><w:del {MÆRKE}>{_r("Væk.", True)}</w:del></w:p>'
           f'<w:p>{_r("Bliver.")}</w:p>')
    assert _afsnit(afgør(_krop(xml))) == ["Bliver."]
    assert _afsnit(afgør(_krop(xml), accepter=False)) == ["Væk.", "Bliver."]


def test_slettet_helt_afsnit_foran_en_tabel_forsvinder():
    """A paragraph deleted whole (text and mark) before a table: nothing of it is left once the text is settled,
    so accepting removes it (it stayed as an empty paragraph when the marks were settled before the text)."""
    tabel = f'<w:tbl><w:tr><w:tc><w:p>{_r("Celle")}</w:p></w:tc></w:tr></w:tbl>'
    xml = f'<w:p><w:pPr><w:rPr><w:del {MÆRKE}/></w:rPr></w:pPr><w:del {MÆRKE}>{_r("Væk.", True)}</w:del></w:p>{tabel}'
    assert _afsnit(afgør(_krop(xml))) == ["Celle"]
    assert _afsnit(afgør(_krop(xml), accepter=False)) == ["Væk.", "Celle"]


def test_en_celle_beholder_sit_sidste_afsnit():
    """A table cell must end with a paragraph (Word refuses the file otherwise): settling never removes its last."""
    xml = (f'<w:tbl><w:tr><w:tc><w:p><w:pPr><w:rPr><w:ins {MÆRKE}/></w:rPr></w:pPr>'
           f'<w:ins {MÆRKE}>{_r("Ny celletekst")}</w:ins></w:p></w:tc></w:tr></w:tbl>')
    afvist = afgør(_krop(xml), accepter=False)
    assert _afsnit(afvist) == [""] and afvist.find(f"{W}tbl/{W}tr/{W}tc/{W}p") is not None


def test_rækker():
    xml = (f'<w:tbl><w:tr><w:trPr><w:ins {MÆRKE}/></w:trPr><w:tc><w:p>{_r("ny række")}</w:p></w:tc></w:tr>'
           f'<w:tr><w:trPr><w:del {MÆRKE}/></w:trPr><w:tc><w:p>{_r("gammel række", True)}</w:p></w:tc></w:tr></w:tbl>')
    assert _afsnit(afgør(_krop(xml))) == ["ny række"]
    assert _afsnit(afgør(_krop(xml), accepter=False)) == ["gammel række"]


def test_formatering_afvist_giver_den_gamle():
    xml = (f'<w:p><w:r><w:rPr><w:b/><w:rPrChange {MÆRKE}><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr>'
           '<w:t>ord</w:t></w:r></w:p>')
    godkendt = afgør(_krop(xml))
    assert godkendt.find(f".//{W}b") is not None and godkendt.find(f".//{W}rPrChange") is None
    afvist = afgør(_krop(xml), accepter=False)
    assert afvist.find(f".//{W}b") is None and afvist.find(f".//{W}i") is not None
