"""The suite-wide rule in tests/conftest.py: a skip in CI fails the run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROD = Path(__file__).resolve().parents[2]


def _kør(tmp_path: Path, ci: bool) -> subprocess.CompletedProcess:
    (tmp_path / "conftest.py").write_text((ROD / "tests" / "conftest.py").read_text(encoding="utf-8"))
    (tmp_path / "test_inner.py").write_text(
        "import pytest\n"
        "def test_skips():\n    pytest.skip('LibreOffice mangler')\n"
        "@pytest.mark.xfail(strict=True)\ndef test_xfail():\n    assert False\n"
    )
    env = {"PATH": "/usr/bin:/bin", **({"CI": "true"} if ci else {})}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
                           str(tmp_path)], cwd=tmp_path, capture_output=True, text=True, env=env)


def test_a_skip_fails_in_ci_but_not_locally(tmp_path):
    lokalt = _kør(tmp_path, ci=False)
    assert lokalt.returncode == 0 and "1 skipped, 1 xfailed" in lokalt.stdout
    ci = _kør(tmp_path, ci=True)
    assert ci.returncode == 1 and "1 failed, 1 xfailed" in ci.stdout and "Springet over i CI" in ci.stdout
