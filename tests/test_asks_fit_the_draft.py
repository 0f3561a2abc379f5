"""What the letter, the memo and the redline ask fits the draft in front of them (attorney audit 9, profile E: a 0.6
total-FTE academic pediatrician-informaticist at 0.4 clinical / 0.2 informatics FTE): no figure offered for a term
the draft lacks, one ask said the same way by the letter, the redline's wording and its comment, and inserted text in
the draft's own defined terms and voice."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from counterdraft.redline import redline
from test_pay import offer

ROOT = Path(__file__).resolve().parents[1]
CONTRACTS = ROOT / "eval" / "contracts"
DATE = "2026-11-27T00:00:00Z"


def profile_e() -> dict:
    """The audit's profile E, on the sample profile's physician and employer."""
    data = yaml.safe_load((ROOT / "samples" / "profile.yaml").read_text())
    data["role"].update({"setting": "academic", "total_fte": 0.6})
    data["priorities"] = ["fte-split", "protected-time", "productivity-rvu", "termination-without-cause",
                          "malpractice"]
    data["asks"] = {
        "termination-without-cause": {"notice_days": 180},
        "fte-split": {"clinical_fte": 0.4, "informatics_fte": 0.2},
        "protected-time": {"project_hours_per_week": 4, "certification_days": 3},
        "malpractice": {"coverage_type": "claims-made", "per_claim_usd": 1000000, "aggregate_usd": 3000000},
        "productivity-rvu": {"full_time_wrvu_target": 4400, "clinical_fte": 0.4},
        "base-salary": {"target_total_min": 150000, "target_total_max": 165000},
        "academic-promotion": {"initial_rank": "Assistant Professor", "faculty_track": "Clinician Educator",
                               "criteria_days": 90},
    }
    data["compensation"] = {"base_salary": 120000, "stipend": 35000}
    return data


def run(folder: Path, contract: Path, data: dict | None = None):
    (folder / "profile.yaml").write_text(yaml.safe_dump(data or profile_e(), sort_keys=False))
    return redline(contract, folder / "profile.yaml", folder / "out", date=DATE)


def flat(result, key: str) -> str:
    return " ".join(result.outputs[key].read_text().replace("\\", "").split())


@pytest.fixture(scope="module")
def tighe(tmp_path_factory, txt2docx):
    """ArthroCare's offer to Tighe (held-out 4): a $140,000 salary, no productivity requirement, no "Effective Date"."""
    folder = tmp_path_factory.mktemp("tighe")
    source = CONTRACTS / "heldout4" / "1005010_1999-05-18_ARTHROCARE_TIGHE_OFFER_LETTER.txt"
    return run(folder, txt2docx.convert(source, folder / "tighe.docx"))


# ------------------------------------------------------------------------------------------------ productivity
def test_a_draft_without_a_productivity_target_is_offered_no_wrvu_figure(tighe):
    """Tighe's letter said "At 0.4 clinical FTE, the full-time productivity target of 4,400 wRVUs becomes 1,760
    wRVUs" and its memo's table repeated it, while the memo noted "productivity-rvu: not in the contract, which
    suits the profile; nothing to ask": a target offered to an employer whose draft sets none."""
    for key in ("letter_md", "memo", "email"):
        assert "wRVU" not in flat(tighe, key), key
    assert any(m.text == "productivity-rvu: not in the contract, which suits the profile; nothing to ask"
               for m in tighe.messages)


def test_a_draft_with_a_full_time_productivity_target_is_asked_the_scaled_one(tmp_path):
    """Where the draft sets a full-time target, the letter's figures scale it to the clinical FTE, as the redline
    does."""
    result = run(tmp_path, offer(tmp_path, "1. Base Salary. Employer shall pay Physician a base salary of $120,000 "
                                           "per year.",
                                 "2. Productivity. Physician shall meet an annual productivity target of 4,400 wRVUs, "
                                 "the level expected of a full-time physician."))
    letter = flat(result, "letter_md")
    assert "the full-time productivity target of 4,400 wRVUs becomes 1,760 wRVUs" in letter
    assert "1,760 wRVUs" in flat(result, "memo")


def test_a_draft_that_denies_any_productivity_target_is_offered_no_wrvu_figure(tmp_path, txt2docx):
    """ph2, the academic offer: "you will not have an RVU target". Its review now reads no target there, and the
    letter for the bundled hospitalist profile had still said "At 0.4 clinical FTE, the full-time productivity
    target of 4,200 wRVUs becomes 1,680 wRVUs", offering the employer a target its draft had ruled out."""
    source = CONTRACTS / "physician" / "ph2-amc-informatics-offer.txt"
    hospitalist = yaml.safe_load((ROOT / "samples" / "profile-hospitalist.yaml").read_text())
    result = run(tmp_path, txt2docx.convert(source, tmp_path / "ph2.docx"), hospitalist)
    assert "you will not have an RVU target" in result.reviewed.finding("productivity-rvu").text
    for key in ("letter_md", "memo", "email"):
        assert "wRVU" not in flat(result, key), key
    assert not any(e.topic == "productivity-rvu" for e in result.plan.edits)


def test_pay_by_a_share_of_collections_asks_for_the_informatics_work_to_be_paid_outside_it(tmp_path, txt2docx):
    """ph3, the group practice: after the guarantee, "forty-two percent (42%) of the net professional collections
    attributable to services Physician personally performed", and no wRVU target. The letter had asked to "state
    the productivity target as 2,520 wRVUs", offering a measure the draft does not have, while the formula pays
    nothing for the informatics time."""
    source = CONTRACTS / "physician" / "ph3-group-practice.txt"
    hospitalist = yaml.safe_load((ROOT / "samples" / "profile-hospitalist.yaml").read_text())
    result = run(tmp_path, txt2docx.convert(source, tmp_path / "ph3.docx"), hospitalist)
    finding = result.reviewed.finding("productivity-rvu")
    assert finding.assessment == "weak" and finding.message.startswith("Production pay is a share of collections")
    letter = flat(result, "letter_md")
    assert "could we pay for it as a fixed part of my salary outside the production formula, with production pay " \
           "measured on my 0.6 clinical FTE alone?" in letter
    for key in ("letter_md", "memo", "email"):
        assert "wRVU" not in flat(result, key), key


# ------------------------------------------------------------------------------------------------ the memo
def test_each_memo_row_gives_its_own_topics_rationale(tighe):
    """Tighe's memo row for the FTE split (letter only) gave protected time's reason, "Protected time keeps
    informatics work from being displaced by clinical scheduling", beside the protected-time row of its own."""
    rows = {cells[1]: cells for cells in (line.split(" | ") for line in flat_lines(tighe, "memo"))
            if len(cells) > 5}
    split = rows["FTE split and duties"]
    assert "Protected time" not in split[4]
    assert "how much of the role is informatics" in split[4]


def flat_lines(result, key: str) -> list[str]:
    return result.outputs[key].read_text().replace("\\", "").splitlines()


# ------------------------------------------------------------------------------------------------ terms and voice
def inserted(result) -> list[str]:
    plan = yaml.safe_load(result.outputs["plan"].read_text())
    return [p["text"] for e in plan["edits"] for p in e.get("new_paragraphs") or []]


def test_inserted_text_names_the_start_date_as_a_draft_defining_none_does(tighe):
    """Tighe's offer letter defines no "Effective Date" (nor any start date), yet the inserted academic appointment
    was "effective on or about the Effective Date", a capitalised term the draft never defines."""
    paragraphs = inserted(tighe)
    assert any("effective on or about the start date" in p for p in paragraphs)
    assert not any("Effective Date" in p for p in paragraphs)


@pytest.mark.parametrize("texts, start", [
    (["Dear Chris,", "The options vest from the date the Board grants them or your start date."], "start date"),
    (["Dear Jo,", "Objectives will be set within 60 days of your hire date."], "hire date"),
    (["This Agreement is effective as of the Effective Date."], "Effective Date"),  # used, if never defined
    (["The Executive shall serve the Company."], "start date"),
])
def test_a_start_date_no_one_defines_is_named_in_the_drafts_words(texts, start):
    from counterdraft.terms import find_terms

    assert find_terms(texts).start == start


def test_words_set_into_a_letter_to_you_keep_its_voice(tmp_path, shared_dir, txt2docx):
    """FirstEnergy's letter to Grigg says "Your duties ... and such other duties as may be assigned from time to
    time"; the edit made it "such other duties as Dr. Oduya and the Company agree in writing" inside that sentence
    to "you". The clauses inserted beside it speak to "you" as well (test_terms: the verbs agree)."""
    source = shared_dir / "corpus" / "contracts" / "sec_employment" / \
        "1031296_2004-11-04_EX-10.41_EMPLOYMENT_AGREEMENT.txt"
    if not source.is_file():
        pytest.skip(f"{source} is not in the shared corpus")
    result = run(tmp_path, txt2docx.convert(source, tmp_path / "grigg.docx"))
    plan = yaml.safe_load(result.outputs["plan"].read_text())
    split = next(e for e in plan["edits"] if e["clause_id"] == "fte-split")
    after = " ".join(" ".join(c["after"] for c in split["changes"]).split())
    assert "such other duties as you and the Company agree in writing. In consideration of your performance" in after
    paragraphs = inserted(result)
    assert any("except with your agreement for a specific occasion" in p for p in paragraphs)
    assert not any("Whitfield" in p for p in paragraphs)


# ------------------------------------------------------------------------------------------------ a contractor
@pytest.fixture(scope="module")
def contractor(tmp_path_factory, shared_dir):
    """Common Paper's independent contractor agreement: only the Company may end it without cause (on 30 days'
    notice), and "Company will not carry any liability insurance on behalf of Contractor. Contractor will maintain
    adequate liability insurance"."""
    source = shared_dir / "corpus" / "contracts" / "docx_forms" / "common-paper-independent-contractor-agreement.docx"
    if not source.is_file():
        pytest.skip(f"{source} is not in the shared corpus")
    return run(tmp_path_factory.mktemp("contractor"), source)


def edit_of(result, clause_id: str) -> dict:
    plan = yaml.safe_load(result.outputs["plan"].read_text())
    return next(e for e in plan["edits"] if e["clause_id"] == clause_id)


def test_a_contractor_without_a_right_to_leave_asks_one_on_a_short_notice(contractor):
    """The letter asked for the Company's notice at 180 days and "could I have the same right, on the same notice?",
    binding the contractor to six months' notice; the comment said "the same right, on the same notice"."""
    edit = edit_of(contractor, "termination-without-cause")
    request, comment = " ".join(edit["request"].split()), " ".join(edit["comment"].split())
    assert "end my engagement without cause at 180 days? The draft gives me no right of my own to end it without " \
           "cause; could I have one, with 30 days' notice when I end it?" in request
    assert "the letter asks for a right of the physician's own, on 30 days' notice." in comment
    letter = flat(contractor, "letter_md")
    assert "same notice" not in letter and "with 30 days' notice when I end it?" in letter


def test_insurance_the_draft_leaves_to_the_contractor_is_asked_of_the_company(contractor):
    """The redline inserts "Company shall provide, at its sole expense, professional liability insurance" beside the
    draft's "Company will not carry any liability insurance", yet the letter asked only "If the professional
    liability coverage is claims-made, could you pay for tail coverage" and the comment said "Puts the cost of any tail
    coverage on the Employer". Letter, redline and comment now ask the same: that the Company provide it."""
    edit = edit_of(contractor, "malpractice")
    assert edit["kind"] == "insert"
    assert any(p["text"].startswith("Company shall provide, at its sole expense, professional liability insurance")
               for p in edit["new_paragraphs"])
    request, comment = " ".join(edit["request"].split()), " ".join(edit["comment"].split())
    assert request.startswith("The draft leaves liability insurance to me; could you provide professional liability "
                              "coverage and, if it is claims-made, pay for tail coverage whenever the engagement ends")
    assert comment.startswith("Has the Employer provide professional liability insurance at the Employer's expense, "
                              "where the draft leaves liability insurance to the Physician")
    assert "Puts the cost" not in comment and "If the professional liability coverage is claims-made" not in request


def test_a_contractors_faculty_appointment_names_no_reporting_leader(contractor):
    """The inserted faculty appointment said "Contractor's informatics reporting leader shall be consulted in each
    review": a reporting line, in an agreement whose contractor answers to no one's direction."""
    edit = edit_of(contractor, "academic-promotion")
    text = " ".join(p["text"] for p in edit["new_paragraphs"])
    assert "promotion reviews and annual merit evaluations." in text
    assert "reporting leader" not in text
