"""Score the discourse analyzer on gold-labelled articles (``X.txt`` + ``X.gold.jsonl`` pairs).

Usage: python bench/analyzer_eval.py [FOLDER ...]   (python bench/analyzer_eval.py --help)
Default folders: ../shared/eval/dev/ and ../shared/seed/ (the shared dev set plus the bundled
article's gold), relative to the repo root. With several folders, a per-folder summary follows
the pooled report. ``--rules`` scores the rules without the trained model.

Articles the shipped model was trained on are scored leave-one-article-out: the model is retrained
without each of them (same settings, ``bench/train_analyzer_model.py``; needs scikit-learn) and
labels it. ``--fit`` scores them with the shipped model instead, which has seen them.
"""

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quizzes.analysis import analyze  # noqa: E402
from quizzes.analysis.analyzer import analyze_rules  # noqa: E402
from quizzes.analysis.evaluation import article_pairs, evaluate, format_report  # noqa: E402
from quizzes.analysis.model import MODEL_PATH  # noqa: E402
from quizzes.analysis.result import AnalyzedPassage  # noqa: E402

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
    parser.add_argument("--fit", action="store_true",
                        help="score articles the model was trained on with the shipped model (optimistic), not leave-one-article-out")
    parser.add_argument("--worst", type=int, default=12, metavar="N", help="confident mistakes to list (default: 12)")
    return parser.parse_args(argv)


def trained_on() -> set[str]:
    """The names of the articles the shipped model was trained on."""
    model = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return {name for names in model["trained_on"].values() for name in names}


def leave_one_out(pairs: list[tuple[Path, Path]]) -> dict[str, list[AnalyzedPassage]]:
    """Each article's passages from a model retrained, with the shipped settings, without it."""
    try:
        import train_analyzer_model as training
    except ImportError as error:
        raise SystemExit(f"leave-one-article-out needs scikit-learn ({error}): pip install -e '.[train]', or pass --fit")
    model = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    training.CLASS_POWER = model["class_power"]
    training.UNTUNED_WEIGHT = model["untuned_weight"]
    keep = training.VARIANTS[model["variant"]]
    articles = training.load_articles()
    out = {}
    for text_path, gold_path in pairs:
        held = training.Article.read("held", text_path, gold_path)
        vectorizer, fitted = training.fit([a for a in articles if a.page != held.page], model["C"], keep)
        out[text_path.read_text(encoding="utf-8")] = training.predict(vectorizer, fitted, held, keep)
    return out


def labeller(pairs: list[tuple[Path, Path]], rules: bool, fit: bool):
    """The analyzer to score: the rules, or rules + model with seen articles left out of its training."""
    if rules:
        return analyze_rules
    names = set() if fit else trained_on()
    seen = [(t, g) for t, g in pairs if t.stem in names]
    if not seen:
        return analyze
    print(f"{len(seen)} of {len(pairs)} articles are in the model's training data: each is scored by the model "
          f"retrained without it (leave-one-article-out)")
    held = leave_one_out(seen)
    return lambda text: held[text] if text in held else analyze(text)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    folders = [Path(folder) for folder in args.folders]
    pairs = article_pairs(folders)
    if not pairs:
        print(f"no *.txt + *.gold.jsonl pairs in: {', '.join(map(str, folders))}", file=sys.stderr)
        return 1
    print(f"{len(pairs)} articles: {', '.join(text.stem for text, _ in pairs)}")
    analyzer = labeller(pairs, args.rules, args.fit)
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
