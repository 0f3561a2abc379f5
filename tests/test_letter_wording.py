"""What the employer reads says what the draft has and what the redline did (attorney audit 5): one pay structure in
the letter's paragraph and its items, the base salary the clean copy leaves as drafted said to be so, a stipend or
education support the draft lacks never described as if it were there, and plain letter grammar.

Profile C is the audit's academic physician-informaticist: a $210,000 base plus an $80,000 stipend at 0.3 clinical
FTE, $290,000 to $300,000 sought."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from counterdraft.library import profile_values, render_ask
from counterdraft.models import Employer
from counterdraft.redline import redline
from counterdraft.terms import find_terms
from counterdraft.wording import article
from test_pay import offer

ROOT = Path(__file__).resolve().parents[1]
DATE = "2026-11-27T00:00:00Z"


def profile_c(**employer) -> dict:
    data = yaml.safe_load((ROOT / "samples" / "profile.yaml").read_text())
    data["employer"].update(employer)
    data["priorities"] = ["fte-split", "leadership-stipend", "termination-without-cause", "malpractice"]
    data["asks"].update({"fte-split": {"clinical_fte": 0.3, "informatics_fte": 0.7}, "severance": {"months": 6},
                         "base-salary": {"amount_usd": 210000, "target_total_min": 290000, "target_total_max": 300000},
                         "leadership-stipend": {"amount_usd": 80000}})
    data["compensation"] = {"base_salary": 210000, "stipend": 80000}
    return data


def run(folder: Path, data: dict, *paragraphs: str):
    """The redline of a short agreement (test_pay.offer: its paragraphs after the parties, a without-cause notice to
    close) with the profile `data`."""
    contract = offer(folder, *paragraphs)
    (folder / "profile.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    return redline(contract, folder / "profile.yaml", folder / "out", date=DATE)


def flat(result, key: str) -> str:
    return " ".join(result.outputs[key].read_text().replace("\\", "").split())


LOW_BASE = "1. Base Salary. Employer shall pay Physician a base salary of $135,000 per year."


# ------------------------------------------------------------------------------------------- one pay structure
@pytest.fixture(scope="module")
def low_base(tmp_path_factory):
    """McDermott: the draft pays $135,000 and no stipend."""
    return run(tmp_path_factory.mktemp("low-base"), profile_c(), LOW_BASE)


def test_the_pay_item_asks_for_the_structure_the_pay_paragraph_proposes(low_base):
    """The paragraph asked for "a base salary of $210,000 plus a fixed stipend of $80,000" and the item "Base salary
    and total compensation" to "pair your standard clinical base rate, prorated to the clinical FTE, with a fixed
    informatics stipend": at 0.3 clinical FTE, a fraction of $210,000."""
    letter = flat(low_base, "letter_md")
    assert "a base salary of $210,000 plus a fixed stipend of $80,000" in letter
    # and, where the letter asks for the stipend in an item of its own, points to it rather than asking twice
    # (verification audit, sixth session: "add a fixed leadership stipend of $80,000" and "add a fixed informatics
    # stipend of $80,000" read as two stipends)
    assert re.search(r"Would it work to set the base salary at \$210,000, with the \$80,000 stipend of item \d+\?",
                     letter)
    assert letter.count("stipend of $80,000") == 2  # the paragraph's structure and the stipend's own item
    assert "standard clinical base rate" not in letter and "prorated" not in letter


def test_the_base_the_clean_copy_leaves_as_drafted_is_said_to_be(low_base):
    """The redline inserts the $80,000 stipend and leaves the $135,000 base (the base-salary clause is argued in the
    letter only): "a clean copy with those changes made" passed for the $290,000 asked."""
    pay = next(e for e in low_base.plan.edits if e.clause_id == "base-salary")
    assert pay.kind == "letter"
    letter = flat(low_base, "letter_md")
    assert "The enclosed redline leaves the draft's base salary of $135,000 as it is, so that we can settle the base " \
           "salary here (item" in letter
    email = flat(low_base, "email")
    assert "The redline and the clean copy leave the draft's base salary of $135,000 as it is; the letter proposes " \
           "the change." in email
    assert "the redline leaves the draft's base salary of $135,000 as it is" in flat(low_base, "memo")


def _requests(result):
    return [e.clause_id for e in result.plan.edits]


def test_a_base_the_letter_keeps_is_not_said_to_be_left_behind(tmp_path):
    """The draft's $250,000 base, above the profile's, is kept: the clean copy carries it, and nothing says
    otherwise."""
    result = run(tmp_path, profile_c(), "1. Base Salary. Employer shall pay Physician a base salary of $250,000 "
                                        "per year.")
    assert "leaves the draft's base salary" not in flat(result, "letter_md") + flat(result, "email")


def test_the_email_reads_an_before_eighty_thousand(low_base):
    assert "a base salary of $210,000 plus an $80,000 stipend" in flat(low_base, "email")


@pytest.mark.parametrize("figure, said", [("$80,000", "an $80,000"), ("$8,500", "an $8,500"),
                                          ("$11,000", "an $11,000"), ("$18,000", "an $18,000"),
                                          ("$55,000", "a $55,000"), ("$1,000", "a $1,000"),
                                          ("$100,000", "a $100,000")])
def test_the_article_before_a_figure_is_as_it_is_read(figure, said):
    assert article(figure) == said


# -------------------------------------------------------------------------------------- what the draft lacks
def test_a_stipend_the_draft_lacks_is_asked_to_be_added_not_described(low_base):
    """"Sets the leadership stipend ... and removes budget-review and discretion language", "rather than subject to
    annual budget review" and "the informatics leadership responsibilities described in this Agreement", of a draft
    with no stipend, no budget review and no such description."""
    stipend = next(e for e in low_base.plan.edits if e.clause_id == "leadership-stipend")
    assert stipend.kind == "insert"
    assert stipend.comment.startswith("Adds a fixed leadership stipend of $80,000 a year on top of the base salary")
    assert "could we add a fixed leadership stipend of $80,000 per year on top of the base salary" in stipend.request
    for text in (stipend.comment, stipend.request):
        assert "budget" not in text and "discretion" not in text and "removes" not in text
    assert "described in this Agreement" not in stipend.new_paragraphs[-1].text


def test_a_stipend_the_draft_states_under_budget_review_is_asked_to_be_fixed(tmp_path):
    result = run(tmp_path, profile_c(), "1. Compensation. Employer shall pay Physician a base salary of $200,000 per "
                                        "year and an informatics stipend of $40,000 per year, subject to Employer's "
                                        "budget approval process.")
    stipend = next(e for e in result.plan.edits if e.clause_id == "leadership-stipend")
    assert stipend.comment.startswith("Raises the leadership stipend to $80,000 a year (from $40,000) and replaces "
                                      "its budget proviso")
    assert "rather than subject to annual budget review" in stipend.request


def test_severance_names_a_stipend_only_where_one_is_in_play(low_base, tmp_path):
    """Coats, Donaldson: "6 months of salary and stipend" where the draft has no stipend and none is asked for."""
    severance = next(e for e in low_base.plan.edits if e.clause_id == "severance")
    assert "6 months of salary and stipend" in severance.request  # the $80,000 stipend is asked for
    met = run(tmp_path, profile_c(), "1. Base Salary. Employer shall pay Physician a base salary of $300,000 per "
                                     "year.")
    assert "leadership-stipend" not in _requests(met)
    severance = next(e for e in met.plan.edits if e.clause_id == "severance")
    assert "6 months of salary, with health coverage" in severance.request
    assert "stipend" not in severance.request + severance.comment


def test_a_draft_without_a_cme_clause_is_not_said_to_have_no_education_support(library):
    """Reed: "The draft has no education support at all", of a draft with tuition assistance of up to $3,000."""
    clause = library.get("cme-allowance")
    comment, _ = render_ask(clause, profile_values(clause, None), {}, False,
                            "Tuition assistance of up to $3,000 per year.")
    assert "no education support" not in comment
    assert "The draft states no CME allowance or paid education days" in comment


def test_board_certification_days_are_asked_once(library):
    """Protected time and CME each asked for 5 days "for certification": read as a double ask."""
    cme = library.get("cme-allowance")
    _, asked = render_ask(cme, profile_values(cme, None), {}, False)
    assert "paid days each year to attend conferences and courses" in asked and "attend them" not in asked
    protected = library.get("protected-time")
    _, asked = render_ask(protected, profile_values(protected, None), {}, False)
    assert "beyond paid time off and any education leave, for informatics board certification" in asked


# ---------------------------------------------------------------------------------------------------- grammar
# a draft without coverage is asked "Could you provide professional liability coverage ... pay for tail coverage"
@pytest.mark.parametrize("clause_id, said", [("malpractice", "pay for tail coverage"),
                                             ("indemnification", "confirm that you defend and indemnify me")])
def test_the_letter_asks_the_employer_as_you(library, clause_id, said):
    """"could Employer pay for tail coverage": a bare defined term, in a letter to the employer."""
    clause = library.get(clause_id)
    for present in (False, True):
        _, asked = render_ask(clause, profile_values(clause, None), {}, present)
        assert said in asked and "Employer" not in asked


@pytest.mark.parametrize("employer, greeting", [
    ({"contact_name": "Elena Vasquez-Hart", "contact_salutation": "Dr. Vasquez-Hart"}, "Dear Dr. Vasquez-Hart,"),
    ({"contact_name": "Dr. Elena Vasquez-Hart"}, "Dear Dr. Vasquez-Hart,"),
    ({"contact_name": "Ms. Morgan Ellis, MBA"}, "Dear Ms. Ellis,"),
    ({"contact_name": "Morgan Ellis"}, "Dear Morgan Ellis,"),  # nothing better is known
    ({"contact_name": ""}, "Dear Hiring Committee,"),
])
def test_the_salutation_uses_the_contacts_honorific_and_surname(tmp_path, employer, greeting):
    result = run(tmp_path, profile_c(**employer), LOW_BASE)
    assert greeting in flat(result, "letter_md") and greeting in flat(result, "email")


def test_a_profile_salutation_is_optional():
    assert Employer(name="Meridian").addressee == ""


def test_an_employer_the_letter_calls_by_its_initials():
    """McDermott: "EndoVascular Technologies, Inc." and "EVT" after; the inserted clauses had said "Employer"."""
    letter = ["Dear Liz:", "I am pleased to offer you the position at EndoVascular Technologies, Inc.",
              "You will join EVT's team.", "EVT will pay you $135,000.", "You will abide by EVT's policies."]
    assert find_terms(letter).employer == "EVT"


def test_a_stipend_the_draft_already_pays_is_raised_not_added(tmp_path):
    """The sample (sixth session): "set the base salary at $245,000 and add a fixed informatics stipend of $55,000"
    where the draft already pays a $36,000 stipend; the letter asks to raise it."""
    data = profile_c()
    del data["asks"]["leadership-stipend"]  # no item of its own to point to: the pay item names it
    data["priorities"].remove("leadership-stipend")
    result = run(tmp_path, data, "1. Compensation. Employer shall pay Physician a base salary of $200,000 per "
                 "year and an informatics leadership stipend of $30,000 per year.")
    letter = flat(result, "letter_md")
    assert "raise the informatics stipend from $30,000 to a fixed $80,000?" in letter
    assert "add a fixed informatics stipend" not in letter


def test_a_stipend_named_as_the_gap_to_the_range_is_in_whole_thousands(tmp_path):
    """Mengert (verification audit, sixth session): a base read from a pay period ($224,999.84 a year) left a stipend
    of "$75,000.16" in the letter and the redline; the gap to the top of the range is proposed in whole thousands."""
    result = run(tmp_path, profile_c(), "1. Base Salary. Employer shall pay Physician a base salary of $250,500 per "
                 "year.")
    letter = flat(result, "letter_md")
    assert "$49,000" in letter and "$49,500" not in letter


def test_a_base_paid_by_the_pay_period_is_quoted_as_the_contract_states_it(tmp_path):
    """Mengert: the letter and the email said the redline "leaves the draft's base salary of $224,999.84", a year's
    figure to the cent that the contract (paid "$8,653.84 ... per biweekly pay period") never states."""
    data = yaml.safe_load((ROOT / "samples" / "profile.yaml").read_text())
    result = run(tmp_path, data, "1. Base Salary. Your initial base salary will be $8,653.84 (gross before "
                 "deductions) per biweekly pay period.")
    for key in ("letter_md", "email"):
        text = flat(result, key)
        assert "224,999" not in text
        assert "base salary of $8,653.84 every two weeks (about $225,000 a year) as it is" in text


def test_a_pay_period_base_the_letter_keeps_is_quoted_as_stated_and_its_sum_to_the_dollar(tmp_path):
    """Mengert with profile C: "keep the draft's base salary of $224,999.84 and add a fixed stipend of $75,000 ...,
    $299,999.84 a year before any bonus", and "keep the base salary at $224,999.84"."""
    result = run(tmp_path, profile_c(), "1. Base Salary. Your initial base salary will be $8,653.84 (gross before "
                 "deductions) per biweekly pay period.")
    letter = flat(result, "letter_md")
    # the arithmetic is exact, and says where the year's figure comes from
    assert "Total cash compensation: $224,999.84 (annualised from $8,653.84 every two weeks) + $75,000 = $299,999.84" \
        in letter
    letter = letter.replace("Total cash compensation: $224,999.84 (annualised from $8,653.84 every two weeks) + "
                            "$75,000 = $299,999.84", "")
    assert "224,999" not in letter and "299,999" not in letter
    assert "keep the draft's base salary of $8,653.84 every two weeks (about $225,000 a year) and add a fixed " \
           "stipend of $75,000 for the informatics leadership work, about $300,000 a year before any bonus" in letter


def test_a_bonus_the_letter_keeps_counts_in_the_proposals_cash_as_in_the_drafts(tmp_path):
    """Wood (sixth audit round, profile C): "the draft's own figures come to $247,500 in cash, counting its 50% bonus
    target paid in full", then "Total cash compensation: $210,000 + $80,000 = $290,000": the proposal keeps the
    draft's 50% target, so its cash left out $105,000 and read as less than the offer. By hand: 210,000 x 50% =
    105,000; 210,000 + 80,000 + 105,000 = 395,000."""
    result = run(tmp_path, profile_c(), "1. Base Salary. Employer shall pay Physician a base salary of $165,000 per "
                 "year. Physician will be eligible for an annual bonus with a target of 50% of base salary.")
    md = flat(result, "letter_md")
    assert "counting its 50% bonus target paid in full ($82,500)" in md
    assert "With the draft's bonus target of 50% of base salary and an expected payout of 100% of target, the " \
           "expected bonus is $105,000, for total cash compensation of $395,000." in md
    assert "Total cash compensation: $210,000 + $80,000 + $105,000 = $395,000" in md
    assert "Total cash compensation: $210,000 + $80,000 = $290,000" not in md
    memo = flat(result, "memo")
    assert "| Bonus target (of base salary) | 50% (contract, section '1. Base Salary') | 50% (contract, section '1. " \
           "Base Salary', kept: the letter does not ask to change it) |" in memo


def test_the_range_sought_is_said_to_be_before_any_bonus_where_the_letter_counts_one(tmp_path):
    """Eighth audit, Levin: "I am targeting total compensation in the $280,000 to $300,000 range", then a draft of
    "$337,500 in cash" and a proposal of $382,500, both counting a bonus: the range read as below the draft. The range
    is the pay before any bonus, and the letter says so once."""
    result = run(tmp_path, profile_c(), "1. Base Salary. Employer shall pay Physician a base salary of $165,000 per "
                 "year. Physician will be eligible for an annual bonus with a target of 50% of base salary.")
    md = flat(result, "letter_md")
    opening = md[md.index("I am targeting"):md.index("The figures work out as follows")]
    assert re.match(r"I am targeting total compensation in the \$[\d,]+ to \$[\d,]+ range before any bonus\.", opening)
    assert opening.count("before any bonus") == 1


def consulting(folder: Path, fee: str) -> Path:
    """A consulting agreement that engages the physician as an independent contractor for an annual `fee`."""
    import docx

    d = docx.Document()
    for text in ("CONSULTING AGREEMENT",
                 'This Agreement is made between Acme Health, Inc. (the "Company") and Jane Roe, M.D. ("Consultant").',
                 "1. Services. Consultant shall provide clinical informatics services to the Company as an "
                 "independent contractor and not as an employee of the Company.",
                 f"2. Fee. The Company will pay Consultant an annual fee of {fee}, payable monthly.",
                 "3. Intellectual Property. Consultant hereby assigns to the Company all inventions conceived by "
                 "Consultant at any time during the term of this Agreement.",
                 "4. Term. Either party may terminate this Agreement on thirty (30) days' written notice."):
        d.add_paragraph(text)
    d.save(str(folder / "consulting.docx"))
    return folder / "consulting.docx"


def test_a_contractors_run_names_the_fee_it_leaves_as_drafted_and_thanks_for_the_engagement(tmp_path):
    """The contractor helper's leftovers (seventh session): the run's note said "the redline leaves the draft's base
    salary of $200,000" of a consulting fee, and the letter thanked the physician for "the ... position"."""
    result = redline(consulting(tmp_path, "$200,000"), ROOT / "samples" / "profile.yaml", tmp_path / "out", date=DATE)
    notes = [m.text for m in result.messages if m.text.startswith("compensation: the redline leaves")]
    assert notes and notes[0].startswith("compensation: the redline leaves the draft's annual fee of $200,000 as it is")
    assert "offering me the Physician Informaticist engagement at" in flat(result, "letter_md")


def test_a_contractors_review_and_memo_name_the_fee_a_fee_not_a_base_salary(tmp_path):
    """Emerald's consulting agreement (sixth audit): the review, its JSON and the memo said "The contract states base
    salary $240,000", and a note "the draft's base salary ($240,000) is above the profile's", of an annual fee, while
    the letter, the email and the memo's figures said "annual fee"."""
    from click.testing import CliRunner

    from counterdraft.cli import main

    contract = consulting(tmp_path, "$240,000")
    (tmp_path / "profile.yaml").write_text(yaml.safe_dump(profile_c(), sort_keys=False))
    table = CliRunner().invoke(main, ["review", str(contract), "--profile", str(tmp_path / "profile.yaml")]).output
    assert "The contract states annual fee $240,000." in table and "Annual fee" in table
    assert "base salary" not in table.lower()
    data = json.loads(CliRunner().invoke(main, ["review", str(contract), "--profile", str(tmp_path / "profile.yaml"),
                                                "--json", "--compensation"]).output)
    assert "base salary" not in json.dumps(data).lower()
    assert next(f for f in data["findings"] if f["topic"] == "base-salary")["message"].startswith(
        "The contract states annual fee $240,000.")
    result = redline(contract, tmp_path / "profile.yaml", tmp_path / "out", date=DATE)
    assert result.reviewed.finding("base-salary").message.startswith("The contract states annual fee $240,000.")
    assert "compensation: the draft's annual fee ($240,000) is above the profile's ($210,000); the letter keeps " \
           "the draft's" in [m.text for m in result.messages]
    memo = flat(result, "memo")
    assert "Fee: The contract states annual fee $240,000." in memo
    # only where the memo quotes our wording, which the plan kept out of the redline for what only an employee has
    assert all(m.endswith("'base salary'") for m in re.findall(r".{0,40}base salary'?", memo, re.I)), memo
