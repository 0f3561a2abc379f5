"""What the physician sends and reads: the counter-proposal letter (Markdown and a styled DOCX, optionally PDF), a
short email (plain text) and the attorney memo (Markdown table).

The wording lives in Jinja templates (templates/<name>/: body.txt.j2, letter.md.j2, email.txt.j2, memo.md.j2), so a
user can restyle everything without touching code; a template folder that lacks a file uses the bundled default's.
The requests are the clauses' talking points and every compensation figure comes from compensation.py: templates
arrange text and numbers, they never compute them.
"""
from __future__ import annotations

import datetime as _dt
import functools
import io
import os
import re
import shutil
import subprocess
import tempfile
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from . import compensation as comp_math
from .compensation import Compensation
from .errors import ConfigError
from .library import Library
from .models import Message, Plan, Profile, Review
from .resources import templates_dir as bundled_templates_dir
from .terms import ENGAGED_SALARY, salary_named
from .wording import first_sentence, make_environment
from .wordml.package import normalize_zip

DEFAULT_TEMPLATE = "letter"
MARKDOWN_FILE = "letter.md.j2"
BODY_FILE = "body.txt.j2"
EMAIL_FILE = "email.txt.j2"
MEMO_FILE = "memo.md.j2"
#: The blocks a body template must have, each one part of the letter.
BODY_BLOCKS = ("subject", "salutation", "opening", "closing", "signoff")
#: Blocks a body template may have (older templates without them still work): the guide's order of a counter-proposal
#: is opening (clarify expectations), structure (FTE), compensation, development, then the numbered requests.
#: pay_request, where it renders text, replaces the base-salary request's talking point, which cannot see the
#: draft's pay the letter keeps.
OPTIONAL_BLOCKS = ("structure", "compensation", "development", "intro", "pay_request")
#: Topics the development paragraph speaks of.
DEVELOPMENT_TOPICS = ("cme-allowance", "protected-time", "analytics-support", "onboarding", "academic-promotion",
                      "growth-path")

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_UNRENDERED = re.compile(r"\{\{|\{%|%\}|\}\}|\{#|#\}")
@dataclass
class Request:
    clause_id: str
    topic: str
    title: str
    text: str
    redlined: bool = False  # True when the redline carries wording for it; False when it is argued only here
    comment: str = ""  # the clause's rationale, as in the redline's margin comment
    number: int = 0  # its number in the letter, from 1

    @property
    def lead(self) -> str:
        """The title as a run-in heading: 'Termination without cause.'"""
        return self.title if self.title[-1:] in ".?!:" else self.title + "."


@dataclass
class Letter:
    sender: list[str]
    date: str
    recipient: list[str]
    subject: str
    salutation: str
    opening: list[str]
    requests: list[Request]
    closing: list[str]
    signoff: str
    signature: list[str]
    author: str = ""
    issued: _dt.date = field(default_factory=lambda: _dt.date(2000, 1, 1))  # for the DOCX's fixed dates
    structure: list[str] = field(default_factory=list)
    compensation: list[str] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)  # the compensation arithmetic, one line a result
    development: list[str] = field(default_factory=list)
    intro: list[str] = field(default_factory=list)
    comp: Compensation = field(default_factory=lambda: Compensation("proposed"))
    offered: Compensation = field(default_factory=lambda: Compensation("offered"))
    #: What the letter does about pay (compensation.for_the_letter): raised or not, what it names, what it keeps.
    pay: comp_math.LetterFigures = field(default_factory=lambda: comp_math.LetterFigures(
        Compensation("proposed"), Compensation("offered"), True))
    #: The variables the body template saw; the email and memo templates get them too.
    context: dict[str, Any] = field(default_factory=dict, repr=False)
    messages: list[Message] = field(default_factory=list)


# --------------------------------------------------------------------------------------------------------------------
# building the letter
# --------------------------------------------------------------------------------------------------------------------
def format_date(day: _dt.date) -> str:
    """Locale-independent 'November 26, 2026'."""
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"


def letter_date(profile: Profile, plan: Plan | None, date: _dt.date | None) -> _dt.date:
    if profile.letter.date is not None:
        return profile.letter.date
    if date is not None:
        return date
    if plan is not None and plan.date:
        try:
            return _dt.date.fromisoformat(plan.date[:10])
        except ValueError:
            pass
    return _dt.date.today()


def collect_requests(profile: Profile, plan: Plan, library: Library) -> list[Request]:
    """One request per planned edit (the planner decides what is asked, letter-only points included, with the pay
    decided for every output): the profile's priorities first, in its order, then the rest in plan order."""
    found: list[Request] = []
    seen: set[str] = set()
    for edit in plan.edits:
        if edit.clause_id in seen:
            continue
        seen.add(edit.clause_id)
        text = _check_text(edit.request.strip(), f"plan: {edit.clause_id}: request")
        found.append(Request(edit.clause_id, edit.topic, edit.title, text, redlined=edit.kind != "letter",
                             comment=edit.comment.strip()))
    rank = {topic: i for i, topic in enumerate(profile.priorities)}

    def key(item: tuple[int, Request]) -> tuple[int, int]:
        pos, req = item
        return (rank.get(req.topic, rank.get(req.clause_id, len(rank))), pos)

    ordered = [req for _, req in sorted(enumerate(found), key=key)]
    for n, req in enumerate(ordered, 1):
        req.number = n
    return ordered


def build_letter(profile: Profile, plan: Plan, library: Library, date: _dt.date | None = None, *,
                 templates_dir: Path | None = None, name: str = DEFAULT_TEMPLATE,
                 review: Review | None = None, where: str = "profile: ",
                 pay: comp_math.LetterFigures | None = None, engaged: bool = False) -> Letter:
    """`date` is the run date, used when the profile gives none; `review` adds the draft's own pay for comparison;
    `pay` is the pay decided for every output (compensation.decide), as the plan was made with it; `engaged`, that
    the contract engages the physician as an independent contractor, whose letter speaks of the agreement and its
    fees, not of employment and a salary."""
    day = letter_date(profile, plan, date)
    comp = comp_math.proposed(profile, library, where, review)
    offered = comp_math.offered(review, profile) if review is not None else Compensation("offered")
    quoted = pay or comp_math.decide(profile, library, review, where)
    requests = collect_requests(profile, plan, library)
    for req in requests:  # "Annual fee and total compensation", the pay as a contractor's letter names it
        req.title = salary_named(req.title, engaged)
    drafted_base = _base_left_as_drafted(quoted, offered, requests)
    # the draft's full-time base salary where the redline writes the one the letter proposes for the part-time
    # position (Planner._part_time_base), so the letter says the clean copy carries it
    prorated_base = quoted.full_time if any(r.redlined and r.topic == "base-salary" for r in requests) else None
    phys, emp = profile.physician, profile.employer
    full_name = ", ".join(p for p in (phys.name, phys.credentials) if p)
    sender = [full_name, *_address_lines(phys.address), *(x for x in (phys.phone, phys.email) if x)]
    recipient = [x for x in (emp.contact_name, emp.contact_title, emp.name) if x] + _address_lines(emp.address)
    context = {
        "profile": profile, "physician": phys, "employer": emp, "role": profile.role, "asks": profile.asks,
        "requests": requests, "topics": [r.topic for r in requests], "redlined": any(r.redlined for r in requests),
        "date": format_date(day), "number": {**{r.topic: r.number for r in requests},
                                             **{r.clause_id: r.number for r in requests}},
        "development": [r for r in requests if r.topic in DEVELOPMENT_TOPICS],
        "comp": quoted.proposed, "offered": quoted.offered, "pay": quoted, "drafted_base": drafted_base,
        "prorated_base": prorated_base,
        "engaged": engaged, "salary": ENGAGED_SALARY if engaged else "base salary",
    }
    env = _environment(templates_dir, name)
    body = _render_blocks(env, BODY_FILE, context)
    opts = profile.letter
    subject = _override(env, opts.subject, f"{where}letter.subject", context) or _one_line(body["subject"])
    opening = _paragraphs(_override(env, opts.opening, f"{where}letter.opening", context) or body["opening"])
    closing = _paragraphs(_override(env, opts.closing, f"{where}letter.closing", context) or body["closing"])
    signature = [line.strip() for line in (opts.signature or full_name).splitlines() if line.strip()]
    compensation = _paragraphs(body["compensation"])
    pay_request = _one_line(body["pay_request"])
    for req in requests:
        if pay_request and req.topic == "base-salary":
            req.text = pay_request
    figures = [f"{salary_named(f.label, engaged)}: {f.source} = {f.text}" for f in quoted.proposed.results.values()] \
        if compensation else []
    return Letter(sender=sender, date=format_date(day), recipient=recipient, subject=subject,
                  salutation=_one_line(body["salutation"]), opening=opening, requests=requests, closing=closing,
                  signoff=_one_line(body["signoff"]), signature=signature, author=phys.name, issued=day,
                  structure=_paragraphs(body["structure"]), compensation=compensation, figures=figures,
                  development=_paragraphs(body["development"]), intro=_paragraphs(body["intro"]),
                  comp=comp, offered=offered, pay=quoted, context=context,
                  messages=[m.model_copy(update={"text": salary_named(m.text, engaged)}) for m in [
                      *comp_math.messages(comp), *comp_math.messages(offered), *quoted.messages,
                      *([Message(text=f"compensation: the redline leaves the draft's base salary "
                                      f"{drafted_base.after('of')} as "
                                      f"it is (the base-salary clause is argued in the letter only), so the clean copy "
                                      f"does not carry the {quoted.proposed.base} the letter asks for; the letter and "
                                      f"the email say so")] if drafted_base else [])]])


def _base_left_as_drafted(pay: comp_math.LetterFigures, offered: Compensation,
                          requests: list[Request]) -> comp_math.Figure | None:
    """The draft's base salary where the letter asks for another and no redline wording changes it, else None: the
    letter and the email then say the clean copy keeps it, so that "a clean copy with those changes made" does not
    pass for the pay asked for (McDermott: $210,000 asked, $135,000 left in the clean copy)."""
    asked, drafted = pay.proposed.base, offered.base
    if not pay.raise_pay or asked is None or drafted is None or asked.value == drafted.value:
        return None
    if not any(r.redlined for r in requests) or any(r.redlined and r.topic == "base-salary" for r in requests):
        return None  # no redline to speak of, or one that writes the base salary
    return drafted


def _address_lines(address: str) -> list[str]:
    """'41 Larkspur Lane, Riverton, OH 43017' -> street, then city line; explicit line breaks win."""
    lines = [line.strip() for line in address.splitlines() if line.strip()]
    if len(lines) == 1 and "," in lines[0]:
        street, rest = lines[0].split(",", 1)
        return [street.strip(), rest.strip()]
    return lines


def _paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; the lines within one are joined, as in Markdown."""
    return [" ".join(chunk.split()) for chunk in re.split(r"\n\s*\n", text) if chunk.strip()]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _check_text(text: str, where: str) -> str:
    if _UNRENDERED.search(text):
        raise ConfigError(f"{where}: contains unrendered template text: {_one_line(text)[:80]!r}")
    return text


# --------------------------------------------------------------------------------------------------------------------
# the attorney memo
# --------------------------------------------------------------------------------------------------------------------
@dataclass
class MemoRow:
    number: int
    clause_id: str
    title: str
    current: str  # the current wording's key point
    proposed: str
    rationale: str
    priority: str  # "1", "2" ... for the profile's priorities, "-" for the rest
    where: str  # "redline", "letter only", "skipped (see notes)"


@dataclass
class Memo:
    contract: str
    rows: list[MemoRow]
    compensation: list[tuple[str, str, str]]  # (figure, offered, proposed), each with its source or arithmetic
    unraised: list[tuple[str, str, str]]  # (topic, where, message) of weak terms the counter-proposal leaves alone
    notes: list[str]


def build_memo(letter: Letter, review: Review | None = None, applied: list[str] | None = None,
               messages: list[Message] = (), contract: str = "") -> Memo:
    """One row per request of the letter, in its order; `applied` lists the clause ids the redline changed."""
    profile: Profile = letter.context["profile"]
    findings = {f.topic: f for f in review.findings} if review is not None else {}
    rank = {topic: i for i, topic in enumerate(profile.priorities, 1)}
    rows = []
    for req in letter.requests:
        f = findings.get(req.topic)
        if f is None:
            current = "(no review)"
        elif f.status == "missing":
            current = "Not in the contract."
        else:
            where = f.heading or "untitled section"
            point = first_sentence(f.message)[0] if f.assessment == "weak" else f.message
            # the heading's own closing colon or stop is not doubled ("Bonus:: The incentive ...": Garrett)
            current = f"{where.rstrip(' .:;')}: {point}" if point else where
        proposed, why = first_sentence(req.comment or req.text)
        if not req.redlined:
            where = "letter only"
        elif applied is None or req.clause_id in applied:
            where = "redline"
        else:
            where = "skipped (see notes)"
        priority = rank.get(req.topic) or rank.get(req.clause_id)
        rows.append(MemoRow(req.number, req.clause_id, req.title, current, proposed, why or "-",
                            str(priority) if priority else "-", where))
    comp = []
    for key, (label, _unit) in comp_math.LABELS.items():  # proposed: as the letter names it (letter.pay)
        a, b = getattr(letter.offered, key, None), getattr(letter.pay.proposed, key, None)
        if a is None and b is None:
            continue
        comp.append((salary_named(label, letter.context.get("engaged", False)), _figure_text(a, key),
                     _figure_text(b, key)))
    if letter.comp.range_min is not None:
        pay = letter.pay
        if pay.currency:
            why = "; not asked for: the draft pays in another currency (compare it yourself)"
        elif pay.raise_pay or pay.guaranteed is None:
            why = ""
        else:
            why = f"; not asked for: the draft's {pay.guaranteed.a_year} in {pay.what} meets it"
        comp.append(("Total compensation sought", f"in {pay.currency}" if pay.currency else "-",
                     f"{letter.comp.range_min.text} to {letter.comp.range_max.text} "
                     f"({letter.comp.range_min.source}){why}"))
    asked = {r.topic for r in letter.requests}
    if "base-salary" in asked and letter.pay.raise_pay and letter.pay.stipend is not None:
        asked.add("leadership-stipend")  # the pay item names the stipend it asks for ("raise ... to a fixed $55,000")
    # why a weakness of pay is not in the letter: pay is weighed as a whole (a guaranteed minimum bonus counts)
    settled = "" if letter.pay.raise_pay or letter.pay.guaranteed is None else \
        f" The letter does not raise pay: the draft's {letter.pay.guaranteed.a_year} in {letter.pay.what} meets " \
        f"the range sought."
    # a section read as lacking the clause may still hold something against the physician (Brown's, in which the
    # physician indemnifies the Company): said here too, past the review's first sentence that treats it as
    # missing, where the letter does not raise the topic
    unraised = [(f.topic, f.heading or "", f.message + (settled if f.topic in comp_math.PAY_TOPICS else ""))
                for f in findings.values() if f.assessment == "weak" and f.topic not in asked]
    unraised += [(f.topic, f.heading or "", first_sentence(f.message)[1]) for f in findings.values()
                 if f.assessment == "missing" and f.status == "found" and f.flagged and f.topic not in asked]
    return Memo(contract=contract or (review.contract if review is not None else ""), rows=rows, compensation=comp,
                unraised=unraised, notes=[m.text for m in messages] + [m.text for m in letter.messages
                                                                          if m not in messages])


def _figure_text(fig, key: str) -> str:
    if fig is None:
        return "-"
    if key in comp_math.RESULT_KEYS:
        return f"{fig.text} = {fig.source}"
    return f"{fig.text} ({fig.source})"


# --------------------------------------------------------------------------------------------------------------------
# templates
# --------------------------------------------------------------------------------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<])")
_MD_LINE_START = re.compile(r"^(\s*)(?:([#>]|[-+](?=\s))|(\d+)([.)])(?=\s))", re.M)


def md_escape(value: Any) -> str:
    """Letter text as literal Markdown: no stray emphasis, links, headings or list markers."""
    text = _MD_SPECIAL.sub(r"\\\1", str(value))

    def fix(m: re.Match) -> str:
        if m.group(2):
            return f"{m.group(1)}\\{m.group(2)}"
        return f"{m.group(1)}{m.group(3)}\\{m.group(4)}"

    return _MD_LINE_START.sub(fix, text)


def md_cell(value: Any) -> str:
    """Text for one cell of a Markdown table: escaped, on one line, pipes kept literal."""
    return md_escape(_one_line(str(value))).replace("|", "\\|")


def wrap(value: Any, width: int = 72) -> str:
    """Plain-text paragraphs wrapped for an email; blank lines between paragraphs are kept."""
    return "\n\n".join(textwrap.fill(p, width, break_long_words=False, break_on_hyphens=False)
                       for p in _paragraphs(str(value))) + "\n"


def period(value: Any) -> str:
    """End a sentence with the value: 'Acme, Inc.' stays as it is, 'Acme' becomes 'Acme.'."""
    text = str(value).rstrip()
    return text if text[-1:] in ".!?" else text + "."


def item_numbers(requests: list[Request]) -> str:
    """'item 3', 'items 3 and 5', 'items 2, 4 and 6'."""
    ns = [str(r.number) for r in requests]
    if not ns:
        return ""
    if len(ns) == 1:
        return f"item {ns[0]}"
    return f"items {', '.join(ns[:-1])} and {ns[-1]}"


def template_folder(templates_dir: Path | None, name: str) -> Path:
    base = Path(templates_dir) if templates_dir is not None else bundled_templates_dir()
    folder = base / name
    if not folder.is_dir():
        have = sorted(p.name for p in base.iterdir() if p.is_dir()) if base.is_dir() else []
        raise ConfigError(f"{folder}: no letter template {name!r} there"
                          + (f" (have: {', '.join(have)})" if have else ""))
    return folder


def _environment(templates_dir: Path | None, name: str) -> jinja2.Environment:
    """The chosen template folder first; files it lacks come from the bundled default letter."""
    folders = [template_folder(templates_dir, name)]
    default = bundled_templates_dir() / DEFAULT_TEMPLATE
    if default.is_dir() and default.resolve() != folders[0].resolve():
        folders.append(default)
    return _loaded_environment(tuple(str(f) for f in folders))


@functools.lru_cache(maxsize=32)
def _loaded_environment(folders: tuple[str, ...]) -> jinja2.Environment:
    """One environment per template folder in a process, so a batch or a second letter reuses the compiled
    templates (Jinja still reloads a template whose file changed)."""
    env = make_environment(jinja2.FileSystemLoader(list(folders)))
    env.filters.update(md=md_escape, cell=md_cell, wrap=wrap, items=item_numbers, period=period)
    return env


def _jinja_error(exc: Exception, fallback: str) -> ConfigError:
    """One line: the template file, the line, the problem."""
    if isinstance(exc, jinja2.TemplateNotFound):
        return ConfigError(f"{fallback}: template {exc.name} not found")
    filename, lineno = None, None
    if isinstance(exc, jinja2.TemplateSyntaxError):
        filename, lineno = exc.filename or exc.name, exc.lineno
    else:
        tb = exc.__traceback__
        while tb is not None:  # the innermost frame of compiled template code knows its source line
            tmpl = tb.tb_frame.f_globals.get("__jinja_template__")
            if tmpl is not None:
                filename, lineno = tmpl.filename or tmpl.name, tmpl.get_corresponding_lineno(tb.tb_lineno)
            elif tb.tb_frame.f_code.co_filename == fallback:  # a frame Jinja rewrote to point at the template
                filename, lineno = fallback, tb.tb_lineno
            tb = tb.tb_next
    where = filename or fallback
    line = f"line {lineno}: " if lineno else ""
    message = _one_line(getattr(exc, "message", None) or str(exc)) or type(exc).__name__
    return ConfigError(f"{where}: {line}{message}")


_RENDER_ERRORS = (jinja2.TemplateError, ArithmeticError, TypeError, ValueError, AttributeError, KeyError)


def _get_template(env: jinja2.Environment, filename: str) -> jinja2.Template:
    try:
        return env.get_template(filename)
    except (jinja2.TemplateError, ValueError) as exc:
        raise _jinja_error(exc, filename) from None


def _render_blocks(env: jinja2.Environment, filename: str, context: dict[str, Any]) -> dict[str, str]:
    template = _get_template(env, filename)
    missing = [b for b in BODY_BLOCKS if b not in template.blocks]
    if missing:
        raise ConfigError(f"{template.filename}: missing block(s) {', '.join(missing)} "
                          f"(a letter body needs {', '.join(BODY_BLOCKS)})")
    out = {}
    try:
        for block in BODY_BLOCKS + OPTIONAL_BLOCKS:
            if block not in template.blocks:
                out[block] = ""
                continue
            out[block] = _check_text("".join(template.blocks[block](template.new_context(context))),
                                     f"{template.filename}: block {block}")
    except _RENDER_ERRORS as exc:
        raise _jinja_error(exc, template.filename or filename) from None
    return out


def _override(env: jinja2.Environment, text: str | None, where: str, context: dict[str, Any]) -> str | None:
    """The profile's own subject/opening/closing may use the same variables as the body template."""
    if not text:
        return None
    try:
        rendered = env.from_string(text).render(**context)
    except jinja2.TemplateError as exc:
        raise _jinja_error(exc, where) from None
    return _check_text(rendered, where)


def _render_file(filename: str, context: dict[str, Any], templates_dir: Path | None, name: str) -> str:
    env = _environment(templates_dir, name)
    template = _get_template(env, filename)
    try:
        text = "".join(template.root_render_func(template.new_context(context)))
    except _RENDER_ERRORS as exc:
        raise _jinja_error(exc, template.filename or filename) from None
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    return _check_text(text, template.filename or filename)


def render_markdown(letter: Letter, templates_dir: Path | None = None, name: str = DEFAULT_TEMPLATE) -> str:
    return _render_file(MARKDOWN_FILE, {**letter.context, "letter": letter}, templates_dir, name)


def render_email(letter: Letter, templates_dir: Path | None = None, name: str = DEFAULT_TEMPLATE) -> str:
    """The short plain-text email that goes with the letter and the two copies of the agreement."""
    return _render_file(EMAIL_FILE, {**letter.context, "letter": letter}, templates_dir, name)


def render_memo(memo: Memo, letter: Letter, templates_dir: Path | None = None, name: str = DEFAULT_TEMPLATE) -> str:
    return _render_file(MEMO_FILE, {**letter.context, "letter": letter, "memo": memo}, templates_dir, name)


# --------------------------------------------------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------------------------------------------------
#: Custom paragraph styles: name -> (based on, bold, space before pt, space after pt, left indent in).
STYLES: dict[str, tuple[str, bool, float, float, float]] = {
    "Sender Block": ("Normal", False, 0, 0, 0),
    "Letter Date": ("Normal", False, 18, 18, 0),
    "Recipient Block": ("Normal", False, 0, 0, 0),
    "Subject Line": ("Normal", True, 18, 12, 0),
    "Compensation Figure": ("Normal", False, 0, 4, 0.4),
    "Request": ("List Number", False, 0, 8, 0),
    "Signature": ("Normal", False, 36, 0, 0),
}


def letter_docx_bytes(letter: Letter) -> bytes:
    """Styled paragraphs (restyle in Word by editing the styles), deterministic bytes for identical letters."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Inches, Pt

    document = docx.Document()
    for section in document.sections:
        section.left_margin = section.right_margin = Inches(1)
        section.top_margin = section.bottom_margin = Inches(1)
    styles = document.styles
    normal = styles["Normal"]
    normal.paragraph_format.space_after = Pt(10)
    for style_name, (base, bold, before, after, indent) in STYLES.items():
        style = styles.add_style(style_name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
        style.quick_style = True
        style.font.bold = bold or None
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
        if indent:
            style.paragraph_format.left_indent = Inches(indent)

    style_ids = {name: styles[name].style_id for name in [*STYLES, "Normal"]}

    def para(text: str, style: str = "Normal"):
        # the style set by its id: python-docx looks a style up by name through every style, per paragraph
        p = document.add_paragraph(text)
        if style != "Normal":
            p._p.get_or_add_pPr().style = style_ids[style]
        return p

    for line in letter.sender:
        para(line, "Sender Block")
    para(letter.date, "Letter Date")
    for line in letter.recipient:
        para(line, "Recipient Block")
    para(f"Subject: {letter.subject}", "Subject Line")
    para(letter.salutation)
    for text in [*letter.opening, *letter.structure, *letter.compensation]:
        para(text)
    for line in letter.figures:
        para(line, "Compensation Figure")
    for text in [*letter.development, *letter.intro]:
        para(text)
    for req in letter.requests:
        p = para("", "Request")
        p.add_run(req.lead).bold = True
        p.add_run(" " + req.text)
    for text in letter.closing:
        para(text)
    para(letter.signoff)
    for i, line in enumerate(letter.signature):
        para(line, "Signature" if i == 0 else "Sender Block")

    props = document.core_properties
    stamp = _dt.datetime(letter.issued.year, letter.issued.month, letter.issued.day, 9, 0, 0, tzinfo=_dt.timezone.utc)
    props.author = props.last_modified_by = letter.author
    props.title = letter.subject
    props.subject = "Counter-proposal"
    props.comments = ""
    props.keywords = ""
    props.revision = 1
    props.created = props.modified = props.last_printed = stamp
    buf = io.BytesIO()
    document.save(buf)
    return normalize_zip(buf.getvalue())


# --------------------------------------------------------------------------------------------------------------------
# PDF through LibreOffice
# --------------------------------------------------------------------------------------------------------------------
class PdfUnavailable(Exception):
    """No PDF could be made here; the message says why, in a form the user can act on."""


def soffice_path() -> str | None:
    """LibreOffice's soffice ($SOFFICE first), or None."""
    return shutil.which(os.environ.get("SOFFICE", "soffice"))


def docx_to_pdf(data: bytes, stem: str = "letter", timeout: float = 180) -> bytes:
    """The DOCX converted by `soffice --headless --convert-to pdf`, with a private profile so a running LibreOffice
    neither interferes nor receives the job."""
    soffice = soffice_path()
    if soffice is None:
        raise PdfUnavailable(f"LibreOffice ({os.environ.get('SOFFICE', 'soffice')}) is not installed or not on PATH; "
                             f"install libreoffice-writer, or save the letter's DOCX as PDF from Word")
    with tempfile.TemporaryDirectory(prefix="counterdraft_pdf_") as tmp:
        folder = Path(tmp)
        src = folder / f"{stem}.docx"
        src.write_bytes(data)
        cmd = [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--norestore",
               "--nologo", "--convert-to", "pdf", "--outdir", str(folder), str(src)]
        try:
            run = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise PdfUnavailable(f"LibreOffice did not finish the conversion within {timeout:g} seconds") from None
        except OSError as exc:
            raise PdfUnavailable(f"LibreOffice could not be started: {exc.strerror or exc}") from None
        out = folder / f"{stem}.pdf"
        if run.returncode != 0 or not out.is_file():
            lines = (run.stderr or run.stdout or "").strip().splitlines()
            detail = _one_line(lines[-1]) if lines else f"exit code {run.returncode}"
            raise PdfUnavailable(f"LibreOffice could not convert the letter: {detail}")
        return out.read_bytes()


__all__ = ["Letter", "Memo", "MemoRow", "PdfUnavailable", "Request", "build_letter", "build_memo", "collect_requests",
           "docx_to_pdf", "format_date", "letter_docx_bytes", "md_escape", "render_email", "render_markdown",
           "render_memo", "soffice_path", "template_folder"]
