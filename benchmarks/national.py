"""National benchmark: how uddprog's cost grows with the corpus, next to the peers and the floor.

    python benchmarks/national.py [--sizes 100,1000,3000] [--jobs N] [--peer-sample 12] [--out FILE.md]
                                  [--stages validate,validate-again]

For each corpus size a fresh corpus is generated (benchmarks/corpus.py, fixed seed) and every stage runs as
its own `python -m uddprog …` process, measured from a small wrapper process: wall time, CPU time (user +
system of the process and its workers) and peak memory (the largest resident set of any one process, from
getrusage(RUSAGE_CHILDREN)). Stages:

- validate: `uddprog validate CORPUS` (målbeskrivelser, templates and every programme), the first run (an
  empty validation cache: the benchmark gives its processes their own XDG_CACHE_HOME);
- validate again: the same command on the unchanged corpus (every file's findings from the cache);
- render DOCX, render HTML, render DOCX+HTML: `uddprog render --jobs N` into an empty folder;
- no-change re-render: DOCX+HTML again into the same folder, nothing changed;
- diff: `uddprog diff OLD NEW --programmes CORPUS/examples` for the specialty with most programmes on the
  old version (JSON report written to a file);
- floor: the time to only deflate and write files of the same content and size as the DOCX (zip + atomic
  write with the standard library) and HTML (atomic write) outputs, one process;
- peers, on a sample of the largest corpus and extrapolated (clearly labelled): plain docxtpl loading
  program.docx for every document, and pandoc per document (Markdown → DOCX, Markdown → HTML), both with the
  same loading and context building as uddprog; extrapolated as if spread perfectly over all cores.

The result is a Markdown table (stdout, and --out) with the machine it was taken on.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
for p in (str(REPO), str(HERE)):
    if p not in sys.path:
        sys.path.insert(0, p)

DATO = "2026-11-23"

#: Targets for 3,000 programmes on the 2-core reference machine (issue 5), seconds.
TARGETS = {"validate": 5.0, "validate-again": 1.0, "render-docx-html": 60.0, "rerender": 3.0, "diff": 2.0}
#: Every stage in the order it runs; --stages picks some (the floor needs the DOCX and HTML renders).
STAGES = ("validate", "validate-again", "render-docx", "render-html", "render-docx-html", "rerender", "diff", "floor")
_CACHE = tempfile.mkdtemp(prefix="uddprog-bench-cache-")  # XDG_CACHE_HOME of the measured processes
CLI_TARGET_MS = 150.0

# Runs a command and reports its wall time, CPU time and peak memory as one JSON line.
_WRAPPER = r"""
import json, resource, subprocess, sys, time
cmd = json.loads(sys.argv[1])
t0 = time.perf_counter()
p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
wall = time.perf_counter() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": p.returncode, "wall": wall, "cpu": ru.ru_utime + ru.ru_stime,
                  "maxrss_mb": ru.ru_maxrss / 1024,
                  "stdout": p.stdout[-4000:].decode("utf-8", "replace"),
                  "stderr": p.stderr[-4000:].decode("utf-8", "replace")}))
"""


@dataclass
class Måling:
    stage: str
    size: int
    wall: float
    cpu: float
    maxrss_mb: float
    rc: int = 0
    note: str = ""
    extra: dict = field(default_factory=dict)


def _miljø() -> dict[str, str]:
    """The environment for measured processes: this checkout's uddprog, whatever is installed."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), *filter(None, [env.get("PYTHONPATH")])])
    env.pop("UDDPROG_JOBS", None)
    env["XDG_CACHE_HOME"] = _CACHE  # validate's cache: empty for each corpus, never the user's own
    return env


def kør(cmd: list[str], ok: tuple[int, ...] = (0,)) -> dict:
    """Run ``cmd`` under the measuring wrapper; raise if it exits with a code outside ``ok``."""
    p = subprocess.run([sys.executable, "-c", _WRAPPER, json.dumps(cmd)], capture_output=True, text=True,
                       check=True, env=_miljø())
    r = json.loads(p.stdout.strip().splitlines()[-1])
    if r["rc"] not in ok:
        raise RuntimeError(f"{' '.join(cmd)} gav exitkode {r['rc']}:\n{r['stderr'][-2000:]}\n{r['stdout'][-1000:]}")
    return r


def uddprog(*args: str) -> list[str]:
    return [sys.executable, "-m", "uddprog", *args]


def cli_start(gentagelser: int = 15) -> tuple[float, float]:
    """Median and best wall time of `uddprog --version` in milliseconds."""
    tider = []
    for _ in range(gentagelser):
        t0 = time.perf_counter()
        subprocess.run(uddprog("--version"), check=True, capture_output=True, env=_miljø())
        tider.append((time.perf_counter() - t0) * 1000)
    tider.sort()
    return tider[len(tider) // 2], tider[0]


# ---------------------------------------------------------------------------------------------------------
# In-process stages, run in their own process through the wrapper: the floor and the peers
# ---------------------------------------------------------------------------------------------------------

def _atomisk(sti: Path, data: bytes) -> None:
    tmp = sti.with_name(sti.name + ".tmp")
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, sti)


def gulv(docx_mappe: Path, html_mappe: Path, ud: Path) -> dict:
    """Deflate + write the same DOCX contents, and write the same HTML, timing only that (one process)."""
    ud.mkdir(parents=True, exist_ok=True)
    res = {"docx_s": 0.0, "docx_cpu": 0.0, "docx_n": 0, "docx_bytes": 0,
           "html_s": 0.0, "html_cpu": 0.0, "html_n": 0, "html_bytes": 0}
    for i, fil in enumerate(sorted(docx_mappe.rglob("*.docx"))):
        with zipfile.ZipFile(fil) as z:  # reading the content is not part of the floor
            dele = [(info.filename, z.read(info)) for info in z.infolist()]
        t0, c0 = time.perf_counter(), time.process_time()
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
            for navn, data in dele:
                z.writestr(zipfile.ZipInfo(navn, (1980, 1, 1, 0, 0, 0)), data, compress_type=zipfile.ZIP_DEFLATED)
        data = buf.getvalue()
        _atomisk(ud / f"{i}.docx", data)
        res["docx_s"] += time.perf_counter() - t0
        res["docx_cpu"] += time.process_time() - c0
        res["docx_n"] += 1
        res["docx_bytes"] += len(data)
    for i, fil in enumerate(sorted(html_mappe.rglob("*.html"))):
        data = fil.read_bytes()
        t0, c0 = time.perf_counter(), time.process_time()
        _atomisk(ud / f"{i}.html", data)
        res["html_s"] += time.perf_counter() - t0
        res["html_cpu"] += time.process_time() - c0
        res["html_n"] += 1
        res["html_bytes"] += len(data)
    return res


def _stikprøve(korpus: Path, n: int) -> list[Path]:
    filer = sorted((korpus / "examples").rglob("*.yaml"))
    if not filer:
        return []
    skridt = max(1, len(filer) // max(n, 1))
    return filer[::skridt][:n]


def peers(korpus: Path, n: int, ud: Path) -> dict:
    """Seconds per document for plain docxtpl and pandoc on a sample, with uddprog's loading and context."""
    from uddprog.catalog import Katalog
    from uddprog.loading import indlæs

    ud.mkdir(parents=True, exist_ok=True)
    katalog = Katalog(korpus)
    prøve = _stikprøve(korpus, n)
    res: dict = {"n": len(prøve)}

    def forbered(fil: Path):
        from uddprog.render.context import build_context

        p = indlæs(fil, "uddannelsesprogram").model
        mb = katalog.målbeskrivelse(p.målbeskrivelse).model
        sk = katalog.skabelon(p.skabelon).model
        return p, sk, build_context(p, mb, sk)

    try:
        from docxtpl import DocxTemplate

        from uddprog.render.docx import make_environment
        from uddprog.render.wordml import WordRefs

        t0 = time.perf_counter()
        for i, fil in enumerate(prøve):
            p, sk, ctx = forbered(fil)
            ctx["_wordrefs"] = WordRefs(first_num_id=100, bullet_num_id=1)
            tpl = DocxTemplate(str(korpus / "templates" / "national" / sk.id / "program.docx"))
            tpl.render(ctx, jinja_env=make_environment())
            tpl.save(str(ud / f"docxtpl-{i}.docx"))
        res["docxtpl_s_per_doc"] = (time.perf_counter() - t0) / max(len(prøve), 1)
    except Exception as e:  # the render package is young; report, do not hide
        res["docxtpl_fejl"] = f"{type(e).__name__}: {e}"

    pandoc = shutil.which("pandoc")
    if not pandoc:
        res["pandoc_fejl"] = "pandoc er ikke installeret"
        return res
    try:
        # The render benchmark's Markdown twin of the templates (a fallback here hid that it no longer imported).
        from render_bench import as_markdown
        for fmt in ("docx", "html"):
            t0 = time.perf_counter()
            for i, fil in enumerate(prøve):
                _, _, ctx = forbered(fil)
                kilde = ud / f"pandoc-{i}.md"
                kilde.write_text(as_markdown(ctx), encoding="utf-8")
                extra = ["--standalone"] if fmt == "html" else []
                subprocess.run([pandoc, "-f", "markdown", "-t", fmt, *extra, "-o", str(ud / f"pandoc-{i}.{fmt}"),
                                str(kilde)], check=True, capture_output=True)
            res[f"pandoc_{fmt}_s_per_doc"] = (time.perf_counter() - t0) / max(len(prøve), 1)
    except Exception as e:
        res["pandoc_fejl"] = f"{type(e).__name__}: {e}"
    return res


# ---------------------------------------------------------------------------------------------------------
# One corpus size
# ---------------------------------------------------------------------------------------------------------

def mål_størrelse(n: int, arbejde: Path, jobs: int, seed: int, log, stages: tuple[str, ...] = STAGES
                  ) -> tuple[list[Måling], dict]:
    from corpus import generer

    korpus_mappe = arbejde / f"korpus-{n}"
    shutil.rmtree(korpus_mappe, ignore_errors=True)
    k = generer(korpus_mappe, n, seed)
    info = {"programmer": len(k.programmer), "målbeskrivelser": len(k.målbeskrivelser),
            "yaml_mb": sum(f.stat().st_size for f in k.programmer) / 1e6, "generering_s": k.sekunder}
    log(f"korpus {n}: {info['programmer']} programmer, {info['målbeskrivelser']} målbeskrivelser, "
        f"{info['yaml_mb']:.1f} MB YAML, genereret på {k.sekunder:.1f} s")
    eks = str(korpus_mappe / "examples")
    rod = str(korpus_mappe)
    målinger: list[Måling] = []

    def stage(navn: str, cmd: list[str], ok=(0,), note: str = "") -> dict | None:
        if navn not in stages:
            return None
        load = os.getloadavg()[0]
        r = kør(cmd, ok)
        m = Måling(navn, n, r["wall"], r["cpu"], r["maxrss_mb"], r["rc"], note, {"load": load})
        målinger.append(m)
        log(f"  {navn:<18} {m.wall:7.2f} s væg, {m.cpu:7.2f} s CPU, {m.maxrss_mb:6.0f} MB, load {load:.1f}")
        return r

    shutil.rmtree(_CACHE, ignore_errors=True)  # the first run of this corpus finds no cache
    stage("validate", uddprog("validate", rod, "--dato", DATO))
    stage("validate-again", uddprog("validate", rod, "--dato", DATO))
    ud = arbejde / f"ud-{n}"
    shutil.rmtree(ud, ignore_errors=True)
    j = ["--jobs", str(jobs)]
    fælles = ["--rod", rod, "--dato", DATO, *j]
    stage("render-docx", uddprog("render", eks, "--format", "docx", "--out", str(ud / "docx"), *fælles))
    stage("render-html", uddprog("render", eks, "--format", "html", "--out", str(ud / "html"), *fælles))
    stage("render-docx-html", uddprog("render", eks, "--format", "docx,html", "--out", str(ud / "begge"), *fælles))
    stage("rerender", uddprog("render", eks, "--format", "docx,html", "--out", str(ud / "begge"), *fælles))
    gammel, ny, berørte = k.største_par
    stage("diff", uddprog("diff", str(gammel), str(ny), "--programmes", eks, "--format", "json",
                          "--out", str(ud / "diff.json"), "--dato", DATO, "--rod", rod), ok=(0, 1),
          note=f"{gammel.parent.name} {gammel.stem} → {ny.stem}, {berørte} programmer på den gamle version")
    r = stage("floor", [sys.executable, __file__, "_gulv", str(ud / "docx"), str(ud / "html"), str(ud / "gulv")])
    if r is not None:
        målinger[-1].extra.update(json.loads(r["stdout"].strip().splitlines()[-1]))
        docx_størrelse = målinger[-1].extra["docx_bytes"] / max(målinger[-1].extra["docx_n"], 1)
        info["docx_kb"] = docx_størrelse / 1024
    shutil.rmtree(ud, ignore_errors=True)
    return målinger, info


# ---------------------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------------------

NAVNE = {
    "validate": "validate (whole corpus), first run",
    "validate-again": "validate again, nothing changed (cache)",
    "render-docx": "render DOCX",
    "render-html": "render HTML",
    "render-docx-html": "render DOCX + HTML",
    "rerender": "re-render, nothing changed",
    "diff": "diff OLD NEW against all programmes",
    "floor-docx": "floor: zip + write the DOCX files (1 process)",
    "floor-html": "floor: write the HTML files (1 process)",
    "peer-docxtpl": "peer: plain docxtpl per document*",
    "peer-pandoc-docx": "peer: pandoc per document, DOCX*",
    "peer-pandoc-html": "peer: pandoc per document, HTML*",
}


def maskine() -> str:
    model = "?"
    try:
        for linje in Path("/proc/cpuinfo").read_text().splitlines():
            if linje.startswith("model name"):
                model = linje.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor() or platform.machine()
    return (f"nproc {os.cpu_count()}, {model}, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}")


def rapport(alle: dict[int, list[Måling]], infos: dict[int, dict], peer: dict | None, cli: tuple[float, float],
            jobs: int, nproc: int) -> str:
    størrelser = sorted(alle)
    rækker: dict[str, dict[int, Måling]] = {}
    for n, målinger in alle.items():
        for m in målinger:
            if m.stage == "floor":
                e = m.extra
                rækker.setdefault("floor-docx", {})[n] = Måling("floor-docx", n, e["docx_s"], e["docx_cpu"], m.maxrss_mb)
                rækker.setdefault("floor-html", {})[n] = Måling("floor-html", n, e["html_s"], e["html_cpu"], m.maxrss_mb)
            else:
                rækker.setdefault(m.stage, {})[n] = m
    if peer:
        for nøgle, stage in (("docxtpl_s_per_doc", "peer-docxtpl"), ("pandoc_docx_s_per_doc", "peer-pandoc-docx"),
                             ("pandoc_html_s_per_doc", "peer-pandoc-html")):
            if nøgle in peer:
                for n in størrelser:
                    cpu = peer[nøgle] * infos[n]["programmer"]
                    rækker.setdefault(stage, {})[n] = Måling(stage, n, cpu / nproc, cpu, float("nan"))
    første, sidste = størrelser[0], størrelser[-1]
    hoved = " | ".join(f"{n:,} s" for n in størrelser)
    ud = [
        f"Machine: {maskine()}; `--jobs {jobs}`; load average at start {os.getloadavg()[0]:.1f}.",
        "",
        f"| stage | {hoved} | {sidste:,}/{første:,} | CPU s at {sidste:,} | ms CPU / programme | peak MB "
        f"({', '.join(f'{n:,}' for n in størrelser)}) | load at {sidste:,} | target at 3,000 |",
        "|---" + "|---:" * (len(størrelser) + 3) + "|---:|---:|---|",
    ]
    for stage, navn in NAVNE.items():
        if stage not in rækker:
            continue
        r = rækker[stage]
        tider = " | ".join(f"{r[n].wall:.2f}" if n in r else "–" for n in størrelser)
        forhold = f"{r[sidste].wall / r[første].wall:.1f}" if første in r and sidste in r and r[første].wall > 0 \
            and første != sidste else "–"
        cpu = r[sidste].cpu if sidste in r else float("nan")
        pr_prog = cpu / infos[sidste]["programmer"] * 1000
        mem = ", ".join("–" if r.get(n) is None or r[n].maxrss_mb != r[n].maxrss_mb else f"{r[n].maxrss_mb:.0f}"
                        for n in størrelser)
        mål = TARGETS.get(stage)
        if mål and 3000 in r:
            status = f"≤ {mål:g} s: {'met' if r[3000].wall <= mål else 'NOT met'}"
        elif mål:
            status = f"≤ {mål:g} s"
        else:
            status = ""
        load = r[sidste].extra.get("load") if sidste in r else None
        load_tekst = f"{load:.1f}" if load is not None else "–"
        ud.append(f"| {navn} | {tider} | {forhold} | {cpu:.2f} | {pr_prog:.1f} | {mem} | {load_tekst} | {status} |")
    median, bedst = cli
    ud += ["", f"`uddprog --version`: {median:.0f} ms median, {bedst:.0f} ms best of 15 "
               f"(target ≤ {CLI_TARGET_MS:.0f} ms: {'met' if median <= CLI_TARGET_MS else 'NOT met'})."]
    if "render-docx" in rækker and "floor-docx" in rækker:
        d, f = rækker["render-docx"][sidste], rækker["floor-docx"][sidste]
        if f.cpu > 0:
            ud.append(f"DOCX per programme vs the write floor at {sidste:,}: {d.cpu / infos[sidste]['programmer'] * 1000:.1f} ms "
                      f"CPU against {f.cpu / infos[sidste]['programmer'] * 1000:.2f} ms CPU = {d.cpu / f.cpu:.1f}× "
                      "(target ≤ 3×; uddprog's figure includes process start, YAML loading and validation, the "
                      "floor only deflate + write).")
    ud += ["", "Corpus: " + "; ".join(
        f"{n:,}: {i['programmer']:,} programmes, {i['målbeskrivelser']} målbeskrivelser, {i['yaml_mb']:.1f} MB YAML, "
        f"DOCX {i.get('docx_kb', 0):.0f} KB" for n, i in sorted(infos.items()))]
    diff_noter = {m.note for ms in alle.values() for m in ms if m.stage == "diff" and m.note}
    if diff_noter:
        ud.append("Diff pair: " + "; ".join(sorted(diff_noter)) + ".")
    if peer:
        fejl = [f"{k}: {v}" for k, v in peer.items() if k.endswith("_fejl")]
        ud.append(f"\\* Peers measured on a sample of {peer['n']} programmes of the {sidste:,} corpus in one process "
                  f"(same YAML loading and template context as uddprog), extrapolated to each size and divided by "
                  f"{nproc} cores as if perfectly parallel; the CPU column is the undivided total."
                  + (" Not measured: " + "; ".join(fejl) + "." if fejl else ""))
    ud.append("Wall seconds per stage; every stage is a fresh `python -m uddprog` process (start-up included). "
              "CPU is user + system time of the process and its workers. Peak MB is the largest single process "
              "(getrusage). Load is the 1-minute load average when the stage started: on a shared machine wall "
              "times above the CPU time divided by the cores are time spent waiting for a core.")
    return "\n".join(ud) + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["_gulv"]:
        print(json.dumps(gulv(Path(argv[1]), Path(argv[2]), Path(argv[3]))))
        return 0
    if argv[:1] == ["_peers"]:
        print(json.dumps(peers(Path(argv[1]), int(argv[2]), Path(argv[3]))))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100,1000,3000", help="korpusstørrelser, kommasepareret")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="--jobs til uddprog render")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--peer-sample", type=int, default=12, help="programmer i stikprøven til peers (0: ingen)")
    ap.add_argument("--work", type=Path, default=None, help="arbejdsmappe (standard: en midlertidig)")
    ap.add_argument("--out", type=Path, default=None, help="skriv Markdown-tabellen hertil")
    ap.add_argument("--json", type=Path, default=None, help="skriv rå målinger som JSON hertil")
    ap.add_argument("--stages", default=",".join(STAGES), help=f"trin, kommasepareret ({', '.join(STAGES)})")
    a = ap.parse_args(argv)
    størrelser = [int(s) for s in a.sizes.split(",") if s.strip()]
    arbejde = a.work or Path(tempfile.mkdtemp(prefix="uddprog-national-"))
    arbejde.mkdir(parents=True, exist_ok=True)

    def log(tekst: str) -> None:
        print(tekst, file=sys.stderr, flush=True)

    log(f"Maskine: {maskine()}")
    cli = cli_start()
    log(f"uddprog --version: {cli[0]:.0f} ms (median)")
    alle, infos = {}, {}
    peer = None
    try:
        for n in størrelser:
            alle[n], infos[n] = mål_størrelse(n, arbejde, a.jobs, a.seed, log, tuple(a.stages.split(",")))
            if n == max(størrelser) and a.peer_sample > 0:
                r = kør([sys.executable, __file__, "_peers", str(arbejde / f"korpus-{n}"), str(a.peer_sample),
                         str(arbejde / "peers")])
                peer = json.loads(r["stdout"].strip().splitlines()[-1])
                log(f"peers ({peer['n']} programmer): " + ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else
                                                                    f"{k} {v}" for k, v in peer.items()))
            if a.work is None:
                shutil.rmtree(arbejde / f"korpus-{n}", ignore_errors=True)
    finally:
        shutil.rmtree(_CACHE, ignore_errors=True)
        if a.work is None:
            shutil.rmtree(arbejde, ignore_errors=True)
    tabel = rapport(alle, infos, peer, cli, a.jobs, os.cpu_count() or 1)
    print(tabel)
    if a.out:
        a.out.write_text(tabel, encoding="utf-8")
    if a.json:
        a.json.write_text(json.dumps({"cli_ms": cli, "peers": peer, "corpus": infos,
                                      "stages": [asdict(m) for ms in alle.values() for m in ms]},
                                     ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
