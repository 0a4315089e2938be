"""The authoring API, by API calls only: articles, labels, question sets, questions, versions and
regrading; the forms' validation and messages; 4xx (never 500) for bad input; 404 for another
teacher's objects, 403 for students, 401 for nobody."""

import html
import json

import pytest

from quizzes.question_input import LabelledRange, QuestionInputError, question_document
from services import accounts, articles, question_editor
from tests.conftest import csrf_token, post_form, sign_in

PASSWORD = "correct horse battery"
TEXT = (
    "Experts argued that the plan failed because costs rose. "
    "The minister has claimed the plan was a success. "
    "According to official data, costs rose by 40 percent in 2023. "
    "So, could anyone really call this a triumph?"
)
LABELS = ["sourced_argument", "attributed_claim", "reported_fact", "editorial_framing"]


class Caller:
    """Calls /api/v1 with one set of credentials."""

    def __init__(self, client, headers=None):
        self.client, self.headers = client, headers or {}

    def __call__(self, method, path, body=None, raw=None):
        kwargs = {"data": raw, "content_type": "application/json"} if raw is not None else {"json": body}
        return self.client.open("/api/v1" + path, method=method, headers=self.headers, **kwargs)


def teacher_caller(app, email) -> Caller:
    with app.app_context():
        teacher = accounts.create_teacher(email, email.split("@")[0], PASSWORD)
        _, secret = accounts.create_api_token(teacher, "tests")
    return Caller(app.test_client(), {"Authorization": f"Bearer {secret}"})


@pytest.fixture
def ta(app):
    return teacher_caller(app, "a@example.org")


@pytest.fixture
def tb(app):
    return teacher_caller(app, "b@example.org")


@pytest.fixture
def student(app):
    with app.app_context():
        accounts.create_student("stu.dent", "Stu Dent", PASSWORD)
    client = app.test_client()
    assert sign_in(client, "stu.dent", PASSWORD).status_code == 302
    return Caller(client, {"X-CSRFToken": csrf_token(client.get("/login").get_data(as_text=True))})


def ok(response, status=200):
    assert response.status_code == status, (response.status_code, response.get_json())
    return response.json


def refused(response, status, field=None, message=None):
    assert response.status_code == status, (response.status_code, response.get_json())
    error = response.json["error"]
    assert error["message"]
    if field is not None:
        assert error.get("field") == field, error
    if message is not None:
        assert error["message"] == message, error
    return error


def span(passage) -> dict:
    return {"start": passage["start"], "end": passage["end"]}


def new_article(api, **extra) -> dict:
    return ok(api("POST", "/articles", {"title": "Costs", "text": TEXT, **extra}), 201)


def labelled_article(api) -> dict:
    article = new_article(api, outlet="The Daily", author="A. Writer", url="https://example.org/a", published_on="2024-02-03")
    for passage, label in zip(article["passages"], LABELS):
        assert ok(api("PUT", f"/articles/{article['id']}/passages/{passage['id']}/label", {"label": label}))["label"] == label
    return ok(api("GET", f"/articles/{article['id']}"))


def every_type(passages) -> list[dict]:
    """One question of each of the five types, as editor fields."""
    base = {"prompt": "What is this?", "explanation": "Because.", "points": 1}
    return [
        {**base, "type": "classify", "passage": span(passages[0]), "answer": "sourced_argument"},
        {**base, "type": "multiple_choice", "options": [{"text": "A fact", "correct": True}, {"text": "A claim"}]},
        {**base, "type": "multi_select", "options": [{"text": "x", "correct": True}, {"text": "y", "correct": True}, {"text": "z"}]},
        {**base, "type": "mark_words", "passage": span(passages[1]), "label": "attributed_claim", "phrases": ["has claimed"]},
        {**base, "type": "find_in_article", "label": "reported_fact"},
    ]


def new_set(api, article_id, title="Costs quiz") -> dict:
    return ok(api("POST", "/sets", {"article_id": article_id, "title": title, "description": "<p>Read closely</p>"}), 201)


def add_all(api, set_id, passages) -> list[dict]:
    added = []
    for fields in every_type(passages):
        edit = ok(api("POST", f"/sets/{set_id}/questions", fields), 201)
        assert edit["new_version"] is False and edit["set"]["id"] == set_id
        added.append(edit["question"])
    return added


# --------------------------------------------------------------------------------------------
# The whole path


def test_the_whole_path_by_api_only(app, ta, tb):
    article = labelled_article(ta)
    assert [a["id"] for a in ok(ta("GET", "/articles"))["articles"]] == [article["id"]]
    assert article["outlet"] == "The Daily" and article["published_on"] == "2024-02-03" and article["text"] == TEXT
    passages = article["passages"]
    assert [(p["label"], p["source"], p["accepted"]) for p in passages] == [(label, "teacher", True) for label in LABELS]

    quiz = new_set(ta, article["id"])
    assert (quiz["version"], quiz["owned"], quiz["published"], quiz["questions"]) == (1, True, False, [])
    added = add_all(ta, quiz["id"], passages)
    assert [q["type"] for q in added] == ["classify", "multiple_choice", "multi_select", "mark_words", "find_in_article"]
    assert added[4]["key"] == {"spans": [[passages[2]["start"], passages[2]["end"]]]}  # from the reported_fact label
    assert added[3]["phrases"] == ["has claimed"]

    # read back: full questions with keys and explanations, as editor fields
    full = ok(ta("GET", f"/sets/{quiz['id']}"))
    assert [q["id"] for q in full["questions"]] == [q["id"] for q in added]
    assert full["questions"][0]["answer"] == "sourced_argument" and full["questions"][0]["explanation"] == "Because."
    assert full["questions"][1]["options"] == [{"text": "A fact", "correct": True}, {"text": "A claim", "correct": False}]

    # edit, and a read question sent back as it came (id, position and key are ignored)
    changed = {**full["questions"][1], "prompt": "Which is it?", "points": 2}
    edit = ok(ta("PUT", f"/sets/{quiz['id']}/questions/{added[1]['id']}", changed))
    assert edit["new_version"] is False and edit["question"]["prompt"] == "Which is it?" and edit["question"]["points"] == 2

    # move the last question first; delete the multi-select one
    edit = ok(ta("POST", f"/sets/{quiz['id']}/questions/{added[4]['id']}/move", {"position": 1}))
    assert [q["id"] for q in edit["set"]["questions"]] == [added[i]["id"] for i in (4, 0, 1, 2, 3)]
    assert [q["position"] for q in edit["set"]["questions"]] == [1, 2, 3, 4, 5] and edit["question"]["position"] == 1
    edit = ok(ta("DELETE", f"/sets/{quiz['id']}/questions/{added[2]['id']}"))
    assert [q["id"] for q in edit["set"]["questions"]] == [added[i]["id"] for i in (4, 0, 1, 3)]
    assert edit["set"]["question_count"] == 4 and edit["new_version"] is False

    # not shared yet: teacher B cannot see it; shared: B previews it (keys too) and duplicates it
    refused(tb("GET", f"/sets/{quiz['id']}"), 404)
    edit = ok(ta("PATCH", f"/sets/{quiz['id']}", {"shared": True, "title": "Costs, shared"}))
    assert edit["set"]["shared"] is True and edit["set"]["title"] == "Costs, shared" and edit["new_version"] is False
    listed = {s["id"]: s for s in ok(tb("GET", "/sets"))["sets"]}
    assert listed[quiz["id"]]["owned"] is False
    assert ok(tb("GET", f"/sets/{quiz['id']}"))["questions"][1]["answer"] == "sourced_argument"
    refused(tb("PATCH", f"/sets/{quiz['id']}", {"title": "Mine now"}), 404)
    copy = ok(tb("POST", f"/sets/{quiz['id']}/duplicate"), 201)
    assert copy["owned"] is True and copy["title"] == "Copy of Costs, shared" and copy["id"] != quiz["id"]
    assert [q["prompt"] for q in copy["questions"]] == [q["prompt"] for q in edit["set"]["questions"]]
    assert not {q["id"] for q in copy["questions"]} & {q["id"] for q in edit["set"]["questions"]}
    ok(tb("PUT", f"/sets/{copy['id']}/questions/{copy['questions'][0]['id']}", {**copy["questions"][0], "prompt": "B's"}))
    assert ok(ta("GET", f"/sets/{quiz['id']}"))["questions"][0]["prompt"] == "What is this?"

    # publish for practice; a guest answers the classify question rightly and submits
    edit = ok(ta("PATCH", f"/sets/{quiz['id']}", {"published": True, "open_practice": True}))
    assert (edit["set"]["published"], edit["set"]["open_practice"]) == (True, True)
    guest = Caller(app.test_client())
    started = ok(guest("POST", f"/quizzes/{quiz['id']}/attempts", {"name": "Gus"}), 201)
    guest.headers = {"Authorization": f"Bearer {started['token']}"}
    classify_id = added[0]["id"]
    ok(guest("PUT", f"/attempts/{started['attempt_id']}/answers/{classify_id}", {"answer": {"choice": "sourced_argument"}}))
    before = ok(guest("POST", f"/attempts/{started['attempt_id']}/submit"))
    assert before["score"] == 1

    # now an edit makes version 2: a new set id and new question ids; version 1 is read-only
    classify = next(q for q in edit["set"]["questions"] if q["id"] == classify_id)
    edit = ok(ta("PUT", f"/sets/{quiz['id']}/questions/{classify_id}", {**classify, "answer": "reported_fact"}))
    new = edit["set"]
    assert edit["new_version"] is True and new["id"] != quiz["id"] and new["version"] == 2
    assert new["previous_id"] == quiz["id"] and new["published"] is True and new["editable"] is True
    assert edit["question"]["id"] != classify_id and edit["question"]["answer"] == "reported_fact"
    assert not {q["id"] for q in new["questions"]} & {q["id"] for q in ok(ta("GET", f"/sets/{quiz['id']}"))["questions"]}
    old = ok(ta("GET", f"/sets/{quiz['id']}"))
    assert (old["published"], old["editable"], old["versions"]) == (False, False, new["versions"])
    assert new["versions"] == [{"id": quiz["id"], "version": 1}, {"id": new["id"], "version": 2}]
    refused(ta("PATCH", f"/sets/{quiz['id']}", {"title": "Old"}), 409, "quiz_id",
            "This is version 1; edit the newest version (2) instead.")
    refused(ta("POST", f"/sets/{quiz['id']}/questions", every_type(passages)[1]), 409)
    assert quiz["id"] not in {s["id"] for s in ok(ta("GET", "/sets"))["sets"]}  # only the newest version is listed
    # further edits of version 2 stay in it (nobody attempted version 2)
    again = ok(ta("PATCH", f"/sets/{new['id']}", {"description": "<p>v2</p>"}))
    assert again["new_version"] is False and again["set"]["id"] == new["id"]

    # regrade: a dry run changes nothing; applying moves the attempt to version 2 with its new score
    dry = ok(ta("GET", f"/sets/{new['id']}/regrade"))
    row = {"attempt_id": started["attempt_id"], "student": "Gus", "version": 1, "old_score": 1.0, "new_score": 0.0,
           "old_max": before["max_score"], "new_max": before["max_score"], "changed": True}
    assert dry == {"set_id": new["id"], "applied": False, "attempts": [row]}
    assert ok(guest("GET", f"/attempts/{started['attempt_id']}"))["result"]["score"] == 1
    assert ok(ta("POST", f"/sets/{new['id']}/regrade")) == {"set_id": new["id"], "applied": True, "attempts": [row]}
    assert ok(guest("GET", f"/attempts/{started['attempt_id']}"))["result"]["score"] == 0
    assert ok(ta("GET", f"/sets/{new['id']}/regrade"))["attempts"] == []
    refused(ta("GET", f"/sets/{quiz['id']}/regrade"), 409)

    # a set students have cannot be deleted; an unused one can
    refused(ta("DELETE", f"/sets/{new['id']}"), 409, "quiz_id")
    spare = new_set(ta, article["id"], "Spare")
    assert ta("DELETE", f"/sets/{spare['id']}").status_code == 204
    refused(ta("GET", f"/sets/{spare['id']}"), 404)


def test_a_set_on_the_bundled_article_and_the_bundled_set(app, ta, quiz_id):
    bundled = ok(ta("GET", f"/sets/{quiz_id}"))
    assert bundled["owned"] is False and bundled["editable"] is False and len(bundled["questions"]) == 26
    refused(ta("PATCH", f"/sets/{quiz_id}", {"title": "Mine"}), 404)
    refused(ta("DELETE", f"/sets/{quiz_id}"), 404)
    mine = new_set(ta, bundled["article_id"], "On the bundled article")
    assert mine["article_id"] == bundled["article_id"] and mine["owned"] is True
    copy = ok(ta("POST", f"/sets/{quiz_id}/duplicate"), 201)
    assert copy["owned"] is True and len(copy["questions"]) == 26


# --------------------------------------------------------------------------------------------
# Articles and labels


def test_article_metadata_can_be_changed_but_not_its_text(app, ta):
    article = new_article(ta)
    changed = ok(ta("PATCH", f"/articles/{article['id']}", {"title": "New title", "outlet": "Outlet", "published_on": None}))
    assert (changed["title"], changed["outlet"], changed["published_on"], changed["text"]) == ("New title", "Outlet", None, TEXT)
    refused(ta("PATCH", f"/articles/{article['id']}", {"text": "Other"}), 422, "text")
    refused(ta("PATCH", f"/articles/{article['id']}", {"url": "ftp://x", "title": "Never saved"}), 422, "url")
    assert ok(ta("GET", f"/articles/{article['id']}"))["title"] == "New title"


def test_an_article_in_use_cannot_be_deleted_then_can(app, ta):
    article = new_article(ta)
    quiz = new_set(ta, article["id"])
    error = refused(ta("DELETE", f"/articles/{article['id']}"), 409, "article_id")
    assert error["message"].startswith("1 question set(s) use this article")
    assert ta("DELETE", f"/sets/{quiz['id']}").status_code == 204
    assert ta("DELETE", f"/articles/{article['id']}").status_code == 204
    refused(ta("GET", f"/articles/{article['id']}"), 404)
    assert ok(ta("GET", "/articles"))["articles"] == []
    refused(ta("POST", "/sets", {"article_id": article["id"], "title": "Gone"}), 404, "article_id")


def test_labels_are_set_cleared_and_suggested(app, ta):
    article = new_article(ta)
    first, second = article["passages"][:2]
    url = f"/articles/{article['id']}/passages/{first['id']}/label"
    refused(ta("PUT", url, {"label": "nonsense"}), 422, "label", "Choose one of the six labels.")
    refused(ta("PUT", url, {}), 422, "label", "label is required")
    refused(ta("PUT", url, {"label": ["reported_fact"]}), 422, "label")
    assert ok(ta("PUT", url, {"label": "reported_fact"}))["label"] == "reported_fact"
    assert ok(ta("DELETE", url))["label"] is None
    assert ok(ta("PUT", url, {"label": "reported_fact"}))["label"] == "reported_fact"
    assert ok(ta("PUT", url, {"label": None}))["label"] is None  # as "No label" in the form
    refused(ta("PUT", f"/articles/{article['id']}/passages/999999/label", {"label": "reported_fact"}), 404, "passage_id")
    ok(ta("PUT", f"/articles/{article['id']}/passages/{second['id']}/label", {"label": "attributed_claim"}))
    suggested = ok(ta("POST", f"/articles/{article['id']}/suggest"))["suggested"]
    passages = ok(ta("GET", f"/articles/{article['id']}"))["passages"]
    analyzer = [p for p in passages if p["source"] == "analyzer"]
    assert suggested == len(analyzer) and all(p["accepted"] is False for p in analyzer)
    assert passages[1]["source"] == "teacher"  # a teacher's label is never replaced by a suggestion
    assert ok(ta("POST", f"/articles/{article['id']}/suggest"))["suggested"] == 0


# --------------------------------------------------------------------------------------------
# The forms' validation and messages


@pytest.mark.parametrize(
    "body, field",
    [
        ({"title": "", "text": TEXT}, "title"),
        ({"title": "T", "text": "   "}, "text"),
        ({"title": "T", "text": TEXT, "url": "javascript:alert(1)"}, "url"),
        ({"title": "T", "text": "x" * (articles.MAX_CHARACTERS + 1)}, "text"),
    ],
    ids=["no title", "no text", "bad url", "too long"],
)
def test_article_refusals_say_what_the_form_says(app, ta, body, field):
    error = refused(ta("POST", "/articles", body), 422, field)
    page = app.test_client()
    assert sign_in(page, "a@example.org", PASSWORD).status_code == 302
    form = post_form(page, "/teach/articles", {**body, "published_on": ""})
    assert form.status_code == 422 and html.escape(error["message"]) in form.get_data(as_text=True)


def test_article_limits_are_the_services(app, ta):
    refused(ta("POST", "/articles", {"title": "t" * 301, "text": TEXT}), 422, "title",
            "The title has 301 characters; the limit is 300.")
    refused(ta("POST", "/articles", {"title": "T", "text": TEXT, "author": "a" * 201}), 422, "author",
            "The author has 201 characters; the limit is 200.")
    refused(ta("POST", "/articles", {"title": "T", "text": TEXT, "published_on": "2024-02-30"}), 422, "published_on",
            "Not a valid date value.")
    refused(ta("PATCH", f"/articles/{new_article(ta)['id']}", {"title": "  "}), 422, "title", "Give the article a title.")


BAD_QUESTIONS = {
    "no type": {"prompt": "P", "explanation": "E"},
    "unknown type": {"type": "essay", "prompt": "P", "explanation": "E"},
    "empty": {"type": "classify"},
    "points": {"type": "multiple_choice", "prompt": "P", "explanation": "E", "points": 0,
               "options": [{"text": "a", "correct": True}, {"text": "b"}]},
    "huge points": {"type": "multiple_choice", "prompt": "P", "explanation": "E", "points": 10**400,
                    "options": [{"text": "a", "correct": True}, {"text": "b"}]},
    "no passage": {"type": "classify", "prompt": "P", "explanation": "E", "answer": "reported_fact"},
    "passage outside": {"type": "classify", "prompt": "P", "explanation": "E", "answer": "reported_fact",
                        "passage": {"start": 0, "end": 10**6}},
    "passage shape": {"type": "classify", "prompt": "P", "explanation": "E", "answer": "reported_fact", "passage": [0, 5]},
    "bad label": {"type": "classify", "prompt": "P", "explanation": "E", "answer": "spin", "passage": {"start": 0, "end": 5}},
    "one option": {"type": "multiple_choice", "prompt": "P", "explanation": "E", "options": [{"text": "a", "correct": True}]},
    "two right": {"type": "multiple_choice", "prompt": "P", "explanation": "E",
                  "options": [{"text": "a", "correct": True}, {"text": "b", "correct": True}]},
    "none right": {"type": "multi_select", "prompt": "P", "explanation": "E", "options": [{"text": "a"}, {"text": "b"}]},
    "same options": {"type": "multi_select", "prompt": "P", "explanation": "E",
                     "options": [{"text": "a", "correct": True}, {"text": "a"}]},
    "phrase elsewhere": {"type": "mark_words", "prompt": "P", "explanation": "E", "label": "attributed_claim",
                         "passage": {"start": 0, "end": 55}, "phrases": ["has claimed"]},
    "no phrases": {"type": "mark_words", "prompt": "P", "explanation": "E", "label": "attributed_claim",
                   "passage": {"start": 0, "end": 55}, "phrases": []},
    "nothing labelled": {"type": "find_in_article", "prompt": "P", "explanation": "E", "label": "headline_teaser"},
    "prompt not text": {"type": "classify", "prompt": 5, "explanation": "E", "answer": "reported_fact",
                        "passage": {"start": 0, "end": 5}},
}


@pytest.mark.parametrize("fields", BAD_QUESTIONS.values(), ids=BAD_QUESTIONS.keys())
def test_question_refusals_name_every_field_with_the_editors_message(app, ta, fields):
    article = labelled_article(ta)
    quiz = new_set(ta, article["id"])
    labelled = [LabelledRange(p["start"], p["end"], p["label"]) for p in article["passages"]]
    with pytest.raises(QuestionInputError) as expected:
        question_document(fields, TEXT, labelled)
    error = refused(ta("POST", f"/sets/{quiz['id']}/questions", fields), 422)
    assert error["fields"] == expected.value.errors
    assert (error["field"], error["message"]) == next(iter(expected.value.errors.items()))
    # the same refusal when replacing a question, and nothing was stored
    added = add_all(ta, quiz["id"], article["passages"])
    assert refused(ta("PUT", f"/sets/{quiz['id']}/questions/{added[0]['id']}", fields), 422)["fields"] == expected.value.errors
    assert ok(ta("GET", f"/sets/{quiz['id']}"))["questions"] == added


def test_set_details_refusals(app, ta):
    article = new_article(ta)
    title_message = f"A title of 1 to {question_editor.MAX_TITLE} characters."
    error = refused(ta("POST", "/sets", {"article_id": article["id"], "title": " ",
                                         "description": "x" * (question_editor.MAX_DESCRIPTION + 1)}), 422, "title")
    assert error["fields"] == {"title": title_message, "description": f"At most {question_editor.MAX_DESCRIPTION:,} characters."}
    quiz = new_set(ta, article["id"])
    refused(ta("PATCH", f"/sets/{quiz['id']}", {"title": "t" * 201}), 422, "title", title_message)
    refused(ta("PATCH", f"/sets/{quiz['id']}", {"published": True}), 409, "quiz_id", "Add a question before publishing.")
    refused(ta("PATCH", f"/sets/{quiz['id']}", {"published": "yes"}), 422, "published", "published must be true or false")
    refused(ta("PATCH", f"/sets/{quiz['id']}", {"publish": True}), 422, "publish", "unknown field 'publish'")
    refused(ta("POST", "/sets", {"title": "No article"}), 422, "article_id", "article_id is required")
    refused(ta("POST", "/sets", {"article_id": "1", "title": "T"}), 422, "article_id")
    refused(ta("POST", "/sets", {"article_id": 2**40, "title": "T"}), 422, "article_id")
    refused(ta("POST", "/sets", {"article_id": 999_999, "title": "T"}), 404, "article_id")


def test_move_refusals(app, ta):
    article = labelled_article(ta)
    quiz = new_set(ta, article["id"])
    added = add_all(ta, quiz["id"], article["passages"])
    url = f"/sets/{quiz['id']}/questions/{added[0]['id']}/move"
    for position in (0, 6, "2", 1.5, True, None):
        refused(ta("POST", url, {"position": position}), 422, "position", "position must be a whole number from 1 to 5")
    refused(ta("POST", f"/sets/{quiz['id']}/questions/999999/move", {"position": 1}), 404, "question_id")


def test_a_published_set_keeps_one_question(app, ta):
    article = labelled_article(ta)
    quiz = new_set(ta, article["id"])
    only = ok(ta("POST", f"/sets/{quiz['id']}/questions", every_type(article["passages"])[1]), 201)["question"]
    ok(ta("PATCH", f"/sets/{quiz['id']}", {"published": True}))
    refused(ta("DELETE", f"/sets/{quiz['id']}/questions/{only['id']}"), 409, "question_id",
            "A published set keeps at least one question: unpublish it first.")


# --------------------------------------------------------------------------------------------
# Bad input is a 4xx, never a 500


MALFORMED = [
    b"",
    b"{",
    b"[1, 2]",
    b'"text"',
    b"null",
    b'{"title": "a\\u0000b", "text": "x"}',
    b'{"title": "a\\ud800b", "text": "x"}',
    b'{"\\udfff": 1}',
    b'{"options": [{"text": "\\ud83d"}]}',
    b'{"title": 5, "text": ["x"], "published_on": 20240101}',
    b'{"article_id": true, "title": {}}',
    b'{"position": 1e400}',
    b'{"label": {"a": 1}}',
    b'{"published": null, "shared": 1}',
    b'{"type": [], "points": "many"}',
    b'{"type": {}, "prompt": []}',
    b'{"type": "classify", "prompt": "P", "explanation": "E", "points": 1' + b"0" * 400 + b'}',
    b'{"type": "classify", "prompt": "P", "explanation": "E", "answer": "reported_fact", "passage": {"start": 1e400, "end": 2}}',
    b'{"type": "multiple_choice", "prompt": "P", "explanation": "E", "options": "a\\nb"}',
    b'{"type": "mark_words", "prompt": "P", "explanation": "E", "label": "x", "phrases": [1, 2], "passage": {"start": "0", "end": "x"}}',
    b'{"id": 1, "position": 1, "key": 1, "type": "multi_select", "options": [1, 2]}',
    b"[" * 5000 + b"]" * 5000,
]


@pytest.fixture
def world(app, ta):
    article = labelled_article(ta)
    quiz = new_set(ta, article["id"])
    question = add_all(ta, quiz["id"], article["passages"])[0]
    return {"article": article["id"], "passage": article["passages"][0]["id"], "set": quiz["id"], "question": question["id"]}


BODY_CALLS = [
    ("POST", "/articles"),
    ("PATCH", "/articles/{article}"),
    ("PUT", "/articles/{article}/passages/{passage}/label"),
    ("POST", "/sets"),
    ("PATCH", "/sets/{set}"),
    ("POST", "/sets/{set}/questions"),
    ("PUT", "/sets/{set}/questions/{question}"),
    ("POST", "/sets/{set}/questions/{question}/move"),
]


@pytest.mark.parametrize("raw", MALFORMED, ids=lambda raw: raw[:40].decode())
def test_malformed_or_mistyped_bodies_are_refused_never_500(app, ta, world, raw):
    for method, path in BODY_CALLS:
        response = ta(method, path.format(**world), raw=raw)
        assert 400 <= response.status_code < 500, (method, path, response.status_code, response.get_json())
        assert response.json["error"]["message"]


def test_text_no_database_stores_is_named(app, ta):
    refused(ta("POST", "/articles", raw=b'{"title": "a\\ud800b", "text": "x"}'), 422, "title")
    refused(ta("POST", "/articles", raw=b'{"title": "T", "text": "a\\u0000b"}'), 422, "text")


# --------------------------------------------------------------------------------------------
# Who may call


def every_call(ids) -> list[tuple[str, str, dict | None]]:
    question = every_type([{"start": 0, "end": 55}, {"start": 56, "end": 104}])[1]
    return [
        ("GET", "/articles/{article}", None),
        ("PATCH", "/articles/{article}", {"title": "Mine"}),
        ("DELETE", "/articles/{article}", None),
        ("PUT", "/articles/{article}/passages/{passage}/label", {"label": "reported_fact"}),
        ("DELETE", "/articles/{article}/passages/{passage}/label", None),
        ("POST", "/articles/{article}/suggest", None),
        ("POST", "/sets", {"article_id": ids["article"], "title": "On A's article"}),
        ("GET", "/sets/{set}", None),
        ("PATCH", "/sets/{set}", {"shared": True}),
        ("DELETE", "/sets/{set}", None),
        ("POST", "/sets/{set}/duplicate", None),
        ("POST", "/sets/{set}/questions", question),
        ("PUT", "/sets/{set}/questions/{question}", question),
        ("DELETE", "/sets/{set}/questions/{question}", None),
        ("POST", "/sets/{set}/questions/{question}/move", {"position": 1}),
        ("GET", "/sets/{set}/regrade", None),
        ("POST", "/sets/{set}/regrade", None),
    ]


def test_another_teachers_objects_are_404_like_missing_ones(app, ta, tb, world):
    missing = {name: 2_000_000_000 for name in world}
    for (method, path, body), (_, _, missing_body) in zip(every_call(world), every_call(missing)):
        others = tb(method, path.format(**world), body)
        nothing = tb(method, path.format(**missing), missing_body)
        assert others.status_code == nothing.status_code == 404, (method, path, others.status_code, nothing.status_code)
        assert others.json == nothing.json
    assert ok(tb("GET", "/articles"))["articles"] == []
    assert world["set"] not in {s["id"] for s in ok(tb("GET", "/sets"))["sets"]}
    # and A's objects are untouched
    assert ok(ta("GET", f"/articles/{world['article']}"))["title"] == "Costs"
    assert ok(ta("GET", f"/sets/{world['set']}"))["shared"] is False


def test_students_are_refused_and_nobody_is_asked_to_sign_in(app, student, world):
    calls = [("GET", "/articles", None), ("POST", "/articles", {"title": "T", "text": TEXT}), ("GET", "/sets", None),
             *every_call(world)]
    nobody = Caller(app.test_client())
    for method, path, body in calls:
        refused(student(method, path.format(**world), body), 403)
        error = refused(nobody(method, path.format(**world), body), 401, "Authorization")
        assert error["message"]


def test_the_session_cookie_works_with_the_csrf_header(app, ta):
    page = app.test_client()
    assert sign_in(page, "a@example.org", PASSWORD).status_code == 302
    cookie = Caller(page)
    assert cookie("GET", "/articles").status_code == 200
    assert cookie("POST", "/articles", {"title": "T", "text": TEXT}).status_code == 400
    cookie.headers = {"X-CSRFToken": csrf_token(page.get("/login").get_data(as_text=True))}
    assert cookie("POST", "/articles", {"title": "T", "text": TEXT}).status_code == 201


def test_a_long_article_fits_in_the_body_limit(app, ta):
    text = ("é" * 99 + "\n") * 1000  # 100,000 characters, 200 KB as UTF-8, 600 KB as \\u escapes
    raw = json.dumps({"title": "Long", "text": text}).encode()
    assert len(raw) > 256 * 1024
    assert ok(ta("POST", "/articles", raw=raw), 201)["text"] == text
    refused(ta("POST", "/articles", raw=json.dumps({"title": "Huge", "text": "x" * 2_200_000}).encode()), 413)
    refused(ta("POST", "/sets", raw=json.dumps({"title": "x" * 300_000}).encode()), 413)  # other calls keep 256 KB
