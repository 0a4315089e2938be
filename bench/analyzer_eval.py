"""Score the discourse analyzer on gold-labelled articles.

Usage: python bench/analyzer_eval.py [FOLDER ...]
Default folders: ../shared/eval/dev/ and ../shared/seed/, relative to the repo root.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quizzes.analysis import analyze  # noqa: E402
from quizzes.analysis.evaluation import article_pairs, evaluate, format_report  # noqa: E402

DEFAULT_FOLDERS = (ROOT.parent / "shared" / "eval" / "dev", ROOT.parent / "shared" / "seed")


def main(argv: list[str]) -> int:
    folders = [Path(arg) for arg in argv] or list(DEFAULT_FOLDERS)
    pairs = article_pairs(folders)
    if not pairs:
        print(f"no *.txt + *.gold.jsonl pairs in: {', '.join(map(str, folders))}", file=sys.stderr)
        return 1
    print(f"{len(pairs)} articles: {', '.join(text.stem for text, _ in pairs)}")
    print(format_report(evaluate(pairs, analyze)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
