"""Parameters read from a clause's text: notice days, months, miles, dollar amounts, FTE, percentages, counts.

Numbers come as digits ("90 days"), words ("thirty days"), both ("sixty (60) days'", "(12) twelve months") and in
other units ("two months" of notice is 60 days, "one (1) year" of non-compete is 12 months). When a text states
several, the one wanted is the one nearest a cue (`near`): first those in the same sentence as a cue, then by
distance. When the clause states none but uses a defined term ("the Restricted Period"), the term's definition
elsewhere in the contract is read instead.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator

from .models import Clause, Extractor

_ORDINALS = {w: i + 1 for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth".split())}
_UNITS_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                "sixteen seventeen eighteen nineteen").split()
_WORDS = {w: i for i, w in enumerate(_UNITS_WORDS)}
_WORDS.update({w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
               if w != "_"})
_WORDS.update({"a": 1, "an": 1})
_SCALE = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_SMALL = rf"(?:{_TENS}(?:[- ]{_ONES})?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|" \
         rf"nineteen|zero|{_ONES})"
#: "sixty", "twenty-four", "one hundred eighty", "three hundred twenty-five thousand"
_NUMBER_WORD = rf"(?:{_SMALL}(?:\s+(?:hundred|thousand|million)(?:\s+(?:and\s+)?{_SMALL})?)*)"
#: "sixty (60)", "(12) twelve", "60", "sixty", "one hundred eighty (180)"
_QUANTITY = (rf"(?:(?P<words>{_NUMBER_WORD})\s*\(\s*(?P<paren>\d+(?:\.\d+)?)\s*\)"
             rf"|\(\s*(?P<paren2>\d+(?:\.\d+)?)\s*\)\s*(?:{_NUMBER_WORD})"
             rf"|(?P<digits>\d+(?:,\d{{3}})*(?:\.\d+)?)"
             rf"|(?P<alone>{_NUMBER_WORD}|a|an))")
_UNITS = {
    # "three (3) paid flex days", as our call clause writes them; a term sheet's "90d" (not "3d party", the third)
    "days": r"(?:(?:(?:paid|unpaid)\s+)?(?:flex\s+|calendar\s+|business\s+|working\s+)?days?(?:’|')?"
            r"|(?<=\d)d(?!\s+(?:part|anniv)))",
    "months": r"(?:(?:calendar\s+)?months?(?:’|')?|mos?\b\.?)",
    "miles": r"(?:statute\s+)?miles?",
}


def _months_in_days(months: float) -> float:
    """A month of notice is 30 days, and a whole year of months a year: "twelve (12) months" is 365 days."""
    return months / 12 * 365 if months and months % 12 == 0 else months * 30


_CONVERSIONS: dict[str, list[tuple[str, float | Callable[[float], float]]]] = {
    "days": [(r"(?:(?:calendar\s+)?months?(?:’|')?|mos?\b\.?)", _months_in_days), (r"weeks?(?:’|')?", 7.0)],
    "months": [(r"(?:years?(?:’|')?|yrs?\b\.?)", 12.0), (r"anniversary", 12.0)],
    "miles": [(r"kilometers?|kilometres?|km", 0.621371)],
}
_SENTENCE_END = re.compile(r"[.;](?=\s+[A-Z(“\"]|\s*$)|\n")
_ABBREVIATION = re.compile(r"(?:\b(?:No|Inc|Co|Corp|Ltd|Mr|Ms|Mrs|Dr|St|Jr|Sr|vs|U\.S)|\b[A-Z])$")


def words_to_number(text: str) -> int | None:
    """ "sixty" -> 60, "twenty-four" -> 24, "three hundred twenty-five thousand" -> 325000; None if not a number."""
    text = text.lower().replace("-", " ").replace(" and ", " ")
    total, current = 0, 0
    seen = False
    for word in text.split():
        if word in _WORDS:
            current += _WORDS[word]
            seen = True
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in ("thousand", "million"):
            total += max(current, 1) * _SCALE[word]
            current = 0
        else:
            return None
    return total + current if seen else None


def _value(m: re.Match) -> float | None:
    for group in ("paren", "paren2", "digits"):
        if m.group(group):
            return float(m.group(group).replace(",", ""))
    n = words_to_number(m.group("words") or m.group("alone") or "")
    return float(n) if n is not None else None


def _with_unit(text: str, unit: str, factor: float | Callable[[float], float]) -> list[tuple[int, int, float]]:
    found = []
    if unit == "anniversary":  # "the fifth (5th) anniversary" of the start is five years
        for m in re.finditer(r"(?i)\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
                             r"(?:\s*\(\s*\d+(?:st|nd|rd|th)?\s*\))?\s+anniversary", text):
            found.append((m.start(), m.end(), _ORDINALS[m.group(1).lower()] * factor))
        return found
    for m in re.finditer(rf"(?i)(?<![\w$.,])(?:{_QUANTITY})[\s-]*(?:\(\s*\d+\s*\)\s*)?{unit}(?!\w)", text):
        v = _value(m)
        if v is not None and not (m.group("alone") and m.group("alone").lower() in ("a", "an") and factor == 1.0
                                  and unit == _UNITS.get("miles")):
            found.append((m.start(), m.end(), factor(v) if callable(factor) else v * factor))
    return found


#: A price or a rate, not an amount paid by the year: "$0.40 per share", "$400 per hour", "a per share price of $6.00",
#: "Two Hundred Twenty-Five Dollars ($225.00) per hour".
_PER_UNIT = re.compile(r"(?i)\s*\)?\s*(?:\(\s*)?(?:(?:per|a|an|/|for\s+each)\s*(?:share|unit|option|hour|hr|day)\b|hourly)")
_PRICE_BEFORE = re.compile(r"(?i)\b(?:share|exercise|strike|purchase|option|hourly|daily)\s+(?:price|rate)\s+"
                           r"(?:of\s+|equal\s+to\s+|is\s+|will\s+be\s+)?$")


def _usd(text: str) -> list[tuple[int, int, float]]:
    """Dollar amounts, each converted to a year when the text says per month ("$25,000 per month" is $300,000)."""
    found = []
    pattern = (r"(?i)(?:US\s?\$|\$|USD\s?)\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?"
               r"(?:\s*(million|m\b|thousand|k\b))?")
    for m in re.finditer(pattern, text):
        if _PER_UNIT.match(text, m.end()) or _PRICE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # a price ("a strike price of $0.40 per share"), not an amount paid
        value = float(m.group(1).replace(",", "") + ("." + m.group(2) if m.group(2) else ""))
        scale = (m.group(3) or "").lower()
        value *= 1_000_000 if scale in ("million", "m") else 1000 if scale in ("thousand", "k") else 1
        found.append((m.start(), m.end(), value))
    for m in re.finditer(rf"(?i)\b({_NUMBER_WORD})\s+(?:U\.?S\.?\s+)?dollars\b(?!\s*\(\s*(?:US)?\$)", text):
        n = words_to_number(m.group(1))
        if n is not None and n >= 100:
            found.append((m.start(), m.end(), float(n)))
    return found


#: Pay periods an amount may be stated in, how many of them make a year, and how prose names the period.
_PERIODS = ((r"semi-?monthly|twice\s+(?:a|per)\s+month", 24, "twice a month"),
            (r"bi-?weekly|every\s+two\s+weeks|two-week", 26, "every two weeks"),
            (r"(?:calendar\s+)?month(?:ly)?", 12, "a month"), (r"week(?:ly)?", 52, "a week"))


def _per_period(text: str, start: int, end: int, value: float) -> tuple[float, int, str]:
    """(annual value, 0 if stated as annual else 1, the pay period it was stated for or ''): a monthly amount times
    twelve, a biweekly one times 26, whether the period follows the amount ("$8,653.84 (gross) per biweekly pay
    period") or names it ("a monthly base salary (the "Salary") of $30,000", "a bi-weekly salary of $9,615.38")."""
    # within the amount's own sentence: "... stipend of $40,000. Total annual compensation is ..." is no annual $40,000
    after = re.split(r"[.;](?=\s|$)", text[end:end + 50].lower(), maxsplit=1)[0]
    before = re.split(r"[.;]\s", text[max(0, start - 120):start].lower())[-1]
    for period, times, named in _PERIODS:
        if re.match(rf"\s*\)?\s*(?:\([^)]{{0,40}}\)\s*)?(?:(?:per|a|each|every|/)\s*)?(?:{period})\b", after) or \
                re.search(rf"\b(?:{period})\s+(?:base\s+)?(?:consulting\s+)?(?:rate(?:\s+of\s+pay)?|salary|amount|"
                          rf"compensation|pay|fee)\s*(?:\([^)]{{0,40}}\)\s*)?"
                          rf"(?:of|will\s+be|is|shall\s+be|equal\s+to)\s*(?:[a-z\s-]+dollars\s*\(\s*)?$", before):
            return value * times, 1, named
    # a year named after the amount is its own only on its line: in a table, the next cell ("$40,000 | biweekly |
    # Annual Incentive") is another item's, while the cell before names the row ("Annual base salary | $300,000")
    own = after.split("\n", 1)[0]
    if re.match(r"\s*(?:\)\s*)?(?:per|a|/)\s*(?:year|annum)|\s*/\s*year|\s*annually", own) or \
            re.search(r"annual(?:ly)?|per\s+annum|a\s+year|yearly", before[-40:] + own[:25]):
        return value, 0, ""
    return value, 1, ""


def pay_statements(text: str, value: float) -> list[tuple[int, int, int]]:
    """(start, end, pay periods a year: 1 for a year's figure) of each dollar amount of `text` that states `value` a
    year, as a year's figure or a pay period's that restates it (within _RESTATES), its words with it ("Two Hundred
    Thousand Dollars ($200,000)"): Tighe's "annual salary will be $140,000.00. The Company will pay you $5,384.62
    bi-weekly" states $140,000 twice, so a figure written in place of it is written in both."""
    out = []
    for start, end, amount in _usd(text):
        year, _, named = _per_period(text, start, end, amount)
        periods = next((times for _, times, name in _PERIODS if name == named), 1)
        if abs(year - value) > _RESTATES * value:
            continue
        words = re.search(rf"(?i)\b{_NUMBER_WORD}\s+(?:U\.?S\.?\s+)?dollars\s*\(\s*$", text[max(0, start - 160):start])
        if words is not None and text[end:end + 1] == ")":
            start, end = start - len(words.group(0)), end + 1
        out.append((start, end, periods))
    return out


_LOOK_BACK = re.compile(r"(?i)\b(?:prior|preceding|last|past)\s+$")
#: ... or after it: "any customer during the twelve (12) months preceding the termination".
_LOOKING_BACK = re.compile(r"(?i)\s*(?:immediately\s+)?(?:preceding|prior\s+to|before)\b")
#: A rate of service ("for each one month that Employee has been employed", "per year of service"): the quantity
#: before it is earned per unit of service and the one inside it is that unit, so neither is a period; the cap the
#: formula states ("to a maximum period of one year") is, and is read instead.
_PER_SERVICE = re.compile(r"(?i)\b(?:(?:for\s+)?(?:each|every)|per)\s+(?:(?:full|complete|whole)\s+)?"
                          r"(?:[\w-]+\s+(?:\(\s*\d+\s*\)\s+)?)?(?:calendar\s+)?(?:months?|years?|weeks?)\s+"
                          r"(?:of\s+(?:\w+\s+){0,2}?(?:employment|service)"
                          r"|(?:(?:that|in\s+which|during\s+which)\s+)?(?:\w+\s+){0,3}?(?:employed|worked|served))\b")


def _not_rates(text: str, found: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """The quantities that are no part of a rate of service: "one month ... for each one month that Employee has
    been employed, to a maximum period of one year" keeps only the year."""
    rates = set()
    for m in _PER_SERVICE.finditer(text):
        rates |= {q for q in found if m.start() <= q[0] < m.end()}
        before = [q for q in found if q[1] <= m.start() and not re.search(r"[.;]", text[q[1]:m.start()])
                  and m.start() - q[1] <= 120]
        rates |= set(before[-1:])
    return [q for q in found if q not in rates]


#: "The last day of a calendar month" names a day, not a month's notice (GitLab B.V.: notice "with effect from the
#: last day of a calendar month and with due observance of the statutory notice period").
_CALENDAR_OF = re.compile(r"(?i)\b(?:day|end|beginning|start|close|middle)\s+of\s+$")
_ONE = re.compile(r"(?i)an?\s")


#: An FTE stated after its name: "the clinical FTE is 0.6", "an informatics FTE of 0.4", "Clinical FTE: 0.6".
_FTE_AFTER = re.compile(r"(?i)\b(?:FTE|full[- ]time\s+equivalent)"
                        r"(?:\s+(?:is|of|shall\s+be|will\s+be|equal\s+to)\s+|\s*:\s*)"
                        r"(\d?\.\d+|1\.0)\b(?!\s*(?:FTE|full[- ]time))")


#: A sentence that divides the physician's effort or time, where a percentage is a share of an FTE.
_EFFORT = re.compile(r"(?i)\b(?:effort|FTE|full[- ]time\s+equivalent|(?:professional|working|work)\s+time)\b")
#: What a percentage of pay is of ("10% of base salary", "42% of the net collections"): no share of effort.
_OF_PAY = re.compile(r"(?i)\s+(?:of|in)\s+(?:[\w'’-]+\s+){0,3}?(?:salary|salaries|compensation|pay|bonus|collections|"
                     r"revenues?|premiums?|target|base|fees?|charges|receipts)\b")
_PERCENT = re.compile(rf"(?i)(?:(?P<w>{_NUMBER_WORD})\s+percent\s*\(\s*(?P<p>\d+(?:\.\d+)?)\s*%\s*\)"
                      r"|(?P<d>\d+(?:\.\d+)?)\s*(?:%|percent\b)"
                      rf"|(?P<w2>{_NUMBER_WORD})\s+percent\b)")


#: Hours of a week given to one part of the work: "28 hours of patient care", "twelve (12) hours per week for EHR
#: leadership".
_SHARE_HOURS = re.compile(rf"(?i)(?<![\w$.,])(?:{_QUANTITY})[\s-]*(?:\(\s*\d+\s*\)\s*)?hours?\s+"
                          r"(?:(?:per|a|each)\s+week\s+|weekly\s+)?(?:of|for|to|in|on)\b")
#: The hours of a full-time week, the measure of a share stated in hours.
FULL_WEEK_HOURS = 40


def _hour_shares(text: str, start: int, end: int) -> list[tuple[int, int, float]]:
    """Shares of a week stated in hours, two or more in one sentence, each as a share of a full-time week (or of
    their sum, where that is longer): "made up of 28 hours of patient care and 12 hours of EHR leadership per week"
    is 0.7 and 0.3 (physician3's health center)."""
    found = [(m.start(), m.end(), v) for m in _SHARE_HOURS.finditer(text, start, end) if (v := _value(m))]
    if len(found) < 2:
        return []
    week = max(FULL_WEEK_HOURS, sum(v for _s, _e, v in found))
    return [(s, e, round(v / week, 2)) for s, e, v in found]


def _percents(text: str, start: int, end: int) -> list[tuple[int, int, float]]:
    """(start, end, value) of every percentage between start and end: "15%", "fifteen percent (15%)", "ten percent"."""
    found = []
    for m in _PERCENT.finditer(text, start, end):
        value = m.group("p") or m.group("d")
        v = float(value) if value else words_to_number(m.group("w2") or "")
        if v is not None:
            found.append((m.start(), m.end(), float(v)))
    return found


#: A number that counts dollars ("Fifty-Three Dollars ($53.00) per wRVU"): no count of anything else.
_MONEY_WORD = re.compile(r"(?i)\s*(?:U\.?S\.?\s+)?dollars\b")


def _quantities(text: str, kind: str) -> list[tuple[int, int, float]]:
    """(start, end, value) of every quantity of a kind, converted to the kind's unit."""
    found: list[tuple[int, int, float]] = []
    if kind in _UNITS:
        found += _with_unit(text, _UNITS[kind], 1.0)
        for unit, factor in _CONVERSIONS[kind]:
            found += _with_unit(text, unit, factor)
        found = [q for q in found if not (_ONE.match(text, q[0]) and _CALENDAR_OF.search(text, max(0, q[0] - 30),
                                                                                          q[0]))]
        if kind == "months":  # a look back ("during the immediately prior two (2) years") runs before, not after
            found = [q for q in found if not _LOOK_BACK.search(text, max(0, q[0] - 30), q[0])
                     and not _LOOKING_BACK.match(text, q[1])] + _date_ranges(text)
        # "a 25-mile radius", "thirty-day notice period"
    elif kind == "usd":
        found = _usd(text)
    elif kind == "fte":
        for m in re.finditer(r"(?i)(?<![\d.])(\d?\.\d+|1\.0|1)\s*(?:FTE|full[- ]time\s+equivalents?)\b", text):
            found.append((m.start(), m.end(), float(m.group(1))))
        # the figure after its name: "the clinical FTE is 0.6", "an informatics FTE of 0.4"
        for m in _FTE_AFTER.finditer(text):
            found.append((m.start(1), m.end(1), float(m.group(1))))
        # a share of effort in percent, in a sentence about effort ("Your effort will be divided so that sixty
        # percent is clinical ... and the remaining forty percent is non-clinical")
        found += [(s, e, v / 100) for a, b in sentences(text) if _EFFORT.search(text, a, b)
                  for s, e, v in _percents(text, a, b) if 0 < v <= 100 and not _OF_PAY.match(text, e)]
        if re.search(r"(?i)\bhours?\b", text):
            found += [q for a, b in sentences(text) for q in _hour_shares(text, a, b)]
        found.sort()
    elif kind == "percent":
        found = _percents(text, 0, len(text))
    elif kind == "count":
        for m in re.finditer(rf"(?i)(?<![\w$.,])(?:{_QUANTITY})(?![\w%])", text):
            v = _value(m)
            if v is not None and not (m.group("alone") and m.group("alone").lower() in ("a", "an")) and \
                    not _MONEY_WORD.match(text, m.end()):
                found.append((m.start(), m.end(), v))
    found = _drop_overlaps(found)
    return _not_rates(text, found) if kind in _UNITS else found


_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
_MONTH = "|".join(_MONTH_NAMES)
#: A date whose parts are named groups, prefixed with {p}: "May 14, 2004", "the 1st day of July, 2020".
_NAMED_DATE = (r"(?:(?P<{p}m>" + _MONTH + r")\.?\s+(?P<{p}d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<{p}y>(?:19|20)\d\d)"
               r"|(?P<{p}d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?(?P<{p}m2>" + _MONTH +
               r"),?\s+(?P<{p}y2>(?:19|20)\d\d))")
#: A period given by its first and last dates: "for the time period beginning May 14, 2004, and ending May 13, 2007"
#: is 36 months.
_DATE_RANGE = re.compile(
    r"(?i)\b(?:beginning|commencing|starting|from|effective)\s+(?:on\s+)?(?:the\s+)?" + _NAMED_DATE.format(p="a") +
    r",?\s+(?:and\s+)?(?:ending|expiring|terminating|through|until|to)\s+(?:on\s+)?(?:the\s+)?" +
    _NAMED_DATE.format(p="b"))


def _date_ranges(text: str) -> list[tuple[int, int, float]]:
    """(start, end, months) of each period stated by its first and last dates, in whole months (a last day just
    before an anniversary closes the month it ends)."""
    found = []
    for m in _DATE_RANGE.finditer(text):
        try:
            days = [dt.date(int(m.group(f"{p}y") or m.group(f"{p}y2")),
                            _MONTH_NAMES.index((m.group(f"{p}m") or m.group(f"{p}m2")).lower()) + 1,
                            int(m.group(f"{p}d") or m.group(f"{p}d2"))) for p in "ab"]
        except ValueError:  # "February 30"
            continue
        months = round(((days[1] - days[0]).days + 1) / (365.25 / 12))
        if months > 0:
            found.append((m.start(), m.end(), float(months)))
    return found


#: A multiple of a year's pay, paid as severance: "one (1) times your annual base compensation", "two times the
#: Executive's Base Salary", "an amount equal to 1.5 times", "one and one-half times", "twice the sum of: (i) the
#: Executive's Annual Salary"; never of a monthly or weekly amount ("two times the monthly base salary" is two months).
_MULTIPLE = re.compile(
    rf"(?i)(?<![\w$.,])(?:(?P<half>one\s+and\s+(?:one[\s-]half|a\s+half))(?:\s*\(\s*1\.5\s*\))?\s+times|"
    rf"(?P<twice>twice)|(?:{_QUANTITY})\s*(?:\(\s*\d+(?:\.\d+)?\s*\)\s*)?times\b)"
    r"(?=\s+(?:the\s+(?:sum|total)\s+of\s*:?\s*(?:\(\w{1,4}\)\s*)?)?"
    r"(?:(?!(?:monthly|weekly|bi-?weekly|semi-?monthly|daily|hourly|month|week|day|hour)\b)[\w’'-]+\s+){0,6}?"
    r"(?:salary|compensation|pay)\b)")


#: A year's pay, paid as severance: "an amount equal to the Executive's Annual Base Salary ..., payable in twelve
#: (12) equal monthly installments" (Mcgrane), "a sum equal to one year's base salary": 12 months, however it is paid
#: out; not where the sentence pays it for a period of its own ("equal to his annual salary for six months").
_ONE_YEAR = re.compile(
    r"(?i)\bequal\s+to\s+(?:(?:one|1)\s+(?:\(\s*1\s*\)\s+)?year[’']s|a\s+(?:full\s+)?year[’']s|"
    r"(?:the\s+)?(?:[\w]+[’']s|his|her|their|your|the)\s+(?:(?:then[- ]current|current|full)\s+)?annual(?:ized)?)"
    r"\s+(?:(?:then[- ]current|rate\s+of)\s+)*(?:base\s+)?(?:salary|compensation)\b"
    r"(?![^.;]*?\bfor\s+(?:a\s+period|the\s+(?:remainder|balance|rest)|(?:[\w()-]+\s+){1,3}(?:months?|weeks?|years?)\b))")

#: A sentence about a termination of employment: a year's pay it states is what the termination pays (Mcgrane's
#: "(iii) an amount equal to the Executive's Annual Base Salary ... following the Executive's termination of
#: employment", listed under a termination without cause), not life insurance.
_TERMINATION = re.compile(r"(?i)\bterminat(?:e[sd]?|ion|ing)\b")


def _multiples(text: str, near: str | None) -> list[tuple[int, int, float]]:
    """(start, end, months) of each multiple of a year's pay in a sentence of text that names `near` or a
    termination, or follows a short caption that does ("Severance Payment. EMPLOYEE shall be paid an amount equal to
    two times ..."): "two times the Executive's Base Salary" is 24 months of it, as severance; life insurance "equal
    to two times your annual salary" is none."""
    every = sentences(text)
    named = [near is None or re.search(near, text[a:b], re.I) is not None or
             _TERMINATION.search(text, a, b) is not None for a, b in every]
    spans = [(a, b) for i, (a, b) in enumerate(every) if named[i] or i and named[i - 1]
             and every[i - 1][1] - every[i - 1][0] <= 40]
    found = []
    for m in _MULTIPLE.finditer(text):
        value = 1.5 if m.group("half") else 2.0 if m.group("twice") else _value(m)
        if value is not None and value > 0 and any(a <= m.start() < b for a, b in spans):
            found.append((m.start(), m.end(), value * 12))
    found += [(m.start(), m.end(), 12.0) for m in _ONE_YEAR.finditer(text)
              if any(a <= m.start() < b for a, b in spans)]
    return found


def _drop_overlaps(found: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Of quantities sharing characters keep the longest ("sixty (60) days" over "(60) days")."""
    out: list[tuple[int, int, float]] = []
    for q in sorted(found, key=lambda q: (-(q[1] - q[0]), q[0])):
        if all(q[1] <= o[0] or q[0] >= o[1] for o in out):
            out.append(q)
    return sorted(out)


#: Words no sentence ends with: a paragraph that ends in one ("... shall pay to Employee a base salary of", cut by a
#: page break) goes on in the next.
_RUNS_ON = re.compile(r"(?i)\b(?:of|to|the|a|an|and|or|for|by|with|in|on|at|from|than|as|that|per|be|is|are|shall|"
                      r"will|his|her|its|their|your|our)\s*$")


def ends_mid_sentence(text: str) -> bool:
    """Whether a paragraph ends mid-sentence, in a word no sentence ends with: the next paragraph goes on with it."""
    return _RUNS_ON.search(text[-12:]) is not None


@lru_cache(maxsize=256)
def first_match(pattern: str, text: str, flags: int = re.I | re.S) -> tuple[int, int] | None:
    """Where `pattern` first matches `text`, or None. The review, the plan and the clause templates ask the same
    questions of the whole contract (has it a clause at all, does it say this), each a scan of it: asked once."""
    m = re.search(pattern, text, flags)
    return None if m is None else m.span()


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of text (or clause ending in a semicolon); "No." or "U.S." end none, and neither
    does a line break after a word no sentence ends with."""
    bounds, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.group() == "." and _ABBREVIATION.search(text[max(0, m.start() - 6):m.start()]):
            continue
        if m.group() == "\n" and _RUNS_ON.search(text, max(start, m.start() - 12), m.start()):
            continue
        bounds.append((start, m.end()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def sentence_at(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the sentence of text that holds `pos`, as sentences(text) bounds it, reading only the lines
    around it: the sentence holding one match in a whole contract, without cutting the contract into sentences."""
    start = text.rfind("\n", 0, pos) + 1
    while start > 0 and _RUNS_ON.search(text, max(0, start - 13), start - 1):
        start = text.rfind("\n", 0, start - 1) + 1
    end = text.find("\n", pos)
    while end != -1 and _RUNS_ON.search(text, max(start, end - 12), end):
        end = text.find("\n", end + 1)
    window = text[start:len(text) if end == -1 else end]
    a, b = next((a, b) for a, b in sentences(window) if a <= pos - start < b or b == len(window))
    return start + a, start + b


_CURE = re.compile(r"(?i)\bcur(?:e|ed|es|ing)\b")
_REFERS_BACK = re.compile(r"(?i)\bsuch\s+(?:\w+\s+)?(?:termination|removal|discharge|dismissal|notice)\b")


#: A lead-in: a line that ends in a colon, opening the list of items on the lines after it.
_LEAD_IN = re.compile(r":\s*$")


def lead_in(text: str) -> bool:
    """Whether a paragraph ends in a colon, opening the items after it ("... do any of the following:")."""
    return _LEAD_IN.search(text) is not None


def _opens_with_term_defined_before(text: str, before: tuple[int, int], a: int, b: int) -> bool:
    """Whether the sentence text[a:b] opens with a term ("The Agreement will include ...") that the sentence before
    defines in parentheses ('... a Change In Control Severance Compensation and Restrictive Covenant Agreement
    ("Agreement").')."""
    return any(re.match(rf"\s*(?:The|This|Such)\s+{re.escape(d.group(1).strip())}\b", text[a:b])
               for d in _PAREN.finditer(text, *before))


#: How an item of a list opens: "(a) ", "2. ", "iv) ", or a caption in capitals ("Severance Payment. ").
_ITEM = re.compile(r"\s*(?:\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]\s|[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|and|of|or|the|"
                   r"for|in|on|to)){0,6}\.\s)")


def _items_back(paragraph: str, earlier: Iterable[str]) -> int | None:
    """How many of the paragraphs before `paragraph` (`earlier`, nearest first) run back to the lead-in whose list
    it is an item of, the lead-in included: each of them opens as an item ("If the EMPLOYEE'S employment shall be
    terminated after a Change in Control ..., the EMPLOYEE shall be entitled to the following benefits:" then
    "Severance Payment. EMPLOYEE shall be paid ..."); None where it is no such item."""
    if not _ITEM.match(paragraph):
        return None
    for n, before in enumerate(earlier, 1):
        if lead_in(before):
            return n
        if not _ITEM.match(before):
            return None
    return None


#: The marker an item opens with, by kind: "(i)"/"iv)" (roman), "(a)" (letter), "2." (number).
_MARKER = re.compile(r"\s*\(?(?:(?P<roman>[ivx]{1,4})|(?P<letter>[a-z])|(?P<number>\d{1,2}))[.)]\s")


def items_after(paragraph: str, after: Iterable[str]) -> list[str]:
    """The paragraphs after a lead-in (`after`, in order) that are the items of its list: those opening with a
    marker of the kind the first opens with, up to the first that does not ("(i) ... (ii) ... (iii) ..." and not the
    "(e) Voluntary Termination" after them); none where `paragraph` is no lead-in."""
    if not lead_in(paragraph):
        return []
    out: list[str] = []
    kind = None
    for text in after:
        m = _MARKER.match(text)
        now = m and next(k for k in ("roman", "letter", "number") if m.group(k))
        if not now or kind not in (None, now):
            break
        kind = now
        out.append(text)
    return out


def _lead_in_of(text: str, at: int) -> int | None:
    """Where the lead-in starts whose list the paragraph of text holding `at` is an item of, or None."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", start)
    starts = [start]

    def earlier() -> Iterator[str]:
        while starts[-1] > 0:
            starts.append(text.rfind("\n", 0, starts[-1] - 1) + 1)
            yield text[starts[-1]:starts[-2] - 1]

    n = _items_back(text[start:end if end >= 0 else len(text)], earlier())
    return starts[n] if n else None


def _ground(text: str, spans: list[tuple[int, int]], i: int, conditions: str | None = None) -> str:
    """What an `unless` judges of sentence i: the sentence, with the one before it when it speaks of "such
    termination" or "such notice", whose ground that one names ("For Cause which means ... Employee shall be entitled
    to fourteen (14) days of advance written notice of any such termination"; "The Contractor may terminate ... upon
    providing 30 days advance notice ... Termination will be effective ... no earlier than the date such notice is
    received and no later than ... 30 days following"), or opens with the term that one defines ("The Agreement will
    include severance ..." after the change-in-control agreement it names); for a lead-in, with the items it opens,
    up to the next lead-in: "for a period of one year following the termination ... shall not do any of the
    following:" says nothing of what it restricts, its items ("Solicit or accept any business ...") do; and for an
    item, with its lead-in, which says when it applies (Metz's "Severance Payment", after a change in control); and
    from the first sentence before it in its paragraph that matches `conditions`, which states a condition on the
    rest of the paragraph (Slingerbag's bonus plans that the Company may adopt)."""
    a, b = spans[i]
    refers = i and (_REFERS_BACK.search(text, a, b) or _opens_with_term_defined_before(text, spans[i - 1], a, b))
    start = spans[i - 1][0] if refers else a
    if conditions:
        paragraph = text.rfind("\n", 0, a) + 1
        start = next((s for s, e in spans[:i] if s >= paragraph and re.search(conditions, text[s:e], re.I | re.S)),
                     start)
    lead = _lead_in_of(text, a)
    start = min(start, lead) if lead is not None else start
    if b < len(text) and _LEAD_IN.search(text, a, b):
        b = next((s for s, e in spans[i + 1:] if _LEAD_IN.search(text, s, e)), len(text))
    return text[start:b]


def ruled_out(text: str, unless: str | None, after: str = "", before: str = "",
              plain: Callable[[str], str] | None = None, conditions: str | None = None) -> list[tuple[int, int]]:
    """The sentences of text that an `unless` pattern rules out: no figure is read there, and no edit writes one.
    `after` is what follows text in its section (the paragraphs after one being edited), where the items of a
    lead-in that ends text are; `before` the lead-in and items before one that is an item (see `lead_in_before`).
    `plain` gives each sentence as the pattern reads it (the physician named as the patterns name them,
    Terms.neutral). `conditions` is the rule's (see `_ground`)."""
    if not unless:
        return []
    head = f"{before}\n" if before else ""
    whole = head + (f"{text}\n{after}" if after else text)
    spans = sentences(whole)
    start, end = len(head), len(head) + len(text)
    return [(max(a, start) - start, min(b, end) - start) for i, (a, b) in enumerate(spans)
            if a < end and b > start and
            re.search(unless, (plain or str)(_ground(whole, spans, i, conditions)), re.I | re.S)]


def lead_in_before(previous: list[str], text: str) -> str:
    """The lead-in and the items before it, joined, of which the paragraph `text` is an item, from the paragraphs
    before it in its section (`previous`, in order), or "": what an `unless` judges the item with."""
    n = _items_back(text, reversed(previous))
    return "\n".join(previous[-n:]) if n else ""


#: What states a quantity as a ceiling, just before it: "a bonus of up to 18.5%", "equal to up to forty percent",
#: "up to a maximum of Fifty Percent (50%)", "a maximum bonus opportunity of 100%", "not to exceed 30%".
_CEILING = re.compile(r"(?i)\b(?:up\s+to|max(?:imum)?(?:\s+[\w-]+){0,2}?\s+(?:of|is|equal\s+to)|not\s+(?:to\s+)?exceed(?:ing)?|"
                      r"(?:no|not)\s+(?:more|greater)\s+than|at\s+most|as\s+much\s+as|capped\s+at)"
                      r"(?:\s+(?:a\s+maximum\s+of|an?\s+amount\s+equal\s+to|equal\s+to|of))*\s*$")
#: What states a quantity as a floor, just before it: "an annual bonus of a minimum of 50%", "at least 10%", "not
#: less than twenty percent", "a minimum bonus equal to 25%", "a guaranteed annual bonus of $40,000".
_FLOOR = re.compile(r"(?i)\b(?:(?:min(?:imum)?|guaranteed)(?:\s+[\w-]+){0,2}?\s+(?:of|is|equal\s+to)|at\s+least|"
                    r"(?:not|no)\s+(?:less|lower)\s+than)"
                    r"(?:\s+(?:a\s+minimum\s+of|an?\s+amount\s+equal\s+to|equal\s+to|of))*\s*$")


def _pick(text: str, found: list[tuple[int, int, float]], near: str | None, kind: str,
          beside: bool = False, unless: str | None = None, ceiling: bool = False,
          floor: bool = False, after: str | None = None, conditions: str | None = None,
          before: str | None = None) -> float | None:
    chosen = _choose(text, found, near, kind, beside, unless, ceiling, floor, after, conditions, before)
    return None if chosen is None else chosen[2]


#: How many sentences after a lead-in ending in a colon are read as its items.
_LED_ITEMS = 12

#: How far a year's figure may be from a pay-period amount times the periods and still restate it: "$5,192.00
#: [biweekly] ..., which is equivalent to $135,000 per annum" (x26 = $134,992).
_RESTATES = 0.001


def _choose(text: str, found: list[tuple[int, int, float]], near: str | None, kind: str,
            beside: bool = False, unless: str | None = None, ceiling: bool = False, floor: bool = False,
            after: str | None = None, conditions: str | None = None, before: str | None = None
            ) -> tuple[int, int, float, tuple[str, float] | None] | None:
    """(start, end, value, (the pay period a dollar amount was stated for, that amount) where it is annualised, else
    None) of the quantity `_pick` reads. A pay-period amount is annualised only where the text states no year's figure that
    restates it: "$4,615.38 per biweekly pay period. This is equivalent to $120,000 on an annual basis." is
    $120,000, not $119,999.88."""
    excluded = ruled_out(text, unless, conditions=conditions) if unless and found else []
    # the ruled-out sentences that state a figure of the kind: their cues name it, not another one nearby
    aside = [(a, b) for a, b in excluded if any(a <= q[0] < b for q in found)]
    found = [q for q in found if not any(a <= q[0] < b for a, b in excluded)]
    for bound, wanted in ((_CEILING, ceiling), (_FLOOR, floor)):
        if wanted:
            found = [q for q in found if bound.search(text, max(0, q[0] - 80), q[0])]
    if after:
        found = [q for q in found if re.match(after, text[q[1]:q[1] + 120], re.I)]
    if before:
        found = [q for q in found if re.search(f"(?:{before})$", text[max(0, q[0] - 120):q[0]], re.I | re.S)]
    if not found:
        return None
    periods: dict[tuple[int, int], tuple[str, float]] = {}
    if kind == "usd":
        annual = [(s, e, v, *_per_period(text, s, e, v)) for s, e, v in found]
        found = [(s, e, year) for s, e, _, year, _, _ in annual]
        period_rank = {(s, e): p for s, e, _, _, p, _ in annual}
        periods = {(s, e): (named, v) for s, e, v, _, _, named in annual if named}
        yearly = [q for q in found if period_rank[q[0], q[1]] == 0]
    else:
        period_rank = {}

    def result(q: tuple[int, int, float]) -> tuple[int, int, float, tuple[str, float] | None]:
        if (q[0], q[1]) in periods:
            same = next((y for y in yearly if abs(y[2] - q[2]) <= _RESTATES * q[2]), None)
            if same is not None:
                return (*same, None)
        return (*q, periods.get((q[0], q[1])))

    ranked = found
    if near:
        cues = [(m.start(), m.end()) for m in re.finditer(near, text, re.I)]
        # a cue in such a sentence names the figure set aside there, not another one nearby (the base salary stated
        # before "a stipend of $500 per committee meeting attended")
        live = [(a, b) for a, b in cues if not any(x <= a < y for x, y in aside)]
        if cues and not live:
            return None
        cues = live
        if cues:
            spans = sentences(text)

            def sentence_of(pos: int) -> int:
                return next((i for i, (a, b) in enumerate(spans) if a <= pos < b), len(spans))

            cue_sentences = {sentence_of(a) for a, _ in cues}
            # the items a lead-in that names the cue introduces ("the following annual salaries during the Term:",
            # then "$350,000.00 May 14, 2004 to May 13, 2005" on a line of its own) are read as its sentence
            led: dict[int, int] = {}
            for i in sorted(cue_sentences):
                if i < len(spans) and text[spans[i][0]:spans[i][1]].rstrip().endswith(":"):
                    for j in range(i + 1, min(len(spans), i + 1 + _LED_ITEMS)):
                        if j in cue_sentences:
                            break
                        led[j] = i
            # a period to cure a breach ("not cured after 30 days' notice") is not the one asked for, unless the
            # cue asks for the cure period itself
            cure = set() if re.search(near, "cure", re.I) else \
                {i for i, (a, b) in enumerate(spans) if _CURE.search(text, a, b)}

            def key(q):
                s, e, v = q
                # the distance to the nearest cue of its own sentence ("a base salary of $250,000" rather than the
                # "Such base salary" that opens the next sentence)
                at = sentence_of(s)
                own = [(a, b) for a, b in cues if sentence_of(a) in (at, led.get(at))] or cues
                gap = min(0 if a <= s < b or a < e <= b else min(abs(s - b), abs(a - e)) for a, b in own)
                return (at not in cue_sentences and at not in led, at in cure, period_rank.get((s, e), 0), gap, s)

            ranked = sorted(found, key=key)
            if kind == "count":
                # a bare number is only the one the cue counts: "4,800 wRVUs", "a target of 4,800 wRVUs"
                if key(ranked[0])[0] or key(ranked[0])[3] > 40:
                    return None
            if beside:
                # only in the cue's sentence, or right after a caption that names it ("Notice. Sixty days."):
                # "payable within 15 days" elsewhere in the section is not a notice period
                captions = {i + 1 for i in cue_sentences if i < len(spans) and spans[i][1] - spans[i][0] <= 40}
                if sentence_of(ranked[0][0]) not in cue_sentences | captions:
                    return None
            if ceiling:
                # the most it can pay is the largest ceiling as near the cue: "a bonus of up to 50% at budget ... up
                # to a maximum of 100%"
                return result(max((q for q in ranked if key(q)[0] == key(ranked[0])[0]), key=lambda q: q[2]))
            return result(ranked[0])
        if kind == "count" or beside:
            return None
    return result(min(found, key=lambda q: (period_rank.get((q[0], q[1]), 0), q[0])))


def states(text: str, kind: str, near: str, unless: str | None = None) -> bool:
    """Whether a sentence of text states a quantity of a kind beside a match of `near` ("Your base salary will be
    $8,653.84 per biweekly pay period"), as the clause that sets a figure does and a mention of it does not; a
    sentence that matches `unless` states another figure."""
    excluded = ruled_out(text, unless)
    for a, b in sentences(text):
        sentence = text[a:b]
        if re.search(near, sentence, re.I) and _quantities(sentence, kind) and (a, b) not in excluded:
            return True
    return False


#: A word every quantity of a kind is written with: text without it states none, and is not read.
_UNIT_HINT = {"days": re.compile(r"(?i)day|week|month"), "months": re.compile(r"(?i)month|year|anniversar"),
              "miles": re.compile(r"(?i)mile|kilomet|km"), "usd": re.compile(r"(?i)\$|usd|dollar"),
              "fte": re.compile(r"(?i)fte|full[- ]time|%|percent|hours?"), "percent": re.compile(r"(?i)%|percent")}


def as_drafted(texts: Iterable[str], kind: str, value: float) -> str | None:
    """The draft's own words for a figure read as `value` of a kind, where it writes it in another unit ("two months"
    read as 60 days, "one year" as 12 months), from the first of `texts` that states it; None where one of them
    writes it in the kind's own unit ("sixty (60) days"), or none states it. A comment that quotes "60 days" where
    the draft says "two months" quotes words the other side will not find (Baan)."""
    for text in texts:
        same = [(a, b) for a, b, v in _quantities(text, kind) if math.isclose(v, value)]
        if not same:
            continue
        if kind not in _UNITS or any(re.search(rf"(?i){_UNITS[kind]}$", text[a:b]) for a, b in same):
            return None
        a, b = same[0]
        words = " ".join(text[a:b].split()).rstrip("’'")
        # "the first anniversary" names a date, not a span: "first review first anniversary" says nothing clearer
        return None if re.search(r"(?i)anniversar", words) else words
    return None


#: A period a figure is stated for alone, a first or a single year: "For the remainder of the 2004 payroll year your
#: target bonus opportunity will be 70%", "for fiscal year 2005", "during the first year of employment"; not one the
#: sentence goes on past ("for the first year and each year thereafter").
_ONE_PERIOD = re.compile(
    r"(?i)\b(?:(?:for|during|in|through)\s+(?:the\s+)?(?:remainder|balance|rest)\s+of\s+(?:the\s+|this\s+|your\s+)?"
    r"(?:(?:first|initial)\s+)?(?:(?:19|20)\d\d\s+)?(?:(?:fiscal|calendar|payroll|plan|performance|contract|bonus|"
    r"employment)\s+)?year(?:\s+(?:19|20)\d\d)?"
    r"|for\s+(?:the\s+)?(?:(?:fiscal|calendar|payroll|plan|performance)\s+)?(?:year\s+)?(?:19|20)\d\d(?:\s+only)?"
    r"|(?:for|during|in)\s+(?:the|your)\s+(?:first|initial)\s+(?:full\s+)?(?:(?:fiscal|calendar|payroll|plan|"
    r"performance|contract|employment)\s+)?year(?:\s+of\s+(?:employment|the\s+term|this\s+agreement))?)\b"
    r"(?![^.;]{0,60}\b(?:thereafter|each\s+(?:subsequent\s+)?year|every\s+(?:subsequent\s+)?year|subsequent\s+years|"
    r"annually))")


#: Where a clause of a sentence ends and another, excepting from it, begins: "...; provided, however, ...".
_PROVISO = re.compile(r"(?i);|\bprovided\b|\bexcept\b|\bhowever\b|\bnotwithstanding\b")


def stated_for(texts: Iterable[str], kind: str, value: float) -> str | None:
    """The draft's words for the one period the first of `texts` that states a figure read as `value` states it for
    ("for the remainder of the 2004 payroll year"), or None where it states it with no such period: Grigg's target of
    70% is one for the rest of his first year, and a letter asking to "keep the draft's incentive target of 70%"
    says the draft gives a standing target it never gives."""
    for text in texts:
        same = [a for a, _, v in _quantities(text, kind) if math.isclose(v, value)]
        if not same:
            continue
        a, b = next((a, b) for a, b in sentences(text) if a <= same[0] < b or b == len(text))
        # in the figure's own clause of the sentence: Baan's target "in each fiscal year ...; provided, however, a
        # portion of Executive's Annual Bonus for 2008 shall be guaranteed" is no target for 2008 alone
        a = max([a, *(m.end() for m in _PROVISO.finditer(text, a, same[0]))])
        b = next((m.start() for m in _PROVISO.finditer(text, same[0], b)), b)
        m = _ONE_PERIOD.search(text, a, b)
        return None if m is None else " ".join((m.group()[0].lower() + m.group()[1:]).split())
    return None


#: The period one step of a pay schedule is stated for: "During the period of June 1, 1999 to May 31, 2000"
#: (Monroe), "commencing January 1, 1999" (Sophinos), "in the second year of the Term".
_STEP = re.compile(
    r"(?i)\b(?:(?:during|for|in)\s+the\s+period\s+(?:of|from|beginning|commencing)\s+(?:on\s+)?" +
    _NAMED_DATE.format(p="a") + r"\s+(?:to|through|until|and\s+ending(?:\s+on)?)\s+" + _NAMED_DATE.format(p="b") +
    r"|(?:commencing|beginning|starting|effective)\s+(?:on\s+|as\s+of\s+)?" + _NAMED_DATE.format(p="c") +
    r"|(?:during|for|in)\s+the\s+(?:first|second|third|fourth|fifth)\s+(?:(?:full|contract|employment|fiscal|calendar)"
    r"\s+)?year(?:\s+of\s+(?:the\s+term|employment|this\s+agreement))?)")


#: A table row's year ("Year 1", "Contract Year 2", "Second Year") and its dates ("July 1, 2027 to June 30, 2028").
_ROW_YEAR = re.compile(r"(?i)(?:(?:contract|employment|fiscal|calendar)\s+)?year\s+(?:\d{1,2}|one|two|three|four|five)"
                       r"|(?:first|second|third|fourth|fifth)\s+(?:(?:contract|employment)\s+)?year")
_ROW_DATES = re.compile(r"(?i)(?:from\s+)?" + _NAMED_DATE.format(p="a") + r"\s*(?:to|through|until|-|–|—)\s*" +
                        _NAMED_DATE.format(p="b"))


def _table_schedule(text: str, near: str) -> tuple[tuple[float, str], ...]:
    """The steps of a pay table read row by row, one cell a line (physician3's Associate CMIO: "Year 1", "July 1,
    2027 to June 30, 2028", "$232,000", then Year 2 and Year 3): each amount alone on its line, after its year or
    its dates, under a lead-in or header naming `near`."""
    lines, at = [], 0
    for line in text.split("\n"):
        lines.append((at, line.strip()))
        at += len(line) + 1
    run: list[tuple[float, str]] = []
    label: list[str] = []
    for start, line in lines:
        if _ROW_YEAR.fullmatch(line) or _ROW_DATES.fullmatch(line):
            label.append(line)
            continue
        amounts = _quantities(line, "usd") if label else []
        if amounts and alone(line, "usd") and (run or re.search(near, text[:start], re.I)):
            year = next((x for x in label if _ROW_YEAR.fullmatch(x)), None)
            dates = next((x for x in label if _ROW_DATES.fullmatch(x)), None)
            words = f"in {year}" + (f" ({dates})" if dates else "") if year else f"from {dates}"
            run.append((amounts[0][2], words))
        elif len(run) >= 2:
            break
        else:
            run = []
        label = []
    values = [v for v, _ in run]
    return tuple(run) if len(run) >= 2 and len(set(values)) == len(values) else ()


def schedule(text: str, near: str) -> tuple[tuple[float, str], ...]:
    """(amount, the draft's words for its period) of each step where text states pay as a schedule, in consecutive
    sentences (or clauses) naming `near` that state each dollar amount with a period of its own; () where it states
    one figure (or the next sentence's dated amount is no salary: "Commencing January 1, 2002, a retention bonus").
    Monroe's $250,000 "during the period of June 1, 1999 to May 31, 2000" and $275,000 for the year after were read
    as a base salary of $250,000, and the letter's "keep the draft's base salary of $250,000" gave up the second
    year's raise."""
    run: list[tuple[float, str]] = []
    for a, b in [*sentences(text), (len(text), len(text))]:
        amounts = _quantities(text[a:b], "usd")
        periods = list(_STEP.finditer(text, a, b))
        marks = sorted([(a + s, 0) for s, _, _ in amounts] + [(m.start(), 1) for m in periods])
        if amounts and len(amounts) == len(periods) and re.search(near, text[a:b], re.I) and \
                all(marks[i][1] != marks[i + 1][1] for i in range(len(marks) - 1)):
            # each amount with its own period, in order: "(i) $235,000.00 during the period from April 1, 1998 to
            # December 31, 1998; and (ii) $248,000.00 commencing January 1, 1999"
            run += [(v, " ".join(m.group().split())) for (_, _, v), m in zip(amounts, periods)]
            continue
        values = [v for v, _ in run]
        if len(set(values)) == len(values) >= 2:
            return tuple((v, words[0].lower() + words[1:]) for v, words in run)
        run = []
    return _table_schedule(text, near) if "\n" in text else ()


def alone(text: str, kind: str) -> bool:
    """Whether text states one quantity of the kind and nothing else: a table cell's "12 months"."""
    found = _quantities(text, kind)
    return len(found) == 1 and not text[:found[0][0]].strip() and not text[found[0][1]:].strip(" .")


def stated_values(text: str, kind: str) -> tuple[float, ...]:
    """The values text states as quantities of the kind anywhere ("sixty (60) days" states 60 days): a cheap first
    look, over a whole contract, before reading it sentence by sentence."""
    hint = _UNIT_HINT.get(kind)
    if hint is not None and not hint.search(text):
        return ()
    return tuple(q[2] for q in _quantities(text, kind))


def extract_quantity(text: str, kind: str, near: str | None = None, beside: bool = False,
                     unless: str | None = None, ceiling: bool = False, floor: bool = False,
                     multiples: bool = False, after: str | None = None, conditions: str | None = None,
                     before: str | None = None) -> float | None:
    """The quantity of a kind in text; with `near`, the one closest to a match of that pattern (with `beside`,
    only one in the same sentence as a match), never one in a sentence that matches `unless` (with `ceiling`, only
    one stated as a ceiling, "up to 50%"; with `floor`, only one stated as a floor, "a minimum of 50%"; with
    `multiples`, months also as a multiple of a year's pay in a sentence naming `near`, "two times Base Salary";
    with `after`, only one the text right after it matches; with `before`, only one the text right before it
    matches; `conditions` as in `_ground`)."""
    return _pick(text, _candidates(text, kind, near, multiples), near, kind, beside, unless, ceiling, floor, after,
                 conditions, before)


def pay_period(text: str, near: str | None = None, unless: str | None = None) -> tuple[float, str] | None:
    """(the amount, the pay period: 8653.84, "every two weeks") where the dollar amount `extract_quantity(text,
    "usd", near)` reads is one for a pay period, annualised, else None: a year's figure the contract never wrote,
    which is quoted as the contract states it and never as a year's pay to the cent."""
    chosen = _choose(text, _quantities(text, "usd"), near, "usd", unless=unless)
    if chosen is None or chosen[3] is None:
        return None
    named, amount = chosen[3]
    return amount, named


def _candidates(text: str, kind: str, near: str | None, multiples: bool) -> list[tuple[int, int, float]]:
    """The quantities of a kind in text, with the multiples of a year's pay where they count as months."""
    found = _quantities(text, kind)
    return _drop_overlaps(found + _multiples(text, near)) if multiples and kind == "months" else found


#: "“Restricted Period” means ...", "the term “Restricted Period” shall mean ...", "(the “Restricted Period”)".
_DEFINES = re.compile(r"[“\"]([A-Z][\w’'\- ]{2,60})[”\"]\s*(?:shall\s+)?(?:means?|refers?\s+to|has\s+the\s+meaning)")
_PAREN = re.compile(r"\((?:the\s+|a\s+|each,?\s+an?\s+)?[“\"]([A-Z][\w’'\- ]{2,60})[”\"]\)")
#: A name a parenthesis defines after other words ("the Initial Term and any Extension Term(s), collectively, the
#: “Employment Term”)"), or between its commas ("such notice by either party, “Non-Renewal”, and ...").
_PAREN_TAIL = re.compile(r",\s+(?:(?:collectively|together|each|individually|respectively),?\s+)?(?:the\s+|an?\s+)?"
                         r"[“\"]([A-Z][\w’'\- ]{2,60})[”\"](?:\)|,\s+and\b)")


#: A name for a recurring period ("Contract Year" means each twelve (12) month period beginning on ...): a unit the
#: clause counts in, not a period of its own (a term renewing "for successive terms of two (2) Contract Years").
_RECURRING = re.compile(r"(?i)\bmeans\s+(?:each|every|any)\s+(?:(?:consecutive|successive|calendar)\s+)?"
                        r"(?:period\s+of\s+)?(?:[\w-]+\s+){0,2}(?:\(\d+\)[\s-]*)?[\w-]*\b(?:month|year|week|day)s?\b")


def definitions(texts: list[str], every: bool = False) -> dict[str, str]:
    """Defined terms of a contract and the sentence that defines each, e.g. "Restricted Period" -> "...for a
    period of 18 months thereafter (the “Restricted Period”)". With `every`, also the names a parenthesis defines
    after other words, for what an edit must not strike: as definitions to read figures from they would take a
    term's notice of non-renewal for notice of "termination ... other than by reason of ... Non-Renewal"
    (Wasiewski)."""
    out: dict[str, str] = {}
    for text in texts:
        for m in _DEFINES.finditer(text):
            end = next((b for a, b in sentences(text) if a <= m.start() < b), len(text))
            out.setdefault(m.group(1).strip(), text[m.start():end])
        for m in [*_PAREN.finditer(text), *(_PAREN_TAIL.finditer(text) if every else ())]:
            start = next((a for a, b in sentences(text) if a <= m.start() < b), 0)
            out.setdefault(m.group(1).strip(), text[start:m.end()])
    return out


def read_rule(rule: Extractor, text: str) -> float | None:
    """The quantity an extract rule reads in text."""
    value = extract_quantity(text, rule.kind, rule.near, rule.beside, rule.unless, rule.ceiling, rule.floor,
                             rule.multiples, rule.after, rule.conditions, rule.before)
    if value is not None and rule.kind == "usd" and rule.near:
        steps = schedule(text, rule.near)
        if any(math.isclose(value, v) for v, _ in steps):  # pay stated as a schedule is its first step's
            value = steps[0][0]
    if value is None and rule.phrased:
        excluded = ruled_out(text, rule.unless, conditions=rule.conditions) if rule.unless else []
        value = next((figure for a, b in sentences(text) if (a, b) not in excluded
                      for pattern, figure in rule.phrased.items() if re.search(pattern, text[a:b], re.I)), None)
    return value


def pays(rule: Extractor, text: str) -> bool:
    """Whether text states the rule's figure as pay where its `unless` leaves it: beside its cue, or (with
    `multiples`) as a year's pay or a multiple of it on a termination (Mcgrane's "an amount equal to the Executive's
    Annual Base Salary ... following the Executive's termination of employment"); not any period the text names (an
    initial term of eighteen months)."""
    if read_rule(rule.model_copy(update={"beside": True}), text) is not None:
        return True
    excluded = ruled_out(text, rule.unless, conditions=rule.conditions)
    return rule.multiples and rule.kind == "months" and any(
        not any(a <= q[0] < b for a, b in excluded) for q in _multiples(text, rule.near))


def set_aside(clause: Clause, text: str, elsewhere: tuple[str, ...] | list[str] = ()) -> dict[str, tuple[float, str]]:
    """The figures of the clause's parameters that text (else the texts `elsewhere`, in order) states only in
    sentences their rule's `unless` rules out, for the rules that say why such a figure is not theirs (`set_aside`),
    each with that reason: Tighe's "24 month severance package ... subject to a change of control" is no severance
    of an ordinary termination; the reason is the one named for the group of the `unless` that ruled the figure out
    (Eshelman's pay on his own resignation, `resigns`), else the first. The caller asks only of parameters read
    nowhere else."""
    out: dict[str, tuple[float, str]] = {}
    for name, rule in clause.extract.items():
        if not rule.set_aside or not rule.unless:
            continue
        reasons = rule.set_aside if isinstance(rule.set_aside, dict) else {"": rule.set_aside}
        for t in (text, *elsewhere):
            excluded = ruled_out(t, rule.unless, conditions=rule.conditions)
            found = [q for q in _candidates(t, rule.kind, rule.near, rule.multiples)
                     if any(a <= q[0] < b for a, b in excluded)]
            chosen = _choose(t, found, rule.near, rule.kind, rule.beside, None, rule.ceiling, rule.floor, rule.after,
                             before=rule.before)
            if chosen is not None:
                spans = sentences(t)
                i = next(i for i, (a, b) in enumerate(spans) if a <= chosen[0] < b or b == len(t))
                hit = re.search(rule.unless, _ground(t, spans, i, rule.conditions), re.I | re.S)
                groups = {g for g, v in (hit.groupdict() if hit else {}).items() if v}
                value = chosen[2]
                out[name] = (int(value) if float(value).is_integer() else round(value, 2),
                             next((why for g, why in reasons.items() if g in groups), next(iter(reasons.values()))))
                break
    return out


def extract(clause: Clause, text: str, defined: dict[str, str] | None = None,
            elsewhere: tuple[str, ...] | list[str] = ()) -> dict[str, Any]:
    """Every parameter the clause knows how to read, as stated in text (absent ones are left out); a parameter
    the text leaves to a defined term is read from that term's definition, and one it leaves unstated from the
    texts `elsewhere` (other parts of the contract about the topic), in order, near its cue only."""
    return read_clause(clause, text, defined, elsewhere)[0]


def read_clause(clause: Clause, text: str, defined: dict[str, str] | None = None,
                elsewhere: tuple[str, ...] | list[str] = (),
                siblings: tuple[str, ...] | list[str] = ()) -> tuple[dict[str, Any], list[str]]:
    """(the parameters, as `extract` reads them; the texts of `elsewhere` any of them was read from, which say
    what the clause pays there: Genaera's twelve months of salary "or until you secure full time employment
    elsewhere, whichever period is shorter"). A rule that reads `siblings` (Extractor.siblings) reads the
    sentences of those texts last, in order, and the sentence it reads a figure in is one of those returned."""
    out: dict[str, Any] = {}
    used: list[str] = []
    for name, rule in clause.extract.items():
        value = read_rule(rule, text)
        if value is None and defined:
            # a term used only in sentences the rule rules out ("during the Employment Period ... solicit") is not
            # the clause's: its definition (five years of employment) is no period of the clause
            excluded = set(ruled_out(text, rule.unless, conditions=rule.conditions))
            read = [text[a:b] for a, b in sentences(text) if (a, b) not in excluded]
            # and a term is the clause's figure only where its definition or a sentence using it names the figure
            # (severance "by reason of ... Disability" does not pay for the "3 months" that define a disability)
            cued = read if rule.near is None else [s for s in read if re.search(rule.near, s, re.I)]
            for term, definition in defined.items():
                if _RECURRING.search(definition):
                    continue
                if any(term in s for s in read) and definition not in text and \
                        (any(term in s for s in cued) or re.search(rule.near, definition, re.I)):
                    value = read_rule(rule, definition)
                    if value is not None:
                        break
        if value is None and rule.near:
            beside = [t[a:b] for t in siblings for a, b in sentences(t)] if rule.siblings else []
            for other in [*elsewhere, *beside]:
                value = read_rule(rule, other)
                if value is not None:
                    used += [other] if other not in used else []
                    break
        if value is None:
            continue
        if clause.parameters[name].type == "int" or (float(value).is_integer() and rule.kind != "fte"):
            value = int(round(value))
        else:
            value = round(value, 2)
        out[name] = value
    return out, used
