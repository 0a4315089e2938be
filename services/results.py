"""An assignment's results for its teacher, and a student's own progress.

Every use case reads in a fixed number of queries, whatever the number of students or
questions: rows are fetched with joins and sub-selects, never one query per student.

*Counted attempts* follow the assignment's grading method (``grading_methods.counted_attempts``):
one attempt for highest, first and last; every submitted attempt for average. The gradebook
shows the cells of the last counted attempt (for average: the last submitted one, beside the
averaged total). Item analysis, confusion and answer distributions read the counted attempts.
"""

from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from models import Assignment, Attempt, Enrollment, Question, Quiz, Response, User, db, utcnow
from quizzes.answer_distribution import QuestionDistribution, answer_distribution
from quizzes.assignment_rules import feedback_visible
from quizzes.confusion import ConfusionReport, classify_records, confusion_report, find_in_article_records
from quizzes.grading_methods import counted_attempts
from quizzes.item_analysis import ItemAnalysis, analyse
from quizzes.mastery import mastery_over_time

from . import assignments
from .attempts import SUBMITTED
from .errors import NotFound

STATES = ("not started", "in progress", "submitted", "auto-submitted at close")
SORTS = ("name", "score", "time", "state")
READING_TYPES = ("classify", "find_in_article")
LABEL_TYPES = ("classify", "find_in_article", "mark_words")


@dataclass(frozen=True)
class Sheet:
    """An assignment's enrolled students, its questions, attempts by student and their responses."""

    assignment: Assignment
    students: list[sa.Row]  # id, username, display_name
    questions: list[Question]
    attempts: dict[int, list[Attempt]]
    points: dict[int, dict[int, float | None]]  # attempt id -> question id -> points
    responses: dict[int, dict[int, sa.Row]]  # the same with answers and times (loaded on request)

    @property
    def max_score(self) -> float:
        return sum(q.points for q in self.questions)

    @property
    def article_text(self) -> str:
        return self.questions[0].quiz.article.text if self.questions else ""

    def counted(self, student_id: int) -> list[Attempt]:
        return counted(self.attempts.get(student_id, []), self.assignment.grading_method)

    def counted_attempts(self) -> list[Attempt]:
        return [a for s in self.students for a in self.counted(s.id)]

    def marks(self, attempt: Attempt) -> dict[int, float | None]:
        return self.points.get(attempt.id, {})


@dataclass(frozen=True)
class GradebookRow:
    student: sa.Row
    attempts: list[Attempt]
    shown: Attempt | None  # the attempt whose points fill the cells
    cells: list[float | None]
    score: float | None
    time_taken: timedelta | None
    state: str


def counted(attempts: list[Attempt], method: str) -> list[Attempt]:
    """The attempts that make the grade by ``method``, in the order they were started."""
    inputs = [{"started_at": a.started_at, "score": a.score, "submitted": a.state == SUBMITTED, "attempt": a}
              for a in attempts]
    return [item["attempt"] for item in counted_attempts(inputs, method)]


def _enrolled(classroom_id: int):
    return sa.select(Enrollment.student_id).where(Enrollment.classroom_id == classroom_id)


def load_sheet(assignment: Assignment, answers: bool = False) -> Sheet:
    """Five queries (six after a close with attempts still open); ``answers`` also reads answers and times."""
    assignments.close_due_attempts(assignment_id=assignment.id)
    students = class_students(assignment.classroom_id)
    questions = db.session.scalars(
        sa.select(Question).where(Question.quiz_id == assignment.quiz_id).order_by(Question.position)
        .options(joinedload(Question.quiz).joinedload(Quiz.article))
    ).unique().all()
    by_student: dict[int, list[Attempt]] = {}
    for attempt in db.session.scalars(
        sa.select(Attempt).where(Attempt.assignment_id == assignment.id).order_by(Attempt.started_at, Attempt.id)
    ):
        by_student.setdefault(attempt.user_id, []).append(attempt)
    columns = [Response.attempt_id, Response.question_id, Response.points]
    if answers:
        columns += [Response.correct, Response.answer, Response.saved_at]
    points: dict[int, dict[int, float | None]] = {}
    responses: dict[int, dict[int, sa.Row]] = {}
    for row in db.session.execute(
        sa.select(*columns).join(Attempt, Attempt.id == Response.attempt_id).where(Attempt.assignment_id == assignment.id)
    ):
        attempt_id, question_id, mark = row[:3]
        points.setdefault(attempt_id, {})[question_id] = mark
        if answers:
            responses.setdefault(attempt_id, {})[question_id] = row
    return Sheet(assignment, list(students), list(questions), by_student, points, responses)


# ---- gradebook -----------------------------------------------------------------------------


def gradebook(sheet: Sheet) -> list[GradebookRow]:
    """One row per enrolled student, in name order."""
    rows = []
    for student in sheet.students:
        attempts = sheet.attempts.get(student.id, [])
        chosen = sheet.counted(student.id)
        shown = chosen[-1] if chosen else None
        marks = sheet.marks(shown) if shown else {}
        rows.append(GradebookRow(
            student=student,
            attempts=attempts,
            shown=shown,
            cells=[marks.get(q.id) for q in sheet.questions],
            score=assignments.counted_score(sheet.assignment, attempts),
            time_taken=shown.submitted_at - shown.started_at if shown and shown.submitted_at else None,
            state=assignments.attempt_state_name(attempts),
        ))
    return rows


def sort_rows(rows: list[GradebookRow], sort: str, descending: bool) -> list[GradebookRow]:
    """Rows by ``sort`` (one of SORTS; anything else is name), then by name; rows without a value last."""
    value = {
        "score": lambda r: r.score,
        "time": lambda r: r.time_taken,
        "state": lambda r: STATES.index(r.state),
    }.get(sort, lambda r: r.student.display_name.casefold())
    known = [r for r in rows if value(r) is not None]
    return sorted(known, key=value, reverse=descending) + [r for r in rows if value(r) is None]


def student_attempts(sheet: Sheet, student_id: int) -> tuple[sa.Row, list[tuple[Attempt, list[tuple[Question, sa.Row | None]]]]]:
    """One enrolled student and each of their attempts with every question and the response to it."""
    student = next((s for s in sheet.students if s.id == student_id), None)
    if student is None:
        raise NotFound("no such student in this class", "student_id")
    return student, [
        (attempt, [(q, sheet.responses.get(attempt.id, {}).get(q.id)) for q in sheet.questions])
        for attempt in sheet.attempts.get(student.id, [])
    ]


def response_rows(sheet: Sheet) -> list[dict]:
    """Every response: one row per student, attempt and question (unanswered questions included)."""
    rows = []
    for student in sheet.students:
        for number, attempt in enumerate(sheet.attempts.get(student.id, []), start=1):
            mine = sheet.responses.get(attempt.id, {})
            for question in sheet.questions:
                response = mine.get(question.id)
                rows.append({
                    "student_id": student.id, "username": student.username, "display_name": student.display_name,
                    "attempt_id": attempt.id, "attempt_number": number, "attempt_state": attempt.state,
                    "question_id": question.id, "question_number": question.position, "question_type": question.type,
                    "answer": response.answer if response else None,
                    "points": response.points if response else None, "max_points": question.points,
                    "correct": response.correct if response else None,
                    "saved_at": response.saved_at.isoformat() if response and response.saved_at else None,
                })
    return rows


# ---- item analysis and answer distributions ----------------------------------------------------


def item_analysis(sheet: Sheet) -> tuple[ItemAnalysis, list[float]]:
    """Moodle's statistics over the counted attempts, and each analysed attempt's total."""
    marks = [sheet.marks(a) for a in sheet.counted_attempts()]
    max_marks = {q.id: q.points for q in sheet.questions}
    return analyse(marks, max_marks), [sum(m or 0.0 for m in attempt.values()) for attempt in marks]


def distributions(sheet: Sheet) -> dict[int, QuestionDistribution]:
    """Per question, what the counted attempts answered (needs a sheet loaded with ``answers``)."""
    questions = {q.id: q.as_data() for q in sheet.questions}
    answers = [{"question_id": qid, "answer": row.answer}
               for a in sheet.counted_attempts() for qid, row in sheet.responses.get(a.id, {}).items()]
    return answer_distribution(questions, answers, sheet.article_text)


def distribution_shown(assignment: Assignment, asked: bool) -> bool:
    """Answer distributions show once the assignment has closed, or when the teacher asks."""
    return asked or (assignment.closes_at is not None and utcnow() >= assignment.closes_at)


# ---- confusion by label --------------------------------------------------------------------------


def labelled_passages(questions: list[dict]) -> list[dict]:
    """The passages whose true label the questions' keys give: classify passages, find-in-article keys."""
    passages = {}
    for q in questions:
        if q["type"] == "classify":
            passages.setdefault((q["start"], q["end"]), q["key"]["choice"])
        elif q["type"] == "find_in_article":
            for start, end in q["key"]["spans"]:
                passages.setdefault((start, end), q["label"])
    return [{"start": s, "end": e, "label": label} for (s, e), label in sorted(passages.items())]


def readings(attempt_filter, student_id: int | None = None) -> list[dict]:
    """Confusion records of the counted attempts that match ``attempt_filter`` (four queries)."""
    attempts = db.session.execute(
        sa.select(Attempt, Assignment.grading_method).join(Assignment, Assignment.id == Attempt.assignment_id)
        .where(attempt_filter).order_by(Attempt.started_at, Attempt.id)
    ).all()
    groups: dict[tuple, list[Attempt]] = {}
    methods = {}
    for attempt, method in attempts:
        if student_id is None or attempt.user_id == student_id:
            groups.setdefault((attempt.assignment_id, attempt.user_id), []).append(attempt)
            methods[attempt.assignment_id] = method
    kept = {a.id: a.user_id for (assignment_id, _), group in groups.items() for a in counted(group, methods[assignment_id])}
    quiz_ids = sa.select(Attempt.quiz_id).join(Assignment, Assignment.id == Attempt.assignment_id).where(attempt_filter)
    questions = db.session.scalars(
        sa.select(Question).where(Question.quiz_id.in_(quiz_ids)).order_by(Question.quiz_id, Question.position)
        .options(joinedload(Question.quiz).joinedload(Quiz.article))
    ).unique().all()
    data = {q.id: q.as_data() for q in questions}
    by_quiz: dict[int, list[dict]] = {}
    for q in questions:
        by_quiz.setdefault(q.quiz_id, []).append(data[q.id])
    passages = {quiz_id: labelled_passages(quiz_questions) for quiz_id, quiz_questions in by_quiz.items()}
    quiz_of = {q.id: q.quiz_id for q in questions}
    texts = {q.id: q.quiz.article.text for q in questions}
    records = []
    for row in db.session.execute(
        sa.select(Response.attempt_id, Response.question_id, Response.answer)
        .join(Attempt, Attempt.id == Response.attempt_id).join(Assignment, Assignment.id == Attempt.assignment_id)
        .join(Question, Question.id == Response.question_id)
        .where(attempt_filter, Question.type.in_(READING_TYPES)).order_by(Response.attempt_id, Response.question_id)
    ):
        if row.attempt_id not in kept or not row.answer:
            continue  # not counted, or unanswered: an unanswered question says nothing of a reading
        question, student = data[row.question_id], kept[row.attempt_id]
        if question["type"] == "classify":
            records += classify_records(student, row.question_id, question, row.answer, texts[row.question_id])
        else:
            records += find_in_article_records(student, row.question_id, question, row.answer,
                                               passages[quiz_of[row.question_id]], texts[row.question_id])
    return records


def submitted_in_assignment(assignment: Assignment):
    """The attempt filter of an assignment: submitted attempts of students still in the class."""
    return sa.and_(Attempt.assignment_id == assignment.id, Attempt.state == SUBMITTED,
                   Attempt.user_id.in_(_enrolled(assignment.classroom_id)))


def submitted_in_class(classroom_id: int):
    """The attempt filter of a class: submitted attempts at any of its assignments by its students."""
    return sa.and_(Assignment.classroom_id == classroom_id, Attempt.state == SUBMITTED,
                   Attempt.user_id.in_(_enrolled(classroom_id)))


def confusion(attempt_filter, student_id: int | None = None) -> ConfusionReport:
    return confusion_report(readings(attempt_filter, student_id))


def class_students(classroom_id: int) -> list[sa.Row]:
    """The class's students as light rows (``id``, ``username``, ``display_name``), in name order."""
    return list(db.session.execute(
        sa.select(User.id, User.username, User.display_name)
        .where(User.id.in_(_enrolled(classroom_id))).order_by(User.display_name, User.id)
    ))


# ---- a student's progress ----------------------------------------------------------------------------


def mastery_records(student: User, now=None) -> list[dict]:
    """One record per graded item that tests a label, from the student's attempts whose feedback is
    shown (an answer's correctness is not revealed here before the assignment lets it be)."""
    now = now or utcnow()
    rows = db.session.execute(
        sa.select(Attempt.submitted_at, Assignment.feedback, Assignment.closes_at,
                  Question.type, Question.label, Question.key, Response.correct)
        .join(Response, Response.attempt_id == Attempt.id).join(Question, Question.id == Response.question_id)
        .outerjoin(Assignment, Assignment.id == Attempt.assignment_id)
        .where(Attempt.user_id == student.id, Attempt.state == SUBMITTED, Question.type.in_(LABEL_TYPES))
    )
    return [
        {"submitted_at": row.submitted_at, "correct": bool(row.correct),
         "label": row.key["choice"] if row.type == "classify" else row.label}
        for row in rows
        if feedback_visible(row.feedback or "after_submit", row.closes_at, True, now)
    ]


def progress(student: User, period: str):
    """Per label, the student's correct of total in each week or month (``mastery.mastery_over_time``)."""
    return mastery_over_time(mastery_records(student), period)
