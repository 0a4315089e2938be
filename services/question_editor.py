"""Editing question sets: details, questions (add, edit, delete, reorder), versions, duplicates, sharing.

A set that students have attempted is never changed in place. The first change to such a set
makes its next version (a copy with ``version + 1`` and ``previous_id`` pointing back); the
assignments move to the new version, the old one is unpublished, and past attempts keep the
version they were taken on until the teacher regrades them (``services.regrading``).
No request handling here.
"""

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import aliased, selectinload

from models import Article, Assignment, Attempt, Question, Quiz, User, db
from models.authoring import ArticleSource, CueMark, Passage
from quizzes.question_input import LabelledRange, QuestionInputError, question_document
from quizzes.question_sets import parse_question
from quizzes.rich_text import clean_rich_text

from .errors import Conflict, Invalid, NotFound

MAX_TITLE = 200
MAX_DESCRIPTION = 4000
MAX_QUESTIONS = 100
COPIED_FIELDS = ("type", "prompt", "points", "start", "end", "label", "hard_case", "options", "key", "explanation", "cues")


@dataclass(frozen=True)
class Edit:
    """The set an edit landed in, and whether it had to become a new version to take it."""

    quiz: Quiz
    new_version: bool


class FieldErrors(Invalid):
    """Several fields refused at once; ``errors`` maps each field to its message."""

    def __init__(self, errors: dict[str, str]):
        field, message = next(iter(errors.items()))
        super().__init__(message, field)
        self.errors = errors


# --- what a teacher may see and change -----------------------------------------------------------


def _superseded(quiz_id) -> sa.ColumnElement:
    return sa.exists().where(aliased(Quiz).previous_id == quiz_id)


def can_see(teacher: User, quiz: Quiz) -> bool:
    """Own sets, shared sets, the bundled set and anything open for practice."""
    return quiz.owner_id in (None, teacher.id) or quiz.shared or (quiz.published and quiz.open_practice)


def visible_set(teacher: User, quiz_id: int) -> Quiz:
    quiz = db.session.get(Quiz, quiz_id) if isinstance(quiz_id, int) else None
    if quiz is None or not can_see(teacher, quiz):
        raise NotFound("no such quiz", "quiz_id")
    return quiz


def own_set(teacher: User, quiz_id: int) -> Quiz:
    """A set the teacher owns (any version); anyone else's, or none, is NotFound."""
    quiz = db.session.get(Quiz, quiz_id) if isinstance(quiz_id, int) else None
    if quiz is None or quiz.owner_id != teacher.id:
        raise NotFound("no such quiz", "quiz_id")
    return quiz


def newer_version(quiz: Quiz) -> Quiz | None:
    return db.session.scalar(sa.select(Quiz).where(Quiz.previous_id == quiz.id))


def editable_set(teacher: User, quiz_id: int) -> Quiz:
    """The teacher's own set, if it is the newest version (older versions are read-only)."""
    quiz = own_set(teacher, quiz_id)
    newer = newer_version(quiz)
    if newer is not None:
        raise Conflict(f"This is version {quiz.version}; edit the newest version ({newer.version}) instead.", "quiz_id")
    return quiz


def _newest_sets(*conditions, order) -> list[Quiz]:
    """The newest versions of the sets that meet ``conditions``, their questions loaded in one more
    statement (lists show each set's question count)."""
    return list(db.session.scalars(
        sa.select(Quiz).where(*conditions, ~_superseded(Quiz.id)).order_by(order).options(selectinload(Quiz.questions))
    ))


def sets_of(teacher: User) -> list[Quiz]:
    """The teacher's sets, newest version of each only, most recent first."""
    return _newest_sets(Quiz.owner_id == teacher.id, order=Quiz.id.desc())


def shared_sets(teacher: User) -> list[Quiz]:
    """Sets other teachers share, and the bundled ones, that this teacher may preview and duplicate."""
    return _newest_sets(sa.or_(Quiz.owner_id.is_(None), sa.and_(Quiz.shared, Quiz.owner_id != teacher.id)),
                        order=Quiz.title)


def versions_of(quiz: Quiz) -> list[Quiz]:
    """Every version of the set, oldest first."""
    chain = [quiz]
    while chain[0].previous_id is not None:
        chain.insert(0, db.session.get(Quiz, chain[0].previous_id))
    while (newer := newer_version(chain[-1])) is not None:
        chain.append(newer)
    return chain


def attempt_count(quiz: Quiz) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Attempt).where(Attempt.quiz_id == quiz.id))


# --- versions ------------------------------------------------------------------------------------


def _copy_questions(source: Quiz, keep_lineage: bool) -> list[Question]:
    return [
        Question(position=q.position, origin_id=q.lineage if keep_lineage else None,
                 **{name: getattr(q, name) for name in COPIED_FIELDS})
        for q in source.questions
    ]


def _working_copy(quiz: Quiz) -> Edit:
    """The set itself when nobody has attempted it, else its next version (assignments move to it)."""
    if not attempt_count(quiz):
        return Edit(quiz, False)
    copy = Quiz(
        title=quiz.title, description=quiz.description, article_id=quiz.article_id, owner_id=quiz.owner_id,
        published=quiz.published, open_practice=quiz.open_practice, shared=quiz.shared,
        version=quiz.version + 1, previous_id=quiz.id,
    )
    copy.questions = _copy_questions(quiz, keep_lineage=True)
    db.session.add(copy)
    db.session.flush()
    db.session.execute(sa.update(Assignment).where(Assignment.quiz_id == quiz.id).values(quiz_id=copy.id))
    quiz.published = quiz.open_practice = False
    return Edit(copy, True)


def _counterpart(edit: Edit, question_id: int) -> Question:
    """The question ``question_id`` names (a question of the edited set) in the set the edit lands in."""
    source = db.session.get(Question, question_id) if isinstance(question_id, int) else None
    quiz = db.session.get(Quiz, edit.quiz.previous_id) if edit.new_version else edit.quiz
    if source is None or source.quiz_id != quiz.id:
        raise NotFound("no such question", "question_id")
    return next(q for q in edit.quiz.questions if q.lineage == source.lineage)


# --- editing -------------------------------------------------------------------------------------


def _details(title, description) -> tuple[str, str]:
    """A checked title and a sanitised description, or FieldErrors."""
    errors = {}
    title = title.strip() if isinstance(title, str) else ""
    if not title or len(title) > MAX_TITLE:
        errors["title"] = f"A title of 1 to {MAX_TITLE} characters."
    description = clean_rich_text(description if isinstance(description, str) else "")
    if len(description) > MAX_DESCRIPTION:
        errors["description"] = f"At most {MAX_DESCRIPTION:,} characters."
    if errors:
        raise FieldErrors(errors)
    return title, description


def update_details(teacher: User, quiz_id: int, title, description) -> Edit:
    quiz = editable_set(teacher, quiz_id)
    title, description = _details(title, description)
    if (title, description) == (quiz.title, quiz.description):
        return Edit(quiz, False)
    edit = _working_copy(quiz)
    edit.quiz.title, edit.quiz.description = title, description
    db.session.commit()
    return edit


def _labelled_ranges(quiz: Quiz) -> list[LabelledRange]:
    rows = db.session.scalars(
        sa.select(Passage).where(Passage.article_id == quiz.article_id).options(selectinload(Passage.label))
    )
    return [LabelledRange(p.start, p.end, p.label.label) for p in rows if p.label is not None and p.label.accepted]


def _cue_ranges(quiz: Quiz) -> list[tuple[int, int]]:
    return [tuple(r) for r in db.session.execute(sa.select(CueMark.start, CueMark.end).where(CueMark.article_id == quiz.article_id))]


def _parsed(quiz: Quiz, fields: dict, existing: dict | None = None) -> dict:
    """Editor fields checked and parsed as a stored question, or FieldErrors."""
    text = quiz.article.text
    try:
        document = question_document(fields, text, _labelled_ranges(quiz), _cue_ranges(quiz), existing)
    except QuestionInputError as error:
        raise FieldErrors(error.errors) from None
    errors: list[str] = []
    parsed = parse_question(document, text, "question", errors)
    if errors:
        raise FieldErrors({"question": "; ".join(e.removeprefix("question: ") for e in errors)})
    return parsed


def add_question(teacher: User, quiz_id: int, fields: dict) -> tuple[Edit, Question]:
    quiz = editable_set(teacher, quiz_id)
    if len(quiz.questions) >= MAX_QUESTIONS:
        raise Invalid(f"A set has at most {MAX_QUESTIONS} questions.", "question")
    parsed = _parsed(quiz, fields)
    edit = _working_copy(quiz)
    question = Question(position=len(edit.quiz.questions) + 1, **parsed)
    edit.quiz.questions.append(question)
    db.session.commit()
    return edit, question


def update_question(teacher: User, quiz_id: int, question_id: int, fields: dict) -> tuple[Edit, Question]:
    quiz = editable_set(teacher, quiz_id)
    current = _counterpart(Edit(quiz, False), question_id)
    parsed = _parsed(quiz, fields, current.as_data())
    if parsed["type"] == current.type:  # the editor has no field for it: a drafted hard case stays one
        parsed["hard_case"] = current.hard_case
    edit = _working_copy(quiz)
    question = _counterpart(edit, question_id)
    for name, value in parsed.items():
        setattr(question, name, value)
    db.session.commit()
    return edit, question


def delete_question(teacher: User, quiz_id: int, question_id: int) -> Edit:
    quiz = editable_set(teacher, quiz_id)
    _counterpart(Edit(quiz, False), question_id)
    if quiz.published and len(quiz.questions) == 1:
        raise Conflict("A published set keeps at least one question: unpublish it first.", "question_id")
    edit = _working_copy(quiz)
    question = _counterpart(edit, question_id)
    edit.quiz.questions.remove(question)
    db.session.flush()
    _renumber(edit.quiz)
    db.session.commit()
    return edit


def move_question(teacher: User, quiz_id: int, question_id: int, position) -> tuple[Edit, Question]:
    """Put a question at ``position`` (1 is first); the others keep their order."""
    quiz = editable_set(teacher, quiz_id)
    _counterpart(Edit(quiz, False), question_id)
    if isinstance(position, bool) or not isinstance(position, int) or not 1 <= position <= len(quiz.questions):
        raise Invalid(f"position must be a whole number from 1 to {len(quiz.questions)}", "position")
    edit = _working_copy(quiz)
    question = _counterpart(edit, question_id)
    order = [q for q in edit.quiz.questions if q is not question]
    order.insert(position - 1, question)
    _renumber(edit.quiz, order)
    db.session.commit()
    return edit, question


def _renumber(quiz: Quiz, order: list[Question] | None = None) -> None:
    """Positions 1..n in ``order`` (two steps: the unique (quiz, position) holds in between)."""
    order = order or sorted(quiz.questions, key=lambda q: q.position)
    for step in (len(order) + 1000, 0):
        for number, question in enumerate(order, start=1):
            question.position = number + step
        db.session.flush()
    quiz.questions.sort(key=lambda q: q.position)


# --- publishing, sharing, duplicating, deleting --------------------------------------------------


def set_published(teacher: User, quiz_id: int, published: bool) -> Quiz:
    quiz = editable_set(teacher, quiz_id)
    if published and not quiz.questions:
        raise Conflict("Add a question before publishing.", "quiz_id")
    quiz.published = published
    db.session.commit()
    return quiz


def set_open_practice(teacher: User, quiz_id: int, open_practice: bool) -> Quiz:
    """Open practice: guests may take the set without an account (while it is published)."""
    quiz = editable_set(teacher, quiz_id)
    quiz.open_practice = open_practice
    db.session.commit()
    return quiz


def set_shared(teacher: User, quiz_id: int, shared: bool) -> Quiz:
    """Shared sets can be previewed and duplicated by every teacher of the instance, never edited."""
    quiz = editable_set(teacher, quiz_id)
    quiz.shared = shared
    db.session.commit()
    return quiz


def duplicate(teacher: User, quiz_id: int) -> Quiz:
    """A private, unpublished copy of any set the teacher can see, owned by the teacher."""
    source = visible_set(teacher, quiz_id)
    copy = Quiz(
        title=f"Copy of {source.title}"[:MAX_TITLE], description=source.description, article_id=source.article_id,
        owner_id=teacher.id,
    )
    copy.questions = _copy_questions(source, keep_lineage=False)
    db.session.add(copy)
    db.session.commit()
    return copy


def delete_set(teacher: User, quiz_id: int) -> None:
    """Delete the newest version of a set nobody has attempted or been assigned."""
    quiz = editable_set(teacher, quiz_id)
    assigned = db.session.scalar(sa.select(sa.func.count()).select_from(Assignment).where(Assignment.quiz_id == quiz.id))
    if assigned or attempt_count(quiz):
        raise Conflict("Students have this set (assigned or attempted): unpublish it instead.", "quiz_id")
    db.session.delete(quiz)
    db.session.commit()


def create_set(teacher: User, article_id: int, title, description="") -> Quiz:
    """A new, unpublished set with no questions yet, on one of the teacher's articles or the bundled one."""
    title, description = _details(title, description)
    article = db.session.get(Article, article_id) if isinstance(article_id, int) else None
    source = db.session.get(ArticleSource, article_id) if article is not None else None
    if article is None or (source.owner_id != teacher.id if source is not None else article.slug is None):
        raise NotFound("no such article", "article_id")
    quiz = Quiz(title=title, description=description, article_id=article.id, owner_id=teacher.id)
    db.session.add(quiz)
    db.session.commit()
    return quiz
