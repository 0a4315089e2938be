"""Draft a quiz from an article's labels, preview it, publish or unpublish it. No request handling."""

import sqlalchemy as sa

from models import Article, Assignment, Question, Quiz, User, db
from quizzes.drafting import CueSpan, DraftError, LabelledPassage, draft_question_set
from quizzes.question_sets import QuestionSetError, parse_question_set

from . import articles
from .errors import Invalid, NotFound


def labelled_passages(article: Article, use_suggestions: bool = False) -> list[LabelledPassage]:
    """The article's labelled passages: the teacher's labels and accepted suggestions, and with
    ``use_suggestions`` the suggestions not yet accepted too."""
    out = []
    for passage in articles.passages_of(article):
        label = passage.label
        if label is None or not (label.accepted or use_suggestions):
            continue
        cues = tuple(CueSpan(c["start"], c["end"], c.get("reason", "")) for c in label.cues or [])
        confidence = 1.0 if label.source == "teacher" else (label.confidence or 0.0)
        out.append(LabelledPassage(passage.start, passage.end, label.label, cues, confidence))
    return out


def draft_quiz(teacher: User, article: Article, use_suggestions: bool = False) -> Quiz:
    """Save a drafted question set as an unpublished quiz owned by the teacher."""
    marks = [CueSpan(c.start, c.end, c.note) for c in articles.cues_of(article)]
    try:
        document = draft_question_set(article.text, article.title, labelled_passages(article, use_suggestions), marks)
        parsed = parse_question_set(document, article.text)
    except DraftError as error:
        raise Invalid(str(error), "use_suggestions") from None
    except QuestionSetError as error:  # a drafting bug, said plainly rather than a 500
        raise Invalid("The draft could not be built: " + "; ".join(error.errors[:3]), "use_suggestions") from None
    quiz = Quiz(
        title=parsed["title"], description=parsed["description"], article_id=article.id,
        owner_id=teacher.id, published=False, open_practice=False,
    )
    quiz.questions = [Question(position=i, **q) for i, q in enumerate(parsed["questions"], start=1)]
    db.session.add(quiz)
    db.session.commit()
    return quiz


def drafts_of_article(teacher: User, article: Article) -> list[Quiz]:
    return list(
        db.session.scalars(
            sa.select(Quiz).where(Quiz.article_id == article.id, Quiz.owner_id == teacher.id).order_by(Quiz.id.desc())
        )
    )


def assignment_count(quiz: Quiz) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Assignment).where(Assignment.quiz_id == quiz.id))
