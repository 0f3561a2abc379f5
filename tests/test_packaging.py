"""A plain (non-editable) install must carry the clause library and the letter templates."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_ships_clauses_and_templates(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q",
                    "-w", str(tmp_path)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("counterdraft-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("clauses", "templates"):
        expected = {f"counterdraft/data/{folder}/{p.relative_to(ROOT / folder).as_posix()}"
                    for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts}
        assert expected and expected <= names, f"{folder}: missing {sorted(expected - names)[:5]}"
    assert "counterdraft/cli.py" in names
