"""Health checks for load balancers and orchestrators.

``GET /healthz``: the process is alive and serving (touches nothing else).
``GET /readyz``: the database answers ``SELECT 1`` and, when ``REDIS_URL`` is set, Redis answers
``PING``; 200 when every check passes, 503 otherwise. The body names each check; failures show
only the exception class (details go to the log, not to whoever can reach the URL).

Neither check may hang: PostgreSQL gets a ``statement_timeout`` for the probe and Redis short
socket timeouts. The connect timeout of PostgreSQL comes from the engine: put
``?connect_timeout=5`` in ``DATABASE_URL`` (or set ``PGCONNECT_TIMEOUT``), see docs/operations.md.
"""

import logging

import sqlalchemy as sa
from flask import Blueprint, current_app, jsonify

from models import db

bp = Blueprint("ops", __name__)
log = logging.getLogger(__name__)

CHECK_TIMEOUT_SECONDS = 2.0


def _error(name: str, error: Exception) -> str:
    log.warning("readiness check %s failed: %s: %s", name, type(error).__name__, error)
    return f"error: {type(error).__name__}"


def check_database() -> str:
    try:
        with db.engine.connect() as connection:
            if connection.dialect.name == "postgresql":
                timeout_ms = int(CHECK_TIMEOUT_SECONDS * 1000)
                connection.execute(sa.text(f"SET LOCAL statement_timeout = {timeout_ms}"))
            connection.execute(sa.text("SELECT 1")).scalar_one()
            connection.rollback()
        return "ok"
    except Exception as error:  # any failure means "not ready", never a 500
        return _error("database", error)


def _redis_client(url: str):
    clients = current_app.extensions.setdefault("ops_redis", {})
    if url not in clients:
        import redis  # only needed when REDIS_URL is set

        clients[url] = redis.Redis.from_url(
            url, socket_timeout=CHECK_TIMEOUT_SECONDS, socket_connect_timeout=CHECK_TIMEOUT_SECONDS
        )
    return clients[url]


def check_redis(url: str) -> str:
    try:
        _redis_client(url).ping()
        return "ok"
    except Exception as error:
        return _error("redis", error)


@bp.get("/healthz")
def healthz():
    return jsonify({"status": "ok"})


@bp.get("/readyz")
def readyz():
    checks = {"database": check_database()}
    redis_url = current_app.config.get("REDIS_URL")
    if redis_url:
        checks["redis"] = check_redis(redis_url)
    ready = all(value == "ok" for value in checks.values())
    response = jsonify({"status": "ok" if ready else "unavailable", "checks": checks})
    response.headers["Cache-Control"] = "no-store"
    return response, 200 if ready else 503
