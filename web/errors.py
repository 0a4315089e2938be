"""Errors handled in one place: JSON under ``/api/``, an HTML page elsewhere; rollback on 500."""

import logging

from flask import jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from werkzeug.exceptions import HTTPException, InternalServerError

from models import db
from services.errors import ServiceError

log = logging.getLogger(__name__)


class ApiError(ServiceError):
    """A request the API refuses: ``status``, a message and the field at fault."""

    def __init__(self, status: int, message: str, field: str | None = None):
        super().__init__(message, field)
        self.status = status


def _wants_json() -> bool:
    return request.path.startswith("/api/")


def error_response(status: int, message: str, field: str | None = None, **extra):
    if _wants_json():
        body = {"error": {"message": message, **extra}}
        if field:
            body["error"]["field"] = field
        response = jsonify(body)
    else:
        response = render_template("error.html", status=status, message=message)
    return response, status


def _http_error(error: HTTPException):
    message = error.description if status_has_message(error) else error.name
    response, status = error_response(error.code or 500, message)
    if error.code == 401 and _wants_json():
        return response, status, {"WWW-Authenticate": 'Bearer realm="framecheck"'}
    return response, status


def status_has_message(error: HTTPException) -> bool:
    return error.description != type(error).description


def _service_error(error: ServiceError):
    """``current`` with a stale save; ``fields`` ({field: message}) when several fields were refused at once."""
    extra = {"current": error.current} if hasattr(error, "current") else {}
    if isinstance(getattr(error, "errors", None), dict):
        extra["fields"] = error.errors
    return error_response(error.status, error.message, error.field, **extra)


def _csrf_error(error: CSRFError):
    return error_response(400, "The form expired or was not sent from this site. Reload the page and try again.")


def rollback_quietly(error: BaseException | None = None) -> None:
    """Roll the session back; a connection that failed is thrown away rather than reused."""
    try:
        if isinstance(error, DBAPIError):
            db.session().invalidate()
        db.session.rollback()
    except DBAPIError:
        db.session().invalidate()


def _database_unavailable(error: DBAPIError):
    """The database is down or restarting: fail fast with a 503 the client can retry."""
    rollback_quietly(error)
    log.warning("database unavailable on %s %s: %s", request.method, request.path, type(error.orig).__name__)
    response, status = error_response(
        503, "The database is not available for a moment, so this was not saved. Try again in a few seconds."
    )
    return response, status, {"Retry-After": "5"}


def _unexpected(error: Exception):
    rollback_quietly(error)
    log.exception("unhandled error on %s %s", request.method, request.path)
    return error_response(500, InternalServerError.description)


def register_error_handlers(app) -> None:
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(ServiceError, _service_error)
    app.register_error_handler(OperationalError, _database_unavailable)
    app.register_error_handler(InterfaceError, _database_unavailable)
    app.register_error_handler(Exception, _unexpected)
    app.teardown_appcontext(_release_session)


def _release_session(error: BaseException | None) -> None:
    """End the request's session; if the connection died meanwhile, discard it instead of failing.
    (Registered after Flask-SQLAlchemy's own teardown, so it runs first.)"""
    try:
        db.session.remove()
    except DBAPIError:
        db.session().invalidate()
        db.session.remove()
