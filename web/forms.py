"""WTForms for the student pages: the display name, and one answer form per question type."""

from .base_form import Form, choices
from wtforms import RadioField, SelectMultipleField, StringField
from wtforms.validators import DataRequired, Length, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from quizzes.questions.choice import options
from quizzes.questions.spans import word_spans
from quizzes.segmentation import segment


class StartForm(Form):
    name = StringField("Your name (shown only on your result)", validators=[DataRequired(), Length(max=80)])


class ActionForm(Form):
    """A form with nothing but its CSRF token (submit, try again)."""


class _CheckboxesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def pre_validate(self, form):
        allowed = {choice.value for choice in self.choices}
        if any(value not in allowed for value in self.data or []):
            raise ValidationError("Choose only among the items shown.")


class ChoiceAnswerForm(Form):
    """One option (classify, multiple_choice); ``to_answer`` gives the API's answer shape."""

    answer = RadioField("Your answer", validate_choice=False)  # the question type checks the choice

    def to_answer(self) -> dict | None:
        """None when nothing was chosen: a radio answer cannot be cleared, only changed."""
        return {"choice": self.answer.data} if self.answer.data else None


class MultiAnswerForm(Form):
    answer = _CheckboxesField("Your answers")

    def to_answer(self) -> dict:
        return {"choices": list(self.answer.data or [])}


class SpanAnswerForm(Form):
    answer = _CheckboxesField("Your selection")

    def to_answer(self) -> dict:
        return {"spans": [[int(n) for n in value.split("-")] for value in self.answer.data or []]}


def span_value(start: int, end: int) -> str:
    return f"{start}-{end}"


def answer_form(question: dict, article_text: str, saved: dict | None, formdata=None) -> Form:
    """The form for ``question`` with its choices, pre-filled with the ``saved`` answer."""
    kind = question["type"]
    if kind in ("classify", "multiple_choice"):
        form = ChoiceAnswerForm(formdata=formdata, answer=(saved or {}).get("choice"))
        form.answer.choices = choices((o["id"], o["text"]) for o in options(question))
    elif kind == "multi_select":
        form = MultiAnswerForm(formdata=formdata, answer=(saved or {}).get("choices", []))
        form.answer.choices = choices((o["id"], o["text"]) for o in options(question))
    else:
        if kind == "mark_words":
            units = word_spans(question["text"], question["start"])
        else:
            units = [(p.start, p.end) for p in segment(article_text)]
        chosen = [span_value(*s) for s in _covered(units, (saved or {}).get("spans", []))]
        form = SpanAnswerForm(formdata=formdata, answer=chosen)
        form.answer.choices = choices((span_value(s, e), article_text[s:e]) for s, e in units)
        form.units = units
    return form


def _covered(units, spans) -> list[tuple[int, int]]:
    """The units (words or passages) that lie inside a saved span: how a saved answer is shown again."""
    return [u for u in units if any(s <= u[0] and u[1] <= e for s, e in spans)]
