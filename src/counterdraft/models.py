"""The file formats: clause, profile, plan, findings. pydantic lives here and nowhere else."""
from __future__ import annotations

import datetime as _dt
import re
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

#: Topics every finding, profile and plan speaks of. The first group gets preferred wording; the second is detected only.
WORDING_TOPICS: tuple[str, ...] = (
    "fte-split", "reporting-structure", "base-salary", "leadership-stipend", "productivity-rvu",
    "bonus-incentive", "equity", "protected-time", "cme-allowance", "analytics-support", "remote-work",
    "intellectual-property", "outside-activities", "call-after-hours", "non-compete",
    "termination-without-cause", "termination-for-cause", "term", "program-discontinuation", "severance",
    "malpractice", "indemnification", "academic-promotion", "onboarding", "growth-path",
)
DETECTION_TOPICS: tuple[str, ...] = ("confidentiality", "governing-law", "non-solicitation", "benefits-vacation")
TOPICS: tuple[str, ...] = WORDING_TOPICS + DETECTION_TOPICS


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------------------------------------------------
# messages (mammoth-style: results carry what the user should see)
# --------------------------------------------------------------------------------------------------------------------
class Message(Strict):
    level: Literal["warning", "info"] = "warning"
    text: str

    def __str__(self) -> str:
        return f"{self.level}: {self.text}"


# --------------------------------------------------------------------------------------------------------------------
# clause library
# --------------------------------------------------------------------------------------------------------------------
ParamType = Literal["int", "float", "money", "percent", "str", "bool"]


class Parameter(Strict):
    type: ParamType
    default: Any
    min: float | None = None
    max: float | None = None
    description: str = ""
    #: How messages name the figure where its name in words would not do: "base salary" for `amount_usd`.
    label: str = ""
    choices: list[str] | None = None
    #: It gives what only an employee has (paid days off for education): where the contract engages the physician as
    #: an independent contractor, it is asked for at none (0, or false), which the clause's wording must read well
    #: at, and no check judges it.
    employee_only: bool = False
    #: A Jinja expression over the clause's other parameters that gives this one where the profile does not ask for
    #: it: the wRVU target a contract states is judged against the full-time target scaled to the clinical FTE.
    derive: str | None = None

    @model_validator(mode="after")
    def _default_fits(self) -> "Parameter":
        self.validate_value(self.default, "default")
        if self.employee_only:
            if self.type == "str":
                raise ValueError("employee_only applies to a number or a flag, which can be none")
            self.validate_value(self.none, "employee_only: its none")
        return self

    @property
    def none(self) -> Any:
        """The value that gives nothing: false, or 0."""
        return False if self.type == "bool" else 0

    def others(self, value: Any) -> list[Any]:
        """Values that read differently from `value` wherever a text writes it and are as true or false (but for a
        flag, whose other is its opposite): a branch taken on whether a figure is asked for at all ("and Physician may
        terminate it on ... notice" only where one is) is taken alike, so only a text that states the figure, or
        turns on its size, reads it. A choice's others are the other choices; 0 is written as 0.0 (only a text that
        writes it as it is shows it). None for an amount left blank."""
        if isinstance(value, bool):
            return [not value]
        if isinstance(value, (int, float)):
            if not value:
                return [float(value) if isinstance(value, int) else int(value)]
            return [value + (0.01 if isinstance(value, float) and not value.is_integer() else 1)]
        if isinstance(value, str):
            return [c for c in self.choices if c != value] if self.choices else [value + "\u2063"]
        return []

    def coerce(self, value: Any) -> Any:
        """Return value as this parameter's type (strings from --set or YAML), or raise ValueError."""
        if self.type in ("int",):
            if isinstance(value, bool):
                raise ValueError(f"expected a whole number, got {value!r}")
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            if isinstance(value, str):
                value = int(value.replace(",", "").strip())
            if not isinstance(value, int):
                raise ValueError(f"expected a whole number, got {value!r}")
            return value
        if self.type in ("float", "money", "percent"):
            if isinstance(value, bool):
                raise ValueError(f"expected a number, got {value!r}")
            if isinstance(value, str):
                value = float(value.replace(",", "").replace("$", "").strip())
            if not isinstance(value, (int, float)):
                raise ValueError(f"expected a number, got {value!r}")
            return int(value) if self.type == "money" and float(value).is_integer() else value
        if self.type == "bool":
            if isinstance(value, str) and value.lower() in ("true", "yes", "1", "false", "no", "0"):
                return value.lower() in ("true", "yes", "1")
            if not isinstance(value, bool):
                raise ValueError(f"expected true or false, got {value!r}")
            return value
        if not isinstance(value, str):
            raise ValueError(f"expected text, got {value!r}")
        return value

    def validate_value(self, value: Any, what: str = "value") -> Any:
        try:
            value = self.coerce(value)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"{what}: {exc}") from None
        if self.type not in ("str", "bool"):
            if self.min is not None and value < self.min:
                raise ValueError(f"{what} {value} is below the minimum {self.min:g}")
            if self.max is not None and value > self.max:
                raise ValueError(f"{what} {value} is above the maximum {self.max:g}")
        if self.choices is not None and value not in self.choices:
            raise ValueError(f"{what} {value!r} is not one of {', '.join(self.choices)}")
        return value


class Check(Strict):
    """A rule that recognises the weak form of a clause in contract text and says why it is weak.

    Exactly one condition: a parameter compared with a number (or with `ask`, the profile's value or the default),
    a pattern present in the text, or a pattern absent from it.
    """

    message: str
    param: str | None = None
    op: Literal["lt", "le", "gt", "ge", "eq", "ne"] | None = None
    value: float | Literal["ask"] | None = None
    pattern: str | None = None
    absent: str | None = None
    #: The `absent` (or `pattern`) pattern is looked for in the whole contract, not only the matched clause: vesting
    #: that accelerates on a change of control is often stated under termination, not in the equity section, and what
    #: a termination without cause pays only for consulting work after it, beside a severance section about a change
    #: in control (Metz).
    anywhere: bool = False
    #: A pattern that makes a `pattern` check moot where it is found in the matched clause or in the section that
    #: holds it as a sub-paragraph: Mcgrane's breach of policy is cause in 4(c)(ii), and 4(c)(iii) gives ten days to
    #: cure it; and an `absent` check moot where the matched clause says it: a buy-in has nothing to vest.
    unless: str | None = None
    #: Parameters whose statement makes the check moot: a bonus with a guaranteed minimum is neither wholly
    #: discretionary nor in need of metrics, and one with a target states more than a ceiling.
    unless_stated: list[str] = []
    #: How the rationale and the talking point refer to the check: `flagged` holds the names of those that fired
    #: for the contract, so the letter asks about what the review found (severance cut short by other work).
    name: str | None = None
    #: A param check judged only where the contract states the figure: one it does not state leaves the clause
    #: neither weak nor unknown (a term that does not renew has no notice of non-renewal to fall short of the ask;
    #: Mirgon's five-year term was otherwise rewritten, its nine months' notice cut to the 120 days asked).
    when_stated: bool = False
    #: What to do about a weakness the clause's edits leave as drafted, for the review's suggested action: the
    #: months of a severance that ends once the physician finds work are not guaranteed, and no edit changes that.
    action: str | None = None

    @model_validator(mode="after")
    def _one_condition(self) -> "Check":
        kinds = [self.param is not None, self.pattern is not None, self.absent is not None]
        if sum(kinds) != 1:
            raise ValueError("a check needs exactly one of param, pattern, absent")
        if self.when_stated and self.param is None:
            raise ValueError("when_stated applies to a param check only")
        if self.anywhere and self.param is not None:
            raise ValueError("anywhere applies to a pattern or absent check only")
        if self.unless is not None and self.param is not None:
            raise ValueError("unless applies to a pattern or absent check only")
        if self.param is not None and (self.op is None or self.value is None):
            raise ValueError("a param check needs op and value")
        return self


class Extractor(Strict):
    """How to read one parameter from matched text: a kind of quantity, optionally the one nearest a cue."""

    kind: Literal["days", "months", "miles", "usd", "fte", "percent", "count"]
    near: str | None = None
    #: Only a quantity in a sentence that matches `near` (or right after a short caption that does), never one
    #: elsewhere in the section: a notice period is stated beside the word notice.
    beside: bool = False
    #: A sentence that matches it (case-insensitive, `.` matching newlines) is never read: a notice period given for
    #: disability, or before a hearing on a ground for cause, is not the notice of a termination without cause.
    unless: str | None = None
    #: Where the clause's text (and the sentences read beside it) states none, also a quantity in the sub-paragraphs
    #: beside the matched one, under the clause that holds them, the nearest first (review.siblings): a cure period is
    #: often stated apart from the causes it cures (Mcgrane's 4(c)(iii) gives ten days to cure what 4(c)(ii) makes
    #: cause).
    siblings: bool = False
    #: Only a quantity stated as a ceiling ("up to 50%", "a maximum of 100%", "not to exceed 40%"): the most an
    #: incentive can pay, which is no target and no cash to count on. Another parameter of the clause read as the
    #: same figure is stated only as this ceiling (review.as_stated).
    ceiling: bool = False
    #: Only a quantity stated as a floor ("a minimum of 50%", "at least 10%", "not less than 20%"): what an incentive
    #: guarantees, which gives at least what a target of the same figure would, and is kept as a floor.
    floor: bool = False
    #: Only a quantity in a sentence that limits it to one stated year or period (`unless` says which sentences do
    #: not): "Your 1999 performance bonus target percentage will be 35%" sets no target for the years after it.
    #: Another parameter of the clause read as the same figure is then no standing term (review.as_stated).
    once: bool = False
    #: What the text right before the quantity must match (a regex, case-insensitive, `.` matching newlines, matched
    #: where the quantity begins): of "a target of up to 100%, but not to exceed 200%", only the first is the
    #: target's own ceiling.
    before: str | None = None
    #: What the text right after the quantity must match (a regex, case-insensitive; a negative lookahead says what
    #: must not follow): "50% of target" is a share of the target, no percentage of the salary, and only it is a
    #: floor of the target.
    after: str | None = None
    #: Months also stated as a multiple of a year's pay, in a sentence naming `near` ("two times the Executive's Base
    #: Salary" is 24 months of it; "one and one-half times", 18): severance is often a multiple of salary.
    multiples: bool = False
    #: Why a figure stated only in a sentence that `unless` rules out is not this parameter, for the review to say
    #: beside what it reads: the "24 month severance package" of Tighe's letter, paid only after a change of control,
    #: was otherwise unmentioned while the letter asked for severance. Ends a sentence that begins with the figure
    #: ("24 months ...").
    #: A mapping instead names a reason for each named group of `unless` (the first where none of them matched):
    #: severance paid only on the employee's own resignation (`resigns`) is set aside for another reason than pay
    #: after a change of control.
    set_aside: str | dict[str, str] | None = None
    #: A sentence that matches it states a condition on what the sentences after it in its paragraph state, and
    #: `unless` judges each of them together with it: Slingerbag's "entitled to participate in any bonus plan ...
    #: adopted by the Company. The Consultant's bonus payment level will be set at a minimum of 25%" is a floor of a
    #: plan that may never be adopted, though the sentence stating it names no condition.
    conditions: str | None = None
    #: Percentage parameters that a dollar figure read by this rule also gives, as a share of the base salary the
    #: review reads in the contract: a bonus "of up to $2,000,000" beside a salary of $1,000,000 is one of up to 200%,
    #: read as "up to 200% of base" would be, so that no target below it is asked for (Donaldson's letter had asked
    #: for a 15% target). Read only where the contract states none of them itself.
    share_of_salary: list[str] = []
    #: Figures stated in words of their own: each pattern (case-insensitive) with the figure a sentence matching it
    #: states, read where no quantity is. Work done "remotely from your home", with no days named, is remote on all
    #: five working days, and more than the two asked for (q4 had ours, two days and "prevails", put after it).
    phrased: dict[str, float] = {}

    @model_validator(mode="after")
    def _one_bound(self) -> "Extractor":
        if sum((self.ceiling, self.floor, self.once)) > 1:
            raise ValueError("a quantity is read as a ceiling, as a floor or for one period, not more than one")
        return self


_NUMBER_WORD = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
                r"ninety|hundred|thousand|million)")
_NUMBER_WORDS = rf"{_NUMBER_WORD}(?:(?:\s+and\s+|[\s-]+){_NUMBER_WORD})*"
#: What `{number}` stands for in an edit's `find`: a number as contracts write it, "sixty (60)", "(60) sixty",
#: "twenty-four (24)", "60" or "sixty", and nothing before it, so the words around it are kept.
NUMBER = (rf"(?:\b{_NUMBER_WORDS}\s*\(\d[\d,]*\)|\(\d[\d,]*\)\s*{_NUMBER_WORDS}\b|\(?\b\d[\d,]*\b\)?"
          rf"|\b{_NUMBER_WORDS}\b)")
#: An amount in dollars written in figures: "$5,000", "$4,500.00".
DOLLARS = r"\$\s?\d(?:[\d,]*\d)?(?:\.\d{2})?"
#: What `{money}` stands for: an amount in dollars as contracts write it, "$5,000", "$4,500.00" or "Four Thousand Five
#: Hundred Dollars ($4,500.00)", whole, so that the words and the digits change together.
MONEY = rf"(?:\b{_NUMBER_WORDS}\s+dollars\s*\(\s*{DOLLARS}\s*\)|{DOLLARS})"


class Edit(Strict):
    """A targeted change inside a found clause: the first match of `find` becomes the rendered `replace`.
    `{number}` in `find` matches a number however the contract writes it (see NUMBER), `{money}` an amount in
    dollars (MONEY). With `near`, only a sentence that matches it is changed (unless the section's heading does): a
    termination section also states the notice for disability, which a without-cause edit must leave alone."""

    find: str
    #: May read `found`, the figures the contract states, to add only what it lacks.
    replace: str
    #: Every match rather than the first; with `param`, every match stating the figure the contract states for it (a
    #: bonus cap restating its maximum) and no other (a threshold beside it).
    all: bool = False
    near: str | None = None
    #: A sentence matching it (case-insensitive, as the parameter's extract `unless` is read) is never changed by this
    #: edit, wherever it is made: a notice that one sentence sets for both parties is left to the edit that keeps the
    #: physician's own.
    unless: str | None = None
    #: The parameter whose value the edit writes: a match that already meets the clause's checks for it (twelve
    #: months where twelve are asked, one month where at most twelve are) is left as the contract has it, and so is
    #: one stating a floor the contract sets for it (a guaranteed minimum is no target to raise).
    param: str | None = None
    #: The edit changes table cells only, each stating the figure of `param` alone ("$36,000"), in a row that names
    #: it (the parameter's extract `near`, and the edit's own `near`), where the figure is the one the contract
    #: states for it: a compensation table's "Informatics stipend (0.3 FTE) | $36,000". Other edits leave tables alone.
    cell: bool = False
    #: The parameter whose figure the edit makes binding ("the amount may not be reduced except by a written
    #: amendment"): it is made only where the section, as the clause's other edits leave it, states the figure asked
    #: for, or it would lock in a lower one the contract states.
    locks: str | None = None
    #: The rendered `replace` goes right after the match, which stays as drafted (a target beside the ceiling that
    #: is all the draft states); an empty one changes nothing.
    append: bool = False
    #: How the clause's templates refer to the edit: `made`, in the rationale, the talking point and the edits
    #: after it, holds the names of the edits that changed the text, so each says only what was done.
    name: str | None = None
    #: Parameters whose statement leaves the edit unmade: a guaranteed minimum gets no metrics in place of the
    #: discretion over what is paid above it.
    unless_stated: list[str] = []
    #: With `param`, also every later match in the paragraph that falls short of the ask, in a sentence matching
    #: `near` itself, in a part of it that the parameter's `unless` does not rule out: a covenant's proviso ("provided that the Noncompetition Period shall end one (1) year from a
    #: termination without cause"), which capped a longer period, would lengthen the one asked for if kept.
    every_short: bool = False

    @property
    def pattern(self) -> str:
        return self.find.replace("{number}", NUMBER).replace("{money}", MONEY)


class BetterWithout(Strict):
    pattern: str  # the contract's text matches it somewhere
    message: str  # why its lack of the clause suits the physician, in a sentence or two


class Carried(Strict):
    """A name that the draft's version of a clause defines and the rest of the contract uses, defined again beside
    the wording that replaces it: `names` is a pattern for the name ("Extension Term"), `meaning` what it means
    beside our wording, naming the physician as the library does ("Physician")."""
    names: str
    meaning: str

    @field_validator("names")
    @classmethod
    def _compiles(cls, v: str) -> str:
        try:
            re.compile(v)
        except re.error as exc:
            raise ValueError(f"not a regular expression: {exc}") from None
        return v


#: The tier a clause with `grounds` adds beside a draft's own grounds: what they lack (notice, a cure period), no ground.
GROUNDS_TIER = "on_grounds"


class Clause(Strict):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    topic: str
    title: str
    cues: list[str] = Field(min_length=1)
    heading_cues: list[str] = []
    #: Cue phrases that count only whole. A cue's single words also rank the candidates that hold them; the words of
    #: wording that varies between drafters (British and European forms, offer letters: the "permanent" of "on a
    #: permanent basis") would lift unrelated sections, so such phrases find the clause without lending it their
    #: words. Matching alone uses them.
    exact_cues: list[str] = []
    exact_heading_cues: list[str] = []
    parameters: dict[str, Parameter] = {}
    tiers: dict[str, str]
    rationale: str
    talking_point: str
    checks: list[Check] = []
    extract: dict[str, Extractor] = {}
    #: When the clause is found: `edit` applies `edits` (minimal, keeps the employer's wording), `replace` puts the
    #: tier's wording in place of the clause body, `add` puts it after the clause, which stays (a protection that
    #: adds to the contract's and must not narrow it), `keep` only reports. `revise` applies `edits` where the section,
    #: so edited, meets every check (ph1's "$4,500.00" of CME becomes "$6,000" and the rest stays as drafted), and
    #: otherwise does as `replace`.
    on_found: Literal["edit", "revise", "replace", "add", "keep"] = "replace"
    edits: list[Edit] = []
    #: When the clause is missing: `insert` it as a new section headed `heading` after the section of the first of
    #: `insert_after`'s topics found in the contract (else after the last section), `ask` for it in the letter only,
    #: or `ignore` its absence (a missing non-compete is good news).
    on_missing: Literal["insert", "ask", "ignore"] = "insert"
    #: A pattern the contract's text must match somewhere for it to count as having the clause: a confidentiality
    #: section that names inventions in passing assigns nothing, so the IP clause's assignment has nothing to narrow.
    present_if: str | None = None
    #: What matching `present_if` means, for the review and the plan to say why a contract lacks the clause though the
    #: topic was found: "assigns or owns inventions or work product" ("nothing in the contract assigns or owns ...").
    present_means: str | None = None
    #: A sentence holding a match of `present_if` that also matches this (case-insensitive) does not count: the
    #: physician's own right to resign on notice, or a removal from office, is no right of the employer's to end the
    #: agreement without cause.
    present_unless: str | None = None
    #: A pattern that, found in a contract lacking the clause, means our wording inserted beside what the contract
    #: keeps would contradict it (what it pays on a termination stated as the employee's sole remedy): the clause is
    #: asked for in the letter instead, with a warning quoting that sentence.
    contradicted_by: str | None = None
    #: A pattern that, found in a contract lacking the clause, means the contract already gives what the clause asks,
    #: in terms of its own (the salary it continues after a removal or a termination not for cause): ours inserted
    #: beside it would be a second answer, and asking for ours could trade the draft's away, so nothing is inserted
    #: or asked for; the review and the plan quote the sentence, which stays as drafted.
    given_by: str | None = None
    #: The tier inserted when the contract lacks the clause, where the wording that replaces the employer's would
    #: give away what the contract never took (an IP assignment, where the contract assigns nothing).
    missing_tier: str | None = None
    #: Where the contract lacks the clause (missing, or failing `present_if`) and says this, the lack protects the
    #: physician and nothing is asked for: a fixed term that the employer may end early only for cause would be
    #: given away by asking for notice to end it without cause.
    better_without: BetterWithout | None = None
    #: A pattern for the sentences of the contract's version that are no part of the clause's bargain (where the
    #: physician is based, beside our remote days): a section holding one is not replaced; ours goes after it.
    keep_if: str | None = None
    #: A pattern for the name of a separate agreement that may hold the clause ("Employee Agreement" for a
    #: non-compete): a contract lacking the clause but referring to one is not said to lack it.
    held_in: str | None = None
    #: Why the clause is asked of no independent contractor, in a sentence or two: where the contract engages the
    #: physician as one, nothing is inserted, edited or asked for, and the review and the plan say why (remote days
    #: granted by the other side, on its equipment, would treat the contractor as an employee).
    not_for_contractors: str | None = None
    #: A pattern for a sentence anywhere in the contract that gives the physician a right of their own to end it
    #: without cause (to resign on notice, at will, either party on notice); the rationale and the talking point read
    #: `own`, whether one does. Ending it on the other side's breach, or by mutual consent, is no such right: a
    #: contractor whose draft gives none is asked for one rather than told to keep "my own notice as drafted".
    own_right: str | None = None
    #: Named patterns the rationale and the talking point read as whether the clause as found (with the sentences
    #: read beside it) says each, as `states(pattern)` would: one definition for what both say (malpractice's
    #: `tail_paid`, the draft already has the employer pay for the tail however employment ends).
    facts: dict[str, str] = {}
    insert_after: list[str] = []
    #: Topics whose matched sections may state this clause's figures too, read there when the clause as matched
    #: leaves them unstated: what a termination without cause pays is the severance, though the section matched for
    #: severance speaks only of a change of control (Genaera's "your monthly base salary for (12) twelve months").
    stated_in: list[str] = []
    #: Topics whose right the clause's ask presumes: severance is asked for a termination without cause. Where the
    #: contract lacks such a topic's clause and is better without it (its `better_without`: a fixed term the employer
    #: may end early only for cause), and states none of this clause's figures, nothing is asked: the ask would
    #: offer the right the draft withholds (Eshelman).
    presumes: list[str] = []
    #: A pattern for a sentence that holds the clause though none of its cues names it ("for a period of one year
    #: thereafter ... the Consultant shall not engage in any activity in the field described on Schedule A", in
    #: Pandion's "1. Services"): where the clause as matched and the sentences beside it state none of its figures,
    #: they are read, and edited, in such a sentence that states one.
    governs: str | None = None
    #: A pattern for a sentence elsewhere in the contract that governs part of what the clause settles, where the
    #: contract lacks the clause: ours, inserted beside that sentence (which stays), says it prevails, and its comment
    #: names the sentence (Genaera's "'cause' is defined in ... the Plan", Safavi's "either the Employee or the
    #: Company may terminate the relationship at any time").
    overlaps: str | None = None
    #: A pattern for the draft's own definition of cause, or its own list of grounds on which the employer may end
    #: the agreement ("'Cause' means only: the commission of a felony ..."): such a draft keeps its grounds, and the
    #: clause adds only what it lacks, notice and a cure period (the `cure` tier, or its figure edited up); our own
    #: list, put in place of theirs or beside it, would widen the causes and strike or contradict a term the rest of
    #: the contract uses (Nelson's "other than Cause", Guthrie's "'Cause' means only").
    grounds: str | None = None
    #: The names the draft's version of the clause may define that our wording, replacing it, defines again (the
    #: term's "Employment Term", used throughout Langecker's agreement): a replacement that would strike a definition
    #: the contract uses, and that none of these carries, is not made; the letter asks instead.
    carries: list[Carried] = []
    heading: str | None = None
    source: str = ""  # the file it came from; set by the loader

    @property
    def named(self) -> str:
        """The title inside a sentence: "our CME allowance ... clause", "our remote work clause"; an acronym that
        opens it stays as it is."""
        first = self.title.split(" ", 1)[0]
        return self.title if first.isupper() and len(first) > 1 else self.title[:1].lower() + self.title[1:]

    @field_validator("topic")
    @classmethod
    def _known_topic(cls, v: str) -> str:
        if v not in TOPICS:
            raise ValueError(f"unknown topic {v!r}")
        return v

    @field_validator("tiers")
    @classmethod
    def _tiers(cls, v: dict[str, str]) -> dict[str, str]:
        if "preferred" not in v:
            raise ValueError("a clause needs a 'preferred' tier")
        if len(v) < 2:
            raise ValueError("a clause needs at least one fallback tier besides 'preferred'")
        return v

    @model_validator(mode="after")
    def _edits_need_edit_mode(self) -> "Clause":
        if self.on_found in ("edit", "revise") and not self.edits:
            raise ValueError(f"on_found: {self.on_found} needs at least one entry in edits")
        if self.grounds is not None and GROUNDS_TIER not in self.tiers:
            raise ValueError(f"grounds needs a tier {GROUNDS_TIER!r}: what is added beside the draft's own grounds")
        for name, rule in self.extract.items():
            if name not in self.parameters:
                raise ValueError(f"extract names {name!r}, which is not a declared parameter")
            for share in rule.share_of_salary:
                if rule.kind != "usd" or share not in self.extract or self.extract[share].kind != "percent":
                    raise ValueError(f"extract.{name}.share_of_salary names {share!r}: a dollar figure's share is "
                                     f"read only into a percentage parameter that has an extract rule")
        for check in self.checks:
            if check.param is not None and check.param not in self.parameters:
                raise ValueError(f"a check names {check.param!r}, which is not a declared parameter")
            for name in check.unless_stated:
                if name not in self.extract:
                    raise ValueError(f"a check's unless_stated names {name!r}, which has no extract rule to read it")
        for i, edit in enumerate(self.edits):
            for name in edit.unless_stated:
                if name not in self.extract:
                    raise ValueError(f"edits.{i}.unless_stated names {name!r}, which has no extract rule to read it")
        names = [e.name for e in self.edits if e.name is not None]
        if len(names) != len(set(names)):
            raise ValueError("two edits have the same name")
        checks = [c.name for c in self.checks if c.name is not None]
        if len(checks) != len(set(checks)):
            raise ValueError("two checks have the same name")
        if any(c.action for c in self.checks) and len(checks) < len(self.checks):
            # the suggested action says what to do about the checks that fired, which it knows by name
            raise ValueError("a clause whose checks say what to do (action) names every check")
        for i, edit in enumerate(self.edits):
            if edit.param is not None and edit.param not in self.extract:
                raise ValueError(f"edits.{i}.param names {edit.param!r}, which has no extract rule to read it with")
            if edit.locks is not None and edit.locks not in self.extract:
                raise ValueError(f"edits.{i}.locks names {edit.locks!r}, which has no extract rule to read it with")
            if edit.cell and edit.param is None:
                raise ValueError(f"edits.{i}: cell: true needs the param whose figure the cell states")
            if edit.every_short and edit.param is None:
                raise ValueError(f"edits.{i}: every_short: true needs the param whose ask a match falls short of")
        if self.present_means is not None and self.present_if is None:
            raise ValueError("present_means says what present_if means, and there is no present_if")
        for name in self.facts:
            if not name.isidentifier() or name in self.parameters:
                raise ValueError(f"facts.{name}: a fact is named as a template variable, apart from the parameters")
        if self.missing_tier is not None and self.missing_tier not in self.tiers:
            raise ValueError(f"missing_tier names {self.missing_tier!r}, which is not one of its tiers "
                             f"({', '.join(self.tiers)})")
        return self


# --------------------------------------------------------------------------------------------------------------------
# profile: the physician's asks
# --------------------------------------------------------------------------------------------------------------------
class Physician(Strict):
    name: str
    credentials: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""


_HONORIFIC = re.compile(r"^(Dr|Prof|Professor|Mr|Mrs|Ms|Mx)\.?\s+(?:\S+\s+)*?(\S+?)(?:,.*)?$")


class Employer(Strict):
    name: str
    contact_name: str = ""
    contact_title: str = ""
    #: How the letter greets the contact, "Dr. Vasquez-Hart"; else an honorific the contact_name opens with and its
    #: surname ("Dr. Elena Vasquez-Hart" -> "Dr. Vasquez-Hart"), else the full name.
    contact_salutation: str = ""
    address: str = ""

    @property
    def addressee(self) -> str:
        """Who 'Dear ...,' greets: 'Dr. Vasquez-Hart', or the full name where nothing better is known, or ''."""
        if self.contact_salutation.strip():
            return self.contact_salutation.strip()
        m = _HONORIFIC.match(self.contact_name.strip())
        if m:
            title = "Professor" if m.group(1).startswith("Prof") else m.group(1) + "."
            return f"{title} {m.group(2)}"
        return self.contact_name.strip()


class Role(Strict):
    title: str
    setting: Literal["academic", "health-system", "vendor", "hybrid-practice"]
    total_fte: float = Field(1.0, gt=0, le=1.5)


class LetterOptions(Strict):
    date: _dt.date | None = None
    signature: str | None = None
    subject: str | None = None
    opening: str | None = None
    closing: str | None = None


class Compensation(Strict):
    """Pay figures for the compensation math (letter, memo, review); all optional, and a figure may instead come
    from the matching clause's asks (stipend from leadership-stipend, bonus target from bonus-incentive, equity from
    equity, full-time wRVU target from productivity-rvu), but not from both with different values."""

    base_salary: float | None = Field(None, ge=0)
    stipend: float | None = Field(None, ge=0)
    bonus_target_percent: float | None = Field(None, ge=0, le=200)  # of base salary
    bonus_expected_payout_percent: float | None = Field(None, ge=0, le=300)  # of the target; 100 = paid at target
    equity_grant_value: float | None = Field(None, ge=0)
    equity_vesting_years: float | None = Field(None, gt=0, le=10)
    full_time_wrvu_target: float | None = Field(None, gt=0, le=100000)

    #: The clause parameter that states the same figure as a field: where the asks do not give it, the clause's
    #: wording and checks take the field's value, so the redline, the review and the letter name one figure.
    CLAUSE_FIGURES: ClassVar[dict[str, tuple[str, str]]] = {
        "stipend": ("leadership-stipend", "amount_usd"),
        "bonus_target_percent": ("bonus-incentive", "target_percent"),
        "equity_grant_value": ("equity", "grant_value_usd"),
        "equity_vesting_years": ("equity", "vesting_years"),
        "full_time_wrvu_target": ("productivity-rvu", "full_time_wrvu_target"),
    }

    @field_validator("*", mode="before")
    @classmethod
    def _plain_number(cls, v: Any) -> Any:
        """'$250,000' and '10%' read as numbers."""
        if isinstance(v, str):
            text = v.replace(",", "").replace("$", "").replace("%", "").strip()
            try:
                return float(text)
            except ValueError:
                return v
        return v


class Profile(Strict):
    physician: Physician
    employer: Employer
    role: Role
    priorities: list[str] = []
    asks: dict[str, dict[str, Any]] = {}
    tiers: dict[str, str] = {}
    letter: LetterOptions = LetterOptions()
    compensation: Compensation = Compensation()

    @field_validator("priorities")
    @classmethod
    def _known_priorities(cls, v: list[str]) -> list[str]:
        for topic in v:
            if topic not in TOPICS and not any(topic == t for t in TOPICS):
                raise ValueError(f"unknown topic {topic!r} (see `counterdraft clauses list`)")
        if len(set(v)) != len(v):
            raise ValueError("a topic is listed twice")
        return v


# --------------------------------------------------------------------------------------------------------------------
# the plan: what the redline will do, for review
# --------------------------------------------------------------------------------------------------------------------
class ParagraphRef(Strict):
    """A paragraph of the package: its part and its position among that part's paragraphs in document order."""

    part: str = "word/document.xml"
    index: int

    def __str__(self) -> str:
        return f"{self.part}#{self.index}"


class ParagraphChange(Strict):
    ref: ParagraphRef
    before: str
    after: str | None  # None deletes the paragraph


class NewParagraph(Strict):
    text: str
    caption: str | None = None  # a leading run, set as the contract's own section captions are
    like: ParagraphRef | None = None  # the paragraph whose formatting it takes
    #: Word's list numbering of `like` is switched off for it, so the paragraphs after it keep their numbers: its
    #: number is typed in the text ("4A."), or it is text that takes a numbered paragraph's layout and has none.
    typed_number: bool = False
    #: False where the contract types its captions in its text's own format ("Start Date. Your anticipated ..."):
    #: ours then follows it rather than standing out in bold.
    caption_bold: bool = True


class ConformingNote(Strict):
    """A margin comment on a paragraph outside the edit that still states a figure the edit changes (the
    compensation table's "Clinical base salary (0.7 FTE)" once the split is 0.5): it asks for the conforming change
    and changes no text, as what goes with the figure there (an amount of pay) is for the parties to agree. Where
    the figure is plainly the covenant's own period or radius (conforming.conformed), `after` brings it to the
    revised one as a tracked change, which the comment explains."""

    ref: ParagraphRef
    text: str  # the paragraph as planned; the comment is made only while it reads so
    quote: str  # the part of it the comment is anchored on: the sentence (or table cell) stating the figure
    comment: str
    after: str | None = None  # the paragraph as the conforming change leaves it; None: the comment only asks


class PlannedEdit(Strict):
    clause_id: str
    topic: str
    title: str
    #: `letter` edits change no text: the request is argued in the letter (e.g. compensation).
    kind: Literal["modify", "insert", "letter"]
    tier: str
    heading: str | None = None  # where it is, as the contract calls it
    changes: list[ParagraphChange] = []
    #: New paragraphs go after `anchor` (for insert) or after the last change (for modify).
    anchor: ParagraphRef | None = None
    new_paragraphs: list[NewParagraph] = []
    comment: str
    request: str  # the talking point, for the letter
    parameters: dict[str, Any] = {}
    conforming: list[ConformingNote] = []


class Plan(Strict):
    contract: str
    author: str
    date: str
    edits: list[PlannedEdit] = []
    messages: list[Message] = []


# --------------------------------------------------------------------------------------------------------------------
# review findings
# --------------------------------------------------------------------------------------------------------------------
class Finding(Strict):
    topic: str
    status: Literal["found", "missing"]
    heading: str | None = None
    text: str = ""
    parameters: dict[str, Any] = {}
    assessment: Literal["ok", "weak", "missing", "unknown"] = "unknown"
    message: str = ""
    confidence: float = 0.0
    paragraphs: list[ParagraphRef] = Field(default=[], exclude=True)
    #: The names of the clause's checks that fired (Check.name), for the plan's wording and the suggested action.
    flagged: list[str] = Field(default=[], exclude=True)


class Review(Strict):
    contract: str
    findings: list[Finding]
