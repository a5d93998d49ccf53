"""YAML text → plain data with the source position of every node; the one YAML reader of uddprog.

PyYAML's C composer gives every node its line and column at libyaml speed
(a national corpus is thousands of files). We build plain data from the node
graph ourselves instead of using a constructor so that we control exactly what
YAML may express: no Python object tags, no YAML 1.1 ``yes``/``no`` booleans,
no duplicate keys, bounded alias expansion. Problems become findings (check ids
L…) with ``file:line:column``.

Public for every module that reads YAML: the loader (documents), the surgical editor
(``yamlredigering``), ``migrate``, ``diff`` and the config read with :class:`Loader`,
:class:`Databygger` and :func:`læs_yaml`, so every one of them accepts and refuses the same YAML.
"""

from __future__ import annotations

import errno
import functools
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..fejl import UddprogFejl
from ..findings import Finding, Location, Severity
from ..rod import rod_for_mappe

try:
    from yaml import CSafeLoader as BasisLoader
except ImportError:  # pragma: no cover - libyaml missing; the pure Python composer gives the same nodes
    from yaml import SafeLoader as BasisLoader

_TAGCACHE: dict[tuple[str, tuple[bool, bool]], str] = {}
_TAGCACHE_MAKS = 50_000


_SKALARNODE = yaml.ScalarNode
_SEKVENSNODE, _AFBILDNINGSNODE = yaml.SequenceNode, yaml.MappingNode
_STR_TAG = "tag:yaml.org,2002:str"
_SEKVENS_TAG, _AFBILDNING_TAG = BasisLoader.DEFAULT_SEQUENCE_TAG, BasisLoader.DEFAULT_MAPPING_TAG
#: First characters for which the safe resolver has implicit types (bool, int, float, null, timestamp, …).
_FØRSTE_TEGN = frozenset(k for k in BasisLoader.yaml_implicit_resolvers if k)
assert None not in BasisLoader.yaml_implicit_resolvers and not BasisLoader.yaml_path_resolvers


class Loader(BasisLoader):  # type: ignore[valid-type,misc]
    """The safe loader with a memo of implicit scalar tags.

    libyaml composes in C but asks the Python resolver for the tag of every scalar (regular expressions
    per value); a corpus repeats the same keys and values thousands of times. Safe loaders have no path
    resolvers, so the tag depends on the value and its implicit flags only. The memo is bounded.
    """

    # No path resolvers (asserted above): the composer's calls for every node need not look for them.
    def descend_resolver(self, current_node, current_index):
        pass

    def ascend_resolver(self):
        pass

    def resolve(self, kind, value, implicit):
        if kind is _SEKVENSNODE:
            return _SEKVENS_TAG
        if kind is _AFBILDNINGSNODE:
            return _AFBILDNING_TAG
        if kind is _SKALARNODE:
            # Quoted and block scalars, and plain ones whose first character starts no implicit type
            # (most text), are always str: no regular expression and no memo needed.
            if not implicit[0] or (value and value[0] not in _FØRSTE_TEGN):
                return _STR_TAG
        if kind is not _SKALARNODE or len(value) > 80:  # long texts are unique: not worth keeping
            return super().resolve(kind, value, implicit)
        nøgle = (value, implicit)
        tag = _TAGCACHE.get(nøgle)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(_TAGCACHE) >= _TAGCACHE_MAKS:
                _TAGCACHE.clear()
            _TAGCACHE[nøgle] = tag
        return tag

Sti = tuple[str | int, ...]

MAKS_BYTES = 5 * 1024 * 1024
MAKS_NODER = 200_000
MAKS_DYBDE = 64
_HURTIG_TEGN = 256 * 1024

_T = "tag:yaml.org,2002:"
_SKALAR_TAGS = {_T + n for n in ("str", "int", "float", "bool", "null", "timestamp")}


class LoadError(UddprogFejl):
    """A file could not be read into a document; ``fund`` says why and where."""

    def __init__(self, fund: list[Finding]):
        super().__init__("; ".join(str(f) for f in fund))
        self.fund = fund


@dataclass(frozen=True)
class Positions:
    """Where each value (and each mapping key) stands in the source, by data path."""

    værdier: dict[Sti, tuple[int, int]]
    nøgler: dict[Sti, tuple[int, int]]

    def find(self, sti: Sti, nøgle: bool = False) -> tuple[int, int]:
        """The position of ``sti``, or of its nearest ancestor that exists in the file."""
        sti = tuple(sti)
        if nøgle and sti in self.nøgler:
            return self.nøgler[sti]
        while sti not in self.værdier and sti:
            sti = sti[:-1]
        return self.værdier.get(sti, (1, 1))


def fejl(check: str, besked: str, fil: Path, linje: int = 0, kolonne: int = 0) -> LoadError:
    return LoadError([Finding(check, Severity.ERROR, besked, Location(fil, linje, kolonne))])


def læs_tekst(fil: Path, data: bytes | None = None) -> str:
    """Read a file as UTF-8 text (a BOM is allowed), with a Danish error for each way it can fail.

    Only regular files are read (a named pipe would block forever, a device never ends), and a
    symbolic link whose target lies outside the repository is not followed: validating or
    rendering a programme must never read files the repository does not contain. ``data`` is the
    regular file's bytes when the caller has read them already (``fingeraftryk.læs_bytes``, for a
    cache key): they are not read twice.
    """
    fil = Path(fil)
    if data is not None:
        _tjek_symlink(fil)
        return _som_tekst(data, fil)
    try:
        tilstand = os.stat(fil).st_mode  # one system call for "is it a folder" and "is it a regular file"
        if stat.S_ISDIR(tilstand):
            raise fejl("L001", "Stien er en mappe, ikke en fil.", fil)
        _tjek_symlink(fil)
        # Checked before opening: opening a named pipe without a writer would block forever.
        if not stat.S_ISREG(tilstand):
            raise fejl("L001", "Stien er ikke en almindelig fil (men fx en enhed, en socket eller et navngivet rør).", fil)
        with fil.open("rb") as f:
            # Sized by the file: read(MAKS_BYTES + 1) allocates 5 MB for every file (a third of the
            # cost of reading a corpus). A file that grew since fstat is read on, up to the limit.
            kendt = min(os.fstat(f.fileno()).st_size, MAKS_BYTES)
            data = f.read(kendt + 1)
            if len(data) > kendt:
                data += f.read(MAKS_BYTES + 1 - len(data))
    except FileNotFoundError:
        raise fejl("L001", "Filen findes ikke." if not fil.is_symlink() else
                    "Filen er et symbolsk link til en fil der ikke findes.", fil) from None
    except PermissionError:
        raise fejl("L001", "Filen kan ikke læses: adgang nægtet.", fil) from None
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise fejl("L001", "Filen er et symbolsk link der peger på sig selv (en løkke af links).", fil) from None
        if e.errno == errno.EISDIR:
            raise fejl("L001", "Stien er en mappe, ikke en fil.", fil) from None
        raise fejl("L001", f"Filen kan ikke læses ({_dansk_oserror(e)}).", fil) from None
    return _som_tekst(data, fil)


def _som_tekst(data: bytes, fil: Path) -> str:
    if len(data) > MAKS_BYTES:
        raise fejl("L005", f"Filen er for stor (over {MAKS_BYTES // (1024 * 1024)} MB).", fil)
    if b"\x00" in data:
        linje, kolonne = _position(data, data.index(b"\x00"))
        raise fejl("L001", "Filen indeholder binære data (NUL-tegn) og er ikke en YAML-tekstfil.", fil, linje, kolonne)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        linje, kolonne = _position(data, e.start)
        raise fejl(
            "L001",
            f"Filen er ikke gemt som UTF-8 (byte 0x{data[e.start]:02x}). Gem den som UTF-8 i din editor.",
            fil, linje, kolonne,
        ) from None


@functools.lru_cache(maxsize=1024)
def link_under_rod(mappe: str, rod: str) -> bool:
    """Whether ``mappe`` or a folder between it and ``rod`` is a symbolic link (cached: one walk per folder)."""
    if mappe == rod or mappe == os.path.dirname(mappe):
        return False
    return os.path.islink(mappe) or link_under_rod(os.path.dirname(mappe), rod)


def _tjek_symlink(fil: Path) -> None:
    """Refuse a file reached through a symbolic link that leads out of its repository."""
    absolut_tekst = os.path.abspath(fil)
    mappe = os.path.dirname(absolut_tekst)
    rod_tekst = rod_for_mappe(mappe)
    # Only links at or below the repository root matter; the root itself may live behind a link.
    if absolut_tekst == rod_tekst or not (os.path.islink(absolut_tekst) or link_under_rod(mappe, rod_tekst)):
        return
    absolut, rod = Path(absolut_tekst), Path(rod_tekst)
    try:
        mål = absolut.resolve(strict=False)
        rod_mål = rod.resolve(strict=False)
    except (RuntimeError, OSError):  # Python 3.11 raises RuntimeError on a link loop
        raise fejl("L001", "Filen er et symbolsk link der peger på sig selv (en løkke af links).", fil) from None
    if not mål.is_relative_to(rod_mål):
        raise fejl(
            "L001",
            f"Filen er et symbolsk link der peger uden for repositoriet (til {mål}); uddprog følger ikke "
            f"sådanne links. Kopiér filen ind i {rod} i stedet.",
            fil,
        )


_OSFEJL = {
    errno.ENAMETOOLONG: "stien er for lang",
    errno.ENOTDIR: "en del af stien er ikke en mappe",
    errno.EIO: "ind-/uddatafejl på disken",
    errno.ENXIO: "enheden findes ikke",
    errno.EACCES: "adgang nægtet",
    errno.EPERM: "handlingen er ikke tilladt",
    errno.EINVAL: "ugyldigt filnavn",
}


def _dansk_oserror(e: OSError) -> str:
    return _OSFEJL.get(e.errno, f"systemfejl {e.errno}" if e.errno else type(e).__name__)


def _position_i_tekst(tekst: str, offset: int) -> tuple[int, int]:
    før = tekst[:offset]
    return før.count("\n") + 1, offset - (før.rfind("\n") + 1) + 1


def _position(data: bytes, offset: int) -> tuple[int, int]:
    før = data[:offset]
    return før.count(b"\n") + 1, offset - (før.rfind(b"\n") + 1) + 1


def læs_yaml(fil: Path, tekst: str | None = None) -> tuple[Any, Positions]:
    """Parse one YAML document into plain data plus the position of every node."""
    fil = Path(fil)
    if tekst is None:
        tekst = læs_tekst(fil)
    # The one-pass reader first. It does not recurse in C, so only size needs bounding: up to this many
    # characters a document builds in milliseconds, and one of more than MAKS_NODER values (a position
    # each) goes to the full reader, which refuses it; longer texts are measured first (kan_være_dyb).
    if len(tekst) <= _HURTIG_TEGN and (hurtigt := læs_hændelser(tekst)) is not None \
            and len(hurtigt[1].værdier) <= MAKS_NODER:
        return hurtigt
    try:
        if kan_være_dyb(tekst):
            _tjek_dybde(tekst, fil)
        rod = yaml.compose(tekst, Loader=Loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        problem = _oversæt_yamlfejl(e.problem or str(e), tekst, mark)
        linje, kolonne = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise fejl("L002", f"YAML-syntaksfejl: {problem}", fil, linje, kolonne) from None
    except yaml.reader.ReaderError as e:
        linje, kolonne = _position_i_tekst(tekst, e.position)
        tegn = f"U+{e.character:04X}" if isinstance(e.character, int) else repr(e.character)
        raise fejl("L002", f"Filen indeholder et kontroltegn ({tegn}) som YAML ikke tillader; slet det "
                            "(det kommer ofte med, når tekst kopieres fra Word eller e-mail).", fil, linje, kolonne) from None
    except yaml.YAMLError as e:
        raise fejl("L002", f"YAML-syntaksfejl: filen kan ikke læses ({type(e).__name__}).", fil) from None
    except RecursionError:
        raise fejl("L005", f"YAML-strukturen er for dybt indlejret (højst {MAKS_DYBDE} niveauer).", fil) from None
    if rod is None:
        raise fejl("L002", "Filen er tom.", fil, 1, 1)
    bygger = Databygger(fil)
    data = bygger.byg(rod, (), 0)
    return data, Positions(bygger.værdier, bygger.nøgler)


@dataclass(frozen=True)
class Kommentar:
    """A YAML comment: where its '#' stands (1-based) and its text after the '#', stripped."""

    linje: int
    kolonne: int
    tekst: str


def kommentarer(tekst: str, linjer_med: str | None = None) -> list[Kommentar]:
    """The comments of a YAML text, in order (only on lines containing ``linjer_med`` when given).

    A '#' is a comment only outside every token (a quoted or block scalar may hold '# …' as text), so
    the text is scanned with libyaml's tokenizer and each candidate is looked up among the tokens' spans.
    A text that does not scan has no comments we can be sure of: none are returned.
    """
    import bisect
    import re

    kandidater = []
    for nr, linje in enumerate(tekst.lstrip("\ufeff").split("\n"), start=1):
        if linjer_med is not None and linjer_med not in linje:
            continue
        kandidater += [(nr - 1, m.start()) for m in re.finditer(r"(?:^|(?<=[ \t]))#", linje)]
    if not kandidater:
        return []
    try:
        spænd = sorted(((t.start_mark.line, t.start_mark.column), (t.end_mark.line, t.end_mark.column))
                       for t in yaml.scan(tekst, Loader=Loader)
                       if (t.start_mark.line, t.start_mark.column) != (t.end_mark.line, t.end_mark.column))
    except (yaml.YAMLError, RecursionError, ValueError):
        return []
    starter = [a for a, _ in spænd]
    længst: list[tuple[int, int]] = []  # the furthest end among the spans starting at or before each one
    for _, b in spænd:
        længst.append(max(længst[-1], b) if længst else b)
    linjer = tekst.lstrip("\ufeff").split("\n")
    ud = []
    for pos in kandidater:
        i = bisect.bisect_right(starter, pos) - 1
        if i >= 0 and længst[i] > pos:
            continue  # inside a scalar: text, not a comment
        linje, kolonne = pos
        ud.append(Kommentar(linje + 1, kolonne + 1, linjer[linje][kolonne + 1:].strip()))
    return ud


#: Below this many structure characters a document can neither nest deeper than the C composer's
#: stack allows (it recursed past ~25,000 levels and crashed the process with a segmentation
#: fault) nor hold enough nodes to make composing slow; above it, ``_forhåndstjek`` runs first.
_SIKKER_STRUKTUR = 10_000


def kan_være_dyb(tekst: str) -> bool:
    """Cheap upper bound: every nesting level and every node needs one of these characters."""
    return sum(tekst.count(c) for c in "[{-?:,\n") > _SIKKER_STRUKTUR


def _tjek_dybde(tekst: str, fil: Path) -> None:
    """Measure nesting and size with libyaml's event parser (which does not recurse) before composing.

    Stops at the first node too deep or too many, so a 4 MB flow list of a million numbers is
    refused in a fraction of a second instead of being composed in full.
    """
    dybde = noder = 0
    for hændelse in yaml.parse(tekst, Loader=Loader):
        if isinstance(hændelse, yaml.NodeEvent):
            noder += 1
            if noder > MAKS_NODER:
                m = hændelse.start_mark
                raise fejl("L005", f"Dokumentet har over {MAKS_NODER:,} værdier.".replace(",", "."),
                            fil, m.line + 1, m.column + 1)
        if isinstance(hændelse, yaml.CollectionStartEvent):
            dybde += 1
            if dybde > MAKS_DYBDE:
                m = hændelse.start_mark
                raise fejl("L005", f"YAML-strukturen er for dybt indlejret (højst {MAKS_DYBDE} niveauer).",
                            fil, m.line + 1, m.column + 1)
        elif isinstance(hændelse, yaml.CollectionEndEvent):
            dybde -= 1


_YAMLFEJL = [  # libyaml's problem text → what a non-programmer can act on
    ("mapping values are not allowed", "et kolon efterfulgt af mellemrum står midt i en værdi; sæt værdien i anførselstegn"),
    ("mapping keys are not allowed", "et spørgsmålstegn efterfulgt af mellemrum står midt i en værdi; sæt værdien i anførselstegn"),
    ("block sequence entries are not allowed", "en listelinje ('- ') står hvor den ikke må; ret indrykningen eller sæt værdien i anførselstegn"),
    ("could not find expected ':'", "der mangler et kolon efter en nøgle"),
    ("found undefined alias", "et alias (*navn) henviser til et anker (&navn) der ikke findes"),
    ("but found another document", "filen indeholder flere YAML-dokumenter (---); der må kun være ét"),
    ("found unexpected end of stream", "filen slutter midt i en værdi (mangler et afsluttende anførselstegn?)"),
    ("did not find expected key", "indrykningen passer ikke; elementer på samme niveau skal stå lige under hinanden"),
    ("did not find expected '-' indicator", "indrykningen i en liste passer ikke"),
    ("did not find expected ',' or ']'", "en liste i kantede parenteser [ ] mangler et komma eller den afsluttende ']'"),
    ("did not find expected ',' or '}'", "en afbildning i krøllede parenteser { } mangler et komma eller den afsluttende '}'"),
    ("did not find expected comment or line break", "der står mere tekst efter en afsluttet værdi på samme linje; sæt hele værdien i anførselstegn"),
    ("did not find expected <document start>", "en linje passer ikke ind i dokumentets struktur; tjek indrykningen og kolonet på linjen"),
    ("did not find expected <document end>", "en linje passer ikke ind i dokumentets struktur; tjek indrykningen"),
    ("found duplicate anchor", "det samme anker (&navn) er defineret to gange"),
    ("did not find expected node content", "der mangler en værdi"),
    ("found unknown escape character", "ukendt escape-sekvens med \\ i en tekst i dobbelte anførselstegn; brug enkelte anførselstegn"),
    ("found unknown directive", "ukendt direktiv (en linje der begynder med '%'); slet linjen"),
    ("directive", "et direktiv (en linje der begynder med '%') er ugyldigt; slet linjen"),
    ("found incompatible YAML document", "filen angiver en YAML-version der ikke understøttes (%YAML); slet linjen"),
    ("found a tab character", "tabulatortegn må ikke bruges til indrykning; brug mellemrum"),
    ("alphabetic or numeric character", "et anker (&navn) eller alias (*navn) skal have et navn af bogstaver og tal; "
                                        "sæt værdien i anførselstegn, hvis & eller * skal stå i teksten"),
    ("did not find expected whitespace or line break", "der mangler et mellemrum efter et specialtegn; sæt værdien i anførselstegn"),
    ("tag", "et YAML-mærke (!navn) er ugyldigt; sæt værdien i anførselstegn, hvis ! skal stå i teksten"),
    ("URI", "et YAML-mærke (!navn) er ugyldigt; sæt værdien i anførselstegn, hvis ! skal stå i teksten"),
    ("hexdecimal number", "en escape-sekvens (\\x, \\u) i en tekst i dobbelte anførselstegn er ugyldig"),
    ("Unicode character escape", "en escape-sekvens (\\u) i en tekst i dobbelte anførselstegn er ugyldig"),
    ("indentation indicator", "indrykningsangivelsen efter '|' eller '>' er ugyldig"),
    ("document indicator", "'---' eller '...' står midt i en tekst; sæt teksten i anførselstegn"),
    ("could not find expected", "en værdi er ikke afsluttet; tjek anførselstegn og parenteser"),
]


def _oversæt_yamlfejl(problem: str, tekst: str, mark) -> str:
    if "cannot start any token" in problem and mark is not None:
        linjer = tekst.splitlines()
        tegn = linjer[mark.line][mark.column:mark.column + 1] if mark.line < len(linjer) else ""
        if tegn == "\t":
            return "tabulatortegn må ikke bruges til indrykning; brug mellemrum"
        return f"tegnet '{tegn}' kan ikke stå først i en værdi; sæt værdien i anførselstegn"
    for mønster, dansk in _YAMLFEJL:
        if mønster in problem:
            return dansk
    # An unknown libyaml message: say what to check in Danish rather than show English.
    return "strukturen kan ikke læses her; tjek indrykning, kolon, bindestreger og anførselstegn omkring stedet"


# Tags as constants: the builder compares them for every node of a national batch.
_MAP, _SEQ, _STR, _TIMESTAMP, _NULL, _BOOL, _INT, _MERGE = (
    _T + n for n in ("map", "seq", "str", "timestamp", "null", "bool", "int", "merge"))


class Databygger:
    """Turns a composed node graph into dicts, lists and scalars, recording positions."""

    def __init__(self, fil: Path):
        self.fil = fil
        self.værdier: dict[Sti, tuple[int, int]] = {}
        self.nøgler: dict[Sti, tuple[int, int]] = {}
        self.noder = 0

    def _fejl(self, check: str, besked: str, node: yaml.Node) -> LoadError:
        m = node.start_mark
        return fejl(check, besked, self.fil, m.line + 1, m.column + 1)

    def byg(self, node: yaml.Node, sti: Sti, dybde: int) -> Any:
        self.noder += 1
        if self.noder > MAKS_NODER:
            raise self._fejl("L005", f"Dokumentet folder sig ud til over {MAKS_NODER:,} værdier (ankre og aliaser?).".replace(",", "."), node)
        if dybde > MAKS_DYBDE:
            raise self._fejl("L005", f"YAML-strukturen er for dybt indlejret (højst {MAKS_DYBDE} niveauer).", node)
        mark = node.start_mark
        self.værdier.setdefault(sti, (mark.line + 1, mark.column + 1))
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _STR:  # the common case first
                return node.value
            return self._skalar(node)
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP:
                raise self._forbudt_tag(node)
            return self._afbildning(node, sti, dybde)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                raise self._forbudt_tag(node)
            return [self.byg(barn, sti + (i,), dybde + 1) for i, barn in enumerate(node.value)]
        return self._skalar(node)

    def _afbildning(self, node: yaml.MappingNode, sti: Sti, dybde: int) -> dict:
        ud: dict[str, Any] = {}
        for nøglenode, værdinode in node.value:
            if nøglenode.tag == _MERGE:
                raise self._fejl("L003", "YAML-fletning ('<<') understøttes ikke; skriv felterne ud.", nøglenode)
            if not isinstance(nøglenode, yaml.ScalarNode):
                raise self._fejl("L002", "En nøgle skal være en enkel tekst, ikke en liste eller afbildning.", nøglenode)
            nøgle = nøglenode.value if nøglenode.tag == _STR else str(self._skalar(nøglenode))
            barnesti = sti + (nøgle,)
            if nøgle in ud:
                linje = self.nøgler[barnesti][0]
                raise self._fejl("L004", f"Nøglen '{nøgle}' står to gange (første gang på linje {linje}).", nøglenode)
            mark = nøglenode.start_mark
            self.nøgler[barnesti] = (mark.line + 1, mark.column + 1)
            ud[nøgle] = self.byg(værdinode, barnesti, dybde + 1)
        return ud

    def _skalar(self, node: yaml.ScalarNode) -> Any:
        tag, v = node.tag, node.value
        if tag not in _SKALAR_TAGS:
            raise self._forbudt_tag(node)
        if tag == _STR or tag == _TIMESTAMP:
            return v  # dates stay text; the models parse them strictly as ÅÅÅÅ-MM-DD
        if tag == _NULL:
            return None
        if tag == _BOOL:
            # YAML 1.1 also reads yes/no/on/off as booleans; Danish text must not turn into True.
            return {"true": True, "false": False}.get(v.lower(), v)
        try:
            if tag == _INT:
                if v.isascii() and v.isdigit() and (v[0] != "0" or v == "0"):
                    return int(v)  # the common case; YAML 1.1 octal, hex, '_' and sexagesimal go below
                return yaml.constructor.SafeConstructor.construct_yaml_int(_KONSTRUKTØR, node)
            return yaml.constructor.SafeConstructor.construct_yaml_float(_KONSTRUKTØR, node)
        except (ValueError, yaml.YAMLError):
            return v

    def _forbudt_tag(self, node: yaml.Node) -> LoadError:
        return self._fejl(
            "L003",
            f"YAML-mærket '{node.tag}' er ikke tilladt; kun almindelige tekster, tal, lister og afbildninger.",
            node,
        )


_KONSTRUKTØR = yaml.constructor.SafeConstructor()


class _Afbrudt(Exception):
    """Something the fast reader does not handle; compose the whole file instead."""


_RESOLVER = Loader("")


def læs_nøgler(tekst: str, nøgler: frozenset[str], sidste_linje: int | None) -> tuple[dict, Positions] | None:
    """The wanted top-level keys as data with positions, or None to fall back to the full reader."""
    data: dict = {}
    værdier: dict[Sti, tuple[int, int]] = {(): (1, 1)}
    nøglepos: dict[Sti, tuple[int, int]] = {}
    try:
        hændelser = yaml.parse(tekst, Loader=Loader)
        sidste = None

        def nxt():  # the next event, remembered: the last one consumed ends the value just built
            nonlocal sidste
            sidste = next(hændelser)
            return sidste

        for e in hændelser:
            if isinstance(e, yaml.MappingStartEvent):
                if e.tag is not None or e.anchor is not None:
                    return None
                værdier[()] = (e.start_mark.line + 1, e.start_mark.column + 1)
                break
            if not isinstance(e, (yaml.StreamStartEvent, yaml.DocumentStartEvent)):
                return None
        else:
            return None
        while len(data) < len(nøgler):
            k = next(hændelser)
            if isinstance(k, yaml.MappingEndEvent):
                return None  # a wanted key is missing: the full reader says so with the right position
            nøgle = _nøgle(k)
            if nøgle in nøgler:
                if nøgle in data:
                    return None  # duplicate: the full reader reports it with both lines
                nøglepos[(nøgle,)] = (k.start_mark.line + 1, k.start_mark.column + 1)
                data[nøgle] = _byg(nxt, nxt(), (nøgle,), værdier, nøglepos, 1)
                if sidste_linje is not None and sidste.end_mark.line >= sidste_linje:
                    return None  # may be cut off by the excerpt
            else:
                spring_over(next(hændelser), hændelser)
    except (yaml.YAMLError, StopIteration, RecursionError, ValueError, _Afbrudt):
        return None
    return data, Positions(værdier, nøglepos)


_SKALARER = Databygger(Path(""))  # converts non-text scalars exactly as the full reader does


_SKALARHÆNDELSE, _AFBILDNINGSSTART, _AFBILDNINGSSLUT, _SEKVENSSTART, _SEKVENSSLUT = (
    yaml.ScalarEvent, yaml.MappingStartEvent, yaml.MappingEndEvent, yaml.SequenceStartEvent, yaml.SequenceEndEvent)


def _nøgle(k) -> str:
    if k.__class__ is not _SKALARHÆNDELSE or k.tag is not None or k.anchor is not None:
        raise _Afbrudt
    v = k.value
    if k.implicit[0] and (not v or v[0] in _FØRSTE_TEGN) and _RESOLVER.resolve(_SKALARNODE, v, k.implicit) != _STR:
        raise _Afbrudt  # numbers, booleans, merge keys as keys: the full reader's conversions apply
    return v


_IKKE_TEKST: dict[str, Any] = {}


def _ikke_tekst(e) -> Any:
    """A plain scalar that may be something else than text (a number, a boolean, null), converted as
    Databygger converts it. Memoised by its text, as the tags are in Loader: the result is immutable, and
    a corpus repeats its numbers thousands of times. A tag Databygger refuses (a value '<<' or '=') goes
    to the full reader, which says where."""
    v = e.value
    ud = _IKKE_TEKST.get(v, _IKKE_TEKST)
    if ud is not _IKKE_TEKST:
        return ud
    tag = _RESOLVER.resolve(_SKALARNODE, v, e.implicit)
    if tag not in _SKALAR_TAGS:
        raise _Afbrudt
    ud = v if tag == _STR else _SKALARER._skalar(yaml.ScalarNode(tag, v, e.start_mark, e.end_mark))
    if len(v) <= 80:  # long texts are unique: not worth keeping
        if len(_IKKE_TEKST) >= _TAGCACHE_MAKS:
            _IKKE_TEKST.clear()
        _IKKE_TEKST[v] = ud
    return ud


def _byg(nxt, e, sti: Sti, værdier: dict, nøglepos: dict, dybde: int) -> Any:
    """The value of the node that starts with event ``e`` (its later events from ``nxt()``), exactly as
    Databygger builds it from the composed node, with the same positions. Raises _Afbrudt on what only
    the full reader handles: anchors, aliases, tags, keys that are not text, duplicate keys, depth (one
    level early: handing over is always safe). A scalar child is built in its parent's loop, without a
    call of its own: most nodes are scalars."""
    klasse = e.__class__
    if e.anchor is not None or e.tag is not None or dybde >= MAKS_DYBDE or klasse is yaml.AliasEvent:
        raise _Afbrudt
    m = e.start_mark
    værdier[sti] = (m.line + 1, m.column + 1)  # each path once: without aliases no node is built twice
    if klasse is _SKALARHÆNDELSE:
        v = e.value
        # quoted, block and most plain scalars are text; the rest get the resolver's tag
        return v if not e.implicit[0] or (v and v[0] not in _FØRSTE_TEGN) else _ikke_tekst(e)
    dybde += 1
    if klasse is _AFBILDNINGSSTART:
        afb: dict = {}
        while True:
            k = nxt()
            if k.__class__ is not _SKALARHÆNDELSE:
                if k.__class__ is _AFBILDNINGSSLUT:
                    return afb
                raise _Afbrudt  # a list or mapping as key
            nøgle = k.value
            if (k.tag is not None or k.anchor is not None or nøgle in afb
                    or k.implicit[0] and (not nøgle or nøgle[0] in _FØRSTE_TEGN)
                    and _RESOLVER.resolve(_SKALARNODE, nøgle, k.implicit) != _STR):
                raise _Afbrudt  # a tagged, anchored, duplicate or non-text key: the full reader says what
            barnesti = sti + (nøgle,)
            m = k.start_mark
            nøglepos[barnesti] = (m.line + 1, m.column + 1)
            b = nxt()
            if b.__class__ is _SKALARHÆNDELSE and b.anchor is None and b.tag is None:
                m = b.start_mark
                værdier[barnesti] = (m.line + 1, m.column + 1)
                v = b.value
                afb[nøgle] = v if not b.implicit[0] or (v and v[0] not in _FØRSTE_TEGN) else _ikke_tekst(b)
            else:
                afb[nøgle] = _byg(nxt, b, barnesti, værdier, nøglepos, dybde)
    if klasse is _SEKVENSSTART:
        ud: list = []
        while True:
            b = nxt()
            if b.__class__ is _SKALARHÆNDELSE and b.anchor is None and b.tag is None:
                m = b.start_mark
                værdier[sti + (len(ud),)] = (m.line + 1, m.column + 1)
                v = b.value
                ud.append(v if not b.implicit[0] or (v and v[0] not in _FØRSTE_TEGN) else _ikke_tekst(b))
            elif b.__class__ is _SEKVENSSLUT:
                return ud
            else:
                ud.append(_byg(nxt, b, sti + (len(ud),), værdier, nøglepos, dybde))
    raise _Afbrudt


def læs_hændelser(tekst: str) -> tuple[Any, Positions] | None:
    """One pass from libyaml's events to data and positions, without the node graph (a third less work
    than composing and building). None for a document the full reader must see: anchors, tags, keys that
    are not text, duplicate keys, deep nesting, syntax errors, no or several documents. That reader then
    gives the same data or the finding, so the two can never disagree on a document both read."""
    værdier: dict[Sti, tuple[int, int]] = {}
    nøglepos: dict[Sti, tuple[int, int]] = {}
    try:
        læser = Loader(tekst)
        try:
            nxt = læser.get_event
            if nxt().__class__ is not yaml.StreamStartEvent or nxt().__class__ is not yaml.DocumentStartEvent:
                return None
            data = _byg(nxt, nxt(), (), værdier, nøglepos, 0)
            if nxt().__class__ is not yaml.DocumentEndEvent or nxt().__class__ is not yaml.StreamEndEvent:
                return None
        finally:
            læser.dispose()
    except (yaml.YAMLError, RecursionError, ValueError, _Afbrudt):
        return None
    return data, Positions(værdier, nøglepos)


def spring_over(e, hændelser) -> None:
    """Consume the events of the value that starts with ``e`` (a scalar or alias has none left)."""
    if isinstance(e, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
        dybde = 1
        while dybde:
            e = next(hændelser)
            if isinstance(e, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                dybde += 1
            elif isinstance(e, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                dybde -= 1
