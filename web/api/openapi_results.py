"""OpenAPI paths of the results API (web/api/results_routes.py), merged into the document by openapi.py."""

from .openapi import _ID, _json, _op, _ref

_NUMBER_OR_NULL = {"type": ["number", "null"]}
_STUDENT_QUERY = {"name": "student", "in": "query", "required": False, "schema": _ID,
                  "description": "only this student's answers (a student of the class)"}


def _object(required: list[str], **properties) -> dict:
    return {"type": "object", "required": required, "properties": properties}


_GRADEBOOK = _object(
    ["assignment", "max_score", "questions", "students"],
    assignment=_ref("Assignment"),
    max_score={"type": "number"},
    questions={"type": "array", "items": _object(["id", "number", "type", "points"], id=_ID, number={"type": "integer"},
                                                 type={"type": "string"}, points={"type": "number"})},
    students={"type": "array", "items": {"allOf": [_ref("Student")], "properties": {
        "state": {"type": "string", "enum": ["not started", "in progress", "submitted", "auto-submitted at close"]},
        "attempts": {"type": "integer"},
        "score": {**_NUMBER_OR_NULL, "description": "counted score by the grading method"},
        "counted_attempt_id": {"type": ["integer", "null"], "description": "the attempt whose points are listed "
                               "(average: the last submitted)"},
        "points": {"type": "array", "items": _NUMBER_OR_NULL, "description": "per question, in question order"},
        "time_taken_seconds": _NUMBER_OR_NULL,
    }}},
)
_RESPONSES = _object(["responses"], responses={"type": "array", "items": _object(
    ["student_id", "attempt_id", "question_id"],
    student_id=_ID, username={"type": ["string", "null"]}, display_name={"type": "string"}, attempt_id=_ID,
    attempt_number={"type": "integer"}, attempt_state={"type": "string"}, question_id=_ID,
    question_number={"type": "integer"}, question_type={"type": "string"},
    answer={"type": ["object", "null"]}, points=_NUMBER_OR_NULL, max_points={"type": "number"},
    correct={"type": ["boolean", "null"]}, saved_at={"type": ["string", "null"], "format": "date-time"},
)})
_ITEM_STATISTICS = _object(
    ["quiz", "questions"],
    quiz={"type": "object", "description": "attempts, mean, median, standard_deviation, skewness, kurtosis, cic, "
          "error_ratio, standard_error (Moodle's quiz statistics; null where undefined)"},
    questions={"type": "array", "items": {"type": "object", "description": "question_id, number, facility (0-1), sd, "
               "discrimination_index, discriminative_efficiency, effective_weight (percent), hint (a plain-language "
               "flag or null) and Moodle's intermediate values"}},
)
_CONFUSION = _object(
    ["labels", "matrix", "missed", "statements", "cells"],
    labels={"type": "array", "items": {"type": "string"}},
    matrix={"type": "array", "items": {"type": "array", "items": {"type": "integer"}},
            "description": "rows: true label, columns: label given, in labels order"},
    missed={"type": "object", "additionalProperties": {"type": "integer"},
            "description": "key passages not found when the label was asked for"},
    statements={"type": "array", "items": {"type": "string"}, "description": "the three most frequent confusions"},
    cells={"type": "array", "items": {"type": "object", "description": "true_label, given_label (null: missed), "
           "count, passages (question_id, start, end, students, of_students, paragraph, excerpt)"}},
)
_PROGRESS = _object(["period", "labels"], period={"type": "string", "enum": ["week", "month"]}, labels={
    "type": "object", "additionalProperties": {"type": "array", "items": _object(
        ["start", "correct", "total"], start={"type": "string", "format": "date"}, name={"type": "string"},
        correct={"type": "integer"}, total={"type": "integer"})},
})


def _teacher_get(summary: str, schema: dict, params: list[dict] = (), errors=(401, 403, 404)) -> dict:
    operation = _op(summary, _json(schema, summary), params=["assignment_id"], errors=errors)
    operation["parameters"] += list(params)
    return {"get": operation}


RESULTS_PATHS = {
    "/api/v1/assignments/{assignment_id}/gradebook": _teacher_get(
        "The gradebook: each student's points per question, counted score, attempts, time and state", _GRADEBOOK),
    "/api/v1/assignments/{assignment_id}/responses": _teacher_get(
        "Every response: one row per student, attempt and question", _RESPONSES),
    "/api/v1/assignments/{assignment_id}/item-statistics": _teacher_get(
        "Item analysis of the counted attempts, as Moodle's quiz statistics", _ITEM_STATISTICS),
    "/api/v1/assignments/{assignment_id}/confusion": _teacher_get(
        "Confusion by label: true label against the label given, with the passages behind each cell",
        _CONFUSION, [_STUDENT_QUERY], errors=(401, 403, 404, 422)),
    "/api/v1/me/progress": {"get": {
        **_op("The student's mastery of each label per week or month", _json(_PROGRESS, "Progress"), errors=(401, 403)),
        "parameters": [{"name": "period", "in": "query", "required": False,
                        "schema": {"type": "string", "enum": ["week", "month"]}}],
    }},
}
