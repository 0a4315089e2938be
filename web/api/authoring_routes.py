"""API v1 for authoring (teachers): articles, passages' labels, question sets and their questions.

Another teacher's article or set answers 404 like a missing one. Editing a set that students have
attempted makes its next version (new set and question ids): every edit answers with the set it
landed in and ``new_version``."""

from flask import jsonify, request

from quizzes.article_import import MAX_BYTES
from services import articles, question_editor, regrading

from . import bp
from .authoring_json import (
    SET_FLAGS,
    article_input,
    article_json,
    edit_json,
    flags,
    only,
    passage_json,
    question_input,
    regrade_json,
    require,
    required_id,
    set_json,
    strings,
)
from .class_routes import TEACHERS
from .requests import json_object, require_user

ARTICLE_FIELDS = ("text", *articles.METADATA)
#: An article of 100,000 characters, even written as JSON \u escapes, fits in the upload limit.
ARTICLE_BODY_LIMIT = MAX_BYTES + 64 * 1024
SET_SETTERS = {
    "published": question_editor.set_published,
    "open_practice": question_editor.set_open_practice,
    "shared": question_editor.set_shared,
}


def _teacher():
    return require_user(*TEACHERS)


def _article(article_id: int):
    return articles.article_of(_teacher(), article_id)


# --- articles --------------------------------------------------------------------------------


@bp.get("/articles")
def list_articles():
    return jsonify({"articles": [article_json(article) for article, _ in articles.articles_of(_teacher())]})


@bp.post("/articles")
def create_article():
    request.max_content_length = ARTICLE_BODY_LIMIT
    teacher = _teacher()
    article = articles.add_article(teacher, **article_input(json_object(), ARTICLE_FIELDS))
    return jsonify(article_json(article, full=True)), 201


@bp.get("/articles/<id:article_id>")
def get_article(article_id: int):
    return jsonify(article_json(_article(article_id), full=True))


@bp.patch("/articles/<id:article_id>")
def update_article(article_id: int):
    article = _article(article_id)
    articles.update_article(article, **article_input(json_object(), articles.METADATA))
    return jsonify(article_json(article, full=True))


@bp.delete("/articles/<id:article_id>")
def delete_article(article_id: int):
    articles.delete_article(_article(article_id))
    return "", 204


# --- passages' labels ------------------------------------------------------------------------


@bp.put("/articles/<id:article_id>/passages/<id:passage_id>/label")
def label_passage(article_id: int, passage_id: int):
    """``{"label": id}``; an empty or null label clears it, as "No label" does in the form."""
    article = _article(article_id)
    body = require(only(json_object(), ("label",)), "label")
    label = strings(body, "label")["label"]
    return jsonify(passage_json(articles.set_label(article, passage_id, label)))


@bp.delete("/articles/<id:article_id>/passages/<id:passage_id>/label")
def clear_label(article_id: int, passage_id: int):
    return jsonify(passage_json(articles.set_label(_article(article_id), passage_id, None)))


@bp.post("/articles/<id:article_id>/suggest")
def suggest_labels(article_id: int):
    return jsonify({"suggested": articles.suggest_labels(_article(article_id))})


# --- question sets ---------------------------------------------------------------------------


@bp.get("/sets")
def list_sets():
    teacher = _teacher()
    sets = question_editor.sets_of(teacher) + question_editor.shared_sets(teacher)
    return jsonify({"sets": [set_json(quiz, teacher) for quiz in sets]})


@bp.post("/sets")
def create_set():
    teacher = _teacher()
    body = only(json_object(), ("article_id", "title", "description"))
    article_id, text = required_id(body, "article_id"), strings(body, "title", "description")
    quiz = question_editor.create_set(teacher, article_id, text.get("title"), text.get("description") or "")
    return jsonify(set_json(quiz, teacher, full=True)), 201


@bp.get("/sets/<id:set_id>")
def get_set(set_id: int):
    teacher = _teacher()
    return jsonify(set_json(question_editor.visible_set(teacher, set_id), teacher, full=True))


@bp.patch("/sets/<id:set_id>")
def update_set(set_id: int):
    """Details first (a new version if students attempted the set), then the flags, each as sent."""
    teacher = _teacher()
    body = only(json_object(), ("title", "description", *SET_FLAGS))
    details, switches = strings(body, "title", "description"), flags(body, *SET_FLAGS)
    edit = question_editor.Edit(question_editor.own_set(teacher, set_id), False)
    if details:
        edit = question_editor.update_details(
            teacher, set_id, details.get("title", edit.quiz.title), details.get("description", edit.quiz.description)
        )
    for name, value in switches.items():
        SET_SETTERS[name](teacher, edit.quiz.id, value)
    return jsonify(edit_json(edit, teacher))


@bp.delete("/sets/<id:set_id>")
def delete_set(set_id: int):
    question_editor.delete_set(_teacher(), set_id)
    return "", 204


@bp.post("/sets/<id:set_id>/duplicate")
def duplicate_set(set_id: int):
    teacher = _teacher()
    return jsonify(set_json(question_editor.duplicate(teacher, set_id), teacher, full=True)), 201


# --- questions -------------------------------------------------------------------------------


@bp.post("/sets/<id:set_id>/questions")
def add_question(set_id: int):
    teacher = _teacher()
    edit, question = question_editor.add_question(teacher, set_id, question_input(json_object()))
    return jsonify(edit_json(edit, teacher, question)), 201


@bp.put("/sets/<id:set_id>/questions/<id:question_id>")
def update_question(set_id: int, question_id: int):
    teacher = _teacher()
    edit, question = question_editor.update_question(teacher, set_id, question_id, question_input(json_object()))
    return jsonify(edit_json(edit, teacher, question))


@bp.delete("/sets/<id:set_id>/questions/<id:question_id>")
def delete_question(set_id: int, question_id: int):
    teacher = _teacher()
    return jsonify(edit_json(question_editor.delete_question(teacher, set_id, question_id), teacher))


@bp.post("/sets/<id:set_id>/questions/<id:question_id>/move")
def move_question(set_id: int, question_id: int):
    teacher = _teacher()
    position = only(json_object(), ("position",)).get("position")
    edit, question = question_editor.move_question(teacher, set_id, question_id, position)
    return jsonify(edit_json(edit, teacher, question))


# --- regrading -------------------------------------------------------------------------------


@bp.get("/sets/<id:set_id>/regrade")
def regrade_dry_run(set_id: int):
    return jsonify(regrade_json(set_id, regrading.dry_run(_teacher(), set_id), applied=False))


@bp.post("/sets/<id:set_id>/regrade")
def regrade(set_id: int):
    return jsonify(regrade_json(set_id, regrading.regrade(_teacher(), set_id), applied=True))
