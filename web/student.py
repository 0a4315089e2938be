"""Student pages: pick a quiz, answer one question per page beside the article, review, submit, learn."""

from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
from flask_login import current_user

from quizzes.labels import LABELS
from quizzes.questions import grade
from quizzes.reading import compare_readings
from services import assignments, attempts, catalog
from services.errors import Conflict, Invalid, NotFound

from .access import role_required

from .forms import ActionForm, StartForm, answer_form
from .presenters import article_paragraphs, describe_answer, is_answered, pieces, verdict
from .rate_limits import attempt_starts

bp = Blueprint("student", __name__)

_SESSION_KEY = "attempt_tokens"


def _remember(attempt_id: int, token: str) -> None:
    tokens = dict(session.get(_SESSION_KEY, {}))
    tokens[str(attempt_id)] = token
    session[_SESSION_KEY] = tokens


def _owned_attempt(attempt_id: int):
    """The signed-in student's attempt, or a guest attempt this browser started; 404 otherwise."""
    token = session.get(_SESSION_KEY, {}).get(str(attempt_id))
    if token:
        return attempts.attempt_for_token(attempt_id, token)
    if current_user.is_authenticated:
        return attempts.attempt_for_user(current_user, attempt_id)
    raise NotFound("no such attempt", "attempt_id")


@bp.get("/")
def home():
    return render_template("home.html", quizzes=catalog.practice_quizzes())


@bp.get("/me")
@role_required("student")
def my_home():
    """The student's assignments: to do, done (with the counted score) and closed."""
    return render_template("student/home.html", groups=assignments.student_assignments(current_user))


@bp.post("/assignments/<id:assignment_id>/start")
@role_required("student")
@attempt_starts
def start_assignment(assignment_id: int):
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        attempt = assignments.start_or_resume(current_user, assignment_id)
    except Conflict as error:
        flash(error.message)
        return redirect(url_for(".my_home"))
    return redirect(url_for(".question", attempt_id=attempt.id, number=_first_unanswered(attempt)))


def _first_unanswered(attempt) -> int:
    saved = attempts.saved_answers(attempt)
    numbers = [n for n, q in enumerate(attempt.quiz.questions, start=1) if not is_answered(saved.get(q.id))]
    return numbers[0] if numbers else 1


@bp.route("/quizzes/<id:quiz_id>", methods=["GET", "POST"])
@attempt_starts
def quiz_intro(quiz_id: int):
    quiz = catalog.get_practice_quiz(quiz_id)
    form = StartForm()
    if form.validate_on_submit():
        try:
            attempt, token = attempts.start_attempt(quiz.id, form.name.data)
        except Invalid as error:
            form.name.errors.append(error.message)
        else:
            _remember(attempt.id, token)
            return redirect(url_for(".question", attempt_id=attempt.id, number=1))
    return render_template("quiz_intro.html", quiz=quiz, form=form), 422 if form.errors else 200


def _question_or_404(attempt, number: int):
    questions = attempt.quiz.questions
    if not 1 <= number <= len(questions):
        abort(404)
    return questions[number - 1]


@bp.route("/attempts/<id:attempt_id>/questions/<int:number>", methods=["GET", "POST"])
def question(attempt_id: int, number: int):
    attempt = _owned_attempt(attempt_id)
    if attempt.state == attempts.SUBMITTED:
        return redirect(url_for(".result", attempt_id=attempt.id))
    current = _question_or_404(attempt, number)
    data = current.as_data()
    article = attempt.quiz.article
    saved = attempts.saved_answers(attempt)
    form = answer_form(data, article.text, saved.get(current.id), formdata=request.form if request.method == "POST" else None)
    if request.method == "POST" and form.validate():
        checking = request.form.get("go") == "check"
        try:
            if (answer := form.to_answer()) is not None:
                (attempts.check_answer if checking else attempts.save_answer)(attempt, current.id, answer)
        except Invalid as error:
            form.answer.errors.append(error.message)
        except Conflict as error:
            flash(error.message)
            return redirect(url_for(".question", attempt_id=attempt.id, number=number))
        else:
            return redirect(url_for(".question", attempt_id=attempt.id, number=number) if checking else _after_save(attempt, number))
    total = len(attempt.quiz.questions)
    return render_template(
        "question.html",
        attempt=attempt,
        question=data,
        number=number,
        total=total,
        answered=sum(1 for q in attempt.quiz.questions if is_answered(saved.get(q.id))),
        form=form,
        paragraphs=article_paragraphs(article.text),
        article=article,
        token=session.get(_SESSION_KEY, {}).get(str(attempt.id)),
        check=_checked_feedback(attempt, current, article.text),
        closes_at=attempts.closes_at(attempt),
    ), 422 if form.errors else 200


def _checked_feedback(attempt, question, text) -> dict | None:
    """For feedback after each question: whether the question can be checked, and its checked result."""
    if attempts.feedback_policy(attempt) != "after_each":
        return None
    response = next((r for r in attempt.responses if r.question_id == question.id and r.checked_at), None)
    if response is None:
        return {"checked": False}
    data = question.as_data()
    graded = attempts.grade(data, None)
    return {
        "checked": True,
        "verdict": verdict(response.points, question.points),
        "expected": describe_answer(data, graded.correct_answer, text),
        "explanation": question.explanation,
    }


def _after_save(attempt, number: int) -> str:
    """Where the button the student pressed leads: back, next, or the review page."""
    go = request.form.get("go", "next")
    total = len(attempt.quiz.questions)
    if go == "back" and number > 1:
        return url_for(".question", attempt_id=attempt.id, number=number - 1)
    if go == "next" and number < total:
        return url_for(".question", attempt_id=attempt.id, number=number + 1)
    return url_for(".review", attempt_id=attempt.id)


@bp.get("/attempts/<id:attempt_id>/review")
def review(attempt_id: int):
    attempt = _owned_attempt(attempt_id)
    if attempt.state == attempts.SUBMITTED:
        return redirect(url_for(".result", attempt_id=attempt.id))
    saved = attempts.saved_answers(attempt)
    rows = [
        {"number": n, "prompt": q.prompt, "answered": is_answered(saved.get(q.id))}
        for n, q in enumerate(attempt.quiz.questions, start=1)
    ]
    return render_template("review.html", attempt=attempt, rows=rows, form=ActionForm())


@bp.post("/attempts/<id:attempt_id>/submit")
def submit(attempt_id: int):
    attempt = _owned_attempt(attempt_id)
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    attempts.submit(attempt)
    return redirect(url_for(".result", attempt_id=attempt.id))


@bp.get("/attempts/<id:attempt_id>/result")
def result(attempt_id: int):
    attempt = _owned_attempt(attempt_id)
    outcome = attempts.result(attempt)
    if outcome is None:
        return redirect(url_for(".review", attempt_id=attempt.id))
    if not outcome["feedback_shown"]:
        return render_template("result.html", attempt=attempt, outcome=outcome, items=[], form=ActionForm(),
                               can_retry=_can_retry(attempt))
    text = attempt.quiz.article.text
    saved = attempts.saved_answers(attempt)
    items = []
    for number, (question, graded) in enumerate(zip(attempt.quiz.questions, outcome["results"]), start=1):
        data = question.as_data()
        answer = saved.get(question.id)
        marks = [(s, e, "cue") for s, e in data["cues"]]
        items.append(
            {
                "number": number,
                "question": data,
                "graded": graded,
                "verdict": verdict(graded["points"], graded["max_points"]),
                "given": describe_answer(data, answer, text),
                "expected": describe_answer(data, graded["correct_answer"], text),
                "passage": pieces(text, data["start"], data["end"], marks) if data["start"] is not None else None,
                "context_cues": [text[s:e] for s, e in data["cues"] if data["start"] is None or not data["start"] <= s < data["end"]],
                "span_feedback": [
                    dict(f, text=text[f["start"]:f["end"]]) for f in graded["feedback"] if "verdict" in f and "start" in f
                ],
            }
        )
    return render_template("result.html", attempt=attempt, outcome=outcome, items=items, form=ActionForm(),
                           can_retry=_can_retry(attempt))


def _can_retry(attempt) -> bool:
    """Guests may always practise again; assignment attempts go through the student's home."""
    return attempt.assignment_id is None


@bp.get("/attempts/<id:attempt_id>/analyzer")
def analyzer_reading(attempt_id: int):
    """How the analyzer reads each passage, beside the key and the student's answer: after the
    feedback time only, so it can never give an answer away."""
    attempt = _owned_attempt(attempt_id)
    outcome = attempts.result(attempt)
    if outcome is None or not outcome["feedback_shown"]:
        return redirect(url_for(".result", attempt_id=attempt.id))
    questions = [q.as_data() for q in attempt.quiz.questions]
    rows = compare_readings(attempt.quiz.article.text, questions, attempts.saved_answers(attempt))
    return render_template("analyzer_reading.html", attempt=attempt, rows=rows)


@bp.post("/attempts/<id:attempt_id>/retry")
@attempt_starts
def retry(attempt_id: int):
    previous = _owned_attempt(attempt_id)
    if not _can_retry(previous):
        abort(404)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        attempt, token = attempts.start_attempt(previous.quiz_id, previous.display_name)
    except NotFound:
        abort(404)
    _remember(attempt.id, token)
    return redirect(url_for(".question", attempt_id=attempt.id, number=1))


@bp.get("/learn")
def learn():
    """The taxonomy: each label, its one-line test, its cues and examples from the bundled article."""
    return render_template("learn.html", labels=LABELS)
