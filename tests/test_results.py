"""Results: gradebook, a student's attempts, CSV exports, item analysis, answer distributions,
confusion by label, student progress, the results API, access, and fixed query counts."""

import csv
import io
from datetime import timedelta

import pytest

from models import Assignment, Attempt, db, utcnow
from services import accounts, assignments, attempts, classes, results
from bench.results_scale import counted_queries, scaled_quiz, seed_class
from tests.conftest import sign_in

PASSWORD = "correct horse battery"
FORMULA_NAME = '=HYPERLINK("x")'


class World:
    """Teacher T's class of three (Ana strong, Ben middling, a formula-named weak one) on the bundled quiz."""

    def __init__(self, app):
        self.app = app
        with app.app_context():
            self.teacher = accounts.create_teacher("t@example.org", "Teacher T", PASSWORD).id
            other = accounts.create_teacher("o@example.org", "Teacher O", PASSWORD)
            _, self.token = accounts.create_api_token(db.session.get(accounts.User, self.teacher), "script")
            _, self.other_token = accounts.create_api_token(other, "other")
            teacher_user = db.session.get(accounts.User, self.teacher)
            classroom = classes.create_class(teacher_user, "9B")
            self.class_id = classroom.id
            self.students = {}
            for username, name in (("ana", "Ana"), ("ben", "Ben"), ("cal", FORMULA_NAME)):
                user = accounts.create_student(username, name, PASSWORD)
                classes.enroll(user, classroom)
                self.students[username] = user.id
            quiz = assignments.assignable_quizzes(teacher_user)[0]
            now = utcnow()
            assignment = assignments.create_assignment(classroom, quiz.id, now - timedelta(hours=1), now + timedelta(days=7),
                                                       grading_method="highest")
            self.assignment = assignment.id
            self.questions = [q.as_data() for q in quiz.questions]
            self.classify = [q for q in self.questions if q["type"] == "classify"]

    def key(self, question: dict) -> dict:
        return {"choice": question["key"]["choice"]}

    def take(self, username: str, answers: dict[int, dict]) -> int:
        """``username`` starts an attempt, saves ``answers`` (question id -> answer) and submits."""
        with self.app.app_context():
            user = db.session.get(accounts.User, self.students[username])
            attempt = assignments.start_or_resume(user, self.assignment)
            for question_id, answer in answers.items():
                attempts.save_answer(attempt, question_id, answer)
            attempts.submit(attempt)
            return attempt.id

    def client(self, who: str):
        client = self.app.test_client()
        identifier = "t@example.org" if who == "teacher" else "o@example.org" if who == "other" else who
        assert sign_in(client, identifier, PASSWORD).status_code == 302
        return client


@pytest.fixture
def world(app) -> World:
    return World(app)


@pytest.fixture
def taken(world) -> World:
    """Classify questions: Ana right but for the first, Ben right on half, the third only the first.
    Everyone else (and Ben, Cal) reads the framing passage as sourced argument."""
    first, rest = world.classify[0], world.classify[1:]
    framing = next(q for q in world.classify if q["key"]["choice"] == "editorial_framing")
    misread = {"choice": "sourced_argument"}
    marks = next(q for q in world.questions if q["type"] == "mark_words")
    wrong = {"choice": "reported_fact" if first["key"]["choice"] == "boilerplate" else "boilerplate"}
    world.take("ana", {q["id"]: world.key(q) for q in rest} | {first["id"]: wrong, marks["id"]: marks["key"]})
    world.take("ben", {q["id"]: world.key(q) for q in rest[: len(rest) // 2]} | {framing["id"]: misread})
    world.take("cal", {first["id"]: world.key(first), framing["id"]: misread})
    world.framing = framing
    return world


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.get_data(as_text=True)


def names_in_order(html: str, names: list[str]) -> list[str]:
    return sorted(names, key=html.index)


# ---- gradebook --------------------------------------------------------------------------------


def test_gradebook_lists_every_student_with_state_score_and_a_cell_per_question(taken):
    html = page(taken.client("teacher"), f"/teach/assignments/{taken.assignment}/gradebook")
    assert "Ana" in html and "Ben" in html and "=HYPERLINK(&#34;x&#34;)" in html
    assert html.count("<abbr title=") == len(taken.questions)
    assert html.count(">submitted</td>") == 3
    assert f"/teach/assignments/{taken.assignment}/students/{taken.students['ana']}" in html


def test_gradebook_sorts_by_a_query_parameter(taken):
    client = taken.client("teacher")
    base = f"/teach/assignments/{taken.assignment}/gradebook"
    everyone = ["Ana", "Ben", "=HYPERLINK(&#34;x&#34;)"]
    assert names_in_order(page(client, base), everyone) == ["=HYPERLINK(&#34;x&#34;)", "Ana", "Ben"]
    by_score = page(client, base + "?sort=score&dir=desc")
    assert names_in_order(by_score, everyone) == ["Ana", "Ben", "=HYPERLINK(&#34;x&#34;)"]
    assert 'aria-sort="descending"' in by_score
    assert names_in_order(page(client, base + "?sort=score&dir=asc"), everyone)[0] == "=HYPERLINK(&#34;x&#34;)"
    assert names_in_order(page(client, base + "?sort=bogus"), everyone) == ["=HYPERLINK(&#34;x&#34;)", "Ana", "Ben"]


def test_a_student_who_has_not_started_sorts_last_either_way(world):
    world.take("ana", {world.classify[0]["id"]: world.key(world.classify[0])})
    client = world.client("teacher")
    for direction in ("asc", "desc"):
        html = page(client, f"/teach/assignments/{world.assignment}/gradebook?sort=score&dir={direction}")
        assert html.index("Ana") < html.index("Ben")
    assert "not started" in html


@pytest.mark.parametrize("method, score, shown", [("highest", 2, 1), ("first", 1, 0), ("last", 0, 2), ("average", 1, 2)])
def test_the_counted_score_and_the_cells_shown_follow_the_grading_method(world, method, score, shown):
    one, two = world.classify[0], world.classify[1]
    wrong = {"choice": next(label for label in ("boilerplate", "reported_fact") if label != one["key"]["choice"])}
    taken = [world.take("ana", {one["id"]: world.key(one)}),
             world.take("ana", {one["id"]: world.key(one), two["id"]: world.key(two)}),
             world.take("ana", {one["id"]: wrong})]
    with world.app.app_context():
        assignment = db.session.get(Assignment, world.assignment)
        assignments.update_assignment(assignment, grading_method=method)
        row = next(r for r in results.gradebook(results.load_sheet(assignment)) if r.student.username == "ana")
        assert row.score == score and len(row.attempts) == 3
        assert row.shown.id == taken[shown]
        assert sum(c or 0 for c in row.cells) == db.session.get(Attempt, taken[shown]).score


def test_a_student_page_shows_every_attempt_with_the_answers_as_given(taken):
    client = taken.client("teacher")
    html = page(client, f"/teach/assignments/{taken.assignment}/students/{taken.students['cal']}")
    assert "Attempt 1" in html and "Sourced argument" in html and "not answered" in html
    other_class = client.get(f"/teach/assignments/{taken.assignment}/students/999999")
    assert other_class.status_code == 404


# ---- CSV ----------------------------------------------------------------------------------------


def parse_csv(response) -> list[list[str]]:
    assert response.status_code == 200 and response.mimetype == "text/csv"
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def test_gradebook_csv_has_a_bom_and_neutralises_a_formula_name(taken):
    rows = parse_csv(taken.client("teacher").get(f"/teach/assignments/{taken.assignment}/gradebook.csv"))
    assert rows[0][:3] == ["student_id", "username", "display_name"]
    assert len(rows[0]) == 8 + len(taken.questions)
    assert "'" + FORMULA_NAME in [row[2] for row in rows[1:]]


def test_responses_csv_has_a_row_per_student_attempt_and_question(taken):
    rows = parse_csv(taken.client("teacher").get(f"/teach/assignments/{taken.assignment}/responses.csv"))
    assert len(rows) == 1 + 3 * len(taken.questions)
    header = rows[0]
    framing = [r for r in rows[1:] if r[header.index("question_id")] == str(taken.framing["id"])
               and r[header.index("username")] == "ben"]
    assert framing[0][header.index("answer")] == '{"choice": "sourced_argument"}'
    assert framing[0][header.index("points")] == "0.0"


# ---- item analysis and answer distribution -----------------------------------------------------


def test_analysis_flags_a_question_strong_students_got_wrong(taken):
    html = page(taken.client("teacher"), f"/teach/assignments/{taken.assignment}/analysis")
    assert "Strong students got this wrong more often than weak ones: check the key and the wording." in html
    assert "Attempts analysed</dt><dd>3</dd>" in html
    assert html.count('role="img"') == 2 and "<details>" in html


def test_answer_distribution_is_hidden_until_asked_or_closed(taken):
    client = taken.client("teacher")
    url = f"/teach/assignments/{taken.assignment}/analysis"
    hidden = page(client, url)
    assert "Show now" in hidden and "Chosen by" not in hidden
    shown = page(client, url + "?show=1")
    assert "Chosen by" in shown and "Show now" not in shown and "Words marked" in shown
    with taken.app.app_context():
        assignment = db.session.get(Assignment, taken.assignment)
        assignments.update_assignment(assignment, opens_at=utcnow() - timedelta(days=2), closes_at=utcnow() - timedelta(days=1))
    assert "Chosen by" in page(client, url)


# ---- confusion ------------------------------------------------------------------------------------


def test_confusion_states_the_most_frequent_confusion_in_words(taken):
    client = taken.client("teacher")
    html = page(client, f"/teach/assignments/{taken.assignment}/confusion")
    assert "2 of 3 students read the editorial framing in paragraph" in html
    assert "as sourced argument" in html and 'role="img"' in html
    cell = page(client, f"/teach/assignments/{taken.assignment}/confusion?true=editorial_framing&given=sourced_argument")
    assert 'id="passages"' in cell and "2 of 3 students (Ben, =HYPERLINK(&#34;x&#34;))" in cell


def test_confusion_for_one_student_and_for_the_class(taken):
    client = taken.client("teacher")
    ana = page(client, f"/teach/assignments/{taken.assignment}/confusion?student={taken.students['ana']}")
    assert "read the editorial framing" not in ana
    assert "1 of 1 student read the editorial framing" in page(
        client, f"/teach/assignments/{taken.assignment}/confusion?student={taken.students['ben']}")
    assert "2 of 3 students read the editorial framing" in page(client, f"/teach/classes/{taken.class_id}/confusion")
    assert client.get(f"/teach/classes/{taken.class_id}/confusion?student=999999").status_code == 404


# ---- student progress -------------------------------------------------------------------------------


def test_student_progress_shows_mastery_per_label(taken):
    html = page(taken.client("ben"), "/me/progress")
    assert 'role="img"' in html and "Editorial framing" in html and " of " in html
    assert "week of" in html
    assert "20" in page(taken.client("ben"), "/me/progress?period=month")


def test_progress_waits_for_the_feedback_time(world):
    with world.app.app_context():
        assignments.update_assignment(db.session.get(Assignment, world.assignment), feedback="after_close")
    world.take("ana", {world.classify[0]["id"]: world.key(world.classify[0])})
    assert "Nothing to show yet" in page(world.client("ana"), "/me/progress")


# ---- API -----------------------------------------------------------------------------------------------


def api(client, url: str, token: str | None = None):
    return client.get(url, headers={"Authorization": f"Bearer {token}"} if token else {})


def test_api_gradebook_responses_statistics_and_confusion(taken, client):
    base = f"/api/v1/assignments/{taken.assignment}"
    gradebook = api(client, base + "/gradebook", taken.token).json
    assert [s["display_name"] for s in gradebook["students"]] == [FORMULA_NAME, "Ana", "Ben"]
    assert len(gradebook["students"][1]["points"]) == len(taken.questions)
    assert len(api(client, base + "/responses", taken.token).json["responses"]) == 3 * len(taken.questions)
    statistics = api(client, base + "/item-statistics", taken.token).json
    assert statistics["quiz"]["attempts"] == 3 and len(statistics["questions"]) == len(taken.questions)
    confusion = api(client, base + "/confusion", taken.token).json
    assert confusion["statements"][0].startswith("2 of 3 students read the editorial framing")
    ana = api(client, base + f"/confusion?student={taken.students['ana']}", taken.token).json["statements"]
    assert len(ana) == 1 and ana[0].startswith("1 of 1 student read the ")
    assert api(client, base + "/confusion?student=x", taken.token).status_code == 422


@pytest.mark.parametrize("path", ["gradebook", "responses", "item-statistics", "confusion"])
def test_api_refuses_other_teachers_students_and_nobody(taken, client, path):
    url = f"/api/v1/assignments/{taken.assignment}/{path}"
    assert api(client, url, taken.other_token).status_code == 404
    assert api(client, url).status_code == 401
    assert taken.client("ana").get(url).status_code == 403


def test_api_progress_is_the_students_own(taken, client):
    body = taken.client("ben").get("/api/v1/me/progress").json
    assert body["period"] == "week" and "editorial_framing" in body["labels"]
    assert api(client, "/api/v1/me/progress", taken.token).status_code == 403


# ---- access -------------------------------------------------------------------------------------------

TEACHER_PAGES = ["gradebook", "gradebook.csv", "responses.csv", "analysis", "confusion", "students/{ana}"]


@pytest.mark.parametrize("path", TEACHER_PAGES)
def test_only_the_class_teacher_sees_results(taken, path):
    url = f"/teach/assignments/{taken.assignment}/" + path.format(ana=taken.students["ana"])
    assert taken.client("teacher").get(url).status_code == 200
    assert taken.client("other").get(url).status_code == 404
    assert taken.client("ana").get(url).status_code == 403
    assert taken.app.test_client().get(url).status_code == 302


def test_class_confusion_and_progress_access(taken):
    url = f"/teach/classes/{taken.class_id}/confusion"
    assert taken.client("other").get(url).status_code == 404
    assert taken.client("ana").get(url).status_code == 403
    assert taken.client("teacher").get("/me/progress").status_code == 403
    assert taken.app.test_client().get("/me/progress").status_code == 302


# ---- scale: queries do not grow with the class ------------------------------------------------------

COUNTED_URLS = ["/teach/assignments/{a}/gradebook", "/teach/assignments/{a}/analysis?show=1",
                "/teach/assignments/{a}/confusion", "/teach/assignments/{a}/gradebook.csv",
                "/teach/assignments/{a}/responses.csv", "/teach/classes/{c}/confusion",
                "/api/v1/assignments/{a}/gradebook", "/api/v1/assignments/{a}/responses",
                "/api/v1/assignments/{a}/item-statistics", "/api/v1/assignments/{a}/confusion"]


def test_query_count_is_the_same_for_10_and_200_students(world):
    with world.app.app_context():
        teacher_user = db.session.get(accounts.User, world.teacher)
        quiz = scaled_quiz(30)
        small, large = seed_class(teacher_user, 10, quiz), seed_class(teacher_user, 200, quiz)
        worlds = [(a.id, a.classroom_id) for a in (small, large)]
        engine = db.engine
    client = world.client("teacher")
    counts = []
    for assignment_id, class_id in worlds:
        per_url = []
        for url in COUNTED_URLS:
            url = url.format(a=assignment_id, c=class_id)
            headers = {"Authorization": f"Bearer {world.token}"} if url.startswith("/api/") else {}
            with counted_queries(engine) as queries:
                assert client.get(url, headers=headers).status_code == 200, url
            per_url.append(queries[0])
        counts.append(per_url)
    assert counts[0] == counts[1]
    assert max(counts[0]) < 20
