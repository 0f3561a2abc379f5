"""Segmentation: headings, captions, typed and Word numbering, letters and tables make one kind of tree."""
from __future__ import annotations

import docx
import pytest

from counterdraft.models import ParagraphRef
from counterdraft.segment import marker, segment, units
from counterdraft.wordml.package import Package
from counterdraft.wordml.read import Block, read_blocks


def blocks(*paras) -> list[Block]:
    """Blocks from (text, options) pairs or plain strings, numbered in order."""
    out = []
    for i, p in enumerate(paras):
        text, opts = (p, {}) if isinstance(p, str) else p
        out.append(Block(ref=ParagraphRef(index=i), text=text, style=opts.get("style", "Normal"),
                         outline_level=opts.get("outline"), numbered=opts.get("numbered", False),
                         caption=opts.get("caption", ""), in_table=opts.get("cell") is not None,
                         list_level=opts.get("level"), cell=opts.get("cell")))
    return out


def tree(sections) -> list[tuple[int, str | None]]:
    return [(s.level, s.heading) for s in units(sections) if s.heading]


class TestTypedNumbering:
    def test_it_nests_articles_sections_and_letters(self):
        secs = segment(blocks(
            "This Agreement is made between the Company and the Physician, who agree as follows.",
            "ARTICLE I", "EMPLOYMENT",
            "1.01 Position. The Physician is employed as a hospitalist.",
            "1.02 Duties. The Physician shall perform the duties set out below.",
            "(a) Clinical Work. Patient care at the Hospital.",
            "(b) Teaching. Supervision of residents.",
            "ARTICLE II COMPENSATION",
            "2.01 Base Salary. The Company shall pay $300,000 per year.",
        ))
        assert tree(secs) == [(0, "ARTICLE I EMPLOYMENT"), (1, "1.01 Position"), (1, "1.02 Duties"),
                              (2, "(a) Clinical Work"), (2, "(b) Teaching"), (0, "ARTICLE II COMPENSATION"),
                              (1, "2.01 Base Salary")]

    def test_clauses_after_the_operative_words_stand_at_the_top_not_under_the_recitals(self):
        """Word-numbered clauses after "W I T N E S S E T H" and "NOW, THEREFORE ... as follows:" are the
        agreement's sections, not the recitals' subsections."""
        item = {"numbered": True, "level": 0, "style": "List Number"}
        secs = segment(blocks(
            "EMPLOYMENT AGREEMENT", "This Agreement is made between the Company and the Physician.",
            "W I T N E S S E T H :", "WHEREAS, the Company wishes to employ the Physician.",
            "NOW, THEREFORE, in consideration of the mutual promises herein, the parties agree as follows:",
            ("Employment", item), "The Company employs the Physician as a hospitalist.",
            ("Term", item), "The term is three (3) years.",
            ("Compensation", item), "The Company shall pay $300,000 per year.",
        ))
        assert [(0, "Employment"), (0, "Term"), (0, "Compensation")] == [t for t in tree(secs) if t[1] in
                                                                         ("Employment", "Term", "Compensation")]
        recitals = next(s for s in units(secs) if s.heading and s.heading.startswith("W I T"))
        assert "$300,000" not in recitals.text

    def test_a_letters_attachment_list_ends_the_clauses(self):
        secs = segment(blocks("1. Position. You will join as Chief Medical Officer.",
                              "2. Salary. Your salary will be $300,000.", "Sincerely,",
                              "Attachment: Proprietary Information and Inventions Agreement"))
        attachment = next(s for s in units(secs) if s.text.startswith("Attachment:"))
        assert attachment.after_the_clauses
        assert not any(s.after_the_clauses for s in units(secs) if s.text.startswith("2. Salary"))

    def test_it_reads_section_words_and_bare_numbers(self):
        assert marker("Section 7. Termination")[0] == "section-word"
        assert marker("3.2 Bonus. ...")[:2] == ("dotted2", "3.2")
        assert marker("(iv) the Physician")[0] == "paren-roman"
        assert marker("50 Park Place") is not None

    def test_it_reads_i_after_h_as_a_letter(self):
        items = [f"({c}) Item {c.upper()} of the list of things that the parties agree to." for c in "abcdefghi"]
        secs = segment(blocks("1. Duties. The Physician shall:", *items))
        levels = {s.number: s.level for s in units(secs) if s.number}
        assert levels["i"] == levels["h"]

    def test_a_list_that_starts_at_one_inside_a_numbered_section_stays_in_it(self):
        secs = segment(blocks(
            "IV. COMPENSATION.",
            "A. BASE SALARY. The Company shall pay the Executive a base salary of not less than the greater of",
            "1. $190,000 per year, or",
            "2. if such rate is increased from time to time, such increased rate.",
            "B. BONUS. The Executive may earn an annual bonus.",
        ))
        salary = next(s for s in units(secs) if s.heading == "A. BASE SALARY")
        assert "$190,000" in salary.text and "increased rate" in salary.text and "annual bonus" not in salary.text

    def test_a_list_that_starts_at_one_inside_a_word_numbered_section_stays_in_it(self):
        # Steel (held-out-4, auto-numbered form): "BASE SALARY. ... not less than the greater of" numbered by Word
        numbered = {"numbered": True, "style": "List Number 2", "level": 0}
        secs = segment(blocks(
            ("BASE SALARY. The Company shall pay the Executive a base salary of not less than the greater of",
             numbered),
            "1. $190,000 per year, or",
            "2. if such rate is increased from time to time, such increased rate.",
            ("ANNUAL BONUS. The Executive may earn an annual bonus.", numbered),
        ))
        salary = next(s for s in units(secs) if s.heading == "BASE SALARY")
        assert "$190,000" in salary.text and "increased rate" in salary.text and "annual bonus" not in salary.text

    def test_a_list_restarting_at_one_after_a_lead_in_stays_in_its_section(self):
        # NovaStar (held-out-6): "13. CONFIDENTIALITY ... In recognition that ...:" then "1. EMPLOYEE agrees not to
        # disclose", "2.", "3.", and "14. ASSIGNMENT" after them
        secs = segment(blocks(
            "12. NON-SOLICITATION",
            "Employee shall not solicit any employee of the Employer.",
            "13. CONFIDENTIALITY",
            "Employer has created confidential information.",
            "In recognition that Employee will have access to confidential information:",
            "1. Employee agrees not to disclose any confidential information.",
            "2. Employee agrees to take all precautions to prevent its disclosure.",
            "14. ASSIGNMENT",
            "The rights of Employer pass to its successors.",
        ))
        assert [s.number for s in secs if s.number] == ["12", "13", "14"]
        confidentiality = next(s for s in secs if s.number == "13")
        assert "agrees not to disclose" in confidentiality.text and "successors" not in confidentiality.text

    @pytest.mark.parametrize("numbered", [False, True])
    def test_the_last_item_of_a_list_the_one_before_runs_on_into_is_no_heading(self, numbered):
        """s911650 (audit, auto-numbered form): "(d) Was funded by the Company or Parent." after "(c) ...; or" was
        read as a heading, so a clause inserted after the section stepped back before it, into the list."""
        items = ["Is based on any confidential information of the Company;",
                 "Was developed with use of materials or facilities of the Company or Parent; or",
                 "Was funded by the Company or Parent."]
        paras = [(t, {"numbered": True, "level": 0, "style": "List Number 2"}) if numbered else f"({c}) {t}"
                 for c, t in zip("abc", items)]
        secs = segment(blocks("4. Intellectual Property. Intellectual Property shall include property that:", *paras,
                              "5. Assistance. Executive shall sign the papers the Company needs.",
                              "6. Disclosure.", "Executive will disclose all Intellectual Property."))
        last = next(s for s in units(secs) if s.kind == "heading" and "Was funded" in s.blocks[0].text)
        assert last.heading is None and last.parent.number == "4"
        assert [s.heading for s in secs if s.number] == ["4. Intellectual Property", "5. Assistance", "6. Disclosure"]

    def test_a_heading_after_a_salutations_comma_is_still_a_heading(self):
        secs = segment(blocks("Dear Dr. Lee,", "1. Base Salary", "Your salary will be $280,000 per year.",
                              "2. Benefits", "You may take part in the health plans."))
        assert [s.heading for s in secs if s.number] == ["1. Base Salary", "2. Benefits"]

    def test_it_does_not_take_an_address_for_a_section(self):
        secs = segment(blocks("1. Notices. Notices go to:", "2. Term. Three years.", "50 Park Place",
                              "3. Law. Ohio."))
        assert [s.number for s in secs if s.number] == ["1", "2", "3"]


class TestFormatting:
    def test_it_splits_at_heading_styles(self):
        secs = segment(blocks(("Compensation", {"outline": 0, "style": "Heading 1"}),
                              "Employer shall pay a salary.",
                              ("Bonus", {"outline": 1, "style": "Heading 2"}), "A bonus of 10%.",
                              ("Termination", {"outline": 0, "style": "Heading 1"}), "Either party may end it."))
        assert tree(secs) == [(0, "Compensation"), (1, "Bonus"), (0, "Termination")]
        assert secs[0].text.endswith("A bonus of 10%.")

    def test_typed_numbers_stay_under_the_heading_style_above_them(self):
        secs = segment(blocks(("IV. COMPENSATION.", {"outline": 0, "style": "Heading 1"}),
                              ("A. BASE SALARY.", {"outline": 1, "style": "Heading 2"}),
                              "The Company shall pay a base salary of not less than the greater of",
                              "1. $190,000 per year, or", "2. such increased rate.",
                              ("B. BONUS.", {"outline": 1, "style": "Heading 2"}), "An annual bonus."))
        salary = next(s for s in units(secs) if s.heading == "A. BASE SALARY.")
        assert "$190,000" in salary.text and "annual bonus" not in salary.text
        assert ("B. BONUS.", 1) in [(s.heading, s.level) for s in units(secs)]

    def test_the_next_number_typed_under_a_heading_style_is_the_next_section(self):
        # Guthrie (audit): "7. Termination as a result of death ..." typed in body text under "6. Termination for
        # Cause." in Heading 1 was read as a paragraph of 6; a list inside a section keeps its own count
        h1 = {"outline": 0, "style": "Heading 1"}
        secs = segment(blocks(("6. Termination for Cause.", h1), "You will not be entitled to any payments.",
                              "7. Termination on death. In the event of your death, six months of salary.",
                              ("8. Certain Definitions.", h1), "Cause means the following:", "1. fraud; or",
                              "2. a felony.", ("9. Governing Law.", h1), "California law governs."))
        assert [(s.level, s.number) for s in secs] == [(0, "6"), (0, "7"), (0, "8"), (0, "9")]
        assert "six months" not in secs[0].text and "a felony" in secs[2].text

    def test_a_numbered_heading_over_several_lines_of_one_style_is_one_heading(self):
        # NovaStar (held-out-6), Carns (held-out-4): "11. NON-COMPETITION" then "PROVISION", both in Heading 1
        h1 = {"outline": 0, "style": "Heading 1"}
        secs = segment(blocks(("10. CHANGE IN CONTROL.", h1), "A Change in Control occurs on a merger.",
                              ("11. NON-COMPETITION", h1), ("PROVISION", h1),
                              "Employee will not accept employment with any business in direct competition.",
                              ("12. NON-SOLICITATION", h1), ("OF EMPLOYEES AND", h1), ("CUSTOMERS", h1),
                              "Employee shall not solicit any employee.",
                              ("13. GOVERNING LAW", h1), "Missouri law governs."))
        assert tree(secs) == [(0, "10. CHANGE IN CONTROL."), (0, "11. NON-COMPETITION PROVISION"),
                              (0, "12. NON-SOLICITATION OF EMPLOYEES AND CUSTOMERS"), (0, "13. GOVERNING LAW")]
        assert "direct competition" in secs[1].text

    def test_it_reads_bold_captions_inline(self):
        secs = segment(blocks("Preamble of the agreement between the parties for employment services.",
                              ("Term. The term is three years.", {"caption": "Term."}),
                              ("Non-Competition. For twelve months.", {"caption": "Non-Competition."})))
        headed = [s for s in secs if s.heading]
        assert [s.heading for s in headed] == ["Term", "Non-Competition"]
        assert headed[0].inline_caption and headed[0].caption == "Term."

    def test_it_nests_word_auto_numbering_by_level(self):
        secs = segment(blocks(
            "The parties agree to the following terms of employment for the physician.",
            ("Duties. The Physician shall practise.", {"numbered": True, "level": 0, "caption": "Duties."}),
            ("Clinic sessions on weekdays.", {"numbered": True, "level": 1}),
            ("Compensation. Salary of $250,000.", {"numbered": True, "level": 0, "caption": "Compensation."})))
        top = [s for s in secs if s.heading]
        assert [s.heading for s in top] == ["Duties", "Compensation"]
        assert [c.blocks[0].list_level for c in top[0].children if c.kind == "heading"] == [1]

    def test_a_numbered_heading_alone_holds_the_items_of_a_list_opened_above_it(self):
        # Moylan (audit): "12. Severance Payments." then items of the definition's list above, counting on ("4.",
        # "5."): they are the heading's, not that list's, and the next section closes them
        ln = {"numbered": True, "level": 0, "style": "List Number"}
        ln2 = {"numbered": True, "level": 0, "style": "List Number 2"}
        secs = segment(blocks(
            "For purposes of this Agreement, a Change of Control shall have occurred if:",
            ("the directors are replaced; or", ln2), ("there shall have occurred:", ln2),
            ("a merger of the Company.", ln),
            ("Employee Benefits. You may join the benefit plans.", {**ln, "caption": "Employee Benefits."}),
            ("Severance Payments.", {**ln, "caption": "Severance Payments."}),
            ("If you are terminated for cause, you receive your salary to that date.", ln2),
            ("If you are terminated without cause, you receive twelve months of salary.", ln2),
            ("Notices. Notices shall be in writing.", {**ln, "caption": "Notices."})))
        severance = next(s for s in units(secs) if s.heading == "Severance Payments")
        assert [c.blocks[0].text[:25] for c in severance.children] == ["If you are terminated for",
                                                                       "If you are terminated wit"]
        assert "Notices" in [s.heading for s in severance.parent.children]

    def test_an_untitled_numbered_section_keeps_its_following_paragraphs(self):
        secs = segment(blocks(
            "EMPLOYMENT AGREEMENT",
            "1. Company shall pay Executive a salary of $10,000 per month.",
            "2. Executive and the Company agree that the Executive's services create a relationship of confidence.",
            "The Company acknowledges that Executive possessed a broad body of knowledge before his engagement.",
            "Executive hereby assigns to the Company any rights he may have in such Proprietary Information.",
            "3. This Agreement shall be governed by California law.",
        ))
        numbered = [s for s in secs if s.number]
        assert [s.number for s in numbered] == ["1", "2", "3"]
        assert [len(s.blocks) for s in numbered] == [1, 3, 1]

    def test_it_makes_every_paragraph_a_section_of_a_letter(self):
        secs = segment(blocks("Dear Dr. Lee:", "We are pleased to offer you the position of hospitalist.",
                              "Your salary will be $280,000 per year.", "Sincerely,"))
        assert [s.kind for s in secs] == ["paragraph"] * 4
        assert all(s.heading is None for s in secs)

    def test_it_ends_the_clauses_at_the_signature_block(self):
        secs = segment(blocks(("1. Term. Three years.", {}), ("2. Law. Ohio law governs.", {}),
                              "IN WITNESS WHEREOF the parties sign.", ("HOSPITAL", {"caption": "HOSPITAL"}),
                              "By: ____"))
        last_numbered = [s for s in secs if s.number][-1]
        assert last_numbered.heading == "2. Law" and len(last_numbered.blocks) == 1

    def test_a_filing_exhibit_number_does_not_end_the_clauses(self):
        secs = segment(blocks("EXHIBIT 10.1", "EMPLOYMENT AGREEMENT", "1. Term. The term is two years.",
                              "2. Salary. The salary is $200,000.", "EXHIBIT A", "Form of Release"))
        assert [s.heading for s in secs if s.number] == ["1. Term", "2. Salary"]
        assert any(s.heading == "EXHIBIT A" for s in secs)
        assert not any(s.heading == "EXHIBIT 10.1" and len(s.blocks) > 1 for s in secs)

    def test_it_keeps_a_title_from_swallowing_the_document(self):
        secs = segment(blocks(("EMPLOYMENT AGREEMENT", {}),
                              "This Agreement is made between the Company and the Physician on the date below.",
                              ("Duties. Practise medicine.", {"numbered": True, "caption": "Duties."})))
        assert secs[0].heading == "EMPLOYMENT AGREEMENT" and not secs[0].children


class TestTables:
    def test_it_makes_each_row_a_section_headed_by_its_first_cell(self):
        secs = segment(blocks(
            "4. Compensation. As set out in the table below.",
            ("Base salary", {"cell": (0, 0, 0)}), ("$250,000", {"cell": (0, 0, 1)}),
            ("Stipend", {"cell": (0, 1, 0)}), ("$40,000", {"cell": (0, 1, 1)})))
        rows = [s for s in units(secs) if s.kind == "row"]
        assert [r.heading for r in rows] == ["Base salary", "Stipend"]
        assert [b.text for b in rows[1].body_blocks] == ["$40,000"]


def test_read_blocks_reports_word_numbering_level_and_table_cells(tmp_path):
    d = docx.Document()
    d.add_paragraph("First", style="List Number")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 1).text = "value"
    path = tmp_path / "t.docx"
    d.save(str(path))
    got = read_blocks(Package.open(path))
    first = next(b for b in got if b.text == "First")
    assert first.numbered and first.list_level == 0
    cell = next(b for b in got if b.text == "value")
    assert cell.in_table and cell.cell == (0, 0, 1)


@pytest.mark.parametrize("form", ["headings", "bold", "numbering", "plain"])
def test_the_same_contract_in_four_forms_segments_alike(tmp_path, form):
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
    from txt2docx import structure, write

    text = ["EMPLOYMENT AGREEMENT",
            "This Agreement is made between the Hospital and the Physician, who agree as follows:",
            "1. Term. The term is three (3) years.",
            "2. Compensation.",
            "(a) Base Salary. The Hospital shall pay $300,000 per year.",
            "(b) Bonus. The Physician may earn a bonus of 10% of Base Salary.",
            "3. Non-Competition. For twelve (12) months within ten (10) miles."]
    path = tmp_path / f"{form}.docx"
    write(structure(text), form, path)
    secs = segment(read_blocks(Package.open(path)))
    found = {s.heading.split()[-1].rstrip(".") for s in units(secs) if s.heading}
    assert {"Term", "Compensation", "Salary", "Bonus", "Non-Competition"} <= found
    comp = next(s for s in units(secs) if s.heading and s.heading.rstrip(".").endswith("Compensation"))
    assert "$300,000" in comp.text and "10%" in comp.text


def test_what_follows_an_exhibit_title_is_past_the_clauses_though_it_stands_at_the_top():
    """Langecker: 'ACCEPTABLE ONGOING CONSULTING/ADVISOR RELATIONSHIPS' after 'Exhibit A' had been taken for a
    clause of the agreement, and our IP clause inserted there, after the signatures."""
    tops = segment(blocks("EXHIBIT 10", "EMPLOYMENT AGREEMENT", "1. Duties. Executive shall serve as CFO.",
                          "2. Term. The term is two years.", "IN WITNESS WHEREOF, the parties have signed.",
                          "Exhibit A", "ACCEPTABLE ONGOING CONSULTING RELATIONSHIPS",
                          "1. Advisory board of Acme Bio, two days a year."))
    past = [(t.heading or t.text)[:20] for t in tops if t.after_the_clauses]
    kept = [(t.heading or t.text)[:20] for t in tops if not t.after_the_clauses]
    assert "1. Advisory board of" in past
    # "EXHIBIT 10" atop a filing is no exhibit the clauses end at
    assert kept == ["1. Duties", "2. Term"]


@pytest.mark.parametrize("title", ["EXHIBIT A TO EMPLOYMENT AGREEMENT OF JASON GARRETT", "Exhibit A"])
def test_an_exhibit_title_in_capitals_ends_the_clauses(title):
    """Garrett: "EXHIBIT A TO EMPLOYMENT AGREEMENT ..." was read as a sentence ("A to" in lower case, the case-blind
    rule said), so our CME clause went among the exhibit's key terms, after the signatures."""
    tops = segment(blocks("EMPLOYMENT AGREEMENT", "1. Duties. Executive shall serve as CFO.",
                          "2. Term. The term is two years.", "IN WITNESS WHEREOF, the parties have signed.",
                          title, "1. Benefits. Executive may take part in the Company's benefit plans."))
    benefits = next(t for t in tops if "benefit plans" in t.text)
    assert benefits.after_the_clauses


@pytest.mark.parametrize("signatures", [["IN WITNESS", "WHEREOF, the parties have signed this Agreement."],
                                        ["ACCEPTED:", "____________________ John R. Tighe Date"],
                                        ["Accepted by: ____________________"]])
def test_a_testimonium_over_two_lines_or_a_bare_acceptance_starts_the_signatures(signatures):
    """EFJ: "IN WITNESS" and "WHEREOF, ..." stood in two paragraphs; ArthroCare: "ACCEPTED:" over a blank line. Neither
    was read as the signatures, and clauses went in after them."""
    tops = segment(blocks("1. Duties. Executive shall serve as CFO.", "2. Term. The term is two years.",
                          *signatures))
    signed = [t for t in units(tops) if any(b.text == signatures[-1] for b in t.blocks)]
    assert signed and all(t.after_the_clauses for t in signed)
    assert not any(t.after_the_clauses for t in tops if t.number)


def test_paragraphs_under_no_heading_are_a_section_only_as_far_as_nothing_interrupts_them():
    """ArthroCare: the letter's opening paragraph and the signature line after "ACCEPTED:" (a lead-in at the top)
    were one section, so a clause inserted after it went after the signature line."""
    item = {"numbered": True, "level": 0, "style": "List Number"}
    tops = segment(blocks("Dear John:", "On behalf of Acme, I am pleased to offer you the position of CMIO.",
                          "The terms of this offer are as follows:",
                          ("Compensation: Your salary will be $240,000.", item),
                          ("Benefits: You may join the Company's plans.", item),
                          "Received and understood as follows:", "John R. Tighe, May 18, 1999"))
    opening = [t for t in tops if any(b.ref.index == 1 for b in t.blocks)]
    assert [[b.ref.index for b in t.blocks] for t in opening] == [[1]]


def test_the_lines_above_a_letters_salutation_head_none_of_it():
    """Excite: the bold "TO MARK STEVENS" and "VIA HAND DELIVERY" above "Dear Mark:" headed the whole letter."""
    tops = segment(blocks(("TO MARK STEVENS", {"caption": "TO MARK STEVENS"}),
                          ("VIA HAND DELIVERY", {"caption": "VIA HAND DELIVERY"}), "Dear Mark:",
                          "I have been authorized to offer you the position of Executive Vice President.",
                          "Your base salary will be $200,000 per year.", "Sincerely,"))
    assert not any(s.heading == "VIA HAND DELIVERY" for s in units(tops))  # a delivery marking heads nothing
    salary = next(s for s in units(tops) if s.text.startswith("Your base salary"))
    assert all(s.heading is None for s in [salary] + [p for p in [salary.parent] if p is not None])


def test_an_agreement_signed_after_the_agreements_signatures_is_past_the_clauses():
    """EFJ: the NONCOMPETE AGREEMENT after the employment agreement's signatures, signed on its own, was taken for
    clauses of the agreement (its title in the heading style starts again at the top)."""
    heading = {"outline": 0, "style": "Heading 1"}
    tops = segment(blocks(("EMPLOYMENT AGREEMENT", heading), ("Section 1. Employment.", heading),
                          "The Company employs Employee as its Chief Medical Officer.",
                          ("Section 2. Compensation.", heading), "The Company shall pay a salary of $250,000.",
                          "IN WITNESS WHEREOF, the parties have signed this Agreement.", ("EMPLOYEE:", heading),
                          ("NONCOMPETE AGREEMENT", heading),
                          "Employee shall not compete within fifty miles of any office in which Employee works.",
                          "Employee shall not solicit the Company's customers.",
                          "Employee shall not hire the Company's employees.",
                          "Employee shall return the Company's property.",
                          "Employee acknowledges that these covenants are reasonable.", ("EMPLOYEE:", heading)))
    rider = next(t for t in tops if t.heading == "NONCOMPETE AGREEMENT")
    assert rider.after_the_clauses and all(s.after_the_clauses for s in rider.walk())
    assert not any(t.after_the_clauses for t in tops if t.number)


def test_the_terms_after_a_cover_pages_signatures_are_clauses():
    heading = {"outline": 0, "style": "Heading 1"}
    tops = segment(blocks("COVER PAGE", "Employer: Acme Health. Physician: Jane Smith.",
                          "Employer: ____", "By: ____", "Physician: ____",
                          ("STANDARD TERMS", heading), ("1. Duties", heading), "Physician shall practise medicine.",
                          ("2. Compensation", heading), "Employer shall pay $250,000 a year.",
                          ("3. Term", heading), "The term is three years.",
                          ("4. Governing Law", heading), "Ohio law governs."))
    assert [t.heading for t in tops if t.number and not t.after_the_clauses] == \
        ["1. Duties", "2. Compensation", "3. Term", "4. Governing Law"]


def test_what_follows_signatures_after_most_of_the_document_is_past_the_clauses():
    """Signature labels and notes after the signatures that close the agreement ("COMPANY:" in the heading style, a
    note on a term) start again at the top, but are no clauses of it."""
    heading = {"outline": 0, "style": "Heading 1"}
    tops = segment(blocks(("Section 1. Employment.", heading), "The Company employs Employee as its CMO.",
                          ("Section 2. Compensation.", heading), "The Company shall pay a salary of $250,000.",
                          ("Section 3. Governing Law.", heading), "Texas law governs this Agreement.",
                          "IN WITNESS WHEREOF, the parties have signed this Agreement.", ("COMPANY:", heading),
                          ("ACKNOWLEDGMENT", heading), "Employee may work from any office of the Company."))
    note = next(t for t in tops if t.heading == "ACKNOWLEDGMENT")
    assert note.after_the_clauses
    assert not any(t.after_the_clauses for t in tops if t.number)


def test_the_end_of_a_sentence_cut_after_a_comma_is_no_heading():
    """PRG-Schultz: "... Suite 100, Atlanta," then "GA 30339." (bold in one form) was taken for a heading, parting
    the address from its sentence; a bold line after a salutation's comma still heads what follows."""
    tops = segment(blocks("Dear Jim:", "I am pleased to confirm your employment as Chief Financial Officer.",
                          "Enclosed is our new hire package, to be returned to me at 600 Galleria Parkway, Atlanta,",
                          ("GA 30339.", {"caption": "GA 30339."}), "Please confirm your acceptance by signing below.",
                          "Dear Dr. Lee,", ("BASE SALARY", {"caption": "BASE SALARY"}),
                          "Your salary will be $280,000 per year."))
    headings = [s.heading for s in units(tops) if s.heading]
    assert "GA 30339" not in headings and "BASE SALARY" in headings


def test_the_end_of_a_sentence_cut_after_a_word_no_sentence_ends_with_is_no_heading():
    """Choice Hotels / Mirgon: "... in accordance with the policies specified in the" then "LTIP." (bold in the
    converted form) was taken for a heading, and the rest of the agreement nested under it, so '3A. Leadership
    Stipend' went in between "the" and "LTIP."."""
    tops = segment(blocks(("3. Compensation. Employer shall pay Employee as follows:", {"caption": "3. Compensation."}),
                          "(d) Stock Options. Employee shall be eligible for additional grants in accordance with the "
                          "policies specified in the", ("LTIP.", {"caption": "LTIP."}),
                          "(e) Other Benefits. Employee may take part in the fringe benefits.",
                          "4. Extent of Services. Employee shall devote his full time to Employer."))
    assert "LTIP" not in [s.heading for s in units(tops) if s.heading]
    compensation = next(s for s in tops if s.number == "3")
    assert [b.text for b in compensation.blocks][2] == "LTIP."


def test_a_roman_numeral_styled_a_level_too_deep_is_the_next_article():
    """Steel (audit): "V. TERMINATION." in Heading 2 after "G. AUTOMOBILE." under "IV. COMPENSATION." in Heading 1
    was read as a subsection of compensation, and the review placed termination for cause under "IV. COMPENSATION. >
    B. CAUSE."; a letter that comes next after its sibling's keeps its style."""
    h1, h2 = {"outline": 0, "style": "Heading 1"}, {"outline": 1, "style": "Heading 2"}
    secs = segment(blocks(("IV. COMPENSATION.", h1), ("A. BASE SALARY.", h2), "The Company shall pay a salary.",
                          ("G. AUTOMOBILE.", h2), "The Company shall provide an automobile.",
                          ("V. TERMINATION.", h2), ("A. DEATH OR DISABILITY.", h2), "Employment ends on death.",
                          ("B. CAUSE.", h2), "The Company may terminate the Executive's employment for Cause.",
                          ("IX. WAIVER.", h1), "No waiver.", ("X. MODIFICATION.", h2), "In writing only."))
    cause = next(s for s in units(secs) if s.heading == "B. CAUSE.")
    assert cause.where == "V. TERMINATION. > B. CAUSE."
    assert [s.heading for s in secs] == ["IV. COMPENSATION.", "V. TERMINATION.", "IX. WAIVER.", "X. MODIFICATION."]
    secs = segment(blocks(("IV. EXPENSES.", h1), ("U. UTILITIES.", h2), "Paid by the Company.", ("V. VEHICLE.", h2),
                          "A car is provided.", ("V. TERMINATION.", h1), "On notice."))
    assert tree(secs) == [(0, "IV. EXPENSES."), (1, "U. UTILITIES."), (1, "V. VEHICLE."), (0, "V. TERMINATION.")]


def test_a_heading_cut_mid_phrase_goes_on_in_the_next_style_and_a_list_typed_shallower_is_its_own():
    """Steel (audit 10): "C. OBLIGATIONS OF THE COMPANY UPON TERMINATION BASED UPON DEATH OR" in Heading 2, then
    "DISABILITY OR CAUSE." and its items "1. DEATH OR DISABILITY." to "4. CONSTRUCTIVE TERMINATION." in Heading 1,
    were read as articles of their own after "V. TERMINATION.", which ended at C's first line: termination for cause
    went in between "B. CAUSE." and "C.", unnumbered. The heading is one, over two lines, and the items are C's, up
    to the next article."""
    h1, h2 = {"outline": 0, "style": "Heading 1"}, {"outline": 1, "style": "Heading 2"}
    secs = segment(blocks(("IV. COMPENSATION.", h1), ("A. BASE SALARY.", h2), "The Company shall pay a salary.",
                          ("V. TERMINATION.", h2), ("B. CAUSE.", h2), "The Company may terminate for Cause.",
                          ("C. OBLIGATIONS OF THE COMPANY UPON TERMINATION BASED UPON DEATH OR", h2),
                          ("DISABILITY OR CAUSE.", h1), ("1. DEATH OR DISABILITY.", h1), "Accrued Obligations paid.",
                          ("2. CAUSE.", h1), "Accrued Obligations only.", ("3. WITHOUT CAUSE.", h1),
                          "Base Salary continues for 18 months.", ("VI. ARBITRATION.", h1), "Disputes are arbitrated."))
    c = next(s for s in units(secs) if s.number == "C")
    assert c.heading == "C. OBLIGATIONS OF THE COMPANY UPON TERMINATION BASED UPON DEATH OR DISABILITY OR CAUSE."
    assert [b.text for b in c.body_blocks][0] == "1. DEATH OR DISABILITY."
    assert [s.heading for s in c.children] == ["1. DEATH OR DISABILITY.", "2. CAUSE.", "3. WITHOUT CAUSE."]
    assert c.where == "V. TERMINATION. > C. OBLIGATIONS OF THE COMPANY UPON TERMINATION BASED UPON DEATH OR " \
                      "DISABILITY OR CAUSE."
    assert [s.heading for s in secs] == ["IV. COMPENSATION.", "V. TERMINATION.", "VI. ARBITRATION."]


@pytest.mark.parametrize("marking", ["PERSONAL AND CONFIDENTIAL", "Private & Confidential", "CONFIDENTIAL",
                                     "VIA EMAIL", "By Hand Delivery", "Via Federal Express and Email"])
def test_a_letters_delivery_marking_heads_no_section(marking):
    """An offer letter's "PERSONAL AND CONFIDENTIAL" above the addressee was a caps heading, so the confidentiality
    topic was matched to the addressee's lines (physician set); a real heading in capitals still is one."""
    secs = segment(blocks("April 14, 2025", marking, "Daniel K. Okafor, M.D.", "418 Willow Court",
                          "Dear Dr. Okafor:", "I am delighted to offer you the position.", "CONFIDENTIALITY",
                          "You agree to keep that information confidential."))
    assert [h for _, h in tree(secs)] == ["CONFIDENTIALITY"]


def test_an_offer_letters_caption_on_its_own_line_heads_the_terms_below_it():
    """Ralph (held-out-7): "Annual Base Salary:" stands on its line and "$ 380,000" on the next; each was a paragraph
    of its own, so the salary was found without its figure and the bonus caption without its target."""
    secs = segment(blocks(
        "Dear Doug:",
        "It is my pleasure to offer you employment as Chief Financial Officer reporting to me.",
        "Annual Base Salary:", "$ 380,000",
        "Annual Bonus and Performance Plan:", "Your cash compensation target is 70% of base salary.",
        "Very truly yours,",
    ))
    parts = {s.heading: s.text for s in units(secs) if s.heading}
    assert "$ 380,000" in parts["Annual Base Salary"]
    assert "target is 70%" in parts["Annual Bonus and Performance Plan"]
    assert "Dear Doug" not in parts  # a salutation ends in a colon too, and heads nothing


def test_a_caption_broken_over_lines_is_one_heading():
    """Ralph (held-out-7): "Personal Financial", "Planning and Tax", "Preparation:" is one caption; its first two
    lines had stayed in the benefits above it, so the CME clause inserted after the benefits split the caption."""
    secs = segment(blocks(
        "Benefits:", "You will participate in the Savings Plan.",
        "Personal Financial", "Planning and Tax", "Preparation:", "This program provides financial counseling.",
        "Page #2", "Time Vested", "Restricted Stock:", "You will be awarded 2,500 shares.",
    ))
    parts = {s.heading: s.text for s in units(secs) if s.heading}
    assert parts["Benefits"] == "Benefits:\nYou will participate in the Savings Plan."
    assert "Preparation:\nThis program provides financial counseling." in \
        parts["Personal Financial Planning and Tax Preparation"]
    # a page header is no part of a caption
    assert parts["Time Vested Restricted Stock"].startswith("Time Vested\nRestricted Stock:")


def test_clauses_in_one_heading_style_nest_by_their_numbering_level_and_keep_their_run_in_captions(shared_dir):
    """Common Paper's independent contractor agreement puts every clause in Heading 1, its level told by the list
    level: "Term & Termination", then "Term.  This Agreement will commence ...", then its items. All had been
    siblings, and a clause of 200 characters or less ("Non-Exhaustive Remedies.  Except where ...") a heading whose
    caption was its whole text."""
    path = shared_dir / "corpus" / "contracts" / "docx_forms" / "common-paper-independent-contractor-agreement.docx"
    parts = {s.heading: s for s in units(segment(read_blocks(Package.open(path)))) if s.heading}
    assert "Non-Exhaustive Remedies" in parts and parts["Non-Exhaustive Remedies"].inline_caption
    assert parts["Effect of Termination"].parent is parts["Term & Termination"]
    assert "Contractor will issue a refund for any prepaid fees" in parts["Effect of Termination"].text
    assert not any(h.startswith("Except where") for h in parts)  # an item's sentence is no heading


@pytest.mark.parametrize("word_numbered", [True, False])
def test_a_section_inserted_as_7a_is_the_sibling_of_7_and_heads_nothing_after_it(word_numbered):
    """A section inserted after "7." without renumbering the rest ("7A.", as an amendment or our redline numbers
    it) is the next of the same list. A second review of our own redline of the OpenAgreements offer letter, whose
    sections Word numbers, had taken "7A. Continuing Medical Education" for the heading of "8." and "9.", and read
    the remote days our "9A." clause states from "Work Location and Business Travel" instead."""
    def item(i, number, caption, text, ours=False):
        typed = f"{number}. " if ours or not word_numbered else ""
        return Block(ref=ParagraphRef(index=i), text=f"{typed}{caption}. {text}", style="Body", outline_level=None,
                     numbered=word_numbered and not ours, caption="" if not word_numbered else
                     f"{typed}{caption}.", in_table=False, list_level=0 if word_numbered and not ours else None,
                     list_label=f"{number}." if word_numbered and not ours else None)
    secs = segment([
        Block(ref=ParagraphRef(index=0), text="STANDARD TERMS", style="Body", outline_level=None, numbered=False,
              caption="", in_table=False),
        item(1, "7", "Benefits", "Employee may take part in the Company's benefit plans."),
        item(2, "7A", "Continuing Medical Education", "Company shall provide an annual allowance of $4,000.",
             ours=True),
        item(3, "8", "Work Location", "Employee will primarily work from the Company's office."),
        item(4, "9", "Remote Work", "Employee may work remotely two days each week."),
    ])
    (terms,) = [s for s in secs if s.heading == "STANDARD TERMS"]  # a title in capitals, heading nothing
    items = [c for c in secs if c is not terms]
    assert [c.heading for c in items][1] == "7A. Continuing Medical Education" and len(items) == 4
    assert len({c.key for c in items}) == 1 and all(not c.children for c in items)


def test_plain_lines_in_title_case_over_prose_head_their_parts_where_the_document_heads_parts_so():
    """physician3's health center (r3), with its headings unformatted: every heading ("Weekly Schedule") was read as
    a paragraph of the part before it. Two such lines are not yet a document's way of heading its parts."""
    prose = "The Physician will work a full-time schedule of forty hours per week at the main clinic of the Center."
    parts = ["Physician Employment Agreement", "Tres Arroyos Community Health Center, Inc.",
             "Position", prose, "Weekly Schedule", prose, "Work Location", prose,
             "Sincerely,", "Maria Lopez", "Chief Executive Officer"]
    assert [h for _level, h in tree(segment(blocks(*parts)))] == ["Position", "Weekly Schedule", "Work Location"]
    assert tree(segment(blocks(*parts[:6]))) == []
