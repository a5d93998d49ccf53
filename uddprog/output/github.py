"""GitHub Actions workflow commands: every finding becomes an annotation on the pull request.

``::error file=F,line=L,col=C,title=T::message`` (docs.github.com, "Workflow commands for GitHub
Actions"). Data escapes ``%``, CR and LF; properties also ``:`` and ``,``. GitHub shows at most 10
annotations of each kind per step, so :func:`sammendrag` gives a Markdown job summary of all findings,
which the CLI appends to ``$GITHUB_STEP_SUMMARY``.
"""

from __future__ import annotations

from ..findings import Severity
from . import ci_sti

MENNESKELIG = False
NIVEAU = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(tekst: str) -> str:
    return tekst.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _egenskab(tekst: str) -> str:
    return _data(tekst).replace(":", "%3A").replace(",", "%2C")


def skriv(rapport) -> str:
    linjer = []
    for f in rapport.fund:
        dele = []
        if f.sted is not None:
            dele.append(f"file={_egenskab(ci_sti(f.sted.fil, 'GITHUB_WORKSPACE'))}")
            if f.sted.linje:
                dele += [f"line={f.sted.linje}", f"col={f.sted.kolonne or 1}"]
        r = rapport.regel(f.check)
        titel = f"{f.check}: {r.titel}" if r else f.check
        dele.append(f"title={_egenskab(titel)}")
        linjer.append(f"::{NIVEAU[f.severity]} {','.join(dele)}::{_data(f.besked)}")
    return "".join(linje + "\n" for linje in linjer)


def sammendrag(rapport) -> str:
    """A Markdown job summary: counts and a table of every finding (annotations are capped, this is not)."""
    antal = {s: sum(1 for f in rapport.fund if f.severity == s) for s in Severity}
    ud = [f"### {rapport.værktøj}", "",
          f"{len(rapport.filer)} filer kontrolleret: {antal[Severity.ERROR]} fejl, "
          f"{antal[Severity.WARNING]} advarsler, {antal[Severity.INFO]} info.", ""]
    if rapport.fund:
        ud += ["| sted | alvor | kontrol | besked |", "|---|---|---|---|"]
        for f in rapport.fund:
            sted = f"{ci_sti(f.sted.fil, 'GITHUB_WORKSPACE')}:{f.sted.linje}" if f.sted else ""
            besked = f.besked.replace("|", "\\|").replace("\n", " ")
            ud.append(f"| `{sted}` | {f.severity.dansk} | {f.check} | {besked} |")
    return "\n".join(ud) + "\n"
