"""Health checks, request ids, JSON logs and ProxyFix (web/ops.py, web/request_logging.py)."""

import io
import json
import logging

import pytest
from flask import current_app, request

from app import create_app
from web import ops, request_logging

CLOSED_POSTGRES = "postgresql://postgres@127.0.0.1:1/nowhere?connect_timeout=2"
CLOSED_REDIS = "redis://127.0.0.1:1/0"


def wire(application):
    """What create_app does once the lead wires it in; harmless if it already did."""
    request_logging.init_app(application)
    request_logging.init_proxy_fix(application)
    if "ops" not in application.blueprints:
        application.register_blueprint(ops.bp)
    return application


def bare_app(**config):
    return wire(create_app({"TESTING": True, "SECRET_KEY": "test-secret-key", **config}))


@pytest.fixture
def ops_app(app):
    return wire(app)


@pytest.fixture
def json_log():
    """Every record of the process, formatted as the production handler formats it."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(request_logging.JsonFormatter())
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    yield stream
    root.removeHandler(handler)
    root.setLevel(old_level)


def log_lines(stream) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_healthz(ops_app):
    response = ops_app.test_client().get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_readyz_ok(ops_app):
    response = ops_app.test_client().get("/readyz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "checks": {"database": "ok"}}


def test_readyz_503_when_the_database_is_unreachable():
    response = bare_app(SQLALCHEMY_DATABASE_URI=CLOSED_POSTGRES).test_client().get("/readyz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["status"] == "unavailable"
    assert body["checks"]["database"].startswith("error: ")
    assert "127.0.0.1" not in body["checks"]["database"]  # details go to the log only


def test_readyz_checks_redis_when_configured(ops_app, monkeypatch):
    class FakeRedis:
        def ping(self):
            return True

    ops_app.config["REDIS_URL"] = "redis://example.invalid:6379/0"
    monkeypatch.setattr(ops, "_redis_client", lambda url: FakeRedis())
    response = ops_app.test_client().get("/readyz")
    assert response.status_code == 200
    assert response.get_json()["checks"] == {"database": "ok", "redis": "ok"}


def test_readyz_503_when_redis_is_unreachable(ops_app):
    ops_app.config["REDIS_URL"] = CLOSED_REDIS
    response = ops_app.test_client().get("/readyz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["status"] == "unavailable"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["redis"].startswith("error: ")


def test_a_request_id_is_generated_and_echoed(ops_app):
    client = ops_app.test_client()
    first = client.get("/healthz").headers["X-Request-ID"]
    second = client.get("/healthz").headers["X-Request-ID"]
    assert first and second and first != second
    assert len(first) <= 64


def test_a_request_id_is_echoed_on_errors_too(ops_app):
    response = ops_app.test_client().get("/api/v1/quizzes/999999", headers={"X-Request-ID": "err-1"})
    assert response.status_code == 404
    assert response.headers["X-Request-ID"] == "err-1"


def test_a_sane_incoming_request_id_is_kept(ops_app):
    sane = "lb-7f3a.9_Z-" + "x" * 52  # 64 characters
    response = ops_app.test_client().get("/healthz", headers={"X-Request-ID": sane})
    assert response.headers["X-Request-ID"] == sane


@pytest.mark.parametrize(
    "hostile",
    ["x" * 65, "a b", "id\"injected", "<script>", "a/b", "ünï", "id;drop", "a\tb"],
)
def test_a_hostile_request_id_is_replaced(ops_app, hostile):
    response = ops_app.test_client().get("/healthz", headers={"X-Request-ID": hostile})
    returned = response.headers["X-Request-ID"]
    assert returned != hostile
    assert request_logging.incoming_request_id(returned) == returned  # a sane token itself


def test_every_log_line_is_json_with_the_request_id(ops_app, json_log):
    @ops_app.get("/_test/logs")
    def logs():
        current_app.logger.warning("from the app logger")
        logging.getLogger("services.example").info("from a module logger %s", 42)
        return "ok"

    client = ops_app.test_client()
    response = client.get("/_test/logs?token=secret", headers={"X-Request-ID": "req-123"})
    client.get("/healthz")
    assert response.status_code == 200
    lines = log_lines(json_log)  # json.loads fails the test if any line is not JSON
    ours = [line for line in lines if line.get("request_id") == "req-123"]
    messages = [line["message"] for line in ours]
    assert "from the app logger" in messages
    assert "from a module logger 42" in messages
    access = [line for line in ours if line["logger"] == "framecheck.request"]
    assert len(access) == 1
    entry = access[0]
    assert entry["method"] == "GET"
    assert entry["path"] == "/_test/logs"  # the query string never reaches the log
    assert "secret" not in json.dumps(lines)
    assert entry["status"] == 200
    assert isinstance(entry["duration_ms"], float)
    assert entry["remote_addr"] == "127.0.0.1"
    assert entry["level"] == "INFO" and entry["time"].endswith("+00:00")
    others = [line for line in lines if line["logger"] == "framecheck.request" and line["request_id"] != "req-123"]
    assert len(others) == 1 and others[0]["path"] == "/healthz"


def test_an_exception_is_logged_as_json_with_the_request_id(ops_app, json_log):
    @ops_app.get("/_test/boom")
    def boom():
        raise RuntimeError("kaboom")

    response = ops_app.test_client().get("/_test/boom", headers={"X-Request-ID": "boom-1"})
    assert response.status_code == 500
    assert response.headers["X-Request-ID"] == "boom-1"
    errors = [line for line in log_lines(json_log) if line["level"] == "ERROR"]
    assert errors and errors[0]["request_id"] == "boom-1"
    assert "kaboom" in errors[0]["exception"]


def test_outside_a_request_a_log_line_has_no_request_id(json_log):
    logging.getLogger("framecheck.test").info("at start-up")
    (line,) = log_lines(json_log)
    assert line["message"] == "at start-up" and "request_id" not in line


def remote_addr_seen(application) -> str:
    @application.get("/_test/remote")
    def remote():
        return request.remote_addr

    response = application.test_client().get(
        "/_test/remote",
        headers={"X-Forwarded-For": "203.0.113.9"},
        environ_base={"REMOTE_ADDR": "10.0.0.1"},
    )
    return response.get_data(as_text=True)


def test_proxy_fix_is_off_by_default(tmp_path):
    assert remote_addr_seen(bare_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'a.sqlite'}")) == "10.0.0.1"


def test_proxy_fix_honours_x_forwarded_for_when_configured(tmp_path):
    application = bare_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'a.sqlite'}", PROXY_FIX_X_FOR=1)
    assert remote_addr_seen(application) == "203.0.113.9"


def test_proxy_fix_counts_can_come_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("PROXY_FIX_X_FOR", "1")
    application = bare_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'a.sqlite'}")
    assert remote_addr_seen(application) == "203.0.113.9"


@pytest.mark.parametrize("url, per_core, extra", [
    (None, 1, 1),  # the default database is SQLite
    ("sqlite:////srv/framecheck.sqlite", 1, 1),
    ("postgresql://app@db/framecheck", 2, 1),
])
def test_gunicorn_workers_follow_the_cores_and_the_database(monkeypatch, url, per_core, extra):
    """One SQLite file takes one writer at a time: cores + 1 workers; PostgreSQL: 2 x cores + 1."""
    import multiprocessing
    import runpy
    from pathlib import Path

    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    if url is None:
        monkeypatch.delenv("DATABASE_URL", raising=False)
    else:
        monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setattr(multiprocessing, "cpu_count", lambda: 4)
    config = str(Path(__file__).resolve().parents[1] / "gunicorn.conf.py")
    assert runpy.run_path(config)["workers"] == 4 * per_core + extra
    monkeypatch.setenv("WEB_CONCURRENCY", "7")
    assert runpy.run_path(config)["workers"] == 7
