"""Deterministic zips, atomic writes and output paths that stay inside the out dir."""

from __future__ import annotations

import io
import os
import zipfile

import pytest

from uddprog import skriv as writer
from uddprog.skriv import UnsafeOutputPath, safe_output_path, slug, write_atomic, zip_bytes

ENTRIES = [("[Content_Types].xml", b"<Types/>"), ("word/document.xml", "æøå 😀".encode() * 500),
           ("tom", b"")]


def test_zip_is_deterministic_and_readable():
    a, b = zip_bytes(ENTRIES), zip_bytes(list(ENTRIES))
    assert a == b
    with zipfile.ZipFile(io.BytesIO(a)) as zf:
        assert zf.testzip() is None
        assert [i.filename for i in zf.infolist()] == [n for n, _ in ENTRIES]
        for info, (_, data) in zip(zf.infolist(), ENTRIES):
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert info.compress_type == zipfile.ZIP_DEFLATED
            assert (info.external_attr >> 16) & 0o777 == 0o644
            assert zf.read(info) == data


def test_zip_keeps_given_order():
    names = [n for n, _ in reversed(ENTRIES)]
    with zipfile.ZipFile(io.BytesIO(zip_bytes(reversed(ENTRIES)))) as zf:
        assert zf.namelist() == names


def test_write_atomic_replaces_existing_file(tmp_path):
    target = tmp_path / "ud" / "a.docx"
    write_atomic(target, b"gammel")
    write_atomic(target, b"ny")
    assert target.read_bytes() == b"ny"
    assert os.listdir(target.parent) == ["a.docx"]


def test_write_atomic_failure_leaves_old_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "a.html"
    target.write_text("gammel")

    def boom(src, dst):
        raise OSError("disken er fuld")

    monkeypatch.setattr(writer.os, "replace", boom)
    with pytest.raises(OSError):
        write_atomic(target, "ny")
    assert target.read_text() == "gammel"
    assert os.listdir(tmp_path) == ["a.html"]


def test_write_atomic_failure_creates_nothing(tmp_path, monkeypatch):
    def broken_fdopen(fd, mode):
        os.close(fd)
        raise KeyboardInterrupt  # an interrupted batch must not leave temp files either

    monkeypatch.setattr(writer.os, "fdopen", broken_fdopen)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "x.docx", b"data")
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("text, expected", [
    ("Øst", "oest"), ("Odense–Vejle", "odense-vejle"), ("Holstebro — Aarhus", "holstebro-aarhus"), ("Nord", "nord"), ("Ærø – Forløb 1", "aeroe-forloeb-1"), ("Åbenrå", "aabenraa"),
    ("../../etc/passwd", "etc-passwd"), ("C:\\Windows", "c-windows"), ("Straße ümlaut", "strasse-umlaut"),
])
def test_slug(text, expected):
    assert slug(text) == expected


@pytest.mark.parametrize("parts", [["..", "x"], ["/etc", "passwd"], ["a/../../b", "c"], ["~root", ".ssh"]])
def test_output_path_stays_inside(tmp_path, parts):
    try:
        path = safe_output_path(tmp_path, parts, ".docx")
    except UnsafeOutputPath:
        return
    assert tmp_path.resolve() in path.parents


def test_output_path_rejects_empty_names(tmp_path):
    with pytest.raises(UnsafeOutputPath):
        safe_output_path(tmp_path, ["nord", "…"], ".docx")


def test_output_path_refuses_symlink_out(tmp_path):
    outside = tmp_path / "udenfor"
    outside.mkdir()
    out = tmp_path / "build"
    out.mkdir()
    (out / "nord").symlink_to(outside)
    with pytest.raises(UnsafeOutputPath):
        safe_output_path(out, ["nord", "program"], ".docx")


def test_long_names_are_not_cut_differently_by_context_and_writer(tmp_path):
    # Two forløb of a long specialty name must keep the part that tells them apart.
    from uddprog.models import Uddannelsesprogram
    from uddprog.render.context import filnavn
    from uddprog.skriv import safe_output_path

    def navn(forløb: str) -> str:
        data = {
            "titel": "x", "skabelon": "hoveduddannelse", "videreuddannelsesregion": "Nord", "forløb": forløb,
            "målbeskrivelse": {"speciale": "Intern medicin: gastroenterologi og hepatologi",
                               "fase": "hoveduddannelse", "version": "2020"},
            "ansvar": {}, "ansættelser": [{"id": "a", "sted": "s", "afdeling": "a", "driftsregion": "Midtjylland",
                                          "universitetshospital": True, "måneder": 48, "beskrivelse": "b"}],
            "kompetenceplan": [{"kompetence": "1", "ansættelse": "a", "fra_måned": 1, "til_måned": 2,
                                "læringsmetoder": ["selvstudium"]}],
        }
        f = filnavn(Uddannelsesprogram.model_validate(data))
        return safe_output_path(tmp_path, [f.region, f.navn], ".docx").name

    a = navn("Regionshospitalet Randers og Aarhus Universitetshospital, forløb 1")
    b = navn("Regionshospitalet Randers og Aarhus Universitetshospital, forløb 2")
    assert a != b and a.endswith("forloeb-1.docx") and len(a) <= 125


def test_write_atomic_syncs_the_data_before_the_rename_and_the_folder_after(tmp_path, monkeypatch):
    """Durable, not only atomic: a power cut after the rename must not leave an empty file."""
    hændelser: list[str] = []
    ægte_fsync, ægte_replace = os.fsync, os.replace

    def fsync(fd):
        hændelser.append("mappe" if os.path.isdir(f"/proc/self/fd/{fd}") else "fil")
        ægte_fsync(fd)

    def replace(a, b):
        hændelser.append("omdøb")
        ægte_replace(a, b)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    write_atomic(tmp_path / "a" / "x.docx", b"data")
    assert hændelser == ["fil", "omdøb", "mappe"]
    assert (tmp_path / "a" / "x.docx").read_bytes() == b"data"
