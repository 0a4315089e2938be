"""``init-db --demo``: a demo teacher, a class of twelve students and their submitted attempts,
with the mistakes students really make (framing read as argument, teasers read as facts)."""

import random
from datetime import timedelta

import sqlalchemy as sa

from models import Quiz, User, db, utcnow
from quizzes.questions import grade
from quizzes.questions.choice import option_ids
from quizzes.roster import new_one_time_password

from . import accounts, assignments, attempts, classes

DEMO_EMAIL = "demo.teacher@example.org"
DEMO_STUDENTS = (
    "Amara Okafor", "Ben Carter", "Chloé Martin", "Dmitri Volkov", "Elif Yılmaz", "Finn O'Brien",
    "Grace Lee", "Hugo Silva", "Isla Novak", "Jonas Berg", "Keira Walsh", "Luca Rossi",
)
# The confusions the product exists to teach: what a student picks when they miss.
LIKELY_MISREADINGS = {
    "editorial_framing": "sourced_argument",
    "sourced_argument": "reported_fact",
    "headline_teaser": "reported_fact",
    "attributed_claim": "reported_fact",
    "reported_fact": "sourced_argument",
    "boilerplate": "headline_teaser",
}


def _answer(question: dict, skill: float, rng: random.Random) -> dict:
    """A plausible answer: right with probability ``skill``, otherwise a typical mistake."""
    key = grade(question, None).correct_answer
    if rng.random() < skill:
        return key
    if question["type"] == "classify":
        return {"choice": LIKELY_MISREADINGS[key["choice"]]}
    if question["type"] == "multiple_choice":
        return {"choice": rng.choice([o for o in option_ids(question) if o != key["choice"]])}
    if question["type"] == "multi_select":
        wrong = [o for o in option_ids(question) if o not in key["choices"]]
        return {"choices": key["choices"][:1] + wrong[:1]}
    spans = key["spans"]
    return {"spans": spans[: max(1, len(spans) // 2)]}


def install_demo(quiz: Quiz, seed: int = 7) -> str:
    """Create the demo once; return what a newcomer needs to sign in."""
    if db.session.scalar(sa.select(User).where(User.email == DEMO_EMAIL)):
        return f"Demo already there: sign in as {DEMO_EMAIL} (password printed when it was created)."
    rng = random.Random(seed)
    password = new_one_time_password()
    teacher = accounts.create_teacher(DEMO_EMAIL, "Demo Teacher", password)
    classroom = classes.create_class(teacher, "Demo class 9B")
    created = classes.add_roster(classroom, "\n".join(DEMO_STUDENTS))
    now = utcnow()
    assignment = assignments.create_assignment(
        classroom, quiz.id, now - timedelta(days=7), now + timedelta(days=7), max_attempts=2
    )
    questions = [q.as_data() for q in quiz.questions]
    for index, (student, _) in enumerate(created):
        student.must_change_password = False
        skill = 0.35 + 0.05 * index
        attempt = assignments.start_or_resume(student, assignment.id)
        attempt.started_at = now - timedelta(minutes=rng.randint(8, 25), seconds=rng.randint(0, 59))  # a realistic time taken
        db.session.commit()
        if index == len(created) - 1:
            continue  # one student is still working
        for question in questions:
            if rng.random() < 0.95:  # the odd question left blank
                attempts.save_answer(attempt, question["id"], _answer(question, skill, rng))
        attempts.submit(attempt)
    db.session.commit()
    return (
        f"Demo ready: sign in as {DEMO_EMAIL} with password {password} "
        f"(class 'Demo class 9B', join code {classroom.join_code}, {len(created)} students)."
    )
