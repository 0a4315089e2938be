"""The SQLAlchemy models and the one ``db``. No request handling here."""

from datetime import datetime, timezone

import sqlalchemy as sa
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Article(db.Model):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str | None] = mapped_column(sa.String(80), unique=True)
    title: Mapped[str] = mapped_column(sa.String(300))
    text: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)


class Quiz(db.Model):
    """A question set on one article."""

    __tablename__ = "quizzes"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str | None] = mapped_column(sa.String(80), unique=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    article_id: Mapped[int] = mapped_column(sa.ForeignKey("articles.id"))
    published: Mapped[bool] = mapped_column(default=False)
    open_practice: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    article: Mapped[Article] = relationship()
    questions: Mapped[list["Question"]] = relationship(
        back_populates="quiz", order_by="Question.position", cascade="all, delete-orphan"
    )


class Question(db.Model):
    __tablename__ = "questions"
    __table_args__ = (sa.UniqueConstraint("quiz_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(sa.ForeignKey("quizzes.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    type: Mapped[str] = mapped_column(sa.String(30))
    prompt: Mapped[str] = mapped_column(sa.Text)
    points: Mapped[float] = mapped_column(default=1.0)
    start: Mapped[int | None]
    end: Mapped[int | None]
    label: Mapped[str | None] = mapped_column(sa.String(30))
    hard_case: Mapped[str | None] = mapped_column(sa.String(40))
    options: Mapped[list | None] = mapped_column(sa.JSON)
    key: Mapped[dict] = mapped_column(sa.JSON)
    explanation: Mapped[str] = mapped_column(sa.Text, default="")
    cues: Mapped[list] = mapped_column(sa.JSON, default=list)

    quiz: Mapped[Quiz] = relationship(back_populates="questions")

    def as_data(self) -> dict:
        """The question as plain data for ``quizzes.questions`` (key included)."""
        data = {
            "id": self.id,
            "type": self.type,
            "prompt": self.prompt,
            "points": self.points,
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "options": self.options,
            "key": self.key,
            "explanation": self.explanation,
            "cues": self.cues,
        }
        if self.start is not None:
            data["text"] = self.quiz.article.text[self.start:self.end]
        return data


class Attempt(db.Model):
    __tablename__ = "attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(sa.ForeignKey("quizzes.id"), index=True)
    display_name: Mapped[str] = mapped_column(sa.String(80))
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    state: Mapped[str] = mapped_column(sa.String(20), default="in_progress")
    started_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    last_saved_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    submitted_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    score: Mapped[float | None]
    max_score: Mapped[float | None]

    quiz: Mapped[Quiz] = relationship()
    responses: Mapped[list["Response"]] = relationship(back_populates="attempt", cascade="all, delete-orphan")


class Response(db.Model):
    """A student's answer to one question of one attempt (one row per pair, enforced)."""

    __tablename__ = "responses"
    __table_args__ = (sa.UniqueConstraint("attempt_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(sa.ForeignKey("attempts.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("questions.id"))
    answer: Mapped[dict | None] = mapped_column(sa.JSON)
    points: Mapped[float | None]
    correct: Mapped[bool | None]
    feedback: Mapped[list | None] = mapped_column(sa.JSON)
    saved_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    graded_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))

    attempt: Mapped[Attempt] = relationship(back_populates="responses")
    question: Mapped[Question] = relationship()
