"""`uddprog serve`: a local preview of the site that rebuilds what a change touches and reloads the open page.

The parts, after ``mkdocs serve`` and sphinx-autobuild:

- the site is built by :class:`uddprog.site.Sitebygger` into a temporary folder (removed on exit), outside the
  repository, so the watcher never sees its own output;
- a watcher thread (watchfiles) only records the changed paths and raises the *wanted* epoch; the rebuild
  loop in the calling thread builds and then makes that epoch *visible*. A request waits while the
  visible epoch is behind the wanted one, so a half-built site is never served;
- a build that fails (a bug, a template error) is reported and the last good site stays up;
- pages long-poll ``/livereload/<version>``; the small script doing that is added to HTML responses only,
  and the version only changes when a build changed a file;
- HTTP runs in threads and answers only GET and HEAD, only for a Host header naming this server (against
  DNS rebinding), and only files inside the output folder (no ``..``, no dot files, no symlinks out).
"""

from __future__ import annotations

import mimetypes
import os
import re
import shutil
import sys
import tempfile
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Sequence
from urllib.parse import unquote, urlsplit

from ..rod import KONFIGFILER, MB_MAPPE, SKABELON_MAPPE, find_rod
from ..site import Sitebygger
from ..site.data import programside, vis

__all__ = ["Forhåndsvisning", "Tilstand", "serve"]

LIVERELOAD = re.compile(r"^/livereload/(\d{1,18})$")
LANG_POLL = 25.0  # seconds a live-reload request is held open
BYG_VENT = 30.0  # seconds a request waits for a running build
LOOPBACK = ("127.0.0.1", "localhost", "[::1]")

_SCRIPT = """<script>
(function () {
  if (window.top !== window) { return; }  /* a preview frame reloads with its page */
  var v = %d;
  function poll() {
    fetch("/livereload/" + v, {cache: "no-store"}).then(function (r) { return r.text(); }).then(function (t) {
      if (parseInt(t, 10) !== v) { location.reload(); } else { poll(); }
    }).catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
</script>
"""


class Tilstand:
    """The epochs: ``ønsket`` counts changes seen, ``synlig`` the last one built; ``version`` counts builds
    that changed a file (what the pages poll for)."""

    def __init__(self) -> None:
        self._cv = threading.Condition()
        self.ønsket = 0
        self.synlig = 0
        self.version = 0
        self.lukket = False

    def ønsk(self) -> int:
        with self._cv:
            self.ønsket += 1
            return self.ønsket

    def vis(self, epoke: int, ændret: bool) -> None:
        with self._cv:
            self.synlig = max(self.synlig, epoke)
            if ændret:
                self.version += 1
            self._cv.notify_all()

    def vent_synlig(self, timeout: float) -> bool:
        with self._cv:
            return self._cv.wait_for(lambda: self.lukket or self.synlig >= self.ønsket, timeout)

    def vent_version(self, kendt: int, timeout: float) -> int:
        with self._cv:
            self._cv.wait_for(lambda: self.lukket or self.version != kendt, timeout)
            return self.version

    def luk(self) -> None:
        with self._cv:
            self.lukket = True
            self._cv.notify_all()


class _Handler(BaseHTTPRequestHandler):
    server_version = "uddprog"
    sys_version = ""
    protocol_version = "HTTP/1.1"  # keep-alive: a reload fetches page, stylesheet and script on one connection
    # Headers and body go out in two writes; with Nagle's algorithm the body then waits for the client's
    # delayed ACK (40 ms on Linux) on every response.
    disable_nagle_algorithm = True
    server: "_HttpServer"

    def log_message(self, format: str, *args) -> None:  # quiet: the rebuild log is what the author reads
        pass

    def __getattr__(self, navn: str):
        # http.server looks up do_<METHOD>; every method but GET and HEAD is refused the same way.
        if navn.startswith("do_"):
            return self._forkert_metode
        raise AttributeError(navn)

    def do_GET(self) -> None:
        self._svar(krop=True)

    def do_HEAD(self) -> None:
        self._svar(krop=False)

    # --- refusals -----------------------------------------------------------------------------

    def _tekst(self, kode: int, tekst: str, krop: bool = True, **headers: str) -> None:
        data = tekst.encode("utf-8")
        self.send_response(kode)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        if krop:
            self.wfile.write(data)

    def _forkert_metode(self) -> None:
        self.close_connection = True  # a request body may follow that is never read
        self._tekst(405, "Kun GET og HEAD er tilladt.\n", Allow="GET, HEAD")

    def _vært_ok(self) -> bool:
        vært = (self.headers.get("Host") or "").strip().lower()
        return vært in self.server.værter

    # --- answers ------------------------------------------------------------------------------

    def _svar(self, krop: bool) -> None:
        if not self._vært_ok():
            self.close_connection = True
            self._tekst(400, "Forkert Host-header: serveren svarer kun på sin egen adresse.\n", krop)
            return
        sti = urlsplit(self.path).path
        m = LIVERELOAD.match(sti)
        if m:
            version = self.server.tilstand.vent_version(int(m[1]), LANG_POLL)
            self._tekst(200, str(version), krop)
            return
        fil = self.server.fil(sti)
        if fil is None:
            side = self.server.programside.get(sti)
            if side:  # the rendered programme, gone because its YAML broke: say why, reload when fixed
                boks = _fundboks(side, self.server.sidefund.get(side, []))
                self._side(404, "<h1>Programmet kan ikke vises lige nu</h1>" + boks, krop)
                return
            self._side(404, "<h1>Siden findes ikke</h1><p>Den adresse findes ikke i webstedet. "
                       "Gå til <a href=\"/index.html\">forsiden</a>.</p>", krop)
            return
        if fil.is_dir():
            self.send_response(301)
            self.send_header("Location", sti.rstrip("/") + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        try:
            data = fil.read_bytes()
        except OSError:
            self._side(404, "<h1>Siden findes ikke</h1>", krop)
            return
        type_ = mimetypes.guess_type(fil.name)[0] or "application/octet-stream"
        if type_ == "text/html":
            side = self.server.programside.get(sti)
            linjer = self.server.sidefund.get(side, []) if side else []
            if linjer and sti != side:  # a rendered programme: its findings on top
                data = _indsæt_efter_body(data, _fundboks(side, linjer).encode("utf-8"))
            data = indsæt_script(data, self.server.tilstand.version)
        if type_.startswith("text/") or type_ in ("application/javascript", "application/json"):
            type_ += "; charset=utf-8"
        self.send_response(200)
        self.send_header("Content-Type", type_)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if krop:
            self.wfile.write(data)

    def _side(self, kode: int, indhold: str, krop: bool) -> None:
        html = ('<!DOCTYPE html>\n<html lang="da"><head><meta charset="utf-8"><title>Siden findes ikke</title>'
                f"</head><body><main>{indhold}</main></body></html>\n").encode("utf-8")
        data = indsæt_script(html, self.server.tilstand.version)
        self.send_response(kode)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if krop:
            self.wfile.write(data)


def _fundboks(side: str, linjer: list[str]) -> str:
    """The findings of a programme as a box for the top of its rendered document (serve only)."""
    from markupsafe import escape

    punkter = "".join(f"<li><code>{escape(l)}</code></li>" for l in linjer)
    tekst = (f"<p><strong>{len(linjer)} fund fra valideringen</strong> · <a href=\"{escape(side)}\">programmets side"
             f"</a></p><ul style=\"margin:.3rem 0 0;padding-left:1.2rem\">{punkter}</ul>") if linjer else \
        f'<p>Se <a href="{escape(side)}">programmets side</a>.</p>'
    return ('<aside aria-label="Fund fra valideringen" style="border:2px solid #8a1c14;background:#fff;'
            f'color:#1a1a1a;padding:.5rem .8rem;margin:0 0 1rem;font:14px/1.4 sans-serif">{tekst}</aside>')


def _indsæt_efter_body(html: bytes, boks: bytes) -> bytes:
    m = re.search(rb"<body[^>]*>", html, re.I)
    return html if m is None else html[:m.end()] + boks + html[m.end():]


def indsæt_script(html: bytes, version: int) -> bytes:
    """The live-reload script before the last ``</body>`` (or at the end)."""
    script = (_SCRIPT % version).encode("utf-8")
    i = html.lower().rfind(b"</body>")
    return html + script if i < 0 else html[:i] + script + html[i:]


class _HttpServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, adresse, rod: Path, tilstand: Tilstand, værter: set[str]) -> None:
        import socket

        self.address_family = socket.AF_INET6 if ":" in adresse[0] else socket.AF_INET  # --host ::1
        super().__init__(adresse, _Handler)
        self.rod = Path(rod).resolve()
        self.tilstand = tilstand
        self.værter = værter
        self.programside: dict[str, str] = {}  # URL path of a programme page or document → its page
        self.sidefund: dict[str, list[str]] = {}  # programme page → its findings, file:line:column

    def fil(self, sti: str) -> Path | None:
        """The file for a URL path, or None when it is not a file inside the output folder."""
        self.tilstand.vent_synlig(BYG_VENT)  # never a half-built site
        sti = unquote(sti)
        if "\x00" in sti or "\\" in sti or not sti.startswith("/"):
            return None
        dele = [d for d in sti.split("/") if d]
        if any(d == ".." or d.startswith(".") for d in dele):
            return None
        kandidat = self.rod.joinpath(*dele)
        if sti.endswith("/") or not dele:
            kandidat = kandidat / "index.html"
        try:
            løst = kandidat.resolve(strict=True)
        except (OSError, RuntimeError):
            return None
        if løst != self.rod and self.rod not in løst.parents:
            return None  # a symlink out of the folder
        return løst


def _værter(host: str, port: int) -> set[str]:
    navne = set(LOOPBACK)
    if host not in ("0.0.0.0", "::", ""):
        navne.add(f"[{host}]" if ":" in host else host)
    else:
        import socket

        navne |= {socket.gethostname(), socket.getfqdn()}
    return {f"{n.lower()}:{port}" for n in navne}


def _støj(sti: str) -> bool:
    navn = os.path.basename(sti)
    return navn.startswith(".") or navn.endswith(("~", ".swp", ".swx", ".tmp")) or navn.startswith("#")


class Forhåndsvisning:
    """The preview server: build, serve, watch, rebuild. ``kør`` blocks until ``stop`` is set (or Ctrl-C)."""

    def __init__(self, stier: Sequence[Path] = (), port: int = 8000, host: str = "127.0.0.1",
                 rod: Path | None = None, dato: date | None = None,
                 log: Callable[[str], None] | None = None) -> None:

        self.stier = [Path(s) for s in stier]
        self.rod = Path(rod) if rod else find_rod(self.stier[0] if self.stier else None)
        self.log = log or (lambda t: print(t, file=sys.stderr, flush=True))
        self.tilstand = Tilstand()
        self.mappe = Path(tempfile.mkdtemp(prefix="uddprog-serve-"))
        self.stop = threading.Event()
        self._ændret = threading.Event()
        self._lås = threading.Lock()
        self._ventende: set[str] = set()
        self.sidste_byg: float | None = None  # seconds the last build took
        try:
            # The socket first: a port in use is reported at once, not after the first build.
            self.httpd = _HttpServer((host, port), self.mappe, self.tilstand, set())
            # A preview shows drafts too: they are what an author writes.
            self.bygger = Sitebygger(self.mappe, self.stier, self.rod, dato, pdf=False, med_udkast=True)
            self.resultat = self.bygger.byg()  # the last good build
            self.bygger.forvarm()
        except BaseException:
            if hasattr(self, "httpd"):
                self.httpd.server_close()
            shutil.rmtree(self.mappe, ignore_errors=True)
            raise
        self._husk_fund()
        self.port = self.httpd.server_address[1]
        self.httpd.værter = _værter(host, self.port)
        vist = f"[{host}]" if ":" in host else host
        self.url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::', '') else vist}:{self.port}/"
        # A file's folder rather than the file: editors that save by writing a new file and renaming it
        # would otherwise leave the watch on the old file.
        overvåg = [self.rod / MB_MAPPE, self.rod / SKABELON_MAPPE,
                   *((s.parent if s.is_file() else s) for s in (self.stier or [self.bygger.programmappe])),
                   *(Path(d).parent for d in self.bygger.programdelfiler())]  # shared parts found elsewhere
        self.overvåget = [p for p in dict.fromkeys(Path(os.path.abspath(p)) for p in overvåg) if p.exists()]
        self._tråde: list[threading.Thread] = []

    def _husk_fund(self) -> None:
        """Which findings go with which URL; a rendered programme that is gone keeps its entry (404 says why)."""
        sider, fund = dict(self.httpd.programside), {}
        for p in self.resultat.programmer:
            fund["/" + p.side] = [f"{f.sted}: {f.alvor_dansk} {f.check}: {f.besked}" for f in p.fund]
            for sti in (p.side, p.filer.get("html")):
                if sti:
                    sider["/" + sti] = "/" + p.side
        self.httpd.programside, self.httpd.sidefund = sider, fund

    def fund_for(self, fil: Path) -> list[str]:
        """The findings of one programme in the last good build, as file:line:column lines."""
        a = os.path.abspath(fil)
        return [f"{f.sted}: {f.alvor_dansk} {f.check}: {f.besked}" for p in self.resultat.programmer
                if os.path.abspath(p.kilde) == a for f in p.fund]

    def side_for(self, fil: Path) -> str:
        """The URL of a programme's page."""

        return self.url + programside(Path(fil), self.rod, self.bygger.programmappe)

    # --- threads --------------------------------------------------------------------------------

    def _overvåg(self) -> None:
        import watchfiles

        ud = os.path.abspath(self.mappe)

        def filter_(_ændring, sti: str) -> bool:
            return not _støj(sti) and not (sti == ud or sti.startswith(ud + os.sep))

        try:
            for ændringer in watchfiles.watch(*self.overvåget, watch_filter=filter_, stop_event=self.stop,
                                              debounce=400, step=20, rust_timeout=500, yield_on_timeout=False,
                                              raise_interrupt=False):
                with self._lås:
                    self._ventende |= {s for _, s in ændringer}
                    self.tilstand.ønsk()
                self._ændret.set()
        except Exception as e:  # e.g. the inotify limit: say so, keep serving what is built
            self.log(f"Overvågningen af filerne stoppede ({type(e).__name__}: {e}); siden opdateres ikke længere.")

    def _overvåg_konfig(self) -> None:
        """The repository's own folder, not recursively: only its uddprog.toml / .uddprog.yaml."""
        import watchfiles

        try:
            for ændringer in watchfiles.watch(self.rod, watch_filter=lambda _c, sti: os.path.basename(sti) in KONFIGFILER,
                                              recursive=False, stop_event=self.stop, debounce=400, step=20,
                                              rust_timeout=500, yield_on_timeout=False, raise_interrupt=False):
                with self._lås:
                    self._ventende |= {s for _, s in ændringer}
                    self.tilstand.ønsk()
                self._ændret.set()
        except Exception as e:
            self.log(f"Overvågningen af konfigurationen stoppede ({type(e).__name__}: {e}).")

    def start(self) -> None:
        for mål in (self.httpd.serve_forever, self._overvåg, self._overvåg_konfig):
            t = threading.Thread(target=mål, daemon=True)
            t.start()
            self._tråde.append(t)

    def genbyg(self) -> None:
        """Build what changed since the last build; on failure the last good site stays."""
        with self._lås:
            ændrede, epoke = sorted(self._ventende), self.tilstand.ønsket
            self._ventende = set()
        start = time.perf_counter()
        ændret = False
        try:
            res = self.resultat = self.bygger.byg([Path(s) for s in ændrede])
            self._husk_fund()
            ændret = bool(res.ændrede or res.fjernede)
            self.sidste_byg = time.perf_counter() - start
            self._rapportér(ændrede)
        except Exception as e:
            self.log(f"Fejl under genopbygningen ({type(e).__name__}: {e}); det sidste gode websted vises stadig.")
        finally:
            self.tilstand.vis(epoke, ændret)

    def _rapportér(self, ændrede: list[str]) -> None:
        vist = ", ".join(vis(s, self.rod) for s in ændrede if s.endswith((".yaml", ".yml")) or os.path.exists(s))
        self.log(f"Ændret: {vist or 'intet'} – bygget på {self.sidste_byg * 1000:.0f} ms.")
        for s in ændrede:
            for linje in self.fund_for(Path(s)):
                self.log(f"  {linje}")

    def kør(self) -> None:
        """The rebuild loop; returns when ``stop`` is set."""
        while not self.stop.is_set():
            if self._ændret.wait(0.2):
                self._ændret.clear()
                self.genbyg()

    def luk(self) -> None:
        self.stop.set()
        self.tilstand.luk()
        self.httpd.shutdown()
        self.httpd.server_close()
        for t in self._tråde:
            t.join(timeout=2)
        shutil.rmtree(self.mappe, ignore_errors=True)


def serve(stier: Sequence[Path] = (), port: int = 8000, host: str = "127.0.0.1", rod: Path | None = None,
          dato: date | None = None, log: Callable[[str], None] | None = None,
          klar: Callable[[Forhåndsvisning], None] | None = None) -> None:
    """Run the preview until Ctrl-C (or SIGTERM); always removes its temporary folder."""
    import signal

    v = Forhåndsvisning(stier, port, host, rod, dato, log)
    tidligere = None
    if threading.current_thread() is threading.main_thread():
        def _afbryd(signum, frame):
            raise KeyboardInterrupt
        tidligere = signal.signal(signal.SIGTERM, _afbryd)
    try:
        v.start()
        if klar:
            klar(v)
        v.kør()
    except KeyboardInterrupt:
        pass
    finally:
        v.luk()
        if tidligere is not None:
            signal.signal(signal.SIGTERM, tidligere)
