"""Span questions: mark the words that signal a label, find every passage of a label.

Answers are ``{"spans": [[start, end], ...]}``: character offsets into the article text.

Both score max(found - wrong, 0) / number of key spans of the question's points, as QTI hottext
and H5P Mark the Words do.

*Mark the words* is judged word by word. A word counts as marked when the answer covers at least
half of its characters. A key phrase is *found* when the marked words cover at least half of the
characters of its words ("claimed" finds "has claimed"; spaces and dashes between the words do not
count, so marking every word of a phrase always finds it); every marked word outside all key phrases is one
wrong pick, as in H5P. So marking a whole sentence around a two-word cue costs more than it
earns, and marking one more word of a key phrase never lowers the score.

*Find in the article* is judged passage by passage: a selected span finds a key passage when
their overlap covers at least half of each; each key passage is found once; a selection that
finds nothing is wrong.
"""

import re
from typing import Any

from .base import (
    AnswerError,
    GradeResult,
    Question,
    QuestionType,
    partial_credit,
    register,
    require_mapping,
    scaled,
)

MAX_SPANS = 200
_WORD = re.compile(r"\w")
_WORD_TOKEN = re.compile(r"\w+(?:[’'-]\w+)*")

Span = tuple[int, int]


def parse_spans(answer: Any) -> list[Span]:
    """Validate the ``spans`` shape; return sorted, de-duplicated (start, end) pairs."""
    spans = require_mapping(answer, "spans")
    if not isinstance(spans, list):
        raise AnswerError("spans must be a list of [start, end] pairs", "spans")
    if len(spans) > MAX_SPANS:
        raise AnswerError(f"at most {MAX_SPANS} spans", "spans")
    pairs = set()
    for span in spans:
        if (
            not isinstance(span, list | tuple)
            or len(span) != 2
            or not all(type(x) is int for x in span)
            or not 0 <= span[0] < span[1]
        ):
            raise AnswerError("each span must be [start, end] with 0 <= start < end", "spans")
        pairs.add((span[0], span[1]))
    return sorted(pairs)


def merge_word_runs(spans: list[Span], text: str, offset: int) -> list[Span]:
    """Join selections separated only by spaces or punctuation in ``text`` (which starts at ``offset``)."""
    merged: list[Span] = []
    for start, end in spans:
        if merged:
            last_start, last_end = merged[-1]
            gap = text[max(last_end - offset, 0):max(start - offset, 0)]
            if start <= last_end or not _WORD.search(gap):
                merged[-1] = (last_start, max(last_end, end))
                continue
        merged.append((start, end))
    return merged


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_spans(selected: list[Span], key: list[Span]) -> tuple[list[dict], int, int]:
    """Pair selections with key spans by the overlap rule; return feedback, hits and wrong picks."""
    unmatched = list(key)
    feedback, hits = [], 0
    for span in selected:
        candidates = [
            k for k in unmatched
            if 2 * _overlap(span, k) >= k[1] - k[0] and 2 * _overlap(span, k) >= span[1] - span[0]
        ]
        if candidates:
            best = max(candidates, key=lambda k: _overlap(span, k))
            unmatched.remove(best)
            hits += 1
        feedback.append({"start": span[0], "end": span[1], "verdict": "correct" if candidates else "wrong"})
    feedback += [{"start": k[0], "end": k[1], "verdict": "missed"} for k in unmatched]
    return feedback, hits, len(selected) - hits


class _SpanQuestion(QuestionType):
    answer_schema = {
        "type": "object",
        "required": ["spans"],
        "properties": {
            "spans": {
                "type": "array",
                "maxItems": MAX_SPANS,
                "items": {"type": "array", "items": {"type": "integer", "minimum": 0}, "minItems": 2, "maxItems": 2},
            }
        },
        "additionalProperties": False,
    }

    def normalize(self, question: Question, answer: Any) -> dict:
        return {"spans": [list(span) for span in parse_spans(answer)]}

    def grade(self, question: Question, answer: dict | None) -> GradeResult:
        key = [tuple(span) for span in question["key"]["spans"]]
        selected = [tuple(span) for span in answer["spans"]] if answer else []
        feedback, hits, wrong = match_spans(selected, key)
        share = partial_credit(hits, wrong, len(key))
        correct_answer = {"spans": [list(span) for span in key]}
        return GradeResult(scaled(question, share), scaled(question, 1.0), share == 1.0, correct_answer, feedback)

    def public(self, question: Question) -> dict:
        return {"label": question["label"]}


def _covered(unit: Span, spans: list[Span]) -> int:
    return sum(_overlap(unit, span) for span in spans)


@register
class MarkWords(_SpanQuestion):
    """Mark the words of a passage that signal ``label``; neighbouring words join into one phrase."""

    name = "mark_words"

    def normalize(self, question: Question, answer: Any) -> dict:
        spans = parse_spans(answer)
        start, end = question["start"], question["end"]
        if any(s < start or e > end for s, e in spans):
            raise AnswerError("every span must lie inside the passage", "spans")
        return {"spans": [list(span) for span in merge_word_runs(spans, question["text"], start)]}

    def grade(self, question: Question, answer: dict | None) -> GradeResult:
        key = [tuple(span) for span in question["key"]["spans"]]
        selected = [tuple(span) for span in answer["spans"]] if answer else []
        words = word_spans(question["text"], question["start"])
        marked = [w for w in words if 2 * _covered(w, selected) >= w[1] - w[0]]
        found = [k for k in key if 2 * _covered(k, marked) >= (_covered(k, words) or k[1] - k[0])]
        wrong = [w for w in marked if _covered(w, key) == 0]
        feedback = [{"start": k[0], "end": k[1], "verdict": "correct" if k in found else "missed"} for k in key]
        feedback += [{"start": w[0], "end": w[1], "verdict": "wrong"} for w in wrong]
        share = partial_credit(len(found), len(wrong), len(key))
        correct_answer = {"spans": [list(span) for span in key]}
        return GradeResult(scaled(question, share), scaled(question, 1.0), share == 1.0, correct_answer, feedback)


@register
class FindInArticle(_SpanQuestion):
    """Select every passage of the article that carries ``label``."""

    name = "find_in_article"


def word_spans(text: str, offset: int = 0) -> list[Span]:
    """The (start, end) of every word of ``text``, shifted by ``offset``: what a student can mark."""
    return [(m.start() + offset, m.end() + offset) for m in _WORD_TOKEN.finditer(text)]
