"""One exception base: every error uddprog reports derives from UddprogFejl, and the CLI maps it in one place."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import click
import pytest
from click.testing import CliRunner

import uddprog
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


def test_an_uddprogfejl_from_any_command_is_one_danish_line_with_its_exit_code(monkeypatch, capsys):
    from uddprog import cli

    class Særlig(UddprogFejl):
        exitkode = 3

    @cli.cli.command("prøve-fejl")
    def prøve():
        raise Særlig("Mappen 'x' findes ikke.")

    monkeypatch.setattr("sys.argv", ["uddprog", "prøve-fejl"])
    try:
        with pytest.raises(SystemExit) as e:
            cli.main()
    finally:
        cli.cli.commands.pop("prøve-fejl", None)
    assert e.value.code == 3
    fejl = capsys.readouterr().err
    assert fejl == "Fejl: Mappen 'x' findes ikke.\n" and "Traceback" not in fejl
