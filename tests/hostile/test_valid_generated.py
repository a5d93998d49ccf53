"""Generated VALID repositories validate without errors, and the loader keeps every text intact."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from uddprog.catalog import Katalog
from uddprog.checks import standardstier, valider
from uddprog.findings import Severity
from uddprog.loading import indlæs

from .strategies import repositorier

# pydantic strips Unicode White_Space (Rust's trim); Python's str.strip also strips \x1c-\x1f.
_WS = "".join(c for c in map(chr, range(0x3001)) if c.isspace() and c not in "\x1c\x1d\x1e\x1f")


def _strip(s: str) -> str:
    return s.strip(_WS)

DATO = date(2026, 11, 23)
INDSTILLINGER = settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@INDSTILLINGER
@given(repositorier())
def test_generated_valid_repository_has_no_errors(g):
    with tempfile.TemporaryDirectory() as d:
        rod = g.skriv(Path(d))
        katalog = Katalog(rod)
        resultat = valider(standardstier(katalog), katalog, DATO)
        fejl = [str(f) for f in resultat.fund if f.severity == Severity.ERROR]
        assert fejl == []
        assert len(resultat.filer) == 3


@INDSTILLINGER
@given(repositorier(maks_ansættelser=3, maks_kompetencer=3))
def test_loader_keeps_every_text_exactly(g):
    with tempfile.TemporaryDirectory() as d:
        rod = g.skriv(Path(d))
        p = indlæs(rod / "examples/fuzz/program.yaml").model
        assert p.titel == _strip(g.program["titel"])
        assert p.forløb == _strip(g.program["forløb"])
        for a, rå in zip(p.ansættelser, g.program["ansættelser"]):
            assert a.beskrivelse == rå["beskrivelse"]  # Markdown is not stripped
            assert a.sted == _strip(rå["sted"])
        assert dict(p.sektioner) == g.program["sektioner"]
        mb = indlæs(next((rod / "målbeskrivelser").rglob("*.yaml"))).model
        assert [k.konkretisering for k in mb.kompetencer] == [k["konkretisering"] for k in g.mb["kompetencer"]]
