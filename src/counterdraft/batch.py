"""`batch`: a redline for every DOCX in a folder, where one unreadable file never stops the others.

The folder is read flat (no subfolders), so every input has its own name there and its outputs, named by its stem
as `redline` names them, go side by side into one output folder. Files whose outputs would collide (`a.docx` and
`a.DOCX`, or `a.docx` and `a.docm`) are refused, all but the first by name.
"""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .errors import CounterdraftError, DocumentError, UsageError
from .library import Library, load_library
from .loading import load_profile

SUFFIXES = (".docx", ".docm")
#: What an earlier run wrote (when the output folder is the input folder): never an input.
OUTPUT_SUFFIXES = (".redline.docx", ".redline.docm", ".clean.docx", ".clean.docm", ".letter.docx")


@dataclass
class Outcome:
    file: Path
    error: str | None = None  # one line; None when every output was written
    outputs: list[Path] = field(default_factory=list)


def contracts_in(folder: Path) -> list[Path]:
    """The folder's DOCX files, sorted by name; Word's lock files (~$x.docx), hidden files and our outputs skipped."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UsageError(f"{folder}: not a folder")
    found = []
    for path in sorted(folder.iterdir()):
        name = path.name.lower()
        if (path.suffix.lower() in SUFFIXES and not name.startswith(("~$", ".")) and not name.endswith(OUTPUT_SUFFIXES)
                and path.is_file()):
            found.append(path)
    if not found:
        raise UsageError(f"{folder}: no .docx files in it (subfolders are not searched)")
    return found


def _stem(path: Path) -> str:
    return path.name[:-len(path.suffix)].lower()


def redline_one(contract: Path, profile_path: Path, out_dir: Path, library: Library, author: str | None,
                date: str | None, force: bool) -> Outcome:
    """One file's redline; any failure becomes the Outcome's one-line error instead of an exception."""
    from .redline import redline

    try:
        result = redline(contract, profile_path, out_dir, author=author, date=date, force=force, library=library)
    except CounterdraftError as exc:
        return Outcome(contract, str(exc))
    except Exception as exc:  # a bug met on this file: reported with it, the others go on
        detail = " ".join(f"{type(exc).__name__}: {exc}".split())
        return Outcome(contract, f"{contract}: internal error ({detail}); run `counterdraft redline` on it with "
                                 f"--debug for the traceback, and report it")
    return Outcome(contract, outputs=list(result.outputs.values()))


_worker_library: Library | None = None


def _init_worker(library: Library) -> None:
    global _worker_library
    _worker_library = library


def _redline_in_worker(contract: Path, profile_path: Path, out_dir: Path, author: str | None, date: str | None,
                       force: bool) -> Outcome:
    return redline_one(contract, profile_path, out_dir, _worker_library, author, date, force)


def run_batch(contracts: list[Path], profile_path: Path, out_dir: Path, library_dirs: list[Path] = (),
              author: str | None = None, date: str | None = None, force: bool = False, jobs: int = 1,
              done: Callable[[Outcome], None] = lambda outcome: None) -> list[Outcome]:
    """Redline each contract (in `jobs` processes when above 1), calling `done` as each finishes; the outcomes
    come back in the order of `contracts`. A bad profile or library is raised once, before any file is read."""
    load_profile(profile_path)
    library = load_library(library_dirs)
    try:  # made once here: a worker whose file fails removes the folders it made, under the others' feet
        Path(out_dir).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DocumentError(f"{out_dir}: cannot create the output folder: {exc.strerror or exc}") from None
    outcomes: dict[Path, Outcome] = {}
    todo, first_of = [], {}
    for path in contracts:
        other = first_of.setdefault(_stem(path), path)
        if other is path:
            todo.append(path)
        else:
            outcomes[path] = Outcome(path, f"{path}: its outputs would have the same names as those of {other.name} "
                                           f"(named by the stem); rename one")
            done(outcomes[path])
    if jobs <= 1 or len(todo) <= 1:
        for path in todo:
            outcomes[path] = redline_one(path, profile_path, out_dir, library, author, date, force)
            done(outcomes[path])
    else:
        with ProcessPoolExecutor(max_workers=min(jobs, len(todo)), initializer=_init_worker,
                                 initargs=(library,)) as pool:
            futures = {}
            try:
                for path in todo:
                    futures[pool.submit(_redline_in_worker, path, profile_path, out_dir, author, date, force)] = path
            except BrokenProcessPool:
                pass  # a worker died before every file was handed out: the rest are reported below
            for future in as_completed(futures):
                path = futures[future]
                try:
                    outcomes[path] = future.result()
                except BrokenProcessPool:
                    outcomes[path] = _died(path)
                except Exception as exc:
                    outcomes[path] = Outcome(path, f"{path}: internal error ({type(exc).__name__}: {exc})")
                done(outcomes[path])
        for path in todo:
            if path not in outcomes:
                outcomes[path] = _died(path)
                done(outcomes[path])
    return [outcomes[path] for path in contracts]


def _died(path: Path) -> Outcome:
    return Outcome(path, f"{path}: the worker process died while reading it (out of memory?); try it alone with "
                         f"`counterdraft redline`")


def summary(outcomes: list[Outcome]) -> dict:
    """The JSON summary the CLI prints."""
    return {"processed": len(outcomes),
            "succeeded": [str(o.file) for o in outcomes if o.error is None],
            "failed": [{"file": str(o.file), "error": o.error} for o in outcomes if o.error is not None]}
