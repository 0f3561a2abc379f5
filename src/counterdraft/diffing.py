"""Word-level minimal diffs: pure functions from two texts to the changes that turn one into the other."""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from diff_match_patch import diff_match_patch

#: A number with its currency sign, separators and decimals ("$1,500,000", "0.5") is one token, as is a word with
#: inner apostrophes or hyphens; every space run and every other character is a token of its own.
TOKEN = re.compile(r"[$\u00a3\u20ac\u00a5]?\d+(?:[.,]\d+)*|\w+(?:['\u2019-]\w+)*|\s+|.", re.S)
SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+")


@dataclass(frozen=True)
class Change:
    """Replace old[start:end] with new[new_start:new_end]."""

    start: int
    end: int
    new_start: int
    new_end: int


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def _encode(a: list[str], b: list[str]) -> tuple[str, str]:
    """Each distinct token as one character (in order of first use), so diff-match-patch diffs tokens."""
    table = {t: chr(0x100 + n) if n < 0xD700 else chr(0xE000 + n - 0xD700)
             for n, t in enumerate(dict.fromkeys(a + b))}
    return "".join(map(table.__getitem__, a)), "".join(map(table.__getitem__, b))


def _dmp() -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # deterministic: never cut short by the clock
    return dmp


def diff(old: str, new: str) -> list[Change]:
    """The word-level changes from old to new, each a maximal replaced stretch between unchanged tokens."""
    if old == new:
        return []
    a, b = tokens(old), tokens(new)
    ea, eb = _encode(a, b)
    dmp = _dmp()
    ops = dmp.diff_main(ea, eb, False)
    dmp.diff_cleanupSemantic(ops)
    return _coarsen(old, _changes(ops, _offsets(a), _offsets(b)))


def char_diff(old: str, new: str) -> list[Change]:
    """The character-level changes from old to new: for the rare edit that must not replace a whole word (part of
    it belongs to someone else's tracked change)."""
    if old == new:
        return []
    dmp = _dmp()
    ops = dmp.diff_main(old, new, False)
    dmp.diff_cleanupSemanticLossless(ops)  # slide each edit to a word boundary where that changes nothing else
    return _changes(ops, range(len(old) + 1), range(len(new) + 1))


def _offsets(toks: list[str]) -> list[int]:
    """Character offset of each token, and of the end."""
    return list(itertools.accumulate(map(len, toks), initial=0))


def _changes(ops, pos_a, pos_b) -> list[Change]:
    """Changes from diff-match-patch ops over units (tokens or characters) at offsets pos_a, pos_b."""
    changes: list[Change] = []
    i = j = 0  # unit indices
    pending: list[int] | None = None  # [i0, j0]
    for op, chunk in ops:
        n = len(chunk)
        if op == 0:
            if pending:
                changes.append(Change(pos_a[pending[0]], pos_a[i], pos_b[pending[1]], pos_b[j]))
                pending = None
            i += n
            j += n
            continue
        if pending is None:
            pending = [i, j]
        if op < 0:
            i += n
        else:
            j += n
    if pending:
        changes.append(Change(pos_a[pending[0]], pos_a[i], pos_b[pending[1]], pos_b[j]))
    return changes


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in SENTENCE_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _coarsen(old: str, changes: list[Change]) -> list[Change]:
    """Where a sentence is mostly rewritten, show one replacement of its changed stretch, not a confetti of edits."""
    starts = [s for s, _ in _sentences(old)]
    groups: dict[int, list[Change]] = {}
    for c in changes:
        k = max(i for i, s in enumerate(starts) if s <= c.start)
        groups.setdefault(k, []).append(c)
    out: list[Change] = []
    for k in sorted(groups):
        group = groups[k]
        first, last = group[0], group[-1]
        span = last.end - first.start
        kept = span - sum(c.end - c.start for c in group)  # unchanged characters between the first and last change
        if len(group) >= 3 and kept < 0.5 * span:
            out.append(Change(first.start, last.end, first.new_start, last.new_end))
        else:
            out.extend(group)
    return out
