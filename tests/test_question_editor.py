"""The question-set editor's use cases: editing in place, versions once students have attempted a
set, regrading after a dry run, duplicating, sharing and who may assign what."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from models import Assignment, Attempt, Question, Quiz, Response, db, utcnow
from quizzes.question_input import editor_fields
from services import accounts, articles, assignments, attempts, classes, question_editor, regrading
from services.catalog import visible_quiz
from services.errors import Conflict, Invalid, NotFound
from services.question_editor import FieldErrors

PASSWORD = "correct horse battery"
TEXT = ("Scholars argued in a journal that the plan failed. The minister has claimed it “worked”. "
        "This shameful plan betrayed voters. Could it happen again?")


@pytest.fixture
def people(app):
    with app.app_context():
        ta = accounts.create_teacher("ta@example.org", "Teacher A", PASSWORD)
        tb = accounts.create_teacher("tb@example.org", "Teacher B", PASSWORD)
        student = accounts.create_student("s.one", "Student One", PASSWORD)
        classroom = classes.create_class(ta, "9A")
        classes.enroll(student, classroom)
        article = articles.add_article(ta, title="Plan", text=TEXT)
        labels = ["sourced_argument", "attributed_claim", "editorial_framing", "headline_teaser"]
        for passage, label in zip(articles.passages_of(article), labels):
            articles.set_label(article, passage.id, label)
        return {"ta": ta.id, "tb": tb.id, "student": student.id, "class": classroom.id, "article": article.id}


def user(user_id):
    return db.session.get(accounts.User, user_id)


def span_of(phrase: str) -> dict:
    start = TEXT.index(phrase)
    return {"start": start, "end": start + len(phrase)}


def classify(sentence: str, answer: str, **extra) -> dict:
    return {"type": "classify", "prompt": "Which label?", "points": 1, "explanation": "The cue says so.",
            "passage": span_of(sentence), "answer": answer, **extra}


FIRST = "Scholars argued in a journal that the plan failed."
SECOND = "The minister has claimed it “worked”."
THIRD = "This shameful plan betrayed voters."


def new_set(people, *questions) -> Quiz:
    quiz = question_editor.create_set(user(people["ta"]), people["article"], "Plan quiz", "")
    for fields in questions:
        question_editor.add_question(user(people["ta"]), quiz.id, fields)
    return quiz


def test_every_type_is_added_from_editor_fields(app, people):
    with app.app_context():
        quiz = new_set(
            people,
            classify(FIRST, "sourced_argument"),
            {"type": "multiple_choice", "prompt": "Who speaks first?", "explanation": "Scholars.",
             "options": [{"text": "Scholars", "correct": True}, {"text": "The minister", "correct": False}]},
            {"type": "multi_select", "prompt": "Which are attributed?", "explanation": "Both name a source.",
             "options": [{"text": "First", "correct": True}, {"text": "Second", "correct": True},
                         {"text": "Third", "correct": False}]},
            {"type": "mark_words", "prompt": "Mark the loaded words.", "explanation": "Judging words.",
             "passage": span_of(THIRD), "label": "editorial_framing", "phrases": ["shameful", "BETRAYED"]},
            {"type": "find_in_article", "prompt": "Find the framing.", "explanation": "Judging words.",
             "label": "editorial_framing"},
        )
        kinds = [q.type for q in quiz.questions]
        assert kinds == ["classify", "multiple_choice", "multi_select", "mark_words", "find_in_article"]
        assert [q.position for q in quiz.questions] == [1, 2, 3, 4, 5]
        mark = quiz.questions[3]
        assert [TEXT[s:e] for s, e in mark.key["spans"]] == ["shameful", "betrayed"]  # found whatever the case
        find = quiz.questions[4]
        assert [TEXT[s:e] for s, e in find.key["spans"]] == [THIRD]
        assert quiz.questions[1].key == {"choice": "a"} and quiz.questions[2].key == {"choices": ["a", "b"]}
        # what the editor shows for a stored question makes the same question again
        again = question_editor.update_question(user(people["ta"]), quiz.id, mark.id, editor_fields(mark.as_data()))[1]
        assert again.key == mark.key and again.id == mark.id
        # a drafted hard case keeps its tag through an edit (the editor has no field for it)
        quiz.questions[0].hard_case = "borrowed_quotation"
        db.session.commit()
        edited = question_editor.update_question(user(people["ta"]), quiz.id, quiz.questions[0].id,
                                                 classify(FIRST, "sourced_argument", prompt="Reworded?"))[1]
        assert (edited.prompt, edited.hard_case) == ("Reworded?", "borrowed_quotation")


@pytest.mark.parametrize("change, field, message", [
    ({"prompt": "  "}, "prompt", "required"),
    ({"points": "lots"}, "points", "Points must be a number"),
    ({"points": 0}, "points", "above 0"),
    ({"answer": "gossip"}, "answer", "six labels"),
    ({"passage": None}, "passage", "Choose the passage"),
    ({"passage": {"start": 5, "end": 99999}}, "passage", "not in the article"),
    ({"type": "essay"}, "type", "Choose a question type"),
])
def test_bad_fields_are_named_and_nothing_is_saved(app, people, change, field, message):
    with app.app_context():
        quiz = new_set(people, classify(FIRST, "sourced_argument"))
        with pytest.raises(FieldErrors) as caught:
            question_editor.add_question(user(people["ta"]), quiz.id, {**classify(SECOND, "attributed_claim"), **change})
        assert field in caught.value.errors and message in caught.value.errors[field]
        assert len(db.session.get(Quiz, quiz.id).questions) == 1


def test_choice_and_span_checks(app, people):
    with app.app_context():
        quiz = new_set(people)
        teacher = user(people["ta"])
        one_right = {"type": "multiple_choice", "prompt": "?", "explanation": "x",
                     "options": [{"text": "A", "correct": True}, {"text": "B", "correct": True}]}
        with pytest.raises(FieldErrors, match="exactly one"):
            question_editor.add_question(teacher, quiz.id, one_right)
        missing = {"type": "mark_words", "prompt": "?", "explanation": "x", "passage": span_of(THIRD),
                   "label": "editorial_framing", "phrases": ["not there"]}
        with pytest.raises(FieldErrors, match="not in the passage"):
            question_editor.add_question(teacher, quiz.id, missing)
        unlabelled = {"type": "find_in_article", "prompt": "?", "explanation": "x", "label": "boilerplate"}
        with pytest.raises(FieldErrors, match="annotation view"):
            question_editor.add_question(teacher, quiz.id, unlabelled)


def test_reorder_and_delete_keep_positions_dense(app, people):
    with app.app_context():
        quiz = new_set(people, classify(FIRST, "sourced_argument"), classify(SECOND, "attributed_claim"),
                       classify(THIRD, "editorial_framing"))
        teacher = user(people["ta"])
        first, second, third = (q.id for q in quiz.questions)
        question_editor.move_question(teacher, quiz.id, third, 1)
        assert [q.id for q in db.session.get(Quiz, quiz.id).questions] == [third, first, second]
        with pytest.raises(Invalid):
            question_editor.move_question(teacher, quiz.id, third, 4)
        question_editor.delete_question(teacher, quiz.id, first)
        quiz = db.session.get(Quiz, quiz.id)
        assert [(q.id, q.position) for q in quiz.questions] == [(third, 1), (second, 2)]


def _assign_and_submit(people, quiz: Quiz, answers: dict[int, dict]) -> Attempt:
    teacher = user(people["ta"])
    question_editor.set_published(teacher, quiz.id, True)
    now = utcnow()
    assignment = assignments.create_assignment(db.session.get(classes.Classroom, people["class"]), quiz.id,
                                               now - timedelta(hours=1), now + timedelta(days=1))
    attempt = assignments.start_or_resume(user(people["student"]), assignment.id)
    for question_id, answer in answers.items():
        attempts.save_answer(attempt, question_id, answer)
    attempts.submit(attempt)
    return attempt


def test_an_attempted_set_changes_into_a_new_version(app, people):
    with app.app_context():
        quiz = new_set(people, classify(FIRST, "sourced_argument"), classify(SECOND, "sourced_argument"))
        q1, q2 = (q.id for q in quiz.questions)
        attempt = _assign_and_submit(people, quiz, {q1: {"choice": "sourced_argument"}, q2: {"choice": "attributed_claim"}})
        assert attempt.score == 1.0
        teacher = user(people["ta"])
        # the second key was wrong: fixing it makes version 2
        edit, fixed = question_editor.update_question(teacher, quiz.id, q2, classify(SECOND, "attributed_claim"))
        assert edit.new_version and edit.quiz.id != quiz.id and edit.quiz.version == 2
        assert edit.quiz.previous_id == quiz.id and fixed.id != q2 and fixed.lineage == q2
        old = db.session.get(Quiz, quiz.id)
        assert not old.published and edit.quiz.published
        assert [q.key for q in old.questions] == [{"choice": "sourced_argument"}] * 2  # the old version is untouched
        assert db.session.scalar(sa.select(Assignment.quiz_id)) == edit.quiz.id
        assert db.session.get(Attempt, attempt.id).quiz_id == quiz.id
        with pytest.raises(Conflict, match="newest version"):
            question_editor.add_question(teacher, quiz.id, classify(THIRD, "editorial_framing"))
        # version 2 has no attempts yet: the next change lands in it
        again, _ = question_editor.update_question(teacher, edit.quiz.id, fixed.id, {**classify(SECOND, "attributed_claim"), "points": 2})
        assert not again.new_version and again.quiz.id == edit.quiz.id
        assert [v.version for v in question_editor.versions_of(old)] == [1, 2]
        assert [s.id for s in question_editor.sets_of(teacher)] == [edit.quiz.id]


def test_regrade_dry_run_lists_changes_and_changes_nothing(app, people):
    with app.app_context():
        quiz = new_set(people, classify(FIRST, "sourced_argument"), classify(SECOND, "sourced_argument"),
                       classify(THIRD, "editorial_framing"))
        q1, q2, q3 = (q.id for q in quiz.questions)
        attempt = _assign_and_submit(people, quiz, {q1: {"choice": "sourced_argument"},
                                                    q2: {"choice": "attributed_claim"}, q3: {"choice": "boilerplate"}})
        teacher = user(people["ta"])
        edit, _ = question_editor.update_question(teacher, quiz.id, q2, classify(SECOND, "attributed_claim"))
        new_id = edit.quiz.id
        question_editor.delete_question(teacher, new_id, next(q.id for q in edit.quiz.questions if q.lineage == q3))
        question_editor.add_question(teacher, new_id, classify(THIRD, "editorial_framing"))

        rows = regrading.dry_run(teacher, new_id)
        assert [(r.attempt_id, r.version, r.old_score, r.old_max, r.new_score, r.new_max, r.changed) for r in rows] == [
            (attempt.id, 1, 1.0, 3.0, 2.0, 3.0, True)]  # q2 now right; q3 dropped; the added one unanswered
        db.session.expire_all()
        stored = db.session.get(Attempt, attempt.id)
        assert (stored.quiz_id, stored.score) == (quiz.id, 1.0)

        assert regrading.regrade(teacher, new_id) == rows
        db.session.expire_all()
        stored = db.session.get(Attempt, attempt.id)
        assert (stored.quiz_id, stored.score, stored.max_score) == (new_id, 2.0, 3.0)
        responses = db.session.scalars(sa.select(Response).where(Response.attempt_id == attempt.id)).all()
        new_questions = {q.id for q in db.session.get(Quiz, new_id).questions}
        assert {r.question_id for r in responses} == new_questions
        assert sum(r.points for r in responses) == 2.0
        assert regrading.dry_run(teacher, new_id) == []  # nothing left on an older version
        assert attempts.result(stored)["score"] == 2.0


def test_duplicate_sharing_and_visibility(app, people):
    with app.app_context():
        ta, tb = user(people["ta"]), user(people["tb"])
        quiz = new_set(people, classify(FIRST, "sourced_argument"))
        question_editor.set_published(ta, quiz.id, True)
        # private: teacher B cannot see, preview or assign it
        with pytest.raises(NotFound):
            question_editor.visible_set(tb, quiz.id)
        with pytest.raises(NotFound):
            visible_quiz(quiz.id, tb)
        assert quiz.id not in [q.id for q in assignments.assignable_quizzes(tb)]
        assert quiz.id in [q.id for q in assignments.assignable_quizzes(ta)]
        question_editor.set_shared(ta, quiz.id, True)
        assert quiz.id in [q.id for q in question_editor.shared_sets(tb)]
        assert question_editor.visible_set(tb, quiz.id).id == quiz.id
        with pytest.raises(NotFound):
            question_editor.editable_set(tb, quiz.id)  # shared is preview and duplicate, never edit
        copy = question_editor.duplicate(tb, quiz.id)
        assert copy.owner_id == tb.id and not copy.published and not copy.shared and copy.title == "Copy of Plan quiz"
        assert [(q.key, q.origin_id) for q in copy.questions] == [({"choice": "sourced_argument"}, None)]
        bundled = db.session.scalar(sa.select(Quiz).where(Quiz.slug.is_not(None)))
        bundled_copy = question_editor.duplicate(tb, bundled.id)
        assert len(bundled_copy.questions) == len(bundled.questions)
        assert question_editor.editable_set(tb, bundled_copy.id).id == bundled_copy.id
        with pytest.raises(NotFound):
            question_editor.editable_set(tb, bundled.id)


def test_delete_set_refuses_one_students_have(app, people):
    with app.app_context():
        teacher = user(people["ta"])
        quiz = new_set(people, classify(FIRST, "sourced_argument"))
        q1 = quiz.questions[0].id
        _assign_and_submit(people, quiz, {q1: {"choice": "sourced_argument"}})
        with pytest.raises(Conflict, match="unpublish"):
            question_editor.delete_set(teacher, quiz.id)
        spare = new_set(people, classify(FIRST, "sourced_argument"))
        question_editor.delete_set(teacher, spare.id)
        assert db.session.get(Quiz, spare.id) is None
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Question).where(Question.quiz_id == spare.id)) == 0


def test_details_are_checked_and_descriptions_sanitised(app, people):
    with app.app_context():
        teacher = user(people["ta"])
        quiz = new_set(people)
        with pytest.raises(FieldErrors) as caught:
            question_editor.update_details(teacher, quiz.id, " ", "x")
        assert "title" in caught.value.errors
        question_editor.update_details(teacher, quiz.id, "Plan", "<em>Read</em> it<script>alert(1)</script>")
        assert db.session.get(Quiz, quiz.id).description == "<em>Read</em> it"
        with pytest.raises(NotFound):
            question_editor.create_set(user(people["tb"]), people["article"], "Not mine")
