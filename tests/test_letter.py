"""The cover letter: request order, the profile's numbers, Markdown and DOCX agreeing, styles, determinism, errors."""
from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from counterdraft.errors import ConfigError
from counterdraft.letter import build_letter, letter_docx_bytes, render_markdown
from counterdraft.library import load_library
from counterdraft.loading import load_model
from counterdraft.models import LetterOptions, Plan, PlannedEdit, Profile
from counterdraft.resources import templates_dir

ROOT = Path(__file__).resolve().parents[1]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

TERMINATION = "Could the without-cause notice be 90 days for either party, instead of the 30 days in the draft?"
NON_COMPETE = "Could the non-compete run 12 months within 10 miles, rather than 24 months and 50 miles?"
REMOTE = "Could the agreement allow 2 remote days per week?"

#: The sample profile's priorities, then the plan's other edits, then asks argued only in the letter.
EXPECTED_ORDER = ["fte-split", "termination-without-cause", "intellectual-property", "remote-work", "cme-allowance",
                  "non-compete", "base-salary"]


def edit(clause_id: str, request: str) -> PlannedEdit:
    return PlannedEdit(clause_id=clause_id, topic=clause_id, title=clause_id.replace("-", " ").capitalize(),
                       kind="modify", tier="preferred", comment="why", request=request)


@pytest.fixture
def profile() -> Profile:
    return load_model(ROOT / "samples" / "profile.yaml", Profile)


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture
def plan() -> Plan:
    return Plan(contract="offer.docx", author="Dana R. Whitfield", date="2026-11-20",
                edits=[edit("termination-without-cause", TERMINATION), edit("non-compete", NON_COMPETE),
                       edit("remote-work", REMOTE)])


@pytest.fixture
def letter(profile, plan, library):
    return build_letter(profile, plan, library)


def markdown_items(md: str) -> list[tuple[int, str, str]]:
    """(number, bold lead, text) for each numbered list item."""
    return [(int(n), lead, text) for n, lead, text in re.findall(r"^(\d+)\. \*\*(.+?)\*\* (.*)$", md, re.M)]


def unescape(md: str) -> str:
    return re.sub(r"\\(.)", r"\1", md)


def squash(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------------------------------------------------- requests
def test_requests_follow_priorities_then_plan_order(letter):
    assert [r.clause_id for r in letter.requests] == EXPECTED_ORDER


def test_plan_requests_are_used_verbatim_and_flagged_as_redlined(letter):
    by_id = {r.clause_id: r for r in letter.requests}
    assert by_id["termination-without-cause"].text == TERMINATION
    assert by_id["non-compete"].text == NON_COMPETE
    assert by_id["remote-work"].redlined and not by_id["base-salary"].redlined


def test_one_request_per_clause(profile, plan, library):
    plan.edits.append(edit("termination-without-cause", "A second edit to the same clause, 120 days."))
    letter = build_letter(profile, plan, library)
    ids = [r.clause_id for r in letter.requests]
    assert len(ids) == len(set(ids))
    assert "120 days" not in render_markdown(letter)


def test_asks_without_edit_are_rendered_with_the_profiles_numbers(profile, plan, library):
    profile.asks["cme-allowance"] = {"amount_usd": 5500, "conference_days": 5}
    text = {r.clause_id: r.text for r in build_letter(profile, plan, library).requests}
    assert "$5,500" in text["cme-allowance"]
    assert "$290,000" in text["base-salary"] and "$310,000" in text["base-salary"]


def test_unknown_ask_clause_is_a_config_error(profile, plan, library):
    profile.asks["no-such-clause"] = {}
    with pytest.raises(ConfigError, match="no-such-clause"):
        build_letter(profile, plan, library)


# ---------------------------------------------------------------------------------------------------------- markdown
def test_markdown_lists_requests_in_order_with_the_numbers(letter):
    md = render_markdown(letter)
    items = markdown_items(md)
    assert [n for n, _, _ in items] == list(range(1, len(EXPECTED_ORDER) + 1))
    assert [unescape(text) for _, _, text in items] == [r.text for r in letter.requests]
    assert "90 days" in md
    assert "$290,000" in md and "$310,000" in md
    for leftover in ("{{", "{%", "}}", "%}"):
        assert leftover not in md


def test_markdown_letter_parts(letter):
    md = render_markdown(letter)
    assert md.startswith("Dana R. Whitfield, MD, MS\\\n41 Larkspur Lane\\\n")
    assert "\nNovember 26, 2026\n" in md
    assert "Morgan Ellis\\\nVice President, Physician Services\\\nLakeshore Regional Health System" in md
    assert f"**Subject:** {letter.subject}" in md
    assert "\nDear Morgan Ellis,\n" in md
    assert md.rstrip().endswith("Sincerely,\n\nDana R. Whitfield, MD, MS")
    # the structure the letter follows: opening before the requests, the closing (clean draft) after them
    first_item = md.index("1. **")
    assert md.index(letter.opening[0]) < first_item < md.index(letter.closing[0])
    assert any("clean" in p and "draft" in p for p in letter.closing)
    assert any("responsibilit" in p or "success" in p for p in letter.opening)  # clarify expectations first


def test_markdown_escapes_special_characters(profile, plan, library):
    plan.edits[0] = edit("termination-without-cause", "Notice of *90* days_ [see] <b>")
    md = render_markdown(build_letter(profile, plan, library))
    assert r"Notice of \*90\* days\_ \[see\] \<b>" in md


def test_date_from_profile_else_from_caller(profile, plan, library):
    assert build_letter(profile, plan, library, dt.date(2030, 1, 2)).date == "November 26, 2026"
    undated = profile.model_copy(update={"letter": LetterOptions()})
    assert build_letter(undated, plan, library, dt.date(2027, 3, 5)).date == "March 5, 2027"


def test_profile_letter_options_replace_template_text(profile, plan, library):
    profile.letter = LetterOptions(date=dt.date(2026, 11, 26), subject="Our conversation",
                                   opening="Hello {{ employer.name }}.\n\nSecond paragraph.",
                                   signature="Dana Whitfield\nPhysician Informaticist")
    letter = build_letter(profile, plan, library)
    assert letter.subject == "Our conversation"
    assert letter.opening == ["Hello Lakeshore Regional Health System.", "Second paragraph."]
    assert letter.signature == ["Dana Whitfield", "Physician Informaticist"]


# ---------------------------------------------------------------------------------------------------------- DOCX
def test_docx_uses_the_letter_styles(letter):
    document = docx.Document(io.BytesIO(letter_docx_bytes(letter)))
    paras = [(p.style.name, p.text) for p in document.paragraphs]
    assert [t for s, t in paras if s == "Sender Block"][:len(letter.sender)] == letter.sender
    assert [t for s, t in paras if s == "Letter Date"] == ["November 26, 2026"]
    assert [t for s, t in paras if s == "Recipient Block"] == letter.recipient
    assert [t for s, t in paras if s == "Subject Line"] == [f"Subject: {letter.subject}"]
    assert [t for s, t in paras if s == "Signature"] == letter.signature[:1]
    normal = [t for s, t in paras if s == "Normal"]
    for text in [letter.salutation, *letter.opening, *letter.closing, letter.signoff]:
        assert text in normal
    styles = document.styles
    assert styles["Subject Line"].font.bold is True
    for name in ("Sender Block", "Letter Date", "Recipient Block", "Subject Line", "Request", "Signature"):
        assert styles[name].element.get(f"{W}customStyle") == "1", name


def test_docx_requests_are_list_number_paragraphs_matching_the_markdown(letter):
    document = docx.Document(io.BytesIO(letter_docx_bytes(letter)))
    requests = [p for p in document.paragraphs if p.style.name == "Request"]
    style = document.styles["Request"]
    assert style.base_style.name == "List Number"
    assert style.base_style.element.find(f"{W}pPr/{W}numPr/{W}numId") is not None  # numbered through the style
    md_items = markdown_items(render_markdown(letter))
    assert [p.text for p in requests] == [unescape(f"{lead} {text}") for _, lead, text in md_items]
    assert [p.runs[0].text for p in requests] == [r.lead for r in letter.requests]
    assert all(p.runs[0].bold for p in requests)


def pandoc_path() -> str | None:
    try:
        import pypandoc
        return pypandoc.get_pandoc_path()
    except (ImportError, OSError):
        return "/usr/bin/pandoc" if Path("/usr/bin/pandoc").exists() else shutil.which("pandoc")


def test_pandoc_reads_every_request_as_a_numbered_item(letter, tmp_path):
    pandoc = pandoc_path()
    if not pandoc:
        pytest.skip("pandoc not available")
    path = tmp_path / "letter.docx"
    path.write_bytes(letter_docx_bytes(letter))
    plain = subprocess.run([pandoc, "-f", "docx", "-t", "plain", "--wrap=none", str(path)], check=True,
                           capture_output=True, text=True).stdout
    for number, request in enumerate(letter.requests, 1):
        assert re.search(rf"^{number}\.\s+{re.escape(request.lead)} {re.escape(request.text)}$", plain, re.M), \
            request.clause_id
    assert squash(letter.closing[0]) in squash(plain)


def test_identical_inputs_give_identical_bytes(profile, plan, library):
    first = letter_docx_bytes(build_letter(profile, plan, library))
    second = letter_docx_bytes(build_letter(profile, plan, library))
    assert first == second
    # no clock in the package: fixed zip timestamps, so a rerun seconds later gives the same bytes too
    assert {info.date_time for info in zipfile.ZipFile(io.BytesIO(first)).infolist()} == {(1980, 1, 1, 0, 0, 0)}
    core = docx.Document(io.BytesIO(first)).core_properties
    assert core.author == "Dana R. Whitfield"
    assert core.created == core.modified == dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.timezone.utc)
    assert core.title == build_letter(profile, plan, library).subject


# ---------------------------------------------------------------------------------------------------------- templates
def test_undefined_variable_in_body_template_names_the_file_and_line(profile, plan, library, tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    body = (templates_dir() / "letter" / "body.txt.j2").read_text()
    body = body.replace("{% block closing %}\n", "{% block closing %}\n{{ no_such_variable }}\n", 1)
    (folder / "body.txt.j2").write_text(body)
    line = body.splitlines().index("{{ no_such_variable }}") + 1
    with pytest.raises(ConfigError) as err:
        build_letter(profile, plan, library, templates_dir=tmp_path, name="mine")
    message = str(err.value)
    assert str(folder / "body.txt.j2") in message and f"line {line}" in message
    assert "no_such_variable" in message and "\n" not in message


def test_undefined_variable_in_markdown_template_names_the_file(letter, tmp_path):
    folder = tmp_path / "short"
    folder.mkdir()
    (folder / "letter.md.j2").write_text("{{ letter.date }}\n\n{{ letter.no_such_field }}\n")
    with pytest.raises(ConfigError) as err:
        render_markdown(letter, tmp_path, "short")
    assert str(folder / "letter.md.j2") in str(err.value) and "line 3" in str(err.value)


def test_syntax_error_names_the_file(letter, tmp_path):
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "letter.md.j2").write_text("ok\n{% for x in %}\n")
    with pytest.raises(ConfigError, match=r"broken/letter\.md\.j2: line 2"):
        render_markdown(letter, tmp_path, "broken")


def test_custom_markdown_template_keeps_the_bundled_body(profile, plan, library, tmp_path):
    (tmp_path / "terse").mkdir()
    (tmp_path / "terse" / "letter.md.j2").write_text(
        "{% for r in letter.requests %}- {{ r.text }}\n{% endfor %}")
    letter = build_letter(profile, plan, library, templates_dir=tmp_path, name="terse")
    assert letter.opening == build_letter(profile, plan, library).opening
    md = render_markdown(letter, tmp_path, "terse")
    assert md.splitlines() == [f"- {r.text}" for r in letter.requests]


def test_unknown_template_name(letter, tmp_path):
    with pytest.raises(ConfigError, match="no letter template 'nope'"):
        render_markdown(letter, tmp_path, "nope")
