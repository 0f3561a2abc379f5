"""Which section of the contract governs each topic: cue phrases in the text, boosted by the heading."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .library import Library
from .models import DETECTION_TOPICS
from .segment import Section

#: Cues for the topics that are detected but get no wording of ours.
DETECTION_CUES: dict[str, tuple[list[str], list[str]]] = {
    "confidentiality": (["confidential information", "shall not disclose", "proprietary information",
                         "trade secrets", "confidentiality"], ["confidential"]),
    "governing-law": (["governed by the laws", "governed by and construed", "laws of the state of",
                       "governing law", "jurisdiction of the courts", "venue"], ["governing law", "choice of law"]),
    "non-solicitation": (["solicit", "non-solicitation", "induce any employee", "hire any employee"],
                         ["non-solicitation", "nonsolicitation", "no solicitation"]),
    "benefits-vacation": (["paid time off", "vacation", "benefit plans", "health insurance", "retirement plan",
                           "holidays", "fringe benefits"], ["benefits", "vacation", "paid time off"]),
}
FOUND_SCORE = 2.0


@dataclass(frozen=True)
class Match:
    topic: str
    section: Section | None
    score: float
    reason: str

    @property
    def confidence(self) -> float:
        return round(min(1.0, self.score / 6.0), 2)


def _has(phrase: str, text: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(phrase.lower()) + r"(?!\w)", text) is not None


def _cues(library: Library) -> dict[str, tuple[list[str], list[str]]]:
    cues = dict(DETECTION_CUES)
    for clause in library.clauses.values():
        body, heads = cues.get(clause.topic, ([], []))
        cues[clause.topic] = (body + clause.cues, heads + clause.heading_cues)
    return cues


def score(section: Section, cues: list[str], heading_cues: list[str]) -> tuple[float, str]:
    text = section.text.lower()
    heading = (section.heading or "").lower()
    hits = sorted({c for c in cues if _has(c, text)})
    heads = sorted({c for c in heading_cues if heading and _has(c, heading)})
    value = len(hits) + 3.0 * len(heads)
    reasons = []
    if heads:
        reasons.append("heading mentions " + ", ".join(repr(h) for h in heads))
    if hits:
        reasons.append("text mentions " + ", ".join(repr(h) for h in hits[:4]))
    return value, "; ".join(reasons)


def match(sections: list[Section], library: Library, topics: list[str]) -> dict[str, Match]:
    """The best section for each topic, or a Match with no section when nothing scores well enough."""
    table = _cues(library)
    out: dict[str, Match] = {}
    for topic in topics:
        cues, heads = table.get(topic, ([], []))
        best = Match(topic, None, 0.0, "no section mentions its cues")
        for section in sections:
            value, reason = score(section, cues, heads)
            if value > best.score:
                best = Match(topic, section, value, reason)
        if best.score < FOUND_SCORE:
            best = Match(topic, None, best.score, "no section scores high enough"
                         + (f" (best: {best.reason})" if best.reason else ""))
        out[topic] = best
    return out


__all__ = ["Match", "match", "DETECTION_TOPICS"]
