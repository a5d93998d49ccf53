"""The one base of the errors uddprog reports to its user.

Every exception that means "the input or the environment is wrong, here is why" derives from
:class:`UddprogFejl`: its ``str()`` is a Danish sentence a user can act on, and ``exitkode`` is the exit
code it means. ``uddprog.cli.main`` maps them in one place; anything else is a bug (exit 70).
"""

from __future__ import annotations


class UddprogFejl(Exception):
    """An error the user can fix: a Danish message and its exit code (2: bad input, usage or environment)."""

    exitkode: int = 2
