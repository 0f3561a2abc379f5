"""The bundled clause library, its lint, and how libraries layer over each other."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from counterdraft.errors import ConfigError
from counterdraft.library import ENV_VAR, load_clause, load_library, parameter_values, render, render_ask, render_tier
from counterdraft.lint import describe_library, lint_library, scaffold_clause
from counterdraft.models import WORDING_TOPICS
from counterdraft.resources import clauses_dir
from counterdraft.review import assess

BUNDLED = clauses_dir()


@pytest.fixture(autouse=True)
def _no_user_library(monkeypatch):
    """A library folder set in the developer's shell must not leak into these tests."""
    monkeypatch.delenv(ENV_VAR, raising=False)


@pytest.fixture(scope="module")
def lib():
    return load_library()


def write_clause(folder: Path, name: str, **changes) -> Path:
    """A valid clause file (the scaffold) with top-level fields replaced; a value of None drops the field."""
    data = yaml.safe_load(scaffold_clause(name, "term"))
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def texts(messages) -> list[str]:
    return [m.text for m in messages]


# ----------------------------------------------------------------------------------------------------------------
# the bundled library
# ----------------------------------------------------------------------------------------------------------------
def test_every_wording_topic_has_a_clause(lib):
    covered = {c.topic for c in lib.clauses.values()}
    assert sorted(set(WORDING_TOPICS) - covered) == []


@pytest.mark.parametrize("topic", WORDING_TOPICS)
def test_clause_is_complete(lib, topic):
    clause = lib.by_topic(topic)
    assert clause is not None, f"no clause for {topic}"
    values = parameter_values(clause)
    assert "preferred" in clause.tiers and len(clause.tiers) >= 2
    for tier in clause.tiers:
        assert len(render_tier(clause, tier, values)) > 40
    # the contract's own figures (`found`) are empty when the clause is missing, and present or not
    for present in (False, True):
        assert all(render_ask(clause, values, present=present))
    for name, param in clause.parameters.items():
        assert param.default is not None, f"{clause.id}.{name} has no default"
    assert clause.cues and all(c == c.lower() for c in clause.cues), "cues are matched against lowercased text"
    assert clause.heading, "a clause that can be inserted needs a heading"


@pytest.mark.parametrize("topic", WORDING_TOPICS)
def test_preferred_wording_passes_its_own_checks(lib, topic):
    """Our wording, once it is in the contract, must not be reported as weak by the same clause."""
    clause = lib.by_topic(topic)
    text = render_tier(clause, "preferred", parameter_values(clause))
    _, assessment, message = assess(clause, text, None)
    assert assessment in ("ok", "unknown"), message


def test_bundled_library_lints_clean():
    assert texts(lint_library([BUNDLED])) == []


# The weak forms the product must recognise, each as an employer might write it.
WEAK = {
    "leadership-stipend": "The informatics stipend of $36,000 is reviewed annually and remains subject to "
                          "Employer's budget approval process.",
    "productivity-rvu": "Physician shall generate 4,800 wRVUs annually, the standard for a 1.0 FTE internal "
                        "medicine physician.",
    "malpractice": "Employer shall provide professional liability insurance on a claims-made basis with limits of "
                   "$1,000,000 per claim and $3,000,000 in the aggregate. Upon termination for any reason, "
                   "Physician shall purchase, at Physician's sole expense, extended reporting (\"tail\") coverage.",
    "indemnification": "Each party shall indemnify and hold harmless the other party from claims arising from its "
                       "own negligence.",
    "termination-for-cause": "Employer may terminate this Agreement immediately for cause, including for any "
                             "conduct the Employer deems detrimental to its reputation or operations.",
    "outside-activities": "Physician shall not engage in any outside speaking, consulting or advisory activities "
                          "without the prior written approval of Employer.",
    "reporting-structure": "Physician shall report to such physician and administrative leaders as Employer may "
                           "designate from time to time.",
    "term": "Physician's employment is at-will and may be ended by either party at any time.",
    "severance": "Physician shall not be entitled to any severance upon termination.",
    "call-after-hours": "Physician shall be available evenings and weekends as needed for go-lives, without "
                        "additional compensation.",
    "protected-time": "Physician shall have protected time for informatics work as clinical needs permit.",
    "bonus-incentive": "Employer may pay Physician an annual bonus in its sole discretion.",
}


@pytest.mark.parametrize("clause_id", sorted(WEAK))
def test_weak_form_is_recognised(lib, clause_id):
    _, assessment, message = assess(lib.get(clause_id), WEAK[clause_id], None)
    assert assessment == "weak"
    assert message


def test_rvu_target_is_scaled_to_clinical_fte(lib):
    clause = lib.get("productivity-rvu")
    text = render_tier(clause, "preferred", parameter_values(clause, {"full_time_wrvu_target": 5000,
                                                                      "clinical_fte": 0.4}))
    assert "2,000 wRVUs" in text and "5,000 wRVUs" in text  # as contracts write them, not "2000"


@pytest.mark.parametrize("clause_id", ["leadership-stipend", "productivity-rvu", "reporting-structure",
                                       "bonus-incentive"])
def test_edits_turn_the_weak_form_into_one_that_passes(lib, clause_id):
    """Clauses that edit in place must leave text their own checks accept (as the planner applies edits)."""
    clause = lib.get(clause_id)
    values = parameter_values(clause)
    text = WEAK[clause_id]
    for edit in clause.edits:
        # it states no figure, and no edit before has been made
        replacement = render(clause, edit.replace, {**values, "found": {}, "made": set()}, "edits.replace")
        text = re.sub(edit.pattern, lambda _m: replacement, text, count=0 if edit.all else 1)
    assert text != WEAK[clause_id]
    _, assessment, message = assess(clause, text, None)
    assert assessment == "ok", f"{text}\n-> {message}"


# ----------------------------------------------------------------------------------------------------------------
# lint on broken folders
# ----------------------------------------------------------------------------------------------------------------
def test_lint_reports_unknown_field(tmp_path):
    path = write_clause(tmp_path, "extra-field", colour="red")
    found = texts(lint_library([tmp_path]))
    assert len(found) == 1 and str(path) in found[0] and "colour" in found[0]


def test_lint_reports_undeclared_variable(tmp_path):
    path = write_clause(tmp_path, "bad-var", tiers={"preferred": "Within {{ notice_weeks }} weeks.",
                                                    "acceptable": "Within {{ notice_days }} days."})
    found = texts(lint_library([tmp_path]))
    assert len(found) == 1
    assert str(path) in found[0] and "tiers.preferred" in found[0] and "notice_weeks" in found[0]


def test_lint_reports_undeclared_variable_in_check_message_and_talking_point(tmp_path):
    path = write_clause(tmp_path, "bad-msg", talking_point="Could we agree {{ weeks }}?",
                        checks=[{"absent": "notice", "message": "Missing {{ days }}."}])
    found = texts(lint_library([tmp_path]))
    assert any(str(path) in t and "talking_point" in t and "weeks" in t for t in found)
    assert any(str(path) in t and "checks.0.message" in t and "days" in t for t in found)


def test_only_a_pattern_checks_message_may_quote_what_it_found(tmp_path):
    """`{{ quote }}` is the words a pattern matched; an absent check matched nothing, so it would quote ("")."""
    write_clause(tmp_path, "quoted", checks=[{"pattern": "as needed", "message": 'Open-ended ("{{ quote }}").'},
                                             {"absent": "notice", "message": 'No notice ("{{ quote }}").'}])
    found = texts(lint_library([tmp_path]))
    assert len(found) == 1 and "checks.1.message" in found[0] and "quote" in found[0], found


def test_lint_reports_duplicate_id(tmp_path):
    first = write_clause(tmp_path, "dup")
    second = write_clause(tmp_path, "dup-copy", id="dup")
    found = texts(lint_library([tmp_path]))
    assert any(str(second) in t and "already defined" in t and str(first) in t for t in found)


def test_same_id_in_two_folders_is_an_override_not_a_clash(tmp_path):
    write_clause(tmp_path / "a", "same")
    write_clause(tmp_path / "b", "same", title="Overridden")
    assert texts(lint_library([tmp_path / "a", tmp_path / "b"])) == []


def test_lint_reports_unknown_topic(tmp_path):
    path = write_clause(tmp_path, "bad-topic", topic="parking")
    found = texts(lint_library([tmp_path]))
    assert len(found) == 1 and str(path) in found[0] and "topic" in found[0] and "parking" in found[0]


@pytest.mark.parametrize("field", ["insert_after", "stated_in"])
def test_lint_reports_an_unknown_topic_where_a_clause_names_other_topics(tmp_path, field):
    path = write_clause(tmp_path, "bad-related", **{field: ["termination-without-cause", "parking"]})
    found = texts(lint_library([tmp_path]))
    assert len(found) == 1 and str(path) in found[0] and f"{field}: unknown topic 'parking'" in found[0]


@pytest.mark.parametrize("field, change", [
    ("checks.0.pattern", {"checks": [{"pattern": "(unclosed", "message": "Weak."}]}),
    ("checks.0.absent", {"checks": [{"absent": "[a-", "message": "Weak."}]}),
    ("extract.notice_days.near", {"extract": {"notice_days": {"kind": "days", "near": "notice("}}}),
    ("extract.notice_days.phrased", {"extract": {"notice_days": {"kind": "days", "phrased": {"ninety[": 90}}}}),
    ("edits.0.find", {"on_found": "edit", "edits": [{"find": "*days", "replace": "{{ notice_days }} days"}]}),
    ("keep_if", {"keep_if": "(?x)based\\s+(at"}),
    ("held_in", {"held_in": "employee[agreement"}),
    ("facts.tail_paid", {"facts": {"tail_paid": "tail(paid"}}),
])
def test_lint_reports_bad_regex(tmp_path, field, change):
    path = write_clause(tmp_path, "bad-regex", **change)
    found = texts(lint_library([tmp_path]))
    assert len(found) == 1 and str(path) in found[0] and field in found[0] and "regular expression" in found[0]


def test_lint_reports_wording_that_cannot_render(tmp_path):
    # `words` writes numbers below a million; the declared maximum lets an ask go past that
    path = write_clause(tmp_path, "too-big", parameters={"amount": {"type": "int", "default": 5, "min": 0,
                                                                    "max": 5_000_000}},
                        extract=None, checks=None,
                        tiers={"preferred": "{{ amount | words }}", "acceptable": "{{ amount }}"},
                        rationale="{{ amount }}", talking_point="{{ amount }}")
    found = texts(lint_library([tmp_path]))
    assert len(found) == 1 and str(path) in found[0] and "tiers.preferred" in found[0]


@pytest.mark.parametrize("wording, said", [
    ("Physician approves the schedule.", "Physician approves"),
    ("Physician promptly reports to Employer.", "Physician promptly"),
    ("Physician reports to the CMIO and approves the schedule.", "Physician reports ... and approves"),
    ("Physician shall give his or her notice.", "his or her"),
])
def test_lint_reports_wording_a_letter_to_you_cannot_take(tmp_path, wording, said):
    """In a letter to "you", our wording says "you" for "Physician", with the verbs it knows agreeing ("you
    report"); a clause that puts "Physician" before another would read "you approves" there."""
    path = write_clause(tmp_path, "unvoiced", tiers={"preferred": wording, "acceptable": "Physician shall report."})
    found = texts(lint_library([tmp_path]))
    assert len(found) == 1 and str(path) in found[0] and "tiers.preferred" in found[0] and repr(said) in found[0]


def test_every_wording_for_every_sample_profile_reads_in_a_letter_to_you(lib):
    """Lint renders the defaults and the bounds; the sample profiles' figures choose other branches of the
    wording (a severance that runs with a notice, a contractor's): each says of the physician only what a letter to
    "you" can say (terms.unvoiced)."""
    from counterdraft.library import profile_values
    from counterdraft.lint import _templates
    from counterdraft.loading import load_profile
    from counterdraft.terms import unvoiced
    from counterdraft.wording import render_string

    profiles = [load_profile(p) for p in sorted((Path(__file__).resolve().parents[1] / "samples").glob("*.yaml"))]
    assert profiles
    for clause in lib.clauses.values():
        defaults = {name: p.default for name, p in clause.parameters.items()}
        for field, template, _, extra in _templates(clause, defaults):
            if field.startswith(("tiers.", "edits.")):
                for profile in profiles:
                    text = render_string(template, {**profile_values(clause, profile), **extra})
                    assert unvoiced(text) == [], (clause.id, field, text)


def test_a_fact_reads_as_a_variable_of_the_request_and_is_named_apart_from_the_parameters(tmp_path):
    path = write_clause(tmp_path, "fact", facts={"said_twice": "twice"},
                        talking_point="{% if said_twice %}Twice?{% else %}Once?{% endif %}")
    assert texts(lint_library([tmp_path])) == []
    path = write_clause(tmp_path, "fact", facts={"notice_days": "ninety"})
    found = texts(lint_library([tmp_path]))
    assert len(found) == 1 and str(path) in found[0] and "facts.notice_days" in found[0]


def test_lint_warns_when_file_name_differs_from_id(tmp_path):
    path = write_clause(tmp_path, "file-name", id="other-name")
    found = texts(lint_library([tmp_path]))
    assert len(found) == 1 and str(path) in found[0] and "other-name.yaml" in found[0]


def test_lint_reports_every_problem_not_just_the_first(tmp_path):
    a = write_clause(tmp_path, "a-unknown", colour="red")
    b = write_clause(tmp_path, "b-topic", topic="parking")
    c = write_clause(tmp_path, "c-regex", checks=[{"pattern": "(", "message": "Weak."}])
    found = texts(lint_library([tmp_path, tmp_path / "missing"]))
    for path in (a, b, c):
        assert any(str(path) in t for t in found)
    assert any("missing" in t and "not found" in t for t in found)


def test_lint_reports_invalid_yaml(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("id: broken\ntiers: [unclosed\n", encoding="utf-8")
    found = texts(lint_library([tmp_path]))
    assert len(found) == 1 and str(path) in found[0]


# ----------------------------------------------------------------------------------------------------------------
# clauses new
# ----------------------------------------------------------------------------------------------------------------
def test_scaffold_passes_lint_and_loads(tmp_path):
    path = tmp_path / "go-live-pay.yaml"
    path.write_text(scaffold_clause("go-live-pay", "call-after-hours"), encoding="utf-8")
    assert texts(lint_library([tmp_path])) == []
    clause = load_clause(path)
    assert (clause.id, clause.topic) == ("go-live-pay", "call-after-hours")


@pytest.mark.parametrize("clause_id, topic", [("Bad Id", "term"), ("ok-id", "parking")])
def test_scaffold_refuses_bad_id_or_topic(clause_id, topic):
    with pytest.raises(ConfigError):
        scaffold_clause(clause_id, topic)


# ----------------------------------------------------------------------------------------------------------------
# layering
# ----------------------------------------------------------------------------------------------------------------
def override_term(folder: Path, title: str) -> Path:
    """A copy of the bundled `term` clause with another title."""
    data = yaml.safe_load((BUNDLED / "term.yaml").read_text(encoding="utf-8"))
    data["title"] = title
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "term.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def test_library_folder_overrides_bundled_clause(tmp_path):
    path = override_term(tmp_path, "Term (firm wording)")
    lib = load_library(extra=[tmp_path])
    assert lib.get("term").title == "Term (firm wording)"
    row = next(r for r in describe_library(lib) if r["id"] == "term")
    assert row["source"] == str(path)
    assert row["overridden"] == [str(BUNDLED / "term.yaml")]
    assert row["title"] == "Term (firm wording)"


def test_environment_variable_adds_a_library(tmp_path, monkeypatch):
    path = override_term(tmp_path, "Term (from the environment)")
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    lib = load_library()
    assert lib.get("term").title == "Term (from the environment)"
    assert lib.sources["term"] == [str(BUNDLED / "term.yaml"), str(path)]


def test_library_option_wins_over_environment(tmp_path, monkeypatch):
    override_term(tmp_path / "env", "from env")
    cli = override_term(tmp_path / "cli", "from --library")
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env"))
    lib = load_library(extra=[tmp_path / "cli"])
    assert lib.get("term").title == "from --library"
    assert lib.sources["term"][-1] == str(cli)


def test_describe_library_lists_every_clause(lib):
    rows = describe_library(lib)
    assert [r["id"] for r in rows] == sorted(lib.clauses)
    stipend = next(r for r in rows if r["id"] == "leadership-stipend")
    assert stipend == {
        "id": "leadership-stipend", "topic": "leadership-stipend", "title": lib.get("leadership-stipend").title,
        "source": str(BUNDLED / "leadership-stipend.yaml"), "overridden": [],
        "parameters": {"amount_usd": {"type": "money", "default": 40000}},
        "tiers": ["preferred", "acceptable"],
    }


@pytest.mark.parametrize("field, change", [
    # the branch for a clause the contract has is rendered too, not only the one for a missing clause
    ("rationale", {"rationale": "{% if present %}{{ found.get('notice_days') + 1 }}{% else %}Adds it.{% endif %}"}),
    # the pattern a request looks for in the contract must compile
    ("talking_point", {"talking_point": "Could we{{ ' agree' if not says('(unclosed') }}?"}),
])
def test_lint_renders_a_request_every_way_the_contract_can_make_it(tmp_path, field, change):
    path = write_clause(tmp_path, "request-ways", **change)
    found = texts(lint_library([tmp_path]))
    assert len(found) == 1 and str(path) in found[0] and field in found[0]


def test_lint_reports_wording_that_cannot_leave_an_amount_blank(tmp_path):
    """In a contract paying in another currency an amount of money is a blank ("[amount in euros to be agreed]"),
    not a number: wording that computes with it would fail on such a contract, so lint says so now."""
    path = write_clause(tmp_path, "monthly", parameters={"amount_usd": {"type": "money", "default": 12000}},
                        extract=None, checks=None,
                        tiers={"preferred": "{{ (amount_usd / 12) | money }} a month",
                               "acceptable": "{{ amount_usd | money }} a year"},
                        rationale="Pays {{ amount_usd | money }}.",
                        talking_point="Could we agree on {{ amount_usd | money }}?")
    found = texts(lint_library([tmp_path]))
    assert len(found) == 1 and str(path) in found[0] and "tiers.preferred" in found[0] and "to be agreed" in found[0]


@pytest.mark.parametrize("change, problem", [
    # a check or an edit made moot by a parameter names one the clause reads
    ({"checks": [{"absent": "notice", "message": "Weak.", "unless_stated": ["notice_weeks"]}]}, "notice_weeks"),
    ({"on_found": "edit", "edits": [{"find": "days", "replace": "days", "unless_stated": ["notice_weeks"]}]},
     "notice_weeks"),
    # the templates read which edits were made by their names, which must differ
    ({"on_found": "edit", "edits": [{"name": "notice", "find": "days", "replace": "days"},
                                    {"name": "notice", "find": "weeks", "replace": "weeks"}]}, "same name"),
    # a figure is read as a ceiling, as a floor or for one period, not more than one of them
    ({"extract": {"notice_days": {"kind": "days", "near": "notice", "ceiling": True, "floor": True}}},
     "not more than one"),
    # what must come right before a figure is a pattern, linted as one
    ({"extract": {"notice_days": {"kind": "days", "near": "notice", "before": "(notice\\s+of"}}},
     "extract.notice_days.before"),
    # what `made` holds is rendered both ways, so a template that breaks once an edit was made is reported
    ({"rationale": "{% if 'notice' in made %}{{ found.get('notice_days') + 1 }}{% else %}Sets it.{% endif %}",
      "on_found": "edit", "edits": [{"name": "notice", "find": "days", "replace": "days"}]}, "rationale"),
    # so is what `flagged` holds, the checks that fired, named once each; a check saying what to do needs all named
    ({"talking_point": "{% if 'short' in flagged %}{{ found.get('notice_days') + 1 }}{% else %}Asks.{% endif %}",
      "checks": [{"name": "short", "pattern": "days", "message": "Weak."}]}, "talking_point"),
    ({"checks": [{"name": "short", "pattern": "days", "message": "Weak."},
                 {"name": "short", "pattern": "weeks", "message": "Weak."}]}, "same name"),
    ({"checks": [{"name": "short", "pattern": "days", "message": "Weak.", "action": "ask"},
                 {"pattern": "weeks", "message": "Weak."}]}, "names every check"),
])
def test_lint_checks_what_a_bound_or_a_made_edit_names(tmp_path, change, problem):
    path = write_clause(tmp_path, "bounds", **change)
    found = texts(lint_library([tmp_path]))
    assert len(found) == 1 and str(path) in found[0] and problem in found[0]


def test_an_appended_edit_keeps_its_match_and_says_it_was_made(lib):
    """An edit with `append` writes after its match (a target after the sentence of the ceiling that is all the draft
    states, where the ask is not below it), and its `name` is in `made` for the templates after it: the metrics edit
    adds no second target. A target below the ceiling is written by neither (Clancey, seventh audit)."""
    from counterdraft.plan import _substitute

    clause = lib.get("bonus-incentive")
    target, metrics = (next(e for e in clause.edits if e.name == n) for n in ("target", "metrics"))
    text = "Executive is eligible for a bonus of up to 40% of Base Salary, in the sole discretion of the Board."
    values = {**parameter_values(clause, {"target_percent": 40}), "found": {"maximum_percent": 40}}
    added = render(clause, target.replace, {**values, "made": set()}, "edits.replace")
    assert _substitute(target.pattern, added, text, None, False, append=True) == \
        "Executive is eligible for a bonus of up to 40% of Base Salary, in the sole discretion of the Board. The " \
        "target bonus is 40% of Base Salary."
    assert "with a target" in render(clause, metrics.replace, {**values, "made": set()}, "edits.replace")
    assert "with a target" not in render(clause, metrics.replace, {**values, "made": {"target"}}, "edits.replace")
    low = {**parameter_values(clause, {"target_percent": 20}), "found": {"maximum_percent": 40}, "made": set()}
    assert render(clause, target.replace, low, "edits.replace") == ""
    assert "with a target" not in render(clause, metrics.replace, low, "edits.replace")


@pytest.mark.parametrize("clause_id", ["cme-allowance", "protected-time", "call-after-hours"])
def test_wording_for_a_contractor_gives_no_paid_days(lib, clause_id):
    """An independent contractor has no paid days off: the CME clause's five paid education days had gone into the
    letter of Common Paper's contractor agreement. Each parameter giving what only an employee has (employee_only)
    is asked for at none for a contractor, and the wording reads well without it: no 'zero (0) days', no paid time."""
    from counterdraft.library import contractor_values, employee_only
    from counterdraft.terms import Terms

    clause = lib.clauses[clause_id]
    assert employee_only(clause)
    values = contractor_values(clause, parameter_values(clause))
    texts_ = [render_tier(clause, tier, values) for tier in clause.tiers]
    texts_ += [t for present in (False, True) for t in render_ask(clause, values, {}, present)]
    for text in texts_:
        assert Terms(employment=False).employee_only(text) is None, text
        assert not re.search(r"\bzero\b|\b0\s+(?:paid\s+)?(?:\w+\s+)?days|paid\s+\w+\s+days", text), text


@pytest.mark.parametrize("change, problem", [
    ({"parameters": {"note": {"type": "str", "default": "x", "employee_only": True}}}, "a number or a flag"),
    ({"parameters": {"days": {"type": "int", "default": 5, "min": 1, "employee_only": True}}}, "below the minimum"),
    ({"present_means": "assigns something"}, "there is no present_if"),
])
def test_a_clause_says_what_a_contractor_lacks_and_what_present_if_means_only_where_it_can(tmp_path, change,
                                                                                          problem):
    path = write_clause(tmp_path, "contractor", **change)
    found = texts(lint_library([tmp_path]))
    assert len(found) == 1 and str(path) in found[0] and problem in found[0]


def test_the_margin_puts_in_quotation_marks_only_the_drafts_own_words(lib):
    """A rationale or talking point reaches the employer's margin beside the draft: a phrase it puts in quotation
    marks reads as quoted from that draft, so it may quote only what the draft says (`{{ quote }}`, a found figure),
    never an example cause ("any conduct the Employer deems detrimental") no draft we have wrote."""
    for clause in lib.clauses.values():
        for field in ("rationale", "talking_point"):
            text = re.sub(r"\{%.*?%\}|\{\{.*?\}\}", "\u2026", getattr(clause, field) or "", flags=re.S)
            typed = re.findall(r"[\"\u201c]([^\"\u201d]*)[\"\u201d]", text)
            assert [t for t in typed if "\u2026" not in t] == [], (clause.id, field)


def test_a_derived_parameter_scales_with_the_asks_unless_asked_itself(lib):
    """The wRVU target a contract states is judged against the full-time target scaled to the clinical FTE."""
    clause = lib.get("productivity-rvu")
    assert parameter_values(clause)["annual_wrvu_target"] == 2400  # 4,800 at the default 0.5 clinical FTE
    values = parameter_values(clause, {"full_time_wrvu_target": 4200, "clinical_fte": 0.6})
    assert values["annual_wrvu_target"] == 2520
    assert parameter_values(clause, {"annual_wrvu_target": 3000, "clinical_fte": 0.6})["annual_wrvu_target"] == 3000


def test_a_derivation_that_fails_names_the_file_and_the_parameter(tmp_path):
    parameters = yaml.safe_load(scaffold_clause("scaled-target", "term"))["parameters"]
    parameters["target"] = {"type": "int", "default": 10, "min": 0, "max": 100, "derive": "notice_days * nothing_here"}
    path = write_clause(tmp_path, "scaled-target", parameters=parameters)
    with pytest.raises(ConfigError) as exc:
        load_clause(path)
    assert str(exc.value).startswith(f"{path}: parameters.target.derive: ")
