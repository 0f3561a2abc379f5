"""The pipeline: read -> segment -> match -> review -> plan -> write the redline, the clean copy and the letter."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from . import letter as letters
from .compensation import LetterFigures, decide, judge_stipend, read_shares
from .dates import revision_date, run_datetime
from .errors import UsageError
from .files import check_outputs, write_all_atomic
from .library import Library, load_library
from .loading import dump_yaml, load_model, load_profile
from .models import Message, Plan, Profile
from .plan import make_plan
from .review import Reviewed, review
from .wordml.editor import Editor, Skipped
from .wordml.package import Package
from .wordml.read import read_blocks
from .wordml.resolve import accept_package

OUTPUTS = {"redline": ".redline.docx", "clean": ".clean.docx", "plan": ".plan.yaml", "letter_docx": ".letter.docx",
           "letter_md": ".letter.md", "email": ".email.txt", "memo": ".memo.md"}
#: Written only when asked for: the HTML report (--html) and the letter as PDF (--pdf).
OPTIONAL_OUTPUTS = {"report": ".report.html", "letter_pdf": ".letter.pdf"}


@dataclass
class RedlineResult:
    plan: Plan
    reviewed: Reviewed
    outputs: dict[str, Path]
    messages: list[Message] = field(default_factory=list)
    applied: list[str] = field(default_factory=list)  # clause ids whose edits were made


def apply_plan(pkg: Package, plan: Plan, comments: bool = True) -> tuple[list[str], list[Message]]:
    """Make the plan's edits as tracked changes; an edit that cannot be made whole is skipped with a warning."""
    editor = Editor(pkg, plan.author, plan.date)
    applied, messages = [], []
    for edit in plan.edits:
        try:
            for ch in edit.changes:
                editor.check(ch.ref, ch.before, ch.after)
            made = []
            for ch in edit.changes:
                made += (editor.delete(ch.ref) if ch.after is None else editor.change(ch.ref, ch.before, ch.after)
                         ).elements
            if edit.new_paragraphs:
                anchor = edit.anchor or edit.changes[-1].ref
                new = [(n.caption, n.text, n.like, n.typed_number, n.caption_bold) for n in edit.new_paragraphs]
                made += editor.insert_after(anchor, new).elements
        except Skipped as exc:
            messages.append(Message(text=f"{edit.clause_id}: edit skipped: {exc}"))
            continue
        if not made and edit.kind != "letter":
            continue
        if made:
            applied.append(edit.clause_id)
        if made and comments and edit.comment.strip() and not editor.comment(made, edit.comment):
            messages.append(Message(text=f"{edit.clause_id}: no place to anchor its comment"))
        # a letter-only edit's conforming notes too: the part-time split asked for in the letter (plan.part_time)
        for note in edit.conforming:
            try:
                if note.after is not None:  # a conforming change, explained in its comment
                    editor.check(note.ref, note.text, note.after)
                    conformed = editor.change(note.ref, note.text, note.after).elements
                    if comments and not editor.comment(conformed, note.comment):
                        messages.append(Message(text=f"{edit.clause_id}: no place to anchor a conforming comment"))
                elif comments:
                    editor.comment_on(note.ref, note.text, note.quote, note.comment)
            except Skipped as exc:
                what = "change" if note.after is not None else "comment"
                messages.append(Message(text=f"{edit.clause_id}: conforming {what} not made: {exc}"))
    return applied, messages


def _redline_and_clean(pkg: Package, plan: Plan, clean: bool = True
                       ) -> tuple[bytes, bytes | None, list[str], list[Message]]:
    """The redline's bytes and, when asked for, the clean copy's: the same edits made afresh on the document as it
    was read, then every change accepted, with no comments."""
    applied, messages = apply_plan(pkg, plan)
    redline_bytes = pkg.to_bytes()
    if not clean:
        return redline_bytes, None, applied, messages
    copy = pkg.reopen()
    apply_plan(copy, plan, comments=False)
    accept_package(copy)
    return redline_bytes, copy.to_bytes(), applied, messages


@dataclass
class ApplyResult:
    plan: Plan
    outputs: dict[str, Path]
    messages: list[Message]
    applied: list[str]


def apply(contract: Path, plan_path: Path, output: Path, clean: Path | None = None,
          force: bool = False) -> ApplyResult:
    """Make a reviewed plan's edits in the contract: plan.yaml as `redline` wrote it, then edited by hand, so an
    attorney can reword a change or its comment, or drop an edit, before the redline goes out. An edit whose
    original text is no longer what the contract says is skipped with a warning, never forced."""
    contract, plan_path, output = Path(contract), Path(plan_path), Path(output)
    plan = load_model(plan_path, Plan)
    pkg = Package.open(contract)
    outputs = {"redline": output, **({"clean": Path(clean)} if clean else {})}
    if clean and Path(clean).resolve() == output.resolve():
        raise UsageError(f"{output}: given both as the redline and as the clean copy; name them apart")
    for path in outputs.values():
        pkg.check_output_name(path)
    check_outputs([contract, plan_path], list(outputs.values()), force)
    messages = [Message(text=text) for text in pkg.notes]
    if plan.contract != contract.name:
        messages.append(Message(text=f"{plan_path}: the plan was made for {plan.contract}, not {contract.name}; "
                                     f"edits whose text the contract does not hold are skipped"))
    redline_bytes, clean_bytes, applied, made = _redline_and_clean(pkg, plan, clean is not None)
    blobs = {"redline": redline_bytes, "clean": clean_bytes}
    write_all_atomic({path: blobs[key] for key, path in outputs.items()})
    return ApplyResult(plan, outputs, messages + made, applied)


class Proposal(NamedTuple):
    reviewed: Reviewed
    pay: LetterFigures
    plan: Plan


def propose(pkg: Package, library: Library, profile: Profile, contract: Path, author: str, date: str,
            where: str = "") -> Proposal:
    """The review as every output reads it, and the plan made from it: what `redline` acts on, and what `review
    --profile` reports, so the review's advice is what the redline does."""
    reviewed = review(read_blocks(pkg), library, profile, str(contract), where)
    read_shares(reviewed, library, profile, where)  # a bonus "of up to $2,000,000" as a share of the salary
    pay = decide(profile, library, reviewed.review, where,  # once, for the plan and the letter alike
                 reviewed.full_time, reviewed.position_fte)
    judge_stipend(reviewed, library, profile, pay, where)  # and the review's stipend measured against it
    return Proposal(reviewed, pay, make_plan(reviewed, library, profile, Path(contract).name, author, date, where, pay))


def output_paths(contract: Path, out_dir: Path, extension: str = ".docx") -> dict[str, Path]:
    """`extension` is what Word needs for the contract's package (.docm for one with macros)."""
    stem = contract.name[:-len(contract.suffix)] if contract.suffix else contract.name
    suffixes = {**OUTPUTS, "redline": f".redline{extension}", "clean": f".clean{extension}"}
    return {key: out_dir / (stem + suffix) for key, suffix in suffixes.items()}


def optional_paths(contract: Path, out_dir: Path, html: bool = False, pdf: bool = False) -> dict[str, Path]:
    stem = contract.name[:-len(contract.suffix)] if contract.suffix else contract.name
    keys = [k for k, on in (("report", html), ("letter_pdf", pdf)) if on]
    return {key: out_dir / (stem + OPTIONAL_OUTPUTS[key]) for key in keys}


def _letter_extras(letter, plan: Plan, reviewed: Reviewed, applied: list[str], notes: list[Message],
                   contract: Path, blobs: dict[str, bytes], templates_dir: Path | None, template: str, html: bool,
                   pdf: bool, messages: list[Message]) -> dict[str, bytes]:
    """The email, the memo and, when asked for, the report and the PDF; a PDF that cannot be made is a warning."""
    memo = letters.build_memo(letter, reviewed.review, applied, notes, contract.name)
    out = {"email": letters.render_email(letter, templates_dir, template).encode("utf-8"),
           "memo": letters.render_memo(memo, letter, templates_dir, template).encode("utf-8")}
    if html:
        from .report import report_html  # imported only when asked for: its import is not free

        out["report"] = report_html(blobs["redline"], title=contract.name, review=reviewed.review, plan=plan,
                                    applied=applied, proposed=letter.comp, offered=letter.offered).encode("utf-8")
    if pdf:
        try:
            out["letter_pdf"] = letters.docx_to_pdf(blobs["letter_docx"])
        except letters.PdfUnavailable as exc:
            messages.append(Message(text=f"--pdf: no PDF written: {exc}"))
    return out


def redline(contract: Path, profile_path: Path, out_dir: Path, library_dirs: list[Path] = (),
            author: str | None = None, date: str | None = None, force: bool = False,
            library: Library | None = None, *, template: str = letters.DEFAULT_TEMPLATE,
            templates_dir: Path | None = None, html: bool = False, pdf: bool = False) -> RedlineResult:
    """`template` names a letter template folder (in `templates_dir`, else the bundled ones); `html` adds the
    report page, `pdf` the letter as PDF (a warning instead when LibreOffice cannot make it)."""
    contract, profile_path, out_dir = Path(contract), Path(profile_path), Path(out_dir)
    profile = load_profile(profile_path)
    library = library or load_library(library_dirs)
    when = run_datetime(date)
    author = author or profile.physician.name
    pkg = Package.open(contract)
    outputs = output_paths(contract, out_dir, pkg.extension)
    outputs.update(optional_paths(contract, out_dir, html=html, pdf=pdf))
    check_outputs([contract, profile_path], list(outputs.values()), force)

    where = f"{profile_path}: "
    reviewed, pay, plan = propose(pkg, library, profile, contract, author, revision_date(when), where)
    redline_bytes, clean_bytes, applied, messages = _redline_and_clean(pkg, plan)

    letter = letters.build_letter(profile, plan, library, when.date(), templates_dir=templates_dir, name=template,
                                  review=reviewed.review, where=where, pay=pay,
                                  engaged=not reviewed.terms.employment)
    worded = {r.clause_id: r.text for r in letter.requests}  # the plan's requests as the letter words them: the
    for edit in plan.edits:                                   # base salary's as the pay the letter decides
        edit.request = worded.get(edit.clause_id, edit.request)
    messages += letter.messages
    blobs = {
        "redline": redline_bytes,
        "clean": clean_bytes,
        "plan": dump_yaml(plan.model_dump(mode="json")).encode("utf-8"),
        "letter_docx": letters.letter_docx_bytes(letter),
        "letter_md": letters.render_markdown(letter, templates_dir, template).encode("utf-8"),
    }
    blobs.update(_letter_extras(letter, plan, reviewed, applied, plan.messages + messages, contract, blobs,
                                templates_dir, template, html, pdf, messages))
    outputs = {key: path for key, path in outputs.items() if key in blobs}  # a PDF that could not be made
    write_all_atomic({outputs[key]: data for key, data in blobs.items()})  # all of them, or none
    notes = [Message(text=text) for text in pkg.notes]
    return RedlineResult(plan, reviewed, outputs, notes + plan.messages + messages, applied)
