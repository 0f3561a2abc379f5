"""The HTML report: one <ins>/<del> per tracked change of the redline DOCX, comments beside their change, a findings
table, escaped text, nothing loaded from anywhere; and the same page as headless Chromium builds it.

Counting rule (docs/letters.md): every w:ins, w:del, w:moveTo and w:moveFrom of the document's stories (not of the
comments part) is exactly one HTML <ins> or <del>; those on a paragraph mark or table row carry class "mark".
The expected counts come from tests/oracles.revisions, which does not use counterdraft.
"""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from lxml import etree
from lxml import html as lhtml

import oracles
from counterdraft.cli import main
from counterdraft.models import ParagraphRef
from counterdraft.redline import redline
from counterdraft.report import report_html
from counterdraft.wordml.editor import Editor
from counterdraft.wordml.package import Package
from test_letter import write_vendor_case

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "hybrid-offer.docx"
PROFILE = ROOT / "samples" / "profile.yaml"
DATE = "2026-01-01T00:00:00Z"
CHROMIUM = Path("/usr/bin/chromium")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REVISION_KINDS = {"ins", "del", "moveTo", "moveFrom"}


def expected_revisions(docx_path: Path) -> list[dict]:
    """The tracked changes a reader of the document sees: every w:ins/w:del/move outside the comments part."""
    return [r for r in oracles.revisions(docx_path) if r["kind"] in REVISION_KINDS and "comments" not in r["part"]]


def marks(tree) -> list:
    return tree.xpath("//ins | //del")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    return redline(SAMPLE, PROFILE, out, date=DATE, html=True)


@pytest.fixture(scope="module")
def vendor(tmp_path_factory):
    folder = tmp_path_factory.mktemp("vendor-report")
    contract, profile = write_vendor_case(folder)
    return redline(contract, profile, folder / "out", date="2027-03-14T12:00:00Z", html=True)


@pytest.fixture(scope="module")
def page(sample):
    return lhtml.fromstring(sample.outputs["report"].read_bytes())


# ---------------------------------------------------------------------------------------------------------- counting
@pytest.mark.parametrize("case", ["sample", "vendor"])
def test_one_mark_per_tracked_change(case, request):
    run = request.getfixturevalue(case)
    tree = lhtml.fromstring(run.outputs["report"].read_bytes())
    want = expected_revisions(run.outputs["redline"])
    got = marks(tree)
    assert len(want) >= 10
    assert len(got) == len(want)
    assert [m.tag for m in got if "mark" not in m.classes] == \
        [("ins" if r["kind"] in ("ins", "moveTo") else "del") for r in want if r["scope"] == "content"]
    assert len([m for m in got if "mark" in m.classes]) == len([r for r in want if r["scope"] != "content"])


def test_marks_hold_the_inserted_and_deleted_text(sample, page):
    want = [r for r in expected_revisions(sample.outputs["redline"]) if r["scope"] == "content"]
    got = [m for m in marks(page) if "mark" not in m.classes]
    assert [squash(m.text_content()) for m in got] == [squash(r["text"]) for r in want]
    assert all(m.text_content() == "\u00b6" for m in marks(page) if "mark" in m.classes)


def test_marks_say_who_and_when(page):
    assert all(m.get("title").endswith("by Dana R. Whitfield, " + DATE) for m in marks(page))


# ---------------------------------------------------------------------------------------------------------- comments
def test_each_comment_is_beside_its_change(sample, page):
    comments = oracles.comments(sample.outputs["redline"])
    notes = page.xpath("//aside[@class='notes']/div[@class='note']")
    assert len(comments) == len(notes) == len(page.xpath("//sup[@class='cref']")) >= 5
    for c in comments:
        note = next(n for n in notes if squash(c["text"]) in squash(n.text_content()))
        row = note.getparent().getparent()
        number = note.get("id").removeprefix("note-")
        assert row.xpath(f".//div[@class='text']//sup[@class='cref']/a[@href='#note-{number}']"), c["text"][:40]
        # the text the comment is anchored on is in the same row, shown with its marks
        assert squash(c["anchor"])[:40] in squash(row.xpath("div[@class='text']")[0].text_content())


# ---------------------------------------------------------------------------------------------------------- summary
def test_findings_table_lists_every_finding(sample, page):
    rows = page.xpath("//table[contains(@class,'findings')]/tbody/tr")
    assert sorted(r.xpath("td")[0].text_content() for r in rows) == sorted(f.topic for f in sample.reviewed.review
                                                                           .findings)
    first = [r.xpath("td")[0].text_content() for r in page.xpath("(//table[contains(@class,'findings')])[1]/tbody/tr")]
    assert first[:len(sample.plan.edits)] == [e.topic for e in sample.plan.edits]  # what the counter-draft does first
    status = {r.xpath("td")[0].text_content(): r.xpath("td")[3].text_content() for r in rows}
    assert status["cme-allowance"] == "inserted in the redline"
    assert status["base-salary"] == "raised in the letter"
    assert status["confidentiality"] == "-"


def test_compensation_table_shows_the_draft(page):
    table = page.xpath("//table[contains(@class,'compensation')]")[0]
    text = table.text_content()
    assert "$224,000" in text and "$36,000" in text and "$290,000 to $310,000" in text


# ---------------------------------------------------------------------------------------------------------- safety
def test_self_contained(sample, page):
    raw = sample.outputs["report"].read_text()
    assert not page.xpath("//script | //link | //iframe | //img | //object | //embed | //*[@src]")
    assert all(a.get("href").startswith("#") for a in page.xpath("//a"))
    assert not re.search(r"https?://|url\(|@import", raw)
    csp = page.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert csp and "default-src 'none'" in csp[0]


def test_text_from_the_documents_is_escaped(tmp_path):
    document = docx.Document()
    document.add_paragraph("Plain terms & conditions.")
    path = tmp_path / "tricky.docx"
    document.save(path)
    pkg = Package.open(path)
    editor = Editor(pkg, 'Eve "<b>" O\'Hara', DATE)
    ref = ParagraphRef(index=0)
    made = editor.change(ref, "Plain terms & conditions.", "Plain <script>alert('x')</script> & conditions.")
    assert editor.comment(made.elements, "See <img src=x onerror=alert(1)> & \"this\"")
    html = report_html(pkg.to_bytes(), title="<title> & co")
    tree = lhtml.fromstring(html)
    assert not tree.xpath("//script | //img | //b")
    assert "<script>alert('x')</script>" in tree.xpath("//ins")[0].text_content()
    assert "<img src=x onerror=alert(1)>" in tree.xpath("//div[@class='note']")[0].text_content()
    assert tree.xpath("//ins")[0].get("title").startswith('inserted text by Eve "<b>" O\'Hara')
    assert tree.xpath("//title")[0].text_content() == "Counter-draft: <title> & co"


# ---------------------------------------------------------------------------------------------------------- odd markup
def _w(tag: str) -> str:
    return "{%s}%s" % (W, tag)


def _el(tag: str, attrs: dict | None = None, *children, text: str | None = None):
    el = etree.Element(_w(tag), {_w(k): v for k, v in (attrs or {}).items()})
    el.text = text
    for c in children:
        el.append(c)
    return el


def _run(text: str, deleted: bool = False):
    return _el("r", None, _el("delText" if deleted else "t", text=text))


def _rev(kind: str, rid: int, *children):
    return _el(kind, {"id": str(rid), "author": "A", "date": DATE}, *children)


def test_nested_moved_row_and_field_revisions_each_make_one_mark(tmp_path):
    document = docx.Document()
    document.add_paragraph("")
    document.add_paragraph("Moved from here.")
    document.add_paragraph("To here:")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "kept row"
    table.cell(1, 0).text = "new row"
    path = tmp_path / "odd.docx"
    document.save(path)
    pkg = Package.open(path)
    body = pkg.part("word/document.xml").find(_w("body"))
    p1, p2, p3 = body.findall(_w("p"))[:3]
    # inserted text holding a deletion by someone else, then a field (only its result shows) inside an insertion
    p1.append(_rev("ins", 101, _run("added "), _rev("del", 102, _run("and removed", True))))
    field = _rev("ins", 103, _el("r", None, _el("fldChar", {"fldCharType": "begin"})),
                 _el("r", None, _el("instrText", text=" PAGE ")),
                 _el("r", None, _el("fldChar", {"fldCharType": "separate"})), _run("7"),
                 _el("r", None, _el("fldChar", {"fldCharType": "end"})))
    p1.append(field)
    for r in p2.findall(_w("r")):
        p2.remove(r)
    p2.append(_rev("moveFrom", 104, _run("Moved from here.", True)))
    p3.append(_rev("moveTo", 105, _run(" Moved from here.")))
    tr = body.find(_w("tbl")).findall(_w("tr"))[1]
    trpr = tr.find(_w("trPr"))
    if trpr is None:
        trpr = _el("trPr")
        tr.insert(0 if tr.find(_w("tblPrEx")) is None else 1, trpr)
    trpr.append(_rev("ins", 106))
    ppr = p3.find(_w("pPr"))
    if ppr is None:
        ppr = _el("pPr")
        p3.insert(0, ppr)
    ppr.append(_el("rPr", None, _rev("del", 107)))
    out = tmp_path / "odd-revised.docx"
    pkg.save(out)

    tree = lhtml.fromstring(report_html(out.read_bytes(), title="odd"))
    got = marks(tree)
    assert len(got) == len(expected_revisions(out)) == 7
    assert [m.get("data-id") for m in got] == ["101", "102", "103", "104", "105", "107", "106"]
    by_id = {m.get("data-id"): m for m in got}
    assert by_id["101"].text_content() == "added and removed" and by_id["102"].tag == "del"
    assert by_id["103"].text_content() == "7"  # the field's code ( PAGE ) is not text
    assert "move" in by_id["104"].classes and by_id["104"].tag == "del" and by_id["105"].tag == "ins"
    assert "mark" in by_id["106"].classes and by_id["106"].text_content() == "\u2630"
    assert "mark" in by_id["107"].classes and by_id["107"].text_content() == "\u00b6"


def test_same_inputs_give_the_same_page(sample, tmp_path):
    again = redline(SAMPLE, PROFILE, tmp_path, date=DATE, html=True)
    assert again.outputs["report"].read_bytes() == sample.outputs["report"].read_bytes()


# ---------------------------------------------------------------------------------------------------------- CLI
def test_cli_html_writes_the_report(tmp_path):
    args = ["redline", str(SAMPLE), "--profile", str(PROFILE), "--out-dir", str(tmp_path), "--date", DATE]
    plain = CliRunner().invoke(main, args)
    assert plain.exit_code == 0 and not (tmp_path / "hybrid-offer.report.html").exists()
    result = CliRunner().invoke(main, args + ["--html", "--force"])
    assert result.exit_code == 0, result.output
    report = tmp_path / "hybrid-offer.report.html"
    assert f"wrote {report}" in result.output and report.read_text().startswith("<!DOCTYPE html>")


# ---------------------------------------------------------------------------------------------------------- Chromium
@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's chromium; skips without it, fails instead under COUNTERDRAFT_REQUIRE_ORACLES=1 (set by .ci/run)."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        reason = f"headless Chromium is not installed ({CHROMIUM} not found): apt-get install chromium"
        if os.environ.get("COUNTERDRAFT_REQUIRE_ORACLES") == "1":
            pytest.fail("COUNTERDRAFT_REQUIRE_ORACLES=1 but " + reason)
        pytest.skip(reason)
    return CHROMIUM


def dump_dom(chromium: Path, page: Path, tmp_path: Path) -> str:
    """The DOM as Chromium builds it from the file, with no network and a throwaway profile."""
    run = subprocess.run([str(chromium), "--headless", "--no-sandbox", "--disable-gpu",
                          "--disable-background-networking", "--disable-component-update", "--disable-sync",
                          "--no-first-run", f"--user-data-dir={tmp_path / 'chromium-profile'}", "--dump-dom",
                          page.resolve().as_uri()], capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "<html" in run.stdout, run.stderr[-2000:]
    return run.stdout


@pytest.mark.slow
@pytest.mark.parametrize("case", ["sample", "vendor"])
def test_chromium_shows_one_mark_per_tracked_change(case, request, chromium, tmp_path):
    run = request.getfixturevalue(case)
    dom = lhtml.fromstring(dump_dom(chromium, run.outputs["report"], tmp_path))
    want = expected_revisions(run.outputs["redline"])
    got = marks(dom)
    assert len(got) == len(want)
    assert len([m for m in got if m.tag == "ins"]) == len([r for r in want if r["kind"] in ("ins", "moveTo")])
    assert len([m for m in got if "mark" in m.classes]) == len([r for r in want if r["scope"] != "content"])
    rows = dom.xpath("//table[contains(@class,'findings')]/tbody/tr")
    assert len(rows) == len(run.reviewed.review.findings)
    assert len(dom.xpath("//div[@class='note']")) == len(oracles.comments(run.outputs["redline"]))
