"""Write samples/hybrid-offer.docx: the employer's first-draft contract that the bundled profile answers.

Run `python samples/make_sample.py [OUTPUT]`. The output is byte-for-byte the same on every run, so the committed
sample can be checked against this script.
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
try:
    from counterdraft.files import write_atomic
    from counterdraft.wordml.package import normalize_zip
except ImportError:  # a plain checkout, not installed
    sys.path.insert(0, str(HERE.parent / "src"))
    from counterdraft.files import write_atomic
    from counterdraft.wordml.package import normalize_zip

FIXED_TIME = dt.datetime(2026, 1, 5, 9, 0, 0)
HEADER_TEXT = "Lakeshore Regional Health System - Physician Employment Agreement - Confidential"

#: The compensation table: the components add up to the total stated in Section 4.
COMPENSATION = [("Clinical base salary (0.7 FTE)", 224_000), ("Informatics stipend (0.3 FTE)", 36_000)]
TOTAL = 260_000

# Each section: (caption, body) where body is a list of paragraphs; a paragraph is a str or a list of
# (text, bold) runs, for the one sentence that carries bold text inside it.
SECTIONS: list[tuple[str, list]] = [
    ("1. Employment and Position.", [
        "Employer hereby employs Physician, and Physician accepts employment, in the position of Physician "
        "Informaticist within Employer's employed medical group. Physician shall report to such physician and "
        "administrative leaders as Employer may designate from time to time. Physician shall begin employment on "
        "February 2, 2026 (the \"Start Date\").",
    ]),
    ("2. Duties and FTE Allocation.", [
        "Physician shall provide services at a total effort of 1.0 full-time equivalent (\"FTE\"), allocated as "
        "follows: (a) 0.7 FTE to clinical services in ambulatory internal medicine at Employer's primary care "
        "clinics; and (b) 0.3 FTE to clinical informatics, including electronic health record optimization, "
        "review of clinical decision support content, physician training and participation in informatics "
        "governance committees. Physician shall also perform such other duties as may be assigned by Employer "
        "from time to time. Physician shall maintain an unrestricted license to practice medicine in the State "
        "of Ohio, board certification in internal medicine, and medical staff membership and clinical privileges "
        "at Employer's facilities.",
    ]),
    ("3. Term.", [
        "This Agreement shall commence on the Start Date and continue for an initial term of three (3) years "
        "(the \"Initial Term\"). Thereafter it shall renew automatically for successive renewal terms of one (1) "
        "year each, unless terminated earlier as provided in Section 6 or Section 7.",
    ]),
    ("4. Compensation.", [
        "For all services rendered under this Agreement, Employer shall pay Physician total annual compensation "
        "of Two Hundred Sixty Thousand Dollars ($260,000), payable in equal installments in accordance with "
        "Employer's regular payroll practices and composed as set out in the table below.",
        "TABLE",
        "The informatics stipend is reviewed annually and remains subject to Employer's budget approval process. "
        "Physician's clinical productivity expectations shall be established by Employer.",
    ]),
    ("5. Benefits.", [
        "Physician shall be eligible to participate in the health, dental, disability and retirement plans that "
        "Employer makes available to its employed physicians, and shall accrue paid time off, in each case in "
        "accordance with the terms of those plans and Employer's policies as in effect from time to time.",
    ]),
    ("6. Termination for Cause.", [
        "Employer may terminate this Agreement immediately upon written notice to Physician if: (a) Physician's "
        "license to practice medicine, DEA registration or clinical privileges are revoked, suspended or "
        "restricted; (b) Physician is excluded from any federal health care program; (c) Physician is convicted "
        "of a felony or of any crime involving fraud or patient harm; (d) Physician materially breaches this "
        "Agreement or any written policy of Employer; or (e) Employer determines in good faith that Physician's "
        "conduct endangers the health or safety of patients or staff.",
    ]),
    ("7. Termination Without Cause.", [
        [("Either party may terminate this Agreement at any time without cause by giving the other party ", False),
         ("sixty (60) days'", True),
         (" prior written notice. Employer may, at its option, relieve Physician of some or all duties during the "
          "notice period.", False)],
    ]),
    ("8. Remote Work.", [
        "Physician shall perform services on-site at Employer's facilities. Remote work for clinical informatics "
        "duties is permitted at the sole discretion of the Employer and may be revoked at any time. Physician "
        "shall comply with Employer's information security policies when working remotely.",
    ]),
    ("9. Intellectual Property.", [
        "Physician hereby assigns to Employer all right, title and interest in and to all inventions, "
        "discoveries, improvements, software, algorithms, clinical decision support content, works of authorship "
        "and other intellectual property that Physician conceives, creates or reduces to practice during the "
        "term of this Agreement, at any time, whether or not during working hours and whether or not using "
        "Employer's facilities, equipment, data or other resources. Physician shall promptly disclose all such "
        "inventions and works to Employer and shall sign all documents Employer requests to perfect its rights "
        "in them.",
    ]),
    ("10. Confidentiality.", [
        "Physician shall hold in strict confidence, during and after the term of this Agreement, all "
        "confidential and proprietary information of Employer, including protected health information, "
        "financial and strategic information, system configurations, data and trade secrets, and shall use such "
        "information only in performing services under this Agreement.",
    ]),
    ("11. Non-Competition.", [
        "During the term of this Agreement and for a period of twenty-four (24) months following its termination "
        "or expiration for any reason, Physician shall not, directly or indirectly, engage in any practice of "
        "medicine, whether as an employee, independent contractor, owner, partner or consultant, at any location "
        "within twenty-five (25) miles of any facility owned or operated by Employer or any of its affiliates.",
    ]),
    ("12. Professional Liability Insurance.", [
        "Employer shall provide professional liability insurance for Physician's clinical services under this "
        "Agreement on a claims-made basis, with limits of $1,000,000 per claim and $3,000,000 in the aggregate. "
        "Upon termination or expiration of this Agreement for any reason, Physician shall purchase, at "
        "Physician's sole expense, extended reporting (\"tail\") coverage for claims arising from services "
        "rendered during the term.",
    ]),
    ("13. Governing Law.", [
        "This Agreement shall be governed by and construed in accordance with the laws of the State of Ohio, "
        "without regard to its conflict of laws principles.",
    ]),
    ("14. Entire Agreement.", [
        "This Agreement constitutes the entire agreement between the parties concerning its subject matter and "
        "supersedes all prior offers, understandings and agreements, written or oral. This Agreement may be "
        "amended only by a written instrument signed by both parties.",
    ]),
]

SIGNATURES = [
    ("LAKESHORE REGIONAL HEALTH SYSTEM", ["By: ______________________________", "Name: Morgan Ellis",
                                          "Title: Vice President, Physician Services",
                                          "Date: ____________________"]),
    ("PHYSICIAN", ["______________________________", "Dana R. Whitfield, MD, MS", "Date: ____________________"]),
]


def _field(paragraph, instr: str, shown: str) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


def _section(doc, caption: str, body) -> None:
    p = doc.add_paragraph(style="Normal")
    p.add_run(caption + " ").bold = True
    runs = [(body, False)] if isinstance(body, str) else body
    for text, bold in runs:
        run = p.add_run(text)
        if bold:
            run.bold = True


def _table(doc) -> None:
    table = doc.add_table(rows=1, cols=2)
    table.style = doc.styles["Table Grid"]
    head = table.rows[0].cells
    for cell, text in zip(head, ("Component", "Annual Amount")):
        cell.paragraphs[0].add_run(text).bold = True
    for name, amount in COMPENSATION + [("Total", TOTAL)]:
        cells = table.add_row().cells
        cells[0].text = name
        cells[1].text = f"${amount:,}"
    assert sum(a for _, a in COMPENSATION) == TOTAL


def new_document(pages: str):
    """A document in the sample's house style: Calibri 11, the confidential header, a "Page n of N" footer
    (`pages` is the count shown until Word updates the field)."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(8)
    section = doc.sections[0]
    section.header.paragraphs[0].text = HEADER_TEXT
    footer = section.footer.paragraphs[0]
    footer.add_run("Page ")
    _field(footer, "PAGE", "1")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES", pages)
    return doc


def build() -> bytes:
    doc = new_document("3")

    doc.add_paragraph("Physician Employment Agreement", style="Title")
    doc.add_paragraph(
        "This Physician Employment Agreement (this \"Agreement\") is entered into as of January 5, 2026 (the "
        "\"Effective Date\") by and between Lakeshore Regional Health System, an Ohio nonprofit corporation "
        "(\"Employer\"), and Dana R. Whitfield, MD, MS (\"Physician\"). Employer operates hospitals and "
        "outpatient clinics and wishes to employ Physician in a combined clinical and clinical informatics "
        "role, and Physician wishes to accept that employment, on the terms set out below.", style="Normal")

    for caption, paragraphs in SECTIONS:
        first, *rest = paragraphs
        _section(doc, caption, first)
        for extra in rest:
            if extra == "TABLE":
                _table(doc)
            else:
                doc.add_paragraph(extra, style="Normal")

    doc.add_paragraph("IN WITNESS WHEREOF, the parties have signed this Agreement as of the Effective Date.",
                      style="Normal")
    for party, lines in SIGNATURES:
        doc.add_paragraph().add_run(party).bold = True
        for line in lines:
            doc.add_paragraph(line, style="Normal")

    # python-docx's template writes w:zoom without the w:percent the schema requires
    zoom = doc.settings.element.find(qn("w:zoom"))
    if zoom is not None and zoom.get(qn("w:percent")) is None:
        zoom.set(qn("w:percent"), "100")

    props = doc.core_properties
    props.author = "Lakeshore Regional Health System"
    props.last_modified_by = "Morgan Ellis"
    props.title = "Physician Employment Agreement"
    props.subject = "Physician Informaticist - Dana R. Whitfield, MD, MS"
    props.keywords = ""
    props.comments = ""
    props.category = ""
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME
    props.revision = 1

    buf = io.BytesIO()
    doc.save(buf)
    return normalize_zip(buf.getvalue())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Write the sample contract (the same bytes on every run).")
    parser.add_argument("out", nargs="?", type=Path, default=HERE / "hybrid-offer.docx")
    out = parser.parse_args(argv[1:]).out
    write_atomic(out, build())
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
