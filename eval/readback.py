"""A second round, read back: redline every labelled contract with each bundled profile, review the clean copy as
the physician would once the employer accepts every change, and print each figure the redline wrote that the
second review reads otherwise.

A figure counts as written when the edit's new text states it (a parameter the edit only asks for in the letter,
or left as the draft states it, is not compared). What it prints is for a person to read contract by contract:
a figure read from another part of the contract, or an insert beside the contract's own clause that the second
review does not prefer, is not always a fault. `docs/matching.md` has the latest count.

Usage: python eval/readback.py [--split SPLIT]
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from evaluate import CORPUS, load_labels  # noqa: E402
from txt2docx import convert  # noqa: E402

from counterdraft.library import load_library  # noqa: E402
from counterdraft.loading import load_profile  # noqa: E402
from counterdraft.redline import redline  # noqa: E402
from counterdraft.review import review  # noqa: E402
from counterdraft.wordml.package import Package  # noqa: E402
from counterdraft.wordml.read import read_blocks  # noqa: E402

PROFILES = [HERE.parent / "samples" / "profile.yaml", HERE.parent / "samples" / "profile-hospitalist.yaml"]


def written(value, text: str) -> bool:
    """Whether the edit's new text states the figure, as our wording writes figures ("90", "$6,000,000", "0.5")."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    forms = {f"{int(value):,}", str(int(value))} if float(value).is_integer() else {str(value)}
    return any(re.search(rf"(?<![\d.,]){re.escape(form)}(?![\d]|[.,]\d)", text) for form in forms)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", help="only the contracts of this split")
    args = parser.parse_args()
    library = load_library([])
    tmp = Path(tempfile.mkdtemp())
    wrong = compared = 0
    for profile_path in PROFILES:
        profile = load_profile(profile_path)
        for label in load_labels(args.split):
            source = HERE / label["source"] if (HERE / label["source"]).exists() else CORPUS / label["source"]
            contract = source if source.suffix == ".docx" else \
                convert(source, tmp / f"{label['name']}.docx", "headings")
            out = tmp / f"{label['name']}-{profile_path.stem}"
            result = redline(contract, profile_path, out, date="2026-01-01T00:00:00Z", force=True)
            again = review(read_blocks(Package.open(result.outputs["clean"])), library, profile, "clean")
            for edit in result.plan.edits:
                text = " ".join([c.after or "" for c in edit.changes] + [p.text for p in edit.new_paragraphs])
                finding = again.finding(edit.topic)
                for name, value in edit.parameters.items():
                    if name not in library.get(edit.clause_id).extract or not written(value, text):
                        continue
                    compared += 1
                    if finding.parameters.get(name) != value:
                        wrong += 1
                        print(f"{profile_path.stem:20} {label['name']:34} {edit.topic:26} {edit.kind:6} {name}: "
                              f"wrote {value}, read {finding.parameters.get(name)}")
    print(f"{wrong} of {compared} written figures read back otherwise")
    return 0


if __name__ == "__main__":
    sys.exit(main())
