"""Writing outputs without ever losing the user's files: no overwriting inputs, all-or-nothing atomic replacement.

Every output is first written in full to a hidden temporary file beside it (`.NAME.XXXX.tmp`), flushed to disk,
and renamed over its final name only once every output of the command is ready. If anything fails, the
temporaries are removed and any file already replaced is put back: the user sees either every output or none.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from .errors import DocumentError, UsageError


def _same_file(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    try:
        return os.path.samefile(a, b)  # hard links, and paths that differ only in case on such file systems
    except OSError:
        return False


def check_outputs(inputs: list[Path], outputs: list[Path], force: bool) -> None:
    """Refuse to write over an input (even through a link), or over an existing file without force."""
    inputs = [Path(p) for p in inputs if Path(p).exists()]
    for out in map(Path, outputs):
        if any(_same_file(out, inp) for inp in inputs):
            raise UsageError(f"{out}: the output would overwrite an input file; choose another output name or folder")
        if out.is_dir():
            raise UsageError(f"{out}: is a folder; the output must be a file")
        if (out.exists() or out.is_symlink()) and not force:
            raise UsageError(f"{out}: already exists; use --force to overwrite it")


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _make_folder(folder: Path, made: list[Path]) -> None:
    """Create `folder` and its missing parents, recording each one made (to remove them again on failure)."""
    missing = []
    for p in [folder, *folder.parents]:
        if p.is_dir():
            break
        missing.append(p)
    for p in reversed(missing):
        try:
            p.mkdir()
        except FileExistsError:
            if not p.is_dir():
                raise DocumentError(f"{p}: is a file, so the output folder {folder} cannot be created") from None
            continue
        except OSError as exc:
            raise DocumentError(f"{folder}: cannot create the output folder: {_why(exc)}") from None
        made.append(p)


def _new_file_mode() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _write_temp(path: Path, data: bytes, mode: int) -> str:
    folder = path.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise DocumentError(f"{folder}: cannot write there: {_why(exc)}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())  # the data is on disk before the rename makes it visible
        os.chmod(tmp, mode)
    except BaseException as exc:
        _unlink(tmp)
        if isinstance(exc, OSError):
            raise DocumentError(f"{path}: cannot write: {_why(exc)}") from None
        raise
    return tmp


def _unlink(path: str | Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def write_all_atomic(outputs: dict[Path, bytes]) -> None:
    """Write every output, or (on any failure) none: the folder is left as it was."""
    outputs = {Path(p) if str(p) else Path("."): data for p, data in outputs.items()}
    made: list[Path] = []
    temps: dict[Path, str] = {}
    previous: dict[Path, tuple[bytes, int]] = {}  # outputs being replaced (--force), to put back on failure
    links: dict[Path, str] = {}
    done: list[Path] = []
    try:
        for path in outputs:
            _make_folder(path.parent, made)
        for path, data in outputs.items():
            mode = _new_file_mode()
            if path.is_symlink():
                links[path] = os.readlink(path)
            elif path.is_file():
                st = path.stat()
                mode = stat.S_IMODE(st.st_mode)
                try:
                    previous[path] = (path.read_bytes(), mode)
                except OSError as exc:
                    raise DocumentError(f"{path}: cannot replace it: {_why(exc)}") from None
            temps[path] = _write_temp(path, data, mode)
        for path, tmp in temps.items():
            try:
                os.replace(tmp, path)
            except OSError as exc:
                raise DocumentError(f"{path}: cannot write: {_why(exc)}") from None
            done.append(path)
    except BaseException:
        for tmp in temps.values():
            _unlink(tmp)
        for path in done:
            if path in previous:
                data, mode = previous[path]
                try:
                    tmp = _write_temp(path, data, mode)
                    os.replace(tmp, path)
                except (OSError, DocumentError):
                    pass
            else:
                _unlink(path)
                if path in links:
                    try:
                        os.symlink(links[path], path)
                    except OSError:
                        pass
        for folder in reversed(made):
            try:
                folder.rmdir()
            except OSError:
                pass
        raise


def write_atomic(path: Path, data: bytes) -> None:
    """Write one file through a temporary file and a rename: no half-written file is ever left."""
    write_all_atomic({Path(path): data})
