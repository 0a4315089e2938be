"""Classes: join codes, rosters from pasted text or CSV, login cards, removing students."""

import io
import re

import pytest

from models import User, db
from quizzes.roster import UNAMBIGUOUS, RosterError, new_join_code, normalize_join_code, parse_names, username_stem
from services import classes
from tests.conftest import csrf_token, post_form, sign_in


@pytest.fixture
def teacher_client(app, make_teacher):
    teacher_id, email, password = make_teacher()
    client = app.test_client()
    sign_in(client, email, password)
    with app.app_context():
        class_id = classes.create_class(db.session.get(User, teacher_id), "9B").id
    return client, class_id


def class_page(client, class_id):
    return client.get(f"/teach/classes/{class_id}").get_data(as_text=True)


def join_code(app, class_id):
    with app.app_context():
        from models import Classroom

        return db.session.get(Classroom, class_id).join_code


def test_join_codes_avoid_look_alike_characters():
    codes = {new_join_code() for _ in range(300)}
    assert all(len(c) == 6 and set(c) <= set(UNAMBIGUOUS) for c in codes)
    assert not set("0O1IL") & set("".join(codes))
    assert normalize_join_code(" k7m-pq2 ") == "K7MPQ2"


def test_a_student_joins_with_the_code_and_lands_on_their_assignments(app, teacher_client):
    _, class_id = teacher_client
    student = app.test_client()
    code = join_code(app, class_id).lower()  # typed in lower case, with a dash
    response = post_form(
        student, "/join", {"join_code": code[:3] + "-" + code[3:], "display_name": "Zoë", "username": "zoe.k", "password": "a long password"}
    )
    assert response.headers["Location"].endswith("/me")
    assert "My assignments" in student.get("/me").get_data(as_text=True)


def test_a_new_code_replaces_the_old_and_joining_can_be_turned_off(app, teacher_client):
    client, class_id = teacher_client
    old = join_code(app, class_id)
    client.post(f"/teach/classes/{class_id}/join-code", data={"csrf_token": csrf_token(class_page(client, class_id))})
    assert join_code(app, class_id) != old
    refused = post_form(app.test_client(), "/join", {"join_code": old, "display_name": "A", "username": "abc", "password": "a long password"})
    assert refused.status_code == 422 and "does not open a class" in refused.get_data(as_text=True)
    client.post(f"/teach/classes/{class_id}/join-code/toggle", data={"csrf_token": csrf_token(class_page(client, class_id))})
    off = post_form(app.test_client(), "/join", {"join_code": join_code(app, class_id), "display_name": "A", "username": "abc", "password": "a long password"})
    assert off.status_code == 422


def test_a_taken_username_is_a_form_error(app, teacher_client):
    _, class_id = teacher_client
    data = {"join_code": join_code(app, class_id), "display_name": "A", "username": "sam.p", "password": "a long password"}
    post_form(app.test_client(), "/join", data)
    again = post_form(app.test_client(), "/join", data)
    assert again.status_code == 422 and "That username is already taken." in again.get_data(as_text=True)


def test_a_pasted_roster_prints_login_cards_that_work(app, teacher_client):
    client, class_id = teacher_client
    cards = post_form(client, f"/teach/classes/{class_id}/roster", {"names": "Zoë van Dijk\nLiam O'Neil\n\nMia"}, class_page(client, class_id))
    page = cards.get_data(as_text=True)
    logins = re.findall(r'Username</dt><dd class="mono">([^<]+)</dd>\s*<dt>Password</dt><dd class="mono">(\w+)</dd>', page)
    assert len(logins) == 3 and "Zoë van Dijk" in page
    username, password = logins[0]
    assert username.startswith("zoe.d")
    student = app.test_client()
    assert sign_in(student, username, password).status_code == 302
    assert student.get("/me").headers["Location"].endswith("/password")  # one-time password


def test_a_csv_roster_with_first_and_last_name_columns(app, teacher_client):
    client, class_id = teacher_client
    csv = "\ufefffirst name,last name\nAda,Lovelace\nAlan,Turing\n".encode()
    response = client.post(
        f"/teach/classes/{class_id}/roster",
        data={"csrf_token": csrf_token(class_page(client, class_id)), "file": (io.BytesIO(csv), "class.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200 and "Ada Lovelace" in response.get_data(as_text=True)


def test_a_roster_file_in_another_encoding_gets_a_clear_message(teacher_client):
    client, class_id = teacher_client
    response = client.post(
        f"/teach/classes/{class_id}/roster",
        data={"csrf_token": csrf_token(class_page(client, class_id)), "file": (io.BytesIO("Zoë".encode("utf-16")), "c.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422 and "UTF-8" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "text, names",
    [
        ("Ana\nBen\n", ["Ana", "Ben"]),
        ("name,age\nAna Li,14\nBen,15\n", ["Ana Li", "Ben"]),
        ("First,Last\nAna,Li\n", ["Ana Li"]),
        ("  Ana   Li  \n\n", ["Ana Li"]),
    ],
)
def test_parse_names(text, names):
    assert parse_names(text) == names


@pytest.mark.parametrize("text, message", [("", "No names found"), ("\n".join(f"S{i}" for i in range(201)), "At most 200")])
def test_roster_limits(text, message):
    with pytest.raises(RosterError, match=message):
        parse_names(text)


def test_username_stems_are_ascii():
    assert username_stem("Zoë van Dijk") == "zoe.d"
    assert username_stem("李雷") == "student"


def test_removing_a_student_keeps_the_account(app, teacher_client):
    client, class_id = teacher_client
    with app.app_context():
        student = classes.join_with_code(join_code(app, class_id), "kim.s", "Kim", "a long password")
        student_id = student.id
    client.post(f"/teach/classes/{class_id}/students/{student_id}/remove", data={"csrf_token": csrf_token(class_page(client, class_id))})
    assert "kim.s" not in class_page(client, class_id)
    with app.app_context():
        assert db.session.get(User, student_id) is not None


def test_rename_and_archive(app, teacher_client):
    client, class_id = teacher_client
    post_form(client, f"/teach/classes/{class_id}/rename", {"name": "9B History"}, class_page(client, class_id))
    assert "9B History" in client.get("/teach/").get_data(as_text=True)
    empty = post_form(client, f"/teach/classes/{class_id}/rename", {"name": "   "}, class_page(client, class_id))
    assert empty.status_code == 422
    client.post(f"/teach/classes/{class_id}/archive", data={"csrf_token": csrf_token(class_page(client, class_id))})
    assert "(archived)" in class_page(client, class_id)
    refused = post_form(app.test_client(), "/join", {"join_code": join_code(app, class_id), "display_name": "A", "username": "abc", "password": "a long password"})
    assert refused.status_code == 422


def test_the_class_api_adds_a_roster_and_returns_passwords_once(app, make_teacher):
    from services.accounts import create_api_token

    teacher_id, _, _ = make_teacher()
    with app.app_context():
        _, secret = create_api_token(db.session.get(User, teacher_id), "script")
    api = app.test_client()
    auth = {"Authorization": f"Bearer {secret}"}
    created = api.post("/api/v1/classes", json={"name": "7C"}, headers=auth).json
    added = api.post(f"/api/v1/classes/{created['id']}/students", json={"names": ["Ana", "Ben"]}, headers=auth)
    assert added.status_code == 201 and all(s["password"] for s in added.json["students"])
    roster = api.get(f"/api/v1/classes/{created['id']}/students", headers=auth).json["students"]
    assert [s["display_name"] for s in roster] == ["Ana", "Ben"] and "password" not in roster[0]
    renamed = api.patch(f"/api/v1/classes/{created['id']}", json={"name": "7D", "archived": "yes"}, headers=auth)
    assert renamed.status_code == 422 and renamed.json["error"]["field"] == "archived"
    assert api.patch(f"/api/v1/classes/{created['id']}", json={"colour": "red"}, headers=auth).json["error"]["field"] == "colour"
