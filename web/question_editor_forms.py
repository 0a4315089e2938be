"""Forms for the question-set editor: a set's details, one question, its position, a new set.

The service checks what a question needs (``quizzes.question_input``); these forms only carry
what was typed, with the choices a teacher picks from."""

from wtforms import IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired

from quizzes.labels import LABELS
from quizzes.question_input import editor_fields, option_lines, parse_option_lines
from quizzes.segmentation import segment
from services import articles

from .base_form import Form, choices
from .presenters import format_points

TYPE_NAMES = {
    "classify": "Classify a passage",
    "multiple_choice": "Multiple choice (one right answer)",
    "multi_select": "Multi select (several right answers)",
    "mark_words": "Mark the words",
    "find_in_article": "Find in the article",
}
QUOTE_LENGTH = 70


def _label_choices(empty: str):
    return choices([("", empty)] + [(label.id, label.name) for label in LABELS])


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return f"“{text}”" if len(text) <= QUOTE_LENGTH else f"“{text[:QUOTE_LENGTH - 1].rstrip()}…”"


def passage_bounds(article) -> list[tuple[int, int]]:
    """The article's passages: the teacher's (merged or split) if it has any, else its sentences."""
    rows = articles.passages_of(article)
    return [(p.start, p.end) for p in rows] if rows else [(p.start, p.end) for p in segment(article.text)]


class DetailsForm(Form):
    title = StringField("Title")
    description = TextAreaField("Description (optional)")


class NewSetForm(Form):
    article_id = SelectField("Article", coerce=int)
    title = StringField("Title")


class MoveForm(Form):
    position = IntegerField("Move to position", validators=[InputRequired("Give a position: 1 is first.")])


class QuestionForm(Form):
    type = SelectField("Question type", choices=choices(TYPE_NAMES.items()))
    prompt = TextAreaField("Prompt (the question the student reads)")
    points = StringField("Points", default="1", render_kw={"inputmode": "decimal"})
    explanation = TextAreaField("Explanation (shown with the right answer)")
    passage = SelectField("Passage (needed to classify a passage and to mark the words)", default="")
    answer = SelectField("Right label (classify a passage)", choices=_label_choices("Choose the right label"), default="")
    label = SelectField("Label asked about (mark the words, find in the article)",
                        choices=_label_choices("Choose the label"), default="")
    options = TextAreaField("Options, one per line (multiple choice, multi select)")
    phrases = TextAreaField("Words to mark, one phrase per line (mark the words)")

    def fields(self) -> dict:
        """What was typed, as the editor fields of ``quizzes.question_input``."""
        passage = None
        if self.passage.data:
            start, end = self.passage.data.split("-")
            passage = {"start": int(start), "end": int(end)}
        return {
            "type": self.type.data,
            "prompt": self.prompt.data,
            "points": self.points.data,
            "explanation": self.explanation.data,
            "passage": passage,
            "answer": self.answer.data,
            "label": self.label.data,
            "options": parse_option_lines(self.options.data),
            "phrases": _lines(self.phrases.data),
        }


def question_form(article, question: dict | None = None, **kwargs) -> QuestionForm:
    """The question form on ``article``, filled from a stored ``question`` (``as_data()``) when editing."""
    bounds = passage_bounds(article)
    current = None
    if question is not None:
        fields = editor_fields(question)
        current = (question["start"], question["end"]) if question.get("start") is not None else None
        kwargs.setdefault("data", {
            **fields,
            "points": format_points(fields["points"]),
            "passage": f"{current[0]}-{current[1]}" if current else "",
            "answer": fields["answer"] or "",
            "label": fields["label"] or "",
            "options": option_lines(question),
            "phrases": "\n".join(fields["phrases"]),
        })
    form = QuestionForm(**kwargs)
    pairs = [("", "No passage (multiple choice, multi select, find in the article)")]
    pairs += [(f"{s}-{e}", f"{n}. {_quote(article.text[s:e])}") for n, (s, e) in enumerate(bounds, 1)]
    if current is not None and current not in bounds:
        quote = _quote(article.text[current[0]:current[1]])
        pairs.append((f"{current[0]}-{current[1]}", f"Its passage, no longer one of the article’s: {quote}"))
    form.passage.choices = choices(pairs)
    return form
