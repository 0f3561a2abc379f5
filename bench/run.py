"""The benchmark of issue #7: compare and redline against the floor, python-docx opening and saving the same file.

    python bench/run.py [--pages 5 50 500] [--repeat N] [--json bench/results.json]

For every size it generates a contract and its revised twin (bench/generate.py), then, `repeat` times, runs each
operation and the floor alternately, each in a fresh process (which goes first alternates too). Two ways:

- library: the call alone (counterdraft.compare.compare, counterdraft.redline.redline, counterdraft.redline.apply,
  and for the floor docx.Document(path).save(out)), timed inside its process after the imports;
- process: the whole command as a user runs it (`counterdraft compare`, `counterdraft redline`, `counterdraft apply`,
  and for the floor `python -c` doing the same open and save), interpreter start and imports included.

`apply` is the redline's document work alone, as tools that only apply edits measure it: the plan `redline` made
for the contract (made once, before timing) has its edits and comments made and the redline written. The targets
are checked for compare and redline; apply is shown for comparison.

Wall time is what the targets are about; CPU time (in the JSON) is the check when the machine is busy.
Peak memory is the process's maximum resident set, imports included in both ways. Linux carries a parent's peak
into its children (ru_maxrss survives fork and exec), so this runner stays small: it generates the documents in a
process of its own, and a measurement reads its own peak from /proc where it can. Medians are printed
as a table and written with every sample to the JSON file, with the targets checked.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OPS = ("compare", "redline", "apply")
TARGET_OPS = ("compare", "redline")
PROFILE = HERE.parent / "samples" / "profile.yaml"
MODES = ("library", "process")
FLOOR_SCRIPT = "import sys, docx; docx.Document(sys.argv[1]).save(sys.argv[2])"
#: Issue #7's targets: at 50 pages each operation within 2x the floor's time and 3x its peak memory; 500 pages in
#: at most 12x the 50-page time.
TIME_RATIO, MEMORY_RATIO, GROWTH = 2.0, 3.0, 12.0
RSS_UNIT = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux


def _library(op: str, original: Path, revised: Path, work: Path) -> dict:
    out = subprocess.run([sys.executable, str(HERE / "measure.py"), op, str(original), str(revised), str(work)],
                         capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"{op} failed on {original}:\n{out.stderr}")
    return json.loads(out.stdout)


def _process(op: str, original: Path, revised: Path, work: Path) -> dict:
    if op == "floor":
        argv = [sys.executable, "-c", FLOOR_SCRIPT, str(original), str(work / "floor.docx")]
    elif op == "compare":
        argv = [sys.executable, "-m", "counterdraft.cli", "compare", str(original), str(revised),
                "-o", str(work / "compared.docx"), "--date", "2026-01-05"]
    elif op == "apply":
        argv = [sys.executable, "-m", "counterdraft.cli", "apply", str(original), str(plan_of(original)),
                "-o", str(work / "applied.docx")]
    else:
        argv = [sys.executable, "-m", "counterdraft.cli", "redline", str(original), "--profile", str(PROFILE),
                "--out-dir", str(work), "--date", "2026-01-05"]
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    stderr = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"{' '.join(argv)} failed:\n{stderr}")
    return {"seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / RSS_UNIT,
            "detail": ""}


def plan_of(original: Path) -> Path:
    return original.with_name(original.stem + ".plan.yaml")


def _make_plan(original: Path) -> None:
    """The plan `apply` makes its edits from: what `redline` writes for the contract."""
    with tempfile.TemporaryDirectory(prefix="bench-plan-") as work:
        subprocess.run([sys.executable, "-m", "counterdraft.cli", "redline", str(original), "--profile", str(PROFILE),
                        "--out-dir", work, "--date", "2026-01-05"], check=True, capture_output=True)
        shutil.copy(Path(work) / plan_of(original).name, plan_of(original))


def measure(mode: str, op: str, original: Path, revised: Path) -> dict:
    work = Path(tempfile.mkdtemp(prefix=f"bench-{op}-"))
    try:
        return (_library if mode == "library" else _process)(op, original, revised, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(pages: list[int], repeat: int, folder: Path) -> dict:
    rows = []
    for n in pages:
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(n), str(folder)], check=True,
                       stdout=subprocess.DEVNULL)
        original, revised = folder / f"contract-{n}p.docx", folder / f"contract-{n}p.revised.docx"
        _make_plan(original)
        print(f"{n} pages: {original.stat().st_size // 1024} KiB; measuring", file=sys.stderr)
        for mode in MODES:
            for op in OPS:
                samples: dict[str, list[dict]] = {"op": [], "floor": []}
                for i in range(repeat):
                    order = (("floor", "op"), ("op", "floor"))[i % 2]
                    for which in order:
                        samples[which].append(measure(mode, "floor" if which == "floor" else op, original, revised))
                med = {k: statistics.median(s["seconds"] for s in v) for k, v in samples.items()}
                mem = {k: statistics.median(s["peak_mb"] for s in v) for k, v in samples.items()}
                cpu = {k: statistics.median(s["cpu_seconds"] for s in v) for k, v in samples.items()}
                rows.append({"pages": n, "mode": mode, "op": op, "seconds": med["op"], "floor_seconds": med["floor"],
                             "ratio": med["op"] / med["floor"], "peak_mb": mem["op"], "floor_peak_mb": mem["floor"],
                             "memory_ratio": mem["op"] / mem["floor"], "cpu_seconds": cpu["op"],
                             "floor_cpu_seconds": cpu["floor"], "cpu_ratio": cpu["op"] / cpu["floor"],
                             "detail": samples["op"][0]["detail"],
                             "samples": samples})
    return {"rows": rows, "targets": targets(rows)}


def targets(rows: list[dict]) -> list[dict]:
    by = {(r["pages"], r["mode"], r["op"]): r for r in rows}
    out = []
    for mode in MODES:
        for op in TARGET_OPS:
            r50, r500 = by.get((50, mode, op)), by.get((500, mode, op))
            if r50:
                out.append({"target": f"{op} ({mode}) at 50 pages: time <= {TIME_RATIO:g}x floor",
                            "value": round(r50["ratio"], 2), "met": r50["ratio"] <= TIME_RATIO})
                out.append({"target": f"{op} ({mode}) at 50 pages: peak memory <= {MEMORY_RATIO:g}x floor",
                            "value": round(r50["memory_ratio"], 2), "met": r50["memory_ratio"] <= MEMORY_RATIO})
            if r50 and r500:
                growth = r500["seconds"] / r50["seconds"]
                out.append({"target": f"{op} ({mode}): 500 pages <= {GROWTH:g}x the 50-page time",
                            "value": round(growth, 2), "met": growth <= GROWTH})
    return out


def table(result: dict) -> str:
    head = f"{'pages':>5}  {'op':18} {'median s':>9} {'floor s':>8} {'ratio':>6} {'peak MB':>8} {'floor MB':>8} " \
           f"{'ratio':>6}"
    lines = [head, "-" * len(head)]
    for r in result["rows"]:
        lines.append(f"{r['pages']:>5}  {r['op'] + (' (process)' if r['mode'] == 'process' else ''):18} "
                     f"{r['seconds']:>9.3f} {r['floor_seconds']:>8.3f} {r['ratio']:>6.2f} {r['peak_mb']:>8.1f} "
                     f"{r['floor_peak_mb']:>8.1f} {r['memory_ratio']:>6.2f}")
    lines.append("")
    for t in result["targets"]:
        lines.append(f"{'met ' if t['met'] else 'MISS'}  {t['target']}: {t['value']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[5, 50, 500])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path, default=HERE / "results.json")
    args = parser.parse_args(argv)
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench-docs-") as folder:
        result = run(args.pages, args.repeat, Path(folder))
    import counterdraft

    result["machine"] = {"python": platform.python_version(), "platform": platform.platform(),
                         "cpus": os.cpu_count(), "counterdraft": counterdraft.__version__,
                         "date": time.strftime("%Y-%m-%d %H:%M"), "repeat": args.repeat,
                         "load_average_before_after": [load_before[0], os.getloadavg()[0]]}
    print(table(result))
    args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
