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
- the watchers start before the first build, and before the first answer the files are compared with what
  they were when that build began, so an edit saved at any moment after start is shown;
- HTTP runs in threads and answers only GET and HEAD, only for a Host header (or an absolute-form target)
  naming this server (against DNS rebinding), and only files inside the output folder (no ``..``, no dot
  files, no symlinks out). The request line is parsed strictly, the target is normalised before routing (a
  redirect never leaves the origin), an idle connection is closed after ``TOMGANG`` seconds, error pages are
  Danish, and a client that leaves never puts a traceback in the terminal.
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
TOMGANG = 30.0  # seconds a connection may sit without sending a request before it is closed
KLAR_VENT = 5.0  # seconds start() waits for the watchers to run before it answers anyway

#: RFC 9112's request line, strictly: method SP request-target SP HTTP-version, one space each, no tab.
ANMODNINGSLINJE = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+ [^\x00-\x20\x7f]+ HTTP/\d\.\d")

#: The error pages http.server writes itself (a bad request line, headers too large …), in Danish.
FEJLSIDER = {
    400: ("Forkert anmodning", "Serveren forstod ikke anmodningen."),
    404: ("Siden findes ikke", "Den adresse findes ikke i webstedet."),
    405: ("Metoden er ikke tilladt", "Kun GET og HEAD er tilladt."),
    408: ("Tiden løb ud", "Anmodningen kom ikke færdig i tide."),
    414: ("Adressen er for lang", "Anmodningens adresse er længere, end serveren tager imod."),
    431: ("Headerne er for store", "Anmodningens headere er større, end serveren tager imod."),
    501: ("Ikke understøttet", "Serveren kan ikke besvare den slags anmodning."),
    505: ("HTTP-versionen understøttes ikke", "Serveren taler HTTP/1.0 og HTTP/1.1."),
}

#: What a client that goes away raises in the thread answering it: not worth a line, never a traceback.
FORBINDELSE_VÆK = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError)

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

    @property
    def timeout(self) -> float:  # read by StreamRequestHandler.setup: an idle connection ends after this
        return self.server.tomgang

    def parse_request(self) -> bool:
        """http.server splits the request line on any whitespace ('GET\\t /' would be GET); refuse what
        RFC 9112 does not allow before it gets there."""
        linje = str(self.raw_requestline, "iso-8859-1").rstrip("\r\n")
        if not ANMODNINGSLINJE.fullmatch(linje):
            self.command, self.requestline, self.request_version = None, linje, "HTTP/1.1"
            self.close_connection = True
            self.send_error(400)
            return False
        return super().parse_request()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own refusals (400, 414, 431, 505 …) as a short Danish page; its English is dropped."""
        titel, tekst = FEJLSIDER.get(int(code), ("Fejl", "Anmodningen kunne ikke besvares."))
        self.close_connection = True
        data = (f'<!DOCTYPE html>\n<html lang="da"><head><meta charset="utf-8"><title>{titel}</title></head>'
                f"<body><main><h1>{titel}</h1><p>{tekst}</p></main></body></html>\n").encode("utf-8")
        try:
            self.send_response(int(code))  # the status line keeps HTTP's own reason phrase
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD" and int(code) >= 200 and int(code) not in (204, 304):
                self.wfile.write(data)
        except FORBINDELSE_VÆK + (OSError,):
            pass  # the client is gone: nothing to say to it

    def _mål(self) -> str | None:
        """The request target as the path to route, or None when this server does not answer it: origin-form
        ('/a/b?q') or absolute-form naming this server ('http://127.0.0.1:8000/a'); repeated '/' collapsed,
        so '//assets' is '/assets' and no answer can point at another host."""
        rå = self.path
        if re.match(r"(?i)https?://", rå):
            dele = urlsplit(rå)
            if dele.netloc.lower() not in self.server.værter:
                return None
            sti = dele.path or "/"
        elif rå.startswith("/"):
            sti = urlsplit("http://x" + rå).path  # a leading '//' is path here, not an authority
        else:
            return None  # authority-form (CONNECT), asterisk-form ('*'), or nothing
        return re.sub(r"/{2,}", "/", sti)

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
        sti = self._mål()
        absolut = re.match(r"(?i)https?://", self.path) is not None  # its authority was checked by _mål
        if sti is None or (not absolut and not self._vært_ok()):
            self.close_connection = True
            self._tekst(400, "Forkert adresse eller Host-header: serveren svarer kun på sin egen adresse.\n", krop)
            return
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
            ny = sti.rstrip("/") + "/"
            assert ny.startswith("/") and not ny.startswith(("//", "/\\")), ny  # same origin, always
            self.send_response(301)
            self.send_header("Location", ny)
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

    def __init__(self, adresse, rod: Path, tilstand: Tilstand, værter: set[str],
                 log: Callable[[str], None] | None = None) -> None:
        import socket

        self.address_family = socket.AF_INET6 if ":" in adresse[0] else socket.AF_INET  # --host ::1
        super().__init__(adresse, _Handler)
        self.log = log or (lambda t: None)
        self.tomgang = TOMGANG
        self.rod = Path(rod).resolve()
        self.tilstand = tilstand
        self.værter = værter
        self.programside: dict[str, str] = {}  # URL path of a programme page or document → its page
        self.sidefund: dict[str, list[str]] = {}  # programme page → its findings, file:line:column

    def handle_error(self, request, client_address) -> None:
        """Instead of socketserver's traceback on stderr: nothing for a client that left, one line for a bug."""
        e = sys.exc_info()[1]
        if isinstance(e, FORBINDELSE_VÆK):
            return
        self.log(f"Fejl under svaret på en anmodning ({type(e).__name__}: {e}); serveren kører videre.")

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
        self._klar = {"filer": threading.Event(), "konfig": threading.Event()}  # each watcher is running
        self._tråde: list[threading.Thread] = []
        try:
            # The socket first: a port in use is reported at once, not after the first build.
            self.httpd = _HttpServer((host, port), self.mappe, self.tilstand, set(), self.log)
            # A preview shows drafts too: they are what an author writes.
            self.bygger = Sitebygger(self.mappe, self.stier, self.rod, dato, pdf=False, med_udkast=True)
            # A file's folder rather than the file: editors that save by writing a new file and renaming it
            # would otherwise leave the watch on the old file.
            overvåg = [self.rod / MB_MAPPE, self.rod / SKABELON_MAPPE,
                       *((s.parent if s.is_file() else s) for s in (self.stier or [self.bygger.programmappe]))]
            self.overvåget = [p for p in dict.fromkeys(Path(os.path.abspath(p)) for p in overvåg) if p.exists()]
            # Watch before building, and remember the files as the build found them: an edit saved while the
            # first build runs, or before the watchers are up, is then found by start() (issue 20, item 7).
            for mål in (self._overvåg, self._overvåg_konfig):
                t = threading.Thread(target=mål, daemon=True)
                t.start()
                self._tråde.append(t)
            self._før_første_byg = self._filtilstand()
            self.resultat = self.bygger.byg()  # the last good build
            self._overvåg_dele()
            self.bygger.forvarm()
        except BaseException:
            self.stop.set()
            if hasattr(self, "httpd"):
                self.httpd.server_close()
            shutil.rmtree(self.mappe, ignore_errors=True)
            raise
        self._husk_fund()
        self.port = self.httpd.server_address[1]
        self.httpd.værter = _værter(host, self.port)
        vist = f"[{host}]" if ":" in host else host
        self.url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::', '') else vist}:{self.port}/"

    def _filtilstand(self, mapper: list[Path] | None = None) -> dict[str, tuple[int, int]]:
        """Every watched file (and the repository's config) with its modification time and size; with
        ``mapper``, only the files below those folders."""
        ud: dict[str, tuple[int, int]] = {}
        ud_mappe = os.path.abspath(self.mappe)
        for mappe in self.overvåget if mapper is None else mapper:
            for sti, _, navne in os.walk(mappe):
                if sti == ud_mappe or sti.startswith(ud_mappe + os.sep):
                    continue
                for navn in navne:
                    fil = os.path.join(sti, navn)
                    if not _støj(fil):
                        try:
                            st = os.stat(fil)
                        except OSError:
                            continue
                        ud[fil] = (st.st_mtime_ns, st.st_size)
        for navn in KONFIGFILER if mapper is None else ():
            fil = os.path.join(os.path.abspath(self.rod), navn)
            try:
                st = os.stat(fil)
                ud[fil] = (st.st_mtime_ns, st.st_size)
            except OSError:
                pass
        return ud

    def _overvåg_dele(self) -> None:
        """Watch the folders of shared parts (programdele) the programmes include from outside the watched
        folders too; only the first build knows them."""
        ekstra = [p for p in dict.fromkeys(Path(os.path.abspath(Path(d).parent)) for d in self.bygger.programdelfiler())
                  if p.exists() and not any(p == o or o in p.parents for o in self.overvåget)]
        if not ekstra:
            return
        self.overvåget = [*self.overvåget, *ekstra]
        self._før_første_byg.update(self._filtilstand(ekstra))  # as they are now: not watched during the first build
        t = threading.Thread(target=self._overvåg, args=(ekstra,), daemon=True)
        t.start()
        self._tråde.append(t)

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

    def _overvåg(self, mapper: list[Path] | None = None) -> None:
        import watchfiles

        ud = os.path.abspath(self.mappe)

        def filter_(_ændring, sti: str) -> bool:
            return not _støj(sti) and not (sti == ud or sti.startswith(ud + os.sep))

        try:
            # yield_on_timeout: the first (possibly empty) yield says the watcher is running
            for ændringer in watchfiles.watch(*(mapper or self.overvåget), watch_filter=filter_, stop_event=self.stop,
                                              debounce=400, step=20, rust_timeout=200, yield_on_timeout=True,
                                              raise_interrupt=False):
                self._klar["filer"].set()
                if not ændringer:
                    continue
                with self._lås:
                    self._ventende |= {s for _, s in ændringer}
                    self.tilstand.ønsk()
                self._ændret.set()
        except Exception as e:  # e.g. the inotify limit: say so, keep serving what is built
            self.log(f"Overvågningen af filerne stoppede ({type(e).__name__}: {e}); siden opdateres ikke længere.")
        finally:
            self._klar["filer"].set()  # stopped or failed: nobody waits for it

    def _overvåg_konfig(self) -> None:
        """The repository's own folder, not recursively: only its uddprog.toml / .uddprog.yaml."""
        import watchfiles

        try:
            for ændringer in watchfiles.watch(self.rod, watch_filter=lambda _c, sti: os.path.basename(sti) in KONFIGFILER,
                                              recursive=False, stop_event=self.stop, debounce=400, step=20,
                                              rust_timeout=200, yield_on_timeout=True, raise_interrupt=False):
                self._klar["konfig"].set()
                if not ændringer:
                    continue
                with self._lås:
                    self._ventende |= {s for _, s in ændringer}
                    self.tilstand.ønsk()
                self._ændret.set()
        except Exception as e:
            self.log(f"Overvågningen af konfigurationen stoppede ({type(e).__name__}: {e}).")
        finally:
            self._klar["konfig"].set()

    def start(self) -> None:
        """Answer requests, once the watchers run and whatever changed since the first build began is wanted."""
        slut = time.monotonic() + KLAR_VENT
        for klar in self._klar.values():
            klar.wait(max(0.0, slut - time.monotonic()))
        nu = self._filtilstand()
        ændrede = {f for f in nu.keys() | self._før_første_byg.keys() if nu.get(f) != self._før_første_byg.get(f)}
        if ændrede:
            with self._lås:
                self._ventende |= ændrede
                self.tilstand.ønsk()  # the first answer waits for the rebuild that shows them
            self._ændret.set()
        self._svarer = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._svarer.start()
        self._tråde.append(self._svarer)

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
        if getattr(self, "_svarer", None) is not None:
            self.httpd.shutdown()  # waits for serve_forever, so only when it runs
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
