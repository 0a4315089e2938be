"""The guest student flow through plain HTML forms (no JavaScript), with CSRF on."""

import re

import pytest

from models import Attempt, Response, db
from quizzes.question_sets import bundled_article_text, bundled_document, parse_question_set
from quizzes.questions.spans import word_spans
from tests.conftest import csrf_token, post_form

QUESTIONS = parse_question_set(bundled_document(), bundled_article_text())["questions"]
TEXT = bundled_article_text()


def form_values(question: dict) -> list[str]:
    """What a student ticks to give the key answer through the form."""
    key = question["key"]
    if "choice" in key:
        return [key["choice"]]
    if "choices" in key:
        return key["choices"]
    if question["type"] == "find_in_article":
        return [f"{s}-{e}" for s, e in key["spans"]]
    words = word_spans(TEXT[question["start"]:question["end"]], question["start"])
    return [f"{s}-{e}" for s, e in words if any(ks <= s and e <= ke for ks, ke in key["spans"])]


def start(client, quiz_id, name="Ana"):
    response = post_form(client, f"/quizzes/{quiz_id}", {"name": name})
    assert response.status_code == 302
    return int(re.search(r"/attempts/(\d+)/", response.headers["Location"]).group(1))


def test_home_lists_the_bundled_quiz(client, quiz_id):
    page = client.get("/").get_data(as_text=True)
    assert "Who is speaking?" in page and f"/quizzes/{quiz_id}" in page and "26 questions" in page


def test_a_full_attempt_through_the_forms_scores_full_marks(app, client, quiz_id):
    attempt_id = start(client, quiz_id)
    for number, question in enumerate(QUESTIONS, start=1):
        url = f"/attempts/{attempt_id}/questions/{number}"
        page = client.get(url).get_data(as_text=True)
        assert f"Question {number} of 26" in page
        for value in form_values(question):
            assert f'value="{value}"' in page, f"question {number} does not offer {value}"
        saved = post_form(client, url, {"answer": form_values(question), "go": "next"}, page)
        assert saved.status_code == 302
    review = client.get(f"/attempts/{attempt_id}/review").get_data(as_text=True)
    assert "Every question has an answer." in review
    submitted = post_form(client, f"/attempts/{attempt_id}/submit", {}, review)
    assert submitted.headers["Location"].endswith(f"/attempts/{attempt_id}/result")
    result = client.get(f"/attempts/{attempt_id}/result").get_data(as_text=True)
    total = sum(q["points"] for q in QUESTIONS)
    assert f"Your result: {total} of {total} points" in result
    assert result.count("✓</span>") >= 26
    assert 'href="/learn"' in result  # the learning page is one click from the feedback
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.state == "submitted" and attempt.score == total


def test_navigation_back_next_and_review(client, quiz_id):
    attempt_id = start(client, quiz_id)
    url = f"/attempts/{attempt_id}/questions/2"
    page = client.get(url).get_data(as_text=True)
    assert post_form(client, url, {"go": "back"}, page).headers["Location"].endswith("/questions/1")
    assert post_form(client, url, {"go": "review"}, page).headers["Location"].endswith("/review")
    review = client.get(f"/attempts/{attempt_id}/review").get_data(as_text=True)
    assert "26 unanswered" in review


def test_a_saved_answer_is_shown_again(client, quiz_id):
    attempt_id = start(client, quiz_id)
    url = f"/attempts/{attempt_id}/questions/1"
    post_form(client, url, {"answer": "reported_fact", "go": "next"})
    page = client.get(url).get_data(as_text=True)
    assert re.search(r'<input checked[^>]*value="reported_fact"|value="reported_fact"[^>]*checked', page)


def test_a_forged_choice_gets_a_form_error_and_keeps_the_saved_answer(app, client, quiz_id):
    attempt_id = start(client, quiz_id)
    url = f"/attempts/{attempt_id}/questions/1"
    post_form(client, url, {"answer": "reported_fact", "go": "next"})
    bad = post_form(client, url, {"answer": "<script>", "go": "next"})
    assert bad.status_code == 422
    assert "choose one of the options" in bad.get_data(as_text=True)
    with app.app_context():
        assert db.session.query(Response).filter_by(attempt_id=attempt_id).one().answer == {"choice": "reported_fact"}


def test_forms_without_the_csrf_token_are_refused(client, quiz_id):
    response = client.post(f"/quizzes/{quiz_id}", data={"name": "Ana"})
    assert response.status_code == 400
    assert "form expired" in response.get_data(as_text=True)


def test_an_empty_name_is_a_form_error(client, quiz_id):
    response = post_form(client, f"/quizzes/{quiz_id}", {"name": "  "})
    assert response.status_code == 422 and "This field is required." in response.get_data(as_text=True)


def test_another_browser_cannot_open_the_attempt(app, client, quiz_id):
    attempt_id = start(client, quiz_id)
    stranger = app.test_client()
    for path in ("questions/1", "review", "result"):
        assert stranger.get(f"/attempts/{attempt_id}/{path}").status_code == 404


def test_markup_in_the_name_is_escaped(client, quiz_id):
    attempt_id = start(client, quiz_id, name="<script>alert(1)</script>")
    page = client.get(f"/attempts/{attempt_id}/review").get_data(as_text=True)
    assert "<script>alert(1)" not in page


def test_try_again_starts_a_fresh_attempt(client, quiz_id):
    attempt_id = start(client, quiz_id)
    review = client.get(f"/attempts/{attempt_id}/review").get_data(as_text=True)
    post_form(client, f"/attempts/{attempt_id}/submit", {}, review)
    result = client.get(f"/attempts/{attempt_id}/result").get_data(as_text=True)
    again = client.post(f"/attempts/{attempt_id}/retry", data={"csrf_token": csrf_token(result)})
    new_id = int(re.search(r"/attempts/(\d+)/", again.headers["Location"]).group(1))
    assert new_id != attempt_id
    assert client.get(f"/attempts/{attempt_id}/questions/1").headers["Location"].endswith("/result")


def test_the_result_shows_the_cue_and_the_right_answer(client, quiz_id):
    attempt_id = start(client, quiz_id)
    review = client.get(f"/attempts/{attempt_id}/review").get_data(as_text=True)
    post_form(client, f"/attempts/{attempt_id}/submit", {}, review)
    result = client.get(f"/attempts/{attempt_id}/result").get_data(as_text=True)
    first = QUESTIONS[0]
    cue_start, cue_end = first["cues"][0]
    assert f'<mark class="mark-cue">{TEXT[cue_start:cue_end]}</mark>' in result.replace("&#39;", "'")
    assert "no answer" in result and "Incorrect" in result


def test_the_learning_page_lists_all_six_labels(client):
    page = client.get("/learn").get_data(as_text=True)
    for name in ("Sourced argument", "Attributed claim", "Reported fact", "Editorial framing", "Headline teaser", "Boilerplate"):
        assert name in page


@pytest.mark.parametrize("path", ["/quizzes/999999", "/attempts/999999/review", "/attempts/1/questions/999"])
def test_missing_pages_are_html_404s(client, quiz_id, path):
    response = client.get(path)
    assert response.status_code == 404 and "text/html" in response.content_type


def test_after_submitting_a_student_can_compare_with_the_analyzer(client, quiz_id):
    attempt_id = start(client, quiz_id)
    url = f"/attempts/{attempt_id}/analyzer"
    assert client.get(url).headers["Location"].endswith("/result")  # not before submitting
    post_form(client, f"/attempts/{attempt_id}/questions/1", {"answer": "reported_fact", "go": "next"})
    review = client.get(f"/attempts/{attempt_id}/review").get_data(as_text=True)
    post_form(client, f"/attempts/{attempt_id}/submit", {}, review)
    result = client.get(f"/attempts/{attempt_id}/result").get_data(as_text=True)
    assert url in result
    page = client.get(url).get_data(as_text=True)
    first = QUESTIONS[0]
    assert f'id="p{first["start"]}"' in page and "you said:" in page
    assert page.count('class="reading-row"') == 33  # every passage of the bundled article
