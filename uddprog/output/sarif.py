"""SARIF 2.1.0 (OASIS), the format GitHub code scanning and many editors read.

Rules come from the check registry with their default severity (``defaultConfiguration``), and each
result carries the severity in force after the config (``level``), so a severity override shows as an
override rather than rewriting the rule.
"""

from __future__ import annotations

import json

from .. import __version__
from ..findings import Severity
from . import ci_sti, regel

MENNESKELIG = False
SKEMA = "https://json.schemastore.org/sarif-2.1.0.json"
NIVEAU = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def skriv(rapport) -> str:
    ids = sorted({f.check for f in rapport.fund})
    indeks = {cid: i for i, cid in enumerate(ids)}
    regler = []
    for cid in ids:
        c = regel(cid)
        post = {"id": cid, "shortDescription": {"text": c.titel if c else cid}}
        if c is not None:
            post["defaultConfiguration"] = {"level": NIVEAU[c.severity]}
            post["properties"] = {"område": c.område}
        regler.append(post)
    resultater = []
    for f in rapport.fund:
        r = {"ruleId": f.check, "ruleIndex": indeks[f.check], "level": NIVEAU[f.severity],
             "message": {"text": f.besked}}
        if f.sted is not None:
            fysisk = {"artifactLocation": {"uri": ci_sti(f.sted.fil, "GITHUB_WORKSPACE"), "uriBaseId": "%SRCROOT%"}}
            if f.sted.linje:
                fysisk["region"] = {"startLine": f.sted.linje, "startColumn": max(1, f.sted.kolonne)}
            r["locations"] = [{"physicalLocation": fysisk}]
        resultater.append(r)
    log = {
        "$schema": SKEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "uddprog", "version": __version__, "semanticVersion": __version__,
                                "informationUri": "https://pypi.org/project/uddprog/", "rules": regler}},
            "results": resultater,
            "columnKind": "unicodeCodePoints",
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
