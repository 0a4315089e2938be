"""Teacher pages: classes, join codes, rosters with login cards, assignments, settings and API tokens."""

from datetime import timezone
from zoneinfo import ZoneInfo

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user

from services import accounts, assignments, classes
from services.errors import ServiceError

from .access import role_required
from .base_form import choices
from .teacher_forms import AssignmentForm, ClassForm, RosterForm, SettingsForm, TokenForm

bp = Blueprint("teacher", __name__, url_prefix="/teach")
bp.before_request(role_required("teacher", "admin")(lambda: None))

MAX_ROSTER_FILE = 200_000


def _form_error(form, error: ServiceError) -> None:
    """Each message of ``error`` on its field (``FieldErrors`` has several); others on the form."""
    for name, message in getattr(error, "errors", {error.field: error.message}).items():
        field = form._fields.get(name or "")
        (field.errors if field is not None else form.form_errors).append(message)


def _applied(form, action) -> bool:
    """Validate ``form`` and run ``action``; a refusal from the service becomes a form error."""
    if not form.validate_on_submit():
        return False
    try:
        action()
    except ServiceError as error:
        _form_error(form, error)
        return False
    return True


def _class_page(classroom, status=200, **forms):
    forms.setdefault("rename_form", ClassForm(obj=classroom))
    forms.setdefault("roster_form", RosterForm())
    forms.setdefault("assignment_form", _assignment_form())
    return render_template(
        "teacher/class.html",
        classroom=classroom,
        students=classroom.students,
        assignments=assignments.assignments_of_class(classroom),
        **forms,
    ), status


def _assignment_form(**kwargs) -> AssignmentForm:
    form = AssignmentForm(**kwargs)
    form.quiz_id.choices = choices((q.id, q.title) for q in assignments.assignable_quizzes(current_user))
    return form


def _utc(local, zone: str):
    """A datetime typed in the teacher's time zone, as UTC."""
    return None if local is None else local.replace(tzinfo=ZoneInfo(zone)).astimezone(timezone.utc)


@bp.get("/")
def dashboard():
    return render_template("teacher/dashboard.html", classes=classes.classes_of(current_user), form=ClassForm())


@bp.post("/classes")
def create_class():
    form = ClassForm()
    created = []
    if _applied(form, lambda: created.append(classes.create_class(current_user, form.name.data))):
        return redirect(url_for(".class_page", class_id=created[0].id))
    return render_template("teacher/dashboard.html", classes=classes.classes_of(current_user), form=form), 422


@bp.get("/classes/<id:class_id>")
def class_page(class_id: int):
    return _class_page(classes.class_of(current_user, class_id))


@bp.post("/classes/<id:class_id>/rename")
def rename_class(class_id: int):
    classroom = classes.class_of(current_user, class_id)
    form = ClassForm()
    if _applied(form, lambda: classes.update_class(classroom, name=form.name.data)):
        flash("Class renamed.")
        return redirect(url_for(".class_page", class_id=class_id))
    return _class_page(classroom, 422, rename_form=form)


def _simple_action(class_id: int, action, message: str):
    """A button with nothing but its CSRF token (the global CSRF check has already passed)."""
    classroom = classes.class_of(current_user, class_id)
    action(classroom)
    flash(message)
    return redirect(url_for(".class_page", class_id=class_id))


def _toggle(class_id: int, field: str, when_on: str, when_off: str):
    """Flip a yes/no setting of the class and say what it is now."""
    classroom = classes.class_of(current_user, class_id)
    turned_on = not getattr(classroom, field)
    classes.update_class(classroom, **{field: turned_on})
    flash(when_on if turned_on else when_off)
    return redirect(url_for(".class_page", class_id=class_id))


@bp.post("/classes/<id:class_id>/archive")
def toggle_archive(class_id: int):
    return _toggle(class_id, "archived", "Class archived.", "Class restored.")


@bp.post("/classes/<id:class_id>/join-code")
def regenerate_code(class_id: int):
    return _simple_action(class_id, classes.regenerate_join_code, "New join code made; the old one no longer works.")


@bp.post("/classes/<id:class_id>/join-code/toggle")
def toggle_joining(class_id: int):
    return _toggle(class_id, "join_enabled", "Joining with the code is on.", "Joining with the code is off.")


@bp.post("/classes/<id:class_id>/roster")
def add_roster(class_id: int):
    classroom = classes.class_of(current_user, class_id)
    form = RosterForm()
    if form.validate_on_submit():
        text = form.names.data or ""
        if form.file.data:
            raw = form.file.data.read(MAX_ROSTER_FILE + 1)
            if len(raw) > MAX_ROSTER_FILE:
                form.file.errors.append("That file is too large for a class list.")
                return _class_page(classroom, 422, roster_form=form)
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                form.file.errors.append("Save the file as UTF-8 text (CSV UTF-8 in a spreadsheet) and upload it again.")
                return _class_page(classroom, 422, roster_form=form)
        try:
            created = classes.add_roster(classroom, text)
        except ServiceError as error:
            _form_error(form, error)
        else:
            return render_template("teacher/cards.html", classroom=classroom, created=created)
    return _class_page(classroom, 422, roster_form=form)


@bp.post("/classes/<id:class_id>/students/<id:student_id>/reset")
def reset_password(class_id: int, student_id: int):
    classroom = classes.class_of(current_user, class_id)
    student = classes.student_in(classroom, student_id)
    password = accounts.reset_password(student)
    return render_template("teacher/cards.html", classroom=classroom, created=[(student, password)], reset=True)


@bp.post("/classes/<id:class_id>/students/<id:student_id>/remove")
def remove_student(class_id: int, student_id: int):
    return _simple_action(class_id, lambda c: classes.remove_student(c, student_id), "Student removed from the class.")


@bp.post("/classes/<id:class_id>/assignments")
def create_assignment(class_id: int):
    classroom = classes.class_of(current_user, class_id)
    form = _assignment_form()
    zone = current_user.timezone

    def assign():
        assignments.create_assignment(
            classroom, form.quiz_id.data, _utc(form.opens_at.data, zone), _utc(form.closes_at.data, zone),
            form.max_attempts.data, form.grading_method.data, form.feedback.data,
        )

    if _applied(form, assign):
        flash("Quiz assigned.")
        return redirect(url_for(".class_page", class_id=class_id))
    return _class_page(classroom, 422, assignment_form=form)


@bp.get("/assignments/<id:assignment_id>")
def assignment_page(assignment_id: int):
    assignment = assignments.assignment_of_teacher(current_user, assignment_id)
    return render_template("teacher/assignment.html", assignment=assignment, rows=assignments.assignment_overview(assignment))


@bp.post("/assignments/<id:assignment_id>/delete")
def delete_assignment(assignment_id: int):
    assignment = assignments.assignment_of_teacher(current_user, assignment_id)
    class_id = assignment.classroom_id
    assignments.delete_assignment(assignment)
    flash("Assignment deleted, with its attempts.")
    return redirect(url_for(".class_page", class_id=class_id))


@bp.route("/settings", methods=["GET", "POST"])
def settings():
    settings_form = SettingsForm(obj=current_user)
    token_form = TokenForm()
    new_secret = None
    if request.method == "POST" and "timezone" in request.form and settings_form.validate_on_submit():
        accounts.set_timezone(current_user, settings_form.timezone.data)
        flash("Settings saved.")
        return redirect(url_for(".settings"))
    if request.method == "POST" and "name" in request.form and token_form.validate_on_submit():
        try:
            _, new_secret = accounts.create_api_token(current_user, token_form.name.data)
        except ServiceError as error:
            _form_error(token_form, error)
    return render_template(
        "teacher/settings.html",
        settings_form=settings_form,
        token_form=token_form,
        tokens=accounts.api_tokens(current_user),
        new_secret=new_secret,
    )


@bp.post("/settings/tokens/<id:token_id>/revoke")
def revoke_token(token_id: int):
    accounts.revoke_api_token(current_user, token_id)
    flash("Token revoked.")
    return redirect(url_for(".settings"))
