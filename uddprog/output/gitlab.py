"""GitLab Code Quality report (docs.gitlab.com, "Code Quality": the CodeClimate-based JSON array).

Each issue has ``description``, ``check_name``, ``fingerprint``, ``severity`` (info, minor, major,
critical, blocker) and ``location.path`` + ``location.lines.begin``; paths are relative to
``CI_PROJECT_DIR``. The fingerprint hashes check, path and message, not the line, so a finding keeps its
identity when lines move above it; equal ones get a running number.
"""

from __future__ import annotations

import hashlib
import json

from ..findings import Severity
from . import ci_sti

MENNESKELIG = False
ALVOR = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def skriv(rapport) -> str:
    sete: dict[str, int] = {}
    ud = []
    for f in rapport.fund:
        sti = ci_sti(f.sted.fil, "CI_PROJECT_DIR") if f.sted else "."
        grundlag = f"{f.check}\0{sti}\0{f.besked}"
        n = sete.get(grundlag, 0)
        sete[grundlag] = n + 1
        fingeraftryk = hashlib.sha256(f"{grundlag}\0{n}".encode()).hexdigest()
        ud.append({
            "type": "issue",
            "description": f"{f.check}: {f.besked}",
            "check_name": f.check,
            "fingerprint": fingeraftryk,
            "severity": ALVOR[f.severity],
            "location": {"path": sti, "lines": {"begin": max(1, f.sted.linje if f.sted else 1)}},
        })
    return json.dumps(ud, ensure_ascii=False, indent=2) + "\n"
