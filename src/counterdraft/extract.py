"""Parameters read from a clause's text: notice days, months, miles, dollar amounts, FTE, percentages."""
from __future__ import annotations

import re
from typing import Any

from .models import Clause

_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_WORDS.update({w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
               if w != "_"})
_NUMBER_WORD = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|" \
               r"seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|" \
               r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:one|two|three|four|five|six|seven|eight|" \
               r"nine)\s+hundred(?:\s+(?:and\s+)?\w+)?)"
#: "sixty (60)", "60", "sixty", "one hundred eighty (180)"
_QUANTITY = rf"(?:(?P<words>{_NUMBER_WORD})\s*\(\s*(?P<paren>\d+)\s*\)|(?P<digits>\d+(?:\.\d+)?)|(?P<alone>{_NUMBER_WORD}))"
_UNITS = {
    "days": r"(?:calendar\s+|business\s+)?days?",
    "months": r"(?:calendar\s+)?months?",
    "miles": r"(?:statute\s+)?miles?",
    "count": r"",
}
_YEARS = r"years?"


def words_to_number(text: str) -> int | None:
    text = text.lower().replace("-", " ").replace(" and ", " ")
    total, current = 0, 0
    for word in text.split():
        if word in _WORDS:
            current += _WORDS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    return total + current


def _value(m: re.Match) -> float | None:
    if m.group("paren"):
        return float(m.group("paren"))
    if m.group("digits"):
        return float(m.group("digits"))
    n = words_to_number(m.group("words") or m.group("alone") or "")
    return float(n) if n is not None else None


def _quantities(text: str, kind: str) -> list[tuple[int, float]]:
    """(position, value) of every quantity of a kind, converted to the kind's unit."""
    found: list[tuple[int, float]] = []
    if kind in ("days", "months", "miles"):
        unit = _UNITS[kind]
        for m in re.finditer(rf"(?i)\b{_QUANTITY}[\s-]*{unit}\b", text):
            v = _value(m)
            if v is not None:
                found.append((m.start(), v))
        conversions = {"days": [(_UNITS["months"], 30.0), (r"weeks?", 7.0)], "months": [(_YEARS, 12.0)],
                       "miles": []}[kind]
        for unit_re, factor in conversions:
            for m in re.finditer(rf"(?i)\b{_QUANTITY}[\s-]*{unit_re}\b", text):
                v = _value(m)
                if v is not None:
                    found.append((m.start(), v * factor))
    elif kind == "usd":
        for m in re.finditer(r"\$\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{2}))?", text):
            found.append((m.start(), float(m.group(1).replace(",", "") + ("." + m.group(2) if m.group(2) else ""))))
    elif kind == "fte":
        for m in re.finditer(r"(?i)\b(\d?\.\d+|1\.0|1)\s*(?:FTE|full[- ]time equivalent)", text):
            found.append((m.start(), float(m.group(1))))
    elif kind == "percent":
        for m in re.finditer(r"(?i)\b(\d+(?:\.\d+)?)\s*(?:%|percent)", text):
            found.append((m.start(), float(m.group(1))))
    elif kind == "count":
        for m in re.finditer(rf"(?i)\b{_QUANTITY}\b", text):
            v = _value(m)
            if v is not None:
                found.append((m.start(), v))
    return sorted(found)


def extract_quantity(text: str, kind: str, near: str | None = None) -> float | None:
    """The quantity of a kind in text; with `near`, the one closest to a match of that pattern."""
    found = _quantities(text, kind)
    if not found:
        return None
    if near:
        cues = [m.start() for m in re.finditer(near, text, re.I)]
        if cues:
            return min(found, key=lambda pv: (min(abs(pv[0] - c) for c in cues), pv[0]))[1]
    return found[0][1]


def extract(clause: Clause, text: str) -> dict[str, Any]:
    """Every parameter the clause knows how to read, as stated in text (absent ones are left out)."""
    out: dict[str, Any] = {}
    for name, rule in clause.extract.items():
        value = extract_quantity(text, rule.kind, rule.near)
        if value is None:
            continue
        if clause.parameters[name].type == "int" or (value.is_integer() and rule.kind != "fte"):
            value = int(value)
        out[name] = value
    return out
