"""What every benchmark shares: the data, subprocess runs, tables and JSON results.

Benchmarks measure on the full IMDB data (``--data``, else ``$IMDB_DATA``,
else ``../shared/data/aclImdb_v1-labeled.tar.gz``). The machine is noisy, so
each comparison alternates A and B within one run and reports ratios of
medians. Each measured run is its own process, so peak RSS belongs to it.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "aclImdb_v1-labeled.tar.gz"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def data_path(value: str | None = None) -> str:
    path = value or os.environ.get("IMDB_DATA") or str(DEFAULT_DATA)
    if not Path(path).exists():
        sys.exit(f"error: no IMDB data at {path}; pass --data or set IMDB_DATA.")
    return path


def peak_rss_mb() -> float:
    """This process's peak resident set size, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_json(args: list[str], timeout: float = 3600) -> dict:
    """Run ``python args...`` and parse the last stdout line as JSON."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result.setdefault("process_seconds", time.perf_counter() - start)
    return result


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def table(rows: list[dict], columns: list[tuple[str, str, str]]) -> str:
    """Rows as a fixed-width table; columns are (key, heading, format)."""
    cells = [[heading for _, heading, _ in columns]]
    for row in rows:
        cells.append([("" if row.get(key) is None else format(row[key], fmt)) for key, _, fmt in columns])
    widths = [max(len(line[i]) for line in cells) for i in range(len(columns))]
    lines = ["  ".join(cell.rjust(width) for cell, width in zip(line, widths)) for line in cells]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def save(name: str, payload: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    payload = {"measured_at": time.strftime("%Y-%m-%d %H:%M:%S"), "cpu_count": os.cpu_count(), **payload}
    path.write_text(json.dumps(payload, indent=2))
    return path
