"""Speed and memory of the discourse analyzer on the bundled article (one core).

Prints: start-up cost (import in a fresh interpreter, then loading the trained model), median time for the bundled article
after warm-up (target <= 50 ms), time per sentence at 1x, 10x and 100x the article (the cost
should be linear), and peak Python memory (tracemalloc) at each size.
"""

import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quizzes.analysis import analyze  # noqa: E402
from quizzes.analysis.model import MODEL_PATH  # noqa: E402

ARTICLE = ROOT / "quizzes" / "seed" / "article.txt"
TARGET_MS = 50.0
_IMPORT_PROBE = "import time; t = time.perf_counter(); import quizzes.analysis; print(time.perf_counter() - t)"
_MODEL_PROBE = (
    "import time; from quizzes.analysis.model import load_model; t = time.perf_counter(); load_model(); "
    "print(time.perf_counter() - t)"
)


def pin_to_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def start_up_seconds(probe_source: str = _IMPORT_PROBE, runs: int = 5) -> float:
    """Median time of ``probe_source``'s timed step in a fresh interpreter: importing the analyzer
    (lexicons compiled), or reading the trained model the first time it is needed."""
    times = []
    for _ in range(runs):
        probe = subprocess.run([sys.executable, "-c", probe_source], cwd=ROOT, capture_output=True, text=True, check=True)
        times.append(float(probe.stdout))
    return statistics.median(times)


def median_seconds(text: str, runs: int, warm_up: int = 3) -> float:
    for _ in range(warm_up):
        analyze(text)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        analyze(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_bytes(text: str) -> int:
    tracemalloc.start()
    analyze(text)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> int:
    pin_to_one_core()
    article = ARTICLE.read_text(encoding="utf-8")
    print(f"start-up (import in a fresh interpreter, median of 5): {start_up_seconds() * 1000:.1f} ms")
    size = MODEL_PATH.stat().st_size / 1024
    print(f"model load ({size:.1f} KiB of JSON, first analysis in a fresh interpreter, median of 5): "
          f"{start_up_seconds(_MODEL_PROBE) * 1000:.1f} ms")
    first = median_seconds(article, runs=50)
    verdict = "within" if first * 1000 <= TARGET_MS else "OVER"
    print(f"bundled article ({len(article):,} chars): median {first * 1000:.2f} ms after warm-up "
          f"({verdict} the {TARGET_MS:.0f} ms target)")
    print(f"{'size':>5} {'chars':>9} {'sentences':>9} {'median ms':>10} {'us/sentence':>12} {'peak MiB':>9}")
    for factor, runs in ((1, 30), (10, 7), (100, 3)):
        text = "\n\n".join([article] * factor)
        sentences = len(analyze(text))
        seconds = median_seconds(text, runs, warm_up=1)
        print(f"{factor:>4}x {len(text):>9,} {sentences:>9} {seconds * 1000:>10.1f} "
              f"{seconds / sentences * 1e6:>12.1f} {peak_bytes(text) / 1_048_576:>9.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
