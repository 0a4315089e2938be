"""Reading API requests: JSON bodies and the attempt's bearer token."""

import json

from flask import request

from services.attempts import attempt_for_token

from ..errors import ApiError


def json_object() -> dict:
    """The request body as a JSON object, or a 400 that says what is wrong."""
    raw = request.get_data(cache=True)
    if not raw.strip():
        raise ApiError(400, "the request needs a JSON object body")
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):
        raise ApiError(400, "the body is not valid JSON") from None
    if not isinstance(body, dict):
        raise ApiError(400, "the body must be a JSON object")
    return body


def bearer_token() -> str:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "send the attempt's token as 'Authorization: Bearer <token>'", "Authorization")
    return token.strip()


def authorized_attempt(attempt_id: int):
    return attempt_for_token(attempt_id, bearer_token())
