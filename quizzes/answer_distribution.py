"""What students answered, question by question: options chosen, and words and spans marked.

A response record is ``{"question_id": ..., "answer": <normalized answer or None>}``, the
answer in the shape its question type stores (``{"choice"}``, ``{"choices"}``, ``{"spans"}``);
``None`` means not answered. Span offsets index the article text, as the span types use them.
"""

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Hashable, Iterable, Mapping

from .questions.choice import options

SPAN_TYPES = ("mark_words", "find_in_article")
_WORD = re.compile(r"\w+(?:['’]\w+)*")


@dataclass(frozen=True)
class OptionCount:
    id: str
    text: str
    count: int
    in_key: bool


@dataclass(frozen=True)
class SpanCount:
    """A span (a word, or one exact selection) and how many responses marked it."""

    start: int
    end: int
    text: str
    count: int


@dataclass(frozen=True)
class QuestionDistribution:
    question_id: Hashable
    type: str
    responses: int
    unanswered: int
    options: tuple[OptionCount, ...] = ()
    selections: tuple[SpanCount, ...] = ()
    words: tuple[SpanCount, ...] = ()


def _picked(answer: Mapping) -> list[str]:
    """The option ids of a choice answer or key: ``{"choice": id}`` or ``{"choices": [ids]}``."""
    return answer["choices"] if "choices" in answer else [answer["choice"]]


def option_counts(question: Mapping, answers: list[Mapping]) -> tuple[OptionCount, ...]:
    """Every option, in order, with the number of answers that chose it (zero included)."""
    chosen = Counter(option_id for answer in answers for option_id in _picked(answer))
    key = set(_picked(question["key"]))
    return tuple(OptionCount(o["id"], o["text"], chosen[o["id"]], o["id"] in key) for o in options(question))


def _counted(counter: Counter, article_text: str) -> list[SpanCount]:
    return [SpanCount(start, end, article_text[start:end], n) for (start, end), n in counter.items()]


def span_counts(answers: list[Mapping], article_text: str) -> tuple[tuple[SpanCount, ...], tuple[SpanCount, ...]]:
    """Exact selections, most frequent first; and every word a selection touches, in text order.

    A word counts once per answer, however many selections touch it; a selection that cuts a
    word ("clai") marks the whole word ("claimed").
    """
    selections = Counter((start, end) for answer in answers for start, end in answer["spans"])
    all_words = [(m.start(), m.end()) for m in _WORD.finditer(article_text)]
    words = Counter()
    for answer in answers:
        words.update({w for start, end in answer["spans"] for w in all_words if w[0] < end and w[1] > start})
    by_frequency = sorted(_counted(selections, article_text), key=lambda c: (-c.count, c.start, c.end))
    return tuple(by_frequency), tuple(sorted(_counted(words, article_text), key=lambda c: c.start))


def question_distribution(question_id: Hashable, question: Mapping, answers: list[Any], article_text: str = "") -> QuestionDistribution:
    """The distribution of ``answers`` (normalized answers, ``None`` if unanswered) to one question."""
    given = [a for a in answers if a is not None]
    base = {"question_id": question_id, "type": question["type"], "responses": len(answers),
            "unanswered": len(answers) - len(given)}
    if question["type"] in SPAN_TYPES:
        selections, words = span_counts(given, article_text)
        return QuestionDistribution(**base, selections=selections, words=words)
    return QuestionDistribution(**base, options=option_counts(question, given))


def answer_distribution(
    questions: Mapping[Hashable, Mapping], responses: Iterable[Mapping], article_text: str = ""
) -> dict[Hashable, QuestionDistribution]:
    """Per question of ``questions`` (id -> question), the distribution of the ``responses`` to it.

    Responses to questions not in ``questions`` are left out.
    """
    answers: dict[Hashable, list] = {question_id: [] for question_id in questions}
    for response in responses:
        if response["question_id"] in answers:
            answers[response["question_id"]].append(response["answer"])
    return {qid: question_distribution(qid, questions[qid], answers[qid], article_text) for qid in questions}
