"""Snapshots of every programme rendered through the Word and HTML layouts in force.

When someone edits templates/national/<skabelon>/program.docx (or a programme), these tests show what
changed in readable XML and HTML. After checking the diff, accept it with: python -m pytest --snapshot-update
"""

from pathlib import Path

import pytest

from uddprog.pytest_plugin import programmer

PROGRAMMER = programmer(Path(__file__).parent)  # the programmes of the repository this file is in


@pytest.mark.parametrize("program", PROGRAMMER, ids=lambda p: p.stem)
def test_word(program, uddprog_dan, docx_snapshot):
    assert uddprog_dan(program).docx == docx_snapshot


@pytest.mark.parametrize("program", PROGRAMMER, ids=lambda p: p.stem)
def test_html(program, uddprog_dan, html_snapshot):
    assert uddprog_dan(program).html == html_snapshot
