"""The `uddprog` command: a thin click layer over the library.

Sub-commands live in their own modules and are imported only when used, so
`uddprog --version` starts fast. Register a command with one line in _KOMMANDOER.
"""

from __future__ import annotations

import os
import sys

import click

from .. import __version__
from ..fejl import UddprogFejl
from .dansk import installer

installer()

_KOMMANDOER = {
    "validate": "uddprog.cli.validate:validate",
    "schema": "uddprog.cli.validate:schema",
    "checks": "uddprog.cli.validate:checks",
    "diff": "uddprog.cli.diff:diff",
    "status": "uddprog.cli.diff:status",
    "render": "uddprog.cli.render:render",
    "ny": "uddprog.cli.ny:ny",
    "migrate": "uddprog.cli.migrate:migrate",
    "godkend": "uddprog.cli.migrate:godkend",
    "import": "uddprog.cli.importer:importer_cmd",
    "site": "uddprog.cli.site:site",
    "serve": "uddprog.cli.site:serve",
    "stats": "uddprog.cli.stats:stats",
    "init": "uddprog.cli.init:init",
    "katalog": "uddprog.cli.init:katalog",
    "eksport": "uddprog.cli.visninger:eksport",
    "plan": "uddprog.cli.visninger:plan",
    "afdeling": "uddprog.cli.visninger:afdeling",
}


class _DovenGruppe(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *_KOMMANDOER})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in _KOMMANDOER:
            modul, attr = _KOMMANDOER[name].split(":")
            return getattr(__import__(modul, fromlist=[attr]), attr)
        return super().get_command(ctx, name)


@click.group(cls=_DovenGruppe, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="uddprog", message="%(prog)s %(version)s")
def cli() -> None:
    """uddprog: uddannelsesprogrammer for den lægelige videreuddannelse.

    Validér programmer mod målbeskrivelse og national skabelon, dan Word, HTML
    og PDF, og se hvilke programmer en ny målbeskrivelse gør forældede.
    """


#: Allocations between young-generation collections. Loading YAML allocates millions of short-lived,
#: acyclic objects (nodes, marks, dicts) that reference counting frees at once; the default (700) makes
#: the cycle collector run thousands of times per batch for nothing (a fifth of loading time). Higher
#: values save no more time but let cyclic garbage (template rendering makes some) raise peak memory.
GC_TERSKEL = 10_000


def main() -> None:
    """Entry point: any unexpected error becomes one Danish line, never a traceback."""
    import gc

    gc.set_threshold(GC_TERSKEL, 10, 10)  # inherited by forked worker processes
    try:
        kode = cli.main(standalone_mode=False)  # a command's ctx.exit(n) comes back as n
    except click.exceptions.Abort:
        click.echo("Afbrudt.", err=True)
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        click.echo("Afbrudt.", err=True)
        sys.exit(130)
    except UddprogFejl as e:  # bad input or environment, said in Danish: its exit code, no traceback
        click.echo(f"Fejl: {e}", err=True)
        sys.exit(e.exitkode)
    except Exception as e:  # a bug in uddprog, not in the user's input
        if os.environ.get("UDDPROG_DEBUG"):
            raise
        click.echo(f"Intern fejl i uddprog ({type(e).__name__}: {e}). Sæt UDDPROG_DEBUG=1 for detaljer, "
                   "og meld fejlen til udviklerne.", err=True)
        sys.exit(70)
    sys.exit(kode if isinstance(kode, int) else 0)
