"""The OpenAPI 3 document of API v1, kept in sync with the routes by ``tests/test_openapi.py``."""

from quizzes.labels import LABEL_IDS
from quizzes.questions import REGISTRY

_ID = {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict:
    text = {
        400: "Malformed request (not JSON, not an object)",
        401: "No bearer token",
        404: "Unknown id, or a token that is not this attempt's",
        409: "The attempt is already submitted",
        413: "The body is too large",
        422: "A field is missing or invalid; `field` names it",
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
                "properties": {"message": {"type": "string"}, "field": {"type": "string"}},
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
        "oneOf": [kind.answer_schema for _, kind in sorted(REGISTRY.items())],
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
                "items": {"type": "object", "properties": {"question_id": _ID, "answer": _ref("Answer")}},
            },
            "result": {"oneOf": [_ref("Result"), {"type": "null"}]},
        },
    },
}

_BEARER = [{"attemptToken": []}]

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
                **_errors(400, 404, 413, 422),
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
                        "schema": {"type": "object", "required": ["answer"], "properties": {"answer": _ref("Answer")}}
                    }
                },
            },
            "responses": {
                "200": _json(
                    {
                        "type": "object",
                        "properties": {"question_id": _ID, "answer": _ref("Answer"), "saved_at": {"type": "string"}},
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
    return {
        "openapi": "3.1.0",
        "info": {"title": "Framecheck API", "version": "1"},
        "paths": _PATHS,
        "components": {
            "schemas": _SCHEMAS,
            "securitySchemes": {"attemptToken": {"type": "http", "scheme": "bearer"}},
        },
    }
