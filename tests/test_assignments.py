"""Assignments: windows, attempts allowed, grading methods, deadlines without loss, feedback times."""

from datetime import timedelta

import pytest

from models import Assignment, Attempt, User, db, utcnow
from quizzes.assignment_rules import feedback_visible, window_state
from services import assignments, attempts, classes
from services.accounts import create_teacher
from services.errors import Conflict, Invalid
from tests.conftest import csrf_token, post_form, sign_in

PASSWORD = "a long password"


@pytest.fixture
def world(app, quiz_id):
    """A teacher's class with one student, and a helper to assign the bundled quiz."""
    with app.app_context():
        teacher = create_teacher("t@example.org", "T", PASSWORD)
        classroom = classes.create_class(teacher, "9B")
        student = classes.join_with_code(classroom.join_code, "sam.p", "Sam", PASSWORD)
        ids = {"teacher": teacher.id, "class": classroom.id, "student": student.id, "quiz": quiz_id}

    def assign(opens=-1, closes=7, **rules) -> int:
        from models import Classroom

        with app.app_context():
            now = utcnow()
            assignment = assignments.create_assignment(
                db.session.get(Classroom, ids["class"]), quiz_id, now + timedelta(days=opens),
                now + timedelta(days=closes) if closes is not None else None, **rules,
            )
            return assignment.id

    ids["assign"] = assign
    return ids


def student(app):
    return db.session.scalar(db.select(User).where(User.username == "sam.p"))


def first_question(app, attempt_id):
    return db.session.get(Attempt, attempt_id).quiz.questions[0]


def test_window_states():
    now = utcnow()
    assert window_state(now + timedelta(hours=1), None, now) == "upcoming"
    assert window_state(now - timedelta(hours=1), now + timedelta(hours=1), now) == "open"
    assert window_state(now - timedelta(hours=2), now - timedelta(hours=1), now) == "closed"


def test_an_upcoming_assignment_cannot_be_started(app, world):
    assignment_id = world["assign"](opens=1)
    with app.app_context(), pytest.raises(Conflict, match="not open now"):
        assignments.start_or_resume(student(app), assignment_id)


def test_resuming_returns_the_same_attempt_with_its_answers(app, world):
    assignment_id = world["assign"]()
    with app.app_context():
        first = assignments.start_or_resume(student(app), assignment_id)
        attempts.save_answer(first, first.quiz.questions[0].id, {"choice": "boilerplate"})
        again = assignments.start_or_resume(student(app), assignment_id)
        assert again.id == first.id
        assert attempts.saved_answers(again) == {first.quiz.questions[0].id: {"choice": "boilerplate"}}


def test_attempts_allowed_are_enforced(app, world):
    assignment_id = world["assign"](max_attempts=1)
    with app.app_context():
        attempt = assignments.start_or_resume(student(app), assignment_id)
        attempts.submit(attempt)
        with pytest.raises(Conflict, match="used every attempt"):
            assignments.start_or_resume(student(app), assignment_id)


@pytest.mark.parametrize("method, expected", [("highest", 3.0), ("last", 1.0), ("first", 2.0), ("average", 2.0)])
def test_the_counted_score_follows_the_grading_method(app, world, method, expected):
    assignment_id = world["assign"](grading_method=method)
    with app.app_context():
        for right in (2, 3, 1):  # three attempts scoring 2, 3 and 1 classify points
            attempt = assignments.start_or_resume(student(app), assignment_id)
            classify = [q for q in attempt.quiz.questions if q.type == "classify"][:right]
            for question in classify:
                attempts.save_answer(attempt, question.id, {"choice": question.key["choice"]})
            attempts.submit(attempt)
        row = assignments.student_assignments(student(app))["done"][0]
        assert row["score"] == expected and len(row["attempts"]) == 3


def test_at_the_close_open_attempts_are_submitted_with_what_was_saved(app, world):
    assignment_id = world["assign"]()
    with app.app_context():
        attempt = assignments.start_or_resume(student(app), assignment_id)
        question = attempt.quiz.questions[0]
        attempts.save_answer(attempt, question.id, {"choice": question.key["choice"]})
        db.session.get(Assignment, assignment_id).closes_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
        with pytest.raises(Conflict, match="has closed"):
            attempts.save_answer(attempt, attempt.quiz.questions[1].id, {"choice": "boilerplate"})
        db.session.refresh(attempt)
        assert attempt.state == "submitted" and attempt.auto_submitted and attempt.score == 1
        assert attempts.saved_answers(attempt) == {question.id: {"choice": question.key["choice"]}}
        groups = assignments.student_assignments(student(app))
        assert [r["assignment"].id for r in groups["closed"]] == [assignment_id]


def test_the_sweep_submits_every_overdue_attempt(app, world):
    assignment_id = world["assign"]()
    with app.app_context():
        attempt_id = assignments.start_or_resume(student(app), assignment_id).id
        assert assignments.close_due_attempts(utcnow() + timedelta(days=8)) == 1
        assert db.session.get(Attempt, attempt_id).auto_submitted
        overview = assignments.assignment_overview(db.session.get(Assignment, assignment_id))
        assert overview[0]["state"] == "auto-submitted at close"


def test_a_student_answering_after_the_close_gets_a_clear_message(app, world):
    assignment_id = world["assign"]()
    client = app.test_client()
    sign_in(client, "sam.p", PASSWORD)
    home = client.get("/me").get_data(as_text=True)
    started = client.post(f"/assignments/{assignment_id}/start", data={"csrf_token": csrf_token(home)})
    question_url = started.headers["Location"]
    page = client.get(question_url).get_data(as_text=True)
    with app.app_context():
        db.session.get(Assignment, assignment_id).closes_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    response = post_form(client, question_url, {"answer": "boilerplate", "go": "next"}, page)
    shown = client.get(response.headers["Location"], follow_redirects=True).get_data(as_text=True)
    assert "This assignment has closed" in shown


def test_feedback_after_the_close_hides_the_key_until_then(app, world):
    assignment_id = world["assign"](feedback="after_close")
    with app.app_context():
        attempt = assignments.start_or_resume(student(app), assignment_id)
        body = attempts.submit(attempt)
        assert body["feedback_shown"] is False and body["feedback_available_at"]
        assert all(set(r) == {"question_id", "points", "max_points"} for r in body["results"])
        later = attempts.result(attempt, now=utcnow() + timedelta(days=8))
        assert later["feedback_shown"] and "correct_answer" in later["results"][0]
    assert not feedback_visible("after_close", utcnow() + timedelta(days=1), True, utcnow())


def test_feedback_after_each_question_checks_and_locks_the_answer(app, world):
    assignment_id = world["assign"](feedback="after_each")
    with app.app_context():
        attempt = assignments.start_or_resume(student(app), assignment_id)
        question = attempt.quiz.questions[0]
        checked = attempts.check_answer(attempt, question.id, {"choice": question.key["choice"]})
        assert checked.correct and checked.checked_at
        with pytest.raises(Conflict, match="checked this answer"):
            attempts.save_answer(attempt, question.id, {"choice": "boilerplate"})


def test_checking_is_refused_when_feedback_waits_for_submit(app, world):
    assignment_id = world["assign"]()
    with app.app_context():
        attempt = assignments.start_or_resume(student(app), assignment_id)
        with pytest.raises(Conflict):
            attempts.check_answer(attempt, attempt.quiz.questions[0].id, {"choice": "boilerplate"})


@pytest.mark.parametrize(
    "rules, field",
    [({"max_attempts": 0}, "max_attempts"), ({"grading_method": "best"}, "grading_method"), ({"feedback": "never"}, "feedback")],
)
def test_assignment_rules_are_validated(app, world, rules, field):
    with pytest.raises(Invalid) as error:
        world["assign"](**rules)
    assert error.value.field == field


def test_the_close_must_follow_the_opening(app, world):
    with pytest.raises(Invalid, match="after the opening"):
        world["assign"](opens=1, closes=0)


def test_times_typed_in_the_teachers_zone_are_stored_in_utc(app, world):
    with app.app_context():
        db.session.get(User, world["teacher"]).timezone = "Europe/Paris"
        db.session.commit()
    client = app.test_client()
    sign_in(client, "t@example.org", PASSWORD)
    page = client.get(f"/teach/classes/{world['class']}").get_data(as_text=True)
    response = post_form(
        client,
        f"/teach/classes/{world['class']}/assignments",
        {"quiz_id": world["quiz"], "opens_at": "2026-06-01T09:00", "closes_at": "2026-06-08T17:30",
         "grading_method": "highest", "feedback": "after_submit"},
        page,
    )
    assert response.status_code == 302
    with app.app_context():
        assignment = db.session.scalar(db.select(Assignment))
        assert assignment.opens_at.isoformat() == "2026-06-01T07:00:00+00:00"  # CEST is UTC+2
    assert "2026-06-01 09:00 (Europe/Paris)" in client.get(f"/teach/classes/{world['class']}").get_data(as_text=True)


def test_the_api_refuses_times_without_a_zone(app, world):
    from services.accounts import create_api_token

    with app.app_context():
        _, secret = create_api_token(db.session.get(User, world["teacher"]), "s")
    response = app.test_client().post(
        f"/api/v1/classes/{world['class']}/assignments",
        json={"quiz_id": world["quiz"], "opens_at": "2026-06-01T09:00"},
        headers={"Authorization": f"Bearer {secret}"},
    )
    assert response.status_code == 422 and response.json["error"]["field"] == "opens_at"


def test_a_student_takes_an_assignment_through_the_api_with_the_session(app, world):
    assignment_id = world["assign"]()
    client = app.test_client()
    sign_in(client, "sam.p", PASSWORD)
    token = csrf_token(client.get("/me").get_data(as_text=True))
    started = client.post(f"/api/v1/assignments/{assignment_id}/attempts", headers={"X-CSRFToken": token})
    attempt_id = started.json["attempt_id"]
    quiz = client.get(f"/api/v1/quizzes/{world['quiz']}").json
    saved = client.put(
        f"/api/v1/attempts/{attempt_id}/answers/{quiz['questions'][0]['id']}",
        json={"answer": {"choice": "boilerplate"}},
        headers={"X-CSRFToken": token},
    )
    assert saved.status_code == 200
    mine = client.get("/api/v1/me/assignments").json
    assert mine["to_do"][0]["in_progress_attempt_id"] == attempt_id


def test_the_question_page_offers_a_check_and_then_shows_the_feedback(app, world):
    assignment_id = world["assign"](feedback="after_each")
    client = app.test_client()
    sign_in(client, "sam.p", PASSWORD)
    started = client.post(f"/assignments/{assignment_id}/start", data={"csrf_token": csrf_token(client.get("/me").get_data(as_text=True))})
    url = started.headers["Location"]
    page = client.get(url).get_data(as_text=True)
    assert "Check my answer" in page and 'data-autosave="off"' in page and "data-token" not in page
    checked = post_form(client, url, {"answer": "reported_fact", "go": "check"}, page)
    assert checked.headers["Location"].endswith(url.split("localhost")[-1])
    page = client.get(url).get_data(as_text=True)
    assert "Why:" in page and "Check my answer" not in page and "<fieldset" in page and " disabled>" in page


def test_demo_data_gives_every_teacher_page_something_to_show(app):
    runner = app.test_cli_runner()
    output = runner.invoke(args=["init-db", "--demo"]).output
    assert "Demo ready: sign in as demo.teacher@example.org with password" in output
    password = output.split("with password ")[1].split(" ")[0]
    assert "already there" in runner.invoke(args=["init-db", "--demo"]).output
    client = app.test_client()
    sign_in(client, "demo.teacher@example.org", password)
    with app.app_context():
        assignment = db.session.scalar(db.select(Assignment))
        states = [row["state"] for row in assignments.assignment_overview(assignment)]
    assert len(states) == 12 and states.count("submitted") == 11 and "in progress" in states
    page = client.get(f"/teach/assignments/{assignment.id}").get_data(as_text=True)
    assert "Amara Okafor" in page and "submitted" in page
    with app.app_context():
        taken = [a.submitted_at - a.started_at for a in db.session.scalars(db.select(Attempt)) if a.submitted_at]
    assert len(taken) == 11 and all(timedelta(minutes=8) <= t <= timedelta(minutes=27) for t in taken)


def test_an_archived_class_freezes_its_assignments(app, world):
    from models import Classroom

    assignment_id = world["assign"]()
    with app.app_context():
        db.session.get(Classroom, world["class"]).archived = True
        db.session.commit()
        with pytest.raises(Conflict, match="archived"):
            assignments.start_or_resume(student(app), assignment_id)


def test_a_one_time_password_must_be_changed_before_using_the_api(app, world):
    with app.app_context():
        from services.accounts import reset_password

        one_time = reset_password(student(app))
    client = app.test_client()
    sign_in(client, "sam.p", one_time)
    response = client.get("/api/v1/me/assignments")
    assert response.status_code == 403 and response.json["error"]["field"] == "password"
