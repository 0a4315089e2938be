"""Two app servers as one: two gunicorn processes (gunicorn.conf.py, one worker each) on two
loopback ports, one database and one Redis, the same SECRET_KEY. A teacher and a student
alternate their requests between the two with one cookie jar, as behind a load balancer with no
sticky sessions: sign-up, class and assignment through the API, join, start, saves, resume and
submit all work whichever server answers, and the login rate limit counts across both.

The database is PostgreSQL (a database of its own, framecheck_migr_twoserv, created beside
TEST_DATABASE_URL's and dropped after) when TEST_DATABASE_URL is set, otherwise one SQLite file
that both servers open. Redis is redis://127.0.0.1:6379/15, flushed before and after.
"""

import os
import re
import socket
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import redis
import requests
import sqlalchemy as sa
from test_migrations import scratch_pg_database

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
REDIS_URL = "redis://127.0.0.1:6379/15"
PG_DATABASE = "framecheck_migr_twoserv"
SECRET_KEY = "two-servers-shared-secret-key-for-the-test"
_CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    def __init__(self, env: dict, log_path: Path):
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.log = open(log_path, "w")
        self.process = subprocess.Popen(
            [str(BIN / "gunicorn"), "-c", "gunicorn.conf.py", "-w", "1"],
            cwd=ROOT, env={**env, "BIND": f"127.0.0.1:{self.port}"}, stdout=self.log, stderr=subprocess.STDOUT,
        )

    def wait_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                if requests.get(self.base + "/healthz", timeout=2).status_code == 200:
                    return
            except requests.RequestException:  # not listening yet, or the worker still importing
                time.sleep(0.1)
        raise AssertionError(f"gunicorn on {self.base} did not start:\n{self.log_path.read_text()[-3000:]}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


@pytest.fixture
def two_servers(tmp_path):
    """(server A, server B, database URL), both serving one freshly migrated database."""
    postgres = bool(os.environ.get("TEST_DATABASE_URL"))
    url = scratch_pg_database(PG_DATABASE) if postgres else f"sqlite:///{tmp_path / 'shared.sqlite'}"
    store = redis.Redis.from_url(REDIS_URL)
    store.flushdb()
    env = {k: v for k, v in os.environ.items() if k not in ("BIND", "PORT", "WEB_CONCURRENCY", "FRAMECHECK_ENV")}
    env.update(DATABASE_URL=url, REDIS_URL=REDIS_URL, SECRET_KEY=SECRET_KEY, PYTHONUNBUFFERED="1")
    subprocess.run([str(BIN / "flask"), "--app", "app", "init-db"], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    servers = [Server(env, tmp_path / "a.log"), Server(env, tmp_path / "b.log")]
    try:
        for server in servers:
            server.wait_ready()
        yield servers[0], servers[1], url
    finally:
        for server in servers:
            server.stop()
        store.flushdb()
        store.close()
        if postgres:
            scratch_pg_database(PG_DATABASE, create=False)


def _csrf(response: requests.Response) -> str:
    match = _CSRF.search(response.text)
    assert match, f"no CSRF token in {response.url}"
    return match.group(1)


def _valid_answers(quiz: dict) -> list[tuple[int, dict]]:
    """One valid answer per question, built from the quiz's public JSON."""
    answers = []
    passage = quiz["article"]["passages"][0]
    for question in quiz["questions"]:
        options = [o["id"] for o in question.get("options") or []]
        if question["type"] in ("classify", "multiple_choice"):
            answers.append((question["id"], {"choice": options[0]}))
        elif question["type"] == "multi_select":
            answers.append((question["id"], {"choices": options[:1]}))
        else:
            start, end = (question["start"], question["end"]) if question.get("start") is not None else (
                passage["start"], passage["end"])
            answers.append((question["id"], {"spans": [[start, end]]}))
    return answers


def _api_token(url: str, email: str) -> str:
    """A personal API token for the teacher, made the way ``flask users token`` makes one."""
    env = {k: v for k, v in os.environ.items() if k != "FRAMECHECK_ENV"}
    env.update(DATABASE_URL=url, SECRET_KEY=SECRET_KEY)
    done = subprocess.run([str(BIN / "flask"), "--app", "app", "users", "token", email], cwd=ROOT, env=env,
                          check=True, capture_output=True, text=True)
    return done.stdout.strip().splitlines()[-1]


def test_a_student_alternating_between_two_servers_keeps_one_session(two_servers):
    a, b, url = two_servers
    for server in (a, b):
        ready = requests.get(server.base + "/readyz", timeout=5).json()
        assert ready["status"] == "ok" and ready["checks"]["redis"] == "ok", ready

    teacher = requests.Session()
    page = teacher.get(a.base + "/signup")
    signed_up = teacher.post(b.base + "/signup", data={
        "csrf_token": _csrf(page), "display_name": "Ms Okafor", "email": "okafor@school.example",
        "password": "teacher password 1",
    }, allow_redirects=False)
    assert signed_up.status_code == 302, signed_up.text  # A's form and CSRF token, accepted by B
    assert teacher.get(a.base + "/teach/", allow_redirects=False).status_code == 200  # B's session cookie, on A

    bearer = {"Authorization": "Bearer " + _api_token(url, "okafor@school.example")}
    quiz_id = requests.get(a.base + "/api/v1/quizzes", timeout=5).json()["quizzes"][0]["id"]
    created = requests.post(b.base + "/api/v1/classes", json={"name": "9B"}, headers=bearer, timeout=5)
    assert created.status_code == 201, created.text
    classroom = created.json()
    now = datetime.now(timezone.utc)
    assigned = requests.post(a.base + f"/api/v1/classes/{classroom['id']}/assignments", headers=bearer, timeout=5, json={
        "quiz_id": quiz_id, "opens_at": (now - timedelta(minutes=5)).isoformat(),
        "closes_at": (now + timedelta(hours=1)).isoformat(),
    })
    assert assigned.status_code == 201, assigned.text
    assignment_id = assigned.json()["id"]

    student = requests.Session()  # one cookie jar for both servers, as a browser behind a balancer
    page = student.get(a.base + "/join")
    joined = student.post(b.base + "/join", data={
        "csrf_token": _csrf(page), "join_code": classroom["join_code"], "display_name": "Ana Bell",
        "username": "ana.bell", "password": "student password 1",
    }, allow_redirects=False)
    assert joined.status_code == 302, joined.text
    home = student.get(a.base + "/me")
    assert home.status_code == 200 and "Ana Bell" in home.text

    started = student.post(b.base + f"/assignments/{assignment_id}/start", data={"csrf_token": _csrf(home)},
                           allow_redirects=False)
    assert started.status_code == 302, started.text
    attempt_id = int(re.search(r"/attempts/(\d+)/questions/", started.headers["Location"]).group(1))
    question_page = student.get(a.base + started.headers["Location"])
    assert question_page.status_code == 200
    csrf = {"X-CSRFToken": _csrf(question_page)}

    quiz = student.get(b.base + f"/api/v1/quizzes/{quiz_id}").json()
    answers = _valid_answers(quiz)
    assert len(answers) == len(quiz["questions"]) >= 20
    saved = {}
    for index, (question_id, answer) in enumerate(answers[:10]):
        server = (a, b)[index % 2]
        reply = student.put(server.base + f"/api/v1/attempts/{attempt_id}/answers/{question_id}",
                            json={"answer": answer, "seq": index + 1}, headers=csrf)
        assert reply.status_code == 200, (server.base, reply.text)
        saved[question_id] = reply.json()["answer"]

    # the student closes the tab and comes back through the other server: the same attempt, every answer
    resumed = student.post(a.base + f"/assignments/{assignment_id}/start", data={"csrf_token": _csrf(home)},
                           allow_redirects=False)
    assert f"/attempts/{attempt_id}/questions/" in resumed.headers["Location"]
    state = student.get(b.base + f"/api/v1/attempts/{attempt_id}").json()
    assert state["state"] == "in_progress"
    assert {row["question_id"]: row["answer"] for row in state["answers"]} == saved

    for index, (question_id, answer) in enumerate(answers[10:], start=10):
        server = (b, a)[index % 2]
        reply = student.put(server.base + f"/api/v1/attempts/{attempt_id}/answers/{question_id}",
                            json={"answer": answer, "seq": index + 1}, headers=csrf)
        assert reply.status_code == 200, (server.base, reply.text)

    submitted = student.post(b.base + f"/api/v1/attempts/{attempt_id}/submit", headers=csrf)
    assert submitted.status_code == 200, submitted.text
    result = submitted.json()
    assert len(result["results"]) == len(answers) and result["max_score"] > 0
    again = student.post(a.base + f"/api/v1/attempts/{attempt_id}/submit", headers=csrf)
    assert again.status_code == 200 and again.json() == result  # graded once, the same result on A

    with sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://")).connect() as connection:
        rows = connection.execute(sa.text(
            "SELECT count(*), count(graded_at) FROM responses WHERE attempt_id = :id"), {"id": attempt_id}).one()
        state_row = connection.execute(sa.text("SELECT state, score FROM attempts WHERE id = :id"),
                                       {"id": attempt_id}).one()
    assert tuple(rows) == (len(answers), len(answers))
    assert state_row.state == "submitted" and state_row.score is not None

    results = requests.get(a.base + f"/api/v1/assignments/{assignment_id}/results", headers=bearer, timeout=5)
    assert results.status_code == 200 and "ana.bell" in results.text


def test_the_login_rate_limit_counts_across_both_servers(two_servers):
    a, b, _ = two_servers
    browser = requests.Session()
    statuses = []
    for attempt in range(11):
        server = (a, b)[attempt % 2]
        page = browser.get(server.base + "/login")
        reply = browser.post(server.base + "/login", data={
            "csrf_token": _csrf(page), "identifier": "nobody@school.example", "password": f"wrong password {attempt}",
        }, allow_redirects=False)
        statuses.append(reply.status_code)
    # A saw six of the eleven and B five: only a count shared through Redis reaches the limit of ten
    assert statuses == [401] * 10 + [429]
    page = browser.get(b.base + "/login")
    limited = browser.post(b.base + "/login", data={
        "csrf_token": _csrf(page), "identifier": "nobody@school.example", "password": "wrong again",
    }, allow_redirects=False)
    assert limited.status_code == 429
    assert redis.Redis.from_url(REDIS_URL).keys("LIMITS:*")  # the counter lives in Redis, not in either process
