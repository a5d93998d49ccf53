"""Deterministic zip packages, atomic file writes and safe output paths.

Determinism: the same entries give the same bytes (fixed order, timestamps,
permissions and compression). Atomicity: output is written to a temporary
file next to the target and renamed into place, so a reader sees either the
old file or the complete new one, never a half-written file.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
import zipfile
import zlib
from pathlib import Path
from typing import Iterable

FIXED_DATE_TIME = (1980, 1, 1, 0, 0, 0)
_FILE_MODE = 0o644 << 16  # regular file, rw-r--r--


class UnsafeOutputPath(ValueError):
    """A name derived from input data would leave the output directory."""


def zip_bytes(entries: Iterable[tuple[str, bytes]], level: int = 6) -> bytes:
    """Zip entries in the given order with fixed metadata.

    [Content_Types].xml must come first in an OOXML package for some
    readers; the caller decides the order and we keep it.
    """
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = _FILE_MODE
            info.create_system = 3  # Unix, so the mode above is honoured everywhere
            zf.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=level)
    return buf.getvalue()


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


_TRANSLIT = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa", "ß": "ss"})
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_MAX_SLUG = 80


def slug(text: str) -> str:
    """ASCII file-name slug: 'Øst – Forløb 1' -> 'oest-forloeb-1'."""
    text = str(text).translate(_TRANSLIT)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = _NON_SLUG.sub("-", text.lower()).strip("-")
    return text[:_MAX_SLUG].rstrip("-")


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
