"""API v1 for results: an assignment's gradebook, responses, item statistics and confusion matrix
(the class's teacher only; anyone else's assignment is 404), and a student's own progress."""

from dataclasses import asdict

from flask import jsonify, request

from quizzes.mastery import MONTH, WEEK
from services import assignments, classes, results

from ..errors import ApiError
from . import bp
from .class_routes import TEACHERS, assignment_json, student_json
from .requests import require_user


def _sheet(assignment_id: int, answers: bool = False) -> results.Sheet:
    return results.load_sheet(assignments.assignment_of_teacher(require_user(*TEACHERS), assignment_id), answers)


@bp.get("/assignments/<id:assignment_id>/gradebook")
def gradebook(assignment_id: int):
    sheet = _sheet(assignment_id)
    return jsonify({
        "assignment": assignment_json(sheet.assignment),
        "max_score": sheet.max_score,
        "questions": [{"id": q.id, "number": q.position, "type": q.type, "points": q.points} for q in sheet.questions],
        "students": [
            dict(student_json(row.student), state=row.state, attempts=len(row.attempts), score=row.score,
                 counted_attempt_id=row.shown.id if row.shown else None, points=row.cells,
                 time_taken_seconds=row.time_taken.total_seconds() if row.time_taken else None)
            for row in results.gradebook(sheet)
        ],
    })


@bp.get("/assignments/<id:assignment_id>/responses")
def responses(assignment_id: int):
    return jsonify({"responses": results.response_rows(_sheet(assignment_id, answers=True))})


@bp.get("/assignments/<id:assignment_id>/item-statistics")
def item_statistics(assignment_id: int):
    sheet = _sheet(assignment_id)
    stats, _ = results.item_analysis(sheet)
    return jsonify({
        "quiz": asdict(stats.quiz),
        "questions": [dict(asdict(s), question_id=q.id, number=q.position) for q, s in zip(sheet.questions, stats.questions)],
    })


@bp.get("/assignments/<id:assignment_id>/confusion")
def confusion(assignment_id: int):
    assignment = assignments.assignment_of_teacher(require_user(*TEACHERS), assignment_id)
    raw = request.args.get("student", "")
    if raw and not raw.isdigit():
        raise ApiError(422, "student must be a student id", "student")
    student_id = classes.student_in(assignment.classroom, int(raw)).id if raw else None
    report = results.confusion(results.submitted_in_assignment(assignment), student_id)
    return jsonify({
        "labels": list(report.labels),
        "matrix": report.matrix(),
        "missed": {label: cell.count for label, cell in report.missed.items()},
        "statements": list(report.statements),
        "cells": [asdict(cell) for cell in [*report.cells.values(), *report.missed.values()] if cell.count],
    })


@bp.get("/me/progress")
def my_progress():
    period = MONTH if request.args.get("period") == MONTH else WEEK
    by_label = results.progress(require_user("student"), period)
    return jsonify({
        "period": period,
        "labels": {
            label: [{"start": s.start.isoformat(), "name": s.name, "correct": s.correct, "total": s.total} for s in scores]
            for label, scores in by_label.items()
        },
    })
