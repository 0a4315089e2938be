"""Forms for signing up, signing in, joining a class and changing a password."""

from .base_form import Form
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length

from services.accounts import MAX_PASSWORD, MIN_PASSWORD

_PASSWORD = [DataRequired(), Length(min=MIN_PASSWORD, max=MAX_PASSWORD)]


class LoginForm(Form):
    identifier = StringField("Email or username", validators=[DataRequired(), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=MAX_PASSWORD)])


class SignupForm(Form):
    display_name = StringField("Your name", validators=[DataRequired(), Length(max=80)])
    email = EmailField("Email", validators=[DataRequired(), Length(max=254)])
    password = PasswordField(f"Password (at least {MIN_PASSWORD} characters)", validators=_PASSWORD)
    invite_code = StringField("Invite code", validators=[Length(max=100)])


class JoinForm(Form):
    join_code = StringField("Class join code", validators=[DataRequired(), Length(max=20)])
    display_name = StringField("Your name, as your teacher knows you", validators=[DataRequired(), Length(max=80)])
    username = StringField("Choose a username", validators=[DataRequired(), Length(min=3, max=40)])
    password = PasswordField(f"Choose a password (at least {MIN_PASSWORD} characters)", validators=_PASSWORD)


class JoinCodeForm(Form):
    """A signed-in student joining one more class."""

    join_code = StringField("Class join code", validators=[DataRequired(), Length(max=20)])


class PasswordForm(Form):
    password = PasswordField(f"New password (at least {MIN_PASSWORD} characters)", validators=_PASSWORD)
    confirm = PasswordField("New password again", validators=[DataRequired(), EqualTo("password", "The passwords differ.")])
