"""Accounts: sign-up, sign-in, sessions that really end, password resets, API tokens, headers."""

import re

import pytest
import sqlalchemy as sa

from app import create_app
from models import ApiToken, User, db
from services import accounts, classes
from tests.conftest import csrf_token, post_form, sign_in

PASSWORD = "correct horse battery"


def signup(client, email="ana@example.org", password=PASSWORD, **extra):
    return post_form(client, "/signup", {"display_name": "Ana", "email": email, "password": password, **extra})


def test_a_teacher_signs_up_and_lands_on_their_classes(app, client):
    response = signup(client)
    assert response.status_code == 302 and response.headers["Location"].endswith("/teach/")
    assert client.get("/teach/").status_code == 200
    with app.app_context():
        user = db.session.scalar(sa.select(User).where(User.email == "ana@example.org"))
        assert user.role == "teacher" and user.password_hash.startswith("$argon2id$")
        assert PASSWORD not in user.password_hash


@pytest.mark.parametrize(
    "email, password, message",
    [("not-an-email", PASSWORD, "Enter a valid email address."), ("b@example.org", "short", "Field must be between 8")],
)
def test_sign_up_refusals_are_form_errors(client, email, password, message):
    response = signup(client, email=email, password=password)
    assert response.status_code == 422 and message in response.get_data(as_text=True)


def test_an_email_can_sign_up_once(client, app):
    signup(client)
    again = signup(app.test_client(), email="ANA@example.org")
    assert again.status_code == 422 and "That email is already taken." in again.get_data(as_text=True)


def test_an_invite_code_gates_sign_up_when_configured(app):
    app.config["TEACHER_INVITE_CODE"] = "district-42"
    client = app.test_client()
    wrong = signup(client, invite_code="guess")
    assert wrong.status_code == 422 and "invite code is not right" in wrong.get_data(as_text=True)
    assert signup(client, invite_code="district-42").status_code == 302


def test_unknown_user_and_wrong_password_get_the_same_answer(client, make_teacher):
    _, email, _ = make_teacher()
    unknown = sign_in(client, "nobody@example.org", PASSWORD)
    wrong = sign_in(client, email, "wrong password!")
    assert unknown.status_code == wrong.status_code == 401

    def message(response):
        return re.search(r'role="alert">(.*?)</div>', response.get_data(as_text=True), re.S).group(1)

    assert message(unknown) == message(wrong)


def test_the_session_is_renewed_at_sign_in(client, quiz_id, make_teacher):
    _, email, password = make_teacher()
    post_form(client, f"/quizzes/{quiz_id}", {"name": "guest"})  # the session now holds a guest attempt
    with client.session_transaction() as session:
        assert session.get("attempt_tokens")
    sign_in(client, email, password)
    with client.session_transaction() as session:
        assert "attempt_tokens" not in session and session.get("_user_id")


def test_logout_ends_copies_of_the_cookie_too(app, client, make_teacher):
    _, email, password = make_teacher()
    sign_in(client, email, password)
    stolen = client.get_cookie("session").value
    page = client.get("/teach/").get_data(as_text=True)
    client.post("/logout", data={"csrf_token": csrf_token(page)})
    thief = app.test_client()
    thief.set_cookie("session", stolen)
    response = thief.get("/teach/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_changing_a_password_ends_the_other_sessions(app, make_teacher):
    _, email, password = make_teacher()
    laptop, phone = app.test_client(), app.test_client()
    sign_in(laptop, email, password)
    sign_in(phone, email, password)
    changed = post_form(laptop, "/password", {"password": "a new long password", "confirm": "a new long password"})
    assert changed.status_code == 302
    assert laptop.get("/teach/").status_code == 200
    assert phone.get("/teach/").status_code == 302
    assert sign_in(app.test_client(), email, "a new long password").status_code == 302


def test_a_reset_student_must_choose_a_password_and_loses_old_sessions(app, make_teacher):
    teacher_id, email, password = make_teacher()
    with app.app_context():
        classroom = classes.create_class(db.session.get(User, teacher_id), "9B")
        student = classes.join_with_code(classroom.join_code, "zoe.k", "Zoë K", "zoe's password")
        class_id, student_id = classroom.id, student.id
    tablet = app.test_client()
    sign_in(tablet, "zoe.k", "zoe's password")
    assert tablet.get("/me").status_code == 200
    teacher = app.test_client()
    sign_in(teacher, email, password)
    page = teacher.get(f"/teach/classes/{class_id}").get_data(as_text=True)
    cards = teacher.post(f"/teach/classes/{class_id}/students/{student_id}/reset", data={"csrf_token": csrf_token(page)})
    one_time = re.search(r'Password</dt><dd class="mono">(\w+)</dd>', cards.get_data(as_text=True)).group(1)
    assert tablet.get("/me").status_code == 302  # the old session ended
    fresh = app.test_client()
    assert sign_in(fresh, "zoe.k", one_time).status_code == 302
    assert fresh.get("/me").headers["Location"].endswith("/password")
    post_form(fresh, "/password", {"password": "zoe's new secret", "confirm": "zoe's new secret"})
    assert fresh.get("/me").status_code == 200


def test_failed_sign_ins_are_rate_limited(client, make_teacher):
    _, email, _ = make_teacher()
    statuses = [sign_in(client, email, f"wrong password {n}").status_code for n in range(11)]
    assert statuses[:10] == [401] * 10 and statuses[10] == 429


def test_successful_sign_ins_do_not_count_against_the_limit(client, make_teacher):
    _, email, password = make_teacher()
    assert all(sign_in(client, email, password).status_code == 302 for _ in range(12))


def test_cookies_are_http_only_and_same_site(client, make_teacher):
    _, email, password = make_teacher()
    response = sign_in(client, email, password)
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_production_cookies_are_secure(tmp_path, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 40)
    app = create_app({"ENV": "production", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.sqlite'}"})
    assert app.config["SESSION_COOKIE_SECURE"] is True


def test_security_headers_on_every_page(client):
    headers = client.get("/").headers
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["Referrer-Policy"] == "same-origin"


def test_api_tokens_are_shown_once_stored_hashed_and_revocable(app, client, make_teacher):
    _, email, password = make_teacher()
    sign_in(client, email, password)
    page = client.get("/teach/settings").get_data(as_text=True)
    created = client.post("/teach/settings", data={"name": "gradebook script", "csrf_token": csrf_token(page)})
    secret = re.search(r"(fcp_[\w-]+)", created.get_data(as_text=True)).group(1)
    assert secret not in client.get("/teach/settings").get_data(as_text=True)
    with app.app_context():
        token = db.session.scalar(sa.select(ApiToken))
        assert secret not in token.token_hash
        token_id = token.id
    script = app.test_client()
    auth = {"Authorization": f"Bearer {secret}"}
    assert script.get("/api/v1/classes", headers=auth).status_code == 200
    page = client.get("/teach/settings").get_data(as_text=True)
    client.post(f"/teach/settings/tokens/{token_id}/revoke", data={"csrf_token": csrf_token(page)})
    assert script.get("/api/v1/classes", headers=auth).status_code == 401


def test_the_api_needs_csrf_with_the_session_cookie_but_not_with_a_token(app, client, make_teacher):
    teacher_id, email, password = make_teacher()
    sign_in(client, email, password)
    assert client.post("/api/v1/classes", json={"name": "8A"}).status_code == 400
    token = csrf_token(client.get("/teach/").get_data(as_text=True))
    assert client.post("/api/v1/classes", json={"name": "8A"}, headers={"X-CSRFToken": token}).status_code == 201
    with app.app_context():
        _, secret = accounts.create_api_token(db.session.get(User, teacher_id), "script")
    response = app.test_client().post("/api/v1/classes", json={"name": "8B"}, headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 201


def test_users_cli_creates_a_teacher_and_prints_a_working_token(app):
    runner = app.test_cli_runner()
    created = runner.invoke(args=["users", "create", "--role", "teacher", "cli@example.org", "--password-stdin"], input=PASSWORD + "\n")
    assert created.exit_code == 0, created.output
    refused = runner.invoke(args=["users", "create", "x@example.org", "--password-stdin"], input="short\n")
    assert refused.exit_code != 0 and "at least 8 characters" in refused.output
    token = runner.invoke(args=["users", "token", "cli@example.org"]).output.strip()
    assert token.startswith("fcp_")
    assert app.test_client().get("/api/v1/classes", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    assert runner.invoke(args=["users", "token", "nobody@example.org"]).exit_code != 0
