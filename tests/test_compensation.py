"""Compensation math against hand-computed values; where each input comes from; `counterdraft review` shows it."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import docx
import pytest
import yaml
from click.testing import CliRunner

from counterdraft.cli import main
from counterdraft.compensation import (Figure, compute, fmt, for_the_letter, guaranteed_pay, offered, other_currency,
                                      proposed)
from counterdraft.errors import ConfigError
from counterdraft.extract import extract
from counterdraft.library import load_library
from counterdraft.loading import load_model, load_profile
from counterdraft.models import Compensation as CompensationFields
from counterdraft.models import Finding, Profile, Review
from counterdraft.redline import redline
from counterdraft.review import review
from counterdraft.wordml.package import Package
from counterdraft.wordml.read import read_blocks

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "hybrid-offer.docx"
PROFILE = ROOT / "samples" / "profile.yaml"


def fig(key: str, value) -> Figure:
    return Figure(key, Decimal(str(value)), "test")


def values(comp) -> dict[str, Decimal]:
    return {f.key: f.value for f in comp.figures}


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture
def profile() -> Profile:
    return load_model(PROFILE, Profile)


# ---------------------------------------------------------------------------------------------------------- arithmetic
def test_total_cash_is_base_plus_stipend_plus_expected_bonus():
    comp = compute("proposed", {k: fig(k, v) for k, v in
                                {"base": 250000, "stipend": 50000, "bonus_target": 10, "bonus_payout": 80}.items()})
    # by hand: 250,000 x 10% = 25,000 at target; x 80% expected payout = 20,000
    assert values(comp)["bonus"] == Decimal("20000")
    assert values(comp)["guaranteed"] == Decimal("300000")
    assert values(comp)["cash"] == Decimal("320000")
    assert comp.cash.source == "$250,000 + $50,000 + $20,000"
    assert comp.bonus.source == "$250,000 × 10% target × 80% expected payout"


def test_equity_is_annualised_over_vesting_and_added_to_cash():
    comp = compute("proposed", {k: fig(k, v) for k, v in
                                {"base": 210000, "bonus_target": 15, "bonus_payout": 100, "grant": 200000,
                                 "vesting": 4}.items()})
    # 210,000 x 15% = 31,500; 200,000 / 4 = 50,000; 210,000 + 31,500 + 50,000 = 291,500
    assert values(comp)["bonus"] == Decimal("31500")
    assert values(comp)["cash"] == Decimal("241500")
    assert values(comp)["equity_year"] == Decimal("50000")
    assert values(comp)["total"] == Decimal("291500")
    assert comp.equity_year.source == "$200,000 ÷ 4 years of vesting"
    assert "guaranteed" not in comp.results  # no stipend: base alone is the guaranteed part


def test_cents_round_half_up_and_thirds_of_a_grant():
    comp = compute("proposed", {k: fig(k, v) for k, v in
                                {"base": 123457, "bonus_target": 7.5, "bonus_payout": 93, "grant": 100000,
                                 "vesting": 3}.items()})
    # 123,457 x 0.075 = 9,259.275; x 0.93 = 8,611.12575 -> 8,611.13; 100,000 / 3 = 33,333.33
    assert comp.bonus.text == "$8,611.13"
    assert comp.equity_year.text == "$33,333.33"
    assert comp.cash.text == "$132,068.13"
    assert comp.total.text == "$165,401.46"


def test_wrvu_target_is_scaled_to_clinical_fte():
    comp = compute("proposed", {"wrvu_full": fig("wrvu_full", 4800), "clinical_fte": fig("clinical_fte", 0.5)})
    assert comp.wrvu.value == 2400 and comp.wrvu.text == "2,400 wRVUs"
    assert comp.wrvu.source == "4,800 wRVUs at 1.0 FTE × 0.5 clinical FTE"
    odd = compute("proposed", {"wrvu_full": fig("wrvu_full", 5150), "clinical_fte": fig("clinical_fte", 0.35)})
    assert odd.wrvu.value == 1802  # 1,802.5 rounds half to even, as the clause's own Jinja round does


def test_missing_payout_is_assumed_at_target_and_says_so():
    comp = compute("proposed", {"base": fig("base", 200000), "bonus_target": fig("bonus_target", 20)})
    assert comp.bonus_payout.value == 100 and comp.bonus_payout.source.startswith("assumed")
    assert comp.bonus.value == Decimal("40000")


def test_missing_inputs_leave_results_out():
    comp = compute("proposed", {"grant": fig("grant", 90000)})
    assert comp.results == {} and comp.equity_year is None and comp.cash is None


def test_formats():
    assert fmt(Decimal("325000"), "usd") == "$325,000"
    assert fmt(Decimal("1234.5"), "usd") == "$1,234.50"
    assert fmt(Decimal("12.50"), "percent") == "12.5%"
    assert fmt(Decimal("1"), "years") == "1 year" and fmt(Decimal("2.5"), "years") == "2.5 years"
    assert fmt(Decimal("0.5"), "fte") == "0.5"


# ---------------------------------------------------------------------------------------------------------- proposed
def test_proposed_from_the_profiles_compensation_fields(profile, library):
    profile.compensation = CompensationFields(base_salary=250000, stipend=50000, bonus_target_percent=10,
                                              bonus_expected_payout_percent=90)
    comp = proposed(profile, library)
    # 250,000 x 10% x 90% = 22,500; 250,000 + 50,000 + 22,500 = 322,500
    assert comp.bonus.value == Decimal("22500") and comp.cash.value == Decimal("322500")
    assert comp.base.source == "profile: compensation.base_salary"
    assert comp.clinical_fte.value == Decimal("0.5") and comp.clinical_fte.source == "profile: asks.fte-split.clinical_fte"
    assert (comp.range_min.text, comp.range_max.text) == ("$290,000", "$310,000")
    assert comp.notes == []  # 300,000 guaranteed is inside the range


def test_proposed_takes_figures_from_the_pay_clauses_asks(profile, library):
    profile.compensation = CompensationFields(base_salary=240000)
    profile.asks["leadership-stipend"] = {"amount_usd": 60000}
    profile.asks["equity"] = {"grant_value_usd": 120000}
    profile.asks["productivity-rvu"] = {"full_time_wrvu_target": 5000, "clinical_fte": 0.5}
    comp = proposed(profile, library)
    assert comp.stipend.value == 60000 and comp.stipend.source == "profile: asks.leadership-stipend.amount_usd"
    # the equity clause's default vesting (4 years) is what the redline will say, so the math uses it too
    assert comp.vesting.value == 4 and "default" in comp.vesting.source
    assert comp.equity_year.value == Decimal("30000")
    assert comp.wrvu.value == 2500
    assert comp.cash.value == Decimal("300000") and comp.total.value == Decimal("330000")


def test_a_figure_stated_twice_differently_is_an_error(profile, library):
    profile.compensation = CompensationFields(stipend=50000)
    profile.asks["leadership-stipend"] = {"amount_usd": 40000}
    with pytest.raises(ConfigError, match=r"compensation\.stipend is \$50,000 but asks\.leadership-stipend\.amount_usd "
                                          r"is \$40,000"):
        proposed(profile, library)
    profile.asks["leadership-stipend"] = {"amount_usd": 50000}
    assert proposed(profile, library).stipend.value == 50000


def test_clinical_fte_must_agree_between_clauses(profile, library):
    profile.asks["productivity-rvu"] = {"full_time_wrvu_target": 4800}  # its default clinical_fte is 0.5
    profile.asks["fte-split"] = {"clinical_fte": 0.4, "informatics_fte": 0.6}
    with pytest.raises(ConfigError, match="clinical_fte"):
        proposed(profile, library)


def test_guaranteed_pay_outside_the_range_is_noted(profile, library):
    profile.compensation = CompensationFields(base_salary=250000, stipend=80000)
    comp = proposed(profile, library)
    assert comp.notes == ["Base salary plus stipend ($330,000) is outside the $290,000 to $310,000 range asked for."]


def test_profile_accepts_written_out_amounts_and_rejects_negative_ones():
    fields = CompensationFields.model_validate({"base_salary": "$250,000", "bonus_target_percent": "12.5%"})
    assert fields.base_salary == 250000 and fields.bonus_target_percent == 12.5
    with pytest.raises(ValueError):
        CompensationFields(stipend=-1)


def test_profile_without_compensation_still_loads(tmp_path):
    data = yaml.safe_load(PROFILE.read_text())
    data.pop("compensation", None)
    bare = tmp_path / "profile.yaml"
    bare.write_text(yaml.safe_dump(data))
    assert load_profile(bare).compensation == CompensationFields()


# ---------------------------------------------------------------------------------------------------------- offered
def test_offered_is_read_from_the_sample_contract(profile, library):
    found = review(read_blocks(Package.open(SAMPLE)), library, profile, str(SAMPLE)).review
    comp = offered(found, profile)
    assert comp.base.value == 224000 and comp.stipend.value == 36000 and comp.stated_total.value == 260000
    assert comp.base.source == "contract, section '4. Compensation'"
    assert comp.cash.value == 260000 and comp.notes == []  # the components add up to the stated total
    assert comp.clinical_fte.value == Decimal("0.7")


def test_offered_components_that_do_not_add_up_are_noted(library):
    text = ("Compensation. Physician shall receive a base salary of $200,000 and an informatics stipend of $40,000. "
            "Total annual compensation is $250,000.")
    rev = Review(contract="x.docx", findings=[
        Finding(topic=topic, status="found", heading="4. Compensation", text=text,
                parameters=extract(library.get(topic), text)) for topic in ("base-salary", "leadership-stipend")])
    comp = offered(rev)
    assert comp.base.value == 200000
    assert comp.notes == ["The contract's components ($200,000 + $40,000 = $240,000) differ from the total it states "
                          "($250,000)."]


# ---------------------------------------------------------------------------------------------------------- review CLI
def test_review_prints_the_math_with_its_inputs(tmp_path):
    profile = tmp_path / "profile.yaml"
    data = yaml.safe_load(PROFILE.read_text())
    data["compensation"] = {"base_salary": 250000, "stipend": 50000, "bonus_target_percent": 10,
                            "bonus_expected_payout_percent": 80}
    profile.write_text(yaml.safe_dump(data))
    result = CliRunner().invoke(main, ["review", str(SAMPLE), "--profile", str(profile)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Compensation as offered (read from the contract):" in out
    assert "Compensation as proposed (as the letter names it):" in out
    assert "$224,000   contract, section '4. Compensation'" in out
    assert "$250,000   profile: compensation.base_salary" in out
    assert "$320,000   = $250,000 + $50,000 + $20,000" in out
    assert "$20,000   = $250,000 × 10% target × 80% expected payout" in out

    data = json.loads(CliRunner().invoke(main, ["review", str(SAMPLE), "--profile", str(profile), "--json",
                                            "--compensation"]).output)
    cash = next(r for r in data["compensation"]["proposed"]["results"] if r["key"] == "cash")
    assert cash["value"] == "320000" and cash["text"] == "$320,000"
    assert data["findings"] and data["contract"] == str(SAMPLE)


def test_review_proposes_what_the_letter_names(tmp_path):
    """A draft's base salary above the profile's is kept by the letter, with the stipend cut to the range sought: the
    review's proposal is the letter's, not the profile's own figures (Garrett's review proposed $240,000 + $45,000
    while the letter kept the draft's $270,000 and named $30,000)."""
    profile = tmp_path / "profile.yaml"
    data = yaml.safe_load(PROFILE.read_text())
    data["compensation"] = {"base_salary": 200000, "stipend": 100000}
    profile.write_text(yaml.safe_dump(data))
    out = CliRunner().invoke(main, ["review", str(SAMPLE), "--profile", str(profile)]).output
    proposal = out[out.index("Compensation as proposed"):]
    assert "$224,000   contract, section '4. Compensation': the draft's, above the profile's $200,000" in proposal
    assert "$86,000   the gap from the draft's $224,000 to $310,000" in proposal
    assert "$310,000   = $224,000 + $86,000" in proposal
    assert "note: the draft's base salary ($224,000) is above the profile's ($200,000); the letter keeps the " \
           "draft's" in proposal
    assert "$200,000   profile" not in proposal and "$100,000   profile" not in proposal


def test_review_proposes_no_pay_where_the_draft_meets_the_range(tmp_path):
    """Where the letter raises no pay (the draft's base is above the range sought), the review proposes no figures
    either, and says why."""
    profile = tmp_path / "profile.yaml"
    data = yaml.safe_load(PROFILE.read_text())
    data["asks"]["base-salary"] = {"target_total_min": 200000, "target_total_max": 220000}
    profile.write_text(yaml.safe_dump(data))
    out = CliRunner().invoke(main, ["review", str(SAMPLE), "--profile", str(profile)]).output
    proposal = out[out.index("Compensation as proposed"):]
    assert "$200,000 to $220,000" in proposal and "Base salary  " not in proposal and "$245,000" not in proposal
    assert "note: the draft's $260,000 a year in base salary and stipend is above the $200,000 to $220,000 range " \
           "sought; pay is not raised" in proposal


def test_review_without_profile_shows_the_offer_only():
    result = CliRunner().invoke(main, ["review", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    assert "Compensation as offered" in result.output and "as proposed" not in result.output


# ------------------------------------------------------------------------------------------ what the letter may quote
def _proposed(**figures):
    lo, hi = figures.pop("range", (None, None))
    return compute("proposed", {k: fig(k, v) for k, v in figures.items()},
                   fig("sought_min", lo) if lo else None, fig("sought_max", hi) if hi else None)


def _offered(**figures):
    return compute("offered", {k: fig(k, v) for k, v in figures.items()})


def test_the_letter_keeps_a_draft_base_above_the_profiles():
    """FATS: $275,000 base; naming the profile's $245,000 would cut it, and its $55,000 stipend on top would take the
    ask ($330,000) past the range, so the letter keeps the draft's base and names the stipend that reaches the top
    of the range, $35,000 (audit 5: "[amount to be agreed]" went to the employer although the figures were known)."""
    quoted = for_the_letter(_proposed(base=245000, stipend=55000, range=(290000, 310000)), _offered(base=275000))
    assert quoted.raise_pay and quoted.kept == ("base",)
    assert quoted.proposed.base.value == 275000 and quoted.proposed.stipend.value == 35000
    assert quoted.stipend.value == 35000 and quoted.proposed.cash.value == 310000
    assert quoted.proposed.range_min.value == 290000  # the range sought is still asked for
    assert "the draft's base salary ($275,000) is above the profile's ($245,000)" in quoted.messages[0].text
    assert "names a stipend of $35,000, the gap to the top of the range sought in whole thousands (the profile's " \
           "$55,000 would take the pay to $330,000)" in quoted.messages[1].text


def test_a_profile_base_past_the_range_beside_a_kept_stipend_is_the_gap():
    """The draft's $120,000 stipend is above the profile's; the profile's $250,000 base on top would pass the range:
    the base named is the $240,000 that reaches its top, more than the draft's $200,000."""
    quoted = for_the_letter(_proposed(base=250000, stipend=100000, range=(340000, 360000)),
                            _offered(base=200000, stipend=120000))
    assert quoted.kept == ("stipend",) and quoted.proposed.base.value == 240000


def test_a_bonus_is_not_counted_as_guaranteed_pay():
    """Metz: $250,000 base and a bonus of up to 100%: $500,000 in cash at target, $250,000 guaranteed, below the
    range; the letter keeps the base and asks for the profile's stipend on top ($305,000, within the range)."""
    quoted = for_the_letter(_proposed(base=245000, stipend=55000, range=(290000, 310000)),
                            _offered(base=250000, bonus_target=100))
    assert quoted.raise_pay and quoted.guaranteed.value == 250000 and quoted.kept == ("base",)
    assert (quoted.proposed.base.value, quoted.proposed.stipend.value, quoted.proposed.cash.value) == \
        (250000, 55000, 305000)
    assert "its bonus ($250,000 expected) is not guaranteed and is not counted" in quoted.messages[0].text


def test_a_guaranteed_minimum_bonus_below_the_range_is_counted_and_only_the_rest_of_the_bonus_is_not():
    """By hand: $200,000 base + 25% of it guaranteed ($50,000) = $250,000, below the $290,000 sought; the 40% target
    above the minimum may not be paid."""
    quoted = for_the_letter(_proposed(base=245000, stipend=55000, range=(290000, 310000)),
                            _offered(base=200000, bonus_floor=25, bonus_target=40))
    assert quoted.raise_pay and quoted.guaranteed.value == 250000
    assert quoted.what == "base salary and guaranteed minimum bonus"
    assert quoted.guaranteed.source == "$200,000 + $50,000 (25% guaranteed minimum bonus)"
    assert "the draft guarantees $250,000 a year in base salary and guaranteed minimum bonus, below the $290,000 " \
           "sought; its bonus ($80,000 expected) is not guaranteed beyond its minimum, which is counted" in \
        quoted.messages[0].text


def test_a_draft_whose_figures_are_both_above_the_profiles_gets_neither_named():
    """Naming the draft's own base and stipend would ask for what it gives; only the range is asked for."""
    quoted = for_the_letter(_proposed(base=200000, stipend=30000, range=(290000, 310000)),
                            _offered(base=210000, stipend=40000))
    assert quoted.raise_pay and quoted.kept == ("base", "stipend")
    assert quoted.proposed.base is None and quoted.proposed.stipend is None and quoted.proposed.range_min is not None


@pytest.mark.parametrize("offered_figures, guaranteed, said", [
    (dict(base=300000), 300000, "the draft's $300,000 a year in base salary already meets the $290,000 to $310,000 "
                                "range sought; pay is not raised"),  # Gast
    (dict(base=260000, stipend=50000), 310000, "in base salary and stipend already meets"),
    (dict(base=350000, bonus_target=20), 350000, "in base salary is above the $290,000 to $310,000 range sought"),
    # a stated total above its components is what the contract promises
    (dict(base=240000, stated_total=295000), 295000, "the draft's $295,000 a year in total compensation already"),
    # a bonus's guaranteed minimum every year is pay the draft cannot withhold (Monroe's 50%, audit 5)
    (dict(base=200000, bonus_floor=50), 300000, "the draft's $300,000 a year in base salary and guaranteed minimum "
                                                "bonus already meets"),
    (dict(base=200000, stipend=20000, bonus_floor=40, bonus_target=60), 300000,
     "a year in base salary, stipend and guaranteed minimum bonus already meets"),
])
def test_no_pay_request_when_the_drafts_guaranteed_pay_reaches_the_range(offered_figures, guaranteed, said):
    quoted = for_the_letter(_proposed(base=245000, stipend=55000, range=(290000, 310000)), _offered(**offered_figures))
    assert not quoted.raise_pay and quoted.proposed.empty and quoted.offered.empty
    assert quoted.guaranteed.value == guaranteed
    assert said in quoted.messages[0].text


def test_guaranteed_pay_just_below_the_range_is_raised():
    quoted = for_the_letter(_proposed(base=245000, stipend=55000, range=(290000, 310000)),
                            _offered(base=240000, stipend=49999))
    assert quoted.raise_pay and not quoted.kept and quoted.proposed.base.value == 245000


@pytest.mark.parametrize("offered_figures, compared", [
    # the draft's cash (bonus included) below ours: the comparison supports the ask
    (dict(base=240000, bonus_target=10, bonus_payout=85), True),
    # above ours: saying so would argue against the ask
    (dict(base=240000, bonus_target=50, bonus_payout=100), False),
])
def test_the_draft_is_compared_like_with_like_and_only_when_it_is_below(offered_figures, compared):
    proposed_side = _proposed(base=260000, bonus_target=20, bonus_payout=85, range=(255000, 270000))
    quoted = for_the_letter(proposed_side, _offered(**offered_figures))
    assert (not quoted.offered.empty) == compared
    assert quoted.proposed is proposed_side


def test_a_draft_that_pays_more_gets_no_pay_request_in_the_letter(tmp_path):
    """The sample's profile against a contract paying $350,000: the letter asks for the other terms, not for less
    pay, and the physician is told why."""
    d = docx.Document()
    d.add_paragraph("PHYSICIAN EMPLOYMENT AGREEMENT")
    d.add_paragraph('This Agreement is made between Lakeshore Regional Health System ("Employer") and Dana R. '
                    'Whitfield, MD ("Physician").')
    d.add_paragraph("1. Compensation. Employer shall pay Physician a base salary of $350,000 per year, subject to "
                    "Employer's annual budget.")
    d.add_paragraph("2. Termination. Either party may terminate this Agreement without cause on thirty (30) days' "
                    "written notice.")
    d.save(str(tmp_path / "rich.docx"))
    result = redline(tmp_path / "rich.docx", PROFILE, tmp_path / "out", date="2026-01-05T09:00:00Z")
    md = result.outputs["letter_md"].read_text()
    assert "$290,000" not in md and "$245,000" not in md and "targeting total compensation" not in md
    assert "The $350,000 a year the draft offers in base salary fits the scope of this role" in md
    assert "Termination without cause" in md  # the other requests stay
    assert any("is above the $290,000 to $310,000 range sought; pay is not raised" in m.text for m in result.messages)



@pytest.mark.parametrize("text, base", [
    # Matria (held-out-3): paid biweekly; the letter had compared the draft's "$12,115.38 in cash" with $300,000
    ("Your initial base salary will be $8,653.84 (gross before deductions) per biweekly pay period.", "224999.84"),
    # Burch (dev): "salary", not "base salary"; the letter had proposed a $245,000 base against the draft's $350,000
    ("Your salary will be $350,000 per year, less payroll deductions and all required withholdings.", "350000"),
])
def test_the_offered_base_is_the_year_the_review_reads(library, text, base):
    rev = Review(contract="x.docx", findings=[Finding(topic="base-salary", status="found", text=text,
                                                      parameters=extract(library.get("base-salary"), text))])
    assert offered(rev).base.value == Decimal(base)


@pytest.mark.parametrize("text, said", [
    # Matria (held-out-3): the letter quoted "the draft's base salary of $224,999.84", a year's figure to the cent that
    # the contract never states
    ("Your initial base salary will be $8,653.84 (gross before deductions) per biweekly pay period.",
     "$8,653.84 every two weeks (about $225,000 a year)"),
    ("Your base salary will be $20,000 per month.", "$20,000 a month ($240,000 a year)"),
    # List, Coats (held-out-3, held-out-5): in words, or with cents the amount has not, it is quoted as money
    ("Company shall pay a salary to Executive for the term hereof at the rate of Ten Thousand Dollars per month.",
     "$10,000 a month ($120,000 a year)"),
    ("the Company hereby agrees to pay Executive a base monthly salary at a rate equal to Thirty-Five Thousand Dollars "
     "($35,000.00) per month.", "$35,000 a month ($420,000 a year)"),
    ("Your base salary will be $25,000.00 per month ($300,000/year).", "$300,000"),
])
def test_a_pay_period_base_is_quoted_as_the_contract_states_it(library, text, said):
    rev = Review(contract="x.docx", findings=[Finding(topic="base-salary", status="found", text=text,
                                                      parameters=extract(library.get("base-salary"), text))])
    base = offered(rev).base
    assert str(base) == said
    assert base.text == fmt(base.value, "usd")  # the arithmetic keeps the cents


def test_pay_summed_with_a_pay_period_base_is_quoted_to_the_dollar(library):
    text = "Your initial base salary will be $8,653.84 (gross before deductions) per biweekly pay period."
    rev = Review(contract="x.docx", findings=[
        Finding(topic="base-salary", status="found", text=text, parameters=extract(library.get("base-salary"), text)),
        Finding(topic="leadership-stipend", status="found", text="a stipend of $50,000 per year",
                parameters={"amount_usd": 50000})])
    drafted = offered(rev)
    assert drafted.cash.value == Decimal("274999.84") and str(drafted.cash) == "about $275,000"
    pay, what = guaranteed_pay(drafted)
    assert what == "base salary and stipend"
    assert pay.a_year == "$8,653.84 every two weeks plus $50,000 (about $275,000 a year)"


def test_a_draft_paying_salary_above_the_range_gets_no_lower_ask(profile, library):
    text = "Your salary will be $350,000 per year, less payroll deductions and all required withholdings."
    rev = Review(contract="x.docx", findings=[Finding(topic="base-salary", status="found", text=text,
                                                      parameters=extract(library.get("base-salary"), text))])
    quoted = for_the_letter(proposed(profile, library), offered(rev, profile))
    assert not quoted.raise_pay and quoted.proposed.base is None


def test_the_stipend_asked_is_the_profiles_in_the_review_and_the_redline(profile, library):
    """Audit: the memo said 'below the $40,000 a year asked' (the clause's default) while the letter asked for the
    profile's $55,000."""
    from counterdraft.library import profile_values
    assert profile.compensation.stipend == 55000 and "leadership-stipend" not in profile.asks
    assert profile_values(library.get("leadership-stipend"), profile)["amount_usd"] == 55000
    found = review(read_blocks(Package.open(SAMPLE)), library, profile, str(SAMPLE)).review
    stipend = next(f for f in found.findings if f.topic == "leadership-stipend")
    assert "$55,000 a year asked" in stipend.message


# ------------------------------------------------------------------------------------------- pay in another currency
@pytest.mark.parametrize("text, said", [
    ("a base salary at the rate of €600,000 per annum", "euros (€600,000)"),
    ("an annual salary of £185,000", "pounds sterling (£185,000)"),
    ("a salary of CHF 420'000 gross", "Swiss francs (CHF 420'000)"),
    ("EUR 1.2 million a year", "euros (EUR 1.2 million)"),
    ("300,000 euros per year", "euros (300,000 euros)"),
    ("a salary of 250.000 pounds sterling", "pounds sterling (250.000 pounds sterling)"),
    ("a base salary of $300,000 per year", ""),
    ("reimbursement of US$5,000 for relocation", ""),
    ("paid in Euros at the exchange rate of the payment date", ""),
])
def test_an_amount_in_another_currency_is_named(text, said):
    assert other_currency(text) == said


def test_a_draft_paying_in_another_currency_is_not_compared_with_dollars(profile, library):
    """Baan (audit): '€600,000 per annum' read as no salary had the letter propose the profile's $245,000 base."""
    text = "The Company shall pay the Executive a base salary at the rate of €600,000 per annum."
    rev = Review(contract="x.docx", findings=[Finding(topic="base-salary", status="found", heading="4. Compensation",
                                                      text=text, parameters=extract(library.get("base-salary"), text))])
    theirs = offered(rev, profile)
    assert theirs.base is None and theirs.currency == "euros (€600,000)" and not theirs.empty
    quoted = for_the_letter(proposed(profile, library), theirs)
    assert not quoted.raise_pay and quoted.proposed.empty and quoted.offered.empty
    assert quoted.currency == "euros (€600,000)"
    assert quoted.messages == []  # the plan's one currency warning says so, for every output
    dollars = "The Company shall pay the Executive a base salary of $250,000, and a car allowance of €900 monthly."
    rev.findings[0] = Finding(topic="base-salary", status="found", text=dollars,
                              parameters=extract(library.get("base-salary"), dollars))
    assert offered(rev, profile).currency == ""  # the salary the review read is in dollars


# ------------------------------------------------------------------------------------- the draft's better figures
def test_a_bonus_target_the_draft_states_better_is_proposed_as_the_plan_keeps_it(library, tmp_path):
    """Monroe (audit): the plan kept the draft's 50% target over the 30% asked for; the letter proposed 30%."""
    data = yaml.safe_load(PROFILE.read_text())
    data["asks"]["bonus-incentive"] = {"target_percent": 30}
    data["compensation"]["bonus_expected_payout_percent"] = 80
    (tmp_path / "profile.yaml").write_text(yaml.safe_dump(data))
    mine = load_model(tmp_path / "profile.yaml", Profile)

    def draft(percent: int) -> Review:
        text = f"Executive shall be eligible for an annual bonus with a target of {percent}% of Base Salary."
        return Review(contract="x.docx", findings=[Finding(topic="bonus-incentive", status="found", text=text,
                                                           parameters=extract(library.get("bonus-incentive"), text))])

    better = proposed(mine, library, review=draft(50))
    assert better.bonus_target.value == 50
    assert better.bonus_target.source == "the contract's, better than the 30% asked for, kept as in the plan"
    assert better.bonus.value == Decimal("98000") and better.cash.value == Decimal("398000")  # 245,000 x 50% x 80%
    assert proposed(mine, library, review=draft(20)).bonus_target.value == 30  # a lower target: the ask
    assert proposed(mine, library).bonus_target.value == 30  # without a draft: the ask



# ------------------------------------------------------------------------------------------- a bonus ceiling
@pytest.mark.parametrize("text, target, cap", [
    # Brown, McGrane, Langecker, Mirgon (third audit): the most the bonus can pay, no target
    ("Employee will receive annual consideration for a bonus of up to 18.5% of base salary.", None, 18.5),
    ("the opportunity to earn an annual merit-based bonus of up to fifty percent (50%) of Base Salary.", None, 50),
    ("an annual bonus (the \u201cAnnual Bonus\u201d) equal to up to forty percent (40%) of Base Salary.", None, 40),
    ("Employee shall have the opportunity to earn a bonus of up to a maximum of Fifty Percent (50%) per annum.",
     None, 50),
    # a target with a ceiling beside it: the target is counted, the ceiling shown
    ("Executive is eligible for a target bonus of 50% of Base Salary, with a maximum bonus opportunity of 100% of "
     "Base Salary.", 50, 100),
    # a payout of up to twice the target is no ceiling of base salary
    ("Executive is eligible for a target bonus of 50% of Base Salary, payable at up to 200% of target.", 50, None),
    ("Executive shall be eligible for an annual bonus with a target of 40% of Base Salary.", 40, None),
])
def test_a_bonus_ceiling_is_shown_as_one_and_never_counted_as_cash(library, profile, text, target, cap):
    """Brown (third audit): "a bonus of up to 18.5% of base" was the letter's "18.5% bonus target paid in full",
    counted into the draft's cash ($177,750). The eval labels read such a ceiling as the target, so the review still
    does, and reads it as maximum_percent too: the draft's figures show a ceiling and count no bonus from it."""
    salary = "Employer shall pay Employee a base salary of $150,000 per year."
    rev = Review(contract="x.docx", findings=[
        Finding(topic="base-salary", status="found", text=salary, parameters=extract(library.get("base-salary"), salary)),
        Finding(topic="bonus-incentive", status="found", text=text,
                parameters=extract(library.get("bonus-incentive"), text))])
    draft = offered(rev, profile)
    assert (draft.bonus_target and draft.bonus_target.value) == target
    assert (draft.bonus_cap and draft.bonus_cap.value) == cap
    if target is None:
        assert draft.bonus is None and draft.cash is None  # $150,000 is all the draft's cash it counts
        assert rev.findings[1].parameters["target_percent"] == cap  # as the eval labels read it
    else:
        assert draft.bonus.value == Decimal(150000) * target / 100


def test_the_review_states_a_ceiling_as_one(library, tmp_path):
    path = tmp_path / "c.docx"
    d = docx.Document()
    for text in ["EMPLOYMENT AGREEMENT", "1. Compensation. Employer shall pay Employee a base salary of $150,000 per "
                 "year. Employee will receive annual consideration for a bonus of up to 18.5% of base salary, as "
                 "determined by the Board in its sole discretion."]:
        d.add_paragraph(text)
    d.save(str(path))
    found = review(read_blocks(Package.open(path)), library, None, str(path)).finding("bonus-incentive")
    assert found.message.startswith("The contract states maximum 18.5%.") and "target 18.5%" not in found.message


@pytest.mark.parametrize("clause, annualised", [
    # Grigg (audit): the $500,000 is restricted stock granted in lieu of a pension, read from another part; the
    # four years are the options' vesting: no "$125,000 = $500,000 ÷ 4" from two awards
    ("The Company will grant you stock options with four-year equal annual step vesting.", False),
    ("The Company will grant you stock options worth $500,000 with four-year equal annual step vesting.", True),
])
def test_equity_is_annualised_only_over_the_vesting_of_the_grant_whose_value_was_read(clause, annualised):
    equity = Finding(topic="equity", status="found", heading="Long-Term Incentive", text=clause,
                     parameters={"grant_value_usd": 500000}, assessment="weak", message="")
    comp = offered(Review(contract="c.docx", findings=[equity]))
    assert comp.grant.value == 500000
    assert (comp.equity_year is not None) is annualised
    if annualised:
        assert comp.equity_year.value == 125000


@pytest.mark.parametrize("text, offered_bonus, proposed_key, proposed_value", [
    # Langecker (fourth audit): a ceiling of 40%; the proposed cash counted 40%. Asked at it, the target is proposed
    ("Executive will be eligible for an annual bonus equal to up to forty percent (40%) of Base Salary.", None,
     "bonus_target", 40),
    # Monroe (fourth audit): a guaranteed minimum of 50% is counted as the floor it is, on both sides, and the letter
    # never proposes it as a 50% target
    ("Employee shall be entitled to an annual bonus of a minimum of 50% of the base salary.", Decimal(75000),
     "bonus_floor", 50),
])
def test_a_bonus_ceiling_or_floor_is_proposed_and_counted_as_what_it_is(library, profile, text, offered_bonus,
                                                                         proposed_key, proposed_value):
    salary = "Employer shall pay Employee a base salary of $150,000 per year."
    rev = Review(contract="x.docx", findings=[
        Finding(topic=topic, status="found", text=t, parameters=extract(library.get(topic), t))
        for topic, t in (("base-salary", salary), ("bonus-incentive", text))])
    draft = offered(rev, profile)
    assert (draft.bonus and draft.bonus.value) == offered_bonus  # by hand: 150,000 x 50% = 75,000
    assert draft.bonus_target is None
    profile.asks["bonus-incentive"] = {"target_percent": 40 if proposed_key == "bonus_target" else 20}
    profile.compensation = CompensationFields(base_salary=250000)
    ours = proposed(profile, library, review=rev)
    assert {f.key: f.value for f in ours.inputs.values() if f.key.startswith("bonus_") and f.key != "bonus_payout"} \
        == {proposed_key: proposed_value}
    # by hand: 250,000 x 40% at target, paid in full = 100,000; 250,000 x 50% guaranteed = 125,000
    assert ours.bonus.value == Decimal(250000) * proposed_value / 100
    if proposed_key == "bonus_floor":
        assert ours.bonus.source == "$250,000 × 50% guaranteed minimum"
        assert ours.bonus_floor.source == "the contract's, at or above the 20% target asked for, kept as in the plan"


def _drafted(library, salary: str, bonus: str):
    """The draft's pay as `offered` reads it from a salary and a bonus sentence."""
    return offered(Review(contract="x.docx", findings=[
        Finding(topic="base-salary", status="found", text=salary, parameters=extract(library.get("base-salary"), salary)),
        Finding(topic="bonus-incentive", status="found", text=bonus,
                parameters=extract(library.get("bonus-incentive"), bonus))]))


SALARY = "Employee shall be paid a base salary of $250,000 per year."


@pytest.mark.parametrize("bonus, guaranteed, what", [
    # by hand: $250,000 + $50,000 stated in dollars
    ("Employee shall receive a minimum bonus of $50,000 each year, and may earn more under the bonus plan.",
     300000, "base salary and guaranteed minimum bonus"),
    # by hand: 50% of a 40% target is 20% of $250,000, $50,000
    ("Employee's target bonus shall be 40% of Base Salary, and the annual bonus shall be not less than 50% of target.",
     300000, "base salary and guaranteed minimum bonus"),
    ("Employee shall be entitled to an annual bonus of a minimum of 50% of the base salary.", 375000,
     "base salary and guaranteed minimum bonus"),
    # Monroe: "Predicated on Corporation's performance": paid only on a condition, not counted ($375,000 had been)
    ("Predicated on Corporation's performance, Employee shall be entitled to an annual bonus of a minimum of 50% of "
     "the base salary set forth in Section 2(A) above.", 250000, "base salary"),
    # one year only and on a condition: not counted
    ("For the fiscal year 2003 you will be paid a minimum of a $50,000 Annual Bonus contingent upon achieving certain "
     "business objectives", 250000, "base salary"),
    # Slingerbag (eighth session): the minimum of a plan the Company may never adopt, stated in the sentence after
    # the one that says so: not counted ($312,500 had been)
    ("The Employee will be entitled to participate in any bonus plan or incentive compensation plans adopted by the "
     "Company. The Employee's bonus payment level will be set at a minimum of 25% of the annual Base Salary.",
     250000, "base salary"),
    ("Should the Board adopt a bonus plan, Employee shall receive a bonus of at least 25% of the base salary.",
     250000, "base salary"),
    # a plan that exists, and a condition in another paragraph: the minimum is guaranteed
    ("Employee shall participate in the Company's annual bonus plan. Employee's bonus shall be a minimum of 25% of "
     "the base salary.", 312500, "base salary and guaranteed minimum bonus"),
    ("Employee may participate in any equity plan adopted by the Company.\nEmployee's bonus shall be a minimum of 25% "
     "of the base salary.", 312500, "base salary and guaranteed minimum bonus"),
])
def test_only_a_bonus_minimum_paid_unconditionally_each_year_is_guaranteed_pay(library, bonus, guaranteed, what):
    pay, said = guaranteed_pay(_drafted(library, SALARY, bonus))
    assert (pay.value, said) == (Decimal(guaranteed), what)


def test_a_conditional_bonus_minimum_is_said_to_be_no_guaranteed_pay(profile, library):
    """Monroe: the letter said "The $375,000 a year the draft offers in base salary and guaranteed minimum bonus fits
    the scope of this role", counting a bonus "predicated on Corporation's performance"; $250,000 is below the range,
    and the letter asks for more, with no target recast from the minimum."""
    drafted = _drafted(library, SALARY, "Predicated on Corporation's performance, Employee shall be entitled to an "
                                        "annual bonus of a minimum of 50% of the base salary.")
    assert drafted.bonus is None and drafted.bonus_target is None and drafted.bonus_floor is None
    assert any("paid only on a condition" in n for n in drafted.notes)
    quoted = for_the_letter(proposed(profile, library), drafted)
    assert quoted.raise_pay and quoted.guaranteed.value == 250000


STEVENS = ("Your 1999 performance bonus target percentage will be 35% of the base salary actually paid to you by Excite "
           "in 1999; payment of your bonus will be based upon achievement of company, department and individual goals.")
METZ = ("EMPLOYEE shall be eligible to receive a performance bonus with a target of up to 100%, but not to exceed 200%, "
        "of base salary based upon predetermined goals approved by the Compensation Committee.")


@pytest.mark.parametrize("bonus, cap", [(METZ, 200), (STEVENS, None)])
def test_a_target_up_to_a_figure_or_for_one_year_is_no_expected_bonus(library, bonus, cap):
    """Metz (seventh audit): "a target of up to 100%, but not to exceed 200%" was counted as a $250,000 expected
    bonus, for "$545,000" of total cash; a target "of up to" a figure is a ceiling, which may pay nothing. Stevens's
    target for 1999 sets none for the years after it: no standing expected bonus either."""
    draft = _drafted(library, SALARY, bonus)
    assert draft.bonus_target is None and draft.bonus is None
    assert (draft.bonus_cap and draft.bonus_cap.value) == cap


@pytest.mark.parametrize("bonus, ask, target", [
    # Clancey (seventh audit): "up to 100%" beside a 10% ask: no 10% target proposed, nor counted ($24,000)
    ("The Employee shall be entitled to receive an annual bonus of up to 100% of Employee's base salary for each "
     "calendar year, based on performance measures.", 10, None),
    (METZ, 10, None),
    # at the ceiling, the target is proposed
    ("The Employee shall be entitled to receive an annual bonus of up to 10% of Employee's base salary.", 10, 10),
    # Stevens (seventh audit): the one-year target, above the ask, is proposed for every year
    (STEVENS, 10, 35),
])
def test_a_target_below_the_ceiling_is_not_proposed(library, profile, bonus, ask, target):
    rev = Review(contract="x.docx", findings=[
        Finding(topic=topic, status="found", text=t, parameters=extract(library.get(topic), t))
        for topic, t in (("base-salary", SALARY), ("bonus-incentive", bonus))])
    profile.asks["bonus-incentive"] = {"target_percent": ask}
    profile.compensation = CompensationFields(base_salary=250000)
    ours = proposed(profile, library, review=rev)
    assert (ours.bonus_target and ours.bonus_target.value) == target
    assert (ours.bonus is None) is (target is None)
    if bonus == STEVENS:
        assert ours.bonus_target.source == "the contract's for one year or period only, better than the 10% asked " \
                                           "for, asked for every year as in the plan"


SOPHINOS = ('Initial base salary, ("Base Salary") at the annual rate of (i) $235,000.00 during the period from April 1, '
            "1998 to December 31, 1998; and (ii) $248,000.00 commencing January 1, 1999 and continuing thereafter with "
            "increases at the discretion of the Compensation Committee.")


@pytest.mark.parametrize("base, kept", [(245000, True), (248000, False), (260000, False)])
def test_a_salary_schedule_with_a_step_above_the_profiles_is_kept(library, profile, base, kept):
    """Sophinos: $235,000 until the end of 1998, then $248,000; the letter asked to "set the base salary at
    $245,000", which cuts the later step by $3,000 a year. A schedule with a step above the profile's salary is kept
    whole, counted at its first step (by hand: $235,000 + $55,000 = $290,000); one the profile's salary tops in
    every step is not."""
    drafted = _drafted(library, SOPHINOS, "Employee shall be eligible for a discretionary bonus.")
    assert drafted.base.value == 235000 and drafted.base.highest == 248000
    assert drafted.base.source == "contract: its first step, rising to $248,000 commencing January 1, 1999"
    assert drafted.notes[0] == ("The base salary is stated as a schedule ($235,000 during the period from April 1, "
                                "1998 to December 31, 1998, rising to $248,000 commencing January 1, 1999); the "
                                "figures count its first step, $235,000.")
    profile.compensation = CompensationFields(base_salary=base, stipend=55000)
    quoted = for_the_letter(proposed(profile, library), drafted)
    assert ("base" in quoted.kept) is kept
    if kept:
        assert quoted.proposed.base.steps == drafted.base.steps
        assert quoted.proposed.base.after("of") == ("schedule ($235,000 during the period from April 1, 1998 to "
                                                    "December 31, 1998, rising to $248,000 commencing January 1, "
                                                    "1999)")
        assert quoted.proposed.cash.value == 290000 and quoted.proposed.cash.first_step
        assert quoted.proposed.cash.a_year == "$290,000 a year (at the first step of the draft's salary schedule)"
        assert quoted.proposed.cash.source == "$235,000 (the first step of the draft's schedule) + $55,000"
        assert any("has a step above the profile's ($245,000); the letter keeps the draft's" in m.text
                   for m in quoted.messages)
    else:
        assert quoted.proposed.base.value == base and not quoted.proposed.base.steps
        assert quoted.proposed.base.after("of") == f"of {fmt(Decimal(base), 'usd')}"


def test_a_one_year_target_asked_for_every_year_says_its_figures_assume_the_ask(library, profile):
    """Stevens (attorney audit): the 35% target the draft states for 1999 only, asked for every year, was counted in
    the proposal's expected bonus and total cash with nothing to say it holds only if the ask is granted."""
    rev = Review(contract="x.docx", findings=[
        Finding(topic=topic, status="found", text=t, parameters=extract(library.get(topic), t))
        for topic, t in (("base-salary", SALARY), ("bonus-incentive", STEVENS))])
    profile.asks["bonus-incentive"] = {"target_percent": 10}
    profile.compensation = CompensationFields(base_salary=260000, stipend=30000)
    quoted = for_the_letter(proposed(profile, library, review=rev), offered(rev, profile))
    assert quoted.proposed.bonus_target.once and quoted.proposed.bonus.value == 91000  # by hand: 260,000 x 35%
    assert quoted.proposed.bonus.source == "$260,000 × 35% target (asked for every year, as if granted) × 100% " \
                                           "expected payout"
    assert any(m.text == "compensation: the expected bonus counts the 35% target asked for every year as if the ask "
                         "were granted; the draft states it for one year or period only" for m in quoted.messages)


def test_a_salary_stated_for_the_first_year_only_is_said_to_be_that_years(library, tmp_path):
    """physician2's dermatology practice (q3) guarantees $380,000 "For the first Contract Year only", then pays
    production alone: the letter said "The $380,000 a year the draft offers in base salary fits the scope of this
    role", as if the draft kept it, and nothing told the physician otherwise."""
    drafted = _drafted(library, "4.01 Guaranteed Salary. For the first Contract Year only, the Practice shall pay "
                                "Physician a guaranteed annual salary of Three Hundred Eighty Thousand Dollars "
                                "($380,000).", "")
    assert drafted.base.value == 380000 and drafted.base.period == "for the first Contract Year"
    assert drafted.notes == ["The base salary of $380,000 is stated for the first Contract Year only; the figures "
                             "count it as a year's pay, so read what the draft pays after that period."]
    assert guaranteed_pay(drafted)[1] == "base salary for the first Contract Year"
    # a salary for no one period is the draft's pay, said so as before
    assert guaranteed_pay(_drafted(library, SALARY, ""))[1] == "base salary"
    contract = tmp_path / "q3.docx"
    d = docx.Document()
    for text in ["PHYSICIAN EMPLOYMENT AGREEMENT",
                 "4.01 Guaranteed Salary. For the first Contract Year only, the Practice shall pay Physician a "
                 "guaranteed annual salary of Three Hundred Eighty Thousand Dollars ($380,000).",
                 "4.02 Productivity Compensation. Beginning with the second Contract Year, Physician's compensation "
                 "shall consist solely of productivity compensation."]:
        d.add_paragraph(text)
    d.save(str(contract))
    redline(contract, ROOT / "samples" / "profile-hospitalist.yaml", tmp_path / "out", date="2026-01-05T09:00:00")
    letter = (tmp_path / "out" / "q3.letter.md").read_text(encoding="utf-8")
    assert "The $380,000 a year the draft offers in base salary for the first Contract Year fits" in letter
