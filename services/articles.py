"""A teacher's article library: add an article (pasted or uploaded), correct its passages, label
them (by hand or from the analyzer's suggestions) and mark cue phrases. No request handling.

Every function that takes an ``article_id`` checks that the teacher owns the article: another
teacher's article is ``NotFound``, exactly like one that does not exist.
"""

from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from models import Article, Question, Quiz, User, db
from models.authoring import ArticleSource, CueMark, Passage, PassageLabel
from quizzes.analysis import analyze
from quizzes.article_import import MAX_CHARACTERS, ArticleImportError, ExtractedArticle, _checked, extract_text
from quizzes.labels import LABEL_IDS
from quizzes.segmentation import segment

from .errors import Conflict, Invalid, NotFound

MAX_TITLE = 300
MAX_META = 200
MAX_URL = 2000
MAX_NOTE = 120


@dataclass
class Change:
    """What a change to the passages did: the passages it touched and the questions now out of step."""

    passages: list[Passage] = field(default_factory=list)
    needs_review: list["ReviewItem"] = field(default_factory=list)
    dropped_label: str | None = None


@dataclass(frozen=True)
class ReviewItem:
    quiz_id: int
    quiz_title: str
    number: int
    prompt: str
    start: int
    end: int


# --- adding and listing --------------------------------------------------------------------


def _clean(value: str | None, limit: int, name: str, field_name: str) -> str:
    value = (value or "").strip()
    if len(value) > limit:
        raise Invalid(f"The {name} has {len(value):,} characters; the limit is {limit:,}.", field_name)
    return value


def _checked_url(url: str | None) -> str:
    url = _clean(url, MAX_URL, "URL", "url")
    if url:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise Invalid("The URL must start with http:// or https://.", "url")
    return url


def _titled(title: str) -> str:
    if not title:
        raise Invalid("Give the article a title.", "title")
    return title


def _checked_field(name: str, value):
    """One metadata field (see ``METADATA``) checked as on adding an article."""
    if name == "title":
        return _titled(_clean(value, MAX_TITLE, "title", "title"))
    if name == "url":
        return _checked_url(value)
    if name == "published_on":
        return value
    return _clean(value, MAX_META, name, name)


def add_article(
    teacher: User,
    *,
    title: str | None = None,
    text: str | None = None,
    upload: tuple[bytes, str] | None = None,
    outlet: str | None = None,
    author: str | None = None,
    url: str | None = None,
    published_on: date | None = None,
) -> Article:
    """Add an article from pasted ``text`` or an ``upload`` of (bytes, file name); the upload wins.

    The file's own title is used when ``title`` is empty. Limits and their messages are those of
    ``quizzes.article_import`` (empty, more than 100,000 characters, over 2 MB, undecodable, type)."""
    if upload is not None:
        data, filename = upload
        try:
            extracted = extract_text(data, filename or "")
        except ArticleImportError as error:
            raise Invalid(str(error), "file") from None
    else:
        pasted = (text or "").replace("\r\n", "\n").replace("\r", "\n")
        if len(pasted) > MAX_CHARACTERS:  # checked before anything else touches a huge paste
            raise Invalid(f"The article has {len(pasted):,} characters; the limit is {MAX_CHARACTERS:,}.", "text")
        try:
            extracted = _checked(ExtractedArticle("", pasted))
        except ArticleImportError as error:
            raise Invalid(str(error), "text") from None
    title = _titled(_clean(title, MAX_TITLE, "title", "title") or extracted.title.strip()[:MAX_TITLE])
    source = ArticleSource(
        owner_id=teacher.id,
        outlet=_checked_field("outlet", outlet),
        author=_checked_field("author", author),
        url=_checked_field("url", url),
        published_on=published_on,
    )
    article = Article(title=title, text=extracted.text)
    source.article = article
    db.session.add_all([article, source])
    db.session.flush()
    db.session.add_all(Passage(article_id=article.id, start=p.start, end=p.end) for p in segment(article.text))
    db.session.commit()
    return article


METADATA = ("title", "outlet", "author", "url", "published_on")


def update_article(article: Article, **metadata) -> Article:
    """Change any of ``METADATA`` (never the text: passages and questions point into it), with the
    checks and messages of :func:`add_article`; nothing is saved unless every field passes."""
    unknown = sorted(set(metadata) - set(METADATA))
    if unknown:
        raise Invalid(f"{unknown[0]} cannot be changed", unknown[0])
    checked = {name: _checked_field(name, value) for name, value in metadata.items()}
    source = source_of(article)
    for name, value in checked.items():
        setattr(article if name == "title" else source, name, value)
    db.session.commit()
    return article


def delete_article(article: Article) -> None:
    """Delete the article with its passages, labels and cues; refused while any question set uses it."""
    used = db.session.scalar(sa.select(sa.func.count()).select_from(Quiz).where(Quiz.article_id == article.id))
    if used:
        raise Conflict(_IN_USE.format(count=used), "article_id")
    passages = sa.select(Passage.id).where(Passage.article_id == article.id)
    db.session.execute(sa.delete(PassageLabel).where(PassageLabel.passage_id.in_(passages)))
    for model in (Passage, CueMark, ArticleSource):
        db.session.execute(sa.delete(model).where(model.article_id == article.id))
    db.session.delete(article)
    try:
        db.session.commit()
    except IntegrityError:  # a set was made on it meanwhile
        db.session.rollback()
        raise Conflict(_IN_USE.format(count="Some"), "article_id") from None


_IN_USE = ("{count} question set(s) use this article (older versions and other teachers' copies count too): "
           "it can be deleted once no set uses it.")


def articles_of(teacher: User) -> list[tuple[Article, ArticleSource]]:
    """The teacher's own articles, newest first."""
    rows = db.session.execute(
        sa.select(Article, ArticleSource)
        .join(ArticleSource, ArticleSource.article_id == Article.id)
        .where(ArticleSource.owner_id == teacher.id)
        .order_by(ArticleSource.added_at.desc(), Article.id.desc())
    )
    return [tuple(row) for row in rows]


def article_of(teacher: User, article_id: int) -> Article:
    """The teacher's own article; another teacher's, or none, is NotFound."""
    source = db.session.get(ArticleSource, article_id)
    if source is None or source.owner_id != teacher.id:
        raise NotFound("no such article", "article_id")
    return source.article


def source_of(article: Article) -> ArticleSource | None:
    return db.session.get(ArticleSource, article.id)


def passages_of(article: Article) -> list[Passage]:
    return list(
        db.session.scalars(
            sa.select(Passage).where(Passage.article_id == article.id).order_by(Passage.start)
            .options(sa.orm.selectinload(Passage.label))
        )
    )


def _passage(article: Article, passage_id: int) -> Passage:
    passage = db.session.get(Passage, passage_id) if isinstance(passage_id, int) else None
    if passage is None or passage.article_id != article.id:
        raise NotFound("no such passage", "passage_id")
    return passage


# --- correcting the segmentation -----------------------------------------------------------


def questions_needing_review(article: Article) -> list[ReviewItem]:
    """Questions on this article whose passage is no longer exactly one of its passages."""
    bounds = {(p.start, p.end) for p in passages_of(article)}
    rows = db.session.execute(
        sa.select(Quiz, Question)
        .join(Question, Question.quiz_id == Quiz.id)
        .where(Quiz.article_id == article.id, Question.start.is_not(None))
        .order_by(Quiz.id, Question.position)
    )
    items = []
    for quiz, question in rows:
        if (question.start, question.end) not in bounds:
            number = quiz.questions.index(question) + 1
            items.append(ReviewItem(quiz.id, quiz.title, number, question.prompt, question.start, question.end))
    return items


def merge_with_next(article: Article, passage_id: int) -> Change:
    """Join a passage and the one after it. Labels: the teacher's beats a suggestion, the first passage's
    beats the second's; a teacher label that loses is named in ``dropped_label``."""
    first = _passage(article, passage_id)
    following = db.session.scalar(
        sa.select(Passage).where(Passage.article_id == article.id, Passage.start > first.start).order_by(Passage.start).limit(1)
    )
    if following is None:
        raise Invalid("This is the last passage: there is nothing after it to merge with.", "passage_id")
    own, other = first.label, following.label
    winner = own if _rank(own) >= _rank(other) else other
    loser = other if winner is own else own
    dropped = None
    if loser is not None and loser.source == "teacher" and loser.label != winner.label:
        dropped = loser.label
    data = _snapshot(winner) if winner is not None else None
    if data and loser is not None and loser.label == winner.label:
        data["cues"] = sorted(data["cues"] + list(loser.cues or []), key=lambda c: (c["start"], c["end"]))
    end = following.end
    db.session.delete(following)
    if own is not None and winner is not own:
        first.label = None
    db.session.flush()
    first.end = end
    if data is not None and winner is not own:
        first.label = PassageLabel(**data)
    elif data is not None:
        own.cues = data["cues"]
    db.session.commit()
    return Change([first], questions_needing_review(article), dropped)


def _rank(label: PassageLabel | None) -> tuple[bool, bool]:
    return label is not None, label is not None and label.source == "teacher"


def _snapshot(label: PassageLabel) -> dict:
    return {"label": label.label, "source": label.source, "accepted": label.accepted,
            "confidence": label.confidence, "cues": list(label.cues or [])}


def split_passage(article: Article, passage_id: int, at: int) -> Change:
    """Split a passage before article offset ``at`` (inside it, not at an edge); both halves keep its label."""
    passage = _passage(article, passage_id)
    text = article.text
    if isinstance(at, bool) or not isinstance(at, int) or not passage.start < at < passage.end:
        raise Invalid("Split inside the passage, not at its first or last character.", "at")
    left_end = at
    while left_end > passage.start and text[left_end - 1].isspace():
        left_end -= 1
    right_start = at
    while right_start < passage.end and text[right_start].isspace():
        right_start += 1
    if left_end <= passage.start or right_start >= passage.end:
        raise Invalid("Split inside the passage, not at its first or last character.", "at")
    old_end, label = passage.end, passage.label
    passage.end = left_end
    second = Passage(article_id=article.id, start=right_start, end=old_end)
    if label is not None:
        second.label = PassageLabel(
            label=label.label, source=label.source, accepted=label.accepted, confidence=label.confidence,
            cues=[c for c in label.cues or [] if c["start"] >= right_start],
        )
        label.cues = [c for c in label.cues or [] if c["end"] <= left_end]
    db.session.add(second)
    db.session.commit()
    return Change([passage, second], questions_needing_review(article))


def find_phrase(article: Article, passage: Passage, phrase: str) -> tuple[int, int]:
    """Article offsets of the first occurrence of ``phrase`` inside the passage (exact, then ignoring case)."""
    phrase = (phrase or "").strip()
    if not phrase:
        raise Invalid("Type the words exactly as they appear in the passage.", "phrase")
    inside = article.text[passage.start:passage.end]
    index = inside.find(phrase)
    if index < 0:
        index = inside.lower().find(phrase.lower())
    if index < 0:
        raise Invalid(f"“{phrase[:80]}” is not in this passage: type the words exactly as they appear.", "phrase")
    return passage.start + index, passage.start + index + len(phrase)


# --- labels and suggestions ----------------------------------------------------------------


def set_label(article: Article, passage_id: int, label: str | None) -> Passage:
    """The teacher's label for a passage; an empty label clears it."""
    passage = _passage(article, passage_id)
    if not label:
        passage.label = None
    elif label not in LABEL_IDS:
        raise Invalid("Choose one of the six labels.", "label")
    elif passage.label is None:
        passage.label = PassageLabel(label=label, source="teacher", accepted=True)
    else:
        current = passage.label
        if current.label != label:
            current.cues = []  # the analyzer's cues explained another label
        current.label, current.source, current.accepted = label, "teacher", True
    db.session.commit()
    return passage


def suggest_labels(article: Article) -> int:
    """Give every unlabelled passage the analyzer's label as a suggestion; return how many."""
    analyzed = analyze(article.text)
    count = 0
    for passage in passages_of(article):
        if passage.label is not None:
            continue
        best = max(analyzed, key=lambda a: _overlap(a.start, a.end, passage.start, passage.end), default=None)
        if best is None or _overlap(best.start, best.end, passage.start, passage.end) == 0:
            continue
        cues = [
            c.as_dict() for a in analyzed if _overlap(a.start, a.end, passage.start, passage.end)
            for c in a.cues if passage.start <= c.start and c.end <= passage.end
        ]
        passage.label = PassageLabel(
            label=best.label, source="analyzer", accepted=False, confidence=round(best.confidence, 3), cues=cues
        )
        count += 1
    db.session.commit()
    return count


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def accept_suggestion(article: Article, passage_id: int) -> Passage:
    passage = _passage(article, passage_id)
    if passage.label is None:
        raise Invalid("This passage has no suggestion to accept.", "passage_id")
    passage.label.accepted = True
    db.session.commit()
    return passage


def accept_all(article: Article) -> int:
    count = 0
    for passage in passages_of(article):
        if passage.label is not None and not passage.label.accepted:
            passage.label.accepted = True
            count += 1
    db.session.commit()
    return count


# --- cue marks -----------------------------------------------------------------------------


def mark_cue(article: Article, passage_id: int, note: str, *, phrase: str | None = None,
             start: int | None = None, end: int | None = None) -> CueMark:
    """Mark a cue inside a passage, by exact ``phrase`` or by ``start``/``end`` article offsets."""
    passage = _passage(article, passage_id)
    note = _clean(note, MAX_NOTE, "note", "note")
    if not note:
        raise Invalid("Say in a few words why this phrase is a cue.", "note")
    if start is not None and end is not None:
        if not passage.start <= start < end <= passage.end:
            raise Invalid("The marked words must lie inside the passage.", "phrase")
    else:
        start, end = find_phrase(article, passage, phrase or "")
    while start < end and article.text[start].isspace():
        start += 1
    while end > start and article.text[end - 1].isspace():
        end -= 1
    if start >= end:
        raise Invalid("Type the words exactly as they appear in the passage.", "phrase")
    cue = CueMark(article_id=article.id, start=start, end=end, note=note)
    db.session.add(cue)
    db.session.commit()
    return cue


def cues_of(article: Article) -> list[CueMark]:
    return list(db.session.scalars(sa.select(CueMark).where(CueMark.article_id == article.id).order_by(CueMark.start)))


def delete_cue(article: Article, cue_id: int) -> None:
    cue = db.session.get(CueMark, cue_id)
    if cue is None or cue.article_id != article.id:
        raise NotFound("no such cue", "cue_id")
    db.session.delete(cue)
    db.session.commit()
