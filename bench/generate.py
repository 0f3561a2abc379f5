"""Write an N-page contract and its revised twin for the benchmark.

The contract is a credentialing-plus-employment packet: the agreement holds the sample's fourteen employment
sections (so a redline with samples/profile.yaml has clauses to edit) spread among numbered credentialing and
compliance sections with bold captions, lettered subparagraphs and tables; exhibits of more such sections follow
the signatures, each on a new page; every page has a header and a page-number footer. About
500 words make a page. The twin has scattered word edits, inserted and deleted paragraphs and changed table
cells. Both are the same bytes on every run for the same N.

Run `python bench/generate.py PAGES OUT_DIR`.
"""
from __future__ import annotations

import copy
import io
import random
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "samples"))
import make_sample  # noqa: E402  (the sample's sections, header and footer field)

from counterdraft.wordml.package import normalize_zip  # noqa: E402

WORDS_PER_PAGE = 500

# The filler avoids every cue the clause library matches on ("term", "review", "cause", "schedule", ...), so it
# never competes with the sample's sections for a topic.
SUBJECTS = ["Practitioner", "The Medical Staff Office", "The Credentials Committee", "The Hospital",
            "Each applicant", "The Department Chair", "The Medical Executive Committee", "The Organization"]
VERBS = ["shall verify", "shall document", "shall maintain", "shall submit", "shall evaluate", "shall retain",
         "shall obtain", "shall confirm", "shall record", "shall furnish"]
OBJECTS = ["primary source verification of licensure", "evidence of current board certification",
           "a complete application for appointment", "the delineation of clinical privileges requested",
           "peer references from practitioners with recent knowledge of the applicant",
           "a health status attestation signed by the applicant", "proof of immunization and tuberculosis screening",
           "a query of the National Practitioner Data Bank", "the results of a criminal background check",
           "records of hospital affiliations for the preceding five years", "a current DEA registration",
           "documentation of completed residency and fellowship training"]
QUALIFIERS = ["within thirty days of the request", "before any privileges are granted",
              "in accordance with the Medical Staff Bylaws", "as required by applicable accreditation standards",
              "using the forms approved by the Hospital", "and shall update it at each reappointment",
              "in the credentials file of the practitioner", "unless the Department Chair grants an extension",
              "consistent with state and federal law", "for every location where privileges are exercised"]
CLOSERS = ["An incomplete application shall not be processed.",
           "Any misstatement or omission in the application is grounds for denial of appointment.",
           "The burden of producing adequate information rests with the applicant.",
           "Temporary privileges may be granted only under the conditions stated in the Bylaws.",
           "The Hospital may rely on verifications completed by an accredited verification organization.",
           "Each decision shall be recorded in the minutes of the committee that made it."]
CAPTIONS = ["Application for Appointment", "Primary Source Verification", "Delineation of Privileges",
            "Temporary Privileges", "Focused Professional Practice Evaluation", "Peer References",
            "Health Status Attestation", "Background Checks", "Licensure and Registration",
            "Board Certification", "Medical Records", "Compliance with Bylaws", "Quality Data",
            "Documentation Standards", "Coding and Billing Compliance", "Notices", "Assignment", "Severability",
            "Waiver", "Counterparts", "Force Majeure", "Compliance with Laws", "Records Retention",
            "Access to Books and Records", "Exclusion Screening", "Disclosure of Affiliations",
            "Patient Complaints", "Infection Prevention", "Use of Facilities", "Electronic Signatures"]
EXHIBITS = ["Credentialing and Privileging Requirements", "Medical Staff Rules", "Compliance Program",
            "Documentation and Coding Standards", "Facility Access and Security"]
TABLE_HEADS = ("Requirement", "Verified by", "Frequency")
TABLE_ROWS = [("State medical license", "State board", "Every two years"),
              ("DEA registration", "DEA database", "Every three years"),
              ("Board certification", "Certifying board", "At each reappointment"),
              ("Data Bank query", "NPDB", "At appointment and reappointment"),
              ("Hospital affiliations", "Each hospital", "At appointment"),
              ("Immunization record", "Employee health", "Yearly"),
              ("Background check", "Approved vendor", "At appointment"),
              ("Sanctions screening", "OIG and SAM lists", "Monthly")]
NEW_WORDS = ["promptly", "reasonably", "in writing", "diligently", "annually", "electronically"]


@dataclass
class Block:
    kind: str  # "section" (bold caption + text), "para", "item", "table", "signatures", "exhibit"
    text: str = ""
    caption: str = ""
    rows: list[list[str]] = field(default_factory=list)
    runs: list | None = None  # the sample's paragraph with bold text inside it


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(QUALIFIERS)}."


def _paragraph(rng: random.Random, sentences: int) -> str:
    out = [_sentence(rng) for _ in range(sentences)]
    if rng.random() < 0.4:
        out.append(rng.choice(CLOSERS))
    return " ".join(out)


def _words(blocks: list[Block]) -> int:
    return sum(len((b.caption + " " + b.text).split()) + sum(len(" ".join(r).split()) for r in b.rows)
               for b in blocks)


def _filler_section(rng: random.Random, caption: str) -> list[Block]:
    blocks = [Block("section", _paragraph(rng, rng.randint(2, 4)), caption=caption)]
    for letter in "abcdef"[:rng.randint(0, 4)]:
        blocks.append(Block("item", f"({letter}) " + _paragraph(rng, rng.randint(1, 3))))
    if rng.random() < 0.3:
        blocks.append(Block("para", _paragraph(rng, rng.randint(2, 5))))
    if rng.random() < 0.15:
        rows = rng.sample(TABLE_ROWS, rng.randint(3, 7))
        blocks.append(Block("table", rows=[list(TABLE_HEADS)] + [list(r) for r in rows]))
    return blocks


def contract_blocks(pages: int, seed: int = 7) -> list[Block]:
    """The contract's body, numbered in order: the sample's sections spread evenly among filler sections."""
    rng = random.Random(seed)
    sample = []
    for caption, paragraphs in make_sample.SECTIONS:
        title = caption.split(". ", 1)[1]
        first, *rest = paragraphs
        blocks = [Block("section", first if isinstance(first, str) else "", caption=title,
                        runs=None if isinstance(first, str) else first)]
        for extra in rest:
            if extra == "TABLE":
                rows = [["Component", "Annual Amount"]] + [[n, f"${a:,}"] for n, a in make_sample.COMPENSATION]
                blocks.append(Block("table", rows=rows + [["Total", f"${make_sample.TOTAL:,}"]]))
            else:
                blocks.append(Block("para", extra))
        sample.append(blocks)

    budget = pages * WORDS_PER_PAGE - _words([b for s in sample for b in s])
    filler: list[list[Block]] = []
    while budget > 0:
        section = _filler_section(rng, CAPTIONS[len(filler) % len(CAPTIONS)])
        filler.append(section)
        budget -= _words(section)

    # The agreement: the sample's sections spread evenly among 70% of the filler; then the signatures; then the
    # rest of the filler as exhibits of about 25 pages each, numbered afresh, each on a new page.
    split = len(filler) * 7 // 10
    agreement, appendix = filler[:split], filler[split:]
    out: list[Block] = []
    number = 0
    for k, section in enumerate(sample):
        lo, hi = len(agreement) * k // len(sample), len(agreement) * (k + 1) // len(sample)
        for head, *rest in [section] + agreement[lo:hi]:
            number += 1
            out.append(Block(head.kind, head.text, f"{number}. {head.caption.rstrip('.')}.", runs=head.runs))
            out += rest
    out.append(Block("signatures"))
    per_exhibit = max(1, len(appendix) * 25 // max(1, pages * 3 // 10))
    for start in range(0, len(appendix), per_exhibit):
        n = start // per_exhibit
        out.append(Block("exhibit", caption=f"Exhibit {chr(65 + n % 26)}: {EXHIBITS[n % len(EXHIBITS)]}"))
        for number, (head, *rest) in enumerate(appendix[start:start + per_exhibit], 1):
            out.append(Block(head.kind, head.text, f"{number}. {head.caption}."))
            out += rest
    return out


def revise(blocks: list[Block], seed: int = 11) -> list[Block]:
    """The twin: about one paragraph in six edited word-wise, 2% deleted, 2% followed by a new one."""
    rng = random.Random(seed)
    out: list[Block] = []
    for b in blocks:
        if b.kind in ("para", "item") and rng.random() < 0.02:
            continue
        if b.kind in ("section", "para", "item") and b.runs is None and rng.random() < 0.17:
            words = b.text.split(" ")
            i = rng.randrange(len(words))
            choice = rng.random()
            if choice < 0.4:
                words[i] = rng.choice(NEW_WORDS) + " " + words[i]
            elif choice < 0.7 and len(words) > 4:
                del words[i]
            else:
                words[i] = rng.choice(NEW_WORDS)
            b = Block(b.kind, " ".join(words), b.caption)
        if b.kind == "table" and rng.random() < 0.3:
            rows = [list(r) for r in b.rows]
            rows[rng.randrange(1, len(rows))][-1] = "Every year"
            b = Block("table", rows=rows)
        out.append(b)
        if b.kind in ("para", "item") and rng.random() < 0.02:
            out.append(Block("para", _paragraph(rng, 2)))
    return out


def render(blocks: list[Block]) -> bytes:
    doc = make_sample.new_document("1")

    doc.add_paragraph("Physician Employment and Credentialing Agreement", style="Title")
    doc.add_paragraph("This Agreement is entered into as of January 5, 2026 by and between Lakeshore Regional Health "
                      "System (\"Employer\") and Dana R. Whitfield, MD, MS (\"Physician\").")
    for b in blocks:
        if b.kind == "signatures":
            doc.add_paragraph("IN WITNESS WHEREOF, the parties have signed this Agreement as of the date above.")
            for party, lines in make_sample.SIGNATURES:
                doc.add_paragraph().add_run(party).bold = True
                for line in lines:
                    doc.add_paragraph(line)
        elif b.kind == "exhibit":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            doc.add_heading(b.caption, level=1)
        elif b.kind == "section":
            p = doc.add_paragraph()
            p.add_run(b.caption + " ").bold = True
            for text, bold in (b.runs or [(b.text, False)]):
                p.add_run(text).bold = bold or None
        elif b.kind == "item":
            doc.add_paragraph(b.text).paragraph_format.left_indent = Pt(36)
        elif b.kind == "para":
            doc.add_paragraph(b.text)
        else:
            table = doc.add_table(rows=len(b.rows), cols=len(b.rows[0]))
            table.style = doc.styles["Table Grid"]
            for row, values in zip(table.rows, b.rows):
                for cell, value in zip(row.cells, values):
                    cell.text = value
            for cell in table.rows[0].cells:
                cell.paragraphs[0].runs[0].bold = True
    word_markup(doc.element.body)
    zoom = doc.settings.element.find(qn("w:zoom"))
    if zoom is not None:
        zoom.set(qn("w:percent"), "100")
    props = doc.core_properties
    props.author = "Lakeshore Regional Health System"
    props.created = props.modified = props.last_printed = make_sample.FIXED_TIME
    props.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    return normalize_zip(buf.getvalue())


def word_markup(body) -> None:
    """Dress python-docx's lean XML the way Word writes it: revision-save ids on paragraphs and runs, explicit
    run fonts and sizes, runs split where the text was once edited, proofing marks and heading bookmarks. Word's
    files carry several times python-docx's bytes per page, and parsing them is most of the floor."""
    W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
    for n, p in enumerate(body.iter(qn("w:p"))):
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        rng = random.Random(zlib.crc32(text.encode()))  # an unchanged paragraph is dressed the same in both files
        rsid = f"00{rng.randrange(0x100000, 0xFFFFFF):06X}"
        for attr, value in (("w:rsidR", rsid), ("w:rsidRDefault", rsid), ("w:rsidP", rsid)):
            p.set(qn(attr), value)
        p.set(f"{{{W14}}}paraId", f"{0x10000000 + n * 7919 % 0x6FFFFFFF:08X}")
        p.set(f"{{{W14}}}textId", "77777777")
        for r in list(p.iter(qn("w:r"))):
            rpr = r.get_or_add_rPr()
            fonts = OxmlElement("w:rFonts")
            for attr in ("w:ascii", "w:hAnsi", "w:cs"):
                fonts.set(qn(attr), "Calibri")
            rpr.insert(0, fonts)
            for tag in ("w:sz", "w:szCs"):
                size = OxmlElement(tag)
                size.set(qn("w:val"), "22")
                rpr.append(size)
            lang = OxmlElement("w:lang")
            lang.set(qn("w:val"), "en-US")
            rpr.append(lang)
            r.set(qn("w:rsidRPr"), rsid)
            t = r.find(qn("w:t"))
            if t is None or not t.text or len(t.text) < 40:
                continue
            words = t.text.split(" ")
            cuts = sorted(rng.sample(range(1, len(words)), min(len(words) - 1, len(words) // 9)))
            pieces = [" ".join(words[a:b]) + (" " if b < len(words) else "")
                      for a, b in zip([0] + cuts, cuts + [len(words)])]
            t.text = pieces[0]
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            after = r
            for piece in pieces[1:]:
                clone = copy.deepcopy(r)
                clone.set(qn("w:rsidR"), f"00{rng.randrange(0x100000, 0xFFFFFF):06X}")
                clone.find(qn("w:t")).text = piece
                if rng.random() < 0.1:
                    mark = OxmlElement("w:proofErr")
                    mark.set(qn("w:type"), "gramStart")
                    after.addnext(mark)
                    after = mark
                after.addnext(clone)
                after = clone


def write_pair(pages: int, out_dir: Path) -> tuple[Path, Path]:
    """Write contract-{pages}p.docx and its twin contract-{pages}p.revised.docx into out_dir."""
    out_dir.mkdir(parents=True, exist_ok=True)
    blocks = contract_blocks(pages)
    original, revised = out_dir / f"contract-{pages}p.docx", out_dir / f"contract-{pages}p.revised.docx"
    original.write_bytes(render(blocks))
    revised.write_bytes(render(revise(blocks)))
    return original, revised


if __name__ == "__main__":
    for path in write_pair(int(sys.argv[1]), Path(sys.argv[2])):
        print(path)
