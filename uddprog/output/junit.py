"""JUnit XML, read by GitLab (test reports), Jenkins, Azure DevOps and others.

One ``<testcase>`` per file checked; a finding at or above ``fail_on`` is a ``<failure>``, the others
go to ``<system-out>``, so the test tab fails exactly when the exit code does.
"""

from __future__ import annotations

from lxml import etree

from ..findings import Severity

MENNESKELIG = False


def skriv(rapport) -> str:
    grænse = Severity(rapport.fail_on).rang
    pr_fil: dict[str, list] = {str(f): [] for f in rapport.filer}
    for f in rapport.fund:
        pr_fil.setdefault(str(f.sted.fil) if f.sted else "", []).append(f)
    suites = etree.Element("testsuites", name="uddprog")
    suite = etree.SubElement(suites, "testsuite", name=rapport.værktøj)
    fejlede = 0
    for fil, fund in pr_fil.items():
        case = etree.SubElement(suite, "testcase", name=fil or "(uden fil)", classname=rapport.værktøj, file=fil)
        slemme = [f for f in fund if f.severity.rang >= grænse]
        if slemme:
            fejlede += 1
        for f in slemme:
            fejl = etree.SubElement(case, "failure", message=f"{f.check}: {f.besked}", type=f.check)
            fejl.text = f"{f.sted}: {f.severity.dansk} {f.check}: {f.besked}" if f.sted else f.besked
        øvrige = [f for f in fund if f.severity.rang < grænse]
        if øvrige:
            etree.SubElement(case, "system-out").text = "\n".join(str(f) for f in øvrige)
    for el in (suites, suite):
        el.set("tests", str(len(pr_fil)))
        el.set("failures", str(fejlede))
        el.set("errors", "0")
    suite.set("skipped", "0")
    return etree.tostring(suites, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")
