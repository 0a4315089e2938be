"""Attempts: start, save answers, submit exactly once, and read back.

An attempt is reached with its id and a secret token (only its SHA-256 is stored). Every
write first claims the attempt row with a conditional ``UPDATE ... WHERE state = 'in_progress'``:
that takes the row (PostgreSQL) or database (SQLite) write lock, so a save cannot land after
a submit, and two submits cannot both grade.
"""

import hashlib
import hmac
import secrets
import unicodedata

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from models import Attempt, Question, Response, db, utcnow
from quizzes.questions import AnswerError, grade, validate_answer

from .catalog import get_published_quiz
from .errors import Conflict, Invalid, NotFound

MAX_NAME = 80
SUBMITTED = "submitted"
IN_PROGRESS = "in_progress"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def clean_display_name(name) -> str:
    """A display name of 1 to 80 printable characters, trimmed."""
    if not isinstance(name, str):
        raise Invalid("name must be text", "name")
    name = name.strip()
    if not name:
        raise Invalid("enter a name", "name")
    if len(name) > MAX_NAME:
        raise Invalid(f"a name has at most {MAX_NAME} characters", "name")
    if any(unicodedata.category(c) in ("Cc", "Cs") for c in name):
        raise Invalid("the name contains control characters", "name")
    return name


def start_attempt(quiz_id: int, name) -> tuple[Attempt, str]:
    """A new attempt on a published quiz; returns it with its secret token."""
    quiz = get_published_quiz(quiz_id)
    token = secrets.token_urlsafe(24)
    attempt = Attempt(quiz=quiz, display_name=clean_display_name(name), token_hash=_hash(token))
    db.session.add(attempt)
    db.session.commit()
    return attempt, token


def attempt_for_token(attempt_id: int, token: str) -> Attempt:
    """The attempt if ``token`` is its token; otherwise NotFound, whether the id exists or not."""
    attempt = db.session.get(Attempt, attempt_id)
    if attempt is None or not hmac.compare_digest(attempt.token_hash, _hash(token or "")):
        raise NotFound("no such attempt", "attempt_id")
    return attempt


def _question(attempt: Attempt, question_id: int) -> Question:
    question = db.session.get(Question, question_id)
    if question is None or question.quiz_id != attempt.quiz_id:
        raise NotFound("no such question in this quiz", "question_id")
    return question


def _claim(attempt: Attempt, **values) -> bool:
    """Update the attempt only while it is in progress; False if it was already submitted."""
    claimed = db.session.execute(
        sa.update(Attempt)
        .where(Attempt.id == attempt.id, Attempt.state == IN_PROGRESS)
        .values(**values)
        .execution_options(synchronize_session=False)
    ).rowcount
    return claimed == 1


def save_answer(attempt: Attempt, question_id: int, answer) -> Response:
    """Store (or replace) the answer to one question; Conflict once the attempt is submitted."""
    question = _question(attempt, question_id)
    try:
        normalized = validate_answer(question.as_data(), answer)
    except AnswerError as error:
        raise Invalid(error.message, error.field) from None
    now = utcnow()
    if not _claim(attempt, last_saved_at=now):
        db.session.rollback()
        raise Conflict("this attempt is already submitted", "attempt_id")
    response = db.session.scalar(
        sa.select(Response).where(Response.attempt_id == attempt.id, Response.question_id == question.id)
    )
    if response is None:
        response = Response(attempt_id=attempt.id, question_id=question.id)
        db.session.add(response)
    response.answer, response.saved_at = normalized, now
    try:
        db.session.commit()
    except IntegrityError:  # another request created the row first: replace its answer
        db.session.rollback()
        return save_answer(attempt, question_id, answer)
    return response


def submit(attempt: Attempt) -> dict:
    """Grade the attempt once; a repeated or concurrent submit returns the stored result."""
    questions = attempt.quiz.questions
    responses = {r.question_id: r for r in attempt.responses}
    graded = {q.id: grade(q.as_data(), responses[q.id].answer if q.id in responses else None) for q in questions}
    now = utcnow()
    score = round(sum(r.points for r in graded.values()), 4)
    max_score = round(sum(r.max_points for r in graded.values()), 4)
    if _claim(attempt, state=SUBMITTED, submitted_at=now, score=score, max_score=max_score):
        for question in questions:
            response = responses.get(question.id)
            if response is None:
                response = Response(attempt_id=attempt.id, question_id=question.id)
                db.session.add(response)
            outcome = graded[question.id]
            response.points, response.correct, response.feedback = outcome.points, outcome.correct, outcome.feedback
            response.graded_at = now
        db.session.commit()
    else:
        db.session.rollback()
    db.session.refresh(attempt)
    return result(attempt)


def result(attempt: Attempt) -> dict | None:
    """The graded result, built from what is stored; None before submit."""
    if attempt.state != SUBMITTED:
        return None
    responses = {r.question_id: r for r in attempt.responses}
    results = []
    for question in attempt.quiz.questions:
        response = responses[question.id]
        results.append(
            {
                "question_id": question.id,
                "correct": bool(response.correct),
                "points": response.points,
                "max_points": question.points,
                "correct_answer": grade(question.as_data(), None).correct_answer,
                "explanation": question.explanation,
                "feedback": response.feedback or [],
            }
        )
    return {"score": attempt.score, "max_score": attempt.max_score, "results": results}


def saved_answers(attempt: Attempt) -> dict[int, dict]:
    return {r.question_id: r.answer for r in attempt.responses if r.answer is not None}


def attempt_state(attempt: Attempt) -> dict:
    """What the owner of an attempt may read: saved answers, state, and the result once submitted."""
    return {
        "attempt_id": attempt.id,
        "quiz_id": attempt.quiz_id,
        "name": attempt.display_name,
        "state": attempt.state,
        "started_at": attempt.started_at.isoformat(),
        "submitted_at": attempt.submitted_at.isoformat() if attempt.submitted_at else None,
        "answers": [{"question_id": qid, "answer": answer} for qid, answer in sorted(saved_answers(attempt).items())],
        "result": result(attempt),
    }
