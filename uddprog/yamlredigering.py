"""Surgical edits of YAML text: change a few values, keep every other byte.

A revision of a programme must not reformat it: comments, key order, quoting, flow or
block style, blank lines and line endings are the author's. So nothing is dumped again.
The text is composed once into PyYAML's node graph (every node knows its character
offsets), each edit is located by its data path (``("kompetenceplan", 3, "kompetence")``)
and becomes a splice of the original text, and the splices are applied from the end so
earlier offsets stay valid (pre-commit's ``yaml_rewrite`` does the same). Each edit also
says what it does to the data; after splicing, the result is composed again and must give
exactly that data, or :class:`RedigeringsFejl` is raised and nothing is written.

The module knows nothing about programmes: paths, values and YAML only.
"""

from __future__ import annotations

import copy
import datetime
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .fejl import UddprogFejl
from .loading.yamlfil import Databygger, Loader, LoadError

Sti = tuple[str | int, ...]


class RedigeringsFejl(UddprogFejl):
    """An edit that cannot be made safely in this text (the message is Danish)."""


@dataclass(frozen=True)
class Splejsning:
    """Replace ``tekst[start:slut]`` by ``ny``."""

    start: int
    slut: int
    ny: str


@dataclass
class _Op:
    splejsning: Splejsning
    data: Callable[[Any], None]  # applies the same change to the expected data
    nr: int
    mærke: Any = None  # the caller's tag, e.g. the change id it carries out
    dybde: int = 0  # at one offset, text for deeper paths comes first (a new key of an item before a new item)


@dataclass(frozen=True)
class Redigeringsresultat:
    tekst: str
    #: per edit, in text order: the caller's tag and the offset where the edit stands in the new text
    steder: tuple[tuple[Any, int], ...]
    data: Any = field(repr=False, default=None)
    _skift: tuple[tuple[int, int, int], ...] = field(repr=False, default=())  # (start, end, length change)

    def flyt(self, index: int) -> int:
        """Where offset ``index`` of the old text stands in the new text."""
        ny = index
        for start, slut, delta in self._skift:
            if slut <= index and not (start == slut == index):
                ny += delta
            elif start < index < slut:
                return start + (ny - index)
        return ny

    def linje(self, index: int) -> int:
        """The 1-based line of an offset in the new text."""
        return self.tekst.count("\n", 0, index) + 1


def _komponer(tekst: str, loader) -> yaml.Node:
    try:
        rod = yaml.compose(tekst, Loader=loader)
    except yaml.YAMLError as e:
        raise RedigeringsFejl(f"YAML-teksten kan ikke læses ({type(e).__name__}).") from None
    if rod is None:
        raise RedigeringsFejl("YAML-teksten er tom.")
    return rod


def _data(rod: yaml.Node) -> Any:
    try:
        return Databygger(Path("<redigering>")).byg(rod, (), 0)
    except LoadError as e:
        raise RedigeringsFejl(f"YAML-teksten kan ikke læses ({e.fund[0].besked})") from None


class YamlRedigering:
    """Collects edits of one YAML text addressed by data paths of the *original* text."""

    def __init__(self, tekst: str, loader=Loader):
        self.tekst = tekst
        self.loader = loader
        self.rod = _komponer(tekst, loader)
        self.data = _data(self.rod)
        self.linjeskift = "\r\n" if "\r\n" in tekst else "\n"
        self._noder: dict[Sti, tuple[yaml.Node | None, yaml.Node, yaml.Node | None]] = {}
        self._indeks(self.rod, (), None, None)
        self._ops: list[_Op] = []

    # --- the node graph ----------------------------------------------------------------

    def _indeks(self, node, sti: Sti, nøgle, forælder) -> None:
        self._noder[sti] = (nøgle, node, forælder)
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                self._indeks(v, sti + (k.value,), k, node)
        elif isinstance(node, yaml.SequenceNode):
            for i, v in enumerate(node.value):
                self._indeks(v, sti + (i,), None, node)

    def findes(self, sti: Sti) -> bool:
        return tuple(sti) in self._noder

    def start(self, sti: Sti) -> int:
        """Where the text of ``sti`` starts: its key in a mapping, else its value (offset in the text)."""
        try:
            nøgle, node, _ = self._noder[tuple(sti)]
        except KeyError:
            raise RedigeringsFejl(f"Stien {_vis(sti)} findes ikke i filen.") from None
        return (nøgle or node).start_mark.index

    def node(self, sti: Sti) -> yaml.Node:
        try:
            return self._noder[tuple(sti)][1]
        except KeyError:
            raise RedigeringsFejl(f"Stien {_vis(sti)} findes ikke i filen.") from None

    def _slut(self, node: yaml.Node) -> int:
        """Where a node's own text ends (a block collection's end mark lies after following comments)."""
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style and node.value:
            sidste = node.value[-1]
            return self._slut(sidste[1] if isinstance(node, yaml.MappingNode) else sidste)
        return node.end_mark.index

    def _linjestart(self, pos: int) -> int:
        return self.tekst.rfind("\n", 0, pos) + 1

    def _linjeslut(self, pos: int) -> int:
        """The start of the line after ``pos``'s line, if only blanks or a comment follow ``pos`` there."""
        t = self.tekst
        if pos > 0 and t[pos - 1] == "\n":
            return pos  # a block scalar ends with its line break
        nl = t.find("\n", pos)
        rest = t[pos: len(t) if nl < 0 else nl].rstrip("\r")
        if rest.strip() and not rest.lstrip().startswith("#"):
            raise RedigeringsFejl(f"Linje {t.count(chr(10), 0, pos) + 1} indeholder mere end ét element; "
                                  "kan ikke redigeres sikkert.")
        return len(t) if nl < 0 else nl + 1

    def _i_flow(self, sti: Sti) -> bool:
        """Whether the node at ``sti`` stands inside a flow collection (plain scalars may not hold ,[]{})."""
        sti = tuple(sti)
        while sti:
            _, _, forælder = self._noder[sti]
            if forælder is not None and forælder.flow_style:
                return True
            sti = sti[:-1]
        return False

    def _op(self, start: int, slut: int, ny: str, data: Callable[[Any], None], mærke: Any, dybde: int = 0) -> None:
        self._ops.append(_Op(Splejsning(start, slut, ny), data, len(self._ops), mærke, dybde))

    # --- edits --------------------------------------------------------------------------

    def sæt(self, sti: Sti, værdi: Any, mærke: Any = None) -> None:
        """Replace the value at ``sti`` (a scalar keeps its quoting where the new value allows it)."""
        sti = tuple(sti)
        node = self.node(sti)
        if isinstance(node, yaml.ScalarNode):
            if node.style in ("|", ">"):
                ny = self._ny_bloktekst(node, værdi, sti)
            elif (isinstance(værdi, str) and "\n" in værdi.rstrip("\n") and not self._i_flow(sti)
                  and (blok := self._som_bloktekst(sti, værdi)) is not None):
                ny = blok  # several lines in block context: a literal block reads better than "…\n…"
            else:
                ny = skalar(værdi, node.style or "", self._i_flow(sti), self.loader)
        else:
            if not node.flow_style:
                raise RedigeringsFejl(f"{_vis(sti)} er skrevet i blokform; den erstattes ikke automatisk.")
            ny = flow(værdi, self.loader)
        self._op(node.start_mark.index, node.end_mark.index, ny, _sætter(sti, værdi), mærke)

    def _ny_bloktekst(self, node: yaml.ScalarNode, værdi: Any, sti: Sti) -> str:
        """A block scalar's new text: same style (``|`` or ``>``), indentation, header comment and trailing
        blank lines; the chomping indicator follows the value's final line breaks. Where the style cannot
        carry the value exactly (a folded text with indented lines), a literal block, else a quoted scalar."""
        gammel = self.tekst[node.start_mark.index:node.end_mark.index]
        hoved, _, rest = gammel.partition("\n")
        m = re.match(r"([|>])([-+0-9]*)(.*)$", hoved.rstrip("\r"))
        linjer = rest.split("\n")
        indhold = [l for l in linjer if l.strip()]
        if not isinstance(værdi, str) or m is None or not indhold:
            return skalar(værdi, "", False, self.loader)
        indrykning = min(len(l) - len(l.lstrip(" ")) for l in indhold)
        sidste = max(i for i, l in enumerate(linjer) if l.strip())
        # What follows the last content line (its line break, blank lines) stays as it is.
        hale = gammel[len(hoved) + 1 + sum(len(l) + 1 for l in linjer[:sidste]) + len(linjer[sidste].rstrip("\r")):]
        for stil in dict.fromkeys((m.group(1), "|")):
            ny = _bloktekst(værdi, stil, indrykning, m.group(3), self.linjeskift, self.loader)
            if ny is not None:
                krop, keep = ny
                return krop + (self.linjeskift * keep if keep else hale)
        return skalar(værdi, "", False, self.loader) + hale

    def _som_bloktekst(self, sti: Sti, værdi: str) -> str | None:
        """A plain or quoted scalar about to hold several lines, as a literal block (None when it cannot be)."""
        nøgle, node, forælder = self._noder[sti]
        if nøgle is None or forælder is None or forælder.flow_style:
            return None
        slut = self.tekst.find("\n", node.end_mark.index)
        if self.tekst[node.end_mark.index: len(self.tekst) if slut < 0 else slut].strip():
            return None  # a comment after the value would end up inside the block
        ny = _bloktekst(værdi, "|", nøgle.start_mark.column + 2, "", self.linjeskift, self.loader)
        if ny is None or ny[1]:
            return None
        return ny[0]

    def slet(self, sti: Sti, mærke: Any = None) -> None:
        """Delete a sequence item or a mapping key with its value."""
        sti = tuple(sti)
        if not sti:
            raise RedigeringsFejl("Hele dokumentet kan ikke slettes.")
        nøgle, node, forælder = self._noder.get(sti, (None, None, None))
        if node is None:
            raise RedigeringsFejl(f"Stien {_vis(sti)} findes ikke i filen.")
        start = nøgle.start_mark.index if nøgle is not None else node.start_mark.index
        søskende = forælder.value
        nr = next(i for i, s in enumerate(søskende) if (s[1] if nøgle is not None else s) is node)
        if forælder.flow_style:
            if len(søskende) == 1:
                åbning = forælder.start_mark.index + 1
                self._op(åbning, forælder.end_mark.index - 1, "", _sletter(sti), mærke)
                return
            if nr > 0:  # from the end of the previous item: ", item"
                forrige = søskende[nr - 1]
                start = (forrige[1] if nøgle is not None else forrige).end_mark.index
                slut = node.end_mark.index
            else:  # up to the start of the next item: "item, "
                næste = søskende[1]
                slut = (næste[0] if nøgle is not None else næste).start_mark.index
            self._op(start, slut, "", _sletter(sti), mærke)
            return
        if len(søskende) == 1:
            raise RedigeringsFejl(f"{_vis(sti)} er det eneste element i sin liste eller afbildning; "
                                  "den tomme blok kan ikke skrives uden at ændre strukturen.")
        linjestart = self._linjestart(start)
        foran = self.tekst[linjestart:start]
        if nøgle is None:
            streg = _streg_før(self.tekst, start)
            if streg is None:
                raise RedigeringsFejl(f"{_vis(sti)}: listens '-' er ikke fundet; kan ikke slettes sikkert.")
            linjestart = self._linjestart(streg)
            foran = self.tekst[linjestart:streg]
        if foran.strip():
            raise RedigeringsFejl(f"{_vis(sti)} står på samme linje som andet indhold; kan ikke slettes sikkert.")
        self._op(linjestart, self._linjeslut(self._slut(node)), "", _sletter(sti), mærke)

    def indsæt(self, sti: Sti, værdier: list[Any], mærke: Any = None) -> None:
        """Insert ``værdier`` into the sequence at ``sti[:-1]`` right after item ``sti[-1]``
        (``-1``: at the start, the length: at the end), in the style of that sequence."""
        sti = tuple(sti)
        liste_sti, efter = sti[:-1], sti[-1]
        liste = self.node(liste_sti)
        if not isinstance(liste, yaml.SequenceNode) or not isinstance(efter, int):
            raise RedigeringsFejl(f"{_vis(liste_sti)} er ikke en liste.")
        if not værdier:
            return
        n = len(liste.value)
        efter = min(efter, n - 1)
        data = _indsætter(liste_sti, efter + 1, værdier)
        if liste.flow_style:
            tekster = [flow(v, self.loader) for v in værdier]
            if n == 0:
                self._op(liste.start_mark.index + 1, liste.start_mark.index + 1, ", ".join(tekster), data, mærke)
            elif efter < 0:
                pos = liste.value[0].start_mark.index
                self._op(pos, pos, "".join(t + ", " for t in tekster), data, mærke)
            else:
                pos = liste.value[efter].end_mark.index
                self._op(pos, pos, "".join(", " + t for t in tekster), data, mærke)
            return
        forbillede = liste.value[max(efter, 0)]
        streg = _streg_før(self.tekst, forbillede.start_mark.index)
        if streg is None:
            raise RedigeringsFejl(f"{_vis(liste_sti)}: listens '-' er ikke fundet; kan ikke indsætte sikkert.")
        linjestart = self._linjestart(streg)
        indrykning = self.tekst[linjestart:streg]
        if indrykning.strip():
            raise RedigeringsFejl(f"{_vis(liste_sti)}: listen står på samme linje som andet indhold.")
        mellem = self.tekst[streg + 1:forbillede.start_mark.index]
        nøgle_kolonne = None
        if isinstance(forbillede, yaml.MappingNode) and not forbillede.flow_style and "\n" not in mellem:
            nøgle_kolonne = forbillede.start_mark.column  # block mappings as items: write new ones the same way
        linjer = "".join(self._blokelement(indrykning, v, nøgle_kolonne) for v in værdier)
        if efter < 0:
            pos = linjestart
        else:
            pos = self._linjeslut(self._slut(liste.value[efter]))
            if pos == len(self.tekst) and not self.tekst.endswith("\n"):
                linjer = self.linjeskift + linjer[: -len(self.linjeskift)]
        self._op(pos, pos, linjer, data, mærke, len(liste_sti))

    def _blokelement(self, indrykning: str, værdi: Any, nøgle_kolonne: int | None) -> str:
        ls = self.linjeskift
        if nøgle_kolonne is not None and isinstance(værdi, dict) and værdi:
            fyld = " " * nøgle_kolonne
            dele = [f"{_nøgle(k, self.loader)}: {flow(v, self.loader)}" for k, v in værdi.items()]
            hoved = indrykning + "-" + " " * max(1, nøgle_kolonne - len(indrykning) - 1)
            return hoved + dele[0] + ls + "".join(fyld + d + ls for d in dele[1:])
        return f"{indrykning}- {flow(værdi, self.loader)}{ls}"

    def tilføj(self, sti: Sti, værdier: list[Any], mærke: Any = None) -> None:
        """Append ``værdier`` at the end of the sequence at ``sti``."""
        liste = self.node(sti)
        if not isinstance(liste, yaml.SequenceNode):
            raise RedigeringsFejl(f"{_vis(sti)} er ikke en liste.")
        self.indsæt(tuple(sti) + (len(liste.value) - 1,), værdier, mærke)

    def sæt_nøgle(self, sti: Sti, nøgle: str, værdi: Any, mærke: Any = None, blok: bool = False) -> None:
        """Add ``nøgle: værdi`` at the end of the mapping at ``sti`` (or replace the value if the key exists).

        With ``blok`` a new list in a block mapping is written as block items, one line each
        (``- {dato: …, af: …}``), so that items appended later read as a list."""
        sti = tuple(sti)
        if self.findes(sti + (nøgle,)):
            self.sæt(sti + (nøgle,), værdi, mærke)
            return
        afb = self.node(sti)
        if not isinstance(afb, yaml.MappingNode):
            raise RedigeringsFejl(f"{_vis(sti)} er ikke en afbildning.")
        par = f"{_nøgle(nøgle, self.loader)}: {flow(værdi, self.loader)}"
        if blok and isinstance(værdi, list) and værdi and not afb.flow_style and afb.value:
            fyld = " " * (afb.value[-1][0].start_mark.column + 2)
            par = f"{_nøgle(nøgle, self.loader)}:" + "".join(
                f"{self.linjeskift}{fyld}- {flow(v, self.loader)}" for v in værdi)
        data = _sætter(sti + (nøgle,), værdi)
        if (not afb.flow_style and afb.value and isinstance(værdi, str) and "\n" in værdi.rstrip("\n")
                and (blok := _bloktekst(værdi, "|", afb.value[-1][0].start_mark.column + 2, "", self.linjeskift,
                                        self.loader)) is not None and not blok[1]):
            par = f"{_nøgle(nøgle, self.loader)}: {blok[0]}"
        if afb.flow_style:
            if afb.value:
                pos = afb.value[-1][1].end_mark.index
                self._op(pos, pos, ", " + par, data, mærke)
            else:
                pos = afb.start_mark.index + 1
                self._op(pos, pos, par, data, mærke)
            return
        if not afb.value:
            raise RedigeringsFejl(f"{_vis(sti)} er tom.")
        sidste_nøgle = afb.value[-1][0]
        kolonne = sidste_nøgle.start_mark.column
        pos = self._linjeslut(self._slut(afb))
        linje = " " * kolonne + par + self.linjeskift
        if pos == len(self.tekst) and not self.tekst.endswith("\n"):
            linje = self.linjeskift + linje[: -len(self.linjeskift)]
        self._op(pos, pos, linje, data, mærke, len(sti) + 1)

    def sæt_nøgler(self, sti: Sti, par: dict[str, Any], mærke: Any = None) -> None:
        """Set several keys of the mapping at ``sti``: existing ones in place, new ones added together at its end
        in the order given (one splice, so their order in the text and in the data is the same)."""
        sti = tuple(sti)
        nye = {k: v for k, v in par.items() if not self.findes(sti + (k,))}
        for k, v in par.items():
            if k not in nye:
                self.sæt(sti + (k,), v, mærke)
        if not nye:
            return
        afb = self.node(sti)
        if not isinstance(afb, yaml.MappingNode) or afb.flow_style or not afb.value:
            for k, v in nye.items():  # a flow or empty mapping: one key at a time, as sæt_nøgle writes them
                self.sæt_nøgle(sti, k, v, mærke)
            return
        kolonne = afb.value[-1][0].start_mark.column
        pos = self._linjeslut(self._slut(afb))
        tekst = "".join(" " * kolonne + f"{_nøgle(k, self.loader)}: {flow(v, self.loader)}" + self.linjeskift
                        for k, v in nye.items())
        if pos == len(self.tekst) and not self.tekst.endswith("\n"):
            tekst = self.linjeskift + tekst[: -len(self.linjeskift)]

        def data(d):
            for k, v in nye.items():
                _sætter(sti + (k,), v)(d)

        self._op(pos, pos, tekst, data, mærke, len(sti) + 1)

    # --- applying ---------------------------------------------------------------------

    @property
    def tom(self) -> bool:
        return not self._ops

    def anvend(self) -> Redigeringsresultat:
        """Splice every edit into the text, check the result, and return it (nothing is written)."""
        ops = sorted(self._ops, key=lambda o: (o.splejsning.start, o.splejsning.slut, -o.dybde, o.nr))
        for a, b in zip(ops, ops[1:]):
            if b.splejsning.start < a.splejsning.slut:
                raise RedigeringsFejl("To rettelser overlapper hinanden; ingen af dem er gennemført.")
        forventet = copy.deepcopy(self.data)
        tekst = self.tekst
        # From the end: the offsets of every earlier edit stay valid; equal offsets in reverse order,
        # so several insertions at one place end up deepest first, then in the order they were made.
        for o in reversed(ops):
            s = o.splejsning
            tekst = tekst[:s.start] + s.ny + tekst[s.slut:]
            o.data(forventet)
        ny_data = _data(_komponer(tekst, self.loader))
        if not _samme(ny_data, forventet):
            raise RedigeringsFejl("Efter rettelserne giver filen ikke de forventede data; intet er ændret.")
        steder, forskydning = [], 0
        for o in ops:
            s = o.splejsning
            ny_start = s.start + forskydning
            if s.ny.startswith(("\n", "\r\n")):
                ny_start += 1 if s.ny.startswith("\n") else 2
            steder.append((o.mærke, ny_start))
            forskydning += len(s.ny) - (s.slut - s.start)
        skift = tuple((o.splejsning.start, o.splejsning.slut, len(o.splejsning.ny) - (o.splejsning.slut - o.splejsning.start))
                      for o in ops)
        return Redigeringsresultat(tekst, tuple(steder), ny_data, skift)


def _bloktekst(værdi: str, stil: str, indrykning: int, hale: str, linjeskift: str, loader) -> tuple[str, int] | None:
    """``værdi`` as a block scalar in ``stil`` whose lines are indented ``indrykning`` spaces: (the text from
    the indicator to the end of the last content line, how many final line breaks the value keeps when that
    takes the keep indicator, else 0), or None when the style cannot hold the value."""
    krop = værdi.rstrip("\n")
    n = len(værdi) - len(krop)
    if not krop or krop[0] in " \t" or indrykning < 1 or "\r" in krop:
        return None  # an indented first line needs an indentation indicator; not worth it
    if stil == ">":
        if any(l[:1] in (" ", "\t") for l in krop.split("\n")):
            return None
        dele = re.split(r"(\n+)", krop)
        # In a folded block a single line break is a space; each blank line is one line break.
        linjer = "".join(d if i % 2 == 0 else "\n" * (len(d) + 1) for i, d in enumerate(dele)).split("\n")
    else:
        linjer = krop.split("\n")
    chomp = "-" if n == 0 else "" if n == 1 else "+"
    tekst = stil + chomp + hale + "\n" + "\n".join(" " * indrykning + l if l else "" for l in linjer)
    try:  # the text must read back as exactly the value
        rod = yaml.compose("x: " + tekst + "\n" * max(n, 1), Loader=loader)
        if rod.value[0][1].value != værdi:
            return None
    except (yaml.YAMLError, IndexError, AttributeError):
        return None
    return tekst.replace("\n", linjeskift), (n if n > 1 else 0)


def _samme(a: Any, b: Any) -> bool:
    """Equal data, types included (``True == 1`` in Python, but not in a programme). The order of a mapping's
    keys is not data: several new keys spliced in at one place may come out in either order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_samme(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_samme(x, y) for x, y in zip(a, b))
    return a == b


# --- data side of the edits -----------------------------------------------------------------

def _hent(data: Any, sti: Sti) -> Any:
    for d in sti:
        data = data[d]
    return data


def _sætter(sti: Sti, værdi: Any) -> Callable[[Any], None]:
    def f(data):
        _hent(data, sti[:-1])[sti[-1]] = copy.deepcopy(værdi)
    return f


def _sletter(sti: Sti) -> Callable[[Any], None]:
    def f(data):
        del _hent(data, sti[:-1])[sti[-1]]
    return f


def _indsætter(sti: Sti, indeks: int, værdier: list[Any]) -> Callable[[Any], None]:
    def f(data):
        liste = _hent(data, sti)
        liste[indeks:indeks] = copy.deepcopy(værdier)
    return f


# --- writing values -------------------------------------------------------------------------

def _prøv(tekst: str, værdi: Any, loader, i_flow: bool = True) -> bool:
    """Whether ``tekst`` reads back as exactly ``værdi`` (in block context, and in flow context if ``i_flow``)."""
    try:
        for kilde in (f"x: {tekst}\n", f"[{tekst}]\n")[: 2 if i_flow else 1]:
            rod = yaml.compose(kilde, Loader=loader)
            data = Databygger(Path("<prøve>")).byg(rod, (), 0)
            v = data["x"] if isinstance(data, dict) else data[0] if isinstance(data, list) and len(data) == 1 else None
            if v != værdi or type(v) is not type(værdi):
                return False
        return True
    except (yaml.YAMLError, LoadError, TypeError, KeyError):
        return False


#: Characters never written raw into YAML: C0 controls but tab and line feed, DEL and the C1 controls (not
#: printable in YAML), U+0085, U+2028 and U+2029 (line breaks to YAML 1.1), the byte order mark U+FEFF (a
#: reader may drop it) and the non-characters U+FFFE and U+FFFF. Lone surrogates cannot be encoded at all.
_UTRYGGE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
_SURROGAT = re.compile("[\ud800-\udfff]")
#: What YAML or a terminal reads as the end of a line.
_LINJESKIFT = re.compile("[\n\r\x0b\x0c\x85\u2028\u2029]")


def _escape(m: re.Match) -> str:
    return f"\\u{ord(m.group()):04x}"


def _dobbelt(tekst: str) -> str:
    # A JSON string is a valid double-quoted YAML scalar once what JSON leaves raw but YAML may not hold is
    # escaped too; a lone surrogate (no character at all) becomes U+FFFD, as a UTF-8 decoder would make it.
    return _UTRYGGE.sub(_escape, json.dumps(_SURROGAT.sub("\ufffd", tekst), ensure_ascii=False))


def _enkelt(tekst: str) -> str:
    return "'" + tekst.replace("'", "''") + "'"


def skalar(værdi: Any, stil: str = "", i_flow: bool = True, loader=Loader) -> str:
    """A scalar's YAML text, in ``stil`` ('' plain, "'" or '"') when the value allows it."""
    if isinstance(værdi, bool):
        return "true" if værdi else "false"
    if værdi is None:
        return "null"
    if isinstance(værdi, (int, float)):
        return repr(værdi)
    if isinstance(værdi, datetime.date):
        return værdi.isoformat()  # the loader keeps dates as text, so write them as the text they are
    tekst = str(værdi)
    if _UTRYGGE.search(tekst):
        return _dobbelt(tekst)   # only double quotes can escape a character
    if stil == "'" and "\n" not in tekst and tekst == tekst.strip():
        return _enkelt(tekst)
    if stil == '"':
        return _dobbelt(tekst)
    if not stil and _prøv(tekst, tekst, loader, i_flow) and not any(c in tekst for c in "\n\r\t"):
        return tekst
    return _dobbelt(tekst)


def blok(tekst: str, indryk: str) -> str:
    """A multi-line text as a literal block scalar (``|`` and the lines under it, indented by ``indryk``)
    when the text allows one, which reads best; else as a double-quoted scalar. Leading and trailing line
    feeds are dropped (the block reads back with one final line feed, the quoted form without)."""
    tekst = tekst.strip("\n")
    if (not tekst or _UTRYGGE.search(tekst) or tekst[0] in " \t" or "\t" in tekst
            or any(l != l.rstrip() for l in tekst.split("\n"))):
        return _dobbelt(tekst)
    return "|\n" + "\n".join(f"{indryk}{l}" if l else "" for l in tekst.split("\n"))


def kommentar(tekst: str) -> str:
    """Text made safe for one line of a YAML comment (or of a terminal): every kind of line break and run
    of white space becomes one space, so nothing in the text can end the comment and start YAML, and the
    other characters YAML may not hold raw are shown as visible ``\\uXXXX`` escapes."""
    return _UTRYGGE.sub(_escape, " ".join(_LINJESKIFT.sub(" ", _SURROGAT.sub("\ufffd", tekst)).split()))


def _nøgle(nøgle: str, loader) -> str:
    return skalar(nøgle, "", True, loader)


def flow(værdi: Any, loader=Loader) -> str:
    """Any plain data as one line of flow YAML."""
    if isinstance(værdi, dict):
        return "{" + ", ".join(f"{_nøgle(k, loader)}: {flow(v, loader)}" for k, v in værdi.items()) + "}"
    if isinstance(værdi, (list, tuple)):
        return "[" + ", ".join(flow(v, loader) for v in værdi) + "]"
    return skalar(værdi, "", True, loader)


_STREG = re.compile(r"-[ \t]*$")


def _streg_før(tekst: str, pos: int) -> int | None:
    """The position of the '-' that introduces the block sequence item starting at ``pos``."""
    i = pos - 1
    while i >= 0 and tekst[i] in " \t\r\n":
        i -= 1
    return i if i >= 0 and tekst[i] == "-" and (i + 1 >= len(tekst) or tekst[i + 1] in " \t\r\n") else None


def _vis(sti: Sti) -> str:
    ud = ""
    for d in sti:
        ud += f"[{d}]" if isinstance(d, int) else (f".{d}" if ud else str(d))
    return ud or "dokumentet"
