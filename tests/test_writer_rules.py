"""The tracked-change writer's rules, each shown on a small generated document compared with its revision.

Every redline here is also read back by pandoc after accept-all and reject-all, and linted, so a rule kept by
breaking the text would not pass.
"""
from __future__ import annotations

import copy

import pytest
from lxml import etree

import oracles
from counterdraft.wordml.ns import XML_SPACE, w
from counterdraft.wordml.package import Package
from twins import BOB, Redline, ours, p, r, table

BOLD_ITALIC = "<w:b/><w:i/>"
FIELD = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText>'
         '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
         '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def inside(el: etree._Element, *tags: str) -> bool:
    return any(a.tag in {w(t) for t in tags} for a in el.iterancestors())


def c14n(el: etree._Element) -> bytes:
    """The element's XML, whatever namespaces its document declares."""
    el = copy.deepcopy(el)
    etree.cleanup_namespaces(el)
    return etree.tostring(el, method="c14n")


# ---------------------------------------------------------------------------------------------- runs
def test_run_properties_are_kept_on_every_side_of_a_split(tmp_path):
    red = Redline(tmp_path, dict(body=p(r("The quick brown fox jumps", BOLD_ITALIC))),
                  dict(body=p(r("The slow brown fox jumps", BOLD_ITALIC))))
    red.check()
    runs = list(red.part().find(w("body")).iter(w("r")))
    assert len(runs) == 4  # "The ", deleted "quick", inserted "slow", " brown fox jumps"
    for run in runs:
        assert run.find(f"{w('rPr')}/{w('b')}") is not None and run.find(f"{w('rPr')}/{w('i')}") is not None


def test_several_changes_in_one_run_and_at_its_edges_each_keep_its_formatting(tmp_path):
    """Every cut is made before any change: two changes inside one w:t, and one starting where a run starts and
    ending inside it, must each split the right run once and leave the words between them as they were."""
    original = p(r("Base salary: "), r("two hundred thousand dollars per year, paid monthly", BOLD_ITALIC),
                 r(" in arrears."))
    revised = p(r("Base salary: "), r("three hundred thousand dollars per annum, paid twice monthly", BOLD_ITALIC),
                r(" in arrears."))
    red = Redline(tmp_path, dict(body=original), dict(body=revised))
    red.check()
    body = red.part().find(w("body"))
    assert ["".join(x.itertext()) for x in ours(body, "del")] == ["two", "year"]
    assert ["".join(x.itertext()) for x in ours(body, "ins")] == ["three", "annum", "twice "]
    unstyled = ("Base salary:", "in arrears.")
    runs = list(body.iter(w("r")))
    plain = [run for run in runs if "".join(run.itertext()).strip() in unstyled]
    assert len(plain) == 2 and all(run.find(w("rPr")) is None for run in plain)
    assert all(run.find(f"{w('rPr')}/{w('b')}") is not None for run in runs if run not in plain)


def test_text_inserted_inside_a_formatted_run_takes_its_formatting(tmp_path):
    red = Redline(tmp_path, dict(body=p(r("plain "), r("the base salary", "<w:b/>"))),
                  dict(body=p(r("plain "), r("the annual base salary", "<w:b/>"))))
    red.check()
    (ins,) = ours(red.part(), "ins")
    assert "".join(ins.itertext()) == "annual "
    assert ins.find(f"{w('r')}/{w('rPr')}/{w('b')}") is not None


def test_text_with_spaces_at_its_ends_or_doubled_is_preserved(tmp_path):
    red = Redline(tmp_path, dict(body=p(r("alpha  beta gamma delta"))), dict(body=p(r("alpha  beta epsilon delta"))))
    red.check()
    for t in red.part().iter(w("t"), w("delText")):
        if t.text != t.text.strip() or "  " in t.text:
            assert t.get(XML_SPACE) == "preserve", t.text


def test_whitespace_word_ignores_stays_ignored_when_its_run_is_split(tmp_path):
    """A w:t without xml:space="preserve" has its edge spaces ignored by Word and LibreOffice, read by pandoc:
    split, each side keeps them in a w:t of its own without the attribute."""
    original = p('<w:r><w:t> alpha beta gamma </w:t></w:r>')
    red = Redline(tmp_path, dict(body=original), dict(body=p('<w:r><w:t> alpha delta gamma </w:t></w:r>')))
    red.check()
    texts = [(t.text, t.get(XML_SPACE)) for t in red.part().find(w("body")).iter(w("t"), w("delText"))]
    assert texts == [(" ", None), ("alpha ", "preserve"), ("beta", None), ("delta", None), (" gamma", "preserve"),
                     (" ", None)]


def test_words_added_before_ignored_whitespace_keep_their_own_spaces(tmp_path):
    """"Symbol " without xml:space="preserve" reads "Symbol" in Word: adding a word after it, the space before the
    new word must count, and the ignored one stay ignored after it."""
    symbol = '<w:sym w:font="Wingdings" w:char="F03A"/>'
    red = Redline(tmp_path, dict(body=p(f'<w:r><w:t>Symbol </w:t>{symbol}</w:r>')),
                  dict(body=p(f'<w:r><w:t>Symbol Zebra </w:t>{symbol}</w:r>')))
    red.check()
    (ins,) = ours(red.part(), "ins")
    assert [(t.text, t.get(XML_SPACE)) for t in ins.iter(w("t"))] == [(" Zebra", "preserve")]
    assert [(t.text, t.get(XML_SPACE)) for t in red.part().find(w("body")).iter(w("t"))][-1] == (" ", None)


def test_deleted_text_is_deltext_inside_a_deletion(tmp_path):
    red = Redline(tmp_path, dict(body=p(r("keep this, drop that")) + p(r("a whole paragraph to go")) + p(r("end"))),
                  dict(body=p(r("keep this")) + p(r("end"))))
    red.check()
    root = red.part()
    assert ours(root, "del")
    for t in root.iter(w("t")):
        assert not inside(t, "del")
    for t in root.iter(w("delText")):
        assert inside(t, "del")


# ---------------------------------------------------------------------------------------------- ids
def test_ids_are_one_counter_above_every_id_in_header_body_and_comments(tmp_path):
    anchored = ('<w:commentRangeStart w:id="700"/>' + r("noted") + '<w:commentRangeEnd w:id="700"/>'
                '<w:r><w:commentReference w:id="700"/></w:r>')
    header = p('<w:bookmarkStart w:id="900" w:name="top"/>', r("Header words here"), '<w:bookmarkEnd w:id="900"/>')
    original = dict(body=p(r("Body words here "), anchored) + p(r("end")), header=header,
                    comments={700: "a comment"})
    revised = dict(body=p(r("Body text here "), anchored) + p(r("end")), header=p(
        '<w:bookmarkStart w:id="900" w:name="top"/>', r("Header text here"), '<w:bookmarkEnd w:id="900"/>'),
        comments={700: "a comment"})
    red = Redline(tmp_path, original, revised)
    red.check()
    pkg = Package.open(red.path)
    ids = [int(el.get(w("id"))) for name in pkg.story_parts() for tag in ("ins", "del")
           for el in ours(pkg.part(name), tag)]
    assert len(ids) == 4 and len(set(ids)) == 4
    assert min(ids) > 900
    assert any(name.startswith("word/header") and ours(pkg.part(name), "ins") for name in pkg.story_parts())


# ---------------------------------------------------------------------------------------------- nesting
def test_no_insertion_or_deletion_is_nested_in_another(tmp_path):
    theirs = f'<w:ins w:id="1" {BOB}>{r("quick ")}</w:ins>'
    red = Redline(tmp_path, dict(body=p(r("The "), theirs, r("brown fox")) + p(r("end"))),
                  dict(body=p(r("The "), r("quick "), r("very brown fox")) + p(r("end"))))
    red.check()
    root = red.part()
    (ins,) = ours(root, "ins")
    assert not inside(ins, "ins", "del") and "".join(ins.itertext()) == "very "
    for el in root.iter(w("ins"), w("del")):
        if el.getparent().tag != w("rPr"):
            assert not inside(el, "ins", "del")


# ---------------------------------------------------------------------------------------------- paragraph marks
def test_a_deleted_paragraph_marks_its_mark_but_never_the_last_of_the_body_or_a_cell(tmp_path):
    cell = p(r("first in cell")) + p(r("last in cell"))
    original = p(r("one")) + p(r("two")) + table([[cell, "x"]]) + p(r("three")) + p(r("four"))
    revised = p(r("one")) + table([[p(r("first in cell")), "x"]]) + p(r("three"))
    red = Redline(tmp_path, dict(body=original), dict(body=revised))
    red.check()
    body = red.part().find(w("body"))

    def mark(text):
        para = next(x for x in body.iter(w("p")) if "".join(x.itertext()) == text)
        return [c.tag for c in para.iterfind(f"{w('pPr')}/{w('rPr')}/*")]

    assert w("del") in mark("two")
    assert w("del") not in mark("last in cell")
    assert w("del") not in mark("four")


@pytest.mark.parametrize("keep_first", [True, False])
def test_a_comment_never_stands_in_a_paragraph_it_deletes(tmp_path, keep_first):
    """Common Paper's contractor agreement: the IP clause rewrote "Work Product." and deleted the numbered "Moral
    Rights." after it, and the comment's reference stayed in the deleted paragraph as a run of its own. Accept-all
    then left that paragraph behind: LibreOffice joined it to the next article's heading, which took its numbering
    ("3.2 Term & Termination" for "4."). A comment's marks go where the text survives."""
    from twins import make_docx
    from counterdraft.models import ParagraphRef
    from counterdraft.wordml.editor import Editor

    # python-docx's template lists: 1 is bulleted, 9 numbered "1."
    item, article = ('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{}"/></w:numPr>'.format(n) for n in (1, 9))
    first = "Work Product. Contractor assigns " + ("work product made for Company." if keep_first else
                                                   "all work product.")
    src = make_docx(tmp_path / "original.docx",
                    body=p(r("Work Product. Contractor assigns all work product."), ppr=item)
                    + p(r("Moral Rights. Contractor waives moral rights."), ppr=item)
                    + p(r("Term and Termination."), ppr=article))
    intended = make_docx(tmp_path / "intended.docx",
                         body=p(r(first), ppr=item) + p(r("Term and Termination."), ppr=article))
    pkg = Package.open(src)
    editor = Editor(pkg, "Dana", "2026-01-01T00:00:00Z")
    ref = [ParagraphRef(part="word/document.xml", index=i) for i in range(3)]
    made = editor.delete(ref[1]).elements
    if keep_first:
        made = editor.change(ref[0], "Work Product. Contractor assigns all work product.",
                             "Work Product. Contractor assigns work product made for Company.").elements + made
    assert editor.comment(made, "Narrows the assignment.")
    out = tmp_path / "out.docx"
    pkg.save(out)
    body = Package.open(out).part("word/document.xml").find(w("body"))
    # the comment's marks and reference all stand in the first paragraph: on the words it changes, or, when the
    # edit only deletes, at its end, just before what is deleted
    marks = [x for tag in ("commentRangeStart", "commentRangeEnd", "commentReference") for x in body.iter(w(tag))]
    assert len(marks) == 3 and all(next(x.iterancestors(w("p"))) is body[0] for x in marks)
    assert oracles.pandoc_text(out, "accept") == oracles.pandoc_text(intended)
    assert oracles.pandoc_text(out, "reject") == oracles.pandoc_text(src, "reject")
    # pandoc keeps every deleted list item as an empty one: only LibreOffice shows how accept-all numbers them
    if oracles.lo_available():
        got, want = oracles.lo_texts_many([out, intended], strip_labels=False)
        assert got["accept"] == want["accept"]


def test_a_deleted_section_break_paragraph_with_recorded_properties_marks_its_mark_in_schema_order(tmp_path):
    """A paragraph ending a section whose properties already record a change holds w:sectPr and w:pPrChange; the
    w:rPr that marks its deletion must come before both (rPr, sectPr, pPrChange), or Word's schema rejects it."""
    sect = '<w:sectPr><w:pgSz w:w="12240" w:h="15840"/></w:sectPr>'
    recorded = ('<w:pPrChange w:id="900" w:author="Employer" w:date="2026-01-01T00:00:00Z">'
                '<w:pPr><w:jc w:val="left"/></w:pPr></w:pPrChange>')
    original = (p(r("Recitals open the agreement.")) + p(r("Section one ends here."), ppr=sect + recorded)
                + p(r("Terms follow."), ppr='<w:jc w:val="both"/>' + recorded.replace("900", "901")))
    revised = (p(r("Recitals open the agreement."))
               + p(r("Terms follow."), ppr='<w:jc w:val="both"/>' + recorded.replace("900", "901")))
    red = Redline(tmp_path, dict(body=original), dict(body=revised))
    assert red.result.messages == []
    para = next(x for x in red.part().iter(w("p")) if "".join(x.itertext()) == "Section one ends here.")
    names = [etree.QName(c).localname for c in para.find(w("pPr"))]
    assert names == ["rPr", "sectPr", "pPrChange"], names
    assert para.find(f"{w('pPr')}/{w('rPr')}/{w('del')}") is not None
    assert oracles.validate_docx(red.path) == []
    assert oracles.pandoc_text(red.path, "reject") == oracles.pandoc_text(red.original, "reject")
    assert oracles.pandoc_text(red.path, "accept") == oracles.pandoc_text(red.revised, "accept")


# ---------------------------------------------------------------------------------------------- atoms
def test_tabs_fields_and_note_references_next_to_a_change_are_kept_whole(tmp_path):
    note = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
    original = (p(r("Name:\tJohn Smith")) + p(r("See page "), FIELD, r(" for details"))
                + p(r("Clause"), note, r(" text")))
    revised = p(r("Name:\tJane Smith")) + p(r("See page "), FIELD, r(" for more details")) + p(
        r("Clauses"), note, r(" text here"))
    red = Redline(tmp_path, dict(body=original, footnotes={1: p(r("A note."))}),
                  dict(body=revised, footnotes={1: p(r("A note."))}))
    red.check()
    root = red.part()
    atoms = list(root.iter(w("tab"), w("fldChar"), w("instrText"), w("footnoteReference")))
    assert len(atoms) == 1 + 4 + 1
    for atom in atoms:
        assert not inside(atom, "ins", "del"), etree.QName(atom).localname


def test_a_deleted_field_keeps_its_code_as_deleted_field_code(tmp_path):
    red = Redline(tmp_path, dict(body=p(r("keep")) + p(r("Page "), FIELD) + p(r("end"))),
                  dict(body=p(r("keep")) + p(r("end"))))
    red.check()
    root = red.part()
    assert list(root.iter(w("instrText"))) == []
    (code,) = root.iter(w("delInstrText"))
    assert inside(code, "del") and code.text == " PAGE "


# ---------------------------------------------------------------------------------------------- others' work
def test_an_edit_overlapping_another_authors_revision_is_skipped_with_a_message(tmp_path):
    theirs = f'<w:ins w:id="5" {BOB}>{r("quick")}</w:ins>'
    original = p(r("The "), theirs, r(" fox")) + p(r("Second paragraph stays and changes"))
    revised = p(r("The slow fox")) + p(r("Second paragraph stays and moves"))
    before = c14n(etree.fromstring(f'<x xmlns:w="{oracles.W}">{original}</x>')[0])
    red = Redline(tmp_path, dict(body=original), dict(body=revised))
    assert len(red.result.messages) == 1 and "skipped" in red.result.messages[0].text
    body = red.part().find(w("body"))
    first = body.find(w("p"))
    for attr in list(first.attrib):
        del first.attrib[attr]
    assert c14n(first) == before  # not applied half-way
    assert [("".join(x.itertext())) for x in ours(body, "ins")] == ["moves"]
    assert oracles.lint_revisions(red.path) == []


def test_another_authors_revisions_are_kept_as_they_were(tmp_path):
    theirs = (f'<w:ins w:id="5" {BOB}>{r("inserted by Bob ")}</w:ins>'
              f'<w:del w:id="6" {BOB}><w:r><w:delText>deleted by Bob </w:delText></w:r></w:del>')
    red = Redline(tmp_path, dict(body=p(r("Start "), theirs, r("and the end."))),
                  dict(body=p(r("Start "), theirs, r("and the new end."))))
    red.check()
    bobs = [c14n(el) for el in red.part().iter(w("ins"), w("del")) if el.get(w("author")) == "Bob"]
    assert bobs == [c14n(el) for el in etree.fromstring(
        f'<x xmlns:w="{oracles.W}">{theirs}</x>')]


def test_bookmarks_hyperlinks_and_content_controls_outside_the_edit_are_untouched(tmp_path):
    bookmark = '<w:bookmarkStart w:id="3" w:name="parties"/>' + r("the Parties") + '<w:bookmarkEnd w:id="3"/>'
    link = '<w:hyperlink w:anchor="parties">' + r("see above") + "</w:hyperlink>"
    control = ('<w:sdt><w:sdtPr><w:alias w:val="Employer"/><w:id w:val="42"/></w:sdtPr><w:sdtContent>'
               + r("ACME Health") + "</w:sdtContent></w:sdt>")
    original = p(bookmark, r(" agree ("), link, r(") that "), control, r(" pays sixty days."))
    revised = p(bookmark, r(" agree ("), link, r(") that "), control, r(" pays ninety days."))
    red = Redline(tmp_path, dict(body=original), dict(body=revised))
    red.check()
    root = red.part()
    source = etree.fromstring(f'<x xmlns:w="{oracles.W}">{original}</x>')[0]
    for tag in ("hyperlink", "sdt", "bookmarkStart", "bookmarkEnd"):
        assert [c14n(x) for x in root.iter(w(tag))] == [c14n(x) for x in source.iter(w(tag))], tag
    assert [("".join(x.itertext())) for x in ours(root, "ins")] == ["ninety"]


# ---------------------------------------------------------------------------------------------- LibreOffice
def test_an_insertion_ending_a_paragraph_is_kept_apart_from_one_starting_the_next(tmp_path):
    """LibreOffice would join them into one change, the paragraph mark between them included."""
    red = Redline(tmp_path, dict(body=p(r("section with header")) + p(r("Second para")) + p(r("end"))),
                  dict(body=p(r("section with header alpha")) + p(r("New words Second para")) + p(r("end"))))
    red.check()
    first = red.part().find(w("body")).find(w("p"))
    assert first[-1].tag == w("del") and "".join(first[-1].itertext()) == "header"
    assert "".join(first[-2].itertext()) == "header alpha"


@pytest.mark.slow
def test_libreoffice_reads_paragraph_changes_as_word_does(tmp_path, libreoffice):
    numbered = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    cases = [
        (p(r("section with header")) + p(r("Second")) + p(r("end")),
         p(r("section with header alpha")) + p(r("New words Second")) + p(r("end"))),
        (p(r("Definitions"), ppr='<w:pStyle w:val="Heading1"/>') + p(r("Body")),
         p(r("Definitions notably"), ppr='<w:pStyle w:val="Heading1"/>') + p(r("A new paragraph.")) + p(r("Body"))),
        (p(r("c"), ppr=numbered) + p(), p(r("c"), ppr=numbered) + p(r("inserted"), ppr=numbered) + p()),
        (p('<w:r><w:t>Symbol </w:t><w:sym w:font="Wingdings" w:char="F03A"/></w:r>'),
         p('<w:r><w:t>Symbol Zebra </w:t><w:sym w:font="Wingdings" w:char="F03A"/></w:r>')),
        (p('<w:r><w:t> alpha beta gamma </w:t></w:r>'), p('<w:r><w:t> alpha delta gamma </w:t></w:r>')),
    ]
    paths = []
    for n, (original, revised) in enumerate(cases):
        folder = tmp_path / str(n)
        folder.mkdir()
        red = Redline(folder, dict(body=original), dict(body=revised))
        red.check()
        paths += [red.path, red.original, red.revised]
    texts = oracles.lo_texts_many(paths)
    for n in range(len(cases)):
        got, original, revised = texts[3 * n:3 * n + 3]
        assert got["accept"] == revised["accept"], n
        assert got["reject"] == original["reject"], n


# ---------------------------------------------------------------------------------------------- inserted sections
def _insert_after_first(tmp_path, body: str, caption: str, text: str):
    """(the original, the document with a bold-captioned section inserted after its first paragraph, modelled on
    it)."""
    from twins import make_docx
    from counterdraft.models import ParagraphRef
    from counterdraft.wordml.editor import Editor

    src = make_docx(tmp_path / "original.docx", body=body)
    pkg = Package.open(src)
    ref = ParagraphRef(part="word/document.xml", index=0)
    Editor(pkg, "Dana", "2026-01-01T00:00:00Z").insert_after(ref, [(caption, text, ref, False, True)])
    out = tmp_path / "out.docx"
    pkg.save(out)
    return src, out


def test_an_inserted_section_takes_the_body_text_format_not_an_underlined_caption(tmp_path):
    """Common Paper's contractor agreement (audit): a subsection captioned "Taxes." in an underlined run, not bold,
    was the model of our CME text, and the whole inserted paragraph came out underlined."""
    src, out = _insert_after_first(tmp_path, p(r("Taxes.", '<w:b w:val="0"/><w:u w:val="single"/>'),
                                                r(" Contractor pays its own taxes on every fee.", "<w:i/>")),
                                   "2A. Education.", "Company shall pay for courses.")
    runs = {t.text.strip(): t.getparent().find(w("rPr")) for t in Package.open(out).part("word/document.xml")
            .iter(w("t")) if t.text and t.getparent().getparent().tag == w("ins")}
    body, caption = runs["Company shall pay for courses."], runs["2A. Education."]
    assert body.find(w("u")) is None and body.find(w("i")) is not None
    assert caption.find(w("b")) is not None and caption.find(w("b")).get(w("val")) is None  # bold, not "not bold"
    assert oracles.pandoc_text(out, "reject") == oracles.pandoc_text(src, "reject")


LINK = '<w:rStyle w:val="Hyperlink"/><w:color w:val="0563C1"/><w:u w:val="single"/><w:sz w:val="21"/>'


@pytest.mark.parametrize("model, size", [
    # Clef's benefits list (held-out-8): each item is one link, and our CME clause inserted after one came out in
    # the link's style, blue and underlined, though it links nowhere; it keeps the item's size
    (f'<w:hyperlink w:anchor="perks">{r("Continuing education stipend for conferences", LINK)}</w:hyperlink>', "21"),
    # text beside a longer link takes the text's format, not the link's
    (r("Benefits are listed in ", '<w:sz w:val="20"/>')
     + f'<w:hyperlink w:anchor="perks">{r("the employee handbook on the intranet site", LINK)}</w:hyperlink>', "20"),
])
def test_an_inserted_section_never_looks_like_a_link(tmp_path, model, size):
    src, out = _insert_after_first(tmp_path, p(model), "Education.", "Employer shall pay for courses.")
    new = [t.getparent() for t in Package.open(out).part("word/document.xml").iter(w("t"))
           if t.getparent().getparent().tag == w("ins")]
    assert ["".join(x.itertext()) for x in new] == ["Education. ", "Employer shall pay for courses."]
    for run in new:
        rpr = run.find(w("rPr"))
        assert [c.tag for c in rpr if c.tag in (w("rStyle"), w("color"), w("u"))] == []
        assert rpr.find(w("sz")).get(w("val")) == size
    assert new[0].find(f"{w('rPr')}/{w('b')}") is not None
    assert oracles.pandoc_text(out, "reject") == oracles.pandoc_text(src, "reject")


def test_properties_copied_for_a_new_paragraph_come_in_the_schemas_order(tmp_path):
    """pandoc 2.17 writes w:numPr before w:pStyle (held-out-8's GitLab B.V. contract); a clause inserted after such
    a paragraph copied that order into its own properties and into the w:pPrChange it records, two schema errors
    the contract did not have."""
    from twins import make_docx
    from counterdraft.models import ParagraphRef
    from counterdraft.wordml.editor import Editor
    from counterdraft.wordml.schema import PPR_ORDER

    src = make_docx(tmp_path / "original.docx", body=p(r("Overtime is inherent to the job."),
                                                       ppr='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
                                                           '<w:pStyle w:val="ListNumber"/>')
                    + p(r("Salary is paid monthly."), ppr='<w:jc w:val="both"/><w:pStyle w:val="BodyText"/>'))
    ref, model = (ParagraphRef(part="word/document.xml", index=i) for i in (0, 1))
    pkg = Package.open(src)
    Editor(pkg, "Dana", "2026-01-01T00:00:00Z").insert_after(
        ref, [("Call.", "After-hours work is paid at an agreed rate.", model, False, True)])
    out = tmp_path / "out.docx"
    pkg.save(out)
    doc = Package.open(out).part("word/document.xml")
    new = [q for q in doc.iter(w("p")) if q.find(w("ins")) is not None and q.find(w("r")) is None]
    recorded = [ppr for ppr in doc.iter(w("pPr")) if ppr.getparent().tag == w("pPrChange")]
    written = [q.find(w("pPr")) for q in new] + recorded
    assert new and recorded and None not in written
    for ppr in written:
        names = [etree.QName(c).localname for c in ppr]
        assert names == sorted(names, key=PPR_ORDER.index), names
    assert len(oracles.validate_docx(out)) <= len(oracles.validate_docx(src))
    assert oracles.pandoc_text(out, "reject") == oracles.pandoc_text(src, "reject")
