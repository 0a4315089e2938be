"""One JSON object per line: a line per request, and every log record of the app.

``init_app(app)`` gives each request an id (a sane incoming ``X-Request-ID`` is kept, anything
else is replaced by a fresh one), returns it in the response's ``X-Request-ID``, logs the
request when it ends (``framecheck.request`` logger), and formats every record of the process as
JSON carrying the request id when logged inside a request.

``init_proxy_fix(app)`` trusts ``X-Forwarded-For``/``-Proto``/``-Host`` from that many proxies
(``PROXY_FIX_X_FOR``, ``PROXY_FIX_X_PROTO``, ``PROXY_FIX_X_HOST``; 0, the default, is off).
"""

import json
import logging
import os
import re
import sys
import time
import uuid
from datetime import datetime, timezone

from flask import Flask, g, has_request_context, request
from flask.logging import default_handler
from werkzeug.middleware.proxy_fix import ProxyFix

REQUEST_ID_HEADER = "X-Request-ID"
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
request_log = logging.getLogger("framecheck.request")

# Attributes every LogRecord has; anything else was passed with ``extra=`` and goes into the line.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime", "taskName"}


def incoming_request_id(value: str | None) -> str:
    """The client's request id if it is a short plain token, else a new random one."""
    if value and _SANE_REQUEST_ID.fullmatch(value):
        return value
    return uuid.uuid4().hex


def current_request_id() -> str | None:
    return g.get("request_id") if has_request_context() else None


class JsonFormatter(logging.Formatter):
    """A record as one JSON object: time, level, logger, message, request_id, extras, exception."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", None) or current_request_id()
        if request_id:
            entry["request_id"] = request_id
        for key, value in vars(record).items():
            if key not in _STANDARD and key not in entry:
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is at the time (test runners swap it)."""

    def __init__(self):
        super().__init__()

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value):
        pass


def _install_handler(level: str) -> None:
    root = logging.getLogger()
    if not any(isinstance(h, _StderrHandler) for h in root.handlers):
        handler = _StderrHandler()
        handler.setFormatter(JsonFormatter())
        root.addHandler(handler)
    root.setLevel(level)


def _start_request() -> None:
    g.request_id = incoming_request_id(request.headers.get(REQUEST_ID_HEADER))
    g.request_started = time.perf_counter()


def _end_request(response):
    request_id = g.get("request_id") or incoming_request_id(None)
    response.headers[REQUEST_ID_HEADER] = request_id
    started = g.get("request_started")
    duration_ms = round((time.perf_counter() - started) * 1000, 2) if started else None
    request_log.info(
        "%s %s %s",
        request.method,
        request.path,
        response.status_code,
        extra={
            "request_id": request_id,
            "method": request.method,
            "path": request.path,  # never the query string: it may carry secrets
            "status": response.status_code,
            "duration_ms": duration_ms,
            "remote_addr": request.remote_addr,
        },
    )
    return response


def init_app(app: Flask) -> None:
    """Request ids, the per-request log line and JSON logging (level from ``LOG_LEVEL``, INFO by default)."""
    if _start_request in app.before_request_funcs.get(None, []):
        return  # already set up on this app
    app.logger.removeHandler(default_handler)  # records propagate to the JSON handler on the root
    _install_handler(str(app.config.get("LOG_LEVEL") or os.environ.get("LOG_LEVEL") or "INFO").upper())
    # first, so the id exists even when a later before_request hook answers (rate limits, logins)
    app.before_request_funcs.setdefault(None, []).insert(0, _start_request)
    app.after_request(_end_request)


def _count(app: Flask, name: str) -> int:
    value = app.config.get(name, os.environ.get(name, 0)) or 0
    count = int(value)
    if count < 0:
        raise ValueError(f"{name} must be 0 or more, got {value!r}")
    return count


def init_proxy_fix(app: Flask) -> None:
    """Trust ``X-Forwarded-*`` from the configured number of proxies; nothing when all counts are 0."""
    counts = {key: _count(app, f"PROXY_FIX_{key.upper()}") for key in ("x_for", "x_proto", "x_host")}
    if any(counts.values()) and not isinstance(app.wsgi_app, ProxyFix):
        app.wsgi_app = ProxyFix(app.wsgi_app, **counts)
