"""Checks for clause libraries, the scaffold for a new clause, and the listing behind `clauses list --json`.

Lint reports every problem it finds rather than stopping at the first, so an attorney editing a folder of clauses
sees the whole list at once.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterator

import jinja2

from .errors import ConfigError
from .library import (Library, clause_files, contractor_values, employee_only, load_clause, template_variables,
                      templates_of)
from .models import TOPICS, Clause, Message
from .terms import unvoiced
from .wording import ENV, Unpriced, render_string

__all__ = ["lint_library", "lint_clause", "scaffold_clause", "describe_library"]

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _msg(text: str) -> Message:
    return Message(level="warning", text=text)


def lint_library(dirs: list[Path]) -> list[Message]:
    """Every problem in the given clause folders; an empty list means the library is clean."""
    messages: list[Message] = []
    for folder in dirs:
        folder = Path(folder)
        try:
            paths = clause_files(folder)
        except ConfigError as exc:
            messages.append(_msg(str(exc)))
            continue
        # Ids must be unique within a folder; the same id in a later folder is an override, not a clash.
        seen: dict[str, Path] = {}
        for path in paths:
            try:
                clause = load_clause(path)
            except ConfigError as exc:
                messages.append(_msg(str(exc)))
                continue
            if clause.id in seen:
                messages.append(_msg(f"{path}: id: {clause.id!r} is already defined in {seen[clause.id]}"))
            else:
                seen[clause.id] = path
            messages += [_msg(f"{path}: {text}") for text in lint_clause(clause, path)]
    return messages


def lint_clause(clause: Clause, path: Path | None = None) -> list[str]:
    """Problems in one clause that parsed: names, templates, regexes. Each text starts with the field it concerns."""
    problems: list[str] = []
    if path is not None and path.stem != clause.id:
        problems.append(f"id: {clause.id!r} differs from the file name {path.name!r} (name the file {clause.id}.yaml)")
    for name, topics in (("insert_after", clause.insert_after), ("stated_in", clause.stated_in),
                         ("presumes", clause.presumes)):
        problems += [f"{name}: unknown topic {topic!r}" for topic in topics if topic not in TOPICS]

    declared = set(clause.parameters)
    known = ", ".join(sorted(declared)) or "none"
    defaults = {name: p.default for name, p in clause.parameters.items()}
    for field, template, must_render, extra in _templates(clause, defaults):
        try:
            used = template_variables(template)
        except jinja2.TemplateSyntaxError as exc:
            problems.append(f"{field}: template error on line {exc.lineno}: {exc.message}")
            continue
        undeclared = used - declared - set(extra) - set(ENV.globals)
        for name in sorted(undeclared):
            problems.append(f"{field}: {{{{ {name} }}}} is not a declared parameter (declared: {known})")
        if undeclared:
            continue
        for values in _value_sets(clause, defaults):
            context = {**values, **extra}
            if "found" in extra:  # the contract states no dollar figure of an amount left blank
                context["found"] = {k: v for k, v in extra["found"].items() if not isinstance(values.get(k), Unpriced)}
            problem = _render_problem(template, context, must_render, field.startswith(("tiers.", "edits.")))
            if problem:
                problems.append(f"{field}: {problem}")
                break

    for field, pattern in _regexes(clause):
        try:
            re.compile(pattern)
        except re.error as exc:
            problems.append(f"{field}: invalid regular expression: {exc}")
    return list(dict.fromkeys(problems))  # a template rendered several ways reports a problem once


def _templates(clause: Clause, defaults: dict[str, Any]) -> Iterator[tuple[str, str, bool, dict[str, Any]]]:
    """(field, template, must render to non-empty text, names it may use besides the parameters)."""
    stated = {name: defaults[name] for name in clause.extract if name in defaults}
    made = {e.name for e in clause.edits if e.name is not None}
    flagged = {c.name for c in clause.checks if c.name is not None}
    for field, text in templates_of(clause):
        extra: dict[str, Any] = {}
        if field.startswith("checks."):
            # A check's message may read `found`, the figures the contract states: a param check fires only once its
            # parameter was read (the default stands in for it here); a text check's message is rendered both with
            # none stated and with all ("the stated term guarantees nothing" only where a term is stated).
            # `asked_for` names the figure compared with ("asked for", or the library's default the profile does
            # not ask for)
            check = clause.checks[int(field.split(".")[1])]
            if check.param is not None:
                extra = {"found": {check.param: defaults[check.param]}, "asked_for": "asked for"}
            else:
                # a pattern check's message may quote the words it found (`quote`)
                quoted = {"quote": "as needed"} if check.pattern is not None else {}
                for extra in ({"found": {}, "asked_for": "asked for", **quoted},
                              {"found": stated, "asked_for": "asked for", **quoted}):
                    yield field, text, True, extra
                continue
        elif field in ("rationale", "talking_point"):
            # they may say only what the contract's own figures call for (`found`, empty when it states none),
            # whether it has the clause at all (`present`), whether it says something anywhere (`says`, whose
            # pattern must compile) or in the clause as read (`states`, likewise), which edits changed the text
            # (`made`), which checks fired (`flagged`), whether a stipend is in play (`stipend`), whether the
            # physician is a contractor (`engaged`), whether the draft gives the physician a right to end it
            # (`own`) and requires notice for it (`own_notice`), the draft's own words for a figure (`drafted`) and
            # the one period it states it for (`only_for`), the part that holds what the review found (`cite`), the
            # position's total FTE (`total_fte`), whether the contract speaks of full-time work (`full_time`) and makes
            # a benefit depend on it (`full_time_benefits`): each way is rendered, and so is asking for the agreement
            # the draft amends that holds a clause it lacks (`held`), and keeping
            # grounds the draft states of its own (`grounds`)
            absent = {"found": {}, "present": False, "says": _says(False), "states": _says(False), "made": set(),
                      "flagged": set(), "stipend": False, "engaged": False, "own": False, "own_notice": False,
                      "drafted": _drafted(None), "only_for": _drafted(None), "cite": None, "total_fte": 1.0,
                      "full_time": False, "held": None, "full_time_benefits": False,
                      "grounds": False}
            for extra in (absent, {**absent, "held": "Executive Employment Agreement"},
                          {"found": {}, "present": True, "says": _says(True), "states": _says(True), "made": made,
                           "flagged": flagged, "stipend": True, "engaged": True, "own": True, "own_notice": True,
                           "drafted": _drafted(None), "only_for": _drafted(None), "cite": "Section 3(b)",
                           "total_fte": 0.6, "full_time": True, "held": None, "full_time_benefits": True, "grounds": True},
                          {"found": stated, "present": True, "says": _says(False), "states": _says(False),
                           "made": set(), "flagged": set(), "stipend": False, "engaged": True, "own": False,
                           "own_notice": False, "drafted": _drafted(None),
                           "only_for": _drafted("for the remainder of the 2004 year"), "cite": None, "total_fte": 0.6,
                           "full_time": False, "held": None, "full_time_benefits": False, "grounds": True},
                          {"found": stated, "present": True, "says": _says(True), "states": _says(True), "made": made,
                           "flagged": flagged, "stipend": True, "engaged": False, "own": True, "own_notice": True,
                           "drafted": _drafted("two months"), "only_for": _drafted(None), "cite": "Section 7",
                           "total_fte": 1.0, "full_time": True, "held": None, "full_time_benefits": True, "grounds": False}):
                # each fact answers as `states` does in that rendering
                yield field, text, True, {**extra, **{name: extra["states"]("") for name in clause.facts}}
            continue
        elif field.startswith("tiers."):
            # a tier may read `says` and `own`, whether the agreement runs for a term that can be renewed
            # (`renews`), the topics drafted in our wording before it (`drafts`), the topics whose clause the draft
            # has (`has`), and whether the contract engages the physician as an independent contractor (`engaged`):
            # rendered each way
            for extra in ({"says": _says(False), "own": False, "own_notice": False, "renews": True, "drafts": set(),
                           "has": set(), "engaged": False},
                          {"says": _says(True), "own": True, "own_notice": True, "renews": False,
                           "drafts": set(TOPICS), "has": set(TOPICS), "engaged": True}):
                yield field, text, True, extra
            continue
        elif field.startswith("edits."):
            # a replacement may read `found`, `made` and `flagged` as well (the bonus edit adds a target only where
            # the draft states none and no edit before it added one), and may be empty, deleting what it matches
            for extra in ({"found": {}, "made": set(), "flagged": set()},
                          {"found": stated, "made": made, "flagged": flagged}):
                yield field, text, False, extra
            continue
        yield field, text, True, extra


def _says(answer: bool):
    """A stand-in for `says(pattern)` that checks the pattern and gives one answer."""
    def says(pattern: str) -> bool:
        re.compile(pattern)
        return answer
    return says


def _drafted(answer: str | None):
    """A stand-in for `drafted(name)` or `only_for(name)` that gives one answer: the draft's own words, or None."""
    return lambda name: answer


def _regexes(clause: Clause) -> Iterator[tuple[str, str]]:
    if clause.present_if is not None:
        yield "present_if", clause.present_if
    if clause.present_unless is not None:
        yield "present_unless", clause.present_unless
    if clause.better_without is not None:
        yield "better_without.pattern", clause.better_without.pattern
    if clause.contradicted_by is not None:
        yield "contradicted_by", clause.contradicted_by
    if clause.given_by is not None:
        yield "given_by", clause.given_by
    if clause.keep_if is not None:
        yield "keep_if", clause.keep_if
    if clause.own_right is not None:
        yield "own_right", clause.own_right
    for name, pattern in clause.facts.items():
        yield f"facts.{name}", pattern
    if clause.held_in is not None:
        yield "held_in", clause.held_in
    if clause.governs is not None:
        yield "governs", clause.governs
    if clause.overlaps is not None:
        yield "overlaps", clause.overlaps
    for i, edit in enumerate(clause.edits):
        yield f"edits.{i}.find", edit.pattern
        if edit.near is not None:
            yield f"edits.{i}.near", edit.near
        if edit.unless is not None:
            yield f"edits.{i}.unless", edit.unless
    for i, check in enumerate(clause.checks):
        if check.pattern is not None:
            yield f"checks.{i}.pattern", check.pattern
        if check.absent is not None:
            yield f"checks.{i}.absent", check.absent
        if check.unless is not None:
            yield f"checks.{i}.unless", check.unless
    for name, extractor in clause.extract.items():
        if extractor.near is not None:
            yield f"extract.{name}.near", extractor.near
        if extractor.unless is not None:
            yield f"extract.{name}.unless", extractor.unless
        if extractor.conditions is not None:
            yield f"extract.{name}.conditions", extractor.conditions
        for option in ("after", "before"):
            if getattr(extractor, option) is not None:
                yield f"extract.{name}.{option}", getattr(extractor, option)
        for pattern in extractor.phrased:
            yield f"extract.{name}.phrased", pattern


def _value_sets(clause: Clause, defaults: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The defaults; every amount of money left blank, as in a contract paying in another currency (no arithmetic or
    comparison on it); what only an employee has at none, as for an independent contractor; then each numeric
    parameter at its bounds: asks may go that far, and a filter may not."""
    yield defaults
    blank = {name: Unpriced("euros") for name, p in clause.parameters.items() if p.type == "money"}
    if blank:
        yield {**defaults, **blank}
    if employee_only(clause):
        yield contractor_values(clause, defaults)
    for name, param in clause.parameters.items():
        for bound in (param.min, param.max):
            if bound is None or param.type in ("str", "bool"):
                continue
            try:
                value = param.coerce(int(bound) if param.type in ("int", "money") and float(bound).is_integer()
                                     else bound)
            except ValueError:
                continue
            yield {**defaults, name: value}


def _render_problem(template: str, values: dict[str, Any], must_render: bool, contract: bool = False) -> str | None:
    """What is wrong with the template rendered with `values`; wording that goes into the `contract` must also read
    in a letter to "you", whose conversion knows only the verbs of `terms._SECOND_PERSON`."""
    try:
        text = render_string(template, values).strip()
    except jinja2.TemplateError as exc:
        return f"does not render: {exc}"
    except re.error as exc:
        return f"says(): invalid regular expression: {exc}"
    except (TypeError, ValueError, ArithmeticError) as exc:
        used = template_variables(template)  # the values the template reads, not every way it is rendered
        shown = ", ".join(f"{k}={v!r}" for k, v in values.items() if not callable(v) and k in used)
        return f"does not render with {shown}: {exc}"
    if must_render and not text:
        return "renders to empty text"
    said = unvoiced(text) if contract else []
    if said:
        return (f"says {', '.join(repr(w) for w in said)}, which a letter to \"you\" cannot put in the second person: "
                f"name the physician as Physician before a verb terms._SECOND_PERSON knows (or add the verb there)")
    return None


# ---------------------------------------------------------------------------------------------------------------------
# clauses new
# ---------------------------------------------------------------------------------------------------------------------
_SCAFFOLD = """\
# A clause of the counterdraft library. See docs/writing-clauses.md for every field.
id: {id}
topic: {topic}
title: {title}
# Lowercase phrases that show a contract section is about this topic.
cues:
  - {cue}
# Lowercase words that appear in the caption of such a section.
heading_cues: [{cue}]
# Values the wording uses; a physician's profile may override them under asks.{id}.
parameters:
  notice_days:
    type: int
    default: 30
    min: 0
    max: 365
    description: Days of written notice (replace with this clause's own parameters).
# How to read a parameter from the contract text: kind is days, months, miles, usd, fte, percent or count.
extract:
  notice_days: {{kind: days, near: notice}}
# Weak forms of the clause: each needs exactly one of param (with op and value), pattern, absent.
checks:
  - param: notice_days
    op: lt
    value: ask
    message: >-
      The notice period is shorter than the {{{{ notice_days }}}} days {{{{ asked_for }}}}.
# replace: the tier's wording replaces the clause; edit: apply edits; keep: report only.
on_found: replace
tiers:
  preferred: >-
    Employer shall give Physician at least {{{{ notice_days | words }}}} ({{{{ notice_days }}}}) days' prior written
    notice.
  acceptable: >-
    Employer shall give Physician reasonable prior written notice of not less than {{{{ notice_days | words }}}}
    ({{{{ notice_days }}}}) days.
# The margin comment next to the change.
rationale: >-
  Sets the notice period at {{{{ notice_days }}}} days.
# The request in the cover letter: collaborative, with the concrete number.
talking_point: >-
  Could we set the notice period at {{{{ notice_days }}}} days?
# Where a missing clause goes: after the section of the first of these topics found in the contract.
insert_after: []
heading: {title}
"""


def scaffold_clause(clause_id: str, topic: str) -> str:
    """The YAML text of a new clause that passes lint, for an attorney to edit."""
    if not _ID.match(clause_id):
        raise ConfigError(f"{clause_id!r}: a clause id is lowercase words joined by hyphens, e.g. 'call-after-hours'")
    if topic not in TOPICS:
        raise ConfigError(f"{topic!r}: unknown topic (known: {', '.join(TOPICS)})")
    title = clause_id.replace("-", " ").capitalize()
    return _SCAFFOLD.format(id=clause_id, topic=topic, title=title, cue=clause_id.replace("-", " "))


# ---------------------------------------------------------------------------------------------------------------------
# clauses list --json
# ---------------------------------------------------------------------------------------------------------------------
def describe_library(lib: Library) -> list[dict[str, Any]]:
    """One plain object per clause, sorted by id, naming the file that won and the files it overrode."""
    out = []
    for clause_id in sorted(lib.clauses):
        clause = lib.clauses[clause_id]
        files = lib.sources.get(clause_id) or [clause.source]
        out.append({
            "id": clause.id,
            "topic": clause.topic,
            "title": clause.title,
            "source": files[-1],
            "overridden": list(files[:-1]),
            "parameters": {name: {"type": p.type, "default": p.default} for name, p in clause.parameters.items()},
            "tiers": list(clause.tiers),
        })
    return out
