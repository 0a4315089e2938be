"""API v1 routes: thin wrappers over ``services``."""

from flask import jsonify

from services import attempts, catalog

from ..errors import ApiError
from ..rate_limits import attempt_starts
from . import bp
from .openapi import openapi_document
from .requests import api_user, authorized_attempt, json_object


@bp.get("/openapi.json")
def openapi():
    return jsonify(openapi_document())


@bp.get("/quizzes")
def list_quizzes():
    quizzes = [{k: q[k] for k in ("id", "title", "question_count")} for q in catalog.practice_quizzes()]
    return jsonify({"quizzes": quizzes})


@bp.get("/quizzes/<id:quiz_id>")
def get_quiz(quiz_id: int):
    return jsonify(catalog.public_quiz(catalog.visible_quiz(quiz_id, api_user())))


@bp.post("/quizzes/<id:quiz_id>/attempts")
@attempt_starts
def start_attempt(quiz_id: int):
    body = json_object()
    if "name" not in body:
        raise ApiError(422, "name is required", "name")
    attempt, token = attempts.start_attempt(quiz_id, body["name"])
    return jsonify({"attempt_id": attempt.id, "token": token}), 201


@bp.get("/attempts/<id:attempt_id>")
def get_attempt(attempt_id: int):
    return jsonify(attempts.attempt_state(authorized_attempt(attempt_id)))


@bp.put("/attempts/<id:attempt_id>/answers/<id:question_id>")
def save_answer(attempt_id: int, question_id: int):
    attempt = authorized_attempt(attempt_id)
    body = json_object()
    if "answer" not in body:
        raise ApiError(422, "answer is required", "answer")
    return jsonify(attempts.save_answer(attempt, question_id, body["answer"], seq=body.get("seq")))


@bp.post("/attempts/<id:attempt_id>/submit")
def submit(attempt_id: int):
    return jsonify(attempts.submit(authorized_attempt(attempt_id)))
