"""Assignments: a quiz set for a class with a window, attempt rules and a grading method."""

from datetime import datetime

import sqlalchemy as sa

from models import Assignment, Attempt, Classroom, Enrollment, Quiz, User, db, utcnow
from quizzes.assignment_rules import CLOSED, FEEDBACK_TIMES, GRADING_METHODS, OPEN, attempts_left, window_state
from quizzes.grading_methods import final_grade

from . import attempts as attempt_service
from .errors import Conflict, Invalid, NotFound

MAX_ATTEMPTS_LIMIT = 100


def _check(opens_at, closes_at, max_attempts, grading_method, feedback) -> None:
    if not isinstance(opens_at, datetime) or opens_at.tzinfo is None:
        raise Invalid("Give the opening time.", "opens_at")
    if closes_at is not None and (not isinstance(closes_at, datetime) or closes_at.tzinfo is None):
        raise Invalid("Give the closing time, or leave it empty.", "closes_at")
    if closes_at is not None and closes_at <= opens_at:
        raise Invalid("The closing time must come after the opening time.", "closes_at")
    if max_attempts is not None and (
        isinstance(max_attempts, bool) or not isinstance(max_attempts, int) or not 1 <= max_attempts <= MAX_ATTEMPTS_LIMIT
    ):
        raise Invalid(f"Attempts allowed: 1 to {MAX_ATTEMPTS_LIMIT}, or unlimited.", "max_attempts")
    if grading_method not in GRADING_METHODS:
        raise Invalid(f"grading_method must be one of {', '.join(GRADING_METHODS)}", "grading_method")
    if feedback not in FEEDBACK_TIMES:
        raise Invalid(f"feedback must be one of {', '.join(FEEDBACK_TIMES)}", "feedback")


def _assignable(teacher_id: int):
    return sa.and_(Quiz.published, sa.or_(Quiz.owner_id.is_(None), Quiz.owner_id == teacher_id))


def assignable_quizzes(teacher: User) -> list[Quiz]:
    """Published sets the teacher owns, and the bundled ones (another teacher's shared set is
    duplicated first: it stays its owner's to edit)."""
    return list(db.session.scalars(sa.select(Quiz).where(_assignable(teacher.id)).order_by(Quiz.title)))


def create_assignment(classroom: Classroom, quiz_id, opens_at, closes_at, max_attempts=None,
                      grading_method="highest", feedback="after_submit") -> Assignment:
    quiz = None
    if isinstance(quiz_id, int) and not isinstance(quiz_id, bool):
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.id == quiz_id, _assignable(classroom.teacher_id)))
    if quiz is None:
        raise Invalid("Choose a published quiz.", "quiz_id")
    _check(opens_at, closes_at, max_attempts, grading_method, feedback)
    assignment = Assignment(
        classroom_id=classroom.id, quiz_id=quiz.id, opens_at=opens_at, closes_at=closes_at,
        max_attempts=max_attempts, grading_method=grading_method, feedback=feedback,
    )
    db.session.add(assignment)
    db.session.commit()
    return assignment


def update_assignment(assignment: Assignment, **changes) -> Assignment:
    fields = {k: getattr(assignment, k) for k in ("opens_at", "closes_at", "max_attempts", "grading_method", "feedback")}
    fields.update(changes)
    _check(**fields)
    for key, value in fields.items():
        setattr(assignment, key, value)
    db.session.commit()
    return assignment


def delete_assignment(assignment: Assignment) -> None:
    db.session.delete(assignment)
    db.session.commit()


def assignments_of_class(classroom: Classroom) -> list[Assignment]:
    return list(
        db.session.scalars(
            sa.select(Assignment).where(Assignment.classroom_id == classroom.id).order_by(Assignment.opens_at.desc())
        )
    )


def assignment_of_teacher(teacher: User, assignment_id: int) -> Assignment:
    assignment = db.session.get(Assignment, assignment_id)
    if assignment is None or assignment.classroom.teacher_id != teacher.id:
        raise NotFound("no such assignment", "assignment_id")
    return assignment


def assignment_of_student(student: User, assignment_id: int) -> Assignment:
    assignment = db.session.get(Assignment, assignment_id)
    if assignment is None or db.session.get(Enrollment, (assignment.classroom_id, student.id)) is None:
        raise NotFound("no such assignment", "assignment_id")
    return assignment


def _as_grade_input(attempt: Attempt) -> dict:
    return {"started_at": attempt.started_at, "score": attempt.score, "submitted": attempt.state == attempt_service.SUBMITTED}


def counted_score(assignment: Assignment, attempts: list[Attempt]) -> float | None:
    return final_grade([_as_grade_input(a) for a in attempts], assignment.grading_method)


def student_assignments(student: User, now: datetime | None = None) -> dict[str, list[dict]]:
    """The student's assignments as ``to_do``, ``done`` and ``closed`` rows, in two queries."""
    now = now or utcnow()
    close_due_attempts(now, user_id=student.id)
    rows = db.session.scalars(
        sa.select(Assignment)
        .join(Enrollment, Enrollment.classroom_id == Assignment.classroom_id)
        .join(Classroom, Classroom.id == Assignment.classroom_id)
        .where(Enrollment.student_id == student.id, Classroom.archived.is_(False))
        .order_by(Assignment.closes_at.is_(None), Assignment.closes_at, Assignment.id)
    ).all()
    mine: dict[int, list[Attempt]] = {}
    for attempt in db.session.scalars(
        sa.select(Attempt).where(Attempt.user_id == student.id, Attempt.assignment_id.in_([a.id for a in rows])).order_by(Attempt.id)
    ):
        mine.setdefault(attempt.assignment_id, []).append(attempt)
    groups: dict[str, list[dict]] = {"to_do": [], "done": [], "closed": []}
    for assignment in rows:
        attempts = mine.get(assignment.id, [])
        window = window_state(assignment.opens_at, assignment.closes_at, now)
        left = attempts_left(assignment.max_attempts, len(attempts))
        in_progress = next((a for a in attempts if a.state == attempt_service.IN_PROGRESS), None)
        row = {
            "assignment": assignment,
            "window": window,
            "attempts": attempts,
            "attempts_left": left,
            "in_progress": in_progress,
            "score": counted_score(assignment, attempts),
        }
        submitted = any(a.state == attempt_service.SUBMITTED for a in attempts)
        if window == CLOSED:
            groups["closed"].append(row)
        elif in_progress or not submitted:
            groups["to_do"].append(row)
        else:
            groups["done"].append(row)
    return groups


def start_or_resume(student: User, assignment_id: int, now: datetime | None = None) -> Attempt:
    """The student's in-progress attempt, or a new one if the window and the attempt count allow."""
    now = now or utcnow()
    assignment = assignment_of_student(student, assignment_id)
    if assignment.classroom.archived:
        raise Conflict("This class is archived, so its assignments are closed.", "assignment_id")
    close_due_attempts(now, assignment_id=assignment.id)
    window = window_state(assignment.opens_at, assignment.closes_at, now)
    if window != OPEN:
        raise Conflict("This assignment is not open now." if window != CLOSED else "This assignment has closed.", "assignment_id")
    attempts = list(
        db.session.scalars(sa.select(Attempt).where(Attempt.assignment_id == assignment.id, Attempt.user_id == student.id))
    )
    in_progress = next((a for a in attempts if a.state == attempt_service.IN_PROGRESS), None)
    if in_progress:
        return in_progress
    if attempts_left(assignment.max_attempts, len(attempts)) == 0:
        raise Conflict("You have used every attempt this assignment allows.", "assignment_id")
    attempt, _ = attempt_service.new_attempt(assignment.quiz, student.display_name, user=student, assignment=assignment)
    return attempt


def close_due_attempts(now: datetime | None = None, *, assignment_id: int | None = None, user_id: int | None = None) -> int:
    """Submit, with the answers saved so far, every in-progress attempt whose assignment has closed."""
    now = now or utcnow()
    query = (
        sa.select(Attempt)
        .join(Assignment, Assignment.id == Attempt.assignment_id)
        .where(Attempt.state == attempt_service.IN_PROGRESS, Assignment.closes_at <= now)
    )
    if assignment_id is not None:
        query = query.where(Attempt.assignment_id == assignment_id)
    if user_id is not None:
        query = query.where(Attempt.user_id == user_id)
    due = db.session.scalars(query).all()
    for attempt in due:
        attempt_service.submit(attempt, auto=True)
    return len(due)


def assignment_overview(assignment: Assignment, now: datetime | None = None) -> list[dict]:
    """One row per student of the class: state, attempts and the counted score (two queries)."""
    close_due_attempts(now, assignment_id=assignment.id)
    students = db.session.scalars(
        sa.select(User)
        .join(Enrollment, Enrollment.student_id == User.id)
        .where(Enrollment.classroom_id == assignment.classroom_id)
        .order_by(User.display_name)
    ).all()
    by_student: dict[int, list[Attempt]] = {}
    for attempt in db.session.scalars(
        sa.select(Attempt).where(Attempt.assignment_id == assignment.id).order_by(Attempt.id)
    ):
        by_student.setdefault(attempt.user_id, []).append(attempt)
    rows = []
    for student in students:
        attempts = by_student.get(student.id, [])
        rows.append({"student": student, "attempts": attempts, "state": attempt_state_name(attempts),
                     "score": counted_score(assignment, attempts)})
    return rows


def attempt_state_name(attempts: list[Attempt]) -> str:
    """not started, in progress, submitted, or auto-submitted at close (the latest attempt's state)."""
    if not attempts:
        return "not started"
    latest = attempts[-1]
    if latest.state == attempt_service.IN_PROGRESS:
        return "in progress"
    return "auto-submitted at close" if latest.auto_submitted else "submitted"
