"""Shared pydantic configuration and field types for the document models."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints


# Unknown keys are errors (a typo must never be silently ignored); ids written
# as bare numbers in YAML (``id: 12``) are read as text.
class Dokumentdel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True, defer_build=True)


Tekst = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""A non-empty single-line or short text."""

Markdown = Annotated[str, Field(json_schema_extra={"contentMediaType": "text/markdown"})]
"""Text that may use Markdown: paragraphs, bold, italic, strikethrough, links, lists and tables."""

Id = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=64, pattern=r"^[0-9A-Za-zÆØÅæøå][0-9A-Za-zÆØÅæøå._-]*$"),
]
"""A stable identifier: letters, digits, '.', '_' and '-'."""

Måned = Annotated[int, Field(ge=1, le=120)]
"""A month counted from the start of the forløb or phase (month 1 is the first)."""

PLADSHOLDER = "UDFYLD"
"""What `uddprog ny` writes where only the author knows the answer; validation (P026) lists every one left."""

Pladsholder = Annotated[Literal["UDFYLD"], Field(description="Pladsholder fra 'uddprog ny': skal udfyldes.")]
"""Allowed in a typed field (a region, a yes/no) that `uddprog ny` cannot fill, so the skeleton still
loads and every other check runs; P026 reports it as an error, so such a programme is never rendered."""


@lru_cache(maxsize=None)
def _feltnavne(cls: type[BaseModel]) -> tuple[str, ...]:
    return tuple(cls.model_fields)


def alle_tekster(værdi) -> list[tuple[tuple, str]]:
    """Every text in a model with its path, depth first in field order, for checks that look at all of them.

    An explicit stack, not recursive generators: every text then passes one frame, not one per level
    (the generators were a third of validating a national corpus)."""
    ud: list[tuple[tuple, str]] = []
    stak: list[tuple[tuple, object]] = [((), værdi)]
    while stak:
        sti, v = stak.pop()
        if isinstance(v, str):
            ud.append((sti, v))
        elif isinstance(v, BaseModel):
            stak.extend((sti + (n,), getattr(v, n)) for n in reversed(_feltnavne(type(v))))
        elif isinstance(v, dict):
            stak.extend((sti + (n,), x) for n, x in reversed(list(v.items())))
        elif isinstance(v, (list, tuple)):
            stak.extend((sti + (i,), v[i]) for i in range(len(v) - 1, -1, -1))
    return ud
