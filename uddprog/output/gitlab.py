"""GitLab Code Quality report (docs.gitlab.com, "Code Quality": the CodeClimate-based JSON array).

Each issue has ``description``, ``check_name``, ``fingerprint``, ``severity`` (info, minor, major,
critical, blocker) and ``location.path`` + ``location.lines.begin``; paths are relative to
``CI_PROJECT_DIR``. The fingerprint (``output.fingeraftryk``, shared with SARIF) hashes check, path and message
without line numbers, not the line, so a finding keeps its identity when lines move above it; equal ones get a
running number.
"""

from __future__ import annotations

import json

from ..findings import Severity
from . import ci_sti, fingeraftryk

MENNESKELIG = False
ALVOR = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def skriv(rapport) -> str:
    def sti(f) -> str:
        return ci_sti(f.sted.fil, "CI_PROJECT_DIR") if f.sted else "."

    ud = []
    for f, aftryk in zip(rapport.fund, fingeraftryk(rapport.fund, sti)):
        ud.append({
            "type": "issue",
            "description": f"{f.check}: {f.besked}",
            "check_name": f.check,
            "fingerprint": aftryk,
            "severity": ALVOR[f.severity],
            "location": {"path": sti(f), "lines": {"begin": max(1, f.sted.linje if f.sted else 1)}},
        })
    return json.dumps(ud, ensure_ascii=False, indent=2) + "\n"
