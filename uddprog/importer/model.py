"""The neutral document model between the OOXML reader and everything after it.

Small on purpose: what a programme's text needs (headings, paragraphs with bold,
italic and links, list items, tables with merged cells) and where text came from
(body, text box), so later stages never look at XML.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Stykke:
    """A run of text with one formatting."""

    tekst: str
    fed: bool = False
    kursiv: bool = False
    link: str | None = None
    kode: bool = False      # a monospaced font: inline code


@dataclass
class Afsnit:
    stykker: list[Stykke]
    stil: str = ""                       # style id
    stilnavn: str = ""                   # the style's (possibly localised) name
    overskrift: int | None = None        # heading level from style or outline level; 0 = document title
    liste: tuple[int, bool] | None = None  # (level, numbered)
    kilde: str = "brødtekst"             # or "tekstboks"
    stil_fed: bool = False               # the paragraph style is bold
    størrelse: float = 11.0              # the largest font size of its text, in points
    brødstørrelse: float = 11.0          # the document's default font size: "large" is relative to it

    @property
    def tekst(self) -> str:
        return "".join(s.tekst for s in self.stykker)

    @property
    def helt_fed(self) -> bool:
        synlige = [s for s in self.stykker if s.tekst.strip()]
        return bool(synlige) and (self.stil_fed or all(s.fed for s in synlige))


@dataclass
class Celle:
    blokke: list["Blok"]
    spænd: int = 1          # gridSpan: columns covered
    fortsat: bool = False   # vMerge continuation: the text is in the cell above

    @property
    def tekst(self) -> str:
        return "\n".join(b.tekst if isinstance(b, Afsnit) else b.tekst for b in self.blokke).strip()


@dataclass(eq=False)
class Tabel:
    rækker: list[list[Celle]]
    _gitter: dict = field(default_factory=dict, repr=False)

    def husk(self, nøgle, beregn):
        """A value computed once per table (its grid, its kind)."""
        if nøgle not in self._gitter:
            self._gitter[nøgle] = beregn(self)
        return self._gitter[nøgle]

    def gitter(self, udfyld: bool = True) -> list[list[str]]:
        """Rows of cell texts on the table's grid: a spanned column repeats nothing (empty) and a vertically
        merged cell repeats the text above when ``udfyld`` (what data extraction wants). Every row is padded
        to the grid's width, so a row with a deleted cell (or a damaged span) is read by the header's
        column numbers like any other. Computed once."""
        if udfyld not in self._gitter:
            self._gitter[udfyld] = self._beregn(udfyld)
        return self._gitter[udfyld]

    def _beregn(self, udfyld: bool) -> list[list[str]]:
        ud: list[list[str]] = []
        for række in self.rækker:
            rad: list[str] = []
            for celle in række:
                kol = len(rad)
                if celle.fortsat:
                    over = ud[-1][kol] if ud and kol < len(ud[-1]) and udfyld else ""
                    rad.append(over)
                else:
                    rad.append(celle.tekst)
                rad.extend([""] * (celle.spænd - 1))
            ud.append(rad)
        bredde = max((len(r) for r in ud), default=0)
        return [r + [""] * (bredde - len(r)) for r in ud]

    @property
    def tekst(self) -> str:
        return "\n".join(" ".join(r) for r in self.gitter(udfyld=False))


Blok = Afsnit | Tabel


@dataclass
class Kommentar:
    id: str
    forfatter: str
    tekst: str
    ved: str = ""   # the commented text


@dataclass
class Dokument:
    blokke: list[Blok]
    titel: str = ""                                   # docProps/core.xml
    sidehoveder: list[str] = field(default_factory=list)
    sidefødder: list[str] = field(default_factory=list)
    fodnoter: list[str] = field(default_factory=list)
    kommentarer: list[Kommentar] = field(default_factory=list)
    indsættelser: int = 0                             # tracked changes, accepted
    sletninger: int = 0                               # tracked deletions, applied (text left out)
