"""Forms for the teacher's article library, the annotation view and drafted quizzes."""

from flask_wtf.file import FileField
from wtforms import BooleanField, DateField, HiddenField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import Length, NumberRange, Optional

from quizzes.labels import LABELS
from services.articles import MAX_META, MAX_NOTE, MAX_TITLE, MAX_URL

from .base_form import Form, choices

LABEL_CHOICES = choices([("", "No label")] + [(label.id, f"{n}. {label.name}") for n, label in enumerate(LABELS, 1)])


class ArticleForm(Form):
    """Paste the text or upload a file; the upload wins when both are given. Limits are the service's."""

    title = StringField("Title (empty: the file's own title)", validators=[Length(max=MAX_TITLE)])
    text = TextAreaField("Paste the article’s text")  # the service says when it is too long
    file = FileField("…or upload a .txt, .md or .html file (a saved web page; at most 2 MB)")
    outlet = StringField("Outlet", validators=[Length(max=MAX_META)])
    author = StringField("Author", validators=[Length(max=MAX_META)])
    url = StringField("Web address (URL)", validators=[Length(max=MAX_URL)])
    published_on = DateField("Publication date", validators=[Optional()])


class LabelForm(Form):
    label = SelectField("Label", choices=LABEL_CHOICES)


class SplitForm(Form):
    words = StringField("Split before these words", validators=[Length(max=500)])
    position = IntegerField("…or at this character of the passage (1 is its first)", validators=[Optional(), NumberRange(1)])


class CueForm(Form):
    phrase = StringField("The cue words, exactly as in the passage", validators=[Length(max=500)])
    note = StringField("Why it is a cue (a short note)", validators=[Length(max=MAX_NOTE)])
    start = HiddenField()
    end = HiddenField()


class DraftForm(Form):
    use_suggestions = BooleanField("Use suggestions too (also those not yet accepted)")
