"""A part-time position (role.total_fte below 1.0): the letter names its total FTE and asks for the draft's full-time
words to be conformed, the redline marks them with margin comments, and a salary the draft states for full-time work
is measured at that FTE, so the stipend is not cut to fit it (audit9: a 0.6 FTE pediatrician-informaticist)."""
from __future__ import annotations

import re
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
import yaml

from counterdraft.compensation import decide, part_time
from counterdraft.models import Finding, Review
from counterdraft.plan import make_plan
from counterdraft.redline import redline
from counterdraft.review import review
from counterdraft.wordml.package import Package
from counterdraft.wordml.read import read_blocks

ROOT = Path(__file__).resolve().parents[1]
HELDOUT4 = ROOT / "eval" / "contracts" / "heldout4"
MCDERMOTT = HELDOUT4 / "1005122_1996-11-12_ENDOVASCULAR_MCDERMOTT_OFFER_LETTER.txt"
TIGHE = HELDOUT4 / "1005010_1999-05-18_ARTHROCARE_TIGHE_OFFER_LETTER.txt"
CLANCEY = HELDOUT4 / "1017968_2001-07-27_EDGEWATER_CLANCEY_EMPLOYMENT_AGREEMENT.txt"
METZ = ROOT / "eval" / "contracts" / "heldout6" / "1025953_2005-02-11_NOVASTAR_METZ_EMPLOYMENT_AGREEMENT.txt"


def _profile_file(tmp_path: Path, total_fte: float) -> Path:
    """The sample profile as a 0.4 clinical / 0.2 informatics position, a $120,000 base and a $35,000 stipend,
    $150,000 to $165,000 sought, at `total_fte`."""
    data = yaml.safe_load((ROOT / "samples" / "profile.yaml").read_text())
    data["role"]["total_fte"] = total_fte
    data["asks"]["fte-split"] = {"clinical_fte": 0.4, "informatics_fte": 0.2}
    data["asks"]["base-salary"] = {"target_total_min": 150000, "target_total_max": 165000}
    data["asks"]["leadership-stipend"] = {"amount_usd": 35000}
    data["compensation"] = {"base_salary": 120000, "stipend": 35000}
    path = tmp_path / f"profile-{total_fte}.yaml"
    path.write_text(yaml.safe_dump(data))
    return path


def _docx(txt2docx, source: Path, tmp_path: Path) -> Path:
    if not source.is_file():
        pytest.skip(f"{source} is not in this checkout")
    return txt2docx.convert(source, tmp_path / (source.stem + ".docx"), "headings")


def _reviewed(library, profile_path: Path, contract: Path):
    from counterdraft.loading import load_profile

    profile = load_profile(profile_path)
    return profile, review(read_blocks(Package.open(contract)), library, profile, str(contract), "profile.yaml: ")


def test_a_full_time_salary_is_measured_at_the_part_time_fte_and_the_stipend_is_not_cut(library, tmp_path,
                                                                                        txt2docx):
    """McDermott: "Your full-time bi-weekly salary will be $5,192.00 ... equivalent to $135,000 per annum". At 0.6 FTE
    the letter kept the $135,000 and cut the $35,000 stipend to $30,000 to fit the range, when the employer could
    prorate it to $81,000: measured at 0.6 FTE it is below the profile's $120,000, which the letter names, with the
    whole stipend. A full-time position keeps the draft's base and the gap as before."""
    contract = _docx(txt2docx, MCDERMOTT, tmp_path)
    profile, reviewed = _reviewed(library, _profile_file(tmp_path, 0.6), contract)
    pay = decide(profile, library, reviewed.review, "", reviewed.full_time)
    assert pay.kept == ()
    assert (pay.proposed.base.value, pay.proposed.stipend.value) == (Decimal(120000), Decimal(35000))
    assert (pay.full_time.value, pay.at_fte.value) == (Decimal(135000), Decimal(81000))
    assert any("is for full-time work (the draft speaks of full-time work); at the 0.6 FTE position it comes to "
               "$81,000" in m.text for m in pay.messages)

    profile, reviewed = _reviewed(library, _profile_file(tmp_path, 1.0), contract)
    pay = decide(profile, library, reviewed.review, "", reviewed.full_time)
    assert pay.kept == ("base",) and pay.proposed.stipend.value == Decimal(30000) and pay.at_fte is None


def test_only_a_salary_for_full_time_work_is_measured_at_the_positions_fte(profile):
    """Only a salary for full-time work is measured at the position's FTE, where the contract speaks of full-time
    work: not one the draft states for a part-time FTE, nor one in a draft that never says full-time (a
    contractor's fee, which pays for the services, or an offer written for the position), of which the letter
    would otherwise say "is for full-time work" untruly."""
    part = profile.model_copy(update={"role": profile.role.model_copy(update={"total_fte": 0.6})})

    def drafted(text: str) -> Review:
        return Review(contract="c", findings=[Finding(topic="base-salary", status="found", text=text)])

    assert part_time(part, drafted("Your annual salary will be $140,000."), full_time=True) == Decimal("0.6")
    assert part_time(part, drafted("Your salary for this 0.6 FTE position will be $140,000."), full_time=True) is None
    assert part_time(part, drafted("The part-time salary will be $90,000."), full_time=True) is None
    assert part_time(part, drafted("Your annual salary will be $140,000."), full_time=False) is None
    assert part_time(part, drafted("Consultant's annual fee is $240,000."), full_time=False) is None
    assert part_time(profile, drafted("Your annual salary will be $140,000."), full_time=True) is None


def test_the_letter_names_the_part_time_position_and_its_pay_for_it(library, tmp_path, txt2docx):
    """Tighe ("devote your full business time", "Your annual salary will be $140,000.00"): the letter asked for "the
    split at 0.4 FTE clinical and 0.2 FTE informatics" without saying the role is 0.6 FTE, and kept the $140,000
    with a $25,000 stipend. It now names the position's total, asks for the full-time words to be conformed to it,
    and says its pay figures are for the position, not full-time figures to be prorated."""
    contract = _docx(txt2docx, TIGHE, tmp_path)
    result = redline(contract, _profile_file(tmp_path, 0.6), tmp_path / "out", date="2026-11-27T00:00:00Z")
    letter = " ".join(result.outputs["letter_md"].read_text().split())
    assert ("could we set the position at 0.6 FTE, split 0.4 FTE clinical and 0.2 FTE informatics, conform the "
            "draft's references to full-time work to that 0.6 FTE, and agree that duties") in letter
    assert ("a base salary of $120,000 plus a fixed stipend of $35,000 for the informatics leadership work, $155,000 "
            "a year before any bonus. These figures are for the 0.6 FTE position as a whole, not full-time figures "
            "to be prorated again: the draft's base salary of $140,000 is for full-time work, and at 0.6 FTE "
            "it would come to $84,000.") in letter
    assert "$25,000" not in letter
    email = " ".join(result.outputs["email"].read_text().split())
    assert "These figures are for the 0.6 FTE position as a whole" in email
    memo = result.outputs["memo"].read_text()
    assert "Asks for a split of the 0.6 FTE position into 0.4 FTE clinical and 0.2 FTE clinical informatics." in memo


def test_a_full_time_salary_that_meets_the_range_at_the_fte_is_acknowledged_at_that_fte(library, tmp_path,
                                                                                       txt2docx):
    """Metz's $250,000 comes to $150,000 at 0.6 FTE, the bottom of the range: pay is not raised, and the letter and
    the memo say what the draft's salary comes to at 0.6 FTE, not "the $250,000 ... fits" (the employer could
    prorate it) nor "the draft's $150,000" (the draft states none)."""
    contract = _docx(txt2docx, METZ, tmp_path)
    result = redline(contract, _profile_file(tmp_path, 0.6), tmp_path / "out", date="2026-11-27T00:00:00Z")
    letter = " ".join(result.outputs["letter_md"].read_text().split())
    assert ("The draft's base salary of $250,000 is for full-time work; it comes to $150,000 a year in base "
            "salary at 0.6 FTE, which fits the scope of this role, and I am not asking to change it.") in letter
    memo = result.outputs["memo"].read_text()
    assert "not asked for: the draft's $150,000 a year in base salary at 0.6 FTE meets it" in memo


def test_full_time_clauses_get_a_margin_comment_where_the_position_is_part_time(library, tmp_path, txt2docx):
    """Clancey 1(a) "employed by the Company on a full-time basis" and "devote substantially all of his business time"
    stayed in the clean copy beside a 0.6 FTE split asked for in the letter only: each gets a margin comment asking
    for the conforming change (a letter-only edit's comments are made too), with a warning; the text stays."""
    contract = _docx(txt2docx, CLANCEY, tmp_path)
    result = redline(contract, _profile_file(tmp_path, 0.6), tmp_path / "out", date="2026-11-27T00:00:00Z")
    edit = next(e for e in result.plan.edits if e.clause_id == "fte-split")
    comments = {n.quote: n.comment for n in edit.conforming}
    basis = next(q for q in comments if "on a full-time basis" in q)
    assert comments[basis] == (
        "Conforming change needed: the position asked for is 0.6 FTE (0.4 FTE clinical and 0.2 FTE informatics), and "
        "this still speaks of full-time work (“full-time”, “devote substantially all of his business time”). It "
        "should be conformed to that FTE.")
    assert any("still speaks of full-time work" in m.text and "on a full-time basis" in m.text
               for m in result.plan.messages)
    with zipfile.ZipFile(result.outputs["redline"]) as z:
        made = re.sub(r"<[^>]+>", "", z.read("word/comments.xml").decode())
    assert made.count("still speaks of full-time work") == len(comments)
    with zipfile.ZipFile(result.outputs["clean"]) as z:
        assert "on a full-time basis" in re.sub(r"<[^>]+>", "", z.read("word/document.xml").decode())

    whole = redline(contract, _profile_file(tmp_path, 1.0), tmp_path / "full", date="2026-11-27T00:00:00Z")
    assert not [n for e in whole.plan.edits for n in e.conforming if "full-time work" in n.comment]
    assert "could we set the split at 0.4 FTE clinical and 0.2 FTE informatics, and agree" in \
        " ".join(whole.outputs["letter_md"].read_text().split())


def test_full_time_status_gets_its_own_sentence_and_other_employment_none(library, tmp_path):
    """A loan kept "as long as you remain a full-time employee" (Stevens) depends on full-time status: the comment
    asks that it apply to the position. Salary continued "until you secure full time employment" (Gast) speaks of
    another job, not this one: no comment."""
    from counterdraft.loading import load_profile

    profile = load_profile(_profile_file(tmp_path, 0.6))
    d = docx.Document()
    for text in ["EMPLOYMENT AGREEMENT",
                 "1. Duties. Physician shall serve as Physician Informaticist and perform such duties as assigned.",
                 "2. Loan. As long as you remain a full-time employee of the Company, the Company will lend you "
                 "$100,000.",
                 "3. Severance. If the Company ends your employment without cause, it will pay your salary until you "
                 "secure full time employment."]:
        d.add_paragraph(text)
    path = tmp_path / "contract.docx"
    d.save(str(path))
    reviewed = review(read_blocks(Package.open(path)), library, profile, "contract", "profile.yaml: ")
    plan = make_plan(reviewed, library, profile, "contract.docx", "Dana", "2026-01-01T00:00:00Z", "profile.yaml: ")
    edit = next(e for e in plan.edits if e.clause_id == "fte-split")
    comments = {n.quote: n.comment for n in edit.conforming}
    (loan,) = [q for q in comments if "remain a full-time employee" in q]
    assert comments[loan].endswith("It should be conformed to that FTE. Where a benefit or payment here depends on "
                                   "full-time status, it should apply to the position. Any amount stated here stays "
                                   "as drafted until the compensation for the position is agreed.")
    assert not [q for q in comments if "secure full time employment" in q]


def test_a_full_time_salary_kept_at_the_fte_is_named_as_prorated(tmp_path):
    """Mirgon at 0.6 FTE (the verification audit): the letter said "keep the draft's base salary of $138,000 at 0.6
    FTE", where the draft states $230,000; $138,000 is what it comes to at that FTE."""
    d = docx.Document()
    d.add_paragraph('This Agreement is made between Lakeshore Regional Health System ("Employer") and Dana R. '
                    'Whitfield, MD ("Physician").')
    d.add_paragraph("1. Duties. Physician shall devote full business time and attention to the Employer.")
    d.add_paragraph("2. Salary. A base salary of Two Hundred Thirty Thousand Dollars ($230,000) per annum payable "
                    "monthly.")
    d.save(str(tmp_path / "offer.docx"))
    result = redline(tmp_path / "offer.docx", _profile_file(tmp_path, 0.6), tmp_path / "out",
                     date="2026-01-05T09:00:00Z")
    letter = " ".join(result.outputs["letter_md"].read_text().replace("\\", "").split())
    assert "keep the draft's base salary, prorated to $138,000 at 0.6 FTE, and add a fixed stipend of" in letter
    assert "base salary of $138,000" not in letter


def test_each_step_of_a_full_time_salary_schedule_is_measured_at_the_fte(tmp_path):
    """Sophinos's schedule ($235,000 until the end of 1998, then $248,000) in a full-time agreement, at 0.6 FTE (the
    verification audit): the letter asked to "keep the base salary at $141,000 for the 0.6 FTE", giving up the later
    step (0.6 x $248,000 = $148,800). Each step is prorated, and the schedule is kept whole."""
    d = docx.Document()
    d.add_paragraph('This Agreement is made between Lakeshore Regional Health System ("Employer") and Dana R. '
                    'Whitfield, MD ("Physician").')
    d.add_paragraph("1. Duties. Physician shall devote full business time and attention to the Employer.")
    d.add_paragraph("2. Compensation. Employer shall pay Physician a base salary at the annual rate of (i) $235,000.00 "
                    "during the period from April 1, 1998 to December 31, 1998; and (ii) $248,000.00 commencing "
                    "January 1, 1999.")
    d.save(str(tmp_path / "offer.docx"))
    result = redline(tmp_path / "offer.docx", _profile_file(tmp_path, 0.6), tmp_path / "out",
                     date="2026-01-05T09:00:00Z")
    letter = " ".join(result.outputs["letter_md"].read_text().replace("\\", "").split())
    # the draft's schedule is named as prorated, not as if the draft itself paid $141,000 (the verification audit)
    assert "keep the draft's base salary schedule, prorated at 0.6 FTE ($141,000 during the period from April 1, " \
           "1998 to December 31, 1998, rising to $148,800 commencing January 1, 1999)," in letter
    assert "the draft's base salary schedule ($235,000 during the period from April 1, 1998 to December 31, 1998, " \
           "rising to $248,000 commencing January 1, 1999) is for full-time work" in letter
    assert "$141,000 for the 0.6 FTE" not in letter
    # the redline writes each step at 0.6 FTE, as the letter keeps them, rather than leave the full-time schedule
    (change,) = next(e for e in result.plan.edits if e.clause_id == "base-salary").changes
    assert "annual rate of (i) $141,000.00 during the period from April 1, 1998 to December 31, 1998; and (ii) " \
           "$148,800.00 commencing January 1, 1999." in change.after
    assert "changes the draft's full-time base salary schedule ($235,000 during the period from April 1, 1998 to " \
           "December 31, 1998, rising to $248,000 commencing January 1, 1999) to $141,000 during the period" in letter


STEVENS = ROOT / "eval" / "contracts" / "heldout5" / "1007297_1999-05-17_EXCITE_STEVENS_OFFER_LETTER.txt"
GUTHRIE = ROOT / "eval" / "contracts" / "heldout5" / "1022509_2005-09-15_TUMBLEWEED_GUTHRIE_OFFER_LETTER.txt"
REED = ROOT / "eval" / "contracts" / "heldout3" / "1001425_1999-05-14_GELTEX_REED_MD_OFFER_LETTER.txt"


def _clean_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return " ".join(re.sub(r"<[^>]+>", "", z.read("word/document.xml").decode().replace("</w:p>", " ")).split())


def test_the_redline_states_the_base_salary_the_letter_proposes_for_a_part_time_position(library, tmp_path,
                                                                                        txt2docx):
    """Clancey's "a base salary at the rate of $200,000 per annum", for full-time work, at 0.6 FTE (audit): the redline
    left the $200,000 and inserted the $35,000 stipend "in addition to base salary", so the clean copy paid $235,000
    where the letter proposed $120,000 plus $35,000. The redline now changes the figure to the letter's $120,000,
    word for word, with a margin comment saying why; the letter and the email say so. Full-time, it stays as
    drafted."""
    contract = _docx(txt2docx, CLANCEY, tmp_path)
    result = redline(contract, _profile_file(tmp_path, 0.6), tmp_path / "out", date="2026-11-27T00:00:00Z")
    edit = next(e for e in result.plan.edits if e.clause_id == "base-salary")
    (change,) = edit.changes
    assert "at the rate of $200,000 per annum" in change.before
    assert change.after == change.before.replace("$200,000", "$120,000")
    assert edit.comment.startswith("Sets the base salary at $120,000 for the 0.6 FTE position as a whole, as the "
                                   "cover letter proposes. The draft's base salary of $200,000 is for full-time work, "
                                   "so the agreement would otherwise state a salary for a position other than the one "
                                   "it describes.")
    clean = _clean_text(result.outputs["clean"])
    assert "a base salary at the rate of $120,000 per annum" in clean and "$200,000" not in clean
    assert "In addition to base salary, the Company shall pay Employee an annual leadership stipend of $35,000" in clean
    with zipfile.ZipFile(result.outputs["redline"]) as z:
        xml = z.read("word/document.xml").decode()
        assert "<w:delText>$200,000</w:delText>" in xml and "<w:t>$120,000</w:t>" in xml
        assert "Sets the base salary at $120,000" in re.sub(r"<[^>]+>", "", z.read("word/comments.xml").decode())
    letter = " ".join(result.outputs["letter_md"].read_text().split())
    assert "a base salary of $120,000 plus a fixed stipend of $35,000" in letter
    assert ("The enclosed redline changes the draft's full-time base salary of $200,000 to $120,000, so that the "
            "agreement states the pay for the 0.6 FTE position") in letter
    assert "leaves the draft's base salary" not in letter
    email = " ".join(result.outputs["email"].read_text().split())
    assert "The redline and the clean copy change the draft's full-time base salary of $200,000 to $120,000" in email

    whole = redline(contract, _profile_file(tmp_path, 1.0), tmp_path / "full", date="2026-11-27T00:00:00Z")
    assert not [e for e in whole.plan.edits if e.clause_id == "base-salary" and e.changes]
    assert "at the rate of $200,000 per annum" in _clean_text(whole.outputs["clean"])


def test_a_pay_period_salary_and_its_year_both_change_and_the_full_time_words_are_commented(library, tmp_path,
                                                                                           txt2docx):
    """McDermott's "full-time bi-weekly salary will be $5,192.00 ..., which is equivalent to $135,000 per annum" and
    Tighe's "annual salary will be $140,000.00. The Company will pay you $5,384.62 bi-weekly": both figures change,
    each as the draft writes it ($120,000 a year is $4,615.38 every two weeks), so the clean copy never states two
    salaries; the paragraph's own "full-time" is named in the edit's comment, as it gets no conforming note."""
    contract = _docx(txt2docx, MCDERMOTT, tmp_path)
    result = redline(contract, _profile_file(tmp_path, 0.6), tmp_path / "out", date="2026-11-27T00:00:00Z")
    edit = next(e for e in result.plan.edits if e.clause_id == "base-salary")
    (change,) = edit.changes
    assert "salary will be $4,615.38 payable every other Friday, which is equivalent to $120,000 per annum" in \
        change.after
    assert "(at 0.6 FTE it comes to $81,000)" in edit.comment
    assert edit.comment.endswith("This paragraph still speaks of full-time work (“full-time”); it should be conformed "
                                 "to the 0.6 FTE position whose pay it now states.")

    contract = _docx(txt2docx, TIGHE, tmp_path)
    result = redline(contract, _profile_file(tmp_path, 0.6), tmp_path / "tighe", date="2026-11-27T00:00:00Z")
    clean = _clean_text(result.outputs["clean"])
    assert "Your annual salary will be $120,000.00. The Company will pay you $4,615.38 bi-weekly" in clean


def test_a_salary_in_words_is_restated_in_words():
    """Mirgon's "A base salary of Two Hundred Thirty Thousand Dollars ($230,000) per annum", kept at 0.6 FTE as
    $138,000: the words change with the digits, so the clean copy does not state two figures."""
    from counterdraft.extract import pay_statements
    from counterdraft.plan import _restated

    text = "Salary. A base salary of Two Hundred Thirty Thousand Dollars ($230,000) per annum payable monthly."
    ((start, end, periods),) = pay_statements(text, 230000)
    assert (text[start:end], periods) == ("Two Hundred Thirty Thousand Dollars ($230,000)", 1)
    assert _restated(text[start:end], Decimal(138000)) == "One Hundred Thirty-Eight Thousand Dollars ($138,000)"


@pytest.mark.parametrize("source, quote", [
    (STEVENS, "as offered to all full time employees"),
    (GUTHRIE, "following full time employment start date, you and your eligible dependents"),
    (REED, "provided that you continue to be a full-time employee"),
])
def test_benefits_tied_to_full_time_status_are_asked_for_in_the_letter(library, tmp_path, txt2docx, source, quote):
    """Stevens's benefits "as offered to all full time employees", Guthrie's from "the first of the month following
    full time employment start date", Reed's loan forgiven if "you continue to be a full-time employee": the margin
    comment there asked that they apply to the 0.6 FTE position, and the letter did not. The FTE-split request now
    asks it too, and the comment says it on each; full-time, neither does."""
    contract = _docx(txt2docx, source, tmp_path)
    result = redline(contract, _profile_file(tmp_path, 0.6), tmp_path / "out", date="2026-11-27T00:00:00Z")
    letter = " ".join(result.outputs["letter_md"].read_text().split())
    assert ("Where the draft makes benefits or payments, or eligibility and vesting for them, depend on full-time "
            "status, could they apply to the 0.6 FTE position as they would to a full-time one?") in letter
    edit = next(e for e in result.plan.edits if e.clause_id == "fte-split")
    note = next(n for n in edit.conforming if quote in n.text)
    assert "Where a benefit or payment here depends on full-time status, it should apply to the position." in \
        note.comment

    whole = redline(contract, _profile_file(tmp_path, 1.0), tmp_path / "full", date="2026-11-27T00:00:00Z")
    assert "depend on full-time status" not in whole.outputs["letter_md"].read_text()


def test_full_time_words_far_from_a_benefit_tie_none_to_full_time_status(library, tmp_path):
    """Weigand's disability termination: "eligible for disability benefits" opens the sentence and duties resumed "on
    a regular full-time basis" end it; no benefit depends on full-time status, so the letter asks nothing of it."""
    from counterdraft.review import tied_to_full_time

    assert not tied_to_full_time(
        "If the Executive becomes eligible for disability benefits under the Company's long-term disability plans "
        "and arrangements, the Company shall have the right to terminate the employment of the Executive upon notice "
        "in writing to the Executive; provided, that, the Company will have no right to terminate the Executive's "
        "employment if it is reasonably certain that the Executive will be able to resume the Executive's duties on "
        "a regular full-time basis within 90 days.")
    assert tied_to_full_time("You will be eligible to participate in the group medical plan as offered to all full "
                             "time employees.")


PH4 = ROOT / "eval" / "contracts" / "physician" / "ph4-medical-director-services.txt"


@pytest.mark.parametrize("total_fte, warned", [(1.0, True), (0.6, True), (0.2, False)])
def test_a_draft_for_a_smaller_position_than_the_profiles_is_warned_of(library, tmp_path, txt2docx, total_fte,
                                                                       warned):
    """ph4 engages a medical director for "thirty-five (35) hours of Services per month, which the parties regard as
    approximately 0.2 FTE": with the sample profile (1.0 FTE) the letter asked $290,000 to $310,000 for it, and
    nothing said that the profile's position is not the draft's. Only the user can say which is meant: a warning."""
    contract = _docx(txt2docx, PH4, tmp_path)
    result = redline(contract, _profile_file(tmp_path, total_fte), tmp_path / "out", date="2026-01-05T09:00:00")
    said = [m.text for m in result.messages if "states a position of" in m.text]
    assert said == ([f"compensation: the draft states a position of 0.2 FTE ('Contractor shall cause Dr. Haugen to "
                     f"provide an average of thirty-five (35) hours of Services per month, which the parties regard as "
                     f"approximately 0.2 FTE, measured over each calendar quarter.'), and the profile's role is "
                     f"{total_fte} FTE (role.total_fte): the pay the letter asks for is the profile's, for a "
                     f"{total_fte} FTE position; check role.total_fte and the range sought (asks.base-salary) against "
                     f"this one"] if warned else [])
    assert bool(said) == ("states a position of 0.2 FTE" in result.outputs["memo"].read_text())


@pytest.mark.parametrize("paragraphs, position", [
    # the split the draft states, both shares summed
    (["3. Position. Your position is 0.5 FTE clinical services and 0.3 FTE informatics."],
     (0.8, "its FTE split, in '3. Position'")),
    # a share of the work is no position
    (["3. Position. Physician shall provide clinical services at 0.4 FTE."], None),
    (["3. Position. Physician shall work full time, with a clinical FTE of 0.6 and an informatics FTE of 0.4."], None),
])
def test_the_position_a_draft_states_is_its_whole_effort(library, tmp_path, paragraphs, position):
    d = docx.Document()
    for text in ["EMPLOYMENT AGREEMENT", *paragraphs]:
        d.add_paragraph(text)
    d.save(str(tmp_path / "c.docx"))
    reviewed = review(read_blocks(Package.open(tmp_path / "c.docx")), library, None, "c.docx")
    assert reviewed.position_fte == position
