"""Accept-all / reject-all of tracked changes (counterdraft.wordml.resolve).

Corpus checks judge our output with readers that share no code with counterdraft: pandoc (plain text of our
saved file against the labelled expected file, or against pandoc's own --track-changes reading) and a direct
w:t-per-paragraph extraction. Synthetic checks pin each kind of revision on a small hand-written tree.
"""
from __future__ import annotations

import csv
import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from counterdraft.wordml.ns import W_NS, w
from counterdraft.wordml.package import Package
from counterdraft.wordml.resolve import accept_package, accept_tree, reject_package, reject_tree

SHARED = Path(__file__).resolve().parents[2] / "shared"
DOCX = SHARED / "corpus" / "docx"
POWERTOOLS = DOCX / "powertools"
TRIPLES = SHARED / "corpus" / "labels" / "powertools_revision_accept_reject_triples.tsv"
NO_SHARED = f"needs the shared/ corpus beside the repository ({SHARED}): not found"

RESOLVE = {"accept": accept_package, "reject": reject_package}

#: Every element that records a revision; none may survive accept-all or reject-all.
REVISION_TAGS = [w(t) for t in (
    "ins", "del", "moveFrom", "moveTo", "cellIns", "cellDel", "cellMerge", "delText", "delInstrText",
    "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblGridChange", "tcPrChange", "trPrChange",
    "tblPrExChange", "numberingChange",
    "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
    "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart", "customXmlDelRangeEnd",
    "customXmlMoveFromRangeStart", "customXmlMoveFromRangeEnd", "customXmlMoveToRangeStart",
    "customXmlMoveToRangeEnd")]


# ---------------------------------------------------------------------------------------------- readers
@pytest.fixture(scope="session")
def pandoc() -> str:
    """pypandoc-binary's pandoc (the test extra) if importable, else Debian's /usr/bin/pandoc."""
    try:
        import pypandoc
        path = pypandoc.get_pandoc_path()
        if path and Path(path).is_file():
            return str(path)
    except (ImportError, OSError):
        pass
    if Path("/usr/bin/pandoc").is_file():
        return "/usr/bin/pandoc"
    pytest.skip("no pandoc: install the test extra (pypandoc-binary) or Debian's pandoc package")


def pandoc_lines(pandoc: str, path: Path, *options: str) -> list[str]:
    """pandoc's plain text, whitespace collapsed, empty lines dropped."""
    done = subprocess.run([pandoc, "-f", "docx", "-t", "plain", "--wrap=none", *options, str(path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"pandoc failed on {path}: {done.stderr}"
    return [" ".join(line.split()) for line in done.stdout.splitlines() if line.strip()]


def own_paragraphs(path: Path) -> list[str]:
    """The w:t text of every paragraph of every story, each w:t counted in its innermost paragraph."""
    pkg = Package.open(path)
    texts = []
    for name in pkg.story_parts():
        for p in pkg.part(name).iter(w("p")):
            texts.append("".join(t.text or "" for t in p.iter(w("t")) if next(t.iterancestors(w("p"))) is p))
    return texts


def resolved(src: Path, mode: str, folder: Path) -> Path:
    pkg = Package.open(src)
    RESOLVE[mode](pkg)
    out = folder / f"{src.stem}.{mode}.docx"
    pkg.save(out)
    return out


def leftover_revisions(path: Path) -> list[str]:
    pkg = Package.open(path)
    names = pkg.story_parts() + [n for n in pkg.names if re.fullmatch(r"word/comments\d*\.xml", n)]
    return [f"{name}: {etree.QName(el).localname}" for name in names for el in pkg.part(name).iter(*REVISION_TAGS)]


def _no_space(lines: list[str]) -> list[str]:
    return [re.sub(r"\s+", "", line) for line in lines]


# ---------------------------------------------------------------------------------------------- PowerTools triples
def _triples():
    if not TRIPLES.is_file():
        return [pytest.param(None, id="no-shared", marks=pytest.mark.skip(reason=NO_SHARED))]
    with TRIPLES.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [pytest.param(row, id=Path(row["with_revisions"]).stem) for row in rows]


#: PowerTools, which wrote the expected files (their changed parts carry the Open XML SDK's save time, not
#: Word's 1980 stamp), leaves an empty paragraph where a paragraph moved *with its mark* used to be (accept)
#: or was moved to (reject). Word and LibreOffice remove that paragraph, as its mark moved too, and so do we:
#: for these files only the expected file's empty paragraphs are set aside. Its texts still must match.
EMPTY_PARAGRAPH_LEFT_BY_POWERTOOLS = {"RP015-MoveFrom-MoveTo"}


@pytest.mark.parametrize("mode", ["accept", "reject"])
@pytest.mark.parametrize("triple", _triples())
def test_powertools_triple(triple, mode, pandoc, tmp_path):
    src = POWERTOOLS / triple["with_revisions"]
    expected = POWERTOOLS / triple["accepted_expected" if mode == "accept" else "rejected_expected"]
    out = resolved(src, mode, tmp_path)

    assert leftover_revisions(out) == []
    # pandoc reads both files plainly: nothing is tracked in either any more.
    assert pandoc_lines(pandoc, out) == pandoc_lines(pandoc, expected)
    ours, theirs = own_paragraphs(out), own_paragraphs(expected)
    if src.stem in EMPTY_PARAGRAPH_LEFT_BY_POWERTOOLS:
        theirs = [t for t in theirs if t]
    assert ours == theirs


# ---------------------------------------------------------------------------------------------- pandoc's own reading
def _pandoc_corpus():
    files = sorted((DOCX / "pandoc").glob("track_changes_*.docx")) + [
        DOCX / "pandoc" / "paragraph_insertion_deletion.docx", DOCX / "docxodus" / "RevisionTracking.docx"]
    if not all(f.is_file() for f in files) or len(files) < 3:
        return [pytest.param(None, id="no-shared", marks=pytest.mark.skip(reason=NO_SHARED))]
    return [pytest.param(f, id=f.stem) for f in files]


def _has_paragraph_mark_revisions(path: Path) -> bool:
    pkg = Package.open(path)
    return any(el.getparent().tag == w("rPr") and el.getparent().getparent().tag == w("pPr")
               for name in pkg.story_parts()
               for el in pkg.part(name).iter(w("ins"), w("del"), w("moveFrom"), w("moveTo")))


@pytest.mark.parametrize("mode", ["accept", "reject"])
@pytest.mark.parametrize("src", _pandoc_corpus())
def test_pandoc_reads_the_same_as_its_track_changes(src, mode, pandoc, tmp_path):
    out = resolved(src, mode, tmp_path)
    assert leftover_revisions(out) == []
    ours = pandoc_lines(pandoc, out)
    theirs = pandoc_lines(pandoc, src, f"--track-changes={mode}")
    # pandoc keeps a deleted table row as an empty row (RevisionTracking.docx, accept); dropping empty lines
    # makes that row vanish from both readings alike.
    if ours != theirs:
        # Where pandoc drops a paragraph mark it joins the two paragraphs' texts with a space (its docx reader
        # does `prevParaIls <> space`); Word, LibreOffice and PowerTools' expected files (RP005, RP025) join
        # them as they are. So for documents with paragraph-mark revisions only the words must agree; the
        # exact join is pinned by test_paragraph_mark_join_adds_no_space.
        assert _has_paragraph_mark_revisions(src), (ours, theirs)
        assert _no_space(ours) == _no_space(theirs)


def test_paragraph_mark_join_adds_no_space(tmp_path):
    src = DOCX / "pandoc" / "paragraph_insertion_deletion.docx"
    if not src.is_file():
        pytest.skip(NO_SHARED)
    # "This is a" (inserted mark) / " split" (deleted mark) / "Paragraph."; LibreOffice's accept-all and
    # reject-all give these same paragraphs.
    assert own_paragraphs(resolved(src, "accept", tmp_path)) == ["This is a", " splitParagraph."]
    assert own_paragraphs(resolved(src, "reject", tmp_path)) == ["This is a split", "Paragraph."]


# ---------------------------------------------------------------------------------------------- synthetic trees
NSMAP = {"w": W_NS}
REV = 'w:id="{}" w:author="A" w:date="2024-01-01T00:00:00Z"'


def tree(body: str) -> etree._Element:
    n = iter(range(1, 10_000))
    body = re.sub(r"\{REV\}", lambda _: REV.format(next(n)), body)
    return etree.fromstring(f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>')


def paras(root: etree._Element) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(w("t"))) for p in root.iter(w("p"))]


def both(body: str):
    a, r = tree(body), tree(body)
    accept_tree(a)
    reject_tree(r)
    for root in (a, r):
        assert not list(root.iter(*REVISION_TAGS)), etree.tostring(root)
    return a, r


def xp(root: etree._Element, path: str) -> list:
    return root.xpath(path, namespaces=NSMAP)


def test_runs_inserted_deleted_and_nested():
    a, r = both('<w:p><w:r><w:t>keep </w:t></w:r>'
                '<w:ins {REV}><w:r><w:t>new </w:t></w:r><w:del {REV}><w:r><w:delText>fleeting </w:delText>'
                '</w:r></w:del></w:ins>'
                '<w:del {REV}><w:r><w:delText>old</w:delText></w:r></w:del></w:p>')
    assert paras(a) == ["keep new "]
    assert paras(r) == ["keep old"]
    assert xp(r, "//w:t[.='old']")


def test_deleted_field_code_is_restored_as_instr_text_and_dropped_on_accept():
    body = ('<w:p><w:del {REV}><w:r><w:fldChar w:fldCharType="begin"/></w:r></w:del>'
            '<w:r><w:instrText> DATE </w:instrText></w:r>'  # Word sometimes leaves the code unwrapped
            '<w:del {REV}><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:delText>today</w:delText></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:del><w:r><w:t>!</w:t></w:r></w:p>')
    a, r = both(body)
    assert not xp(a, "//w:instrText | //w:fldChar") and paras(a) == ["!"]
    assert [e.text for e in xp(r, "//w:instrText")] == [" DATE "] and paras(r) == ["today!"]
    assert len(xp(r, "//w:fldChar")) == 3


def test_deleted_paragraph_mark_merges_into_next_which_keeps_its_properties():
    a, r = both('<w:p><w:pPr><w:jc w:val="center"/><w:rPr><w:del {REV}/></w:rPr></w:pPr>'
                '<w:r><w:t>one </w:t></w:r></w:p>'
                '<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t>two</w:t></w:r></w:p>')
    assert paras(a) == ["one two"]
    assert [e.get(w("val")) for e in xp(a, "//w:jc")] == ["right"]
    assert paras(r) == ["one ", "two"]
    assert [e.get(w("val")) for e in xp(r, "//w:jc")] == ["center", "right"]


def test_inserted_empty_paragraph_disappears_on_reject():
    a, r = both('<w:p><w:r><w:t>a</w:t></w:r></w:p>'
                '<w:p><w:pPr><w:rPr><w:ins {REV}/></w:rPr></w:pPr><w:ins {REV}><w:r><w:t>new</w:t></w:r></w:ins></w:p>'
                '<w:p><w:r><w:t>b</w:t></w:r></w:p><w:sectPr/>')
    assert paras(a) == ["a", "new", "b"]
    assert paras(r) == ["a", "b"]


def test_paragraph_mark_never_merges_across_cells_or_tables():
    cell = '<w:tc><w:p><w:pPr><w:rPr><w:del {REV}/></w:rPr></w:pPr>RUNS</w:p></w:tc>'
    a, _ = both('<w:tbl><w:tr>' + cell.replace('RUNS', '<w:r><w:t>left</w:t></w:r>') + cell.replace('RUNS', '')
                + '</w:tr></w:tbl>'
                '<w:p><w:pPr><w:rPr><w:del {REV}/></w:rPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>'
                '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>y</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>')
    assert [paras(tc) for tc in a.iter(w("tc"))] == [["left"], [""], ["y"]]  # an empty cell keeps a paragraph
    assert paras(a) == ["left", "", "x", "y", ""]


def test_property_changes_accept_drops_reject_restores():
    body = ('<w:p><w:pPr><w:jc w:val="center"/><w:rPr><w:b/></w:rPr><w:sectPr><w:headerReference w:type="default" '
            'r:id="rId1" xmlns:r="urn:r"/><w:pgSz w:w="100"/><w:sectPrChange {REV}><w:sectPr><w:pgSz w:w="50"/>'
            '</w:sectPr></w:sectPrChange></w:sectPr><w:pPrChange {REV}><w:pPr><w:jc w:val="left"/></w:pPr>'
            '</w:pPrChange></w:pPr><w:r><w:rPr><w:i/><w:rPrChange {REV}><w:rPr><w:u w:val="single"/></w:rPr>'
            '</w:rPrChange></w:rPr><w:t>t</w:t></w:r></w:p>'
            '<w:tbl><w:tblPr><w:tblW w:w="5"/><w:tblPrChange {REV}><w:tblPr><w:tblW w:w="4"/></w:tblPr>'
            '</w:tblPrChange></w:tblPr><w:tblGrid><w:gridCol w:w="5"/><w:tblGridChange {REV}><w:tblGrid>'
            '<w:gridCol w:w="4"/></w:tblGrid></w:tblGridChange></w:tblGrid>'
            '<w:tr><w:tblPrEx><w:jc w:val="center"/><w:tblPrExChange {REV}><w:tblPrEx/></w:tblPrExChange></w:tblPrEx>'
            '<w:trPr><w:trHeight w:val="9"/><w:trPrChange {REV}><w:trPr><w:trHeight w:val="8"/></w:trPr>'
            '</w:trPrChange></w:trPr><w:tc><w:tcPr><w:tcW w:w="5"/><w:tcPrChange {REV}><w:tcPr><w:tcW w:w="4"/>'
            '</w:tcPr></w:tcPrChange></w:tcPr><w:p/></w:tc></w:tr></w:tbl><w:p/>')
    a, r = both(body)
    vals = '//w:jc/@w:val | //w:pgSz/@w:w | //w:tblW/@w:w | //w:gridCol/@w:w | //w:trHeight/@w:val | //w:tcW/@w:w'
    assert xp(a, vals) == ["center", "100", "5", "5", "center", "9", "5"]
    assert xp(r, vals) == ["left", "50", "4", "4", "8", "4"]
    # What the old copy does not record stays: the paragraph mark's w:rPr, the section's header reference.
    assert xp(r, "//w:pPr/w:rPr/w:b") and xp(r, "//w:sectPr/w:headerReference")
    assert [etree.QName(c).localname for c in xp(r, "//w:body/w:p[1]/w:pPr")[0]] == ["jc", "rPr", "sectPr"]
    assert xp(a, "//w:r/w:rPr/w:i") and not xp(a, "//w:u")
    assert xp(r, "//w:r/w:rPr/w:u") and not xp(r, "//w:r/w:rPr/w:i")


def test_rows_inserted_and_deleted_and_empty_table_removed():
    row = '<w:tr><w:trPr>{}</w:trPr><w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc></w:tr>'
    a, r = both('<w:tbl>' + row.format('', 'kept') + row.format('<w:del {REV}/>', 'gone-on-accept')
                + row.format('<w:ins {REV}/>', 'gone-on-reject') + '</w:tbl>'
                '<w:tbl>' + row.format('<w:ins {REV}/>', 'new table') + '</w:tbl><w:sectPr/>')
    assert paras(a) == ["kept", "gone-on-reject", "new table"]
    assert paras(r) == ["kept", "gone-on-accept", ""]  # the body still ends with a paragraph
    assert len(xp(r, "//w:tbl")) == 1 and xp(r, "//w:body/*[last()-1]")[0].tag == w("p")
    assert not xp(a, "//w:trPr[not(*)]")


def test_cells_inserted_and_deleted_keep_the_grid():
    cell = '<w:tc><w:tcPr><w:tcW w:w="1"/>{}</w:tcPr><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>'
    a, r = both('<w:tbl><w:tr>' + cell.format('', 'a') + cell.format('<w:cellDel {REV}/>', 'b')
                + cell.format('<w:cellIns {REV}/>', 'c') + '</w:tr></w:tbl><w:p/>')
    assert paras(a) == ["a", "c", ""] and xp(a, "//w:tc[1]/w:tcPr/w:gridSpan/@w:val") == ["2"]
    assert paras(r) == ["a", "b", ""] and xp(r, "//w:tc[2]/w:tcPr/w:gridSpan/@w:val") == ["2"]
    # w:gridSpan sits where the schema puts it: after w:tcW.
    assert [etree.QName(c).localname for c in xp(a, "//w:tc[1]/w:tcPr")[0]] == ["tcW", "gridSpan"]


def test_vertical_merge_revision():
    a, r = both('<w:tbl><w:tr><w:tc><w:tcPr><w:cellMerge {REV} w:vMerge="cont" w:vMergeOrig="rest"/></w:tcPr>'
                '<w:p/></w:tc></w:tr></w:tbl><w:p/>')
    assert xp(a, "//w:vMerge/@w:val") == ["continue"]
    assert xp(r, "//w:vMerge/@w:val") == ["restart"]


def test_moves_and_their_ranges():
    a, r = both('<w:p><w:moveFromRangeStart {REV} w:name="m"/><w:moveFrom {REV}><w:r><w:t>moved</w:t></w:r>'
                '</w:moveFrom><w:moveFromRangeEnd w:id="1"/><w:r><w:t>stay</w:t></w:r></w:p>'
                '<w:p><w:moveToRangeStart {REV} w:name="m"/><w:moveTo {REV}><w:r><w:t>moved</w:t></w:r></w:moveTo>'
                '<w:moveToRangeEnd w:id="3"/></w:p>')
    assert paras(a) == ["stay", "moved"]
    assert paras(r) == ["movedstay", ""]


def test_table_moved_whole_goes_with_the_vanishing_side():
    tbl = '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
    a, r = both('<w:moveFromRangeStart {REV} w:name="m"/>' + tbl.format("from") + '<w:moveFromRangeEnd w:id="1"/>'
                '<w:p/><w:moveToRangeStart {REV} w:name="m"/>' + tbl.format("to") + '<w:moveToRangeEnd w:id="2"/>'
                '<w:p/>')
    assert paras(a) == ["", "to", ""]
    assert paras(r) == ["from", "", ""]


def test_custom_xml_and_content_control_markup_revisions():
    sdt = ('<w:customXml{k}RangeStart {REV}/><w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>{t}</w:t></w:r>'
           '</w:sdtContent></w:sdt><w:customXml{k}RangeEnd w:id="{i}"/>')
    a, r = both('<w:p>' + sdt.replace("{k}", "Del").replace("{t}", "d").replace("{i}", "1")
                + sdt.replace("{k}", "Ins").replace("{t}", "i").replace("{i}", "2") + '</w:p>')
    # The text stays either way; only the control whose markup vanishes is unwrapped.
    assert paras(a) == ["di"] and [xp(s, "string(.)") for s in xp(a, "//w:sdt")] == ["i"]
    assert paras(r) == ["di"] and [xp(s, "string(.)") for s in xp(r, "//w:sdt")] == ["d"]


def test_inserted_numbering_is_removed_on_reject():
    a, r = both('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/><w:ins {REV}/>'
                '<w:numberingChange {REV} w:original="1."/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>')
    assert xp(a, "//w:numPr/w:numId/@w:val") == ["1"]
    assert not xp(r, "//w:numPr")


def test_block_content_control_left_empty_by_a_merge_goes():
    a, _ = both('<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:pPr><w:rPr><w:del {REV}/></w:rPr></w:pPr>'
                '<w:r><w:t>a</w:t></w:r></w:p></w:sdtContent></w:sdt><w:p><w:r><w:t>b</w:t></w:r></w:p>')
    assert paras(a) == ["ab"] and not xp(a, "//w:sdt")


# ---------------------------------------------------------------------------------------------- packages
def _package(document: str, comments: str) -> Package:
    ct = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/></Types>')
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{}" '
            'Target="{}"/></Relationships>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels.format("officeDocument", "word/document.xml"))
        z.writestr("word/_rels/document.xml.rels", rels.format("comments", "comments.xml"))
        z.writestr("word/document.xml", document)
        z.writestr("word/comments.xml", comments)
    return Package.from_bytes(buf.getvalue())


@pytest.mark.parametrize("mode", ["accept", "reject"])
def test_package_resolves_document_and_comments(mode):
    doc = etree.tostring(tree('<w:p><w:ins {REV}><w:r><w:t>new</w:t></w:r></w:ins></w:p>'))
    comments = (f'<w:comments xmlns:w="{W_NS}"><w:comment w:id="0" w:author="A"><w:p>'
                f'<w:del w:id="5" w:author="A"><w:r><w:delText>old</w:delText></w:r></w:del></w:p></w:comment>'
                f'</w:comments>').encode()
    pkg = _package(doc.decode(), comments.decode())
    assert RESOLVE[mode](pkg) is None
    for name in ("word/document.xml", "word/comments.xml"):
        assert not list(pkg.part(name).iter(*REVISION_TAGS))
    assert paras(pkg.part("word/document.xml")) == (["new"] if mode == "accept" else [""])
    assert paras(pkg.part("word/comments.xml")) == ([""] if mode == "accept" else ["old"])
