"""Deterministic zip packages, atomic file writes and safe output paths.

Determinism: the same entries give the same bytes (fixed order, timestamps,
permissions and compression). Atomicity: output is written to a temporary
file next to the target and renamed into place, so a reader sees either the
old file or the complete new one, never a half-written file.
"""

from __future__ import annotations

import os
import struct
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..navne import slug  # lives with the other name rules; re-exported for the render modules



class UnsafeOutputPath(ValueError):
    """A name derived from input data would leave the output directory."""


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
    """Write data to path atomically; on any failure no new file is left behind."""
    target = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        # BaseException: a Ctrl-C mid-write must not leave temp files either.
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return target


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
