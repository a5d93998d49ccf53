"""Shared pydantic configuration and field types for the document models."""

from __future__ import annotations

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
