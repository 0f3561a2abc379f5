"""Our wording uses the contract's defined terms: an undefined "Employer" in an agreement between "the Company" and
"the Executive", or "Base Salary" where it defines "the Salary", is a drafting error the other side would point out."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from counterdraft.library import load_library
from counterdraft.loading import load_profile
from counterdraft.plan import make_plan
from counterdraft.review import review
from counterdraft.terms import Terms, find_terms
from counterdraft.wordml.package import Package
from counterdraft.wordml.read import read_blocks

ROOT = Path(__file__).resolve().parents[1]


def _planned(contract: Path):
    """(the review, the text the plan writes: changed paragraphs and new ones, the plan's messages) of a contract
    for the sample profile."""
    blocks = read_blocks(Package.open(contract))
    library, profile = load_library(), load_profile(ROOT / "samples" / "profile.yaml")
    reviewed = review(blocks, library, profile, contract.name)
    plan = make_plan(reviewed, library, profile, contract.name, "Dana", "2026-01-05T00:00:00Z")
    written = [c.after for e in plan.edits for c in e.changes if c.after] + \
        [n.text for e in plan.edits for n in e.new_paragraphs]
    return reviewed, plan, written


@pytest.mark.parametrize("opening, employer, physician", [
    ('This Agreement is made between Lakeview Health, Inc. (the "Company") and Jane Roe, M.D. ("Executive").',
     "the Company", "Executive"),
    ("between Acme Corp. (“Acme” or the “Employer”) and John Doe (the “Employee”)", "the Employer", "the Employee"),
    # a name the entity is abbreviated to, when no word says which party it is
    ('by and between OXiGENE, Inc., a Delaware corporation ("OXiGENE"), and Dr. Peter Smith (the "Executive")',
     "OXiGENE", "the Executive"),
    # a letter to "you": our word stays
    ('This letter agreement ("Agreement") confirms the understanding between PRIMESTAR, Inc. and Chris Doe ("you").',
     "Employer", "Physician"),
    ('between St. Mary Hospital (hereinafter referred to as "Hospital") and Ann Lee, M.D. (hereinafter "Physician")',
     "Hospital", "Physician"),
    # a letter defines the employer right after its name, without "between"
    ('I am pleased to extend the terms of your employment with PRG-Schultz USA, Inc. ("PRGS") as Executive Vice '
     'President.', "PRGS", "Physician"),
    # initials of the name before "a North Carolina corporation" (PPD, held-out-6: our clauses had said "Employer")
    ("by and between Pharmaceutical Product Development, Inc., a North Carolina corporation (hereinafter “PPD”), "
     "and Fredric N. Eshelman (hereinafter “Employee”).", "PPD", "Employee"),
])
def test_parties_are_read_from_the_definitions_that_open_the_contract(opening, employer, physician):
    terms = find_terms(["EMPLOYMENT AGREEMENT", opening])
    assert (terms.employer, terms.physician) == (employer, physician)


@pytest.mark.parametrize("texts, employer", [
    # a letter names the employer and goes on calling it by its short name
    (["Dear Doug:", "On behalf of GelTex Pharmaceuticals, Inc., I am pleased to offer you a position.",
      "GelTex will pay you $192,500 a year.", "GelTex offers three weeks of vacation.", "Welcome to GelTex."],
     "GelTex"),
    # a definition whose parenthesis the filing lost: the word the contract uses throughout
    (["This agreement is entered by and among Aleris Switzerland GmbH (the “Company” and Roeland Baan."] +
     ["The Company shall pay the Executive."] * 5, "the Company"),
])
def test_an_employer_named_without_a_readable_definition(texts, employer):
    assert find_terms(texts).employer == employer


def test_a_letter_to_you_names_the_physician_by_name():
    """Where a letter to "you" names the physician no other way, the profile's name stands for them in what is
    said of them (messages); our wording that goes into the letter speaks to them (in_voice)."""
    letter = ["Dear Jim:", "We are pleased to offer you the position. Your salary will be $200,000.",
              "You will report to the CEO. You will be eligible for benefits. We look forward to your reply."]
    terms = find_terms(letter, person="Dana R. Whitfield")
    assert terms.physician == "Dr. Whitfield"
    assert terms.adapt("Physician conceives it; the Physician's time.") == \
        "Dr. Whitfield conceives it; Dr. Whitfield's time."
    assert find_terms(letter, person="Dana R. Whitfield", doctor=False).physician == "Dana R. Whitfield"
    assert find_terms(letter).physician == "Physician"  # no profile: our word stays


@pytest.mark.parametrize("ours, theirs", [
    ("Physician may perform duties remotely, scheduled with Physician's informatics leader. Physician shall perform "
     "clinical services.", "You may perform duties remotely, scheduled with your informatics leader. You shall "
     "perform clinical services."),
    ("any work that Physician conceives or creates within the scope of Physician's employment, or that Physician "
     "develops on Physician's own time", "any work that you conceive or create within the scope of your "
     "employment, or that you develop on your own time"),
    ("If Physician has met the milestones, Employer shall pay Physician severance. (b) Physician is excluded from "
     "Medicare; (c) Physician is convicted of, or pleads no contest to, a felony; (e) Physician materially breaches "
     "this Agreement and does not cure the breach.",
     "If you have met the milestones, the Company shall pay you severance. (b) you are excluded from Medicare; (c) "
     "you are convicted of, or plead no contest to, a felony; (e) you materially breach this offer letter and do "
     "not cure the breach."),
    # the other verbs of a clause are the physician's only up to its end, and up to another subject
    ("If Employer reduces Physician's FTE without Physician's consent and Physician then resigns, Employer pays; "
     "the work product of Physician made in good faith and that does not relate to Physician's duties",
     "If the Company reduces your FTE without your consent and you then resign, the Company pays; the work product "
     "of yours made in good faith and that does not relate to your duties"),
    # a letter ends employment, not "this Agreement": the employment ended is yours
    ("Employer may terminate this Agreement by giving Physician notice, and Physician may terminate it.",
     "The Company may terminate your employment by giving you notice, and you may terminate it."),
])
def test_our_wording_in_a_letter_to_you_speaks_to_you(ours, theirs):
    """A letter to "you" that names the physician by name in our clauses mixes voices: "Your duties ..." then "Dr.
    Whitfield shall receive ..." (Grigg's clean copy, attorney audit)."""
    terms = Terms(employer="the Company", physician="Dr. Whitfield", person="Dana R. Whitfield",
                  agreement="offer letter", addressed=True)
    assert terms.in_voice(ours) == theirs
    assert Terms(employer="the Company", physician="Executive").in_voice(ours) == \
        Terms(employer="the Company", physician="Executive").adapt(ours)  # a contract not to "you": as before


def test_inserted_clauses_of_a_letter_to_you_speak_to_you(shared_dir, tmp_path, txt2docx):
    """FirstEnergy's letter to Grigg speaks to "you" ("Your duties ..."); the clauses the sample profile inserts
    named the physician instead, with verbs agreeing: "Dr. Whitfield may perform clinical informatics duties
    remotely", "that Dr. Whitfield develops on Dr. Whitfield's own time"."""
    source = shared_dir / "corpus" / "contracts" / "sec_employment" / \
        "1031296_2004-11-04_EX-10.41_EMPLOYMENT_AGREEMENT.txt"
    if not source.is_file():
        pytest.skip(f"{source} is not in the shared corpus")
    reviewed, plan, written = _planned(txt2docx.convert(source, tmp_path / "grigg.docx"))
    assert reviewed.terms.addressed
    inserted = " ".join(" ".join(n.text.split()) for e in plan.edits for n in e.new_paragraphs)
    for said in ("You may perform clinical informatics duties remotely", "You shall perform clinical services",
                 "that you develop on your own time", "each remains your property",
                 "The Company shall provide you an annual continuing medical education allowance"):
        assert said in inserted
    assert not re.search(r"Whitfield|Physician|\byou\s+\w+s\b", inserted)


def test_the_word_used_throughout_names_the_person_but_not_inside_a_title():
    assert find_terms(["Employee shall report to the Company."] * 5).physician == "Employee"
    assert find_terms(["You will serve as Executive Vice President."] * 5).physician == "Physician"


def test_definitions_after_the_operative_words_or_of_other_things_are_not_parties():
    texts = ["EMPLOYMENT AGREEMENT",
             'This Agreement (the "Agreement") is made by the Board of Directors of Vale Corp. (the "Board").',
             "NOW, THEREFORE, the parties agree as follows:",
             'Vale Medical Group (the "Group") shall employ Ann Lee (the "Employee").']
    terms = find_terms(texts)
    assert (terms.employer, terms.physician) == ("Employer", "Physician")


@pytest.mark.parametrize("ours, theirs", [
    ("Employer shall reimburse Physician's expenses.", "The Company shall reimburse Executive's expenses."),
    ("If Employer terminates this Agreement, Employer shall pay Physician.",
     "If the Company terminates this Agreement, the Company shall pay Executive."),
    ('all inventions ("Employer Work Product") belong to Employer.',
     'all inventions ("Company Work Product") belong to the Company.'),
    ("the Employer's discretion; (a) Employer may", "the Company's discretion; (a) the Company may"),
    # "that" before a name is a relative pronoun: "any work that the Company creates"
    ("any work that Employer creates", "any work that the Company creates"),
    ("A physician employed by an employer", "A physician employed by an employer"),  # common nouns stay
])
def test_our_words_become_theirs(ours, theirs):
    assert Terms("the Company", "Executive").adapt(ours) == theirs


@pytest.mark.parametrize("texts, salary", [
    (['Executive shall receive an annual salary of $300,000 (the "Salary").'], "the Salary"),
    (['"Base Compensation" shall mean the annual rate of pay.'], "Base Compensation"),
    (["Executive's Base Salary shall be reviewed annually."], "Base Salary"),  # used, though not defined here
    (["Your salary will be $250,000 a year."], "base salary"),  # a letter defines none
])
def test_the_salary_term_is_the_contracts(texts, salary):
    assert find_terms(texts).salary == salary


@pytest.mark.parametrize("ours, theirs", [
    ("months of Base Salary and", "months of the Salary and"),
    ("Employer shall continue Physician's Base Salary.", "The Company shall continue Executive's Salary."),
    ("Base Salary is reviewed each year.", "The Salary is reviewed each year."),
])
def test_the_salary_is_named_as_the_contract_does(ours, theirs):
    assert Terms("the Company", "Executive", salary="the Salary").adapt(ours) == theirs


def test_an_undefined_salary_is_written_in_lower_case():
    assert Terms(salary="base salary").adapt("a Base Salary of $1. Base Salary is paid monthly.") == \
        "a base salary of $1. Base salary is paid monthly."


def test_a_real_agreement_gets_our_wording_in_its_own_terms(tmp_path, txt2docx):
    """FATS / McGrane (held-out-3) is between 'the Company' and 'the Executive': the inventions clause we put in its
    place, and every other text the plan writes, uses those names and never 'Employer' or 'Physician'."""
    source = ROOT / "eval" / "contracts" / "heldout3" / "1021770_2005-07-01_FATS_MCGRANE_EMPLOYMENT_AGREEMENT.txt"
    reviewed, plan, written = _planned(txt2docx.convert(source, tmp_path / "fats.docx"))
    assert (reviewed.terms.employer, reviewed.terms.physician) == ("the Company", "the Executive")
    ip = next(e for e in plan.edits if e.clause_id == "intellectual-property")
    assert any("the Company shall own" in c.after or "The Company shall own" in c.after for c in ip.changes)
    assert written and not [t for t in written if re.search(r"\b(?:Employer|Physician)\b", t)]


@pytest.mark.parametrize("source", sorted([*(ROOT / "eval" / "contracts" / "heldout3").glob("*.txt"),
                                            *(ROOT / "eval" / "contracts" / "heldout5").glob("*.txt")]),
                         ids=lambda p: p.name[:30])
def test_no_planned_text_brings_in_a_term_of_ours_the_contract_does_not_use(source, tmp_path, txt2docx):
    """Excite / Stevens (held-out-5) among them: a letter that calls the employer "Excite" throughout and names it
    in full only under the signature ("General Counsel Excite, Inc."); our clauses had said "Employer" nine times."""
    reviewed, _, written = _planned(txt2docx.convert(source, tmp_path / "contract.docx"))
    used = reviewed.text
    for term in ("Employer", "Physician", "Base Salary", "(?i:this|the) Agreement"):
        if not re.search(rf"\b{term}\b", used):
            assert not [t for t in written if re.search(rf"\b{term}\b", t)], term


@pytest.mark.parametrize("texts, name", [
    (["Dear Dr. Reed:", "This letter confirms our offer.", "Please sign this letter."], "letter"),
    (["Dear Jane:", "We offer you the position."], "letter"),  # a letter that never names itself
    (["This offer letter sets out the terms.", "this offer letter", "this Employment Offer Letter"], "offer letter"),
    (["This Employment Agreement is made", "under this Employment Agreement"], "Employment Agreement"),
    (["This Agreement is made", "this Agreement; this letter; this letter", "this Agreement"], "Agreement"),
    (["This Agreement is made", "this letter"], "Agreement"),  # a tie goes to Agreement
    # Tumbleweed / Guthrie (held-out-5): "this agreement" and "This letter", never a capitalised "Agreement"
    (["Dear Jim,", "For purposes of this agreement,", "This letter, along with the Employee Manual"], "agreement"),
    (["EMPLOYMENT AGREEMENT", "The Company employs the Executive."], "Agreement"),
    # words that do not name this document
    (["Dear Jane:", "This confirms our agreement about your start date.", "Nothing in this or any agreement"],
     "letter"),
    (["Dear Jane:", "Please return this Confidentiality Agreement with this letter."], "letter"),
])
def test_the_contract_is_called_what_it_calls_itself(texts, name):
    assert find_terms(texts).agreement == name


def test_our_agreement_becomes_their_name_for_it():
    assert Terms(agreement="offer letter").adapt("This Agreement governs; under this Agreement and the Agreement.") \
        == "This offer letter governs; under this offer letter and the offer letter."
    assert Terms().adapt("under this Agreement") == "under this Agreement"


def test_a_cover_page_row_names_the_start_date():
    """Open Agreements' offer letter defines its terms by the rows of its cover table ("Start Date")."""
    texts = ["Cover Terms", "Start Date", "[Employment start date]", "Employment begins on the start date listed."]
    assert find_terms(texts).start == "Start Date"
    # no row, no definition: the draft's own words, never a capitalised term it does not define
    assert find_terms(["The start date is set by the Company."]).start == "start date"
    # a definition wins over a heading of that name
    assert find_terms(["Start Date", 'The Physician begins on July 1, 2026 (the "Commencement Date").']).start == \
        "the Commencement Date"



@pytest.mark.parametrize("opening, employer, physician", [
    # RemedyTemp (held-out-6): the person is defined by his surname; "Officer" had stood for him
    ('by and between REMEDYTEMP, INC., a California corporation (the "Company"), and Paul W. Mikos, an individual '
     'person ("Mikos").', "the Company", "Mikos"),
    # Common Paper's services agreement: a customer and a provider
    ('This Professional Services Agreement is between Acme Health, Inc. ("Customer") and Jane Doe, M.D. '
     '("Provider").', "Customer", "Provider"),
])
def test_the_parties_of_agreements_other_than_employment(opening, employer, physician):
    terms = find_terms([opening])
    assert (terms.employer, terms.physician) == (employer, physician)


def test_a_party_is_named_as_the_contract_writes_it_most_often():
    """Weigand (second audit): defined as ("COMPANY") but written "the Company" throughout; our clauses had said
    "the COMPANY" and "COMPANY Work Product"."""
    texts = ['This Agreement is made between Acme Health, Inc. (the "COMPANY") and Jane Roe (the "Executive").'] + \
        ["The Company shall pay the Executive a salary."] * 3
    assert find_terms(["EMPLOYMENT AGREEMENT", *texts]).employer == "the Company"


@pytest.mark.parametrize("texts, name", [
    # Matria / Mengert (held-out-3): "Agreement" is a change-in-control agreement still to come; the letter is
    # "this letter" (its lower-case "this agreement" is no name of its own)
    (["Dear Steve:", 'It is my pleasure to confirm our offer on behalf of Matria Healthcare, Inc. ("Matria" or '
      '"Company").', "A recommendation will be presented to the Board that you be provided with a Change In Control "
      'Severance Compensation and Restrictive Covenant Agreement ("Agreement"). The Agreement will include severance.',
      "Please sign and return this letter.", "This is the entire statement of this agreement."], "letter"),
    # an amendment defines "the Agreement" it amends: our wording is no term of that one by that name
    (["FIRST AMENDMENT", 'This amends the Employment Agreement dated March 1, 2006 between the Company and the '
      'Executive (the "Agreement").', "Section 4 of the Agreement is amended."], "agreement"),
    # definitions of the contract itself
    (['This Employment Agreement (the "Agreement") is made', "under this Agreement"], "Agreement"),
    (['THIS AGREEMENT ("Agreement"), dated as of August 1, 1998, is made', "this Agreement"], "Agreement"),
    (['This Consulting Agreement (this "Agreement") is made', "this Agreement"], "Agreement"),
    (["Dear Greg:", "This letter outlines the terms of your employment (the “Agreement”) with BJ’s Restaurants Inc.",
      "this Agreement"], "Agreement"),
    (['THIS AMENDED AND RESTATED EMPLOYMENT AGREEMENT (hereinafter the “Agreement”), made this 19th day',
      "this Agreement"], "Agreement"),
])
def test_an_agreement_defined_as_another_document_is_not_what_our_wording_goes_into(texts, name):
    assert find_terms(texts).agreement == name


def test_a_letter_that_defines_another_agreement_gets_our_wording_as_its_own_terms(tmp_path, txt2docx):
    """Mengert (held-out-3, audit): "This remote work arrangement is a term of this Agreement" made our right a term
    of a change-in-control agreement the letter only promises to recommend."""
    source = ROOT / "eval" / "contracts" / "heldout3" / "1007228_2002-11-15_MATRIA_MENGERT_OFFER_LETTER.txt"
    _, _, written = _planned(txt2docx.convert(source, tmp_path / "mengert.docx"))
    assert not [t for t in written if re.search(r"\b(?:this|the) Agreement\b", t, re.I)]
    assert any("a term of this letter" in t for t in written)


@pytest.mark.parametrize("texts, employer", [
    # a letter that names the company in full only in its signer's block, its title running into the name
    (["Dear Mark:", "Excite will pay you $200,000 a year.", "Excite's plans are open to you.",
      "You will report to the Excite board.", "Sincerely,", "/s/ Chris M. Vail",
      "Chris M. Vail General Counsel Excite, Inc."], "Excite"),
    # a later word of the name that the letter uses only in other names is none
    (["Dear Mark:", "You may join the Health Plan.", "Health Plan dues", "the Health Plan year", "Sincerely,",
      "/s/ Jo Roe", "Jo Roe President Lakeview Health Partners, Inc."], "Employer"),
    # a company named in a clause after the opening is not the employer
    (["Dear Mark:", "You will be paid $200,000 a year."] + ["We look forward to working with you."] * 14 +
     ["You may not work for Acme Widgets, Inc. or its affiliates.", "Acme shall not hire you. Acme; Acme."],
     "Employer"),
    # a name that opens with its article is no name "The" (dxw: "You are employed by The Dextrous Web Ltd", and our
    # inserted clauses read "The shall provide you ..." and "at the's facilities")
    (["Contract of Employment", "You are employed by The Dextrous Web Ltd, trading as dxw.",
      "The company may change your duties.", "The notice period is one month.", "The hours are 10 to 6."],
     "Employer"),
])
def test_an_employer_named_in_the_signatures(texts, employer):
    assert find_terms(texts).employer == employer


@pytest.mark.parametrize("texts, employer, physician", [
    # defined bare, written "the Company" (Matria, Cohr, Autobytel): our "at Company's facilities" read as a slip
    (['on behalf of Matria Healthcare, Inc. ("Matria" or "Company")', "The Company will pay you.",
      "the Company's plan; with the Company", "Company policy and Company performance"], "the Company", "Physician"),
    # defined with the article, written without it (OXiGENE)
    (['between OXiGENE, Inc. ("OXiGENE") and Peter Smith (the "Executive")', "Executive shall serve OXiGENE.",
      "Executive's duties; Executive will report"], "OXiGENE", "Executive"),
    # a tie keeps the definition's
    (['between Acme Corp. (the "Company") and Jo Roe ("Executive")', "The Company pays; Company shall."],
     "the Company", "Executive"),
])
def test_a_party_takes_the_article_the_contract_writes_it_with(texts, employer, physician):
    terms = find_terms(texts)
    assert (terms.employer, terms.physician) == (employer, physician)


@pytest.mark.parametrize("texts, employment", [
    (['between Acme Health, Inc. ("Company") and Jane Doe ("Contractor")'], False),
    (['between Acme Health, Inc. (the "Company") and Jane Doe (the "Consultant")'], False),
    # a word that does not say, and a statement that does
    (['between Acme Health, Inc. ("Customer") and Jane Doe ("Provider")',
      "Independent Contractors. The parties are independent contractors, not agents or partners."], False),
    (['between Acme Health, Inc. ("Company") and Jane Doe ("Physician")',
      "Physician shall be an independent contractor and not an employee of Company."], False),
    (["Dear Jane:", "You will be an independent contractor of the Company."], False),
    # employments that speak of independent contractors
    (['between Acme Health, Inc. ("Company") and Jane Doe ("Physician")',
      "Physician is an employee of Company and shall not be deemed an independent contractor."], True),
    (['between Acme Corp. (the "Company") and Jo Roe (the "Executive")', "Executive shall not solicit any "
      "employee, consultant or independent contractor, nor engage as an independent contractor any of them."], True),
])
def test_a_physician_engaged_as_an_independent_contractor_is_not_employed(texts, employment):
    assert find_terms(texts).employment is employment


def test_our_employment_becomes_an_engagement_and_what_only_an_employee_has_is_not_ours_to_give():
    contractor = Terms("Company", "Contractor", employment=False)
    assert contractor.adapt("within the scope of Physician's employment under this Agreement; Employment ends; "
                            "while employed") == \
        "within the scope of Contractor's engagement under this Agreement; Engagement ends; while engaged"
    assert contractor.employee_only("in addition to Physician's paid time off") == "paid time off"
    assert contractor.employee_only("continue Physician's Base Salary") == "Base Salary"
    assert contractor.employee_only("an annual allowance of $4,000 for conferences") is None
    employee = Terms("the Company", "Executive")
    assert employee.adapt("Physician's employment") == "Executive's employment"
    assert employee.employee_only("in addition to paid time off") is None


def test_an_independent_contractor_agreement_gets_no_wording_that_presumes_employment(shared_dir):
    """Common Paper's independent contractor agreement (audit): it says nothing in it establishes an employment
    relationship (1.3) and the contractor gets no employee benefits (2.2); our IP clause had said "within the scope
    of Contractor's employment", and our CME clause "in addition to Contractor's paid time off". The next audit:
    the remote-work clause still went in, its "Company shall provide ... equipment" against a contractor who brings
    its own tools, and the letter still asked for "5 paid days each year" for CME. The CME clause now asks for the
    allowance alone, which goes into the contract, and nothing is asked about remote work, with the plan saying why;
    the review agrees."""
    path = shared_dir / "corpus" / "contracts" / "docx_forms" / "common-paper-independent-contractor-agreement.docx"
    reviewed, plan, written = _planned(path)
    assert not reviewed.terms.employment
    assert not [t for t in written if re.search(r"(?i)\bemploy(?:ment|ed|ee)\b|paid\s+time\s+off|salary|"
                                                r"paid\s+\w+\s+(?:leave|days)|remote", t)]
    ip = next(e for e in plan.edits if e.clause_id == "intellectual-property")
    assert ip.kind == "modify" and any("Contractor's engagement under this Agreement" in c.after for c in ip.changes)
    cme = next(e for e in plan.edits if e.clause_id == "cme-allowance")
    assert cme.kind == "insert" and "allowance of $4,000" in cme.new_paragraphs[-1].text
    assert "paid days" not in cme.request + cme.comment and "conference_days" not in cme.parameters or \
        cme.parameters["conference_days"] == 0
    said = [m.text for m in plan.messages]
    assert "cme-allowance: the contract engages Contractor as an independent contractor, so it asks for no " \
           "conference days, which only an employee has" in said
    assert "remote-work" not in [e.clause_id for e in plan.edits]
    assert any(m.startswith("remote-work: the contract engages Contractor as an independent contractor, so nothing is "
                            "asked: An independent contractor decides where") for m in said)
    remote = reviewed.finding("remote-work")
    assert (remote.status, remote.assessment) == ("missing", "ok")
    assert remote.message.startswith("not in the contract, which suits an independent contractor: ")


def test_consulting_agreements_get_no_wording_that_presumes_employment(shared_dir, tmp_path, txt2docx):
    """The CUAD consulting agreements: each engages a consultant or contractor; nothing we write says employment."""
    sources = sorted((shared_dir / "corpus" / "contracts" / "cuad").glob("*CONSULTING*.txt"))
    assert sources
    for source in sources:
        reviewed, _, written = _planned(txt2docx.convert(source, tmp_path / "consulting.docx"))
        assert not reviewed.terms.employment, source.name
        assert not [t for t in written if re.search(r"(?i)\bemploy(?:ment|ed|ee)\b|paid\s+time\s+off|salary", t)], \
            source.name


def test_a_letter_terminates_employment_not_the_letter():
    """OpenAgreements' and Wood's offer letters (audit): 'The Company may terminate this letter for cause only if';
    a letter is not terminated, the employment it offers is. An agreement keeps its own wording."""
    ours = "Employer may terminate this Agreement for cause only if Physician materially breaches this Agreement."
    letter = Terms(employer="the Company", physician="Dr. Ramaswamy", agreement="letter")
    assert letter.adapt(ours) == ("The Company may terminate Dr. Ramaswamy's employment for cause only if "
                                  "Dr. Ramaswamy materially breaches this letter.")
    agreement = Terms(employer="the Company", physician="Executive", agreement="Employment Agreement")
    assert agreement.adapt(ours).startswith("The Company may terminate this Employment Agreement for cause")


@pytest.mark.parametrize("texts, salary", [
    # Clancey (seventh audit): a caption is no use of the term; "The target bonus is 10% of Base Salary." named a
    # term the contract never defines
    (["3.1 Base Salary. Edgewater shall pay to Employee a base salary at the rate of $200,000 per annum."],
     "base salary"),
    (["(a) Base Salary", "Employer shall pay Employee a base salary of $200,000."], "base salary"),
    # used as a term, undefined: the contract's own
    (["3.1 Base Salary. Edgewater shall pay to Employee a base salary.", "Severance is six months of Base Salary."],
     "Base Salary"),
    (["Employee's base salary will be $150,000 (the \u201cBase Salary\u201d)."], "the Base Salary"),
])
def test_a_salary_only_captioned_base_salary_is_not_written_as_a_defined_term(texts, salary):
    assert find_terms(["EMPLOYMENT AGREEMENT", *texts]).salary == salary
    # a cover page's row label names the term (OpenAgreements' offer letter: "Base Salary | $...")
    assert find_terms(["EMPLOYMENT AGREEMENT", "Base Salary", "$240,000 per year"]).salary == "Base Salary"


@pytest.mark.parametrize("ours, theirs", [
    ("six months of Physician's then-current Base Salary", "six months of the Executive's then-current Base Salary"),
    ("pay Physician's current Base Salary", "pay the Executive's current Base Salary"),
])
def test_a_defined_salary_after_a_possessive_and_then_current_takes_no_article(ours, theirs):
    """Grigg, Coats, Weigand (audit10): "months of Employee's then-current the Base Salary"."""
    assert Terms("the Company", "the Executive", salary="the Base Salary").adapt(ours) == theirs


def test_no_clause_wording_puts_an_article_after_a_possessive_or_determiner(library):
    """Every tier, rationale and talking point of the library, rendered in the terms of a contract that defines
    "the Base Salary" and "the Effective Date": none reads "Executive's the ..." or "then-current the ..."."""
    from counterdraft.library import render_tier

    terms = Terms("the Company", "the Executive", salary="the Base Salary", start="the Effective Date")
    for clause in library.clauses.values():
        values = {name: p.default for name, p in clause.parameters.items()}
        for tier in clause.tiers:
            text = terms.adapt(render_tier(clause, tier, {**values, "renews": True, "drafts": set(), "has": set(),
                                                          "engaged": False}))
            assert not re.search(r"(?:['’]s|\b(?:its|his|her|their|your|any|such|each|current))\s+the\s+"
                                 r"(?:Base Salary|Effective Date|Company|Executive)\b", text), (clause.id, tier)


def test_an_academic_offer_names_its_employer_by_the_initials_it_defines_and_speaks_to_you(txt2docx, tmp_path):
    """The physician set's academic offer: "Northlake University Health ("NUH")" in a letter, outside any preamble,
    and the CMIO's own title "Chief Medical Information Officer" throughout. The clauses inserted into it said
    "The University and Officer shall hold formal reviews ..."; they speak of NUH and to "you"."""
    source = Path(__file__).resolve().parents[1] / "eval" / "contracts" / "physician" / "ph2-amc-informatics-offer.txt"
    blocks = read_blocks(Package.open(txt2docx.convert(source, tmp_path / "offer.docx", "plain")))
    terms = find_terms([b.text for b in blocks], person="Priya N. Ramaswamy", doctor=True)
    assert (terms.employer, terms.physician, terms.addressed) == ("NUH", "Dr. Ramaswamy", True)
    assert terms.in_voice("Employer and Physician shall hold formal reviews of Physician's role.") == \
        "NUH and you shall hold formal reviews of your role."
