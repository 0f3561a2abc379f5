"""The fast readings of plain paragraphs must read exactly as the full reader does, on documents written by others."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from counterdraft.errors import DocumentError
from counterdraft.wordml import read
from counterdraft.wordml.ns import W_NS, w
from counterdraft.wordml.package import Package
from counterdraft.wordml.paragraph import AtomTable, plain_runs, plain_text, read_paragraph

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "hybrid-offer.docx"


def _p(inner: str) -> etree._Element:
    return etree.fromstring(f'<w:p xmlns:w="{W_NS}">{inner}</w:p>')


def test_plain_paragraph_reads_its_runs():
    p = _p('<w:pPr><w:pStyle w:val="Body"/></w:pPr><w:proofErr w:type="spellStart"/>'
           '<w:r><w:rPr><w:b/></w:rPr><w:t>Term.</w:t></w:r><w:r><w:t xml:space="preserve"> Two years</w:t></w:r>'
           '<w:bookmarkStart w:id="0" w:name="x"/><w:r><w:lastRenderedPageBreak/><w:t>.</w:t></w:r>')
    assert plain_text(p) == "Term. Two years."
    assert [text for _run, text in plain_runs(p)] == ["Term.", " Two years", "."]


@pytest.mark.parametrize("inner", [
    '<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r>',  # an atom
    '<w:ins w:id="1" w:author="x"><w:r><w:t>a</w:t></w:r></w:ins>',  # someone's revision
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',  # a field
    '<w:hyperlink><w:r><w:t>a</w:t></w:r></w:hyperlink>',
])
def test_anything_but_plain_runs_takes_the_full_reader(inner):
    assert plain_runs(_p(inner)) is None


def test_whitespace_word_ignores_takes_the_full_reader_when_comparing():
    p = _p('<w:r><w:t>Term </w:t></w:r><w:r><w:t xml:space="preserve">two </w:t></w:r>')
    assert plain_text(p) is None  # "Term " without preserve: its space is not text to Word
    assert [text for _r, text in plain_runs(p)] == ["Term ", "two "]  # reading for matching keeps it


def _documents(corpus_docx) -> list[Package]:
    out = []
    for path in [SAMPLE, *corpus_docx]:
        try:
            out.append(Package.open(path))
        except DocumentError:
            continue
    return out


def test_plain_text_is_the_full_readers_text_on_every_corpus_paragraph(corpus_docx):
    fast = 0
    for pkg in _documents(corpus_docx):
        for name in pkg.story_parts():
            for p in pkg.part(name).iter(w("p")):
                text = plain_text(p)
                if text is not None:
                    fast += 1
                    assert text == read_paragraph(p, AtomTable(distinct=True)).text, (pkg.path, name)
    assert fast > 1000  # the fast path is the common one


def test_read_blocks_reads_the_same_with_and_without_the_fast_path(corpus_docx, monkeypatch):
    for pkg in _documents(corpus_docx):
        fast = read.read_blocks(pkg)
        with monkeypatch.context() as m:
            m.setattr(read, "plain_runs", lambda p, distinct=False: None)
            full = read.read_blocks(pkg)
        assert fast == full, pkg.path
