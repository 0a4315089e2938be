"""Teachers' articles: who brought them, their corrected passages, labels and marked cues.

``Article`` (in ``models``) keeps the text; an article a teacher added has one ``ArticleSource``
row naming its owner and where it came from. Passages are character ranges of the article's text,
made by ``quizzes.segmentation.segment`` when the article is added and then corrected by the
teacher (merge, split). A label belongs to a passage, so it moves with it; a cue mark is a range
of the article's text with the teacher's note.
"""

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from . import Article, UTCDateTime, db, utcnow

LABEL_SOURCES = ("teacher", "analyzer")


class ArticleSource(db.Model):
    """The owner and provenance of an article a teacher added (the bundled article has none)."""

    __tablename__ = "article_sources"

    article_id: Mapped[int] = mapped_column(sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    owner_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    outlet: Mapped[str] = mapped_column(sa.String(200), default="")
    author: Mapped[str] = mapped_column(sa.String(200), default="")
    url: Mapped[str] = mapped_column(sa.String(2000), default="")
    published_on: Mapped[date | None] = mapped_column(sa.Date)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    article: Mapped[Article] = relationship()


class Passage(db.Model):
    """``article.text[start:end]``: one passage as the teacher has it (never starts or ends with space)."""

    __tablename__ = "passages"
    __table_args__ = (
        sa.UniqueConstraint("article_id", "start"),
        sa.CheckConstraint('"start" < "end"', name="passage_not_empty"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(sa.ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    start: Mapped[int]
    end: Mapped[int]

    label: Mapped["PassageLabel | None"] = relationship(
        back_populates="passage", cascade="all, delete-orphan", uselist=False
    )


class PassageLabel(db.Model):
    """A passage's label: the teacher's, or the analyzer's suggestion until the teacher accepts it.

    ``cues`` are the analyzer's cue spans (``{"start", "end", "reason"}``, article offsets)."""

    __tablename__ = "passage_labels"

    id: Mapped[int] = mapped_column(primary_key=True)
    passage_id: Mapped[int] = mapped_column(sa.ForeignKey("passages.id", ondelete="CASCADE"), unique=True)
    label: Mapped[str] = mapped_column(sa.String(30))
    source: Mapped[str] = mapped_column(sa.String(10), default="teacher")
    accepted: Mapped[bool] = mapped_column(default=True)
    confidence: Mapped[float | None]
    cues: Mapped[list] = mapped_column(sa.JSON, default=list)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    passage: Mapped[Passage] = relationship(back_populates="label")


class CueMark(db.Model):
    """A cue phrase the teacher marked (``article.text[start:end]``) with a short note."""

    __tablename__ = "cue_marks"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(sa.ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    start: Mapped[int]
    end: Mapped[int]
    note: Mapped[str] = mapped_column(sa.String(120), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
