"""The whole pipeline on the bundled sample, read back by independent readers."""
from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

import oracles
from counterdraft.cli import main
from counterdraft.loading import load_profile
from counterdraft.redline import redline

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "hybrid-offer.docx"
PROFILE = ROOT / "samples" / "profile.yaml"
DATE = "2026-01-01T00:00:00Z"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    before = sha(SAMPLE)
    result = redline(SAMPLE, PROFILE, out, date=DATE)
    assert sha(SAMPLE) == before, "the input was modified"
    return result


def document_xml(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("word/document.xml"))


def test_writes_every_output(run):
    assert sorted(p.name for p in run.outputs.values()) == sorted(
        f"hybrid-offer{s}" for s in (".redline.docx", ".clean.docx", ".plan.yaml", ".letter.docx", ".letter.md",
                                          ".email.txt", ".memo.md"))
    assert all(p.stat().st_size > 0 for p in run.outputs.values())


def test_pandoc_reject_all_gives_the_input_and_accept_all_the_clean_copy(run):
    red, clean = run.outputs["redline"], run.outputs["clean"]
    assert oracles.pandoc_text(red, "reject") == oracles.pandoc_text(SAMPLE, "accept")
    assert oracles.pandoc_text(red, "accept") == oracles.pandoc_text(clean, "accept")
    assert oracles.pandoc_text(red, "accept") != oracles.pandoc_text(SAMPLE, "accept")


def test_libreoffice_agrees(run, libreoffice):
    red, clean = run.outputs["redline"], run.outputs["clean"]
    got, original, cleaned = oracles.lo_texts_many([red, SAMPLE, clean])
    assert got["reject"] == original["accept"]
    assert got["accept"] == cleaned["accept"]


def test_schema_valid_and_structurally_sound(run):
    assert oracles.validate_docx(run.outputs["redline"]) == []
    assert oracles.lint_revisions(run.outputs["redline"]) == []
    assert oracles.validate_docx(run.outputs["clean"]) == []


def test_revisions_carry_author_and_date(run):
    revs = [r for r in oracles.revisions(run.outputs["redline"]) if r["kind"] in ("ins", "del")]
    assert len([r for r in revs if r["scope"] == "content"]) >= 5
    author = load_profile(PROFILE).physician.name
    assert {r["author"] for r in revs} == {author}
    assert {r["date"] for r in revs} == {DATE}


def test_one_comment_per_change_with_the_clause_rationale_and_one_per_conforming_note(run):
    comments = oracles.comments(run.outputs["redline"])
    assert len(comments) >= 5
    planned = {e.clause_id: e.comment for e in run.plan.edits}
    conforming = [n.comment for e in run.plan.edits for n in e.conforming]
    assert sorted(c["text"] for c in comments) == sorted([planned[i] for i in run.applied] + conforming)
    assert all(c["anchor"].strip() for c in comments)


def test_a_figure_the_redline_changes_is_flagged_where_the_contract_states_it_again(run):
    """Section 2 goes from 0.7 / 0.3 FTE to 0.5 / 0.5; the compensation table's "Clinical base salary (0.7 FTE)"
    and "Informatics stipend (0.3 FTE)" get a comment asking for the conforming change, and no text changes there:
    the amounts beside them are negotiated in the letter, never invented."""
    comments = {c["anchor"]: c["text"] for c in oracles.comments(run.outputs["redline"])
                if c["text"].startswith("Conforming change needed")}
    assert sorted(comments) == ["Clinical base salary (0.7 FTE)", "Informatics stipend (0.3 FTE)"]
    for text in comments.values():
        assert "Section 2 as revised changes the clinical FTE from 0.7 to 0.5 and the informatics FTE from 0.3 to " \
               "0.5" in text and "amount stated here stays as drafted" in text
    root = document_xml(run.outputs["redline"])
    for anchor in comments:
        cell = next(c for c in root.iter(f"{W}tc") if "".join(c.itertext()) == anchor)
        assert cell.find(f".//{W}commentRangeStart") is not None and cell.find(f".//{W}commentReference") is not None
        assert cell.find(f".//{W}ins") is None and cell.find(f".//{W}del") is None
    accepted = oracles.pandoc_text(run.outputs["redline"], "accept")
    assert "Clinical base salary (0.7 FTE) $224,000" in accepted.replace("\n", " ")
    assert any("'Clinical base salary (0.7 FTE)' in section '4. Compensation'" in m.text and m.level == "warning"
               for m in run.messages)


def test_conforming_comments_change_no_text(run, tmp_path):
    """The same plan without its conforming notes gives a redline whose accept-all and reject-all texts are the
    same: the notes only add comments."""
    from counterdraft.redline import apply
    from counterdraft.loading import dump_yaml

    bare = run.plan.model_copy(deep=True)
    for edit in bare.edits:
        edit.conforming = []
    plan_path = tmp_path / "bare.plan.yaml"
    plan_path.write_text(dump_yaml(bare.model_dump(mode="json")), encoding="utf-8")
    without = apply(SAMPLE, plan_path, tmp_path / "bare.redline.docx").outputs["redline"]
    assert len(oracles.comments(without)) == len(oracles.comments(run.outputs["redline"])) - 2
    for mode in ("accept", "reject"):
        assert oracles.pandoc_text(run.outputs["redline"], mode) == oracles.pandoc_text(without, mode)


def _termination_paragraph(path: Path) -> etree._Element:
    root = document_xml(path)
    return next(p for p in root.iter(f"{W}p") if "Termination Without Cause" in "".join(p.itertext()))


def test_a_notice_both_parties_give_stays_and_the_employers_follows_it(run):
    """The sample's 'sixty (60) days'' (bold) is either party's notice: it stays as drafted and bold, the
    physician's own, and only the employer's notice is inserted after it."""
    para = _termination_paragraph(run.outputs["redline"])
    assert [d for d in para.iter(f"{W}del")] == []
    assert ["".join(i.itertext()) for i in para.iter(f"{W}ins")] == [" (ninety (90) days where Employer gives it)"]
    bold = ["".join(r.itertext()) for r in para.iter(f"{W}r") if r.find(f"{W}rPr/{W}b") is not None]
    assert "sixty (60) days'" in bold


def test_termination_edit_is_word_level_and_bold_survives(tmp_path):
    """The sample with the employer's notice alone: 'sixty (60) days'' is bold inside the sentence, so only 'sixty'
    and '60' change, and both sides stay bold."""
    employer_only = tmp_path / "employer-only.docx"
    with zipfile.ZipFile(SAMPLE) as src, zipfile.ZipFile(employer_only, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"Either party may terminate this Agreement at any time without cause by giving "
                                    b"the other party ", b"Employer may terminate this Agreement at any time without "
                                                         b"cause by giving Physician ")
            dst.writestr(item, data)
    result = redline(employer_only, PROFILE, tmp_path / "out", date=DATE)
    para = _termination_paragraph(result.outputs["redline"])
    deleted = ["".join(d.itertext()) for d in para.iter(f"{W}del")]
    inserted = ["".join(i.itertext()) for i in para.iter(f"{W}ins")]
    assert deleted == ["sixty", "60"]
    assert inserted == ["ninety", "90"]
    for rev in list(para.iter(f"{W}del")) + list(para.iter(f"{W}ins")):
        for r in rev.iter(f"{W}r"):
            assert r.find(f"{W}rPr/{W}b") is not None, "an edit inside a bold run lost its bold"
    accepted = "".join(t.text or "" for t in para.iter(f"{W}t") if t.getparent().getparent().tag != f"{W}del")
    assert "ninety (90) days' prior written notice" in accepted or "ninety (90) days’ prior written notice" in \
        accepted


def test_missing_cme_clause_is_inserted_as_a_tracked_paragraph(run):
    edit = next(e for e in run.plan.edits if e.clause_id == "cme-allowance")
    assert edit.kind == "insert"
    accepted = oracles.pandoc_text(run.outputs["redline"], "accept")
    assert "Continuing Medical Education." in accepted and "$4,000" in accepted
    assert "Continuing Medical Education" not in oracles.pandoc_text(run.outputs["redline"], "reject")


def test_the_clean_copy_reviewed_again_meets_what_the_redline_wrote(run):
    """A second round: the employer accepts every change and the physician reviews the result. Every figure the
    redline wrote must read back as written, and each clause it inserted as meeting the asks; nothing may be sent to
    a "separate agreement" that is the contract itself (its title line once was, for severance)."""
    from counterdraft.library import load_library
    from counterdraft.review import review
    from counterdraft.wordml.package import Package
    from counterdraft.wordml.read import read_blocks

    profile = load_profile(PROFILE)
    library = load_library([])
    again = review(read_blocks(Package.open(run.outputs["clean"])), library, profile, "clean")
    compared = 0
    for edit in run.plan.edits:
        if edit.kind == "letter":
            continue
        finding = again.finding(edit.topic)
        assert finding.status == "found", edit.topic
        if edit.kind == "insert":
            assert finding.assessment == "ok", (edit.topic, finding.message)
        for name, value in edit.parameters.items():
            if name in library.get(edit.clause_id).extract:
                assert finding.parameters.get(name) == value, (edit.topic, name, finding.parameters)
                compared += 1
    # the notice of both parties with the employer's own in brackets, as the edit writes it, reads as the employer's
    assert again.finding("termination-without-cause").parameters["notice_days"] == 90 and compared >= 7
    assert not any("separate agreement" in f.message for f in again.review.findings)


def test_clean_copy_has_no_revisions_or_comments(run):
    with zipfile.ZipFile(run.outputs["clean"]) as z:
        xml = z.read("word/document.xml").decode()
        assert "<w:ins " not in xml and "<w:del " not in xml and "commentReference" not in xml


def test_letter_asks_in_priority_order_with_the_profile_numbers(run):
    md = run.outputs["letter_md"].read_text()
    assert "{{" not in md and "{%" not in md
    requests = re.findall(r"^\d+\. \*\*(.+?)\.\*\*", md, re.M)
    profile = load_profile(PROFILE)
    titles = {e.clause_id: e.title for e in run.plan.edits}
    expected = [titles[t] for t in profile.priorities]
    assert requests[:len(expected)] == expected
    for needle in ("90 days", "$4,000", "5 paid days", "12 months and 10 miles", "0.5 FTE clinical and 0.5 FTE "
                   "informatics", "$290,000 to $310,000", "2 remote days per week"):
        assert needle in md, needle
    docx_text = oracles.pandoc_text(run.outputs["letter_docx"])
    for line in re.findall(r"^\d+\. (.+)$", md, re.M):
        assert line.replace("**", "") in docx_text


def test_same_inputs_give_the_same_bytes(run, tmp_path):
    again = redline(SAMPLE, PROFILE, tmp_path, date=DATE)
    for key, path in run.outputs.items():
        assert path.read_bytes() == again.outputs[key].read_bytes(), key


def test_cli_redline_prints_a_summary_and_refuses_to_overwrite(tmp_path):
    runner = CliRunner()
    args = ["redline", str(SAMPLE), "--profile", str(PROFILE), "--out-dir", str(tmp_path), "--date", DATE,
            "--author", "Jordan Counsel"]
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    assert "termination-without-cause" in first.output and "inserted after section '5. Benefits'" in first.output
    revs = oracles.revisions(tmp_path / "hybrid-offer.redline.docx")
    assert {r["author"] for r in revs} == {"Jordan Counsel"}
    second = runner.invoke(main, args)
    assert second.exit_code == 2
    assert "already exists" in second.output and "--force" in second.output
    assert runner.invoke(main, args + ["--force"]).exit_code == 0


def test_an_inserted_section_after_separate_bold_headings_has_a_bold_heading(tmp_path):
    """Where the contract heads its sections with paragraphs of their own, all bold, the inserted section's heading
    paragraph is bold like them, and its text is set like the contract's body text."""
    import docx

    d = docx.Document()
    for heading, body in [("1. Position and Duties", "Physician shall provide clinical services at 1.0 FTE and "
                                                     "perform such other duties as may be assigned by Employer."),
                          ("2. Compensation", "Employer shall pay Physician a base salary of $250,000 per year.")]:
        d.add_paragraph().add_run(heading).bold = True
        d.add_paragraph(body)
    contract = tmp_path / "headed.docx"
    d.save(str(contract))
    result = redline(contract, PROFILE, tmp_path / "out", date=DATE)
    root = document_xml(result.outputs["redline"])
    inserted = [p for p in root.iter(f"{W}p") if p.find(f"{W}ins") is not None and
                "".join(t.text for t in p.iter(f"{W}t")).startswith("1A. Remote Work")]
    assert len(inserted) == 1
    runs = list(inserted[0].iter(f"{W}r"))
    assert runs and all(r.find(f"{W}rPr/{W}b") is not None for r in runs)
    text = inserted[0].getnext()
    assert "remote" in "".join(t.text for t in text.iter(f"{W}t")).lower()
    assert all(r.find(f"{W}rPr/{W}b") is None for r in text.iter(f"{W}r"))


@pytest.mark.parametrize("bold", [False, True])
def test_an_inserted_clause_takes_the_letters_own_caption_format(tmp_path, bold):
    """A letter whose paragraphs open with captions typed in their text's format ("Remote Work. Given ...") gets
    ours so too, not in bold; a bold one stood out from the letter's own, and a second review took it for the
    heading of every paragraph after it (ph2: "Continuing Medical Education" held "Remote Work." and "Benefits.", and
    the for-cause clause was matched there, its 45-day cure read as none). Bold captions stay bold."""
    import docx

    from counterdraft.library import load_library
    from counterdraft.review import review
    from counterdraft.wordml.package import Package
    from counterdraft.wordml.read import read_blocks

    d = docx.Document()
    d.add_paragraph("Dear Dr. Rivera,")
    for caption, text in [
            ("Position.", "We are pleased to offer you the position of Associate CMIO at 0.6 clinical FTE."),
            ("Nature of Employment.", "Your employment is at will, which means that either you or NUH may end it at "
                                      "any time, for any reason. NUH may end your employment immediately for serious "
                                      "misconduct or for a material violation of NUH's privacy policies."),
            ("Professional Development.", "You will receive an annual professional development allowance of $5,000."),
            ("Remote Work.", "You may perform informatics duties remotely up to two days per week."),
            ("Benefits.", "You will be eligible for the benefits offered to faculty of the School.")]:
        paragraph = d.add_paragraph()
        paragraph.add_run(caption).bold = bold or None
        paragraph.add_run(" " + text)
    d.add_paragraph("Sincerely,")
    contract = tmp_path / "letter.docx"
    d.save(str(contract))
    profile = ROOT / "samples" / "profile-hospitalist.yaml"
    result = redline(contract, profile, tmp_path / "out", date=DATE)
    root = document_xml(result.outputs["redline"])
    inserted = [p for p in root.iter(f"{W}p") if p.find(f"{W}ins") is not None and
                "".join(t.text for t in p.iter(f"{W}t")).startswith("Termination for Cause.")]
    assert len(inserted) == 1
    caption = next(r for r in inserted[0].iter(f"{W}r") if "".join(t.text for t in r.iter(f"{W}t")).strip())
    assert "".join(t.text for t in caption.iter(f"{W}t")).startswith("Termination for Cause.")
    assert (caption.find(f"{W}rPr/{W}b") is not None) == bold
    again = review(read_blocks(Package.open(result.outputs["clean"])), load_library([]), load_profile(profile),
                   "clean")
    assert again.finding("remote-work").text.startswith("Remote Work.")  # a section of its own, as drafted


@pytest.mark.parametrize("form", ["plain", "bold"])
def test_ph3_keeps_the_tail_paragraph_its_survival_clause_cites(tmp_path, txt2docx, pandoc, form):
    """ph3 in the forms whose section 6 our malpractice clause replaced: "10.6 Survival. Sections 6.2, 8 and 9
    survive" was left citing a "6.2 Tail Coverage" that accept-all removed, and our clause asked $3,000,000 per
    claim, the annual aggregate misread as the draft's better per-claim limit. Accepted, the draft's 6.2 stays,
    ours follows it as 6A with the $2,000,000 asked for, and rejected, the draft is as it was."""
    source = ROOT / "eval" / "contracts" / "physician" / "ph3-group-practice.txt"
    contract = txt2docx.convert(source, tmp_path / "ph3.docx", form)
    result = redline(contract, ROOT / "samples" / "profile-hospitalist.yaml", tmp_path / "out", date=DATE)
    accepted = oracles.pandoc_text(result.outputs["redline"], "accept", strip_labels=False)
    assert "6.2 Tail Coverage." in accepted and "Sections 6.2, 8 and 9 survive" in accepted
    assert re.search(r"6A\. Professional Liability Insurance\.\s+The Practice shall provide, at its sole expense, "
                     r"professional liability insurance .{0,150}limits of at least \$2,000,000 per claim and "
                     r"\$6,000,000 in the annual aggregate", accepted)
    assert oracles.pandoc_text(result.outputs["redline"], "reject") == oracles.pandoc_text(contract, "accept")


def test_ph3_has_its_own_cme_figures_raised_in_place(tmp_path, txt2docx, pandoc):
    """ph3's "3.5 Expenses" (licence fees, dues, and up to $3,000 of CME with five business days): our whole clause
    went in after it as "3A. Continuing Medical Education", so that the clean copy stated two allowances. Accepted,
    its own figures are the ones asked for, in its own words, and say that they extend to informatics; rejected, the
    draft is as it was; reviewed again, the section meets every check."""
    from counterdraft.library import load_library
    from counterdraft.review import review
    from counterdraft.wordml.package import Package
    from counterdraft.wordml.read import read_blocks

    source = ROOT / "eval" / "contracts" / "physician" / "ph3-group-practice.txt"
    contract = txt2docx.convert(source, tmp_path / "ph3.docx", "headings")
    profile = ROOT / "samples" / "profile-hospitalist.yaml"
    result = redline(contract, profile, tmp_path / "out", date=DATE)
    accepted = oracles.pandoc_text(result.outputs["redline"], "accept")
    assert "The Practice shall reimburse Physician for up to Six Thousand Dollars ($6,000) each year of reasonable " \
           "continuing medical education expenses, and Physician may take seven (7) business days each year to " \
           "attend CME courses, in addition to vacation. This support extends to clinical informatics conferences" \
           in " ".join(accepted.split())
    assert "Continuing Medical Education" not in accepted
    assert oracles.pandoc_text(result.outputs["redline"], "reject") == oracles.pandoc_text(contract, "accept")
    again = review(read_blocks(Package.open(result.outputs["clean"])), load_library([]), load_profile(profile),
                   "clean")
    cme = again.finding("cme-allowance")
    assert cme.assessment == "ok" and cme.parameters == {"amount_usd": 6000, "conference_days": 7}


@pytest.mark.parametrize("source, kept", [
    ("ph2-amc-informatics-offer.txt", "Your clinical after-hours obligations will be limited to your share of the "
                                      "Division's telephone call for its outpatient panel, currently one weekend in "
                                      "every ten"),
    ("ph3-group-practice.txt", "Physician shall share in the Practice's night, weekend and holiday call on an equal "
                               "basis with the other physicians in the general cardiology call pool"),
    ("ph4-medical-director-services.txt", "Contractor shall cause Dr. Haugen to provide an average of thirty-five (35) "
                                          "hours of Services per month"),
])
def test_the_physician_drafts_keep_their_clinical_call_and_hours_beside_our_call_clause(tmp_path, txt2docx, pandoc,
                                                                                       source, kept):
    """Accepted, the hospitalist redline had struck ph2's limit on clinical call, ph3's share of the cardiology
    call pool and ph4's monthly hours of services, each replaced by our informatics call terms: they stay, and ours
    follows; rejected, the draft is as it was."""
    contract = txt2docx.convert(ROOT / "eval" / "contracts" / "physician" / source, tmp_path / "c.docx", "headings")
    result = redline(contract, ROOT / "samples" / "profile-hospitalist.yaml", tmp_path / "out", date=DATE)
    accepted = " ".join(oracles.pandoc_text(result.outputs["redline"], "accept").split())
    assert kept in accepted
    assert re.search(r"shall not be assigned formal informatics call unless the parties agree in writing", accepted)
    assert oracles.pandoc_text(result.outputs["redline"], "reject") == oracles.pandoc_text(contract, "accept")


def test_an_fte_split_stated_after_its_names_is_edited_in_place(tmp_path, pandoc):
    """"with a clinical FTE of 0.7 and an informatics FTE of 0.3" was read as no split, so the letter asked for one
    as if the draft stated none, and nothing was edited. Accepted, the figures are the ones asked for; rejected, the
    draft is as it was; reviewed again, the split meets the asks."""
    import docx

    from counterdraft.library import load_library
    from counterdraft.review import review
    from counterdraft.wordml.package import Package
    from counterdraft.wordml.read import read_blocks

    d = docx.Document()
    for text in ["EMPLOYMENT AGREEMENT", "1. Position. Employer employs Physician as Physician Informaticist.",
                 "2. Effort. Physician shall work full time, with a clinical FTE of 0.7 and an informatics FTE of 0.3.",
                 "3. Compensation. Employer shall pay Physician a base salary of $300,000 per year."]:
        d.add_paragraph(text)
    d.save(str(tmp_path / "c.docx"))
    result = redline(tmp_path / "c.docx", PROFILE, tmp_path / "out", date=DATE)
    (edit,) = [e for e in result.plan.edits if e.clause_id == "fte-split"]
    assert edit.kind == "modify" and edit.comment.startswith("Sets the clinical FTE at 0.5 (from 0.7) and the "
                                                             "informatics FTE at 0.5 (from 0.3).")
    accepted = " ".join(oracles.pandoc_text(result.outputs["redline"], "accept").split())
    assert "with a clinical FTE of 0.5 and an informatics FTE of 0.5." in accepted
    assert oracles.pandoc_text(result.outputs["redline"], "reject") == oracles.pandoc_text(tmp_path / "c.docx",
                                                                                           "accept")
    again = review(read_blocks(Package.open(result.outputs["clean"])), load_library([]), load_profile(PROFILE),
                   "clean").finding("fte-split")
    assert again.parameters == {"clinical_fte": 0.5, "informatics_fte": 0.5} and again.assessment == "ok"


def test_nelson_reviewed_again_reads_the_cure_period_inserted_beside_its_definition_of_cause(tmp_path, txt2docx):
    """Nelson keeps its own definition of Cause; the redline adds notice and 45 days to cure in a section of its
    own. The clean copy, reviewed again, reads those 45 days (it read none: the new section's heading names cause,
    and was passed over as another ground of termination)."""
    from counterdraft.library import load_library
    from counterdraft.review import review
    from counterdraft.wordml.package import Package
    from counterdraft.wordml.read import read_blocks

    source = ROOT / "eval" / "contracts" / "heldout5" / "102379_2000-09-12_URS_NELSON_EMPLOYMENT_AGREEMENT.txt"
    contract = txt2docx.convert(source, tmp_path / "nelson.docx", "headings")
    profile = ROOT / "samples" / "profile-hospitalist.yaml"
    result = redline(contract, profile, tmp_path / "out", date=DATE)
    edit = next(e for e in result.plan.edits if e.topic == "termination-for-cause")
    assert edit.kind == "insert" and "forty-five (45) days" in " ".join(p.text for p in edit.new_paragraphs)
    again = review(read_blocks(Package.open(result.outputs["clean"])), load_library([]), load_profile(profile),
                   "clean")
    cause = again.finding("termination-for-cause")
    assert cause.parameters.get("cure_days") == 45 and "no chance to cure" not in cause.message


@pytest.mark.parametrize("source, topic, parameter, value", [
    ("heldout8/clef_offer_letter_template.docx", "cme-allowance", "amount_usd", 6000),
    ("physician/ph3-group-practice.txt", "malpractice", "per_claim_usd", 2000000),
    ("heldout9/dxw_contract_of_employment.docx", "call-after-hours", "max_meeting_hours_per_week", 8),
])
def test_a_clause_inserted_beside_the_drafts_own_is_read_again_with_its_figures(tmp_path, txt2docx, source, topic,
                                                                                 parameter, value):
    """Read back: our clause, inserted beside the draft's own and saying it applies notwithstanding anything to the
    contrary, governs where the two differ; reviewed again, the clean copy read the draft's figure (ph2's $5,000 of
    "Professional Development", now edited in place; ph3's $1,000,000 per occurrence) or none (dxw's "Hours of
    work"). clef's "Continuing education stipend", beside the paid time off in its paragraph, has ours beside it."""
    from counterdraft.library import load_library
    from counterdraft.review import review
    from counterdraft.wordml.package import Package
    from counterdraft.wordml.read import read_blocks

    path = ROOT / "eval" / "contracts" / source
    contract = path if path.suffix == ".docx" else txt2docx.convert(path, tmp_path / "c.docx", "headings")
    profile = ROOT / "samples" / "profile-hospitalist.yaml"
    result = redline(contract, profile, tmp_path / "out", date=DATE)
    edit = next(e for e in result.plan.edits if e.topic == topic)
    assert edit.kind == "insert" and "notwithstanding anything to the contrary" in edit.new_paragraphs[-1].text
    again = review(read_blocks(Package.open(result.outputs["clean"])), load_library([]), load_profile(profile),
                   "clean")
    assert again.finding(topic).parameters.get(parameter) == value


def test_ph2_reviewed_again_reads_the_cure_period_the_redline_inserted(tmp_path, txt2docx):
    """ph2, whose captions are typed: after the redline's inserted clauses, the for-cause clause is read where it
    is, with its 45 days to cure; it had been matched in a bold "Continuing Medical Education" section that held
    the letter's paragraphs after it."""
    from counterdraft.library import load_library
    from counterdraft.review import review
    from counterdraft.wordml.package import Package
    from counterdraft.wordml.read import read_blocks

    source = ROOT / "eval" / "contracts" / "physician" / "ph2-amc-informatics-offer.txt"
    contract = txt2docx.convert(source, tmp_path / "ph2.docx", "headings")
    profile = ROOT / "samples" / "profile-hospitalist.yaml"
    result = redline(contract, profile, tmp_path / "out", date=DATE)
    assert next(e for e in result.plan.edits if e.topic == "termination-for-cause").kind == "insert"
    again = review(read_blocks(Package.open(result.outputs["clean"])), load_library([]), load_profile(profile),
                   "clean")
    assert again.finding("termination-for-cause").parameters.get("cure_days") == 45
    assert again.finding("remote-work").text.startswith("Remote Work.")
