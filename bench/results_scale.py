"""Results pages at school scale: gradebook and item analysis render times and SQL query counts.

    .venv/bin/python bench/results_scale.py [--database-url URL] [--sizes 100,1000,10000]

For each size N (attempts), a class of N students takes a 30-question quiz (the bundled
questions duplicated) once, seeded with bulk inserts: every answer is the key or a typical
misreading (services.demo), graded once per question and answer. The pages are then fetched
with the test client as a signed-in teacher: one warm-up, then the median of five. Prints the
time and the number of SQL statements (``before_cursor_execute``) per page. Target: under
500 ms for 1,000 students x 30 questions; the query count must not grow with N.
"""

import argparse
import contextlib
import random
import secrets
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models import Assignment, Attempt, Enrollment, Question, Quiz, Response, User, db, utcnow  # noqa: E402
from quizzes.questions import grade  # noqa: E402
from services import accounts, assignments, classes  # noqa: E402
from services.catalog import install_bundled  # noqa: E402
from services.demo import _answer as plausible_answer  # noqa: E402

PASSWORD = "correct horse battery"
PAGES = ("gradebook", "analysis")
TARGET_MS = 500.0


@contextlib.contextmanager
def counted_queries(engine):
    """Count the SQL statements run on ``engine`` inside the block: ``with counted_queries(e) as n: ...; n[0]``."""
    count = [0]

    def tally(*_):
        count[0] += 1

    sa.event.listen(engine, "before_cursor_execute", tally)
    try:
        yield count
    finally:
        sa.event.remove(engine, "before_cursor_execute", tally)


def scaled_quiz(size: int) -> Quiz:
    """A published quiz of ``size`` questions: the bundled ones, repeated in order."""
    bundled, _ = install_bundled()
    quiz = Quiz(title=f"Who is speaking? x{size}", article_id=bundled.article_id, published=True)
    db.session.add(quiz)
    db.session.flush()
    source = bundled.questions
    for position in range(1, size + 1):
        q = source[(position - 1) % len(source)]
        db.session.add(Question(
            quiz_id=quiz.id, position=position, type=q.type, prompt=q.prompt, points=q.points, start=q.start,
            end=q.end, label=q.label, options=q.options, key=q.key, explanation=q.explanation, cues=q.cues,
        ))
    db.session.commit()
    return quiz


def _graded_choices(quiz: Quiz, rng: random.Random) -> list[tuple[Question, list[tuple]]]:
    """Per question, its right answer and a typical wrong one, each graded once."""
    choices = []
    for question in quiz.questions:
        data = question.as_data()
        pair = []
        for skill in (1.0, 0.0):
            answer = plausible_answer(data, skill, rng)
            outcome = grade(data, answer)
            pair.append((answer, outcome.points, outcome.correct))
        choices.append((question, pair))
    return choices


def seed_class(teacher: User, students: int, quiz: Quiz, seed: int = 1, closes_in: timedelta = timedelta(days=7)) -> Assignment:
    """A class of ``students`` who each submitted one attempt at ``quiz``, in bulk inserts."""
    rng = random.Random(seed)
    classroom = classes.create_class(teacher, f"Scale {students}")
    now = utcnow()
    assignment = assignments.create_assignment(classroom, quiz.id, now - timedelta(days=1), now + closes_in)
    tag = secrets.token_hex(4)
    user_ids = db.session.scalars(sa.insert(User).returning(User.id, sort_by_parameter_order=True), [
        {"role": "student", "username": f"s{tag}-{i}", "display_name": f"Student {i:05d}", "password_hash": "!"}
        for i in range(students)
    ]).all()
    db.session.execute(sa.insert(Enrollment), [{"classroom_id": classroom.id, "student_id": uid} for uid in user_ids])
    choices = _graded_choices(quiz, rng)
    max_score = sum(q.points for q, _ in choices)
    picks = []
    for _ in user_ids:
        skill = rng.uniform(0.3, 0.95)
        picks.append([pair[0 if rng.random() < skill else 1] for _, pair in choices])
    attempt_ids = db.session.scalars(sa.insert(Attempt).returning(Attempt.id, sort_by_parameter_order=True), [
        {"quiz_id": quiz.id, "user_id": uid, "assignment_id": assignment.id, "display_name": f"Student {i:05d}",
         "token_hash": secrets.token_hex(32), "state": "submitted", "started_at": now - timedelta(minutes=30 + i % 20),
         "submitted_at": now - timedelta(minutes=i % 20), "score": sum(p[1] for p in picked), "max_score": max_score}
        for i, (uid, picked) in enumerate(zip(user_ids, picks))
    ]).all()
    db.session.execute(sa.insert(Response), [
        {"attempt_id": aid, "question_id": question.id, "answer": answer, "points": points, "correct": correct,
         "saved_at": now, "graded_at": now}
        for aid, picked in zip(attempt_ids, picks) for (question, _), (answer, points, correct) in zip(choices, picked)
    ])
    db.session.commit()
    return assignment


def measure(client, url: str, engine, runs: int = 5) -> tuple[float, int]:
    """Median milliseconds of ``runs`` warm GETs of ``url``, and the queries of one."""
    assert client.get(url).status_code == 200, url
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        with counted_queries(engine) as queries:
            response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, url
    return statistics.median(times), queries[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="default: a temporary SQLite file")
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--questions", type=int, default=30)
    args = parser.parse_args()
    from app import create_app
    from tests.conftest import sign_in

    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{tmp}/bench.sqlite"
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", "RATELIMIT_ENABLED": False})
        with app.app_context():
            db.drop_all()
            db.create_all()
            teacher = accounts.create_teacher("bench@example.org", "Bench Teacher", PASSWORD)
            quiz = scaled_quiz(args.questions)
            sizes = [int(s) for s in args.sizes.split(",")]
            seeded = []
            for size in sizes:
                start = time.perf_counter()
                seeded.append((size, seed_class(teacher, size, quiz).id))
                print(f"seeded {size} attempts x {args.questions} questions in {time.perf_counter() - start:.1f} s")
            engine = db.engine
        client = app.test_client()
        sign_in(client, "bench@example.org", PASSWORD)
        print(f"database: {url.split(':')[0]}")
        print(f"{'attempts':>8} {'page':<10} {'median ms':>10} {'queries':>8}")
        for size, assignment_id in seeded:
            for page in PAGES:
                with app.app_context():
                    ms, queries = measure(client, f"/teach/assignments/{assignment_id}/{page}", engine)
                flag = "" if ms < TARGET_MS or size > 1000 else f"  over {TARGET_MS:.0f} ms"
                print(f"{size:>8} {page:<10} {ms:>10.1f} {queries:>8}{flag}")
        with app.app_context():
            db.drop_all()


if __name__ == "__main__":
    main()
