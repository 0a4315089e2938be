"""Regrade past attempts against the newest version of their set, after a dry run (as Moodle does).

Submitted attempts taken on an older version of a set move to the newest version: each saved
answer is graded against the question of the same lineage there; a question the new version
dropped no longer counts, and one it added counts as unanswered. The dry run computes exactly
what the real run stores, and changes nothing. No request handling here.
"""

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from models import Attempt, Quiz, Response, User, db, utcnow
from quizzes.questions import AnswerError, grade

from .question_editor import editable_set, versions_of

SUBMITTED = "submitted"


@dataclass(frozen=True)
class Regrade:
    """One attempt's score before and after the regrade."""

    attempt_id: int
    student: str
    version: int
    old_score: float
    new_score: float
    old_max: float
    new_max: float

    @property
    def changed(self) -> bool:
        return (self.old_score, self.old_max) != (self.new_score, self.new_max)


def _on_older_versions(quiz: Quiz, versions: list[Quiz]) -> sa.ColumnElement:
    """Submitted attempts on a version of the set older than ``quiz``: what a regrade takes."""
    return sa.and_(Attempt.quiz_id.in_([v.id for v in versions if v.id != quiz.id]), Attempt.state == SUBMITTED)


def older_attempt_count(quiz: Quiz, versions: list[Quiz]) -> int:
    """How many attempts a regrade to ``quiz`` would take (``versions``: the set's, from ``versions_of``)."""
    return db.session.scalar(sa.select(sa.func.count()).select_from(Attempt).where(_on_older_versions(quiz, versions)))


def _older_attempts(quiz: Quiz) -> list[Attempt]:
    return list(db.session.scalars(
        sa.select(Attempt).where(_on_older_versions(quiz, versions_of(quiz)))
        .options(selectinload(Attempt.responses).selectinload(Response.question), selectinload(Attempt.quiz))
        .order_by(Attempt.id)
    ))


def _outcomes(attempt: Attempt, quiz: Quiz) -> dict[int, tuple]:
    """For each question of ``quiz``: (the response it takes over or None, the answer, the grade)."""
    by_lineage = {r.question.lineage: r for r in attempt.responses}
    outcomes = {}
    for question in quiz.questions:
        response = by_lineage.get(question.lineage)
        answer = response.answer if response is not None else None
        try:
            outcome = grade(question.as_data(), answer)
        except AnswerError:  # the saved answer does not fit the changed question: unanswered
            answer, outcome = None, grade(question.as_data(), None)
        outcomes[question.id] = (response, answer, outcome)
    return outcomes


def _row(attempt: Attempt, outcomes: dict) -> Regrade:
    """The attempt's stored score against the total of ``outcomes``."""
    new_score = round(sum(o.points for _, _, o in outcomes.values()), 4)
    new_max = round(sum(o.max_points for _, _, o in outcomes.values()), 4)
    return Regrade(attempt.id, attempt.display_name, attempt.quiz.version,
                   attempt.score or 0.0, new_score, attempt.max_score or 0.0, new_max)


def dry_run(teacher: User, quiz_id: int) -> list[Regrade]:
    """What a regrade would do to each submitted attempt on an older version; changes nothing."""
    quiz = editable_set(teacher, quiz_id)
    return [_row(attempt, _outcomes(attempt, quiz)) for attempt in _older_attempts(quiz)]


def regrade(teacher: User, quiz_id: int) -> list[Regrade]:
    """Move every submitted attempt on an older version to this one and store the new grades."""
    quiz = editable_set(teacher, quiz_id)
    rows, now = [], utcnow()
    for attempt in _older_attempts(quiz):
        outcomes = _outcomes(attempt, quiz)
        rows.append(_row(attempt, outcomes))
        kept = {id(response) for response, _, _ in outcomes.values() if response is not None}
        for response in list(attempt.responses):
            if id(response) not in kept:
                attempt.responses.remove(response)
        db.session.flush()
        for question_id, (response, answer, outcome) in outcomes.items():
            if response is None:
                response = Response(question_id=question_id)
                attempt.responses.append(response)
            response.question_id, response.answer = question_id, answer
            response.points, response.correct, response.feedback = outcome.points, outcome.correct, outcome.feedback
            response.graded_at = now
        attempt.quiz_id, attempt.score, attempt.max_score = quiz.id, rows[-1].new_score, rows[-1].new_max
    db.session.commit()
    return rows
