"""`counterdraft apply`: the plan an attorney reviewed and edited by hand becomes the redline, exactly."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import oracles
from counterdraft.cli import main
from counterdraft.redline import redline

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "hybrid-offer.docx"
PROFILE = ROOT / "samples" / "profile.yaml"
DATE = "2026-01-01T00:00:00Z"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def plan(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("plan")
    return yaml.safe_load(redline(SAMPLE, PROFILE, out, date=DATE).outputs["plan"].read_text(encoding="utf-8"))


def _edit(plan: dict, clause_id: str) -> dict:
    return next(e for e in plan["edits"] if e["clause_id"] == clause_id)


def _write(path: Path, plan: dict) -> Path:
    path.write_text(yaml.safe_dump(plan, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _apply(*args: str):
    return CliRunner().invoke(main, ["apply", *args])


def test_an_edited_plan_becomes_the_redline(plan, tmp_path):
    """Reworded after-text and comment, one edit dropped: pandoc reads back exactly that, and rejecting every
    change gives the contract as it was."""
    edited = yaml.safe_load(yaml.safe_dump(plan))
    fte = _edit(edited, "fte-split")
    change = fte["changes"][0]
    assert "(b) 0.5 FTE to clinical informatics" in change["after"]
    change["after"] = change["after"].replace("(a) 0.5 FTE", "(a) 0.6 FTE").replace("(b) 0.5 FTE", "(b) 0.4 FTE")
    fte["comment"] = "Counsel's wording: a 0.6 / 0.4 split is the floor the physician can accept."
    dropped = _edit(edited, "non-compete")
    edited["edits"].remove(dropped)
    plan_path = _write(tmp_path / "reviewed.plan.yaml", edited)
    red, clean = tmp_path / "out.redline.docx", tmp_path / "out.clean.docx"
    before = sha(SAMPLE)

    result = _apply(str(SAMPLE), str(plan_path), "-o", str(red), "--clean", str(clean))

    assert result.exit_code == 0, result.output
    assert sha(SAMPLE) == before
    accepted = oracles.pandoc_text(red, "accept")
    assert "(a) 0.6 FTE to clinical services" in accepted and "(b) 0.4 FTE to clinical informatics" in accepted
    assert "twenty-four (24) months" in dropped["changes"][0]["before"]
    assert "twenty-four (24) months" in accepted and "twelve (12) months" not in accepted  # left as it was
    assert oracles.pandoc_text(red, "reject") == oracles.pandoc_text(SAMPLE, "accept")
    assert accepted == oracles.pandoc_text(clean, "accept")
    notes = [c["text"] for c in oracles.comments(red)]
    assert fte["comment"] in notes
    assert dropped["comment"] not in notes
    assert len(notes) == len([e for e in edited["edits"] if e["kind"] != "letter"]) + len(fte["conforming"])
    assert oracles.validate_docx(red) == []
    assert "non-compete                  skipped" not in result.output  # a dropped edit is not reported at all
    assert f"wrote {red}" in result.output and f"wrote {clean}" in result.output


def test_the_unedited_plan_gives_the_redline_that_redline_wrote(plan, tmp_path):
    plan_path = _write(tmp_path / "hybrid-offer.plan.yaml", plan)
    red = tmp_path / "again.redline.docx"
    assert _apply(str(SAMPLE), str(plan_path), "-o", str(red)).exit_code == 0
    first = redline(SAMPLE, PROFILE, tmp_path / "first", date=DATE).outputs["redline"]
    assert red.read_bytes() == first.read_bytes()


def test_an_edit_whose_original_text_changed_is_skipped_not_forced(plan, tmp_path):
    edited = yaml.safe_load(yaml.safe_dump(plan))
    ip = _edit(edited, "intellectual-property")
    ip["changes"][0]["before"] = ip["changes"][0]["before"].replace("Employer", "Company", 1)
    plan_path = _write(tmp_path / "stale.plan.yaml", edited)
    red = tmp_path / "stale.redline.docx"

    result = _apply(str(SAMPLE), str(plan_path), "-o", str(red))

    assert result.exit_code == 0, result.output
    assert "intellectual-property: edit skipped" in result.output
    assert "intellectual-property        skipped" in result.output
    accepted = oracles.pandoc_text(red, "accept")
    assert "0.5 FTE to clinical informatics" in accepted  # the other edits are made
    assert oracles.pandoc_text(red, "reject") == oracles.pandoc_text(SAMPLE, "accept")


def test_conforming_notes_are_made_as_the_plan_has_them(plan, tmp_path):
    """One conforming note dropped, the other's paragraph no longer the contract's: neither comment is made, the
    second with a warning, and the edits themselves are made."""
    edited = yaml.safe_load(yaml.safe_dump(plan))
    fte = _edit(edited, "fte-split")
    assert [n["quote"] for n in fte["conforming"]] == ["Clinical base salary (0.7 FTE)",
                                                       "Informatics stipend (0.3 FTE)"]
    fte["conforming"].pop(0)
    fte["conforming"][0]["text"] = "Informatics stipend (0.4 FTE)"
    plan_path = _write(tmp_path / "notes.plan.yaml", edited)
    red = tmp_path / "notes.redline.docx"

    result = _apply(str(SAMPLE), str(plan_path), "-o", str(red))

    assert result.exit_code == 0, result.output
    assert "fte-split: conforming comment not made: paragraph word/document.xml#10 no longer reads as planned" \
        in result.output
    comments = oracles.comments(red)
    assert not [c for c in comments if c["text"].startswith("Conforming change needed")]
    assert fte["comment"] in [c["text"] for c in comments]


def test_a_plan_for_another_contract_says_so(plan, tmp_path):
    edited = dict(plan, contract="someone-else.docx")
    result = _apply(str(SAMPLE), str(_write(tmp_path / "p.yaml", edited)), "-o", str(tmp_path / "r.docx"))
    assert result.exit_code == 0
    assert "the plan was made for someone-else.docx, not hybrid-offer.docx" in result.output


@pytest.mark.parametrize("damage, message", [
    (lambda p: p["edits"][0].update(bogus=1), "edits.0.bogus: unknown key"),
    (lambda p: p["edits"][0]["changes"][0].pop("before"), "edits.0.changes.0.before: missing (required)"),
    (lambda p: p.update(edits="all of them"), "edits: Input should be a valid list"),
])
def test_a_damaged_plan_is_one_line_naming_the_file_and_field_and_writes_nothing(plan, tmp_path, damage, message):
    edited = yaml.safe_load(yaml.safe_dump(plan))
    damage(edited)
    plan_path = _write(tmp_path / "bad.plan.yaml", edited)
    red = tmp_path / "r.docx"
    result = _apply(str(SAMPLE), str(plan_path), "-o", str(red))
    assert result.exit_code == 2
    assert result.output.strip() == f"Error: {plan_path}: {message}"
    assert not red.exists()


def test_outputs_never_overwrite_the_contract_or_each_other(plan, tmp_path):
    contract = tmp_path / "contract.docx"
    contract.write_bytes(SAMPLE.read_bytes())
    plan_path = _write(tmp_path / "p.yaml", plan)
    result = _apply(str(contract), str(plan_path), "-o", str(contract))
    assert result.exit_code == 2 and "would overwrite an input file" in result.output
    assert contract.read_bytes() == SAMPLE.read_bytes()
    same = tmp_path / "same.docx"
    result = _apply(str(contract), str(plan_path), "-o", str(same), "--clean", str(same))
    assert result.exit_code == 2 and "both as the redline and as the clean copy" in result.output
    assert not same.exists()
