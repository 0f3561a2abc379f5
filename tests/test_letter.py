"""The cover letter, the email and the attorney memo: request order, the profile's numbers and computed totals,
the guide's structure, Markdown and DOCX agreeing (pandoc and LibreOffice), styles, determinism, templates, PDF.

The acceptance case "a contract and profile the project has never seen" is VENDOR_SECTIONS and VENDOR_PROFILE: a
vendor role with a bonus and an equity grant, written here with python-docx (headings as Word heading paragraphs,
unlike the sample's run-in captions), redlined end to end."""
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
import yaml
from click.testing import CliRunner

import oracles
from counterdraft.cli import main
from counterdraft.errors import ConfigError
from counterdraft.letter import (build_letter, build_memo, docx_to_pdf, letter_docx_bytes, render_email,
                                 render_markdown, render_memo, soffice_path)
from counterdraft.library import load_library, profile_values, render_ask
from counterdraft.loading import load_model
from counterdraft.models import Compensation, Finding, LetterOptions, Plan, PlannedEdit, Profile, Review
from counterdraft.redline import redline
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


def ask(clause_id: str, profile: Profile, library) -> PlannedEdit:
    """A point argued in the letter only, as the planner writes it: the talking point with the profile's numbers."""
    clause = library.get(clause_id)
    comment, request = render_ask(clause, profile_values(clause, profile))
    return PlannedEdit(clause_id=clause_id, topic=clause.topic, title=clause.title, kind="letter",
                       tier="preferred", comment=comment, request=request)


@pytest.fixture
def plan(profile, library) -> Plan:
    return Plan(contract="offer.docx", author="Dana R. Whitfield", date="2026-11-20",
                edits=[edit("termination-without-cause", TERMINATION), edit("non-compete", NON_COMPETE),
                       edit("remote-work", REMOTE)]
                + [ask(c, profile, library) for c in ("fte-split", "intellectual-property", "cme-allowance",
                                                      "base-salary")])


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


def test_letter_only_points_carry_the_profiles_numbers(profile, plan, library):
    profile.asks["cme-allowance"] = {"amount_usd": 5500, "conference_days": 5}
    plan.edits = [e for e in plan.edits if e.clause_id != "cme-allowance"] + [ask("cme-allowance", profile, library)]
    requests = {r.clause_id: r for r in build_letter(profile, plan, library).requests}
    assert "$5,500" in requests["cme-allowance"].text and not requests["cme-allowance"].redlined
    assert "$290,000" in requests["base-salary"].text and "$310,000" in requests["base-salary"].text


def test_only_what_the_plan_holds_is_asked(profile, plan, library):
    """An ask the planner dropped (a non-compete the contract does not have) must not reach the letter."""
    plan.edits = [e for e in plan.edits if e.clause_id != "non-compete"]
    ids = [r.clause_id for r in build_letter(profile, plan, library).requests]
    assert "non-compete" in profile.asks and "non-compete" not in ids


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


def test_memo_does_not_double_the_colon_a_heading_ends_with(profile, plan, library):
    """Garrett's memo (attorney audit) read "Bonus:: The incentive names no metrics." and "Term:: ...": the
    exhibit's headings end in a colon of their own."""
    letter = build_letter(profile, plan, library)
    review = Review(contract="offer.docx", findings=[
        Finding(topic="termination-without-cause", status="found", heading="Term:", assessment="weak",
                message="The notice is short. It should be longer."),
        Finding(topic="remote-work", status="found", heading="1. Employment.", assessment="weak",
                message="No remote days.")])
    rows = {r[1]: r for r in table_rows(render_memo(build_memo(letter, review), letter))}
    assert rows["Termination without cause"][2] == "Term: The notice is short."
    assert rows["Remote work"][2] == r"1\. Employment: No remote days."


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


# ---------------------------------------------------------------------------------------------------------- structure
def test_letter_follows_the_guides_order(profile, plan, library):
    """Clarify expectations, align FTE, compensation (range, structure, figures), development, requests, closing."""
    profile.compensation = Compensation(base_salary=250000, stipend=50000)
    letter = build_letter(profile, plan, library)
    md = unescape(render_markdown(letter))
    at = [md.index(x) for x in ("which initiatives I would own", "agree on it early (item 1 below)",
                                "$290,000 to $310,000 range", "- Total cash compensation:",
                                "professional development and support the work needs (item 5 below)",
                                "Below are the changes", "1. **", "clean, updated draft")]
    assert at == sorted(at)
    assert letter.figures == ["Total cash compensation: $250,000 + $50,000 = $300,000"]
    assert "a base salary of $250,000 plus a fixed stipend of $50,000" in md
    assert "$300,000 a year before any bonus" in md


def test_without_compensation_figures_the_letter_still_gives_range_and_structure(profile, plan, library):
    profile.compensation = Compensation()
    letter = build_letter(profile, plan, library)
    text = " ".join(letter.compensation)
    assert "$290,000 to $310,000" in text and "clinical base salary" in text and "stipend" in text
    assert letter.figures == []


def test_requests_are_numbered_in_order(letter):
    assert [r.number for r in letter.requests] == list(range(1, len(letter.requests) + 1))


def test_body_template_without_the_new_blocks_still_works(profile, plan, library, tmp_path):
    """A template written before structure/compensation/development/intro existed."""
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "body.txt.j2").write_text(
        "{% block subject %}S{% endblock %}{% block salutation %}Dear X,{% endblock %}"
        "{% block opening %}Hello.{% endblock %}{% block closing %}Bye.{% endblock %}"
        "{% block signoff %}Yours,{% endblock %}")
    letter = build_letter(profile, plan, library, templates_dir=tmp_path, name="old")
    assert (letter.structure, letter.compensation, letter.figures, letter.intro) == ([], [], [], [])
    assert "1. **" in render_markdown(letter, tmp_path, "old")


def test_the_concise_template_is_bundled(profile, plan, library):
    letter = build_letter(profile, plan, library, name="concise")
    assert letter.subject.endswith("proposed changes") and letter.intro == ["My requests, most important first:"]
    md = render_markdown(letter, name="concise")  # letter.md.j2 comes from the default folder
    assert [n for n, _, _ in markdown_items(md)] == list(range(1, len(letter.requests) + 1))


def test_period_filter_does_not_double_a_full_stop(profile, plan, library):
    profile.employer.name = "Northwind Clinical AI, Inc."
    assert "position at Northwind Clinical AI, Inc. I am" in build_letter(profile, plan, library).opening[0]


# ---------------------------------------------------------------------------------------------------------- email
def test_email_is_short_plain_text(letter):
    text = render_email(letter)
    assert text.startswith(f"Subject: {letter.subject}\n\nDear Morgan Ellis,\n")
    titles = re.findall(r"^ ?(\d+)\. (.+)$", text, re.M)
    assert [(int(n), t) for n, t in titles] == [(r.number, r.title) for r in letter.requests]
    assert "\\" not in text and "**" not in text  # no Markdown
    assert "clean, updated draft" in text and "$290,000 to $310,000" in text
    assert text.rstrip().endswith("Best regards,\nDana R. Whitfield, MD, MS")
    assert max(len(line) for line in text.splitlines()[1:]) <= 72  # wrapped for mail clients; the subject is one line
    assert len(text.split()) < 200


# ---------------------------------------------------------------------------------------------------------- memo
def table_rows(md: str) -> list[list[str]]:
    """The cells of each row of the first Markdown table after its header and rule."""
    lines = md.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| # |"))
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append([c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]])
    return rows


def test_memo_has_one_row_per_request_with_priority_and_change(profile, plan, library):
    letter = build_letter(profile, plan, library)
    plan.edits[0].comment = "Notice extended to 90 days. Niche roles | take months to fill."
    letter = build_letter(profile, plan, library)
    memo = render_memo(build_memo(letter, applied=["termination-without-cause"]), letter)
    rows = table_rows(memo)
    assert len(rows) == len(letter.requests) and all(len(r) == 7 for r in rows)
    assert [r[1] for r in rows] == [unescape(r.title) for r in letter.requests]
    by_title = {r[1]: r for r in rows}
    term = by_title["Termination without cause"]
    assert term[3] == "Notice extended to 90 days." and term[4] == r"Niche roles \| take months to fill."
    assert term[5] == "2" and term[6] == "redline"
    assert by_title["Non compete"][6] == "skipped (see notes)" and by_title["Non compete"][5] == "-"
    assert by_title["Base salary and total compensation"][6] == "letter only"
    assert "{{" not in memo and "{%" not in memo


# ---------------------------------------------------------------------------------------------------------- DOCX
def test_docx_carries_the_new_parts_in_order(profile, plan, library):
    profile.compensation = Compensation(base_salary=250000, stipend=50000, bonus_target_percent=10)
    letter = build_letter(profile, plan, library)
    document = docx.Document(io.BytesIO(letter_docx_bytes(letter)))
    paras = [(p.style.name, p.text) for p in document.paragraphs]
    assert [t for s, t in paras if s == "Compensation Figure"] == letter.figures
    texts = [t for _, t in paras]
    order = [texts.index(x) for x in (letter.opening[0], letter.structure[0], letter.compensation[0],
                                       letter.figures[0], letter.development[0], letter.intro[0])]
    assert order == sorted(order)
    assert document.styles["Compensation Figure"].element.get(f"{W}customStyle") == "1"


# ---------------------------------------------------------------------------------------------------------- a contract never seen
VENDOR_SECTIONS = [
    ("1. Position", "The Company employs Employee as Medical Director, Clinical AI, reporting to the Chief Medical "
     "Officer. Employee shall devote full business time to the Company and shall perform such other duties as may "
     "be assigned by the Company from time to time."),
    ("2. Base Salary", "The Company shall pay Employee an annual base salary of $240,000, payable in accordance with "
     "the Company's standard payroll practices."),
    ("3. Annual Bonus", "Employee may be eligible for an annual performance bonus with a target of 10% of Base "
     "Salary, payable at the sole discretion of the Company. Employee must be employed on the date the bonus is "
     "paid in order to receive it."),
    ("4. Equity", "Subject to approval by the Board, Employee may be granted stock options with an estimated "
     "grant-date value of $120,000, vesting over four (4) years, under the Company's equity incentive plan."),
    ("5. Remote Work", "Employee shall work from the Company's Madison office. Remote work is permitted at the sole "
     "discretion of the Company and may be revoked at any time."),
    ("6. Termination Without Cause", "Either party may terminate this Agreement without cause upon thirty (30) "
     "days' written notice to the other party."),
    ("7. Non-Competition", "For a period of eighteen (18) months after employment ends, Employee shall not provide "
     "services to any competitor of the Company within fifty (50) miles of any Company office."),
    ("8. Inventions", "Employee hereby assigns to the Company all inventions, software, algorithms and works of "
     "authorship that Employee conceives or creates during the term of employment, at any time, whether or not "
     "during working hours and whether or not using Company resources."),
    ("9. Governing Law", "This Agreement is governed by the laws of the State of Wisconsin."),
]

VENDOR_PROFILE = {
    "physician": {"name": "Priya N. Raman", "credentials": "MD", "email": "priya.raman@example.com",
                  "address": "9 Birch Court\nMadison, WI 53703"},
    "employer": {"name": "Northwind Clinical AI, Inc.", "contact_name": "Jordan Lee",
                 "contact_title": "Chief People Officer", "address": "400 Lake Street, Madison, WI 53703"},
    "role": {"title": "Medical Director, Clinical AI", "setting": "vendor"},
    "priorities": ["bonus-incentive", "equity", "termination-without-cause", "remote-work", "non-compete"],
    "asks": {"bonus-incentive": {"target_percent": 20}, "equity": {"grant_value_usd": 180000, "vesting_years": 3},
             "termination-without-cause": {"notice_days": 90}, "remote-work": {"remote_days_per_week": 4},
             "non-compete": {"duration_months": 6, "radius_miles": 25},
             "base-salary": {"target_total_min": 255000, "target_total_max": 270000}},
    "compensation": {"base_salary": 260000, "bonus_expected_payout_percent": 85},
    "letter": {"date": "2027-03-15"},
}

#: By hand: 260,000 x 20% x 85% = 44,200; + 260,000 = 304,200; 180,000 / 3 = 60,000; 304,200 + 60,000 = 364,200.
VENDOR_PROPOSED = {"bonus": "$44,200", "cash": "$304,200", "equity_year": "$60,000", "total": "$364,200"}
#: The draft's own: 240,000 x 10% x 85% = 20,400; 260,400 in cash; 120,000 / 4 = 30,000; 290,400 with equity.
VENDOR_OFFERED = {"bonus": "$20,400", "cash": "$260,400", "equity_year": "$30,000", "total": "$290,400"}


def write_vendor_case(folder: Path, sections: list[tuple[str, str]] = VENDOR_SECTIONS) -> tuple[Path, Path]:
    document = docx.Document()
    document.add_heading("Executive Employment Agreement", level=1)
    document.add_paragraph("This Executive Employment Agreement is made between Northwind Clinical AI, Inc. (the "
                           "\"Company\") and Priya N. Raman, MD (\"Employee\").")
    for heading, body in sections:
        document.add_heading(heading, level=2)
        document.add_paragraph(body)
    contract, profile = folder / "northwind-offer.docx", folder / "northwind-profile.yaml"
    document.save(contract)
    profile.write_text(yaml.safe_dump(VENDOR_PROFILE, sort_keys=False))
    return contract, profile


@pytest.fixture(scope="module")
def vendor(tmp_path_factory):
    folder = tmp_path_factory.mktemp("vendor")
    contract, profile = write_vendor_case(folder)
    return redline(contract, profile, folder / "out", date="2027-03-14T12:00:00Z")


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    return redline(ROOT / "samples" / "hybrid-offer.docx", ROOT / "samples" / "profile.yaml",
                   tmp_path_factory.mktemp("sample"), date="2026-01-01T00:00:00Z")


def assert_letter_lists_every_planned_change(run, priorities: list[str]) -> str:
    md = run.outputs["letter_md"].read_text()
    assert not re.search(r"\{\{|\{%|%\}|\}\}|\{#", md), "unrendered template text"
    items = markdown_items(md)
    requests = {e.clause_id: e for e in run.plan.edits}
    listed = [unescape(lead).rstrip(".") for _, lead, _ in items]
    assert sorted(listed) == sorted(e.title for e in run.plan.edits)  # every planned change, once
    ranked = [requests[p].title for p in priorities if p in requests]
    assert listed[:len(ranked)] == ranked  # in the profile's priority order
    for _, lead, text in items:
        edit = next(e for e in run.plan.edits if e.title == unescape(lead).rstrip("."))
        assert unescape(text) == " ".join(edit.request.split())  # with the profile's numbers
    return md


def test_never_seen_contract_letter_lists_changes_with_the_profiles_numbers(vendor):
    md = assert_letter_lists_every_planned_change(vendor, VENDOR_PROFILE["priorities"])
    for needle in ("20% of base salary", "$180,000", "vesting over 3 years", "90 days", "4 remote days",
                   "6 months and 25 miles", "$255,000 to $270,000", "base salary of $260,000"):
        assert needle in md, needle


def test_never_seen_contract_letter_has_correct_totals(vendor):
    md = unescape(vendor.outputs["letter_md"].read_text())
    figures = dict(re.findall(r"^- ([^:]+): .* = (\$[\d,.]+)$", md, re.M))
    assert figures == {"Expected bonus": VENDOR_PROPOSED["bonus"], "Total cash compensation": VENDOR_PROPOSED["cash"],
                       "Equity, annualised": VENDOR_PROPOSED["equity_year"],
                       "Total with equity": VENDOR_PROPOSED["total"]}
    assert "- Expected bonus: $260,000 × 20% target × 85% expected payout = $44,200" in md
    # the draft's bonus is counted as computed, its target at the profile's expected payout: not "in full"
    assert f"draft's own figures come to {VENDOR_OFFERED['cash']} in cash, counting its 10% bonus target at the " \
           f"expected 85% payout ({VENDOR_OFFERED['bonus']}), and {VENDOR_OFFERED['total']}" in md
    memo = vendor.outputs["memo"].read_text()
    for key, value in VENDOR_OFFERED.items():
        assert f"{value} = " in memo, key
    email = vendor.outputs["email"].read_text()
    assert "$44,200" in email and "$304,200" in email and "$364,200" in email


def test_sample_letter_lists_changes_and_compares_with_the_draft(sample_run):
    md = assert_letter_lists_every_planned_change(sample_run, load_model(ROOT / "samples" / "profile.yaml",
                                                                          Profile).priorities)
    assert "the draft provides $260,000 a year ($224,000 base salary and a $36,000 stipend)" in unescape(md)


def test_redline_writes_email_and_memo_by_default(sample_run):
    assert {"email", "memo"} <= set(sample_run.outputs)
    assert {"report", "letter_pdf"}.isdisjoint(sample_run.outputs)
    assert sample_run.outputs["email"].name == "hybrid-offer.email.txt"
    assert sample_run.outputs["memo"].name == "hybrid-offer.memo.md"


def test_the_memo_does_not_list_the_stipend_the_pay_item_asks_for_as_not_raised(sample_run):
    """The sample (seventh session): item 7 asks to "raise the informatics stipend from $36,000 to a fixed $55,000",
    which answers the stipend's weaknesses (below the ask, subject to budget review), while the memo listed the
    stipend under "Weak terms the counter-proposal does not raise"."""
    md = " ".join(unescape(sample_run.outputs["letter_md"].read_text()).split())
    assert "raise the informatics stipend from $36,000 to a fixed $55,000" in md
    memo = sample_run.outputs["memo"].read_text()
    assert "## Weak terms the counter-proposal does not raise" in memo and "**leadership-stipend**" not in memo
    assert "**productivity-rvu**" in memo  # a weakness no item answers is still listed


def test_letter_docx_reads_the_same_in_pandoc_and_libreoffice(sample_run, vendor, libreoffice):
    paths = [sample_run.outputs["letter_docx"], vendor.outputs["letter_docx"]]
    for path, lo in zip(paths, oracles.lo_texts_many(paths)):
        pandoc = oracles.pandoc_text(path)
        assert lo["accept"] == pandoc
        assert "Total cash compensation" in pandoc or path == paths[0]


def test_letter_docx_matches_its_markdown_in_pandoc(vendor):
    text = oracles.pandoc_text(vendor.outputs["letter_docx"])
    md = unescape(vendor.outputs["letter_md"].read_text())
    for line in md.splitlines():
        line = re.sub(r"^(\d+\. |- )", "", line).replace("**", "").rstrip("\\").strip()
        if line:
            assert line.replace("Subject: ", "Subject: ") in text, line


# ---------------------------------------------------------------------------------------------------------- CLI
def test_cli_template_options(tmp_path):
    mine = tmp_path / "mine" / "short"
    mine.mkdir(parents=True)
    (mine / "email.txt.j2").write_text("Hi {{ employer.contact_name }}: {{ letter.requests | length }} asks.\n")
    args = ["redline", str(ROOT / "samples" / "hybrid-offer.docx"), "--profile", str(ROOT / "samples" / "profile.yaml"),
            "--out-dir", str(tmp_path / "out"), "--date", "2026-01-01T00:00:00Z"]
    result = CliRunner().invoke(main, args + ["--templates", str(tmp_path / "mine"), "--template", "short"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "hybrid-offer.email.txt").read_text() == "Hi Morgan Ellis: 7 asks.\n"
    assert "wrote " + str(tmp_path / "out" / "hybrid-offer.memo.md") in result.output
    bad = CliRunner().invoke(main, args + ["--template", "nope", "--force"])
    assert bad.exit_code == 2 and "no letter template 'nope'" in bad.output and "concise" in bad.output


# ---------------------------------------------------------------------------------------------------------- PDF
def test_pdf_through_libreoffice(letter, libreoffice):
    if soffice_path() is None:
        pytest.skip("soffice is not on PATH")
    data = docx_to_pdf(letter_docx_bytes(letter))
    assert data.startswith(b"%PDF-")


def test_cli_pdf_says_clearly_when_libreoffice_is_missing(tmp_path, monkeypatch):
    monkeypatch.setenv("SOFFICE", str(tmp_path / "no-such-soffice"))
    result = CliRunner().invoke(main, [
        "redline", str(ROOT / "samples" / "hybrid-offer.docx"), "--profile", str(ROOT / "samples" / "profile.yaml"),
        "--out-dir", str(tmp_path), "--date", "2026-01-01T00:00:00Z", "--pdf"])
    assert result.exit_code == 0, result.output
    assert "warning: --pdf: no PDF written: LibreOffice" in result.stderr and "not installed" in result.stderr
    assert not (tmp_path / "hybrid-offer.letter.pdf").exists()
    assert "letter.pdf" not in result.stdout and (tmp_path / "hybrid-offer.letter.docx").exists()


def test_cli_pdf_writes_the_letter_as_pdf(tmp_path, libreoffice):
    if soffice_path() is None:
        pytest.skip("soffice is not on PATH")
    result = CliRunner().invoke(main, [
        "redline", str(ROOT / "samples" / "hybrid-offer.docx"), "--profile", str(ROOT / "samples" / "profile.yaml"),
        "--out-dir", str(tmp_path), "--date", "2026-01-01T00:00:00Z", "--pdf"])
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "hybrid-offer.letter.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-") and f"wrote {pdf}" in result.output


def test_the_range_sought_is_said_to_be_before_any_bonus(tmp_path, txt2docx):
    """FATS (held-out-3) offers $275,000 and a bonus of up to 50%: 'targeting total compensation in the $290,000 to
    $310,000 range' read as asking for less than the draft with its bonus (audit). The range is base plus stipend."""
    source = Path(__file__).resolve().parents[1] / "eval" / "contracts" / "heldout3" / \
        "1021770_2005-07-01_FATS_MCGRANE_EMPLOYMENT_AGREEMENT.txt"
    contract = txt2docx.convert(source, tmp_path / "fats.docx")
    result = redline(contract, Path(__file__).resolve().parents[1] / "samples" / "profile.yaml", tmp_path / "out",
                     date="2026-01-05T09:00:00")
    md = " ".join(result.outputs["letter_md"].read_text().split())
    # the draft's base kept, the stipend the gap to the top of the range: the structure's total is before any bonus
    assert "keep the draft's base salary of $275,000 and add a fixed stipend of $35,000 for the informatics " \
           "leadership work, $310,000 a year before any bonus" in md
    assert "in total before any bonus" in " ".join(result.outputs["email"].read_text().split())


def _offer(tmp_path: Path, pay: str) -> Path:
    """A short agreement whose compensation paragraph is `pay`, written with python-docx."""
    d = docx.Document()
    d.add_paragraph("PHYSICIAN EMPLOYMENT AGREEMENT")
    d.add_paragraph('This Agreement is made between Lakeshore Regional Health System ("Employer") and Dana R. '
                    'Whitfield, MD ("Physician").')
    d.add_paragraph(f"1. Compensation. {pay}")
    d.add_paragraph("2. Termination. Either party may terminate this Agreement without cause on thirty (30) days' "
                    "written notice.")
    d.save(str(tmp_path / "offer.docx"))
    return tmp_path / "offer.docx"


@pytest.mark.parametrize("salary, decided", [("$300,000", "already meets"), ("$340,000", "is above")])
def test_a_draft_paying_within_or_above_the_range_is_acknowledged_not_raised(tmp_path, salary, decided):
    """Gast (audit): a $300,000 offer had a letter 'targeting total compensation in the $290,000 to $310,000 range'
    and proposing 'your standard clinical base rate, prorated to the clinical FTE', a cut. Neither the range nor a
    structure is named; the letter, the email and the memo say the draft's figure stands."""
    pay = f"Employer shall pay Physician a base salary of {salary} per year, payable in equal biweekly installments."
    result = redline(_offer(tmp_path, pay), ROOT / "samples" / "profile.yaml", tmp_path / "out",
                     date="2026-01-05T09:00:00Z")
    md = " ".join(result.outputs["letter_md"].read_text().split())
    assert f"The {salary} a year the draft offers in base salary fits the scope of this role, and I am not asking to " \
           f"change it." in md
    for absent in ("$290,000", "$310,000", "$245,000", "standard", "targeting", "Base salary and total compensation"):
        assert absent not in md
    email = " ".join(result.outputs["email"].read_text().split())
    assert f"On compensation, the {salary} a year the draft offers in base salary fits the role" in email
    assert "$290,000" not in email and "$245,000" not in email
    memo = result.outputs["memo"].read_text()
    assert f"not asked for: the draft's {salary} a year in base salary meets it" in memo
    assert any(f"the draft's {salary} a year in base salary {decided} the $290,000 to $310,000 range sought; pay is "
               f"not raised" in m.text for m in result.messages)


def test_a_draft_base_above_the_profiles_is_kept_when_pay_is_raised(tmp_path):
    """Metz (audit): a $250,000 base and a bonus of up to 100% of it: the run said the draft's total cash was
    $500,000 while the letter asked to 'pair your standard clinical base rate, prorated to the clinical FTE' with a
    stipend. The bonus is not guaranteed, so pay is raised, from the draft's base, never below it."""
    pay = ("Employer shall pay Physician an annual base salary of $250,000. Physician shall be eligible for a "
           "performance bonus with a target of up to 100% of base salary.")
    result = redline(_offer(tmp_path, pay), ROOT / "samples" / "profile.yaml", tmp_path / "out",
                     date="2026-01-05T09:00:00Z")
    md = " ".join(result.outputs["letter_md"].read_text().split())
    assert "keep the draft's base salary of $250,000 and add a fixed stipend of $55,000 for the informatics " \
           "leadership work, $305,000 a year before any bonus" in md
    assert "Would it work to keep the base salary at $250,000 and add a fixed informatics stipend of $55,000" in md
    assert "standard" not in md and "$245,000" not in md
    email = " ".join(result.outputs["email"].read_text().split())
    assert "keeping the draft's base salary of $250,000 and adding a $55,000 stipend" in email
    assert any("is not guaranteed and is not counted" in m.text for m in result.messages)


def test_a_bonus_target_the_plan_keeps_is_the_one_the_letter_proposes(tmp_path):
    """Monroe (audit): the plan kept the draft's 50% bonus target, better than the 30% asked for, while the letter
    proposed 30% and total cash below the draft's own. The letter, the email and the memo now use the plan's figure.
    By hand: 260,000 x 50% x 85% = 110,500, + 260,000 = 370,500; the draft's 240,000 x 50% x 85% = 102,000,
    342,000 in cash."""
    sections = [(h, b.replace("target of 10%", "target of 50%")) for h, b in VENDOR_SECTIONS]
    contract, profile = write_vendor_case(tmp_path, sections)
    run = redline(contract, profile, tmp_path / "out", date="2027-03-14T12:00:00Z")
    bonus = next(e for e in run.plan.edits if e.clause_id == "bonus-incentive")
    assert bonus.parameters["target_percent"] == 50
    md = " ".join(unescape(run.outputs["letter_md"].read_text()).split())
    assert "With a bonus target of 50% of base salary and an expected payout of 85% of target, the expected bonus " \
           "is $110,500, for total cash compensation of $370,500." in md
    assert "the draft's own figures come to $342,000 in cash, counting its 50% bonus target at the expected 85% " \
           "payout ($102,000)" in md
    assert "20% of base salary" not in md and "$44,200" not in md
    email = " ".join(run.outputs["email"].read_text().split())
    assert "With the expected bonus of $110,500, total cash comes to $370,500" in email
    memo = run.outputs["memo"].read_text()
    assert "| Bonus target (of base salary) | 50% (contract, section '3. Annual Bonus') | 50% (the contract's, " \
           "better than the 20% asked for, kept as in the plan) |" in memo
    assert not any("not below the" in m.text for m in run.messages)  # the ask is no longer below the draft


@pytest.mark.parametrize("pay, currency", [
    ("Employer shall pay Physician a base salary at the rate of €600,000 per annum.", "euros (€600,000)"),
    ("Employer shall pay Physician an annual salary of GBP 240,000, payable monthly.", "pounds sterling (GBP 240,000)"),
])
def test_a_draft_paying_in_another_currency_gets_no_dollar_figures(tmp_path, pay, currency):
    """Baan (audit): a salary of '€600,000 per annum' was read as none, and the letter, the email and the memo
    proposed a $245,000 base and a $55,000 stipend, a cut; then the plan still asked for "$290,000 to $310,000" and
    the redline, its comment, the letter and the memo for a $4,000 CME allowance. No output asks for a dollar
    figure: each amount is to be agreed in the contract's currency, and one warning says why. The contract text
    holds no blank (the redline had inserted a CME allowance "of [amount in euros to be agreed]"): the clause is
    asked for in the letter only."""
    result = redline(_offer(tmp_path, pay), ROOT / "samples" / "profile.yaml", tmp_path / "out",
                     date="2026-01-05T09:00:00Z")
    md = " ".join(result.outputs["letter_md"].read_text().split())
    email = " ".join(result.outputs["email"].read_text().split())
    for text in (md, email):
        for absent in ("targeting", "For comparison", "Base salary and total"):
            assert absent not in text, absent
    assert "On compensation" not in email
    sent = {"plan": result.outputs["plan"].read_text(), "letter": md, "email": email}
    for key in ("redline", "clean", "letter_docx"):
        with zipfile.ZipFile(result.outputs[key]) as z:
            sent.update({f"{key}: {p}": z.read(p).decode("utf-8") for p in z.namelist() if p.endswith(".xml")})
    for name, text in sent.items():
        assert not re.search(r"\$\s?\d", text), name
    to_agree = f"an amount in {currency.split(' (')[0]} to be agreed"
    for name, text in sent.items():
        assert "to be agreed" not in text or not name.startswith(("redline", "clean")), name
        assert "[amount" not in text, name
    assert f"CME allowance of {to_agree} that" in unescape(md)  # asked for, its amount to agree
    memo = result.outputs["memo"].read_text()
    # the memo, for the physician and their attorney, compares with the range sought and says it is not asked for
    assert [line for line in memo.splitlines() if re.search(r"\$\s?\d", line)] == [
        f"| Total compensation sought | in {currency} | $290,000 to $310,000 (profile: asks.base-salary); not "
        f"asked for: the draft pays in another currency (compare it yourself) |"]
    assert "| Base salary |" not in memo
    (said,) = [m.text for m in result.messages if currency in m.text and m.text.startswith("currency:")]
    assert said.startswith(f"currency: the contract states money in {currency}, not US dollars, so no dollar "
                           f"figure of the profile's is asked for") and "the letter names no pay figures" in said
    assert any(m.text.startswith("cme-allowance: our wording states an amount") for m in result.messages)



def test_a_bonus_ceiling_gets_a_target_in_the_letter_not_a_kept_one(tmp_path):
    """Langecker (fourth audit): "up to forty percent (40%)" led to "Could we keep the incentive at the draft's 40%",
    and the letter's total counted the ceiling. Then (seventh audit) the letter asked for the 20% target within the
    ceiling, and counted it ($44,200 = 260,000 x 20% x 85%): a target so far below the ceiling invites the employer
    to pay that little. The letter asks the employer to state its target, counts no bonus, and the memo warns."""
    bonus = ("Employee may be eligible for an annual performance bonus of up to 40% of Base Salary, payable at the "
             "sole discretion of the Company.")
    sections = [(h, bonus if h == "3. Annual Bonus" else b) for h, b in VENDOR_SECTIONS]
    run = redline(*write_vendor_case(tmp_path, sections), tmp_path / "out", date="2027-03-14T12:00:00Z")
    md = " ".join(unescape(run.outputs["letter_md"].read_text()).split())
    assert "Could the agreement state the incentive's target within the draft's ceiling of 40% of base salary, so " \
           "that we both know what it is expected to pay, with metrics" in md
    assert "20%" not in md and "$44,200" not in md
    assert "keep the incentive" not in md and "40% bonus target" not in md and "$88,400" not in md
    memo = " ".join(run.outputs["memo"].read_text().split())
    assert "| Bonus ceiling (of base salary) | 40% (contract, section '3. Annual Bonus') | - |" in memo
    assert "Asks that the agreement state the incentive's target within the draft's ceiling of 40% of Base Salary, " \
           "which stays" in memo
    assert "the target asked for (20%) is below the draft's ceiling (40%) and is not written in or proposed" in memo


def test_a_guaranteed_bonus_minimum_is_kept_in_the_letter_as_a_floor(tmp_path):
    """Monroe (fourth audit): "entitled to an annual bonus of a minimum of 50%" became "Could we keep the incentive
    at the draft's 50% of base salary, with metrics we agree ...", recasting a guaranteed floor as a target on
    metrics. The floor stays as drafted, the letter names it as the guaranteed minimum it is and adds no metrics.
    The floor is guaranteed pay (audit 5: the letter had asked for a $260,000 base against it): by hand, the draft's
    240,000 x 50% = 120,000, + 240,000 = 360,000 a year, above the 255,000 to 270,000 sought, so pay is not raised."""
    bonus = ("Employee shall be entitled to an annual bonus of a minimum of 50% of Base Salary, in an amount "
             "determined by the Board in its sole discretion. Employee must be employed on the date the bonus is "
             "paid in order to receive it.")
    sections = [(h, bonus if h == "3. Annual Bonus" else b) for h, b in VENDOR_SECTIONS]
    run = redline(*write_vendor_case(tmp_path, sections), tmp_path / "out", date="2027-03-14T12:00:00Z")
    edit = next(e for e in run.plan.edits if e.clause_id == "bonus-incentive")
    assert all("minimum of 50% of Base Salary, in an amount determined by the Board in its sole discretion." in c.after
               for c in edit.changes)
    md = " ".join(unescape(run.outputs["letter_md"].read_text()).split())
    assert "The $360,000 a year the draft offers in base salary and guaranteed minimum bonus fits the scope of this " \
           "role, and I am not asking to change it." in md
    assert "Could we keep the draft's guaranteed minimum bonus of 50% of base salary as it is, with an incentive " \
           "earned for a year paid even if employment ends before the payment date" in md
    assert "keep the incentive at" not in md and "bonus target" not in md and "metrics we agree" not in md
    memo = run.outputs["memo"].read_text()
    assert "| Bonus minimum (of base salary) | 50% (contract, section '3. Annual Bonus') | - |" in memo
    assert "not asked for: the draft's $360,000 a year in base salary and guaranteed minimum bonus meets it" in memo
    # the review of base salary alone calls it below the range: the memo says why the letter does not raise it
    assert "is below the $255,000 to $270,000 range sought for this combination of clinical and informatics work. The " \
           "letter does not raise pay: the draft's $360,000 a year in base salary and guaranteed minimum bonus meets " \
           "the range sought." in " ".join(memo.split())


def test_a_contractors_letter_speaks_of_the_agreement_and_its_fees(profile, plan, library):
    """Attorney's audit: contractor letters (Common Paper's contractor agreement, the CUAD consulting agreements)
    were about "the ... employment agreement" and asked for a base salary, which only an employee has; they speak of
    the agreement and an annual fee, in the letter, its figures, the email and the memo. An employee's stays as it
    was."""
    engaged = plan.model_copy(update={"edits": [e for e in plan.edits if e.clause_id != "base-salary"]})
    clause = library.get("base-salary")  # as the planner words it for a contractor
    comment, request = render_ask(clause, profile_values(clause, profile), engaged=True)
    engaged.edits.append(PlannedEdit(clause_id=clause.id, topic=clause.topic, title=clause.title, kind="letter",
                                     tier="preferred", comment=comment, request=request))
    employee, contractor = build_letter(profile, plan, library), build_letter(profile, engaged, library, engaged=True)
    assert employee.subject.endswith("employment agreement")
    assert contractor.subject == f"Proposed revisions to the {profile.role.title} agreement"
    written = {
        "letter": render_markdown(contractor),
        "email": render_email(contractor),
        "memo": render_memo(build_memo(contractor), contractor),
    }
    for name, text in written.items():
        assert not re.search(r"(?i)base\s+salary|employment agreement", text), name
    assert "an annual fee of $245,000" in squash(written["letter"]) + squash(written["email"])
    assert "| Annual fee | - | $245,000 (profile: compensation.base\\_salary) |" in written["memo"]
    assert "Annual fee and total compensation" in [r.title for r in contractor.requests]
    assert "base salary of $245,000" in squash(render_markdown(employee))
    # the opening and the email thank the physician for the engagement, not a position (seventh session)
    assert f"offering me the {profile.role.title} engagement at" in squash(written["letter"])
    assert f"the offer of the {profile.role.title} engagement." in squash(written["email"])
    assert f"offering me the {profile.role.title} position at" in squash(render_markdown(employee))


@pytest.mark.parametrize("clause_id, asked, kept", [
    ("malpractice", "with limits per claim and in the aggregate to be agreed in euros?",
     "with limits of $1,000,000 per claim and $3,000,000 in the aggregate?"),
    ("call-after-hours", "provide an hourly rate to be agreed in euros and 3 flex days afterwards?",
     "provide $150 an hour and 3 flex days afterwards?"),
])
def test_an_amount_to_agree_in_another_currency_is_asked_for_as_a_request(library, clause_id, asked, kept):
    """Baan (audit), hospitalist profile: the letter asked for limits "of [amount in euros to be agreed] per claim and
    [amount in euros to be agreed] in the aggregate" and "[amount in euros to be agreed] an hour"; in another currency
    the request asks for the amount to be agreed, in dollars it names the figure as before."""
    from counterdraft.wording import Unpriced

    clause = library.get(clause_id)
    values = profile_values(clause, None)
    money = {n: v for n, v in values.items() if clause.parameters[n].type == "money"}
    values.update(per_claim_usd=1000000, aggregate_usd=3000000, after_hours_rate_usd=150, go_live_flex_days=3)
    values = {n: v for n, v in values.items() if n in clause.parameters}
    assert render_ask(clause, values)[1].endswith(kept)
    _, request = render_ask(clause, {**values, **{n: Unpriced("euros") for n in money}})
    assert request.endswith(asked) and "[" not in request


HELDOUT5 = ROOT / "eval" / "contracts" / "heldout5"
MONROE = HELDOUT5 / "1020616_1999-08-16_LASON_MONROE_EMPLOYMENT_AGREEMENT.txt"
STEVENS = HELDOUT5 / "1007297_1999-05-17_EXCITE_STEVENS_OFFER_LETTER.txt"
MONROE_SCHEDULE = ("$250,000 during the period of June 1, 1999 to May 31, 2000, rising to $275,000 during the period "
                   "of June 1, 2000 to May 31, 2001")


@pytest.mark.parametrize("profile_name", ["profile.yaml", "profile-hospitalist.yaml"])
def test_a_stepped_salary_is_kept_whole_and_its_first_step_counted(tmp_path, txt2docx, profile_name):
    """Monroe (attorney audit): $250,000 for the first year and $275,000 for the second was read as one salary of
    $250,000, and the letter's "keep the draft's base salary of $250,000" (profile A), or "set the base salary at
    $250,000" (profile B, whose $250,000 is the first step's), could be read as giving up the second year's raise.
    The letter keeps the schedule whole, the arithmetic counts its first step and says so, and the memo states both
    steps. By hand (A): $250,000 + $55,000 = $305,000; (B): $250,000 + $100,000 = $350,000."""
    contract = txt2docx.convert(MONROE, tmp_path / "monroe.docx", "plain")
    run = redline(contract, ROOT / "samples" / profile_name, tmp_path / "out", date="2026-11-26T12:00:00Z")
    md = " ".join(unescape(run.outputs["letter_md"].read_text()).split())
    cash = "$305,000" if profile_name == "profile.yaml" else "$350,000"
    assert f"keep the draft's base salary schedule ({MONROE_SCHEDULE}) and add a fixed stipend of" in md
    assert f"{cash} a year (at the first step of the draft's salary schedule) before any bonus" in md
    assert f"Would it work to keep the base salary schedule ({MONROE_SCHEDULE})" in md
    assert f"Total cash compensation: $250,000 (the first step of the draft's schedule) + " in md
    assert "base salary of $250,000 and" not in md and "base salary at $250,000" not in md
    email = " ".join(run.outputs["email"].read_text().split())
    assert f"keeping the draft's base salary schedule ({MONROE_SCHEDULE}) and adding" in email
    memo = " ".join(run.outputs["memo"].read_text().split())
    assert f"The contract states base salary {MONROE_SCHEDULE}." in memo
    assert f"The base salary is stated as a schedule ({MONROE_SCHEDULE}); the figures count its first step, " \
           f"$250,000." in memo


def test_a_one_year_target_asked_for_every_year_is_counted_only_as_an_ask(tmp_path, txt2docx):
    """Stevens (attorney audit): the draft's 35% target is "Your 1999 ... target", for one year only; asked for
    every year, it was counted in the proposal's expected bonus and total cash as if granted ("the expected bonus is
    $87,500, for total cash compensation of $437,500"). The figures stay, and every output says they hold only if
    the ask is granted. By hand: $250,000 x 35% = $87,500; + $250,000 + $100,000 = $437,500."""
    contract = txt2docx.convert(STEVENS, tmp_path / "stevens.docx", "plain")
    run = redline(contract, ROOT / "samples" / "profile-hospitalist.yaml", tmp_path / "out",
                  date="2026-11-26T12:00:00Z")
    md = " ".join(unescape(run.outputs["letter_md"].read_text()).split())
    assert "With the bonus target of 35% of base salary that I am asking for every year (the draft states it for " \
           "one year or period only) and an expected payout of 100% of target, the expected bonus would be $87,500, " \
           "for total cash compensation of $437,500, if that target is agreed." in md
    assert "the expected bonus is $87,500" not in md
    assert "Expected bonus: $250,000 × 35% target (asked for every year, as if granted) × 100% expected payout = " \
           "$87,500" in md
    email = " ".join(run.outputs["email"].read_text().split())
    assert "total cash comes to $437,500, if the 35% target, which the draft states for one year or period only, is " \
           "agreed for every year." in email
    memo = run.outputs["memo"].read_text()
    assert "the expected bonus counts the 35% target asked for every year as if the ask were granted" in memo


def test_a_later_salary_step_above_the_profiles_is_not_cut(tmp_path):
    """Sophinos: $235,000 until the end of 1998, then $248,000 from 1999; the letter asked to "set the base salary
    at $245,000", a cut of the running salary. It keeps the schedule, and the draft's own cash (by hand: $235,000 +
    45% = $340,750) says which step it counts."""
    pay = ("Employer shall pay Physician a base salary at the annual rate of (i) $235,000.00 during the period from "
           "April 1, 1998 to December 31, 1998; and (ii) $248,000.00 commencing January 1, 1999. Physician shall be "
           "eligible for a target cash bonus of 45% of annual base salary.")
    result = redline(_offer(tmp_path, pay), ROOT / "samples" / "profile.yaml", tmp_path / "out",
                     date="2026-01-05T09:00:00Z")
    md = " ".join(unescape(result.outputs["letter_md"].read_text()).split())
    assert "keep the draft's base salary schedule ($235,000 during the period from April 1, 1998 to December 31, " \
           "1998, rising to $248,000 commencing January 1, 1999)" in md
    assert "the draft's own figures come to $340,750 in cash at the first step of its salary schedule" in md
    assert "$245,000" not in md
