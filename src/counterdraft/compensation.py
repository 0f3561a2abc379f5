"""Compensation math, computed and never typed into a template.

    expected bonus     = base salary x bonus target % x expected payout % (of target)
    total cash         = base salary + stipend + expected bonus
    equity, a year     = grant value / vesting years
    total with equity  = total cash + equity a year
    wRVU target        = full-time (1.0 FTE) wRVU target x clinical FTE

Two sides: what the physician proposes (the profile's `compensation` figures and the asks of the pay clauses) and
what the draft offers (amounts read from the review's findings). Every figure says where it came from, so the
letter, the memo and `counterdraft review` can state their inputs next to the results.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Any, Literal

from .errors import ConfigError
from .extract import extract_quantity, pay_period, schedule, stated_for
from .library import Library, contractor_values, profile_values
from .models import Compensation as CompensationFields
from .models import Clause, Finding, Message, Profile, Review
from .review import FTE_BELOW_ONE, Reviewed, for_one_period, no_step_back, rejudge, under_ceiling
from .terms import salary_named
from .wording import fte as _fte
from .wording import money as _money
from .wording import steps as _steps

Unit = Literal["usd", "percent", "years", "fte", "wrvu"]
Side = Literal["proposed", "offered"]

CENT = Decimal("0.01")

#: key -> label, unit. Inputs first, then results, in the order they are shown.
LABELS: dict[str, tuple[str, Unit]] = {
    "base": ("Base salary", "usd"),
    "stipend": ("Stipend", "usd"),
    "stated_total": ("Total stated in the contract", "usd"),
    "bonus_target": ("Bonus target (of base salary)", "percent"),
    "bonus_cap": ("Bonus ceiling (of base salary)", "percent"),
    "bonus_floor": ("Bonus minimum (of base salary)", "percent"),
    "bonus_minimum": ("Bonus minimum", "usd"),
    "bonus_payout": ("Expected payout (of target)", "percent"),
    "grant": ("Equity grant value", "usd"),
    "vesting": ("Vesting period", "years"),
    "wrvu_full": ("Full-time wRVU target (1.0 FTE)", "wrvu"),
    "clinical_fte": ("Clinical FTE", "fte"),
    "guaranteed": ("Base salary plus stipend", "usd"),
    "bonus": ("Expected bonus", "usd"),
    "cash": ("Total cash compensation", "usd"),
    "equity_year": ("Equity, annualised", "usd"),
    "total": ("Total with equity", "usd"),
    "wrvu": ("wRVU target at the clinical FTE", "wrvu"),
    "sought_min": ("Total compensation sought, from", "usd"),
    "sought_max": ("Total compensation sought, up to", "usd"),
}
INPUT_KEYS = ("base", "stipend", "stated_total", "bonus_target", "bonus_cap", "bonus_floor", "bonus_minimum",
              "bonus_payout", "grant", "vesting", "wrvu_full", "clinical_fte")
RESULT_KEYS = ("guaranteed", "bonus", "cash", "equity_year", "total", "wrvu")


def number(value: Any) -> Decimal:
    """A float from YAML as the decimal it was written as (0.1 -> Decimal('0.1'), not its binary value)."""
    return value if isinstance(value, Decimal) else Decimal(repr(float(value)))


def fmt(value: Decimal, unit: Unit) -> str:
    """$325,000 / 12.5% / 4 years / 0.5 FTE / 2,400 wRVUs."""
    if unit == "usd":
        return _money(value.quantize(CENT))
    if unit == "percent":
        return f"{value.normalize():f}%"
    if unit == "years":
        v = f"{value.normalize():f}"
        return f"{v} year" if value == 1 else f"{v} years"
    if unit == "fte":
        return _fte(value)
    whole = value.to_integral_value(ROUND_HALF_EVEN)
    return f"{whole:,.0f} wRVUs" if whole == value else f"{value.normalize():,f} wRVUs"


@dataclass(frozen=True)
class Figure:
    key: str
    value: Decimal
    source: str  # an input: where it came from; a result: the arithmetic with the numbers
    #: How the contract states a dollar figure it gives for a pay period, annualised here ("$8,653.84 every two
    #: weeks"), else ''.
    stated: str = ""
    #: It adds such an annualised amount to others (cash of an annualised base and a bonus): a sum to the cent
    #: that the contract never states, quoted to the dollar.
    annualised: bool = False
    #: The draft's own figure, kept in the proposal: the letter calls it the draft's.
    drafted: bool = False
    #: A base salary the contract states as a schedule: (amount, the draft's words for its period) of each step, the
    #: figure being the first step's (Monroe's $250,000, then $275,000 for the year after).
    steps: tuple[tuple[Decimal, str], ...] = ()
    #: A result reached from the first step of such a schedule: a year's figure for that period only.
    first_step: bool = False
    #: A figure the draft states for one year or period only, asked for every year (Stevens's 35% target "for 1999"):
    #: what is reached from it holds only if the ask is granted, and says so.
    once: bool = False
    #: The one period the draft states a base salary for ("for the first Contract Year"), after which it states none
    #: (q3 pays production only from the second year), else ''.
    period: str = ""

    @property
    def said(self) -> str:
        """The figure as a sentence quotes it (str(figure), as the letter prints it): a pay-period amount annualised
        as the contract states it, with its year's amount to the dollar ("$8,653.84 every two weeks (about $225,000
        a year)"): the contract states no year's figure, and Mengert's letter quoted "$224,999.84" as one. A salary
        stated as a schedule is quoted whole, each step with its period, so that keeping it keeps the later steps."""
        if self.steps:
            return self.schedule
        if not (self.stated or self.annualised):
            return self.text
        whole = self.value.to_integral_value(ROUND_HALF_UP)
        about = f"{'' if whole == self.value else 'about '}{fmt(whole, self.unit)}"
        return f"{self.stated} ({about} a year)" if self.stated else about

    @property
    def a_year(self) -> str:
        """'$375,000 a year', or a pay-period amount or a schedule as `said` quotes it, which names its year's amount
        or its periods itself; a result of a schedule's first step says it is that step's."""
        if self.steps:  # "$250,000 a year during the period of ..., rising to $275,000 during ..."
            (value, period), later = self.steps[0], _steps(self.steps)[1:]
            return ", ".join([f"{fmt(value, self.unit)} a year {period}", *later])
        if self.stated:
            return self.said
        step = " (at the first step of the draft's salary schedule)" if self.first_step else ""
        return f"{self.said} a year{step}"

    @property
    def schedule(self) -> str:
        """'$250,000 during the period of June 1, 1999 to May 31, 2000, rising to $275,000 during the period of June
        1, 2000 to May 31, 2001': the steps of a salary stated as a schedule, in the draft's words."""
        return ", ".join(_steps(self.steps))

    def after(self, word: str) -> str:
        """The figure after the pay's name, led by `word` ("base salary of $250,000", "at $250,000"); a schedule as
        one ("base salary schedule ($250,000 during ..., rising to $275,000 during ...)"), whose steps are kept
        whole wherever the letter keeps or names the draft's pay."""
        return f"schedule ({self.schedule})" if self.steps else f"{word} {self}"

    @property
    def highest(self) -> Decimal:
        """The most the figure comes to: a schedule's highest step, else the figure."""
        return max((v for v, _ in self.steps), default=self.value)

    @property
    def label(self) -> str:
        return LABELS[self.key][0]

    @property
    def unit(self) -> Unit:
        return LABELS[self.key][1]

    @property
    def text(self) -> str:
        return fmt(self.value, self.unit)

    def __str__(self) -> str:
        return self.said


@dataclass
class Compensation:
    side: Side
    inputs: dict[str, Figure] = field(default_factory=dict)
    results: dict[str, Figure] = field(default_factory=dict)
    range_min: Figure | None = None  # the total sought (base-salary asks), proposed side only
    range_max: Figure | None = None
    notes: list[str] = field(default_factory=list)
    currency: str = ""  # offered side: the other currency the draft states pay in, "euros (€600,000)"

    def __getattr__(self, key: str) -> Figure | None:
        """comp.base, comp.cash ...: the figure, or None when it cannot be computed; templates test it with `if`."""
        if key in LABELS:
            return self.inputs.get(key) or self.results.get(key)
        raise AttributeError(key)

    @property
    def empty(self) -> bool:
        return not self.inputs and self.range_min is None and not self.currency

    @property
    def figures(self) -> list[Figure]:
        return [*self.inputs.values(), *self.results.values()]

    def as_dict(self, engaged: bool = False) -> dict[str, Any]:
        """JSON-ready: numbers as strings, so no cent is lost to a float; a contractor's (`engaged`) pay labelled as
        the letter names it (report_lines)."""
        def one(f: Figure) -> dict[str, str]:
            return {"key": f.key, "label": salary_named(f.label, engaged), "value": f"{f.value.normalize():f}",
                    "text": f.text, "source": f.source}

        out: dict[str, Any] = {"inputs": [one(f) for f in self.inputs.values()],
                               "results": [one(f) for f in self.results.values()],
                               "notes": [salary_named(n, engaged) for n in self.notes]}
        if self.range_min is not None and self.range_max is not None:
            out["sought"] = {"min": one(self.range_min), "max": one(self.range_max)}
        if self.currency:
            out["currency"] = self.currency
        return out

    def lines(self) -> list[str]:
        """'Label: value (source)' for every input and result, in display order."""
        out = [f"{f.label}: {f.text} ({f.source})" for f in self.inputs.values()]
        out += [f"{f.label}: {f.source} = {f.text}" for f in self.results.values()]
        return out


# ----------------------------------------------------------------------------------------------------- the arithmetic
def compute(side: Side, inputs: dict[str, Figure], range_min: Figure | None = None,
            range_max: Figure | None = None) -> Compensation:
    """Every result the inputs allow; a missing input leaves out the results that need it."""
    inputs = dict(inputs)
    if "bonus_target" in inputs and "bonus_payout" not in inputs:
        inputs["bonus_payout"] = Figure("bonus_payout", Decimal(100), "assumed: paid at target, no expected payout "
                                                                      "given")
    inputs = {k: inputs[k] for k in INPUT_KEYS if k in inputs}
    v = {k: f.value for k, f in inputs.items()}
    # the arithmetic shows where a pay-period amount's year comes from, not a year's figure to the cent of its own
    t = {k: f"{f.text} (annualised from {f.stated})" if f.stated else f.text for k, f in inputs.items()}
    if "base" in inputs and inputs["base"].steps:  # the arithmetic says which step of a schedule it counts
        t["base"] = f"{inputs['base'].text} (the first step of the draft's schedule)"
    results: dict[str, Figure] = {}
    notes: list[str] = []

    annualised = "base" in inputs and bool(inputs["base"].stated or inputs["base"].annualised)
    stepped = "base" in inputs and bool(inputs["base"].steps)

    def put(key: str, value: Decimal, how: str) -> None:
        of_base = key not in ("equity_year", "wrvu")
        results[key] = Figure(key, value, how, annualised=annualised and of_base, first_step=stepped and of_base)

    if "base" in v and "bonus_target" in v:
        bonus = (v["base"] * v["bonus_target"] * v["bonus_payout"] / Decimal(10000)).quantize(CENT, ROUND_HALF_UP)
        once = inputs["bonus_target"].once
        asked = " (asked for every year, as if granted)" if once else ""
        put("bonus", bonus, f"{t['base']} × {t['bonus_target']} target{asked} × {t['bonus_payout']} expected payout")
    elif "base" in v and ("bonus_floor" in v or "bonus_minimum" in v):  # a guaranteed minimum is paid whatever
        floor, key = guaranteed_bonus(inputs)                              # the payout
        put("bonus", floor, f"{t['base']} × {t[key]} guaranteed minimum" if key == "bonus_floor"
            else f"{t[key]} guaranteed minimum")
    if "base" in v:
        parts = [("base", v["base"])] + [(k, v[k]) for k in ("stipend",) if k in v]
        if "bonus" in results:
            parts.append(("bonus", results["bonus"].value))
        if "bonus" in results and "stipend" in v:  # the guaranteed part on its own, when a bonus comes on top
            put("guaranteed", v["base"] + v["stipend"], f"{t['base']} + {t['stipend']}")
        if len(parts) > 1:
            put("cash", sum((p for _, p in parts), Decimal(0)),
                " + ".join(t[k] if k in t else fmt(p, "usd") for k, p in parts))
    if "base" in v and "stated_total" in v and "stipend" in v and v["base"] + v["stipend"] != v["stated_total"]:
        notes.append(f"The contract's components ({t['base']} + {t['stipend']} = "
                     f"{fmt(v['base'] + v['stipend'], 'usd')}) differ from the total it states ({t['stated_total']}).")
    if "grant" in v and "vesting" in v:
        put("equity_year", (v["grant"] / v["vesting"]).quantize(CENT, ROUND_HALF_UP),
            f"{t['grant']} ÷ {t['vesting']} of vesting")
    if "equity_year" in results:
        cash = results.get("cash") or (Figure("base", v["base"], "") if "base" in v else None)
        if cash is not None:
            put("total", cash.value + results["equity_year"].value,
                f"{fmt(cash.value, 'usd')} + {results['equity_year'].text}")
    if "wrvu_full" in v and "clinical_fte" in v:
        put("wrvu", (v["wrvu_full"] * v["clinical_fte"]).to_integral_value(ROUND_HALF_EVEN),
            f"{t['wrvu_full']} at 1.0 FTE × {t['clinical_fte']} clinical FTE")
    results = {k: results[k] for k in RESULT_KEYS if k in results}
    comp = Compensation(side, inputs, results, range_min, range_max, notes)
    if range_min is not None and range_max is not None and "base" in v:
        sought = v["base"] + v.get("stipend", Decimal(0))  # the range is for base plus stipend, as base-salary says
        if not range_min.value <= sought <= range_max.value:
            what = "Base salary plus stipend" if "stipend" in v else "Base salary"
            notes.append(f"{what} ({fmt(sought, 'usd')}) is outside the {range_min.text} to {range_max.text} "
                         f"range asked for.")
    return comp


# ----------------------------------------------------------------------------------------------------- proposed side
#: key -> (the profile's compensation field, [(clause id, parameter)] that can state the same figure).
_STATED = CompensationFields.CLAUSE_FIGURES  # the clauses that state a figure of the profile's compensation
_PROPOSED: dict[str, tuple[str | None, list[tuple[str, str]]]] = {
    "base": ("base_salary", []),
    "stipend": ("stipend", [_STATED["stipend"]]),
    "bonus_target": ("bonus_target_percent", [_STATED["bonus_target_percent"]]),
    "bonus_payout": ("bonus_expected_payout_percent", []),
    "grant": ("equity_grant_value", [_STATED["equity_grant_value"]]),
    "vesting": ("equity_vesting_years", [_STATED["equity_vesting_years"]]),
    "wrvu_full": ("full_time_wrvu_target", [_STATED["full_time_wrvu_target"]]),
    "clinical_fte": (None, [("fte-split", "clinical_fte"), ("productivity-rvu", "clinical_fte")]),
}


def asked_clauses(profile: Profile, library: Library) -> list[str]:
    """The clauses the redline and letter argue for, as the plan picks them: priorities, then asks."""
    ids: list[str] = []
    for topic in profile.priorities:
        clause = library.clauses.get(topic) or library.by_topic(topic)
        if clause is not None and clause.id not in ids:
            ids.append(clause.id)
    ids += [c for c in profile.asks if c in library.clauses and c not in ids]
    return ids


def proposed(profile: Profile, library: Library, where: str = "", review: Review | None = None) -> Compensation:
    """The profile's figures; a pay clause the profile argues for contributes the numbers its wording will carry.

    A figure stated both in `compensation` and by such a clause must agree, or the letter would quote two numbers.
    With the `review`, a figure the draft states better than the ask is the draft's, as the plan keeps it
    (review.no_step_back): Monroe's 50% bonus target, kept in the plan, had the letter propose 30%.
    """
    asked = asked_clauses(profile, library)
    values = {cid: profile_values(library.get(cid), profile, where) for cid in asked}
    found = {f.topic: f.parameters for f in review.findings if f.status == "found"} if review is not None else {}
    kept = {cid: no_step_back(library.get(cid), values[cid], found.get(library.get(cid).topic, {}))[0]
            for cid in asked}
    inputs: dict[str, Figure] = {}
    for key, (own_field, clauses) in _PROPOSED.items():
        candidates: list[tuple[Decimal, str, str]] = []  # value, source, how to refer to it in an error
        own = getattr(profile.compensation, own_field) if own_field else None
        if own is not None:
            candidates.append((number(own), f"profile: compensation.{own_field}", f"compensation.{own_field}"))
        for clause_id, param in clauses:
            if clause_id in values:
                explicit = param in profile.asks.get(clause_id, {})
                src = f"asks.{clause_id}.{param}" if explicit else f"the {clause_id} clause's default {param}"
                candidates.append((number(values[clause_id][param]), f"profile: {src}" if explicit else src, src))
        if not candidates:
            continue
        first = candidates[0]
        for other in candidates[1:]:
            if other[0] != first[0]:
                raise ConfigError(f"{where}{first[2]} is {fmt(first[0], LABELS[key][1])} but {other[2]} is "
                                  f"{fmt(other[0], LABELS[key][1])}; give them the same value so the letter and the "
                                  f"redline agree")
        inputs[key] = Figure(key, first[0], first[1])
        better = [(number(kept[c][p]), c, p) for c, p in clauses if c in kept and number(kept[c][p]) != first[0]]
        if better:
            value, clause_id, param = better[0]
            clause = library.get(clause_id)
            once = for_one_period(clause, found.get(clause.topic, {}), param)  # Stevens's 1999 target, asked yearly
            inputs[key] = Figure(key, value, f"the contract's{' for one year or period only' if once else ''}, "
                                             f"better than the {fmt(first[0], LABELS[key][1])} asked for, "
                                             f"{'asked for every year' if once else 'kept'} as in the plan", once=once)
    rvu = _STATED["full_time_wrvu_target"][0]
    rvu = getattr(library.clauses.get(rvu), "topic", rvu)
    if review is not None and "wrvu_full" in inputs and \
            not any(f.topic == rvu and f.status == "found" and f.assessment != "missing" and
                    "collections" not in f.flagged for f in review.findings):
        # a draft that sets no productivity target is offered none (the plan asks nothing of it): Wung's letter
        # scaled "the full-time productivity target of 4,400 wRVUs" for an employer whose draft had no target, ph2's
        # for a letter that says "you will not have an RVU target" (found, and assessed as lacking one), and ph3's
        # for pay by a share of collections, where the letter asks for the informatics work to be paid outside it
        del inputs["wrvu_full"]
    drafted = found.get("bonus-incentive", {})
    if "bonus_target" in inputs and "bonus-incentive" in kept and \
            "target_percent" in under_ceiling(library.get("bonus-incentive"), kept["bonus-incentive"], drafted):
        # a target far below the draft's ceiling is not proposed (the plan writes none in), nor counted: the letter
        # asks the employer to state its own (Clancey's "up to 100%", where 10% was asked)
        del inputs["bonus_target"]
    floor = drafted.get("minimum_percent", drafted.get("conditional_minimum_percent"))
    if "bonus_target" in inputs and floor is not None and \
            kept.get("bonus-incentive", {}).get("target_percent") == floor:
        # the draft's minimum, at or above the target asked for, kept as in the plan: a floor, never recast as a
        # target (Monroe's "a minimum of 50%", which the letter had proposed as a 50% target); counted only where it
        # is guaranteed, not paid only on a condition
        asked = fmt(number(values["bonus-incentive"]["target_percent"]), "percent")
        del inputs["bonus_target"]
        if "minimum_percent" in drafted:
            inputs["bonus_floor"] = Figure("bonus_floor", number(floor), f"the contract's, at or above the {asked} "
                                                                         f"target asked for, kept as in the plan")
    if review is not None and "bonus-incentive" not in values and \
            not {"bonus_target", "bonus_floor", "bonus_minimum"} & set(inputs):
        # a bonus the letter does not ask to change stays as drafted, so the proposal's cash counts it as the
        # draft's side does: Wood's "$247,500 in cash, counting its 50% bonus target" beside a proposed "total cash"
        # of base plus stipend alone understated the proposal by its own bonus
        drafted_pay = offered(review, profile).inputs
        for key in ("bonus_target", "bonus_floor", "bonus_minimum"):
            if key in drafted_pay:
                inputs[key] = Figure(key, drafted_pay[key].value,
                                     f"{drafted_pay[key].source}, kept: the letter does not ask to change it",
                                     drafted=True)
    lo = hi = None
    if "base-salary" in values:
        src = "asks.base-salary" if "base-salary" in profile.asks else "the base-salary clause's defaults"
        lo = Figure("sought_min", number(values["base-salary"]["target_total_min"]), f"profile: {src}")
        hi = Figure("sought_max", number(values["base-salary"]["target_total_max"]), f"profile: {src}")
    return compute("proposed", inputs, lo, hi)


# ----------------------------------------------------------------------------------------------------- offered side
_TOTAL_CUE = r"\btotal\b"
#: What names the salary, where the words the contract states it in are read again (see Figure.stated).
_PAY_CUE = r"salary|compensation|\brate\b"
#: The clause parameter the total of pay a contract states is read into (where it names a total).
STATED_TOTAL = ("base-salary", "target_total_min")
#: The clause parameter the contract's base salary is read into.
BASE_SALARY = ("base-salary", "amount_usd")
#: Topics whose requests are about the amount of pay.
PAY_TOPICS = ("base-salary", "leadership-stipend")
_WRVU = re.compile(r"(?i)\b(\d{1,3}(?:,\d{3})+|\d{3,6})\s*(?:annual\s+)?(?:work\s+)?(?:w?RVUs?|relative\s+value\s+units)")


#: Currencies other than the US dollar: (what the message calls it, the symbols or codes written before an amount,
#: the names written after it).
_CURRENCIES = (
    ("euros", r"€|EUR", r"euros?"),
    ("pounds sterling", r"£|GBP", r"pounds(?:\s+sterling)?|sterling"),
    ("Swiss francs", r"CHF|SFr\.?", r"Swiss\s+francs?"),
    ("Canadian dollars", r"C\$|CA\$|CAD", r"Canadian\s+dollars?"),
    ("Australian dollars", r"A\$|AU\$|AUD", r"Australian\s+dollars?"),
    ("yen", r"¥|JPY", r"yen"),
    ("rupees", r"₹|INR|Rs\.?", r"rupees?"),
)
_AMOUNT = r"\d{1,3}(?:[,.'\u2019\s]\d{3})+(?:[.,]\d{2})?|\d{3,}(?:[.,]\d{2})?|\d+(?:[.,]\d+)?\s*(?:million|m\b)"
_FOREIGN = [(name, re.compile(rf"(?<![\w$])(?:{before})\s?(?:{_AMOUNT})|(?:{_AMOUNT})\s*(?:{after})\b", re.I))
            for name, before, after in _CURRENCIES]


def other_currency(text: str) -> str:
    """'euros (€600,000)' where `text` states an amount in a currency other than the US dollar, else ''.

    Baan's "€600,000 per annum" was read as no salary at all, and the letter proposed $275,000: a draft that pays in
    another currency is not compared with dollar figures (a rate of exchange is the user's to choose)."""
    hits = [(m.start(), name, m.group(0)) for name, rx in _FOREIGN for m in rx.finditer(text)]
    if not hits:
        return ""
    _, name, amount = min(hits)
    return f"{name} ({' '.join(amount.split())})"


def currency_name(described: str) -> str:
    """'euros' of other_currency's 'euros (€600,000)'."""
    return described.split(" (", 1)[0]


def money_currency(clause: Clause, finding: Finding, pay: str) -> str:
    """The other currency the clause's money is in, '' for US dollars: none where the clause has no money parameter
    or the review read a dollar figure of it ("$3,000 for CME" in a euro contract is in dollars); else the amount in
    another currency its own text states, else `pay`, the currency of the draft's pay (offered().currency): an
    allowance the contract lacks is paid like the salary. Baan pays "€600,000 per annum": its CME allowance is no
    $4,000."""
    money = [name for name, p in clause.parameters.items() if p.type == "money"]
    if not money or any(name in finding.parameters for name in money):
        return ""
    return (other_currency(finding.text) if finding.status == "found" else "") or pay


def _where(finding: Finding) -> str:
    return f"contract, section {finding.heading!r}" if finding.heading else "contract"


def offered(review: Review, profile: Profile | None = None) -> Compensation:
    """The draft's own figures, read from the sections the review matched; absent ones are left out."""
    found = {f.topic: f for f in review.findings if f.status == "found"}
    inputs: dict[str, Figure] = {}

    def param(topic: str, name: str, key: str) -> None:
        f = found.get(topic)
        if f is not None and name in f.parameters and key not in inputs:
            inputs[key] = Figure(key, number(f.parameters[name]), _where(f))

    pay = found.get("base-salary")
    if pay is not None:
        # as the review read it: a year's pay however stated ("$8,653.84 per biweekly pay period", "Your salary will
        # be $350,000 per year")
        param(*BASE_SALARY, "base")
        period = pay_period(pay.text, _PAY_CUE)
        if period and "base" in inputs and number(extract_quantity(pay.text, "usd", _PAY_CUE)) == inputs["base"].value:
            stated = f"{fmt(number(period[0]), 'usd')} {period[1]}"
            inputs["base"] = Figure("base", inputs["base"].value, f"{inputs['base'].source}: {stated}, annualised",
                                    stated)
        steps = tuple((number(v), words) for v, words in schedule(pay.text, _PAY_CUE))
        if "base" in inputs and not inputs["base"].stated and steps and steps[0][0] == inputs["base"].value:
            # Monroe's $250,000 for one year and $275,000 for the next: the first step counted, the schedule kept
            base = replace(inputs["base"], steps=steps)
            later = ", ".join(_steps(steps)[1:])
            inputs["base"] = replace(base, source=f"{base.source}: its first step, {later}")
        limited = stated_for([pay.text], "usd", float(inputs["base"].value)) \
            if "base" in inputs and not inputs["base"].steps else None
        if limited:
            inputs["base"] = replace(inputs["base"], source=f"{inputs['base'].source}: stated {limited} only",
                                     period=limited)
        if re.search(_TOTAL_CUE, pay.text, re.I) and STATED_TOTAL[1] in pay.parameters:
            total = number(pay.parameters[STATED_TOTAL[1]])
            if "base" not in inputs or inputs["base"].value != total:
                inputs["stated_total"] = Figure("stated_total", total, _where(pay))
    param("leadership-stipend", "amount_usd", "stipend")
    unread = [found[t].text for t, key in (("base-salary", "base"), ("leadership-stipend", "stipend"))
              if t in found and key not in inputs]  # pay of which the review read no dollar figure
    currency = next(filter(None, map(other_currency, unread)), "")
    # a bonus "of up to 18.5% of base" states the most it can pay (the review reads it as the target too): a ceiling,
    # shown as one and never counted as cash expected; "a minimum of 50%" is a floor, counted as guaranteed; a
    # target stated beside either is the target
    param("bonus-incentive", "maximum_percent", "bonus_cap")
    param("bonus-incentive", "minimum_percent", "bonus_floor")
    param("bonus-incentive", "minimum_usd", "bonus_minimum")
    bonus = found.get("bonus-incentive")
    read = bonus.parameters if bonus is not None else {}
    # a target "of up to 100%" is a ceiling too, and one "for 1999" sets none for the years after it: neither counts
    if read.get("target_percent") not in (read.get("maximum_percent"), read.get("minimum_percent"),
                                          read.get("conditional_minimum_percent"), read.get("target_maximum_percent"),
                                          read.get("year_target_percent")):
        param("bonus-incentive", "target_percent", "bonus_target")
    period = stated_for([bonus.text], "percent", inputs["bonus_target"].value) if "bonus_target" in inputs else None
    if period:
        # Grigg's 70% "for the remainder of the 2004 payroll year": no target the draft states for later years
        inputs["bonus_target"] = Figure("bonus_target", inputs["bonus_target"].value,
                                        f"{inputs['bonus_target'].source}: stated {period} only")
    if "bonus_target" in inputs and "bonus_floor" not in inputs and "minimum_of_target_percent" in read:
        # "not less than 50% of target": a floor of the base salary at the target stated
        share, target = number(read["minimum_of_target_percent"]), inputs["bonus_target"]
        inputs["bonus_floor"] = Figure("bonus_floor", target.value * share / 100,
                                       f"{_where(bonus)}: {fmt(share, 'percent')} of the {target.text} target")
    notes = []
    if "base" in inputs and inputs["base"].steps:
        notes.append(f"The base salary is stated as a schedule ({inputs['base'].schedule}); the figures count its "
                     f"first step, {inputs['base'].text}.")
    if "base" in inputs and inputs["base"].period:
        notes.append(f"The base salary of {inputs['base'].text} is stated {inputs['base'].period} only; the figures "
                     f"count it as a year's pay, so read what the draft pays after that period.")
    if "conditional_minimum_percent" in read and "bonus_floor" not in inputs:
        # Monroe's "Predicated on Corporation's performance, ... a minimum of 50%": no pay to count on
        notes.append(f"The bonus minimum of {fmt(number(read['conditional_minimum_percent']), 'percent')} of base "
                     f"salary is paid only on a condition the contract states; it is not counted as guaranteed pay.")
    if "bonus_target" in inputs and profile is not None and profile.compensation.bonus_expected_payout_percent \
            is not None:
        inputs["bonus_payout"] = Figure("bonus_payout", number(profile.compensation.bonus_expected_payout_percent),
                                        "profile: compensation.bonus_expected_payout_percent")
    param("equity", "grant_value_usd", "grant")
    equity = found.get("equity")
    if equity is not None and "grant" in inputs and \
            extract_quantity(equity.text, "usd", r"grant|award|option") == inputs["grant"].value:
        # the vesting of the grant whose value was read: a value read from another part of the contract (Grigg's
        # restricted stock "in lieu of" a pension) is another award than the options vesting in the clause
        months = extract_quantity(equity.text, "months", r"vest")
        if months is not None and months > 0:
            inputs["vesting"] = Figure("vesting", number(months) / 12, _where(equity))
    param("fte-split", "clinical_fte", "clinical_fte")
    param("productivity-rvu", "clinical_fte", "clinical_fte")
    rvu = found.get("productivity-rvu")
    if rvu is not None:
        m = _WRVU.search(rvu.text)
        if m:
            inputs["wrvu_full"] = Figure("wrvu_full", Decimal(m.group(1).replace(",", "")), _where(rvu))
    comp = compute("offered", inputs)
    comp.currency = currency
    comp.notes += notes
    return comp


def both(review: Review, profile: Profile | None, library: Library, where: str = "",
         full_time: bool = False, position: tuple[float, str] | None = None) -> list[Compensation]:
    """[offered, proposed] for `counterdraft review`; proposed only with a profile, and as the letter names it
    (for_the_letter), with the notes that say why: Garrett's review proposed the profile's $240,000 base and $45,000
    stipend while the letter and the memo kept the draft's $270,000 and named a $30,000 stipend. Where the letter
    raises no pay, the range sought is shown with why it is not asked for."""
    drafted = offered(review, profile)
    if profile is None:
        return [drafted]
    sought = proposed(profile, library, where, review)
    pay = for_the_letter(sought, drafted, part_time(profile, review, full_time))
    pay.messages += other_position(profile, position)
    side = pay.proposed if pay.raise_pay else \
        Compensation("proposed", range_min=sought.range_min, range_max=sought.range_max)
    notes = [m.text.removeprefix("compensation: ") for m in pay.messages]
    if pay.currency:
        notes.append(f"pay is not asked for: the draft states pay in {pay.currency}")
    return [drafted, replace(side, notes=side.notes + notes)]


_HEADINGS = {"offered": "as offered (read from the contract)", "proposed": "as proposed (as the letter names it)"}


def report_lines(sides: list[Compensation], engaged: bool = False) -> list[str]:
    """The plain-text block `counterdraft review` prints: each figure with its source or its arithmetic, a
    contractor's (`engaged`) pay named as the letter names it ("Annual fee", not "Base salary")."""
    out: list[str] = []
    for comp in sides:
        if comp.empty:
            continue
        out += ["", f"Compensation {_HEADINGS[comp.side]}:"]
        for f in comp.inputs.values():
            out.append(f"  {salary_named(f.label, engaged):34} {f.text:>14}   {f.source}")
        if comp.range_min is not None and comp.range_max is not None:
            out.append(f"  {'Total compensation sought':34} {comp.range_min.text + ' to ' + comp.range_max.text:>14}"
                       f"   {comp.range_min.source}")
        for f in comp.results.values():
            out.append(f"  {salary_named(f.label, engaged):34} {f.text:>14}   = {f.source}")
        out += [f"  note: {salary_named(n, engaged)}" for n in comp.notes]
        if comp.currency:
            out.append(f"  note: the draft states pay in {comp.currency}, not US dollars; compare it yourself")
    return out


@dataclass
class LetterFigures:
    """What the letter may quote: never a figure below what the draft already gives, which would ask the employer
    for less than its offer."""

    proposed: Compensation
    offered: Compensation
    raise_pay: bool  # whether the letter asks for more pay at all
    guaranteed: Figure | None = None  # the draft's guaranteed pay a year, where it reads one
    what: str = ""  # what that pay is: "base salary", "base salary and stipend" or "total compensation"
    kept: tuple[str, ...] = ()  # the draft's base salary or stipend, above the profile's: the letter keeps it
    currency: str = ""  # the draft pays in this other currency: the letter names no pay figures
    messages: list[Message] = field(default_factory=list)
    #: The stipend every output asks for, so that the plan's stipend clause (its wording, comment and request) and
    #: the letter name one figure: the one the letter names; else the draft's, where the letter keeps it or does
    #: not raise pay; else None: with `raise_pay`, a stipend whose amount is left to be agreed (no figure of it is
    #: known), without it none at all (the draft's pay meets the range).
    stipend: Figure | None = None
    #: The draft's base salary, for full-time work, and what it comes to at the part-time position's total
    #: FTE, which the profile's figures and the range are measured against (part_time); else None.
    full_time: Figure | None = None
    at_fte: Figure | None = None


def minimum_bonus(base: Decimal, percent: Decimal) -> Decimal:
    """A bonus's guaranteed minimum a year, `percent` of the base salary."""
    return (base * percent / Decimal(100)).quantize(CENT, ROUND_HALF_UP)


def guaranteed_bonus(inputs: dict[str, Figure]) -> tuple[Decimal, str]:
    """(a bonus's guaranteed minimum a year, the input it is reached from) of a floor of the base salary
    (`bonus_floor`, at the `base`) and one in dollars (`bonus_minimum`), the larger where both are stated."""
    amounts = [(inputs["bonus_minimum"].value, "bonus_minimum")] if "bonus_minimum" in inputs else []
    if "bonus_floor" in inputs and "base" in inputs:
        amounts.append((minimum_bonus(inputs["base"].value, inputs["bonus_floor"].value), "bonus_floor"))
    return max(amounts, key=lambda a: a[0])


def guaranteed_pay(offered: Compensation) -> tuple[Figure | None, str]:
    """(the draft's guaranteed pay a year, what it is): base salary plus stipend, and a bonus's guaranteed minimum
    every year ("an annual bonus of a minimum of 50% of the base salary", its amount at the base), or the total the
    contract states where that is more (a stated annual total is what the contract promises).

    No other bonus is counted: a target, "up to" or discretionary bonus may pay nothing, and a guarantee for one year
    does not recur (the review reads no floor from one). The range sought is base plus stipend before any bonus (the
    letter says so), so the draft meets it only with pay it cannot withhold; Metz's $250,000 base and bonus "of up
    to 100%" is $250,000 guaranteed, not the $500,000 its cash at target comes to, while Monroe's $250,000 base and
    guaranteed minimum bonus of 50% is $375,000."""
    if offered.base is None:
        return offered.stated_total, "total compensation" if offered.stated_total else ""
    # a salary the draft states for its first year only is said to be that year's ("base salary for the first
    # Contract Year"), not pay the draft keeps
    parts = [(offered.base.value, offered.base.text, " ".join(filter(None, ("base salary", offered.base.period))))]
    if offered.stipend is not None:
        parts.append((offered.stipend.value, offered.stipend.text, "stipend"))
    if offered.bonus_floor is not None or offered.bonus_minimum is not None:
        floor, key = guaranteed_bonus(offered.inputs)
        parts.append((floor, f"{fmt(floor, 'usd')} ({offered.inputs[key].text} guaranteed minimum bonus)"
                      if key == "bonus_floor" else f"{fmt(floor, 'usd')} (guaranteed minimum bonus)",
                      "guaranteed minimum bonus"))
    names = [name for _, _, name in parts]
    what = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    # a pay-period base is quoted with the rest as the contract states it
    stated = " plus ".join([offered.base.stated, *(t for _, t, _ in parts[1:])]) if offered.base.stated else ""
    pay = offered.base if len(parts) == 1 else \
        Figure("guaranteed", sum((v for v, _, _ in parts), Decimal(0)), " + ".join(t for _, t, _ in parts), stated,
               first_step=bool(offered.base.steps))
    if offered.stated_total is not None and offered.stated_total.value > pay.value:
        return offered.stated_total, "total compensation"
    return pay, what


def part_time(profile: Profile, review: Review | None, full_time: bool = False) -> Decimal | None:
    """The profile's total FTE where it is below 1.0 and the draft's salary is for full-time work: the contract
    speaks of full-time work (`full_time`, Reviewed.full_time: McDermott's "full-time bi-weekly salary ...
    equivalent to $135,000 per annum", Tighe's "annual salary will be $140,000" beside "your full business time")
    and states its salary for no FTE below it. Else None: a draft that says neither is not said to pay a full-time
    salary, as a contractor's fee is for the services, not for a working week."""
    total = number(profile.role.total_fte)
    pay = next((f for f in review.findings if f.topic == "base-salary" and f.status == "found"), None) \
        if review is not None else None
    if total >= 1 or pay is None or not full_time or _PART_TIME.search(pay.text):
        return None
    return total


#: A salary stated for a part-time position: "part-time", "0.6 FTE".
_PART_TIME = re.compile(rf"(?i)\bpart[-\s\u2011]time\b|{FTE_BELOW_ONE}")


def at_fte(offered: Compensation, fte: Decimal) -> Compensation:
    """The draft's pay with its base salary, for full-time work, at `fte`: what a part-time position would
    be paid if the employer prorated it (the bonus on that base with it), to the dollar, a figure to propose (a
    pay-period salary's year has cents: Mengert's $224,999.84). Each step of a schedule is prorated with it:
    Sophinos's $235,000 rising to $248,000 was kept at 0.6 FTE as "$141,000", giving up the later step."""
    base = offered.base

    def share(value: Decimal) -> Decimal:
        return (value * fte).to_integral_value(ROUND_HALF_UP)

    inputs = {**offered.inputs, "base": Figure("base", share(base.value),
                                               f"{base.source}: {base.text} for full-time work × {fmt(fte, 'fte')} "
                                               f"FTE, to the dollar",
                                               steps=tuple((share(v), period) for v, period in base.steps))}
    comp = compute("offered", inputs)
    comp.currency = offered.currency
    return comp


def for_the_letter(proposed: Compensation, offered: Compensation, fte: Decimal | None = None) -> LetterFigures:
    """The proposed and offered figures the letter may name, decided against the profile's range sought.

    The draft's guaranteed pay (see guaranteed_pay) at or above the bottom of the range: the letter does not raise
    pay, names neither the range (a target below the offer invites the employer down) nor a structure (a lower base
    to make room for a stipend would cut the salary), and acknowledges the draft's figure. Below the range: the
    range is asked for; a base salary or stipend of the draft's above the profile's is kept (named as the draft's),
    and the profile's other figure is named where it adds something and stays within the range, else the gap from
    the kept figure to the top of the range. The draft is compared with the ask only where it is below it, like
    with like.

    A draft stating pay in another currency (offered.currency) is not compared with dollars at all: the letter names
    no pay figures and asks for no pay (the plan's one currency warning says so, for every output).

    `fte` (part_time): the position is part-time and the draft's base salary is for full-time work, so it is measured
    at that FTE, as the employer could prorate it: McDermott's full-time $135,000 was kept for a 0.6 FTE position and
    the $35,000 stipend cut to $30,000 to fit the range, when prorated it comes to $81,000."""
    if offered.currency:
        return LetterFigures(Compensation("proposed"), Compensation("offered"), False, currency=offered.currency)
    out = LetterFigures(proposed, offered, True)
    measured = offered
    if fte is not None and offered.base is not None:
        measured = at_fte(offered, fte)
        out.full_time, out.at_fte = offered.base, measured.base
        out.messages.append(Message(text=f"compensation: the draft's base salary ({offered.base.said}) is for "
                                         f"full-time work (the draft speaks of full-time work); at the "
                                         f"{fmt(fte, 'fte')} FTE position it comes to {measured.base.said}, "
                                         f"against which the profile's figures and the range sought are measured, "
                                         f"and the letter says its figures are for the position as a whole"))
    guaranteed, what = guaranteed_pay(measured)
    what += f" at {fmt(fte, 'fte')} FTE" if measured is not offered else ""  # never the draft's own figure
    lo, hi = proposed.range_min, proposed.range_max
    if guaranteed is not None and lo is not None and hi is not None and guaranteed.value >= lo.value:
        where = "is above" if guaranteed.value > hi.value else "already meets"
        out.messages.append(Message(text=f"compensation: the draft's {guaranteed.a_year} in {what} {where} the "
                                         f"{lo.text} to {hi.text} range sought; pay is not raised, and the letter "
                                         f"acknowledges the draft's figure"))
        return LetterFigures(Compensation("proposed"), Compensation("offered"), False, guaranteed, what,
                             messages=out.messages, stipend=offered.stipend, full_time=out.full_time,
                             at_fte=out.at_fte)
    if guaranteed is not None and lo is not None and (measured.bonus_target or measured.bonus_cap) is not None:
        bonus = f"{measured.bonus.text} expected" if measured.bonus_target is not None and measured.bonus is not None \
            else f"up to {measured.bonus_cap.text} of base salary"
        counted = " beyond its minimum, which is counted" if (measured.bonus_floor or measured.bonus_minimum) \
            is not None else " and is not counted"
        out.messages.append(Message(text=f"compensation: the draft guarantees {guaranteed.a_year} in {what}, "
                                         f"below the {lo.text} sought; its bonus ({bonus}) is not guaranteed"
                                         f"{counted}"))
    # a salary schedule whose later step is above the profile's is kept whole: a flat salary of the profile's would
    # cut that step (Sophinos: $235,000, then $248,000 from 1999, where $245,000 was asked)
    kept = tuple(k for k in ("base", "stipend") if getattr(proposed, k) is not None
                 and getattr(measured, k) is not None and getattr(measured, k).highest > getattr(proposed, k).value)
    if kept:
        inputs = dict(proposed.inputs)
        for k in kept:
            mine, theirs = getattr(proposed, k), getattr(measured, k)
            above = "above" if theirs.value > mine.value else "with a later step above"
            inputs[k] = Figure(k, theirs.value, f"{theirs.source}: the draft's, {above} the profile's {mine.text}",
                               theirs.stated, steps=theirs.steps)
            what, said = (f"{LABELS[k][0].lower()} schedule", theirs.said) if theirs.steps else \
                (LABELS[k][0].lower(), theirs.text)
            out.messages.append(Message(text=f"compensation: the draft's {what} ({said}) "
                                             f"{'is' if theirs.value > mine.value else 'has a step'} above the "
                                             f"profile's ({mine.text}); the letter keeps the draft's"))
        named = [k for k in ("base", "stipend") if k in inputs]
        total = sum((inputs[k].value for k in named), Decimal(0))
        added = [k for k in named if k not in kept]
        if not added:  # the profile's figures would ask for the draft's own pay again
            for k in named:
                del inputs[k]
            out.messages.append(Message(text="compensation: the letter names neither base salary nor stipend"))
        elif hi is not None and total > hi.value:
            # the profile's figure would take the pay past the range sought: the gap from the draft's figure kept to
            # the top of the range instead, so the letter and the plan's clause name an amount, never a blank (Weigand:
            # "keep the draft's base salary of $250,000 and add a fixed stipend" of "[amount to be agreed]")
            k, mine = added[0], inputs[added[0]]
            gap = hi.value - sum((inputs[x].value for x in kept), Decimal(0))
            # in whole thousands, never past the range: a figure to propose, not the cents of a pay-period sum
            # (Mengert's $224,999.84 base left "$75,000.16")
            gap = gap // 1000 * 1000 if gap >= 1000 else gap
            inputs[k] = Figure(k, gap, f"the gap from the draft's {' + '.join(inputs[x].text for x in kept)} to "
                                       f"{hi.text}, the top of the range sought, in whole thousands")
            out.messages.append(Message(text=f"compensation: the letter names a {LABELS[k][0].lower()} of "
                                             f"{fmt(gap, 'usd')}, the gap to the top of the range sought in whole "
                                             f"thousands (the profile's {mine.text} would take the pay to "
                                             f"{fmt(total, 'usd')})"))
        out.proposed = compute("proposed", inputs, lo, hi)
        out.kept = kept
    out.guaranteed, out.what = guaranteed, what
    target = out.proposed.bonus_target
    if target is not None and target.once and out.proposed.bonus is not None:
        # Stevens's 35% "for 1999", asked for every year: a bonus the draft does not give after that year
        out.messages.append(Message(text=f"compensation: the expected bonus counts the {target.text} target asked "
                                         f"for every year as if the ask were granted; the draft states it for one "
                                         f"year or period only"))
    out.stipend = out.proposed.stipend or (offered.stipend if "stipend" in out.kept else None)
    # like with like: a stated total with the range sought, cash with cash, totals with equity with each other
    stated = offered.stated_total or offered.cash or offered.base
    ask = out.proposed.range_min if offered.stated_total else out.proposed.cash or out.proposed.range_min
    pairs = [(stated, ask), (offered.total, out.proposed.total)]
    above = next(((a, b) for a, b in pairs if a is not None and b is not None and a.value >= b.value), None)
    if above is not None:
        out.messages.append(Message(text=f"compensation: the draft's {above[0].label.lower()} ({above[0].text}) is "
                                         f"not below the {above[1].text} asked for; the letter does not compare "
                                         f"with the draft"))
        out.offered = Compensation("offered")
    return out


def decide(profile: Profile, library: Library, review: Review | None, where: str = "",
           full_time: bool = False, position: tuple[float, str] | None = None) -> LetterFigures:
    """The pay every output names, decided once from the profile and the draft: the letter's paragraph and
    requests, and the plan's stipend clause (compensation.for_the_letter). Carns: the letter kept the draft's
    $318,000 base and named no stipend, while the plan inserted the profile's $100,000 stipend. `full_time`: the
    contract speaks of full-time work (see part_time); `position`: the FTE it states for the position
    (Reviewed.position_fte)."""
    drafted = offered(review, profile) if review is not None else Compensation("offered")
    pay = for_the_letter(proposed(profile, library, where, review), drafted, part_time(profile, review, full_time))
    pay.messages += other_position(profile, position)
    return pay


def other_position(profile: Profile, position: tuple[float, str] | None) -> list[Message]:
    """A warning where the draft states a smaller position than the profile's (`position`, Reviewed.position_fte):
    the pay asked for is the profile's, for its own FTE, and only the user can say which one is meant."""
    total = number(profile.role.total_fte)
    if position is None or number(position[0]) >= total:
        return []
    drafted, own = fmt(number(position[0]), "fte"), fmt(total, "fte")
    return [Message(text=f"compensation: the draft states a position of {drafted} FTE ({position[1]}), and the "
                         f"profile's role is {own} FTE (role.total_fte): the pay the letter asks for is the profile's, "
                         f"for a {own} FTE position; check role.total_fte and the range sought (asks.base-salary) "
                         f"against this one")]


def judge_stipend(reviewed: Reviewed, library: Library, profile: Profile, pay: LetterFigures,
                  where: str = "") -> None:
    """The review's stipend finding judged against the stipend every output asks for (`pay.stipend`), where that is
    not the profile's: a draft whose $300,000 base and $50,000 stipend meet the range keeps its stipend, which the
    memo and the plan's notes had still called "below the $100,000 a year asked for". A stipend left to be agreed
    (none named) keeps the profile's as the measure, as the letter still asks for more."""
    clause_id, param = CompensationFields.CLAUSE_FIGURES["stipend"]
    clause = library.clauses.get(clause_id)
    if clause is None or pay.stipend is None or pay.currency or param not in clause.parameters:
        return
    asked = profile_values(clause, profile, where)
    kept = clause.parameters[param].coerce(float(pay.stipend.value))
    if asked.get(param) != kept:
        rejudge(reviewed, clause, profile, {**asked, param: kept})


def read_shares(reviewed: Reviewed, library: Library, profile: Profile | None, where: str = "") -> None:
    """Each dollar figure read by a rule with `share_of_salary`, read also as that share of the base salary the
    contract states into those percentage parameters, where it states none of them, and the finding judged again:
    Donaldson's "annual bonus of up to $2,000,000" beside a $1,000,000 salary is a ceiling of 200%, and the letter
    no longer asks for a 15% target below it. The review itself reports only what the contract states; this is how
    every output reads it."""
    base = next((f.parameters.get(BASE_SALARY[1]) for f in reviewed.review.findings
                 if f.topic == BASE_SALARY[0] and f.status == "found"), None)
    if not base:
        return
    for finding in reviewed.review.findings:
        clause = library.by_topic(finding.topic)
        if clause is None or finding.status != "found" or clause.not_for_contractors and not reviewed.terms.employment:
            continue
        shares = {share: round(100 * finding.parameters[name] / base, 1) for name, rule in clause.extract.items()
                  if name in finding.parameters for share in rule.share_of_salary}
        if shares and not set(shares) & set(finding.parameters):
            finding.parameters.update({n: int(v) if float(v).is_integer() else v for n, v in shares.items()})
            asked = profile_values(clause, profile, where)
            rejudge(reviewed, clause, profile, asked if reviewed.terms.employment else contractor_values(clause, asked))


def messages(comp: Compensation) -> list[Message]:
    return [Message(text=f"compensation ({comp.side}): {n}") for n in comp.notes]


__all__ = ["Compensation", "Figure", "LABELS", "LetterFigures", "both", "compute", "currency_name", "decide", "fmt",
           "for_the_letter", "guaranteed_pay", "judge_stipend", "messages", "money_currency", "number", "offered",
           "other_currency", "other_position", "part_time", "proposed", "read_shares", "report_lines", "PAY_TOPICS",
           "STATED_TOTAL"]
