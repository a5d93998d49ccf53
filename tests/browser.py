"""One way to drive a real browser in the tests: Debian's Chromium through Playwright.

Playwright is given the system browser (`executable_path`); it never downloads one. axe-core
(shipped inside the axe-playwright-python wheel) checks pages against WCAG 2.1 AA. Use the
`browser` fixture (tests/conftest.py) and `axe_violations(page)`.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

#: Flags for Chromium on a closed network, as root, without a screen.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def need(what: str, found: object) -> None:
    """Skip without `what` locally; in CI (env CI set) fail instead."""
    if found:
        return
    msg = f"{what} er ikke installeret"
    if os.environ.get("CI"):
        pytest.fail(f"{msg}, men CI er sat: real-client-testene må ikke springes over i CI")
    pytest.skip(msg)


def chromium_path() -> str:
    path = next((p for p in (shutil.which(n) for n in ("chromium", "chromium-browser")) if p), None)
    need("chromium", path)
    return path  # type: ignore[return-value]


def axe_source() -> str:
    try:
        import axe_playwright_python
    except ImportError:
        need("axe-playwright-python", None)
    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def axe_violations(page, tags: list[str] = WCAG_AA) -> list[dict]:
    """axe-core's violations on the page loaded in `page`, as (id, impact, help, targets) dicts."""
    page.add_script_tag(content=axe_source())
    res = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", tags)
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "targets": [n["target"] for n in v["nodes"]][:5]} for v in res["violations"]]
