"""One pay story in every output: the stipend the letter names (or leaves unnamed) is the one the plan writes, in the
redline's text, its comment, the request, the letter, the memo and the email (compensation.decide, decided once).

Profile B is the fourth attorney audit's hospitalist-informaticist: a $250,000 base plus a $100,000 leadership
stipend, $340,000 to $360,000 sought."""
from __future__ import annotations

import re
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
import yaml

import oracles
from counterdraft.compensation import Figure, compute, for_the_letter
from counterdraft.loading import load_model
from counterdraft.models import Profile
from counterdraft.plan import make_plan
from counterdraft.redline import redline
from counterdraft.review import review
from counterdraft.wordml.package import Package
from counterdraft.wordml.read import read_blocks
from counterdraft.wording import Unpriced, render_string

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "hybrid-offer.docx"
DATE = "2026-11-27T00:00:00Z"


def profile_b() -> dict:
    data = yaml.safe_load((ROOT / "samples" / "profile.yaml").read_text())
    data["priorities"] = ["fte-split", "leadership-stipend", "termination-without-cause"]
    data["asks"]["base-salary"] = {"target_total_min": 340000, "target_total_max": 360000}
    data["asks"]["fte-split"] = {"clinical_fte": 0.6, "informatics_fte": 0.4}
    data["compensation"] = {"base_salary": 250000, "stipend": 100000}
    return data


def write_profile(folder: Path, data: dict) -> Path:
    path = folder / "profile-b.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def offer(folder: Path, *paragraphs: str) -> Path:
    """A short agreement: its paragraphs after a title and the parties, with a without-cause notice to close."""
    d = docx.Document()
    d.add_paragraph("PHYSICIAN EMPLOYMENT AGREEMENT")
    d.add_paragraph('This Agreement is made between Great Lakes Medical Partners ("Employer") and Priya N. '
                    'Ramaswamy, MD ("Physician").')
    for text in paragraphs:
        d.add_paragraph(text)
    d.add_paragraph("9. Termination. Either party may terminate this Agreement without cause on thirty (30) days' "
                    "written notice.")
    d.save(str(folder / "offer.docx"))
    return folder / "offer.docx"


def sent(result) -> dict[str, str]:
    """Every text that reaches the other side or the physician: the plan, the letter, the email, the memo, and the
    redline's and clean copy's XML."""
    out = {key: result.outputs[key].read_text() for key in ("plan", "letter_md", "email", "memo")}
    for key in ("redline", "clean"):
        with zipfile.ZipFile(result.outputs[key]) as z:
            out.update({f"{key}: {p}": z.read(p).decode("utf-8") for p in z.namelist() if p.endswith(".xml")})
    return {key: " ".join(text.replace("\\", "").split()) for key, text in out.items()}


# ------------------------------------------------------------------------------------ a stipend in a table's cell
@pytest.fixture(scope="module")
def hybrid_b(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hybrid-b")
    return redline(SAMPLE, write_profile(folder, profile_b()), folder / "out", date=DATE)


def test_the_stipend_a_table_states_is_changed_to_the_one_asked(hybrid_b):
    """Audit 4: the comment said "Sets the leadership stipend at a fixed $100,000 a year" while the table kept
    "Informatics stipend (0.3 FTE) | $36,000", and the edit of the budget proviso ("may not be reduced") fixed that
    $36,000: an employer accepting every change had the physician agree to it. The cell now says $100,000."""
    stipend = next(e for e in hybrid_b.plan.edits if e.clause_id == "leadership-stipend")
    assert [(c.before, c.after) for c in stipend.changes][0] == ("$36,000", "$100,000")
    assert "may not be reduced except by a written amendment" in stipend.changes[1].after
    assert stipend.comment.startswith("Raises the leadership stipend to $100,000 a year (from $36,000) and replaces "
                                      "its budget proviso with an amount that changes only by written amendment")
    # the totals that still add up the $36,000 keep their figures, and the comment says so (conforming)
    assert "section 'Total' are left as drafted, with a margin comment asking for the conforming change" in \
        stipend.comment
    accepted = " ".join(oracles.pandoc_text(hybrid_b.outputs["redline"], "accept").split())
    assert "Informatics stipend (0.3 FTE) $100,000" in accepted and "$36,000" not in accepted
    assert accepted == " ".join(oracles.pandoc_text(hybrid_b.outputs["clean"], "accept").split())
    assert oracles.pandoc_text(hybrid_b.outputs["redline"], "reject") == oracles.pandoc_text(SAMPLE, "accept")
    letter = " ".join(hybrid_b.outputs["letter_md"].read_text().split())
    assert "a base salary of $250,000 plus a fixed stipend of $100,000" in letter
    assert "could we set the stipend as a fixed $100,000 per year" in letter


def test_the_totals_that_counted_the_old_stipend_get_a_conforming_comment(hybrid_b):
    """"Total | $260,000" and "total annual compensation of ... ($260,000)" no longer add up once the stipend is
    $100,000: each gets a margin comment asking for the conforming change, and its text stays."""
    notes = {n.quote: n.comment for e in hybrid_b.plan.edits if e.clause_id == "leadership-stipend"
             for n in e.conforming}
    assert len(notes) == 2 and "$260,000" in notes
    for comment in notes.values():
        assert comment.startswith("Conforming change needed: Section 4 as revised changes the stipend from $36,000 to "
                                  "$100,000, and the total here still counts the earlier figure.")
    anchors = {c["anchor"] for c in oracles.comments(hybrid_b.outputs["redline"])}
    assert "$260,000" in anchors
    assert "Total $260,000" in " ".join(oracles.pandoc_text(hybrid_b.outputs["clean"], "accept").split())


def test_the_redline_with_a_changed_cell_is_sound(hybrid_b, libreoffice):
    """The stipend's comment runs from the table's cell to the paragraph after the table."""
    red = hybrid_b.outputs["redline"]
    assert oracles.validate_docx(red) == [] and oracles.lint_revisions(red) == []
    got, original, cleaned = oracles.lo_texts_many([red, SAMPLE, hybrid_b.outputs["clean"]])
    assert got["reject"] == original["accept"] and got["accept"] == cleaned["accept"]


# ------------------------------------------------------------------ a stipend the profile's would take past the range
def test_a_stipend_the_profiles_would_take_past_the_range_is_the_gap_to_its_top_everywhere(tmp_path):
    """Carns (audit 4): the letter kept the draft's $318,000 base and asked to "add a fixed stipend", naming none
    ($418,000 would pass the range), while item 5, the inserted "2B. Leadership Stipend" and the memo asked for a
    fixed $100,000. Audit 5 (Weigand, Garrett, Mirgon): the blank "[amount to be agreed]" then went to the employer
    although the figures were known. Every output now names $42,000, the gap from $318,000 to the $360,000 top of
    the range; no output names $100,000 or a blank."""
    contract = offer(tmp_path, "1. Base Compensation. Employer shall pay Physician a base salary of $318,000 per "
                               "year, payable in accordance with Employer's payroll practices.")
    result = redline(contract, write_profile(tmp_path, profile_b()), tmp_path / "out", date=DATE)
    texts = sent(result)
    for name, text in texts.items():  # the memo's notes tell the attorney of the profile's figure
        assert "$100,000" not in text.split("## Notes from the run")[0] and "to be agreed" not in text, name
    stipend = next(e for e in result.plan.edits if e.clause_id == "leadership-stipend")
    assert stipend.kind == "insert" and "leadership stipend of $42,000" in stipend.new_paragraphs[-1].text
    assert "add a fixed leadership stipend of $42,000 per year" in stipend.request
    assert stipend.parameters == {"amount_usd": 42000}
    letter = texts["letter_md"]
    assert "keep the draft's base salary of $318,000 and add a fixed stipend of $42,000 for the informatics " \
           "leadership work, $360,000 a year before any bonus" in letter
    # the plan's base-salary request is the letter's, not the clause's "standard clinical base rate"
    pay = next(e for e in result.plan.edits if e.clause_id == "base-salary")
    assert "keep the base salary at $318,000, with the $42,000 stipend of item 2?" in pay.request
    assert "standard" not in texts["plan"]
    assert "keeping the draft's base salary of $318,000 and adding a $42,000 stipend" in texts["email"]
    said = [m.text for m in result.messages]
    assert "compensation: the letter names a stipend of $42,000, the gap to the top of the range sought in whole " \
           "thousands (the profile's $100,000 would take the pay to $418,000)" in said


def test_no_stipend_is_asked_for_where_the_draft_already_pays_the_range(tmp_path):
    """Langecker and Moylan (audit 4): "I am not asking to change it [$350,000]", and a $100,000 stipend inserted
    and asked for beside it."""
    contract = offer(tmp_path, "1. Base Salary. Employer shall pay Physician a base salary of $350,000 per year.")
    result = redline(contract, write_profile(tmp_path, profile_b()), tmp_path / "out", date=DATE)
    assert "leadership-stipend" not in [e.clause_id for e in result.plan.edits]
    assert "base-salary" not in [e.clause_id for e in result.plan.edits]
    for name, text in sent(result).items():
        assert "$100,000" not in text and "Leadership Stipend" not in text, name
    letter = " ".join(result.outputs["letter_md"].read_text().split())
    assert "The $350,000 a year the draft offers in base salary fits the scope of this role" in letter


def test_the_memo_measures_a_stipend_the_letter_keeps_against_that_stipend(tmp_path):
    """Audit: the draft's $300,000 base and $50,000 stipend meet the range, so the letter asks for no more pay and the
    plan keeps the $50,000; yet the review, run before the pay was decided, called the stipend "below the $100,000 a
    year asked for", which the memo (its weak terms and its notes) and the plan's warning repeated. The stipend is
    judged against the one every output asks for."""
    contract = offer(tmp_path, "1. Compensation. Employer shall pay Physician a base salary of $300,000 per year and "
                               "an informatics stipend of $50,000 per year.")
    result = redline(contract, write_profile(tmp_path, profile_b()), tmp_path / "out", date=DATE)
    stipend = result.reviewed.finding("leadership-stipend")
    assert stipend.assessment == "ok" and stipend.message.startswith("The contract states stipend $50,000.")
    for name, text in sent(result).items():
        assert "$100,000" not in text, name
    assert "leadership-stipend" not in result.outputs["memo"].read_text()


# ----------------------------------------------------------------------------------- the planner, a stipend stated
def _plan(tmp_path: Path, data: dict, *paragraphs: str):
    profile = load_model(write_profile(tmp_path, data), Profile)
    from counterdraft.library import load_library
    library = load_library()
    reviewed = review(read_blocks(Package.open(offer(tmp_path, *paragraphs))), library, profile, "offer.docx")
    plan = make_plan(reviewed, library, profile, "offer.docx", "Priya", DATE)
    return {e.clause_id: e for e in plan.edits}, [m.text for m in plan.messages]


def test_a_lower_stipend_the_edit_cannot_change_is_not_made_fixed(tmp_path):
    """"The stipend shall be $36,000", which the amount's edit does not reach: making it one that "may not be
    reduced" would fix $36,000 under a comment asking for $100,000. The stipend is asked for in the letter."""
    edits, said = _plan(tmp_path, profile_b(),
                        "1. Compensation. Employer shall pay Physician a base salary of $224,000 per year. The "
                        "informatics stipend shall be $36,000 per year and remains subject to Employer's budget "
                        "approval process.")
    stipend = edits["leadership-stipend"]
    assert stipend.kind == "letter" and not stipend.changes
    assert "could we set the stipend as a fixed $100,000 per year" in stipend.request
    assert any(m.startswith("leadership-stipend: ") and "below the $100,000 a year asked for. Section '1. "
               "Compensation' does not state the $100,000 stipend asked for, and no edit could write it there; making "
               "it binding would lock in the figure the contract states, so the section is left as it is; it is "
               "raised in the letter only." in m for m in said)


def test_a_lower_stipend_is_raised_to_the_gap_to_the_range_and_made_fixed(tmp_path):
    """The draft's $318,000 base is kept and the profile's $100,000 stipend would pass the range: its own $20,000
    rises to $42,000, the gap to the $360,000 top of the range, and is then made fixed, the comment saying both."""
    edits, _ = _plan(tmp_path, profile_b(),
                     "1. Compensation. Employer shall pay Physician a base salary of $318,000 per year and an "
                     "informatics stipend of $20,000 per year, subject to Employer's budget approval process.")
    stipend = edits["leadership-stipend"]
    (change,) = stipend.changes
    assert "stipend of $42,000 per year, and the amount may not be reduced except by a written amendment" in \
        change.after
    assert stipend.comment.startswith("Raises the leadership stipend to $42,000 a year (from $20,000) and replaces "
                                      "its budget proviso")
    assert "fixed $42,000 per year that changes only by written amendment, rather than subject to annual budget " \
           "review" in stipend.request


def test_a_stipend_the_letter_accepts_is_made_fixed_at_the_drafts_figure(tmp_path):
    """The draft's $300,000 base and $50,000 stipend meet the range: the letter asks for no more pay, so the
    stipend stays at $50,000, now fixed, and nothing asks for the profile's $100,000."""
    edits, _ = _plan(tmp_path, profile_b(),
                     "1. Compensation. Employer shall pay Physician a base salary of $300,000 per year and an "
                     "informatics stipend of $50,000 per year, subject to Employer's budget approval process.")
    stipend = edits["leadership-stipend"]
    (change,) = stipend.changes
    assert "stipend of $50,000 per year, and the amount may not be reduced except by a written amendment" in \
        change.after
    assert stipend.parameters == {"amount_usd": 50000}
    assert "$100,000" not in stipend.comment + stipend.request and "fixed $50,000" in stipend.comment


# ----------------------------------------------------------------------------------------------- the decision itself
def _figures(side, **values):
    lo, hi = values.pop("range", (None, None))
    fig = {k: Figure(k, Decimal(v), "test") for k, v in values.items()}
    bounds = (Figure("sought_min", Decimal(lo), "t"), Figure("sought_max", Decimal(hi), "t")) if lo else (None, None)
    return compute(side, fig, *bounds)


@pytest.mark.parametrize("drafted, stipend, raised", [
    (dict(base=224000, stipend=36000), 100000, True),   # hybrid: the profile's
    (dict(base=318000), 42000, True),                    # carns: the gap to the top of the range
    (dict(base=200000, stipend=120000), 120000, True),  # the draft's, above the profile's, kept
    (dict(base=350000), None, False),                    # langecker: no stipend asked for at all
    (dict(base=300000, stipend=50000), 50000, False),   # the draft's, which the letter accepts
])
def test_the_stipend_every_output_asks_for(drafted, stipend, raised):
    quoted = for_the_letter(_figures("proposed", base=250000, stipend=100000, range=(340000, 360000)),
                            _figures("offered", **drafted))
    assert quoted.raise_pay == raised
    assert (quoted.stipend.value if quoted.stipend else None) == stipend


def test_an_amount_left_to_agree_in_dollars_is_one_blank():
    assert str(Unpriced()) == "[amount to be agreed]"
    assert render_string("{{ a | money }} to {{ a | money }}", {"a": Unpriced()}) == "[amount to be agreed]"
    # in another currency, an amount only a request names, as a request
    assert str(Unpriced("euros")) == "an amount in euros to be agreed"
    assert render_string("{{ a | money }} to {{ a | money }}", {"a": Unpriced("euros")}) == str(Unpriced("euros"))
