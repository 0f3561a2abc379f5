"""`compare`: the original's package with tracked changes that turn it into the revised document."""
from __future__ import annotations

from pathlib import Path

from .dates import revision_date, run_datetime
from .files import check_outputs
from .wordml.compare import CompareResult, compare_packages
from .wordml.package import Package


def compare(original: Path, revised: Path, output: Path, author: str = "counterdraft", date: str | None = None,
            force: bool = False) -> CompareResult:
    original, revised, output = Path(original), Path(revised), Path(output)
    when = revision_date(run_datetime(date))
    orig_pkg, rev_pkg = Package.open(original), Package.open(revised)
    check_outputs([original, revised], [output], force)
    orig_pkg.check_output_name(output)
    result = compare_packages(orig_pkg, rev_pkg, author, when)
    orig_pkg.save(output)
    return result
