"""One measurement in a fresh process, so its peak memory is its own.

`python bench/measure.py OP ORIGINAL REVISED OUT_DIR` prints {"seconds", "cpu_seconds", "peak_mb", "detail"} as
JSON. Imports happen before the clock starts; run.py takes the whole-process figures around a CLI process instead.
"""
from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

PROFILE = Path(__file__).resolve().parents[1] / "samples" / "profile.yaml"
DATE = "2026-01-05T09:00:00"


def main(op: str, original: Path, revised: Path, out_dir: Path) -> dict:
    if op == "floor":
        import docx

        start, cpu = time.perf_counter(), time.process_time()
        docx.Document(str(original)).save(str(out_dir / "floor.docx"))
        seconds, detail = time.perf_counter() - start, ""
    elif op == "compare":
        from counterdraft.compare import compare

        start, cpu = time.perf_counter(), time.process_time()
        result = compare(original, revised, out_dir / "compared.docx", date=DATE)
        seconds, detail = time.perf_counter() - start, f"{result.revisions} revisions"
    elif op == "redline":
        import docx  # noqa: F401  (the letter's DOCX imports it on first use; an import, so before the clock)

        from counterdraft.redline import redline

        start, cpu = time.perf_counter(), time.process_time()
        result = redline(original, PROFILE, out_dir, date=DATE)
        seconds, detail = time.perf_counter() - start, f"{len(result.applied)} clauses edited"
    elif op == "apply":
        from counterdraft.redline import apply

        plan = original.with_name(original.stem + ".plan.yaml")
        start, cpu = time.perf_counter(), time.process_time()
        result = apply(original, plan, out_dir / "applied.docx")
        seconds, detail = time.perf_counter() - start, f"{len(result.applied)} clauses edited"
    else:
        raise SystemExit(f"unknown op {op!r}")
    return {"seconds": seconds, "cpu_seconds": time.process_time() - cpu, "peak_mb": peak_mb(), "detail": detail}


def peak_mb() -> float:
    """This process's peak resident set: VmHWM on Linux (ru_maxrss there also counts the parent's peak)."""
    try:
        with open("/proc/self/status") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)


if __name__ == "__main__":
    op, original, revised, out_dir = sys.argv[1], *map(Path, sys.argv[2:5])
    print(json.dumps(main(op, original, revised, out_dir)))
