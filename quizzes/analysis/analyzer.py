"""The analyzer's passes, in order: layout, speakers, the writer's voice, continuations."""

from .continuation import label_continuations
from .document import read_document
from .layout import label_layout
from .result import AnalyzedPassage
from .speakers import label_speakers
from .voice import label_voice


def analyze(text: str) -> list[AnalyzedPassage]:
    """Every passage of ``text`` (see ``quizzes.segmentation``) with its label, confidence and cues."""
    document = read_document(text)
    label_layout(document)
    label_speakers(document)
    label_voice(document)
    label_continuations(document)
    return [
        AnalyzedPassage(s.start, s.passage.end, s.label, s.confidence, tuple(sorted(set(s.cues), key=_order)))
        for s in document.sentences
    ]


def _order(cue):
    return cue.start, cue.end, cue.reason
