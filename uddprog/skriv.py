"""Writing files: atomic and durable writes, safe output names, deterministic zip packages.

Every command that writes goes through this module. Determinism: the same entries give the same bytes
(fixed order, timestamps, permissions and compression). Atomicity and durability: output is written to a
temporary file next to the target, flushed to disk (``fsync``) and renamed into place, and the folder is
synced after the rename, so a reader (or the machine after a power cut) sees either the old file or the
complete new one, never a half-written or empty file.
"""

from __future__ import annotations

import errno
import os
import struct
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .fejl import UddprogFejl
from .navne import slug


class UnsafeOutputPath(UddprogFejl, ValueError):
    """A name derived from input data would leave the output directory."""


#: Why the OS refused a write, as a reader of the message needs it.
_GRUNDE = {
    errno.EACCES: "ingen skriveadgang", errno.EPERM: "ingen skriveadgang",
    errno.EROFS: "filsystemet er skrivebeskyttet", errno.ENOSPC: "disken er fuld",
    errno.EDQUOT: "diskkvoten er brugt op", errno.ENOTDIR: "en del af stien er en fil, ikke en mappe",
    errno.EEXIST: "en del af stien er en fil, ikke en mappe", errno.EISDIR: "der ligger en mappe med det navn",
    errno.ENAMETOOLONG: "navnet er for langt", errno.EMLINK: "mappen har for mange filer",
}


class Skrivefejl(UddprogFejl, OSError):
    """An output file or folder cannot be written. ``str()`` is one Danish sentence naming the folder.

    Every command writes through this module, so the CLI turns this one exception into exit code 2
    (``uddprog.cli.main``) instead of each command handling the OS's English messages.
    """

    def __init__(self, sti: str | os.PathLike, årsag: OSError, mappe: bool = False):
        grund = _GRUNDE.get(årsag.errno or 0) or (årsag.strerror or str(årsag))
        super().__init__(årsag.errno, grund, str(sti))
        sti = Path(sti)
        self.mappe = sti if mappe else sti.parent
        self.besked = (f"Kan ikke skrive i mappen '{sti}': {grund}." if mappe
                       else f"Kan ikke skrive '{sti.name}' i mappen '{self.mappe}': {grund}.")

    def __str__(self) -> str:
        return self.besked


def klargør_mappe(mappe: str | os.PathLike) -> Path:
    """Create ``mappe`` if needed and prove it is writable before anything is rendered into it.

    A read-only or full folder then fails at once with one Danish message, not after a batch
    of half-done work.
    """
    mappe = Path(mappe)
    try:
        mappe.mkdir(parents=True, exist_ok=True)
        fd, prøve = tempfile.mkstemp(prefix=".uddprog-", suffix=".tmp", dir=mappe)
        try:
            os.write(fd, b"x")
        finally:
            os.close(fd)
            os.unlink(prøve)
    except Skrivefejl:
        raise
    except OSError as exc:
        raise Skrivefejl(mappe, exc, mappe=True) from None
    return mappe


@dataclass(frozen=True)
class ZipEntry:
    """One compressed zip member; build once and reuse for parts that never change."""

    name: bytes
    crc: int
    size: int
    data: bytes  # raw deflate stream

    @classmethod
    def of(cls, name: str, content: bytes, level: int = 6) -> "ZipEntry":
        comp = zlib.compressobj(level, zlib.DEFLATED, -15)
        data = comp.compress(content) + comp.flush()
        return cls(name.encode("utf-8"), zlib.crc32(content), len(content), data)


# DOS time 00:00:00, date 1980-01-01; mode: regular file rw-r--r--.
_DOS_TIME, _DOS_DATE = 0, (1 << 5) | 1
_EXTERNAL_ATTR = 0o100644 << 16
_UTF8_FLAG = 0x800


def zip_bytes(entries: Iterable["ZipEntry | tuple[str, bytes]"], level: int = 6) -> bytes:
    """Zip entries in the given order with fixed metadata (deflate, 1980-01-01, 0644).

    Written by hand rather than with zipfile so that unchanged template
    parts can be compressed once per process and reused for every document.
    The caller decides the order ([Content_Types].xml first for OOXML).
    """
    out = bytearray()
    central = bytearray()
    count = 0
    for entry in entries:
        if not isinstance(entry, ZipEntry):
            entry = ZipEntry.of(entry[0], entry[1], level)
        flags = 0 if entry.name.isascii() else _UTF8_FLAG
        common = struct.pack(
            "<HHHHHIIIH", 20, flags, 8, _DOS_TIME, _DOS_DATE,
            entry.crc, len(entry.data), entry.size, len(entry.name),
        )
        central += b"PK\x01\x02" + struct.pack("<H", (3 << 8) | 20) + common
        central += struct.pack("<HHHHII", 0, 0, 0, 0, _EXTERNAL_ATTR, len(out)) + entry.name
        out += b"PK\x03\x04" + common + b"\x00\x00" + entry.name + entry.data
        count += 1
    if count > 0xFFFF or len(out) > 0xFFFFFFFF:
        raise ValueError("Pakken er for stor til en almindelig zip-fil")
    end = b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, count, count, len(central), len(out), 0)
    return bytes(out + central + end)


def write_atomic(path: str | os.PathLike, data: bytes | str) -> Path:
    """Write data to path atomically; on any failure no new file is left behind.

    An OS error becomes :class:`Skrivefejl` (Danish, naming the folder).
    """
    return skriv_alle({Path(path): data})[0]


def skriv_alle(filer: dict[Path, bytes | str]) -> list[Path]:
    """Write several files as one step: every file to a temp file first, then all renamed into place.

    A failure while writing (a full disk, a read-only folder) leaves every target as it was and no
    temp file, so a set of outputs (one programme's DOCX and HTML, the three schemas) is never half
    new. Only a failing rename, after every byte is on disk, could still split the set.
    """
    skrevet: list[tuple[str, Path]] = []
    mål = Path(".")
    try:
        for mål, data in filer.items():
            mål = Path(mål)
            if isinstance(data, str):
                data = data.encode("utf-8")
            try:
                mål.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise Skrivefejl(mål.parent, exc, mappe=True) from exc  # the folder itself is the problem
            fd, tmp = tempfile.mkstemp(prefix=f".{mål.name}.", suffix=".tmp", dir=mål.parent)
            skrevet.append((tmp, mål))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())  # the bytes are on disk before the rename makes them the file
            os.chmod(tmp, 0o644)
        for tmp, mål in skrevet:
            os.replace(tmp, mål)
        for mappe in dict.fromkeys(m.parent for _, m in skrevet):
            _sync_mappe(mappe)
    except BaseException as exc:
        # BaseException: a Ctrl-C mid-write must not leave temp files either.
        for tmp, _ in skrevet:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
        if isinstance(exc, OSError) and not isinstance(exc, Skrivefejl):
            raise Skrivefejl(mål, exc) from exc
        raise
    return [Path(m) for m in filer]


def _sync_mappe(mappe: Path) -> None:
    """Make a rename in ``mappe`` durable (POSIX: the folder's entry is data too). Best effort: some file
    systems and Windows cannot open a folder for syncing."""
    try:
        fd = os.open(mappe, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def safe_output_path(out_dir: str | os.PathLike, parts: Iterable[str], suffix: str) -> Path:
    """Build out_dir/<slug>/<slug>...<suffix> from data-derived names.

    Every part is slugged (so '..', '/' and drive letters cannot survive) and
    the result is checked to resolve inside out_dir all the same.
    """
    parts = [str(p) for p in parts]
    slugs = [slug(p) for p in parts]
    if not slugs or any(not s for s in slugs):
        raise UnsafeOutputPath(f"Navnet kan ikke bruges som filnavn: {parts!r}")
    root = Path(out_dir).resolve()
    candidate = root.joinpath(*slugs[:-1], slugs[-1] + suffix).resolve()
    if root != candidate and root not in candidate.parents:
        raise UnsafeOutputPath(f"Outputstien {candidate} ligger uden for {root}")
    return candidate


def crc_ok(data: bytes) -> bool:
    """True if data is a readable zip whose members all pass their CRC check."""
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return zf.testzip() is None
    except (zipfile.BadZipFile, zlib.error):
        return False
