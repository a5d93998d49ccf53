"""Hostile text through the renderers: XSS never runs in real Chromium, XML and field codes never
become Word markup, `--out` never writes outside its folder.

Payloads go into every free-text field of the shipped Kolding programme (rotated so each field
meets several payloads across the runs); ids, vocabularies and dates are left alone so the
programme stays valid and renders.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import yaml
from lxml import etree, html as lhtml

from uddprog.render import Renderer

from .conftest import kræv_klient, træhash, uddprog
from .corpus import DATO, PROGRAM

#: Each payload, if it ever executed, would put PWNED in the title or mark the document element.
XSS = [
    "<script>document.title='PWNED'</script>",
    "<img src=x onerror=\"document.title='PWNED'\">",
    "<svg onload=\"document.documentElement.setAttribute('data-pwned','1')\">",
    "\"><script>document.title='PWNED'</script>",
    "'><img src=x onerror=document.title='PWNED'>",
    "</title><script>document.title='PWNED'</script>",
    "</style><script>document.title='PWNED'</script>",
    "<iframe srcdoc=\"<script>parent.document.title='PWNED'</script>\"></iframe>",
    "<details open ontoggle=\"document.title='PWNED'\">x</details>",
    "<body onload=\"document.title='PWNED'\">",
    "[klik](javascript:document.title='PWNED')",
    "[klik](JaVaScRiPt:document.title='PWNED')",
    "![billede](x\" onerror=\"document.title='PWNED')",
    "<a href=\"javascript:document.title='PWNED'\">a</a>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "{{ '<script>document.title=\"PWNED\"</script>' }}",
    "&lt;script&gt;document.title='PWNED'&lt;/script&gt;",
    "<scr<script>ipt>document.title='PWNED'</scr</script>ipt>",
]
#: Word markup and field codes that must stay visible text in the DOCX.
WORD = [
    "</w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:t>",
    "<w:fldSimple w:instr=\" DATE \"><w:r><w:t>x</w:t></w:r></w:fldSimple>",
    "{ DATE \\@ \"yyyy\" }", "{ INCLUDETEXT \"C:\\\\hemmelig.txt\" }", "\x13 HYPERLINK \"http://x\" \x14a\x15",
    "]]><![CDATA[", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>&e;", "{% if 1 %}ja{% endif %}",
    "{{ program.titel }}", "{%p if x %}",
]
FRI_TEKST = {"titel", "forløb", "sted", "afdeling", "beskrivelse", "bemærkning", "godkendt_af", "kontakt", "navn"}


def _forgift(data, payloads: list[str], start: int, tæller: list[int]):
    """Put a payload into every free-text field; returns the data and payload per marker."""
    if isinstance(data, dict):
        for k, v in data.items():
            if isinstance(v, str) and (k in FRI_TEKST or tæller[1]):
                i = tæller[0]
                tæller[0] += 1
                data[k] = f"M{i:03d}M {payloads[(start + i) % len(payloads)]} M{i:03d}M"
            elif k == "sektioner" and isinstance(v, dict):
                tæller[1] += 1
                _forgift(v, payloads, start, tæller)
                tæller[1] -= 1
            else:
                _forgift(v, payloads, start, tæller)
    elif isinstance(data, list):
        for v in data:
            _forgift(v, payloads, start, tæller)
    return data


def _render(repo: Path, payloads: list[str], start: int, formater: tuple[str, ...], out: Path) -> tuple[list[Path], int]:
    data = _forgift(yaml.safe_load((repo / PROGRAM).read_text("utf-8")), payloads, start, [0, 0])
    fil = repo / "examples" / "syd" / f"gift-{start}.yaml"
    data["forløb"] = f"gift {start}"  # distinct output names
    fil.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    u = Renderer(repo, DATO).render_fil(fil, formater, out)
    assert u.ok, u.fejl
    return u.filer, sum(1 for _ in re.finditer(r"M\d{3}M ", fil.read_text("utf-8")))


def _dump_dom(chromium: str, fil: Path) -> str:
    with tempfile.TemporaryDirectory() as profil:
        r = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profil}",
                            "--virtual-time-budget=2000", "--dump-dom", fil.as_uri()],
                           capture_output=True, text=True, timeout=90)
    assert r.returncode == 0, r.stderr[-500:]
    return r.stdout


def test_xss_payloads_in_every_text_field_stay_inert(checkout_kopi, tmp_path):
    filer = [_render(checkout_kopi, XSS, start, ("html",), tmp_path / "out")[0][0] for start in range(0, len(XSS), 6)]
    for fil in filer:
        træ = lhtml.fromstring(fil.read_bytes())
        assert not træ.xpath("//script[not(@type='application/ld+json')]"), "script-element i output"
        assert not [a for el in træ.iter() if isinstance(el.tag, str) for a in el.attrib if a.lower().startswith("on")]
        assert not [h for h in træ.xpath("//@href|//@src") if re.sub(r"\s", "", h).lower().startswith(("javascript:", "data:text/html"))]
        assert not træ.xpath("//iframe|//object|//embed|//svg//*[@onload]")
        tekst = træ.text_content()
        assert "PWNED" in tekst  # the payloads are there, as text
    chromium = kræv_klient("chromium")
    for fil in filer:
        statisk = lhtml.fromstring(fil.read_bytes()).findtext(".//title")
        dom = _dump_dom(chromium, fil)
        levende = lhtml.fromstring(dom)
        # A payload that ran would have replaced the title or marked the root element.
        assert levende.findtext(".//title") == statisk and "M000M" in statisk
        assert levende.getroottree().getroot().get("data-pwned") is None
        assert "PWNED" in levende.text_content()


def test_word_markup_and_field_codes_stay_text_in_docx(checkout_kopi, tmp_path):
    (ren,), _ = _render(checkout_kopi, ["ren tekst"], 0, ("docx",), tmp_path / "ren")
    grund = _felter(ren)
    for start in range(0, len(WORD), 4):
        (fil,), n = _render(checkout_kopi, WORD, start, ("docx",), tmp_path / f"gift{start}")
        with zipfile.ZipFile(fil) as z:
            assert z.testzip() is None
            for navn in z.namelist():
                if navn.endswith(".xml") or navn.endswith(".rels"):
                    etree.fromstring(z.read(navn))  # every part is well-formed XML
            xml = z.read("word/document.xml").decode("utf-8")
        assert _felter(fil) == grund, "tekst blev til Word-felter"
        assert "file:///etc/passwd" not in xml.split("<w:body", 1)[0]  # no DOCTYPE/entity made it in
        tekst = "".join(etree.fromstring(xml.encode()).itertext())
        for p in WORD:
            synlig = re.sub(r"[\x13\x14\x15]", "", p)
            assert synlig in tekst, f"{synlig!r} står ikke som tekst i dokumentet"
        assert len(re.findall(r"M\d{3}M", tekst)) >= 2 * n  # every poisoned field reached the document


def _felter(fil: Path) -> tuple[int, int, int]:
    xml = zipfile.ZipFile(fil).read("word/document.xml").decode("utf-8")
    return xml.count("<w:fldChar"), xml.count("<w:fldSimple"), xml.count("<w:instrText")


def test_out_never_writes_outside_its_folder(checkout_kopi, tmp_path):
    rod = tmp_path / "r"
    shutil.copytree(checkout_kopi, rod)
    for i, navn in enumerate(["../../../../tmp/udenfor", "/etc/passwd", "..", "C:\\Windows\\x", "nul\x00byte", "a/../../b"]):
        data = yaml.safe_load((rod / PROGRAM).read_text("utf-8"))
        data["forløb"] = navn
        (rod / "examples" / "syd" / f"navn-{i}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    før = træhash(rod)
    r = uddprog("render", "examples/syd", "--out", "ud", "--format", "html", "--dato", DATO.isoformat(), cwd=rod)
    assert "Traceback" not in r.stdout + r.stderr
    ud = rod / "ud"
    skrevet = [p for p in ud.rglob("*") if p.is_file()]
    assert len(skrevet) >= 5, r.stdout + r.stderr  # the hostile names were rendered, under sanitised names
    assert [p for p in skrevet if not p.resolve().is_relative_to(ud.resolve()) or p.name.endswith(".tmp")] == []  # no temp files left
    shutil.rmtree(ud)
    assert træhash(rod) == før, "render skrev uden for --out"
    assert not list(tmp_path.glob("**/udenfor*"))
