"""The analyzer's passes, in order: layout, speakers, the writer's voice, continuations; then the
trained model (``model.py``) reads the rules' cues and the layout and gives the final label."""

from .continuation import label_continuations
from .document import Document, read_document
from .features import MIN_PARAGRAPHS, passage_features
from .layout import label_layout
from .model import LinearModel, load_model
from .result import AnalyzedPassage, Cue
from .speakers import label_speakers
from .voice import label_voice


def analyze(text: str) -> list[AnalyzedPassage]:
    """Every passage of ``text`` (see ``quizzes.segmentation``) with its label, confidence and cues."""
    return analyze_with(text, load_model())


def analyze_rules(text: str) -> list[AnalyzedPassage]:
    """The rules alone, without the trained model (for comparison and scoring)."""
    return analyze_with(text, None)


def run_rules(text: str) -> Document:
    """The article after the four rule passes: every sentence has a rule label, confidence and cues."""
    document = read_document(text)
    label_layout(document)
    label_speakers(document)
    label_voice(document)
    label_continuations(document)
    return document


def analyze_with(text: str, model: LinearModel | None) -> list[AnalyzedPassage]:
    """Rules, then ``model`` (``None``, or a text of fewer than ``MIN_PARAGRAPHS`` lines: the rules'
    labels stand). The rules' cues are kept; when the model overrules them, one more cue says so."""
    document = run_rules(text)
    # Every training article has at least MIN_PARAGRAPHS lines; on a shorter snippet the model is
    # outside what it has seen (it reads short lines as furniture), so the rules decide alone.
    use_model = model is not None and len(document.paragraphs()) >= MIN_PARAGRAPHS
    rows = passage_features(document) if use_model else [None] * len(document.sentences)
    passages = []
    for sentence, features in zip(document.sentences, rows):
        label, confidence, cues = sentence.label, sentence.confidence, list(sentence.cues)
        if features is not None:
            probabilities = model.predict_proba(features)
            best = max(probabilities, key=probabilities.get)
            if best != label:
                cues.append(Cue(sentence.start, sentence.passage.end, _overruled(label, best)))
            label, confidence = best, round(probabilities[best], 2)
        passages.append(AnalyzedPassage(sentence.start, sentence.passage.end, label, confidence, tuple(sorted(set(cues), key=_order))))
    return passages


def _overruled(rule_label: str | None, label: str) -> str:
    nice = label.replace("_", " ")
    if rule_label is None:
        return f"the trained model reads this as {nice}"
    return f"the cues above first suggested {rule_label.replace('_', ' ')}, but the trained model, weighing them with the layout, reads this as {nice}"


def _order(cue):
    return cue.start, cue.end, cue.reason
