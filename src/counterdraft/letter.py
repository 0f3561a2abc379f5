"""The counter-proposal cover letter: one Letter object, written out as Markdown (Jinja) or as a styled DOCX.

The wording around the requests lives in templates (templates/<name>/body.txt.j2 and letter.md.j2) so a user can
restyle the letter without touching code; the requests themselves are the clauses' talking points.
"""
from __future__ import annotations

import datetime as _dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from .errors import ConfigError
from .library import Library, profile_values, render
from .models import Plan, Profile
from .resources import templates_dir as bundled_templates_dir
from .wording import make_environment
from .wordml.package import normalize_zip

DEFAULT_TEMPLATE = "letter"
MARKDOWN_FILE = "letter.md.j2"
BODY_FILE = "body.txt.j2"
#: The blocks of the body template, each one part of the letter.
BODY_BLOCKS = ("subject", "salutation", "opening", "closing", "signoff")

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_UNRENDERED = re.compile(r"\{\{|\{%|%\}|\}\}")


@dataclass
class Request:
    clause_id: str
    topic: str
    title: str
    text: str
    redlined: bool = False  # True when the redline carries wording for it; False when it is argued only here

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
    """Priorities first (in the profile's order), then planned edits in plan order, then asks argued only here."""
    found: list[Request] = []
    seen: set[str] = set()
    for edit in plan.edits:
        if edit.clause_id in seen:
            continue
        seen.add(edit.clause_id)
        text = _check_text(edit.request.strip(), f"plan: {edit.clause_id}: request")
        found.append(Request(edit.clause_id, edit.topic, edit.title, text, redlined=True))
    for clause_id in profile.asks:
        if clause_id in seen:
            continue
        seen.add(clause_id)
        clause = library.get(clause_id)
        text = render(clause, clause.talking_point, profile_values(clause, profile, "profile: "), "talking_point")
        text = _check_text(text, f"{clause.source or clause.id}: talking_point")
        found.append(Request(clause.id, clause.topic, clause.title, text))
    rank = {topic: i for i, topic in enumerate(profile.priorities)}

    def key(item: tuple[int, Request]) -> tuple[int, int]:
        pos, req = item
        return (rank.get(req.topic, rank.get(req.clause_id, len(rank))), pos)

    return [req for _, req in sorted(enumerate(found), key=key)]


def build_letter(profile: Profile, plan: Plan, library: Library, date: _dt.date | None = None, *,
                 templates_dir: Path | None = None, name: str = DEFAULT_TEMPLATE) -> Letter:
    """`date` is the run date, used when the profile gives none."""
    day = letter_date(profile, plan, date)
    requests = collect_requests(profile, plan, library)
    phys, emp = profile.physician, profile.employer
    full_name = ", ".join(p for p in (phys.name, phys.credentials) if p)
    sender = [full_name, *_address_lines(phys.address), *(x for x in (phys.phone, phys.email) if x)]
    recipient = [x for x in (emp.contact_name, emp.contact_title, emp.name) if x] + _address_lines(emp.address)
    context = {
        "profile": profile, "physician": phys, "employer": emp, "role": profile.role, "asks": profile.asks,
        "requests": requests, "topics": [r.topic for r in requests], "redlined": any(r.redlined for r in requests),
        "date": format_date(day),
    }
    env = _environment(templates_dir, name)
    body = _render_blocks(env, BODY_FILE, context)
    opts = profile.letter
    subject = _override(env, opts.subject, "letter.subject", context) or _one_line(body["subject"])
    opening = _paragraphs(_override(env, opts.opening, "letter.opening", context) or body["opening"])
    closing = _paragraphs(_override(env, opts.closing, "letter.closing", context) or body["closing"])
    signature = [line.strip() for line in (opts.signature or full_name).splitlines() if line.strip()]
    return Letter(sender=sender, date=format_date(day), recipient=recipient, subject=subject,
                  salutation=_one_line(body["salutation"]), opening=opening, requests=requests, closing=closing,
                  signoff=_one_line(body["signoff"]), signature=signature, author=phys.name, issued=day)


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
    env = make_environment(jinja2.FileSystemLoader([str(f) for f in folders]))
    env.filters["md"] = md_escape
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
        for block in BODY_BLOCKS:
            out[block] = _check_text("".join(template.blocks[block](template.new_context(context))),
                                     f"{template.filename}: block {block}")
    except (jinja2.TemplateError, ArithmeticError, TypeError, ValueError, AttributeError, KeyError) as exc:
        raise _jinja_error(exc, template.filename or filename) from None
    return out


def _override(env: jinja2.Environment, text: str | None, where: str, context: dict[str, Any]) -> str | None:
    """The profile's own subject/opening/closing may use the same variables as the body template."""
    if not text:
        return None
    try:
        rendered = env.from_string(text).render(**context)
    except jinja2.TemplateError as exc:
        raise _jinja_error(exc, f"profile {where}") from None
    return _check_text(rendered, f"profile {where}")


def render_markdown(letter: Letter, templates_dir: Path | None = None, name: str = DEFAULT_TEMPLATE) -> str:
    env = _environment(templates_dir, name)
    template = _get_template(env, MARKDOWN_FILE)
    try:
        text = "".join(template.root_render_func(template.new_context({"letter": letter})))
    except (jinja2.TemplateError, ArithmeticError, TypeError, ValueError, AttributeError, KeyError) as exc:
        raise _jinja_error(exc, template.filename or MARKDOWN_FILE) from None
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    return _check_text(text, template.filename or MARKDOWN_FILE)


# --------------------------------------------------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------------------------------------------------
#: Custom paragraph styles: name -> (based on, bold, space before pt, space after pt).
STYLES: dict[str, tuple[str, bool, float, float]] = {
    "Sender Block": ("Normal", False, 0, 0),
    "Letter Date": ("Normal", False, 18, 18),
    "Recipient Block": ("Normal", False, 0, 0),
    "Subject Line": ("Normal", True, 18, 12),
    "Request": ("List Number", False, 0, 8),
    "Signature": ("Normal", False, 36, 0),
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
    for style_name, (base, bold, before, after) in STYLES.items():
        style = styles.add_style(style_name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
        style.quick_style = True
        style.font.bold = bold or None
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)

    def para(text: str, style: str = "Normal"):
        return document.add_paragraph(text, style=style)

    for line in letter.sender:
        para(line, "Sender Block")
    para(letter.date, "Letter Date")
    for line in letter.recipient:
        para(line, "Recipient Block")
    para(f"Subject: {letter.subject}", "Subject Line")
    para(letter.salutation)
    for text in letter.opening:
        para(text)
    for req in letter.requests:
        p = document.add_paragraph(style="Request")
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


__all__ = ["Letter", "Request", "build_letter", "collect_requests", "format_date", "letter_docx_bytes",
           "md_escape", "render_markdown", "template_folder"]
