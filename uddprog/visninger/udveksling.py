"""A målbeskrivelse as interchange data: 1EdTech CASE 1.1 JSON and Moodle's competency-framework CSV.

CASE (Competencies and Academic Standards Exchange) 1.1: one ``CFPackage`` per målbeskrivelse version —
the ``CFDocument``, one ``CFItem`` per competency, ``isChildOf`` associations for the tree (item → document,
in the målbeskrivelse's order), and ``replacedBy`` associations for the version lineage (old competency →
the new one that continues or replaces it, from ``erstatter``; an unchanged id continues itself, as in
``uddprog diff``). The seven lægeroller are ``CFConcepts`` whose ``hierarchyCode`` is the CanMEDS code, and
each item names its codes in ``conceptKeywords``.

Identifiers are deterministic: each object has a canonical URN (``urn:uddprog:målbeskrivelse:…``) and its
``identifier`` is the UUID5 of that URN, so the same målbeskrivelse always gives the same file and a new
version keeps the identifiers of nothing but itself. ``uri`` is the URN, or a CASE provider's address when a
base URL is given (``<base>/ims/case/v1p1/CFItems/<identifier>``).

Moodle (``tool_lpimportcsv``): the framework row and one row per competency, with the column headers the
import reads, the description as HTML, and a two-step scale (ikke godkendt / godkendt).
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Sequence
from datetime import date

from .. import regler
from ..diff.lineage import kanter
from ..markdown import to_html
from ..models import Maalbeskrivelse, Rolle, visningsnavn
from ..navne import slug

CASE_VERSION = "1.1"
SPROG = "dan"  # ISO 639-2, as the CASE specification asks

__all__ = ["case_pakke", "case_json", "moodle_csv", "urn", "identifikator", "MOODLE_KOLONNER"]


def _nøgle(mb: Maalbeskrivelse) -> str:
    return f"{slug(mb.speciale)}:{mb.fase}:{slug(mb.version) or mb.version}"


def urn(mb: Maalbeskrivelse, kompetence_id: str | None = None) -> str:
    """The canonical name of a målbeskrivelse version, or of one of its competencies."""
    base = f"urn:uddprog:maalbeskrivelse:{_nøgle(mb)}"
    return base if kompetence_id is None else f"{base}:kompetence:{slug(kompetence_id) or kompetence_id}"


def identifikator(navn: str) -> str:
    """The CASE identifier of a canonical name: its UUID5 (URL namespace), the same on every run."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, navn))


def _tidspunkt(d: date) -> str:
    return f"{d.isoformat()}T00:00:00+00:00"


def _ændret(mb: Maalbeskrivelse) -> str:
    """When the version last changed, as CASE wants it: its version date, else the date it came into force."""
    return _tidspunkt(mb.versionsdato or mb.gyldig_fra)


class _Adresser:
    """URIs of CASE objects: the URN, or the provider's REST address when a base URL is given."""

    def __init__(self, base_url: str | None):
        self.base = base_url.rstrip("/") if base_url else None

    def uri(self, samling: str, navn: str) -> str:
        return f"{self.base}/ims/case/v1p1/{samling}/{identifikator(navn)}" if self.base else navn

    def link(self, samling: str, navn: str, titel: str, **ekstra) -> dict:
        return {"title": titel, "identifier": identifikator(navn), "uri": self.uri(samling, navn), **ekstra}


def _titel(mb: Maalbeskrivelse) -> str:
    return f"Målbeskrivelse for {mb.speciale}, {visningsnavn(mb.fase).lower()}, version {mb.version}"


def _noter(k) -> str:
    dele = [f"Lægeroller: {', '.join(f'{visningsnavn(r)} ({regler.CANMEDS[r]})' for r in k.roller)}.",
            f"Kompetencevurderingsmetode (obligatorisk): {', '.join(visningsnavn(m) for m in k.vurderingsmetoder)}.",
            f"Læringsstrategi (anbefalet): {', '.join(visningsnavn(s) for s in k.læringsstrategier)}."]
    if k.min_vurderinger:
        dele.append(f"Mindst {k.min_vurderinger} vurderinger.")
    if k.kompetencekort:
        dele.append("Kompetencekort: " + ", ".join(f"{c.id} {c.titel}" for c in k.kompetencekort) + ".")
    return " ".join(dele)


def _begreb_navn(rolle: Rolle) -> str:
    return f"urn:uddprog:laegerolle:{regler.CANMEDS[rolle].lower()}"


def case_pakke(mb: Maalbeskrivelse, forgænger: Maalbeskrivelse | None = None,
               efterfølger: Maalbeskrivelse | None = None, base_url: str | None = None) -> dict:
    """The CASE 1.1 CFPackage of one målbeskrivelse version, with its lineage to the neighbouring versions."""
    a = _Adresser(base_url)
    dok_navn = urn(mb)
    titel = _titel(mb)
    ændret = _ændret(mb)
    dok_link = a.link("CFDocuments", dok_navn, titel)
    dokument = {
        "identifier": dok_link["identifier"], "uri": dok_link["uri"], "caseVersion": CASE_VERSION,
        "creator": mb.udarbejdet_af, "title": titel, "lastChangeDateTime": ændret,
        "publisher": mb.godkendt_af, "description": (mb.beskrivelse or "").strip() or titel,
        "subject": [mb.speciale], "language": SPROG, "version": mb.version,
        "adoptionStatus": "Deprecated" if mb.udfaset else "Adopted",
        "statusStartDate": mb.gyldig_fra.isoformat(),
        "notes": f"Kilde: {mb.kilde}." + (" Indholdet er illustrativt og ikke den officielle målbeskrivelse."
                                          if mb.illustrativ else ""),
    }
    if mb.udfaset:
        dokument["statusEndDate"] = mb.udfaset.isoformat()

    elementer, forbindelser = [], []
    type_navn = "urn:uddprog:elementtype:kompetence"
    for nr, k in enumerate(mb.kompetencer, start=1):
        navn = urn(mb, k.id)
        elementer.append({
            "identifier": identifikator(navn), "uri": a.uri("CFItems", navn),
            "fullStatement": f"{k.titel}\n\n{k.konkretisering.strip()}", "abbreviatedStatement": k.titel,
            "humanCodingScheme": k.id, "listEnumeration": str(nr), "CFItemType": "Kompetence",
            "CFItemTypeURI": a.link("CFItemTypes", type_navn, "Kompetence"),
            "conceptKeywords": [regler.CANMEDS[r] for r in k.roller],
            "notes": _noter(k), "language": SPROG, "educationLevel": [visningsnavn(mb.fase)],
            "lastChangeDateTime": ændret,
        })
        forbindelser.append(_forbindelse(a, "isChildOf", navn, k.titel, "CFItem", dok_navn, titel, "CFDocument",
                                         ændret, nr))

    # Lineage: old competency replacedBy the new one, for each neighbouring version this package knows.
    for gammel, ny in ((forgænger, mb), (mb, efterfølger)):
        if gammel is None or ny is None:
            continue
        links, _ = kanter(gammel, ny)
        orden = {k.id: i for i, k in enumerate(ny.kompetencer)}
        gorden = {k.id: i for i, k in enumerate(gammel.kompetencer)}
        for g, n in sorted(links, key=lambda gn: (orden[gn[1]], gorden[gn[0]])):
            forbindelser.append(_forbindelse(a, "replacedBy", urn(gammel, g), gammel.kompetence(g).titel, "CFItem",
                                             urn(ny, n), ny.kompetence(n).titel, "CFItem", _ændret(ny)))
        forbindelser.append(_forbindelse(a, "replacedBy", urn(gammel), _titel(gammel), "CFDocument", urn(ny),
                                         _titel(ny), "CFDocument", _ændret(ny)))

    begreber = [{
        "identifier": identifikator(_begreb_navn(r)), "uri": a.uri("CFConcepts", _begreb_navn(r)),
        "title": visningsnavn(r), "keywords": f"CanMEDS {regler.CANMEDS[r]}", "hierarchyCode": regler.CANMEDS[r],
        "description": f"Lægerollen {visningsnavn(r)} ({regler.KILDE_LÆGEROLLER}); CanMEDS-kode "
                       f"{regler.CANMEDS[r]}.", "lastChangeDateTime": _tidspunkt(date(2013, 5, 3)),
    } for r in Rolle]
    typer = [{"identifier": identifikator(type_navn), "uri": a.uri("CFItemTypes", type_navn), "title": "Kompetence",
              "description": "Et mål i målbeskrivelsen: nummer og kompetence med konkretisering.",
              "hierarchyCode": "1", "typeCode": "kompetence", "lastChangeDateTime": _tidspunkt(date(2011, 1, 1))}]
    return {"CFDocument": dokument, "CFItems": elementer, "CFAssociations": forbindelser,
            "CFDefinitions": {"CFConcepts": begreber, "CFItemTypes": typer}}


def _forbindelse(a: _Adresser, art: str, fra: str, fra_titel: str, fra_type: str, til: str, til_titel: str,
                 til_type: str, ændret: str, nummer: int | None = None) -> dict:
    navn = f"urn:uddprog:forbindelse:{art}:{fra}>{til}"
    samling = {"CFItem": "CFItems", "CFDocument": "CFDocuments"}
    ud = {"identifier": identifikator(navn), "associationType": art, "uri": a.uri("CFAssociations", navn),
          "originNodeURI": a.link(samling[fra_type], fra, fra_titel, targetType="CASE"),
          "destinationNodeURI": a.link(samling[til_type], til, til_titel, targetType="CASE"),
          "lastChangeDateTime": ændret}
    if nummer is not None:
        ud["sequenceNumber"] = nummer
    return ud


def case_json(pakke: dict) -> str:
    """The package as the file is written: UTF-8 JSON, keys in the order built, two-space indent."""
    return json.dumps(pakke, ensure_ascii=False, indent=2) + "\n"


# --- Moodle -------------------------------------------------------------------------------

#: The columns of Moodle's competency-framework import (tool_lpimportcsv), in its order and English headers.
MOODLE_KOLONNER = ("Parent ID number", "ID number", "Short name", "Description", "Description format",
                   "Scale values", "Scale configuration", "Rule type (optional)", "Rule outcome (optional)",
                   "Rule config (optional)", "Cross-referenced competency ID numbers", "Exported ID (optional)",
                   "Is framework", "Taxonomy")
MOODLE_SKALA = "Ikke godkendt,Godkendt"
# scaleid is replaced by the importing site's own; value 2 (godkendt) is the default and proficient.
MOODLE_SKALAKONFIGURATION = json.dumps([{"scaleid": "1"}, {"id": 1, "scaledefault": 0, "proficient": 0},
                                        {"id": 2, "scaledefault": 1, "proficient": 1}], separators=(",", ":"))
FORMAT_HTML = "1"


def _moodle_id(mb: Maalbeskrivelse, kompetence_id: str | None = None) -> str:
    base = f"{slug(mb.speciale)}-{mb.fase}-{slug(mb.version) or mb.version}"
    return (base if kompetence_id is None else f"{base}-{slug(kompetence_id) or kompetence_id}")[:100]


def _moodle_beskrivelse(k) -> str:
    return (to_html(k.konkretisering) + "<p><strong>Lægeroller:</strong> "
            + ", ".join(f"{visningsnavn(r)} ({regler.CANMEDS[r]})" for r in k.roller) + "</p>"
            + "<p><strong>Kompetencevurderingsmetode (obligatorisk):</strong> "
            + ", ".join(visningsnavn(m) for m in k.vurderingsmetoder) + "</p>"
            + "<p><strong>Læringsstrategi (anbefalet):</strong> "
            + ", ".join(visningsnavn(s) for s in k.læringsstrategier) + "</p>")


def moodle_csv(mb: Maalbeskrivelse) -> str:
    """Moodle's competency-framework CSV: the framework row, then one row per competency (a flat tree)."""
    ud = io.StringIO()
    w = csv.writer(ud, lineterminator="\n")
    w.writerow(MOODLE_KOLONNER)
    tom = [""] * 3
    w.writerow(["", _moodle_id(mb), _titel(mb)[:100], to_html(mb.beskrivelse or _titel(mb)), FORMAT_HTML,
                MOODLE_SKALA, MOODLE_SKALAKONFIGURATION, *tom, "", "", "1", "competency"])
    for k in mb.kompetencer:
        kort = f"{k.id} {k.titel}"
        w.writerow(["", _moodle_id(mb, k.id), kort[:100], _moodle_beskrivelse(k), FORMAT_HTML, "", "", *tom,
                    "", "", "", ""])
    return ud.getvalue()


def naboer(versioner: Sequence[Maalbeskrivelse], mb: Maalbeskrivelse) -> tuple[Maalbeskrivelse | None,
                                                                                   Maalbeskrivelse | None]:
    """The versions just before and after ``mb`` among the specialty's and phase's versions (oldest first)."""
    i = next(i for i, v in enumerate(versioner) if v.version == mb.version)
    return (versioner[i - 1] if i > 0 else None), (versioner[i + 1] if i + 1 < len(versioner) else None)
