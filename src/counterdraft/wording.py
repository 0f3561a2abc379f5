"""The Jinja environment for clause wording and letters: StrictUndefined, and filters that write numbers as contracts do."""
from __future__ import annotations

import re
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


class Unpriced:
    """An amount of money no output names: in another currency, where the contract states its money in one, "an
    amount in euros to be agreed", as no dollar figure of the profile's may stand in a euro contract (a rate of
    exchange is the user's to choose), which only a request of the letter names, as a request: no wording holding
    it goes into the contract (Baan's redline had handed the other side "[amount in euros to be agreed]"); or one
    the pay decided for every output names no figure for, a blank, "[amount to be agreed]" (a stipend on top of a
    draft's base that the letter keeps)."""

    __slots__ = ("currency",)

    def __init__(self, currency: str = ""):
        self.currency = currency  # "euros", or "" for US dollars

    def __str__(self) -> str:
        return f"an amount in {self.currency} to be agreed" if self.currency else "[amount to be agreed]"

    __repr__ = __str__


#: A range between two amounts to agree ("[amount to be agreed] to [amount to be agreed]", "an amount in euros to
#: be agreed to an amount in euros to be agreed") is one.
_BLANK_RANGE = re.compile(r"(\[amount to be agreed\]|an amount in \w+ to be agreed)(?:\s*(?:to|-|–)\s*\1)+")


def money(value: Any) -> str:
    """4000 -> '$4,000'; 1234.5 -> '$1,234.50'; an Unpriced amount -> its blank."""
    if isinstance(value, Unpriced):
        return str(value)
    v = float(value)
    return f"${v:,.0f}" if v.is_integer() else f"${v:,.2f}"


def steps(schedule: Any) -> list[str]:
    """Each step of a pay schedule, (amount, the draft's words for its period), as words, from the second on led by
    how it moves: ["$250,000 during the period of June 1, 1999 to May 31, 2000", "rising to $275,000 during ..."]."""
    out = []
    for i, (value, period) in enumerate(schedule):
        move = "" if i == 0 else "rising to " if value > schedule[i - 1][0] else "then "
        out.append(f"{move}{money(value)} {period}")
    return out


def fte(value: Any) -> str:
    """0.5 -> '0.5', 1 -> '1.0'."""
    return f"{float(value):.2f}".rstrip("0").rstrip(".") if float(value) % 1 else f"{float(value):.1f}"


def count(value: Any) -> str:
    """2520 -> '2,520' (a whole number as contracts write it); 2519.6 -> '2,520'."""
    return f"{round(float(value)):,}"


def percent(value: Any) -> str:
    v = float(value)
    return f"{v:g}%"


def article(value: Any) -> str:
    """The figure with 'a' or 'an' as it is read aloud: 'an $80,000' (eighty), 'an $11,000' (eleven), 'a $55,000',
    'a $1,000' (one)."""
    text = str(value)
    digits = re.match(r"\$?\s?(\d{1,3})(?:,\d{3})*(?!\d)", text)  # read as its first group: "eighty thousand"
    spoken = number_words(int(digits.group(1))) if digits else text.lstrip("[(\"' ").lower()
    return f"{'an' if spoken[:1] in ('a', 'e', 'i', 'o', 'u') and not spoken.startswith('one') else 'a'} {text}"


#: Where one sentence ends and the next begins, in our own wording.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"\u201c(])")


def first_sentence(text: str) -> tuple[str, str]:
    """('First sentence.', 'the rest') of a rationale, whose first sentence says what changes: the memo shows it,
    and the plan adds to it what a conforming edit left as drafted."""
    parts = _SENTENCE_END.split(" ".join(text.split()), maxsplit=1)
    return parts[0], (parts[1] if len(parts) > 1 else "")


def make_environment(loader: jinja2.BaseLoader | None = None) -> jinja2.Environment:
    env = jinja2.Environment(loader=loader, undefined=jinja2.StrictUndefined, autoescape=False,
                             keep_trailing_newline=False, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(words=number_words, money=money, fte=fte, percent=percent, count=count, a=article)
    # "is agreed": an amount left to agree (Unpriced), which a request words as one ("limits per claim and in the
    # aggregate to be agreed in euros") rather than naming it where a figure stands
    env.tests["agreed"] = lambda value: isinstance(value, Unpriced)
    return env


ENV = make_environment()


@lru_cache(maxsize=2048)
def compiled(template: str) -> jinja2.Template:
    """A clause text is rendered for the review, the plan and the letter: compiled once (compiling is most of the
    cost of rendering)."""
    return ENV.from_string(template)


def render_string(template: str, values: dict[str, Any]) -> str:
    text = compiled(template).render(**values)
    return _BLANK_RANGE.sub(r"\1", text) if "to be agreed" in text else text


def shaping(template: str, values: dict[str, Any], others: dict[str, list[Any]], text: str) -> set[str]:
    """The names of `others` whose values `text`, rendered from `template` with `values`, depends on: set to any of
    the other values `others` gives, the text reads differently, or cannot be written. The plan lists those as the
    figures an edit asks for, not every parameter of the clause (the physician's own notice on an edit that only
    lengthens the employer's)."""
    return {name for name, alternatives in others.items() if any(_differs(template, values, name, other, text)
                                                                 for other in alternatives)}


def _differs(template: str, values: dict[str, Any], name: str, other: Any, text: str) -> bool:
    try:
        return render_string(template, {**values, name: other}) != text
    except (jinja2.TemplateError, TypeError, ValueError, ArithmeticError):
        return True  # a value the text cannot take is one it reads
