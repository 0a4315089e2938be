"""Moodle's grading methods for a student's several attempts at one quiz.

An attempt is a mapping with ``started_at`` (anything comparable: a datetime or the attempt
number), ``score`` (a float, or ``None`` while it awaits grading) and optionally ``submitted``
(default ``True``). Only submitted attempts count, in ``started_at`` order, as Moodle counts only
finished attempts (mod/quiz/classes/grade_calculator.php, formerly ``quiz_calculate_best_grade``):

- ``highest``: the best score; ties go to the earliest attempt;
- ``average``: the mean of the graded scores;
- ``first`` / ``last``: the first / last submitted attempt's score, ``None`` if it awaits grading.

With no submitted (or, for highest and average, no graded) attempt the grade is ``None``.
"""

from typing import Any, Mapping, Sequence

HIGHEST, AVERAGE, FIRST, LAST = "highest", "average", "first", "last"
GRADING_METHODS = (HIGHEST, AVERAGE, FIRST, LAST)

Attempt = Mapping[str, Any]


def counted_attempts(attempts: Sequence[Attempt], method: str) -> list[Attempt]:
    """The attempts whose scores make the grade (Moodle's "which attempts" for statistics)."""
    if method not in GRADING_METHODS:
        raise ValueError(f"unknown grading method {method!r}; use one of {GRADING_METHODS}")
    done = sorted((a for a in attempts if a.get("submitted", True)), key=lambda a: a["started_at"])
    if method == AVERAGE or not done:
        return done
    if method == FIRST:
        return done[:1]
    if method == LAST:
        return done[-1:]
    graded = [a for a in done if a["score"] is not None]
    return [max(graded, key=lambda a: a["score"])] if graded else []


def final_grade(attempts: Sequence[Attempt], method: str) -> float | None:
    """The student's grade for the quiz by ``method``, or ``None`` when nothing counts yet."""
    scores = [a["score"] for a in counted_attempts(attempts, method) if a["score"] is not None]
    return sum(scores) / len(scores) if scores else None
