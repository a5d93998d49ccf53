"""The editable fields of a programme, and the record of them that the editable Word document carries.

Shared by the two ends of the round trip through Word: ``render.redigerbar`` makes the document, and
``importer.opdatering`` reads it back. A field is a path in the programme's YAML with a control kind and a
Danish label (:func:`felter`); the document's custom XML part records the source file and every field with
its value when the document was made (:func:`kildedel`, :func:`læs_kildedel`), and fingerprints of the
paragraphs uddprog generated (:func:`fingeraftryk`), so that text typed outside the fields can be told from
uddprog's own. Nothing here needs Word's libraries: the update import loads only this.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass, field, replace
from typing import Any

from .. import __version__
from ..markdown import xml_escape
from ..models import (
    Ansaettelsestype,
    Ansvarsrolle,
    Driftsregion,
    Maalbeskrivelse,
    NationalSkabelon,
    Uddannelsesprogram,
    visningsnavn,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = "urn:uddprog:redigerbar:1"
U = "{%s}" % NS
FORMAT = "1"
#: The tag of the locked controls around generated tables (their aliases begin with DANNET_ALIAS).
DANNET_TAG = "uddprog:dannet"
DANNET_ALIAS = "Dannet af uddprog"
#: Control kinds: rich text (Markdown), a plain-text note in place, and the form's plain text, date, drop-down.
ARTER = ("rig", "note", "tekst", "dato", "valg")
I_TEKSTEN = ("rig", "note")  # shown where the normal document shows them
JA_NEJ = (("true", "Ja"), ("false", "Nej"))


@dataclass(frozen=True)
class Felt:
    """One editable field: where it is in the YAML, how it is edited, and its value when the document was made."""

    nr: int
    sti: tuple                    # data path, e.g. ("ansættelser", 1, "beskrivelse")
    art: str                      # one of ARTER
    etiket: str                   # Danish label; unique, so it is also the control's title (w:alias)
    værdi: str                    # as text: Markdown, text, ISO date, vocabulary value, "true"/"false"; "" for none
    nøgler: tuple = ()            # per list index on the path, the item's identity (see ``nøgle``)
    påkrævet: bool = False        # the YAML field may not be empty
    gruppe: str = ""              # the form's heading the field stands under
    valgfri: bool = False         # the YAML key may be left out (an emptied field is removed)

    @property
    def tag(self) -> str:
        return sti_tekst(self.sti)

    @property
    def alias(self) -> str:
        return self.etiket

    @property
    def valg(self) -> tuple[tuple[str, str], ...]:
        return valgmuligheder(self.sti)


def sti_tekst(sti: tuple) -> str:
    """'ansættelser[1].beskrivelse': a path as people read it (and as the control's tag)."""
    ud = ""
    for d in sti:
        ud += f"[{d}]" if isinstance(d, int) else (f".{d}" if ud else str(d))
    return ud


def valgmuligheder(sti: tuple) -> tuple[tuple[str, str], ...]:
    """The drop-down's (value, Danish name) pairs for a vocabulary field; () for any other."""
    navn = sti[-1] if sti else ""
    if navn == "universitetshospital":
        return JA_NEJ
    enum = {"driftsregion": Driftsregion, "rolle": Ansvarsrolle,
            "type": Ansaettelsestype if sti[:1] == ("ansættelser",) else None}.get(navn)
    return tuple((str(v), visningsnavn(v)) for v in enum) if enum else ()


def som_tekst(værdi: Any) -> str:
    """A YAML value as the text a field holds."""
    if værdi is None:
        return ""
    if isinstance(værdi, bool):
        return "true" if værdi else "false"
    if isinstance(værdi, datetime.date):
        return værdi.isoformat()
    return str(værdi)


#: The identity of a list item, per list name: how the update import finds the item again when the YAML
#: changed since the document was made (at the same index if it is still the same item, else by this key).
_NØGLER = {
    "ansættelser": lambda x: _attr(x, "id"),
    "udarbejdet_af": lambda x: som_tekst(_attr(x, "rolle")),
    "vejledersamtaler": lambda x: som_tekst(_attr(x, "type")),
    "kompetenceplan": lambda x: f"{_attr(x, 'kompetence')}@{_attr(x, 'ansættelse')}",
    "kurser": lambda x: str(_attr(x, "kursus")),
    "fokuserede_ophold": lambda x: f"{_attr(x, 'ansættelse')}@{_attr(x, 'fra_måned')}",
}


def _attr(x: Any, navn: str) -> Any:
    return x.get(navn) if isinstance(x, dict) else getattr(x, navn, None)


def nøgle(liste: str, element: Any) -> str:
    """The identity of an item of the list ``liste`` (a model or the YAML's data)."""
    f = _NØGLER.get(liste)
    return str(f(element)) if f else ""


def _hent(rod: Any, trin: str | int) -> Any:
    if isinstance(trin, int):
        return rod[trin] if isinstance(rod, (list, tuple)) and 0 <= trin < len(rod) else _MANGLER
    if isinstance(rod, dict):
        return rod.get(trin)
    return getattr(rod, trin, None) if rod is not None else _MANGLER


_MANGLER = object()


def find_sti(rod: Any, felt: Felt) -> tuple | None:
    """The field's path in ``rod`` (a programme model or the YAML's data), following its list items by
    identity; None when an item on the path is no longer there."""
    ud: list = []
    nøgler = iter(felt.nøgler)
    node = rod
    for i, trin in enumerate(felt.sti):
        if isinstance(trin, int):
            ønsket = next(nøgler, None)
            liste = node if isinstance(node, (list, tuple)) else []
            navn = felt.sti[i - 1] if i else ""
            if not (0 <= trin < len(liste) and nøgle(navn, liste[trin]) == ønsket):
                kandidater = [j for j, x in enumerate(liste) if nøgle(navn, x) == ønsket]
                if len(kandidater) != 1:
                    return None
                trin = kandidater[0]
        elif node is None or node is _MANGLER:
            return None
        ud.append(trin)
        node = _hent(node, trin)
        if node is _MANGLER:
            return None
    return tuple(ud)


def værdi_ved(rod: Any, sti: tuple) -> Any:
    """The value at ``sti`` in a model or in data (None when absent)."""
    node = rod
    for trin in sti:
        node = _hent(node, trin)
        if node is _MANGLER or node is None:
            return None
    return node


def felter(program: Uddannelsesprogram, mb: Maalbeskrivelse, skabelon: NationalSkabelon,
           fælles: frozenset[str] = frozenset()) -> list[Felt]:
    """Every editable field of a programme, in document order within each part. Pure. The sections in
    ``fælles`` hold text from shared parts (programdele) and are no fields."""
    ud: list[Felt] = []

    def f(sti: tuple, art: str, etiket: str, gruppe: str, påkrævet: bool = False, valgfri: bool = False) -> None:
        nøgler = tuple(nøgle(sti[i - 1], værdi_ved(program, sti[:i + 1])) for i, t in enumerate(sti)
                       if isinstance(t, int))
        ud.append(Felt(len(ud) + 1, sti, art, etiket, som_tekst(værdi_ved(program, sti)), nøgler, påkrævet, gruppe,
                       valgfri))

    g = "Programmet"
    f(("titel",), "tekst", "Programmets titel", g, True)
    if isinstance(program.forløb, str):
        f(("forløb",), "tekst", "Forløbets navn", g, True)
    g = "Ansvar"
    for i, _ in enumerate(program.ansvar.udarbejdet_af):
        f(("ansvar", "udarbejdet_af", i, "navn"), "tekst", f"Forfatter {i + 1}: navn", g, True)
        f(("ansvar", "udarbejdet_af", i, "titel"), "tekst", f"Forfatter {i + 1}: titel", g, valgfri=True)
        f(("ansvar", "udarbejdet_af", i, "rolle"), "valg", f"Forfatter {i + 1}: rolle", g, True)
        f(("ansvar", "udarbejdet_af", i, "telefon"), "tekst", f"Forfatter {i + 1}: telefon", g, valgfri=True)
        f(("ansvar", "udarbejdet_af", i, "email"), "tekst", f"Forfatter {i + 1}: e-mail", g, valgfri=True)
    f(("ansvar", "godkendt_af"), "tekst", "Godkendt af", g, valgfri=True)
    f(("ansvar", "godkendt_dato"), "dato", "Godkendt den", g, valgfri=True)
    f(("ansvar", "næste_revision"), "dato", "Næste revision senest", g, valgfri=True)
    f(("ansvar", "kontakt"), "tekst", "Kontakt", g, valgfri=True)
    for i, a in enumerate(program.ansættelser):
        g = _kort(f"Ansættelse {i + 1}: {a.afdeling}, {a.sted}", 90)
        n = f"Ansættelse {i + 1}"
        f(("ansættelser", i, "sted"), "tekst", f"{n}: ansættelsessted", g, True)
        f(("ansættelser", i, "afdeling"), "tekst", f"{n}: afdeling", g, True)
        f(("ansættelser", i, "type"), "valg", f"{n}: slags sted", g, True)
        f(("ansættelser", i, "driftsregion"), "valg", f"{n}: driftsregion", g, True)
        f(("ansættelser", i, "universitetshospital"), "valg", f"{n}: universitetshospital", g, True)
        f(("ansættelser", i, "beskrivelse"), "rig", f"{n}: præsentation af stedet", g)
        for j, _ in enumerate(a.vejledersamtaler):
            f(("ansættelser", i, "vejledersamtaler", j, "bemærkning"), "note",
              f"{n}, samtale {j + 1}: bemærkning", g, valgfri=True)
    g = "Kompetenceplan, kurser og ophold"
    for k, p in enumerate(program.kompetenceplan):
        f(("kompetenceplan", k, "bemærkning"), "rig", f"Kompetenceplan, række {k + 1} (kompetence "
          f"{_kort(p.kompetence, 12)}): bemærkning", g, valgfri=True)
    for k, pk in enumerate(program.kurser):
        f(("kurser", k, "bemærkning"), "note", f"Kursus {k + 1} ({_kort(pk.kursus, 24)}): bemærkning", g,
          valgfri=True)
    for k, _ in enumerate(program.fokuserede_ophold):
        f(("fokuserede_ophold", k, "sted"), "tekst", f"Fokuseret ophold {k + 1}: sted", g, True)
        f(("fokuserede_ophold", k, "varighed"), "tekst", f"Fokuseret ophold {k + 1}: varighed", g, valgfri=True)
        f(("fokuserede_ophold", k, "formål"), "rig", f"Fokuseret ophold {k + 1}: formål", g)
    if program.forskningstræning is not None:
        f(("forskningstræning", "beskrivelse"), "rig", "Forskningstræning: beskrivelse", g, valgfri=True)
    g = "Afsnit"
    for s in skabelon.sektioner:
        if s.id in fælles:
            continue
        f(("sektioner", s.id), "rig", _kort(f"Afsnit: {s.titel}", 60), g, valgfri=True)
    return _entydige(ud)


def _kort(tekst: str, n: int) -> str:
    tekst = " ".join(str(tekst).split())
    return tekst if len(tekst) <= n else tekst[: n - 1] + "…"


def _entydige(ud: list[Felt]) -> list[Felt]:
    """Labels are the controls' titles, which must tell the fields apart (LibreOffice keeps no tag)."""
    set_: dict[str, int] = {}
    rettet = []
    for f in ud:
        n = set_.get(f.etiket, 0) + 1
        set_[f.etiket] = n
        rettet.append(f if n == 1 else replace(f, etiket=f"{f.etiket} ({n})"))
    return rettet


@dataclass(frozen=True)
class Kilde:
    """Which file, and which version of it, a document was made from."""

    fil: str            # path relative to the repository root (as git names it), '/'-separated
    sha256: str         # of the file's bytes
    commit: str = ""    # the last commit that changed the file, when the file is committed as it is


def normaliser(tekst: str) -> str:
    """A paragraph's text as fingerprints compare it: soft hyphens gone, whitespace collapsed."""
    return " ".join(tekst.replace("\u00ad", "").replace("\u00a0", " ").split())


def afsnit_uden_felter(p, felttest=None) -> str:
    """A paragraph's text without what stands in fields' controls inside it (tabs and breaks as spaces).
    ``felttest(sdt)`` tells a field's control (default :func:`er_felt`: by its tag, as uddprog writes them)."""
    felttest = felttest or er_felt
    dele = []
    for e in p.iter(W + "t", W + "tab", W + "br", W + "cr"):
        if any(felttest(s) for s in _sdt_mellem(e, p)):
            continue
        dele.append(e.text or "" if e.tag == W + "t" else " ")
    return "".join(dele)


def _sdt_mellem(e, p):
    """The controls between ``e`` and its paragraph ``p``."""
    for a in e.iterancestors():
        if a is p:
            return
        if a.tag == W + "sdt":
            yield a


def er_felt(s) -> bool:
    tag = s.find(f"{W}sdtPr/{W}tag")
    return tag is not None and tag.get(W + "val") != DANNET_TAG


def fingeraftryk_af(tekst: str) -> str:
    return hashlib.sha256(normaliser(tekst).encode("utf-8")).hexdigest()[:16]


def i_felt(el) -> bool:
    """Whether ``el`` lies inside a field's control (not a lock around generated content)."""
    return any(er_felt(a) for a in el.iterancestors(W + "sdt"))


def fingeraftryk(krop) -> list[str]:
    """Fingerprints of every generated paragraph (outside the fields' controls), sorted, each once."""
    set_ = set()
    for p in krop.iter(W + "p"):
        if i_felt(p):
            continue
        tekst = normaliser(afsnit_uden_felter(p))
        if tekst:
            set_.add(fingeraftryk_af(tekst))
    return sorted(set_)


def kildedel(kilde: Kilde, alle: list[Felt], dannet: list[str], slut: dict[int, str] | None = None) -> bytes:
    """The custom XML part: the source, every field with its value then, the generated paragraphs."""
    e = xml_escape
    felter_xml = "".join(
        f'<u:felt nr="{f.nr}" tag="{e(f.tag)}" sti="{e(json.dumps(list(f.sti), ensure_ascii=False))}" '
        f'noegler="{e(json.dumps(list(f.nøgler), ensure_ascii=False))}" art="{f.art}" alias="{e(f.alias)}" '
        f'paakraevet="{int(f.påkrævet)}" valgfri="{int(f.valgfri)}" gruppe="{e(f.gruppe)}"'
        f'{" slut=" + chr(34) + slut[f.nr] + chr(34) if slut and f.nr in slut else ""}>'
        f"<u:grundlag>{e(f.værdi)}</u:grundlag><u:vaerdi>{e(f.værdi)}</u:vaerdi></u:felt>"
        for f in alle)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<u:uddprog xmlns:u="{NS}" format="{FORMAT}">'
            f'<u:kilde fil="{e(kilde.fil)}" sha256="{kilde.sha256}" commit="{kilde.commit}" uddprog="{e(__version__)}"/>'
            f"<u:felter>{felter_xml}</u:felter><u:dannet>{' '.join(dannet)}</u:dannet></u:uddprog>").encode("utf-8")


@dataclass
class Kildedel:
    """The custom XML part as read back from a returned document."""

    kilde: Kilde
    format: str
    felter: list[Felt] = field(default_factory=list)
    dannet: frozenset[str] = frozenset()
    slut: dict[int, str] = field(default_factory=dict)  # per rich-text field: the generated paragraph after it


def læs_kildedel(rod) -> Kildedel | None:
    """The part written by :func:`kildedel` (an lxml element), or None when ``rod`` is another part."""
    if rod is None or rod.tag != U + "uddprog":
        return None
    k = rod.find(U + "kilde")
    if k is None:
        return None
    ud = Kildedel(Kilde(k.get("fil", ""), k.get("sha256", ""), k.get("commit", "")), rod.get("format", ""))
    for el in rod.iterfind(f"{U}felter/{U}felt"):
        try:
            sti = tuple(json.loads(el.get("sti", "[]")))
            nøgler = tuple(json.loads(el.get("noegler", "[]")))
            nr = int(el.get("nr", ""))
        except (ValueError, TypeError):
            continue
        grundlag = el.find(U + "grundlag")
        art = el.get("art", "")
        if art not in ARTER or not sti:
            continue
        if el.get("slut"):
            ud.slut[nr] = el.get("slut")
        ud.felter.append(Felt(nr, sti, art, el.get("alias", ""), (grundlag.text or "") if grundlag is not None else "",
                              nøgler, el.get("paakraevet") == "1", el.get("gruppe", ""), el.get("valgfri") == "1"))
    dannet = rod.find(U + "dannet")
    ud.dannet = frozenset((dannet.text or "").split()) if dannet is not None else frozenset()
    return ud
