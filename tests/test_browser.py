"""The shared browser fixture works and axe-core can fail (so an empty result means something)."""

from __future__ import annotations

from .browser import axe_violations


def test_axe_finds_a_missing_alt_text_and_passes_a_clean_page(browser, tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html><head><title>x</title></head><body><img src="x.png"></body></html>')
    good = tmp_path / "good.html"
    good.write_text('<!DOCTYPE html><html lang="da"><head><title>Side</title></head>'
                    '<body><main><h1>Overskrift</h1><p>Tekst.</p></main></body></html>')
    page = browser.new_page()
    try:
        page.goto(bad.as_uri())
        ids = {v["id"] for v in axe_violations(page)}
        assert {"image-alt", "html-has-lang"} <= ids
        page.goto(good.as_uri())
        assert axe_violations(page) == []
    finally:
        page.close()
