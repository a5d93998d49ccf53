"""SARIF 2.1.0 (OASIS), the format GitHub code scanning and many editors read.

Rules come from the check registry with their default severity (``defaultConfiguration``), and each
result carries the severity in force after the config (``level``), so a severity override shows as an
override rather than rewriting the rule.

What the tests check beyond the OASIS schema (tests/region/test_formats.py): every ``ruleIndex`` points at
the rule named by ``ruleId``; every ``artifactLocation.uri`` is an RFC 3986 URI reference (non-ASCII and
spaces percent-encoded), relative to ``%SRCROOT%`` (the checkout, ``GITHUB_WORKSPACE``) or an absolute
``file:`` URI without a base; every result has a location with a ``startLine`` (GitHub needs both; a finding
about a whole file points at its first line); and ``partialFingerprints`` has a versioned key.

``partialFingerprints`` carries uddprog's own identity of a finding under
``uddprog/checkFileMessageHash/v1``: check id, file and message without line numbers (the same hash as
GitLab's fingerprint, ``output.fingeraftryk``), so it survives lines moving above the finding and edits
elsewhere in the file. uddprog deliberately does not write GitHub's ``primaryLocationLineHash``: the
upload-sarif action computes that one itself from the file's lines and warns about every result whose value
differs from its own.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..findings import Severity
from . import ci_sti, fingeraftryk

MENNESKELIG = False
#: The schema's own id (the OASIS 2.1.0 errata 01 schema the tests validate against).
SKEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
NIVEAU = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERAFTRYK = "uddprog/checkFileMessageHash/v1"
BASIS = "%SRCROOT%"


def _sti(f) -> str:
    return ci_sti(f.sted.fil, "GITHUB_WORKSPACE")


def artefakt(fil) -> dict:
    """An ``artifactLocation``: a percent-encoded URI relative to the checkout, or an absolute ``file:`` URI
    (then without ``uriBaseId``) for a file outside it. A folder's URI ends with a slash."""
    sti = ci_sti(fil, "GITHUB_WORKSPACE")
    mappe = os.path.isdir(fil)
    if os.path.isabs(sti):
        uri = Path(sti).as_uri()
        return {"uri": uri + "/" if mappe and not uri.endswith("/") else uri}
    uri = quote(sti, safe="/")  # ':' too, so a first segment never reads as a scheme
    return {"uri": uri + "/" if mappe and not uri.endswith("/") else uri, "uriBaseId": BASIS}


def skriv(rapport) -> str:
    ids = sorted({f.check for f in rapport.fund})
    indeks = {cid: i for i, cid in enumerate(ids)}
    regler = []
    for cid in ids:
        c = rapport.regel(cid)
        post = {"id": cid, "shortDescription": {"text": c.titel if c else cid}}
        if c is not None:
            post["defaultConfiguration"] = {"level": NIVEAU[c.severity]}
            post["properties"] = {"område": c.område}
        regler.append(post)
    resultater = []
    for f, aftryk in zip(rapport.fund, fingeraftryk(rapport.fund, lambda f: _sti(f) if f.sted else "")):
        r = {"ruleId": f.check, "ruleIndex": indeks[f.check], "level": NIVEAU[f.severity],
             "message": {"text": f.besked}}
        if f.sted is not None:
            region = {"startLine": max(1, f.sted.linje)}
            if f.sted.linje and f.sted.kolonne:
                region["startColumn"] = f.sted.kolonne
            r["locations"] = [{"physicalLocation": {"artifactLocation": artefakt(f.sted.fil), "region": region}}]
        r["partialFingerprints"] = {FINGERAFTRYK: aftryk}
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
