"""`uddprog serve`: live reload of the open page, broken YAML and recovery, the security rules, Ctrl-C."""

from __future__ import annotations

import http.client
import os
import re
import signal
import subprocess
import sys
import threading
import time

import pytest

from tests.conftest import kopier_checkout, kør_proces, sigint_som_i_en_terminal
from uddprog.serve import Forhåndsvisning

from .conftest import DATO, ROOT

KBU = "examples/nord/kbu-aalborg-forloeb-3.yaml"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    repo = kopier_checkout(tmp_path_factory.mktemp("serve") / "repo")
    log: list[str] = []
    v = Forhåndsvisning([repo / "examples"], port=0, rod=repo, dato=DATO, log=log.append)
    v.loglinjer = log
    v.start()
    t = threading.Thread(target=v.kør, daemon=True)
    t.start()
    yield v
    v.stop.set()
    t.join(5)
    v.luk()
    assert not v.mappe.exists()  # the temporary site is removed


def _anmod(v, metode: str, sti: str, host: str | None = "default") -> http.client.HTTPResponse:
    c = http.client.HTTPConnection("127.0.0.1", v.port, timeout=10)
    c.putrequest(metode, sti, skip_host=True, skip_accept_encoding=True)
    if host == "default":
        host = f"127.0.0.1:{v.port}"
    if host is not None:
        c.putheader("Host", host)
    c.endheaders()
    r = c.getresponse()
    r.body = r.read()
    c.close()
    return r


def test_listens_on_loopback_and_serves_the_site(server):
    assert server.httpd.server_address[0] == "127.0.0.1"
    r = _anmod(server, "GET", "/")
    assert r.status == 200 and b"<h1>Uddannelsesprogrammer</h1>" in r.body
    assert b'fetch("/livereload/"' in r.body  # the live-reload script, in HTML only
    css = _anmod(server, "GET", "/assets/site.css")
    assert css.status == 200 and b"livereload" not in css.body
    head = _anmod(server, "HEAD", "/index.html")
    assert head.status == 200 and head.body == b"" and int(head.getheader("Content-Length")) == len(r.body)
    assert _anmod(server, "GET", "/index.html", host=f"localhost:{server.port}").status == 200


@pytest.mark.parametrize("host", ["evil.example:80", "evil.example", None, "127.0.0.1", "127.0.0.1:1"])
def test_refuses_a_foreign_host(server, host):
    r = _anmod(server, "GET", "/index.html", host=host)
    assert r.status == 400 and b"Host" in r.body


@pytest.mark.parametrize("metode", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"])
def test_refuses_every_method_but_get_and_head(server, metode):
    r = _anmod(server, metode, "/index.html")
    assert r.status == 405 and r.getheader("Allow") == "GET, HEAD"


@pytest.mark.parametrize("sti", ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                                 "/assets/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/..%2f..%2f..%2fetc/passwd",
                                 "/assets/..%5c..%5cetc%5cpasswd", "/.uddprog-render.json",
                                 "/filer/.uddprog-render.json", "/index.html%00.css", "/ud"])
def test_serves_nothing_outside_its_output(server, sti):
    if sti == "/ud":  # a symlink inside the output folder pointing out of it
        (server.mappe / "ud").symlink_to(ROOT / "README.md")
    r = _anmod(server, "GET", sti)
    assert r.status == 404 and b"root:" not in r.body and b"# uddprog" not in r.body


def test_edit_updates_the_open_page_and_broken_yaml_recovers(server, browser):
    fil = server.rod / KBU
    original = fil.read_text(encoding="utf-8")
    page = browser.new_page()
    try:
        page.goto(server.side_for(fil))
        titel = page.text_content("h1")
        assert "Ingen fund" in page.text_content("#fund")
        fil.write_text(original.replace(titel, titel + " REDIGERET", 1), encoding="utf-8")
        page.wait_for_function("() => document.querySelector('h1').textContent.endsWith('REDIGERET')",
                               timeout=10_000)
        fil.write_text(original + "titel: [\n", encoding="utf-8")  # broken mid-edit
        # the flow sequence opened on the appended line is still open at the end: the line after it, column 1
        sted = f"{KBU}:{len(original.splitlines()) + 2}:1"
        page.wait_for_function("() => document.querySelector('#fund').textContent.includes('L002')",
                               timeout=10_000)
        assert sted in page.text_content("#fund")
        # The rendered document is gone until the file is fixed; its address says why.
        r = _anmod(server, "GET", "/filer/nord/kbu-aalborg-forloeb-3.html")
        assert r.status == 404 and b"L002" in r.body and sted.encode() in r.body
        fil.write_text(original, encoding="utf-8")
        page.wait_for_function("() => document.querySelector('#fund').textContent.includes('Ingen fund')",
                               timeout=10_000)
        assert page.text_content("h1") == titel
    finally:
        page.close()
        fil.write_text(original, encoding="utf-8")


def test_a_request_waits_for_the_running_build(server):
    """While a change is wanted but not yet built, a request is held back rather than given a half-built site."""
    for _ in range(50):  # let the watcher's last events (earlier tests) settle
        time.sleep(0.1)
        if not server._ændret.is_set() and server.tilstand.synlig == server.tilstand.ønsket:
            break
    epoke = server.tilstand.ønsk()  # as the watcher does
    svar = {}
    t = threading.Thread(target=lambda: svar.setdefault("r", _anmod(server, "GET", "/index.html")))
    t.start()
    time.sleep(0.3)
    assert "r" not in svar
    server.tilstand.vis(epoke, ændret=False)
    t.join(5)
    assert svar["r"].status == 200


def test_ctrl_c_stops_cleanly(tmp_path):
    repo = kopier_checkout(tmp_path / "repo")
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(tmp)}
    p = subprocess.Popen([sys.executable, "-m", "uddprog", "serve", str(repo / KBU), "--port", "0", "--dato",
                          "2026-11-23"], cwd=repo, env=env, stderr=subprocess.PIPE, text=True,
                         preexec_fn=sigint_som_i_en_terminal)
    try:
        linje = p.stderr.readline()
        assert linje.startswith("Serverer http://127.0.0.1:"), linje
        assert any(tmp.iterdir())  # the temporary site exists while serving
        p.send_signal(signal.SIGINT)
        rest = p.stderr.read()
        assert p.wait(10) == 0
    finally:
        if p.poll() is None:
            p.kill()
    assert "Stoppet." in rest and "Traceback" not in rest
    assert not any(tmp.iterdir())  # and is gone afterwards


def test_a_port_in_use_is_a_danish_error_with_exit_2(tmp_path):
    import socket

    repo = kopier_checkout(tmp_path / "repo")
    with socket.socket() as optaget:
        optaget.bind(("127.0.0.1", 0))
        optaget.listen()
        port = optaget.getsockname()[1]
        r = kør_proces("serve", "--port", port, cwd=repo, timeout=60)
    assert r.returncode == 2 and f"kan ikke lytte på 127.0.0.1:{port}" in r.stderr and "Traceback" not in r.stderr


def test_a_failing_rebuild_keeps_the_last_good_site(server, monkeypatch):
    før = _anmod(server, "GET", "/index.html").body

    def fejler(*a, **k):
        raise RuntimeError("skabelonen er i stykker")

    monkeypatch.setattr(server.bygger, "byg", fejler)
    with server._lås:
        server._ventende.add(str(server.rod / KBU))
        server.tilstand.ønsk()
    server.genbyg()
    assert any("Fejl under genopbygningen" in l and "det sidste gode websted vises stadig" in l
               for l in server.loglinjer)
    r = _anmod(server, "GET", "/index.html")  # answered at once: the failed epoch is visible, with the old site
    assert r.status == 200 and r.body == før


def test_a_rendered_programme_shows_its_findings_on_top_only_when_served(server):
    sti = "/filer/syd/neurologi-hoveduddannelse-odense-vejle-forloeb-2.html"
    r = _anmod(server, "GET", sti)
    assert r.status == 200
    krop = r.body.decode("utf-8")
    boks = krop.index('<aside aria-label="Fund fra valideringen"')
    assert boks < krop.index("<h1") and "P021" in krop[boks:krop.index("</aside>")]
    assert 'href="/programmer/syd/neurologi-hoveduddannelse-odense-forloeb-2.html"' in krop
    assert "Fund fra valideringen" not in (server.mappe / sti.lstrip("/")).read_text(encoding="utf-8")
    ren = _anmod(server, "GET", "/filer/nord/neurologi-hoveduddannelse-holstebro-aarhus-forloeb-1.html").body
    assert b"<aside" not in ren  # no findings, no box


# --- issue 20, items 7–9: an edit right after start, no tracebacks, requests that try to get around --------

def _rå(port: int, data: bytes, læs: bool = True, timeout: float = 10) -> bytes:
    """Send raw bytes to the server on 127.0.0.1 and read until it closes (or ``timeout``)."""
    import socket

    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(data)
        if not læs:
            return b""
        ud = b""
        try:
            while chunk := s.recv(65536):
                ud += chunk
                if b"\r\n\r\n" in ud and b"Content-Length: 0\r\n" in ud:
                    break
        except TimeoutError:
            pass
        return ud


def _vent_på(betingelse, sekunder: float = 15.0) -> bool:
    slut = time.monotonic() + sekunder
    while time.monotonic() < slut:
        if betingelse():
            return True
        time.sleep(0.2)
    return False


@pytest.mark.parametrize("hvornår", ["lige efter start", "under den første opbygning"])
def test_an_edit_saved_right_after_start_is_shown(tmp_path, monkeypatch, hvornår):
    from uddprog.site import Sitebygger

    repo = kopier_checkout(tmp_path / "repo")
    fil = repo / KBU
    original = fil.read_text(encoding="utf-8")
    ny = original.replace("titel: ", "titel: LIGE GEMT ", 1)
    assert ny != original
    if hvornår == "under den første opbygning":
        byg = Sitebygger.byg
        første = []

        def byg_og_gem(self, *a, **k):
            res = byg(self, *a, **k)
            if not første:
                første.append(True)
                fil.write_text(ny, encoding="utf-8")  # saved after the build read it, before anything watched
            return res

        monkeypatch.setattr(Sitebygger, "byg", byg_og_gem)
    v = Forhåndsvisning([repo / "examples"], port=0, rod=repo, dato=DATO, log=lambda t: None)
    if hvornår == "lige efter start":
        fil.write_text(ny, encoding="utf-8")
    v.start()
    t = threading.Thread(target=v.kør, daemon=True)
    t.start()
    try:
        side = "/" + v.side_for(fil).split("/", 3)[3]
        assert _vent_på(lambda: b"LIGE GEMT" in _anmod(v, "GET", side).body), "the edit was never shown"
    finally:
        v.stop.set()
        t.join(5)
        v.luk()


def test_an_edit_of_a_shared_part_outside_the_watched_folders_is_shown(tmp_path):
    """programdele/ lies beside examples/, not below it: serve watches the folders of the shared parts the
    programmes include too, so editing one rebuilds the programmes that use it."""
    repo = kopier_checkout(tmp_path / "repo")
    del_ = repo / "programdele/oest/kbu-oest.yaml"
    program = repo / "examples/oest/kbu-sjaelland-forloeb-12.yaml"
    v = Forhåndsvisning([repo / "examples"], port=0, rod=repo, dato=DATO, log=lambda t: None)
    v.start()
    t = threading.Thread(target=v.kør, daemon=True)
    t.start()
    try:
        side = "/" + v.side_for(program).split("/", 3)[3]
        # the programme's page links the rendered programme, which holds the shared text
        (dokument,) = set(re.findall(rb'href="(?:\.\./)*(filer/[^"]+\.html)"', _anmod(v, "GET", side).body))
        dokument = "/" + dokument.decode()
        assert b"DELT RETTET" not in _anmod(v, "GET", dokument).body
        tekst = del_.read_text(encoding="utf-8")
        del_.write_text(tekst.replace("  indledning: |\n", "  indledning: |\n    DELT RETTET.\n", 1), encoding="utf-8")
        assert _vent_på(lambda: b"DELT RETTET" in _anmod(v, "GET", dokument).body), "the shared part's edit was never shown"
    finally:
        v.stop.set()
        t.join(5)
        v.luk()


def test_clients_that_leave_or_send_garbage_put_no_traceback_in_the_terminal(tmp_path):
    import socket
    import struct

    repo = kopier_checkout(tmp_path / "repo")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    p = subprocess.Popen([sys.executable, "-m", "uddprog", "serve", "--port", "0", "--dato", "2026-11-23"],
                         cwd=repo, env=env, stderr=subprocess.PIPE, text=True, preexec_fn=sigint_som_i_en_terminal)
    try:
        linje = p.stderr.readline()
        assert linje.startswith("Serverer http://127.0.0.1:"), linje
        port = int(linje.split(":")[2].split("/")[0])
        for _ in range(5):
            # asks for the front page and resets the connection before reading it: the write fails
            s = socket.create_connection(("127.0.0.1", port))
            s.sendall(f"GET /index.html HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            s.close()
            _rå(port, b"GET /index.html HT", læs=False)  # half a request line, then gone
            _rå(port, b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(range(40)) + b"\r\n\r\n", læs=False)
            _rå(port, b"GET / HTTP/1.1\r\nX: " + b"a" * 70_000 + b"\r\n\r\n", læs=False)  # 70 KB header, not read
        svar = _rå(port, b"GET / HTTP/1.1\r\nX: " + b"a" * 70_000 + b"\r\n\r\n")
        assert svar.startswith(b"HTTP/1.1 431 ") and 'lang="da"' in svar.decode() and "Headerne er for store" in svar.decode()
        svar = _rå(port, b"\x16\x03\x01garbage\r\n\r\n")
        assert svar.startswith(b"HTTP/1.1 400 ") and "Forkert anmodning" in svar.decode("utf-8")
        time.sleep(0.5)
        p.send_signal(signal.SIGINT)
        rest = p.stderr.read()
        assert p.wait(10) == 0
    finally:
        if p.poll() is None:
            p.kill()
    assert "Traceback" not in rest and "Exception occurred" not in rest and "Error" not in rest, rest
    assert "Stoppet." in rest


def _location(svar: bytes) -> str | None:
    for linje in svar.split(b"\r\n\r\n", 1)[0].split(b"\r\n")[1:]:
        navn, _, værdi = linje.partition(b":")
        if navn.lower() == b"location":
            return værdi.strip().decode("latin-1")
    return None


def test_an_absolute_form_target_is_normalised_and_no_redirect_leaves_the_origin(server):
    from urllib.parse import urljoin, urlsplit

    vært = f"127.0.0.1:{server.port}"
    host = f"Host: {vært}\r\nConnection: close\r\n\r\n".encode()
    svar = _rå(server.port, f"GET http://{vært}//assets HTTP/1.1\r\n".encode() + host)
    assert svar.startswith(b"HTTP/1.1 301 ") and _location(svar) == "/assets/", svar[:300]
    svar = _rå(server.port, b"GET //assets HTTP/1.1\r\n" + host)
    assert svar.startswith(b"HTTP/1.1 301 ") and _location(svar) == "/assets/", svar[:300]
    svar = _rå(server.port, f"GET http://{vært}/index.html HTTP/1.1\r\n".encode() + host)
    assert svar.startswith(b"HTTP/1.1 200 ")
    assert _rå(server.port, b"GET http://evil.example//assets HTTP/1.1\r\n" + host).startswith(b"HTTP/1.1 400 ")
    # every kind of target a fuzzer tries: whatever the answer, a Location stays on this origin
    base = f"http://{vært}/"
    for mål in ["//evil.example", "//evil.example/", "///evil.example", "/\\evil.example", "//assets//",
                "/assets//", "/./assets", "//./assets", f"http://{vært}///evil.example", f"http://{vært}//assets/",
                "/%2F%2Fevil.example", "/%5Cevil.example", "//%2e%2e/assets", "/assets?x=//evil", "*",
                "evil.example:443", "//filer", "/filer//nord"]:
        svar = _rå(server.port, f"GET {mål} HTTP/1.1\r\n".encode() + host)
        assert svar.startswith(b"HTTP/1.1 "), (mål, svar[:100])
        sted = _location(svar)
        if sted is not None:
            assert sted.startswith("/") and not sted.startswith(("//", "/\\")), (mål, sted)
            assert urlsplit(urljoin(base, sted)).netloc == vært, (mål, sted)


def test_an_idle_connection_is_closed(server):
    import socket

    før = server.httpd.tomgang
    server.httpd.tomgang = 0.5
    try:
        with socket.create_connection(("127.0.0.1", server.port), timeout=5) as s:
            start = time.monotonic()
            assert s.recv(1) == b""  # closed by the server, not by the 5 s on this side
            assert time.monotonic() - start < 4
    finally:
        server.httpd.tomgang = før


@pytest.mark.parametrize("linje", ["GET\t/index.html HTTP/1.1", "GET  /index.html HTTP/1.1",
                                   "GET /index.html\tHTTP/1.1", "GET /index.html", "G\x00T /index.html HTTP/1.1",
                                   "GET /index.html HTTP/1.1 x"])
def test_the_request_line_is_parsed_strictly(server, linje):
    svar = _rå(server.port, f"{linje}\r\nHost: 127.0.0.1:{server.port}\r\n\r\n".encode("latin-1"))
    assert svar.startswith(b"HTTP/1.1 400 "), (linje, svar[:200])
    assert "Forkert anmodning" in svar.decode("utf-8", "replace")
    ok = _rå(server.port, f"GET /index.html HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nConnection: close\r\n\r\n".encode())
    assert ok.startswith(b"HTTP/1.1 200 ")
