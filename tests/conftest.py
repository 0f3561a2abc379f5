"""Shared fixtures: the ../shared corpus beside the repository, output folders, the LibreOffice oracle, the
evaluation's plain-text-to-DOCX converter, and the bundled clause library with the sample physician's profile."""
import importlib.util
import os
import sys
from pathlib import Path

import pytest

import oracles

SHARED_DIR = Path(__file__).resolve().parents[2] / "shared"
SAMPLE_PROFILE = Path(__file__).resolve().parents[1] / "samples" / "profile.yaml"


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes seconds (LibreOffice, whole-corpus runs); -m 'not slow' skips")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared/ folder beside the repository (corpus, reference oracles); skips the test when absent."""
    if not (SHARED_DIR / "corpus").is_dir():
        pytest.skip("needs the shared/ folder beside the repository (%s): not found" % SHARED_DIR)
    return SHARED_DIR


@pytest.fixture(scope="session")
def corpus_docx(shared_dir) -> list[Path]:
    """Every .docx under shared/corpus/, sorted."""
    found = sorted((shared_dir / "corpus").rglob("*.docx"))
    if not found:
        pytest.skip("no .docx files under %s" % (shared_dir / "corpus"))
    return found


@pytest.fixture
def tmp_out(tmp_path) -> Path:
    """An empty output folder of the test's own."""
    out = tmp_path / "out"
    out.mkdir()
    return out


@pytest.fixture(scope="session")
def libreoffice():
    """Skips the test when LibreOffice cannot run here; fails instead under COUNTERDRAFT_REQUIRE_ORACLES=1
    (set by .ci/run), so CI cannot pass by skipping the LibreOffice checks."""
    reason = oracles.lo_missing_reason()
    if reason:
        if os.environ.get("COUNTERDRAFT_REQUIRE_ORACLES") == "1":
            pytest.fail("COUNTERDRAFT_REQUIRE_ORACLES=1 but " + reason)
        pytest.skip(reason)


@pytest.fixture(scope="session")
def pandoc() -> str:
    """pandoc's path (pypandoc-binary's, else one on PATH); skips the test when there is none."""
    try:
        return oracles.pandoc_path()
    except RuntimeError as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def txt2docx():
    """eval/txt2docx.py, which makes DOCX of the plain-text agreements (not a package: loaded from its file)."""
    path = Path(__file__).resolve().parents[1] / "eval" / "txt2docx.py"
    spec = importlib.util.spec_from_file_location("txt2docx", path)
    sys.modules.setdefault("txt2docx", importlib.util.module_from_spec(spec))  # its dataclasses look it up
    spec.loader.exec_module(sys.modules["txt2docx"])
    return sys.modules["txt2docx"]


@pytest.fixture(scope="module")
def library():
    from counterdraft.library import load_library

    return load_library()


@pytest.fixture
def profile():
    """The sample physician's profile, fresh for each test (tests change its asks)."""
    from counterdraft.loading import load_profile

    return load_profile(SAMPLE_PROFILE)
