"""Build hook: the wheel carries the national catalogue.

The repository keeps ``målbeskrivelser/`` and ``templates/national/`` at its top level, where authors
edit them; ``build_py`` copies both into ``uddprog/_national/`` of the built package, so an installed
uddprog finds them next to its code (``uddprog.catalog.indbygget_rod``). Everything else is in
pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

NATIONALT = ("målbeskrivelser", "templates/national")


class BuildMedKatalog(build_py):
    def run(self):
        super().run()
        rod = Path(__file__).resolve().parent
        mål = Path(self.build_lib) / "uddprog" / "_national"
        for del_ in NATIONALT:
            kilde, ud = rod / del_, mål / del_
            if ud.exists():
                shutil.rmtree(ud)
            shutil.copytree(kilde, ud, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"))


setup(cmdclass={"build_py": BuildMedKatalog})
