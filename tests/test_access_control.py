"""The access-control table: every route and method, for every kind of visitor.

A world of two teachers (each with a class, students, an assignment and an API token), students
with attempts, and a guest attempt is built for each row; five principals then call the row's URL:

    anon  nobody signed in
    a1    student A1, in teacher A's class (owns the attempt on assignment A)
    b1    student B1, in teacher B's class (owns the attempt on assignment B)
    ta    teacher A (owns class A, assignment A, students A1 and A2)
    tb    teacher B (owns class B, assignment B, student B1)

Expected outcomes:

    ok            2xx
    go:/path      3xx to a URL whose path starts with /path (ids filled in from the world)
    login         302 to /login?next=... (the sign-in wall)
    400 401 403 404 422   exactly that status

HTML forms carry a valid CSRF token and API calls authenticate properly (teachers: personal token;
students: session cookie plus ``X-CSRFToken``), so what is tested is authorization, never CSRF.
Other people's objects must answer 404 (no enumeration); a wrong role 403 (401 on the API for
nobody). The owner of the object calls last, so a destructive call (delete, remove, revoke, sign
out) cannot change what the others see; each row gets a freshly built world.

``test_every_route_has_a_row`` fails when a route has no row: add one when you add a route.
"""

import re
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Callable
from urllib.parse import parse_qs, urlsplit

import pytest
import sqlalchemy as sa

from app import create_app
from models import Attempt, Classroom, Enrollment, User, db, utcnow
from services import accounts, articles, assignments, attempts, classes, drafting
from services.catalog import install_bundled
from tests.conftest import csrf_token, database_url, post_form, sign_in
from web.extensions import limiter

PASSWORD = "correct horse battery"
PRINCIPALS = ("anon", "a1", "b1", "ta", "tb")
#: Owners last: their call may destroy what the others' calls are about.
CALL_ORDER = ("anon", "b1", "tb", "a1", "ta")
TEACHERS = ("ta", "tb")
SAFE = {"GET", "HEAD", "OPTIONS"}
MISSING_ID = 2_000_000_000  # an id nothing has (below the converter's maximum)


# --------------------------------------------------------------------------------------------
# The world


@pytest.fixture(scope="module")
def _schema_app(tmp_path_factory):
    """One app and schema for the module (creating the schema per test is slow on PostgreSQL)."""
    application = create_app(
        {"TESTING": True, "SECRET_KEY": "test-secret-key",
         "SQLALCHEMY_DATABASE_URI": database_url(tmp_path_factory.mktemp("access"))}
    )
    with application.app_context():
        db.drop_all()
        db.create_all()
    yield application
    with application.app_context():
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


@pytest.fixture
def app(_schema_app):
    """Overrides conftest's ``app``: the same fresh start (empty tables, the bundled quiz, no rate-limit
    counts), by emptying the tables instead of re-creating the schema."""
    with _schema_app.app_context():
        db.session.remove()
        for table in reversed(db.metadata.sorted_tables):
            db.session.execute(table.delete())
        db.session.commit()
        install_bundled()
        limiter.reset()
    yield _schema_app
    with _schema_app.app_context():
        db.session.remove()


@dataclass
class World:
    ids: dict
    clients: dict
    csrf: dict
    tokens: dict  # API secrets of the teachers
    guest_token: str
    join_codes: dict = field(default_factory=dict)


def build_world(app) -> World:
    now = utcnow()
    with app.app_context():
        ta = accounts.create_teacher("ta@example.org", "Teacher A", PASSWORD)
        tb = accounts.create_teacher("tb@example.org", "Teacher B", PASSWORD)
        class_a = classes.create_class(ta, "Class A")
        class_b = classes.create_class(tb, "Class B")
        a1 = accounts.create_student("a1.student", "Student A1", PASSWORD)
        a2 = accounts.create_student("a2.student", "Student A2", PASSWORD)
        b1 = accounts.create_student("b1.student", "Student B1", PASSWORD)
        for student, classroom in ((a1, class_a), (a2, class_a), (b1, class_b)):
            classes.enroll(student, classroom)
        quiz = assignments.assignable_quizzes(ta)[0]
        window = (now - timedelta(hours=1), now + timedelta(days=7))
        assignment_a = assignments.create_assignment(class_a, quiz.id, *window)
        assignment_b = assignments.create_assignment(class_b, quiz.id, *window)
        attempt_a1 = assignments.start_or_resume(a1, assignment_a.id)
        attempt_b1 = assignments.start_or_resume(b1, assignment_b.id)
        guest, guest_token = attempts.start_attempt(quiz.id, "Guest G")
        article_a = articles.add_article(ta, title="A's article", text="Experts argued that it failed. So, could it?")
        passage_a = articles.passages_of(article_a)[0]
        for passage in articles.passages_of(article_a):
            articles.set_label(article_a, passage.id, "sourced_argument")
        cue_a = articles.mark_cue(article_a, passage_a.id, "reporting verb", phrase="argued")
        draft_a = drafting.draft_quiz(ta, article_a)
        token_ta, secret_ta = accounts.create_api_token(ta, "script A")
        token_tb, secret_tb = accounts.create_api_token(tb, "script B")
        ids = {
            "quiz": quiz.id,
            "question1": quiz.questions[0].id,
            "class_a": class_a.id,
            "class_b": class_b.id,
            "student_a1": a1.id,
            "student_a2": a2.id,
            "student_b1": b1.id,
            "assignment_a": assignment_a.id,
            "assignment_b": assignment_b.id,
            "attempt_a1": attempt_a1.id,
            "attempt_b1": attempt_b1.id,
            "guest_attempt": guest.id,
            "token_ta": token_ta.id,
            "article_a": article_a.id,
            "passage_a": passage_a.id,
            "cue_a": cue_a.id,
            "draft_a": draft_a.id,
            "draft_question_a": draft_a.questions[0].id,
            "token_tb": token_tb.id,
            "missing": MISSING_ID,
            "split_at": passage_a.start + 7,
        }
        join_codes = {"class_a": class_a.join_code, "class_b": class_b.join_code}
    logins = {"a1": "a1.student", "b1": "b1.student", "ta": "ta@example.org", "tb": "tb@example.org"}
    clients, csrf = {}, {}
    for principal in PRINCIPALS:
        client = app.test_client()
        if principal in logins:
            response = sign_in(client, logins[principal], PASSWORD)
            assert response.status_code == 302, f"{principal} could not sign in"
        csrf[principal] = csrf_token(client.get("/login").get_data(as_text=True))
        clients[principal] = client
    return World(ids, clients, csrf, {"ta": secret_ta, "tb": secret_tb}, guest_token, join_codes)


@pytest.fixture
def world(app) -> World:
    return build_world(app)


def submit_a1_attempt(app, world: World) -> None:
    with app.app_context():
        attempts.submit(db.session.get(Attempt, world.ids["attempt_a1"]))


# --------------------------------------------------------------------------------------------
# Calling and judging


def fill(value, world: World):
    """Fill ``{name}`` placeholders in strings (recursively) with world ids; callables get the world."""
    if callable(value):
        return value(world)
    if isinstance(value, str):
        return value.format(**world.ids, join_a=world.join_codes["class_a"])
    if isinstance(value, dict):
        return {k: fill(v, world) for k, v in value.items()}
    return value


def call(world: World, principal: str, method: str, path: str, body=None):
    client = world.clients[principal]
    headers = {}
    if path.startswith("/api/"):
        if principal in TEACHERS:
            headers["Authorization"] = f"Bearer {world.tokens[principal]}"
        elif principal != "anon" and method not in SAFE:
            headers["X-CSRFToken"] = world.csrf[principal]
        return client.open(path, method=method, headers=headers, json=body)
    if method in SAFE:
        return client.open(path, method=method)
    return client.open(path, method=method, data={**(body or {}), "csrf_token": world.csrf[principal]})


def describe(response) -> str:
    location = response.headers.get("Location")
    return f"{response.status_code}" + (f" -> {location}" if location else "")


def matches(expected: str, response) -> bool:
    status = response.status_code
    location = urlsplit(response.headers.get("Location", ""))
    if expected == "ok":
        return 200 <= status < 300
    if expected == "login":
        return status == 302 and location.path == "/login" and "next" in parse_qs(location.query)
    if expected.startswith("go:"):
        return status in (301, 302, 303, 307, 308) and location.path.startswith(expected[3:])
    return status == int(expected)


def csp_allows_inline_script(response) -> str | None:
    """The problem with the response's Content-Security-Policy for scripts, or None."""
    policy = response.headers.get("Content-Security-Policy")
    if not policy:
        return "no Content-Security-Policy header"
    directives = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = [w.lower() for w in words[1:]]
    sources = directives.get("script-src", directives.get("default-src"))
    if sources is None:
        return "no script-src or default-src directive"
    if "'unsafe-inline'" in sources or "*" in sources:
        return f"scripts allowed inline or from anywhere: {policy}"
    return None


# --------------------------------------------------------------------------------------------
# The table


@dataclass(frozen=True)
class Row:
    rule: str
    method: str
    path: str
    expect: dict
    body: object = None
    variant: str = ""
    prepare: Callable | None = None  # (app, world) -> None, run after the world is built

    @property
    def id(self) -> str:
        return f"{self.method} {self.rule}" + (f" [{self.variant}]" if self.variant else "")


def everyone(outcome, **overrides) -> dict:
    return {p: overrides.get(p, outcome) for p in PRINCIPALS}


def signed_in(outcome, anon="login", **overrides) -> dict:
    return everyone(outcome, anon=anon, **overrides)


def students_only(a1, b1, html=True) -> dict:
    refused = "403"
    return {"anon": "login" if html else "401", "a1": a1, "b1": b1, "ta": refused, "tb": refused}


def teachers_only(ta, tb, html=True) -> dict:
    """A teacher route: students refused (403), nobody to the sign-in page (HTML) or 401 (API)."""
    return {"anon": "login" if html else "401", "a1": "403", "b1": "403", "ta": ta, "tb": tb}


def a1_attempt(ok, html=True) -> dict:
    """A1's attempt: only A1 reaches it; everyone else (their teacher too) gets 404; the API 401 for nobody."""
    return {"anon": "404" if html else "401", "a1": ok, "b1": "404", "ta": "404", "tb": "404"}


def nobodys_attempt(html=True) -> dict:
    """The guest attempt, whose token nobody here holds: 404 for all (401 on the API for nobody)."""
    return everyone("404", anon="404" if html else "401")


A1_ATTEMPT = "/attempts/{attempt_a1}"
GUEST_ATTEMPT = "/attempts/{guest_attempt}"
ASSIGNMENT_FORM = {
    "quiz_id": "{quiz}", "opens_at": "2030-01-06T09:00", "closes_at": "", "max_attempts": "",
    "grading_method": "highest", "feedback": "after_submit",
}
ANSWER = {"answer": {"choice": "boilerplate"}}
BAD_JOIN_CODE = "0000-00"  # 0 is not in the join-code alphabet: no class has it

ROWS = [
    # ---- public pages and checks ------------------------------------------------------------
    Row("/", "GET", "/", everyone("ok")),
    Row("/learn", "GET", "/learn", everyone("ok")),
    Row("/healthz", "GET", "/healthz", everyone("ok")),
    Row("/readyz", "GET", "/readyz", everyone("ok")),
    Row("/quizzes/<id:quiz_id>", "GET", "/quizzes/{quiz}", everyone("ok")),
    Row("/quizzes/<id:quiz_id>", "POST", "/quizzes/{quiz}", everyone("go:/attempts/"), {"name": "Practice P"}),
    # ---- accounts -----------------------------------------------------------------------------
    Row("/login", "GET", "/login", everyone("ok")),
    Row("/login", "POST", "/login", everyone("401"), {"identifier": "nobody", "password": "not the password"},
        variant="wrong password"),
    Row("/logout", "POST", "/logout", signed_in("go:/login")),
    Row("/signup", "GET", "/signup", everyone("ok")),
    Row("/signup", "POST", "/signup", everyone("422"), {"display_name": "", "email": "", "password": ""},
        variant="empty form"),
    Row("/join", "GET", "/join", everyone("ok", ta="go:/teach/", tb="go:/teach/")),
    Row("/join", "POST", "/join", everyone("422", ta="go:/teach/", tb="go:/teach/"),
        {"join_code": BAD_JOIN_CODE, "display_name": "New N", "username": "new.student", "password": PASSWORD},
        variant="unknown code"),
    Row("/password", "GET", "/password", signed_in("ok")),
    Row("/password", "POST", "/password", signed_in("422"), {"password": "short", "confirm": "short"},
        variant="too short"),
    # ---- a student's assignments ----------------------------------------------------------------
    Row("/me", "GET", "/me", students_only("ok", "ok")),
    Row("/assignments/<id:assignment_id>/start", "POST", "/assignments/{assignment_a}/start",
        students_only("go:/attempts/{attempt_a1}/questions/", "404"), variant="assignment A"),
    Row("/assignments/<id:assignment_id>/start", "POST", "/assignments/{assignment_b}/start",
        students_only("404", "go:/attempts/{attempt_b1}/questions/"), variant="assignment B"),
    Row("/assignments/<id:assignment_id>/start", "POST", "/assignments/{missing}/start",
        students_only("404", "404"), variant="missing"),
    # ---- attempt pages: A1's in-progress attempt ---------------------------------------------------
    Row("/attempts/<id:attempt_id>/questions/<int:number>", "GET", A1_ATTEMPT + "/questions/1", a1_attempt("ok")),
    Row("/attempts/<id:attempt_id>/questions/<int:number>", "POST", A1_ATTEMPT + "/questions/1",
        a1_attempt("go:/attempts/{attempt_a1}/questions/2"), {"answer": "boilerplate", "go": "next"}),
    Row("/attempts/<id:attempt_id>/review", "GET", A1_ATTEMPT + "/review", a1_attempt("ok")),
    Row("/attempts/<id:attempt_id>/submit", "POST", A1_ATTEMPT + "/submit",
        a1_attempt("go:/attempts/{attempt_a1}/result")),
    Row("/attempts/<id:attempt_id>/result", "GET", A1_ATTEMPT + "/result",
        a1_attempt("go:/attempts/{attempt_a1}/review"), variant="in progress"),
    Row("/attempts/<id:attempt_id>/analyzer", "GET", A1_ATTEMPT + "/analyzer",
        a1_attempt("go:/attempts/{attempt_a1}/result"), variant="in progress"),
    # assignment attempts are retried from the student's home, never here: 404 even for the owner
    Row("/attempts/<id:attempt_id>/retry", "POST", A1_ATTEMPT + "/retry", a1_attempt("404")),
    # ---- attempt pages: A1's attempt once submitted -------------------------------------------------
    Row("/attempts/<id:attempt_id>/questions/<int:number>", "GET", A1_ATTEMPT + "/questions/1",
        a1_attempt("go:/attempts/{attempt_a1}/result"), variant="submitted", prepare=submit_a1_attempt),
    Row("/attempts/<id:attempt_id>/result", "GET", A1_ATTEMPT + "/result", a1_attempt("ok"),
        variant="submitted", prepare=submit_a1_attempt),
    Row("/attempts/<id:attempt_id>/analyzer", "GET", A1_ATTEMPT + "/analyzer", a1_attempt("ok"),
        variant="submitted", prepare=submit_a1_attempt),
    # ---- attempt pages: the guest attempt (its token is in nobody's session) -----------------------
    Row("/attempts/<id:attempt_id>/questions/<int:number>", "GET", GUEST_ATTEMPT + "/questions/1",
        nobodys_attempt(), variant="guest"),
    Row("/attempts/<id:attempt_id>/questions/<int:number>", "POST", GUEST_ATTEMPT + "/questions/1",
        nobodys_attempt(), {"answer": "boilerplate", "go": "next"}, variant="guest"),
    Row("/attempts/<id:attempt_id>/review", "GET", GUEST_ATTEMPT + "/review", nobodys_attempt(), variant="guest"),
    Row("/attempts/<id:attempt_id>/submit", "POST", GUEST_ATTEMPT + "/submit", nobodys_attempt(), variant="guest"),
    Row("/attempts/<id:attempt_id>/result", "GET", GUEST_ATTEMPT + "/result", nobodys_attempt(), variant="guest"),
    Row("/attempts/<id:attempt_id>/analyzer", "GET", GUEST_ATTEMPT + "/analyzer", nobodys_attempt(), variant="guest"),
    Row("/attempts/<id:attempt_id>/retry", "POST", GUEST_ATTEMPT + "/retry", nobodys_attempt(), variant="guest"),
    # ---- teacher pages ----------------------------------------------------------------------------
    Row("/teach/", "GET", "/teach/", teachers_only("ok", "ok")),
    Row("/teach/classes", "POST", "/teach/classes", teachers_only("go:/teach/classes/", "go:/teach/classes/"),
        {"name": "New class"}),
    Row("/teach/classes/<id:class_id>", "GET", "/teach/classes/{class_a}", teachers_only("ok", "404")),
    Row("/teach/classes/<id:class_id>", "GET", "/teach/classes/{missing}", teachers_only("404", "404"),
        variant="missing"),
    Row("/teach/classes/<id:class_id>/rename", "POST", "/teach/classes/{class_a}/rename",
        teachers_only("go:/teach/classes/{class_a}", "404"), {"name": "Renamed"}),
    Row("/teach/classes/<id:class_id>/archive", "POST", "/teach/classes/{class_a}/archive",
        teachers_only("go:/teach/classes/{class_a}", "404")),
    Row("/teach/classes/<id:class_id>/join-code", "POST", "/teach/classes/{class_a}/join-code",
        teachers_only("go:/teach/classes/{class_a}", "404")),
    Row("/teach/classes/<id:class_id>/join-code/toggle", "POST", "/teach/classes/{class_a}/join-code/toggle",
        teachers_only("go:/teach/classes/{class_a}", "404")),
    Row("/teach/classes/<id:class_id>/roster", "POST", "/teach/classes/{class_a}/roster",
        teachers_only("ok", "404"), {"names": "New Kid"}),
    Row("/teach/classes/<id:class_id>/assignments", "POST", "/teach/classes/{class_a}/assignments",
        teachers_only("go:/teach/classes/{class_a}", "404"), ASSIGNMENT_FORM),
    Row("/teach/classes/<id:class_id>/students/<id:student_id>/reset", "POST",
        "/teach/classes/{class_a}/students/{student_a2}/reset", teachers_only("ok", "404")),
    Row("/teach/classes/<id:class_id>/students/<id:student_id>/reset", "POST",
        "/teach/classes/{class_b}/students/{student_a2}/reset", teachers_only("404", "404"),
        variant="own class B, A's student"),
    Row("/teach/classes/<id:class_id>/students/<id:student_id>/reset", "POST",
        "/teach/classes/{class_a}/students/{student_b1}/reset", teachers_only("404", "404"),
        variant="class A, B's student"),
    Row("/teach/classes/<id:class_id>/students/<id:student_id>/remove", "POST",
        "/teach/classes/{class_a}/students/{student_a2}/remove", teachers_only("go:/teach/classes/{class_a}", "404")),
    Row("/teach/classes/<id:class_id>/students/<id:student_id>/remove", "POST",
        "/teach/classes/{class_b}/students/{student_a2}/remove", teachers_only("404", "404"),
        variant="own class B, A's student"),
    Row("/teach/assignments/<id:assignment_id>", "GET", "/teach/assignments/{assignment_a}",
        teachers_only("ok", "404")),
    Row("/teach/assignments/<id:assignment_id>", "GET", "/teach/assignments/{missing}",
        teachers_only("404", "404"), variant="missing"),
    Row("/teach/assignments/<id:assignment_id>/delete", "POST", "/teach/assignments/{assignment_a}/delete",
        teachers_only("go:/teach/classes/{class_a}", "404")),
    Row("/teach/settings", "GET", "/teach/settings", teachers_only("ok", "ok")),
    Row("/teach/settings", "POST", "/teach/settings", teachers_only("ok", "ok"), {"name": "CI token"},
        variant="new token"),
    Row("/teach/settings/tokens/<id:token_id>/revoke", "POST", "/teach/settings/tokens/{token_ta}/revoke",
        teachers_only("go:/teach/settings", "404")),
    # ---- API: public --------------------------------------------------------------------------------
    Row("/api/v1/openapi.json", "GET", "/api/v1/openapi.json", everyone("ok")),
    Row("/api/v1/quizzes", "GET", "/api/v1/quizzes", everyone("ok")),
    Row("/api/v1/quizzes/<id:quiz_id>", "GET", "/api/v1/quizzes/{quiz}", everyone("ok")),
    Row("/api/v1/quizzes/<id:quiz_id>/attempts", "POST", "/api/v1/quizzes/{quiz}/attempts", everyone("ok"),
        {"name": "Practice P"}),
    # ---- API: attempts ----------------------------------------------------------------------------------
    Row("/api/v1/attempts/<id:attempt_id>", "GET", "/api/v1" + A1_ATTEMPT, a1_attempt("ok", html=False)),
    Row("/api/v1/attempts/<id:attempt_id>", "GET", "/api/v1" + GUEST_ATTEMPT, nobodys_attempt(html=False),
        variant="guest"),
    Row("/api/v1/attempts/<id:attempt_id>/answers/<id:question_id>", "PUT",
        "/api/v1" + A1_ATTEMPT + "/answers/{question1}", a1_attempt("ok", html=False), ANSWER),
    Row("/api/v1/attempts/<id:attempt_id>/answers/<id:question_id>", "PUT",
        "/api/v1" + GUEST_ATTEMPT + "/answers/{question1}", nobodys_attempt(html=False), ANSWER, variant="guest"),
    Row("/api/v1/attempts/<id:attempt_id>/submit", "POST", "/api/v1" + A1_ATTEMPT + "/submit",
        a1_attempt("ok", html=False)),
    Row("/api/v1/attempts/<id:attempt_id>/submit", "POST", "/api/v1" + GUEST_ATTEMPT + "/submit",
        nobodys_attempt(html=False), variant="guest"),
    # ---- API: a student's assignments -------------------------------------------------------------------
    Row("/api/v1/me/assignments", "GET", "/api/v1/me/assignments", students_only("ok", "ok", html=False)),
    Row("/api/v1/assignments/<id:assignment_id>/attempts", "POST", "/api/v1/assignments/{assignment_a}/attempts",
        students_only("ok", "404", html=False)),
    # ---- API: classes -------------------------------------------------------------------------------------
    Row("/api/v1/classes", "GET", "/api/v1/classes", teachers_only("ok", "ok", html=False)),
    Row("/api/v1/classes", "POST", "/api/v1/classes", teachers_only("ok", "ok", html=False), {"name": "New class"}),
    Row("/api/v1/classes/<id:class_id>", "GET", "/api/v1/classes/{class_a}", teachers_only("ok", "404", html=False)),
    Row("/api/v1/classes/<id:class_id>", "GET", "/api/v1/classes/{missing}", teachers_only("404", "404", html=False),
        variant="missing"),
    Row("/api/v1/classes/<id:class_id>", "PATCH", "/api/v1/classes/{class_a}", teachers_only("ok", "404", html=False),
        {"name": "Renamed"}),
    Row("/api/v1/classes/<id:class_id>/join-code", "POST", "/api/v1/classes/{class_a}/join-code",
        teachers_only("ok", "404", html=False)),
    Row("/api/v1/classes/<id:class_id>/students", "GET", "/api/v1/classes/{class_a}/students",
        teachers_only("ok", "404", html=False)),
    Row("/api/v1/classes/<id:class_id>/students", "POST", "/api/v1/classes/{class_a}/students",
        teachers_only("ok", "404", html=False), {"names": ["New Kid"]}),
    Row("/api/v1/classes/<id:class_id>/students/<id:student_id>", "DELETE",
        "/api/v1/classes/{class_a}/students/{student_a2}", teachers_only("ok", "404", html=False)),
    Row("/api/v1/classes/<id:class_id>/students/<id:student_id>", "DELETE",
        "/api/v1/classes/{class_b}/students/{student_a2}", teachers_only("404", "404", html=False),
        variant="own class B, A's student"),
    Row("/api/v1/classes/<id:class_id>/students/<id:student_id>/password", "POST",
        "/api/v1/classes/{class_a}/students/{student_a2}/password", teachers_only("ok", "404", html=False)),
    Row("/api/v1/classes/<id:class_id>/students/<id:student_id>/password", "POST",
        "/api/v1/classes/{class_a}/students/{student_b1}/password", teachers_only("404", "404", html=False),
        variant="class A, B's student"),
    Row("/api/v1/classes/<id:class_id>/assignments", "GET", "/api/v1/classes/{class_a}/assignments",
        teachers_only("ok", "404", html=False)),
    Row("/api/v1/classes/<id:class_id>/assignments", "POST", "/api/v1/classes/{class_a}/assignments",
        teachers_only("ok", "404", html=False), lambda w: {"quiz_id": w.ids["quiz"], "opens_at": "2030-01-06T09:00:00Z"}),
    # ---- API: assignments -------------------------------------------------------------------------------
    Row("/api/v1/assignments/<id:assignment_id>", "GET", "/api/v1/assignments/{assignment_a}",
        teachers_only("ok", "404", html=False)),
    Row("/api/v1/assignments/<id:assignment_id>", "GET", "/api/v1/assignments/{missing}",
        teachers_only("404", "404", html=False), variant="missing"),
    Row("/api/v1/assignments/<id:assignment_id>", "PATCH", "/api/v1/assignments/{assignment_a}",
        teachers_only("ok", "404", html=False), {"max_attempts": 3}),
    Row("/api/v1/assignments/<id:assignment_id>", "DELETE", "/api/v1/assignments/{assignment_a}",
        teachers_only("ok", "404", html=False)),
    Row("/api/v1/assignments/<id:assignment_id>/results", "GET", "/api/v1/assignments/{assignment_a}/results",
        teachers_only("ok", "404", html=False)),
    # ---- results (issue 6) ----------------------------------------------------------------------
    *[
        Row(f"/teach/assignments/<id:assignment_id>/{page}", "GET", f"/teach/assignments/{{assignment_a}}/{page}",
            teachers_only("ok", "404"))
        for page in ("gradebook", "gradebook.csv", "responses.csv", "analysis", "confusion")
    ],
    Row("/teach/assignments/<id:assignment_id>/students/<id:student_id>", "GET",
        "/teach/assignments/{assignment_a}/students/{student_a1}", teachers_only("ok", "404")),
    Row("/teach/assignments/<id:assignment_id>/students/<id:student_id>", "GET",
        "/teach/assignments/{assignment_a}/students/{student_b1}", teachers_only("404", "404"), variant="not in the class"),
    Row("/teach/classes/<id:class_id>/confusion", "GET", "/teach/classes/{class_a}/confusion", teachers_only("ok", "404")),
    Row("/me/progress", "GET", "/me/progress", students_only("ok", "ok")),
    *[
        Row(f"/api/v1/assignments/<id:assignment_id>/{call}", "GET", f"/api/v1/assignments/{{assignment_a}}/{call}",
            teachers_only("ok", "404", html=False))
        for call in ("gradebook", "responses", "item-statistics", "confusion")
    ],
    Row("/api/v1/me/progress", "GET", "/api/v1/me/progress", students_only("ok", "ok", html=False)),
    # ---- authoring (issue 4) --------------------------------------------------------------------
    Row("/teach/articles", "GET", "/teach/articles", teachers_only("ok", "ok")),
    Row("/teach/articles", "POST", "/teach/articles", teachers_only("422", "422"), body={"title": "", "text": ""}),
    Row("/teach/articles/<id:article_id>", "GET", "/teach/articles/{article_a}", teachers_only("ok", "404")),
    *[
        Row(f"/teach/articles/<id:article_id>/{action}", "POST", f"/teach/articles/{{article_a}}/{action}",
            teachers_only("go:/teach/", "404"))
        for action in ("suggest", "accept-all", "draft")
    ],
    Row("/teach/articles/<id:article_id>/passages/<id:passage_id>/label", "POST",
        "/teach/articles/{article_a}/passages/{passage_a}/label", teachers_only("go:/teach/", "404"),
        body={"label": "reported_fact"}),
    *[
        Row(f"/teach/articles/<id:article_id>/passages/<id:passage_id>/{action}", "POST",
            f"/teach/articles/{{article_a}}/passages/{{passage_a}}/{action}", teachers_only("go:/teach/", "404"), body=body)
        for action, body in (("accept", None), ("merge", None), ("split", {"at": "{split_at}"}),
                             ("cues", {"phrase": "Experts", "note": "a source"}))
    ],
    Row("/teach/articles/<id:article_id>/cues/<id:cue_id>/delete", "POST", "/teach/articles/{article_a}/cues/{cue_a}/delete",
        teachers_only("go:/teach/", "404")),
    Row("/teach/quizzes/<id:quiz_id>", "GET", "/teach/quizzes/{draft_a}", teachers_only("ok", "404")),
    Row("/teach/quizzes/<id:quiz_id>/publish", "POST", "/teach/quizzes/{draft_a}/publish", teachers_only("go:/teach/quizzes", "404")),
    Row("/teach/quizzes/<id:quiz_id>/practice", "POST", "/teach/quizzes/{draft_a}/practice", teachers_only("go:/teach/quizzes", "404")),
    # ---- question editor pages (issue 4: editor, versions, sharing) -----------------------------
    Row("/teach/sets", "GET", "/teach/sets", teachers_only("ok", "ok")),
    Row("/teach/sets", "POST", "/teach/sets", teachers_only("go:/teach/quizzes/", "422"),
        {"article_id": "{article_a}", "title": "New set"}, variant="A's article"),
    Row("/teach/quizzes/<id:quiz_id>", "GET", "/teach/quizzes/{quiz}", teachers_only("ok", "ok"), variant="bundled"),
    Row("/teach/quizzes/<id:quiz_id>/edit", "GET", "/teach/quizzes/{draft_a}/edit", teachers_only("ok", "404")),
    Row("/teach/quizzes/<id:quiz_id>/details", "POST", "/teach/quizzes/{draft_a}/details",
        teachers_only("go:/teach/quizzes/{draft_a}/edit", "404"), {"title": "Renamed", "description": ""}),
    *[
        Row(rule, "POST", path, teachers_only("go:/teach/quizzes/{draft_a}/edit", "404"), {
            "type": "multiple_choice", "prompt": "Which?", "points": "1", "explanation": "Because.", "passage": "",
            "answer": "", "label": "", "options": "* Yes\nNo", "phrases": "",
        })
        for rule, path in (
            ("/teach/quizzes/<id:quiz_id>/questions", "/teach/quizzes/{draft_a}/questions"),
            ("/teach/quizzes/<id:quiz_id>/questions/<id:question_id>", "/teach/quizzes/{draft_a}/questions/{draft_question_a}"),
        )
    ],
    Row("/teach/quizzes/<id:quiz_id>/questions/<id:question_id>", "GET",
        "/teach/quizzes/{draft_a}/questions/{draft_question_a}", teachers_only("ok", "404")),
    Row("/teach/quizzes/<id:quiz_id>/questions/<id:question_id>/delete", "POST",
        "/teach/quizzes/{draft_a}/questions/{draft_question_a}/delete", teachers_only("go:/teach/quizzes/{draft_a}/edit", "404")),
    Row("/teach/quizzes/<id:quiz_id>/questions/<id:question_id>/move", "POST",
        "/teach/quizzes/{draft_a}/questions/{draft_question_a}/move", teachers_only("go:/teach/quizzes/{draft_a}/edit", "404"),
        {"position": "1"}),
    Row("/teach/quizzes/<id:quiz_id>/share", "POST", "/teach/quizzes/{draft_a}/share",
        teachers_only("go:/teach/quizzes/{draft_a}", "404")),
    Row("/teach/quizzes/<id:quiz_id>/duplicate", "POST", "/teach/quizzes/{draft_a}/duplicate",
        teachers_only("go:/teach/quizzes/", "404")),
    Row("/teach/quizzes/<id:quiz_id>/duplicate", "POST", "/teach/quizzes/{quiz}/duplicate",
        teachers_only("go:/teach/quizzes/", "go:/teach/quizzes/"), variant="bundled"),
    Row("/teach/quizzes/<id:quiz_id>/delete", "POST", "/teach/quizzes/{draft_a}/delete", teachers_only("go:/teach/sets", "404")),
    Row("/teach/quizzes/<id:quiz_id>/regrade", "GET", "/teach/quizzes/{draft_a}/regrade", teachers_only("ok", "404")),
    Row("/teach/quizzes/<id:quiz_id>/regrade", "POST", "/teach/quizzes/{draft_a}/regrade",
        teachers_only("go:/teach/quizzes/{draft_a}/edit", "404")),
    # ---- authoring API (issue 4) ----------------------------------------------------------------
    Row("/api/v1/articles", "GET", "/api/v1/articles", teachers_only("ok", "ok", html=False)),
    Row("/api/v1/articles", "POST", "/api/v1/articles", teachers_only("ok", "ok", html=False),
        {"title": "New article", "text": "Experts argued that it failed."}),
    Row("/api/v1/articles/<id:article_id>", "GET", "/api/v1/articles/{article_a}", teachers_only("ok", "404", html=False)),
    Row("/api/v1/articles/<id:article_id>", "GET", "/api/v1/articles/{missing}", teachers_only("404", "404", html=False),
        variant="missing"),
    Row("/api/v1/articles/<id:article_id>", "PATCH", "/api/v1/articles/{article_a}", teachers_only("ok", "404", html=False),
        {"title": "Renamed"}),
    # draft A is on article A: deleting the article is refused (409) until the draft is deleted
    Row("/api/v1/articles/<id:article_id>", "DELETE", "/api/v1/articles/{article_a}", teachers_only("409", "404", html=False),
        variant="in use"),
    Row("/api/v1/articles/<id:article_id>", "DELETE", "/api/v1/articles/{article_a}", teachers_only("ok", "404", html=False),
        variant="unused", prepare=lambda app, world: world.clients["ta"].delete(
            f"/api/v1/sets/{world.ids['draft_a']}", headers={"Authorization": f"Bearer {world.tokens['ta']}"})),
    *[
        Row("/api/v1/articles/<id:article_id>/passages/<id:passage_id>/label", method,
            "/api/v1/articles/{article_a}/passages/{passage_a}/label", teachers_only("ok", "404", html=False), body)
        for method, body in (("PUT", {"label": "reported_fact"}), ("DELETE", None))
    ],
    Row("/api/v1/articles/<id:article_id>/suggest", "POST", "/api/v1/articles/{article_a}/suggest",
        teachers_only("ok", "404", html=False)),
    Row("/api/v1/sets", "GET", "/api/v1/sets", teachers_only("ok", "ok", html=False)),
    Row("/api/v1/sets", "POST", "/api/v1/sets", teachers_only("ok", "404", html=False),
        lambda w: {"article_id": w.ids["article_a"], "title": "New set"}, variant="A's article"),
    Row("/api/v1/sets/<id:set_id>", "GET", "/api/v1/sets/{draft_a}", teachers_only("ok", "404", html=False)),
    Row("/api/v1/sets/<id:set_id>", "GET", "/api/v1/sets/{quiz}", teachers_only("ok", "ok", html=False), variant="bundled"),
    Row("/api/v1/sets/<id:set_id>", "PATCH", "/api/v1/sets/{draft_a}", teachers_only("ok", "404", html=False),
        {"title": "Renamed", "shared": True}),
    Row("/api/v1/sets/<id:set_id>", "PATCH", "/api/v1/sets/{quiz}", teachers_only("404", "404", html=False),
        {"title": "Mine"}, variant="bundled"),
    Row("/api/v1/sets/<id:set_id>", "DELETE", "/api/v1/sets/{draft_a}", teachers_only("ok", "404", html=False)),
    Row("/api/v1/sets/<id:set_id>/duplicate", "POST", "/api/v1/sets/{draft_a}/duplicate",
        teachers_only("ok", "404", html=False)),
    Row("/api/v1/sets/<id:set_id>/duplicate", "POST", "/api/v1/sets/{quiz}/duplicate",
        teachers_only("ok", "ok", html=False), variant="bundled"),
    *[
        Row(rule, method, path, teachers_only("ok", "404", html=False),
            {"type": "multiple_choice", "prompt": "Which?", "explanation": "Because.",
             "options": [{"text": "One", "correct": True}, {"text": "Two"}]})
        for rule, method, path in (
            ("/api/v1/sets/<id:set_id>/questions", "POST", "/api/v1/sets/{draft_a}/questions"),
            ("/api/v1/sets/<id:set_id>/questions/<id:question_id>", "PUT",
             "/api/v1/sets/{draft_a}/questions/{draft_question_a}"),
        )
    ],
    Row("/api/v1/sets/<id:set_id>/questions/<id:question_id>", "DELETE",
        "/api/v1/sets/{draft_a}/questions/{draft_question_a}", teachers_only("ok", "404", html=False)),
    Row("/api/v1/sets/<id:set_id>/questions/<id:question_id>/move", "POST",
        "/api/v1/sets/{draft_a}/questions/{draft_question_a}/move", teachers_only("ok", "404", html=False), {"position": 1}),
    *[
        Row("/api/v1/sets/<id:set_id>/regrade", method, "/api/v1/sets/{draft_a}/regrade",
            teachers_only("ok", "404", html=False))
        for method in ("GET", "POST")
    ],
]


def test_every_route_has_a_row(app):
    routes = {
        (rule.rule, method)
        for rule in app.url_map.iter_rules()
        if rule.endpoint != "static"
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    table = {(row.rule, row.method) for row in ROWS}
    missing = sorted(routes - table)
    assert not missing, "routes without a row in the access-control table: " + ", ".join(
        f"{method} {rule}" for rule, method in missing
    )
    stale = sorted(table - routes)
    assert not stale, "rows for routes that no longer exist: " + ", ".join(f"{m} {r}" for r, m in stale)
    assert len({row.id for row in ROWS}) == len(ROWS), "two rows share an id: give one a variant"
    for row in ROWS:
        assert set(row.expect) == set(PRINCIPALS), f"{row.id}: expectations for {sorted(row.expect)}"


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.id)
def test_access(app, world, row):
    if row.prepare:
        row.prepare(app, world)
    path = fill(row.path, world)
    rule, _ = app.url_map.bind("localhost").match(path, method=row.method, return_rule=True)
    assert rule.rule == row.rule, f"{path} is served by {rule.rule}, not {row.rule}"
    wrong = []
    for principal in CALL_ORDER:
        expected = fill(row.expect[principal], world)
        response = call(world, principal, row.method, path, fill(row.body, world))
        if not matches(expected, response):
            wrong.append(f"{principal}: got {describe(response)}, expected {expected}")
        if problem := csp_allows_inline_script(response):
            wrong.append(f"{principal}: {problem}")
    assert not wrong, f"{row.method} {path} ({row.id}):\n  " + "\n  ".join(wrong)


# --------------------------------------------------------------------------------------------
# No enumeration: another's object and no object look the same


def without_csrf(html: str) -> str:
    return re.sub(r'(name="csrf_token"[^>]*value=")[^"]+"', r'\1…"', html)


@pytest.mark.parametrize(
    "principal, owned, template",
    [
        ("tb", "class_a", "/teach/classes/{}"),
        ("tb", "assignment_a", "/teach/assignments/{}"),
        ("tb", "class_a", "/api/v1/classes/{}"),
        ("tb", "class_a", "/api/v1/classes/{}/students"),
        ("tb", "assignment_a", "/api/v1/assignments/{}"),
        ("tb", "assignment_a", "/api/v1/assignments/{}/results"),
        ("b1", "attempt_a1", "/attempts/{}/review"),
        ("b1", "attempt_a1", "/api/v1/attempts/{}"),
        ("ta", "attempt_a1", "/attempts/{}/questions/1"),
    ],
)
def test_another_users_object_and_a_missing_id_answer_the_same_404(world, principal, owned, template):
    others = call(world, principal, "GET", template.format(world.ids[owned]))
    nothing = call(world, principal, "GET", template.format(MISSING_ID))
    assert others.status_code == nothing.status_code == 404
    # the page's CSRF token is signed with the time, so it may differ by a second: compare without it
    assert without_csrf(others.get_data(as_text=True)) == without_csrf(nothing.get_data(as_text=True))
    assert others.headers.get("Content-Type") == nothing.headers.get("Content-Type")


# --------------------------------------------------------------------------------------------
# Tokens


def test_a_revoked_api_token_is_refused(app, world):
    client = app.test_client()
    auth = {"Authorization": f"Bearer {world.tokens['ta']}"}
    assert client.get("/api/v1/classes", headers=auth).status_code == 200
    page = world.clients["ta"].get("/teach/settings").get_data(as_text=True)
    revoked = post_form(world.clients["ta"], f"/teach/settings/tokens/{world.ids['token_ta']}/revoke", {}, page)
    assert revoked.status_code == 302
    for method, path in (("GET", "/api/v1/classes"), ("GET", f"/api/v1/classes/{world.ids['class_a']}"),
                         ("DELETE", f"/api/v1/assignments/{world.ids['assignment_a']}")):
        refused = client.open(path, method=method, headers=auth)
        assert refused.status_code == 401, (method, path, refused.status_code)
        assert refused.json["error"]["field"] == "Authorization"
    with app.app_context():
        from models import Assignment

        assert db.session.get(Assignment, world.ids["assignment_a"]) is not None
    # teacher B's token is untouched
    assert client.get("/api/v1/classes", headers={"Authorization": f"Bearer {world.tokens['tb']}"}).status_code == 200


def test_a_made_up_or_malformed_token_is_401(app, world):
    client = app.test_client()
    for header in ("Bearer fcp_" + "x" * 43, "Basic abc", "Bearer ", world.tokens["ta"]):
        assert client.get("/api/v1/classes", headers={"Authorization": header}).status_code == 401, header


def test_an_attempt_token_opens_its_attempt_only(app, world):
    client = app.test_client()
    auth = {"Authorization": f"Bearer {world.guest_token}"}
    assert client.get(f"/api/v1/attempts/{world.ids['guest_attempt']}", headers=auth).status_code == 200
    assert client.get(f"/api/v1/attempts/{world.ids['attempt_a1']}", headers=auth).status_code == 404
    assert client.post(f"/api/v1/attempts/{world.ids['attempt_a1']}/submit", headers=auth).status_code == 404
    # an attempt token is no personal token: the teacher and student calls refuse it
    assert client.get("/api/v1/classes", headers=auth).status_code == 401
    assert client.get("/api/v1/me/assignments", headers=auth).status_code == 401


def test_a_teacher_token_does_not_open_a_students_attempt(app, world):
    auth = {"Authorization": f"Bearer {world.tokens['ta']}"}
    assert app.test_client().get(f"/api/v1/attempts/{world.ids['attempt_a1']}", headers=auth).status_code == 404


def test_the_session_cookie_needs_the_csrf_header_for_unsafe_api_calls(app, world):
    client = world.clients["a1"]
    url = f"/api/v1/attempts/{world.ids['attempt_a1']}/answers/{world.ids['question1']}"
    assert client.put(url, json=ANSWER).status_code == 400
    assert client.put(url, json=ANSWER, headers={"X-CSRFToken": world.csrf["a1"]}).status_code == 200
    teacher = world.clients["ta"]
    assert teacher.post("/api/v1/classes", json={"name": "Forged"}).status_code == 400
    assert teacher.post("/api/v1/classes", json={"name": "Mine"}, headers={"X-CSRFToken": world.csrf["ta"]}).status_code == 201


# --------------------------------------------------------------------------------------------
# Joining a class: a disabled code or an archived class lets nobody in


def enrolled(app, student_id: int, class_id: int) -> bool:
    with app.app_context():
        return db.session.get(Enrollment, (class_id, student_id)) is not None


@pytest.mark.parametrize("change", [{"join_enabled": False}, {"archived": True}], ids=["code off", "archived"])
def test_a_closed_class_cannot_be_joined(app, world, change):
    with app.app_context():
        classes.update_class(db.session.get(Classroom, world.ids["class_b"]), **change)
    code = world.join_codes["class_b"]
    # a signed-in student with the code
    a1 = world.clients["a1"]
    refused = post_form(a1, "/join", {"join_code": code})
    assert refused.status_code == 422 and "does not open a class" in refused.get_data(as_text=True)
    assert not enrolled(app, world.ids["student_a1"], world.ids["class_b"])
    assert a1.post(f"/assignments/{world.ids['assignment_b']}/start",
                   data={"csrf_token": world.csrf["a1"]}).status_code == 404
    # a newcomer making an account with the code
    newcomer = app.test_client()
    refused = post_form(newcomer, "/join", {"join_code": code, "display_name": "New N", "username": "new.n",
                                            "password": PASSWORD})
    assert refused.status_code == 422
    with app.app_context():
        assert db.session.scalar(sa.select(User).where(User.username == "new.n")) is None
    assert newcomer.get("/me").status_code == 302


def test_an_open_class_can_be_joined_so_the_refusals_above_mean_something(app, world):
    a1 = world.clients["a1"]
    joined = post_form(a1, "/join", {"join_code": world.join_codes["class_b"]})
    assert joined.status_code == 302 and urlsplit(joined.headers["Location"]).path == "/me"
    assert enrolled(app, world.ids["student_a1"], world.ids["class_b"])


# --------------------------------------------------------------------------------------------
# Text that users write is escaped wherever it is shown; no inline script is allowed


SCRIPT = "<script>alert(1)</script>"
IMAGE = '"><img src=x onerror=alert(1)>'
PAYLOAD = SCRIPT + IMAGE


def assert_escaped(response, where: str) -> None:
    html = response.get_data(as_text=True)
    assert response.status_code == 200, f"{where}: {response.status_code}"
    assert SCRIPT not in html and "<img src=x" not in html, f"{where}: the payload is not escaped"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, f"{where}: the text is not shown at all"
    assert "&lt;img src=x onerror=alert(1)&gt;" in html, f"{where}: the text is not shown at all"
    assert (problem := csp_allows_inline_script(response)) is None, f"{where}: {problem}"


def test_written_text_is_escaped_on_every_page_that_shows_it(app, quiz_id):
    with app.app_context():
        accounts.create_teacher("xss@example.org", PAYLOAD, PASSWORD)
    teacher = app.test_client()
    assert sign_in(teacher, "xss@example.org", PASSWORD).status_code == 302
    # the teacher writes a class name and a roster
    created = post_form(teacher, "/teach/classes", {"name": PAYLOAD}, teacher.get("/teach/").get_data(as_text=True))
    class_url = urlsplit(created.headers["Location"]).path
    class_id = int(class_url.rsplit("/", 1)[1])
    assert_escaped(teacher.get("/teach/"), "teacher dashboard")
    cards = post_form(teacher, class_url + "/roster", {"names": PAYLOAD}, teacher.get(class_url).get_data(as_text=True))
    assert_escaped(cards, "login cards")
    # a student writes their display name when joining
    with app.app_context():
        classroom = db.session.get(Classroom, class_id)
        code = classroom.join_code
        now = utcnow()
        assignment_id = assignments.create_assignment(classroom, quiz_id, now - timedelta(hours=1), now + timedelta(days=7)).id
    student = app.test_client()
    joined = post_form(student, "/join", {"join_code": code, "display_name": PAYLOAD, "username": "xss.student",
                                          "password": PASSWORD})
    assert joined.status_code == 302
    assert_escaped(teacher.get(class_url), "class page")
    with app.app_context():
        student_id = db.session.scalar(sa.select(User.id).where(User.username == "xss.student"))
    reset = post_form(teacher, f"{class_url}/students/{student_id}/reset", {}, teacher.get(class_url).get_data(as_text=True))
    assert_escaped(reset, "login card after a reset")
    student = app.test_client()  # the reset ended the student's session; the one-time password is on the card
    one_time = re.search(r'Password</dt><dd class="mono">(\w+)</dd>', reset.get_data(as_text=True)).group(1)
    assert sign_in(student, "xss.student", one_time).status_code == 302
    assert post_form(student, "/password", {"password": PASSWORD, "confirm": PASSWORD}).status_code == 302
    assert_escaped(student.get("/me"), "student home")
    started = post_form(student, f"/assignments/{assignment_id}/start", {}, student.get("/me").get_data(as_text=True))
    attempt_url = urlsplit(started.headers["Location"]).path.rsplit("/questions/", 1)[0]
    assert_escaped(student.get(attempt_url + "/questions/1"), "question page")
    assert_escaped(student.get(attempt_url + "/review"), "review page")
    submitted = post_form(student, attempt_url + "/submit", {}, student.get(attempt_url + "/review").get_data(as_text=True))
    assert submitted.status_code == 302
    assert_escaped(student.get(attempt_url + "/result"), "result page")
    assert_escaped(teacher.get(f"/teach/assignments/{assignment_id}"), "assignment page")
    # a guest writes the name on their attempt
    guest = app.test_client()
    started = post_form(guest, f"/quizzes/{quiz_id}", {"name": PAYLOAD})
    guest_url = urlsplit(started.headers["Location"]).path.rsplit("/questions/", 1)[0]
    page = guest.get(guest_url + "/review").get_data(as_text=True)
    assert post_form(guest, guest_url + "/submit", {}, page).status_code == 302
    assert_escaped(guest.get(guest_url + "/result"), "guest result page")
    # JSON is no HTML: the API returns the text as it was written, with a JSON content type
    api = teacher.get(f"/api/v1/classes/{class_id}")
    assert api.json["name"] == PAYLOAD and api.mimetype == "application/json"
    assert api.headers.get("X-Content-Type-Options") == "nosniff"
