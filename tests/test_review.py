"""The review: one finding per topic, in the JSON shape the issue fixes, with parameters and advice."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from counterdraft.cli import main
from counterdraft.library import load_library
from counterdraft.loading import load_profile
from counterdraft.models import TOPICS, Check, Finding
from counterdraft.review import no_step_back, rejudge, review, suggested_action
from counterdraft.wordml.package import Package
from counterdraft.wordml.read import read_blocks

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "hybrid-offer.docx"
LIBRARY = load_library([])


@pytest.fixture(scope="module")
def reviewed():
    return review(read_blocks(Package.open(SAMPLE)), LIBRARY, None, str(SAMPLE))


def test_one_finding_per_topic_in_the_fixed_shape(reviewed):
    data = reviewed.review.model_dump(mode="json")
    assert set(data) == {"contract", "findings"} and data["contract"] == str(SAMPLE)
    assert [f["topic"] for f in data["findings"]] == list(TOPICS)
    keys = {"topic", "status", "heading", "text", "parameters", "assessment", "message", "confidence"}
    for f in data["findings"]:
        assert set(f) == keys  # the paragraphs a finding covers stay out of the JSON
        assert f["status"] in ("found", "missing")
        assert f["assessment"] in ("ok", "weak", "missing", "unknown")
        assert isinstance(f["confidence"], float) and 0 <= f["confidence"] <= 1
        assert (f["heading"] is None) or isinstance(f["heading"], str)
        if f["status"] == "missing":
            assert f["text"] == "" and f["assessment"] == "missing"


def test_found_text_is_the_whole_clause_and_parameters_are_read(reviewed):
    f = reviewed.finding("termination-without-cause")
    assert f.heading == "7. Termination Without Cause"
    assert f.text.startswith("7. Termination Without Cause.") and f.parameters == {"notice_days": 60}
    assert reviewed.finding("non-compete").parameters == {"duration_months": 24, "radius_miles": 25}
    assert reviewed.finding("base-salary").parameters["amount_usd"] == 224000
    assert reviewed.finding("fte-split").parameters == {"clinical_fte": 0.7, "informatics_fte": 0.3}
    assert reviewed.finding("term").parameters["initial_term_months"] == 36
    assert reviewed.finding("leadership-stipend").parameters == {"amount_usd": 36000}
    assert "60 days" in f.message


def test_missing_and_detection_only_topics_say_what_to_do(reviewed):
    cme = reviewed.finding("cme-allowance")
    assert cme.status == "missing" and "insert" in cme.message
    assert suggested_action(cme, LIBRARY).startswith("insert our")
    law = reviewed.finding("governing-law")
    assert law.status == "found" and law.assessment == "unknown"
    assert suggested_action(law, LIBRARY).startswith("read it")
    nc = Finding(topic="non-compete", status="missing", assessment="missing")
    assert suggested_action(nc, LIBRARY).startswith("none")


@pytest.mark.parametrize("status, assessment", [("found", "weak"), ("missing", "missing")])
def test_every_way_a_clause_can_act_has_a_suggested_action(status, assessment):
    """The review crashed ("KeyError: 'add'") on five contracts once a clause was given `on_found: add`: every
    value the clause model allows must have its words."""
    from typing import get_args

    from counterdraft.library import Library
    from counterdraft.models import Clause

    cme = LIBRARY.by_topic("cme-allowance")
    field = "on_found" if status == "found" else "on_missing"
    for value in get_args(Clause.model_fields[field].annotation):
        library = Library(clauses={"cme-allowance": cme.model_copy(update={field: value})})
        action = suggested_action(Finding(topic="cme-allowance", status=status, assessment=assessment), library)
        assert action and action[0].islower(), value


def test_findings_place_the_redline_edits(reviewed):
    m = reviewed.matches["termination-without-cause"]
    f = reviewed.finding("termination-without-cause")
    assert [b.ref for b in m.section.blocks] == f.paragraphs


def test_cli_review_prints_a_table_with_the_suggested_action():
    result = CliRunner().invoke(main, ["review", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    header = result.output.splitlines()[0]
    for column in ("TOPIC", "WHERE", "WHAT IT SAYS", "ASSESSMENT", "SUGGESTED ACTION"):
        assert column in header
    line = next(l for l in result.output.splitlines() if l.startswith("termination-without-cause"))
    assert "7. Termination Without Cause" in line and "edit the weak wording" in line


def test_cli_review_json_has_the_findings():
    result = CliRunner().invoke(main, ["review", str(SAMPLE), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"contract", "findings"}, "the JSON shape is fixed; extras go behind their own flag"
    assert data["contract"] == str(SAMPLE) and len(data["findings"]) == len(TOPICS)
    with_profile = json.loads(CliRunner().invoke(main, ["review", str(SAMPLE), "--json", "--profile",
                                                        str(SAMPLE.parent / "profile.yaml")]).output)
    assert set(with_profile) == {"contract", "findings"}


def test_a_typed_caption_that_is_not_bold_survives_a_replacement(tmp_path):
    import docx

    from counterdraft.plan import make_plan

    d = docx.Document()
    for text in ["This Physician Employment Agreement is made between Employer and Physician as follows.",
                 "1. Remote Work. Physician shall work on-site; remote work is at Employer's sole discretion.",
                 "2. Governing Law. Ohio law governs this Agreement."]:
        d.add_paragraph(text)
    path = tmp_path / "typed.docx"
    d.save(str(path))
    profile = load_profile(ROOT / "samples" / "profile.yaml")
    reviewed_doc = review(read_blocks(Package.open(path)), LIBRARY, profile, str(path))
    plan = make_plan(reviewed_doc, LIBRARY, profile, "typed.docx", "me", "2026-01-01T00:00:00Z")
    edit = next(e for e in plan.edits if e.clause_id == "remote-work")
    assert edit.kind == "modify" and edit.changes[0].after.startswith("1. Remote Work. ")


@pytest.mark.parametrize("clause_id, asked, found, kept", [
    # more is better: the contract's larger allowance and longer severance stay
    ("cme-allowance", {"amount_usd": 4000, "conference_days": 5}, {"amount_usd": 6000, "conference_days": 3},
     {"amount_usd": 6000, "conference_days": 5}),
    ("severance", {"months": 6}, {"months": 9}, {"months": 9}),
    # less is better: a shorter non-compete stays, a wider radius does not
    ("non-compete", {"duration_months": 12, "radius_miles": 10}, {"duration_months": 6, "radius_miles": 25},
     {"duration_months": 6, "radius_miles": 10}),
    # worse than the ask, or not stated: the ask
    ("termination-without-cause", {"notice_days": 90}, {"notice_days": 60}, {"notice_days": 90}),
    ("cme-allowance", {"amount_usd": 4000, "conference_days": 5}, {}, {"amount_usd": 4000, "conference_days": 5}),
    # beyond the parameter's bounds ($25,000 for CME) more likely misread than generous
    ("cme-allowance", {"amount_usd": 4000, "conference_days": 5}, {"amount_usd": 40000},
     {"amount_usd": 4000, "conference_days": 5}),
    # a whole number of days: 7.5 days read from "one and a half weeks" keeps 7
    ("cme-allowance", {"amount_usd": 4000, "conference_days": 5}, {"conference_days": 7.5},
     {"amount_usd": 4000, "conference_days": 7}),
])
def test_the_asks_never_give_back_what_the_contract_gives(clause_id, asked, found, kept):
    clause = load_library().get(clause_id)
    values, notes = no_step_back(clause, asked, found)
    assert values == kept
    changed = [name for name in kept if kept[name] != asked[name]]
    assert len(notes) == len(changed)
    if clause_id == "cme-allowance" and changed == ["amount_usd"]:
        assert notes == ["the contract's CME allowance ($6,000) is better than the $4,000 asked for, and is kept"]


def _reviewed(tmp_path, paragraphs: list[str], profile=None):
    import docx

    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    d.save(str(tmp_path / "typed.docx"))
    return review(read_blocks(Package.open(tmp_path / "typed.docx")), LIBRARY, profile, "typed.docx")


def _plan_of(tmp_path, paragraphs: list[str], asks: dict | None = None):
    """({clause id: planned edit}, messages) for a contract of these paragraphs, with the sample profile."""
    from counterdraft.plan import make_plan

    profile = load_profile(ROOT / "samples" / "profile.yaml")
    profile.asks.update(asks or {})
    plan = make_plan(_reviewed(tmp_path, paragraphs, profile), LIBRARY, profile, "typed.docx", "me",
                     "2026-01-01T00:00:00Z")
    return {e.clause_id: e for e in plan.edits}, [m.text for m in plan.messages]


#: Mcgrane's termination article, short: the causes in one sub-paragraph, the days to cure them in the next, and a
#: Good Reason the Board has thirty days to cure further up.
_CURE_BESIDE = [
    "EMPLOYMENT AGREEMENT",
    "1. Duties. The Executive shall serve as Chief Medical Information Officer of the Company.",
    "2. Compensation. The Company shall pay the Executive a base salary of $300,000 per year.",
    "3. Benefits. The Executive may take part in the Company's benefit plans.",
    "4. Termination.",
    "(a) Good Reason. The Executive may terminate his employment for Good Reason. The Executive must give the Board "
    "written notice of the Good Reason and a reasonable opportunity to cure, which shall be a minimum of thirty (30) "
    "days.",
    "(b) Cause. The Company may terminate the Executive's employment for Cause upon written notice (the \"Cause "
    "Notice\").",
    "(c) As used in this Agreement, the term \"Cause\" shall mean any one or more of the following: (A) the "
    "Executive's commission of a felony; (B) the Executive's material breach of this Agreement or of a material "
    "policy of the Company; or (C) the Executive's gross negligence in the performance of his duties.",
    "(d) With respect to clause (B) above, the Executive shall have ten days after the Cause Notice is given to cure "
    "the particular breach, to the extent a cure is possible.",
    "(e) Without Cause. The Company may terminate the Executive's employment without Cause upon sixty (60) days' "
    "written notice.",
    "5. Confidentiality. The Executive shall keep the Company's confidential information secret.",
    "6. Governing Law. This Agreement is governed by the laws of the State of Ohio.",
    "7. Notices. Notices shall be in writing.",
    "8. Entire Agreement. This Agreement is the entire agreement of the parties."]


def test_the_cure_period_a_sibling_sub_paragraph_gives_is_read_and_compared_with_the_ask(tmp_path):
    """Mcgrane with 45 days' cure asked (sixth audit): "The clause does not state cure (you ask for 45 days)" where
    4(c)(iii), beside the definition of Cause, gives ten days to cure; a Good Reason the Board may cure is no cure
    period of the physician's, however near."""

    profile = load_profile(ROOT / "samples" / "profile.yaml")
    profile.asks["termination-for-cause"] = {"cure_days": 45}
    found = _reviewed(tmp_path, _CURE_BESIDE, profile).finding("termination-for-cause")
    assert found.text.startswith("(c) As used") and found.parameters == {"cure_days": 10}
    assert found.assessment == "weak" and found.message == \
        "The contract states cure 10 days. The cure period is shorter than the 45 days asked for."
    alone = [p for p in _CURE_BESIDE if not p.startswith("(d)")]
    found = _reviewed(tmp_path, alone, profile).finding("termination-for-cause")
    assert found.parameters == {} and found.message == "The clause does not state cure (you ask for 45 days)."


def test_an_at_will_clause_is_not_a_cause_without_cure_nor_a_term_that_guarantees_nothing(tmp_path):
    """The OpenAgreements offer letter (audit): its at-will section ('with or without cause'), the only mention of
    cause, was weak for 'Breach of the Agreement ... is immediate cause with no chance to cure', and 'the stated
    term guarantees nothing' where the letter states no term."""
    reviewed = _reviewed(tmp_path, [
        "OFFER LETTER", "1. Position. You will serve as Medical Director.",
        "2. At-Will Employment. Employment is at-will. This means either you or the Company may end employment at "
        "any time, with or without advance notice, and with or without cause."])
    cause, term = reviewed.finding("termination-for-cause"), reviewed.finding("term")
    assert cause.status == "found" and "no chance to cure" not in cause.message
    assert "it can end at any time, with no term at all" in term.message and "stated term" not in term.message
    reviewed = _reviewed(tmp_path, [
        "EMPLOYMENT AGREEMENT", "1. Term. The initial term of this Agreement is three (3) years. Employment is at will.",
        "2. Termination for Cause. The Company may terminate this Agreement for cause if the Physician breaches this "
        "Agreement or violates a Company policy."])
    assert "no chance to cure" in reviewed.finding("termination-for-cause").message
    assert "the stated term guarantees nothing" in reviewed.finding("term").message


def test_grounds_that_never_say_cause_are_the_cause_clause_and_a_breach_to_correct_has_a_cure(tmp_path):
    """physician3's health center (r3): "may end the Physician's employment immediately by written notice if" was
    not found as the cause clause, and its breach "not corrected within fifteen (15) days after written notice"
    was said to come "with no chance to cure". Its funded role ending was not found as a program discontinuation
    either."""
    reviewed = _reviewed(tmp_path, [
        "PHYSICIAN EMPLOYMENT AGREEMENT",
        "Compensation", "The Center will pay the Physician a base salary of $241,000 per year.",
        "Termination",
        "Either the Center or the Physician may end this Agreement at any time and for any reason by giving the other "
        "ninety (90) calendar days' written notice.",
        "The Center may end the Physician's employment immediately by written notice if the Physician loses the "
        "license to practice medicine in Arizona; is excluded from Medicare; or materially breaches this Agreement "
        "and does not correct the breach within fifteen (15) days after written notice.",
        "End of the EHR Clinical Lead Assignment",
        "The EHR Clinical Lead position is funded in part by a grant. If that funding ends, or the Center's Board "
        "decides to discontinue or restructure the position, the Center may end the assignment on sixty (60) days' "
        "written notice, and the Physician returns to a full clinical schedule."])
    cause = reviewed.finding("termination-for-cause")
    assert cause.status == "found" and "employment immediately by written notice" in cause.text
    assert cause.parameters.get("cure_days") == 15 and "no chance to cure" not in cause.message
    ended = reviewed.finding("program-discontinuation")
    assert ended.status == "found" and "If that funding ends" in ended.text


def test_what_the_physician_develops_and_assigns_is_the_ip_clause_by_whatever_name(tmp_path):
    """physician3's health center (r3): "Templates, order panels, decision support rules ... the Physician develops
    as EHR Clinical Lead belong to the Center, and the Physician assigns to the Center any rights" names no
    invention, work product or intellectual property, and the contract was said to have no IP clause."""
    reviewed = _reviewed(tmp_path, [
        "PHYSICIAN EMPLOYMENT AGREEMENT",
        "Compensation", "The Center will pay the Physician a base salary of $241,000 per year.",
        "Confidential Information and EHR Work",
        "The Physician will keep confidential all patient information and all of the Center's non-public business "
        "information. Templates, order panels, decision support rules, training materials and reports the Physician "
        "develops as EHR Clinical Lead belong to the Center, and the Physician assigns to the Center any rights the "
        "Physician may have in them."])
    ip = reviewed.finding("intellectual-property")
    assert ip.status == "found" and ip.assessment == "weak" and "assigns to the Center" in ip.text


def test_a_staff_non_solicitation_that_says_it_is_no_covenant_is_no_non_compete(tmp_path):
    """physician3's health center (r3): a staff non-solicitation ("to leave the Center to work for another health
    care provider") that says "This paragraph is not a covenant not to compete", beside a bar on other work while
    employed, was reviewed as a twelve-month non-compete that "Meets the clause's checks"."""
    paragraphs = [
        "PHYSICIAN EMPLOYMENT AGREEMENT",
        "Outside Work",
        "The Physician may not work for any other employer, including locum tenens shifts, without the prior written "
        "approval of the Chief Medical Officer.",
        "Non-Solicitation",
        "While employed by the Center and for twelve (12) months afterward, the Physician will not solicit or "
        "encourage any employee of the Center to leave the Center to work for another health care provider. This "
        "paragraph is not a covenant not to compete, and nothing in it limits where the Physician may practice."]
    covenant = _reviewed(tmp_path, paragraphs).finding("non-compete")
    assert covenant.assessment == "missing" and "its absence suits you" in covenant.message
    paragraphs[-1] = paragraphs[-1].replace(" This paragraph is not a covenant not to compete, and nothing in it limits "
                                            "where the Physician may practice.", " For twelve (12) months after "
                                            "employment ends, the Physician will not practice medicine within ten "
                                            "(10) miles of the Center.")
    covenant = _reviewed(tmp_path, paragraphs).finding("non-compete")
    assert covenant.status == "found" and covenant.assessment != "missing"


def test_a_health_centers_federal_tort_claims_cover_is_no_policy_to_replace(tmp_path):
    """physician3's health center (r3) is deemed a Public Health Service employee: the United States defends
    malpractice claims under the Federal Tort Claims Act, and the center buys no policy. The review found the
    coverage weak, and the redline replaced the FTCA section with a commercial policy, limits and a tail."""
    reviewed = _reviewed(tmp_path, [
        "PHYSICIAN EMPLOYMENT AGREEMENT",
        "Benefits", "The Physician is eligible for medical, dental and vision coverage and group life insurance.",
        "Malpractice Coverage Under the Federal Tort Claims Act",
        "The Center has been deemed to be an employee of the Public Health Service under 42 U.S.C. § 233(g)-(n). As a "
        "full-time employee of the Center, the Physician is covered for medical malpractice claims arising from "
        "services within the scope of this employment, and for those claims a suit against the United States under "
        "the Federal Tort Claims Act is the exclusive remedy. The Center will not buy a commercial professional "
        "liability policy for those services. For any services that this coverage does not reach, such as approved "
        "outside work, the Physician must obtain separate professional liability insurance at the Physician's own "
        "cost."])
    cover = reviewed.finding("malpractice")
    assert cover.status == "found" and cover.assessment == "ok" and "Federal Tort Claims Act" in cover.message
    # a policy the employer buys is still the clause
    reviewed = _reviewed(tmp_path, [
        "PHYSICIAN EMPLOYMENT AGREEMENT", "Insurance",
        "Employer shall maintain claims-made professional liability insurance covering Physician."])
    cover = reviewed.finding("malpractice")
    assert cover.status == "found" and "tail" in cover.message


def test_equity_the_physician_buys_has_no_vesting_to_accelerate(tmp_path):
    """physician3's cardiology term sheet (r2): "Buy-in: $185K for a membership interest in the Practice" was weak
    for "Nothing accelerates vesting on a change of control": a purchase has nothing to vest. A grant of options
    still is."""
    paragraphs = ["TERM SHEET", "Base Compensation:", "$400,000 per year, paid biweekly.", "Partnership Track:",
                  "- Buy-in: $185K for a membership interest in the Practice, payable over 5 years by payroll deduction"]
    equity = _reviewed(tmp_path, paragraphs).finding("equity")
    assert equity.status == "found" and "accelerates vesting" not in equity.message
    paragraphs[-1] = "- You will be granted options to purchase 10,000 shares of the Company's common stock."
    equity = _reviewed(tmp_path, paragraphs).finding("equity")
    assert equity.status == "found" and "Nothing accelerates vesting" in equity.message


def test_vesting_accelerated_under_termination_counts_for_the_equity_clause(tmp_path):
    """Metz (audit): 'Nothing accelerates vesting on a change of control or a termination without cause', read from
    the options section alone, while the termination sections accelerate vesting."""
    equity = ("3. Stock Options. The Company shall grant the Executive options to purchase 50,000 shares under the "
              "Company's stock option plan, vesting over four years.")
    accelerated = ("7. Termination Without Cause. On a termination without Cause, vesting of the Executive's stock "
                   "options will accelerate to the date of termination.")
    message = "Nothing accelerates vesting"
    assert message in _reviewed(tmp_path, ["EMPLOYMENT AGREEMENT", equity]).finding("equity").message
    assert message not in _reviewed(tmp_path, ["EMPLOYMENT AGREEMENT", equity, accelerated]).finding("equity").message
    with pytest.raises(ValueError, match="pattern or absent check only"):
        Check(message="m", param="months", op="lt", value=6, anywhere=True)  # a figure is read in the clause itself


@pytest.mark.parametrize("stated, figure", [("up to forty percent (40%)", "forty percent (40%)"),
                                            ("up to ten percent (10%)", "15%")])
def test_a_bonus_that_defines_a_term_keeps_it_and_equity_grants_are_not_the_bonus(tmp_path, stated, figure):
    """Langecker (audit): the sentence defining 'the "Annual Bonus"', used later in the agreement, was replaced whole
    by our wording, and the options paragraph's 'stock bonuses ... in its sole discretion' was taken for a bonus, so
    the right to future equity grants was struck. Now only the discretion of the defining sentence changes (and its
    figure, where below the ask), and the equity sentence stays."""
    equity = ("In addition, the Executive shall be eligible to receive stock option grants, stock bonuses or other "
              "equity awards granted from time to time by the Board in its sole discretion.")
    edits, _ = _plan_of(tmp_path, [
        "EMPLOYMENT AGREEMENT", "1. Duties. The Executive shall serve as Chief Medical Officer.",
        "2. Compensation. The Company shall pay the Executive a base salary of $300,000 per year. The Executive will "
        f"be eligible for an annual bonus (the \u201cAnnual Bonus\u201d) equal to {stated} of Base Salary, at the "
        "sole discretion of the Board, to be paid before March 15 of the following year.",
        "The Company shall grant the Executive options to purchase 100,000 shares. " + equity,
        "3. Termination. On a termination without Cause the Company shall pay a pro-rated Annual Bonus."],
        {"bonus-incentive": {"target_percent": 15}})
    bonus = edits["bonus-incentive"]
    assert [c.before.split(".")[0] for c in bonus.changes] == ["2"]  # the equity paragraph of '2.' stays
    after = bonus.changes[0].after
    # the ceiling, all the draft states, stays (raised to the target where below it) with the target beside it; a
    # ceiling above the target gets none (Clancey, seventh audit): so low a target invites the employer to pay it
    assert f"(the \u201cAnnual Bonus\u201d) equal to up to {figure} of Base Salary, against written metrics" in after
    target = "" if figure == "forty percent (40%)" else " The target bonus is 15% of Base Salary."
    assert "sole discretion" not in after and after.endswith(f"to be paid before March 15 of the following year."
                                                             f"{target}")


def test_a_non_solicitation_period_under_a_shared_heading_is_not_the_non_compete(tmp_path):
    """Langecker (audit): under '8 Non-Competition/Non-Solicitation' the twelve-month ban on soliciting employees
    was cut to the non-compete's ask, and the letter asked to 'bring the non-compete to 6 months', offering a
    post-employment covenant the draft (which bars competing only during employment) does not have."""
    edits, messages = _plan_of(tmp_path, [
        "EMPLOYMENT AGREEMENT", "1. Duties. The Executive shall serve as Chief Medical Officer.",
        "8. Non-Competition/Non-Solicitation.",
        "8.1 While the Executive is employed by the Company, the Executive shall not engage in any Restricted "
        "Business.",
        "8.2 While the Executive is employed by the Company, and for a period of twenty-four (24) months following "
        "the termination of his employment, the Executive will not solicit for employment any employee of the "
        "Company."])
    assert "non-compete" not in edits
    assert any(m.startswith("non-compete: ") and "not raised in the letter" in m for m in messages)
    edits, _ = _plan_of(tmp_path, [
        "EMPLOYMENT AGREEMENT", "1. Duties. The Executive shall serve as Chief Medical Officer.",
        "8. Non-Competition/Non-Solicitation.",
        "8.1 For a period of twenty-four (24) months following the termination of his employment, the Executive "
        "shall not compete with the Company or solicit any of its employees."])
    assert "twelve (12) months following" in edits["non-compete"].changes[0].after


def test_a_bound_of_a_range_sought_moves_up_to_the_drafts_figure_but_never_past_the_other_bound():
    clause = load_library().get("base-salary")
    asked = {"target_total_min": 290000, "target_total_max": 310000}
    assert no_step_back(clause, asked, {"target_total_min": 300000})[0]["target_total_min"] == 300000
    assert no_step_back(clause, asked, {"target_total_min": 325000}) == (asked, [])


def test_vesting_that_happens_at_once_on_an_event_is_acceleration(tmp_path):
    """Donaldson (second audit): 'the Option will immediately become fully vested and exercisable' under
    termination, yet the memo said nothing accelerates vesting."""
    import docx

    d = docx.Document()
    for text in ["EMPLOYMENT AGREEMENT", "1. Stock Options. The Company grants the Executive options to purchase "
                 "500,000 shares, vesting in four equal annual installments.",
                 "2. Termination. If the Company terminates the Executive without Cause, the Option will immediately "
                 "become fully vested and exercisable.", "3. Governing Law. Connecticut law governs."]:
        d.add_paragraph(text)
    d.save(str(tmp_path / "c.docx"))
    found = review(read_blocks(Package.open(tmp_path / "c.docx")), load_library(), None, "c").finding("equity")
    assert "Nothing accelerates vesting" not in found.message


def test_a_message_claims_only_the_asks_the_profile_makes(tmp_path):
    """Akbar, Eshelman (third audit): "The initial term is shorter than the 36 months asked for" where the profile
    asks for no term at all: 36 months is the library's default, which our wording proposes, and the messages and
    the plan's notes say so; a figure the profile does ask for is still "asked for"."""

    profile = load_profile(ROOT / "samples" / "profile.yaml")
    assert "term" not in profile.asks
    paragraphs = ["EMPLOYMENT AGREEMENT", "1. Term. The initial term of this Agreement is eighteen (18) months.",
                  "2. Termination Without Cause. The Company may terminate this Agreement without cause on thirty "
                  "(30) days' written notice."]
    reviewed = _reviewed(tmp_path, paragraphs, profile)
    term = reviewed.finding("term")
    assert term.assessment == "weak" and "asked for" not in term.message
    assert ("The initial term is shorter than the 36 months our wording proposes (the library's default, not an ask "
            "of the profile).") in term.message
    assert "shorter than the 90 days asked for" in reviewed.finding("termination-without-cause").message
    profile.asks["term"] = {"initial_term_months": 24}
    assert "shorter than the 24 months asked for." in _reviewed(tmp_path, paragraphs, profile).finding("term").message
    # a figure better than the default is kept, and the plan's note says whose figure it beat
    clause = LIBRARY.get("term")
    _, notes = no_step_back(clause, {"initial_term_months": 36}, {"initial_term_months": 60}, own=())
    assert notes == ["the contract's initial term (60 months) is better than the 36 months our wording proposes (the "
                     "library's default, not an ask of the profile), and is kept"]


def test_a_fixed_term_without_a_right_to_end_it_without_cause_suits_the_physician(tmp_path):
    """PPD (held-out-6) and Matria (held-out-3): the review called the lack of a without-cause notice 'unknown'
    ("read it and decide"), though a fixed term the employer cannot end early is the physician's protection."""
    term = "1. Term. The term of this Agreement shall be for two years, beginning July 1, 2027."
    found = _reviewed(tmp_path, ["EMPLOYMENT AGREEMENT", term,
                                 "2. Termination. Employer may terminate this Agreement upon Physician's death or "
                                 "disability, or for Physician's material breach."]).finding("termination-without-cause")
    assert (found.status, found.assessment) == ("found", "ok")
    assert found.message.startswith("The contract has no termination without cause, which suits you: the draft runs")
    # List (audit): a draft that lists no grounds at all does not let the employer end it "on the grounds it lists"
    assert "gives the employer no right to end it early without cause" in found.message
    assert suggested_action(found, LIBRARY) == "keep it"
    missing = _reviewed(tmp_path, ["EMPLOYMENT AGREEMENT", term]).finding("termination-without-cause")
    assert (missing.status, missing.assessment) == ("missing", "ok")
    assert suggested_action(missing, LIBRARY) == "none: its absence suits you"


#: A termination payment stated without the word severance, as the employee's sole remedy (Carns, held-out-4).
_SOLE_REMEDY = [
    "EMPLOYMENT AGREEMENT", "ARTICLE 1. EMPLOYMENT",
    "1.1 The Company employs the Employee as Chief Medical Information Officer.",
    "ARTICLE 6. TERM",
    "The term of this Agreement is three years from its date, but the Company may dismiss the Employee at any time "
    "for any reason.",
    "Should the Company terminate this Agreement without cause, the Company shall pay the following compensation to "
    "the Employee as the Employee's sole remedy for such termination:",
    "An amount equal to the monthly base salary over a period of nine months, paid in the same manner as before the "
    "termination but reduced by any salary or compensation received by the Employee from subsequent employment.",
    "Continuing coverage for the Employee under the Company benefit plans for the same period.",
    "ARTICLE 7. GOVERNING LAW", "This Agreement is governed by the laws of New Jersey."]


def test_termination_pay_that_never_says_severance_is_the_severance_and_is_edited_where_it_stands(tmp_path):
    """Carns (held-out-4): 'the monthly base salary over a period of 12 months', paid 'as the Employee's sole remedy
    for such termination', was reported missing, and our severance clause was inserted beside it, contradicting the
    draft's own statement that what it pays is all the Employee gets."""
    found = _reviewed(tmp_path, _SOLE_REMEDY).finding("severance")
    assert found.status == "found" and found.heading == "ARTICLE 6. TERM"
    assert "monthly base salary over a period of nine months" in found.text and found.parameters == {"months": 9}
    assert found.assessment == "weak" and "earns elsewhere" in found.message  # reduced by later earnings
    edits, _ = _plan_of(tmp_path, _SOLE_REMEDY, {"severance": {"months": 12}})
    severance = edits["severance"]
    assert severance.kind == "modify" and not severance.new_paragraphs
    (change,) = severance.changes
    assert change.after == change.before.replace("over a period of nine months", "over a period of twelve (12) months")
    # where the months already meet the ask, what is weak is the offset: the letter asks for that, and says nothing
    # is extended
    severance = _plan_of(tmp_path, _SOLE_REMEDY, {"severance": {"months": 6}})[0]["severance"]
    assert severance.kind == "letter" and severance.comment.startswith(
        "Severance stays at the draft's 9 months, and the letter asks that it be paid in full even once the Physician "
        "works elsewhere;")
    assert "at 9 months of salary and stipend, with health coverage, paid in full and not cut short or reduced by " \
           "what I earn from other work, if" in severance.request


def test_a_severance_insert_never_contradicts_a_sole_remedy_the_draft_keeps(tmp_path):
    """Where the termination pay is not matched as severance but the contract says it is the sole remedy, ours is
    asked for in the letter, with a warning quoting the sentence, rather than inserted to contradict it."""
    paragraphs = [
        "EMPLOYMENT AGREEMENT", "1. Duties. The Executive shall serve as Chief Medical Officer.",
        "5. Termination. The Company may terminate the Executive's employment without Cause on thirty (30) days' "
        "notice, and the compensation set out in Schedule B shall be the Executive's sole and exclusive remedy for "
        "any such termination.",
        "6. Governing Law. This Agreement is governed by the laws of Ohio."]
    reviewed = _reviewed(tmp_path, paragraphs)
    finding = reviewed.finding("severance")
    assert finding.status == "missing" and "sole and exclusive remedy" in finding.message
    assert suggested_action(finding, LIBRARY, reviewed.text).startswith("ask for it in the letter")
    edits, messages = _plan_of(tmp_path, paragraphs, {"severance": {"months": 6}})
    assert edits["severance"].kind == "letter" and not edits["severance"].new_paragraphs
    assert any(m.startswith("severance: not found as a clause, but the contract says") and "sole and exclusive "
               "remedy" in m and "asked for in the letter, not inserted" in m for m in messages)
    # without that sentence, the missing clause is inserted as before
    paragraphs[2] = ("5. Termination. The Company may terminate the Executive's employment without Cause on thirty "
                     "(30) days' notice.")
    assert _plan_of(tmp_path, paragraphs, {"severance": {"months": 6}})[0]["severance"].kind == "insert"


@pytest.mark.parametrize("sentence, contradicts", [
    ("the Company shall pay the following compensation to the Employee as the Employee's sole remedy for such "
     "termination:", True),
    ("The payments under this Section 5 shall be the Executive's sole and exclusive remedy.", True),
    ("The amounts payable under this paragraph are in lieu of any benefits under any severance plan of Aetna.", True),
    ("The Severance Payment shall be in lieu of any further payments of compensation.", True),
    ("Arbitration shall be the exclusive remedy for any and all disputes between the Company and the Employee.",
     False),
    ("This Agreement may be executed in counterparts, and copies may be used in lieu of the originals.", False),
    ("The Company's remedies for a breach of Section 8 include injunctive relief.", False),
])
def test_what_a_severance_insert_would_contradict(sentence, contradicts):
    from counterdraft.review import contradiction

    assert (contradiction(LIBRARY.get("severance"), sentence) is not None) is contradicts


def test_a_non_solicitation_lead_in_under_a_restrictive_covenant_heading_is_not_the_non_compete(tmp_path):
    """Carns (held-out-4): under 'ARTICLE 8. RESTRICTIVE COVENANT' the period of 8.2, whose lead-in ('shall not ...
    do any of the following:') names nothing it restricts and whose items all solicit, was shortened as the
    non-compete's, and then flagged as a stale mention of the non-compete's period."""
    lead_in = ("8.2 The Employee further agrees that during the term of employment and for a period of two years "
               "following the termination of employment, the Employee shall not directly or indirectly do any of the "
               "following:")
    paragraphs = [
        "EMPLOYMENT AGREEMENT", "ARTICLE 1. EMPLOYMENT", "1.1 The Company employs the Employee as its President.",
        "ARTICLE 8. RESTRICTIVE COVENANT",
        "8.1 The Employee agrees that he will not during the term of employment and for a period of two years "
        "thereafter engage in any business competitive with the business of the Company.",
        lead_in,
        "8.2.1 Solicit or accept any business from a customer of the Company; and",
        "8.2.2 Solicit or induce any employee of the Company to terminate his or her employment.",
        "8.3 The restrictions of this Article 8 survive the termination of this Agreement."]
    edits, messages = _plan_of(tmp_path, paragraphs)
    covenant = edits["non-compete"]
    (change,) = covenant.changes
    assert change.before.startswith("8.1") and "twelve (12) months thereafter" in change.after
    assert not covenant.conforming and not any("still states" in m for m in messages)
    # items that bar competing make the lead-in's period the covenant's
    paragraphs[7] = "8.2.2 Engage in any business competitive with the business of the Company."
    edits, _ = _plan_of(tmp_path, paragraphs)
    assert [c.before.split()[0] for c in edits["non-compete"].changes] == ["8.1", "8.2"]


def test_an_amount_asked_for_is_shown_as_money():
    """Nelson's memo (audit): "The clause does not state target total (you ask for 290000)"."""
    from counterdraft.review import assess

    profile = load_profile(ROOT / "samples" / "profile.yaml")
    profile.asks["base-salary"] = {"target_total_min": 290000, "target_total_max": 310000}
    _, assessment, message = assess(LIBRARY.get("base-salary"), "Your salary will be paid monthly.", profile)
    assert assessment == "unknown" and "(you ask for $290,000)" in message


#: Genaera's offer letter (SEC 880431, fourth audit): what a termination without cause pays is stated in the
#: paragraph matched for that topic, and the paragraph matched for severance is about a change in control.
_PAY_BESIDE = [
    "Dear Dr. Gast:",
    "I am pleased to offer you the position of Senior Vice President with Genaera Corporation. Your base salary will "
    "be $25,000.00 per month.",
    "If Genaera terminates your employment without cause after you are employed, you will receive your monthly base "
    "salary for (12) twelve months following your termination date or until you secure full time employment "
    "elsewhere, whichever period is shorter.",
    "In the event your employment is involuntarily terminated as a result of a Change in Control of the Company, you "
    "will be eligible to receive severance payments as approved by the Genaera Board of Directors provided under "
    "separate cover.",
    "As conditions of receiving any severance benefits from Genaera, you must sign a general release, including a "
    "non-disparagement clause, in a form acceptable to Genaera.",
    "Sincerely,", "John L. Armstrong, Jr."]


def test_severance_stated_as_the_pay_on_a_termination_without_cause_is_never_asked_for_less(tmp_path):
    """Genaera (fourth audit): the letter asked to "set severance at 9 months" and the memo said "Severance extended
    to 9 months", where the paragraph matched for termination without cause pays twelve months of salary: the
    severance months are read there too, so nothing below them is asked for, and a higher ask edits them there.
    (What is weak is that the months end once Genaera's executive finds work: the letter asks about that alone.)"""
    reviewed = _reviewed(tmp_path, _PAY_BESIDE)
    found = reviewed.finding("severance")
    # quoted where the months are read, not the paragraph that pays on a change in control (Nelson, audit)
    assert "(12) twelve months" in found.text and "Change in Control" not in found.text
    assert found.parameters == {"months": 12} and found.flagged == ["offset"]
    assert "(12) twelve months" in reviewed.matches["termination-without-cause"].text
    severance = _plan_of(tmp_path, _PAY_BESIDE, {"severance": {"months": 9}})[0]["severance"]
    assert severance.kind == "letter" and severance.parameters == {"months": 12} and "9 months" not in \
        severance.request + severance.comment
    # a higher ask raises the twelve months where they are stated
    severance = _plan_of(tmp_path, _PAY_BESIDE, {"severance": {"months": 18}})[0]["severance"]
    (change,) = severance.changes
    assert change.before.startswith("If Genaera terminates") and change.after == change.before.replace(
        "(12) twelve months following", "eighteen (18) months following")
    assert severance.comment.startswith("Severance extended to 18 months (from 12), and the letter asks")
    # $300,000 a year meets the range sought: no stipend is asked for, nor named in the severance asked
    assert "at 18 months of salary rather than 12," in severance.request


def test_severance_months_no_edit_reaches_are_said_to_be_asked_in_the_letter_not_extended(tmp_path):
    """Mcgrane with 18 months asked (sixth audit): "Severance extended to 18 months (from 12)" in the plan's comment
    and the memo, where the draft's "an amount equal to the Executive's Annual Base Salary ..., payable in twelve (12)
    equal monthly installments" is no wording an edit changes, and the months were asked for in the letter only."""
    severance = _plan_of(tmp_path, [
        "EMPLOYMENT AGREEMENT", "1. Duties. The Executive shall serve as Chief Medical Officer.",
        "2. Termination Without Cause. The Company may terminate the Executive's employment upon written notice. If "
        "it does, the Executive shall be entitled to an amount equal to the Executive's Annual Base Salary as in "
        "effect immediately prior to the termination, payable in twelve (12) equal monthly installments following "
        "the termination."], {"severance": {"months": 18}})[0]["severance"]
    assert severance.kind == "letter" and not severance.changes
    assert severance.comment.startswith("Asks, in the letter only, for 18 months of severance (the draft states 12 "
                                        "months); the redline leaves the section as drafted.")
    assert "extended" not in severance.comment and "rather than 12" in severance.request


#: ArthroCare's offer letter to Tighe (held-out-4, fourth audit): the only months of severance are paid on a
#: termination after a change of control; an ordinary termination pays nothing.
_CHANGE_OF_CONTROL_ONLY = [
    "Dear John:",
    "1. Compensation: Your annual salary will be $140,000.00.",
    "5. Relocation Expenses: At ArthroCare's election, we will either engage a relocation company or we'll pay you a "
    "lump sum payment to cover the reasonable and customary expenses associated with your family's move.",
    "8. Change of Control Agreement: As a term of this offer, we will recommend to the Board of Directors that you be "
    "named as a vice president of the organization as defined in the Company's Change of Control Agreement. The "
    "terms of this Agreement provide for a 24 month severance package and vesting of options should your "
    "employment terminate involuntarily, subject to a change of control.",
    "9. At-Will Employment: Your employment with the Company is for no specified period and constitutes \"at-will\" "
    "employment. The Company is free to terminate your employment at any time, for any reason or for no reason. In "
    "the event of termination of your employment, you will not be entitled to any payments, benefits, damages, "
    "awards, or compensation other than as may otherwise be available in accordance with the Company's established "
    "employee plans and policies at the time of termination.",
    "Sincerely yours,", "Michael A. Baker"]


def test_severance_paid_only_after_a_change_of_control_is_not_the_severance_asked_for(tmp_path):
    """Tighe (fourth audit): "a 24 month severance package ... should your employment terminate involuntarily,
    subject to a change of control" was read as the severance months, kept as "better than the 9 months asked for",
    and the letter asked for no severance, though a termination without cause pays nothing. The paragraph is still
    where severance is (it states one of its figures), not the relocation's lump sum."""
    found = _reviewed(tmp_path, _CHANGE_OF_CONTROL_ONLY).finding("severance")
    assert found.status == "found" and "change of control" in found.text and "months" not in found.parameters
    edits, messages = _plan_of(tmp_path, _CHANGE_OF_CONTROL_ONLY, {"severance": {"months": 9}})
    severance = edits["severance"]
    assert severance.kind == "letter" and severance.parameters == {"months": 9}
    assert not any("is kept" in m for m in messages if m.startswith("severance"))
    assert "could we include severance of 9 months of salary and stipend, with health coverage, if the role ends " \
           "without cause?" in severance.request
    assert "extended" not in severance.comment and severance.comment.startswith("Asks for 9 months")


def test_the_memo_and_review_say_why_change_of_control_severance_is_set_aside(tmp_path):
    """Tighe (fifth audit): the memo asked for 9 months of severance, and nothing said that the draft's "24 month
    severance package" had been read and set aside as pay after a change of control."""
    found = _reviewed(tmp_path, _CHANGE_OF_CONTROL_ONLY, _severance_profile(9)).finding("severance")
    assert found.message == (
        "The clause does not state severance (you ask for 9 months). The 24 months the contract states are paid only "
        "on a change of control (on a termination after or because of one, or under an agreement for one), not on an "
        "ordinary termination without cause, so they are not counted as its severance.")
    # where nothing is asked of it, it still says so, as a sentence of its own
    assert _reviewed(tmp_path, _CHANGE_OF_CONTROL_ONLY).finding("severance").message.startswith(
        "Meets the clause's checks. The 24 months the contract states are paid only on a change of control")
    memo = _memo_of(tmp_path, _CHANGE_OF_CONTROL_ONLY, 9)
    row = next(line for line in memo.splitlines() if line.startswith("| ") and "Severance |" in line)
    assert "The 24 months the contract states are paid only on a change of control" in row


def test_an_item_of_a_change_of_control_lead_in_is_set_aside_and_not_edited(tmp_path):
    """Metz (fifth audit): "If the EMPLOYEE'S employment shall be terminated after a Change in Control ... the
    following benefits:" then "Severance Payment. EMPLOYEE shall be paid ...": read alone, the item's months were the
    severance (and, short of the ask, would have been raised there, in pay after a change of control)."""
    paragraphs = [
        "EMPLOYMENT AGREEMENT", "1. Duties. Employee shall serve as Chief Medical Information Officer.",
        "7. Treatment of Compensation upon Termination.",
        "If the EMPLOYEE'S employment shall be terminated after a Change in Control, by the Company other than for "
        "Cause, the EMPLOYEE shall be entitled to the following benefits:",
        "Severance Payment. EMPLOYEE shall be paid severance equal to six (6) months of Base Salary.",
        "Health Benefits. EMPLOYEE may continue health coverage under COBRA.",
        "8. Governing Law. This Agreement is governed by the laws of Ohio."]
    found = _reviewed(tmp_path, paragraphs, _severance_profile(9)).finding("severance")
    assert "months" not in found.parameters and "The 6 months the contract states are paid only on a change of " \
                                                 "control" in found.message
    severance = _plan_of(tmp_path, paragraphs, {"severance": {"months": 9}})[0]["severance"]
    assert severance.kind == "letter" and not severance.changes
    assert severance.comment.startswith("Asks for 9 months of salary and stipend as severance")


#: Metz (attorney audit, profile D): severance is matched to a section that pays only after a change in control, and
#: what an ordinary termination without cause pays, a year's base salary as a consultant's pay, is in another section
#: that never says severance.
_CONSULTANCY_PAY = [
    "EMPLOYMENT AGREEMENT", "1. Duties. Employee shall serve as Chief Medical Information Officer.",
    "3. At Will Employment. Employee's employment is at will and may be terminated by either party at any time.",
    "7. Treatment of Compensation upon Termination after Change in Control.",
    "If the EMPLOYEE'S employment shall be terminated after a Change in Control, by the Company other than for "
    "Cause, the EMPLOYEE shall be entitled to the following benefits:",
    "Severance Payment. EMPLOYEE shall be paid an amount equal to two times the Executive's Base Salary.",
    "9. Treatment of Compensation upon Termination without Cause.",
    "Consultancy Agreement. In the event EMPLOYEE is terminated without Cause or by EMPLOYEE for GOOD REASON, "
    "EMPLOYEE and EMPLOYER shall immediately enter into an independent contractor/consultant agreement pursuant to "
    "which EMPLOYEE shall receive pay in an amount equal to twelve (12) months base salary only (hereinafter "
    "\"Consultancy Pay\") in exchange for consulting services. The term of the consultancy will be for 12 months.",
    "10. Governing Law. This Agreement is governed by the laws of Ohio."]


def test_a_consultants_fee_paid_on_a_termination_without_cause_is_no_severance(tmp_path):
    """Metz (attorney audit): section 9's "Consultancy Pay", twelve months of base salary "in exchange for consulting
    services" of up to ten hours a week after the employment ends, was rated "ok" as severance and kept: it is pay
    for work. The review says so (weak), reads no months of severance there, and the letter asks for severance as of
    a draft without one, owed without consulting work in return, never "rather than 12"."""
    found = _reviewed(tmp_path, _CONSULTANCY_PAY, _severance_profile(3)).finding("severance")
    assert "months" not in found.parameters and found.assessment == "weak" and found.flagged == ["consulting"]
    assert "a consultant's fee, paid in exchange for consulting work after the employment ends: pay for work, not " \
           "severance" in found.message
    assert found.heading.startswith("9. Treatment")
    for months in (3, 18):
        severance = _plan_of(tmp_path, _CONSULTANCY_PAY, {"severance": {"months": months}})[0]["severance"]
        assert severance.kind == "letter" and not severance.changes
        assert f"could we include severance of {months} months" in severance.request
        assert severance.request.endswith("owed without any consulting work in return?")
        assert "rather than" not in severance.request
        assert "only a fee for consulting work after it, which is pay for work, not severance" in severance.comment


def test_metz_consultancy_pay_is_no_severance(tmp_path, txt2docx):
    """Metz (attorney audit), on its own text: the review rated section 9's Consultancy Pay "ok" as severance."""
    source = ROOT / "eval" / "contracts" / "heldout6" / "1025953_2005-02-11_NOVASTAR_METZ_EMPLOYMENT_AGREEMENT.txt"
    docx_path = txt2docx.convert(source, tmp_path / "metz.docx", "plain")
    found = review(read_blocks(Package.open(docx_path)), LIBRARY, _severance_profile(6), "metz").finding("severance")
    assert found.assessment == "weak" and "consulting" in found.flagged and "months" not in found.parameters
    assert found.heading.startswith("9. TREATMENT OF COMPENSATION AND BENEFITS UPON")
    assert "Consultancy Pay" in found.text
    assert suggested_action(found, LIBRARY) == "ask in the letter for severance that asks no work in return"


#: Brown (attorney audit, profile D): severance on a termination without Cause or for Good Reason is an average of what
#: others were paid, with no period stated.
_SEVERANCE_BY_FORMULA = [
    "EMPLOYMENT AGREEMENT", "1. Duties. Employee shall serve as Chief Medical Information Officer.",
    "3. Compensation",
    "(a) Employee's base salary will be at an annual gross rate of $250,000 (the \"Base Salary\").",
    "(b) In the event the Employee's employment with the Company is terminated by Employee for Good Reason (as defined "
    "below) or by the Company without Cause (as defined below), the Company shall within ten business days after the "
    "effective date of termination pay to Employee severance in such amount as is proportionally (measured by "
    "severance amount against base salary) equal to the average rate of cash severance, if any, that has been paid by "
    "the Company to management level employees who are at or above Employee's level of responsibility.",
    "7. Effect of Termination.",
    "(b) Upon the termination of Employee's employment, Employee shall be entitled to receive only such portion (if "
    "any) of the Base Salary as may have accrued but be unpaid on the date of termination, plus severance as provided "
    "in Section 3, above.",
    "10. Governing Law. This Agreement is governed by the laws of Massachusetts."]


def test_severance_the_draft_sets_by_a_formula_is_given_a_floor_not_asked_for_as_missing(tmp_path):
    """Brown (attorney audit): the letter asked to "include severance of 3 months" and the memo said the draft
    "states no period of severance", where section 3(b) pays severance by a formula: the letter now asks for a floor
    beside the formula, on both of its triggers, and the memo says what the draft gives."""
    found = _reviewed(tmp_path, _SEVERANCE_BY_FORMULA, _severance_profile(3)).finding("severance")
    assert "months" not in found.parameters and found.flagged == ["formula"] and found.assessment == "weak"
    assert "set by a formula of the draft's, with no period stated" in found.message
    severance = _plan_of(tmp_path, _SEVERANCE_BY_FORMULA, {"severance": {"months": 3}})[0]["severance"]
    assert severance.kind == "letter" and not severance.changes
    # the formula is named where it is, 3(b), not by "7. Effect of Termination", which refers to it (audit)
    assert "could we set severance at not less than 3 months of salary and stipend, or the amount the formula of " \
           "Section 3(b) gives if greater, with health coverage, if the role ends without cause or I resign for Good " \
           "Reason?" in severance.request
    assert severance.comment.startswith("Asks for severance of not less than 3 months") and \
        "the draft gives severance by a formula, without a stated period" in severance.comment
    assert "no period of severance" not in severance.comment


def test_a_finding_is_located_where_its_figure_or_weakness_is(tmp_path):
    """Metz, Brown (attorney audit): the review said section 9 for Metz's severance and quoted section 7, which pays
    only after a change in control, and the memo put Brown's severance by formula under "7. Effect of Termination",
    which only refers to Section 3. Each is located, heading and text, where the figure was read or the check
    fired: 9 (its "Consultancy Pay"), and 3(b)."""
    metz = _reviewed(tmp_path, _CONSULTANCY_PAY, _severance_profile(3)).finding("severance")
    assert metz.heading.startswith("9. Treatment") and "Consultancy Pay" in metz.text
    assert "Change in Control" not in metz.text
    brown = _reviewed(tmp_path, _SEVERANCE_BY_FORMULA, _severance_profile(3)).finding("severance")
    assert brown.heading == "3. Compensation > (b)" and brown.text.startswith("(b) In the event the Employee's")


@pytest.mark.parametrize("sentence, formula", [
    ("If the Company terminates Employee's employment without Cause, the Company shall pay Employee severance equal "
     "to the amount paid under its severance policy.", True),
    # a change of control's pay, a dollar amount, or no severance at all is not a formula to put a floor under
    ("If Employee is terminated without Cause within one year after a Change in Control, the Company shall pay "
     "Employee severance equal to the average bonus paid to its officers.", False),
    ("If the Company terminates Employee's employment without Cause, the Company shall pay Employee severance of "
     "$50,000.", False),
    ("If the Company terminates Employee's employment without Cause, Employee shall not be entitled to severance.",
     False),
])
def test_what_counts_as_severance_by_a_formula(sentence, formula):
    check = next(c for c in LIBRARY.get("severance").checks if c.name == "formula")
    assert (re.search(check.pattern, sentence, re.I) is not None) is formula


#: Mcgrane (sixth audit): what a termination without cause pays is listed after the lead-in of its section, as a
#: year's salary paid in monthly installments, and nothing names it severance.
_YEAR_OF_SALARY = [
    "EMPLOYMENT AGREEMENT",
    "4. Termination.",
    "(c) Cause. The Company may terminate the Executive's employment for Cause upon written notice.",
    "(v) If the Company terminates the Executive's employment for Cause, all obligations of the Company hereunder "
    "shall cease.",
    "(d) Termination Without Cause. The Company may, at its option, terminate the Executive's employment under this "
    "Agreement upon written notice to the Executive for a reason other than a reason set forth in Section 4(c). If "
    "the Company terminates the Executive's employment for any such reason, all obligations of the Company hereunder "
    "shall cease immediately, except that the Executive shall be entitled to:",
    "(i) accrued Base Salary through and including the date of the Executive's termination of employment;",
    "(ii) other Employee Benefits to which the Executive is entitled upon termination of employment; and",
    "(iii) an amount equal to the Executive's Annual Base Salary as in effect immediately prior to the Executive's "
    "termination of employment, payable in twelve (12) equal monthly installments following the Executive's "
    "termination of employment with the Company.",
    "(e) Voluntary Termination for Good Reason. If the Executive voluntarily terminates his employment for Good "
    "Reason, the Executive shall be entitled to receive the payments and benefits specified by Section 4(d).",
    "5. Governing Law. This Agreement is governed by the laws of Delaware.",
    "21. Counterparts. This Agreement may be executed in counterparts.",
    "IN WITNESS WHEREOF, the parties have executed this Agreement."]


def test_a_years_salary_paid_on_a_termination_without_cause_is_the_severance_and_is_kept(tmp_path):
    """Mcgrane (sixth audit): the memo said severance was "Not in the contract", the letter asked for 9 months and a
    severance clause was inserted after "21. Counterparts", where a termination without cause pays a year's salary
    in twelve monthly installments: those 12 months are read as the severance, and nothing less is asked."""
    found = _reviewed(tmp_path, _YEAR_OF_SALARY).finding("severance")
    assert found.status == "found" and found.parameters == {"months": 12}
    edits, messages = _plan_of(tmp_path, _YEAR_OF_SALARY, {"severance": {"months": 9}})
    assert "severance" not in edits  # nothing inserted, edited or asked in the letter
    assert any(m.startswith("severance: the contract's severance (12 months) is better than the 9 months") and
               m.endswith("is kept") for m in messages)


#: Eshelman (sixth audit): twelve months of salary are paid only when the employee resigns over a cut in duties or
#: pay; a termination by the employer, or its notice not to renew, pays nothing.
_PAID_ON_RESIGNING = [
    "EMPLOYMENT AGREEMENT",
    "2. Term. The term of this Agreement shall be for one year, and it renews for successive one-year terms unless "
    "either party gives notice of its intent not to renew.",
    "6. Termination. This Agreement shall terminate upon the happening of any of the following events:",
    "a. The death of Employee.",
    "b. Notice by either party of its intent not to renew this Agreement.",
    "c. A determination by the Board of Directors that Employee has breached any of the material terms of this "
    "Agreement. Employee may voluntarily terminate this Agreement upon thirty (30) days written notice if his duties "
    "hereunder are substantially reduced or his compensation is significantly reduced, in which case he shall be "
    "paid his base salary for a period of twelve months after the date of termination.",
    "7. Governing Law. This Agreement is governed by the laws of North Carolina."]


def test_severance_paid_only_when_the_physician_resigns_is_set_aside_and_not_asked_for(tmp_path):
    """Eshelman (sixth audit): the memo said the contract's 12 months of severance were better than the 9 asked for
    and kept them, though they are paid only when the employee resigns because duties or pay were cut: the review
    sets them aside and says why. The ninth audit: a fixed term the employer may not end without cause is asked for
    no severance "if the role ends without cause", which would presume that right, and the run says why."""
    found = _reviewed(tmp_path, _PAID_ON_RESIGNING, _severance_profile(9)).finding("severance")
    assert "months" not in found.parameters
    assert "The 12 months the contract states are paid only when the Physician resigns (for a cut in duties or pay, " \
           "or for good reason), not when the Employer ends the employment without cause" in found.message
    edits, messages = _plan_of(tmp_path, _PAID_ON_RESIGNING, {"severance": {"months": 9}})
    assert "severance" not in edits
    (said,) = [m for m in messages if m.startswith("severance")]
    assert "is kept" not in said and "Nothing is asked, as asking for it would presume a right the draft " \
                                      "withholds" in said


def _severance_profile(months: int):

    profile = load_profile(ROOT / "samples" / "profile.yaml")
    profile.asks["severance"] = {"months": months}
    return profile


def _memo_of(tmp_path, paragraphs: list[str], months: int) -> str:
    """The attorney memo of a redline of these paragraphs, the sample profile asking for `months` of severance."""
    import docx
    import yaml

    from counterdraft.redline import redline

    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    d.save(str(tmp_path / "memo.docx"))
    data = yaml.safe_load((ROOT / "samples" / "profile.yaml").read_text())
    data["asks"]["severance"] = {"months": months}
    (tmp_path / "profile.yaml").write_text(yaml.safe_dump(data))
    run = redline(tmp_path / "memo.docx", tmp_path / "profile.yaml", tmp_path / "out", date="2026-11-27T12:00:00Z")
    return " ".join(run.outputs["memo"].read_text().replace("\\", "").split(" "))


#: Severance that what remains of a fixed term limits, and that other work reduces (Carns, held-out-4), or ends
#: once the employee finds work (McDermott's "or until you commence new employment, whichever comes first").
_LIMITED = [
    "EMPLOYMENT AGREEMENT", "1. Duties. The Employee shall serve as Chief Medical Information Officer.",
    "2. Term. The term of this Agreement is three years from its date, but the Company may dismiss the Employee at "
    "any time without cause.",
    "3. Severance. Should the Company terminate this Agreement without cause, the Employee shall receive severance "
    "of an amount equal to the monthly base salary over a period of 12 months or the balance of the remaining term, "
    "which ever is less, paid in the same manner as before the termination.",
    "4. Governing Law. This Agreement is governed by the laws of New Jersey."]


def test_severance_the_rest_of_the_term_limits_is_said_to_shrink_and_asked_in_full(tmp_path):
    """Carns (fifth audit): "12 months or the balance of the remaining term, which ever is less" was reported as 12
    months that meet the ask; the months are the most it pays, and the letter now asks for them in full."""
    found = _reviewed(tmp_path, _LIMITED, _severance_profile(9)).finding("severance")
    assert found.parameters == {"months": 12} and found.assessment == "weak" and found.flagged == ["remaining_term"]
    assert "whichever is less, so it shrinks as the term runs out and may pay less than the 12 months stated" in \
        found.message
    assert suggested_action(found, LIBRARY) == \
        "ask in the letter for the full severance period, however much of the term remains"
    edits, messages = _plan_of(tmp_path, _LIMITED, {"severance": {"months": 9}})
    severance = edits["severance"]
    assert severance.kind == "letter" and severance.parameters == {"months": 12}
    assert any(m.startswith("severance: ") and m.endswith("No edit of ours changes that; it is raised in the letter "
                                                          "only.") for m in messages)
    assert "could we set severance at 12 months of salary and stipend, with health coverage, paid in full however " \
           "much of the term remains, if the role ends without cause?" in severance.request
    assert severance.comment.startswith("Severance stays at the draft's 12 months, and the letter asks that it be paid "
                                        "in full however much of the term remains;")


@pytest.mark.parametrize("sentence, offset", [
    ("you will continue to receive your base salary for a period of six months, or until you commence new "
     "employment, whichever comes first.", True),
    ("the Company shall continue to pay severance equal to your base salary for six months, reduced by any "
     "compensation earned from subsequent employment.", True),
    ("the Company shall pay severance equal to six months of base salary, which shall cease upon the Employee "
     "obtaining full-time employment.", True),
    ("the Company shall pay severance equal to six months of base salary, which shall not be reduced by any "
     "compensation earned from subsequent employment.", False),
    ("the Company shall pay severance equal to six months of base salary.", False),
])
def test_severance_that_other_work_ends_or_reduces_is_flagged_as_no_guarantee(tmp_path, sentence, offset):
    """Genaera and McDermott (fifth audit): severance "until you secure full time employment elsewhere" was 'ok'
    and the memo said nothing: the months are the most it pays, and the letter asks for them whatever other work."""
    paragraphs = ["EMPLOYMENT AGREEMENT", "1. Duties. You will serve as Chief Medical Information Officer.",
                  "2. Severance. If your employment is terminated without cause, " + sentence,
                  "3. Governing Law. This Agreement is governed by the laws of Ohio."]
    found = _reviewed(tmp_path, paragraphs, _severance_profile(6)).finding("severance")
    assert found.parameters == {"months": 6} and ("offset" in found.flagged) is offset
    assert ("the 6 months stated are the most it pays, not a guaranteed amount" in found.message) is offset
    assert (suggested_action(found, LIBRARY) == "ask in the letter for severance that other work neither ends nor "
                                                "reduces") is offset
    request = _plan_of(tmp_path, paragraphs, {"severance": {"months": 6}})[0].get("severance")
    assert (request is not None and "not cut short or reduced by what I earn from other work" in request.request) \
        is offset


def test_the_suggested_action_of_a_weakness_edits_do_not_reach_says_what_to_do():
    """A weakness the edits fix and one they leave: the action names both; the edits' alone stays as it was."""
    both = Finding(topic="severance", status="found", assessment="weak", flagged=["short", "offset"])
    assert suggested_action(both, LIBRARY) == \
        "edit the weak wording; ask in the letter for severance that other work neither ends nor reduces"
    short = Finding(topic="severance", status="found", assessment="weak", flagged=["short"])
    assert suggested_action(short, LIBRARY) == "edit the weak wording"
    with pytest.raises(ValueError, match="names every check"):
        LIBRARY.get("severance").model_copy().model_validate(
            {**LIBRARY.get("severance").model_dump(exclude={"source"}),
             "checks": [{"message": "m", "pattern": "x", "action": "a"}, {"message": "n", "pattern": "y"}]})


@pytest.mark.parametrize("clause_id, values, found, present, made, opening", [
    ("severance", {"months": 9}, {}, False, (), "Provides 9 months of salary, with"),  # no stipend in play
    ("severance", {"months": 9}, {}, True, (), "Asks for 9 months of salary as severance"),
    ("severance", {"months": 9}, {"months": 6}, True, {"of_salary"}, "Severance extended to 9 months (from 6);"),
    # no edit could make it (asked in the letter only): nothing was extended (Mcgrane's twelve monthly installments)
    ("severance", {"months": 9}, {"months": 6}, True, (),
     "Asks, in the letter only, for 9 months of severance (the draft states 6 months); the redline leaves the "
     "section as drafted."),
    ("severance", {"months": 12}, {"months": 12}, True, (), "Severance stays at the draft's 12 months;"),
    ("termination-without-cause", {"notice_days": 120}, {}, False, (), "Sets 120 days' notice"),
    ("termination-without-cause", {"notice_days": 120}, {}, True, (), "Asks for 120 days' notice"),
    ("termination-without-cause", {"notice_days": 120}, {"notice_days": 30}, True, {"days"},
     "Notice extended to 120 days (from 30)."),
    # no edit could make it (asked in the letter only): nothing was extended (audit 5)
    ("termination-without-cause", {"notice_days": 120}, {"notice_days": 30}, True, (),
     "Asks for 120 days' notice to end the agreement without cause (the draft states 30)."),
    # one sentence sets both parties' notice: only the employer's was extended (Coats, Baan, audit 5)
    ("termination-without-cause", {"notice_days": 120}, {"notice_days": 30}, True, {"employer_only"},
     "The notice to end the agreement without cause is extended to 120 days where the employer gives it (from the "
     "30 days the draft sets for both parties); the physician's own notice stays as drafted."),
    ("termination-without-cause", {"notice_days": 180}, {"notice_days": 180}, True, {"days"},
     "Notice stays at the draft's 180 days."),
])
def test_a_comment_says_a_figure_is_extended_only_where_the_draft_states_a_shorter_one(clause_id, values, found,
                                                                                       present, made, opening):
    """Genaera's memo (fourth audit): "Severance extended to 9 months" and "Notice extended to 120 days" where the
    draft states no months and no notice, or has no such clause at all."""
    from counterdraft.library import parameter_values, render_ask

    clause = LIBRARY.get(clause_id)
    comment, _ = render_ask(clause, parameter_values(clause, values), found, present, made=made)
    assert comment.startswith(opening)
    assert ("extended" in comment) is (present and any(found[n] < values[n] for n in found) and bool(made))


def test_a_non_compete_left_to_a_separate_agreement_is_to_be_read_not_absent_to_your_liking(tmp_path):
    """Cornerstone (third audit): 'not in the contract, which suits you' beside a recital making the 'Proprietary
    Information, Inventions, Non-competition, and Non-solicitation Agreement' part of the agreement."""
    import docx

    d = docx.Document()
    for text in ["EMPLOYMENT AGREEMENT",
                 "WHEREAS, the Executive is party to a Proprietary Information, Inventions, Non-competition, and "
                 "Non-solicitation Agreement, the terms of which are expressly made a part of this Agreement;",
                 "NOW, THEREFORE, the parties agree as follows:", "1. Term. The term of this Agreement is three years."]:
        d.add_paragraph(text)
    d.save(str(tmp_path / "c.docx"))
    found = review(read_blocks(Package.open(tmp_path / "c.docx")), LIBRARY, None, "c").finding("non-compete")
    assert found.status == "missing" and found.assessment == "unknown"
    assert "suits you" not in found.message and "refers to a separate agreement that holds one" in found.message
    assert suggested_action(found, LIBRARY) == "read the separate agreement"


@pytest.mark.parametrize("found, kept, note", [
    # Langecker (fourth audit): "up to forty percent (40%)" is a ceiling, no target better than the 20% asked for
    ({"target_percent": 40, "maximum_percent": 40}, 20, None),
    # a target stated beside a ceiling is a target
    ({"target_percent": 40, "maximum_percent": 80}, 40, "the contract's target (40%) is better than the 20% asked "
                                                        "for, and is kept"),
    # Monroe (fourth audit): a guaranteed minimum of 50% gives at least a 50% target, and is named as the floor it is
    ({"target_percent": 50, "minimum_percent": 50}, 50, "the contract's minimum (50%) is better than the target of "
                                                        "20% asked for, and is kept as it is"),
])
def test_a_ceiling_is_no_target_to_keep_and_a_floor_is_kept_as_one(found, kept, note):
    """No step back kept Langecker's bonus 'of up to 40%' as the target, so the 20% target asked for vanished from
    the redline and the letter ('Could we keep the incentive at the draft's 40%'), and the proposed cash counted it."""
    clause = load_library().get("bonus-incentive")
    values, notes = no_step_back(clause, {"target_percent": 20, "metrics_deadline_days": 45}, found)
    assert values["target_percent"] == kept
    assert notes == ([note] if note else [])


@pytest.mark.parametrize("bonus, weak, absent", [
    # a ceiling alone is weak for what it is, not as a target below the ask
    ("Employee will receive annual consideration for a bonus of up to 18.5% of base salary, based on the Company's "
     "performance goals.", "The incentive states only a ceiling (up to 18.5% of Base Salary) and no target, so it "
                           "may pay nothing.", "The target incentive is below"),
    # a guaranteed minimum is neither wholly discretionary nor in need of metrics
    ("Employee shall be entitled to an annual bonus of a minimum of 50% of the base salary, the amount to be "
     "determined by the Board in its sole discretion.", None, "discretionary"),
])
def test_a_bonus_ceiling_or_floor_is_assessed_as_what_it_is(tmp_path, bonus, weak, absent):

    profile = load_profile(ROOT / "samples" / "profile.yaml")
    profile.asks["bonus-incentive"] = {"target_percent": 20}
    found = _reviewed(tmp_path, ["EMPLOYMENT AGREEMENT", "1. Compensation. Employer shall pay Employee a base salary "
                                 "of $150,000 per year. " + bonus], profile).finding("bonus-incentive")
    if weak is None:
        assert found.assessment == "ok" and found.message.startswith("The contract states minimum 50%.")
    else:
        assert found.assessment == "weak" and weak in found.message
    assert absent not in found.message


def test_severance_is_read_where_it_is_paid_not_from_a_definition_and_never_cut(tmp_path):
    """Steel (audit 5): severance was read as the "3 months" that define a Disability, and the letter asked to set it
    at 6 months "rather than 3" where the Company continues the salary for 18 months after a termination without
    cause. The 18 months are read, named, and kept."""
    contract = [
        "EMPLOYMENT AGREEMENT",
        "\"Disability\" shall mean failure of the Executive to perform his duties with the Company for a period of 3 "
        "months as a result of incapacity due to mental or physical illness.",
        "1. DEATH OR DISABILITY. If the Executive's employment is terminated by reason of the Executive's Death or "
        "Disability, this Agreement shall terminate without further obligations to the Executive, other than for "
        "payment of the Executive's annual base salary through the date of termination.",
        "2. WITHOUT CAUSE. If the Executive's employment is terminated by the Company without Cause, the Company shall "
        "continue to pay Executive's Base Salary, health, medical and other benefits for a period of 18 months "
        "following the termination."]
    severance = _reviewed(tmp_path, contract).finding("severance")
    assert severance.parameters == {"months": 18}
    assert severance.message.startswith("The contract states severance 18 months.")
    edits, messages = _plan_of(tmp_path, contract, {"severance": {"months": 6}})
    assert "severance" not in edits
    assert "severance: the contract's severance (18 months) is better than the 6 months asked for, and is kept" in \
        messages


def test_a_letter_that_denies_any_term_of_employment_is_at_will(tmp_path):
    """Reed (audit 5): "nothing herein shall be construed as ... a contract of employment for either a definite or
    indefinite time" makes employment at will without saying so; the term was rated ok."""
    term = _reviewed(tmp_path, [
        "Dear Dr. Reed:", "We are pleased to offer you the position of Medical Director.",
        "This letter constitutes the entire understanding of the terms of your employment. In addition, nothing herein "
        "shall be construed as, or interpreted to constitute, the terms of a contract of employment for either a "
        "definite or indefinite time."]).finding("term")
    assert term.assessment == "weak" and "it can end at any time, with no term at all" in term.message


def test_a_section_that_is_not_the_clause_is_reported_missing_as_the_plan_treats_it(tmp_path):
    """Slingerbag, Burch (audit): the review table called a confidentiality section that assigns nothing 'weak: the
    assignment has no carve-outs' ('replace it with our wording'), while the plan, by the clause's present_if, treated
    the IP clause as missing and inserted the carve-outs. The review now says missing, and why."""
    paragraphs = ["CONSULTING AGREEMENT",
                  "1. Services. Consultant shall advise the Company on clinical strategy.",
                  "2. Confidentiality. Consultant shall not disclose the Company's confidential information, "
                  "including its inventions, discoveries and trade secrets, during or after the engagement.",
                  "3. Governing Law. This Agreement is governed by the laws of New Jersey."]
    found = _reviewed(tmp_path, paragraphs).finding("intellectual-property")
    assert (found.status, found.assessment) == ("found", "missing")
    assert found.message == ("The section speaks of the topic, but nothing in the contract assigns or owns "
                             "inventions or work product: treated as missing; the library has intellectual property "
                             "wording to insert.")
    assert suggested_action(found, LIBRARY) == "insert our intellectual property clause"
    edits, messages = _plan_of(tmp_path, paragraphs)
    assert edits["intellectual-property"].kind == "insert"
    assert "intellectual-property: section '2. Confidentiality' speaks of the topic, but nothing in the contract " \
           "assigns or owns inventions or work product; treated as missing, and that part is left as it is" in messages


def test_an_ip_clause_found_only_in_an_exhibit_is_reported_missing_as_the_plan_treats_it(tmp_path):
    """Emerald (audit): the review called the IP definitions of Schedule A 'ok: keep it', while the plan treated the
    clause as missing and inserted the carve-outs in the body."""
    paragraphs = ["CONSULTING AGREEMENT",
                  "1. Services. Consultant shall advise the Company on clinical strategy.",
                  "2. Fees. The Company shall pay Consultant $10,000 per month.",
                  "IN WITNESS WHEREOF, the parties have signed this Agreement.",
                  "By: ______________________",
                  "SCHEDULE A - DEFINITIONS",
                  "Intellectual Property means all inventions, works of authorship and prior inventions, which are "
                  "owned by the Company, except those listed in Exhibit B."]
    found = _reviewed(tmp_path, paragraphs).finding("intellectual-property")
    assert (found.status, found.assessment) == ("found", "missing")
    assert found.message.startswith("The section is past the agreement's own clauses (in an exhibit, a schedule or "
                                    "the signature block): treated as missing")
    edits, _ = _plan_of(tmp_path, paragraphs)
    assert edits["intellectual-property"].kind == "insert"


def test_a_check_message_quotes_the_drafts_own_words_not_examples_it_may_not_use(tmp_path):
    """Metz (seventh session): growth-path was weak for 'Growth is left to the Employer's discretion ("may be
    considered", "from time to time")' where the draft says only "at the sole discretion of the EMPLOYER"; a reader
    takes quoted words for the draft's. The message now quotes what the check found, in whole words, the draft's own
    quotation marks made single, a long match cut to its ends and short of a parenthesis it ends inside."""
    reviewed = _reviewed(tmp_path, [
        "EMPLOYMENT AGREEMENT",
        "1. Duties. Physician shall perform clinical services and such other duties as may be assigned by the CMO.",
        "2. Base Salary. Employer shall pay Physician a base salary of $250,000. Physician will be eligible to receive "
        "annual salary increases at the sole discretion of the EMPLOYER.",
        "3. Equity. Physician may be granted options to purchase shares under the Company's equity compensation plan "
        "(the \"Equity Plan\") on terms the Board sets."])
    growth = reviewed.finding("growth-path").message
    assert '("sole discretion")' in growth and "may be considered" not in growth and "from time to time" not in growth
    assert '("other duties as may be assigned")' in reviewed.finding("fte-split").message
    equity = reviewed.finding("equity").message
    assert '("may be granted options to purchase ... the Company\'s equity compensation plan")' in equity, equity


def test_figures_are_named_as_a_reader_names_them_and_a_figure_read_twice_once(tmp_path):
    """Metz (seventh session): "The contract states target total $250,000, amount $250,000." where the draft states
    one base salary, read for both; the review table also offered to "insert our cme allowance ... clause"."""
    reviewed = _reviewed(tmp_path, [
        "EMPLOYMENT AGREEMENT",
        "1. Base Salary. The Employer agrees to pay Employee an annual base salary of $250,000.",
        "2. Compensation of the Program. Employer shall pay Physician a stipend of $36,000 a year for the program."])
    salary = reviewed.finding("base-salary")
    assert salary.message.startswith("The contract states base salary $250,000. "), salary.message
    assert "total compensation $250,000" not in salary.message and "amount" not in salary.message
    assert reviewed.finding("leadership-stipend").message.startswith("The contract states stipend $36,000.")
    cme = reviewed.finding("cme-allowance")
    assert suggested_action(cme, LIBRARY) == "insert our CME allowance and conference time clause"


def test_a_contractors_annual_fee_is_the_engagements_pay(tmp_path):
    """CUAD's Emerald consulting agreement pays "an annual fee (the "Fee") of $240,000", under "10. Fee.": the review
    found no pay at all (base salary amount 0 of 8 in the CUAD evaluation), so the letter could not compare the fee
    it asks for with the draft's."""
    reviewed = _reviewed(tmp_path, [
        "CONSULTING AGREEMENT",
        'This Agreement is made between Acme Health, Inc. (the "Company") and Jane Roe, M.D. (the "Contractor").',
        "1. Engagement. The Company engages the Contractor to provide clinical informatics services.",
        '2. Fee. The Company will pay to the Contractor an annual fee (the "Fee") of $240,000 per year, payable '
        "monthly in arrears."])
    finding = reviewed.finding("base-salary")
    assert finding.status == "found" and finding.parameters["amount_usd"] == 240000


def test_a_cure_period_in_a_sibling_sub_paragraph_makes_a_breach_curable_and_the_message_quotes_the_draft(tmp_path):
    """Mcgrane (audit): 'Breach of the Agreement or of a policy is immediate cause with no chance to cure' while
    4(c)(iii) gives ten days to cure the breaches 4(c)(ii) makes cause; Eshelman's cause, 'breached any of the
    material terms of this Agreement', was said to include a breach 'of a policy' it never names."""
    head = ["EMPLOYMENT AGREEMENT", "1. Position. The Executive shall serve as Chief Medical Officer.",
            "2. Salary. The Company shall pay the Executive a salary of $300,000 per year.",
            "3. Benefits. The Executive may take part in the Company's benefit plans.",
            "4. Termination.",
            "(i) Upon the death of the Executive, this Agreement shall terminate and the Company shall pay the "
            "Executive's estate the Executive's accrued salary and benefits.",
            "(ii) If the Executive is disabled for ninety days in any year, the Company may terminate this Agreement "
            "and shall pay the Executive's accrued salary and benefits.",
            "(iii) The Company may terminate the Executive's employment without cause on thirty days' notice, and "
            "shall then pay the Executive twelve months of salary as severance.",
            "(iv) The Executive may resign on sixty days' notice.",
            "(v) As used in this Agreement, the term \u201cCause\u201d shall mean: (A) the Executive's commission of "
            "a felony; or (B) any breach by the Executive of this Agreement."]
    cure = "(vi) With respect to B above, the Executive shall have ten days after notice is given to cure."
    tail = ["5. Confidentiality. The Executive shall keep the Company's information confidential.",
            "6. Governing Law. This Agreement is governed by the laws of Delaware.",
            "7. Notices. Notices shall be in writing.", "8. Entire Agreement. This is the entire agreement."]
    curable = _reviewed(tmp_path, head + [cure] + tail).finding("termination-for-cause")
    assert curable.status == "found" and "no chance to cure" not in curable.message
    bare = _reviewed(tmp_path, head + tail).finding("termination-for-cause")
    assert 'Cause includes "breach by the Executive of this Agreement", with no chance to cure.' in bare.message
    assert "policy" not in bare.message


def test_a_cure_period_in_a_section_of_its_own_beside_the_definition_of_cause_is_read(tmp_path):
    """Wasiewski, Baan, Nelson, Slingerbag, read back: our redline adds "10A. Termination for Cause. Before the
    Company terminates ... within forty-five (45) days" beside the draft's definition of Cause. Reviewed again, the
    definition was still "with no chance to cure": a section whose heading names cause was passed over as another
    ground of termination, as it is for termination without cause."""
    head = ["EMPLOYMENT AGREEMENT", "1. Position. The Executive shall serve as Chief Medical Officer.",
            "2. Salary. The Company shall pay the Executive a salary of $300,000 per year.",
            "3. Termination of Employment.",
            "(a) Without Cause. The Company may terminate the Executive's employment without Cause on ninety (90) "
            "days' written notice.",
            "(b) Cause. For purposes of this Agreement, \u201cCause\u201d shall mean: (i) any material breach of this "
            "Agreement by the Executive; (ii) the Executive's commission of a felony; or (iii) fraud or willful "
            "misconduct in the performance of the Executive's duties."]
    cure = ("3A. Termination for Cause. Before the Company terminates this Agreement for a breach, a failure to "
            "perform, or any other ground of the Executive's conduct that can be cured, the Company shall give the "
            "Executive written notice describing the ground in reasonable detail, and the termination may take "
            "effect only if the Executive has not cured it within forty-five (45) days after receiving that notice.")
    tail = ["4. Confidentiality. The Executive shall keep the Company's information confidential.",
            "5. Governing Law. This Agreement is governed by the laws of Delaware."]
    cured = _reviewed(tmp_path, head + [cure] + tail).finding("termination-for-cause")
    assert cured.status == "found" and cured.parameters == {"cure_days": 45}
    assert "no chance to cure" not in cured.message
    bare = _reviewed(tmp_path, head + tail).finding("termination-for-cause")
    assert bare.parameters == {} and "with no chance to cure" in bare.message
    # the without-cause notice is not read from the for-cause section, nor the cure period as a notice
    assert _reviewed(tmp_path, head + [cure] + tail).finding("termination-without-cause").parameters == \
        {"notice_days": 90}


def test_a_clause_that_says_it_applies_notwithstanding_anything_to_the_contrary_is_the_one_read(tmp_path):
    """A clause inserted beside the draft's own that says its terms apply notwithstanding anything to the contrary
    (as our redline writes them) governs where the two differ, so a second review reads its figure; a draft's own
    "Notwithstanding anything to the contrary in this Agreement, ..." opening another section is no such clause."""
    head = ["EMPLOYMENT AGREEMENT", "1. Position. The Physician shall serve as Medical Director of Informatics.",
            "2. Salary. The Company shall pay the Physician a salary of $300,000 per year.",
            "3. Severance. If the Company terminates the Physician's employment without cause, the Company shall pay "
            "the Physician severance equal to three (3) months of base salary."]
    ours = ("3A. Severance. If the Company terminates the Physician's employment without cause, the Company shall "
            "pay the Physician severance equal to nine (9) months of base salary. The terms of this paragraph apply "
            "notwithstanding anything to the contrary in this Agreement.")
    theirs = ("8. Severance Offset. Notwithstanding anything to the contrary in this Agreement, severance equal to "
              "one (1) month of base salary shall be withheld until the Physician returns all Company property.")
    tail = ["9. Governing Law. This Agreement is governed by the laws of Ohio."]
    assert _reviewed(tmp_path, head + [ours] + tail).finding("severance").parameters["months"] == 9
    drafted = _reviewed(tmp_path, head + [theirs] + tail).finding("severance")
    assert drafted.parameters["months"] == 3 and drafted.heading.startswith("3. Severance")


def test_severance_speaks_of_non_renewal_only_where_the_agreement_has_a_term(tmp_path):
    """Wood (audit): the at-will letter, which has no term, was to pay severance if the Company 'does not renew this
    letter for reasons other than cause'; a draft with a term keeps that case."""
    def severance(paragraphs):
        edits, _ = _plan_of(tmp_path, paragraphs, asks={"severance": {"months": 9}})
        return " ".join(p.text for p in edits["severance"].new_paragraphs)

    at_will = severance(["EMPLOYMENT AGREEMENT", "1. Position. The Physician shall serve as Medical Director.",
                         "2. Employment at Will. Employment is at will and either party may end it at any time."])
    assert "terminates" in at_will and "renew" not in at_will
    termed = severance(["EMPLOYMENT AGREEMENT", "1. Position. The Physician shall serve as Medical Director.",
                        "2. Term. This Agreement has a term of three (3) years and renews for one-year terms."])
    assert "does not renew this Agreement for reasons other than cause" in termed


def test_a_cure_period_beside_the_definition_of_cause_is_lengthened_not_a_list_inserted(tmp_path):
    """Mcgrane (audits): 'Termination for Cause.' came between 4(c)(ii), which defines cause, and 4(c)(iii), 'With
    respect to E and F above ...'; then after the run, as a second, broader definition beside the draft's. The draft's
    definition stays, and the ten days to cure in 4(c)(iii) become the thirty asked."""
    paragraphs = [
        "EMPLOYMENT AGREEMENT", "1. Position. The Executive shall serve as Chief Medical Officer.",
        "2. Salary. The Company shall pay the Executive a salary of $300,000 per year.",
        "3. Benefits. The Executive may take part in the Company's benefit plans.", "4. Termination.",
        "(i) Upon the death of the Executive, this Agreement shall terminate and the Company shall pay the "
        "Executive's estate the Executive's accrued salary and benefits.",
        "(ii) As used in this Agreement, the term \u201cCause\u201d shall mean: (A) the Executive's commission of a "
        "felony; (B) any conduct the Board deems detrimental to the Company; or (C) any breach by the Executive of "
        "this Agreement.",
        "(iii) With respect to C above, the Executive shall have ten days after notice is given to cure.",
        "(iv) If the Company terminates the Executive's employment for Cause, the Company shall pay the Executive's "
        "accrued salary.",
        "(d) Termination Without Cause. The Company may terminate the Executive's employment on thirty days' notice "
        "and shall then pay the Executive twelve months of salary as severance.",
        "5. Confidentiality. The Executive shall keep the Company's information confidential.",
        "6. Governing Law. This Agreement is governed by the laws of Delaware.",
        "7. Notices. Notices shall be in writing.", "8. Entire Agreement. This is the entire agreement."]
    edits, messages = _plan_of(tmp_path, paragraphs, asks={"termination-for-cause": {"cure_days": 30}})
    # the draft defines cause: no list of ours goes in beside it (attorney audit); its cure period in (iii), read
    # beside (ii), is what changes
    edit = edits["termination-for-cause"]
    assert edit.kind == "modify" and not edit.new_paragraphs
    (change,) = edit.changes
    assert change.after.startswith("(iii) With respect to C above, the Executive shall have thirty (30) days")


def test_a_clause_inserted_beside_a_sentence_that_governs_part_of_it_says_it_prevails(tmp_path):
    """Safavi (audit): 'Termination for Cause' was inserted beside 'either the Employee or the Company may terminate
    the relationship at any time', which stays, with nothing saying which governs; a draft that says nothing of
    ending the employment gets no precedence sentence."""
    head = ["EMPLOYMENT AGREEMENT", "1. Position. The Physician shall serve as Medical Director.",
            "2. Salary. The Company shall pay the Physician a salary of $300,000 per year."]
    asks = {"termination-for-cause": {"cure_days": 30}}
    edits, _ = _plan_of(tmp_path, head + ["3. Employment. Either the Physician or the Company may terminate the "
                                          "relationship at any time."], asks)
    edit = edits["termination-for-cause"]
    assert edit.kind == "insert"
    assert edit.new_paragraphs[-1].text.endswith("apply notwithstanding anything to the contrary in this Agreement.")
    assert ("The sentence 'Either the Physician or the Company may terminate the relationship at any time.' stays "
            "as drafted; where the two differ, this clause governs.") in edit.comment
    edits, _ = _plan_of(tmp_path, head, asks)
    assert "notwithstanding" not in edits["termination-for-cause"].new_paragraphs[-1].text
    assert "governs" not in edits["termination-for-cause"].comment


def test_a_figure_kept_where_nothing_was_asked_of_it_is_not_better_than_zero():
    """Nelson, Slingerbag (seventh session): "the contract's notice (30 days) is better than the 0 days our wording
    proposes": the for-cause notice is asked of no one, and our wording keeps the draft's."""
    clause = LIBRARY.get("termination-for-cause")
    values, notes = no_step_back(clause, {"cure_days": 30, "notice_days": 0}, {"notice_days": 30}, own=())
    assert values["notice_days"] == 30
    assert notes == ["the contract's notice (30 days) is kept"]


@pytest.mark.parametrize("sentence, theirs", [
    # Brown (audit): the employer's right to be indemnified for its own losses
    ("Accordingly, the Company shall be entitled to (i) an injunction in case of any breach of Employee's covenants "
     "under Section 8, and (ii) indemnification against any other losses, damages, costs and expenses, including "
     "attorneys' fees, incurred by the Company in obtaining any damages or injunctive relief.", True),
    ("Employee shall indemnify and hold harmless the Company from all claims arising from Employee's breach.", True),
    # Clancey (audit): a third party's cover, nothing of the physician's
    ("The Company agrees to indemnify and hold harmless the Accounting Firm from all claims relating to its "
     "determinations.", False),
])
def test_an_indemnification_of_the_employer_or_a_third_party_is_not_the_physicians(tmp_path, sentence, theirs):
    """Brown and Clancey (audit): a section in which the physician indemnifies the employer, or the employer a third
    party, was reviewed as the physician's own indemnification ('does not reach informatics decisions ... add our
    wording beside it'). It is reported missing, and a promise of the physician's to indemnify is said."""
    paragraphs = ["EMPLOYMENT AGREEMENT", "1. Duties. Employee shall serve as Chief Medical Information Officer.",
                  f"10. Remedies. {sentence}", "11. Governing Law. This Agreement is governed by the laws of Ohio."]
    found = _reviewed(tmp_path, paragraphs).finding("indemnification")
    assert (found.status, found.assessment) == ("found", "missing")
    assert found.message.startswith("The section speaks of the topic, but nothing in the contract indemnifies the "
                                    "physician or holds the physician harmless: treated as missing;")
    assert ("The Physician indemnifies the Employer." in found.message) is theirs
    ours = _reviewed(tmp_path, [*paragraphs, "12. Indemnification. The Company shall indemnify and hold the Employee "
                                             "harmless against all claims arising from the Employee's services."])
    assert ours.finding("indemnification").assessment == "weak"


def test_the_memo_says_the_physician_indemnifies_the_employer_where_the_letter_does_not_raise_it(tmp_path):
    """Brown (attorney audit): only the review said that the physician indemnifies the Company ("the Company shall be
    entitled to ... indemnification against any other losses ... incurred by the Company"); the memo, where the
    section is read as lacking the clause and the profile asks nothing of it, said nothing."""
    paragraphs = ["EMPLOYMENT AGREEMENT", "1. Duties. Employee shall serve as Chief Medical Information Officer.",
                  "10. Enforcement by Injunction. Accordingly, the Company shall be entitled to (i) an injunction in "
                  "case of any breach of Employee's covenants under Section 8, and (ii) indemnification against any "
                  "other losses, damages, costs and expenses, including attorneys' fees, incurred by the Company in "
                  "obtaining any damages or injunctive relief.",
                  "11. Governing Law. This Agreement is governed by the laws of Ohio."]
    memo = _memo_of(tmp_path, paragraphs, 6)
    assert "- **indemnification** (10. Enforcement by Injunction): The Physician indemnifies the Employer." in memo
    assert "treated as missing" not in memo
    # its reason fits any indemnity the physician gives, not only malpractice (verification audit: Brown's covers the
    # costs of enforcing its covenants)
    assert "Malpractice" not in memo and "a mutual indemnity" in " ".join(memo.split())


def test_a_covenants_duration_row_is_not_the_term(tmp_path):
    """The OpenAgreements Massachusetts covenant agreement (audit): the term was rated 'ok' from a cover-terms row
    "Duration | 24 months" under "Employee Non-Solicitation", which says how long a covenant lasts, not the
    employment; a row captioned "Term" is the term."""
    import docx

    def reviewed(caption: str):
        d = docx.Document()
        d.add_paragraph("Employee Restrictive Covenant Agreement")
        d.add_paragraph("Cover Terms")
        table = d.add_table(rows=0, cols=2)
        for row in (("Governing Law", "Massachusetts"), ("Employee Non-Solicitation", ""), (caption, "24 months"),
                    ("Non-Competition", ""), ("Restricted Territory", "the area in which Employee provided services")):
            cells = table.add_row().cells
            cells[0].text, cells[1].text = row
        d.add_paragraph("Standard Terms")
        d.add_paragraph("Employee must not Solicit any Covered Employee during the Restricted Period.")
        d.save(str(tmp_path / "cover.docx"))
        return review(read_blocks(Package.open(tmp_path / "cover.docx")), LIBRARY, None, "cover.docx")

    assert reviewed("Duration").finding("term").status == "missing"
    assert reviewed("Term").finding("term").status == "found"


#: URS's agreement with Nelson (held-out-5): severance is captioned only under a change in control; what the
#: Company's termination for its convenience pays is "a lump sum payment equal to six months of base compensation",
#: under a caption that never says severance.
_LUMP_SUM = [
    "EMPLOYMENT AGREEMENT",
    "1. Termination of Employment.",
    "(a) Early Termination. The Company may terminate the Employee's employment by giving the Employee 30 days' "
    "advance notice in writing.",
    "2. Change in Control.",
    "(a) Severance Payment. If, at any time after the occurrence of a Change in Control, the Company terminates the "
    "Employee's employment for any reason other than Cause, then the Employee shall be entitled to receive a "
    "severance payment from the Company (the \"Severance Payment\").",
    "3. Involuntary Termination Without Cause.",
    "(a) Payment. In the event that, within the first 24 months following the Employee's first day of employment "
    "with the Company, the Company terminates the Employee's employment for the convenience of the Company, and not "
    "for Cause or Disability, and Section 2 does not apply, then the Employee shall be entitled to receive a lump "
    "sum payment equal to six months of base compensation, reduced by applicable income and payroll taxes.",
    "4. Governing Law. This Agreement is governed by the laws of California."]


def test_a_lump_sum_of_months_of_pay_on_a_termination_for_convenience_is_the_severance(tmp_path):
    """Nelson (eighth session): "a lump sum payment equal to six months of base compensation" on the Company's
    termination for its convenience was not read as severance, and the letter asked for 9 months "where the draft
    states none"; it is six months of severance, and the letter compares the ask with them."""
    found = _reviewed(tmp_path, _LUMP_SUM, _severance_profile(9)).finding("severance")
    assert found.parameters == {"months": 6}
    severance = _plan_of(tmp_path, _LUMP_SUM, {"severance": {"months": 9}})[0]["severance"]
    # paid only within the first 24 months (audit9): the letter asks that it apply throughout
    assert severance.comment.startswith("Severance extended to 9 months (from 6), and the letter asks that it be paid "
                                        "on a termination at any time in the employment, not only early in it;")
    (change,) = severance.changes
    assert change.after == change.before.replace("six months of base", "nine (9) months of base")
    assert "rather than 6, with" in severance.request and "include severance" not in severance.request


NELSON = ROOT / "eval" / "contracts" / "heldout5" / "102379_2000-09-12_URS_NELSON_EMPLOYMENT_AGREEMENT.txt"


def test_severance_read_from_the_termination_without_cause_is_located_there(tmp_path, txt2docx):
    """Nelson (verification audit, profiles B, D, E): the review and the memo said "severance 6 months" under
    "Change in Control > Severance Payment", which pays twelve months and only after a change in control; the six
    months, paid only in the first 24 months, are those of "4. Involuntary Termination Without Cause", where the
    plan edits them. The finding is now headed, quoted and edited there."""
    from counterdraft.plan import make_plan

    contract = txt2docx.convert(NELSON, tmp_path / "nelson.docx")
    profile = load_profile(ROOT / "samples" / "profile-hospitalist.yaml")
    reviewed = review(read_blocks(Package.open(contract)), LIBRARY, profile, "nelson.docx")
    found = reviewed.finding("severance")
    assert (found.heading, found.parameters) == ("Involuntary Termination Without Cause", {"months": 6})
    assert "a lump sum payment equal to six months of base compensation" in found.text
    assert "Change in Control, the Company terminates" not in found.text
    plan = make_plan(reviewed, LIBRARY, profile, "nelson.docx", "me", "2026-01-01T00:00:00Z")
    edit = next(e for e in plan.edits if e.clause_id == "severance")
    assert edit.heading == found.heading
    assert "nine (9) months of base compensation" in edit.changes[0].after


@pytest.mark.parametrize("sentence, quoted", [
    # Moylan (eighth session): the quotation ended 'under Sections', at the 60 characters the pattern reads
    ("If you fail to observe or perform any of your duties and obligations under Sections 3, 4, 5, 6 or 7 of the PRGS "
     "Employee Agreement, you will forfeit any right to severance.",
     "fail to observe or perform any ... duties and obligations under Sections 3, 4, 5, 6 or 7 of the PRGS Employee "
     "Agreement"),
    # the pattern stops at a comma, which here is inside the list of sections
    ("Cause means any breach by the Executive of Section 4(c)(ii), 5 and 6, or a felony.",
     "breach by the Executive of Section 4(c)(ii), 5 and 6"),
    ("Cause means any breach by the Executive of this Agreement.", "breach by the Executive of this Agreement"),
])
def test_a_quotation_never_ends_inside_a_reference_to_sections(sentence, quoted):
    from counterdraft.review import quote

    check = next(c for c in LIBRARY.get("termination-for-cause").checks if c.pattern and "breach" in c.pattern)
    assert quote(check, sentence) == quoted


#: Grigg's letter agreement (held-out): the only target it states is one for the rest of his first payroll year.
_STUB_TARGET = [
    "Dear Mr. Grigg:",
    "1. Base Salary. Your Base Salary will be paid at an annual rate of $600,000.",
    "2. Annual Bonus. You will be eligible to receive an annual bonus each year under the Short-Term Incentive "
    "Program. Your annual short-term target opportunity will be set by the Compensation Committee of the Board of "
    "Directors. For the remainder of the 2004 payroll year your target bonus opportunity will be 70% of the Base "
    "Salary paid to you during that time.",
    "3. Term. This Agreement will expire three (3) years from the Effective Date.",
    "Sincerely,", "Anthony J. Alexander"]


def test_a_target_stated_for_one_period_alone_is_said_to_be_so(tmp_path):
    """Grigg (eighth session): the letter asked to "keep the draft's incentive target of 70%", which the draft
    states only "for the remainder of the 2004 payroll year", leaving later years to a committee: the target is read
    (the eval labels it), and the review, the memo and the letter say for what period it is stated."""
    found = _reviewed(tmp_path, _STUB_TARGET).finding("bonus-incentive")
    assert found.parameters["target_percent"] == 70
    assert found.message.startswith("The contract states target 70% (for the remainder of the 2004 payroll year only).")
    bonus = _plan_of(tmp_path, _STUB_TARGET, {"bonus-incentive": {"target_percent": 20}})[0]["bonus-incentive"]
    assert bonus.request.startswith("Could the incentive target of 70% of base salary, which the draft states only for "
                                    "the remainder of the 2004 payroll year, be the target for every year")
    assert "70% of Base Salary, stated only for the remainder of the 2004 payroll year, be the target for every " \
           "year" in bonus.comment
    # a target the draft states for every year says nothing of a period
    every = [p.replace("For the remainder of the 2004 payroll year your", "Your") for p in _STUB_TARGET]
    assert "only" not in _plan_of(tmp_path, every, {"bonus-incentive": {"target_percent": 20}})[0][
        "bonus-incentive"].request


def test_pay_the_board_may_adjust_but_never_below_the_figure_cannot_shrink(tmp_path):
    """Eighth audit, Baan: "subject to adjustment at the discretion of the Board ..., but in no event shall the Company
    pay the Executive a Base Salary less than that set forth above" was called pay that "can shrink from year to
    year"; without the floor it can."""
    head = ["EMPLOYMENT AGREEMENT", "1. Duties. The Executive shall serve as Chief Medical Officer."]
    pay = "2. Compensation. The Company shall pay the Executive a base salary at the rate of $300,000 per annum. " \
          "The Base Salary will be reviewed annually and is subject to adjustment at the discretion of the Board"
    floored = _reviewed(tmp_path, head + [pay + ", but in no event shall the Company pay the Executive a Base Salary "
                                                "less than that set forth above."]).finding("base-salary")
    assert "can shrink" not in floored.message
    open_ended = _reviewed(tmp_path, head + [pay + "."]).finding("base-salary")
    assert "can shrink from year to year" in open_ended.message


def test_the_duty_to_devote_ones_time_and_not_compete_while_employed_is_not_the_non_compete(tmp_path):
    """Steel (audit): "III. DUTIES." B, a duty during employment, was reported as the non-compete ("does not state
    duration or radius"); the topic is the covenant after employment ends, which Steel does not have."""
    duties = ("B. The Executive agrees to devote substantially all of his time, energy and ability to the business of "
              "the Company and shall not be involved in the operations or management of any other competitive "
              "business.")
    head = ["EMPLOYMENT AGREEMENT", "III. DUTIES.",
            "A. The Executive shall serve during the course of his employment as Chief Financial Officer.", duties]
    finding = _reviewed(tmp_path, head + ["IV. GOVERNING LAW.", "California law governs."]).finding(
        "non-compete")
    assert finding.assessment == "missing" and "after employment ends" in finding.message
    after = ("C. For twelve (12) months after his employment ends, the Executive shall not engage in any competitive "
             "business.")
    finding = _reviewed(tmp_path, head + [after, "IV. GOVERNING LAW.", "California law governs."]).finding(
        "non-compete")
    assert finding.assessment != "missing" and finding.parameters.get("duration_months") == 12


def test_inventions_made_available_to_the_company_after_employment_are_a_broad_assignment(tmp_path):
    """Baan (audit): "10. Inventions", which makes the inventions of two years after employment available to the
    Company, was reported as no invention assignment at all (the carve-outs inserted beside it as if it assigned
    nothing); it is the clause, and a weak one."""
    finding = _reviewed(tmp_path, [
        "EMPLOYMENT AGREEMENT", "1. Position. The Executive shall serve as Chief Executive Officer.",
        "10. Inventions.",
        "With respect to inventions, proposals for technical improvements and copyright protected works of "
        "Executive, the statutory regulations which are applicable to employees shall apply accordingly. "
        "Furthermore, unless prohibited by law, Executive will make available to the Company all inventions made "
        "within two years after the termination of his employment if such inventions stem from with his services "
        "for the Company or are significantly based on the Company’s know-how or operations.",
        "11. Governing Law. This Agreement shall be governed by the laws of Switzerland."]).finding(
        "intellectual-property")
    assert finding.assessment == "weak"
    assert "inventions made after employment ends" in finding.message


STEEL = ROOT / "eval" / "contracts" / "heldout4" / "1014733_2001-08-14_POINT360_STEEL_EMPLOYMENT_AGREEMENT.txt"


def test_serving_as_a_director_or_trustee_of_other_businesses_is_an_outside_activity(tmp_path, txt2docx):
    """Steel (audit 10): "III. DUTIES." B lets the Executive, with the Board's approval, serve "as a director or
    trustee of other corporations or businesses which are not in competition", board service outside the job, yet
    the review reported outside activities missing: no cue of the topic named it."""
    contract = txt2docx.convert(STEEL, tmp_path / "steel.docx")
    found = review(read_blocks(Package.open(contract)), LIBRARY, None, "steel.docx").finding("outside-activities")
    assert found.assessment != "missing"
    assert "serving as a director or trustee of other corporations" in " ".join(found.text.split())


PHYSICIAN_SET = ROOT / "eval" / "contracts" / "physician"


def _physician(txt2docx, tmp_path, name: str, form: str, profile=None):
    """The review of one of the physician set's agreements, made DOCX in `form`."""
    contract = txt2docx.convert(PHYSICIAN_SET / name, tmp_path / "contract.docx", form)
    return review(read_blocks(Package.open(contract)), LIBRARY, profile, "contract")


@pytest.mark.parametrize("form", ["plain", "bold"])
def test_an_academic_informatics_offer_is_read_by_its_own_terms(tmp_path, txt2docx, form):
    """The physician set's academic offer letter (an Associate CMIO at 0.4 clinical / 0.6 informatics FTE), on its
    first run: the split was read as 2.0 / 2.0 from "two clinical analysts (2.0 FTE)", the faculty appointment's
    "initial term of three years" as a 36-month term of an at-will employment, the delivery line "PERSONAL AND
    CONFIDENTIAL" as the confidentiality clause; the program's discontinuation, the analysts and the two months'
    notice to end the employment were not found."""
    found = {f.topic: f for f in _physician(txt2docx, tmp_path, "ph2-amc-informatics-offer.txt", form).review.findings}
    split = found["fte-split"]
    assert split.text.startswith("Position and Effort. Your appointment is a hybrid role")
    assert split.parameters == {"clinical_fte": 0.4, "informatics_fte": 0.6}
    assert found["term"].text.startswith("Nature of Employment. Your employment with NUH is at will")
    assert "initial_term_months" not in found["term"].parameters
    assert found["confidentiality"].text.startswith("Confidentiality. You will have access to patient records")
    assert found["program-discontinuation"].text.startswith("Program Changes. If NUH eliminates the Associate CMIO")
    assert found["analytics-support"].text.startswith("Analytics and Team Support.")
    assert found["termination-without-cause"].parameters == {"notice_days": 60}
    assert "NUH may end your employment immediately, without notice, for serious misconduct" in \
        found["termination-for-cause"].text


def test_a_wrvu_threshold_prorated_only_for_partial_years_is_not_scaled_to_the_clinical_fte(tmp_path, txt2docx):
    """The physician set's hospitalist agreement: "an annual threshold of 4,800 work RVUs ..., prorated for any
    partial Contract Year and for any approved leave" was taken for a target tied to the clinical FTE, so the review
    said it met the hospitalist profile's asks (4,200 at 1.0 FTE, 0.6 clinical) and the letter asked nothing."""
    profile = load_profile(ROOT / "samples" / "profile-hospitalist.yaml")
    finding = _physician(txt2docx, tmp_path, "ph1-hospital-hospitalist.txt", "headings", profile).finding(
        "productivity-rvu")
    assert finding.parameters == {"annual_wrvu_target": 4800}
    assert finding.assessment == "weak"
    assert finding.message.endswith("The productivity target is not tied to the clinical FTE. The stated target is "
                                    "above the 2,520 wRVUs that a 4,200 wRVU full-time target comes to at 0.6 "
                                    "clinical FTE.")


def test_a_stipend_for_each_committee_chaired_is_no_leadership_stipend(tmp_path, txt2docx):
    """ph1's Exhibit A pays "$3,000 per year for each hospital committee Physician is appointed to chair": the review
    read it as the leadership stipend, so the letter told the employer "the draft's own figures come to $293,000 in
    cash" and the memo "Raises the leadership stipend to $70,000 a year (from $3,000)". It is set aside, saying why,
    also where the stipend is judged again against the one the letter asks for."""
    from counterdraft.compensation import offered

    profile = load_profile(ROOT / "samples" / "profile-hospitalist.yaml")
    reviewed = _physician(txt2docx, tmp_path, "ph1-hospital-hospitalist.txt", "headings", profile)
    stipend = reviewed.finding("leadership-stipend")
    assert stipend.status == "found" and stipend.parameters == {}
    said = ("The $3,000 the contract states is paid for each committee (or meeting) the Physician chairs or attends, "
            "not as a fixed stipend for the leadership duties, so it is not counted as one.")
    assert stipend.message.endswith(said)
    drafted = offered(reviewed.review, profile)
    assert drafted.stipend is None and drafted.cash is None and drafted.base.text == "$290,000"
    rejudge(reviewed, LIBRARY.by_topic("leadership-stipend"), profile, {"amount_usd": 70000})
    assert stipend.message == f"The clause does not state stipend (you ask for $70,000). {said}"


@pytest.mark.parametrize("sentence, why", [
    ("If Physician is appointed Medical Director of the Hospitalist Program, Employer shall pay Physician an annual "
     "stipend of $40,000.", "is paid only if the Physician is appointed to the role, which the contract does not "
                           "promise"),
    ("Physician shall receive a stipend of $500 per committee meeting attended.",
     "is paid for each committee (or meeting) the Physician chairs or attends"),
])
def test_a_stipend_paid_on_an_appointment_or_per_meeting_is_set_aside(tmp_path, sentence, why):
    """Neither is pay for the leadership duties the physician can count on; a stipend for the role itself is read."""
    paragraphs = ["EMPLOYMENT AGREEMENT", "4. Compensation.", "Employer shall pay Physician a base salary of $300,000.",
                  sentence]
    finding = _reviewed(tmp_path, paragraphs).finding("leadership-stipend")
    assert "amount_usd" not in finding.parameters and why in finding.message
    paragraphs[-1] = "Employer shall pay Physician an annual stipend of $40,000 for the medical director duties."
    assert _reviewed(tmp_path, paragraphs).finding("leadership-stipend").parameters == {"amount_usd": 40000}


def test_a_medical_directors_hourly_rate_is_no_annual_fee(tmp_path, txt2docx):
    """The physician set's medical-director services agreement pays "Two Hundred Twenty-Five Dollars ($225.00) per
    hour" and expects "monthly fees of approximately ... ($7,875.00)": the review read an annual fee of $225, then of
    $7,875, and the letter told the employer the redline left "the draft's annual fee of $225" as it was."""
    reviewed = _physician(txt2docx, tmp_path, "ph4-medical-director-services.txt", "headings")
    pay = reviewed.finding("base-salary")
    assert pay.status == "found" and "($225.00) per hour" in pay.text
    assert "amount_usd" not in pay.parameters


def test_a_groups_pay_by_collections_is_its_productivity_clause(tmp_path, txt2docx):
    """The physician set's cardiology group pays "forty-two percent (42%) of the net professional collections" under
    "3.3 Production Compensation After the Guarantee Period"; the productivity clause was reported missing."""
    finding = _physician(txt2docx, tmp_path, "ph3-group-practice.txt", "headings").finding("productivity-rvu")
    assert finding.status == "found"
    assert "42%) of the net professional collections attributable to services Physician personally performed" in \
        finding.text


def _headed(tmp_path, title: str, *sections: tuple[str, list[str]]):
    """The review of a contract with a title and headed sections, each (heading, paragraphs), as Word styles them."""
    import docx

    d = docx.Document()
    d.add_heading(title, 0)
    for heading, paragraphs in sections:
        d.add_heading(heading, 1)
        for text in paragraphs:
            d.add_paragraph(text)
    d.save(str(tmp_path / "headed.docx"))
    return review(read_blocks(Package.open(tmp_path / "headed.docx")), LIBRARY, None, "headed.docx")


def test_a_contract_either_side_may_cancel_lets_the_employer_end_it_and_a_probations_notice_is_not_its_notice(
        tmp_path):
    """Nothing AG's work contract (held-out-8) "can be cancelled from either side with a cancellation period of 7
    days during the onboarding phase and afterwards with a cancellation period of 1 month during the first working
    year": the review called termination without cause missing, and would have had a second termination clause
    inserted; the notice that governs is the month, not the onboarding phase's week."""
    f = _headed(tmp_path, "Work contract",
                ("Salary", ["You are entitled to an annual gross salary of $120,000."]),
                ("Termination and periods of cancellation", [
                    "This work contract can be cancelled from either side with a cancellation period of 7 days during "
                    "the onboarding phase and afterwards with a cancellation period of 1 month during the first "
                    "working year.",
                    "As of the second working year, this work contract can be terminated by you or by us with a "
                    "cancellation period of 3 months."])).finding("termination-without-cause")
    assert f.status == "found" and f.assessment != "missing", f.message
    assert f.parameters.get("notice_days") == 30


def test_each_of_the_parties_may_terminate_on_notice_is_a_termination_without_cause(tmp_path):
    """GitLab B.V. (held-out-8): "Each of the Parties may terminate the Employment Contract by giving written notice"
    was read as no right to end it without cause ("which suits you" where the draft runs for a fixed term, a clause
    to insert elsewhere)."""
    f = _headed(tmp_path, "Employment contract",
                ("2. Duration", ["The Employment Contract is entered into for a fixed period of 24 months."]),
                ("3. Notice period", [
                    "Each of the Parties may terminate the Employment Contract prematurely by giving written notice of "
                    "termination with due observance of the statutory notice period."])).finding(
        "termination-without-cause")
    assert f.status == "found" and f.assessment != "missing", f.message


def test_notice_periods_that_apply_to_both_parties_let_the_employer_end_it(tmp_path):
    """dxw's contract of employment (held-out-9) gives a notice ladder and says "These periods apply to both you and
    the company, irrespective of who is giving notice to whom": the review called termination without cause missing
    and would have had a second termination clause inserted."""
    f = _headed(tmp_path, "Contract of Employment",
                ("8. Notice period", [
                    "In cases of gross misconduct, you may be dismissed without notice.",
                    "Other than in cases of gross misconduct, your notice period following your probationary period "
                    "is six weeks.",
                    "These periods apply to both you and the company, irrespective of who is giving notice to "
                    "whom."])).finding("termination-without-cause")
    assert f.status == "found" and f.assessment != "missing", f.message


def test_flexible_working_hours_and_an_averaging_period_are_no_flex_days_after_go_lives(tmp_path):
    """dxw (held-out-9): "a maximum of 50 hours a week, on average, over a rolling six week period" beside "flexible
    working hours" was reported as "flex time after go-lives six week (42 days)"."""
    f = _headed(tmp_path, "Contract of Employment",
                ("4. Hours of work", [
                    "Your normal working day is seven hours long. During busy periods, you may be required to work "
                    "longer hours, up to a maximum of 50 hours a week, on average, over a rolling six week period.",
                    "We are open to arrangements for flexible working hours, at the company's sole discretion.",
                    "We do not operate any overtime scheme."])).finding("call-after-hours")
    assert f.status == "found"
    assert "go_live_flex_days" not in f.parameters and "flex time after go-lives" not in f.message, f.message
    # longer hours with no overtime are unpaid after-hours work
    assert f.assessment == "weak" and "unpaid" in f.message, f.message


@pytest.mark.parametrize("sentence, weak", [
    ("We do not operate any overtime scheme.", True),
    ("The Physician is not eligible for overtime pay.", True),
    ("Hours beyond the normal week are paid as overtime at one and a half times the hourly rate.", False),
])
def test_longer_hours_without_overtime_are_unpaid_after_hours_work(tmp_path, sentence, weak):
    f = _headed(tmp_path, "Employment agreement",
                ("Hours of work", ["Your normal working week is 40 hours. You may be required to work additional "
                                   "hours when the needs of the business require.", sentence])).finding(
        "call-after-hours")
    assert f.status == "found"
    assert ("unpaid" in f.message) is weak, f.message


def test_an_offer_letter_that_leaves_inventions_to_a_separate_agreement_names_it(tmp_path):
    """GitLab Inc. and General Legal (held-out-8) leave inventions to a separate agreement the letter names; the
    review said only "treated as missing; insert our intellectual property clause", as if the physician signed
    nothing else about inventions."""
    f = _headed(tmp_path, "Offer Letter",
                ("Salary", ["Your annual base salary will be $250,000."]),
                ("Proprietary Information and Inventions Agreement", [
                    "Like all Company employees, you will be required, as a condition of your employment, to sign "
                    "the Company's standard Proprietary Information and Inventions Agreement."])).finding(
        "intellectual-property")
    assert f.assessment == "missing"
    assert "insert" in f.message and "'Proprietary Information and Inventions Agreement'" in f.message, f.message
    assert f.message.endswith("read that agreement beside ours.")
    plain = _headed(tmp_path, "Offer letter", ("Salary", ["Your annual base salary will be $250,000."]),
                    ("Inventions", ["Inventions are important to the Company."])).finding("intellectual-property")
    assert "separate agreement" not in plain.message, plain.message


@pytest.mark.parametrize("sentence, denied", [
    ("We do not have any arrangements for the paying of bonuses.", True),
    ("You will not be eligible for any bonus.", True),
    ("You will not be eligible for a bonus in respect of the first year, and thereafter for an annual bonus of up to "
     "20% of base salary.", False),
])
def test_a_contract_that_says_there_is_no_bonus_has_no_incentive_to_edit(tmp_path, sentence, denied):
    """dxw (held-out-9): "We do not have any arrangements for the paying of bonuses" was assessed as an incentive that
    "names no metrics", to be edited; it is no incentive, and ours beside it would contradict it, so the letter asks."""
    f = _headed(tmp_path, "Contract of Employment",
                ("Pay", ["You will be paid monthly in arrears.", sentence])).finding("bonus-incentive")
    if denied:
        assert f.assessment == "missing" and "proposed in the letter" in f.message, f.message
        assert "names no metrics" not in f.message
    else:
        assert f.assessment != "missing", f.message


def test_a_contract_is_no_separate_agreement_of_its_own(tmp_path):
    """The sample's title line, "Physician Employment Agreement", was taken for a separate agreement that may hold
    its severance terms; a letter that promises a formal Employment Agreement does name one (Akbar, held-out-5)."""
    own = _headed(tmp_path, "Physician Employment Agreement",
                  ("1. Salary", ["Employer shall pay Physician an annual base salary of $250,000."])).finding("severance")
    assert own.status == "missing" and "separate agreement" not in own.message, own.message
    letter = _headed(tmp_path, "Offer Letter",
                     ("Terms", ["Your employment will be governed by a formal Employment Agreement, which will provide "
                                "for an annual base salary of $250,000."])).finding("severance")
    assert "'Employment Agreement'" in letter.message and letter.message.endswith("read that agreement beside ours."), \
        letter.message


_PHYSICIAN = sorted((ROOT / "eval" / "contracts" / "physician").glob("ph*.txt"))
_PROFILES = [ROOT / "samples" / "profile.yaml", ROOT / "samples" / "profile-hospitalist.yaml"]


@pytest.mark.parametrize("profile_path", _PROFILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("source", [SAMPLE, *_PHYSICIAN], ids=lambda p: p.stem)
def test_review_with_a_profile_reports_what_the_redline_acts_on(tmp_path, txt2docx, source, profile_path):
    """`review --profile` is the review the redline acts on (a bonus read as a share of the salary, the stipend
    measured against the pay decided), and its suggested action is what the redline then does with each topic."""
    from counterdraft.redline import redline

    contract = source if source.suffix == ".docx" else txt2docx.convert(source, tmp_path / f"{source.stem}.docx",
                                                                        "headings")
    done = redline(contract, profile_path, tmp_path / "out", date="2026-01-01T00:00:00Z")
    runner = CliRunner()
    data = json.loads(runner.invoke(main, ["review", str(contract), "--profile", str(profile_path), "--json"]).output)
    assert data == done.reviewed.review.model_dump(mode="json")
    table = runner.invoke(main, ["review", str(contract), "--profile", str(profile_path)]).output
    said = {line.split()[0]: line for line in table.splitlines() if line[:1].isalpha()}
    for edit in done.plan.edits:
        did = {"modify": ("the redline edits it", "the redline adds our wording beside it"),
               "insert": ("the redline inserts our",), "letter": ("the letter asks for it", "ask in the letter")}
        assert any(words in said[edit.topic] for words in did[edit.kind]), (edit.topic, edit.kind, said[edit.topic])
    for topic in set(TOPICS) - {edit.topic for edit in done.plan.edits}:
        assert not re.search(r"the redline (?:edits|inserts|adds)|the letter asks", said[topic]), said[topic]


def test_the_suggested_action_is_the_plans_where_its_guards_decide(tmp_path):
    """A notice the review reads from a sentence no edit is meant for (a payment deadline after a notice) is asked
    for in the letter; the review's table said "edit the weak wording" and the redline then did not."""
    import docx

    d = docx.Document()
    for text in ["EMPLOYMENT AGREEMENT", "1. Duties. The Executive shall serve as Chief Medical Officer.",
                 "2. Termination. The Company may terminate the Executive's employment without Cause. The Company "
                 "shall pay any bonus earned within thirty (30) days after the notice of termination is given."]:
        d.add_paragraph(text)
    d.save(str(tmp_path / "c.docx"))
    profile = ROOT / "samples" / "profile.yaml"
    plain = CliRunner().invoke(main, ["review", str(tmp_path / "c.docx")]).output
    asked = CliRunner().invoke(main, ["review", str(tmp_path / "c.docx"), "--profile", str(profile)]).output
    line = lambda out: next(l for l in out.splitlines() if l.startswith("termination-without-cause"))  # noqa: E731
    assert "edit the weak wording" in line(plain)  # no profile: no plan, the clause's own way of acting
    assert line(asked).endswith("the letter asks for it")
    # a topic the profile does not ask about says what asking would do
    assert "not in the profile's asks; if asked: insert our" in \
        next(l for l in asked.splitlines() if l.startswith("indemnification"))


@pytest.mark.parametrize("denial, lacking", [
    # ph2's academic offer: its only words on productivity say there is none
    ("The informatics portion of your salary is not subject to productivity or incentive measures, and you will not "
     "have an RVU target.", True),
    ("You will have no wRVU target during your first year.", True),
    # a target stated beside a protection is a target
    ("Your annual target is 2,400 wRVUs. Your salary will not be reduced for productivity below that target.", False),
])
def test_a_letter_that_denies_a_productivity_target_has_none_to_scale(tmp_path, denial, lacking):
    """ph2 was reviewed as "not tied to the clinical FTE" and the letter asked to scale a target the physician does
    not have; a contract lacking a non-compete or a target says its absence suits the physician, not that the
    library has wording to insert."""
    paragraphs = ["Dear Dr. Rivera,", "Position. We offer you the position of Associate CMIO at 0.6 clinical FTE.",
                  "Clinical Incentive. Because your clinical effort is part time, you will participate in the "
                  "Division's quality incentive plan on a prorated basis. " + denial,
                  "Sincerely,"]
    finding = _reviewed(tmp_path, paragraphs).finding("productivity-rvu")
    assert finding.status == "found" and finding.text.startswith("Clinical Incentive.")
    if lacking:
        assert finding.assessment == "missing"
        assert finding.message.endswith("nothing in the contract sets a productivity target or pays by production: "
                                        "treated as missing; its absence suits you, and nothing is asked for.")
        assert suggested_action(finding, LIBRARY) == "none: its absence suits you"
        edits, _ = _plan_of(tmp_path, paragraphs, {"productivity-rvu": {"full_time_wrvu_target": 4200}})
        assert "productivity-rvu" not in edits
    else:
        assert finding.assessment != "missing" and finding.parameters.get("annual_wrvu_target") == 2400


@pytest.mark.parametrize("sentence, none", [
    # Ralph (held-out-7): a year of salary continuation, then none on the terminations that earn none
    ("No severance benefits apply if you are terminated for Cause or resign without Good Reason.", False),
    ("Upon your death or disability, you will not receive any other severance benefits.", False),
    ("You will not be entitled to any severance.", True),
    ("Any severance shall be paid at the sole discretion of the Board.", True),
])
def test_no_severance_on_a_termination_for_cause_is_no_want_of_severance(tmp_path, sentence, none):
    """Ralph's review said "There is no severance, or it is at the Employer's discretion" beside the year of salary
    continuation it had just read, from "No severance benefits apply if you are terminated for Cause"."""
    finding = _reviewed(tmp_path, [
        "Dear Ralph,", "Severance: If your employment is terminated by the Company other than for Cause, you will be "
        "eligible for continuation of your base salary for one year following your termination of employment. "
        + sentence, "Sincerely,"], load_profile(ROOT / "samples" / "profile.yaml")).finding("severance")
    assert finding.status == "found" and finding.parameters.get("months") == 12
    assert ("There is no severance, or it is at the Employer's discretion." in finding.message) == none


_PHYSICIAN2 = ROOT / "eval" / "contracts" / "physician2"


@pytest.mark.parametrize("form", ["headings", "bold", "numbering", "plain"])
def test_physician2_figures_are_the_drafts_own(tmp_path, txt2docx, form):
    """The first run on physician2 (four agreements written blind) read wrong figures that the letter would have
    argued with: the CMIO's salary as the $40,000 stipend beside it in a table, his four-year term as the 12 months
    that define a Contract Year, the university's stipend as its $284,000 salary and its wRVU target as the full-time
    figure it scales, and the practice's $53 conversion factor as a wRVU target."""
    def finding(name: str, topic: str):
        docx_path = txt2docx.convert(_PHYSICIAN2 / f"{name}.txt", tmp_path / f"{name}.docx", form)
        return review(read_blocks(Package.open(docx_path)), LIBRARY, None, name).finding(topic)

    assert finding("q1-system-cmio", "base-salary").parameters["amount_usd"] == 432000
    assert finding("q1-system-cmio", "leadership-stipend").parameters["amount_usd"] == 40000
    assert finding("q1-system-cmio", "term").parameters["initial_term_months"] == 48
    split = finding("q1-system-cmio", "fte-split").parameters
    assert (split.get("clinical_fte"), split.get("informatics_fte")) == (0.2, 0.8)
    assert finding("q2-university-em-offer", "leadership-stipend").parameters["amount_usd"] == 18000
    assert finding("q2-university-em-offer", "productivity-rvu").parameters["annual_wrvu_target"] == 3840
    # the target is stated in 4.01, beside the guaranteed salary, which only the headings form reads beside 4.02
    assert finding("q3-pe-dermatology", "productivity-rvu").parameters.get("annual_wrvu_target") in (7170, None)


def test_an_emergency_physicians_orientation_is_the_onboarding_not_the_tenure_clock(tmp_path, txt2docx):
    """physician2's university offer (q2): the tenure track's "probationary period ... is seven years" was taken for
    onboarding, and said to add no reduced schedule, while the orientation before the first independent shift, with
    its supervised shifts, went unread."""
    docx_path = txt2docx.convert(_PHYSICIAN2 / "q2-university-em-offer.txt", tmp_path / "q2.docx", "plain")
    found = review(read_blocks(Package.open(docx_path)), LIBRARY, None, "q2").finding("onboarding")
    assert "Before your first independent clinical shift you will complete" in found.text
    assert "tenure track" not in found.text


def test_pay_to_the_date_of_termination_alone_is_no_severance(tmp_path, txt2docx):
    """physician2's dermatology practice (q3): "Upon termination for any reason, Physician shall be entitled only to
    her draw through the date of termination" was reviewed as severance that "Meets the clause's checks"."""
    docx_path = txt2docx.convert(_PHYSICIAN2 / "q3-pe-dermatology.txt", tmp_path / "q3.docx", "headings")
    found = review(read_blocks(Package.open(docx_path)), LIBRARY, None, "q3").finding("severance")
    assert found.assessment == "weak" and "accrued_only" in found.flagged
    assert "there is no severance" in found.message
    # beside months of severance the section states, the sentence is moot
    both = tmp_path / "both.txt"
    both.write_text("EMPLOYMENT AGREEMENT\n\n7. Effect of Termination. Upon termination for any reason, Physician "
                    "shall be entitled only to her salary through the date of termination, except that if the Practice "
                    "terminates Physician without cause, the Practice shall pay Physician severance equal to twelve "
                    "(12) months of base salary.\n", encoding="utf-8")
    found = review(read_blocks(Package.open(txt2docx.convert(both, tmp_path / "both.docx", "headings"))), LIBRARY,
                   None, "both").finding("severance")
    assert found.parameters.get("months") == 12 and "accrued_only" not in found.flagged


def test_a_workload_review_that_may_enlarge_the_position_is_a_growth_path(tmp_path, txt2docx):
    """physician2's remote informaticist (q4): after six months, "you and the Chief Medical Officer will review your
    workload and discuss whether to increase your position to 0.8 FTE" was reported missing as a growth path."""
    docx_path = txt2docx.convert(_PHYSICIAN2 / "q4-remote-informaticist.txt", tmp_path / "q4.docx", "bold")
    found = review(read_blocks(Package.open(docx_path)), LIBRARY, None, "q4").finding("growth-path")
    assert found.status == "found" and "review your workload and discuss whether to increase" in found.text
    assert found.parameters.get("first_review_months") == 6
