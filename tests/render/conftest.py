"""Fixtures for the render tests: real clients, snapshot formats, shipped programmes (a copy of the checkout to
render from is tests/conftest.py's `checkout_kopi`)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _programmer(mappe: Path) -> list[Path]:
    """The programmes among the examples (a shared part, programdel, is not rendered on its own)."""
    import yaml

    from uddprog.loading import dokumenttype

    return [f for f in sorted(mappe.rglob("*.yaml"))
            if dokumenttype(yaml.safe_load(f.read_text(encoding="utf-8"))) == "uddannelsesprogram"]


EXAMPLES = _programmer(ROOT / "examples") if (ROOT / "examples").is_dir() else []


def need_tool(*names: str) -> str:
    """Path of the first tool found. Skip without it locally; in CI (env CI set) fail instead,
    so real-client tests can never silently stop running there."""
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    msg = f"{' / '.join(names)} er ikke installeret"
    if os.environ.get("CI"):
        pytest.fail(f"{msg}, men CI er sat: real-client-testene må ikke springes over i CI")
    pytest.skip(msg)


@pytest.fixture(scope="session")
def soffice() -> str:
    return need_tool("soffice", "libreoffice")


@pytest.fixture(scope="session")
def chromium() -> str:
    return need_tool("chromium", "chromium-browser", "google-chrome")


# ------------------------------------------------------------------ snapshots

# The formats are the ones the pytest plugin gives regions (uddprog/pytest_plugin.py): one normaliser.
from uddprog.pytest_plugin import udvidelser  # noqa: E402

DocxXmlExtension, HtmlExtension = udvidelser()


@pytest.fixture
def docx_snapshot(snapshot):
    return snapshot.use_extension(DocxXmlExtension)


@pytest.fixture
def html_snapshot(snapshot):
    return snapshot.use_extension(HtmlExtension)


# ------------------------------------------------------------------ rendering helpers


@pytest.fixture(scope="session")
def renderer():
    from uddprog.render import Renderer

    return Renderer(ROOT)


@pytest.fixture(scope="session")
def fixture_parts():
    """(målbeskrivelse, national template) for programmes built in code (tests/render/fixtures.py)."""
    from . import fixtures

    return fixtures.maalbeskrivelse(), fixtures.skabelon()

