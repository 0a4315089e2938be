"""Signing up (teachers), signing in and out, joining a class (students), changing a password."""

import hmac
from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user

from services import accounts, classes
from services.errors import ServiceError

from .account_forms import JoinCodeForm, JoinForm, LoginForm, PasswordForm, SignupForm
from .extensions import limiter

bp = Blueprint("auth", __name__)

_FAILED = "That email or username and password do not match an account."


def _only_failures(response) -> bool:
    """Count an attempt against the limit only when it did not sign anyone in."""
    return response.status_code != 302


def home_for(user) -> str:
    return url_for("teacher.dashboard") if user.role in ("teacher", "admin") else url_for("student.my_home")


def _safe_next(target: str | None) -> str | None:
    """A same-site path to return to after signing in; anything else is ignored."""
    if not target:
        return None
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc and target.startswith("/") and not target.startswith("//") else None


def sign_in(user) -> None:
    """A fresh session for the user: whatever the old cookie held is dropped."""
    session.clear()
    login_user(user)


def _field_error(form, error: ServiceError) -> None:
    field = getattr(form, error.field or "", None)
    (field.errors if field is not None else form.form_errors).append(error.message)


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"], deduct_when=_only_failures)
def login():
    form = LoginForm()
    if form.validate_on_submit():
        user = accounts.authenticate(form.identifier.data, form.password.data)
        if user is not None:
            sign_in(user)
            return redirect(_safe_next(request.args.get("next")) or home_for(user))
        form.form_errors.append(_FAILED)
    return render_template("auth/login.html", form=form), 401 if form.form_errors else 200


@bp.post("/logout")
@login_required
def logout():
    """Sign out everywhere: the session version moves on, so copies of this cookie stop working too."""
    accounts.end_sessions(current_user)
    logout_user()
    session.clear()
    flash("You are signed out.")
    return redirect(url_for("auth.login"))


@bp.route("/signup", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def signup():
    form = SignupForm()
    required_code = current_app.config.get("TEACHER_INVITE_CODE")
    if form.validate_on_submit():
        if required_code and not hmac.compare_digest((form.invite_code.data or "").encode(), required_code.encode()):
            form.invite_code.errors.append("That invite code is not right. Ask the person who runs this Framecheck.")
        else:
            try:
                user = accounts.create_teacher(form.email.data, form.display_name.data, form.password.data)
            except ServiceError as error:
                _field_error(form, error)
            else:
                sign_in(user)
                return redirect(url_for("teacher.dashboard"))
    return render_template("auth/signup.html", form=form, invite_required=bool(required_code)), 422 if form.errors or form.form_errors else 200


@bp.route("/join", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"], deduct_when=_only_failures)
def join():
    """A student joins a class with its code: with a new account, or the one they are signed in with."""
    signed_in_student = current_user.is_authenticated and current_user.role == "student"
    form = JoinCodeForm() if signed_in_student else JoinForm()
    if current_user.is_authenticated and not signed_in_student:
        flash("Join codes are for student accounts. Sign out first to make one.")
        return redirect(home_for(current_user))
    if form.validate_on_submit():
        try:
            if signed_in_student:
                classes.enroll(current_user, classes.class_for_join_code(form.join_code.data))
                return redirect(url_for("student.my_home"))
            student = classes.join_with_code(
                form.join_code.data, form.username.data, form.display_name.data, form.password.data
            )
        except ServiceError as error:
            _field_error(form, error)
        else:
            sign_in(student)
            return redirect(url_for("student.my_home"))
    return render_template("auth/join.html", form=form, signed_in=signed_in_student), 422 if form.errors else 200


@bp.route("/password", methods=["GET", "POST"])
@login_required
def change_password():
    form = PasswordForm()
    if form.validate_on_submit():
        try:
            accounts.change_password(current_user, form.password.data)
        except ServiceError as error:
            _field_error(form, error)
        else:
            sign_in(current_user._get_current_object())  # the other sessions ended; this one goes on with the new version
            flash("Your password is changed. Other devices are signed out.")
            return redirect(home_for(current_user))
    return render_template("auth/password.html", form=form, forced=current_user.must_change_password), 422 if form.errors else 200
