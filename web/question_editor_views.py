"""Teacher pages for question sets: the list, the editor (details, questions, order), versions and
regrading, sharing and duplicating. Routes are added to ``web.teacher.bp``."""

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from services import articles, question_editor, regrading
from services.errors import Conflict, NotFound

from .base_form import choices
from .presenters import describe_answer
from .question_editor_forms import TYPE_NAMES, DetailsForm, MoveForm, NewSetForm, question_form
from .teacher import _applied, bp


def _result(form, action):
    """What ``action()`` returned, once ``form`` is valid and the service took it; else None."""
    results = []
    return results[0] if _applied(form, lambda: results.append(action())) else None


def _to_editor(quiz, question=None):
    anchor = f"q-{question.id}" if question is not None else None
    return redirect(url_for(".edit_set", quiz_id=quiz.id, _anchor=anchor), 303)


def _landed(edit, question=None):
    """Back to the editor of the set the edit landed in, saying so when it made a new version."""
    if edit.new_version:
        old, new = edit.quiz.version - 1, edit.quiz.version
        flash(f"Students had attempted version {old}, so this change made version {new}; "
              f"their attempts keep version {old}. You can regrade them.")
    return _to_editor(edit.quiz, question)


def _older(quiz, endpoint: str):
    """When ``quiz`` is an older version, a redirect to ``endpoint`` of the newest one; else None."""
    if question_editor.newer_version(quiz) is None:
        return None
    newest = question_editor.versions_of(quiz)[-1]
    flash(f"Version {quiz.version} stays as it was for the attempts taken on it: "
          f"this is the newest version ({newest.version}).")
    return redirect(url_for(endpoint, quiz_id=newest.id))


def _question_in(quiz, question_id: int):
    question = next((q for q in quiz.questions if q.id == question_id), None)
    if question is None:
        raise NotFound("no such question", "question_id")
    return question


# --- the list of sets --------------------------------------------------------------------------


def _with_articles(form, shared):
    """``form`` with the articles a set can be made on: the teacher's own, and the bundled one."""
    own = [(article.id, article.title) for article, _ in articles.articles_of(current_user)]
    bundled = {q.article_id: f"{q.article.title} (bundled with Framecheck)" for q in shared if q.owner_id is None}
    form.article_id.choices = choices(own + list(bundled.items()))
    return form


def _sets_page(form=None, status=200):
    shared = question_editor.shared_sets(current_user)
    return render_template("teacher/sets/index.html", mine=question_editor.sets_of(current_user), shared=shared,
                           form=_with_articles(form if form is not None else NewSetForm(formdata=None), shared)), status


@bp.get("/sets")
def question_sets():
    return _sets_page()


@bp.post("/sets")
def create_set():
    form = _with_articles(NewSetForm(), question_editor.shared_sets(current_user))
    quiz = _result(form, lambda: question_editor.create_set(current_user, form.article_id.data, form.title.data))
    if quiz is not None:
        flash("Set created. Add its questions.")
        return _to_editor(quiz)
    return _sets_page(form, 422)


# --- the editor ----------------------------------------------------------------------------------


def _editor(quiz, status=200, **forms):
    forms.setdefault("details_form", DetailsForm(formdata=None, obj=quiz))
    forms.setdefault("question_form", question_form(quiz.article, formdata=None))
    text = quiz.article.text
    rows = []
    for question in quiz.questions:
        data = question.as_data()
        rows.append({"question": question, "data": data, "key": describe_answer(data, data["key"], text)})
    versions = question_editor.versions_of(quiz)
    return render_template(
        "teacher/sets/editor.html", quiz=quiz, rows=rows, type_names=TYPE_NAMES, versions=versions,
        attempts=question_editor.attempt_count(quiz),
        older_attempts=regrading.older_attempt_count(quiz, versions),
        **forms,
    ), status


@bp.get("/quizzes/<id:quiz_id>/edit")
def edit_set(quiz_id: int):
    quiz = question_editor.own_set(current_user, quiz_id)
    return _older(quiz, ".edit_set") or _editor(quiz)


@bp.post("/quizzes/<id:quiz_id>/details")
def update_details(quiz_id: int):
    quiz = question_editor.editable_set(current_user, quiz_id)
    form = DetailsForm()
    edit = _result(form, lambda: question_editor.update_details(current_user, quiz_id, form.title.data, form.description.data))
    if edit is not None:
        flash("Details saved.")
        return _landed(edit)
    return _editor(quiz, 422, details_form=form)


@bp.post("/quizzes/<id:quiz_id>/questions")
def add_question(quiz_id: int):
    quiz = question_editor.editable_set(current_user, quiz_id)
    form = question_form(quiz.article)
    added = _result(form, lambda: question_editor.add_question(current_user, quiz_id, form.fields()))
    if added is not None:
        edit, question = added
        flash(f"Question {question.position} added.")
        return _landed(edit, question)
    return _editor(quiz, 422, question_form=form)


# --- one question ----------------------------------------------------------------------------------


def _question_page(quiz, question, status=200, **forms):
    forms.setdefault("form", question_form(quiz.article, question.as_data(), formdata=None))
    forms.setdefault("move_form", MoveForm(formdata=None, position=question.position))
    return render_template("teacher/sets/question.html", quiz=quiz, question=question,
                           count=len(quiz.questions), **forms), status


@bp.get("/quizzes/<id:quiz_id>/questions/<id:question_id>")
def question_page(quiz_id: int, question_id: int):
    quiz = question_editor.own_set(current_user, quiz_id)
    return _older(quiz, ".edit_set") or _question_page(quiz, _question_in(quiz, question_id))


@bp.post("/quizzes/<id:quiz_id>/questions/<id:question_id>")
def update_question(quiz_id: int, question_id: int):
    quiz = question_editor.editable_set(current_user, quiz_id)
    question = _question_in(quiz, question_id)
    form = question_form(quiz.article, question.as_data())
    updated = _result(form, lambda: question_editor.update_question(current_user, quiz_id, question_id, form.fields()))
    if updated is not None:
        flash(f"Question {updated[1].position} saved.")
        return _landed(*updated)
    return _question_page(quiz, question, 422, form=form)


@bp.post("/quizzes/<id:quiz_id>/questions/<id:question_id>/move")
def move_question(quiz_id: int, question_id: int):
    quiz = question_editor.editable_set(current_user, quiz_id)
    question = _question_in(quiz, question_id)
    form = MoveForm()
    moved = _result(form, lambda: question_editor.move_question(current_user, quiz_id, question_id, form.position.data))
    if moved is not None:
        flash(f"Question moved to position {moved[1].position}.")
        return _landed(*moved)
    return _question_page(quiz, question, 422, move_form=form)


@bp.post("/quizzes/<id:quiz_id>/questions/<id:question_id>/delete")
def delete_question(quiz_id: int, question_id: int):
    try:
        edit = question_editor.delete_question(current_user, quiz_id, question_id)
    except Conflict as refused:
        flash(refused.message)
        return redirect(url_for(".edit_set", quiz_id=quiz_id), 303)
    flash("Question deleted.")
    return _landed(edit)


# --- the whole set: sharing, copies, deleting, regrading ----------------------------------------


@bp.post("/quizzes/<id:quiz_id>/share")
def toggle_share(quiz_id: int):
    quiz = question_editor.set_shared(current_user, quiz_id, not question_editor.own_set(current_user, quiz_id).shared)
    flash("Shared: every teacher here can preview and duplicate it (never edit it)." if quiz.shared
          else "No longer shared: only you see it.")
    return redirect(url_for(".quiz_preview", quiz_id=quiz_id), 303)


@bp.post("/quizzes/<id:quiz_id>/duplicate")
def duplicate_set(quiz_id: int):
    copy = question_editor.duplicate(current_user, quiz_id)
    flash(f"Copied as “{copy.title}”: it is yours to edit, and not published yet.")
    return _to_editor(copy)


@bp.post("/quizzes/<id:quiz_id>/delete")
def delete_set(quiz_id: int):
    try:
        question_editor.delete_set(current_user, quiz_id)
    except Conflict as refused:
        flash(refused.message)
        return redirect(url_for(".edit_set", quiz_id=quiz_id), 303)
    flash("Set deleted.")
    return redirect(url_for(".question_sets"), 303)


@bp.get("/quizzes/<id:quiz_id>/regrade")
def regrade_preview(quiz_id: int):
    quiz = question_editor.own_set(current_user, quiz_id)
    moved = _older(quiz, ".regrade_preview")
    return moved or render_template("teacher/sets/regrade.html", quiz=quiz, rows=regrading.dry_run(current_user, quiz_id))


@bp.post("/quizzes/<id:quiz_id>/regrade")
def apply_regrade(quiz_id: int):
    rows = regrading.regrade(current_user, quiz_id)
    changed = sum(row.changed for row in rows)
    flash(f"{len(rows)} attempt(s) regraded: {changed} score(s) changed." if rows
          else "No submitted attempt on an older version: nothing to regrade.")
    return redirect(url_for(".edit_set", quiz_id=quiz_id), 303)
