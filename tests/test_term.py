"""The term clause on real agreements (audit 10, profile F): the draft's own term is edited where it states its
figures, never doubled by ours inserted beside it; at-will text is not left silently beside a term; and the term
promises no pay through its end, which would be a second payout beside the notice asked to end it without cause."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from counterdraft.library import render_ask, render_tier
from counterdraft.plan import make_plan
from counterdraft.review import review
from counterdraft.wordml.package import Package
from counterdraft.wordml.read import read_blocks

ROOT = Path(__file__).resolve().parents[1]
CONTRACTS = ROOT / "eval" / "contracts"
SEC = Path("corpus") / "contracts" / "sec_employment"


def _plan(profile, library, txt2docx, source: Path, tmp_path):
    """The plan for the plain-text agreement `source`, with profile F's term and notice asks."""
    profile.asks.update({"term": {"initial_term_months": 36, "renewal_notice_days": 120},
                         "termination-without-cause": {"notice_days": 120}})
    blocks = read_blocks(Package.open(txt2docx.convert(source, tmp_path / "contract.docx")))
    reviewed = review(blocks, library, profile, "contract", "profile.yaml: ")
    plan = make_plan(reviewed, library, profile, "contract.docx", "Dana", "2026-01-01T00:00:00Z", "profile.yaml: ")
    return {e.clause_id: e for e in plan.edits}, [m.text for m in plan.messages]


def _inserted_terms(edits) -> list[str]:
    return [p.text for e in edits.values() for p in e.new_paragraphs if "initial term of thirty-six" in p.text]


def test_monroes_two_year_term_is_edited_in_its_own_sentence(profile, library, txt2docx, tmp_path):
    """Monroe: "4. TERM AND SEVERANCE" holds severance too, so ours went in beside it as "4C. Term", and the clean
    copy ran for two years and then for thirty-six months."""
    edits, _ = _plan(profile, library, txt2docx,
                     CONTRACTS / "heldout5" / "1020616_1999-08-16_LASON_MONROE_EMPLOYMENT_AGREEMENT.txt", tmp_path)
    term = edits["term"]
    assert term.kind == "modify" and not term.new_paragraphs and not _inserted_terms(edits)
    assert [(c.before, c.after) for c in term.changes] == [(
        "4. TERM AND SEVERANCE. The term of this Agreement shall be for two (2) years from and after the Effective "
        "Date.",
        "4. TERM AND SEVERANCE. The term of this Agreement shall be for thirty-six (36) months from and after the "
        "Effective Date.")]
    assert term.comment.startswith("Edits the draft's own term rather than adding a second one: the initial term "
                                   "becomes 36 months.")


def test_eshelmans_dated_term_keeps_its_length_and_gets_the_renewal_notice(profile, library, txt2docx, tmp_path):
    """Eshelman: "for one year, beginning July 1, 2009 and ending July 1, 2010" cannot become thirty-six months
    without contradicting its dates, so the length is asked for in the letter; the 60 days' notice of non-renewal
    is edited to the 120 asked. Before, "2B. Term" was inserted beside "2. Term"."""
    edits, _ = _plan(profile, library, txt2docx,
                     CONTRACTS / "heldout6" / "1003124_2009-05-22_PPD_ESHELMAN_EMPLOYMENT_AGREEMENT.txt", tmp_path)
    term = edits["term"]
    assert term.kind == "modify" and not _inserted_terms(edits)
    (change,) = term.changes
    assert "shall be for one year, beginning July 1, 2009 and ending July 1, 2010" in change.after
    assert change.after == change.before.replace("not less than 60 days prior", "not less than one hundred twenty "
                                                 "(120) days prior")
    assert "so the letter asks for an initial term of 36 months" in term.comment


@pytest.mark.parametrize("source, where", [
    # "10. At-Will Employment." in an offer letter: our term had gone in as "10C. Term" beside it
    (CONTRACTS / "heldout5" / "1022509_2005-09-15_TUMBLEWEED_GUTHRIE_OFFER_LETTER.txt", "10. At-Will Employment."),
    # the acceptance, after the letter's clauses: "I accept employment at will" (ours had gone into the body)
    (CONTRACTS / "heldout3" / "1007228_2002-11-15_MATRIA_MENGERT_OFFER_LETTER.txt", "ACCEPTANCE"),
])
def test_an_at_will_letter_is_asked_for_a_term_rather_than_given_two_answers(profile, library, txt2docx, tmp_path,
                                                                              source, where):
    edits, messages = _plan(profile, library, txt2docx, source, tmp_path)
    term = edits["term"]
    assert term.kind == "letter" and not _inserted_terms(edits)
    assert "in place of at-will employment" in term.request
    assert any(m.startswith(f"term: section '{where}'") and "asked for in the letter, not inserted" in m
               for m in messages)


def test_weigands_dated_term_gets_the_renewal_notice_and_no_second_term(profile, library, txt2docx, shared_dir,
                                                                      tmp_path):
    """Weigand: "1. Term ... ending on December 31, 2007 ... ninety (90) days" then "1A. Term ... thirty-six (36)
    months ... one hundred twenty (120) days" in the clean copy."""
    source = shared_dir / SEC / "1298675_2006-03-01_EX-10.1_EMPLOYMENT_AGREEMENT_DATED_FEBRUARY_24_2006_KATHLEEN_A." \
                                "_WEIGAND.txt"
    edits, _ = _plan(profile, library, txt2docx, source, tmp_path)
    term = edits["term"]
    assert term.kind == "modify" and not _inserted_terms(edits)
    (change,) = term.changes
    assert "ending on December 31, 2007" in change.after
    assert "of non-renewal at least one hundred twenty (120) days prior to the end of any such Term" in change.after


def test_garretts_cover_term_is_edited_there_not_doubled_in_the_body(profile, library, txt2docx, shared_dir,
                                                                   tmp_path):
    """Garrett: the term is stated in the cover terms after the clauses; ours had gone into the body as "1E. Term"
    while "Term: ... not less than 30 days prior" still bound."""
    edits, _ = _plan(profile, library, txt2docx,
                     shared_dir / SEC / "1606268_2015-08-04_EXHIBIT_10.1_EMPLOYMENT_AGREEMENT_J_GARRETT.txt", tmp_path)
    term = edits["term"]
    assert term.kind == "modify" and not _inserted_terms(edits)
    assert "not less than one hundred twenty (120) days prior to the expiration" in term.changes[0].after


def test_browns_at_will_termination_sentence_gets_a_conforming_comment(profile, library, txt2docx, shared_dir,
                                                                     tmp_path):
    """Brown: 1(b)'s at-will term becomes ours, but 6(a) "Since Employee's employment is at-will employment" stayed
    in the clean copy beside it, unremarked."""
    edits, messages = _plan(profile, library, txt2docx, shared_dir / SEC / (
        "1131096_2008-05-06_EX-10.43_EMPLOYMENT_AGREEMENT_BY_AND_BETWEEN_THE_REGISTRANT_AND_NANCY_G._BROWN.txt"),
        tmp_path)
    term = edits["term"]
    assert term.kind == "modify"
    (note,) = term.conforming
    assert note.quote.startswith("(a) Since Employee’s employment is at-will employment") and note.after is None
    assert "still says the employment is at will" in note.comment
    assert any(m.startswith("term: '(a) Since Employee") and "still says the employment is at will" in m
               for m in messages)


def test_akbars_initial_term_is_edited_in_its_numbered_item(profile, library, txt2docx, tmp_path):
    """Akbar: "2. An initial term of eighteen (18) months, subject to the right of cancellation" holds the notice to
    cancel too; ours had gone in beside it as "2H. Term"."""
    edits, _ = _plan(profile, library, txt2docx,
                     CONTRACTS / "heldout5" / "1002554_1996-05-14_STERLING_VISION_AKBAR_LETTER_AGREEMENT.txt", tmp_path)
    term = edits["term"]
    assert term.kind == "modify" and not _inserted_terms(edits)
    (change,) = term.changes
    assert change.after == change.before.replace("An initial term of eighteen (18) months",
                                                 "An initial term of thirty-six (36) months")


def test_a_fixed_term_that_does_not_renew_meets_the_asks(profile, library, txt2docx, tmp_path):
    """Mikos: three years "commencing on May 1, 1996 and ending on May 1, 1999" states no notice of non-renewal;
    it was left alone as meeting the 36 months asked, and a check of the notice must not make it "unknown" and
    rewrite it."""
    edits, messages = _plan(profile, library, txt2docx,
                            CONTRACTS / "heldout6" / "1013467_1999-02-10_REMEDYTEMP_MIKOS_EMPLOYMENT_AGREEMENT.txt",
                            tmp_path)
    assert "term" not in edits
    assert any(m.startswith("term: ") and "already meets the checks" in m for m in messages)


def test_the_term_promises_no_pay_through_its_end(library):
    """The letter asked for 120 days' notice to end it without cause and, for the same ending, salary "through the
    end of the Initial Term": two payouts for one ending. The term sets how long the agreement runs and renews."""
    clause = library.get("term")
    values = {"initial_term_months": 36, "renewal_notice_days": 120}
    for tier in clause.tiers:
        wording = render_tier(clause, tier, values)
        assert "thirty-six (36) months" in wording and "one hundred twenty (120) days" in wording
        assert "through the end of the Initial Term" not in wording and "severance" not in wording
    comment, request = render_ask(clause, values)
    assert "guarantee" not in comment + request and "salary" not in request


@pytest.mark.parametrize("name, defined", [
    ("908259_2009-06-17_EX-10.1_EMPLOYMENT_AGREEMENT_BY_AND_AMONG_OXIGENE_AND_DR._PETER_LANGECKER_DATED_AS_OF_JUNE_10_"
     "2009.txt", ['"Employment Term" means the initial term and every renewal term, until Executive\'s employment under '
                 'this Agreement ends.']),
    ("1513856_2014-11-06_EMPLOYMENT_AGREEMENT.txt",
     ['"Extension Term" means each renewal term of twelve (12) months,',
      '"Non-Renewal" means the end of this Agreement at the end of a term by a notice of non-renewal given under this '
      'Section,', '"Employment Term" means the initial term and every renewal term']),
])
def test_a_replaced_term_defines_again_the_names_the_contract_uses(profile, library, txt2docx, shared_dir, tmp_path,
                                                                   name, defined):
    """Langecker's "2. Term" defines "Employment Term", which six other paragraphs use; Wasiewski's also
    "Extension Term" and "Non-Renewal". Replaced by ours, the clean copy used names it no longer defined."""
    edits, _ = _plan(profile, library, txt2docx, shared_dir / SEC / name, tmp_path)
    (change,) = edits["term"].changes
    assert "initial term of thirty-six (36) months" in change.after
    ours = change.after[change.after.index("In this Agreement, "):]
    assert all(part in ours for part in defined)
    assert ours.endswith("until Executive's employment under this Agreement ends.")


def test_a_term_whose_date_the_contract_uses_is_left_and_asked_for(profile, library, txt2docx, shared_dir,
                                                                  tmp_path):
    """A name the clause does not carry (a start date the term section defines): replacing the section would
    leave "the Start Date" undefined elsewhere, so the section stays and the letter asks."""
    original = shared_dir / SEC / ("908259_2009-06-17_EX-10.1_EMPLOYMENT_AGREEMENT_BY_AND_AMONG_OXIGENE_AND_DR._PETER_"
                                   "LANGECKER_DATED_AS_OF_JUNE_10_2009.txt")
    text = original.read_text(encoding="utf-8")
    text, dated = re.subn(r"not\s+later\s+than\s+June\s+30,\s+2009,", "not later than June 30, 2009 (the “Start Date”),",
                          text)
    text, used = re.subn(r"During\s+the\s+Employment\s+Term,\s+Executive\s+initially",
                         "From the Start Date, Executive initially", text)
    assert dated == used == 1
    (tmp_path / "changed").mkdir()
    source = tmp_path / "changed" / original.name  # the same name, converted in the same form
    source.write_text(text, encoding="utf-8")
    edits, messages = _plan(profile, library, txt2docx, source, tmp_path)
    assert edits["term"].kind == "letter" and not edits["term"].changes
    assert any(m.startswith("term: replacing section '2. Term' would strike the definition of \"Start Date\"")
               for m in messages)


def test_a_terms_notice_of_non_renewal_is_not_read_as_notice_to_end_without_cause(profile, library, txt2docx,
                                                                                  shared_dir, tmp_path):
    """Wasiewski: the term's sentence with ninety days' notice of non-renewal ends '“Non-Renewal”, and ...,
    collectively, the “Employment Term”)'. Read as the definition of "Non-Renewal", which section 10 names beside
    its notice of termination, it gave the without-cause clause a 90-day notice the draft never states for it."""
    source = txt2docx.convert(shared_dir / SEC / "1513856_2014-11-06_EMPLOYMENT_AGREEMENT.txt",
                              tmp_path / "contract.docx")
    reviewed = review(read_blocks(Package.open(source)), library, profile, "contract", "profile.yaml: ")
    finding = reviewed.finding("termination-without-cause")
    assert finding.status == "found" and "notice_days" not in finding.parameters
    assert reviewed.finding("term").parameters == {"initial_term_months": 12, "renewal_notice_days": 90}
