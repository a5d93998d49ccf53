"""Report formats for findings, one module per format, shared by `uddprog validate` and `uddprog diff`.

Each module has ``skriv(rapport) -> str`` and ``MENNESKELIG`` (a human-readable format gets colour and a
summary line; a machine format is exactly its consumer's document). Renderers get findings that are already
filtered and carry their final severity (see ``uddprog.checks.anvendelse.anvend``), and the catalogue of the
rules those findings come from (``Rapport.regler``: the check registry, diff's change kinds) from the caller;
they never see the CLI.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

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


class Regel(Protocol):
    """What a format shows of a rule: a check (``checks.registry.Check``) or a change kind of `uddprog diff`."""

    id: str
    titel: str
    severity: object  # Severity

    @property
    def område(self) -> str: ...


@dataclass
class Rapport:
    """What a format needs: the findings, the files checked, the lowest severity that fails and the rules
    (id → rule) the findings' ids come from."""

    fund: list[Finding]
    filer: list[Path] = field(default_factory=list)
    fail_on: str = "error"
    værktøj: str = "uddprog validate"
    regler: Mapping[str, Regel] = field(default_factory=dict)

    def regel(self, cid: str) -> Regel | None:
        return self.regler.get(cid)


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
