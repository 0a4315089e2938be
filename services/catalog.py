"""Quizzes a student can take, and installing the bundled one."""

import sqlalchemy as sa

from models import Article, Assignment, Enrollment, Question, Quiz, User, db
from quizzes.question_sets import bundled_article_text, bundled_document, parse_question_set
from quizzes.questions import question_type
from quizzes.segmentation import segment

from .errors import NotFound
from .question_editor import can_see


def practice_quizzes() -> list[dict]:
    """Every quiz open for guest practice (published and marked open practice), with its question count."""
    count = sa.func.count(Question.id)
    rows = db.session.execute(
        sa.select(Quiz.id, Quiz.title, Quiz.description, count)
        .outerjoin(Question, Question.quiz_id == Quiz.id)
        .where(Quiz.published, Quiz.open_practice)
        .group_by(Quiz.id)
        .order_by(Quiz.id)
    )
    return [{"id": i, "title": t, "description": d, "question_count": n} for i, t, d, n in rows]


def get_practice_quiz(quiz_id: int) -> Quiz:
    quiz = db.session.get(Quiz, quiz_id)
    if quiz is None or not (quiz.published and quiz.open_practice):
        raise NotFound("no such quiz", "quiz_id")
    return quiz


def visible_quiz(quiz_id: int, user: User | None) -> Quiz:
    """A quiz this visitor may read: open practice for all, assigned ones for their students,
    their own, shared and bundled ones for teachers. NotFound otherwise."""
    quiz = db.session.get(Quiz, quiz_id)
    if quiz is not None and quiz.published and quiz.open_practice:
        return quiz
    if quiz is not None and user is not None:
        if user.role in ("teacher", "admin") and can_see(user, quiz):
            return quiz
        assigned = db.session.scalar(
            sa.select(sa.func.count())
            .select_from(Assignment)
            .join(Enrollment, Enrollment.classroom_id == Assignment.classroom_id)
            .where(Assignment.quiz_id == quiz.id, Enrollment.student_id == user.id)
        )
        if assigned:
            return quiz
    raise NotFound("no such quiz", "quiz_id")


def public_question(question: Question) -> dict:
    """A question as a student may see it before submitting: never the key or explanation."""
    data = {"id": question.id, "type": question.type, "prompt": question.prompt, "points": question.points}
    if question.start is not None:
        data["start"], data["end"] = question.start, question.end
    data.update(question_type(question.type).public(question.as_data()))
    return data


def public_quiz(quiz: Quiz) -> dict:
    article = quiz.article
    return {
        "id": quiz.id,
        "title": quiz.title,
        "description": quiz.description,
        "article": {
            "id": article.id,
            "title": article.title,
            "text": article.text,
            "passages": [{"start": p.start, "end": p.end, "paragraph": p.paragraph} for p in segment(article.text)],
        },
        "questions": [public_question(q) for q in quiz.questions],
    }


def install_bundled() -> tuple[Quiz, bool]:
    """Load the bundled article and its quiz unless already there; return it and whether it was created."""
    document = bundled_document()
    existing = db.session.scalar(sa.select(Quiz).where(Quiz.slug == document["slug"]))
    if existing:
        return existing, False
    text = bundled_article_text()
    parsed = parse_question_set(document, text)
    meta = document["article"]
    article = db.session.scalar(sa.select(Article).where(Article.slug == meta["slug"]))
    if article is None:
        article = Article(slug=meta["slug"], title=meta["title"], text=text)
    quiz = Quiz(
        slug=parsed["slug"],
        title=parsed["title"],
        description=parsed["description"],
        article=article,
        published=True,
        open_practice=True,
    )
    quiz.questions = [Question(position=i, **q) for i, q in enumerate(parsed["questions"], start=1)]
    db.session.add(quiz)
    db.session.commit()
    return quiz, True
