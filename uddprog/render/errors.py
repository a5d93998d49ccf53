"""Errors a render can end in; every message is Danish and says what to fix."""

from ..fejl import UddprogFejl


class RenderError(UddprogFejl):
    """One programme could not be rendered."""


class TemplateFejl(RenderError):
    """A Word or HTML template cannot be used; the message names the template file."""
