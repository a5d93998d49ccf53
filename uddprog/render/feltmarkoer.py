"""Editable fields carried through a normal rendering as invisible markers (for ``render.redigerbar``).

The editable Word document is the normal rendering with the author's texts in content controls. So that
neither the context nor the templates need to know about controls, the programme handed to the renderer
holds :class:`Feltværdi` in place of each editable text: a ``str`` that remembers its field number. Where a
template prints it as it is (``{{ r.bemaerkning }}``), Jinja's escaping asks it for its XML (``__html__``),
and it wraps its text in inline markers; where a template turns it into paragraphs (``md``, ``afsnit``), the
filter wraps the paragraphs in two marker paragraphs (:func:`blok`). Text the context composes from it (an
f-string, ``.strip()``) is a plain ``str`` again and carries no marker: a generated line is never a field.
``redigerbar`` turns the markers into ``w:sdt`` elements and removes every one left.

The markers are characters of Unicode's private use area, which no programme text contains (the loader's
text is Markdown written by people; ``redigerbar`` checks anyway).
"""

from __future__ import annotations

from ..markdown import xml_escape

#: Inline: START nr MIDT text SLUT, inside one w:t.
START, MIDT, SLUT = "\ue000", "\ue001", "\ue002"
#: Block: a paragraph holding only BLOK_START nr, the field's paragraphs, a paragraph holding only BLOK_SLUT nr.
BLOK_START, BLOK_SLUT = "\ue003", "\ue004"
ALLE = (START, MIDT, SLUT, BLOK_START, BLOK_SLUT)


class Feltværdi(str):
    """The text of editable field number ``nr``; an empty one is still a place to write (truthy)."""

    nr: int

    def __new__(cls, tekst: str, nr: int) -> "Feltværdi":
        o = super().__new__(cls, tekst)
        o.nr = nr
        return o

    def __bool__(self) -> bool:
        # ``p.bemærkning or ""`` in the context must keep an empty field, or it could not be filled in Word.
        return True

    def __html__(self) -> str:
        return f"{START}{self.nr}{MIDT}{xml_escape(str(self))}{SLUT}"


def _markørafsnit(tegn: str, nr: int) -> str:
    return f'<w:p><w:r><w:t>{tegn}{nr}</w:t></w:r></w:p>'


def blok(nr: int, wordml: str) -> str:
    """A field's paragraphs (never none: an empty field gets the empty paragraph the caller made) between
    its two marker paragraphs."""
    return _markørafsnit(BLOK_START, nr) + wordml + _markørafsnit(BLOK_SLUT, nr)
