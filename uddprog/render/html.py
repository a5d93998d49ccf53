"""The HTML programme: one self-contained page per programme through Jinja2.

Autoescaping is on, so text from YAML is always text; Markdown goes through
uddprog's renderer with raw HTML disabled. Templates are compiled once per
process (``CompiledHtml``) and rendered per programme.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

import jinja2
from markupsafe import Markup

from ..markdown import to_html
from .docx import tom_for_none
from .errors import TemplateFejl

HTML_TEMPLATE = "program.html.j2"


def _md(source: Any) -> Markup:
    if source is None or source == "":
        return Markup("")
    return Markup(to_html(str(source)))


def _mapper(templates_dir: Path | list[Path]) -> list[Path]:
    return [Path(m) for m in templates_dir] if isinstance(templates_dir, (list, tuple)) else [Path(templates_dir)]


def make_environment(templates_dir: Path | list[Path]) -> jinja2.Environment:
    """``templates_dir`` may be a list of layers, highest precedence first (a region's over the shipped)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(m) for m in _mapper(templates_dir)]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=tom_for_none,
        auto_reload=False,  # compiled once per process; template files do not change mid-batch
    )
    env.filters["md"] = _md
    return env


class CompiledHtml:
    """``templates/national/<id>/program.html.j2`` compiled once."""

    def __init__(self, templates_dir: Path | list[Path], skabelon_id: str, env: jinja2.Environment | None = None) -> None:
        mapper = _mapper(templates_dir)
        self.path = next((m / skabelon_id / HTML_TEMPLATE for m in mapper if (m / skabelon_id / HTML_TEMPLATE).is_file()),
                         mapper[0] / skabelon_id / HTML_TEMPLATE)
        env = env or make_environment(mapper)
        try:
            self.template = env.get_template(f"{skabelon_id}/{HTML_TEMPLATE}")
        except jinja2.TemplateNotFound as exc:
            raise TemplateFejl(f"HTML-skabelonen {self.path} findes ikke ({exc.name})") from None
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateFejl(
                f"Syntaksfejl i HTML-skabelonen {exc.filename or self.path}, linje {exc.lineno}: {exc.message}"
            ) from None

    def render(self, context: Mapping[str, Any]) -> str:
        try:
            return self.template.render(context)
        except jinja2.UndefinedError as exc:
            raise TemplateFejl(f"Ukendt variabel i HTML-skabelonen {self.path}: {exc.message}") from None
        except jinja2.TemplateError as exc:
            raise TemplateFejl(f"Fejl i HTML-skabelonen {self.path}: {exc}") from None
