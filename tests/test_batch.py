"""`counterdraft batch`: a folder of good and bad contracts; every good one is written, every bad one reported."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from counterdraft.batch import contracts_in
from counterdraft.cli import main
from counterdraft.errors import UsageError

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "hybrid-offer.docx"
PROFILE = ROOT / "samples" / "profile.yaml"
GOOD = ["offer.docx", "offer-copy.docx"]
BAD = {"not-a-zip.docx": "not a DOCX file", "empty.docx": "empty", "truncated.docx": "not a DOCX file"}
OUTPUTS = (".redline.docx", ".clean.docx", ".plan.yaml", ".letter.docx", ".letter.md", ".email.txt", ".memo.md")


@pytest.fixture
def folder(tmp_path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    for name in GOOD:
        shutil.copy(SAMPLE, d / name)
    (d / "not-a-zip.docx").write_text("just some text, not a zip")
    (d / "empty.docx").write_bytes(b"")
    (d / "truncated.docx").write_bytes(SAMPLE.read_bytes()[:4000])
    (d / "notes.txt").write_text("not a contract: ignored")
    (d / "~$offer.docx").write_bytes(b"Word's lock file: ignored")
    sub = d / "older"
    sub.mkdir()
    shutil.copy(SAMPLE, sub / "offer.docx")  # subfolders are not searched, so no collision with ../offer.docx
    return d


def run(folder: Path, out: Path, *extra):
    args = ["batch", str(folder), "--profile", str(PROFILE), "--out-dir", str(out), "--date", "2026-01-05", *extra]
    return CliRunner().invoke(main, args)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_good_files_are_written_and_each_bad_one_is_reported(folder, tmp_path, jobs):
    out = tmp_path / "out"
    result = run(folder, out, "--jobs", jobs)
    assert result.exit_code == 1, result.output
    summary = json.loads(result.stdout)
    assert summary["processed"] == len(GOOD) + len(BAD)
    assert sorted(Path(f).name for f in summary["succeeded"]) == sorted(GOOD)
    failed = {Path(f["file"]).name: f["error"] for f in summary["failed"]}
    assert set(failed) == set(BAD)
    for name, why in BAD.items():
        assert name in failed[name] and why in failed[name] and "\n" not in failed[name]
        assert f"error: {failed[name]}" in result.stderr
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(Path(g).stem + suffix for g in GOOD for suffix in OUTPUTS)


def test_one_and_two_jobs_write_the_same_bytes(folder, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    first, second = run(folder, one), run(folder, two, "--jobs", "2")
    assert first.exit_code == second.exit_code == 1, (first.output, second.output, second.exception)
    assert json.loads(first.stdout)["failed"] == json.loads(second.stdout)["failed"]
    assert sorted(p.name for p in one.iterdir()) == sorted(p.name for p in two.iterdir())
    for p in one.iterdir():
        assert p.read_bytes() == (two / p.name).read_bytes(), p.name


def test_all_good_exits_0_and_a_second_run_needs_force(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "offer.docx")
    out = tmp_path / "out"
    assert run(folder, out).exit_code == 0
    again = run(folder, out)
    assert again.exit_code == 1 and "--force" in json.loads(again.stdout)["failed"][0]["error"]
    assert run(folder, out, "--force").exit_code == 0


def test_inputs_whose_outputs_would_collide_are_refused_by_name(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "offer.docx")
    shutil.copy(SAMPLE, folder / "offer.DOCX")
    result = run(folder, tmp_path / "out")
    summary = json.loads(result.stdout)
    assert result.exit_code == 1 and len(summary["succeeded"]) == 1
    assert "same names" in summary["failed"][0]["error"]


def test_outputs_of_an_earlier_run_in_the_same_folder_are_not_inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "offer.docx")
    assert run(folder, folder).exit_code == 0
    assert [p.name for p in contracts_in(folder)] == ["offer.docx"]


def test_a_folder_without_contracts_or_a_bad_profile_is_one_error(tmp_path):
    with pytest.raises(UsageError):
        contracts_in(tmp_path)
    empty = CliRunner().invoke(main, ["batch", str(tmp_path), "--profile", str(PROFILE), "--out-dir",
                                      str(tmp_path / "out")])
    assert empty.exit_code == 2 and "no .docx files" in empty.output
    shutil.copy(SAMPLE, tmp_path / "offer.docx")
    bad = tmp_path / "bad.yaml"
    bad.write_text("physician: [not, a, mapping]\n")
    result = CliRunner().invoke(main, ["batch", str(tmp_path), "--profile", str(bad), "--out-dir",
                                       str(tmp_path / "out")])
    assert result.exit_code == 2 and "bad.yaml" in result.output
    assert not (tmp_path / "out").exists()


def _dies_on_the_killer(contract, *args):
    """A worker that dies (as one killed for its memory would) on one file and redlines the others."""
    import os

    from counterdraft import batch
    if contract.name == "killer.docx":
        os._exit(1)
    return batch.redline_one(contract, *args[:2], batch._worker_library, *args[2:])


def test_a_worker_that_dies_is_reported_and_the_summary_still_printed(tmp_path, monkeypatch):
    """A worker process that dies breaks the pool: the batch reports every file it could not finish (the one that
    killed it among them) and still prints its summary."""
    from counterdraft import batch
    monkeypatch.setattr(batch, "_redline_in_worker", _dies_on_the_killer)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("killer.docx", "a.docx", "b.docx", "c.docx"):
        shutil.copy(SAMPLE, folder / name)
    result = run(folder, tmp_path / "out", "--jobs", "2")
    summary = json.loads(result.stdout)
    assert result.exit_code == 1 and summary["processed"] == 4
    failed = {Path(f["file"]).name: f["error"] for f in summary["failed"]}
    assert "killer.docx" in failed and all("worker process died" in why for why in failed.values())
    assert len(failed) + len(summary["succeeded"]) == 4
