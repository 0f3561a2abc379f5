"""Writing outputs without ever losing the user's files: no overwriting inputs, atomic replacement."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import DocumentError, UsageError


def check_outputs(inputs: list[Path], outputs: list[Path], force: bool) -> None:
    """Refuse to write over an input, or over an existing file without force."""
    resolved = {p.resolve() for p in inputs if p.exists()}
    for out in outputs:
        if out.resolve() in resolved:
            raise UsageError(f"{out}: the output would overwrite an input file; choose another --out-dir")
        if out.exists() and not force:
            raise UsageError(f"{out}: already exists; use --force to overwrite it")


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: no half-written file is ever left."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise DocumentError(f"{folder}: output folder does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise DocumentError(f"{folder}: cannot write there: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise DocumentError(f"{path}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
