"""End to end in Debian's Chromium: a teacher uploads a saved web page, fixes a segmentation, asks for
suggestions, accepts them, changes one label by keyboard, drafts a quiz, edits one question and adds
another in the editor, previews and publishes it, and assigns it to a class; a student takes it (one
answer, submit)."""

import os
import re
from datetime import datetime, timedelta, timezone

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

TEACHER = ("ada@example.org", "Ada Teacher", "correct horse battery")
STUDENT = ("sam.student", "Sam Student", "sam's own password")
SHOTS = os.environ.get("AUTHORING_SHOTS")  # a folder: save screenshots of each step there

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Storm in the cabinet | The Daily</title>
<script>window.dataLayer = [{"tracker": "never in the article"}];</script></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news menu</a></li></ul></nav>
<article>
<h1>Storm in the cabinet: what the minister fears most</h1>
<p>The minister resigned on Tuesday, according to a statement from the ministry. She had held the post since 2019.</p>
<p>The government has claimed the storm caused only “minor damage”, and insists the budget is safe.</p>
<p>Professor Ana Ruiz of the University of Leeds wrote in the Journal of Politics that the resignation was a sign of
deeper weakness because the cabinet had lost its majority. She argued that the coalition could not survive the winter.</p>
<p>So, is this the end of the government? The rot, it seems, goes deeper than anyone admits.</p>
<p>Sign up to our newsletter for the latest news.</p>
</article>
<footer>© The Daily. All rights reserved.</footer>
<script src="/analytics.js"></script>
</body></html>"""


def _shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def _sign_in(page, base: str, identifier: str, password: str) -> None:
    page.goto(f"{base}/login")
    page.get_by_label("Email or username").fill(identifier)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()


def _setup(app) -> None:
    from services import accounts, classes

    with app.app_context():
        teacher = accounts.create_teacher(TEACHER[0], TEACHER[1], TEACHER[2])
        classroom = classes.create_class(teacher, "Year 10 Media")
        classes.enroll(accounts.create_student(*STUDENT), classroom)


def test_from_a_saved_web_page_to_an_assigned_quiz_a_student_takes(app, chromium, live_server):
    base = live_server.url()
    _setup(app)
    context = chromium.new_context()
    teacher = context.new_page()
    teacher.set_default_timeout(10_000)
    _sign_in(teacher, base, TEACHER[0], TEACHER[2])
    expect(teacher.get_by_role("heading", name="My classes", level=1)).to_be_visible()

    # Upload the saved page.
    teacher.goto(f"{base}/teach/articles")
    teacher.get_by_label("Outlet").fill("The Daily")
    teacher.get_by_label(re.compile(r"^…or upload")).set_input_files(
        {"name": "storm.html", "mimeType": "text/html", "buffer": PAGE.encode("utf-8")}
    )
    _shot(teacher, "1-library")
    teacher.get_by_role("button", name="Add the article").click()
    expect(teacher.get_by_text("Article added.")).to_be_visible()
    expect(teacher.get_by_role("heading", level=1)).to_have_text(re.compile("Storm in the cabinet"))
    passages = teacher.locator(".annotated")
    expect(passages.first).to_be_visible()
    expect(teacher.locator(".annotate-article")).not_to_contain_text("never in the article")
    expect(teacher.locator(".annotate-article")).not_to_contain_text("World news menu")
    count = passages.count()
    assert count >= 8

    # Fix the segmentation: the two sentences about the resignation become one passage.
    resigned = passages.filter(has_text="The minister resigned on Tuesday")
    expect(resigned).to_have_count(1)
    resigned.get_by_role("button", name="Merge with next").click()
    expect(teacher.get_by_text("Passages merged.")).to_be_visible()
    expect(passages).to_have_count(count - 1)
    merged = passages.filter(has_text="The minister resigned on Tuesday")
    expect(merged.locator(".passage-text")).to_have_text(re.compile(r"ministry\. She had held the post since 2019\.$"))

    # Suggestions, then accept them all.
    teacher.get_by_role("button", name="Suggest labels").click()
    expect(teacher.get_by_text(re.compile(r"passage\(s\) got a suggested label"))).to_be_visible()
    expect(teacher.locator(".annotated.suggestion")).to_have_count(count - 1)
    expect(teacher.locator(".annotated.unlabelled")).to_have_count(0)
    _shot(teacher, "2-suggestions")
    teacher.get_by_role("button", name="Accept all suggestions").click()
    expect(teacher.get_by_text(re.compile(r"suggestion\(s\) accepted"))).to_be_visible()
    expect(teacher.locator(".annotated.suggestion")).to_have_count(0)

    # Change one label by keyboard: focus the newsletter line and press 6 (boilerplate), then the
    # rot sentence and press 4 (editorial framing).
    for text, key, label_id, name in (
        ("Sign up to our newsletter", "6", "boilerplate", "Boilerplate"),
        ("The rot, it seems", "4", "editorial_framing", "Editorial framing"),
    ):
        passage = passages.filter(has_text=text)
        passage.focus()
        teacher.keyboard.press(key)
        expect(teacher.get_by_text("Label saved.")).to_be_visible()
        passage = passages.filter(has_text=text)
        expect(passage).to_have_class(re.compile(rf"\blabel-{label_id}\b"))
        expect(passage.locator(".label-chip")).to_have_text(name)
        expect(passage).to_be_focused()  # back on the passage that was changed
    _shot(teacher, "3-labelled")

    # The filter shows only one label, without script as with it.
    teacher.get_by_label("Show").select_option(label="Boilerplate")
    expect(teacher).to_have_url(re.compile(r"label=boilerplate"))
    teacher.wait_for_load_state("load")  # the filter's change handler is a deferred script of the new page
    expect(passages.filter(has_text="Sign up to our newsletter")).to_have_count(1)
    expect(passages.filter(has_text="Professor Ana Ruiz")).to_have_count(0)
    teacher.get_by_label("Show").select_option(label="All passages")
    expect(passages).to_have_count(count - 1)

    # Draft, preview, publish.
    teacher.get_by_role("button", name="Draft a quiz").click()
    expect(teacher).to_have_url(re.compile(r"/teach/quizzes/\d+$"))
    expect(teacher.get_by_text(re.compile(r"Draft quiz made with \d+ questions"))).to_be_visible()
    title = teacher.get_by_role("heading", level=1).inner_text()
    assert title.startswith("Who is speaking? Storm in the cabinet")
    questions = teacher.locator(".preview-question")
    drafted = questions.count()
    assert drafted >= 5

    # Edit the questions: reword the first one, add a multiple-choice question at the end.
    teacher.get_by_role("link", name="Edit questions").click()
    expect(teacher.get_by_role("heading", level=1)).to_have_text(f"Edit: {title}")
    teacher.get_by_role("link", name="Edit question 1", exact=True).click()
    expect(teacher.get_by_role("heading", name=f"Question 1 of {drafted}", level=1)).to_be_visible()
    teacher.get_by_label("Prompt (the question the student reads)").fill("Who is speaking in the first passage?")
    teacher.get_by_role("button", name="Save the question").click()
    expect(teacher.get_by_text("Question 1 saved.")).to_be_visible()
    expect(teacher.locator(".editor-questions .prompt").first).to_have_text("Who is speaking in the first passage?")
    add = teacher.get_by_role("region", name="Add a question")
    add.get_by_label("Question type").select_option(label="Multiple choice (one right answer)")
    add.get_by_label("Prompt (the question the student reads)").fill("Who says the coalition cannot survive?")
    add.get_by_label("Explanation (shown with the right answer)").fill("She <em>argued</em> it, with her credentials named.")
    add.get_by_label(re.compile(r"^Options, one per line")).fill("* Professor Ana Ruiz\nThe ministry\nThe newsletter")
    add.get_by_role("button", name="Add the question").click()
    expect(teacher.get_by_text(f"Question {drafted + 1} added.")).to_be_visible()
    expect(teacher.locator(".editor-questions > li")).to_have_count(drafted + 1)
    _shot(teacher, "4-editor")
    teacher.get_by_role("link", name="Preview as a student sees it").click()

    expect(teacher.get_by_role("heading", name="The questions, as a student sees them")).to_be_visible()
    expect(questions).to_have_count(drafted + 1)
    expect(questions.last.locator(".prompt")).to_have_text("Who says the coalition cannot survive?")
    first_prompt = questions.first.locator(".prompt").inner_text()
    assert first_prompt == "Who is speaking in the first passage?"
    _shot(teacher, "5-preview")
    teacher.get_by_role("button", name="Publish", exact=True).click()
    expect(teacher.get_by_text("Published: you can now assign it to a class.")).to_be_visible()
    expect(teacher.get_by_role("button", name="Unpublish")).to_be_visible()

    # Assign it through the class page's form.
    teacher.get_by_role("link", name="Assign to Year 10 Media").click()
    expect(teacher.get_by_role("heading", name="Year 10 Media", level=1)).to_be_visible()
    now = datetime.now(timezone.utc)
    assign = teacher.get_by_role("region", name="Assignments")
    assign.get_by_label("Quiz").select_option(label=title)
    assign.get_by_label("Opens").fill((now - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"))
    assign.get_by_label("Show right answers and explanations").select_option(label="after submitting")
    assign.get_by_role("button", name="Assign", exact=True).click()
    expect(teacher.get_by_text("Quiz assigned.")).to_be_visible()
    expect(assign.get_by_role("link", name=title)).to_be_visible()
    context.close()

    # The student takes it: answers the first question, submits.
    context = chromium.new_context()
    student = context.new_page()
    student.set_default_timeout(10_000)
    _sign_in(student, base, STUDENT[0], STUDENT[2])
    expect(student.get_by_role("heading", name="My assignments", level=1)).to_be_visible()
    student.get_by_role("button", name="Start", exact=True).click()
    expect(student).to_have_url(re.compile(r"/attempts/\d+/questions/1$"))
    expect(student.locator("#question-heading")).to_have_text(first_prompt)
    student.locator('input[name="answer"]').first.check()
    student.get_by_role("button", name="Review and submit").click()
    expect(student).to_have_url(re.compile(r"/attempts/\d+/review$"))
    student.get_by_role("button", name="Submit my answers").click()
    expect(student).to_have_url(re.compile(r"/attempts/\d+/result$"))
    expect(student.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Your result: [\d.]+ of [\d.]+ points$"))
    context.close()
