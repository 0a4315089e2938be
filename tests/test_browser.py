"""End-to-end tests in Debian's Chromium: the student flow by mouse and by keyboard alone,
autosave, plain forms without JavaScript, a phone viewport, and markup in a display name.

The answers come from the bundled question-set document itself, so a full run must score
full marks. The app runs in pytest-flask's ``live_server``; the database is read back in
this process through ``app``.
"""

import re

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from models import Attempt, Question, Response, db
from quizzes.question_sets import bundled_article_text, bundled_document, parse_question_set
from quizzes.questions import validate_answer
from quizzes.questions.choice import options
from quizzes.questions.spans import word_spans

pytestmark = pytest.mark.browser

SAVED = "All answers saved."
XSS_NAME = "<img src=x onerror=alert(1)>"


# ---------------------------------------------------------------- answers from the document

def _questions() -> list[dict]:
    text = bundled_article_text()
    questions = parse_question_set(bundled_document(), text)["questions"]
    for question in questions:
        question["values"] = _right_values(question, text)
    return questions


def _right_values(question: dict, text: str) -> list[str]:
    """The ``value`` of every input to tick for the right answer, in page (DOM) order."""
    kind, key = question["type"], question["key"]
    if kind in ("classify", "multiple_choice"):
        return [key["choice"]]
    if kind == "multi_select":
        return [o["id"] for o in options(question) if o["id"] in key["choices"]]
    spans = sorted(tuple(s) for s in key["spans"])
    if kind == "find_in_article":  # key spans are whole passages: one checkbox each
        return [f"{s}-{e}" for s, e in spans]
    words = word_spans(text[question["start"]:question["end"]], question["start"])
    return [f"{ws}-{we}" for ws, we in words if any(s <= ws and we <= e for s, e in spans)]


QUESTIONS = _questions()
TOTAL_POINTS = sum(q["points"] for q in QUESTIONS)
TYPES = ("classify", "multiple_choice", "multi_select", "mark_words", "find_in_article")


def _first_of_type(kind: str) -> int:
    return next(n for n, q in enumerate(QUESTIONS, start=1) if q["type"] == kind)


def _neighbouring_key_words() -> tuple[int, tuple[str, str]]:
    """A mark_words question and two neighbouring words of one key phrase."""
    text = bundled_article_text()
    for number, question in enumerate(QUESTIONS, start=1):
        if question["type"] != "mark_words":
            continue
        values = [tuple(map(int, v.split("-"))) for v in question["values"]]
        for (s1, e1), (s2, e2) in zip(values, values[1:]):
            if not re.search(r"\w", text[e1:s2]):
                return number, (f"{s1}-{e1}", f"{s2}-{e2}")
    raise AssertionError("no key phrase of two words in the bundled set")


# ---------------------------------------------------------------- page helpers

def _attempt_id(page) -> int:
    return int(re.search(r"/attempts/(\d+)/", page.url).group(1))


def _start(page, base_url: str, quiz_id: int, name: str = "Ada") -> int:
    page.goto(f"{base_url}/quizzes/{quiz_id}")
    page.get_by_label("Your name").fill(name)
    page.get_by_role("button", name="Start the quiz").click()
    expect(page).to_have_url(re.compile(r"/attempts/\d+/questions/1$"))
    page.wait_for_load_state("load")  # the autosave handlers are deferred scripts of the question page
    return _attempt_id(page)


def _result_numbers(page) -> tuple[float, float]:
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(re.compile(r"^Your result: [\d.]+ of [\d.]+ points$"))
    score, maximum = re.match(r"Your result: ([\d.]+) of ([\d.]+) points", heading.inner_text()).groups()
    return float(score), float(maximum)


def _click_answer(page, question: dict) -> None:
    """Answer ``question`` with the mouse, the way a student would, once the page's deferred
    scripts (autosave) have attached: a click before that would never be autosaved."""
    page.wait_for_load_state("load")
    kind = question["type"]
    if kind in ("classify", "multiple_choice", "multi_select"):
        names = {o["id"]: o["text"] for o in options(question)}
        role = "checkbox" if kind == "multi_select" else "radio"
        for value in question["values"]:
            control = page.get_by_role(role, name=names[value], exact=True)
            control.click()
            expect(control).to_be_checked()
        return
    label = "label.word" if kind == "mark_words" else "label.passage-pick"
    for value in question["values"]:
        page.locator(f'{label}:has(input[value="{value}"])').click()  # click the word or passage itself
        expect(page.locator(f'input[name="answer"][value="{value}"]')).to_be_checked()


def _stored(app, attempt_id: int) -> tuple[Attempt, dict[int, Response], list[Question]]:
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        questions = list(attempt.quiz.questions)
        responses = {r.question_id: r for r in attempt.responses}
        db.session.expunge_all()
        return attempt, responses, questions


def _expected_answer(app, question_id: int, question: dict) -> dict:
    """What the server stores when exactly ``question["values"]`` are ticked."""
    kind, values = question["type"], question["values"]
    if kind in ("classify", "multiple_choice"):
        answer = {"choice": values[0]}
    elif kind == "multi_select":
        answer = {"choices": values}
    else:
        answer = {"spans": [[int(n) for n in v.split("-")] for v in values]}
    with app.app_context():
        return validate_answer(db.session.get(Question, question_id).as_data(), answer)


# ---------------------------------------------------------------- keyboard helpers

def _focus_matches(page, selector: str) -> bool:
    return page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector)


def _tab_to(page, selector: str, key: str = "Tab", limit: int = 120) -> None:
    """Press Tab (or Shift+Tab) until the focused element matches ``selector``."""
    for _ in range(limit):
        page.keyboard.press(key)
        if _focus_matches(page, selector):
            return
    described = page.evaluate("() => document.activeElement && document.activeElement.outerHTML.slice(0, 200)")
    pytest.fail(f"{selector} not reached by {key} within {limit} presses; focus is on {described}")


def _enter_and_load(page) -> None:
    """Press Enter on a link or button that leads to another page, and wait for that page."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _keyboard_answer(page, question: dict, number: int) -> None:
    kind, values = question["type"], question["values"]
    if kind in ("classify", "multiple_choice"):
        ids = [o["id"] for o in options(question)]
        _tab_to(page, '#answer-form input[type="radio"]')  # Tab enters the group at its first radio
        steps = ids.index(values[0])
        if steps == 0:
            page.keyboard.press("Space")
        for _ in range(steps):
            page.keyboard.press("ArrowDown")  # arrows move within the group and select
        assert _focus_matches(page, f'input[type="radio"][value="{values[0]}"]:checked')
    else:
        for value in values:  # in DOM order, so Tab only ever moves forward
            _tab_to(page, f'input[name="answer"][value="{value}"]')
            page.keyboard.press("Space")
            assert _focus_matches(page, f'input[name="answer"][value="{value}"]:checked')
    expect(page.locator("#save-status")).to_have_text(SAVED)
    go = "next" if number < len(QUESTIONS) else "review"
    # find_in_article passages sit in the article, after the buttons: go back with Shift+Tab.
    _tab_to(page, f'button[name="go"][value="{go}"]', "Shift+Tab" if kind == "find_in_article" else "Tab")
    _enter_and_load(page)


# ---------------------------------------------------------------- tests

def test_student_completes_the_bundled_quiz_by_clicking(page, live_server, app):
    assert {q["type"] for q in QUESTIONS} == set(TYPES)
    page.goto(live_server.url("/"))
    page.get_by_role("link", name=bundled_document()["title"]).click()
    page.get_by_label("Your name").fill("Ada Clicker")
    page.get_by_role("button", name="Start the quiz").click()

    for number, question in enumerate(QUESTIONS, start=1):
        expect(page).to_have_url(re.compile(rf"/attempts/\d+/questions/{number}$"))
        expect(page.locator("#question-heading")).to_have_text(question["prompt"])
        _click_answer(page, question)
        # Let autosave settle so no late PUT races the form post below.
        expect(page.locator("#save-status")).to_have_text(SAVED)
        button = "Save and next" if number < len(QUESTIONS) else "Review and submit"
        page.get_by_role("button", name=button, exact=True).click()

    expect(page.get_by_role("heading", name="Review your answers")).to_be_visible()
    expect(page.get_by_role("status")).to_have_text("Every question has an answer.")
    expect(page.get_by_text("Not answered")).to_have_count(0)
    expect(page.get_by_text("Answered", exact=True)).to_have_count(len(QUESTIONS))
    page.get_by_role("button", name="Submit my answers").click()

    expect(page).to_have_url(re.compile(r"/attempts/\d+/result$"))
    assert _result_numbers(page) == (TOTAL_POINTS, TOTAL_POINTS)
    items = page.locator("ol.results > li")
    expect(items).to_have_count(len(QUESTIONS))
    expect(page.locator("ol.results > li.result-correct")).to_have_count(len(QUESTIONS))
    for number, question in enumerate(QUESTIONS, start=1):
        item = page.locator(f"#q{number}")
        expect(item.get_by_role("heading")).to_have_text(f"{number}. {question['prompt']}")
        expect(item).to_contain_text("Correct")
        expect(item).to_contain_text(f"Why: {question['explanation']}")
        expect(item.locator("dd").first).not_to_contain_text("no answer")

    attempt, responses, questions = _stored(app, _attempt_id(page))
    assert attempt.display_name == "Ada Clicker"
    assert attempt.state == "submitted" and attempt.submitted_at is not None
    assert attempt.score == attempt.max_score == TOTAL_POINTS
    assert len(responses) == len(QUESTIONS)
    for stored, question in zip(questions, QUESTIONS):
        response = responses[stored.id]
        assert response.correct and response.points == question["points"], (stored.position, response.answer)
        assert response.answer == _expected_answer(app, stored.id, question)


def test_student_takes_the_quiz_with_the_keyboard_alone(page, live_server, app):
    page.goto(live_server.url("/"))
    page.keyboard.press("Tab")
    assert _focus_matches(page, "a.skip-link"), "the first Tab stop is not the skip link"
    page.keyboard.press("Enter")
    assert _focus_matches(page, "main#main"), "the skip link does not move focus to the main content"
    _tab_to(page, 'main a[href*="/quizzes/"]')
    _enter_and_load(page)

    _tab_to(page, 'input[name="name"]')
    page.keyboard.type("Kim Keys")
    _enter_and_load(page)  # implicit submission from the text field
    expect(page).to_have_url(re.compile(r"/attempts/\d+/questions/1$"))

    for number, question in enumerate(QUESTIONS, start=1):
        expect(page).to_have_url(re.compile(rf"/attempts/\d+/questions/{number}$"))
        expect(page.locator("#question-heading")).to_have_text(question["prompt"])
        _keyboard_answer(page, question, number)

    expect(page.get_by_role("status")).to_have_text("Every question has an answer.")
    _tab_to(page, "main button[type=submit]")
    expect(page.locator(":focus")).to_have_text("Submit my answers")
    _enter_and_load(page)

    expect(page).to_have_url(re.compile(r"/attempts/\d+/result$"))
    assert _result_numbers(page) == (TOTAL_POINTS, TOTAL_POINTS)
    attempt, responses, questions = _stored(app, _attempt_id(page))
    assert attempt.display_name == "Kim Keys" and attempt.state == "submitted"
    assert attempt.score == TOTAL_POINTS
    answered_types = set()
    for stored, question in zip(questions, QUESTIONS):
        response = responses[stored.id]
        assert response.answer == _expected_answer(app, stored.id, question), stored.position
        assert response.correct
        answered_types.add(question["type"])
    assert answered_types == set(TYPES)


def test_changing_an_answer_autosaves_it(page, live_server, app, quiz_id):
    attempt_id = _start(page, live_server.url(), quiz_id)
    form = page.locator("#answer-form")
    token = form.get_attribute("data-token")
    assert token

    def stored_answers() -> dict[int, dict]:
        response = page.request.get(
            live_server.url(f"/api/v1/attempts/{attempt_id}"), headers={"Authorization": f"Bearer {token}"}
        )
        assert response.ok, response.status
        body = response.json()
        assert body["state"] == "in_progress"
        return {a["question_id"]: a["answer"] for a in body["answers"]}

    def question_id() -> int:
        return int(page.locator("#answer-form").get_attribute("data-save-url").rstrip("/").rsplit("/", 1)[1])

    status = page.locator("#save-status")
    expect(status).to_have_text("")
    # A classify question: choose, then change the choice; no button is pressed.
    first = question_id()
    names = {o["id"]: o["text"] for o in options(QUESTIONS[0])}
    right = QUESTIONS[0]["values"][0]
    wrong = next(i for i in names if i != right)
    page.get_by_role("radio", name=names[wrong], exact=True).check()
    expect(status).to_have_text(SAVED)
    assert stored_answers()[first] == {"choice": wrong}
    page.get_by_role("radio", name=names[right], exact=True).check()
    expect(status).to_have_text(SAVED)
    assert stored_answers()[first] == {"choice": right}

    # mark_words: two neighbouring words are stored as one phrase.
    number, pair = _neighbouring_key_words()
    page.goto(live_server.url(f"/attempts/{attempt_id}/questions/{number}"))
    for value in pair:
        page.locator(f'label.word:has(input[value="{value}"])').click()
    expect(status).to_have_text(SAVED)
    (start, _), (_, end) = (map(int, v.split("-")) for v in pair)
    assert stored_answers()[question_id()] == {"spans": [[start, end]]}

    # find_in_article: the passages live outside the <form> (form="answer-form") and still autosave.
    number = _first_of_type("find_in_article")
    value = QUESTIONS[number - 1]["values"][0]
    page.goto(live_server.url(f"/attempts/{attempt_id}/questions/{number}"))
    page.locator(f'label.passage-pick:has(input[value="{value}"])').click()
    expect(status).to_have_text(SAVED)
    saved = stored_answers()
    assert saved[question_id()] == {"spans": [[int(n) for n in value.split("-")]]}
    assert saved[first] == {"choice": right}

    page.reload()  # the saved answer is shown again
    expect(page.locator(f'input[name="answer"][value="{value}"]')).to_be_checked()
    with app.app_context():
        assert db.session.get(Attempt, attempt_id).state == "in_progress"
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Response).where(Response.attempt_id == attempt_id)) == 3


def test_choice_questions_work_without_javascript(chromium, live_server, app, quiz_id):
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        attempt_id = _start(page, live_server.url(), quiz_id, "No Script")
        for number, button in ((1, "Save and next"), (2, "Review and submit")):
            question = QUESTIONS[number - 1]
            expect(page.locator("#question-heading")).to_have_text(question["prompt"])
            _click_answer(page, question)
            expect(page.locator("#save-status")).to_have_text("")  # no script ran
            page.get_by_role("button", name=button, exact=True).click()

        expect(page.get_by_role("heading", name="Review your answers")).to_be_visible()
        expect(page.get_by_role("status")).to_contain_text(f"{len(QUESTIONS) - 2} unanswered")
        expect(page.get_by_text("Answered", exact=True)).to_have_count(2)
        page.get_by_role("button", name="Submit my answers").click()

        expect(page).to_have_url(re.compile(rf"/attempts/{attempt_id}/result$"))
        earned = QUESTIONS[0]["points"] + QUESTIONS[1]["points"]
        assert _result_numbers(page) == (earned, TOTAL_POINTS)
        expect(page.locator("ol.results > li.result-correct")).to_have_count(2)
        expect(page.locator("ol.results > li.result-incorrect")).to_have_count(len(QUESTIONS) - 2)
        attempt, responses, questions = _stored(app, attempt_id)
        assert attempt.score == earned
        assert responses[questions[0].id].answer == {"choice": QUESTIONS[0]["values"][0]}
    finally:
        context.close()


def test_phone_layout_stacks_and_fits(chromium, live_server, quiz_id):
    width, height = 390, 844
    context = chromium.new_context(viewport={"width": width, "height": height}, is_mobile=True, has_touch=True,
                                   device_scale_factor=3)
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)

        def fits(where: str) -> None:
            page.wait_for_load_state("load")  # measured before the stylesheet applies, a button is 21px tall
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            assert scroll_width <= width, f"{where}: horizontal scroll ({scroll_width}px > {width}px)"
            for button in page.get_by_role("button").all():
                if button.is_visible():
                    box = button.bounding_box()
                    assert box["height"] >= 44, f"{where}: button {button.inner_text()!r} is {box['height']}px tall"

        page.goto(live_server.url("/"))
        fits("home")
        attempt_id = _start(page, live_server.url(), quiz_id, "Phone")
        fits("quiz start")
        for kind in ("classify", "mark_words", "find_in_article"):
            number = _first_of_type(kind)
            page.goto(live_server.url(f"/attempts/{attempt_id}/questions/{number}"))
            question_box = page.locator(".question-panel").bounding_box()
            article_box = page.locator(".article-panel").bounding_box()
            assert question_box["y"] + question_box["height"] <= article_box["y"], f"{kind}: the article is not below the question"
            assert abs(question_box["x"] - article_box["x"]) < 1 and question_box["width"] <= width
            fits(f"question {number} ({kind})")
        page.goto(live_server.url(f"/attempts/{attempt_id}/review"))
        fits("review")
        page.get_by_role("button", name="Submit my answers").click()
        expect(page).to_have_url(re.compile(r"/result$"))
        assert _result_numbers(page) == (0, TOTAL_POINTS)
        fits("result")
    finally:
        context.close()


def test_display_name_with_markup_is_shown_as_text(page, live_server, quiz_id):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    attempt_id = _start(page, live_server.url(), quiz_id, XSS_NAME)
    page.goto(live_server.url(f"/attempts/{attempt_id}/review"))
    page.get_by_role("button", name="Submit my answers").click()
    expect(page).to_have_url(re.compile(rf"/attempts/{attempt_id}/result$"))

    assert _result_numbers(page) == (0, TOTAL_POINTS)
    page.wait_for_load_state("load")
    expect(page.locator("img[src=x]")).to_have_count(0)
    # The name is on the result page, as literal text.
    expect(page.get_by_text(XSS_NAME)).to_be_visible()
    assert dialogs == []
