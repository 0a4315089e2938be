"""The OpenAPI 3 document of API v1, kept in sync with the routes by ``tests/test_openapi.py``."""

from quizzes.labels import LABEL_IDS
from quizzes.questions import REGISTRY

_ID = {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}


def _distinct(schemas: list[dict]) -> list[dict]:
    return [schema for i, schema in enumerate(schemas) if schema not in schemas[:i]]


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict:
    text = {
        400: "Malformed request (not JSON, not an object), or a missing CSRF token with the session cookie",
        401: "No credentials: a bearer token or the session cookie",
        403: "Signed in, but this call is not for your role",
        404: "Unknown id, or a token that is not this attempt's",
        409: "The attempt is already submitted, the answer was checked, or the save is stale (see seq)",
        413: "The body is too large",
        422: "A field is missing or invalid; `field` names it",
        429: "Too many new attempts in one minute (per student, or per address for guests)",
    }
    return {str(code): _json(_ref("Error"), text[code]) for code in codes}


def _path_id(name: str) -> dict:
    return {"name": name, "in": "path", "required": True, "schema": _ID}


_SCHEMAS = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["message"],
                "properties": {
                    "message": {"type": "string"},
                    "field": {"type": "string"},
                    "current": {"type": "object", "description": "with a stale save: the stored answer and its seq"},
                    "fields": {
                        "type": "object",
                        "additionalProperties": {"type": "string"},
                        "description": "when several fields were refused at once: each field's message",
                    },
                },
            }
        },
    },
    "QuizSummary": {
        "type": "object",
        "required": ["id", "title", "question_count"],
        "properties": {"id": _ID, "title": {"type": "string"}, "question_count": {"type": "integer"}},
    },
    "Option": {
        "type": "object",
        "required": ["id", "text"],
        "properties": {"id": {"type": "string"}, "text": {"type": "string"}},
    },
    "Question": {
        "type": "object",
        "required": ["id", "type", "prompt", "points"],
        "properties": {
            "id": _ID,
            "type": {"type": "string", "enum": sorted(REGISTRY)},
            "prompt": {"type": "string"},
            "points": {"type": "number"},
            "start": {"type": "integer", "description": "passage start offset into article.text"},
            "end": {"type": "integer"},
            "options": {"type": "array", "items": _ref("Option"), "description": "choice types only"},
            "label": {"type": "string", "enum": list(LABEL_IDS), "description": "span types: the label to find"},
        },
    },
    "Quiz": {
        "type": "object",
        "required": ["id", "title", "article", "questions"],
        "properties": {
            "id": _ID,
            "title": {"type": "string"},
            "description": {"type": "string"},
            "article": {
                "type": "object",
                "required": ["id", "title", "text"],
                "properties": {
                    "id": _ID,
                    "title": {"type": "string"},
                    "text": {"type": "string"},
                    "passages": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "start": {"type": "integer"},
                                "end": {"type": "integer"},
                                "paragraph": {"type": "integer"},
                            },
                        },
                    },
                },
            },
            "questions": {"type": "array", "items": _ref("Question")},
        },
    },
    "Answer": {
        "description": "By question type. " + " ".join(f"{n}: {type(k).__doc__}" for n, k in sorted(REGISTRY.items())),
        "anyOf": _distinct([kind.answer_schema for _, kind in sorted(REGISTRY.items())]),
    },
    "QuestionResult": {
        "type": "object",
        "required": ["question_id", "correct", "points", "max_points", "correct_answer", "explanation"],
        "properties": {
            "question_id": _ID,
            "correct": {"type": "boolean"},
            "points": {"type": "number"},
            "max_points": {"type": "number"},
            "correct_answer": {"type": "object"},
            "explanation": {"type": "string"},
            "feedback": {"type": "array", "items": {"type": "object"}},
        },
    },
    "Result": {
        "type": "object",
        "required": ["score", "max_score", "results"],
        "properties": {
            "score": {"type": "number"},
            "max_score": {"type": "number"},
            "results": {"type": "array", "items": _ref("QuestionResult")},
        },
    },
    "Attempt": {
        "type": "object",
        "required": ["attempt_id", "state", "answers"],
        "properties": {
            "attempt_id": _ID,
            "quiz_id": _ID,
            "name": {"type": "string"},
            "state": {"type": "string", "enum": ["in_progress", "submitted"]},
            "started_at": {"type": "string", "format": "date-time"},
            "submitted_at": {"type": ["string", "null"], "format": "date-time"},
            "answers": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"question_id": _ID, "answer": _ref("Answer"), "seq": {"type": ["integer", "null"]}},
                },
            },
            "result": {"oneOf": [_ref("Result"), {"type": "null"}]},
        },
    },
}

_SCHEMAS.update(
    {
        "Student": {
            "type": "object",
            "required": ["id", "display_name"],
            "properties": {"id": _ID, "username": {"type": ["string", "null"]}, "display_name": {"type": "string"}},
        },
        "NewStudent": {
            "allOf": [_ref("Student")],
            "properties": {"password": {"type": "string", "description": "one-time password, shown once"}},
        },
        "Assignment": {
            "type": "object",
            "required": ["id", "class_id", "quiz_id", "opens_at", "grading_method", "feedback"],
            "properties": {
                "id": _ID,
                "class_id": _ID,
                "quiz_id": _ID,
                "quiz_title": {"type": "string"},
                "opens_at": {"type": "string", "format": "date-time"},
                "closes_at": {"type": ["string", "null"], "format": "date-time"},
                "max_attempts": {"type": ["integer", "null"], "minimum": 1, "maximum": 100},
                "grading_method": {"type": "string", "enum": ["highest", "average", "first", "last"]},
                "feedback": {"type": "string", "enum": ["after_each", "after_submit", "after_close"]},
            },
        },
        "AssignmentInput": {
            "type": "object",
            "properties": {
                "quiz_id": _ID,
                "opens_at": {"type": "string", "format": "date-time", "description": "ISO 8601 with a zone"},
                "closes_at": {"type": ["string", "null"], "format": "date-time"},
                "max_attempts": {"type": ["integer", "null"], "minimum": 1, "maximum": 100},
                "grading_method": {"type": "string", "enum": ["highest", "average", "first", "last"]},
                "feedback": {"type": "string", "enum": ["after_each", "after_submit", "after_close"]},
            },
        },
        "Class": {
            "type": "object",
            "required": ["id", "name", "join_enabled", "archived"],
            "properties": {
                "id": _ID,
                "name": {"type": "string"},
                "join_code": {"type": ["string", "null"]},
                "join_enabled": {"type": "boolean"},
                "archived": {"type": "boolean"},
                "students": {"type": "array", "items": _ref("Student")},
                "assignments": {"type": "array", "items": _ref("Assignment")},
            },
        },
    }
)

_BEARER = [{"attemptToken": []}, {"personalToken": []}, {"sessionCookie": []}]
_USER = [{"personalToken": []}, {"sessionCookie": []}]


def _body(schema: dict) -> dict:
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def _op(summary: str, ok: dict | None, *, status: int = 200, body: dict | None = None, params=(), errors=(401, 403, 404)) -> dict:
    """One operation of a signed-in user (personal token or session cookie)."""
    responses = {str(status): ok if ok else {"description": "Done"}}
    responses.update(_errors(*errors))
    operation = {"summary": summary, "security": _USER, "parameters": [_path_id(p) for p in params], "responses": responses}
    if body is not None:
        operation["requestBody"] = _body(body)
    return operation


def _list(key: str, item: str) -> dict:
    return {"type": "object", "properties": {key: {"type": "array", "items": _ref(item)}}}


_CLASS_PATHS = {
    "/api/v1/classes": {
        "get": _op("The teacher's classes", _json(_list("classes", "Class"), "Classes")),
        "post": _op(
            "Create a class (it gets a join code)",
            _json(_ref("Class"), "The class"),
            status=201,
            body={"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
            errors=(400, 401, 403, 422),
        ),
    },
    "/api/v1/classes/{class_id}": {
        "get": _op("A class with its students and assignments", _json(_ref("Class"), "The class"), params=["class_id"]),
        "patch": _op(
            "Rename, archive, or turn joining by code on or off",
            _json(_ref("Class"), "The class"),
            params=["class_id"],
            body={
                "type": "object",
                "properties": {"name": {"type": "string"}, "archived": {"type": "boolean"}, "join_enabled": {"type": "boolean"}},
            },
            errors=(400, 401, 403, 404, 422),
        ),
    },
    "/api/v1/classes/{class_id}/join-code": {
        "post": _op("Make a new join code (the old one stops working)", _json(_ref("Class"), "The class"), params=["class_id"]),
    },
    "/api/v1/classes/{class_id}/students": {
        "get": _op("The roster", _json(_list("students", "Student"), "Students"), params=["class_id"]),
        "post": _op(
            "Add students by name; each gets a username and a one-time password, returned once",
            _json(_list("students", "NewStudent"), "The new students"),
            status=201,
            params=["class_id"],
            body={
                "type": "object",
                "required": ["names"],
                "properties": {
                    "names": {
                        "oneOf": [{"type": "string", "description": "one per line, or CSV"}, {"type": "array", "items": {"type": "string"}}]
                    }
                },
            },
            errors=(400, 401, 403, 404, 409, 422),
        ),
    },
    "/api/v1/classes/{class_id}/students/{student_id}": {
        "delete": _op("Remove a student from the class (their account stays)", None, status=204, params=["class_id", "student_id"]),
    },
    "/api/v1/classes/{class_id}/students/{student_id}/password": {
        "post": _op(
            "Reset a student's password to a new one-time password; their sessions end",
            _json(_ref("NewStudent"), "The student and the one-time password"),
            params=["class_id", "student_id"],
        ),
    },
    "/api/v1/classes/{class_id}/assignments": {
        "get": _op("The class's assignments", _json(_list("assignments", "Assignment"), "Assignments"), params=["class_id"]),
        "post": _op(
            "Assign a quiz to the class",
            _json(_ref("Assignment"), "The assignment"),
            status=201,
            params=["class_id"],
            body=_ref("AssignmentInput"),
            errors=(400, 401, 403, 404, 422),
        ),
    },
    "/api/v1/assignments/{assignment_id}": {
        "get": _op("An assignment", _json(_ref("Assignment"), "The assignment"), params=["assignment_id"]),
        "patch": _op(
            "Change an assignment's times, attempts, grading method or feedback",
            _json(_ref("Assignment"), "The assignment"),
            params=["assignment_id"],
            body=_ref("AssignmentInput"),
            errors=(400, 401, 403, 404, 422),
        ),
        "delete": _op("Delete an assignment and its attempts", None, status=204, params=["assignment_id"]),
    },
    "/api/v1/assignments/{assignment_id}/results": {
        "get": _op(
            "Each student's state, attempt count and counted score",
            _json({"type": "object", "properties": {"assignment": _ref("Assignment"), "students": {"type": "array"}}}, "Results"),
            params=["assignment_id"],
        ),
    },
    "/api/v1/assignments/{assignment_id}/attempts": {
        "post": _op(
            "A student starts (or resumes) their attempt on an assignment",
            _json({"type": "object", "properties": {"attempt_id": _ID, "quiz_id": _ID}}, "The attempt"),
            status=201,
            params=["assignment_id"],
            errors=(400, 401, 403, 404, 409),
        ),
    },
    "/api/v1/me/assignments": {
        "get": _op(
            "The student's assignments: to do, done and closed",
            _json(
                {"type": "object", "properties": {k: {"type": "array", "items": {"type": "object"}} for k in ("to_do", "done", "closed")}},
                "Assignments",
            ),
        ),
    },
}

_PATHS = {
    "/api/v1/openapi.json": {
        "get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3 document"}}},
    },
    "/api/v1/quizzes": {
        "get": {
            "summary": "Published quizzes",
            "responses": {
                "200": _json(
                    {"type": "object", "properties": {"quizzes": {"type": "array", "items": _ref("QuizSummary")}}},
                    "The quizzes",
                )
            },
        }
    },
    "/api/v1/quizzes/{quiz_id}": {
        "get": {
            "summary": "A quiz with its article and questions (never keys or explanations)",
            "parameters": [_path_id("quiz_id")],
            "responses": {"200": _json(_ref("Quiz"), "The quiz"), **_errors(404)},
        }
    },
    "/api/v1/quizzes/{quiz_id}/attempts": {
        "post": {
            "summary": "Start an attempt as a guest; the token authorises every call on it",
            "parameters": [_path_id("quiz_id")],
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": ["name"],
                            "properties": {"name": {"type": "string", "minLength": 1, "maxLength": 80}},
                        }
                    }
                },
            },
            "responses": {
                "201": _json(
                    {
                        "type": "object",
                        "required": ["attempt_id", "token"],
                        "properties": {"attempt_id": _ID, "token": {"type": "string"}},
                    },
                    "The new attempt",
                ),
                **_errors(400, 404, 413, 422, 429),
            },
        }
    },
    "/api/v1/attempts/{attempt_id}": {
        "get": {
            "summary": "Saved answers, state, and the result once submitted",
            "security": _BEARER,
            "parameters": [_path_id("attempt_id")],
            "responses": {"200": _json(_ref("Attempt"), "The attempt"), **_errors(401, 404)},
        }
    },
    "/api/v1/attempts/{attempt_id}/answers/{question_id}": {
        "put": {
            "summary": "Save (or replace) the answer to one question",
            "security": _BEARER,
            "parameters": [_path_id("attempt_id"), _path_id("question_id")],
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": ["answer"],
                            "properties": {
                                "answer": _ref("Answer"),
                                "seq": {
                                    "type": "integer",
                                    "minimum": 0,
                                    "maximum": 2**53 - 1,
                                    "description": "orders saves: one older than the stored answer gets 409 with "
                                    "error.current; omit it to replace unconditionally",
                                },
                            },
                        }
                    }
                },
            },
            "responses": {
                "200": _json(
                    {
                        "type": "object",
                        "properties": {
                            "question_id": _ID,
                            "answer": _ref("Answer"),
                            "saved_at": {"type": "string"},
                            "seq": {"type": "integer"},
                        },
                    },
                    "Saved",
                ),
                **_errors(400, 401, 404, 409, 413, 422),
            },
        }
    },
    "/api/v1/attempts/{attempt_id}/submit": {
        "post": {
            "summary": "Grade the attempt; submitting again returns the same result",
            "security": _BEARER,
            "parameters": [_path_id("attempt_id")],
            "responses": {"200": _json(_ref("Result"), "The graded result"), **_errors(401, 404)},
        }
    },
}


def openapi_document() -> dict:
    from .openapi_authoring import AUTHORING_PATHS, SCHEMAS  # they build on this module's helpers
    from .openapi_results import RESULTS_PATHS

    return {
        "openapi": "3.1.0",
        "info": {"title": "Framecheck API", "version": "1"},
        "paths": {**_PATHS, **_CLASS_PATHS, **RESULTS_PATHS, **AUTHORING_PATHS},
        "components": {
            "schemas": {**_SCHEMAS, **SCHEMAS},
            "securitySchemes": {
                "attemptToken": {"type": "http", "scheme": "bearer", "description": "the token from starting an attempt"},
                "personalToken": {"type": "http", "scheme": "bearer", "description": "a teacher's personal token (fcp_…)"},
                "sessionCookie": {
                    "type": "apiKey",
                    "in": "cookie",
                    "name": "session",
                    "description": "a signed-in browser; unsafe methods also need the X-CSRFToken header",
                },
            },
        },
    }
