"""The `clauses` commands, through the CLI as an attorney would use them."""
from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from counterdraft.cli import main
from counterdraft.models import WORDING_TOPICS

ROOT = Path(__file__).resolve().parents[1]


def run(*args, **kw):
    return CliRunner().invoke(main, [str(a) for a in args], **kw)


def test_list_json_covers_every_wording_topic_with_its_source():
    result = run("clauses", "list", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert {r["topic"] for r in rows} >= set(WORDING_TOPICS)
    for r in rows:
        assert set(r) >= {"id", "topic", "title", "source", "parameters", "tiers"}
        assert Path(r["source"]).name == f"{r['id']}.yaml"
        assert len(r["tiers"]) >= 2 and "preferred" in r["tiers"]
        assert all(set(p) >= {"type", "default"} for p in r["parameters"].values())


def test_render_uses_set_values_and_checks_bounds():
    ok = run("clauses", "render", "termination-without-cause", "--set", "notice_days=120")
    assert ok.exit_code == 0 and "one hundred twenty (120) days" in ok.output
    bad = run("clauses", "render", "termination-without-cause", "--set", "notice_days=5")
    assert bad.exit_code == 2 and "notice_days" in bad.output and "minimum" in bad.output
    tier = run("clauses", "render", "non-compete", "--tier", "nope")
    assert tier.exit_code == 2 and "nope" in tier.output


def test_show_prints_the_clause_definition():
    result = run("clauses", "show", "remote-work")
    assert result.exit_code == 0
    data = yaml.safe_load(result.output)
    assert data["id"] == "remote-work" and "preferred" in data["tiers"]


def test_lint_passes_the_bundled_library_and_fails_a_broken_one(tmp_path):
    assert run("clauses", "lint").exit_code == 0
    broken = yaml.safe_load((ROOT / "clauses" / "remote-work.yaml").read_text())
    broken["tiers"]["preferred"] += " {{ undeclared_thing }}"
    (tmp_path / "remote-work.yaml").write_text(yaml.safe_dump(broken))
    result = run("clauses", "lint", tmp_path)
    assert result.exit_code == 1
    assert "remote-work.yaml" in result.output and "undeclared_thing" in result.output


def test_new_scaffolds_a_clause_that_lints_and_wins_over_the_bundled_one(tmp_path):
    assert run("clauses", "new", "equity", "--topic", "equity", "--dir", tmp_path).exit_code == 0
    assert run("clauses", "lint", tmp_path).exit_code == 0
    assert run("clauses", "new", "equity", "--topic", "equity", "--dir", tmp_path).exit_code == 2
    rows = json.loads(run("clauses", "list", "--json", "--library", tmp_path).output)
    equity = next(r for r in rows if r["id"] == "equity")
    assert Path(equity["source"]) == tmp_path / "equity.yaml"
    assert any(Path(p).parent == ROOT / "clauses" for p in equity["overridden"])


def test_profile_tier_choice_reaches_the_redline(tmp_path):
    profile = yaml.safe_load((ROOT / "samples" / "profile.yaml").read_text())
    profile["tiers"] = {"remote-work": "acceptable"}
    path = tmp_path / "profile.yaml"
    path.write_text(yaml.safe_dump(profile))
    out = tmp_path / "out"
    result = run("redline", ROOT / "samples" / "hybrid-offer.docx", "--profile", path, "--out-dir", out,
                 "--date", "2026-01-01")
    assert result.exit_code == 0, result.output
    plan = yaml.safe_load((out / "hybrid-offer.plan.yaml").read_text())
    remote = next(e for e in plan["edits"] if e["clause_id"] == "remote-work")
    assert remote["tier"] == "acceptable"
    rendered = run("clauses", "render", "remote-work", "--tier", "acceptable", "--set",
                   "remote_days_per_week=2").output.strip()
    assert remote["changes"][0]["after"].endswith(" ".join(rendered.split()))
