"""A new region repository (`uddprog init`): the files and their contents, pure; writing is the CLI's.

Like ``mkdocs new``: the minimum a videreuddannelsessekretariat needs (config, an empty programme folder,
CI for GitHub and GitLab, pre-commit, snapshot tests of the layouts, JSON Schemas for the editor with VS Code's
workspace settings mapping them, a README in Danish), nothing that
exists is ever overwritten, and each file written is named.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from string import Template

from . import __version__
from .rod import SKEMA_MAPPE
from .skriv import write_atomic

#: (file in the new repository, template in uddprog/init_skabeloner)
FILER = (
    ("uddprog.toml", "uddprog.toml"),
    (".github/workflows/uddprog.yml", "github.yml"),
    (".gitlab-ci.yml", "gitlab-ci.yml"),
    (".pre-commit-config.yaml", "pre-commit-config.yaml"),
    (".gitignore", "gitignore"),
    (".vscode/settings.json", "vscode-settings.json"),
    ("tests/test_skabeloner.py", "test_skabeloner.py"),
    ("README.md", "README.md"),
)


def filer(region: str, programmer: str = "programmer") -> dict[str, str]:
    """Relative path → content of every file of a new repository for ``region`` (Nord, Syd or Øst)."""
    værdier = {"region": region, "regionnavn": f"Videreuddannelsesregion {region}", "programmer": programmer,
               "version": __version__, "regionsnoegle": region if region.isascii() else f'"{region}"',
               "godkendelse": _godkendelse(region)}
    pakke = resources.files("uddprog.init_skabeloner")
    ud = {sti: Template(pakke.joinpath(kilde).read_text(encoding="utf-8")).substitute(værdier)
          for sti, kilde in FILER}
    ud[f"{programmer}/.gitkeep"] = ""
    # The schemas the editor finds through .vscode/settings.json, and through the link `ny` and `import` write
    # in each file's first line (computed from where the file is: rod.skemalink).
    from .schema import SKEMAFILER, skematekst  # lazy: pydantic only when this runs

    for type_, navn in SKEMAFILER.items():
        ud[f"{SKEMA_MAPPE}/{navn}.schema.json"] = skematekst(type_)
    return ud


def _godkendelse(region: str) -> str:
    """The region's approval practice as TOML lines (regler.GODKENDELSESPRAKSIS, with its source)."""
    from .models import Videreuddannelsesregion  # lazy: pydantic only when this runs
    from .regler import GODKENDELSESPRAKSIS  # lazy: as above

    praksis = GODKENDELSESPRAKSIS[Videreuddannelsesregion(region)]
    linjer = [f"# Kilde: {praksis.kilde.tekst}." if praksis.kilde else "# Kilde: ingen offentlig kilde fundet."]
    linjer.append(f'godkendes_af = "{praksis.godkendes_af}"' if praksis.godkendes_af
                  else '# godkendes_af = "…"          # ikke fundet i offentlige kilder: skriv det godkendende organ')
    if praksis.indstilles_af:
        linjer.append(f'indstilles_af = "{praksis.indstilles_af}"')
    if praksis.delforløb:
        linjer.append("delforloeb = [" + ", ".join(f'"{f}"' for f in praksis.delforløb) + "]")
    return "\n".join(linjer)


def skriv(mappe: Path, region: str, programmer: str = "programmer") -> tuple[list[Path], list[Path]]:
    """Write what is missing; (written, left alone because it exists)."""

    skrevet, urørt = [], []
    for rel, indhold in filer(region, programmer).items():
        sti = Path(mappe) / rel
        if sti.exists() or sti.is_symlink():
            urørt.append(sti)
            continue
        sti.parent.mkdir(parents=True, exist_ok=True)
        skrevet.append(write_atomic(sti, indhold))
    return skrevet, urørt
