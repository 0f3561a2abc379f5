"""Matching: every topic scored against every part of the contract, with its evidence; missing when weak."""
from __future__ import annotations

import pytest

from counterdraft.library import load_library
from counterdraft.match import FOUND_SCORE, Index, match, mentions, stem, tokens
from counterdraft.models import TOPICS
from counterdraft.segment import segment
from test_segment import blocks

LIBRARY = load_library([])

PHYSICIAN = [
    "PHYSICIAN EMPLOYMENT AGREEMENT",
    "This Agreement is made between Valley Health (\"Employer\") and Jane Roe, M.D. (\"Physician\").",
    "1. Duties. Physician shall provide services at 1.0 FTE, of which 0.8 FTE is clinical. Physician shall "
    "report to the Chief Medical Officer.",
    "2. Call Coverage. Physician shall share call coverage with the department on a rotating schedule, "
    "including nights and weekends.",
    "3. Compensation.",
    "(a) Base Salary. Employer shall pay Physician an annual base salary of $310,000.",
    "(b) Productivity Bonus. Physician may earn a productivity bonus of $45 per wRVU above 5,200 wRVUs.",
    "4. Continuing Medical Education. Employer shall reimburse CME expenses up to $3,000 per year and allow "
    "five (5) days of CME leave.",
    "5. Professional Liability Insurance. Employer shall provide claims-made malpractice insurance; Physician "
    "shall purchase tail coverage upon termination.",
    "6. Term and Termination.",
    "(a) Term. The initial term is three (3) years.",
    "(b) Without Cause. Either party may terminate this Agreement without cause upon ninety (90) days' prior "
    "written notice.",
    "(c) For Cause. Employer may terminate immediately for cause, including loss of license.",
    "7. Restrictive Covenant. For one (1) year after termination Physician shall not practice medicine within "
    "fifteen (15) miles of any Employer clinic.",
    "8. Governing Law. This Agreement is governed by the laws of the State of Ohio.",
]


def found(matches) -> dict[str, str | None]:
    return {t: (m.section.heading if m.section else None) for t, m in matches.items()}


def test_a_physician_contract_finds_its_clauses_and_nothing_else():
    got = found(match(segment(blocks(*PHYSICIAN)), LIBRARY, list(TOPICS)))
    assert got["call-after-hours"] == "2. Call Coverage"
    assert got["base-salary"] in ("(a) Base Salary", "3. Compensation")
    assert got["productivity-rvu"] in ("(b) Productivity Bonus", "3. Compensation")
    assert got["cme-allowance"] == "4. Continuing Medical Education"
    assert got["malpractice"] == "5. Professional Liability Insurance"
    assert got["termination-without-cause"] == "(b) Without Cause"
    assert got["termination-for-cause"] == "(c) For Cause"
    assert got["term"] == "(a) Term"
    assert got["non-compete"] == "7. Restrictive Covenant"
    assert got["governing-law"] == "8. Governing Law"
    assert got["reporting-structure"] == got["fte-split"] == "1. Duties"  # one section, two topics
    for topic in ("equity", "protected-time", "analytics-support", "remote-work", "academic-promotion",
                  "onboarding", "program-discontinuation", "indemnification", "non-solicitation"):
        assert got[topic] is None, topic


def test_each_match_keeps_its_score_and_reason_and_a_missing_topic_says_why():
    matches = match(segment(blocks(*PHYSICIAN)), LIBRARY, list(TOPICS))
    m = matches["non-compete"]
    assert m.score >= FOUND_SCORE and 0.5 <= m.confidence <= 1
    assert "heading names" in m.reason and "restrictive covenant" in m.reason
    missing = matches["equity"]
    assert missing.section is None and missing.reason


def test_a_letter_without_headings_is_matched_by_paragraph_and_a_clause_may_span_paragraphs():
    letter = ["Dear Dr. Roe:",
              "We are pleased to offer you the position of staff hospitalist, reporting to the Chief of Medicine.",
              "Your annual base salary will be $295,000, paid every two weeks.",
              "You will be eligible for an annual bonus of up to 10% of base salary based on quality goals.",
              "The bonus is paid in March and requires that you be employed on the payment date.",
              "You will be eligible for the Hospital's employee benefits, including four weeks of vacation.",
              "Sincerely,"]
    matches = match(segment(blocks(*letter)), LIBRARY, list(TOPICS))
    assert matches["base-salary"].section.text == letter[2]
    bonus = matches["bonus-incentive"].section.text
    assert letter[3] in bonus and letter[4] in bonus
    assert matches["non-compete"].section is None


def test_matching_is_deterministic():
    a = match(segment(blocks(*PHYSICIAN)), LIBRARY, list(TOPICS))
    b = match(segment(blocks(*PHYSICIAN)), LIBRARY, list(TOPICS))
    assert [(t, m.score, m.reason, m.section and m.section.start) for t, m in a.items()] == \
        [(t, m.score, m.reason, m.section and m.section.start) for t, m in b.items()]


def test_a_long_contract_takes_work_in_proportion_to_its_length():
    def doc(n):
        paras = []
        for i in range(n):
            paras.append(f"{i + 1}. Section {i + 1}.")
            paras.append("(a) The Physician shall perform clinical services and may be asked to share call "
                         "coverage with colleagues as the department requires from time to time.")
            paras.append("(b) Employer shall keep records of all services and pay for them monthly.")
        return blocks(*paras)

    def work(n, monkeypatch=pytest.MonkeyPatch()):
        # the work counted, not timed (speed is measured in bench/): how often a part is scored for a topic
        calls = []
        score = Index.score
        monkeypatch.setattr(Index, "score", lambda self, s, v: calls.append(1) or score(self, s, v))
        try:
            match(segment(doc(n)), LIBRARY, list(TOPICS))
        finally:
            monkeypatch.undo()
        return len(calls)

    small, large = work(300), work(3000)
    assert 0 < large <= 12 * small  # ten times the text, about ten times the work


def test_words_are_stemmed_and_hyphens_dropped():
    assert stem("termination") == stem("terminate") == stem("terminated")
    assert tokens("non-compete") == tokens("noncompete")


def test_a_cross_reference_brings_the_referenced_section_into_the_matched_text():
    contract = [
        "EMPLOYMENT AGREEMENT",
        "1. Duties. Employee shall serve as Chief Operating Officer.",
        "2. Compensation. Employer shall pay Employee a base salary of $200,000 per year. If Employer terminates "
        "Employee without cause, Employer shall pay Employee severance equal to six months of base salary.",
        "3. Confidentiality. Employee shall keep all confidential information of Employer in confidence.",
        "4. Effect of Termination. Upon termination Employee shall receive accrued salary, plus severance as "
        "provided in Section 2, above, and nothing more.",
        "5. Governing Law. This Agreement is governed by the laws of the State of Ohio.",
    ]
    m = match(segment(blocks(*contract)), LIBRARY, list(TOPICS))["severance"]
    assert m.section is not None
    assert "severance equal to six months" in m.text
    assert "as provided in Section 2" in m.text or m.section.heading.startswith("2.")
    assert match(segment(blocks(*contract)), LIBRARY, list(TOPICS))["governing-law"].also == ()


def test_no_cue_is_read_across_the_end_of_a_sentence():
    # "Officer. In that capacity" is not "offices in": the employee's work place is not stated
    letter = ["Dear Ms. Roe:",
              "1. Duties. Company will employ you as Chief Financial Officer. In that capacity, you will perform such "
              "duties as the Company deems appropriate.",
              "2. Salary. Your annual base salary will be $250,000."]
    assert tokens("Officer. In that")[:2] == [stem("officer"), "."]
    assert match(segment(blocks(*letter)), LIBRARY, list(TOPICS))["remote-work"].section is None


def test_a_heading_alone_does_not_find_a_topic_in_a_section_about_another():
    # "Insurance" names malpractice cover, but this section is where the benefits are
    contract = ["EMPLOYMENT AGREEMENT",
                "1. Position. The Executive shall serve as President.",
                "2. Insurance and Other Benefits. The Executive shall receive all standard benefits afforded to "
                "Company employees, including the 401(k) plan, fringe benefit programs and vacation.",
                "3. Professional Liability. Employer shall provide malpractice insurance for the Physician."]
    matches = match(segment(blocks(*contract[:3])), LIBRARY, list(TOPICS))
    assert matches["malpractice"].section is None and "about benefits-vacation" in matches["malpractice"].reason
    assert matches["benefits-vacation"].section.heading.startswith("2.")
    # with a section that is about it, the topic is found there
    assert match(segment(blocks(*contract)), LIBRARY, list(TOPICS))["malpractice"].section.heading.startswith("3.")


def test_an_exhibit_letter_is_not_a_heading_cue():
    # "Schedule A" is the name of an attachment, not a work or call schedule
    contract = ["CONSULTING AGREEMENT",
                "1. Services. Consultant shall provide the services described in Schedule A.",
                "2. Fees. Company shall pay Consultant an annual salary of $120,000.",
                "SCHEDULE A",
                "Consultant will advise the Company on regulatory strategy as requested by the Board."]
    assert match(segment(blocks(*contract)), LIBRARY, list(TOPICS))["call-after-hours"].section is None


def test_an_adjective_is_not_stemmed_onto_its_noun():
    # "successive renewal terms" is a term cue; "success" is not
    assert stem("successive") != stem("success")
    assert stem("incentive") == stem("incentives")


def test_a_passing_mention_gives_way_to_a_part_about_the_topic():
    # the salary named in a life-insurance bullet is not where the salary is set
    letter = ["Dear Dr. Roe:",
              "It is my pleasure to offer you the position of Vice President, Business Development, starting in "
              "October. Your bi-weekly rate of pay will be $7,403.85, which is the equivalent of an annual rate of "
              "$192,500, based on a 40-hour workweek, and we look forward to the contributions you will make.",
              "In addition, you will be eligible for the company benefits described below:",
              "- Company paid term life insurance equal to two times your annual salary.",
              "- Group health insurance and three weeks of paid vacation per year.",
              "Sincerely,"]
    m = match(segment(blocks(*letter)), LIBRARY, list(TOPICS))["base-salary"]
    assert m.section is not None and "annual rate of $192,500" in m.text


def test_a_letters_subject_line_is_no_clause_and_terms_are_not_a_term():
    # "Re: Employment Terms" names what the letter is about, and "the employment terms in this letter" are its
    # conditions: neither is the period of employment, which the at-will paragraph states
    letter = ["Re: Employment Terms",
              "Dear Dr. Roe:",
              "We are pleased to offer you the position of Vice President, Development. Your salary will be $350,000 "
              "per year.",
              "You may terminate your employment at any time and for any reason. Likewise, the Company may terminate "
              "your employment at any time, with or without cause. Your at-will status can only be modified in "
              "writing.",
              "This letter forms the complete statement of your employment agreement. The employment terms in this "
              "letter supersede any other agreements or promises made to you.",
              "Sincerely,"]
    assert stem("terms") != stem("term")
    m = match(segment(blocks(*letter)), LIBRARY, list(TOPICS))["term"]
    assert m.section is not None and "at-will status" in m.text


def test_the_part_that_states_the_figure_wins_over_mentions_without_one():
    # the pay is set in a long paragraph; a bonus measured in base salary and a life-insurance bullet only name it
    letter = ["Dear Dr. Roe:",
              "It is my pleasure to offer you the position of Vice President, Clinical Development, starting in "
              "October. Your bi-weekly rate of pay will be $7,500.00, which is the equivalent of an annual rate of "
              "$195,000, based on a 40-hour workweek, and we look forward to the contributions you will make to the "
              "company and to the patients it serves.",
              "You will be eligible for a bonus opportunity equal to 20% of your base salary each year. If the "
              "Company terminates your employment without cause, you will receive six months of your base salary.",
              "In addition, you will be eligible for the company benefits described below:",
              "- Company paid term life insurance equal to two times your annual salary.",
              "- Group health insurance and three weeks of paid vacation per year.",
              "Sincerely,"]
    m = match(segment(blocks(*letter)), LIBRARY, list(TOPICS))["base-salary"]
    assert m.section is not None and "annual rate of $195,000" in m.text and "states its figure" in m.reason


def test_a_section_titled_for_the_topic_keeps_it_without_a_figure():
    # severance set by a formula under its own heading is not moved to a definition that counts months
    contract = ["EMPLOYMENT AGREEMENT",
                "1. Compensation. Employee's base salary will be $150,000 per year.",
                "2. Severance. If the Company terminates Employee without cause, it shall pay Employee severance in "
                "proportion to the severance paid to other managers.",
                "3. Covenant Against Competition. “Non-Compete Period” means the term of employment and twelve "
                "months thereafter if the Company provides a severance payment of twelve months' base salary."]
    m = match(segment(blocks(*contract)), LIBRARY, list(TOPICS))["severance"]
    assert m.section is not None and m.section.heading == "2. Severance"


def test_a_salary_review_is_the_growth_path_and_the_pay_stays_with_the_salary():
    # one paragraph sets the pay and the first salary review; a vacation accrual "per annum" states no salary
    letter = ["Dear Mr. Roe:",
              "It is my pleasure to offer you the position of Chief Financial Officer. In this position you will "
              "report directly to me.",
              "Your initial base salary will be $8,000.00 per biweekly pay period. Future salary adjustments shall be "
              "based upon individual and Company performance. You will be eligible for your first salary review "
              "effective March 1.",
              "You will be eligible for an annual target bonus equal to forty percent (40%) of the base salary paid "
              "to you under the Management Incentive Plan.",
              "You will begin accrual of vacation benefits at the rate of 1.25 days per month (15 days per annum).",
              "Sincerely,"]
    matches = match(segment(blocks(*letter)), LIBRARY, list(TOPICS))
    assert matches["growth-path"].section is not None and "first salary review" in matches["growth-path"].text
    assert "$8,000.00 per biweekly" in matches["base-salary"].text


def test_a_contract_governed_by_a_states_law_names_its_governing_law():
    contract = ["EMPLOYMENT AGREEMENT",
                "1. Salary. Company shall pay a salary to Executive at the rate of $10,000 per month.",
                "2. This Agreement shall be governed by California law."]
    m = match(segment(blocks(*contract)), LIBRARY, list(TOPICS))["governing-law"]
    assert m.section is not None and "California law" in m.text


def test_an_at_will_disclaimer_is_the_term_and_a_vesting_anniversary_is_not():
    letter = ["Dear Greg:",
              "1. Salary. You will receive a yearly salary of $250,000.",
              "2. Stock Options. You shall be granted an option to purchase 100,000 shares of the Company's common "
              "stock. Vesting will be 20% for each year, beginning with the first anniversary of the Effective Date.",
              "3. Entire Agreement. This letter sets forth the entire understanding between the parties. Nothing in "
              "this letter constitutes a guarantee of employment for any period of time."]
    m = match(segment(blocks(*letter)), LIBRARY, list(TOPICS))["term"]
    assert m.section is not None and "guarantee of employment" in m.text
    offer = ["Dear Dr. Roe:",
             "We are pleased to offer you the position of Vice President. Your annual salary will be $190,000.",
             "This letter constitutes the entire understanding of the terms of your employment. In addition, nothing "
             "herein shall be construed as the terms of a contract of employment for either a definite or "
             "indefinite time.",
             "Sincerely,"]
    m = match(segment(blocks(*offer)), LIBRARY, list(TOPICS))["term"]
    assert m.section is not None and "definite or indefinite" in m.text


def test_at_will_wording_is_the_term_and_gross_misconduct_is_cause():
    letter = ["Dear Jack:",
              "1. Title/Position: You will serve as the Chief Executive Officer of Aetna at the pleasure of the Board.",
              "2. Base Salary: Your base salary will be $1,000,000 per annum.",
              "3. Termination of Employment: If your employment is terminated by Aetna due to gross misconduct in the "
              "performance of your duties, you will receive any unpaid accrued base salary.",
              "Sincerely,"]
    got = match(segment(blocks(*letter)), LIBRARY, list(TOPICS))
    assert got["term"].section is not None and "at the pleasure of the Board" in got["term"].text
    assert got["termination-for-cause"].section is not None and "gross misconduct" in got["termination-for-cause"].text
    offer = ["Dear Ms. Roe:",
             "Your bi-weekly salary will be $5,192.00.",
             "Employment with the Company is not for a specific term and can be terminated by you or by the Company "
             "at any time for any reason.",
             "Sincerely,"]
    m = match(segment(blocks(*offer)), LIBRARY, list(TOPICS))["term"]
    assert m.section is not None and "not for a specific term" in m.text


def test_a_salary_subject_to_increase_is_the_growth_path():
    for sentence, phrase in [
            ("Your annual salary shall be $1,000,000, subject to the same being reviewed for possible increase during "
             "the annual salary review process.", "possible increase"),
            ("The Company shall pay Employee a base salary of $200,000 per year. Such base salary shall be subject to "
             "increase based upon review by the Board of Directors.", "subject to increase"),
            ("The Company shall pay the Executive a base salary at the greater of $190,000 per year, or, if such rate "
             "is increased from time to time by the Compensation Committee, such increased rate.",
             "increased from time to time")]:
        contract = ["EMPLOYMENT AGREEMENT",
                    "1. Duties. The Executive shall serve as Chief Financial Officer.",
                    f"2. Compensation. {sentence}",
                    "3. Governing Law. This Agreement is governed by the laws of the State of Ohio."]
        m = match(segment(blocks(*contract)), LIBRARY, list(TOPICS))["growth-path"]
        assert m.section is not None and phrase in m.text, sentence


def test_where_the_work_is_done_is_not_a_notice_address_or_a_constructive_termination():
    contract = ["EMPLOYMENT AGREEMENT",
                "1. Employment. Employee shall perform such duties as are consistent with his position, such duties to "
                "be rendered at the principal office of Employer or at such other place as Employer shall require.",
                "2. Salary. A base salary of $230,000 per annum.",
                "3. Constructive Termination. For purposes of this Agreement, constructive termination shall occur if "
                "the Executive's place of employment is moved more than 50 miles from its present location.",
                "4. Notices. Any notice shall be in writing and sent by certified or registered mail to his residence "
                "in the case of Employee, or to its principal office in the case of the Employer."]
    m = match(segment(blocks(*contract)), LIBRARY, list(TOPICS))["remote-work"]
    assert m.section is not None and m.section.heading == "1. Employment"
    located = ["EMPLOYMENT AGREEMENT",
               "1. Employment. The Company agrees that the Executive will be located, and will render such services, "
               "in the Hollywood, California area.",
               "2. Constructive Termination. Constructive termination shall occur if the Executive's place of "
               "employment is moved more than 50 miles from its present location.",
               "3. Salary. A base salary of $190,000 per annum."]
    m = match(segment(blocks(*located)), LIBRARY, list(TOPICS))["remote-work"]
    assert m.section is not None and m.section.heading == "1. Employment"


def test_taking_customers_or_hiring_staff_away_is_non_solicitation():
    for covenant, phrase in [
            ("5. Employees. For two years after termination Employee shall not offer employment to or employ on "
             "behalf of Employee or any other person any employee of Employer.", "offer employment to"),
            ("5. Customers. For two years after termination Employee shall not, directly or indirectly, solicit or "
             "accept business from any of the Company's customers.", "accept business from")]:
        contract = ["EMPLOYMENT AGREEMENT",
                    "1. Duties. Employee shall serve as Senior Vice President.",
                    "2. Salary. A base salary of $230,000 per annum.",
                    "3. Remedies. Employee agrees that the Company shall have the right to injunctive relief for a "
                    "breach of Section 5 or of any rider regarding noncompetition or nonsolicitation.",
                    covenant]
        m = match(segment(blocks(*contract)), LIBRARY, list(TOPICS))["non-solicitation"]
        assert m.section is not None and phrase in m.text, covenant


def test_advance_notice_and_advanced_amounts_are_no_career_advancement():
    assert stem("advancement") != stem("advance") and stem("advancement") != stem("advanced")
    contract = ["EMPLOYMENT AGREEMENT",
                "1. Duties. Employee shall serve as Treasurer.",
                "2. Early Termination. The Company may terminate the Employee's employment by giving the Employee "
                "30 days' advance notice in writing.",
                "3. Loan. He shall not be obligated to repay any amounts advanced to him under the Note."]
    assert match(segment(blocks(*contract)), LIBRARY, list(TOPICS))["growth-path"].section is None
    career = contract + ["4. Career. The Company shall support the Employee's advancement to Chief Financial Officer."]
    m = match(segment(blocks(*career)), LIBRARY, list(TOPICS))["growth-path"]
    assert m.section is not None and m.section.heading == "4. Career"


def test_a_right_of_cancellation_is_termination_without_cause():
    # Sterling Vision (held-out-5): "subject to the right of cancellation by either party ... If the Company decides
    # to cancel the Agreement, it will provide 90 day notice"
    letter = ["Dear Al:",
              "1. A base salary of $100,000.00 per year;",
              "2. An initial term of eighteen (18) months, subject to the right of cancellation by either party, "
              "during the month of January 1997. If the Company decides to cancel the Agreement, it will provide 90 "
              "day notice.",
              "3. Any incentives or performance bonuses shall be determined by the Compensation Committee."]
    m = match(segment(blocks(*letter)), LIBRARY, list(TOPICS))["termination-without-cause"]
    assert m.section is not None and "cancel the Agreement" in m.text


def test_a_loans_notice_is_no_termination_notice():
    # Excite (held-out-5): "you must give Excite thirty (30) days written notice" to draw a loan states a number of
    # days beside "days written notice", but the at-will paragraph is where employment ends
    letter = ["Dear Mark:",
              "Your base salary will be $200,000 per year, payable semi-monthly.",
              "In addition, Excite will provide you with a $1,000,000 loan. If you elect to exercise this loan, you "
              "must give Excite thirty (30) days written notice. Your stock options will serve as collateral.",
              "You will be eligible to participate in Excite's group medical, dental, vision, life insurance and "
              "401(k) plan as offered to all employees.",
              "If you accept this offer, your employment with Excite shall be \"at will\", which means that it is not "
              "for any specified period of time and can be terminated by yourself or Excite for any or no particular "
              "reason or cause and at any time with or without advance notice.",
              "Sincerely,"]
    m = match(segment(blocks(*letter)), LIBRARY, list(TOPICS))["termination-without-cause"]
    assert m.section is not None and "at will" in m.text and "loan" not in m.text


def test_employment_not_for_a_specified_period_is_the_term():
    # Excite and MessageMedia (held-out-5): "not for any specified period of time", "will not be for a specified term"
    for at_will in ["If you accept this offer, your employment shall be at will, which means that it is not for any "
                    "specified period of time.",
                    "Should you accept this offer, your employment will not be for a specified term."]:
        letter = ["Dear Mark:",
                  "Your base salary will be $200,000 per year, payable semi-monthly.",
                  "In addition, Excite will provide you with a $1,000,000 loan, which you can exercise at your "
                  "discretion during your term of employment.",
                  "You will be eligible to participate in the group medical and dental plans.",
                  at_will,
                  "Sincerely,"]
        m = match(segment(blocks(*letter)), LIBRARY, list(TOPICS))["term"]
        assert m.section is not None and "specified" in m.text and "loan" not in m.text, at_will


def test_inducing_staff_to_leave_is_non_solicitation():
    # Lason (held-out-5): "(iii) induce or attempt to induce any person who is an employee of Corporation to leave the
    # employ of Corporation"
    contract = ["EMPLOYMENT AGREEMENT",
                "1. Duties. Employee shall serve as Chief Executive Officer.",
                "2. Salary. A base salary of $250,000 per annum.",
                "3. Covenants. Employee further agrees that he shall not, directly or indirectly, at any time during "
                "the Non-Compete Period induce or attempt to induce any person who is an employee of Corporation to "
                "leave the employ of Corporation."]
    m = match(segment(blocks(*contract)), LIBRARY, list(TOPICS))["non-solicitation"]
    assert m.section is not None and m.section.heading == "3. Covenants"


def test_reporting_to_work_is_no_reporting_line():
    # Sterling Vision (held-out-5): "during which time you will agree to report to work and perform your duties"
    letter = ["Dear Al:",
              "1. A base salary of $100,000.00 per year;",
              "2. An initial term of eighteen (18) months. If the Company decides to cancel the Agreement, it will "
              "provide 90 day notice, during which time you will agree to report to work and perform your duties.",
              "Very truly yours,"]
    assert match(segment(blocks(*letter)), LIBRARY, list(TOPICS))["reporting-structure"].section is None
    letter[2] += " You will report to the President."
    assert match(segment(blocks(*letter)), LIBRARY, list(TOPICS))["reporting-structure"].section is not None


def test_a_notice_the_matched_clause_leaves_unstated_is_read_beside_it():
    # URS (held-out-5): termination without cause is matched to a severance section titled for it, the notice is in
    # the "Early Termination" section; a Good Reason resignation's notice elsewhere is not read
    from counterdraft.extract import extract
    from counterdraft.review import review
    contract = ["EMPLOYMENT AGREEMENT",
                "1. Employment. The Company agrees to employ the Employee as Treasurer.",
                "2. Termination of Employment.",
                "(a) Early Termination. Subject to Section 4 of this Agreement, the Company may terminate the "
                "Employee's employment by giving the Employee 30 days' advance notice in writing.",
                "(b) Cause. The Company may terminate the Employee's employment for Cause by giving the Employee 10 "
                "days' advance notice in writing.",
                "(c) Good Reason. The Employee may terminate his employment for Good Reason by giving the Company 60 "
                "days' advance notice in writing.",
                "3. Involuntary Termination Without Cause.",
                "(a) Payment. If the Company terminates the Employee's employment for the convenience of the Company, "
                "and not for Cause, the Employee shall be entitled to a lump sum payment equal to six months of base "
                "compensation."]
    m = match(segment(blocks(*contract)), LIBRARY, list(TOPICS))["termination-without-cause"]
    assert m.section is not None and m.section.heading == "3. Involuntary Termination Without Cause"
    assert "30 days' advance notice" not in m.text  # not part of the clause as matched
    assert extract(LIBRARY.get("termination-without-cause"), m.text, None, m.elsewhere_sentences) == {"notice_days": 30}
    finding = next(f for f in review(blocks(*contract), LIBRARY, None, "urs").review.findings
                   if f.topic == "termination-without-cause")
    assert finding.parameters == {"notice_days": 30}
    del contract[3]
    m = match(segment(blocks(*contract)), LIBRARY, list(TOPICS))["termination-without-cause"]
    assert extract(LIBRARY.get("termination-without-cause"), m.text, None, m.elsewhere_sentences) == {}


def test_full_time_written_open_is_full_time():
    # PRG-Schultz (held-out-5): "the terms and conditions of your full time employment with PRG"
    assert tokens("your full time employment") == tokens("your full-time employment")
    letter = ["Dear Mr. Moylan:",
              "I am pleased to extend the terms and conditions of your full time employment with PRG-Schultz as "
              "President.",
              "Your base salary will be $400,000 per year.",
              "Sincerely,"]
    m = match(segment(blocks(*letter)), LIBRARY, list(TOPICS))["fte-split"]
    assert m.section is not None and "full time employment" in m.text


def test_proxies_solicited_by_the_board_are_no_non_solicitation():
    # PRG-Schultz (held-out-5): a change of control when the directors are not persons "for whose election proxies
    # shall have been solicited by the board"
    letter = ["Dear Mr. Moylan:",
              "Your base salary will be $400,000 per year.",
              "3. Options. You will be granted options to purchase 500,000 shares of Common Stock.",
              "For purposes of this Agreement, a \"Change of Control\" shall have occurred if a majority of the "
              "directors shall be persons other than persons for whose election proxies shall have been solicited by "
              "the board.",
              "Sincerely,"]
    assert match(segment(blocks(*letter)), LIBRARY, list(TOPICS))["non-solicitation"].section is None


def test_sexual_orientation_is_no_onboarding():
    # NovaStar (held-out-6), Carns (held-out-4): an arbitration clause covering "claims for discrimination (including
    # ... sexual orientation ...)" was read as an orientation period
    contract = ["1. Duties. Employee shall serve as Chief Financial Officer.",
                "2. Base Salary. The Employer shall pay Employee an annual base salary of $250,000.",
                "3. Arbitration. Any claim between the parties shall be settled by binding arbitration, including "
                "claims for discrimination (including race, sex, sexual orientation, religion and age)."]
    assert match(segment(blocks(*contract)), LIBRARY, list(TOPICS))["onboarding"].section is None


def test_annual_salary_increases_are_the_growth_path():
    # NovaStar (held-out-6): "annual salary" (a base-salary cue, read first) left "increases" alone
    contract = ["1. Duties. Employee shall serve as Chief Financial Officer.",
                "2. Compensation. The Employer agrees to pay Employee an annual base salary of $250,000. Employee "
                "will be eligible to receive annual salary increases at the sole discretion of the Employer.",
                "3. Vacation. Employee shall be entitled to four weeks of paid vacation."]
    m = match(segment(blocks(*contract)), LIBRARY, list(TOPICS))
    assert m["growth-path"].section is not None and "annual salary increases" in m["growth-path"].text
    assert m["base-salary"].section is not None and "$250,000" in m["base-salary"].text


def test_duties_under_the_general_supervision_of_the_board_are_the_reporting_line():
    # PPD (held-out-6): "Employee shall carry out his duties and responsibilities under the general supervision of
    # PPD's Board of Directors"
    contract = ["1. Employment. The Company employs Employee as Executive Chairman.",
                "2. Salary. The Company shall pay Employee an annual salary of $740,000.",
                "3. Duties. Employee shall carry out his duties and responsibilities under the general supervision of "
                "the Company's Board of Directors."]
    m = match(segment(blocks(*contract)), LIBRARY, list(TOPICS))["reporting-structure"]
    assert m.section is not None and m.section.heading == "3. Duties"


def test_a_stock_options_expiry_is_not_the_term():
    # Childtime (held-out-6): an option that "will expire on the seventh anniversary" was taken for the term, as the
    # part that states its figure, over the at-will paragraph
    from counterdraft.extract import extract
    letter = ["Dear Frank:",
              "1. You will report directly to the President and Chief Executive Officer.",
              "2. You will be granted an option to purchase 50,000 shares of the Common Stock of the Company. The "
              "Option will vest at 20% per year for five years beginning on the first anniversary of your employment, "
              "and will expire on the seventh anniversary of your employment.",
              "3. Your employment will be \"At Will\" and you will serve at the pleasure of the President.",
              "Very truly yours,"]
    m = match(segment(blocks(*letter)), LIBRARY, list(TOPICS))["term"]
    assert m.section is not None and "At Will" in m.text and "Option" not in m.text
    term = LIBRARY.get("term")
    assert extract(term, "The Option will expire on the seventh anniversary of the grant.") == {}
    assert extract(term, "This Agreement will expire on the third anniversary of the Effective Date, unless "
                         "extended at the option of the Company.") == {"initial_term_months": 36}


def test_a_signatorys_name_heads_no_clause():
    # PPD (held-out-6): "PPD PHARMACEUTICAL PRODUCT DEVELOPMENT, INC." over "By:" in the signature block was read as a
    # heading that names intellectual property ("developments")
    contract = ["1. Employment. The Company employs Employee as Executive Chairman.",
                "2. Salary. The Company shall pay Employee an annual salary of $740,000.",
                "3. Applicable Law. This Agreement shall be governed by the laws of the State of North Carolina.",
                "IN WITNESS WHEREOF, the parties have caused this Agreement to be executed.",
                "ACME PRODUCT DEVELOPMENT, INC.",
                "By: /s/ Jane Roe",
                "Title: General Counsel"]
    assert match(segment(blocks(*contract)), LIBRARY, list(TOPICS))["intellectual-property"].section is None


def test_devoting_all_working_time_is_the_time_commitment():
    # NovaStar (held-out-6): "he/she will devote all of his/her working time and attention ... exclusively to the
    # business and interests of EMPLOYER"
    contract = ["1. EMPLOYMENT BY COMPANY",
                "Employee shall be employed by the Employer in the position of Chief Financial Officer.",
                "Employee hereby agrees that he/she will devote all of his/her working time and attention exclusively "
                "to the business and interests of Employer.",
                "2. COMPENSATION",
                "The Employer agrees to pay Employee an annual base salary of $250,000."]
    m = match(segment(blocks(*contract)), LIBRARY, list(TOPICS))["fte-split"]
    assert m.section is not None and "working time" in m.text


def test_base_salary_paid_for_a_period_after_termination_is_severance():
    # PPD (held-out-6): "in which case he shall be paid his base salary for a period of twelve months after the date
    # of termination", with no other severance wording
    contract = ["1. Salary. The Company shall pay Employee an annual salary of $740,000.",
                "2. Termination. The Company may terminate Employee's employment upon his death or disability. "
                "Employee may voluntarily terminate this Agreement upon thirty (30) days written notice if his "
                "duties are substantially reduced, in which case he shall be paid his base salary for a period of "
                "twelve months after the date of termination.",
                "3. Applicable Law. This Agreement shall be governed by the laws of the State of North Carolina."]
    m = match(segment(blocks(*contract)), LIBRARY, list(TOPICS))
    assert m["severance"].section is not None and "for a period of twelve months" in m["severance"].text
    assert m["base-salary"].section is not None and "$740,000" in m["base-salary"].text


def test_pay_used_as_a_measure_or_taxed_is_no_base_salary():
    # URS (third audit): an agreement on termination only, its pay in a separate letter; base-salary was matched to
    # the severance's "Amount" paragraph for its "months of base compensation" and "payroll taxes"
    contract = ["1. Termination of Employment. The Company may terminate the Employee's employment by giving the "
                "Employee 30 days' advance notice in writing.",
                "2. Change in Control.",
                "(a) Severance Payment. If the Company terminates the Employee's employment after a Change in Control "
                "for any reason other than Cause, the Employee shall be entitled to receive a severance payment.",
                "(b) Amount. The amount of the Severance Payment shall be equal to 12 months of base compensation (as "
                "is in effect at the time of the termination of employment), reduced by applicable income and payroll "
                "taxes.",
                "3. Choice of Law. This Agreement shall be governed by the laws of the State of California."]
    m = match(segment(blocks(*contract)), LIBRARY, list(TOPICS))
    assert m["base-salary"].section is None and m["severance"].section is not None
    salary = ["1. Compensation. The Company shall pay the Employee a base compensation of $200,000 per year, through "
              "its regular payroll."] + contract
    assert "$200,000" in match(segment(blocks(*salary)), LIBRARY, list(TOPICS))["base-salary"].text


def test_a_salary_set_annually_is_the_growth_path():
    # RemedyTemp (held-out-6): "Mikos shall receive a base salary set annually by the Compensation Committee"
    contract = ["1. DUTIES. Mikos shall report directly to the Board of Directors.",
                "2. COMPENSATION. Mikos shall receive a base salary set annually by the Compensation Committee; "
                "provided, however, that his annual base salary shall not be less than $390,000 per year.",
                "3. GOVERNING LAW. This Agreement shall be governed by the laws of the State of California."]
    m = match(segment(blocks(*contract)), LIBRARY, list(TOPICS))["growth-path"]
    assert m.section is not None and "set annually" in m.text


def test_rendering_services_to_others_is_an_outside_activity_and_to_the_company_is_not():
    # NovaStar (held-out-6): "EMPLOYEE shall not, without prior written consent of the EMPLOYER ...: (a) accept
    # employment with, or render services of a business, professional or commercial nature to any person other than
    # the EMPLOYER"
    contract = ["1. EMPLOYMENT. Employee shall be employed as Chief Financial Officer.",
                "Employee shall not, without prior written consent of the Employer, at any time during the term of "
                "this Agreement accept employment with, or render services of a business, professional or commercial "
                "nature to any person other than the Employer.",
                "2. COMPENSATION. The Employer agrees to pay Employee an annual base salary of $250,000.",
                "3. CONSULTANCY. If Employee is terminated without cause, Employee shall provide consulting services "
                "to the Employer for twelve months."]
    m = match(segment(blocks(*contract)), LIBRARY, list(TOPICS))["outside-activities"]
    assert m.section is not None and "render services of a business" in m.text
    duties = ["1. Duties. Executive shall render services to the Company as its Chief Executive Officer.",
              "2. Salary. The Company shall pay Executive an annual base salary of $300,000."]
    assert match(segment(blocks(*duties)), LIBRARY, list(TOPICS))["outside-activities"].section is None


def test_a_lowercase_list_of_paragraphs_cited_brings_each_in():
    # PPD (held-out-6): "subject to salary adjustments as provided for in paragraphs 3 and 7 below"; 7 holds the
    # periodic reviews
    contract = ["1. Employment. The Company employs Employee as Executive Chairman.",
                "2. Term. The term of this Agreement shall be for one year, renewed for successive one-year terms "
                "subject to salary adjustments and salary review as provided for in paragraphs 3 and 7 below.",
                "3. Salary. The Company shall pay Employee an annual salary of $740,000.",
                "4. Duties. Employee shall devote substantially all of his working time to the business.",
                "5. Expenses. The Company shall pay the expenses of Employee.",
                "6. Termination. The Company may terminate Employee's employment upon his death.",
                "7. Benefits. Employee shall be subject to the policies applicable to other executives with respect "
                "to periodic reviews and increases in salary."]
    m = match(segment(blocks(*contract)), LIBRARY, list(TOPICS))["growth-path"]
    assert m.section is not None and m.section.heading == "2. Term"
    assert [a.heading for a in m.also] == ["7. Benefits"]


@pytest.mark.parametrize("phrases, text, holds", [
    (["work location"], "3. Work Locations.", True),  # stemmed, as the matcher reads
    (["non-compete"], "Noncompete Covenant", True),
    (["base salary"], "Salary, base and other", False),  # word for word, in order
    (["offices in"], "Chief Financial Officer. In that capacity", False),  # never across a sentence
])
def test_mentions_reads_words_as_the_matcher_does(phrases, text, holds):
    assert mentions(phrases, text) == holds


def test_a_listed_reference_keeps_its_subsection():
    from counterdraft.match import _XREF, _listed
    sentence = "as provided in Sections 2, 4 or 5(a) hereof"
    assert [m.group(0) for m in _listed(sentence, _XREF.search(sentence))] == ["Section 4", "Section 5(a)"]


def test_a_paragraph_under_no_heading_is_not_widened_to_the_untitled_paragraphs_around_it():
    """GelTex (Reed): the salary paragraph of a letter was widened to the run of untitled paragraphs around it (loan,
    bonus, option, relocation), and a clause inserted after base salary went after the relocation paragraph."""
    paragraphs = ["Dear Dr. Reed:",
                  "We would like you to join us as Vice President at an annual base salary of $185,000.",
                  "GelTex will provide you with a loan in the principal amount of $100,000, forgiven over four years.",
                  "You will be eligible for a bonus equal to 25% of your base salary, as the Board approves.",
                  "1. Benefits. You will be eligible for the company's health and dental plans.",
                  "2. Vacation. You will have three weeks of paid vacation per year.",
                  "3. Confidentiality. You will sign the company's confidentiality agreement.",
                  "4. Governing Law. This letter is governed by the laws of Massachusetts.",
                  "5. Notices. Notices under this letter are given in writing.",
                  "Please sign both copies of this letter and return one to me.", "Sincerely,"]
    salary = match(segment(blocks(*paragraphs)), LIBRARY, list(TOPICS))["base-salary"].section
    assert [b.text for b in salary.blocks] == [paragraphs[1]]


def test_a_refusal_to_perform_the_duties_is_a_ground_for_cause_not_the_duties():
    # Carns (audit): "Unreasonable neglect or any refusal to perform the duties assigned to the Employee", a ground
    # for dismissal under "ARTICLE 6. TERM", outscored the "duties and responsibilities" of "ARTICLE 1. EMPLOYMENT",
    # so Remote Work, Protected Time and Call went into the term article
    contract = [("ARTICLE 1. EMPLOYMENT", {"outline": 0}),
                "1.1 The Company agrees to employ the Employee as Chief Medical Information Officer. The Employee "
                "agrees to serve the Company faithfully in this capacity, the duties and responsibilities of which "
                "may change from time to time.",
                ("ARTICLE 6. TERM", {"outline": 0}),
                "6.1 The term of this Agreement is three years. The Company may dismiss the Employee for cause, "
                "which means any of the following:",
                "(a) Unreasonable neglect or any refusal to perform the duties assigned to the Employee.",
                "(b) Conviction of a felony."]
    m = match(segment(blocks(*contract)), LIBRARY, list(TOPICS))
    assert m["fte-split"].section is not None and "duties and responsibilities" in m["fte-split"].text
    assert "refusal to perform" not in m["fte-split"].text


#: After List (held-out-3): a three-month term with no right to end it early, a covenant that runs during the term
#: only and never says "compete", a non-solicitation for a year after it, an indemnity that excludes misconduct.
_LIST = [
    "EMPLOYMENT AGREEMENT",
    "1. This Agreement shall be in effect from June 3, 1998 to and including September 1, 1998.",
    "2. Company shall pay a salary to Executive at the rate of Ten Thousand Dollars per month. Executive shall be "
    "entitled to receive all other benefits, at levels no less favorable than the benefit levels generally afforded "
    "officers of the Company.",
    "3. Executive will keep in confidence all Proprietary Information. Proprietary Information excludes information "
    "that Executive disclosed under a court order, where Executive provided the Company with prior written notice of "
    "such disclosure.",
    "4. Executive agrees that during the term of this Agreement, he will not, directly or indirectly, engage or "
    "participate in or become employed by any person engaged in the business of medical group purchasing (the "
    "\"Restricted Business\").",
    "5. For a period of one (1) year after the termination of Executive's employment, Executive shall not:",
    "a. Directly or indirectly solicit any managerial employee of Company to discontinue working for Company for the "
    "purpose of working for any subsequent employer of Executive which is a competitor of Company; or",
    "b. Assist any such person in taking such action.",
    "6. The Company will indemnify and hold the Executive harmless against all losses, except to the extent that any "
    "such loss results from the willful misconduct of Executive.",
    "7. If any of the above provisions are found void for any reason, the remaining provisions remain in force.",
]


def test_a_notice_or_misconduct_named_for_something_else_is_no_termination():
    """List (audit): termination without cause was matched to the confidentiality section ("prior written notice of
    such disclosure") or to the severability clause ("void for any reason"), and for cause to the indemnity that
    excludes "willful misconduct"; the review then said the draft lets the employer end it "only on the grounds it
    lists" and the plan put the severance inside the confidentiality section."""
    got = match(segment(blocks(*_LIST)), LIBRARY, list(TOPICS))
    assert got["termination-without-cause"].section is None and got["termination-for-cause"].section is None
    assert got["indemnification"].section is not None and "willful misconduct" in got["indemnification"].text
    # the same words where the sentence ends the employment still count
    fired = [*_LIST, "8. Either party may terminate this Agreement for any reason upon prior written notice.",
             "9. Company may terminate Executive's employment for Executive's willful misconduct."]
    got = match(segment(blocks(*fired)), LIBRARY, list(TOPICS))
    assert got["termination-without-cause"].text.startswith("8.")
    assert got["termination-for-cause"].text.startswith("9.")


def test_a_covenant_during_the_term_is_the_non_compete_and_not_the_term():
    """List (audit): the term was read from the covenant that binds "during the term of this Agreement", the
    non-compete from the non-solicitation (its "competitor"), and the benefits were not found."""
    got = match(segment(blocks(*_LIST)), LIBRARY, list(TOPICS))
    assert got["term"].text.startswith("1. This Agreement shall be in effect from June 3, 1998")
    assert got["non-compete"].text.startswith("4.") and got["non-solicitation"].text.startswith("5.")
    assert "benefit levels" in got["benefits-vacation"].text


def test_a_heading_alone_gives_way_to_a_part_whose_text_says_more(shared_dir, txt2docx, tmp_path):
    """Weigand (held-out), numbered by Word: "Termination upon Death or Disability", whose heading alone names a
    termination, outranked the paragraph "The Company may terminate the Executive's employment at any time without
    Cause, for any reason or no reason", once a change of control's "cease for any reason" no longer counted."""
    from counterdraft.wordml.package import Package
    from counterdraft.wordml.read import read_blocks

    source = next((shared_dir / "corpus" / "contracts" / "sec_employment").glob("1298675_*WEIGAND.txt"))
    path = txt2docx.convert(source, tmp_path / "weigand.docx", "numbering")
    got = match(segment(read_blocks(Package.open(path))), LIBRARY, list(TOPICS))["termination-without-cause"]
    assert "The Company may terminate the Executive's employment at any time without Cause" in got.text


_MENTIONS = [
    "EMPLOYMENT AGREEMENT",
    "This Agreement is made by and between Acme Holdings, Inc., a Delaware corporation, having its principal "
    "executive offices at 1 Main Street, Santa Ana, California, and John Doe (the \"Executive\").",
    "1. Duties. The Executive shall serve as Chief Financial Officer and shall report to the Chief Executive "
    "Officer of the Company.",
    "2. Term. The term shall continue for two years unless terminated for cause. The Executive may terminate this "
    "Agreement in the event his title, reporting relationship or job responsibilities are materially or adversely "
    "affected.",
    "3. Disability. In the event the Executive becomes disabled and is unable to perform his duties for ninety "
    "(90) days, the Company shall have the right to terminate this Agreement upon ten (10) days' prior written "
    "notice.",
    "4. Severance. If the Company terminates the Executive's employment without Cause, it shall continue his base "
    "salary for six months, which payments cease upon his commencement of other employment.",
    "5. Governing Law. This Agreement is governed by the laws of Texas.",
    ("ACME RESOURCES HOLDINGS, INC.", {"style": "Heading 1", "outline": 0}),
    "By: Jane Roe, Chairman",
]


def test_passing_mentions_of_a_topic_in_other_clauses_do_not_place_it():
    """Held-out-7: Clamen's reporting line was matched to the term, whose resignation right names a "reporting
    relationship"; Denton-Thompson's work place to the preamble's "principal executive offices" of the company;
    Webster's termination without cause to a disability termination "upon ten (10) days' prior written notice";
    Puhala's outside activities to severance that ceases "upon your commencement of other employment"; Webster's
    office support to the signature block's party name, "ADAMS RESOURCES & ENERGY, INC."."""
    got = match(segment(blocks(*_MENTIONS)), LIBRARY, list(TOPICS))
    assert got["reporting-structure"].text.startswith("1. Duties")
    assert got["remote-work"].section is None
    assert got["termination-without-cause"].text.startswith("4. Severance")
    assert got["outside-activities"].section is None
    assert got["analytics-support"].section is None


def test_a_contractors_fees_are_its_pay_and_neither_payment_milestones_nor_a_definition_place_a_topic(shared_dir):
    """fresh2 (first run): Common Paper's contractor agreement had no pay ("Company will pay Contractor the fees set
    forth ... in the SOW") and a growth path in the milestones its payment waits for; the CIIAA's invention
    assignment was its definition of "Covered Inventions", whose defined term stood as a heading naming inventions."""
    from counterdraft.wordml.package import Package
    from counterdraft.wordml.read import read_blocks

    forms = shared_dir / "corpus" / "contracts" / "docx_forms"
    ica = match(segment(read_blocks(Package.open(forms / "common-paper-independent-contractor-agreement.docx"))),
                LIBRARY, list(TOPICS))
    assert ica["base-salary"].text.startswith("Payment.  Company will pay Contractor the fees")
    assert ica["growth-path"].section is None
    ciiaa = match(segment(read_blocks(Package.open(
        forms / "openagreements-confidentiality-invention-assignment-agreement.docx"))), LIBRARY, list(TOPICS))
    assert not ciiaa["intellectual-property"].text.startswith("“Covered Inventions” means")


def test_a_heading_or_a_cover_row_over_a_blank_to_fill_in_governs_nothing(shared_dir):
    """Common Paper's contractor agreement: its cover page rows "Schedule | {timeline}" and "Services |
    {services_description}" were the call clause and the FTE split, and the hospitalist redline put our call clause
    in place of the timeline still to be filled in. A heading over "[Reserved]" is no clause either."""
    from counterdraft.wordml.package import Package
    from counterdraft.wordml.read import read_blocks

    forms = shared_dir / "corpus" / "contracts" / "docx_forms"
    ica = match(segment(read_blocks(Package.open(forms / "common-paper-independent-contractor-agreement.docx"))),
                LIBRARY, list(TOPICS))
    assert ica["call-after-hours"].section is None
    assert "{services_description}" not in ica["fte-split"].text
    h1 = {"style": "Heading 1", "outline": 0}
    reserved = ["EMPLOYMENT AGREEMENT", ("Call Coverage", h1), "[Reserved]", ("Governing Law", h1),
                "This Agreement is governed by Ohio law."]
    assert match(segment(blocks(*reserved)), LIBRARY, list(TOPICS))["call-after-hours"].section is None
    filled = ["EMPLOYMENT AGREEMENT", ("Call Coverage", h1), "Physician shall take weekend call one weekend in four.",
              ("Governing Law", h1), "This Agreement is governed by Ohio law."]
    assert match(segment(blocks(*filled)), LIBRARY, list(TOPICS))["call-after-hours"].section.heading == "Call Coverage"


def test_base_pay_continued_after_a_termination_is_severance_but_not_through_a_notice_period():
    """Cronan (held-out-7): "the Company shall also continue your base pay ... for a period of 12 months following
    the termination of your employment" was no severance; the academic offer's salary continued through three
    months' notice (physician set) must stay notice pay."""
    paid = ["Dear Tom:", "1. Title. You will serve as Chief Financial Officer.",
            "2. Option Agreement: If your service is involuntarily terminated without cause, the Company shall also "
            "continue your base pay (at the rate then in effect) for a period of 12 months following the termination "
            "of your employment."]
    assert match(segment(blocks(*paid)), LIBRARY, list(TOPICS))["severance"].text.startswith("2. Option Agreement")
    notice = ["Dear Dr. Roe:", "1. Program Changes. If the program is discontinued, we will give you three months' "
              "notice before your employment ends and will continue your base salary during that period."]
    assert match(segment(blocks(*notice)), LIBRARY, list(TOPICS))["severance"].section is None


def test_an_allowance_a_forum_fee_a_day_off_and_a_vacation_request_place_no_topic():
    """Held-out-8 (first run): Clef's "Continuing education stipend" was a leadership stipend, General Legal's
    arbitration "administrative fee" another, and its vacation requests judged on "progress toward work objectives
    or milestones" a growth path; Nothing AG's salary paid on for "1 additional day" at a wedding was severance."""
    letter = ["Dear Sam:",
              "Continuing education stipend for industry-related conferences, seminars, coaching, or mentorship.",
              "Requests for paid vacation will be reviewed and approved by supervisors based on factors such as the "
              "employee's progress toward work objectives or milestones.",
              "We will continue to pay your salary for 1 additional day in the following cases: your own wedding, "
              "the death of a close relative, or a move to a new home.",
              "The Company will bear all JAMS arbitration fees and costs in excess of the administrative fee that you "
              "would have been required to pay had the dispute been heard in court."]
    got = match(segment(blocks(*letter)), LIBRARY, list(TOPICS))
    assert got["cme-allowance"].text.startswith("Continuing education stipend")
    for topic in ("leadership-stipend", "growth-path", "severance"):
        assert got[topic].section is None, (topic, got[topic].text[:60])


def test_british_contracts_probation_loyalty_and_pay_in_lieu():
    """Held-out-9 (dxw, first run): a "Probationary period" was no onboarding, the "Loyalty" clause no outside
    activity and "Pay" no salary, while pay in lieu of notice "as a lump sum" was severance; and GitLab B.V.'s "will
    not apply a probationary period" must stay no onboarding."""
    uk = ["Contract of Employment",
          ("Pay", {"style": "Heading 2", "outline": 1}),
          "You will be paid monthly in arrears by transfer to your bank account on the last weekday of each month.",
          ("Probationary period", {"style": "Heading 2", "outline": 1}),
          "You will be subject to an initial four month probationary period.",
          ("Notice period", {"style": "Heading 2", "outline": 1}),
          "Other than in cases of gross misconduct, your notice period is six weeks. We may give you pay in lieu of "
          "notice, paid as a lump sum.",
          ("Loyalty", {"style": "Heading 2", "outline": 1}),
          "You may carry out any other work provided it does not interfere with the performance of your duties."]
    got = found(match(segment(blocks(*uk)), LIBRARY, list(TOPICS)))
    assert got["onboarding"] == "Probationary period"
    assert got["outside-activities"] == "Loyalty"
    assert got["base-salary"] == "Pay"
    assert got["severance"] is None
    ruled_out = ["Employment Contract", "1. Position. The Employee will be employed as Engineer. Employer and Employee "
                 "will not apply a probationary period."]
    assert match(segment(blocks(*ruled_out)), LIBRARY, list(TOPICS))["onboarding"].section is None


# ---------------------------------------------------------------------------------------------- exact cues
UK_FORM = [
    "CONTRACT OF EMPLOYMENT",
    ("1. Commencement and duration", {"outline": 1}),
    "Your employment starts on 1 March and is on a permanent basis until ended as set out below.",
    ("2. Pension", {"outline": 1}),
    "You may join the company pension scheme after three months.",
    ("3. Proper law", {"outline": 1}),
    "This contract is subject to the laws of England.",
]


def _without_exact(library):
    """The library with every clause's exact cues taken out."""
    from dataclasses import replace as dc_replace
    return dc_replace(library, clauses={i: c.model_copy(update=dict(exact_cues=[], exact_heading_cues=[]))
                                        for i, c in library.clauses.items()})


def test_wording_of_british_forms_is_found_by_exact_cues():
    """"On a permanent basis" under "Commencement and duration" is the term, a "Pension" section the benefits: the
    clause library's exact cues (and the detection topics') find them, which the plain cues alone do not."""
    sections = segment(blocks(*UK_FORM))
    got = found(match(sections, LIBRARY, list(TOPICS)))
    assert got["term"] == "1. Commencement and duration"
    assert got["benefits-vacation"] == "2. Pension"
    assert got["governing-law"] == "3. Proper law"
    assert got["termination-without-cause"] is None and got["non-compete"] is None
    assert found(match(sections, _without_exact(LIBRARY), ["term"]))["term"] is None


def test_the_words_of_exact_cues_rank_nothing_alone():
    """A cue's single words rank candidates; an exact cue's do not: "canvass" or "entice" from a British
    non-solicitation phrase must not lift a paragraph that only happens to use the word."""
    from counterdraft.match import vocabularies
    with_exact, plain = vocabularies(LIBRARY, list(TOPICS)), vocabularies(_without_exact(LIBRARY), list(TOPICS))
    assert any(len(with_exact[t].cues) > len(plain[t].cues) for t in TOPICS)
    for topic in TOPICS:
        assert with_exact[topic].words == plain[topic].words, topic
    clause = LIBRARY.by_topic("term")
    assert "permanent basis" in clause.exact_cues and "permanent" not in {w for t in TOPICS for w in with_exact[t].words}
    sections = segment(blocks("1. Duties", "The employee holds a permanent seat on the clinical committee and "
                                           "shall serve on it under the initial term of this agreement."))
    index_with, index_plain = Index(sections, with_exact), Index(sections, plain)
    for s in index_with.candidates:
        assert index_with.score(s, with_exact["term"]) == index_plain.score(s, plain["term"])


def test_of_two_parts_titled_for_the_fte_the_one_that_states_the_split_is_the_clause():
    """physician2's CMIO agreement (q1): "2.1 Position" (full time) was matched for the FTE split, not "2.2
    Allocation of Effort" after it (0.8 FTE leadership, 0.2 FTE clinical), so the split read as unstated."""
    contract = [
        "PHYSICIAN EMPLOYMENT AGREEMENT",
        "2. EMPLOYMENT; DUTIES",
        "2.1 Position. Employer employs Physician, and Physician accepts employment, as System Chief Medical "
        "Information Officer, on a full-time basis, beginning on the Effective Date. Physician shall devote her full "
        "professional time and effort to the business of Employer and the System, subject to Section 12.",
        "2.2 Allocation of Effort. Physician's full-time effort shall be allocated as 0.8 FTE to Leadership Services "
        "and 0.2 FTE to Clinical Services. The allocation may be changed only by written agreement of Physician and "
        "the Executive Vice President and Chief Clinical Officer, and any change to the allocation shall be "
        "accompanied by an adjustment of the components of Base Salary described in Exhibit A. Physician's "
        "Leadership Services include executive responsibility for physician and advanced practice provider use of "
        "the System's enterprise electronic health record, chairing the System Clinical Informatics Council, "
        "oversight of clinical decision support governance, leading the selection and monitoring of predictive "
        "models used in patient care, and such other duties consistent with her position as Employer may "
        "reasonably assign from time to time.",
        "2.3 Reporting. Physician shall report to the Executive Vice President and Chief Clinical Officer.",
        "3. Governing Law. This Agreement is governed by the laws of the State of Missouri.",
    ]
    m = match(segment(blocks(*contract)), LIBRARY, list(TOPICS))["fte-split"]
    assert "0.8 FTE to Leadership Services" in m.text


def test_a_part_titled_for_the_term_under_an_article_about_its_termination_is_the_term():
    """physician3's community hospital agreement (r1): "ARTICLE VI - TERM AND TERMINATION" names the term but is
    about ending the agreement, so the term was reported missing, though "Section 6.1 Term" under it sets it."""
    contract = [
        "ARTICLE VI - TERM AND TERMINATION",
        "Section 6.1 Term. This Agreement shall begin on the Effective Date and, unless terminated earlier under this "
        "Article VI, shall end on the second (2nd) anniversary of the Effective Date (the \"Term\").",
        "Section 6.2 Termination Without Cause. Either party may terminate this Agreement at any time, without cause, "
        "by giving the other party at least one hundred twenty (120) days' prior written notice.",
        "Section 6.3 Termination for Cause. Hospital may terminate this Agreement immediately on written notice if "
        "Physician loses the license to practice medicine or is excluded from any federal health care program.",
        "Section 6.4 Effect of Termination. On termination, Hospital shall pay the fees earned to the date of "
        "termination, and the parties shall have no further obligations except those that survive termination.",
        "ARTICLE VII - GOVERNING LAW",
        "Section 7.1 Governing Law. This Agreement is governed by the laws of the State of Indiana.",
    ]
    m = match(segment(blocks(*contract)), LIBRARY, list(TOPICS))["term"]
    assert m.section is not None and m.section.where.endswith("Section 6.1 Term")
    assert "second (2nd) anniversary" in m.text and "one hundred twenty" not in m.text


def test_recruiting_as_a_duty_is_no_non_solicitation():
    """physician3's Associate CMIO (r4): "recruit, train and mentor physician builders" among the informatics duties
    was found as a non-solicitation; "will not actively recruit any employee" still is one."""
    duties = ["2.4 Informatics Duties. In her Informatics Service, Physician shall lead the design of order sets and "
              "recruit, train and mentor physician builders and super-users in the pediatric departments.",
              "3. Governing Law. This Agreement is governed by the laws of the Commonwealth of Massachusetts."]
    assert match(segment(blocks(*duties)), LIBRARY, list(TOPICS))["non-solicitation"].section is None
    covenant = duties + ["10.2 Employees. For twelve (12) months after employment ends, Physician will not actively "
                         "recruit any employee of the Group."]
    assert "recruit any employee" in match(segment(blocks(*covenant)), LIBRARY, list(TOPICS))["non-solicitation"].text


def test_a_clause_goes_on_in_the_parts_after_it_titled_for_its_topic():
    """physician3's community hospital (r1): "Section 5.1 Professional Liability Coverage", then "Section 5.2 Tail
    Coverage": the tail was read as unpaid, from 5.1 alone. The indemnity after them is another topic's."""
    contract = [
        "ARTICLE V - INSURANCE AND INDEMNIFICATION",
        "Section 5.1 Professional Liability Coverage. Hospital shall obtain and pay for professional liability "
        "insurance covering Physician for the Services, written on a claims-made basis.",
        "Section 5.2 Tail Coverage. When this Agreement expires or is terminated for any reason, Hospital shall "
        "purchase, at its sole cost, an extended reporting period endorsement to the policy described in Section 5.1.",
        "Section 5.3 Indemnification. Each party shall indemnify and hold harmless the other party from claims arising "
        "from its own negligence.",
        "ARTICLE VI - GOVERNING LAW",
        "Section 6.1 Governing Law. This Agreement is governed by the laws of the State of Indiana.",
    ]
    m = match(segment(blocks(*contract)), LIBRARY, list(TOPICS))["malpractice"]
    assert m.section.where.endswith("Section 5.1 Professional Liability Coverage")
    assert [a.where.rsplit("> ", 1)[-1] for a in m.also] == ["Section 5.2 Tail Coverage"]
    assert "extended reporting period" in m.text and "indemnify" not in m.text


def test_a_part_after_that_only_names_the_topic_in_its_heading_is_a_part_of_its_own():
    """McGrane (held-out-3): "(e) Voluntary Termination for Good Reason", with the executive's own sixty days'
    notice, is no part of "(d) Termination Without Cause"; nor is a part that does not refer back by number."""
    contract = [
        "4. Termination.",
        "(d) Termination Without Cause. The Company may terminate the Executive's employment without Cause upon "
        "written notice.",
        "(e) Voluntary Termination for Good Reason. The Executive may terminate employment for Good Reason upon sixty "
        "(60) days' written notice to the Company, as provided in Section 4(d).",
        "5. Governing Law. This Agreement is governed by the laws of the State of Delaware.",
    ]
    m = match(segment(blocks(*contract)), LIBRARY, list(TOPICS))["termination-without-cause"]
    assert m.also == ()
