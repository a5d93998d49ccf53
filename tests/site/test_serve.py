"""`uddprog serve`: live reload of the open page, broken YAML and recovery, the security rules, Ctrl-C."""

from __future__ import annotations

import http.client
import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from uddprog.serve import Forhåndsvisning

from tests.conftest import kopier_checkout, kør_proces, sigint_som_i_en_terminal

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
