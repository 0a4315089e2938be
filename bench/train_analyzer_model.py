"""Train the analyzer's linear model and score it leave-one-article-out against the rules alone.

Usage: python bench/train_analyzer_model.py [--write] [--c C] [--variant NAME]
Needs the ``train`` extra (scikit-learn): ``pip install -e '.[train]'``.

Reads the labelled folders in ``FOLDERS`` (named one by one; nothing else under tests/data is
ever read), runs the rules on every article, computes ``quizzes.analysis.features`` per passage
and labels each passage with the gold sentence it overlaps most. A page with site furniture above its
headline or below its last line is also trained on as a teacher pastes it (``Article.as_pasted``); the
scores below count the original pages only, and a page is always held out with its copy. Then:

1. leave-one-article-out (LOAO): for every article, train on all the others and label it;
   pooled and per-folder scores, rules alone vs rules + model;
2. leave-one-folder-out (LOFO): train on every other folder, label the whole folder (the
   closest to a new blind set written by another author); "untuned" rows pool blind3 to LAST_TRAINING_SET;
3. with ``--write``: train on everything and write ``quizzes/analysis/analyzer_model.json``
   (labels, feature names, coefficients, intercepts; no pickle), with a few feature vectors and
   scikit-learn's ``predict_proba`` for them, which the tests compare with the pure-Python
   inference.
"""

import argparse
import json
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from quizzes.analysis.analyzer import run_rules  # noqa: E402
from quizzes.analysis.evaluation import GoldSentence, article_pairs, judge, read_gold, score  # noqa: E402
from quizzes.analysis.features import passage_features  # noqa: E402
from quizzes.analysis.model import MODEL_PATH, LinearModel  # noqa: E402
from quizzes.analysis.result import AnalyzedPassage  # noqa: E402
from quizzes.labels import LABEL_IDS  # noqa: E402

# Named one by one: nothing else under tests/data is read. blind49 to blind96 were round 16's exams
# (scored, see docs/analyzer.md) and joined in round 20; blind97 and later are round 20's exams.
LAST_TRAINING_SET = 96
DATA = ROOT / "tests" / "data"
FOLDERS = {
    "dev": ROOT.parent / "shared" / "eval" / "dev",
    "seed": ROOT.parent / "shared" / "seed",
    "heldout": DATA / "heldout",
    "blind": DATA / "blind",
    **{f"blind{n}": DATA / f"blind{n}" for n in range(2, LAST_TRAINING_SET + 1)},
}
# Folders that were blind exams for the model era (scored before anything was tuned on them); the
# "untuned" rows pool them. Since round 6 the rules have been studied on all of them too (see
# docs/analyzer.md), so their rows measure transfer between folders, not blind generalisation.
UNTUNED = {f"blind{n}" for n in range(3, LAST_TRAINING_SET + 1)}
MIN_ARTICLES = 2  # a word feature must occur in at least this many training articles
MIN_PAIR_ARTICLES = 4  # a word pair ("w2:") must occur in at least this many (keeps the model file small)
VARIANTS = {
    "full": lambda name: True,
    "no-rule-label": lambda name: not name.startswith(("rule=", "rule_confidence", "prev_rule=", "next_rule=", "article_share_rule=")),
    "no-words": lambda name: not name.startswith(("w:", "w2:", "first_word:")),
}


class Article:
    def __init__(self, folder: str, name: str, text: str, gold: list[GoldSentence]):
        self.folder = folder
        self.name = name
        self.text = text
        self.gold = gold
        document = run_rules(text)
        self.features = passage_features(document)
        self.spans = [(s.start, s.passage.end) for s in document.sentences]
        self.rules = [AnalyzedPassage(s.start, s.passage.end, s.label, s.confidence, ()) for s in document.sentences]
        self.targets = [self._gold_label(start, end) for start, end in self.spans]

    @property
    def page(self) -> str:
        """The page's name, the same for the article and its pasted copy."""
        return self.name.removesuffix(PASTED)

    @property
    def pasted(self) -> bool:
        return self.name.endswith(PASTED)

    @classmethod
    def read(cls, folder: str, text_path: Path, gold_path: Path) -> "Article":
        return cls(folder, text_path.stem, text_path.read_text(encoding="utf-8"), read_gold(gold_path))

    def as_pasted(self) -> "Article | None":
        """The same page as a teacher pastes it, from the headline down to the last line of the article:
        without the site furniture above and below (``None`` when there is none to cut). Nearly every
        blind page opens with furniture; without these copies the model learns that a page's first
        line is always furniture and reads a pasted article's bare headline as such."""
        kept = [g for g in self.gold if g.label != "boilerplate"]
        if not kept:
            return None
        start = self.text.rfind("\n", 0, kept[0].start) + 1
        end = self.text.find("\n", kept[-1].end)
        end = len(self.text) if end < 0 else end
        if start == 0 and end == len(self.text):
            return None
        gold = [replace(g, start=g.start - start, end=g.end - start) for g in self.gold if g.start >= start and g.end <= end]
        return Article(self.folder, self.name + PASTED, self.text[start:end], gold)

    def _gold_label(self, start: int, end: int) -> str | None:
        best, best_overlap = None, 0
        for sentence in self.gold:
            overlap = min(end, sentence.end) - max(start, sentence.start)
            if overlap > best_overlap:
                best, best_overlap = sentence.label, overlap
        return best


PASTED = " (as pasted)"


def load_articles() -> list[Article]:
    """Every training article, and its pasted copy (``Article.as_pasted``) where it has one."""
    articles = []
    for folder, path in FOLDERS.items():
        for text_path, gold_path in article_pairs([path]):
            article = Article.read(folder, text_path, gold_path)
            pasted = article.as_pasted()
            articles += [article] if pasted is None else [article, pasted]
    return articles


def _selected(features: dict, keep, allowed: set | None) -> dict:
    return {k: v for k, v in features.items() if keep(k) and (allowed is None or k in allowed)}


def _word_filter(train: list[Article]) -> set[str]:
    """Non-word features, plus words seen in at least MIN_ARTICLES training articles and word pairs
    seen in at least MIN_PAIR_ARTICLES."""
    seen: dict[str, set[str]] = defaultdict(set)
    for article in train:
        for row in article.features:
            for name in row:
                seen[name].add(article.page)
    return {
        name for name, where in seen.items()
        if not name.startswith(("w:", "w2:", "first_word:"))
        or len(where) >= (MIN_PAIR_ARTICLES if name.startswith("w2:") else MIN_ARTICLES)
    }


UNTUNED_WEIGHT = 0.3  # set by --untuned-weight
CLASS_POWER = 0.0  # set by --class-power: 1 is scikit-learn's "balanced", 0 no class weights


def _class_weights(targets: list[str]) -> dict[str, float]:
    """Each label weighted by (n / (labels x its count)) ** CLASS_POWER."""
    counts = {label: targets.count(label) for label in set(targets)}
    return {label: (len(targets) / (len(counts) * n)) ** CLASS_POWER for label, n in counts.items()}


def fit(train: list[Article], c: float, keep) -> tuple[DictVectorizer, LogisticRegression]:
    allowed = _word_filter(train)
    rows, targets, weights = [], [], []
    for article in train:
        for row, target in zip(article.features, article.targets):
            if target is not None:
                rows.append(_selected(row, keep, allowed))
                targets.append(target)
                weights.append(UNTUNED_WEIGHT if article.folder in UNTUNED else 1.0)
    vectorizer = DictVectorizer(sparse=False)
    x = vectorizer.fit_transform(rows)
    model = LogisticRegression(C=c, class_weight=_class_weights(targets), max_iter=5000)
    model.fit(x, targets, sample_weight=np.array(weights))
    return vectorizer, model


def predict(vectorizer, model, article: Article, keep) -> list[AnalyzedPassage]:
    x = vectorizer.transform([_selected(row, keep, None) for row in article.features])
    probabilities = model.predict_proba(x)
    passages = []
    for (start, end), p in zip(article.spans, probabilities):
        k = int(np.argmax(p))
        passages.append(AnalyzedPassage(start, end, str(model.classes_[k]), float(p[k]), ()))
    return passages


def _line(name: str, report) -> str:
    per = report.per_label
    cells = " ".join(f"{per[label].f1:6.3f}" for label in LABEL_IDS)
    return f"{name:<26} {len(report.judged):4d} {report.macro_f1:6.3f} {cells}"


def _header() -> str:
    short = " ".join(f"{label[:6]:>6}" for label in LABEL_IDS)
    return f"{'':<26} {'n':>4} {'macro':>6} {short}"


def compare(title: str, articles: list[Article], predictions: dict[str, list[AnalyzedPassage]]) -> dict:
    """Rules vs rules+model, pooled and per folder; returns the pooled model report."""
    print(f"\n{title}")
    print(_header())
    results = {}
    for group in ["all", "untuned", *FOLDERS]:
        members = [a for a in articles if not a.pasted and (group == "all" or a.folder == group or (group == "untuned" and a.folder in UNTUNED))]
        if not members:
            continue
        rules = score([j for a in members for j in judge(a.name, a.gold, a.rules)])
        model = score([j for a in members for j in judge(a.name, a.gold, predictions[a.name])])
        print(_line(f"{group}: rules", rules))
        print(_line(f"{group}: rules+model", model))
        results[group] = (rules, model)
    return results


def loao(articles: list[Article], c: float, keep) -> dict[str, list[AnalyzedPassage]]:
    out = {}
    for held in (a for a in articles if not a.pasted):
        vectorizer, model = fit([a for a in articles if a.page != held.page], c, keep)
        out[held.name] = predict(vectorizer, model, held, keep)
    return out


def lofo(articles: list[Article], c: float, keep) -> dict[str, list[AnalyzedPassage]]:
    out = {}
    for folder in FOLDERS:
        held = [a for a in articles if a.folder == folder and not a.pasted]
        if not held:
            continue
        vectorizer, model = fit([a for a in articles if a.folder != folder], c, keep)
        for article in held:
            out[article.name] = predict(vectorizer, model, article, keep)
    return out


def write_model(articles: list[Article], c: float, keep, variant: str) -> None:
    vectorizer, model = fit(articles, c, keep)
    names = list(vectorizer.feature_names_)
    coef = model.coef_
    used = [j for j in range(len(names)) if np.any(np.abs(coef[:, j]) >= 1e-6)]
    data = {
        "about": "Linear model over the rules' cues and layout features; see docs/analyzer.md. "
        "Written by bench/train_analyzer_model.py --write; probabilities = softmax(coef . x + intercept).",
        "trained_on": {folder: [a.name for a in articles if a.folder == folder and not a.pasted] for folder in FOLDERS},
        "pasted_copies": sum(a.pasted for a in articles),
        "sentences": sum(t is not None for a in articles for t in a.targets),
        "variant": variant,
        "C": c,
        "class_weight": f"balanced ** {CLASS_POWER}",
        "class_power": CLASS_POWER,
        "untuned_weight": UNTUNED_WEIGHT,
        "sklearn_version": __import__("sklearn").__version__,
        "labels": [str(label) for label in model.classes_],
        "features": [names[j] for j in used],
        "coef": [[round(float(coef[k, j]), 6) for j in used] for k in range(coef.shape[0])],
        "intercept": [round(float(b), 6) for b in model.intercept_],
    }
    # Equivalence check: scikit-learn's predict_proba on a few training vectors, for the tests.
    checks = []
    rows = [row for a in articles for row in a.features]
    for index in np.linspace(0, len(rows) - 1, 8).astype(int):
        row = _selected(rows[index], keep, set(names))
        p = model.predict_proba(vectorizer.transform([row]))[0]
        checks.append({"features": row, "predict_proba": [float(v) for v in p]})
    data["checks"] = checks
    MODEL_PATH.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    pure = LinearModel.from_dict(data)
    worst = max(abs(pure.predict_proba(check["features"])[label] - q) for check in checks for label, q in zip(data["labels"], check["predict_proba"]))
    print(f"\nwrote {MODEL_PATH.relative_to(ROOT)}: {len(used)} features x {len(data['labels'])} labels, "
          f"{MODEL_PATH.stat().st_size / 1024:.1f} KiB")
    print(f"pure-Python inference vs scikit-learn predict_proba on {len(checks)} vectors: max |difference| {worst:.2e}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="train_analyzer_model.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--c", type=float, default=0.3, help="inverse L2 regularisation strength (default: %(default)s)")
    parser.add_argument("--variant", choices=sorted(VARIANTS), default="full", help="feature set (default: %(default)s)")
    parser.add_argument("--grid", action="store_true", help="also print LOAO/LOFO macro-F1 for every variant and C in 0.1, 0.3, 1, 3")
    parser.add_argument("--untuned-weight", type=float, default=0.3, metavar="W",
                        help="weight of passages from the UNTUNED folders (blind3 to LAST_TRAINING_SET): below 1, so "
                        "that ninety-odd synthetic folders do not drown the real pages' conventions (%(default)s)")
    parser.add_argument("--class-power", type=float, default=0.0, metavar="P",
                        help="class weights (n / (labels x count)) ** P: 1 is 'balanced', 0 none (%(default)s)")
    parser.add_argument("--write", action="store_true", help="train on everything and write the model file")
    parser.add_argument("--no-loao", action="store_true", help="skip leave-one-article-out (LOFO only; quicker)")
    parser.add_argument("--no-lofo", action="store_true", help="skip leave-one-folder-out (with --write: just train and write)")
    parser.add_argument("--errors", nargs="*", default=[], metavar="FOLDER",
                        help="list the LOFO mistakes (rules + model) in these training folders")
    args = parser.parse_args(argv)
    if args.no_lofo and args.errors:
        parser.error("--errors lists leave-one-folder-out mistakes: it cannot be used with --no-lofo")
    started = time.perf_counter()
    global UNTUNED_WEIGHT
    UNTUNED_WEIGHT = args.untuned_weight
    global CLASS_POWER
    CLASS_POWER = args.class_power
    articles = load_articles()
    count = sum(t is not None for a in articles for t in a.targets)
    print(f"{len(articles)} articles (with {sum(a.pasted for a in articles)} pasted copies), {count} labelled passages, folders: {', '.join(FOLDERS)}")
    keep = VARIANTS[args.variant]
    if args.grid:
        print("\ngrid (macro-F1: LOAO all / LOFO all / LOFO untuned folders):")
        for variant, variant_keep in VARIANTS.items():
            for c in (0.1, 0.3, 1.0, 3.0):
                first = loao(articles, c, variant_keep)
                second = lofo(articles, c, variant_keep)
                originals = [art for art in articles if not art.pasted]
                pooled = score([j for art in originals for j in judge(art.name, art.gold, first[art.name])])
                folded = score([j for art in originals for j in judge(art.name, art.gold, second[art.name])])
                untuned = score([j for art in originals if art.folder in UNTUNED for j in judge(art.name, art.gold, second[art.name])])
                print(f"  {variant:<14} C={c:<4} {pooled.macro_f1:.3f} / {folded.macro_f1:.3f} / {untuned.macro_f1:.3f}")
    if not args.no_loao:
        compare(f"leave-one-article-out (variant {args.variant}, C={args.c}); F1 per label:", articles, loao(articles, args.c, keep))
    folded = {} if args.no_lofo else lofo(articles, args.c, keep)
    if folded:
        compare(f"leave-one-folder-out (variant {args.variant}, C={args.c}); F1 per label:", articles, folded)
    for folder in args.errors:
        print(f"\nLOFO mistakes in {folder} (gold -> predicted, rules' label):")
        for article in (a for a in articles if a.folder == folder and not a.pasted):
            rules = {j.gold.start: j.predicted for j in judge(article.name, article.gold, article.rules)}
            for j in judge(article.name, article.gold, folded[article.name]):
                if not j.correct:
                    print(f"  {article.name[:14]} {j.gold.label[:8]:>8} -> {j.predicted[:8]:<8} "
                          f"(rules {rules.get(j.gold.start, '?')[:8]}) {j.gold.text[:110]!r}")
    if args.write:
        write_model(articles, args.c, keep, args.variant)
    print(f"\n({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
