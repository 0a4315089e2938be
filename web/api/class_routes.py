"""API v1 for classes, rosters and assignments (teachers), and a student's own assignments."""

from datetime import datetime

from flask import jsonify

from services import accounts, assignments, classes

from ..errors import ApiError
from . import bp
from .requests import json_object, require_user

TEACHERS = ("teacher", "admin")


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def class_json(classroom, full: bool = False) -> dict:
    data = {
        "id": classroom.id,
        "name": classroom.name,
        "join_code": classroom.join_code,
        "join_enabled": classroom.join_enabled,
        "archived": classroom.archived,
    }
    if full:
        data["students"] = [student_json(s) for s in classroom.students]
        data["assignments"] = [assignment_json(a) for a in assignments.assignments_of_class(classroom)]
    return data


def student_json(student) -> dict:
    return {"id": student.id, "username": student.username, "display_name": student.display_name}


def assignment_json(assignment) -> dict:
    return {
        "id": assignment.id,
        "class_id": assignment.classroom_id,
        "quiz_id": assignment.quiz_id,
        "quiz_title": assignment.quiz.title,
        "opens_at": _time(assignment.opens_at),
        "closes_at": _time(assignment.closes_at),
        "max_attempts": assignment.max_attempts,
        "grading_method": assignment.grading_method,
        "feedback": assignment.feedback,
    }


def _parse_time(body: dict, field: str, required: bool) -> datetime | None:
    value = body.get(field)
    if value is None:
        if required:
            raise ApiError(422, f"{field} is required", field)
        return None
    try:
        moment = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise ApiError(422, f"{field} must be an ISO 8601 time with a zone, e.g. 2026-11-25T14:00:00Z", field)
    return moment


def _assignment_fields(body: dict, creating: bool) -> dict:
    fields = {}
    if creating or "opens_at" in body:
        fields["opens_at"] = _parse_time(body, "opens_at", required=True)
    if creating or "closes_at" in body:
        fields["closes_at"] = _parse_time(body, "closes_at", required=False)
    for name in ("max_attempts", "grading_method", "feedback"):
        if name in body:
            fields[name] = body[name]
    return fields


def _teacher_class(class_id: int):
    return classes.class_of(require_user(*TEACHERS), class_id)


@bp.get("/classes")
def list_classes():
    return jsonify({"classes": [class_json(c) for c in classes.classes_of(require_user(*TEACHERS))]})


@bp.post("/classes")
def create_class():
    teacher = require_user(*TEACHERS)
    return jsonify(class_json(classes.create_class(teacher, json_object().get("name")), full=True)), 201


@bp.get("/classes/<id:class_id>")
def get_class(class_id: int):
    return jsonify(class_json(_teacher_class(class_id), full=True))


@bp.patch("/classes/<id:class_id>")
def update_class(class_id: int):
    classroom = _teacher_class(class_id)
    body = json_object()
    unknown = set(body) - {"name", "archived", "join_enabled"}
    if unknown:
        raise ApiError(422, f"unknown field {sorted(unknown)[0]!r}", sorted(unknown)[0])
    classes.update_class(classroom, name=body.get("name"), archived=body.get("archived"), join_enabled=body.get("join_enabled"))
    return jsonify(class_json(classroom, full=True))


@bp.post("/classes/<id:class_id>/join-code")
def new_join_code(class_id: int):
    return jsonify(class_json(classes.regenerate_join_code(_teacher_class(class_id))))


@bp.get("/classes/<id:class_id>/students")
def list_students(class_id: int):
    return jsonify({"students": [student_json(s) for s in _teacher_class(class_id).students]})


@bp.post("/classes/<id:class_id>/students")
def add_students(class_id: int):
    """Add a roster: ``{"names": "one per line or CSV"}`` or ``{"names": [...]}``; one-time passwords are returned once."""
    classroom = _teacher_class(class_id)
    names = json_object().get("names")
    if isinstance(names, list) and all(isinstance(n, str) for n in names):
        names = "\n".join(n.replace("\n", " ") for n in names)
    created = classes.add_roster(classroom, names)
    return jsonify({"students": [dict(student_json(s), password=p) for s, p in created]}), 201


@bp.delete("/classes/<id:class_id>/students/<id:student_id>")
def remove_student(class_id: int, student_id: int):
    classes.remove_student(_teacher_class(class_id), student_id)
    return "", 204


@bp.post("/classes/<id:class_id>/students/<id:student_id>/password")
def reset_student_password(class_id: int, student_id: int):
    student = classes.student_in(_teacher_class(class_id), student_id)
    return jsonify(dict(student_json(student), password=accounts.reset_password(student)))


@bp.get("/classes/<id:class_id>/assignments")
def list_assignments(class_id: int):
    return jsonify({"assignments": [assignment_json(a) for a in assignments.assignments_of_class(_teacher_class(class_id))]})


@bp.post("/classes/<id:class_id>/assignments")
def create_assignment(class_id: int):
    classroom = _teacher_class(class_id)
    body = json_object()
    fields = _assignment_fields(body, creating=True)
    assignment = assignments.create_assignment(classroom, body.get("quiz_id"), **fields)
    return jsonify(assignment_json(assignment)), 201


@bp.get("/assignments/<id:assignment_id>")
def get_assignment(assignment_id: int):
    return jsonify(assignment_json(assignments.assignment_of_teacher(require_user(*TEACHERS), assignment_id)))


@bp.patch("/assignments/<id:assignment_id>")
def update_assignment(assignment_id: int):
    assignment = assignments.assignment_of_teacher(require_user(*TEACHERS), assignment_id)
    assignments.update_assignment(assignment, **_assignment_fields(json_object(), creating=False))
    return jsonify(assignment_json(assignment))


@bp.delete("/assignments/<id:assignment_id>")
def delete_assignment(assignment_id: int):
    assignments.delete_assignment(assignments.assignment_of_teacher(require_user(*TEACHERS), assignment_id))
    return "", 204


@bp.get("/assignments/<id:assignment_id>/results")
def assignment_results(assignment_id: int):
    assignment = assignments.assignment_of_teacher(require_user(*TEACHERS), assignment_id)
    rows = assignments.assignment_overview(assignment)
    return jsonify(
        {
            "assignment": assignment_json(assignment),
            "students": [
                dict(student_json(r["student"]), state=r["state"], attempts=len(r["attempts"]), score=r["score"])
                for r in rows
            ],
        }
    )


@bp.get("/me/assignments")
def my_assignments():
    student = require_user("student")
    groups = assignments.student_assignments(student)
    return jsonify(
        {
            group: [
                dict(
                    assignment_json(row["assignment"]),
                    attempts_used=len(row["attempts"]),
                    attempts_left=row["attempts_left"],
                    in_progress_attempt_id=row["in_progress"].id if row["in_progress"] else None,
                    score=row["score"],
                )
                for row in rows
            ]
            for group, rows in groups.items()
        }
    )


@bp.post("/assignments/<id:assignment_id>/attempts")
def start_assignment_attempt(assignment_id: int):
    attempt = assignments.start_or_resume(require_user("student"), assignment_id)
    return jsonify({"attempt_id": attempt.id, "quiz_id": attempt.quiz_id}), 201
