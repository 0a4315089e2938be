"""The question-set editor's pages: sets, questions of every type through the form, refusals that
keep what was typed, edits, order, versions and regrading, duplicates, sharing, hostile text."""

import re
from datetime import timedelta
from html import unescape

import pytest
import sqlalchemy as sa

from models import Article, Assignment, Attempt, Quiz, User, db, utcnow
from services import accounts, articles, assignments, attempts, classes, question_editor
from services.catalog import practice_quizzes
from tests.conftest import csrf_token, post_form, sign_in

ARTICLE = (
    "Minister quits as storm grows [ANALYSIS]\n\n"
    "The minister resigned on Tuesday, according to a statement from the ministry. "
    "The government has claimed the storm caused only minor damage. "
    "So, is this the end of the government?"
)
LABELS = {
    "Minister quits": "headline_teaser",
    "The minister resigned": "reported_fact",
    "The government has claimed": "attributed_claim",
    "So, is this": "editorial_framing",
}
CLAIM = "The government has claimed the storm caused only minor damage."
FRAMING = "So, is this the end of the government?"
SCRIPT = "<script>alert(1)</script>"
PAYLOAD = SCRIPT + '"><img src=x onerror=alert(1)>'
PASSWORD = "correct horse battery"


# --- helpers ---------------------------------------------------------------------------------


def _signed_in(app, make_teacher, email="t@example.org", name="Teacher T"):
    teacher_id, email, password = make_teacher(email, name)
    client = app.test_client()
    assert sign_in(client, email, password).status_code == 302
    return teacher_id, client


@pytest.fixture
def teacher(app, make_teacher):
    """(teacher id, a signed-in client, the id of the teacher's labelled article)."""
    teacher_id, client = _signed_in(app, make_teacher)
    with app.app_context():
        article = articles.add_article(db.session.get(User, teacher_id), title="Storm", text=ARTICLE)
        for passage in articles.passages_of(article):
            text = article.text[passage.start:passage.end]
            articles.set_label(article, passage.id, next(v for k, v in LABELS.items() if text.startswith(k)))
        return teacher_id, client, article.id


def _passage(app, article_id: int, text: str) -> str:
    """The form value ("start-end") of the passage of the article that is exactly ``text``."""
    with app.app_context():
        passages = articles.passages_of(db.session.get(Article, article_id))
        return next(f"{p.start}-{p.end}" for p in passages if ARTICLE[p.start:p.end] == text)


def _question(**fields) -> dict:
    """Every field of the question form, as a browser posts it (empty unless given)."""
    return {"type": "classify", "prompt": "", "points": "1", "explanation": "", "passage": "", "answer": "",
            "label": "", "options": "", "phrases": "", **fields}


def _html(response) -> str:
    return response.get_data(as_text=True)


def _text(response) -> str:
    """The page as text to search: entities decoded, white space runs made one space."""
    return " ".join(unescape(_html(response)).split())


def _location(response) -> str:
    assert response.status_code == 303, (response.status_code, _html(response)[:2000])
    return response.headers["Location"]


def _create_set(client, article_id: int, title="Storm quiz") -> int:
    page = _html(client.get("/teach/sets"))
    location = _location(post_form(client, "/teach/sets", {"article_id": str(article_id), "title": title}, page))
    return int(re.fullmatch(r"/teach/quizzes/(\d+)/edit", location).group(1))


def _add(client, quiz_id: int, **fields):
    page = _html(client.get(f"/teach/quizzes/{quiz_id}/edit"))
    return post_form(client, f"/teach/quizzes/{quiz_id}/questions", _question(**fields), page)


def _quiz(app, quiz_id: int) -> dict:
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        return {"version": quiz.version, "previous_id": quiz.previous_id, "title": quiz.title,
                "questions": [q.as_data() for q in quiz.questions]}


def _classify_set(app, teacher_id: int, article_id: int, prompts=("First?", "Second?", "Third?")) -> int:
    """A set of classify questions on the claim, made through the service."""
    with app.app_context():
        teacher = db.session.get(User, teacher_id)
        quiz = question_editor.create_set(teacher, article_id, "Made by the service")
        start = ARTICLE.index(CLAIM)
        for prompt in prompts:
            question_editor.add_question(teacher, quiz.id, {
                "type": "classify", "prompt": prompt, "explanation": "Has claimed.",
                "passage": {"start": start, "end": start + len(CLAIM)}, "answer": "attributed_claim",
            })
        return quiz.id


# --- creating a set and one question of each type ------------------------------------------------


def test_a_set_gets_one_question_of_each_type_through_the_form(app, teacher):
    teacher_id, client, article_id = teacher
    page = _html(client.get("/teach/sets"))
    assert "Who is speaking?" in page and "(bundled with Framecheck)" in page  # the bundled article to build on
    quiz_id = _create_set(client, article_id)
    claim, framing = _passage(app, article_id, CLAIM), _passage(app, article_id, FRAMING)
    added = [
        _add(client, quiz_id, type="classify", prompt="Who speaks here?", explanation="<em>has claimed</em>",
             passage=claim, answer="attributed_claim"),
        _add(client, quiz_id, type="multiple_choice", prompt="Who claims?", points="2", explanation="The verb.",
             options="* The government\nThe ministry\nThe minister"),
        _add(client, quiz_id, type="multi_select", prompt="Which are attributions?", explanation="Both name a source.",
             options="* has claimed\n* according to\non Tuesday"),
        _add(client, quiz_id, type="mark_words", prompt="Mark the claim's verb.", explanation="Has claimed.",
             passage=claim, label="attributed_claim", phrases="has claimed"),
        _add(client, quiz_id, type="find_in_article", prompt="Find the framing.", explanation="A question.",
             label="editorial_framing"),
    ]
    for response in added:
        assert re.fullmatch(rf"/teach/quizzes/{quiz_id}/edit#q-\d+", _location(response))
    questions = _quiz(app, quiz_id)["questions"]
    assert [q["type"] for q in questions] == ["classify", "multiple_choice", "multi_select", "mark_words", "find_in_article"]
    classify, choice, multi, mark, find = questions
    assert classify["key"] == {"choice": "attributed_claim"} and classify["text"] == CLAIM
    assert [o["text"] for o in choice["options"]] == ["The government", "The ministry", "The minister"]
    assert choice["key"] == {"choice": "a"} and choice["points"] == 2
    assert multi["key"] == {"choices": ["a", "b"]}
    assert [ARTICLE[s:e] for s, e in mark["key"]["spans"]] == ["has claimed"] and mark["label"] == "attributed_claim"
    assert [ARTICLE[s:e] for s, e in find["key"]["spans"]] == [FRAMING]
    editor = unescape(_html(client.get(f"/teach/quizzes/{quiz_id}/edit")))
    names = ["Classify a passage", "Multiple choice", "Multi select", "Mark the words", "Find in the article"]
    assert [editor.index(f"Question {n} · {name}") for n, name in enumerate(names, 1)] == sorted(
        editor.index(f"Question {n} · {name}") for n, name in enumerate(names, 1))
    assert "Right answer: <q>Attributed claim</q>" in editor and "<q>The government</q>" in editor
    assert "<em>has claimed</em>" in editor  # the explanation's allowed HTML is kept
    with app.app_context():
        assert question_editor.sets_of(db.session.get(User, teacher_id))[0].id == quiz_id
    assert "Storm quiz" in _html(client.get("/teach/sets"))


def test_a_refused_question_keeps_what_was_typed_and_names_the_field(app, teacher):
    _, client, article_id = teacher
    quiz_id = _create_set(client, article_id)
    claim = _passage(app, article_id, CLAIM)
    refused = _add(client, quiz_id, type="mark_words", prompt="Mark the <b>verb</b>", points="many",
                   explanation="Because.", passage=claim, label="attributed_claim", phrases="has claimed\nnowhere")
    assert refused.status_code == 422
    html = _html(refused)
    assert "Mark the &lt;b&gt;verb&lt;/b&gt;</textarea>" in html  # kept, and escaped
    assert "has claimed\nnowhere</textarea>" in html
    assert f'<option selected value="{claim}">' in html
    assert re.search(r'id="points"[^>]*value="many"', html)
    points_errors = re.search(r'<ul class="field-errors" id="points-errors"[^>]*>(.*?)</ul>', html, re.S).group(1)
    assert "Points must be a number above 0" in points_errors
    phrase_errors = re.search(r'<ul class="field-errors" id="phrases-errors"[^>]*>(.*?)</ul>', html, re.S).group(1)
    assert "“nowhere” is not in the passage" in phrase_errors
    assert 'aria-describedby="phrases-hint phrases-errors"' in html
    one_right = _add(client, quiz_id, type="multiple_choice", prompt="Who?", explanation="The verb.",
                     options="* The government\n* The ministry")
    assert one_right.status_code == 422
    assert "Mark exactly one option as right" in _html(one_right)
    assert _quiz(app, quiz_id)["questions"] == []  # nothing was stored
    hostile = _add(client, quiz_id, type="sorting", prompt="Who?")
    assert hostile.status_code == 422 and "Not a valid choice" in _html(hostile)


def test_details_are_saved_and_refused_with_what_was_typed(app, teacher):
    _, client, article_id = teacher
    quiz_id = _create_set(client, article_id)
    page = _html(client.get(f"/teach/quizzes/{quiz_id}/edit"))
    refused = post_form(client, f"/teach/quizzes/{quiz_id}/details", {"title": " ", "description": "Kept text"}, page)
    assert refused.status_code == 422
    assert "A title of 1 to 200 characters." in _html(refused) and "Kept text</textarea>" in _html(refused)
    saved = post_form(client, f"/teach/quizzes/{quiz_id}/details",
                      {"title": "Renamed", "description": "<strong>Read</strong> it"}, page)
    assert _location(saved) == f"/teach/quizzes/{quiz_id}/edit"
    assert _quiz(app, quiz_id)["title"] == "Renamed"
    preview = client.get(f"/teach/quizzes/{quiz_id}")
    assert "<strong>Read</strong> it" in _html(preview)
    assert "add one</a> before publishing." in _text(preview) and ">Publish<" not in _html(preview)
    bad_article = post_form(client, "/teach/sets", {"article_id": "999999", "title": "X"}, page)
    assert bad_article.status_code == 422 and "Not a valid choice" in _html(bad_article)


# --- edit, reorder, delete ------------------------------------------------------------------------


def test_a_question_is_edited_moved_and_deleted(app, teacher):
    teacher_id, client, article_id = teacher
    quiz_id = _classify_set(app, teacher_id, article_id)
    first, second, third = (q["id"] for q in _quiz(app, quiz_id)["questions"])
    url = f"/teach/quizzes/{quiz_id}/questions/{second}"
    page = _html(client.get(url))
    assert "Second?</textarea>" in page and '<option selected value="attributed_claim">' in page
    edited = post_form(client, url, _question(prompt="Second, edited?", explanation="Has claimed.",
                                              passage=_passage(app, article_id, CLAIM), answer="reported_fact"), page)
    assert _location(edited) == f"/teach/quizzes/{quiz_id}/edit#q-{second}"  # no attempts: edited in place
    stored = _quiz(app, quiz_id)["questions"][1]
    assert (stored["id"], stored["prompt"], stored["key"]) == (second, "Second, edited?", {"choice": "reported_fact"})

    editor = _html(client.get(f"/teach/quizzes/{quiz_id}/edit"))
    assert "Move up<span class=\"visually-hidden\"> question 1" not in editor  # the first cannot go up
    moved = post_form(client, f"/teach/quizzes/{quiz_id}/questions/{third}/move", {"position": "1"}, editor)
    assert _location(moved) == f"/teach/quizzes/{quiz_id}/edit#q-{third}"
    assert [q["id"] for q in _quiz(app, quiz_id)["questions"]] == [third, first, second]
    for position in ("9", "abc"):
        refused = post_form(client, f"/teach/quizzes/{quiz_id}/questions/{third}/move", {"position": position}, editor)
        assert refused.status_code == 422
        assert re.search(rf'id="position"[^>]*value="{position}"', _html(refused))
    assert "position must be a whole number from 1 to 3" in _html(
        post_form(client, f"/teach/quizzes/{quiz_id}/questions/{third}/move", {"position": "9"}, editor))

    deleted = post_form(client, f"/teach/quizzes/{quiz_id}/questions/{third}/delete", {}, editor)
    assert _location(deleted) == f"/teach/quizzes/{quiz_id}/edit"
    assert [(q["id"], q["prompt"]) for q in _quiz(app, quiz_id)["questions"]] == [(first, "First?"), (second, "Second, edited?")]
    assert "Question deleted." in _html(client.get(f"/teach/quizzes/{quiz_id}/edit"))
    assert client.get(f"/teach/quizzes/{quiz_id}/questions/{third}").status_code == 404

    other = _classify_set(app, teacher_id, article_id, ("Elsewhere?",))
    foreign = _quiz(app, other)["questions"][0]["id"]
    assert client.get(f"/teach/quizzes/{quiz_id}/questions/{foreign}").status_code == 404
    assert post_form(client, f"/teach/quizzes/{quiz_id}/questions/{foreign}/delete", {}, editor).status_code == 404


def test_a_set_nobody_has_is_deleted_and_an_assigned_one_is_refused(app, teacher):
    teacher_id, client, article_id = teacher
    fresh, assigned = _classify_set(app, teacher_id, article_id), _classify_set(app, teacher_id, article_id)
    _assign(app, teacher_id, assigned)
    page = _html(client.get("/teach/sets"))
    assert _location(post_form(client, f"/teach/quizzes/{fresh}/delete", {}, page)) == "/teach/sets"
    assert client.get(f"/teach/quizzes/{fresh}/edit").status_code == 404
    refused = post_form(client, f"/teach/quizzes/{assigned}/delete", {}, page)
    assert _location(refused) == f"/teach/quizzes/{assigned}/edit"
    assert "unpublish it instead" in _html(client.get(f"/teach/quizzes/{assigned}/edit"))
    assert _quiz(app, assigned)["questions"]


# --- versions and regrading ------------------------------------------------------------------------


def _assign(app, teacher_id: int, quiz_id: int) -> int:
    with app.app_context():
        teacher = db.session.get(User, teacher_id)
        question_editor.set_published(teacher, quiz_id, True)
        classroom = classes.create_class(teacher, "Year 10")
        now = utcnow()
        return assignments.create_assignment(classroom, quiz_id, now - timedelta(hours=1), now + timedelta(days=7)).id


def _submitted_attempt(app, assignment_id: int, answers: dict) -> int:
    with app.app_context():
        assignment = db.session.get(Assignment, assignment_id)
        student = accounts.create_student("sam.student", "Sam Student", PASSWORD)
        classes.enroll(student, assignment.classroom)
        attempt = assignments.start_or_resume(student, assignment_id)
        for question_id, answer in answers.items():
            attempts.save_answer(attempt, question_id, answer)
        attempts.submit(attempt)
        return attempt.id


def _attempt(app, attempt_id: int) -> tuple[int, float, float]:
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        return attempt.quiz_id, attempt.score, attempt.max_score


def test_editing_an_attempted_set_makes_version_2_and_a_regrade_moves_the_attempt(app, teacher):
    teacher_id, client, article_id = teacher
    v1 = _classify_set(app, teacher_id, article_id, ("First?", "Second?"))
    first, second = (q["id"] for q in _quiz(app, v1)["questions"])
    assignment_id = _assign(app, teacher_id, v1)
    attempt_id = _submitted_attempt(app, assignment_id, {first: {"choice": "reported_fact"},
                                                         second: {"choice": "attributed_claim"}})
    assert _attempt(app, attempt_id) == (v1, 1.0, 2.0)

    editor = _text(client.get(f"/teach/quizzes/{v1}/edit"))
    assert "Students have attempted this version (1 attempt(s)). Your next change makes version 2" in editor
    page = _html(client.get(f"/teach/quizzes/{v1}/questions/{first}"))
    edited = post_form(client, f"/teach/quizzes/{v1}/questions/{first}", _question(
        prompt="First?", explanation="A figure with a date.", passage=_passage(app, article_id, CLAIM),
        answer="reported_fact"), page)
    location = _location(edited)
    v2 = int(re.fullmatch(r"/teach/quizzes/(\d+)/edit#q-\d+", location).group(1))
    assert v2 != v1
    editor = _text(client.get(location))
    assert ("Students had attempted version 1, so this change made version 2; their attempts keep version 1. "
            "You can regrade them.") in editor
    assert "Version 2 of 2; 1 attempt(s) on older versions: " in editor and "Regrade…" in editor
    new, old = _quiz(app, v2), _quiz(app, v1)
    assert (new["version"], new["previous_id"]) == (2, v1)
    assert new["questions"][0]["key"] == {"choice": "reported_fact"}
    assert old["questions"][0]["key"] == {"choice": "attributed_claim"}  # version 1 is as it was
    with app.app_context():
        assert db.session.get(Assignment, assignment_id).quiz_id == v2  # the assignment moved
    assert _attempt(app, attempt_id) == (v1, 1.0, 2.0)  # the attempt kept version 1

    # version 1 is read-only now: its editor sends to version 2, its preview says so
    assert client.get(f"/teach/quizzes/{v1}/edit").headers["Location"] == f"/teach/quizzes/{v2}/edit"
    preview = _text(client.get(f"/teach/quizzes/{v1}"))
    assert "This is version 1, kept as it was" in preview and f'href="/teach/quizzes/{v2}"' in preview
    assert "Publish" not in preview and "Edit questions" not in preview
    assert post_form(client, f"/teach/quizzes/{v1}/details", {"title": "Old", "description": ""}, page).status_code == 409

    dry = _html(client.get(f"/teach/quizzes/{v2}/regrade"))
    row = re.search(r"<tr class=\"flagged\">(.*?)</tr>", dry, re.S).group(1)
    cells = [c.strip() for c in re.findall(r"<td>(.*?)</td>", row, re.S)]
    assert cells == ["Sam Student", "1", "1 of 2", "2 of 2", "<strong>Changed</strong>"]
    assert _attempt(app, attempt_id) == (v1, 1.0, 2.0)  # the dry run stored nothing
    applied = post_form(client, f"/teach/quizzes/{v2}/regrade", {}, dry)
    assert _location(applied) == f"/teach/quizzes/{v2}/edit"
    assert "1 attempt(s) regraded: 1 score(s) changed." in _html(client.get(f"/teach/quizzes/{v2}/edit"))
    assert _attempt(app, attempt_id) == (v2, 2.0, 2.0)
    assert "nothing to regrade" in _html(client.get(f"/teach/quizzes/{v2}/regrade"))


# --- duplicating and sharing -------------------------------------------------------------------------


def test_the_bundled_set_is_previewed_read_only_and_duplicated(app, teacher):
    teacher_id, client, _ = teacher
    with app.app_context():
        bundled = practice_quizzes()[0]
    preview = _html(client.get(f"/teach/quizzes/{bundled['id']}"))
    assert "This set comes with Framecheck." in preview
    assert "Edit questions" not in preview and ">Publish<" not in preview and "Share with other teachers" not in preview
    location = _location(post_form(client, f"/teach/quizzes/{bundled['id']}/duplicate", {}, preview))
    copy_id = int(re.fullmatch(r"/teach/quizzes/(\d+)/edit", location).group(1))
    with app.app_context():
        copy = db.session.get(Quiz, copy_id)
        assert (copy.owner_id, copy.title, copy.published, copy.shared) == (teacher_id, "Copy of Who is speaking?", False, False)
        assert len(copy.questions) == bundled["question_count"]
    editor = _html(client.get(location))
    assert "Copy of Who is speaking?" in editor and "Edit<span class=\"visually-hidden\"> question 26</span>" in editor
    assert client.get(f"/teach/quizzes/{bundled['id']}/edit").status_code == 404  # never edited itself


def test_a_shared_set_is_previewed_and_duplicated_by_another_teacher_never_edited(app, teacher, make_teacher):
    teacher_id, client, article_id = teacher
    quiz_id = _classify_set(app, teacher_id, article_id)
    other_id, other = _signed_in(app, make_teacher, "b@example.org", "Teacher B")
    assert "Made by the service" not in _html(other.get("/teach/sets"))
    assert other.get(f"/teach/quizzes/{quiz_id}").status_code == 404

    preview = _html(client.get(f"/teach/quizzes/{quiz_id}"))
    assert "Private:" in preview
    shared = post_form(client, f"/teach/quizzes/{quiz_id}/share", {}, preview)
    assert _location(shared) == f"/teach/quizzes/{quiz_id}"
    assert "Shared: every teacher here can preview and duplicate it" in _html(client.get(f"/teach/quizzes/{quiz_id}"))

    sets = _html(other.get("/teach/sets"))
    shared_section = sets[sets.index('id="shared-h"'):sets.index('id="new-h"')]
    assert "Made by the service" in shared_section and "Another teacher" in shared_section
    preview = _text(other.get(f"/teach/quizzes/{quiz_id}"))
    assert "Another teacher shares this set." in preview and "First?" in preview
    assert "Edit questions" not in preview and "Stop sharing" not in preview
    for url in (f"/teach/quizzes/{quiz_id}/edit", f"/teach/quizzes/{quiz_id}/regrade"):
        assert other.get(url).status_code == 404
    for url, data in ((f"/teach/quizzes/{quiz_id}/details", {"title": "Mine now"}),
                      (f"/teach/quizzes/{quiz_id}/questions", _question(prompt="Mine?")),
                      (f"/teach/quizzes/{quiz_id}/share", {}), (f"/teach/quizzes/{quiz_id}/publish", {})):
        assert post_form(other, url, data, sets).status_code == 404
    location = _location(post_form(other, f"/teach/quizzes/{quiz_id}/duplicate", {}, sets))
    copy_id = int(re.fullmatch(r"/teach/quizzes/(\d+)/edit", location).group(1))
    with app.app_context():
        assert db.session.get(Quiz, copy_id).owner_id == other_id
    assert "Copy of Made by the service" in _html(other.get(location))
    assert _quiz(app, quiz_id)["title"] == "Made by the service"

    post_form(client, f"/teach/quizzes/{quiz_id}/share", {}, _html(client.get(f"/teach/quizzes/{quiz_id}")))
    assert other.get(f"/teach/quizzes/{quiz_id}").status_code == 404  # no longer shared


# --- hostile text ---------------------------------------------------------------------------------------


def test_hostile_text_is_escaped_and_explanations_sanitised(app, teacher):
    _, client, article_id = teacher
    quiz_id = _create_set(client, article_id, title=PAYLOAD)
    explanation = f'<em>kept</em>{SCRIPT}<a href="javascript:alert(1)">link</a><img src=x onerror=alert(1)>'
    added = _add(client, quiz_id, type="multiple_choice", prompt=PAYLOAD, explanation=explanation,
                 options=f"* {PAYLOAD}\nSomething else")
    _location(added)
    question_id = _quiz(app, quiz_id)["questions"][0]["id"]
    pages = {
        "sets": client.get("/teach/sets"),
        "editor": client.get(f"/teach/quizzes/{quiz_id}/edit"),
        "question": client.get(f"/teach/quizzes/{quiz_id}/questions/{question_id}"),
        "preview": client.get(f"/teach/quizzes/{quiz_id}"),
    }
    for name, response in pages.items():
        html = _html(response)
        assert response.status_code == 200, name
        assert SCRIPT not in html and "<img src=x" not in html and 'href="javascript:' not in html, name
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, name
    for name in ("editor", "preview"):
        assert "<em>kept</em>" in _html(pages[name]), name
        assert "&lt;script&gt;" not in _html(pages[name]).split("Why:</strong>", 1)[1][:200], name
    assert "<em>kept</em>" not in _html(pages["question"])  # in the textarea, as text
    with app.app_context():  # cleaned when stored, and again when shown (for text stored some other way)
        quiz = db.session.get(Quiz, quiz_id)
        assert SCRIPT not in quiz.questions[0].explanation
        quiz.questions[0].explanation = quiz.description = f"<em>raw</em>{SCRIPT}"
        db.session.commit()
    for url in (f"/teach/quizzes/{quiz_id}/edit", f"/teach/quizzes/{quiz_id}"):
        html = _html(client.get(url))
        assert "<em>raw</em>" in html and SCRIPT not in html, url


def test_the_question_pages_refuse_students_and_send_nobody_to_sign_in(app, teacher):
    teacher_id, _, article_id = teacher
    quiz_id = _classify_set(app, teacher_id, article_id)
    with app.app_context():
        accounts.create_student("pupil1", "Pupil", PASSWORD)
    student = app.test_client()
    sign_in(student, "pupil1", PASSWORD)
    for url in ("/teach/sets", f"/teach/quizzes/{quiz_id}/edit", f"/teach/quizzes/{quiz_id}/regrade"):
        assert student.get(url).status_code == 403
        assert app.test_client().get(url).headers["Location"].startswith("/login?next=")
    page = _html(student.get("/me"))
    assert student.post(f"/teach/quizzes/{quiz_id}/duplicate", data={"csrf_token": csrf_token(page)}).status_code == 403
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Quiz)) == 2  # bundled + this one
