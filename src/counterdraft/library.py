"""Clause libraries: load one or more folders of clause YAML files, later folders overriding earlier ones by id."""
from __future__ import annotations

import os
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import jinja2
from jinja2 import meta

from .errors import ConfigError
from .extract import as_drafted, first_match, sentence_at, stated_for
from .loading import load_model
from .models import Clause, Compensation, Parameter, Profile
from .resources import clauses_dir
from .wording import ENV, render_string, shaping

ENV_VAR = "COUNTERDRAFT_LIBRARY"


@dataclass
class Library:
    clauses: dict[str, Clause] = field(default_factory=dict)
    #: For each id, every file that defined it, in load order (the last one wins).
    sources: dict[str, list[str]] = field(default_factory=dict)

    def get(self, clause_id: str) -> Clause:
        try:
            return self.clauses[clause_id]
        except KeyError:
            raise ConfigError(f"no clause {clause_id!r} in the library (see `counterdraft clauses list`)") from None

    def by_topic(self, topic: str) -> Clause | None:
        for clause in self.clauses.values():
            if clause.topic == topic:
                return clause
        return None


def library_dirs(extra: Iterable[Path] = ()) -> list[Path]:
    """The bundled library first, then COUNTERDRAFT_LIBRARY (os.pathsep-separated), then --library folders."""
    dirs = [clauses_dir()]
    env = os.environ.get(ENV_VAR, "")
    dirs += [Path(p) for p in env.split(os.pathsep) if p]
    dirs += [Path(p) for p in extra]
    return dirs


def clause_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise ConfigError(f"{folder}: clause library folder not found")
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def templates_of(clause: Clause) -> list[tuple[str, str]]:
    """(field, template) for every Jinja text of a clause."""
    out = [(f"tiers.{name}", text) for name, text in clause.tiers.items()]
    out += [("rationale", clause.rationale), ("talking_point", clause.talking_point)]
    out += [(f"edits.{i}.replace", e.replace) for i, e in enumerate(clause.edits)]
    out += [(f"checks.{i}.message", c.message) for i, c in enumerate(clause.checks)]
    return out


def load_clause(path: Path) -> Clause:
    """A clause file, its Jinja syntax checked now: a broken template fails on load, not in the middle of a run."""
    clause = load_model(path, Clause, source=str(path))
    for name, text in templates_of(clause):
        try:
            ENV.parse(text)
        except jinja2.TemplateSyntaxError as exc:
            raise ConfigError(f"{path}: {name}: line {exc.lineno}: {exc.message}") from None
    defaults = {name: p.default for name, p in clause.parameters.items()}
    for name, p in clause.parameters.items():
        if p.derive is not None:
            try:
                _derived(p, defaults)
            except (jinja2.TemplateError, TypeError, ValueError) as exc:
                raise ConfigError(f"{path}: parameters.{name}.derive: {exc}") from None
    return clause


def load_library(extra: Iterable[Path] = ()) -> Library:
    lib = Library()
    for folder in library_dirs(extra):
        seen_here: dict[str, Path] = {}
        for path in clause_files(folder):
            clause = load_clause(path)
            if clause.id in seen_here:
                raise ConfigError(f"{path}: id: {clause.id!r} is already defined in {seen_here[clause.id]}")
            seen_here[clause.id] = path
            lib.clauses[clause.id] = clause
            lib.sources.setdefault(clause.id, []).append(str(path))
    return lib


def template_variables(template: str) -> set[str]:
    return meta.find_undeclared_variables(ENV.parse(template))


def parameter_values(clause: Clause, asks: dict[str, Any] | None = None, where: str = "") -> dict[str, Any]:
    """The clause's defaults overlaid with asks, each checked against its declared type and bounds."""
    values = {name: p.default for name, p in clause.parameters.items()}
    for name, value in (asks or {}).items():
        if name not in clause.parameters:
            known = ", ".join(sorted(clause.parameters)) or "none"
            raise ConfigError(f"{where}asks.{clause.id}.{name}: not a parameter of {clause.id} (known: {known})")
        try:
            values[name] = clause.parameters[name].validate_value(value, "value")
        except ValueError as exc:
            raise ConfigError(f"{where}asks.{clause.id}.{name}: {exc}") from None
    for name, p in clause.parameters.items():
        if p.derive is not None and name not in (asks or {}):
            try:
                values[name] = _derived(p, values)
            except (jinja2.TemplateError, TypeError, ValueError) as exc:
                raise ConfigError(f"{where}asks.{clause.id}: {name} derived as {p.derive!r}: {exc}") from None
    return values


def _derived(param: Parameter, values: dict[str, Any]) -> Any:
    """A parameter's `derive` over the other parameters' `values`, checked against its type and bounds."""
    value = ENV.compile_expression(param.derive)(**values)
    return param.validate_value(round(value) if param.type == "int" else value, "derived value")


def profile_asks(clause: Clause, profile: Profile | None) -> dict[str, Any]:
    """The figures the profile itself asks for in the clause: its asks, then its compensation figures (no default)."""
    if profile is None:
        return {}
    asks = dict(profile.asks.get(clause.id) or {})
    for name, (clause_id, param) in Compensation.CLAUSE_FIGURES.items():
        value = getattr(profile.compensation, name)
        if clause_id == clause.id and value is not None and param in clause.parameters:
            asks.setdefault(param, value)
    return asks


def profile_values(clause: Clause, profile: Profile | None, where: str = "") -> dict[str, Any]:
    """The clause's parameters as the profile asks for them: its asks, then its compensation figures, then the
    clause's defaults."""
    return parameter_values(clause, profile_asks(clause, profile) or None, where)


def contractor_values(clause: Clause, values: dict[str, Any]) -> dict[str, Any]:
    """`values` for a contract that engages the physician as an independent contractor: each parameter only an
    employee has (`employee_only`: paid education days) at none."""
    return {**values, **{name: clause.parameters[name].none for name in employee_only(clause)}}


def employee_only(clause: Clause) -> list[str]:
    """The clause's parameters that give what only an employee has."""
    return [name for name, p in clause.parameters.items() if p.employee_only]


def render(clause: Clause, template: str, values: dict[str, Any], what: str, used: set[str] | None = None) -> str:
    """The template's text; the names of the clause's parameters it depends on go into `used`, where given."""
    try:
        text = render_string(template, values)
    except jinja2.TemplateError as exc:
        raise ConfigError(f"{clause.source or clause.id}: {what}: {exc}") from None
    if used is not None:
        used |= shaping(template, values, {name: p.others(values[name]) for name, p in clause.parameters.items()
                                           if name in values}, text)
    return text.strip()


def render_ask(clause: Clause, values: dict[str, Any], found: dict[str, Any] | None = None,
               present: bool = False, contract: str = "", made: Collection[str] = (),
               flagged: Collection[str] = (), stipend: bool = False, engaged: bool = False,
               clause_text: str = "", read_in: Collection[str] = (), used: set[str] | None = None,
               cite: str | None = None, total_fte: float = 1.0, full_time: bool = False,
               held: str | None = None, full_time_benefits: bool = False,
               grounds: bool = False) -> tuple[str, str]:
    """(margin comment, letter request): the rationale and the talking point, which may read the figures the
    contract states (`found`), whether it has the clause at all (`present`), whether its text anywhere says
    something (`says(pattern)`), to ask only for what it lacks, whether the clause as found (`clause_text`, with the
    sentences read beside it) does (`states(pattern)`), to ask only about terms it has, the names of the clause's
    edits that changed the text (`made`, empty where the redline does not edit it), to say what the redline did,
    the names of its checks that fired (`flagged`), to ask about what the review found, and whether a stipend is in
    play (`stipend`: the draft pays one or the counter-proposal asks for one), so that severance of "salary and
    stipend" is asked only where there is one, whether the contract engages the physician as an independent
    contractor (`engaged`), whose request speaks of the engagement, not of employment, and whether it gives the
    physician a right of their own to end it (`own`, by the clause's `own_right`); `cite` is how a letter refers
    to the part that holds what the review found ("Section 3(b)"), or None; `held` is the name of the agreement
    the draft amends (or sits beside) that holds the clause it lacks, which is asked for rather than the clause: a
    right proposed against an agreement nobody has read may be one it withholds, or less than it gives; `grounds`,
    whether the draft states grounds of its own (the clause's `grounds`), which stay, so that only notice and a cure
    period are asked for.
    `drafted(name)` is the draft's own
    words for a figure it writes in another unit ("two months" for 60 days' notice), read first in the texts
    `read_in` (where an edit found the figure), then in the clause as found, else None. `total_fte` is the
    position's (role.total_fte), and `full_time` whether the contract speaks of full-time work
    (Reviewed.full_time), so that a split of a part-time position says its total and asks for those words to
    be conformed, and `full_time_benefits` whether it makes a benefit or payment depend on full-time status
    (Reviewed.full_time_benefits), which such a position asks to apply to it. The parameters either text depends
    on go into `used`, where given."""
    context = {**values, **_about(clause, contract), "found": found or {}, "present": present, "made": set(made),
               "flagged": set(flagged), "stipend": stipend, "engaged": engaged, "cite": cite, "total_fte": total_fte,
               "full_time": full_time, "held": held, "full_time_benefits": full_time_benefits,
               "grounds": grounds,
               **{name: first_match(pattern, clause_text) is not None for name, pattern in clause.facts.items()},
               "states": lambda pattern: first_match(pattern, clause_text) is not None,
               "drafted": lambda name: as_drafted([*read_in, clause_text, contract], clause.extract[name].kind,
                                                  found[name]) if found and name in found and name in clause.extract
               else None,
               # the one period the draft states a figure for ("for the remainder of the 2004 payroll year"), or None
               "only_for": lambda name: stated_for([*read_in, clause_text], clause.extract[name].kind, found[name])
               if found and name in found and name in clause.extract else None}
    return (render(clause, clause.rationale, context, "rationale", used),
            render(clause, clause.talking_point, context, "talking_point", used))


def _about(clause: Clause, contract: str) -> dict[str, Any]:
    """What every wording of a clause may ask of the whole contract: `says(pattern)`, whether its text matches
    anywhere, `own`, whether it gives the physician a right of their own to end it (the clause's `own_right`), and
    `own_notice`, whether it requires notice for that right."""
    return {"own": clause.own_right is not None and first_match(clause.own_right, contract) is not None,
            "own_notice": _own_notice(clause, contract),
            "says": lambda pattern: first_match(pattern, contract) is not None}


def _own_notice(clause: Clause, contract: str) -> bool:
    """Whether a sentence that gives the physician a right of their own to end it (the clause's `own_right`) requires
    notice for it ("Mikos may terminate his employment ... at any time upon notice", "simply by notifying Company",
    "upon thirty (30) days' written notice"): only then is there a notice of the physician's own to leave as drafted.
    A right to leave at will, "at any time", or "with or without notice" drafts none (Metz, Common Paper's "for any or
    no reason if there are no active SOWs")."""
    if clause.own_right is None:
        return False
    for m in re.finditer(clause.own_right, contract, re.I | re.S):
        a, b = sentence_at(contract, m.start())
        if any(not _WITHOUT.search(contract, a, n.start())
               for n in _NOTICE.finditer(contract, a, max(b, m.end()))):
            return True
    return False


#: A notice, and what waives it just before: "with or without cause or advance notice", "without prior notice".
_NOTICE = re.compile(r"(?i)\b(?:notice|notif(?:y|ies|ying|ication))\b")
_WITHOUT = re.compile(r"(?i)\bwithout\s+(?:[\w-]+\s+){0,3}$")


def render_tier(clause: Clause, tier: str, values: dict[str, Any], contract: str = "",
                used: set[str] | None = None) -> str:
    """The tier's wording; it may read `says(pattern)`, whether the `contract`'s text matches anywhere, and `own`,
    to say only what the draft does not (the physician's own notice to leave, where the draft gives no right to).
    The parameters it depends on go into `used`, where given."""
    if tier not in clause.tiers:
        raise ConfigError(f"{clause.source or clause.id}: tiers: no tier {tier!r} (has {', '.join(clause.tiers)})")
    return render(clause, clause.tiers[tier], {**values, **_about(clause, contract)}, f"tiers.{tier}", used)
