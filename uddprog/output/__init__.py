"""Report formats for findings, one module per format, shared by `uddprog validate` and `uddprog diff`.

Each module has ``skriv(rapport) -> str`` and ``MENNESKELIG`` (a human-readable format gets colour and a
summary line; a machine format is exactly its consumer's document). Renderers get findings that are already
filtered and carry their final severity (see ``uddprog.checks.anvendelse.anvend``); they never see the CLI.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..findings import Finding

#: Format name → module. The CLI's --format choices come from here.
FORMATER = {
    "text": "tekst",
    "json": "json_",
    "github": "github",
    "gitlab": "gitlab",
    "sarif": "sarif",
    "junit": "junit",
}


@dataclass
class Rapport:
    """What a format needs: the findings, the files checked and the lowest severity that fails."""

    fund: list[Finding]
    filer: list[Path] = field(default_factory=list)
    fail_on: str = "error"
    værktøj: str = "uddprog validate"


@dataclass(frozen=True)
class Regel:
    id: str
    titel: str
    severity: object  # Severity
    område: str


def regel(cid: str) -> Regel | None:
    """A check id (C, L, S, M, T, P) or a change id of `uddprog diff` (D) with its title and default severity."""
    if cid.startswith("D"):
        from ..diff.changes import ÆNDRINGSTYPER

        t = ÆNDRINGSTYPER.get(cid)
        return Regel(cid, t.titel, t.severity, t.emne) if t else None
    from ..checks.registry import REGISTER

    c = REGISTER.get(cid)
    return Regel(cid, c.titel, c.severity, c.område) if c else None


def modul(navn: str):
    return importlib.import_module(f"{__name__}.{FORMATER[navn]}")


def skriv(navn: str, rapport: Rapport) -> str:
    return modul(navn).skriv(rapport)


def ci_sti(fil: Path | str, miljø: str | None = None) -> str:
    """A path as CI shows it: relative to the checkout (``GITHUB_WORKSPACE``, ``CI_PROJECT_DIR``) or the
    working folder, with forward slashes."""
    basis = os.environ.get(miljø, "") if miljø else ""
    basis = basis or os.getcwd()
    absolut = os.path.abspath(fil)
    rel = os.path.relpath(absolut, os.path.abspath(basis))
    return Path(absolut if rel.startswith("..") else rel).as_posix()


#: Line numbers inside a message ("står også på linje 12", "a.yaml:12:3"): left out of a finding's identity.
_LINJETAL = re.compile(r"(?<=\blinje )\d+|(?<=\.yaml):\d+(?::\d+)?|(?<=\.yml):\d+(?::\d+)?")


def fingeraftryk(fund: list[Finding], sti) -> list[str]:
    """A stable identity per finding for CI systems that track findings across runs (GitLab's
    ``fingerprint``, SARIF's ``partialFingerprints``): a hash of the check id, the file as ``sti(finding)``
    shows it and the message without line numbers, so a finding keeps its identity when lines move above it.
    Equal ones get a running number, in report order."""
    sete: dict[str, int] = {}
    ud = []
    for f in fund:
        grundlag = f"{f.check}\0{sti(f)}\0{_LINJETAL.sub('', f.besked)}"
        n = sete.get(grundlag, 0)
        sete[grundlag] = n + 1
        ud.append(hashlib.sha256(f"{grundlag}\0{n}".encode()).hexdigest())
    return ud
