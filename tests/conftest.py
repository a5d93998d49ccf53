"""Suite-wide rule: in CI (env CI set) a skipped test is a failure.

Real-client tests skip locally when LibreOffice or Chromium is missing; CI installs
them, so a skip there means a test silently did not run. Strict xfails still count
as expected failures.
"""

from __future__ import annotations

import os

import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    udfald = yield
    rapport = udfald.get_result()
    if os.environ.get("CI") and rapport.skipped and not hasattr(rapport, "wasxfail"):
        rapport.outcome = "failed"
        årsag = rapport.longrepr[2] if isinstance(rapport.longrepr, tuple) else str(rapport.longrepr)
        rapport.longrepr = f"Springet over i CI, hvor alle tests skal køre: {årsag}"


@pytest.fixture(scope="session", autouse=True)
def _cachemappe(tmp_path_factory):
    """uddprog's caches (XDG_CACHE_HOME) in a folder of this test session, never the user's own; commands
    run as subprocesses inherit it."""
    før = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if før is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = før


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, through Playwright (never a downloaded browser)."""
    from .browser import CHROMIUM_ARGS, chromium_path, need

    path = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need("playwright", None)
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()
