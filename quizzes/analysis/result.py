"""What the analyzer returns: labelled passages with the cues that explain each label."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Cue:
    """A span of the article (``text[start:end]``) and why it matters, in plain words."""

    start: int
    end: int
    reason: str

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "reason": self.reason}


@dataclass(frozen=True)
class AnalyzedPassage:
    """One sentence of the article with its label, a confidence in [0, 1] and its cues."""

    start: int
    end: int
    label: str
    confidence: float
    cues: tuple[Cue, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "confidence": self.confidence,
            "cues": [cue.as_dict() for cue in self.cues],
        }
