"""The SQLAlchemy models and the one ``db``. No request handling here."""

from datetime import datetime, timezone

import sqlalchemy as sa
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class UTCDateTime(sa.types.TypeDecorator):
    """A moment stored in UTC and always read back time-zone aware (SQLite keeps no zone)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is None:
            raise ValueError("datetimes must be time-zone aware")
        return value.astimezone(timezone.utc) if value is not None else None

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class User(db.Model):
    """A teacher (signs in with email), a student (with a username, often no email) or an admin."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    role: Mapped[str] = mapped_column(sa.String(10))
    email: Mapped[str | None] = mapped_column(sa.String(254), unique=True)
    username: Mapped[str | None] = mapped_column(sa.String(40), unique=True)
    display_name: Mapped[str] = mapped_column(sa.String(80))
    password_hash: Mapped[str] = mapped_column(sa.String(200))
    must_change_password: Mapped[bool] = mapped_column(default=False)
    session_version: Mapped[int] = mapped_column(default=1)
    timezone: Mapped[str] = mapped_column(sa.String(60), default="UTC")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    # Flask-Login's protocol, kept here so the model is the one place that knows the session format
    is_active = True
    is_anonymous = False
    is_authenticated = True

    def get_id(self) -> str:
        """The id in the session, with the session version: bumping it ends every session."""
        return f"{self.id}:{self.session_version}"


class Classroom(db.Model):
    __tablename__ = "classes"

    id: Mapped[int] = mapped_column(primary_key=True)
    teacher_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(sa.String(100))
    join_code: Mapped[str | None] = mapped_column(sa.String(12), unique=True)
    join_enabled: Mapped[bool] = mapped_column(default=True)
    archived: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    teacher: Mapped[User] = relationship()
    students: Mapped[list[User]] = relationship(secondary="enrollments", order_by="User.display_name", viewonly=True)


class Enrollment(db.Model):
    __tablename__ = "enrollments"

    classroom_id: Mapped[int] = mapped_column(sa.ForeignKey("classes.id", ondelete="CASCADE"), primary_key=True)
    student_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True)
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ApiToken(db.Model):
    """A personal API token: only its SHA-256 is stored; it is shown once when created."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(sa.String(80))
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()


class Article(db.Model):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str | None] = mapped_column(sa.String(80), unique=True)
    title: Mapped[str] = mapped_column(sa.String(300))
    text: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Quiz(db.Model):
    """A question set on one article.

    A set that students have attempted is never changed in place: editing it makes the next
    version (``previous_id`` points back), and past attempts keep the version they were taken on.
    ``shared`` lets every teacher of the instance preview and duplicate it."""

    __tablename__ = "quizzes"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str | None] = mapped_column(sa.String(80), unique=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    article_id: Mapped[int] = mapped_column(sa.ForeignKey("articles.id"))
    owner_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    published: Mapped[bool] = mapped_column(default=False)
    open_practice: Mapped[bool] = mapped_column(default=False)
    shared: Mapped[bool] = mapped_column(default=False)
    version: Mapped[int] = mapped_column(default=1)
    previous_id: Mapped[int | None] = mapped_column(sa.ForeignKey("quizzes.id"), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    article: Mapped[Article] = relationship()
    questions: Mapped[list["Question"]] = relationship(
        back_populates="quiz", order_by="Question.position", cascade="all, delete-orphan"
    )


class Question(db.Model):
    """One question of one version of a set; ``origin_id`` is the question it was copied from in
    the set's first version (None for an original), so versions can be matched when regrading."""

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
    origin_id: Mapped[int | None] = mapped_column(sa.ForeignKey("questions.id"))

    quiz: Mapped[Quiz] = relationship(back_populates="questions")

    @property
    def lineage(self) -> int:
        """The same number for a question in every version of its set."""
        return self.origin_id or self.id

    def as_data(self, passage_text: str | None = None) -> dict:
        """The question as plain data for ``quizzes.questions`` (key included). ``passage_text``
        spares loading the article when the caller already read ``article.text[start:end]``."""
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
            data["text"] = passage_text if passage_text is not None else self.quiz.article.text[self.start:self.end]
        return data


class Assignment(db.Model):
    """A quiz set for a class, with its window, attempt rules and when feedback is shown."""

    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    classroom_id: Mapped[int] = mapped_column(sa.ForeignKey("classes.id", ondelete="CASCADE"), index=True)
    quiz_id: Mapped[int] = mapped_column(sa.ForeignKey("quizzes.id"))
    opens_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    max_attempts: Mapped[int | None]
    grading_method: Mapped[str] = mapped_column(sa.String(10), default="highest")
    feedback: Mapped[str] = mapped_column(sa.String(15), default="after_submit")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    classroom: Mapped[Classroom] = relationship()
    quiz: Mapped["Quiz"] = relationship()


class Attempt(db.Model):
    __tablename__ = "attempts"
    __table_args__ = (sa.Index("ix_attempts_assignment_user", "assignment_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(sa.ForeignKey("quizzes.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    assignment_id: Mapped[int | None] = mapped_column(sa.ForeignKey("assignments.id", ondelete="CASCADE"))
    display_name: Mapped[str] = mapped_column(sa.String(80))
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    state: Mapped[str] = mapped_column(sa.String(20), default="in_progress")
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    auto_submitted: Mapped[bool] = mapped_column(default=False)
    score: Mapped[float | None]
    max_score: Mapped[float | None]

    quiz: Mapped[Quiz] = relationship()
    user: Mapped[User | None] = relationship()
    assignment: Mapped[Assignment | None] = relationship()
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
    saved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    seq: Mapped[int | None] = mapped_column(sa.BigInteger)
    checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    graded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    attempt: Mapped[Attempt] = relationship(back_populates="responses")
    question: Mapped[Question] = relationship()


from . import authoring  # noqa: E402,F401  (teachers' articles, passages and labels)
