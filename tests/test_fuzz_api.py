"""Schemathesis against the API's own OpenAPI document, through the WSGI app.

Every documented operation is fuzzed with data that fits the schema (positive) and data that
does not (negative), with the path ids either generated or real (the bundled quiz, its
questions, a live attempt; a teacher's article, passages, question set and its questions), and
every case of a secured operation is sent three times: with no token, with a made-up one, and
with a real token (the attempt's for attempt calls, a teacher's personal token for the others). Checks: never a 5xx, only
documented status codes, and every response conforms to the documented content type and schema.
"""

import secrets

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from quizzes.labels import LABEL_IDS
from quizzes.question_sets import bundled_article_text, bundled_document, parse_question_set
from services import accounts
from tests.test_api_authoring import TEXT, every_type
from web.api.openapi import openapi_document

KEYED = parse_question_set(bundled_document(), bundled_article_text())["questions"]
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
DOCUMENT = openapi_document()
OPERATIONS = [
    (method.upper(), path, bool(spec.get("security")), bool(spec.get("parameters") or spec.get("requestBody")))
    for path, methods in DOCUMENT["paths"].items()
    for method, spec in methods.items()
]
FUZZ = settings(
    max_examples=15,
    deadline=None,
    derandomize=False,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def cases():
    """(method, path, mode) for every operation: negative data only where there is input to break."""
    for method, path, _, has_input in OPERATIONS:
        for mode in ("positive", "negative") if has_input else ("positive",):
            yield pytest.param(method, path, mode, id=f"{method} {path} {mode}")


def credentials(method: str, path: str) -> list[str]:
    """The credentials every generated case is sent with: for a secured operation the right kind of
    real token (the attempt's, or a teacher's personal one), none, and a made-up one of that kind."""
    if not DOCUMENT["paths"][path][method.lower()].get("security"):
        return ["none"]
    if uses_attempt_token(method, path):
        return ["token", "none", "other"]
    return ["personal token", "none", "other personal"]


def uses_attempt_token(method: str, path: str) -> bool:
    return {"attemptToken": []} in DOCUMENT["paths"][path][method.lower()].get("security", [])


def key_answer(keyed: dict) -> dict:
    key = keyed["key"]
    return {"spans": key["spans"]} if "spans" in key else dict(key)


def teacher_world(app, client) -> dict:
    """A teacher's personal token, and their labelled article and set with a question of each type."""
    with app.app_context():
        teacher = accounts.create_teacher("fuzz@example.org", "Fuzz Teacher", "correct horse battery")
        _, secret = accounts.create_api_token(teacher, "fuzz")
    auth = {"Authorization": f"Bearer {secret}"}
    article = client.post("/api/v1/articles", json={"title": "Fuzz", "text": TEXT}, headers=auth).json
    for passage, label in zip(article["passages"], LABEL_IDS[:3]):
        url = f"/api/v1/articles/{article['id']}/passages/{passage['id']}/label"
        assert client.put(url, json={"label": label}, headers=auth).status_code == 200
    created = client.post("/api/v1/sets", json={"article_id": article["id"], "title": "Fuzz set"}, headers=auth)
    set_id = created.json["id"]
    questions = every_type(article["passages"])
    for fields in questions:
        assert client.post(f"/api/v1/sets/{set_id}/questions", json=fields, headers=auth).status_code == 201, fields
    return {
        "personal": auth,
        "article_id": article["id"],
        "passage_ids": [p["id"] for p in article["passages"]],
        "set_id": set_id,
        "set_question_ids": [q["id"] for q in client.get(f"/api/v1/sets/{set_id}", headers=auth).json["questions"]],
        "question_fields": questions,
    }


@pytest.fixture
def api(app, quiz_id):
    """The schema loaded from the running app, plus real ids, two attempts' tokens and a teacher's."""
    client = app.test_client()
    tokens = []
    for name in ("Ana", "Ben"):
        created = client.post(f"/api/v1/quizzes/{quiz_id}/attempts", json={"name": name})
        assert created.status_code == 201
        tokens.append((created.json["attempt_id"], created.json["token"]))
    questions = [q["id"] for q in client.get(f"/api/v1/quizzes/{quiz_id}").json["questions"]]
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    (attempt_id, token), _ = tokens  # a second attempt exists, but its token is not used here
    other_token = secrets.token_urlsafe(24)  # the shape of a token, but no attempt's
    # one saved answer of every type, so that reading the attempt returns every answer shape
    for kind in sorted({q["type"] for q in KEYED}):
        index = next(i for i, q in enumerate(KEYED) if q["type"] == kind)
        saved = client.put(
            f"/api/v1/attempts/{attempt_id}/answers/{questions[index]}",
            json={"answer": key_answer(KEYED[index])},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert saved.status_code == 200, saved.json
    teacher = teacher_world(app, client)
    return {
        "schema": schema,
        "quiz_id": quiz_id,
        "attempt_id": attempt_id,
        "question_ids": questions,
        **teacher,
        "headers": {
            "token": {"Authorization": f"Bearer {token}"},
            "other": {"Authorization": f"Bearer {other_token}"},
            "none": {},
            "personal token": teacher["personal"],
            "other personal": {"Authorization": f"Bearer fcp_{other_token}"},  # the shape of one, but nobody's
        },
    }


def test_every_route_of_the_blueprint_is_fuzzed(app):
    """The fuzzing covers the document; the document covers the routes (both ways)."""
    documented = {(m, p) for m, p, _, _ in OPERATIONS}
    routed = {
        (method, str(rule.rule).replace("<id:", "{").replace(">", "}"))
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("api.")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    assert routed == documented


@pytest.mark.parametrize("method, path, mode", list(cases()))
@FUZZ
@given(data=st.data())
def test_api_conforms_to_its_document(api, method, path, mode, data):
    operation = api["schema"][path][method]
    attempt_call = uses_attempt_token(method, path)
    authoring = path.startswith("/api/v1/sets/")
    fixed = {}
    if data.draw(st.booleans(), label="real ids"):
        real = {
            "quiz_id": api["quiz_id"],
            "attempt_id": api["attempt_id"],
            "question_id": data.draw(st.sampled_from(api["set_question_ids" if authoring else "question_ids"]), label="question"),
            "article_id": api["article_id"],
            "passage_id": data.draw(st.sampled_from(api["passage_ids"]), label="passage"),
            "set_id": data.draw(st.sampled_from([api["set_id"], api["quiz_id"]]), label="set"),
        }
        fixed = {
            p["name"]: real[p["name"]]
            for p in DOCUMENT["paths"][path][method.lower()].get("parameters", [])
            if p["in"] == "path" and p["name"] in real
        }
    case = data.draw(operation.as_strategy(GenerationMode(mode), path_parameters=fixed or None), label="case")
    if "question_id" in fixed and attempt_call and mode == "positive" and data.draw(st.booleans(), label="a valid answer"):
        # generated answers almost never name a real option or span: send a valid one too
        keyed = KEYED[api["question_ids"].index(fixed["question_id"])]
        case.body = {"answer": key_answer(keyed)}
    if authoring and path.endswith(("/questions", "{question_id}")) and method in ("POST", "PUT") and mode == "positive" \
            and data.draw(st.booleans(), label="valid question fields"):
        case.body = data.draw(st.sampled_from(api["question_fields"]), label="fields")
    if (method, path, mode) == ("POST", "/api/v1/sets", "positive") and data.draw(st.booleans(), label="real article"):
        case.body = {**case.body, "article_id": api["article_id"]}
    # the credentials are ours to choose: drop any Authorization header the generator made up
    case.headers = {k: v for k, v in (case.headers or {}).items() if k.lower() != "authorization"}
    # the case goes without credentials and with made-up ones first, so the real token's call
    # (which may change or delete what the case names) comes last
    for credential in sorted(credentials(method, path), key=lambda kind: kind in ("token", "personal token")):
        response = case.call(headers=api["headers"][credential])
        case.validate_response(response, checks=CHECKS)
        if credential in ("none", "other", "other personal") and DOCUMENT["paths"][path][method.lower()].get("security"):
            assert response.status_code in (401, 404), f"reached with {credential!r} credentials"
        if mode == "negative":
            assert response.status_code < 500
