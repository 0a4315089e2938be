"""Fault injection against the real servers on loopback: no acknowledged answer is lost, nothing hangs.

    .venv/bin/python bench/faults.py [--only kill,pg,disk] [--students 12] [--seconds 8] [--workers 3]

Scenarios (each bounded in time; loopback only):

(a) kill    gunicorn (gunicorn.conf.py) on PostgreSQL database ``framecheck_bench_faults`` (created and
            dropped here); students save answers in a loop (each save with a rising ``seq``); one
            worker gets SIGKILL in the middle. Checked: every save the server acknowledged (200)
            is stored afterwards (or superseded by a later save of the same student); the other
            workers keep serving (successful saves after the kill); the master replaces the worker.
(b) pg      the same load while PostgreSQL is restarted (``pg_ctlcluster ... main restart``).
            Measured: the slowest request (no hang: must stay under a few seconds), the statuses
            and bodies of failed requests (wanted: 503 with a JSON body), and whether the app
            recovers by itself when PostgreSQL is back (pool pre-ping). PostgreSQL is started
            again in a ``finally`` whatever happens.
(c) disk    gunicorn on SQLite (1) opened read-only (``mode=ro``: what a read-only file or
            directory gives; running as root ignores file modes) and (2) with a file size limit
            (RLIMIT_FSIZE, what a full disk gives: writes fail). A save through the API and through
            the question form must answer quickly with an error, not hang.

Printed: what was done, request counts, statuses, the slowest request, and lost answers (must be 0).
Exit status 1 when an answer was lost, a request hung, an outage gave anything but 503, or (a)
could not get a single save acknowledged.
"""

import argparse
import json
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
APP_DIR = ROOT  # the checkout the servers run from (--app-dir)

from bench.load import Gunicorn, base_env, free_port, fresh_postgres, run_cli, sqlalchemy_url, valid_answers  # noqa: E402

PG_URL = "postgresql://postgres@127.0.0.1:5432/framecheck_bench_faults?connect_timeout=3"
REQUEST_TIMEOUT = 30  # a request slower than this counts as hung
HANG_SECONDS = 5  # "fails fast": no request during an outage may take longer


# ---------------------------------------------------------------- load with acknowledgements


class Load:
    """Students saving answers in a loop, each save with a rising seq; records every outcome."""

    def __init__(self, base: str, students: int):
        self.base = base
        self.students = students
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.statuses = Counter()
        self.samples = {}  # status -> first body seen
        self.slowest = 0.0
        self.acked = {}  # (attempt, question) -> (seq, answer) of the newest acknowledged save
        self.ok_after = {}  # label -> successful saves after that moment
        self.marks = {}
        self.timeline = []  # (time, status) for recovery

    def mark(self, label: str) -> None:
        with self.lock:
            self.marks[label] = time.monotonic()
            self.ok_after[label] = 0

    def _record(self, started: float, status, body_text: str) -> None:
        elapsed = time.monotonic() - started
        with self.lock:
            self.slowest = max(self.slowest, elapsed)
            self.statuses[status] += 1
            self.timeline.append((time.monotonic(), status))
            if status != 200 and status not in self.samples:
                self.samples[status] = body_text[:200]
            if status == 200:
                for label, at in self.marks.items():
                    if started >= at:
                        self.ok_after[label] += 1

    def request(self, session, method, path, **kwargs):
        started = time.monotonic()
        try:
            response = session.request(method, self.base + path, timeout=REQUEST_TIMEOUT, **kwargs)
        except requests.RequestException as error:
            self._record(started, type(error).__name__, str(error))
            return None
        self._record(started, response.status_code, response.text)
        return response

    def student(self, i: int, quiz_id: int, answers) -> None:
        session = requests.Session()
        body = None
        while not self.stop.is_set() and body is None:
            response = self.request(session, "POST", f"/api/v1/quizzes/{quiz_id}/attempts", json={"name": f"Fault {i}"})
            if response is not None and response.status_code == 201:
                body = response.json()
            else:
                time.sleep(0.2)
        if body is None:
            return
        headers = {"Authorization": f"Bearer {body['token']}"}
        seq = int(time.time() * 1_000_000)
        k = 0
        while not self.stop.is_set():
            question_id, answer = answers[(i + k) % len(answers)]
            k += 1
            seq += 1
            path = f"/api/v1/attempts/{body['attempt_id']}/answers/{question_id}"
            response = self.request(session, "PUT", path, json={"answer": answer, "seq": seq}, headers=headers)
            if response is not None and response.status_code == 200:
                stored = response.json()
                with self.lock:
                    self.acked[(body["attempt_id"], question_id)] = (stored["seq"], stored["answer"])
            elif response is None or response.status_code >= 500:
                time.sleep(0.1)  # a client backs off a little

    def run(self, quiz_id: int, answers, seconds: float, fault) -> None:
        """Run the load for ``seconds``, calling ``fault(self)`` in the middle (in this thread)."""
        with ThreadPoolExecutor(self.students) as pool:
            futures = [pool.submit(self.student, i, quiz_id, answers) for i in range(self.students)]
            time.sleep(seconds / 3)
            try:
                fault(self)
            finally:
                time.sleep(seconds * 2 / 3)
                self.stop.set()
                for future in futures:
                    future.result(timeout=REQUEST_TIMEOUT + 5)

    def summary(self) -> str:
        total = sum(self.statuses.values())
        parts = ", ".join(f"{k}: {v}" for k, v in sorted(self.statuses.items(), key=lambda kv: str(kv[0])))
        return f"{total} requests ({parts}); slowest {self.slowest:.2f}s; {len(self.acked)} answers acknowledged"


def lost_answers(url: str, acked: dict) -> int:
    """Acknowledged saves not stored: the stored seq is older than the acknowledged one, or the
    answer differs at the same seq (a later save of the same student may supersede it)."""
    import sqlalchemy as sa

    engine = sa.create_engine(sqlalchemy_url(url.split("?")[0]) if url.startswith("postgresql") else url)
    stored = {}
    with engine.connect() as connection:
        for attempt_id, question_id, answer, seq in connection.execute(
            sa.text("SELECT attempt_id, question_id, answer, seq FROM responses")
        ):
            stored[(attempt_id, question_id)] = (seq, json.loads(answer) if isinstance(answer, str) else answer)
    engine.dispose()
    lost = 0
    for key, (seq, answer) in acked.items():
        have = stored.get(key)
        if have is None or have[0] < seq or (have[0] == seq and have[1] != answer):
            lost += 1
    return lost


def quiz_and_answers(base: str):
    quizzes = requests.get(base + "/api/v1/quizzes", timeout=10).json()["quizzes"]
    quiz = requests.get(f"{base}/api/v1/quizzes/{quizzes[0]['id']}", timeout=10).json()
    return quiz["id"], valid_answers(quiz)


def json_error(text: str) -> bool:
    try:
        return "error" in json.loads(text)
    except ValueError:
        return False


# ---------------------------------------------------------------- PostgreSQL


def pg_version() -> str:
    return sorted(os.listdir("/etc/postgresql"))[0]


def pg_online() -> bool:
    out = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True).stdout
    return any(line.split()[:2] == [pg_version(), "main"] and "online" in line for line in out.splitlines())


def pg_ctl(action: str) -> None:
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", pg_version(), "main", action],
                   check=True, timeout=120, capture_output=True)


def ensure_pg_started() -> None:
    if not pg_online():
        print("  PostgreSQL is down: starting it again", flush=True)
        pg_ctl("start")


def drop_faults_db() -> None:
    import psycopg

    name = PG_URL.rsplit("/", 1)[1].split("?")[0]
    assert "bench" in name and name not in ("test", "postgres")
    try:
        with psycopg.connect(PG_URL.rsplit("/", 1)[0] + "/postgres?connect_timeout=5", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    except Exception as error:  # report, do not hide the scenario's own outcome
        print(f"  could not drop {name}: {error}")


def pg_server(args, workdir: Path, name: str) -> Gunicorn:
    fresh_postgres(PG_URL.split("?")[0])
    env = base_env(PG_URL)
    env["WEB_CONCURRENCY"] = str(args.workers)
    run_cli(APP_DIR, "app", env)
    server = Gunicorn(APP_DIR, None, env, workdir / f"{name}.log")
    server.wait_ready("/api/v1/quizzes")
    return server


def scenario_kill(args, workdir: Path) -> dict:
    print("(a) SIGKILL of one gunicorn worker under load (PostgreSQL)", flush=True)
    server = pg_server(args, workdir, "kill")
    try:
        quiz_id, answers = quiz_and_answers(server.base)
        load = Load(server.base, args.students)
        before = server.workers()
        killed = {}

        def fault(load):
            victim = server.workers()[0]
            load.mark("kill")
            os.kill(victim, signal.SIGKILL)
            killed["pid"] = victim
            print(f"  killed worker {victim} (of {len(before)})", flush=True)

        load.run(quiz_id, answers, args.seconds, fault)
        after = server.workers()
    finally:
        server.stop()
    lost = lost_answers(PG_URL, load.acked)
    replaced = killed.get("pid") not in after and len(after) == len(before)
    print(f"  {load.summary()}")
    print(f"  saves served after the kill: {load.ok_after['kill']}; workers {len(before)} -> {len(after)} "
          f"(replaced: {replaced}); lost answers: {lost}")
    for status, sample in load.samples.items():
        print(f"  first {status}: {sample[:120]}")
    if not load.acked:
        print("  no save was acknowledged: the check of lost answers proves nothing (see the first 500 above)")
    ok = lost == 0 and bool(load.acked) and load.ok_after["kill"] > 0 and load.slowest < REQUEST_TIMEOUT
    return {"name": "kill", "ok": ok, "lost": lost, "requests": sum(load.statuses.values())}


def scenario_pg(args, workdir: Path) -> dict:
    print("(b) PostgreSQL restarted under load", flush=True)
    server = pg_server(args, workdir, "pg")
    try:
        quiz_id, answers = quiz_and_answers(server.base)
        load = Load(server.base, args.students)
        restart = {}

        def fault(load):
            load.mark("restart")
            started = time.monotonic()
            try:
                pg_ctl("restart")
            finally:
                ensure_pg_started()
            restart["seconds"] = time.monotonic() - started
            restart["back_at"] = time.monotonic()
            load.mark("back")
            print(f"  restarted PostgreSQL in {restart['seconds']:.1f}s", flush=True)

        load.run(quiz_id, answers, args.seconds, fault)
        back = restart.get("back_at", time.monotonic())
        first_ok = next((t for t, status in load.timeline if t >= back and status == 200), None)
        # after the load: is the app serving again on its own?
        recovered = requests.get(server.base + "/api/v1/quizzes", timeout=10).status_code == 200
        ready = requests.get(server.base + "/readyz", timeout=10).status_code
    finally:
        server.stop()
    lost = lost_answers(PG_URL, load.acked)
    failures = {k: v for k, v in load.statuses.items() if not (isinstance(k, int) and k < 300)}
    json_503 = 503 in load.samples and json_error(load.samples[503])
    print(f"  {load.summary()}")
    for status, sample in load.samples.items():
        print(f"  first {status}: {sample[:160]!r}")
    print(f"  failures during the outage: {failures or 'none'}; 503 with a JSON body: {json_503}")
    print(f"  first successful save {first_ok - back:.2f}s after PostgreSQL was back" if first_ok
          else "  no successful save after PostgreSQL was back during the load")
    print(f"  recovered by itself: {recovered} (/readyz {ready}); slowest request {load.slowest:.2f}s "
          f"(fails fast: {load.slowest < HANG_SECONDS}); lost answers: {lost}")
    only_503 = set(failures) <= {503}
    ok = lost == 0 and recovered and load.slowest < HANG_SECONDS and json_503 and only_503
    return {"name": "pg", "ok": ok, "lost": lost, "requests": sum(load.statuses.values()), "json_503": json_503}


# ---------------------------------------------------------------- disk


def _limit_file_size(limit: int):
    def apply():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))  # Python ignores SIGXFSZ: writes fail EFBIG

    return apply


def disk_case(workdir: Path, label: str, url_for_server, preexec=None) -> dict:
    path = workdir / f"disk-{label}.sqlite"
    path.unlink(missing_ok=True)
    env = base_env(f"sqlite:///{path}")
    env.update(WEB_CONCURRENCY="2", FRAMECHECK_ENV="development")  # session cookies over plain http
    run_cli(APP_DIR, "app", env)
    # a guest attempt, started while the disk is fine, keeps its page for a form post later
    setup = Gunicorn(APP_DIR, None, env, workdir / f"disk-{label}-setup.log")
    try:
        setup.wait_ready("/api/v1/quizzes")
        quiz_id, answers = quiz_and_answers(setup.base)
        browser = requests.Session()
        intro = browser.get(f"{setup.base}/quizzes/{quiz_id}", timeout=10).text
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', intro).group(1)
        started = browser.post(f"{setup.base}/quizzes/{quiz_id}", data={"name": "Disk", "csrf_token": token}, timeout=10)
        question_path = started.url.split(setup.base, 1)[1]
        page = started.text
        api_token = re.search(r'data-token="([^"]+)"', page).group(1)
        attempt_id = int(re.search(r"/attempts/(\d+)/", question_path).group(1))
        choice = re.search(r'name="answer"[^>]*value="([^"]+)"', page).group(1)
    finally:
        setup.stop()

    env = dict(env, DATABASE_URL=url_for_server(path))
    server = Gunicorn(APP_DIR, None, env, workdir / f"disk-{label}.log") if preexec is None else None
    if preexec is not None:  # the server's processes may not grow any file beyond the limit
        server = Gunicorn.__new__(Gunicorn)
        server.port = free_port()
        server.base = f"http://127.0.0.1:{server.port}"
        server.log = open(os.devnull, "w")  # a log file would hit the limit too
        server.log_path = workdir / f"disk-{label}.log"
        server.log_path.write_text("(log discarded: file size limit)\n")
        server.process = subprocess.Popen([str(Path(sys.executable).parent / "gunicorn"), "-c", str(APP_DIR / "gunicorn.conf.py")],
                                  cwd=APP_DIR, env={**env, "BIND": f"127.0.0.1:{server.port}"}, stdout=server.log,
                                  stderr=subprocess.STDOUT, preexec_fn=preexec)
    results = {}
    try:
        server.wait_ready("/api/v1/quizzes")
        question_id, answer = next((q, a) for q, a in answers if "choice" in a)
        t0 = time.monotonic()
        api = requests.put(f"{server.base}/api/v1/attempts/{attempt_id}/answers/{question_id}",
                           json={"answer": answer}, headers={"Authorization": f"Bearer {api_token}"}, timeout=REQUEST_TIMEOUT)
        results["api"] = (api.status_code, time.monotonic() - t0, api.headers.get("Content-Type", ""), api.text[:160])
        t0 = time.monotonic()
        form = browser.post(server.base + question_path, data={"answer": choice, "go": "next", "csrf_token": token},
                            timeout=REQUEST_TIMEOUT, allow_redirects=False)
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", form.text, re.S)
        results["form"] = (form.status_code, time.monotonic() - t0, form.headers.get("Content-Type", ""),
                           (heading.group(1).strip() if heading else form.text[:120]))
        results["read"] = requests.get(f"{server.base}/api/v1/quizzes/{quiz_id}", timeout=10).status_code
    except requests.RequestException as error:
        results["error"] = f"{type(error).__name__}: {error}"
    finally:
        server.stop()
    return results


def scenario_disk(args, workdir: Path) -> dict:
    print("(c) read-only and full disk (SQLite)", flush=True)
    cases = {
        "read-only": disk_case(workdir, "ro", lambda p: f"sqlite:///file:{p}?mode=ro&uri=true"),
        "full": disk_case(workdir, "full", lambda p: f"sqlite:///{p}", preexec=_limit_file_size(4096)),
    }
    ok = True
    for label, result in cases.items():
        if "error" in result:
            print(f"  {label}: request failed: {result['error']}")
            ok = False
            continue
        for kind in ("api", "form"):
            status, seconds, content_type, text = result[kind]
            print(f"  {label} {kind} save: {status} in {seconds:.2f}s ({content_type.split(';')[0]}): {text!r}")
            ok = ok and status == 503 and seconds < HANG_SECONDS  # a clear "try again", not a 500 or a hang
        print(f"  {label}: reading a quiz still works: {result['read']}")
    return {"name": "disk", "ok": ok, "lost": 0, "requests": 3 * len(cases)}


# ---------------------------------------------------------------- main


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="kill,pg,disk")
    parser.add_argument("--students", type=int, default=12)
    parser.add_argument("--seconds", type=float, default=9.0)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--app-dir", type=Path, default=ROOT, help="run the servers from this checkout (default: this one)")
    parser.add_argument("--keep-logs", metavar="DIR", help="write the server logs here (else a temporary directory)")
    args = parser.parse_args(argv)
    global APP_DIR
    APP_DIR = args.app_dir.resolve()
    print(f"servers run from {APP_DIR}", flush=True)
    wanted = args.only.split(",")
    results = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="framecheck-faults-") as tmp:
        workdir = Path(args.keep_logs or tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        try:
            if "kill" in wanted:
                results.append(scenario_kill(args, workdir))
            if "pg" in wanted:
                results.append(scenario_pg(args, workdir))
        finally:
            ensure_pg_started()
            if "kill" in wanted or "pg" in wanted:
                drop_faults_db()
        if "disk" in wanted:
            results.append(scenario_disk(args, workdir))
    print()
    print(f"summary ({time.monotonic() - started:.0f}s):")
    for result in results:
        extra = f", 503 JSON on outage: {result['json_503']}" if "json_503" in result else ""
        print(f"  {result['name']:<5} {'ok' if result['ok'] else 'FAILED'}: {result['requests']} requests, "
              f"lost answers {result['lost']}{extra}")
    return 0 if all(r["ok"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
