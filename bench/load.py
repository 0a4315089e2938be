"""Load benchmark: N students take the bundled quiz through the JSON API under gunicorn, against a floor.

    .venv/bin/python bench/load.py --db both --students 50,200 --duration-cap 120 [--prefill 20000]

For each database (SQLite file, PostgreSQL database ``framecheck_bench``) and each number of
students N, on a fresh database (``flask --app app init-db``, optionally ``--prefill`` submitted
attempts inserted in bulk first):

1. Framecheck runs under gunicorn (gunicorn.conf.py: same workers as production). N students,
   concurrently and with no think time (``--think S``: a pause of 0 to 2S seconds before each
   save, for both apps), each start an attempt (``POST /api/v1/quizzes/{id}/attempts``),
   save 20 answers one by one (``PUT .../answers/{question_id}``, valid answers cycling through
   the questions) and submit. Each step is a phase: every student starts, then every student
   saves, then every student submits, so each phase's throughput is measured on its own.
2. The floor (bench/floor_app.py: the smallest Flask + Flask-SQLAlchemy app inserting one row per
   POST) runs under the same gunicorn settings on the same database; N students each POST 20 rows.
3. Printed: requests/s, p50/p95/p99 latency and errors per phase; our save throughput as a share
   of the floor's; lost answers (saves acknowledged with 200 but not stored with that answer,
   counted in the database after the run; must be 0); RSS per gunicorn worker from /proc.

Loopback only; every phase is bounded by ``--duration-cap`` seconds (cancelled and reported as
capped beyond it).

``--spike 30,300`` is the lesson instead: a class of N students (made beforehand through the
services, each with a known password) signs in through the login form and starts the assignment
at the same second, saves 20 answers each, and then every student submits at a random moment in
the ten seconds before the assignment closes. Printed: the time until the last student is in
(signed in and on the first question), logins per second, the time until the last submit is
graded (from the start of the submit rush, and against the close), errors, and lost answers
(acknowledged saves missing from the database, and attempts not graded; both must be 0).
Password hashing is the costly part of a login: argon2id at ``services.accounts.HASHER``'s cost,
whose single-hash time on this machine is printed too.
"""

import argparse
import asyncio
import json
import random
import re
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SAVES_PER_STUDENT = 20
REQUEST_TIMEOUT = 60
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/framecheck_bench"


# ---------------------------------------------------------------- measurements


@dataclass
class Phase:
    name: str
    latencies: list[float] = field(default_factory=list)
    ok: int = 0
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)
    elapsed: float = 0.0
    capped: bool = False

    def record(self, seconds: float, good: bool, detail: str = "") -> None:
        self.latencies.append(seconds)
        if good:
            self.ok += 1
        else:
            self.errors += 1
            if len(self.error_samples) < 3:
                self.error_samples.append(detail[:200])

    def percentile(self, q: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    @property
    def rate(self) -> float:
        return self.ok / self.elapsed if self.elapsed else 0.0


async def timed(phase: Phase, session: aiohttp.ClientSession, method: str, url: str, expect: int, **kwargs):
    """One request; its latency and outcome go to ``phase``. Returns the JSON body on success."""
    started = time.perf_counter()
    try:
        async with session.request(method, url, **kwargs) as response:
            text = await response.text()
            elapsed = time.perf_counter() - started
            if response.status == expect:
                phase.record(elapsed, True)
                return json.loads(text)
            phase.record(elapsed, False, f"{response.status} {text}")
    except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as error:
        phase.record(time.perf_counter() - started, False, f"{type(error).__name__}: {error}")
    return None


async def run_phase(phase: Phase, jobs, cap: float):
    """Run the coroutines concurrently; the phase ends when all finish or at ``cap`` seconds."""
    started = time.perf_counter()
    tasks = [asyncio.ensure_future(job) for job in jobs]
    done, pending = await asyncio.wait(tasks, timeout=cap)
    for task in pending:
        task.cancel()
    if pending:
        phase.capped = True
        await asyncio.gather(*pending, return_exceptions=True)
    phase.elapsed = time.perf_counter() - started
    return [task.result() if task in done and not task.exception() else None for task in tasks]


def session_for(base: str) -> aiohttp.ClientSession:
    connector = aiohttp.TCPConnector(limit=0, force_close=True)  # gunicorn sync workers close anyway
    return aiohttp.ClientSession(base, connector=connector, timeout=aiohttp.ClientTimeout(total=REQUEST_TIMEOUT))


# ---------------------------------------------------------------- the quiz and valid answers


def valid_answers(quiz: dict) -> list[tuple[int, dict]]:
    """A valid answer for every question of the quiz, from its public JSON."""
    passages = quiz["article"]["passages"]
    answers = []
    for question in quiz["questions"]:
        kind, options = question["type"], question.get("options") or []
        if kind in ("classify", "multiple_choice") and options:
            answer = {"choice": options[0]["id"]}
        elif kind == "multi_select" and options:
            answer = {"choices": [options[0]["id"]]}
        elif kind in ("mark_words", "find_in_article"):
            if question.get("start") is not None:
                answer = {"spans": [[question["start"], question["end"]]]}
            else:
                answer = {"spans": [[passages[0]["start"], passages[0]["end"]]]}
        else:
            continue
        answers.append((question["id"], answer))
    return answers


# ---------------------------------------------------------------- the loads


@dataclass
class Acked:
    """What the server acknowledged, to compare with the database afterwards."""

    answers: dict[tuple[int, int], dict] = field(default_factory=dict)
    floor_ids: set[int] = field(default_factory=set)


async def think(mean: float) -> None:
    """A student's pause before the next answer: uniform over 0 to twice ``mean`` seconds."""
    if mean:
        await asyncio.sleep(random.uniform(0, 2 * mean))


async def load_framecheck(base: str, quiz_id: int, students: int, cap: float, acked: Acked,
                          think_time: float = 0.0) -> list[Phase]:
    async with session_for(base) as session:
        quiz = await timed(Phase("quiz"), session, "GET", f"/api/v1/quizzes/{quiz_id}", 200)
        answers = valid_answers(quiz)
        await warm_up_framecheck(session, quiz_id, answers)

        start, save, submit = Phase("start"), Phase("save"), Phase("submit")

        async def start_one(i):
            return await timed(start, session, "POST", f"/api/v1/quizzes/{quiz_id}/attempts", 201,
                               json={"name": f"Student {i}"})

        started = await run_phase(start, [start_one(i) for i in range(students)], cap)
        attempts = [(i, body) for i, body in enumerate(started) if body]

        async def saves_of(i, body):
            headers = {"Authorization": f"Bearer {body['token']}"}
            for k in range(SAVES_PER_STUDENT):
                await think(think_time)
                question_id, answer = answers[(i + k) % len(answers)]
                url = f"/api/v1/attempts/{body['attempt_id']}/answers/{question_id}"
                reply = await timed(save, session, "PUT", url, 200, json={"answer": answer}, headers=headers)
                if reply:
                    acked.answers[(body["attempt_id"], question_id)] = reply["answer"]

        await run_phase(save, [saves_of(i, body) for i, body in attempts], cap)

        async def submit_one(body):
            headers = {"Authorization": f"Bearer {body['token']}"}
            await timed(submit, session, "POST", f"/api/v1/attempts/{body['attempt_id']}/submit", 200, headers=headers)

        await run_phase(submit, [submit_one(body) for _, body in attempts], cap)
        return [start, save, submit]


async def warm_up_framecheck(session, quiz_id, answers):
    """Every worker connects to the database and loads the quiz once before the clock starts."""
    scratch = Phase("warm-up")
    for _ in range(2):
        bodies = await asyncio.gather(*[
            timed(scratch, session, "POST", f"/api/v1/quizzes/{quiz_id}/attempts", 201, json={"name": "warm"})
            for _ in range(8)
        ])
        for body in filter(None, bodies):
            headers = {"Authorization": f"Bearer {body['token']}"}
            question_id, answer = answers[0]
            url = f"/api/v1/attempts/{body['attempt_id']}/answers/{question_id}"
            await timed(scratch, session, "PUT", url, 200, json={"answer": answer}, headers=headers)
            await timed(scratch, session, "POST", f"/api/v1/attempts/{body['attempt_id']}/submit", 200, headers=headers)


async def load_floor(base: str, students: int, cap: float, acked: Acked, think_time: float = 0.0) -> list[Phase]:
    async with session_for(base) as session:
        scratch = Phase("warm-up")
        for _ in range(2):
            await asyncio.gather(*[timed(scratch, session, "POST", "/rows", 201, json={"student": "warm"})
                                   for _ in range(8)])
        insert = Phase("insert")

        async def rows_of(i):
            for k in range(SAVES_PER_STUDENT):
                await think(think_time)
                reply = await timed(insert, session, "POST", "/rows", 201,
                                    json={"student": f"s{i}", "payload": {"choice": "x", "k": k}})
                if reply:
                    acked.floor_ids.add(reply["id"])

        await run_phase(insert, [rows_of(i) for i in range(students)], cap)
        return [insert]


# ---------------------------------------------------------------- databases


def sqlalchemy_url(url: str) -> str:
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def fresh_postgres(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1].split("?")[0]
    if "bench" not in name or name in ("test", "postgres"):
        raise SystemExit(f"refusing to recreate database {name!r}: use a name containing 'bench'")
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def run_cli(app_dir: Path, app_ref: str, env: dict) -> None:
    subprocess.run([str(BIN / "flask"), "--app", app_ref, "init-db"], cwd=app_dir, env=env, check=True,
                   stdout=subprocess.DEVNULL)


def prefill(app_dir: Path, url: str, count: int) -> None:
    """Insert ``count`` submitted attempts, each with a response to every question, in bulk."""
    sys.path.insert(0, str(app_dir))
    import sqlalchemy as sa

    from models import Attempt, Response
    from quizzes.questions import validate_answer
    from services import catalog

    app = create_bench_app(url)
    with app.app_context():
        from models import db

        quiz = catalog.get_practice_quiz(catalog.practice_quizzes()[0]["id"])
        by_id = {q.id: q for q in quiz.questions}
        answers = [(qid, validate_answer(by_id[qid].as_data(), a)) for qid, a in valid_answers(catalog.public_quiz(quiz))]
        attempts, responses = Attempt.__table__, Response.__table__
        started = time.perf_counter()
        for offset in range(0, count, 1000):
            now = sa.func.now()
            rows = [
                {"quiz_id": quiz.id, "display_name": f"Prior {offset + i}", "token_hash": secrets.token_hex(32),
                 "state": "submitted", "score": 0.0, "max_score": float(len(answers))}
                for i in range(min(1000, count - offset))
            ]
            ids = db.session.execute(
                sa.insert(attempts).values(started_at=now, submitted_at=now)
                .returning(attempts.c.id, sort_by_parameter_order=True),
                rows,
            ).scalars().all()
            db.session.execute(
                sa.insert(responses).values(saved_at=now, graded_at=now),
                [{"attempt_id": attempt_id, "question_id": qid, "answer": answer, "points": 0.0,
                  "correct": False, "feedback": []} for attempt_id in ids for qid, answer in answers],
            )
            db.session.commit()
        print(f"  prefilled {count} submitted attempts ({count * len(answers)} responses) "
              f"in {time.perf_counter() - started:.1f}s", flush=True)
        db.engine.dispose()


def create_bench_app(url: str):
    from app import create_app

    return create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench-" + secrets.token_hex(16)})


def lost_answers(url: str, acked: Acked) -> tuple[int, int]:
    """(acknowledged saves whose answer is not stored, floor rows acknowledged but not stored)."""
    import sqlalchemy as sa

    engine = sa.create_engine(sqlalchemy_url(url))
    stored, floor = {}, set()
    attempt_ids = sorted({attempt_id for attempt_id, _ in acked.answers})
    with engine.connect() as connection:
        for i in range(0, len(attempt_ids), 500):
            chunk = attempt_ids[i:i + 500]
            rows = connection.execute(
                sa.text("SELECT attempt_id, question_id, answer FROM responses WHERE attempt_id IN :ids")
                .bindparams(sa.bindparam("ids", expanding=True)),
                {"ids": chunk},
            )
            for attempt_id, question_id, answer in rows:
                stored[(attempt_id, question_id)] = json.loads(answer) if isinstance(answer, str) else answer
        if acked.floor_ids:
            floor = {row[0] for row in connection.execute(sa.text("SELECT id FROM floor_rows"))}
    engine.dispose()
    lost = sum(1 for key, answer in acked.answers.items() if stored.get(key) != answer)
    return lost, len(acked.floor_ids - floor)


# ---------------------------------------------------------------- the server


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Gunicorn:
    def __init__(self, app_dir: Path, app_ref: str | None, env: dict, log_path: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        command = [str(BIN / "gunicorn"), "-c", str(app_dir / "gunicorn.conf.py")]
        if app_ref:
            command.append(app_ref)
        self.log = open(log_path, "w")
        self.process = subprocess.Popen(command, cwd=app_dir, env={**env, "BIND": f"127.0.0.1:{self.port}"},
                                        stdout=self.log, stderr=subprocess.STDOUT)
        self.log_path = log_path

    def wait_ready(self, path: str, timeout: float = 30) -> None:
        import urllib.request

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                with urllib.request.urlopen(self.base + path, timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise SystemExit(f"the server did not come up; see {self.log_path}:\n" + self.log_path.read_text()[-3000:])

    def workers(self) -> list[int]:
        pid = self.process.pid
        try:
            return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        except OSError:
            children = []
            for stat in Path("/proc").glob("[0-9]*/stat"):
                try:
                    if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                        children.append(int(stat.parent.name))
                except (OSError, IndexError, ValueError):
                    pass
            return children

    def worker_memory_mb(self) -> list[tuple[float, float]]:
        """(RSS now, RSS high-water mark) in MiB for every worker."""
        sizes = []
        for pid in self.workers():
            try:
                status = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines())
                sizes.append((int(status["VmRSS"].split()[0]) / 1024, int(status["VmHWM"].split()[0]) / 1024))
            except (OSError, KeyError, ValueError):
                pass
        return sizes

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


# ---------------------------------------------------------------- one run


def base_env(url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "BIND", "PORT")}
    env.update(DATABASE_URL=url, SECRET_KEY="bench-" + secrets.token_hex(16), FRAMECHECK_ENV="production",
               PYTHONUNBUFFERED="1")
    return env


def run_one(args, db: str, students: int, workdir: Path) -> dict:
    if db == "sqlite":
        path = workdir / f"bench-{students}.sqlite"
        path.unlink(missing_ok=True)
        url = f"sqlite:///{path}"
    else:
        url = args.pg_url
        fresh_postgres(url)
    env = base_env(url)
    if args.workers:
        env["WEB_CONCURRENCY"] = str(args.workers)
    run_cli(args.app_dir, "app", env)
    run_cli(args.app_dir, "bench.floor_app", env)
    if args.prefill:
        prefill(args.app_dir, url, args.prefill)
    acked = Acked()

    server = Gunicorn(args.app_dir, args.app_module, env, workdir / f"framecheck-{db}-{students}.log")
    try:
        server.wait_ready("/api/v1/quizzes")
        with urllib_json(server.base + "/api/v1/quizzes") as quizzes:
            quiz_id = quizzes["quizzes"][0]["id"]
        ours = asyncio.run(load_framecheck(server.base, quiz_id, students, args.duration_cap, acked, args.think))
        our_memory = server.worker_memory_mb()
    finally:
        server.stop()

    floor_server = Gunicorn(args.app_dir, "bench.floor_app:app", env, workdir / f"floor-{db}-{students}.log")
    try:
        floor_server.wait_ready("/")
        floor = asyncio.run(load_floor(floor_server.base, students, args.duration_cap, acked, args.think))
        floor_memory = floor_server.worker_memory_mb()
    finally:
        floor_server.stop()

    lost, floor_lost = lost_answers(url, acked)
    return {"db": db, "students": students, "phases": ours, "floor": floor[0], "lost": lost, "load": os.getloadavg()[0],
            "acked": len(acked.answers), "floor_lost": floor_lost, "memory": our_memory,
            "floor_memory": floor_memory, "workers": len(our_memory)}


class urllib_json:
    def __init__(self, url):
        import urllib.request

        self.response = urllib.request.urlopen(url, timeout=10)

    def __enter__(self):
        return json.loads(self.response.read())

    def __exit__(self, *exc):
        self.response.close()


# ---------------------------------------------------------------- report


def fmt_row(db, students, app, phase: Phase) -> str:
    capped = " CAPPED" if phase.capped else ""
    return (f"{db:<8} {students:>4}  {app:<10} {phase.name:<7} {phase.ok:>6} {phase.errors:>5} "
            f"{phase.rate:>8.0f} {phase.percentile(.50):>7.1f} {phase.percentile(.95):>7.1f} "
            f"{phase.percentile(.99):>7.1f}{capped}")


HEADER = (f"{'db':<8} {'N':>4}  {'app':<10} {'phase':<7} {'ok':>6} {'err':>5} {'req/s':>8} "
          f"{'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}")


def report(result: dict) -> list[str]:
    db, n = result["db"], result["students"]
    lines = [fmt_row(db, n, "framecheck", phase) for phase in result["phases"]]
    lines.append(fmt_row(db, n, "floor", result["floor"]))
    return lines


def summary(result: dict) -> str:
    save = next(p for p in result["phases"] if p.name == "save")
    floor = result["floor"]
    ratio = save.rate / floor.rate if floor.rate else float("nan")

    def mem(sizes):
        if not sizes:
            return "n/a"
        return (f"RSS {sum(s[0] for s in sizes) / len(sizes):.0f} MiB avg (peak {max(s[1] for s in sizes):.0f})"
                f" x {len(sizes)} workers")

    samples = [s for p in [*result["phases"], floor] for s in p.error_samples]
    text = (f"  {result['db']} N={result['students']}: save/floor throughput {ratio:.0%}; "
            f"lost answers {result['lost']} of {result['acked']} acknowledged; floor rows lost {result['floor_lost']}; "
            f"load average after the run {result['load']:.1f} on {os.cpu_count()} cores\n"
            f"    framecheck workers: {mem(result['memory'])}; floor workers: {mem(result['floor_memory'])}")
    if samples:
        text += "\n    first errors: " + " | ".join(samples)
    return text


# ---------------------------------------------------------------- the lesson spike

CSRF_FIELD = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
SPIKE_PASSWORD = "spike password {i:04d}"


def spike_setup(app_dir: Path, url: str, students: int) -> tuple[int, int]:
    """A teacher, a class of ``students`` (username spike0000..., known passwords) and an open
    assignment of the bundled quiz, made through the services. Returns (assignment id, quiz id)."""
    sys.path.insert(0, str(app_dir))
    from datetime import timedelta

    from models import db, utcnow
    from services import accounts, assignments, catalog, classes

    app = create_bench_app(url)
    with app.app_context():
        quiz_id = catalog.practice_quizzes()[0]["id"]
        teacher = accounts.create_teacher("spike.teacher@example.org", "Spike Teacher", "spike teacher password")
        classroom = classes.create_class(teacher, f"Spike class of {students}")
        for i in range(students):
            student = accounts.create_student(f"spike{i:04d}", f"Student {i}", SPIKE_PASSWORD.format(i=i))
            classes.enroll(student, classroom)
        now = utcnow()
        assignment = assignments.create_assignment(classroom, quiz_id, now - timedelta(minutes=5), now + timedelta(hours=2))
        assignment_id = assignment.id
        db.engine.dispose()
    return assignment_id, quiz_id


def spike_set_close(app_dir: Path, url: str, assignment_id: int, closes_at) -> None:
    from models import Assignment, db
    from services import assignments

    app = create_bench_app(url)
    with app.app_context():
        assignments.update_assignment(db.session.get(Assignment, assignment_id), closes_at=closes_at)
        db.engine.dispose()


def graded_attempts(url: str, assignment_id: int) -> tuple[int, int]:
    """(attempts submitted, responses not graded) for the assignment."""
    import sqlalchemy as sa

    engine = sa.create_engine(sqlalchemy_url(url))
    with engine.connect() as connection:
        submitted = connection.execute(sa.text(
            "SELECT count(*) FROM attempts WHERE assignment_id = :a AND state = 'submitted'"), {"a": assignment_id}).scalar()
        ungraded = connection.execute(sa.text(
            "SELECT count(*) FROM responses r JOIN attempts a ON a.id = r.attempt_id "
            "WHERE a.assignment_id = :a AND r.graded_at IS NULL"), {"a": assignment_id}).scalar()
    engine.dispose()
    return submitted, ungraded


async def spike_lesson(base: str, args, url: str, assignment_id: int, quiz_id: int, students: int, acked: Acked) -> dict:
    login, start, save, submit = Phase("login"), Phase("start"), Phase("save"), Phase("submit")
    cap = args.duration_cap
    sessions = [aiohttp.ClientSession(base, cookie_jar=aiohttp.CookieJar(unsafe=True),  # unsafe: an IP host
                                      connector=aiohttp.TCPConnector(limit=0, force_close=True),
                                      timeout=aiohttp.ClientTimeout(total=REQUEST_TIMEOUT))
                for _ in range(students)]
    csrf: dict[int, str] = {}
    in_at: list[float] = []
    try:
        # everyone has the login page open; at the bell, everyone signs in and starts
        pages = await asyncio.gather(*[s.get("/login") for s in sessions])
        tokens = []
        for page in pages:
            tokens.append(CSRF_FIELD.search(await page.text()).group(1))
            page.release()
        lesson_start = time.perf_counter()

        async def arrive(i):
            session = sessions[i]
            form = {"csrf_token": tokens[i], "identifier": f"spike{i:04d}", "password": SPIKE_PASSWORD.format(i=i)}
            if await timed_status(login, session, "POST", "/login", 302, data=form, allow_redirects=False) is None:
                return None
            async with session.get("/me") as home:  # the session was renewed at sign-in: a new CSRF token
                csrf[i] = CSRF_FIELD.search(await home.text()).group(1)
            location = await timed_status(start, session, "POST", f"/assignments/{assignment_id}/start", 302,
                                          data={"csrf_token": csrf[i]}, allow_redirects=False)
            if location is None:
                return None
            async with session.get(location) as question:  # on the first question
                if question.status != 200:
                    start.record(0, False, f"question page {question.status}")
                    return None
            in_at.append(time.perf_counter() - lesson_start)
            return int(re.search(r"/attempts/(\d+)/", location).group(1))

        attempt_ids = await run_phase(Phase("arrive"), [arrive(i) for i in range(students)], cap)
        arrival = time.perf_counter() - lesson_start
        login.elapsed = start.elapsed = arrival  # both run in the one arrival rush
        present = [(i, a) for i, a in enumerate(attempt_ids) if a]

        async with sessions[0].get(f"/api/v1/quizzes/{quiz_id}") as reply:
            answers = valid_answers(await reply.json())

        async def saves_of(i, attempt_id):
            headers = {"X-CSRFToken": csrf[i]}
            for k in range(SAVES_PER_STUDENT):
                question_id, answer = answers[(i + k) % len(answers)]
                reply = await timed(save, sessions[i], "PUT", f"/api/v1/attempts/{attempt_id}/answers/{question_id}", 200,
                                    json={"answer": answer, "seq": k + 1}, headers=headers)
                if reply:
                    acked.answers[(attempt_id, question_id)] = reply["answer"]

        await run_phase(save, [saves_of(i, a) for i, a in present], cap)

        # the end of the lesson: the close is 10 s away and everyone submits before it
        from models import utcnow
        from datetime import timedelta

        rush = 10.0
        closes_at = utcnow() + timedelta(seconds=rush + 0.5)
        spike_set_close(args.app_dir, url, assignment_id, closes_at)
        rush_start = time.perf_counter()
        close_at = rush_start + rush + 0.5
        rng = random.Random(students)
        done_at: list[float] = []

        async def submit_one(i, attempt_id):
            await asyncio.sleep(rng.uniform(0, rush))
            reply = await timed(submit, sessions[i], "POST", f"/api/v1/attempts/{attempt_id}/submit", 200,
                                headers={"X-CSRFToken": csrf[i]})
            if reply is not None:
                done_at.append(time.perf_counter())

        await run_phase(submit, [submit_one(i, a) for i, a in present], rush + cap)
    finally:
        await asyncio.gather(*[s.close() for s in sessions])
    last_graded = max(done_at) if done_at else float("nan")
    return {
        "phases": [login, start, save, submit],
        "present": len(present),
        "last_in": max(in_at) if in_at else float("nan"),
        "arrival": arrival,
        "logins_per_s": login.ok / arrival if arrival else 0.0,
        "last_graded_after_rush_start": last_graded - rush_start,
        "last_graded_vs_close": last_graded - close_at,
    }


async def timed_status(phase: Phase, session: aiohttp.ClientSession, method: str, url: str, expect: int, **kwargs):
    """Like ``timed`` for form posts: returns the redirect's Location (or "") when the status is expected."""
    started = time.perf_counter()
    try:
        async with session.request(method, url, **kwargs) as response:
            text = await response.text()
            elapsed = time.perf_counter() - started
            if response.status == expect:
                phase.record(elapsed, True)
                return response.headers.get("Location", "")
            phase.record(elapsed, False, f"{response.status} {text[:200]}")
    except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as error:
        phase.record(time.perf_counter() - started, False, f"{type(error).__name__}: {error}")
    return None


def hash_cost_ms() -> float:
    sys.path.insert(0, str(ROOT))
    from services.accounts import HASHER

    stored = HASHER.hash("a password of usual length")
    started = time.perf_counter()
    for _ in range(10):
        HASHER.verify(stored, "a password of usual length")
    return (time.perf_counter() - started) * 100


def run_spike(args, db: str, students: int, workdir: Path) -> dict:
    if db == "sqlite":
        path = workdir / f"spike-{students}.sqlite"
        path.unlink(missing_ok=True)
        url = f"sqlite:///{path}"
    else:
        url = args.pg_url
        fresh_postgres(url)
    env = base_env(url)
    env["FRAMECHECK_ENV"] = "development"  # plain-http loopback: production's Secure cookies would not come back
    if args.workers:
        env["WEB_CONCURRENCY"] = str(args.workers)
    run_cli(args.app_dir, "app", env)
    started = time.perf_counter()
    assignment_id, quiz_id = spike_setup(args.app_dir, url, students)
    print(f"  {students} students created through the services in {time.perf_counter() - started:.1f}s", flush=True)
    acked = Acked()
    server = Gunicorn(args.app_dir, args.app_module, env, workdir / f"spike-{db}-{students}.log")
    try:
        server.wait_ready("/healthz")
        outcome = asyncio.run(spike_lesson(server.base, args, url, assignment_id, quiz_id, students, acked))
        memory = server.worker_memory_mb()
    finally:
        server.stop()
    lost, _ = lost_answers(url, acked)
    submitted, ungraded = graded_attempts(url, assignment_id)
    return {"db": db, "students": students, **outcome, "lost": lost, "acked": len(acked.answers),
            "submitted": submitted, "ungraded": ungraded, "workers": len(memory), "load": os.getloadavg()[0]}


def spike_report(result: dict) -> str:
    errors = sum(p.errors for p in result["phases"])
    samples = [s for p in result["phases"] for s in p.error_samples]
    lines = [fmt_row(result["db"], result["students"], "framecheck", p) for p in result["phases"]]
    lines.append(
        f"  {result['db']} N={result['students']}: last student in {result['last_in']:.1f}s after the bell "
        f"({result['present']}/{result['students']} in; {result['logins_per_s']:.1f} logins/s); "
        f"last submit graded {result['last_graded_after_rush_start']:.1f}s after the submit rush began "
        f"({result['last_graded_vs_close']:+.1f}s against the close); errors {errors}; "
        f"lost answers {result['lost']} of {result['acked']}; submitted {result['submitted']}, "
        f"responses not graded {result['ungraded']}; {result['workers']} workers; "
        f"load average {result['load']:.1f} on {os.cpu_count()} cores"
    )
    if samples:
        lines.append("    first errors: " + " | ".join(samples))
    return "\n".join(lines)


def main_spike(args, dbs: list[str], counts: list[int]) -> int:
    print(f"argon2id (services.accounts.HASHER): {hash_cost_ms():.0f} ms per password check on one core", flush=True)
    workdir = Path(tempfile.mkdtemp(prefix="framecheck-spike-"))
    results = []
    try:
        for db in dbs:
            for students in counts:
                print(f"lesson spike on {db} with {students} students ...", flush=True)
                results.append(run_spike(args, db, students, workdir))
                print(spike_report(results[-1]), flush=True)
    finally:
        if not os.environ.get("BENCH_KEEP_LOGS"):
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            print(f"logs in {workdir}")
    print("\n" + HEADER)
    for result in results:
        print(spike_report(result))
    failed = any(r["lost"] or r["ungraded"] or r["submitted"] != r["students"] for r in results)
    return 1 if failed else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--students", default="50,200", help="comma-separated concurrent students (50,200)")
    parser.add_argument("--duration-cap", type=float, default=120, help="seconds each phase may run (120)")
    parser.add_argument("--prefill", type=int, default=0, help="submitted attempts inserted before loading")
    parser.add_argument("--pg-url", default=DEFAULT_PG, help=f"recreated for each run ({DEFAULT_PG})")
    parser.add_argument("--workers", type=int, default=0, help="WEB_CONCURRENCY (default: gunicorn.conf.py)")
    parser.add_argument("--app-dir", type=Path, default=ROOT, help="the checkout to serve (default: this one)")
    parser.add_argument("--app-module", default=None, help="WSGI app for Framecheck (default: gunicorn.conf.py's)")
    parser.add_argument("--think", type=float, default=0.0,
                        help="mean seconds a student thinks before each save (0: none, as the targets are defined)")
    parser.add_argument("--spike", default="", help="the lesson spike instead, for these class sizes (30,300)")
    args = parser.parse_args(argv)
    args.app_dir = args.app_dir.resolve()
    dbs = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    if args.spike:
        return main_spike(args, dbs, [int(n) for n in args.spike.split(",") if n.strip()])
    counts = [int(n) for n in args.students.split(",") if n.strip()]

    workdir = Path(tempfile.mkdtemp(prefix="framecheck-bench-"))
    results = []
    try:
        for db in dbs:
            for students in counts:
                print(f"running {db} with {students} students (prefill {args.prefill}) ...", flush=True)
                result = run_one(args, db, students, workdir)
                results.append(result)
                print("\n".join(report(result)), flush=True)
    finally:
        if not os.environ.get("BENCH_KEEP_LOGS"):
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            print(f"logs in {workdir}")

    workers = ", ".join(sorted({f"{result['db']} {result['workers']}" for result in results})) or "?"
    print(f"\nworkers per server: {workers}; "
          f"{SAVES_PER_STUDENT} saves per student; think time {args.think} s; prefill {args.prefill}; "
          f"cores {os.cpu_count()}")
    print(HEADER)
    for result in results:
        print("\n".join(report(result)))
    print()
    for result in results:
        print(summary(result))
    return 1 if any(r["lost"] or r["floor_lost"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
