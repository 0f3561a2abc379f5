"""The bundled sample contract and the core clauses must fit each other: the redline depends on both."""
from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
import yaml

from counterdraft.library import load_clause, parameter_values, render, render_ask, render_tier, template_variables
from counterdraft.models import Clause

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "hybrid-offer.docx"
SCRIPT = ROOT / "samples" / "make_sample.py"
PROFILE = yaml.safe_load((ROOT / "samples" / "profile.yaml").read_text(encoding="utf-8"))

CORE = ["termination-without-cause", "intellectual-property", "remote-work", "non-compete", "cme-allowance",
        "fte-split", "base-salary"]

#: What the profile's asks must put into every tier of a clause (money as the `money` filter writes it).
ASKED_NUMBERS = {
    "termination-without-cause": ["90"],
    "remote-work": ["(2)"],
    "non-compete": ["(12) months", "(10) miles"],
    "cme-allowance": ["$4,000", "(5) days"],
    "fte-split": ["0.5 FTE"],
    "intellectual-property": [],
}

#: The same asks as they must appear in the talking point.
TALKING_NUMBERS = {
    "termination-without-cause": ["90 days"],
    "remote-work": ["2 remote days"],
    "non-compete": ["12 months", "10 miles"],
    "cme-allowance": ["$4,000", "5 paid days"],
    "fte-split": ["0.5 FTE clinical", "0.5 FTE informatics"],
    "intellectual-property": [],
}

#: Each edit's `find`, in order, and the exact employer wording it must hit in the sample.
#: What each edit of a clause matches in the sample, in order; None for an edit for wording the sample does not use.
EXPECTED_MATCHES = {
    # the last edit appends the employer's notice to one both parties give, the sample's (plan.py honours each edit's
    # `unless`, which keeps the first from that sentence; this test reads the patterns alone)
    "termination-without-cause": ["sixty (60) days", None, None, None, None, "sixty (60) days' prior written notice"],
    "non-compete": ["twenty-four (24) months", "twenty-five (25) miles", None, "any practice of medicine"],
    # the split written after its names ("a clinical FTE of 0.7") is not the sample's form
    "fte-split": ["0.7", "0.3", None, None, "such other duties as may be assigned by Employer from time to time"],
}

#: Which sample section each clause belongs to (by caption).
SECTION_OF = {
    "termination-without-cause": "7. Termination Without Cause.",
    "fte-split": "2. Duties and FTE Allocation.",
    "base-salary": "4. Compensation.",
    "remote-work": "8. Remote Work.",
    "intellectual-property": "9. Intellectual Property.",
    "non-compete": "11. Non-Competition.",
}

CAPTION = re.compile(r"^\d+\.\s+[A-Z][^.]*\.\s")


# ---------------------------------------------------------------------------------------------------- helpers
def clause(cid: str) -> Clause:
    return load_clause(ROOT / "clauses" / f"{cid}.yaml")


def asks(cid: str) -> dict:
    return PROFILE["asks"].get(cid) or {}


@pytest.fixture(scope="module")
def document() -> docx.document.Document:
    return docx.Document(str(SAMPLE))


def is_caption(paragraph) -> bool:
    runs = paragraph.runs
    return bool(runs) and bool(runs[0].bold) and bool(CAPTION.match(paragraph.text))


def sections(doc) -> dict[str, list]:
    """Caption -> the caption paragraph and the body paragraphs after it, up to the next caption."""
    out: dict[str, list] = {}
    current = None
    for p in doc.paragraphs:
        if is_caption(p):
            current = p.runs[0].text.strip()
            out[current] = [p]
        elif p.text.startswith("IN WITNESS"):
            current = None
        elif current is not None and p.text.strip():
            out[current].append(p)
    return out


def section_text(doc, caption: str) -> str:
    return "\n".join(p.text for p in sections(doc)[caption])


def body_text(doc) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


def money_value(text: str) -> int:
    return int(text.replace("$", "").replace(",", "").strip())


# ---------------------------------------------------------------------------------------------------- clauses
@pytest.mark.parametrize("cid", CORE)
def test_clause_loads_with_its_file_name_as_id_and_topic(cid):
    c = clause(cid)
    assert c.id == cid and c.topic == cid
    assert "preferred" in c.tiers and len(c.tiers) >= 2
    assert all(cue == cue.lower() for cue in c.cues + c.heading_cues)
    if c.insert_after:
        assert c.heading


@pytest.mark.parametrize("cid", CORE)
def test_templates_use_only_declared_parameters(cid):
    c = clause(cid)
    for template in c.tiers.values():  # a tier may also ask whether the contract says something
        assert template_variables(template) <= set(c.parameters) | {"says", "own"}, template
    for template in [e.replace for e in c.edits]:  # and what the draft states, the edits made, the checks fired
        assert template_variables(template) <= set(c.parameters) | {"found", "made", "flagged"}, template
    # these may also read the contract's own figures, the names of the edits the redline made and of the checks that
    # fired, whether a stipend is in play, whether the physician is engaged as a contractor and has a right to end it,
    # the position's total FTE, whether the contract speaks of full-time work and ties a benefit to it, and the
    # agreement a draft beside the employment agreement names as holding a clause it lacks
    for template in [c.rationale, c.talking_point]:
        assert template_variables(template) <= set(c.parameters) | {"found", "present", "says", "states", "made",
                                                                    "flagged", "stipend", "engaged", "own", "own_notice",
                                                                    "drafted", "total_fte", "full_time", "held",
                                                                    "full_time_benefits"}, template
    # and a check's message whether the profile asks for the figure it compares with, and a pattern check's the
    # words it found
    for k in c.checks:
        quoted = {"quote"} if k.pattern is not None else set()
        assert template_variables(k.message) <= set(c.parameters) | {"found", "asked_for"} | quoted, k.message


@pytest.mark.parametrize("cid", CORE)
@pytest.mark.parametrize("source", ["defaults", "profile"])
def test_everything_renders(cid, source):
    c = clause(cid)
    values = parameter_values(c, asks(cid) if source == "profile" else None)
    for tier in c.tiers:
        text = render_tier(c, tier, values)
        assert len(text) > 80 and "{" not in text and "  " not in text
    for template in [*(e.replace for e in c.edits), *(k.message for k in c.checks)]:
        assert "{" not in render(c, template, {**values, "found": {}, "asked_for": "asked for", "quote": "as needed",
                                               "made": set(), "flagged": set()}, "test")
    for present in (False, True):
        assert not any("{" in text for text in render_ask(c, values, present=present))


@pytest.mark.parametrize("cid", sorted(ASKED_NUMBERS))
def test_tiers_and_talking_point_state_the_asked_numbers(cid):
    c = clause(cid)
    values = parameter_values(c, asks(cid))
    for tier in c.tiers:
        text = render_tier(c, tier, values)
        for number in ASKED_NUMBERS[cid]:
            assert number in text, (tier, number)
    # a clause whose absence suits the physician is argued with figures only where the contract has it (a covenant
    # in a separate agreement is asked for unseen, with none)
    _, talking = render_ask(c, values, present=c.on_missing == "ignore")
    for number in TALKING_NUMBERS[cid]:
        assert number in talking, number


def test_base_salary_states_the_range():
    c = clause("base-salary")
    values = parameter_values(c, asks("base-salary"))
    assert c.on_found == "keep"
    _, talking = render_ask(c, values)
    assert "$290,000" in talking and "$310,000" in talking
    assert "$310,000" in render_tier(c, "preferred", values)
    assert "$290,000" in render_tier(c, "acceptable", values)


@pytest.mark.parametrize("cid", ["termination-without-cause", "remote-work", "non-compete", "cme-allowance",
                                 "fte-split", "base-salary"])
def test_wording_follows_the_parameters_not_fixed_numbers(cid):
    c = clause(cid)
    base = parameter_values(c)
    changed = dict(base)
    for name, p in c.parameters.items():
        if p.type in ("int", "money", "float"):
            step = 0.1 if p.type == "float" else 1
            bumped = base[name] - step if p.max is not None and base[name] + step > p.max else base[name] + step
            changed[name] = round(bumped, 2) if p.type == "float" else bumped
    changed = parameter_values(c, changed)
    present = c.on_missing == "ignore"  # as above: figures only where the contract has it
    assert render_ask(c, base, present=present)[1] != render_ask(c, changed, present=present)[1]
    assert render_tier(c, "preferred", base) != render_tier(c, "preferred", changed)


@pytest.mark.parametrize("cid", CORE)
def test_own_wording_passes_own_pattern_checks(cid):
    c = clause(cid)
    values = parameter_values(c, asks(cid))
    for tier in c.tiers:
        text = render_tier(c, tier, values)
        for check in c.checks:
            if check.pattern:
                assert not re.search(check.pattern, text), (tier, check.pattern)
            if check.absent:
                assert re.search(check.absent, text), (tier, check.absent)


@pytest.mark.parametrize("cid", sorted(SECTION_OF))
def test_text_checks_flag_the_sample(cid, document):
    c = clause(cid)
    text = section_text(document, SECTION_OF[cid])
    text_checks = [k for k in c.checks if k.pattern or k.absent]
    if cid == "termination-without-cause":
        assert not text_checks  # judged by the notice period alone
        return
    flagged = [k for k in text_checks
               if (k.pattern and re.search(k.pattern, text)) or (k.absent and not re.search(k.absent, text))]
    assert flagged, f"no pattern check of {cid} recognises the sample's weak wording"


# ---------------------------------------------------------------------------------------------------- edits
@pytest.mark.parametrize("cid", sorted(EXPECTED_MATCHES))
def test_edits_hit_the_sample_once_and_change_it(cid, document):
    c = clause(cid)
    assert c.on_found == "edit"
    assert len(c.edits) == len(EXPECTED_MATCHES[cid])
    whole = body_text(document)
    section = section_text(document, SECTION_OF[cid])
    values = parameter_values(c, asks(cid))
    edited = section
    for edit, expected in zip(c.edits, EXPECTED_MATCHES[cid]):
        matches = [m.group(0) for m in re.finditer(edit.pattern, whole)]
        if expected is None:
            assert matches == [], edit.pattern
            continue
        assert matches == [expected], edit.pattern
        assert re.search(edit.pattern, section), "the match is outside the clause's own section"
        replacement = render(c, edit.replace, values, "edit")
        assert replacement != expected
        edited = re.sub(edit.pattern, lambda _m: replacement, edited, count=1)
    assert edited != section
    for old in filter(None, EXPECTED_MATCHES[cid]):
        assert old not in edited


def test_edited_sections_read_as_the_asks(document):
    nc = clause("non-compete")
    text = section_text(document, SECTION_OF["non-compete"])
    values = parameter_values(nc, asks("non-compete"))
    for edit in nc.edits:
        text = re.sub(edit.pattern, lambda _m, e=edit: render(nc, e.replace, values, "edit"), text, count=1)
    assert "twelve (12) months following" in text
    assert "within ten (10) miles of" in text

    fte = clause("fte-split")
    text = section_text(document, SECTION_OF["fte-split"])
    values = parameter_values(fte, asks("fte-split"))
    for edit in fte.edits:
        text = re.sub(edit.pattern, lambda _m, e=edit: render(fte, e.replace, values, "edit"), text, count=1)
    assert "(a) 0.5 FTE to clinical services" in text
    assert "(b) 0.5 FTE to clinical informatics" in text
    assert "1.0 full-time equivalent" in text  # the total is not touched


# ---------------------------------------------------------------------------------------------------- sample
def test_sample_regenerates_byte_identically(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    digests = []
    for name in ("a.docx", "b.docx"):
        out = tmp_path / name
        subprocess.run([sys.executable, str(SCRIPT), str(out)], check=True, env=env, capture_output=True)
        digests.append(hashlib.sha256(out.read_bytes()).hexdigest())
    assert digests[0] == digests[1]
    assert digests[0] == hashlib.sha256(SAMPLE.read_bytes()).hexdigest(), \
        "samples/hybrid-offer.docx is stale: run python samples/make_sample.py"


def test_sample_contains_the_weak_terms(document):
    text = body_text(document)
    for phrase in [
        "sixty (60) days' prior written notice",
        "permitted at the sole discretion of the Employer and may be revoked at any time",
        "twenty-four (24) months",
        "twenty-five (25) miles",
        "any practice of medicine",
        "whether or not during working hours and whether or not using Employer's facilities",
        "such other duties as may be assigned",
        "0.7 FTE to clinical services in ambulatory internal medicine",
        "0.3 FTE to clinical informatics",
        "three (3) years",
        "claims-made",
        "\"tail\"",
        "Morgan Ellis",
        "Dana R. Whitfield, MD, MS",
        "Physician Informaticist",
    ]:
        assert phrase in text, phrase
    ip = section_text(document, SECTION_OF["intellectual-property"])
    assert not re.search(r"(?i)prior invention|exhibit|own time|excluded", ip)
    lowered = text.lower()
    for absent in ("continuing medical education", "cme", "conference"):
        assert absent not in lowered, absent


def test_sample_structure(document):
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    assert paragraphs[0].style.name == "Title"
    assert all(p.style.name == "Normal" for p in paragraphs[1:])
    caps = sections(document)
    numbers = [int(c.split(".")[0]) for c in caps]
    assert numbers == list(range(1, len(caps) + 1)) and len(caps) >= 12
    for caption, paras in caps.items():
        head = paras[0]
        assert head.runs[0].bold and head.runs[0].text == caption + " "
        assert len(head.runs) >= 2 and not head.runs[1].bold  # body follows in a normal run, same paragraph
    for caption in SECTION_OF.values():
        assert caption in caps
    # the one bold phrase inside a body sentence, which the termination edit rewrites
    term = caps[SECTION_OF["termination-without-cause"]][0]
    bold_inside = [r.text for r in term.runs[1:] if r.bold]
    assert bold_inside == ["sixty (60) days'"]
    section = document.sections[0]
    assert section.header.paragraphs[0].text == (
        "Lakeshore Regional Health System - Physician Employment Agreement - Confidential")
    assert 'w:instr="PAGE"' in section.footer._element.xml
    props = document.core_properties
    assert props.revision == 1 and props.created.year == 2026 and props.modified == props.created


def test_compensation_table_adds_up(document):
    assert len(document.tables) == 1
    table = document.tables[0]
    assert table.style.name == "Table Grid"
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0][0] == "Component"
    body = {name: money_value(amount) for name, amount in rows[1:]}
    assert set(body) == {"Clinical base salary (0.7 FTE)", "Informatics stipend (0.3 FTE)", "Total"}
    total = body.pop("Total")
    assert sum(body.values()) == total == 260_000
    assert "$260,000" in section_text(document, SECTION_OF["base-salary"])


@pytest.mark.parametrize("tier", ["preferred", "acceptable"])
def test_remote_work_wording_keeps_the_physicians_security_duty(tier):
    """The sample's remote-work section binds the physician to the security policies; our wording replaces it, so it
    says as much (audit: the redline had struck that duty, which the employer's counsel would flag)."""
    c = clause("remote-work")
    assert "information security" in render_tier(c, tier, parameter_values(c, {}))


@pytest.mark.parametrize("tier", ["preferred", "acceptable"])
def test_the_ip_carve_out_cites_nothing_the_contract_lacks(tier):
    """No "Exhibit A" (contracts have none for it, or one that is something else) and no "Effective Date" (offer
    letters rarely define one): the audit found both dangling in most redlines."""
    c = clause("intellectual-property")
    text = render_tier(c, tier, parameter_values(c, {}))
    assert "Exhibit" not in text and "Effective Date" not in text and "Prior Invention" not in text.replace(
        '("Prior Inventions")', "")


@pytest.mark.parametrize("path", sorted((ROOT / "clauses").glob("*.yaml")), ids=lambda p: p.stem)
def test_our_party_words_stand_where_the_contracts_names_can(path):
    """"Employer" becomes the contract's name for the employer, "the Company" as often as not: written after an
    article or as an adjective ("a written Employer policy", "any Employer facility") it read "a written the Company
    policy" in six redlines (audit, round 4). Our wording writes "a written policy of Employer"."""
    text = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("#"))
    bad = re.findall(r"(?i:\b(?:a|an|any|every|each|no|such|written|without|other)\s+)(?:Employer|Physician)\b(?!['’]s)"
                     r"(?=\s+[a-z])", text)
    assert not bad, bad
