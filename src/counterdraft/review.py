"""Findings: for every topic, where the contract deals with it, what it states, and whether that is weak."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .extract import extract
from .library import Library, profile_values, render
from .match import Match, match
from .models import TOPICS, Check, Clause, Finding, Profile, Review
from .segment import Section, segment
from .wordml.read import Block


@dataclass
class Reviewed:
    review: Review
    sections: list[Section]
    matches: dict[str, Match]

    def finding(self, topic: str) -> Finding:
        return next(f for f in self.review.findings if f.topic == topic)


def _fires(check: Check, text: str, found: dict, asked: dict) -> bool:
    if check.pattern is not None:
        return re.search(check.pattern, text, re.I) is not None
    if check.absent is not None:
        return re.search(check.absent, text, re.I) is None
    if check.param not in found:
        return False
    limit = asked.get(check.param) if check.value == "ask" else check.value
    value = found[check.param]
    try:
        return {"lt": value < limit, "le": value <= limit, "gt": value > limit, "ge": value >= limit,
                "eq": value == limit, "ne": value != limit}[check.op]
    except TypeError:
        return False


def assess(clause: Clause, text: str, profile: Profile | None, where: str = "") -> tuple[dict, str, str]:
    """(parameters read from text, assessment, message) for a clause's matched text."""
    found = extract(clause, text)
    asked = profile_values(clause, profile, where)
    if not clause.checks:
        return found, "unknown", "no checks defined for this clause; read it yourself"
    weak = [render(clause, c.message, {**asked, "found": found}, "checks.message")
            for c in clause.checks if _fires(c, text, found, asked)]
    if weak:
        return found, "weak", " ".join(weak)
    return found, "ok", "meets the clause's checks" + (" and the profile's asks" if profile else "")


def review(blocks: list[Block], library: Library, profile: Profile | None, contract: str,
           where: str = "") -> Reviewed:
    sections = segment(blocks)
    matches = match(sections, library, list(TOPICS))
    findings = []
    for topic in TOPICS:
        m = matches[topic]
        clause = library.by_topic(topic)
        if m.section is None:
            message = "not in the contract" + (f"; {clause.title.lower()} wording is in the library"
                                               if clause else "")
            findings.append(Finding(topic=topic, status="missing", assessment="missing", message=message,
                                    confidence=round(1 - m.confidence, 2)))
            continue
        text = m.section.text
        params, assessment, message = ({}, "unknown", "detected only; no wording of ours") if clause is None \
            else assess(clause, text, profile, where)
        findings.append(Finding(topic=topic, status="found", heading=m.section.heading, text=text,
                                parameters=params, assessment=assessment, message=message,
                                confidence=m.confidence, paragraphs=[b.ref for b in m.section.blocks]))
    return Reviewed(Review(contract=contract, findings=findings), sections, matches)
