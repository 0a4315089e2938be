"""Exactly-once grading and save/submit races, enforced by the database (SQLite and PostgreSQL).

Every thread uses its own ``app.test_client()``: each request pushes its own app context, so
each thread has its own SQLAlchemy session and connection, as separate server workers would.
The threads start together at a barrier. Some tests also force one interleaving by pausing a
thread inside ``services.attempts`` (a hook around ``_claim``), so that the race they check is
hit on every run rather than by luck.

Invariants checked on the stored rows after each race:
  * one Response per question, never two;
  * the attempt is graded once: ``score`` is the sum of the stored points, ``submitted_at`` is set
    and equals every response's ``graded_at``;
  * every stored answer is graded as stored (points == grade(answer)): no answer changed after
    grading, and no answer stored after submit;
  (the clocks' timestamps are not compared: ``saved_at`` and ``submitted_at`` are taken before the
  row lock, so their order need not be the commit order.)
  * a save answered 200 is stored (nothing acknowledged is lost); a save answered 409 is not.
"""

import threading

import pytest
import sqlalchemy as sa

from models import Attempt, Question, Response, db
from quizzes.question_sets import bundled_article_text, bundled_document, parse_question_set
from quizzes.questions import grade
from services import attempts as attempts_service

THREADS = 8
KEYED = parse_question_set(bundled_document(), bundled_article_text())["questions"]


def start(client, quiz_id, name="Ana"):
    response = client.post(f"/api/v1/quizzes/{quiz_id}/attempts", json={"name": name})
    assert response.status_code == 201, response.get_data(as_text=True)
    body = response.json
    return body["attempt_id"], {"Authorization": f"Bearer {body['token']}"}


def question_ids(client, quiz_id) -> list[int]:
    return [q["id"] for q in client.get(f"/api/v1/quizzes/{quiz_id}").json["questions"]]


def perfect(keyed: dict) -> dict:
    key = keyed["key"]
    return {"spans": key["spans"]} if "spans" in key else dict(key)


def wrong(keyed: dict) -> dict:
    """A valid answer that is not the key (for choice types) or only partly right (span types)."""
    key = keyed["key"]
    if "choice" in key:
        others = [o["id"] for o in keyed["options"]] if keyed["options"] else [
            "sourced_argument", "attributed_claim", "reported_fact", "editorial_framing", "headline_teaser", "boilerplate"
        ]
        return {"choice": next(o for o in others if o != key["choice"])}
    if "choices" in key:
        return {"choices": key["choices"][:1]}
    return {"spans": key["spans"][:1]}


def race(app, jobs):
    """Run each ``job(client)`` in its own thread, all released together; return their results.

    A job that raises fails the test (with its exception), never hangs it.
    """
    barrier = threading.Barrier(len(jobs))
    results: list = [None] * len(jobs)
    errors: list = []

    def run(i, job):
        try:
            with app.test_client() as client:
                barrier.wait(timeout=30)
                results[i] = job(client)
        except BaseException as error:  # noqa: BLE001  (reported below, in the test's thread)
            errors.append(error)

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a thread is stuck (a lock was never released)"
    if errors:
        raise errors[0]
    return results


def status_and_body(response):
    return response.status_code, response.get_json(silent=True)


def stored(app, attempt_id):
    """The attempt and its responses as plain data, read in a fresh session."""
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        rows = db.session.scalars(sa.select(Response).where(Response.attempt_id == attempt_id)).all()
        questions = {q.id: q.as_data() for q in db.session.scalars(sa.select(Question).where(Question.quiz_id == attempt.quiz_id))}
        return (
            {
                "state": attempt.state,
                "score": attempt.score,
                "max_score": attempt.max_score,
                "submitted_at": attempt.submitted_at,
            },
            [
                {
                    "question_id": r.question_id,
                    "answer": r.answer,
                    "points": r.points,
                    "saved_at": r.saved_at,
                    "graded_at": r.graded_at,
                }
                for r in rows
            ],
            questions,
        )


def check_graded_once(app, attempt_id) -> dict:
    """The invariants of a submitted attempt; returns {question_id: stored answer}."""
    attempt, rows, questions = stored(app, attempt_id)
    assert attempt["state"] == "submitted"
    assert attempt["submitted_at"] is not None
    assert sorted(r["question_id"] for r in rows) == sorted(questions), "one response per question, no more, no fewer"
    assert attempt["score"] == round(sum(r["points"] for r in rows), 4)
    assert attempt["max_score"] == round(sum(q["points"] for q in questions.values()), 4)
    for row in rows:
        question = questions[row["question_id"]]
        assert row["graded_at"] == attempt["submitted_at"], "every response graded by the one submit"
        assert row["points"] == grade(question, row["answer"]).points, "the stored points grade the stored answer"
    return {r["question_id"]: r["answer"] for r in rows}


# --- submits ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("round_", range(3))
def test_concurrent_submits_grade_once_and_agree(app, quiz_id, round_):
    with app.test_client() as client:
        attempt_id, auth = start(client, quiz_id)
        ids = question_ids(client, quiz_id)
        for qid, keyed in list(zip(ids, KEYED))[: 10 + 5 * round_]:
            answer = perfect(keyed) if qid % 2 else wrong(keyed)
            assert client.put(f"/api/v1/attempts/{attempt_id}/answers/{qid}", json={"answer": answer}, headers=auth).status_code == 200

    url = f"/api/v1/attempts/{attempt_id}/submit"
    outcomes = race(app, [lambda c: status_and_body(c.post(url, headers=auth))] * THREADS)

    assert [status for status, _ in outcomes] == [200] * THREADS, outcomes
    bodies = [body for _, body in outcomes]
    assert all(body == bodies[0] for body in bodies), "every submit returns the one stored result"
    check_graded_once(app, attempt_id)
    attempt, _, _ = stored(app, attempt_id)
    assert bodies[0]["score"] == attempt["score"] and bodies[0]["max_score"] == attempt["max_score"]
    assert bodies[0]["score"] == round(sum(r["points"] for r in bodies[0]["results"]), 4)


def test_concurrent_submits_through_the_html_form_grade_once(app, quiz_id):
    """The form's submit takes the same path: eight browsers tabs pressing Submit at once."""
    from tests.conftest import csrf_token

    with app.test_client() as client:
        page = client.get(f"/quizzes/{quiz_id}").get_data(as_text=True)
        started = client.post(f"/quizzes/{quiz_id}", data={"name": "Ana", "csrf_token": csrf_token(page)})
        assert started.status_code == 302
        attempt_id = int(started.headers["Location"].split("/")[2])
        review = client.get(f"/attempts/{attempt_id}/review").get_data(as_text=True)
        token = csrf_token(review)
        with client.session_transaction() as session:
            cookie_session = dict(session)

    def press_submit(c):
        with c.session_transaction() as session:
            session.update(cookie_session)
        return c.post(f"/attempts/{attempt_id}/submit", data={"csrf_token": token}).status_code

    assert race(app, [press_submit] * THREADS) == [302] * THREADS
    check_graded_once(app, attempt_id)


# --- saves -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["classify", "multi_select", "mark_words", "find_in_article"])
def test_concurrent_saves_of_one_question_keep_one_row(app, quiz_id, kind):
    with app.test_client() as client:
        attempt_id, auth = start(client, quiz_id)
        ids = question_ids(client, quiz_id)
    index = next(i for i, q in enumerate(KEYED) if q["type"] == kind)
    qid, keyed = ids[index], KEYED[index]
    # different valid answers: the key, a partial one, and variations on it
    candidates = [perfect(keyed), wrong(keyed)]
    if kind == "classify":
        candidates = [{"choice": label} for label in ("sourced_argument", "attributed_claim", "reported_fact", "editorial_framing")]
    elif kind == "multi_select":
        candidates = [{"choices": [o["id"]]} for o in keyed["options"]] + [perfect(keyed)]
    else:
        candidates += [{"spans": [span]} for span in keyed["key"]["spans"]]
    answers = [candidates[i % len(candidates)] for i in range(THREADS)]
    url = f"/api/v1/attempts/{attempt_id}/answers/{qid}"

    outcomes = race(app, [lambda c, a=a: status_and_body(c.put(url, json={"answer": a}, headers=auth)) for a in answers])

    assert [status for status, _ in outcomes] == [200] * THREADS, outcomes
    acknowledged = [body["answer"] for _, body in outcomes]
    _, rows, _ = stored(app, attempt_id)
    assert [r["question_id"] for r in rows] == [qid], "one row for the question, whatever the interleaving"
    assert rows[0]["answer"] in acknowledged
    with app.test_client() as client:
        state = client.get(f"/api/v1/attempts/{attempt_id}", headers=auth).json
    assert [(a["question_id"], a["answer"]) for a in state["answers"]] == [(qid, rows[0]["answer"])]


def test_concurrent_saves_of_different_questions_are_all_kept(app, quiz_id):
    with app.test_client() as client:
        attempt_id, auth = start(client, quiz_id)
        ids = question_ids(client, quiz_id)
    pairs = list(zip(ids, KEYED))[:THREADS]
    jobs = [
        lambda c, qid=qid, keyed=keyed: c.put(
            f"/api/v1/attempts/{attempt_id}/answers/{qid}", json={"answer": perfect(keyed)}, headers=auth
        ).status_code
        for qid, keyed in pairs
    ]
    assert race(app, jobs) == [200] * THREADS
    with app.test_client() as client:
        answers = client.get(f"/api/v1/attempts/{attempt_id}", headers=auth).json["answers"]
        assert {a["question_id"] for a in answers} == {qid for qid, _ in pairs}
        result = client.post(f"/api/v1/attempts/{attempt_id}/submit", headers=auth).json
    assert result["score"] == sum(keyed["points"] for _, keyed in pairs)
    check_graded_once(app, attempt_id)


# --- saves racing a submit ----------------------------------------------------------------------------


@pytest.mark.parametrize("round_", range(3))
def test_saves_racing_a_submit_are_either_graded_or_refused(app, quiz_id, round_):
    """Seven saves and one submit at once: a save answered 200 is stored and graded; a save
    answered 409 left nothing behind; nothing else is possible."""
    with app.test_client() as client:
        attempt_id, auth = start(client, quiz_id)
        ids = question_ids(client, quiz_id)
        # half the raced questions already have an answer, which the racing save replaces
        for qid, keyed in list(zip(ids, KEYED))[: THREADS - 1 : 2]:
            assert client.put(f"/api/v1/attempts/{attempt_id}/answers/{qid}", json={"answer": wrong(keyed)}, headers=auth).status_code == 200
    before = {r["question_id"]: r["answer"] for r in stored(app, attempt_id)[1]}
    raced = list(zip(ids, KEYED))[: THREADS - 1]
    jobs = [
        lambda c, qid=qid, keyed=keyed: status_and_body(
            c.put(f"/api/v1/attempts/{attempt_id}/answers/{qid}", json={"answer": perfect(keyed)}, headers=auth)
        )
        for qid, keyed in raced
    ]
    submit_at = round_ * 3 % THREADS  # where the submit sits among the threads
    jobs.insert(submit_at, lambda c: status_and_body(c.post(f"/api/v1/attempts/{attempt_id}/submit", headers=auth)))

    outcomes = race(app, jobs)

    submit_status, submit_body = outcomes.pop(submit_at)
    assert submit_status == 200, submit_body
    final = check_graded_once(app, attempt_id)
    for (qid, keyed), (status, body) in zip(raced, outcomes):
        assert status in (200, 409), body
        if status == 200:
            assert final[qid] == body["answer"], "an acknowledged save is what was graded"
        else:
            assert body["error"]["field"] == "attempt_id"
            assert final[qid] == before.get(qid), "a refused save changed nothing"
    with app.test_client() as client:
        assert client.post(f"/api/v1/attempts/{attempt_id}/submit", headers=auth).json == submit_body


def _pause_claims(monkeypatch, *, submit_waits_for=None, save_waits_for=None, submit_reached=None, save_reached=None):
    """Pause the submit's or the save's claim of the attempt row until an event is set.

    The pause sits just before the submit's conditional UPDATE, or the save's ``INSERT ... SELECT``
    from the attempt row, after the request has read the attempt (and validated the answer). A
    pause ends after 10 s even if the event is never set: if the app holds a lock there, the other
    request cannot finish first, and the test then checks the other legal outcome instead of hanging.
    """

    def paused(step, reached, wait):
        def run(*args, **kwargs):
            if reached is not None:
                reached.set()
            if wait is not None:
                wait.wait(timeout=10)
            return step(*args, **kwargs)

        return run

    monkeypatch.setattr(attempts_service, "_claim", paused(attempts_service._claim, submit_reached, submit_waits_for))
    monkeypatch.setattr(attempts_service, "_store", paused(attempts_service._store, save_reached, save_waits_for))


@pytest.mark.parametrize("answered_before", [False, True], ids=["new answer", "replaced answer"])
def test_a_save_that_commits_while_submit_is_grading_is_graded_or_refused(app, quiz_id, monkeypatch, answered_before):
    """The submit has read the attempt; a save of another question then commits before the submit
    claims the attempt. The submit must grade what is stored (the save), or the save must be
    refused -- never a second Response row, never points that grade an older answer."""
    with app.test_client() as client:
        attempt_id, auth = start(client, quiz_id)
        ids = question_ids(client, quiz_id)
        qid, keyed = ids[0], KEYED[0]
        if answered_before:
            assert client.put(f"/api/v1/attempts/{attempt_id}/answers/{qid}", json={"answer": wrong(keyed)}, headers=auth).status_code == 200

    submit_paused, save_done = threading.Event(), threading.Event()
    _pause_claims(monkeypatch, submit_reached=submit_paused, submit_waits_for=save_done)

    def submit(c):
        return status_and_body(c.post(f"/api/v1/attempts/{attempt_id}/submit", headers=auth))

    def save(c):
        submit_paused.wait(timeout=10)
        try:
            return status_and_body(c.put(f"/api/v1/attempts/{attempt_id}/answers/{qid}", json={"answer": perfect(keyed)}, headers=auth))
        finally:
            save_done.set()

    (submit_status, submit_body), (save_status, save_body) = race(app, [submit, save])

    assert submit_status == 200, submit_body
    assert save_status in (200, 409), save_body
    final = check_graded_once(app, attempt_id)
    if save_status == 200:
        assert final[qid] == perfect(keyed)
        assert submit_body["results"][0]["points"] == keyed["points"], "the submit graded the saved answer"
    else:
        assert final[qid] == (wrong(keyed) if answered_before else None)


def test_a_save_that_claims_after_the_submit_is_refused_and_stores_nothing(app, quiz_id, monkeypatch):
    """The save has validated its answer; the submit then completes; the save must get 409."""
    with app.test_client() as client:
        attempt_id, auth = start(client, quiz_id)
        ids = question_ids(client, quiz_id)
        qid, keyed = ids[1], KEYED[1]

    save_paused, submit_done = threading.Event(), threading.Event()
    _pause_claims(monkeypatch, save_reached=save_paused, save_waits_for=submit_done)

    def save(c):
        return status_and_body(c.put(f"/api/v1/attempts/{attempt_id}/answers/{qid}", json={"answer": perfect(keyed)}, headers=auth))

    def submit(c):
        save_paused.wait(timeout=10)
        try:
            return status_and_body(c.post(f"/api/v1/attempts/{attempt_id}/submit", headers=auth))
        finally:
            submit_done.set()

    (save_status, save_body), (submit_status, submit_body) = race(app, [save, submit])

    assert submit_status == 200, submit_body
    assert save_status == 409 and save_body["error"]["field"] == "attempt_id", save_body
    final = check_graded_once(app, attempt_id)
    assert final[qid] is None, "the refused save left nothing behind"
    assert submit_body["results"][1]["points"] == 0
