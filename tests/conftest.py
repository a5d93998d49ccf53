"""What every test shares: the rule that a skip fails in CI, the one way to run the command (in-process and
as a real process) and the repositories tests run it on.

Suite-wide rule: in CI (env CI set) a skipped test is a failure. Real-client tests skip locally when
LibreOffice or Chromium is missing; CI installs them, so a skip there means a test silently did not run.
Strict xfails still count as expected failures.

The repository fixtures, by what they hold:

- ``checkout_kopi``: a fresh copy of this checkout's målbeskrivelser/, templates/ and examples/ (function scope,
  change it freely); ``checkout_kopi_delt``: one such copy for the whole session, which tests only read.
- ``syntetisk_repo``: a small valid repository kept as editable data (tests/syntetisk.py), written by ``.skriv()``
  and checked by ``.valider()``.
- ``region_repo``: a region's repository made by `uddprog init` (uddprog.toml, programmer/, region Syd) with the
  shipped Odense programme in it, as the working folder.

Only the standard library and pytest are imported at the top: tests/core/test_ci_rule.py runs this file alone.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJEKT = Path(__file__).resolve().parents[1]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    udfald = yield
    rapport = udfald.get_result()
    if os.environ.get("CI") and rapport.skipped and not hasattr(rapport, "wasxfail"):
        rapport.outcome = "failed"
        årsag = rapport.longrepr[2] if isinstance(rapport.longrepr, tuple) else str(rapport.longrepr)
        rapport.longrepr = f"Springet over i CI, hvor alle tests skal køre: {årsag}"


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


# ------------------------------------------------------------------ the command


def kør(*args, env: dict | None = None, input: str | bytes | None = None, cwd: Path | str | None = None,
        tillad_intern_fejl: bool = False):
    """`uddprog ARGS` in-process, as a user's shell runs it: through ``uddprog.cli.main``, so an ``UddprogFejl``
    becomes its exit code and one "Fejl: …" line. Returns click's ``Result`` (exit_code, output, stdout, stderr).

    Arguments are stringified (paths welcome); ``env`` adds to the environment (a value of None removes a
    variable), ``input`` is stdin, ``cwd`` the working folder for this run. A bug never passes as an exit code:
    UDDPROG_DEBUG=1 makes main re-raise an unexpected exception, which reaches the test with its traceback.
    ``tillad_intern_fejl=True`` runs without it, for tests of the "Intern fejl … exit 70" answer itself.
    """
    import gc

    from click.testing import CliRunner

    from uddprog import cli

    class Skal:
        """What CliRunner calls: the console script's main, with these arguments and its program name."""

        name = "uddprog"

        @staticmethod
        def main(args, prog_name, **_):
            gruppe, tærskel = cli.cli, gc.get_threshold()
            gruppe.main = lambda **kw: type(gruppe).main(gruppe, args=list(args), prog_name="uddprog", **kw)
            try:
                cli.main()
            finally:
                del gruppe.main
                gc.set_threshold(*tærskel)  # main tunes the collector for a short-lived process, not for pytest

    miljø = {"UDDPROG_DEBUG": None if tillad_intern_fejl else "1", **(env or {})}
    with contextlib.chdir(cwd) if cwd is not None else contextlib.nullcontext():
        return CliRunner().invoke(Skal(), [str(a) for a in args], input=input, env=miljø, catch_exceptions=False)


def kør_proces(*args, cwd: Path | str = PROJEKT, env: dict | None = None, timeout: float = 300,
               hukommelse: int | None = None, bruger: int | None = None) -> subprocess.CompletedProcess:
    """`python -m uddprog ARGS` as a real process (this checkout first on the path), for what only a process
    shows: exit status, signals, start-up, limits. ``env`` adds to the environment (None removes a variable);
    ``hukommelse`` caps the address space in bytes; ``bruger`` runs it as another uid (root only)."""
    miljø = {k: v for k, v in os.environ.items() if k != "UDDPROG_DEBUG"} | {"PYTHONPATH": str(PROJEKT)}
    for k, v in (env or {}).items():
        if v is None:
            miljø.pop(k, None)
        else:
            miljø[k] = v

    def før() -> None:
        import resource

        if hukommelse is not None:
            resource.setrlimit(resource.RLIMIT_AS, (hukommelse, hukommelse))
        if bruger is not None:
            os.setgid(bruger)
            os.setuid(bruger)

    return subprocess.run([sys.executable, "-m", "uddprog", *map(str, args)], cwd=cwd, env=miljø,
                          capture_output=True, text=True, timeout=timeout,
                          preexec_fn=før if hukommelse is not None or bruger is not None else None)


# ------------------------------------------------------------------ repositories


def kopier_checkout(mål: Path) -> Path:
    """målbeskrivelser/, templates/ and examples/ of this checkout, copied to the new folder ``mål``."""
    for navn in ("målbeskrivelser", "templates", "examples"):
        shutil.copytree(PROJEKT / navn, mål / navn)
    return mål


@pytest.fixture
def checkout_kopi(tmp_path: Path) -> Path:
    """A fresh copy of this checkout's målbeskrivelser/, templates/ and examples/; change it freely."""
    return kopier_checkout(tmp_path / "checkout")


@pytest.fixture(scope="session")
def checkout_kopi_delt(tmp_path_factory) -> Path:
    """One copy of the checkout for the whole session: read it, never change it."""
    return kopier_checkout(tmp_path_factory.mktemp("delt") / "checkout")


@pytest.fixture
def syntetisk_repo(tmp_path: Path):
    """A small valid repository as editable data in ``tmp_path`` (tests/syntetisk.py): change the data, then
    ``.skriv()`` or ``.valider()``."""
    from tests.syntetisk import SyntetiskRepo

    return SyntetiskRepo.standard(tmp_path)


#: The shipped programme the region repository holds: on Neurologi 2011, so P021, P022, P023 in 2026.
ODENSE = PROJEKT / "examples/syd/neurologi-hoveduddannelse-odense-forloeb-2.yaml"


@pytest.fixture
def region_repo(tmp_path: Path, monkeypatch) -> Path:
    """A region's repository made as `uddprog init` makes it (region Syd) with one programme,
    programmer/syd/odense.yaml (the shipped Odense one), as the working folder."""
    from uddprog.init import skriv

    rod = tmp_path / "region-syd"
    skriv(rod, "Syd")
    (rod / "programmer/syd").mkdir(parents=True)
    shutil.copy(ODENSE, rod / "programmer/syd/odense.yaml")
    monkeypatch.chdir(rod)
    return rod


def sigint_som_i_en_terminal() -> None:
    """``preexec_fn`` for a child that a test sends SIGINT: a shell's background job ignores SIGINT and its
    children inherit that, so Python would never raise KeyboardInterrupt; a terminal's Ctrl-C is the default."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)
