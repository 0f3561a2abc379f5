"""Conforming notes: where the contract states again a figure an edit changes, the plan asks for the conforming
change in a comment there, and nowhere else."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest

from counterdraft.plan import make_plan
from counterdraft.review import review
from counterdraft.wordml.package import Package
from counterdraft.wordml.read import read_blocks

DUTIES = ("2. Duties. Physician shall provide services at 1.0 FTE, allocated as follows: (a) 0.7 FTE to clinical "
          "services; and (b) 0.3 FTE to clinical informatics.")
TERMINATION = ("5. Termination Without Cause. Employer may terminate this Agreement without cause by giving "
               "Physician sixty (60) days' prior written notice.")


def _plan(profile, library, tmp_path, content: list):
    """The plan for a contract of paragraphs (strings) and tables (lists of rows of cell texts)."""
    d = docx.Document()
    for item in content:
        if isinstance(item, str):
            d.add_paragraph(item)
            continue
        table = d.add_table(rows=len(item), cols=len(item[0]))
        for r, row in enumerate(item):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
    path = tmp_path / "contract.docx"
    d.save(str(path))
    reviewed = review(read_blocks(Package.open(path)), library, profile, "contract", "profile.yaml: ")
    return make_plan(reviewed, library, profile, "contract.docx", "Dana", "2026-01-01T00:00:00Z", "profile.yaml: ")


def _notes(plan, clause_id: str) -> dict[str, str]:
    """quote -> comment of the clause's conforming notes."""
    edit = next(e for e in plan.edits if e.clause_id == clause_id)
    return {n.quote: n.comment for n in edit.conforming}


def test_a_table_cell_stating_the_old_split_gets_a_note_and_an_unrelated_figure_none(profile, library, tmp_path):
    plan = _plan(profile, library, tmp_path, [
        "PHYSICIAN EMPLOYMENT AGREEMENT", "1. Position. Employer employs Physician as Physician Informaticist.",
        DUTIES,
        "3. Compensation. Employer shall pay Physician as set out below.",
        [["Component", "Annual Amount"], ["Clinical base salary (0.7 FTE)", "$224,000"],
         ["Administrative support (0.3 FTE)", "provided by Employer"]],
        "Benefits are as described in Section 0.3 of the Benefits Plan, and 0.7 of any unused allowance carries "
        "over.",
        "Employer shall provide 0.3 FTE of administrative support to Physician's clinic.",
        "4. Productivity. The clinical productivity target is set for 0.5 FTE clinical services."])
    notes = _notes(plan, "fte-split")
    assert list(notes) == ["Clinical base salary (0.7 FTE)"]
    assert notes["Clinical base salary (0.7 FTE)"] == (
        "Conforming change needed: Section 2 as revised changes the clinical FTE from 0.7 to 0.5 and the informatics "
        "FTE from 0.3 to 0.5, and this still states the earlier figure. Any amount stated here stays as drafted "
        "until the compensation for the revised terms is agreed.")
    (warning,) = [m.text for m in plan.messages if "conforming" in m.text]
    assert warning.startswith("fte-split: 'Clinical base salary (0.7 FTE)' in section '3. Compensation' still "
                              "states what the edit of section '2. Duties' changes (the clinical FTE from 0.7 to "
                              "0.5)")


def test_the_sense_may_be_named_in_another_cell_of_the_row(profile, library, tmp_path):
    plan = _plan(profile, library, tmp_path, [
        "PHYSICIAN EMPLOYMENT AGREEMENT", DUTIES,
        "3. Schedule of Effort.",
        [["Activity", "Effort"], ["Informatics", "0.3 FTE"], ["Teaching", "0.7 FTE"]]])
    notes = _notes(plan, "fte-split")
    assert list(notes) == ["0.3 FTE"]
    assert "Any amount" not in notes["0.3 FTE"]  # the row states no money
    edit = next(e for e in plan.edits if e.clause_id == "fte-split")
    assert edit.conforming[0].text == "0.3 FTE" and edit.conforming[0].ref.index not in \
        [c.ref.index for c in edit.changes]


def test_a_notice_period_stated_again_gets_a_note_and_other_periods_of_days_none(profile, library, tmp_path):
    """The notice sentence of another paragraph is the same figure in the same sense; records due in sixty days,
    and the notice for disability (which the clause's own reading excludes), are not."""
    plan = _plan(profile, library, tmp_path, [
        "PHYSICIAN EMPLOYMENT AGREEMENT", "1. Position. Employer employs Physician as a hospitalist.",
        TERMINATION,
        "During the sixty (60) day notice period Employer may relieve Physician of clinical duties.",
        "6. Records. Physician shall complete all medical records within sixty (60) days after each encounter.",
        "7. Disability. Employer may terminate this Agreement upon sixty (60) days' notice if Physician becomes "
        "disabled."])
    notes = _notes(plan, "termination-without-cause")
    assert list(notes) == ["During the sixty (60) day notice period Employer may relieve Physician of clinical "
                           "duties."]
    assert next(iter(notes.values())).startswith(
        "Conforming change needed: Section 5 as revised changes the notice from 60 days to 90 days, and this "
        "still states the earlier figure.")


def test_no_note_where_nothing_else_states_the_figure(profile, library, tmp_path):
    plan = _plan(profile, library, tmp_path, [
        "PHYSICIAN EMPLOYMENT AGREEMENT", DUTIES, TERMINATION,
        "6. Compensation. Employer shall pay Physician a base salary of $250,000 a year for 1.0 FTE."])
    assert all(not e.conforming for e in plan.edits)
    assert not [m for m in plan.messages if "conforming" in m.text]


def test_comments_anchored_on_unchanged_text_of_real_documents_change_no_text(corpus_docx, pandoc, tmp_path):
    """A conforming comment on a sentence of up to 20 paragraphs (table cells, fields, hyperlinks, others' tracked
    changes) of every corpus document: pandoc reads the same accepted and rejected text as the document's own, and
    the schemas and the revision lint find nothing the document did not already have."""
    import collections
    from concurrent.futures import ThreadPoolExecutor

    import oracles
    from counterdraft.errors import DocumentError
    from counterdraft.extract import sentences
    from counterdraft.wordml.editor import Editor

    pairs, anchored = [], 0
    for n, src in enumerate(corpus_docx):
        try:
            pkg = Package.open(src)
        except DocumentError:
            continue
        blocks = [b for b in read_blocks(pkg) if b.text.strip()]
        editor = Editor(pkg, "Dana", "2026-01-01T00:00:00Z")
        for block in blocks[::max(1, len(blocks) // 20)]:
            spans = [(a, b) for a, b in sentences(block.text) if block.text[a:b].strip()]
            a, b = spans[len(spans) // 2]
            editor.comment_on(block.ref, block.text, block.text[a:b].strip(), "Conforming change needed: test.")
            anchored += 1
        out = tmp_path / f"{n:03d}{pkg.extension}"
        pkg.save(out)
        pairs.append((src, out))
    assert anchored > 500

    def texts_differ(pair) -> list[str]:
        src, out = pair
        return [f"{src.name} {mode}" for mode in ("accept", "reject")
                if oracles.pandoc_text(out, mode) != oracles.pandoc_text(src, mode)]

    with ThreadPoolExecutor(max_workers=4) as pool:  # pandoc only: the schema validator is not thread-safe
        bad = [f for found in pool.map(texts_differ, pairs) for f in found]
    for src, out in pairs:
        new = collections.Counter(oracles.validate_docx(out)) - collections.Counter(oracles.validate_docx(src))
        if new:
            bad.append(f"{src.name} schema: {sorted(new)[:2]}")
        if set(oracles.lint_revisions(out)) - set(oracles.lint_revisions(src)):
            bad.append(f"{src.name} lint: {sorted(set(oracles.lint_revisions(out)))[:2]}")
    assert not bad, oracles.report(bad)


def test_a_target_added_beside_a_ceiling_changes_no_figure_stated_elsewhere(profile, library, tmp_path):
    """The target added beside a bonus 'of up to 40%' (fourth audit) changes no 40% target: the ceiling stays, so a
    restatement of it elsewhere needs no conforming change; a ceiling raised to the target does."""
    profile.asks["bonus-incentive"] = {"target_percent": 20}
    for cap, change in [("forty percent (40%)", None), ("ten percent (10%)", "the maximum from 10% to 20%")]:
        plan = _plan(profile, library, tmp_path, [
            "EMPLOYMENT AGREEMENT", "1. Duties. Executive shall serve as Medical Director.",
            f"2. Annual Bonus. Executive will be eligible for an annual bonus of up to {cap} of Base Salary, at the "
            f"sole discretion of the Board.",
            f"3. Termination. On a termination without Cause, Executive shall receive a prorated annual bonus of up "
            f"to {cap} of Base Salary."])
        notes = _notes(plan, "bonus-incentive")
        assert list(notes.values()) == ([] if change is None else [
            f"Conforming change needed: Section 2 as revised changes {change}, and this still states the earlier "
            f"figure."])


COVENANT = [
    "EMPLOYMENT AGREEMENT", "1. Position. Employer employs Physician as Physician Informaticist.",
    "5. Termination. Employer may terminate this Agreement without cause. Further, any such termination shall operate "
    "to shorten the period set forth in Section 7(b) to eighteen (18) months from the date of termination of "
    "employment. Pending a determination whether Physician has violated Section 7, Employer may hold in escrow any "
    "payment for a period which is the greater of (A) sixty (60) days from the date of such termination, or (B) the "
    "lesser of three years or the remaining term.",
    "6. Change in Control. After a Change in Control, the non-competition provisions of Section 7 shall apply for a "
    "period of eighteen (18) months from the date of termination.",
    "7. Covenant Not to Compete.",
    "(a) During the Restricted Period, Physician shall not compete with Employer within fifty (50) miles of any "
    "Employer facility, nor treat any patient Physician treated during the eighteen (18) months immediately "
    "preceding termination. Nothing herein prohibits Physician from consulting for companies that have not been "
    "customers of Employer for a period of two (2) years.",
    "(b) The \"Restricted Period\" means the period ending twenty-four (24) months after the date Physician ceases "
    "to be employed by Employer; provided, however, that the Restricted Period shall end eighteen (18) months from "
    "the date of a termination by Employer without cause.",
    "8. Non-Solicitation. For two (2) years after termination, Physician shall not solicit any employee of Employer.",
]


def test_a_longer_period_of_the_shortened_covenant_is_edited_beside_it_and_conformed_elsewhere(profile, library,
                                                                                            tmp_path):
    """Shortening the covenant to the twelve months asked leaves no longer period of it standing: the proviso of the
    same paragraph ("shall end eighteen (18) months from ... a termination without cause"), which capped the 24
    months, is brought to twelve too, and a sentence elsewhere setting a longer period of the same covenant (one
    citing Section 7 beside its figure, or naming the non-competition provisions) is brought to twelve by a
    conforming change with a comment saying why. A look-back, a carve-out's period, an escrow citing Section 7 far
    from its figure and the non-solicitation's two years are left alone."""
    plan = _plan(profile, library, tmp_path, COVENANT)
    edit = next(e for e in plan.edits if e.clause_id == "non-compete")
    after = "\n".join(c.after for c in edit.changes)
    assert "ending twelve (12) months after the date" in after
    assert "shall end twelve (12) months from the date of a termination by Employer without cause" in after
    assert "during the eighteen (18) months immediately preceding termination" in after
    assert "for a period of two (2) years." in after
    assert "eighteen" not in after.replace("the eighteen (18) months immediately preceding", "")
    notes = _notes(plan, "non-compete")
    assert sorted(notes) == [
        "After a Change in Control, the non-competition provisions of Section 7 shall apply for a period of eighteen "
        "(18) months from the date of termination.",
        "Further, any such termination shall operate to shorten the period set forth in Section 7(b) to eighteen (18) "
        "months from the date of termination of employment."]
    assert set(notes.values()) == {
        "Conforming change: Section 7 as revised changes the duration from 24 months to 12 months and the radius "
        "from 50 miles to 10 miles; this stated 18 months, and is brought to the revised figure so that it does not "
        "override the revision."}
    conformed = {n.quote: n.after for n in edit.conforming}
    assert all(a is not None and "eighteen" not in a for a in conformed.values())
    assert "shall apply for a period of twelve (12) months from the date of termination." in "".join(
        conformed.values())
    assert "to shorten the period set forth in Section 7(b) to twelve (12) months from the date of termination of " \
           "employment. Pending a determination whether Physician has violated Section 7, Employer may hold in " \
           "escrow any payment for a period which is the greater of (A) sixty (60) days from the date of such " \
           "termination, or (B) the lesser of three years" in "".join(conformed.values())
    assert not [m for m in plan.messages if "conforming" in m.text]  # nothing is left for a warning
    made = [m.text for m in plan.messages if "brought to the revised figure as a tracked change" in m.text]
    assert len(made) == 2 and all("states 18 months, beyond what the edit of" in m for m in made)
    assert edit.comment.startswith("Restriction limited to 12 months and 10 miles.")  # true everywhere now


def test_no_note_asks_to_conform_the_physicians_own_notice(profile, library, tmp_path):
    """Emerald (audit 5): the contractor's own paragraph ("The Contractor may terminate ... upon providing 30 days
    advance notice ... no later than the date which is 30 days following" the date "such notice is received") got a
    note asking to conform it to the employer's 90 days, which would lengthen the physician's own notice."""
    plan = _plan(profile, library, tmp_path, [
        "CONSULTING AGREEMENT", "1. Services. Contractor shall provide clinical informatics services.",
        "5. Company's Right to Terminate without Cause. The Company may terminate this Agreement without Cause at any "
        "time on 30 days prior written notice.",
        "6. Contractor's Right to Terminate Agreement for any Reason. The Contractor may terminate this Agreement for any reason at any time "
        "upon providing 30 days advance notice in writing to the Company. Termination will be effective, at the "
        "Company's election, on a date which is no earlier than the date such notice is received and no later than "
        "the date which is 30 days following that date."])
    edit = next(e for e in plan.edits if e.clause_id == "termination-without-cause")
    assert edit.changes and not edit.conforming


ROOT = Path(__file__).resolve().parents[1]
CLANCEY = ROOT / "eval" / "contracts" / "heldout4" / "1017968_2001-07-27_EDGEWATER_CLANCEY_EMPLOYMENT_AGREEMENT.txt"


def _planned(profile, library, contract: Path):
    reviewed = review(read_blocks(Package.open(contract)), library, profile, "contract", "profile.yaml: ")
    plan = make_plan(reviewed, library, profile, contract.name, "Dana", "2026-01-01T00:00:00Z", "profile.yaml: ")
    return plan, next(e for e in plan.edits if e.clause_id == "non-compete")


def _accepted(contract: Path, plan) -> list[str]:
    """The contract's paragraphs once the plan's edits are made and accepted (the clean copy's text)."""
    from counterdraft.redline import apply_plan
    from counterdraft.wordml.resolve import accept_package

    pkg = Package.open(contract)
    apply_plan(pkg, plan, comments=False)
    accept_package(pkg)
    return [b.text for b in read_blocks(pkg)]


def test_clanceys_twelve_months_after_a_termination_or_a_change_of_control_are_brought_to_the_six_asked(
        profile, library, txt2docx, tmp_path):
    """Clancey (audit 9, profile E): 7(b) went to six months while 5(b)(ii)(a) still made "any such termination ...
    shorten the period set forth in Section 7(b) and during which the terms of Section 7 apply to twelve (12)
    months" and 6(a)(iii) still had "the non-competition provisions of paragraph 7 ... apply for a period of one (1)
    year": the usual exits carried twelve months while the memo said "Restriction limited to 6 months". Both are
    now tracked changes to six months, each with a comment; the escrow's "lesser of two years" beside Section 7
    stays."""
    profile.asks["non-compete"] = {"duration_months": 6, "radius_miles": 20}
    contract = txt2docx.convert(CLANCEY, tmp_path / "clancey.docx")
    plan, edit = _planned(profile, library, contract)
    assert len(edit.conforming) == 2 and all(n.after is not None for n in edit.conforming)
    assert all(n.comment.startswith("Conforming change: Section 7 as revised changes the duration from 24 months "
                                    "to 6 months") and "this stated 12 months" in n.comment for n in edit.conforming)
    text = "\n".join(_accepted(contract, plan))
    assert "the terms of Section 7 apply to six (6) months from the date of termination of employment." in text
    assert "the non-competition provisions of paragraph 7 shall apply for a period of six (6) months from the " \
           "effective Date of termination." in text
    assert "(B) the lesser of two years or the remaining term of this Agreement" in text
    assert "twelve (12) months" not in text and "one (1) year from the effective" not in text
    assert not [m for m in plan.messages if "non-compete" in m.text and "conforming" in m.text]
    assert edit.comment.startswith("Restriction limited to 6 months, and its radius to 20 miles;")
    assert "left as drafted" not in edit.comment


def test_the_massachusetts_forms_cover_terms_duration_is_conformed_and_the_investment_cap_noted(
        shared_dir, profile, library):
    """The Massachusetts form (audit 9): only the cap sentence ("which must not exceed six (6) months") changed,
    while the Restricted Period is "the duration specified in Cover Terms", whose "Duration | 12 months" under the
    "Non-Competition" caption row still governed, and the Non-Investment covenant's "12-month duration cap" still
    stood, with the memo saying "Restriction limited to 6 months". The cover terms' duration is now six months as
    a tracked change; the cap, in words the edit does not write, gets a margin comment and a warning, and the
    comment's first sentence, which the memo shows, says it is left. The other covenants' durations stay; the
    Non-Investment covenant's own "Duration | 12 months", which had been neither edited nor commented (audit 10),
    is that covenant's, not the non-compete's, and its comment says it is left as drafted and why. The customer
    non-solicitation's 12 months, a covenant the form does not tie to the non-compete's cap, has none."""
    contract = shared_dir / "corpus" / "contracts" / "docx_forms" / \
        "openagreements-restrictive-covenant-massachusetts.docx"
    if not contract.exists():
        pytest.skip(f"{contract} not found")
    profile.asks["non-compete"] = {"duration_months": 6, "radius_miles": 20}
    plan, edit = _planned(profile, library, contract)
    cap = ("The garden leave or other agreed consideration, 12-month duration cap, and worker exclusions stated above "
           "apply to this covenant.")
    rows = _cover_rows(contract)
    notes = [(rows.get(n.ref.index, "Standard Terms"), n.quote, n.after) for n in edit.conforming]
    assert notes == [("Non-Competition", "12 months", "6 months"), ("Standard Terms", cap, None),
                     ("Non-Investment", "12 months", None)]
    investment = edit.conforming[2].comment
    assert investment.startswith("Left as drafted: this is the duration of the “Non-Investment” covenant, not of the "
                                 "non-compete; the section “Non-Competition” as revised changes the duration from "
                                 "12 months to 6 months.")
    assert any(m.text == "non-compete: '12 months' under 'Non-Investment' is that covenant's own duration, not what "
                         "the edit of section 'Non-Competition' changes; it is left as drafted, with a margin comment "
                         "saying so" for m in plan.messages)
    paragraphs = _accepted(contract, plan)
    durations = [paragraphs[i + 1] for i, t in enumerate(paragraphs) if t == "Duration"]
    assert durations == ["24 months", "12 months", "6 months", "12 months", "12 months", "24 months"]
    (warning,) = [m.text for m in plan.messages if "conforming" in m.text]
    assert warning.startswith(f"non-compete: {cap!r} in section 'Standard Terms' still states what the edit")
    assert edit.comment.split(". ")[0].endswith(
        "but the earlier figure still stated in section 'Non-Investment' is left as drafted, with a margin comment "
        "asking for the conforming change")


def _cover_rows(contract: Path) -> dict[int, str]:
    """Each paragraph of the cover terms' table with the caption row over it ("Non-Investment")."""
    from counterdraft.conforming import captions

    blocks = read_blocks(Package.open(contract))
    heads = captions(blocks)
    return {b.ref.index: heads[b.cell[:2]] for b in blocks if b.cell is not None and b.cell[:2] in heads}


def test_a_non_solicitation_during_the_non_compete_period_states_no_period_of_the_covenant(profile, library,
                                                                                            tmp_path):
    """Brown: once the covenant's "one year following termination" went to six months, 9(b), which bars soliciting
    or hiring employees "During the Non-Compete Period" and hiring one who left "within one year of the
    termination of such Employee's employment", got a comment asking to conform it, and the memo would say the
    earlier figure is left there. The defined term's name is no sentence about competing: 9(b) is the
    non-solicitation's, and states no period of the covenant."""
    profile.asks["non-compete"] = {"duration_months": 6, "radius_miles": 20}
    plan = _plan(profile, library, tmp_path, [
        "EMPLOYMENT AGREEMENT", "1. Duties. Employee shall serve as Chief Medical Information Officer.",
        "9. Covenant Against Competition.", "Employee covenants and agrees that:",
        "(a) During the Non-Compete Period (as hereinafter defined), Employee shall not, in any Geographic Area (as "
        "hereinafter defined): (i) engage in any business competitive with the Company Business (as hereinafter "
        "defined); (ii) render any services in any capacity to any person or entity engaged in any business "
        "competitive with the Company Business.",
        "(b) During the Non-Compete Period, Employee shall not, without the prior written consent of the Company, "
        "directly or indirectly, on behalf of himself or any other person or entity, solicit or encourage any "
        "Employee of the Company or any of its Affiliates to leave the employment of the Company or any of its "
        "Affiliates, or hire any Employee who has left the employment of the Company or any of its Affiliates "
        "within one year of the termination of such Employee’s employment with the Company or any of its "
        "Affiliates.",
        "(iv) “Non-Compete Period” shall mean the period during which Employee is employed by the Company and an "
        "additional period that is the longer of: (a) one month following the termination of Employee’s employment "
        "with the Company for each one month that Employee has been employed by the Company, to a maximum period of "
        "one year following termination of Employee’s employment or (b) the number of months base compensation, "
        "rounded up to the nearest month, provided as severance payment under this Agreement, to a maximum period "
        "of one year following termination."])
    edit = next(e for e in plan.edits if e.clause_id == "non-compete")
    assert "to a maximum period of six (6) months following termination of" in edit.changes[0].after
    assert not edit.conforming and "left as drafted" not in edit.comment
