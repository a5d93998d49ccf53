"""uddprog's own JSON: the files checked, every finding, counts per severity."""

from __future__ import annotations

import json

from ..findings import Severity

MENNESKELIG = False


def skriv(rapport) -> str:
    data = {
        "filer": [str(f) for f in rapport.filer],
        "fund": [f.som_json() for f in rapport.fund],
        "opsummering": {s.value: sum(1 for f in rapport.fund if f.severity == s)
                        for s in (Severity.ERROR, Severity.WARNING)},
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
