"""Fixtures: an app on a fresh database (SQLite, or PostgreSQL when TEST_DATABASE_URL is set),
CSRF-aware form helpers, and a Playwright browser on Debian's Chromium.

Under CI (``CI`` set), a skipped test is reported as a failure: the browser and PostgreSQL
tests must really run there.
"""

import os
import re
import socket
from pathlib import Path

import pytest
import sqlalchemy as sa

from app import create_app
from models import db
from services.catalog import install_bundled

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped under CI, which must run every test: {report.longrepr}"


@pytest.fixture(autouse=True)
def _push_request_context():
    """Replace pytest-flask's fixture of this name, which keeps one request context pushed for the
    whole test: every test-client request would then share its ``g``, where Flask-Login caches the
    user and Flask-WTF the CSRF token, hiding exactly the session behaviour under test."""
    yield


@pytest.fixture
def client(app):
    """A test client that keeps no context pushed between requests (pytest-flask's does, so a
    second client in the same test would share the first one's ``g``)."""
    return app.test_client()


def database_url(tmp_path: Path) -> str:
    return os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{tmp_path / 'test.sqlite'}"


@pytest.fixture
def app(tmp_path):
    """A fresh app with the schema and the bundled quiz; CSRF stays on, as in production."""
    application = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret-key",
            "SQLALCHEMY_DATABASE_URI": database_url(tmp_path),
        }
    )
    with application.app_context():
        _drop_everything()
        db.create_all()
        install_bundled()
    yield application
    with application.app_context():
        db.session.remove()
        _drop_everything()
        db.engine.dispose()


def _drop_everything() -> None:
    """The models' tables and Alembic's version table, which a test running init-db leaves behind
    in a shared PostgreSQL database (the next init-db would then replay migrations)."""
    db.drop_all()
    with db.engine.begin() as connection:
        connection.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))


@pytest.fixture
def quiz_id(app):
    from services.catalog import practice_quizzes

    with app.app_context():
        return practice_quizzes()[0]["id"]


_CSRF = re.compile(r'<input[^>]*name="csrf_token"[^>]*value="([^"]+)"')


def csrf_token(html: str) -> str:
    match = _CSRF.search(html)
    assert match, "the page has no CSRF token"
    return match.group(1)


def post_form(client, url: str, data: dict, page: str | None = None):
    """POST ``data`` with the CSRF token of ``page`` (or of ``url`` fetched first)."""
    html = page if page is not None else client.get(url).get_data(as_text=True)
    return client.post(url, data={**data, "csrf_token": csrf_token(html)})


@pytest.fixture
def shared():
    if not SHARED.is_dir():
        pytest.skip(f"../shared is not beside the repository ({SHARED})")
    return SHARED


@pytest.fixture(scope="module")
def chromium():
    """Chromium for one test module, closed when the module ends: a browser left idle while the
    rest of the suite ran hung at session teardown."""
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context()
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def live_server(request, app):
    """pytest-flask's live server, per test (the ``app`` fixture is per test), started after the
    engine's connections are closed so that the forked server opens its own."""
    from pytest_flask.live_server import LiveServer

    with socket.socket() as sock:
        sock.bind(("localhost", 0))
        port = sock.getsockname()[1]
    app.config["SERVER_NAME"] = f"localhost:{port}"
    with app.app_context():
        db.engine.dispose()  # the forked server opens its own connections
    server = LiveServer(app, "localhost", port, request.config.getvalue("live_server_wait"), clean_stop=True)
    server.start()
    yield server
    server.stop()
    process = server._process  # pytest-flask leaves a server that ignored SIGINT running: end it
    if process is not None and process.is_alive():
        process.kill()
        process.join(5)
    app.config["SERVER_NAME"] = None


def sign_in(client, identifier: str, password: str):
    """Sign in through the login form (with its CSRF token); returns the response."""
    return post_form(client, "/login", {"identifier": identifier, "password": password})


@pytest.fixture
def make_teacher(app):
    """Create a teacher and return (user id, email, password)."""

    def make(email="t@example.org", name="Teacher T", password="correct horse battery"):
        from services.accounts import create_teacher

        with app.app_context():
            return create_teacher(email, name, password).id, email, password

    return make
