"""export-data / import-data (services/backup.py): a whole instance and one class, exported and
imported into a fresh database (made by ``init-db``, so the bundled quiz is already there) with the
same rows, scores, passwords and API tokens; a second import is refused and changes nothing.
On SQLite, and on PostgreSQL (a target database of its own, framecheck_migr_backup) when
TEST_DATABASE_URL is set."""

import json
import os
from datetime import timedelta

import pytest
import sqlalchemy as sa

import web.migrate
from app import create_app
from models import Assignment, Attempt, Classroom, User, db, utcnow
from services import accounts, assignments, attempts, catalog, classes
from test_migrations import scratch_pg_database
from services.backup import FORMAT, BackupError, export_data, import_data
from web.backup_commands import export_command, import_command

PG_TARGET = "framecheck_migr_backup"
PASSWORD = "student password 1"


def _with_commands(application):
    web.migrate.init_app(application)
    application.cli.add_command(export_command)
    application.cli.add_command(import_command)
    return application


@pytest.fixture
def target(tmp_path):
    """A second app on a fresh database prepared by ``init-db`` (migrations and the bundled quiz)."""
    postgres = bool(os.environ.get("TEST_DATABASE_URL"))
    url = scratch_pg_database(PG_TARGET) if postgres else f"sqlite:///{tmp_path / 'target.sqlite'}"
    application = _with_commands(create_app({"TESTING": True, "SECRET_KEY": "other-key", "SQLALCHEMY_DATABASE_URI": url}))
    result = application.test_cli_runner().invoke(args=["init-db"])
    assert result.exit_code == 0, result.output
    yield application
    with application.app_context():
        db.session.remove()
        db.engine.dispose()
    if postgres:
        scratch_pg_database(PG_TARGET, create=False)


def _take(student, assignment_id, answers, submit=True):
    attempt = assignments.start_or_resume(student, assignment_id)
    for question_id, answer in answers:
        attempts.save_answer(attempt, question_id, answer)
    if submit:
        attempts.submit(attempt)


def _populate(application) -> dict:
    """Two teachers, two classes, students with submitted and in-progress attempts, a guest attempt."""
    with application.app_context():
        quiz = catalog.get_practice_quiz(catalog.practice_quizzes()[0]["id"])
        questions = [q.as_data() for q in quiz.questions]
        right = [(q["id"], attempts.grade(q, None).correct_answer) for q in questions]
        first_ten = right[:10]
        now = utcnow()
        ada = accounts.create_teacher("ada@school.example", "Ada Teacher", "teacher password 1")
        _, secret = accounts.create_api_token(ada, "grade export")
        bo = accounts.create_teacher("bo@school.example", "Bo Teacher", "teacher password 2")
        nine_b = classes.create_class(ada, "9B")
        ten_a = classes.create_class(bo, "10A")
        a1 = assignments.create_assignment(nine_b, quiz.id, now - timedelta(hours=1), now + timedelta(days=1), max_attempts=2)
        a2 = assignments.create_assignment(ten_a, quiz.id, now - timedelta(hours=1), now + timedelta(days=1))
        students = {}
        for username, code in (("ana", nine_b), ("ben", nine_b), ("cyd", nine_b), ("dee", ten_a), ("eli", ten_a)):
            students[username] = classes.join_with_code(code.join_code, username, username.title() + " S", PASSWORD)
        roster = classes.add_roster(nine_b, "Fay Roster")
        _take(students["ana"], a1.id, right)
        _take(students["ana"], a1.id, first_ten)  # a second, lower attempt
        _take(students["ben"], a1.id, first_ten)
        _take(students["cyd"], a1.id, right[:3], submit=False)  # still working
        _take(students["dee"], a2.id, right)
        _take(students["eli"], a2.id, first_ten)
        guest, _ = attempts.start_attempt(quiz.id, "Guest")
        attempts.save_answer(guest, right[0][0], right[0][1])
        attempts.submit(guest)
        return {"secret": secret, "class_id": nine_b.id, "roster_username": roster[0][0].username,
                "roster_password": roster[0][1]}


def _counts() -> dict[str, int]:
    with db.engine.connect() as connection:
        return {t.name: connection.execute(sa.select(sa.func.count()).select_from(t)).scalar()
                for t in db.metadata.sorted_tables}


def _scores() -> dict:
    """Per student and class: each attempt's state, score and saved answers, and the counted score."""
    rows = db.session.execute(
        sa.select(User.username, Classroom.name, Attempt)
        .join(Attempt, Attempt.user_id == User.id)
        .join(Assignment, Attempt.assignment_id == Assignment.id)
        .join(Classroom, Assignment.classroom_id == Classroom.id)
        .order_by(User.username, Attempt.started_at)
    ).all()
    result = {}
    for username, class_name, attempt in rows:
        answers = sorted((r.question.position, json.dumps(r.answer, sort_keys=True), r.points) for r in attempt.responses)
        result.setdefault((username, class_name), []).append((attempt.state, attempt.score, attempt.max_score, answers))
    for assignment in db.session.scalars(sa.select(Assignment)):
        for row in assignments.assignment_overview(assignment):
            result[(row["student"].username, assignment.classroom.name, "counted")] = row["score"]
    return result


def test_an_instance_round_trips_through_export_and_import(app, target, tmp_path):
    secrets_ = _populate(app)
    _with_commands(app)
    path = tmp_path / "instance.json"
    exported = app.test_cli_runner().invoke(args=["export-data", str(path)])
    assert exported.exit_code == 0, exported.output
    document = json.loads(path.read_text())
    assert document["format"] == FORMAT and document["version"] == 1 and document["scope"] == {"kind": "instance"}
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    with app.app_context():
        counts, scores = _counts(), _scores()
    assert counts["users"] == 8 and counts["attempts"] == 7 and counts["enrollments"] == 6

    imported = target.test_cli_runner().invoke(args=["import-data", str(path)])
    assert imported.exit_code == 0, imported.output
    assert "quizzes 1" in imported.output.split("Already here")[1]  # the bundled quiz, installed by init-db
    with target.app_context():
        assert _counts() == counts
        assert _scores() == scores
        # same passwords and API token; the ids are the target's own
        assert accounts.authenticate("ana", PASSWORD).username == "ana"
        assert accounts.authenticate(secrets_["roster_username"], secrets_["roster_password"]).must_change_password
        assert accounts.user_for_api_token(secrets_["secret"]).email == "ada@school.example"
        student = db.session.scalar(sa.select(User).where(User.username == "cyd"))
        home = assignments.student_assignments(student)
        resumed = assignments.start_or_resume(student, home["to_do"][0]["assignment"].id)
        assert resumed.state == "in_progress" and len(attempts.saved_answers(resumed)) == 3

    again = target.test_cli_runner().invoke(args=["import-data", str(path)])
    assert again.exit_code != 0
    assert "Nothing was imported" in again.output and "users.email already has ada@school.example" in again.output
    with target.app_context():
        assert _counts() == counts


def test_one_class_moves_with_its_teacher_students_and_attempts(app, target):
    secrets_ = _populate(app)
    with app.app_context():
        document = export_data(class_id=secrets_["class_id"])
        everything = _scores()
    assert document["scope"]["kind"] == "class" and document["scope"]["class_name"] == "9B"
    assert {u["username"] or u["email"] for u in document["tables"]["users"]} == {
        "ada@school.example", "ana", "ben", "cyd", secrets_["roster_username"]}
    document = json.loads(json.dumps(document))  # as read back from a file

    with target.app_context():
        report = import_data(document)
        assert report.inserted["classes"] == 1 and report.inserted["attempts"] == 4
        assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == 5
        assert db.session.scalars(sa.select(Classroom.name)).all() == ["9B"]
        moved = _scores()
        assert moved == {k: v for k, v in everything.items() if k[1] == "9B"}
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Attempt).where(Attempt.user_id.is_(None))) == 0
        assert accounts.user_for_api_token(secrets_["secret"]).email == "ada@school.example"
        code = db.session.scalar(sa.select(Classroom.join_code))
        assert classes.class_for_join_code(code).name == "9B"


def test_a_join_code_taken_on_the_target_is_replaced(app, target):
    secrets_ = _populate(app)
    with app.app_context():
        document = export_data(class_id=secrets_["class_id"])
        code = db.session.get(Classroom, secrets_["class_id"]).join_code
    with target.app_context():
        other = accounts.create_teacher("zed@school.example", "Zed", "teacher password 3")
        clash = classes.create_class(other, "Already here")
        clash.join_code = code
        db.session.commit()
        report = import_data(document)
        assert f"join_code {code} was taken here" in report.summary()
        moved = db.session.scalar(sa.select(Classroom).where(Classroom.name == "9B"))
        assert moved.join_code != code and classes.class_for_join_code(code).name == "Already here"


def test_a_document_that_is_not_an_export_is_refused_with_a_reason(target):
    with target.app_context():
        before = _counts()
        for document, message in (
            ({"tables": {}}, "not a Framecheck export"),
            ({"format": FORMAT, "version": 99, "tables": {}}, "version 99 is not supported"),
            ({"format": FORMAT, "version": 1, "tables": {"gradebook": []}}, "table 'gradebook'"),
            ({"format": FORMAT, "version": 1, "tables": {"users": [{"id": 1, "shoe_size": 9}]}}, "shoe_size"),
        ):
            with pytest.raises(BackupError, match=message):
                import_data(document)
        assert _counts() == before


def test_an_export_from_before_a_dropped_column_still_imports(app, target):
    """Exports made before attempts.last_saved_at was dropped carry it; import leaves it out."""
    secrets_ = _populate(app)
    with app.app_context():
        document = json.loads(json.dumps(export_data(class_id=secrets_["class_id"])))
        expected = {k: v for k, v in _scores().items() if k[1] == "9B"}
    for row in document["tables"]["attempts"]:
        row["last_saved_at"] = "2026-11-01T09:00:00+00:00"
    with target.app_context():
        report = import_data(document)
        assert report.inserted["attempts"] == 4
        assert _scores() == expected
