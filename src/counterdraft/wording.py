"""The Jinja environment for clause wording and letters: StrictUndefined, and filters that write numbers as contracts do."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import jinja2

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def number_words(n: int) -> str:
    """90 -> 'ninety', 365 -> 'three hundred sixty-five' (whole numbers below a million)."""
    n = int(n)
    if n < 0:
        return "minus " + number_words(-n)
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_ONES[hundreds]} hundred" + (f" {number_words(rest)}" if rest else "")
    if n < 1_000_000:
        thousands, rest = divmod(n, 1000)
        return f"{number_words(thousands)} thousand" + (f" {number_words(rest)}" if rest else "")
    raise ValueError(f"{n} is too large to write in words")


def money(value: Any) -> str:
    """4000 -> '$4,000'; 1234.5 -> '$1,234.50'."""
    v = float(value)
    return f"${v:,.0f}" if v.is_integer() else f"${v:,.2f}"


def fte(value: Any) -> str:
    """0.5 -> '0.5', 1 -> '1.0'."""
    return f"{float(value):.2f}".rstrip("0").rstrip(".") if float(value) % 1 else f"{float(value):.1f}"


def percent(value: Any) -> str:
    v = float(value)
    return f"{v:g}%"


def make_environment(loader: jinja2.BaseLoader | None = None) -> jinja2.Environment:
    env = jinja2.Environment(loader=loader, undefined=jinja2.StrictUndefined, autoescape=False,
                             keep_trailing_newline=False, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(words=number_words, money=money, fte=fte, percent=percent)
    return env


ENV = make_environment()


@lru_cache(maxsize=2048)
def compiled(template: str) -> jinja2.Template:
    """A clause text is rendered for the review, the plan and the letter: compiled once (compiling is most of the
    cost of rendering)."""
    return ENV.from_string(template)


def render_string(template: str, values: dict[str, Any]) -> str:
    return compiled(template).render(**values)
