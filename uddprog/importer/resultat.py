"""Every import stage returns a value with its messages (as python-mammoth's ``Result``).

Stages never raise for odd content; they say what they did in a ``Besked``. Only a
document that cannot be read at all (not Word, encrypted, hostile) raises ``ImportFejl``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from ..fejl import UddprogFejl

T = TypeVar("T")


@dataclass(frozen=True)
class Besked:
    """One message to the user: ``niveau`` is 'info' (what was found) or 'advarsel' (needs a look)."""

    niveau: str
    tekst: str


@dataclass
class Trinresultat(Generic[T]):
    værdi: T
    beskeder: list[Besked] = field(default_factory=list)

    def info(self, tekst: str) -> None:
        self.beskeder.append(Besked("info", tekst))

    def advarsel(self, tekst: str) -> None:
        self.beskeder.append(Besked("advarsel", tekst))


def antal(n: int, ental: str, flertal: str) -> str:
    """'1 ansættelse', '2 ansættelser', '0 ansættelser'."""
    return f"{n} {ental if n == 1 else flertal}"


class ImportFejl(UddprogFejl):
    """The document cannot be imported; the message is Danish and names the file."""
