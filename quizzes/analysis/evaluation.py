"""Scoring the analyzer against gold sentence labels (``*.txt`` + ``*.gold.jsonl`` pairs).

Each gold sentence takes the label of the predicted passage that overlaps most of its
characters; a prediction listed in the gold ``also`` field counts as the gold label.
"""

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from quizzes.labels import CORE_LABEL_IDS, LABEL_IDS

from .result import AnalyzedPassage

Analyzer = Callable[[str], list[AnalyzedPassage]]


@dataclass(frozen=True)
class GoldSentence:
    start: int
    end: int
    label: str
    also: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Judged:
    """One gold sentence, the label predicted for it and how sure the analyzer was."""

    article: str
    gold: GoldSentence
    predicted: str
    confidence: float

    @property
    def counted_as(self) -> str:
        """The prediction, read as the gold label when the gold ``also`` list accepts it."""
        return self.gold.label if self.predicted in self.gold.also else self.predicted

    @property
    def correct(self) -> bool:
        return self.counted_as == self.gold.label


@dataclass(frozen=True)
class LabelScore:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class Report:
    judged: tuple[Judged, ...]
    per_label: dict[str, LabelScore]
    macro_f1: float
    core_macro_f1: float
    confusion: dict[str, Counter]


def read_gold(path: Path) -> list[GoldSentence]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [GoldSentence(r["start"], r["end"], r["label"], tuple(r.get("also", ())), r.get("text", "")) for r in rows]


def article_pairs(folders: Iterable[Path]) -> list[tuple[Path, Path]]:
    """Every ``X.txt`` with a ``X.gold.jsonl`` beside it, in the given folders, sorted by name."""
    pairs = []
    for folder in folders:
        for text_path in sorted(Path(folder).glob("*.txt")):
            gold_path = text_path.with_name(text_path.stem + ".gold.jsonl")
            if gold_path.exists():
                pairs.append((text_path, gold_path))
    return pairs


def judge(article: str, gold: list[GoldSentence], predicted: list[AnalyzedPassage]) -> list[Judged]:
    """The predicted label of every gold sentence: that of the passage overlapping most of it."""
    judged = []
    for sentence in gold:
        best, best_overlap = None, 0
        for passage in predicted:
            overlap = min(sentence.end, passage.end) - max(sentence.start, passage.start)
            if overlap > best_overlap:
                best, best_overlap = passage, overlap
        label, confidence = (best.label, best.confidence) if best else ("none", 0.0)
        judged.append(Judged(article, sentence, label, confidence))
    return judged


def score(judged: list[Judged]) -> Report:
    """Per-label precision, recall and F1, macro-F1 over all six and the three core labels, confusion."""
    confusion: dict[str, Counter] = {label: Counter() for label in LABEL_IDS}
    for item in judged:
        confusion.setdefault(item.gold.label, Counter())[item.counted_as] += 1
    per_label = {}
    for label in LABEL_IDS:
        true_positive = confusion[label][label]
        predicted = sum(row[label] for row in confusion.values())
        support = sum(confusion[label].values())
        precision = true_positive / predicted if predicted else 0.0
        recall = true_positive / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[label] = LabelScore(precision, recall, f1, support)
    macro = sum(s.f1 for s in per_label.values()) / len(LABEL_IDS)
    core = sum(per_label[label].f1 for label in CORE_LABEL_IDS) / len(CORE_LABEL_IDS)
    return Report(tuple(judged), per_label, macro, core, confusion)


def evaluate(pairs: list[tuple[Path, Path]], analyzer: Analyzer) -> Report:
    """Run ``analyzer`` on every article and score it against its gold file."""
    judged = []
    for text_path, gold_path in pairs:
        text = text_path.read_text(encoding="utf-8")
        judged += judge(text_path.stem, read_gold(gold_path), analyzer(text))
    return score(judged)


def format_report(report: Report, worst: int = 12) -> str:
    """The report as plain text: scores, confusion matrix (rows gold, columns predicted), worst sentences."""
    lines = [f"{'label':<20} {'P':>6} {'R':>6} {'F1':>6} {'n':>4}"]
    for label, s in report.per_label.items():
        lines.append(f"{label:<20} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.support:4d}")
    lines += [
        f"macro-F1 (six labels): {report.macro_f1:.3f}",
        f"macro-F1 (core: {', '.join(CORE_LABEL_IDS)}): {report.core_macro_f1:.3f}",
        f"accuracy: {sum(j.correct for j in report.judged) / max(1, len(report.judged)):.3f} of {len(report.judged)} sentences",
        "",
        "confusion (rows gold, columns predicted):",
        " " * 20 + "".join(f"{label[:8]:>9}" for label in LABEL_IDS),
    ]
    for label in LABEL_IDS:
        lines.append(f"{label:<20}" + "".join(f"{report.confusion[label][col]:>9}" for col in LABEL_IDS))
    mistakes = sorted((j for j in report.judged if not j.correct), key=lambda j: -j.confidence)[:worst]
    lines += ["", f"worst sentences (confident mistakes, {len(mistakes)} shown):"]
    for j in mistakes:
        lines.append(f"  [{j.article}] gold={j.gold.label} predicted={j.predicted} ({j.confidence:.2f}): {j.gold.text[:90]}")
    return "\n".join(lines)
