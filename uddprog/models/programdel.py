"""Programdel: a shared part of programmes (a region's common KBU text, 'fælles for alle afdelinger').

A programme includes it with ``programdele:``; its sections come before the programme's own text in the
section of the same id (or are replaced by it, per section). Resolved when the programme is loaded
(``uddprog.loading``), so every reader of the programme sees the whole text.
"""

from __future__ import annotations

from pydantic import Field

from .base import Dokumentdel, Id, Markdown, Tekst
from .program import Ansvar
from .vocab import Fase, Videreuddannelsesregion


class Programdel(Dokumentdel):
    programdel: Tekst = Field(description="Programdelens navn, fx 'Fælles uddannelsesprogram for KBU i "
                                          "Videreuddannelsesregion Øst'.")
    skabelon: Id = Field(description="Id på den nationale skabelon hvis afsnit programdelen udfylder.")
    fase: Fase | None = Field(default=None, description="Fasen programdelen er til (standard: skabelonens).")
    videreuddannelsesregion: Videreuddannelsesregion | None = Field(
        default=None, description="Regionen programdelen gælder i; programmer fra andre regioner advares.")
    illustrativ: bool = Field(default=False, description="Sand når indholdet er opdigtet til eksempelbrug.")
    kilde: Tekst | None = Field(default=None, description="Hvor de fakta programdelen bygger på, kan findes.")
    ansvar: Ansvar | None = Field(default=None, description="Hvem der har udarbejdet og godkendt programdelen.")
    sektioner: dict[Id, Markdown] = Field(min_length=1, description="Skabelonens tekstsektioner, efter sektions-id.")
