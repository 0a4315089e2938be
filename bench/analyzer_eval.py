"""Score the discourse analyzer on gold-labelled articles (``X.txt`` + ``X.gold.jsonl`` pairs).

Usage: python bench/analyzer_eval.py [FOLDER ...]   (python bench/analyzer_eval.py --help)
Default folders: ../shared/eval/dev/ and ../shared/seed/ (the shared dev set plus the bundled
article's gold), relative to the repo root. With several folders, a per-folder summary follows
the pooled report. ``--rules`` scores the rules without the trained model. Leave-one-article-out
scores (rules vs rules + model) come from ``bench/train_analyzer_model.py``.
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quizzes.analysis import analyze  # noqa: E402
from quizzes.analysis.analyzer import analyze_rules  # noqa: E402
from quizzes.analysis.evaluation import article_pairs, evaluate, format_report  # noqa: E402

DEFAULT_FOLDERS = (ROOT.parent / "shared" / "eval" / "dev", ROOT.parent / "shared" / "seed")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="analyzer_eval.py",
        description="Score quizzes.analysis.analyze against gold sentence labels: per-label precision, "
        "recall and F1, macro-F1 over the six labels and the three core labels, a confusion matrix and "
        "the most confident mistakes.",
    )
    parser.add_argument(
        "folders",
        nargs="*",
        type=Path,
        metavar="FOLDER",
        help="folders holding X.txt + X.gold.jsonl pairs (default: %(default)s)",
        default=[str(folder) for folder in DEFAULT_FOLDERS],
    )
    parser.add_argument("--rules", action="store_true", help="score the rules alone, without the trained model")
    parser.add_argument("--worst", type=int, default=12, metavar="N", help="confident mistakes to list (default: 12)")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    folders = [Path(folder) for folder in args.folders]
    analyzer = analyze_rules if args.rules else analyze
    pairs = article_pairs(folders)
    if not pairs:
        print(f"no *.txt + *.gold.jsonl pairs in: {', '.join(map(str, folders))}", file=sys.stderr)
        return 1
    print(f"{len(pairs)} articles: {', '.join(text.stem for text, _ in pairs)}")
    print(format_report(evaluate(pairs, analyzer), worst=args.worst))
    if len(folders) > 1:
        print("\nper folder:")
        for folder in folders:
            own = article_pairs([folder])
            if not own:
                print(f"  {folder}: no gold pairs")
                continue
            report = evaluate(own, analyzer)
            correct = sum(j.correct for j in report.judged)
            print(
                f"  {folder}: {len(own)} articles, {len(report.judged)} sentences, accuracy "
                f"{correct / len(report.judged):.3f}, macro-F1 {report.macro_f1:.3f}, core {report.core_macro_f1:.3f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
