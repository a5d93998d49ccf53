"""The repository on disk: its layout, where its root is, and which YAML files it holds.

A repository (the *rod*) has ``målbeskrivelser/<speciale>/<fase>-<version>.yaml``,
``templates/national/<id>/skabelon.yaml`` and its programmes (``examples/<region>/*.yaml`` here,
``programmer/`` in a region's repository made by ``uddprog init``). Every search upwards for a root (the
catalogue's, the config's, the loader's symbolic-link guard) uses the markers defined here, so all of them
stop at the same folder.
"""

from __future__ import annotations

import functools
import os
import stat
from collections.abc import Iterator
from pathlib import Path

MB_MAPPE = "målbeskrivelser"
SKABELON_MAPPE = Path("templates") / "national"
EKSEMPEL_MAPPE = "examples"
SKABELON_FIL = "skabelon.yaml"
RUNDE_MAPPE = "rekruttering"  # rekruttering/<region>/<år>-<runde>-<speciale>.yaml (uddprog stats)
AFTALE_MAPPE = "aftaler"  # aftaler/<id>.yaml: targets for the regional figures
SKEMA_MAPPE = "schemas"  # the JSON Schemas for the editor ('uddprog schema', 'uddprog init')
#: Configuration files that mark a repository root (uddprog.config reads them).
KONFIGFILER = ("uddprog.toml", ".uddprog.yaml")

#: What marks the root of a repository, for every search upwards (the catalogue's root, the config, the loader's
#: symbolic-link guard): uddprog's own markers, a config file or a målbeskrivelser/ or templates/national/ folder,
#: make a folder a uddprog repository; a git root (``.git``: a folder, or a file in a worktree or submodule) ends a
#: search too, so nothing above a repository is ever taken for part of it.
ROD_FILER = KONFIGFILER
ROD_MAPPER = (MB_MAPPE, SKABELON_MAPPE.as_posix())
GIT = ".git"


def skemalink(mappe: Path, rod: Path, skemafil: str) -> str:
    """The link from a YAML file in ``mappe`` to the repository's schema ``skemafil`` (``$schema=…`` in the
    file's first line): relative, with '/', so it holds wherever the repository is checked out."""
    mål = Path(os.path.abspath(Path(rod) / SKEMA_MAPPE / skemafil))
    return Path(os.path.relpath(mål, os.path.abspath(mappe))).as_posix()


def er_repository(mappe: Path | str) -> bool:
    """A folder is a uddprog repository when it has a config file, målbeskrivelser/ or templates/national/."""
    mappe = os.fspath(mappe)
    return (any(os.path.isfile(os.path.join(mappe, k)) for k in ROD_FILER)
            or any(os.path.isdir(os.path.join(mappe, m)) for m in ROD_MAPPER))


def er_rod(mappe: Path | str) -> bool:
    """A folder where a search upwards stops: a uddprog repository or a git root."""
    return er_repository(mappe) or os.path.lexists(os.path.join(os.fspath(mappe), GIT))


def _delt(mappe: str) -> bool:
    """A folder every user may write in (world-writable with the sticky bit, like /tmp): never a repository,
    so a stray uddprog.toml or målbeskrivelser/ there cannot change what happens in the folders below it."""
    try:
        tilstand = os.stat(mappe).st_mode
    except OSError:
        return False
    return bool(tilstand & stat.S_IWOTH and tilstand & stat.S_ISVTX)


def _hjem() -> set[str]:
    hjem = os.path.expanduser("~")
    if not os.path.isabs(hjem):  # no HOME and no password entry: no bound from it
        return set()
    return {os.path.abspath(hjem), os.path.realpath(hjem)}


def mapper_opad(mappe: Path | str) -> Iterator[str]:
    """The folders a search for the repository root looks at, nearest first: ``mappe`` and the folders above
    it, up to and including the home folder when ``mappe`` lies in it; never the file system's root, nor a
    shared folder (see ``_delt``) or anything above one. Paths are taken as written (links not resolved)."""
    hjem = _hjem()
    del_ = os.path.abspath(mappe)
    while True:
        forælder = os.path.dirname(del_)
        if forælder == del_ or _delt(del_):
            return
        yield del_
        if del_ in hjem:
            return
        del_ = forælder


def rod_over(mappe: Path | str) -> str | None:
    """The nearest root (``er_rod``) at or above ``mappe`` within the bounds of ``mapper_opad``, or None."""
    return next((m for m in mapper_opad(mappe) if er_rod(m)), None)


def find_rod(start: Path | None = None) -> Path:
    """The repository (see ``er_repository``) at or above ``start``; "." when there is none.

    The search stops at the first root (``rod_over``): a git root that is no uddprog repository means
    there is none, as does reaching the home folder, a shared folder such as /tmp or the file system's root.
    """
    start = (start or Path.cwd()).resolve()
    if start.is_file():
        start = start.parent
    rod = rod_over(start)
    if rod is None or not er_repository(rod):
        return Path(".")
    mappe, cwd = Path(rod), Path.cwd()
    # Relative to the working folder when inside it or above it ('..' when run from programmer/): messages
    # then show short, clickable paths, never the machine's absolute ones.
    if mappe.is_relative_to(cwd):
        return mappe.relative_to(cwd)
    return Path(os.path.relpath(mappe, cwd)) if cwd.is_relative_to(mappe) else mappe


def yaml_filer(mappe: Path, links: list[Path] | None = None) -> list[Path]:
    """Every YAML file below ``mappe`` in a stable order; hidden folders (.git, .venv) are not searched.

    A linked folder below ``mappe`` is not entered (as with rglob); ``links``, when given, collects them."""
    mappe = Path(mappe)
    fundet: list[Path] = []

    # Directory entries know their type without a stat per file (rglob + is_file was a third of a diff's
    # reading time on a national corpus).
    def gå(mappe: Path, sti: str) -> None:
        try:
            poster = list(os.scandir(sti))
        except OSError:
            return
        for e in poster:
            try:
                if e.is_dir(follow_symlinks=False):
                    if not e.name.startswith("."):
                        gå(mappe / e.name, e.path)
                elif e.name.endswith((".yaml", ".yml")) and e.name not in (".yaml", ".yml") and e.is_file():
                    fundet.append(mappe / e.name)
                elif links is not None and not e.name.startswith(".") and e.is_symlink() and e.is_dir():
                    links.append(mappe / e.name)
            except OSError:
                continue

    gå(mappe, os.fspath(mappe))
    return sorted(fundet, key=lambda p: p.parts)  # Path's own order, with the key built once per file


def link_ud(mappe: Path | str) -> Path | None:
    """Where a folder leads when it is reached through a symbolic link (itself or a folder above it) to a
    place outside its repository (the nearest root above it, ``rod_over``); else None. A repository reached
    through a link is itself, not a way out of one."""
    absolut = os.path.abspath(mappe)
    if er_rod(absolut):
        return None
    rod = rod_over(os.path.dirname(absolut))
    if rod is None:
        return None
    mål, rodmål = os.path.realpath(absolut), os.path.realpath(rod)
    return None if mål == rodmål or mål.startswith(os.path.join(rodmål, "")) else Path(mål)


def katalogdel(fil: Path | str, rod: Path | str) -> str | None:
    """The kind of document a file must be by where it lies in the repository at ``rod``: "målbeskrivelse"
    below målbeskrivelser/, "skabelon" below templates/national/, else None (any kind, told by its keys)."""
    absolut = os.path.abspath(fil)
    for mappe, art in ((MB_MAPPE, "målbeskrivelse"), (SKABELON_MAPPE, "skabelon")):
        if absolut.startswith(os.path.join(os.path.abspath(os.path.join(rod, mappe)), "")):
            return art
    return None


def for_bred(mappe: Path) -> bool:
    """True for the file system's root or the home folder: searching them for programmes would read
    every YAML file on the machine."""
    try:
        sti = Path(mappe).resolve()
        return sti == Path(sti.anchor) or sti == Path.home().resolve()
    except (OSError, RuntimeError):
        return False




def repository_rod(fil: Path) -> Path:
    """The repository a file belongs to, found from its path as written (links not followed).

    The nearest root above ``fil`` (``rod_over``); without one, the file's own folder.
    """
    absolut = os.path.abspath(fil)
    return Path(rod_for_mappe(os.path.dirname(absolut)))


@functools.lru_cache(maxsize=1024)
def rod_for_mappe(mappe: str) -> str:
    """``rod_over(mappe)`` or ``mappe`` itself; cached per folder, as a batch reads thousands of files from a
    handful of folders."""
    return rod_over(mappe) or mappe
