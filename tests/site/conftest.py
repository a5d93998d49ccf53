"""One site built from the session's shared copy of the checkout (`checkout_kopi_delt`), for the read-only tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATO = date(2026, 11, 23)
ODENSE = "examples/syd/neurologi-hoveduddannelse-odense-forloeb-2.yaml"  # three P02x warnings on DATO


@pytest.fixture(scope="session")
def bygget(checkout_kopi_delt, tmp_path_factory):
    """(result, out folder) of one build of the shipped examples, without PDF."""
    from uddprog.site import build

    out = tmp_path_factory.mktemp("site") / "site"
    repo = checkout_kopi_delt
    return build([repo / "examples"], out, rod=repo, dato=DATO, pdf=False, jobs=1), out


def eksempler(repo: Path) -> list[Path]:
    return sorted((repo / "examples").rglob("*.yaml"))
