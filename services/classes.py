"""Classes: a teacher's own, their join codes and rosters. Another teacher's class is a NotFound."""

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from models import Classroom, Enrollment, User, db
from quizzes.roster import RosterError, new_join_code, normalize_join_code, parse_names

from . import accounts
from .errors import Conflict, Invalid, NotFound


def clean_class_name(name) -> str:
    name = " ".join(name.split()) if isinstance(name, str) else ""
    if not name or len(name) > 100:
        raise Invalid("Give the class a name of 1 to 100 characters.", "name")
    return name


def classes_of(teacher: User) -> list[Classroom]:
    return list(
        db.session.scalars(
            sa.select(Classroom).where(Classroom.teacher_id == teacher.id).order_by(Classroom.archived, Classroom.name)
        )
    )


def class_of(teacher: User, classroom_id: int) -> Classroom:
    classroom = db.session.get(Classroom, classroom_id)
    if classroom is None or classroom.teacher_id != teacher.id:
        raise NotFound("no such class", "class_id")
    return classroom


def _with_fresh_code(classroom: Classroom) -> Classroom:
    """Give the class a new join code, retrying in the rare case the code is taken."""
    for _ in range(5):
        classroom.join_code = new_join_code()
        try:
            db.session.commit()
            return classroom
        except IntegrityError:
            db.session.rollback()
    raise Conflict("Could not find a free join code; try again.", "join_code")


def create_class(teacher: User, name) -> Classroom:
    classroom = Classroom(teacher_id=teacher.id, name=clean_class_name(name))
    db.session.add(classroom)
    return _with_fresh_code(classroom)


def update_class(classroom: Classroom, *, name=None, archived=None, join_enabled=None) -> Classroom:
    if name is not None:
        classroom.name = clean_class_name(name)
    for field, value in (("archived", archived), ("join_enabled", join_enabled)):
        if value is not None:
            if not isinstance(value, bool):
                raise Invalid(f"{field} must be true or false", field)
            setattr(classroom, field, value)
    db.session.commit()
    return classroom


def regenerate_join_code(classroom: Classroom) -> Classroom:
    return _with_fresh_code(classroom)


def class_for_join_code(code) -> Classroom:
    """The class a code opens; the same message whether the code is unknown, off or archived."""
    code = normalize_join_code(code if isinstance(code, str) else "")
    classroom = db.session.scalar(sa.select(Classroom).where(Classroom.join_code == code)) if code else None
    if classroom is None or not classroom.join_enabled or classroom.archived:
        raise Invalid("That join code does not open a class. Check it with your teacher.", "join_code")
    return classroom


def enroll(student: User, classroom: Classroom) -> None:
    if student.role != "student":
        raise Invalid("Only student accounts join classes.", "join_code")
    exists = db.session.get(Enrollment, (classroom.id, student.id))
    if exists is None:
        db.session.add(Enrollment(classroom_id=classroom.id, student_id=student.id))
        db.session.commit()


def join_with_code(code, username, display_name, password) -> User:
    """A new student account in the class that ``code`` opens."""
    classroom = class_for_join_code(code)
    student = accounts.create_student(username, display_name, password)
    enroll(student, classroom)
    return student


def add_roster(classroom: Classroom, text) -> list[tuple[User, str]]:
    """New students from pasted names or CSV, each with a generated username and one-time password."""
    try:
        names = parse_names(text if isinstance(text, str) else "")
    except RosterError as error:
        raise Invalid(str(error), "names") from None
    created = []
    for name in names:
        student, password = accounts.create_generated_student(name)
        enroll(student, classroom)
        created.append((student, password))
    return created


def student_in(classroom: Classroom, student_id: int) -> User:
    enrolled = db.session.get(Enrollment, (classroom.id, student_id))
    if enrolled is None:
        raise NotFound("no such student in this class", "student_id")
    return db.session.get(User, student_id)


def remove_student(classroom: Classroom, student_id: int) -> None:
    """Take a student out of the class; their account and past attempts stay."""
    student_in(classroom, student_id)
    db.session.execute(
        sa.delete(Enrollment).where(Enrollment.classroom_id == classroom.id, Enrollment.student_id == student_id)
    )
    db.session.commit()


def classes_of_student(student: User) -> list[Classroom]:
    return list(
        db.session.scalars(
            sa.select(Classroom)
            .join(Enrollment, Enrollment.classroom_id == Classroom.id)
            .where(Enrollment.student_id == student.id, Classroom.archived.is_(False))
            .order_by(Classroom.name)
        )
    )


def teaches(teacher: User, student_id: int) -> bool:
    """Whether the student is in one of the teacher's classes."""
    return db.session.scalar(
        sa.select(sa.func.count())
        .select_from(Enrollment)
        .join(Classroom, Classroom.id == Enrollment.classroom_id)
        .where(Classroom.teacher_id == teacher.id, Enrollment.student_id == student_id)
    ) > 0
