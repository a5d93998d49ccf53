"""Constants for the region tests; the repository itself is tests/conftest.py's `region_repo` (made by
`uddprog init`, with the old Odense programme, as the working folder)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ODENSE

PROJEKT = Path(__file__).resolve().parents[2]
GAMMELT = ODENSE  # P021, P022, P023 in 2026
DATO = "2026-11-23"
