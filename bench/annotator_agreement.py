"""How far two people agree: one annotator's labels scored as if they were the analyzer's.

    python bench/annotator_agreement.py SECOND_FOLDER [SECOND_FOLDER ...]

Each SECOND_FOLDER holds ``X.gold.jsonl`` files written by a second annotator who never saw the
first one's labels (see tests/data/second_annotator/README.md); the first annotator's ``X.txt`` and
``X.gold.jsonl`` are in tests/data/<folder name>. The second annotator's label of each sentence is
scored against the first one's gold exactly as ``bench/analyzer_eval.py`` scores the analyzer (a label
in the gold ``also`` list counts as the gold label), so the figures are the ceiling a model can reach
on text labelled by a different person.
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quizzes.analysis.evaluation import format_report, judge, read_gold, score  # noqa: E402
from quizzes.analysis.result import AnalyzedPassage  # noqa: E402

DATA = ROOT / "tests" / "data"


def as_passages(gold_path: Path) -> list[AnalyzedPassage]:
    """An annotator's labels in the analyzer's shape (confidence 1)."""
    return [AnalyzedPassage(s.start, s.end, s.label, 1.0, ()) for s in read_gold(gold_path)]


def judged_folder(second: Path) -> list:
    """Every sentence of the first annotator's gold, with the second annotator's label for it."""
    first = DATA / second.name
    judged = []
    for second_path in sorted(second.glob("*.gold.jsonl")):
        first_path = first / second_path.name
        if not first_path.exists():
            raise SystemExit(f"{second_path.name}: no first annotation at {first_path}")
        judged += judge(second_path.name.removesuffix(".gold.jsonl"), read_gold(first_path), as_passages(second_path))
    if not judged:
        raise SystemExit(f"{second}: no *.gold.jsonl files")
    return judged


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path, help="folders of a second annotator's *.gold.jsonl")
    parser.add_argument("--worst", type=int, default=0, metavar="N", help="disagreements to list (default: %(default)s)")
    args = parser.parse_args(argv)
    judged = []
    for folder in args.folders:
        rows = judged_folder(folder)
        report = score(rows)
        print(f"{folder.name}: {len(rows)} sentences, macro-F1 {report.macro_f1:.3f}, "
              f"teaser F1 {report.per_label['headline_teaser'].f1:.3f}, boilerplate F1 {report.per_label['boilerplate'].f1:.3f}")
        judged += rows
    print("\nsecond annotator scored against the first (pooled):")
    print(format_report(score(judged), worst=args.worst))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
