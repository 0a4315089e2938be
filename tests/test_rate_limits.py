"""Starting attempts is bounded: per signed-in student, and (generously) per address for guests.
One budget covers every route that starts an attempt; the refusal says what to do."""

from datetime import timedelta

import sqlalchemy as sa

from models import Attempt, db, utcnow
from services import accounts, assignments, classes
from services.assignments import assignable_quizzes
from tests.conftest import csrf_token, post_form, sign_in
from web import rate_limits

PASSWORD = "correct horse battery"


def _limit(monkeypatch, student="3 per minute", guest="4 per minute"):
    monkeypatch.setattr(rate_limits, "STUDENT_STARTS", student)
    monkeypatch.setattr(rate_limits, "GUEST_STARTS_PER_ADDRESS", guest)


def test_guest_starts_share_one_budget_per_address_across_html_and_api(app, client, quiz_id, monkeypatch):
    _limit(monkeypatch)
    for _ in range(2):
        assert client.post(f"/api/v1/quizzes/{quiz_id}/attempts", json={"name": "Ana"}).status_code == 201
    for _ in range(2):
        assert post_form(client, f"/quizzes/{quiz_id}", {"name": "Ana"}).status_code == 302
    refused = client.post(f"/api/v1/quizzes/{quiz_id}/attempts", json={"name": "Ana"})
    assert refused.status_code == 429
    assert "Too many new attempts" in refused.get_json()["error"]["message"]
    page = post_form(client, f"/quizzes/{quiz_id}", {"name": "Ana"})
    assert page.status_code == 429 and "Too many new attempts" in page.get_data(as_text=True)
    assert client.get(f"/quizzes/{quiz_id}").status_code == 200  # reading is never limited
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Attempt)) == 4


def test_a_student_is_limited_by_their_account_not_their_address(app, client, monkeypatch):
    _limit(monkeypatch, student="2 per minute", guest="100 per minute")
    with app.app_context():
        teacher = accounts.create_teacher("t@example.org", "T", PASSWORD)
        classroom = classes.create_class(teacher, "9A")
        now = utcnow()
        ids = []
        for _ in range(3):
            quiz = assignable_quizzes(teacher)[0]
            ids.append(assignments.create_assignment(classroom, quiz.id, now - timedelta(hours=1), now + timedelta(days=1)).id)
        for name in ("sam.p", "kim.q"):
            classes.enroll(accounts.create_student(name, name, PASSWORD), classroom)
    sam, kim = app.test_client(), app.test_client()
    sign_in(sam, "sam.p", PASSWORD)
    sign_in(kim, "kim.q", PASSWORD)
    token = csrf_token(sam.get("/me").get_data(as_text=True))
    codes = [sam.post(f"/assignments/{i}/start", data={"csrf_token": token}).status_code for i in ids]
    assert codes == [302, 302, 429]
    # another student at the same address still has their own budget
    assert kim.post(f"/assignments/{ids[0]}/start",
                    data={"csrf_token": csrf_token(kim.get("/me").get_data(as_text=True))}).status_code == 302
