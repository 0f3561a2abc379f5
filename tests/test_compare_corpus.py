"""`compare` over every DOCX of the shared corpus, against revised twins made by tests/twins.py.

Each file is compared with twins from two fixed seeds and one that changes per run (COUNTERDRAFT_SEED fixes it;
it is in the test ids, so a failure can be replayed). The redline is judged by readers that share no code with
counterdraft: pandoc and LibreOffice must read its accept-all text as the twin's and its reject-all text as the
original's, and the schemas and the revision lint must find nothing the original did not already have.

The work is done once per module and shared by the tests: LibreOffice, which costs a second per start, reads all
the files in two batches side by side.
"""
from __future__ import annotations

import collections
import os
import random
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import oracles
from counterdraft.compare import compare
from counterdraft.wordml.package import Package
from counterdraft.wordml.resolve import accept_package, reject_package
from twins import make_twin

FIXED_SEEDS = [1, 2]
RUN_SEED = int(os.environ.get("COUNTERDRAFT_SEED") or random.SystemRandom().randrange(3, 1_000_000))
SEEDS = list(dict.fromkeys(FIXED_SEEDS + [RUN_SEED]))
AUTHOR, DATE = "counterdraft", "2026-01-01T00:00:00Z"
_LINE = re.compile(r"line \d+: ")


@dataclass
class Case:
    """One corpus file compared with its twin of one seed, and what the oracles made of the redline."""

    original: Path
    seed: int
    twin: Path
    redline: Path
    edits: list[str]
    messages: list[str]
    own: dict[str, Path]  # "accept"/"reject": our resolution of the redline
    pandoc: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.original.name} (seed {self.seed}; replay: COUNTERDRAFT_SEED={self.seed})"


@dataclass
class Original:
    """What the original reads as, once for all seeds: pandoc and our own reject-all text."""

    pandoc_reject: str = ""
    own_reject: str = ""


def _resolved(src: Path, mode: str, dst: Path) -> Path:
    pkg = Package.open(src)
    (accept_package if mode == "accept" else reject_package)(pkg)
    pkg.save(dst)
    return dst


@pytest.fixture(scope="module")
def cases(corpus_docx, pandoc, tmp_path_factory) -> list[Case]:
    out = tmp_path_factory.mktemp("compare_corpus")
    made: list[Case] = []
    for n, src in enumerate(corpus_docx):
        for seed in SEEDS:
            stem = out / f"{n:03d}-{seed}"
            twin, redline = Path(f"{stem}.twin.docx"), Path(f"{stem}.redline.docx")
            edits = make_twin(src, twin, seed)
            result = compare(src, twin, redline, author=AUTHOR, date=DATE)
            own = {mode: _resolved(redline, mode, Path(f"{stem}.own-{mode}.docx")) for mode in ("accept", "reject")}
            own["twin-accept"] = _resolved(twin, "accept", Path(f"{stem}.twin-accept.docx"))
            made.append(Case(src, seed, twin, redline, edits, [m.text for m in result.messages], own))
    return made


@pytest.fixture(scope="module")
def originals(cases, tmp_path_factory) -> dict[Path, Original]:
    out = tmp_path_factory.mktemp("compare_corpus_originals")
    found = {c.original: Original() for c in cases}

    def read(item):
        n, (src, entry) = item
        entry.pandoc_reject = oracles.pandoc_text(src, "reject")
        entry.own_reject = oracles.pandoc_text(_resolved(src, "reject", out / f"{n:03d}.own-reject.docx"))

    def read_case(case: Case):
        case.pandoc = {"accept": oracles.pandoc_text(case.redline, "accept"),
                       "reject": oracles.pandoc_text(case.redline, "reject"),
                       "twin": oracles.pandoc_text(case.twin, "accept"),
                       "own-accept": oracles.pandoc_text(case.own["accept"]),
                       "own-reject": oracles.pandoc_text(case.own["reject"]),
                       "own-twin": oracles.pandoc_text(case.own["twin-accept"])}

    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        list(pool.map(read, enumerate(found.items())))
        list(pool.map(read_case, cases))
    return found



def _for_seed(cases: list[Case], seed: int) -> list[Case]:
    return [c for c in cases if c.seed == seed]


SEED_PARAMS = [pytest.param(s, id=f"seed={s}") for s in SEEDS]


# ---------------------------------------------------------------------------------------------- the tests
@pytest.mark.parametrize("seed", SEED_PARAMS)
def test_every_edit_is_made(cases, seed):
    failures = [f"{c.name}: {c.messages}" for c in _for_seed(cases, seed) if c.messages]
    assert not failures, oracles.report(failures)


@pytest.mark.parametrize("seed", SEED_PARAMS)
def test_pandoc_reads_the_twin_after_accept_and_the_original_after_reject(cases, originals, seed):
    failures = []
    for c in _for_seed(cases, seed):
        if c.pandoc["accept"] != c.pandoc["twin"]:
            diff = oracles.differ(c.pandoc["twin"], c.pandoc["accept"])
            failures.append(f"{c.name} accept, edits {c.edits}:\n      {diff}")
        expected = originals[c.original].pandoc_reject
        if c.pandoc["reject"] != expected:
            failures.append(f"{c.name} reject, edits {c.edits}:\n      {oracles.differ(expected, c.pandoc['reject'])}")
    assert not failures, oracles.report(failures)


@pytest.mark.parametrize("seed", SEED_PARAMS)
def test_our_accept_and_reject_agree_with_the_twin_and_the_original(cases, originals, seed):
    """Our resolution of the redline against our resolution of the twin and of the original, both read by pandoc:
    where pandoc's own reading of tracked changes differs from Word's (it joins paragraphs across a deleted mark
    with a space), both sides of the comparison are free of it."""
    failures = []
    for c in _for_seed(cases, seed):
        if c.pandoc["own-accept"] != c.pandoc["own-twin"]:
            failures.append(f"{c.name} accept:\n      {oracles.differ(c.pandoc['own-twin'], c.pandoc['own-accept'])}")
        expected = originals[c.original].own_reject
        if c.pandoc["own-reject"] != expected:
            failures.append(f"{c.name} reject:\n      {oracles.differ(expected, c.pandoc['own-reject'])}")
    assert not failures, oracles.report(failures)


@pytest.mark.parametrize("seed", SEED_PARAMS)
def test_the_redline_adds_no_schema_error(cases, seed):
    failures = []
    before: dict[Path, collections.Counter] = {}
    for c in _for_seed(cases, seed):
        if c.original not in before:
            before[c.original] = collections.Counter(_LINE.sub("", e) for e in oracles.validate_docx(c.original))
        after = collections.Counter(_LINE.sub("", e) for e in oracles.validate_docx(c.redline))
        new = after - before[c.original]
        if new:
            failures.append(f"{c.name}: {sorted(new)[:3]}")
    assert not failures, oracles.report(failures)


@pytest.mark.parametrize("seed", SEED_PARAMS)
def test_the_redline_adds_no_revision_lint_error(cases, seed):
    failures = []
    for c in _for_seed(cases, seed):
        new = set(oracles.lint_revisions(c.redline)) - set(oracles.lint_revisions(c.original))
        if new:
            failures.append(f"{c.name}: {sorted(new)[:3]}")
    assert not failures, oracles.report(failures)


@pytest.mark.parametrize("seed", SEED_PARAMS)
def test_new_ids_are_unique_and_above_every_id_in_the_original(cases, seed):
    failures = []
    for c in _for_seed(cases, seed):
        top = max((int(i) for i in _all_ids(c.original) if i.lstrip("-").isdigit()), default=-1)
        ours = [r["id"] for r in oracles.revisions(c.redline) if r["author"] == AUTHOR]
        if len(set(ours)) != len(ours) or any(int(i) <= top for i in ours):
            failures.append(f"{c.name}: ids {ours[:10]} with the original's largest at {top}")
    assert not failures, oracles.report(failures)


def _all_ids(path: Path) -> list[str]:
    pkg = Package.open(path)
    names = pkg.story_parts() + [n for n in pkg.names if re.fullmatch(r"word/comments\w*\.xml", n)]
    attr = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}id"
    return [el.get(attr) for n in names for el in pkg.part(n).iter() if isinstance(el.tag, str) and el.get(attr)]


#: Files per LibreOffice start: a start costs about a second, and a long-running soffice now and then crashes.
LO_BATCH = 60


def _lo_batch(paths: list[Path]) -> list[dict[str, str]]:
    """LibreOffice's texts of a batch, tried twice: soffice now and then dies under a long batch (a file that
    really breaks it breaks it again, and the error names it)."""
    try:
        return oracles.lo_texts_many(paths)
    except RuntimeError:
        return oracles.lo_texts_many(paths)


@pytest.fixture(scope="module")
def lo_texts(cases, libreoffice) -> dict[Path, dict[str, str]]:
    paths = [p for c in cases for p in (c.redline, c.twin)] + list(dict.fromkeys(c.original for c in cases))
    batches = [paths[i:i + LO_BATCH] for i in range(0, len(paths), LO_BATCH)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        texts = [t for batch in pool.map(_lo_batch, batches) for t in batch]
    return dict(zip(paths, texts))


@pytest.mark.slow
@pytest.mark.parametrize("seed", SEED_PARAMS)
def test_libreoffice_reads_the_twin_after_accept_and_the_original_after_reject(cases, lo_texts, seed):
    failures = []
    for c in _for_seed(cases, seed):
        got, twin, original = lo_texts[c.redline], lo_texts[c.twin], lo_texts[c.original]
        if got["accept"] != twin["accept"]:
            failures.append(f"{c.name} accept, edits {c.edits}:\n      {oracles.differ(twin['accept'], got['accept'])}")
        if got["reject"] != original["reject"]:
            diff = oracles.differ(original["reject"], got["reject"])
            failures.append(f"{c.name} reject, edits {c.edits}:\n      {diff}")
    assert not failures, oracles.report(failures)
