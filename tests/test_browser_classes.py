"""End-to-end tests of classes in Debian's Chromium: a teacher signs up, makes a class and assigns the
bundled quiz; a student joins with the code, answers on one device and resumes on another; login
cards for a pasted roster with the forced first password change; the join and login forms by
keyboard alone; and the class page and "My assignments" on a phone.

Every browser context is its own "device" (its own cookies). The right answers come from the
bundled question-set document, as in ``test_browser.py``.
"""

import re
from datetime import datetime, timedelta, timezone

import pytest
from playwright.sync_api import expect

from quizzes.question_sets import bundled_article_text, bundled_document, parse_question_set
from quizzes.questions.choice import options
from quizzes.questions.spans import word_spans
from tests.test_browser import _click_answer as click_answer

pytestmark = pytest.mark.browser

SAVED = "All answers saved."
QUIZ_TITLE = "Who is speaking?"
TEACHER_NAME = "Tess Teacher"
TEACHER_EMAIL = "tess@example.org"
TEACHER_PASSWORD = "correct horse battery"
PHONE = {"width": 390, "height": 844}


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
    if kind == "find_in_article":
        return [f"{s}-{e}" for s, e in spans]
    words = word_spans(text[question["start"]:question["end"]], question["start"])
    return [f"{ws}-{we}" for ws, we in words if any(s <= ws and we <= e for s, e in spans)]


QUESTIONS = _questions()
TOTAL_POINTS = sum(q["points"] for q in QUESTIONS)


def _wrong_choice(question: dict) -> dict:
    """The same single-choice question with a wrong option as its "answer"."""
    assert question["type"] in ("classify", "multiple_choice")
    wrong = next(o["id"] for o in options(question) if o["id"] != question["values"][0])
    return {**question, "values": [wrong]}


def _points(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


# ---------------------------------------------------------------- page helpers

def _new_page(chromium, **options):
    """A new browser context (a new "device", with no cookies) and its page."""
    context = chromium.new_context(**options)
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page


def _click_answer(page, question: dict) -> None:
    """Tick exactly ``question["values"]`` with the mouse, and wait for the autosave."""
    click_answer(page, question)
    expect(page.locator("#save-status")).to_have_text(SAVED)


def _expect_restored(page, question: dict) -> None:
    """Exactly the saved inputs of ``question`` are checked on its page."""
    checked = page.locator('input[name="answer"]:checked')
    expect(checked).to_have_count(len(question["values"]))
    for value in question["values"]:
        expect(page.locator(f'input[name="answer"][value="{value}"]')).to_be_checked()


def _question_url(number: int) -> re.Pattern:
    return re.compile(rf"/attempts/\d+/questions/{number}$")


def _result_numbers(page) -> tuple[float, float]:
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(re.compile(r"^Your result: [\d.]+ of [\d.]+ points$"))
    score, maximum = re.match(r"Your result: ([\d.]+) of ([\d.]+) points", heading.inner_text()).groups()
    return float(score), float(maximum)


def _section_after(page, heading: str):
    """The element right after the h2 ``heading`` (e.g. the list under "To do")."""
    return page.get_by_role("heading", name=heading, exact=True, level=2).locator("xpath=following-sibling::*[1]")


def _sign_in(page, base_url: str, identifier: str, password: str) -> None:
    page.goto(f"{base_url}/login")
    page.get_by_label("Email or username").fill(identifier)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()


def _sign_out(page, display_name: str) -> None:
    page.get_by_role("button", name=f"Sign out ({display_name})").click()
    expect(page.get_by_text("You are signed out.")).to_be_visible()


def _local_input(moment: datetime) -> str:
    """A value for <input type=datetime-local>, in UTC (the teacher's default time zone)."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M")


def _focus_matches(page, selector: str) -> bool:
    return page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector)


def _tab_to(page, selector: str, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if _focus_matches(page, selector):
            return
    described = page.evaluate("() => document.activeElement && document.activeElement.outerHTML.slice(0, 200)")
    pytest.fail(f"{selector} not reached by Tab within {limit} presses; focus is on {described}")


# ---------------------------------------------------------------- data set up directly (for the shorter tests)

def _class_with_assignment(app, students=()):
    """A teacher, a class with ``students`` (username, name, password) and the bundled quiz assigned.

    Returns (join code, class id)."""
    from services import accounts, assignments, classes

    now = datetime.now(timezone.utc)
    with app.app_context():
        teacher = accounts.create_teacher(TEACHER_EMAIL, TEACHER_NAME, TEACHER_PASSWORD)
        classroom = classes.create_class(teacher, "Year 9 Media")
        for username, name, password in students:
            classes.enroll(accounts.create_student(username, name, password), classroom)
        quiz = next(q for q in assignments.assignable_quizzes(teacher) if q.title == QUIZ_TITLE)
        assignments.create_assignment(classroom, quiz.id, now - timedelta(hours=1), now + timedelta(days=7))
        return classroom.join_code, classroom.id


# ---------------------------------------------------------------- tests

def test_teacher_assigns_and_student_resumes_on_another_device(chromium, live_server):
    base = live_server.url()
    assert bundled_document()["title"] == QUIZ_TITLE

    # The teacher signs up, creates a class and reads its join code.
    teacher_context, teacher = _new_page(chromium)
    teacher.goto(f"{base}/signup")
    teacher.get_by_label("Your name").fill(TEACHER_NAME)
    teacher.get_by_label("Email").fill(TEACHER_EMAIL)
    teacher.get_by_label(re.compile(r"^Password")).fill(TEACHER_PASSWORD)
    teacher.get_by_role("button", name="Create account").click()
    expect(teacher.get_by_role("heading", name="My classes", level=1)).to_be_visible()
    teacher.get_by_label("Class name").fill("Year 9 Media")
    teacher.get_by_role("button", name="Create class").click()
    expect(teacher.get_by_role("heading", name="Year 9 Media", level=1)).to_be_visible()
    code_box = teacher.get_by_role("region", name="Join code").locator(".join-code")
    expect(code_box).to_have_text(re.compile(r"^\s*[A-Z0-9]{4,}\s*$"))
    join_code = code_box.inner_text().strip()

    # It assigns the bundled quiz: open since an hour ago, closing in a week (UTC, the default zone).
    now = datetime.now(timezone.utc).replace(second=0, microsecond=0)
    opens, closes = now - timedelta(hours=1), now + timedelta(days=7)
    assign = teacher.get_by_role("region", name="Assignments")
    expect(assign.get_by_text("In your time zone: UTC")).to_be_visible()
    assign.get_by_label("Quiz").select_option(label=QUIZ_TITLE)
    assign.get_by_label("Opens").fill(_local_input(opens))
    assign.get_by_label(re.compile(r"^Closes")).fill(_local_input(closes))
    assign.get_by_label("Show right answers and explanations").select_option(label="after submitting")
    assign.get_by_role("button", name="Assign", exact=True).click()
    expect(teacher.get_by_text("Quiz assigned.")).to_be_visible()
    row = assign.get_by_role("row").filter(has=teacher.get_by_role("link", name=QUIZ_TITLE))
    expect(row.get_by_role("cell").nth(1)).to_have_text(f"{opens:%Y-%m-%d %H:%M} (UTC)")
    expect(row.get_by_role("cell").nth(2)).to_have_text(f"{closes:%Y-%m-%d %H:%M} (UTC)")
    _sign_out(teacher, TEACHER_NAME)
    teacher_context.close()

    # A student joins on a first device and answers Q1 (right), Q2 (wrong), Q3 (right), Q7 (right).
    answered = {1: QUESTIONS[0], 2: _wrong_choice(QUESTIONS[1]), 3: QUESTIONS[2], 7: QUESTIONS[6]}
    assert QUESTIONS[6]["type"] == "mark_words"
    first_context, student = _new_page(chromium)
    student.goto(f"{base}/join")
    student.get_by_label("Class join code").fill(join_code)
    student.get_by_label("Your name, as your teacher knows you").fill("Sam Student")
    student.get_by_label("Choose a username").fill("sam.student")
    student.get_by_label(re.compile(r"^Choose a password")).fill("sam's own password")
    student.get_by_role("button", name="Join", exact=True).click()
    expect(student.get_by_role("heading", name="My assignments", level=1)).to_be_visible()
    to_do = _section_after(student, "To do")
    expect(to_do).to_contain_text(QUIZ_TITLE)
    to_do.get_by_role("button", name="Start", exact=True).click()
    expect(student).to_have_url(_question_url(1))
    for number in (1, 2, 3):
        expect(student).to_have_url(_question_url(number))
        expect(student.locator("#question-heading")).to_have_text(QUESTIONS[number - 1]["prompt"])
        _click_answer(student, answered[number])
        student.get_by_role("button", name="Save and next", exact=True).click()
    expect(student).to_have_url(_question_url(4))
    student.goto(re.sub(r"/questions/4$", "/questions/7", student.url))
    _click_answer(student, answered[7])  # saved by autosave alone: no button is pressed
    first_context.close()  # the tab (the whole device) is closed mid-quiz

    # A second device: a new context, so nothing comes from the first one's cookies or localStorage;
    # every restored answer must come from the server. Sign in, find the assignment under To do.
    second_context, student = _new_page(chromium)
    _sign_in(student, base, "sam.student", "sam's own password")
    expect(student.get_by_role("heading", name="My assignments", level=1)).to_be_visible()
    to_do = _section_after(student, "To do")
    expect(to_do).to_contain_text(QUIZ_TITLE)
    expect(to_do.get_by_role("button", name="Start", exact=True)).to_have_count(0)
    to_do.get_by_role("button", name="Resume", exact=True).click()
    expect(student).to_have_url(_question_url(4))  # the first unanswered question
    attempt_url = student.url.rsplit("/questions/", 1)[0]
    for number, question in answered.items():
        student.goto(f"{attempt_url}/questions/{number}")
        expect(student.locator("#question-heading")).to_have_text(question["prompt"])
        _expect_restored(student, question)

    # Answer the rest, every one right, then submit.
    for number in range(4, len(QUESTIONS) + 1):
        if number in answered:
            continue
        student.goto(f"{attempt_url}/questions/{number}")
        expect(student.locator("#question-heading")).to_have_text(QUESTIONS[number - 1]["prompt"])
        _click_answer(student, QUESTIONS[number - 1])
    student.goto(f"{attempt_url}/review")
    expect(student.get_by_role("status")).to_have_text("Every question has an answer.")
    student.get_by_role("button", name="Submit my answers").click()
    expect(student).to_have_url(re.compile(r"/attempts/\d+/result$"))
    score = TOTAL_POINTS - QUESTIONS[1]["points"]
    assert _result_numbers(student) == (score, TOTAL_POINTS)
    expect(student.locator("ol.results > li.result-incorrect")).to_have_count(1)
    expect(student.locator("#q2.result-incorrect")).to_be_visible()
    student.get_by_role("link", name="Back to my assignments").click()
    expect(_section_after(student, "Done")).to_contain_text(f"Counted score: {_points(score)}")
    second_context.close()

    # The teacher signs in again and sees the state and the score.
    teacher_context, teacher = _new_page(chromium)
    _sign_in(teacher, base, TEACHER_EMAIL, TEACHER_PASSWORD)
    teacher.get_by_role("link", name="Year 9 Media").click()
    teacher.get_by_role("link", name=QUIZ_TITLE).click()
    expect(teacher.get_by_role("heading", name=QUIZ_TITLE, level=1)).to_be_visible()
    row = teacher.get_by_role("row").filter(has=teacher.get_by_role("cell", name="Sam Student", exact=True))
    expect(row).to_have_count(1)
    expect(row.get_by_role("cell").nth(1)).to_have_text("submitted")
    expect(row.get_by_role("cell").nth(2)).to_have_text("1")
    expect(row.get_by_role("cell").nth(3)).to_have_text(f"{_points(score)} of {_points(TOTAL_POINTS)}")
    teacher_context.close()


def test_roster_login_cards_and_first_password_change(chromium, live_server, app):
    base = live_server.url()
    _, class_id = _class_with_assignment(app)
    names = ["Alice Archer", "Bilal Baker", "Chloé Cooper"]

    teacher_context, teacher = _new_page(chromium)
    try:
        _sign_in(teacher, base, TEACHER_EMAIL, TEACHER_PASSWORD)
        teacher.goto(f"{base}/teach/classes/{class_id}")
        teacher.get_by_label(re.compile(r"^Student names, one per line")).fill("\n".join(names) + "\n")
        teacher.get_by_role("button", name="Add students and print cards").click()
        expect(teacher.get_by_role("heading", name="Login cards · Year 9 Media", level=1)).to_be_visible()
        cards = teacher.locator("li.login-card")
        expect(cards).to_have_count(3)
        credentials = []
        for card, name in zip(cards.all(), names):
            expect(card.locator(".card-name")).to_have_text(name)
            expect(card).to_contain_text(f"{base}/login")
            username = card.locator("dt:text-is('Username') + dd").inner_text().strip()
            password = card.locator("dt:text-is('Password') + dd").inner_text().strip()
            assert re.fullmatch(r"[a-z0-9._-]{3,40}", username), username
            assert len(password) >= 8, password
            credentials.append((name, username, password))
        assert len({u for _, u, _ in credentials}) == 3
        assert len({p for _, _, p in credentials}) == 3
        teacher.get_by_role("link", name="Back to Year 9 Media").click()
        expect(teacher.get_by_role("heading", name="Students (3)")).to_be_visible()
        for name, username, _ in credentials:
            row = teacher.get_by_role("row").filter(has=teacher.get_by_role("cell", name=name, exact=True))
            expect(row.get_by_role("cell", name=username, exact=True)).to_be_visible()
    finally:
        teacher_context.close()

    name, username, one_time = credentials[1]
    student_context, student = _new_page(chromium)
    try:
        _sign_in(student, base, username, one_time)
        expect(student).to_have_url(re.compile(r"/password$"))
        expect(student.get_by_role("heading", name="Choose your own password", level=1)).to_be_visible()
        student.goto(f"{base}/me")  # nothing else before the new password
        expect(student).to_have_url(re.compile(r"/password$"))
        expect(student.get_by_role("heading", name="Choose your own password", level=1)).to_be_visible()

        student.get_by_label(re.compile(r"^New password \(")).fill("bilal's secret words")
        student.get_by_label("New password again").fill("bilal's secret words")
        student.get_by_role("button", name="Save password").click()
        expect(student.get_by_role("heading", name="My assignments", level=1)).to_be_visible()
        expect(student.get_by_text("Your password is changed.")).to_be_visible()
        expect(_section_after(student, "To do")).to_contain_text(QUIZ_TITLE)
        _sign_out(student, name)

        _sign_in(student, base, username, one_time)  # the one-time password is spent
        expect(student.get_by_role("alert")).to_contain_text("do not match an account")
        _sign_in(student, base, username, "bilal's secret words")
        expect(student.get_by_role("heading", name="My assignments", level=1)).to_be_visible()
    finally:
        student_context.close()


def test_join_and_login_forms_by_keyboard_alone(page, live_server, app):
    base = live_server.url()
    join_code, _ = _class_with_assignment(app)

    page.goto(f"{base}/join")
    page.keyboard.press("Tab")
    assert _focus_matches(page, "a.skip-link"), "the first Tab stop is not the skip link"
    _tab_to(page, 'input[name="join_code"]')
    page.keyboard.type(join_code.lower())  # typed in lower case, as a student may
    page.keyboard.press("Tab")
    assert _focus_matches(page, 'input[name="display_name"]'), "Tab from the code does not reach the name"
    page.keyboard.type("Kim Keys")
    page.keyboard.press("Tab")
    assert _focus_matches(page, 'input[name="username"]'), "Tab from the name does not reach the username"
    page.keyboard.type("kim.keys")
    page.keyboard.press("Tab")
    assert _focus_matches(page, 'input[name="password"]'), "Tab from the username does not reach the password"
    page.keyboard.type("kim's keyboard pass")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # implicit submission from the password field
    expect(page.get_by_role("heading", name="My assignments", level=1)).to_be_visible()
    expect(_section_after(page, "To do")).to_contain_text(QUIZ_TITLE)

    # Sign out with the keyboard too: the button is in the header.
    _tab_to(page, 'header button[type="submit"]')
    expect(page.locator(":focus")).to_have_text("Sign out (Kim Keys)")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Sign in", level=1)).to_be_visible()

    page.goto(f"{base}/login")
    _tab_to(page, 'input[name="identifier"]')
    page.keyboard.type("kim.keys")
    page.keyboard.press("Tab")
    assert _focus_matches(page, 'input[name="password"]'), "Tab from the username does not reach the password"
    page.keyboard.type("kim's keyboard pass")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="My assignments", level=1)).to_be_visible()
    expect(page.get_by_role("button", name="Sign out (Kim Keys)")).to_be_visible()


def test_class_page_and_my_assignments_fit_a_phone(chromium, live_server, app):
    base = live_server.url()
    students = [("pat.phone", "Patricia Phonebook-Longname", "pat's phone pass"), ("quinn", "Quinn", "quinn's pass 1")]
    _, class_id = _class_with_assignment(app, students)
    width = PHONE["width"]

    problems = []

    def fits(page, where: str) -> None:
        """Collect (not stop at) every problem of the page, so one run reports them all."""
        page.wait_for_load_state("load")
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        # What sticks out of the viewport, other than inside a table (tables may scroll in their own box).
        wide = page.evaluate(
            """w => Array.from(document.querySelectorAll('body *'))
                 .filter(el => !el.closest('table') && el.getBoundingClientRect().right > w + 0.5)
                 .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')
                            + ' right=' + Math.round(el.getBoundingClientRect().right))
                 .slice(0, 5)""",
            width,
        )
        if scroll_width > width or wide:
            problems.append(f"{where}: scrolls sideways ({scroll_width}px > {width}px): {wide}")
        for table in page.locator("table").all():
            if table.is_visible():
                box = table.bounding_box()
                if box["x"] < 0 or box["x"] + box["width"] > width + 0.5:
                    problems.append(f"{where}: a table is wider than the page")
        short = []
        for button in page.get_by_role("button").all():
            if button.is_visible():
                box = button.bounding_box()
                if box["height"] < 44:
                    short.append(f"{button.inner_text()!r} is {box['height']:.0f}px tall")
        if short:
            problems.append(f"{where}: buttons under 44px: {short}")

    options = dict(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=3)
    teacher_context, teacher = _new_page(chromium, **options)
    student_context, student = _new_page(chromium, **options)
    try:
        _sign_in(teacher, base, TEACHER_EMAIL, TEACHER_PASSWORD)
        expect(teacher.get_by_role("heading", name="My classes", level=1)).to_be_visible()
        teacher.goto(f"{base}/teach/classes/{class_id}")
        expect(teacher.get_by_role("heading", name="Students (2)")).to_be_visible()
        expect(teacher.get_by_role("link", name=QUIZ_TITLE)).to_be_visible()
        fits(teacher, "class page")

        _sign_in(student, base, "pat.phone", "pat's phone pass")
        expect(student.get_by_role("heading", name="My assignments", level=1)).to_be_visible()
        expect(_section_after(student, "To do").get_by_role("button", name="Start")).to_be_visible()
        fits(student, "My assignments")
        assert not problems, "\n".join(problems)
    finally:
        teacher_context.close()
        student_context.close()
