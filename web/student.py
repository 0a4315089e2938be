"""Student pages: pick a quiz, answer one question per page beside the article, review, submit, learn."""

from flask import Blueprint, abort, redirect, render_template, request, session, url_for

from services import attempts, catalog
from quizzes.labels import LABELS, label_name
from services.errors import Invalid, NotFound

from .forms import ActionForm, StartForm, answer_form
from .presenters import article_paragraphs, describe_answer, format_points, is_answered, pieces, verdict, word_runs

bp = Blueprint("student", __name__)

_SESSION_KEY = "attempt_tokens"


def _remember(attempt_id: int, token: str) -> None:
    tokens = dict(session.get(_SESSION_KEY, {}))
    tokens[str(attempt_id)] = token
    session[_SESSION_KEY] = tokens


def _owned_attempt(attempt_id: int):
    """The attempt if this browser started it; 404 otherwise (no hint whether it exists)."""
    return attempts.attempt_for_token(attempt_id, session.get(_SESSION_KEY, {}).get(str(attempt_id), ""))


@bp.get("/")
def home():
    return render_template("home.html", quizzes=catalog.published_quizzes())


@bp.route("/quizzes/<id:quiz_id>", methods=["GET", "POST"])
def quiz_intro(quiz_id: int):
    quiz = catalog.get_published_quiz(quiz_id)
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
        try:
            if (answer := form.to_answer()) is not None:
                attempts.save_answer(attempt, current.id, answer)
        except Invalid as error:
            form.answer.errors.append(error.message)
        else:
            return redirect(_after_save(attempt, number))
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
        token=session[_SESSION_KEY][str(attempt.id)],
    ), 422 if form.errors else 200


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
    return render_template("result.html", attempt=attempt, outcome=outcome, items=items, form=ActionForm())


@bp.post("/attempts/<id:attempt_id>/retry")
def retry(attempt_id: int):
    previous = _owned_attempt(attempt_id)
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


@bp.context_processor
def template_helpers():
    return {"label_name": label_name, "word_runs": word_runs}


bp.add_app_template_filter(format_points, "points")
