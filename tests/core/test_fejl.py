"""One exception base: every error uddprog reports derives from UddprogFejl, and the CLI maps it in one place."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import uddprog
from tests.conftest import kør
from uddprog.fejl import UddprogFejl


def _undtagelser() -> list[type[BaseException]]:
    ud = []
    for info in pkgutil.walk_packages(uddprog.__path__, "uddprog."):
        if info.name.startswith(("uddprog.init_skabeloner", "uddprog._national", "uddprog.__main__")):
            continue
        modul = importlib.import_module(info.name)
        for _, k in inspect.getmembers(modul, inspect.isclass):
            if issubclass(k, BaseException) and k.__module__ == modul.__name__:
                ud.append(k)
    return ud


def test_every_exception_of_uddprog_derives_from_the_one_base():
    undtagelser = _undtagelser()
    # Control flow inside a module (a fast path giving up) is not an error a user meets: private, not counted.
    offentlige = [k for k in undtagelser if not k.__name__.startswith("_")]
    assert len(offentlige) >= 14
    assert [k.__qualname__ for k in offentlige if not issubclass(k, UddprogFejl)] == []


@pytest.fixture
def prøvekommando():
    """Register a command `prøve-fejl` that raises the exception given to it, for the test's duration."""
    from uddprog import cli

    def registrer(undtagelse: BaseException) -> None:
        @cli.cli.command("prøve-fejl")
        def prøve():
            raise undtagelse

    yield registrer
    cli.cli.commands.pop("prøve-fejl", None)


def test_an_uddprogfejl_from_any_command_is_one_danish_line_with_its_exit_code(monkeypatch, capsys, prøvekommando):
    from uddprog import cli

    class Særlig(UddprogFejl):
        exitkode = 3

    prøvekommando(Særlig("Mappen 'x' findes ikke."))
    monkeypatch.setattr("sys.argv", ["uddprog", "prøve-fejl"])
    with pytest.raises(SystemExit) as e:
        cli.main()
    assert e.value.code == 3
    fejl = capsys.readouterr().err
    assert fejl == "Fejl: Mappen 'x' findes ikke.\n" and "Traceback" not in fejl
    # the tests' runner goes through the same main: the same line and exit code
    r = kør("prøve-fejl")
    assert (r.exit_code, r.stderr, r.stdout) == (3, "Fejl: Mappen 'x' findes ikke.\n", "")


def test_the_tests_runner_lets_no_bug_pass_as_an_exit_code(prøvekommando):
    """An unexpected exception reaches the test with its traceback; only a test of the answer a user gets
    ("Intern fejl", exit 70) asks for that answer."""
    prøvekommando(ZeroDivisionError("division by zero"))
    with pytest.raises(ZeroDivisionError):
        kør("prøve-fejl")
    r = kør("prøve-fejl", tillad_intern_fejl=True)
    assert r.exit_code == 70 and r.stderr.startswith("Intern fejl i uddprog (ZeroDivisionError: division by zero).")
    assert "Traceback" not in r.output
