"""What only an employment can hold is asked of no independent contractor, and no bonus ask offers less than the
draft (attorney audit 10, profile F: a full-time Associate CMIO asking a growth path, reporting lines, program
discontinuation, a guaranteed term and a 15% bonus target)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from counterdraft.models import Clause
from counterdraft.redline import redline

ROOT = Path(__file__).resolve().parents[1]
CONTRACTS = ROOT / "eval" / "contracts"
DATE = "2026-11-28T00:00:00Z"


def profile_f() -> dict:
    """The audit's profile F, on the sample profile's physician and employer."""
    data = yaml.safe_load((ROOT / "samples" / "profile.yaml").read_text())
    data["role"].update({"title": "Associate Chief Medical Information Officer", "total_fte": 1.0})
    data["priorities"] = ["growth-path", "reporting-structure", "program-discontinuation", "bonus-incentive"]
    data["asks"] = {
        "growth-path": {"first_review_months": 12, "second_review_months": 24, "target_informatics_fte": 0.8,
                        "target_title": "Chief Medical Information Officer"},
        "reporting-structure": {"informatics_reports_to": "Chief Medical Officer",
                                "clinical_reports_to": "Chair of Internal Medicine", "change_notice_days": 60},
        "program-discontinuation": {"notice_days": 180, "clinical_only_fte": 1.0, "clinical_only_salary_usd": 280000,
                                    "severance_months": 6},
        "bonus-incentive": {"target_percent": 15},
        "term": {"initial_term_months": 36, "renewal_notice_days": 120},
    }
    data["compensation"] = {"base_salary": 270000, "stipend": 75000}
    return data


def run(folder: Path, contract: Path):
    (folder / "profile.yaml").write_text(yaml.safe_dump(profile_f(), sort_keys=False))
    return redline(contract, folder / "profile.yaml", folder / "out", date=DATE)


def flat(result, key: str) -> str:
    return " ".join(result.outputs[key].read_text().replace("\\", "").split())


def edits(result) -> dict[str, dict]:
    plan = yaml.safe_load(result.outputs["plan"].read_text())
    return {e["clause_id"]: e for e in plan["edits"]}


# ------------------------------------------------------------------------------------------------ a contractor
@pytest.fixture(scope="module")
def contractor(tmp_path_factory, shared_dir):
    """Common Paper's independent contractor agreement: "Contractor will determine the manner and means"."""
    source = shared_dir / "corpus" / "contracts" / "docx_forms" / "common-paper-independent-contractor-agreement.docx"
    if not source.is_file():
        pytest.skip(f"{source} is not in the shared corpus")
    return run(tmp_path_factory.mktemp("contractor"), source)


def test_a_contractor_is_given_no_supervisor_promotion_or_severance(contractor):
    """The clean copy said "Each of them directs only the duties within that portion" (reporting lines) and "appoint
    Contractor as Chief Medical Information Officer" (growth path), and the letter asked to "move to a 1.0 FTE
    clinical role at no less than $280,000 or receive 6 months of severance": what only an employee has, beside the
    draft's "Contractor will determine the manner and means". None is asked for, and the plan says why."""
    planned = edits(contractor)
    assert not {"growth-path", "reporting-structure", "program-discontinuation"} & set(planned)
    why = {m.text.split(":")[0]: m.text for m in contractor.messages if "so nothing is asked" in m.text}
    assert {"growth-path", "reporting-structure", "program-discontinuation"} <= set(why)
    assert "manner and means" in why["reporting-structure"]
    letter = flat(contractor, "letter_md")
    for words in ("Chief Medical Information Officer title", "reporting leader", "1.0 FTE clinical role",
                  "months of severance"):
        assert words not in letter


def test_a_contractors_term_continues_no_salary(contractor):
    """The letter asked for a guaranteed term "so that salary and stipend continue through it": an employee's pay.
    A contractor is asked for the term and its notice of non-renewal alone, which the redline now writes in, without
    the employee's "compensation, benefits and FTE allocation continue" until a non-renewal takes effect."""
    term = edits(contractor)["term"]
    request = " ".join(term["request"].split())
    assert request == ("Given that the informatics program will take time to show results, could we set an initial "
                       "term of 36 months, renewing for twelve-month terms unless either of us gives 120 days' notice "
                       "of non-renewal?")
    wording = " ".join(c["after"] for c in term["changes"])
    assert "initial term of thirty-six (36) months" in wording
    assert "salary" not in wording.lower() and "salary" not in term["comment"].lower()
    assert "benefits" not in wording and "FTE allocation" not in wording


def test_a_consultant_in_a_cuad_agreement_is_asked_no_employees_terms(tmp_path, shared_dir, txt2docx):
    """Emerald's consulting agreement with Morello: its letter asked for a clinical-only role or severance if the
    program ended, and that "salary and stipend continue" through a guaranteed term."""
    source = shared_dir / "corpus" / "contracts" / "cuad" / \
        "EMERALDHEALTHTHERAPEUTICSINC_06_10_2020-EX-4.5-CONSULTING AGREEMENT - DR. GAETANO MORELLO N.D. INC..txt"
    if not source.is_file():
        pytest.skip(f"{source} is not in the shared corpus")
    result = run(tmp_path, txt2docx.convert(source, tmp_path / "emerald.docx"))
    letter = flat(result, "letter_md")
    assert "severance" not in letter and "salary and stipend continue" not in letter
    assert not {"growth-path", "reporting-structure", "program-discontinuation"} & set(edits(result))


# ------------------------------------------------------------------------------------------------ the bonus
def test_a_dollar_ceiling_above_the_asked_target_is_kept_and_named(tmp_path, txt2docx):
    """Donaldson's "annual bonus of up to $2,000,000" beside a $1,000,000 salary (200%): the letter asked "Could we
    write the incentive as a target of 15% of base salary", and the memo never named the ceiling."""
    source = CONTRACTS / "heldout4" / "1013761_2000-08-04_AETNA_DONALDSON_LETTER_AGREEMENT.txt"
    result = run(tmp_path, txt2docx.convert(source, tmp_path / "donaldson.docx"))
    request = " ".join(edits(result)["bonus-incentive"]["request"].split())
    assert "target of 15%" not in request
    assert request.startswith("Could the agreement state the incentive's target within the draft's ceiling of "
                              "$2,000,000 a year, 200% of base salary")
    assert "bonus of up to $2,000,000" in flat(result, "memo")


def test_a_target_tied_to_a_plan_is_kept_not_replaced_by_a_flat_one(tmp_path, txt2docx):
    """Eshelman's target is "the bonus range and target set by category I of the Employee Incentive Compensation
    Plan"; the letter asked for a flat 15%, which may be less."""
    source = CONTRACTS / "heldout6" / "1003124_2009-05-22_PPD_ESHELMAN_EMPLOYMENT_AGREEMENT.txt"
    result = run(tmp_path, txt2docx.convert(source, tmp_path / "eshelman.docx"))
    request = " ".join(edits(result)["bonus-incentive"]["request"].split())
    assert request.startswith("Could we keep the incentive target the draft ties to its plan, and write that it "
                              "will be no less than 15% of base salary")


def test_a_share_of_salary_is_read_only_into_a_percentage(library):
    """`share_of_salary` names a percentage parameter with a rule to read it; a dollar one is refused."""
    data = library.get("bonus-incentive").model_dump(exclude={"source"})
    data["extract"]["maximum_usd"]["share_of_salary"] = ["minimum_usd"]
    with pytest.raises(ValueError, match="share_of_salary"):
        Clause.model_validate(data)
