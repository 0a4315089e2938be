"""The trained linear model over the rules' cues and layout (``features.py``), in plain Python.

Weights live in ``analyzer_model.json`` (written by ``bench/train_analyzer_model.py`` with
scikit-learn): ``labels``, ``features``, ``coef`` (one row per label), ``intercept``. They are
read once, on first use. Inference is a dot product over the passage's active features and a
softmax, exactly what scikit-learn's multinomial ``LogisticRegression.predict_proba`` computes,
so the runtime needs no scikit-learn and no NumPy.
"""

import json
import math
import threading
from dataclasses import dataclass
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("analyzer_model.json")
_lock = threading.Lock()
_cache: dict[str, "LinearModel | None"] = {}


@dataclass(frozen=True)
class LinearModel:
    labels: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]  # feature name -> one weight per label
    intercept: tuple[float, ...]

    @classmethod
    def from_dict(cls, data: dict) -> "LinearModel":
        labels = tuple(data["labels"])
        names = data["features"]
        coef = data["coef"]
        if len(coef) != len(labels) or any(len(row) != len(names) for row in coef) or len(data["intercept"]) != len(labels):
            raise ValueError("model file: coef, intercept, labels and features do not fit together")
        weights = {name: tuple(float(row[j]) for row in coef) for j, name in enumerate(names)}
        return cls(labels, weights, tuple(float(b) for b in data["intercept"]))

    def scores(self, features: dict[str, float]) -> list[float]:
        totals = list(self.intercept)
        for name, value in features.items():
            row = self.weights.get(name)
            if row is None or not value:
                continue
            for k, weight in enumerate(row):
                totals[k] += weight * value
        return totals

    def predict_proba(self, features: dict[str, float]) -> dict[str, float]:
        """Probability of every label for one passage's features (unknown features are ignored)."""
        scores = self.scores(features)
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {label: e / total for label, e in zip(self.labels, exps)}


def load_model(path: Path = MODEL_PATH) -> LinearModel | None:
    """The shipped model, read once; ``None`` when the file is absent (the rules then decide alone)."""
    key = str(path)
    if key not in _cache:
        with _lock:
            if key not in _cache:
                try:
                    data = json.loads(path.read_text(encoding="utf-8"))
                except FileNotFoundError:
                    _cache[key] = None
                else:
                    _cache[key] = LinearModel.from_dict(data)
    return _cache[key]
