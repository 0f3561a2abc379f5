"""Where the bundled clause library and letter templates live, installed or in a checkout."""
from __future__ import annotations

from pathlib import Path

_PACKAGE_DATA = Path(__file__).parent / "data"
_CHECKOUT = Path(__file__).resolve().parents[2]


def _bundled(name: str) -> Path:
    # A wheel carries counterdraft/data/<name>; an editable install reads the checkout's top-level folder.
    installed = _PACKAGE_DATA / name
    return installed if installed.is_dir() else _CHECKOUT / name


def clauses_dir() -> Path:
    return _bundled("clauses")


def templates_dir() -> Path:
    return _bundled("templates")
