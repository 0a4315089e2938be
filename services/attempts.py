"""Attempts: start, save answers, submit exactly once, and read back.

An attempt is reached with its id and a secret token (only its SHA-256 is stored). A submit
claims the attempt row with a conditional ``UPDATE ... WHERE state = 'in_progress'``, which takes
the row (PostgreSQL) or database (SQLite) write lock, so two submits cannot both grade. A save is
one ``INSERT ... SELECT`` from that row while it is in progress (``FOR SHARE`` on PostgreSQL), so
it cannot land after a submit has claimed the row.
"""

import hashlib
import hmac
import secrets
import time
import unicodedata

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import joinedload

from models import Article, Assignment, Attempt, Question, Quiz, Response, User, db, utcnow
from quizzes.assignment_rules import feedback_visible
from quizzes.questions import AnswerError, grade, validate_answer

from .catalog import get_practice_quiz
from .errors import Conflict, Invalid, NotFound, StaleAnswer

MAX_NAME = 80
MAX_SEQ = 2**53  # what a browser's Number holds exactly
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


def new_attempt(quiz: Quiz, name, user: User | None = None, assignment: Assignment | None = None) -> tuple[Attempt, str]:
    """A new attempt; returns it with its secret token (the owner's key for the API)."""
    token = secrets.token_urlsafe(24)
    attempt = Attempt(
        quiz=quiz, display_name=clean_display_name(name), token_hash=_hash(token), user=user, assignment=assignment
    )
    db.session.add(attempt)
    db.session.commit()
    return attempt, token


def start_attempt(quiz_id: int, name) -> tuple[Attempt, str]:
    """A guest's attempt on an open-practice quiz."""
    return new_attempt(get_practice_quiz(quiz_id), name)


def attempt_for_token(attempt_id: int, token: str) -> Attempt:
    """The attempt if ``token`` is its token; otherwise NotFound, whether the id exists or not."""
    attempt = db.session.get(Attempt, attempt_id, options=[joinedload(Attempt.assignment)])
    if attempt is None or not hmac.compare_digest(attempt.token_hash, _hash(token or "")):
        raise NotFound("no such attempt", "attempt_id")
    return attempt


def attempt_for_user(user: User, attempt_id: int) -> Attempt:
    """The user's own attempt; NotFound for anyone else's."""
    attempt = db.session.get(Attempt, attempt_id)
    if attempt is None or attempt.user_id is None or attempt.user_id != user.id:
        raise NotFound("no such attempt", "attempt_id")
    return attempt


def closes_at(attempt: Attempt):
    return attempt.assignment.closes_at if attempt.assignment else None


def _past_close(attempt: Attempt, now) -> bool:
    deadline = closes_at(attempt)
    return deadline is not None and now >= deadline


def feedback_policy(attempt: Attempt) -> str:
    return attempt.assignment.feedback if attempt.assignment else "after_submit"


def _question(attempt: Attempt, question_id: int) -> dict:
    """The attempt's question as data, read with its passage's text in one statement (a save's hot path)."""
    passage = sa.func.substr(Article.text, Question.start + 1, Question.end - Question.start)
    row = db.session.execute(
        sa.select(Question, passage)
        .join(Quiz, Quiz.id == Question.quiz_id)
        .join(Article, Article.id == Quiz.article_id)
        .where(Question.id == question_id, Question.quiz_id == attempt.quiz_id)
    ).first()
    if row is None:
        raise NotFound("no such question in this quiz", "question_id")
    return row[0].as_data(row[1])


def _claim(attempt: Attempt, **values) -> bool:
    """Update the attempt only while it is in progress; False if it was already submitted."""
    claimed = db.session.execute(
        sa.update(Attempt)
        .where(Attempt.id == attempt.id, Attempt.state == IN_PROGRESS)
        .values(**values)
        .execution_options(synchronize_session=False)
    ).rowcount
    return claimed == 1


def server_seq() -> int:
    """The sequence number of a save that brings none (a form post, a script): the server's clock
    in microseconds, on the same scale as the browser's (milliseconds x 1000 + a counter)."""
    return time.time_ns() // 1000


_STORE_COLUMNS = ("attempt_id", "question_id", "answer", "saved_at", "seq")
_store_statements: dict[tuple[str, bool], sa.Insert] = {}


def _store_statement(dialect: str, ordered: bool) -> sa.Insert:
    """``INSERT ... SELECT`` from the attempt row while it is in progress, upserting the answer
    unless it was checked or (``ordered``) a newer seq is stored; built once per dialect.

    Selecting from the attempt row is the claim: on PostgreSQL ``FOR SHARE`` waits for a submit
    that holds the row and then sees it submitted; SQLite's write lock covers the database."""
    columns = Response.__table__.c
    source = sa.select(
        Attempt.id,
        sa.bindparam("question_id", type_=columns.question_id.type),
        sa.bindparam("answer", type_=columns.answer.type),
        sa.bindparam("saved_at", type_=columns.saved_at.type),
        sa.bindparam("seq", type_=columns.seq.type),
    ).where(Attempt.id == sa.bindparam("attempt_id"), Attempt.state == IN_PROGRESS)
    if dialect == "postgresql":
        source = source.with_for_update(read=True)
    insert = (pg_insert if dialect == "postgresql" else sqlite_insert)(Response.__table__).from_select(_STORE_COLUMNS, source)
    condition = Response.checked_at.is_(None)
    if ordered:
        condition = sa.and_(condition, sa.or_(Response.seq.is_(None), Response.seq < insert.excluded.seq))
    return insert.on_conflict_do_update(
        index_elements=["attempt_id", "question_id"],
        set_={name: insert.excluded[name] for name in ("answer", "saved_at", "seq")},
        where=condition,
    ).returning(Response.id)  # RETURNING, not rowcount: psycopg reports -1 for an INSERT ... SELECT


def _store(attempt_id: int, question_id: int, answer: dict, now, seq: int, ordered: bool) -> bool:
    """Store the answer in one statement; False if the attempt is submitted, the answer was
    checked, or (``ordered``) a newer one is stored."""
    dialect = db.engine.dialect.name
    key = (dialect, ordered)
    if key not in _store_statements:
        _store_statements[key] = _store_statement(dialect, ordered)
    values = dict(attempt_id=attempt_id, question_id=question_id, answer=answer, saved_at=now, seq=seq)
    return db.session.execute(_store_statements[key], values).first() is not None


def save_answer(attempt: Attempt, question_id: int, answer, seq=None) -> dict:
    """Store (or replace) the answer to one question and return what is stored.

    ``seq`` orders the browser's saves of one attempt: a save older than the stored one is refused
    as stale (StaleAnswer, with the stored answer), whatever order the saves arrive in. A save
    without ``seq`` (a form post, a script) replaces the answer and stamps it with the server's
    clock. Conflict once the attempt is submitted, or once the question was checked."""
    if seq is not None and (isinstance(seq, bool) or not isinstance(seq, int) or not 0 <= seq < MAX_SEQ):
        raise Invalid(f"seq must be a whole number from 0 to {MAX_SEQ - 1}", "seq")
    question = _question(attempt, question_id)
    try:
        normalized = validate_answer(question, answer)
    except AnswerError as error:
        raise Invalid(error.message, error.field) from None
    now = utcnow()
    if _past_close(attempt, now):
        submit(attempt, auto=True)
        raise Conflict(
            "This assignment has closed, so this answer was not saved. Your answers saved before the close "
            "were submitted.",
            "attempt_id",
        )
    ordered = seq is not None
    seq = seq if ordered else server_seq()
    if not _store(attempt.id, question["id"], normalized, now, seq, ordered):
        db.session.rollback()
        state = db.session.scalar(sa.select(Attempt.state).where(Attempt.id == attempt.id))
        if state != IN_PROGRESS:
            raise Conflict("this attempt is already submitted", "attempt_id")
        stored = db.session.scalar(
            sa.select(Response).where(Response.attempt_id == attempt.id, Response.question_id == question["id"])
        )
        db.session.rollback()
        if stored.checked_at is not None:
            raise Conflict("You have checked this answer, so it can no longer change.", "question_id")
        raise StaleAnswer(question["id"], stored.answer, stored.seq)
    db.session.commit()
    return {"question_id": question["id"], "answer": normalized, "saved_at": now.isoformat(), "seq": seq}


def check_answer(attempt: Attempt, question_id: int, answer) -> Response:
    """Save and grade one answer now, and lock it (feedback after each question)."""
    if feedback_policy(attempt) != "after_each":
        raise Conflict("Answers are checked when the attempt is submitted.", "question_id")
    save_answer(attempt, question_id, answer)
    response = db.session.scalar(
        sa.select(Response).where(Response.attempt_id == attempt.id, Response.question_id == question_id)
    )
    outcome = grade(response.question.as_data(), response.answer)
    response.points, response.correct, response.feedback = outcome.points, outcome.correct, outcome.feedback
    response.checked_at = utcnow()
    db.session.commit()
    return response


def submit(attempt: Attempt, auto: bool = False) -> dict:
    """Grade the attempt once; a repeated or concurrent submit returns the stored result.

    The attempt is claimed first (its row, or SQLite's database, is then locked until commit), and
    only then are the responses read: a save that committed before the claim is graded, and a save
    that comes after it finds the attempt submitted. ``auto`` marks a submit made at the close time."""
    now = utcnow()
    auto = auto or _past_close(attempt, now)
    if not _claim(attempt, state=SUBMITTED, submitted_at=now, auto_submitted=auto):
        db.session.rollback()
        db.session.refresh(attempt)
        return result(attempt)
    responses = {
        r.question_id: r for r in db.session.scalars(sa.select(Response).where(Response.attempt_id == attempt.id))
    }
    score = max_score = 0.0
    for question in attempt.quiz.questions:
        response = responses.get(question.id)
        if response is None:
            response = Response(attempt_id=attempt.id, question_id=question.id)
            db.session.add(response)
        outcome = grade(question.as_data(), response.answer)
        response.points, response.correct, response.feedback = outcome.points, outcome.correct, outcome.feedback
        response.graded_at = now
        score, max_score = score + outcome.points, max_score + outcome.max_points
    db.session.execute(
        sa.update(Attempt)
        .where(Attempt.id == attempt.id)
        .values(score=round(score, 4), max_score=round(max_score, 4))
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    db.session.refresh(attempt)
    return result(attempt)


def feedback_shown(attempt: Attempt, now=None) -> bool:
    """Whether right answers and explanations may be shown (the assignment's feedback time)."""
    return feedback_visible(feedback_policy(attempt), closes_at(attempt), attempt.state == SUBMITTED, now or utcnow())


def result(attempt: Attempt, now=None) -> dict | None:
    """The graded result, built from what is stored; None before submit. Until the feedback time,
    only the points are given: no right answers, explanations or per-part feedback."""
    if attempt.state != SUBMITTED:
        return None
    shown = feedback_shown(attempt, now)
    responses = {r.question_id: r for r in attempt.responses}
    results = []
    for question in attempt.quiz.questions:
        response = responses[question.id]
        item = {"question_id": question.id, "points": response.points, "max_points": question.points}
        if shown:
            item.update(
                correct=bool(response.correct),
                correct_answer=grade(question.as_data(), None).correct_answer,
                explanation=question.explanation,
                feedback=response.feedback or [],
            )
        results.append(item)
    body = {"score": attempt.score, "max_score": attempt.max_score, "results": results, "feedback_shown": shown}
    if not shown:
        body["feedback_available_at"] = closes_at(attempt).isoformat()
    return body


def saved_answers(attempt: Attempt) -> dict[int, dict]:
    return {r.question_id: r.answer for r in attempt.responses if r.answer is not None}


def attempt_state(attempt: Attempt) -> dict:
    """What the owner of an attempt may read: saved answers, state, and the result once submitted."""
    return {
        "attempt_id": attempt.id,
        "quiz_id": attempt.quiz_id,
        "name": attempt.display_name,
        "state": attempt.state,
        "auto_submitted": attempt.auto_submitted,
        "assignment_id": attempt.assignment_id,
        "closes_at": closes_at(attempt).isoformat() if closes_at(attempt) else None,
        "started_at": attempt.started_at.isoformat(),
        "submitted_at": attempt.submitted_at.isoformat() if attempt.submitted_at else None,
        "answers": [
            {"question_id": r.question_id, "answer": r.answer, "seq": r.seq}
            for r in sorted(attempt.responses, key=lambda r: r.question_id)
            if r.answer is not None
        ],
        "result": result(attempt),
    }
