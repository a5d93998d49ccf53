"""Findings: what a check or the loader reports, and where in which file."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rang(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]

    @property
    def dansk(self) -> str:
        return {"info": "info", "warning": "advarsel", "error": "fejl"}[self.value]


@dataclass(frozen=True, order=True)
class Location:
    """A place in a source file; line and column are 1-based like editors show them."""

    fil: Path
    linje: int = 0
    kolonne: int = 0

    def __str__(self) -> str:
        if not self.linje:
            return str(self.fil)
        return f"{self.fil}:{self.linje}:{self.kolonne}"


@dataclass(frozen=True)
class Finding:
    check: str
    severity: Severity
    besked: str
    sted: Location | None = None

    def __str__(self) -> str:
        sted = f"{self.sted}: " if self.sted else ""
        return f"{sted}{self.severity.dansk} {self.check}: {self.besked}"

    @classmethod
    def fra_json(cls, data: dict) -> "Finding":
        """The inverse of :meth:`som_json`."""
        sted = Location(Path(data["fil"]), data.get("linje") or 0, data.get("kolonne") or 0) if data.get("fil") else None
        return cls(data["check"], Severity(data["severity"]), data["besked"], sted)

    def som_json(self) -> dict:
        return {
            "check": self.check,
            "severity": str(self.severity),
            "besked": self.besked,
            "fil": str(self.sted.fil) if self.sted else None,
            "linje": self.sted.linje if self.sted else None,
            "kolonne": self.sted.kolonne if self.sted else None,
        }


def sorteret(fund: list[Finding]) -> list[Finding]:
    """Stable report order: by file, line, column, then check id."""
    return sorted(fund, key=lambda f: (str(f.sted.fil) if f.sted else "", f.sted.linje if f.sted else 0,
                                       f.sted.kolonne if f.sted else 0, f.check))
