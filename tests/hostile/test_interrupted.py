"""An interrupted or failing batch: every finished file stays whole, no temp file is left, and the next
run completes the batch with the same bytes as an uninterrupted one.

In-process, a failure or a KeyboardInterrupt is injected half-way through writing the k-th output
file (the writer's file object is wrapped). As a process, `uddprog render` gets SIGINT or SIGTERM
while it is in the middle of writing a file: a small start-up module slows every output write down
(half the bytes, a pause, the rest), and the signal is sent when a temp file is seen in the out dir.
"""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import yaml
from lxml import etree, html as lhtml

from tests.conftest import sigint_som_i_en_terminal
from uddprog import skriv as writer
from uddprog.batch import render_programmer

from .conftest import PROJEKT
from .corpus import DATO

KOPIER = 2  # extra forløb per shipped example: 7 examples -> 21 programmes, 42 files


@pytest.fixture(scope="module")
def rod(tmp_path_factory) -> Path:
    rod = tmp_path_factory.mktemp("afbrudt") / "rod"
    for d in ("templates", "målbeskrivelser", "examples", "programdele"):
        shutil.copytree(PROJEKT / d, rod / d)
    for fil in sorted((rod / "examples").rglob("*.yaml")):
        data = yaml.safe_load(fil.read_text("utf-8"))
        for i in range(1, KOPIER + 1):
            kopi = dict(data, forløb=f"{data['forløb']} kopi {i}")
            fil.with_name(f"{fil.stem}-kopi-{i}.yaml").write_text(
                yaml.safe_dump(kopi, allow_unicode=True, sort_keys=False), "utf-8")
    return rod


@pytest.fixture(scope="module")
def reference(rod, tmp_path_factory) -> dict[str, bytes]:
    """An uninterrupted run: relative name -> bytes."""
    out = tmp_path_factory.mktemp("ref")
    r = render_programmer([rod / "examples"], ("docx", "html"), out, jobs=1, dato=DATO, rod=rod)
    assert r.ok, [u.fejl for u in r.udfald if not u.ok]
    return _outputs(out)


def _outputs(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != ".uddprog-render.json"}


def assert_whole(out: Path) -> int:
    """Every file in out is a whole DOCX or HTML (or the manifest); no temp files. Returns the count."""
    filer = [p for p in out.rglob("*") if p.is_file()]
    rester = [p.name for p in filer if p.name.endswith(".tmp") or (p.name.startswith(".") and p.name != ".uddprog-render.json")]
    assert rester == [], f"midlertidige filer efterladt: {rester}"
    n = 0
    for p in filer:
        data = p.read_bytes()
        if p.name == ".uddprog-render.json":
            json.loads(data)  # the manifest is whole too
        elif p.suffix == ".docx":
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                assert z.testzip() is None, p
                for navn in z.namelist():
                    if navn.endswith((".xml", ".rels")):
                        etree.fromstring(z.read(navn))
            n += 1
        elif p.suffix == ".html":
            assert data.rstrip().endswith(b"</html>"), f"{p} er afkortet"
            assert lhtml.document_fromstring(data).find("body/footer") is not None, p
            n += 1
        else:
            pytest.fail(f"uventet fil {p}")
    return n


class _Afbryd:
    """Wraps writer's os.fdopen: the ``nr``-th output file gets half its bytes, then ``fejl`` is raised."""

    def __init__(self, monkeypatch, nr: int, fejl: BaseException) -> None:
        self.nr, self.fejl, self.kald = nr, fejl, 0
        self._fdopen = os.fdopen
        monkeypatch.setattr(writer.os, "fdopen", self)

    def __call__(self, fd, mode="r", *a, **kw):
        fh = self._fdopen(fd, mode, *a, **kw)
        if "w" not in mode or not os.readlink(f"/proc/self/fd/{fd}").endswith(".tmp"):
            return fh
        self.kald += 1
        if self.kald != self.nr:
            return fh
        ydre = self

        class Fil:
            def __enter__(self):
                return self

            def __exit__(self, *exc):
                fh.close()

            def write(self, data):
                fh.write(data[: len(data) // 2])
                fh.flush()
                raise ydre.fejl

            def flush(self):
                fh.flush()

            def fileno(self):
                return fh.fileno()

        return Fil()


@pytest.mark.parametrize("nr", [1, 8, 25])
def test_keyboard_interrupt_mid_write_leaves_whole_files_and_rerun_completes(rod, reference, tmp_path, monkeypatch, nr):
    out = tmp_path / "out"
    afbryd = _Afbryd(monkeypatch, nr, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        render_programmer([rod / "examples"], ("docx", "html"), out, jobs=1, dato=DATO, rod=rod)
    assert afbryd.kald == nr + 1  # the interrupted file, then the manifest recording what finished
    if out.exists():
        # the programmes finished before the interrupted one, each whole; its own set is written all or nothing
        assert assert_whole(out) == 2 * ((nr - 1) // 2)
    monkeypatch.undo()
    # The next run renders what is missing (the manifest lets it skip what finished) and ends as a clean run would.
    r = render_programmer([rod / "examples"], ("docx", "html"), out, jobs=1, dato=DATO, rod=rod)
    assert r.ok
    assert sum(u.uændret for u in r.udfald) == (nr - 1) // 2  # finished programmes were not rendered again
    assert_whole(out)
    assert _outputs(out) == reference


def test_write_failure_part_way_fails_one_programme_keeps_old_file_and_the_rest(rod, reference, tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert render_programmer([rod / "examples"], ("docx", "html"), out, jobs=1, dato=DATO, rod=rod).ok
    gammel = _outputs(out)
    # Force a full re-render (a changed manifest) with a full disk at the 11th file.
    (out / ".uddprog-render.json").unlink()
    _Afbryd(monkeypatch, 11, OSError(errno.ENOSPC, "Der er ikke mere plads på enheden"))
    r = render_programmer([rod / "examples"], ("docx", "html"), out, jobs=1, dato=DATO, rod=rod)
    fejlede = [u for u in r.udfald if not u.ok]
    assert len(fejlede) == 1 and "Kan ikke skrive" in fejlede[0].fejl and "disken er fuld" in fejlede[0].fejl
    assert sum(u.ok for u in r.udfald) == len(r.udfald) - 1  # the batch went on
    assert assert_whole(out) == len(reference)
    assert _outputs(out) == gammel == reference  # the failed target kept its old, whole content


# ------------------------------------------------------------------ signals to a real process

_LANGSOM = """
import os, sys, time
_fdopen = os.fdopen
def _langsom(fd, mode="r", *a, **kw):
    fh = _fdopen(fd, mode, *a, **kw)
    try:
        temp = "w" in mode and os.readlink(f"/proc/self/fd/{fd}").endswith(".tmp")
    except OSError:
        temp = False
    if not temp:
        return fh
    class Fil:
        def __enter__(self): return self
        def __exit__(self, *exc): fh.close()
        def write(self, data):
            fh.write(data[: len(data) // 2]); fh.flush()
            time.sleep(float(os.environ["UDDPROG_TEST_PAUSE"]))
            return fh.write(data[len(data) // 2:])
        def flush(self): fh.flush()
        def fileno(self): return fh.fileno()
    return Fil()
os.fdopen = _langsom
sys.argv[0] = "uddprog"
from uddprog.cli import main
main()
"""


def _start(rod: Path, out: Path, tmp: Path, jobs: int) -> subprocess.Popen:
    (tmp / "langsom.py").write_text(_LANGSOM)
    env = {**os.environ, "PYTHONPATH": str(PROJEKT), "NO_COLOR": "1", "UDDPROG_TEST_PAUSE": "0.3"}
    env.pop("UDDPROG_DEBUG", None)
    return subprocess.Popen([sys.executable, str(tmp / "langsom.py"), "render", str(rod / "examples"), "--out", str(out),
                             "--jobs", str(jobs), "--dato", DATO.isoformat(), "--format", "docx,html"],
                            cwd=rod, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True,  # own process group: the signal goes to it as a terminal's would
                            preexec_fn=sigint_som_i_en_terminal)


def _vent_på_skrivning(proc: subprocess.Popen, out: Path, efter: int) -> None:
    """Wait until ``efter`` files are finished and the next one is half-written."""
    slut = time.monotonic() + 60
    while time.monotonic() < slut:
        if proc.poll() is not None:
            pytest.fail(f"uddprog sluttede før signalet: {proc.stderr.read()[-800:]}")
        filer = [p for p in out.rglob("*") if p.is_file()] if out.exists() else []
        if sum(p.suffix in (".docx", ".html") for p in filer) >= efter and any(p.name.endswith(".tmp") for p in filer):
            time.sleep(0.05)
            return
        time.sleep(0.01)
    pytest.fail("uddprog skrev ikke noget inden for 60 s")


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_signal_mid_batch_leaves_whole_files_and_no_temp_files(rod, tmp_path, sig, jobs):
    out = tmp_path / "out"
    proc = _start(rod, out, tmp_path, jobs)
    try:
        _vent_på_skrivning(proc, out, efter=3)
        os.killpg(proc.pid, sig)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode != 0
    assert "Traceback" not in err, err[-1500:]
    n = assert_whole(out)
    assert 3 <= n < 42, "batchen blev ikke afbrudt midt i"


# ------------------------------------------------------------------ Ctrl-C while LibreOffice makes the PDFs

def _processer_med(mærke: str) -> list[tuple[int, str]]:
    """Every process whose environment carries ``mærke`` (uddprog, its pool workers and LibreOffice inherit
    it), with its command line."""
    ud = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if mærke.encode() in Path(f"/proc/{pid}/environ").read_bytes():
                ud.append((int(pid), Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()))
        except OSError:
            continue
    return ud


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_interrupted_pdf_render_ends_every_child_and_loses_no_output_for_good(rod, tmp_path, sig):
    """Fails on the old batch: after `render --force --format docx,html,pdf` is interrupted while LibreOffice
    converts, the old PDFs were deleted as stale and every entry recorded complete, so the next render said
    "uændrede" and made no PDF; and workers and LibreOffice could outlive the interrupted uddprog."""
    from .conftest import kræv_klient

    kræv_klient("soffice")
    out = tmp_path / "out"
    mærke = f"UDDPROG_TEST_MAERKE_{os.getpid()}_{sig}"
    env = {**os.environ, "PYTHONPATH": str(PROJEKT), "NO_COLOR": "1", mærke: "1"}
    env.pop("UDDPROG_DEBUG", None)
    programmer = rod / "examples/nord"  # 12 programmes: one LibreOffice start converts them all
    n = len(list(programmer.rglob("*.yaml")))
    kommando = [sys.executable, "-m", "uddprog", "render", str(programmer), "--out", str(out), "--jobs", "2",
                "--dato", DATO.isoformat(), "--format", "docx,html,pdf"]
    første = subprocess.run(kommando, cwd=rod, env=env, capture_output=True, text=True, timeout=600)
    assert første.returncode == 0, første.stderr[-2000:]
    pdf = sorted(out.rglob("*.pdf"))
    assert len(pdf) == n

    proc = subprocess.Popen(kommando + ["--force"], cwd=rod, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)  # its own group: the signal goes to it as a terminal's
    try:
        slut = time.monotonic() + 300
        while not any("soffice" in cmd for _, cmd in _processer_med(mærke)):  # LibreOffice is converting
            assert proc.poll() is None and time.monotonic() < slut, "LibreOffice startede ikke"
            time.sleep(0.05)
        time.sleep(1.0)
        os.killpg(proc.pid, sig) if sig == signal.SIGINT else os.kill(proc.pid, sig)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    efter = _processer_med(mærke)
    assert efter == [], f"processer lever efter afbrydelsen: {efter}"
    assert proc.returncode != 0 and "Afbrudt" in err and "Traceback" not in err, err[-2000:]

    # No entry is complete without a file of every format, and nothing was lost for good: the next run
    # renders what is missing and every programme has its three files again.
    manifest = json.loads((out / ".uddprog-render.json").read_text("utf-8"))["arter"]["render"]["poster"]
    for post in manifest.values():
        if post.get("komplet"):
            assert {Path(n).suffix for n in post["filer"]} == {".docx", ".html", ".pdf"}, post["filer"]
            assert all((out / n).is_file() for n in post["filer"])
    igen = subprocess.run(kommando, cwd=rod, env=env, capture_output=True, text=True, timeout=600)
    assert igen.returncode == 0, igen.stderr[-2000:]
    assert sorted(out.rglob("*.pdf")) == pdf and len(list(out.rglob("*.docx"))) == n
    assert _processer_med(mærke) == []
