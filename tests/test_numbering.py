"""Word's list labels as counterdraft reads them, and a section inserted among Word-numbered ones typing its number
("4A.") so that the sections after it keep theirs. LibreOffice, which writes list labels into its text, is the
judge on the corpus and on the redline."""
from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from lxml import etree

import oracles
from counterdraft.redline import redline
from counterdraft.wordml.numbering import format_number
from counterdraft.wordml.package import Package
from counterdraft.wordml.read import read_blocks

ROOT = Path(__file__).resolve().parents[1]
PROFILE = ROOT / "samples" / "profile.yaml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = f'xmlns:w="{W}"'


def _lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}<w:pPr><w:ind w:left="{720 * (ilvl + 1)}" w:hanging="360"/></w:pPr>'
            f'</w:lvl>')


def _doc(tmp_path: Path, levels: str, nums: str, paras: list[tuple[str | None, int, str]]) -> Path:
    """A DOCX whose numbering part holds abstractNum 0 with `levels` and the w:num elements `nums`; each paragraph
    is (numId or None, ilvl, text)."""
    d = docx.Document()
    for num_id, ilvl, text in paras:
        p = d.add_paragraph(text)
        if num_id is not None:
            ppr = p._p.get_or_add_pPr()
            ppr.append(etree.fromstring(f'<w:numPr {NSDECL}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/>'
                                        f'</w:numPr>'))
    numbering = d.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    numbering.append(etree.fromstring(f'<w:abstractNum {NSDECL} w:abstractNumId="0">{levels}</w:abstractNum>'))
    for num in re.findall(r"<w:num .*?</w:num>", nums):
        numbering.append(etree.fromstring(num.replace("<w:num ", f"<w:num {NSDECL} ", 1)))
    path = tmp_path / "numbered.docx"
    d.save(str(path))
    return path


def _labels(path: Path) -> list[str | None]:
    return [b.list_label for b in read_blocks(Package.open(path)) if b.numbered]


@pytest.mark.parametrize("n, fmt, want", [
    (4, "decimal", "4"), (4, "decimalZero", "04"), (28, "lowerLetter", "bb"), (3, "upperLetter", "C"),
    (14, "lowerRoman", "xiv"), (1994, "upperRoman", "MCMXCIV"), (3, "bullet", None), (0, "lowerRoman", None),
])
def test_format_number(n, fmt, want):
    assert format_number(n, fmt) == want


def test_levels_count_restart_and_show_their_parents(tmp_path):
    levels = (_lvl(0, "decimal", "%1.", start=3) + _lvl(1, "decimal", "%1.%2") + _lvl(2, "lowerLetter", "(%3)")
              + _lvl(3, "upperRoman", "%4.", extra='<w:lvlRestart w:val="1"/>'))
    path = _doc(tmp_path, levels, '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>', [
        ("1", 0, "Term"), ("1", 1, "Start"), ("1", 2, "first"), ("1", 2, "second"), ("1", 3, "I"),
        (None, 0, "plain text between items does not restart them"), ("1", 1, "End"), ("1", 2, "again a"),
        ("1", 3, "still counting: restarts only after level 1"), ("1", 0, "Pay"), ("1", 1, "Salary"),
        ("1", 3, "restarted by level 1"),
    ])
    assert _labels(path) == ["3.", "3.1", "(a)", "(b)", "I.", "3.2", "(a)", "II.", "4.", "4.1", "I."]


@pytest.mark.parametrize("nums, why", [
    ('<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>',
     "two lists share one definition: Word continues the count, LibreOffice may not"),
    ('<w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>'
     '</w:lvlOverride></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>', "a restart override"),
])
def test_lists_counted_differently_by_word_and_libreoffice_get_no_label(tmp_path, nums, why):
    path = _doc(tmp_path, _lvl(0, "decimal", "%1."), nums,
                [("1", 0, "One"), ("1", 0, "Two"), ("2", 0, "Three"), ("1", 0, "Four")])
    got = _labels(path)
    assert got[2:] == [None, None], why
    if "override" in why:
        assert got[:2] == [None, None]
    else:
        assert got[:2] == ["1.", "2."]  # counted before the second list appeared: both readings agree


def test_a_level_showing_an_uncounted_parent_gets_no_label(tmp_path):
    path = _doc(tmp_path, _lvl(0, "decimal", "%1.") + _lvl(1, "decimal", "%1.%2"),
                '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>', [("1", 1, "orphan"), ("1", 0, "One")])
    assert _labels(path) == [None, "1."]


@pytest.mark.slow
def test_labels_match_libreoffice_on_the_corpus(corpus_docx, libreoffice):
    """Every label counterdraft gives a paragraph of a real document is the one LibreOffice writes before its text
    (LibreOffice reads footnote marks into the text, so the start of each line is compared)."""
    cases = []
    for path in corpus_docx:
        try:
            blocks = read_blocks(Package.open(path))
        except Exception:  # unreadable corpus files are test_bad_input's business
            continue
        labelled = [b for b in blocks if b.list_label and b.text.strip() and not b.in_table]
        if labelled:
            cases.append((path, labelled))
    assert sum(len(b) for _p, b in cases) > 300, "the corpus should give hundreds of labelled paragraphs"
    texts = oracles.lo_texts_many([p for p, _b in cases], strip_labels=False)
    failures = []
    for (path, labelled), text in zip(cases, texts, strict=True):
        lines = text["reject"].splitlines()
        at = 0
        for b in labelled:
            # up to the first footnote mark or other object, which the two read differently
            want = oracles.normalise(f"{b.list_label} {b.text}", strip_labels=False).split("\ufffc")[0]
            n = min(len(want), len(b.list_label) + 21)
            found = next((i for i in range(at, len(lines)) if lines[i][:n] == want[:n]), None)
            if found is None:
                failures.append(f"{path.name}: {want[:70]!r} not in LibreOffice's text after line {at}")
            else:
                at = found + 1
    assert not failures, oracles.report(failures)


def _numbered_contract(tmp_path: Path) -> Path:
    """An agreement whose section headings Word numbers (List Number), with no CME clause."""
    d = docx.Document()
    d.add_paragraph("PHYSICIAN EMPLOYMENT AGREEMENT")
    sections = [
        ("Position", "Employer employs Physician as a physician in clinical informatics."),
        ("Term", "The term of this Agreement is three (3) years from the Effective Date."),
        ("Compensation", "Employer shall pay Physician a base salary of $250,000 per year."),
        ("Benefits", "Physician may take part in the benefit plans Employer offers its physicians."),
        ("Termination", "Either party may terminate this Agreement without cause on ninety (90) days' written "
                        "notice to the other party."),
        ("Governing Law", "This Agreement is governed by the laws of the State of Ohio."),
    ]
    for heading, body in sections:
        h = d.add_paragraph(style="List Number")
        h.add_run(heading).bold = True
        d.add_paragraph(body)
    path = tmp_path / "numbered-agreement.docx"
    d.save(str(path))
    return path


@pytest.mark.slow
def test_an_inserted_section_types_its_number_and_the_rest_keep_theirs(tmp_path, libreoffice):
    contract = _numbered_contract(tmp_path)
    assert _labels(contract) == ["1.", "2.", "3.", "4.", "5.", "6."]
    out = tmp_path / "out"
    result = redline(contract, PROFILE, out, date="2026-01-05T09:00:00Z")
    cme = next(e for e in result.plan.edits if e.clause_id == "cme-allowance")
    heading = cme.new_paragraphs[0]
    assert (heading.text, heading.typed_number) == ("4A. Continuing Medical Education.", True)
    assert not any("Word numbers the sections" in m.text for m in result.messages)

    accepted = oracles.lo_texts(result.outputs["redline"], strip_labels=False)
    lines = accepted["accept"].splitlines()
    at = lines.index("4A. Continuing Medical Education.")
    assert lines[at - 2] == "4. Benefits"  # the section it follows, and its body between
    assert "5. Termination" in lines[at:]  # Word's numbers after it have not moved
    assert "6. Governing Law" in lines[at:]
    assert accepted["reject"] == oracles.lo_texts(contract, strip_labels=False)["reject"]

    # the new heading keeps the list's indentation and switches its numbering off, even though its style numbers
    root = etree.fromstring(Package.open(result.outputs["redline"]).blob("word/document.xml"))
    p = next(p for p in root.iter(f"{{{W}}}p") if "".join(p.itertext()).startswith("4A."))
    assert p.find(f"{{{W}}}pPr/{{{W}}}numPr/{{{W}}}numId").get(f"{{{W}}}val") == "0"
    assert p.find(f"{{{W}}}pPr/{{{W}}}ind") is not None
    assert p.find(f"{{{W}}}pPr/{{{W}}}pStyle").get(f"{{{W}}}val") == "ListNumber"


def test_a_real_offer_letter_gets_typed_numbers(shared_dir, tmp_path):
    """openagreements' offer letter numbers its sections with Word numbering: the CME clause goes in as 7A."""
    contract = shared_dir / "corpus" / "contracts" / "docx_forms" / "openagreements-employment-offer-letter.docx"
    result = redline(contract, PROFILE, tmp_path / "out", date="2026-01-05T09:00:00Z")
    inserted = {e.clause_id: e.new_paragraphs[0] for e in result.plan.edits if e.kind == "insert"}
    assert inserted["cme-allowance"].text == "7A. Continuing Medical Education."
    assert inserted["cme-allowance"].typed_number
    assert not any("Word numbers the sections" in m.text for m in result.messages)


def test_numbering_switched_off_keeps_the_schemas_order():
    """A paragraph numbered by its style, with w:widowControl: w:numPr goes after it (CT_PPrBase), or the part fails
    schema validation (found on Common Paper's services agreement)."""
    from counterdraft.wordml.numbering import without_numbering
    from counterdraft.wordml.ns import W_NS

    ppr = etree.fromstring(f'<w:pPr xmlns:w="{W_NS}"><w:pStyle w:val="ListNumber"/><w:keepNext/><w:widowControl/>'
                           f'<w:spacing w:after="0"/><w:jc w:val="both"/></w:pPr>')
    names = [etree.QName(c).localname for c in without_numbering(ppr, None)]
    assert names == ["pStyle", "keepNext", "widowControl", "numPr", "spacing", "jc"]
