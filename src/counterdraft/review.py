"""Findings: for every topic, where the contract deals with it, what it states, and whether that is weak."""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Iterator

from .extract import (as_drafted, definitions, extract_quantity, first_match, read_clause, schedule, sentence_at,
                      sentences, set_aside, stated_for)
from .library import Library, contractor_values, profile_asks, profile_values, render
from .match import Match, match, mentions
from .models import TOPICS, Check, Clause, Finding, Plan, Profile, Review
from .terms import Terms, find_terms, salary_named
from .segment import BESIDE_EMPLOYMENT, Section, segment
from .wording import steps as wording_steps
from .wordml.read import Block


@dataclass
class Reviewed:
    review: Review
    sections: list[Section]
    matches: dict[str, Match]
    terms: Terms = Terms()  # what the contract calls the parties, the salary and the start date
    text: str = ""  # the whole contract's text, where a clause may look beyond its matched section

    @cached_property
    def neutral(self) -> str:
        """The whole text with the physician named as the library's patterns name them (Terms.neutral)."""
        return self.terms.neutral(self.text)

    def finding(self, topic: str) -> Finding:
        return next(f for f in self.review.findings if f.topic == topic)

    @cached_property
    def full_time(self) -> bool:
        """Whether the contract speaks of full-time work in this position (full_time_words): its salary is then one
        for full-time work, which a part-time position's pay is measured against (compensation.part_time)."""
        return bool(full_time_words(self.text))

    @cached_property
    def full_time_benefits(self) -> bool:
        """Whether a sentence of the contract makes a benefit or payment depend on full-time status
        (tied_to_full_time): the letter then asks for it to apply to a part-time position, as the margin comment there
        does (Stevens's benefits "as offered to all full time employees")."""
        return any(tied_to_full_time(self.text[a:b]) for a, b in sentences(self.text))

    @cached_property
    def position_fte(self) -> tuple[float, str] | None:
        """The effort the draft states for the position as a whole, below full time, and where: the FTE split it
        states (both shares, summed), else a sentence stating one FTE of no named share of the work (ph4's "thirty-five
        (35) hours of Services per month, which the parties regard as approximately 0.2 FTE"); None where it states
        none. ph4's letter asked the sample profile's full-time pay for that engagement, and nothing said so."""
        split = next((f for f in self.review.findings if f.topic == "fte-split" and f.status == "found"), None)
        shares = [split.parameters[k] for k in ("clinical_fte", "informatics_fte") if k in split.parameters] \
            if split is not None else []
        # both shares, each stated as a figure of its own (one figure read as both is no split)
        if len(shares) == 2 and not Counter(shares) - Counter(float(m.group(1))
                                                              for m in _POSITION_FTE.finditer(split.text)):
            total = round(sum(shares), 2)
            return (total, f"its FTE split, in {split.heading!r}") if total < 1 else None
        for m in _POSITION_FTE.finditer(self.text):
            a, b = sentence_at(self.text, m.start())
            sentence = " ".join(self.text[a:b].split())
            if not _SHARE_OF_WORK.search(sentence):
                return float(m.group(1)), repr(sentence)
        return None

    @property
    def clauses_text(self) -> str:
        """The text of the agreement's own clauses, without its exhibits and signature block."""
        return "\n".join(s.text for s in self.sections if not s.after_the_clauses)


#: Words that make the work full-time: a devotion clause ("devote her best efforts and her full business time",
#: "devote substantially all of his working time") or full-time employment ("accepts full-time employment", "on a
#: full-time basis", "a full-time employee"), never a full-time equivalent.
FULL_TIME = re.compile(r"(?i)\bdevot\w*\b[^.;]{0,80}?\b(?:full|entire|whole|all)\b[^.;]{0,40}?\b(?:time|hours)\b"
                       r"|\bfull[-\s\u2011]time\b(?![-\s\u2011]+equivalent)")
#: An FTE below full time: "approximately 0.2 FTE", "a 0.8 full-time equivalent position" (compensation's part-time
#: salary reads it too).
FTE_BELOW_ONE = r"(?<![\d.])(0?\.\d+)\s*(?:FTE\b|full[-\s\u2011]time\s+equivalent)"
_POSITION_FTE = re.compile(rf"(?i){FTE_BELOW_ONE}")
#: A share of the work an FTE may be stated for, rather than the whole position: "0.4 FTE clinical".
_SHARE_OF_WORK = re.compile(r"(?i)clinical|informatics|administrat|research|teaching|academic|leadership|director"
                            r"|\bcall\b|protected|\bsplit\b|\b(?:per|each)\s+(?:physician|provider)\b")
#: Full-time work elsewhere, after this employment: Gast's salary continued "until you secure full time employment".
_ELSEWHERE = re.compile(r"(?i)\b(?:secures?|securing|obtains?|obtaining|finds?|finding|new|other|subsequent)\s+"
                        r"(?:\w+\s+)?$")


def _full_time(text: str, start: int = 0, end: int | None = None) -> list[re.Match]:
    """The matches of FULL_TIME in `text` (from `start` to `end`) that speak of full-time work in this employment,
    not of another job after it."""
    end = len(text) if end is None else end
    return [m for m in FULL_TIME.finditer(text, start, end)
            if not _ELSEWHERE.search(text, max(start, m.start() - 30), m.start())]


def full_time_words(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The words of `text` (from `start` to `end`) that speak of full-time work in this employment (FULL_TIME), not
    of another job after it."""
    return [" ".join(m.group(0).split()) for m in _full_time(text, start, end)]


#: Full-time status as a condition, right after the full-time words: "as offered to all full time employees",
#: "provided that you continue to be a full-time employee".
_STATUS = re.compile(r"(?i)\s+employees?\b")
#: Benefits, their eligibility or vesting, which full-time words close by (_NEAR) make depend on full-time status
#: (Guthrie's benefits "beginning on the first of the month following full time employment start date"); never work
#: "for the benefit of" the employer.
_BENEFIT = re.compile(r"(?i)\bbenefits\b|\bbenefit\s+(?:plans?|programs?)\b|\binsurance\b|\b401\s*\(k\)|"
                      r"\bvest(?:s|ed|ing)?\b|\beligib\w*")
_NEAR = 120


def tied_to_full_time(sentence: str) -> bool:
    """Whether a sentence makes a benefit or payment depend on full-time status: full-time words naming the status
    itself (_STATUS) or close to a benefit (_BENEFIT) in the same part of the sentence (between semicolons), which a
    part-time position asks to apply to it. Weigand's disability benefits, with the duties resumed "on a regular
    full-time basis" far after them, are no such benefit."""
    for m in _full_time(sentence):
        part = sentence[max(0, m.start() - _NEAR):m.start()].split(";")[-1] + m.group(0) + \
            sentence[m.end():m.end() + _NEAR].split(";")[0]
        if _STATUS.match(sentence, m.end()) or _BENEFIT.search(part):
            return True
    return False


#: An agreement named in capitals ("a Proprietary Information, Inventions, Non-competition, and Non-solicitation
#: Agreement", "the PRGS Employee Agreement"; not "Except for" before "Executive's Inventions Agreement").
_NAMED_AGREEMENT = re.compile(r"\b(?:(?!Agreement\b)[A-Z][\w'’&-]*,?\s+(?:(?:and|of)\s+)?){1,8}Agreement\b")


def other_agreements(text: str) -> Iterator[re.Match]:
    """The agreements `text` names other than this one: not "This Agreement", "The Agreement" or "this Employment
    Agreement"."""
    for m in _NAMED_AGREEMENT.finditer(text):
        before = text[max(0, m.start() - 40):m.start()]  # the word before it, read without copying all before it
        if m.group(0).split()[0] not in ("This", "The") and not before.rstrip().lower().endswith("this"):
            yield m


def held_apart(clause: Clause, text: str) -> tuple[str, bool] | None:
    """(a separate agreement the contract refers to whose name, by the clause's `held_in`, says it may hold the clause,
    and whether the sentence naming it names the clause too), or None: a draft without a non-compete that makes "a
    Proprietary Information, Inventions, Non-competition, and Non-solicitation Agreement" part of it has one there,
    and one that binds the employee to "Sections 3, 4, 5, 6 or 7 of the PRGS Employee Agreement" may."""
    if clause.held_in is None:
        return None
    maybe = None
    for a, b in sentences(text):
        sentence = text[a:b]
        for m in other_agreements(sentence):
            name = m.group(0)
            if not re.search(clause.held_in, name, re.I):
                continue
            if mentions(clause.cues + clause.heading_cues, sentence):
                return name, True
            maybe = maybe or (name, False)
    return maybe


def _beside_ours(clause: Clause, text: str, title: str) -> str:
    """What a finding adds where our clause goes in and the contract names a separate agreement that may hold one
    (`held_in`): GitLab's offer letter leaves inventions to "the Company's standard Proprietary Information and
    Inventions Agreement", which the physician signs too and should read beside ours. A name the contract's own
    `title` holds, or that holds it, is the contract itself ("Physician Employment Agreement" atop the sample)."""
    held = held_apart(clause, text)
    if held is None:
        return ""
    name, named = held
    if title and (name.casefold() in title.casefold() or title.casefold() in name.casefold()):
        return ""
    return (f" The contract refers to a separate agreement that {'holds' if named else 'may hold'} its "
            f"{clause.named} terms ({name!r}): read that agreement beside ours.")


def held_message(held: tuple[str, bool]) -> str:
    """What a finding or the plan says of a clause the contract lacks and leaves to a separate agreement."""
    name, named = held
    return (f"not in this draft, but it refers to a separate agreement that {'holds' if named else 'may hold'} one "
            f"({name!r}): read that agreement before relying on its absence")


def bound_of(clause: Clause, found: dict, name: str) -> str | None:
    """The ceiling, floor or one-period parameter (its extract rule's `ceiling`, `floor`, `once`) that states the
    figure read for `name`, when `name` is no such parameter itself: "a bonus of up to 18.5% of base" reads
    target_percent 18.5, which is only its maximum_percent; "a minimum of 50%" reads target_percent 50, which is its
    minimum_percent; "Your 1999 performance bonus target percentage will be 35%" reads target_percent 35, which is
    only its year_target_percent."""
    rules = clause.extract
    rule = rules.get(name)
    if rule is None or rule.ceiling or rule.floor or rule.once or name not in found:
        return None
    # a bound of something else ("not less than 50% of target", read with `after`) bounds no figure of the salary
    return next((n for n, r in rules.items() if (r.ceiling or r.floor or r.once) and not r.after
                 and r.kind == rule.kind and n in found and found[n] == found[name]), None)


def for_one_period(clause: Clause, found: dict, name: str) -> bool:
    """Whether the figure read for `name` is stated for one year or period only (its bound is a `once` rule's):
    Stevens's "1999 performance bonus target percentage will be 35%"."""
    bound = bound_of(clause, found, name)
    return bound is not None and clause.extract[bound].once


def as_stated(clause: Clause, found: dict) -> dict:
    """The figures the contract states, with none read only from a ceiling or for one period: a bonus "of up to
    40%" may pay nothing, and a target "for 1999" sets none for the years after it, so neither states a target, to
    keep or to raise. A figure read from a floor stays: a guaranteed minimum of 50% gives at least what a 50% target
    would (it is named as the floor it is where it is spoken of)."""
    return {n: v for n, v in found.items()
            if (bound := bound_of(clause, found, n)) is None or clause.extract[bound].floor}


def under_ceiling(clause: Clause, asked: dict, found: dict) -> dict[str, float]:
    """The asks, each with the draft's ceiling, that are below a ceiling the draft states where it states no figure
    of its own (as_stated): a 10% target asked beside "an annual bonus of up to 100%". Such a target is not written
    in, nor proposed: offered so far below what the draft allows, it invites the employer to pay that little; the
    letter asks the employer to state its own. The ceiling is the one nearest the figure (a target's own "up to"
    before the bonus's "not to exceed"), the smallest read."""
    stated = as_stated(clause, found)
    out = {}
    for check in clause.checks:
        name = check.param
        if check.value != "ask" or check.op not in ("lt", "le") or name not in found or name in stated or \
                name not in asked:
            continue
        ceilings = [found[n] for n, r in clause.extract.items() if r.ceiling and not r.after and n in found
                    and r.kind == clause.extract[name].kind]
        try:
            if ceilings and min(ceilings) > asked[name]:
                out[name] = min(ceilings)
        except TypeError:
            continue
    return out


def _fires(check: Check, text: str, found: dict, asked: dict, contract: str | None = None, around: str = "") -> bool:
    """Whether the check finds the weak form in `text`; an `anywhere` check looks for what is there or absent in the
    whole `contract` when it is given. A check the contract makes moot by stating one of its `unless_stated` does not,
    nor a pattern check whose `unless` the text or the section `around` it says, nor an absent check whose `unless`
    the clause itself says (equity that is bought, with nothing to vest)."""
    if any(name in found for name in check.unless_stated):
        return False
    clause = text
    if check.anywhere and contract is not None:
        text = contract
    if check.pattern is not None:
        return re.search(check.pattern, text, re.I) is not None and \
            (check.unless is None or re.search(check.unless, f"{text}\n{around}", re.I) is None)
    if check.absent is not None:
        return re.search(check.absent, text, re.I) is None and \
            (check.unless is None or re.search(check.unless, clause, re.I) is None)
    if check.param not in found:
        return False
    limit = asked.get(check.param) if check.value == "ask" else check.value
    value = found[check.param]
    try:
        return {"lt": value < limit, "le": value <= limit, "gt": value > limit, "ge": value >= limit,
                "eq": value == limit, "ne": value != limit}[check.op]
    except TypeError:
        return False


_INNER_QUOTES = str.maketrans({'"': "'", "\u201c": "\u2018", "\u201d": "\u2019"})

#: A number a contract refers to a part of a document by: "5", "4.2", "4(c)(iii)", "(b)", "IV".
_PART = r"(?:\d+(?:\.\d+)*(?:\s?\([a-z0-9]{1,4}\))*|\([a-z0-9]{1,4}\)(?:\([a-z0-9]{1,4}\))*|[IVX]{1,5}\b)"
#: A reference to parts of a document, with the document named where it is another: "Sections 3, 4, 5, 6 or 7 of
#: the PRGS Employee Agreement", "Section 4(c)(ii)", "Articles IV through VI".
_REFERENCE = re.compile(
    rf"\b(?i:sections?|articles?|paragraphs?|sub-?sections?|clauses?|exhibits?|schedules?|appendix)\s+{_PART}"
    rf"(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and/or|and|or|through|to)\s+|\s*[-\u2013]\s*){_PART})*"
    r"(?:\s+of\s+(?:the|this|that)\s+(?:[A-Z][\w\u2019'-]*\s+){0,4}?"
    r"(?:Agreement|Plan|Policy|Policies|Code|Act|Bylaws)\b)?")


def quote(check: Check, text: str, limit: int = 70) -> str:
    """The draft's own words a pattern check found, whole words, for its message to quote: a message that gives
    examples ("may be considered") reads as a quotation of words the draft may not use. A long match keeps its
    first and last words, which carry what the pattern looks for. A reference to parts of a document is quoted
    whole, never up to its first number or comma: "duties and obligations under Sections" names no duty, "under
    Sections 3, 4, 5, 6 or 7 of the PRGS Employee Agreement" does."""
    m = re.search(check.pattern, text, re.I) if check.pattern is not None else None
    if m is None:
        return ""
    start, end = m.start(), m.end()
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    references = [r.span() for r in _REFERENCE.finditer(text, start, end + 200) if r.start() < end]
    end = max([end, *(b for _, b in references)])
    # each reference is one word, so that a long quotation keeps it whole
    bounds = [start, *(x for r in references for x in r), end]
    said = "".join("\0".join(text[a:b].split()) if i % 2 else text[a:b]
                   for i, (a, b) in enumerate(zip(bounds, bounds[1:])))
    # the draft's own quotation marks become single ones inside ours; a parenthesis the match ends inside is left out
    said = " ".join(said.translate(_INNER_QUOTES).split())
    if said.count("(") > said.count(")"):
        said = said[:said.rfind("(")]
    words = said.strip(" ,;:").split()
    if len(" ".join(words)) > limit and len(words) > 12:
        words = words[:6] + ["..."] + words[-5:]
    return " ".join(words).replace("\0", " ")


def falls_short(clause: Clause, param: str, value: float, asked: dict) -> bool:
    """Whether a stated value of `param` trips one of the clause's checks on it (60 days' notice where 90 are
    asked); False when the clause has no check on it."""
    return any(_fires(c, "", {param: value}, asked) for c in clause.checks if c.param == param)


_OTHER_BOUND = {"_min": "_max", "_max": "_min"}


def asked_for(param: str | None, own: Collection[str] | None) -> str:
    """How a message names the figure a check compares with: "asked for" where the profile asks for it (`own`, None
    when every figure is the profile's), else the library's default that our wording proposes, so no message claims
    an ask the profile does not make (Eshelman's "the 36 months asked for", of a profile that asks for no term)."""
    if own is None or param in own:
        return "asked for"
    return "our wording proposes (the library's default, not an ask of the profile)"


def no_step_back(clause: Clause, asked: dict, found: dict,
                 own: Collection[str] | None = None) -> tuple[dict, list[str]]:
    """(the asks, except where the contract already states better, what was kept and why): $6,000 for CME where
    $4,000 is asked, or 6 months of non-compete where 12 are, stay in the wording and the letter, so a counter-draft
    never gives back what the draft gave. A figure outside the parameter's bounds is more likely misread than
    generous, and is not taken. `own` names the figures the profile itself asks for (see asked_for). A figure read
    only from a ceiling is no target to keep (as_stated): "up to 40%" where 20% is asked leaves the 20% asked; one
    read from a floor is kept, and named as the floor it is. One read for one year or period only is asked for as a
    standing one: Stevens's "1999 performance bonus target percentage will be 35%", where 10% is asked, asks 35% for
    every year."""
    once = {n: v for n, v in found.items() if for_one_period(clause, found, n)}
    found = as_stated(clause, found)
    out, kept = dict(asked), []
    for check in clause.checks:
        name = check.param
        if check.value != "ask" or name not in {**found, **once} or name not in asked or \
                check.op not in ("lt", "le", "gt", "ge"):
            continue
        spec, value, ask = clause.parameters[name], found.get(name, once.get(name)), asked[name]
        higher_is_better = check.op in ("lt", "le")
        try:
            better = value > ask if higher_is_better else value < ask
        except TypeError:
            continue
        if not better or (spec.min is not None and value < spec.min) or (spec.max is not None and value > spec.max):
            continue
        other = _OTHER_BOUND.get(name[-4:])
        if other and (name[:-4] + other) in out and (value > out[name[:-4] + other] if other == "_max"
                                                       else value < out[name[:-4] + other]):
            continue  # a bound of a range sought is never moved past the other: $325,000 is no "$325,000 to $310,000"
        if spec.type == "int":
            value = math.floor(value) if higher_is_better else math.ceil(value)
        out[name] = value
        floor = bound_of(clause, found, name)
        if name in once:
            kept.append(f"the contract's {label(name, clause)} ({shown(clause, name, value)}) is stated for one year or "
                        f"period only; the same figure, better than the {shown(clause, name, ask)} "
                        f"{asked_for(name, own)}, is asked for every year")
        elif floor is None and not ask:
            # nothing was asked of it (a for-cause notice our wording gives only where the draft does): not "better
            # than the 0 days our wording proposes"
            kept.append(f"the contract's {label(name, clause)} ({shown(clause, name, value)}) is kept")
        elif floor is None:
            kept.append(f"the contract's {label(name, clause)} ({shown(clause, name, value)}) is better than the "
                        f"{shown(clause, name, ask)} {asked_for(name, own)}, and is kept")
        else:
            kept.append(f"the contract's {label(floor, clause)} ({shown(clause, floor, value)}) is better than the "
                        f"{label(name, clause)} of {shown(clause, name, ask)} {asked_for(name, own)}, and is kept as it is")
    return out, kept


def lacks(clause: Clause, contract: str) -> bool:
    """Whether the contract lacks the clause wherever the topic was found: nothing in it matches `present_if`, but
    in a sentence that `present_unless` rules out ("The Consultant may terminate ... upon thirty (30) days' written
    notice" gives the employer no right to end a four-year term)."""
    if clause.present_if is None:
        return False
    if clause.present_unless is None:
        return first_match(clause.present_if, contract) is None
    return not _present(clause.present_if, clause.present_unless, contract)


@lru_cache(maxsize=64)
def _present(pattern: str, unless: str, contract: str) -> bool:
    """Whether a sentence of the contract matches `pattern` and not `unless`: asked by the review and the plan, for
    each clause, of the whole contract."""
    for m in re.finditer(pattern, contract, re.I | re.S):
        a, b = sentence_at(contract, m.start())
        if not re.search(unless, contract[a:b], re.I | re.S):
            return True
    return False


def lacking(clause: Clause, contract: str, section: Section) -> str | None:
    """Why the contract counts as lacking the clause though the topic was found in `section` (the review and the
    plan say the same), or None: nothing in it matches `present_if` (a confidentiality section that names inventions
    assigns nothing), or, for a clause with a `missing_tier`, the section is past the agreement's own clauses (an
    exhibit listing prior inventions)."""
    if lacks(clause, contract):
        means = clause.present_means or "has the clause (its present_if)"
        return f"speaks of the topic, but nothing in the contract {means}"
    if clause.missing_tier is not None and section.after_the_clauses:
        return "is past the agreement's own clauses (in an exhibit, a schedule or the signature block)"
    return None


def better_without(clause: Clause, contract: str) -> str | None:
    """Why the contract, lacking the clause, is better for the physician without it (`better_without`), or None."""
    rule = clause.better_without
    return rule.message if rule is not None and first_match(rule.pattern, contract) else None


def assess(clause: Clause, text: str, profile: Profile | None, where: str = "",
           defined: dict[str, str] | None = None, elsewhere: tuple[str, ...] = (),
           contract: str | None = None, employment: bool = True) -> tuple[dict, str, str]:
    """(parameters read from text, or from the other parts about the topic `elsewhere` when text leaves them
    unstated, assessment, message) for a clause's matched text, in the `contract`'s whole text; `employment` is
    False where it engages the physician as an independent contractor."""
    return appraise(clause, text, profile, where, defined, elsewhere, contract, employment)[:3]


def appraise(clause: Clause, text: str, profile: Profile | None, where: str = "",
             defined: dict[str, str] | None = None, elsewhere: tuple[str, ...] = (),
             contract: str | None = None, employment: bool = True,
             around: str = "", nearby: list[str] = ()) -> tuple[dict, str, str, list[str]]:
    """assess, and the names of the checks that fired. A figure read from a sentence `elsewhere`, or of the
    sub-paragraphs `nearby` (siblings), is read with what that sentence says of it: Genaera's twelve months of
    salary, stated where a termination without cause is, end "until you secure full time employment elsewhere"."""
    found, beside = read_clause(clause, text, defined, elsewhere, nearby)
    asked = profile_values(clause, profile, where)
    assessment, message, flagged = judge(clause, "\n".join([text, *beside]), found, profile,
                                         asked if employment else contractor_values(clause, asked), contract,
                                         employment, around)
    return found, assessment, _with_aside(message, clause, text, elsewhere, found), flagged


def _with_aside(message: str, clause: Clause, text: str, elsewhere: tuple[str, ...], found: dict) -> str:
    """The message, saying of each figure the reading sets aside that it is, and why: else it seems overlooked
    (Tighe's change-of-control severance, beside a letter asking for severance)."""
    aside = [f"The {shown(clause, n, v)} the contract states {why}."
             for n, (v, why) in set_aside(clause, text, elsewhere).items() if n not in found]
    return " ".join([message if message.endswith(".") else message + ".", *aside]) if aside else message


def judge(clause: Clause, text: str, found: dict, profile: Profile | None, asked: dict,
          contract: str | None = None, employment: bool = True, around: str = "") -> tuple[str, str, list[str]]:
    """(assessment, message, the names of the checks that fired) for a clause's matched text and the figures read
    from it, against the figures `asked` for (the profile's, or those the outputs ask for), in the section `around`
    it. An independent contractor's (`employment` False) is not judged by what only an employee has (paid education
    days)."""
    checks = [c for c in clause.checks if employment or c.param is None or
              not clause.parameters[c.param].employee_only]
    if not checks:
        return "unknown", "no checks defined for this clause; read it yourself", []
    own = profile_asks(clause, profile)
    stated = as_stated(clause, found)  # a ceiling is no target falling short of the ask, or meeting it
    fired = [c for c in checks if _fires(c, text, stated, asked, contract, around)]
    flagged = [c.name for c in fired if c.name]
    weak = [render(clause, c.message, {**asked, "found": stated, "asked_for": asked_for(c.param, own),
                                       "quote": quote(c, text)}, "checks.message") for c in fired]
    if weak:
        return "weak", " ".join(weak), flagged
    # a number the physician asks for that the clause does not state cannot be said to meet the ask
    explicit = (profile.asks.get(clause.id) or {}) if profile else {}
    unstated = list(dict.fromkeys(c.param for c in checks if c.param in explicit and c.value == "ask"
                                  and c.param not in stated and not c.when_stated))
    if unstated:
        asks = " or ".join(f"{label(p, clause)} (you ask for {shown(clause, p, asked[p])})" for p in unstated)
        return "unknown", f"The clause does not state {asks}.", flagged
    return "ok", "Meets the clause's checks" + (" and the profile's asks." if profile else "."), flagged


def rejudge(reviewed: Reviewed, clause: Clause, profile: Profile | None, asked: dict) -> None:
    """The clause's finding judged again by its checks, against the figures `asked` for where they are not the
    profile's (the stipend the pay decided for every output keeps); a finding its checks did not judge (the section
    is not the clause) stays as it is."""
    finding, match = reviewed.finding(clause.topic), reviewed.matches.get(clause.topic)
    if finding.status != "found" or match is None or match.section is None or \
            lacking(clause, reviewed.neutral, match.section) is not None:
        return
    finding.assessment, message, finding.flagged = judge(clause, match.text, finding.parameters, profile, asked,
                                                         reviewed.text, reviewed.terms.employment,
                                                         around(match.section, reviewed.sections))
    message = _with_aside(message, clause, match.text, match.elsewhere_sentences, finding.parameters)
    finding.message = _stated(clause, finding.parameters, match.text, not reviewed.terms.employment) + message


def _holder(section: Section, sections: list[Section]) -> Section | None:
    """The section that holds `section` as a sub-paragraph, where it is a clause and not half the document or more
    (a title over every clause): Mcgrane's termination article is 29 of its 79 paragraphs."""
    holder = section.parent
    total = sum(len(s.blocks) for s in sections)
    return holder if holder is not None and 2 * len(holder.blocks) < total else None


def around(section: Section, sections: list[Section]) -> str:
    """The text of the clause that holds `section` as a sub-paragraph (_holder): a cure period is often stated in a
    sibling of the sub-paragraph that defines cause."""
    holder = _holder(section, sections)
    return holder.text if holder is not None else ""


def siblings(section: Section, sections: list[Section]) -> list[str]:
    """The texts of the other sub-paragraphs of the clause that holds `section` (_holder), the nearest first, the
    one after before the one before at the same distance: what 4(c)(ii) makes cause, 4(c)(iii) gives ten days to
    cure (Mcgrane)."""
    holder = _holder(section, sections)
    if holder is None:
        return []
    others = [s for s in holder.children if s is not section]
    return [s.text for s in sorted(others, key=lambda s: (abs(s.start - section.start), s.start < section.start))]


def label(name: str, clause: Clause | None = None) -> str:
    """A parameter's name as words: 'informatics_fte' -> 'informatics FTE', 'notice_days' -> 'notice'; a name that
    is only its unit (severance's 'months') is the clause's title; a parameter's own `label` comes first."""
    if clause is not None and name in clause.parameters and clause.parameters[name].label:
        return clause.parameters[name].label
    if clause is not None and name in ("days", "months", "miles", "usd", "percent"):
        return clause.named
    label = re.sub(r"_(usd|days|months|miles|percent|min|max)\b", "", name).replace("_", " ")
    return label.replace("fte", "FTE").replace("wrvu", "wRVU")


def _stated(clause: Clause, params: dict, text: str = "", engaged: bool = False) -> str:
    """ "states 60 days' notice" in the words of the parameters' descriptions, short, with the draft's own words where
    `text` (where they were read) writes a figure in another unit ("notice two months (60 days)"), and a contractor's
    (`engaged`) pay named as a fee, not a base salary, which only an employee has. A figure that is
    also read as a ceiling or a floor is that bound ("a bonus of up to 18.5%": maximum 18.5%, no target of 18.5%; "a
    minimum of 50%": minimum 50%). One figure read for two parameters is named once, by the later: where the draft
    states only a base salary, the total read from it is that salary ("base salary $235,000", not also "total
    compensation"). A figure stated for one period alone says so ("target 70% (for the remainder of the 2004 payroll
    year only)"), and the first step of a pay schedule is named with the steps after it ("base salary $250,000 during
    the period of June 1, 1999 to May 31, 2000, rising to $275,000 during ...")."""
    if not params:
        return ""

    def figure(name: str, value) -> str:
        kind = clause.extract[name].kind if text and name in clause.extract else None
        theirs = as_drafted([text], kind, value) if kind else None
        period = stated_for([text], kind, value) if kind else None
        steps = schedule(text, clause.extract[name].near or "") if kind == "usd" else ()
        if steps and math.isclose(steps[0][0], value):  # Monroe's $250,000 for a year, then $275,000
            return ", ".join(wording_steps(steps))
        return (f"{theirs} ({shown(clause, name, value)})" if theirs else shown(clause, name, value)) + \
            (f" ({period} only)" if period else "")

    names = list(params)
    parts = [f"{salary_named(label(name, clause), engaged)} {figure(name, value)}"
             for i, (name, value) in enumerate(params.items()) if bound_of(clause, params, name) is None and
             not any(params[later] == value and shown(clause, later, value) == shown(clause, name, value)
                     for later in names[i + 1:])]
    return "The contract states " + ", ".join(parts) + ". "


def shown(clause: Clause, name: str, value) -> str:
    """A parameter's value with its unit: "$6,000", "60 days"."""
    kind = clause.extract[name].kind if name in clause.extract else ""
    return {"usd": lambda v: f"${v:,.0f}", "days": lambda v: f"{v} days", "months": lambda v: f"{v} months",
            "miles": lambda v: f"{v} miles", "percent": lambda v: f"{v}%", "fte": lambda v: f"{v}"
            }.get(kind, lambda v: f"{v}")(value)


def contradiction(clause: Clause, contract: str) -> str | None:
    """The sentence of the contract that our clause, inserted where the contract lacks it, would contradict (its
    `contradicted_by`: "as the Employee's sole remedy for such termination"), or None."""
    return _sentence_of(clause.contradicted_by, contract)


def given(clause: Clause, contract: str) -> str | None:
    """The sentence of a contract lacking the clause that gives what it asks in terms of its own (its `given_by`:
    Mirgon's "If Employee is Constructively Terminated ... Employee shall be entitled to receive compensation
    referred to in Section 3"), or None."""
    return _sentence_of(clause.given_by, contract)


def _sentence_of(pattern: str | None, contract: str) -> str | None:
    """The sentence of the contract holding the first match of `pattern`, its spacing made single, or None."""
    span = first_match(pattern, contract, re.I) if pattern else None
    if span is None:
        return None
    a, b = sentence_at(contract, span[0])
    return " ".join(contract[a:b].split())


def given_message(clause: Clause, sentence: str) -> str:
    """What the review and the plan say of a clause the contract gives in its own terms."""
    return (f"not found as a clause, but the contract already provides for it in its own terms ({sentence!r}); that "
            f"stays as drafted, and our {clause.named} wording is neither inserted nor asked for, as a "
            f"second answer to it could trade it away. Compare it with your ask")


def suggested_action(finding: Finding, library: Library, contract: str = "") -> str:
    """What to do about a finding, in a few words: what the redline or the letter would do with it, given the
    `contract`'s whole text."""
    clause = library.by_topic(finding.topic)
    if clause is None:
        return "read it; no wording of ours" if finding.status == "found" else "none: no wording of ours"
    absent = finding.status == "missing" or finding.assessment == "missing"  # or found where it is not the clause
    if absent and given(clause, contract):
        return "none: the contract provides for it in its own terms"
    if absent and clause.on_missing == "insert" and contradiction(clause, contract):
        return "ask for it in the letter: the contract's own terms would contradict an insert"
    if absent:
        if finding.assessment == "unknown":
            # the letter asks for the agreement our clause would otherwise go into (Dickson's amendment)
            return "ask in the letter for the separate agreement" if clause.on_missing == "insert" else \
                "read the separate agreement"
        if finding.assessment == "ok":
            return "none: its absence suits you"
        return {"insert": f"insert our {clause.named} clause",
                "ask": "ask for it in the letter",
                "ignore": "none: its absence suits you"}[clause.on_missing]
    if finding.assessment == "ok":
        return "keep it"
    if finding.assessment == "unknown":
        return "read it and decide"
    # a weakness the clause's edits leave as drafted is said apart, with what to do about it
    actions = [c.action for c in clause.checks if c.name in finding.flagged and c.action]
    if letter_only(clause, finding):
        return "; ".join(actions)
    return "; ".join([{"edit": "edit the weak wording", "replace": "replace it with our wording",
                       "revise": "edit it where it falls short, or replace it with our wording",
                       "add": "add our wording beside it", "keep": "raise it in the letter"}[clause.on_found],
                      *actions])


def planned_action(finding: Finding, library: Library, contract: str, plan: Plan, asked: Collection[str]) -> str:
    """What `redline` with the same profile does about a finding (`plan`, made from this review; `asked`, the ids of
    the clauses the profile asks for). The suggested action alone does not know the plan's guards: ph2's onboarding
    read "replace it with our wording" where the redline inserted ours beside the paragraph, and a notice no edit
    pattern finds is asked for in the letter. A topic the profile does not ask about says what asking would do."""
    clause = library.by_topic(finding.topic)
    edit = next((e for e in plan.edits if e.topic == finding.topic), None)
    if clause is None or edit is None:
        action = suggested_action(finding, library, contract)
        if clause is None or action.startswith(("keep", "none", "read")):
            return action
        return "none: the redline leaves it as drafted (its messages say why)" if clause.id in asked else \
            f"not in the profile's asks; if asked: {action}"
    extra = [c.action for c in clause.checks if c.name in finding.flagged and c.action]
    if edit.kind == "letter":
        return "; ".join(extra) or "the letter asks for it"
    done = f"the redline inserts our {clause.named} clause" if edit.kind == "insert" else \
        "the redline edits it" if edit.changes else "the redline adds our wording beside it"
    return "; ".join([done, *extra])


def letter_only(clause: Clause, finding: Finding) -> bool:
    """Whether every weakness found is one the clause's wording leaves as drafted, for the letter to ask about (each
    check that fired says what to do, `action`): severance that ends once the physician finds work."""
    fired = [c for c in clause.checks if c.name in finding.flagged]
    return bool(fired) and all(c.action for c in fired)


def _doctor(profile: Profile | None) -> bool:
    """Whether the profile's physician is addressed as Dr.: an MD or DO among the credentials."""
    return profile is not None and re.search(r"\b(?:M\.?D|D\.?O)\b", profile.physician.credentials or "") is not None


def review(blocks: list[Block], library: Library, profile: Profile | None, contract: str,
           where: str = "") -> Reviewed:
    sections = segment(blocks)
    matches = match(sections, library, list(TOPICS))
    defined = definitions([b.text for b in blocks])
    whole = "\n".join(b.text for b in blocks)
    terms = find_terms([b.text for b in blocks], person=profile.physician.name if profile else None,
                       doctor=_doctor(profile))
    neutral = terms.neutral(whole)  # as `lacking` reads it (Reviewed.neutral)
    findings = []
    for topic in TOPICS:
        m = matches[topic]
        clause = library.by_topic(topic)
        suits = better_without(clause, whole) if clause is not None else None
        # asked of no independent contractor, which the contract engages the physician as: the plan leaves it alone
        skip = clause.not_for_contractors if clause is not None and not terms.employment else None
        if m.section is None:
            # a clause whose absence suits the physician, or one we would insert where the contract is beside the
            # employment agreement it names (an amendment of it), is left to that agreement, as the plan leaves it
            held = held_apart(clause, whole) if clause is not None and (
                clause.on_missing == "ignore" or clause.on_missing == "insert" and
                BESIDE_EMPLOYMENT.search(terms.title) is not None) else None
            kept = given(clause, whole) if clause is not None else None
            if clause is None:
                message = "not in the contract"
            elif skip:
                message = f"not in the contract, which suits an independent contractor: {skip}"
            elif held is not None:
                message = held_message(held)
            elif suits:
                message = f"not in the contract, which suits you: {suits}"
            elif clause.on_missing == "ignore":
                message = "not in the contract, which suits you; nothing to ask for"
            elif kept is not None:
                message = given_message(clause, kept)
            elif clause.on_missing == "insert" and (said := contradiction(clause, whole)) is not None:
                message = f"not found as a clause, but {_contradicted(clause, said)}"
            else:
                message = (f"not in the contract; {_to_add(clause, not terms.employment)}"
                           f"{_beside_ours(clause, whole, terms.title)}")
            findings.append(Finding(topic=topic, status="missing", message=message,
                                    assessment="ok" if skip else "unknown" if held else "ok" if suits or kept else
                                    "missing",
                                    confidence=round(1 - m.confidence, 2)))
            continue
        text = m.text
        flagged: list[str] = []
        why = lacking(clause, neutral, m.section) if clause is not None else None
        if clause is None:
            params, assessment, message = {}, "unknown", "found; counterdraft has no wording for it, read it yourself"
        elif suits and why is not None:
            params, assessment = {}, "ok"
            message = f"The contract has no {clause.named}, which suits you: {suits}"
        else:
            params, assessment, message, flagged = appraise(clause, text, profile, where, defined,
                                                            m.elsewhere_sentences, whole, terms.employment,
                                                            around(m.section, sections), siblings(m.section, sections))
            stated = _stated(clause, params, text, not terms.employment)
            message = stated + message
            if skip:  # the plan leaves it as it is
                assessment, flagged = "unknown", []
                message = f"{stated}Not asked of an independent contractor: {skip}"
            elif why is not None:  # as the plan treats it: missing, whatever the checks say of its text, but for
                # what its words hold against the physician, which stays true (Brown's section gives the Company a
                # right to indemnification from the Employee)
                said = judge(clause.model_copy(update={"checks": [c for c in clause.checks if c.pattern]}), text,
                             params, profile, profile_values(clause, profile, where), whole, terms.employment,
                             around(m.section, sections))
                # what holds against the physician keeps its checks' names, for the memo to say it (`unraised`)
                against = f" {said[1]}" if said[0] == "weak" else ""
                denied = contradiction(clause, whole) if clause.on_missing == "insert" else None
                add = _to_add(clause, not terms.employment) if denied is None else _contradicted(clause, denied)
                assessment, message = "missing", f"The section {why}: treated as missing; {add}.{against}" \
                                                 f"{_beside_ours(clause, whole, terms.title)}"
                flagged = said[2] if said[0] == "weak" else []
        at = located(clause, m, flagged)
        # a figure read from the definition of a term the clause uses is cited where it is stated (Guthrie's cure)
        cited = next((part for name in params if not stated_in_match(clause, name, params[name], m, defined)
                      for part in [stating(clause, name, params[name], sections)] if part is not None), at) \
            if at is m.section and clause is not None else at
        findings.append(Finding(topic=topic, status="found", heading=_heading(cited),
                                text=text if at is m.section else at.text,
                                parameters=params, assessment=assessment, message=message,
                                confidence=m.confidence, paragraphs=[b.ref for b in m.section.blocks],
                                flagged=flagged))
    return Reviewed(Review(contract=contract, findings=findings), sections, matches, terms, whole)


def _contradicted(clause: Clause, said: str) -> str:
    """What a review says of a clause it would insert where the contract says what ours would contradict."""
    return (f"the contract says {said!r}; our {clause.named} wording inserted beside it would contradict that, so "
            f"it is proposed in the letter")


def _to_add(clause: Clause, engaged: bool = False) -> str:
    """What a review says the library offers a contract lacking the clause, a contractor's (`engaged`) pay named as
    the letter names it."""
    if clause.on_missing == "ignore":  # a non-compete, a productivity target: its absence suits the physician
        return "its absence suits you, and nothing is asked for"
    return f"the library has {salary_named(clause.named, engaged)} wording to " + \
        ("propose in the letter" if clause.on_missing == "ask" else "insert")


def located(clause: Clause | None, m: Match, flagged: list[str]) -> Section:
    """Where a finding is, for its heading and text: the part a reader is sent to for it (`stated`: Metz's twelve
    months paid as a consultant on a termination without Cause, in section 9, beside a match in section 7 that pays
    only after a change in control), else the smallest part of a section the match refers to that holds what a check
    found weak, where the match itself does not (Brown's severance by formula, in 3(b), which "7. Effect of
    Termination" names as "severance as provided in Section 3"), else the match."""
    if m.stated is not None:
        return m.stated
    patterns = [c.pattern for c in (clause.checks if clause is not None else []) if c.name in flagged and c.pattern]
    if not patterns or any(re.search(p, m.section.text, re.I) for p in patterns):
        return m.section
    holding = [unit for part in m.also for unit in part.walk()
               if any(re.search(p, unit.text, re.I) for p in patterns)]
    return min(holding, key=lambda unit: len(unit.blocks), default=m.section)


def stated_in_match(clause: Clause, name: str, value, m: Match, defined: dict[str, str]) -> bool:
    """Whether the match, or a sentence read beside it other than a term's definition (`defined`: Guthrie's
    "'Cause' means only ...", cited where it is), states `value` for the parameter `name`, by its rule."""
    rule = clause.extract.get(name)
    beside = [s for s in m.elsewhere_sentences if not any(d in s for d in defined.values())]
    return rule is None or any(extract_quantity(text, rule.kind, rule.near, rule.beside, rule.unless,
                                                multiples=rule.multiples) == value
                               for text in (m.text, *beside))


def stating(clause: Clause, name: str, value, sections: list[Section]) -> Section | None:
    """The smallest part of the contract that states `value` for the parameter `name`, by its rule, or None: a
    cure period read in the definition of "Cause" that a clause on termination for cause uses (Guthrie's "continues
    for more than 15 days after written notice", in "8. Certain Definitions", not in "6. Termination for Cause"),
    or in a sub-paragraph beside the matched one (Mcgrane's 4(c)(iii))."""
    rule = clause.extract.get(name)
    if rule is None:
        return None
    holding = [unit for top in sections for unit in top.walk()
               if extract_quantity(unit.text, rule.kind, rule.near, rule.beside, rule.unless,
                                   multiples=rule.multiples) == value]
    return min(holding, key=lambda unit: len(unit.blocks), default=None)


def _heading(section: Section) -> str | None:
    """Where the clause is, as the contract calls it: its own heading, or the path of headings above it."""
    return section.where or None
