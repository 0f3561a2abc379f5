"""`redline` on contracts written by others: the real DOCX forms of the corpus and the SEC employment agreements
(plain text, made DOCX by eval/txt2docx.py in the form it picks for each), with the sample physician's profile and
the hospitalist's (other asks, so other edits: an FTE split, severance, a stipend, an RVU target).

The redline is judged by readers that share no code with counterdraft: pandoc and LibreOffice must read its
reject-all text as the contract's and its accept-all text as the clean copy's; the schemas and the revision lint
must find nothing the contract did not already have; every planned edit must be made, each with its comment.
"""
from __future__ import annotations

import collections
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

import oracles
from counterdraft.redline import RedlineResult, redline

ROOT = Path(__file__).resolve().parents[1]
PROFILES = [ROOT / "samples" / "profile.yaml", ROOT / "samples" / "profile-hospitalist.yaml"]
DATE = "2026-01-05T09:00:00Z"
_LINE = re.compile(r"line \d+")


@dataclass
class Case:
    contract: Path
    result: RedlineResult

    @property
    def name(self) -> str:
        return self.contract.name

    @property
    def redline(self) -> Path:
        return self.result.outputs["redline"]

    @property
    def clean(self) -> Path:
        return self.result.outputs["clean"]


@pytest.fixture(scope="module", params=PROFILES, ids=lambda p: p.stem)
def cases(request, shared_dir, pandoc, tmp_path_factory, txt2docx) -> list[Case]:
    contracts = shared_dir / "corpus" / "contracts"
    # the real DOCX forms of the corpus, and those of the held-out sets in this repository
    forms = sorted((contracts / "docx_forms").glob("*.docx")) + sorted((ROOT / "eval" / "contracts").glob("*/*.docx"))
    # the SEC agreements of the corpus, and of the held-out and physician sets in this repository (after their
    # first runs)
    texts = sorted((contracts / "sec_employment").glob("*.txt")) + sorted((ROOT / "eval" / "contracts").glob(
        "*/*.txt"))
    if not forms and not texts:
        pytest.skip(f"no contracts under {contracts}")
    out = tmp_path_factory.mktemp("redline_corpus")
    made = [txt2docx.convert(t, out / f"{t.stem[:40]}.docx") for t in texts]
    cases = []
    for n, contract in enumerate(forms + made):
        before = hashlib.sha256(contract.read_bytes()).digest()
        result = redline(contract, request.param, out / f"{n:02d}", date=DATE)
        assert hashlib.sha256(contract.read_bytes()).digest() == before, f"{contract.name} was modified"
        cases.append(Case(contract, result))
    return cases



def test_every_planned_edit_is_made_with_its_comment(cases):
    failures, made = [], 0
    for c in cases:
        text_edits = {e.clause_id for e in c.result.plan.edits if e.kind != "letter"}
        skipped = [m.text for m in c.result.messages if "skipped" in m.text or "no place" in m.text or
                   "not made" in m.text]
        if skipped or set(c.result.applied) != text_edits:
            failures.append(f"{c.name}: made {sorted(c.result.applied)} of {sorted(text_edits)}; {skipped}")
        ours = [x for x in oracles.comments(c.redline) if x["author"] == c.result.plan.author]
        expected = len(c.result.applied) + sum(len(e.conforming) for e in c.result.plan.edits)
        if len(ours) != expected or any(not x["anchor"] for x in ours):
            failures.append(f"{c.name}: {len(ours)} comment(s) for {len(c.result.applied)} edit(s) and "
                            f"{expected - len(c.result.applied)} conforming note(s)")
        made += len(c.result.applied)
    assert not failures, oracles.report(failures)
    assert made >= 3 * len(cases)  # real contracts hold the weak terms the profile asks about


def test_messages_name_every_section_readably(cases):
    """A letter's paragraphs have no heading: messages name them by their first words, never as 'None'."""
    bad = [f"{c.name}: {m.text}" for c in cases for m in c.result.messages + c.result.plan.messages
           if "None" in m.text]
    assert not bad, oracles.report(bad)
    assert any("the paragraph beginning" in m.text for c in cases for m in c.result.messages)


def test_pandoc_reads_the_contract_after_reject_and_the_clean_copy_after_accept(cases):
    failures = []
    for c in cases:
        reject, original = oracles.pandoc_text(c.redline, "reject"), oracles.pandoc_text(c.contract, "reject")
        if reject != original:
            failures.append(f"{c.name} reject:\n      {oracles.differ(original, reject)}")
        accept, clean = oracles.pandoc_text(c.redline, "accept"), oracles.pandoc_text(c.clean, "accept")
        if accept != clean:
            failures.append(f"{c.name} accept:\n      {oracles.differ(clean, accept)}")
        if c.result.applied and accept == oracles.pandoc_text(c.contract, "accept"):
            failures.append(f"{c.name}: edits made, yet the accepted text is the contract's")
    assert not failures, oracles.report(failures)


def test_libreoffice_reads_the_contract_after_reject_and_the_clean_copy_after_accept(cases, libreoffice):
    paths = [p for c in cases for p in (c.redline, c.contract, c.clean)]
    texts = dict(zip(paths, oracles.lo_texts_many(paths)))
    failures = []
    for c in cases:
        got, original, clean = texts[c.redline], texts[c.contract], texts[c.clean]
        if got["reject"] != original["reject"]:
            failures.append(f"{c.name} reject:\n      {oracles.differ(original['reject'], got['reject'])}")
        if got["accept"] != clean["accept"]:
            failures.append(f"{c.name} accept:\n      {oracles.differ(clean['accept'], got['accept'])}")
    assert not failures, oracles.report(failures)


def test_the_redline_adds_no_schema_or_revision_lint_error(cases):
    failures = []
    for c in cases:
        errors = {p: collections.Counter(_LINE.sub("", e) for e in oracles.validate_docx(p))
                  for p in (c.contract, c.redline)}
        new = errors[c.redline] - errors[c.contract]
        if new:
            failures.append(f"{c.name} schema: {sorted(new)[:3]}")
        lint = set(oracles.lint_revisions(c.redline)) - set(oracles.lint_revisions(c.contract))
        if lint:
            failures.append(f"{c.name} lint: {sorted(lint)[:3]}")
    assert not failures, oracles.report(failures)
