"""Hostile input on the HTML forms (start a quiz, answer a question, submit): oversized bodies,
wrong types, a missing CSRF token, and unicode edge cases in the display name and the answer.

Every response is a 4xx with a message the student can read, or a redirect / 200 that did what
was asked -- never a 500 -- and nothing already saved is lost.
"""

import html
import re

import pytest
import sqlalchemy as sa

from models import Attempt, Response, db
from quizzes.question_sets import bundled_article_text, bundled_document, parse_question_set
from quizzes.questions.spans import MAX_SPANS, word_spans
from tests.conftest import csrf_token

QUESTIONS = parse_question_set(bundled_document(), bundled_article_text())["questions"]
TEXT = bundled_article_text()
LIMIT = 256 * 1024  # MAX_CONTENT_LENGTH
FORM = "application/x-www-form-urlencoded"

NUMBER = {kind: next(n for n, q in enumerate(QUESTIONS, start=1) if q["type"] == kind) for kind in {q["type"] for q in QUESTIONS}}


def page_text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def assert_clear_refusal(response, *messages: str):
    """A 4xx with an HTML page that says what is wrong (one of ``messages``)."""
    assert 400 <= response.status_code < 500, (response.status_code, response.get_data(as_text=True)[:500])
    text = page_text(response)
    assert any(m in text for m in messages), (messages, text[:2000])


def attempt_count(app) -> int:
    with app.app_context():
        return db.session.scalar(sa.select(sa.func.count(Attempt.id)))


def stored_answers(app, attempt_id) -> dict:
    with app.app_context():
        rows = db.session.scalars(sa.select(Response).where(Response.attempt_id == attempt_id)).all()
        return {r.question_id: r.answer for r in rows}


def stored_name(app, attempt_id) -> str:
    with app.app_context():
        return db.session.get(Attempt, attempt_id).display_name


def start(client, quiz_id, name="Ana") -> int:
    page = client.get(f"/quizzes/{quiz_id}").get_data(as_text=True)
    response = client.post(f"/quizzes/{quiz_id}", data={"name": name, "csrf_token": csrf_token(page)})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return int(re.search(r"/attempts/(\d+)/", response.headers["Location"]).group(1))


def raw_post(client, url: str, body: bytes):
    return client.post(url, data=body, content_type=FORM)


def token_for(client, url: str) -> str:
    return csrf_token(client.get(url).get_data(as_text=True))


def form_body(csrf: str, *pairs: tuple[str, bytes | str]) -> bytes:
    """An urlencoded body; values given as bytes are sent as they are (already percent-encoded)."""
    from urllib.parse import quote_plus

    parts = [b"csrf_token=" + quote_plus(csrf).encode()]
    for name, value in pairs:
        parts.append(name.encode() + b"=" + (value if isinstance(value, bytes) else quote_plus(value).encode()))
    return b"&".join(parts)


# --- the display name ----------------------------------------------------------------------------

NAME_TOO_LONG = "at most 80 characters"
REFUSED_NAMES = {
    "empty": ("", ("This field is required", "enter a name")),
    "spaces": ("   \t  ", ("This field is required", "enter a name")),
    "81 characters": ("x" * 81, ("Field cannot be longer than 80 characters", NAME_TOO_LONG)),
    "NUL byte": ("Ana\x00Ben", ("control characters",)),
    "bell": ("Ana\x07", ("control characters",)),
    "escape sequence": ("\x1b[31mAna", ("control characters",)),
    "newline inside": ("Ana\nBen", ("control characters",)),
    "too many combining marks": ("e" + "\u0301" * 100, ("Field cannot be longer than 80 characters", NAME_TOO_LONG)),
    "80 emoji and one more": ("🦊" * 81, ("Field cannot be longer than 80 characters", NAME_TOO_LONG)),
}


@pytest.mark.parametrize("name, messages", REFUSED_NAMES.values(), ids=REFUSED_NAMES.keys())
def test_a_refused_name_gets_a_422_that_says_why_and_starts_nothing(app, client, quiz_id, name, messages):
    url = f"/quizzes/{quiz_id}"
    response = raw_post(client, url, form_body(token_for(client, url), ("name", name)))
    assert response.status_code == 422
    assert_clear_refusal(response, *messages)
    assert 'aria-invalid="true"' in response.get_data(as_text=True)  # the field is marked for screen readers
    assert attempt_count(app) == 0


ACCEPTED_NAMES = {
    "right-to-left override": "Ana\u202eadnA",
    "right-to-left text": "نور الهدى",
    "combining marks": "Zoe\u0308 Ame\u0301lie",
    "emoji with ZWJ": "👩\u200d🔬 Ana",
    "flag and skin tone": "🇺🇦 👋🏽",
    "80 characters": "é" * 80,
    "markup": "<script>alert(1)</script>",
    "quotes and ampersand": "O'Brien & \"Sons\"",
    "outer whitespace is trimmed": "  Ana  ",
}


@pytest.mark.parametrize("name", ACCEPTED_NAMES.values(), ids=ACCEPTED_NAMES.keys())
def test_an_unusual_but_printable_name_is_kept_exactly_and_shown_escaped(app, client, quiz_id, name):
    attempt_id = start(client, quiz_id, name)
    assert stored_name(app, attempt_id) == name.strip()
    page = client.get(f"/attempts/{attempt_id}/questions/1")
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.get_data(as_text=True)


@pytest.mark.parametrize(
    "encoded",
    [b"%ED%A0%80", b"Ana%ED%B0%80", b"%C3%28", b"%FF%FE", b"%F0%9F%A6", b"%uD800", b"%", b"%ZZ", b"Ana%00"],
    ids=["lone high surrogate", "lone low surrogate", "bad continuation", "not UTF-8", "cut emoji",
         "%u escape", "bare percent", "bad hex", "percent-encoded NUL"],
)
def test_a_name_that_is_not_valid_utf8_is_never_a_500(app, client, quiz_id, encoded):
    url = f"/quizzes/{quiz_id}"
    response = raw_post(client, url, form_body(token_for(client, url), ("name", encoded)))
    if response.status_code == 302:  # decoded with replacement characters: a printable name
        attempt_id = int(re.search(r"/attempts/(\d+)/", response.headers["Location"]).group(1))
        name = stored_name(app, attempt_id)
        assert name and not any("\ud800" <= c <= "\udfff" or c == "\x00" for c in name)
        assert client.get(response.headers["Location"]).status_code == 200
    else:
        assert response.status_code == 422
        assert_clear_refusal(response, "control characters", "This field is required", "enter a name")
        assert attempt_count(app) == 0


def test_a_name_given_twice_or_as_a_file_is_handled(app, client, quiz_id):
    url = f"/quizzes/{quiz_id}"
    twice = raw_post(client, url, form_body(token_for(client, url), ("name", "Ana"), ("name", "Ben")))
    assert twice.status_code == 302
    attempt_id = int(re.search(r"/attempts/(\d+)/", twice.headers["Location"]).group(1))
    assert stored_name(app, attempt_id) in ("Ana", "Ben")
    from io import BytesIO

    as_file = client.post(url, data={"csrf_token": token_for(client, url), "name": (BytesIO(b"Ana"), "name.txt")},
                          content_type="multipart/form-data")
    assert as_file.status_code in (302, 422), as_file.status_code
    if as_file.status_code == 422:
        assert_clear_refusal(as_file, "This field is required", "enter a name")


def test_a_name_over_the_body_limit_is_a_413_page(app, client, quiz_id):
    url = f"/quizzes/{quiz_id}"
    response = raw_post(client, url, form_body(token_for(client, url), ("name", "x" * (LIMIT + 1))))
    assert response.status_code == 413
    assert_clear_refusal(response, "Too much data")
    assert attempt_count(app) == 0


def test_a_name_just_under_the_body_limit_is_a_422_not_a_crash(app, client, quiz_id):
    url = f"/quizzes/{quiz_id}"
    csrf = token_for(client, url)
    filler = LIMIT - len(form_body(csrf, ("name", ""))) - 1
    body = form_body(csrf, ("name", "x" * filler))
    assert len(body) < LIMIT
    response = raw_post(client, url, body)
    assert response.status_code == 422
    assert_clear_refusal(response, "Field cannot be longer than 80 characters", NAME_TOO_LONG)
    assert attempt_count(app) == 0


# --- CSRF ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("token", [None, "", "forged", "x" * 10_000, "\x00", "ü"], ids=["missing", "empty", "forged", "huge", "NUL", "non-ascii"])
def test_a_form_without_a_valid_csrf_token_is_a_400_that_says_so(app, client, quiz_id, token):
    attempt_id = start(client, quiz_id)
    number = NUMBER["classify"]
    keyed = QUESTIONS[number - 1]
    url = f"/attempts/{attempt_id}/questions/{number}"
    first = client.post(url, data={"answer": keyed["key"]["choice"], "csrf_token": token_for(client, url)})
    assert first.status_code == 302
    before = stored_answers(app, attempt_id)
    other = next(label for label in ("boilerplate", "reported_fact") if label != keyed["key"]["choice"])
    extra = {} if token is None else {"csrf_token": token}
    for target, data in [
        (f"/quizzes/{quiz_id}", {"name": "Mallory"}),
        (url, {"answer": other}),
        (f"/attempts/{attempt_id}/submit", {}),
        (f"/attempts/{attempt_id}/retry", {}),
    ]:
        response = client.post(target, data={**data, **extra})
        assert_clear_refusal(response, "The form expired or was not sent from this site")
        assert response.status_code == 400
    assert stored_answers(app, attempt_id) == before, "nothing saved is lost or changed"
    assert attempt_count(app) == 1
    with app.app_context():
        assert db.session.get(Attempt, attempt_id).state == "in_progress"


def test_a_csrf_token_from_another_session_is_refused(app, client, quiz_id):
    other = app.test_client()
    stolen = token_for(other, f"/quizzes/{quiz_id}")
    client.get(f"/quizzes/{quiz_id}")
    response = client.post(f"/quizzes/{quiz_id}", data={"name": "Ana", "csrf_token": stolen})
    assert response.status_code == 400
    assert attempt_count(app) == 0


# --- the answer field --------------------------------------------------------------------------------


def _saved_first(app, client, quiz_id, kind: str):
    """An attempt with the right answer to the first question of ``kind`` saved through the form."""
    attempt_id = start(client, quiz_id)
    number = NUMBER[kind]
    keyed = QUESTIONS[number - 1]
    url = f"/attempts/{attempt_id}/questions/{number}"
    key = keyed["key"]
    if "choice" in key:
        values = [key["choice"]]
    elif "choices" in key:
        values = key["choices"]
    elif kind == "find_in_article":
        values = [f"{s}-{e}" for s, e in key["spans"]]
    else:
        units = word_spans(TEXT[keyed["start"]:keyed["end"]], keyed["start"])
        values = [f"{s}-{e}" for s, e in units if any(ks <= s and e <= ke for ks, ke in key["spans"])]
    saved = client.post(url, data={"answer": values, "go": "next", "csrf_token": token_for(client, url)})
    assert saved.status_code == 302
    answers = stored_answers(app, attempt_id)
    assert len(answers) == 1
    return attempt_id, url, answers


HOSTILE_ANSWERS = {
    "unknown option": ["opinion"],
    "empty string": [""],
    "NUL byte": ["\x00"],
    "NUL inside a real id": ["boilerplate\x00"],
    "RTL override": ["\u202eboilerplate"],
    "combining mark on a real id": ["a\u0301"],
    "emoji": ["🦊"],
    "lone surrogate, percent-encoded": [b"%ED%A0%80"],
    "invalid UTF-8": [b"%FF%FE%00"],
    "a span for a choice": ["0-10"],
    "negative span": ["-5-10"],
    "reversed span": ["10-5"],
    "huge span": [f"0-{10**30}"],
    "span outside the article": ["999999-1000000"],
    "three numbers": ["1-2-3"],
    "unicode digits": ["١-٢"],
    "a list of everything": ["a", "b", "a", "0-1", "", "\x00"],
    "an object": ['{"choice": "boilerplate"}'],
}


@pytest.mark.parametrize("kind", ["classify", "multiple_choice", "multi_select", "mark_words", "find_in_article"])
@pytest.mark.parametrize("values", HOSTILE_ANSWERS.values(), ids=HOSTILE_ANSWERS.keys())
def test_a_hostile_answer_is_refused_with_a_message_and_keeps_the_saved_one(app, client, quiz_id, kind, values):
    attempt_id, url, before = _saved_first(app, client, quiz_id, kind)
    body = form_body(token_for(client, url), *[("answer", v) for v in values], ("go", "next"))
    response = raw_post(client, url, body)
    if response.status_code == 302:
        # only possible when the hostile value happens to be a valid answer for this question
        after = stored_answers(app, attempt_id)
        assert set(after) == set(before)
    else:
        assert response.status_code == 422, (response.status_code, response.get_data(as_text=True)[:300])
        text = page_text(response)
        assert 'role="alert"' in response.get_data(as_text=True), "the error is announced next to the field"
        assert re.search(r'class="field-errors"[^>]*>\s*<li>[^<]+</li>', text), "a message in the field's error list"
        assert stored_answers(app, attempt_id) == before, "the saved answer is untouched"


@pytest.mark.parametrize("kind", ["multi_select", "mark_words", "find_in_article"])
def test_more_spans_or_choices_than_allowed_are_refused_just_under_the_body_limit(app, client, quiz_id, kind):
    attempt_id, url, before = _saved_first(app, client, quiz_id, kind)
    keyed = QUESTIONS[NUMBER[kind] - 1]
    if kind == "multi_select":
        value = keyed["key"]["choices"][0]
    elif kind == "find_in_article":
        value = "{}-{}".format(*keyed["key"]["spans"][0])
    else:
        value = "{}-{}".format(*word_spans(TEXT[keyed["start"]:keyed["end"]], keyed["start"])[0])
    csrf = token_for(client, url)
    one = len(b"&answer=" + value.encode())
    count = (LIMIT - len(form_body(csrf)) - 100) // one
    assert count > MAX_SPANS
    body = form_body(csrf, *[("answer", value)] * count)
    assert len(body) < LIMIT
    response = raw_post(client, url, body)
    assert response.status_code == 422
    assert_clear_refusal(response, f"at most {MAX_SPANS} spans", "each option may be chosen once")
    assert stored_answers(app, attempt_id) == before


@pytest.mark.parametrize("kind", ["classify", "mark_words"])
def test_an_answer_over_the_body_limit_is_a_413_and_keeps_the_saved_one(app, client, quiz_id, kind):
    attempt_id, url, before = _saved_first(app, client, quiz_id, kind)
    response = raw_post(client, url, form_body(token_for(client, url), ("answer", "x" * (LIMIT + 1))))
    assert response.status_code == 413
    assert_clear_refusal(response, "Too much data")
    assert stored_answers(app, attempt_id) == before


def test_an_answer_just_under_the_body_limit_is_a_422_and_keeps_the_saved_one(app, client, quiz_id):
    attempt_id, url, before = _saved_first(app, client, quiz_id, "classify")
    csrf = token_for(client, url)
    body = form_body(csrf, ("answer", "x" * (LIMIT - len(form_body(csrf, ("answer", ""))) - 1)))
    assert len(body) < LIMIT
    response = raw_post(client, url, body)
    assert response.status_code == 422
    assert_clear_refusal(response, "choose one of the options")
    assert len(response.get_data()) < 200_000, "the refused value is not echoed back whole"
    assert stored_answers(app, attempt_id) == before


@pytest.mark.parametrize("go", ["", "nowhere", "back" * 1000, "\x00", "\u202enext", "https://evil.example/"])
def test_a_hostile_go_button_still_saves_and_redirects_inside_the_site(app, client, quiz_id, go):
    attempt_id = start(client, quiz_id)
    number = NUMBER["classify"]
    url = f"/attempts/{attempt_id}/questions/{number}"
    keyed = QUESTIONS[number - 1]
    response = raw_post(client, url, form_body(token_for(client, url), ("answer", keyed["key"]["choice"]), ("go", go)))
    assert response.status_code == 302
    assert response.headers["Location"].startswith(f"/attempts/{attempt_id}/")
    assert list(stored_answers(app, attempt_id).values()) == [{"choice": keyed["key"]["choice"]}]


@pytest.mark.parametrize("path", ["questions/0", "questions/27", "questions/-1", "questions/99999999999999999999", "questions/x", "review/..", "questions/1%00"])
def test_odd_question_numbers_are_404_pages(app, client, quiz_id, path):
    attempt_id = start(client, quiz_id)
    response = client.get(f"/attempts/{attempt_id}/{path}")
    assert response.status_code in (404, 308), response.status_code
    if response.status_code == 404:
        assert_clear_refusal(response, "Not found")


def test_posting_to_a_submitted_attempt_keeps_its_answers(app, client, quiz_id):
    attempt_id, url, before = _saved_first(app, client, quiz_id, "classify")
    review = f"/attempts/{attempt_id}/review"
    assert client.post(f"/attempts/{attempt_id}/submit", data={"csrf_token": token_for(client, review)}).status_code == 302
    late = raw_post(client, url, form_body(token_for(client, f"/attempts/{attempt_id}/result"), ("answer", "boilerplate")))
    assert late.status_code in (302, 409)
    if late.status_code == 302:
        assert late.headers["Location"].endswith(f"/attempts/{attempt_id}/result")
    assert stored_answers(app, attempt_id)[next(iter(before))] == next(iter(before.values()))
