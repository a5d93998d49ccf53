"""`statistikrepo`: the synthetic repository (tests/syntetisk.py) with a recruitment round and an agreement."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.syntetisk import SyntetiskRepo

RUNDE = "rekruttering/nord/2026-1-neurologi.yaml"
AFTALE = "aftaler/test.yaml"


def runde_data() -> dict:
    return {"år": 2026, "runde": 1, "speciale": "Neurologi", "fase": "hoveduddannelse",
            "videreuddannelsesregion": "Nord", "kilde": "testdata", "illustrativ": True,
            "forløb": [{"forløb": "Holstebro–Aarhus, forløb 1", "opslået": 1, "genopslået": 1, "ubesat": 1}],
            "i_alt": {"opslået": 1, "besat": 0, "genopslået": 1, "ubesat": 1, "flexforløb": 0}}


def aftale_data() -> dict:
    return {"id": "test", "navn": "Universitetshospital i Nord", "kilde": "testdata",
            "gælder": {"videreuddannelsesregion": "Nord", "fase": "hoveduddannelse"},
            "måling": "universitetshospital", "krav": {"mindst": {"universitetshospital": 50}},
            "undtagelser": [{"specialer": ["Kirurgi"], "udelades": True, "begrundelse": "Ikke målt."}]}


@pytest.fixture
def statistikrepo(tmp_path: Path) -> SyntetiskRepo:
    """The synthetic repository plus one recruitment round (RUNDE) and one agreement (AFTALE)."""
    return SyntetiskRepo.standard(tmp_path, {RUNDE: runde_data(), AFTALE: aftale_data()})
