"""Parameters as contracts state them: digits, words, both, other units, and terms defined elsewhere."""
from __future__ import annotations

import pytest

from counterdraft.extract import (as_drafted, definitions, extract, extract_quantity, schedule, sentence_at, sentences,
                                  stated_values, states, words_to_number)
from counterdraft.library import load_library

LIBRARY = load_library([])


def read(clause_id: str, text: str, defined=None) -> dict:
    return extract(LIBRARY.get(clause_id), text, defined)


@pytest.mark.parametrize("text, days", [
    ("Either party may terminate this Agreement without cause upon sixty (60) days' prior written notice.", 60),
    ("Employer may terminate without cause on 90 days notice to Physician.", 90),
    ("The Company and the Executive may each terminate without cause by giving written advance notice of two "
     "months to the other party.", 60),
    ("Either party may terminate this Agreement for any reason upon thirty days prior written notice.", 30),
    ("the Company will provide you with (30) thirty days notice", 30),
    ("Cause requires notice and a thirty (30) day cure period. Without cause, either party may terminate on "
     "one hundred twenty (120) days' written notice.", 120),
    # the notice of a breach not cured is a cure period, not the notice of a termination without cause
    ("(ii) Without Cause. The Company may terminate at any time by giving Consultant 60 days prior written Notice. "
     "\"Cause\" means a material breach not cured after 30 days' Notice from the Company.", 60),
    # a without-cause notice beside another ground, or mutual, is still read
    ("The Company may terminate the Executive's employment with or without Cause upon thirty (30) days' notice.", 30),
    ("This Agreement may be terminated by either party upon thirty (30) days' written notice, except in the case of "
     "termination for cause or death.", 30),
    ("The Company may terminate this Agreement upon ninety (90) days' prior written notice, except that the Company "
     "may terminate it at once for cause, death or disability.", 90),
    ("The Company may end the employment at any time upon sixty (60) days' written notice; provided that no notice "
     "is required for a termination for Cause.", 60),
    ("Either party may terminate this Agreement upon sixty (60) days' written notice, and Physician may resign on the "
     "same notice.", 60),
    ("Either party may terminate this Agreement for any reason upon sixty (60) days' written notice, provided that "
     "the Company may end it for Cause at once and the Executive may resign for Good Reason.", 60),
    ("The Company and/or Executive may terminate this Agreement at any time by giving the other party 30 days prior "
     "written notice.", 30),
    # "such termination" is the one the sentence before names
    ("The Company may terminate the Employee's employment without Cause. The Employee shall be entitled to sixty "
     "(60) days' written notice of any such termination.", 60),
    # a year of months is a year (Denton-Thompson, held-out-7, had 360 days), a month 30 days
    ("The Company or the Executive shall be entitled to terminate this Agreement at any time without cause by giving "
     "the other party twelve (12) months prior written notice of the termination.", 365),
    ("The Company may terminate this Agreement at any time without cause by giving two (2) months prior written "
     "notice.", 60),
])
def test_notice_days(text, days):
    assert read("termination-without-cause", text)["notice_days"] == days


@pytest.mark.parametrize("topic, text, figures", [
    # a term sheet's abbreviations (physician3's cardiology group, r2)
    ("termination-without-cause", "Notice:         Without cause: 90d written notice, either party.",
     {"notice_days": 90}),
    ("termination-without-cause", "Without cause: 3 mos. written notice, either party.", {"notice_days": 90}),
    ("term", "Term: Initial term of 24 months from the Start Date; renews automatically for 1-yr terms unless either "
             "party gives 60d notice of non-renewal.", {"initial_term_months": 24, "renewal_notice_days": 60}),
    ("term", "Initial term of two yrs from the Start Date.", {"initial_term_months": 24}),
    ("non-compete", "Non-compete: 12 mo after separation, 10 miles from any Practice office.",
     {"duration_months": 12, "radius_miles": 10}),
    # "3d" before "party" is the third
    ("termination-without-cause", "Either party may terminate on 30 days notice to the 3d party administrator.",
     {"notice_days": 30}),
])
def test_abbreviated_units(topic, text, figures):
    assert read(topic, text) == figures


@pytest.mark.parametrize("text, months, miles", [
    ("For twelve (12) months following termination, Physician shall not practice within fifty (50) miles of "
     "any Employer facility.", 12, 50),
    ("During employment and for one (1) year thereafter, within a 25-mile radius of the Hospital.", 12, 25),
    ("for a period of two years after the termination of employment, within ten miles", 24, 10),
    ("for 18 months thereafter (the \u201cRestricted Period\u201d) he will not compete", 18, None),
])
def test_non_compete_duration_and_radius(text, months, miles):
    got = read("non-compete", text)
    assert got.get("duration_months") == months
    assert got.get("radius_miles") == miles


def test_a_duration_left_to_a_defined_term_is_read_from_its_definition():
    contract = ["\u201cRestricted Period\u201d means the period of employment and twenty-four (24) months after it.",
                "During the Restricted Period the Physician shall not compete with the Practice."]
    clause_text = contract[1]
    assert "duration_months" not in read("non-compete", clause_text)
    assert read("non-compete", clause_text, definitions(contract))["duration_months"] == 24


def test_a_defined_term_that_names_no_figure_of_the_clause_is_not_read():
    """Steel (held-out-4): severance "by reason of the Executive's Death or Disability" does not pay for the 3 months
    that define a disability; the 18 months of salary the Company continues to pay are the severance."""
    contract = ["\"Disability\" shall mean failure of the Executive to perform his duties with the Company for a "
                "period of 3 months as a result of incapacity due to mental or physical illness.",
                "If the Executive's employment is terminated by reason of the Executive's Death or Disability, this "
                "Agreement shall terminate without further obligations to the Executive.",
                "If the Executive's employment is terminated by the Company without Cause, the Company shall continue "
                "to pay Executive's Base Salary, health, medical and other benefits for a period of 18 months "
                "following the termination."]
    assert read("severance", contract[1], definitions(contract)) == {}
    assert read("severance", contract[2], definitions(contract)) == {"months": 18}


def test_a_duration_given_by_a_formula_is_read_as_its_maximum():
    """Brown (dev): one month for each month employed, "to a maximum period of one year", bounds the restriction
    at twelve months; the formula's one month is no duration."""
    contract = ["\u201cNon-Compete Period\u201d shall mean the period during which Employee is employed by the Company "
                "and an additional period that is the longer of: (a) one month following the termination of "
                "Employee\u2019s employment with the Company for each one month that Employee has been employed by "
                "the Company, to a maximum period of one year following termination of Employee\u2019s employment or "
                "(b) the number of months base compensation, rounded up to the nearest month, provided as severance "
                "payment under this Agreement, to a maximum period of one year following termination.",
                "During the Non-Compete Period (as hereinafter defined), Employee shall not, in any Geographic Area, "
                "engage in any business competitive with the Company Business."]
    assert read("non-compete", contract[1], definitions(contract))["duration_months"] == 12


@pytest.mark.parametrize("text, amount", [
    ("Employer shall pay Physician an annual base salary of $250,000, payable bi-weekly.", 250000),
    ("a base salary of Three Hundred Twenty-Five Thousand Dollars ($325,000) per year", 325000),
    ("Your base salary will be $25,000.00 per month ($300,000/year). Bonuses are discretionary.", 300000),
    ("Your base salary will be $20,000 per month.", 240000),
    ("A signing bonus of $15,000. Employee's base salary will be at an annual gross rate of $150,000.", 150000),
    ("Physician's base salary shall be Two Hundred Eighty Thousand Dollars per year.", 280000),
    # a salary stated per pay period is read as a year's pay; a yearly figure given beside it wins
    ("Your initial base salary will be $8,653.84 (gross before deductions) per biweekly pay period.", 224999.84),
    ("the Executive shall receive a monthly base salary (the \u201cSalary\u201d) of $30,000, payable monthly", 360000),
    ("You will receive a bi-weekly salary of $9,615.38, which annualizes to a yearly salary of $250,000.", 250000),
    ("Your bi-weekly rate of pay will be $7,403.85, which is the equivalent of an annual rate of $192,500.", 192500),
    ("Physician shall be paid a salary of $4,000 per week.", 208000),
    # a year's figure that restates the pay-period amount in a sentence of its own is the one stated, not the
    # pay-period amount annualised to the cent ($119,999.88)
    ("Your base salary will be $4,615.38 per biweekly pay period. This is equivalent to $120,000 on an annual basis.",
     120000),
    ("You will be paid a salary of $10,000 per month. Your annual base salary is $120,000.", 120000),
    # a year's figure that restates no pay-period amount is another one: the stipend is no salary
    ("Your base salary will be $10,000 per month. You will also receive an annual stipend of $40,000.", 120000),
])
def test_base_salary_amount(text, amount):
    assert read("base-salary", text)["amount_usd"] == amount


def test_stipend_and_cme_amounts():
    assert read("leadership-stipend", "a medical director stipend of $40,000 per year")["amount_usd"] == 40000
    cme = read("cme-allowance", "Employer shall provide a CME allowance of $3,500 and five (5) days of "
                                "education leave each year.")
    assert cme == {"amount_usd": 3500, "conference_days": 5}


@pytest.mark.parametrize("clause_id, param, text", [
    # Aetna (held-out-4): a payment deadline in a termination clause that states no notice
    ("termination-without-cause", "notice_days", "If your employment is terminated by Aetna without cause, you will "
     "receive your accrued pay. The Accrued Payments are payable within 15 days."),
    # FATS (held-out-3): salary "reviewed annually"; the five-year vesting of the options is no review date
    ("growth-path", "first_review_months", "Such Base Salary shall be reviewed annually. The options vest over a "
     "five (5) year period."),
])
def test_a_period_is_read_only_beside_its_cue(clause_id, param, text):
    assert param not in read(clause_id, text)


@pytest.mark.parametrize("text", [
    # Edgewater (held-out-4): "5. Termination" gives notice only before a hearing on a ground for cause and for
    # disability; ending it "for any other reason" takes no notice at all
    "(i) For \"cause,\" which shall mean: (A) the Employee's material breach of Section 7; (B) the final written "
    "determination by the Board after 30 days notice to the Employee and the opportunity for the Employee to be "
    "heard regarding the Employee's willful failure to comply.\n(ii) If the Employee shall be unable for any reason "
    "to perform her duties for 180 days (\"Disability\"); provided that the Company shall give Employee at least ten "
    "(10) days prior written notice of its intention to terminate this Agreement.\n(iii) By the Company for any "
    "other reason other than for the reasons set forth in clause (i) above.",
    "The Company may terminate the Executive's employment for Cause upon ten (10) days' written notice.",
    "The Executive may resign upon thirty (30) days' written notice to the Company.",
    # Intelligroup (held-out-4) and PPD (held-out-6): the physician's own notice
    "The Company may dismiss the Employee at any time for any reason or for no reason, subject to this Article. The "
    "Employee may terminate this Agreement upon one month's notice.",
    "Employee may voluntarily terminate this Agreement upon thirty (30) days written notice if his duties hereunder "
    "are substantially reduced.",
    # Pandion (audit 5): a consultant's own notice
    "The Consultant may terminate the Consultation Period at any time upon thirty (30) days' written notice.",
    # Mirgon (held-out-4): the notice of "any such termination" is that of a termination for Cause, named in the
    # sentence before; the notice of a claim of constructive termination is the employee's, with a cure
    "(b) For Cause which means, refusal to carry out material duties, material dishonesty or a willful breach of this "
    "Agreement. Employee shall be entitled to fourteen (14) days of advance written notice of any such termination, "
    "except where the basis for the termination constitutes conduct involving dishonesty or bad faith.",
    "(c) For purposes of this Section 7, \"Constructively Terminated\" shall mean removal or termination of Employee "
    "other than in accordance with Section 10 or any other material breach of this Agreement by Employer provided "
    "Employer shall be given fourteen days advance written notice of such claim of material breach.",
    # Weigand (held-out-1): when a termination takes effect, not how much notice it needs
    "For purposes of this Section 5.1(c), the \"EFFECTIVE DATE OF THE TERMINATION\" shall mean the date on which a "
    "notice of termination is given or any later date (within thirty (30) days after the giving of such notice).",
    # Common Paper's professional services agreement (attorney audit 8): a cure period and a force majeure period
    # that either party may terminate on are no notice; its right to terminate for any or no reason states none
    "Termination. Either party may terminate this Agreement or an SOW immediately if the other party (i) fails to "
    "cure a material breach of the Agreement or SOW within 30 days after receiving notice of the breach; (ii) "
    "materially breaches the Agreement or SOW in a manner that cannot be cured. Either party may terminate an "
    "affected SOW immediately if a Force Majeure Event prevents Provider from providing the Services for 30 or more "
    "consecutive days after notice. Either party may terminate this Agreement for any or no reason if there are no "
    "active SOWs.",
])
def test_a_notice_for_another_ground_is_not_the_without_cause_notice(text):
    assert "notice_days" not in read("termination-without-cause", text)


def test_a_sentence_about_such_a_termination_states_no_without_cause_notice():
    """Mirgon (held-out-4): "any such termination" is the termination for Cause the sentence before names."""
    rule = LIBRARY.get("termination-without-cause").extract["notice_days"]
    text = ("(b) For Cause which means a willful breach of this Agreement. Employee shall be entitled to fourteen (14) "
            "days of advance written notice of any such termination.")
    assert not states(text, rule.kind, rule.near, rule.unless)
    assert states(text.replace("(b) For Cause which means a willful breach of this Agreement.",
                               "The Company may terminate Employee's employment without Cause."),
                  rule.kind, rule.near, rule.unless)


def test_a_definition_is_read_for_a_notice_only_beside_its_cue():
    """EFJ (held-out-4): "Employee" is defined in the sentence dated "this 15 day of November"; that is no notice."""
    defined = {"Employee": "THIS AGREEMENT is entered into as of this 15 day of November, 2007, between Massoud "
                           "Safavi, (the \u201cEmployee\u201d)"}
    assert "notice_days" not in read("termination-without-cause", "Either the Employee or the Company may terminate "
                                     "the relationship at any time.", defined)


def test_a_period_right_after_its_caption_is_read():
    assert read("termination-without-cause", "Notice. Either party may end this Agreement on sixty (60) days' "
                                              "written notice.")["notice_days"] == 60
    assert read("termination-without-cause", "(b) Notice Period. Sixty (60) days, for either party, without "
                                              "cause.")["notice_days"] == 60


@pytest.mark.parametrize("text, value", [
    ("The options bear a strike price of $0.40 per share.", None),  # a price, not the grant's value
    ("an option to purchase 50,000 shares at an exercise price of $12.00 a share, with a grant-date value of "
     "$150,000", 150000),
    # Brown (dev): the section's only amount is the base salary; the option is 190,000 shares, of no stated value
    ("Employee's base salary will be at an annual gross rate of $150,000 (the Base Salary). The Company shall grant "
     "Employee a non-qualified option to purchase 190,000 shares, vesting over a period of four years.", None),
    # Childtime (held-out-6): a right to buy stock with her own money is no grant of value
    ("management will recommend the grant to you of (a) the right to purchase (the Purchase Award) of up to $100,000 "
     "of the common stock of the Company, and (b) Options to purchase four times the number of shares.", None),
])
def test_a_price_per_share_is_not_an_amount(text, value):
    assert read("equity", text).get("grant_value_usd") == value


@pytest.mark.parametrize("clause_id, text, value", [
    # Edgewater (held-out-4): the price before the amount
    ("equity", "The Company grants the Employee an option to purchase 400,000 shares at a per share price of $6.00.",
     None),
    # Kiromic (CUAD): an hourly rate is no year's pay
    ("base-salary", "The Company will compensate Consultant at the rate of $400 per hour for services.", None),
    # Slingerbag (CUAD): a monthly fee, the amount in words before it in figures
    ("base-salary", "The Consultant's monthly base consulting fee shall be three thousand two hundred fifty United "
                    "States dollars ($3,250).", 39000),
])
def test_prices_rates_and_monthly_fees(clause_id, text, value):
    assert read(clause_id, text).get("amount_usd" if clause_id == "base-salary" else "grant_value_usd") == value


@pytest.mark.parametrize("text", [
    # Mirgon (held-out-4): inability to perform is disability, whatever the word
    "If Employee is unable to perform the essential functions of the services for more than 180 days in any period "
    "of 365 days, Employer shall have the right to terminate this Agreement by written notice to Employee.",
])
def test_an_inability_to_perform_is_no_without_cause_notice(text):
    assert "notice_days" not in read("termination-without-cause", text)


@pytest.mark.parametrize("text, shares", [
    ("Physician shall provide clinical services at 0.4 FTE.", {"clinical_fte": 0.4}),
    ("Physician shall devote 0.3 FTE to clinical informatics.", {"informatics_fte": 0.3}),
    ("You will devote 0.4 FTE clinical to outpatient general internal medicine, and 0.6 FTE informatics to the duties "
     "of the Associate CMIO.", {"clinical_fte": 0.4, "informatics_fte": 0.6}),
    ("Employer employs Physician at 0.8 FTE.", {}),
    # a figure the other share's name introduces is that share's, and the position's whole is neither
    ("Physician's clinical effort shall be 0.5 FTE and informatics effort 0.3 FTE.",
     {"clinical_fte": 0.5, "informatics_fte": 0.3}),
    ("Physician's informatics time shall be 0.4 FTE, and clinical time 0.6 FTE.",
     {"clinical_fte": 0.6, "informatics_fte": 0.4}),
    ("Your appointment is 1.0 FTE: clinical duties (0.5 FTE) and informatics duties (0.5 FTE).",
     {"clinical_fte": 0.5, "informatics_fte": 0.5}),
    ("The position is 1.0 FTE, of which 0.7 FTE is clinical and 0.3 FTE is informatics.",
     {"clinical_fte": 0.7, "informatics_fte": 0.3}),
    ("Physician will dedicate 0.4 FTE to informatics and 0.6 FTE to clinical care.",
     {"clinical_fte": 0.6, "informatics_fte": 0.4}),
    ("Physician shall work 0.8 FTE in clinical practice and 0.2 FTE as Medical Director of Clinical Informatics.",
     {"clinical_fte": 0.8, "informatics_fte": 0.2}),
    # the figure after its name, which read as no split at all
    ("The clinical FTE is 0.6 and the informatics FTE is 0.4.", {"clinical_fte": 0.6, "informatics_fte": 0.4}),
    ("Physician shall work full time, with a clinical FTE of 0.7 and an informatics FTE of 0.3.",
     {"clinical_fte": 0.7, "informatics_fte": 0.3}),
    ("Clinical FTE: 0.7; Informatics FTE: 0.3.", {"clinical_fte": 0.7, "informatics_fte": 0.3}),
    # shares in hours, of a 40-hour week or of their sum (physician3's health center, r3); one figure of hours is
    # no split
    ("The Physician will work a full-time schedule of forty (40) hours per week, made up of 28 hours of patient care "
     "and 12 hours of EHR leadership per week.", {"clinical_fte": 0.7, "informatics_fte": 0.3}),
    ("Physician shall provide twenty (20) hours per week of clinical services and ten (10) hours per week of "
     "informatics work.", {"clinical_fte": 0.5, "informatics_fte": 0.25}),
    ("Physician shall work 30 hours of clinical care and 20 hours of informatics each week.",
     {"clinical_fte": 0.6, "informatics_fte": 0.4}),
    ("Physician shall work 40 hours per week in the clinic.", {}),
    # the informatics share named for the system it serves (physician3's cardiology term sheet, r2)
    ("Effort: 1.0 FTE in total, divided as follows:\n- Clinical cardiology: 0.9 FTE (nine half-day sessions per week)"
     "\n- CVIS/EHR Physician Champion: 0.1 FTE (one half-day session per week)",
     {"clinical_fte": 0.9, "informatics_fte": 0.1}),
    # the other share by another name, and after a caption on a line of its own (physician2's CMIO, q1)
    ("2.2 Allocation of Effort.\nPhysician's full-time effort shall be allocated as 0.8 FTE to Leadership Services "
     "and 0.2 FTE to Clinical Services.", {"clinical_fte": 0.2, "informatics_fte": 0.8}),
    ("Physician shall devote 0.6 FTE to non-clinical duties and 0.4 FTE to clinical care.",
     {"clinical_fte": 0.4, "informatics_fte": 0.6}),
    ("Your administrative effort will be 0.3 FTE and your clinical effort 0.7 FTE.",
     {"clinical_fte": 0.7, "informatics_fte": 0.3}),
    # shares of effort in percent (physician2's university offer, q2), but no other percentage
    ("Your effort will be divided so that sixty percent is clinical, as an attending physician, and the remaining "
     "forty percent is non-clinical, of which thirty percent supports your role as Associate Medical Director for "
     "Emergency Department Informatics and ten percent is for teaching.",
     {"clinical_fte": 0.6, "informatics_fte": 0.4}),
    ("Physician shall devote 60% of professional effort to clinical care and 40% to clinical informatics.",
     {"clinical_fte": 0.6, "informatics_fte": 0.4}),
    ("Physician shall receive a clinical quality incentive of up to 10% of salary.", {}),
    ("Clinical effort: 20% of collections above the threshold.", {}),
])
def test_each_share_of_an_fte_split_is_read_only_where_it_is_named(text, shares):
    """A sentence naming one share states nothing of the other: "clinical services at 0.4 FTE" was read as 0.4 FTE
    clinical and 0.4 FTE informatics, and a position's whole FTE as both shares. "Clinical effort shall be 0.5 FTE
    and informatics effort 0.3 FTE" read 0.5 as the informatics share, the nearer figure."""
    assert read("fte-split", text) == shares


def test_fte_percent_term_and_wrvu():
    fte = read("fte-split", "allocated as 0.6 FTE to clinical services and 0.4 FTE to clinical informatics")
    assert fte == {"clinical_fte": 0.6, "informatics_fte": 0.4}
    assert read("bonus-incentive", "an annual incentive bonus of up to fifty percent (50%) of the Base Salary"
                ) == {"target_percent": 50, "maximum_percent": 50}
    assert read("term", "shall continue for an initial term of three (3) years")["initial_term_months"] == 36
    assert read("term", "ending on the fifth (5) anniversary thereof")["initial_term_months"] == 60
    assert read("productivity-rvu", "an annual target of 4,800 wRVUs at 1.0 clinical FTE"
                )["annual_wrvu_target"] == 4800
    assert "annual_wrvu_target" not in read("productivity-rvu", "4. Compensation. Productivity expectations "
                                                                "are set by Employer.")


def test_numbers_in_words():
    assert words_to_number("twenty-four") == 24
    assert words_to_number("one hundred eighty") == 180
    assert words_to_number("three hundred twenty-five thousand") == 325000
    assert words_to_number("Executive") is None
    assert extract_quantity("not stated", "days") is None


def test_a_cure_period_is_still_read_as_one():
    text = "\"Cause\" means a material breach not cured after 30 days' Notice. Either party may end it on 60 days' notice."
    assert read("termination-for-cause", text)["cure_days"] == 30


@pytest.mark.parametrize("text, days", [
    ("Cause includes a breach of this Agreement that Employee fails to cure within fifteen (15) days after written "
     "notice.", 15),
    ("Executive shall have 30 days from the date written notice is given to cure such event or condition.", 30),
    ("If Cause arises under Section 6.5(a), Executive shall be given a minimum period of thirty (30) days to reasonably "
     "cure such Cause.", 30),
    ("the material breach of this Agreement, which breach has not been remedied within 10 days after notice.", 10),
    # Guthrie (third audit): a failure that goes on after notice is one the employee has those days to end
    ("or willful failure to perform your duties, which failure is deliberate and continues for more than 15 days "
     "after written notice is given to you.", 15),
    # a figure where the text never speaks of curing is no cure period: Guthrie's months of salary after a death,
    # Nelson's notice of a for-cause termination, Eshelman's notice to resign, Carns's severance, the sole remedy
    # for a termination
    ("In the event of termination for Cause, you will not be entitled to any payments.\n7. Termination as a result "
     "of death. You will be entitled to continuation for a period of six months of salary.", None),
    ("Cause. The Company may terminate the Employee's employment for Cause by giving the Employee 30 days' advance "
     "notice in writing.", None),
    ("PPD may terminate upon a breach of the material terms of this Agreement. Employee may voluntarily terminate "
     "this Agreement upon thirty (30) days written notice if his duties are substantially reduced.", None),
    ("the Company shall pay the Employee as his sole remedy for such termination an amount equal to the monthly base "
     "salary over a period of 12 months.", None),
])
def test_a_cure_period_is_read_only_where_the_text_speaks_of_curing(text, days):
    """Guthrie, Nelson, Eshelman (third audit): with no cure wording in the clause the first figure was read, "cure
    180 days" from six months of salary, "cure 30 days" from a notice of termination or of resignation."""
    assert read("termination-for-cause", text).get("cure_days") == days


def test_a_cure_period_left_to_the_definition_of_cause_is_read_there():
    """Guthrie (third audit): the for-cause section uses "Cause", whose definition elsewhere gives the 15 days."""
    section = ("6. Termination for Cause. In the event of termination for Cause, you will not be entitled to any such "
               "payments.\n7. Termination as a result of death or disability. You will be entitled to continuation "
               "for a period of six months of salary.")
    defined = definitions(["8. Definitions. \u201cCause\u201d means only: the commission of a felony, or willful "
                           "failure to perform your duties, which failure continues for more than 15 days after "
                           "written notice is given to you."])
    assert read("termination-for-cause", section, defined) == {"cure_days": 15}


@pytest.mark.parametrize("clause_id, param, text, value", [
    # Lason (held-out-5): the first year's salary sits after a page break, the second year's beside its cue, and the
    # next sentence opens with "Such base salary"
    ("base-salary", "amount_usd",
     "A. BASE SALARY. During the period of June 1, 1999 to May 31, 2000, Corporation shall pay to Employee a base "
     "salary of\nTwo Hundred Fifty Thousand ($250,000) Dollars. During the period of June 1, 2000 to May 31, 2001, "
     "Corporation shall pay to Employee a base salary of Two Hundred Seventy Five Thousand ($275,000.00) Dollars. "
     "Such base salary shall be paid in equal bi-weekly installments.", 250000),
    # Lason (held-out-5): severance "for the unexpired term of this Agreement or 12 months" is no twelve-month term
    ("term", "initial_term_months",
     "4. TERM AND SEVERANCE. The term of this Agreement shall be for two (2) years from and after the Effective "
     "Date.\nIn the event that Employee is terminated during the term of this Agreement, Employee shall be entitled "
     "to receive severance pay. Such severance pay shall be paid for the unexpired term of this Agreement or 12 "
     "months, whichever is greater.", 24),
    # Weigand and Garrett (dev): a renewal period is no initial term
    ("term", "initial_term_months",
     "The Term shall be subject to automatic one-year renewals unless either party notifies the other of non-renewal "
     "at least ninety (90) days prior to the end of any such Term.", None),
    # Baan (dev): a notice period, in months
    ("term", "initial_term_months",
     "The Company and the Executive may each terminate the employment during the Employment Period without cause by "
     "giving written advance notice of two months to the other party.", None),
    # Langecker (dev): months of salary or of cover paid on leaving
    ("term", "initial_term_months",
     "The Executive shall receive a lump sum payment equal to twelve (12) months of the Executive's Base Salary "
     "during the Employment Period.", None),
    ("term", "initial_term_months",
     "payment of the Executive's COBRA premiums for a period of twelve (12) months after the Employment Period.",
     None),
    # a sentence that says how long the term runs keeps its figure, whatever else it says
    ("term", "initial_term_months",
     "The term of this Agreement shall be three (3) years from the Effective Date, and shall automatically renew for "
     "successive one (1) year periods.", 36),
    ("term", "initial_term_months",
     "This Agreement shall expire twenty-four (24) months after the Effective Date unless renewed in writing.", 24),
    ("term", "initial_term_months",
     "The initial term of employment shall be three (3) years, and may be extended at the Company's sole option.", 36),
    ("term", "initial_term_months",
     "The Employment Period shall be two (2) years, during which the Executive shall receive a base salary.", 24),
    # Childtime (held-out-6): an option's vesting is no term, "commencing" or not
    ("term", "initial_term_months",
     "These Options would become exercisable and vest at the rate of 20% per year, commencing on the one-year "
     "anniversary of the date of grant for five years.", None),
    # Pandion (CUAD): the sentence that says when the term begins keeps its figure, renewal or not
    ("term", "initial_term_months",
     "This Agreement shall commence on the Effective Date and shall continue until the four-year anniversary of the "
     "Effective Date (such period, as it may be renewed, the Term) unless it expires earlier.", 48),
    # Edgewater (held-out-4): the term section refers to the termination section, whose periods run from the
    # termination: a non-compete shortened, an accountant's review
    ("term", "initial_term_months",
     "Further, any such termination shall operate to shorten the period set forth in Section 7(b) and during which "
     "the terms of Section 7 apply to twelve (12) months from the date of termination of employment.", None),
    ("term", "initial_term_months",
     "Within two years after the effective date of the termination of Employee's employment, the Accounting Firm "
     "shall review the determination made by it.", None),
    # the OpenAgreements covenant agreement (third audit): a cover-terms row "Duration | 24 months" under "Employee
    # Non-Solicitation" says nothing of how long the agreement or the employment runs; a row captioned "Term" does
    ("term", "initial_term_months", "Duration\n24 months", None),
    ("term", "initial_term_months", "Term\n24 months", 24),
    # ... nor does a sentence of the section that does not speak of the term
    ("term", "initial_term_months",
     "2. Term. Employment is at will.\nThe Executive shall receive up to twelve (12) months of outplacement support.",
     None),
    # the sentence that says the agreement runs keeps its figure without naming "the term"
    ("term", "initial_term_months",
     "This Agreement shall remain in effect for one (1) year or until Consultant completes the services.", 12),
    ("term", "initial_term_months", "The Agreement will continue for a period of three (3) years therefrom.", 36),
    # a period earned per unit of service is no period; the cap the formula states is
    ("non-compete", "duration_months",
     "Physician shall not compete for one (1) month after termination for each month of employment, not to exceed "
     "twelve (12) months.", 12),
    ("non-compete", "duration_months",
     "Physician shall not compete for one month following termination for each full year Physician was employed.",
     None),
    ("severance", "months",
     "Severance equal to one (1) month of base salary for each year of service, up to a maximum of six (6) months.", 6),
    # OXiGENE (dev): the covenant runs only while he is employed; the months nearby belong to the non-solicitation
    # period and to a look back over the business
    ("non-compete", "duration_months",
     "While Executive is employed by OXiGENE, Executive shall not engage in any Restricted Business. While Executive "
     "is employed, and for a period of twelve (12) months following the termination of his employment, Executive will "
     "not solicit for employment any officer of OXiGENE.", None),
    ("non-compete", "duration_months",
     "Restricted Business means a business like OXiGENE's; provided that after Executive's employment has terminated, "
     "it means one like those OXiGENE was developing during the immediately prior two (2) years of his employment.",
     None),
    ("non-compete", "duration_months",
     "For twelve (12) months after termination, Physician shall neither compete with Employer nor solicit its "
     "patients.", 12),
    ("non-compete", "duration_months",
     "For a period of twenty-four (24) months after termination, Physician shall not practice medicine or solicit "
     "patients within ten (10) miles of any Company clinic.", 24),
    # Spark Energy (dev): a first year's proration
    ("bonus-incentive", "target_percent",
     "Bonus payable for the 2015 fiscal year shall be prorated at fifty percent of targeted annual bonus.", None),
    # ArthroCare (held-out-4): what others were paid last year
    ("bonus-incentive", "target_percent",
     "You will participate in the incentive bonus plan. (Last year, the vice president level bonus was approximately "
     "30% of annual salary.)", None),
    # BJ's (held-out-3): a target whose first year is prorated keeps its figure
    ("bonus-incentive", "target_percent",
     "Your cash bonus percentage opportunity will be at 35% of your salary, with any fiscal 2005 cash bonus to be "
     "prorated to the Effective Date.", 35),
    ("bonus-incentive", "target_percent",
     "Executive's target bonus is forty percent (40%) of Base Salary, prorated by the number of days employed during "
     "the first year.", 40),
])
def test_a_figure_is_read_only_where_it_is_that_figure(clause_id, param, text, value):
    """A sentence cut by a page break is read as one; an initial term is no renewal, notice, disability or severance
    period, nor one that runs from a termination; a covenant's period is not a non-solicitation period nor a look
    back; a period earned per month or year of service is none, its cap is; a bonus target is not a proration or
    last year's payout."""
    assert read(clause_id, text).get(param) == value


def test_a_renewal_notice_is_a_notice():
    assert "renewal_notice_days" not in read("term", "This Agreement shall expire twenty-four (24) months after the "
                                                      "Effective Date unless renewed in writing.")
    assert read("term", "The term renews for one-year periods unless either party gives notice of non-renewal at least "
                        "ninety (90) days before the end of the term.")["renewal_notice_days"] == 90
    # Garrett (audit 5): the twelve months of a renewal, before the notice, are no notice of 360 days
    assert read("term", "On each anniversary thereafter, this Agreement shall automatically renew and extend for a "
                        "period of 12 months unless written notice of non-renewal is delivered from either party to the "
                        "other not less than 30 days prior to the expiration of the then-existing Term."
                ).get("renewal_notice_days") == 30


@pytest.mark.parametrize("text, kind, value, stated", [
    ("on sixty (60) days' notice", "days", 60, True),
    ("on two months' notice", "days", 60, True),  # a unit converted, found past the word hint
    ("on ninety (90) days' notice", "days", 60, False),
    ("Section 60 of the Code", "days", 60, False),
    ("Clinical base salary (0.7 FTE)", "fte", 0.7, True),
    ("0.7 of any unused allowance", "fte", 0.7, False),
])
def test_whether_a_text_states_a_value_anywhere(text, kind, value, stated):
    assert (value in stated_values(text, kind)) is stated


@pytest.mark.parametrize("text", [
    "The Company may change your duties. It will tell you first.\nA new line; Another clause.",
    "Employee shall be paid a base salary of\n$200,000 per year. No. 5 is here.\nLast line without an end",
    "One.\n\nTwo runs on to\nthe next line. Three.\n",
    "U.S. Dr. Smith agrees. (a) Then this; and that.",
])
def test_the_sentence_at_a_place_is_the_one_sentences_cuts_there(text):
    # read from its lines alone, the same sentence as the whole text's cutting gives, whitespace aside, wherever a
    # match may start (not on a space)
    for pos in (i for i, c in enumerate(text) if not c.isspace()):
        a, b = sentence_at(text, pos)
        whole = next((x, y) for x, y in sentences(text) if x <= pos < y or y == len(text))
        assert text[a:b].split() == text[whole[0]:whole[1]].split(), pos


@pytest.mark.parametrize("text, months", [
    ("any person who was a customer of the Company during the twelve (12) months preceding the termination", None),
    ("within twelve (12) months before a Change in Control", None),
    ("for a period of twelve (12) months following the termination of employment", 12),
])
def test_a_period_that_looks_back_from_an_event_is_no_duration(text, months):
    """Carns (second audit): the 12 months defining a former customer were taken for the covenant's period."""
    assert extract_quantity(text, "months") == months


def test_a_defined_term_used_only_where_the_rule_reads_nothing_is_not_read_for_it():
    """Wung: 'during the Employment Period and for twelve months ... solicit' is ruled out, and the Employment
    Period's definition (to the fifth anniversary) had then been read as a 60-month non-compete."""
    clause = load_library().get("non-compete")
    text = ("(a) During the Employment Period and for a period of twelve (12) months thereafter, Executive will not "
            "solicit any customer of the Company.")
    defined = {"Employment Period": "The Employment Period ends on the fifth anniversary of the Start Date."}
    assert "duration_months" not in extract(clause, text, defined)
    # used in a sentence the rule reads, the definition still gives the period
    text = "(a) During the Restricted Period, Executive will not compete with the Company."
    defined = {"Restricted Period": "The Restricted Period is the period of eighteen (18) months after termination."}
    assert extract(clause, text, defined)["duration_months"] == 18


@pytest.mark.parametrize("text, cap", [
    ("a bonus of up to 18.5% of base", 18.5),
    ("an annual bonus up to 40% of Executive's Base Salary", 40),
    ("The amount of the annual bonus shall not exceed 100% of his base salary in any particular year.", 100),
    ("with a target Annual Bonus of 75% of Base Salary up to a maximum of 150% of Base Salary", 150),
    # Childtime (third audit): the largest ceiling is the most it can pay, not the one at budget; a percentage of
    # budgeted EBITDA is none
    ("an annual bonus payable in an amount up to a maximum of 100% of your annual earned base salary. You may earn a "
     "bonus of up to 50% on a pro-rata basis for achieving 100% of budgeted EBITDA.", 100),
    ("an annual bonus in an amount up to a maximum of 75% of your annual earned base salary. You may earn a bonus of "
     "up to (a) 50% for achieving up to 100% of budgeted EBITDA or (b) 75% for achieving up to 120% of budgeted "
     "EBITDA.", 75),
    ("a target bonus of 40% of Base Salary", None),
])
def test_a_bonus_ceiling_is_read_only_where_the_text_states_one(text, cap):
    assert read("bonus-incentive", text).get("maximum_percent") == cap


@pytest.mark.parametrize("item, months", [
    ("(b) induce any employee of the Company to leave its employ.", None),
    ("(b) engage in any business that competes with the Company.", 24),
])
def test_a_lead_in_is_read_with_the_items_it_opens(item, months):
    """Carns (held-out-4): 'for a period of one year following the termination ... shall not ... do any of the
    following:' says nothing of what it restricts; its items solicit, so the period is no non-compete's."""
    text = ("During the term and for twenty-four (24) months thereafter, the Executive shall not do any of the "
            "following:\n(a) solicit any customer of the Company;\n" + item)
    assert read("non-compete", text).get("duration_months") == months


@pytest.mark.parametrize("text, floor", [
    # Monroe (fourth audit): a guaranteed minimum is a floor, not a target
    ("Employee shall be entitled to an annual bonus of a minimum of 50% of the base salary set forth in Section 2(A) "
     "above.", 50),
    ("Physician shall receive an annual incentive of not less than ten percent (10%) of Base Salary.", 10),
    ("The Consultant's bonus payment level will be set at a minimum of 25% of the annual gross Base Consulting Fee.",
     25),
    # a guarantee for one year only, or a share of something else, is no floor of the incentive
    ("For 2004 only, EMPLOYEE is guaranteed a Bonus of at least 50% of base salary (pro-rata for portion of year "
     "employed) unless EMPLOYEE is terminated for cause.", None),
    ("No bonus is paid unless the Company achieves at least 90% of its budgeted EBITDA; the target bonus is 30% of "
     "Base Salary.", None),
    ("At least 75% of the incentive shall be based on quality measures, with a target of 20% of Base Salary.", None),
    ("an annual bonus of up to 50% of Base Salary", None),
])
def test_a_bonus_floor_is_read_only_where_the_text_guarantees_one(text, floor):
    assert read("bonus-incentive", text).get("minimum_percent") == floor


@pytest.mark.parametrize("text, guaranteed, conditional", [
    # Monroe: a minimum "predicated on" performance is a floor paid only on a condition, no guaranteed pay
    ("Predicated on Corporation's performance, Employee shall be entitled to an annual bonus of a minimum of 50% of "
     "the base salary set forth in Section 2(A) above.", None, 50),
    ("Employee shall receive an annual bonus of at least 20% of Base Salary if the Company achieves its revenue "
     "targets.", None, 20),
    ("The annual bonus shall be not less than 15% of Base Salary, contingent upon the achievement of the goals set by "
     "the Board.", None, 15),
    ("Employee shall be entitled to an annual bonus of a minimum of 50% of the base salary.", 50, None),
])
def test_a_bonus_floor_paid_only_on_a_condition_is_no_guaranteed_one(text, guaranteed, conditional):
    found = read("bonus-incentive", text)
    assert found.get("minimum_percent") == guaranteed
    assert found.get("conditional_minimum_percent") == conditional


@pytest.mark.parametrize("text, expected", [
    ("Employee shall receive a minimum bonus of $50,000 each year, and may earn more under the Company's bonus plan.",
     {"minimum_usd": 50000}),
    ("Employee shall be paid an annual bonus of not less than $50,000.", {"minimum_usd": 50000}),
    ("Executive shall receive a guaranteed annual bonus of $40,000, payable each January.", {"minimum_usd": 40000}),
    # a share of the target: a floor of the target, and no target of its own
    ("Executive's target bonus shall be 40% of Base Salary, and the annual bonus shall be not less than 50% of target.",
     {"target_percent": 40, "minimum_of_target_percent": 50}),
    # one year only, on a condition, or on a termination: no floor of every year's bonus
    ("For the fiscal year 2003 you will be paid a minimum of a $50,000 Annual Bonus contingent upon achieving certain "
     "business objectives", {}),
    ("Employee shall receive an annual bonus of at least $25,000 if the Company achieves its revenue targets.", {}),
    ("Upon a termination without cause, Employee shall receive a pro-rata bonus of not less than $100,000.", {}),
    ("Employee shall receive a guaranteed signing bonus of $20,000 within 30 days of the Start Date.", {}),
    ("Employee shall be paid a base salary of not less than $200,000 per year.", {}),
])
def test_a_bonus_floor_in_dollars_or_of_the_target_is_read(text, expected):
    found = read("bonus-incentive", text)
    assert {k: v for k, v in found.items() if k in ("target_percent", "minimum_usd", "minimum_of_target_percent")} \
        == expected


@pytest.mark.parametrize("text, months", [
    # paid only on a termination after, or because of, a change of control: not the severance of a termination
    # without cause (Tighe, fourth audit)
    ("The terms of this Agreement provide for a 24 month severance package and vesting of options should your "
     "employment terminate involuntarily, subject to a change of control.", None),
    ("If, within twelve (12) months following a Change in Control, the Company terminates the Executive's "
     "employment without Cause, the Executive shall receive severance equal to twenty-four (24) months of Base "
     "Salary.", None),
    ("If the Executive's employment is terminated without Cause in connection with a Change of Control, the "
     "Executive shall receive eighteen months of base salary as severance.", None),
    # paid whether or not there is one, or on an ordinary termination with another figure after one: read
    ("If the Company terminates the Executive's employment without Cause, whether or not following a Change in "
     "Control, the Executive shall receive severance equal to twelve (12) months of Base Salary.", 12),
    ("If the Company terminates the Executive's employment without Cause other than in connection with a Change of "
     "Control, the Executive shall receive severance equal to six (6) months of Base Salary.", 6),
    ("If the Company terminates the Executive's employment without Cause, the Executive shall receive severance "
     "equal to twelve (12) months of Base Salary (eighteen (18) months if the termination occurs within one year "
     "after a Change in Control).", 12),
    ("If the engagement is terminated by the Company without Cause (other than for death or Disability or in "
     "connection with a change of control), the Consultant shall receive two (2) years Base Consulting Fee in a "
     "single lump sum, with vesting continuing for 12 months following termination.", 24),
    ("If the Executive's employment is terminated without Cause within ninety (90) days before or twelve (12) months "
     "after a Change in Control, the Executive shall receive twenty-four (24) months of Base Salary as severance.",
     None),
    ("The Executive shall receive severance equal to nine (9) months of Base Salary. The Change in Control "
     "Agreement governs any termination following a Change in Control.", 9),
    # salary paid on for months after the termination is salary continuation (Genaera, fourth audit)
    ("If Genaera terminates your employment without cause, you will receive your monthly base salary for (12) "
     "twelve months following your termination date.", 12),
])
def test_severance_months_are_those_of_an_ordinary_termination(text, months):
    assert extract(LIBRARY.get("severance"), text).get("months") == months


@pytest.mark.parametrize("text, months", [
    # severance as a multiple of a year's pay is that many years of it (fifth audit)
    ("If the Company terminates your employment without cause, you will receive severance equal to one times your "
     "annual base compensation.", 12),
    ("Upon a termination without Cause, the Executive shall receive a severance payment equal to two times the "
     "Executive's Base Salary.", 24),
    ("Upon a termination without Cause, the Executive shall receive as severance an amount equal to 1.5 times the "
     "Executive's annual rate of Base Salary.", 18),
    ("Upon a termination without Cause, the Executive shall receive severance equal to one and one-half (1.5) times "
     "Base Salary.", 18),
    ("The Executive shall receive a severance payment equal to one (1) times the sum of: (i) the Executive's Annual "
     "Salary and (ii) the average bonus actually paid to the Executive.", 12),
    ("Upon a termination without Cause, the Employee shall receive severance equal to one year's base salary.", 12),
    # a year's salary paid on a termination, in installments or not, is 12 months of it, named severance or not
    # (Mcgrane, sixth audit: listed after "(d) Termination Without Cause ... shall be entitled to:")
    ("(iii) an amount equal to the Executive's Annual Base Salary as in effect immediately prior to the Executive's "
     "termination of employment, payable in twelve (12) equal monthly installments following the Executive's "
     "termination of employment with the Company.", 12),
    ("Upon a termination without Cause, the Executive shall receive an amount equal to his annual salary for six "
     "(6) months.", 6),
    ("The Company shall maintain life insurance in an amount equal to the Executive's annual base salary.", None),
    # a multiple of a monthly amount is no year of pay; one outside a sentence about severance is no severance
    ("Upon a termination without Cause, the Executive shall receive severance equal to two times the Executive's "
     "monthly Base Salary.", None),
    ("Company paid term life insurance equal to two times your annual salary. Severance is paid as set out below.",
     None),
    # a multiple paid under a change-in-control agreement the sentence before defines (Mengert, fifth audit), or as
    # an item of a lead-in that pays only after a change in control (Metz), is no severance of an ordinary termination
    ("A recommendation will be presented to the Company's Board of Directors that you be provided with a Change In "
     "Control Severance Compensation and Restrictive Covenant Agreement (\"Agreement\"). The Agreement will include "
     "severance compensation equal to one times your annual base compensation upon termination of employment in "
     "accordance with the terms and conditions of the Agreement.", None),
    ("If the EMPLOYEE'S employment shall be terminated after a Change in Control as defined by Section 10, (a) by the "
     "Company other than for Cause, or (b) by the EMPLOYEE for Good Reason, the EMPLOYEE shall be entitled to the "
     "following benefits:\nSeverance Payment. EMPLOYEE shall be paid an amount equal to two times the Executive's "
     "combined current year Base Salary and actual Bonus compensation for the preceding fiscal year.", None),
    ("The Company shall pay the Executive the following benefits:\nSeverance Payment. EMPLOYEE shall be paid an "
     "amount equal to two times the Executive's combined current year Base Salary.", 24),
])
def test_severance_stated_as_a_multiple_of_salary_is_read_in_months(text, months):
    assert extract(LIBRARY.get("severance"), text).get("months") == months


def test_the_months_a_severance_reading_sets_aside_are_reported_with_why():
    """Tighe (fifth audit): a severance paid only after a change of control is not read as the severance, and the
    review says which figure it set aside, so the letter's ask for severance does not look like an oversight."""
    from counterdraft.extract import set_aside

    clause = LIBRARY.get("severance")
    cic = ("The terms of this Agreement provide for a 24 month severance package and vesting of options should your "
           "employment terminate involuntarily, subject to a change of control.")
    assert extract(clause, cic) == {} and set_aside(clause, cic) == {
        "months": (24, clause.extract["months"].set_aside["change_of_control"])}
    assert set_aside(clause, "Severance equal to six (6) months of Base Salary is paid on a termination without "
                             "Cause.") == {}
    assert "change of control" in clause.extract["months"].set_aside["change_of_control"]


@pytest.mark.parametrize("text, months", [
    # Eshelman (sixth audit): paid only when the employee resigns over a cut in duties or pay, or for good reason
    ("Employee may voluntarily terminate this Agreement upon thirty (30) days written notice if his duties hereunder "
     "are substantially reduced or his compensation is significantly reduced, in which case he shall be paid his base "
     "salary for a period of twelve months after the date of termination.", None),
    ("If the Executive resigns for Good Reason, the Company shall pay the Executive severance equal to twelve (12) "
     "months of Base Salary.", None),
    # paid on the employer's termination without cause or a resignation for good reason alike: the severance
    ("If the Company terminates the Executive's employment without Cause or the Executive resigns for Good Reason, "
     "the Company shall pay the Executive severance equal to twelve (12) months of Base Salary.", 12),
    ("In the event of a termination by the Company other than for Cause or a voluntary termination by the Executive "
     "for Good Reason, the Executive shall receive severance equal to nine (9) months of Base Salary.", 9),
])
def test_severance_paid_only_on_the_employees_resignation_is_not_the_severance(text, months):
    """Eshelman (sixth audit): twelve months paid only if the physician resigns because duties or pay were cut were
    kept as "better than the 9 months asked for", though a termination without cause pays nothing; the review sets
    them aside and says why."""
    from counterdraft.extract import set_aside

    clause = LIBRARY.get("severance")
    assert extract(clause, text).get("months") == months
    if months is None:
        assert set_aside(clause, text) == {"months": (12, clause.extract["months"].set_aside["resigns"])}


@pytest.mark.parametrize("text, kind, value, words", [
    ("by giving written advance notice of two months to the other party", "days", 60, "two months"),
    ("severance equal to one (1) year's base salary", "months", 12, "one (1) year"),
    ("upon sixty (60) days' prior written notice, or two months' notice", "days", 60, None),  # its own unit as well
    ("upon 30 days' notice", "days", 60, None),  # not stated
])
def test_as_drafted_gives_the_drafts_words_for_a_figure_in_another_unit(text, kind, value, words):
    assert as_drafted([text], kind, value) == words


def test_as_drafted_does_not_quote_an_anniversary_as_a_span():
    assert as_drafted(["a first review on the first anniversary of the Effective Date"], "months", 12) is None


@pytest.mark.parametrize("text, period", [
    ("For the remainder of the 2004 payroll year your target bonus opportunity will be 70% of the Base Salary.",
     "for the remainder of the 2004 payroll year"),
    ("For fiscal year 2005, your target bonus will be 70% of base salary.", "for fiscal year 2005"),
    ("During the first year of employment your target bonus will be 70% of base salary.",
     "during the first year of employment"),
    ("Your target bonus will be 70% of base salary for the first year and each year thereafter.", None),
    ("Your target bonus will be 70% of base salary.", None),
    # the period of another sentence is not the figure's
    ("For 2004 you will receive a signing bonus. Your target bonus will be 70% of base salary.", None),
])
def test_the_one_period_a_figure_is_stated_for(text, period):
    from counterdraft.extract import stated_for

    assert stated_for([text], "percent", 70) == period


def test_a_period_in_a_proviso_is_not_the_figures():
    """Baan: "a target Annual Bonus of 75% of Base Salary ... in each fiscal year ...; provided, however, a portion
    of Executive's Annual Bonus for 2008 shall be guaranteed" states the target for every year."""
    from counterdraft.extract import stated_for

    text = ("The Executive may earn an annual bonus in each fiscal year, with a target Annual Bonus of 75% of Base "
            "Salary, based on the achievement of annual performance objectives; provided, however, a portion of "
            "Executive's Annual Bonus for 2008 shall be guaranteed.")
    assert stated_for([text], "percent", 75) is None
    assert stated_for([text.replace("in each fiscal year", "for 2007")], "percent", 75) == "for 2007"


METZ = ("EMPLOYEE shall be eligible to receive a performance bonus, hereinafter referred to as \u201cBonus,\u201d with a "
        "target of up to 100%, but not to exceed 200%, of base salary (pro-rata over the portion of year employed) "
        "based upon predetermined goals approved by NovaStar\u2019s Compensation Committee. For 2004 only, EMPLOYEE is "
        "guaranteed a Bonus of at least 50% of base salary (pro-rata for portion of year employed) unless EMPLOYEE is "
        "terminated for cause.")


@pytest.mark.parametrize("text, target, year_target, target_maximum", [
    # Stevens and Grigg (seventh audit): a target for one year or period only sets none for the years after it
    ("Your 1999 performance bonus target percentage will be 35% of the base salary actually paid to you by Excite in "
     "1999; payment of your bonus will be based upon achievement of company, department and individual goals.",
     35, 35, None),
    ("For the remainder of the 2004 payroll year your target bonus opportunity will be 70% of the Base Salary paid to "
     "you during that time.", 70, 70, None),
    # a target that goes on, or one prorated for a first year, is a standing one
    ("For 2005 and each year thereafter, Executive's target bonus shall be 50% of Base Salary.", 50, None, None),
    ("Executive's target bonus shall be 40% of Base Salary, prorated for the first year of employment.", 40, None, None),
    ("Executive shall be eligible for an annual bonus with a target of 40% of Base Salary.", 40, None, None),
    # Metz (seventh audit): the target's own ceiling, not the bonus's, and a guarantee for 2004 names no target
    (METZ, 100, None, 100),
    ("with a target Annual Bonus of 75% of Base Salary up to a maximum of 150% of Base Salary", 75, None, None),
])
def test_a_target_for_one_year_or_up_to_a_figure_is_read_as_such(text, target, year_target, target_maximum):
    found = read("bonus-incentive", text)
    assert (found.get("target_percent"), found.get("year_target_percent"), found.get("target_maximum_percent")) == \
        (target, year_target, target_maximum)
    if text == METZ:
        assert found["maximum_percent"] == 200  # the most the bonus can pay


SALARY_CUE = r"base\s+salary|salary|base\s+compensation|annual\s+rate"


@pytest.mark.parametrize("text, steps", [
    # Monroe (attorney audit): one amount for one period a sentence, the first cut by a page break
    ("A. BASE SALARY. During the period of June 1, 1999 to May 31, 2000, Corporation shall pay to Employee a base "
     "salary of\nTwo Hundred Fifty Thousand ($250,000) Dollars. During the period of June 1, 2000 to May 31, 2001, "
     "Corporation shall pay to Employee a base salary of Two Hundred Seventy Five Thousand ($275,000.00) Dollars. "
     "Such base salary shall be paid in equal bi-weekly installments.",
     ((250000, "during the period of June 1, 1999 to May 31, 2000"),
      (275000, "during the period of June 1, 2000 to May 31, 2001"))),
    # Sophinos: both steps in one sentence, each amount followed by its own period
    ('a. Initial base salary, ("Base Salary") at the annual rate of (i) $235,000.00 during the period from April 1, '
     "1998 to December 31, 1998; and (ii) $248,000.00 commencing January 1, 1999 and continuing thereafter with "
     "increases at the discretion of the Compensation Committee.",
     ((235000, "during the period from April 1, 1998 to December 31, 1998"), (248000, "commencing January 1, 1999"))),
    ("Employee's base salary shall be $200,000 in the first year of the Term and $220,000 in the second year of the "
     "Term.", ((200000, "in the first year of the Term"), (220000, "in the second year of the Term"))),
    # a table, one cell a line (physician3's Associate CMIO, r4): the last row's $246,200 was read as the salary
    ("3.1.1 The Group shall pay Physician an annual base salary at the rate shown for the applicable Contract Year in "
     "the table below:\nContract Year\nPeriod\nAnnual Base Salary\nYear 1\nJuly 1, 2027 to June 30, 2028\n$232,000\n"
     "Year 2\nJuly 1, 2028 to June 30, 2029\n$239,000\nYear 3\nJuly 1, 2029 to June 30, 2030\n$246,200\n3.1.2 The Base "
     "Salary is set for 1.0 FTE.",
     ((232000, "in Year 1 (July 1, 2027 to June 30, 2028)"), (239000, "in Year 2 (July 1, 2028 to June 30, 2029)"),
      (246200, "in Year 3 (July 1, 2029 to June 30, 2030)"))),
    ("Base salary by contract year:\nFirst Year\n$210,000\nSecond Year\n$220,000",
     ((210000, "in First Year"), (220000, "in Second Year"))),
    # one row, or a table of other figures: no schedule
    ("Base salary:\nYear 1\n$232,000\nSigning bonus\n$20,000", ()),
    ("Call stipends are paid as follows:\nYear 1\n$1,000\nYear 2\n$1,200", ()),
    # one salary, with a date it starts: no schedule
    ("Your base salary will be $200,000 per year, commencing January 1, 2001.", ()),
    ("Employee shall receive a base salary of $250,000. Employee shall receive a signing bonus of $20,000.", ()),
    ("Commencing January 1, 2001, Employer shall pay a base salary of $200,000. Commencing January 1, 2002, Employee "
     "shall receive a retention bonus of $50,000.", ()),
])
def test_a_salary_stated_in_steps_is_read_as_a_schedule(text, steps):
    assert schedule(text, SALARY_CUE) == steps


@pytest.mark.parametrize("text, months", [
    # Webster (held-out-7): a term given by its first and last days
    ("ARE hereby employs Webster and Webster hereby accepts such employment for the time period beginning May 14, "
     "2004, and ending May 13, 2007, subject to earlier termination as hereinafter set forth (the “Term”).", 36),
    ("The term of employment shall be the period commencing on the 1st day of July, 2020 and ending on June 30, "
     "2022.", 24),
])
def test_a_term_stated_by_its_first_and_last_dates_is_read_in_months(text, months):
    assert read("term", text)["initial_term_months"] == months


def test_a_salary_table_gives_its_first_years_salary():
    text = ("3.1.1 The Group shall pay Physician an annual base salary at the rate shown in the table below:\n"
            "Contract Year\nPeriod\nAnnual Base Salary\nYear 1\nJuly 1, 2027 to June 30, 2028\n$232,000\nYear 2\n"
            "July 1, 2028 to June 30, 2029\n$239,000\nYear 3\nJuly 1, 2029 to June 30, 2030\n$246,200\n"
            "3.1.2 The Base Salary is set for 1.0 FTE.")
    assert read("base-salary", text)["amount_usd"] == 232000


def test_a_salary_schedule_after_its_lead_in_gives_the_first_years_salary_and_not_a_bonus():
    """Webster (held-out-7): the salaries listed under "the following annual salaries during the Term:" were passed
    over for the one-time $100,000 bonus paid "In addition to his salary", then for the last year's $385,000."""
    text = ("(a) Webster shall be paid the following annual salaries during the Term, less applicable and lawful "
            "withholdings and deductions:\n$350,000.00        May 14, 2004 to May 13, 2005\n"
            "$367,000.00        May 14, 2005 to May 13, 2006\n$385,000.00        May 14, 2006 to May 13, 2007\n"
            "The salary shall be paid in equal periodic installments.\n"
            "(d) In addition to his salary, Webster shall be entitled to and receive a one-time bonus in the amount "
            "of $100,000.00.")
    assert read("base-salary", text)["amount_usd"] == 350000


def test_a_share_of_profits_is_no_bonus_target():
    """Harper (held-out-7): "a bonus of up to 5.0% of the "pre-tax net income"" was read as the bonus target,
    where the share of salary is the "up to 50% of the salary" two sentences on."""
    text = ('In addition to base salary, Executive shall be entitled to a bonus of up to 5.0% of the "pre-tax net '
            'income" of the Company, as determined by the Company\'s compensation committee. Executive\'s bonus may '
            'be up to 50% of the salary set forth above.')
    got = read("bonus-incentive", text)
    assert got["target_percent"] == 50 and got["maximum_percent"] == 50


def test_a_day_of_a_month_and_days_of_the_week_are_no_period():
    """GitLab B.V. (held-out-8): notice "with effect from the last day of a calendar month and with due observance of
    the statutory notice period" was read as a month's notice, and "40 hours per week, five days per week" beside a
    training clause as five conference days."""
    assert "notice_days" not in read("termination-without-cause", (
        "Each of the Parties may terminate the Employment Contract by giving written notice of termination with effect "
        "from the last day of a calendar month and with due observance of the statutory notice period."))
    assert read("termination-without-cause", "Either party may end it on a month's notice.")["notice_days"] == 30
    assert "conference_days" not in read("cme-allowance", (
        "Employee will work 40 hours per week, five days per week, Monday to Friday. The Employee is obliged to follow "
        "courses and training, for which the costs will be for the Employer, and may take education leave."))
    assert read("cme-allowance", "Physician may take five (5) days per year of CME leave.")["conference_days"] == 5


@pytest.mark.parametrize("text, days", [
    ("The Physician shall receive three (3) days of compensatory time after each major go-live.", 3),
    ("Physician may take flex time of 2 days after each go-live or cutover.", 2),
    # an averaging period and flexible working hours give no time back
    ("During busy periods you may be required to work up to 50 hours a week, on average, over a rolling six week "
     "period. We are open to arrangements for flexible working hours.", None),
])
def test_flex_days_after_go_lives_are_read_only_beside_flex_days_or_compensatory_time(text, days):
    assert read("call-after-hours", text).get("go_live_flex_days") == days


@pytest.mark.parametrize("text, months", [
    ("During the first three (3) months of employment, Physician's clinical schedule shall be reduced to 50% of a "
     "full template.", 3),
    ("Physician shall have a six (6) month onboarding period with a reduced clinical load.", 6),
    ("Onboarding. For the first three (3) months, Physician's schedule shall be 60% of the full clinical template.", 3),
    # a probation or an onboarding phase that lightens no schedule is no reduced load (Nothing AG, held-out-8)
    ("During the onboarding phase of the first 3 months, we get to know each other. It can be that we don't fit.",
     None),
    ("You will be subject to an initial four month probationary period.", None),
])
def test_a_reduced_load_is_read_only_where_the_sentence_lightens_the_schedule(text, months):
    assert read("onboarding", text).get("reduced_load_months") == months


@pytest.mark.parametrize("text, days", [
    ("Either party may terminate this Agreement at any time without cause by giving the other party sixty (60) days' "
     "prior written notice (ninety (90) days where Employer gives it).", 90),
    ("Either party may terminate this Agreement without cause on 30 days' written notice (one hundred twenty (120) "
     "days where the Company gives it).", 120),
])
def test_the_employers_own_notice_in_brackets_after_both_parties_is_the_one_read(text, days):
    """How the redline edits a notice both parties give: the physician's stays, the employer's follows in brackets;
    the clean copy reviewed again must read the employer's."""
    assert read("termination-without-cause", text)["notice_days"] == days


@pytest.mark.parametrize("text, per_claim, aggregate", [
    # ph3: the aggregate, a year's figure, ranked before the claim's, and our insert "kept" $3,000,000 per claim as
    # the draft's better figure
    ("The Practice shall maintain professional liability insurance in amounts of at least One Million Dollars "
     "($1,000,000) per occurrence and Three Million Dollars ($3,000,000) annual aggregate.", 1000000, 3000000),
    ("Limits shall be $1,000,000 per claim and $3,000,000 in the aggregate.", 1000000, 3000000),
])
def test_the_per_claim_limit_is_not_the_annual_aggregate_after_it(text, per_claim, aggregate):
    assert read("malpractice", text) == {"per_claim_usd": per_claim, "aggregate_usd": aggregate}


def test_our_own_malpractice_and_call_wording_reads_back_as_written():
    """Reviewed again after the employer accepted them, our inserted clauses read $6,000,000 per claim (the annual
    aggregate after it) and 60 flex days (the window to take them in, as "three (3) paid flex days" was not read)."""
    assert read("malpractice", "Employer shall maintain professional liability insurance covering Physician with "
                "limits of at least $2,000,000 per claim and $6,000,000 in the annual aggregate.") == \
        {"per_claim_usd": 2000000, "aggregate_usd": 6000000}
    assert read("call-after-hours", "Go-live work shall be followed by three (3) paid flex days for each major "
                "go-live, to be taken within sixty (60) days.")["go_live_flex_days"] == 3


def test_a_term_that_continues_for_years_then_renews_is_read():
    """physician3's health center (r3): "continues for three (3) years, after which it renews automatically" was
    ruled out as a renewal period; "continue for" was let through, "continues for" was not."""
    assert read("term", "This Agreement begins on the Start Date and continues for three (3) years, after which it "
                        "renews automatically for successive one-year periods unless either party gives written notice "
                        "of non-renewal at least sixty (60) days before the end of the current period.") == \
        {"initial_term_months": 36, "renewal_notice_days": 60}


def test_a_defined_unit_of_time_is_no_term():
    """q1 (physician2) runs four years, to "the day before the fourth (4th) anniversary", and renews for "two (2)
    Contract Years": the review read the definition of a Contract Year, "each twelve (12) month period", as an
    initial term of 12 months, and said it was shorter than the 36 months asked."""
    contract = ["1.6 \u201cContract Year\u201d means each twelve (12) month period beginning on the Effective Date or "
                "on an anniversary of the Effective Date.",
                "3.1 Initial Term. The initial term of this Agreement shall begin on the Effective Date and shall end "
                "on the day before the fourth (4th) anniversary of the Effective Date (the \u201cInitial Term\u201d).",
                "3.2 Renewal. Upon expiration of the Initial Term, this Agreement shall automatically renew for "
                "successive terms of two (2) Contract Years each, unless either party gives written notice of "
                "non-renewal not less than one hundred eighty (180) days before the end of the then-current term."]
    defined = definitions(contract)
    assert read("term", contract[2], defined).get("initial_term_months") == 48
    assert "initial_term_months" not in read("term", contract[2], {"Contract Year": contract[0]})


@pytest.mark.parametrize("text, amount", [
    # a table's next cell names another item: "Annual Incentive" after the stipend made it the year's figure
    ("Total Base Salary\n$432,000\n1.0\nCMIO Executive Stipend\n$40,000\n--\nbiweekly\nAnnual Incentive (target)",
     432000),
    # while the cell before names the row
    ("Annual base salary\n$300,000\nSigning bonus\n$20,000", 300000),
])
def test_a_year_named_in_the_next_cell_of_a_table_is_not_the_amounts(text, amount):
    assert read("base-salary", text)["amount_usd"] == amount


def test_a_stipend_by_another_name_and_a_wrvu_target_scaled_from_full_time():
    """physician2's university offer (q2): the stipend was read as the $284,000 salary before it, as its text never
    says "stipend", and the wRVU target as the full-time figure the letter then scales to the clinical effort."""
    text = ("Your total annual salary will be two hundred eighty-four thousand dollars. In addition, you will receive "
            "an administrative supplement of eighteen thousand dollars a year.")
    assert read("leadership-stipend", text)["amount_usd"] == 18000
    wrvu = ("Full-time clinical faculty are expected to generate six thousand four hundred work RVUs a year; your "
            "expectation is scaled to your clinical effort, which puts it at three thousand eight hundred forty work "
            "RVUs a year.")
    assert read("productivity-rvu", wrvu)["annual_wrvu_target"] == 3840
    assert read("productivity-rvu", "Full-time physicians are expected to generate 4,800 wRVUs a year."
                )["annual_wrvu_target"] == 4800


def test_pay_named_for_the_leadership_role_is_its_stipend():
    """physician3's health center (r3): "an EHR Clinical Lead differential" beside the base salary."""
    text = ("The Center will pay the Physician a base salary of two hundred forty-one thousand dollars ($241,000) per "
            "year. In addition to base salary, the Center will pay the Physician an EHR Clinical Lead differential of "
            "fourteen thousand four hundred dollars ($14,400) per year, for as long as the Physician serves as EHR "
            "Clinical Lead.")
    assert read("leadership-stipend", text)["amount_usd"] == 14400
    assert read("base-salary", text)["amount_usd"] == 241000


def test_dollars_written_in_words_are_no_count():
    """q3 (physician2): "a conversion factor of Fifty-Three Dollars ($53.00) per wRVU" was read as a target of 53."""
    assert "annual_wrvu_target" not in read(
        "productivity-rvu", "compensation equal to the wRVUs credited multiplied by a conversion factor of Fifty-Three "
                            "Dollars ($53.00) per wRVU")


@pytest.mark.parametrize("text, days", [
    ("You will work remotely from your home in Santa Fe, New Mexico, which is your designated work location.", 5),
    ("This is a fully remote position.", 5),
    ("Physician may perform Leadership Services from a remote location up to two (2) days per week.", 2),
    # a day named is no whole week, and an office is no home
    ("You may work remotely from your home on Fridays.", None),
    ("Employee shall work at the Company's offices in Boston.", None),
])
def test_a_position_worked_from_home_is_remote_every_working_day(text, days):
    assert read("remote-work", text).get("remote_days_per_week") == days
