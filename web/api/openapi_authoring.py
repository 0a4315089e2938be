"""OpenAPI schemas and paths of the authoring API (web/api/authoring_routes.py), merged into the
document by openapi.py."""

from quizzes.labels import LABEL_IDS
from quizzes.question_input import MAX_POINTS
from quizzes.questions import REGISTRY

from .authoring_json import QUESTION_FIELDS, READ_ONLY, SET_FLAGS
from .openapi import _ID, _errors, _json, _list, _op, _ref

_TEXT = {"type": "string"}
_TEXT_OR_NULL = {"type": ["string", "null"]}
_LABEL_OR_NULL = {"enum": [*LABEL_IDS, None]}
_SPAN = {"type": "object", "required": ["start", "end"],
         "properties": {"start": {"type": "integer"}, "end": {"type": "integer"}}}


def _object(required: list[str], closed: bool = False, **properties) -> dict:
    schema = {"type": "object", "required": required, "properties": properties}
    return {**schema, "additionalProperties": False} if closed else schema


_FIELD_SCHEMAS = {
    "type": {"type": "string", "enum": sorted(REGISTRY)},
    "prompt": _TEXT,
    "points": {"type": "number", "exclusiveMinimum": 0, "maximum": MAX_POINTS, "default": 1},
    "explanation": _TEXT,
    "passage": {"oneOf": [_SPAN, {"type": "null"}],
                "description": "classify, mark_words: required; choice types: optional"},
    "answer": {**_LABEL_OR_NULL, "description": "classify: the right label"},
    "label": {**_LABEL_OR_NULL, "description": "mark_words, find_in_article: the label asked for"},
    "options": {"type": "array", "description": "multiple_choice (one correct), multi_select (at least one)",
                "items": _object(["text"], text=_TEXT, correct={"type": "boolean"})},
    "phrases": {"type": "array", "items": _TEXT,
                "description": "mark_words: the key phrases, exactly as in the passage"},
}
_READ_ONLY_SCHEMAS = {
    "id": {**_ID, "readOnly": True},
    "position": {"type": "integer", "minimum": 1, "readOnly": True},
    "key": {"type": "object", "readOnly": True, "description": "the stored key: find_in_article's spans are made from "
            "the passages labelled with its label"},
}
_QUESTION_PROPERTIES = {n: _FIELD_SCHEMAS[n] for n in QUESTION_FIELDS} | {n: _READ_ONLY_SCHEMAS[n] for n in READ_ONLY}
_ARTICLE_METADATA = {
    "title": _TEXT_OR_NULL,
    "outlet": _TEXT_OR_NULL,
    "author": _TEXT_OR_NULL,
    "url": {**_TEXT_OR_NULL, "description": "http:// or https://"},
    "published_on": {"type": ["string", "null"], "format": "date", "description": "YYYY-MM-DD"},
}

SCHEMAS = {
    "Passage": _object(
        ["id", "start", "end", "label", "source", "accepted", "confidence"],
        id=_ID, start={"type": "integer"}, end={"type": "integer"}, label=_LABEL_OR_NULL,
        source={"enum": ["teacher", "analyzer", None]}, accepted={"type": ["boolean", "null"]},
        confidence={"type": ["number", "null"], "description": "the analyzer's, for its suggestions"},
    ),
    "Article": _object(
        ["id", "title", "outlet", "author", "url", "published_on", "added_at"],
        id=_ID, title=_TEXT, outlet=_TEXT, author=_TEXT, url=_TEXT,
        published_on={"type": ["string", "null"], "format": "date"}, added_at={"type": "string", "format": "date-time"},
        text={**_TEXT, "description": "one article only"},
        passages={"type": "array", "items": _ref("Passage"), "description": "one article only"},
    ),
    "NewArticle": _object(["title", "text"], True, text={**_TEXT, "description": "at most 100,000 characters"},
                          **_ARTICLE_METADATA),
    "ArticleChanges": _object([], True, **_ARTICLE_METADATA),
    "QuestionFields": {
        **_object(["type", "prompt", "explanation"], True, **_QUESTION_PROPERTIES),
        "description": "The question editor's fields; id, position and key are read-only (ignored when sent).",
    },
    "EditorQuestion": _object(
        ["id", "position", *QUESTION_FIELDS, "key"],
        **{**_QUESTION_PROPERTIES, "points": {"type": "number"}},
    ),
    "QuestionSet": _object(
        ["id", "title", "description", "article_id", "version", "previous_id", *SET_FLAGS, "owned", "question_count"],
        id=_ID, title=_TEXT, description={**_TEXT, "description": "sanitised rich text (HTML)"}, article_id=_ID,
        version={"type": "integer", "minimum": 1},
        previous_id={"type": ["integer", "null"], "description": "the version before"},
        **{flag: {"type": "boolean"} for flag in SET_FLAGS},
        owned={"type": "boolean", "description": "false: another teacher's shared set, or a bundled one (read, copy)"},
        question_count={"type": "integer"},
        article=_object(["id", "title"], id=_ID, title=_TEXT),
        versions={"type": "array", "items": _object(["id", "version"], id=_ID, version={"type": "integer"})},
        editable={"type": "boolean", "description": "owned, and the newest version"},
        questions={"type": "array", "items": _ref("EditorQuestion")},
    ),
    "SetEdit": {
        **_object(["set", "new_version"], set=_ref("QuestionSet"), new_version={"type": "boolean"},
                  question=_ref("EditorQuestion")),
        "description": "The set the edit landed in: with new_version, the next version (new set and question ids), "
                       "because students had attempted the one edited.",
    },
    "Regrade": _object(
        ["set_id", "applied", "attempts"], set_id=_ID, applied={"type": "boolean"},
        attempts={"type": "array", "items": _object(
            ["attempt_id", "student", "version", "old_score", "new_score", "old_max", "new_max", "changed"],
            attempt_id=_ID, student=_TEXT, version={"type": "integer", "description": "the version it was taken on"},
            old_score={"type": "number"}, new_score={"type": "number"}, old_max={"type": "number"},
            new_max={"type": "number"}, changed={"type": "boolean"},
        )},
    ),
}

_READ = (401, 403, 404)
_WRITE = (400, 401, 403, 404)
_BODY = (400, 401, 403, 404, 413, 422)
_OLDER = "An older version of the set: only the newest is edited"
_EDIT_CONFLICTS = _OLDER + "; or publishing a set with no questions, or deleting a published set's last question"


def _teacher_op(summary: str, ok: dict | None, *, status=200, body=None, params=(), errors=_READ,
                conflict: str | None = None) -> dict:
    """A teachers-only operation; ``conflict`` says when it answers 409."""
    operation = _op(summary, ok, status=status, body=body, params=list(params), errors=errors)
    operation["responses"]["403"]["description"] = "Students: this API is for teachers"
    if 404 in errors:
        operation["responses"]["404"]["description"] = "No such id, or another teacher's"
    if conflict:
        operation["responses"].update(_errors(409))
        operation["responses"]["409"]["description"] = conflict
    return operation


def _edit(summary: str, *, status=200, body=None, params=("set_id",), errors=_BODY) -> dict:
    return _teacher_op(summary, _json(_ref("SetEdit"), "The set the edit landed in"), status=status, body=body,
                       params=params, errors=errors, conflict=_EDIT_CONFLICTS)


_ARTICLE = _json(_ref("Article"), "The article with its text and passages")
_SET = _json(_ref("QuestionSet"), "The set with its questions (keys included)")
_PASSAGE = ("article_id", "passage_id")
_QUESTION = ("set_id", "question_id")

AUTHORING_PATHS = {
    "/api/v1/articles": {
        "get": _teacher_op("The teacher's articles, newest first", _json(_list("articles", "Article"), "Articles"),
                           errors=(401, 403)),
        "post": _teacher_op("Add an article from pasted text; it is cut into passages", _ARTICLE, status=201,
                            body=_ref("NewArticle"), errors=(400, 401, 403, 413, 422)),
    },
    "/api/v1/articles/{article_id}": {
        "get": _teacher_op("An article: metadata, text and passages with their labels", _ARTICLE,
                           params=["article_id"]),
        "patch": _teacher_op("Change the title, outlet, author, URL or date (never the text)", _ARTICLE,
                             body=_ref("ArticleChanges"), params=["article_id"], errors=_BODY),
        "delete": _teacher_op("Delete an article no question set uses", None, status=204, params=["article_id"],
                              errors=_WRITE, conflict="A question set uses it (any version, any teacher's copy)"),
    },
    "/api/v1/articles/{article_id}/passages/{passage_id}/label": {
        "put": _teacher_op(
            "Label a passage (the teacher's label, accepted); null or an empty label clears it",
            _json(_ref("Passage"), "The passage"), params=_PASSAGE, errors=_BODY,
            body=_object(["label"], True, label={"anyOf": [_LABEL_OR_NULL, {"const": ""}]}),
        ),
        "delete": _teacher_op("Clear a passage's label", _json(_ref("Passage"), "The passage"), params=_PASSAGE,
                              errors=_WRITE),
    },
    "/api/v1/articles/{article_id}/suggest": {
        "post": _teacher_op("Give every unlabelled passage the analyzer's label as a suggestion",
                            _json(_object(["suggested"], suggested={"type": "integer"}), "How many got one"),
                            params=["article_id"], errors=_WRITE),
    },
    "/api/v1/sets": {
        "get": _teacher_op("The teacher's sets (newest versions), then sets shared with them and the bundled ones",
                           _json(_list("sets", "QuestionSet"), "Sets"), errors=(401, 403)),
        "post": _teacher_op(
            "A new, empty, unpublished set on one of the teacher's articles or the bundled one", _SET, status=201,
            body=_object(["article_id", "title"], True, article_id=_ID, title=_TEXT, description=_TEXT_OR_NULL),
            errors=_BODY,
        ),
    },
    "/api/v1/sets/{set_id}": {
        "get": _teacher_op("A set the teacher may see (own, shared, bundled), with full questions", _SET,
                           params=["set_id"]),
        "patch": _edit("Change title or description (a new version once attempted), publish, share, open practice",
                       body=_object([], True, title=_TEXT, description=_TEXT,
                                    **{flag: {"type": "boolean"} for flag in SET_FLAGS})),
        "delete": _teacher_op("Delete a set nobody was assigned or attempted", None, status=204, params=["set_id"],
                              errors=_WRITE, conflict=_OLDER + "; or students have it (assigned or attempted)"),
    },
    "/api/v1/sets/{set_id}/duplicate": {
        "post": _teacher_op("A private, unpublished copy of any set the teacher may see", _SET, status=201,
                            params=["set_id"], errors=_WRITE),
    },
    "/api/v1/sets/{set_id}/questions": {
        "post": _edit("Add a question at the end", status=201, body=_ref("QuestionFields")),
    },
    "/api/v1/sets/{set_id}/questions/{question_id}": {
        "put": _edit("Replace a question's fields", body=_ref("QuestionFields"), params=_QUESTION),
        "delete": _edit("Delete a question", params=_QUESTION, errors=_WRITE),
    },
    "/api/v1/sets/{set_id}/questions/{question_id}/move": {
        "post": _edit("Move a question to a position (1 is first)", params=_QUESTION,
                      body=_object(["position"], True, position={"type": "integer", "minimum": 1})),
    },
    "/api/v1/sets/{set_id}/regrade": {
        "get": _teacher_op("Dry run: what regrading the older versions' submitted attempts would change",
                           _json(_ref("Regrade"), "Each attempt's score before and after"), params=["set_id"],
                           conflict=_OLDER),
        "post": _teacher_op("Regrade: move the older versions' submitted attempts to this version",
                            _json(_ref("Regrade"), "Each attempt's score before and after"), params=["set_id"],
                            errors=_WRITE, conflict=_OLDER),
    },
}
