"""JSON in and out of the authoring API: request fields checked for type (the services check the
rest, with the forms' messages) and articles, passages, sets and questions as JSON."""

import re
from dataclasses import asdict
from datetime import date

from quizzes.question_input import editor_fields
from services import articles, question_editor

from ..converters import MAX_ID
from ..errors import ApiError

#: The question editor's fields (``quizzes.question_input``), the same for the form and the API.
QUESTION_FIELDS = ("type", "prompt", "points", "explanation", "passage", "answer", "label", "options", "phrases")
#: What reading a question adds to its fields; sent back in a body, they are ignored.
READ_ONLY = ("id", "position", "key")
SET_FLAGS = ("published", "open_practice", "shared")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


# --- reading requests ------------------------------------------------------------------------


def only(body: dict, allowed) -> dict:
    """The body, if it has no field outside ``allowed``."""
    unknown = sorted(set(body) - set(allowed))
    if unknown:
        raise ApiError(422, f"unknown field {unknown[0]!r}", unknown[0])
    return body


def strings(body: dict, *names: str) -> dict:
    """The named fields present in ``body``, each text or null."""
    for name in names:
        if name in body and body[name] is not None and not isinstance(body[name], str):
            raise ApiError(422, f"{name} must be a string", name)
    return {name: body[name] for name in names if name in body}


def flags(body: dict, *names: str) -> dict:
    for name in names:
        if name in body and not isinstance(body[name], bool):
            raise ApiError(422, f"{name} must be true or false", name)
    return {name: body[name] for name in names if name in body}


def require(body: dict, *names: str) -> dict:
    """The body, if it has every named field."""
    for name in names:
        if body.get(name, ...) is ...:
            raise ApiError(422, f"{name} is required", name)
    return body


def required_id(body: dict, name: str) -> int:
    value = require(body, name)[name]
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ID:
        raise ApiError(422, f"{name} must be an id (a whole number from 1 to {MAX_ID})", name)
    return value


def article_input(body: dict, allowed) -> dict:
    """Article fields for ``articles.add_article`` or ``update_article``; the date as YYYY-MM-DD."""
    fields = strings(only(body, allowed), *(name for name in allowed if name != "published_on"))
    if "published_on" in body:
        fields["published_on"] = _date(body["published_on"])
    return fields


def _date(value) -> date | None:
    if value is None:
        return None
    try:
        if isinstance(value, str) and _DATE.fullmatch(value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise ApiError(422, "Not a valid date value.", "published_on")  # the form's message


def question_input(body: dict) -> dict:
    """The editor fields of a question body (what reading a question adds is ignored)."""
    only(body, QUESTION_FIELDS + READ_ONLY)
    return {name: body[name] for name in QUESTION_FIELDS if name in body}


# --- writing responses -----------------------------------------------------------------------


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def passage_json(passage) -> dict:
    label = passage.label
    return {
        "id": passage.id,
        "start": passage.start,
        "end": passage.end,
        "label": label.label if label else None,
        "source": label.source if label else None,
        "accepted": label.accepted if label else None,
        "confidence": label.confidence if label else None,
    }


def article_json(article, full: bool = False) -> dict:
    source = articles.source_of(article)
    data = {
        "id": article.id,
        "title": article.title,
        "outlet": source.outlet,
        "author": source.author,
        "url": source.url,
        "published_on": _iso(source.published_on),
        "added_at": _iso(source.added_at),
    }
    if full:
        data["text"] = article.text
        data["passages"] = [passage_json(p) for p in articles.passages_of(article)]
    return data


def question_json(question) -> dict:
    """A question as the editor's fields, with its id, position and stored key."""
    return {"id": question.id, "position": question.position, **editor_fields(question.as_data()), "key": question.key}


def set_json(quiz, teacher, full: bool = False) -> dict:
    data = {
        "id": quiz.id,
        "title": quiz.title,
        "description": quiz.description,
        "article_id": quiz.article_id,
        "version": quiz.version,
        "previous_id": quiz.previous_id,
        **{flag: getattr(quiz, flag) for flag in SET_FLAGS},
        "owned": quiz.owner_id == teacher.id,
        "question_count": len(quiz.questions),
    }
    if full:
        versions = question_editor.versions_of(quiz)
        data["article"] = {"id": quiz.article.id, "title": quiz.article.title}
        data["versions"] = [{"id": v.id, "version": v.version} for v in versions]
        data["editable"] = data["owned"] and versions[-1].id == quiz.id
        data["questions"] = [question_json(q) for q in quiz.questions]
    return data


def edit_json(edit, teacher, question=None) -> dict:
    """What an edit did: the set it landed in (a new version after students attempted the old one)."""
    data = {"set": set_json(edit.quiz, teacher, full=True), "new_version": edit.new_version}
    if question is not None:
        data["question"] = question_json(question)
    return data


def regrade_json(quiz_id: int, rows, applied: bool) -> dict:
    return {"set_id": quiz_id, "applied": applied, "attempts": [dict(asdict(r), changed=r.changed) for r in rows]}
