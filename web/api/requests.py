"""Reading API requests: JSON bodies, and who is calling.

A call is authenticated by, in this order: a personal API token (``Authorization: Bearer fcp_…``),
an attempt token (``Authorization: Bearer <token>``, attempt calls only), or the browser's session
cookie, in which case unsafe methods need the CSRF token in an ``X-CSRFToken`` header.
"""

import json

from flask import g, request
from flask_login import current_user

from services.accounts import TOKEN_PREFIX, user_for_api_token
from services.attempts import attempt_for_token, attempt_for_user

from ..extensions import csrf
from ..errors import ApiError

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


def json_object() -> dict:
    """The request body as a JSON object, or a 400 that says what is wrong (422 for text no database stores)."""
    raw = request.get_data(cache=True)
    if not raw.strip():
        raise ApiError(400, "the request needs a JSON object body")
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):
        raise ApiError(400, "the body is not valid JSON") from None
    if not isinstance(body, dict):
        raise ApiError(400, "the body must be a JSON object")
    for field, value in body.items():
        if not _storable(value) or not _storable(field):
            named = field if _storable(field) else None
            raise ApiError(422, "text must be valid Unicode without NUL characters", named)
    return body


def _storable(value) -> bool:
    """No string inside is a lone surrogate (no UTF-8 for it) or holds NUL (PostgreSQL refuses it)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return False
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return False
        elif isinstance(item, dict):
            stack.extend(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return True


def bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if not header:
        return None
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "send a token as 'Authorization: Bearer <token>'", "Authorization")
    return token.strip()


def api_user():
    """The user behind a personal token or the session cookie; None for anonymous and attempt-token calls."""
    if "api_user" not in g:
        token = bearer_token()
        if token and token.startswith(TOKEN_PREFIX):
            user = user_for_api_token(token)
            if user is None:
                raise ApiError(401, "that API token is unknown or revoked", "Authorization")
        elif token is None and current_user.is_authenticated:
            if request.method in UNSAFE:
                csrf.protect()  # a cookie is ambient authority: require the page's CSRF token
            user = current_user._get_current_object()
        else:
            user = None
        g.api_user = user
    return g.api_user


def require_user(*roles: str):
    user = api_user()
    if user is None:
        raise ApiError(401, "sign in, or send a personal API token", "Authorization")
    if roles and user.role not in roles:
        raise ApiError(403, "this call is not for your role")
    return user


def authorized_attempt(attempt_id: int):
    """The attempt, if the caller holds its token or owns it; 401 with no credentials, else 404."""
    token = bearer_token()
    if token and not token.startswith(TOKEN_PREFIX):
        return attempt_for_token(attempt_id, token)
    user = api_user()
    if user is None:
        raise ApiError(401, "send the attempt's token as 'Authorization: Bearer <token>'", "Authorization")
    return attempt_for_user(user, attempt_id)
