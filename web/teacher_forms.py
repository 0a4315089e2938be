"""Forms for the teacher's pages: classes, rosters, assignments, API tokens, settings."""

from zoneinfo import available_timezones

from flask_wtf.file import FileAllowed, FileField
from wtforms import DateTimeLocalField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from quizzes.assignment_rules import FEEDBACK_NAMES, GRADING_METHODS
from quizzes.roster import MAX_ROSTER

from .base_form import Form, choices

TIMEZONES = sorted(available_timezones())


class ClassForm(Form):
    name = StringField("Class name", validators=[DataRequired(), Length(max=100)])


class RosterForm(Form):
    names = TextAreaField(f"Student names, one per line (at most {MAX_ROSTER})", validators=[Length(max=20_000)])
    file = FileField("…or a CSV file with a 'name' column", validators=[FileAllowed(["csv", "txt"], "Upload a .csv or .txt file.")])


class AssignmentForm(Form):
    quiz_id = SelectField("Quiz", coerce=int, validators=[DataRequired()])
    opens_at = DateTimeLocalField("Opens", validators=[DataRequired()])
    closes_at = DateTimeLocalField("Closes (empty: never)", validators=[Optional()])
    max_attempts = IntegerField("Attempts allowed (empty: unlimited)", validators=[Optional(), NumberRange(1, 100)])
    grading_method = SelectField(
        "Which attempt counts", choices=choices((m, m.capitalize()) for m in GRADING_METHODS)
    )
    feedback = SelectField("Show right answers and explanations", choices=choices(FEEDBACK_NAMES.items()))


class TokenForm(Form):
    name = StringField("What the token is for", validators=[DataRequired(), Length(max=80)])


class SettingsForm(Form):
    timezone = SelectField("Your time zone", choices=choices((z, z) for z in TIMEZONES))
