"""The Jinja2 environment shared by the pages and the error responses (autoescape always on)."""

from __future__ import annotations

from pathlib import Path

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from rasid import __version__
from rasid.document import EVENT_TYPES

HERE = Path(__file__).parent
STATIC = HERE / "static"

_env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                   trim_blocks=True, lstrip_blocks=True)
_env.globals["version"] = __version__
_env.globals["event_types"] = EVENT_TYPES


def _web_url(value: str | None) -> str | None:
    """A URL safe to link to: http(s) only, so a stored `javascript:` URL stays plain text."""
    return value if value and value.lower().startswith(("http://", "https://")) else None


_env.filters["web_url"] = _web_url
templates = Jinja2Templates(env=_env)
