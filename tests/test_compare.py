"""`compare` on generated documents: which parts and blocks it compares, how it aligns them, and a property test.

The property test generates documents (paragraphs of words in bold and italic runs, a table, tabs) and random
edits, and requires that the redline, accepted and rejected by us and by pandoc, gives exactly the revised and the
original texts.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import oracles
from counterdraft.wordml.ns import w
from counterdraft.wordml.package import Package
from twins import AUTHOR, BOB, Redline, ours, p, r, table


def story_texts(path: Path, mode: str | None = None) -> dict[str, list[str]]:
    """The non-empty paragraph texts of each story part (headers, footers, notes too), after our accept or reject."""
    from counterdraft.wordml.resolve import accept_package, reject_package

    pkg = Package.open(path)
    if mode:
        (accept_package if mode == "accept" else reject_package)(pkg)
    out = {}
    for name in pkg.story_parts():
        texts = ["".join(t.text or "" for t in para.iter(w("t"))) for para in pkg.part(name).iter(w("p"))]
        out[name] = [t for t in texts if t.strip()]
    return out


def kinds(root: etree._Element) -> list[str]:
    """Our revisions in document order, as 'ins:text', 'del:text' or 'ins-mark' / 'del-mark'."""
    out = []
    for el in root.iter(w("ins"), w("del")):
        if el.get(w("author")) != AUTHOR:
            continue
        kind = etree.QName(el).localname
        if el.getparent().tag == w("rPr"):
            out.append(f"{kind}-mark")
        else:
            out.append(f"{kind}:" + "".join(t.text or "" for t in el.iter(w("t"), w("delText"))))
    return out


# ---------------------------------------------------------------------------------------------- parts
def test_headers_footers_and_footnotes_are_compared_where_they_differ(tmp_path):
    note = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
    body = p(r("Body text"), note)
    original = dict(body=body, header=p(r("Draft for discussion")), footer=p(r("Page footer")),
                    footnotes={1: p(r("Within thirty days."))})
    revised = dict(body=body, header=p(r("Final for signature")), footer=p(r("Page footer")),
                   footnotes={1: p(r("Within sixty days."))})
    red = Redline(tmp_path, original, revised)
    red.check()
    pkg = Package.open(red.path)
    changed = {name for name in pkg.story_parts() if ours(pkg.part(name), "ins")}
    assert changed == {"word/header1.xml", "word/footnotes.xml"}
    assert story_texts(red.path, "accept") == story_texts(red.revised)
    assert story_texts(red.path, "reject") == story_texts(red.original)


def test_a_table_cell_edit_is_made_inside_its_cell(tmp_path):
    original = p(r("Schedule")) + table([["Base salary", "$250,000"], ["Signing bonus", "$10,000"]]) + p(r("end"))
    revised = p(r("Schedule")) + table([["Base salary", "$275,000"], ["Signing bonus", "$10,000"]]) + p(r("end"))
    red = Redline(tmp_path, dict(body=original), dict(body=revised))
    red.check()
    root = red.part()
    assert kinds(root) == ["del:$250,000", "ins:$275,000"]
    assert all(any(a.tag == w("tc") for a in el.iterancestors()) for el in ours(root, "ins"))


@pytest.mark.parametrize("where", ["start", "end"])
def test_a_paragraph_is_inserted_at_the_start_or_end_of_the_body(tmp_path, where):
    body = [p(r("First clause.")), p(r("Last clause."))]
    new = p(r("A new clause."))
    revised = [new] + body if where == "start" else body + [new]
    red = Redline(tmp_path, dict(body="".join(body)), dict(body="".join(revised)))
    red.check()
    assert sorted(kinds(red.part())) == ["ins-mark", "ins:A new clause."]


@pytest.mark.parametrize("where", ["start", "end"])
def test_a_paragraph_is_inserted_at_the_start_or_end_of_a_cell(tmp_path, where):
    cell = [p(r("Clinical duties")), p(r("Teaching duties"))]
    new = p(r("Research duties"))
    revised = [new] + cell if where == "start" else cell + [new]
    original_body = table([["".join(cell), "x"]]) + p(r("end"))
    revised_body = table([["".join(revised), "x"]]) + p(r("end"))
    red = Redline(tmp_path, dict(body=original_body), dict(body=revised_body))
    red.check()
    assert sorted(kinds(red.part())) == ["ins-mark", "ins:Research duties"]
    tc = next(red.part().iter(w("tc")))
    assert ["".join(x.itertext()) for x in tc.findall(w("p"))][0 if where == "start" else -1] == "Research duties"


def test_a_deleted_paragraph_in_a_cell_or_the_body(tmp_path):
    original = p(r("one")) + p(r("two")) + table([[p(r("a")) + p(r("b")), "x"]]) + p(r("three"))
    revised = p(r("one")) + table([[p(r("b")), "x"]]) + p(r("three"))
    red = Redline(tmp_path, dict(body=original), dict(body=revised))
    red.check()
    assert kinds(red.part()) == ["del-mark", "del:two", "del-mark", "del:a"]


# ---------------------------------------------------------------------------------------------- alignment
def test_typing_into_an_empty_row_edits_that_row_among_other_empty_ones(tmp_path):
    """Rows (and blocks) alike to the end stay paired by position: typing into the first of two empty rows
    is an insertion in that cell, not a new row with the old one deleted after the other."""
    original = p(r("Schedule")) + table([[""], [""]]) + p(r("end"))
    revised = p(r("Schedule")) + table([["twelve"], [""]]) + p(r("end"))
    red = Redline(tmp_path, dict(body=original), dict(body=revised))
    red.check()
    root = red.part()
    assert kinds(root) == ["ins:twelve"]
    assert not root.findall(f".//{w('trPr')}/{w('ins')}") and not root.findall(f".//{w('trPr')}/{w('del')}")


def test_lightly_edited_paragraphs_are_modified_in_place_keeping_others_revisions(tmp_path):
    """All three paragraphs change, one more is added: each is matched with its edited self, so the second
    paragraph, whose mark Bob inserted, is not deleted (which would have to be skipped) but edited."""
    bob_mark = f'<w:rPr><w:ins w:id="1" {BOB}/></w:rPr>'
    original = p(r("This is a")) + p(r(" split"), ppr=bob_mark) + p(r("Paragraph."))
    revised = p(r("Quorum is a")) + p(r(" split alpha"), ppr=bob_mark) + p(r("Paragraph notably.")) + p(r("New."))
    red = Redline(tmp_path, dict(body=original), dict(body=revised))
    red.check()
    assert [k for k in kinds(red.part()) if k.startswith("del")] == ["del:This"]


def test_a_paragraph_whose_mark_someone_deleted_is_not_aligned_with_one_that_ends(tmp_path):
    """Bob deleted the mark of "You can type.", so it reads joined to the next paragraph. Revised, it says "You
    can." and the last paragraph "You can." became "You can Zebra.": the two "You can." are not the same paragraph,
    and taking them for it would delete Bob's paragraph (skipped: its mark is his) and lose the join (found by a
    random twin of Open-XML-PowerTools' RP025)."""
    bob_del = f'<w:rPr><w:del w:id="1" {BOB}/></w:rPr>'
    original = p(r("You can type."), ppr=bob_del) + p(r("To make your document.")) + p(r("You can."))
    revised = p(r("You can."), ppr=bob_del) + p(r("To amended your document.")) + p(r("You can Zebra."))
    red = Redline(tmp_path, dict(body=original), dict(body=revised))
    red.check()
    assert [k for k in kinds(red.part()) if k.startswith("del")] == ["del: type", "del:make"]


def test_a_content_control_is_edited_in_place_not_replaced(tmp_path):
    def control(text):
        return ('<w:sdt><w:sdtPr><w:alias w:val="Amount"/><w:id w:val="7"/></w:sdtPr><w:sdtContent>'
                f'{p(r(text))}</w:sdtContent></w:sdt>')

    red = Redline(tmp_path, dict(body=p(r("Salary:")) + control("400") + p(r("end"))),
                  dict(body=p(r("Salary:")) + control("500") + p(r("end"))))
    red.check()
    root = red.part()
    assert len(list(root.iter(w("sdt")))) == 1
    assert kinds(root) == ["del:400", "ins:500"]


def test_rejecting_an_inserted_list_item_gives_back_the_paragraph_before_it_as_it_was(tmp_path):
    """The new paragraph follows a heading: the heading's mark is the inserted one, and the new paragraph records
    the heading's properties, which its mark carries once the insertion is rejected."""
    heading = '<w:pStyle w:val="Heading1"/>'
    numbered = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    red = Redline(tmp_path, dict(body=p(r("Duties"), ppr=heading) + p(r("end"))),
                  dict(body=p(r("Duties"), ppr=heading) + p(r("Teach residents."), ppr=numbered) + p(r("end"))))
    red.check()
    pkg = Package.open(red.path)
    from counterdraft.wordml.resolve import accept_package, reject_package

    reject_package(pkg)
    first = pkg.part("word/document.xml").find(f"{w('body')}/{w('p')}")
    assert etree.tostring(first.find(w("pPr"))).count(b"Heading1") == 1 and first.find(f".//{w('numPr')}") is None
    pkg = Package.open(red.path)
    accept_package(pkg)
    second = pkg.part("word/document.xml").findall(f"{w('body')}/{w('p')}")[1]
    assert second.find(f".//{w('numPr')}") is not None and second.find(f".//{w('pStyle')}") is None


def test_an_unchanged_document_gives_no_revision(tmp_path):
    body = p(r("Same ", "<w:b/>"), r("text\there")) + table([["a", "b"]]) + p(r("end"))
    red = Redline(tmp_path, dict(body=body, header=p(r("h"))), dict(body=body, header=p(r("h"))))
    assert red.result.revisions == 0 and red.result.messages == []
    assert oracles.revisions(red.path) == []


@pytest.mark.slow
@pytest.mark.xfail(reason="LibreOffice 7.4 imports the first paragraph of a block-level content control as a plain "
                          "text control and drops the tracked changes in it; pandoc and Word read them",
                   strict=False)
def test_libreoffice_reads_changes_in_the_first_paragraph_of_a_block_content_control(tmp_path, libreoffice):
    def control(text):
        return f'<w:sdt><w:sdtPr><w:id w:val="7"/></w:sdtPr><w:sdtContent>{p(r(text))}</w:sdtContent></w:sdt>'

    red = Redline(tmp_path, dict(body=p(r("before")) + control("Test Old1") + p(r("after"))),
                  dict(body=p(r("before")) + control("Test New1") + p(r("after"))))
    red.check()  # pandoc and our own reading agree with Word
    got, original, revised = oracles.lo_texts_many([red.path, red.original, red.revised])
    assert got == {"accept": revised["accept"], "reject": original["reject"]}


# ---------------------------------------------------------------------------------------------- property test
WORDS = ["the", "Employee", "shall", "receive", "$1,500,000", "sixty", "(60)", "days", "notice", "bonus", "FTE",
         "0.5", "clinical", "call", "duties,", "and", "termination."]
run_st = st.tuples(st.lists(st.sampled_from(WORDS), min_size=1, max_size=5).map(" ".join),
                   st.booleans(), st.booleans(), st.booleans())  # text, bold, italic, a tab before it
paragraph_st = st.lists(run_st, min_size=0, max_size=4)
document_st = st.tuples(st.lists(paragraph_st, min_size=1, max_size=5),
                        st.lists(st.lists(paragraph_st, min_size=2, max_size=2), min_size=1, max_size=2),
                        st.integers(min_value=0, max_value=5))  # paragraphs, table rows of two cells, table place


def _paragraph_xml(runs) -> str:
    out = []
    for n, (text, bold, italic, tab) in enumerate(runs):
        rpr = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
        out.append(r(("\t" if tab else "") + text + (" " if n + 1 < len(runs) else ""), rpr))
    return p(*out)


def _body_xml(paragraphs, rows, at) -> str:
    blocks = [_paragraph_xml(x) for x in paragraphs]
    blocks.insert(min(at, len(blocks)), table([[_paragraph_xml(c) for c in row] for row in rows]))
    return "".join(blocks) + p(r("The end."))  # a fixed last paragraph: the body never ends with the table


@st.composite
def edited(draw):
    """A document and its revision by a few random edits: words replaced, inserted or deleted, paragraphs inserted
    or deleted, in the body and in the table's cells."""
    paragraphs, rows, at = draw(document_st)
    new_paragraphs = [list(x) for x in paragraphs]
    new_rows = [[list(c) for c in row] for row in rows]
    cells = [c for row in new_rows for c in row]
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        kind = draw(st.sampled_from(["replace", "insert", "delete", "add paragraph", "drop paragraph"]))
        if kind == "add paragraph":
            new_paragraphs.insert(draw(st.integers(0, len(new_paragraphs))), draw(paragraph_st))
            continue
        if kind == "drop paragraph":
            if len(new_paragraphs) > 1:
                del new_paragraphs[draw(st.integers(0, len(new_paragraphs) - 1))]
            continue
        target = draw(st.sampled_from(new_paragraphs + cells))
        if not target:
            target.append(draw(run_st))
            continue
        i = draw(st.integers(0, len(target) - 1))
        text, bold, italic, tab = target[i]
        words = text.split(" ")
        j = draw(st.integers(0, len(words) - 1))
        if kind == "replace":
            words[j] = draw(st.sampled_from(WORDS))
        elif kind == "insert":
            words.insert(j, draw(st.sampled_from(WORDS)))
        elif len(words) > 1:
            del words[j]
        target[i] = (" ".join(words), bold, italic, tab)
    return _body_xml(paragraphs, rows, at), _body_xml(new_paragraphs, new_rows, at)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(edited())
def test_any_edits_round_trip_through_accept_and_reject(tmp_path_factory, bodies):
    original, revised = bodies
    folder = tmp_path_factory.mktemp("property")
    red = Redline(folder, dict(body=original), dict(body=revised))
    red.check()
    assert story_texts(red.path, "accept") == story_texts(red.revised)
    assert story_texts(red.path, "reject") == story_texts(red.original)


def _without_the_text_box_paragraph(src: Path, dst: Path) -> None:
    """A copy of `src` without the body paragraph that anchors its first text box (as a person deletes it in Word)."""
    pkg = Package.open(src)
    root = pkg.part("word/document.xml")
    anchor = next(pp for pp in root.iter(w("p")) if next(pp.iter(w("txbxContent")), None) is not None
                  and pp.getparent().tag == w("body"))
    anchor.getparent().remove(anchor)
    pkg.save(dst)


@pytest.fixture
def text_box_deleted(shared_dir, tmp_path):
    from counterdraft.compare import compare

    src = shared_dir / "corpus" / "docx" / "powertools" / "misc" / "HC031-Complicated-Document.docx"
    if not src.exists():
        pytest.skip(f"needs {src}")
    _without_the_text_box_paragraph(src, tmp_path / "twin.docx")
    compare(src, tmp_path / "twin.docx", tmp_path / "redline.docx", author=AUTHOR, date="2026-01-01T00:00:00Z")
    return src, tmp_path / "redline.docx"


def test_a_deleted_paragraph_that_anchors_a_text_box_comes_back_whole_on_reject(text_box_deleted, tmp_path):
    """HC031 (the corpus comparison, seed 565261): the anchor run, with its drawing and text box, is deleted as one
    run; our reject-all gives back the original, and pandoc's accept-all reads the twin."""
    from counterdraft.wordml.resolve import reject_package

    src, redline = text_box_deleted
    root = Package.open(redline).part("word/document.xml")
    box = next(b for b in root.iter(w("txbxContent")) if "Here is a text box." in "".join(b.itertext()))
    assert any(a.tag == w("del") for a in box.iterancestors())  # the anchor run is deleted whole
    pkg = Package.open(redline)
    reject_package(pkg)
    pkg.save(tmp_path / "rejected.docx")
    assert oracles.pandoc_text(tmp_path / "rejected.docx") == oracles.pandoc_text(src, "reject")  # its own revisions too
    assert "Here is a text box." not in oracles.pandoc_text(redline, "accept")


@pytest.mark.xfail(strict=True, reason="pandoc's reject-all drops the text of a text box whose anchor run is deleted "
                                       "(its reader keeps a deleted run's text, not the drawing holding the box); "
                                       "our own reject-all and Word keep it")
def test_pandoc_reads_a_text_box_whose_anchor_paragraph_was_deleted_after_reject(text_box_deleted):
    src, redline = text_box_deleted
    assert "Here is a text box." in oracles.pandoc_text(redline, "reject")
