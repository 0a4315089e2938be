"""JSON API v1: the contract, idempotent submit, no key before submit, 4xx for bad input, persistence."""

import json

import pytest

from app import create_app
from models import Attempt, Response, db
from quizzes.question_sets import bundled_article_text, bundled_document, parse_question_set


def start(client, quiz_id, name="Ana"):
    response = client.post(f"/api/v1/quizzes/{quiz_id}/attempts", json={"name": name})
    assert response.status_code == 201
    body = response.json
    return body["attempt_id"], {"Authorization": f"Bearer {body['token']}"}


def perfect_answer(question: dict) -> dict:
    key = question["key"]
    return {"spans": key["spans"]} if "spans" in key else dict(key)


def keyed_questions(client, quiz_id):
    """The quiz's questions paired with their keys from the bundled document (same order)."""
    public = client.get(f"/api/v1/quizzes/{quiz_id}").json["questions"]
    parsed = parse_question_set(bundled_document(), bundled_article_text())["questions"]
    return list(zip(public, parsed))


def test_list_quizzes(client, quiz_id):
    body = client.get("/api/v1/quizzes").json
    assert body["quizzes"] == [{"id": quiz_id, "title": "Who is speaking?", "question_count": 26}]


def test_quiz_detail_has_article_offsets_and_options_but_no_key(client, quiz_id):
    body = client.get(f"/api/v1/quizzes/{quiz_id}").json
    assert body["article"]["text"] == bundled_article_text()
    text = body["article"]["text"]
    for question in body["questions"]:
        assert {"id", "type", "prompt", "points"} <= set(question)
        assert not {"key", "explanation", "cues", "hard_case", "correct_answer"} & set(question)
        if "start" in question:
            assert text[question["start"]:question["end"]].strip()
        if question["type"] == "classify":
            assert [o["id"] for o in question["options"]][:1] == ["sourced_argument"]
    classify = next(q for q in body["questions"] if q["type"] == "classify")
    assert "label" not in classify  # the label of a classify question would be its key


def test_the_key_is_not_derivable_from_the_quiz_before_submit(client, quiz_id):
    raw = client.get(f"/api/v1/quizzes/{quiz_id}").get_data(as_text=True)
    for question in parse_question_set(bundled_document(), bundled_article_text())["questions"]:
        assert question["explanation"] not in raw


def test_full_attempt_scores_every_question(client, quiz_id):
    attempt_id, auth = start(client, quiz_id)
    for public, keyed in keyed_questions(client, quiz_id):
        saved = client.put(
            f"/api/v1/attempts/{attempt_id}/answers/{public['id']}", json={"answer": perfect_answer(keyed)}, headers=auth
        )
        assert saved.status_code == 200, saved.json
    result = client.post(f"/api/v1/attempts/{attempt_id}/submit", headers=auth)
    assert result.status_code == 200
    body = result.json
    assert body["score"] == body["max_score"] == sum(q["points"] for _, q in keyed_questions(client, quiz_id))
    assert body["score"] == sum(r["points"] for r in body["results"])
    assert all(r["correct"] and r["explanation"] for r in body["results"])
    assert set(body["results"][0]) >= {"question_id", "correct", "points", "max_points", "correct_answer", "explanation"}


def test_submit_twice_returns_the_same_body_and_changes_nothing(app, client, quiz_id):
    attempt_id, auth = start(client, quiz_id)
    first_question = client.get(f"/api/v1/quizzes/{quiz_id}").json["questions"][0]
    client.put(f"/api/v1/attempts/{attempt_id}/answers/{first_question['id']}", json={"answer": {"choice": "boilerplate"}}, headers=auth)
    first = client.post(f"/api/v1/attempts/{attempt_id}/submit", headers=auth).json
    with app.app_context():
        submitted_at = db.session.get(Attempt, attempt_id).submitted_at
    second = client.post(f"/api/v1/attempts/{attempt_id}/submit", headers=auth).json
    assert first == second
    with app.app_context():
        assert db.session.get(Attempt, attempt_id).submitted_at == submitted_at
        assert db.session.query(Response).filter_by(attempt_id=attempt_id).count() == 26


def test_saving_again_replaces_and_saving_after_submit_conflicts(client, quiz_id):
    attempt_id, auth = start(client, quiz_id)
    question = client.get(f"/api/v1/quizzes/{quiz_id}").json["questions"][0]
    url = f"/api/v1/attempts/{attempt_id}/answers/{question['id']}"
    client.put(url, json={"answer": {"choice": "boilerplate"}}, headers=auth)
    client.put(url, json={"answer": {"choice": "reported_fact"}}, headers=auth)
    answers = client.get(f"/api/v1/attempts/{attempt_id}", headers=auth).json["answers"]
    assert [(a["question_id"], a["answer"]) for a in answers] == [(question["id"], {"choice": "reported_fact"})]
    client.post(f"/api/v1/attempts/{attempt_id}/submit", headers=auth)
    late = client.put(url, json={"answer": {"choice": "boilerplate"}}, headers=auth)
    assert late.status_code == 409 and late.json["error"]["field"] == "attempt_id"
    state = client.get(f"/api/v1/attempts/{attempt_id}", headers=auth).json
    assert state["state"] == "submitted" and state["answers"][0]["answer"] == {"choice": "reported_fact"}
    assert state["result"]["score"] == sum(r["points"] for r in state["result"]["results"])


def test_get_attempt_hides_the_result_until_submitted(client, quiz_id):
    attempt_id, auth = start(client, quiz_id)
    state = client.get(f"/api/v1/attempts/{attempt_id}", headers=auth).json
    assert state["state"] == "in_progress" and state["result"] is None and state["answers"] == []


def test_other_tokens_learn_nothing(client, quiz_id):
    attempt_id, auth = start(client, quiz_id)
    other_id, other_auth = start(client, quiz_id, "Ben")
    assert client.get(f"/api/v1/attempts/{attempt_id}").status_code == 401
    assert client.get(f"/api/v1/attempts/{attempt_id}", headers={"Authorization": "Basic x"}).status_code == 401
    wrong = client.get(f"/api/v1/attempts/{attempt_id}", headers=other_auth)
    missing = client.get("/api/v1/attempts/999999", headers=other_auth)
    assert wrong.status_code == missing.status_code == 404
    assert wrong.json == missing.json  # an existing id and an unknown one look the same
    assert client.post(f"/api/v1/attempts/{attempt_id}/submit", headers=other_auth).status_code == 404


@pytest.mark.parametrize(
    "body, status, field",
    [
        (b"{not json", 400, None),
        (b"[1, 2]", 400, None),
        (b"", 400, None),
        (json.dumps({"answer": {"choice": "nope"}}).encode(), 422, "choice"),
        (json.dumps({"answer": "boilerplate"}).encode(), 422, "answer"),
        (json.dumps({"answer": {"spans": [[0, 1]]}}).encode(), 422, "choice"),
        (json.dumps({"reply": 1}).encode(), 422, "answer"),
        (b"[" * 100_000, 400, None),
    ],
)
def test_bad_answers_get_4xx_with_a_message(client, quiz_id, body, status, field):
    attempt_id, auth = start(client, quiz_id)
    classify = client.get(f"/api/v1/quizzes/{quiz_id}").json["questions"][0]
    response = client.put(
        f"/api/v1/attempts/{attempt_id}/answers/{classify['id']}", data=body, headers={**auth, "Content-Type": "application/json"}
    )
    assert response.status_code == status
    assert response.json["error"]["message"]
    assert response.json["error"].get("field") == field


@pytest.mark.parametrize(
    "method, url",
    [
        ("get", "/api/v1/quizzes/999999"),
        ("get", "/api/v1/quizzes/99999999999999999999"),
        ("get", "/api/v1/quizzes/abc"),
        ("post", "/api/v1/quizzes/999999/attempts"),
        ("get", "/api/v1/nothing-here"),
    ],
)
def test_unknown_ids_are_json_404s(client, method, url):
    response = getattr(client, method)(url, json={"name": "x"})
    assert response.status_code == 404
    assert response.json["error"]["message"]


def test_unknown_question_in_this_attempt_is_a_404(client, quiz_id):
    attempt_id, auth = start(client, quiz_id)
    response = client.put(f"/api/v1/attempts/{attempt_id}/answers/999999", json={"answer": {"choice": "a"}}, headers=auth)
    assert response.status_code == 404 and response.json["error"]["field"] == "question_id"


@pytest.mark.parametrize("name, field", [("", "name"), ("   ", "name"), (7, "name"), ("x" * 81, "name"), ("a\x00b", "name")])
def test_bad_names_are_refused(client, quiz_id, name, field):
    response = client.post(f"/api/v1/quizzes/{quiz_id}/attempts", json={"name": name})
    assert response.status_code == 422 and response.json["error"]["field"] == field


def test_a_missing_name_is_named(client, quiz_id):
    response = client.post(f"/api/v1/quizzes/{quiz_id}/attempts", json={})
    assert response.status_code == 422 and response.json["error"]["field"] == "name"


def test_oversized_bodies_get_413_json(client, quiz_id):
    response = client.post(
        f"/api/v1/quizzes/{quiz_id}/attempts", data=b'{"name": "' + b"x" * 300_000 + b'"}', content_type="application/json"
    )
    assert response.status_code == 413 and "error" in response.json


def test_wrong_method_is_a_json_405(client, quiz_id):
    response = client.delete(f"/api/v1/quizzes/{quiz_id}")
    assert response.status_code == 405 and response.json["error"]["message"]


def test_scores_survive_a_restart(app, client, quiz_id):
    attempt_id, auth = start(client, quiz_id)
    body = client.post(f"/api/v1/attempts/{attempt_id}/submit", headers=auth).json
    restarted = create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"]})
    with restarted.test_client() as fresh:
        assert fresh.get(f"/api/v1/attempts/{attempt_id}", headers=auth).json["result"] == body
    with restarted.app_context():
        db.engine.dispose()


def test_an_older_save_never_overwrites_a_newer_one(client, quiz_id):
    attempt_id, auth = start(client, quiz_id)
    question = client.get(f"/api/v1/quizzes/{quiz_id}").json["questions"][0]
    url = f"/api/v1/attempts/{attempt_id}/answers/{question['id']}"
    newer = client.put(url, json={"answer": {"choice": "reported_fact"}, "seq": 2000}, headers=auth)
    assert newer.status_code == 200 and newer.json["seq"] == 2000
    older = client.put(url, json={"answer": {"choice": "boilerplate"}, "seq": 1000}, headers=auth)
    assert older.status_code == 409 and older.json["error"]["field"] == "seq"
    assert older.json["error"]["current"] == {"question_id": question["id"], "answer": {"choice": "reported_fact"}, "seq": 2000}
    stored = client.get(f"/api/v1/attempts/{attempt_id}", headers=auth).json["answers"]
    assert stored[0]["answer"] == {"choice": "reported_fact"}
    # a save without seq (a form, a script) takes the server's clock, later than any earlier browser seq
    assert client.put(url, json={"answer": {"choice": "boilerplate"}}, headers=auth).json["seq"] > 2000


@pytest.mark.parametrize("seq", [-1, 1.5, "7", True, 2**53])
def test_a_bad_seq_is_named(client, quiz_id, seq):
    attempt_id, auth = start(client, quiz_id)
    question = client.get(f"/api/v1/quizzes/{quiz_id}").json["questions"][0]
    response = client.put(
        f"/api/v1/attempts/{attempt_id}/answers/{question['id']}", json={"answer": {"choice": "boilerplate"}, "seq": seq}, headers=auth
    )
    assert response.status_code == 422 and response.json["error"]["field"] == "seq"


def test_a_database_outage_is_a_503_to_retry_not_a_500(app, client, quiz_id, monkeypatch):
    from sqlalchemy.exc import OperationalError

    from services import catalog

    def down(*args, **kwargs):
        raise OperationalError("SELECT 1", {}, Exception("connection refused"))

    monkeypatch.setattr(catalog, "practice_quizzes", down)
    response = client.get("/api/v1/quizzes")
    assert response.status_code == 503 and response.headers["Retry-After"] == "5"
    assert "not available" in response.json["error"]["message"]
    page = client.get("/")
    assert page.status_code == 503 and "text/html" in page.content_type
